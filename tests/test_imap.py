"""The IMAP source against a real Dovecot, through the real pipeline (gateway.app.service.poll).

Every test gets its own mail user (an empty mailbox) on the session's server.
"""

from __future__ import annotations

import base64
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from imapclient import IMAPClient

from gateway.app.instance import Instance
from gateway.app.service import poll
from gateway.errors import UserError
from gateway.mail.sources import imap as imap_mod
from gateway.mail.sources.imap import ImapError, ImapSource, ImapUnavailable, check_connection
from gateway.store import Store
from tests.dovecot import Dovecot, MailUser, dovecot_fixture  # noqa: F401 - the `dovecot` fixture
from tests.helpers import at, eml, make_instance

ROOT = Path(__file__).resolve().parent.parent
NOW = at("2025-05-20 17:30")
SKHCN = "daumoi@skhcn.example.gov.vn"
CAT = "daumoi@congan.example.gov.vn"
PASSWORD_ENV = "BAOCAO_IMAP_PASSWORD"


def report_body(unit: str, task: str, progress: int, period: str = "20/05/2025") -> str:
    return (f"Kính gửi Văn phòng UBND tỉnh,\n\nĐơn vị: {unit}\nLoại báo cáo: Ngày\nKỳ báo cáo: {period}\n\n"
            f"Nhiệm vụ: {task}\nTình trạng: Đang thực hiện\nTiến độ: {progress}%\n"
            "Kết quả: Đã trình dự thảo kế hoạch.\nKhó khăn, vướng mắc: Chưa được bố trí kinh phí.\n\n"
            "Trân trọng,\nĐầu mối báo cáo\n")


def report(n: int, sender: str = SKHCN, unit: str = "SKHCN", task: str = "NV01", **kw: Any) -> bytes:
    return eml(sender, f"Báo cáo ngày 20/05/2025 số {n}", report_body(unit, task, 10 + n),
               message_id=f"<r{n}.{os.urandom(3).hex()}@{unit.lower()}.example.gov.vn>", **kw)


@pytest.fixture
def mailbox(dovecot: Dovecot) -> MailUser:
    return dovecot.add_user("gw")


def imap_instance(path: Path, dovecot: Dovecot, user: MailUser, monkeypatch: pytest.MonkeyPatch,
                  security: str = "none", port: int | None = None) -> Instance:
    monkeypatch.setenv(PASSWORD_ENV, user.password)
    inst = make_instance(path, source='"imap"', host='"127.0.0.1"', port=str(port or dovecot.port),
                         security=f'"{security}"', username=f'"{user.name}"', password_env=f'"{PASSWORD_ENV}"')
    assert inst.cfg.mail.source == "imap" and inst.cfg.imap.port == (port or dovecot.port)
    inst.cfg.mail.replies_per_sender_per_hour = 10_000  # the reply cap is tested elsewhere
    return inst


@pytest.fixture
def inst(tmp_path: Path, dovecot: Dovecot, mailbox: MailUser, monkeypatch: pytest.MonkeyPatch) -> Iterator[Instance]:
    i = imap_instance(tmp_path / "inst", dovecot, mailbox, monkeypatch)
    yield i
    i.close()


def count(inst: Instance, table: str, where: str = "1=1") -> int:
    return int(inst.store.db.execute(f"SELECT COUNT(*) FROM {table} WHERE {where}").fetchone()[0])


def uid_states(inst: Instance) -> list[tuple[int, int, int]]:
    return [tuple(r) for r in inst.store.db.execute(
        "SELECT uidvalidity, uid, done FROM source_uids ORDER BY uidvalidity, uid").fetchall()]


def flags_in(dovecot: Dovecot, user: MailUser, folder: str) -> list[tuple[bytes, ...]]:
    with dovecot.client(user) as c:
        c.select_folder(folder, readonly=True)
        data = c.get_flags(c.search(["ALL"]))
        return [tuple(data[u]) for u in sorted(data)]


@pytest.fixture
def server_kept_running(dovecot: Dovecot) -> Iterator[Dovecot]:
    """For tests that stop the session's server: whatever happens, it runs again afterwards."""
    yield dovecot
    if not dovecot.running:
        dovecot.start()


# -- a batch


