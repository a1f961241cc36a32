"""Status words and progress numbers (SPEC §5, §5.1): read them, or say that they cannot be read.

A reading is a value, or nothing with the reason it is uncertain. The rule is "never silently
wrong": a status word with a modifier ("sắp hoàn thành", "hoàn thành giai đoạn 1") is not
`completed`; a range, a lone decimal, a date or a target inside the text is not the progress.
Everything is matched on folded text (no diacritics, lower case).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from parsers.text import fold


@dataclass(frozen=True)
class Reading:
    """What one field's words say: a value, or none (and then `problem` says why, if anything)."""

    value: str | float | None = None
    problem: str | None = None  # a warning code: status_uncertain, progress_range, …
    quote: str = ""  # the writer's words the reading is about

    @property
    def uncertain(self) -> bool:
        return self.problem is not None


NONE = Reading()

# ---------------------------------------------------------------------------------------- status
# Each rule: (pattern on folded text, status or None for "uncertain"). Negations and compounds
# first: a rule that matches consumes its span, so the plain words inside it are not read again.
_WORD_END = r"(?![a-z0-9])"
_STATUS_RULES: list[tuple[str, str | None]] = [
    # completion that is not completion: not `completed`, and not certainly anything else either
    (r"khong (?:the )?hoan thanh[^.;]*?(?:dang |tiep tuc)", "in_progress"),
    (r"dang (?:hoan thanh|hoan thien|hoan tat)", "in_progress"),
    (r"chua (?:duoc )?(?:hoan thanh|hoan tat|xong)|not (?:yet )?(?:completed?|done|finished)|incomplete", None),
    (r"(?:sap|gan|chuan bi|du kien|phan dau|se|co ban|buoc dau|tam thoi) (?:duoc )?(?:da )?(?:hoan thanh|hoan tat|xong)", None),
    (r"(?:hoan thanh|hoan tat) co ban", None),
    (r"(?:hoan thanh|hoan tat|xong) (?:xong )?(?:giai doan|buoc|phan|dot|hang muc|khau|ky|noi dung|mot phan|\d{1,3}(?:[.,]\d+)? ?(?:%|phan tram)|\d+ ?/ ?\d+)", None),
    (r"khong hoan thanh|khong dat", None),
    (r"chua (?:thuc hien|trien khai|lam|tien hanh) (?:tiep|duoc tiep)|chua co tien trien|dung lai", None),
    (r"chua (?:thuc hien|trien khai|bat dau|lam|khoi dong|tien hanh)|not (?:yet )?started|not_started|to ?do", "not_started"),
    (r"tam (?:dung|ngung|hoan)|ngung (?:thuc hien|trien khai)|dung thuc hien|paused?|on hold|suspended", "paused"),
    (r"(?:da )?(?:hoan thanh|hoan tat)(?: xong| toan bo)?(?P<when> (?:tre|cham|qua|dung|som|truoc) ?(?:han|thoi han|tien do|ke hoach)| 100 ?%)?|da xong|xong|completed?|done|finished|ket thuc", "completed"),
    # Weak: submitted, awaiting approval — in progress only when nothing else is said.
    (r"dang trinh|(?:dang )?cho (?:phe duyet|ky ban hanh|ban hanh|tham dinh|nghiem thu)", "in_progress?"),
    (r"dang (?:thuc hien|trien khai|tien hanh|xu ly|lam|hoan thien|trien|chuan bi|xay dung|phoi hop|to chuc|ra soat|tiep tuc)|tiep tuc (?:duoc )?(?:thuc hien|trien khai)|in[ _-]?progress|ongoing|on ?going|working", "in_progress"),
]
_STATUS = [(re.compile(r"(?<![a-z0-9])(?:" + rx + r")" + _WORD_END), st) for rx, st in _STATUS_RULES]
_DANG = re.compile(r"(?<![a-z0-9])dang(?![a-z0-9])")
# What may follow "hoàn thành" in prose when it is the task's own status, not a sub-step's:
# the end of the clause, a time ("trễ hạn", "vào ngày 20/11", "trong tháng 11"), or a percentage.
_CLAUSE_END = re.compile(r"\s*(?:$|[.;,!)(|\-–—]|(?:vao|trong|tu|ngay|tre|cham|dung|som|truoc|qua|100|nhiem vu|theo|va|roi|a|nhe|oi|luon)(?![a-z]))")


