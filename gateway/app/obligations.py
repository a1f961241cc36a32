"""One-off obligations (SPEC §8.1), received by mail or marked by the Office.

A message from a unit's focal point that names an obligation (its code, or its whole title, in the
subject or the writer's own text) is recorded as that unit's submission, with the names of its
attachments (the raw message is kept, as every message is). When the message is also a report,
the report is recorded as usual afterwards; when it is only the plan (a .docx the reader does not
take as a report), the message is accepted as the obligation's submission instead of rejected.
Either way the unit gets an acknowledgement in the thread of its message. The record is committed
before the report (UNIQUE per obligation, unit and message): a crash in between records nothing
twice.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from gateway.app.instance import Instance
from gateway.app.notify import Planned
from gateway.domain import obligations as rules
from gateway.errors import UserError
from gateway.mail import compose
from parsers import ParsedReport
from parsers.headers import decoded_header
from parsers.lookup import lookup
from parsers.mime import extract, load
from parsers.quotes import split
from site_builder.paths import OBLIGATIONS, site_link

log = logging.getLogger(__name__)

_NOT_SENDERS = {"unknown_sender", "auth_failed", "too_large"}


def take(inst: Instance, pk: int, raw: bytes, report: ParsedReport, now: datetime) -> bool:
    """Record an obligation named by the message; True when that is all the message is."""
    d = inst.directory
    if not d.obligations or report.outcome == "ignored" or set(report.codes) & _NOT_SENDERS:
        return False
    if not report.sender_units or report.authenticated is False:
        return False
    msg = load(raw)
    parts = extract(msg)
    segments = split(parts.text)
    own = "\n".join(segments[0].lines) if segments else ""
    subject = decoded_header(msg, "Subject")
    hits = rules.named(f"{subject}\n{own}", d.obligations)
    if not hits:
        return False
    files = [a.filename for a in parts.attachments] + list(parts.other_files)
    allowed = d.may_report_for([u for u in d.units if u.code in report.sender_units])
    received = report.received_at or now
    store = inst.store
    done: list[tuple[Any, str]] = []
    with store.transaction():
        for o in hits:
            owing = set(rules.owed_by(o, d.units))
            named_unit = report.unit if report.unit in allowed else None
            units = [named_unit] if named_unit else [c for c in report.sender_units if c in owing]
            if len(units) != 1 or units[0] not in owing:
                continue
            if store.add_obligation_record(obligation=o.code, unit=units[0], received_at=received, source="mail",
                                           message_pk=pk, attachments=files, note=None):
                done.append((o, units[0]))
        only = bool(done) and report.outcome != "accepted"
        if only:
            store.set_outcome(pk, outcome="accepted", codes=["obligation"], warnings=[], sender=report.sender,
                              subject=report.subject, error=None, report_id=None, now=now)
        for o, unit in done:
            for p in _ack(inst, pk, o, unit, files, report, received):
                p.enqueue(inst.cfg, store, now)
    for o, unit in done:
        log.info("message %s: obligation %s received from %s", pk, o.code, unit)
    return bool(done) and report.outcome != "accepted"


def _ack(inst: Instance, pk: int, o: Any, unit_code: str, files: list[str], report: ParsedReport,
         received: datetime) -> list[Planned]:
    if not report.sender or inst.store.is_suppressed(report.sender):
        return []
    unit = lookup(inst.directory).unit_by_code[unit_code]
    deadline = rules.deadline_at(o, inst.cfg.deadlines.daily, inst.cfg.tz)
    subject, body = inst.theme.render_mail("obligation_receipt.txt.j2", {
        "o": o, "unit": unit, "files": files, "received_at": received, "deadline": deadline,
        "on_time": deadline is None or received <= deadline, "org_name": inst.cfg.organisation.name,
        "site_url": site_link(inst.cfg.site.base_url, OBLIGATIONS),
    })
    key = f"obligation:{o.code}:{unit_code}:{pk}"
    return [Planned(purpose="obligation", recipient=report.sender, subject=subject, body=body,
                    message_id=compose.stable_message_id(inst.cfg, key), dedupe_key=key, unit=unit_code,
                    auto="auto-replied", in_reply_to=report.message_id, inbound_pk=pk)]


def mark(inst: Instance, code: str, unit: str, at: datetime, note: str) -> None:
    """The Office marks an obligation done for a unit (`baocao obligation mark CODE UNIT`)."""
    d = inst.directory
    o = next((x for x in d.obligations if x.code == code), None)
    if o is None:
        raise UserError(f"no obligation {code!r} in the obligations list"
                        + ("" if inst.cfg.lists.obligations else " (none is named under [lists] obligations)"))
    if unit not in rules.owed_by(o, d.units):
        raise UserError(f"unit {unit!r} does not owe {code} (see its `units` column)")
    with inst.store.transaction():
        inst.store.add_obligation_record(obligation=code, unit=unit, received_at=at, source="office",
                                         message_pk=None, attachments=[], note=note or None)


def table(inst: Instance, now: datetime) -> list[tuple[Any, list[rules.ObligationCell]]]:
    records = inst.store.obligation_records()
    out = []
    for o in inst.directory.obligations:
        deadline = rules.deadline_at(o, inst.cfg.deadlines.daily, inst.cfg.tz)
        out.append((o, rules.cells(o, rules.owed_by(o, inst.directory.units), records, deadline, now)))
    return out
