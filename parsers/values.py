"""Status words and progress numbers (SPEC §5; negations and compounds first)."""

from __future__ import annotations

import re

from parsers.text import fold

# Order matters: negations and compounds before the plain words they contain.
_STATUS_RULES: list[tuple[str, str]] = [
    (r"\bchua (?:duoc )?(?:hoan thanh|xong)\b|\bnot (?:yet )?(?:completed|complete|done|finished)\b|\bincomplete\b", "in_progress"),
    (r"\bchua (?:thuc hien|trien khai|bat dau|lam|khoi dong)\b|\bnot (?:yet )?started\b|\bnot_started\b|\bto ?do\b|\bpending\b", "not_started"),
    (r"\btam (?:dung|ngung|hoan)\b|\bngung\b|\bpaused?\b|\bon hold\b|\bsuspended\b|\bdung thuc hien\b", "paused"),
    (r"\bhoan thanh\b|\bda xong\b|\bxong\b|\bcompleted?\b|\bdone\b|\bfinished\b|\bket thuc\b", "completed"),
    (r"\bdang (?:thuc hien|trien khai|tien hanh|xu ly|lam|hoan thien|thuc hien)\b|\bdang\b|\bin[ _-]?progress\b|\bongoing\b|\bon ?going\b|\bworking\b|\bdang trien\b", "in_progress"),
]
_COMPILED = [(re.compile(rx), st) for rx, st in _STATUS_RULES]


def parse_status(value: str) -> str | None:
    t = fold(value)
    if not t:
        return None
    for rx, st in _COMPILED:
        if rx.search(t):
            return st
    return None


_PCT = re.compile(r"(-?\d{1,3}(?:[.,]\d+)?)\s*(%|phan tram|percent|pct)?")


def parse_progress(value: str) -> tuple[int | None, bool]:
    """(progress 0..100, valid). An unreadable or out-of-range value is (None, False)."""
    t = fold(value)
    if not t:
        return None, True
    m = _PCT.search(t)
    if not m:
        return None, False
    try:
        n = float(m.group(1).replace(",", "."))
    except ValueError:
        return None, False
    if n < 0 or n > 100:
        return None, False
    return int(n + 0.5), True  # half up: 60,5% is 61


_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_NIL = {"", "khong", "khong co", "chua co", "none", "no", "n/a", "na", "0", "-", "--", "khong co kho khan", "khong co vuong mac", "khong co de xuat", "khong co kien nghi", "khong co kho khan vuong mac", "khong kien nghi", "khong de xuat", "nil", "x", "."}


def is_nil(value: str | None) -> bool:
    """'Không', 'Không có', '-' in a difficulties or proposals field mean there are none."""
    if value is None:
        return True
    t = fold(value).strip(" .;,")
    return t in _NIL or " ".join(_NON_ALNUM.sub(" ", t).split()) in _NIL
