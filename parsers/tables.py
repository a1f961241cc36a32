"""The task list as a table: an attached .xlsx or .csv, or a table pasted into an HTML mail.

The header row carries the SPEC §5 labels (matched like the text labels); rows above it may carry
'Đơn vị: …', 'Loại báo cáo: …', 'Kỳ báo cáo: …' as in the site's pre-filled template.
"""

from __future__ import annotations

import csv
import io
import itertools
import zipfile
from dataclasses import dataclass, field

from parsers.labels import LABELS, match_label
from parsers.text import clean_line, fold_key

# Column labels beyond the text labels.
_COLUMN_EXTRA = {
    fold_key("Mã nhiệm vụ"): "task",
    fold_key("Mã NV"): "task",
    fold_key("Mã"): "task",
    fold_key("Tiến độ (%)"): "progress",
    fold_key("Tên nhiệm vụ"): "title",
    fold_key("Nội dung nhiệm vụ"): "title",
}
MAX_ROWS = 2000
MAX_XLSX_UNPACKED = 40 * 1024 * 1024
MAX_COLS = 40


@dataclass
class TableRead:
    header_lines: list[str] = field(default_factory=list)
    rows: list[dict[str, str]] = field(default_factory=list)


def _column_field(cell: str) -> str | None:
    key = fold_key(cell)
    if not key:
        return None
    if key in _COLUMN_EXTRA:
        return _COLUMN_EXTRA[key]
    f = LABELS.get(key)
    if f in ("task", "status", "progress", "result", "difficulties", "proposals", "notes"):
        return f
    # "Tiến độ thực hiện (%)", "Kết quả thực hiện đến nay"
    for label, fld in LABELS.items():
        if fld in ("status", "progress", "result", "difficulties", "proposals", "notes") and key.startswith(label + " ") and len(label) > 4:
            return fld
    return None


def read_rows(rows: list[list[str]]) -> TableRead | None:
    """Find the header row; everything above it is header text, everything below a task row."""
    rows = [[clean_line(str(c)) if c is not None else "" for c in r[:MAX_COLS]] for r in rows[:MAX_ROWS]]
    for hi, row in enumerate(rows[:30]):
        fields = [_column_field(c) for c in row]
        if "task" in fields and sum(1 for f in fields if f) >= 2:
            out = TableRead()
            for above in rows[:hi]:
                cells = [c.strip() for c in above if c and c.strip()]
                if not cells:
                    continue
                if len(cells) == 1 or match_label(cells[0]):
                    line = " ".join(cells)
                else:
                    line = f"{cells[0]}: {' '.join(cells[1:])}"
                out.header_lines.append(line)
            for row in rows[hi + 1 :]:
                rec: dict[str, str] = {}
                for f, c in zip(fields, row, strict=False):
                    if f and c and c.strip() and f not in rec:
                        rec[f] = c.strip()
                if rec.get("task"):
                    out.rows.append(rec)
            return out
    return None


def read_csv(data: bytes) -> TableRead | None:
    for enc in ("utf-8-sig", "cp1258", "latin-1"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - latin-1 always decodes
        return None
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        delim = dialect.delimiter
    except csv.Error:
        delim = ","
    try:
        rows = list(itertools.islice(csv.reader(io.StringIO(text), delimiter=delim), MAX_ROWS))
    except csv.Error:
        return None
    return read_rows(rows)


def read_xlsx(data: bytes) -> TableRead | None:
    from openpyxl import load_workbook  # local: only mail with a spreadsheet pays for it

    with zipfile.ZipFile(io.BytesIO(data)) as z:  # refuse a zip bomb before openpyxl inflates it
        if sum(i.file_size for i in z.infolist()) > MAX_XLSX_UNPACKED:
            return None
    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        for ws in wb.worksheets:
            rows = []
            for i, r in enumerate(ws.iter_rows()):
                if i >= MAX_ROWS:
                    break
                rows.append(["" if c.value is None else _cell(c.value, getattr(c, "number_format", "") or "")
                             for c in r[:MAX_COLS]])
            t = read_rows(rows)
            if t and t.rows:
                return t
    finally:
        wb.close()
    return None


def _cell(v: object, number_format: str = "") -> str:
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int | float) and "%" in number_format:
        return f"{v * 100:g}%"  # a cell formatted as a percentage holds a fraction: 1.0 is 100%
    if isinstance(v, float):
        if 0 < v < 1:
            return f"{v * 100:g}%"  # a fraction typed into an unformatted cell
        return str(int(v)) if v == int(v) else str(v)
    if hasattr(v, "strftime"):
        return v.strftime("%d/%m/%Y")  # type: ignore[attr-defined]
    return str(v)
