"""The digest to the working group after each deadline, and early warnings on task deadlines:
what they say and to whom (pure: records in, decisions out; gateway.app.notify renders and queues).

Digest (SPEC §7): for every period whose deadline is the given instant — who reported on time,
late, who is missing; the difficulties newly raised since the previous deadline; overdue tasks
and tasks due within 7 days; a link to the site. Ledger key: `digest:DEADLINE_ISO:ADDRESS`.

Early warnings: the lead unit's focal point of each unfinished task is told when its deadline is
7, 3 and 1 day(s) away and when it is overdue, each once (ledger key
`warning:TASK:DEADLINE:LEVEL:ADDRESS`). When several thresholds were crossed at once (the gateway
was down, or the task was added late), only the nearest one is sent.

Overdue escalation (SPEC §7, `Ladder`): an overdue task, neither completed nor paused, goes to
its lead unit's focal point on the first overdue day (the `overdue` warning), to the unit's head
(`head_email`) after N days and to the working group (the digest's recipients) after M days, each
step repeated weekly while the task stays overdue (ledger keys
`escalation:TASK:DEADLINE:head|group:wROUND:ADDRESS`, and `…:overdue:wROUND:…` for the focal
point's repeats). A moved deadline starts a new ladder (the deadline is in the key).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from gateway.domain.calendar import WorkCalendar
from gateway.domain.compliance import Compliance
from gateway.domain.tasks import current_by_task
from parsers.models import Directory, TaskInfo, TaskUpdate, UnitInfo
from parsers.values import is_nil

WARNING_DAYS = (7, 3, 1)
SOON_DAYS = 7


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


def task_states(updates: Iterable[TaskUpdate], directory: Directory, today: date) -> list[TaskState]:
    """Each task's current status (gateway.domain.tasks) and the days left to its deadline."""
    current = current_by_task(updates, directory)
    out = []
    for t in directory.tasks:
        last = current.get(t.code)
        d = date.fromisoformat(t.deadline) if t.deadline else None
        out.append(TaskState(t, d, last.status if last else None, last.progress if last else None,
                             (d - today).days if d else None))
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


def periods_at(cal: WorkCalendar, deadline_at: datetime) -> list[tuple[str, str]]:
    """(kind, period) whose deadline is exactly this instant."""
    return [(k, p) for k, p in cal.due_periods(deadline_at.date()) if cal.deadline(k, p) == deadline_at]


def digest_key(deadline_at: datetime, address: str) -> str:
    return f"digest:{deadline_at.isoformat()}:{address.lower()}"


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


def period_summaries(comp: Compliance, units: dict[str, UnitInfo], periods: list[tuple[str, str]]) -> list[PeriodSummary]:
    summaries = []
    for kind, period in periods:
        s = PeriodSummary(kind, period)
        for cell in sorted(comp.period_cells(kind, period), key=lambda c: c.unit):
            if cell.status == "exempt":  # excused by the operator: neither missing nor late
                continue
            entry = {"unit": units[cell.unit], "received_at": cell.received_at}
            {"on_time": s.on_time, "late": s.late}.get(cell.status, s.missing).append(entry)
        summaries.append(s)
    return summaries


def new_difficulties(updates: Iterable[TaskUpdate], since: datetime, until: datetime) -> list[dict[str, Any]]:
    """Updates received in (since, until] naming a difficulty that unit had not raised for that task
    in its previous update ("nothing to report" words are the parser's, parsers.values.is_nil)."""
    prev: dict[tuple[str, str], str | None] = {}
    out: list[dict[str, Any]] = []
    for u in updates:
        key = (u.unit, u.task)
        text = None if is_nil(u.difficulties) or u.difficulties is None else u.difficulties.strip()
        if since < u.received_at <= until and text and (prev.get(key) or "") != text:
            out = [d for d in out if (d["unit"], d["task"]) != key]  # the latest wording only
            out.append({"unit": u.unit, "task": u.task, "text": text,
                        "proposals": None if is_nil(u.proposals) or u.proposals is None else u.proposals.strip()})
        prev[key] = text
    return out


