"""Machine mail: auto-replies, bounces, mailing lists and our own mail are recorded, never answered."""

from __future__ import annotations

import re
from email.message import Message

from parsers import authres
from parsers.headers import decoded_header, header
from parsers.text import fold

_NOREPLY_LOCAL = re.compile(r"^(?:mailer-daemon|postmaster|no[-_.]?reply|do[-_.]?not[-_.]?reply|bounces?|auto-?reply)(?:[+\-.].*)?$", re.I)


def classify(msg: Message, sender: str, own_addresses: list[str], loop_token: str, subject: str | None = None) -> str | None:
    """The `ignored` reason code, or None for mail a person wrote."""
    own = {a.lower() for a in own_addresses if a}
    if sender and sender.lower() in own:
        return "own_message"
    if header(msg, f"X-{loop_token}-Loop") or (
        loop_token and f"@{loop_token}." in header(msg, "Message-ID").lower() and header(msg, "Auto-Submitted")
    ):
        return "own_message"
    ctype = ""
    try:
        ctype = msg.get_content_type()
        report_type = (msg.get_param("report-type") or "") if ctype == "multipart/report" else ""
    except Exception:  # noqa: BLE001
        report_type = ""
    if ctype == "multipart/report" or "delivery-status" in str(report_type).lower():
        return "bounce"
    auto = _auto_reply(msg, subject)
    if auto:
        return auto  # before the other bounce signs: an out-of-office often has an empty return path
    local = sender.split("@", 1)[0] if sender else ""
    if local.lower() in ("mailer-daemon", "postmaster") or _DAEMON_NAME.search(header(msg, "From")):
        return "bounce"
    if header(msg, "List-Id") or header(msg, "List-Unsubscribe") or header(msg, "List-Post"):
        return "mailing_list"
    prec = header(msg, "Precedence").lower()
    if prec in ("bulk", "list"):
        return "mailing_list"
    rp = header(msg, "Return-Path")
    if rp.replace(" ", "") == "<>":
        return "bounce"
    if header(msg, "X-Loop"):
        return "auto_reply"
    if local and _NOREPLY_LOCAL.match(local):
        return "auto_reply"
    return None


# Subjects that only machines write: 'Auto reply: …', 'AUTO: … is out of the office', 'AutoReply',
# 'Trả lời tự động: …', 'Out of Office: …', 'Thư trả lời tự động'.
_AUTO_SUBJECT = re.compile(
    r"^\s*(?:\[[^\]]*\]\s*)?(?:auto(?:matic)?[\s_-]?(?:repl(?:y|ies)|response|answer)\b|auto\s*:|autoreply|"
    r"out of (?:the )?office\b|ooo\s*:|(?:thu )?tra loi tu dong|phan hoi tu dong|vang mat\s*:|"
    r"(?:automatische antwort|abwesenheitsnotiz|reponse automatique|respuesta automatica)\b)",
    re.I,
)
_DAEMON_NAME = re.compile(r"^\s*\"?(?:mail(?:er)?[-\s]?daemon|mail delivery (?:subsystem|system)|postmaster)\b", re.I)


def _auto_reply(msg: Message, subject: str | None = None) -> str | None:
    auto = header(msg, "Auto-Submitted").lower()
    if auto and not auto.startswith("no"):
        return "auto_reply"
    if header(msg, "X-Autoreply").lower() in ("yes", "true") or header(msg, "X-Autorespond"):
        return "auto_reply"
    if header(msg, "X-MS-Exchange-Inbox-Rules-Loop") and header(msg, "X-Auto-Response-Suppress"):
        return "auto_reply"
    if header(msg, "Precedence").lower() in ("auto_reply", "junk"):
        return "auto_reply"
    if _AUTO_SUBJECT.match(fold(decoded_header(msg, "Subject") if subject is None else subject)):
        return "auto_reply"
    return None


def bounced_addresses(msg: Message) -> list[str]:
    """Final-Recipient addresses of a delivery-status report (which focal-point address is dead)."""
    found: list[str] = []
    try:
        for part in msg.walk():
            if part.get_content_type() == "message/delivery-status":
                payload = part.get_payload()
                blocks = payload if isinstance(payload, list) else [payload]
                for b in blocks:
                    text = b.as_string() if isinstance(b, Message) else str(b)
                    for m in re.finditer(r"(?im)^final-recipient:\s*(?:rfc822;)?\s*(\S+@\S+)", text):
                        found.append(m.group(1).strip("<>").lower())
    except Exception:  # noqa: BLE001
        pass
    return sorted(set(found))


def auth_ok(msg: Message, policy: str, trusted: list[str], sender: str = "") -> bool:
    """Authentication-Results from our own receiving server show a pass for the From domain
    (RFC 8601, parsers.authres)."""
    return authres.passes(msg, policy, trusted, sender.rsplit("@", 1)[-1] if sender else "")
