"""A local Maildir inbox (the embedded default): new/ and cur/ are the queue; done mail moves to
the Maildir++ folders `.Processed` or `.Failed`. Arrival time is the file's delivery time."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from gateway.mail.sources import Inbound


def ensure_maildir(path: Path) -> None:
    for sub in ("new", "cur", "tmp"):
        (path / sub).mkdir(parents=True, exist_ok=True)


def deliver(path: Path, raw: bytes, name: str, delivered_at: datetime | None = None) -> Path:
    """Deliver like an MTA: write into tmp/, rename into new/, stamp the delivery time."""
    ensure_maildir(path)
    tmp = path / "tmp" / name
    tmp.write_bytes(raw)
    final = path / "new" / name
    os.replace(tmp, final)
    if delivered_at is not None:
        ts = delivered_at.timestamp()
        os.utime(final, (ts, ts))
    return final


class MaildirSource:
    name = "maildir"

    def __init__(self, path: Path, tz: ZoneInfo) -> None:
        self.path = path
        self.tz = tz
        ensure_maildir(path)
        for folder in (".Processed", ".Failed"):
            ensure_maildir(path / folder)

    def _pending(self) -> list[Path]:
        files: list[Path] = []
        for sub in ("new", "cur"):
            d = self.path / sub
            files += [p for p in d.iterdir() if p.is_file() and not p.name.startswith(".")]
        # Oldest delivery first, so corrections are processed after the reports they correct.
        return sorted(files, key=lambda p: (p.stat().st_mtime, p.name))

    def fetch(self, limit: int) -> list[Inbound]:
        out = []
        for p in self._pending()[:limit]:
            try:
                raw = p.read_bytes()
                mtime = p.stat().st_mtime
            except FileNotFoundError:  # moved by another worker meanwhile
                continue
            out.append(Inbound(ref=str(p.relative_to(self.path)), raw=raw, size=len(raw),
                               received_at=datetime.fromtimestamp(mtime, self.tz)))
        return out

    def mark_done(self, item: Inbound, failed: bool) -> None:
        src = self.path / item.ref
        dest_dir = self.path / (".Failed" if failed else ".Processed") / "cur"
        name = src.name if ":2," in src.name else src.name + ":2,S"
        try:
            os.replace(src, dest_dir / name)  # rename keeps the delivery time
        except FileNotFoundError:
            pass

    def close(self) -> None:
        pass
