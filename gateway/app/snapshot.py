"""A read-only snapshot of the records for the site builder: everything computed, nothing to query.

`take()` reads the store once, computes compliance for every unit and period in the window (the
channel's first report up to today), and groups the task updates every way the pages need them.
Nothing here renders; the site builder only formats.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Any, TypeVar

from gateway.app.records import compliance
from gateway.config import Config
from gateway.domain import difficulties as difficulty_rules
from gateway.domain import obligations as obligation_rules
from gateway.domain.calendar import WorkCalendar
from gateway.domain.compliance import (
    Compliance,
    Exemption,
    FirstReport,
    current_periods,
    first_reports,
)
from gateway.domain.history import TaskStates
from gateway.store import Store
from parsers import Directory
from parsers.models import KINDS, Cell, Rates, TaskInfo
from site_builder.exports import month_in
from site_builder.snapshot import (
    DeadlineChangeView,
    DifficultyEventView,
    DifficultyView,
    ExemptionView,
    ObligationCellView,
    ObligationView,
    PeriodView,
    ReportView,
    ScoreWeights,
    Snapshot,
    TaskView,
    UnitView,
    Update,
    paused_gc,
)

TEXT_FIELDS = ("result", "difficulties", "proposals", "notes")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
EMAIL_REDACTED = "[địa chỉ thư]"
T = TypeVar("T")


def redact(text: str | None) -> str | None:
    """Hide e-mail addresses in free text (signatures pasted into a field) unless the site shows them."""
    if not text or "@" not in text:
        return text
    return _EMAIL.sub(EMAIL_REDACTED, text)


def _updates(store: Store, show_emails: bool, after_id: int = 0) -> list[Update]:
    rows = store.task_update_rows(after_id)
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


PROGRAMMES = ("NQ57", "ĐA06", "CĐS")  # the order of Decision 1841-QĐ/TU


def _programme_order(group: str) -> tuple[int, str]:
    return (PROGRAMMES.index(group) if group in PROGRAMMES else len(PROGRAMMES), group)


def exemptions(cfg: Config) -> list[Exemption]:
    """The operator's exemptions ([[scores.exemptions]] in baocao.toml) as the domain reads them."""
    return [Exemption(e.unit, e.kind, e.period, e.start, e.end, e.reason) for e in cfg.scores.exemptions]


def take(cfg: Config, store: Store, directory: Directory, now: datetime, trend_days: int = 30,
         held: Held | None = None) -> Snapshot:
    """The snapshot; `held` (kept by a long-running builder) is resumed and updated in place."""
    with paused_gc():
        return _take(cfg, store, directory, now, trend_days, held)


@dataclass
class _Window:
    """From the channel's first report to today: the working days, and the days of the trend."""

    start: date
    days: list[date]
    trend_dates: list[date]


def _window(cal: WorkCalendar, comp: Compliance, reports: list[dict[str, Any]], now: datetime,
            trend_days: int) -> _Window:
    today = now.date()
    first_seen = datetime.fromisoformat(reports[0]["received_at"]).astimezone(cal.tz).date() if reports else today
    start = min(first_seen, today)
    working = cal.working_days(start - timedelta(days=90), today)
    trend_dates = [d for d in working if d >= start and comp.deadline("daily", d.isoformat()) <= now][-trend_days:]
    return _Window(start, [d for d in working if d >= start], trend_dates)


