"""Reminders (SPEC §7): who gets one, when, with what form — and a reply to one is accepted with the
values the focal point edited, however the mail client quoted the reminder."""

from __future__ import annotations

from datetime import date, time, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest

from gateway.app import notify
from gateway.app.instance import Instance
from gateway.app.service import poll, send_outbox
from tests.helpers import at, deliver_eml, eml, make_instance
from tests.smtp_server import Received, SmtpServer, use_smtp

SKHCN = "daumoi@skhcn.example.gov.vn"
CAT = "daumoi@congan.example.gov.vn"
VPUB = "daumoi@vpub.example.gov.vn"


@pytest.fixture
def inst(tmp_path: Path, server: SmtpServer, monkeypatch: pytest.MonkeyPatch) -> Instance:
    i = use_smtp(make_instance(tmp_path / "inst"), server, monkeypatch)
    i.cfg.site.base_url = "https://baocao.example.gov.vn/"
    yield i
    i.close()


def remind(inst: Instance, day: str, slot: str, dry_run: bool = False) -> list[tuple[notify.Planned, bool]]:
    d = date.fromisoformat(day)
    t = time.fromisoformat(slot)
    return notify.send_reminders(inst, d, t, at(f"{day} {slot}"), dry_run=dry_run)


def report(unit: str, kind: str, period: str, tasks: str) -> str:
    return f"Đơn vị: {unit}\nLoại báo cáo: {kind}\nKỳ báo cáo: {period}\n\n{tasks}"


def assert_marked(m: Received) -> None:
    msg = m.msg
    assert msg["Auto-Submitted"] == "auto-generated"
    assert msg["X-Auto-Response-Suppress"] == "All"
    assert msg["X-baocao-Loop"] == "baocao@example.gov.vn"
    assert msg["Message-ID"].endswith("@baocao.example.gov.vn>")
    assert m.tls and m.authenticated


def test_reminders_go_only_to_units_that_have_not_reported(inst: Instance, server: SmtpServer) -> None:
    # Tuesday 20 May 2025: SKHCN and CAT owe a daily report; VPUB reports weekly and monthly only.
    res = remind(inst, "2025-05-20", "14:30")
    assert sorted(p.recipient for p, new in res if new) == [CAT, SKHCN]
    assert send_outbox(inst, at("2025-05-20 14:30")).sent == 2
    by = {m.rcpt_tos[0]: m for m in server.messages}
    for addr in (SKHCN, CAT):
        assert_marked(by[addr])
        assert by[addr].subject.startswith("[Nhắc báo cáo]")
        assert "In-Reply-To" not in by[addr].msg
    body = by[SKHCN].text()
    assert "Báo cáo ngày: Ngày 20/05/2025 – hạn 16:30 20/05/2025" in body
    assert "Đơn vị: SKHCN" in body and "Kỳ báo cáo: 20/05/2025" in body
    # The form holds the tasks SKHCN leads (NV01) and supports (NV02), not the others'.
    assert "Nhiệm vụ: NV01" in body and "Nhiệm vụ: NV02" in body and "NV03" not in body
    assert "https://baocao.example.gov.vn/don-vi/SKHCN.html" in body

    # SKHCN reports at 15:10: at 16:00 only CAT is reminded.
    deliver_eml(inst, eml(SKHCN, "Báo cáo ngày", report("SKHCN", "Ngày", "20/05/2025",
                                                         "Nhiệm vụ: NV01\nTình trạng: Đang thực hiện\nTiến độ: 40%\n"),
                          message_id="<r1@skhcn>"), "r1", at("2025-05-20 15:10"))
    poll(inst, at("2025-05-20 15:10"), build=False)
    assert [m.subject[:10] for m in server.by_recipient(SKHCN)] == ["[Nhắc báo ", "[Đã nhận] "]
    res = remind(inst, "2025-05-20", "16:00")
    assert [p.recipient for p, new in res if new] == [CAT]
    send_outbox(inst, at("2025-05-20 16:00"))
    assert [(m.rcpt_tos[0], m.subject[:10]) for m in server.messages] == [
        (SKHCN, "[Nhắc báo "), (CAT, "[Nhắc báo "), (SKHCN, "[Đã nhận] "), (CAT, "[Nhắc báo ")]
    # The same slot again: the ledger holds it, nothing is queued or sent twice.
    assert [new for _, new in remind(inst, "2025-05-20", "16:00")] == [False]
    assert [new for _, new in remind(inst, "2025-05-20", "14:30")] == [False]  # SKHCN has reported now
    assert send_outbox(inst, at("2025-05-20 16:05")).sent == 0
    assert len(server.messages) == 4
    # After the deadline, a slot has nothing left to remind of.
    assert remind(inst, "2025-05-20", "17:00") == []


