"""The formal report (báo cáo tổng hợp, SPEC §8.2) as a .docx in the layout of Decree 30/2020/NĐ-CP:
issuing body and national motto side by side, "Số: …/BC-…" left for the clerk, place and date,
title, numbered sections (overall situation; results by programme; units' compliance; overdue
tasks; difficulties and proposals with their state; recommendations), "Nơi nhận" and the
signature block.

Pure: the snapshot and a span in, bytes out. The numbers come from site_builder.leaders, the same
functions the site's pages use. The page and the styles come from an editable Word file
(templates/report/bao-cao-tong-hop.docx, found through the theme); the fixed words from the
theme's catalogue ([report] in templates/messages/leaders.toml). The bytes depend only on the
data: fixed zip timestamps and document properties, so an unchanged report keeps its bytes.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from parsers.models import Rates
from site_builder import leaders
from site_builder.leaders import Group, Span, TaskAt
from site_builder.snapshot import Snapshot

STYLE_NAMES = {
    "body": "BC Nội dung", "heading": "BC Mục", "subheading": "BC Tiểu mục", "header": "BC Tiêu đề văn bản",
    "header_bold": "BC Tiêu đề văn bản đậm", "place_date": "BC Địa danh", "title": "BC Tên loại",
    "table": "BC Bảng", "table_head": "BC Bảng tiêu đề", "recipients_head": "BC Nơi nhận tiêu đề",
    "recipients": "BC Nơi nhận", "signer": "BC Chữ ký",
}
_W_URI = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W_NS = f'xmlns:w="{_W_URI}"'
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _qn_w(tag: str) -> str:
    return f"{{{_W_URI}}}{tag}"


def _text(value: str) -> str:
    """Text for a w:t element: escaped, without the characters XML forbids."""
    return _XML_ILLEGAL.sub("", value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(value: str) -> str:
    return _text(value).replace('"', "&quot;")


MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
TEXT_WIDTH_MM = 165  # A4 (210 mm) less the template's 30 mm and 15 mm margins


@dataclass
class UnitRow:
    code: str
    name: str
    rates: Rates
    exempt: int


@dataclass
class DifficultyRow:
    unit: str
    task: str
    text: str
    proposals: str
    since: datetime | None
    state: str
    ref: str = ""  # KK-12: the record on the difficulties page
    agency: str = ""  # the agency it was routed to (its name)


@dataclass
class FormalReport:
    """Everything the document says, computed (rendering only formats)."""

    span: Span
    org: str
    words: dict[str, str]
    as_of: datetime
    provisional: bool  # the span has not ended yet
    by_kind: dict[str, Rates]
    units: list[UnitRow]
    programmes: list[Group]
    programme_names: dict[str, str]
    tasks: list[TaskAt]
    overdue: list[TaskAt]
    difficulties: list[DifficultyRow]
    new_difficulties: int
    statuses: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # unit code -> short name
    recommendations: list[str] = field(default_factory=list)

    def fingerprint(self) -> str:
        """A digest of everything the document shows (an unchanged report is not rebuilt)."""
        return hashlib.sha256(repr(_plain(self)).encode()).hexdigest()[:32]


def _plain(obj: Any) -> Any:
    if isinstance(obj, TaskAt):
        return (obj.view.info.code, obj.status, obj.progress, obj.overdue, obj.overdue_days, obj.days_late)
    if isinstance(obj, Group):
        return (obj.key, [_plain(t) for t in obj.tasks], len(obj.difficulties))
    if isinstance(obj, Rates):
        return (obj.expected, obj.received, obj.on_time, obj.late, obj.missing)
    if isinstance(obj, FormalReport | UnitRow | DifficultyRow | Span):
        return tuple(_plain(getattr(obj, f)) for f in obj.__dataclass_fields__)
    if isinstance(obj, dict):
        return tuple(sorted((k, _plain(v)) for k, v in obj.items()))
    if isinstance(obj, list | tuple):
        return tuple(_plain(v) for v in obj)
    return obj


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{round(v * 100)}%"


def build(snap: Snapshot, span: Span, messages: dict[str, dict[str, str]]) -> FormalReport:
    """The report's content for a span, from the snapshot (the site's numbers)."""
    as_of = leaders.end_instant(snap, span)  # what the numbers are computed at
    shown = min(as_of, snap.data_as_of)  # what the document says they are as of (the data's time)
    at = leaders.tasks_at(snap, span)
    rates = leaders.unit_rates(snap, span)
    exempt = leaders.exempt_count(snap, span)
    by_kind: dict[str, Rates] = {}
    for per_unit in rates.values():
        for kind, r in per_unit.items():
            t = by_kind.setdefault(kind, Rates())
            for f in ("expected", "received", "on_time", "late", "missing"):
                setattr(t, f, getattr(t, f) + getattr(r, f))
    units = [UnitRow(u.info.code, u.info.short_name or u.info.name, rates[u.info.code]["all"],
                     exempt.get(u.info.code, 0)) for u in snap.units]
    # The difficulty records open at the end of the span: the difficulties page's records, with the
    # state each one had then and the agency that owns it.
    labels = dict(messages.get("difficulty_states", {}))
    diffs: list[DifficultyRow] = []
    new = 0
    for d in leaders.open_records_at(snap, as_of):
        since = d.raised_at
        if span.start <= since.date() <= span.end:
            new += 1
        age = (as_of.date() - since.date()).days
        state = labels.get(leaders.record_state_at(d, as_of), "Chưa được giải quyết")
        state += f" (nêu từ {since:%d/%m/%Y}, {age} ngày)"
        diffs.append(DifficultyRow(d.unit, d.task, d.text, d.proposals or "", since, state, d.ref,
                                   d.agency_name or d.agency))
    overdue = sorted((t for t in at if t.overdue), key=lambda t: (-t.days_late, t.view.info.code))
    words = dict(messages.get("report", {}))
    report = FormalReport(
        span=span, org=snap.org_name, words=words, as_of=shown, provisional=span.end >= snap.today,
        by_kind=by_kind, units=units, programmes=leaders.programmes(snap, span, at),
        programme_names=dict(messages.get("programmes", {})), tasks=at, overdue=overdue, difficulties=diffs,
        new_difficulties=new, statuses=dict(messages.get("statuses", {})),
        names={u.info.code: u.info.short_name or u.info.name for u in snap.units},
    )
    report.recommendations = _recommendations(report, snap)
    return report


def _recommendations(r: FormalReport, snap: Snapshot) -> list[str]:
    names = {u.info.code: u.info.short_name or u.info.name for u in snap.units}
    out: list[str] = []
    missing = [u for u in r.units if u.rates.missing]
    if missing:
        listed = ", ".join(f"{u.name} ({u.rates.missing} kỳ)" for u in sorted(missing, key=lambda u: -u.rates.missing)[:10])
        out.append(f"Đề nghị Thủ trưởng các đơn vị chưa thực hiện đầy đủ chế độ báo cáo chấn chỉnh, báo cáo "
                   f"đúng hạn theo quy định: {listed}.")
    if r.overdue:
        leads = sorted({names.get(t.view.info.lead_unit, t.view.info.lead_unit) for t in r.overdue})
        out.append(f"Đề nghị các đơn vị chủ trì {len(r.overdue)} nhiệm vụ quá hạn ({', '.join(leads)}) khẩn trương "
                   f"hoàn thành, báo cáo nguyên nhân và đề xuất thời hạn hoàn thành; tuyệt đối không để phát sinh "
                   f"thêm nhiệm vụ quá hạn.")
    if r.difficulties:
        out.append(f"Đề nghị Văn phòng UBND tỉnh, Sở Khoa học và Công nghệ, Công an tỉnh, Văn phòng Tỉnh ủy và các "
                   f"cơ quan liên quan xem xét, giải quyết {len(r.difficulties)} khó khăn, vướng mắc nêu tại Mục V.")
    if not out:
        out.append("Các đơn vị tiếp tục duy trì chế độ báo cáo đúng hạn và triển khai các nhiệm vụ theo kế hoạch.")
    return out


# -- rendering
def deterministic(doc: Any, stamp: datetime | None, identifier: str = "") -> bytes:
    """The document's bytes with fixed zip times and properties: the same content, the same bytes."""
    cp = doc.core_properties
    when = (stamp or datetime(2000, 1, 1, tzinfo=UTC)).astimezone(UTC).replace(tzinfo=None, microsecond=0)
    cp.created = when
    cp.modified = when
    cp.last_printed = when
    cp.revision = 1
    cp.last_modified_by = ""
    cp.author = cp.author if stamp is None else "Kênh báo cáo điện tử"
    cp.identifier = identifier
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/thumbnail.jpeg":  # python-docx's default template's picture
                continue
            if info.filename == "_rels/.rels":
                data = re.sub(rb'<Relationship [^>]*Target="docProps/thumbnail.jpeg"[^>]*/>', b"", data)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b'<Default Extension="jpeg" ContentType="image/jpeg"/>', b"")
            fixed = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, data)
    return out.getvalue()


