"""Send what the outbox holds. A message is marked sent only after the sink accepted it; permanent
failures are kept for the operator.

Temporary failures: a message's own (a 4xx to its RCPT or DATA) retries with exponential back-off
while the round goes on with the other messages — one message that keeps failing never holds the
rest back. The server's (unreachable, TLS, AUTH) ends the round: the message tried is due again
after SERVER_RETRY, without counting as an attempt, so the mail leaves within seconds of the
server coming back (the service loop wakes when the next row is due)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from gateway.mail.sinks import PartialDelivery, PermanentFailure, Sink, TemporaryFailure
from gateway.store import Store

log = logging.getLogger(__name__)

BACKOFF_BASE = timedelta(minutes=1)
BACKOFF_MAX = timedelta(hours=2)
MAX_ATTEMPTS = 30
SERVER_RETRY = timedelta(seconds=5)
# Loop safety: however many messages are queued for one address, at most this many leave per hour
# (the default of `[mail] sends_per_recipient_per_hour`).
PER_RECIPIENT_PER_HOUR = 20


@dataclass
class FlushResult:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    deferred: int = 0  # held back by the per-recipient hourly cap
    server_down: str = ""  # the server's failure that ended the round, if any


def recipients(field: str) -> list[str]:
    return [a.strip() for a in field.split(",") if a.strip()]


def backoff(attempts: int) -> timedelta:
    return min(BACKOFF_BASE * (2 ** max(0, attempts)), BACKOFF_MAX)


def flush(store: Store, sink: Sink, sender: str, now: datetime, limit: int = 200,
          per_recipient_per_hour: int = PER_RECIPIENT_PER_HOUR) -> FlushResult:
    res = FlushResult()
    for row in store.due_outbox(now, limit):
        # `recipient` may list several addresses ("a@x, b@y": one reminder to all of a unit's).
        to = [a for a in recipients(row["recipient"]) if not store.is_suppressed(a)]
        if not to:
            store.mark_failed(row["id"], "address suppressed after a permanent bounce")
            res.failed += 1
            continue
        count, oldest = store.sent_last_hour(row["recipient"], now)
        if count >= per_recipient_per_hour:
            later = datetime.fromisoformat(oldest) + timedelta(hours=1, seconds=1) if oldest else now + timedelta(hours=1)
            store.defer(row["id"], later)
            log.warning("outbox %s: %s got %d messages in the last hour; held until %s",
                        row["message_id"], row["recipient"], count, later.isoformat())
            res.deferred += 1
            continue
        try:
            sink.send(row["raw"], sender, to, row["message_id"])
        except TemporaryFailure as exc:
            if exc.server:
                # Unreachable or refusing everyone: the others would fail the same way. Not an
                # attempt of this message; probed again shortly.
                store.mark_server_retry(row["id"], str(exc), now + SERVER_RETRY)
                res.retried += 1
                res.server_down = str(exc)
                log.warning("outbox %s: server unavailable, probing again in %ss: %s", row["message_id"],
                            int(SERVER_RETRY.total_seconds()), exc)
                break
            if row["attempts"] + 1 >= MAX_ATTEMPTS:
                store.mark_failed(row["id"], f"gave up after {MAX_ATTEMPTS} attempts: {exc}")
                res.failed += 1
            else:
                store.mark_retry(row["id"], str(exc), now + backoff(row["attempts"]))
                res.retried += 1
            log.warning("outbox %s: temporary failure: %s", row["message_id"], exc)
            continue  # this message's problem: the others still go
        except PartialDelivery as exc:
            store.mark_sent(row["id"], now)
            res.sent += 1
            for addr, (code, enhanced, text) in exc.refused.items():
                if enhanced == "5.1.1":
                    store.suppress(addr, f"{code} {text}", now)
            log.warning("outbox %s: delivered, but refused for %s", row["message_id"], exc)
        except PermanentFailure as exc:
            store.mark_failed(row["id"], str(exc))
            if exc.enhanced == "5.1.1" or exc.code == 550 and "5.1.1" in str(exc):
                for addr in to:
                    store.suppress(addr, str(exc), now)
            res.failed += 1
            log.error("outbox %s: refused: %s", row["message_id"], exc)
        else:
            store.mark_sent(row["id"], now)
            res.sent += 1
    return res