def test_dry_run_queues_nothing(inst: Instance) -> None:
    res = remind(inst, "2025-05-20", "14:30", dry_run=True)
    assert len(res) == 2 and all(new for _, new in res)
    assert inst.store.db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == 0


def test_no_reminder_on_a_day_off_and_shifted_weekly_on_monday(inst: Instance) -> None:
    assert remind(inst, "2025-04-30", "14:30") == []  # public holiday
    assert remind(inst, "2025-05-02", "14:30") == []  # swapped day off, a Friday: weekly moves on
    assert remind(inst, "2025-05-03", "14:30") == []  # Saturday
    # Monday 5 May: the daily, the weekly of week 18 (Friday 2 May was off) and the monthly of April
    # (30 April to 4 May are all days off) are all due: still one email per unit.
    res = remind(inst, "2025-05-05", "14:30")
    subjects = {p.recipient: p.subject for p, _ in res}
    assert subjects[VPUB] == "[Nhắc báo cáo] VP UBND: chưa có báo cáo tuần, tháng – hạn 16:30 05/05/2025"
    assert subjects[SKHCN] == "[Nhắc báo cáo] Sở KH&CN: chưa có báo cáo ngày, tuần, tháng – hạn 16:30 05/05/2025"
    assert len(res) == 3
    body = next(p.body for p, _ in res if p.recipient == SKHCN)
    assert "Kỳ báo cáo: 05/05/2025" in body and "Kỳ báo cáo: Tuần 18/2025" in body
    assert "Kỳ báo cáo: Tháng 4/2025" in body
    assert "Mỗi loại báo cáo gửi trong một thư riêng." in body


def test_make_up_saturday_and_month_end(inst: Instance) -> None:
    assert sorted(p.recipient for p, _ in remind(inst, "2025-04-26", "14:30")) == [CAT, SKHCN]
    # 30 June 2025 is a Monday: daily and monthly due, one email per unit covering both.
    res = remind(inst, "2025-06-30", "16:00")
    assert sorted(p.recipient for p, _ in res) == [CAT, SKHCN, VPUB]
    assert {p.recipient: p.subject.split(": ", 1)[1] for p, _ in res}[CAT] == \
        "chưa có báo cáo ngày, tháng – hạn 16:30 30/06/2025"


def test_form_is_prefilled_with_last_status_and_progress(inst: Instance) -> None:
    deliver_eml(inst, eml(SKHCN, "BC", report("SKHCN", "Ngày", "19/05/2025",
                                              "Nhiệm vụ: NV01\nTình trạng: Đang thực hiện\nTiến độ: 60%\n"
                                              "Kết quả: Đã trình dự thảo kế hoạch.\n"
                                              "Khó khăn, vướng mắc: Chưa có kinh phí.\n"),
                          message_id="<a@x>"), "a", at("2025-05-19 15:00"))
    deliver_eml(inst, eml(CAT, "BC", report("CAT", "Ngày", "19/05/2025",
                                            "Nhiệm vụ: NV02\nTình trạng: Đang thực hiện\nTiến độ: 35%\n"),
                          message_id="<b@x>"), "b", at("2025-05-19 15:01"))
    poll(inst, at("2025-05-19 15:05"), build=False)
    [(p, _)] = [x for x in remind(inst, "2025-05-20", "14:30") if x[0].recipient == SKHCN]
    nv01 = p.body[p.body.index("Nhiệm vụ: NV01"):p.body.index("Nhiệm vụ: NV02")]
    assert "Tình trạng: Đang thực hiện" in nv01 and "Tiến độ: 60%" in nv01
    assert "Kết quả: Đã trình dự thảo kế hoạch." in nv01 and "Khó khăn, vướng mắc: Chưa có kinh phí." in nv01
    nv02 = p.body[p.body.index("Nhiệm vụ: NV02"):]
    # SKHCN never reported NV02: its form leaves status and progress blank (issue 9: CAT's 35 %
    # returned unchanged would have become SKHCN's own word), never a default 'Đang thực hiện / 0%'.
    assert "Tình trạng: \n" in nv02 and "Tiến độ: \n" in nv02 and "35%" not in nv02


