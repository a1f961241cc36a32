"""Full-text search (SPEC §8.2) with Pagefind: after the pages are rendered, the `pagefind` binary
(from the `pagefind-bin` package) indexes the pages that carry `data-pagefind-body` — tasks,
period reports, difficulties, programmes — and its index files join the build before it is
published, so the swap stays atomic. The site works without it: the search page says so, and
links to the lists; when the binary is absent the index is skipped (logged).

The index is a function of the pages: Pagefind names its files by content hash, so an unchanged
site gives an unchanged index and publish keeps those files' bytes."""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

log = logging.getLogger(__name__)
OUTPUT = "pagefind"
_MARK = b"data-pagefind-body"


def executable() -> str | None:
    """The pagefind binary: the pagefind-bin package's, else one on PATH."""
    try:
        import pagefind_bin  # type: ignore[import-untyped]  # ships the binary, no types

        return str(pagefind_bin.get_executable())
    except (ImportError, FileNotFoundError):
        return shutil.which("pagefind")


def index(files: dict[str, bytes], timeout: float = 300) -> dict[str, bytes]:
    """The Pagefind index files (under pagefind/) for the pages in `files` marked for search;
    {} when Pagefind is not installed or fails (the site is complete without them)."""
    exe = executable()
    if exe is None:
        log.info("search index skipped: pagefind is not installed (pip install pagefind-bin)")
        return {}
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="baocao-search-") as tmp:
        root = Path(tmp) / "site"
        n = 0
        for rel, data in files.items():
            if rel.endswith(".html") and _MARK in data:
                p = root / rel
                p.parent.mkdir(parents=True, exist_ok=True)
                p.write_bytes(data)
                n += 1
        if not n:
            return {}
        out = Path(tmp) / OUTPUT
        try:
            subprocess.run([exe, "--site", str(root), "--output-path", str(out), "--quiet"], check=True,
                           capture_output=True, timeout=timeout)
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("search index skipped: pagefind failed: %s", exc)
            return {}
        result = {f"{OUTPUT}/{p.relative_to(out).as_posix()}": p.read_bytes()
                  for p in sorted(out.rglob("*")) if p.is_file()}
    log.info("search index: %d pages, %d files in %.2f s", n, len(result), time.perf_counter() - t0)
    return result


def refresh(files: dict[str, bytes], carried: list[str], previous: Path) -> dict[str, bytes]:
    """The index after an incremental build: the previous one when no page marked for search
    changed, else a new index of every marked page (the rendered ones and those kept)."""
    changed = False
    for rel, data in files.items():
        if rel.endswith(".html") and _MARK in data:
            try:
                changed = (previous / rel).read_bytes() != data
            except OSError:
                changed = True
            if changed:
                break
    if not changed:
        old = previous / OUTPUT
        return {f"{OUTPUT}/{p.relative_to(old).as_posix()}": p.read_bytes()
                for p in sorted(old.rglob("*")) if p.is_file()} if old.is_dir() else {}
    pages = {rel: data for rel, data in files.items() if rel.endswith(".html")}
    return index({**pages, **_marked(previous, carried)})


def index_build(build: Path) -> dict[str, bytes]:
    """The index of a published build folder's marked pages (made beside the next builds: the
    pages are published first, the index joins a later build)."""
    return index(_marked(build, [p.relative_to(build).as_posix() for p in build.rglob("*.html")]))


def _marked(root: Path, rels: list[str]) -> dict[str, bytes]:
    """The pages among `rels` under `root` that carry the search mark."""
    out = {}
    for rel in rels:
        if rel.endswith(".html"):
            data = (root / rel).read_bytes()
            if _MARK in data:
                out[rel] = data
    return out
