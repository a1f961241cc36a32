"""The one owner of the site's paths: every link to a page — in the pages themselves, in receipts,
reminders, warnings and the digest — is made here."""

from __future__ import annotations

import re

from parsers.text import fold

_SAFE_NAME = re.compile(r"[A-Za-z0-9_-]+")

STATES = {  # task filter views: state -> file stem
    "overdue": "qua-han", "not_started": "chua-thuc-hien", "in_progress": "dang-thuc-hien",
    "completed": "hoan-thanh", "paused": "tam-dung", "none": "chua-bao-cao",
}
KIND_STEM = {"daily": "ngay", "weekly": "tuan", "monthly": "thang"}
HOME = "index.html"


def slug(code: str) -> str:
    """A file name for a code: the code itself when it is URL-safe (links in receipts use it),
    else its ASCII folding."""
    if _SAFE_NAME.fullmatch(code):
        return code
    return re.sub(r"[^a-z0-9]+", "-", fold(code)).strip("-") or "x"


def unit_path(code: str) -> str:
    return f"don-vi/{slug(code)}.html"


def task_path(code: str) -> str:
    return f"nhiem-vu/{slug(code)}.html"


def archive_path(kind: str, period: str) -> str:
    return f"luu-tru/{KIND_STEM[kind]}-{period}.html"


def report_path(kind: str, period: str) -> str:
    """The formal report (.docx) of a weekly or monthly period."""
    return f"luu-tru/bao-cao-{KIND_STEM[kind]}-{period}.docx"


def programme_path(group: str) -> str:
    return f"chuong-trinh/{slug(group)}.html"


def scores_path(span_key: str = "") -> str:
    """The scores page: since the first data (""), or of a month, quarter or year ("2025-05", "2025-Q2", "2025")."""
    return f"danh-gia/{span_key}.html" if span_key else "danh-gia/index.html"


LEADERS = "danh-gia/lanh-dao.html"
DIFFICULTIES = "kho-khan/index.html"
DIFFICULTY_VIEWS = {  # the difficulties page's pre-rendered filters: view -> file
    "needs_decision": "kho-khan/can-y-kien-ubnd.html", "ageing": "kho-khan/cham-tra-loi.html",
    "done": "kho-khan/da-giai-quyet.html",
}
OBLIGATIONS = "don-vi/_nghia-vu.html"  # under Đơn vị; no unit code starts with "_"
SEARCH = "tim-kiem/index.html"


def group_path(group: str) -> str:
    return f"nhiem-vu/loc/nhom-{slug(group)}.html"


def group_state_path(group: str, state: str) -> str:
    return f"nhiem-vu/loc/nhom-{slug(group)}-{STATES[state]}.html"


def state_path(state: str) -> str:
    return f"nhiem-vu/loc/{STATES[state]}.html"


def guide_path(code: str, ext: str = "html") -> str:
    """The unit's guide page (html), its text form (txt) or its XLSX template (xlsx)."""
    stem = slug(code)
    return f"huong-dan/{stem}.html" if ext == "html" else f"huong-dan/mau-{stem}.{ext}"


def site_link(base_url: str, path: str) -> str:
    """An absolute link into the published site, or "" when no base URL is configured."""
    return base_url.rstrip("/") + "/" + path if base_url else ""
