"""Read report fields out of text lines: header labels, the summary, and task blocks."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from parsers.labels import HEADER_FIELDS, TASK_FIELDS, match_label, strip_bullet
from parsers.text import clean_line, fold

_SIGNATURE = re.compile(
    r"^(?:-- ?$|--$|__+$|_{5,}|-{5,}$)|^(?:tran trong|tran trong kinh|than ai|kinh chuc|tran trong cam on|xin cam on|cam on|"
    r"best regards|regards|kind regards|thanks|thank you|sent from my|sent from|gui tu|duoc gui tu|da gui tu|"
    r"get outlook for|this email and any|noi nhan)\b"
)
# A section heading of an official-style report: 'III. KẾT QUẢ THỰC HIỆN', '2. KIẾN NGHỊ'.
_HEADING = re.compile(r"^\s*(?:[IVX]{1,5}|\d{1,2})[.)]\s+(?P<rest>\S.*)$")
_NUMERAL_START = frozenset("IVX0123456789")
# A personal name on its own line: 1-5 capitalised words, letters only ('Trương Văn Long').
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_]*$")
_BLANKS = re.compile(r"\n{3,}")
# A task opened by its code alone, as numbered lists write it: '1. NV01 - Xây dựng kế hoạch',
# '• NV-02:', 'NV03'. The code must be written as codes are (capitals, or 'nv'), and end the line
# or be followed by a separator, so prose that merely mentions a task does not open one.
_CODE_START = re.compile(r"^(?:[A-ZĐ]{1,6}|[Nn][Vv])[ \-._]?\d{1,4}(?:[.\-]\d{1,3})?(?:\s*$|\s*[-–—:.)]\s)")
_RULE = re.compile(r"^(?:-{5,}|_{5,}|={5,}|\*{5,})$")
MAX_PREAMBLE = 12
MAX_VALUE = 8000
MAX_LINES = 6000  # lines read per text segment (a long report is a few hundred)
MAX_TASKS = 300  # task blocks kept per message


@dataclass
class RawTask:
    code_text: str
    fields: dict[str, list[str]] = field(default_factory=dict)
    title: str = ""
    implicit: bool = False  # opened by a bare code line, not a 'Nhiệm vụ:' label
    # Unlabelled text of the block: the rest of a line that named the task in prose, and lines
    # under it that went into no field. Status and progress are read from it (SPEC §5.1).
    loose: list[str] = field(default_factory=list)


@dataclass
class RawReport:
    header: dict[str, str] = field(default_factory=dict)
    summary: list[str] = field(default_factory=list)
    tasks: list[RawTask] = field(default_factory=list)
    orphan_fields: int = 0  # task fields seen before any task label
    # Unlabelled lines before the first label: a heading such as 'BÁO CÁO TUẦN 21/2025' may
    # name the kind and period when the subject does not.
    preamble: list[str] = field(default_factory=list)
    # Tab-separated rows: a table copied from Excel into a plain-text mail.
    grid: list[list[str]] = field(default_factory=list)
    # Lines with content that went into no field and no task (told back in the receipt).
    unread: list[str] = field(default_factory=list)
    # A mail may hold several reports (SPEC §5.1): a heading naming a unit ('II. XÃ PHÙ CÁT') or
    # a kind ('BÁO CÁO TUẦN'), or a second 'Đơn vị:' label, starts the next section.
    heading: str = ""  # the line that opened this section
    unit_hint: str = ""  # the unit its heading names ('?' + text: a unit not in the lists)
    kind_hint: str = ""
    sections: list[RawReport] = field(default_factory=list)  # the following sections

    def has_content(self) -> bool:
        return bool(self.tasks) or bool("\n".join(self.summary).strip())

    def has_labels(self) -> bool:
        return bool(self.tasks or self.header or self.summary or self.orphan_fields)


def _join(lines: list[str]) -> str | None:
    # Trim blank lines at both ends, keep blank lines inside (a value may have paragraphs).
    while lines and not lines[0].strip():
        lines = lines[1:]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    text = "\n".join(ln.strip() for ln in lines).strip()
    if "\n\n\n" in text:  # rare: skip the regex call otherwise
        text = _BLANKS.sub("\n\n", text)
    return text[:MAX_VALUE] or None


def _is_heading(line: str) -> bool:
    # The pattern needs a numeral first (after spaces): skip the regex for any other ASCII start.
    head = line.lstrip()[:1]
    if head and head.isascii() and head not in _NUMERAL_START:
        return False
    m = _HEADING.match(line)
    if not m:
        return False
    rest = m.group("rest")
    letters = [c for c in rest if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _is_name(line: str) -> bool:
    words = line.split()
    return 1 <= len(words) <= 5 and len(line) <= 50 and all(_NAME_WORD.match(w) and w[0].isupper() for w in words)


def _drop_signature_block(lines: list[str]) -> list[str]:
    """Cut a trailing block that starts with a bare name (a signature without 'Trân trọng')."""
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    start = end
    while start and lines[start - 1].strip():
        start -= 1
    if start == 0 or end - start > 6:
        return lines
    block = [clean_line(x).strip() for x in lines[start:end]]
    if _is_name(strip_bullet(block[0]).strip()) and not any(match_label(x) for x in block):
        return lines[:start]
    return lines


@lru_cache(maxsize=8192)
def _is_signature(line: str) -> bool:
    """A sign-off ('Trân trọng', 'Sent from my …'); only lines under 90 characters are asked, and
    those repeat from mail to mail, so each is folded and matched once."""
    f = fold(line).strip()
    return bool(f and len(f) < 60 and (_SIGNATURE.match(f) or _SIGNATURE.match(fold(strip_bullet(line)))))


def _expand(lines: list[str], section: Section | None = None) -> list[str]:
    """'Nhiệm vụ: NV01; Tình trạng: Đang thực hiện; Tiến độ: 60%' written on one line: split it
    where every piece is a label of its own (a value that merely contains ';' stays whole).
    'Xã Tuy Phước: NV12 đang làm 95%' opens that unit's section, then reads the rest."""
    out: list[str] = []
    for raw in lines:
        if section is not None and ":" in raw[:60]:
            head, _, rest = raw.partition(":")
            if rest.strip() and not match_label(raw) and (found := section(head.strip() + ":")) and found[0]:
                out.extend([head.strip() + ":", rest.strip()])
                continue
        if ";" in raw and ":" in raw:
            pieces = [p.strip() for p in raw.split(";") if p.strip()]
            if len(pieces) >= 2 and all(match_label(p) for p in pieces):
                out.extend(pieces)
                continue
        out.append(raw)
    return out


# A line that names a task in prose opens its block: (code text, the rest of the line), or None.
Mention = Callable[[str], "list[tuple[str, str]]"]
# A heading line that starts a report section: (unit text or '', kind or ''), or None.
Section = Callable[[str], "tuple[str, str] | None"]


def read_lines(lines: list[str], mention: Mention | None = None, section: Section | None = None) -> RawReport:
    first = rep = RawReport()
    target: list[str] | None = None
    header_field: str | None = None
    blank_before = True
    expanded = _expand(_drop_signature_block(lines[:MAX_LINES]), section)
    for i, raw in enumerate(expanded):
        was_blank, blank_before = blank_before, not raw.strip()
        if raw.count("\t") >= 2:  # tabs are cleaned away below: a pasted spreadsheet row shows here
            cells = [c.strip() for c in raw.split("\t")]
            if sum(1 for c in cells if c) >= 3 and not match_label(raw):
                rep.grid.append([clean_line(c).strip() for c in cells])
                continue
        line = clean_line(raw)
        # Signature lines are short: long lines are never folded for this check.
        if len(line) < 90 and (rep.tasks or rep.summary) and _is_signature(line):
            if not (_RULE.match(line.strip()) and any(match_label(x) for x in expanded[i + 1 : i + 12])):
                break
            target = None  # a rule between two reports ('-----' then 'Đơn vị: …'), not a signature
            header_field = None
            continue
        stripped = line.strip()
        hit = match_label(line) if stripped else None
        head = section(stripped) if section is not None and stripped and len(stripped) <= 90 and (
            hit is None or hit[0] in ("unit", "kind")) else None
        if head is not None and (rep.tasks or (hit is not None and hit[0] in rep.header)):
            rep = RawReport(heading=stripped, unit_hint=head[0], kind_hint=head[1])
            first.sections.append(rep)
            target = None
            header_field = None
            if hit is None:
                continue
        elif head is not None and not rep.tasks:
            # Before the first task the nearest heading wins ('UBND TỈNH …', 'SỞ …', 'I. BÁO CÁO NGÀY …').
            if head[0] and (not head[0].startswith("?") or not rep.unit_hint):
                rep.unit_hint = head[0]
            rep.kind_hint = head[1] or rep.kind_hint
            if head[1] or not rep.heading:
                rep.heading = stripped
        if hit:
            name, value = hit
            header_field = None
            if name in HEADER_FIELDS:
                if name not in rep.header:
                    rep.header[name] = value
                    header_field = name
                target = None
            elif name == "task":
                last = rep.tasks[-1] if rep.tasks else None
                if last is not None and not last.code_text and last.title and not last.fields:
                    last.code_text = value  # 'Tên nhiệm vụ: …' came first, then 'Mã nhiệm vụ: NV01'
                else:
                    if len(rep.tasks) >= MAX_TASKS:
                        break
                    rep.tasks.append(RawTask(value))
                target = None
            elif name == "title":
                last = rep.tasks[-1] if rep.tasks else None
                if last is not None and not last.title and not last.fields:
                    last.title = value
                else:
                    if len(rep.tasks) >= MAX_TASKS:
                        break
                    rep.tasks.append(RawTask("", title=value))
                target = None
            elif name in TASK_FIELDS:
                if not rep.tasks:
                    rep.orphan_fields += 1
                    target = None
                    continue
                bucket = rep.tasks[-1].fields.setdefault(name, [])
                if bucket:  # the same label twice in one block: keep both
                    bucket.append("")
                bucket.append(value)
                target = bucket
            elif name == "summary":
                rep.summary.append(value)
                target = rep.summary
            else:  # a known foreign label ends the value above it
                target = None
            continue
        if _is_heading(line):  # a new section ends the value above it
            target = None
            header_field = None
            continue
        # A task named in a sentence ('Về nhiệm vụ NV01 (…): …', '2. Đối với nhiệm vụ …'): only
        # where a new paragraph or item starts, so a value that mentions a task stays whole. One
        # line may name several ('NV12 đang làm đạt 60%, NV13 xong').
        opens = mention is not None and stripped and (target is None or was_blank or strip_bullet(stripped) != stripped)
        named = mention(stripped) if opens and mention is not None else []
        code_start = stripped and "|" not in stripped[:3] and _CODE_START.match(strip_bullet(stripped))
        if code_start and len(named) < 2:
            if len(rep.tasks) >= MAX_TASKS:
                break
            rep.tasks.append(RawTask(strip_bullet(stripped), implicit=True))
            target = None
            header_field = None
            continue
        if named:
            if len(rep.tasks) + len(named) > MAX_TASKS:
                break
            for code_text, rest in named:
                rep.tasks.append(RawTask(code_text, implicit=True, loose=[rest] if rest.strip() else []))
            target = None
            header_field = None
            continue
        if target is not None:
            target.append(line)
        elif header_field and stripped and not rep.header[header_field]:
            rep.header[header_field] = stripped  # "Đơn vị:" with the value on the next line
            header_field = None
        elif rep.tasks and not rep.tasks[-1].fields and stripped and not rep.tasks[-1].code_text:
            rep.tasks[-1].code_text = stripped
        elif stripped and rep.tasks:
            rep.tasks[-1].loose.append(stripped)
        elif stripped and not rep.tasks and len(rep.preamble) < MAX_PREAMBLE:
            rep.preamble.append(stripped)
        elif stripped:
            rep.unread.append(stripped)
    return first


def value(task: RawTask, name: str) -> str | None:
    return _join(task.fields.get(name, []))


def summary(rep: RawReport) -> str | None:
    return _join(rep.summary)
