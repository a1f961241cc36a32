"""Report labels, matched on folded text (case, diacritics and punctuation do not matter)."""

from __future__ import annotations

import re
from functools import lru_cache

from parsers.text import clean_line, fold_key

# folded label -> field. Header fields, task fields, the summary, and stoppers (known labels that
# are not ours: they end the value above them).
LABELS: dict[str, str] = {}


def _add(field: str, *names: str) -> None:
    for n in names:
        LABELS[fold_key(n)] = field


_add("unit", "Đơn vị", "Tên đơn vị", "Đơn vị báo cáo", "Cơ quan", "Cơ quan báo cáo", "Đơn vị thực hiện", "Unit")
_add("kind", "Loại báo cáo", "Loại", "Hình thức báo cáo", "Loại kỳ báo cáo", "Chế độ báo cáo", "Report type", "Kind")
_add("period", "Kỳ báo cáo", "Kỳ", "Ngày báo cáo", "Thời gian báo cáo", "Kỳ báo cáo ngày", "Period", "Report period")
_add("task", "Nhiệm vụ", "Mã nhiệm vụ", "Mã NV", "Task", "Nhiệm vụ số")
# A task's title on its own label: joins the block its code opened (or opens one, found by title).
_add("title", "Tên nhiệm vụ", "Nội dung nhiệm vụ", "Task title")
_add("status", "Tình trạng", "Trạng thái", "Tình trạng thực hiện", "Tình hình thực hiện", "Status")
_add("progress", "Tiến độ", "Tiến độ (%)", "Tiến độ thực hiện", "Tỷ lệ hoàn thành", "Tỉ lệ hoàn thành", "% hoàn thành", "Mức độ hoàn thành", "Progress")
_add("result", "Kết quả", "Kết quả đạt được", "Kết quả thực hiện", "Kết quả triển khai", "Result", "Results")
_add(
    "difficulties",
    "Khó khăn, vướng mắc", "Khó khăn vướng mắc", "Khó khăn/vướng mắc", "Khó khăn", "Vướng mắc",
    "Tồn tại, hạn chế", "Khó khăn, vướng mắc, điểm nghẽn", "Điểm nghẽn", "Difficulties", "Issues",
)
_add(
    "proposals",
    "Đề xuất, kiến nghị", "Kiến nghị, đề xuất", "Kiến nghị", "Đề xuất", "Đề xuất kiến nghị",
    "Đề nghị", "Proposals", "Recommendations",
)
_add("notes", "Ghi chú", "Lưu ý", "Notes", "Note")
_add("summary", "Tình hình chung", "Tình hình", "Tóm tắt", "Tổng quan", "Summary", "General situation")
_add(
    "stop",
    "Kính gửi", "Người báo cáo", "Người gửi", "Người lập", "Điện thoại", "Số điện thoại", "ĐT",
    "Email", "Chức vụ", "Nơi nhận", "Đầu mối", "Cán bộ đầu mối", "Người ký", "Fax",
)

HEADER_FIELDS = ("unit", "kind", "period")
TASK_FIELDS = ("status", "progress", "result", "difficulties", "proposals", "notes")

# Numbering and bullets in front of a label: "I.", "1.", "1.1.", "a)", "-", "+", "•", "|", "*".
_BULLET = re.compile(
    r"^\s*(?:(?:[IVXivx]{1,4}|\d{1,2}(?:\.\d{1,2})*|[a-zA-Zđ])[./)]\s+|\(\w{1,3}\)\s*|[-+•*·–—▪●◦■□➢►>|]+\s*)*"
)
_LABEL = re.compile(r"^(?P<label>[^:]{1,48}?)\s*:\s?(?P<value>.*)$")
_MARKUP = re.compile(r"^[*_]+|[*_]+$")
_TASK_NO_COLON = re.compile(r"^(ma nhiem vu|nhiem vu|task)\s+(so\s+)?(?=[a-z]{1,8}[\s\-._]?\d)")


# A label with a time qualifier: 'Kết quả trong tuần', 'Tiến độ đến nay', 'Khó khăn trong tháng'.
_QUALIFIER = re.compile(r"^(?:trong (?:tuan|thang|ngay|ky)(?: nay| qua)?|den nay|hien nay|hien tai|chung|(?:tuan|thang|ky|ngay) nay|hom nay|dat duoc)$")


def _qualified(key: str) -> str | None:
    words = key.split()
    for n in range(len(words) - 1, 0, -1):
        field = LABELS.get(" ".join(words[:n]))
        if field in ("status", "progress", "result", "difficulties", "proposals", "notes", "summary") and \
                _QUALIFIER.match(" ".join(words[n:])):
            return field
    return None


def strip_bullet(line: str) -> str:
    return _BULLET.sub("", line, count=1)


def match_label(line: str) -> tuple[str, str] | None:
    """('status', 'Đang thực hiện') for '  2. TÌNH TRẠNG :  Đang thực hiện'.
    Every line of a body is tried; label lines and boilerplate repeat from report to report, so
    short lines are matched once (the result is an immutable tuple or None)."""
    if len(line) <= 200:
        return _match_label_cached(line)
    return _match_label(line)


@lru_cache(maxsize=8192)
def _match_label_cached(line: str) -> tuple[str, str] | None:
    return _match_label(line)


def _match_label(line: str) -> tuple[str, str] | None:
    text = strip_bullet(clean_line(line)).strip()
    m = _LABEL.match(text)
    if m:
        key = fold_key(_MARKUP.sub("", m.group("label")))
        field = LABELS.get(key) or _qualified(key)
        if field:
            return field, _MARKUP.sub("", m.group("value")).strip(" |*_\t")
    # A label without a colon: "Tình hình chung" as a heading, "Nhiệm vụ NV01 - ...". Only the
    # start of a line can be such a label: long lines are not folded whole.
    key = fold_key(text[:48])
    if len(text) <= 48 and LABELS.get(key) == "summary":
        return "summary", ""
    m2 = _TASK_NO_COLON.match(key)
    if m2:
        skip = len(m2.group(1).split()) + (1 if m2.group(2) else 0)
        return "task", " ".join(text.split()[skip:])
    return None