def test_batch_processed_moved_and_dated_by_internaldate(inst: Instance, dovecot: Dovecot,
                                                         mailbox: MailUser) -> None:
    on_time = report(1, date="Mon, 19 May 2025 08:00:00 +0700")  # Date: lies; INTERNALDATE rules
    dovecot.append(mailbox, on_time, when=at("2025-05-20 15:40"))
    # INTERNALDATE in UTC: 09:10Z is 16:10 in the province, still on time.
    dovecot.append(mailbox, report(2, CAT, "CAT", "NV02"), when=datetime(2025, 5, 20, 9, 10, tzinfo=UTC))
    dovecot.append(mailbox, report(3, date="Tue, 20 May 2025 16:00:00 +0700"), when=at("2025-05-20 17:05"))
    dovecot.append(mailbox, eml("nguoi.la@example.com", "Xin chào", "Chào anh chị.", message_id="<x1@example.com>"),
                   when=at("2025-05-20 15:00"))
    dovecot.append(mailbox, eml(SKHCN, "Hỏi", "Cho hỏi mẫu báo cáo ở đâu?", message_id="<q1@skhcn.example.gov.vn>"),
                   when=at("2025-05-20 15:01"))

    # build=False: the site has its own tests; here only the mail flow matters.
    res = poll(inst, NOW, build=False)

    assert res.batch.fetched == 5
    assert res.batch.outcomes == {"accepted": 3, "rejected": 2}
    rows = list(inst.store.db.query("SELECT unit, received_at, timeliness FROM reports ORDER BY id"))
    assert rows == [
        {"unit": "SKHCN", "received_at": "2025-05-20T15:40:00+07:00", "timeliness": "on_time"},
        {"unit": "CAT", "received_at": "2025-05-20T16:10:00+07:00", "timeliness": "on_time"},
        {"unit": "SKHCN", "received_at": "2025-05-20T17:05:00+07:00", "timeliness": "late"},
    ]
    # The raw bytes are stored exactly as the server holds them.
    assert inst.store.db.execute("SELECT raw FROM messages WHERE report_id=1").fetchone()[0] == on_time
    assert dovecot.folder_uids(mailbox, "INBOX") == []
    assert len(dovecot.folder_uids(mailbox, "Processed")) == 3
    assert len(dovecot.folder_uids(mailbox, "Failed")) == 2
    # BODY.PEEK: the gateway itself never sets \Seen.
    assert all(b"\\Seen" not in f for f in flags_in(dovecot, mailbox, "Processed"))
    # Receipts for the three reports and a rejection for the known sender; the stranger gets nothing.
    purposes = sorted(r[0] for r in inst.store.db.execute("SELECT purpose FROM outbox"))
    assert purposes == ["receipt", "receipt", "receipt", "rejection"]
    assert count(inst, "outbox", "recipient='nguoi.la@example.com'") == 0
    assert [s for _, _, s in uid_states(inst)] == [2, 2, 2, 2, 2]

    again = poll(inst, NOW, build=False)
    assert (again.batch.fetched, again.batch.processed) == (0, 0)
    assert count(inst, "reports") == 3 and count(inst, "outbox") == 4


def test_message_marked_seen_by_hand_is_still_processed(inst: Instance, dovecot: Dovecot, mailbox: MailUser) -> None:
    dovecot.append(mailbox, report(1), flags=[b"\\Seen"], when=at("2025-05-20 10:00"))
    dovecot.append(mailbox, report(2), when=at("2025-05-20 10:01"))
    assert [b"\\Seen" in f for f in flags_in(dovecot, mailbox, "INBOX")] == [True, False]

    res = poll(inst, NOW, build=False)

    assert res.batch.outcomes == {"accepted": 2}
    assert count(inst, "reports") == 2
    assert dovecot.folder_uids(mailbox, "INBOX") == []


def test_batch_limit_takes_the_oldest_first(inst: Instance, dovecot: Dovecot, mailbox: MailUser) -> None:
    for n in range(5):
        dovecot.append(mailbox, report(n), when=at(f"2025-05-20 10:0{n}"))
    first = poll(inst, NOW, limit=2, build=False)
    assert first.batch.processed == 2
    assert [r[0] for r in inst.store.db.execute("SELECT received_at FROM reports ORDER BY id")] == [
        "2025-05-20T10:00:00+07:00", "2025-05-20T10:01:00+07:00"]
    assert len(dovecot.folder_uids(mailbox)) == 3
    rest = poll(inst, NOW, build=False)
    assert rest.batch.processed == 3 and count(inst, "reports") == 5


