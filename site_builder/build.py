"""Render every page of the status site from a snapshot (pure: snapshot in, files out).

Each HTML page says when its data was last updated. The stamp a page carries is the data time of
the build in which its content last changed: a page whose content is unchanged keeps its old
stamp, hence its old bytes, so a new report rewrites only the pages it changes (and publish.py
keeps those files' bytes and timestamps).
"""

from __future__ import annotations

import functools
import logging
import multiprocessing
import os
import pickle
import re
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from parsers.models import TaskEntry
from site_builder import charts, exports, leaders, report, search
from site_builder.changes import Affected, Changes, affected
from site_builder.paths import (
    DIFFICULTIES,
    DIFFICULTY_VIEWS,
    LEADERS,
    OBLIGATIONS,
    SEARCH,
    STATES,
    archive_path,
    group_path,
    group_state_path,
    guide_path,
    programme_path,
    report_path,
    scores_path,
    slug,
    state_path,
    task_path,
    unit_path,
)
from site_builder.publish import PublishResult, current_build, publish
from site_builder.snapshot import PeriodView, Snapshot, TaskView, UnitView, paused_gc
from site_builder.theme import Theme

log = logging.getLogger(__name__)
# From this many task updates on, the exports are built in a second process.
PARALLEL_FROM = 20_000
ASOF_PLACEHOLDER = '<time class="asof" datetime="">--:-- --/--/----</time>'
_ASOF_RE = re.compile(r'<time class="asof" datetime="[^"<>]*">[^<]*</time>')
SYMBOLS = charts.SYMBOL


@dataclass
class BuildResult:
    files: int
    publish: PublishResult
    full: bool = True  # every page rendered (else only those the changes touch)
    rendered: int = 0  # pages and exports made by this build (the others were kept from the previous one)
    indexed: bool = False  # the search index was made again (else the published one was kept)
    downloads: bool = True  # the slow downloads were made again (else the published ones were kept)


class _Helpers:
    """Filters used thousands of times per build: plain Python with memoised Markup."""

    def __init__(self, snap: Snapshot, labels: dict[str, dict[str, str]]) -> None:
        self.units = {u.info.code: u for u in snap.units}
        self.tasks = {t.info.code: t for t in [*snap.archived_tasks, *snap.tasks]}
        self.labels = labels
        self._badges: dict[str | None, Markup] = {}
        self._links: dict[tuple[str, str, str], Markup] = {}
        self._unit_options: Markup | None = None
        self.row_template: jinja2.Template | None = None
        self.rows: dict[tuple[Any, ...], Markup] = {}  # score rows shown by this build
        self.last_rows: dict[tuple[Any, ...], Markup] = {}  # ... and by the last build in this thread

    def badge(self, status: str | None) -> Markup:
        b = self._badges.get(status)
        if b is None:
            lab = self.labels
            text = lab["timeliness"].get(status or "") or lab["statuses"].get(status or "") or lab["site_states"].get(
                status or "none", "Chưa có báo cáo")
            b = self._badges[status] = Markup(
                f'<span class="badge b-{escape(status or "none")}"><span aria-hidden="true">'
                f'{SYMBOLS.get(status or "none", "–")}</span> {escape(text)}</span>')
        return b

    def unit_link(self, code: str, root: str, full: bool = False) -> Markup:
        key = ("u" + ("f" if full else ""), code, root)
        m = self._links.get(key)
        if m is None:
            u = self.units.get(code)
            if u:
                name = u.info.name if full else (u.info.short_name or u.info.name)
                m = Markup(f'<a href="{root}{escape(unit_path(code))}">{escape(name)}</a>')
            else:
                m = Markup(f"<bdi>{escape(code)}</bdi>")
            self._links[key] = m
        return m

    def score_row(self, sc: leaders.Score, root: str) -> Markup:
        """One unit's scorecard row (site/score_row.html.j2). At 10,000 units four scorecards
        change with every report but few of their rows do: a row is rendered once and kept while
        the builds that follow show it again (this build's rows and the last build's, no more)."""
        r = sc.rates
        key = (root, self.unit_link(sc.unit, root), sc.score, r.expected, r.received, r.on_time, r.late, r.missing,
               sc.exempt, sc.led, sc.on_schedule, sc.completed, sc.overdue, sc.overdue_days)
        m = self.rows.get(key)
        if m is None:
            m = self.last_rows.get(key)
            if m is None:
                assert self.row_template is not None
                m = Markup(self.row_template.render(sc=sc, root=root))
            self.rows[key] = m
        return m

    def unit_options(self) -> Markup:
        """The task lists' unit filter (<option>s for every unit), made once per build: 29 task
        list pages at 10,000 units rendered it 290,000 times."""
        if self._unit_options is None:
            self._unit_options = Markup("".join(
                f'<option value="{escape(u.info.code)}">{escape(u.info.short_name or u.info.name)}</option>'
                for u in self.units.values()))
        return self._unit_options

    def task_link(self, code: str, root: str) -> Markup:
        key = ("t", code, root)
        m = self._links.get(key)
        if m is None:
            if code in self.tasks:
                m = Markup(f'<a href="{root}{escape(task_path(code))}">{escape(code)}</a>')
            else:
                m = Markup(f"<bdi>{escape(code)}</bdi>")
            self._links[key] = m
        return m


