#!/usr/bin/env python3
"""Free-writing corpus, series B: report mail as Bình Định's focal points and mail systems send it.

Run with the project venv (python-docx and openpyxl are needed for the attachments):

    .venv/bin/python tests/freewrite/make_cases_b.py

It (re)writes tests/freewrite/cases/B*.eml and B*.expected.json. Everything is deterministic
except the zip timestamps inside .docx/.xlsx attachments.

Each expected.json records what the WRITER MEANT (README.md in this folder), not what any reader
currently does.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import io
import json
import quopri
import sys
import unicodedata
from email import message_from_bytes, policy
from email.header import Header
from email.utils import format_datetime, formataddr
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "cases"
ICT = dt.timezone(dt.timedelta(hours=7))
OUR = "baocao@binhdinh.gov.vn"
OUR_NAME = "Kênh báo cáo điện tử"

# ---------------------------------------------------------------------------------------------
# small helpers
# ---------------------------------------------------------------------------------------------


def at(day: int, hh: int, mm: int, ss: int = 0) -> dt.datetime:
    """A moment in November 2026, Vietnam time."""
    return dt.datetime(2026, 11, day, hh, mm, ss, tzinfo=ICT)


def h(slug: str, n: int = 12) -> str:
    return hashlib.sha1(slug.encode()).hexdigest()[:n]


def enc(s: str, charset: str = "utf-8") -> str:
    """A header value, RFC 2047-encoded when not ASCII."""
    if all(ord(c) < 128 for c in s):
        return s
    return Header(s, charset).encode(maxlinelen=76)


def addr(name: str | None, email: str, charset: str = "utf-8") -> str:
    if not name:
        return email
    if all(ord(c) < 128 for c in name):
        return formataddr((name, email))
    return f"{Header(name, charset).encode()} <{email}>"


def cp1258(s: str) -> bytes:
    """Encode like Windows-1258 does: base letters precomposed where the code page has them
    (â ê ô ơ ư ă đ), tone marks as combining characters."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", s):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base, marks = d[0], list(d[1:])
        for m in list(marks):
            comp = unicodedata.normalize("NFC", base + m)
            if len(comp) == 1:
                try:
                    comp.encode("cp1258")
                except UnicodeEncodeError:
                    continue
                base = comp
                marks.remove(m)
                break
        out += base.encode("cp1258")
        for m in marks:
            out += m.encode("cp1258")
    return bytes(out)


def cte_encode(data: bytes, cte: str) -> bytes:
    if cte == "base64":
        return base64.encodebytes(data)
    if cte == "quoted-printable":
        return quopri.encodestring(data)
    return data


class Part:
    def __init__(self, headers: list[tuple[str, str]], body: bytes):
        self.headers = headers
        self.body = body

    def render(self, nl: bytes = b"\n") -> bytes:
        lines = [f"{k}: {v}".replace("\n", nl.decode()).encode("ascii") for k, v in self.headers]
        body = self.body
        if nl != b"\n":
            body = body.replace(b"\r\n", b"\n").replace(b"\n", nl)
        return nl.join(lines) + nl + nl + body


def text(s: str, subtype: str = "plain", charset: str = "utf-8", cte: str = "quoted-printable",
         codec: str | None = None, params: str = "", nl: str = "\n", raw: bytes | None = None,
         quote_charset: bool = True) -> Part:
    """A text part. `codec` is how the bytes are really made (may differ from the label)."""
    if raw is not None:
        data = raw
    else:
        s = s.replace("\n", nl)
        if codec == "cp1258-real":
            data = cp1258(s)
        else:
            data = s.encode(codec or charset)
    cs = f'"{charset}"' if quote_charset else charset
    ct = f"text/{subtype}; charset={cs}{params}"
    return Part([("Content-Type", ct), ("Content-Transfer-Encoding", cte)], cte_encode(data, cte))


def attachment(data: bytes, ctype: str, filename: str, style: str = "2047",
               disposition: str = "attachment", extra: list | None = None) -> Part:
    """style: '2047' (Outlook, Gmail: encoded-word in quotes), '2231' (Thunderbird, Apple)."""
    if all(ord(c) < 128 for c in filename):
        ct = f'{ctype}; name="{filename}"'
        cd = f'{disposition}; filename="{filename}"'
    elif style == "2231":
        from urllib.parse import quote
        q = quote(filename.encode("utf-8"), safe="")
        ct = f"{ctype}; name*=utf-8''{q}"
        cd = f"{disposition}; filename*=utf-8''{q}"
    else:
        ew = Header(filename, "utf-8").encode(maxlinelen=998)
        ct = f'{ctype}; name="{ew}"'
        cd = f'{disposition}; filename="{ew}"'
    hdrs = [("Content-Type", ct), ("Content-Disposition", cd),
            ("Content-Transfer-Encoding", "base64")] + (extra or [])
    return Part(hdrs, base64.encodebytes(data))


def multipart(subtype: str, parts: list[Part], seed: str, params: str = "",
              preamble: str | None = None) -> Part:
    boundary = f"----=_NextPart_{h(seed + subtype, 8)}_{h(seed, 6)}"
    if subtype == "alternative" and "gmail" in seed:
        boundary = h(seed + subtype, 28)
    body = b""
    if preamble:
        body += preamble.encode() + b"\n\n"
    for p in parts:
        body += f"--{boundary}\n".encode() + p.render() + b"\n"
    body += f"--{boundary}--\n".encode()
    return Part([("Content-Type", f'multipart/{subtype};{params}\n\tboundary="{boundary}"')], body)


def message(top: list[tuple[str, str]], root: Part, nl: bytes = b"\n") -> bytes:
    hdrs = list(top) + [("MIME-Version", "1.0")] + root.headers
    # keep MIME-Version before Content-* like real clients
    p = Part(hdrs, root.body)
    return p.render(nl)


# ---------------------------------------------------------------------------------------------
# header sets of the clients the province's offices use
# ---------------------------------------------------------------------------------------------

RELAYS = {
    "binhdinh.gov.vn": ("mail.binhdinh.gov.vn", "10.56.1.21"),
    "gmail.com": ("mail-pj1-f52.google.com", "209.85.216.52"),
    "congan.binhdinh.gov.vn": ("mail.congan.binhdinh.gov.vn", "113.160.224.18"),
    "qnu.edu.vn": ("mail.qnu.edu.vn", "14.225.19.36"),
}


def msgid(style: str, seed: str, domain: str) -> str:
    x = hashlib.sha256(seed.encode()).hexdigest()
    if style == "outlook":
        return f"<{x[:6].upper()}01db{x[6:10]}${x[10:18]}${x[18:26]}$@{domain}>"
    if style == "gmail":
        b = base64.b64encode(bytes.fromhex(x[:48])).decode().replace("/", "_").replace("+", "-")
        return f"<CA{b}@mail.gmail.com>"
    if style == "zimbra":
        return f"<{int(x[:8], 16) % 900000000 + 100000000}.{int(x[8:14], 16) % 999999}.{1763000000000 + int(x[14:20], 16)}.JavaMail.zimbra@{domain}>"
    if style == "apple":
        return f"<{x[:8].upper()}-{x[8:12].upper()}-{x[12:16].upper()}-{x[16:20].upper()}-{x[20:32].upper()}@{domain}>"
    return f"<{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:32]}@{domain}>"


