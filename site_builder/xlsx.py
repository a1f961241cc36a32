"""A small, fast, deterministic XLSX writer (Office Open XML SpreadsheetML, inline strings).

Why not openpyxl for writing: a province-year workbook has over a million cells, which openpyxl
takes ~10 s to write on the target machine, and it stamps the current time into the file (so every
rebuild would rewrite the file). This writer produces the same bytes for the same rows, in a
fraction of the time; openpyxl (and Excel/LibreOffice) read it back — tests prove the former.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from xml.sax.saxutils import escape

# Characters XML 1.0 forbids; an e-mail may carry them, a workbook must not.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
MAX_CELL = 32767  # Excel's limit on characters in a cell
_FIXED_TIME = (2020, 1, 1, 0, 0, 0)
_SPACE = frozenset(" \t\n\r")

Cell = str | int | float | date | datetime | None
_EPOCH = datetime(1899, 12, 30)


def _serial(v: date | datetime) -> float:
    """Excel's date number (days since 1899-12-30; the wall-clock time of an aware datetime)."""
    if isinstance(v, datetime):
        return (v.replace(tzinfo=None) - _EPOCH).total_seconds() / 86400
    return float((v - _EPOCH.date()).days)


def _text(value: str) -> str:
    if _XML_ILLEGAL.search(value):
        value = _XML_ILLEGAL.sub("", value)
    if len(value) > MAX_CELL:
        value = value[: MAX_CELL - 1] + "…"
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass
class Sheet:
    name: str
    rows: Iterable[Sequence[Cell]]
    widths: Sequence[float] = field(default_factory=list)
    bold_rows: frozenset[int] = frozenset()  # 0-based indexes of rows in bold (headers)
    freeze_row: int = 0  # rows kept visible when scrolling (0 = none)


# The XML of rows written lately, by (position, style, values): the site's workbook is written
# again after every batch with the same rows but the new ones (the month so far).
ROW_CACHE = 50_000
_ROWS: OrderedDict[tuple[Any, ...], str] = OrderedDict()


def _sheet_xml(sheet: Sheet) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">']
    if sheet.freeze_row:
        out.append(f'<sheetViews><sheetView workbookViewId="0"><pane ySplit="{sheet.freeze_row}" '
                   f'topLeftCell="A{sheet.freeze_row + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>')
    if sheet.widths:
        out.append("<cols>")
        for i, w in enumerate(sheet.widths):
            out.append(f'<col min="{i + 1}" max="{i + 1}" width="{w:g}" customWidth="1"/>')
        out.append("</cols>")
    out.append("<sheetData>")
    # Cells carry no reference: each row lists every cell up to its last value (empty ones as
    # <c/>), which readers place by position. Smaller and faster for a million cells.
    for ri, row in enumerate(sheet.rows):
        style = ' s="1"' if ri in sheet.bold_rows else ""
        here = (ri, style, tuple(row), tuple(map(type, row)))  # the types too: True == 1
        key: tuple[Any, ...] | None = here
        try:
            done = _ROWS.get(here)
        except TypeError:  # a value that cannot be a key: written as it is
            key, done = None, None
        if done is not None:
            out.append(done)
            continue
        parts = [f'<row r="{ri + 1}">']
        append = parts.append
        last = len(row)
        while last and (row[last - 1] is None or row[last - 1] == ""):
            last -= 1
        for ci in range(last):
            v = row[ci]
            if v.__class__ is str:
                if not v:
                    append("<c/>")
                    continue
                t = _text(v)
                space = ' xml:space="preserve"' if v[0] in _SPACE or v[-1] in _SPACE else ""
                append(f'<c{style} t="inlineStr"><is><t{space}>{t}</t></is></c>')
            elif v is None:
                append("<c/>")
            elif isinstance(v, bool):
                append(f'<c{style} t="b"><v>{int(v)}</v></c>')
            elif isinstance(v, int | float):
                append(f"<c{style}><v>{v}</v></c>")
            elif isinstance(v, datetime):  # a real date cell, shown dd/mm/yyyy hh:mm
                append(f'<c s="3"><v>{round(_serial(v), 6):g}</v></c>')
            elif isinstance(v, date):
                append(f'<c s="2"><v>{_serial(v):g}</v></c>')
            else:
                append(f'<c{style} t="inlineStr"><is><t xml:space="preserve">{_text(str(v))}</t></is></c>')
        append("</row>")
        xml = "".join(parts)
        out.append(xml)
        if key is not None:
            _ROWS[key] = xml
            while len(_ROWS) > ROW_CACHE:
                try:
                    _ROWS.popitem(last=False)
                except KeyError:  # another thread emptied it meanwhile
                    break
    out.append("</sheetData></worksheet>")
    return "".join(out)


_STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'
           '<numFmt numFmtId="165" formatCode="dd/mm/yyyy hh:mm"/></numFmts>'
           '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
           '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
           '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
           '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
           '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
           '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
           '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
           '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
           '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
           '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
           '</styleSheet>')


def workbook(sheets: list[Sheet], compresslevel: int = 1) -> bytes:
    """The .xlsx bytes of these sheets (sheet names are cut to Excel's 31 characters)."""
    names = [re.sub(r"[\[\]:*?/\\]", " ", s.name)[:31] or f"Sheet{i + 1}" for i, s in enumerate(sheets)]
    ct = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>']
    wb = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>']
    rels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    for i, name in enumerate(names, start=1):
        ct.append(f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                  'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
        wb.append(f'<sheet name="{escape(name, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>')
        rels.append(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    f'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>')
    n = len(names)
    rels.append(f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                'relationships/styles" Target="styles.xml"/></Relationships>')
    ct.append("</Types>")
    wb.append("</sheets></workbook>")
    parts = {
        "[Content_Types].xml": "".join(ct),
        "_rels/.rels": ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": "".join(wb),
        "xl/_rels/workbook.xml.rels": "".join(rels),
        "xl/styles.xml": _STYLES,
    }
    for i, s in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{i}.xml"] = _sheet_xml(s)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)  # fixed: same rows, same bytes
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"), compresslevel=compresslevel)
    return buf.getvalue()
