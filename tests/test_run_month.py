"""One simulated month of the working group's loop (issue 10, SPEC §7, §8.1) through the
`baocao run` loop on a stepping clock, sending to a real aiosmtpd server, asserted message by
message: a difficulty raised → routed to the agency its proposal names → answered by mail →
confirmed by the unit; one nobody answers ages into the digest; an overdue task climbs the ladder
(focal point, head, working group), each step once, and stops when the task is reported completed.
Every mail of these flows is loop-safe, and every answer is in its thread."""

from __future__ import annotations

from pathlib import Path

import pytest

from gateway.app.clock import StepClock
from gateway.app.instance import Instance
from gateway.config import load
from tests.helpers import at, deliver_eml, eml, make_instance
from tests.smtp_server import Received, SmtpServer, use_smtp
from tests.test_loop import (
    AGENCIES,
    CAT,
    CAT_HEAD,
    DE_NGHI,
    KINH_PHI,
    OBLIGATIONS,
    SKHCN,
    STC_DESK,
    TCT,
    report,
    write_tasks,
    write_units,
)
from tests.test_run_week import RecordingRunner, kind_of, sent_at

OFFICE_DESK = "dieuphoi@vpub.example.gov.vn"
LOOP = ("Khó khăn", "Đã nhận ý kiến", "Quá hạn")  # the subjects of this loop's mail (and receipts)


def month_instance(tmp_path: Path, server: SmtpServer, monkeypatch: pytest.MonkeyPatch) -> Instance:
    path = tmp_path / "inst"
    make_instance(path, recipients=f'["{TCT}"]').close()
    cfg = (path / "baocao.toml").read_text(encoding="utf-8")
    cfg = cfg.replace('tasks = "tasks.csv"', 'tasks = "tasks.csv"\nagencies = "agencies.csv"', 1)
    cfg += '\n[escalation]\nhead_after_days = 3\ngroup_after_days = 7\nrepeat_days = 7\n'
    (path / "baocao.toml").write_text(cfg, encoding="utf-8")
    (path / "agencies.csv").write_text(AGENCIES, encoding="utf-8")
    (path / "obligations.csv").write_text(OBLIGATIONS, encoding="utf-8")
    write_units(path, {"CAT": [CAT_HEAD, "", ""]})
    # NV02 (CAT, head giamdoc@) falls due on Monday 19 May; the others are far off.
    write_tasks(path, {"NV01": {"deadline": "2025-12-31"}, "NV02": {"deadline": "2025-05-19"},
                       "NV03": {"deadline": "2025-12-31"}})
    inst = Instance(load(path / "baocao.toml"))
    use_smtp(inst, server, monkeypatch)
    inst.cfg.site.base_url = "https://baocao.example.gov.vn/"
    return inst


def stamp(m: Received) -> str:
    return sent_at(m).strftime("%d/%m %H:%M")


