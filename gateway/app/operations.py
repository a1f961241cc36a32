"""The operator's use cases beside the mail flow: an online backup, one stored message in full,
what waits in the outbox, the addresses suppressed by bounces."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gateway.app.instance import Instance
from gateway.errors import UserError


def backup(inst: Instance, dest: Path) -> int:
    """A consistent copy of the live database (SQLite online backup: `baocao run` keeps working),
    written 0600 and integrity-checked; its size in bytes."""
    if dest.resolve() == inst.cfg.db_path.resolve():
        raise UserError(f"{dest}: that is the database itself; name another file")
    if dest.is_dir():
        raise UserError(f"{dest}: is a folder; name the file to write")
    return inst.store.backup(dest)


def show(inst: Instance, pk: int) -> dict[str, Any]:
    """Everything known about one inbound message (the raw bytes under "raw")."""
    store = inst.store
    row = store.message(pk)
    if row is None:
        raise UserError(f"message {pk}: not in the database (see `baocao failed --all`)")
    out = {k: v for k, v in row.items()}
    out["codes"] = json.loads(row.get("codes") or "[]")
    out["warnings"] = json.loads(row.get("warnings") or "[]")
    report = store.report(row["report_id"]) if row.get("report_id") else None
    out["report"] = report
    out["tasks"] = store.report_tasks(row["report_id"]) if report else []
    out["replies"] = store.outbox_for_message(pk)
    return out


def outbox(inst: Instance, include_sent: bool = False) -> list[dict[str, Any]]:
    statuses = ("queued", "failed", "sent") if include_sent else ("queued", "failed")
    return inst.store.outbox_rows(statuses)


def suppressed(inst: Instance) -> list[dict[str, Any]]:
    return inst.store.suppressed_rows()


def clear_suppressed(inst: Instance, address: str) -> bool:
    return inst.store.unsuppress(address)