def _progress(value: int | None) -> Markup:
    if value is None:
        return Markup('<span class="muted">–</span>')
    return Markup(f'<span class="progress"><meter min="0" max="100" value="{int(value)}">{int(value)}%</meter> '
                  f'<span class="num">{int(value)}%</span></span>')


def _user_text(value: str | None) -> Markup:
    """Text that came from an e-mail: escaped, and isolated so that bidi marks cannot reorder the page."""
    if not value:
        return Markup("")
    return Markup(f"<bdi>{escape(value)}</bdi>")


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(value: str | None) -> str:
    """Drop the control characters XML forbids (the feed must stay well-formed)."""
    return _XML_ILLEGAL.sub("", value or "")


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{round(v * 100)}%"


def _pctnum(v: float | None) -> str:
    """A percentage already on 0..100, with a Vietnamese decimal comma: 62,5%."""
    return "–" if v is None else f"{v:g}".replace(".", ",") + "%"


def _score(v: float | None) -> str:
    return "–" if v is None else f"{v:.1f}".replace(".", ",")


class _Current(threading.local):
    """The helpers of the build running in this thread (the filters of a cached environment ask
    them: one environment per theme, its templates compiled once, not once per build)."""

    helpers: _Helpers | None = None
    rows: dict[tuple[Any, ...], Markup] | None = None  # the last build's score rows (_Helpers.score_row)
    row_template: jinja2.Template | None = None  # ... rendered with this template


def _current(t: _Current) -> _Helpers:
    assert t.helpers is not None
    return t.helpers


@functools.lru_cache(maxsize=8)
def _site_env(theme: Theme) -> tuple[jinja2.Environment, _Current]:
    env = theme.environment(html=True).overlay()
    now = _Current()
    period = functools.lru_cache(maxsize=4096)(env.filters["period"])  # the same few hundred periods
    env.filters.update(
        period=period,
        slug=slug, pct=_pct, pctnum=_pctnum, score=_score, progress=_progress, ut=_user_text, xml=_xml_text,
        badge=lambda status: _current(now).badge(status),
        unit_link=lambda code, root, full=False: _current(now).unit_link(code, root, full),
        task_link=lambda code, root: _current(now).task_link(code, root),
    )
    env.globals["unit_options"] = lambda: _current(now).unit_options()
    env.globals["score_row"] = lambda sc, root: _current(now).score_row(sc, root)
    labels = theme.messages
    env.globals.update(archive_path=archive_path, states=STATES, symbols=SYMBOLS, report_path=report_path,
                       programme_path=programme_path, scores_path=scores_path, group_path=group_path,
                       group_state_path=group_state_path, state_path=state_path,
                       leaders_path=LEADERS, search_path=SEARCH,
                       charts=charts.Charts(labels["timeliness"]),
                       state_labels={**labels["statuses"], **labels["site_states"]},
                       difficulty_states=dict(labels.get("difficulty_states", {})))
    return env, now


def _form_text(theme: Theme, snap: Snapshot, u: UnitView, rows: list[dict[str, Any]]) -> str:
    tasks = [TaskEntry.model_validate({"code": r["code"], "title": r["title"], "status": r["status"],
                                       "progress": r["progress"]}) for r in rows]
    return theme.report_form(u.info, "daily", snap.current["daily"], tasks) + "\n"


