"""Receipts and rejections for one inbound message (SPEC §7), enqueued in the same transaction as
its records. Whether to answer is gateway.domain.replies; no sender gets more than the configured
number of replies per hour."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from gateway.config import Config
from gateway.domain.reminders import unit_tasks
from gateway.domain.replies import reply_kind
from gateway.mail import compose
from gateway.store import Store
from parsers import Directory, ParsedReport
from parsers.lookup import lookup
from parsers.models import TaskEntry, UnitInfo
from site_builder.paths import site_link, unit_path
from site_builder.theme import Theme

log = logging.getLogger(__name__)

def example_form(theme: Theme, directory: Directory, unit: UnitInfo | None, kind: str, period: str,
                 tasks: list[TaskEntry] | None = None) -> str:
    """The form shown in a rejection: the unit's tasks (at most eight), or a placeholder unit."""
    shown = tasks if tasks is not None else unit_tasks(directory, unit.code) if unit else []
    return theme.report_form(unit or UnitInfo(code="MÃ_ĐƠN_VỊ", name=""), kind, period, shown[:8])


def enqueue_reply(cfg: Config, theme: Theme, store: Store, directory: Directory, pk: int,
                  report: ParsedReport, now: datetime, part: int = 0) -> int:
    """The receipt of one report of message `pk` (`part`: its place among the message's reports),
    or the rejection of the message."""
    sender = report.sender
    purpose = reply_kind(report, cfg.mail.reply_to_unknown_senders, cfg.mail.own_domains)
    if purpose is None or sender is None:
        return 0
    if store.is_suppressed(sender):
        return 0
    if store.replies_since(sender, now - timedelta(hours=1)) >= cfg.mail.replies_per_sender_per_hour:
        log.warning("reply cap reached for %s: no reply to message %s", sender, pk)
        return 0
    look = lookup(directory)  # the lists indexed once, not per message (7 ms each at 10,000 units)
    units = look.unit_by_code
    unit = units.get(report.unit or "")
    inbound_id = report.message_id
    ctx: dict[str, Any] = {"org_name": cfg.organisation.name}
    if purpose == "receipt":
        assert unit and report.kind and report.period
        first = store.first_report(unit.code, report.kind, report.period)
        correction = first is not None and first["message_pk"] != pk
        ctx.update(
            unit=unit, report=report, deadline=report.deadline,
            correction=correction,
            first_received_at=first["received_at"] if first else None,
            period_timeliness=first["timeliness"] if first else report.timeliness,
            task_titles=look.task_titles,
            site_url=site_link(cfg.site.base_url, unit_path(unit.code)),
        )
        subject, body = theme.render_mail("receipt.txt.j2", ctx)
    else:
        # The example is for a unit this address may report for, not the one it named wrongly.
        own = [units[c] for c in report.sender_units if c in units]
        example_unit = own[0] if own else unit
        kind = report.kind or "daily"
        period = report.period or (report.received_at or now).date().isoformat()
        code = report.codes[0] if report.codes else "not_a_report"
        ctx.update(
            reason=theme.reason(code), code=code, written=report.unread,
            unit_tasks=unit_tasks(directory, example_unit.code) if example_unit else [],
            help_contact=cfg.site.help_contact,
            unit=example_unit, sender_units=own, received_at=report.received_at or now,
            original_subject=report.subject, unread_attachments=report.unread_attachments,
            example=example_form(theme, directory, example_unit, kind, period),
        )
        subject, body = theme.render_mail("rejection.txt.j2", ctx)
    mid = compose.stable_message_id(cfg, purpose, str(pk), str(store.attempts(pk)), *([str(part)] if part else []))
    msg = compose.build(cfg, to=sender, subject=subject, body=body, message_id=mid, now=now,
                        in_reply_to=inbound_id, references=[inbound_id] if inbound_id else None)
    sent = int(store.enqueue(message_id=mid, purpose=purpose, recipient=sender, subject=subject,
                             raw=msg.as_bytes(), now=now, inbound_pk=pk))
    if purpose == "receipt" and unit is not None and sender.lower() not in unit.emails:
        # On behalf (reports_for): the unit it was recorded under gets the receipt too.
        sent += _copy_to_unit(cfg, theme, store, unit, ctx, sender, pk, inbound_id, mid, now)
    return sent


def _copy_to_unit(cfg: Config, theme: Theme, store: Store, unit: UnitInfo, ctx: dict[str, Any], sender: str,
                  pk: int, inbound_id: str | None, mid: str, now: datetime) -> int:
    to = [a for a in unit.emails if not store.is_suppressed(a)]
    if not to:
        return 0
    subject, body = theme.render_mail("receipt.txt.j2", {**ctx, "sent_by": sender})
    copy_id = compose.stable_message_id(cfg, "receipt-unit", mid)
    msg = compose.build(cfg, to=", ".join(to), subject=subject, body=body, message_id=copy_id, now=now,
                        in_reply_to=inbound_id, references=[inbound_id] if inbound_id else None)
    return int(store.enqueue(message_id=copy_id, purpose="receipt", recipient=", ".join(to), subject=subject,
                             raw=msg.as_bytes(), now=now, inbound_pk=pk))
