"""The latest state of a task — the one implementation (the site, the digest, the early warnings
and the reminders' pre-filled forms all ask here).

A task's current state is its lead unit's newest update, else anyone's newest (a coordinating
unit may report before the lead does). A unit's own word on a task is that unit's newest update.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from parsers.models import Directory


class _Update(Protocol):
    @property
    def unit(self) -> str: ...

    @property
    def task(self) -> str: ...


U = TypeVar("U", bound=_Update)


def newest_by_task(updates: Iterable[U], unit: str | None = None) -> dict[str, U]:
    """task code -> the newest update (of `unit` only, when given); updates in arrival order."""
    out: dict[str, U] = {}
    for u in updates:
        if unit is None or u.unit == unit:
            out[u.task] = u
    return out


def current_by_task(updates: Iterable[U], directory: Directory) -> dict[str, U]:
    """task code -> the update that says where the task stands: the lead unit's newest, else
    anyone's newest; updates in arrival order."""
    leads = {t.code: t.lead_unit for t in directory.tasks}
    lead_last: dict[str, U] = {}
    any_last: dict[str, U] = {}
    for u in updates:
        any_last[u.task] = u
        if leads.get(u.task) == u.unit:
            lead_last[u.task] = u
    return {**any_last, **lead_last}
