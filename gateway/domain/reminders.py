"""Reminders before the deadline (SPEC §7).

At each configured time (default 14:30 and 16:00), every unit that has not yet reported for a period
due that day gets ONE email per time slot covering every kind due, with its pre-filled form (the
tasks it leads or supports, with its last status and progress) so that replying and editing is
enough. The outbox's UNIQUE dedupe_key is the sent-ledger: `reminder:UNIT:DATE:HH:MM` (one message per unit, to all its addresses), so a
slot is never sent twice, whatever crashes or re-runs happen. Whether a slot is still worth sending
(not late) is the scheduler's decision; this module sends what it is asked for.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from gateway.app.replies import site_link
from gateway.config import Config
from gateway.domain.calendar import WorkCalendar
from gateway.domain.compliance import first_reports
from gateway.mail import compose
from gateway.messages import period_input
from gateway.store import Store
from parsers import Directory
from parsers.models import TaskEntry, UnitInfo
from site_builder.build import unit_path

log = logging.getLogger(__name__)


@dataclass
class Planned:
    """One message to put in the outbox (or to print with --dry-run)."""

    purpose: str
    recipient: str
    subject: str
    body: str
    message_id: str
    dedupe_key: str
    unit: str | None = None
    auto: str = "auto-generated"

    def enqueue(self, cfg: Config, store: Store, now: datetime) -> bool:
        """False when the ledger already holds it (sent before, or queued)."""
        msg = compose.build(cfg, to=self.recipient, subject=self.subject, body=self.body,
                            message_id=self.message_id, now=now, auto=self.auto)
        return store.enqueue(message_id=self.message_id, purpose=self.purpose, recipient=self.recipient,
                             subject=self.subject, raw=msg.as_bytes(), now=now, dedupe_key=self.dedupe_key)


def in_ledger(store: Store, dedupe_key: str) -> bool:
    return store.db.execute("SELECT 1 FROM outbox WHERE dedupe_key=?", [dedupe_key]).fetchone() is not None


def slot_key(slot: time) -> str:
    return f"{slot.hour:02d}:{slot.minute:02d}"


def form_tasks(store: Store, directory: Directory, unit_code: str) -> list[TaskEntry]:
    """The unit's tasks (led, then supported) with its own last update; a task it never reported on
    gets the status and progress last reported by anyone."""
    own: dict[str, dict[str, Any]] = {}
    anyone: dict[str, dict[str, Any]] = {}
    for row in store.db.query(
            "SELECT unit, task, status, progress, result, difficulties, proposals FROM task_updates "
            "ORDER BY received_at, id"):
        anyone[row["task"]] = row
        if row["unit"] == unit_code:
            own[row["task"]] = row
    led = [t for t in directory.tasks if t.lead_unit == unit_code]
    supported = [t for t in directory.tasks if unit_code in t.coordinating_units and t.lead_unit != unit_code]
    out: list[TaskEntry] = []
    for t in led + supported:
        last = own.get(t.code)
        if last:
            out.append(TaskEntry(code=t.code, title=t.title, status=last["status"], progress=last["progress"],
                                 result=last["result"], difficulties=last["difficulties"],
                                 proposals=last["proposals"]))
        else:
            other = anyone.get(t.code) or {}
            out.append(TaskEntry(code=t.code, title=t.title, status=other.get("status"),
                                 progress=other.get("progress")))
    return out


def prefilled_form(cfg: Config, unit: UnitInfo, kind: str, period: str, tasks: list[TaskEntry]) -> str:
    templates_dir = str(cfg.resolve(cfg.templates)) if cfg.templates else ""
    _, text = compose.render(cfg, "report_form.txt.j2", {
        "unit": unit, "kind": kind, "period_text": period_input(kind, period, templates_dir),
        "tasks": tasks or [TaskEntry(code="NV01", title="")],
    })
    return text.strip()


def due_at_slot(cal: WorkCalendar, day: date, slot: time) -> list[tuple[str, str, datetime]]:
    """(kind, period, deadline) due on `day` whose deadline is still ahead at the slot time."""
    at = datetime.combine(day, slot, tzinfo=cal.tz)
    out = []
    for kind, period in cal.due_periods(day):
        deadline = cal.deadline(kind, period)
        if deadline > at:
            out.append((kind, period, deadline))
    return out


def plan(cfg: Config, store: Store, directory: Directory, cal: WorkCalendar, day: date, slot: time,
         now: datetime) -> list[Planned]:
    due = due_at_slot(cal, day, slot)
    if not due:
        return []
    firsts = first_reports(store)
    out: list[Planned] = []
    for unit in directory.units:
        missing = [(k, p, d) for k, p, d in due if k in unit.reports and (unit.code, k, p) not in firsts]
        if not missing:
            continue
        addresses = [a for a in unit.emails if not store.is_suppressed(a)]
        if not addresses:
            if unit.emails:
                log.warning("reminder for %s not sent: every address is suppressed after a bounce", unit.code)
            continue
        tasks = form_tasks(store, directory, unit.code)
        items = [{"kind": k, "period": p, "deadline": d, "form": prefilled_form(cfg, unit, k, p, tasks)}
                 for k, p, d in missing]
        subject, body = compose.render(cfg, "reminder.txt.j2", {
            "org_name": cfg.organisation.name, "unit": unit, "items": items, "now": now,
            "slot": datetime.combine(day, slot, tzinfo=cal.tz),
            "site_url": site_link(cfg, unit_path(unit.code)),
        })
        key = f"reminder:{unit.code}:{day.isoformat()}:{slot_key(slot)}"
        out.append(Planned(purpose="reminder", recipient=", ".join(addresses), subject=subject, body=body,
                           message_id=compose.stable_message_id(cfg, key), dedupe_key=key, unit=unit.code))
    return out


def send(cfg: Config, store: Store, directory: Directory, cal: WorkCalendar, day: date, slot: time,
         now: datetime, dry_run: bool = False) -> list[tuple[Planned, bool]]:
    """Plan and enqueue the reminders of one slot: [(message, newly queued)]."""
    planned = plan(cfg, store, directory, cal, day, slot, now)
    if dry_run:
        return [(p, not in_ledger(store, p.dedupe_key)) for p in planned]
    done = []
    with store.transaction():
        for p in planned:
            done.append((p, p.enqueue(cfg, store, now)))
    new = [p.unit for p, queued in done if queued]
    if new:
        log.info("reminders %s %s: queued for %s", day.isoformat(), slot_key(slot), ", ".join(sorted(set(new))))
    return done
