"""Sending what the domain decided: reminders at a slot, the digest after a deadline, the early
warnings of the day — rendered with the instance's theme and queued in the outbox, each under its
ledger key (the outbox's UNIQUE dedupe_key), so nothing is sent twice across re-runs and restarts."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, time

from gateway.app.instance import Instance
from gateway.app.records import compliance
from gateway.app.snapshot import take
from gateway.config import Config
from gateway.domain import difficulties as loop_rules
from gateway.domain import digest, reminders
from gateway.domain import obligations as obligation_rules
from gateway.mail import compose
from gateway.store import Store
from site_builder import report as formal
from site_builder.leaders import span_of
from site_builder.paths import HOME, site_link, task_path, unit_path
from site_builder.theme import Theme

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
    attachments: list[tuple[str, str, bytes]] = field(default_factory=list)  # (file name, media type, bytes)
    # Threading: the message this one follows (a routing mail, the first overdue notice).
    in_reply_to: str | None = None
    references: list[str] = field(default_factory=list)
    inbound_pk: int | None = None

    def enqueue(self, cfg: Config, store: Store, now: datetime) -> bool:
        """False when the ledger already holds it (sent before, or queued)."""
        msg = compose.build(cfg, to=self.recipient, subject=self.subject, body=self.body,
                            message_id=self.message_id, now=now, auto=self.auto,
                            attachments=self.attachments or None, in_reply_to=self.in_reply_to,
                            references=self.references or None)
        return store.enqueue(message_id=self.message_id, purpose=self.purpose, recipient=self.recipient,
                             subject=self.subject, raw=msg.as_bytes(), now=now, dedupe_key=self.dedupe_key,
                             inbound_pk=self.inbound_pk)


def _queue(inst: Instance, planned: list[Planned], now: datetime, dry_run: bool) -> list[tuple[Planned, bool]]:
    """[(message, newly queued)]; with dry_run, [(message, not in the ledger yet)]."""
    if dry_run:
        return [(p, not inst.store.in_ledger(p.dedupe_key)) for p in planned]
    with inst.store.transaction():
        return [(p, p.enqueue(inst.cfg, inst.store, now)) for p in planned]


# -- reminders
def plan_reminders(inst: Instance, day: date, slot: time, now: datetime) -> list[Planned]:
    cfg, store, directory, theme = inst.cfg, inst.store, inst.directory, inst.theme
    due, unreachable = reminders.reminders_due(inst.calendar, directory, day, slot,
                                               compliance(store, directory, inst.calendar, now).firsts,
                                               store.is_suppressed)
    for code in unreachable:
        log.warning("reminder for %s not sent: every address is suppressed after a bounce", code)
    updates = store.task_updates() if due else []
    out: list[Planned] = []
    for r in due:
        tasks = reminders.form_tasks(updates, directory, r.unit.code)
        items = [{"kind": k, "period": p, "deadline": d, "form": theme.report_form(r.unit, k, p, tasks)}
                 for k, p, d in r.missing]
        subject, body = theme.render_mail("reminder.txt.j2", {
            "org_name": cfg.organisation.name, "unit": r.unit, "items": items, "now": now,
            "slot": datetime.combine(day, slot, tzinfo=inst.calendar.tz),
            "site_url": site_link(cfg.site.base_url, unit_path(r.unit.code)),
        })
        out.append(Planned(purpose="reminder", recipient=", ".join(r.addresses), subject=subject, body=body,
                           message_id=compose.stable_message_id(cfg, r.key), dedupe_key=r.key, unit=r.unit.code))
    return out


def send_reminders(inst: Instance, day: date, slot: time, now: datetime,
                   dry_run: bool = False) -> list[tuple[Planned, bool]]:
    """Plan and enqueue the reminders of one slot: [(message, newly queued)]."""
    done = _queue(inst, plan_reminders(inst, day, slot, now), now, dry_run)
    new = [p.unit or "" for p, queued in done if queued and not dry_run]
    if new:
        log.info("reminders %s %s: queued for %s", day.isoformat(), reminders.slot_key(slot),
                 ", ".join(sorted(set(new))))
    return done


# -- the digest
def digest_recipients(cfg: Config) -> list[str]:
    return [a for a in cfg.digest.recipients if a]


def digest_sent(inst: Instance, deadline_at: datetime) -> bool:
    """Every recipient's digest of this deadline is in the ledger."""
    return all(inst.store.in_ledger(digest.digest_key(deadline_at, a)) for a in digest_recipients(inst.cfg))


def plan_digest(inst: Instance, deadline_at: datetime, now: datetime) -> list[Planned]:
    cfg, store, directory, cal = inst.cfg, inst.store, inst.directory, inst.calendar
    recipients = digest_recipients(cfg)
    periods = digest.periods_at(cal, deadline_at)
    if not recipients or not periods:
        return []
    comp = compliance(store, directory, cal, max(now, deadline_at))
    units = {u.code: u for u in directory.units}
    updates = store.task_updates()
    overdue, soon = digest.overdue_and_soon(digest.task_states(updates, directory, deadline_at.date()))
    attachments = formal_reports(inst, periods, max(now, deadline_at))
    subject, body = inst.theme.render_mail("digest.txt.j2", {
        "org_name": cfg.organisation.name, "deadline_at": deadline_at,
        "reports": [name for name, _, _ in attachments],
        "summaries": digest.period_summaries(comp, units, periods),
        "overdue": overdue, "soon": soon,
        "difficulties": digest.new_difficulties(updates, digest.previous_instant(cal, deadline_at), deadline_at),
        "units": units, "titles": {t.code: t.title for t in directory.tasks},
        "site_url": site_link(cfg.site.base_url, HOME), "soon_days": digest.SOON_DAYS,
        **_loop_items(inst, digest.previous_instant(cal, deadline_at), deadline_at),
    })
    out = []
    for addr in recipients:
        key = digest.digest_key(deadline_at, addr)
        out.append(Planned(purpose="digest", recipient=addr, subject=subject, body=body,
                           message_id=compose.stable_message_id(cfg, key), dedupe_key=key,
                           attachments=attachments))
    return out


