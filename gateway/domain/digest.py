"""The digest to the working group after each deadline, and early warnings on task deadlines.

Digest (SPEC §7): for every period whose deadline is the given instant — who reported on time,
late, who is missing; the difficulties newly raised since the previous deadline; overdue tasks
and tasks due within 7 days; a link to the site. Ledger key: `digest:DEADLINE_ISO:ADDRESS`.

Early warnings: the lead unit's focal point of each unfinished task is told when its deadline is
7, 3 and 1 day(s) away and when it is overdue, each once (ledger key
`warning:TASK:DEADLINE:LEVEL:ADDRESS`). When several thresholds were crossed at once (the gateway
was down, or the task was added late), only the nearest one is sent.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from gateway.app.replies import site_link
from gateway.config import Config
from gateway.domain.calendar import WorkCalendar
from gateway.domain.compliance import build as build_compliance
from gateway.domain.reminders import Planned, in_ledger
from gateway.mail import compose
from gateway.store import Store
from parsers import Directory
from parsers.models import TaskInfo
from parsers.text import fold
from site_builder.build import task_path

log = logging.getLogger(__name__)

WARNING_DAYS = (7, 3, 1)
SOON_DAYS = 7
_NIL = {"", "khong", "khong co", "chua", "chua co", "none", "no", "-", "--", "khong co kho khan", "n/a", "0"}


def is_nil(text: str | None) -> bool:
    return text is None or fold(text).strip(" .;:") in _NIL


@dataclass
class TaskState:
    info: TaskInfo
    deadline: date | None
    status: str | None = None
    progress: int | None = None
    days_left: int | None = None

    @property
    def open(self) -> bool:
        return self.status != "completed"


def task_states(store: Store, directory: Directory, today: date) -> list[TaskState]:
    """Each task's current status: the newest update from its lead unit, else from anyone."""
    lead_last: dict[str, dict[str, Any]] = {}
    any_last: dict[str, dict[str, Any]] = {}
    leads = {t.code: t.lead_unit for t in directory.tasks}
    for row in store.db.query("SELECT unit, task, status, progress FROM task_updates ORDER BY received_at, id"):
        any_last[row["task"]] = row
        if leads.get(row["task"]) == row["unit"]:
            lead_last[row["task"]] = row
    out = []
    for t in directory.tasks:
        last = lead_last.get(t.code) or any_last.get(t.code) or {}
        d = date.fromisoformat(t.deadline) if t.deadline else None
        out.append(TaskState(t, d, last.get("status"), last.get("progress"), (d - today).days if d else None))
    return out


def deadline_instants(cal: WorkCalendar, day: date) -> list[datetime]:
    return sorted({cal.deadline(k, p) for k, p in cal.due_periods(day)})


def previous_instant(cal: WorkCalendar, before: datetime) -> datetime:
    """The deadline instant before this one (looking back up to 40 days)."""
    day = before.date()
    for _ in range(41):
        earlier = [t for t in deadline_instants(cal, day) if t < before]
        if earlier:
            return earlier[-1]
        day -= timedelta(days=1)
    return before - timedelta(days=1)


def latest_instant(cal: WorkCalendar, now: datetime) -> datetime | None:
    """The most recent deadline instant at or before now."""
    day = now.date()
    for _ in range(41):
        passed = [t for t in deadline_instants(cal, day) if t <= now]
        if passed:
            return passed[-1]
        day -= timedelta(days=1)
    return None


@dataclass
class PeriodSummary:
    kind: str
    period: str
    on_time: list[dict[str, Any]] = field(default_factory=list)
    late: list[dict[str, Any]] = field(default_factory=list)
    missing: list[dict[str, Any]] = field(default_factory=list)

    @property
    def expected(self) -> int:
        return len(self.on_time) + len(self.late) + len(self.missing)


def _new_difficulties(store: Store, since: datetime, until: datetime) -> list[dict[str, Any]]:
    """Updates received in (since, until] naming a difficulty that unit had not raised for that task
    in its previous update."""
    prev: dict[tuple[str, str], str | None] = {}
    out: list[dict[str, Any]] = []
    for row in store.db.query("SELECT unit, task, received_at, difficulties, proposals FROM task_updates "
                              "ORDER BY received_at, id"):
        key = (row["unit"], row["task"])
        at = datetime.fromisoformat(row["received_at"])
        text = None if is_nil(row["difficulties"]) else row["difficulties"].strip()
        if since < at <= until and text and (prev.get(key) or "") != text:
            out = [d for d in out if (d["unit"], d["task"]) != key]  # the latest wording only
            out.append({"unit": row["unit"], "task": row["task"], "text": text,
                        "proposals": None if is_nil(row["proposals"]) else row["proposals"].strip()})
        prev[key] = text
    return out


