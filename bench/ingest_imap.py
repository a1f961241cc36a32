"""IMAP ingest benchmark: the real pipeline reading from a real Dovecot it starts itself.

Two measurements, in one run:

1. Throughput: N realistic report emails (the demo's styles, as bench/ingest.py makes them) are
   APPENDed to the server's INBOX, then `baocao poll` batches (fetch sizes, BODY.PEEK[], store raw,
   parse, record, receipt into the outbox, flush the outbox, MOVE to Processed) run until the
   inbox is empty. Printed as messages/s next to the same bytes through a Maildir, and the ratio.
2. Latency with IDLE: M messages are APPENDed one at a time by another connection while a waiter
   loop runs (`ImapSource.wait_for_mail` -> `poll`); the time from the start of each APPEND to
   its report row being committed, p50/p95/max.

    python bench/ingest_imap.py [N] [M]       (defaults N = 1000, M = 50)

Needs Dovecot (`apt-get install dovecot-imapd`); runs as root or as a normal user.
"""

from __future__ import annotations

import csv
import io
import logging
import random
import re
import statistics
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.ingest import make_mail, uncapped  # noqa: E402
from gateway.app.instance import Instance  # noqa: E402
from gateway.app.scaffold import init_instance  # noqa: E402
from gateway.app.service import poll  # noqa: E402
from gateway.config import Deadlines, load  # noqa: E402
from gateway.domain.calendar import WorkCalendar  # noqa: E402
from gateway.mail.sources.imap import ImapSource  # noqa: E402
from gateway.mail.sources.maildir import deliver  # noqa: E402
from tests.dovecot import Dovecot, MailUser, running_server  # noqa: E402

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
PASSWORD_ENV = "BAOCAO_BENCH_IMAP_PASSWORD"


def make_instance(root: Path, source: str, server: Dovecot | None = None, user: MailUser | None = None) -> Instance:
    """The demo province's lists, every receipt allowed, mail from IMAP or a Maildir."""
    import os

    from gateway.app.demo import DEMO

    init_instance(root, address="baocao@binhdinh.gov.vn")
    (root / "units.csv").write_text((DEMO / "units.csv").read_text(encoding="utf-8"), encoding="utf-8")
    rows = list(csv.reader(io.StringIO((DEMO / "tasks.csv").read_text(encoding="utf-8"))))
    for row in rows[1:]:
        row[6] = "2025-12-31"  # the demo's deadlines are offsets: make them dates
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    (root / "tasks.csv").write_text(buf.getvalue(), encoding="utf-8")
    text = (root / "baocao.toml").read_text(encoding="utf-8")
    text = uncapped(text)
    if source == "imap":
        assert server is not None and user is not None
        os.environ[PASSWORD_ENV] = user.password
        text = text.replace('source = "maildir"', 'source = "imap"')
        text = re.sub(r"\[imap\]\n(.*?)\n\n", lambda _: (
            "[imap]\n"
            f'host = "{server.host}"\nport = {server.port}\nsecurity = "none"\n'
            f'username = "{user.name}"\npassword_env = "{PASSWORD_ENV}"\n'
            'folder = "INBOX"\nprocessed_folder = "Processed"\nfailed_folder = "Failed"\n\n'), text, count=1, flags=re.S)
    (root / "baocao.toml").write_text(text, encoding="utf-8")
    inst = Instance(load(root / "baocao.toml"))
    assert inst.cfg.mail.source == source
    return inst


def drain(inst: Instance, now: datetime) -> dict[str, int]:
    outcomes: dict[str, int] = {}
    while True:
        res = poll(inst, now, limit=500, build=False)
        for k, v in res.batch.outcomes.items():
            outcomes[k] = outcomes.get(k, 0) + v
        if res.batch.fetched == 0:
            return outcomes


def maildir_rate(mail: list[tuple[datetime, bytes]], root: Path) -> float:
    md = make_instance(root, "maildir")
    maildir = md.cfg.resolve(md.cfg.mail.maildir)
    for i, (when, raw) in enumerate(mail):
        deliver(maildir, raw, f"{i:06d}.bench", when)
    t0 = time.perf_counter()
    drain(md, mail[-1][0] + timedelta(hours=1))
    rate = len(mail) / (time.perf_counter() - t0)
    md.close()
    return rate