# ---- replying to a reminder, as three mail clients quote it ------------------------------------

EDITED = """Đơn vị: SKHCN
Loại báo cáo: Ngày
Kỳ báo cáo: 20/05/2025

Tình hình chung: Đã hoàn thành kế hoạch, đang làm sạch dữ liệu.

Nhiệm vụ: NV01 – Xây dựng kế hoạch triển khai Nghị quyết 57-NQ/TW
Tình trạng: Hoàn thành
Tiến độ: 100%
Kết quả: UBND tỉnh đã ban hành kế hoạch.
Khó khăn, vướng mắc: Không
Đề xuất, kiến nghị: Không

Nhiệm vụ: NV02 – Làm sạch dữ liệu dân cư phục vụ Đề án 06
Tình trạng: Đang thực hiện
Tiến độ: 45%
Kết quả: Đã rà soát 12 xã.
Khó khăn, vướng mắc: Thiếu nhân lực nhập liệu.
Đề xuất, kiến nghị: Không
"""


def gmail_reply(reminder: Received) -> EmailMessage:
    quoted = "\n".join("> " + line if line else ">" for line in reminder.text().splitlines())
    text = (EDITED + "\nVào Th 3, 20 thg 5, 2025 vào lúc 14:30 Kênh báo cáo điện tử <\nbaocao@example.gov.vn> "
            "đã viết:\n\n" + quoted + "\n")
    html_q = reminder.text().replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br>")
    html = ('<div dir="ltr">' + EDITED.replace("\n", "<br>") + '</div><br><div class="gmail_quote">'
            '<div dir="ltr" class="gmail_attr">Vào Th 3, 20 thg 5, 2025 vào lúc 14:30 Kênh báo cáo điện tử '
            '&lt;baocao@example.gov.vn&gt; đã viết:<br></div><blockquote class="gmail_quote" '
            'style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">'
            + html_q + "</blockquote></div>")
    msg = EmailMessage()
    msg.set_content(text)
    msg.add_alternative(html, subtype="html")
    msg["Subject"] = "Re: " + reminder.subject
    return msg


def outlook_reply(reminder: Received) -> EmailMessage:
    text = (EDITED + "\n________________________________\nTừ: Kênh báo cáo điện tử <baocao@example.gov.vn>\n"
            "Đã gửi: Thứ Ba, ngày 20 tháng 5 năm 2025 14:30\nĐến: " + SKHCN + "\n"
            "Chủ đề: " + reminder.subject + "\n\n" + reminder.text())
    msg = EmailMessage()
    msg.set_content(text.replace("\n", "\r\n"), cte="quoted-printable")
    msg["Subject"] = "RE: " + reminder.subject
    return msg


def zimbra_reply(reminder: Received) -> EmailMessage:
    text = (EDITED + "\n----- Thư gốc -----\nTừ: \"Kênh báo cáo điện tử\" <baocao@example.gov.vn>\n"
            "Tới: " + SKHCN + "\nĐã gửi: Thứ Ba, 20 Tháng Năm, 2025 14:30:00\n"
            "Chủ đề: " + reminder.subject + "\n\n" + reminder.text())
    msg = EmailMessage()
    msg.set_content(text, charset="utf-8", cte="base64")
    msg["Subject"] = "Trả lời: " + reminder.subject
    return msg


