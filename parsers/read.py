"""parse_message: message bytes + context -> ParsedReport. Never raises."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from email.message import Message
from email.utils import parsedate_to_datetime

from parsers import body, mime, periods, tables
from parsers.machine import (
    auth_ok,
    bounced_addresses,
    classify,
    decoded_header,
    header,
    sender_address,
)
from parsers.models import (
    Directory,
    ParseContext,
    ParsedReport,
    TaskEntry,
    TaskInfo,
    UnitInfo,
    Warning,
)
from parsers.quotes import split
from parsers.text import clean_line, compact, fold, fold_key, scrub
from parsers.values import is_nil, parse_progress, parse_status

_CODE = re.compile(r"^([a-z]{1,8})[\s\-._]*(\d{1,4}(?:[.\-_]\d{1,3})*)(?![\d])")
_CODE_SEP = re.compile(r"[.\-_]")
_MID_SPACE = re.compile(r"[\r\n\t ]+")
_MID_ANGLE = re.compile(r"<[^<>]+>")


def message_key(raw: bytes, message_id: str | None) -> str:
    """The no-duplicates key: the normalised Message-ID, else a hash of the raw bytes."""
    mid = normalise_message_id(message_id)
    return mid if mid else "sha256:" + hashlib.sha256(raw).hexdigest()


def normalise_message_id(message_id: str | None) -> str | None:
    if not message_id:
        return None
    mid = _MID_SPACE.sub("", str(message_id))
    m = _MID_ANGLE.search(mid)
    mid = m.group(0) if m else mid
    return mid[:500] or None


def task_key(text: str) -> str | None:
    """'NV-01', 'nv 1', 'NV01 - Xây dựng …' all give 'nv-1'."""
    m = _CODE.match(fold(text))
    if not m:
        return None
    nums = _CODE_SEP.split(m.group(2))
    return "-".join([m.group(1)] + [str(int(n)) for n in nums if n])


def arrival_from_headers(msg: Message) -> datetime | None:
    """The newest Received: header's date, else Date: (used only when the caller knows nothing)."""
    try:
        received = msg.get_all("Received") or []
    except Exception:  # noqa: BLE001
        received = []
    for r in received[:1]:
        text = str(r)
        if ";" in text:
            try:
                dt = parsedate_to_datetime(text.rsplit(";", 1)[1].strip())
                if dt.tzinfo:
                    return dt
            except (TypeError, ValueError, IndexError):
                pass
    try:
        dt = parsedate_to_datetime(header(msg, "Date"))
        return dt if dt.tzinfo else None
    except (TypeError, ValueError, IndexError):
        return None


class _Lookup:
    def __init__(self, d: Directory) -> None:
        self.units = d.units
        self.by_key: dict[str, UnitInfo] = {}
        for u in d.units:
            for name in [u.code, u.name, u.short_name, *u.aliases]:
                if name and name.strip():
                    self.by_key.setdefault(fold_key(name), u)
                    self.by_key.setdefault(compact(name), u)
        self.by_email: dict[str, list[UnitInfo]] = {}
        for u in d.units:
            for e in u.emails:
                self.by_email.setdefault(e.strip().lower(), []).append(u)
        self._task_hits: dict[str, tuple[str, TaskInfo | None, str | None]] = {}
        self.tasks: dict[str, TaskInfo] = {}
        for t in d.tasks:
            k = task_key(t.code)
            if k:
                self.tasks.setdefault(k, t)
            self.tasks.setdefault(compact(t.code), t)

    def unit(self, text: str) -> UnitInfo | None:
        t = text.strip()
        if not t:
            return None
        for k in (fold_key(t), compact(t)):
            if k in self.by_key:
                return self.by_key[k]
        # "Sở Khoa học và Công nghệ (SKHCN)", "SKHCN - Sở KH&CN": the longest known name inside.
        ft = " " + fold_key(t) + " "
        best: tuple[int, UnitInfo] | None = None
        for k, u in self.by_key.items():
            if " " + k + " " in ft and len(k) >= 3 and (best is None or len(k) > best[0]):
                best = (len(k), u)
        return best[1] if best else None

    def task(self, text: str) -> tuple[str, TaskInfo | None, str | None]:
        """(code, known task or None, title written after the code). The same task lines come
        back in every report of a batch: each is resolved once per Directory."""
        hit = self._task_hits.get(text)
        if hit is None:
            hit = self._task(text)
            if len(self._task_hits) >= 4096:
                self._task_hits.clear()
            self._task_hits[text] = hit
        return hit

    def _task(self, text: str) -> tuple[str, TaskInfo | None, str | None]:
        t = clean_line(text).strip()
        m = _CODE.match(fold(t))
        if m:
            k = task_key(t)
            info = self.tasks.get(k or "") or self.tasks.get(compact(m.group(0)))
            # The title: what follows the code in the original text, minus separators.
            rest = t[len(m.group(0)) :].strip(" -–—:.,()") if len(t) >= len(m.group(0)) else ""
            code = info.code if info else (m.group(1) + m.group(2)).upper().replace(" ", "")
            return code, info, rest or None
        ft = fold_key(t)
        if ft:
            for info in self.tasks.values():
                title = fold_key(info.title)
                if title and (ft == title or (len(ft) >= 12 and title.startswith(ft)) or (len(title) >= 12 and ft.startswith(title))):
                    return info.code, info, t
        return t[:40].upper() or "?", None, None