class _Timeline:
    """Per (unit, task), which fields repeat the previous update, and since when a difficulty
    stands; folded one update at a time (a held snapshot feeds it only the new ones)."""

    def __init__(self) -> None:
        self.by_task: dict[str, list[Update]] = {}
        self.prev_pair: dict[tuple[str, str], Update] = {}  # the latest update of each (unit, task)
        self.shown_pair: dict[tuple[str, str], Update] = {}
        self.new_difficulties: list[Update] = []  # newly raised ones, oldest first

    def add(self, u: Update) -> None:
        self.by_task.setdefault(u.task, []).append(u)
        key = (u.unit, u.task)
        prev = self.prev_pair.get(key)
        if prev is not None and u.same_as(prev):
            u.folded = True
            shown = self.shown_pair[key]
            shown.repeats += 1
            shown.repeats_until = u.received_at
        else:
            self.shown_pair[key] = u
        if prev is not None:
            u.unchanged = frozenset(f for f in TEXT_FIELDS if getattr(u, f) and getattr(u, f) == getattr(prev, f))
        if u.difficulties:
            if prev is not None and prev.difficulties == u.difficulties and prev.difficulty_since:
                u.difficulty_since = prev.difficulty_since
            else:
                u.difficulty_since = u.received_at
                self.new_difficulties.append(u)
        self.prev_pair[key] = u


@dataclass
class _Cursor:
    """How far a held table was read: the rows up to `last_id`, how many, the latest arrival."""

    last_id: int = 0
    count: int = 0
    last_received: str = ""

    def new_rows(self, marks: tuple[int, str, int], read: Callable[[int], list[T]],
                 received: Callable[[T], str]) -> list[T] | None:
        """The rows added since (`marks`: Store.*_marks of `last_id`), or None when a row read
        before went away or a new one arrived before the latest read (the fold starts over)."""
        count, last_received, max_id = marks
        if count != self.count or last_received != self.last_received:
            return None
        new = read(self.last_id) if max_id > self.last_id else []
        if new and received(new[0]) < self.last_received:
            return None
        return new

    def advance(self, ids: list[int], received: list[str]) -> None:
        if ids:
            self.last_id = max(self.last_id, *ids)
            self.last_received = max(self.last_received, *received)
        self.count += len(ids)


SETTLED = timedelta(days=3)


@dataclass
class _UnitCells:
    """Each unit's cells by kind, and their rates, folded over periods in deadline order. A held
    snapshot keeps the fold up to the periods settled when it was made: the next build resumes
    from there while those periods are the same held cell lists (at 10,000 units the fold walked
    300,000 cells per build)."""

    seq: list[list[Cell]] = field(default_factory=list)  # the periods' cell lists folded, in order
    cells: dict[str, dict[str, list[Cell]]] = field(default_factory=dict)  # unit -> kind -> cells
    rates: dict[str, dict[str, Rates]] = field(default_factory=dict)  # unit -> kind -> rates (not exempt)

    def add(self, kind: str, cells: list[Cell]) -> None:
        self.seq.append(cells)
        by_unit, rates = self.cells, self.rates
        for c in cells:
            mine = by_unit.get(c.unit)
            if mine is None:
                mine = by_unit[c.unit] = {}
            lst = mine.get(kind)
            if lst is None:
                lst = mine[kind] = []
            lst.append(c)
            if c.status != "exempt":  # excused: not expected
                r = rates.setdefault(c.unit, {}).get(kind)
                if r is None:
                    r = rates[c.unit][kind] = Rates()
                r.add(c)

    def copy(self) -> _UnitCells:
        return _UnitCells(self.seq[:], {u: {k: v[:] for k, v in m.items()} for u, m in self.cells.items()},
                          {u: {k: Rates().merge(r) for k, r in m.items()} for u, m in self.rates.items()})


@dataclass
class _HeldPeriod:
    at: datetime  # the snapshot instant it was made at
    view: PeriodView


