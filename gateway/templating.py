"""Jinja2 environments for e-mail (text) and the site (HTML, autoescaped).

An operator overrides any template by putting a file of the same name in the folder named by
`templates` in baocao.toml; the bundled ones fill the rest.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

import jinja2

from gateway.messages import BUNDLED_TEMPLATES, catalogue, period_label


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


@lru_cache(maxsize=8)
def environment(templates_dir: str = "", html: bool = False) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    if templates_dir:
        loaders.append(jinja2.FileSystemLoader(templates_dir))
    loaders.append(jinja2.FileSystemLoader(str(BUNDLED_TEMPLATES)))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2", "xml", "xml.j2", "svg.j2"), default=html),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    cat = catalogue(templates_dir)
    env.filters["dt"] = _dt
    env.filters["d"] = _d
    env.filters["period"] = lambda p, kind: period_label(kind, p, templates_dir) if p else ""
    env.globals["labels"] = cat
    return env
