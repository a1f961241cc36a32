"""Where each task stood at any instant: the state after every update, by the one rule of
gateway.domain.tasks, so that a report on a past week shows the task as it stood at the end of
that week, not as it stands today.

`TaskStates` folds the updates one at a time and can be fed more later (the site builder holds
one between builds, so a new report costs its own updates, not the whole history)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic

from gateway.domain.tasks import U, merged
from parsers.models import Directory


class TaskStates(Generic[U]):
    """The running fold: each unit's own word on each task (its newest update with blanks filled,
    `newest_by_task`), and each task's state after every update that changed it (its last element
    is `current_by_task`'s answer)."""

    def __init__(self, directory: Directory) -> None:
        self._tasks = {t.code: t for t in directory.tasks}
        self.unit_state: dict[tuple[str, str], U] = {}
        self.history: dict[str, list[U]] = {}

    def add(self, u: U) -> None:
        """The next update, in arrival order."""
        key = (u.unit, u.task)
        mine = merged(self.unit_state.get(key), u)
        self.unit_state[key] = mine
        info = self._tasks.get(u.task)
        if info is None:  # not in the lists (unknown_task): its reporter's newest word
            now = mine
        elif u.unit == info.lead_unit:
            now = mine
        elif u.unit in info.coordinating_units:
            now = self.unit_state.get((info.lead_unit, u.task), mine)  # the lead's word wins once given
        else:  # a unit the task is not assigned to (any more): on the timeline, not the state
            return
        seq = self.history.setdefault(u.task, [])
        if not seq or seq[-1] is not now:
            seq.append(now)

    def current(self, task: str) -> U | None:
        seq = self.history.get(task)
        return seq[-1] if seq else None


def history_by_task(updates: Iterable[U], directory: Directory) -> dict[str, list[U]]:
    """task code -> the task's current state after each update that changed it, oldest first (the
    last element is current_by_task's answer). Updates in arrival order."""
    states: TaskStates[U] = TaskStates(directory)
    for u in updates:
        states.add(u)
    return states.history
