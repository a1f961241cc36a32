"""The site builder in a process of its own, for `baocao run` on the real clock.

Built in a thread of the service, a site build shares the interpreter (and its lock) with the
mail path: a burst's receipts were sent at 50 a second beside the builds, 160 without them. In a
process of its own the build has a core of its own and the service only waits on a pipe. The
process keeps its own fold of the task updates between builds (snapshot.Held) and reloads the
lists when their files change; it is started once and asked for one build at a time.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from gateway.app import snapshot
from gateway.app.instance import Instance
from gateway.app.lists import list_mtimes, load_directory
from gateway.app.service import rebuild_site
from gateway.config import Config
from site_builder import search
from site_builder.build import BuildResult
from site_builder.publish import current_build

log = logging.getLogger(__name__)
NICE = 10  # the builder process's priority below the service's (nice(2))
# The builder collects cyclic garbage itself, when idle (or after this many builds without a
# pause): a national builder holds two million objects, so one automatic full collection in the
# middle of a build cost a second, and builds leave next to no cycles (measured: none at all).
COLLECT_EVERY = 20


@dataclass
class Built:
    full: bool
    written: int
    rendered: int


class SiteProcess:
    def __init__(self, cfg: Config) -> None:
        ctx = multiprocessing.get_context("spawn")  # nothing of the service's threads or sockets
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_serve, args=(cfg, child, logging.getLogger().level), name="baocao-site",
                                 daemon=True)
        self._proc.start()
        child.close()

    def build(self, now: datetime) -> Built:
        """One build at `now`; raises RuntimeError when it failed (the process lives on)."""
        if not self._proc.is_alive():
            raise RuntimeError(f"the site builder process ended (exit code {self._proc.exitcode})")
        try:
            self._conn.send(now)
            status, payload = self._conn.recv()
        except (EOFError, OSError) as exc:
            raise RuntimeError("the site builder process ended during a build") from exc
        if status != "ok":
            raise RuntimeError(payload)
        return Built(**payload)

    @property
    def alive(self) -> bool:
        return self._proc.is_alive()

    def close(self, timeout: float = 60) -> None:
        try:
            self._conn.send(None)
        except OSError:
            pass
        self._proc.join(timeout)
        if self._proc.is_alive():
            self._proc.terminate()
        self._conn.close()


def _serve(cfg: Config, conn: Connection, level: int) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:  # the mail path first: on a busy machine the receipts get the CPU, the site waits its turn
        os.nice(NICE)
    except (AttributeError, OSError):
        pass
    gc.disable()  # see COLLECT_EVERY
    inst = Instance(cfg)
    try:
        _Builder(inst).serve(conn)
    except (EOFError, KeyboardInterrupt):
        pass
    finally:
        inst.close()


class _Builder:
    """Pages first, the search index beside: after a build, when `[site] search_interval` has
    passed since the last index, Pagefind indexes that build in a thread (a subprocess: the next
    builds go on meanwhile) and its files join the next build, or are published on their own
    when no build comes. The slow downloads (the whole-history exports, the running periods'
    formal reports) are made at most every `[site] downloads_interval`; when builds left them
    behind and none comes, the builder catches up alone (as it starts an index left behind:
    neither lags more than its interval)."""

    def __init__(self, inst: Instance) -> None:
        self.inst, self.cfg = inst, inst.cfg
        self.held = snapshot.Held()
        self.seen = list_mtimes(self.cfg)
        self.indexer: threading.Thread | None = None
        self.index: dict[str, bytes] | None = None  # made, not yet published
        self.index_started = -1e18
        self.built_since_index = True
        self.downloads_behind = False  # a build kept the slow downloads of an earlier one
        self.downloads_tried = time.monotonic()
        self.uncollected = 0  # builds since the last collection of cyclic garbage

    def serve(self, conn: Connection) -> None:
        while True:
            if not conn.poll(0.5):  # no build asked for: publish or catch up what waits
                self._idle()
                continue
            now: Any = conn.recv()
            if now is None:  # the service stops: what waits is published first
                if self.indexer is not None:
                    self.indexer.join(600)
                self._idle(stopping=True)
                break
            try:
                res = self._build(now)
                conn.send(("ok", {"full": res.full, "written": res.publish.written, "rendered": res.rendered}))
            except Exception as exc:  # noqa: BLE001 - reported to the service, which logs it
                log.exception("site build failed")
                conn.send(("error", f"{type(exc).__name__}: {exc}"))

    def _idle(self, stopping: bool = False) -> None:
        try:
            due = self.downloads_behind and (
                stopping or time.monotonic() - self.downloads_tried >= self.cfg.site.downloads_interval)
            if self.index is not None or due:
                self._build(None, downloads=due)
            elif self.uncollected:
                self._collect()
            elif not stopping:
                build = current_build(self.cfg.site_output.absolute())
                if build is not None:
                    self._maybe_index(build)
        except Exception:  # noqa: BLE001 - the next build tries again
            log.exception("site build failed")

    def _build(self, now: datetime | None, downloads: bool = False) -> BuildResult:
        if list_mtimes(self.cfg) != self.seen:  # the lists changed: the service reloads them too
            self.seen = list_mtimes(self.cfg)
            self.inst.__dict__["directory"] = load_directory(self.cfg)
        if self.uncollected >= COLLECT_EVERY:  # builds back to back: no idle moment came
            self._collect()
        index, self.index = self.index, None
        at = now if now is not None else datetime.now(self.cfg.tz)
        if downloads:
            self.downloads_tried = time.monotonic()
        res = rebuild_site(self.inst, at, held=self.held, index=index, defer_index=True, defer_downloads=not downloads)
        self.uncollected += 1
        if res.downloads:
            self.downloads_behind, self.downloads_tried = False, time.monotonic()
        else:
            self.downloads_behind = True
        if now is not None:  # pages published after the index's build: another one is due later
            self.built_since_index = True
        self._maybe_index(res.publish.build_dir)
        return res

    def _collect(self) -> None:
        t = time.perf_counter()
        found = gc.collect()
        log.debug("cyclic garbage: %d objects after %d builds, %.2f s", found, self.uncollected,
                  time.perf_counter() - t)
        self.uncollected = 0

    def _maybe_index(self, build: Path) -> None:
        if not self.cfg.site.search or not self.built_since_index:
            return
        if self.indexer is not None and self.indexer.is_alive():
            return
        if time.monotonic() - self.index_started < self.cfg.site.search_interval:
            return
        self.index_started, self.built_since_index = time.monotonic(), False

        def run() -> None:
            try:
                self.index = search.index_build(build)
            except Exception:  # noqa: BLE001 - the site is complete without it
                log.exception("search index failed")

        self.indexer = threading.Thread(target=run, name="search-index", daemon=True)
        self.indexer.start()
