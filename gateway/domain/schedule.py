"""The deadline clock's events: reminder slots, deadlines, early warnings, midnight (pure: the
calendar and a time in, events out)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from gateway.domain.calendar import WorkCalendar

# Early warnings on task deadlines are prepared once a working day, from this time on.
WARNING_TIME = time(8, 0)


@dataclass(frozen=True, order=True)
class Event:
    at: datetime
    kind: str  # "reminder" | "deadline" | "midnight" | "warnings"


def day_events(cal: WorkCalendar, reminder_times: list[time], day: date) -> list[Event]:
    """The deadline clock of one day: reminder slots (only when something is due that day),
    deadlines (digest, site rebuild), early warnings on working days, and midnight."""
    tz = cal.tz
    out = [Event(datetime.combine(day, time(0, 0), tzinfo=tz), "midnight")]
    due = cal.due_periods(day)
    if due:
        for t in reminder_times:
            out.append(Event(datetime.combine(day, t, tzinfo=tz), "reminder"))
        for d in {cal.deadline(k, p) for k, p in due}:
            out.append(Event(d, "deadline"))
    if cal.is_working_day(day):
        out.append(Event(datetime.combine(day, WARNING_TIME, tzinfo=tz), "warnings"))
    return sorted(out)


def events_between(cal: WorkCalendar, reminder_times: list[time], start: datetime, end: datetime) -> list[Event]:
    """Events with start < at <= end."""
    out: list[Event] = []
    day = start.astimezone(cal.tz).date()
    last = end.astimezone(cal.tz).date()
    while day <= last:
        out += [e for e in day_events(cal, reminder_times, day) if start < e.at <= end]
        day += timedelta(days=1)
    return out


def next_event(cal: WorkCalendar, reminder_times: list[time], after: datetime) -> Event:
    day = after.astimezone(cal.tz).date()
    for _ in range(3):
        later = [e for e in day_events(cal, reminder_times, day) if e.at > after]
        if later:
            return later[0]
        day += timedelta(days=1)
    return Event(datetime.combine(day, time(0, 0), tzinfo=cal.tz), "midnight")
