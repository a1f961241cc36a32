"""The store's records as the domain rules' inputs."""

from __future__ import annotations

from datetime import datetime

from gateway.domain.calendar import WorkCalendar
from gateway.domain.compliance import Compliance, first_reports
from gateway.store import Store
from parsers.models import Directory


def compliance(store: Store, directory: Directory, cal: WorkCalendar, now: datetime) -> Compliance:
    """Every unit's compliance as of `now`, from the reports' arrivals."""
    return Compliance(cal, directory, first_reports(store.report_arrivals()), now)
