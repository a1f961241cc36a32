"""Health: what `baocao status --json` reports, and the systemd notifications of `baocao run`.

The stamps live in the store's meta table and are written where the events happen: `last_poll_at`
(a batch fetched from the source), `last_imap_ok_at` (that source was IMAP), `last_send_ok_at` and
`last_smtp_ok_at` (the sink accepted a message), `site_built_at` (a rebuild was published).

sd_notify is the whole protocol in a few lines: a datagram to the socket named by $NOTIFY_SOCKET
(an abstract socket when it starts with '@'); without the variable nothing is sent.
"""

from __future__ import annotations

import os
import socket
from datetime import datetime
from typing import Any

from gateway.app.instance import Instance

STAMPS = ("last_poll_at", "last_imap_ok_at", "last_send_ok_at", "last_smtp_ok_at", "site_built_at",
          "data_changed_at")


def _age(stamp: str | None, now: datetime) -> float | None:
    if not stamp:
        return None
    try:
        return round((now - datetime.fromisoformat(stamp)).total_seconds(), 1)
    except ValueError:
        return None


def status(inst: Instance, now: datetime) -> dict[str, Any]:
    """The health of one instance as a JSON-ready dict (stable keys: tools and monitoring read it)."""
    store = inst.store
    stamps = {k: store.get_meta(k) for k in STAMPS}
    backlog = store.outbox_backlog(now)
    return {
        "now": now.isoformat(),
        "organisation": inst.cfg.organisation.name,
        "source": inst.cfg.mail.source,
        "sink": inst.cfg.mail.sink,
        "last_poll": stamps["last_poll_at"],
        "last_imap_success": stamps["last_imap_ok_at"],
        "last_send_success": stamps["last_send_ok_at"],
        "last_smtp_success": stamps["last_smtp_ok_at"],
        "last_smtp_error": store.get_meta("last_smtp_error"),
        "site_built_at": stamps["site_built_at"],
        "site_age_seconds": _age(stamps["site_built_at"], now),
        "last_poll_age_seconds": _age(stamps["last_poll_at"], now),
        "data_changed_at": stamps["data_changed_at"],
        "outbox": backlog,
        "messages": store.outcome_counts(),
        "schema_version": store.schema_version(),
    }


def sd_notify(state: str) -> bool:
    """Send `state` (e.g. "READY=1", "WATCHDOG=1") to systemd; False when not run by systemd."""
    address = os.environ.get("NOTIFY_SOCKET", "")
    if not address:
        return False
    if address.startswith("@"):
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.connect(address)
            sock.sendall(state.encode())
    except OSError:
        return False
    return True


def watchdog_interval() -> float | None:
    """Half the watchdog timeout systemd asked for ($WATCHDOG_USEC), in seconds, or None."""
    usec = os.environ.get("WATCHDOG_USEC", "")
    pid = os.environ.get("WATCHDOG_PID", "")
    if not usec.isdigit() or (pid and pid != str(os.getpid())):
        return None
    return int(usec) / 2e6