@pytest.mark.parametrize("client", [gmail_reply, outlook_reply, zimbra_reply])
def test_reply_to_a_reminder_is_accepted_with_the_edited_values(inst: Instance, server: SmtpServer, client) -> None:
    # A day before: SKHCN reported NV01 at 60% and NV02 at 20%, so the reminder's form quotes those.
    deliver_eml(inst, eml(SKHCN, "BC", report("SKHCN", "Ngày", "19/05/2025",
                                              "Nhiệm vụ: NV01\nTình trạng: Đang thực hiện\nTiến độ: 60%\n\n"
                                              "Nhiệm vụ: NV02\nTình trạng: Đang thực hiện\nTiến độ: 20%\n"),
                          message_id="<prev@skhcn>"), "prev", at("2025-05-19 15:00"))
    poll(inst, at("2025-05-19 15:00"), build=False)
    server.messages.clear()

    remind(inst, "2025-05-20", "14:30")
    send_outbox(inst, at("2025-05-20 14:30"))
    [reminder] = server.by_recipient(SKHCN)
    assert "Tiến độ: 60%" in reminder.text() and "Tiến độ: 20%" in reminder.text()

    reply = client(reminder)
    reply["From"] = f"Nguyễn Văn An <{SKHCN}>"
    reply["To"] = "Kênh báo cáo điện tử <baocao@example.gov.vn>"
    reply["Date"] = "Tue, 20 May 2025 15:02:00 +0700"
    reply["Message-ID"] = f"<reply-{client.__name__}@skhcn.example.gov.vn>"
    reply["In-Reply-To"] = reminder.message_id
    reply["References"] = reminder.message_id
    deliver_eml(inst, reply.as_bytes(), "reply", at("2025-05-20 15:02"))
    res = poll(inst, at("2025-05-20 15:02"), build=False)
    assert res.batch.outcomes == {"accepted": 1}, inst.store.db.execute("SELECT codes FROM messages").fetchall()

    row = dict(next(inst.store.db.query("SELECT * FROM reports ORDER BY id DESC LIMIT 1")))
    assert (row["unit"], row["kind"], row["period"], row["timeliness"]) == ("SKHCN", "daily", "2025-05-20", "on_time")
    assert row["summary"] == "Đã hoàn thành kế hoạch, đang làm sạch dữ liệu."
    tasks = {r["task"]: r for r in inst.store.db.query(
        "SELECT task, status, progress, result, difficulties FROM task_updates WHERE report_id=?", [row["id"]])}
    assert set(tasks) == {"NV01", "NV02"}
    assert (tasks["NV01"]["status"], tasks["NV01"]["progress"], tasks["NV01"]["result"]) == \
        ("completed", 100, "UBND tỉnh đã ban hành kế hoạch.")
    assert (tasks["NV02"]["status"], tasks["NV02"]["progress"], tasks["NV02"]["difficulties"]) == \
        ("in_progress", 45, "Thiếu nhân lực nhập liệu.")
    # The receipt is threaded to the reply and no further reminder goes to SKHCN today.
    receipt = server.by_recipient(SKHCN)[-1]
    assert receipt.subject.startswith("[Đã nhận]")
    assert receipt.msg["In-Reply-To"] == reply["Message-ID"]
    assert "Tiến độ: 100%" in receipt.text() and "Tiến độ: 45%" in receipt.text()
    assert [p.recipient for p, _ in remind(inst, "2025-05-20", "16:00")] == [CAT]


def test_slot_ledger_survives_a_restart(inst: Instance, tmp_path: Path) -> None:
    assert len([1 for _, new in remind(inst, "2025-05-20", "14:30") if new]) == 2
    inst.close()
    again = Instance(inst.cfg)
    try:
        assert [new for _, new in notify.send_reminders(again, date(2025, 5, 20), time(14, 30),
                                                        at("2025-05-20 14:30") + timedelta(minutes=1))] == [False, False]
    finally:
        again.close()


# ---- early warnings ------------------------------------------------------------------------------

