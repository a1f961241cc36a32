"""`baocao reprocess ID`: re-read a stored message, e.g. after the operator fixed a list.

The earlier report of that message (if any) is replaced; the original arrival time is kept, so
timeliness is judged as it was. The sender gets a fresh receipt or rejection.
"""

from __future__ import annotations

from datetime import datetime

from gateway.app.instance import Instance
from gateway.app.pipeline import BatchResult, record
from gateway.app.reading import read_message
from gateway.app.service import rebuild_site, send_outbox
from gateway.errors import UserError


def reprocess(inst: Instance, pk: int, now: datetime) -> str:
    row = inst.store.message(pk)
    if row is None:
        raise UserError(f"message {pk}: not in the database (see `baocao failed`)")
    report = read_message(inst.cfg, inst.directory, inst.calendar, row["raw"], datetime.fromisoformat(row["received_at"]),
                          inst.theme)
    if row["report_id"]:
        with inst.store.transaction():
            inst.store.delete_report(row["report_id"])
    result = BatchResult()
    record(inst, pk, report, now, result)
    inst.store.set_meta("data_changed_at", now.isoformat())
    send_outbox(inst, now)
    rebuild_site(inst, now)
    return f"message {pk}: {report.outcome}" + (f" ({', '.join(report.codes)})" if report.codes else "")
