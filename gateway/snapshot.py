"""A read-only snapshot of the records for the site builder: everything computed, nothing to query."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from gateway.calendar import WorkCalendar
from gateway.compliance import KINDS, Cell, Compliance, Rates, current_periods
from gateway.compliance import build as build_compliance
from gateway.config import Config
from gateway.store import Store
from parsers import Directory
from parsers.models import TaskInfo, UnitInfo


@dataclass
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


@dataclass
class UnitView:
    info: UnitInfo
    led: list[str] = field(default_factory=list)
    supported: list[str] = field(default_factory=list)
    current: dict[str, Cell] = field(default_factory=dict)
    rates: Rates = field(default_factory=Rates)
    calendar: list[Cell] = field(default_factory=list)
    latest: list[Update] = field(default_factory=list)
    completed: int = 0
    overdue: int = 0


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

    def unit(self, code: str) -> UnitView | None:
        return next((u for u in self.units if u.info.code == code), None)


def _updates(store: Store) -> list[Update]:
    rows = store.db.execute(
        "SELECT report_id, unit, task, kind, period, received_at, status, progress, result, difficulties, "
        "proposals, notes FROM task_updates ORDER BY received_at, id").fetchall()
    return [Update(r[0], r[1], r[2], r[3], r[4], datetime.fromisoformat(r[5]), *r[6:]) for r in rows]


def take(cfg: Config, store: Store, directory: Directory, now: datetime, trend_days: int = 30) -> Snapshot:
    cal = WorkCalendar(cfg.deadlines, cfg.tz)
    comp: Compliance = build_compliance(store, directory, cal, now)
    today = now.date()
    updates = _updates(store)
    by_task: dict[str, list[Update]] = {}
    for u in updates:
        by_task.setdefault(u.task, []).append(u)

    tasks: list[TaskView] = []
    for t in directory.tasks:
        tv = TaskView(info=t, updates=by_task.get(t.code, []))
        if tv.updates:
            # Current state: the newest update from the lead unit, else the newest from anyone.
            lead = [u for u in tv.updates if u.unit == t.lead_unit]
            tv.last_update = (lead or tv.updates)[-1]
            tv.status, tv.progress = tv.last_update.status, tv.last_update.progress
        if t.deadline:
            tv.deadline = date.fromisoformat(t.deadline)
            tv.days_left = (tv.deadline - today).days
            tv.overdue = tv.days_left < 0 and tv.status != "completed"
        tasks.append(tv)
    tasks.sort(key=lambda tv: (not tv.overdue, tv.days_left if tv.days_left is not None else 10**6, tv.info.code))

    working = cal.working_days(today - timedelta(days=60), today)
    trend_dates = [d for d in working if cal.deadline("daily", d.isoformat()) <= now][-trend_days:]
    first_seen = min((u.received_at.date() for u in updates), default=today)
    window_start = min(first_seen, trend_dates[0] if trend_dates else today)
    window_start = max(window_start, first_seen)

    units: list[UnitView] = []
    latest_by_unit: dict[str, list[Update]] = {}
    for u in reversed(updates):
        lst = latest_by_unit.setdefault(u.unit, [])
        if len(lst) < 10:
            lst.append(u)
    cur = current_periods(cal, today)
    for u in directory.units:
        uv = UnitView(info=u)
        uv.led = [t.code for t in directory.tasks if t.lead_unit == u.code]
        uv.supported = [t.code for t in directory.tasks if u.code in t.coordinating_units]
        uv.current = {k: comp.cell(u.code, k, cur[k]) for k in KINDS if k in u.reports}
        uv.rates = comp.rates(u.code, window_start, today)
        uv.calendar = [comp.cell(u.code, "daily", d.isoformat()) for d in working[-trend_days:]] if "daily" in u.reports else []
        uv.latest = latest_by_unit.get(u.code, [])
        uv.completed = sum(1 for tv in tasks if tv.info.lead_unit == u.code and tv.status == "completed")
        uv.overdue = sum(1 for tv in tasks if tv.info.lead_unit == u.code and tv.overdue)
        units.append(uv)

    trend: list[tuple[date, Rates]] = []
    for d in trend_dates:
        r = Rates()
        for c in comp.period_cells("daily", d.isoformat()):
            r.add(c)
        trend.append((d, r))

    # Open difficulties: the latest update of each (unit, task) that still names one.
    latest_pair: dict[tuple[str, str], Update] = {}
    for u in updates:
        latest_pair[(u.unit, u.task)] = u
    difficulties = sorted((u for u in latest_pair.values() if u.difficulties), key=lambda u: u.received_at, reverse=True)

    reports = [dict(r) for r in store.db.query(
        "SELECT id, unit, kind, period, received_at, timeliness, summary FROM reports ORDER BY received_at DESC, id DESC")]
    changed = store.get_meta("data_changed_at")
    return Snapshot(
        org_name=cfg.organisation.name,
        title=cfg.site.title,
        now=now,
        data_as_of=datetime.fromisoformat(changed).astimezone(cfg.tz) if changed else now,
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
    )
