"""The site builder in a process of its own, for `baocao run` on the real clock.

Built in a thread of the service, a site build shares the interpreter (and its lock) with the
mail path: a burst's receipts were sent at 50 a second beside the builds, 160 without them. In a
process of its own the build has a core of its own and the service only waits on a pipe. The
process keeps its own fold of the task updates between builds (snapshot.Held) and reloads the
lists when their files change; it is started once and asked for one build at a time.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from dataclasses import dataclass
from datetime import datetime
from multiprocessing.connection import Connection
from typing import Any

from gateway.config import Config

log = logging.getLogger(__name__)


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
    from gateway.app import snapshot
    from gateway.app.instance import Instance
    from gateway.app.lists import list_paths, load_directory
    from gateway.app.service import rebuild_site

    inst = Instance(cfg)
    held = snapshot.Held()

    def mtimes() -> tuple[float, ...]:
        return tuple(os.stat(p).st_mtime if p.exists() else 0.0 for p in list_paths(cfg))

    seen = mtimes()
    try:
        while True:
            now: Any = conn.recv()
            if now is None:
                break
            try:
                if mtimes() != seen:  # the lists changed: the service reloads them too
                    seen = mtimes()
                    inst.__dict__["directory"] = load_directory(cfg)
                res = rebuild_site(inst, now, held=held)
                conn.send(("ok", {"full": res.full, "written": res.publish.written, "rendered": res.rendered}))
            except Exception as exc:  # noqa: BLE001 - reported to the service, which logs it
                log.exception("site build failed")
                conn.send(("error", f"{type(exc).__name__}: {exc}"))
    except (EOFError, KeyboardInterrupt):
        pass
    finally:
        inst.close()
