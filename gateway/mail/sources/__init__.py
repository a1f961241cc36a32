"""Where inbound mail comes from: a local Maildir (the embedded default) or IMAP."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from parsers.read import message_key, normalise_message_id


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


_MESSAGE_ID = re.compile(rb"^message-id[ \t]*:[ \t]*((?:.*)(?:\r?\n[ \t].*)*)", re.IGNORECASE | re.MULTILINE)


def _header_message_id(raw: bytes) -> str | None:
    """The Message-ID from the raw header block (a regex: no full header parse on the hot path)."""
    end = min((i for i in (raw.find(b"\r\n\r\n"), raw.find(b"\n\n")) if i >= 0), default=len(raw))
    m = _MESSAGE_ID.search(raw, 0, end)
    if not m:
        return None
    return normalise_message_id(m.group(1).decode("ascii", errors="replace"))


def inbound_key(raw: bytes) -> tuple[str, str | None]:
    """(deduplication key, normalised Message-ID) of raw bytes; sources use it to label what they did."""
    mid = _header_message_id(raw)
    return message_key(raw, mid), mid
