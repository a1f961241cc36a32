"""Receipts and rejections for one inbound message (SPEC §7), enqueued in the same transaction as
its records. Nobody is answered for machine mail, unknown senders (no backscatter) or forged mail,
and no sender gets more than the configured number of replies per hour."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from gateway.config import Config
from gateway.domain.calendar import WorkCalendar
from gateway.mail import compose
from gateway.messages import period_input, reason_text
from gateway.store import Store
from parsers import Directory, ParsedReport
from parsers.models import TaskEntry, UnitInfo
from site_builder.build import unit_path

log = logging.getLogger(__name__)

NO_REPLY_CODES = {"auth_failed"}


def site_link(cfg: Config, path: str) -> str:
    return cfg.site.base_url.rstrip("/") + "/" + path if cfg.site.base_url else ""


def unit_tasks(directory: Directory, unit_code: str) -> list[TaskEntry]:
    return [TaskEntry(code=t.code, title=t.title) for t in directory.tasks
            if t.lead_unit == unit_code or unit_code in t.coordinating_units]


def example_form(cfg: Config, directory: Directory, unit: UnitInfo | None, kind: str, period: str,
                 tasks: list[TaskEntry] | None = None) -> str:
    _, text = compose.render(cfg, "report_form.txt.j2", {
        "unit": unit or UnitInfo(code="MÃ_ĐƠN_VỊ", name=""),
        "kind": kind,
        "period_text": period_input(kind, period),
        "tasks": (tasks if tasks is not None else unit_tasks(directory, unit.code) if unit else [])[:8]
        or [TaskEntry(code="NV01", title="")],
    })
    return text.strip()


def enqueue_reply(cfg: Config, store: Store, directory: Directory, cal: WorkCalendar, pk: int,
                  report: ParsedReport, now: datetime) -> int:
    sender = report.sender
    if not sender or report.outcome == "ignored" or set(report.codes) & NO_REPLY_CODES:
        return 0
    if "unknown_sender" in report.codes and not cfg.mail.reply_to_unknown_senders:
        return 0
    if report.codes == ["not_a_report"] and report.replies_to_us and not report.unread_attachments:
        return 0  # "Cảm ơn" in answer to a receipt or reminder: recorded, not argued with
    if store.is_suppressed(sender):
        return 0
    if store.replies_since(sender, now - timedelta(hours=1)) >= cfg.mail.replies_per_sender_per_hour:
        log.warning("reply cap reached for %s: no reply to message %s", sender, pk)
        return 0
    units = {u.code: u for u in directory.units}
    unit = units.get(report.unit or "")
    inbound_id = report.message_id
    ctx = {"org_name": cfg.organisation.name}
    if report.outcome == "accepted":
        assert unit and report.kind and report.period
        first = store.first_report(unit.code, report.kind, report.period)
        correction = first is not None and first["message_pk"] != pk
        ctx.update(
            unit=unit, report=report, deadline=report.deadline,
            correction=correction,
            first_received_at=first["received_at"] if first else None,
            period_timeliness=first["timeliness"] if first else report.timeliness,
            task_titles={t.code: t.title for t in directory.tasks},
            site_url=site_link(cfg, unit_path(unit.code)),
        )
        subject, body = compose.render(cfg, "receipt.txt.j2", ctx)
        purpose = "receipt"
    else:
        # The example is for a unit this address may report for, not the one it named wrongly.
        own = [units[c] for c in report.sender_units if c in units]
        example_unit = own[0] if own else unit
        kind = report.kind or "daily"
        period = report.period or (report.received_at or now).date().isoformat()
        ctx.update(
            reason=reason_text(report.codes[0] if report.codes else "not_a_report"),
            unit=example_unit, sender_units=own, received_at=report.received_at or now,
            original_subject=report.subject, unread_attachments=report.unread_attachments,
            example=example_form(cfg, directory, example_unit, kind, period),
        )
        subject, body = compose.render(cfg, "rejection.txt.j2", ctx)
        purpose = "rejection"
    mid = compose.stable_message_id(cfg, purpose, str(pk), str(store.attempts(pk)))
    msg = compose.build(cfg, to=sender, subject=subject, body=body, message_id=mid, now=now,
                        in_reply_to=inbound_id, references=[inbound_id] if inbound_id else None)
    return int(store.enqueue(message_id=mid, purpose=purpose, recipient=sender, subject=subject,
                             raw=msg.as_bytes(), now=now, inbound_pk=pk))
