"""Write templates/report/bao-cao-tong-hop.docx: the formal report's page and styles (Decree
30/2020/NĐ-CP, Appendix I: A4; margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New
Roman 14 pt body, 12–13 pt header lines, 12 pt tables). The report text is written by
site_builder/report.py in these styles; an operator may open the file in Word, change fonts, sizes,
spacing or margins, and save it as templates/report/bao-cao-tong-hop.docx in the instance's own
templates folder. Run: .venv/bin/python scripts/make_report_template.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from site_builder.report import STYLE_NAMES, deterministic  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "templates" / "report" / "bao-cao-tong-hop.docx"
FONT = "Times New Roman"


def _font(style, size: float, bold: bool = False, italic: bool = False) -> None:  # noqa: ANN001
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def main() -> None:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = Mm(20), Mm(20)
    sec.left_margin, sec.right_margin = Mm(30), Mm(15)
    normal = doc.styles["Normal"]
    _font(normal, 14)
    normal.paragraph_format.space_after = Pt(0)
    specs = {
        "body": (14, False, False, WD_ALIGN_PARAGRAPH.JUSTIFY, Cm(1.27), Pt(6)),
        "heading": (14, True, False, WD_ALIGN_PARAGRAPH.JUSTIFY, Cm(1.27), Pt(6)),
        "subheading": (14, True, True, WD_ALIGN_PARAGRAPH.JUSTIFY, Cm(1.27), Pt(6)),
        "header": (12, False, False, WD_ALIGN_PARAGRAPH.CENTER, None, Pt(0)),
        "header_bold": (12, True, False, WD_ALIGN_PARAGRAPH.CENTER, None, Pt(0)),
        "place_date": (14, False, True, WD_ALIGN_PARAGRAPH.CENTER, None, Pt(0)),
        "title": (14, True, False, WD_ALIGN_PARAGRAPH.CENTER, None, Pt(0)),
        "table": (12, False, False, WD_ALIGN_PARAGRAPH.LEFT, None, Pt(0)),
        "table_head": (12, True, False, WD_ALIGN_PARAGRAPH.CENTER, None, Pt(0)),
        "recipients_head": (12, True, True, WD_ALIGN_PARAGRAPH.LEFT, None, Pt(0)),
        "recipients": (11, False, False, WD_ALIGN_PARAGRAPH.LEFT, None, Pt(0)),
        "signer": (14, True, False, WD_ALIGN_PARAGRAPH.CENTER, None, Pt(0)),
    }
    for key, (size, bold, italic, align, indent, after) in specs.items():
        st = doc.styles.add_style(STYLE_NAMES[key], WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = normal
        _font(st, size, bold, italic)
        pf = st.paragraph_format
        pf.alignment = align
        pf.space_after = after
        pf.space_before = Pt(0)
        if indent is not None:
            pf.first_line_indent = indent
        pf.line_spacing = 1.1 if key in ("body", "heading", "subheading") else 1.0
    for p in list(doc.paragraphs):
        p._element.getparent().remove(p._element)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(deterministic(doc, None))
    print(OUT)


if __name__ == "__main__":
    main()
