"""One batch: read new messages -> store raw -> parse -> record -> enqueue replies -> send the
outbox -> mark done at the source -> rebuild the site if anything changed.

No-loss order: the raw bytes are committed before parsing; records, outcome and replies are
committed together; only then is the message moved out of the inbox. A crash at any point leaves
either an unprocessed message in the inbox (read again, deduplicated by its key) or a committed
one whose move is simply redone.

Nothing in a message stops it being recorded: a reply that cannot be built or queued fails on its
own (rolled back to a savepoint, logged, and kept as a `failed` outbox row for `baocao outbox`)
while the record and the outcome are committed. Every processed message gets one log line (id,
sender, unit, outcome, codes): "why was my report not counted?" is answered by the journal.
"""

from __future__ import annotations

import fcntl
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

from gateway.app import difficulties, history, obligations, replies
from gateway.app.instance import Instance
from gateway.app.reading import read_message
from gateway.domain.replies import reply_kind
from gateway.domain.tasks import form_unchanged
from gateway.mail import compose
from gateway.mail.sources import Inbound, Source, inbound_key
from gateway.store import TRANSIENT_ERRORS, Store
from parsers import ParsedReport
from parsers.models import ReportPart, Warning

log = logging.getLogger(__name__)

_HEADER_VERDICTS = {"unknown_sender", "auth_failed"}


@dataclass
class BatchResult:
    fetched: int = 0
    processed: int = 0
    duplicates: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    enqueued: int = 0

    @property
    def changed(self) -> bool:
        return self.processed > 0


def process_item(inst: Instance, source: Source, item: Inbound, now: datetime, result: BatchResult) -> None:
    cfg, store = inst.cfg, inst.store
    key, mid = inbound_key(item.raw)
    pk, new = store.store_raw(key=key, message_id=mid, source=source.name, source_ref=item.ref, raw=item.raw,
                              received_at=item.received_at, now=now)
    if not new:
        outcome = store.message_outcome(pk)
        if outcome != "received":  # done before (a redelivery, or the move was lost in a crash)
            result.duplicates += 1
            source.mark_done(item, failed=outcome == "rejected")
            return
    # A message stored earlier (crash before its outcome) keeps the arrival time recorded then.
    received_at = item.received_at if new else store.received_at(pk)
    report = read_message(cfg, inst.directory, inst.calendar, item.raw, received_at, inst.theme)
    if item.truncated and report.outcome != "ignored" and not set(report.codes) & _HEADER_VERDICTS:
        # Only the headers were fetched, so whatever the parser made of the missing body (typically
        # not_a_report), the true reason is the size. Verdicts read from the headers stand: machine
        # mail stays ignored, unknown or unauthenticated senders stay unanswered (no backscatter).
        report.outcome, report.codes, report.warnings = "rejected", ["too_large"], []
        report.error = (f"{item.size} bytes, over the limit of {cfg.mail.max_message_bytes}: "
                        "only the headers were fetched")
    # The working group's loop: an agency's answer on a difficulty, or a one-off obligation
    # (the plan attached), is recorded by its own use case (gateway.app.difficulties, obligations).
    if difficulties.take_answer(inst, pk, item.raw, report, now) or obligations.take(inst, pk, item.raw, report, now):
        outcome = store.message_outcome(pk)
        result.processed += 1
        result.outcomes[outcome] = result.outcomes.get(outcome, 0) + 1
        source.mark_done(item, failed=False)
        return
    record(inst, pk, report, now, result)
    source.mark_done(item, failed=report.outcome == "rejected")


def record(inst: Instance, pk: int, report: ParsedReport, now: datetime, result: BatchResult) -> None:
    """Commit the outcome, the records and the replies of one message in one transaction."""
    store = inst.store
    with store.transaction():
        report_id = None
        parts = [_as_report(report, p) for p in report.reports] if report.reports else [report]
        if report.outcome == "accepted":
            # One record per report the message holds (several units of a shared mailbox,
            # several kinds on a month-end Friday); the message points at the first.
            for p in parts:
                assert p.unit
                if form_unchanged(p.tasks, store.unit_last_updates(p.unit)):
                    p.warnings.append(Warning(code="form_unchanged", message=inst.theme.warning("form_unchanged", None, {})))
            ids = [_insert(store, pk, p) for p in parts]
            report_id = ids[0]
        store.set_outcome(
            pk, outcome=report.outcome, codes=report.codes,
            warnings=[w.model_dump() for p in parts for w in p.warnings], sender=report.sender,
            subject=report.subject, error=report.error, report_id=report_id, now=now,
        )
        if report.outcome == "ignored" and report.codes == ["bounce"]:
            for addr in report.bounced_addresses:
                store.suppress(addr, "permanent bounce reported by a delivery-status notification", now)
        for i, p in enumerate(parts if report.outcome == "accepted" else [report]):
            result.enqueued += _reply(inst, pk, p, now, part=i)
    log.info("message %s: sender=%s unit=%s outcome=%s codes=%s", pk, _log_value(report.sender),
             _log_value(",".join(p.unit or "-" for p in parts) if report.outcome == "accepted" else report.unit),
             report.outcome, ",".join(report.codes) or "-")
    result.processed += 1
    result.outcomes[report.outcome] = result.outcomes.get(report.outcome, 0) + 1