def identifier_of(data: bytes) -> str | None:
    """The fingerprint a report's bytes carry (docProps/core.xml dc:identifier), or None."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            core = z.read("docProps/core.xml").decode("utf-8")
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError):
        return None
    start = core.find("<dc:identifier>")
    end = core.find("</dc:identifier>")
    return core[start + 15:end] if start >= 0 and end > start else None


class _Writer:
    def __init__(self, template: bytes) -> None:
        from docx import (
            Document,  # python-docx; imported here so the site builds without it installed
        )
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.shared import Mm, Pt

        self.Mm, self.Pt, self.align = Mm, Pt, WD_TABLE_ALIGNMENT
        self.doc = Document(io.BytesIO(template))
        body = self.doc.element.body
        for child in list(body):
            if child.tag.endswith("}p") or child.tag.endswith("}tbl"):
                body.remove(child)
        have = {s.name for s in self.doc.styles}
        self.styles = {k: (v if v in have else "Normal") for k, v in STYLE_NAMES.items()}
        # Style ids resolved once: python-docx looks a style up by name with an XPath query over
        # every style, and a province-year's reports set a style on 333,000 cell paragraphs.
        self.style_ids = {k: self.doc.styles[v].style_id for k, v in self.styles.items()}
        self.table_grid = self.doc.styles["Table Grid"] if "Table Grid" in have else None

    def p(self, text: str = "", style: str = "body", bold: bool = False, italic: bool = False, container: Any = None) -> Any:
        target = container if container is not None else self.doc
        para = target.add_paragraph()
        para._p.get_or_add_pPr().style = self.style_ids[style]  # noqa: SLF001 - see style_ids
        if text:
            run = para.add_run(text)
            if bold:
                run.bold = True
            if italic:
                run.italic = True
        return para

    def cell_text(self, cell: Any, text: str, style: str = "table", bold: bool = False) -> None:
        """A cell's text, one paragraph per line, in a template style."""
        for i, line in enumerate(text.split("\n")):
            para = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            para._p.get_or_add_pPr().style = self.style_ids[style]  # noqa: SLF001 - see style_ids
            run = para.add_run(line)
            if bold:
                run.bold = True

    def table(self, head: list[str], rows: list[list[str]], widths_mm: list[float]) -> Any:
        """A bordered table with a repeated header row and fixed column widths. Written as one
        piece of WordprocessingML and parsed once: python-docx's row-by-row API spent 50 s of a
        province-year's 65 reports walking each cell's children."""
        from docx.oxml import parse_xml

        scale = TEXT_WIDTH_MM / sum(widths_mm)
        twips = [int(self.Mm(w * scale).twips) for w in widths_mm]
        style = self.table_grid.style_id if self.table_grid is not None else None
        parts = [f'<w:tbl {_W_NS}><w:tblPr>']
        if style:
            parts.append(f'<w:tblStyle w:val="{_attr(style)}"/>')
        parts.append(f'<w:tblW w:w="{sum(twips)}" w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
                     '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
                     'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>')
        parts.extend(f'<w:gridCol w:w="{tw}"/>' for tw in twips)
        parts.append("</w:tblGrid>")
        cell_start = [f'<w:tc><w:tcPr><w:tcW w:w="{tw}" w:type="dxa"/></w:tcPr>' for tw in twips]
        head_style, body_style = _attr(self.style_ids["table_head"]), _attr(self.style_ids["table"])
        for r, row in enumerate([head, *rows]):
            parts.append('<w:tr><w:trPr><w:tblHeader w:val="true"/></w:trPr>' if r == 0 else "<w:tr>")
            for i in range(len(head)):
                parts.append(cell_start[i])
                text = row[i] if i < len(row) else ""
                for line in text.split("\n"):
                    parts.append(f'<w:p><w:pPr><w:pStyle w:val="{head_style if r == 0 else body_style}"/></w:pPr>')
                    if line:
                        parts.append(f'<w:r><w:t xml:space="preserve">{_text(line)}</w:t></w:r>')
                    parts.append("</w:p>")
                parts.append("</w:tc>")
            parts.append("</w:tr>")
        parts.append("</w:tbl>")
        tbl = parse_xml("".join(parts))
        body = self.doc.element.body
        sect = body.find(_qn_w("sectPr"))
        if sect is not None:
            sect.addprevious(tbl)
        else:
            body.append(tbl)
        return tbl

    def _grid(self, t: Any, widths: list[Any]) -> None:
        """Fixed layout with the column widths in the grid too (LibreOffice reads the grid)."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        tbl = t._tbl
        grid = tbl.tblGrid
        for gc, w in zip(grid.findall(qn("w:gridCol")), widths, strict=False):
            gc.set(qn("w:w"), str(int(w.twips)))
        tblpr = tbl.tblPr
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        tblpr.append(layout)
        tw = OxmlElement("w:tblW")
        tw.set(qn("w:w"), str(sum(int(w.twips) for w in widths)))
        tw.set(qn("w:type"), "dxa")
        for old in tblpr.findall(qn("w:tblW")):
            tblpr.remove(old)
        tblpr.append(tw)

    def borderless(self, cols_mm: list[float]) -> Any:
        t = self.doc.add_table(rows=1, cols=len(cols_mm))
        t.autofit = False
        t.alignment = self.align.CENTER
        widths = [self.Mm(w) for w in cols_mm]
        for i, c in enumerate(t.rows[0].cells):
            c.width = widths[i]
        self._grid(t, widths)
        return t


def render(report: FormalReport, template: bytes) -> bytes:
    """The .docx bytes of a report, on the template's page and styles."""
    w = _Writer(template)
    words = report.words
    org = report.org
    issuer_parent = words.get("issuer_parent", "{org}").replace("{org}", org).upper()
    # Header: issuing body | national motto; number and symbol | place and date.
    head = w.borderless([62, 103])
    left, right = head.rows[0].cells
    w.cell_text(left, issuer_parent, "header")
    w.p(words.get("issuer", "TỔ CÔNG TÁC").upper(), "header_bold", container=left)
    w.p("–––––––", "header", container=left)
    w.p(f"Số:        /{words.get('symbol', 'BC')}", "header", container=left)
    w.cell_text(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "header_bold")
    motto = w.p("Độc lập - Tự do - Hạnh phúc", "header_bold", container=right)
    motto.runs[0].font.size = w.Pt(13)
    w.p("–––––––––––––––––––––", "header", container=right)
    w.p(f"{words.get('place', '')}, ngày      tháng      năm {report.as_of.year}", "place_date", container=right)
    w.p("")
    w.p(words.get("title", "BÁO CÁO"), "title")
    w.p(words.get("subject", ""), "title")
    w.p(report.span.label + (" (số liệu tạm tính đến " + f"{report.as_of:%H:%M ngày %d/%m/%Y})" if report.provisional else ""), "title")
    w.p("–––––––––", "header")
    intro = words.get("intro", "{period}").replace("{period}", report.span.label.lower())
    w.p(intro)

    # I. Overall situation
    w.p("I. TÌNH HÌNH CHUNG", "heading")
    kinds = {"daily": "ngày", "weekly": "tuần", "monthly": "tháng"}
    n_units = len(report.units)
    w.p(f"Số đơn vị thực hiện chế độ báo cáo: {n_units}.")
    for kind, name in kinds.items():
        r = report.by_kind.get(kind)
        if r and r.expected:
            w.p(f"- Báo cáo {name}: phải báo cáo {r.expected} lượt; đã báo cáo {r.received} lượt "
                f"(tỷ lệ {_pct(r.reporting_rate)}), trong đó đúng hạn {r.on_time} lượt (tỷ lệ {_pct(r.on_time_rate)}), "
                f"trễ hạn {r.late} lượt; chưa báo cáo {r.missing} lượt.")
    total = len(report.tasks)
    done = sum(1 for t in report.tasks if t.status == "completed")
    doing = sum(1 for t in report.tasks if t.status == "in_progress")
    w.p(f"- Nhiệm vụ: tổng số {total}; đã hoàn thành {done}; đang thực hiện {doing}; quá hạn chưa hoàn thành "
        f"{len(report.overdue)}.")
    w.p(f"- Khó khăn, vướng mắc chưa được giải quyết: {len(report.difficulties)} (phát sinh trong kỳ: "
        f"{report.new_difficulties}).")

    # II. Results by programme
    w.p("II. KẾT QUẢ THỰC HIỆN THEO CHƯƠNG TRÌNH", "heading")
    for i, g in enumerate(report.programmes, 1):
        name = report.programme_names.get(g.key, "")
        w.p(f"{i}. {g.key}" + (f" – {name}" if name else ""), "subheading")
        avg = g.average_progress
        w.p(f"Tổng số {g.total} nhiệm vụ: hoàn thành {g.completed}; đang thực hiện {g.in_progress}; quá hạn "
            f"{g.overdue}; tiến độ bình quân {_num(avg)}; khó khăn, vướng mắc chưa giải "
            f"quyết: {len(g.difficulties)}.")
    rows = []
    for g in report.programmes:
        for t in g.tasks:
            info = t.view.info
            status = _status(t, report.statuses)
            rows.append([info.code, info.title, report.names.get(info.lead_unit, info.lead_unit), _d(info.deadline), status,
                         "–" if t.progress is None else f"{t.progress}%"])
    if rows:
        w.p("Chi tiết tình hình thực hiện từng nhiệm vụ:", "body")
        w.table(["Mã", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Tình trạng", "Tiến độ"], rows, [17, 55, 24, 25, 27, 17])

    # III. Units' compliance
    w.p("III. TÌNH HÌNH THỰC HIỆN CHẾ ĐỘ BÁO CÁO CỦA CÁC ĐƠN VỊ", "heading")
    urows = []
    for i, u in enumerate(sorted(report.units, key=lambda u: (-(u.rates.on_time_rate or 0), u.code)), 1):
        r = u.rates
        urows.append([str(i), u.name, str(r.expected), str(r.on_time), str(r.late), str(r.missing),
                      str(u.exempt) if u.exempt else "", _pct(r.on_time_rate)])
    w.table(["STT", "Đơn vị", "Phải báo cáo", "Đúng hạn", "Trễ hạn", "Chưa báo cáo", "Được miễn", "Tỷ lệ đúng hạn"],
            urows, [13, 44, 18, 17, 16, 18, 17, 22])

    # IV. Overdue tasks
    w.p("IV. NHIỆM VỤ QUÁ HẠN", "heading")
    if report.overdue:
        orows = [[str(i), t.view.info.code, t.view.info.title, report.names.get(t.view.info.lead_unit, t.view.info.lead_unit),
                  _d(t.view.info.deadline),
                  str(t.days_late), "–" if t.progress is None else f"{t.progress}%"]
                 for i, t in enumerate(report.overdue, 1)]
        w.table(["STT", "Mã", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Số ngày quá hạn", "Tiến độ"], orows,
                [13, 17, 50, 24, 25, 19, 17])
    else:
        w.p("Không có nhiệm vụ quá hạn.")

    # V. Difficulties and proposals
    w.p("V. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ CỦA CÁC ĐƠN VỊ", "heading")
    if report.difficulties:
        drows = [[str(i), report.names.get(d.unit, d.unit), d.task, d.text, d.proposals or "–", d.agency or "–",
                  d.state] for i, d in enumerate(report.difficulties, 1)]
        w.table(["STT", "Đơn vị", "Nhiệm vụ", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị", "Cơ quan xử lý",
                 "Tình trạng xử lý"], drows, [12, 20, 16, 38, 32, 22, 25])
    else:
        w.p("Các đơn vị không báo cáo khó khăn, vướng mắc.")

    # VI. Recommendations
    w.p("VI. KIẾN NGHỊ", "heading")
    for i, text in enumerate(report.recommendations, 1):
        w.p(f"{i}. {text}")
    w.p("Tổ công tác kính báo cáo./.")
    w.p("")

    # Recipients | signature
    foot = w.borderless([80, 85])
    left, right = foot.rows[0].cells
    w.cell_text(left, "Nơi nhận:", "recipients_head")
    for line in words.get("recipients", "").split("\n"):
        if line.strip():
            w.p(f"- {line.strip()}", "recipients", container=left)
    w.cell_text(right, words.get("signer_for", ""), "signer")
    w.p(words.get("signer_title", ""), "signer", container=right)
    for _ in range(4):
        w.p("", "signer", container=right)
    w.p(words.get("signer_name", ""), "signer", container=right)
    w.p("", "recipients")  # a document ends with a paragraph, not a table
    return deterministic(w.doc, report.as_of, report.fingerprint())


def _num(v: float | None) -> str:
    """62,5% (a Vietnamese decimal comma)."""
    return "–" if v is None else f"{v:g}".replace(".", ",") + "%"


def _d(iso: str | None) -> str:
    if not iso:
        return "–"
    y, m, d = iso[:10].split("-")
    return f"{d}/{m}/{y}"


def _status(t: TaskAt, statuses: dict[str, str]) -> str:
    text = statuses.get(t.status or "", "Chưa có báo cáo")
    return f"{text}, quá hạn {t.days_late} ngày" if t.overdue else text


def report_for(snap: Snapshot, span: Span, messages: dict[str, dict[str, str]], template: bytes) -> bytes:
    return render(build(snap, span, messages), template)


__all__ = ["MEDIA_TYPE", "FormalReport", "build", "identifier_of", "render", "report_for"]
