"""Build the messages we send (their text comes from the theme's templates/email/*.j2), marked so
that nobody answers them.

Header values that come from a message we received (the subject a rejection repeats, the
Message-ID we answer in In-Reply-To/References) are sanitised here, for every mail: no CR, LF,
VT, FF or other control character, no bidi control, whitespace collapsed, length capped. A
Message-ID that is not a plausible `<id@domain>` is dropped rather than copied."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import datetime
from email import encoders
from email.charset import BASE64, QP, Charset
from email.header import Header
from email.message import Message
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import Compat32
from email.utils import format_datetime, formataddr
from typing import Any

from gateway.config import Config


def loop_header(cfg: Config) -> str:
    return f"X-{cfg.mail.loop_token}-Loop"


def our_domain(cfg: Config) -> str:
    return cfg.mail.address.rsplit("@", 1)[-1] if "@" in cfg.mail.address else "localhost"


def stable_message_id(cfg: Config, *parts: str) -> str:
    """Deterministic, recognisable Message-ID: the same event always gets the same id."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]
    return f"<{digest}@{cfg.mail.loop_token}.{our_domain(cfg)}>"


class _Policy(Compat32):
    """compat32, minus refolding of header values that are already short ASCII (they all are but
    the encoded Subject/From, which keep the standard folding): Header() for each of a dozen
    plain headers was a third of the cost of a receipt."""

    def _fold(self, name: str, value: Any, sanitize: bool) -> str:
        if isinstance(value, str) and value.isascii() and "\n" not in value and len(name) + len(value) < 76:
            return f"{name}: {value}{self.linesep}"
        return super()._fold(name, value, sanitize)  # type: ignore[misc]  # compat32's own (untyped) helper


POLICY = _Policy()

# Bodies in base64: binascii does it in C (quoted-printable is pure Python and cost more than
# the whole template render), and every client decodes it.
_UTF8 = Charset("utf-8")
_UTF8.header_encoding = QP
_UTF8.body_encoding = BASE64


SUBJECT_MAX = 120  # characters: a rejection quotes at most ~100 of the sender's subject
MESSAGE_ID_MAX = 250  # RFC 5322 lines are 998; real Message-IDs are well under 100
_MSG_ID = re.compile(r"<[!-;=?-~]{1,248}>")  # printable ASCII but '<' and '>', no space


def clean_header_text(text: str, limit: int = SUBJECT_MAX) -> str:
    """One line of text for a header: control, format (bidi) and line-separator characters become
    spaces, runs of whitespace one space, and a value over `limit` characters is cut with '…'."""
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        out.append(" " if cat[0] in ("C", "Z") and ch != " " or ch.isspace() else ch)
    line = " ".join("".join(out).split())
    if len(line) > limit:
        line = line[:limit - 1].rstrip() + "…"
    return line


def clean_message_id(value: str | None) -> str | None:
    """A Message-ID fit to copy into In-Reply-To/References, or None."""
    if not value:
        return None
    value = value.strip()
    if len(value) > MESSAGE_ID_MAX or not _MSG_ID.fullmatch(value):
        return None
    return value


def _header(text: str, name: str = "Subject") -> str:
    """RFC 2047-encode a header value when it is not plain ASCII."""
    try:
        text.encode("ascii")
        return text
    except UnicodeEncodeError:
        return Header(text, "utf-8", maxlinelen=76, header_name=name).encode()


def build(cfg: Config, *, to: str, subject: str, body: str, message_id: str, now: datetime,
          in_reply_to: str | None = None, references: list[str] | None = None,
          auto: str = "auto-replied", attachments: list[tuple[str, str, bytes]] | None = None) -> Message:
    # email.mime with plain string headers: the policy-based EmailMessage re-parses and refolds
    # every header, which cost more than everything else in a receipt.
    text = MIMEText(body, "plain", _UTF8, policy=POLICY)  # type: ignore[arg-type]  # a Charset works (email.charset)
    if attachments:
        msg: Message = MIMEMultipart(policy=POLICY)
        msg.attach(text)
        for name, ctype, data in attachments:
            maintype, subtype = ctype.split("/", 1)
            part = MIMEBase(maintype, subtype, policy=POLICY)
            part.set_payload(data)
            encoders.encode_base64(part)
            part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", name))
            msg.attach(part)
    else:
        msg = text
    msg["From"] = formataddr((cfg.mail.display_name, cfg.mail.address), charset="utf-8")
    msg["To"] = clean_header_text(to, 998)
    msg["Subject"] = _header(clean_header_text(subject))
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = message_id
    in_reply_to = clean_message_id(in_reply_to)
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        refs = [r for r in (clean_message_id(x) for x in references or []) if r][-10:] + [in_reply_to]
        msg["References"] = " ".join(dict.fromkeys(refs))
    msg["Auto-Submitted"] = auto
    msg["X-Auto-Response-Suppress"] = "All"
    msg[loop_header(cfg)] = cfg.mail.address
    msg["Precedence"] = "auto_reply" if auto == "auto-replied" else "bulk"
    return msg