MAILERS = {
    "outlook": [("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "vi")],
    "outlook2013": [("X-Mailer", "Microsoft Outlook 15.0"), ("Content-Language", "vi")],
    "zimbra": [("X-Mailer", "Zimbra 8.8.15_GA_4484 (ZimbraWebClient - GC119 (Win)/8.8.15_GA_4484)"),
               ("Thread-Topic", None)],
    "gmail": [],
    "thunderbird": [("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Thunderbird/128.4.2")],
    "apple": [("X-Mailer", "Apple Mail (2.3826.600.51.1.1)")],
    "iphone": [("X-Mailer", "iPhone Mail (22B91)")],
    "oe": [("X-Mailer", "Microsoft Outlook Express 6.00.2900.5512"), ("X-MimeOLE", "Produced By Microsoft MimeOLE V6.00.2900.5512")],
    "none": [],
}


def human(slug: str, name: str, sender: str, subject: str, received: dt.datetime, *,
          client: str = "outlook", sent_minutes_before: int = 1, to: str | None = None,
          cc: str | None = None, in_reply_to: str | None = None, extra: list | None = None,
          return_path: str | None = "same", subject_charset: str = "utf-8",
          subject_raw: str | None = None) -> list[tuple[str, str]]:
    domain = sender.split("@", 1)[1]
    relay, ip = RELAYS.get(domain, (f"mail.{domain}", "203.113.131.5"))
    sent = received - dt.timedelta(minutes=sent_minutes_before, seconds=17)
    style = {"outlook": "outlook", "outlook2013": "outlook", "oe": "outlook", "zimbra": "zimbra",
             "gmail": "gmail", "apple": "apple", "iphone": "apple"}.get(client, "uuid")
    mid_domain = "mail.gmail.com" if style == "gmail" else domain
    top: list[tuple[str, str]] = []
    if return_path == "same":
        top.append(("Return-Path", f"<{sender}>"))
    elif return_path is not None:
        top.append(("Return-Path", return_path))
    top.append(("Delivered-To", OUR))
    top.append(("Received", f"from {relay} ({relay} [{ip}])\n\tby mx.binhdinh.gov.vn (Postfix) with ESMTPS id {h(slug, 10).upper()}\n\tfor <{OUR}>; {format_datetime(received)}"))
    if client == "gmail":
        top.append(("Received", f"by mail-pj1-f52.google.com with SMTP id {h(slug + 'g', 16)}\n\tfor <{OUR}>; {format_datetime(sent.astimezone(dt.timezone(dt.timedelta(hours=-8))))}"))
    top.append(("From", addr(name, sender)))
    top.append(("To", to or addr(OUR_NAME if client in ("zimbra", "gmail") else None, OUR)))
    if cc:
        top.append(("Cc", cc))
    top.append(("Subject", subject_raw if subject_raw is not None else enc(subject, subject_charset)))
    top.append(("Date", format_datetime(sent)))
    top.append(("Message-ID", msgid(style, slug, mid_domain)))
    if in_reply_to:
        top.append(("In-Reply-To", in_reply_to))
        top.append(("References", in_reply_to))
    for k, v in MAILERS.get(client, []):
        if k == "Thread-Topic":
            v = enc(subject.split(":", 1)[-1].strip() if subject.lower().startswith(("re:", "fw:", "tv:")) else subject)
        top.append((k, v))
    if client in ("outlook", "outlook2013"):
        top.append(("Thread-Index", "AQH" + base64.b64encode(hashlib.md5(slug.encode()).digest()).decode()[:22] + "=="))
    if client == "zimbra":
        top.append(("Thread-Index", base64.b64encode(hashlib.md5(slug.encode()).digest()).decode()[:20]))
        top.append(("X-Originating-IP", "[10.56.12.77]"))
    top.extend(extra or [])
    return top


def reminder_id(day: int, unit: str) -> str:
    return f"<baocao.reminder.{unit.lower()}.202611{day:02d}.1430@binhdinh.gov.vn>"


# ---------------------------------------------------------------------------------------------
# Word (pasted into Outlook) HTML
# ---------------------------------------------------------------------------------------------

MSO_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta name="Generator" content="Microsoft Word 15 (filtered medium)"><style><!--
/* Font Definitions */
@font-face
	{font-family:"Cambria Math";
	panose-1:2 4 5 3 5 4 6 3 2 4;}
@font-face
	{font-family:Calibri;
	panose-1:2 15 5 2 2 2 4 3 2 4;}
/* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin:0cm;
	font-size:11.0pt;
	font-family:"Calibri",sans-serif;}
p.MsoListParagraph, li.MsoListParagraph, div.MsoListParagraph
	{mso-style-priority:34;
	margin-top:0cm;
	margin-right:0cm;
	margin-bottom:0cm;
	margin-left:36.0pt;
	font-size:11.0pt;
	font-family:"Calibri",sans-serif;}
span.EmailStyle17
	{mso-style-type:personal-compose;
	font-family:"Calibri",sans-serif;
	color:windowtext;}
.MsoChpDefault
	{mso-style-type:export-only;
	font-family:"Calibri",sans-serif;}
@page WordSection1
	{size:612.0pt 792.0pt;
	margin:72.0pt 72.0pt 72.0pt 72.0pt;}
div.WordSection1
	{page:WordSection1;}
--></style><!--[if gte mso 9]><xml>
<o:shapedefaults v:ext="edit" spidmax="1026" />
</xml><![endif]--><!--[if gte mso 9]><xml>
<o:shapelayout v:ext="edit">
<o:idmap v:ext="edit" data="1" />
</o:shapelayout></xml><![endif]--></head><body lang="EN-US" link="#0563C1" vlink="#954F72" style="word-wrap:break-word"><div class="WordSection1">
"""
MSO_TAIL = "</div></body></html>\n"

TNR = 'font-size:13.0pt;font-family:&quot;Times New Roman&quot;,serif'


def esc(s: str, nbsp: bool = True) -> str:
    s = html.escape(s, quote=False).replace("\u00a0", "&nbsp;")
    if nbsp:
        s = s.replace("  ", " &nbsp;")
    return s


def mp(t: str = "", *, b: bool = False, i: bool = False, center: bool = False, indent: bool = False,
       size: float = 13, font: str = "tnr", right: bool = False) -> str:
    """One Word paragraph as Outlook writes it."""
    if not t.strip():
        return f'<p class="MsoNormal"><span lang="VI" style="{TNR}"><o:p>&nbsp;</o:p></span></p>\n'
    style = TNR if font == "tnr" else ""
    if size != 13:
        style = style.replace("13.0pt", f"{size}pt")
    attrs = ""
    pstyle = []
    if center:
        attrs = ' align="center"'
        pstyle.append("text-align:center")
    if right:
        attrs = ' align="right"'
        pstyle.append("text-align:right")
    if indent:
        pstyle.append("text-indent:36.0pt")
    pstyle.append("line-height:115%")
    inner = f'<span lang="VI" style="{style}">{esc(t)}<o:p></o:p></span>'
    if i:
        inner = f"<i>{inner}</i>"
    if b:
        inner = f"<b>{inner}</b>"
    return f'<p class="MsoNormal"{attrs} style="{";".join(pstyle)}">{inner}</p>\n'


def mcell(content: str, width: int, *, b: bool = False, center: bool = False, border: bool = True,
          colspan: int = 1) -> str:
    bd = ("border:solid windowtext 1.0pt;" if border else "")
    span = f' colspan="{colspan}"' if colspan > 1 else ""
    paras = "".join(mp(line, b=b, center=center, size=12) for line in content.split("\n"))
    return f'<td width="{width}" valign="top"{span} style="width:{width * 0.75:.1f}pt;{bd}padding:0cm 5.4pt 0cm 5.4pt">\n{paras}</td>\n'


def mtable(rows: list[list[str]], widths: list[int], *, header_rows: int = 1, border: bool = True) -> str:
    out = ['<table class="MsoNormalTable" border="0" cellspacing="0" cellpadding="0" style="border-collapse:collapse">\n']
    for ri, row in enumerate(rows):
        out.append("<tr>\n")
        col = 0
        for cell in row:
            colspan = 1
            if cell.startswith("@span"):
                n, cell = cell[5:].split(":", 1)
                colspan = int(n)
            w = sum(widths[col:col + colspan])
            out.append(mcell(cell, w, b=ri < header_rows, center=ri < header_rows, border=border, colspan=colspan))
            col += colspan
        out.append("</tr>\n")
    out.append("</table>\n")
    return "".join(out)


def official_header_html(left: list[str], right: list[str]) -> str:
    """The two-column header of an administrative document (a borderless layout table)."""
    n = max(len(left), len(right))
    left = left + [""] * (n - len(left))
    right = right + [""] * (n - len(right))
    lc = "".join(mp(x, b=(k < 2 and not x.startswith("Số")), center=True, size=12.5) for k, x in enumerate(left))
    rc = "".join(mp(x, b=k < 2, center=True, i=x.startswith("Bình Định,") or x.startswith("Tuy Phước,") or x.startswith("Phù Cát,") or x.startswith("Quy Nhơn,"), size=12.5) for k, x in enumerate(right))
    return ('<table class="MsoNormalTable" border="0" cellspacing="0" cellpadding="0" width="100%" style="width:100.0%;border-collapse:collapse">\n<tr>\n'
            f'<td width="40%" valign="top" style="width:40.0%;padding:0cm 5.4pt 0cm 5.4pt">\n{lc}</td>\n'
            f'<td width="60%" valign="top" style="width:60.0%;padding:0cm 5.4pt 0cm 5.4pt">\n{rc}</td>\n'
            '</tr>\n</table>\n')


def signature_html(left: list[str], right: list[str]) -> str:
    lc = "".join(mp(x, b=k == 0, i=k == 0, size=11) for k, x in enumerate(left))
    rc = "".join(mp(x, b=True, center=True) for x in right)
    return ('<table class="MsoNormalTable" border="0" cellspacing="0" cellpadding="0" width="100%" style="width:100.0%;border-collapse:collapse">\n<tr>\n'
            f'<td width="45%" valign="top" style="width:45.0%;padding:0cm 5.4pt 0cm 5.4pt">\n{lc}</td>\n'
            f'<td width="55%" valign="top" style="width:55.0%;padding:0cm 5.4pt 0cm 5.4pt">\n{rc}</td>\n'
            '</tr>\n</table>\n')


def outlook_sig_html(lines: list[str]) -> str:
    out = []
    for k, x in enumerate(lines):
        out.append(f'<p class="MsoNormal"><b><span style="font-size:10.0pt;color:#1F3864">{esc(x)}</span></b><o:p></o:p></p>\n' if k == 0 else
                   f'<p class="MsoNormal"><span style="font-size:10.0pt;color:#1F3864">{esc(x)}</span><o:p></o:p></p>\n')
    return "".join(out)


def plain_to_simple_html(t: str, font: str = "Arial") -> str:
    """What Gmail / Zimbra put in the text/html alternative of a typed message."""
    out = []
    for line in t.split("\n"):
        out.append(f"<div>{esc(line) if line.strip() else '<br>'}</div>")
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# attachments
# ---------------------------------------------------------------------------------------------


def docx_bytes(build) -> bytes:
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Times New Roman"
    st.font.size = Pt(13)
    build(doc)
    bio = io.BytesIO()
    doc.save(bio)
    return bio.getvalue()


def d_par(doc, t: str, *, b: bool = False, i: bool = False, center: bool = False, indent: bool = False):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm
    p = doc.add_paragraph()
    r = p.add_run(t)
    r.bold = b
    r.italic = i
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    else:
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if indent:
        p.paragraph_format.first_line_indent = Cm(1.27)
    return p


def d_cell(cell, t: str, *, b: bool = False, center: bool = False, i: bool = False):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    lines = t.split("\n")
    cell.paragraphs[0].text = ""
    for k, line in enumerate(lines):
        p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        r = p.add_run(line)
        r.bold = b
        r.italic = i
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def d_official_header(doc, left: list[str], right: list[str]):
    t = doc.add_table(rows=1, cols=2)
    lc, rc = t.rows[0].cells
    lc.paragraphs[0].text = ""
    for k, x in enumerate(left):
        p = lc.paragraphs[0] if k == 0 else lc.add_paragraph()
        run = p.add_run(x)
        run.bold = k < 2 and not x.startswith("Số")
        p.alignment = 1
    rc.paragraphs[0].text = ""
    for k, x in enumerate(right):
        p = rc.paragraphs[0] if k == 0 else rc.add_paragraph()
        run = p.add_run(x)
        run.bold = k < 2
        run.italic = x.startswith(("Bình Định,", "Tuy Phước,", "Phù Cát,", "Quy Nhơn,"))
        p.alignment = 1
    doc.add_paragraph()


def d_table(doc, rows: list[list[str]], *, header_rows: int = 1):
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for ri, row in enumerate(rows):
        for ci, val in enumerate(row):
            d_cell(t.rows[ri].cells[ci], val, b=ri < header_rows, center=ri < header_rows or ci == 0)
    doc.add_paragraph()
    return t


def d_signature(doc, left: list[str], right: list[str]):
    t = doc.add_table(rows=1, cols=2)
    lc, rc = t.rows[0].cells
    d_cell(lc, "\n".join(left))
    lc.paragraphs[0].runs[0].bold = True
    lc.paragraphs[0].runs[0].italic = True
    d_cell(rc, "\n".join(right), b=True, center=True)


def xlsx_bytes(build) -> bytes:
    from openpyxl import Workbook
    wb = Workbook()
    build(wb)
    bio = io.BytesIO()
    wb.save(bio)
    return bio.getvalue()


def x_sheet(wb, title_rows: list[str], header: list[str], rows: list[list], *, sheet: str = "Tien do",
            widths: list[int] | None = None, percent_col: int | None = None):
    from openpyxl.styles import Alignment, Border, Font, Side
    ws = wb.active
    ws.title = sheet
    thin = Side(style="thin")
    r = 1
    for t in title_rows:
        ws.cell(row=r, column=1, value=t).font = Font(name="Times New Roman", bold=True, size=13)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(header))
        ws.cell(row=r, column=1).alignment = Alignment(horizontal="center")
        r += 1
    if title_rows:
        r += 1
    for c, v in enumerate(header, 1):
        cell = ws.cell(row=r, column=c, value=v)
        cell.font = Font(name="Times New Roman", bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for row in rows:
        r += 1
        for c, v in enumerate(row, 1):
            cell = ws.cell(row=r, column=c, value=v)
            cell.font = Font(name="Times New Roman")
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            if percent_col is not None and c == percent_col and isinstance(v, float):
                cell.number_format = "0%"
    for c, w in enumerate(widths or [], 1):
        ws.column_dimensions[chr(64 + c)].width = w
    return ws


def pdf_bytes(lines: list[str]) -> bytes:
    """A small but well-formed PDF (text drawn in Helvetica, ASCII only: a 'scan' stand-in)."""
    content = "BT /F1 12 Tf 72 760 Td 16 TL " + " ".join(f"({x}) '" for x in lines) + " ET"
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offs = []
    for k, o in enumerate(objs, 1):
        offs.append(len(out))
        out += f"{k} 0 obj\n{o}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for o in offs:
        out += f"{o:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


JPEG_1PX = base64.b64decode(
    "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////"
    "////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQAB"
    "PxA=")

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# ---------------------------------------------------------------------------------------------
# expected.json helpers
# ---------------------------------------------------------------------------------------------

U = object()  # "uncertain": the writer's words allow no single value


def T(status, progress, **contains) -> dict:
    d = {}
    if status is not U:
        d["status"] = status
    if progress is not U:
        d["progress"] = progress
    for k, v in contains.items():
        d[f"{k}_contains"] = v
    if status is U:
        d["_u_status"] = True
    if progress is U:
        d["_u_progress"] = True
    return d


def R(unit: str, kind: str, period: str, tasks: dict) -> dict:
    unc = []
    clean = {}
    for code, t in tasks.items():
        t = dict(t)
        if t.pop("_u_status", False):
            unc.append({"task": code, "field": "status"})
        if t.pop("_u_progress", False):
            unc.append({"task": code, "field": "progress"})
        clean[code] = t
    return {"unit": unit, "kind": kind, "period": period, "tasks": clean, "uncertain": unc}


def accepted(desc: str, received: dt.datetime, reports: list[dict], absent: list[str] | None = None) -> dict:
    d = {"description": desc, "received_at": received.isoformat(), "outcome": "accepted", "reports": reports}
    if absent:
        d["absent_tasks"] = absent
    return d


def refused(outcome: str, desc: str, received: dt.datetime, codes: list[str], absent: list[str] | None = None) -> dict:
    d = {"description": desc, "received_at": received.isoformat(), "outcome": outcome, "codes": codes, "reports": []}
    if absent:
        d["absent_tasks"] = absent
    return d


CASES: list = []


def case(fn):
    CASES.append(fn)
    return fn


# =============================================================================================
# THE CASES
# =============================================================================================

TITLES = {
    "NV01": "Xây dựng kế hoạch triển khai Nghị quyết 57-NQ/TW của tỉnh",
    "NV02": "Rà soát cơ chế hỗ trợ doanh nghiệp khởi nghiệp đổi mới sáng tạo",
    "NV03": "Xây dựng sàn giao dịch công nghệ tỉnh",
    "NV04": "Bố trí kinh phí sự nghiệp khoa học công nghệ và chuyển đổi số năm 2026",
    "NV05": "Làm sạch dữ liệu dân cư phục vụ Đề án 06",
    "NV06": "Cấp tài khoản định danh điện tử mức độ 2 cho người dân",
    "NV07": "Rà soát thủ tục hành chính thực hiện trực tuyến toàn trình",
    "NV08": "Xây dựng cơ sở dữ liệu cán bộ công chức viên chức",
    "NV09": "Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh",
    "NV10": "Số hóa dữ liệu hạ tầng giao thông và lắp camera giám sát các nút giao",
    "NV11": "Thành lập Trung tâm đổi mới sáng tạo tại Trường Đại học Quy Nhơn",
    "NV12": "Triển khai chữ ký số cho cán bộ cấp xã",
    "NV13": "Phổ cập kỹ năng số cho người dân qua tổ công nghệ số cộng đồng",
    "NV14": "Triển khai chữ ký số cho cán bộ cấp xã",
    "NV15": "Thanh toán không dùng tiền mặt tại chợ và trường học",
}

WEEKDAY_VI = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]


def reminder_text(unit: str, unit_name: str, focal: str, kind_vi: str, period_text: str, day: int,
                  tasks: list[tuple[str, str, int, str]]) -> str:
    """Our own 14:30 reminder, as templates/email/reminder.txt.j2 renders it."""
    form = [f"Đơn vị: {unit}", f"Loại báo cáo: {kind_vi}", f"Kỳ báo cáo: {period_text}", "", "Tình hình chung: "]
    for code, status, prog, result in tasks:
        form += ["", f"Nhiệm vụ: {code} – {TITLES[code]}", f"Tình trạng: {status}", f"Tiến độ: {prog}%",
                 f"Kết quả: {result}", "Khó khăn, vướng mắc: Không", "Đề xuất, kiến nghị: Không"]
    return "\n".join([
        f"Kính gửi {focal} ({unit_name}),",
        "",
        f"Đến 14:30 {day:02d}/11/2026, Kênh báo cáo điện tử chưa nhận được báo cáo sau của đơn vị:",
        f"  - Báo cáo {kind_vi.lower()}: {period_text} – hạn 16:30 {day:02d}/11/2026",
        "",
        "Cách gửi nhanh nhất: bấm Trả lời (Reply) thư này, chép mẫu báo cáo dưới đây lên đầu thư trả lời,",
        "sửa Tình trạng, Tiến độ, Kết quả, Khó khăn, vướng mắc cho đúng với tình hình hôm nay rồi gửi.",
        "Phần thư cũ được trích dẫn bên dưới sẽ không được đọc.",
        "",
        f"======== Mẫu báo cáo {kind_vi.lower()} ========",
        "",
        *form,
        "",
        "========================================",
        "",
        "Nếu đơn vị đã gửi báo cáo trong vài phút vừa qua, xin bỏ qua thư này.",
        "",
        "Đây là thư tự động của Kênh báo cáo điện tử – Ủy ban nhân dân tỉnh Bình Định.",
    ])


def quote(t: str, prefix: str = "> ") -> str:
    return "\n".join((prefix + line).rstrip() if line else prefix.rstrip() for line in t.split("\n"))


SIG_SKHCN = ["Nguyễn Văn An", "Chuyên viên Phòng Quản lý khoa học", "Sở Khoa học và Công nghệ tỉnh Bình Định",
             "ĐT: 0256.3822.456 - DĐ: 0905.123.456"]

# ---------------------------------------------------------------------------------------------
# A. Word reports pasted into Outlook (HTML only)
# ---------------------------------------------------------------------------------------------


@case
def skhcn_word_html_daily_table():
    slug = "skhcn_word_html_daily_table"
    rcv = at(20, 15, 10)
    body = MSO_HEAD
    body += mp("Kính gửi: Tổ công tác triển khai Nghị quyết 57-NQ/TW tỉnh", font="cal", size=11)
    body += mp("Sở Khoa học và Công nghệ gửi báo cáo ngày 20/11/2026 như sau:", font="cal", size=11)
    body += mp()
    body += official_header_html(
        ["UBND TỈNH BÌNH ĐỊNH", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "________", "Số: 512/BC-SKHCN"],
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "________________",
         "Bình Định, ngày 20 tháng 11 năm 2026"])
    body += mp()
    body += mp("BÁO CÁO", b=True, center=True, size=14)
    body += mp("Tiến độ thực hiện các nhiệm vụ triển khai Nghị quyết số 57-NQ/TW", b=True, center=True)
    body += mp("(Báo cáo ngày 20/11/2026)", i=True, center=True)
    body += mp()
    body += mp("Thực hiện chỉ đạo của UBND tỉnh tại Công văn số 6120/UBND-KT ngày 05/10/2026 về việc báo cáo tiến độ hằng ngày, Sở Khoa học và Công nghệ báo cáo như sau:", indent=True)
    body += mp("I. TÌNH HÌNH CHUNG", b=True)
    body += mp("Trong ngày, Sở tiếp tục tập trung hoàn thiện dự thảo Kế hoạch triển khai Nghị quyết 57-NQ/TW, đồng thời phối hợp với các sở, ngành rà soát các cơ chế hỗ trợ doanh nghiệp.", indent=True)
    body += mp("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", b=True)
    rows = [
        ["STT", "Nội dung nhiệm vụ", "Kết quả thực hiện", "Tiến độ", "Khó khăn, vướng mắc", "Đề xuất"],
        ["1", "Xây dựng kế hoạch triển khai Nghị quyết 57-NQ/TW của tỉnh",
         "Đã hoàn thiện dự thảo Kế hoạch lần 3 trên cơ sở ý kiến góp ý của 18/21 sở, ngành.\nDự kiến trình UBND tỉnh ngày 27/11/2026.",
         "Đang thực hiện, đạt 75%", "Còn 03 đơn vị chưa gửi ý kiến góp ý.",
         "Đề nghị Văn phòng UBND tỉnh đôn đốc các đơn vị còn lại."],
        ["2", "Rà soát cơ chế hỗ trợ doanh nghiệp khởi nghiệp đổi mới sáng tạo",
         "Đã tổng hợp, rà soát 12 văn bản quy phạm pháp luật liên quan; đang xây dựng báo cáo đánh giá.",
         "Đang thực hiện (40%)", "Thiếu số liệu về doanh nghiệp khởi nghiệp được hỗ trợ giai đoạn 2021-2025.",
         "Đề nghị Sở Tài chính cung cấp số liệu trước ngày 25/11/2026."],
        ["3", "Xây dựng sàn giao dịch công nghệ tỉnh", "Chưa có kinh phí để thuê tư vấn xây dựng đề án.",
         "Chưa triển khai", "Chưa được bố trí kinh phí năm 2026.", "Kiến nghị bố trí kinh phí trong dự toán năm 2027."],
    ]
    body += mtable(rows, [40, 170, 200, 90, 140, 140])
    body += mp()
    body += mp("III. ĐỀ XUẤT, KIẾN NGHỊ", b=True)
    body += mp("Kính đề nghị Tổ công tác tổng hợp, báo cáo UBND tỉnh xem xét./.", indent=True)
    body += mp()
    body += signature_html(["Nơi nhận:", "- Như trên;", "- Giám đốc Sở (b/c);", "- Lưu: VT, QLKH."],
                           ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "(đã ký)", "", "Lê Văn Hùng"])
    body += mp()
    body += outlook_sig_html(SIG_SKHCN)
    body += MSO_TAIL
    top = human(slug, "Nguyễn Văn An", "skhcn@binhdinh.gov.vn", "Báo cáo ngày 20/11/2026 - Sở KH&CN", rcv)
    raw = message(top, text(body, "html"))
    exp = accepted("SKHCN's Word report (official header, numbered sections, task table by title only) pasted into Outlook, HTML only", rcv, [
        R("SKHCN", "daily", "2026-11-20", {
            "NV01": T("in_progress", 75, result="dự thảo Kế hoạch lần 3", difficulties="chưa gửi ý kiến góp ý", proposals="đôn đốc các đơn vị"),
            "NV02": T("in_progress", 40, result="12 văn bản", difficulties="Thiếu số liệu", proposals="Sở Tài chính cung cấp số liệu"),
            "NV03": T("not_started", None, difficulties="Chưa được bố trí kinh phí", proposals="dự toán năm 2027"),
        })])
    return slug, raw, exp


@case
def stc_word_html_weekly_table():
    slug = "stc_word_html_weekly_table"
    rcv = at(20, 16, 5)
    body = MSO_HEAD
    body += official_header_html(
        ["UBND TỈNH BÌNH ĐỊNH", "SỞ TÀI CHÍNH", "_______", "Số: 1287/BC-STC"],
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "_______________",
         "Bình Định, ngày 20 tháng 11 năm 2026"])
    body += mp()
    body += mp("BÁO CÁO", b=True, center=True, size=14)
    body += mp("Kết quả thực hiện nhiệm vụ tuần 47 năm 2026", b=True, center=True)
    body += mp("(từ ngày 16/11/2026 đến ngày 20/11/2026)", i=True, center=True)
    body += mp()
    body += mp("Kính gửi: Tổ công tác giúp việc Ban Chỉ đạo tỉnh", center=True)
    body += mp()
    body += mp("I. KẾT QUẢ THỰC HIỆN", b=True)
    rows = [
        ["STT", "Nội dung nhiệm vụ", "Kết quả thực hiện", "Tiến độ", "Khó khăn, vướng mắc", "Đề xuất"],
        ["1", "Bố trí kinh phí sự nghiệp khoa học công nghệ và chuyển đổi số năm 2026",
         "Đã trình UBND tỉnh dự thảo Quyết định phân bổ kinh phí (Tờ trình số 412/TTr-STC ngày 18/11/2026).",
         "Đạt 90%", "Không", "Đề nghị UBND tỉnh sớm xem xét, ban hành Quyết định phân bổ."],
        ["2", "Xây dựng kế hoạch triển khai Nghị quyết 57-NQ/TW của tỉnh (phối hợp)",
         "Đã có văn bản góp ý dự thảo Kế hoạch lần 3 (Công văn số 1265/STC-NS ngày 17/11/2026).",
         "Hoàn thành", "—", "—"],
        ["3", "Rà soát cơ chế hỗ trợ doanh nghiệp khởi nghiệp đổi mới sáng tạo (phối hợp)",
         "Đang tổng hợp số liệu hỗ trợ doanh nghiệp khởi nghiệp giai đoạn 2021-2025 để cung cấp cho Sở KH&CN.",
         "Đang thực hiện", "Số liệu phân tán tại nhiều chương trình, phải đối chiếu thủ công.", ""],
    ]
    body += mtable(rows, [40, 180, 220, 80, 140, 140])
    body += mp()
    body += mp("II. NHIỆM VỤ TUẦN TỚI", b=True)
    body += mp("Tiếp tục phối hợp hoàn thiện hồ sơ trình UBND tỉnh; hoàn thành cung cấp số liệu cho Sở KH&CN.", indent=True)
    body += mp()
    body += signature_html(["Nơi nhận:", "- Như trên;", "- Lưu: VT, NS."],
                           ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "", "Nguyễn Thị Thu Hà"])
    body += MSO_TAIL
    top = human(slug, "Trần Thị Bích Ngọc", "stc@binhdinh.gov.vn", "STC - Báo cáo tuần 47/2026", rcv, client="outlook2013")
    raw = message(top, text(body, "html"))
    exp = accepted("STC's weekly Word report pasted into Outlook; rows by title (two tasks it coordinates); 'Đạt 90%' gives progress only; document numbers and a year range in the text", rcv, [
        R("STC", "weekly", "2026-W47", {
            "NV04": T(None, 90, result="Tờ trình số 412/TTr-STC", proposals="ban hành Quyết định phân bổ"),
            "NV01": T("completed", 100, result="1265/STC-NS"),
            "NV02": T("in_progress", None, result="giai đoạn 2021-2025", difficulties="đối chiếu thủ công"),
        })])
    return slug, raw, exp


@case
def cat_word_html_numbered_paragraphs():
    slug = "cat_word_html_numbered_paragraphs"
    rcv = at(24, 15, 40)
    body = MSO_HEAD
    body += official_header_html(
        ["CÔNG AN TỈNH BÌNH ĐỊNH", "PHÒNG CẢNH SÁT QLHC VỀ TTXH", "______", "Số: 235/BC-PC06"],
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "______________",
         "Bình Định, ngày 24 tháng 11 năm 2026"])
    body += mp()
    body += mp("BÁO CÁO", b=True, center=True, size=14)
    body += mp("Kết quả thực hiện nhiệm vụ Đề án 06 ngày 24/11/2026", b=True, center=True)
    body += mp()
    body += mp("I. TÌNH HÌNH CHUNG", b=True)
    body += mp("Công an tỉnh tiếp tục chỉ đạo Công an các xã, phường tập trung làm sạch dữ liệu và cấp tài khoản định danh điện tử; trong ngày không phát sinh vướng mắc mới.", indent=True)
    body += mp("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ ĐƯỢC GIAO", b=True)
    body += mp("1. Làm sạch dữ liệu dân cư phục vụ Đề án 06", b=True)
    body += mp("a) Kết quả: Trong ngày đã rà soát, điều chỉnh 1.234 trường thông tin sai lệch; phối hợp Sở Y tế đối chiếu dữ liệu bảo hiểm y tế.", indent=True)
    body += mp("b) Tiến độ: Đang thực hiện, ước đạt 85%.", indent=True)
    body += mp("c) Khó khăn, vướng mắc: Một số công dân đi làm ăn xa chưa xác minh được thông tin.", indent=True)
    body += mp("2. Cấp tài khoản định danh điện tử mức độ 2 cho người dân", b=True)
    body += mp("a) Kết quả: Tổ chức cấp tài khoản lưu động tại các thôn, trường học.", indent=True)
    body += mp("b) Tiến độ: Đang triển khai; đã hoàn thành tại 12/20 xã, phường.", indent=True)
    body += mp("c) Đề xuất: Đề nghị UBND các xã bố trí địa điểm và nhân lực hỗ trợ cấp tài khoản vào ngày nghỉ.", indent=True)
    body += mp("III. PHƯƠNG HƯỚNG NGÀY TIẾP THEO", b=True)
    body += mp("Tiếp tục triển khai các nhiệm vụ trên theo kế hoạch.", indent=True)
    body += mp()
    body += signature_html(["Nơi nhận:", "- Tổ công tác (b/c);", "- Lưu: PC06."],
                           ["KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "", "", "", "Thượng tá Trần Quốc Bảo"])
    body += MSO_TAIL
    top = human(slug, "Lê Minh Tuấn", "pc06.cat@binhdinh.gov.vn", "CA tỉnh báo cáo ngày 24/11/2026", rcv)
    raw = message(top, text(body, "html"))
    exp = accepted("CAT's Word report pasted into Outlook, no table: numbered tasks by title with a) b) c) items; '12/20 xã' is the progress; 'đã hoàn thành tại …' is not completed", rcv, [
        R("CAT", "daily", "2026-11-24", {
            "NV05": T("in_progress", 85, result="1.234 trường thông tin", difficulties="đi làm ăn xa"),
            "NV06": T("in_progress", 60, result="lưu động", proposals="bố trí địa điểm"),
        })])
    return slug, raw, exp


@case
def vpub_html_canonical_table():
    slug = "vpub_html_canonical_table"
    rcv = at(18, 16, 10)
    body = MSO_HEAD
    body += mp("Kính gửi Tổ công tác,", font="cal", size=11)
    body += mp()
    body += mp("Văn phòng UBND tỉnh báo cáo tiến độ ngày 18/11/2026 như sau:", font="cal", size=11)
    body += mp()
    rows = [
        ["Mã nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Kết quả", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị", "Ghi chú"],
        ["NV07", "Đang thực hiện", "65", "Đã rà soát 1.150/1.768 thủ tục hành chính; lập danh mục dự kiến 412 thủ tục toàn trình.",
         "Một số sở chưa cử cán bộ đầu mối rà soát.", "Đề nghị các sở cử đầu mối trước 20/11.", ""],
        ["NV01", "Đang thực hiện", "70", "Đã góp ý dự thảo Kế hoạch lần 3.", "", "", "Phối hợp Sở KH&CN"],
    ]
    body += mtable(rows, [70, 90, 60, 200, 140, 140, 90])
    body += mp()
    body += mp("Trân trọng.", font="cal", size=11)
    body += mp()
    body += outlook_sig_html(["Phạm Thị Hồng Nhung", "Phòng Kinh tế - Văn phòng UBND tỉnh Bình Định", "ĐT: 0256.3821.xxx"])
    body += MSO_TAIL
    top = human(slug, "Phạm Thị Hồng Nhung", "vpub@binhdinh.gov.vn", "VP UBND tỉnh - báo cáo ngày 18/11", rcv)
    raw = message(top, text(body, "html"))
    exp = accepted("VPUB pastes the site's template table (canonical header row, codes) into an HTML-only Outlook mail", rcv, [
        R("VPUB", "daily", "2026-11-18", {
            "NV07": T("in_progress", 65, result="1.150/1.768 thủ tục", difficulties="chưa cử cán bộ đầu mối", proposals="cử đầu mối trước 20/11"),
            "NV01": T("in_progress", 70, result="góp ý dự thảo", notes="Phối hợp Sở KH&CN"),
        })])
    return slug, raw, exp


@case
def syt_word_html_date_in_text():
    slug = "syt_word_html_date_in_text"
    rcv = at(26, 14, 50)
    body = MSO_HEAD
    body += official_header_html(
        ["UBND TỈNH BÌNH ĐỊNH", "SỞ Y TẾ", "______", "Số: 3318/BC-SYT"],
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "______________",
         "Bình Định, ngày 26 tháng 11 năm 2026"])
    body += mp()
    body += mp("BÁO CÁO NGÀY", b=True, center=True, size=14)
    body += mp("Tình hình thực hiện nhiệm vụ chuyển đổi số ngành y tế", b=True, center=True)
    body += mp()
    body += mp("1.\u00a0\u00a0\u00a0\u00a0 Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh: Đang thực hiện.", b=True)
    body += mp("-\u00a0\u00a0\u00a0\u00a0\u00a0 Tính đến ngày 25/11/2026, đã có 7/10 bệnh viện tuyến tỉnh triển khai bệnh án điện tử, đạt\u00a070%.", indent=True)
    body += mp("-\u00a0\u00a0\u00a0\u00a0\u00a0 Khó khăn: Bệnh viện Y học cổ truyền và Bệnh viện Tâm thần chưa có hệ thống lưu trữ hình ảnh (PACS).", indent=True)
    body += mp("-\u00a0\u00a0\u00a0\u00a0\u00a0 Kiến nghị: Sở Tài chính bổ sung kinh phí mua sắm hệ thống PACS.", indent=True)
    body += mp("2.\u00a0\u00a0\u00a0\u00a0 Làm sạch dữ liệu dân cư phục vụ Đề án 06 (phối hợp Công an tỉnh): Đang thực hiện, đạt 50%.", b=True)
    body += mp("-\u00a0\u00a0\u00a0\u00a0\u00a0 Đã đối chiếu 412.000 hồ sơ khám chữa bệnh với Cơ sở dữ liệu quốc gia về dân cư.", indent=True)
    body += mp()
    body += mp("Nơi nhận: Tổ công tác; Lưu: VT, KHTC.", i=True, size=11)
    body += mp("GIÁM ĐỐC", b=True, right=True)
    body += mp("Đỗ Thị Kim Oanh", b=True, right=True)
    body += MSO_TAIL
    top = human(slug, "Huỳnh Thị Mai", "syt@binhdinh.gov.vn", "Sở Y tế: báo cáo ngày 26/11/2026", rcv)
    raw = message(top, text(body, "html"))
    exp = accepted("SYT's Word report with non-breaking spaces and list numbering pasted into Outlook; a date ('đến ngày 25/11/2026') sits next to the real progress", rcv, [
        R("SYT", "daily", "2026-11-26", {
            "NV09": T("in_progress", 70, result="7/10 bệnh viện", difficulties="PACS", proposals="bổ sung kinh phí"),
            "NV05": T("in_progress", 50, result="412.000 hồ sơ"),
        })])
    return slug, raw, exp


@case
def sxd_word_html_weekly_group_row():
    slug = "sxd_word_html_weekly_group_row"
    rcv = at(20, 15, 55)
    body = MSO_HEAD
    body += official_header_html(
        ["UBND TỈNH BÌNH ĐỊNH", "SỞ XÂY DỰNG", "______", "Số: 845/BC-SXD"],
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "______________",
         "Bình Định, ngày 20 tháng 11 năm 2026"])
    body += mp()
    body += mp("BÁO CÁO TUẦN", b=True, center=True, size=14)
    body += mp("Tiến độ thực hiện nhiệm vụ chuyển đổi số (từ 16/11 đến 20/11/2026)", b=True, center=True)
    body += mp()
    rows = [
        ["STT", "Nội dung nhiệm vụ", "Kết quả thực hiện", "Tiến độ", "Khó khăn, vướng mắc", "Đề xuất"],
        ["I", "@span5:Nhóm nhiệm vụ chuyển đổi số"],
        ["1", "Số hóa dữ liệu hạ tầng giao thông và lắp camera giám sát các nút giao",
         "- Đã lắp đặt camera tại 15/20 nút giao.\n- Hoàn thành số hóa 320 km đường tỉnh.",
         "Đang thực hiện, hoàn thành 3/4 khối lượng", "Nhà thầu cung cấp thiết bị giao hàng chậm.",
         "Đề nghị Công an tỉnh phối hợp kết nối dữ liệu camera về Trung tâm chỉ huy."],
    ]
    body += mtable(rows, [40, 180, 200, 110, 140, 160])
    body += mp()
    body += signature_html(["Nơi nhận:", "- Như trên;", "- Lưu: VT, KHTC."],
                           ["GIÁM ĐỐC", "", "", "", "Phan Văn Lực"])
    body += MSO_TAIL
    top = human(slug, "Ngô Văn Bình", "sxd@binhdinh.gov.vn", "Báo cáo tuần - Sở Xây dựng", rcv)
    raw = message(top, text(body, "html"))
    exp = accepted("SXD's weekly Word table with a group row spanning the columns; progress written as '3/4 khối lượng'", rcv, [
        R("SXD", "weekly", "2026-W47", {
            "NV10": T("in_progress", 75, result="15/20 nút giao", difficulties="giao hàng chậm", proposals="kết nối dữ liệu camera"),
        })])
    return slug, raw, exp


@case
def snv_word_html_completed_ambiguous_title():
    slug = "snv_word_html_completed_ambiguous_title"
    rcv = at(23, 10, 20)
    body = MSO_HEAD
    body += official_header_html(
        ["UBND TỈNH BÌNH ĐỊNH", "SỞ NỘI VỤ", "______", "Số: 978/BC-SNV"],
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "______________",
         "Bình Định, ngày 23 tháng 11 năm 2026"])
    body += mp()
    body += mp("BÁO CÁO", b=True, center=True, size=14)
    body += mp("Tiến độ thực hiện nhiệm vụ ngày 23/11/2026", b=True, center=True)
    body += mp()
    body += mp("1. Xây dựng cơ sở dữ liệu cán bộ công chức viên chức", b=True)
    body += mp("- Tình trạng: Đã hoàn thành.", indent=True)
    body += mp("- Kết quả: Cơ sở dữ liệu đã vận hành chính thức từ ngày 16/11/2026, kết nối với Cơ sở dữ liệu quốc gia về cán bộ, công chức.", indent=True)
    body += mp("2. Phối hợp triển khai chữ ký số cho cán bộ cấp xã", b=True)
    body += mp("- Sở đã hướng dẫn quy trình đăng ký chứng thư số cho cán bộ mới tuyển dụng; đang tổng hợp nhu cầu.", indent=True)
    body += mp()
    body += signature_html(["Nơi nhận:", "- Tổ công tác;", "- Lưu: VT, CCVC."],
                           ["GIÁM ĐỐC", "", "", "", "Trương Thị Hạnh"])
    body += MSO_TAIL
    top = human(slug, "Võ Thanh Hải", "snv@binhdinh.gov.vn", "SNV bao cao ngay 23/11/2026", rcv)
    raw = message(top, text(body, "html"))
    exp = accepted("SNV's Word report: one task done (no % → 100); a second item names a title shared by two communes' tasks (NV12/NV14) without saying which — must not be attributed", rcv, [
        R("SNV", "daily", "2026-11-23", {
            "NV08": T("completed", 100, result="vận hành chính thức"),
        })], absent=["NV12", "NV14"])
    return slug, raw, exp


@case
def dhqn_outlook_html_weekly_paragraph():
    slug = "dhqn_outlook_html_weekly_paragraph"
    rcv = at(27, 10, 0)
    body = MSO_HEAD
    body += mp("Kính gửi: Tổ công tác triển khai Nghị quyết 57-NQ/TW tỉnh Bình Định", b=True, font="cal", size=11)
    body += mp()
    body += mp("Trường Đại học Quy Nhơn báo cáo tuần 48 (từ ngày 23/11 đến ngày 27/11/2026) như sau:", font="cal", size=11)
    body += mp()
    body += mp("Về nhiệm vụ thành lập Trung tâm đổi mới sáng tạo tại Trường Đại học Quy Nhơn (NV11): Nhà trường đã hoàn thiện Đề án thành lập Trung tâm và trình Hội đồng trường cho ý kiến tại phiên họp ngày 25/11/2026; ước đạt khoảng 45%. Khó khăn: chưa có hướng dẫn về cơ chế tự chủ tài chính của Trung tâm. Kiến nghị Sở KH&CN hướng dẫn mô hình tổ chức.", font="cal", size=11)
    body += mp()
    body += mp("Trân trọng./.", font="cal", size=11)
    body += mp()
    body += outlook_sig_html(["TS. Trương Văn Long", "Phòng Khoa học và Công nghệ - Trường Đại học Quy Nhơn", "170 An Dương Vương, TP. Quy Nhơn"])
    body += MSO_TAIL
    top = human(slug, "Trương Văn Long", "khcn@qnu.edu.vn", "ĐH Quy Nhơn - Báo cáo tuần 48", rcv)
    raw = message(top, text(body, "html"))
    exp = accepted("DHQN: one paragraph per task in an Outlook HTML mail ('ước đạt khoảng 45%', no status word)", rcv, [
        R("DHQN", "weekly", "2026-W48", {
            "NV11": T(None, 45, result="Hội đồng trường", difficulties="tự chủ tài chính", proposals="hướng dẫn mô hình"),
        })])
    return slug, raw, exp


# ---------------------------------------------------------------------------------------------
# B. The same reports as an attached .docx (and one PDF)
# ---------------------------------------------------------------------------------------------


def outlook_cover(slug: str, lines: list[str], sig: list[str]) -> Part:
    t = "\n".join(lines) + "\n\n" + "\n".join(sig) + "\n"
    hb = MSO_HEAD + "".join(mp(x, font="cal", size=11) for x in lines) + mp() + outlook_sig_html(sig) + MSO_TAIL
    return multipart("alternative", [text(t), text(hb, "html")], slug)


@case
def skhcn_docx_table_daily():
    slug = "skhcn_docx_table_daily"
    rcv = at(23, 15, 20)

    def build(doc):
        d_official_header(doc, ["UBND TỈNH BÌNH ĐỊNH", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 521/BC-SKHCN"],
                          ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                           "Bình Định, ngày 23 tháng 11 năm 2026"])
        d_par(doc, "BÁO CÁO", b=True, center=True)
        d_par(doc, "Tiến độ thực hiện nhiệm vụ triển khai Nghị quyết số 57-NQ/TW ngày 23/11/2026", b=True, center=True)
        d_par(doc, "Kính gửi: Tổ công tác triển khai Nghị quyết 57-NQ/TW tỉnh.", center=True)
        d_par(doc, "I. TÌNH HÌNH CHUNG", b=True)
        d_par(doc, "Sở tiếp tục hoàn thiện hồ sơ trình UBND tỉnh ban hành Kế hoạch; các nhiệm vụ khác triển khai theo tiến độ.", indent=True)
        d_par(doc, "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", b=True)
        d_table(doc, [
            ["STT", "Nội dung nhiệm vụ", "Kết quả thực hiện", "Tiến độ", "Khó khăn, vướng mắc", "Đề xuất"],
            ["1", "Xây dựng kế hoạch triển khai Nghị quyết 57-NQ/TW của tỉnh",
             "Đã tiếp thu đầy đủ ý kiến góp ý của 21/21 sở, ngành; hoàn thiện hồ sơ trình.", "Đang thực hiện, đạt 80%", "Không", "Không"],
            ["2", "Rà soát cơ chế hỗ trợ doanh nghiệp khởi nghiệp đổi mới sáng tạo",
             "Đã nhận số liệu từ Sở Tài chính; đang dự thảo báo cáo đánh giá.", "Đang thực hiện - 45%",
             "Một số doanh nghiệp không còn hoạt động, không liên hệ được.", "Không"],
            ["3", "Xây dựng sàn giao dịch công nghệ tỉnh", "Chưa triển khai, chờ bố trí kinh phí.", "Chưa triển khai",
             "Chưa có kinh phí.", "Đề nghị Sở Tài chính tham mưu bố trí kinh phí năm 2027."],
        ])
        d_par(doc, "III. ĐỀ XUẤT, KIẾN NGHỊ", b=True)
        d_par(doc, "Không có đề xuất thêm.", indent=True)
        d_signature(doc, ["Nơi nhận:", "- Như trên;", "- Lưu: VT, QLKH."],
                    ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "", "Lê Văn Hùng"])

    cover = outlook_cover(slug, ["Kính gửi: Tổ công tác,", "", "Sở KH&CN gửi báo cáo ngày 23/11/2026 (file đính kèm).", "", "Trân trọng./."], SIG_SKHCN)
    att = attachment(docx_bytes(build), DOCX, "BC ngay 23.11.2026_SKHCN.docx")
    top = human(slug, "Nguyễn Văn An", "skhcn@binhdinh.gov.vn", "Báo cáo ngày 23/11/2026 - Sở KH&CN", rcv)
    raw = message(top, multipart("mixed", [cover, att], slug))
    exp = accepted("SKHCN sends the Word report as a .docx (official header layout table, task table by title); the body only says 'gửi báo cáo đính kèm'", rcv, [
        R("SKHCN", "daily", "2026-11-23", {
            "NV01": T("in_progress", 80, result="21/21 sở, ngành"),
            "NV02": T("in_progress", 45, result="dự thảo báo cáo đánh giá", difficulties="không liên hệ được"),
            "NV03": T("not_started", None, difficulties="Chưa có kinh phí", proposals="bố trí kinh phí năm 2027"),
        })])
    return slug, raw, exp


@case
def skhcn_docx_paragraphs_weekly():
    slug = "skhcn_docx_paragraphs_weekly"
    rcv = at(20, 16, 20)

    def build(doc):
        d_official_header(doc, ["UBND TỈNH BÌNH ĐỊNH", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 515/BC-SKHCN"],
                          ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                           "Bình Định, ngày 20 tháng 11 năm 2026"])
        d_par(doc, "BÁO CÁO", b=True, center=True)
        d_par(doc, "Kết quả thực hiện nhiệm vụ tuần 47 (từ ngày 16/11/2026 đến ngày 20/11/2026)", b=True, center=True)
        d_par(doc, "I. KẾT QUẢ THỰC HIỆN", b=True)
        d_par(doc, "1. Nhiệm vụ xây dựng kế hoạch triển khai Nghị quyết 57-NQ/TW của tỉnh (NV01)", b=True)
        d_par(doc, "- Kết quả: Trong tuần đã tổ chức hội nghị lấy ý kiến các sở, ngành (ngày 18/11/2026) và hoàn thiện dự thảo Kế hoạch lần 3.", indent=True)
        d_par(doc, "- Tiến độ: Đang thực hiện, đạt 75%.", indent=True)
        d_par(doc, "- Khó khăn, vướng mắc: Thời gian góp ý của một số đơn vị kéo dài.", indent=True)
        d_par(doc, "2. Nhiệm vụ rà soát cơ chế hỗ trợ doanh nghiệp khởi nghiệp đổi mới sáng tạo (NV02)", b=True)
        d_par(doc, "- Kết quả: Hoàn thành rà soát 12 văn bản; đang xây dựng báo cáo đánh giá.", indent=True)
        d_par(doc, "- Tiến độ: Đang thực hiện, đạt 40%.", indent=True)
        d_par(doc, "- Đề xuất: Sở Tài chính sớm cung cấp số liệu hỗ trợ giai đoạn 2021-2025.", indent=True)
        d_par(doc, "3. Nhiệm vụ xây dựng sàn giao dịch công nghệ tỉnh (NV03)", b=True)
        d_par(doc, "- Chưa triển khai do chưa được bố trí kinh phí.", indent=True)
        d_par(doc, "II. NHIỆM VỤ TUẦN 48", b=True)
        d_par(doc, "Trình UBND tỉnh dự thảo Kế hoạch; tổ chức hội thảo lấy ý kiến doanh nghiệp về cơ chế hỗ trợ.", indent=True)
        d_signature(doc, ["Nơi nhận:", "- Tổ công tác;", "- Lưu: VT, QLKH."],
                    ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "", "Lê Văn Hùng"])

    cover = outlook_cover(slug, ["Kính gửi Tổ công tác,", "", "Sở KH&CN gửi báo cáo tuần 47/2026, chi tiết tại tệp đính kèm.", "", "Trân trọng."], SIG_SKHCN)
    att = attachment(docx_bytes(build), DOCX, "Báo cáo tuần 47 - Sở KHCN.docx")
    top = human(slug, "Nguyễn Văn An", "skhcn@binhdinh.gov.vn", "Báo cáo tuần 47 - Sở KHCN", rcv)
    raw = message(top, multipart("mixed", [cover, att], slug))
    exp = accepted("SKHCN's weekly report as a .docx with paragraphs only (numbered tasks, codes in parentheses, '- Kết quả:' items)", rcv, [
        R("SKHCN", "weekly", "2026-W47", {
            "NV01": T("in_progress", 75, result="hội nghị lấy ý kiến", difficulties="kéo dài"),
            "NV02": T("in_progress", 40, result="12 văn bản", proposals="cung cấp số liệu"),
            "NV03": T("not_started", None),
        })])
    return slug, raw, exp


@case
def cat_docx_canonical_table_zimbra():
    slug = "cat_docx_canonical_table_zimbra"
    rcv = at(19, 15, 5)

    def build(doc):
        d_par(doc, "CÔNG AN TỈNH BÌNH ĐỊNH", b=True)
        d_par(doc, "BÁO CÁO NGÀY 19/11/2026", b=True, center=True)
        d_table(doc, [
            ["Mã nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Kết quả", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị"],
            ["NV05", "Đang thực hiện", "88", "Làm sạch thêm 2.150 hồ sơ.", "", ""],
            ["NV06", "Đang thực hiện", "63", "Cấp mới 1.870 tài khoản mức độ 2.", "Người cao tuổi không có điện thoại thông minh.", "Đề nghị UBND xã hỗ trợ thiết bị."],
            ["NV07", "Hoàn thành", "", "Đã gửi ý kiến về danh mục thủ tục toàn trình cho VP UBND tỉnh.", "", ""],
            ["NV10", "Đang thực hiện", "", "Phối hợp Sở Xây dựng khảo sát vị trí kết nối camera.", "", ""],
        ])

    body = ("Kính gửi Tổ công tác,\n\nCông an tỉnh gửi báo cáo ngày 19/11/2026 theo mẫu (đính kèm).\n\n"
            "Trân trọng!\n--\nĐại úy Lê Minh Tuấn\nĐội Quản lý cư trú - PC06 Công an tỉnh Bình Định\n")
    alt = multipart("alternative", [text(body), text('<html><body><div style="font-family: times new roman, new york, times, serif; font-size: 12pt; color: #000000">' + plain_to_simple_html(body) + "</div></body></html>", "html")], slug)
    att = attachment(docx_bytes(build), DOCX, "BC_CAT_19112026.docx")
    top = human(slug, "Lê Minh Tuấn", "daumoi.de06@congan.binhdinh.gov.vn", "BC ngay 19/11/2026 - CA tinh", rcv, client="zimbra")
    raw = message(top, multipart("mixed", [alt, att], slug))
    exp = accepted("CAT's focal point (Zimbra, second official address) attaches the site's template table as .docx: codes, empty cells, one 'Hoàn thành' without %", rcv, [
        R("CAT", "daily", "2026-11-19", {
            "NV05": T("in_progress", 88, result="2.150 hồ sơ"),
            "NV06": T("in_progress", 63, result="1.870 tài khoản", difficulties="điện thoại thông minh", proposals="hỗ trợ thiết bị"),
            "NV07": T("completed", 100, result="danh mục thủ tục"),
            "NV10": T("in_progress", None, result="khảo sát vị trí"),
        })])
    return slug, raw, exp


@case
def stc_pdf_only():
    slug = "stc_pdf_only"
    rcv = at(24, 16, 15)
    pdf = pdf_bytes(["UBND TINH BINH DINH - SO TAI CHINH", "BAO CAO NGAY 24/11/2026", "(ban scan co chu ky)"])
    body = "Kính gửi Tổ công tác,\n\nSở Tài chính gửi báo cáo ngày 24/11/2026 (bản scan có chữ ký, đính kèm).\n\nTrân trọng.\nTrần Thị Bích Ngọc - Phòng Ngân sách, Sở Tài chính\n"
    att = attachment(pdf, "application/pdf", "BC_STC_24112026.pdf")
    top = human(slug, "Trần Thị Bích Ngọc", "stc@binhdinh.gov.vn", "Báo cáo ngày 24/11/2026 - Sở Tài chính", rcv)
    raw = message(top, multipart("mixed", [outlook_cover(slug, body.strip().split("\n")[:-1], ["Trần Thị Bích Ngọc", "Phòng Ngân sách - Sở Tài chính"]), att], slug))
    exp = refused("rejected", "STC sends only a scanned PDF: nothing readable; the answer must say the PDF cannot be read", rcv, ["not_a_report"], absent=["NV04"])
    return slug, raw, exp


@case
def xtp_docx_commune_titles():
    slug = "xtp_docx_commune_titles"
    rcv = at(25, 16, 0)

    def build(doc):
        d_official_header(doc, ["UBND XÃ TUY PHƯỚC", "", "Số: 145/BC-UBND"],
                          ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                           "Tuy Phước, ngày 25 tháng 11 năm 2026"])
        d_par(doc, "BÁO CÁO", b=True, center=True)
        d_par(doc, "Tiến độ thực hiện nhiệm vụ chuyển đổi số ngày 25/11/2026", b=True, center=True)
        d_table(doc, [
            ["STT", "Nội dung nhiệm vụ", "Kết quả thực hiện", "Tiến độ", "Khó khăn, vướng mắc", "Đề xuất"],
            ["1", "Triển khai chữ ký số cho cán bộ cấp xã", "Đã cấp chữ ký số cho 38/40 cán bộ, công chức xã.", "95%", "02 cán bộ đang nghỉ thai sản.", ""],
            ["2", "Phổ cập kỹ năng số cho người dân qua tổ công nghệ số cộng đồng",
             "Đã thành lập tổ công nghệ số cộng đồng tại 9/12 thôn; tổ chức 14 buổi hướng dẫn.", "Đang thực hiện (75%)", "Thiếu kinh phí hỗ trợ thành viên tổ.", "Đề nghị huyện hỗ trợ kinh phí."],
        ])
        d_signature(doc, ["Nơi nhận:", "- Tổ công tác tỉnh;", "- Lưu: VP."],
                    ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Nguyễn Hữu Phước"])

    body = "Kính gửi Tổ công tác.\nUBND xã Tuy Phước gửi báo cáo ngày 25/11/2026 (file kèm theo).\nThanh - Văn phòng UBND xã Tuy Phước\n"
    att = attachment(docx_bytes(build), DOCX, "BC 25.11 xa Tuy Phuoc.docx")
    top = human(slug, "Lê Thị Thanh", "tuyphuoc@binhdinh.gov.vn", "Bao cao ngay 25/11 - Tuy Phuoc", rcv, client="gmail")
    alt = multipart("alternative", [text(body, cte="base64"), text('<div dir="ltr">' + plain_to_simple_html(body) + "</div>", "html", cte="base64")], slug + "gmail")
    raw = message(top, multipart("mixed", [alt, att], slug + "gmail"))
    exp = accepted("Tuy Phước's own address sends a .docx whose rows are titles; the chữ ký số title is shared with Phù Cát's NV14 but here it can only be NV12", rcv, [
        R("XTP", "daily", "2026-11-25", {
            "NV12": T(None, 95, result="38/40 cán bộ", difficulties="nghỉ thai sản"),
            "NV13": T("in_progress", 75, result="9/12 thôn", difficulties="Thiếu kinh phí", proposals="hỗ trợ kinh phí"),
        })], absent=["NV14"])
    return slug, raw, exp


@case
def syt_docx_rfc2231_filename_late():
    slug = "syt_docx_rfc2231_filename_late"
    rcv = at(27, 9, 30)

    def build(doc):
        d_official_header(doc, ["UBND TỈNH BÌNH ĐỊNH", "SỞ Y TẾ", "Số: 3325/BC-SYT"],
                          ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                           "Bình Định, ngày 26 tháng 11 năm 2026"])
        d_par(doc, "BÁO CÁO", b=True, center=True)
        d_par(doc, "Tiến độ thực hiện nhiệm vụ ngày 26/11/2026", b=True, center=True)
        d_par(doc, "1. Nhiệm vụ triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh", b=True)
        d_par(doc, "Tình trạng: Đang thực hiện. Tiến độ: 72%.", indent=True)
        d_par(doc, "Kết quả: Bệnh viện Phong - Da liễu Trung ương Quy Hòa phối hợp chạy thử phần mềm; Bệnh viện Mắt hoàn thành đào tạo người dùng.", indent=True)
        d_par(doc, "2. Nhiệm vụ phối hợp làm sạch dữ liệu dân cư phục vụ Đề án 06", b=True)
        d_par(doc, "Tình trạng: Đang thực hiện. Tiến độ: 55%.", indent=True)
        d_signature(doc, ["Nơi nhận:", "- Tổ công tác;", "- Lưu: VT."], ["GIÁM ĐỐC", "", "", "Đỗ Thị Kim Oanh"])

    body = ("Kính gửi Tổ công tác,\n\nSở Y tế xin gửi bổ sung báo cáo ngày 26/11/2026 (hôm qua do sự cố\n"
            "mạng nên chưa gửi kịp). Báo cáo chi tiết trong tệp đính kèm.\n\nTrân trọng,\n-- \nHuỳnh Thị Mai\nPhòng KHTC - Sở Y tế Bình Định\n")
    att = attachment(docx_bytes(build), DOCX, "Báo cáo tiến độ ngày 26.11.2026 - Sở Y tế.docx", style="2231")
    top = human(slug, "Huỳnh Thị Mai", "syt@binhdinh.gov.vn", "Báo cáo ngày 26/11/2026 (gửi bổ sung)", rcv, client="thunderbird")
    raw = message(top, multipart("mixed", [text(body, cte="8bit", params="; format=flowed"), att], slug,
                                 preamble="This is a multi-part message in MIME format."))
    exp = accepted("SYT sends yesterday's report late as .docx from Thunderbird (RFC 2231 Vietnamese file name); the period is the 26th, not the arrival day", rcv, [
        R("SYT", "daily", "2026-11-26", {
            "NV09": T("in_progress", 72, result="đào tạo người dùng"),
            "NV05": T("in_progress", 55),
        })])
    return slug, raw, exp


@case
def sxd_docx_range_uncertain():
    slug = "sxd_docx_range_uncertain"
    rcv = at(25, 15, 45)

    def build(doc):
        d_official_header(doc, ["UBND TỈNH BÌNH ĐỊNH", "SỞ XÂY DỰNG", "Số: 861/BC-SXD"],
                          ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                           "Bình Định, ngày 25 tháng 11 năm 2026"])
        d_par(doc, "BÁO CÁO NHANH", b=True, center=True)
        d_par(doc, "Tình hình thực hiện nhiệm vụ ngày 25/11/2026", b=True, center=True)
        d_par(doc, "Về nhiệm vụ số hóa dữ liệu hạ tầng giao thông và lắp camera giám sát các nút giao: Sở đang triển khai thi công lắp đặt tại các nút giao còn lại, ước đạt khoảng 70-80% khối lượng (chờ nghiệm thu). Khó khăn: mưa lớn kéo dài làm gián đoạn thi công.", indent=True)
        d_signature(doc, ["Nơi nhận:", "- Tổ công tác;", "- Lưu: VT."], ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "Trần Đình Khoa"])

    cover = outlook_cover(slug, ["Kính gửi Tổ công tác,", "Sở Xây dựng gửi báo cáo ngày 25/11/2026 đính kèm.", "Trân trọng."], ["Ngô Văn Bình", "Phòng Kế hoạch - Tài chính, Sở Xây dựng"])
    att = attachment(docx_bytes(build), DOCX, "SXD_BC_25-11-2026.docx")
    top = human(slug, "Ngô Văn Bình", "sxd@binhdinh.gov.vn", "SXD - Báo cáo ngày 25/11/2026", rcv)
    raw = message(top, multipart("mixed", [cover, att], slug))
    exp = accepted("SXD's .docx paragraph gives a range 'khoảng 70-80%': progress must not be recorded (warn); status 'đang triển khai' is clear", rcv, [
        R("SXD", "daily", "2026-11-25", {
            "NV10": T("in_progress", U, difficulties="mưa lớn kéo dài"),
        })])
    return slug, raw, exp


# ---------------------------------------------------------------------------------------------
# C. Spreadsheets: .xlsx and .csv task tables
# ---------------------------------------------------------------------------------------------


@case
def skhcn_xlsx_codes_gmail():
    slug = "skhcn_xlsx_codes_gmail"
    rcv = at(24, 15, 30)

    def build(wb):
        x_sheet(wb, ["SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH BÌNH ĐỊNH", "BẢNG TỔNG HỢP TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ NGÀY 24/11/2026"],
                ["STT", "Mã nhiệm vụ", "Tên nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Kết quả", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị"],
                [[1, "NV01", TITLES["NV01"], "Đang thực hiện", 82, "Đã trình UBND tỉnh hồ sơ dự thảo Kế hoạch.", None, None],
                 [2, "NV02", TITLES["NV02"], "Đang thực hiện", 48, "Dự thảo báo cáo đánh giá cơ chế hỗ trợ.", "Thiếu chuyên gia phản biện độc lập.", "Mời chuyên gia Đại học Quy Nhơn tham gia."],
                 [3, "NV03", TITLES["NV03"], "Chưa thực hiện", 0, None, "Chưa có kinh phí.", None],
                 [4, "NV09", TITLES["NV09"] + " (phối hợp)", "Hoàn thành", None, "Đã thẩm định xong hồ sơ kỹ thuật bệnh án điện tử của 3 bệnh viện.", None, None]],
                widths=[5, 10, 45, 16, 10, 40, 30, 30])

    body = "Dạ em gửi Tổ công tác bảng tổng hợp tiến độ ngày 24/11 của Sở KHCN ạ.\nEm An\n"
    att = attachment(xlsx_bytes(build), XLSX, "Tong hop tien do 24.11.2026.xlsx")
    alt = multipart("alternative", [text(body, cte="base64"), text('<div dir="ltr">' + plain_to_simple_html(body) + "</div>", "html", cte="base64")], slug + "gmail")
    top = human(slug, "An Nguyễn", "nguyenvanan.skhcn@gmail.com", "Bảng tiến độ ngày 24/11", rcv, client="gmail")
    raw = message(top, multipart("mixed", [alt, att], slug + "gmail"))
    exp = accepted("SKHCN's focal point writes from his Gmail with an .xlsx: title rows above the header, codes in a column, a 0 progress, a completed row with no %", rcv, [
        R("SKHCN", "daily", "2026-11-24", {
            "NV01": T("in_progress", 82, result="hồ sơ dự thảo Kế hoạch"),
            "NV02": T("in_progress", 48, difficulties="chuyên gia phản biện", proposals="Đại học Quy Nhơn"),
            "NV03": T("not_started", 0, difficulties="Chưa có kinh phí"),
            "NV09": T("completed", 100, result="3 bệnh viện"),
        })])
    return slug, raw, exp


@case
def cat_csv_titles_semicolon():
    slug = "cat_csv_titles_semicolon"
    rcv = at(18, 16, 0)
    rows = [
        ["STT", "Nội dung nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Kết quả", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị"],
        ["1", TITLES["NV05"], "Đang thực hiện", "82", "Rà soát 3.400 nhân khẩu tại phường Quy Nhơn Nam", "Dữ liệu hộ tịch cũ chưa số hóa", "Sở Tư pháp đẩy nhanh số hóa sổ hộ tịch"],
        ["2", TITLES["NV06"], "Đang thực hiện", "55", "Cấp 2.015 tài khoản trong ngày", "", ""],
    ]
    out = io.StringIO()
    for r in rows:
        out.write(";".join('"' + c.replace('"', '""') + '"' if (";" in c or "," in c) else c for c in r) + "\r\n")
    data = b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")
    body = "Kính gửi Tổ công tác,\nCA tỉnh gửi báo cáo ngày 18/11/2026 dạng bảng (file csv).\nTrân trọng.\n"
    att = attachment(data, "text/csv", "baocao_18112026.csv")
    top = human(slug, "Lê Minh Tuấn", "pc06.cat@binhdinh.gov.vn", "Báo cáo ngày 18/11/2026", rcv)
    raw = message(top, multipart("mixed", [outlook_cover(slug, body.strip().split("\n"), ["Lê Minh Tuấn", "PC06 - Công an tỉnh Bình Định"]), att], slug))
    exp = accepted("CAT attaches a CSV saved by Excel (UTF-8 with BOM, ';' separator, CRLF) whose rows name tasks by title only", rcv, [
        R("CAT", "daily", "2026-11-18", {
            "NV05": T("in_progress", 82, result="3.400 nhân khẩu", difficulties="hộ tịch cũ", proposals="số hóa sổ hộ tịch"),
            "NV06": T("in_progress", 55, result="2.015 tài khoản"),
        })])
    return slug, raw, exp


@case
def stc_xlsx_titles_weekly():
    slug = "stc_xlsx_titles_weekly"
    rcv = at(27, 15, 0)

    def build(wb):
        x_sheet(wb, ["SỞ TÀI CHÍNH TỈNH BÌNH ĐỊNH", "BÁO CÁO TUẦN 48 (TỪ 23/11/2026 ĐẾN 27/11/2026)"],
                ["TT", "Nội dung nhiệm vụ", "Kết quả thực hiện", "Tiến độ", "Khó khăn, vướng mắc", "Đề xuất"],
                [[1, TITLES["NV04"], "UBND tỉnh đã ban hành Quyết định số 2876/QĐ-UBND ngày 24/11/2026 phân bổ kinh phí.", "Hoàn thành", "Không", "Không"],
                 [2, TITLES["NV02"], "Đã cung cấp số liệu hỗ trợ doanh nghiệp khởi nghiệp cho Sở KH&CN.", "Hoàn thành", None, None]],
                sheet="Tuan 48", widths=[5, 50, 50, 14, 25, 25])

    body = "Kính gửi Tổ công tác,\n\nSở Tài chính gửi báo cáo tuần 48/2026 (tệp Excel đính kèm).\n\nTrân trọng."
    att = attachment(xlsx_bytes(build), XLSX, "STC_BC tuan 48.xlsx")
    top = human(slug, "Trần Thị Bích Ngọc", "stc@binhdinh.gov.vn", "Báo cáo tuần 48 - Sở Tài chính", rcv)
    raw = message(top, multipart("mixed", [outlook_cover(slug, body.split("\n"), ["Trần Thị Bích Ngọc", "Phòng Ngân sách - Sở Tài chính"]), att], slug))
    exp = accepted("STC's weekly .xlsx with titles only and a 'Tiến độ' column holding status words ('Hoàn thành' → 100)", rcv, [
        R("STC", "weekly", "2026-W48", {
            "NV04": T("completed", 100, result="2876/QĐ-UBND"),
            "NV02": T("completed", 100, result="cung cấp số liệu"),
        })])
    return slug, raw, exp


@case
def xpc_csv_windows1258():
    slug = "xpc_csv_windows1258"
    rcv = at(19, 15, 20)
    rows = [
        ["Mã nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Kết quả", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị"],
        ["NV14", "Đang thực hiện", "85", "Đã cấp chữ ký số cho 34/40 cán bộ", "", ""],
        ["NV15", "Đang thực hiện", "25", "Đã lắp mã QR thanh toán tại chợ Gồm", "Tiểu thương lớn tuổi chưa quen", "Ngân hàng cử cán bộ hướng dẫn tại chợ"],
    ]
    out = "\r\n".join(",".join('"' + c + '"' if ("," in c or " " in c) else c for c in r) for r in rows) + "\r\n"
    data = cp1258(out)
    body = "Kinh gui To cong tac,\nUBND xa Phu Cat gui bao cao ngay 19/11/2026 (file dinh kem).\nTran trong.\n"
    att = attachment(data, "text/csv", "BC_PhuCat_19-11.csv")
    top = human(slug, "Le Thi Thanh", "phucat@binhdinh.gov.vn", "Bao cao ngay 19/11/2026 - xa Phu Cat", rcv, client="outlook2013")
    raw = message(top, multipart("mixed", [text(body, charset="us-ascii", cte="7bit"), att], slug))
    exp = accepted("Phù Cát's own address: body without diacritics and a CSV saved by Excel in the Windows code page (windows-1258, no charset label), codes in a column", rcv, [
        R("XPC", "daily", "2026-11-19", {
            "NV14": T("in_progress", 85, result="34/40 cán bộ"),
            "NV15": T("in_progress", 25, result="chợ Gồm", difficulties="chưa quen", proposals="cử cán bộ hướng dẫn"),
        })])
    return slug, raw, exp


@case
def vpub_xlsx_percent_format():
    slug = "vpub_xlsx_percent_format"
    rcv = at(17, 16, 25)

    def build(wb):
        x_sheet(wb, [], ["Mã nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Kết quả", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị", "Ghi chú"],
                [["NV07", "Đang thực hiện", 0.6, "Rà soát xong 1.060 thủ tục", None, None, None],
                 ["NV01", "Đang thực hiện", 0.7, "Tổng hợp ý kiến góp ý lần 3", None, None, "Phối hợp"]],
                sheet="Mau bao cao", widths=[12, 16, 12, 40, 30, 30, 12], percent_col=3)

    cover = outlook_cover(slug, ["Kính gửi Tổ công tác,", "VP UBND tỉnh gửi báo cáo ngày 17/11/2026 theo mẫu Excel đính kèm.", "Trân trọng."],
                          ["Phạm Thị Hồng Nhung", "Văn phòng UBND tỉnh Bình Định"])
    att = attachment(xlsx_bytes(build), XLSX, "Mau_bao_cao_VPUB_17.11.xlsx")
    top = human(slug, "Phạm Thị Hồng Nhung", "vpub@binhdinh.gov.vn", "VPUB - Báo cáo ngày 17/11/2026", rcv)
    raw = message(top, multipart("mixed", [cover, att], slug))
    exp = accepted("VPUB fills the template .xlsx with progress cells formatted as percent (stored 0.6, shown '60%'): the writer means 60 and 70", rcv, [
        R("VPUB", "daily", "2026-11-17", {
            "NV07": T("in_progress", 60, result="1.060 thủ tục"),
            "NV01": T("in_progress", 70, result="góp ý lần 3", notes="Phối hợp"),
        })])
    return slug, raw, exp


# ---------------------------------------------------------------------------------------------
# D. The shared commune mailbox vanphong.xa@ (Tuy Phước and Phù Cát)
# ---------------------------------------------------------------------------------------------

VP_XA = "vanphong.xa@binhdinh.gov.vn"


@case
def vanphong_two_sections_titles():
    slug = "vanphong_two_sections_titles"
    rcv = at(19, 16, 10)
    body = """Kính gửi Tổ công tác,

Văn phòng HĐND-UBND xã báo cáo tiến độ ngày 19/11/2026 của hai xã như sau:

I. XÃ TUY PHƯỚC
1. Triển khai chữ ký số cho cán bộ cấp xã: đang thực hiện, đã cấp 36/40 cán bộ, đạt 90%.
2. Phổ cập kỹ năng số cho người dân qua tổ công nghệ số cộng đồng: đang thực hiện, đạt 70%.
   Khó khăn: một số thôn vùng trũng thiếu wifi công cộng.

II. XÃ PHÙ CÁT
1. Triển khai chữ ký số cho cán bộ cấp xã: đã hoàn thành.
2. Thanh toán không dùng tiền mặt tại chợ và trường học: đang triển khai, đạt 35%.
   Khó khăn: tiểu thương chưa quen chuyển khoản, sợ bị lừa đảo.
   Đề xuất: Ngân hàng Agribank tổ chức tuyên truyền tại chợ.

Trân trọng.
Lê Thị Thanh
Văn phòng HĐND-UBND xã
"""
    alt = multipart("alternative", [text(body), text('<html><body><div style="font-family: arial, helvetica, sans-serif; font-size: 12pt; color: #000000">' + plain_to_simple_html(body) + "</div></body></html>", "html")], slug)
    top = human(slug, "Lê Thị Thanh", VP_XA, "Báo cáo ngày 19/11/2026 - xã Tuy Phước, xã Phù Cát", rcv, client="zimbra")
    raw = message(top, alt)
    exp = accepted("The shared commune mailbox reports both communes in sections 'I. XÃ TUY PHƯỚC / II. XÃ PHÙ CÁT' with tasks by (identical) titles: one report per commune, NV12 under Tuy Phước, NV14 under Phù Cát", rcv, [
        R("XTP", "daily", "2026-11-19", {
            "NV12": T("in_progress", 90, result="36/40 cán bộ"),
            "NV13": T("in_progress", 70, difficulties="wifi công cộng"),
        }),
        R("XPC", "daily", "2026-11-19", {
            "NV14": T("completed", 100),
            "NV15": T("in_progress", 35, difficulties="lừa đảo", proposals="Agribank"),
        })])
    return slug, raw, exp


@case
def vanphong_canonical_two_units_weekly():
    slug = "vanphong_canonical_two_units_weekly"
    rcv = at(20, 16, 25)
    body = """Đơn vị: UBND xã Tuy Phước
Loại báo cáo: Tuần
Kỳ báo cáo: Tuần 47/2026

Nhiệm vụ: NV12
Tình trạng: Đang thực hiện
Tiến độ: 92%
Kết quả: Cấp thêm 01 chứng thư số cho công chức địa chính.

Nhiệm vụ: NV13
Tình trạng: Đang thực hiện
Tiến độ: 72%
Kết quả: Thành lập thêm tổ công nghệ số tại thôn Phú Mỹ.

--------------------------------------------------

Đơn vị: Xã Phù Cát
Loại báo cáo: Tuần
Kỳ báo cáo: Tuần 47/2026

Nhiệm vụ: NV14
Tình trạng: Hoàn thành
Kết quả: 40/40 cán bộ có chữ ký số.

Nhiệm vụ: NV15
Tình trạng: Đang thực hiện
Tiến độ: 38%
Khó khăn, vướng mắc: Trường THCS Phù Cát chưa có tài khoản thu học phí.
Đề xuất, kiến nghị: Phòng Giáo dục hướng dẫn các trường mở tài khoản.

Thanh - VP xã
"""
    top = human(slug, "Văn phòng xã", VP_XA, "Báo cáo tuần 47 - hai xã", rcv, client="zimbra")
    raw = message(top, text(body))
    exp = accepted("The shared mailbox sends two canonical blocks, each opened by 'Đơn vị:' (a name and an alias, not codes)", rcv, [
        R("XTP", "weekly", "2026-W47", {
            "NV12": T("in_progress", 92, result="công chức địa chính"),
            "NV13": T("in_progress", 72, result="thôn Phú Mỹ"),
        }),
        R("XPC", "weekly", "2026-W47", {
            "NV14": T("completed", 100, result="40/40 cán bộ"),
            "NV15": T("in_progress", 38, difficulties="thu học phí", proposals="mở tài khoản"),
        })])
    return slug, raw, exp


@case
def vanphong_unknown_commune_section():
    slug = "vanphong_unknown_commune_section"
    rcv = at(23, 16, 0)
    body = """Kính gửi Tổ công tác,

Văn phòng xã báo cáo ngày 23/11/2026:

I. XÃ TUY PHƯỚC
- Phổ cập kỹ năng số cho người dân qua tổ công nghệ số cộng đồng: đang thực hiện, đạt 75%. Đã tổ chức 03 lớp hướng dẫn cài đặt VNeID.

II. XÃ PHÙ MỸ (văn phòng hỗ trợ gửi giúp)
- Triển khai chữ ký số cho cán bộ cấp xã: đang thực hiện, đạt 50%.
- Thanh toán không dùng tiền mặt tại chợ và trường học: chưa triển khai.

Trân trọng.
Lê Thị Thanh
"""
    top = human(slug, "Lê Thị Thanh", VP_XA, "Báo cáo ngày 23/11/2026", rcv, client="zimbra")
    raw = message(top, text(body, cte="8bit"))
    exp = accepted("The shared mailbox adds a section for 'XÃ PHÙ MỸ', a commune not in the list: its tasks (titles identical to Tuy Phước's/Phù Cát's) must not be recorded for either commune", rcv, [
        R("XTP", "daily", "2026-11-23", {
            "NV13": T("in_progress", 75, result="VNeID"),
        })], absent=["NV12", "NV14", "NV15"])
    return slug, raw, exp


@case
def vanphong_word_html_phucat_only():
    slug = "vanphong_word_html_phucat_only"
    rcv = at(24, 15, 0)
    body = MSO_HEAD
    body += official_header_html(["UBND XÃ PHÙ CÁT", "", "Số: 212/BC-UBND"],
                                 ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "", "Phù Cát, ngày 24 tháng 11 năm 2026"])
    body += mp()
    body += mp("BÁO CÁO", b=True, center=True, size=14)
    body += mp("Tiến độ thực hiện nhiệm vụ chuyển đổi số ngày 24/11/2026", b=True, center=True)
    body += mp()
    rows = [
        ["STT", "Nội dung nhiệm vụ", "Kết quả thực hiện", "Tiến độ", "Khó khăn, vướng mắc", "Đề xuất"],
        ["1", "Triển khai chữ ký số cho cán bộ cấp xã", "100% cán bộ, công chức xã đã được cấp và sử dụng chữ ký số.", "Hoàn thành", "", ""],
        ["2", "Thanh toán không dùng tiền mặt tại chợ và trường học", "03/05 trường học đã thu học phí qua ngân hàng.", "Đang thực hiện, đạt 45%", "Chợ Gồm chưa có wifi.", "Đề nghị VNPT hỗ trợ lắp wifi miễn phí."],
    ]
    body += mtable(rows, [40, 170, 200, 100, 120, 140])
    body += mp()
    body += signature_html(["Nơi nhận:", "- Tổ công tác tỉnh;", "- Lưu: VP."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "Võ Văn Cát"])
    body += MSO_TAIL
    top = human(slug, "Văn phòng HĐND-UBND xã", VP_XA, "UBND xã Phù Cát báo cáo ngày 24/11", rcv)
    raw = message(top, text(body, "html"))
    exp = accepted("The shared mailbox pastes Phù Cát's Word report (header 'UBND XÃ PHÙ CÁT', rows by title): the chữ ký số row is NV14, never Tuy Phước's NV12", rcv, [
        R("XPC", "daily", "2026-11-24", {
            "NV14": T("completed", 100, result="100% cán bộ"),
            "NV15": T("in_progress", 45, result="03/05 trường học", difficulties="wifi", proposals="VNPT"),
        })], absent=["NV12", "NV13"])
    return slug, raw, exp


@case
def vanphong_phone_no_diacritics():
    slug = "vanphong_phone_no_diacritics"
    rcv = at(25, 16, 28)
    body = """Bao cao ngay 25/11
Xa Tuy Phuoc: NV12 dang lam dat 95%, NV13 dang trien khai 80%
Xa Phu Cat: NV14 xong, NV15 dang lam 40%
Thanh VP xa

Sent from my iPhone"""
    top = human(slug, "Thanh VP xa", VP_XA, "Bao cao ngay 25/11", rcv, client="iphone")
    raw = message(top, text(body, charset="us-ascii", cte="7bit"))
    exp = accepted("A phone message from the shared mailbox, no diacritics, one line per commune with codes", rcv, [
        R("XTP", "daily", "2026-11-25", {"NV12": T("in_progress", 95), "NV13": T("in_progress", 80)}),
        R("XPC", "daily", "2026-11-25", {"NV14": T("completed", 100), "NV15": T("in_progress", 40)}),
    ])
    return slug, raw, exp


# ---------------------------------------------------------------------------------------------
# E. Several kinds in one mail (Friday, month end)
# ---------------------------------------------------------------------------------------------


@case
def skhcn_friday_daily_weekly_blocks():
    slug = "skhcn_friday_daily_weekly_blocks"
    rcv = at(27, 15, 45)
    body = """Kính gửi Tổ công tác,

Sở KH&CN gửi báo cáo ngày và báo cáo tuần như sau:

BÁO CÁO NGÀY 27/11/2026
1. NV01 – Xây dựng kế hoạch triển khai Nghị quyết 57-NQ/TW của tỉnh: đang thực hiện, đạt 85%; đã trình UBND tỉnh dự thảo Kế hoạch (Tờ trình số 530/TTr-SKHCN ngày 27/11/2026).
2. NV02 – Rà soát cơ chế hỗ trợ doanh nghiệp khởi nghiệp đổi mới sáng tạo: đang thực hiện, đạt 50%.

BÁO CÁO TUẦN 48 (từ 23/11 đến 27/11/2026)
Tình hình chung: Trong tuần Sở tập trung hoàn thiện hồ sơ Kế hoạch và tổ chức hội thảo với doanh nghiệp.
1. NV01: đang thực hiện, đạt 85%. Trong tuần đã tiếp thu ý kiến của 21/21 sở, ngành và trình UBND tỉnh.
2. NV02: đang thực hiện, đạt 50%. Đã tổ chức 02 hội thảo lấy ý kiến doanh nghiệp khởi nghiệp.
   Khó khăn: doanh nghiệp tham dự ít, chưa đại diện được các lĩnh vực.
3. NV03: chưa triển khai do chưa có kinh phí.

Trân trọng.
Nguyễn Văn An - Sở KH&CN
"""
    top = human(slug, "Nguyễn Văn An", "skhcn@binhdinh.gov.vn", "Báo cáo ngày 27/11 và báo cáo tuần 48 - Sở KH&CN", rcv, client="thunderbird")
    raw = message(top, text(body, cte="8bit", params="; format=flowed"))
    exp = accepted("Friday: one plain-text mail holding a 'BÁO CÁO NGÀY' block and a 'BÁO CÁO TUẦN 48' block (numbered lines with codes): two reports", rcv, [
        R("SKHCN", "daily", "2026-11-27", {
            "NV01": T("in_progress", 85, result="530/TTr-SKHCN"),
            "NV02": T("in_progress", 50),
        }),
        R("SKHCN", "weekly", "2026-W48", {
            "NV01": T("in_progress", 85, result="21/21 sở, ngành"),
            "NV02": T("in_progress", 50, result="02 hội thảo", difficulties="doanh nghiệp tham dự ít"),
            "NV03": T("not_started", None),
        })])
    return slug, raw, exp


@case
def cat_month_end_daily_monthly():
    slug = "cat_month_end_daily_monthly"
    rcv = at(30, 16, 10)
    body = """Kính gửi Tổ công tác,

Công an tỉnh báo cáo như sau:

I. BÁO CÁO NGÀY 30/11/2026
1. Làm sạch dữ liệu dân cư phục vụ Đề án 06 (NV05): đang thực hiện, đạt 90%.
2. Cấp tài khoản định danh điện tử mức độ 2 cho người dân (NV06): đang thực hiện, đạt 65%.

II. BÁO CÁO THÁNG 11/2026
1. NV05 – Làm sạch dữ liệu dân cư:
   - Tình trạng: Đang thực hiện
   - Tiến độ: 90%
   - Kết quả: Trong tháng đã làm sạch 48.600 hồ sơ, tăng 12 điểm phần trăm so với cuối tháng 10.
   - Khó khăn, vướng mắc: Dữ liệu của người di cư tự do chưa xác minh được.
2. NV06 – Cấp tài khoản định danh điện tử mức độ 2:
   - Tình trạng: Đang thực hiện
   - Tiến độ: 65%
   - Kết quả: Cấp mới 41.300 tài khoản trong tháng.
   - Đề xuất, kiến nghị: Các xã duy trì tổ hỗ trợ cấp tài khoản vào thứ Bảy.

Trân trọng!
--
Đại úy Lê Minh Tuấn - PC06
"""
    alt = multipart("alternative", [text(body), text('<html><body><div style="font-family: times new roman, new york, times, serif; font-size: 12pt; color: #000000">' + plain_to_simple_html(body) + "</div></body></html>", "html")], slug)
    top = human(slug, "Lê Minh Tuấn", "daumoi.de06@congan.binhdinh.gov.vn", "CA tỉnh: BC ngày 30/11 + BC tháng 11/2026", rcv, client="zimbra")
    raw = message(top, alt)
    exp = accepted("Month end (Monday 30/11): Zimbra mail with a daily section and a monthly section, tasks named by title+code; two reports", rcv, [
        R("CAT", "daily", "2026-11-30", {
            "NV05": T("in_progress", 90),
            "NV06": T("in_progress", 65),
        }),
        R("CAT", "monthly", "2026-11", {
            "NV05": T("in_progress", 90, result="48.600 hồ sơ", difficulties="di cư tự do"),
            "NV06": T("in_progress", 65, result="41.300 tài khoản", proposals="thứ Bảy"),
        })])
    return slug, raw, exp


@case
def syt_canonical_daily_and_weekly():
    slug = "syt_canonical_daily_and_weekly"
    rcv = at(20, 16, 0)
    body = """Đơn vị: SYT
Loại báo cáo: Ngày
Kỳ báo cáo: 20/11/2026

Nhiệm vụ: NV09
Tình trạng: Đang thực hiện
Tiến độ: 65%
Kết quả: Bệnh viện Đa khoa tỉnh nghiệm thu phân hệ ký số hồ sơ bệnh án.

Nhiệm vụ: NV05
Tình trạng: Đang thực hiện
Tiến độ: 45%

==============================

Đơn vị: SYT
Loại báo cáo: Tuần
Kỳ báo cáo: 16/11/2026 - 20/11/2026

Tình hình chung: Trong tuần có thêm 01 bệnh viện triển khai bệnh án điện tử.

Nhiệm vụ: NV09
Tình trạng: Đang thực hiện
Tiến độ: 65%
Kết quả: Thêm Bệnh viện Lao và Bệnh phổi triển khai bệnh án điện tử.
Khó khăn, vướng mắc: Thiếu nhân lực công nghệ thông tin tại các bệnh viện.
Đề xuất, kiến nghị: Cho phép thuê dịch vụ vận hành hệ thống.

Nhiệm vụ: NV05
Tình trạng: Đang thực hiện
Tiến độ: 45%

Huỳnh Thị Mai - Sở Y tế
"""
    top = human(slug, "Huỳnh Thị Mai", "syt@binhdinh.gov.vn", "Sở Y tế - báo cáo ngày 20/11 và báo cáo tuần 47", rcv)
    alt = multipart("alternative", [text(body), text(MSO_HEAD + "".join(mp(x, font="cal", size=11) for x in body.split("\n")) + MSO_TAIL, "html")], slug)
    raw = message(top, alt)
    exp = accepted("Friday: two canonical blocks (Loại báo cáo: Ngày / Tuần) in one Outlook mail; the week given as a date range", rcv, [
        R("SYT", "daily", "2026-11-20", {
            "NV09": T("in_progress", 65, result="ký số hồ sơ bệnh án"),
            "NV05": T("in_progress", 45),
        }),
        R("SYT", "weekly", "2026-W47", {
            "NV09": T("in_progress", 65, result="Bệnh viện Lao", difficulties="Thiếu nhân lực", proposals="thuê dịch vụ"),
            "NV05": T("in_progress", 45),
        })])
    return slug, raw, exp


@case
def vpub_html_daily_monthly_month_end():
    slug = "vpub_html_daily_monthly_month_end"
    rcv = at(30, 15, 30)
    body = MSO_HEAD
    body += mp("Kính gửi Tổ công tác,", font="cal", size=11)
    body += mp()
    body += mp("BÁO CÁO NGÀY 30/11/2026", b=True)
    body += mp("- NV07 (Rà soát thủ tục hành chính thực hiện trực tuyến toàn trình): Đang thực hiện, đạt 88%.")
    body += mp("- NV01 (phối hợp): Đang thực hiện, đạt 90%.")
    body += mp()
    body += mp("BÁO CÁO THÁNG 11 NĂM 2026", b=True)
    body += mp("1. Rà soát thủ tục hành chính thực hiện trực tuyến toàn trình", b=True)
    body += mp("- Tình trạng: Đang thực hiện; Tiến độ: 88%.")
    body += mp("- Kết quả đạt được: Trong tháng đã rà soát 1.556/1.768 thủ tục; trình Chủ tịch UBND tỉnh công bố danh mục đợt 1 gồm 389 thủ tục.")
    body += mp("- Tồn tại, hạn chế: Một số thủ tục liên thông với bộ, ngành chưa thể thực hiện toàn trình.")
    body += mp("- Kiến nghị: Đề nghị Công an tỉnh hỗ trợ tích hợp xác thực VNeID trên Cổng dịch vụ công tỉnh.")
    body += mp("2. Phối hợp xây dựng kế hoạch triển khai Nghị quyết 57-NQ/TW của tỉnh", b=True)
    body += mp("- Tình trạng: Đang thực hiện; Tiến độ: 90%.")
    body += mp("- Kết quả đạt được: Thẩm tra hồ sơ dự thảo Kế hoạch do Sở KH&CN trình.")
    body += mp()
    body += outlook_sig_html(["Phạm Thị Hồng Nhung", "Văn phòng UBND tỉnh Bình Định"])
    body += MSO_TAIL
    top = human(slug, "Phạm Thị Hồng Nhung", "vpub@binhdinh.gov.vn", "VPUB - BC ngày 30/11 và BC tháng 11", rcv)
    raw = message(top, text(body, "html"))
    exp = accepted("Month end: an HTML-only Outlook mail with a daily block and a monthly block using 'Kết quả đạt được', 'Tồn tại, hạn chế', 'Kiến nghị'", rcv, [
        R("VPUB", "daily", "2026-11-30", {
            "NV07": T("in_progress", 88),
            "NV01": T("in_progress", 90),
        }),
        R("VPUB", "monthly", "2026-11", {
            "NV07": T("in_progress", 88, result="1.556/1.768 thủ tục", difficulties="liên thông với bộ", proposals="VNeID"),
            "NV01": T("in_progress", 90, result="Thẩm tra hồ sơ"),
        })])
    return slug, raw, exp


# ---------------------------------------------------------------------------------------------
# F. Forwards: the focal point forwards what the head approved
# ---------------------------------------------------------------------------------------------


@case
def skhcn_gmail_forward_head_approved():
    slug = "skhcn_gmail_forward_head_approved"
    rcv = at(25, 16, 5)
    draft = """Kính gửi anh Hùng,
Em trình anh báo cáo ngày 25/11:

Đơn vị: SKHCN
Loại báo cáo: Ngày
Kỳ báo cáo: 25/11/2026

Nhiệm vụ: NV01
Tình trạng: Đang thực hiện
Tiến độ: 80%

Nhiệm vụ: NV02
Tình trạng: Đang thực hiện
Tiến độ: 45%

Em An"""
    body = f"""Kính gửi Tổ công tác,
Em chuyển báo cáo ngày 25/11/2026 của Sở KH&CN đã được lãnh đạo Sở duyệt.
Trân trọng.
Nguyễn Văn An

---------- Forwarded message ---------
From: Lê Văn Hùng <levanhung@binhdinh.gov.vn>
Date: Th 4, 25 thg 11, 2026 vào lúc 15:48
Subject: Re: Trình duyệt báo cáo ngày 25/11
To: Nguyễn Văn An <nguyenvanan.skhcn@gmail.com>


An sửa lại tiến độ NV01 theo số liệu mới rồi gửi Tổ công tác nhé:

Đơn vị: SKHCN
Loại báo cáo: Ngày
Kỳ báo cáo: 25/11/2026

Nhiệm vụ: NV01
Tình trạng: Đang thực hiện
Tiến độ: 78%
Kết quả: Đã trình UBND tỉnh; đang chờ ý kiến của Thường trực UBND tỉnh.

Nhiệm vụ: NV02
Tình trạng: Đang thực hiện
Tiến độ: 45%
Kết quả: Đang dự thảo báo cáo đánh giá.

Hùng

Vào Th 4, 25 thg 11, 2026 vào lúc 15:20 Nguyễn Văn An <
nguyenvanan.skhcn@gmail.com> đã viết:

{quote(draft)}
"""
    intro, rest = body.split("---------- Forwarded message ---------\n", 1)
    fwd_hdr, rest = rest.split("\n\n\n", 1)
    head_txt = rest.split("Vào Th 4")[0]
    hb = ('<div dir="ltr">' + plain_to_simple_html(intro.rstrip()) + '<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>'
          'From: <strong class="gmail_sendername" dir="auto">Lê Văn Hùng</strong> <span dir="auto">&lt;<a href="mailto:levanhung@binhdinh.gov.vn">levanhung@binhdinh.gov.vn</a>&gt;</span><br>'
          'Date: Th 4, 25 thg 11, 2026 vào lúc 15:48<br>Subject: Re: Trình duyệt báo cáo ngày 25/11<br>To: Nguyễn Văn An &lt;<a href="mailto:nguyenvanan.skhcn@gmail.com">nguyenvanan.skhcn@gmail.com</a>&gt;<br></div><br><br>'
          '<div dir="ltr">' + plain_to_simple_html(head_txt.strip()) + '</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">Vào Th 4, 25 thg 11, 2026 vào lúc 15:20 Nguyễn Văn An &lt;<a href="mailto:nguyenvanan.skhcn@gmail.com">nguyenvanan.skhcn@gmail.com</a>&gt; đã viết:<br></div>'
          '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">' + plain_to_simple_html(draft) + "</blockquote></div></div></div>")
    alt = multipart("alternative", [text(body), text(hb, "html")], slug + "gmail")
    top = human(slug, "Nguyễn Văn An", "nguyenvanan.skhcn@gmail.com", "Fwd: Trình duyệt báo cáo ngày 25/11", rcv, client="gmail")
    raw = message(top, alt)
    exp = accepted("The focal point (Gmail) forwards the head's approved version; the head's mail itself quotes the older draft (NV01 80%) which must not be read", rcv, [
        R("SKHCN", "daily", "2026-11-25", {
            "NV01": T("in_progress", 78, result="Thường trực UBND tỉnh"),
            "NV02": T("in_progress", 45, result="dự thảo báo cáo đánh giá"),
        })])
    return slug, raw, exp


@case
def cat_zimbra_forward_approved():
    slug = "cat_zimbra_forward_approved"
    rcv = at(26, 16, 20)
    body = """Kính chuyển Tổ công tác báo cáo ngày 26/11/2026 đã được đồng chí Phó Trưởng phòng PC06 phê duyệt.

----- Thư đã chuyển tiếp -----
Từ: "Trần Quốc Bảo" <tranquocbao.pc06@congan.binhdinh.gov.vn>
Tới: "Lê Minh Tuấn" <pc06.cat@binhdinh.gov.vn>
Đã gửi: Thứ Năm, 26 Tháng Mười Một, 2026 15:58:41
Chủ đề: Duyệt: Báo cáo ngày 26/11/2026

Đồng ý, đ/c Tuấn gửi Tổ công tác.

BÁO CÁO NGÀY 26/11/2026
1. Làm sạch dữ liệu dân cư phục vụ Đề án 06 (NV05): đang thực hiện, đạt 89%. Trong ngày xác minh 640 trường hợp sai lệch ngày sinh.
2. Cấp tài khoản định danh điện tử mức độ 2 cho người dân (NV06): đang thực hiện, đạt 64%.
   Khó khăn: máy cấp tài khoản tại xã Phù Cát bị hỏng.
   Đề xuất: UBND xã Phù Cát bố trí máy dự phòng.
"""
    top = human(slug, "Lê Minh Tuấn", "pc06.cat@binhdinh.gov.vn", "Fwd: Duyệt: Báo cáo ngày 26/11/2026", rcv, client="zimbra")
    alt = multipart("alternative", [text(body), text('<html><body><div style="font-family: times new roman, new york, times, serif; font-size: 12pt; color: #000000">' + plain_to_simple_html(body) + "</div></body></html>", "html")], slug)
    raw = message(top, alt)
    exp = accepted("Zimbra forward ('----- Thư đã chuyển tiếp -----', Từ/Tới/Đã gửi/Chủ đề) of the head's approval with the report below it; the sender is the focal point", rcv, [
        R("CAT", "daily", "2026-11-26", {
            "NV05": T("in_progress", 89, result="640 trường hợp"),
            "NV06": T("in_progress", 64, difficulties="bị hỏng", proposals="máy dự phòng"),
        })])
    return slug, raw, exp


@case
def snv_outlook_html_forward():
    slug = "snv_outlook_html_forward"
    rcv = at(17, 16, 15)
    body = MSO_HEAD
    body += mp("Kính gửi Tổ công tác,", font="cal", size=11)
    body += mp("Sở Nội vụ chuyển báo cáo ngày 17/11/2026 đã được Giám đốc Sở phê duyệt (bên dưới).", font="cal", size=11)
    body += mp("Trân trọng.", font="cal", size=11)
    body += mp()
    body += outlook_sig_html(["Võ Thanh Hải", "Văn phòng Sở Nội vụ tỉnh Bình Định"])
    body += mp()
    body += ('<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">'
             '<p class="MsoNormal"><b><span style="font-size:11.0pt">Từ:</span></b><span style="font-size:11.0pt"> Trương Thị Hạnh &lt;truongthihanh@binhdinh.gov.vn&gt; <br>'
             '<b>Đã gửi:</b> Thứ Ba, 17 tháng 11, 2026 3:52 CH<br><b>Đến:</b> Võ Thanh Hải &lt;snv@binhdinh.gov.vn&gt;<br>'
             '<b>Chủ đề:</b> Duyệt BC ngày 17/11<o:p></o:p></span></p></div>\n')
    body += mp()
    body += mp("Hải gửi nhé.", font="cal", size=11)
    body += mp()
    body += mp("Đơn vị: Sở Nội vụ", font="cal", size=11)
    body += mp("Loại báo cáo: Ngày", font="cal", size=11)
    body += mp("Kỳ báo cáo: 17/11/2026", font="cal", size=11)
    body += mp()
    body += mp("Nhiệm vụ: NV08 – Xây dựng cơ sở dữ liệu cán bộ công chức viên chức", font="cal", size=11)
    body += mp("Tình trạng: Đang thực hiện", font="cal", size=11)
    body += mp("Tiến độ: 95%", font="cal", size=11)
    body += mp("Kết quả: Hoàn tất nhập liệu hồ sơ của 14/14 sở, ngành; đang chạy thử kết nối.", font="cal", size=11)
    body += mp("Khó khăn, vướng mắc: Đường truyền tới Trung tâm dữ liệu tỉnh không ổn định.", font="cal", size=11)
    body += MSO_TAIL
    top = human(slug, "Võ Thanh Hải", "snv@binhdinh.gov.vn", "FW: Duyệt BC ngày 17/11", rcv)
    raw = message(top, text(body, "html"))
    exp = accepted("Outlook (Vietnamese UI) forwards the director's approved report in HTML: the report is below the 'Từ: / Đã gửi: / Đến: / Chủ đề:' block and is what the writer sends", rcv, [
        R("SNV", "daily", "2026-11-17", {
            "NV08": T("in_progress", 95, result="14/14 sở, ngành", difficulties="không ổn định"),
        })])
    return slug, raw, exp


# ---------------------------------------------------------------------------------------------
# G. Replies to our reminder: the tasks in the quote are not the report
# ---------------------------------------------------------------------------------------------


@case
def skhcn_zimbra_reply_thu_goc():
    slug = "skhcn_zimbra_reply_thu_goc"
    rcv = at(19, 15, 50)
    rem = reminder_text("SKHCN", "Sở Khoa học và Công nghệ", "Nguyễn Văn An", "Ngày", "19/11/2026", 19, [
        ("NV01", "Đang thực hiện", 70, "Đã hoàn thiện dự thảo lần 3."),
        ("NV02", "Đang thực hiện", 38, ""),
        ("NV03", "Chưa thực hiện", 0, "")])
    body = f"""Đơn vị: SKHCN
Loại báo cáo: Ngày
Kỳ báo cáo: 19/11/2026

Nhiệm vụ: NV01
Tình trạng: Đang thực hiện
Tiến độ: 72%
Kết quả: Hoàn thiện hồ sơ trình UBND tỉnh.

Nhiệm vụ: NV02
Tình trạng: Đang thực hiện
Tiến độ: 40%
Khó khăn, vướng mắc: Chưa nhận được số liệu của Sở Tài chính.

An

----- Thư gốc -----
Từ: "Kênh báo cáo điện tử" <baocao@binhdinh.gov.vn>
Tới: "Nguyễn Văn An" <skhcn@binhdinh.gov.vn>
Đã gửi: Thứ Năm, 19 Tháng Mười Một, 2026 14:30:02
Chủ đề: [Nhắc báo cáo] Sở KH&CN: chưa có báo cáo ngày – hạn 16:30 19/11/2026

{rem}
"""
    top = human(slug, "Nguyễn Văn An", "skhcn@binhdinh.gov.vn", "Re: [Nhắc báo cáo] Sở KH&CN: chưa có báo cáo ngày – hạn 16:30 19/11/2026", rcv,
                client="zimbra", in_reply_to=reminder_id(19, "SKHCN"))
    alt = multipart("alternative", [text(body), text('<html><body><div style="font-family: arial, helvetica, sans-serif; font-size: 12pt; color: #000000">' + plain_to_simple_html(body.split("----- Thư gốc -----")[0]) + '<hr id="zwchr"><div data-marker="__HEADERS__"><b>Từ: </b>"Kênh báo cáo điện tử" &lt;baocao@binhdinh.gov.vn&gt;<br><b>Tới: </b>"Nguyễn Văn An" &lt;skhcn@binhdinh.gov.vn&gt;<br><b>Đã gửi: </b>Thứ Năm, 19 Tháng Mười Một, 2026 14:30:02<br><b>Chủ đề: </b>[Nhắc báo cáo] Sở KH&amp;CN: chưa có báo cáo ngày – hạn 16:30 19/11/2026<br></div><br><div data-marker="__QUOTED_TEXT__">' + plain_to_simple_html(rem) + "</div></div></body></html>", "html")], slug)
    raw = message(top, alt)
    exp = accepted("Zimbra web reply above '----- Thư gốc -----' quoting our reminder and its form: NV03 appears only in the quote", rcv, [
        R("SKHCN", "daily", "2026-11-19", {
            "NV01": T("in_progress", 72, result="hồ sơ trình"),
            "NV02": T("in_progress", 40, difficulties="số liệu của Sở Tài chính"),
        })], absent=["NV03"])
    return slug, raw, exp


@case
def cat_zimbra_reply_one_line_header():
    slug = "cat_zimbra_reply_one_line_header"
    rcv = at(13, 15, 35)
    rem = reminder_text("CAT", "Công an tỉnh", "Lê Minh Tuấn", "Ngày", "13/11/2026", 13, [
        ("NV05", "Đang thực hiện", 78, ""), ("NV06", "Đang thực hiện", 50, ""), ("NV07", "Đang thực hiện", 20, "")])
    body = f"""Báo cáo ngày 13/11/2026:
Nhiệm vụ NV05: đang thực hiện, tiến độ 80%. Làm sạch 2.300 hồ sơ trong ngày.

Tuấn

----- Vào 13 Tháng Mười Một, 2026, lúc 2:30 CH, Kênh báo cáo điện tử <baocao@binhdinh.gov.vn> đã viết:

{quote(rem)}
"""
    top = human(slug, "Lê Minh Tuấn", "daumoi.de06@congan.binhdinh.gov.vn", "Re: [Nhắc báo cáo] CA tỉnh: chưa có báo cáo ngày – hạn 16:30 13/11/2026", rcv,
                client="zimbra", in_reply_to=reminder_id(13, "CAT"))
    raw = message(top, text(body))
    exp = accepted("Zimbra reply with the one-line quote header ('----- Vào 13 Tháng Mười Một, 2026, lúc 2:30 CH, … đã viết:') and '>'-prefixed form: only NV05 is reported", rcv, [
        R("CAT", "daily", "2026-11-13", {
            "NV05": T("in_progress", 80, result="2.300 hồ sơ"),
        })], absent=["NV06", "NV07"])
    return slug, raw, exp


@case
def vpub_outlook_reply_unprefixed_quote():
    slug = "vpub_outlook_reply_unprefixed_quote"
    rcv = at(12, 16, 20)
    rem = reminder_text("VPUB", "Văn phòng Ủy ban nhân dân tỉnh", "Phạm Thị Hồng Nhung", "Ngày", "12/11/2026", 12, [
        ("NV07", "Đang thực hiện", 50, ""), ("NV01", "Đang thực hiện", 60, "")])
    body = f"""Nhiệm vụ: NV07
Tình trạng: Đang thực hiện
Tiến độ: 55%
Kết quả: Đã rà soát thêm 88 thủ tục lĩnh vực đất đai.

Trân trọng,
Nhung

________________________________
Từ: Kênh báo cáo điện tử <baocao@binhdinh.gov.vn>
Đã gửi: Thứ Năm, 12 tháng 11, 2026 14:30
Đến: vpub@binhdinh.gov.vn
Chủ đề: [Nhắc báo cáo] VP UBND: chưa có báo cáo ngày – hạn 16:30 12/11/2026

{rem}
"""
    top = human(slug, "Phạm Thị Hồng Nhung", "vpub@binhdinh.gov.vn", "RE: [Nhắc báo cáo] VP UBND: chưa có báo cáo ngày – hạn 16:30 12/11/2026", rcv,
                in_reply_to=reminder_id(12, "VPUB"))
    hb = MSO_HEAD + "".join(mp(x, font="cal", size=11) for x in body.split("________________________________")[0].split("\n"))
    hb += '<div id="divRplyFwdMsg" dir="ltr"><hr style="display:inline-block;width:98%" tabindex="-1"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>Từ:</b> Kênh báo cáo điện tử &lt;baocao@binhdinh.gov.vn&gt;<br><b>Đã gửi:</b> Thứ Năm, 12 tháng 11, 2026 14:30<br><b>Đến:</b> vpub@binhdinh.gov.vn<br><b>Chủ đề:</b> [Nhắc báo cáo] VP UBND: chưa có báo cáo ngày – hạn 16:30 12/11/2026</font><div>&nbsp;</div></div>'
    hb += "".join(mp(x, font="cal", size=11) for x in rem.split("\n")) + MSO_TAIL
    raw = message(top, multipart("alternative", [text(body), text(hb, "html")], slug))
    exp = accepted("Outlook reply with an unprefixed quote under '________________________________ / Từ: / Đã gửi: / Đến: / Chủ đề:'; no unit/kind/period lines — the subject gives daily 12/11", rcv, [
        R("VPUB", "daily", "2026-11-12", {
            "NV07": T("in_progress", 55, result="88 thủ tục"),
        })], absent=["NV01"])
    return slug, raw, exp


@case
def syt_gmail_reply_wrapped_header():
    slug = "syt_gmail_reply_wrapped_header"
    rcv = at(25, 16, 0)
    rem = reminder_text("SYT", "Sở Y tế", "Huỳnh Thị Mai", "Ngày", "25/11/2026", 25, [
        ("NV09", "Đang thực hiện", 68, ""), ("NV05", "Đang thực hiện", 50, "")])
    top_txt = """Dạ Sở Y tế báo cáo ạ:

Đơn vị: SYT
Loại báo cáo: Ngày
Kỳ báo cáo: 25/11/2026

Nhiệm vụ: NV09
Tình trạng: Đang thực hiện
Tiến độ: 70%
Kết quả: Bệnh viện Đa khoa tỉnh nghiệm thu hệ thống bệnh án điện tử giai đoạn 1.
"""
    body = top_txt + f"""
Vào Th 4, 25 thg 11, 2026 vào lúc 14:30 Kênh báo cáo điện tử <
baocao@binhdinh.gov.vn> đã viết:

{quote(rem)}
"""
    hb = ('<div dir="ltr">' + plain_to_simple_html(top_txt) + '</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">Vào Th 4, 25 thg 11, 2026 vào lúc 14:30 Kênh báo cáo điện tử &lt;<a href="mailto:baocao@binhdinh.gov.vn">baocao@binhdinh.gov.vn</a>&gt; đã viết:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">'
          + plain_to_simple_html(rem) + "</blockquote></div>")
    top = human(slug, "Huỳnh Thị Mai", "syt@binhdinh.gov.vn", "Re: [Nhắc báo cáo] Sở YT: chưa có báo cáo ngày – hạn 16:30 25/11/2026", rcv,
                client="gmail", in_reply_to=reminder_id(25, "SYT"))
    raw = message(top, multipart("alternative", [text(body), text(hb, "html")], slug + "gmail"))
    exp = accepted("Gmail (Vietnamese UI) reply with the 'Vào … đã viết:' header wrapped over two lines; NV05 only in the quoted form; 'giai đoạn 1' in a result is not a status", rcv, [
        R("SYT", "daily", "2026-11-25", {
            "NV09": T("in_progress", 70, result="giai đoạn 1"),
        })], absent=["NV05"])
    return slug, raw, exp


@case
def sxd_outlook_html_reply_same_task_quoted():
    slug = "sxd_outlook_html_reply_same_task_quoted"
    rcv = at(19, 16, 15)
    rem = reminder_text("SXD", "Sở Xây dựng", "Ngô Văn Bình", "Ngày", "19/11/2026", 19, [("NV10", "Đang thực hiện", 70, "")])
    hb = MSO_HEAD
    for x in ["Đơn vị: SXD", "Loại báo cáo: Ngày", "Kỳ báo cáo: 19/11/2026", "", "Nhiệm vụ: NV10",
              "Tình trạng: Đang thực hiện", "Tiến độ: 72%", "Kết quả: Lắp thêm camera tại nút giao Ngô Mây - Nguyễn Thái Học.", "",
              "Trân trọng."]:
        hb += mp(x, font="cal", size=11)
    hb += outlook_sig_html(["Ngô Văn Bình", "Sở Xây dựng Bình Định"])
    hb += ('<div id="divRplyFwdMsg" dir="ltr"><hr style="display:inline-block;width:98%" tabindex="-1"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>From:</b> Kênh báo cáo điện tử &lt;baocao@binhdinh.gov.vn&gt;<br><b>Sent:</b> Thursday, November 19, 2026 2:30 PM<br><b>To:</b> sxd@binhdinh.gov.vn<br><b>Subject:</b> [Nhắc báo cáo] Sở XD: chưa có báo cáo ngày – hạn 16:30 19/11/2026</font><div>&nbsp;</div></div>'
           '<div class="BodyFragment"><font size="2"><span style="font-size:11pt"><div class="PlainText">' + esc(rem).replace("\n", "<br>\n") + "</div></span></font></div>")
    hb += MSO_TAIL
    top = human(slug, "Ngô Văn Bình", "sxd@binhdinh.gov.vn", "RE: [Nhắc báo cáo] Sở XD: chưa có báo cáo ngày – hạn 16:30 19/11/2026", rcv,
                in_reply_to=reminder_id(19, "SXD"))
    raw = message(top, text(hb, "html"))
    exp = accepted("HTML-only Outlook reply (English UI quote header in divRplyFwdMsg) where the quoted form holds the same task with the old value 70%: only 72% counts", rcv, [
        R("SXD", "daily", "2026-11-19", {
            "NV10": T("in_progress", 72, result="Ngô Mây"),
        })])
    return slug, raw, exp


# ---------------------------------------------------------------------------------------------
# H. Charsets that lie, Windows-1258, decomposed text
# ---------------------------------------------------------------------------------------------


def lying_subject(s: str, label: str, raw: bytes) -> str:
    """An encoded-word whose label does not match its bytes (what old clients do)."""
    from email import quoprimime
    words, chunk = [], b""
    for tok in raw.split(b" "):
        if len(chunk) + len(tok) > 30 and chunk:
            words.append(chunk)
            chunk = tok
        else:
            chunk = chunk + b" " + tok if chunk else tok
    if chunk:
        words.append(chunk)
    return "\n ".join(quoprimime.header_encode(w + (b" " if k < len(words) - 1 else b""), charset=label) for k, w in enumerate(words))


@case
def syt_utf8_labelled_iso88591_8bit():
    slug = "syt_utf8_labelled_iso88591_8bit"
    rcv = at(17, 15, 30)
    body = """Kính gửi Tổ công tác,

Sở Y tế báo cáo ngày 17/11/2026:

Về nhiệm vụ NV09 (Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh): đang thực hiện, đạt 60%. Bệnh viện Đa khoa tỉnh đã chạy thử phân hệ hồ sơ bệnh án điện tử nội trú.
Khó khăn: máy chủ lưu trữ hết dung lượng.

Về nhiệm vụ NV05 (phối hợp làm sạch dữ liệu dân cư): đang thực hiện, đạt 40%.

Huỳnh Thị Mai
Sở Y tế Bình Định
"""
    top = human(slug, "Huynh Thi Mai", "syt@binhdinh.gov.vn", "Bao cao ngay 17/11/2026 - So Y te", rcv, client="oe")
    raw = message(top, text(body, charset="iso-8859-1", codec="utf-8", cte="8bit"))
    exp = accepted("An old client sends UTF-8 bytes (8bit) labelled charset iso-8859-1; paragraph per task with codes", rcv, [
        R("SYT", "daily", "2026-11-17", {
            "NV09": T("in_progress", 60, result="nội trú", difficulties="hết dung lượng"),
            "NV05": T("in_progress", 40),
        })])
    return slug, raw, exp


@case
def snv_utf8_labelled_latin1_qp():
    slug = "snv_utf8_labelled_latin1_qp"
    rcv = at(18, 16, 0)
    subj = "Sở Nội vụ báo cáo ngày 18/11/2026"
    body = """Đơn vị: Sở Nội vụ
Loại báo cáo: Ngày
Kỳ báo cáo: 18/11/2026

Nhiệm vụ: NV08
Tình trạng: Đang thực hiện
Tiến độ: 92%
Kết quả: Đã kết nối thử nghiệm với Cơ sở dữ liệu quốc gia về cán bộ, công chức.
Khó khăn, vướng mắc: Dữ liệu của 02 đơn vị sự nghiệp còn thiếu quá trình công tác.

Nhiệm vụ: NV05
Tình trạng: Đang thực hiện
Tiến độ: 80%
Kết quả: Đối chiếu thông tin cán bộ với dữ liệu dân cư.

Võ Thanh Hải
"""
    top = human(slug, "Vo Thanh Hai", "snv@binhdinh.gov.vn", subj, rcv, client="oe",
                subject_raw=lying_subject(subj, "iso-8859-1", subj.encode("utf-8")))
    raw = message(top, text(body, charset="ISO-8859-1", codec="utf-8", cte="quoted-printable"))
    exp = accepted("Quoted-printable UTF-8 labelled ISO-8859-1, in the body and in the Subject's encoded word", rcv, [
        R("SNV", "daily", "2026-11-18", {
            "NV08": T("in_progress", 92, result="kết nối thử nghiệm", difficulties="quá trình công tác"),
            "NV05": T("in_progress", 80, result="Đối chiếu thông tin"),
        })])
    return slug, raw, exp


@case
def sxd_cp1258_labelled_latin1():
    slug = "sxd_cp1258_labelled_latin1"
    rcv = at(16, 15, 10)
    body = """Kính gửi Tổ công tác,

Đơn vị: SXD
Loại báo cáo: Ngày
Kỳ báo cáo: 16/11/2026

Nhiệm vụ: NV10
Tình trạng: Đang thực hiện
Tiến độ: 60%
Kết quả: Hoàn thành lắp đặt camera tại 12 nút giao trên Quốc lộ 1D.
Khó khăn, vướng mắc: Nguồn điện cấp cho tủ thiết bị chưa ổn định.
Đề xuất, kiến nghị: Điện lực Bình Định hỗ trợ đấu nối nguồn điện.

Ngô Văn Bình
"""
    top = human(slug, "Ngo Van Binh", "sxd@binhdinh.gov.vn", "Bao cao ngay 16/11/2026 - SXD", rcv, client="oe")
    raw = message(top, text(body, charset="iso-8859-1", codec="cp1258-real", cte="8bit"))
    exp = accepted("Windows-1258 bytes (combining tone marks) labelled iso-8859-1: decoding as Latin-1 gives mojibake", rcv, [
        R("SXD", "daily", "2026-11-16", {
            "NV10": T("in_progress", 60, result="Quốc lộ 1D", difficulties="chưa ổn định", proposals="đấu nối nguồn điện"),
        })])
    return slug, raw, exp


@case
def xpc_windows1258_labelled_correctly():
    slug = "xpc_windows1258_labelled_correctly"
    rcv = at(17, 15, 40)
    body = """Kính gửi: Tổ công tác

UBND xã Phù Cát báo cáo ngày 17/11/2026:
1. Nhiệm vụ NV14 - Triển khai chữ ký số cho cán bộ cấp xã: đang thực hiện, đạt 85%.
2. Nhiệm vụ NV15 - Thanh toán không dùng tiền mặt tại chợ và trường học: đang thực hiện, đạt 25%.
   Khó khăn: chợ Gồm chưa có sóng 4G ổn định.

Lê Thị Thanh - Văn phòng UBND xã Phù Cát
"""
    subj = "UBND xã Phù Cát báo cáo ngày 17/11/2026"
    top = human(slug, "Lê Thị Thanh", "phucat@binhdinh.gov.vn", subj, rcv, client="outlook2013",
                subject_raw=lying_subject(subj, "windows-1258", cp1258(subj)))
    raw = message(top, text(body, charset="windows-1258", codec="cp1258-real", cte="quoted-printable"))
    exp = accepted("A correctly labelled windows-1258 mail (quoted-printable, combining tone marks) from Phù Cát's own address", rcv, [
        R("XPC", "daily", "2026-11-17", {
            "NV14": T("in_progress", 85),
            "NV15": T("in_progress", 25, difficulties="sóng 4G"),
        })], absent=["NV12"])
    return slug, raw, exp


@case
def stc_nfd_apple_mail():
    slug = "stc_nfd_apple_mail"
    rcv = at(19, 15, 55)
    body = """Đơn vị: STC
Loại báo cáo: Ngày
Kỳ báo cáo: 19/11/2026

Nhiệm vụ: NV04
Tình trạng: Đang thực hiện
Tiến độ: 85%
Kết quả: Hoàn thiện dự thảo Quyết định phân bổ kinh phí sau khi tiếp thu ý kiến Sở Tư pháp.
Tồn tại, hạn chế: Một số đơn vị chưa gửi dự toán chi tiết.
Kiến nghị: UBND tỉnh chỉ đạo các đơn vị gửi dự toán trước ngày 23/11/2026.

Nhiệm vụ: NV02
Tình trạng: Đang thực hiện
Tiến độ: 60%

Gửi từ máy Mac của Ngọc
"""
    top = human(slug, "Trần Thị Bích Ngọc", "stc@binhdinh.gov.vn", "Báo cáo ngày 19/11/2026 – Sở Tài chính", rcv, client="apple")
    nfd = unicodedata.normalize("NFD", body)
    raw = message(top, text(nfd, charset="utf-8", cte="quoted-printable", quote_charset=False))
    # Apple Mail also writes the Subject and display name decomposed
    raw = raw.replace(enc("Báo cáo ngày 19/11/2026 – Sở Tài chính").encode(), enc(unicodedata.normalize("NFD", "Báo cáo ngày 19/11/2026 – Sở Tài chính")).encode())
    exp = accepted("Apple Mail on macOS: decomposed (NFD) Vietnamese in body and subject; 'Tồn tại, hạn chế' and 'Kiến nghị' labels", rcv, [
        R("STC", "daily", "2026-11-19", {
            "NV04": T("in_progress", 85, result="Sở Tư pháp", difficulties="dự toán chi tiết", proposals="trước ngày 23/11/2026"),
            "NV02": T("in_progress", 60),
        })])
    return slug, raw, exp


@case
def xtp_nfd_outlook_html_unikey():
    slug = "xtp_nfd_outlook_html_unikey"
    rcv = at(20, 15, 30)
    lines = ["Kính gửi Tổ công tác,", "", "UBND xã Tuy Phước báo cáo ngày 20/11/2026:", "",
             "1. Triển khai chữ ký số cho cán bộ cấp xã (NV12): Đang thực hiện, đạt 92%.",
             "2. Phổ cập kỹ năng số cho người dân qua tổ công nghệ số cộng đồng (NV13): Đang thực hiện, đạt 72%.",
             "    Khó khăn: thành viên tổ công nghệ số chủ yếu là đoàn viên, hay thay đổi.",
             "", "Trân trọng."]
    hb = MSO_HEAD + "".join(mp(unicodedata.normalize("NFD", x), font="cal", size=11) for x in lines)
    hb += outlook_sig_html([unicodedata.normalize("NFD", x) for x in ["Lê Thị Thanh", "Văn phòng UBND xã Tuy Phước"]]) + MSO_TAIL
    top = human(slug, "Lê Thị Thanh", "tuyphuoc@binhdinh.gov.vn", "BC ngày 20/11/2026 - xã Tuy Phước", rcv)
    raw = message(top, text(hb, "html"))
    exp = accepted("Outlook HTML typed with Unikey in 'tổ hợp' mode: every tone mark a combining character (NFD)", rcv, [
        R("XTP", "daily", "2026-11-20", {
            "NV12": T("in_progress", 92),
            "NV13": T("in_progress", 72, difficulties="đoàn viên"),
        })])
    return slug, raw, exp


# ---------------------------------------------------------------------------------------------
# I. Canonical labels written sloppily, free lines, status modifiers, periods in words
# ---------------------------------------------------------------------------------------------


@case
def skhcn_upper_tabs_codes():
    slug = "skhcn_upper_tabs_codes"
    rcv = at(10, 15, 0)
    body = ("ĐƠN VỊ\t:\tSKHCN\nLOẠI BÁO CÁO :\tNGÀY\nKỲ BÁO CÁO\t: 10-11-2026\n\n"
            "NHIỆM VỤ\t: NV-01\nTÌNH TRẠNG\t: ĐANG THỰC HIỆN\nTIẾN ĐỘ\t: 60 %\nKẾT QUẢ : HOÀN THIỆN DỰ THẢO LẦN 2, GỬI LẤY Ý KIẾN CÁC SỞ NGÀNH.\n\n"
            "NHIỆM VỤ : nv 2\nTRẠNG THÁI: ĐANG TRIỂN KHAI\nTIẾN ĐỘ: 30 phần trăm\nKHÓ KHĂN, VƯỚNG MẮC :  CHƯA CÓ SỐ LIỆU DOANH NGHIỆP\n\n"
            "NHIỆM VỤ : NV 03\nTÌNH TRẠNG : CHƯA TRIỂN KHAI\n\nAN - SỞ KHCN\n")
    top = human(slug, "Nguyễn Văn An", "skhcn@binhdinh.gov.vn", "BÁO CÁO NGÀY 10/11/2026", rcv)
    raw = message(top, multipart("alternative", [text(body), text(MSO_HEAD + "".join(mp(x.replace("\t", " "), font="cal", size=11) for x in body.split("\n")) + MSO_TAIL, "html")], slug))
    exp = accepted("Canonical form in capitals with tabs and spaces around the colons; codes written NV-01, nv 2, NV 03; '30 phần trăm'", rcv, [
        R("SKHCN", "daily", "2026-11-10", {
            "NV01": T("in_progress", 60, result="DỰ THẢO LẦN 2"),
            "NV02": T("in_progress", 30, difficulties="SỐ LIỆU DOANH NGHIỆP"),
            "NV03": T("not_started", None),
        })])
    return slug, raw, exp


@case
def cat_bullets_out_of_order_alt_labels():
    slug = "cat_bullets_out_of_order_alt_labels"
    rcv = at(11, 16, 0)
    body = """Kỳ báo cáo: 11/11/2026
Loại báo cáo: Ngày

• Nhiệm vụ: NV05
   - Kết quả đạt được: Rà soát 5.200 hồ sơ sai lệch tại 6 phường.
   - Tỷ lệ hoàn thành: 75%
   - Tình trạng: Đang triển khai
   - Tồn tại, hạn chế: Cán bộ Công an xã còn kiêm nhiệm nhiều việc.
   - Kiến nghị: Bổ sung 02 cán bộ hỗ trợ cho mỗi xã.

• Nhiệm vụ: NV06
   - Tỷ lệ hoàn thành: 45%
   - Trạng thái: Đang thực hiện
   - Kết quả đạt được: Cấp 1.640 tài khoản.

Trân trọng!
Lê Minh Tuấn
"""
    top = human(slug, "Lê Minh Tuấn", "pc06.cat@binhdinh.gov.vn", "CA tỉnh - BC 11/11", rcv, client="zimbra")
    raw = message(top, text(body))
    exp = accepted("No 'Đơn vị' line (the sender is CAT's focal point), period before kind, bullets, labels out of order and the variants 'Kết quả đạt được', 'Tỷ lệ hoàn thành', 'Tồn tại, hạn chế', 'Kiến nghị'", rcv, [
        R("CAT", "daily", "2026-11-11", {
            "NV05": T("in_progress", 75, result="5.200 hồ sơ", difficulties="kiêm nhiệm", proposals="02 cán bộ"),
            "NV06": T("in_progress", 45, result="1.640 tài khoản"),
        })])
    return slug, raw, exp


@case
def vpub_no_diacritics_canonical():
    slug = "vpub_no_diacritics_canonical"
    rcv = at(9, 16, 0)
    body = """Don vi: VPUB
Loai bao cao: Ngay
Ky bao cao: 9/11/2026

Nhiem vu: nv 7
Tinh trang: dang thuc hien
Tien do: 50 phan tram
Ket qua: Da ra soat 884/1768 thu tuc hanh chinh
Kho khan, vuong mac: Khong
De xuat, kien nghi: Khong

Nhung VP UBND
"""
    top = human(slug, "Pham Thi Hong Nhung", "vpub@binhdinh.gov.vn", "Bao cao ngay 9/11/2026 VPUB", rcv, client="thunderbird")
    raw = message(top, text(body, charset="us-ascii", cte="7bit", params="; format=flowed"))
    exp = accepted("The canonical form typed without diacritics (Telex off), 'nv 7', '50 phan tram'", rcv, [
        R("VPUB", "daily", "2026-11-09", {
            "NV07": T("in_progress", 50, result="884/1768"),
        })])
    return slug, raw, exp


@case
def stc_crlf_nbsp_multiline_values():
    slug = "stc_crlf_nbsp_multiline_values"
    rcv = at(10, 16, 10)
    body = """Đơn vị: Sở Tài chính
Loại báo cáo: Ngày
Kỳ báo cáo: ngày 10 tháng 11 năm 2026

Nhiệm vụ: NV04
Tình trạng: Đang thực hiện
Tiến độ: 70\u00a0%
Kết quả: Đã tổng hợp nhu cầu kinh phí của 19 đơn vị.

- Đã lấy ý kiến Sở Khoa học và Công nghệ về danh mục nhiệm vụ.
- Dự kiến trình UBND tỉnh trong tuần sau.
Khó khăn, vướng mắc: Một số đơn vị gửi dự toán chậm,

phải đôn đốc nhiều lần.
Đề xuất, kiến nghị: Không

Trần Thị Bích Ngọc
"""
    top = human(slug, "Trần Thị Bích Ngọc", "stc@binhdinh.gov.vn", "Báo cáo ngày 10/11/2026", rcv, client="outlook2013")
    raw = message(top, text(body, nl="\r\n", cte="base64"), nl=b"\r\n")
    exp = accepted("Windows line endings throughout, base64 body, a non-breaking space before %, values that continue over blank lines; period written 'ngày 10 tháng 11 năm 2026'", rcv, [
        R("STC", "daily", "2026-11-10", {
            "NV04": T("in_progress", 70, result="lấy ý kiến Sở Khoa học", difficulties="đôn đốc nhiều lần"),
        })])
    return slug, raw, exp


@case
def sxd_numbered_labels_paused():
    slug = "sxd_numbered_labels_paused"
    rcv = at(11, 15, 30)
    body = """Kính gửi Tổ công tác,
Sở Xây dựng báo cáo ngày 11/11/2026 như sau:

1. Nhiệm vụ: NV10 – Số hóa dữ liệu hạ tầng giao thông và lắp camera giám sát các nút giao
   a) Tình trạng: Tạm dừng
   b) Tiến độ: 30%
   c) Kết quả: Đã lắp đặt 6/20 nút giao.
   d) Khó khăn, vướng mắc: Tạm dừng thi công do mưa lũ từ ngày 08/11/2026.
   đ) Đề xuất, kiến nghị: Cho phép điều chỉnh thời gian hoàn thành sang tháng 01/2027.

Trân trọng.
"""
    top = human(slug, "Ngô Văn Bình", "sxd@binhdinh.gov.vn", "SXD báo cáo ngày 11/11/2026", rcv)
    raw = message(top, multipart("alternative", [text(body), text(MSO_HEAD + "".join(mp(x, font="cal", size=11) for x in body.split("\n")) + MSO_TAIL, "html")], slug))
    exp = accepted("Labels behind list numbering '1.' and 'a) … đ)'; status 'Tạm dừng' (paused) with 30%", rcv, [
        R("SXD", "daily", "2026-11-11", {
            "NV10": T("paused", 30, result="6/20 nút giao", difficulties="mưa lũ", proposals="tháng 01/2027"),
        })])
    return slug, raw, exp


@case
def skhcn_paragraph_per_task_gmail():
    slug = "skhcn_paragraph_per_task_gmail"
    rcv = at(12, 16, 0)
    body = """Kính gửi Tổ công tác,

Sở KH&CN báo cáo tiến độ ngày 12/11/2026 như sau:

Về nhiệm vụ NV01 (Xây dựng kế hoạch triển khai Nghị quyết 57): đang thực hiện. Sở đã hoàn thiện dự thảo lần 3, ước đạt khoảng 75%. Khó khăn: chưa được bố trí kinh phí tổ chức hội nghị lấy ý kiến.

Đối với nhiệm vụ NV02: đang thực hiện, Sở đang tổ chức lấy ý kiến các hiệp hội doanh nghiệp, đạt 35%.

Nhiệm vụ NV03 chưa triển khai.

Trân trọng,
An
"""
    top = human(slug, "An Nguyễn", "nguyenvanan.skhcn@gmail.com", "Báo cáo ngày 12/11/2026", rcv, client="gmail")
    raw = message(top, multipart("alternative", [text(body), text('<div dir="ltr">' + plain_to_simple_html(body) + "</div>", "html")], slug + "gmail"))
    exp = accepted("A paragraph per task ('Về nhiệm vụ NV01 (…): …', 'Đối với nhiệm vụ NV02: …') from the focal point's Gmail", rcv, [
        R("SKHCN", "daily", "2026-11-12", {
            "NV01": T("in_progress", 75, result="dự thảo lần 3", difficulties="kinh phí"),
            "NV02": T("in_progress", 35, result="hiệp hội doanh nghiệp"),
            "NV03": T("not_started", None),
        })])
    return slug, raw, exp


@case
def xtp_phone_no_diacritics():
    slug = "xtp_phone_no_diacritics"
    rcv = at(12, 16, 25)
    body = "Bao cao ngay 12/11: NV12 dang lam dat 60%, NV13 xong\n\nGui tu dien thoai Samsung Galaxy cua toi.\n"
    top = human(slug, "Le Thi Thanh", "tuyphuoc@binhdinh.gov.vn", "bc ngay 12/11", rcv, client="none",
                extra=[("User-Agent", "Android")])
    raw = message(top, text(body, charset="utf-8", cte="7bit"))
    exp = accepted("A phone message without diacritics from Tuy Phước's own address: 'NV12 dang lam dat 60%, NV13 xong'", rcv, [
        R("XTP", "daily", "2026-11-12", {
            "NV12": T("in_progress", 60),
            "NV13": T("completed", 100),
        })])
    return slug, raw, exp


@case
def cat_uncertain_status_and_range():
    slug = "cat_uncertain_status_and_range"
    rcv = at(16, 15, 50)
    body = """Kính gửi Tổ công tác,
Công an tỉnh báo cáo ngày 16/11/2026:

- NV05: sắp hoàn thành, còn rà soát một số hộ tạm trú dài ngày.
- NV06: đang thực hiện, tiến độ khoảng 70-80% tùy xã.

Tuấn - PC06
"""
    top = human(slug, "Lê Minh Tuấn", "pc06.cat@binhdinh.gov.vn", "Báo cáo ngày 16/11/2026", rcv)
    raw = message(top, multipart("alternative", [text(body), text(MSO_HEAD + "".join(mp(x, font="cal", size=11) for x in body.split("\n")) + MSO_TAIL, "html")], slug))
    exp = accepted("'sắp hoàn thành' is not a status (uncertain, never completed); 'khoảng 70-80%' is a range (uncertain)", rcv, [
        R("CAT", "daily", "2026-11-16", {
            "NV05": T(U, None, result="tạm trú dài ngày"),
            "NV06": T("in_progress", U),
        })])
    return slug, raw, exp


@case
def skhcn_status_modifiers():
    slug = "skhcn_status_modifiers"
    rcv = at(17, 15, 40)
    body = """Đơn vị: SKHCN
Loại báo cáo: Ngày
Kỳ báo cáo: 17/11/2026

Nhiệm vụ: NV01
Tình trạng: Chưa hoàn thành, đang tiếp tục triển khai
Tiến độ: 70%
Kết quả: Đang hoàn thành thủ tục trình UBND tỉnh.

Nhiệm vụ: NV02
Tình trạng: Cơ bản hoàn thành
Tiến độ: 95%

Nhiệm vụ: NV03
Tình trạng: Hoàn thành giai đoạn 1 (khảo sát nhu cầu)
Tiến độ: 20%

An
"""
    top = human(slug, "Nguyễn Văn An", "skhcn@binhdinh.gov.vn", "Báo cáo ngày 17/11/2026 - SKHCN", rcv)
    raw = message(top, text(body))
    exp = accepted("Status words with modifiers: 'Chưa hoàn thành, đang tiếp tục triển khai' is in progress; 'Cơ bản hoàn thành' and 'Hoàn thành giai đoạn 1' are not a certain status (and never completed)", rcv, [
        R("SKHCN", "daily", "2026-11-17", {
            "NV01": T("in_progress", 70, result="thủ tục trình"),
            "NV02": T(U, 95),
            "NV03": T(U, 20),
        })])
    return slug, raw, exp


@case
def stc_hoan_thanh_tre_han():
    slug = "stc_hoan_thanh_tre_han"
    rcv = at(25, 16, 45)
    body = """Kính gửi Tổ công tác,

Đơn vị: STC
Loại báo cáo: Ngày
Kỳ báo cáo: 25/11/2026

Nhiệm vụ: NV04 - Bố trí kinh phí sự nghiệp KHCN và CĐS năm 2026
Tình trạng: Hoàn thành trễ hạn
Kết quả: UBND tỉnh đã ban hành Quyết định số 2876/QĐ-UBND ngày 24/11/2026 phân bổ 45,6 tỷ đồng.
Ghi chú: Trễ 04 ngày so với kế hoạch của Sở (20/11/2026).

Nhiệm vụ: NV02
Tình trạng: Đang thực hiện
Tiến độ: 60%

Trân trọng.
"""
    top = human(slug, "Trần Thị Bích Ngọc", "stc@binhdinh.gov.vn", "Báo cáo ngày 25/11/2026 (gửi muộn)", rcv)
    raw = message(top, text(body))
    exp = accepted("'Hoàn thành trễ hạn' is completed (late) → 100; a decision number, an amount with a decimal comma and dates in the text are not progress; sent after 16:30", rcv, [
        R("STC", "daily", "2026-11-25", {
            "NV04": T("completed", 100, result="2876/QĐ-UBND", notes="Trễ 04 ngày"),
            "NV02": T("in_progress", 60),
        })])
    return slug, raw, exp


@case
def syt_signature_disclaimer():
    slug = "syt_signature_disclaimer"
    rcv = at(16, 16, 0)
    body = """Đơn vị: SYT
Loại báo cáo: Ngày
Kỳ báo cáo: 16/11/2026

Nhiệm vụ: NV09
Tình trạng: Đang thực hiện
Tiến độ: 55%
Kết quả: Bệnh viện Đa khoa tỉnh hoàn thành đào tạo cho 120 điều dưỡng.

Nhiệm vụ: NV05
Tình trạng: Đang thực hiện
Tiến độ: 35%

--
Trân trọng!
Huỳnh Thị Mai
Phòng Kế hoạch - Tài chính, Sở Y tế tỉnh Bình Định
Địa chỉ: 756 Trần Hưng Đạo, TP. Quy Nhơn | ĐT: 0256.3822.xxx | Đường dây nóng: 1900 9095
_____________________________________________
THÔNG BÁO BẢO MẬT: Thư điện tử này và các tệp đính kèm chỉ dành cho người nhận có tên trên.
Nếu nhận nhầm, xin vui lòng thông báo cho người gửi và xóa thư. Nghiêm cấm sao chép, phát tán
dưới mọi hình thức. Hệ thống thư điện tử công vụ tỉnh Bình Định - 100% thư được quét virus.
"""
    top = human(slug, "Huỳnh Thị Mai", "syt@binhdinh.gov.vn", "Sở Y tế báo cáo ngày 16/11/2026", rcv)
    raw = message(top, multipart("alternative", [text(body), text(MSO_HEAD + "".join(mp(x, font="cal", size=11) for x in body.split("\n")) + MSO_TAIL, "html")], slug))
    exp = accepted("Canonical report followed by a long signature and a confidentiality footer (with '100%' and phone numbers) that are no part of any task", rcv, [
        R("SYT", "daily", "2026-11-16", {
            "NV09": T("in_progress", 55, result="120 điều dưỡng"),
            "NV05": T("in_progress", 35),
        })])
    return slug, raw, exp


@case
def dhqn_thunderbird_flowed_weekly():
    slug = "dhqn_thunderbird_flowed_weekly"
    rcv = at(13, 15, 0)
    body = ("Kính gửi Tổ công tác,\n\n"
            "Đơn vị: Trường Đại học Quy Nhơn\n"
            "Loại báo cáo: Tuần\n"
            "Kỳ báo cáo: tuần từ 09/11 đến 13/11/2026\n\n"
            "Nhiệm vụ: NV11\n"
            "Tình trạng: Đang thực hiện\n"
            "Tiến độ: 40%\n"
            "Kết quả: Nhà trường đã làm việc với Sở Khoa học và Công nghệ về mô hình tổ \n"
            "chức, cơ chế hoạt động của Trung tâm đổi mới sáng tạo; thống nhất trình \n"
            "Hội đồng trường trong tháng 11/2026.\n"
            "Khó khăn, vướng mắc: Chưa bố trí được mặt bằng cho Trung tâm, dự kiến sử \n"
            "dụng tầng 3 nhà A6.\n\n"
            "-- \n"
            "TS. Trương Văn Long\n"
            "Phòng KHCN - Trường Đại học Quy Nhơn\n")
    top = human(slug, "Trương Văn Long", "khcn@qnu.edu.vn", "ĐH Quy Nhơn - báo cáo tuần 46", rcv, client="thunderbird")
    raw = message(top, text(body, cte="8bit", params="; format=flowed"))
    exp = accepted("Thunderbird format=flowed: long values soft-wrapped with trailing spaces; week given as 'tuần từ 09/11 đến 13/11/2026'", rcv, [
        R("DHQN", "weekly", "2026-W46", {
            "NV11": T("in_progress", 40, result="mô hình tổ chức", difficulties="mặt bằng"),
        })])
    return slug, raw, exp


@case
def skhcn_outlook_x_auto_response_suppress_human():
    slug = "skhcn_outlook_x_auto_response_suppress_human"
    rcv = at(18, 15, 25)
    body = """Kính gửi Tổ công tác,

Đơn vị: SKHCN
Loại báo cáo: Ngày
Kỳ báo cáo: 18/11/2026

Nhiệm vụ: NV01
Tình trạng: Đang thực hiện
Tiến độ: 70%
Kết quả: Tổ chức hội nghị lấy ý kiến dự thảo Kế hoạch.

Nhiệm vụ: NV02
Tình trạng: Đang thực hiện
Tiến độ: 38%

Trân trọng.
"""
    top = human(slug, "Nguyễn Văn An", "skhcn@binhdinh.gov.vn", "Báo cáo ngày 18/11/2026", rcv,
                extra=[("X-Auto-Response-Suppress", "All"), ("X-MS-Has-Attach", ""), ("X-MS-TNEF-Correlator", "")])
    raw = message(top, multipart("alternative", [text(body), text(MSO_HEAD + "".join(mp(x, font="cal", size=11) for x in body.split("\n")) + MSO_TAIL, "html")], slug))
    exp = accepted("An ordinary human report that Outlook marked 'X-Auto-Response-Suppress: All' (no other machine sign): it is not an auto-reply", rcv, [
        R("SKHCN", "daily", "2026-11-18", {
            "NV01": T("in_progress", 70, result="hội nghị lấy ý kiến"),
            "NV02": T("in_progress", 38),
        })])
    return slug, raw, exp


@case
def xpc_numbered_titles_own_address():
    slug = "xpc_numbered_titles_own_address"
    rcv = at(18, 15, 45)
    body = """Kính gửi Tổ công tác,
UBND xã Phù Cát báo cáo tiến độ ngày 18/11/2026:
1. Triển khai chữ ký số cho cán bộ cấp xã: đang thực hiện, đã cấp 45/50 cán bộ, đạt 90%.
2. Thanh toán không dùng tiền mặt tại chợ và trường học: đang thực hiện, đạt 30%.
Trân trọng.
Văn phòng UBND xã Phù Cát
"""
    top = human(slug, "UBND xã Phù Cát", "phucat@binhdinh.gov.vn", "Báo cáo ngày 18/11/2026", rcv, client="zimbra")
    raw = message(top, text(body))
    exp = accepted("Phù Cát's own address, numbered lines naming tasks by title: the chữ ký số title is NV14 (Phù Cát), not NV12", rcv, [
        R("XPC", "daily", "2026-11-18", {
            "NV14": T("in_progress", 90, ),
            "NV15": T("in_progress", 30),
        })], absent=["NV12"])
    return slug, raw, exp


@case
def cat_period_hom_nay():
    slug = "cat_period_hom_nay"
    rcv = at(10, 16, 5)
    body = """Loại báo cáo: Ngày
Kỳ báo cáo: hôm nay

Nhiệm vụ: NV05
Tình trạng: Đang thực hiện
Tiến độ: 70%

Nhiệm vụ: NV06
Tình trạng: Đang thực hiện
Tiến độ: 40%
Khó khăn, vướng mắc: Hệ thống VNeID bảo trì buổi sáng.
"""
    top = human(slug, "Lê Minh Tuấn", "pc06.cat@binhdinh.gov.vn", "Báo cáo hôm nay", rcv, client="zimbra")
    raw = message(top, text(body))
    exp = accepted("Period in words: 'Kỳ báo cáo: hôm nay' read against the arrival day (10/11)", rcv, [
        R("CAT", "daily", "2026-11-10", {
            "NV05": T("in_progress", 70),
            "NV06": T("in_progress", 40, difficulties="bảo trì"),
        })])
    return slug, raw, exp


@case
def stc_monthly_thang_nay():
    slug = "stc_monthly_thang_nay"
    rcv = at(30, 16, 20)
    body = """Kính gửi Tổ công tác,

Sở Tài chính gửi báo cáo tháng này:

Loại báo cáo: Tháng
Kỳ báo cáo: tháng này

Tình hình chung: Trong tháng Sở đã tham mưu phân bổ toàn bộ kinh phí sự nghiệp KHCN và CĐS năm 2026.

Nhiệm vụ: NV04
Tình trạng: Hoàn thành
Kết quả: Quyết định số 2876/QĐ-UBND ngày 24/11/2026.

Nhiệm vụ: NV01
Tình trạng: Đang thực hiện
Tiến độ: 85%
Kết quả: Góp ý nội dung kinh phí thực hiện Kế hoạch.

Trần Thị Bích Ngọc
"""
    top = human(slug, "Trần Thị Bích Ngọc", "stc@binhdinh.gov.vn", "STC - báo cáo tháng", rcv)
    raw = message(top, text(body))
    exp = accepted("Monthly report with 'Kỳ báo cáo: tháng này' on the last day of November", rcv, [
        R("STC", "monthly", "2026-11", {
            "NV04": T("completed", 100, result="2876/QĐ-UBND"),
            "NV01": T("in_progress", 85, result="kinh phí thực hiện Kế hoạch"),
        })])
    return slug, raw, exp


@case
def vpub_weekly_range_sent_monday():
    slug = "vpub_weekly_range_sent_monday"
    rcv = at(23, 8, 45)
    body = """Kính gửi Tổ công tác,
VP UBND tỉnh gửi bổ sung báo cáo tuần (do thứ Sáu mất điện):

Loại báo cáo: Tuần
Kỳ báo cáo: từ 16/11 đến 20/11/2026

Nhiệm vụ: NV07
Tình trạng: Đang thực hiện
Tiến độ: 75%
Kết quả: Hoàn thành rà soát nhóm thủ tục lĩnh vực đầu tư, xây dựng.

Nhung
"""
    top = human(slug, "Phạm Thị Hồng Nhung", "vpub@binhdinh.gov.vn", "Báo cáo tuần (bổ sung)", rcv)
    raw = message(top, text(body))
    exp = accepted("A weekly report for last week (16/11–20/11) sent late on Monday 23/11: the period is week 47, not the arrival week", rcv, [
        R("VPUB", "weekly", "2026-W47", {
            "NV07": T("in_progress", 75, result="đầu tư, xây dựng"),
        })])
    return slug, raw, exp


@case
def sxd_hom_qua_next_morning():
    slug = "sxd_hom_qua_next_morning"
    rcv = at(25, 8, 30)
    body = """Kính gửi Tổ công tác,
Sở Xây dựng xin gửi báo cáo ngày hôm qua (chiều qua mất mạng nên không gửi được):

Nhiệm vụ: NV10
Tình trạng: Đang thực hiện
Tiến độ: 78%
Kết quả: Kết nối thử nghiệm 15 camera về Trung tâm giám sát điều hành đô thị thông minh.

Trân trọng.
"""
    top = human(slug, "Ngô Văn Bình", "sxd@binhdinh.gov.vn", "Bổ sung báo cáo ngày hôm qua", rcv)
    raw = message(top, text(body))
    exp = accepted("'báo cáo ngày hôm qua' sent Wednesday morning: the period is Tuesday 24/11", rcv, [
        R("SXD", "daily", "2026-11-24", {
            "NV10": T("in_progress", 78, result="15 camera"),
        })])
    return slug, raw, exp


@case
def skhcn_coordinated_tasks_codes():
    slug = "skhcn_coordinated_tasks_codes"
    rcv = at(26, 15, 0)
    body = """Kính gửi Tổ công tác,

Sở KH&CN báo cáo ngày 26/11/2026:

A. NHIỆM VỤ CHỦ TRÌ
- NV01: đang thực hiện, đạt 85%.

B. NHIỆM VỤ PHỐI HỢP
- NV04 (phối hợp Sở Tài chính): đang thực hiện, đạt 95%.
- NV09 (phối hợp Sở Y tế): đang thực hiện, đạt 70%; đã thẩm định hồ sơ kỹ thuật của 7/10 bệnh viện.
- NV11 (phối hợp ĐH Quy Nhơn): tạm dừng, chờ Nhà trường hoàn thiện Đề án.

Trân trọng.
An
"""
    top = human(slug, "Nguyễn Văn An", "skhcn@binhdinh.gov.vn", "Báo cáo ngày 26/11/2026 - Sở KH&CN", rcv)
    raw = message(top, multipart("alternative", [text(body), text(MSO_HEAD + "".join(mp(x, font="cal", size=11) for x in body.split("\n")) + MSO_TAIL, "html")], slug))
    exp = accepted("SKHCN reports one task it leads and three it coordinates (codes, status on the line; 'tạm dừng' without %)", rcv, [
        R("SKHCN", "daily", "2026-11-26", {
            "NV01": T("in_progress", 85),
            "NV04": T("in_progress", 95),
            "NV09": T("in_progress", 70, result="7/10 bệnh viện"),
            "NV11": T("paused", None),
        })])
    return slug, raw, exp


@case
def skhcn_gmail_baseline_canonical():
    slug = "skhcn_gmail_baseline_canonical"
    rcv = at(6, 15, 30)
    body = """Đơn vị: SKHCN
Loại báo cáo: Ngày
Kỳ báo cáo: 06/11/2026

Tình hình chung: Các nhiệm vụ triển khai đúng kế hoạch.

Nhiệm vụ: NV01
Tình trạng: Đang thực hiện
Tiến độ: 50%
Kết quả: Hoàn thiện dự thảo lần 1.

Nhiệm vụ: NV02
Tình trạng: Đang thực hiện
Tiến độ: 25%

Nhiệm vụ: NV03
Tình trạng: Chưa thực hiện
Tiến độ: 0%
Khó khăn, vướng mắc: Chưa có kinh phí.
Đề xuất, kiến nghị: Sở Tài chính bố trí kinh phí năm 2027.
"""
    top = human(slug, "An Nguyễn", "nguyenvanan.skhcn@gmail.com", "Báo cáo ngày 06/11/2026", rcv, client="gmail")
    raw = message(top, multipart("alternative", [text(body), text('<div dir="ltr">' + plain_to_simple_html(body) + "</div>", "html")], slug + "gmail"))
    exp = accepted("The canonical form exactly as the guide shows it, from the focal point's Gmail (text + HTML alternative)", rcv, [
        R("SKHCN", "daily", "2026-11-06", {
            "NV01": T("in_progress", 50, result="dự thảo lần 1"),
            "NV02": T("in_progress", 25),
            "NV03": T("not_started", 0, difficulties="Chưa có kinh phí", proposals="năm 2027"),
        })])
    return slug, raw, exp


@case
def syt_text_plus_signed_pdf():
    slug = "syt_text_plus_signed_pdf"
    rcv = at(4, 15, 30)
    body = """Kính gửi Tổ công tác,

Đơn vị: SYT
Loại báo cáo: Ngày
Kỳ báo cáo: 04/11/2026

Nhiệm vụ: NV09
Tình trạng: Đang thực hiện
Tiến độ: 40%
Kết quả: Ký hợp đồng triển khai phần mềm bệnh án điện tử với nhà cung cấp.

(Bản ký số của báo cáo gửi kèm theo file PDF.)

Huỳnh Thị Mai
"""
    att = attachment(pdf_bytes(["SO Y TE BINH DINH - BAO CAO NGAY 04/11/2026", "(ky so)"]), "application/pdf", "BC_SYT_04112026_signed.pdf")
    top = human(slug, "Huỳnh Thị Mai", "syt@binhdinh.gov.vn", "Báo cáo ngày 04/11/2026 - Sở Y tế", rcv)
    raw = message(top, multipart("mixed", [text(body), att], slug))
    exp = accepted("The report is in the body; a digitally signed PDF copy is attached (unreadable, but the mail is accepted from its text)", rcv, [
        R("SYT", "daily", "2026-11-04", {
            "NV09": T("in_progress", 40, result="Ký hợp đồng"),
        })])
    return slug, raw, exp


# ---------------------------------------------------------------------------------------------
# J. Human mail that must be refused
# ---------------------------------------------------------------------------------------------


@case
def cat_photo_only():
    slug = "cat_photo_only"
    rcv = at(5, 16, 0)
    body = "Gửi Tổ công tác ảnh chụp báo cáo ngày 5/11 do máy tính cơ quan bị hỏng.\n\nSent from my iPhone"
    att = attachment(JPEG_1PX, "image/jpeg", "IMG_4821.JPG", disposition="inline")
    top = human(slug, "Lê Minh Tuấn", "pc06.cat@binhdinh.gov.vn", "Báo cáo ngày 5/11", rcv, client="iphone")
    raw = message(top, multipart("mixed", [text(body, cte="quoted-printable"), att], slug))
    exp = refused("rejected", "A phone photo of the printed report and one sentence: nothing usable (the image is unreadable and must be named so)", rcv, ["not_a_report"], absent=["NV05", "NV06"])
    return slug, raw, exp


@case
def unknown_sender_personal_gmail():
    slug = "unknown_sender_personal_gmail"
    rcv = at(3, 15, 0)
    body = """Đơn vị: SKHCN
Loại báo cáo: Ngày
Kỳ báo cáo: 03/11/2026

Nhiệm vụ: NV01
Tình trạng: Đang thực hiện
Tiến độ: 45%
"""
    top = human(slug, "Phòng QLKH Sở KHCN", "phongqlkh.skhcn@gmail.com", "Báo cáo ngày 03/11/2026", rcv, client="gmail")
    raw = message(top, multipart("alternative", [text(body), text('<div dir="ltr">' + plain_to_simple_html(body) + "</div>", "html")], slug + "gmail"))
    exp = refused("rejected", "A well-formed SKHCN report from a personal Gmail address that is not in the units list", rcv, ["unknown_sender"], absent=["NV01"])
    return slug, raw, exp


@case
def stc_reports_for_skhcn_not_allowed():
    slug = "stc_reports_for_skhcn_not_allowed"
    rcv = at(4, 16, 0)
    body = """Kính gửi Tổ công tác,
Sở Tài chính gửi giúp báo cáo của Sở KH&CN (hộp thư của Sở KH&CN đang lỗi):

Đơn vị: SKHCN
Loại báo cáo: Ngày
Kỳ báo cáo: 04/11/2026

Nhiệm vụ: NV02
Tình trạng: Đang thực hiện
Tiến độ: 20%
"""
    top = human(slug, "Trần Thị Bích Ngọc", "stc@binhdinh.gov.vn", "Gửi giúp báo cáo Sở KH&CN ngày 04/11", rcv)
    raw = message(top, text(body))
    exp = refused("rejected", "STC's focal point sends a report naming 'Đơn vị: SKHCN': the sender is not a focal point of that unit", rcv, ["unit_not_allowed"], absent=["NV02"])
    return slug, raw, exp


@case
def skhcn_postpone_note_not_a_report():
    slug = "skhcn_postpone_note_not_a_report"
    rcv = at(2, 16, 10)
    body = """Kính gửi Tổ công tác,

Do sự cố đường truyền tại Sở, Sở KH&CN xin phép gửi báo cáo ngày 02/11/2026 vào sáng mai.
Mong Tổ công tác thông cảm.

Trân trọng.
Nguyễn Văn An
"""
    top = human(slug, "Nguyễn Văn An", "skhcn@binhdinh.gov.vn", "V/v gửi chậm báo cáo ngày 02/11", rcv)
    raw = message(top, text(body))
    exp = refused("rejected", "A note from the focal point that the report will come tomorrow: no task, nothing to record", rcv, ["not_a_report"])
    return slug, raw, exp


# ---------------------------------------------------------------------------------------------
# K. Machine mail: never recorded, never answered
# ---------------------------------------------------------------------------------------------


def machine_top(slug: str, from_hdr: str, subject: str, received: dt.datetime, *, return_path: str | None,
                relay: tuple[str, str] = ("mail.binhdinh.gov.vn", "10.56.1.21"), msg_domain: str = "binhdinh.gov.vn",
                extra_before: list | None = None, extra: list | None = None, to: str | None = None) -> list[tuple[str, str]]:
    top = []
    if return_path is not None:
        top.append(("Return-Path", return_path))
    top.append(("Delivered-To", OUR))
    top.append(("Received", f"from {relay[0]} ({relay[0]} [{relay[1]}])\n\tby mx.binhdinh.gov.vn (Postfix) with ESMTPS id {h(slug, 10).upper()}\n\tfor <{OUR}>; {format_datetime(received)}"))
    top.extend(extra_before or [])
    top.append(("From", from_hdr))
    top.append(("To", to or OUR))
    top.append(("Subject", enc(subject)))
    top.append(("Date", format_datetime(received - dt.timedelta(seconds=3))))
    top.append(("Message-ID", f"<{h(slug, 16)}@{msg_domain}>"))
    top.extend(extra or [])
    return top


@case
def bounce_mailer_daemon_from_only():
    slug = "bounce_mailer_daemon_from_only"
    rcv = at(27, 14, 31)
    rem = reminder_text("DHQN", "Trường Đại học Quy Nhơn", "Trương Văn Long", "Tuần", "Tuần 48/2026", 27, [("NV11", "Đang thực hiện", 45, "")])
    body = f"""Hi. This is the qmail-send program at mail.qnu.edu.vn.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<khcn@qnu.edu.vn>:
Sorry, no mailbox here by that name. (#5.1.1)

--- Below this line is a copy of the message.

From: Kênh báo cáo điện tử <baocao@binhdinh.gov.vn>
To: khcn@qnu.edu.vn
Subject: [Nhắc báo cáo] ĐH Quy Nhơn: chưa có báo cáo tuần – hạn 16:30 27/11/2026

{rem}
"""
    top = machine_top(slug, "MAILER-DAEMON <>", "failure notice", rcv, return_path=None, relay=("mail.qnu.edu.vn", "14.225.19.36"), msg_domain="mail.qnu.edu.vn")
    raw = message(top, text(body, cte="8bit"))
    exp = refused("ignored", "A qmail bounce whose only machine sign is 'From: MAILER-DAEMON <>' (no Return-Path, no multipart/report); it carries our reminder form", rcv, ["bounce"], absent=["NV11"])
    return slug, raw, exp


@case
def bounce_dsn_multipart_report():
    slug = "bounce_dsn_multipart_report"
    rcv = at(24, 14, 32)
    rem = reminder_text("SKHCN", "Sở Khoa học và Công nghệ", "Nguyễn Văn An", "Ngày", "24/11/2026", 24,
                        [("NV01", "Đang thực hiện", 80, ""), ("NV02", "Đang thực hiện", 45, "")])
    human_part = text("""This is the mail system at host mx.gmail-relay.binhdinh.gov.vn.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

                   The mail system

<nguyenvanan.skhcn@gmail.com>: host gmail-smtp-in.l.google.com[142.250.4.26]
    said: 550-5.1.1 The email account that you tried to reach does not exist.
""", charset="us-ascii", cte="7bit")
    human_part.headers.insert(0, ("Content-Description", "Notification"))
    status = Part([("Content-Description", "Delivery report"), ("Content-Type", "message/delivery-status")],
                  b"""Reporting-MTA: dns; mx.binhdinh.gov.vn
X-Postfix-Queue-ID: 4Bx9Kq1mZlz9sRt
Arrival-Date: Tue, 24 Nov 2026 14:30:02 +0700 (ICT)

Final-Recipient: rfc822; nguyenvanan.skhcn@gmail.com
Original-Recipient: rfc822;nguyenvanan.skhcn@gmail.com
Action: failed
Status: 5.1.1
Remote-MTA: dns; gmail-smtp-in.l.google.com
Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does
    not exist.
""")
    orig_top = [("From", addr(OUR_NAME, OUR)), ("To", "nguyenvanan.skhcn@gmail.com"),
                ("Subject", enc("[Nhắc báo cáo] Sở KH&CN: chưa có báo cáo ngày – hạn 16:30 24/11/2026")),
                ("Date", "Tue, 24 Nov 2026 14:30:02 +0700"), ("Message-ID", reminder_id(24, "SKHCN")),
                ("Auto-Submitted", "auto-generated"), ("X-Auto-Response-Suppress", "All"), ("X-Baocao-Loop", "binhdinh")]
    orig = message(orig_top, text(rem))
    orig_part = Part([("Content-Description", "Undelivered Message"), ("Content-Type", "message/rfc822"), ("Content-Transfer-Encoding", "8bit")], orig)
    root = multipart("report", [human_part, status, orig_part], slug, params=" report-type=delivery-status;",
                     preamble="This is a MIME-encapsulated message.")
    top = machine_top(slug, "MAILER-DAEMON@mx.binhdinh.gov.vn (Mail Delivery System)", "Undelivered Mail Returned to Sender", rcv,
                      return_path="<>", relay=("localhost", "127.0.0.1"), msg_domain="mx.binhdinh.gov.vn",
                      extra=[("Auto-Submitted", "auto-replied")])
    raw = message(top, root)
    exp = refused("ignored", "A Postfix DSN (multipart/report; report-type=delivery-status) returning our reminder to SKHCN's Gmail address", rcv, ["bounce"], absent=["NV01", "NV02"])
    return slug, raw, exp


def ooo_reply(slug, rcv, name, sender, subject, body, client="outlook", extra=None, return_path="same", quote_rem=None):
    if quote_rem:
        body = body + "\n\n" + quote(quote_rem)
    top = human(slug, name, sender, subject, rcv, client=client, sent_minutes_before=0, extra=extra, return_path=return_path)
    return message(top, text(body))


@case
def autoreply_subject_auto_reply():
    slug = "autoreply_subject_auto_reply"
    rcv = at(20, 14, 30, 40)
    rem = reminder_text("SKHCN", "Sở Khoa học và Công nghệ", "Nguyễn Văn An", "Ngày", "20/11/2026", 20,
                        [("NV01", "Đang thực hiện", 75, ""), ("NV02", "Đang thực hiện", 40, "")])
    raw = ooo_reply(slug, rcv, "Nguyễn Văn An", "skhcn@binhdinh.gov.vn", "Auto reply: Báo cáo ngày 20/11/2026",
                    "Tôi đang đi công tác tại Hà Nội đến hết ngày 22/11/2026, sẽ trả lời thư ngay khi trở về.", client="none",
                    quote_rem=rem)
    exp = refused("ignored", "An auto-reply recognisable only by its subject 'Auto reply: …' (no auto headers); it quotes our form with NV01/NV02 values", rcv, ["auto_reply"], absent=["NV01", "NV02"])
    return slug, raw, exp


@case
def autoreply_subject_AUTO_out_of_office():
    slug = "autoreply_subject_AUTO_out_of_office"
    rcv = at(23, 14, 30, 25)
    raw = ooo_reply(slug, rcv, "Nguyen Van An", "skhcn@binhdinh.gov.vn", "AUTO: Nguyen Van An is out of the office (returning 25/11/2026)",
                    "I am out of the office until 25/11/2026.\n\nTôi vắng mặt đến ngày 25/11/2026. Việc gấp xin liên hệ đ/c Hùng, ĐT 0905.xxx.xxx.\n\n"
                    "Note: This is an automated response to your message \"[Nhắc báo cáo] Sở KH&CN: chưa có báo cáo ngày\" sent on 23/11/2026 14:30:02.",
                    client="none", extra=[("X-Mailer", "Lotus Domino Web Server Release 9.0.1FP10")])
    exp = refused("ignored", "Lotus Notes style out-of-office, recognisable only by the subject 'AUTO: … is out of the office'", rcv, ["auto_reply"])
    return slug, raw, exp


@case
def autoreply_subject_AutoReply():
    slug = "autoreply_subject_AutoReply"
    rcv = at(20, 16, 1)
    rem = reminder_text("STC", "Sở Tài chính", "Trần Thị Bích Ngọc", "Tuần", "Tuần 47/2026", 20, [("NV04", "Đang thực hiện", 90, "")])
    raw = ooo_reply(slug, rcv, "Trần Thị Bích Ngọc", "stc@binhdinh.gov.vn", "AutoReply: [Nhắc báo cáo] Sở TC: chưa có báo cáo tuần – hạn 16:30 20/11/2026",
                    "Cảm ơn anh/chị đã gửi thư. Tôi đang nghỉ phép, thư sẽ được xử lý khi tôi đi làm lại.", client="none",
                    quote_rem=rem)
    exp = refused("ignored", "An auto-reply recognisable only by the subject prefix 'AutoReply:'; it quotes our weekly form", rcv, ["auto_reply"], absent=["NV04"])
    return slug, raw, exp


@case
def autoreply_subject_tra_loi_tu_dong():
    slug = "autoreply_subject_tra_loi_tu_dong"
    rcv = at(24, 14, 30, 50)
    raw = ooo_reply(slug, rcv, "Huỳnh Thị Mai", "syt@binhdinh.gov.vn", "Trả lời tự động: [Nhắc báo cáo] Sở YT: chưa có báo cáo ngày – hạn 16:30 24/11/2026",
                    "Kính chào quý anh/chị,\n\nTôi đang tham gia lớp bồi dưỡng từ ngày 23/11 đến 27/11/2026. Trong thời gian này, báo cáo của Sở Y tế do đ/c Nguyễn Thị Lan (syt@binhdinh.gov.vn) phụ trách.\n\nTrân trọng,\nHuỳnh Thị Mai")
    exp = refused("ignored", "Outlook (Vietnamese UI) automatic reply recognisable by the subject 'Trả lời tự động:' only", rcv, ["auto_reply"])
    return slug, raw, exp


@case
def exchange_oof_inbox_rules_loop():
    slug = "exchange_oof_inbox_rules_loop"
    rcv = at(24, 14, 30, 12)
    raw = ooo_reply(slug, rcv, "Trần Thị Bích Ngọc", "stc@binhdinh.gov.vn", "RE: [Nhắc báo cáo] Sở TC: chưa có báo cáo ngày – hạn 16:30 24/11/2026",
                    "Tôi đang nghỉ phép đến hết ngày 27/11/2026. Việc gấp xin liên hệ đ/c Nguyễn Văn Phúc, Phòng Ngân sách, ĐT 0256.3822.xxx.",
                    extra=[("X-Auto-Response-Suppress", "All"), ("X-MS-Exchange-Inbox-Rules-Loop", "stc@binhdinh.gov.vn"),
                           ("X-MS-Has-Attach", ""), ("X-MS-TNEF-Correlator", ""), ("X-MS-Exchange-Organization-SCL", "-1")])
    exp = refused("ignored", "Exchange out-of-office: the subject looks like a human reply; only the pair X-Auto-Response-Suppress: All + X-MS-Exchange-Inbox-Rules-Loop gives it away", rcv, ["auto_reply"])
    return slug, raw, exp


@case
def autoreply_autosubmitted_empty_return_path():
    slug = "autoreply_autosubmitted_empty_return_path"
    rcv = at(25, 14, 30, 33)
    rem = reminder_text("VPUB", "Văn phòng Ủy ban nhân dân tỉnh", "Phạm Thị Hồng Nhung", "Ngày", "25/11/2026", 25,
                        [("NV07", "Đang thực hiện", 80, ""), ("NV01", "Đang thực hiện", 85, "")])
    raw = ooo_reply(slug, rcv, "Văn phòng UBND tỉnh", "vpub@binhdinh.gov.vn", "Re: [Nhắc báo cáo] VP UBND: chưa có báo cáo ngày – hạn 16:30 25/11/2026",
                    "Văn phòng UBND tỉnh đã nhận được thư của quý cơ quan. Thư sẽ được chuyển đến bộ phận chuyên môn xử lý.",
                    client="none", extra=[("Auto-Submitted", "auto-replied")], return_path="<>", quote_rem=rem)
    exp = refused("ignored", "An acknowledgement robot: Auto-Submitted: auto-replied AND an empty Return-Path (<>) — an auto-reply, not a bounce; quotes our form", rcv, ["auto_reply"], absent=["NV07", "NV01"])
    return slug, raw, exp


@case
def zimbra_vacation_autoreply():
    slug = "zimbra_vacation_autoreply"
    rcv = at(26, 14, 30, 9)
    raw = ooo_reply(slug, rcv, "Lê Minh Tuấn", "pc06.cat@binhdinh.gov.vn", "Re: [Nhắc báo cáo] CA tỉnh: chưa có báo cáo ngày – hạn 16:30 26/11/2026",
                    "Tôi đang đi học tập trung đến ngày 04/12/2026. Báo cáo Đề án 06 xin liên hệ đ/c Bảo qua địa chỉ daumoi.de06@congan.binhdinh.gov.vn.",
                    client="zimbra", extra=[("Auto-Submitted", "auto-replied (vacation)")])
    exp = refused("ignored", "Zimbra vacation reply: 'Auto-Submitted: auto-replied (vacation)', subject a plain 'Re:'", rcv, ["auto_reply"])
    return slug, raw, exp


@case
def x_autoreply_yes_header():
    slug = "x_autoreply_yes_header"
    rcv = at(27, 14, 30, 44)
    raw = ooo_reply(slug, rcv, "Ngô Văn Bình", "sxd@binhdinh.gov.vn", "Re: [Nhắc báo cáo] Sở XD: chưa có báo cáo ngày, tuần – hạn 16:30 27/11/2026",
                    "Cảm ơn anh/chị. Tôi đang đi kiểm tra công trình ngoài hiện trường, sẽ phản hồi sau.", client="none",
                    extra=[("X-Autoreply", "yes"), ("X-Mailer", "MDaemon PRO v23.5.1")])
    exp = refused("ignored", "An auto-reply marked only by 'X-Autoreply: yes' (MDaemon), subject a plain 'Re:'", rcv, ["auto_reply"])
    return slug, raw, exp


@case
def mailing_list_precedence_list_id():
    slug = "mailing_list_precedence_list_id"
    rcv = at(18, 9, 12)
    body = """Chào các anh chị trong nhóm đầu mối,

Em chia sẻ mẫu báo cáo Sở KH&CN đã gửi hôm qua để các đơn vị tham khảo cách ghi:

Đơn vị: SKHCN
Loại báo cáo: Ngày
Kỳ báo cáo: 17/11/2026

Nhiệm vụ: NV01
Tình trạng: Đang thực hiện
Tiến độ: 70%

Nhiệm vụ: NV02
Tình trạng: Đang thực hiện
Tiến độ: 35%

An - Sở KH&CN
_______________________________________________
Daumoi-cds mailing list
daumoi-cds@lists.binhdinh.gov.vn
https://lists.binhdinh.gov.vn/mailman/listinfo/daumoi-cds
"""
    top = [("Return-Path", "<daumoi-cds-bounces@lists.binhdinh.gov.vn>"), ("Delivered-To", OUR),
           ("Received", f"from lists.binhdinh.gov.vn (lists.binhdinh.gov.vn [10.56.1.40])\n\tby mx.binhdinh.gov.vn (Postfix) with ESMTP id {h(slug, 10).upper()}\n\tfor <{OUR}>; {format_datetime(rcv)}"),
           ("From", addr("Nguyễn Văn An", "skhcn@binhdinh.gov.vn")), ("To", "daumoi-cds@lists.binhdinh.gov.vn"),
           ("Subject", enc("[Daumoi-cds] Chia sẻ mẫu báo cáo ngày")), ("Date", format_datetime(rcv - dt.timedelta(minutes=1))),
           ("Message-ID", msgid("outlook", slug, "binhdinh.gov.vn")),
           ("X-Mailer", "Microsoft Outlook 16.0"),
           ("X-BeenThere", "daumoi-cds@lists.binhdinh.gov.vn"), ("X-Mailman-Version", "2.1.39"), ("Precedence", "list"),
           ("List-Id", enc("Nhóm đầu mối chuyển đổi số") + " <daumoi-cds.lists.binhdinh.gov.vn>"),
           ("List-Unsubscribe", "<https://lists.binhdinh.gov.vn/mailman/options/daumoi-cds>,\n <mailto:daumoi-cds-request@lists.binhdinh.gov.vn?subject=unsubscribe>"),
           ("List-Post", "<mailto:daumoi-cds@lists.binhdinh.gov.vn>"),
           ("Errors-To", "daumoi-cds-bounces@lists.binhdinh.gov.vn"),
           ("Sender", '"Daumoi-cds" <daumoi-cds-bounces@lists.binhdinh.gov.vn>')]
    raw = message(top, text(body))
    exp = refused("ignored", "A Mailman list post (Precedence: list, List-Id) from SKHCN's address sharing yesterday's report as an example: must not be recorded", rcv, ["mailing_list"], absent=["NV01", "NV02"])
    return slug, raw, exp


@case
def newsletter_list_unsubscribe_only():
    slug = "newsletter_list_unsubscribe_only"
    rcv = at(16, 8, 0)
    hb = ("<html><body><table width=\"600\" align=\"center\"><tr><td><h2>BẢN TIN KHOA HỌC VÀ CÔNG NGHỆ BÌNH ĐỊNH – Số 11/2026</h2>"
          "<p><b>Nghị quyết 57-NQ/TW:</b> Kế hoạch triển khai của tỉnh đạt 75% khối lượng, dự kiến trình UBND tỉnh cuối tháng 11.</p>"
          "<p><b>Sàn giao dịch công nghệ:</b> Chưa triển khai, chờ bố trí kinh phí năm 2027.</p>"
          "<p><b>Khởi nghiệp đổi mới sáng tạo:</b> Hội thảo lấy ý kiến doanh nghiệp ngày 25/11/2026.</p>"
          "<p style=\"font-size:11px;color:#888\">Bạn nhận được bản tin này vì đã đăng ký tại skhcn.binhdinh.gov.vn. "
          "<a href=\"https://skhcn.binhdinh.gov.vn/bantin/huy?u=baocao%40binhdinh.gov.vn\">Hủy đăng ký</a></p></td></tr></table></body></html>")
    tb = ("BẢN TIN KHOA HỌC VÀ CÔNG NGHỆ BÌNH ĐỊNH – Số 11/2026\n\n"
          "Nghị quyết 57-NQ/TW: Kế hoạch triển khai của tỉnh đạt 75% khối lượng, dự kiến trình UBND tỉnh cuối tháng 11.\n"
          "Sàn giao dịch công nghệ: Chưa triển khai, chờ bố trí kinh phí năm 2027.\n\n"
          "Hủy đăng ký: https://skhcn.binhdinh.gov.vn/bantin/huy?u=baocao%40binhdinh.gov.vn\n")
    top = [("Return-Path", "<skhcn@binhdinh.gov.vn>"), ("Delivered-To", OUR),
           ("Received", f"from mailer.skhcn.binhdinh.gov.vn (mailer.skhcn.binhdinh.gov.vn [10.56.3.9])\n\tby mx.binhdinh.gov.vn (Postfix) with ESMTP id {h(slug, 10).upper()}\n\tfor <{OUR}>; {format_datetime(rcv)}"),
           ("From", addr("Bản tin KH&CN Bình Định", "skhcn@binhdinh.gov.vn")), ("To", OUR),
           ("Subject", enc("Bản tin Khoa học và Công nghệ Bình Định – tháng 11/2026")), ("Date", format_datetime(rcv - dt.timedelta(seconds=40))),
           ("Message-ID", f"<bantin-2026-11.{h(slug, 10)}@skhcn.binhdinh.gov.vn>"),
           ("List-Unsubscribe", "<https://skhcn.binhdinh.gov.vn/bantin/huy?u=baocao%40binhdinh.gov.vn>"),
           ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), ("X-Mailer", "PHPMailer 6.9.1 (https://github.com/PHPMailer/PHPMailer)")]
    raw = message(top, multipart("alternative", [text(tb, cte="base64"), text(hb, "html", cte="base64")], slug))
    exp = refused("ignored", "The department's monthly newsletter sent from SKHCN's address by a mass mailer: only List-Unsubscribe marks it (no Precedence, no List-Id); it mentions NQ57 progress", rcv, ["mailing_list"], absent=["NV01", "NV03"])
    return slug, raw, exp


@case
def own_address_operator_test():
    slug = "own_address_operator_test"
    rcv = at(2, 9, 5)
    body = """Thử gửi mẫu báo cáo để kiểm tra kênh.

Đơn vị: SKHCN
Loại báo cáo: Ngày
Kỳ báo cáo: 02/11/2026

Nhiệm vụ: NV01
Tình trạng: Đang thực hiện
Tiến độ: 99%
"""
    top = human(slug, OUR_NAME, OUR, "Thử nghiệm kênh báo cáo", rcv, client="thunderbird")
    raw = message(top, text(body, cte="8bit", params="; format=flowed"))
    exp = refused("ignored", "The operator sends a test form from the reporting mailbox itself (baocao@binhdinh.gov.vn) without any auto header", rcv, ["own_message"], absent=["NV01"])
    return slug, raw, exp


# =============================================================================================
# writing and checking
# =============================================================================================


def check_eml(path: Path) -> None:
    msg = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert msg["From"] is not None and msg["Message-ID"], path
    str(msg["Subject"] or "")
    for part in msg.walk():
        if part.is_multipart():
            continue
        ct = part.get_content_type()
        if ct.startswith("text/"):
            part.get_content()
        elif ct == "message/rfc822":
            pass
        else:
            part.get_payload(decode=True)


def check_expected(d: dict) -> None:
    assert d["outcome"] in ("accepted", "rejected", "ignored")
    dt.datetime.fromisoformat(d["received_at"])
    if d["outcome"] == "accepted":
        assert d["reports"] and "codes" not in d
        for r in d["reports"]:
            assert r["kind"] in ("daily", "weekly", "monthly")
            for u in r["uncertain"]:
                assert u["field"] not in r["tasks"].get(u["task"], {}), (r, u)
            for code, t in r["tasks"].items():
                if t.get("status") == "completed":
                    assert t.get("progress") == 100, code
    else:
        assert d["codes"] and not d["reports"]


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("B[0-9][0-9][0-9]_*"):
        old.unlink()
    ids = set()
    for n, fn in enumerate(CASES, 1):
        slug, raw, exp = fn()
        name = f"B{n:03d}_{slug}"
        mid = message_from_bytes(raw, policy=policy.default)["Message-ID"]
        assert mid not in ids, (name, mid)
        ids.add(mid)
        check_expected(exp)
        (OUT / f"{name}.eml").write_bytes(raw)
        (OUT / f"{name}.expected.json").write_text(json.dumps(exp, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        check_eml(OUT / f"{name}.eml")
        json.loads((OUT / f"{name}.expected.json").read_text(encoding="utf-8"))
    print(f"{len(CASES)} cases written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