@dataclass
class Held:
    """What a long-running builder keeps between builds (`baocao run`): the reports and task
    updates read and folded so far, and the periods that can no longer change by themselves. The
    next snapshot reads and folds only the rows added since; it starts over when the lists or the
    config changed, or when a row it holds went away or a new one arrived out of order
    (reprocessing)."""

    show_emails: bool | None = None  # the config the rows were read with
    directory: Directory | None = None  # the lists the fold was made with
    # Task updates, folded
    update_cursor: _Cursor = field(default_factory=_Cursor)
    updates: list[Update] = field(default_factory=list)
    timeline: _Timeline = field(default_factory=_Timeline)
    states: TaskStates[Update] | None = None
    updates_by_report: dict[int, list[Update]] = field(default_factory=dict)
    # Reports
    report_cursor: _Cursor = field(default_factory=_Cursor)
    report_dicts: list[dict[str, Any]] = field(default_factory=list)  # Snapshot.reports, arrival order
    reports_by_period: dict[tuple[str, str], list[tuple[Any, ...]]] = field(default_factory=dict)
    firsts: dict[tuple[str, str, str], FirstReport] = field(default_factory=dict)
    # (kind, period) of the rows added since the periods were last made: made again.
    touched: set[tuple[str, str]] = field(default_factory=set)
    # Periods whose deadline had passed when they were made: kept until a row for them arrives.
    periods: dict[tuple[str, str], _HeldPeriod] = field(default_factory=dict)
    period_context: tuple[Any, ...] | None = None
    unit_cells: _UnitCells = field(default_factory=_UnitCells)  # folded up to the settled periods
    restarts: int = 0  # how often the fold started over after its first fill
    months: set[str] = field(default_factory=set)  # the months rows were received in (the config's zone)
    tz: tzinfo | None = None  # the zone the months were counted in


def _fold(cfg: Config, store: Store, directory: Directory, held: Held | None) -> Held:
    """The reports and task updates, folded: `held` resumed when it still matches the store, else
    refilled."""
    held = held if held is not None else Held()
    show = cfg.site.show_emails
    clean = (lambda v: v) if show else redact
    if held.show_emails == show and held.directory is directory and held.tz == cfg.tz:
        updates = held.update_cursor.new_rows(store.task_update_marks(held.update_cursor.last_id),
                                              lambda after: _updates(store, show, after),
                                              lambda u: u.received_at.isoformat())
        reports = held.report_cursor.new_rows(store.report_marks(held.report_cursor.last_id), store.report_rows,
                                              lambda r: str(r[4]))
        if updates is not None and reports is not None:
            _add(held, updates, reports, clean)
            return held
    fresh = Held(show_emails=show, directory=directory, states=TaskStates(directory),
                 restarts=held.restarts + (held.states is not None), tz=cfg.tz)
    _add(fresh, _updates(store, show), store.report_rows(), clean)
    fresh.touched = set()
    held.__dict__.update(fresh.__dict__)  # the caller's object is the one kept
    return held


def _add(held: Held, new: list[Update], reports: list[tuple[Any, ...]],
         clean: Callable[[str | None], str | None]) -> None:
    assert held.states is not None
    touched: set[tuple[str, str]] = set()
    months = held.months
    for u in new:
        months.add(month_in(u.received_at, held.tz))
        held.timeline.add(u)
        held.states.add(u)
        held.updates.append(u)
        held.updates_by_report.setdefault(u.report_id, []).append(u)
        touched.add((u.kind, u.period))
    held.update_cursor.advance([u.id for u in new], [u.received_at.isoformat() for u in new])
    for r in reports:
        rid, unit, kind, period, received_at, timeliness, summary = r
        held.report_dicts.append({"id": rid, "unit": unit, "kind": kind, "period": period,
                                  "received_at": received_at, "timeliness": timeliness, "summary": clean(summary)})
        held.reports_by_period.setdefault((kind, period), []).append(r)
        months.add(month_in(datetime.fromisoformat(received_at), held.tz))
        touched.add((kind, period))
    first_reports(((r[1], r[2], r[3], r[4], r[0]) for r in reports), held.firsts)
    held.report_cursor.advance([r[0] for r in reports], [str(r[4]) for r in reports])
    held.touched |= touched  # cleared once their periods are made again (a failed build leaves them)