class _Pages:
    """Renders pages into `files`: a page whose content is unchanged since `previous` (the last
    published build) keeps its old bytes, and so its old data-as-of stamp."""

    def __init__(self, snap: Snapshot, theme: Theme, previous: Path | None, only: Affected | None = None) -> None:
        self.snap, self.theme, self.previous = snap, theme, previous
        self.only = only  # None: every page
        self.months = exports.months_in(snap)  # the history exports' months (the data page lists them)
        self.labels = theme.messages
        self.helpers = _Helpers(snap, self.labels)
        self.env, current = _site_env(theme)
        current.helpers = self.helpers
        # The kept rows hold while the row template is the one they were rendered with (an
        # operator's edited template is compiled again, and then every row is made again).
        tpl = self.helpers.row_template = self.env.get_template("site/score_row.html.j2")
        self.helpers.last_rows = (current.rows or {}) if current.row_template is tpl else {}
        current.rows, current.row_template = self.helpers.rows, tpl
        self.stamp = Markup(f'<time class="asof" datetime="{snap.data_as_of.isoformat()}">'
                            f'{snap.data_as_of:%H:%M %d/%m/%Y}</time>')
        self.common: dict[str, Any] = {"s": snap, "units_by_code": self.helpers.units,
                                       "tasks_by_code": self.helpers.tasks, "asof": Markup(ASOF_PLACEHOLDER)}
        self.templates: dict[str, jinja2.Template] = {}
        self.files: dict[str, bytes] = {}

    def page(self, path: str, template: str, **ctx: Any) -> None:
        tpl = self.templates.get(template)
        if tpl is None:
            tpl = self.templates[template] = self.env.get_template(f"site/{template}")
        html = tpl.render(root="../" * path.count("/"), path=path, **self.common, **ctx)
        if self.previous is not None:
            try:
                old_text: str | None = (self.previous / path).read_bytes().decode("utf-8")
            except (OSError, UnicodeDecodeError):
                old_text = None
            if old_text is not None and _ASOF_RE.sub(ASOF_PLACEHOLDER, old_text) == html:
                self.files[path] = old_text.encode("utf-8")
                return
        self.files[path] = html.replace(ASOF_PLACEHOLDER, self.stamp).encode("utf-8")


def _overview_units_tasks(w: _Pages) -> None:
    snap = w.snap
    progs = leaders.programmes(snap)
    w.common["programmes"] = progs
    w.page("index.html", "home.html.j2", completed=leaders.last_completed(snap))
    for prog in progs:
        w.page(programme_path(prog.key), "programme.html.j2", g=prog)
    w.page("don-vi/index.html", "units.html.j2")
    only = w.only
    for u in snap.units:
        if only is None or u.info.code in only.units:
            w.page(unit_path(u.info.code), "unit.html.j2", u=u)
    # Tasks: the full list, pre-rendered filter views (no JavaScript needed), one page each
    w.page("nhiem-vu/index.html", "tasks.html.j2", view=None, view_tasks=snap.tasks)
    for g in snap.groups:
        mine = [t for t in snap.tasks if t.info.group == g]
        w.page(group_path(g), "tasks.html.j2", view=("group", g), view_tasks=mine, group_tasks=mine)
        for state in STATES:
            w.page(group_state_path(g, state), "tasks.html.j2", view=("group", g, state),
                   view_tasks=[t for t in mine if t.state == state], group_tasks=mine)
    for state in STATES:
        w.page(state_path(state), "tasks.html.j2", view=("state", state),
               view_tasks=[t for t in snap.tasks if t.state == state])
    for t in [*snap.tasks, *snap.archived_tasks]:
        if only is None or t.info.code in only.tasks:
            w.page(task_path(t.info.code), "task.html.j2", t=t)
    _difficulties(w)
    if snap.obligations:  # the units page links it then
        w.page(OBLIGATIONS, "obligations.html.j2")
    _scores(w)


def _difficulties(w: _Pages) -> None:
    """The difficulties page (open records) and its filters: what needs the Chairman's decision,
    what waits too long for an answer, what was resolved or closed."""
    loop = w.snap.loop
    views = {
        "needs_decision": [d for d in loop if d.state == "needs_decision"],
        "ageing": [d for d in loop if d.ageing],
        "done": [d for d in loop if not d.is_open],
    }
    counts = {k: len(v) for k, v in views.items()}
    ctx = {"difficulty_views": DIFFICULTY_VIEWS, "view_counts": counts}
    w.page(DIFFICULTIES, "difficulties.html.j2", view=None, shown=w.snap.open_records, **ctx)
    for key, path in DIFFICULTY_VIEWS.items():
        w.page(path, "difficulties.html.j2", view=key, shown=views[key], **ctx)


