"""Where outgoing mail goes: a directory of .eml files (embedded default) or an SMTP server."""

from __future__ import annotations

from typing import Protocol


class TemporaryFailure(Exception):
    """Try again later (4xx, connection refused, timeout). `server` is True when the failure is
    the server's, not the message's (unreachable, TLS, AUTH, a 421 at greeting): every message
    would fail the same way, so the outbox stops the round and probes again soon."""

    def __init__(self, message: str, server: bool = False) -> None:
        super().__init__(message)
        self.server = server


class PermanentFailure(Exception):
    """The server refused for good (5xx)."""

    def __init__(self, message: str, code: int = 550, enhanced: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.enhanced = enhanced


class PartialDelivery(Exception):
    """Accepted for some recipients, refused for others: the message counts as sent; the refused
    addresses are reported (address -> (code, enhanced status, text))."""

    def __init__(self, refused: dict[str, tuple[int, str, str]]) -> None:
        super().__init__(", ".join(f"{a}: {c} {t}" for a, (c, _, t) in refused.items()))
        self.refused = refused


class Sink(Protocol):
    def send(self, raw: bytes, sender: str, recipients: list[str], message_id: str) -> None: ...

    def close(self) -> None: ...
