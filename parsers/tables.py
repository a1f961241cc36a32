"""The task list as a table: an attached .xlsx or .csv, or a table pasted into an HTML mail.

The header row carries the SPEC §5 labels (matched like the text labels); rows above it may carry
'Đơn vị: …', 'Loại báo cáo: …', 'Kỳ báo cáo: …' as in the site's pre-filled template.
"""

from __future__ import annotations

import csv
import io
import itertools
import posixpath
import re
import zipfile
from collections.abc import Iterator
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
    fold_key("Nhiệm vụ"): "title",
    fold_key("Tên nhiệm vụ, nội dung"): "title",
    fold_key("Nội dung"): "title",
    fold_key("Nội dung công việc"): "title",
    # The row's number: '1.1', 'a)' under a task row is a sub-item, not a task of its own.
    fold_key("STT"): "stt",
    fold_key("TT"): "stt",
    fold_key("Số TT"): "stt",
    # The unit a row is about (a shared mailbox's table) or that leads the task.
    fold_key("Đơn vị"): "unit",
    fold_key("Đơn vị thực hiện"): "unit",
    fold_key("Đơn vị báo cáo"): "unit",
    fold_key("Đơn vị chủ trì"): "unit",
    fold_key("Xã"): "unit",
}
_CODE_CELL = re.compile(r"^\s*[A-Za-zĐđ]{1,6}[ \-._]?\d{1,4}\b")
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
        # Tasks named by code, or by title only ('Nội dung nhiệm vụ | Kết quả | Tiến độ').
        if ("task" in fields or "title" in fields) and sum(1 for f in fields if f and f not in ("stt", "unit")) >= 2:
            if hi + 1 < len(rows):
                # A two-row header (Word merges 'Kết quả thực hiện' over 'Tình trạng | Tiến độ |
                # Kết quả'): the second row names the columns the first one spans.
                sub = [_column_field(c) for c in rows[hi + 1]]
                if sum(1 for f in sub if f) >= 2 and not any(_CODE_CELL.match(c or "") for c in rows[hi + 1]):
                    fields = [b or a for a, b in zip(fields, sub + [None] * (len(fields) - len(sub)), strict=False)]
                    hi += 1
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
                if rec.get("task") or (rec.get("title") and any(k not in ("title", "task") for k in rec)):
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
    with zipfile.ZipFile(io.BytesIO(data)) as z:  # refuse a zip bomb before openpyxl inflates it
        if sum(i.file_size for i in z.infolist()) > MAX_XLSX_UNPACKED:
            return None
        # openpyxl's load_workbook builds the whole object model (styles, theme, properties) and
        # costs ~2 ms even in read-only mode; a plain workbook is read from its parts instead.
        fast = _read_xlsx_parts(z)
    if fast is not _UNSURE:
        return fast  # type: ignore[return-value]
    return _read_xlsx_openpyxl(data)


def _read_xlsx_openpyxl(data: bytes) -> TableRead | None:
    from openpyxl import load_workbook  # local: only mail with a spreadsheet pays for it

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


