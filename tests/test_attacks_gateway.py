"""Attacks on the gateway as a whole (issue 12; the parser-level ones are tests/test_attacks.py):
each case goes through the real pipeline (Maildir → store → receipt → outbox) or the real list
loader, and asserts the outcome, that no traceback escaped, and bounded time and memory."""

from __future__ import annotations

import email
import email.policy
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gateway.app import replies
from gateway.app.lists import load_units
from gateway.app.reading import read_message
from gateway.app.service import poll
from gateway.errors import UserError
from gateway.mail import compose
from parsers.echo import is_echo_text
from tests.helpers import at, deliver_eml, eml, make_instance
from tests.test_skeleton import CANONICAL, SKHCN

ROOT = Path(__file__).resolve().parent.parent
HEADER = "code,name,short_name,aliases,focal_point,emails,head,reports\n"


def sent_mail(inst) -> list[email.message.EmailMessage]:
    return [email.message_from_bytes(p.read_bytes(), policy=email.policy.default)  # type: ignore[misc]
            for p in sorted(inst.cfg.resolve(inst.cfg.mail.outbox_dir).glob("*.eml"))]


# -- a crafted Message-ID ------------------------------------------------------------------------

@pytest.mark.parametrize("mid", [
    "<" + "a" * 300 + "\x0b" + "b" * 300 + "@skhcn>",  # VT inside a long id: HeaderParseError before
    "<x\x0c\x0cy@skhcn>",
    "<evil@skhcn>\r\nBcc: victim@example.com",  # header injection attempt (folded into the value)
    "<" + "é" * 80 + "@skhcn>",
])
def test_a_crafted_message_id_still_gets_a_record_and_a_receipt(tmp_path: Path, mid: str) -> None:
    inst = make_instance(tmp_path / "i")
    raw = eml(SKHCN, "Báo cáo ngày 20/05/2025", CANONICAL).replace(
        b"MIME-Version", b"Message-ID: " + mid.replace("\r\n", "\r\n ").encode("utf-8") + b"\r\nMIME-Version", 1)
    deliver_eml(inst, raw, "crafted", at("2025-05-20 15:40"))
    res = poll(inst, at("2025-05-20 15:45"), build=False)
    assert res.batch.outcomes == {"accepted": 1}
    assert inst.store.db.execute("SELECT count(*) FROM reports").fetchone()[0] == 1
    [receipt] = sent_mail(inst)
    for name in ("In-Reply-To", "References", "Subject"):
        value = receipt.get(name)
        if value is not None:
            assert not re.search(r"[\r\n\x0b\x0c]", str(value)) and len(str(value)) <= 250
    assert receipt.get("Bcc") is None and "victim" not in receipt.as_string()


def test_header_values_we_copy_are_sanitised() -> None:
    assert compose.clean_header_text("a\r\nBcc: x\x0b\x0c\u202eb") == "a Bcc: x b"
    assert len(compose.clean_header_text("x" * 1000)) == compose.SUBJECT_MAX
    assert compose.clean_message_id("<a\x0bb@x>") is None
    assert compose.clean_message_id("<" + "a" * 300 + "@x>") is None
    assert compose.clean_message_id(" <ok@skhcn> ") == "<ok@skhcn>"


def test_a_rejection_does_not_repeat_a_hostile_subject_verbatim(tmp_path: Path) -> None:
    inst = make_instance(tmp_path / "i")
    subject = "Xin hỏi " + "rất dài " * 100 + "\u202egnp.exe"
    deliver_eml(inst, eml(SKHCN, subject, "Xin chào.", message_id="<subj@skhcn>"), "s", at("2025-05-20 15:40"))
    poll(inst, at("2025-05-20 15:45"), build=False)
    [rejection] = sent_mail(inst)
    got = str(rejection["Subject"])
    assert got.startswith("[Chưa ghi nhận] Xin hỏi") and len(got) <= compose.SUBJECT_MAX
    assert "\u202e" not in got and subject not in got


# -- list codes ---------------------------------------------------------------------------------

