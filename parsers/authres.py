"""Authentication-Results (RFC 8601), read as the RFC says — never by searching for 'dmarc=pass'.

Only the topmost header(s) that our own receiving server added count (a trusted authserv-id; a
sender can write any header further down, and an MTA that does not strip forged ones leaves them
below its own). Comments are removed before anything is read, properties are never results, and
the result must be about the From domain: DMARC's `header.from`, DKIM's `header.d`/`header.i`,
SPF's `smtp.mailfrom` (aligned: the same domain or a subdomain of one another).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email.message import Message

_TOKEN = re.compile(r"\s*([A-Za-z0-9_.+\-/]+)\s*")
_METHOD = re.compile(r"^\s*([A-Za-z0-9_-]+)(?:\s*/\s*\d+)?\s*=\s*([A-Za-z0-9_-]+)")
_PROPERTY = re.compile(r"([A-Za-z0-9_-]+)\s*\.\s*([A-Za-z0-9_.\-]+)\s*=\s*(\"(?:[^\"\\]|\\.)*\"|[^\s;]+)")
_REASON = re.compile(r"^\s*[A-Za-z0-9_-]+(?:\s*/\s*\d+)?\s*=\s*[A-Za-z0-9_-]+\s*(?:reason\s*=\s*(?:\"(?:[^\"\\]|\\.)*\"|[^\s;]+))?", re.I)


@dataclass
class Result:
    method: str  # dmarc, dkim, spf, …
    result: str  # pass, fail, none, …
    props: dict[str, str] = field(default_factory=dict)  # 'header.from' -> 'example.gov.vn'


@dataclass
class Header:
    authserv_id: str
    results: list[Result] = field(default_factory=list)


def _uncomment(text: str) -> str:
    """Comments (nested parentheses) out, quoted strings kept whole."""
    out: list[str] = []
    depth = 0
    quoted = False
    i = 0
    while i < len(text):
        c = text[i]
        if quoted:
            if c == "\\" and i + 1 < len(text):
                if depth == 0:
                    out.append(text[i : i + 2])
                i += 2
                continue
            if c == '"':
                quoted = False
            if depth == 0:
                out.append(c)
        elif c == "\\" and depth > 0:
            i += 2
            continue
        elif c == "(":
            depth += 1
        elif c == ")" and depth > 0:
            depth -= 1
            out.append(" ")
        elif depth == 0:
            if c == '"':
                quoted = True
            out.append(c)
        i += 1
    return "".join(out)


def _split(text: str) -> list[str]:
    """';'-separated pieces, a ';' inside a quoted string not splitting."""
    pieces: list[str] = []
    cur: list[str] = []
    quoted = False
    for c in text:
        if c == '"':
            quoted = not quoted
        if c == ";" and not quoted:
            pieces.append("".join(cur))
            cur = []
        else:
            cur.append(c)
    pieces.append("".join(cur))
    return pieces


def _unquote(v: str) -> str:
    if len(v) >= 2 and v[0] == v[-1] == '"':
        v = re.sub(r"\\(.)", r"\1", v[1:-1])
    return v


def parse(value: str) -> Header | None:
    """One header value; None when it has no authserv-id."""
    text = _uncomment(" ".join(str(value).split()))
    pieces = _split(text)
    m = _TOKEN.match(pieces[0])
    head = pieces[0].strip()
    if not head:
        return None
    authserv = _unquote(head.split()[0]) if not m else _unquote(m.group(1))
    out = Header(authserv.lower())
    for piece in pieces[1:]:
        mm = _METHOD.match(piece)
        if not mm:
            continue  # 'none', or junk
        r = Result(mm.group(1).lower(), mm.group(2).lower())
        reason = _REASON.match(piece)
        rest = piece[reason.end() if reason else mm.end():]
        for p in _PROPERTY.finditer(rest):
            key = f"{p.group(1).lower()}.{p.group(2).lower()}"
            r.props.setdefault(key, _unquote(p.group(3)))
        out.results.append(r)
    return out


def ours(msg: Message, trusted: list[str]) -> list[Header]:
    """The topmost run of Authentication-Results headers with a trusted authserv-id."""
    want = {t.lower() for t in trusted}
    run: list[Header] = []
    started = False
    try:
        items = msg.raw_items()
        for name, value in items:
            if name.lower() != "authentication-results":
                if started:
                    break  # the run of our own server's headers has ended
                continue
            h = parse(str(value))
            if h is None or (want and h.authserv_id not in want):
                if started:
                    break
                continue
            started = True
            run.append(h)
    except Exception:  # noqa: BLE001 - a malformed header block authenticates nothing
        return []
    return run


def _domain(value: str) -> str:
    v = value.strip().strip("<>").lower().rstrip(".")
    return v.rsplit("@", 1)[-1]


def _aligned(a: str, b: str) -> bool:
    return bool(a and b) and (a == b or a.endswith("." + b) or b.endswith("." + a))


def passes(msg: Message, policy: str, trusted: list[str], from_domain: str) -> bool:
    """The policy holds for this message: 'dmarc' (DMARC pass for the From domain) or 'any_pass'
    (that, or an aligned DKIM or SPF pass)."""
    if policy == "none":
        return True
    if not trusted:
        return False  # no receiving server is trusted: nothing a message says can be believed
    fd = from_domain.lower()
    for h in ours(msg, trusted):
        for r in h.results:
            if r.result != "pass":
                continue
            if r.method == "dmarc":
                hf = r.props.get("header.from")
                if hf is None or _domain(hf) == fd:
                    return True
            if policy == "any_pass" and r.method == "dkim":
                d = r.props.get("header.d") or _domain(r.props.get("header.i", ""))
                if _aligned(_domain(d), fd):
                    return True
            if policy == "any_pass" and r.method == "spf":
                mf = r.props.get("smtp.mailfrom") or r.props.get("smtp.helo", "")
                if "@" in mf and _aligned(_domain(mf), fd):
                    return True
    return False