_UNSURE = object()  # the direct reader met something unusual: openpyxl decides
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DOC_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
_OTHER_MAINS = (
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
)
_SHARED_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def _read_xlsx_parts(z: zipfile.ZipFile) -> object:
    """What `_read_xlsx_openpyxl` returns, for a workbook laid out the usual way, read with
    openpyxl's own sheet and shared-string parsers but without its workbook object model.
    `_UNSURE` for anything less usual (macro or template files, 1904 dates, chartsheets, styles
    pointing at unknown formats), so the output is openpyxl's in every case."""
    from xml.etree.ElementTree import fromstring

    from openpyxl.reader.strings import read_string_table
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
    from openpyxl.utils.datetime import WINDOWS_EPOCH
    from openpyxl.worksheet._reader import WorkSheetParser

    names = set(z.namelist())
    try:
        types = fromstring(z.read("[Content_Types].xml"))
        overrides = [(o.get("PartName") or "", o.get("ContentType") or "") for o in types.iter(_CT + "Override")]
        if any(ct in _OTHER_MAINS for _, ct in overrides):
            return _UNSURE
        mains = [p for p, ct in overrides if ct == _XLSX_MAIN]
        if not mains or mains[0] != "/xl/workbook.xml" or "xl/styles.xml" not in names:
            return _UNSURE
        strings_parts = [p for p, ct in overrides if ct == _SHARED_STRINGS]

        for part in ("docProps/core.xml", "docProps/custom.xml"):
            if part in names:
                fromstring(z.read(part))  # openpyxl refuses a workbook whose properties are not XML
        book = fromstring(z.read("xl/workbook.xml"))
        pr = book.find(_MAIN + "workbookPr")
        if pr is not None and pr.get("date1904") not in (None, "0", "false"):
            return _UNSURE
        rels: dict[str, tuple[str, str]] = {}
        if "xl/_rels/workbook.xml.rels" not in names:
            return _UNSURE
        for r in fromstring(z.read("xl/_rels/workbook.xml.rels")).iter(_PKG_REL + "Relationship"):
            target = r.get("Target") or ""
            if r.get("TargetMode") == "External" or not target:
                return _UNSURE
            target = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            rels[r.get("Id") or ""] = (r.get("Type") or "", target)
        sheet_paths = []
        for sh in book.iter(_MAIN + "sheet"):
            rid = sh.get(_DOC_REL + "id")
            if not rid or rid not in rels:
                return _UNSURE
            kind, target = rels[rid]
            if target not in names:
                continue  # openpyxl skips a sheet whose part is missing
            if "chartsheet" in kind:
                return _UNSURE
            sheet_paths.append(target)

        # Number format of each cell style (cellXfs), as openpyxl resolves it.
        styles = fromstring(z.read("xl/styles.xml"))
        custom: dict[int, str] = {}
        numfmts = styles.find(_MAIN + "numFmts")  # not the dxfs' numFmt elements
        for nf in numfmts.iter(_MAIN + "numFmt") if numfmts is not None else ():
            custom[int(nf.get("numFmtId") or "")] = nf.get("formatCode") or ""
        xfs_node = styles.find(_MAIN + "cellXfs")
        if xfs_node is None:
            return _UNSURE
        formats: list[str] = []
        date_formats: set[int] = set()
        timedelta_formats: set[int] = set()
        for idx, xf in enumerate(xfs_node.iter(_MAIN + "xf")):
            fid = int(xf.get("numFmtId") or 0)
            if fid in custom:
                fmt = custom[fid]
            elif fid < 164:
                if fid not in BUILTIN_FORMATS:
                    return _UNSURE
                fmt = BUILTIN_FORMATS[fid]
            else:
                return _UNSURE
            formats.append(fmt)
            if is_date_format(fmt):
                date_formats.add(idx)
            if is_timedelta_format(fmt):
                timedelta_formats.add(idx)
        if not formats:
            return _UNSURE

        shared: list[str] = []
        if strings_parts:
            with z.open(strings_parts[0][1:]) as src:
                shared = read_string_table(src)
    except (KeyError, ValueError, SyntaxError):
        return _UNSURE  # let openpyxl read (or refuse) it

    for path in sheet_paths:
        with z.open(path) as src:
            dims = WorkSheetParser(src, []).parse_dimensions()
        max_col, max_row = (dims[2], dims[3]) if dims is not None else (None, None)
        with z.open(path) as src:
            parser = WorkSheetParser(src, shared, data_only=True, epoch=WINDOWS_EPOCH,
                                     date_formats=date_formats, timedelta_formats=timedelta_formats)
            rows = []
            for cells in itertools.islice(_sheet_rows(parser, max_col, max_row), MAX_ROWS):
                rows.append(["" if v is None else _cell(v, formats[s]) for v, s in cells[:MAX_COLS]])
        t = read_rows(rows)
        if t and t.rows:
            return t
    return None


_NO_CELL: tuple[object, int] = (None, 0)


def _sheet_rows(parser: object, max_col: int | None, max_row: int | None) -> Iterator[tuple[tuple[object, int], ...]]:
    """(value, style id) per cell, rows and cells openpyxl's read-only sheet would yield
    (ReadOnlyWorksheet._cells_by_row with min_row = min_col = 1: gaps filled, rows cut to the
    sheet's declared dimension)."""
    empty_row = (_NO_CELL,) * max_col if max_col is not None else ()
    counter = 1
    idx = 1
    for idx, row in parser.parse():  # type: ignore[attr-defined]
        if max_row is not None and idx > max_row:
            break
        for _ in range(counter, idx):
            counter += 1
            yield empty_row
        if counter <= idx:
            counter += 1
            if not row and not max_col:
                yield ()
                continue
            width = max_col or row[-1]["column"]
            new_row = [_NO_CELL] * width
            for cell in row:
                col = cell["column"]
                if 1 <= col <= width:
                    new_row[col - 1] = (cell["value"], cell["style_id"])
            yield tuple(new_row)
    if max_row is not None and max_row < idx:
        for _ in range(counter, max_row + 1):
            yield empty_row


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
        return str(v.strftime("%d/%m/%Y"))
    return str(v)
