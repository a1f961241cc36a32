"""The directory outbox: one .eml per sent message, named by its Message-ID (so a crash between
writing and marking sent rewrites the same file instead of a second one)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


class DirectorySink:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)

    def send(self, raw: bytes, sender: str, recipients: list[str], message_id: str) -> None:
        name = hashlib.sha256(message_id.encode()).hexdigest()[:20] + ".eml"
        tmp = self.path / ("." + name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # addresses: not world-readable
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
        os.replace(tmp, self.path / name)

    def close(self) -> None:
        pass