def _tasks(directory: Directory, states: TaskStates[Update], by_task: dict[str, list[Update]],
           today: date) -> list[TaskView]:
    """Each task with its current state (gateway.domain.tasks), overdue ones first."""
    tasks: list[TaskView] = []
    for t in directory.tasks:
        history = states.history.get(t.code, [])
        tv = TaskView(info=t, updates=by_task.get(t.code, []), history=history)
        tv.last_update = history[-1] if history else None
        if tv.last_update is not None:
            tv.status, tv.progress = tv.last_update.status, tv.last_update.progress
        if t.deadline:
            tv.deadline = date.fromisoformat(t.deadline)
            tv.days_left = (tv.deadline - today).days
            tv.overdue = tv.days_left < 0 and tv.status != "completed"
        tasks.append(tv)
    tasks.sort(key=lambda tv: (not tv.overdue, tv.days_left if tv.days_left is not None else 10**6, tv.info.code))
    return tasks


def _deadline_changes(store: Store) -> dict[str, list[DeadlineChangeView]]:
    out: dict[str, list[DeadlineChangeView]] = {}
    for r in store.deadline_changes():
        out.setdefault(r["task"], []).append(DeadlineChangeView(
            date.fromisoformat(r["old_deadline"]) if r["old_deadline"] else None,
            date.fromisoformat(r["new_deadline"]) if r["new_deadline"] else None,
            r["decision"] or "", datetime.fromisoformat(r["changed_at"]), int(r["overdue_days"])))
    return out


def _archived_tasks(store: Store, directory: Directory, by_task: dict[str, list[Update]]) -> list[TaskView]:
    """The tasks that left the list, as last seen: their pages stay."""
    present = {t.code for t in directory.tasks}
    out = []
    for code, r in sorted(store.list_rows("task").items()):
        if code in present or not r["removed_at"]:
            continue
        info = TaskInfo.model_validate(r["row"])
        tv = TaskView(info=info, updates=by_task.get(code, []), archived=datetime.fromisoformat(r["removed_at"]))
        if tv.updates:
            tv.last_update = tv.updates[-1]
            tv.status, tv.progress = tv.last_update.status, tv.last_update.progress
        tv.deadline = date.fromisoformat(info.deadline) if info.deadline else None
        out.append(tv)
    return out


def _loop(cfg: Config, store: Store, directory: Directory, now: datetime,
          clean: Callable[[str | None], str | None]) -> list[DifficultyView]:
    """Every difficulty record with its events, newest first."""
    names = {a.code: a.name for a in directory.agencies}
    office = cfg.difficulties.office
    unit_names = {u.code: u.name for u in directory.units}
    events: dict[int, list[DifficultyEventView]] = {}
    for e in store.difficulty_events():
        events.setdefault(e["difficulty"], []).append(DifficultyEventView(
            datetime.fromisoformat(e["at"]), e["kind"], e["actor"], clean(e["text"])))
    parse = datetime.fromisoformat
    out = []
    for r in store.difficulties():
        raised = parse(r["raised_at"])
        agency = r["agency"]
        out.append(DifficultyView(
            r["id"], difficulty_rules.ref(r["id"]), r["unit"], r["task"], clean(r["text"]) or "", clean(r["proposals"]),
            raised, parse(r["last_seen_at"]), agency,
            names.get(agency) or unit_names.get(agency) or ("Văn phòng UBND tỉnh" if agency == office else agency),
            r["routed_by"], r["state"], clean(r["answer"]), parse(r["answered_at"]) if r["answered_at"] else None,
            parse(r["resolved_at"]) if r["resolved_at"] else None, r["resolution"], r["note"],
            difficulty_rules.age_days(raised, now if r["state"] in difficulty_rules.OPEN_STATES
                                      else parse(r["resolved_at"] or r["raised_at"])),
            difficulty_rules.ageing(r["state"], raised, now, cfg.difficulties.ageing_days),
            events.get(r["id"], [])))
    out.sort(key=lambda d: (d.raised_at, d.id), reverse=True)
    return out


def _obligations(cfg: Config, store: Store, directory: Directory, now: datetime) -> list[ObligationView]:
    records = store.obligation_records()
    out = []
    for o in directory.obligations:
        deadline = obligation_rules.deadline_at(o, cfg.deadlines.daily, cfg.tz)
        cells = obligation_rules.cells(o, obligation_rules.owed_by(o, directory.units), records, deadline, now)
        out.append(ObligationView(o, deadline, [ObligationCellView(c.unit, c.status, c.received_at, c.source,
                                                                   c.attachments or [], c.note) for c in cells]))
    return out


