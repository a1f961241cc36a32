"""The service loop behind `baocao run` (and the demo): one process, one step at a time.

Each step: fetch and process new mail (receipts go out within seconds), then the deadline clock —
reminder slots, the digest after each deadline, early warnings once a working day, a site rebuild
when a deadline or midnight passed — then the outbox with its retries. Between steps it waits for
new mail (IMAP IDLE when the source offers `wait_for_mail`, else polling every `--interval`
seconds), never past the next clock event or the next retry.

Rules of the clock: a reminder slot is sent only at its time (within REMINDER_GRACE); a slot that
passed while the service was down is not sent late. A digest missed while the service was down is
still sent if its deadline is less than DIGEST_CATCHUP old. The outbox's dedupe_key is the ledger:
nothing is sent twice across restarts.

SIGTERM/SIGINT finish the current step and stop cleanly.

Under systemd (Type=notify): READY=1 after the first step, WATCHDOG=1 after every step and
before every wait (a wait never outlasts half the watchdog timeout), STOPPING=1 at the end.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from datetime import date, datetime, timedelta
from types import FrameType
from typing import Any

from gateway.app import notify, snapshot
from gateway.app.clock import Clock, SpeedClock, StepClock, SystemClock
from gateway.app.health import sd_notify, watchdog_interval
from gateway.app.instance import Instance
from gateway.app.lists import list_mtimes, load_directory
from gateway.app.pipeline import run_batch
from gateway.app.service import rebuild_site, send_outbox
from gateway.app.site_process import SiteProcess
from gateway.domain.schedule import WARNING_TIME, events_between, next_event
from gateway.errors import UserError

log = logging.getLogger("gateway.run")

REMINDER_GRACE = timedelta(minutes=10)
DIGEST_CATCHUP = timedelta(hours=12)
STARTUP_GRACE = timedelta(seconds=60)


class _Interrupted(Exception):
    pass


class Runner:
    def __init__(self, inst: Instance, clock: Clock, *, interval: float = 60.0, build_site: bool = True,
                 stop: threading.Event | None = None, background_builds: bool = False,
                 site_process: bool = False) -> None:
        self.inst = inst
        # `baocao run`: the site is rebuilt in a thread of its own, so that a long rebuild never
        # delays the next batch's receipts; one build at a time, a request during it runs after it.
        # With `site_process` that thread only drives a builder process (gateway.app.site_process).
        self.background_builds = background_builds or site_process
        self.site_process = site_process
        self._process: SiteProcess | None = None
        self._builder: threading.Thread | None = None
        self._build_pending: datetime | None = None
        self._held = snapshot.Held()  # the builder's fold of the task updates, kept between builds
        self.clock = clock
        self.interval = interval
        self.build_site = build_site
        self.stop = stop or threading.Event()
        self.waiting = False
        self.source: Any = None
        self.last_tick: datetime | None = None
        self.warned_on: date | None = None
        self._lists_mtime = list_mtimes(self.inst.cfg)
        self.counts: dict[str, int] = {}
        self.watchdog = watchdog_interval()  # seconds between WATCHDOG=1, when systemd asks
        self.ready = False

    # -- helpers
    def _count(self, what: str, n: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + n

    def _reload_lists_if_changed(self) -> None:
        m = list_mtimes(self.inst.cfg)
        if m != self._lists_mtime:
            try:
                self.inst.__dict__["directory"] = load_directory(self.inst.cfg)
                log.info("units/tasks lists changed: reloaded (%d units, %d tasks)",
                         len(self.inst.directory.units), len(self.inst.directory.tasks))
            except UserError as exc:
                log.error("lists changed but cannot be loaded, keeping the previous ones: %s", exc)
            self._lists_mtime = m

    # -- one step
    def tick(self) -> None:
        now = self.clock.now()
        since = self.last_tick or (now - STARTUP_GRACE)
        self._reload_lists_if_changed()
        changed = self._poll(now)
        self._flush(now)  # receipts leave as soon as their records are committed
        self._clock_events(since, now)
        self._flush(now)
        if self.build_site and (changed or self._boundary_passed(now) or self._build_pending):
            self._rebuild(now)
        self.last_tick = now
        if not self.ready:
            self.ready = True
            sd_notify("READY=1")
        sd_notify("WATCHDOG=1")

    def _poll(self, now: datetime) -> bool:
        inst = self.inst
        try:
            if self.source is None:
                self.source = inst.source()
            batch = run_batch(inst, self.source, now)
        except UserError:
            raise
        except Exception:  # noqa: BLE001 - mailbox unreachable: log, reconnect next step
            log.exception("fetching mail failed; retrying at the next step")
            self._close_source()
            return False
        if batch.fetched:
            outcomes = ", ".join(f"{k} {v}" for k, v in sorted(batch.outcomes.items())) or "none new"
            log.info("mail: %d fetched (%s), %d replies queued", batch.fetched, outcomes, batch.enqueued)
            self._count("processed", batch.processed)
        return batch.changed

    def _clock_events(self, since: datetime, now: datetime) -> None:
        inst, cfg = self.inst, self.inst.cfg
        cal = inst.calendar
        times = cfg.deadlines.reminders
        for e in events_between(cal, times, since, now):
            if e.kind == "reminder":
                if e.at <= now - REMINDER_GRACE:
                    log.warning("reminder slot %s passed while the service was down: not sent late",
                                e.at.isoformat())
                    continue
                done = notify.send_reminders(inst, e.at.date(), e.at.time(), now)
                self._count("reminders", sum(1 for _, new in done if new))
        if cfg.digest.recipients:
            for e in events_between(cal, times, min(since, now - DIGEST_CATCHUP), now):
                if e.kind != "deadline":
                    continue
                if notify.digest_sent(inst, e.at):
                    continue
                done = notify.send_digest(inst, e.at, now)
                self._count("digests", sum(1 for _, new in done if new))
        today = now.date()
        if self.warned_on != today and cal.is_working_day(today) and now.time() >= WARNING_TIME:
            done = notify.send_warnings(inst, now)
            self._count("warnings", sum(1 for _, new in done if new))
            self.warned_on = today

    def _boundary_passed(self, now: datetime) -> bool:
        built = self.inst.store.get_meta("site_built_at")
        if not built:
            return True
        since = datetime.fromisoformat(built)
        return any(e.kind in ("deadline", "midnight")
                   for e in events_between(self.inst.calendar, [], since, now))

    def _rebuild(self, now: datetime) -> None:
        if not self.background_builds:
            self._build_with(self.inst, now)
            return
        if self._builder is not None and self._builder.is_alive():
            self._build_pending = now  # after the running build, with the data as it is then
            return
        self._build_pending = None
        self._builder = threading.Thread(target=self._build_in_thread, args=(now,), name="site-build", daemon=True)
        self._builder.start()

    def _build_in_thread(self, now: datetime) -> None:
        if self.site_process:
            self._builds(self._build_in_process, now)
            return
        # A connection of its own: SQLite connections are not shared between threads. The lists
        # are the service's (read only).
        inst = Instance(self.inst.cfg)
        inst.__dict__["directory"] = self.inst.directory
        try:
            self._builds(lambda at: self._build_with(inst, at), now)
        finally:
            inst.close()

    def _builds(self, build: Callable[[datetime], None], now: datetime) -> None:
        build(now)
        # A build asked for while this one ran starts now, not at the next tick (which may be a
        # whole interval away while IDLE waits for mail).
        while self._build_pending is not None and not self.stop.is_set():
            pending, self._build_pending = self._build_pending, None
            build(max(pending, self.clock.now()))

    def _build_in_process(self, now: datetime) -> None:
        try:
            if self._process is None:
                self._process = SiteProcess(self.inst.cfg)
            res = self._process.build(now)
        except Exception:  # noqa: BLE001 - a broken site must not stop mail handling
            log.exception("site rebuild failed")
            if self._process is not None and not self._process.alive:
                self._process = None  # started again for the next build
            return
        self._count("site_builds")
        log.info("site rebuilt (%s): %d files changed", "full" if res.full else "changed pages", res.written)

    def _build_with(self, inst: Instance, now: datetime) -> None:
        try:
            res = rebuild_site(inst, now, held=self._held)
        except Exception:  # noqa: BLE001 - a broken site must not stop mail handling
            log.exception("site rebuild failed")
            return
        self._count("site_builds")
        log.info("site rebuilt (%s): %d files changed", "full" if res.full else "changed pages", res.publish.written)

    def join_builds(self, timeout: float | None = None) -> None:
        """Wait for a background site build to finish (at the end of the service)."""
        if self._builder is not None:
            self._builder.join(timeout)
        if self._process is not None:
            self._process.close()
            self._process = None

    def _flush(self, now: datetime) -> None:
        if not self.inst.store.due_outbox(now, 1):
            return
        try:
            res = send_outbox(self.inst, now)
        except UserError:
            raise
        except Exception:  # noqa: BLE001 - keep the service alive; the outbox keeps the mail
            log.exception("sending the outbox failed")
            return
        if res.sent or res.retried or res.failed or res.deferred:
            log.info("outbox: sent %d, retry later %d, failed %d, held by the hourly cap %d",
                     res.sent, res.retried, res.failed, res.deferred)
        self._count("sent", res.sent)

    # -- waiting
    def next_wake(self, now: datetime) -> datetime:
        wake = min(next_event(self.inst.calendar, self.inst.cfg.deadlines.reminders, now).at,
                   now + timedelta(seconds=self.interval))
        retry = self.inst.store.next_retry_at(now)
        if retry is not None:
            wake = min(wake, retry)
        return wake

    def _wait(self) -> None:
        now = self.clock.now()
        seconds = max(0.0, (self.next_wake(now) - now).total_seconds())
        if self.watchdog is not None and self.clock.real:
            seconds = min(seconds, self.watchdog)
        self.waiting = True
        try:
            if self.stop.is_set():  # the signal came between the step and here
                return
            wait_for_mail = getattr(self.source, "wait_for_mail", None)
            if self.clock.real and isinstance(self.clock, SystemClock) and wait_for_mail is not None:
                try:
                    wait_for_mail(seconds)
                except _Interrupted:
                    raise
                except Exception:  # noqa: BLE001 - IDLE broke: reconnect at the next step
                    log.warning("waiting for mail failed; reconnecting", exc_info=True)
                    self._close_source()
                    self.clock.sleep(min(seconds, 5.0), self.stop)
            else:
                self.clock.sleep(seconds, self.stop)
        finally:
            self.waiting = False

    def _close_source(self) -> None:
        if self.source is not None:
            try:
                self.source.close()
            except Exception:  # noqa: BLE001
                pass
            self.source = None

    def run(self, until: datetime | None = None) -> None:
        cfg = self.inst.cfg
        log.info("baocao run: %s, mail from %s, sending via %s, clock starts %s", cfg.organisation.name,
                 cfg.mail.source, cfg.mail.sink, self.clock.now().isoformat())
        try:
            while not self.stop.is_set():
                self.tick()
                if until is not None and self.clock.now() >= until:
                    break
                if self.stop.is_set():  # a signal that arrived during the step: do not start waiting
                    break
                try:
                    self._wait()
                except _Interrupted:
                    break
        finally:
            sd_notify("STOPPING=1")
            self.join_builds(timeout=600)
            self._close_source()
            log.info("baocao run stopped at %s (%s)", self.clock.now().isoformat(),
                     ", ".join(f"{k} {v}" for k, v in sorted(self.counts.items())) or "nothing done")

    def interrupt(self, signum: int, frame: FrameType | None) -> None:
        log.info("signal %s: stopping after the current step", signal.Signals(signum).name)
        self.stop.set()
        if self.waiting:
            raise _Interrupted()


def make_clock(inst: Instance, now: datetime | None, speed: float | None, step: bool) -> Clock:
    if step:
        if now is None:
            raise UserError("--step needs --now (the simulated start)")
        return StepClock(now)
    if now is not None or speed:
        return SpeedClock(now or inst.now(), speed or 1.0)
    return SystemClock(inst.cfg.tz)
