"""Turn message bytes into decoded text parts, HTML rendered as text, and table attachments.

Every part is decoded on its own, with its declared charset, then known aliases, then UTF-8, then
a lossy fallback: one broken part never sinks the message.
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass, field
from email.message import Message

from parsers.charsets import decode_bytes, decode_words
from parsers.headers import sender_address
from parsers.html import html_to_text

# Labels that real mail uses for codecs Python knows under another name.
TABLE_EXTENSIONS = (".xlsx", ".csv", ".docx")
# Guards that bound the time one message can take (measured worst cases in tests/test_parser_fuzz.py).
# Real report mail is far below each: a few parts, tens of KB of HTML, a few hundred lines.
MAX_PARTS = 300  # MIME leaves visited
MAX_HTML_CHARS = 1_000_000  # HTML rendered (the stdlib HTML parser does ~1-2 MB/s)
MAX_TEXT_CHARS = 400_000  # text handed to the report reader
MAX_TABLE_BYTES = 5 * 1024 * 1024  # a table attachment larger than this is not read


@dataclass
class Attachment:
    filename: str
    content_type: str
    data: bytes


@dataclass
class MessageParts:
    text: str = ""  # the chosen body, as text (HTML already rendered)
    from_html: bool = False
    attachments: list[Attachment] = field(default_factory=list)
    other_files: list[str] = field(default_factory=list)  # names of attachments we do not read
    html_tables: list[list[list[str]]] = field(default_factory=list)
    forwarded: list[MessageParts] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    sender: str = ""  # for an attached (forwarded) message: its From address


def load(raw: bytes) -> Message:
    """The MIME tree under compat32: five times faster than policy.default, whose structured
    header objects we never need — the few headers read for people (Subject, file names) are
    decoded explicitly by `decode_words`, charset by charset, never trusting one label."""
    return email.message_from_bytes(raw, policy=email.policy.compat32)


def unflow(text: str, delsp: bool = False) -> str:
    """RFC 3676 format=flowed: a line ending in a space continues on the next line (Thunderbird,
    Roundcube, Apple Mail wrap long lines this way). Quote depth and space-stuffing respected."""
    out: list[str] = []
    depth_open: tuple[int, list[str]] | None = None
    for line in text.split("\n"):
        line = line.rstrip("\r")
        depth = len(line) - len(line.lstrip(">"))
        content = line[depth:]
        if content.startswith(" "):
            content = content[1:]  # space-stuffing (or the space after '>')
        flowed = content.endswith(" ") and content != "-- "
        if flowed and delsp:
            content = content[:-1]
        if depth_open is not None and depth_open[0] == depth:
            depth_open[1].append(content)
        else:
            if depth_open is not None:
                out.append(_quoted(depth_open))
            depth_open = (depth, [content])
        if not flowed:
            out.append(_quoted(depth_open))
            depth_open = None
    if depth_open is not None:
        out.append(_quoted(depth_open))
    return "\n".join(out)


def _quoted(item: tuple[int, list[str]]) -> str:
    depth, pieces = item
    text = "".join(pieces)
    return (">" * depth + " " + text) if depth else text


_PARAM = re.compile(r';\s*([\w\-*]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))')


def raw_header(part: Message, name: str) -> str:
    """A header's raw text without the email package's structured parsing (which dominates the
    cost of reading a message); control headers such as Content-Type are ASCII."""
    lname = name.lower()
    try:
        for k, v in part.raw_items():
            if k.lower() == lname:
                return str(v)
    except Exception:  # noqa: BLE001
        return ""
    return ""


def content_type(part: Message) -> tuple[str, dict[str, str]]:
    """(type/subtype, parameters) from the raw header, with RFC 2045 defaults."""
    raw = " ".join(raw_header(part, "Content-Type").split())
    main = raw.split(";", 1)[0].strip().lower()
    params = {m.group(1).lower(): (m.group(2) if m.group(2) is not None else m.group(3)) for m in _PARAM.finditer(raw)}
    if "/" not in main or not main.replace("/", "").replace("-", "").replace(".", "").replace("+", "").isalnum():
        try:
            main = part.get_content_type()  # the package's defaults (message/rfc822 in a digest …)
        except Exception:  # noqa: BLE001
            main = "text/plain"
    return main, params


def part_text(part: Message) -> str:
    try:
        payload = part.get_payload(decode=True)
    except Exception:  # noqa: BLE001 - broken transfer encoding: fall back to the raw payload
        payload = None
    if payload is None:
        raw = part.get_payload()
        if isinstance(raw, str):
            payload = raw.encode("utf-8", errors="replace")
        else:
            return ""
    if not isinstance(payload, bytes):
        return ""
    charset = content_type(part)[1].get("charset") or None
    return decode_bytes(payload, charset)


def _filename(part: Message) -> str:
    try:
        name = part.get_filename()  # RFC 2231 (filename*=) decoded here; RFC 2047 words below
    except Exception:  # noqa: BLE001 - bad RFC 2231 parameters
        name = None
    return decode_words(name)


def _is_attachment(part: Message) -> bool:
    try:
        disp = part.get_content_disposition()
    except Exception:  # noqa: BLE001
        disp = None
    return disp == "attachment" or (disp == "inline" and bool(_filename(part)))


def extract(msg: Message, depth: int = 0) -> MessageParts:
    """Walk the MIME tree once: choose the body, collect table attachments and forwarded mail."""
    out = MessageParts()
    plain: list[str] = []
    html: list[str] = []
    stack: list[Message] = [msg]
    visited = 0
    while stack:
        part = stack.pop(0)
        visited += 1
        if visited > MAX_PARTS:
            out.problems.append(f"more than {MAX_PARTS} MIME parts: the rest is not read")
            break
        ctype, params = content_type(part)
        if part.is_multipart():
            try:
                children = part.get_payload()
            except Exception:  # noqa: BLE001
                children = []
            if ctype == "multipart/alternative":
                # Prefer the plain alternative, keep the HTML one as a fallback.
                stack = [c for c in children if isinstance(c, Message)] + stack
            else:
                stack = [c for c in children if isinstance(c, Message)] + stack
            continue
        if ctype == "message/rfc822":
            if depth < 3:
                try:
                    inner = part.get_payload()
                    inner_msg = inner[0] if isinstance(inner, list) else inner
                    if isinstance(inner_msg, Message):
                        fwd = extract(inner_msg, depth + 1)
                        fwd.sender = sender_address(inner_msg)
                        out.forwarded.append(fwd)
                except Exception as exc:  # noqa: BLE001
                    out.problems.append(f"forwarded part: {exc}")
            continue
        name = _filename(part)
        if _is_attachment(part) or (name and not ctype.startswith("text/")):
            lower = name.lower()
            if lower.endswith(TABLE_EXTENSIONS) or ctype in (
                "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ):
                try:
                    payload = part.get_payload(decode=True)
                except Exception:  # noqa: BLE001
                    payload = None
                data = payload if isinstance(payload, bytes) else b""
                if len(data) <= MAX_TABLE_BYTES:
                    out.attachments.append(Attachment(name, ctype, data))
            elif name and not ctype.startswith("image/") and len(out.other_files) < 20:
                out.other_files.append(name[:120])  # a report in Word/PDF (logos are not reports)
            continue
        if ctype == "text/plain":
            text = part_text(part)
            if params.get("format", "").lower() == "flowed":
                text = unflow(text.replace("\r\n", "\n"), params.get("delsp", "").lower() == "yes")
            plain.append(text)
        elif ctype == "text/html":
            html.append(part_text(part)[:MAX_HTML_CHARS])
    if any(p.strip() for p in plain):
        out.text = "\n".join(plain)[:MAX_TEXT_CHARS]
        # Tables pasted into an HTML mail exist only in the HTML alternative.
        for h in html:
            if "<table" in h or "<TABLE" in h:
                out.html_tables.extend(html_to_text(h).tables)
    elif html:
        rendered = [html_to_text(h) for h in html]
        out.text = "\n".join(r.text for r in rendered)[:MAX_TEXT_CHARS]
        out.from_html = True
        for r in rendered:
            out.html_tables.extend(r.tables)
    return out