def read_status(text: str | None, prose: bool = False, title: frozenset[str] = frozenset()) -> Reading:
    """The status a text states. `prose`: the words come from a sentence, not a status field —
    there "đã hoàn thành dự thảo" completes a sub-step, not the task, and is not a status —
    unless what was completed is the task itself (its `title` words: "đã hoàn thành việc cấp chữ
    ký số cho toàn bộ cán bộ" for "Triển khai chữ ký số cho cán bộ cấp xã").
    Status texts repeat from report to report: short ones are read once."""
    if not text:
        return NONE
    if len(text) <= 300:
        return _read_status_cached(text, prose, title)
    return _read_status(text, prose, title)


@lru_cache(maxsize=8192)
def _read_status_cached(text: str, prose: bool, title: frozenset[str]) -> Reading:
    return _read_status(text, prose, title)


_OBJECT_FILLER = {"viec", "cong tac", "toan bo", "cac", "nhung", "noi dung"}


def _completes_the_task(t: str, end: int, title: frozenset[str]) -> bool:
    """The words after 'hoàn thành' name the task itself (most of them are its title's), for the
    whole of it ('… tại 12/20 xã' or '… một phần' is a part)."""
    if not title:
        return False
    clause = re.split(r"[.;]", t[end:end + 120], maxsplit=1)[0]
    if re.search(r"\d+\s*/\s*\d+|\d\s*%|\b(?:tai|o|mot phan|mot so|buoc|giai doan|dot)\b", clause):
        return False
    words = [w for w in re.split(r"[^a-z0-9]+", clause) if w][:6]
    words = [w for w in words if w not in _OBJECT_FILLER]
    return len(words) >= 3 and sum(1 for w in words if w in title) >= 0.6 * len(words)


# Abbreviations of hurried writing: 'đg thực hiện', 'TT HT', 'chưa TH', 'dc 64%'.
_ABBREVIATIONS = [(re.compile(p), r) for p, r in (
    (r"(?<![a-z0-9])dg(?![a-z0-9])", "dang"), (r"(?<![a-z0-9])(da|tt|trang thai|tinh trang)\s*:?\s*ht(?![a-z0-9])", r"\1 hoan thanh"),
    (r"^ht(?![a-z0-9])", "hoan thanh"), (r"(?<![a-z0-9])(chua|dang|da)\s+th(?![a-z0-9])", r"\1 thuc hien"),
    (r"(?<![a-z0-9])dc(?![a-z0-9])", "duoc"),
)]


def _expand_abbreviations(t: str) -> str:
    if len(t) > 300:
        return t
    for rx, rep in _ABBREVIATIONS:
        t = rx.sub(rep, t)
    return t


def _read_status(text: str, prose: bool, title: frozenset[str] = frozenset()) -> Reading:
    t = _expand_abbreviations(fold(text))
    if not t:
        return NONE
    found: set[str] = set()
    weak: set[str] = set()
    unsure = False
    done_task = False
    spans: list[tuple[int, int]] = []
    for rx, st in _STATUS:
        for m in rx.finditer(t):
            if any(a < m.end() and m.start() < b for a, b in spans):
                continue
            spans.append((m.start(), m.end()))
            if st == "completed" and not m.groupdict().get("when") and not _CLAUSE_END.match(t, m.end()):
                if _completes_the_task(t, m.end(), title):
                    done_task = True  # only if nothing else is said about the task's state
                    continue
                # "đã hoàn thành các thủ tục …": something was completed, maybe not the task.
                if prose:
                    continue
                unsure = True
                continue
            if st is None:
                unsure = True
            elif st.endswith("?"):
                weak.add(st[:-1])
            else:
                found.add(st)
    if not found and not unsure and not prose and _DANG.search(t):
        found.add("in_progress")  # "Đang …" in a status field
    quote = text.strip()[:120]
    if not found and not unsure and (not prose or len(t.split()) <= 12):
        found = weak  # 'Đã trình UBND tỉnh, chờ phê duyệt' as a status, not inside a narrative
    if not found and not unsure and done_task:
        found = {"completed"}
    if len(found) > 1:
        return Reading(None, "status_uncertain", quote)
    if unsure and not found:
        return Reading(None, "status_uncertain", quote)
    if unsure and found == {"completed"}:
        return Reading(None, "status_uncertain", quote)
    if found:
        return Reading(found.pop(), None, quote)
    return Reading(None, None if prose else "unknown_status", quote)


def parse_status(value: str) -> str | None:
    """The status of a status field, or None when it cannot be read with certainty."""
    r = read_status(value)
    return r.value if isinstance(r.value, str) else None


