"""The Vietnamese message catalogue (templates/messages/vi.toml) and period labels."""

from __future__ import annotations

import tomllib
from datetime import date
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from parsers.models import ParsedReport

BUNDLED_TEMPLATES = Path(str(files("templates")))


@lru_cache(maxsize=4)
def catalogue(templates_dir: str = "") -> dict[str, dict[str, str]]:
    data = tomllib.loads((BUNDLED_TEMPLATES / "messages" / "vi.toml").read_text(encoding="utf-8"))
    if templates_dir:
        custom = Path(templates_dir) / "messages" / "vi.toml"
        if custom.exists():
            for section, items in tomllib.loads(custom.read_text(encoding="utf-8")).items():
                data.setdefault(section, {}).update(items)
    return data


class _Safe(dict):
    def __missing__(self, key: str) -> str:
        return "?"


def fill_messages(report: ParsedReport, templates_dir: str = "") -> ParsedReport:
    cat = catalogue(templates_dir)
    for w in report.warnings:
        if not w.message:
            text = cat["warnings"].get(w.code, w.code)
            w.message = text.format_map(_Safe(task=w.task or "", **w.params))
    return report


def reason_text(code: str, templates_dir: str = "") -> str:
    return catalogue(templates_dir)["reasons"].get(code, code)


def period_label(kind: str, period: str, templates_dir: str = "") -> str:
    """'Ngày 20/05/2025', 'Tuần 21/2025 (19/05–23/05)', 'Tháng 05/2025' (formats in vi.toml)."""
    fmt = catalogue(templates_dir)["period_formats"]
    if kind == "daily":
        return fmt["daily"].format(day=f"{date.fromisoformat(period):%d/%m/%Y}")
    if kind == "weekly":
        y, w = period.split("-W")
        mon = date.fromisocalendar(int(y), int(w), 1)
        fri = date.fromisocalendar(int(y), int(w), 5)
        return fmt["weekly"].format(week=int(w), year=y, start=f"{mon:%d/%m}", end=f"{fri:%d/%m}")
    y, m = period.split("-")
    return fmt["monthly"].format(month=m, year=y)


def period_input(kind: str, period: str, templates_dir: str = "") -> str:
    """The period as a focal point writes it in a form: '20/05/2025', 'Tuần 21/2025', 'Tháng 5/2025'."""
    fmt = catalogue(templates_dir)["period_input"]
    if kind == "daily":
        return fmt["daily"].format(day=f"{date.fromisoformat(period):%d/%m/%Y}")
    if kind == "weekly":
        y, w = period.split("-W")
        return fmt["weekly"].format(week=int(w), year=y)
    y, m = period.split("-")
    return fmt["monthly"].format(month=int(m), year=y)