def plan_digest(cfg: Config, store: Store, directory: Directory, cal: WorkCalendar, deadline_at: datetime,
                now: datetime) -> list[Planned]:
    recipients = [a for a in cfg.digest.recipients if a]
    periods = [(k, p) for k, p in cal.due_periods(deadline_at.date()) if cal.deadline(k, p) == deadline_at]
    if not recipients or not periods:
        return []
    comp = build_compliance(store, directory, cal, max(now, deadline_at))
    units = {u.code: u for u in directory.units}
    summaries = []
    for kind, period in periods:
        s = PeriodSummary(kind, period)
        for cell in sorted(comp.period_cells(kind, period), key=lambda c: c.unit):
            entry = {"unit": units[cell.unit], "received_at": cell.received_at}
            {"on_time": s.on_time, "late": s.late}.get(cell.status, s.missing).append(entry)
        summaries.append(s)
    today = deadline_at.date()
    states = task_states(store, directory, today)
    overdue = sorted((s for s in states if s.open and s.days_left is not None and s.days_left < 0),
                     key=lambda s: (s.days_left, s.info.code))
    soon = sorted((s for s in states if s.open and s.days_left is not None and 0 <= s.days_left <= SOON_DAYS),
                  key=lambda s: (s.days_left, s.info.code))
    difficulties = _new_difficulties(store, previous_instant(cal, deadline_at), deadline_at)
    titles = {t.code: t.title for t in directory.tasks}
    subject, body = compose.render(cfg, "digest.txt.j2", {
        "org_name": cfg.organisation.name, "deadline_at": deadline_at, "summaries": summaries,
        "overdue": overdue, "soon": soon, "difficulties": difficulties, "units": units, "titles": titles,
        "site_url": site_link(cfg, "index.html"), "soon_days": SOON_DAYS,
    })
    out = []
    for addr in recipients:
        key = f"digest:{deadline_at.isoformat()}:{addr.lower()}"
        out.append(Planned(purpose="digest", recipient=addr, subject=subject, body=body,
                           message_id=compose.stable_message_id(cfg, key), dedupe_key=key))
    return out


def _level(days_left: int) -> str | None:
    if days_left < 0:
        return "overdue"
    hits = [d for d in WARNING_DAYS if days_left <= d]
    return str(min(hits)) if hits else None


def plan_warnings(cfg: Config, store: Store, directory: Directory, now: datetime) -> list[Planned]:
    units = {u.code: u for u in directory.units}
    out = []
    for s in task_states(store, directory, now.date()):
        if not s.open or s.days_left is None or s.deadline is None:
            continue
        level = _level(s.days_left)
        lead = units.get(s.info.lead_unit)
        if level is None or lead is None:
            continue
        subject, body = compose.render(cfg, "early_warning.txt.j2", {
            "org_name": cfg.organisation.name, "task": s.info, "state": s, "unit": lead, "level": level,
            "now": now, "site_url": site_link(cfg, task_path(s.info.code)),
        })
        for addr in lead.emails:
            if store.is_suppressed(addr):
                continue
            key = f"warning:{s.info.code}:{s.deadline.isoformat()}:{level}:{addr}"
            out.append(Planned(purpose="warning", recipient=addr, subject=subject, body=body,
                               message_id=compose.stable_message_id(cfg, key), dedupe_key=key,
                               unit=lead.code))
    return out


def _send(cfg: Config, store: Store, planned: list[Planned], now: datetime,
          dry_run: bool) -> list[tuple[Planned, bool]]:
    if dry_run:
        return [(p, not in_ledger(store, p.dedupe_key)) for p in planned]
    with store.transaction():
        return [(p, p.enqueue(cfg, store, now)) for p in planned]


def send_digest(cfg: Config, store: Store, directory: Directory, cal: WorkCalendar, deadline_at: datetime,
                now: datetime, dry_run: bool = False) -> list[tuple[Planned, bool]]:
    done = _send(cfg, store, plan_digest(cfg, store, directory, cal, deadline_at, now), now, dry_run)
    if any(new for _, new in done) and not dry_run:
        log.info("digest for the %s deadline queued for %d recipient(s)", deadline_at.isoformat(),
                 sum(1 for _, new in done if new))
    return done


def send_warnings(cfg: Config, store: Store, directory: Directory, now: datetime,
                  dry_run: bool = False) -> list[tuple[Planned, bool]]:
    planned = [p for p in plan_warnings(cfg, store, directory, now)
               if dry_run or not in_ledger(store, p.dedupe_key)]
    done = _send(cfg, store, planned, now, dry_run)
    for p, new in done:
        if new and not dry_run:
            log.info("early warning queued: %s", p.dedupe_key)
    return done
