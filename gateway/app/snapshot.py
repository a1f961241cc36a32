"""A read-only snapshot of the records for the site builder: everything computed, nothing to query.

`take()` reads the store once, computes compliance for every unit and period in the window (the
channel's first report up to today), and groups the task updates every way the pages need them.
Nothing here renders; the site builder only formats.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from gateway.config import Config
from gateway.domain.calendar import WorkCalendar
from gateway.domain.compliance import KINDS, Cell, Compliance, Rates, current_periods
from gateway.domain.compliance import build as build_compliance
from gateway.store import Store
from parsers import Directory
from parsers.models import TaskInfo, UnitInfo

TEXT_FIELDS = ("result", "difficulties", "proposals", "notes")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
EMAIL_REDACTED = "[địa chỉ thư]"


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while building hundreds of thousands of short-lived objects
    that form no cycles worth collecting (it would run hundreds of times for nothing)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def redact(text: str | None) -> str | None:
    """Hide e-mail addresses in free text (signatures pasted into a field) unless the site shows them."""
    if not text or "@" not in text:
        return text
    return _EMAIL.sub(EMAIL_REDACTED, text)


@dataclass(slots=True)
class Update:
    report_id: int
    unit: str
    task: str
    kind: str
    period: str
    received_at: datetime
    status: str | None
    progress: int | None
    result: str | None
    difficulties: str | None
    proposals: str | None
    notes: str | None
    id: int = 0
    # Text fields equal to the same unit's previous update of this task (the timeline folds them).
    unchanged: frozenset[str] = frozenset()
    # When this unit first raised the difficulty it still names (consecutive identical updates).
    difficulty_since: datetime | None = None
    # The timeline shows an update once and counts the same unit's identical updates after it.
    folded: bool = False
    repeats: int = 0
    repeats_until: datetime | None = None

    def same_as(self, other: Update) -> bool:
        return (self.status, self.progress, self.result, self.difficulties, self.proposals, self.notes) == (
            other.status, other.progress, other.result, other.difficulties, other.proposals, other.notes)


@dataclass
class TaskView:
    info: TaskInfo
    status: str | None = None
    progress: int | None = None
    last_update: Update | None = None
    updates: list[Update] = field(default_factory=list)
    overdue: bool = False
    days_left: int | None = None
    deadline: date | None = None
    open_difficulties: list[Update] = field(default_factory=list)

    @property
    def timeline(self) -> list[Update]:
        """Every update that changed something, newest first (identical repeats are counted on it)."""
        return [u for u in reversed(self.updates) if not u.folded]

    @property
    def state(self) -> str:
        """One filter key: overdue, or the status, or 'none' when nobody reported on it yet."""
        return "overdue" if self.overdue else (self.status or "none")


@dataclass
class UnitView:
    info: UnitInfo
    led: list[str] = field(default_factory=list)
    supported: list[str] = field(default_factory=list)
    current: dict[str, Cell] = field(default_factory=dict)
    rates: Rates = field(default_factory=Rates)
    rates_by_kind: dict[str, Rates] = field(default_factory=dict)
    calendar: list[Cell] = field(default_factory=list)  # every working day of the window
    cells: dict[str, list[Cell]] = field(default_factory=dict)  # kind -> every period of the window
    latest: list[Update] = field(default_factory=list)
    completed: int = 0
    overdue: int = 0
    # The unit's own latest word on each of its tasks (pre-fills its report form).
    own_last: dict[str, Update] = field(default_factory=dict)

    @property
    def tasks(self) -> list[str]:
        return self.led + [c for c in self.supported if c not in self.led]


@dataclass
class ReportView:
    id: int
    unit: str
    kind: str
    period: str
    received_at: datetime
    timeliness: str | None
    summary: str | None
    updates: list[Update] = field(default_factory=list)
    count: int = 1  # reports received for this unit and period (the latest supersedes)


@dataclass
class PeriodView:
    kind: str
    period: str
    deadline: datetime
    cells: list[Cell]
    reports: dict[str, ReportView]  # unit -> the latest report for the period
    counts: dict[str, int]  # on_time / late / missing / pending
    _by_unit: dict[str, Cell] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_unit = {c.unit: c for c in self.cells}

    @property
    def key(self) -> str:
        return f"{self.kind}-{self.period}"

    def cell(self, unit: str) -> Cell | None:
        return self._by_unit.get(unit)


@dataclass
class Snapshot:
    org_name: str
    title: str
    now: datetime
    data_as_of: datetime
    today: date
    show_emails: bool
    units: list[UnitView]
    tasks: list[TaskView]
    current: dict[str, str]  # kind -> period of today
    current_cells: dict[str, list[Cell]]
    trend: list[tuple[date, Rates]]
    difficulties: list[Update]
    reports: list[dict[str, Any]]
    window_start: date
    groups: list[str]
    updates: list[Update] = field(default_factory=list)
    periods: list[PeriodView] = field(default_factory=list)  # newest first
    new_difficulties: list[Update] = field(default_factory=list)  # newest first (the Atom feed)
    base_url: str = ""

    def unit(self, code: str) -> UnitView | None:
        return next((u for u in self.units if u.info.code == code), None)


def _updates(store: Store, show_emails: bool) -> list[Update]:
    rows = store.db.execute(
        "SELECT report_id, unit, task, kind, period, received_at, status, progress, result, difficulties, "
        "proposals, notes, id FROM task_updates ORDER BY received_at, id").fetchall()
    clean = (lambda v: v) if show_emails else redact
    parse = datetime.fromisoformat
    return [Update(r[0], r[1], r[2], r[3], r[4], parse(r[5]), r[6], r[7], clean(r[8]), clean(r[9]), clean(r[10]),
                   clean(r[11]), r[12]) for r in rows]


def _data_as_of(cfg: Config, store: Store) -> datetime:
    """When the data last changed: the store's mark, else the lists' modification time (never the
    clock, so a rebuild with no new data changes no file)."""
    changed = store.get_meta("data_changed_at")
    if changed:
        return datetime.fromisoformat(changed).astimezone(cfg.tz)
    stamps = [p.stat().st_mtime for p in (cfg.resolve(cfg.lists.units), cfg.resolve(cfg.lists.tasks)) if p.exists()]
    return datetime.fromtimestamp(max(stamps, default=0), cfg.tz).replace(microsecond=0)


def take(cfg: Config, store: Store, directory: Directory, now: datetime, trend_days: int = 30) -> Snapshot:
    with paused_gc():
        return _take(cfg, store, directory, now, trend_days)


def _take(cfg: Config, store: Store, directory: Directory, now: datetime, trend_days: int) -> Snapshot:
    cal = WorkCalendar(cfg.deadlines, cfg.tz)
    comp: Compliance = build_compliance(store, directory, cal, now)
    today = now.date()
    updates = _updates(store, cfg.site.show_emails)
    report_rows = store.db.execute(
        "SELECT id, unit, kind, period, received_at, timeliness, summary FROM reports ORDER BY received_at, id").fetchall()

    # -- the window: from the channel's first report to today
    first_seen = datetime.fromisoformat(report_rows[0][4]).astimezone(cfg.tz).date() if report_rows else today
    window_start = min(first_seen, today)
    working = cal.working_days(window_start - timedelta(days=90), today)
    trend_dates = [d for d in working if d >= window_start and comp.deadline("daily", d.isoformat()) <= now][-trend_days:]
    window_days = [d for d in working if d >= window_start]

    # -- fold the timeline: per (unit, task), which fields repeat the previous update
    by_task: dict[str, list[Update]] = {}
    prev_pair: dict[tuple[str, str], Update] = {}
    shown_pair: dict[tuple[str, str], Update] = {}
    new_difficulties: list[Update] = []
    for u in updates:
        by_task.setdefault(u.task, []).append(u)
        key = (u.unit, u.task)
        prev = prev_pair.get(key)
        if prev is not None and u.same_as(prev):
            u.folded = True
            shown = shown_pair[key]
            shown.repeats += 1
            shown.repeats_until = u.received_at
        else:
            shown_pair[key] = u
        if prev is not None:
            u.unchanged = frozenset(f for f in TEXT_FIELDS if getattr(u, f) and getattr(u, f) == getattr(prev, f))
        if u.difficulties:
            if prev is not None and prev.difficulties == u.difficulties and prev.difficulty_since:
                u.difficulty_since = prev.difficulty_since
            else:
                u.difficulty_since = u.received_at
                new_difficulties.append(u)
        prev_pair[key] = u

    # -- tasks: current state from the lead unit's newest update, else anyone's
    tasks: list[TaskView] = []
    task_codes = {t.code for t in directory.tasks}
    for t in directory.tasks:
        tv = TaskView(info=t, updates=by_task.get(t.code, []))
        if tv.updates:
            lead = [u for u in tv.updates if u.unit == t.lead_unit]
            tv.last_update = (lead or tv.updates)[-1]
            tv.status, tv.progress = tv.last_update.status, tv.last_update.progress
        if t.deadline:
            tv.deadline = date.fromisoformat(t.deadline)
            tv.days_left = (tv.deadline - today).days
            tv.overdue = tv.days_left < 0 and tv.status != "completed"
        tasks.append(tv)
    tasks.sort(key=lambda tv: (not tv.overdue, tv.days_left if tv.days_left is not None else 10**6, tv.info.code))
    tasks_by_code = {tv.info.code: tv for tv in tasks}

    # -- open difficulties: the latest update of each (unit, task) that still names one
    difficulties = sorted((u for u in prev_pair.values() if u.difficulties), key=lambda u: u.received_at, reverse=True)
    for d in difficulties:
        if d.task in tasks_by_code:
            tasks_by_code[d.task].open_difficulties.append(d)

    # -- compliance: one cell per unit and period of the window
    period_lists = {
        "daily": [d.isoformat() for d in window_days],
        "weekly": comp.periods("weekly", window_start, today),
        "monthly": comp.periods("monthly", window_start, today),
    }
    cur = current_periods(cal, today)
    for k in KINDS:
        if cur[k] not in period_lists[k]:
            period_lists[k].append(cur[k])
    cells_by_period: dict[tuple[str, str], list[Cell]] = {}
    for kind in KINDS:
        for p in period_lists[kind]:
            cells_by_period[(kind, p)] = comp.period_cells(kind, p)

    # -- reports grouped by unit and period (the latest supersedes the content)
    updates_by_report: dict[int, list[Update]] = {}
    for u in updates:
        updates_by_report.setdefault(u.report_id, []).append(u)
    clean = (lambda v: v) if cfg.site.show_emails else redact
    latest_report: dict[tuple[str, str, str], ReportView] = {}
    for rid, unit, kind, period, received_at, timeliness, summary in report_rows:
        key3 = (kind, period, unit)
        prev_r = latest_report.get(key3)
        latest_report[key3] = ReportView(rid, unit, kind, period, datetime.fromisoformat(received_at), timeliness,
                                         clean(summary), updates_by_report.get(rid, []),
                                         prev_r.count + 1 if prev_r else 1)
    reports_by_period: dict[tuple[str, str], dict[str, ReportView]] = {}
    for (kind, period, unit), rv in latest_report.items():
        reports_by_period.setdefault((kind, period), {})[unit] = rv

    periods: list[PeriodView] = []
    for key2 in set(cells_by_period) | set(reports_by_period):
        kind, period = key2
        cells = cells_by_period.get(key2) or comp.period_cells(kind, period)
        counts = {"on_time": 0, "late": 0, "missing": 0, "pending": 0}
        for c in cells:
            counts[c.status] += 1
        periods.append(PeriodView(kind, period, comp.deadline(kind, period), cells,
                                  reports_by_period.get(key2, {}), counts))
    periods.sort(key=lambda pv: (pv.deadline, pv.kind), reverse=True)

    # -- units
    cells_by_unit: dict[str, dict[str, list[Cell]]] = {}
    for (kind, _p), cells in sorted(cells_by_period.items(), key=lambda kv: comp.deadline(*kv[0])):
        for c in cells:
            cells_by_unit.setdefault(c.unit, {}).setdefault(kind, []).append(c)
    latest_by_unit: dict[str, list[Update]] = {}
    own_last: dict[str, dict[str, Update]] = {}
    for u in updates:
        own_last.setdefault(u.unit, {})[u.task] = u
    for u in reversed(updates):
        lst = latest_by_unit.setdefault(u.unit, [])
        if len(lst) < 10:
            lst.append(u)
    led: dict[str, list[str]] = {}
    supported: dict[str, list[str]] = {}
    for t in directory.tasks:
        led.setdefault(t.lead_unit, []).append(t.code)
        for c in t.coordinating_units:
            supported.setdefault(c, []).append(t.code)
    units: list[UnitView] = []
    for u in directory.units:
        uv = UnitView(info=u, led=led.get(u.code, []), supported=supported.get(u.code, []))
        mine = cells_by_unit.get(u.code, {})
        uv.cells = {k: mine.get(k, []) for k in KINDS if k in u.reports}
        uv.current = {k: comp.cell(u.code, k, cur[k]) for k in KINDS if k in u.reports}
        for k, cells in uv.cells.items():
            r = Rates()
            for c in cells:
                r.add(c)
                uv.rates.add(c)
            uv.rates_by_kind[k] = r
        uv.calendar = [c for c in uv.cells.get("daily", []) if date.fromisoformat(c.period) >= window_start]
        uv.latest = latest_by_unit.get(u.code, [])
        uv.own_last = {code: upd for code, upd in own_last.get(u.code, {}).items() if code in task_codes}
        uv.completed = sum(1 for c in uv.led if tasks_by_code[c].status == "completed")
        uv.overdue = sum(1 for c in uv.led if tasks_by_code[c].overdue)
        units.append(uv)

    trend: list[tuple[date, Rates]] = []
    for d in trend_dates:
        r = Rates()
        for c in comp.period_cells("daily", d.isoformat()):
            r.add(c)
        trend.append((d, r))

    reports = [{"id": r[0], "unit": r[1], "kind": r[2], "period": r[3], "received_at": r[4], "timeliness": r[5],
                "summary": clean(r[6])} for r in reversed(report_rows)]
    return Snapshot(
        org_name=cfg.organisation.name,
        title=cfg.site.title,
        now=now,
        data_as_of=_data_as_of(cfg, store),
        today=today,
        show_emails=cfg.site.show_emails,
        units=units,
        tasks=tasks,
        current=cur,
        current_cells={k: comp.period_cells(k, cur[k]) for k in KINDS},
        trend=trend,
        difficulties=difficulties,
        reports=reports,
        window_start=window_start,
        groups=sorted({t.group for t in directory.tasks if t.group}),
        updates=updates,
        periods=periods,
        new_difficulties=list(reversed(new_difficulties)),
        base_url=cfg.site.base_url,
    )
