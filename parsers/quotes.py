"""Split a text body into the new message and the quoted or forwarded history.

Vietnamese and English quote headers of Gmail, Outlook and Zimbra (MAIL-IN-THE-WILD.md). Reply
quotes are never read; a forwarded message is read when the new text above it holds no report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers.html import QUOTE_MARK
from parsers.text import fold

_FORWARD = re.compile(
    r"^-{2,}\s*(?:forwarded message|thu da chuyen tiep|thu chuyen tiep|chuyen tiep thu|tin nhan da chuyen tiep|begin forwarded message)\s*-*$"
    r"|^begin forwarded message:?$"
)
_FORWARD_WEAK = re.compile(r"^-{2,}\s*(?:original message|thu goc)\s*-*$")
_REPLY = [
    re.compile(r"^-{3,}\s*(?:original message|thu goc|tin nhan goc)\s*-{3,}$"),
    re.compile(r"^-{2,}\s*vao .*(?:da viet|viet)\s*:?\s*$"),
    re.compile(r"^vao .{4,200}(?:da viet|viet)\s*:\s*$"),
    re.compile(r"^on .{4,200}wrote\s*:\s*$"),
    re.compile(r"^le .{4,200}a ecrit\s*:\s*$"),
]
# Outlook's rule above a quoted header; an official report draws the same rule under its motto.
_RULE = re.compile(r"^_{10,}$")
_HEADER_FROM = re.compile(r"^\*?(?:from|tu|nguoi gui)\s*:\*?\s")
_HEADER_NEXT = re.compile(r"^\*?(?:sent|date|to|subject|da gui|ngay|toi|den|gui|chu de|tieu de|cc)\s*:")
# Any line of a quoted message's header block (Gmail, Outlook, Zimbra; English and Vietnamese).
_HEADER_ANY = re.compile(
    r"^\*?(?:from|sent|date|to|subject|cc|bcc|reply-to|tu|nguoi gui|da gui|ngay gui|ngay|toi|den|gui|"
    r"chu de|tieu de|cc|ban sao)\*?\s*:"
)


# Every boundary pattern below starts with one of these characters (of the folded line): most
# lines are ruled out by one set lookup instead of ten regex calls.
_BOUNDARY_FIRST = frozenset("-_bvolf*tn")


@dataclass
class Segment:
    lines: list[str]
    kind: str  # "new" | "reply" | "forward"
    header: list[str] = field(default_factory=list)  # the quoted message's From:/Date:/… block


def _boundary(lines: list[str], i: int) -> str | None:
    raw = lines[i]
    if raw.strip() == QUOTE_MARK:
        # Decide by what follows the structural marker.
        for nxt in lines[i + 1 : i + 8]:
            f = fold(nxt)
            if _FORWARD.match(f):
                return "forward"
        return "reply"
    if raw.lstrip().startswith(">"):
        return None
    f = fold(raw)
    if not f or f[0] not in _BOUNDARY_FIRST:
        return None
    if _FORWARD.match(f):
        return "forward"
    if _FORWARD_WEAK.match(f):
        return "reply"
    for rx in _REPLY:
        if rx.match(f):
            return "reply"
    if _RULE.match(f):
        nxt = next((fold(x) for x in lines[i + 1 : i + 4] if x.strip()), "")
        return "reply" if _HEADER_FROM.match(nxt + " ") else None
    # Gmail wraps "Vào ... đã viết:" over two lines.
    if f.startswith("vao ") and i + 1 < len(lines) and fold(lines[i + 1]).endswith(("da viet:", "viet:")):
        return "reply"
    if f.startswith("on ") and i + 1 < len(lines) and fold(lines[i + 1]).endswith("wrote:"):
        return "reply"
    # Outlook without a separator: "Từ:"/"From:" followed by "Đã gửi:"/"Sent:" within 3 lines.
    if _HEADER_FROM.match(f + " "):
        for nxt in lines[i + 1 : i + 4]:
            if _HEADER_NEXT.match(fold(nxt)):
                return "reply"
    return None


def split(text: str) -> list[Segment]:
    lines = text.split("\n")
    segments: list[Segment] = []
    current = Segment([], "new")
    # Answers typed between the '>' lines of a quoted message (under each question of our form):
    # the person's own new text, read as such.
    inline = Segment([], "new")
    quoted_seen = False
    context: dict[str, str] = {}
    in_header = False  # just after a quote/forward marker: its From:/Date:/… block
    for i, line in enumerate(lines):
        if in_header:
            f = fold(line)
            if not f or line.strip() == QUOTE_MARK or _FORWARD.match(f) or _HEADER_ANY.match(f):
                if f:
                    current.header.append(line)
                continue
            if current.header and _continues_header(current.header[-1], f):
                current.header.append(line)
                continue
            in_header = False
        b = _boundary(lines, i)
        if b:
            segments.append(current)
            current = Segment([], b)
            in_header = True
            quoted_seen = False
            if line.strip() != QUOTE_MARK:
                current.header.append(line)
            continue
        if line.lstrip().startswith(">"):
            quoted_seen = True
            _note_quoted(line, context)
            continue  # classic quoting
        if current.kind == "reply" and quoted_seen and line.strip():
            # The answer belongs under the quoted task and field it was typed below: those
            # lines (our form's labels, never its old values) come along, once each.
            for kept in _context_lines(context):
                inline.lines.append(kept)
            inline.lines.append(line)
            continue
        current.lines.append(line)
    segments.append(current)
    if inline.lines:
        segments.insert(1, inline)
    return segments


_FORM_HEADER = ("don vi:", "loai bao cao:", "ky bao cao:")
_EMPTY_LABEL = re.compile(r"^[^:]{2,40}:\s*$")


def _note_quoted(line: str, context: dict[str, str]) -> None:
    """Remember the quoted form's header lines, its last task line and a label left empty."""
    text = line.lstrip()[1:].strip()
    f = fold(text)
    if f.startswith(_FORM_HEADER):
        context.setdefault("header:" + f.split(":")[0], text)
    elif f.startswith("nhiem vu:"):
        context["task"] = text
        context.pop("label", None)
    elif _EMPTY_LABEL.match(text):
        context["label"] = text
    elif f:
        context.pop("label", None)


def _context_lines(context: dict[str, str]) -> list[str]:
    out = [v for k, v in context.items() if k.startswith("header:") and not context.get("sent:" + k)]
    for k in [k for k in context if k.startswith("header:")]:
        context["sent:" + k] = "1"
    if context.get("task") and context.get("sent:task") != context["task"]:
        out.append(context["task"])
        context["sent:task"] = context["task"]
    if context.get("label"):
        out.append(context.pop("label"))
    return out


def _continues_header(previous: str, folded: str) -> bool:
    """Gmail wraps a long 'From:'/'To:' value; the rest of an address list is still header."""
    return folded.startswith("<") or (folded.count("@") >= 1 and len(folded) < 200 and ":" not in folded)