def test_early_warnings_at_7_3_1_days_and_overdue_each_once(inst: Instance, server: SmtpServer) -> None:
    def warn(day: str) -> list[str]:
        done = notify.send_warnings(inst, at(f"{day} 08:00"))
        return [p.dedupe_key.rsplit(":", 2)[0] for p, new in done if new]

    # NV01 (SKHCN) is due 30/06/2025.
    assert warn("2025-06-22") == []  # 8 days ahead
    assert warn("2025-06-23") == ["warning:NV01:2025-06-30"]  # 7 days
    assert [k for k in inst.store.db.execute("SELECT dedupe_key FROM outbox").fetchall()] == [
        ("warning:NV01:2025-06-30:7:daumoi@skhcn.example.gov.vn",)]
    assert warn("2025-06-24") == []  # nothing new at 6 days, and 7 is not sent twice
    assert warn("2025-06-28") == ["warning:NV01:2025-06-30"]  # 2 days: the 3-day warning
    assert warn("2025-06-29") == ["warning:NV01:2025-06-30"]  # 1 day
    assert warn("2025-06-30") == []  # due today: the 1-day warning was enough
    assert warn("2025-07-01") == ["warning:NV01:2025-06-30"]  # overdue
    assert warn("2025-07-02") == []
    levels = [r[0].split(":")[3] for r in inst.store.db.execute(
        "SELECT dedupe_key FROM outbox WHERE dedupe_key LIKE 'warning:NV01:%' ORDER BY id")]
    assert levels == ["7", "3", "1", "overdue"]
    send_outbox(inst, at("2025-07-02 08:00"))
    subjects = [m.subject for m in server.by_recipient(SKHCN)]
    assert subjects == [
        "[Sắp đến hạn] Nhiệm vụ NV01 còn 7 ngày (hạn 30/06/2025)",
        "[Sắp đến hạn] Nhiệm vụ NV01 còn 2 ngày (hạn 30/06/2025)",
        "[Sắp đến hạn] Nhiệm vụ NV01 còn 1 ngày (hạn 30/06/2025)",
        "[Quá hạn] Nhiệm vụ NV01 đã quá hạn 30/06/2025",
    ]
    for m in server.by_recipient(SKHCN):
        assert m.msg["Auto-Submitted"] == "auto-generated" and m.msg["X-Auto-Response-Suppress"] == "All"


def test_no_warning_for_a_completed_task(inst: Instance) -> None:
    deliver_eml(inst, eml(SKHCN, "BC", report("SKHCN", "Ngày", "20/06/2025",
                                              "Nhiệm vụ: NV01\nTình trạng: Hoàn thành\n"),
                          message_id="<done@x>"), "done", at("2025-06-20 10:00"))
    poll(inst, at("2025-06-20 10:00"), build=False)
    assert [p for p, _ in notify.send_warnings(inst, at("2025-06-29 08:00"))
            if p.unit == "SKHCN"] == []


def test_one_reminder_per_unit_to_all_its_addresses_even_if_one_is_dead(
        tmp_path: Path, server: SmtpServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """A unit with two focal-point addresses gets ONE reminder per slot, addressed to both; when the
    server refuses one address (5.1.1) the other still gets it and the dead one is suppressed."""
    second = "phodaumoi@skhcn.example.gov.vn"
    i = use_smtp(make_instance(tmp_path / "two"), server, monkeypatch)
    units = i.cfg.resolve(i.cfg.lists.units)
    units.write_text(units.read_text(encoding="utf-8").replace(SKHCN, f"{SKHCN};{second}"), encoding="utf-8")
    i.__dict__.pop("directory", None)  # re-read the edited list
    server.handler.rcpt_refusals[second] = "550 5.1.1 <phodaumoi@skhcn.example.gov.vn>: no such user"
    try:
        res = remind(i, "2025-05-20", "14:30")
        mine = [p for p, new in res if new and p.unit == "SKHCN"]
        assert len(mine) == 1 and mine[0].recipient == f"{SKHCN}, {second}"
        assert send_outbox(i, at("2025-05-20 14:30")).sent == 2  # SKHCN's and CAT's
        [got] = [m for m in server.messages if SKHCN in m.rcpt_tos]
        assert got.rcpt_tos == [SKHCN]  # the refused address did not stop the message
        assert got.msg["To"] == f"{SKHCN}, {second}"
        assert i.store.is_suppressed(second) and not i.store.is_suppressed(SKHCN)
        # At 16:00 the unit is reminded once again, now only at its live address.
        res = remind(i, "2025-05-20", "16:00")
        assert [p.recipient for p, new in res if new and p.unit == "SKHCN"] == [SKHCN]
    finally:
        i.close()