# -------------------------------------------------------------------------------------- progress
_DATE_MARK = r"(?:ngay|den|tu|truoc|sau|luc|hom|toi|tinh den|den het|cuoi|dau|giua|vao)"
_DAY_MONTH = re.compile(
    r"(?P<mark>" + _DATE_MARK + r"\s+)?(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})(?P<y>\s*[/.\-]\s*\d{2,4})?(?![\d%])(?!\s*(?:[.,]\d|%|phan tram))"
)
_DATE_WORDS = re.compile(
    r"ngay \d{1,2}(?: thang \d{1,2})?(?: nam \d{4})?|thang \d{1,2}(?:\s*/\s*\d{4})?|nam \d{4}|quy [1-4i]+|tuan \d{1,2}"
    r"|\d{1,2} ?(?:h|g|gio)\s?\d{0,2}(?![a-z])|(?<!\d)(?:19|20)\d\d(?!\d)"
)
# A word after "a/b" that makes it a count ("12/20 xã", "3/4 khối lượng"), not a date.
_COUNT_UNIT = re.compile(r"\s*(?!(?:da|dang|hoan|xong|dat|se|chua|duoc|bao|nam|thang|ngay|va|la)(?![a-z]))[a-z]{2,}")


def _mask_dates(t: str) -> str:
    """Dates and times blanked out: '25/11', 'ngày 20 tháng 11', '16h30', '2026' are not progress."""

    def day_month(m: re.Match[str]) -> str:
        d, mo = int(m.group("d")), int(m.group("m"))
        is_date = bool(m.group("y") or m.group("mark")) or (
            1 <= d <= 31 and 1 <= mo <= 12 and not _COUNT_UNIT.match(t, m.end()))
        return " " * len(m.group(0)) if is_date else m.group(0)

    t = _DAY_MONTH.sub(day_month, t)
    return _DATE_WORDS.sub(lambda m: " " * len(m.group(0)), t)


_PCT_RANGE = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s*%?\s*(?:-|–|—|~|den|toi|hoac)\s*(\d{1,3}(?:[.,]\d+)?)\s*(?:%|phan tram)")
_PCT = re.compile(r"(-?\d{1,4}(?:[.,]\d+)?)\s*(?:%|phan tram|percent|pct)")
_FRACTION = re.compile(r"(\d{1,6})\s*/\s*(\d{1,6})(?!\s*/)")
_BOUND = re.compile(r"(?:tren|hon|gan|duoi|it nhat|toi thieu|toi da|xap xi|chua den|chua toi|khong qua)\s*$")
# A later state ('dự kiến đến 23/11 đạt 80%', 'phấn đấu đạt 90%'): not the progress, skipped.
_TARGET = re.compile(r"(?:du kien|phan dau|se dat|se|dang ky)\b[^.;]{0,30}$")
# A figure the writer takes back: '… chứ không phải 58%', 'không phải 58% mà là 85%'.
_NEGATED = re.compile(r"(?:chu|chu khong|khong) phai (?:la )?\d{1,3}(?:[.,]\d+)?\s*(?:%|phan tram)?|(?:nham|sai|ghi nham)(?: la| thanh)? \d{1,3}(?:[.,]\d+)?\s*(?:%|phan tram)?")
_EARLIER = re.compile(r"(?:tuan truoc|thang truoc|hom qua|ky truoc|lan truoc|truoc do|ky bao cao truoc|nam truoc)\b[^.;,]{0,14}$")
_EXPLICIT_BEFORE = re.compile(r"tien do\s*(?:chung|thuc hien|hien nay|hien tai|den nay)?\s*(?:la|dat|:|-)?\s*(?:khoang|uoc)?\s*$")
_EXPLICIT_AFTER = re.compile(r"\s*(?:ke hoach|khoi luong|tien do|cong viec)\b")
_DELTA = re.compile(r"(?:tang|giam|them|cao hon|thap hon|nhieu hon|it hon)\s*(?:them\s*)?(?:khoang\s*)?$")
# A quota ('chỉ tiêu giao là 80%', 'mục tiêu 80%'): beside it, an achieved rate may be of the quota or
# of the whole — which one the task's progress is cannot be known.
_QUOTA = re.compile(r"(?:ke hoach|muc tieu|chi tieu|dat muc|yeu cau|can dat|phai dat)\b[^.;]{0,30}$")
# The writer doubts the figure: 'em chưa chắc', 'số liệu tạm tính', 'sẽ báo cáo bổ sung'.
_HEDGE = re.compile(r"\b(?:chua chac|khong chac|chua chinh xac|chua duoc xac minh|tam tinh|so bo|"
                    r"can kiem tra lai|se (?:bao cao|cap nhat) (?:bo sung|lai|sau)|hoi lai|xac minh lai)\b")
