"""Recording the lists' history at each load (gateway.domain.lists_history decides what changed):
every row last seen is kept in the store, so a unit or task that leaves the list is archived with
its last row; a deadline change is recorded with the previous deadline, its decision and the days
overdue before it; a unit given a successor is retired from that load on.

Called before each batch and before a site build: a load that changed nothing writes nothing.
"""

from __future__ import annotations

import logging
from datetime import datetime

from gateway.app.instance import Instance
from gateway.domain import lists_history as rules
from gateway.domain.tasks import current_by_task

log = logging.getLogger(__name__)


def sync_lists(inst: Instance, now: datetime) -> rules.ListChanges | None:
    store, d = inst.store, inst.directory
    if inst.__dict__.get("_lists_synced") is d:  # this load was recorded already
        return None
    current = {
        "unit": {u.code: u.model_dump(mode="json") for u in d.units},
        "task": {t.code: t.model_dump(mode="json") for t in d.tasks},
    }
    stored = {name: store.list_rows(name) for name in current}
    changes = {name: rules.diff(stored[name], rows) for name, rows in current.items()}
    if not any(c.added or c.changed or c.removed or c.back for c in changes.values()):
        inst.__dict__["_lists_synced"] = d
        return None
    first_load = not stored["unit"] and not stored["task"]
    with store.transaction():
        tasks = changes["task"]
        if tasks.changed:
            state = current_by_task(store.task_updates(), d)
        for code in tasks.changed:
            last = state.get(code)
            done_on = last.received_at.date() if last is not None and last.status == "completed" else None
            ch = rules.deadline_change(code, stored["task"][code]["row"], current["task"][code], now.date(), done_on)
            if ch is not None:
                store.add_deadline_change(task=code, old=ch.old, new=ch.new, decision=ch.decision, changed_at=now,
                                          overdue_days=ch.overdue_days)
                log.info("task %s: deadline %s -> %s (%s), %d day(s) overdue before", code, ch.old, ch.new,
                         ch.decision or "no decision named", ch.overdue_days)
        for name, c in changes.items():
            for code in c.added + c.changed + c.back:
                store.save_list_row(name, code, current[name][code], now)
            for code in c.removed:
                store.archive_list_row(name, code, now)
                log.info("%s %s left the list: archived", name, code)
        for u in d.units:
            if u.code in changes["unit"].added + changes["unit"].changed + changes["unit"].back:
                store.retire_list_row("unit", u.code, None if not u.successor else now)
    inst.__dict__["_lists_synced"] = d
    if not first_load:
        log.info("lists changed: %s", "; ".join(
            f"{name}s +{len(c.added)} ~{len(c.changed)} -{len(c.removed)}" for name, c in changes.items()))
    return changes["task"]
