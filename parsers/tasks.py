"""One report's tasks: each block's status, progress and texts, read from its labelled fields and
else from its free text; an uncertain reading is left out with a warning quoting the words
(SPEC §5.1: never silently wrong)."""

from __future__ import annotations

import re

from parsers import body
from parsers.labels import match_label
from parsers.lookup import _CODE, Lookup, strip_title, task_key
from parsers.models import ReportPart, TaskEntry, TaskInfo, UnitInfo, Warning
from parsers.text import fold, fold_key
from parsers.values import is_blank, is_nil, read_progress, read_status, rounded

TASK_FIELDS = ("status", "progress", "result", "difficulties", "proposals", "notes")


# 'Như báo cáo hôm qua', 'không có gì thay đổi so với báo cáo ngày hôm qua', 'giữ nguyên'.
SAME_AS_BEFORE = re.compile(
    r"\bnhu (?:(?:da )?bao cao|bc|noi dung)[^.;]{0,25}(?:hom qua|truoc|ky truoc|lan truoc|gan nhat)"
    r"|\bkhong (?:co )?(?:gi )?(?:thay doi|phat sinh (?:moi|gi|them))|\bgiu nguyen\b|\bvan nhu (?:cu|hom qua)\b")
_SUB_ITEM = re.compile(r"^\s*(?:\d+\s*[.,]\s*\d+|[a-zđ]\s*[).]|[-+•*])\s*$")
_TOTAL_ROW = re.compile(r"^(?:tong cong|tong so|tong|cong|binh quan|trung binh|tb|ghi chu|chu thich)\b")
_SENTENCE = re.compile(r"(?<=[.;!?])\s+(?=\S)")
# ', vướng mắc về …', ', đề nghị …': a clause that opens with a difficulty or a proposal word.
_CLAUSE_LABEL = re.compile(
    r",\s+(?=(?:khó khăn|kho khan|vướng mắc|vuong mac|đề nghị|de nghi)\b)",
    re.IGNORECASE)
_PROPOSAL_START = re.compile(r"^(?:de xuat|de nghi|kien nghi|xin de xuat|kinh de nghi)\b")
_DIFFICULTY_START = re.compile(r"^(?:kho khan|vuong mac|vuong|diem nghen|ton tai|han che|gap kho khan|gap vuong mac|bi vuong)\b")


def _inline_fields(free: str) -> tuple[str, dict[str, str]]:
    """Labels inside a paragraph: '… ước đạt 75%. Khó khăn: …. Đề xuất Sở Tài chính …' gives
    the text before them and each labelled field (a sentence that opens with 'Đề nghị' is a proposal)."""
    fields: dict[str, list[str]] = {}
    rest: list[str] = []
    current: list[str] = rest
    for sentence in (x for piece in _SENTENCE.split(free) for x in _CLAUSE_LABEL.split(piece)):
        hit = match_label(sentence)
        f = fold(sentence)
        if hit is not None and hit[0] in TASK_FIELDS:
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


def _resolve(code_text: str, look: Lookup, unit: UnitInfo) -> tuple[str, TaskInfo | None, str | None] | None:
    """A block's task: by code, or by title among the unit's own tasks (SPEC §5.1), else among
    all tasks. None when the title names several of the unit's tasks (never a guess)."""
    by_title = code_text.startswith("title:")
    text = code_text[6:] if by_title else code_text
    if not by_title and _CODE.match(fold(text)):
        return look.task(text)
    pools = [look.unit_tasks([unit]), look.tasks_list]
    if "|" in text:  # a row that names its unit: the title among that unit's tasks first
        text, _, owner = text.rpartition("|")
        pools.insert(0, [t for t in look.tasks_list if owner in (t.lead_unit, *t.coordinating_units)])
    for pool in pools:
        hits = look.by_title(text, pool)
        codes = {t.code for t in hits}
        if len(codes) == 1:
            return hits[0].code, hits[0], text
        if len(codes) > 1:
            return None
    return look.task(text)


