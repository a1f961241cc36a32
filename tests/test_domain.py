"""The pure rules on their own: records in, decisions out (no store, no mail, no clock)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import parsers.values
from gateway.domain import digest, replies, tasks
from parsers.models import Directory, ParsedReport, TaskInfo, TaskUpdate, UnitInfo

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
T0 = datetime(2025, 5, 20, 9, 0, tzinfo=TZ)
DIRECTORY = Directory(units=[UnitInfo(code="A", name="A"), UnitInfo(code="B", name="B")],
                      tasks=[TaskInfo(code="NV01", title="x", lead_unit="A", coordinating_units=["B"]),
                             TaskInfo(code="NV02", title="y", lead_unit="B")])


def update(unit: str, task: str, minutes: int, status: str | None = "in_progress", progress: int | None = None,
           difficulties: str | None = None) -> TaskUpdate:
    return TaskUpdate(1, unit, task, "daily", "2025-05-20", T0 + timedelta(minutes=minutes), status, progress,
                      None, difficulties, None, None, minutes)


def test_the_current_state_of_a_task_is_its_lead_units_newest_word_else_anyones() -> None:
    ups = [update("A", "NV01", 0, progress=10), update("B", "NV01", 5, progress=50), update("B", "NV02", 1)]
    current = tasks.current_by_task(ups, DIRECTORY)
    assert current["NV01"].progress == 10  # the lead (A) said 10; B's later 50 does not move it
    assert current["NV02"].unit == "B"
    only_b = tasks.current_by_task([update("B", "NV01", 5, progress=50)], DIRECTORY)
    assert only_b["NV01"].progress == 50  # nobody else reported: B's word stands
    assert tasks.newest_by_task(ups, "B")["NV01"].progress == 50


def test_digest_and_parser_share_the_nothing_to_report_words() -> None:
    assert digest.is_nil is parsers.values.is_nil
    ups = [update("A", "NV01", 0, difficulties="Không có"), update("B", "NV02", 1, difficulties="Thiếu kinh phí")]
    found = digest.new_difficulties(ups, T0 - timedelta(hours=1), T0 + timedelta(hours=1))
    assert [(d["unit"], d["text"]) for d in found] == [("B", "Thiếu kinh phí")]


def test_reply_decisions() -> None:
    accepted = ParsedReport(outcome="accepted", sender="a@x")
    assert replies.reply_kind(accepted, False) == "receipt"
    assert replies.reply_kind(ParsedReport(outcome="rejected", sender="a@x", codes=["unknown_unit"]), False) == "rejection"
    stranger = ParsedReport(outcome="rejected", sender="s@x", codes=["unknown_sender"])
    assert replies.reply_kind(stranger, False) is None and replies.reply_kind(stranger, True) == "rejection"
    thanks = ParsedReport(outcome="rejected", sender="a@x", codes=["not_a_report"], replies_to_us=True)
    assert replies.reply_kind(thanks, False) is None
    assert replies.reply_kind(ParsedReport(outcome="ignored", sender="a@x"), False) is None
    assert replies.reply_kind(ParsedReport(outcome="rejected", sender="a@x", codes=["auth_failed"]), True) is None


def test_a_blank_never_overwrites_the_last_known_state() -> None:
    # SPEC §5.1: the next report leaves status and progress blank ('-', '(không ghi)'): A's last
    # word on NV01 stands; a difficulty the person closes with 'Không' ('' in the store) does close.
    ups = [update("A", "NV01", 0, progress=40, difficulties="Chưa có kinh phí"),
           update("A", "NV01", 10, status=None, progress=None),
           update("A", "NV02", 0, difficulties="Thiếu người"), update("A", "NV02", 10, difficulties="")]
    current = tasks.current_by_task(ups, DIRECTORY)
    assert (current["NV01"].status, current["NV01"].progress) == ("in_progress", 40)
    assert current["NV01"].difficulties == "Chưa có kinh phí"  # omitted, not closed
    assert current["NV01"].received_at == T0 + timedelta(minutes=10)  # but reported today
    assert tasks.newest_by_task(ups, "A")["NV02"].difficulties == ""


def test_a_unit_the_task_is_not_assigned_to_never_sets_its_state() -> None:
    ups = [update("B", "NV02", 0, progress=30), update("A", "NV02", 5, progress=90)]  # A: not assigned
    assert tasks.current_by_task(ups, DIRECTORY)["NV02"].progress == 30
    assert tasks.current_by_task([update("A", "NV02", 5, progress=90)], DIRECTORY).get("NV02") is None


def test_an_unknown_sender_is_answered_only_from_our_own_domains_when_authenticated() -> None:
    def unknown(sender: str, authenticated: bool | None) -> ParsedReport:
        return ParsedReport(outcome="rejected", codes=["unknown_sender"], sender=sender, authenticated=authenticated)

    own = ["binhdinh.gov.vn"]
    assert replies.reply_kind(unknown("moi.skhcn@binhdinh.gov.vn", True), False, own) == "rejection"
    assert replies.reply_kind(unknown("moi.skhcn@binhdinh.gov.vn", None), False, own) is None  # no policy: forgeable
    assert replies.reply_kind(unknown("moi.skhcn@binhdinh.gov.vn", False), False, own) is None
    assert replies.reply_kind(unknown("someone@gmail.com", True), False, own) is None  # no backscatter
