"""Terminal output for operators: a parsed message, today's compliance, failed messages."""

from __future__ import annotations

import json
from datetime import datetime

from gateway.app.instance import Instance
from gateway.app.records import compliance
from gateway.domain.compliance import KINDS, current_periods
from parsers import ParsedReport
from parsers.models import ReportPart


def describe(r: ParsedReport) -> str:
    lines = [f"outcome: {r.outcome}" + (f" ({', '.join(r.codes)})" if r.codes else "")]
    for k in ("sender", "received_at"):
        lines.append(f"{k}: {getattr(r, k)}")
    parts: list[ParsedReport | ReportPart] = list(r.reports) or [r]
    for i, p in enumerate(parts):
        if len(parts) > 1:
            lines.append(f"report {i + 1} of {len(parts)}:")
        for k in ("unit", "kind", "period", "deadline", "timeliness"):
            lines.append(f"{k}: {getattr(p, k)}")
        if p.summary:
            lines.append(f"summary: {p.summary[:200]}")
        for t in p.tasks:
            lines.append(f"  task {t.code}: status={t.status} progress={t.progress}"
                         + (" (carried forward)" if t.carried_forward else ""))
        for w in p.warnings:
            lines.append(f"  warning {w.code}: {w.message}")
        for line in p.unread:
            lines.append(f"  not read: {line}")
    return "\n".join(lines)


def table(rows: list[list[str]]) -> str:
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows)


def status_table(inst: Instance, now: datetime) -> str:
    comp = compliance(inst.store, inst.directory, inst.calendar, now)
    cur = current_periods(inst.calendar, now.date())
    out = [f"{inst.cfg.organisation.name} — {now:%H:%M %d/%m/%Y}"]
    for kind in KINDS:
        cells = comp.period_cells(kind, cur[kind])
        if not cells:
            continue
        counts = {s: sum(1 for c in cells if c.status == s) for s in ("on_time", "late", "missing", "pending")}
        out.append("")
        out.append(f"{inst.theme.period_label(kind, cur[kind])} — deadline {cells[0].deadline:%H:%M %d/%m/%Y}: "
                   + ", ".join(f"{k} {v}" for k, v in counts.items()))
        rows = [["unit", "status", "received"]]
        for c in sorted(cells, key=lambda c: (c.status, c.unit)):
            rows.append([c.unit, c.status, f"{c.received_at:%H:%M %d/%m}" if c.received_at else "-"])
        out.append(table(rows))
    return "\n".join(out)


def failed_table(inst: Instance, include_ignored: bool = False) -> str:
    outcomes = ("rejected", "failed", "received") + (("ignored",) if include_ignored else ())
    rows = inst.store.messages_with_outcome(outcomes)
    if not rows:
        return "No rejected or failed messages."
    out = [["id", "received", "sender", "outcome", "reason", "subject"]]
    for r in rows:
        codes = ",".join(json.loads(r["codes"] or "[]"))
        out.append([str(r["id"]), r["received_at"][:16], r["sender"] or "?", r["outcome"],
                      codes + (f" [{r['error'][:60]}]" if r["error"] else ""), (r["subject"] or "")[:50]])
    return table(out) + "\n\nRe-read one after fixing the lists: baocao reprocess ID"