_LOOKUPS: dict[int, tuple[Directory, _Lookup]] = {}


def _lookup(d: Directory) -> _Lookup:
    """Index the lists once per Directory object, not once per message (a batch shares one)."""
    hit = _LOOKUPS.get(id(d))
    if hit is not None and hit[0] is d:
        return hit[1]
    if len(_LOOKUPS) > 8:
        _LOOKUPS.clear()
    look = _Lookup(d)
    _LOOKUPS[id(d)] = (d, look)
    return look


def parse_message(raw: bytes, ctx: ParseContext | None = None) -> ParsedReport:
    ctx = ctx or ParseContext()
    try:
        return _scrubbed(_parse(raw, ctx))
    except Exception as exc:  # noqa: BLE001 - the contract: an outcome, never a traceback
        return ParsedReport(
            outcome="rejected",
            codes=["not_a_report"],
            received_at=ctx.received_at,
            error=scrub(f"{type(exc).__name__}: {exc}"[:500]),
        )


def _scrubbed(report: ParsedReport) -> ParsedReport:
    """Every string made serialisable (the CLI prints JSON, the store writes UTF-8)."""
    # scrub() returns its argument when there is nothing to fix; a pydantic setattr costs more
    # than the check, so only changed values are written back.
    for name in ("sender", "subject", "message_id", "summary", "error"):
        v = getattr(report, name)
        if v:
            s = scrub(v)
            if s is not v:
                setattr(report, name, s)
    report.bounced_addresses = [scrub(a) for a in report.bounced_addresses]
    for t in report.tasks:
        for f in ("code", "result", "difficulties", "proposals", "notes", "title"):
            v = getattr(t, f)
            if v:
                s = scrub(v)
                if s is not v:
                    setattr(t, f, s)
    for w in report.warnings:
        w.task = scrub(w.task) if w.task else w.task
        w.params = {k: scrub(v) for k, v in w.params.items()}
    return report


def header_size(raw: bytes) -> int:
    """Bytes before the blank line that ends the header section (all of it when there is none)."""
    ends = [i for i in (raw.find(b"\r\n\r\n"), raw.find(b"\n\n")) if i >= 0]
    return min(ends) if ends else len(raw)