def test_long_uid_lists_are_split_into_bounded_commands(inst: Instance, dovecot: Dovecot, mailbox: MailUser,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(imap_mod, "UIDS_PER_COMMAND", 2)
    monkeypatch.setattr(imap_mod, "MOVE_CHUNK", 2)
    for n in range(5):
        dovecot.append(mailbox, report(n), when=at(f"2025-05-20 10:0{n}"))
    res = poll(inst, NOW, build=False)
    assert res.batch.processed == 5 and count(inst, "reports") == 5
    assert dovecot.folder_uids(mailbox) == [] and len(dovecot.folder_uids(mailbox, "Processed")) == 5


def _dovecot_out_bytes(dovecot: Dovecot, user: MailUser) -> list[int]:
    """Bytes each finished IMAP session of `user` sent, as Dovecot logs them at logout."""
    pat = re.compile(rf"imap\({re.escape(user.name)}\).*Disconnected.* out=(\d+)")
    return [int(m.group(1)) for m in pat.finditer(dovecot.log_text())]


def test_oversize_message_is_rejected_as_too_large_without_downloading_it(
        inst: Instance, dovecot: Dovecot, mailbox: MailUser) -> None:
    inst.cfg.mail.max_message_bytes = 50_000
    blob = base64.encodebytes(os.urandom(300_000)).decode().replace("\n", "\r\n")
    big = (
        f"From: {SKHCN}\r\nTo: baocao@example.gov.vn\r\nSubject: =?utf-8?b?{base64.b64encode('Báo cáo ngày 20/05/2025'.encode()).decode()}?=\r\n"
        "Date: Tue, 20 May 2025 15:00:00 +0700\r\nMessage-ID: <big1@skhcn.example.gov.vn>\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n'
        "Content-Transfer-Encoding: 8bit\r\n\r\n" + report_body("SKHCN", "NV01", 70).replace("\n", "\r\n")
        + '\r\n--b1\r\nContent-Type: application/octet-stream; name="scan.pdf"\r\n'
        'Content-Disposition: attachment; filename="scan.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
        + blob + "\r\n--b1--\r\n").encode()
    assert len(big) > 400_000
    dovecot.append(mailbox, big, when=at("2025-05-20 15:00"))
    dovecot.append(mailbox, report(1), when=at("2025-05-20 15:05"))
    sessions_before = len(_dovecot_out_bytes(dovecot, mailbox))

    res = poll(inst, NOW, build=False)

    # Server side, before anything else reads the mailbox: the sessions since the APPENDs (the
    # gateway's among them) sent far less than the message (Dovecot logs out=... at logout).
    deadline = time.monotonic() + 5
    while len(outs := _dovecot_out_bytes(dovecot, mailbox)) < sessions_before + 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)
    outs = _dovecot_out_bytes(dovecot, mailbox)[sessions_before:]
    assert outs and max(outs) < 50_000, (outs, len(big))
    assert res.batch.outcomes == {"rejected": 1, "accepted": 1}
    row = next(inst.store.db.query("SELECT * FROM messages WHERE message_id='<big1@skhcn.example.gov.vn>'"))
    assert row["outcome"] == "rejected" and row["codes"] == '["too_large"]'
    assert str(len(big)) in row["error"]
    assert row["raw"].startswith(b"From: ") and b"Content-Type: multipart/mixed" in row["raw"]
    assert len(row["raw"]) < 2_000 and b"scan.pdf" not in row["raw"]
    assert row["received_at"] == "2025-05-20T15:00:00+07:00"
    # The sender is told, and the server keeps the whole message in Failed.
    assert count(inst, "outbox", f"purpose='rejection' AND recipient='{SKHCN}'") == 1
    assert dovecot.folder_messages(mailbox, "Failed") == [big]
    assert len(dovecot.folder_uids(mailbox, "Processed")) == 1


# -- failures between the steps


def _wrap_mark_done(monkeypatch: pytest.MonkeyPatch, after: Callable[[int], None]) -> list[ImapSource]:
    """Call `after(n)` once the n-th message was marked done; returns the sources seen."""
    seen: list[ImapSource] = []
    calls = 0
    original = ImapSource.mark_done

    def mark_done(self: ImapSource, item: Any, failed: bool) -> None:
        nonlocal calls
        original(self, item, failed)
        if self not in seen:
            seen.append(self)
        calls += 1
        after(calls)

    monkeypatch.setattr(ImapSource, "mark_done", mark_done)
    return seen


