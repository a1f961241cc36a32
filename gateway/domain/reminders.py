"""Reminders before the deadline (SPEC §7): who is reminded of what at a slot.

At each configured time (default 14:30 and 16:00), every unit that has not yet reported for a period
due that day gets ONE email per time slot covering every kind due, with its pre-filled form (the
tasks it leads or supports, with its last status and progress) so that replying and editing is
enough. The outbox's UNIQUE dedupe_key is the sent-ledger: `reminder:UNIT:DATE:HH:MM` (one message
per unit, to all its addresses), so a slot is never sent twice, whatever crashes or re-runs happen.
Whether a slot is still worth sending (not late) is the scheduler's decision. Pure: the records
come in, the decisions go out (gateway.app.notify renders and queues them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time

from gateway.domain.calendar import WorkCalendar
from gateway.domain.compliance import FirstReport
from gateway.domain.tasks import newest_by_task
from parsers.models import Directory, TaskEntry, TaskUpdate, UnitInfo


@dataclass
class ReminderDue:
    """One unit to remind at a slot: what it still owes and where to write."""

    unit: UnitInfo
    missing: list[tuple[str, str, datetime]]  # (kind, period, deadline)
    addresses: list[str]
    key: str


def slot_key(slot: time) -> str:
    return f"{slot.hour:02d}:{slot.minute:02d}"


def reminder_key(unit_code: str, day: date, slot: time) -> str:
    return f"reminder:{unit_code}:{day.isoformat()}:{slot_key(slot)}"


def due_at_slot(cal: WorkCalendar, day: date, slot: time) -> list[tuple[str, str, datetime]]:
    """(kind, period, deadline) due on `day` whose deadline is still ahead at the slot time."""
    at = datetime.combine(day, slot, tzinfo=cal.tz)
    out = []
    for kind, period in cal.due_periods(day):
        deadline = cal.deadline(kind, period)
        if deadline > at:
            out.append((kind, period, deadline))
    return out


def reminders_due(cal: WorkCalendar, directory: Directory, day: date, slot: time,
                  firsts: Mapping[tuple[str, str, str], FirstReport],
                  suppressed: Callable[[str], bool]) -> tuple[list[ReminderDue], list[str]]:
    """(the units to remind, the units owing a report whose every address is suppressed)."""
    due = due_at_slot(cal, day, slot)
    out: list[ReminderDue] = []
    unreachable: list[str] = []
    if not due:
        return out, unreachable
    for unit in directory.units:
        if unit.successor:  # merged into another unit: that one reports now
            continue
        missing: list[tuple[str, str, datetime]] = [
            (k, p, d) for k, p, d in due if k in unit.reports and (unit.code, k, p) not in firsts]
        if not missing:
            continue
        addresses = [a for a in unit.emails if not suppressed(a)]
        if not addresses:
            if unit.emails:
                unreachable.append(unit.code)
            continue
        out.append(ReminderDue(unit, missing, addresses, reminder_key(unit.code, day, slot)))
    return out, unreachable


def form_tasks(updates: Iterable[TaskUpdate], directory: Directory, unit_code: str) -> list[TaskEntry]:
    """The unit's tasks (led, then supported) with the status and progress the unit itself last
    reported; a task it never reported on stays blank for the person to fill (another unit's
    values in a form returned unchanged would become this unit's word)."""
    own = newest_by_task(updates, unit_code)
    led = [t for t in directory.tasks if t.lead_unit == unit_code]
    supported = [t for t in directory.tasks if unit_code in t.coordinating_units and t.lead_unit != unit_code]
    out: list[TaskEntry] = []
    for t in led + supported:
        last = own.get(t.code)
        out.append(TaskEntry.model_validate({
            "code": t.code, "title": t.title, "status": last.status if last else None,
            "progress": last.progress if last else None, "result": last.result if last else None,
            "difficulties": last.difficulties if last else None, "proposals": last.proposals if last else None}))
    return out


def unit_tasks(directory: Directory, unit_code: str) -> list[TaskEntry]:
    """The tasks a unit leads or supports, in list order (the example form of a rejection)."""
    return [TaskEntry(code=t.code, title=t.title) for t in directory.tasks
            if t.lead_unit == unit_code or unit_code in t.coordinating_units]
