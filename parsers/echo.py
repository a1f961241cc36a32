"""Our own receipt pasted back: an auto-responder that echoes the receipt unquoted would otherwise
have its echo read as a report (our receipt lists every task with its status and progress).

Every receipt carries a reference line (templates/email/_reference.txt.j2):
`Mã tham chiếu …: KBC/<unit>/<period>`. A message whose new (unquoted) text holds that line, and
nothing above our receipt's greeting that looks like report content, is our own message. A person
who writes a correction above a pasted receipt is still read (labels, task codes or a percentage
above the greeting count as their own words).
"""

from __future__ import annotations

import re
from email.message import Message

from parsers import mime, quotes
from parsers.text import fold

MARKER = "KBC/"
_REFERENCE = re.compile(r"\bma tham chieu\b.*\bkbc/\S+")
_GREETING = re.compile(r"^\s*kinh gui\b")
_CONTENT = re.compile(
    r"\d\s*%|\bphan tram\b|\b(nhiem vu|tien do|tinh trang|trang thai|ket qua|kho khan|de xuat|don vi|"
    r"ky bao cao|loai bao cao)\b|\bnv\s?-?\d+")


def _mentions_marker(msg: Message) -> bool:
    """Cheap first look: does any text part hold the marker at all (most mail: no, and done)?"""
    for part in msg.walk():
        if part.get_content_maintype() == "text":
            try:
                if MARKER in mime.part_text(part):
                    return True
            except Exception:  # noqa: BLE001 - an undecodable part is no echo of ours
                continue
    return False


def is_echo_text(text: str) -> bool:
    """The new text is only our receipt: its reference line, and no report content of the
    writer's own above the receipt's greeting."""
    new: list[str] = []
    for seg in quotes.split(text.replace("\r\n", "\n")):
        if seg.kind == "new":
            new += seg.lines
    folded = [fold(line) for line in new]
    marks = [i for i, f in enumerate(folded) if _REFERENCE.search(f)]
    if not marks:
        return False
    start = 0
    for i in range(marks[0], -1, -1):
        if _GREETING.match(folded[i]):
            start = i
            break
    own_words = " ".join(f for f in folded[:start] if f.strip())
    return not _CONTENT.search(own_words)


def own_echo(msg: Message) -> str | None:
    """'own_message' when the message is our receipt pasted back, else None."""
    if not _mentions_marker(msg):
        return None
    return "own_message" if is_echo_text(mime.extract(msg).text) else None