def test_connection_dropped_mid_batch_reconnects_and_loses_nothing(
        inst: Instance, dovecot: Dovecot, mailbox: MailUser, monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(5):
        dovecot.append(mailbox, report(n), when=at(f"2025-05-20 10:0{n}"))

    def kick_after_second(n: int) -> None:
        if n == 2:
            dovecot.kick(mailbox)  # the server drops the session, as a restart or a NAT timeout would

    sources = _wrap_mark_done(monkeypatch, kick_after_second)
    res = poll(inst, NOW, build=False)

    assert res.batch.processed == 5
    assert sources and sources[0].connects == 2  # reconnected once, within the batch
    assert dovecot.folder_uids(mailbox) == []
    assert len(dovecot.folder_uids(mailbox, "Processed")) == 5
    assert count(inst, "reports") == 5 and count(inst, "outbox") == 5


def test_server_down_mid_batch_then_next_batch_completes(
        inst: Instance, server_kept_running: Dovecot, mailbox: MailUser, monkeypatch: pytest.MonkeyPatch) -> None:
    dovecot = server_kept_running
    for n in range(5):
        dovecot.append(mailbox, report(n), when=at(f"2025-05-20 10:0{n}"))

    def stop_after_second(n: int) -> None:
        if n == 2:
            dovecot.stop()

    _wrap_mark_done(monkeypatch, stop_after_second)
    res = poll(inst, NOW, build=False)  # must not raise: the records are committed

    assert res.batch.processed == 5 and count(inst, "reports") == 5
    # Committed, and every move owed (moves are sent together at the end of the batch).
    assert [s for _, _, s in uid_states(inst)] == [1, 1, 1, 1, 1]
    monkeypatch.undo()
    monkeypatch.setenv(PASSWORD_ENV, mailbox.password)
    dovecot.start()
    assert len(dovecot.folder_uids(mailbox)) == 5

    nxt = poll(inst, NOW, build=False)

    assert (nxt.batch.fetched, nxt.batch.processed) == (0, 0)  # owed moves need no download
    assert dovecot.folder_uids(mailbox) == []
    assert len(dovecot.folder_uids(mailbox, "Processed")) == 5
    assert [s for _, _, s in uid_states(inst)] == [2, 2, 2, 2, 2]
    assert count(inst, "reports") == 5 and count(inst, "outbox") == 5


CRASH_SCRIPT = """
import os, sys
from datetime import datetime
from gateway.config import load
from gateway.app.instance import Instance
from gateway.app.service import poll
from gateway.mail.sources.imap import ImapSource

config, point, now = sys.argv[1:4]

def crash(*args, **kwargs):
    os._exit(17)  # no cleanup, no logout: as a kill -9 or a power cut of the process

setattr(ImapSource, point, crash)
poll(Instance(load(config)), datetime.fromisoformat(now), build=False)
os._exit(0)
"""


def crash_in_child(inst: Instance, tmp_path: Path, point: str) -> None:
    """Run one poll in another process that dies at `point` (after the first commit)."""
    script = tmp_path / "crash.py"
    script.write_text(CRASH_SCRIPT, encoding="utf-8")
    assert inst.cfg.path is not None
    p = subprocess.run([sys.executable, str(script), str(inst.cfg.path), point, NOW.isoformat()], cwd=ROOT,
                       env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=60)
    assert p.returncode == 17, p.stderr


@pytest.mark.parametrize("point", ["mark_done", "_move"])
def test_killed_between_commit_and_move_nothing_lost_nothing_twice(
        inst: Instance, dovecot: Dovecot, mailbox: MailUser, tmp_path: Path, point: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(3):
        dovecot.append(mailbox, report(n), when=at(f"2025-05-20 10:0{n}"))

    crash_in_child(inst, tmp_path, point)
    monkeypatch.setattr(imap_mod, "UIDS_PER_COMMAND", 2)  # owed moves are redone in bounded commands too

    assert len(dovecot.folder_uids(mailbox)) == 3
    if point == "mark_done":
        # Died right after the first commit (records, outcome and receipt), before recording anything else.
        assert count(inst, "reports") == 1 and count(inst, "outbox") == 1
        assert uid_states(inst) == []
    else:
        # Died sending the batch's moves: all three committed, their moves recorded as owed.
        assert count(inst, "reports") == 3 and count(inst, "outbox") == 3
        assert [s for _, _, s in uid_states(inst)] == [1, 1, 1]

    res = poll(inst, NOW, build=False)

    if point == "mark_done":  # downloaded again, the first recognised by its Message-ID
        assert (res.batch.fetched, res.batch.processed, res.batch.duplicates) == (3, 2, 1)
    else:  # the owed moves are redone without downloading anything
        assert (res.batch.fetched, res.batch.processed, res.batch.duplicates) == (0, 0, 0)
    assert count(inst, "reports") == 3 and count(inst, "task_updates") == 3
    assert count(inst, "outbox") == 3 and count(inst, "messages") == 3
    assert dovecot.folder_uids(mailbox) == []
    assert len(dovecot.folder_uids(mailbox, "Processed")) == 3


def test_uidvalidity_change_never_reimports(inst: Instance, dovecot: Dovecot, mailbox: MailUser,
                                           tmp_path: Path) -> None:
    a, b, c, d = report(1), report(2), report(3), report(4)
    dovecot.append(mailbox, a, when=at("2025-05-20 10:00"))
    dovecot.append(mailbox, b, when=at("2025-05-20 10:01"))
    assert poll(inst, NOW, build=False).batch.processed == 2
    # C is committed but its move is lost (the process died): it stays in INBOX under the old UIDVALIDITY.
    dovecot.append(mailbox, c, when=at("2025-05-20 10:02"))
    crash_in_child(inst, tmp_path, "_move")
    old = dovecot.uidvalidity(mailbox)
    assert uid_states(inst) == [(old, 1, 2), (old, 2, 2), (old, 3, 1)]

    # The mailbox is rebuilt (restore, migration): new UIDVALIDITY, A restored into INBOX, D is new.
    dovecot.set_uidvalidity(mailbox, old + 1000)
    dovecot.append(mailbox, a, when=at("2025-05-20 10:00"))
    dovecot.append(mailbox, d, when=at("2025-05-20 10:03"))
    assert dovecot.uidvalidity(mailbox) == old + 1000

    res = poll(inst, NOW, build=False)

    # Under the new UIDVALIDITY nothing is known by UID: C and A are matched by Message-ID.
    assert (res.batch.fetched, res.batch.processed, res.batch.duplicates) == (3, 1, 2)
    assert count(inst, "reports") == 4 and count(inst, "outbox") == 4 and count(inst, "messages") == 4
    assert dovecot.folder_uids(mailbox) == []
    assert [s for v, _, s in uid_states(inst) if v == old + 1000] == [2, 2, 2]
    assert len(dovecot.folder_uids(mailbox, "Processed")) == 5  # A is there twice: nothing deleted


def test_without_move_copies_flags_and_expunges_only_its_own_uids(
        inst: Instance, dovecot: Dovecot, mailbox: MailUser, monkeypatch: pytest.MonkeyPatch) -> None:
    real = IMAPClient.has_capability
    monkeypatch.setattr(IMAPClient, "has_capability", lambda self, cap: cap.upper() != "MOVE" and real(self, cap))
    for n in range(3):
        dovecot.append(mailbox, report(n), when=at(f"2025-05-20 10:0{n}"))
    # Someone "deleted" a report in a mail client (flag only, not expunged), and it is not part of
    # this batch: a plain EXPUNGE after our COPY would destroy it unread.
    dovecot.append(mailbox, report(9), flags=[b"\\Deleted"], when=at("2025-05-20 10:09"))

    res = poll(inst, NOW, limit=3, build=False)

    assert res.batch.processed == 3
    assert len(dovecot.folder_uids(mailbox)) == 1
    assert len(dovecot.folder_uids(mailbox, "Processed")) == 3
    assert poll(inst, NOW, build=False).batch.processed == 1
    assert dovecot.folder_uids(mailbox) == [] and count(inst, "reports") == 4


# -- waiting for mail


def _append_later(dovecot: Dovecot, user: MailUser, raw: bytes, delay: float, stamp: list[float]) -> threading.Thread:
    def run() -> None:
        time.sleep(delay)
        stamp.append(time.monotonic())
        dovecot.append(user, raw)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t


def test_idle_picks_up_a_new_message_within_two_seconds(inst: Instance, dovecot: Dovecot, mailbox: MailUser) -> None:
    source = ImapSource(inst.cfg, inst.store)
    try:
        assert source.wait_for_mail(0.2) is False
        stamp: list[float] = []
        t = _append_later(dovecot, mailbox, report(1), 0.5, stamp)
        assert source.wait_for_mail(20) is True
        woke = time.monotonic()
        t.join()
        assert source.idle_rounds >= 1
        res = poll(inst, NOW, build=False)
        recorded = time.monotonic()
    finally:
        source.close()
    assert res.batch.outcomes == {"accepted": 1}
    assert woke - stamp[0] < 2.0
    assert recorded - stamp[0] < 2.0, f"arrival -> records took {recorded - stamp[0]:.2f}s"


def test_idle_is_reissued_and_times_out(inst: Instance, mailbox: MailUser) -> None:
    inst.cfg.imap.idle_seconds = 1  # bypasses the config's 10 s minimum, for the test's sake
    source = ImapSource(inst.cfg, inst.store)
    try:
        started = time.monotonic()
        assert source.wait_for_mail(3.2) is False
        took = time.monotonic() - started
    finally:
        source.close()
    assert 3.1 < took < 5
    assert source.idle_rounds >= 3


def test_wait_for_mail_sees_mail_already_waiting(inst: Instance, dovecot: Dovecot, mailbox: MailUser) -> None:
    dovecot.append(mailbox, report(1))
    source = ImapSource(inst.cfg, inst.store)
    try:
        started = time.monotonic()
        assert source.wait_for_mail(20) is True
        assert time.monotonic() - started < 1
        assert source.idle_rounds == 0
    finally:
        source.close()


def test_polling_when_the_server_has_no_idle(inst: Instance, dovecot: Dovecot, mailbox: MailUser,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    real = IMAPClient.has_capability
    monkeypatch.setattr(IMAPClient, "has_capability", lambda self, cap: cap.upper() != "IDLE" and real(self, cap))
    inst.cfg.imap.poll_seconds = 1
    source = ImapSource(inst.cfg, inst.store)
    try:
        stamp: list[float] = []
        _append_later(dovecot, mailbox, report(1), 0.3, stamp).join(0)
        assert source.wait_for_mail(20) is True
        assert time.monotonic() - stamp[0] < 2.5
        assert source.idle_rounds == 0
    finally:
        source.close()


def test_wait_survives_a_server_restart(inst: Instance, server_kept_running: Dovecot, mailbox: MailUser,
                                        caplog: pytest.LogCaptureFixture) -> None:
    dovecot = server_kept_running
    source = ImapSource(inst.cfg, inst.store)
    stamp: list[float] = []

    def outage() -> None:
        time.sleep(0.5)
        dovecot.stop()
        time.sleep(1.5)
        dovecot.start()
        stamp.append(time.monotonic())
        dovecot.append(mailbox, report(1))

    t = threading.Thread(target=outage, daemon=True)
    try:
        assert source.wait_for_mail(0.1) is False
        t.start()
        started = time.monotonic()
        with caplog.at_level("WARNING", logger="gateway.mail.sources.imap"):
            assert source.wait_for_mail(30) is True  # never raises
        t.join(10)
        assert time.monotonic() - started < 15
        assert source.connects >= 2
        assert any("connection lost" in r.getMessage() or "cannot connect" in r.getMessage() for r in caplog.records)
    finally:
        source.close()
    assert poll(inst, NOW, build=False).batch.outcomes == {"accepted": 1}


# -- connection settings and `baocao check`


def test_check_connection_reports_what_the_server_offers(inst: Instance, dovecot: Dovecot, mailbox: MailUser,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    dovecot.append(mailbox, report(1))
    text = check_connection(inst.cfg)
    assert "1 message(s)" in text and "IDLE yes" in text and "MOVE yes" in text
    assert "Processed will be created" in text

    monkeypatch.setenv(PASSWORD_ENV, "wrong")
    with pytest.raises(ImapError, match="login as .* refused"):
        check_connection(inst.cfg)
    monkeypatch.delenv(PASSWORD_ENV)
    with pytest.raises(ImapError, match=PASSWORD_ENV):
        check_connection(inst.cfg)
    monkeypatch.setenv(PASSWORD_ENV, mailbox.password)
    inst.cfg.imap.folder = "Không có"
    with pytest.raises(ImapError, match="cannot open folder"):
        check_connection(inst.cfg)
    inst.cfg.imap.folder = "INBOX"
    inst.cfg.imap.port = 1  # nothing listens there
    with pytest.raises(ImapUnavailable, match="cannot connect"):
        check_connection(inst.cfg)
    inst.cfg.imap.host, inst.cfg.imap.port = "mail.example.gov.vn", 143
    with pytest.raises(ImapError, match="only allowed for a server on this machine"):
        check_connection(inst.cfg)


def test_poll_with_the_server_down_is_a_temporary_error(inst: Instance) -> None:
    inst.cfg.imap.port = 1
    # Not a UserError: `baocao run` logs it and retries instead of stopping.
    with pytest.raises(ImapUnavailable, match="cannot connect") as exc:
        poll(inst, NOW, build=False)
    assert not isinstance(exc.value, UserError)


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_tls_and_starttls_verify_the_certificate(tmp_path: Path, dovecot: Dovecot, mailbox: MailUser,
                                                 monkeypatch: pytest.MonkeyPatch, security: str) -> None:
    port = dovecot.tls_port if security == "tls" else dovecot.port
    inst = imap_instance(tmp_path / "i", dovecot, mailbox, monkeypatch, security=security, port=port)
    try:
        monkeypatch.delenv(imap_mod.CA_FILE_ENV, raising=False)
        with pytest.raises(ImapError, match="not trusted"):
            check_connection(inst.cfg)
        monkeypatch.setenv(imap_mod.CA_FILE_ENV, str(dovecot.cert))
        dovecot.append(mailbox, report(1))
        assert poll(inst, NOW, build=False).batch.outcomes == {"accepted": 1}
        assert dovecot.folder_uids(mailbox) == []
    finally:
        inst.close()


def test_baocao_run_records_new_mail_within_two_seconds_with_idle(
        inst: Instance, dovecot: Dovecot, mailbox: MailUser) -> None:
    """The service as an operator runs it (`baocao run`), against the real server: IDLE wakes it."""
    assert inst.cfg.path is not None
    proc = subprocess.Popen([sys.executable, "-m", "gateway", "run", "--config", str(inst.cfg.path), "--no-site"],
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        db = Store(inst.cfg.db_path)  # our own connection: the service writes through its own
        ready = time.monotonic() + 20
        while time.monotonic() < ready and not dovecot.log_text().count(f"Login: user=<{mailbox.name}>"):
            time.sleep(0.05)
        time.sleep(0.5)  # let it settle into IDLE
        latencies = []
        for n in range(3):
            appended = time.monotonic()
            dovecot.append(mailbox, report(n))
            while count_in(db, "reports") < n + 1 and time.monotonic() - appended < 10:
                time.sleep(0.02)
            latencies.append(time.monotonic() - appended)
        recorded = count_in(db, "reports")
        db.close()
        assert recorded == 3, f"service exit status {proc.poll()}"
        assert max(latencies) < 2.0, latencies
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            out, _ = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _ = proc.communicate()
    assert proc.returncode == 0, out
    assert dovecot.folder_uids(mailbox) == []
    assert len(dovecot.folder_uids(mailbox, "Processed")) == 3


def count_in(store: Store, table: str) -> int:
    return int(store.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def test_mail_arriving_just_before_idle_still_wakes_the_waiter(inst: Instance, dovecot: Dovecot,
                                                             mailbox: MailUser) -> None:
    """The race between our last SEARCH and the IDLE command: the server announces the new message
    while IDLE starts, before "+ idling"; the waiter must not sleep through it."""
    from gateway.mail.sources.imap import ImapSource

    source = ImapSource(inst.cfg, inst.store)
    try:
        client = source._ensure()
        assert source._pending(client)[1] == []  # the SEARCH that found nothing
        dovecot.append(mailbox, report(1))  # arrives now, before IDLE is issued
        time.sleep(0.2)
        started = time.monotonic()
        source._idle(client, 5.0)
        assert time.monotonic() - started < 1.0
    finally:
        source.close()