def _scores(w: _Pages) -> None:
    """The scorecard since the first data, per month, quarter and year, and per responsible leader."""
    snap = w.snap
    spans = leaders.spans_in(snap)
    whole = leaders.range_span(snap.window_start, snap.today)
    ctx = {"spans": spans, "weights": snap.weights}
    w.page(scores_path(), "scores.html.j2", span=None, card=leaders.scorecard(snap, whole), **ctx)
    for kind in ("monthly", "quarterly", "yearly"):
        for sp in spans[kind]:
            if w.only is None or w.only.span(sp):
                w.page(scores_path(sp.key), "scores.html.j2", span=sp, card=leaders.scorecard(snap, sp), **ctx)
    w.page(LEADERS, "leaders.html.j2", groups=leaders.leaders(snap))


def _guide(w: _Pages) -> None:
    """The guide, and each unit's form as text, as a pre-filled XLSX and on its own page."""
    snap, theme, labels = w.snap, w.theme, w.labels
    w.page("huong-dan/index.html", "guide.html.j2")
    kind_label = labels["kinds"]["daily"]
    period = theme.period_input("daily", snap.current["daily"])
    for u in snap.units:
        if w.only is not None and u.info.code not in w.only.guides:
            continue
        rows = exports.form_rows(snap, u, lambda st: labels["statuses"].get(st, st))
        text = _form_text(theme, snap, u, rows)
        w.files[guide_path(u.info.code, "txt")] = text.encode("utf-8")
        w.files[guide_path(u.info.code, "xlsx")] = exports.xlsx_template(snap, u, rows, kind_label, period)
        w.page(guide_path(u.info.code), "guide_unit.html.j2", u=u, form_text=text, form_rows=rows)


def _formal_reports(w: _Pages) -> None:
    """The formal report (.docx) of every weekly and monthly period; one whose content is unchanged
    since the previous build keeps its bytes (its fingerprint is in its properties)."""
    template: bytes | None = None
    for pv in w.snap.periods:
        if pv.kind == "daily":
            continue
        path = report_path(pv.kind, pv.period)
        span = leaders.span_of(pv.kind, pv.period)
        if w.only is not None and (not w.only.span(span) or (not w.only.downloads and span.end >= w.snap.today)):
            continue  # unchanged, or a running period's draft: made again with the slow downloads
        model = report.build(w.snap, span, w.labels)
        fp = model.fingerprint()
        if w.previous is not None:
            try:
                old = (w.previous / path).read_bytes()
            except OSError:
                old = b""
            if old and report.identifier_of(old) == fp:
                w.files[path] = old
                continue
        if template is None:
            template = w.theme.report_template()
        w.files[path] = report.render(model, template)


def _archive_data_static(w: _Pages) -> None:
    _formal_reports(w)
    w.page("luu-tru/index.html", "archive.html.j2")
    for pv in w.snap.periods:
        if w.only is None or (pv.kind, pv.period) in w.only.periods:
            w.page(archive_path(pv.kind, pv.period), "period.html.j2", pv=pv)
    w.page(SEARCH, "search.html.j2")
    w.page("du-lieu/index.html", "data.html.j2", months=w.months, current_month=f"{w.snap.today:%Y-%m}")
    w.files["du-lieu/kho-khan.atom"] = _feed(w.env, w.snap, w.helpers)
    if w.only is None:  # an incremental build keeps them (a new theme is a full build)
        for rel, data in w.theme.static_files().items():
            w.files[f"static/{rel}"] = data


def render_pages(snap: Snapshot, theme: Theme, previous: Path | None = None) -> dict[str, bytes]:
    """Every file of the site. `previous` is the last published build: a page whose content is
    unchanged keeps its old bytes (and so its old data-as-of stamp)."""
    return render(snap, theme, previous)


def render(snap: Snapshot, theme: Theme, previous: Path | None = None, only: Affected | None = None) -> dict[str, bytes]:
    """The files of the site, or with `only` (and a previous build) just the files it touches:
    every other file of the previous build stays as it is."""
    if previous is None:
        only = None

    def old_bytes(path: str) -> bytes | None:
        try:
            return (previous / path).read_bytes() if previous is not None else None
        except OSError:
            return None

    months = only.months if only is not None else None
    w = _Pages(snap, theme, previous, only)

    def export() -> dict[str, bytes]:
        return exports.exports(snap, theme.messages, months, old_bytes if only is not None else None, w.months,
                               slow=only is None or only.downloads)

    def pages() -> dict[str, bytes]:
        _overview_units_tasks(w)
        _guide(w)
        _archive_data_static(w)
        return w.files

    with paused_gc():
        # The data exports of a full build are as much work as all the pages: on two cores, a
        # second process builds them meanwhile.
        if only is None and len(snap.updates) >= PARALLEL_FROM and _workers() > 1:
            exported = in_child(export)
            files = pages()
            files.update(exported())
        else:
            files = pages()
            files.update(export())
    return files


