"""Series F of the free-writing corpus: formats and threads as real mail programs make them.

Outlook HTML-only mail with Word-pasted tables, Gmail's degraded plain copy of a table, Zimbra's
<hr id="zwchr"> quoting, Apple Mail NFD text, spreadsheets and Word files as attachments, long
threads, forwards of forwards, inline replies. Run it to (re)write cases/F*.eml and
cases/F*.expected.json:

    .venv/bin/python tests/freewrite/make_cases_f.py

Everything is deterministic (fixed boundaries, Message-IDs and zip timestamps), so a re-run gives
the same bytes.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import re
import struct
import unicodedata
import zipfile
import zlib
from datetime import datetime, timedelta, timezone
from email import policy
from email.message import EmailMessage, MIMEPart
from email.utils import format_datetime
from pathlib import Path

import docx
import openpyxl
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from openpyxl.styles import Alignment, Border, Font, Side

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
TZ = timezone(timedelta(hours=7))
US = "baocao@binhdinh.gov.vn"
US_NAME = "Kênh báo cáo điện tử"

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

WEEKDAYS_VI = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
GMAIL_WD = ["Th 2", "Th 3", "Th 4", "Th 5", "Th 6", "Th 7", "CN"]
ZIMBRA_MONTHS = ["Tháng Giêng", "Tháng Hai", "Tháng Ba", "Tháng Tư", "Tháng Năm", "Tháng Sáu", "Tháng Bảy",
                 "Tháng Tám", "Tháng Chín", "Tháng Mười", "Tháng Mười Một", "Tháng Mười Hai"]
EN_WD = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]


def at(day: int, hh: int, mm: int, ss: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hh, mm, ss, tzinfo=TZ)


def h(s: str) -> str:
    return html.escape(s, quote=False)


def hid(*parts: str, n: int = 16) -> str:
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:n]


# ---------------------------------------------------------------------------------------------
# dates as the clients write them

def zimbra_sent(d: datetime) -> str:
    return f"{WEEKDAYS_VI[d.weekday()]}, {d.day} {ZIMBRA_MONTHS[d.month - 1]}, {d.year} {d:%H:%M:%S}"


def gmail_attr(d: datetime, name: str, addr: str) -> str:
    # Gmail wraps the long attribution line over two lines in the plain part
    return (f"Vào {GMAIL_WD[d.weekday()]}, {d.day} thg {d.month}, {d.year} vào lúc {d:%H:%M} {name} <\n"
            f"{addr}> đã viết:")


def outlook_en(d: datetime) -> str:
    hh = d.hour % 12 or 12
    return f"{EN_WD[d.weekday()]}, {EN_MONTHS[d.month - 1]} {d.day}, {d.year} {hh}:{d:%M} {'AM' if d.hour < 12 else 'PM'}"


def outlook_vi(d: datetime) -> str:
    return f"{WEEKDAYS_VI[d.weekday()]}, ngày {d.day} tháng {d.month} năm {d.year} {d:%H:%M}"


# ---------------------------------------------------------------------------------------------
# message envelope

RELAYS = {
    "binhdinh.gov.vn": ("mail.binhdinh.gov.vn", "10.56.1.20", "Zimbra"),
    "congan.binhdinh.gov.vn": ("mail.congan.binhdinh.gov.vn", "113.161.52.77", "Exchange"),
    "gmail.com": ("mail-pj1-f41.google.com", "209.85.216.41", "gmail"),
    "qnu.edu.vn": ("mail-sor-f69.google.com", "209.85.220.69", "gmail"),
}


def envelope(cid: str, frm: tuple[str, str], subject: str, received: datetime, *, sent_delta: int = 40,
             to: str | None = None, cc: list[str] | None = None, mid_style: str = "outlook",
             in_reply_to: str | None = None, references: list[str] | None = None,
             extra: list[tuple[str, str]] = ()) -> EmailMessage:
    name, addr = frm
    domain = addr.split("@", 1)[1]
    relay, ip, _ = RELAYS.get(domain, ("mail." + domain, "10.56.1.30", ""))
    sent = received - timedelta(seconds=sent_delta)
    msg = EmailMessage(policy=policy.default)
    msg["Return-Path"] = f"<{addr}>"
    qid = hid(cid, "qid", n=10).upper()
    msg["Received"] = (f"from {relay} ({relay} [{ip}]) by mx01.binhdinh.gov.vn (Postfix) with ESMTPS id "
                       f"4Z{qid} for <{US}>; {format_datetime(received)}")
    if domain in ("gmail.com", "qnu.edu.vn"):
        msg["Received"] = (f"by mail-pj1-f41.google.com with SMTP id {hid(cid, 'g', n=14)}; "
                           f"{format_datetime(sent.astimezone(timezone(timedelta(hours=-8))))}")
    msg["Authentication-Results"] = (f"mx01.binhdinh.gov.vn; dkim=pass header.d={domain}; "
                                     f"spf=pass smtp.mailfrom={addr}; dmarc=pass header.from={domain}")
    msg["From"] = f"{name} <{addr}>" if name else addr
    msg["To"] = to or f"{US_NAME} <{US}>"
    if cc:
        msg["Cc"] = ", ".join(cc)
    msg["Subject"] = subject
    msg["Date"] = format_datetime(sent)
    seed = hid(cid, subject)
    if mid_style == "outlook":
        mid = f"<000{seed[:3]}01db{seed[3:7]}${seed[7:15]}${hid(seed, 'x', n=8)}@{domain}>"
    elif mid_style == "gmail":
        mid = f"<CAH{hid(seed, 'a', n=20)}+{hid(seed, 'b', n=12)}-{hid(seed, 'c', n=6)}@mail.gmail.com>"
    elif mid_style == "zimbra":
        mid = f"<{int(seed[:8], 16) % 900000 + 100000}.{int(seed[8:12], 16)}.{int(sent.timestamp())}123.JavaMail.zimbra@{domain}>"
    elif mid_style == "apple":
        u = hid(seed, "apple", n=32).upper()
        mid = f"<{u[:8]}-{u[8:12]}-{u[12:16]}-{u[16:20]}-{u[20:32]}@{domain}>"
    elif mid_style == "thunderbird":
        u = hid(seed, "tb", n=32)
        mid = f"<{u[:8]}-{u[8:12]}-{u[12:16]}-{u[16:20]}-{u[20:32]}@{domain}>"
    elif mid_style == "owa":
        mid = f"<SG2PR04MB{hid(seed, 'o', n=4).upper()}{hid(seed, 'p', n=20).upper()}@SG2PR04MB{hid(seed, 'o', n=4).upper()}.apcprd04.prod.outlook.com>"
    else:
        raise ValueError(mid_style)
    msg["Message-ID"] = mid
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
    if references:
        msg["References"] = " ".join(references)
    late = []
    for k, v in extra:
        if k.lower().startswith("content-"):
            late.append((k, v))  # set_content() would drop these; main() adds them last
        else:
            msg[k] = v
    msg["MIME-Version"] = "1.0"
    msg.late_headers = late
    return msg


def outlook_headers(cid: str, topic: str, attach: bool = False) -> list[tuple[str, str]]:
    return [("Thread-Topic", topic), ("Thread-Index", "AQH" + hid(cid, "ti", n=26) + "=="),
            ("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "vi"),
            ("X-MS-Has-Attach", "yes" if attach else "")]


def zimbra_headers(cid: str, topic: str) -> list[tuple[str, str]]:
    return [("X-Originating-IP", "[10.56.7.41]"),
            ("X-Mailer", "Zimbra 8.8.15_GA_4581 (ZimbraWebClient - GC130 (Win)/8.8.15_GA_4581)"),
            ("Thread-Topic", topic), ("Thread-Index", hid(cid, "zti", n=28))]


def set_boundaries(msg: EmailMessage, cid: str, style: str) -> None:
    n = 0
    for part in msg.walk():
        if part.is_multipart():
            n += 1
            s = hid(cid, "boundary", str(n), n=24)
            if style == "outlook":
                b = f"----=_NextPart_{n:03d}_{s[:4].upper()}_01DB{s[4:8].upper()}.{s[8:16].upper()}"
            elif style == "gmail":
                b = f"0000000000{s[:16]}"
            elif style == "zimbra":
                b = f"=_{s[:8]}-{s[8:12]}-{s[12:16]}-{s[16:20]}-{s[20:24]}{n:08d}"
            elif style == "apple":
                b = f"Apple-Mail=_{s[:8].upper()}-{s[8:12].upper()}-{s[12:16].upper()}-{s[16:24].upper()}"
            else:
                b = f"------------{s}"
            part.set_boundary(b)


# ---------------------------------------------------------------------------------------------
# Word / Outlook HTML

TNR = 'font-family:"Times New Roman",serif'
WORD_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15 (filtered medium)"><style><!--
/* Font Definitions */
@font-face
	{font-family:"Cambria Math";
	panose-1:2 4 5 3 5 4 6 3 2 4;}
@font-face
	{font-family:Calibri;
	panose-1:2 15 5 2 2 2 4 3 2 4;}
/* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin:0in;
	font-size:11.0pt;
	font-family:"Calibri",sans-serif;}
a:link, span.MsoHyperlink
	{mso-style-priority:99;
	color:#0563C1;
	text-decoration:underline;}
p.MsoListParagraph, li.MsoListParagraph, div.MsoListParagraph
	{mso-style-priority:34;
	margin-top:0in;
	margin-right:0in;
	margin-bottom:0in;
	margin-left:.5in;
	font-size:11.0pt;
	font-family:"Calibri",sans-serif;}
span.EmailStyle18
	{mso-style-type:personal-compose;
	font-family:"Calibri",sans-serif;
	color:windowtext;}
.MsoChpDefault
	{mso-style-type:export-only;
	font-family:"Calibri",sans-serif;}
@page WordSection1
	{size:8.5in 11.0in;
	margin:1.0in 1.0in 1.0in 1.0in;}
div.WordSection1
	{page:WordSection1;}
--></style><!--[if gte mso 9]><xml>
<o:shapedefaults v:ext="edit" spidmax="1026" />
</xml><![endif]--><!--[if gte mso 9]><xml>
<o:shapelayout v:ext="edit">
<o:idmap v:ext="edit" data="1" />
</o:shapelayout></xml><![endif]--></head><body lang=EN-US link="#0563C1" vlink="#954F72" style='word-wrap:break-word'><div class=WordSection1>"""
WORD_TAIL = "</div></body></html>"


def wp(text: str = "", *, b: bool = False, i: bool = False, size: float = 13, align: str | None = None,
       segs: list[str] | None = None) -> str:
    """A Word paragraph; `segs` splits the text over several spans the way Word does."""
    if not text and not segs:
        return "<p class=MsoNormal><o:p>&nbsp;</o:p></p>"
    a = f" align={align} style='text-align:{align}'" if align else ""
    parts = segs or [text]
    inner = "".join(f"<span lang=VI style='font-size:{size:.1f}pt;{TNR}'>{h(s).replace('  ', ' &nbsp;')}</span>"
                    for s in parts)
    if i:
        inner = f"<i>{inner}</i>"
    if b:
        inner = f"<b>{inner}</b>"
    return f"<p class=MsoNormal{a}>{inner}<o:p></o:p></p>"


def wcell(c, width: int = 80, first_row: bool = False, first_col: bool = False) -> str:
    if isinstance(c, str):
        c = {"t": c}
    attrs = f" width={width}"
    if c.get("rs"):
        attrs += f" rowspan={c['rs']}"
    if c.get("cs"):
        attrs += f" colspan={c['cs']}"
    border = "border:solid windowtext 1.0pt"
    if not first_row:
        border += ";border-top:none"
    if not first_col:
        border += ";border-left:none"
    style = f"width:{width * 0.75:.1f}pt;{border};padding:0in 5.4pt 0in 5.4pt"
    if c.get("raw") is not None:
        body = c["raw"]
    else:
        lines = c["t"].split("\n") if c["t"] else [""]
        body = "".join(wp(line, b=c.get("b", False), size=c.get("size", 12), align=c.get("al"),
                          segs=c.get("segs") if len(lines) == 1 else None) if line else
                       "<p class=MsoNormal><span lang=VI style='font-size:12.0pt;" + TNR + "'><o:p>&nbsp;</o:p></span></p>"
                       for line in lines)
    return f"<td{attrs} valign=top style='{style}'>{body}</td>"


def wtable(rows: list[list], widths: list[int] | None = None, cls: str = "MsoTableGrid") -> str:
    out = [f"<table class={cls} border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'>"]
    for r, row in enumerate(rows):
        out.append("<tr>")
        for j, c in enumerate(row):
            w = (widths[j] if widths and j < len(widths) else 80)
            out.append(wcell(c, w, first_row=(r == 0), first_col=(j == 0)))
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


def outlook_sig(lines: list[str]) -> str:
    out = []
    for k, line in enumerate(lines):
        style = "font-size:11.0pt;color:#1F3864" if k else "font-size:12.0pt;color:#1F3864"
        t = f"<span style='{style}'>{h(line)}</span>"
        out.append(f"<p class=MsoNormal>{'<b>' + t + '</b>' if k == 0 else t}<o:p></o:p></p>")
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# plain-text helpers

def quote(text: str, prefix: str = "> ") -> str:
    return "\n".join((prefix + line) if line else prefix.rstrip() for line in text.split("\n"))


def text_to_divs(text: str) -> str:
    """Zimbra / Gmail compose: one <div> per line, <div><br></div> for blank lines."""
    return "".join(f"<div>{h(line)}</div>" if line else "<div><br></div>" for line in text.split("\n"))


def reminder(unit_code: str, focal: str, unit_name: str, kind_label: str, period_text: str,
             deadline: str, slot: str, tasks: list[tuple]) -> str:
    lines = [f"Kính gửi {focal} ({unit_name}),", "",
             f"Đến {slot}, Kênh báo cáo điện tử chưa nhận được báo cáo sau của đơn vị:",
             f"  - Báo cáo {kind_label.lower()}: {period_text} – hạn {deadline}", "",
             "Cách gửi nhanh nhất: bấm Trả lời (Reply) thư này, chép mẫu báo cáo dưới đây lên đầu thư trả lời,",
             "sửa Tình trạng, Tiến độ, Kết quả, Khó khăn, vướng mắc cho đúng với tình hình hôm nay rồi gửi.",
             "Phần thư cũ được trích dẫn bên dưới sẽ không được đọc.", "",
             f"======== Mẫu báo cáo {kind_label.lower()} ========", "",
             f"Đơn vị: {unit_code}", f"Loại báo cáo: {kind_label}", f"Kỳ báo cáo: {period_text}", "",
             "Tình hình chung: "]
    for code, status, progress, result in tasks:
        lines += ["", f"Nhiệm vụ: {code} – {TITLES[code]}", f"Tình trạng: {status}",
                  f"Tiến độ: {progress}%" if progress is not None else "Tiến độ: ",
                  f"Kết quả: {result}", "Khó khăn, vướng mắc: ", "Đề xuất, kiến nghị: "]
    lines += ["", "========================================", "",
              "Nếu đơn vị đã gửi báo cáo trong vài phút vừa qua, xin bỏ qua thư này.", "",
              "Đây là thư tự động của Kênh báo cáo điện tử – Ủy ban nhân dân tỉnh Bình Định."]
    return "\n".join(lines)


def cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: precomposed where the code page has it, else base + combining mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        # the vowel marks (circumflex, breve, horn) recompose with the letter: â ê ô ă ơ ư are in the code page;
        # the tone marks (grave, acute, tilde, hook, dot below) follow as combining characters
        quality = "".join(m for m in d[1:] if m in "\u0302\u0306\u031b")
        tones = [m for m in d[1:] if m not in quality]
        out += unicodedata.normalize("NFC", d[0] + quality).encode("cp1258")
        for mk in tones:
            out += mk.encode("cp1258")
    return bytes(out)


# ---------------------------------------------------------------------------------------------
# attachments

FIXED_ZIP_TIME = (2026, 11, 1, 8, 0, 0)


def normalise_zip(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = info.external_attr
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time here
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>2026-11-01T08:00:00Z\g<2>", body)
            dst.writestr(zi, body)
    return buf.getvalue()


THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def xlsx_bytes(wb: openpyxl.Workbook, creator: str) -> bytes:
    wb.properties.creator = creator
    wb.properties.lastModifiedBy = creator
    wb.properties.created = datetime(2026, 10, 5, 8, 0, 0)
    wb.properties.modified = datetime(2026, 11, 1, 8, 0, 0)
    buf = io.BytesIO()
    wb.save(buf)
    return normalise_zip(buf.getvalue())


def sheet_rows(ws, top: int, rows: list[list], bold_first: bool = True, widths: list[int] | None = None) -> None:
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            cell = ws.cell(row=top + r, column=c + 1, value=v)
            cell.border = BOX
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.font = Font(name="Times New Roman", size=12, bold=(bold_first and r == 0))
    for c, w in enumerate(widths or []):
        ws.column_dimensions[openpyxl.utils.get_column_letter(c + 1)].width = w


def docx_bytes(doc: docx.document.Document, author: str) -> bytes:
    cp = doc.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.created = datetime(2026, 11, 1, 8, 0, 0)
    cp.modified = datetime(2026, 11, 1, 8, 0, 0)
    cp.revision = 3
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue())


def dpara(doc, text: str, *, b: bool = False, i: bool = False, center: bool = False, size: int = 13):
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.bold = b
    run.italic = i
    run.font.size = Pt(size)
    run.font.name = "Times New Roman"
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def dtable(doc, rows: list[list[str]], bold_first: bool = True, style: str | None = "Table Grid"):
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    if style:
        t.style = style
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            cell = t.cell(r, c)
            cell.text = ""
            run = cell.paragraphs[0].add_run(v)
            run.font.size = Pt(12)
            run.bold = bold_first and r == 0
    return t


