"""One-off obligations (SPEC §8.1): a duty of the dispatch with one deadline — each unit's plan
with the "5 rõ" by 20/5, its focal point named by 19/5 — tracked like a report: per unit
`on_time`, `late`, `missing` (deadline passed, nothing received) or `pending`. Pure.

A message fulfils an obligation when it names it — its code as a word, or its whole title
(folded) — in the subject or the writer's own text; the Office may also mark one done.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from parsers.models import ObligationInfo, UnitInfo
from parsers.text import fold_key

TITLE_MIN = 10  # a title shorter than this (folded) is not matched on its own


def deadline_at(o: ObligationInfo, at: time, tz: ZoneInfo) -> datetime | None:
    return datetime.combine(date.fromisoformat(o.deadline), at, tzinfo=tz) if o.deadline else None


def owed_by(o: ObligationInfo, units: Iterable[UnitInfo]) -> list[str]:
    """The units that owe it (the list's `units`, empty = every unit that is not merged away)."""
    codes = [u.code for u in units if not u.successor]
    return [c for c in codes if c in o.units] if o.units else codes


def named(text: str, obligations: Iterable[ObligationInfo]) -> list[ObligationInfo]:
    """The obligations a text names, by code (as a word) or by its whole title."""
    key = " " + fold_key(text) + " "
    out = []
    for o in obligations:
        code = fold_key(o.code)
        title = fold_key(o.title)
        by_code = bool(code) and re.search(r"(?<![\w])" + re.escape(o.code) + r"(?![\w])", text, re.IGNORECASE)
        if by_code or (len(title) >= TITLE_MIN and " " + title + " " in key) or (code and " " + code + " " in key
                                                                                   and len(code) >= 4):
            out.append(o)
    return out


@dataclass
class ObligationCell:
    unit: str
    status: str  # on_time | late | missing | pending
    received_at: datetime | None = None
    source: str = ""  # mail | office
    attachments: list[str] | None = None
    note: str | None = None


def cells(o: ObligationInfo, owing: list[str], records: list[dict[str, Any]], deadline: datetime | None,
          now: datetime) -> list[ObligationCell]:
    """One cell per owing unit: its first record decides the timeliness (like a report's period)."""
    first: dict[str, dict[str, Any]] = {}
    for r in sorted(records, key=lambda r: r["received_at"]):
        if r["obligation"] == o.code:
            first.setdefault(r["unit"], r)
    out = []
    for code in owing:
        got = first.get(code)
        if got is not None:
            at = datetime.fromisoformat(got["received_at"])
            status = "on_time" if deadline is None or at <= deadline else "late"
            out.append(ObligationCell(code, status, at, got["source"], got.get("attachments") or [], got.get("note")))
        else:
            out.append(ObligationCell(code, "missing" if deadline is not None and now > deadline else "pending"))
    return out