def _workers() -> int:
    env = os.environ.get("BAOCAO_SITE_WORKERS")
    if env:
        return max(1, int(env))
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(2, os.cpu_count() or 1)


def in_child(work: Callable[[], dict[str, bytes]]) -> Callable[[], dict[str, bytes]]:
    """Start `work` in a forked process (it inherits the snapshot: nothing to pickle on the way in)
    and return a function that waits for its files. If the child fails, the work is redone here."""
    if multiprocessing.current_process().daemon:  # the builder process of `baocao run` may not fork
        return work
    ctx = multiprocessing.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)

    def run() -> None:
        try:
            payload = pickle.dumps(("ok", work()), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as exc:  # noqa: BLE001 - reported to the parent, which redoes the work
            payload = pickle.dumps(("error", repr(exc)))
        send.send_bytes(payload)
        send.close()

    try:
        proc = ctx.Process(target=run, name="site-builder", daemon=True)
        proc.start()
    except OSError as exc:
        log.warning("site build: no worker process (%s); building in one process", exc)
        return work
    send.close()

    def wait() -> dict[str, bytes]:
        try:
            status, payload = pickle.loads(recv.recv_bytes())
        except (EOFError, OSError) as exc:
            status, payload = "error", f"worker ended without a result ({exc})"
        finally:
            recv.close()
            proc.join()
        if status == "ok":
            return payload
        log.warning("site build worker failed: %s; building that part here", payload)
        return work()

    return wait


def _feed(env: jinja2.Environment, snap: Snapshot, h: _Helpers) -> bytes:
    """Atom feed of new (or changed) difficulties; ids and dates come from the data only."""
    base = snap.base_url.rstrip("/") + "/" if snap.base_url else "../"
    ns = uuid.uuid5(uuid.NAMESPACE_URL, base if snap.base_url else "baocao:" + snap.title)
    return env.get_template("site/feed.xml.j2").render(
        s=snap, entries=snap.new_difficulties[:50], tasks_by_code=h.tasks, units_by_code=h.units, base=base,
        feed_id=f"urn:uuid:{ns}", entry_id=lambda u: f"urn:uuid:{uuid.uuid5(ns, f'update/{u.id}')}",
    ).encode("utf-8")


def build_site(snap: Snapshot, output: Path, theme: Theme, keep: int = 3, changes: Changes | None = None,
               reindex: bool = True, index: dict[str, bytes] | None = None) -> BuildResult:
    """Build and publish the site. With `changes` (what is new since the published build), only
    the pages they touch are rendered and every other file is kept from that build. The search
    index is made here when `reindex`; else `index` (made beside, from an earlier build) is
    published, or the published one is kept."""
    previous = current_build(output.absolute())
    only = affected(snap, changes) if changes is not None and previous is not None else None
    files = render(snap, theme, previous, only)
    rendered = len(files)
    # Kept from the published build: the files an incremental build did not make, and the search
    # index when none is made or given here.
    keep_index = not reindex and index is None
    carry: list[str] = []
    if previous is not None and (only is not None or keep_index):
        carry = [rel for rel in _files_of(previous) if rel not in files
                 and (keep_index if rel.startswith(search.OUTPUT + "/") else only is not None)]
    indexed = False
    if index is not None and snap.search:
        indexed = True
        files.update(index)
    elif snap.search and reindex:
        indexed = True
        if only is None or previous is None:
            files.update(search.index(files))
        else:
            files.update(search.refresh(files, carry, previous))
    return BuildResult(len(files) + len(carry), publish(files, output, keep=keep, stamp=snap.now, carry=carry),
                       full=only is None, rendered=rendered, indexed=indexed, downloads=only is None or only.downloads)


def _files_of(build: Path) -> list[str]:
    out = []
    for dirpath, _dirs, names in os.walk(build):
        rel = os.path.relpath(dirpath, build)
        for n in names:
            out.append(n if rel == "." else f"{rel}/{n}".replace(os.sep, "/"))
    return out


__all__ = ["BuildResult", "PeriodView", "TaskView", "archive_path", "build_site", "render_pages", "slug"]
