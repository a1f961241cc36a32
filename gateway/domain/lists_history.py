"""The lists have history (SPEC §8.1): what a newly loaded list changes against the rows last seen.

Pure: the rows stored at the previous load and the rows of the list now in, the changes out
(gateway.app.history records them). A task whose deadline moved keeps the previous deadline, the
decision that moved it and the days it had been overdue before the change; a unit given a
`successor` is retired (its history and scores follow to the successor, its page stays); a row
that left the list is archived, never erased.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass
class ListChanges:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    back: list[str] = field(default_factory=list)  # archived before, in the list again


def diff(stored: dict[str, dict[str, Any]], current: dict[str, dict[str, Any]]) -> ListChanges:
    """Codes added, changed, removed and come back; `stored` maps a code to {row, removed_at, …}."""
    out = ListChanges()
    for code, row in current.items():
        before = stored.get(code)
        if before is None:
            out.added.append(code)
        elif before.get("removed_at"):
            out.back.append(code)
        elif before["row"] != row:
            out.changed.append(code)
    out.removed = [c for c, s in stored.items() if c not in current and not s.get("removed_at")]
    return out


@dataclass(frozen=True)
class DeadlineChange:
    task: str
    old: str | None
    new: str | None
    decision: str
    overdue_days: int


def overdue_days(old: date | None, on: date, completed_on: date | None) -> int:
    """Days the task had been past `old`, unfinished, by `on` (or by the day it was completed)."""
    if old is None:
        return 0
    end = min(on, completed_on) if completed_on else on
    return max(0, (end - old).days)


def deadline_change(code: str, before: dict[str, Any], after: dict[str, Any], on: date,
                    completed_on: date | None) -> DeadlineChange | None:
    old, new = before.get("deadline"), after.get("deadline")
    if old == new:
        return None
    return DeadlineChange(code, old, new, after.get("deadline_decision") or "",
                          overdue_days(date.fromisoformat(old) if old else None, on, completed_on))
