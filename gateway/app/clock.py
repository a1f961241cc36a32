"""Clocks for the service (the deadline clock's events are gateway.domain.schedule).

`baocao run` asks its clock for the time and sleeps through it, so the same loop runs on the wall
clock (production), on a simulated clock started at `--now` (optionally faster, `--speed`), or on a
stepping clock whose sleeps take no real time (`--step`, and tests, which also schedule mail
deliveries on it).
"""

from __future__ import annotations

import threading
import time as _time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo


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
