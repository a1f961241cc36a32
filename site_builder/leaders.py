"""What leaders read (SPEC §8.2), computed from the snapshot alone: a period's compliance per unit,
the scorecard, each programme's and each responsible leader's tasks, the formal report's numbers.

One place computes these numbers: the scores pages, the programme pages, the home cards and the
formal report (.docx) all ask here, so the document shows what the site shows for that period.

The scorecard (written on the scores page and in docs/operations.md):
  R = reports received / reports expected, T = reports on time / reports expected (exempted
  periods are not expected), S = share of the unit's led tasks on schedule at the end of the
  period (not past their deadline unfinished), D = overdue task-days within the period;
  score = 100 × (wR·R + wT·T + wS·S) / (wR + wT + wS) − min(cap, p × D), at least 0, over the
  rates that exist for the unit (a unit leading no task is scored on R and T).
"""

from __future__ import annotations

import calendar as _calendar
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from parsers.models import Rates
from site_builder.snapshot import DifficultyView, PeriodView, Snapshot, TaskView, Update


@dataclass(frozen=True)
class Span:
    """A stretch of days a page or a report is about: a week, a month, a quarter, a year, a range."""

    kind: str  # weekly | monthly | quarterly | yearly | range
    key: str  # 2026-W47, 2026-11, 2026-Q4, 2026, 2026-11-02_2026-11-20
    start: date
    end: date

    @property
    def label(self) -> str:
        if self.kind == "weekly":
            y, w = self.key.split("-W")
            return f"Tuần {int(w)}/{y} (từ {self.start:%d/%m} đến {self.start + timedelta(days=4):%d/%m/%Y})"
        if self.kind == "monthly":
            return f"Tháng {self.start.month}/{self.start.year}"
        if self.kind == "quarterly":
            return f"Quý {(self.start.month - 1) // 3 + 1}/{self.start.year}"
        if self.kind == "yearly":
            return f"Năm {self.start.year}"
        return f"Từ {self.start:%d/%m/%Y} đến {self.end:%d/%m/%Y}"


def week_span(key: str) -> Span:
    y, w = key.split("-W")
    mon = date.fromisocalendar(int(y), int(w), 1)
    return Span("weekly", f"{int(y)}-W{int(w):02d}", mon, mon + timedelta(days=6))


def month_span(key: str) -> Span:
    y, m = (int(x) for x in key.split("-"))
    return Span("monthly", f"{y}-{m:02d}", date(y, m, 1), date(y, m, _calendar.monthrange(y, m)[1]))


def quarter_span(year: int, q: int) -> Span:
    start = date(year, 3 * q - 2, 1)
    end_month = 3 * q
    return Span("quarterly", f"{year}-Q{q}", start, date(year, end_month, _calendar.monthrange(year, end_month)[1]))


def year_span(year: int) -> Span:
    return Span("yearly", str(year), date(year, 1, 1), date(year, 12, 31))


def range_span(start: date, end: date) -> Span:
    return Span("range", f"{start.isoformat()}_{end.isoformat()}", start, end)


def span_of(kind: str, period: str) -> Span:
    """The span of a weekly or monthly reporting period."""
    return week_span(period) if kind == "weekly" else month_span(period)


