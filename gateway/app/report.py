"""`baocao report`: the formal aggregate report (.docx, SPEC §8.2) for a week, a month or any date
range, from the same snapshot the site is built from (site_builder.report writes it)."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from gateway.app.instance import Instance
from gateway.app.snapshot import take
from gateway.errors import UserError
from site_builder import report as formal
from site_builder.leaders import Span, month_span, range_span, week_span

_WEEK = re.compile(r"(\d{4})-?W(\d{1,2})", re.IGNORECASE)
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")


@dataclass
class Written:
    path: Path
    span: Span
    bytes: int
    seconds: float


def parse_span(week: str | None = None, month: str | None = None, start: str | None = None,
               end: str | None = None) -> Span:
    """--week 2026-W47 | --month 2026-11 | --from 2026-11-02 --to 2026-11-20."""
    if week:
        m = _WEEK.fullmatch(week.strip())
        if not m or not 1 <= int(m[2]) <= 53:
            raise UserError(f"--week {week!r}: write the ISO week as YYYY-Www, e.g. 2026-W47")
        try:
            return week_span(f"{m[1]}-W{int(m[2]):02d}")
        except ValueError as exc:
            raise UserError(f"--week {week!r}: {exc}") from exc
    if month:
        m = _MONTH.fullmatch(month.strip())
        if not m or not 1 <= int(m[2]) <= 12:
            raise UserError(f"--month {month!r}: write the month as YYYY-MM, e.g. 2026-11")
        return month_span(f"{m[1]}-{int(m[2]):02d}")
    if start and end:
        try:
            a, b = date.fromisoformat(start), date.fromisoformat(end)
        except ValueError as exc:
            raise UserError(f"--from/--to: dates are YYYY-MM-DD ({exc})") from exc
        if b < a:
            raise UserError("--to is before --from")
        return range_span(a, b)
    raise UserError("say which period: --week YYYY-Www, --month YYYY-MM, or --from YYYY-MM-DD --to YYYY-MM-DD")


def default_name(span: Span) -> str:
    return f"bao-cao-tong-hop-{span.key}.docx"


def report_bytes(inst: Instance, span: Span, now: datetime) -> bytes:
    snap = take(inst.cfg, inst.store, inst.directory, now)
    return formal.report_for(snap, span, inst.theme.messages, inst.theme.report_template())


def write_report(inst: Instance, span: Span, now: datetime, output: Path | None = None) -> Written:
    t0 = time.perf_counter()
    data = report_bytes(inst, span, now)
    path = output or Path(default_name(span))
    if path.is_dir():
        path = path / default_name(span)
    path.write_bytes(data)
    return Written(path, span, len(data), time.perf_counter() - t0)
