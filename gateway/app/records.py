"""The store's records as the domain rules' inputs."""

from __future__ import annotations

from datetime import datetime

from gateway.domain.calendar import WorkCalendar
from gateway.domain.compliance import Compliance, FirstReport, first_reports
from gateway.store import Store
from parsers.models import Directory, UnitInfo


def with_archived(store: Store, directory: Directory) -> tuple[Directory, dict[str, datetime]]:
    """The lists with the units that left them (their last seen rows: their history stays), and
    when each retired unit (merged into a successor, or removed) stopped being expected."""
    rows = store.list_rows("unit")
    present = {u.code for u in directory.units}
    archived = [UnitInfo.model_validate(r["row"]) for code, r in rows.items() if code not in present and r["removed_at"]]
    retired = {code: datetime.fromisoformat(r["retired_at"]) for code, r in rows.items() if r["retired_at"]}
    if not archived:
        return directory, retired
    return directory.model_copy(update={"units": [*directory.units, *archived]}), retired


def compliance(store: Store, directory: Directory, cal: WorkCalendar, now: datetime,
               firsts: dict[tuple[str, str, str], FirstReport] | None = None) -> Compliance:
    """Every unit's compliance as of `now`, from the reports' arrivals (a retired unit's only for
    the periods before it retired); `firsts` when the caller holds them (gateway.app.snapshot)."""
    full, retired = with_archived(store, directory)
    for u in directory.units:
        if u.successor and u.code not in retired:
            retired[u.code] = now
    comp = Compliance(cal, full, first_reports(store.report_arrivals()) if firsts is None else firsts, now)
    comp.retired = retired
    return comp
