"""Where each task stood at any instant: the state after every update, by the one rule of
gateway.domain.tasks (asked through its public functions, one update at a time), so that a report
on a past week shows the task as it stood at the end of that week, not as it stands today."""

from __future__ import annotations

from collections.abc import Iterable

from gateway.domain.tasks import U, current_by_task, newest_by_task
from parsers.models import Directory


def history_by_task(updates: Iterable[U], directory: Directory) -> dict[str, list[U]]:
    """task code -> the task's current state after each update that changed it, oldest first (the
    last element is current_by_task's answer). Updates in arrival order."""
    leads = {t.code: t.lead_unit for t in directory.tasks}
    unit_state: dict[tuple[str, str], U] = {}
    out: dict[str, list[U]] = {}
    for u in updates:
        key = (u.unit, u.task)
        prev = unit_state.get(key)
        merged = newest_by_task([prev, u] if prev is not None else [u])[u.task]
        unit_state[key] = merged
        lead = leads.get(u.task)
        lead_state = unit_state.get((lead, u.task)) if lead and lead != u.unit else None
        candidates = [lead_state, merged] if lead_state is not None else [merged]
        now = current_by_task(candidates, directory).get(u.task)
        if now is None:  # a unit the task is not assigned to (any more): on the timeline, not the state
            continue
        seq = out.setdefault(u.task, [])
        if not seq or seq[-1] is not now:
            seq.append(now)
    return out
