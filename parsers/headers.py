"""Reading headers without trusting them: raw values for control headers, decoded text for people."""

from __future__ import annotations

from email.message import Message
from email.utils import getaddresses, parseaddr

from parsers.charsets import decode_words


def header(msg: Message, name: str) -> str:
    """The raw (undecoded) value of the first header of that name: control headers are ASCII, and
    skipping the policy's structured parsing makes classification cheap and crash-proof."""
    lname = name.lower()
    try:
        for k, v in msg.raw_items():
            if k.lower() == lname:
                return str(v).strip()
    except Exception:  # noqa: BLE001 - a malformed header block reads as absent
        return ""
    return ""


def decoded_header(msg: Message, name: str) -> str:
    """A header decoded for people (RFC 2047 encoded words, raw 8-bit bytes), e.g. the Subject."""
    return decode_words(header(msg, name))


def sender_address(msg: Message) -> str:
    v = header(msg, "From")
    if not v:
        v = header(msg, "Sender")
    try:
        addrs = getaddresses([v])
        addr = addrs[0][1] if addrs else parseaddr(v)[1]
    except Exception:  # noqa: BLE001
        addr = parseaddr(v)[1]
    return addr.strip().strip("<>").lower()
