"""The operations behind the CLI, as functions: poll, flush the outbox, rebuild the site."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from gateway.app import difficulties, history, site_marks, snapshot
from gateway.app.instance import Instance
from gateway.app.pipeline import BatchResult, batch_lock, run_batch
from gateway.mail import outbox
from site_builder.build import BuildResult, build_site

log = logging.getLogger(__name__)


@dataclass
class PollResult:
    batch: BatchResult
    flush: outbox.FlushResult
    site: BuildResult | None


def send_outbox(inst: Instance, now: datetime) -> outbox.FlushResult:
    # Under the batch lock: two processes flushing at once would both send a queued message.
    with batch_lock(inst.store):
        sink = inst.sink()
        try:
            res = outbox.flush(inst.store, sink, inst.cfg.mail.address, now,
                               per_recipient_per_hour=inst.cfg.mail.sends_per_recipient_per_hour)
        finally:
            sink.close()
    smtp = inst.cfg.mail.sink == "smtp"
    if res.sent:
        inst.store.set_meta("last_send_ok_at", now.isoformat())
        if smtp:
            inst.store.set_meta("last_smtp_ok_at", now.isoformat())
    if smtp and res.server_down:
        inst.store.set_meta("last_smtp_error", f"{now.isoformat()} {res.server_down}"[:500])
    return res


def refresh(inst: Instance, now: datetime) -> None:
    """Bring the derived records up to date before a build outside the batch (`baocao build-site`):
    the lists' history and the difficulties of the reports recorded since the last sync."""
    with batch_lock(inst.store):
        history.sync_lists(inst, now)
        difficulties.sync(inst, now)


def rebuild_site(inst: Instance, now: datetime, *, full: bool = False, held: snapshot.Held | None = None,
                 index: dict[str, bytes] | None = None, defer_index: bool = False,
                 defer_downloads: bool = False) -> BuildResult:
    """Build and publish the site: only the pages the records since the last build touch, or
    everything (`full`, or whenever site_marks finds more than new records). `held` is a
    long-running builder's fold of the task updates, resumed here. With `defer_index` the search
    index is not made here: `index` (made beside, gateway.app.site_process) is published, or the
    published one kept. With `defer_downloads` an incremental build makes the slow downloads (the
    whole-history exports, the running periods' formal reports) at most every `[site]
    downloads_interval` (the builder process catches up when no build comes)."""
    p = site_marks.plan(inst, now, full, defer_downloads)
    snap = snapshot.take(inst.cfg, inst.store, inst.directory, now, held=held)
    result = build_site(snap, inst.cfg.site_output, inst.theme, keep=inst.cfg.site.keep_builds, changes=p.changes,
                        reindex=p.reindex and not defer_index, index=index)
    site_marks.record(inst, p, result.publish.build_dir)
    inst.store.set_meta("site_built_at", now.isoformat())
    log.debug("site build (%s): %d files written", p.reason or "incremental", result.publish.written)
    return result


def poll(inst: Instance, now: datetime, limit: int | None = None, build: bool = True) -> PollResult:
    source = inst.source()
    try:
        batch = run_batch(inst, source, now, limit)
    finally:
        source.close()
    flushed = send_outbox(inst, now)
    site = rebuild_site(inst, now) if build and (batch.changed or not inst.cfg.site_output.exists()) else None
    return PollResult(batch, flushed, site)