@pytest.mark.parametrize("rows, error", [
    (["X.Y,A", "X Y,B"], r"row 3, column 'code': 'X Y' would share the site page don-vi/x-y.html with 'X.Y' \(row 2\)"),
    (["skhcn,A", "../skhcn,B"], r"row 3, column 'code': '../skhcn': the character '/'"),
    (["a/b,A"], r"row 2, column 'code': 'a/b': the character '/'"),
    (["a∕b,A"], r"row 2, column 'code': 'a∕b': the character '∕' \(U\+2215\)"),
    (["ĐƠN-VỊ,A", "dơn vị,B"], r"row 3, column 'code': 'dơn vị' would share the site page don-vi/don-vi.html"),
    (["ABC,A", "abc,B"], r"row 3, .* would share the site page"),  # a case-insensitive file system
    (["X" * 300 + ",A"], r"row 2, column 'code': 'X{60}'…: 300 characters, at most 40"),
    (["-X,A"], r"row 2, .*must start with a letter or a digit"),
    (["X\x00Y,A"], r"row 2, .*U\+0000"),
])
def test_list_codes_that_would_collide_or_are_too_long_are_refused_at_load(tmp_path: Path, rows: list[str],
                                                                          error: str) -> None:
    path = tmp_path / "units.csv"
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(UserError, match=error) as info:
        load_units(path)
    assert "\n" not in str(info.value) and str(path) in str(info.value)


def test_a_bad_code_stops_the_cli_with_one_line(tmp_path: Path) -> None:
    inst = make_instance(tmp_path / "i")
    units = inst.cfg.resolve(inst.cfg.lists.units)
    units.write_text(units.read_text(encoding="utf-8") + "X" * 300 + ",Dài quá\n", encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "gateway", "check", "--offline", "--config", str(inst.cfg.path)],
                       capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert p.returncode == 2 and "Traceback" not in p.stderr and len(p.stderr.strip().splitlines()) == 1
    assert "at most 40" in p.stderr


# -- a reply that cannot be built -----------------------------------------------------------------

def test_a_reply_build_failure_keeps_the_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inst = make_instance(tmp_path / "i")
    deliver_eml(inst, eml(SKHCN, "Báo cáo ngày 20/05/2025", CANONICAL, message_id="<rb@skhcn>"), "rb",
                at("2025-05-20 15:40"))

    def broken(*args, **kwargs):
        raise ValueError("a header the message made us write")

    monkeypatch.setattr(replies, "enqueue_reply", broken)
    res = poll(inst, at("2025-05-20 15:45"), build=False)
    assert res.batch.outcomes == {"accepted": 1}
    db = inst.store.db
    assert db.execute("SELECT outcome FROM messages").fetchone() == ("accepted",)
    assert db.execute("SELECT count(*) FROM reports").fetchone()[0] == 1
    row = db.execute("SELECT status, purpose, recipient, last_error FROM outbox").fetchone()
    assert row[:3] == ("failed", "receipt", SKHCN) and "a header the message made us write" in row[3]
    inbox = inst.cfg.resolve(inst.cfg.mail.maildir)
    assert len(list((inbox / ".Processed" / "cur").iterdir())) == 1  # done, not retried every poll
    p = subprocess.run([sys.executable, "-m", "gateway", "outbox", "--config", str(inst.cfg.path)],
                       capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert "failed" in p.stdout and "reply not sent: ValueError" in p.stdout  # the operator sees it


# -- a mail loop: our receipt pasted back ----------------------------------------------------------

def _receipt_text(inst) -> str:
    [receipt] = sent_mail(inst)
    return receipt.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]


