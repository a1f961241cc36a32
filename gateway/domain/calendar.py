"""Working days, deadlines and timeliness (SPEC §6). Pure: no clock; every datetime aware."""

from __future__ import annotations

import calendar as _cal
from datetime import date, datetime, time, timedelta
from functools import cached_property
from zoneinfo import ZoneInfo

import holidays

from gateway.config import Deadlines


class WorkCalendar:
    def __init__(self, rules: Deadlines, tz: ZoneInfo) -> None:
        self.rules = rules
        self.tz = tz
        self._extra_off = {date.fromisoformat(d) for d in rules.holidays}
        self._extra_on = {date.fromisoformat(d) for d in rules.working_days}
        self._dropped = {date.fromisoformat(d) for d in rules.no_holidays}

    @cached_property
    def _vn(self) -> holidays.HolidayBase:
        return holidays.country_holidays("VN", years=range(2020, 2036))

    def is_working_day(self, d: date) -> bool:
        if d in self._extra_on:
            return True
        if d in self._extra_off:
            return False
        if d in self._dropped:
            return d.weekday() < 5
        # The package knows weekends, public holidays and the government's make-up Saturdays.
        return self._vn.is_working_day(d)

    def holiday_name(self, d: date) -> str | None:
        if d in self._extra_off:
            return "Nghỉ theo quy định"
        return None if d in self._dropped else self._vn.get(d)

    def _shift(self, d: date) -> date:
        step = {"next_working_day": 1, "previous_working_day": -1}.get(self.rules.shift, 0)
        if step == 0:
            return d
        for _ in range(60):
            if self.is_working_day(d):
                return d
            d += timedelta(days=step)
        return d

    def _at(self, d: date, t: time) -> datetime:
        return datetime.combine(d, t, tzinfo=self.tz)

    def deadline(self, kind: str, period: str) -> datetime:
        """16:30 of the day; of the week's Friday; of the month's last day (shifted off days off)."""
        if kind == "daily":
            return self._at(date.fromisoformat(period), self.rules.daily)
        if kind == "weekly":
            y, w = period.split("-W")
            d = date.fromisocalendar(int(y), int(w), self.rules.weekly_weekday + 1)
            return self._at(self._shift(d), self.rules.weekly)
        year, month = (int(x) for x in period.split("-"))
        d = date(year, month, _cal.monthrange(year, month)[1])
        return self._at(self._shift(d), self.rules.monthly)

    def timeliness(self, kind: str, period: str, received_at: datetime) -> str:
        return "on_time" if received_at <= self.deadline(kind, period) else "late"

    def working_days(self, start: date, end: date) -> list[date]:
        out, d = [], start
        while d <= end:
            if self.is_working_day(d):
                out.append(d)
            d += timedelta(days=1)
        return out

    def due_periods(self, day: date) -> list[tuple[str, str]]:
        """(kind, period) whose deadline falls on this day."""
        out: list[tuple[str, str]] = []
        if self.is_working_day(day):
            out.append(("daily", day.isoformat()))
        for kind, period in (("weekly", f"{day.isocalendar()[0]}-W{day.isocalendar()[1]:02d}"), ("monthly", f"{day.year}-{day.month:02d}")):
            if self.deadline(kind, period).date() == day:
                out.append((kind, period))
        # A weekly/monthly deadline shifted into the next week/month.
        prev_day = day - timedelta(days=7)
        for kind, period in (("weekly", f"{prev_day.isocalendar()[0]}-W{prev_day.isocalendar()[1]:02d}"),):
            if self.deadline(kind, period).date() == day and (kind, period) not in out:
                out.append((kind, period))
        prev_month = day.replace(day=1) - timedelta(days=1)
        pm = ("monthly", f"{prev_month.year}-{prev_month.month:02d}")
        if self.deadline(*pm).date() == day and pm not in out:
            out.append(pm)
        return out