def _loop_items(inst: Instance, since: datetime, until: datetime) -> dict[str, object]:
    """The working group's loop in the digest (SPEC §8.1): difficulties answered since the previous
    deadline, those waiting for the Chairman, those unanswered too long; escalations sent; the
    obligations past their deadline and who still owes them."""
    rows = inst.store.difficulties()
    ageing_days = inst.cfg.difficulties.ageing_days

    def when(v: str | None) -> datetime | None:
        return datetime.fromisoformat(v) if v else None

    def item(r: dict[str, object]) -> dict[str, object]:
        raised = datetime.fromisoformat(str(r["raised_at"]))
        return {**r, "ref": loop_rules.ref(int(str(r["id"]))), "age": loop_rules.age_days(raised, until)}

    answered = [item(r) for r in rows if (t := when(r["answered_at"])) is not None and since < t <= until]
    decision = [item(r) for r in rows if r["state"] == "needs_decision"]
    ageing = [item(r) for r in rows if loop_rules.ageing(r["state"], datetime.fromisoformat(r["raised_at"]), until,
                                                           ageing_days)]
    escalated = inst.store.purpose_counts(since, until).get("escalation", 0)
    owed = []
    records = inst.store.obligation_records()
    for o in inst.directory.obligations:
        due = obligation_rules.deadline_at(o, inst.cfg.deadlines.daily, inst.cfg.tz)
        cells = obligation_rules.cells(o, obligation_rules.owed_by(o, inst.directory.units), records, due, until)
        missing = [c.unit for c in cells if c.status == "missing"]
        if missing:
            owed.append({"info": o, "deadline": due, "missing": missing})
    return {"answered": answered, "needs_decision": decision, "ageing": ageing, "ageing_days": ageing_days,
            "escalated": escalated, "obligations_owed": owed}


def formal_reports(inst: Instance, periods: list[tuple[str, str]], now: datetime) -> list[tuple[str, str, bytes]]:
    """The formal report (.docx) of each weekly and monthly period of a digest (SPEC §8.2)."""
    wanted = [(k, p) for k, p in periods if k in ("weekly", "monthly")]
    if not wanted:
        return []
    snap = take(inst.cfg, inst.store, inst.directory, now)
    template = inst.theme.report_template()
    out = []
    for kind, period in wanted:
        span = span_of(kind, period)
        data = formal.render(formal.build(snap, span, inst.theme.messages), template)
        out.append((f"bao-cao-tong-hop-{span.key}.docx", formal.MEDIA_TYPE, data))
    return out


def send_digest(inst: Instance, deadline_at: datetime, now: datetime,
                dry_run: bool = False) -> list[tuple[Planned, bool]]:
    done = _queue(inst, plan_digest(inst, deadline_at, now), now, dry_run)
    if any(new for _, new in done) and not dry_run:
        log.info("digest for the %s deadline queued for %d recipient(s)", deadline_at.isoformat(),
                 sum(1 for _, new in done if new))
    return done


# -- early warnings
def plan_warnings(inst: Instance, now: datetime) -> list[Planned]:
    cfg, theme = inst.cfg, inst.theme
    states = digest.task_states(inst.store.task_updates(), inst.directory, now.date())
    out = []
    esc = cfg.escalation
    ladder = digest.Ladder(esc.head_after_days, esc.group_after_days, esc.repeat_days)
    for w in digest.warnings_due(states, inst.directory, inst.store.is_suppressed, ladder, digest_recipients(cfg)):
        subject, body = _render_warning(theme, cfg, w, now, ladder)
        for addr, key in w.keys.items():
            first = w.threads.get(addr)
            out.append(Planned(purpose="warning" if w.audience == "focal" else "escalation", recipient=addr,
                               subject=subject, body=body, message_id=compose.stable_message_id(cfg, key),
                               dedupe_key=key, unit=w.unit.code,
                               in_reply_to=compose.stable_message_id(cfg, first) if first else None))
    return out


def _render_warning(theme: Theme, cfg: Config, w: digest.WarningDue, now: datetime,
                    ladder: digest.Ladder) -> tuple[str, str]:
    return theme.render_mail("early_warning.txt.j2" if w.audience == "focal" else "escalation.txt.j2", {
        "org_name": cfg.organisation.name, "task": w.state.info, "state": w.state, "unit": w.unit,
        "level": w.level, "now": now, "site_url": site_link(cfg.site.base_url, task_path(w.state.info.code)),
        "audience": w.audience, "round": w.round, "ladder": ladder,
    })


def send_warnings(inst: Instance, now: datetime, dry_run: bool = False) -> list[tuple[Planned, bool]]:
    planned = [p for p in plan_warnings(inst, now) if dry_run or not inst.store.in_ledger(p.dedupe_key)]
    done = _queue(inst, planned, now, dry_run)
    for p, new in done:
        if new and not dry_run:
            log.info("early warning queued: %s", p.dedupe_key)
    return done
