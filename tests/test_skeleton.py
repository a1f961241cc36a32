"""The walking skeleton end to end: parse contract, one batch, idempotence, bad input, CLI errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

from gateway.app.service import poll
from tests.helpers import at, deliver_eml, eml, make_instance

SKHCN = "daumoi@skhcn.example.gov.vn"

CANONICAL = """Đơn vị: SKHCN
Loại báo cáo: Ngày
Kỳ báo cáo: 20/05/2025

Tình hình chung:
Đơn vị tập trung triển khai các nhiệm vụ được giao.

Nhiệm vụ: NV01
Tình trạng: Đang thực hiện
Tiến độ: 60%
Kết quả: Đã trình dự thảo kế hoạch.
Khó khăn, vướng mắc: Chưa được bố trí kinh phí.
Đề xuất, kiến nghị: Đề nghị Sở Tài chính cân đối kinh phí.

Nhiệm vụ: NV02
Tình trạng: Hoàn thành
Kết quả: Đã phối hợp làm sạch dữ liệu
của 12 xã, phường.
Ghi chú: Số liệu đến 15 giờ.

Trân trọng,
Nguyễn Văn An
"""


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gateway", *args], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)})


def test_parse_json_contract_for_the_canonical_example(tmp_path: Path) -> None:
    inst = make_instance(tmp_path / "i")
    f = tmp_path / "r.eml"
    f.write_bytes(eml(f"Nguyễn Văn An <{SKHCN}>", "Báo cáo ngày 20/05/2025", CANONICAL, message_id="<a1@skhcn>"))
    p = run_cli("parse", str(f), "--json", "--config", str(inst.cfg.path), "--received-at", "2025-05-20T15:42:00+07:00")
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert out["outcome"] == "accepted"
    assert out["codes"] == []
    assert out["sender"] == SKHCN
    assert out["unit"] == "SKHCN"
    assert out["kind"] == "daily"
    assert out["period"] == "2025-05-20"
    assert out["received_at"] == "2025-05-20T15:42:00+07:00"
    assert out["deadline"] == "2025-05-20T16:30:00+07:00"
    assert out["timeliness"] == "on_time"
    assert out["summary"] == "Đơn vị tập trung triển khai các nhiệm vụ được giao."
    assert [t["code"] for t in out["tasks"]] == ["NV01", "NV02"]
    t1, t2 = out["tasks"]
    assert (t1["status"], t1["progress"]) == ("in_progress", 60)
    assert t1["result"] == "Đã trình dự thảo kế hoạch."
    assert t1["difficulties"] == "Chưa được bố trí kinh phí."
    assert t1["proposals"] == "Đề nghị Sở Tài chính cân đối kinh phí."
    assert t1["notes"] is None
    assert (t2["status"], t2["progress"]) == ("completed", 100)  # completed without progress -> 100
    assert t2["result"] == "Đã phối hợp làm sạch dữ liệu\ncủa 12 xã, phường."  # multi-line, signature cut
    assert t2["notes"] == "Số liệu đến 15 giờ."
    # NV02 is led by CAT; SKHCN coordinates it, so it is assigned: no warning at all.
    assert out["warnings"] == []


def test_parse_late_and_warnings_in_vietnamese(tmp_path: Path) -> None:
    inst = make_instance(tmp_path / "i")
    body = "Nhiệm vụ: NV03\nTình trạng: làm dần\nTiến độ: 150%\n\nNhiệm vụ: NV77\nTiến độ: 10%\n"
    f = tmp_path / "r.eml"
    f.write_bytes(eml(SKHCN, "Gửi báo cáo", body))
    p = run_cli("parse", str(f), "--json", "--config", str(inst.cfg.path), "--received-at", "2025-05-21T17:05:00+07:00")
    out = json.loads(p.stdout)
    assert out["outcome"] == "accepted"
    assert (out["kind"], out["period"], out["timeliness"]) == ("daily", "2025-05-21", "late")
    codes = sorted(w["code"] for w in out["warnings"])
    assert codes == ["invalid_progress", "kind_inferred", "period_inferred", "task_not_assigned", "unknown_status", "unknown_task"]
    for w in out["warnings"]:
        assert w["message"] and w["message"] != w["code"]
    assert any("NV77" in w["message"] for w in out["warnings"] if w["code"] == "unknown_task")


def test_parse_without_received_at_uses_newest_received_header(tmp_path: Path) -> None:
    inst = make_instance(tmp_path / "i")
    raw = eml(SKHCN, "Báo cáo ngày 20/05/2025", CANONICAL, date="Tue, 20 May 2025 10:00:00 +0700",
              extra_headers="Received: from a by mx; Tue, 20 May 2025 16:45:03 +0700\nReceived: from b by a; Tue, 20 May 2025 10:00:05 +0700")
    raw = raw.replace(b"From: ", b"Received: from a by mx; Tue, 20 May 2025 16:45:03 +0700\r\nFrom: ", 1)
    f = tmp_path / "r.eml"
    f.write_bytes(raw)
    out = json.loads(run_cli("parse", str(f), "--json", "--config", str(inst.cfg.path)).stdout)
    assert out["received_at"] == "2025-05-20T16:45:03+07:00"
    assert out["timeliness"] == "late"


def _site_files(inst) -> dict[str, tuple[bytes, float]]:
    root = inst.cfg.site_output
    return {str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mtime) for p in root.rglob("*") if p.is_file()}


def test_poll_records_replies_and_is_idempotent(tmp_path: Path) -> None:
    inst = make_instance(tmp_path / "i")
    deliver_eml(inst, eml(SKHCN, "Báo cáo ngày 20/05/2025", CANONICAL, message_id="<m1@skhcn>"), "m1", at("2025-05-20 15:40"))
    deliver_eml(inst, eml("stranger@gmail.com", "Báo cáo", CANONICAL, message_id="<m2@x>"), "m2", at("2025-05-20 15:41"))
    first = poll(inst, at("2025-05-20 15:45"))
    assert first.batch.outcomes == {"accepted": 1, "rejected": 1}
    assert first.flush.sent == 1  # a receipt; no reply to an unknown sender (backscatter)
    db = inst.store.db
    assert db.execute("SELECT count(*) FROM reports").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM task_updates").fetchone()[0] == 2
    outbox = list(db.query("SELECT * FROM outbox"))
    assert [(o["purpose"], o["recipient"], o["status"]) for o in outbox] == [("receipt", SKHCN, "sent")]
    receipt = outbox[0]["raw"].decode()
    assert "Auto-Submitted: auto-replied" in receipt and "X-Auto-Response-Suppress: All" in receipt
    assert "In-Reply-To: <m1@skhcn>" in receipt
    sent_files = list(inst.cfg.resolve(inst.cfg.mail.outbox_dir).glob("*.eml"))
    assert len(sent_files) == 1
    import email
    import email.policy

    body = email.message_from_bytes(sent_files[0].read_bytes(), policy=email.policy.default).get_body().get_content()
    assert "Đúng hạn" in body and "NV01" in body and "60%" in body
    # Raw bytes kept, inbox emptied into Processed / Failed.
    inbox = inst.cfg.resolve(inst.cfg.mail.maildir)
    assert not list((inbox / "new").iterdir()) and not list((inbox / "cur").iterdir())
    assert len(list((inbox / ".Processed" / "cur").iterdir())) == 1
    assert len(list((inbox / ".Failed" / "cur").iterdir())) == 1
    assert db.execute("SELECT count(*) FROM messages WHERE length(raw) > 100").fetchone()[0] == 2

    pages_before = _site_files(inst)
    builds_before = sorted(os.listdir(inst.cfg.site_output.parent / "public.builds"))
    second = poll(inst, at("2025-05-20 15:50"))
    assert second.batch.fetched == 0 and second.flush.sent == 0 and second.site is None
    assert db.execute("SELECT count(*) FROM reports").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 1
    assert _site_files(inst) == pages_before
    assert sorted(os.listdir(inst.cfg.site_output.parent / "public.builds")) == builds_before


def test_redelivered_message_is_not_recorded_twice(tmp_path: Path) -> None:
    """A crash after the commit but before the move leaves the file in the inbox: nothing twice."""
    inst = make_instance(tmp_path / "i")
    raw = eml(SKHCN, "Báo cáo ngày 20/05/2025", CANONICAL, message_id="<dup@skhcn>")
    deliver_eml(inst, raw, "a", at("2025-05-20 15:40"))
    poll(inst, at("2025-05-20 15:41"))
    deliver_eml(inst, raw, "b", at("2025-05-20 15:40"))  # the same message back in new/
    deliver_eml(inst, raw.replace(b"<dup@skhcn>", b" <dup@skhcn>  "), "c", at("2025-05-20 15:40"))
    res = poll(inst, at("2025-05-20 15:42"))
    assert res.batch.duplicates == 2 and res.batch.processed == 0
    db = inst.store.db
    assert db.execute("SELECT count(*) FROM messages").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM reports").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 1


BAD_INPUTS = {
    "truncated": eml(SKHCN, "Báo cáo", CANONICAL)[:180],
    "garbage": bytes(range(256)) * 40,
    "empty": b"",
    "no_text_part": (
        b"From: daumoi@skhcn.example.gov.vn\r\nTo: baocao@example.gov.vn\r\nSubject: scan\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\nContent-Type: image/jpeg\r\n"
        b"Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=scan.jpg\r\n\r\n/9j/4AAQSkZJRg==\r\n--XX--\r\n"
    ),
    "huge_header": b"From: daumoi@skhcn.example.gov.vn\r\nSubject: " + b"A" * 2_000_000 + b"\r\nX-Long: "
    + b"b " * 500_000 + b"\r\n\r\n" + CANONICAL.encode(),
}


def test_bad_input_is_stored_with_an_outcome_and_a_reason(tmp_path: Path) -> None:
    inst = make_instance(tmp_path / "i")
    for i, (name, raw) in enumerate(BAD_INPUTS.items()):
        deliver_eml(inst, raw, name, at(f"2025-05-20 15:{10 + i}"))
    good = eml(SKHCN, "Báo cáo ngày 20/05/2025", CANONICAL, message_id="<ok@skhcn>")
    deliver_eml(inst, good, "zz-good", at("2025-05-20 15:30"))
    res = poll(inst, at("2025-05-20 15:45"))
    assert res.batch.processed == len(BAD_INPUTS) + 1
    rows = {r["source_ref"].split("/")[-1]: r for r in inst.store.db.query("SELECT * FROM messages")}
    assert rows["zz-good"]["outcome"] == "accepted"
    for name, raw in BAD_INPUTS.items():
        row = rows[name]
        assert row["raw"] == raw, name  # stored raw, byte for byte
        assert row["outcome"] in ("rejected", "ignored"), name
        assert json.loads(row["codes"]), name
    assert json.loads(rows["no_text_part"]["codes"]) == ["not_a_report"]
    assert json.loads(rows["garbage"]["codes"]) == ["unknown_sender"]
    inbox = inst.cfg.resolve(inst.cfg.mail.maildir)
    assert not list((inbox / "new").iterdir())


def test_bad_input_through_parse_cli(tmp_path: Path) -> None:
    inst = make_instance(tmp_path / "i")
    for name, raw in BAD_INPUTS.items():
        f = tmp_path / f"{name}.eml"
        f.write_bytes(raw)
        p = run_cli("parse", str(f), "--json", "--config", str(inst.cfg.path), "--received-at", "2025-05-20T15:00:00+07:00")
        assert p.returncode == 0, (name, p.stderr)
        out = json.loads(p.stdout)
        assert out["outcome"] in ("rejected", "ignored") and out["codes"], name


def test_cli_errors_are_one_line_naming_file_and_key(tmp_path: Path) -> None:
    p = run_cli("poll", "--config", str(tmp_path / "nope.toml"))
    assert p.returncode == 2 and "Traceback" not in p.stderr
    assert p.stderr.count("\n") == 1 and "nope.toml" in p.stderr
    inst = make_instance(tmp_path / "i")
    cfg = inst.cfg.path
    text = cfg.read_text(encoding="utf-8")
    cfg.write_text(text.replace('timezone = "Asia/Ho_Chi_Minh"', 'timezone = "Mars/Olympus"'), encoding="utf-8")
    p = run_cli("status", "--config", str(cfg))
    assert p.returncode == 2 and "Traceback" not in p.stderr
    assert "baocao.toml" in p.stderr and "organisation.timezone" in p.stderr
    cfg.write_text(text, encoding="utf-8")
    units = tmp_path / "i" / "units.csv"
    units.write_text("code,name\nX,Y\n", encoding="utf-8")
    p = run_cli("status", "--config", str(cfg))
    assert p.returncode == 2 and "units.csv" in p.stderr and "Traceback" not in p.stderr
    header = "code,name,short_name,aliases,focal_point,emails,head,reports\n"
    units.write_bytes(header.encode() + b"X,S\xf5\xd2 T\xfd ph\xe1p,,,,a@b,,\n")  # "Sở Tư pháp" saved as cp1258
    p = run_cli("status", "--config", str(cfg))
    assert p.returncode == 2 and "units.csv" in p.stderr and "UTF-8" in p.stderr and "Traceback" not in p.stderr
    units.write_text(header + "X,Sở Tư pháp,,,,a@b,,yearly\n", encoding="utf-8")
    p = run_cli("status", "--config", str(cfg))
    assert p.returncode == 2 and "Traceback" not in p.stderr
    assert "units.csv" in p.stderr and "row 2" in p.stderr and "reports" in p.stderr


def test_init_writes_the_contract(tmp_path: Path) -> None:
    p = run_cli("init", str(tmp_path / "x"))
    assert p.returncode == 0, p.stderr
    cfg = tomllib.loads((tmp_path / "x" / "baocao.toml").read_text(encoding="utf-8"))
    assert cfg["mail"]["address"]
    assert cfg["lists"] == {"units": "units.csv", "tasks": "tasks.csv"}
    assert (tmp_path / "x" / "units.csv").read_text(encoding="utf-8").splitlines()[0] == \
        "code,name,short_name,aliases,focal_point,emails,head,reports"
    assert (tmp_path / "x" / "tasks.csv").read_text(encoding="utf-8").splitlines()[0] == \
        "code,title,group,lead_unit,coordinating_units,responsible,deadline,expected_result,responsibility"
    assert run_cli("init", str(tmp_path / "x")).returncode == 2  # never overwrites silently


def test_reprocess_after_fixing_the_list(tmp_path: Path) -> None:
    inst = make_instance(tmp_path / "i")
    deliver_eml(inst, eml("newfocal@skhcn.example.gov.vn", "Báo cáo ngày 20/05/2025", CANONICAL), "m", at("2025-05-20 15:40"))
    poll(inst, at("2025-05-20 15:41"))
    p = run_cli("failed", "--config", str(inst.cfg.path))
    assert "unknown_sender" in p.stdout and "newfocal@skhcn.example.gov.vn" in p.stdout
    units = tmp_path / "i" / "units.csv"
    units.write_text(units.read_text(encoding="utf-8").replace(SKHCN, SKHCN + ";newfocal@skhcn.example.gov.vn"), encoding="utf-8")
    p = run_cli("reprocess", "1", "--config", str(inst.cfg.path), "--now", "2025-05-20T18:00:00+07:00")
    assert p.returncode == 0, p.stderr
    assert "accepted" in p.stdout
    p = run_cli("status", "--config", str(inst.cfg.path), "--now", "2025-05-20T18:00:00+07:00")
    assert "SKHCN" in p.stdout and "on_time" in p.stdout  # judged by its original arrival time


def test_demo_builds_a_site_with_todays_compliance(tmp_path: Path) -> None:
    p = run_cli("demo", str(tmp_path / "d"), "--now", "2025-06-13T17:20:00+07:00", "--weeks", "2")
    assert p.returncode == 0, p.stderr
    assert "index.html" in p.stdout
    index = (tmp_path / "d" / "public" / "index.html").read_text(encoding="utf-8")
    assert "13/06/2025" in index and "Đúng hạn" in index and "Chưa báo cáo" in index
    db = tmp_path / "d" / "baocao.db"
    import sqlite3

    con = sqlite3.connect(db)
    outcomes = dict(con.execute("SELECT outcome, count(*) FROM messages GROUP BY 1").fetchall())
    assert outcomes["accepted"] > 150 and outcomes.get("rejected", 0) >= 1
    kinds = dict(con.execute("SELECT kind, count(*) FROM reports GROUP BY 1").fetchall())
    assert set(kinds) == {"daily", "weekly", "monthly"}
    # May 2025 ended on a Saturday: its monthly deadline moved to Monday 2 June, inside the demo.
    assert {r[0] for r in con.execute("SELECT period FROM reports WHERE kind='monthly'")} == {"2025-05"}
    late = con.execute("SELECT count(*) FROM reports WHERE timeliness='late'").fetchone()[0]
    assert late >= 1


def test_a_message_that_keeps_failing_outside_the_parser_is_parked(tmp_path: Path, monkeypatch) -> None:
    """A database or disk fault is retried next batch; after five failures the message is parked as
    `failed` (kept raw, listed for the operator) instead of blocking every batch."""
    from gateway.app import pipeline, replies

    inst = make_instance(tmp_path / "i")
    deliver_eml(inst, eml(SKHCN, "Báo cáo ngày 20/05/2025", CANONICAL, message_id="<p@skhcn>"), "p", at("2025-05-20 15:40"))

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(replies, "enqueue_reply", broken)
    for i in range(pipeline.MAX_FAILURES - 1):
        res = poll(inst, at(f"2025-05-20 15:4{i + 1}"))
        assert res.batch.processed == 0
        row = next(inst.store.db.query("SELECT outcome, failures, error FROM messages"))
        assert (row["outcome"], row["failures"]) == ("received", i + 1) and "disk full" in row["error"]
        assert inst.store.db.execute("SELECT count(*) FROM reports").fetchone()[0] == 0  # rolled back
    poll(inst, at("2025-05-20 15:49"))
    row = next(inst.store.db.query("SELECT outcome, codes FROM messages"))
    assert (row["outcome"], json.loads(row["codes"])) == ("failed", ["internal_error"])
    inbox = inst.cfg.resolve(inst.cfg.mail.maildir)
    assert len(list((inbox / ".Failed" / "cur").iterdir())) == 1
    monkeypatch.undo()
    p = run_cli("reprocess", "1", "--config", str(inst.cfg.path), "--now", "2025-05-20T16:00:00+07:00")
    assert p.returncode == 0 and "accepted" in p.stdout, p.stderr


def test_rejection_explains_and_gives_the_senders_own_form(tmp_path: Path) -> None:
    import email
    import email.policy

    inst = make_instance(tmp_path / "i")
    body = CANONICAL.replace("Đơn vị: SKHCN", "Đơn vị: Công an tỉnh")
    deliver_eml(inst, eml(SKHCN, "Báo cáo ngày 20/05/2025", body, message_id="<w@skhcn>"), "w", at("2025-05-20 15:40"))
    poll(inst, at("2025-05-20 15:41"))
    row = next(inst.store.db.query("SELECT purpose, subject, raw FROM outbox"))
    assert row["purpose"] == "rejection" and row["subject"].startswith("[Chưa ghi nhận]")
    text = email.message_from_bytes(row["raw"], policy=email.policy.default).get_body().get_content()
    assert "không phải là đầu mối báo cáo của đơn vị" in text
    assert "đầu mối báo cáo của: Sở Khoa học và Công nghệ (SKHCN)" in text
    assert "Đơn vị: SKHCN" in text and "Nhiệm vụ: NV01" in text  # the sender's own pre-filled form
    assert "Đơn vị: CAT" not in text


def test_receipt_subject_names_the_period_once(tmp_path: Path) -> None:
    inst = make_instance(tmp_path / "i")
    deliver_eml(inst, eml(SKHCN, "Báo cáo ngày 20/05/2025", CANONICAL, message_id="<s@skhcn>"), "s", at("2025-05-20 15:40"))
    poll(inst, at("2025-05-20 15:41"))
    subject = inst.store.db.execute("SELECT subject FROM outbox").fetchone()[0]
    assert subject == "[Đã nhận] Báo cáo ngày 20/05/2025 – Sở KH&CN"


def test_a_word_attachment_is_named_in_the_rejection_and_a_thank_you_gets_no_reply(tmp_path: Path) -> None:
    import email
    import email.policy
    from email.message import EmailMessage

    inst = make_instance(tmp_path / "i")
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = SKHCN, "baocao@example.gov.vn", "Báo cáo tuần"
    msg["Message-ID"] = "<docx@skhcn>"
    msg.set_content("Kính gửi Văn phòng, đơn vị gửi báo cáo tuần kèm theo.\nTrân trọng.")
    msg.add_attachment(b"PK\x03\x04 not really a docx", maintype="application",
                       subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                       filename="Báo cáo tuần 21.docx")
    deliver_eml(inst, msg.as_bytes(), "docx", at("2025-05-23 15:00"))
    poll(inst, at("2025-05-23 15:01"))
    row = next(inst.store.db.query("SELECT purpose, raw FROM outbox"))
    assert row["purpose"] == "rejection"
    text = email.message_from_bytes(row["raw"], policy=email.policy.default).get_body().get_content()
    assert "Báo cáo tuần 21.docx" in text and "không được hệ thống đọc" in text
    receipt_id = email.message_from_bytes(row["raw"], policy=email.policy.default)["Message-ID"]

    thanks = eml(SKHCN, "Re: [Chưa ghi nhận] Báo cáo tuần", "Cảm ơn anh chị, em sẽ gửi lại.",
                 message_id="<thanks@skhcn>", extra_headers=f"In-Reply-To: {receipt_id}\nReferences: {receipt_id}")
    deliver_eml(inst, thanks, "thanks", at("2025-05-23 15:05"))
    res = poll(inst, at("2025-05-23 15:06"))
    assert res.batch.outcomes == {"rejected": 1}  # kept and listed for the operator …
    assert inst.store.db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 1  # … but not answered


def test_a_period_far_from_the_arrival_is_recorded_with_a_warning(tmp_path: Path) -> None:
    inst = make_instance(tmp_path / "i")
    f = tmp_path / "typo.eml"
    f.write_bytes(eml(SKHCN, "Báo cáo ngày", CANONICAL.replace("20/05/2025", "20/05/2052")))
    out = json.loads(run_cli("parse", str(f), "--json", "--config", str(inst.cfg.path),
                             "--received-at", "2025-05-20T15:42:00+07:00").stdout)
    assert (out["outcome"], out["period"]) == ("accepted", "2052-05-20")
    [w] = [w for w in out["warnings"] if w["code"] == "period_unusual"]
    assert "2052-05-20" in w["message"] and "gửi lại" in w["message"]


def test_remind_and_digest_commands(tmp_path: Path) -> None:
    inst = make_instance(tmp_path / "i")
    cfg = str(inst.cfg.path)
    p = run_cli("remind", "--config", cfg, "--now", "2025-05-20T14:30:00+07:00", "--dry-run")
    assert p.returncode == 0, p.stderr
    assert "would send: reminder → daumoi@skhcn.example.gov.vn [SKHCN]" in p.stdout
    assert not list(inst.cfg.resolve(inst.cfg.mail.outbox_dir).glob("*.eml"))  # nothing queued or sent
    p = run_cli("remind", "--config", cfg, "--now", "2025-05-20T14:30:00+07:00")
    assert p.returncode == 0 and "sent 2 " in p.stdout, p.stdout + p.stderr
    again = run_cli("remind", "--config", cfg, "--now", "2025-05-20T14:31:00+07:00", "--slot", "14:30")
    assert "already sent: reminder" in again.stdout and "sent 0 " in again.stdout  # the ledger holds
    p = run_cli("digest", "--config", cfg, "--now", "2025-05-20T17:00:00+07:00")
    assert p.returncode == 2 and "[digest] recipients" in p.stderr and "Traceback" not in p.stderr


def test_two_pollers_at_once_record_and_answer_each_message_once(tmp_path: Path) -> None:
    """`baocao poll` from cron running beside another poll (or `baocao run`) on the same inbox."""
    inst = make_instance(tmp_path / "i", replies_per_sender_per_hour="100")  # every one answered
    for n in range(40):
        body = CANONICAL.replace("Tiến độ: 60%", f"Tiến độ: {n}%")
        deliver_eml(inst, eml(SKHCN, "Báo cáo ngày 20/05/2025", body, message_id=f"<race{n}@skhcn>"), f"m{n:02d}",
                    at("2025-05-20 15:00"))
    cfg = str(inst.cfg.path)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    procs = [subprocess.Popen([sys.executable, "-m", "gateway", "poll", "--config", cfg, "--no-site",
                               "--now", "2025-05-20T15:30:00+07:00"], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(3)]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    db = inst.store.db
    assert db.execute("SELECT count(*) FROM messages").fetchone()[0] == 40
    assert db.execute("SELECT count(*) FROM reports").fetchone()[0] == 40
    assert db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 40
    sent = db.execute("SELECT count(*) FROM outbox WHERE status='sent'").fetchone()[0]
    assert sent == 20  # the rest wait for the hourly per-recipient send cap
    assert len(list(inst.cfg.resolve(inst.cfg.mail.outbox_dir).glob("*.eml"))) == sent


def test_concurrent_flushes_send_each_message_once(tmp_path: Path, monkeypatch) -> None:
    """Two processes flushing one outbox (`baocao run` beside a `poll` from cron): each message is
    sent once. Two instances (two database connections) flush at once through a slow sink."""
    import threading
    import time

    from gateway.app.instance import Instance
    from gateway.app.service import send_outbox
    from gateway.config import load
    from gateway.mail.sinks.directory import DirectorySink

    inst = make_instance(tmp_path / "i")
    now = at("2025-05-20 15:00")
    for n in range(12):
        inst.store.enqueue(message_id=f"<m{n}@baocao.example.gov.vn>", purpose="digest",
                           recipient=f"member{n}@example.gov.vn", subject="s", raw=b"Subject: s\r\n\r\nx", now=now)
    real_send = DirectorySink.send

    def slow_send(self, *args, **kwargs):  # a slow SMTP server: flushes overlap in time
        time.sleep(0.02)
        return real_send(self, *args, **kwargs)

    monkeypatch.setattr(DirectorySink, "send", slow_send)
    results = []
    workers = [Instance(load(inst.cfg.path)) for _ in range(2)]
    threads = [threading.Thread(target=lambda w=w: results.append(send_outbox(w, at("2025-05-20 15:01"))))
               for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    rows = inst.store.db.execute("SELECT status, attempts FROM outbox").fetchall()
    assert rows == [("sent", 1)] * 12  # sent once each, never twice
    assert sorted(r.sent for r in results) in ([0, 12], [12, 0])
