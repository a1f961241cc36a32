"""Working days, deadlines with the day-off shift, due periods and timeliness (SPEC §6)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import holidays
import pytest

from gateway.app.records import compliance as build_compliance
from gateway.config import Deadlines
from gateway.domain.calendar import WorkCalendar
from gateway.store import Store
from parsers.models import Directory, UnitInfo

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def cal(**rules: object) -> WorkCalendar:
    return WorkCalendar(Deadlines(**rules), TZ)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=TZ)


def test_holidays_package_is_pinned() -> None:
    # SPEC: the government's day swaps change yearly; the tests below rely on this exact version.
    assert holidays.__version__ == "0.109"


def test_public_holidays_are_days_off() -> None:
    c = cal()
    assert not c.is_working_day(date(2025, 4, 30))  # Reunification Day (Wednesday)
    assert not c.is_working_day(date(2025, 5, 1))  # Labour Day (Thursday)
    assert not c.is_working_day(date(2025, 5, 2))  # swapped day off (Friday)
    assert not c.is_working_day(date(2025, 9, 2))  # National Day
    assert not c.is_working_day(date(2025, 1, 29))  # Tết
    assert c.is_working_day(date(2025, 5, 5))  # an ordinary Monday
    assert not c.is_working_day(date(2025, 5, 3))  # an ordinary Saturday
    assert c.holiday_name(date(2025, 4, 30))
    assert c.due_periods(date(2025, 4, 30)) == []


def test_make_up_saturday_is_a_working_day_with_a_daily_deadline() -> None:
    c = cal()
    sat = date(2025, 4, 26)  # worked to make 2 May a day off
    assert sat.weekday() == 5 and c.is_working_day(sat)
    assert ("daily", "2025-04-26") in c.due_periods(sat)
    assert c.deadline("daily", "2025-04-26") == at("2025-04-26 16:30")


def test_operator_holidays_make_up_days_and_dropped_holidays() -> None:
    c = cal(holidays=["2025-05-20"], working_days=["2025-05-24"], no_holidays=["2025-09-01"])
    assert not c.is_working_day(date(2025, 5, 20))
    assert c.due_periods(date(2025, 5, 20)) == []
    assert c.is_working_day(date(2025, 5, 24))  # an operator's make-up Saturday
    assert c.is_working_day(date(2025, 9, 1))  # a package holiday the operator removed
    assert not c.is_working_day(date(2025, 9, 2))
    assert c.working_days(date(2025, 5, 19), date(2025, 5, 25)) == [
        date(2025, 5, 19), date(2025, 5, 21), date(2025, 5, 22), date(2025, 5, 23), date(2025, 5, 24)]


def test_friday_has_daily_and_weekly_due() -> None:
    c = cal()
    fri = date(2025, 5, 23)
    assert c.due_periods(fri) == [("daily", "2025-05-23"), ("weekly", "2025-W21")]
    assert c.deadline("weekly", "2025-W21") == at("2025-05-23 16:30")
    assert c.due_periods(date(2025, 5, 22)) == [("daily", "2025-05-22")]


def test_weekly_deadline_on_a_holiday_friday_moves_to_monday() -> None:
    c = cal()
    # Friday 2 May 2025 is a day off: the week 18 deadline moves to Monday 5 May.
    assert c.deadline("weekly", "2025-W18") == at("2025-05-05 16:30")
    assert ("weekly", "2025-W18") in c.due_periods(date(2025, 5, 5))
    assert all(k != "weekly" for k, _ in c.due_periods(date(2025, 5, 2)))


def test_month_end_on_a_weekend_shifts_by_setting() -> None:
    # 31 May 2025 is a Saturday.
    assert cal().deadline("monthly", "2025-05") == at("2025-06-02 16:30")
    assert cal(shift="as_is").deadline("monthly", "2025-05") == at("2025-05-31 16:30")
    assert cal(shift="previous_working_day").deadline("monthly", "2025-05") == at("2025-05-30 16:30")
    c = cal()
    assert c.due_periods(date(2025, 5, 31)) == []
    assert c.due_periods(date(2025, 6, 2)) == [("daily", "2025-06-02"), ("monthly", "2025-05")]
    assert ("monthly", "2025-05") in cal(shift="previous_working_day").due_periods(date(2025, 5, 30))


def test_configured_times_and_every_datetime_is_aware() -> None:
    c = cal(daily=time(17, 0), weekly=time(11, 0), weekly_weekday=3)
    d = c.deadline("daily", "2025-05-20")
    assert d == at("2025-05-20 17:00") and d.tzinfo is not None and d.utcoffset().total_seconds() == 7 * 3600
    assert c.deadline("weekly", "2025-W21") == at("2025-05-22 11:00")  # Thursday
    assert c.deadline("monthly", "2025-06").tzinfo is not None


def test_timeliness_at_the_boundary() -> None:
    c = cal()
    assert c.timeliness("daily", "2025-05-20", at("2025-05-20 16:30")) == "on_time"
    assert c.timeliness("daily", "2025-05-20", at("2025-05-20 16:30:01")) == "late"
    # An aware time in another zone compares by instant: 09:29 UTC is 16:29 in Hà Nội.
    assert c.timeliness("daily", "2025-05-20", datetime(2025, 5, 20, 9, 29, tzinfo=ZoneInfo("UTC"))) == "on_time"


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(tmp_path / "db.sqlite")


def _report(store: Store, unit: str, kind: str, period: str, received: datetime, c: WorkCalendar) -> None:
    store.store_raw(key=f"k{received.isoformat()}", message_id=None, source="t", source_ref="r", raw=b"x",
                    received_at=received, now=received)
    pk = store.db.execute("SELECT max(id) FROM messages").fetchone()[0]
    store.insert_report({"message_pk": pk, "unit": unit, "kind": kind, "period": period,
                         "received_at": received.isoformat(), "deadline": c.deadline(kind, period).isoformat(),
                         "timeliness": c.timeliness(kind, period, received), "summary": None, "sender": "a@b",
                         "subject": None}, [])


def test_late_correction_keeps_on_time_and_statuses(store: Store) -> None:
    c = cal()
    d = Directory(units=[UnitInfo(code="A", name="A"), UnitInfo(code="B", name="B"),
                         UnitInfo(code="C", name="C"), UnitInfo(code="W", name="W", reports=["weekly"])])
    _report(store, "A", "daily", "2025-05-20", at("2025-05-20 15:00"), c)
    _report(store, "A", "daily", "2025-05-20", at("2025-05-20 18:00"), c)  # a late correction
    _report(store, "B", "daily", "2025-05-20", at("2025-05-20 17:00"), c)
    before = build_compliance(store, d, c, at("2025-05-20 16:00"))
    assert before.cell("C", "daily", "2025-05-20").status == "pending"
    comp = build_compliance(store, d, c, at("2025-05-20 19:00"))
    a = comp.cell("A", "daily", "2025-05-20")
    assert (a.status, a.reports, a.received_at) == ("on_time", 2, at("2025-05-20 15:00"))
    assert comp.cell("B", "daily", "2025-05-20").status == "late"
    assert comp.cell("C", "daily", "2025-05-20").status == "missing"
    # W owes only weekly reports: it is not expected daily.
    assert [x.unit for x in comp.period_cells("daily", "2025-05-20")] == ["A", "B", "C"]
    r = comp.rates("A", date(2025, 5, 20), date(2025, 5, 20))
    assert (r.expected, r.received, r.on_time, r.late, r.missing) == (1, 1, 1, 0, 0)
    rb = comp.rates("B", date(2025, 5, 19), date(2025, 5, 20))
    assert (rb.expected, rb.received, rb.on_time, rb.late, rb.missing) == (2, 1, 0, 1, 1)
    assert rb.reporting_rate == 0.5 and rb.on_time_rate == 0.0
