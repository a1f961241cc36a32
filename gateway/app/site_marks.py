"""Incremental site builds: what changed since the published build.

After each build the store keeps its marks (meta `site_marks`): which build folder it published,
the highest row id and row count of the reports, task updates and obligation records, a digest of
each difficulty record, the day, the instant, and a fingerprint of everything else the pages
depend on (the lists, the config, the templates, the version). The next build renders only what
the new rows touch (site_builder.changes) — unless something else changed, and then it renders
everything: another day or a deadline passed (cells turn missing, days left change), the
fingerprint differs, a row went away (reprocessing), the obligations moved, or the published
build is not the one the marks name (an output restored, deleted or built by another tool).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from gateway.app.instance import Instance
from gateway.app.lists import list_paths
from gateway.domain.schedule import events_between
from site_builder.changes import Changes
from site_builder.publish import current_build

META = "site_marks"


@dataclass
class Plan:
    marks: dict[str, Any]  # this build's (stored after it is published)
    changes: Changes | None  # None: a full build
    reason: str  # why a full build ("" for an incremental one)
    reindex: bool = True  # make the search index again ([site] search_interval since the last one)


def _fingerprint(inst: Instance) -> str:
    cfg = inst.cfg
    h = hashlib.sha256()
    try:
        h.update(version("baocao").encode())
    except PackageNotFoundError:
        h.update(b"source")
    h.update(cfg.model_dump_json().encode("utf-8"))
    for path in list_paths(cfg):
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"-")
    if cfg.templates:  # the operator's templates: their names, sizes and times
        root = cfg.resolve(cfg.templates)
        for p in sorted(root.rglob("*")) if root.is_dir() else []:
            st = p.stat()
            h.update(f"{p.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()


def plan(inst: Instance, now: datetime, full: bool = False, defer_downloads: bool = False) -> Plan:
    """Read the marks before the snapshot is taken: a row added meanwhile is then in the next
    build's changes too (rendered twice, never missed). With `defer_downloads` an incremental build
    makes the slow downloads (Changes.downloads) only when `[site] downloads_interval` passed
    since they were."""
    store = inst.store
    marks = {"at": now.isoformat(), "today": now.date().isoformat(), "fingerprint": _fingerprint(inst),
             "indexed_at": now.isoformat(), "downloads_at": now.isoformat(), **store.record_marks()}
    if full:
        return Plan(marks, None, "asked")
    try:
        prev: dict[str, Any] = json.loads(store.get_meta(META) or "")
    except ValueError:
        return Plan(marks, None, "first build")
    build = current_build(inst.cfg.site_output.absolute())
    reason = ""
    if build is None or build.name != prev.get("build"):
        reason = "the published build is not the last one made here"
    elif prev.get("fingerprint") != marks["fingerprint"]:
        reason = "lists, config or templates changed"
    elif prev.get("today") != marks["today"] or _deadline_between(inst, prev.get("at"), now):
        reason = "a day or a deadline passed"
    elif prev.get("obligation_records") != marks["obligation_records"]:
        reason = "obligations recorded"
    else:
        for table in ("reports", "task_updates"):
            top, count = prev.get(table) or [0, 0]
            if store.rows_upto(table, top) != count:
                reason = f"{table} rewritten"
    if reason:
        return Plan(marks, None, reason)
    old, new = prev.get("difficulties") or {}, marks["difficulties"]
    if set(old) - set(new):
        return Plan(marks, None, "difficulty records removed")
    touched = frozenset((u, t) for pk, (u, t, d, _r) in new.items() if (old.get(pk) or [None] * 4)[2] != d)
    # Since when the records' story changed: a new record from its raising (one synced late may
    # have been raised weeks ago), a changed one from its first new event.
    times = [r for pk, (_u, _t, _d, r) in new.items() if pk not in old]
    first = store.first_event_after(int(prev.get("difficulty_events") or 0))
    if first:
        times.append(first)
    since = min((datetime.fromisoformat(t) for t in times), default=None)
    reindex = _due(marks, prev, "indexed_at", now, inst.cfg.site.search_interval)
    downloads = not defer_downloads or _due(marks, prev, "downloads_at", now, inst.cfg.site.downloads_interval)
    return Plan(marks, Changes(prev["reports"][0], prev["task_updates"][0], touched, since, downloads), "", reindex)


def _due(marks: dict[str, Any], prev: dict[str, Any], key: str, now: datetime, interval: float) -> bool:
    """Whether what `key` marks (made at most every `interval` seconds) is made again now; the
    marks keep the time it was last made."""
    last = prev.get(key)
    due = not last or (now - datetime.fromisoformat(last)).total_seconds() >= interval
    marks[key] = now.isoformat() if due else last
    return due


def _deadline_between(inst: Instance, since: str | None, now: datetime) -> bool:
    if not since:
        return True
    start = datetime.fromisoformat(since)
    # Either way: a build asked for at the start of a step may come after one made a moment
    # later (the builder process publishes a finished search index on its own clock).
    lo, hi = min(start, now), max(start, now)
    return any(e.kind in ("deadline", "midnight") for e in events_between(inst.calendar, [], lo, hi))


def record(inst: Instance, p: Plan, build_dir: Path) -> None:
    inst.store.set_meta(META, json.dumps({**p.marks, "build": build_dir.name}, ensure_ascii=False))
