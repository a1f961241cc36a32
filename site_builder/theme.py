"""The one owner of templates and messages: the bundled folder (shipped inside the distribution,
found through importlib.resources) and the operator's override folder in front of it.

A Theme builds the Jinja2 environments (e-mail as text, the site as autoescaped HTML) and the
message catalogue (templates/messages/vi.toml, overridden key by key), so a text the operator
changed reaches every place that shows it: receipts and rejections, reminders, the digest, the
site's pages and forms, the exports and the charts. Callers receive a Theme, never a folder string.
Themes are values: equal folders share one set of compiled templates.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import jinja2

from parsers.models import TaskEntry, UnitInfo

Catalogue = dict[str, dict[str, str]]
EXTRA_CATALOGUES = ("leaders.toml",)
REPORT_TEMPLATE = "bao-cao-tong-hop.docx"


def bundled_dir() -> Path:
    """The bundled templates: the `templates` package's folder (in a checkout or an install)."""
    root = files("templates")
    if not isinstance(root, Path):
        raise RuntimeError(f"the templates package must be installed as files, not in an archive ({root})")
    return root


def _dt(value: datetime | str | None, fmt: str = "%H:%M %d/%m/%Y") -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.strftime(fmt)


def _d(value: date | str | None, fmt: str = "%d/%m/%Y") -> str:
    if not value:
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    return value.strftime(fmt)


class _Safe(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


@dataclass(frozen=True)
class Theme:
    """Templates and messages: `override` (the folder named by `templates` in baocao.toml), then
    the bundled ones."""

    override: Path | None = None

    @property
    def bundled(self) -> Path:
        return bundled_dir()

    @property
    def search_path(self) -> list[Path]:
        return ([self.override] if self.override else []) + [self.bundled]

    # -- messages
    @property
    def messages(self) -> Catalogue:
        return _catalogue(self)

    def reason(self, code: str) -> str:
        return self.messages["reasons"].get(code, code)

    def warning(self, code: str, task: str | None, params: dict[str, str]) -> str:
        text = self.messages["warnings"].get(code, code)
        return text.format_map(_Safe(task=task or "", **params))

    def period_label(self, kind: str, period: str) -> str:
        """'Ngày 20/05/2025', 'Tuần 21/2025 (19/05–23/05)', 'Tháng 05/2025' (formats in vi.toml)."""
        fmt = self.messages["period_formats"]
        if kind == "daily":
            return fmt["daily"].format(day=f"{date.fromisoformat(period):%d/%m/%Y}")
        if kind == "weekly":
            y, w = period.split("-W")
            mon = date.fromisocalendar(int(y), int(w), 1)
            fri = date.fromisocalendar(int(y), int(w), 5)
            return fmt["weekly"].format(week=int(w), year=y, start=f"{mon:%d/%m}", end=f"{fri:%d/%m}")
        y, m = period.split("-")
        return fmt["monthly"].format(month=m, year=y)

    def period_input(self, kind: str, period: str) -> str:
        """The period as a focal point writes it in a form: '20/05/2025', 'Tuần 21/2025', 'Tháng 5/2025'."""
        fmt = self.messages["period_input"]
        if kind == "daily":
            return fmt["daily"].format(day=f"{date.fromisoformat(period):%d/%m/%Y}")
        if kind == "weekly":
            y, w = period.split("-W")
            return fmt["weekly"].format(week=int(w), year=y)
        y, m = period.split("-")
        return fmt["monthly"].format(month=int(m), year=y)

    # -- templates
    def environment(self, html: bool = False) -> jinja2.Environment:
        """E-mail (text) or the site (autoescaped HTML); the same object for the same theme."""
        return _environment(self, html)

    def render_mail(self, template: str, context: dict[str, Any]) -> tuple[str, str]:
        """(subject, body) of templates/email/TEMPLATE; it sets `subject` with {% set subject %}."""
        module = self.environment().get_template(f"email/{template}").make_module(context)
        subject = " ".join(str(getattr(module, "subject", "")).split())
        return subject, str(module)

    def report_form(self, unit: UnitInfo, kind: str, period: str, tasks: Sequence[TaskEntry]) -> str:
        """The report form a unit fills in (rejections, reminders, the site's guide): one template,
        templates/email/report_form.txt.j2; no tasks -> one example line."""
        _, text = self.render_mail("report_form.txt.j2", {
            "unit": unit, "kind": kind, "period_text": self.period_input(kind, period),
            "tasks": list(tasks) or [TaskEntry(code="NV01", title="")],
        })
        return text.strip()

    def report_template(self) -> bytes:
        """The formal report's Word file (page and styles): the operator's
        report/bao-cao-tong-hop.docx, else the bundled one."""
        for folder in self.search_path:
            p = folder / "report" / REPORT_TEMPLATE
            if p.is_file():
                return p.read_bytes()
        raise FileNotFoundError(f"report/{REPORT_TEMPLATE} is missing from the templates")

    def static_files(self) -> dict[str, bytes]:
        """The site's static files (site/static/), relative names -> bytes."""
        static = self.bundled / "site" / "static"
        return {p.relative_to(static).as_posix(): p.read_bytes() for p in sorted(static.rglob("*")) if p.is_file()}


@lru_cache(maxsize=8)
def _catalogue(theme: Theme) -> Catalogue:
    data: Catalogue = tomllib.loads((theme.bundled / "messages" / "vi.toml").read_text(encoding="utf-8"))
    # Further catalogues beside vi.toml (leaders.toml: programmes, scores, the formal report) add
    # their sections; vi.toml's own keys win.
    for extra in EXTRA_CATALOGUES:
        for section, items in tomllib.loads((theme.bundled / "messages" / extra).read_text(encoding="utf-8")).items():
            known = data.setdefault(section, {})
            for key, value in items.items():
                known.setdefault(key, value)
    if theme.override:
        for name in ("vi.toml", *EXTRA_CATALOGUES):
            custom = theme.override / "messages" / name
            if custom.exists():
                for section, items in tomllib.loads(custom.read_text(encoding="utf-8")).items():
                    data.setdefault(section, {}).update(items)
    return data


@lru_cache(maxsize=16)
def _environment(theme: Theme, html: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(p)) for p in theme.search_path]),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2", "xml", "xml.j2", "svg.j2"),
                                            default=html),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["dt"] = _dt
    env.filters["d"] = _d
    env.filters["period"] = lambda p, kind: theme.period_label(kind, p) if p else ""
    env.globals["labels"] = theme.messages
    return env
