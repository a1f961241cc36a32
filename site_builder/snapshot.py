"""The snapshot type the site builder owns: everything the pages show, computed, nothing to query.
The gateway builds it (gateway.app.snapshot); the builder only formats it."""

from __future__ import annotations

import gc
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from parsers.models import Cell, ObligationInfo, Rates, TaskInfo, TaskUpdate, UnitInfo


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



@dataclass(slots=True)
class Update(TaskUpdate):
    """A task update as the pages show it: the stored fields, and how it folds into the timeline."""

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


@dataclass(frozen=True)
class DeadlineChangeView:
    """A task's deadline moved by a decision (tasks list `deadline_decision`): the one before it,
    and the days the task had been overdue under it (they still count in the scores)."""

    old: date | None
    new: date | None
    decision: str
    changed_at: datetime
    overdue_days: int


@dataclass
class DifficultyEventView:
    at: datetime
    kind: str  # raised | routed | answered | resolved | closed
    actor: str | None
    text: str | None


@dataclass
class DifficultyView:
    """A difficulty as a record with a life (SPEC §8.1)."""

    id: int
    ref: str  # KK-12
    unit: str
    task: str
    text: str
    proposals: str | None
    raised_at: datetime
    last_seen_at: datetime
    agency: str
    agency_name: str
    routed_by: str  # proposal | keyword | office
    state: str  # open | in_progress | needs_decision | answered | resolved | closed
    answer: str | None = None
    answered_at: datetime | None = None
    resolved_at: datetime | None = None
    resolution: str | None = None  # unit | confirmed | office
    note: str | None = None
    age_days: int = 0
    ageing: bool = False  # unanswered for longer than the config's ageing_days
    events: list[DifficultyEventView] = field(default_factory=list)

    @property
    def is_open(self) -> bool:
        return self.state not in ("resolved", "closed")


@dataclass
class ObligationCellView:
    unit: str
    status: str  # on_time | late | missing | pending
    received_at: datetime | None = None
    source: str = ""  # mail | office
    attachments: list[str] = field(default_factory=list)
    note: str | None = None


@dataclass
class ObligationView:
    info: ObligationInfo
    deadline: datetime | None
    cells: list[ObligationCellView] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for c in self.cells if c.status == status)


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
    # Where the task stood after each update that changed it, oldest first (gateway.domain.history).
    history: list[Update] = field(default_factory=list)
    # The deadline's earlier values, oldest first (the lists' history).
    deadline_changes: list[DeadlineChangeView] = field(default_factory=list)
    archived: datetime | None = None  # when the task left the list (its page stays)
    records: list[DifficultyView] = field(default_factory=list)  # its difficulties, open and closed
    _times: list[datetime] = field(default_factory=list, repr=False, compare=False)  # history's received_at

    def deadline_on(self, day: date) -> date | None:
        """The deadline in force at the end of `day`: the one a later change replaced, or the current one."""
        for ch in self.deadline_changes:
            if day <= ch.changed_at.date():  # the day of the change still counted the old one
                return ch.old
        return self.deadline

    @property
    def earliest_deadline(self) -> date | None:
        days = [d for d in [self.deadline, *(ch.old for ch in self.deadline_changes)] if d is not None]
        return min(days) if days else None

    def as_of(self, instant: datetime) -> Update | None:
        """The task's state in force at `instant` (its last change received at or before it)."""
        i = bisect_right(self.times, instant)
        return self.history[i - 1] if i else None

    @property
    def times(self) -> list[datetime]:
        """When each state of `history` began (asked thousands of times per build: listed once)."""
        if len(self._times) != len(self.history):
            self._times = [u.received_at for u in self.history]
        return self._times

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
    # The lists' history: when it left the list or was merged (None: it is current), the unit
    # that took it over, and the units merged into this one (their history counts here).
    retired_at: datetime | None = None
    archived: bool = False  # removed from the units list (its last row is kept)
    predecessors: list[str] = field(default_factory=list)

    @property
    def successor(self) -> str:
        return self.info.successor

    @property
    def current_unit(self) -> bool:
        return self.retired_at is None

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


@dataclass(frozen=True)
class ScoreWeights:
    """The scorecard's weights (baocao.toml [scores]): score = 100 × (wR·R + wT·T + wS·S) / (wR + wT
    + wS) − min(cap, p × D), over the rates that exist for the unit and period."""

    reporting: float = 0.3
    on_time: float = 0.3
    on_schedule: float = 0.4
    overdue_day: float = 0.5
    overdue_cap: float = 20.0


@dataclass(frozen=True)
class ExemptionView:
    """An operator-declared exemption as the scores page lists it."""

    unit: str
    kind: str  # "" = every kind
    period: str  # the period, or ""
    start: date | None
    end: date | None
    reason: str


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
    weights: ScoreWeights = field(default_factory=ScoreWeights)
    exemptions: list[ExemptionView] = field(default_factory=list)
    address: str = ""  # the reporting mailbox ([mail] address): the guide names it
    help_contact: str = ""  # whom to ask ([site] help_contact)
    search: bool = True  # build the Pagefind index ([site] search)
    # The working group's loop (SPEC §8.1).
    loop: list[DifficultyView] = field(default_factory=list)  # every difficulty record, newest first
    obligations: list[ObligationView] = field(default_factory=list)
    archived_tasks: list[TaskView] = field(default_factory=list)
    successors: dict[str, str] = field(default_factory=dict)  # merged unit -> the unit it lives on in
    ageing_days: int = 7
    # How far the slow downloads may lag behind the pages under `baocao run` (s).
    downloads_interval: float = 0.0
    months: list[str] | None = None  # every month with reports or updates, oldest first (None: not counted)
    # What the builder computes once per snapshot and asks for again (site_builder.leaders).
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def open_records(self) -> list[DifficultyView]:
        return [d for d in self.loop if d.is_open]

    def unit(self, code: str) -> UnitView | None:
        return next((u for u in self.units if u.info.code == code), None)
