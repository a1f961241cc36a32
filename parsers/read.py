"""parse_message: message bytes + context -> ParsedReport. Never raises."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from email.message import Message
from email.utils import parsedate_to_datetime

from parsers import body, docx, mime, periods, tables
from parsers.echo import own_echo
from parsers.headers import decoded_header, header, sender_address
from parsers.labels import match_label, strip_bullet
from parsers.machine import auth_ok, bounced_addresses, classify
from parsers.models import (
    Directory,
    ParseContext,
    ParsedReport,
    ReportPart,
    TaskEntry,
    TaskInfo,
    UnitInfo,
    Warning,
)
from parsers.quotes import split
from parsers.text import clean_line, compact, fold, fold_key, scrub
from parsers.values import is_blank, is_nil, read_progress, read_status, rounded

_CODE = re.compile(r"^([a-z]{1,8})[\s\-._]*(\d{1,4}(?:[.\-_]\d{1,3})*)(?![\d])")
_CODE_SEP = re.compile(r"[.\-_]")
_CONNECTOR = re.compile(r"[\s,;&/+()\-]*(?:va|hoac|cung|and)?[\s,;&/+()\-]*(?:\([^)]*\))?\s*")
_PARENS = re.compile(r"\([^)]*\)|^[^(]*\)")
_LEADING_PARENS = re.compile(r"^\(([^)]*)\)")
_ROMAN = re.compile(r"^[IVX]{1,4}[.)]\s")
# A heading that names a report kind ('BÁO CÁO TUẦN 48', 'Báo cáo ngày 27/11') or a unit.
_KIND_HEADING = re.compile(r"^(?:phan \w+ )?(?:bao cao|bc)\s*(?:tien do\s*|dinh ky\s*|ket qua\s*)?(ngay|tuan|thang)\b")
_UNIT_WORDS = re.compile(r"^(?:ubnd |uy ban nhan dan |dang uy )?(?:xa|phuong|thi tran|so|ban|truong|cong an|van phong|trung tam|ubnd|uy ban)\b")
_PROVINCE = re.compile(r"\btinh binh dinh\b|^ubnd tinh$|^uy ban nhan dan tinh$")
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

        prefixes = sorted({m.group(1) for t in d.tasks if (m := _CODE.match(fold(t.code)))}, key=len, reverse=True)
        self._mention_rx = re.compile(
            r"(?<![^\W_])(" + "|".join(map(re.escape, prefixes)) + r")[ \-._]?(\d{1,4})(?![\d])", re.IGNORECASE
        ) if prefixes else None
        self._title_tokens: dict[str, list[str]] = {t.code: fold_key(t.title).split() for t in d.tasks}
        self._heading_hits: dict[str, object] = {}

    def unit_tasks(self, units: list[UnitInfo]) -> list[TaskInfo]:
        codes = {u.code for u in units}
        return [t for t in self.tasks_list if t.lead_unit in codes or codes & set(t.coordinating_units)]

    @property
    def tasks_list(self) -> list[TaskInfo]:
        seen: dict[str, TaskInfo] = {}
        for t in self.tasks.values():
            seen.setdefault(t.code, t)
        return list(seen.values())

    def by_title(self, text: str, candidates: list[TaskInfo]) -> list[TaskInfo]:
        """The tasks whose title the text names (folded, fuzzy): best first, near-ties kept.
        The words before a colon (or the first dozen) are compared with each title: nearly all of
        them must be the title's, and they must cover at least half of it."""
        head = text.split(":", 1)[0] if ":" in text[:200] else text
        words = [w for w in fold_key(head).split() if len(w) > 1][:16]
        if len(words) < 2:
            return []
        joined = " " + " ".join(fold_key(text).split()[:40]) + " "
        have = set(words)
        scored: list[tuple[float, TaskInfo]] = []
        for t in candidates:
            tw = self._title_tokens.get(t.code) or []
            if len(tw) < 3:
                continue
            if " " + " ".join(tw) + " " in joined:
                scored.append((2.0, t))
                continue
            sig = {w for w in tw if len(w) > 1}
            common = len(have & sig)
            precision = common / len(have)
            recall = common / max(1, len(sig))
            if common >= 3 and precision >= 0.8 and recall >= 0.5:
                scored.append((precision + recall, t))
        scored.sort(key=lambda x: -x[0])
        if not scored:
            return []
        best = scored[0][0]
        return [t for c, t in scored if c >= best - 0.15]

    def mention(self, line: str, candidates: list[TaskInfo]) -> list[tuple[str, str]]:
        """The tasks a sentence names, each with the words about it: codes anywhere on the line
        ('Về nhiệm vụ NV01 (…): …', 'NV12 đang làm 60%, NV13 xong'), else a candidate's title."""
        if self._mention_rx is not None:
            found = [m for m in self._mention_rx.finditer(line) if m.start() < 400]
            if found and found[0].start() < 160:
                out: list[tuple[str, str]] = []
                for i, m in enumerate(found):
                    end = found[i + 1].start() if i + 1 < len(found) else len(line)
                    code = f"{m.group(1)}{m.group(2)}".upper()
                    out.append((code, self._about(code, line[m.end():end])))
                # 'NV01, NV02: như báo cáo hôm qua', 'NV12 (…) và NV14: đang thực hiện': one text for all.
                for i in range(len(out) - 2, -1, -1):
                    if _CONNECTOR.fullmatch(fold(_PARENS.sub(" ", out[i][1]))):
                        out[i] = (out[i][0], out[i + 1][1])
                return out
        hits = self.by_title(line, candidates)
        if hits:
            codes = {t.code for t in hits}
            titles = {fold_key(t.title) for t in hits}
            if len(codes) == 1:
                return [(hits[0].code, _strip_title(line, hits[0].title))]
            if len(titles) == 1:  # the same title for several units' tasks: decided per unit
                return [("title:" + hits[0].title, _strip_title(line, hits[0].title))]
        return []

    def _about(self, code: str, text: str) -> str:
        """The words about a task after its code: its title, in parentheses or before a colon, cut."""
        text = text.lstrip(" -–—:.,;)").rstrip()
        info = self.tasks.get(task_key(code) or "")
        if info is None:
            return text
        m = _LEADING_PARENS.match(text)
        if m and _strip_title(m.group(1), info.title) != m.group(1):
            text = text[m.end():].lstrip(" -–—:.,;").rstrip()
        return _strip_title(text, info.title)

    def section_heading(self, line: str) -> tuple[str, str] | None:
        """Cached per line: label lines and headings repeat from report to report."""
        hit = self._heading_hits.get(line, _MISS)
        if hit is _MISS:
            hit = self._section_heading(line)
            if len(self._heading_hits) >= 4096:
                self._heading_hits.clear()
            self._heading_hits[line] = hit
        return hit  # type: ignore[return-value]

    def _section_heading(self, line: str) -> tuple[str, str] | None:
        """(unit code, or '?' + the words for a unit not in the lists; kind) of a line that
        heads a report section: 'II. XÃ PHÙ CÁT', 'Đơn vị: UBND xã Tuy Phước', 'BÁO CÁO TUẦN 48'."""
        hit = match_label(line)
        if hit is not None:
            if hit[0] == "unit" and hit[1].strip():
                u = self.unit(hit[1])
                return (u.code if u else "?" + hit[1].strip(), "")
            if hit[0] == "kind":
                k = periods.kind_from_words(hit[1])
                return ("", k) if k else None
            return None
        text = strip_bullet(line).strip(" :.*_")
        f = fold(text)
        if len(f) > 70 or not f:
            return None
        numbered = text != line.strip(" :.*_") or _ROMAN.match(line.strip()) is not None
        bare = text.split("(", 1)[0]  # 'BÁO CÁO TUẦN 48 (từ 23/11 đến 27/11/2026)'
        upper = sum(1 for c in bare if c.isalpha() and c.isupper()) >= 0.8 * max(1, sum(1 for c in bare if c.isalpha()))
        if not (numbered or upper or line.rstrip().endswith(":")):
            return None
        m = _KIND_HEADING.match(f)
        kind = periods.kind_from_words(m.group(1)) if m else None
        unit_code = ""
        if _UNIT_WORDS.match(f) and not _PROVINCE.search(f):
            u = self.unit(text)
            unit_code = u.code if u else "?" + text
        if not unit_code and not kind:
            return None
        return unit_code, kind or ""

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
            rest = t[len(m.group(0)) :].lstrip(" -–—:.,()").rstrip() if len(t) >= len(m.group(0)) else ""
            code = info.code if info else (m.group(1) + m.group(2)).upper().replace(" ", "")
            return code, info, rest or None
        ft = fold_key(t)
        if ft:
            for info in self.tasks.values():
                title = fold_key(info.title)
                if title and (ft == title or (len(ft) >= 12 and title.startswith(ft)) or (len(title) >= 12 and ft.startswith(title))):
                    return info.code, info, t
        return t[:40].upper() or "?", None, None


def _strip_title(text: str, title: str) -> str:
    """The words after a task's title at the start of a text ('Xây dựng kế hoạch …: đang thực
    hiện, đạt 55%' -> 'đang thực hiện, đạt 55%'); the text itself when it does not start so."""
    own = set(fold_key(title).split())
    head, sep, tail = text.partition(":")
    if sep and len(head) <= len(title) + 30:
        words = fold_key(head).split()
        if words and sum(1 for w in words if w in own) >= 0.5 * len(words):
            return tail.strip()
    words = text.split()
    last = -1
    for i, w in enumerate(words[: len(own) + 4]):
        k = fold_key(w)
        if not k:
            continue
        if all(p in own for p in k.split()):
            last = i
        else:
            break
    if last < 0:
        return text
    return " ".join(words[last + 1 :]).lstrip(" )-–—:.,")


_MISS = object()
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
    look = _lookup(ctx.directory)
    out.sender_units = [u.code for u in look.by_email.get(sender, [])]
    token = f"@{ctx.loop_token}.".lower()
    out.replies_to_us = bool(ctx.loop_token) and any(
        token in header(msg, name).lower() for name in ("In-Reply-To", "References"))

    def reject(code: str, outcome: str = "rejected") -> ParsedReport:
        out.outcome = outcome  # type: ignore[assignment]
        out.codes = [code]
        return out

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
    if not any(x.has_content() for x in sections) and not table_rows:
        # The unit is still named in a rejection when the mail names it.
        named = look.unit(rep.header.get("unit", "")) if rep.header.get("unit") else None
        if rep.header.get("unit") and named is None:
            return reject("unknown_unit")
        if named is not None and named.code not in ctx.directory.may_report_for(sender_units):
            out.unit = named.code
            return reject("unit_not_allowed")
        unit0 = named or (sender_units[0] if len(sender_units) == 1 else None)
        out.unit = unit0.code if unit0 else None
        said = " ".join(rep.preamble + rep.unread)
        if unit0 is None or not _SAME_AS_BEFORE.search(fold(said)):
            return reject("not_a_report")
        # 'Như báo cáo hôm qua.' and nothing else: every task of the unit carried forward.
        warnings0: list[Warning] = [Warning(code="carried_forward", params={"value": said[:120]})]
        part0 = ReportPart(unit=unit0.code)
        _kind_and_period(part0, rep, subject, received_at, warnings0)
        part0.tasks = [TaskEntry(code=t.code, carried_forward=True) for t in look.unit_tasks([unit0])]
        part0.warnings = warnings0
        out.kind, out.period, out.tasks, out.warnings = part0.kind, part0.period, part0.tasks, part0.warnings
        out.reports = [part0]
        return out
    parts: list[ReportPart] = []
    notes: list[Warning] = []  # about the message as a whole: told with the first report
    previous: ReportPart | None = None
    for i, sec in enumerate(sections):
        if i > 0 and not sec.tasks and not sec.summary:
            continue  # a signature or a heading with nothing under it
        unit_text = sec.header.get("unit", "") or (sec.unit_hint if not sec.unit_hint.startswith("?") else "")
        unit = look.unit(unit_text) if unit_text else None
        if unit_text and unit is None or (i > 0 and sec.unit_hint.startswith("?") and not sec.header.get("unit")):
            if i == 0 and sec.header.get("unit"):
                return reject("unknown_unit")
            if i > 0 or sec.unit_hint:
                notes.append(Warning(code="unit_section_unattributed", params={"value": (sec.heading or unit_text)[:120]}))
                continue
        if unit is not None and unit.code not in ctx.directory.may_report_for(sender_units):
            if i == 0 and not parts:
                out.unit = unit.code
                return reject("unit_not_allowed")
            notes.append(Warning(code="unit_section_unattributed", params={"value": (sec.heading or unit.name)[:120]}))
            continue
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
                    out.unit = None
                    return reject("unknown_unit")
        assert unit is not None
        warnings: list[Warning] = []
        part = ReportPart(unit=unit.code)
        _kind_and_period(part, sec, sec.heading or subject if i else subject, received_at, warnings, previous)
        part.summary = body.summary(sec)
        part.tasks = _tasks(sec, table_rows if i == 0 else [], look, unit, warnings)
        _check_against_summary(part, look, warnings)
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
        return reject("not_a_report")
    parts[0].warnings.extend(notes)
    first = parts[0]
    out.unit, out.kind, out.period = first.unit, first.kind, first.period
    out.summary, out.tasks, out.warnings, out.unread = first.summary, first.tasks, first.warnings, first.unread
    out.reports = parts
    return out


# Lines before the first task that carry no report content: greetings, the official header,
# the opening sentence ('Sở … báo cáo … như sau:'), the report's title.
_BOILERPLATE = re.compile(
    r"^(?:kinh gui|kinh thua|dong kinh gui|thua|da[, ]|chao|gui |em gui|xin gui|cong hoa|doc lap|so\s*:|"
    r"v/v|ve viec|bao cao\b|bc\b|ubnd|uy ban nhan dan|tinh uy|dang uy|noi nhan|thuc hien (?:cong van|chi dao|yeu cau))"
    r"|nhu sau\s*:?$|\bngay \d{1,2} thang \d{1,2} nam \d{4}$|^[^a-z0-9]*$")


def _substantive(line: str, look: _Lookup) -> bool:
    """A line worth telling back as 'not read': it states a status or a progress (report content
    the reader could not place), and is neither boilerplate nor a heading."""
    f = fold(line).strip(" .,:;-_")
    if len(f) < 4 or _BOILERPLATE.search(f) or line.rstrip().endswith(":") or match_label(line):
        return False
    return read_status(line, prose=True).value is not None or read_progress(line, prose=True).value is not None


def _check_against_summary(part: ReportPart, look: _Lookup, warnings: list[Warning]) -> None:
    """A summary that gives a task another progress than its own block ('NV05: đạt 77%' …
    'Tóm tắt: NV05 – 75%'): which one is meant cannot be known, so neither is recorded."""
    if not part.summary:
        return
    by_code = {t.code: t for t in part.tasks}
    for line in part.summary.split("\n"):
        for piece in re.split(r"[;\n]", line):
            for code, words in look.mention(piece, []):
                t = by_code.get(code)
                said = read_progress(words, prose=True)
                if t is None or t.progress is None or not isinstance(said.value, float):
                    continue
                if abs(said.value - t.progress) > 0.5:
                    _warn(warnings, "progress_uncertain", code, f"{t.progress}% / {piece.strip()}")
                    t.progress = None


def _unit_of_shared(subject: str, sec: body.RawReport, look: _Lookup, units: list[UnitInfo]) -> UnitInfo | None:
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


def _filled(t: TaskEntry) -> int:
    return sum(1 for f in ("status", "progress", "result", "difficulties", "proposals", "notes") if getattr(t, f) is not None)


def _merge(into: ReportPart, part: ReportPart) -> None:
    """Two sections of one report (same unit, kind, period): a task in both keeps the fuller block;
    a mere mention ('Em gửi báo cáo nhiệm vụ NV10 …') is not a second report of it."""
    by_code = {t.code: t for t in into.tasks}
    for t in part.tasks:
        old = by_code.get(t.code)
        if old is None:
            into.tasks.append(t)
            by_code[t.code] = t
        elif _filled(t) > _filled(old):
            into.tasks[into.tasks.index(old)] = t
            by_code[t.code] = t
    dropped = {t.code for t in into.tasks}
    into.warnings = [w for w in into.warnings if not (w.code == "task_without_status" and w.task in dropped
                                                       and _filled(by_code[w.task]) >= 2)]
    into.warnings.extend(w for w in part.warnings if not (w.code == "task_without_status" and w.task in by_code
                                                          and _filled(by_code[w.task]) >= 2))
    into.unread.extend(part.unread)