def spans_in(snap: Snapshot) -> dict[str, list[Span]]:
    """The months, quarters and years from the window's start to today, newest first."""
    start, today = snap.window_start, snap.today
    months: list[Span] = []
    y, m = start.year, start.month
    while (y, m) <= (today.year, today.month):
        months.append(month_span(f"{y}-{m:02d}"))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    quarters = sorted({(s.start.year, (s.start.month - 1) // 3 + 1) for s in months})
    years = sorted({s.start.year for s in months})
    return {"monthly": months[::-1], "quarterly": [quarter_span(y, q) for y, q in quarters][::-1],
            "yearly": [year_span(y) for y in years][::-1]}


def end_instant(snap: Snapshot, span: Span) -> datetime:
    """The end of the span's last day, or now when the span is still running."""
    end = datetime.combine(span.end, time(23, 59, 59), tzinfo=snap.now.tzinfo)
    return min(end, snap.now)


# -- compliance within a span
def in_span(pv: PeriodView, span: Span) -> bool:
    """A reporting period belongs to the span its deadline falls in."""
    return span.start <= pv.deadline.date() <= span.end


def unit_rates(snap: Snapshot, span: Span) -> dict[str, dict[str, Rates]]:
    """unit -> kind -> Rates over the periods whose deadline falls within the span (plus "all").
    A span over several months adds up the months' rates: a whole month's are counted once per
    snapshot, and kept between the builds of a long-running builder while the month's periods
    are the same (a build asks for several spans; a national one has 300,000 cells a month)."""
    if span.kind == "weekly":
        return _rates_of(snap, [pv for pv in snap.periods if in_span(pv, span)])
    by_month = snap.memo.get("periods_by_month")
    if by_month is None:
        by_month = snap.memo["periods_by_month"] = {}
        for pv in snap.periods:  # newest first, as _rates_of reads them
            by_month.setdefault(f"{pv.deadline.date():%Y-%m}", []).append(pv)
    out: dict[str, dict[str, Rates]] = {u.info.code: {"all": Rates()} for u in snap.units}
    for m in sorted(by_month, reverse=True):
        whole = month_span(m)
        if whole.end < span.start or whole.start > span.end:
            continue
        if span.start <= whole.start and whole.end <= span.end:
            part = _month_rates(snap, m, by_month[m])
        else:
            part = _rates_of(snap, [pv for pv in by_month[m] if in_span(pv, span)])
        for code, kinds in part.items():
            mine = out[code]
            for kind, r in kinds.items():
                mine.setdefault(kind, Rates()).merge(r)
    return out


def _rates_of(snap: Snapshot, periods: list[PeriodView]) -> dict[str, dict[str, Rates]]:
    out: dict[str, dict[str, Rates]] = {u.info.code: {"all": Rates()} for u in snap.units}
    follow = snap.successors  # a merged unit's periods count for the unit that took it over
    for pv in periods:
        for c in pv.cells:
            code = follow.get(c.unit, c.unit)
            if c.status == "exempt" or code not in out:
                continue
            out[code].setdefault(pv.kind, Rates()).add(c)
            out[code]["all"].add(c)
    return out


# month -> the periods, successors and units its rates were counted from, and the rates. A held
# snapshot (gateway.app.snapshot.Held) hands out the same period objects while they cannot change.
_MONTH_RATES: dict[str, tuple[list[PeriodView], dict[str, str], list[str], dict[str, dict[str, Rates]]]] = {}


def _month_rates(snap: Snapshot, month: str, periods: list[PeriodView]) -> dict[str, dict[str, Rates]]:
    done = snap.memo.setdefault("month_rates", {})
    if month in done:
        return done[month]
    codes = [u.info.code for u in snap.units]
    kept = _MONTH_RATES.get(month)
    if (kept is not None and len(kept[0]) == len(periods) and all(a is b for a, b in zip(kept[0], periods, strict=True))
            and kept[1] == snap.successors and kept[2] == codes):
        rates = kept[3]
    else:
        rates = _rates_of(snap, periods)
        _MONTH_RATES[month] = (list(periods), dict(snap.successors), codes, rates)
    done[month] = rates
    return rates


def exempt_count(snap: Snapshot, span: Span) -> dict[str, int]:
    out: dict[str, int] = {}
    for pv in snap.periods:
        if in_span(pv, span):
            for c in pv.cells:
                if c.status == "exempt":
                    out[c.unit] = out.get(c.unit, 0) + 1
    return out


# -- tasks within a span
@dataclass
class TaskAt:
    """A task as it stood at the end of a span."""

    view: TaskView
    status: str | None
    progress: int | None
    overdue: bool
    overdue_days: int  # days past the deadline, unfinished, within the span
    days_late: int  # at the end of the span: days past the deadline (0 when not overdue)


# (task, span) -> what a running span's TaskAt was found from, and its numbers: the running
# spans' scorecards and reports are made again after every batch, for every task, and a task
# without a new update since stands as it stood (kept for today only).
_RUNNING: dict[tuple[str, str, str], tuple[tuple[Any, ...], tuple[str | None, int | None, bool, int, int]]] = {}
_RUNNING_DAY: list[date] = []


def task_at(snap: Snapshot, tv: TaskView, span: Span) -> TaskAt:
    instant = end_instant(snap, span)
    if instant != snap.now:
        return _task_at(snap, tv, span, instant)
    if _RUNNING_DAY != [snap.today]:
        _RUNNING.clear()
        _RUNNING_DAY[:] = [snap.today]
    hist = tv.history
    last = hist[-1] if hist else None
    # The state at `now` is the last one (none is newer): the same history gives the same numbers.
    seen = (len(hist), last, tv.deadline, tuple(tv.deadline_changes), snap.now.tzinfo)
    key = (tv.info.code, span.kind, span.key)
    kept = _RUNNING.get(key)
    if (kept is not None and kept[0][0] == seen[0] and kept[0][1] is last and kept[0][2:] == seen[2:]
            and (last is None or last.received_at <= instant)):
        return TaskAt(tv, *kept[1])
    ta = _task_at(snap, tv, span, instant)
    if last is None or last.received_at <= instant:
        _RUNNING[key] = (seen, (ta.status, ta.progress, ta.overdue, ta.overdue_days, ta.days_late))
    return ta

def _task_at(snap: Snapshot, tv: TaskView, span: Span, instant: datetime) -> TaskAt:
    state = tv.as_of(instant)
    status = state.status if state else None
    progress = state.progress if state else None
    overdue_days = 0
    days_late = 0
    earliest = tv.earliest_deadline
    if earliest is not None:
        # A day counts when it is past the deadline in force that day (a deadline moved by a
        # decision keeps the days overdue before the move) and the task was not completed by then.
        last = min(span.end, instant.date())
        day = max(span.start, earliest + timedelta(days=1))
        tz = snap.now.tzinfo
        moved = bool(tv.deadline_changes)
        if not moved and tv.deadline is not None:
            overdue_days = _unfinished_days(tv, max(day, tv.deadline + timedelta(days=1)), last, tz)
        while moved and day <= last:
            due = tv.deadline_on(day)
            if due is not None and day > due:
                st = tv.as_of(datetime.combine(day, time(23, 59, 59), tzinfo=tz))
                if st is None or st.status != "completed":
                    overdue_days += 1
            day += timedelta(days=1)
        due = tv.deadline_on(instant.date()) if moved else tv.deadline
        if status != "completed" and due is not None and due < instant.date():
            days_late = (instant.date() - due).days
    return TaskAt(tv, status, progress, days_late > 0, overdue_days, days_late)


def _unfinished_days(tv: TaskView, start: date, last: date, tz: Any) -> int:
    """The days from `start` to `last` at whose end the task was not completed: its state runs
    from one update to the next, so the days are counted run by run, not one by one."""
    if start > last:
        return 0
    one = timedelta(days=1)
    end = time(23, 59, 59)
    hist = tv.history
    times = tv.times
    i = bisect_right(times, datetime.combine(start - one, end, tzinfo=tz))
    state = hist[i - 1] if i else None
    n, day = 0, start
    while day <= last:
        close = datetime.combine(day, end, tzinfo=tz)
        while i < len(hist) and times[i] <= close:
            state = hist[i]
            i += 1
        # the state holds until the day of the next update (exclusive)
        until = last if i >= len(hist) else min(last, times[i].astimezone(tz).date() - one)
        until = max(until, day)
        if state is None or state.status != "completed":
            n += (until - day).days + 1
        day = until + one
    return n


def tasks_at(snap: Snapshot, span: Span) -> list[TaskAt]:
    """The tasks as they stood at the end of the span, in the lists' order as it was then
    (overdue first, then by deadline): a report on a closed month does not move with today."""
    at = [task_at(snap, tv, span) for tv in snap.tasks]
    day = end_instant(snap, span).date()

    def key(ta: TaskAt) -> tuple[bool, bool, date, str]:
        due = ta.view.deadline_on(day) if ta.view.deadline_changes else ta.view.deadline
        return (not ta.overdue, due is None, due or date.max, ta.view.info.code)

    return sorted(at, key=key)


# -- the scorecard
@dataclass
class Score:
    unit: str
    rates: Rates
    led: int = 0
    on_schedule: int = 0
    completed: int = 0
    overdue: int = 0
    overdue_days: int = 0
    exempt: int = 0
    score: float | None = None

    @property
    def on_schedule_rate(self) -> float | None:
        return self.on_schedule / self.led if self.led else None


def score_of(snap: Snapshot, rates: Rates, on_schedule: float | None, overdue_days: int) -> float | None:
    w = snap.weights
    terms = [(w.reporting, rates.reporting_rate), (w.on_time, rates.on_time_rate), (w.on_schedule, on_schedule)]
    have = [(wt, v) for wt, v in terms if v is not None and wt > 0]
    if not have:
        return None
    base = 100 * sum(wt * v for wt, v in have) / sum(wt for wt, _ in have)
    return round(max(0.0, base - min(w.overdue_cap, w.overdue_day * overdue_days)), 1)


def scorecard(snap: Snapshot, span: Span, at: list[TaskAt] | None = None) -> list[Score]:
    """Each unit's score for the span, best first (ties by code)."""
    rates = unit_rates(snap, span)
    exempt = exempt_count(snap, span)
    at = at if at is not None else tasks_at(snap, span)
    by_lead: dict[str, list[TaskAt]] = {}
    for ta in at:
        by_lead.setdefault(ta.view.info.lead_unit, []).append(ta)
    out = []
    for u in snap.units:
        code = u.info.code
        if code in snap.successors:  # merged: its numbers are its successor's
            continue
        mine = by_lead.get(code, [])
        s = Score(code, rates[code]["all"], led=len(mine), exempt=exempt.get(code, 0))
        s.on_schedule = sum(1 for ta in mine if not ta.overdue)
        s.completed = sum(1 for ta in mine if ta.status == "completed")
        s.overdue = sum(1 for ta in mine if ta.overdue)
        s.overdue_days = sum(ta.overdue_days for ta in mine)
        s.score = score_of(snap, s.rates, s.on_schedule_rate, s.overdue_days)
        out.append(s)
    out.sort(key=lambda s: (-(s.score if s.score is not None else -1), s.unit))
    return out


# -- programmes and leaders
@dataclass
class Group:
    """A programme's (or a responsible leader's) tasks and what they add up to."""

    key: str
    tasks: list[TaskAt] = field(default_factory=list)
    difficulties: list[DifficultyView] = field(default_factory=list)  # the open difficulty records

    @property
    def total(self) -> int:
        return len(self.tasks)

    @property
    def completed(self) -> int:
        return sum(1 for t in self.tasks if t.status == "completed")

    @property
    def in_progress(self) -> int:
        return sum(1 for t in self.tasks if t.status == "in_progress")

    @property
    def overdue(self) -> int:
        return sum(1 for t in self.tasks if t.overdue)

    @property
    def overdue_days(self) -> int:
        return sum(t.overdue_days for t in self.tasks)

    @property
    def average_progress(self) -> float | None:
        """Mean progress over the tasks (a task nobody reported on counts as 0; a completed one as 100)."""
        if not self.tasks:
            return None
        vals = [100 if t.status == "completed" and t.progress is None else (t.progress or 0) for t in self.tasks]
        return round(sum(vals) / len(vals), 1)


def open_difficulties_at(snap: Snapshot, instant: datetime) -> list[Update]:
    """The latest update of each (unit, task) received by `instant` that still names a difficulty."""
    latest: dict[tuple[str, str], Update] = {}
    for u in snap.updates:
        if u.received_at > instant:
            continue
        latest[(u.unit, u.task)] = u
    return sorted((u for u in latest.values() if u.difficulties), key=lambda u: u.received_at, reverse=True)


def open_records_at(snap: Snapshot, instant: datetime | None = None) -> list[DifficultyView]:
    """The difficulty records open at `instant` (raised by then, not resolved or closed by then),
    newest first; at None, those open now — the same records the difficulties page lists."""
    if instant is None or instant >= snap.now:
        return snap.open_records
    return [d for d in snap.loop if d.raised_at <= instant and (d.resolved_at is None or d.resolved_at > instant)]


def record_state_at(d: DifficultyView, instant: datetime | None = None) -> str:
    """A record's state at `instant` (from its events), or its state now."""
    if instant is None or not d.events:
        return d.state
    state = "open"
    for e in d.events:
        if e.at > instant:
            break
        if e.kind == "answered":
            state = (e.text or "in_progress").split(":", 1)[0].strip() or "in_progress"
        elif e.kind in ("resolved", "closed"):
            state = e.kind
    return state


def programmes(snap: Snapshot, span: Span | None = None, at: list[TaskAt] | None = None) -> list[Group]:
    """One group per programme (the tasks list's `group`), in the snapshot's order."""
    span = span or Span("range", "now", snap.window_start, snap.today)
    at = at if at is not None else tasks_at(snap, span)
    diffs = open_records_at(snap, None if span.key == "now" else end_instant(snap, span))
    groups = {g: Group(g) for g in snap.groups}
    task_group = {t.info.code: t.info.group for t in snap.tasks}
    for ta in at:
        if ta.view.info.group in groups:
            groups[ta.view.info.group].tasks.append(ta)
    for d in diffs:
        g = task_group.get(d.task)
        if g in groups:
            groups[g].difficulties.append(d)
    return list(groups.values())


def leaders(snap: Snapshot) -> list[Group]:
    """One group per responsible leader (the tasks list's `responsible`), most overdue first."""
    span = Span("range", "now", snap.window_start, snap.today)
    groups: dict[str, Group] = {}
    for ta in tasks_at(snap, span):
        key = ta.view.info.responsible.strip() or "(chưa giao người chịu trách nhiệm)"
        groups.setdefault(key, Group(key)).tasks.append(ta)
    open_by_task: dict[str, list[DifficultyView]] = {}
    for d in snap.open_records:
        open_by_task.setdefault(d.task, []).append(d)
    for g in groups.values():
        for ta in g.tasks:
            g.difficulties.extend(open_by_task.get(ta.view.info.code, []))
    return sorted(groups.values(), key=lambda g: (-g.overdue, -g.overdue_days, g.key))


def last_completed(snap: Snapshot) -> dict[str, PeriodView]:
    """The newest weekly and monthly periods whose deadline has passed (home shows them)."""
    out: dict[str, PeriodView] = {}
    for pv in snap.periods:  # newest first
        if pv.kind != "daily" and pv.kind not in out and pv.deadline <= snap.now:
            out[pv.kind] = pv
    return out
