"""The working group's loop on difficulties (SPEC §7, §8.1): records kept from the reports, the
routing mail to the resolving agency, the agency's answer read from its reply, the Office's
closing — the rules are gateway.domain.difficulties; this module stores and mails.

`sync` runs after every batch (and before the site is built): the task updates recorded since the
last sync are read once, in the order they were recorded (the cursor is `meta.difficulties_synced`),
and raise, see again or resolve records; a new record's routing mail is queued in the same
transaction (ledger key `difficulty:ID:route:AGENCY`; its Message-ID is what the agency's reply
names in In-Reply-To). On a database that already held reports before this version, the
difficulties older than ROUTE_WINDOW are recorded without a mail (nobody is sent last month's
news).

An agency's reply is recognised in the pipeline before a report would be recorded
(`take_answer`): from an address on an agency's list, not machine mail, not failing the
authentication policy, naming a difficulty (In-Reply-To/References of our routing mail, or the
"Mã khó khăn: KK-12" of the form) that this agency owns (or the Office, which may answer any). The
answer, the message's outcome, the acknowledgement to the agency and the notice to the unit are
committed together.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from gateway.app.instance import Instance
from gateway.app.notify import Planned
from gateway.domain import difficulties as rules
from gateway.errors import UserError
from gateway.mail import compose
from parsers import ParsedReport
from parsers.headers import decoded_header, header
from parsers.lookup import lookup
from parsers.mime import extract, load
from parsers.models import AgencyInfo
from parsers.quotes import split
from site_builder.paths import DIFFICULTIES, site_link, task_path

log = logging.getLogger(__name__)

CURSOR = "difficulties_synced"
ROUTE_WINDOW = timedelta(days=3)
_MSGID = re.compile(r"<[^<>\s]+>")


def office_agency(inst: Instance) -> AgencyInfo:
    """The Office as an agency: its row in agencies.csv, else the unit of that code, else a name only."""
    code = inst.cfg.difficulties.office
    for a in inst.directory.agencies:
        if a.code == code:
            return a
    unit = lookup(inst.directory).unit_by_code.get(code)
    return AgencyInfo(code=code, name=unit.name if unit else "Văn phòng UBND tỉnh", emails=[])


def agency_of(inst: Instance, code: str) -> AgencyInfo:
    for a in inst.directory.agencies:
        if a.code == code:
            return a
    return office_agency(inst) if code == inst.cfg.difficulties.office else AgencyInfo(code=code, name=code)


def route_key(pk: int, agency: str) -> str:
    return f"difficulty:{pk}:route:{agency}"


def route_message_id(inst: Instance, pk: int, agency: str) -> str:
    return compose.stable_message_id(inst.cfg, route_key(pk, agency))


# -- raising, seeing again, resolving
@dataclass
class SyncResult:
    raised: int = 0
    seen: int = 0
    resolved: int = 0
    queued: int = 0


def sync(inst: Instance, now: datetime) -> SyncResult:
    """Apply the updates recorded since the last sync to the records (one transaction)."""
    store = inst.store
    res = SyncResult()
    cursor = int(store.get_meta(CURSOR) or 0)
    updates = store.updates_after(cursor)
    if not updates:
        return res
    with store.transaction():
        open_rows: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for r in store.difficulties(rules.OPEN_STATES):
            open_rows.setdefault((r["unit"], r["task"]), []).append(r)
        fresh: list[int] = []
        for u in updates:
            mine = open_rows.setdefault((u.unit, u.task), [])
            for act in rules.decide(u, [rules.OpenRecord(r["id"], r["text"], r["state"]) for r in mine]):
                if act.kind == "raise":
                    pk = _raise(inst, u, act, now)
                    mine.append(store.difficulty(pk) or {})
                    res.raised += 1
                    if u.received_at >= now - ROUTE_WINDOW:
                        fresh.append(pk)
                elif act.kind == "seen" and act.record is not None:
                    fields: dict[str, Any] = {"last_seen_at": u.received_at.isoformat(), "last_update": u.id}
                    if act.proposals:
                        fields["proposals"] = act.proposals
                    store.update_difficulty(act.record, **fields)
                    res.seen += 1
                elif act.kind == "resolve" and act.record is not None:
                    row = next(r for r in mine if r["id"] == act.record)
                    how = "confirmed" if row["state"] == "answered" else "unit"
                    store.update_difficulty(act.record, state="resolved", resolved_at=u.received_at.isoformat(),
                                            resolution=how, last_update=u.id)
                    store.add_difficulty_event(act.record, u.received_at, "resolved", u.unit,
                                               "Khó khăn, vướng mắc: Không")
                    mine.remove(row)
                    res.resolved += 1
        store.set_meta(CURSOR, str(updates[-1].id))
        for pk in fresh:
            for p in plan_route(inst, pk, now):
                res.queued += int(p.enqueue(inst.cfg, store, now))
    if res.raised or res.resolved:
        log.info("difficulties: %d raised, %d seen again, %d resolved by the unit, %d routing mail(s) queued",
                 res.raised, res.seen, res.resolved, res.queued)
    return res


def _raise(inst: Instance, u: Any, act: rules.Action, now: datetime) -> int:
    d = inst.directory
    r = rules.route(act.text, act.proposals, d.agencies, lookup(d).unit_by_code, inst.cfg.difficulties.office, u.unit)
    pk = inst.store.insert_difficulty({
        "unit": u.unit, "task": u.task, "text": act.text, "proposals": act.proposals,
        "raised_at": u.received_at.isoformat(), "raised_update": u.id, "raised_report": u.report_id,
        "last_seen_at": u.received_at.isoformat(), "last_update": u.id, "agency": r.agency, "routed_by": r.how,
        "state": "open",
    })
    inst.store.add_difficulty_event(pk, u.received_at, "raised", u.unit, act.text)
    inst.store.add_difficulty_event(pk, u.received_at, "routed", r.agency, r.how)
    return pk


def _view(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "ref": rules.ref(row["id"]), "raised_at": datetime.fromisoformat(row["raised_at"])}


def plan_route(inst: Instance, pk: int, now: datetime) -> list[Planned]:
    """The routing mail of one difficulty to its agency (none when the agency has no address)."""
    row = inst.store.difficulty(pk)
    if row is None:
        return []
    agency = agency_of(inst, row["agency"])
    addresses = [a for a in agency.emails if not inst.store.is_suppressed(a)]
    if not addresses:
        return []
    look = lookup(inst.directory)
    units, tasks = look.unit_by_code, look.task_by_code
    subject, body = inst.theme.render_mail("difficulty_route.txt.j2", {
        "d": _view(row), "agency": agency, "unit": units.get(row["unit"]), "task": tasks.get(row["task"]),
        "org_name": inst.cfg.organisation.name,
        "site_url": site_link(inst.cfg.site.base_url, task_path(row["task"])),
    })
    key = route_key(pk, agency.code)
    return [Planned(purpose="difficulty", recipient=", ".join(addresses), subject=subject, body=body,
                    message_id=compose.stable_message_id(inst.cfg, key), dedupe_key=key, unit=row["unit"])]


# -- the agency's answer
def _new_text(raw: bytes) -> tuple[list[str], list[str], str, str]:
    """(the reply's own lines, every line, In-Reply-To + References, Subject) of a message."""
    msg = load(raw)
    parts = extract(msg)
    segments = split(parts.text)
    own = segments[0].lines if segments else []
    every = [ln for s in segments for ln in s.lines]
    refs = header(msg, "In-Reply-To") + " " + header(msg, "References")
    return own, every, refs, decoded_header(msg, "Subject")


def take_answer(inst: Instance, pk: int, raw: bytes, report: ParsedReport, now: datetime) -> bool:
    """Record an agency's reply on a difficulty (True), or leave the message to the report reader."""
    sender = (report.sender or "").lower()
    if not sender or report.outcome == "ignored" or "auth_failed" in report.codes or report.authenticated is False:
        return False
    office = inst.cfg.difficulties.office
    codes = {a.code for a in inst.directory.agencies if sender in a.emails}
    if not codes:
        return False
    own, every, refs, subject = _new_text(raw)
    ids = set(_MSGID.findall(refs))
    target: int | None = None
    if ids:
        for each in inst.store.difficulties():
            if route_message_id(inst, each["id"], each["agency"]) in ids:
                target = each["id"]
                break
    answer = rules.read_answer(own, subject)
    if target is None:
        target = answer.ref if answer.ref is not None else rules.read_answer(every, subject).ref
    row = inst.store.difficulty(target) if target is not None else None
    if row is None or (row["agency"] not in codes and office not in codes):
        return False
    agency = agency_of(inst, row["agency"] if row["agency"] in codes else office)
    unreadable = answer.state is None and not answer.text
    state = answer.state or ("in_progress" if answer.text else None)
    received = report.received_at or now
    store = inst.store
    with store.transaction():
        if not unreadable and row["state"] in rules.OPEN_STATES:
            store.update_difficulty(row["id"], state=state, answer=answer.text or None, answer_state=state,
                                    answered_at=received.isoformat(), answered_by=agency.code)
            store.add_difficulty_event(row["id"], received, "answered", agency.code,
                                       f"{state}: {answer.text}" if answer.text else state, pk)
        store.set_outcome(pk, outcome="accepted" if not unreadable else "rejected",
                          codes=["difficulty_answer"] if not unreadable else ["answer_unreadable"],
                          warnings=[], sender=report.sender, subject=report.subject, error=None, report_id=None,
                          now=now)
        for p in _answer_mail(inst, pk, row, agency, answer, state, unreadable, report):
            p.enqueue(inst.cfg, store, now)
    log.info("message %s: answer of %s on %s: %s", pk, agency.code, rules.ref(row["id"]), state or "unreadable")
    return True


def _answer_mail(inst: Instance, pk: int, row: dict[str, Any], agency: AgencyInfo, answer: rules.Answer,
                 state: str | None, unreadable: bool, report: ParsedReport) -> list[Planned]:
    labels = inst.theme.messages["difficulty_states"]
    ctx = {"d": _view(row), "agency": agency, "answer": answer, "state_label": labels.get(state or "", ""),
           "unreadable": unreadable, "org_name": inst.cfg.organisation.name,
           "site_url": site_link(inst.cfg.site.base_url, DIFFICULTIES)}
    out = []
    if report.sender and not inst.store.is_suppressed(report.sender):
        subject, body = inst.theme.render_mail("difficulty_answer_ack.txt.j2", ctx)
        key = f"difficulty:{row['id']}:ack:{pk}"
        out.append(Planned(purpose="difficulty", recipient=report.sender, subject=subject, body=body,
                           message_id=compose.stable_message_id(inst.cfg, key), dedupe_key=key, auto="auto-replied",
                           in_reply_to=report.message_id, inbound_pk=pk))
    if not unreadable:
        out += _notice(inst, row, "answered", ctx, key=f"difficulty:{row['id']}:answered:{pk}")
    return out


def _notice(inst: Instance, row: dict[str, Any], event: str, ctx: dict[str, Any], key: str) -> list[Planned]:
    """Tell the raising unit, in the thread of the report that raised the difficulty."""
    unit = lookup(inst.directory).unit_by_code.get(row["unit"])
    if unit is None:
        return []
    addresses = [a for a in unit.emails if not inst.store.is_suppressed(a)]
    if not addresses:
        return []
    origin = inst.store.report_message(row["raised_report"]) if row["raised_report"] else None
    subject, body = inst.theme.render_mail("difficulty_notice.txt.j2", {**ctx, "event": event, "unit": unit})
    return [Planned(purpose="difficulty", recipient=", ".join(addresses), subject=subject, body=body,
                    message_id=compose.stable_message_id(inst.cfg, key), dedupe_key=key, unit=unit.code,
                    in_reply_to=origin[1] if origin else None)]


# -- the Office
def close(inst: Instance, pk: int, note: str, now: datetime) -> dict[str, Any]:
    """The Office closes a difficulty (`baocao difficulty close ID --note …`); the unit is told."""
    store = inst.store
    found = store.difficulty(pk)
    if found is None:
        raise UserError(f"no difficulty {rules.ref(pk)} (see `baocao difficulty list`)")
    row = found
    if row["state"] not in rules.OPEN_STATES:
        raise UserError(f"{rules.ref(pk)} is already {row['state']}")
    with store.transaction():
        store.update_difficulty(pk, state="closed", resolved_at=now.isoformat(), resolution="office", note=note or None)
        store.add_difficulty_event(pk, now, "closed", inst.cfg.difficulties.office, note or None)
        store.set_meta("data_changed_at", now.isoformat())  # the pages that show it say so
        labels = inst.theme.messages["difficulty_states"]
        ctx = {"d": _view(row), "agency": agency_of(inst, row["agency"]), "note": note,
               "state_label": labels["closed"], "org_name": inst.cfg.organisation.name,
               "site_url": site_link(inst.cfg.site.base_url, DIFFICULTIES)}
        for p in _notice(inst, row, "closed", ctx, key=f"difficulty:{pk}:closed"):
            p.enqueue(inst.cfg, store, now)
    return store.difficulty(pk) or row


def listing(inst: Instance, everything: bool = False) -> list[dict[str, Any]]:
    rows = inst.store.difficulties(None if everything else rules.OPEN_STATES)
    return [_view(r) for r in rows]


