"""Where inbound mail comes from: a local Maildir (the embedded default) or IMAP."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass
class Inbound:
    ref: str  # how the source finds the message again (file name, or mailbox/uidvalidity/uid)
    raw: bytes
    received_at: datetime  # recorded by our side: Maildir delivery time or IMAP INTERNALDATE
    size: int = 0
    truncated: bool = False  # only the headers were fetched (over the size limit)
    # For IMAP: (mailbox, uidvalidity, uid).
    uid_key: tuple[str, int, int] | None = None


class Source(Protocol):
    name: str

    def fetch(self, limit: int) -> list[Inbound]: ...

    def mark_done(self, item: Inbound, failed: bool) -> None: ...

    def close(self) -> None: ...
