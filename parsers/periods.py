"""Report kinds and periods written the ways focal points write them (SPEC §5).

Daily periods are ISO dates (2025-05-20), weekly ISO weeks (2025-W21), monthly months (2025-05).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from parsers.text import fold

Kind = str  # "daily" | "weekly" | "monthly"

_DMY = re.compile(r"(?<!\d)(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4}|\d{2}(?![\d/.]))(?!\d)")
_DM = re.compile(r"(?<!\d)(\d{1,2})\s*/\s*(\d{1,2})(?![\d/])")
_YMD = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_WORDS_DMY = re.compile(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*(?:nam|,|/)\s*(\d{4})")
_WORDS_DM = re.compile(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})(?!\s*(?:nam|,|/)?\s*\d)")
# Month names as Zimbra and people write them: 'Tháng Năm 2025', 'tháng Mười Hai năm 2025'.
_MONTH_NAMES = {"gieng": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
                "muoi": 10, "muoi mot": 11, "muoi hai": 12}
_MONTH_NAME = re.compile(r"thang\s+(muoi mot|muoi hai|muoi|gieng|hai|ba|tu|nam|sau|bay|tam|chin)\s*,?\s*(?:nam\s+)?(\d{4})")
_WEEK_NO = re.compile(r"tuan\s*(?:thu\s*|so\s*)?(\d{1,2})\s*(?:/|-|nam|,)\s*(\d{4})")
_WEEK_ISO = re.compile(r"(?<!\d)(\d{4})\s*-?\s*w\s*(\d{1,2})(?!\d)")
_MONTH_WORDS = re.compile(r"thang\s*(\d{1,2})\s*(?:/|-|nam|,|\.)\s*(\d{4})")
_MONTH_NUM = re.compile(r"(?<![\d/.\-])(\d{1,2})\s*[/\-.]\s*(\d{4})(?!\d)")
_MONTH_ISO = re.compile(r"(?<![\d\-])(\d{4})-(\d{1,2})(?![\d\-])")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_SUBJECT_KIND = re.compile(
    r"\b(?:bao cao|bc|report)\s*(?:tien do\s*|dinh ky\s*|ket qua\s*)?(hang ngay|ngay|tuan|thang|daily|weekly|monthly)\b"
)
# Words naming each kind, in the order kind_from_words tries them.
_KIND_WORDS = [
    (kind, re.compile(w))
    for kind, words in (
        ("weekly", (r"\btuan\b", r"\bweekly\b", r"\bweek\b")),
        ("monthly", (r"\bthang\b", r"\bmonthly\b", r"\bmonth\b")),
        ("daily", (r"\bngay\b", r"\bdaily\b", r"\bday\b", r"\bhang ngay\b")),
    )
    for w in words
]


def kind_from_words(text: str) -> Kind | None:
    """Kind named in a label value or subject: 'Ngày', 'Báo cáo tuần', 'monthly'."""
    t = fold(text)
    hits: list[tuple[int, Kind]] = []
    for kind, rx in _KIND_WORDS:
        m = rx.search(t)
        if m:
            hits.append((m.start(), kind))
    if not hits:
        return None
    return min(hits)[1]


def subject_kind(subject: str) -> Kind | None:
    """Kind from a subject like 'Báo cáo tuần 21' or 'BC ngày 20/5' (must follow 'báo cáo'/'BC')."""
    t = fold(subject)
    m = _SUBJECT_KIND.search(t)
    if not m:
        return None
    return kind_from_words(m.group(1))


def _year(y: str) -> int:
    n = int(y)
    return n + 2000 if n < 100 else n


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _near(ref: date, month: int, day: int) -> date | None:
    """A day written without its year: the one nearest before (or just after) the arrival date."""
    d = _safe_date(ref.year, month, day)
    if d and (d - ref).days > 45:  # '28/12' arriving on 3 January
        d = _safe_date(ref.year - 1, month, day)
    return d


def find_dates(text: str, ref: date | None = None) -> list[date]:
    t = fold(text)
    found: list[tuple[int, date]] = []
    if ref is not None:
        for rx in (_WORDS_DM, _DM):
            for m in rx.finditer(t):
                d = _near(ref, int(m.group(2)), int(m.group(1)))
                if d:
                    found.append((m.start(), d))
    for m in _WORDS_DMY.finditer(t):
        d = _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if d:
            found.append((m.start(), d))
    for m in _DMY.finditer(t):
        d = _safe_date(_year(m.group(3)), int(m.group(2)), int(m.group(1)))
        if d:
            found.append((m.start(), d))
    for m in _YMD.finditer(t):
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            found.append((m.start(), d))
    return [d for _, d in sorted(found, key=lambda x: x[0])]


def week_of(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def month_of(d: date) -> str:
    return f"{d.year}-{d.month:02d}"


def period_for(kind: Kind, d: date) -> str:
    if kind == "weekly":
        return week_of(d)
    if kind == "monthly":
        return month_of(d)
    return d.isoformat()


def _valid_week(y: int, w: int) -> bool:
    try:
        date.fromisocalendar(y, w, 1)
        return True
    except ValueError:
        return False


_TODAY = re.compile(r"\bhom nay\b|\bngay hom nay\b|\btoday\b")
_YESTERDAY = re.compile(r"\bhom qua\b|\bngay hom qua\b|\byesterday\b")
_THIS_WEEK = re.compile(r"\btuan nay\b|\btrong tuan\b|\bthis week\b")
_LAST_WEEK = re.compile(r"\btuan (?:truoc|qua|vua qua)\b|\blast week\b")
_THIS_MONTH = re.compile(r"\bthang nay\b|\btrong thang\b|\bthis month\b")
_LAST_MONTH = re.compile(r"\bthang (?:truoc|qua|vua qua)\b|\blast month\b")
_MONTH_ALONE = re.compile(r"(?<!\d )(?<!\d)\bthang\s*(\d{1,2})(?![\d/.\-])(?!\s*(?:/|-|nam|,|\.)\s*\d)")
_WEEK_ALONE = re.compile(r"\btuan\s*(?:thu\s*|so\s*)?(\d{1,2})(?![\d/])(?!\s*(?:/|-|nam|,)\s*\d)")
_RANGE = re.compile(r"\b(?:tu|từ)\s*(?:ngay\s*)?(\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?)\s*(?:den|toi|-|–)\s*(?:ngay\s*)?(\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?)")


# A date that belongs to something else in the sentence: 'tại cuộc họp … ngày 10/11/2026',
# 'Công văn số 6120/UBND-KT ngày 05/10/2026', 'Quyết định … ngày …': not the report's period.
_EVENT_DATE = re.compile(
    r"\b(?:cuoc hop|hop|hoi nghi|cong van|quyet dinh|ket luan|thong bao|to trinh|van ban|ke hoach so|"
    r"chi thi|nghi quyet|giay moi|ky|ban hanh|kiem tra|lam viec)\b[^,;:]{0,60}?"
    r"(?:ngay\s*\d{1,2}(?:\s*(?:/|-|thang)\s*\d{1,2})?(?:\s*(?:/|-|nam)\s*\d{2,4})?|\d{1,2}/\d{1,2}(?:/\d{2,4})?)")


def is_range(folded: str) -> bool:
    """'(từ ngày 23/11 đến ngày 27/11/2026)': a line that states a period as a range of days."""
    return bool(_RANGE.search(folded))


def without_event_dates(text: str) -> str:
    """The folded text with the dates of meetings, documents and decisions taken out."""
    return _EVENT_DATE.sub(" ", fold(text))


def _previous_weekday(d: date) -> date:
    d -= timedelta(days=1)
    while d.weekday() >= 5:
        d -= timedelta(days=1)
    return d


def _relative(t: str, kind: Kind | None, ref: date) -> tuple[Kind | None, str | None]:
    """Periods in words, read against the arrival date: 'hôm qua', 'tuần trước', 'tháng 11'."""
    m = _RANGE.search(t)
    if m:
        a, b = find_dates(m.group(1), ref), find_dates(m.group(2), ref)
        if a and b and b[0] >= a[0]:
            span = (b[0] - a[0]).days
            if kind == "monthly" or span >= 27:
                return "monthly", month_of(b[0])
            if kind == "weekly" or 3 <= span <= 7:
                return "weekly", week_of(b[0])
    if _LAST_MONTH.search(t):
        first = ref.replace(day=1) - timedelta(days=1)
        return "monthly", month_of(first)
    if _THIS_MONTH.search(t) and kind in (None, "monthly"):
        return "monthly", month_of(ref)
    m = _MONTH_ALONE.search(t)
    if m and 1 <= int(m.group(1)) <= 12:
        month = int(m.group(1))
        year = ref.year - 1 if month > ref.month + 1 else ref.year  # 'tháng 12' read in January
        return "monthly", f"{year}-{month:02d}"
    if _LAST_WEEK.search(t):
        return "weekly", week_of(ref - timedelta(days=7))
    if _THIS_WEEK.search(t) and kind in (None, "weekly"):
        return "weekly", week_of(ref)
    m = _WEEK_ALONE.search(t)
    if m:
        w = int(m.group(1))
        year = ref.isocalendar()[0]
        if w > ref.isocalendar()[1] + 2:
            year -= 1
        if _valid_week(year, w):
            return "weekly", f"{year}-W{w:02d}"
    if _YESTERDAY.search(t):
        d = _previous_weekday(ref)
        return (kind if kind in ("weekly", "monthly") else "daily"), period_for(kind or "daily", d)
    if _TODAY.search(t):
        return (kind if kind in ("weekly", "monthly") else "daily"), period_for(kind or "daily", ref)
    return None, None


def parse_period(text: str, kind: Kind | None, ref: date | None = None) -> tuple[Kind | None, str | None]:
    """(kind the text implies, period) — either may be None. `ref` (the arrival date) places a
    day written without its year, and reads periods in words ('hôm qua', 'tháng 11')."""
    t = fold(text)
    if not t:
        return None, None
    if ref is not None and not _DMY.search(t) and not _YMD.search(t) and not _WEEK_NO.search(t) \
            and not _MONTH_WORDS.search(t) and not _WEEK_ISO.search(t):
        rk, rp = _relative(t, kind, ref)
        if rp:
            return rk, rp
    elif ref is not None and _RANGE.search(t):
        rk, rp = _relative(t, kind, ref)
        if rp:
            return rk, rp
    if "tuan" in t or "week" in t or _WEEK_ISO.search(t):
        m = _WEEK_NO.search(t)
        if m and _valid_week(int(m.group(2)), int(m.group(1))):
            return "weekly", f"{int(m.group(2))}-W{int(m.group(1)):02d}"
        m = _WEEK_ISO.search(t)
        if m and _valid_week(int(m.group(1)), int(m.group(2))):
            return "weekly", f"{int(m.group(1))}-W{int(m.group(2)):02d}"
        dates = find_dates(t, ref)
        if dates:
            return "weekly", week_of(dates[-1])
        # "tuần từ 19/5 đến 23/5" without a year cannot be placed.
    dates = find_dates(t, ref)
    m = _MONTH_NAME.search(t)
    if m:
        return "monthly", f"{int(m.group(2))}-{_MONTH_NAMES[m.group(1)]:02d}"
    m = _MONTH_WORDS.search(t)
    if m and not _WORDS_DMY.search(t) and 1 <= int(m.group(1)) <= 12:
        return "monthly", f"{int(m.group(2))}-{int(m.group(1)):02d}"
    if dates:
        d = dates[0]
        if kind in ("weekly", "monthly"):
            return kind, period_for(kind, d)
        return "daily", d.isoformat()
    for rx in (_MONTH_NUM,):
        m = rx.search(t)
        if m and 1 <= int(m.group(1)) <= 12:
            return "monthly", f"{int(m.group(2))}-{int(m.group(1)):02d}"
    m = _MONTH_ISO.search(t)
    if m and 1 <= int(m.group(2)) <= 12:
        return "monthly", f"{int(m.group(1))}-{int(m.group(2)):02d}"
    return None, None


def convert_period(period: str, kind: Kind) -> str | None:
    """Re-express a period for another kind where that is unambiguous (a day -> its week/month)."""
    if _ISO_DAY.fullmatch(period):
        return period_for(kind, date.fromisoformat(period))
    return None


def infer_period(kind: Kind, received_at: datetime) -> str:
    return period_for(kind, received_at.date())
