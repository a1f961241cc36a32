"""A local Maildir inbox (the embedded default): new/ and cur/ are the queue; done mail moves to
the Maildir++ folders `.Processed` or `.Failed`. Arrival time is the file's delivery time.

A file over the size limit is never read whole: only its header section is taken (like IMAP's
RFC822.SIZE check before the download), stored with the outcome too_large, and the file itself
is kept in `.Failed`."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from gateway.mail.sources import Inbound

HEADER_CHUNK = 64 * 1024


def read_header_section(path: Path, limit: int) -> bytes:
    """The bytes up to and including the blank line that ends the header section (at most
    `limit` bytes): a large message's body is never read."""
    data = b""
    with open(path, "rb") as f:
        while len(data) < limit:
            chunk = f.read(min(HEADER_CHUNK, limit - len(data)))
            if not chunk:
                break
            start = max(0, len(data) - 3)
            data += chunk
            for sep in (b"\r\n\r\n", b"\n\n"):
                i = data.find(sep, start)
                if i >= 0:
                    return data[:i + len(sep)]
    return data


def ensure_maildir(path: Path) -> None:
    for sub in ("new", "cur", "tmp"):
        (path / sub).mkdir(parents=True, exist_ok=True)


def deliver(path: Path, raw: bytes, name: str, delivered_at: datetime | None = None) -> Path:
    """Deliver like an MTA: write into tmp/, rename into new/, stamp the delivery time."""
    ensure_maildir(path)
    tmp = path / "tmp" / name
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # raw mail: not world-readable
    with os.fdopen(fd, "wb") as f:
        f.write(raw)
    final = path / "new" / name
    os.replace(tmp, final)
    if delivered_at is not None:
        ts = delivered_at.timestamp()
        os.utime(final, (ts, ts))
    return final


class MaildirSource:
    name = "maildir"

    def __init__(self, path: Path, tz: ZoneInfo, max_bytes: int | None = None,
                 max_header_bytes: int = 256 * 1024) -> None:
        self.path = path
        self.tz = tz
        self.max_bytes = max_bytes
        self.max_header_bytes = max_header_bytes
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
                st = p.stat()
                truncated = self.max_bytes is not None and st.st_size > self.max_bytes
                raw = read_header_section(p, self.max_header_bytes) if truncated else p.read_bytes()
            except FileNotFoundError:  # moved by another worker meanwhile
                continue
            out.append(Inbound(ref=str(p.relative_to(self.path)), raw=raw, size=st.st_size, truncated=truncated,
                               received_at=datetime.fromtimestamp(st.st_mtime, self.tz)))
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
