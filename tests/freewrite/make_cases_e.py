#!/usr/bin/env python3
"""Series E of the free-writing corpus (tests/freewrite/README.md): a fortnight in the reporting mailbox.

What arrives at baocao@binhdinh.gov.vn between Monday 16/11/2026 and Tuesday 01/12/2026, in
proportion: mostly ordinary daily reports from the units' focal points (and the colleagues who
write for them), each with their own habits, a few weekly and monthly reports, some attachments,
and the usual oddities (a late Friday weekly, a correction, a shared commune mailbox, a phone
message, a qualified status, a range, a forward, an auto-reply, an unregistered sender).

Run with the project's virtualenv (python-docx and openpyxl are needed for the attachments):

    /work/main/.venv/bin/python tests/freewrite/make_cases_e.py

It (re)writes cases/E*.eml and cases/E*.expected.json; the output is byte-stable.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import unicodedata
import zipfile
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import openpyxl
from docx import Document
from docx.shared import Pt
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
TZ = dt.timezone(dt.timedelta(hours=7))
OUR = "baocao@binhdinh.gov.vn"
OUR_NAME = "Kênh báo cáo điện tử"
FIXED_ZIP_TIME = (2026, 11, 1, 8, 0, 0)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

ZIMBRA_UA = "Zimbra 8.8.15_GA_4581 (ZimbraWebClient - GC131 (Win)/8.8.15_GA_4581)"
OUTLOOK = "Microsoft Outlook 16.0"
THUNDERBIRD = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Thunderbird/128.4.0"


# --------------------------------------------------------------------------- helpers


def when(day: str, hm: str, sec: int = 0) -> dt.datetime:
    """'16/11' or '01/12' and '15:42' -> aware datetime in +07:00."""
    d, m = (int(x) for x in day.split("/"))
    h, mi = (int(x) for x in hm.split(":"))
    return dt.datetime(2026, m, d, h, mi, sec, tzinfo=TZ)


def rfc(t: dt.datetime) -> str:
    return format_datetime(t)


def new_message(
    *,
    frm: str,
    subject: str,
    received: dt.datetime,
    mid: str,
    to: str = OUR,
    cc: str | None = None,
    delay: int = 37,
    via: str = "zimbra",
    mailer: tuple[str, str] | None = None,
    extra: list[tuple[str, str]] | None = None,
) -> EmailMessage:
    """A message with the Received chain our side and the sender's side would write."""
    sent = received - dt.timedelta(seconds=delay)
    msg = EmailMessage(policy=policy.default)
    qid = f"4{mid.encode().hex()[:10].upper()}"
    msg["Return-Path"] = "<" + re.sub(r".*<|>.*", "", frm) + ">"
    msg["Received"] = (
        f"from mail.binhdinh.gov.vn (mail.binhdinh.gov.vn [103.9.86.20]) by mx1.binhdinh.gov.vn "
        f"(Postfix) with ESMTPS id {qid} for <{OUR}>; {rfc(received)}"
    )
    if via == "gmail":
        msg["Received"] = (
            f"from mail-pj1-f54.google.com (mail-pj1-f54.google.com [209.85.216.54]) by "
            f"mail.binhdinh.gov.vn (Postfix) with ESMTPS id {qid[:-2]}7A; {rfc(sent + dt.timedelta(seconds=2))}"
        )
    elif via == "qnu":
        msg["Received"] = (
            f"from mail.qnu.edu.vn (mail.qnu.edu.vn [14.225.1.60]) by mail.binhdinh.gov.vn "
            f"(Postfix) with ESMTPS id {qid[:-2]}3C; {rfc(sent + dt.timedelta(seconds=3))}"
        )
    elif via == "congan":
        msg["Received"] = (
            f"from mail.congan.binhdinh.gov.vn (mail.congan.binhdinh.gov.vn [10.45.2.11]) by "
            f"mail.binhdinh.gov.vn (Postfix) with ESMTPS id {qid[:-2]}9E; {rfc(sent + dt.timedelta(seconds=4))}"
        )
    else:
        msg["Received"] = (
            f"from localhost (localhost [127.0.0.1]) by mail.binhdinh.gov.vn (Postfix) with ESMTP id "
            f"{qid[:-2]}1B; {rfc(sent + dt.timedelta(seconds=1))}"
        )
    msg["Date"] = rfc(sent)
    msg["From"] = frm
    msg["To"] = to
    if cc:
        msg["Cc"] = cc
    msg["Subject"] = subject
    msg["Message-ID"] = mid
    msg["MIME-Version"] = "1.0"
    if mailer:
        msg[mailer[0]] = mailer[1]
    for k, v in extra or []:
        msg[k] = v
    return msg


def fix_zip(data: bytes) -> bytes:
    """Rewrite an OOXML zip with fixed timestamps so that regeneration is byte-stable."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = body.decode("utf-8")
                text = re.sub(
                    r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)",
                    r"\g<1>2026-11-01T01:00:00Z\g<3>",
                    text,
                )
                body = text.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, body)
    return out.getvalue()


def cp1258_bytes(text: str) -> bytes:
    """Encode Vietnamese text the way a windows-1258 client does: base letters (â ê ô ơ ư ă đ are
    single bytes) followed by combining tone marks."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], list(parts[1:])
        # recompose the vowel-quality mark (circumflex, breve, horn) into the base when possible
        for i, mk in enumerate(marks):
            cand = unicodedata.normalize("NFC", base + mk)
            if len(cand) == 1:
                try:
                    cand.encode("cp1258")
                except UnicodeEncodeError:
                    continue
                base = cand
                marks.pop(i)
                break
        out += base.encode("cp1258")
        for mk in marks:
            out += mk.encode("cp1258")
    return bytes(out)


def outlook_html(paragraphs: list[str], *, font: str = "Times New Roman", size: str = "13.0pt") -> str:
    """Word-generated HTML as Outlook sends it (MsoNormal paragraphs, o:p, &nbsp;)."""
    head = (
        '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" '
        'xmlns="http://www.w3.org/TR/REC-html40">\n<head>\n'
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
        '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n'
        "<style><!--\n/* Font Definitions */\n"
        "@font-face\n\t{font-family:\"Cambria Math\";\n\tpanose-1:2 4 5 3 5 4 6 3 2 4;}\n"
        "@font-face\n\t{font-family:Calibri;\n\tpanose-1:2 15 5 2 2 2 4 3 2 4;}\n"
        "/* Style Definitions */\n"
        "p.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0in;\n\tfont-size:11.0pt;\n\tfont-family:\"Calibri\",sans-serif;}\n"
        "span.EmailStyle17\n\t{mso-style-type:personal-compose;\n\tfont-family:\"Calibri\",sans-serif;\n\tcolor:windowtext;}\n"
        ".MsoChpDefault\n\t{mso-style-type:export-only;\n\tfont-family:\"Calibri\",sans-serif;}\n"
        "@page WordSection1\n\t{size:8.5in 11.0in;\n\tmargin:1.0in 1.0in 1.0in 1.0in;}\n"
        "div.WordSection1\n\t{page:WordSection1;}\n"
        "--></style><!--[if gte mso 9]><xml>\n<o:shapedefaults v:ext=\"edit\" spidmax=\"1026\" />\n</xml><![endif]-->\n"
        "</head>\n"
        '<body lang="EN-US" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">\n'
        '<div class="WordSection1">\n'
    )
    body = []
    span = f'<span style="font-size:{size};font-family:&quot;{font}&quot;,serif">'
    for p in paragraphs:
        if p.startswith("<table"):
            body.append(p)
        elif p == "":
            body.append(f'<p class="MsoNormal">{span}<o:p>&nbsp;</o:p></span></p>')
        else:
            body.append(f'<p class="MsoNormal">{span}{p}<o:p></o:p></span></p>')
    return head + "\n".join(body) + "\n</div>\n</body>\n</html>\n"


def outlook_table(rows: list[list[str]], widths: list[int]) -> str:
    cell_style = (
        "border:solid windowtext 1.0pt;padding:0in 5.4pt 0in 5.4pt"
    )
    out = [
        '<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" '
        'style="border-collapse:collapse;border:none">'
    ]
    for r, row in enumerate(rows):
        out.append("<tr>")
        for c, val in enumerate(row):
            txt = val if val else "<o:p>&nbsp;</o:p>"
            if r == 0:
                txt = f"<b>{txt}</b>"
            out.append(
                f'<td width="{widths[c]}" valign="top" style="width:{widths[c] * 0.75:.1f}pt;{cell_style}">'
                f'<p class="MsoNormal"><span style="font-size:12.0pt;font-family:&quot;Times New Roman&quot;,serif">'
                f"{txt}<o:p></o:p></span></p></td>"
            )
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)


def docx_report(
    *,
    agency: str,
    number: str,
    place_date: str,
    title: str,
    subtitle: str,
    intro: list[str],
    table: list[list[str]],
    after: list[str],
    signer: list[str],
) -> bytes:
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Times New Roman"
    st.font.size = Pt(13)
    cp = doc.core_properties
    cp.author = "VanThu"
    cp.last_modified_by = "VanThu"
    cp.created = dt.datetime(2026, 11, 1, 8, 0, 0)
    cp.modified = dt.datetime(2026, 11, 1, 8, 0, 0)
    cp.revision = 3
    hdr = doc.add_table(rows=3, cols=2)
    hdr.cell(0, 0).text = "UBND TỈNH BÌNH ĐỊNH"
    hdr.cell(1, 0).text = agency
    hdr.cell(2, 0).text = number
    hdr.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    hdr.cell(1, 1).text = "Độc lập - Tự do - Hạnh phúc"
    hdr.cell(2, 1).text = place_date
    doc.add_paragraph("")
    p = doc.add_paragraph()
    r = p.add_run("BÁO CÁO")
    r.bold = True
    p = doc.add_paragraph()
    r = p.add_run(title)
    r.bold = True
    doc.add_paragraph(subtitle)
    for line in intro:
        doc.add_paragraph(line)
    t = doc.add_table(rows=len(table), cols=len(table[0]))
    t.style = "Table Grid"
    for i, row in enumerate(table):
        for j, val in enumerate(row):
            t.cell(i, j).text = val
    for line in after:
        doc.add_paragraph(line)
    for line in signer:
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return fix_zip(buf.getvalue())


def encode_subject(subject: str, nl: str) -> str:
    """RFC 2047 the way mail clients write it: UTF-8 base64 words, each space kept inside a word
    (Python's own folding drops the space between two adjacent encoded words)."""
    if subject.isascii():
        return subject
    import base64

    pieces, cur = [], ""
    for word in subject.split(" "):
        cand = (cur + " " + word) if cur else word
        if len(cand.encode("utf-8")) > 36 and cur:
            pieces.append(cur + " ")
            cur = word
        else:
            cur = cand
    pieces.append(cur)
    words = ["=?UTF-8?B?" + base64.b64encode(p.encode("utf-8")).decode("ascii") + "?=" for p in pieces]
    return (nl + " ").join(words)