def official_header(doc, left: list[str], right: list[str]) -> None:
    """The Decree 30 header as Word users make it: a borderless two-column table."""
    t = doc.add_table(rows=1, cols=2)
    for col, lines in ((0, left), (1, right)):
        cell = t.cell(0, col)
        cell.text = ""
        for k, line in enumerate(lines):
            p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = p.add_run(line)
            run.font.size = Pt(13)
            run.bold = not line.startswith(("Số:", "Bình Định,", "Quy Nhơn,"))
            run.italic = line.startswith(("Bình Định,", "Quy Nhơn,"))


def pdf_bytes(lines: list[str]) -> bytes:
    """A small, valid one-page PDF (Helvetica, ASCII): the signed scan nobody can read by text."""
    content = "BT /F1 12 Tf 56 790 Td 16 TL\n" + "".join(
        "(" + s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj T*\n" for s in lines) + "ET"
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(content.encode('latin-1'))} >>\nstream\n{content}\nendstream",
        "<< /Producer (Adobe PDF Library 15.0) /Creator (Microsoft Word) /CreationDate (D:20261120160500+07'00') >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for k, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n{o}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def png_bytes(w: int = 120, hgt: int = 40) -> bytes:
    """A small grey PNG standing in for a screenshot of a spreadsheet."""
    raw = b"".join(b"\x00" + b"".join(bytes([200 if (x // 20 + y // 10) % 2 else 240] * 3) for x in range(w))
                   for y in range(hgt))

    def chunk(t: bytes, d: bytes) -> bytes:
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, hgt, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


XLSX = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
DOCX = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")


def attach(msg: EmailMessage, data: bytes, mime: tuple[str, str], filename: str) -> None:
    msg.add_attachment(data, maintype=mime[0], subtype=mime[1], filename=filename)


# ---------------------------------------------------------------------------------------------
# registry

CASE_FUNCS = []


def case(fn):
    CASE_FUNCS.append(fn)
    return fn


def expected(description: str, received: datetime, reports: list[dict], *, outcome: str = "accepted",
             codes: list[str] | None = None, absent: list[str] | None = None) -> dict:
    e = {"description": description, "received_at": received.isoformat(), "outcome": outcome}
    if codes:
        e["codes"] = codes
    if outcome == "accepted":
        e["reports"] = reports
    if absent:
        e["absent_tasks"] = absent
    return e


def rep(unit: str, kind: str, period: str, tasks: dict, uncertain: list[tuple[str, str]] = ()) -> dict:
    r = {"unit": unit, "kind": kind, "period": period, "tasks": tasks}
    if uncertain:
        r["uncertain"] = [{"task": t, "field": f} for t, f in uncertain]
    return r


def T(status, progress, **contains) -> dict:
    d = {"status": status, "progress": progress}
    for k, v in contains.items():
        d[f"{k}_contains"] = v
    return d


# =============================================================================================
# F001 – Outlook HTML-only, Word-pasted table, merged header cells, a "Tổng cộng" row

SKHCN = ("Nguyễn Văn An", "skhcn@binhdinh.gov.vn")
SKHCN_GMAIL = ("Nguyễn Văn An", "nguyenvanan.skhcn@gmail.com")
STC = ("Trần Thị Bích Ngọc", "stc@binhdinh.gov.vn")
CAT = ("Lê Minh Tuấn", "pc06.cat@binhdinh.gov.vn")
CAT2 = ("Đầu mối ĐA06 - Công an tỉnh", "daumoi.de06@congan.binhdinh.gov.vn")
VPUB = ("Phạm Thị Hồng Nhung", "vpub@binhdinh.gov.vn")
SNV = ("Võ Thanh Hải", "snv@binhdinh.gov.vn")
SYT = ("Huỳnh Thị Mai", "syt@binhdinh.gov.vn")
SXD = ("Ngô Văn Bình", "sxd@binhdinh.gov.vn")
XA = ("Lê Thị Thanh - VP UBND xã", "vanphong.xa@binhdinh.gov.vn")
XTP = ("UBND xã Tuy Phước", "tuyphuoc@binhdinh.gov.vn")
XPC = ("UBND xã Phù Cát", "phucat@binhdinh.gov.vn")
DHQN = ("Trương Văn Long", "khcn@qnu.edu.vn")

SIG_SKHCN = ["Nguyễn Văn An", "Văn phòng Sở Khoa học và Công nghệ tỉnh Bình Định",
             "Điện thoại: 0256.3821.446 – Di động: 0905.214.377"]


@case
def f001():
    cid, rec = "F001", at(2, 15, 20)
    subject = "Báo cáo tiến độ ngày 02/11/2026 - Sở KH&CN"
    W = [34, 52, 170, 86, 60, 170, 130, 130]
    hb = dict(b=True, al="center")
    rows = [
        [{"t": "TT", "rs": 2, **hb}, {"t": "Mã NV", "rs": 2, **hb}, {"t": "Nhiệm vụ", "rs": 2, **hb},
         {"t": "Kết quả thực hiện", "cs": 3, **hb},
         {"t": "Khó khăn, vướng mắc", "rs": 2, **hb}, {"t": "Đề xuất, kiến nghị", "rs": 2, **hb}],
        [{"t": "Tình trạng", **hb}, {"t": "Tiến độ (%)", "segs": ["Tiến ", "độ (%)"], **hb}, {"t": "Kết quả", **hb}],
        [{"t": "1", "al": "center"}, "NV01", "Xây dựng kế hoạch triển khai Nghị quyết 57-NQ/TW của tỉnh",
         {"t": "Đang thực hiện", "segs": ["Đang thực ", "hiện"]}, {"t": "75", "al": "center"},
         "Đã hoàn thiện dự thảo lần 3, gửi xin ý kiến các sở, ngành",
         "Một số sở, ngành chưa gửi ý kiến góp ý", "Đề nghị Văn phòng UBND tỉnh đôn đốc các sở, ngành"],
        [{"t": "2", "al": "center"}, "NV02", "Rà soát cơ chế hỗ trợ doanh nghiệp khởi nghiệp đổi mới sáng tạo",
         "Đang thực hiện", {"t": "40", "al": "center"}, "Đã tổng hợp, rà soát 18/25 văn bản", "Không", ""],
        [{"t": "3", "al": "center"}, "NV03", "Xây dựng sàn giao dịch công nghệ tỉnh",
         "Chưa thực hiện", {"t": "0", "al": "center"}, "Chờ bố trí kinh phí",
         "Chưa được bố trí kinh phí năm 2026", "Đề nghị Sở Tài chính tham mưu bố trí kinh phí"],
        [{"t": "Tổng cộng: 03 nhiệm vụ", "cs": 3, "b": True}, "", {"t": "38,3", "al": "center", "b": True},
         "", "", ""],
    ]
    body = (WORD_HEAD
            + wp("Kính gửi: Tổ công tác của Chủ tịch UBND tỉnh.", size=13) + wp()
            + wp("Sở Khoa học và Công nghệ báo cáo tiến độ thực hiện nhiệm vụ ngày 02/11/2026 như sau:", size=13)
            + wp() + wtable(rows, W) + wp()
            + wp("Trân trọng./.", size=13) + wp() + outlook_sig(SIG_SKHCN) + wp() + WORD_TAIL)
    msg = envelope(cid, SKHCN, subject, rec, extra=outlook_headers(cid, subject))
    msg.set_content(body, subtype="html", cte="quoted-printable")
    exp = expected("Văn phòng Sở KH&CN, Outlook chỉ gửi HTML: bảng dán từ Word, tiêu đề gộp ô (Kết quả thực hiện "
                   "trên 3 cột), mỗi dòng một mã nhiệm vụ, dòng Tổng cộng cuối bảng", rec, [
                       rep("SKHCN", "daily", "2026-11-02", {
                           "NV01": T("in_progress", 75, difficulties="chưa gửi ý kiến", result="dự thảo lần 3"),
                           "NV02": T("in_progress", 40),
                           "NV03": T("not_started", 0, difficulties="kinh phí"),
                       })])
    return cid, "outlook_word_table_merged_header", msg, exp


# =============================================================================================
# F002 – Outlook HTML-only, nested tables, rows named by title only, group rows I./II.

@case
def f002():
    cid, rec = "F002", at(6, 16, 10)
    subject = "Báo cáo tuần 45/2026 (02/11 - 06/11) - Sở Khoa học và Công nghệ"
    W = [40, 210, 90, 60, 190, 130, 130]
    hb = dict(b=True, al="center")
    mini = ("<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'>"
            "<tr><td width=90 style='border:solid windowtext 1.0pt;padding:0in 5.4pt'>" + wp("Đã rà soát", size=11)
            + "</td><td width=70 style='border:solid windowtext 1.0pt;border-left:none;padding:0in 5.4pt'>"
            + wp("18 văn bản", size=11) + "</td></tr>"
            "<tr><td width=90 style='border:solid windowtext 1.0pt;border-top:none;padding:0in 5.4pt'>" + wp("Còn lại", size=11)
            + "</td><td width=70 style='border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;"
              "border-right:solid windowtext 1.0pt;padding:0in 5.4pt'>" + wp("7 văn bản", size=11) + "</td></tr></table>"
            + wp("Đang xây dựng báo cáo đánh giá cơ chế hiện hành", size=12))
    rows = [
        [{"t": "STT", **hb}, {"t": "Nội dung nhiệm vụ", **hb}, {"t": "Tình trạng", **hb}, {"t": "Tiến độ", **hb},
         {"t": "Kết quả thực hiện", **hb}, {"t": "Khó khăn, vướng mắc", **hb}, {"t": "Đề xuất, kiến nghị", **hb}],
        [{"t": "I", "b": True, "al": "center"}, {"t": "NHIỆM VỤ CHỦ TRÌ", "cs": 6, "b": True}],
        [{"t": "1", "al": "center"}, TITLES["NV01"], "Đang thực hiện", {"t": "80%", "al": "center"},
         "Đã tiếp thu ý kiến góp ý của 14/16 sở, ngành; hoàn thiện dự thảo lần 4",
         "02 sở, ngành chưa có ý kiến", "Đề nghị Văn phòng UBND tỉnh đôn đốc"],
        [{"t": "2", "al": "center"}, TITLES["NV02"], "Đang thực hiện", {"t": "45%", "al": "center"},
         {"raw": mini}, "Không", ""],
        [{"t": "3", "al": "center"}, TITLES["NV03"], "Chưa thực hiện", {"t": "0%", "al": "center"},
         "Chờ bố trí kinh phí năm 2027", "Chưa được bố trí kinh phí",
         "Đề nghị Sở Tài chính xem xét bố trí trong dự toán năm 2027"],
        [{"t": "II", "b": True, "al": "center"}, {"t": "NHIỆM VỤ PHỐI HỢP", "cs": 6, "b": True}],
        [{"t": "1", "al": "center"}, TITLES["NV04"] + " (Sở Tài chính chủ trì)", "Đang thực hiện", "",
         "Đã gửi Sở Tài chính dự toán chi tiết ngày 04/11/2026", "", ""],
    ]
    inner = (wp("BÁO CÁO TUẦN", b=True, align="center", size=14)
             + wp("Tình hình thực hiện nhiệm vụ theo Quyết định số 1841-QĐ/TU", b=True, align="center")
             + wp("(Từ ngày 02/11/2026 đến ngày 06/11/2026)", i=True, align="center") + wp()
             + wtable(rows, W) + wp())
    outer = ("<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 width=\"100%\" style='width:100.0%'>"
             f"<tr><td style='padding:0in 0in 0in 0in'>{inner}</td></tr></table>")
    body = (WORD_HEAD + wp("Kính gửi Tổ công tác,", size=13) + wp()
            + wp("Sở KH&CN gửi báo cáo tuần 45 như dưới đây ạ.", size=13) + wp()
            + outer + wp() + wp("Trân trọng.", size=13) + outlook_sig(SIG_SKHCN) + WORD_TAIL)
    msg = envelope(cid, SKHCN, subject, rec, extra=outlook_headers(cid, subject))
    msg.set_content(body, subtype="html", cte="quoted-printable")
    exp = expected("Sở KH&CN, Outlook HTML-only: bảng lồng trong bảng khung, dòng nhóm I. NHIỆM VỤ CHỦ TRÌ / "
                   "II. NHIỆM VỤ PHỐI HỢP, các dòng chỉ ghi tên nhiệm vụ (không mã), STT đánh lại từ 1 ở mỗi nhóm, "
                   "một ô kết quả chứa bảng con", rec, [
                       rep("SKHCN", "weekly", "2026-W45", {
                           "NV01": T("in_progress", 80, result="dự thảo lần 4"),
                           "NV02": T("in_progress", 45),
                           "NV03": T("not_started", 0),
                           "NV04": T("in_progress", None),
                       })])
    return cid, "outlook_nested_tables_titles_groups", msg, exp


# =============================================================================================
# F003 – Gmail multipart/alternative: the HTML has the table, the plain part is a degraded copy

def gmail_table_html(rows: list[list[str]]) -> str:
    out = ['<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none"><tbody>']
    for r, row in enumerate(rows):
        out.append("<tr>")
        for c, v in enumerate(row):
            bt = "1pt solid windowtext" if r == 0 else "none"
            bl = "1pt solid windowtext" if c == 0 else "none"
            cell = h(v) or "&nbsp;"
            if r == 0:
                cell = f"<b>{cell}</b>"
            out.append(f'<td valign="top" style="border-top:{bt};border-left:{bl};border-bottom:1pt solid windowtext;'
                       f'border-right:1pt solid windowtext;padding:0in 5.4pt"><p class="MsoNormal" style="margin:0in;'
                       f'font-size:11pt;font-family:Calibri,sans-serif"><span style="font-size:13pt;font-family:'
                       f'&quot;Times New Roman&quot;,serif">{cell}</span></p></td>')
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def gmail_table_plain(rows: list[list[str]]) -> str:
    out = []
    for r, row in enumerate(rows):
        for v in row:
            out.append(f"*{v}*" if r == 0 and v else v)
            out.append("")
    return "\n".join(out).rstrip() + "\n"


@case
def f003():
    cid, rec = "F003", at(3, 16, 2)
    subject = "BC ngày 03/11/2026 - Sở KHCN"
    rows = [["TT", "Mã NV", "Tình trạng", "Tiến độ (%)", "Kết quả", "Khó khăn, vướng mắc"],
            ["1", "NV01", "Đang thực hiện", "76", "Tổng hợp ý kiến góp ý dự thảo lần 3", "-"],
            ["2", "NV02", "Đang thực hiện", "42", "Rà soát thêm 2 văn bản (lũy kế 20/25)", "-"],
            ["3", "NV03", "Chưa triển khai", "-", "Chờ kinh phí", "Chưa được bố trí kinh phí"]]
    intro = "Dạ kính gửi Tổ công tác,\nSở KH&CN báo cáo tiến độ ngày 03/11/2026 ạ:\n"
    sig = "-- \nNguyễn Văn An\nVăn phòng Sở KH&CN Bình Định\nĐT: 0905.214.377"
    plain = intro + "\n" + gmail_table_plain(rows) + "\nEm cảm ơn ạ.\n\n" + sig + "\n"
    htm = ('<div dir="ltr"><div>Dạ kính gửi Tổ công tác,</div><div>Sở KH&amp;CN báo cáo tiến độ ngày 03/11/2026 ạ:</div>'
           '<div><br></div>' + gmail_table_html(rows) + '<div><br></div><div>Em cảm ơn ạ.</div><br clear="all"><div><br></div>'
           '<span class="gmail_signature_prefix">-- </span><br><div dir="ltr" class="gmail_signature" '
           'data-smartmail="gmail_signature"><div dir="ltr">Nguyễn Văn An<div>Văn phòng Sở KH&amp;CN Bình Định</div>'
           '<div>ĐT: 0905.214.377</div></div></div></div>\n')
    msg = envelope(cid, SKHCN_GMAIL, subject, rec, mid_style="gmail")
    msg.set_content(plain, cte="quoted-printable")
    msg.add_alternative(htm, subtype="html", cte="quoted-printable")
    set_boundaries(msg, cid, "gmail")
    exp = expected("Đầu mối Sở KH&CN gửi từ Gmail cá nhân: bảng dán từ Word trong phần HTML; phần text/plain Gmail tự "
                   "sinh là bản hỏng (mỗi ô một dòng, tiêu đề in đậm bằng dấu *); một ô tiến độ chỉ có '-'", rec, [
                       rep("SKHCN", "daily", "2026-11-03", {
                           "NV01": T("in_progress", 76),
                           "NV02": T("in_progress", 42),
                           "NV03": T("not_started", None),
                       })])
    return cid, "gmail_alternative_degraded_plain", msg, exp


# =============================================================================================
# F004 – Zimbra HTML reply to the 14:30 reminder, quoted under <hr id="zwchr">

def zimbra_html(top_html: str, quoted_hdr: list[tuple[str, str]] | None = None, quoted_html: str = "") -> str:
    out = ('<html><body><div style="font-family: times new roman, new york, times, serif; font-size: 12pt; '
           'color: #000000">' + top_html)
    if quoted_hdr is not None:
        out += ('<div><br></div><hr id="zwchr"><div data-marker="__HEADERS__"><b>' +
                "<br><b>".join(f"{h(k)}: </b>{h(v)}" for k, v in quoted_hdr) +
                '<br></div><div><br></div><div data-marker="__QUOTED_TEXT__">' + quoted_html + "</div>")
    return out + "</div></body></html>"


def zimbra_plain(top: str, marker: str | None = None, quoted_hdr: list[tuple[str, str]] | None = None,
                 quoted: str = "") -> str:
    out = top.rstrip("\n") + "\n"
    if quoted_hdr is not None:
        out += f"\n----- {marker} -----\n" + "".join(f"{k}: {v}\n" for k, v in quoted_hdr) + "\n" + quoted.rstrip("\n") + "\n"
    return out


@case
def f004():
    cid, rec = "F004", at(4, 15, 55)
    rem_at = at(4, 14, 30, 2)
    rem_subject = "[Nhắc báo cáo] CA tỉnh: chưa có báo cáo ngày – hạn 16:30 04/11/2026"
    subject = "Re: " + rem_subject
    rem = reminder("CAT", "Lê Minh Tuấn", "Công an tỉnh", "Ngày", "04/11/2026", "16:30 04/11/2026",
                   "14:30 04/11/2026", [("NV05", "Đang thực hiện", 80, "Lũy kế làm sạch 80% dữ liệu"),
                                        ("NV06", "Đang thực hiện", 61, "Lũy kế kích hoạt 978.402 tài khoản")])
    top = """Đơn vị: CAT
Loại báo cáo: Ngày
Kỳ báo cáo: 04/11/2026

Tình hình chung: Tiếp tục đối soát dữ liệu dân cư với dữ liệu ngành bảo hiểm xã hội.

Nhiệm vụ: NV05 – Làm sạch dữ liệu dân cư phục vụ Đề án 06
Tình trạng: Đang thực hiện
Tiến độ: 82%
Kết quả: Đã làm sạch thêm 4.215 trường hợp; lũy kế đạt 82% dữ liệu.
Khó khăn, vướng mắc: Dữ liệu hộ tịch giấy tại một số xã chưa được số hóa.
Đề xuất, kiến nghị: Đề nghị Sở Tư pháp đẩy nhanh số hóa sổ hộ tịch.

Nhiệm vụ: NV06 – Cấp tài khoản định danh điện tử mức độ 2 cho người dân
Tình trạng: Đang thực hiện
Tiến độ: 64%
Kết quả: Lũy kế đã kích hoạt 1.024.315 tài khoản mức độ 2.
Khó khăn, vướng mắc: Không
Đề xuất, kiến nghị:

--
Lê Minh Tuấn
Phòng PC06 - Công an tỉnh Bình Định"""
    qh = [("Từ", f'"{US_NAME}" <{US}>'), ("Tới", "pc06.cat@binhdinh.gov.vn"), ("Đã gửi", zimbra_sent(rem_at)),
          ("Chủ đề", rem_subject)]
    rem_mid = f"<reminder.CAT.2026-11-04.1430.{hid(cid, 'rem', n=8)}@baocao.binhdinh.gov.vn>"
    msg = envelope(cid, CAT, subject, rec, mid_style="zimbra", in_reply_to=rem_mid, references=[rem_mid],
                   extra=zimbra_headers(cid, rem_subject))
    msg.set_content(zimbra_plain(top, "Thư gốc", qh, rem), cte="quoted-printable")
    msg.add_alternative(zimbra_html(text_to_divs(top), qh, text_to_divs(rem)), subtype="html", cte="quoted-printable")
    set_boundaries(msg, cid, "zimbra")
    exp = expected("Công an tỉnh trả lời thư nhắc 14:30 bằng Zimbra web: mẫu đã sửa chép lên đầu thư; thư nhắc (còn số "
                   "liệu cũ 80% / 61%) nằm dưới <hr id=\"zwchr\"> và '----- Thư gốc -----'", rec, [
                       rep("CAT", "daily", "2026-11-04", {
                           "NV05": T("in_progress", 82, difficulties="hộ tịch"),
                           "NV06": T("in_progress", 64),
                       })])
    return cid, "zimbra_reply_to_reminder_zwchr", msg, exp


# =============================================================================================
# F005 – Apple Mail, everything in NFD (decomposed Vietnamese)

@case
def f005():
    cid, rec = "F005", at(5, 16, 12)
    nfd = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731
    subject = nfd("Báo cáo ngày 05/11/2026 – Sở Y tế")
    text = """Kính gửi Tổ công tác,

Sở Y tế báo cáo tiến độ nhiệm vụ ngày 05/11/2026 như sau:

1. Nhiệm vụ NV09 – Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh: đang triển khai, đã có 7/10 bệnh viện vận hành bệnh án điện tử (đạt 70%).
- Khó khăn: Bệnh viện Lao và Bệnh phổi chưa có hạ tầng máy chủ, đường truyền chưa đáp ứng.
- Đề xuất: Đề nghị Sở KH&CN hỗ trợ thẩm định phương án thuê hạ tầng.

2. Phối hợp Công an tỉnh (NV05): đã đối soát 12.400 hồ sơ khám chữa bệnh có số định danh cá nhân, gửi Công an tỉnh ngày 04/11.

Trân trọng,
Huỳnh Thị Mai
Phòng Nghiệp vụ Y – Sở Y tế Bình Định
"""
    text = nfd(text)
    paras = text.rstrip("\n").split("\n")
    htm = ('<html aria-label="message body"><head><meta http-equiv="content-type" content="text/html; charset=utf-8">'
           '</head><body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">'
           + h(paras[0]) + "".join(f"<div>{h(p) if p else '<br>'}</div>" for p in paras[1:]) + "</body></html>")
    msg = envelope(cid, SYT, subject, rec, mid_style="apple",
                   extra=[("X-Mailer", "Apple Mail (2.3826.400.131.1.6)")])
    msg.set_content(text, cte="quoted-printable")
    msg.add_alternative(htm, subtype="html", cte="quoted-printable")
    set_boundaries(msg, cid, "apple")
    exp = expected("Sở Y tế gửi từ Apple Mail trên máy Mac: toàn bộ chữ (cả tiêu đề) ở dạng NFD tổ hợp; đoạn văn "
                   "theo số thứ tự, NV09 có '7/10 bệnh viện (đạt 70%)', NV05 chỉ nêu kết quả phối hợp", rec, [
                       rep("SYT", "daily", "2026-11-05", {
                           "NV09": T("in_progress", 70, difficulties="máy chủ"),
                           "NV05": T(None, None),
                       })])
    return cid, "apple_mail_nfd", msg, exp


# =============================================================================================
# F006 – .xlsx whose header row is row 3, under a title row and a unit/date row

@case
def f006():
    cid, rec = "F006", at(9, 10, 45)
    subject = "Báo cáo tiến độ nhiệm vụ ngày 09/11/2026 - Sở Tài chính"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws["A1"] = "BÁO CÁO TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ THEO QUYẾT ĐỊNH 1841-QĐ/TU"
    ws["A1"].font = Font(name="Times New Roman", size=14, bold=True)
    ws.merge_cells("A1:H1")
    ws["A1"].alignment = Alignment(horizontal="center")
    ws["A2"] = "Đơn vị: Sở Tài chính - Ngày báo cáo: 09/11/2026"
    ws["A2"].font = Font(name="Times New Roman", size=12, italic=True)
    ws.merge_cells("A2:H2")
    ws["A2"].alignment = Alignment(horizontal="center")
    sheet_rows(ws, 3, [
        ["STT", "Mã nhiệm vụ", "Tên nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Kết quả", "Khó khăn, vướng mắc",
         "Đề xuất, kiến nghị"],
        [1, "NV04", TITLES["NV04"], "Đang thực hiện", 85, "Đã trình UBND tỉnh phương án phân bổ kinh phí đợt 1",
         "Một số đơn vị chưa gửi dự toán chi tiết", "Đề nghị các đơn vị gửi dự toán trước ngày 12/11/2026"],
        [2, "NV01", TITLES["NV01"] + " (phối hợp)", "Đang thực hiện", None,
         "Đã có ý kiến góp ý dự thảo kế hoạch lần 3", None, None],
        [3, "NV02", TITLES["NV02"] + " (phối hợp)", "Đang thực hiện", None,
         "Đang cho ý kiến về cơ chế tài chính hỗ trợ", None, None],
    ], widths=[6, 12, 42, 16, 11, 40, 30, 30])
    ws["F8"] = "Người lập biểu"
    ws["F9"] = "Trần Thị Bích Ngọc"
    data = xlsx_bytes(wb, "Tran Thi Bich Ngoc")
    plain = ("Kính gửi Tổ công tác,\n\nSở Tài chính gửi báo cáo tiến độ ngày 09/11/2026 theo file đính kèm.\n\n"
             "Trân trọng.\nTrần Thị Bích Ngọc\nVăn phòng Sở Tài chính\n")
    htm = (WORD_HEAD + wp("Kính gửi Tổ công tác,", size=12) + wp()
           + wp("Sở Tài chính gửi báo cáo tiến độ ngày 09/11/2026 theo file đính kèm.", size=12) + wp()
           + wp("Trân trọng.", size=12) + outlook_sig(["Trần Thị Bích Ngọc", "Văn phòng Sở Tài chính"]) + WORD_TAIL)
    msg = envelope(cid, STC, subject, rec, extra=outlook_headers(cid, subject, attach=True))
    msg.set_content(plain, cte="quoted-printable")
    msg.add_alternative(htm, subtype="html", cte="quoted-printable")
    attach(msg, data, XLSX, "BC_STC_09.11.2026.xlsx")
    set_boundaries(msg, cid, "outlook")
    exp = expected("Sở Tài chính, Outlook, file .xlsx tự lập: dòng 1 là tiêu đề gộp ô, dòng 2 'Đơn vị … Ngày báo "
                   "cáo', dòng tiêu đề cột ở dòng 3; hai nhiệm vụ phối hợp để trống tiến độ; chữ ký người lập biểu "
                   "dưới bảng", rec, [
                       rep("STC", "daily", "2026-11-09", {
                           "NV04": T("in_progress", 85, difficulties="dự toán chi tiết"),
                           "NV01": T("in_progress", None),
                           "NV02": T("in_progress", None),
                       })])
    return cid, "xlsx_header_on_row3", msg, exp


# =============================================================================================
# F007 – .xlsx with two sheets: details, then a summary whose header also says "Tình trạng"

@case
def f007():
    cid, rec = "F007", at(13, 15, 40)
    subject = "Báo cáo tuần 46 - Sở KH&CN"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chi tiết"
    sheet_rows(ws, 1, [
        ["Mã nhiệm vụ", "Tên nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Kết quả", "Khó khăn, vướng mắc",
         "Đề xuất, kiến nghị", "Ghi chú"],
        ["NV01", TITLES["NV01"], "Đang thực hiện", 85, "Hoàn thiện dự thảo lần 4, trình lãnh đạo Sở cho ý kiến",
         None, None, None],
        ["NV02", TITLES["NV02"], "Đang thực hiện", 50,
         "Hoàn thành rà soát 25/25 văn bản; đang xây dựng báo cáo đánh giá", None, None, None],
        ["NV03", TITLES["NV03"], "Đang thực hiện", 10, "Đã xây dựng đề cương sàn giao dịch công nghệ",
         "Chưa có kinh phí triển khai", "Đề nghị Sở Tài chính bố trí kinh phí", None],
    ], widths=[12, 45, 16, 11, 45, 28, 28, 14])
    ws2 = wb.create_sheet("Tổng hợp")
    ws2["A1"] = "TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ TUẦN 46/2026"
    ws2["A1"].font = Font(name="Times New Roman", size=13, bold=True)
    ws2.merge_cells("A1:C1")
    sheet_rows(ws2, 3, [["Tình trạng", "Số nhiệm vụ", "Tỷ lệ (%)"],
                        ["Hoàn thành", 0, 0],
                        ["Đang thực hiện", 3, 100],
                        ["Chưa thực hiện", 0, 0],
                        ["Tổng cộng", 3, 100]], widths=[22, 14, 12])
    ws2["A9"] = "Tiến độ bình quân (%)"
    ws2["B9"] = 48.3
    data = xlsx_bytes(wb, "Nguyen Van An")
    plain = ("Kính gửi Tổ công tác,\n\nSở KH&CN gửi báo cáo tuần 46 (từ 09/11 đến 13/11/2026), chi tiết tại file đính "
             "kèm (sheet Chi tiết; sheet Tổng hợp để theo dõi chung).\n\nTrân trọng.\n\n" + "\n".join(SIG_SKHCN) + "\n")
    htm = (WORD_HEAD + wp("Kính gửi Tổ công tác,", size=12) + wp()
           + wp("Sở KH&CN gửi báo cáo tuần 46 (từ 09/11 đến 13/11/2026), chi tiết tại file đính kèm (sheet Chi tiết; "
                "sheet Tổng hợp để theo dõi chung).", size=12) + wp() + wp("Trân trọng.", size=12) + wp()
           + outlook_sig(SIG_SKHCN) + WORD_TAIL)
    msg = envelope(cid, SKHCN, subject, rec, extra=outlook_headers(cid, subject, attach=True))
    msg.set_content(plain, cte="quoted-printable")
    msg.add_alternative(htm, subtype="html", cte="quoted-printable")
    attach(msg, data, XLSX, "BC_tuan46_SKHCN.xlsx")
    set_boundaries(msg, cid, "outlook")
    exp = expected("Sở KH&CN gửi báo cáo tuần bằng file .xlsx hai sheet: 'Chi tiết' (mẫu chuẩn) và 'Tổng hợp' (bảng "
                   "đếm theo Tình trạng, có dòng Tổng cộng và công thức bình quân) – sheet tổng hợp không phải nhiệm vụ",
                   rec, [
                       rep("SKHCN", "weekly", "2026-W46", {
                           "NV01": T("in_progress", 85),
                           "NV02": T("in_progress", 50, result="25/25"),
                           "NV03": T("in_progress", 10, difficulties="kinh phí"),
                       })])
    return cid, "xlsx_two_sheets_summary", msg, exp


# =============================================================================================
# F008 – .csv with ';' separators exported by Excel in windows-1258

@case
def f008():
    cid, rec = "F008", at(10, 16, 20)
    subject = "Báo cáo ngày 10/11/2026 - VP UBND tỉnh"
    lines = [
        "Mã nhiệm vụ;Tên nhiệm vụ;Tình trạng;Tiến độ (%);Kết quả;Khó khăn, vướng mắc;Đề xuất, kiến nghị;Ghi chú",
        f'NV07;{TITLES["NV07"]};Đang thực hiện;62,5;"Đã rà soát 125/200 TTHC; trình Chủ tịch UBND tỉnh danh mục đợt 1";'
        'Một số sở chưa gửi kết quả rà soát;Đề nghị các sở gửi kết quả trước ngày 15/11/2026;',
        f"NV01;{TITLES['NV01']};Đang thực hiện;;Đã có ý kiến thẩm tra dự thảo lần 3;;;Phối hợp",
        ";;;;;;;",
    ]
    data = cp1258("\r\n".join(lines) + "\r\n")
    plain = ("Kính gửi Tổ công tác.\r\n\r\nVăn phòng UBND tỉnh gửi báo cáo ngày 10/11/2026 theo file đính kèm.\r\n\r\n"
             "Phạm Thị Hồng Nhung\r\nPhòng Kiểm soát TTHC - Văn phòng UBND tỉnh\r\n").replace("\r\n", "\n")
    htm = (WORD_HEAD + wp("Kính gửi Tổ công tác.", size=12) + wp()
           + wp("Văn phòng UBND tỉnh gửi báo cáo ngày 10/11/2026 theo file đính kèm.", size=12) + wp()
           + outlook_sig(["Phạm Thị Hồng Nhung", "Phòng Kiểm soát TTHC - Văn phòng UBND tỉnh"]) + WORD_TAIL)
    msg = envelope(cid, VPUB, subject, rec, extra=outlook_headers(cid, subject, attach=True))
    msg.set_content(plain, cte="quoted-printable")
    msg.add_alternative(htm, subtype="html", cte="quoted-printable")
    msg.add_attachment(data, maintype="application", subtype="vnd.ms-excel", filename="BaoCao_VPUB_10112026.csv")
    set_boundaries(msg, cid, "outlook")
    exp = expected("Văn phòng UBND tỉnh đính kèm .csv do Excel (Windows tiếng Việt) xuất: dấu ';', mã hóa "
                   "windows-1258 (dấu thanh tổ hợp), số thập phân dấu phẩy '62,5', ô có ';' được đặt trong ngoặc kép, "
                   "dòng trống ';;;;;;;' cuối file", rec, [
                       rep("VPUB", "daily", "2026-11-10", {
                           "NV07": T("in_progress", 62.5, result="125/200"),
                           "NV01": T("in_progress", None),
                       })])
    return cid, "csv_semicolon_cp1258", msg, exp


# =============================================================================================
# F009 – .docx: official header (a layout table), paragraphs per task, a coordination table

@case
def f009():
    cid, rec = "F009", at(30, 15, 30)
    subject = "Báo cáo tháng 11/2026 - Sở Nội vụ (Báo cáo số 512/BC-SNV)"
    doc = docx.Document()
    official_header(doc, ["UBND TỈNH BÌNH ĐỊNH", "SỞ NỘI VỤ", "Số: 512/BC-SNV"],
                    ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Bình Định, ngày 30 tháng 11 năm 2026"])
    dpara(doc, "")
    dpara(doc, "BÁO CÁO", b=True, center=True, size=14)
    dpara(doc, "Kết quả thực hiện nhiệm vụ chuyển đổi số, Đề án 06 tháng 11 năm 2026", b=True, center=True)
    dpara(doc, "Thực hiện Quyết định số 1841-QĐ/TU ngày 15/5/2025 của Ban Thường vụ Tỉnh ủy, Sở Nội vụ báo cáo kết "
               "quả thực hiện nhiệm vụ tháng 11 năm 2026 như sau:")
    dpara(doc, "I. TÌNH HÌNH CHUNG", b=True)
    dpara(doc, "Sở đã tập trung chỉ đạo cập nhật cơ sở dữ liệu cán bộ, công chức, viên chức; phối hợp các đơn vị "
               "triển khai chữ ký số và làm sạch dữ liệu dân cư.")
    dpara(doc, "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ", b=True)
    dpara(doc, "1. Nhiệm vụ chủ trì", b=True)
    dpara(doc, "Nhiệm vụ NV08 - Xây dựng cơ sở dữ liệu cán bộ, công chức, viên chức: đang thực hiện, đạt khoảng 70%. "
               "Đến ngày 30/11/2026 đã cập nhật 8.450/12.000 hồ sơ; 18/21 cơ quan, đơn vị đã đồng bộ dữ liệu.")
    dpara(doc, "2. Nhiệm vụ phối hợp", b=True)
    dtable(doc, [
        ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Tình trạng", "Tiến độ", "Kết quả phối hợp"],
        ["1", TITLES["NV05"], "Công an tỉnh", "Đang thực hiện", "—",
         "Đã chuẩn hóa thông tin 3.200 cán bộ, công chức theo số định danh cá nhân"],
        ["2", TITLES["NV12"], "UBND xã Tuy Phước", "Đang thực hiện", "—",
         "Đã thẩm định danh sách 40 cán bộ đề nghị cấp chứng thư số"],
        ["3", TITLES["NV14"], "UBND xã Phù Cát", "Hoàn thành", "",
         "Đã hoàn thành hướng dẫn, 42/42 cán bộ được cấp chứng thư số"],
    ])
    dpara(doc, "III. KHÓ KHĂN, VƯỚNG MẮC", b=True)
    dpara(doc, "- Kinh phí số hóa hồ sơ giấy của cán bộ, công chức cấp xã chưa được bố trí.")
    dpara(doc, "IV. ĐỀ XUẤT, KIẾN NGHỊ", b=True)
    dpara(doc, "- Đề nghị Sở Tài chính tham mưu bố trí kinh phí số hóa hồ sơ năm 2027.")
    dpara(doc, "")
    dpara(doc, "Nơi nhận:", b=True, size=12)
    dpara(doc, "- Tổ công tác của Chủ tịch UBND tỉnh;", size=11)
    dpara(doc, "- Lưu: VT, CCVC.", size=11)
    dpara(doc, "KT. GIÁM ĐỐC", b=True, center=True)
    dpara(doc, "PHÓ GIÁM ĐỐC", b=True, center=True)
    dpara(doc, "Võ Thanh Hải", b=True, center=True)
    data = docx_bytes(doc, "Vo Thanh Hai")
    plain = ("Kính gửi Tổ công tác của Chủ tịch UBND tỉnh,\n\nSở Nội vụ gửi Báo cáo số 512/BC-SNV ngày 30/11/2026 về "
             "kết quả thực hiện nhiệm vụ tháng 11/2026 (file đính kèm).\n\nTrân trọng./.\n\nVõ Thanh Hải\nSở Nội vụ tỉnh Bình Định\n")
    msg = envelope(cid, SNV, subject, rec, mid_style="zimbra", extra=zimbra_headers(cid, subject))
    msg.set_content(plain, cte="quoted-printable")
    msg.add_alternative(zimbra_html(text_to_divs(plain.rstrip("\n"))), subtype="html", cte="quoted-printable")
    attach(msg, data, DOCX, "512-BC-SNV_bao cao thang 11.docx")
    set_boundaries(msg, cid, "zimbra")
    exp = expected("Sở Nội vụ gửi báo cáo tháng bằng .docx theo thể thức Nghị định 30: phần đầu là bảng hai cột không "
                   "viền (tên cơ quan / quốc hiệu, 'Số: 512/BC-SNV', 'ngày 30 tháng 11'), NV08 viết thành đoạn văn, các "
                   "nhiệm vụ phối hợp trong bảng ghi tên (không mã) kèm cột 'Đơn vị chủ trì' – hai dòng cùng tên "
                   "'Triển khai chữ ký số cho cán bộ cấp xã' được phân biệt bằng đơn vị chủ trì (NV12 Tuy Phước, NV14 "
                   "Phù Cát)", rec, [
                       rep("SNV", "monthly", "2026-11", {
                           "NV08": T("in_progress", 70),
                           "NV05": T("in_progress", None),
                           "NV12": T("in_progress", None),
                           "NV14": T("completed", 100),
                       })])
    return cid, "docx_official_paragraphs_table", msg, exp


# =============================================================================================
# F010 – .docx plus a .pdf copy of the same report

@case
def f010():
    cid, rec = "F010", at(20, 16, 25)
    subject = "Báo cáo tuần 47/2026 - Sở Xây dựng"
    doc = docx.Document()
    official_header(doc, ["UBND TỈNH BÌNH ĐỊNH", "SỞ XÂY DỰNG", "Số: 1187/BC-SXD"],
                    ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Bình Định, ngày 20 tháng 11 năm 2026"])
    dpara(doc, "")
    dpara(doc, "BÁO CÁO", b=True, center=True, size=14)
    dpara(doc, "Tiến độ thực hiện nhiệm vụ chuyển đổi số tuần 47 năm 2026", b=True, center=True)
    dpara(doc, "(từ ngày 16/11/2026 đến ngày 20/11/2026)", i=True, center=True)
    dpara(doc, "1. Nhiệm vụ: Số hóa dữ liệu hạ tầng giao thông và lắp camera giám sát các nút giao (NV10)", b=True)
    dpara(doc, "- Tình trạng: Đang thực hiện")
    dpara(doc, "- Tiến độ: 60%")
    dpara(doc, "- Kết quả: Đã lắp đặt camera tại 12/20 nút giao; số hóa xong dữ liệu 35/42 tuyến đường tỉnh.")
    dpara(doc, "- Khó khăn, vướng mắc: Nhà thầu chậm bàn giao thiết bị đợt 2.")
    dpara(doc, "- Đề xuất, kiến nghị: Đề nghị Công an tỉnh phối hợp kết nối dữ liệu camera về Trung tâm chỉ huy.")
    dpara(doc, "Bảng tổng hợp khối lượng:", i=True)
    dtable(doc, [["Hạng mục", "Kế hoạch", "Đã thực hiện", "Tỷ lệ (%)"],
                 ["Lắp camera giám sát nút giao", "20", "12", "60"],
                 ["Số hóa dữ liệu tuyến đường tỉnh", "42", "35", "83,3"]])
    dpara(doc, "")
    dpara(doc, "KT. GIÁM ĐỐC", b=True, center=True)
    dpara(doc, "PHÓ GIÁM ĐỐC", b=True, center=True)
    data = docx_bytes(doc, "SXD")
    pdf = pdf_bytes(["UBND TINH BINH DINH - SO XAY DUNG", "So: 1187/BC-SXD", "BAO CAO",
                     "Tien do thuc hien nhiem vu chuyen doi so tuan 47 nam 2026", "(ban scan co chu ky so)"])
    plain = ("Kính gửi Tổ công tác,\n\nSở Xây dựng gửi báo cáo tuần 47/2026 (bản Word để tổng hợp và bản PDF đã ký số).\n\n"
             "Trân trọng.\nNgô Văn Bình\nVăn phòng Sở Xây dựng\n")
    htm = (WORD_HEAD + wp("Kính gửi Tổ công tác,", size=12) + wp()
           + wp("Sở Xây dựng gửi báo cáo tuần 47/2026 (bản Word để tổng hợp và bản PDF đã ký số).", size=12) + wp()
           + wp("Trân trọng.", size=12) + outlook_sig(["Ngô Văn Bình", "Văn phòng Sở Xây dựng"]) + WORD_TAIL)
    msg = envelope(cid, SXD, subject, rec, extra=outlook_headers(cid, subject, attach=True))
    msg.set_content(plain, cte="quoted-printable")
    msg.add_alternative(htm, subtype="html", cte="quoted-printable")
    attach(msg, data, DOCX, "Báo cáo tuần 47 - SXD.docx")
    attach(msg, pdf, ("application", "pdf"), "Báo cáo tuần 47 - SXD (ký số).pdf")
    set_boundaries(msg, cid, "outlook")
    exp = expected("Sở Xây dựng đính kèm cùng một báo cáo tuần hai lần: .docx (nhãn theo gạch đầu dòng, kèm 'Bảng tổng "
                   "hợp khối lượng' có tỷ lệ 60 và 83,3 của các hạng mục) và bản .pdf ký số (không đọc được bằng chữ)",
                   rec, [
                       rep("SXD", "weekly", "2026-W47", {
                           "NV10": T("in_progress", 60, result="12/20 nút giao", difficulties="thiết bị đợt 2"),
                       })])
    return cid, "docx_plus_pdf_copy", msg, exp


# =============================================================================================
# F011 – long thread: Outlook on the web reply on top; quoted Gmail, then Zimbra, then the oldest

@case
def f011():
    cid, rec = "F011", at(11, 16, 15)
    t3 = at(9, 16, 20, 11)   # CAT's report of 09/11 (Outlook desktop)
    t2 = at(10, 9, 5)        # VPUB answers from Zimbra, quoting it
    t1 = at(10, 15, 30)      # a working-group member answers from Gmail, quoting that
    base_subject = "Báo cáo ngày 09/11/2026 - Công an tỉnh"
    subject = "RE: Re: Re: " + base_subject
    tg = ("Tổ công tác CT UBND tỉnh", "tocongtac.ubndbinhdinh@gmail.com")
    l3 = """Kính gửi Tổ công tác,
Công an tỉnh báo cáo ngày 09/11/2026:

Nhiệm vụ: NV05 – Làm sạch dữ liệu dân cư phục vụ Đề án 06
Tình trạng: Đang thực hiện
Tiến độ: 84%

Nhiệm vụ: NV06 – Cấp tài khoản định danh điện tử mức độ 2 cho người dân
Tình trạng: Đang thực hiện
Tiến độ: 65%

Trân trọng."""
    l2 = """Đề nghị Công an tỉnh kiểm tra lại số liệu NV05: theo Sở Nội vụ, dữ liệu cán bộ công chức đã đối soát mới đạt khoảng 60%, chênh lệch nhiều so với 84% Công an tỉnh báo cáo.

Văn phòng UBND tỉnh"""
    l1 = """Tổ công tác đề nghị Công an tỉnh làm rõ và cập nhật tiến độ NV05 trước 16h30 ngày 11/11/2026.

Trân trọng,
Tổ công tác"""
    top = """Kính gửi Tổ công tác,

Công an tỉnh báo cáo bổ sung ngày 11/11/2026 về nhiệm vụ NV05 như sau:
Tình trạng: Đang thực hiện
Tiến độ: 86%
Kết quả: Số liệu 84% ngày 09/11 là tỷ lệ trên toàn bộ dữ liệu dân cư; riêng nhóm cán bộ, công chức (số liệu Sở Nội vụ nêu) mới đối soát được khoảng 60%. Đến nay tỷ lệ chung đạt 86%.
Khó khăn, vướng mắc: Sở Nội vụ chưa bàn giao đủ dữ liệu cán bộ, công chức cấp xã.
Đề xuất, kiến nghị: Đề nghị Sở Nội vụ bàn giao dữ liệu còn lại trước 15/11/2026.

Trân trọng.
Đội PC06 - Công an tỉnh Bình Định"""
    # ---- plain part, as each client quoted the one before it
    zim_q = ("----- Thư gốc -----\n" f'Từ: "Đầu mối ĐA06 - Công an tỉnh" <{CAT2[1]}>\n' f"Tới: {US}\n"
             f"Cc: vpub@binhdinh.gov.vn\nĐã gửi: {zimbra_sent(t3)}\nChủ đề: {base_subject}\n\n" + l3)
    vpub_msg = l2 + "\n\n" + zim_q
    gmail_msg = l1 + "\n\n" + gmail_attr(t2, "Văn phòng UBND tỉnh", "vpub@binhdinh.gov.vn") + "\n\n" + quote(vpub_msg)
    plain = (top + "\n\n________________________________\n"
             f"Từ: {tg[0]} <{tg[1]}>\nĐã gửi: {outlook_vi(t1)}\nĐến: Văn phòng UBND tỉnh <vpub@binhdinh.gov.vn>\n"
             f"Cc: {CAT2[0]} <{CAT2[1]}>; {US_NAME} <{US}>\nChủ đề: Re: Re: {base_subject}\n\n" + gmail_msg + "\n")
    # ---- html part
    zim_html = ('<div><br></div><hr id="zwchr"><div data-marker="__HEADERS__"><b>Từ: </b>"Đầu mối ĐA06 - Công an tỉnh" '
                f'&lt;{CAT2[1]}&gt;<br><b>Tới: </b>{US}<br><b>Cc: </b>vpub@binhdinh.gov.vn<br><b>Đã gửi: </b>'
                f'{zimbra_sent(t3)}<br><b>Chủ đề: </b>{h(base_subject)}<br></div><div><br></div>'
                f'<div data-marker="__QUOTED_TEXT__">{text_to_divs(l3)}</div>')
    vpub_html = ('<div style="font-family: arial, helvetica, sans-serif; font-size: 12pt; color: #000000">'
                 + text_to_divs(l2) + zim_html + "</div>")
    gm_html = (f'<div dir="ltr">{text_to_divs(l1)}</div><br><div class="gmail_quote"><div dir="ltr" '
               f'class="gmail_attr">Vào {GMAIL_WD[t2.weekday()]}, {t2.day} thg {t2.month}, {t2.year} vào lúc '
               f'{t2:%H:%M} Văn phòng UBND tỉnh &lt;<a href="mailto:vpub@binhdinh.gov.vn">vpub@binhdinh.gov.vn</a>'
               '&gt; đã viết:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;'
               f'border-left:1px solid rgb(204,204,204);padding-left:1ex">{vpub_html}</blockquote></div>')
    htm = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style type="text/css" '
           'style="display:none;"> P {margin-top:0;margin-bottom:0;} </style></head><body dir="ltr">'
           '<div class="elementToProof" style="font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, '
           'Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">'
           + "".join(f"<div>{h(x)}</div>" if x else "<div><br></div>" for x in top.split("\n")) + "</div>"
           '<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1">'
           '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">'
           f'<b>Từ:</b> {h(tg[0])} &lt;{tg[1]}&gt;<br><b>Đã gửi:</b> {outlook_vi(t1)}<br><b>Đến:</b> Văn phòng UBND '
           f'tỉnh &lt;vpub@binhdinh.gov.vn&gt;<br><b>Cc:</b> {h(CAT2[0])} &lt;{CAT2[1]}&gt;; {h(US_NAME)} &lt;{US}&gt;'
           f'<br><b>Chủ đề:</b> Re: Re: {h(base_subject)}</font><div>&nbsp;</div></div>{gm_html}</body></html>')
    refs = [f"<{hid(cid, 'r3', n=18)}$@congan.binhdinh.gov.vn>",
            f"<1120934.{hid(cid, 'r2', n=6)}.1762740300123.JavaMail.zimbra@binhdinh.gov.vn>",
            f"<CAH{hid(cid, 'r1', n=24)}@mail.gmail.com>"]
    msg = envelope(cid, CAT2, subject, rec, mid_style="owa", to=f"{tg[0]} <{tg[1]}>",
                   cc=["Văn phòng UBND tỉnh <vpub@binhdinh.gov.vn>", f"{US_NAME} <{US}>"],
                   in_reply_to=refs[-1], references=refs,
                   extra=[("Thread-Topic", base_subject), ("Thread-Index", "AQHb" + hid(cid, "ti", n=40)),
                          ("Content-Language", "vi-VN"), ("X-MS-Exchange-Organization-SCL", "-1")])
    msg.set_content(plain, cte="quoted-printable")
    msg.add_alternative(htm, subtype="html", cte="quoted-printable")
    set_boundaries(msg, cid, "outlook")
    exp = expected("Công an tỉnh trả lời trên đầu một chuỗi thư dài bằng Outlook web (divRplyFwdMsg): bên dưới là thư "
                   "Gmail của Tổ công tác (gmail_quote, '>'), trong đó là thư Zimbra của VP UBND (zwchr, '----- Thư gốc "
                   "-----'), trong cùng là báo cáo ngày 09/11 cũ (NV05 84%, NV06 65%); phần trả lời mới chỉ báo cáo NV05 "
                   "và có nhắc lại các con số cũ trong phần giải thích", rec, [
                       rep("CAT", "daily", "2026-11-11", {
                           "NV05": T("in_progress", 86, difficulties="bàn giao"),
                       })], absent=["NV06"])
    return cid, "long_thread_three_clients", msg, exp


# =============================================================================================
# F012 – a forward of a forward: Zimbra forward of a Gmail forward of a specialist's report

@case
def f012():
    cid, rec = "F012", at(12, 16, 25)
    t_khoa = at(12, 14, 10)
    t_viet = at(12, 15, 48, 3)
    subject = "Fwd: Fwd: BC tiến độ NV04 ngày 12/11"
    khoa = """Anh Việt ơi, em báo cáo tiến độ NV04 hôm nay ạ:

Nhiệm vụ: NV04 - Bố trí kinh phí sự nghiệp KH&CN và CĐS năm 2026
Tình trạng: Đang thực hiện
Tiến độ: 90%
Kết quả: UBND tỉnh đã ký Quyết định phân bổ kinh phí đợt 1 (Quyết định số 2087/QĐ-UBND ngày 11/11/2026); Sở đang tổng hợp nhu cầu đợt 2, dự kiến trình ngày 20/11.
Khó khăn, vướng mắc: 02 đơn vị chưa gửi dự toán chi tiết.
Đề xuất, kiến nghị: Đề nghị Sở KH&CN đôn đốc các đơn vị gửi dự toán trước 17/11.

Em Khoa"""
    viet = ("Chị Ngọc gửi giúp em lên Kênh báo cáo nhé.\n\n"
            "---------- Forwarded message ---------\n"
            "Từ: Lê Văn Khoa <khoa.lv.stc@gmail.com>\n"
            f"Date: {GMAIL_WD[t_khoa.weekday()]}, {t_khoa.day} thg {t_khoa.month}, {t_khoa.year} vào lúc {t_khoa:%H:%M}\n"
            "Subject: BC tiến độ NV04 ngày 12/11\n"
            "To: Phạm Quốc Việt <viet.pq.stc@gmail.com>\n\n\n" + khoa)
    top = """Kính gửi Tổ công tác,

Sở Tài chính chuyển báo cáo tiến độ nhiệm vụ NV04 ngày 12/11/2026 (chuyên viên phụ trách gửi) như bên dưới ạ.

Trân trọng.
Trần Thị Bích Ngọc
Văn phòng Sở Tài chính"""
    qh = [("Từ", '"Phạm Quốc Việt" <viet.pq.stc@gmail.com>'), ("Tới", '"Trần Thị Bích Ngọc" <stc@binhdinh.gov.vn>'),
          ("Đã gửi", zimbra_sent(t_viet)), ("Chủ đề", "Fwd: BC tiến độ NV04 ngày 12/11")]
    plain = zimbra_plain(top, "Thư đã chuyển tiếp", qh, viet)
    viet_html = ('<div dir="ltr">Chị Ngọc gửi giúp em lên Kênh báo cáo nhé.<br><br><div class="gmail_quote">'
                 '<div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>Từ: <strong class="gmail_sendername" '
                 'dir="auto">Lê Văn Khoa</strong> <span dir="auto">&lt;<a href="mailto:khoa.lv.stc@gmail.com">'
                 'khoa.lv.stc@gmail.com</a>&gt;</span><br>'
                 f"Date: {GMAIL_WD[t_khoa.weekday()]}, {t_khoa.day} thg {t_khoa.month}, {t_khoa.year} vào lúc {t_khoa:%H:%M}<br>"
                 "Subject: BC tiến độ NV04 ngày 12/11<br>To: Phạm Quốc Việt &lt;<a href=\"mailto:viet.pq.stc@gmail.com\">"
                 "viet.pq.stc@gmail.com</a>&gt;<br></div><br><br>"
                 f'<div dir="ltr">{text_to_divs(khoa)}</div></div></div>')
    htm = zimbra_html(text_to_divs(top), qh, viet_html).replace('<hr id="zwchr">',
                                                                '<div>----- Thư đã chuyển tiếp -----</div><hr id="zwchr">')
    msg = envelope(cid, STC, subject, rec, mid_style="zimbra", extra=zimbra_headers(cid, "BC tiến độ NV04 ngày 12/11"))
    msg.set_content(plain, cte="quoted-printable")
    msg.add_alternative(htm, subtype="html", cte="quoted-printable")
    set_boundaries(msg, cid, "zimbra")
    exp = expected("Đầu mối Sở Tài chính chuyển tiếp (Zimbra, '----- Thư đã chuyển tiếp -----') thư trưởng phòng đã "
                   "chuyển tiếp từ Gmail ('---------- Forwarded message ---------') – báo cáo NV04 của chuyên viên nằm "
                   "trong cùng; đầu mối chỉ viết lời chuyển", rec, [
                       rep("STC", "daily", "2026-11-12", {
                           "NV04": T("in_progress", 90, difficulties="dự toán chi tiết", result="đợt 2"),
                       })])
    return cid, "forward_of_forward", msg, exp


# =============================================================================================
# F013 – Thunderbird, reply written inline between the '>' lines of the reminder's form

@case
def f013():
    cid, rec = "F013", at(13, 15, 5)
    rem_at = at(13, 14, 30, 1)
    rem_subject = "[Nhắc báo cáo] UBND xã Phù Cát: chưa có báo cáo ngày – hạn 16:30 13/11/2026"
    subject = "Re: " + rem_subject
    q = lambda s: quote(s)  # noqa: E731
    body = "\n".join([
        "Dạ, xã Phù Cát trả lời trực tiếp vào các mục bên dưới ạ.",
        "",
        f"Vào 13/11/2026 lúc {rem_at:%H:%M}, Kênh báo cáo điện tử đã viết:",
        q("Kính gửi Lê Thị Thanh (Ủy ban nhân dân xã Phù Cát),\n\nĐến 14:30 13/11/2026, Kênh báo cáo điện tử chưa "
          "nhận được báo cáo sau của đơn vị:\n  - Báo cáo ngày: 13/11/2026 – hạn 16:30 13/11/2026\n\n"
          "======== Mẫu báo cáo ngày ========\n\nĐơn vị: XPC\nLoại báo cáo: Ngày\nKỳ báo cáo: 13/11/2026\n\n"
          "Tình hình chung:"),
        "",
        "Xã đã hoàn thành cấp chữ ký số cho toàn bộ cán bộ, công chức; đang mở rộng thanh toán QR tại chợ.",
        "",
        q("\nNhiệm vụ: NV14 – Triển khai chữ ký số cho cán bộ cấp xã\nTình trạng: Đang thực hiện\nTiến độ: 90%"),
        "",
        "Tình trạng: Hoàn thành",
        "Tiến độ: 100%",
        "Kết quả: Đã cấp đủ 42/42 chứng thư số cho cán bộ, công chức xã.",
        "",
        q("Kết quả: Đã cấp 38/42 chứng thư số\nKhó khăn, vướng mắc:\nĐề xuất, kiến nghị:\n\n"
          "Nhiệm vụ: NV15 – Thanh toán không dùng tiền mặt tại chợ và trường học\nTình trạng: Đang thực hiện\n"
          "Tiến độ: 35%"),
        "",
        "Đang thực hiện, đạt 40% (chợ Cát Tiến đã triển khai thanh toán QR).",
        "",
        q("Kết quả: 2/5 trường học thu học phí không dùng tiền mặt\nKhó khăn, vướng mắc:"),
        "",
        "Tiểu thương lớn tuổi chưa quen dùng điện thoại thông minh.",
        "",
        q("Đề xuất, kiến nghị:\n\n========================================\n\n"
          "Đây là thư tự động của Kênh báo cáo điện tử – Ủy ban nhân dân tỉnh Bình Định."),
        "",
        "-- ",
        "Văn phòng HĐND và UBND xã Phù Cát",
        "",
    ])
    rem_mid = f"<reminder.XPC.2026-11-13.1430.{hid(cid, 'rem', n=8)}@baocao.binhdinh.gov.vn>"
    msg = envelope(cid, XPC, subject, rec, mid_style="thunderbird", in_reply_to=rem_mid, references=[rem_mid],
                   extra=[("User-Agent", "Mozilla Thunderbird"), ("Content-Language", "vi")])
    msg.set_content(body, cte="8bit")
    msg.set_param("format", "flowed")
    exp = expected("Xã Phù Cát (Thunderbird, văn bản thuần) trả lời xen giữa các dòng '>' của mẫu trong thư nhắc: số "
                   "liệu cũ (90%, 35%) ở dòng trích dẫn, số liệu mới viết ngay dưới từng nhiệm vụ, có dòng ghi lại nhãn "
                   "và dòng chỉ ghi 'Đang thực hiện, đạt 40%'", rec, [
                       rep("XPC", "daily", "2026-11-13", {
                           "NV14": T("completed", 100, result="42/42"),
                           "NV15": T("in_progress", 40, difficulties="điện thoại thông minh"),
                       })])
    return cid, "thunderbird_inline_between_quotes", msg, exp


# =============================================================================================
# F014 – the body is only "Em gửi báo cáo ạ"; everything is in the attached .xlsx

@case
def f014():
    cid, rec = "F014", at(16, 16, 28)
    subject = "BC ngày 16/11 - SYT"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Báo cáo"
    sheet_rows(ws, 1, [
        ["Mã nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Kết quả", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị", "Ghi chú"],
        ["NV09", "Đang thực hiện", 75, "BV Phục hồi chức năng đang chạy thử bệnh án điện tử",
         "Chưa có chữ ký số cho bác sĩ hợp đồng", "Đề nghị hỗ trợ cấp chữ ký số", None],
        ["NV05", "Đang thực hiện", None, "Đã gửi bổ sung 3.150 hồ sơ khám chữa bệnh", None, None, "Phối hợp"],
    ], widths=[12, 16, 11, 45, 35, 30, 12])
    data = xlsx_bytes(wb, "SYT")
    msg = envelope(cid, SYT, subject, rec, mid_style="apple",
                   extra=[("X-Mailer", "iPhone Mail (22B91)")])
    msg.set_content("Em gửi báo cáo ạ\n\nGửi từ iPhone của tôi\n", cte="quoted-printable")
    attach(msg, data, XLSX, "BaoCao_SYT_16-11.xlsx")
    set_boundaries(msg, cid, "apple")
    exp = expected("Sở Y tế gửi từ iPhone: thân thư chỉ có 'Em gửi báo cáo ạ' và chữ ký điện thoại; kỳ báo cáo ở tiêu "
                   "đề 'BC ngày 16/11' (không có năm); nội dung trong file .xlsx theo mẫu", rec, [
                       rep("SYT", "daily", "2026-11-16", {
                           "NV09": T("in_progress", 75, difficulties="chữ ký số"),
                           "NV05": T("in_progress", None),
                       })])
    return cid, "body_only_em_gui_bao_cao", msg, exp


# =============================================================================================
# F015 – the report in the body and again in an attached .xlsx; they agree

@case
def f015():
    cid, rec = "F015", at(17, 15, 45)
    subject = "Báo cáo ngày 17/11/2026 - Sở Nội vụ"
    text = """Đơn vị: Sở Nội vụ
Loại báo cáo: Ngày
Kỳ báo cáo: 17/11/2026

Nhiệm vụ: NV08 - Xây dựng cơ sở dữ liệu cán bộ công chức viên chức
Tình trạng: Đang thực hiện
Tiến độ: 72%
Kết quả: Cập nhật thêm 240 hồ sơ; lũy kế 8.690/12.000 hồ sơ.
Khó khăn, vướng mắc: Phần mềm thường xuyên bị lỗi khi đồng bộ.
Đề xuất, kiến nghị: Đề nghị Sở KH&CN hỗ trợ kỹ thuật.

(Số liệu chi tiết tại file đính kèm.)

Võ Thanh Hải
Sở Nội vụ"""
    wb = openpyxl.Workbook()
    ws = wb.active
    sheet_rows(ws, 1, [
        ["Mã nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Kết quả", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị", "Ghi chú"],
        ["NV08", "Đang thực hiện", 72, "Cập nhật thêm 240 hồ sơ; lũy kế 8.690/12.000 hồ sơ",
         "Phần mềm thường xuyên bị lỗi khi đồng bộ", "Đề nghị Sở KH&CN hỗ trợ kỹ thuật", None],
    ], widths=[12, 16, 11, 45, 35, 30, 12])
    data = xlsx_bytes(wb, "SNV")
    msg = envelope(cid, SNV, subject, rec, mid_style="zimbra", extra=zimbra_headers(cid, subject))
    msg.set_content(text + "\n", cte="quoted-printable")
    msg.add_alternative(zimbra_html(text_to_divs(text)), subtype="html", cte="quoted-printable")
    attach(msg, data, XLSX, "BC_SNV_17112026.xlsx")
    set_boundaries(msg, cid, "zimbra")
    exp = expected("Sở Nội vụ (Zimbra) viết báo cáo theo mẫu trong thân thư và đính kèm đúng số liệu đó trong .xlsx – "
                   "hai nguồn khớp nhau", rec, [
                       rep("SNV", "daily", "2026-11-17", {
                           "NV08": T("in_progress", 72, difficulties="đồng bộ"),
                       })])
    return cid, "body_and_xlsx_agree", msg, exp


# =============================================================================================
# F016 – the body and the attached .xlsx disagree on one task's progress

@case
def f016():
    cid, rec = "F016", at(18, 16, 10)
    subject = "Báo cáo ngày 18/11/2026 - UBND xã Tuy Phước"
    text = """Kính gửi Tổ công tác,
UBND xã Tuy Phước báo cáo ngày 18/11/2026:
- NV12 (chữ ký số cán bộ xã): đang thực hiện, đạt 85%, đã cấp 34/40 chữ ký số.
- NV13 (tổ công nghệ số cộng đồng): đang thực hiện, đạt 60%.
Chi tiết theo file đính kèm.

Văn phòng HĐND-UBND xã Tuy Phước"""
    wb = openpyxl.Workbook()
    ws = wb.active
    sheet_rows(ws, 1, [
        ["Mã nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Kết quả", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị", "Ghi chú"],
        ["NV12", "Đang thực hiện", 85, "Đã cấp 34/40 chữ ký số", None, None, None],
        ["NV13", "Đang thực hiện", 75, "9/12 thôn đã có tổ công nghệ số cộng đồng hoạt động",
         "Thiếu thiết bị cho tổ công nghệ số", None, None],
    ], widths=[12, 16, 11, 45, 35, 30, 12])
    data = xlsx_bytes(wb, "UBND xa Tuy Phuoc")
    msg = envelope(cid, XTP, subject, rec, extra=outlook_headers(cid, subject, attach=True))
    msg.set_content(text + "\n", cte="quoted-printable")
    attach(msg, data, XLSX, "BC ngay 18.11 TuyPhuoc.xlsx")
    msg.crlf = True
    set_boundaries(msg, cid, "outlook")
    exp = expected("Xã Tuy Phước (Outlook, văn bản thuần) tóm tắt trong thân thư và đính kèm .xlsx; NV12 khớp nhau, "
                   "nhưng NV13 thân thư ghi 60% còn file ghi 75% (9/12 thôn) – không biết số nào đúng", rec, [
                       rep("XTP", "daily", "2026-11-18", {
                           "NV12": T("in_progress", 85),
                           "NV13": {"status": "in_progress"},
                       }, uncertain=[("NV13", "progress")])])
    return cid, "body_and_xlsx_disagree", msg, exp


# =============================================================================================
# F017 – a Friday mail with the daily and the weekly report

@case
def f017():
    cid, rec = "F017", at(20, 16, 5)
    subject = "Báo cáo ngày 20/11 và báo cáo tuần 47 - Công an tỉnh"
    text = """Kính gửi Tổ công tác,

Công an tỉnh gửi báo cáo ngày và báo cáo tuần như sau:

I. BÁO CÁO NGÀY 20/11/2026

Nhiệm vụ: NV05 – Làm sạch dữ liệu dân cư phục vụ Đề án 06
Tình trạng: Đang thực hiện
Tiến độ: 90%
Kết quả: Làm sạch thêm 3.870 trường hợp.

Nhiệm vụ: NV06 – Cấp tài khoản định danh điện tử mức độ 2 cho người dân
Tình trạng: Đang thực hiện
Tiến độ: 70%
Kết quả: Kích hoạt thêm 6.120 tài khoản.

II. BÁO CÁO TUẦN 47/2026 (từ 16/11 đến 20/11/2026)

Tình hình chung: Trong tuần, Công an tỉnh tổ chức 3 đợt cao điểm làm sạch dữ liệu và cấp tài khoản định danh điện tử tại các xã.

Nhiệm vụ: NV05 – Làm sạch dữ liệu dân cư phục vụ Đề án 06
Tình trạng: Đang thực hiện
Tiến độ: 90% (tăng 4% so với tuần trước)
Kết quả: Trong tuần làm sạch 18.430 trường hợp.
Khó khăn, vướng mắc: Dữ liệu hộ tịch giấy tại các xã miền núi chưa được số hóa.
Đề xuất, kiến nghị: Đề nghị Sở Tư pháp hoàn thành số hóa sổ hộ tịch trong tháng 12.

Nhiệm vụ: NV06 – Cấp tài khoản định danh điện tử mức độ 2 cho người dân
Tình trạng: Đang thực hiện
Tiến độ: 70%
Kết quả: Trong tuần kích hoạt 27.900 tài khoản.
Khó khăn, vướng mắc: Người dân cao tuổi chưa có điện thoại thông minh.

Trân trọng.
Lê Minh Tuấn
Phòng PC06 - Công an tỉnh"""
    msg = envelope(cid, CAT, subject, rec, extra=outlook_headers(cid, subject))
    msg.set_content(text + "\n", cte="quoted-printable")
    msg.crlf = True
    exp = expected("Công an tỉnh, chiều thứ Sáu, một thư hai báo cáo: 'I. BÁO CÁO NGÀY 20/11/2026' và 'II. BÁO CÁO "
                   "TUẦN 47/2026 (từ 16/11 đến 20/11/2026)', cùng hai nhiệm vụ; dòng tiến độ tuần có thêm '(tăng 4% so "
                   "với tuần trước)'", rec, [
                       rep("CAT", "daily", "2026-11-20", {
                           "NV05": T("in_progress", 90),
                           "NV06": T("in_progress", 70),
                       }),
                       rep("CAT", "weekly", "2026-W47", {
                           "NV05": T("in_progress", 90, difficulties="hộ tịch"),
                           "NV06": T("in_progress", 70, difficulties="điện thoại thông minh"),
                       })])
    return cid, "friday_daily_and_weekly", msg, exp


# =============================================================================================
# F018 – the shared commune mailbox: both communes in one table, a merged "Đơn vị" column

@case
def f018():
    cid, rec = "F018", at(23, 16, 0)
    subject = "Báo cáo ngày 23/11/2026 - xã Tuy Phước, xã Phù Cát"
    W = [34, 90, 200, 90, 60, 190, 150]
    hb = dict(b=True, al="center")
    rows = [
        [{"t": "TT", **hb}, {"t": "Đơn vị", **hb}, {"t": "Nhiệm vụ", **hb}, {"t": "Tình trạng", **hb},
         {"t": "Tiến độ (%)", **hb}, {"t": "Kết quả", **hb}, {"t": "Khó khăn, vướng mắc", **hb}],
        [{"t": "1", "al": "center"}, {"t": "Xã Tuy Phước", "rs": 2}, TITLES["NV12"], "Đang thực hiện",
         {"t": "95", "al": "center"}, "Đã cấp 38/40 chữ ký số", "2 cán bộ nghỉ thai sản chưa làm thủ tục"],
        [{"t": "2", "al": "center"}, TITLES["NV13"], "Đang thực hiện", {"t": "75", "al": "center"},
         "9/12 thôn có tổ công nghệ số cộng đồng hoạt động", ""],
        [{"t": "3", "al": "center"}, {"t": "Xã Phù Cát", "rs": 2}, TITLES["NV14"], "Hoàn thành", "",
         "42/42 cán bộ đã có chữ ký số", ""],
        [{"t": "4", "al": "center"}, TITLES["NV15"], "Đang thực hiện", {"t": "45", "al": "center"},
         "Chợ Cát Tiến, chợ Cát Hải và 3/5 trường học đã triển khai", "Tiểu thương chưa quen dùng QR"],
    ]
    # the unit cell spans two rows, so rows 2 and 4 have one cell fewer: widths must skip it
    def row_html(r, row):
        widths = W if (len(row) == len(W)) else [W[0]] + W[2:]
        return "<tr>" + "".join(wcell(c, widths[j], first_row=(r == 0), first_col=(j == 0))
                                for j, c in enumerate(row)) + "</tr>"
    table = ("<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'>"
             + "".join(row_html(r, row) for r, row in enumerate(rows)) + "</table>")
    body = (WORD_HEAD + wp("Kính gửi Tổ công tác,", size=13) + wp()
            + wp("Văn phòng UBND xã báo cáo tiến độ ngày 23/11/2026 của xã Tuy Phước và xã Phù Cát như sau:", size=13)
            + wp() + table + wp() + wp("Trân trọng.", size=13)
            + outlook_sig(["Lê Thị Thanh", "Văn phòng HĐND và UBND xã (đầu mối xã Tuy Phước, xã Phù Cát)"]) + WORD_TAIL)
    msg = envelope(cid, XA, subject, rec, extra=outlook_headers(cid, subject))
    msg.set_content(body, subtype="html", cte="quoted-printable")
    exp = expected("Hộp thư chung của văn phòng xã (đầu mối của cả Tuy Phước và Phù Cát), Outlook HTML-only: một bảng "
                   "có cột 'Đơn vị' gộp ô theo xã (rowspan), các dòng chỉ ghi tên nhiệm vụ – tên NV12 và NV14 trùng nhau, "
                   "phân biệt bằng đơn vị; NV14 'Hoàn thành' không ghi tiến độ", rec, [
                       rep("XTP", "daily", "2026-11-23", {
                           "NV12": T("in_progress", 95),
                           "NV13": T("in_progress", 75),
                       }),
                       rep("XPC", "daily", "2026-11-23", {
                           "NV14": T("completed", 100),
                           "NV15": T("in_progress", 45, difficulties="QR"),
                       })])
    return cid, "shared_mailbox_table_unit_column", msg, exp


# =============================================================================================
# F019 – Outlook, one two-column "label | value" table per task

@case
def f019():
    cid, rec = "F019", at(27, 16, 15)
    subject = "VPUB - Báo cáo tuần 48/2026"
    W = [150, 420]

    def kv(rows):
        return wtable([[{"t": k, "b": True}, v] for k, v in rows], W)
    body = (WORD_HEAD + wp("Kính gửi Tổ công tác,", size=13) + wp()
            + wp("Văn phòng UBND tỉnh báo cáo kết quả thực hiện nhiệm vụ tuần 48/2026 (từ ngày 23/11 đến ngày "
                 "27/11/2026) như sau:", size=13) + wp()
            + wp("1. Nhiệm vụ chủ trì", b=True, size=13)
            + kv([("Nhiệm vụ", "NV07 – " + TITLES["NV07"]), ("Tình trạng", "Hoàn thành"), ("Tiến độ", ""),
                  ("Kết quả", "Chủ tịch UBND tỉnh đã ban hành Quyết định số 2150/QĐ-UBND ngày 26/11/2026 công bố danh "
                              "mục 186 thủ tục hành chính thực hiện trực tuyến toàn trình (đạt 93% số TTHC đủ điều kiện)."),
                  ("Khó khăn, vướng mắc", "Không")])
            + wp() + wp("2. Nhiệm vụ phối hợp", b=True, size=13)
            + kv([("Nhiệm vụ", "NV01 – " + TITLES["NV01"]), ("Tình trạng", "Đang thực hiện"), ("Tiến độ", ""),
                  ("Kết quả", "Đã thẩm tra dự thảo kế hoạch, trình UBND tỉnh xem xét ban hành."),
                  ("Khó khăn, vướng mắc", "")])
            + wp() + wp("Trân trọng./.", size=13)
            + outlook_sig(["Phạm Thị Hồng Nhung", "Phòng Kiểm soát TTHC - Văn phòng UBND tỉnh", "ĐT: 0256.3822.105"])
            + WORD_TAIL)
    msg = envelope(cid, VPUB, subject, rec, extra=outlook_headers(cid, subject))
    msg.set_content(body, subtype="html", cte="quoted-printable")
    exp = expected("Văn phòng UBND tỉnh, Outlook HTML-only: mỗi nhiệm vụ một bảng hai cột 'nhãn | giá trị' (Word), ô "
                   "Tiến độ để trống; NV07 'Hoàn thành' với kết quả có nhiều con số (2150, 186, 93%)", rec, [
                       rep("VPUB", "weekly", "2026-W48", {
                           "NV07": T("completed", 100, result="2150/QĐ-UBND"),
                           "NV01": T("in_progress", None),
                       })])
    return cid, "outlook_key_value_tables", msg, exp


# =============================================================================================
# F020 – Outlook HTML-only with a table pasted from Excel: decimal commas, an average row

def excel_in_outlook_table(rows: list[list[str]], widths: list[int]) -> str:
    out = ["<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 width=640 "
           "style='width:480.0pt;border-collapse:collapse'>"]
    for r, row in enumerate(rows):
        out.append("<tr style='height:15.75pt'>")
        for j, v in enumerate(row):
            bt = "solid windowtext 1.0pt" if r == 0 else "none"
            bl = "solid windowtext 1.0pt" if j == 0 else "none"
            al = " align=right style='text-align:right'" if v.replace(",", "").isdigit() else ""
            t = h(v) if v else "&nbsp;"
            if r == 0 or row[0] == "Bình quân":
                t = f"<b>{t}</b>"
            out.append(f"<td width={widths[j]} nowrap valign=bottom style='width:{widths[j] * 0.75:.1f}pt;border-top:{bt};"
                       f"border-left:{bl};border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;"
                       f"padding:0in 5.4pt 0in 5.4pt;height:15.75pt'><p class=MsoNormal{al}><span style='font-size:12.0pt;"
                       f"{TNR};color:black'>{t}<o:p></o:p></span></p></td>")
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


@case
def f020():
    cid, rec = "F020", at(19, 16, 5)
    subject = "Báo cáo ngày 19/11/2026 - Sở KH&CN"
    rows = [["Mã nhiệm vụ", "Tình trạng", "Tỷ lệ hoàn thành (%)", "Kết quả", "Khó khăn, vướng mắc"],
            ["NV01", "Đang thực hiện", "87,5", "Trình UBND tỉnh dự thảo kế hoạch (7/8 bước)", ""],
            ["NV02", "Đang thực hiện", "55", "Dự thảo báo cáo đánh giá cơ chế hiện hành", ""],
            ["NV03", "Đang thực hiện", "15", "Khảo sát mô hình sàn giao dịch tại Đà Nẵng", "Chưa có kinh phí"],
            ["Bình quân", "", "52,5", "", ""]]
    body = (WORD_HEAD + wp("Kính gửi Tổ công tác,", size=12) + wp()
            + wp("Sở KH&CN báo cáo ngày 19/11/2026 (số liệu dán từ file theo dõi):", size=12) + wp()
            + excel_in_outlook_table(rows, [90, 110, 120, 260, 140]) + wp()
            + wp("Trân trọng.", size=12) + outlook_sig(SIG_SKHCN) + WORD_TAIL)
    msg = envelope(cid, SKHCN, subject, rec, extra=outlook_headers(cid, subject))
    msg.set_content(body, subtype="html", cte="quoted-printable")
    exp = expected("Sở KH&CN, Outlook HTML-only, bảng dán từ Excel (ô nowrap, số canh phải): cột tiến độ tên "
                   "'Tỷ lệ hoàn thành (%)', số thập phân dấu phẩy '87,5', dòng 'Bình quân' cuối bảng; kết quả NV01 có "
                   "'(7/8 bước)'", rec, [
                       rep("SKHCN", "daily", "2026-11-19", {
                           "NV01": T("in_progress", 87.5),
                           "NV02": T("in_progress", 55),
                           "NV03": T("in_progress", 15, difficulties="kinh phí"),
                       })])
    return cid, "outlook_excel_paste_decimal_average_row", msg, exp


# =============================================================================================
# F021 – Gmail reply on top of the reminder: three short sentences, the form quoted below

@case
def f021():
    cid, rec = "F021", at(23, 15, 12)
    rem_at = at(23, 14, 30, 4)
    rem_subject = "[Nhắc báo cáo] Sở KH&CN: chưa có báo cáo ngày – hạn 16:30 23/11/2026"
    subject = "Re: " + rem_subject
    rem = reminder("SKHCN", "Nguyễn Văn An", "Sở Khoa học và Công nghệ", "Ngày", "23/11/2026", "16:30 23/11/2026",
                   "14:30 23/11/2026", [("NV01", "Đang thực hiện", 88, "Trình UBND tỉnh dự thảo kế hoạch"),
                                        ("NV02", "Đang thực hiện", 55, "Dự thảo báo cáo đánh giá"),
                                        ("NV03", "Đang thực hiện", 15, "Khảo sát mô hình sàn giao dịch")])
    top = ("Dạ em báo cáo ngày 23/11 ạ:\nNV01 đang thực hiện, đạt 90%, UBND tỉnh đang xem xét ban hành.\n"
           "NV02 đang làm, đạt 60%.\nNV03 tạm dừng do chưa được bố trí kinh phí.\n\nEm An")
    plain = top + "\n\n" + gmail_attr(rem_at, US_NAME, US) + "\n\n" + quote(rem) + "\n"
    htm = (f'<div dir="ltr">{text_to_divs(top)}</div><br><div class="gmail_quote gmail_quote_container">'
           f'<div dir="ltr" class="gmail_attr">Vào {GMAIL_WD[rem_at.weekday()]}, {rem_at.day} thg {rem_at.month}, '
           f'{rem_at.year} vào lúc {rem_at:%H:%M} {h(US_NAME)} &lt;<a href="mailto:{US}">{US}</a>&gt; đã viết:<br></div>'
           '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);'
           f'padding-left:1ex">{h(rem).replace(chr(10), "<br>")}</blockquote></div>\n')
    rem_mid = f"<reminder.SKHCN.2026-11-23.1430.{hid(cid, 'rem', n=8)}@baocao.binhdinh.gov.vn>"
    msg = envelope(cid, SKHCN_GMAIL, subject, rec, mid_style="gmail", in_reply_to=rem_mid, references=[rem_mid])
    msg.set_content(plain, cte="quoted-printable")
    msg.add_alternative(htm, subtype="html", cte="quoted-printable")
    set_boundaries(msg, cid, "gmail")
    exp = expected("Đầu mối Sở KH&CN trả lời thư nhắc từ Gmail bằng ba câu ngắn trên đầu thư (dòng 'Vào Th 2, … đã "
                   "viết:' bị ngắt hai dòng, mẫu cũ 88%/55%/15% trích dẫn bên dưới); NV03 'tạm dừng' không nêu tiến độ",
                   rec, [
                       rep("SKHCN", "daily", "2026-11-23", {
                           "NV01": T("in_progress", 90),
                           "NV02": T("in_progress", 60),
                           "NV03": T("paused", None),
                       })])
    return cid, "gmail_reply_on_top_of_reminder", msg, exp


# =============================================================================================
# F022 – Outlook for iOS, a weekly report typed on the phone

@case
def f022():
    cid, rec = "F022", at(20, 14, 50)
    subject = "ĐH Quy Nhơn báo cáo tuần 47"
    lines = ["Kính gửi Tổ công tác,", "",
             "Trường ĐH Quy Nhơn báo cáo tuần 47 (16/11 - 20/11/2026):",
             "NV11 – Thành lập Trung tâm ĐMST: đang thực hiện, ước đạt 65%. Đang hoàn thiện hồ sơ đề án trình Bộ "
             "GD&ĐT; đã bố trí mặt bằng 450 m2 tại cơ sở 2.",
             "Khó khăn: chưa có hướng dẫn về cơ chế tự chủ tài chính của Trung tâm.", "",
             "Trương Văn Long", "Phòng KHCN&HTQT"]
    plain = "\n".join(lines) + "\n\nTải Outlook cho iOS<https://aka.ms/o0ukef>\n"
    htm = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>'
           + "".join(f'<div dir="auto">{h(x) if x else "<br>"}</div>' for x in lines)
           + '<div dir="auto"><br></div><div id="ms-outlook-mobile-signature"><div dir="auto">Tải <a '
             'href="https://aka.ms/o0ukef">Outlook cho iOS</a></div></div></body></html>')
    msg = envelope(cid, DHQN, subject, rec, mid_style="owa",
                   extra=[("X-MS-Exchange-Organization-Network-Message-Id", hid(cid, "net", n=32)),
                          ("Content-Language", "vi-VN"), ("X-MS-Has-Attach", "")])
    msg.set_content(plain, cte="base64")
    msg.add_alternative(htm, subtype="html", cte="base64")
    set_boundaries(msg, cid, "outlook")
    exp = expected("Trường ĐH Quy Nhơn (chỉ báo cáo tuần, tháng), gõ trên Outlook cho iOS, nội dung base64: một câu cho "
                   "NV11 'đang thực hiện, ước đạt 65%', có số '450 m2' trong kết quả", rec, [
                       rep("DHQN", "weekly", "2026-W47", {
                           "NV11": T("in_progress", 65, difficulties="tự chủ tài chính"),
                       })])
    return cid, "outlook_ios_weekly", msg, exp


# =============================================================================================
# F023 – Zimbra: a focal point forwards yesterday's report, first sent to a wrong address

@case
def f023():
    cid, rec = "F023", at(26, 8, 40)
    t_orig = at(25, 16, 5, 11)
    orig_subject = "Báo cáo ngày 25/11/2026 - xã Tuy Phước"
    subject = "Fwd: " + orig_subject
    orig = """Đơn vị: Xã Tuy Phước
Loại báo cáo: Ngày
Kỳ báo cáo: 25/11/2026

Nhiệm vụ: NV12 - Triển khai chữ ký số cho cán bộ cấp xã
Tình trạng: Đang thực hiện
Tiến độ: 97%
Kết quả: Đã cấp 39/40 chữ ký số.

Nhiệm vụ: NV13 - Phổ cập kỹ năng số cho người dân qua tổ công nghệ số cộng đồng
Tình trạng: Đang thực hiện
Tiến độ: 75%
Kết quả: Tổ chức 4 lớp hướng dẫn cài đặt VNeID tại thôn Phú Mỹ."""
    top = ("Kính gửi Tổ công tác,\n\nChiều qua (25/11) xã gửi nhầm báo cáo vào địa chỉ baocao.binhdinh@gmail.com, nay xã "
           "gửi lại báo cáo ngày 25/11/2026 như bên dưới ạ.\n\nVăn phòng HĐND-UBND xã Tuy Phước")
    qh = [("Từ", '"UBND xã Tuy Phước" <tuyphuoc@binhdinh.gov.vn>'), ("Tới", "baocao.binhdinh@gmail.com"),
          ("Đã gửi", zimbra_sent(t_orig)), ("Chủ đề", orig_subject)]
    plain = zimbra_plain(top, "Thư đã chuyển tiếp", qh, orig)
    htm = zimbra_html(text_to_divs(top), qh, text_to_divs(orig)).replace(
        '<hr id="zwchr">', '<div>----- Thư đã chuyển tiếp -----</div><hr id="zwchr">')
    msg = envelope(cid, XTP, subject, rec, mid_style="zimbra", extra=zimbra_headers(cid, orig_subject))
    msg.set_content(plain, cte="quoted-printable")
    msg.add_alternative(htm, subtype="html", cte="quoted-printable")
    set_boundaries(msg, cid, "zimbra")
    exp = expected("Xã Tuy Phước sáng 26/11 chuyển tiếp (Zimbra) báo cáo ngày 25/11 đã gửi nhầm địa chỉ hôm qua: kỳ "
                   "báo cáo là 25/11 (ghi trong báo cáo được chuyển tiếp), không phải ngày thư đến", rec, [
                       rep("XTP", "daily", "2026-11-25", {
                           "NV12": T("in_progress", 97),
                           "NV13": T("in_progress", 75),
                       })])
    return cid, "zimbra_forward_yesterdays_report", msg, exp


# =============================================================================================
# F024 – Outlook HTML-only: status and progress in one cell, codes written "NV-05"

@case
def f024():
    cid, rec = "F024", at(26, 15, 35)
    subject = "Công an tỉnh báo cáo tiến độ ngày 26/11/2026"
    W = [40, 60, 220, 150, 170, 150]
    hb = dict(b=True, al="center")
    rows = [
        [{"t": "STT", **hb}, {"t": "Mã NV", **hb}, {"t": "Nội dung nhiệm vụ", **hb}, {"t": "Tiến độ thực hiện", **hb},
         {"t": "Khó khăn, vướng mắc", **hb}, {"t": "Kiến nghị", **hb}],
        [{"t": "1", "al": "center"}, "NV-05", TITLES["NV05"], "Đang thực hiện (đạt 92%)",
         "Còn 8% dữ liệu có sai lệch giữa giấy khai sinh và CCCD", "Đề nghị Sở Tư pháp phối hợp xác minh"],
        [{"t": "2", "al": "center"}, "NV-06", TITLES["NV06"], "Đang thực hiện\n(đạt 72%)",
         "", ""],
    ]
    body = (WORD_HEAD + wp("Kính gửi: Tổ công tác của Chủ tịch UBND tỉnh", size=13) + wp()
            + wp("Công an tỉnh báo cáo tiến độ thực hiện nhiệm vụ Đề án 06 ngày 26/11/2026:", size=13) + wp()
            + wtable(rows, W) + wp() + outlook_sig(["Lê Minh Tuấn", "Phòng PC06 - Công an tỉnh Bình Định"]) + WORD_TAIL)
    msg = envelope(cid, CAT, subject, rec, extra=outlook_headers(cid, subject))
    msg.set_content(body, subtype="html", cte="quoted-printable")
    exp = expected("Công an tỉnh, Outlook HTML-only: mã viết 'NV-05', 'NV-06'; không có cột Tình trạng riêng – ô "
                   "'Tiến độ thực hiện' ghi 'Đang thực hiện (đạt 92%)' (NV06 xuống dòng trong ô); cột khó khăn có '8%'",
                   rec, [
                       rep("CAT", "daily", "2026-11-26", {
                           "NV05": T("in_progress", 92, difficulties="sai lệch"),
                           "NV06": T("in_progress", 72),
                       })])
    return cid, "outlook_status_progress_one_cell", msg, exp


# =============================================================================================
# F025 – Word-pasted table with words that do not give one value

@case
def f025():
    cid, rec = "F025", at(27, 16, 20)
    subject = "Báo cáo ngày 27/11/2026 - xã Tuy Phước"
    W = [34, 210, 110, 80, 200, 150]
    hb = dict(b=True, al="center")
    rows = [
        [{"t": "TT", **hb}, {"t": "Mã, tên nhiệm vụ", **hb}, {"t": "Tình trạng", **hb}, {"t": "Tiến độ", **hb},
         {"t": "Kết quả", **hb}, {"t": "Khó khăn, vướng mắc", **hb}],
        [{"t": "1", "al": "center"}, "NV12. " + TITLES["NV12"], "Cơ bản hoàn thành", {"t": "98%", "al": "center"},
         "Đã cấp 39/40 chữ ký số; 01 trường hợp chờ bổ sung hồ sơ", ""],
        [{"t": "2", "al": "center"}, "NV13. " + TITLES["NV13"], "Đang thực hiện",
         {"t": "Khoảng 70-80%", "al": "center"}, "Các thôn đang kiện toàn tổ công nghệ số",
         "Một số tổ viên bỏ việc, phải bổ sung"],
    ]
    body = (WORD_HEAD + wp("Kính gửi Tổ công tác,", size=13) + wp()
            + wp("UBND xã Tuy Phước báo cáo ngày 27/11/2026:", size=13) + wp() + wtable(rows, W) + wp()
            + outlook_sig(["Văn phòng HĐND-UBND xã Tuy Phước"]) + WORD_TAIL)
    msg = envelope(cid, XTP, subject, rec, extra=outlook_headers(cid, subject))
    msg.set_content(body, subtype="html", cte="quoted-printable")
    exp = expected("Xã Tuy Phước, Outlook HTML-only, bảng Word: NV12 'Cơ bản hoàn thành' 98% (không phải hoàn thành), "
                   "NV13 tiến độ 'Khoảng 70-80%' (một khoảng) – không có một giá trị chắc chắn", rec, [
                       rep("XTP", "daily", "2026-11-27", {
                           "NV12": {"progress": 98},
                           "NV13": {"status": "in_progress"},
                       }, uncertain=[("NV12", "status"), ("NV13", "progress")])])
    return cid, "word_table_uncertain_words", msg, exp


# =============================================================================================
# F026 – .xlsx whose progress cells are Excel percentages (0.8 shown as 80%)

@case
def f026():
    cid, rec = "F026", at(17, 16, 0)
    subject = "Báo cáo ngày 17/11/2026 - Sở Y tế"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "BC ngay"
    sheet_rows(ws, 1, [
        ["Mã nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Kết quả", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị", "Ghi chú"],
        ["NV09", "Đang thực hiện", 0.8, "8/10 bệnh viện vận hành bệnh án điện tử", None, None, None],
        ["NV05", "Đang thực hiện", None, "Tiếp tục đối soát hồ sơ khám chữa bệnh", None, None, "Phối hợp"],
    ], widths=[12, 16, 11, 45, 30, 30, 12])
    ws["C2"].number_format = "0%"
    ws["C3"].number_format = "0%"
    data = xlsx_bytes(wb, "Huynh Thi Mai")
    plain = "Kính gửi Tổ công tác,\n\nSở Y tế gửi báo cáo ngày 17/11/2026 (file đính kèm).\n\nHuỳnh Thị Mai\nSở Y tế\n"
    htm = (WORD_HEAD + wp("Kính gửi Tổ công tác,", size=12) + wp()
           + wp("Sở Y tế gửi báo cáo ngày 17/11/2026 (file đính kèm).", size=12) + wp()
           + outlook_sig(["Huỳnh Thị Mai", "Sở Y tế"]) + WORD_TAIL)
    msg = envelope(cid, SYT, subject, rec, extra=outlook_headers(cid, subject, attach=True))
    msg.set_content(plain, cte="quoted-printable")
    msg.add_alternative(htm, subtype="html", cte="quoted-printable")
    attach(msg, data, XLSX, "BC_SYT_17.11.2026.xlsx")
    set_boundaries(msg, cid, "outlook")
    exp = expected("Sở Y tế, file .xlsx: ô Tiến độ định dạng phần trăm của Excel – người viết thấy và gõ '80%', ô lưu "
                   "giá trị 0,8", rec, [
                       rep("SYT", "daily", "2026-11-17", {
                           "NV09": T("in_progress", 80),
                           "NV05": T("in_progress", None),
                       })])
    return cid, "xlsx_percent_formatted_cells", msg, exp


# =============================================================================================
# F027 – .xlsx with a two-row merged header and sub-items under the task

@case
def f027():
    cid, rec = "F027", at(13, 16, 18)
    subject = "SXD báo cáo tuần 46/2026"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tuan 46"
    head1 = ["STT", "Nhiệm vụ", "Kết quả thực hiện", None, None, "Khó khăn, vướng mắc", "Đề xuất, kiến nghị"]
    head2 = [None, None, "Tình trạng", "Tiến độ (%)", "Kết quả", None, None]
    sheet_rows(ws, 1, [head1, head2,
                       ["1", TITLES["NV10"] + " (NV10)", "Đang thực hiện", 55, "Tổng hợp hai hạng mục dưới đây",
                        "Nhà thầu chậm bàn giao thiết bị đợt 2", "Đề nghị Công an tỉnh hỗ trợ kết nối dữ liệu"],
                       ["1.1", "Số hóa dữ liệu hạ tầng giao thông", "Đang thực hiện", 70, "29/42 tuyến đường tỉnh",
                        None, None],
                       ["1.2", "Lắp camera giám sát các nút giao", "Đang thực hiện", 40, "8/20 nút giao", None, None]],
               widths=[6, 50, 16, 11, 32, 30, 30])
    for c in range(1, 8):
        ws.cell(row=2, column=c).font = Font(name="Times New Roman", size=12, bold=True)
    for rng in ("A1:A2", "B1:B2", "C1:E1", "F1:F2", "G1:G2"):
        ws.merge_cells(rng)
    ws["C1"].alignment = Alignment(horizontal="center")
    data = xlsx_bytes(wb, "SXD")
    plain = ("Kính gửi Tổ công tác,\n\nSở Xây dựng gửi báo cáo tuần 46 (09/11 - 13/11/2026) theo file đính kèm.\n\n"
             "Ngô Văn Bình\nVăn phòng Sở Xây dựng\n")
    msg = envelope(cid, SXD, subject, rec, mid_style="zimbra", extra=zimbra_headers(cid, subject))
    msg.set_content(plain, cte="quoted-printable")
    msg.add_alternative(zimbra_html(text_to_divs(plain.rstrip("\n"))), subtype="html", cte="quoted-printable")
    attach(msg, data, XLSX, "SXD_BC_tuan_46.xlsx")
    set_boundaries(msg, cid, "zimbra")
    exp = expected("Sở Xây dựng, .xlsx có tiêu đề hai tầng gộp ô ('Kết quả thực hiện' trên Tình trạng / Tiến độ (%) / "
                   "Kết quả); dòng nhiệm vụ NV10 (55%) có hai dòng hạng mục con 1.1 (70%) và 1.2 (40%) – hạng mục con "
                   "không phải nhiệm vụ riêng", rec, [
                       rep("SXD", "weekly", "2026-W46", {
                           "NV10": T("in_progress", 55, difficulties="thiết bị đợt 2"),
                       })])
    return cid, "xlsx_two_row_header_subitems", msg, exp


# =============================================================================================
# F028 – Zimbra HTML with a table pasted from LibreOffice Calc; the plain part is tab-separated

@case
def f028():
    cid, rec = "F028", at(25, 15, 50)
    subject = "BC ngày 25/11/2026 - UBND xã Phù Cát"
    rows = [["Mã nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Kết quả", "Khó khăn, vướng mắc"],
            ["NV14", "Hoàn thành", "100", "42/42 cán bộ có chữ ký số, đã ký số văn bản đi 100%", ""],
            ["NV15", "Đang thực hiện", "50", "Thêm trường THCS Cát Tân thu học phí qua ngân hàng", ""]]
    cells = []
    for r, row in enumerate(rows):
        tds = []
        for v in row:
            num = v.isdigit()
            inner = f'<font face="Times New Roman" size=3>{h(v) if v else "<br>"}</font>'
            if r == 0:
                inner = f"<b>{inner}</b>"
            sd = f' sdval="{v}" sdnum="1033;"' if num else ""
            tds.append('<td style="border-top: 1px solid #000000; border-bottom: 1px solid #000000; border-left: 1px solid '
                       f'#000000; border-right: 1px solid #000000" height="21" align="{"right" if num else "left"}" '
                       f'valign=bottom{sd}>{inner}</td>')
        cells.append("\n\t<tr>\n\t\t" + "\n\t\t".join(tds) + "\n\t</tr>")
    table = ('<table cellspacing="0" border="0">\n\t<colgroup width="104"></colgroup>\n\t<colgroup width="121"></colgroup>'
             '\n\t<colgroup width="86"></colgroup>\n\t<colgroup width="380"></colgroup>\n\t<colgroup width="160"></colgroup>'
             + "".join(cells) + "\n</table>")
    intro = "Kính gửi Tổ công tác,\nXã Phù Cát báo cáo ngày 25/11/2026:"
    plain = (intro + "\n\n" + "\n".join("\t".join(r) for r in rows) + "\n\nTrân trọng.\nVăn phòng UBND xã Phù Cát\n")
    htm = zimbra_html(text_to_divs(intro) + "<div><br></div><div>" + table + "</div><div><br></div>"
                      + text_to_divs("Trân trọng.\nVăn phòng UBND xã Phù Cát"))
    msg = envelope(cid, XPC, subject, rec, mid_style="zimbra", extra=zimbra_headers(cid, subject))
    msg.set_content(plain, cte="quoted-printable")
    msg.add_alternative(htm, subtype="html", cte="quoted-printable")
    set_boundaries(msg, cid, "zimbra")
    exp = expected("Xã Phù Cát, Zimbra web: bảng dán từ LibreOffice Calc (font, sdval, colgroup) trong phần HTML; phần "
                   "text/plain là các ô cách nhau bằng tab; kết quả NV14 có '100%' về văn bản ký số", rec, [
                       rep("XPC", "daily", "2026-11-25", {
                           "NV14": T("completed", 100),
                           "NV15": T("in_progress", 50),
                       })])
    return cid, "zimbra_calc_paste_tabs", msg, exp


# =============================================================================================
# F029 – Outlook HTML: general situation paragraph, a Word table, and a signature laid out as a table

@case
def f029():
    cid, rec = "F029", at(19, 15, 58)
    subject = "Văn phòng UBND tỉnh - báo cáo ngày 19/11/2026"
    W = [70, 90, 60, 250, 160]
    hb = dict(b=True, al="center")
    rows = [[{"t": "Mã nhiệm vụ", **hb}, {"t": "Tình trạng", **hb}, {"t": "Tiến độ (%)", **hb}, {"t": "Kết quả", **hb},
             {"t": "Khó khăn, vướng mắc", **hb}],
            ["NV07", "Đang thực hiện", {"t": "80", "al": "center"},
             "Đã rà soát 160/200 TTHC; dự thảo Quyết định công bố danh mục", "Chờ ý kiến của Công an tỉnh về 12 TTHC"],
            ["NV01", "Đang thực hiện", "", "Thẩm tra dự thảo kế hoạch do Sở KH&CN trình", ""]]
    sig = ("<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 style='border-collapse:collapse'><tr>"
           "<td width=90 valign=top style='width:67.5pt;border:none;border-right:solid #2E74B5 1.5pt;padding:0in 5.4pt'>"
           "<p class=MsoNormal><b><span style='font-size:20.0pt;color:#2E74B5'>VP</span></b></p></td>"
           "<td width=360 valign=top style='width:270.0pt;padding:0in 5.4pt'>"
           "<p class=MsoNormal><b><span style='color:#2E74B5'>Phạm Thị Hồng Nhung</span></b></p>"
           "<p class=MsoNormal><span style='font-size:10.0pt'>Chuyên viên Phòng Kiểm soát TTHC</span></p>"
           "<p class=MsoNormal><span style='font-size:10.0pt'>Văn phòng UBND tỉnh Bình Định | ĐT: 0256.3822.105</span></p>"
           "<p class=MsoNormal><span style='font-size:10.0pt'>Tình trạng hồ sơ: tra cứu tại dichvucong.binhdinh.gov.vn</span></p>"
           "</td></tr></table>")
    body = (WORD_HEAD + wp("Kính gửi Tổ công tác,", size=13) + wp()
            + wp("Tình hình chung: Trong ngày, Văn phòng tiếp tục rà soát, chuẩn hóa quy trình nội bộ các thủ tục hành "
                 "chính trực tuyến toàn trình.", size=13) + wp()
            + wtable(rows, W) + wp() + wp("Trân trọng!", size=13) + wp() + sig + WORD_TAIL)
    msg = envelope(cid, VPUB, subject, rec, extra=outlook_headers(cid, subject))
    msg.set_content(body, subtype="html", cte="quoted-printable")
    exp = expected("Văn phòng UBND tỉnh, Outlook HTML-only: đoạn 'Tình hình chung', bảng Word theo mẫu, rồi chữ ký là "
                   "một bảng hai cột không viền (có dòng 'Tình trạng hồ sơ: tra cứu tại …')", rec, [
                       rep("VPUB", "daily", "2026-11-19", {
                           "NV07": T("in_progress", 80, difficulties="12 TTHC"),
                           "NV01": T("in_progress", None),
                       })])
    return cid, "outlook_signature_table", msg, exp


# =============================================================================================
# F030 – old Outlook, plain text in windows-1258, upper-case labels, '-----Original Message-----'

@case
def f030():
    cid, rec = "F030", at(16, 16, 8)
    rem_at = at(16, 14, 30, 3)
    rem_subject = "[Nhắc báo cáo] Sở TC: chưa có báo cáo ngày – hạn 16:30 16/11/2026"
    subject = "RE: " + rem_subject
    rem = reminder("STC", "Trần Thị Bích Ngọc", "Sở Tài chính", "Ngày", "16/11/2026", "16:30 16/11/2026",
                   "14:30 16/11/2026", [("NV04", "Đang thực hiện", 90, "Đã có Quyết định phân bổ đợt 1")])
    text = f"""ĐƠN VỊ: SỞ TÀI CHÍNH
KỲ BÁO CÁO: 16/11/2026

NHIỆM VỤ: NV04
TÌNH TRẠNG: ĐANG THỰC HIỆN
TIẾN ĐỘ: 92 %
KẾT QUẢ: ĐÃ TỔNG HỢP NHU CẦU KINH PHÍ ĐỢT 2 CỦA 9/11 ĐƠN VỊ.
KHÓ KHĂN, VƯỚNG MẮC: CÒN 02 ĐƠN VỊ CHƯA GỬI DỰ TOÁN.

Trần Thị Bích Ngọc
Sở Tài chính Bình Định

-----Original Message-----
From: {US_NAME} [mailto:{US}]
Sent: {outlook_en(rem_at)}
To: stc@binhdinh.gov.vn
Subject: {rem_subject}

{rem}
"""
    msg = envelope(cid, STC, subject, rec, extra=[("X-Mailer", "Microsoft Office Outlook 12.0"),
                                                   ("Thread-Index", "Acl" + hid(cid, "ti", n=24)),
                                                   ("Content-Language", "vi")],
                   in_reply_to=f"<reminder.STC.2026-11-16.1430.{hid(cid, 'rem', n=8)}@baocao.binhdinh.gov.vn>")
    msg.set_content(cp1258(text.replace("\n", "\r\n")), "text", "plain", cte="quoted-printable")
    msg.set_param("charset", "windows-1258")
    msg.crlf = True
    exp = expected("Sở Tài chính, Outlook 2007 văn bản thuần mã windows-1258 (dấu thanh tổ hợp), quoted-printable; nhãn "
                   "và giá trị viết HOA ('TÌNH TRẠNG: ĐANG THỰC HIỆN', 'TIẾN ĐỘ: 92 %'); thư nhắc trích dẫn dưới "
                   "'-----Original Message-----' (không có '>') còn số cũ 90%", rec, [
                       rep("STC", "daily", "2026-11-16", {
                           "NV04": T("in_progress", 92, difficulties="dự toán"),
                       })])
    return cid, "outlook2007_cp1258_uppercase", msg, exp


# =============================================================================================
# F031 – Gmail with a table pasted from Google Sheets; a monthly report sent on 01/12

@case
def f031():
    cid, rec = "F031", at(1, 9, 10, month=12)
    subject = "ĐHQN - Báo cáo tháng 11"
    rows = [("Mã nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Kết quả", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị"),
            ("NV11", "Đang thực hiện", "70%",
             "Bộ GD&ĐT đã nhận hồ sơ đề án; hoàn thành sửa chữa 450 m2 mặt bằng; ký kết hợp tác với 3 doanh nghiệp",
             "Chưa có hướng dẫn cơ chế tự chủ tài chính", "Đề nghị Sở KH&CN, Sở Tài chính hướng dẫn")]
    tds = []
    for r, row in enumerate(rows):
        cells = []
        for c, v in enumerate(row):
            style = "overflow:hidden;padding:2px 3px 2px 3px;vertical-align:bottom;"
            if r == 0:
                style += "font-weight:bold;"
            attr = f' data-sheets-value="{h(json.dumps({"1": 2, "2": v}, ensure_ascii=False)).replace(chr(34), "&quot;")}"'
            if r == 1 and c == 2:
                attr = (' data-sheets-value="{&quot;1&quot;:3,&quot;3&quot;:0.7}" data-sheets-numberformat="{&quot;1&quot;:3,'
                        '&quot;2&quot;:&quot;0%&quot;,&quot;3&quot;:1}"')
                style += "text-align:right;"
            cells.append(f'<td style="{style}"{attr}>{h(v)}</td>')
        tds.append('<tr style="height:21px;">' + "".join(cells) + "</tr>")
    sheets = ('<google-sheets-html-origin><style type="text/css"><!--td {border: 1px solid #cccccc;}br '
              '{mso-data-placement:same-cell;}--></style><table xmlns="http://www.w3.org/1999/xhtml" cellspacing="0" '
              'cellpadding="0" dir="ltr" border="1" style="table-layout:fixed;font-size:10pt;font-family:Arial;width:0px;'
              'border-collapse:collapse;border:none" data-sheets-root="1"><colgroup><col width="100"><col width="110">'
              '<col width="90"><col width="420"><col width="260"><col width="260"></colgroup><tbody>'
              + "".join(tds) + "</tbody></table></google-sheets-html-origin>")
    intro = "Kính gửi Tổ công tác,\nTrường ĐH Quy Nhơn báo cáo kết quả tháng 11 ạ:"
    plain = (intro + "\n" + "\n".join(" ".join(r) for r in rows) + "\n\n-- \nTrương Văn Long\nPhòng KHCN&HTQT - "
             "Trường Đại học Quy Nhơn\n")
    htm = (f'<div dir="ltr">{text_to_divs(intro)}{sheets}<div><br></div><span class="gmail_signature_prefix">-- </span>'
           '<br><div dir="ltr" class="gmail_signature">Trương Văn Long<div>Phòng KHCN&amp;HTQT - Trường Đại học Quy Nhơn'
           '</div></div></div>\n')
    msg = envelope(cid, DHQN, subject, rec, mid_style="gmail")
    msg.set_content(plain, cte="quoted-printable")
    msg.add_alternative(htm, subtype="html", cte="quoted-printable")
    set_boundaries(msg, cid, "gmail")
    exp = expected("Trường ĐH Quy Nhơn (Google Workspace, Gmail) sáng 01/12 gửi báo cáo 'tháng 11' (không ghi năm): bảng "
                   "dán từ Google Sheets (data-sheets-value, ô 70% lưu 0.7); phần text/plain mỗi dòng bảng dồn thành một "
                   "dòng cách nhau bằng dấu cách", rec, [
                       rep("DHQN", "monthly", "2026-11", {
                           "NV11": T("in_progress", 70, difficulties="tự chủ tài chính"),
                       })])
    return cid, "gmail_google_sheets_paste_monthly", msg, exp


# =============================================================================================
# F032 – Outlook, Word table naming tasks by shortened titles with abbreviations

@case
def f032():
    cid, rec = "F032", at(25, 16, 5)
    subject = "Sở KH&CN - báo cáo ngày 25/11"
    W = [34, 280, 110, 80, 200]
    hb = dict(b=True, al="center")
    rows = [[{"t": "TT", **hb}, {"t": "Tên nhiệm vụ", **hb}, {"t": "Trạng thái", **hb}, {"t": "% hoàn thành", **hb},
             {"t": "Ghi chú", **hb}],
            [{"t": "1", "al": "center"}, "Kế hoạch triển khai NQ 57-NQ/TW của tỉnh", "Đang thực hiện",
             {"t": "92", "al": "center"}, "Chờ UBND tỉnh ký ban hành"],
            [{"t": "2", "al": "center"}, "Rà soát cơ chế hỗ trợ DN khởi nghiệp ĐMST", "Đang thực hiện",
             {"t": "62", "al": "center"}, ""],
            [{"t": "3", "al": "center"}, "Sàn giao dịch công nghệ tỉnh", "Tạm dừng", {"t": "—", "al": "center"},
             "Chưa được bố trí kinh phí"]]
    body = (WORD_HEAD + wp("Kính gửi Tổ công tác,", size=13) + wp()
            + wp("Sở KH&CN báo cáo nhanh tiến độ ngày 25/11/2026:", size=13) + wp() + wtable(rows, W) + wp()
            + outlook_sig(SIG_SKHCN) + WORD_TAIL)
    msg = envelope(cid, SKHCN, subject, rec, extra=outlook_headers(cid, subject))
    msg.set_content(body, subtype="html", cte="quoted-printable")
    exp = expected("Sở KH&CN, Outlook HTML-only: bảng không có mã, tên nhiệm vụ rút gọn và viết tắt ('NQ 57', 'DN', "
                   "'ĐMST'); cột 'Trạng thái' và '% hoàn thành'; NV03 'Tạm dừng' với tiến độ '—'", rec, [
                       rep("SKHCN", "daily", "2026-11-25", {
                           "NV01": T("in_progress", 92),
                           "NV02": T("in_progress", 62),
                           "NV03": T("paused", None),
                       })])
    return cid, "outlook_short_titles_abbreviations", msg, exp


# =============================================================================================
# F033 – Outlook: the report is a screenshot pasted into the mail, nothing else

@case
def f033():
    cid, rec = "F033", at(27, 15, 30)
    subject = "Báo cáo ngày 27/11/2026 - Sở Y tế"
    cid_img = "image001.png@01DB5E2A.7C3B9F10"
    body = (WORD_HEAD + wp("Kính gửi Tổ công tác,", size=12) + wp()
            + wp("Sở Y tế gửi báo cáo ngày 27/11/2026 như hình dưới ạ.", size=12) + wp()
            + f"<p class=MsoNormal><img width=640 height=213 style='width:6.6666in;height:2.2187in' id=\"Picture_x0020_1\" "
              f"src=\"cid:{cid_img}\"><o:p></o:p></p>" + wp()
            + outlook_sig(["Huỳnh Thị Mai", "Sở Y tế"]) + WORD_TAIL)
    msg = envelope(cid, SYT, subject, rec, extra=outlook_headers(cid, subject))
    alt = MIMEPart(policy=policy.default)
    alt.set_content("Kính gửi Tổ công tác,\n\nSở Y tế gửi báo cáo ngày 27/11/2026 như hình dưới ạ.\n\n[cid:" + cid_img
                    + "]\n\nHuỳnh Thị Mai\nSở Y tế\n", cte="quoted-printable")
    alt.add_alternative(body, subtype="html", cte="quoted-printable")
    img = MIMEPart(policy=policy.default)
    img.set_content(png_bytes(), "image", "png", cid=f"<{cid_img}>", filename="image001.png", disposition="inline")
    msg["Content-Type"] = 'multipart/related; type="multipart/alternative"'
    msg.set_payload([alt, img])
    set_boundaries(msg, cid, "outlook")
    exp = expected("Sở Y tế, Outlook: báo cáo là ảnh chụp bảng dán vào thư (multipart/related, cid:image001.png); "
                   "chữ trong thư chỉ có lời gửi – không có nội dung nào đọc được", rec, [],
                   outcome="rejected", codes=["not_a_report"])
    return cid, "outlook_inline_screenshot_only", msg, exp


# =============================================================================================
# F034 – .xlsx with a row of dashes for a task that has nothing new

@case
def f034():
    cid, rec = "F034", at(19, 16, 22)
    subject = "BC ngày 19/11/2026 - xã Phù Cát"
    wb = openpyxl.Workbook()
    ws = wb.active
    sheet_rows(ws, 1, [
        ["Mã nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Kết quả", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị", "Ghi chú"],
        ["NV14", "Hoàn thành", 100, "Duy trì ký số 100% văn bản đi", "-", "-", None],
        ["NV15", "-", "-", "-", "-", "-", "Chưa có số liệu mới, sẽ cập nhật ngày 20/11"],
    ], widths=[12, 16, 11, 40, 20, 20, 40])
    data = xlsx_bytes(wb, "UBND xa Phu Cat")
    plain = "Xã Phù Cát gửi báo cáo ngày 19/11/2026.\n\nVăn phòng UBND xã Phù Cát\n"
    msg = envelope(cid, XPC, subject, rec, mid_style="zimbra", extra=zimbra_headers(cid, subject))
    msg.set_content(plain, cte="quoted-printable")
    msg.add_alternative(zimbra_html(text_to_divs(plain.rstrip("\n"))), subtype="html", cte="quoted-printable")
    attach(msg, data, XLSX, "PhuCat_19112026.xlsx")
    set_boundaries(msg, cid, "zimbra")
    exp = expected("Xã Phù Cát, .xlsx theo mẫu: dòng NV15 toàn dấu '-' với ghi chú 'Chưa có số liệu mới' – không có "
                   "tình trạng, tiến độ nào được ghi; NV14 hoàn thành 100", rec, [
                       rep("XPC", "daily", "2026-11-19", {
                           "NV14": T("completed", 100),
                           "NV15": T(None, None, notes="Chưa có số liệu mới"),
                       })])
    return cid, "xlsx_dash_row", msg, exp


# =============================================================================================
# F035 – Word "Send to Mail Recipient": the whole official monthly report as the mail body

@case
def f035():
    cid, rec = "F035", at(30, 16, 20)
    subject = "Báo cáo tháng 11/2026 - Công an tỉnh"
    nb = "border:none;padding:0in 5.4pt 0in 5.4pt"

    def col(lines, width):
        ps = "".join(wp(x, b=not x.startswith(("Số:", "Bình Định,")), i=x.startswith("Bình Định,"), align="center",
                        size=13) for x in lines)
        return f"<td width={width} valign=top style='width:{width * 0.75:.1f}pt;{nb}'>{ps}</td>"
    header = ("<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 width=640 style='width:480.0pt;"
              "border-collapse:collapse'><tr>"
              + col(["CÔNG AN TỈNH BÌNH ĐỊNH", "PHÒNG PC06", "Số: 1234/BC-CAT-PC06"], 250)
              + col(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Bình Định, ngày 30 tháng 11 năm 2026"], 390) + "</tr></table>")
    W = [40, 230, 100, 70, 200]
    hb = dict(b=True, al="center")
    rows = [[{"t": "TT", **hb}, {"t": "Nhiệm vụ", **hb}, {"t": "Tình trạng", **hb}, {"t": "Tiến độ", **hb},
             {"t": "Kết quả đạt được", **hb}],
            [{"t": "1", "al": "center"}, TITLES["NV05"], "Đang thực hiện", {"t": "95%", "al": "center"},
             "Làm sạch 98.215 trường hợp trong tháng"],
            [{"t": "2", "al": "center"}, TITLES["NV06"], "Đang thực hiện", {"t": "74%", "al": "center"},
             "Kích hoạt 112.480 tài khoản trong tháng"],
            [{"t": "3", "al": "center"}, TITLES["NV10"] + " (Sở Xây dựng chủ trì, Công an tỉnh phối hợp)",
             "Đang thực hiện", {"t": "—", "al": "center"}, "Đã kết nối 12/20 camera về Trung tâm chỉ huy"]]
    body = (WORD_HEAD + header + wp()
            + wp("BÁO CÁO", b=True, align="center", size=14)
            + wp("Kết quả thực hiện Đề án 06 và chuyển đổi số tháng 11 năm 2026", b=True, align="center")
            + wp("_______________", align="center") + wp()
            + wp("I. TÌNH HÌNH CHUNG", b=True)
            + wp("Trong tháng 11/2026, Công an tỉnh đã tổ chức 12 đợt cao điểm làm sạch dữ liệu dân cư và cấp tài "
                 "khoản định danh điện tử mức độ 2 tại các xã, phường.")
            + wp("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", b=True) + wtable(rows, W) + wp()
            + wp("III. KHÓ KHĂN, VƯỚNG MẮC", b=True)
            + wp("Dữ liệu hộ tịch giấy tại các xã miền núi chưa được số hóa; người dân cao tuổi chưa có điện thoại "
                 "thông minh.")
            + wp("IV. ĐỀ XUẤT, KIẾN NGHỊ", b=True)
            + wp("Đề nghị Sở Tư pháp hoàn thành số hóa sổ hộ tịch trong tháng 12/2026.") + wp()
            + "<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 style='border-collapse:collapse'><tr>"
            + f"<td width=300 valign=top style='width:225.0pt;{nb}'>" + wp("Nơi nhận:", b=True, i=True, size=12)
            + wp("- Tổ công tác của Chủ tịch UBND tỉnh;", size=11) + wp("- Lưu: VT, PC06.", size=11) + "</td>"
            + f"<td width=340 valign=top style='width:255.0pt;{nb}'>" + wp("KT. GIÁM ĐỐC", b=True, align="center")
            + wp("PHÓ GIÁM ĐỐC", b=True, align="center") + wp() + wp() + wp("Đại tá Lê Văn Hùng", b=True, align="center")
            + "</td></tr></table>" + WORD_TAIL)
    msg = envelope(cid, CAT, subject, rec, extra=outlook_headers(cid, subject))
    msg.set_content(body, subtype="html", cte="quoted-printable")
    exp = expected("Công an tỉnh gửi cả văn bản báo cáo tháng làm thân thư (Word 'Gửi tới người nhận thư'): bảng bố "
                   "cục không viền cho phần đầu theo Nghị định 30 ('Số: 1234/BC-CAT-PC06', 'ngày 30 tháng 11 năm 2026'), "
                   "bảng nhiệm vụ chỉ ghi tên, có một nhiệm vụ phối hợp (NV10) tiến độ '—', cuối là bảng Nơi nhận / "
                   "chữ ký", rec, [
                       rep("CAT", "monthly", "2026-11", {
                           "NV05": T("in_progress", 95),
                           "NV06": T("in_progress", 74),
                           "NV10": T("in_progress", None),
                       })])
    return cid, "word_document_as_body_monthly", msg, exp


# =============================================================================================

def main() -> None:
    CASES.mkdir(exist_ok=True)
    for old in CASES.glob("F[0-9][0-9][0-9]_*"):
        old.unlink()
    seen_ids = set()
    for fn in CASE_FUNCS:
        cid, slug, msg, exp = fn()
        for k, v in getattr(msg, "late_headers", []):
            msg[k] = v
        mid = msg["Message-ID"]
        assert mid not in seen_ids, mid
        seen_ids.add(mid)
        pol = policy.default.clone(linesep="\r\n") if getattr(msg, "crlf", False) else policy.default
        (CASES / f"{cid}_{slug}.eml").write_bytes(msg.as_bytes(policy=pol))
        (CASES / f"{cid}_{slug}.expected.json").write_text(
            json.dumps(exp, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(CASE_FUNCS)} cases to {CASES}")


if __name__ == "__main__":
    main()