_BARE = re.compile(r"^(?:(?:dat|duoc|khoang|uoc dat|uoc|tien do|hoan thanh)\s*)*(-?\d{1,4}(?:[.,]\d+)?)\s*(?:%|phan tram)?\s*[.;]?$")
_FRACTION_LEAD = re.compile(r"(?:hoan thanh|dat|duoc|xong|thuc hien|trien khai|lap dat|cap|so hoa|da)\s*$")


def _num(s: str) -> float | None:
    try:
        return float(s.replace(",", "."))
    except ValueError:
        return None


# Fractions written in words: 'một nửa', 'hai phần ba', 'ba phần tư'.
_WORD_FRACTIONS = {"mot nua": 50.0, "nua": 50.0, "mot phan ba": 100 / 3, "hai phan ba": 200 / 3,
                   "mot phan tu": 25.0, "ba phan tu": 75.0}
_WORD_FRACTION = re.compile(r"(?<![a-z])(mot nua|mot phan ba|hai phan ba|mot phan tu|ba phan tu|(?<=khoang )nua|(?<=dat )nua)(?![a-z])")
# 'bảy tám chục phần trăm', 'chín mươi phần trăm': a spoken number, often a range.
_SPOKEN_PCT = re.compile(r"(?:mot|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi|muoi|chuc|tram)\s+(?:phan tram|%)")
# Words that introduce the task's own figure ('đạt 78%', 'tiến độ 60%'), unlike a statistic ('ký số 100% hồ sơ').
_OWN_FIGURE = re.compile(r"(?:dat|tien do|duoc|hoan thanh|uoc dat|uoc|khoang|len|la)\s*$")
# What is left, not what is done: 'còn 20% khối lượng', 'còn lại 2/10 xã'.
_THEN = re.compile(r"\s*(?:→|->|=>|⇒|➝|➔)\s*\d")
_REMAINING = re.compile(r"(?:con lai|con|chi con|van con)\s*(?:khoang|chung|gan)?\s*$")


def read_progress(text: str | None, prose: bool = False) -> Reading:
    """The progress (0..100) a text states. A field ('Tiến độ: 60') may hold a bare number;
    in prose only a percentage or a fraction of something counted ('12/20 xã') is progress."""
    if not text:
        return NONE
    if len(text) <= 300:
        return _read_progress_cached(text, prose)
    return _read_progress(text, prose)


@lru_cache(maxsize=8192)
def _read_progress_cached(text: str, prose: bool) -> Reading:
    return _read_progress(text, prose)