def imap_rate(server: Dovecot, mail: list[tuple[datetime, bytes]], root: Path) -> tuple[float, float, dict[str, int]]:
    """(IMAP msg/s, APPEND msg/s, outcomes)."""
    user = server.add_user("bench")
    inst = make_instance(root, "imap", server, user)
    t0 = time.perf_counter()
    with server.client(user, timeout=60) as c:
        for when, raw in mail:
            c.append("INBOX", raw, msg_time=when)  # INTERNALDATE = the arrival time the report claims
    append_rate = len(mail) / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    outcomes = drain(inst, mail[-1][0] + timedelta(hours=1))
    rate = len(mail) / (time.perf_counter() - t0)
    left = server.folder_uids(user)
    assert not left, f"{len(left)} message(s) left in INBOX"
    assert sum(outcomes.values()) == len(mail), outcomes
    assert len(server.folder_uids(user, "Processed")) + len(server.folder_uids(user, "Failed")) == len(mail)
    inst.close()
    return rate, append_rate, outcomes


def idle_latency(server: Dovecot, mail: list[tuple[datetime, bytes]], root: Path) -> tuple[list[float], int, int]:
    """Seconds from the start of each APPEND to its report being committed; (latencies, waits, batches)."""
    user = server.add_user("idle")
    inst = make_instance(root / "idle", "imap", server, user)
    now = mail[-1][0] + timedelta(hours=1)
    started: dict[str, float] = {}  # Message-ID -> monotonic time the APPEND began
    done = threading.Event()
    rng = random.Random(57)

    def appender() -> None:
        with server.client(user, timeout=60) as c:
            for when, raw in mail:
                time.sleep(rng.uniform(0.2, 0.6))  # one at a time, out of step with the waiter
                mid = re.search(rb"^Message-ID:\s*(<[^>]+>)", raw, re.M | re.I)
                assert mid, "bench mail needs a Message-ID"
                started[mid.group(1).decode()] = time.monotonic()
                c.append("INBOX", raw, msg_time=when)
        done.set()

    recorded: dict[str, float] = {}
    waiter = ImapSource(inst.cfg, inst.store)
    waits = batches = 0
    t = threading.Thread(target=appender, daemon=True)
    t.start()
    try:
        while len(recorded) < len(mail):
            waits += 1
            if waiter.wait_for_mail(5.0):
                poll(inst, now, build=False)
                batches += 1
                stamp = time.monotonic()
                for (mid,) in inst.store.db.execute(
                        "SELECT m.message_id FROM messages m WHERE m.outcome <> 'received'").fetchall():
                    recorded.setdefault(mid, stamp)
            elif done.is_set() and not waiter.more_pending:
                break
    finally:
        waiter.close()
        t.join(30)
        inst.close()
    missing = [m for m in started if m not in recorded]
    assert not missing, f"{len(missing)} message(s) never recorded"
    return [recorded[m] - started[m] for m in started], waits, batches


def main() -> None:
    # The outbox's per-recipient hold notices would drown the numbers.
    logging.basicConfig(level=logging.ERROR)
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    m = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    cal = WorkCalendar(Deadlines(), TZ)
    mail = make_mail(n + m, cal)
    bulk, trickle = mail[:n], mail[n:]
    size = sum(len(r) for _, r in bulk) / len(bulk)
    with tempfile.TemporaryDirectory() as d:
        gen = running_server(tls=False)
        server = next(gen)
        try:
            # Maildir before and after the IMAP run: the machine is shared and noisy.
            md1 = maildir_rate(bulk, Path(d) / "maildir1")
            rate, append_rate, outcomes = imap_rate(server, bulk, Path(d) / "imap")
            md2 = maildir_rate(bulk, Path(d) / "maildir2")
            lat, waits, batches = idle_latency(server, trickle, Path(d))
        finally:
            gen.close()  # stops Dovecot (process group) and removes its folder
    md_rate = (md1 + md2) / 2
    q = statistics.quantiles(lat, n=20, method="inclusive")
    print(f"Dovecot on 127.0.0.1, messages: {n} (mean {size / 1024:.1f} KiB), outcomes: {outcomes}")
    print(f"APPEND into INBOX (test setup, not the gateway): {append_rate:8.1f} msg/s")
    print(f"baocao poll from IMAP (sizes, BODY.PEEK[], store, parse, record, receipt, outbox, MOVE): {rate:8.1f} msg/s")
    print(f"baocao poll from a Maildir, same bytes (mean of a run before and after: {md1:.1f}, {md2:.1f}): {md_rate:8.1f} msg/s")
    print(f"ratio IMAP/Maildir: {rate / md_rate:.3f}")
    print(f"IDLE arrival -> records committed, {len(lat)} messages appended one at a time "
          f"({waits} waits, {batches} batches): p50 {statistics.median(lat):.3f} s, p95 {q[18]:.3f} s, "
          f"max {max(lat):.3f} s")


if __name__ == "__main__":
    main()