def test_our_receipt_pasted_back_unquoted_is_our_own_message(tmp_path: Path) -> None:
    inst = make_instance(tmp_path / "i")
    deliver_eml(inst, eml(SKHCN, "Báo cáo ngày 20/05/2025", CANONICAL, message_id="<loop0@skhcn>"), "l0",
                at("2025-05-20 15:40"))
    poll(inst, at("2025-05-20 15:45"), build=False)
    text = _receipt_text(inst)
    if "KBC/" not in text:
        pytest.skip("templates/email/receipt.txt.j2 does not include _reference.txt.j2 yet")
    assert "Mã tham chiếu (thư tự động): KBC/SKHCN/2025-05-20" in text
    # An auto-responder without Auto-Submitted that pastes the receipt back, ten times.
    for n in range(10):
        body = "Cảm ơn, tôi đang đi công tác và sẽ trả lời sau.\n\n" + text
        deliver_eml(inst, eml(SKHCN, "Re: [Đã nhận] Báo cáo", body, message_id=f"<echo{n}@skhcn>"), f"e{n}",
                    at(f"2025-05-20 15:5{n}"))
    res = poll(inst, at("2025-05-20 16:00"), build=False)
    assert res.batch.outcomes == {"ignored": 10}
    assert inst.store.db.execute("SELECT count(*) FROM reports").fetchone()[0] == 1
    codes = {r[0] for r in inst.store.db.execute("SELECT codes FROM messages WHERE id > 1")}
    assert codes == {'["own_message"]'}
    assert len(sent_mail(inst)) == 1  # no answer to an echo


def test_a_correction_written_above_a_pasted_receipt_is_still_read(tmp_path: Path) -> None:
    inst = make_instance(tmp_path / "i")
    reference = "Mã tham chiếu (thư tự động): KBC/SKHCN/2025-05-20"
    receipt = f"Kính gửi đồng chí,\n\nNV01: Đang thực hiện, 60%\n\n{reference}\n"
    assert is_echo_text("Tôi vắng mặt.\n\n" + receipt)
    assert not is_echo_text(CANONICAL.replace("60%", "70%") + "\n" + receipt)
    raw = eml(SKHCN, "Báo cáo ngày 20/05/2025", CANONICAL.replace("60%", "70%") + "\n" + receipt)
    r = read_message(inst.cfg, inst.directory, inst.calendar, raw, at("2025-05-20 15:40"))
    assert r.outcome == "accepted" and r.tasks[0].progress == 70


# -- size: a 60 MB message through `baocao poll` ------------------------------------------------------

def test_a_60_mb_message_through_poll_is_stored_as_headers_only_in_bounded_memory(tmp_path: Path) -> None:
    inst = make_instance(tmp_path / "i")
    head = eml(SKHCN, "Báo cáo ngày 20/05/2025 kèm video", "x", message_id="<big@skhcn>").split(b"\r\n\r\n")[0]
    raw = head.replace(b"Content-Type: text/plain; charset=utf-8", b"Content-Type: application/octet-stream")
    big = raw + b"\r\n\r\n" + b"A" * (60 * 1024 * 1024)
    deliver_eml(inst, big, "big", at("2025-05-20 15:40"))
    code = ("import re,sys; from gateway.cli import main; rc = main(sys.argv[1:]);"
            "print('VmHWM', re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)); sys.exit(rc)")
    started = time.monotonic()
    p = subprocess.run([sys.executable, "-c", code, "poll", "--config", str(inst.cfg.path), "--now",
                        "2025-05-20T15:45:00+07:00"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert p.returncode == 0 and "Traceback" not in p.stderr, p.stderr
    rss_kb = int(p.stdout.rsplit("VmHWM ", 1)[1])
    assert rss_kb < 200 * 1024, f"{rss_kb // 1024} MB"
    assert time.monotonic() - started < 60
    row = inst.store.db.execute("SELECT outcome, codes, size, length(raw), error FROM messages").fetchone()
    assert row[0] == "rejected" and row[1] == '["too_large"]'
    assert row[2] < 10_000 and row[3] < 10_000 and str(len(big)) in row[4]  # headers only; the size is told
    failed = list((inst.cfg.resolve(inst.cfg.mail.maildir) / ".Failed" / "cur").iterdir())
    assert len(failed) == 1 and failed[0].stat().st_size == len(big)  # the message itself is kept whole
