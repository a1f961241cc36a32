"""Atomic publishing: each build goes into a fresh folder next to the output; the output path is a
symlink swapped by one rename, so a reader never sees a half-written site. Files whose bytes did
not change are hard-linked from the previous build (same bytes, same timestamp), so a sync to a
web server copies only what changed. The last few builds stay for rollback."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path


@dataclass
class PublishResult:
    build_dir: Path
    written: int
    unchanged: int
    removed_builds: int


def builds_dir(output: Path) -> Path:
    return output.parent / (output.name + ".builds")


def current_build(output: Path) -> Path | None:
    if output.is_symlink():
        target = output.parent / os.readlink(output)
        return target if target.is_dir() else None
    return None


def publish(files: dict[str, bytes], output: Path, keep: int = 3, stamp: datetime | None = None,
            carry: list[str] | None = None) -> PublishResult:
    """Publish `files`, plus the files named in `carry` as they are in the current build."""
    output = output.absolute()
    bdir = builds_dir(output)
    bdir.mkdir(parents=True, exist_ok=True)
    if output.exists() and not output.is_symlink():
        # A plain folder from elsewhere (an older layout): keep it as a build, never delete it.
        legacy = bdir / f"legacy-{datetime.now(UTC):%Y%m%dT%H%M%S%f}"
        os.rename(output, legacy)
        os.symlink(os.path.relpath(legacy, output.parent), output)
    prev = current_build(output)
    # Build folders are named by the build's time (aware; in the instance's zone when given).
    name = (stamp or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%f")
    new = bdir / name
    n = 0
    while new.exists():
        n += 1
        new = bdir / f"{name}-{n}"
    new.mkdir()
    written = unchanged = 0
    # Plain strings and one mkdir per folder: a national build carries 44,000 files, and pathlib
    # plus a mkdir per file was half of publishing them.
    root, before = str(new), str(prev) if prev else None
    made: set[str] = set()

    def target(rel: str) -> str:
        dest = os.path.join(root, rel)
        folder = os.path.dirname(dest)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        return dest

    def link(src: str, dest: str) -> None:
        try:
            os.link(src, dest)
        except OSError:
            shutil.copy2(src, dest)

    for rel, data in files.items():
        dest = target(rel)
        old = os.path.join(before, rel) if before else None
        if old is not None and _same(old, data):
            link(old, dest)
            unchanged += 1
        else:
            with open(dest, "wb") as f:
                f.write(data)
            written += 1
    for rel in carry or []:
        if before is None:
            raise ValueError("nothing to carry files from: no published build")
        link(os.path.join(before, rel), target(rel))
        unchanged += 1
    tmp_link = output.parent / f".{output.name}.swap-{os.getpid()}"
    if tmp_link.is_symlink() or tmp_link.exists():
        tmp_link.unlink()
    os.symlink(os.path.relpath(new, output.parent), tmp_link)
    os.replace(tmp_link, output)  # the atomic swap
    removed = 0
    olds = sorted((p for p in bdir.iterdir() if p.is_dir() and p != new), key=lambda p: p.stat().st_mtime)
    for p in olds[: max(0, len(olds) - (keep - 1))]:
        shutil.rmtree(p, ignore_errors=True)
        removed += 1
    return PublishResult(new, written, unchanged, removed)


def _same(path: str, data: bytes) -> bool:
    """Whether the file at `path` holds exactly `data` (a missing file or a folder does not)."""
    try:
        if os.stat(path).st_size != len(data):
            return False
        with open(path, "rb") as f:
            return f.read() == data
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return False
