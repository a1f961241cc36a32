"""Build the messages we send from templates/email/*.j2, marked so that nobody answers them."""

from __future__ import annotations

import hashlib
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from typing import Any

from gateway.config import Config
from gateway.templating import environment


def loop_header(cfg: Config) -> str:
    return f"X-{cfg.mail.loop_token}-Loop"


def our_domain(cfg: Config) -> str:
    return cfg.mail.address.rsplit("@", 1)[-1] if "@" in cfg.mail.address else "localhost"


def stable_message_id(cfg: Config, *parts: str) -> str:
    """Deterministic, recognisable Message-ID: the same event always gets the same id."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]
    return f"<{digest}@{cfg.mail.loop_token}.{our_domain(cfg)}>"


def render(cfg: Config, template: str, context: dict[str, Any]) -> tuple[str, str]:
    """(subject, body). The template sets `subject` with {% set subject %}…{% endset %}."""
    tmpl = environment(str(cfg.resolve(cfg.templates)) if cfg.templates else "").get_template(f"email/{template}")
    module = tmpl.make_module(context)
    body = str(module)
    subject = " ".join(str(getattr(module, "subject", "")).split())
    return subject, body


def build(cfg: Config, *, to: str, subject: str, body: str, message_id: str, now: datetime,
          in_reply_to: str | None = None, references: list[str] | None = None,
          auto: str = "auto-replied", attachments: list[tuple[str, str, bytes]] | None = None) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = formataddr((cfg.mail.display_name, cfg.mail.address))
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = message_id
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        refs = [r for r in (references or []) if r] + [in_reply_to]
        msg["References"] = " ".join(dict.fromkeys(refs))
    msg["Auto-Submitted"] = auto
    msg["X-Auto-Response-Suppress"] = "All"
    msg[loop_header(cfg)] = cfg.mail.address
    msg["Precedence"] = "auto_reply" if auto == "auto-replied" else "bulk"
    msg.set_content(body, charset="utf-8", cte="quoted-printable")
    for name, ctype, data in attachments or []:
        maintype, subtype = ctype.split("/", 1)
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg
