"""parse_message: message bytes + context -> ParsedReport. Never raises."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from email.message import Message
from email.utils import parsedate_to_datetime

from parsers import body, docx, mime, periods, tables
from parsers.echo import own_echo
from parsers.headers import decoded_header, header, sender_address
from parsers.labels import match_label
from parsers.lookup import Lookup, lookup
from parsers.machine import auth_ok, bounced_addresses, classify
from parsers.models import (
    ParseContext,
    ParsedReport,
    ReportPart,
    TaskEntry,
    UnitInfo,
    Warning,
)
from parsers.quotes import split
from parsers.tasks import SAME_AS_BEFORE, check_against_summary, filled, read_tasks
from parsers.text import clean_line, fold, scrub
from parsers.values import read_progress, read_status

_MID_SPACE = re.compile(r"[\x00-\x20\x7f-\xa0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]+")
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
    parts: list[ParsedReport | ReportPart] = [report, *report.reports]
    seen: set[int] = set()
    for part in parts:
        if id(part) in seen:
            continue
        seen.add(id(part))
        if part.summary:
            part.summary = scrub(part.summary)
        part.unread = [scrub(x) for x in part.unread]
        for t in part.tasks:
            if id(t) in seen:
                continue
            seen.add(id(t))
            for f in ("code", "result", "difficulties", "proposals", "notes", "title"):
                v = getattr(t, f)
                if v:
                    s = scrub(v)
                    if s is not v:
                        setattr(t, f, s)
        for w in part.warnings:
            if id(w) in seen:
                continue
            seen.add(id(w))
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
    too_big = len(raw) > ctx.max_bytes
    if too_big:
        # The size limit holds before the body is read: only the header section is parsed (to
        # classify machine mail and name the sender); a 60 MB attachment is never copied or decoded.
        raw = raw[: header_size(raw)] + b"\n\n"
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
    look = lookup(ctx.directory)
    out.sender_units = [u.code for u in look.by_email.get(sender, [])]
    token = f"@{ctx.loop_token}.".lower()
    out.replies_to_us = bool(ctx.loop_token) and any(
        token in header(msg, name).lower() for name in ("In-Reply-To", "References"))

    def reject(code: str, outcome: str = "rejected") -> ParsedReport:
        return _refuse(out, code, outcome)

    machine = classify(msg, sender, ctx.own_addresses, ctx.loop_token, subject) or (None if too_big else own_echo(msg))
    if machine:
        if machine == "bounce":
            out.bounced_addresses = bounced_addresses(msg)
        return reject(machine, "ignored")
    if too_big:
        return reject("too_large")
    if ctx.auth_policy != "none":
        out.authenticated = auth_ok(msg, ctx.auth_policy, ctx.trusted_authserv_ids, sender)
    if not sender or sender not in look.by_email:
        return reject("unknown_sender")
    if out.authenticated is False:
        return reject("auth_failed")

    sender_units = look.by_email[sender]
    rep, table_rows, out.unread_attachments = _read_content(
        msg, subject, {a.lower() for a in ctx.own_addresses if a}, look, sender_units)

    sections = [rep, *rep.sections]
    # What the person wrote, for a rejection to quote back ("what was found").
    out.unread = [x for x in rep.preamble + rep.unread if len(fold(x)) > 3 and not _BOILERPLATE.search(fold(x))][:12]
    allowed = ctx.directory.may_report_for(sender_units)
    if not any(x.has_content() for x in sections) and not table_rows:
        return _without_content(out, rep, look, sender_units, allowed, subject, received_at)
    found = _report_parts(sections, table_rows, look, sender_units, allowed, subject, received_at)
    if isinstance(found, _Refused):
        out.unit = found.unit
        return _refuse(out, found.code)
    parts = found
    if _only_a_promise(parts, rep):
        return _refuse(out, "not_a_report")  # 'Sở xin phép gửi báo cáo chậm, dự kiến trước 17h30'
    first = parts[0]
    out.unit, out.kind, out.period = first.unit, first.kind, first.period
    out.summary, out.tasks, out.warnings, out.unread = first.summary, first.tasks, first.warnings, first.unread
    out.reports = parts
    return out


@dataclass(frozen=True)
class _Refused:
    code: str
    unit: str | None = None


# 'xin phép gửi báo cáo chậm', 'sẽ báo cáo sau', 'gửi bổ sung sau': the report is still to come.
_PROMISE = re.compile(r"\b(?:xin (?:phep )?gui (?:bao cao )?(?:[^.;]{0,25} )?(?:cham|sau|bo sung)|se (?:gui|bao cao)(?: bo sung)?(?: [^.;]{0,20})? sau|"
                      r"gui (?:bao cao )?(?:cham|sau)|bao cao sau|chua tong hop (?:xong|kip))\b")


def _only_a_promise(parts: list[ReportPart], rep: body.RawReport) -> bool:
    """Nothing is reported, and the mail says the report will come later."""
    if any(t.status is not None or t.progress is not None or t.carried_forward for p in parts for t in p.tasks):
        return False
    if any(p.summary for p in parts):
        return False
    words = " ".join([*rep.preamble, *(x for t in rep.tasks for x in t.loose), *(t.code_text for t in rep.tasks)])
    return bool(_PROMISE.search(fold(words)))


def _refuse(out: ParsedReport, code: str, outcome: str = "rejected") -> ParsedReport:
    out.outcome = outcome  # type: ignore[assignment]
    out.codes = [code]
    return out


def _without_content(out: ParsedReport, rep: body.RawReport, look: Lookup, sender_units: list[UnitInfo],
                     allowed: set[str], subject: str, received_at: datetime | None) -> ParsedReport:
    """A mail with no task and no summary: rejected, naming the unit when the mail names it —
    unless it only says 'Như báo cáo hôm qua.' (every task of the unit carried forward)."""
    named = look.unit(rep.header.get("unit", "")) if rep.header.get("unit") else None
    if rep.header.get("unit") and named is None:
        return _refuse(out, "unknown_unit")
    if named is not None and named.code not in allowed:
        out.unit = named.code
        return _refuse(out, "unit_not_allowed")
    unit = named or (sender_units[0] if len(sender_units) == 1 else None)
    out.unit = unit.code if unit else None
    said = " ".join(rep.preamble + rep.unread)
    if unit is None or not SAME_AS_BEFORE.search(fold(said)):
        return _refuse(out, "not_a_report")
    warnings: list[Warning] = [Warning(code="carried_forward", params={"value": said[:120]})]
    part = ReportPart(unit=unit.code)
    _kind_and_period(part, rep, subject, received_at, warnings)
    part.tasks = [TaskEntry(code=t.code, carried_forward=True) for t in look.unit_tasks([unit])]
    part.warnings = warnings
    out.kind, out.period, out.tasks, out.warnings = part.kind, part.period, part.tasks, part.warnings
    out.reports = [part]
    return out


def _section_unit(i: int, sec: body.RawReport, look: Lookup, allowed: set[str]) -> UnitInfo | _Refused | str | None:
    """The unit a section names: a UnitInfo, None (it names none), a refusal of the whole mail
    (its first section names a unit it may not report for), or the words of a section that
    cannot be attributed (a warning; the section is left out)."""
    unit_text = sec.header.get("unit", "") or (sec.unit_hint if not sec.unit_hint.startswith("?") else "")
    unit = look.unit(unit_text) if unit_text else None
    if unit_text and unit is None or (i > 0 and sec.unit_hint.startswith("?") and not sec.header.get("unit")):
        if i == 0 and sec.header.get("unit"):
            return _Refused("unknown_unit")
        if i > 0 or sec.unit_hint:
            return (sec.heading or unit_text)[:120]
    if unit is not None and unit.code not in allowed:
        if i == 0:
            return _Refused("unit_not_allowed", unit.code)
        return (sec.heading or unit.name)[:120]
    return unit


def _rows_by_unit(sections: list[body.RawReport], table_rows: list[dict[str, str]], look: Lookup,
                  sender_units: list[UnitInfo]) -> dict[int, list[dict[str, str]]]:
    """Which section each table row belongs to. A shared mailbox's table with a unit column
    ('Đơn vị: Xã Tuy Phước | Xã Phù Cát') is one report per unit: a row of another of the
    mailbox's units becomes (or joins) that unit's section."""
    out: dict[int, list[dict[str, str]]] = {0: []}
    if len(sender_units) < 2:
        out[0] = list(table_rows)
        return out
    codes = {u.code for u in sender_units}
    first = sections[0]
    u0 = look.unit(first.header.get("unit", "") or first.unit_hint) if (first.header.get("unit") or first.unit_hint) else None
    for r in table_rows:
        u = look.unit(r["unit"]) if r.get("unit") else None
        if u is None or u.code not in codes:
            out[0].append(r)
            continue
        if u0 is None:
            u0 = u  # the first unit the table names is the first section's
        if u is u0:
            out[0].append(r)
            continue
        for i, sec in enumerate(sections[1:], start=1):
            named = sec.header.get("unit", "") or sec.unit_hint
            if named and look.unit(named) is u:
                out.setdefault(i, []).append(r)
                break
        else:
            sections.append(body.RawReport(unit_hint=u.code, heading=r["unit"]))
            out[len(sections) - 1] = [r]
    return out


def _report_parts(sections: list[body.RawReport], table_rows: list[dict[str, str]], look: Lookup,
                  sender_units: list[UnitInfo], allowed: set[str], subject: str,
                  received_at: datetime | None) -> list[ReportPart] | _Refused:
    """One report per unit section and kind (SPEC §5.1), each attributed on its own; a section
    that cannot be attributed is told about, never given to another unit."""
    parts: list[ReportPart] = []
    notes: list[Warning] = []  # about the message as a whole: told with the first report
    previous: ReportPart | None = None
    rows_of = _rows_by_unit(sections, table_rows, look, sender_units)
    for i, sec in enumerate(sections):
        if i > 0 and not sec.tasks and not sec.summary and not rows_of.get(i):
            continue  # a signature or a heading with nothing under it
        named = _section_unit(i if not parts else max(i, 1), sec, look, allowed)
        if isinstance(named, _Refused):
            return named
        if isinstance(named, str):
            notes.append(Warning(code="unit_section_unattributed", params={"value": named}))
            continue
        unit = named
        if unit is None:
            if previous is not None:
                unit = look.unit(previous.unit or "")
            elif len(sender_units) == 1:
                unit = sender_units[0]
            else:
                # A shared mailbox that names no unit in the text: the subject may ('… – Xã Tuy
                # Phước'), or every task reported belongs to one of its units.
                unit = _unit_of_shared(subject, sec, look, sender_units)
                if unit is None:
                    return _Refused("unknown_unit")
        assert unit is not None
        warnings: list[Warning] = []
        part = ReportPart(unit=unit.code)
        _kind_and_period(part, sec, sec.heading or subject if i else subject, received_at, warnings, previous)
        part.summary = body.summary(sec)
        part.tasks = read_tasks(sec, rows_of.get(i, []), look, unit, warnings, table_rows)
        check_against_summary(part, look, warnings)
        part.unread = [x for x in sec.preamble + sec.unread if _substantive(x, look)][:50]
        if not part.tasks and not part.summary:
            continue
        part.warnings = warnings
        same = next((p for p in parts if (p.unit, p.kind, p.period) == (part.unit, part.kind, part.period)), None)
        if same is not None:  # one report written in two pieces
            _merge(same, part)
        else:
            parts.append(part)
        previous = part
    if not parts:
        return _Refused("not_a_report")
    parts[0].warnings.extend(notes)
    return parts


# Lines before the first task that carry no report content: greetings, the official header,
# the opening sentence ('Sở … báo cáo … như sau:'), the report's title.
_BOILERPLATE = re.compile(
    r"^(?:kinh gui|kinh thua|dong kinh gui|thua|da[, ]|chao|gui |em gui|xin gui|cong hoa|doc lap|so\s*:|"
    r"v/v|ve viec|bao cao\b|bc\b|ubnd|uy ban nhan dan|tinh uy|dang uy|noi nhan|thuc hien (?:cong van|chi dao|yeu cau))"
    r"|nhu sau\s*:?$|\bngay \d{1,2} thang \d{1,2} nam \d{4}$|^[^a-z0-9]*$")


def _substantive(line: str, look: Lookup) -> bool:
    """A line worth telling back as 'not read': it states a status or a progress (report content
    the reader could not place), and is neither boilerplate nor a heading."""
    f = fold(line).strip(" .,:;-_")
    if len(f) < 4 or _BOILERPLATE.search(f) or line.rstrip().endswith(":") or match_label(line):
        return False
    return read_status(line, prose=True).value is not None or read_progress(line, prose=True).value is not None


def _unit_of_shared(subject: str, sec: body.RawReport, look: Lookup, units: list[UnitInfo]) -> UnitInfo | None:
    """The one unit of a shared mailbox that a report without a unit label is about, or None."""
    codes = {u.code for u in units}
    named = look.unit(subject) if subject else None
    if named is not None and named.code in codes:
        return named
    owners: set[str] = set()
    for t in sec.tasks:
        hit = look.task(t.code_text)
        info = hit[1]
        if info is None:
            return None
        owners |= {c for c in [info.lead_unit, *info.coordinating_units] if c in codes} or {"?"}
    if len(owners) == 1 and "?" not in owners:
        return next(u for u in units if u.code in owners)
    return None


def _merge(into: ReportPart, part: ReportPart) -> None:
    """Two sections of one report (same unit, kind, period): a task in both keeps the fuller block;
    a mere mention ('Em gửi báo cáo nhiệm vụ NV10 …') is not a second report of it."""
    by_code = {t.code: t for t in into.tasks}
    for t in part.tasks:
        old = by_code.get(t.code)
        if old is None:
            into.tasks.append(t)
            by_code[t.code] = t
        elif filled(t) > filled(old):
            into.tasks[into.tasks.index(old)] = t
            by_code[t.code] = t
    dropped = {t.code for t in into.tasks}
    into.warnings = [w for w in into.warnings if not (w.code == "task_without_status" and w.task in dropped
                                                       and filled(by_code[w.task]) >= 2)]
    into.warnings.extend(w for w in part.warnings if not (w.code == "task_without_status" and w.task in by_code
                                                          and filled(by_code[w.task]) >= 2))
    into.unread.extend(part.unread)


_FORWARD_SUBJECT = re.compile(r"^\s*(?:\[[^\]]*\]\s*)?(?:fw|fwd|chuyen tiep|ct)\s*:")


def _quoted_from_us(seg_header: list[str], own: set[str]) -> bool:
    text = " ".join(seg_header).lower()
    return any(a in text for a in own)


def _first_report(text: str, subject: str, own: set[str], mention: body.Mention | None = None,
                  section: body.Section | None = None) -> body.RawReport:
    """The report in a text body: the new text first, then forwarded text; never a reply quote.

    Outlook marks a forward exactly like a reply (a rule and a From:/Sent: block), so a quoted
    block counts as forwarded when the subject says so. Anything quoted from our own address (the
    reminder's pre-filled form) is never read: its values are the old ones.
    """
    forwarded_subject = bool(_FORWARD_SUBJECT.match(fold(subject)))
    first_quote = True
    fallback: body.RawReport | None = None
    for seg in split(text):
        if seg.kind != "new":
            is_first, first_quote = first_quote, False
            if _quoted_from_us(seg.header, own):
                continue
            if seg.kind == "reply" and not (forwarded_subject and is_first and seg.header):
                continue
        cand = body.read_lines(seg.lines, mention, section)
        if cand.has_labels() and not _only_mentions(cand):
            return cand
        if cand.has_labels() and (fallback is None or not fallback.has_labels()):
            fallback = cand  # 'Em chuyển báo cáo … (phụ trách NV02) ạ.' above the forwarded report
        elif fallback is None and seg.kind == "new":
            fallback = cand  # no labels at all: its lines are still told back ('Như báo cáo hôm qua.')
    return fallback or body.RawReport()


def _only_mentions(rep: body.RawReport) -> bool:
    """Tasks merely named in passing, nothing said about them (a forwarding note: 'Anh gửi báo
    cáo NV04 ngày 12/11 như bên dưới ạ' above the forwarded report)."""
    if rep.header or rep.summary:
        return False
    for t in rep.tasks:
        if not t.implicit or t.fields:
            return False
        said = " ".join(t.loose)
        if read_status(said, prose=True).value is not None or read_progress(said, prose=True).value is not None:
            return False
    return True


def _read_content(msg: Message, subject: str, own: set[str], look: Lookup,
                  sender_units: list[UnitInfo]) -> tuple[body.RawReport, list[dict[str, str]], list[str]]:
    candidates = look.unit_tasks(sender_units)

    def mention(line: str) -> list[tuple[str, str]]:
        return look.mention(line, candidates)

    parts = mime.extract(msg)
    section = look.section_heading
    rep = _first_report(parts.text, subject, own, mention, section)
    if not rep.has_labels():
        for fwd in parts.forwarded:  # a report forwarded as an attached message
            if fwd.sender and fwd.sender in own:
                continue
            rep = _first_report(fwd.text, "", own, mention, section)
            if rep.has_labels():
                break
    if not rep.has_content() and not parts.html_tables and not parts.attachments and subject:
        # A phone message written in the subject alone: 'NV15 dang trien khai dat 45%, NV14 hoan thanh'.
        in_subject = body.read_lines([subject], mention)
        if in_subject.tasks:
            rep = in_subject
    rows: list[dict[str, str]] = []
    sources: list[tables.TableRead | None] = [tables.read_rows(t) for t in parts.html_tables]
    if rep.grid and not parts.html_tables:  # Gmail's plain part repeats its HTML table as tabs
        sources.append(tables.read_rows(rep.grid))
    unread = list(parts.other_files)
    for att in parts.attachments:
        name = att.filename.lower()
        try:
            if name.endswith(".docx") or "wordprocessingml" in att.content_type:
                lines, grids = docx.read(att.data)
                sources.extend(_from_file(tables.read_rows(g)) for g in grids)
                if not rep.has_content():  # the mail only carries the report: the document is it
                    in_doc = body.read_lines(lines, mention, section)
                    if in_doc.has_labels():
                        in_doc.header = {**rep.header, **in_doc.header}
                        rep = in_doc
            elif name.endswith(".xlsx") or "spreadsheetml" in att.content_type:
                sources.append(_from_file(tables.read_xlsx(att.data)))
            elif name.endswith(".csv") or att.content_type == "text/csv":
                sources.append(_from_file(tables.read_csv(att.data)))
        except Exception:  # noqa: BLE001 - a broken spreadsheet or document is just not read
            unread.append(att.filename[:120])
            continue
    for t in sources:
        if t and t.rows:
            rows.extend(t.rows)
            head = body.read_lines(t.header_lines)
            for k, v in head.header.items():
                rep.header.setdefault(k, v)
    return rep, rows, unread


def _from_file(t: tables.TableRead | None) -> tables.TableRead | None:
    """Rows of an attached file are marked as such: the body may say the same, or otherwise."""
    for r in t.rows if t else []:
        r["_src"] = "file"
    return t


def _kind_and_period(out: ReportPart, rep: body.RawReport, subject: str, received_at: datetime | None,
                     warnings: list[Warning], previous: ReportPart | None = None) -> None:
    if periods.subject_kind(subject) is None:
        # No kind in the subject: a report heading in the body ('BÁO CÁO TUẦN 21/2025') may say it.
        subject = next((ln for ln in rep.preamble if periods.subject_kind(ln)), subject)
    kind = periods.kind_from_words(rep.header.get("kind", "")) if rep.header.get("kind") else None
    kind = kind or (rep.kind_hint or None)
    period_text = rep.header.get("period", "")
    ref = received_at.date() if received_at else None  # the year of a date written without one
    p_kind, period = periods.parse_period(period_text, kind, ref) if period_text else (None, None)
    if period is None and rep.heading:
        # The section's own heading: 'I. BÁO CÁO NGÀY 30/11/2026', 'II. BÁO CÁO THÁNG 11/2026'.
        p_kind, period = periods.parse_period(rep.heading, kind or periods.subject_kind(rep.heading), ref)
        kind = kind or periods.subject_kind(rep.heading)
    s_kind = periods.subject_kind(subject)

    def from_subject() -> None:
        nonlocal p_kind, period
        sp_kind, s_period = periods.parse_period(subject, kind or s_kind, ref)
        if s_period and (s_kind or sp_kind):
            p_kind, period = sp_kind, s_period

    def from_body() -> None:
        # A heading or an opening sentence: 'BÁO CÁO TUẦN 47', 'Sở báo cáo tiến độ ngày 20/11 …'.
        nonlocal p_kind, period
        for line in rep.preamble:
            f = fold(line)
            if periods.subject_kind(line) or "bao cao" in f or "ky" in f.split() or periods.is_range(f):
                lk, lp = periods.parse_period(periods.without_event_dates(line), kind or s_kind or periods.subject_kind(line), ref)
                if lp:
                    p_kind, period = lk, lp
                    break

    # The body's own words name the period before the subject does: a reply keeps the subject of
    # what it answers ('Re: Nhắc báo cáo ngày 20/11'), and a subject is often copied from last
    # week's mail ('Báo cáo tuần 47' above 'từ ngày 23/11 đến ngày 27/11/2026').
    for step in (from_body, from_subject):
        if period is None:
            step()
    if kind is None:
        # A period that names its kind ('Tuần 21/2025', 'Tháng 5/2025', '05/2025') says it; a bare
        # date does not (it may be any day of a week or month): daily by default, with a warning.
        kind = s_kind or (p_kind if p_kind in ("weekly", "monthly") else None)
    if kind is None and previous is not None:
        kind, period = previous.kind, period or previous.period
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