def _warn(warnings: list[Warning], code: str, task: str, quote: str = "") -> None:
    warnings.append(Warning(code=code, task=task, params={"value": quote[:120]} if quote else {}))


def _read_values(code: str, vals: dict[str, str | None], free: str, warnings: list[Warning],
                 title: frozenset[str] = frozenset()) -> dict[str, object]:
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
        st = read_status(free, prose=True, title=title)
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


def read_tasks(rep: body.RawReport, table_rows: list[dict[str, str]], look: Lookup, unit: UnitInfo,
               warnings: list[Warning], all_rows: list[dict[str, str]] | None = None) -> list[TaskEntry]:
    """The tasks of one report: its text blocks and its table rows (`all_rows`: every table row
    of the message, some of which went to other units' reports — their tasks' lines in the
    rendered text are not this report's either)."""
    entries: dict[str, TaskEntry] = {}
    sources: dict[str, str] = {}
    raw_items: list[tuple[str, str, dict[str, str | None], list[str], str]] = []
    # A task merely mentioned (a bare code line, a sentence naming it) that also has a labelled
    # block or a table row: the labelled one is the report, the mention is not a second one. An
    # attached file's row is another source: the body's own words on the task are kept, to be
    # compared with it.
    labelled = {task_key(r.get("task", "")) for r in table_rows if r.get("task") and r.get("_src") != "file"}
    labelled |= {task_key(t.code_text) for t in rep.tasks if t.fields}
    # A table row that names its task by title only: the same task's lines in the rendered
    # text (an HTML table also comes out as text) are not a second report of it.
    in_table = set()
    for r in all_rows if all_rows is not None else table_rows:
        if r.get("_src") == "file":
            continue
        if r.get("task"):
            in_table.add(look.task(r["task"])[0])
        elif r.get("title"):
            owner = look.unit(r["unit"]) if r.get("unit") else None
            hit = _resolve(f"title:{r['title']}|{owner.code}" if owner else r["title"], look, owner or unit)
            if hit is not None and hit[1] is not None:
                in_table.add(hit[0])
    for t in rep.tasks:
        said = " ".join(t.loose)
        states = read_status(said, prose=True).value is not None or read_progress(said, prose=True).value is not None
        if t.implicit and not t.fields and not (t.loose or _says_more(t.code_text, look)):
            continue
        if t.implicit and not t.fields and task_key(t.code_text) in labelled and not states:
            continue  # named again in passing; 'Xin sửa lại: NV01 tiến độ 75%' is read (and wins)
        if t.implicit and not t.fields and in_table:
            hit = _resolve(t.code_text or t.title, look, unit)
            if hit is not None and hit[0] in in_table:
                continue
        raw_items.append((t.code_text or t.title, t.title, {f: body.value(t, f) for f in TASK_FIELDS}, t.loose, "text"))
    for r in table_rows[: body.MAX_TASKS]:
        if not r.get("task") and _SUB_ITEM.match(r.get("stt", "")):
            continue  # '1.1 Lắp camera …' under its task's row: a part of that task, not a task
        text = r.get("task", "") or r.get("title", "")
        row_unit = look.unit(r["unit"]) if r.get("unit") else None
        if not r.get("task") and row_unit is not None:
            text = f"title:{text}|{row_unit.code}"  # the title among that unit's tasks
        raw_items.append((text, r.get("title", ""), {f: r.get(f) for f in TASK_FIELDS}, [], r.get("_src", "table")))
    for code_text, written_title, vals, loose, source in raw_items:
        resolved = _resolve(code_text, look, unit)
        if resolved is None:
            warnings.append(Warning(code="task_ambiguous", params={"value": (written_title or code_text.removeprefix("title:"))[:120]}))
            continue
        code, info, title = resolved
        if info is None and not _CODE.match(fold(code_text.removeprefix("title:"))):
            # Neither a code nor one of the titles: a table's total row ('Bình quân', 'Tổng cộng'),
            # a status typed into the wrong column — told, never recorded as a task.
            if not _TOTAL_ROW.match(fold(code_text)):
                warnings.append(Warning(code="unknown_task", task=code_text.removeprefix("title:")[:40]))
            continue
        title = title or written_title or None
        free_lines = list(loose)
        if title and code_text and not code_text.startswith("title:") and (info is None or not t_is_title(title, info)):
            rest = strip_title(title, info.title) if info is not None else title
            if rest:
                free_lines.insert(0, rest)
        free, inline = _inline_fields(" ".join(x.strip() for x in free_lines if x.strip()))
        vals = {**{k: v for k, v in inline.items()}, **{k: v for k, v in vals.items() if v}}
        carried = bool(SAME_AS_BEFORE.search(fold(free + " " + (vals.get("status") or "") + " " + (vals.get("result") or ""))))
        if carried and not vals.get("status") and not vals.get("progress") and read_status(free, prose=True).value is None \
                and read_progress(free, prose=True).value is None:
            fields: dict[str, object] = {"carried_forward": True}
            _warn(warnings, "carried_forward", code, free or vals.get("result") or "")
            free = ""
        else:
            fields = _read_values(code, vals, free, warnings, frozenset(fold_key(info.title).split()) if info else frozenset())
        for f in ("result", "difficulties", "proposals", "notes"):
            v = vals.get(f)
            fields[f] = None if v is None or is_blank(v) or (f in ("difficulties", "proposals") and is_nil(v)) else v
        result = fields["result"]
        if carried and fields.get("carried_forward") and isinstance(result, str) and SAME_AS_BEFORE.search(fold(result)):
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
        if before is not None and sources[code] != source and {"file"} & {sources[code], source}:
            # The body and an attached file say different things: neither is recorded for that
            # field (which one the writer meant cannot be known); what agrees, or what only one
            # says, stands.
            update: dict[str, object] = {}
            for f in ("status", "progress"):
                a, b = getattr(before, f), getattr(entry, f)
                if a is not None and b is not None and a != b:
                    update[f] = None
                    _warn(warnings, f"{f}_uncertain", code, f"{a} / {b}")
                elif a is None:
                    update[f] = b
            for f in TASK_FIELDS[2:]:
                if getattr(before, f) is None and getattr(entry, f) is not None:
                    update[f] = getattr(entry, f)
            entries[code] = before.model_copy(update=update)
            continue
        if before is not None:
            if filled(entry) == 0:
                continue  # named again without anything said ('… tổng hợp NV01 vào báo cáo chung')
            # The later block wins, but a field it leaves blank keeps what the earlier one said.
            keep = {f: getattr(before, f) for f in TASK_FIELDS if getattr(entry, f) is None and getattr(before, f) is not None}
            if any(getattr(before, f) is not None and getattr(entry, f) is not None and getattr(before, f) != getattr(entry, f)
                   for f in ("status", "progress")) or not keep:
                warnings.append(Warning(code="duplicate_task", task=code))
            entry = entry.model_copy(update=keep)
        entries[code] = entry
        sources.setdefault(code, source)
    return list(entries.values())


def _says_more(code_text: str, look: Lookup) -> bool:
    """A code line that carries more than the code and the task's title ('NV07: đã xong')."""
    _, info, rest = look.task(code_text)
    if not rest:
        return False
    return info is None or bool(strip_title(rest, info.title).strip()) and not t_is_title(rest, info)


def t_is_title(text: str, info: TaskInfo) -> bool:
    """The text is the task's title and nothing more."""
    return fold_key(text) == fold_key(info.title)


def filled(t: TaskEntry) -> int:
    return sum(1 for f in ("status", "progress", "result", "difficulties", "proposals", "notes") if getattr(t, f) is not None)


def check_against_summary(part: ReportPart, look: Lookup, warnings: list[Warning]) -> None:
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