def _cells_by_period(comp: Compliance, window: _Window, cur: dict[str, str], today: date) -> dict[tuple[str, str], list[Cell]]:
    """One cell per unit and period of the window (and the current periods)."""
    period_lists = {
        "daily": [d.isoformat() for d in window.days],
        "weekly": comp.periods("weekly", window.start, today),
        "monthly": comp.periods("monthly", window.start, today),
    }
    for k in KINDS:
        if cur[k] not in period_lists[k]:
            period_lists[k].append(cur[k])
    return {(kind, p): comp.period_cells(kind, p) for kind in KINDS for p in period_lists[kind]}


def _keep_periods(held: Held, comp: Compliance, now: datetime, context: tuple[Any, ...]) -> None:
    """Drop the held periods that may have changed and hand the others' cells to `comp`. A period
    is kept while no row for it arrived, its deadline had passed when it was made (a pending cell
    turns missing by the clock), and the lists, exemptions and calendar are the same."""
    if held.period_context != context or any(hp.at > now for hp in held.periods.values()):
        held.periods.clear()
    held.period_context = context
    for key in held.touched:
        held.periods.pop(key, None)
    for key, hp in list(held.periods.items()):
        if hp.view.deadline >= hp.at:
            del held.periods[key]
        else:
            comp.known(*key, hp.view.cells)


def _periods(comp: Compliance, cells_by_period: dict[tuple[str, str], list[Cell]], held: Held, now: datetime,
             clean: Callable[[str | None], str | None]) -> list[PeriodView]:
    """Every period with its cells and each unit's latest report (it supersedes the content), newest first."""
    periods: list[PeriodView] = []
    for key2 in set(cells_by_period) | set(held.reports_by_period):
        kept = held.periods.get(key2)
        if kept is not None:
            periods.append(kept.view)
            continue
        kind, period = key2
        latest: dict[str, ReportView] = {}
        for rid, unit, _kind, _period, received_at, timeliness, summary in held.reports_by_period.get(key2, []):
            prev_r = latest.get(unit)
            latest[unit] = ReportView(rid, unit, kind, period, datetime.fromisoformat(received_at), timeliness,
                                      clean(summary), held.updates_by_report.get(rid, []),
                                      prev_r.count + 1 if prev_r else 1)
        cells = cells_by_period.get(key2) or comp.period_cells(kind, period)
        counts = {"on_time": 0, "late": 0, "missing": 0, "pending": 0, "exempt": 0}
        for c in cells:
            counts[c.status] += 1
        pv = PeriodView(kind, period, comp.deadline(kind, period), cells, latest, counts)
        held.periods[key2] = _HeldPeriod(now, pv)
        periods.append(pv)
    held.touched.clear()
    periods.sort(key=lambda pv: (pv.deadline, pv.kind), reverse=True)
    return periods


def _unit_cells(comp: Compliance, cells_by_period: dict[tuple[str, str], list[Cell]], held: Held) -> _UnitCells:
    """Every unit's cells and rates over the periods in deadline order: resumed from the held fold
    when its periods are still the first ones (the same cell lists), and held again up to the last
    period whose deadline passed SETTLED ago."""
    ordered = sorted(cells_by_period.items(), key=lambda kv: comp.deadline(*kv[0]))
    base = held.unit_cells
    n = len(base.seq)
    resumed = n <= len(ordered) and all(a is b for a, (_k, b) in zip(base.seq, ordered, strict=False))
    fold = base.copy() if resumed else _UnitCells()

    def fold_to(end: int) -> None:
        for (kind, _p), cells in ordered[len(fold.seq):end]:
            fold.add(kind, cells)

    # Kept up to the periods whose deadline passed SETTLED ago: late reports for yesterday and
    # today remake those periods, and a fold kept past them would not be resumed.
    settled = comp.now - SETTLED
    upto = 0
    while upto < len(ordered) and comp.deadline(*ordered[upto][0]) < settled:
        upto += 1
    fold_to(upto)
    if len(fold.seq) == upto and (upto > n or not resumed):
        held.unit_cells = fold.copy()
    fold_to(len(ordered))
    return fold