def _read_progress(text: str, prose: bool) -> Reading:
    t = fold(text)
    if not t:
        return NONE
    quote = text.strip()[:120]
    if not prose and "\n\n" in t.strip():
        t = t.strip().split("\n\n", 1)[0]  # 'Tiến độ: 0' then a note in its own paragraph
    if _SPOKEN_PCT.search(t):
        return Reading(None, "progress_uncertain", quote)
    m = _PCT_RANGE.search(t)
    if m:
        return Reading(None, "progress_range", quote)
    if any(_HEDGE.search(x) and re.search(r"\d", x) for x in re.split(r"[.;!?]\s", t)):
        return Reading(None, "progress_uncertain", quote)  # 'khoảng 50% (số liệu này em chưa chắc…)'
    masked = _NEGATED.sub(lambda m: " " * len(m.group(0)), _mask_dates(t))  # '85% chứ không phải 58%': 85
    values: list[float] = []
    problem: str | None = None
    targets = 0
    strong: list[float] = []
    explicit: list[float] = []  # 'tiến độ đạt 65%', '82% kế hoạch': named as the progress itself
    for m in _WORD_FRACTION.finditer(masked):
        before = masked[max(0, m.start() - 40) : m.start()]
        if _BOUND.search(before):
            problem = problem or "progress_uncertain"
            continue
        if not _TARGET.search(before):
            values.append(round(_WORD_FRACTIONS[m.group(1)], 1))
    for m in _PCT.finditer(masked):
        before = masked[max(0, m.start() - 40) : m.start()]
        if _TARGET.search(before):
            continue  # "phấn đấu đạt 90%": a later state, not the present one
        if _DELTA.search(before):
            continue  # "(tăng 5% so với tuần trước)": a change, not the state
        if _EARLIER.search(before[-24:]):
            continue  # "tuần trước đạt 50%, tuần này đạt 65%": an earlier state
        if _REMAINING.search(before[-16:]):
            problem = problem or "progress_uncertain"  # 'còn 20%': the rest, never the progress
            continue
        if _THEN.match(masked, m.end()):
            continue  # '65% → 70%': the figure before the arrow is the earlier one
        if _QUOTA.search(before):
            n = _num(m.group(1))
            targets += 1 if n is not None and n < 100 else 0
            continue
        if _BOUND.search(before):
            problem = problem or "progress_uncertain"
            continue
        n = _num(m.group(1))
        if n is None or n < 0 or n > 100:
            return Reading(None, "invalid_progress", quote)
        values.append(n)
        if _OWN_FIGURE.search(before[-16:]):
            strong.append(n)
        if _EXPLICIT_BEFORE.search(before[-30:]) or _EXPLICIT_AFTER.match(masked, m.end()):
            explicit.append(n)
    if not values:
        for m in _FRACTION.finditer(masked):
            a, b = int(m.group(1)), int(m.group(2))
            before = masked[max(0, m.start() - 25) : m.start()]
            if _REMAINING.search(before[-16:]):
                problem = problem or "progress_uncertain"
                continue
            counted = bool(_COUNT_UNIT.match(masked, m.end())) or bool(_FRACTION_LEAD.search(before)) or b == 100
            if b == 0 or a > b or not counted:
                continue
            if _TARGET.search(before):
                continue
            values.append(round(100 * a / b, 1))
    if not values and not prose and problem is None:
        m = _BARE.match(masked.strip())
        if m:
            n = _num(m.group(1))
            if n is None or n < 0 or n > 100:
                return Reading(None, "invalid_progress", quote)
            if ("," in m.group(1) or "." in m.group(1)) and n <= 1 and "%" not in masked:
                return Reading(None, "progress_uncertain", quote)  # "0,8": 0.8 % or 80 %?
            values.append(n)
        elif re.search(r"\d", masked):
            return Reading(None, "invalid_progress", quote)
        elif not is_blank(t):
            return Reading(None, "invalid_progress", quote)
    distinct = sorted(set(values))
    if len(set(explicit)) == 1:
        return Reading(explicit[0], None, quote)
    if len(distinct) > 1 and len(set(strong)) == 1:
        distinct = sorted(set(strong))  # 'đạt 78% (…). Bệnh viện đã ký số 100% hồ sơ': 78
    if distinct and targets:
        # '55,6 % dân số (chỉ tiêu giao là 80 %)': of the population or of the target? Not known.
        return Reading(None, "progress_uncertain", quote)
    if len(distinct) > 1:
        return Reading(None, "progress_uncertain", quote)
    if distinct:
        return Reading(distinct[0], None, quote)
    return Reading(None, problem, quote)


def rounded(value: float) -> int:
    """The contract's integer progress: half up (62,5 % is 63)."""
    return int(value + 0.5)


def parse_progress(value: str) -> tuple[int | None, bool]:
    """(progress 0..100, valid) of a progress field. An unreadable value is (None, False)."""
    r = read_progress(value)
    if isinstance(r.value, float):
        return rounded(r.value), True
    return None, r.problem is None


# ------------------------------------------------------------------------------ nothing to report
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# The one list of "nothing to report" words (SPEC §5.1: a blank, a dash, "(không ghi)" never
# overwrites; "Không" in a difficulties field says there are none).
_NIL = {"", "khong", "khong co", "chua co", "none", "no", "n/a", "na", "0", "-", "--", "khong co kho khan", "khong co vuong mac", "khong co de xuat", "khong co kien nghi", "khong co kho khan vuong mac", "khong kien nghi", "khong de xuat", "nil", "x", "."}
# Placeholders: the field was left unfilled. Unlike "Không", they say nothing at all.
_BLANK = {"", "-", "--", "---", ".", "...", "…", "x", "khong ghi", "chua ghi", "chua cap nhat", "chua co thong tin", "de trong", "?", "trong", "blank", "tbd"}


def _key(value: str) -> str:
    t = fold(value).strip(" .;,()[]")
    return " ".join(_NON_ALNUM.sub(" ", t).split())


def is_nil(value: str | None) -> bool:
    """'Không', 'Không có', '-' in a difficulties or proposals field mean there are none."""
    if value is None:
        return True
    t = fold(value).strip(" .;,")
    return t in _NIL or _key(value) in _NIL or is_blank(value)


def is_blank(value: str | None) -> bool:
    """A field left unfilled ('', '-', '(không ghi)', 'chưa cập nhật'): it says nothing."""
    if value is None:
        return True
    t = fold(value).strip()
    return t in _BLANK or _key(value) in _BLANK or not _NON_ALNUM.sub("", t)