_REPLY_SUBJECT = re.compile(r"^\s*(?:\[[^\]]*\]\s*)?(?:re|tl|tra loi|aw|sv|fw|fwd|chuyen tiep)\s*:")
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
    """Tasks merely named in passing, nothing said about them (a forwarding note)."""
    return not rep.header and not rep.summary and all(
        t.implicit and not t.fields and len(" ".join(t.loose).split()) < 4 for t in rep.tasks)


def _read_content(msg: Message, subject: str, own: set[str], look: _Lookup,
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
                sources.extend(tables.read_rows(g) for g in grids)
                if not rep.has_content():  # the mail only carries the report: the document is it
                    in_doc = body.read_lines(lines, mention, section)
                    if in_doc.has_labels():
                        in_doc.header = {**rep.header, **in_doc.header}
                        rep = in_doc
            elif name.endswith(".xlsx") or "spreadsheetml" in att.content_type:
                sources.append(tables.read_xlsx(att.data))
            elif name.endswith(".csv") or att.content_type == "text/csv":
                sources.append(tables.read_csv(att.data))
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
            if periods.subject_kind(line) or "bao cao" in fold(line) or "ky" in fold(line).split():
                lk, lp = periods.parse_period(line, kind or s_kind or periods.subject_kind(line), ref)
                if lp:
                    p_kind, period = lk, lp
                    break

    # A reply keeps the subject of what it answers ('Re: Nhắc báo cáo ngày 20/11'): its own words
    # say which period it reports; otherwise the subject comes first.
    for step in ((from_body, from_subject) if _REPLY_SUBJECT.match(fold(subject)) else (from_subject, from_body)):
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


_TASK_FIELDS = ("status", "progress", "result", "difficulties", "proposals", "notes")


# 'Như báo cáo hôm qua', 'không có gì thay đổi so với báo cáo ngày hôm qua', 'giữ nguyên'.
_SAME_AS_BEFORE = re.compile(
    r"\bnhu (?:(?:da )?bao cao|bc|noi dung)[^.;]{0,25}(?:hom qua|truoc|ky truoc|lan truoc|gan nhat)"
    r"|\bkhong (?:co )?(?:gi )?(?:thay doi|phat sinh (?:moi|gi|them))|\bgiu nguyen\b|\bvan nhu (?:cu|hom qua)\b")
_SENTENCE = re.compile(r"(?<=[.;!?])\s+(?=\S)")
# ', vướng mắc về …', ', đề nghị …': a clause that opens with a difficulty or a proposal word.
_CLAUSE_LABEL = re.compile(
    r",\s+(?=(?:khó khăn|kho khan|vướng mắc|vuong mac|đề nghị|de nghi)\b)",
    re.IGNORECASE)
_PROPOSAL_START = re.compile(r"^(?:de xuat|de nghi|kien nghi|xin de xuat|kinh de nghi)\b")
_DIFFICULTY_START = re.compile(r"^(?:kho khan|vuong mac|diem nghen|ton tai|han che)\b")


def _inline_fields(free: str) -> tuple[str, dict[str, str]]:
    """Labels inside a paragraph: '… ước đạt 75%. Khó khăn: …. Đề xuất Sở Tài chính …' gives
    the text before them and each labelled field (a sentence that opens with 'Đề nghị' is a proposal)."""
    fields: dict[str, list[str]] = {}
    rest: list[str] = []
    current: list[str] = rest
    for sentence in (x for piece in _SENTENCE.split(free) for x in _CLAUSE_LABEL.split(piece)):
        hit = match_label(sentence)
        f = fold(sentence)
        if hit is not None and hit[0] in _TASK_FIELDS:
            current = fields.setdefault(hit[0], [])
            if hit[1]:
                current.append(hit[1])
        elif _PROPOSAL_START.match(f):
            current = fields.setdefault("proposals", [])
            current.append(sentence)
        elif _DIFFICULTY_START.match(f) and current is rest:
            current = fields.setdefault("difficulties", [])
            current.append(sentence)
        else:
            current.append(sentence)
    return " ".join(rest), {k: " ".join(v) for k, v in fields.items() if v}


def _resolve(code_text: str, look: _Lookup, unit: UnitInfo) -> tuple[str, TaskInfo | None, str | None] | None:
    """A block's task: by code, or by title among the unit's own tasks (SPEC §5.1), else among
    all tasks. None when the title names several of the unit's tasks (never a guess)."""
    by_title = code_text.startswith("title:")
    text = code_text[6:] if by_title else code_text
    if not by_title and _CODE.match(fold(text)):
        return look.task(text)
    for pool in (look.unit_tasks([unit]), look.tasks_list):
        hits = look.by_title(text, pool)
        codes = {t.code for t in hits}
        if len(codes) == 1:
            return hits[0].code, hits[0], text
        if len(codes) > 1:
            return None
    return look.task(text)


def _warn(warnings: list[Warning], code: str, task: str, quote: str = "") -> None:
    warnings.append(Warning(code=code, task=task, params={"value": quote[:120]} if quote else {}))


def _read_values(code: str, vals: dict[str, str | None], free: str, warnings: list[Warning]) -> dict[str, object]:
    """Status and progress of one task from its fields, else from its free text; uncertain
    readings are left out with a warning quoting the words (never silently wrong)."""
    fields: dict[str, object] = {}
    status_text = vals.get("status") or ""
    progress_text = vals.get("progress") or ""
    if not status_text and progress_text and read_status(progress_text, prose=True).value is not None:
        # One column for both: 'Tiến độ: Đang thực hiện, đạt 75%', 'Tiến độ: Chưa triển khai'.
        status_text = progress_text
        if not re.search(r"\d", progress_text):
            progress_text = ""
    st = read_status(status_text) if status_text and not is_blank(status_text) else None
    if st is not None and st.uncertain:
        _warn(warnings, st.problem or "status_uncertain", code, st.quote)
    elif st is None and free:
        st = read_status(free, prose=True)
        if st.uncertain:
            _warn(warnings, st.problem or "status_uncertain", code, st.quote)
    if st is not None and isinstance(st.value, str):
        fields["status"] = st.value
    pr = read_progress(progress_text) if progress_text and not is_blank(progress_text) else None
    if pr is None and status_text:
        # 'Đang thực hiện (đạt 60%)', 'Đã hoàn thành 80%': the progress written inside the status.
        inner = read_progress(status_text, prose=True)
        pr = inner if (inner.value is not None or inner.uncertain) else None
    if pr is None and free:
        inner = read_progress(free, prose=True)
        pr = inner if (inner.value is not None or inner.uncertain) else None
    if pr is not None and pr.uncertain:
        _warn(warnings, pr.problem or "progress_uncertain", code, pr.quote)
    elif pr is not None and isinstance(pr.value, float):
        fields["progress"] = rounded(pr.value)
    status, progress = fields.get("status"), fields.get("progress")
    if status == "completed" and progress is None:
        fields["progress"] = 100
    elif (status == "completed" and isinstance(progress, int) and progress < 100) or (
        status == "not_started" and isinstance(progress, int) and progress > 0
    ):
        # A contradiction is told, never resolved by a guess: neither value is recorded.
        _warn(warnings, "status_progress_conflict", code, f"{status_text or free} / {progress_text or progress}")
        fields.pop("status")
        fields.pop("progress")
    return fields


def _tasks(rep: body.RawReport, table_rows: list[dict[str, str]], look: _Lookup, unit: UnitInfo, warnings: list[Warning]) -> list[TaskEntry]:
    entries: dict[str, TaskEntry] = {}
    raw_items: list[tuple[str, str, dict[str, str | None], list[str]]] = []
    # A task merely mentioned (a bare code line, a sentence naming it) that also has a labelled
    # block or a table row: the labelled one is the report, the mention is not a second one.
    labelled = {task_key(r.get("task", "")) for r in table_rows if r.get("task")}
    labelled |= {task_key(t.code_text) for t in rep.tasks if t.fields}
    # A table row that names its task by title only: the same task's lines in the rendered
    # text (an HTML table also comes out as text) are not a second report of it.
    in_table = set()
    for r in table_rows:
        if not r.get("task") and r.get("title"):
            hit = _resolve(r["title"], look, unit)
            if hit is not None and hit[1] is not None:
                in_table.add(hit[0])
    for t in rep.tasks:
        if t.implicit and not t.fields and (task_key(t.code_text) in labelled or not (t.loose or _says_more(t.code_text, look))):
            continue
        if t.implicit and not t.fields and in_table:
            hit = _resolve(t.code_text or t.title, look, unit)
            if hit is not None and hit[0] in in_table:
                continue
        raw_items.append((t.code_text or t.title, t.title, {f: body.value(t, f) for f in _TASK_FIELDS}, t.loose))
    for r in table_rows[: body.MAX_TASKS]:
        raw_items.append((r.get("task", "") or r.get("title", ""), r.get("title", ""), {f: r.get(f) for f in _TASK_FIELDS}, []))
    for code_text, written_title, vals, loose in raw_items:
        resolved = _resolve(code_text, look, unit)
        if resolved is None:
            warnings.append(Warning(code="task_ambiguous", params={"value": (written_title or code_text.removeprefix("title:"))[:120]}))
            continue
        code, info, title = resolved
        title = title or written_title or None
        free_lines = list(loose)
        if title and code_text and not code_text.startswith("title:") and (info is None or not t_is_title(title, info)):
            rest = _strip_title(title, info.title) if info is not None else title
            if rest:
                free_lines.insert(0, rest)
        free, inline = _inline_fields(" ".join(x.strip() for x in free_lines if x.strip()))
        vals = {**{k: v for k, v in inline.items()}, **{k: v for k, v in vals.items() if v}}
        carried = bool(_SAME_AS_BEFORE.search(fold(free + " " + (vals.get("status") or "") + " " + (vals.get("result") or ""))))
        if carried and not vals.get("status") and not vals.get("progress") and read_status(free, prose=True).value is None \
                and read_progress(free, prose=True).value is None:
            fields: dict[str, object] = {"carried_forward": True}
            _warn(warnings, "carried_forward", code, free or vals.get("result") or "")
            free = ""
        else:
            fields = _read_values(code, vals, free, warnings)
        for f in ("result", "difficulties", "proposals", "notes"):
            v = vals.get(f)
            fields[f] = None if v is None or is_blank(v) or (f in ("difficulties", "proposals") and is_nil(v)) else v
        result = fields["result"]
        if carried and fields.get("carried_forward") and isinstance(result, str) and _SAME_AS_BEFORE.search(fold(result)):
            fields["result"] = None
        fields["no_difficulties"] = vals.get("difficulties") is not None and not is_blank(vals["difficulties"]) and is_nil(vals["difficulties"])
        if fields["result"] is None and free and not is_blank(free):
            fields["result"] = free[: body.MAX_VALUE]
        if "status" not in fields and "progress" not in fields and not fields.get("carried_forward") and not any(
            w.task == code and w.code in ("status_uncertain", "progress_uncertain", "progress_range",
                                          "status_progress_conflict", "invalid_progress", "unknown_status")
            for w in warnings
        ):
            _warn(warnings, "task_without_status", code)
        entry = TaskEntry.model_validate({"code": code, "title": title, **fields})
        if info is None:
            warnings.append(Warning(code="unknown_task", task=code))
        elif unit.code != info.lead_unit and unit.code not in info.coordinating_units:
            warnings.append(Warning(code="task_not_assigned", task=code))
        before = entries.get(code)
        if before is not None:
            if _filled(entry) == 0:
                continue  # named again without anything said ('… tổng hợp NV01 vào báo cáo chung')
            # The later block wins, but a field it leaves blank keeps what the earlier one said.
            keep = {f: getattr(before, f) for f in _TASK_FIELDS if getattr(entry, f) is None and getattr(before, f) is not None}
            if any(getattr(before, f) is not None and getattr(entry, f) is not None and getattr(before, f) != getattr(entry, f)
                   for f in ("status", "progress")) or not keep:
                warnings.append(Warning(code="duplicate_task", task=code))
            entry = entry.model_copy(update=keep)
        entries[code] = entry
    return list(entries.values())


def _says_more(code_text: str, look: _Lookup) -> bool:
    """A code line that carries more than the code and the task's title ('NV07: đã xong')."""
    _, info, rest = look.task(code_text)
    if not rest:
        return False
    return info is None or bool(_strip_title(rest, info.title).strip()) and not t_is_title(rest, info)


def t_is_title(text: str, info: TaskInfo) -> bool:
    """The text is the task's title and nothing more."""
    return fold_key(text) == fold_key(info.title)