def _parse(raw: bytes, ctx: ParseContext) -> ParsedReport:
    if header_size(raw) > ctx.max_header_bytes:
        # Not parsed at all: a header section this large is broken or hostile.
        return ParsedReport(outcome="rejected", codes=["too_large"], received_at=ctx.received_at,
                            error=f"header section over {ctx.max_header_bytes} bytes")
    if raw.lower().count(b"content-type:") > 4 * mime.MAX_PARTS:
        # The stdlib parser's time grows with the number of parts; no report has thousands.
        return ParsedReport(outcome="rejected", codes=["too_large"], received_at=ctx.received_at,
                            error=f"more than {4 * mime.MAX_PARTS} MIME parts")
    msg = mime.load(raw)
    sender = sender_address(msg)
    subject = clean_line(decoded_header(msg, "Subject"))[:500]
    received_at = ctx.received_at or arrival_from_headers(msg)
    out = ParsedReport(
        outcome="accepted",
        sender=sender or None,
        subject=subject or None,
        message_id=normalise_message_id(header(msg, "Message-ID")),
        received_at=received_at,
    )
    look = _lookup(ctx.directory)
    out.sender_units = [u.code for u in look.by_email.get(sender, [])]
    token = f"@{ctx.loop_token}.".lower()
    out.replies_to_us = bool(ctx.loop_token) and any(
        token in header(msg, name).lower() for name in ("In-Reply-To", "References"))

    def reject(code: str, outcome: str = "rejected") -> ParsedReport:
        out.outcome = outcome  # type: ignore[assignment]
        out.codes = [code]
        return out

    machine = classify(msg, sender, ctx.own_addresses, ctx.loop_token)
    if machine:
        if machine == "bounce":
            out.bounced_addresses = bounced_addresses(msg)
        return reject(machine, "ignored")
    if len(raw) > ctx.max_bytes:
        return reject("too_large")
    if not sender or sender not in look.by_email:
        return reject("unknown_sender")
    if not auth_ok(msg, ctx.auth_policy, ctx.trusted_authserv_ids):
        return reject("auth_failed")

    rep, table_rows, out.unread_attachments = _read_content(msg, subject, {a.lower() for a in ctx.own_addresses if a})
    warnings: list[Warning] = []

    # Unit: named in the mail, or the sender's only unit.
    unit_text = rep.header.get("unit", "")
    sender_units = look.by_email[sender]
    unit: UnitInfo | None
    if unit_text:
        unit = look.unit(unit_text)
        if unit is None:
            out.unit = None
            return reject("unknown_unit")
        if unit.code not in {u.code for u in sender_units}:
            out.unit = unit.code
            return reject("unit_not_allowed")
    elif len(sender_units) == 1:
        unit = sender_units[0]
    else:
        return reject("unknown_unit")
    out.unit = unit.code

    if not rep.has_content() and not table_rows:
        return reject("not_a_report")

    _kind_and_period(out, rep, subject, received_at, warnings)
    out.summary = body.summary(rep)
    out.tasks = _tasks(rep, table_rows, look, unit, warnings)
    if not out.tasks and not out.summary:
        return reject("not_a_report")
    out.warnings = warnings
    return out


_FORWARD_SUBJECT = re.compile(r"^\s*(?:\[[^\]]*\]\s*)?(?:fw|fwd|chuyen tiep|ct)\s*:")


def _quoted_from_us(seg_header: list[str], own: set[str]) -> bool:
    text = " ".join(seg_header).lower()
    return any(a in text for a in own)


def _first_report(text: str, subject: str, own: set[str]) -> body.RawReport:
    """The report in a text body: the new text first, then forwarded text; never a reply quote.

    Outlook marks a forward exactly like a reply (a rule and a From:/Sent: block), so a quoted
    block counts as forwarded when the subject says so. Anything quoted from our own address (the
    reminder's pre-filled form) is never read: its values are the old ones.
    """
    forwarded_subject = bool(_FORWARD_SUBJECT.match(fold(subject)))
    first_quote = True
    for seg in split(text):
        if seg.kind != "new":
            is_first, first_quote = first_quote, False
            if _quoted_from_us(seg.header, own):
                continue
            if seg.kind == "reply" and not (forwarded_subject and is_first and seg.header):
                continue
        cand = body.read_lines(seg.lines)
        if cand.has_labels():
            return cand
    return body.RawReport()


def _read_content(msg: Message, subject: str, own: set[str]) -> tuple[body.RawReport, list[dict[str, str]], list[str]]:
    parts = mime.extract(msg)
    rep = _first_report(parts.text, subject, own)
    if not rep.has_labels():
        for fwd in parts.forwarded:  # a report forwarded as an attached message
            if fwd.sender and fwd.sender in own:
                continue
            rep = _first_report(fwd.text, "", own)
            if rep.has_labels():
                break
    rows: list[dict[str, str]] = []
    sources: list[tables.TableRead | None] = [tables.read_rows(t) for t in parts.html_tables]
    if rep.grid and not parts.html_tables:  # Gmail's plain part repeats its HTML table as tabs
        sources.append(tables.read_rows(rep.grid))
    for att in parts.attachments:
        name = att.filename.lower()
        try:
            if name.endswith(".xlsx") or "spreadsheetml" in att.content_type:
                sources.append(tables.read_xlsx(att.data))
            elif name.endswith(".csv") or att.content_type == "text/csv":
                sources.append(tables.read_csv(att.data))
        except Exception:  # noqa: BLE001 - a broken spreadsheet is just not a table
            continue
    for t in sources:
        if t and t.rows:
            rows.extend(t.rows)
            head = body.read_lines(t.header_lines)
            for k, v in head.header.items():
                rep.header.setdefault(k, v)
    return rep, rows, parts.other_files


