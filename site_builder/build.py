"""Render every page of the status site from a snapshot (pure: snapshot in, files out)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import jinja2

from gateway.snapshot import Snapshot
from gateway.templating import environment
from parsers.text import fold
from site_builder.publish import PublishResult, publish

STATIC = Path(__file__).resolve().parent.parent / "templates" / "site" / "static"


def slug(code: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(code)).strip("-") or "x"


@dataclass
class BuildResult:
    files: int
    publish: PublishResult


def _env(templates_dir: str) -> jinja2.Environment:
    env = environment(templates_dir, html=True)
    env.filters["slug"] = slug
    env.filters["pct"] = lambda v: "–" if v is None else f"{round(v * 100)}%"
    return env


def render_pages(snap: Snapshot, templates_dir: str = "") -> dict[str, bytes]:
    env = _env(templates_dir)
    units_by_code = {u.info.code: u for u in snap.units}
    tasks_by_code = {t.info.code: t for t in snap.tasks}
    common = {"s": snap, "units_by_code": units_by_code, "tasks_by_code": tasks_by_code}
    files: dict[str, bytes] = {}

    def page(path: str, template: str, **ctx: object) -> None:
        depth = path.count("/")
        html = env.get_template(f"site/{template}").render(root="../" * depth, path=path, **common, **ctx)
        files[path] = html.encode("utf-8")

    page("index.html", "home.html.j2")
    page("don-vi/index.html", "units.html.j2")
    for u in snap.units:
        page(f"don-vi/{slug(u.info.code)}.html", "unit.html.j2", u=u)
    page("nhiem-vu/index.html", "tasks.html.j2")
    for t in snap.tasks:
        page(f"nhiem-vu/{slug(t.info.code)}.html", "task.html.j2", t=t)
    for p in sorted(STATIC.rglob("*")):
        if p.is_file():
            files[f"static/{p.relative_to(STATIC).as_posix()}"] = p.read_bytes()
    return files


def build_site(snap: Snapshot, output: Path, templates_dir: str = "", keep: int = 3) -> BuildResult:
    files = render_pages(snap, templates_dir)
    return BuildResult(len(files), publish(files, output, keep=keep, stamp=snap.now.replace(tzinfo=None)))
