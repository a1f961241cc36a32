"""The latest state of a task — the one implementation (the site, the digest, the early warnings
and the reminders' pre-filled forms all ask here).

A task's current state is its lead unit's newest update, else anyone's newest (a coordinating
unit may report before the lead does). A unit's own word on a task is that unit's newest update.
A field the newest update left blank (or carried forward: 'như báo cáo hôm qua') keeps that unit's
last known value (SPEC §5.1: a blank never overwrites); an empty difficulties text is the person's
own 'Khó khăn: Không' and does replace an earlier difficulty.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any, Protocol, TypeVar

from parsers.models import Directory


class _Update(Protocol):
    @property
    def unit(self) -> str: ...

    @property
    def task(self) -> str: ...


U = TypeVar("U", bound=_Update)


_KEPT = ("status", "progress", "difficulties", "proposals")


def merged(old: U | None, new: U) -> U:
    """The newest update with the fields it left blank taken from the same unit's previous state."""
    if old is None:
        return new
    fill: dict[str, Any] = {f: getattr(old, f) for f in _KEPT
                            if getattr(new, f, None) is None and getattr(old, f, None) is not None}
    if not fill:
        return new
    merged: U = dataclasses.replace(new, **fill)  # type: ignore[type-var]
    return merged


def _by_unit_task(updates: Iterable[U]) -> Iterable[U]:
    """Each update merged with its unit's earlier state of the same task, in arrival order."""
    state: dict[tuple[str, str], U] = {}
    for u in updates:
        key = (u.unit, u.task)
        m = merged(state.get(key), u)
        state[key] = m
        yield m


def newest_by_task(updates: Iterable[U], unit: str | None = None) -> dict[str, U]:
    """task code -> the newest update (of `unit` only, when given); updates in arrival order."""
    out: dict[str, U] = {}
    for u in _by_unit_task(updates):
        if unit is None or u.unit == unit:
            out[u.task] = u
    return out


def current_by_task(updates: Iterable[U], directory: Directory) -> dict[str, U]:
    """task code -> the update that says where the task stands: the lead unit's newest, else a
    coordinating unit's newest; updates in arrival order. A unit the task is not assigned to is
    on the task's timeline (warned, task_not_assigned) but never sets its state. A task that is
    not in the lists (unknown_task) keeps its reporter's newest."""
    tasks = {t.code: t for t in directory.tasks}
    lead_last: dict[str, U] = {}
    any_last: dict[str, U] = {}
    for u in _by_unit_task(updates):
        info = tasks.get(u.task)
        if info is None or u.unit == info.lead_unit or u.unit in info.coordinating_units:
            any_last[u.task] = u
        if info is not None and info.lead_unit == u.unit:
            lead_last[u.task] = u
    return {**any_last, **lead_last}


def form_unchanged(entries: Iterable[Any], last: dict[str, Any]) -> bool:
    """Every task of a report says exactly what the unit said last time (a pre-filled form
    returned as it was): the receipt tells the person, who may have meant to edit it."""
    entries = list(entries)
    if not entries:
        return False
    for e in entries:
        before = last.get(e.code)
        if before is None or getattr(e, "carried_forward", False):
            return False
        for f in ("status", "progress", "result", "difficulties", "proposals"):
            if (getattr(e, f) or None) != (getattr(before, f) or None):
                return False
    return True