def _kind_and_period(out: ParsedReport, rep: body.RawReport, subject: str, received_at: datetime | None, warnings: list[Warning]) -> None:
    if periods.subject_kind(subject) is None:
        # No kind in the subject: a report heading in the body ('BÁO CÁO TUẦN 21/2025') may say it.
        subject = next((ln for ln in rep.preamble if periods.subject_kind(ln)), subject)
    kind = periods.kind_from_words(rep.header.get("kind", "")) if rep.header.get("kind") else None
    period_text = rep.header.get("period", "")
    ref = received_at.date() if received_at else None  # the year of a date written without one
    p_kind, period = periods.parse_period(period_text, kind, ref) if period_text else (None, None)
    s_kind = periods.subject_kind(subject)
    if period is None:
        sp_kind, s_period = periods.parse_period(subject, kind or s_kind, ref)
        if s_period and (s_kind or sp_kind):
            p_kind, period = sp_kind, s_period
    if kind is None:
        # A period that names its kind ('Tuần 21/2025', 'Tháng 5/2025', '05/2025') says it; a bare
        # date does not (it may be any day of a week or month): daily by default, with a warning.
        kind = s_kind or (p_kind if p_kind in ("weekly", "monthly") else None)
    if kind is None:
        kind = "daily"
        warnings.append(Warning(code="kind_inferred"))
    if period and p_kind and p_kind != kind:
        converted = periods.convert_period(period, kind)
        if converted:
            period = converted
        else:
            warnings.append(Warning(code="kind_conflict", params={"kind": kind, "period": period}))
            kind = p_kind
    if period is None and received_at is not None:
        period = periods.infer_period(kind, received_at)
        warnings.append(Warning(code="period_inferred", params={"period": period}))
    out.kind = kind  # type: ignore[assignment]
    out.period = period


def _tasks(rep: body.RawReport, table_rows: list[dict[str, str]], look: _Lookup, unit: UnitInfo, warnings: list[Warning]) -> list[TaskEntry]:
    entries: dict[str, TaskEntry] = {}
    raw_items: list[tuple[str, str, dict[str, str | None]]] = []
    for t in rep.tasks:
        if t.implicit and not t.fields:
            continue  # a bare code line with nothing under it (a table cell, a mention): no task
        raw_items.append((t.code_text or t.title, t.title, {f: body.value(t, f) for f in ("status", "progress", "result", "difficulties", "proposals", "notes")}))
    for r in table_rows[: body.MAX_TASKS]:
        raw_items.append((r.get("task", ""), r.get("title", ""), {f: r.get(f) for f in ("status", "progress", "result", "difficulties", "proposals", "notes")}))
    for code_text, written_title, vals in raw_items:
        code, info, title = look.task(code_text)
        title = title or written_title or None
        # Fields gathered first, the model built once: each pydantic setattr is costly.
        fields: dict[str, object] = {
            "result": vals.get("result"),
            "difficulties": None if is_nil(vals.get("difficulties")) else vals.get("difficulties"),
            "proposals": None if is_nil(vals.get("proposals")) else vals.get("proposals"),
            "notes": vals.get("notes"),
        }
        if vals.get("status"):
            fields["status"] = parse_status(vals["status"] or "")
            if fields["status"] is None:
                warnings.append(Warning(code="unknown_status", task=code, params={"value": (vals["status"] or "")[:80]}))
        status_text = vals.get("status") or ""
        if not vals.get("progress") and "%" in status_text:
            # 'Đang thực hiện (đạt 60%)': the progress written inside the status.
            prog, ok = parse_progress(status_text[status_text.rfind("%") - 6 :])
            if ok and prog is not None:
                fields["progress"] = prog
        if vals.get("progress"):
            prog, ok = parse_progress(vals["progress"] or "")
            if not ok:
                warnings.append(Warning(code="invalid_progress", task=code, params={"value": (vals["progress"] or "")[:80]}))
            fields["progress"] = prog
        if fields.get("status") == "completed" and fields.get("progress") is None:
            fields["progress"] = 100
        entry = TaskEntry(code=code, title=title, **fields)  # type: ignore[arg-type]
        if info is None:
            warnings.append(Warning(code="unknown_task", task=code))
        elif unit.code != info.lead_unit and unit.code not in info.coordinating_units:
            warnings.append(Warning(code="task_not_assigned", task=code))
        if code in entries:
            warnings.append(Warning(code="duplicate_task", task=code))
        entries[code] = entry  # the later block wins
    return list(entries.values())