def _as_report(message: ParsedReport, part: ReportPart) -> ParsedReport:
    """One report of a message, as a whole ParsedReport (what the store and the receipt take)."""
    return message.model_copy(update={
        "unit": part.unit, "kind": part.kind, "period": part.period, "deadline": part.deadline,
        "timeliness": part.timeliness, "summary": part.summary, "tasks": part.tasks,
        "warnings": part.warnings, "unread": part.unread, "reports": [],
    })


def _insert(store: Store, pk: int, report: ParsedReport) -> int:
    assert report.unit and report.kind and report.period and report.received_at
    return store.insert_report(
        {
            "message_pk": pk, "unit": report.unit, "kind": report.kind, "period": report.period,
            "received_at": report.received_at.isoformat(),
            "deadline": report.deadline.isoformat() if report.deadline else None,
            "timeliness": report.timeliness, "summary": report.summary, "sender": report.sender,
            "subject": report.subject,
        },
        [t.model_dump() for t in report.tasks],
    )


def _reply(inst: Instance, pk: int, report: ParsedReport, now: datetime, part: int = 0) -> int:
    """Enqueue the receipt or rejection inside a savepoint: if building or queueing it fails because
    of the message (a header, a template), the reply alone is lost (and shown to the operator),
    never the record. A fault of the machine (database locked, disk full) rolls the whole message
    back for the next batch, as anywhere else."""
    store = inst.store
    try:
        with store.savepoint("reply"):
            return replies.enqueue_reply(inst.cfg, inst.theme, store, inst.directory, pk, report, now, part=part)
    except TRANSIENT_ERRORS:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever the message made the reply do, the record stands
        error = f"reply not sent: {type(exc).__name__}: {exc}"
        log.error("message %s: %s", pk, error, exc_info=True)
        purpose = reply_kind(report, inst.cfg.mail.reply_to_unknown_senders, inst.cfg.mail.own_domains) or "reply"
        mid = compose.stable_message_id(inst.cfg, "reply-failed", str(pk), str(part), str(store.attempts(pk)))
        store.record_reply_failure(message_id=mid, purpose=purpose, recipient=report.sender or "",
                                   error=error, now=now, inbound_pk=pk)
        return 0


def _log_value(value: str | None) -> str:
    """A value from a message as one log token: no spaces or control characters, bounded."""
    if not value:
        return "-"
    return "".join(c if c.isprintable() and not c.isspace() else "?" for c in value)[:120]


MAX_FAILURES = 5


def _note_failure(store: Store, source: Source, item: Inbound, exc: Exception, now: datetime,
                  result: BatchResult) -> None:
    """Count a failure outside the parser; after MAX_FAILURES the message is parked as `failed`
    (kept raw, listed by `baocao failed`, re-processable) instead of blocking every batch."""
    try:
        key, _ = inbound_key(item.raw)
        failures = store.note_failure(key, f"{type(exc).__name__}: {exc}")
        if failures >= MAX_FAILURES:
            store.park_failed(key, now)
            source.mark_done(item, failed=True)
            result.outcomes["failed"] = result.outcomes.get("failed", 0) + 1
    except Exception:  # noqa: BLE001 - the store itself is unavailable: try again next batch
        log.warning("could not record the failure of %s", item.ref)


@contextmanager
def batch_lock(store: Store) -> Iterator[None]:
    """One batch at a time per instance: a `poll` from cron beside `baocao run` would otherwise
    both take a message between its raw store and its records (two workers racing is how other
    gateways recorded and answered mail twice)."""
    fd = os.open(f"{store.path}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    with os.fdopen(fd, "r+b") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def run_batch(inst: Instance, source: Source, now: datetime, limit: int | None = None) -> BatchResult:
    with batch_lock(inst.store):
        return _run_batch(inst, source, now, limit)


def _run_batch(inst: Instance, source: Source, now: datetime, limit: int | None) -> BatchResult:
    store = inst.store
    result = BatchResult()
    items = source.fetch(limit or inst.cfg.mail.batch_size)
    history.sync_lists(inst, now)  # a list changed since the last batch: its history first
    result.fetched = len(items)
    stamp = now.isoformat()
    store.set_meta("last_poll_at", stamp)
    if source.name == "imap":
        store.set_meta("last_imap_ok_at", stamp)
    for item in items:
        try:
            process_item(inst, source, item, now, result)
        except Exception as exc:  # noqa: BLE001 - a temporary failure (db locked, I/O): leave it for next batch
            log.exception("message %s left in the inbox for the next batch", item.ref)
            _note_failure(store, source, item, exc, now, result)
    if result.changed:
        store.set_meta("data_changed_at", now.isoformat())
        try:  # the difficulties the new reports raise, see again or resolve; their routing mail
            difficulties.sync(inst, now)
        except TRANSIENT_ERRORS:
            log.exception("difficulties not updated; retried after the next batch")
    return result