def overdue_and_soon(states: list[TaskState]) -> tuple[list[TaskState], list[TaskState]]:
    overdue = sorted((s for s in states if s.open and s.days_left is not None and s.days_left < 0),
                     key=lambda s: (s.days_left or 0, s.info.code))
    soon = sorted((s for s in states if s.open and s.days_left is not None and 0 <= s.days_left <= SOON_DAYS),
                  key=lambda s: (s.days_left or 0, s.info.code))
    return overdue, soon


def warning_level(days_left: int) -> str | None:
    if days_left < 0:
        return "overdue"
    hits = [d for d in WARNING_DAYS if days_left <= d]
    return str(min(hits)) if hits else None


@dataclass
class WarningDue:
    """One early warning or step of the overdue ladder: a task, its level, its lead unit, whom it
    goes to (`audience`: focal | head | group), which weekly round, and the addresses to tell."""

    state: TaskState
    level: str
    unit: UnitInfo
    keys: dict[str, str]  # address -> ledger key
    audience: str = "focal"
    round: int = 0  # 0 = the step itself, 1, 2, … = its weekly repeats
    threads: dict[str, str] = field(default_factory=dict)  # address -> ledger key of the step's first mail


@dataclass(frozen=True)
class Ladder:
    """The overdue escalation ladder (SPEC §7, [escalation] in baocao.toml): the lead unit's focal
    point on the first overdue day, its head after `head_after` days, the working group after
    `group_after` days; each step repeated every `repeat` days while the task stays overdue."""

    head_after: int = 5
    group_after: int = 10
    repeat: int = 7


def _step_key(s: TaskState, audience: str, rnd: int, addr: str) -> str:
    assert s.deadline is not None
    if audience == "focal":  # round 0 keeps the early warnings' key: a ledger from before still holds
        tail = "overdue" if rnd == 0 else f"overdue:w{rnd}"
        return f"warning:{s.info.code}:{s.deadline.isoformat()}:{tail}:{addr}"
    return f"escalation:{s.info.code}:{s.deadline.isoformat()}:{audience}:w{rnd}:{addr}"


def warnings_due(states: Iterable[TaskState], directory: Directory, suppressed: Callable[[str], bool],
                 ladder: Ladder | None = None, group: Iterable[str] = ()) -> list[WarningDue]:
    """The early warnings (7, 3, 1 day(s) before) and, for an overdue task that is neither completed
    nor paused, the ladder's steps due today: one ledger key per step, round and address (a round
    missed while the gateway was down is not sent late: only the current one is due)."""
    ladder = ladder or Ladder()
    units = {u.code: u for u in directory.units}
    group = [a for a in group if a]
    out = []
    for s in states:
        if not s.open or s.days_left is None or s.deadline is None:
            continue
        level = warning_level(s.days_left)
        lead = units.get(s.info.lead_unit)
        if level is None or lead is None:
            continue
        if level != "overdue":
            keys = {addr: f"warning:{s.info.code}:{s.deadline.isoformat()}:{level}:{addr}"
                    for addr in lead.emails if not suppressed(addr)}
            out.append(WarningDue(s, level, lead, keys))
            continue
        if s.status == "paused":  # stopped on purpose: nobody is chased
            continue
        days = -s.days_left
        for audience, start, addresses in (("focal", 1, lead.emails), ("head", ladder.head_after, lead.head_email),
                                           ("group", ladder.group_after, group)):
            if days < start or not addresses:
                continue
            rnd = (days - start) // ladder.repeat
            live = [a for a in addresses if not suppressed(a)]
            out.append(WarningDue(s, level, lead, {a: _step_key(s, audience, rnd, a) for a in live}, audience, rnd,
                                  {a: _step_key(s, audience, 0, a) for a in live} if rnd else {}))
    return out