def _units(directory: Directory, comp: Compliance, cells_by_period: dict[tuple[str, str], list[Cell]],
           updates: list[Update], states: TaskStates[Update], tasks: list[TaskView], cur: dict[str, str],
           window_start: date, held: Held) -> list[UnitView]:
    """Each unit: its tasks, its cells and rates, its latest updates and its own word on each task."""
    tasks_by_code = {tv.info.code: tv for tv in tasks}
    fold = _unit_cells(comp, cells_by_period, held)
    cells_by_unit, rates_by_unit = fold.cells, fold.rates
    latest_by_unit: dict[str, list[Update]] = {}
    for upd in reversed(updates):
        lst = latest_by_unit.setdefault(upd.unit, [])
        if len(lst) < 10:
            lst.append(upd)
    led: dict[str, list[str]] = {}
    supported: dict[str, list[str]] = {}
    for t in directory.tasks:
        led.setdefault(t.lead_unit, []).append(t.code)
        for code in t.coordinating_units:
            supported.setdefault(code, []).append(t.code)
    own_by_unit: dict[str, dict[str, Update]] = {}
    for (unit, task), state in states.unit_state.items():
        if task in tasks_by_code:
            own_by_unit.setdefault(unit, {})[task] = state
    units: list[UnitView] = []
    present = {u.code for u in directory.units}
    for u in comp.directory.units:  # the lists' units and the archived ones (their history stays)
        uv = UnitView(info=u, led=led.get(u.code, []), supported=supported.get(u.code, []))
        uv.retired_at = comp.retired.get(u.code)
        uv.archived = u.code not in present
        mine = cells_by_unit.get(u.code, {})
        uv.cells = {k: mine.get(k, []) for k in KINDS if k in u.reports}
        uv.current = {k: comp.cell(u.code, k, cur[k]) for k in KINDS if k in u.reports} if uv.retired_at is None else {}
        my_rates = rates_by_unit.get(u.code, {})
        for k in uv.cells:
            uv.rates_by_kind[k] = my_rates.get(k) or Rates()
            uv.rates.merge(uv.rates_by_kind[k])
        uv.calendar = [c for c in uv.cells.get("daily", []) if date.fromisoformat(c.period) >= window_start]
        uv.latest = latest_by_unit.get(u.code, [])
        uv.own_last = own_by_unit.get(u.code, {})
        uv.completed = sum(1 for code in uv.led if tasks_by_code[code].status == "completed")
        uv.overdue = sum(1 for code in uv.led if tasks_by_code[code].overdue)
        units.append(uv)
    _merge_predecessors(units)
    return units


def successor_map(units: list[UnitView]) -> dict[str, str]:
    """merged unit -> the unit its history lives on in (a chain of mergers followed to its end)."""
    direct = {u.info.code: u.info.successor for u in units if u.info.successor}
    codes = {u.info.code for u in units}
    out = {}
    for code in direct:
        seen, cur = {code}, direct[code]
        while cur in direct and cur not in seen:
            seen.add(cur)
            cur = direct[cur]
        if cur in codes:
            out[code] = cur
    return out


def _merge_predecessors(units: list[UnitView]) -> None:
    """A successor's rates count its predecessors' periods (SPEC §8.1: history and scores follow)."""
    by_code = {u.info.code: u for u in units}
    for old, new in successor_map(units).items():
        src, dst = by_code[old], by_code[new]
        dst.predecessors.append(old)
        for k, cells in src.cells.items():
            for c in cells:
                if c.status == "exempt":
                    continue
                dst.rates.add(c)
                dst.rates_by_kind.setdefault(k, Rates()).add(c)