def write_case(name: str, msg: EmailMessage | bytes, expected: dict, *, crlf: bool = False) -> None:
    if isinstance(msg, EmailMessage):
        pol = policy.SMTP if crlf else policy.default
        subject = str(msg["Subject"])
        data = msg.as_bytes(policy=pol)
        nl = "\r\n" if crlf else "\n"
        head, sep, body = data.partition((nl + nl).encode())
        head = re.sub(
            rb"(?m)^Subject:[^\r\n]*(?:" + nl.encode() + rb"[ \t][^\r\n]*)*",
            lambda _m: ("Subject: " + encode_subject(subject, nl)).encode("ascii"),
            head,
            count=1,
        )
        data = head + sep + body
    else:
        data = msg
    (CASES / f"{name}.eml").write_bytes(data)
    (CASES / f"{name}.expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


def exp(desc: str, received: dt.datetime, reports: list[dict] | None = None, **kw) -> dict:
    e = {"description": desc, "received_at": received.isoformat(), "outcome": kw.pop("outcome", "accepted")}
    if "codes" in kw:
        e["codes"] = kw.pop("codes")
    e["reports"] = reports or []
    if "absent" in kw:
        e["absent_tasks"] = kw.pop("absent")
    if kw.pop("crlf", False):
        e["crlf"] = True  # how to write the .eml; popped before expected.json is written
    assert not kw, kw
    return e


def rep(unit: str, kind: str, period: str, tasks: dict, uncertain: list[tuple[str, str]] | None = None) -> dict:
    r = {"unit": unit, "kind": kind, "period": period, "tasks": tasks}
    if uncertain:
        r["uncertain"] = [{"task": t, "field": f} for t, f in uncertain]
    return r


def T(status, progress, **contains) -> dict:
    d = {"status": status, "progress": progress}
    for k, v in contains.items():
        d[f"{k}_contains"] = v
    return d


CASE_LIST = []


def case(fn):
    CASE_LIST.append(fn)
    return fn


# --------------------------------------------------------------------------- the fortnight


@case
def e001():
    t = when("16/11", "08:20", 14)
    m = new_message(
        frm="Trương Văn Long <khcn@qnu.edu.vn>",
        subject="Bổ sung báo cáo tuần trước - Trường ĐH Quy Nhơn",
        received=t,
        mid="<a91c3d2e-5b7f-4e10-9c2a-6f1d0b8e7a41@qnu.edu.vn>",
        via="qnu",
        mailer=("User-Agent", THUNDERBIRD),
    )
    m.set_content(
        "Kính gửi Văn phòng UBND tỉnh,\n"
        "\n"
        "Chiều thứ Sáu vừa rồi đường truyền của Trường bị gián đoạn nên chưa gửi được, nay Trường gửi bổ sung "
        "báo cáo tuần trước (09/11 - 13/11/2026) như sau:\n"
        "\n"
        "NV11 - Thành lập Trung tâm ĐMST tại Trường: đang thực hiện, tiến độ 35%.\n"
        "Kết quả: Hoàn thiện dự thảo Đề án thành lập Trung tâm, trình Hội đồng trường xem xét tại phiên họp "
        "ngày 18/11.\n"
        "Khó khăn: chưa có.\n"
        "\n"
        "Trân trọng,\n"
        "-- \n"
        "TS. Trương Văn Long\n"
        "Phòng Khoa học và Hợp tác quốc tế - Trường Đại học Quy Nhơn\n"
        "170 An Dương Vương, TP. Quy Nhơn\n",
        charset="utf-8",
        cte="quoted-printable",
    )
    return "E001_dhqn_tuan_truoc_gui_bo_sung_thu_hai", m, exp(
        "ĐH Quy Nhơn gửi sáng thứ Hai bổ sung báo cáo 'tuần trước (09/11 - 13/11/2026)', một dòng trạng thái + tiến độ",
        t,
        [rep("DHQN", "weekly", "2026-W46", {"NV11": T("in_progress", 35, result="dự thảo Đề án")})],
    )


@case
def e002():
    t = when("16/11", "15:42", 8)
    m = new_message(
        frm="Nguyễn Văn An <skhcn@binhdinh.gov.vn>",
        subject="Báo cáo ngày 16/11/2026 - Sở KH&CN",
        received=t,
        mid="<1892447301.210455.1763282487211.JavaMail.zimbra@binhdinh.gov.vn>",
        mailer=("X-Mailer", ZIMBRA_UA),
    )
    m.set_content(
        "Kính gửi: Văn phòng UBND tỉnh\n"
        "\n"
        "Sở Khoa học và Công nghệ báo cáo tiến độ thực hiện nhiệm vụ ngày 16/11/2026 như sau:\n"
        "\n"
        "Đơn vị: Sở KH&CN\n"
        "Loại báo cáo: Ngày\n"
        "Kỳ báo cáo: 16/11/2026\n"
        "\n"
        "Nhiệm vụ: NV01 - Xây dựng kế hoạch triển khai Nghị quyết 57-NQ/TW của tỉnh\n"
        "Tình trạng: Đang thực hiện\n"
        "Tiến độ: 60%\n"
        "Kết quả: Đã hoàn thiện dự thảo Kế hoạch lần 2, gửi lấy ý kiến các sở, ngành.\n"
        "Khó khăn, vướng mắc: Một số đơn vị chưa gửi ý kiến góp ý.\n"
        "Đề xuất, kiến nghị: Đề nghị VP UBND tỉnh đôn đốc các đơn vị gửi ý kiến trước ngày 20/11.\n"
        "\n"
        "Nhiệm vụ: NV02\n"
        "Tình trạng: Đang thực hiện\n"
        "Tiến độ: 30%\n"
        "Kết quả: Đang tổng hợp cơ chế hỗ trợ khởi nghiệp của 5 tỉnh để tham khảo.\n"
        "Khó khăn, vướng mắc: Không\n"
        "\n"
        "Nhiệm vụ: NV03\n"
        "Tình trạng: Chưa triển khai\n"
        "Tiến độ: \n"
        "Kết quả: Chờ bố trí kinh phí.\n"
        "\n"
        "Trân trọng./.\n"
        "\n"
        "Nguyễn Văn An\n"
        "Phòng Quản lý khoa học - Sở KH&CN Bình Định\n"
        "ĐT: 0256.3822.614\n",
        charset="utf-8",
        cte="8bit",
    )
    return "E002_skhcn_mau_chuan_ba_nhiem_vu", m, exp(
        "Sở KH&CN, mẫu chuẩn có nhãn đầy đủ, ba nhiệm vụ; NV03 'Chưa triển khai' với dòng Tiến độ bỏ trống",
        t,
        [
            rep(
                "SKHCN",
                "daily",
                "2026-11-16",
                {
                    "NV01": T(
                        "in_progress",
                        60,
                        result="dự thảo Kế hoạch lần 2",
                        difficulties="chưa gửi ý kiến",
                        proposals="đôn đốc",
                    ),
                    "NV02": T("in_progress", 30),
                    "NV03": T("not_started", None),
                },
            )
        ],
    )


@case
def e003():
    t = when("16/11", "16:12", 40)
    m = new_message(
        frm='"Trần Thị Bích Ngọc" <stc@binhdinh.gov.vn>',
        subject="BC tiến độ NV04 ngày 16/11",
        received=t,
        mid="<2017739512.214988.1763284318730.JavaMail.zimbra@binhdinh.gov.vn>",
        mailer=("X-Mailer", ZIMBRA_UA),
    )
    m.set_content(
        "Kính gửi Văn phòng UBND tỉnh,\n"
        "\n"
        "Sở Tài chính báo cáo tiến độ thực hiện nhiệm vụ ngày 16/11/2026 như sau:\n"
        "\n"
        "Về nhiệm vụ NV04 (Bố trí kinh phí sự nghiệp khoa học công nghệ và chuyển đổi số năm 2026): Sở đang "
        "thực hiện, đã tổng hợp xong nhu cầu kinh phí của các sở, ngành và địa phương, trong đó có nhu cầu "
        "kinh phí xây dựng Kế hoạch triển khai Nghị quyết 57 (nhiệm vụ NV01 do Sở KH&CN chủ trì). Hiện Sở "
        "đang cân đối nguồn để tham mưu UBND tỉnh quyết định phân bổ; tiến độ ước đạt 70%. Khó khăn: nguồn "
        "tăng thu ngân sách năm 2026 chưa đảm bảo, nhu cầu đăng ký vượt khả năng cân đối. Sở đề xuất UBND "
        "tỉnh cho phép sử dụng nguồn cải cách tiền lương còn dư.\n"
        "\n"
        "Trân trọng.\n"
        "Trần Thị Bích Ngọc\n"
        "Phòng Tài chính hành chính sự nghiệp - Sở Tài chính\n",
        charset="utf-8",
        cte="quoted-printable",
    )
    return "E003_stc_doan_van_nv04_nhac_nv01", m, exp(
        "Sở Tài chính viết một đoạn văn cho NV04 ('Sở đang thực hiện … tiến độ ước đạt 70%'); NV01 chỉ được nhắc "
        "đến như nhiệm vụ của Sở KH&CN",
        t,
        [rep("STC", "daily", "2026-11-16", {"NV04": T("in_progress", 70, difficulties="tăng thu")})],
        absent=["NV01"],
    )


@case
def e004():
    t = when("16/11", "16:20", 51)
    m = new_message(
        frm="DOI PC06 - CA TINH <daumoi.de06@congan.binhdinh.gov.vn>",
        subject="BAO CAO NGAY 16/11/2026 - CONG AN TINH",
        received=t,
        mid="<000a01db3c5f$8e2a1b40$aa7e51c0$@congan.binhdinh.gov.vn>",
        via="congan",
        mailer=("X-Mailer", "Microsoft Outlook 14.0"),
    )
    m.set_content(
        "DON VI: CONG AN TINH\n"
        "LOAI BAO CAO: NGAY\n"
        "KY BAO CAO: 16/11/2026\n"
        "\n"
        "NHIEM VU: NV05 - LAM SACH DU LIEU DAN CU\n"
        "TINH TRANG: DANG THUC HIEN\n"
        "TIEN DO: 85%\n"
        "KET QUA: DA RA SOAT, LAM SACH 1.245.250/1.465.000 TRUONG THONG TIN\n"
        "KHO KHAN, VUONG MAC: DU LIEU TU NGANH Y TE CHUA DONG BO\n"
        "\n"
        "NHIEM VU: NV06 - CAP TAI KHOAN DDDT MUC DO 2\n"
        "TINH TRANG: DANG TRIEN KHAI\n"
        "TIEN DO: 62%\n"
        "KET QUA: TRONG NGAY CAP THEM 1.812 TAI KHOAN, LUY KE 612.440 TAI KHOAN\n"
        "\n"
        "DOI PC06 - CONG AN TINH BINH DINH\n",
        charset="us-ascii",
        cte="7bit",
    )
    return "E004_cat_chu_in_hoa_khong_dau", m, exp(
        "Công an tỉnh, mẫu chuẩn toàn chữ in hoa không dấu, hai nhiệm vụ, số có dấu chấm hàng nghìn",
        t,
        [
            rep(
                "CAT",
                "daily",
                "2026-11-16",
                {
                    "NV05": T("in_progress", 85, difficulties="NGANH Y TE"),
                    "NV06": T("in_progress", 62, result="1.812"),
                },
            )
        ],
    )


@case
def e005():
    t = when("17/11", "15:55", 3)
    m = new_message(
        frm="Phạm Thị Hồng Nhung <vpub@binhdinh.gov.vn>",
        subject="Báo cáo ngày 17/11/2026 – VP UBND tỉnh",
        received=t,
        mid="<001201db3d21$5f0c9a70$1d25cf50$@binhdinh.gov.vn>",
        mailer=("X-Mailer", OUTLOOK),
        extra=[("Thread-Index", "AdtdIV8MaRLoqWf7Q1+5Pd1sZ6cHkw=="), ("Content-Language", "vi")],
    )
    html = outlook_html(
        [
            "Kính gửi: Tổ công tác của Chủ tịch UBND tỉnh",
            "",
            "Văn phòng UBND tỉnh báo cáo tiến độ thực hiện nhiệm vụ ngày 17/11/2026 như sau:",
            "",
            "<b>Nhiệm vụ NV07 – Rà soát thủ tục hành chính thực hiện trực tuyến toàn trình</b>",
            "- Tình trạng: Đang thực hiện",
            "- Tiến độ: 80&nbsp;%",
            "- Kết quả: Đã rà soát 1.126 TTHC, xác định 412 TTHC đủ điều kiện cung cấp trực tuyến toàn trình; "
            "dự thảo Quyết định công bố danh mục đang lấy ý kiến Công an tỉnh.",
            "- Khó khăn, vướng mắc: Một số TTHC liên thông phải chờ Bộ, ngành Trung ương hướng dẫn.",
            "- Đề xuất: Không.",
            "",
            "Trân trọng!",
            "",
            "<b>Phạm Thị Hồng Nhung</b>",
            "Phòng Kiểm soát TTHC – Văn phòng UBND tỉnh Bình Định",
            "ĐT: 0256 3821 356",
        ]
    )
    m.set_content(html, subtype="html", charset="utf-8", cte="quoted-printable")
    return "E005_vpub_outlook_html_gach_dau_dong", m, exp(
        "Văn phòng UBND tỉnh, thư Outlook chỉ có HTML (MsoNormal, &nbsp; trước %), nhãn sau gạch đầu dòng",
        t,
        [
            rep(
                "VPUB",
                "daily",
                "2026-11-17",
                {"NV07": T("in_progress", 80, result="412 TTHC", difficulties="liên thông")},
            )
        ],
        crlf=True,
    )


@case
def e006():
    t = when("17/11", "16:02", 29)
    m = new_message(
        frm="Võ Thanh Hải <snv@binhdinh.gov.vn>",
        subject="SNV bao cao ngay 17/11",
        received=t,
        mid="<6c2f0e8b-9d41-4a7a-b0a3-2e5c7d9f1a08@binhdinh.gov.vn>",
        mailer=("User-Agent", THUNDERBIRD),
    )
    m.set_content(
        "Kính gửi Tổ công tác,\n"
        "Sở Nội vụ báo cáo ngày 17/11/2026:\n"
        "\n"
        "• NV08 – Xây dựng CSDL cán bộ, công chức, viên chức: đang thực hiện, đạt 45%.\n"
        "   + Đã cập nhật hồ sơ của 9.675/21.500 CBCCVC vào phần mềm.\n"
        "   + Khó khăn: nhiều hồ sơ giấy chưa được số hóa, thiếu nhân lực nhập liệu.\n"
        "   + Kiến nghị: đề nghị các đơn vị cử cán bộ phối hợp nhập liệu.\n"
        "\n"
        "Võ Thanh Hải - Sở Nội vụ\n",
        charset="utf-8",
        cte="8bit",
    )
    return "E006_snv_cham_tron_trang_thai_tren_dong", m, exp(
        "Sở Nội vụ, một dòng chấm tròn mang mã, trạng thái và tiến độ, chi tiết bằng dấu '+'",
        t,
        [
            rep(
                "SNV",
                "daily",
                "2026-11-17",
                {"NV08": T("in_progress", 45, difficulties="thiếu nhân lực", proposals="phối hợp nhập liệu")},
            )
        ],
    )


REMINDER_SYT_17 = (
    "> Kính gửi Sở Y tế,\n"
    ">\n"
    "> Đến 14:30 ngày 17/11/2026, Kênh báo cáo điện tử chưa nhận được báo cáo ngày của đơn vị (hạn 16:30).\n"
    "> Đơn vị trả lời thư này, sửa các giá trị dưới đây và gửi lại.\n"
    ">\n"
    "> Đơn vị: SYT\n"
    "> Loại báo cáo: Ngày\n"
    "> Kỳ báo cáo: 17/11/2026\n"
    ">\n"
    "> Nhiệm vụ: NV09 - Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh\n"
    "> Tình trạng: Đang thực hiện\n"
    "> Tiến độ: 50%\n"
    "> Kết quả:\n"
    "> Khó khăn, vướng mắc:\n"
    "> Đề xuất, kiến nghị:\n"
    ">\n"
    "> --\n"
    "> Kênh báo cáo điện tử - Văn phòng UBND tỉnh Bình Định\n"
)


@case
def e007():
    t = when("17/11", "16:15", 22)
    m = new_message(
        frm="Huỳnh Thị Mai <syt@binhdinh.gov.vn>",
        subject="Re: [Nhắc báo cáo] Sở Y tế – báo cáo ngày 17/11/2026",
        received=t,
        mid="<1133920475.223817.1763370899004.JavaMail.zimbra@binhdinh.gov.vn>",
        mailer=("X-Mailer", ZIMBRA_UA),
        extra=[
            ("In-Reply-To", "<nhac.SYT.20261117T1430@baocao.binhdinh.gov.vn>"),
            ("References", "<nhac.SYT.20261117T1430@baocao.binhdinh.gov.vn>"),
        ],
    )
    m.set_content(
        "Dạ em gửi báo cáo hôm nay ạ.\n"
        "\n"
        "NV09: Đang thực hiện\n"
        "Tiến độ: 55%\n"
        "Kết quả: BV Đa khoa tỉnh và BV Phụ sản - Nhi đã vận hành bệnh án điện tử; BV Y học cổ truyền "
        "đang chạy thử.\n"
        "Khó khăn: Kinh phí nâng cấp hạ tầng máy chủ của BV Lao và Bệnh phổi chưa được bố trí.\n"
        "\n"
        "Huỳnh Thị Mai\n"
        "Phòng Nghiệp vụ Y - Sở Y tế\n"
        "\n"
        "----- Vào 17 Tháng Mười Một, 2026, lúc 2:30 CH, Kênh báo cáo điện tử <baocao@binhdinh.gov.vn> "
        "đã viết:\n" + REMINDER_SYT_17,
        charset="utf-8",
        cte="quoted-printable",
    )
    return "E007_syt_tra_loi_thu_nhac_zimbra", m, exp(
        "Sở Y tế trả lời thư nhắc (Zimbra, dòng '----- Vào … đã viết:'), nội dung mới ở trên; mẫu trích dẫn "
        "bên dưới còn tiến độ cũ 50%",
        t,
        [
            rep(
                "SYT",
                "daily",
                "2026-11-17",
                {"NV09": T("in_progress", 55, result="Phụ sản", difficulties="máy chủ")},
            )
        ],
    )


@case
def e008():
    t = when("18/11", "15:30", 45)
    m = new_message(
        frm="UBND xa Tuy Phuoc <tuyphuoc@binhdinh.gov.vn>",
        subject="Xã Tuy Phước báo cáo ngày 18.11.2026",
        received=t,
        mid="<1720385564.231046.1763454603118.JavaMail.zimbra@binhdinh.gov.vn>",
        mailer=("X-Mailer", ZIMBRA_UA),
    )
    m.set_content(
        "UBND xã Tuy Phước báo cáo kết quả thực hiện nhiệm vụ chuyển đổi số ngày 18/11/2026:\n"
        "\n"
        "1. Triển khai chữ ký số cho cán bộ cấp xã (NV12): Đang thực hiện, đạt 90%. Đã cấp chứng thư số "
        "cho 27/30 cán bộ, công chức; 03 đồng chí còn lại đang hoàn thiện hồ sơ.\n"
        "\n"
        "2. Phổ cập kỹ năng số cho người dân (NV13): Đang thực hiện; đã thành lập và đưa vào hoạt động tổ "
        "công nghệ số cộng đồng tại 9/12 thôn.\n"
        "- Khó khăn: một số thôn thiếu thành viên có kiến thức về công nghệ.\n"
        "\n"
        "Người báo cáo: Nguyễn Thị Hoa – công chức Văn phòng - Thống kê xã Tuy Phước\n",
        charset="utf-8",
        cte="base64",
    )
    return "E008_xtp_danh_so_ten_nhiem_vu_ma_trong_ngoac", m, exp(
        "Xã Tuy Phước, dòng đánh số với tên nhiệm vụ và mã trong ngoặc; NV13 tiến độ viết bằng số thôn "
        "(9/12 thôn, đúng chỉ tiêu 12 thôn = 75%)",
        t,
        [
            rep(
                "XTP",
                "daily",
                "2026-11-18",
                {
                    "NV12": T("in_progress", 90, result="27/30"),
                    "NV13": T("in_progress", 75, difficulties="thiếu thành viên"),
                },
            )
        ],
    )


@case
def e009():
    t = when("18/11", "16:25", 33)
    m = new_message(
        frm="Ngô Văn Bình <sxd@binhdinh.gov.vn>",
        subject="RE: [Nhắc báo cáo] Sở Xây dựng – báo cáo ngày 18/11/2026",
        received=t,
        mid="<000301db3dee$b41c7a20$1c556e60$@binhdinh.gov.vn>",
        mailer=("X-Mailer", OUTLOOK),
        extra=[
            ("In-Reply-To", "<nhac.SXD.20261118T1600@baocao.binhdinh.gov.vn>"),
            ("References", "<nhac.SXD.20261118T1600@baocao.binhdinh.gov.vn>"),
            ("Thread-Index", "AQH6nJ3kB2xw5Hq2Ucn0PkJ9yT1hAQ=="),
        ],
    )
    text = (
        "Sở Xây dựng báo cáo ngày 18/11/2026:\n"
        "\n"
        "NV10 (số hóa dữ liệu hạ tầng GT, camera nút giao): đang triển khai, đạt 40% – đã lắp đặt và kết nối "
        "8/20 nút giao về Trung tâm giám sát, điều hành.\n"
        "Vướng mắc: 3 nút giao trên QL1D chưa có nguồn điện, Sở đang làm việc với Điện lực Bình Định.\n"
        "\n"
        "Ngô Văn Bình\n"
        "Phòng Quản lý hạ tầng kỹ thuật – Sở Xây dựng\n"
        "\n"
        "________________________________\n"
        "Từ: Kênh báo cáo điện tử <baocao@binhdinh.gov.vn>\n"
        "Đã gửi: Thứ Tư, ngày 18 tháng 11 năm 2026 16:00\n"
        "Đến: sxd@binhdinh.gov.vn\n"
        "Chủ đề: [Nhắc báo cáo] Sở Xây dựng – báo cáo ngày 18/11/2026\n"
        "\n"
        "Kính gửi Sở Xây dựng,\n"
        "\n"
        "Đến 16:00 ngày 18/11/2026, Kênh báo cáo điện tử chưa nhận được báo cáo ngày của đơn vị (hạn 16:30).\n"
        "Đơn vị trả lời thư này, sửa các giá trị dưới đây và gửi lại.\n"
        "\n"
        "Đơn vị: SXD\n"
        "Loại báo cáo: Ngày\n"
        "Kỳ báo cáo: 18/11/2026\n"
        "\n"
        "Nhiệm vụ: NV10 - Số hóa dữ liệu hạ tầng giao thông và lắp camera giám sát các nút giao\n"
        "Tình trạng: Đang thực hiện\n"
        "Tiến độ: 35%\n"
        "Kết quả:\n"
        "Khó khăn, vướng mắc:\n"
        "Đề xuất, kiến nghị:\n"
    )
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    html_lines = [p.replace("<", "&lt;").replace(">", "&gt;") for p in text.split("\n")]
    m.add_alternative(outlook_html(html_lines, font="Calibri", size="11.0pt"), subtype="html", charset="utf-8",
                      cte="quoted-printable")
    m.set_boundary("_000_000301db3deeb41c7a201c556e60binhdinhgovvn_")
    return "E009_sxd_outlook_tra_loi_trich_dan_khong_dau_lon", m, exp(
        "Sở Xây dựng trả lời thư nhắc từ Outlook: nội dung mới một dòng, thư gốc bên dưới đường gạch, không có '>' "
        "và còn tiến độ cũ 35%",
        t,
        [rep("SXD", "daily", "2026-11-18", {"NV10": T("in_progress", 40, difficulties="nguồn điện")})],
        crlf=True,
    )


@case
def e010():
    t = when("18/11", "16:28", 12)
    m = new_message(
        frm="An Nguyen <nguyenvanan.skhcn@gmail.com>",
        subject="Bc ngay 18/11",
        received=t,
        mid="<7E3B1C2A-44D9-4F6E-8A0B-91C5D2E3F470@gmail.com>",
        via="gmail",
        mailer=("X-Mailer", "iPhone Mail (22B91)"),
    )
    m.set_content(
        "Bc ngay 18/11 so KHCN: NV01 dang lam dat 65%, NV02 dang lam 35%, NV03 chua trien khai.\n"
        "An\n"
        "\n"
        "Sent from my iPhone\n",
        charset="us-ascii",
        cte="7bit",
    )
    return "E010_skhcn_dien_thoai_khong_dau_mot_dong", m, exp(
        "Đầu mối Sở KH&CN gõ vội trên điện thoại từ Gmail cá nhân (đã đăng ký), không dấu, ba nhiệm vụ trên một dòng",
        t,
        [
            rep(
                "SKHCN",
                "daily",
                "2026-11-18",
                {
                    "NV01": T("in_progress", 65),
                    "NV02": T("in_progress", 35),
                    "NV03": T("not_started", None),
                },
            )
        ],
    )


@case
def e011():
    t = when("19/11", "15:48", 19)
    m = new_message(
        frm="stc@binhdinh.gov.vn",
        subject="Bao cao ngay 19/11/2026",
        received=t,
        mid="<846613020.240377.1763542060555.JavaMail.zimbra@binhdinh.gov.vn>",
        mailer=("X-Mailer", ZIMBRA_UA),
    )
    m.set_content(
        "Don vi: So Tai chinh\n"
        "Ky bao cao: ngay 19/11/2026\n"
        "\n"
        "Nhiem vu: NV04 - Bo tri kinh phi su nghiep KHCN va CDS nam 2026\n"
        "Trang thai: Dang trien khai\n"
        "Ty le hoan thanh: 78 %\n"
        "Ket qua thuc hien: Da trinh UBND tinh To trinh so 412/TTr-STC ve phuong an phan bo kinh phi.\n"
        "Kho khan/vuong mac: khong\n"
        "Kien nghi: De nghi UBND tinh som cho y kien de ban hanh Quyet dinh truoc 15/12.\n"
        "\n"
        "Ngoc - STC\n",
        charset="utf-8",
        cte="7bit",
    )
    return "E011_stc_khong_dau_nhan_bien_the", m, exp(
        "Sở Tài chính gõ không dấu, nhãn biến thể ('Trang thai', 'Ty le hoan thanh', 'Kho khan/vuong mac', "
        "'Kien nghi'), loại báo cáo chỉ có ở tiêu đề",
        t,
        [
            rep(
                "STC",
                "daily",
                "2026-11-19",
                {"NV04": T("in_progress", 78, result="412/TTr-STC", proposals="som cho y kien")},
            )
        ],
    )


@case
def e012():
    t = when("19/11", "16:10", 27)
    m = new_message(
        frm='"Van phong xa" <vanphong.xa@binhdinh.gov.vn>',
        subject="BC ngay 19/11/2026 - Tuy Phuoc, Phu Cat",
        received=t,
        mid="<398112094.241902.1763543379840.JavaMail.zimbra@binhdinh.gov.vn>",
        mailer=("X-Mailer", ZIMBRA_UA),
    )
    m.set_content(
        "Kính gửi: Văn phòng UBND tỉnh.\n"
        "\n"
        "Văn phòng xã gửi báo cáo ngày 19/11/2026 của 02 xã như sau:\n"
        "\n"
        "I. UBND XÃ TUY PHƯỚC\n"
        "1. NV12 - Triển khai chữ ký số cho cán bộ cấp xã: Đã hoàn thành. 30/30 cán bộ, công chức đã được "
        "cấp chữ ký số.\n"
        "2. NV13 - Phổ cập kỹ năng số cho người dân: Đang thực hiện, đạt 80%.\n"
        "\n"
        "II. UBND XÃ PHÙ CÁT\n"
        "1. NV14 - Triển khai chữ ký số cho cán bộ cấp xã: Đang thực hiện, đạt 70%.\n"
        "   Khó khăn: 04 cán bộ mới tuyển dụng chưa có tài khoản trên hệ thống.\n"
        "2. NV15 - Thanh toán không dùng tiền mặt tại chợ và trường học: Đang thực hiện, đạt 45%.\n"
        "\n"
        "Người lập: Lê Thị Thanh\n",
        charset="utf-8",
        cte="quoted-printable",
    )
    return "E012_hop_thu_chung_hai_xa", m, exp(
        "Hộp thư chung của hai xã: phần I Tuy Phước, phần II Phù Cát, mỗi phần hai nhiệm vụ đánh số; NV12 "
        "'Đã hoàn thành' không ghi tiến độ",
        t,
        [
            rep(
                "XTP",
                "daily",
                "2026-11-19",
                {"NV12": T("completed", 100), "NV13": T("in_progress", 80)},
            ),
            rep(
                "XPC",
                "daily",
                "2026-11-19",
                {
                    "NV14": T("in_progress", 70, difficulties="mới tuyển dụng"),
                    "NV15": T("in_progress", 45),
                },
            ),
        ],
    )


@case
def e013():
    t = when("20/11", "15:20", 6)
    m = new_message(
        frm="Trương Văn Long <khcn@qnu.edu.vn>",
        subject="Báo cáo tuần 47 (16/11-20/11/2026) - ĐH Quy Nhơn",
        received=t,
        mid="<0b7e4d61-2c3a-4f58-a6e9-8d1f3c5b2a90@qnu.edu.vn>",
        via="qnu",
        mailer=("User-Agent", THUNDERBIRD),
    )
    m.set_content(
        "Kính gửi Văn phòng UBND tỉnh,\n"
        "\n"
        "Trường Đại học Quy Nhơn báo cáo tiến độ tuần từ 16/11 đến 20/11/2026:\n"
        "\n"
        "Nhiệm vụ NV11 – Thành lập Trung tâm đổi mới sáng tạo tại Trường Đại học Quy Nhơn\n"
        "- Tình trạng: đang thực hiện\n"
        "- Tiến độ: 40%\n"
        "- Kết quả trong tuần: Hội đồng trường đã thông qua Đề án thành lập Trung tâm; đang hoàn thiện hồ sơ "
        "xin ý kiến Bộ GD&ĐT.\n"
        "- Khó khăn: Chưa có mặt bằng riêng, tạm bố trí tại tầng 3 nhà A5.\n"
        "- Kiến nghị: Đề nghị Sở KH&CN hỗ trợ kết nối các doanh nghiệp đồng hành.\n"
        "\n"
        "Trân trọng,\n"
        "-- \n"
        "TS. Trương Văn Long\n"
        "Phòng Khoa học và Hợp tác quốc tế - Trường Đại học Quy Nhơn\n",
        charset="utf-8",
        cte="quoted-printable",
    )
    return "E013_dhqn_bao_cao_tuan_47", m, exp(
        "ĐH Quy Nhơn, báo cáo tuần gửi đúng hạn thứ Sáu, nhãn sau gạch đầu dòng ('Kết quả trong tuần', 'Kiến nghị')",
        t,
        [
            rep(
                "DHQN",
                "weekly",
                "2026-W47",
                {
                    "NV11": T(
                        "in_progress", 40, result="Hội đồng trường", difficulties="mặt bằng", proposals="doanh nghiệp"
                    )
                },
            )
        ],
    )


@case
def e014():
    t = when("20/11", "16:05", 48)
    m = new_message(
        frm="Lê Minh Tuấn <pc06.cat@binhdinh.gov.vn>",
        subject="Báo cáo tuần 47/2026 – Công an tỉnh (Đề án 06)",
        received=t,
        mid="<1409925738.252611.1763629500377.JavaMail.zimbra@binhdinh.gov.vn>",
        mailer=("X-Mailer", ZIMBRA_UA),
    )
    m.set_content(
        "CÔNG AN TỈNH BÌNH ĐỊNH\n"
        "PHÒNG PC06\n"
        "\n"
        "BÁO CÁO TUẦN (từ ngày 16/11/2026 đến ngày 20/11/2026)\n"
        "\n"
        "I. TÌNH HÌNH CHUNG\n"
        "Trong tuần, Công an tỉnh tiếp tục tập trung làm sạch dữ liệu dân cư, đẩy mạnh cấp tài khoản định danh "
        "điện tử mức độ 2; phối hợp UBND các xã tổ chức 14 đợt cấp lưu động.\n"
        "\n"
        "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ\n"
        "1. NV05 – Làm sạch dữ liệu dân cư phục vụ Đề án 06\n"
        "Tình trạng: Đang thực hiện\n"
        "Tiến độ: 88%\n"
        "Kết quả: Lũy kế làm sạch 1.289.200 trường thông tin; hoàn thành đối soát với dữ liệu bảo hiểm xã hội.\n"
        "Khó khăn, vướng mắc: Dữ liệu ngành Y tế cung cấp chưa đầy đủ số định danh cá nhân.\n"
        "Đề xuất, kiến nghị: Đề nghị Sở Y tế chỉ đạo các cơ sở khám chữa bệnh cập nhật số định danh cá nhân.\n"
        "\n"
        "2. NV06 – Cấp tài khoản định danh điện tử mức độ 2\n"
        "Tình trạng: Đang thực hiện\n"
        "Tiến độ: 65%\n"
        "Kết quả: Trong tuần cấp mới 9.460 tài khoản; lũy kế 621.900 tài khoản.\n"
        "Khó khăn, vướng mắc: Người dân ở vùng sâu còn ngại kích hoạt tài khoản.\n"
        "\n"
        "Thượng tá Lê Minh Tuấn\n"
        "Phó Trưởng phòng PC06\n",
        charset="utf-8",
        cte="8bit",
    )
    return "E014_cat_bao_cao_tuan_co_tinh_hinh_chung", m, exp(
        "Công an tỉnh, báo cáo tuần có tiêu đề văn bản, mục I Tình hình chung và mục II theo từng nhiệm vụ",
        t,
        [
            rep(
                "CAT",
                "weekly",
                "2026-W47",
                {
                    "NV05": T("in_progress", 88, difficulties="số định danh", proposals="Sở Y tế"),
                    "NV06": T("in_progress", 65, difficulties="vùng sâu"),
                },
            )
        ],
    )


@case
def e015():
    t = when("20/11", "16:18", 35)
    m = new_message(
        frm="Nguyễn Văn An <skhcn@binhdinh.gov.vn>",
        subject="Báo cáo tuần từ 16/11 đến 20/11/2026 - Sở KH&CN",
        received=t,
        mid="<605511239.253370.1763630264012.JavaMail.zimbra@binhdinh.gov.vn>",
        mailer=("X-Mailer", ZIMBRA_UA),
    )
    m.set_content(
        "Kính gửi: Văn phòng UBND tỉnh\n"
        "\n"
        "Sở KH&CN gửi Báo cáo tuần (từ 16/11 đến 20/11/2026) về tình hình thực hiện các nhiệm vụ theo Quyết "
        "định 1841-QĐ/TU, chi tiết tại file đính kèm.\n"
        "\n"
        "Trân trọng!\n"
        "Nguyễn Văn An - Sở KH&CN\n",
        charset="utf-8",
        cte="quoted-printable",
    )
    data = docx_report(
        agency="SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        number="Số: 1587/BC-SKHCN",
        place_date="Bình Định, ngày 20 tháng 11 năm 2026",
        title="Tình hình thực hiện nhiệm vụ theo Quyết định số 1841-QĐ/TU của Ban Thường vụ Tỉnh ủy",
        subtitle="(Tuần từ ngày 16/11/2026 đến ngày 20/11/2026)",
        intro=[
            "Thực hiện chỉ đạo của Chủ tịch UBND tỉnh về chế độ báo cáo tiến độ, Sở Khoa học và Công nghệ báo "
            "cáo tình hình thực hiện nhiệm vụ trong tuần như sau:",
            "I. KẾT QUẢ THỰC HIỆN",
        ],
        table=[
            ["TT", "Nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Kết quả thực hiện", "Khó khăn, vướng mắc"],
            [
                "1",
                "Xây dựng kế hoạch triển khai Nghị quyết 57-NQ/TW của tỉnh",
                "Đang thực hiện",
                "70",
                "Đã tiếp thu ý kiến góp ý của 18 sở, ngành; hoàn thiện dự thảo lần 3.",
                "Không",
            ],
            [
                "2",
                "Rà soát cơ chế hỗ trợ doanh nghiệp khởi nghiệp đổi mới sáng tạo",
                "Đang thực hiện",
                "40",
                "Hoàn thành báo cáo đánh giá cơ chế hiện hành.",
                "Thiếu số liệu từ các doanh nghiệp.",
            ],
            [
                "3",
                "Xây dựng sàn giao dịch công nghệ tỉnh",
                "Chưa thực hiện",
                "",
                "Chờ bố trí kinh phí.",
                "Chưa có kinh phí.",
            ],
        ],
        after=[
            "II. KIẾN NGHỊ",
            "Đề nghị Sở Tài chính tham mưu bố trí kinh phí thực hiện nhiệm vụ xây dựng sàn giao dịch công nghệ.",
            "",
            "Nơi nhận:",
            "- VP UBND tỉnh;",
            "- Lãnh đạo Sở;",
            "- Lưu: VT, QLKH.",
        ],
        signer=["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "Đặng Quốc Huy"],
    )
    m.add_attachment(data, maintype=DOCX.split("/")[0], subtype=DOCX.split("/")[1],
                     filename="BC tuan 47 - So KHCN.docx")
    m.set_boundary("=_9f2c7a4e-1b6d-4c83-a0e5-3d8b1f6e2c47")
    return "E015_skhcn_tuan_word_dinh_kem_bang_ten_nhiem_vu", m, exp(
        "Sở KH&CN gửi báo cáo tuần bằng file Word (thể thức văn bản, bảng gọi nhiệm vụ bằng tên, không có mã)",
        t,
        [
            rep(
                "SKHCN",
                "weekly",
                "2026-W47",
                {
                    "NV01": T("in_progress", 70, result="dự thảo lần 3"),
                    "NV02": T("in_progress", 40, difficulties="Thiếu số liệu"),
                    "NV03": T("not_started", None),
                },
            )
        ],
    )


@case
def e016():
    t = when("20/11", "17:42", 11)
    m = new_message(
        frm="Võ Thanh Hải <snv@binhdinh.gov.vn>",
        subject="Báo cáo tuần (16-20/11) Sở Nội vụ - gửi muộn",
        received=t,
        mid="<d41b8e02-7a6c-4f3e-9b15-0c2e8a7f6d93@binhdinh.gov.vn>",
        mailer=("User-Agent", THUNDERBIRD),
    )
    m.set_content(
        "Kính gửi VP UBND tỉnh,\n"
        "Do chiều nay Sở họp giao ban đột xuất nên em gửi báo cáo tuần muộn, mong Văn phòng thông cảm.\n"
        "\n"
        "BÁO CÁO TUẦN TỪ 16/11 ĐẾN 20/11/2026 – SỞ NỘI VỤ\n"
        "\n"
        "- Nhiệm vụ NV08 (Xây dựng cơ sở dữ liệu CBCCVC)\n"
        "  Tình trạng: Đang thực hiện\n"
        "  Tiến độ: 50%\n"
        "  Kết quả: Trong tuần cập nhật thêm 1.075 hồ sơ, lũy kế 10.750/21.500 hồ sơ.\n"
        "  Khó khăn, vướng mắc: Phần mềm thường xuyên bị lỗi khi đồng bộ với CSDL quốc gia.\n"
        "  Đề xuất: Đề nghị Sở KH&CN hỗ trợ kỹ thuật.\n"
        "\n"
        "Võ Thanh Hải\n"
        "Sở Nội vụ\n",
        charset="utf-8",
        cte="8bit",
    )
    return "E016_snv_tuan_gui_muon_chieu_thu_sau", m, exp(
        "Sở Nội vụ gửi báo cáo tuần lúc 17:42 thứ Sáu (sau hạn), xin lỗi vì gửi muộn; nhãn thụt lề",
        t,
        [
            rep(
                "SNV",
                "weekly",
                "2026-W47",
                {"NV08": T("in_progress", 50, difficulties="đồng bộ", proposals="hỗ trợ kỹ thuật")},
            )
        ],
    )


@case
def e017():
    t = when("23/11", "15:30", 2)
    m = new_message(
        frm="Huỳnh Thị Mai <syt@binhdinh.gov.vn>",
        subject="Báo cáo ngày 23/11/2026 - Sở Y tế",
        received=t,
        mid="<1988731342.262004.1763886566301.JavaMail.zimbra@binhdinh.gov.vn>",
        mailer=("X-Mailer", ZIMBRA_UA),
    )
    m.set_content(
        "Kính gửi Văn phòng UBND tỉnh,\n"
        "Sở Y tế gửi báo cáo ngày 23/11/2026 theo mẫu excel đính kèm.\n"
        "Trân trọng.\n"
        "Mai - SYT\n",
        charset="utf-8",
        cte="quoted-printable",
    )
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Bao cao"
    wb.properties.creator = "Kênh báo cáo điện tử"
    wb.properties.created = dt.datetime(2026, 11, 1, 8, 0, 0)
    ws.append(["Mã nhiệm vụ", "Tên nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Kết quả", "Khó khăn, vướng mắc",
               "Đề xuất, kiến nghị", "Ghi chú"])
    ws.append([
        "NV09",
        "Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh",
        "Đang thực hiện",
        60,
        "BV Y học cổ truyền chính thức vận hành bệnh án điện tử từ 23/11.",
        "BV Lao và Bệnh phổi, BV Tâm thần chưa có kinh phí nâng cấp máy chủ.",
        "Đề nghị Sở Tài chính thẩm định, bố trí kinh phí.",
        None,
    ])
    for c in ws[1]:
        c.font = Font(bold=True)
    for col, w in zip("ABCDEFGH", (12, 40, 16, 11, 45, 45, 35, 12)):
        ws.column_dimensions[col].width = w
    buf = io.BytesIO()
    wb.save(buf)
    m.add_attachment(fix_zip(buf.getvalue()), maintype="application", subtype=XLSX.split("/")[1],
                     filename="Mau_bao_cao_SYT_23-11-2026.xlsx")
    m.set_boundary("=_3b8f1c2e-6d4a-47a9-b0c1-5e7d2f9a8c16")
    return "E017_syt_mau_excel_dinh_kem", m, exp(
        "Sở Y tế điền mẫu Excel tải từ trang (dòng tiêu đề theo mẫu, thêm cột Tên nhiệm vụ) và đính kèm",
        t,
        [
            rep(
                "SYT",
                "daily",
                "2026-11-23",
                {"NV09": T("in_progress", 60, result="Y học cổ truyền", difficulties="máy chủ")},
            )
        ],
    )


@case
def e018():
    t = when("23/11", "16:05", 58)
    m = new_message(
        frm="UBND xa Phu Cat <phucat@binhdinh.gov.vn>",
        subject="Phù Cát báo cáo ngày 23/11",
        received=t,
        mid="<527790113.263480.1763888698902.JavaMail.zimbra@binhdinh.gov.vn>",
        mailer=("X-Mailer", ZIMBRA_UA),
    )
    m.set_content(
        "UBND xã Phù Cát báo cáo:\n"
        "- Chữ ký số cho cán bộ xã (NV14): đang thực hiện, đã cấp 21/28 cán bộ, công chức; đang tiếp tục làm "
        "hồ sơ cho số còn lại.\n"
        "- Thanh toán không dùng tiền mặt (NV15): đang thực hiện. Đã triển khai tại 3/5 chợ và 6/9 trường học "
        "trên địa bàn. Khó khăn: tiểu thương ở chợ Gồm còn e ngại, chưa quen sử dụng.\n"
        "\n"
        "Người báo cáo: Lê Thị Thanh\n",
        charset="utf-8",
        cte="quoted-printable",
    )
    return "E018_xpc_so_lieu_thay_phan_tram", m, exp(
        "Xã Phù Cát báo cáo bằng số liệu: NV14 '21/28 cán bộ' (= 75% chỉ tiêu 100% cán bộ); NV15 chỉ có "
        "'3/5 chợ và 6/9 trường học', không nêu tiến độ chung",
        t,
        [
            rep(
                "XPC",
                "daily",
                "2026-11-23",
                {
                    "NV14": T("in_progress", 75),
                    "NV15": T("in_progress", None, difficulties="e ngại"),
                },
            )
        ],
    )


@case
def e019():
    t = when("23/11", "16:14", 30)
    received = t
    sent = t - dt.timedelta(seconds=41)
    body = (
        "Công an tỉnh báo cáo kết quả thực hiện nhiệm vụ ngày 23/11/2026:\r\n"
        "\r\n"
        "Nhiệm vụ: NV05\r\n"
        "Tình trạng: Đang thực hiện\r\n"
        "Tiến độ: 89%\r\n"
        "Kết quả: Đã đối soát xong dữ liệu với Sở Y tế, phát hiện 3.412 trường hợp sai lệch đang xác minh.\r\n"
        "\r\n"
        "Nhiệm vụ: NV06\r\n"
        "Tình trạng: Đang thực hiện\r\n"
        "Tiến độ: 66%\r\n"
        "Kết quả: Cấp mới 2.130 tài khoản định danh điện tử mức độ 2.\r\n"
        "\r\n"
        "Lê Minh Tuấn - PC06 Công an tỉnh\r\n"
    )
    import quopri

    qp = quopri.encodestring(cp1258_bytes(body).replace(b"\r\n", b"\n")).replace(b"\n", b"\r\n")
    subj_bytes = cp1258_bytes("Báo cáo ngày 23/11/2026 - CA tỉnh")
    subj = "=?windows-1258?Q?" + "".join(
        chr(b) if (48 <= b <= 57 or 65 <= b <= 90 or 97 <= b <= 122) else ("_" if b == 32 else f"={b:02X}")
        for b in subj_bytes
    ) + "?="
    raw = (
        "Return-Path: <pc06.cat@binhdinh.gov.vn>\r\n"
        "Received: from mail.binhdinh.gov.vn (mail.binhdinh.gov.vn [103.9.86.20]) by mx1.binhdinh.gov.vn\r\n"
        f" (Postfix) with ESMTPS id 4QF19W2Z for <{OUR}>; {rfc(received)}\r\n"
        "Received: from PC06-TUAN (unknown [10.45.7.23]) by mail.binhdinh.gov.vn (Postfix) with ESMTPA id\r\n"
        f" 4QF19V7C; {rfc(sent + dt.timedelta(seconds=2))}\r\n"
        f"Date: {rfc(sent)}\r\n"
        'From: "Le Minh Tuan" <pc06.cat@binhdinh.gov.vn>\r\n'
        f"To: <{OUR}>\r\n"
        f"Subject: {subj}\r\n"
        "Message-ID: <001c01db3c9a$41d2e8b0$c578ba10$@binhdinh.gov.vn>\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: text/plain; charset="windows-1258"\r\n'
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "X-Mailer: Microsoft Office Outlook 12.0\r\n"
        "Content-Language: vi\r\n"
        "\r\n"
    ).encode("ascii") + qp
    return "E019_cat_windows_1258_outlook_cu", raw, exp(
        "Công an tỉnh gửi từ máy Outlook 2007 cũ: thân thư windows-1258 (dấu thanh tổ hợp), mẫu chuẩn hai nhiệm vụ",
        t,
        [
            rep(
                "CAT",
                "daily",
                "2026-11-23",
                {"NV05": T("in_progress", 89, result="sai lệch"), "NV06": T("in_progress", 66)},
            )
        ],
    )


@case
def e020():
    t = when("24/11", "08:45", 16)
    m = new_message(
        frm="Phạm Thị Hồng Nhung <vpub@binhdinh.gov.vn>",
        subject="Đính chính: Báo cáo ngày 23/11/2026 - VP UBND tỉnh",
        received=t,
        mid="<002a01db3e1f$77b90c10$672b2430$@binhdinh.gov.vn>",
        mailer=("X-Mailer", OUTLOOK),
        extra=[
            ("In-Reply-To", "<001f01db3d9e$0a4c1e60$1ee45b20$@binhdinh.gov.vn>"),
            ("References", "<001f01db3d9e$0a4c1e60$1ee45b20$@binhdinh.gov.vn>"),
            ("Thread-Index", "AQIKTB5gHuRbIAq5DBCnKyQwZ0rNeA=="),
        ],
    )
    m.set_content(
        "Kính gửi Tổ công tác,\n"
        "\n"
        "Báo cáo ngày 23/11 Văn phòng gửi chiều qua bị gõ nhầm tiến độ NV07 (28% -> đúng là 82%). Văn phòng xin "
        "gửi lại báo cáo đã sửa như sau:\n"
        "\n"
        "Đơn vị: VPUB\n"
        "Loại báo cáo: Ngày\n"
        "Kỳ báo cáo: 23/11/2026\n"
        "\n"
        "Nhiệm vụ: NV07\n"
        "Tình trạng: Đang thực hiện\n"
        "Tiến độ: 82%\n"
        "Kết quả: Đã tổng hợp ý kiến của Công an tỉnh về danh mục 412 TTHC trực tuyến toàn trình; dự thảo "
        "Quyết định trình lãnh đạo Văn phòng.\n"
        "\n"
        "Xin lỗi vì sự nhầm lẫn.\n"
        "Phạm Thị Hồng Nhung\n"
        "\n"
        "-----Original Message-----\n"
        "From: Phạm Thị Hồng Nhung <vpub@binhdinh.gov.vn>\n"
        "Sent: Monday, November 23, 2026 4:12 PM\n"
        "To: baocao@binhdinh.gov.vn\n"
        "Subject: Báo cáo ngày 23/11/2026 - VP UBND tỉnh\n"
        "\n"
        "Đơn vị: VPUB\n"
        "Loại báo cáo: Ngày\n"
        "Kỳ báo cáo: 23/11/2026\n"
        "\n"
        "Nhiệm vụ: NV07\n"
        "Tình trạng: Đang thực hiện\n"
        "Tiến độ: 28%\n"
        "Kết quả: Đã tổng hợp ý kiến của Công an tỉnh về danh mục 412 TTHC trực tuyến toàn trình; dự thảo "
        "Quyết định trình lãnh đạo Văn phòng.\n"
        "\n"
        "Phạm Thị Hồng Nhung\n",
        charset="utf-8",
        cte="quoted-printable",
    )
    return "E020_vpub_dinh_chinh_bao_cao_hom_qua", m, exp(
        "Văn phòng UBND tỉnh sáng hôm sau đính chính báo cáo ngày 23/11: câu mở đầu nêu cả số sai và số đúng "
        "(28% -> 82%), gửi lại mẫu đã sửa, thư gốc sai trích dẫn bên dưới",
        t,
        [rep("VPUB", "daily", "2026-11-23", {"NV07": T("in_progress", 82, result="412 TTHC")})],
        crlf=True,
    )


@case
def e021():
    t = when("24/11", "16:00", 44)
    m = new_message(
        frm="Nguyễn Văn An <skhcn@binhdinh.gov.vn>",
        subject="Báo cáo ngày 24/11/2026 - Sở KHCN",
        received=t,
        mid="<730018445.271533.1763974801772.JavaMail.zimbra@binhdinh.gov.vn>",
        mailer=("X-Mailer", ZIMBRA_UA),
    )
    m.set_content(
        "Sở KH&CN báo cáo ngày 24/11/2026:\n"
        "\n"
        "Nhiệm vụ: NV01\n"
        "Tình trạng: Cơ bản hoàn thành\n"
        "Kết quả: Đã trình UBND tỉnh dự thảo Kế hoạch triển khai Nghị quyết 57-NQ/TW (Tờ trình số 1602/TTr-SKHCN "
        "ngày 24/11/2026), chờ UBND tỉnh ban hành.\n"
        "\n"
        "Nhiệm vụ: NV02\n"
        "Tình trạng: Đang thực hiện\n"
        "Tiến độ: 45%\n"
        "Kết quả: Đã xây dựng đề cương dự thảo Nghị quyết HĐND tỉnh.\n"
        "\n"
        "Nhiệm vụ: NV03\n"
        "Tình trạng: Chưa triển khai\n"
        "Khó khăn, vướng mắc: Chưa được bố trí kinh phí.\n"
        "\n"
        "Nguyễn Văn An\n",
        charset="utf-8",
        cte="8bit",
    )
    return "E021_skhcn_co_ban_hoan_thanh", m, exp(
        "Sở KH&CN ghi NV01 'Cơ bản hoàn thành' (đã trình, chờ ban hành), không ghi tiến độ: không phải hoàn thành",
        t,
        [
            rep(
                "SKHCN",
                "daily",
                "2026-11-24",
                {
                    "NV01": {"progress": None, "result_contains": "chờ UBND tỉnh ban hành"},
                    "NV02": T("in_progress", 45),
                    "NV03": T("not_started", None, difficulties="kinh phí"),
                },
                uncertain=[("NV01", "status")],
            )
        ],
    )


@case
def e022():
    t = when("24/11", "16:02", 9)
    m = new_message(
        frm="Phan Thi Kim Oanh <daumoi.de06@congan.binhdinh.gov.vn>",
        subject="Re: [Nhắc báo cáo] Công an tỉnh – báo cáo ngày 24/11/2026",
        received=t,
        mid="<1546602871.18830.1763974911045.JavaMail.zimbra@congan.binhdinh.gov.vn>",
        via="congan",
        mailer=("X-Mailer", ZIMBRA_UA),
        extra=[
            ("In-Reply-To", "<nhac.CAT.20261124T1430@baocao.binhdinh.gov.vn>"),
            ("References", "<nhac.CAT.20261124T1430@baocao.binhdinh.gov.vn>"),
        ],
    )
    m.set_content(
        "Đầu mối CA tỉnh báo cáo ngày 24/11:\n"
        "- NV05: Đang thực hiện - 90%\n"
        "- NV06: Đang thực hiện - 66,5%. Trong ngày cấp mới 1.954 tài khoản.\n"
        "\n"
        "Đại úy Phan Thị Kim Oanh - Đội 2, Phòng PC06\n"
        "\n"
        "----- Thư gốc -----\n"
        'Từ: "Kênh báo cáo điện tử" <baocao@binhdinh.gov.vn>\n'
        "Tới: daumoi.de06@congan.binhdinh.gov.vn, pc06.cat@binhdinh.gov.vn\n"
        "Đã gửi: Thứ Ba, 24 Tháng Mười Một, 2026 14:30:00\n"
        "Chủ đề: [Nhắc báo cáo] Công an tỉnh – báo cáo ngày 24/11/2026\n"
        "\n"
        "Kính gửi Công an tỉnh,\n"
        "\n"
        "Đến 14:30 ngày 24/11/2026, Kênh báo cáo điện tử chưa nhận được báo cáo ngày của đơn vị (hạn 16:30).\n"
        "Đơn vị trả lời thư này, sửa các giá trị dưới đây và gửi lại.\n"
        "\n"
        "Đơn vị: CAT\n"
        "Loại báo cáo: Ngày\n"
        "Kỳ báo cáo: 24/11/2026\n"
        "\n"
        "Nhiệm vụ: NV05 - Làm sạch dữ liệu dân cư phục vụ Đề án 06\n"
        "Tình trạng: Đang thực hiện\n"
        "Tiến độ: 89%\n"
        "Kết quả:\n"
        "Khó khăn, vướng mắc:\n"
        "Đề xuất, kiến nghị:\n"
        "\n"
        "Nhiệm vụ: NV06 - Cấp tài khoản định danh điện tử mức độ 2 cho người dân\n"
        "Tình trạng: Đang thực hiện\n"
        "Tiến độ: 66%\n"
        "Kết quả:\n"
        "Khó khăn, vướng mắc:\n"
        "Đề xuất, kiến nghị:\n",
        charset="utf-8",
        cte="quoted-printable",
    )
    return "E022_cat_tra_loi_zimbra_thu_goc_so_thap_phan", m, exp(
        "Đầu mối thứ hai của Công an tỉnh trả lời thư nhắc (Zimbra '----- Thư gốc -----', không có '>'), hai "
        "gạch đầu dòng 'Đang thực hiện - 90%', '66,5%' dấu phẩy thập phân",
        t,
        [
            rep(
                "CAT",
                "daily",
                "2026-11-24",
                {"NV05": T("in_progress", 90), "NV06": T("in_progress", 66.5)},
            )
        ],
    )


@case
def e023():
    t = when("24/11", "16:18", 25)
    m = new_message(
        frm='"Van phong xa" <vanphong.xa@binhdinh.gov.vn>',
        subject="UBND xa Tuy Phuoc bao cao ngay 24/11/2026",
        received=t,
        mid="<1269184406.272261.1763975884319.JavaMail.zimbra@binhdinh.gov.vn>",
        mailer=("X-Mailer", ZIMBRA_UA),
    )
    m.set_content(
        "Đơn vị:\tUBND xã Tuy Phước\n"
        "Kỳ báo cáo:\t24/11/2026\n"
        "\n"
        "Nhiệm vụ:\tNV13\n"
        "Tình trạng:\tĐang thực hiện\n"
        "Tiến độ:\t80\u00a0%\n"
        "Kết quả:\tTổ chức tập huấn sử dụng VNeID, dịch vụ công trực tuyến cho 145 người dân thôn Phụng Sơn.\n"
        "Khó khăn, vướng mắc:\t(không)\n"
        "\n"
        "Hoa - VP xã Tuy Phước\n",
        charset="utf-8",
        cte="quoted-printable",
    )
    return "E023_hop_thu_chung_chi_xa_tuy_phuoc_tab", m, exp(
        "Hộp thư chung của hai xã, lần này chỉ báo cáo xã Tuy Phước (ghi ở dòng Đơn vị); nhãn cách giá trị bằng "
        "tab, khoảng trắng không ngắt trước %",
        t,
        [rep("XTP", "daily", "2026-11-24", {"NV13": T("in_progress", 80, result="VNeID")})],
        absent=["NV14", "NV15"],
        crlf=True,
    )


@case
def e024():
    t = when("24/11", "16:20", 50)
    m = new_message(
        frm="Huỳnh Thị Mai <syt@binhdinh.gov.vn>",
        subject="Fwd: Báo cáo tiến độ bệnh án điện tử ngày 24/11",
        received=t,
        mid="<414870235.272390.1763976049127.JavaMail.zimbra@binhdinh.gov.vn>",
        mailer=("X-Mailer", ZIMBRA_UA),
    )
    m.set_content(
        "Em Mai gửi Văn phòng báo cáo ngày 24/11/2026 của Sở Y tế theo nội dung anh Giám đốc Sở đã duyệt bên "
        "dưới ạ.\n"
        "\n"
        "----- Thư đã chuyển tiếp -----\n"
        'Từ: "Trần Quốc Việt" <tqviet.syt@binhdinh.gov.vn>\n'
        'Tới: "Huỳnh Thị Mai" <syt@binhdinh.gov.vn>\n'
        "Đã gửi: Thứ Ba, 24 Tháng Mười Một, 2026 15:47:12\n"
        "Chủ đề: Báo cáo tiến độ bệnh án điện tử ngày 24/11\n"
        "\n"
        "Mai ơi, em gửi báo cáo hôm nay giúp anh nhé:\n"
        "- NV09 Triển khai bệnh án điện tử: đang thực hiện, đạt 60%. Trong ngày đã họp với BV Tâm thần thống "
        "nhất lộ trình; hiện 3/5 bệnh viện tuyến tỉnh đã vận hành.\n"
        "- Khó khăn: BV Lao và Bệnh phổi, BV Tâm thần chưa có kinh phí nâng cấp máy chủ; đề nghị Sở Tài chính "
        "thẩm định, bố trí kinh phí trong tháng 12.\n"
        "\n"
        "Anh Việt\n"
        "Giám đốc Sở Y tế\n",
        charset="utf-8",
        cte="quoted-printable",
    )
    return "E024_syt_chuyen_tiep_thu_giam_doc_so", m, exp(
        "Đầu mối Sở Y tế chuyển tiếp (Zimbra '----- Thư đã chuyển tiếp -----') nội dung báo cáo do Giám đốc Sở "
        "viết từ hộp thư riêng",
        t,
        [
            rep(
                "SYT",
                "daily",
                "2026-11-24",
                {"NV09": T("in_progress", 60, difficulties="máy chủ")},
            )
        ],
    )


@case
def e025():
    t = when("24/11", "16:22", 38)
    m = new_message(
        frm='"Trần Thị Bích Ngọc" <stc@binhdinh.gov.vn>',
        subject="Sở Tài chính - báo cáo ngày 24/11",
        received=t,
        mid="<1652033917.272472.1763976119804.JavaMail.zimbra@binhdinh.gov.vn>",
        mailer=("X-Mailer", ZIMBRA_UA),
    )
    m.set_content(
        "Kính gửi VP UBND tỉnh,\n"
        "Sở Tài chính báo cáo nhanh tình hình thực hiện NV04 ngày 24/11/2026:\n"
        "- Tình trạng: đang thực hiện\n"
        "- Tiến độ: khoảng 80-85%, tùy thời điểm UBND tỉnh cho ý kiến về phương án phân bổ.\n"
        "- Kết quả: Đã tiếp thu, giải trình ý kiến của các thành viên UBND tỉnh; hoàn chỉnh dự thảo Quyết định "
        "phân bổ.\n"
        "- Vướng mắc: Chưa có ý kiến của Thường trực HĐND tỉnh.\n"
        "Trân trọng,\n"
        "Bích Ngọc\n",
        charset="utf-8",
        cte="quoted-printable",
    )
    return "E025_stc_tien_do_khoang", m, exp(
        "Sở Tài chính ghi tiến độ là một khoảng ('khoảng 80-85%'), trạng thái rõ",
        t,
        [
            rep(
                "STC",
                "daily",
                "2026-11-24",
                {"NV04": {"status": "in_progress", "result_contains": "dự thảo Quyết định"}},
                uncertain=[("NV04", "progress")],
            )
        ],
    )


@case
def e026():
    t = when("25/11", "14:31", 4)
    m = new_message(
        frm="Võ Thanh Hải <snv@binhdinh.gov.vn>",
        subject="Trả lời tự động: [Nhắc báo cáo] Sở Nội vụ – báo cáo ngày 25/11/2026",
        received=t,
        mid="<5b2e61c4a3f84d1fa0e9c7b8d6012f35@EXCH01.snv.binhdinh.gov.vn>",
        delay=3,
        extra=[
            ("In-Reply-To", "<nhac.SNV.20261125T1430@baocao.binhdinh.gov.vn>"),
            ("References", "<nhac.SNV.20261125T1430@baocao.binhdinh.gov.vn>"),
            ("Auto-Submitted", "auto-replied"),
            ("X-Auto-Response-Suppress", "All"),
            ("X-MS-Exchange-Inbox-Rules-Loop", "snv@binhdinh.gov.vn"),
            ("X-MS-Exchange-Generated-Message-Source", "Mailbox Rules Agent"),
            ("Content-Language", "vi-VN"),
        ],
    )
    m.set_content(
        "Tôi đang đi công tác từ ngày 24/11 đến hết ngày 27/11/2026, sẽ hạn chế kiểm tra thư.\n"
        "Việc cần gấp xin liên hệ đồng chí Trần Văn Phúc, Phòng Công chức, viên chức, ĐT 0914 327 118.\n"
        "\n"
        "Trân trọng,\n"
        "Võ Thanh Hải\n",
        charset="utf-8",
        cte="base64",
    )
    return "E026_snv_tra_loi_tu_dong_vang_mat", m, exp(
        "Thư trả lời tự động 'vắng mặt' của Exchange (Auto-Submitted, X-MS-Exchange-Inbox-Rules-Loop) cho thư nhắc",
        t,
        [],
        outcome="ignored",
        codes=["auto_reply"],
    )


@case
def e027():
    t = when("25/11", "15:10", 21)
    m = new_message(
        frm="An Nguyen <nguyenvanan.skhcn@gmail.com>",
        subject="Re: [Nhắc báo cáo] Sở Khoa học và Công nghệ – báo cáo ngày 25/11/2026",
        received=t,
        mid="<CAH7kQ2x9Rt0pV_3mWq5Lz8uYb+dE1cF4nJsA6oKgT2hX=Pw7vQ@mail.gmail.com>",
        via="gmail",
        extra=[
            ("In-Reply-To", "<nhac.SKHCN.20261125T1430@baocao.binhdinh.gov.vn>"),
            ("References", "<nhac.SKHCN.20261125T1430@baocao.binhdinh.gov.vn>"),
        ],
    )
    new = (
        "Sở KH&CN báo cáo ngày 25/11/2026:\n"
        "\n"
        "NV01: Hoàn thành. UBND tỉnh đã ban hành Kế hoạch số 245/KH-UBND ngày 25/11/2026 triển khai Nghị quyết "
        "57-NQ/TW.\n"
        "NV02: Đang thực hiện, tiến độ 50%. Đã gửi dự thảo Nghị quyết lấy ý kiến Sở Tài chính, Sở Tư pháp.\n"
        "\n"
        "An\n"
    )
    quoted = [
        "Kính gửi Sở Khoa học và Công nghệ,",
        "",
        "Đến 14:30 ngày 25/11/2026, Kênh báo cáo điện tử chưa nhận được báo cáo ngày của đơn vị (hạn 16:30).",
        "Đơn vị trả lời thư này, sửa các giá trị dưới đây và gửi lại.",
        "",
        "Đơn vị: SKHCN",
        "Loại báo cáo: Ngày",
        "Kỳ báo cáo: 25/11/2026",
        "",
        "Nhiệm vụ: NV01 - Xây dựng kế hoạch triển khai Nghị quyết 57-NQ/TW của tỉnh",
        "Tình trạng: Đang thực hiện",
        "Tiến độ: 70%",
        "Kết quả:",
        "Khó khăn, vướng mắc:",
        "Đề xuất, kiến nghị:",
        "",
        "Nhiệm vụ: NV02 - Rà soát cơ chế hỗ trợ doanh nghiệp khởi nghiệp đổi mới sáng tạo",
        "Tình trạng: Đang thực hiện",
        "Tiến độ: 45%",
        "Kết quả:",
        "Khó khăn, vướng mắc:",
        "Đề xuất, kiến nghị:",
        "",
        "Nhiệm vụ: NV03 - Xây dựng sàn giao dịch công nghệ tỉnh",
        "Tình trạng: Chưa thực hiện",
        "Tiến độ: 0%",
        "Kết quả:",
        "Khó khăn, vướng mắc: Chưa được bố trí kinh phí.",
        "Đề xuất, kiến nghị:",
        "",
        "--",
        "Kênh báo cáo điện tử - Văn phòng UBND tỉnh Bình Định",
    ]
    text = (
        new
        + "\n"
        + "Vào Th 4, 25 thg 11, 2026 vào lúc 14:30 Kênh báo cáo điện tử <\n"
        + "baocao@binhdinh.gov.vn> đã viết:\n"
        + "\n"
        + "\n".join(("> " + q) if q else ">" for q in quoted)
        + "\n"
    )
    esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")  # noqa: E731
    html = (
        '<div dir="ltr"><div>' + "<br>".join(esc(x) for x in new.rstrip("\n").split("\n")) + "</div></div><br>"
        '<div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">Vào Th 4, 25 thg 11, 2026 '
        'vào lúc 14:30 Kênh báo cáo điện tử &lt;<a href="mailto:baocao@binhdinh.gov.vn">baocao@binhdinh.gov.vn</a>&gt; '
        'đã viết:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid '
        'rgb(204,204,204);padding-left:1ex">' + "<br>".join(esc(q) for q in quoted) + "</blockquote></div>\n"
    )
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    m.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    m.set_boundary("000000000000a3c1f40644b7e2d9")
    return "E027_skhcn_gmail_tra_loi_hai_nhiem_vu_mau_ba", m, exp(
        "Đầu mối Sở KH&CN trả lời thư nhắc từ Gmail: chỉ viết NV01 'Hoàn thành' (không ghi %) và NV02; mẫu "
        "trích dẫn còn NV03 với giá trị cũ",
        t,
        [
            rep(
                "SKHCN",
                "daily",
                "2026-11-25",
                {
                    "NV01": T("completed", 100, result="245/KH-UBND"),
                    "NV02": T("in_progress", 50),
                },
            )
        ],
        absent=["NV03"],
    )


@case
def e028():
    t = when("25/11", "16:27", 47)
    m = new_message(
        frm="Ngô Thanh Tâm <ngothanhtam.xd@gmail.com>",
        subject="Báo cáo ngày 25/11/2026 - Sở Xây dựng",
        received=t,
        mid="<CAJ9fW3pQe1x_T7bRk0mVs4nYd2Lc8uHg5aZoP6iE3tN+Qr1wXg@mail.gmail.com>",
        via="gmail",
    )
    m.set_content(
        "Kính gửi Văn phòng UBND tỉnh,\n"
        "Anh Bình (đầu mối) đi công tác nên em gửi thay báo cáo ngày 25/11/2026 của Sở Xây dựng:\n"
        "NV10: Đang triển khai, đạt 45%. Đã kết nối thêm 1 nút giao (lũy kế 9/20).\n"
        "\n"
        "Ngô Thanh Tâm - Phòng QLHTKT Sở XD\n"
        "ĐT 0905 611 274\n",
        charset="utf-8",
        cte="base64",
    )
    return "E028_sxd_gui_thay_tu_gmail_chua_dang_ky", m, exp(
        "Chuyên viên Sở Xây dựng gửi thay đầu mối đi công tác, từ Gmail cá nhân không có trong danh sách đơn vị",
        t,
        [],
        outcome="rejected",
        codes=["unknown_sender"],
    )


@case
def e029():
    t = when("26/11", "15:58", 13)
    m = new_message(
        frm="Huỳnh Thị Mai <syt@binhdinh.gov.vn>",
        subject=unicodedata.normalize("NFD", "Sở Y tế báo cáo ngày 26/11/2026"),
        received=t,
        mid="<4C1A9E77-2B3D-4F80-9E6A-0D5C8B21F7E3@binhdinh.gov.vn>",
        mailer=("X-Mailer", "Apple Mail (2.3826.200.121)"),
    )
    text = (
        "Sở Y tế báo cáo ngày 26/11/2026\n"
        "\n"
        "Nhiệm vụ NV09 - Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh\n"
        "Tình trạng: đang thực hiện\n"
        "Tiến độ: 65%\n"
        "Kết quả: Bệnh viện Tâm thần đã hoàn thành khảo sát hạ tầng, dự kiến vận hành thử bệnh án điện tử từ "
        "ngày 10/12/2026.\n"
        "Khó khăn, vướng mắc: kinh phí nâng cấp máy chủ chưa được bố trí.\n"
        "Đề xuất, kiến nghị: Đề nghị Sở Tài chính sớm thẩm định dự toán.\n"
        "\n"
        "Huỳnh Thị Mai\n"
    )
    m.set_content(unicodedata.normalize("NFD", text), charset="utf-8", cte="quoted-printable")
    return "E029_syt_macbook_unicode_to_hop", m, exp(
        "Sở Y tế gửi từ MacBook (Apple Mail): tiếng Việt dạng tổ hợp NFD cả tiêu đề và thân thư; 'hoàn thành' chỉ "
        "nằm trong câu kết quả",
        t,
        [
            rep(
                "SYT",
                "daily",
                "2026-11-26",
                {"NV09": T("in_progress", 65, difficulties="máy chủ", proposals="thẩm định")},
            )
        ],
    )


@case
def e030():
    t = when("26/11", "16:05", 36)
    m = new_message(
        frm="Sở Nội vụ <snv@binhdinh.gov.vn>",
        subject="Báo cáo ngày 26/11/2026 - Sở Nội vụ",
        received=t,
        mid="<2a7f5c90-3e1b-4d62-8c4a-b7e09d1f2c55@binhdinh.gov.vn>",
        mailer=("User-Agent", THUNDERBIRD),
    )
    m.set_content(
        "Kính gửi Văn phòng UBND tỉnh,\n"
        "\n"
        "Đơn vị: Sở Nội vụ\n"
        "Loại báo cáo: Ngày\n"
        "Kỳ báo cáo: 26/11/2026\n"
        "\n"
        "Tình hình chung: Trong ngày, Sở tiếp tục cập nhật hồ sơ cán bộ, công chức, viên chức vào cơ sở dữ liệu "
        "theo kế hoạch; không phát sinh khó khăn, vướng mắc mới.\n"
        "\n"
        "Trần Văn Phúc (thay đ/c Võ Thanh Hải đi công tác)\n"
        "Phòng Công chức, viên chức - Sở Nội vụ\n",
        charset="utf-8",
        cte="8bit",
    )
    return "E030_snv_chi_tinh_hinh_chung", m, exp(
        "Sở Nội vụ (người viết thay đầu mối) chỉ ghi mục 'Tình hình chung', không nêu nhiệm vụ, trạng thái hay "
        "tiến độ nào",
        t,
        [rep("SNV", "daily", "2026-11-26", {})],
    )


@case
def e031():
    t = when("26/11", "16:08", 52)
    m = new_message(
        frm="Phạm Thị Hồng Nhung <vpub@binhdinh.gov.vn>",
        subject="VP UBND tỉnh báo cáo ngày 26/11/2026",
        received=t,
        mid="<003b01db3fa6$d1e07c40$75a174c0$@binhdinh.gov.vn>",
        mailer=("X-Mailer", OUTLOOK),
    )
    m.set_content(
        "Văn phòng UBND tỉnh báo cáo tiến độ ngày 26/11/2026:\n"
        "\n"
        "1. Nhiệm vụ NV07 – Rà soát TTHC thực hiện trực tuyến toàn trình: đang thực hiện, đạt 85%.\n"
        "   a) Kết quả: Lãnh đạo Văn phòng đã ký trình UBND tỉnh dự thảo Quyết định công bố danh mục 412 TTHC "
        "trực tuyến toàn trình.\n"
        "   b) Khó khăn, vướng mắc: không.\n"
        "   c) Đề xuất: không.\n"
        "\n"
        "Nhung - VP UBND tỉnh\n",
        charset="utf-8",
        cte="quoted-printable",
    )
    return "E031_vpub_danh_so_muc_abc", m, exp(
        "Văn phòng UBND tỉnh, dòng đánh số mang trạng thái và tiến độ, các mục a) b) c) bên dưới",
        t,
        [rep("VPUB", "daily", "2026-11-26", {"NV07": T("in_progress", 85, result="ký trình")})],
        crlf=True,
    )


@case
def e032():
    t = when("27/11", "15:40", 17)
    m = new_message(
        frm="Sở Nội vụ <snv@binhdinh.gov.vn>",
        subject="Sở Nội vụ BC ngày 27/11/2026",
        received=t,
        mid="<f0c4e2a8-91b7-4d3c-a5e6-7b2d9c10e4f8@binhdinh.gov.vn>",
        mailer=("User-Agent", THUNDERBIRD),
    )
    m.set_content(
        "Kính gửi VP UBND tỉnh,\n"
        "Sở Nội vụ báo cáo ngày 27/11/2026:\n"
        "\n"
        "Nhiệm vụ NV08 (CSDL cán bộ, công chức, viên chức)\n"
        "Trạng thái: Tạm dừng\n"
        "Tiến độ: giữ nguyên 50%\n"
        "Lý do: Bộ Nội vụ đang nâng cấp phần mềm quản lý hồ sơ CBCCVC, yêu cầu các địa phương tạm dừng cập nhật "
        "dữ liệu đến ngày 05/12/2026.\n"
        "Kiến nghị: Không.\n"
        "\n"
        "Phúc - Sở Nội vụ (thay đ/c Hải)\n",
        charset="utf-8",
        cte="8bit",
    )
    return "E032_snv_tam_dung_giu_nguyen_tien_do", m, exp(
        "Sở Nội vụ: NV08 'Tạm dừng' theo yêu cầu của Bộ, 'Tiến độ: giữ nguyên 50%'",
        t,
        [rep("SNV", "daily", "2026-11-27", {"NV08": T("paused", 50)})],
    )


@case
def e033():
    t = when("27/11", "15:45", 5)
    m = new_message(
        frm="UBND xa Tuy Phuoc <tuyphuoc@binhdinh.gov.vn>",
        subject="Xã Tuy Phước - Báo cáo tuần 23/11-27/11/2026",
        received=t,
        mid="<1934518270.283365.1764233097521.JavaMail.zimbra@binhdinh.gov.vn>",
        mailer=("X-Mailer", ZIMBRA_UA),
    )
    m.set_content(
        "UBND XÃ TUY PHƯỚC\n"
        "BÁO CÁO TUẦN (23/11/2026 - 27/11/2026)\n"
        "\n"
        "1/ Nhiệm vụ NV12 - Triển khai chữ ký số cho cán bộ cấp xã\n"
        " - Tình trạng: Đã hoàn thành (từ ngày 19/11/2026)\n"
        " - Kết quả: 100% cán bộ, công chức xã (30/30) đã được cấp và sử dụng chữ ký số trên hệ thống quản lý văn "
        "bản.\n"
        "2/ Nhiệm vụ NV13 - Phổ cập kỹ năng số cho người dân\n"
        " - Tình trạng: Đang thực hiện\n"
        " - Tiến độ: 10/12 thôn, đạt 83%\n"
        " - Kết quả: Trong tuần thành lập thêm tổ công nghệ số cộng đồng tại thôn Phụng Sơn.\n"
        " - Khó khăn: Thôn Vinh Thạnh và thôn Quảng Tín chưa bố trí được điểm sinh hoạt.\n"
        "\n"
        "Người báo cáo: Nguyễn Thị Hoa\n",
        charset="utf-8",
        cte="base64",
    )
    return "E033_xtp_bao_cao_tuan_da_hoan_thanh_tu_ngay", m, exp(
        "Xã Tuy Phước báo cáo tuần: NV12 'Đã hoàn thành (từ ngày 19/11/2026)' không ghi %, NV13 '10/12 thôn, đạt 83%'",
        t,
        [
            rep(
                "XTP",
                "weekly",
                "2026-W48",
                {
                    "NV12": T("completed", 100),
                    "NV13": T("in_progress", 83, difficulties="điểm sinh hoạt"),
                },
            )
        ],
    )


@case
def e034():
    t = when("27/11", "15:50", 42)
    m = new_message(
        frm="Phan Thị Kim Oanh <daumoi.de06@congan.binhdinh.gov.vn>",
        subject="Báo cáo tuần 48 - Công an tỉnh",
        received=t,
        mid="<004f01db4067$2b9e11c0$82da3540$@congan.binhdinh.gov.vn>",
        via="congan",
        mailer=("X-Mailer", OUTLOOK),
        extra=[("Content-Language", "vi")],
    )
    table = outlook_table(
        [
            ["Mã nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Kết quả", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị"],
            [
                "NV05",
                "Đang thực hiện",
                "91",
                "Lũy kế làm sạch 1.333.150 trường thông tin; xác minh xong 2.870/3.412 trường hợp sai lệch.",
                "Một số xã chưa cử cán bộ phối hợp xác minh.",
                "Đề nghị UBND các xã bố trí cán bộ phối hợp.",
            ],
            [
                "NV06",
                "Đang thực hiện",
                "67",
                "Trong tuần cấp mới 8.915 tài khoản; lũy kế 630.815 tài khoản.",
                "",
                "",
            ],
        ],
        [70, 90, 60, 220, 160, 160],
    )
    html = outlook_html(
        [
            "Kính gửi Văn phòng UBND tỉnh,",
            "",
            "Công an tỉnh báo cáo tuần 48 (từ 23/11 đến 27/11/2026) theo bảng dưới đây:",
            "",
            table,
            "",
            "Trân trọng!",
            "Đại úy Phan Thị Kim Oanh",
            "Đội 2 – Phòng PC06 Công an tỉnh Bình Định",
        ],
        size="12.0pt",
    )
    m.set_content(html, subtype="html", charset="utf-8", cte="base64")
    return "E034_cat_tuan_outlook_html_bang_dan", m, exp(
        "Công an tỉnh gửi báo cáo tuần bằng Outlook chỉ có HTML, dán bảng theo mẫu (Mã nhiệm vụ | Tình trạng | "
        "Tiến độ (%) | …)",
        t,
        [
            rep(
                "CAT",
                "weekly",
                "2026-W48",
                {
                    "NV05": T("in_progress", 91, difficulties="xác minh", proposals="bố trí cán bộ"),
                    "NV06": T("in_progress", 67),
                },
            )
        ],
        crlf=True,
    )


@case
def e035():
    t = when("27/11", "16:00", 31)
    m = new_message(
        frm="Ngô Văn Bình <sxd@binhdinh.gov.vn>",
        subject="BÁO CÁO TUẦN 48 - SỞ XÂY DỰNG",
        received=t,
        mid="<000701db4068$9c1f3a50$d45daef0$@binhdinh.gov.vn>",
        mailer=("X-Mailer", OUTLOOK),
    )
    m.set_content(
        "Kính gửi: Văn phòng UBND tỉnh.\n"
        "\n"
        "Sở Xây dựng báo cáo kết quả thực hiện nhiệm vụ trong tuần từ ngày 23/11 đến ngày 27/11/2026 như sau:\n"
        "\n"
        "Đối với nhiệm vụ Số hóa dữ liệu hạ tầng giao thông và lắp camera giám sát các nút giao (NV10), trong "
        "tuần Sở đã phối hợp Công an tỉnh lắp đặt, kết nối thêm 3 nút giao, nâng tổng số lên 12/20 nút giao kết "
        "nối về Trung tâm giám sát, điều hành; nhiệm vụ đang triển khai, đạt 60% khối lượng. Việc số hóa dữ liệu "
        "cầu, đường do Sở quản lý đã hoàn thành giai đoạn 1 (quốc lộ, đường tỉnh).\n"
        "\n"
        "Khó khăn, vướng mắc: 03 nút giao trên QL1D vẫn chưa có nguồn điện; nhà thầu thi công chậm.\n"
        "Đề xuất: Đề nghị Công ty Điện lực Bình Định sớm đấu nối nguồn điện cho các vị trí lắp camera.\n"
        "\n"
        "Trân trọng./.\n"
        "Ngô Văn Bình\n"
        "Phòng Quản lý hạ tầng kỹ thuật – Sở Xây dựng\n",
        charset="utf-8",
        cte="quoted-printable",
    )
    return "E035_sxd_tuan_doan_van_hoan_thanh_giai_doan", m, exp(
        "Sở Xây dựng báo cáo tuần bằng một đoạn văn: 'đang triển khai, đạt 60% khối lượng' (12/20 nút giao); "
        "'đã hoàn thành giai đoạn 1' chỉ nói một phần việc",
        t,
        [
            rep(
                "SXD",
                "weekly",
                "2026-W48",
                {"NV10": T("in_progress", 60, difficulties="nguồn điện", proposals="đấu nối")},
            )
        ],
        crlf=True,
    )


@case
def e036():
    t = when("27/11", "16:10", 24)
    m = new_message(
        frm='"Trần Thị Bích Ngọc" <stc@binhdinh.gov.vn>',
        subject="Báo cáo tuần 48 - Sở Tài chính",
        received=t,
        mid="<1108327716.284012.1764234600093.JavaMail.zimbra@binhdinh.gov.vn>",
        mailer=("X-Mailer", ZIMBRA_UA),
    )
    m.set_content(
        "Kính gửi VP UBND tỉnh,\n"
        "Sở Tài chính gửi báo cáo tuần từ 23/11 đến 27/11/2026 (file excel đính kèm).\n"
        "Trân trọng./.\n"
        "Bích Ngọc - STC\n",
        charset="utf-8",
        cte="quoted-printable",
    )
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tuan 48"
    wb.properties.creator = "Ngoc STC"
    wb.properties.created = dt.datetime(2026, 11, 1, 8, 0, 0)
    ws["A1"] = "SỞ TÀI CHÍNH - BÁO CÁO TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ TUẦN 48/2026 (23/11 - 27/11/2026)"
    ws["A1"].font = Font(bold=True, size=13)
    ws.merge_cells("A1:H1")
    header = ["STT", "Mã nhiệm vụ", "Tên nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Kết quả", "Khó khăn, vướng mắc",
              "Đề xuất, kiến nghị"]
    for j, h in enumerate(header, start=1):
        c = ws.cell(row=3, column=j, value=h)
        c.font = Font(bold=True)
        c.alignment = Alignment(wrap_text=True, horizontal="center")
    row = [
        1,
        "NV04",
        "Bố trí kinh phí sự nghiệp khoa học công nghệ và chuyển đổi số năm 2026",
        "Đang thực hiện",
        0.9,
        "UBND tỉnh đã thống nhất phương án phân bổ; Sở đang hoàn thiện dự thảo Quyết định.",
        None,
        None,
    ]
    for j, v in enumerate(row, start=1):
        c = ws.cell(row=4, column=j, value=v)
        c.alignment = Alignment(wrap_text=True, vertical="top")
    ws.cell(row=4, column=5).number_format = "0%"
    for col, w in zip("ABCDEFGH", (6, 12, 40, 16, 11, 45, 30, 30)):
        ws.column_dimensions[col].width = w
    buf = io.BytesIO()
    wb.save(buf)
    m.add_attachment(fix_zip(buf.getvalue()), maintype="application", subtype=XLSX.split("/")[1],
                     filename="STC_BC tuan 48.xlsx")
    m.set_boundary("=_c7e2a9f1-4b3d-4e58-9a06-1f8d3b2c7e90")
    return "E036_stc_tuan_excel_o_dinh_dang_phan_tram", m, exp(
        "Sở Tài chính gửi bảng Excel tự lập (dòng tiêu đề gộp ô, bảng bắt đầu ở dòng 3); ô tiến độ gõ '90%' nên "
        "Excel lưu 0,9 với định dạng phần trăm",
        t,
        [
            rep(
                "STC",
                "weekly",
                "2026-W48",
                {"NV04": T("in_progress", 90, result="thống nhất phương án")},
            )
        ],
    )


@case
def e037():
    t = when("30/11", "16:05", 39)
    m = new_message(
        frm="Nguyễn Văn An <skhcn@binhdinh.gov.vn>",
        subject="Báo cáo tháng 11/2026 - Sở KH&CN",
        received=t,
        mid="<887102364.297761.1764493501428.JavaMail.zimbra@binhdinh.gov.vn>",
        mailer=("X-Mailer", ZIMBRA_UA),
    )
    m.set_content(
        "Kính gửi: Văn phòng UBND tỉnh; Tổ công tác của Chủ tịch UBND tỉnh.\n"
        "\n"
        "Đơn vị: Sở Khoa học và Công nghệ\n"
        "Loại báo cáo: Tháng\n"
        "Kỳ báo cáo: Tháng 11/2026\n"
        "\n"
        "Tình hình chung: Trong tháng 11, Sở đã hoàn thành tham mưu Kế hoạch triển khai Nghị quyết 57-NQ/TW của "
        "tỉnh; các nhiệm vụ còn lại đang triển khai theo tiến độ, riêng việc xây dựng sàn giao dịch công nghệ "
        "chưa triển khai do chưa được bố trí kinh phí.\n"
        "\n"
        "Nhiệm vụ: NV01\n"
        "Tình trạng: Hoàn thành\n"
        "Tiến độ: 100%\n"
        "Kết quả: UBND tỉnh ban hành Kế hoạch số 245/KH-UBND ngày 25/11/2026.\n"
        "\n"
        "Nhiệm vụ: NV02\n"
        "Tình trạng: Đang thực hiện\n"
        "Tiến độ: 55%\n"
        "Kết quả: Đã lấy ý kiến Sở Tài chính, Sở Tư pháp đối với dự thảo Nghị quyết; đang tiếp thu, hoàn thiện.\n"
        "Khó khăn, vướng mắc: Sở Tư pháp đề nghị bổ sung đánh giá tác động chính sách, cần thêm thời gian.\n"
        "\n"
        "Nhiệm vụ: NV03\n"
        "Tình trạng: Chưa triển khai\n"
        "Tiến độ: 0%\n"
        "Khó khăn, vướng mắc: Chưa được bố trí kinh phí.\n"
        "Đề xuất, kiến nghị: Đề nghị Sở Tài chính tham mưu bố trí kinh phí trong dự toán năm 2027.\n"
        "\n"
        "Trân trọng./.\n"
        "Nguyễn Văn An\n",
        charset="utf-8",
        cte="8bit",
    )
    return "E037_skhcn_bao_cao_thang_11", m, exp(
        "Sở KH&CN, báo cáo tháng theo mẫu chuẩn với Tình hình chung nhắc tới các nhiệm vụ bằng lời, rồi ba khối "
        "nhiệm vụ",
        t,
        [
            rep(
                "SKHCN",
                "monthly",
                "2026-11",
                {
                    "NV01": T("completed", 100, result="245/KH-UBND"),
                    "NV02": T("in_progress", 55, difficulties="tác động chính sách"),
                    "NV03": T("not_started", 0, proposals="dự toán năm 2027"),
                },
            )
        ],
    )


@case
def e038():
    t = when("30/11", "16:15", 15)
    m = new_message(
        frm="Trương Văn Long <khcn@qnu.edu.vn>",
        subject="Báo cáo tháng 11/2026 - Trường Đại học Quy Nhơn",
        received=t,
        mid="<SEZPR06MB6958A4C2B1E07D9F3A5B8C61E2D4F9A0@SEZPR06MB6958.apcprd06.prod.outlook.com>",
        via="qnu",
        mailer=("X-Mailer", OUTLOOK),
        extra=[("Content-Language", "vi-VN"), ("Thread-Index", "AdtgEe4oF1d9q2mXRb+H3cJ0vK8xYQ==")],
    )
    html = outlook_html(
        [
            "Kính gửi Văn phòng UBND tỉnh,",
            "",
            "Trường Đại học Quy Nhơn báo cáo kết quả thực hiện nhiệm vụ tháng 11/2026 như sau:",
            "",
            "<b>Nhiệm vụ:</b> NV11 – Thành lập Trung tâm đổi mới sáng tạo",
            "<b>Tình trạng:</b> Đang thực hiện",
            "<b>Tiến độ:</b> 45%",
            "<b>Kết quả đạt được:</b> Hội đồng trường đã thông qua Đề án (ngày 18/11/2026); đã gửi hồ sơ xin ý kiến "
            "Bộ Giáo dục và Đào tạo ngày 27/11/2026.",
            "<b>Tồn tại, hạn chế:</b> Chưa có mặt bằng riêng cho Trung tâm.",
            "<b>Kiến nghị, đề xuất:</b> Đề nghị UBND tỉnh xem xét hỗ trợ kinh phí đầu tư trang thiết bị ban đầu.",
            "",
            "Trân trọng,",
            "",
            "<b>TS. Trương Văn Long</b>",
            "Phó Trưởng phòng Khoa học và Hợp tác quốc tế",
            "Trường Đại học Quy Nhơn | ĐT: 0256 3846 156",
        ],
        font="Arial",
        size="11.0pt",
    )
    m.set_content(html, subtype="html", charset="utf-8", cte="quoted-printable")
    return "E038_dhqn_thang_outlook_html_nhan_in_dam", m, exp(
        "ĐH Quy Nhơn, báo cáo tháng bằng Outlook chỉ có HTML, nhãn in đậm biến thể ('Kết quả đạt được', "
        "'Tồn tại, hạn chế', 'Kiến nghị, đề xuất')",
        t,
        [
            rep(
                "DHQN",
                "monthly",
                "2026-11",
                {
                    "NV11": T(
                        "in_progress",
                        45,
                        result="Bộ Giáo dục",
                        difficulties="mặt bằng",
                        proposals="trang thiết bị",
                    )
                },
            )
        ],
        crlf=True,
    )


@case
def e039():
    t = when("30/11", "16:20", 57)
    m = new_message(
        frm="Huỳnh Thị Mai <syt@binhdinh.gov.vn>",
        subject="Sở Y tế gửi báo cáo tháng 11/2026",
        received=t,
        mid="<2041173885.298120.1764494397716.JavaMail.zimbra@binhdinh.gov.vn>",
        mailer=("X-Mailer", ZIMBRA_UA),
    )
    m.set_content(
        "Kính gửi Văn phòng UBND tỉnh,\n"
        "\n"
        "Sở Y tế kính gửi báo cáo tháng 11/2026 về kết quả thực hiện nhiệm vụ chuyển đổi số (file Word đính kèm).\n"
        "\n"
        "Trân trọng.\n"
        "Huỳnh Thị Mai - Sở Y tế\n",
        charset="utf-8",
        cte="quoted-printable",
    )
    data = docx_report(
        agency="SỞ Y TẾ",
        number="Số: 2214/BC-SYT",
        place_date="Bình Định, ngày 30 tháng 11 năm 2026",
        title="Kết quả thực hiện nhiệm vụ chuyển đổi số tháng 11 năm 2026",
        subtitle="(Theo Quyết định số 1841-QĐ/TU ngày 15/5/2025 của Ban Thường vụ Tỉnh ủy)",
        intro=[
            "I. TÌNH HÌNH CHUNG",
            "Trong tháng, Sở Y tế tập trung chỉ đạo các bệnh viện tuyến tỉnh triển khai bệnh án điện tử theo lộ "
            "trình; phối hợp Công an tỉnh làm sạch dữ liệu số định danh của người bệnh.",
            "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
        ],
        table=[
            ["STT", "Nội dung nhiệm vụ", "Kết quả thực hiện", "Tiến độ", "Tình trạng", "Khó khăn, vướng mắc"],
            [
                "1",
                "Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh",
                "Đã vận hành chính thức tại 03 bệnh viện; 02 bệnh viện còn lại đã khảo sát hạ tầng, chuẩn bị chạy thử.",
                "70%",
                "Đang thực hiện",
                "Kinh phí nâng cấp máy chủ cho 02 bệnh viện chưa được bố trí.",
            ],
        ],
        after=[
            "III. ĐỀ XUẤT, KIẾN NGHỊ",
            "Đề nghị Sở Tài chính thẩm định, trình UBND tỉnh bố trí kinh phí nâng cấp hạ tầng máy chủ trong tháng 12/2026.",
            "",
            "Nơi nhận:",
            "- Văn phòng UBND tỉnh;",
            "- Giám đốc Sở;",
            "- Lưu: VT, NVY.",
        ],
        signer=["GIÁM ĐỐC", "", "", "Trần Quốc Việt"],
    )
    m.add_attachment(data, maintype="application", subtype=DOCX.split("/")[1],
                     filename="Bao cao thang 11.2026 - SYT.docx")
    m.set_boundary("=_51d8a3c7-0e2f-4b96-8c1a-7f3e9d2b6a04")
    return "E039_syt_thang_word_the_thuc_van_ban", m, exp(
        "Sở Y tế gửi báo cáo tháng bằng file Word đúng thể thức; bảng gọi nhiệm vụ bằng tên, cột Tiến độ đứng "
        "trước cột Tình trạng",
        t,
        [
            rep(
                "SYT",
                "monthly",
                "2026-11",
                {"NV09": T("in_progress", 70, difficulties="máy chủ")},
            )
        ],
    )


@case
def e040():
    t = when("01/12", "09:30", 26)
    m = new_message(
        frm="UBND xa Phu Cat <phucat@binhdinh.gov.vn>",
        subject="Bao cao thang 11 - xa Phu Cat (gui bo sung)",
        received=t,
        mid="<650293318.301447.1764556226004.JavaMail.zimbra@binhdinh.gov.vn>",
        mailer=("X-Mailer", ZIMBRA_UA),
    )
    m.set_content(
        "Kính gửi VP UBND tỉnh,\n"
        "Xã Phù Cát xin gửi bổ sung báo cáo tháng 11 (chiều qua mạng nội bộ của xã bị sự cố nên chưa gửi được).\n"
        "\n"
        "Nhiệm vụ NV14 - Chữ ký số cán bộ xã: Đang thực hiện, đạt 86% (24/28 cán bộ).\n"
        "Nhiệm vụ NV15 - Thanh toán không dùng tiền mặt tại chợ và trường học: Đang thực hiện, đạt 60%. Đã triển "
        "khai tại 4/5 chợ và 7/9 trường học.\n"
        "Khó khăn: Kinh phí trang bị thiết bị thanh toán cho các trường chưa có.\n"
        "\n"
        "Lê Thị Thanh - VP xã Phù Cát\n",
        charset="utf-8",
        cte="quoted-printable",
    )
    return "E040_xpc_thang_11_gui_ngay_01_12", m, exp(
        "Xã Phù Cát gửi bổ sung báo cáo 'tháng 11' vào sáng 01/12 (trễ hạn), hai dòng nhiệm vụ có trạng thái và %",
        t,
        [
            rep(
                "XPC",
                "monthly",
                "2026-11",
                {
                    "NV14": T("in_progress", 86),
                    "NV15": T("in_progress", 60, difficulties="thiết bị thanh toán"),
                },
            )
        ],
    )


# --------------------------------------------------------------------------- main


def main() -> None:
    CASES.mkdir(exist_ok=True)
    for old in CASES.glob("E[0-9][0-9][0-9]_*"):
        old.unlink()
    names = set()
    for fn in CASE_LIST:
        name, msg, expected = fn()
        crlf = expected.pop("crlf", False)
        assert name not in names, name
        names.add(name)
        write_case(name, msg, expected, crlf=crlf)
    print(f"wrote {len(names)} cases to {CASES}")


if __name__ == "__main__":
    main()