def test_one_simulated_month_of_the_loop(tmp_path: Path, server: SmtpServer, monkeypatch: pytest.MonkeyPatch) -> None:
    inst = month_instance(tmp_path, server, monkeypatch)
    clock = StepClock(at("2025-05-19 07:00"))
    routed: dict[str, str] = {}

    def deliver(when: str, name: str, raw: bytes) -> None:
        clock.at(at(when), lambda: deliver_eml(inst, raw, name, clock.now()))

    def mail(sender: str, body: str, mid: str, subject: str = "Báo cáo ngày", extra: str = "") -> bytes:
        return eml(sender, subject, body, message_id=mid, extra_headers=extra)

    # Tue 20/05: SKHCN raises a funding difficulty and names the Department of Finance.
    deliver("2025-05-20 15:00", "r1", mail(SKHCN, report("SKHCN", "20/05/2025", "NV01", 40, KINH_PHI, DE_NGHI),
                                           "<r1@skhcn>"))
    # Wed 21/05: CAT raises one nobody will answer (no agency's keyword: the Office's).
    deliver("2025-05-21 15:00", "c1", mail(CAT, report("CAT", "21/05/2025", "NV02", 60, "Thiếu nhân lực nhập liệu."),
                                           "<c1@cat>"))
    # Thu 22/05: SKHCN reports the same difficulty again (one record, routed once).
    deliver("2025-05-22 15:00", "r2", mail(SKHCN, report("SKHCN", "22/05/2025", "NV01", 45, KINH_PHI, DE_NGHI),
                                           "<r2@skhcn>"))

    # Fri 23/05 09:00: the Department of Finance answers the routing mail (Outlook-style reply).
    def stc_answer() -> None:
        mid = routed["KK-1"]
        body = ("Tình trạng xử lý: Đã giải quyết\nÝ kiến xử lý: Sở Tài chính đã tham mưu bổ sung 500 triệu đồng.\n\n"
                "-----Original Message-----\nFrom: baocao@example.gov.vn\nSubject: [Khó khăn KK-1]\n\n"
                "Mã khó khăn: KK-1\nTình trạng xử lý:\n")
        deliver_eml(inst, mail(STC_DESK, body, "<a1@stc>", "RE: [Khó khăn KK-1]",
                               f"In-Reply-To: {mid}\nReferences: {mid}"), "a1", clock.now())

    def capture_route() -> None:
        for m in server.messages:
            if m.subject.startswith("[Khó khăn KK-"):
                routed.setdefault(m.subject[len("[Khó khăn "):m.subject.index("]")], m.message_id)

    clock.at(at("2025-05-23 08:59"), capture_route)
    clock.at(at("2025-05-23 09:00"), stc_answer)
    # Mon 26/05: SKHCN confirms with its own 'Khó khăn: Không'.
    deliver("2025-05-26 15:00", "r3", mail(SKHCN, report("SKHCN", "26/05/2025", "NV01", 60, "Không"), "<r3@skhcn>"))
    # Wed 28/05: CAT reports NV02 completed (its difficulty field left out: KK-2 stays open).
    deliver("2025-05-28 10:00", "c2", mail(CAT, report("CAT", "28/05/2025", "NV02", 100, None, status="Hoàn thành"),
                                           "<c2@cat>"))

    runner = RecordingRunner(inst, clock, interval=1800)
    runner.run(until=at("2025-06-14 12:00"))
    msgs = server.messages

    loop = [m for m in msgs if kind_of(m).startswith(LOOP) or m.msg["In-Reply-To"] in
            ("<r1@skhcn>", "<c1@cat>", "<r2@skhcn>", "<r3@skhcn>", "<c2@cat>", "<a1@stc>")]
    got = [(stamp(m), m.rcpt_tos[0], m.subject) for m in loop]
    assert got == [
        ("20/05 08:00", CAT, "[Quá hạn] Nhiệm vụ NV02 đã quá hạn 19/05/2025"),  # overdue 1 day: its focal point
        ("20/05 15:00", SKHCN, got[1][2]),  # the receipt
        ("20/05 15:00", STC_DESK, got[2][2]),  # routed by the proposal's words
        ("21/05 15:00", CAT, got[3][2]),
        ("21/05 15:00", OFFICE_DESK, got[4][2]),  # nobody else's: the Office
        ("22/05 08:00", CAT_HEAD, "[Quá hạn 3 ngày] Nhiệm vụ NV02 – Công an tỉnh chủ trì"),
        ("22/05 15:00", SKHCN, got[6][2]),  # a receipt, no second routing mail
        ("23/05 09:00", STC_DESK, got[7][2]),  # the answer acknowledged
        ("23/05 09:00", SKHCN, got[8][2]),  # the unit told, in its report's thread
        ("26/05 08:00", TCT, "[Quá hạn 7 ngày] Nhiệm vụ NV02 – Công an tỉnh chủ trì"),
        ("26/05 15:00", SKHCN, got[10][2]),
        ("27/05 08:00", CAT, "[Quá hạn] Nhiệm vụ NV02 đã quá hạn 19/05/2025 (nhắc lần 2)"),
        ("28/05 10:00", CAT, got[12][2]),  # completed: nothing after this
    ]
    assert [kind_of(loop[i]) for i in (1, 3, 6, 10, 12)] == ["Đã nhận"] * 5
    assert loop[2].subject.startswith("[Khó khăn KK-1]") and loop[4].subject.startswith("[Khó khăn KK-2]")
    assert loop[7].subject.startswith("[Đã nhận ý kiến") and "KK-1" in loop[8].subject
    assert "Mã khó khăn: KK-1" in loop[2].text() and "Sở Tài chính" in loop[2].text()
    assert "500 triệu đồng" in loop[8].text()
    # Loop-safe, every one; answers in their threads; a repeat answers the step's first mail.
    for m in loop:
        assert m.mail_from == "baocao@example.gov.vn" and m.msg["X-baocao-Loop"] == "baocao@example.gov.vn"
        assert m.msg["X-Auto-Response-Suppress"] == "All"
        assert m.msg["Message-ID"].endswith("@baocao.example.gov.vn>")
    replies = {1: "<r1@skhcn>", 3: "<c1@cat>", 6: "<r2@skhcn>", 7: "<a1@stc>", 8: "<r1@skhcn>", 10: "<r3@skhcn>",
               11: loop[0].message_id, 12: "<c2@cat>"}
    for i, m in enumerate(loop):
        if i in replies:
            assert m.msg["In-Reply-To"] == replies[i], (i, m.subject)
            assert replies[i] in str(m.msg["References"]).split()
            assert m.msg["Auto-Submitted"] == ("auto-replied" if i in (1, 3, 6, 7, 10, 12) else "auto-generated")
        else:  # a new thread: the routing mail, the first mail of a ladder step
            assert "In-Reply-To" not in m.msg and m.msg["Auto-Submitted"] == "auto-generated", (i, m.subject)
    assert len({m.message_id for m in msgs}) == len(msgs)

    # The records at the end of the month.
    rows = {r["id"]: r for r in inst.store.difficulties()}
    assert (rows[1]["agency"], rows[1]["routed_by"], rows[1]["state"], rows[1]["resolution"]) == (
        "STC", "proposal", "resolved", "confirmed")
    assert (rows[2]["agency"], rows[2]["routed_by"], rows[2]["state"]) == ("VPUB", "office", "open")

    # The digests: KK-1 answered on Friday; KK-2 ageing once it is over 7 days unanswered.
    digests = {stamp(m)[:5]: m.text() for m in msgs if kind_of(m) == "Tổng hợp"}
    assert "== Khó khăn đã có ý kiến xử lý (1) ==" in digests["23/05"] and "KK-1" in digests["23/05"]
    ageing = [day for day, text in digests.items() if "== Khó khăn chưa được trả lời quá 7 ngày (1) ==" in text]
    assert ageing and ageing[0] == "29/05"
    assert "KK-2 – CAT, nhiệm vụ NV02: chuyển VPUB 8 ngày" in digests["29/05"]
    assert "== Khó khăn chưa được trả lời quá 7 ngày (0) ==" in digests["28/05"]
    inst.close()