def _period_context(cfg: Config, comp: Compliance, now: datetime) -> tuple[Any, ...]:
    """What a held period's cells depend on besides its own rows, the clock and the lists (a new
    directory starts the fold over): the archived units, the calendar, the zone, the exemptions,
    the retired units. A unit merged into
    a successor but not yet retired counts as retiring now: that instant is left out (the kept
    periods' deadlines are before it either way)."""
    return (tuple(u.code for u in comp.directory.units), cfg.deadlines.model_dump_json(),
            str(cfg.tz), tuple(comp.exemptions),
            tuple(sorted((code, None if at == now else at) for code, at in comp.retired.items())))


def _take(cfg: Config, store: Store, directory: Directory, now: datetime, trend_days: int,
          held: Held | None) -> Snapshot:
    cal = WorkCalendar(cfg.deadlines, cfg.tz)
    held = _fold(cfg, store, directory, held)
    comp = compliance(store, directory, cal, now, firsts=held.firsts)
    comp.exemptions = exemptions(cfg)
    _keep_periods(held, comp, now, _period_context(cfg, comp, now))
    today = now.date()
    updates = held.updates
    assert held.states is not None
    clean = (lambda v: v) if cfg.site.show_emails else redact
    window = _window(cal, comp, held.report_dicts, now, trend_days)
    timeline = held.timeline
    by_task, latest_pair, new_difficulties = timeline.by_task, timeline.prev_pair, timeline.new_difficulties
    tasks = _tasks(directory, held.states, by_task, today)
    changes = _deadline_changes(store)
    for tv in tasks:
        tv.deadline_changes = changes.get(tv.info.code, [])
    tasks_by_code = {tv.info.code: tv for tv in tasks}
    loop = _loop(cfg, store, directory, now, clean)
    archived_tasks = _archived_tasks(store, directory, by_task)
    records: dict[str, list[DifficultyView]] = {}
    for rec in loop:
        records.setdefault(rec.task, []).append(rec)
    for tv in [*tasks, *archived_tasks]:
        tv.records = records.get(tv.info.code, [])
    # Open difficulties: the latest update of each (unit, task) that still names one.
    difficulties = sorted((u for u in latest_pair.values() if u.difficulties), key=lambda u: u.received_at,
                          reverse=True)
    for diff in difficulties:
        if diff.task in tasks_by_code:
            tasks_by_code[diff.task].open_difficulties.append(diff)
    cur = current_periods(cal, today)
    cells_by_period = _cells_by_period(comp, window, cur, today)
    trend: list[tuple[date, Rates]] = []
    for d in window.trend_dates:
        r = Rates()
        for c in comp.period_cells("daily", d.isoformat()):
            if c.status != "exempt":
                r.add(c)
        trend.append((d, r))
    units = _units(directory, comp, cells_by_period, updates, held.states, tasks, cur, window.start, held)
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
        reports=held.report_dicts[::-1],
        window_start=window.start,
        groups=sorted({t.group for t in directory.tasks if t.group}, key=_programme_order),
        updates=updates,
        periods=_periods(comp, cells_by_period, held, now, clean),
        new_difficulties=list(reversed(new_difficulties)),
        base_url=cfg.site.base_url,
        weights=ScoreWeights(cfg.scores.reporting, cfg.scores.on_time, cfg.scores.on_schedule,
                             cfg.scores.overdue_day, cfg.scores.overdue_cap),
        exemptions=[ExemptionView(e.unit, e.kind, e.period, e.start, e.end, e.reason) for e in cfg.scores.exemptions],
        address=cfg.mail.address,
        help_contact=cfg.site.help_contact,
        search=cfg.site.search,
        loop=loop,
        obligations=_obligations(cfg, store, directory, now),
        archived_tasks=archived_tasks,
        successors=successor_map(units),
        ageing_days=cfg.difficulties.ageing_days,
        downloads_interval=cfg.site.downloads_interval,
        months=sorted(held.months),
    )
