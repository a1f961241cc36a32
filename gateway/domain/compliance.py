"""Who reported what, when: on_time / late / missing / pending per unit, kind and period (SPEC §6),
or `exempt` when the operator excused the unit for that period and it did not report on time
(SPEC §8.2: an exemption counts as neither missing nor late; a report on time still counts).

A period's timeliness is that of its first accepted report: a correction never changes it.
Reporting rate = received / expected; on-time rate = on time / expected (DHIS2 definitions), where
expected counts the periods whose deadline has passed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from gateway.domain.calendar import WorkCalendar
from parsers import Directory
from parsers.models import KINDS, Cell, Rates
from parsers.periods import month_of, week_of

__all__ = ["KINDS", "Cell", "Compliance", "Exemption", "FirstReport", "Rates", "current_periods", "first_reports"]


@dataclass(frozen=True)
class Exemption:
    """The operator excused `unit` (for `kind`, or every kind when empty) for one period, or for
    every period whose deadline falls within [start, end]."""

    unit: str
    kind: str = ""
    period: str = ""
    start: date | None = None
    end: date | None = None
    reason: str = ""

    def covers(self, unit: str, kind: str, period: str, deadline: datetime) -> bool:
        if unit != self.unit or (self.kind and kind != self.kind):
            return False
        if self.period:
            return period == self.period
        day = deadline.date()
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end) and (
            self.start is not None or self.end is not None)



@dataclass(frozen=True)
class FirstReport:
    received_at: datetime
    report_id: int
    count: int


def first_reports(arrivals: Iterable[tuple[str, str, str, str, int]],
                  into: dict[tuple[str, str, str], FirstReport] | None = None) -> dict[tuple[str, str, str], FirstReport]:
    """(unit, kind, period) -> its first report and how many came, from (unit, kind, period,
    received_at, report id) in arrival order (Store.report_arrivals); with `into`, the arrivals
    after those it was made from are added to it."""
    out: dict[tuple[str, str, str], FirstReport] = into if into is not None else {}
    for unit, kind, period, received_at, rid in arrivals:
        k = (unit, kind, period)
        if k in out:
            f = out[k]
            out[k] = FirstReport(f.received_at, f.report_id, f.count + 1)
        else:
            out[k] = FirstReport(datetime.fromisoformat(received_at), rid, 1)
    return out


@dataclass
class Compliance:
    cal: WorkCalendar
    directory: Directory
    firsts: dict[tuple[str, str, str], FirstReport]
    now: datetime
    _cache: dict[tuple[str, str], list[Cell]] = field(default_factory=dict)
    # Memoised lookups: a site build asks for tens of thousands of cells.
    _deadlines: dict[tuple[str, str], datetime] = field(default_factory=dict)
    _periods: dict[tuple[str, date, date], list[str]] = field(default_factory=dict)
    _reports: dict[str, frozenset[str]] | None = None
    exemptions: list[Exemption] = field(default_factory=list)
    # Units merged into a successor or removed from the list (SPEC §8.1): expected only for the
    # periods whose deadline came before they were retired (their history stays, nothing after).
    retired: dict[str, datetime] = field(default_factory=dict)

    def exemption(self, unit: str, kind: str, period: str) -> Exemption | None:
        if not self.exemptions:
            return None
        deadline = self.deadline(kind, period)
        return next((e for e in self.exemptions if e.covers(unit, kind, period, deadline)), None)

    def owes(self, unit_code: str, kind: str) -> bool:
        if self._reports is None:
            self._reports = {u.code: frozenset(u.reports) for u in self.directory.units}
        return kind in self._reports.get(unit_code, ())

    def deadline(self, kind: str, period: str) -> datetime:
        key = (kind, period)
        d = self._deadlines.get(key)
        if d is None:
            d = self._deadlines[key] = self.cal.deadline(kind, period)
        return d

    def cell(self, unit: str, kind: str, period: str) -> Cell:
        deadline = self.deadline(kind, period)
        first = self.firsts.get((unit, kind, period))
        if first:
            status = "on_time" if first.received_at <= deadline else "late"
        else:
            status = "missing" if self.now > deadline else "pending"
        if status in ("late", "missing") and self.exemptions and self.exemption(unit, kind, period):
            status = "exempt"
        if first:
            return Cell(unit, kind, period, deadline, status, first.received_at, first.count)
        return Cell(unit, kind, period, deadline, status)

    def period_cells(self, kind: str, period: str) -> list[Cell]:
        key = (kind, period)
        if key not in self._cache:
            retired = self.retired
            self._cache[key] = [self.cell(u.code, kind, period) for u in self.directory.units if kind in u.reports
                                and (u.code not in retired or self.deadline(kind, period) <= retired[u.code])]
        return self._cache[key]

    def known(self, kind: str, period: str, cells: list[Cell]) -> None:
        """The period's cells, made earlier by the caller under the same rules (a held snapshot)."""
        self._cache[(kind, period)] = cells

    def periods(self, kind: str, start: date, end: date) -> list[str]:
        """Periods of a kind that start on or before `end` and end on or after `start`."""
        key = (kind, start, end)
        if key in self._periods:
            return list(self._periods[key])
        if kind == "daily":
            out = [d.isoformat() for d in self.cal.working_days(start, end)]
        else:
            out = []
            d = start
            while d <= end:
                p = week_of(d) if kind == "weekly" else month_of(d)
                if p not in out:
                    out.append(p)
                d += timedelta(days=1)
        self._periods[key] = out
        return list(out)

    def rates(self, unit: str, start: date, end: date) -> Rates:
        r = Rates()
        for kind in KINDS:
            if not self.owes(unit, kind):
                continue
            for p in self.periods(kind, start, end):
                c = self.cell(unit, kind, p)
                if c.status != "exempt":  # an excused period is not expected
                    r.add(c)
        return r


def current_periods(cal: WorkCalendar, today: date) -> dict[str, str]:
    """The period of each kind that `today` belongs to; on a day off, the daily period is the last
    working day (nothing is due today, so that is the day leaders still care about)."""
    day = today
    for _ in range(30):
        if cal.is_working_day(day):
            break
        day -= timedelta(days=1)
    return {"daily": day.isoformat(), "weekly": week_of(today), "monthly": month_of(today)}
