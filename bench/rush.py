"""Rush benchmark (issue 13): `baocao run` on IMAP IDLE against a real Dovecot, receipts to a real
SMTP server, the site in public/ — a trickle and a burst of reports, end to end.

    python bench/rush.py                      province-year: 200 units, 150 tasks, 250 working days;
                                              trickle 60 reports over 60 s, then a burst of 1,000
    python bench/rush.py --national           10,000 units, 2,000 tasks, 22 working days;
                                              trickle 20 over 20 s, burst of 1,000 (≈ 10 min)
    options: --trickle N --trickle-seconds S --burst N --site-timeout S --profile --keep
             --units/--tasks/--days to override the instance's size

What it does, in one run:

1. Builds the instance: the lists and the history of reports come from bench/site.py (reports and
   task updates inserted directly, ending the working day before today); then `baocao build-site`
   (timed: today's full rebuild at that size).
2. Starts Dovecot (tests/dovecot.py) and an aiosmtpd Controller on loopback, and `baocao run` as a
   subprocess of the real CLI: mail from IMAP (IDLE), receipts through SMTP, the site built beside
   it. Both hourly caps (receipts per sender, sends per recipient) are raised far above the load.
3. One warm-up report (receipt and site awaited), then the trickle (one APPEND every S/N seconds)
   and the burst (N APPENDs back to back on one connection). Each report is today's daily report
   of a unit with tasks, for one of its tasks, whose result text carries a token of its own.
4. Measures, per report: arrival (its APPEND answered) → receipt (the SMTP server received the
   mail whose In-Reply-To is the report's Message-ID) and arrival → site (the unit's page in
   public/ shows the report's token, or the token of a later report of the same unit: a page that
   shows the newer report reflects this one too). p50/p95/max, receipts per second, and the peak
   RSS of the `baocao run` process and its children (VmHWM / VmRSS from /proc).
5. The same run's baseline: `email.message_from_bytes(policy=default)` + `get_content()` on the
   same bytes (bench/ingest.stdlib_rate, before and after the run), msg/s, and the ratio.

With --profile, `baocao run` runs under cProfile (its main thread: fetch, parse, record, receipts,
outbox; the site build runs in a thread cProfile does not see) and the top functions are printed.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from email.header import Header
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aiosmtpd.controller import Controller  # noqa: E402

from bench.ingest import stdlib_rate, uncapped  # noqa: E402
from bench.site import fill_store, make_lists  # noqa: E402
from gateway.app.instance import Instance  # noqa: E402
from gateway.app.scaffold import init_instance  # noqa: E402
from gateway.config import load  # noqa: E402
from gateway.domain.calendar import WorkCalendar  # noqa: E402
from site_builder.paths import unit_path  # noqa: E402
from tests.dovecot import Dovecot, MailUser, free_port, running_server  # noqa: E402

PASSWORD_ENV = "BAOCAO_BENCH_IMAP_PASSWORD"
ADDRESS = "baocao@example.gov.vn"
_IRT = re.compile(rb"^In-Reply-To:\s*(<[^>\r\n]+>)", re.M | re.I)
_DATE = re.compile(rb"^Date: [^\r\n]*", re.M)


# -- the SMTP side: when each receipt arrived
class ReceiptClock:
    """aiosmtpd handler: the monotonic time each mail arrived, by the Message-ID it answers."""

    def __init__(self) -> None:
        self.at: dict[str, float] = {}
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        stamp = time.monotonic()
        raw = bytes(envelope.original_content or envelope.content)
        head = raw.split(b"\r\n\r\n", 1)[0].replace(b"\r\n ", b" ").replace(b"\r\n\t", b" ")
        m = _IRT.search(head)
        with self.lock:
            self.count += 1
            if m:
                self.at.setdefault(m.group(1).decode(), stamp)
        return "250 2.0.0 Message accepted for delivery"


# -- the site side: when each unit page first shows a report
@dataclass
class Sent:
    seq: int
    unit: str
    message_id: str
    token: str
    raw: bytes
    tz: Any = None
    arrived: float = 0.0  # monotonic, after the APPEND was answered


class SiteWatcher(threading.Thread):
    """Polls the unit pages of reports not yet seen (a page is read only when its file changed)."""

    def __init__(self, output: Path, period: float = 0.2) -> None:
        super().__init__(name="site-watcher", daemon=True)
        self.output = output
        self.period = period
        self.pending: dict[str, list[Sent]] = {}  # unit -> reports not seen yet, in sending order
        self.seen: dict[str, float] = {}  # message_id -> monotonic time first reflected
        self.files: dict[str, tuple[int, int]] = {}
        self.lock = threading.Lock()
        self.halt = threading.Event()

    def watch(self, s: Sent) -> None:
        with self.lock:
            self.pending.setdefault(s.unit, []).append(s)

    def waiting(self) -> int:
        with self.lock:
            return sum(len(v) for v in self.pending.values())

    def run(self) -> None:
        while not self.halt.wait(self.period):
            with self.lock:
                units = [u for u, v in self.pending.items() if v]
            for unit in units:
                path = self.output / unit_path(unit)
                try:
                    st = path.stat()
                except OSError:
                    continue
                key = (st.st_ino, st.st_mtime_ns)
                if self.files.get(unit) == key:
                    continue
                try:
                    text = path.read_text(encoding="utf-8")
                except OSError:
                    continue
                stamp = time.monotonic()
                self.files[unit] = key
                with self.lock:
                    todo = self.pending[unit]
                    shown = [i for i, s in enumerate(todo) if s.token in text]
                    if shown:
                        last = max(shown)
                        for s in todo[: last + 1]:
                            self.seen.setdefault(s.message_id, stamp)
                        del todo[: last + 1]


# -- memory of the service and its children
class RssSampler(threading.Thread):
    def __init__(self, pid: int, period: float = 0.5) -> None:
        super().__init__(name="rss", daemon=True)
        self.pid = pid
        self.period = period
        self.main_hwm = 0  # kB
        self.child_hwm = 0  # kB, the largest child's own peak
        self.total_rss = 0  # kB, the largest sum of RSS sampled at one moment
        self.halt = threading.Event()

    @staticmethod
    def _status(pid: int) -> dict[str, int]:
        out: dict[str, int] = {}
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith(("VmHWM:", "VmRSS:")):
                        k, v = line.split(":", 1)
                        out[k] = int(v.split()[0])
        except OSError:
            pass
        return out

    @staticmethod
    def _children(pid: int) -> list[int]:
        kids: list[int] = []
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as f:
                    kids += [int(x) for x in f.read().split()]
        except OSError:
            pass
        return kids + [g for k in kids for g in RssSampler._children(k)]

    def sample(self) -> None:
        me = self._status(self.pid)
        if not me:
            return
        self.main_hwm = max(self.main_hwm, me.get("VmHWM", 0))
        total = me.get("VmRSS", 0)
        for kid in self._children(self.pid):
            st = self._status(kid)
            self.child_hwm = max(self.child_hwm, st.get("VmHWM", 0))
            total += st.get("VmRSS", 0)
        self.total_rss = max(self.total_rss, total)

    def run(self) -> None:
        while not self.halt.wait(self.period):
            self.sample()


# -- the instance
def build_instance(root: Path, n_units: int, n_tasks: int, n_days: int, server: Dovecot, user: MailUser,
                   smtp_port: int) -> tuple[Instance, date, list[tuple[str, str, list[str]]]]:
    """The instance with its history; (instance, today's period, [(unit, address, its tasks)])."""
    rng = random.Random(57)
    units, tasks = make_lists(n_units, n_tasks, rng)
    init_instance(root, units=units, tasks=tasks, address=ADDRESS)
    cfg = root / "baocao.toml"
    text = uncapped(cfg.read_text(encoding="utf-8"))
    text = text.replace('source = "maildir"', 'source = "imap"').replace('sink = "directory"', 'sink = "smtp"')
    text = re.sub(r"\[imap\]\n.*?\n\n", lambda _: (
        "[imap]\n"
        f'host = "{server.host}"\nport = {server.port}\nsecurity = "none"\n'
        f'username = "{user.name}"\npassword_env = "{PASSWORD_ENV}"\n'
        'folder = "INBOX"\nprocessed_folder = "Processed"\nfailed_folder = "Failed"\n\n'), text, count=1, flags=re.S)
    text = re.sub(r"\[smtp\]\n.*?\n\n", lambda _: (
        f'[smtp]\nhost = "127.0.0.1"\nport = {smtp_port}\nsecurity = "none"\nusername = ""\n\n'),
        text, count=1, flags=re.S)
    cfg.write_text(text, encoding="utf-8")
    inst = Instance(load(cfg))
    assert inst.cfg.mail.source == "imap" and inst.cfg.mail.sink == "smtp"
    cal = WorkCalendar(inst.cfg.deadlines, inst.cfg.tz)
    today = datetime.now(inst.cfg.tz).date()
    period = today if cal.is_working_day(today) else cal.working_days(today - timedelta(days=14), today)[-1]
    days = cal.working_days(period - timedelta(days=2 * n_days + 60), period - timedelta(days=1))[-n_days:]
    t = time.perf_counter()
    n_updates = fill_store(inst, days, rng)
    n_reports = inst.store.db.execute("SELECT count(*) FROM reports").fetchone()[0]
    print(f"instance: {n_units} units, {n_tasks} tasks, {len(days)} working days "
          f"({days[0]:%d/%m/%Y}–{days[-1]:%d/%m/%Y}): {n_reports} reports, {n_updates} task updates "
          f"(inserted directly in {time.perf_counter() - t:.1f} s); the rush reports the period {period:%d/%m/%Y}")
    tasks_of: dict[str, list[str]] = {}
    for tk in inst.directory.tasks:
        tasks_of.setdefault(tk.lead_unit, []).append(tk.code)
        for c in tk.coordinating_units:
            tasks_of.setdefault(c, []).append(tk.code)
    senders = [(u.code, u.emails[0], tasks_of[u.code]) for u in inst.directory.units
               if "daily" in u.reports and tasks_of.get(u.code)]
    return inst, period, senders


def _token(n: int) -> str:
    letters = ""
    for _ in range(5):
        n, r = divmod(n, 26)
        letters = chr(97 + r) + letters
    return "rushx" + letters  # letters only: no figure the reader could take for a progress


STATUSES = ["Đang thực hiện", "Đang triển khai", "Hoàn thành", "Chưa thực hiện"]


def report_mail(seq: int, unit: str, address: str, task: str, period: date, now: datetime) -> Sent:
    token = _token(seq)
    mid = f"<rush-{seq:06d}-{os.getpid()}@{address.split('@', 1)[1]}>"
    progress = 5 + seq * 7 % 90
    body = (f"Kính gửi Tổ công tác,\r\n\r\nĐơn vị: {unit}\r\nLoại báo cáo: Ngày\r\nKỳ báo cáo: {period:%d/%m/%Y}\r\n\r\n"
            f"Nhiệm vụ: {task}\r\nTình trạng: {STATUSES[seq % 3]}\r\nTiến độ: {progress}%\r\n"
            f"Kết quả: Đã rà soát hồ sơ, cập nhật dữ liệu trên hệ thống (mã theo dõi {token}).\r\n"
            f"Khó khăn, vướng mắc: {'Chưa được bố trí kinh phí.' if seq % 5 == 0 else 'Không.'}\r\n\r\n"
            "Trân trọng,\r\nCán bộ đầu mối\r\n")
    subject = Header(f"Báo cáo ngày {period:%d/%m/%Y} – {unit}", "utf-8").encode()
    raw = (f"From: =?utf-8?b?Q8OhbiBi4buZIMSR4bqndSBt4buRaQ==?= <{address}>\r\nTo: {ADDRESS}\r\nSubject: {subject}\r\n"
           f"Message-ID: {mid}\r\nDate: {now:%a, %d %b %Y %H:%M:%S %z}\r\nMIME-Version: 1.0\r\n"
           "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body).encode("utf-8")
    return Sent(seq, unit, mid, token, raw, now.tzinfo)


# -- one phase
@dataclass
class Phase:
    name: str
    sent: list[Sent] = field(default_factory=list)
    receipt: list[float] = field(default_factory=list)
    site: list[float] = field(default_factory=list)
    no_receipt: int = 0
    not_on_site: int = 0
    append_s: float = 0.0
    span_s: float = 0.0  # first arrival -> last receipt
    rows: list[tuple[Any, ...]] = field(default_factory=list)  # per report, written with --keep

    @property
    def rate(self) -> float:
        return len(self.receipt) / self.span_s if self.span_s > 0 else 0.0


def baseline_rate(raws: list[bytes], at_least: int = 3000) -> float:
    """bench/ingest.stdlib_rate on these bytes, warmed up, repeated to at least `at_least` messages."""
    stdlib_rate(raws[:200])
    return stdlib_rate(raws * max(1, -(-at_least // len(raws))))


def pct(xs: list[float]) -> tuple[float, float, float]:
    if not xs:
        return (float("nan"),) * 3  # type: ignore[return-value]
    if len(xs) == 1:
        return xs[0], xs[0], xs[0]
    q = statistics.quantiles(xs, n=20, method="inclusive")
    return statistics.median(xs), q[18], max(xs)


def run_phase(name: str, mails: list[Sent], spread_s: float, server: Dovecot, user: MailUser,
              smtp: ReceiptClock, watcher: SiteWatcher, receipt_timeout: float, site_timeout: float,
              proc: subprocess.Popen[bytes]) -> Phase:
    ph = Phase(name, mails)
    step = spread_s / len(mails) if spread_s > 0 and len(mails) > 1 else 0.0
    tz = datetime.now().astimezone().tzinfo
    with server.client(user, timeout=120) as c:
        t0 = time.monotonic()
        for i, s in enumerate(mails):
            if step:
                delay = t0 + i * step - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
            at = datetime.now(tz)
            # The Date header says when it was sent (same length: the baseline's bytes stay the same size).
            s.raw = _DATE.sub(f"Date: {at.astimezone(s.tz):%a, %d %b %Y %H:%M:%S %z}".encode(), s.raw, count=1)
            c.append("INBOX", s.raw, msg_time=at)
            s.arrived = time.monotonic()
            watcher.watch(s)
        ph.append_s = time.monotonic() - t0
    first = mails[0].arrived
    deadline = time.monotonic() + receipt_timeout
    ids = [s.message_id for s in mails]
    while time.monotonic() < deadline and proc.poll() is None:
        with smtp.lock:
            if all(m in smtp.at for m in ids):
                break
        time.sleep(0.05)
    with smtp.lock:
        got = {m: smtp.at[m] for m in ids if m in smtp.at}
    ph.receipt = [got[s.message_id] - s.arrived for s in mails if s.message_id in got]
    ph.no_receipt = len(mails) - len(got)
    ph.span_s = max(got.values()) - first if got else 0.0
    deadline = time.monotonic() + site_timeout
    while time.monotonic() < deadline and proc.poll() is None:
        with watcher.lock:
            if all(m in watcher.seen for m in ids):
                break
        time.sleep(0.1)
    with watcher.lock:
        seen = {m: watcher.seen[m] for m in ids if m in watcher.seen}
        for s in mails:  # stop watching what timed out
            if s.message_id not in seen and s in watcher.pending.get(s.unit, []):
                watcher.pending[s.unit].remove(s)
    ph.site = [seen[s.message_id] - s.arrived for s in mails if s.message_id in seen]
    ph.rows = [(s.seq, s.unit, s.message_id, round(s.arrived - first, 3),
                round(got[s.message_id] - s.arrived, 3) if s.message_id in got else "",
                round(seen[s.message_id] - s.arrived, 3) if s.message_id in seen else "") for s in mails]
    ph.not_on_site = len(mails) - len(seen)
    return ph


def run_log_summary(log_text: str) -> str:
    """Builds and batches from the service's own log (its asctime has millisecond precision)."""
    stamps = []
    for m in re.finditer(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) INFO gateway.run: site rebuilt", log_text, re.M):
        stamps.append(datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S,%f"))
    batches = [int(m.group(1)) for m in re.finditer(r"gateway.run: mail: (\d+) fetched", log_text)]
    gaps = [(b - a).total_seconds() for a, b in zip(stamps, stamps[1:], strict=False)]
    out = f"service log: {len(batches)} batches (mean {statistics.mean(batches) if batches else 0:.1f} messages, " \
          f"max {max(batches, default=0)}), {len(stamps)} site builds"
    if gaps:
        out += f"; time between builds min {min(gaps):.1f} s, median {statistics.median(gaps):.1f} s"
    errors = [line for line in log_text.splitlines() if re.search(r" (ERROR|CRITICAL) ", line)]
    if errors:
        out += f"; {len(errors)} ERROR line(s) in the log:\n" + "\n".join(f"  {e[:300]}" for e in errors[:5])
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--national", action="store_true", help="10,000 units, 2,000 tasks, 22 working days")
    ap.add_argument("--units", type=int)
    ap.add_argument("--tasks", type=int)
    ap.add_argument("--days", type=int)
    ap.add_argument("--trickle", type=int, help="reports in the trickle (default 60; national 20)")
    ap.add_argument("--trickle-seconds", type=float, help="over how long (default: one per second)")
    ap.add_argument("--burst", type=int, default=1000)
    ap.add_argument("--receipt-timeout", type=float, default=600.0)
    ap.add_argument("--site-timeout", type=float, help="seconds to wait for the site after a phase "
                    "(default 120; national 240)")
    ap.add_argument("--no-site", action="store_true", help="`baocao run --no-site`: the mail path alone "
                    "(no site build beside it; arrival -> site not measured)")
    ap.add_argument("--profile", action="store_true", help="run `baocao run` under cProfile (main thread)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary instance and the service log")
    args = ap.parse_args()
    size = (10_000, 2_000, 22) if args.national else (200, 150, 250)
    n_units, n_tasks, n_days = args.units or size[0], args.tasks or size[1], args.days or size[2]
    n_trickle = args.trickle if args.trickle is not None else (20 if args.national else 60)
    trickle_s = args.trickle_seconds if args.trickle_seconds is not None else float(n_trickle)
    site_timeout = args.site_timeout or (240.0 if args.national else 120.0)
    label = "national" if args.national else "province-year"

    tmp = Path(tempfile.mkdtemp(prefix="baocao-bench-rush-"))
    gen = running_server(tls=False)
    server = next(gen)
    smtp = ReceiptClock()
    controller = Controller(smtp, hostname="127.0.0.1", port=free_port())
    controller.start()
    proc: subprocess.Popen[bytes] | None = None
    watcher: SiteWatcher | None = None
    sampler: RssSampler | None = None
    log_path = tmp / "run.log"
    prof = tmp / "run.prof"
    try:
        user = server.add_user("rush")
        inst, period, senders = build_instance(tmp / "inst", n_units, n_tasks, n_days, server, user, controller.port)
        cfg_path = inst.cfg.path
        output = inst.cfg.site_output
        db_path = inst.cfg.resolve(inst.cfg.database)
        inst.close()
        env = dict(os.environ, **{PASSWORD_ENV: user.password})
        env.pop("JOURNAL_STREAM", None)
        full_build = float("nan")
        if not args.no_site:
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "gateway", "build-site", "--config", str(cfg_path)], env=env,
                           check=True, capture_output=True)
            full_build = time.perf_counter() - t
            n_files = sum(1 for p in output.resolve().rglob("*") if p.is_file())
            print(f"`baocao build-site` (full rebuild, its own process): {full_build:.1f} s, {n_files} files")

        # Every report's bytes first: the baseline parses exactly these.
        tz = inst.cfg.tz
        now = datetime.now(tz)
        rng = random.Random(13)
        order = senders[:]
        rng.shuffle(order)

        def mails(start: int, n: int) -> list[Sent]:
            out = []
            for i in range(n):
                unit, addr, tasks = order[(start + i) % len(order)]
                out.append(report_mail(start + i, unit, addr, tasks[(start + i) // len(order) % len(tasks)], period, now))
            return out

        warm = mails(0, 1)
        trickle = mails(1, n_trickle)
        burst = mails(1 + n_trickle, args.burst)
        raws = [s.raw for s in warm + trickle + burst]
        per_unit = max(sum(1 for s in warm + trickle + burst if s.unit == u) for u, _, _ in order)
        print(f"reports: {len(raws)} (mean {sum(map(len, raws)) / len(raws) / 1024:.1f} KiB) from {len(order)} "
              f"units with tasks (at most {per_unit} per unit)")
        base1 = baseline_rate(raws)

        cmd = [sys.executable, "-m", "gateway", "run", "--config", str(cfg_path)]
        if args.profile:
            cmd = [sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "gateway", "run", "--config", str(cfg_path)]
        if args.no_site:
            cmd.append("--no-site")
            site_timeout = 0.0
        log_file = open(log_path, "wb")  # noqa: SIM115 - closed below
        proc = subprocess.Popen(cmd, env=env, stdout=log_file, stderr=subprocess.STDOUT)
        sampler = RssSampler(proc.pid)
        sampler.start()
        watcher = SiteWatcher(output)
        watcher.start()

        phases = []
        w = run_phase("warm-up", warm, 0, server, user, smtp, watcher, 120, site_timeout * 2, proc)
        if w.no_receipt or (w.not_on_site and not args.no_site):
            raise SystemExit(f"warm-up report not answered or not on the site; service log:\n{log_path.read_text()[-4000:]}")
        print(f"warm-up: receipt {w.receipt[0]:.2f} s, site {w.site[0] if w.site else float('nan'):.1f} s "
              "(the service is up)")
        if trickle:
            phases.append(run_phase(f"trickle {len(trickle)} over {trickle_s:.0f} s", trickle, trickle_s, server, user,
                                    smtp, watcher, args.receipt_timeout, site_timeout, proc))
            print(f"{phases[-1].name}: done")
        if burst:
            phases.append(run_phase(f"burst of {len(burst)}", burst, 0, server, user, smtp, watcher,
                                    args.receipt_timeout, site_timeout, proc))
            print(f"{phases[-1].name}: done (APPENDs took {phases[-1].append_s:.1f} s)")
        sampler.sample()
    finally:
        if sampler is not None:
            sampler.halt.set()
        if watcher is not None:
            watcher.halt.set()
        if proc is not None:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(600)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            log_file.close()
        controller.stop()
        gen.close()
    base2 = baseline_rate([s.raw for s in warm + trickle + burst])
    baseline = (base1 + base2) / 2
    log_text = log_path.read_text(encoding="utf-8", errors="replace")
    with sqlite3.connect(db_path) as db:
        outcomes = dict(db.execute("SELECT outcome, count(*) FROM messages WHERE message_id LIKE '<rush-%' "
                                   "GROUP BY outcome").fetchall())
        outbox_rows = dict(db.execute("SELECT status, count(*) FROM outbox GROUP BY status").fetchall())

    label += " (--no-site)" if args.no_site else ""
    print(f"\nRush benchmark, {label}: {n_units} units, {n_tasks} tasks, {n_days} working days; "
          f"full rebuild {full_build:.1f} s; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"outcomes of the rush reports: {outcomes}; receipts received by the SMTP server: {smtp.count}; "
          f"outbox rows by status: {outbox_rows}")
    print(run_log_summary(log_text))
    print()
    print("| phase | reports | arrival → receipt p50 / p95 / max | receipts/s | arrival → site p50 / p95 / max |")
    print("|---|---|---|---|---|")
    for ph in phases:
        r50, r95, rmax = pct(ph.receipt)
        s50, s95, smax = pct(ph.site)
        miss = f" ({ph.no_receipt} without a receipt)" if ph.no_receipt else ""
        smiss = f" ({ph.not_on_site} not on the site within {site_timeout:.0f} s)" \
            if ph.not_on_site and not args.no_site else ""
        print(f"| {ph.name} | {len(ph.sent)} | {r50:.2f} / {r95:.2f} / {rmax:.2f} s{miss} | {ph.rate:.1f} "
              f"| {s50:.1f} / {s95:.1f} / {smax:.1f} s{smiss} |")
    print()
    burst_rate = phases[-1].rate if phases else 0.0
    print(f"stdlib parse + get_content, same bytes (mean of {base1:.0f} before and {base2:.0f} after): {baseline:.0f} msg/s")
    print(f"ratio burst receipts/s / stdlib: {burst_rate / baseline:.3f}")
    print(f"peak RSS: `baocao run` {sampler.main_hwm / 1024:.0f} MiB (VmHWM), largest child "
          f"{sampler.child_hwm / 1024:.0f} MiB, sum sampled at one moment {sampler.total_rss / 1024:.0f} MiB"
          if sampler else "")
    if args.profile and prof.exists():
        import pstats

        print("\ncProfile of `baocao run`'s main thread (mail, receipts, outbox), top 25 by cumulative time:")
        pstats.Stats(str(prof)).sort_stats("cumulative").print_stats(25)
        print("top 20 by own time:")
        pstats.Stats(str(prof)).sort_stats("tottime").print_stats(20)
    if args.keep:
        import csv

        with open(tmp / "reports.csv", "w", newline="", encoding="utf-8") as f:
            wr = csv.writer(f)
            wr.writerow(["phase", "seq", "unit", "message_id", "arrived_s", "receipt_s", "site_s"])
            for ph in phases:
                wr.writerows((ph.name, *r) for r in ph.rows)
        print(f"\nkept: {tmp} (service log {log_path}, per report {tmp / 'reports.csv'})")
    else:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
