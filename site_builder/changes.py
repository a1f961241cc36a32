"""What a build renders: every page, or only the pages that new records touch (SPEC §7: the site
follows the mail within seconds). Pure: the snapshot and the changes in, the page keys out.

A page is left out only when nothing it shows can have changed; anything else that changes the
site (the day, a deadline passing, the lists, the config, the templates, a record rewritten or
removed) makes the gateway ask for a full build. `tests/test_incremental.py` checks that an
instance built this way after every batch of a simulated month has the same bytes as one built
in full every time."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from site_builder.exports import month_of
from site_builder.leaders import Span
from site_builder.snapshot import Snapshot


@dataclass(frozen=True)
class Changes:
    """Since the published build: the reports and task updates with a row id above these, the
    (unit, task) of each difficulty record that changed (raised, answered, closed, …), and from
    when on their story changed (a formal report over an earlier span shows them as they stood)."""

    after_report: int
    after_update: int
    difficulties: frozenset[tuple[str, str]] = frozenset()
    difficulties_since: datetime | None = None  # the earliest instant those records changed at
    # Make the slow downloads again: the whole-history exports, the site's workbook and the formal
    # reports of running periods (else the published ones are kept; a report says when its
    # numbers are from).
    downloads: bool = True


@dataclass
class Affected:
    units: set[str] = field(default_factory=set)  # unit pages
    guides: set[str] = field(default_factory=set)  # the units whose own word (their pre-filled form) changed
    tasks: set[str] = field(default_factory=set)
    periods: set[tuple[str, str]] = field(default_factory=set)  # (kind, period) pages
    months: set[str] = field(default_factory=set)  # history export months
    dates: set[date] = field(default_factory=set)  # deadline days of the changed periods
    today: date | None = None
    since: date | None = None  # every span that ends on or after this day (difficulty records changed)
    downloads: bool = True  # the slow downloads are made again (Changes.downloads)

    def span(self, span: Span) -> bool:
        """A formal report or a scorecard over `span` may have changed: it is still running (it
        shows the tasks as they stand), or a changed period falls in it."""
        return any(day is not None and span.end >= day for day in (self.today, self.since)) or any(
            span.start <= d <= span.end for d in self.dates)


def affected(snap: Snapshot, changes: Changes) -> Affected:
    a = Affected(today=snap.today, downloads=changes.downloads)
    deadlines = {(pv.kind, pv.period): pv.deadline for pv in snap.periods}
    for r in snap.reports:  # in arrival order, not id order: every one is looked at
        if r["id"] <= changes.after_report:
            continue
        a.units.add(r["unit"])
        a.guides.add(r["unit"])
        a.periods.add((r["kind"], r["period"]))
        a.months.add(month_of(datetime.fromisoformat(r["received_at"]), snap))
    for u in snap.updates:
        if u.id > changes.after_update:
            a.units.add(u.unit)
            a.guides.add(u.unit)
            a.tasks.add(u.task)
            a.periods.add((u.kind, u.period))
            a.months.add(month_of(u.received_at, snap))
    for unit, task in changes.difficulties:
        a.units.add(unit)
        a.tasks.add(task)
    infos = {t.info.code: t.info for t in [*snap.tasks, *snap.archived_tasks]}
    for code in list(a.tasks):  # a unit's page shows the state of the tasks it leads or supports
        info = infos.get(code)
        if info is not None:
            a.units.add(info.lead_unit)
            a.units.update(info.coordinating_units)
    for code in list(a.units):  # a successor's rates count its predecessors' periods
        if code in snap.successors:
            a.units.add(snap.successors[code])
    a.dates = {deadlines[k].date() for k in a.periods if k in deadlines}
    if changes.difficulties_since is not None:
        a.since = changes.difficulties_since.astimezone(snap.now.tzinfo).date()
    return a
