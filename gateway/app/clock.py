"""Clocks for the service, and the deadline clock's events.

`baocao run` asks its clock for the time and sleeps through it, so the same loop runs on the wall
clock (production), on a simulated clock started at `--now` (optionally faster, `--speed`), or on a
stepping clock whose sleeps take no real time (`--step`, and tests, which also schedule mail
deliveries on it).
"""

from __future__ import annotations

import threading
import time as _time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from gateway.domain.calendar import WorkCalendar

# Early warnings on task deadlines are prepared once a working day, from this time on.
WARNING_TIME = time(8, 0)


class Clock(Protocol):
    real: bool  # True when sleeping takes wall-clock time (then IMAP IDLE may do the waiting)

    def now(self) -> datetime: ...

    def sleep(self, seconds: float, stop: threading.Event) -> None:
        """Wait up to `seconds` (clock seconds); return early when `stop` is set or something happened."""


class SystemClock:
    real = True

    def __init__(self, tz: ZoneInfo) -> None:
        self.tz = tz

    def now(self) -> datetime:
        return datetime.now(self.tz)

    def sleep(self, seconds: float, stop: threading.Event) -> None:
        stop.wait(max(0.0, seconds))


class SpeedClock:
    """Starts at `start` and runs `speed` times faster than the wall clock."""

    real = True

    def __init__(self, start: datetime, speed: float = 1.0) -> None:
        self.start, self.speed = start, speed
        self._t0 = _time.monotonic()

    def now(self) -> datetime:
        return self.start + timedelta(seconds=(_time.monotonic() - self._t0) * self.speed)

    def sleep(self, seconds: float, stop: threading.Event) -> None:
        stop.wait(max(0.0, seconds) / self.speed)


class StepClock:
    """Simulated time that only moves when the service sleeps; sleeping costs no real time.

    `at(when, action)` schedules something to happen at a simulated time (a test delivering mail):
    a sleep that reaches it stops there, runs it and returns, like IMAP IDLE waking on new mail.
    """

    real = False

    def __init__(self, start: datetime) -> None:
        self._now = start
        self._actions: list[tuple[datetime, int, Callable[[], None]]] = []

    def now(self) -> datetime:
        return self._now

    def at(self, when: datetime, action: Callable[[], None]) -> None:
        self._actions.append((when, len(self._actions), action))
        self._actions.sort(key=lambda a: (a[0], a[1]))

    def sleep(self, seconds: float, stop: threading.Event) -> None:
        target = self._now + timedelta(seconds=max(0.0, seconds))
        if self._actions and self._actions[0][0] <= target:
            target = max(self._now, self._actions[0][0])
        self._now = target
        while self._actions and self._actions[0][0] <= self._now:
            _, _, action = self._actions.pop(0)
            action()


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
