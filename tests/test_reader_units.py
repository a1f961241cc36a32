"""The free-writing reader's pieces (SPEC §5.1), each on the words the SPEC and the issue quote:
status modifiers, progress with its meaning, periods in words, lying charsets."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from parsers.charsets import decode_bytes
from parsers.periods import parse_period
from parsers.values import read_progress, read_status


@pytest.mark.parametrize("text", [
    "Đã hoàn thành 80%", "Sắp hoàn thành", "Cơ bản hoàn thành", "Hoàn thành giai đoạn 1",
    "Chưa hoàn thành", "hoàn thành xong phần dữ liệu cán bộ",
])
def test_completion_with_a_modifier_is_not_completed(text: str) -> None:
    r = read_status(text)
    assert r.value != "completed"
    assert r.value is None and r.problem == "status_uncertain" or r.value == "in_progress"


@pytest.mark.parametrize("text,status", [
    ("Không hoàn thành đúng hạn, đang tiếp tục thực hiện", "in_progress"),
    ("Đang hoàn thành các thủ tục nghiệm thu", "in_progress"),
    ("Hoàn thành trễ hạn 05 ngày", "completed"),
    ("hoan thanh xong roi a", "completed"),
    ("Đã xong", "completed"),
    ("Tạm ngưng (chờ kinh phí)", "paused"),
    ("chưa triển khai", "not_started"),
    ("Đã trình UBND tỉnh, chờ phê duyệt", "in_progress"),
])
def test_statuses_read_with_certainty(text: str, status: str) -> None:
    assert read_status(text).value == status
    assert read_status(unicodedata.normalize("NFD", text)).value == status


def test_in_prose_a_completed_sub_step_is_not_the_tasks_status() -> None:
    assert read_status("Sở đã hoàn thành dự thảo lần 3, gửi lấy ý kiến", prose=True).value is None
    assert read_status("NV28 xong", prose=True).value == "completed"


@pytest.mark.parametrize("text,value", [
    ("đã hoàn thành 12/20 nút giao", 60), ("3/4 khối lượng", 75), ("62,5%", 62.5),
    ("đến ngày 25/11 đạt 70%", 70), ("60 phần trăm", 60), ("ước đạt khoảng 75%", 75),
    ("Hiện đạt 60%; dự kiến đến 23/11 đạt 80%", 60), ("đạt khoảng một nửa", 50),
    ("đạt 78% (7/9 bệnh viện). Bệnh viện đã ký số 100% hồ sơ", 78),
])
def test_progress_with_its_meaning(text: str, value: float) -> None:
    r = read_progress(text)
    assert r.problem is None and r.value == pytest.approx(value, abs=0.05), r


@pytest.mark.parametrize("text,problem", [
    ("khoảng 70-80%", "progress_range"), ("từ 60 đến 65%", "progress_range"), ("0,8", "progress_uncertain"),
    ("đạt trên 90%", "progress_uncertain"), ("hơn một nửa", "progress_uncertain"),
    ("khoảng 50% (số liệu này em chưa chắc)", "progress_uncertain"),
    ("đạt 55,6% dân số (chỉ tiêu giao là 80%)", "progress_uncertain"),
    ("khoảng bảy tám chục phần trăm", "progress_uncertain"),
])
def test_uncertain_progress_is_not_recorded(text: str, problem: str) -> None:
    r = read_progress(text)
    assert r.value is None and r.problem == problem


@pytest.mark.parametrize("text,kind,ref,expected", [
    ("Báo cáo tháng 11", None, date(2026, 12, 1), ("monthly", "2026-11")),
    ("hôm qua", None, date(2026, 11, 24), ("daily", "2026-11-23")),
    ("hôm qua", None, date(2026, 11, 23), ("daily", "2026-11-20")),  # Monday: last working day
    ("tuần trước", None, date(2026, 11, 23), ("weekly", "2026-W47")),
    ("từ 16/11 đến 20/11", None, date(2026, 11, 23), ("weekly", "2026-W47")),
    ("tuần từ 16/11 đến 20/11/2026", None, date(2026, 11, 23), ("weekly", "2026-W47")),
    ("tháng này", None, date(2026, 11, 30), ("monthly", "2026-11")),
    ("Kỳ báo cáo: ngày 22 tháng 5", "daily", date(2025, 5, 22), ("daily", "2025-05-22")),
])
def test_periods_in_words(text: str, kind: str | None, ref: date, expected: tuple[str, str]) -> None:
    assert parse_period(text, kind, ref) == expected


def test_valid_utf8_wins_over_its_label() -> None:
    text = "Tiến độ: Đang thực hiện, đạt 60%"
    assert decode_bytes(text.encode("utf-8"), "iso-8859-1") == text


def _cp1258(text: str) -> bytes:
    """How Windows writes Vietnamese in cp1258: a base letter (with its hat or horn) and then the
    tone mark as a combining character, where no precomposed byte exists."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in d if c not in tones))
            out += base.encode("cp1258") + "".join(c for c in d if c in tones).encode("cp1258")
    return out


def test_windows_1258_labelled_latin_1_is_read_as_vietnamese() -> None:
    text = "Khó khăn: chưa bố trí kinh phí; tiến độ đạt 60%, đang thực hiện"
    assert decode_bytes(_cp1258(text), "iso-8859-1") == text
    assert decode_bytes(_cp1258(text), "windows-1258") == text
