#!/usr/bin/env python3
"""Series C of the free-writing corpus (tests/freewrite/README.md): 45 report mails C001–C045.

Written by a different set of writers than series A and B, without looking at the reader: an older
department head dictating to a secretary, a young IT officer in abbreviations, commune clerks who
put two tasks in one sentence, percentages in words, corrections, replies deep in a thread, HTML
signatures with English disclaimers, Word and CSV attachments, windows-1258 and NFD text, and the
five machine or stranger mails that must be rejected or ignored.

Each case: cases/C###_slug.eml + cases/C###_slug.expected.json, saying what the WRITER MEANT.
Run:  python3 tests/freewrite/make_cases_c.py      (stdlib only; regenerates every C file)
"""

from __future__ import annotations

import hashlib
import io
import json
import unicodedata
import zipfile
from datetime import datetime, timedelta, timezone
from email import policy
from email.header import Header
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "cases"
TZ = timezone(timedelta(hours=7))
OURS = "baocao@binhdinh.gov.vn"
OUR_NAME = "Kênh báo cáo điện tử"

IP, CO, NS, PA = "in_progress", "completed", "not_started", "paused"

CASES: list[dict] = []


# ----------------------------------------------------------------------------------------------
# helpers


def hx(*parts: str, n: int = 16) -> str:
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:n]


def at(day: int, hh: int, mm: int, month: int = 11, ss: int = 0) -> datetime:
    return datetime(2026, month, day, hh, mm, ss, tzinfo=TZ)


def T(status, progress, **contains) -> dict:
    d = {"status": status, "progress": progress}
    for k, v in contains.items():
        d[f"{k}_contains"] = v
    return d


def U(task: str, field: str) -> dict:
    return {"task": task, "field": field}


def R(unit: str, kind: str, period: str, tasks: dict, uncertain: list | None = None) -> dict:
    r = {"unit": unit, "kind": kind, "period": period, "tasks": tasks}
    if uncertain:
        r["uncertain"] = uncertain
    return r


CLIENT_HEADERS = {
    "zimbra": [("X-Mailer", "Zimbra 8.8.15_GA_4581 (ZimbraWebClient - GC119 (Win)/8.8.15_GA_4581)"),
               ("X-Originating-IP", "[10.20.4.57]")],
    "outlook": [("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "vi-VN")],
    "outlook_old": [("X-Mailer", "Microsoft Office Outlook 12.0"), ("Content-Language", "vi")],
    "gmail": [],
    "iphone": [("X-Mailer", "iPhone Mail (21H16)")],
    "thunderbird": [("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Thunderbird/128.4.2")],
    "applemail": [("X-Mailer", "Apple Mail (2.3826.200.121)")],
}


def message_id(client: str, slug: str, domain: str) -> str:
    k = hx(slug, client, n=24)
    if client == "zimbra":
        return f"<{int(k[:8], 16) % 10**9}.{int(k[8:12], 16)}.{1790000000000 + int(k[12:18], 16)}.JavaMail.zimbra@{domain}>"
    if client in ("outlook", "outlook_old"):
        return f"<000001db{k[:4]}${k[4:12]}${k[12:20]}$@{domain}>"
    if client == "gmail":
        return f"<CAH{k[:10].upper()}+{k[10:20]}=Q{k[20:]}@mail.gmail.com>"
    return f"<{k[:8].upper()}-{k[8:12].upper()}-{k[12:16].upper()}-{k[16:20].upper()}-{hx(slug, n=12).upper()}@{domain}>"


def received_chain(received: datetime, sender: str, client: str, slug: str) -> list[str]:
    qid = hx(slug, "qid", n=10).upper()
    first = received - timedelta(seconds=3 + int(hx(slug, "s", n=2), 16) % 20)
    if client == "gmail" or sender.endswith("@gmail.com"):
        outer = (f"from mail-pj1-f54.google.com (mail-pj1-f54.google.com [209.85.216.54]) by mx.binhdinh.gov.vn "
                 f"(Postfix) with ESMTPS id {qid} for <{OURS}>; {format_datetime(received)}")
        inner = f"by mail-pj1-f54.google.com with SMTP id {hx(slug, 'g', n=12)}; {format_datetime(first)}"
        return [outer, inner]
    dom = sender.split("@", 1)[1]
    outer = (f"from mail.{dom} (mail.{dom} [113.160.{int(qid[:2], 16) % 250}.{int(qid[2:4], 16) % 250}]) by "
             f"mx.binhdinh.gov.vn (Postfix) with ESMTPS id {qid} for <{OURS}>; {format_datetime(received)}")
    inner = f"from [10.20.4.57] by mail.{dom} with ESMTPSA id {qid[:6]}; {format_datetime(first)}"
    return [outer, inner]


def new_message(slug: str, received: datetime, sender: tuple[str, str], subject: str, client: str,
                to: str = f"{OUR_NAME} <{OURS}>", cc: str | None = None, in_reply_to: str | None = None,
                extra: list[tuple[str, str]] = ()) -> EmailMessage:
    name, addr = sender
    msg = EmailMessage(policy=policy.default)
    for r in received_chain(received, addr, client, slug):
        msg["Received"] = r
    msg["From"] = f"{name} <{addr}>" if name else addr
    msg["To"] = to
    if cc:
        msg["Cc"] = cc
    msg["Subject"] = subject
    sent = received - timedelta(seconds=20 + int(hx(slug, "d", n=2), 16))
    msg["Date"] = format_datetime(sent)
    msg["Message-ID"] = message_id(client, slug, addr.split("@", 1)[1])
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = in_reply_to
    msg["MIME-Version"] = "1.0"
    for k, v in CLIENT_HEADERS[client]:
        msg[k] = v
    if client in ("outlook", "outlook_old", "zimbra"):
        msg["Thread-Topic"] = subject.split(": ", 1)[-1] if subject.lower().startswith(("re:", "fw:")) else subject
        msg["Thread-Index"] = "AQH" + hx(slug, "ti", n=28)
    for k, v in extra:
        msg[k] = v
    return msg


def to_cp1258_text(s: str) -> str:
    """Windows-1258 keeps base letters (â ê ô ơ ư ă đ) precomposed and puts tone marks as combining."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in unicodedata.normalize("NFC", s):
        try:
            ch.encode("cp1258")
            out.append(ch)
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in tones))
        out.append(base + "".join(c for c in d if c in tones))
    return "".join(out)


def docx_bytes(blocks: list) -> bytes:
    """A minimal Word document: blocks are paragraphs (str) or tables (list of rows of cells)."""
    W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    def esc(t: str) -> str:
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    def para(t: str, bold: bool = False, center: bool = False) -> str:
        ppr = '<w:pPr><w:jc w:val="center"/></w:pPr>' if center else ""
        rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
        runs = "<w:br/>".join(f'<w:t xml:space="preserve">{esc(line)}</w:t>' for line in t.split("\n"))
        return f'<w:p>{ppr}<w:r>{rpr}{runs}</w:r></w:p>'

    body = []
    for b in blocks:
        if isinstance(b, str):
            body.append(para(b))
        elif isinstance(b, tuple):  # (text, bold, center)
            body.append(para(*b))
        else:
            rows = []
            for r in b:
                rows.append("<w:tr>" + "".join(f"<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/></w:tcPr>{para(c)}</w:tc>" for c in r) + "</w:tr>")
            body.append('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>' + "".join(rows) + "</w:tbl>")
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body>'
                + "".join(body) + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/_rels/document.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>',
        "word/document.xml": document,
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            zi = zipfile.ZipInfo(name, date_time=(2026, 11, 27, 15, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, text.encode("utf-8"))
    return buf.getvalue()


TINY_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cf"
    "c0f01f0005000201e1e2a3a50000000049454e44ae426082")


def add(n: int, slug: str, desc: str, received: datetime, msg, *, outcome: str = "accepted",
        codes: list[str] | None = None, reports: list[dict] | None = None, absent: list[str] | None = None):
    exp = {"description": desc, "received_at": received.isoformat(), "outcome": outcome}
    if outcome != "accepted":
        exp["codes"] = codes or []
    else:
        exp["reports"] = reports or []
    if absent:
        exp["absent_tasks"] = absent
    CASES.append({"name": f"C{n:03d}_{slug}", "msg": msg, "exp": exp})


def text_mail(slug, received, sender, subject, body, client="zimbra", *, charset="utf-8", nfd=False,
              **kw) -> EmailMessage:
    msg = new_message(slug, received, sender, subject, client, **kw)
    if nfd:
        body = unicodedata.normalize("NFD", body)
    if charset == "utf-8":
        cte = {"thunderbird": "8bit", "gmail": "base64"}.get(client, "quoted-printable")
        msg.set_content(body, charset="utf-8", cte=cte)
    else:
        msg.set_content(to_cp1258_text(body), charset=charset, cte="quoted-printable")
    return msg


# ----------------------------------------------------------------------------------------------
# senders

SKHCN = ("Văn thư Sở KH&CN", "skhcn@binhdinh.gov.vn")
SKHCN_GMAIL = ("Nguyễn Văn An", "nguyenvanan.skhcn@gmail.com")
STC = ("Trần Thị Bích Ngọc", "stc@binhdinh.gov.vn")
CAT = ("PC06 Công an tỉnh", "pc06.cat@binhdinh.gov.vn")
CAT_DE06 = ("Lê Minh Tuấn", "daumoi.de06@congan.binhdinh.gov.vn")
VPUB = ("Phạm Thị Hồng Nhung", "vpub@binhdinh.gov.vn")
SNV = ("Võ Thanh Hải - Sở Nội vụ", "snv@binhdinh.gov.vn")
SYT = ("Huỳnh Thị Mai", "syt@binhdinh.gov.vn")
SXD = ("Ngô Văn Bình", "sxd@binhdinh.gov.vn")
XTP = ("UBND xã Tuy Phước", "tuyphuoc@binhdinh.gov.vn")
XPC = ("UBND xã Phù Cát", "phucat@binhdinh.gov.vn")
VPXA = ("Văn phòng HĐND-UBND xã", "vanphong.xa@binhdinh.gov.vn")
DHQN = ("Phòng KHCN - Trường ĐH Quy Nhơn", "khcn@qnu.edu.vn")


# ----------------------------------------------------------------------------------------------
# the cases

def build() -> None:
    # C001 — dictated by the deputy director, typed by the clerk: long formal paragraphs
    r = at(5, 15, 42)
    body = """Kính gửi: Tổ công tác của Chủ tịch UBND tỉnh.

Thực hiện Công văn số 3712/UBND-KGVX ngày 14/10/2026 của Ủy ban nhân dân tỉnh về việc báo cáo tiến độ thực hiện các nhiệm vụ theo Quyết định số 1841-QĐ/TU ngày 15/5/2025 của Ban Thường vụ Tỉnh ủy, Sở Khoa học và Công nghệ (theo ý kiến chỉ đạo của đồng chí Giám đốc Sở) báo cáo tình hình thực hiện nhiệm vụ trong ngày 05/11/2026 như sau:

1. Đối với nhiệm vụ xây dựng kế hoạch triển khai Nghị quyết 57-NQ/TW của tỉnh (NV01): Qua theo dõi, Sở đã chủ động phối hợp với Văn phòng UBND tỉnh và Sở Tài chính tiếp thu, hoàn chỉnh dự thảo Kế hoạch lần thứ tư trên cơ sở ý kiến góp ý của 27 sở, ban, ngành và địa phương; nhiệm vụ hiện đang được tiếp tục thực hiện, ước đạt 80% khối lượng công việc. Dự kiến trong tuần sau Sở sẽ trình Ủy ban nhân dân tỉnh xem xét, ban hành.

2. Đối với nhiệm vụ rà soát cơ chế hỗ trợ doanh nghiệp khởi nghiệp đổi mới sáng tạo (NV02): Sở đang triển khai rà soát các chính sách hiện hành, đến nay đạt khoảng 40%. Tuy nhiên, việc rà soát còn gặp khó khăn do chưa nhận được ý kiến góp ý của Sở Tài chính đối với phương án hỗ trợ; Sở kính đề nghị Tổ công tác đôn đốc Sở Tài chính sớm có ý kiến bằng văn bản.

3. Đối với nhiệm vụ xây dựng sàn giao dịch công nghệ tỉnh (NV03): Nhiệm vụ chưa triển khai do đang chờ bố trí kinh phí năm 2027.

Sở Khoa học và Công nghệ kính báo cáo Tổ công tác theo dõi, tổng hợp./.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
(đã ký)
Đặng Quốc Hùng

(Văn thư Sở gửi theo ủy quyền của lãnh đạo Sở)
"""
    m = text_mail("c001", r, SKHCN, "Báo cáo tiến độ thực hiện nhiệm vụ ngày 05/11/2026", body, "zimbra")
    add(1, "giamdoc_doc_van_thu_skhcn",
        "Deputy director dictates to the clerk: 'Thực hiện Công văn số…', 'Qua theo dõi', one long paragraph per task, codes in parentheses, 'ước đạt 80%', 'chưa triển khai' with no number",
        r, m, reports=[R("SKHCN", "daily", "2026-11-05", {
            "NV01": T(IP, 80), "NV02": T(IP, 40), "NV03": T(NS, None)})])

    # C002 — young IT officer, abbreviations, pipes, numbers next to the progress
    r = at(6, 16, 5)
    body = """Đv: CA tỉnh
BC ngày 06/11/2026

- NV05: TT đg thực hiện | TĐ 72% | làm sạch thêm 3.450 bản ghi, lũy kế 1.203.884 bản ghi
- NV06: TT đg thực hiện | TĐ 64% | trong ngày cấp mới 1.500 TK ĐDĐT mức 2
- NV07 (PH với VP UBND): TT HT | TĐ 100% | đã gửi VP danh mục TTHC đủ ĐK toàn trình
- NV10 (PH với Sở XD): chưa TH, chờ Sở XD gửi DS nút giao

KK: hệ thống ĐDĐT chập chờn chiều nay ~2 tiếng, đã báo C06.

Tuấn - PC06
"""
    m = text_mail("c002", r, CAT, "BC ngày 06/11 - CA tỉnh", body, "thunderbird")
    add(2, "it_viet_tat_cat",
        "Young IT officer: bullet list with abbreviations (Đv, TT, TĐ, đg thực hiện, HT, chưa TH, PH), counts '3.450', '1.500' beside the percentage",
        r, m, reports=[R("CAT", "daily", "2026-11-06", {
            "NV05": T(IP, 72), "NV06": T(IP, 64), "NV07": T(CO, 100), "NV10": T(NS, None)})])

    # C003 — commune clerk: two tasks in one sentence, a third in the next
    r = at(9, 15, 20)
    body = """Kính gửi Văn phòng UBND tỉnh,

Xã Tuy Phước báo cáo ngày 09/11/2026: hôm nay xã đã hoàn thành việc cấp chữ ký số cho toàn bộ cán bộ, công chức xã (NV12), còn việc thành lập tổ công nghệ số cộng đồng (NV13) thì mới được 9/12 thôn, đang tiếp tục vận động 3 thôn còn lại. Riêng nhiệm vụ phối hợp cấp tài khoản định danh mức 2 (NV06), xã tiếp tục phối hợp Công an xã tổ chức cấp tại nhà văn hóa các thôn, đến nay đạt 58%.

Người báo cáo: Lê Thị Thanh - Văn phòng HĐND-UBND xã
"""
    m = text_mail("c003", r, XTP, "Báo cáo ngày 9/11", body, "zimbra")
    add(3, "xa_hai_viec_mot_cau_xtp",
        "Commune clerk puts NV12 (done) and NV13 (9/12 thôn, continuing) in one sentence joined by 'còn', NV06 in the next",
        r, m, reports=[R("XTP", "daily", "2026-11-09", {
            "NV12": T(CO, 100), "NV13": T(IP, 75), "NV06": T(IP, 58)})])

    # C004 — fractions in words
    r = at(10, 16, 12)
    body = """Sở Y tế báo cáo tiến độ ngày 10/11/2026:

- Nhiệm vụ NV09 (bệnh án điện tử tại các bệnh viện tuyến tỉnh): đang triển khai; đến nay đã thực hiện được hai phần ba khối lượng công việc (6/9 bệnh viện đã chạy bệnh án điện tử chính thức).
- Nhiệm vụ NV05 (phối hợp làm sạch dữ liệu dân cư, phần dữ liệu tiêm chủng và khám chữa bệnh): đang thực hiện, đạt khoảng một nửa.

Trân trọng.
Huỳnh Thị Mai
Phòng Nghiệp vụ Y - Sở Y tế Bình Định
ĐT: 0256 3822 145
"""
    m = text_mail("c004", r, SYT, "Sở Y tế báo cáo ngày 10/11/2026", body, "outlook")
    add(4, "phan_so_bang_chu_syt",
        "Progress in words: 'được hai phần ba khối lượng' (6/9 bệnh viện agrees) and 'đạt khoảng một nửa' — an approximate fraction read like 'khoảng 50%'",
        r, m, reports=[R("SYT", "daily", "2026-11-10", {
            "NV09": T(IP, 66.7), "NV05": T(IP, 50)})])

    # C005 — progress first, then a colloquial status
    r = at(11, 15, 55)
    body = """Sở Tài chính báo cáo ngày 11/11/2026

NV04 - Bố trí kinh phí sự nghiệp KH&CN và chuyển đổi số năm 2026: 70% - đang làm, đã trình UBND tỉnh dự thảo Quyết định phân bổ đợt 2.
NV01 (phối hợp): 100% - xong, đã gửi ý kiến góp ý dự thảo Kế hoạch cho Sở KH&CN ngày 09/11.
NV02 (phối hợp): 0% - chưa làm, chờ Sở KH&CN gửi phương án.

Ngọc - Phòng Tài chính HCSN
"""
    m = text_mail("c005", r, STC, "BC ngay 11/11 - So Tai chinh", body, "outlook")
    add(5, "tien_do_truoc_trang_thai_stc",
        "Percentage before the status, in speech words: '70% - đang làm', '100% - xong', '0% - chưa làm'",
        r, m, reports=[R("STC", "daily", "2026-11-11", {
            "NV04": T(IP, 70), "NV01": T(CO, 100), "NV02": T(NS, 0)})])

    # C006 — correction of the morning's report, the morning mail quoted Outlook-style
    r = at(12, 10, 40)
    morning = message_id("outlook", "c006-morning", "binhdinh.gov.vn")
    body = """Bổ sung/đính chính báo cáo sáng nay: NV04 đạt 85% chứ không phải 58% như đã gửi (do đánh máy nhầm). Các nội dung khác giữ nguyên.

Ngọc - Sở Tài chính

________________________________
Từ: Trần Thị Bích Ngọc <stc@binhdinh.gov.vn>
Đã gửi: Thứ Năm, ngày 12 tháng 11 năm 2026 8:55 SA
Đến: baocao@binhdinh.gov.vn
Chủ đề: Báo cáo ngày 12/11/2026 - Sở Tài chính

Đơn vị: Sở Tài chính
Loại báo cáo: Ngày
Kỳ báo cáo: 12/11/2026

Nhiệm vụ: NV04
Tình trạng: Đang thực hiện
Tiến độ: 58%
Kết quả: UBND tỉnh đã ký Quyết định phân bổ đợt 2; đang tổng hợp nhu cầu đợt 3.
"""
    m = text_mail("c006", r, STC, "RE: Báo cáo ngày 12/11/2026 - Sở Tài chính", body, "outlook", in_reply_to=morning)
    # status: not restated ('các nội dung khác giữ nguyên' = as in the morning, in_progress); both
    # recording nothing and recording in_progress are what the writer meant, so it is not judged.
    add(6, "dinh_chinh_bao_cao_sang_stc",
        "Correction sent at 10:40 of the morning's report: 'NV04 đạt 85% chứ không phải 58%'; the morning mail with 58% is quoted below an Outlook rule",
        r, m, reports=[R("STC", "daily", "2026-11-12", {"NV04": {"progress": 85}})])

    # C007 — finished earlier in the week, reported again on Friday
    r = at(6, 16, 10)
    body = """VP UBND tỉnh báo cáo ngày 06/11/2026:

1. NV07 – Rà soát TTHC thực hiện trực tuyến toàn trình: Đã hoàn thành từ thứ Ba (03/11/2026). Chủ tịch UBND tỉnh đã ký Quyết định số 2456/QĐ-UBND ngày 03/11/2026 công bố danh mục 312 thủ tục hành chính trực tuyến toàn trình. Trong ngày không phát sinh công việc mới.
2. NV01 (phối hợp với Sở KH&CN) – Đang thực hiện, 80%: đã có ý kiến góp ý dự thảo Kế hoạch lần 4.

Phạm Thị Hồng Nhung
Phòng Kiểm soát TTHC - Văn phòng UBND tỉnh
"""
    m = text_mail("c007", r, VPUB, "Báo cáo ngày 06/11/2026 - VP UBND tỉnh", body, "zimbra")
    add(7, "hoan_thanh_tu_thu_ba_vpub",
        "Friday report of a task finished on Tuesday ('Đã hoàn thành từ thứ Ba (03/11/2026)'), decision number and '312 thủ tục' on the line",
        r, m, reports=[R("VPUB", "daily", "2026-11-06", {"NV07": T(CO, 100), "NV01": T(IP, 80)})])

    # C008 — only difficulties: no status word, no number
    r = at(16, 16, 20)
    body = """Sở Xây dựng báo cáo ngày 16/11:

NV10: vướng mặt bằng, chưa thi công được. Tại 7 nút giao trên QL1D và đường Hùng Vương, vị trí đặt tủ điện và cột camera chưa được địa phương bàn giao mặt bằng. Đề nghị UBND phường Quy Nhơn Nam sớm bàn giao mặt bằng trước 30/11.

Bình - P. QLGT
"""
    m = text_mail("c008", r, SXD, "BC ngày 16/11 - Sở XD", body, "outlook")
    add(8, "chi_ghi_vuong_mac_sxd",
        "Only a difficulty: 'NV10: vướng mặt bằng, chưa thi công được' — not built yet, but whether the task is not started or stalled in progress is not said",
        r, m, reports=[R("SXD", "daily", "2026-11-16", {"NV10": {"progress": None, "difficulties_contains": "mặt bằng"}},
                         [U("NV10", "status")])])

    # C009 — Outlook HTML with a signature table, an inline logo and an English disclaimer
    r = at(17, 15, 30)
    text = """Kính gửi Tổ công tác,
Sở KH&CN báo cáo ngày 17/11/2026 như sau:

Nhiệm vụ NV01: Đang thực hiện – 90%. Đã trình UBND tỉnh dự thảo Kế hoạch (Tờ trình số 415/TTr-SKHCN ngày 16/11/2026).
Nhiệm vụ NV02: Đang thực hiện – 45%.
Nhiệm vụ NV03: Chưa thực hiện (0%).

Trân trọng./.

Nguyễn Văn An
Chuyên viên Văn phòng Sở | Sở Khoa học và Công nghệ tỉnh Bình Định
Địa chỉ: 10 Trần Phú, TP. Quy Nhơn | ĐT: (0256) 3822 567 | DĐ: 0905 123 456

CONFIDENTIALITY NOTICE: This e-mail and any attachments are intended solely for the use of the addressee(s) and may contain confidential information. If you are not the intended recipient, please notify the sender immediately and delete this e-mail. Any unauthorised review, use, disclosure or distribution is prohibited. The Department of Science and Technology accepts no liability for any damage caused by viruses; this message was scanned and is 100% virus-free.
"""
    html = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<style><!-- p.MsoNormal, li.MsoNormal {margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif;} --></style></head>
<body lang="VI" link="#0563C1" vlink="#954F72"><div class="WordSection1">
<p class="MsoNormal">Kính gửi Tổ công tác,<o:p></o:p></p>
<p class="MsoNormal">Sở KH&amp;CN báo cáo ngày 17/11/2026 như sau:<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Nhiệm vụ NV01: Đang thực hiện – 90%. Đã trình UBND tỉnh dự thảo Kế hoạch (Tờ trình số 415/TTr-SKHCN ngày 16/11/2026).<o:p></o:p></p>
<p class="MsoNormal">Nhiệm vụ NV02: Đang thực hiện – 45%.<o:p></o:p></p>
<p class="MsoNormal">Nhiệm vụ NV03: Chưa thực hiện (0%).<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Trân trọng./.<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<table class="MsoNormalTable" border="0" cellspacing="0" cellpadding="0" style="border-collapse:collapse">
<tr><td width="80" valign="top" style="padding:0cm 5.4pt"><p class="MsoNormal"><img width="64" height="64" src="cid:image001.png@01DB3A2F.5C1E7B40" alt="Logo Sở KH&amp;CN"></p></td>
<td valign="top" style="border-left:solid #1F4E79 1.5pt;padding:0cm 5.4pt">
<p class="MsoNormal"><b><span style="color:#1F4E79">Nguyễn Văn An</span></b><o:p></o:p></p>
<p class="MsoNormal"><span style="font-size:9.0pt;color:gray">Chuyên viên Văn phòng Sở | Sở Khoa học và Công nghệ tỉnh Bình Định</span><o:p></o:p></p>
<p class="MsoNormal"><span style="font-size:9.0pt;color:gray">Địa chỉ: 10 Trần Phú, TP. Quy Nhơn | ĐT: (0256) 3822 567 | DĐ: 0905 123 456</span><o:p></o:p></p>
</td></tr></table>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal"><span lang="EN-US" style="font-size:7.5pt;color:#A6A6A6">CONFIDENTIALITY NOTICE: This e-mail and any attachments are intended solely for the use of the addressee(s) and may contain confidential information. If you are not the intended recipient, please notify the sender immediately and delete this e-mail. Any unauthorised review, use, disclosure or distribution is prohibited. The Department of Science and Technology accepts no liability for any damage caused by viruses; this message was scanned and is 100% virus-free.</span><o:p></o:p></p>
</div></body></html>
"""
    m = new_message("c009", r, SKHCN, "Báo cáo ngày 17/11/2026 - Sở KH&CN", "outlook")
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    m.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    m.get_payload()[1].add_related(TINY_PNG, "image", "png", cid="<image001.png@01DB3A2F.5C1E7B40>", filename="image001.png")
    add(9, "html_chu_ky_disclaimer_skhcn",
        "Outlook multipart/alternative with an HTML signature table, inline logo and an English confidentiality notice ending '100% virus-free'; 'Chưa thực hiện (0%)'",
        r, m, reports=[R("SKHCN", "daily", "2026-11-17", {
            "NV01": T(IP, 90), "NV02": T(IP, 45), "NV03": T(NS, 0)})])

    # C010 — a reply deep in a thread, three quoted levels
    r = at(23, 15, 48)
    body = """Dạ em gửi báo cáo hôm nay (23/11) ạ:
NV05: đang thực hiện, 80%
NV06: đang thực hiện, 69%

Tuấn - PC06

Vào lúc 09:12 23/11/2026, Văn phòng UBND tỉnh đã viết:
> Đề nghị Công an tỉnh lưu ý: từ hôm nay báo cáo ngày gửi về hộp thư baocao@binhdinh.gov.vn, không gửi vào hộp thư cá nhân của cán bộ Văn phòng.
>
> Vào lúc 16:02 20/11/2026, Lê Minh Tuấn đã viết:
>> Báo cáo ngày 20/11/2026 - Công an tỉnh
>> NV05: đang thực hiện, 78%
>> NV06: đang thực hiện, 67%
>> NV07 (phối hợp): hoàn thành
>>
>> Vào lúc 15:40 20/11/2026, Kênh báo cáo điện tử đã viết:
>>> Nhắc báo cáo: Công an tỉnh chưa gửi báo cáo ngày 20/11/2026 (hạn 16:30).
>>> Nhiệm vụ: NV10
>>> Tình trạng: Chưa thực hiện
>>> Tiến độ: 0%
"""
    m = text_mail("c010", r, CAT_DE06, "Re: Re: Nhắc báo cáo ngày 20/11/2026 - Công an tỉnh", body, "thunderbird",
                  cc="Văn phòng UBND tỉnh <vpub@binhdinh.gov.vn>",
                  in_reply_to=message_id("zimbra", "c010-vpub", "binhdinh.gov.vn"))
    add(10, "thread_nhieu_tang_cat",
        "Two new lines on top of a thread with three quoted levels (VPUB note, last Friday's report with NV07, the reminder's form with NV10)",
        r, m, reports=[R("CAT", "daily", "2026-11-23", {"NV05": T(IP, 80), "NV06": T(IP, 69)})],
        absent=["NV07", "NV10"])

    # C011 — counts, dates and a projection next to the real percentage
    r = at(18, 15, 35)
    body = """UBND xã Phù Cát báo cáo ngày 18/11/2026

1. NV14 - Chữ ký số cho cán bộ xã: Đang thực hiện. Đã cấp 38/40 cán bộ, công chức, đạt 95%; 02 trường hợp còn lại đang đi học lớp bồi dưỡng, dự kiến cấp trước ngày 25/11.
2. NV15 - Thanh toán không dùng tiền mặt tại chợ và trường học: Đang thực hiện. Hiện đạt 60% (đã triển khai tại 3/5 chợ và 6/10 trường học); dự kiến đến 23/11 đạt 80%.
3. NV06 (phối hợp): Đang thực hiện; trong tuần đã thu nhận 1.500 hồ sơ đề nghị cấp tài khoản định danh mức 2, lũy kế toàn xã đạt 61%.

Công chức Văn phòng - Thống kê xã Phù Cát
"""
    m = text_mail("c011", r, XPC, "Báo cáo ngày 18/11/2026 - xã Phù Cát", body, "zimbra")
    add(11, "so_lieu_ngay_thang_xpc",
        "Numbers beside the progress: '38/40 … đạt 95%', 'dự kiến đến 23/11 đạt 80%' (a projection, not the progress), '1.500 hồ sơ … lũy kế đạt 61%'",
        r, m, reports=[R("XPC", "daily", "2026-11-18", {
            "NV14": T(IP, 95), "NV15": T(IP, 60), "NV06": T(IP, 61)})])

    # C012 — completion written three ways; a 'hoàn thành xong phần …' that is only a part
    r = at(19, 16, 0)
    body = """SỞ NỘI VỤ – BÁO CÁO NGÀY 19/11/2026

Nhiệm vụ NV08 (CSDL cán bộ, công chức, viên chức): Hoàn thành (100%). Cơ sở dữ liệu đã vận hành chính thức từ ngày 18/11/2026.
Nhiệm vụ NV12 (phối hợp xã Tuy Phước triển khai chữ ký số): HOÀN THÀNH.
Nhiệm vụ NV14 (phối hợp xã Phù Cát triển khai chữ ký số): Đang thực hiện, đạt 95%; Sở đã hoàn thành xong việc tập huấn sử dụng chữ ký số cho cán bộ xã, chờ xã cấp nốt 02 trường hợp.
Nhiệm vụ NV05 (phối hợp làm sạch dữ liệu dân cư): Sở đã hoàn thành xong phần dữ liệu cán bộ, công chức.

Võ Thanh Hải - Văn phòng Sở Nội vụ
"""
    m = text_mail("c012", r, SNV, "SNV - Báo cáo ngày 19/11/2026", body, "outlook")
    add(12, "hoan_thanh_cac_kieu_snv",
        "'Hoàn thành (100%)', 'HOÀN THÀNH.' with no number; 'đã hoàn thành xong việc tập huấn' inside an in-progress line; 'hoàn thành xong phần dữ liệu cán bộ' for a shared task — one part, so its status is uncertain",
        r, m, reports=[R("SNV", "daily", "2026-11-19", {
            "NV08": T(CO, 100), "NV12": T(CO, 100), "NV14": T(IP, 95), "NV05": {"progress": None}},
            [U("NV05", "status")])])

    # C013 — 'chưa có tiến triển'
    r = at(20, 15, 58)
    body = """Sở Y tế báo cáo ngày 20/11/2026:
- NV09: Đang thực hiện, đạt 78% (7/9 bệnh viện).
- NV05 (phối hợp): chưa có tiến triển. Sở vẫn đang chờ Công an tỉnh cung cấp danh sách công dân sai lệch thông tin thẻ bảo hiểm y tế để đối chiếu.

Mai - Phòng NVY
"""
    m = text_mail("c013", r, SYT, "Sở Y tế báo cáo ngày 20/11", body, "outlook")
    add(13, "chua_co_tien_trien_syt",
        "'NV05 (phối hợp): chưa có tiến triển' — no status word, waiting on another agency: not started or stalled is not said",
        r, m, reports=[R("SYT", "daily", "2026-11-20", {"NV09": T(IP, 78), "NV05": {"progress": None}},
                         [U("NV05", "status")])])

    # C014 — 'đang chờ ý kiến chỉ đạo', work on hold
    r = at(24, 16, 15)
    body = """Văn phòng UBND tỉnh báo cáo ngày 24/11/2026:

- NV07: Đã hoàn thành (đã báo cáo từ ngày 03/11/2026).
- NV01 (phối hợp): Văn phòng đã tổng hợp ý kiến của các thành viên UBND tỉnh, đang chờ ý kiến chỉ đạo của Thường trực UBND tỉnh về việc bổ sung nội dung chuyển đổi số vào Kế hoạch; tạm thời chưa triển khai tiếp phần việc của Văn phòng.

Nhung - VP UBND tỉnh
"""
    m = text_mail("c014", r, VPUB, "Báo cáo ngày 24/11/2026 - VPUB", body, "zimbra")
    add(14, "dang_cho_y_kien_vpub",
        "'đang chờ ý kiến chỉ đạo … tạm thời chưa triển khai tiếp' — in progress, or on hold (paused)? No status word; NV07 repeated as done",
        r, m, reports=[R("VPUB", "daily", "2026-11-24", {"NV07": T(CO, 100), "NV01": {"progress": None}},
                         [U("NV01", "status")])])

    # C015 — weekly report sent on Thursday because of a trip
    r = at(12, 14, 20)
    body = """Kính gửi Tổ công tác,

Do ngày mai (thứ Sáu 13/11) bộ phận tổng hợp của Sở đi công tác tại Hà Nội, Sở KH&CN xin gửi sớm báo cáo tuần từ 09/11 đến 13/11/2026.

Đơn vị: Sở KH&CN
Loại báo cáo: Tuần
Kỳ báo cáo: Tuần 46/2026

Nhiệm vụ: NV01
Tình trạng: Đang thực hiện
Tiến độ: 85%
Kết quả: Hoàn chỉnh dự thảo Kế hoạch lần 4, chuẩn bị hồ sơ trình UBND tỉnh.

Nhiệm vụ: NV02
Tình trạng: Đang thực hiện
Tiến độ: 45%
Khó khăn, vướng mắc: Sở Tài chính chưa có ý kiến về phương án hỗ trợ.

Nhiệm vụ: NV11 – phối hợp Trường ĐH Quy Nhơn thành lập Trung tâm ĐMST
Tình trạng: Đang thực hiện
Tiến độ: 30%

Trân trọng.
"""
    m = text_mail("c015", r, SKHCN, "Báo cáo tuần 46/2026 (gửi sớm) - Sở KH&CN", body, "zimbra")
    add(15, "bao_cao_tuan_gui_thu_nam_skhcn",
        "Weekly report sent on Thursday 12/11 (the clerk travels on Friday), canonical labels, 'Tuần 46/2026'",
        r, m, reports=[R("SKHCN", "weekly", "2026-W46", {
            "NV01": T(IP, 85, result="dự thảo Kế hoạch lần 4"),
            "NV02": T(IP, 45, difficulties="phương án hỗ trợ"),
            "NV11": T(IP, 30)})])

    # C016 — October's monthly report sent late on Monday 02/11
    r = at(2, 8, 20)
    body = """Kính gửi Tổ công tác,

Văn phòng UBND tỉnh xin gửi chậm báo cáo tháng 10/2026 do chiều ngày 30/10 hệ thống thư công vụ bị gián đoạn. Kính mong Tổ công tác thông cảm.

I. TÌNH HÌNH CHUNG
Trong tháng 10, Văn phòng tập trung rà soát 1.024 thủ tục hành chính, đề xuất 312 thủ tục đủ điều kiện thực hiện trực tuyến toàn trình.

II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ
1. NV07 – Rà soát TTHC thực hiện trực tuyến toàn trình
- Tình trạng: Đang thực hiện
- Tiến độ: 90%
- Kết quả: Đã trình Chủ tịch UBND tỉnh dự thảo Quyết định công bố danh mục.
2. NV01 – Phối hợp xây dựng Kế hoạch triển khai NQ57
- Tình trạng: Đang thực hiện
- Tiến độ: 60%

Văn phòng UBND tỉnh
"""
    m = text_mail("c016", r, VPUB, "Báo cáo tháng 10/2026 - VP UBND tỉnh (gửi chậm)", body, "zimbra")
    add(16, "bao_cao_thang_10_gui_tre_vpub",
        "Monthly report for October sent late on Monday 02/11 08:20 with an apology; '1.024 thủ tục', '312 thủ tục' in the general section",
        r, m, reports=[R("VPUB", "monthly", "2026-10", {
            "NV07": T(IP, 90, result="dự thảo Quyết định"), "NV01": T(IP, 60)})])

    # C017 — the unit's old name (an alias in the list)
    r = at(25, 15, 10)
    body = """Đơn vị: Sở Giao thông vận tải
Báo cáo ngày 25/11/2026

NV10 – Số hóa dữ liệu hạ tầng giao thông và lắp camera giám sát các nút giao:
Tình trạng: Đang thực hiện
Tiến độ: 35%
Kết quả: Đã số hóa xong dữ liệu 4 tuyến quốc lộ; lắp đặt camera tại 7/20 nút giao.
Khó khăn: Còn 5 nút giao chưa được bàn giao mặt bằng.
"""
    m = text_mail("c017", r, SXD, "Báo cáo ngày 25/11/2026", body, "outlook_old")
    add(17, "ten_cu_so_gtvt_sxd",
        "Older staff still names the unit 'Sở Giao thông vận tải' (an alias of SXD); 'Khó khăn:' short label; '7/20 nút giao' inside the result agrees with 35%",
        r, m, reports=[R("SXD", "daily", "2026-11-25", {
            "NV10": T(IP, 35, result="7/20 nút giao", difficulties="bàn giao mặt bằng")})])

    # C018 — unit code and task codes in lower case, from the personal Gmail listed for SKHCN
    r = at(18, 16, 25)
    body = """Đơn vị: skhcn
Loại báo cáo: ngày
Kỳ báo cáo: 18/11/2026

Nhiệm vụ: nv01
Tình trạng: đang thực hiện
Tiến độ: 88

Nhiệm vụ: nv 2
Tình trạng: đang thực hiện
Tiến độ: 45

Nhiệm vụ: nv03
Tình trạng: chưa thực hiện
Tiến độ: 0

(Em gửi từ mail cá nhân vì mail công vụ đang lỗi đăng nhập ạ)

--
Nguyễn Văn An
Sở KH&CN Bình Định
"""
    m = text_mail("c018", r, SKHCN_GMAIL, "bao cao ngay 18/11", body, "gmail")
    add(18, "ma_chu_thuong_gmail_skhcn",
        "From the personal Gmail in the list: 'Đơn vị: skhcn', task codes 'nv01', 'nv 2', progress without a % sign",
        r, m, reports=[R("SKHCN", "daily", "2026-11-18", {
            "NV01": T(IP, 88), "NV02": T(IP, 45), "NV03": T(NS, 0)})])

    # C019 — the shared commune mailbox reports both communes in one mail
    r = at(26, 16, 5)
    body = """Kính gửi Văn phòng UBND tỉnh,
Văn phòng dùng chung của hai xã gửi báo cáo ngày 26/11/2026 như sau:

I. UBND XÃ TUY PHƯỚC
- NV12: Hoàn thành.
- NV13: Đang thực hiện, 10/12 thôn đã có tổ công nghệ số hoạt động.
- NV06 (phối hợp): Đang thực hiện, 63%.

II. UBND XÃ PHÙ CÁT
- NV14: Đang thực hiện, 39/40 cán bộ đã có chữ ký số.
- NV15: Đang thực hiện, 65%.
- NV06 (phối hợp): Đang thực hiện, 60%.

Người tổng hợp: Lê Thị Thanh
"""
    m = text_mail("c019", r, VPXA, "Báo cáo ngày 26/11/2026 - xã Tuy Phước, xã Phù Cát", body, "zimbra")
    add(19, "hop_thu_chung_hai_xa",
        "Shared mailbox of XTP and XPC: two sections with Roman numerals, NV06 in both (each commune's own figure), progress as counts 10/12 and 39/40",
        r, m, reports=[
            R("XTP", "daily", "2026-11-26", {"NV12": T(CO, 100), "NV13": T(IP, 83.3), "NV06": T(IP, 63)}),
            R("XPC", "daily", "2026-11-26", {"NV14": T(IP, 97.5), "NV15": T(IP, 65), "NV06": T(IP, 60)})])

    # C020 — shared mailbox, no 'Đơn vị' label: the subject and signature name the commune
    r = at(13, 15, 45)
    body = """Báo cáo ngày 13/11/2026

1. Triển khai chữ ký số cho cán bộ cấp xã (NV12): Hoàn thành.
2. Phổ cập kỹ năng số qua tổ công nghệ số cộng đồng (NV13): Đang thực hiện, đạt 75%.

--
Văn phòng HĐND và UBND xã Tuy Phước
ĐT: 0256 3833 210
"""
    m = text_mail("c020", r, VPXA, "Xã Tuy Phước báo cáo ngày 13/11/2026", body, "zimbra")
    add(20, "hop_thu_chung_chu_ky_xa_tp",
        "Shared commune mailbox, no unit label: 'Xã Tuy Phước' in the subject and the signature; NV12 title is shared with NV14, the code decides",
        r, m, reports=[R("XTP", "daily", "2026-11-13", {"NV12": T(CO, 100), "NV13": T(IP, 75)})])

    # C021 — last week's report sent on Monday
    r = at(23, 8, 30)
    body = """Sở Tài chính gửi bổ sung báo cáo tuần từ 16/11 đến 20/11/2026 (thứ Sáu vừa rồi bộ phận tổng hợp nghỉ ốm nên chưa gửi kịp, mong Tổ công tác thông cảm).

1. NV04: Đang thực hiện – 90%. Đã phân bổ đợt 3; còn 2 đơn vị chưa hoàn thiện hồ sơ.
2. NV01 (phối hợp): Hoàn thành.
3. NV02 (phối hợp): Đang thực hiện – 50%. Đã có văn bản góp ý phương án hỗ trợ số 4120/STC-HCSN ngày 19/11/2026.

Trân trọng,
Trần Thị Bích Ngọc
"""
    m = text_mail("c021", r, STC, "Báo cáo tuần trước (16/11-20/11/2026) - Sở Tài chính", body, "outlook")
    add(21, "tuan_truoc_gui_thu_hai_stc",
        "Last week's weekly report sent Monday 23/11 08:30: 'tuần từ 16/11 đến 20/11/2026' (W47), 'chưa hoàn thiện hồ sơ' and a document number in the lines",
        r, m, reports=[R("STC", "weekly", "2026-W47", {
            "NV04": T(IP, 90), "NV01": T(CO, 100), "NV02": T(IP, 50)})])

    # C022 — phone, no diacritics
    r = at(27, 16, 22)
    body = """NV14 hoan thanh xong roi a, 40/40 can bo da co chu ky so
NV15 dang lam, dat 70%
NV06 phoi hop dang lam dc 64%

Gui tu iPhone cua toi
"""
    m = text_mail("c022", r, XPC, "bc ngay 27/11 xa phu cat", body, "iphone")
    add(22, "dien_thoai_khong_dau_xpc",
        "Phone message without diacritics: 'hoan thanh xong roi a', 'dang lam', 'dc 64%' (dc = được)",
        r, m, reports=[R("XPC", "daily", "2026-11-27", {
            "NV14": T(CO, 100), "NV15": T(IP, 70), "NV06": T(IP, 64)})])

    # C023 — Word report attached: official header table, rows name tasks by title only
    r = at(27, 15, 20)
    doc = docx_bytes([
        [["UBND TỈNH BÌNH ĐỊNH\nSỞ Y TẾ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
         ["Số: 1287/BC-SYT", "Bình Định, ngày 27 tháng 11 năm 2026"]],
        ("BÁO CÁO", True, True),
        ("Tình hình thực hiện nhiệm vụ tuần 48 năm 2026", True, True),
        ("(từ ngày 23/11 đến ngày 27/11/2026)", False, True),
        "Thực hiện chỉ đạo của UBND tỉnh, Sở Y tế báo cáo tình hình thực hiện các nhiệm vụ được giao trong tuần như sau:",
        [["STT", "Nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Kết quả", "Khó khăn, vướng mắc"],
         ["1", "Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh", "Đang thực hiện", "89",
          "8/9 bệnh viện đã triển khai bệnh án điện tử", "Bệnh viện Tâm thần tỉnh chưa có hạ tầng máy chủ"],
         ["2", "Phối hợp làm sạch dữ liệu dân cư phục vụ Đề án 06", "Đang thực hiện", "60",
          "Đối chiếu 45.200 thẻ bảo hiểm y tế", ""]],
        "Sở Y tế kính báo cáo./.",
        ("GIÁM ĐỐC", True, False),
        "Nguyễn Hữu Phước",
    ])
    m = new_message("c023", r, SYT, "V/v báo cáo tuần 48/2026 - Sở Y tế", "outlook")
    m.set_content("Kính gửi Tổ công tác,\n\nSở Y tế gửi Báo cáo số 1287/BC-SYT tình hình thực hiện nhiệm vụ tuần 48/2026 (file đính kèm).\n\nTrân trọng.\nHuỳnh Thị Mai\n",
                  charset="utf-8", cte="quoted-printable")
    m.add_attachment(doc, maintype="application", subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                     filename="BC 1287 tuần 48 - Sở Y tế.docx")
    add(23, "docx_dinh_kem_ten_nhiem_vu_syt",
        "Word report attached: a header table (UBND TỈNH … / Số: 1287/BC-SYT), then a task table naming tasks by title only, no codes",
        r, m, reports=[R("SYT", "weekly", "2026-W48", {"NV09": T(IP, 89), "NV05": T(IP, 60)})])

    # C024 — CSV from the template, saved by Excel with the Vietnamese list separator ';' and a decimal comma
    r = at(17, 15, 15)
    rows = [
        "Mã nhiệm vụ;Tình trạng;Tiến độ (%);Kết quả;Khó khăn, vướng mắc;Đề xuất, kiến nghị;Ghi chú",
        "NV05;Đang thực hiện;76;Làm sạch lũy kế 1.248.300 bản ghi;;;",
        "NV06;Đang thực hiện;66,5;;Thiết bị đọc CCCD gắn chip tại 3 xã bị hỏng;Đề nghị Sở KH&CN hỗ trợ thiết bị;",
        "NV07;Hoàn thành;100;;;;",
        "NV10;Chưa thực hiện;0;;;;Chờ Sở Xây dựng gửi danh sách nút giao",
    ]
    csv = ("\ufeff" + "\r\n".join(rows) + "\r\n").encode("utf-8")
    m = new_message("c024", r, CAT, "Báo cáo ngày 17/11/2026 - Công an tỉnh", "outlook")
    m.set_content("Công an tỉnh gửi báo cáo ngày 17/11/2026 theo biểu mẫu đính kèm.\n\nĐ/c Tuấn – PC06\n", charset="utf-8")
    m.add_attachment(csv, maintype="text", subtype="csv", filename="Báo cáo ngày 17.11 - CAT.csv")
    add(24, "csv_dau_cham_phay_cat",
        "Template saved as CSV by Excel in a Vietnamese locale: ';' separator, BOM, CRLF, decimal comma '66,5'; body only says 'theo biểu mẫu đính kèm'",
        r, m, reports=[R("CAT", "daily", "2026-11-17", {
            "NV05": T(IP, 76), "NV06": T(IP, 66.5, difficulties="đọc CCCD"), "NV07": T(CO, 100), "NV10": T(NS, 0)})])

    # C025 — Outlook HTML-only with a pasted table; X-Auto-Response-Suppress alone (not an auto-reply)
    r = at(10, 16, 2)
    cells = [("NV08", "Đang thực hiện", "75", "Đã nhập liệu 9.870/13.160 hồ sơ", ""),
             ("NV05", "Đang thực hiện", "85", "", ""),
             ("NV12", "Đang thực hiện", "70", "Tập huấn cho xã Tuy Phước ngày 09/11", ""),
             ("NV14", "Đang thực hiện", "60", "", "Xã Phù Cát chưa gửi danh sách cán bộ")]

    def td(t, bold=False):
        inner = f"<b>{t}<o:p></o:p></b>" if bold else f"{t}<o:p></o:p>"
        return ('<td valign="top" style="border:solid windowtext 1.0pt;padding:0cm 5.4pt">'
                f'<p class="MsoNormal">{inner if t else "<o:p>&nbsp;</o:p>"}</p></td>')
    head = "".join(td(h, True) for h in ("Mã nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Kết quả", "Khó khăn, vướng mắc"))
    body_rows = "".join("<tr>" + "".join(td(c) for c in row) + "</tr>\n" for row in cells)
    html = f"""<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<style><!-- p.MsoNormal {{margin:0cm;font-size:12.0pt;font-family:"Times New Roman",serif;}} table.MsoTableGrid {{border-collapse:collapse}} --></style></head>
<body lang="EN-US"><div class="WordSection1">
<p class="MsoNormal">Kính gửi Tổ công tác,<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Sở Nội vụ báo cáo tiến độ ngày 10/11/2026 như bảng dưới đây:<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none">
<tr>{head}</tr>
{body_rows}</table>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Trân trọng!<o:p></o:p></p>
<p class="MsoNormal"><b>Võ Thanh Hải</b><o:p></o:p></p>
<p class="MsoNormal">Văn phòng Sở Nội vụ tỉnh Bình Định<o:p></o:p></p>
</div></body></html>
"""
    m = new_message("c025", r, SNV, "Báo cáo tiến độ ngày 10/11/2026 - Sở Nội vụ", "outlook",
                    extra=[("X-Auto-Response-Suppress", "All"), ("X-MS-Has-Attach", ""), ("X-MS-TNEF-Correlator", "")])
    m.set_content(html, subtype="html", charset="utf-8", cte="quoted-printable")
    add(25, "html_bang_outlook_snv",
        "Outlook HTML-only mail with a Word table pasted (MsoNormal, &nbsp; cells); carries X-Auto-Response-Suppress: All, which alone is not an auto-reply",
        r, m, reports=[R("SNV", "daily", "2026-11-10", {
            "NV08": T(IP, 75), "NV05": T(IP, 85), "NV12": T(IP, 70), "NV14": T(IP, 60, difficulties="danh sách cán bộ")})])

    # C026 — 'hơn một nửa'
    r = at(4, 15, 40)
    body = """Xã Tuy Phước báo cáo ngày 04/11/2026:
- NV12 (chữ ký số cho cán bộ xã): đang thực hiện, đã cấp được hơn một nửa số cán bộ.
- NV13 (tổ công nghệ số cộng đồng): đang thực hiện, đạt 50% (6/12 thôn).

Thanh - VP xã
"""
    m = text_mail("c026", r, XTP, "BC ngày 04/11 - xã Tuy Phước", body, "zimbra")
    add(26, "hon_mot_nua_xtp",
        "'đã cấp được hơn một nửa số cán bộ' — more than half is a lower bound, not a value; NV13 plain 50% (6/12)",
        r, m, reports=[R("XTP", "daily", "2026-11-04", {"NV12": {"status": IP}, "NV13": T(IP, 50)},
                         [U("NV12", "progress")])])

    # C027 — 'khoảng bảy tám chục phần trăm', the university by its alias QNU, weekly
    r = at(20, 15, 5)
    body = """QNU báo cáo tuần 47 (16/11 - 20/11/2026)

NV11 - Thành lập Trung tâm đổi mới sáng tạo: Dự thảo Đề án thành lập Trung tâm đã xong khoảng bảy tám chục phần trăm, Phòng KHCN đang hoàn thiện để trình Hội đồng trường tại phiên họp tháng 12.

Trương Văn Long
Phòng Khoa học Công nghệ - Trường Đại học Quy Nhơn
"""
    m = text_mail("c027", r, DHQN, "QNU - Báo cáo tuần 47", body, "gmail")
    add(27, "bay_tam_chuc_phan_tram_dhqn",
        "University by its alias 'QNU', weekly: 'xong khoảng bảy tám chục phần trăm' (a spoken range 70–80%) and 'đang hoàn thiện' (finalising, not hoàn thành)",
        r, m, reports=[R("DHQN", "weekly", "2026-W47", {"NV11": {"status": IP}}, [U("NV11", "progress")])])

    # C028 — a population rate against an 80% target: which is the progress?
    r = at(26, 16, 0)
    body = """Công an tỉnh báo cáo ngày 26/11/2026

Qua theo dõi, tính đến 15 giờ ngày 26/11/2026:
1. Đối với nhiệm vụ làm sạch dữ liệu dân cư (NV05): đã làm sạch 1.287.400/1.516.900 bản ghi, đạt 84,9%; nhiệm vụ đang tiếp tục thực hiện.
2. Đối với nhiệm vụ cấp tài khoản định danh điện tử mức độ 2 (NV06): toàn tỉnh có 843.120 công dân được cấp tài khoản định danh điện tử mức độ 2, đạt tỷ lệ 55,6% dân số từ 14 tuổi trở lên (chỉ tiêu giao là 80%). Nhiệm vụ tiếp tục được triển khai.

Lê Minh Tuấn - Phòng PC06
"""
    m = text_mail("c028", r, CAT, "Báo cáo ngày 26/11/2026 - Công an tỉnh", body, "zimbra")
    add(28, "ty_le_dan_so_so_voi_chi_tieu_cat",
        "NV06 reports the population rate 55,6% against a target of 80%: the task's progress could be 55.6 or 69.5 — uncertain; NV05 '1.287.400/1.516.900 … đạt 84,9%' is certain",
        r, m, reports=[R("CAT", "daily", "2026-11-26", {"NV05": T(IP, 84.9), "NV06": {"status": IP}},
                         [U("NV06", "progress")])])

    # C029 — 'Hoàn thành, đạt 90%': status and progress contradict each other
    r = at(27, 15, 50)
    body = """Sở Tài chính báo cáo ngày 27/11/2026:

1. NV04: Hoàn thành, đạt 90%. Đã trình UBND tỉnh Quyết định phân bổ đợt cuối.
2. NV02 (phối hợp): Đang thực hiện, 55%.

Ngọc - STC
"""
    m = text_mail("c029", r, STC, "Báo cáo ngày 27/11/2026 - STC", body, "outlook")
    add(29, "hoan_thanh_90_mau_thuan_stc",
        "'NV04: Hoàn thành, đạt 90%' — completed contradicts 90%; which word is wrong cannot be known, both fields uncertain",
        r, m, reports=[R("STC", "daily", "2026-11-27", {"NV02": T(IP, 55)},
                         [U("NV04", "status"), U("NV04", "progress")])])

    # C030 — 'cơ bản hoàn thành', monthly for November sent on 01/12 ('tháng 11')
    r = at(1, 9, 15, month=12)
    body = """Kính gửi Tổ công tác của Chủ tịch UBND tỉnh,

Trường Đại học Quy Nhơn báo cáo kết quả thực hiện nhiệm vụ tháng 11 như sau:

NV11 – Thành lập Trung tâm đổi mới sáng tạo tại Trường Đại học Quy Nhơn: cơ bản hoàn thành hồ sơ Đề án, tiến độ chung đạt 60%. Dự kiến trình Hội đồng trường ngày 15/12/2026.

Trân trọng.
Phòng Khoa học Công nghệ
"""
    m = text_mail("c030", r, DHQN, "Báo cáo tháng 11 - Trường ĐH Quy Nhơn", body, "gmail")
    add(30, "co_ban_hoan_thanh_thang_11_dhqn",
        "Monthly report sent on 01/12 for 'tháng 11' (the month just ended); 'cơ bản hoàn thành hồ sơ Đề án' is not a completed status and no other status is given; 'tiến độ chung đạt 60%'",
        r, m, reports=[R("DHQN", "monthly", "2026-11", {"NV11": {"progress": 60}}, [U("NV11", "status")])])

    # C031 — shared mailbox, lower-case unit code, a range 'từ 60 đến 65%'
    r = at(20, 15, 50)
    body = """đơn vị: xpc
báo cáo ngày 20/11/2026

NV14: đang thực hiện, 95%, còn 02 cán bộ chưa cấp.
NV15: đang thực hiện, ước đạt từ 60 đến 65%, đang chờ ngân hàng lắp thêm mã QR tại chợ Cát Tiến.
"""
    m = text_mail("c031", r, VPXA, "bao cao ngay 20/11", body, "zimbra")
    add(31, "hop_thu_chung_ma_thuong_khoang_xpc",
        "Shared commune mailbox where only 'đơn vị: xpc' (lower case) says which commune; NV15 'ước đạt từ 60 đến 65%' is a range",
        r, m, reports=[R("XPC", "daily", "2026-11-20", {"NV14": T(IP, 95), "NV15": {"status": IP}},
                         [U("NV15", "progress")])])

    # C032 — the writer says the figure is not sure; two tasks share one line with no number
    r = at(2, 16, 10)
    body = """Sở Nội vụ báo cáo ngày 02/11/2026:
1. NV08: đang thực hiện. Tiến độ khoảng 50% (số liệu này em chưa chắc, để em hỏi lại phòng CCVC rồi báo cáo bổ sung ạ).
2. NV05 (phối hợp): đang thực hiện, 80%.
3. NV12, NV14 (phối hợp với các xã): đang phối hợp tập huấn chữ ký số, chưa tổng hợp được tiến độ.

Hải - VP Sở
"""
    m = text_mail("c032", r, SNV, "Báo cáo ngày 02/11 - Sở Nội vụ", body, "outlook")
    add(32, "nguoi_viet_chua_chac_snv",
        "'Tiến độ khoảng 50% (số liệu này em chưa chắc…)' — the writer says the figure is unsure; 'NV12, NV14 … đang phối hợp…, chưa tổng hợp được tiến độ' (status for both, no progress)",
        r, m, reports=[R("SNV", "daily", "2026-11-02", {
            "NV08": {"status": IP}, "NV05": T(IP, 80), "NV12": T(IP, None), "NV14": T(IP, None)},
            [U("NV08", "progress")])])

    # C033 — two different figures for the same task in one mail
    r = at(19, 16, 8)
    body = """Báo cáo ngày 19/11/2026 - Công an tỉnh

NV05: đang thực hiện, đạt 77%. Trong ngày làm sạch thêm 4.120 bản ghi.
NV06: đang thực hiện, đạt 67%.

Tóm tắt: NV05 – 75%; NV06 – 67%.

Tuấn
"""
    m = text_mail("c033", r, CAT_DE06, "BC ngày 19/11/2026 - CA tỉnh", body, "thunderbird")
    add(33, "hai_so_lieu_lech_cat",
        "Copy-paste slip: NV05 is 77% in its line and 75% in the 'Tóm tắt' line — which is meant cannot be known; NV06 agrees (67%)",
        r, m, reports=[R("CAT", "daily", "2026-11-19", {"NV05": {"status": IP}, "NV06": T(IP, 67)},
                         [U("NV05", "progress")])])

    # C034 — answers typed between the quoted lines of the reminder's form
    r = at(25, 15, 55)
    reminder = f"<nhac.20261125.1430.snv.{hx('c034', n=8)}@baocao.binhdinh.gov.vn>"
    body = """Em gửi cập nhật ngay dưới mẫu nhắc ạ.

Vào lúc 14:30 25/11/2026, Kênh báo cáo điện tử đã viết:
> Kính gửi Sở Nội vụ,
> Hệ thống chưa nhận được báo cáo ngày 25/11/2026 của đơn vị (hạn 16:30).
> Đơn vị: SNV
> Loại báo cáo: Ngày
> Kỳ báo cáo: 25/11/2026
>
> Nhiệm vụ: NV08
> Tình trạng: Hoàn thành
> Tiến độ: 100%
>
> Nhiệm vụ: NV05
> Tình trạng: Đang thực hiện
> Tiến độ: 90%
NV05: Đang thực hiện, 92%
>
> Nhiệm vụ: NV14
> Tình trạng: Đang thực hiện
> Tiến độ: 95%
NV14: Hoàn thành (xã Phù Cát đã cấp đủ 40/40 cán bộ ngày 24/11).
"""
    m = text_mail("c034", r, SNV, "Re: [Kênh báo cáo] Nhắc báo cáo ngày 25/11/2026 - Sở Nội vụ", body, "thunderbird",
                  in_reply_to=reminder)
    add(34, "tra_loi_xen_trong_mau_nhac_snv",
        "Inline answers typed between the '>' lines of the quoted reminder form; NV08 only in the quote",
        r, m, reports=[R("SNV", "daily", "2026-11-25", {"NV05": T(IP, 92), "NV14": T(CO, 100)})],
        absent=["NV08"])

    # C035 — focal point forwards the deputy director's mail
    r = at(16, 15, 30)
    body = """Em chuyển báo cáo của anh Vinh (Phó Giám đốc Sở) ạ.

---------- Forwarded message ---------
Từ: Trần Quang Vinh <tqvinh.syt@gmail.com>
Date: Th 2, 16 thg 11, 2026 vào lúc 14:52
Subject: BC ngày 16/11
To: Huỳnh Thị Mai <syt@binhdinh.gov.vn>

Mai gửi giúp anh báo cáo hôm nay:
- NV09: đang thực hiện, đạt 78% (7/9 bệnh viện). Bệnh viện Đa khoa tỉnh đã ký số 100% hồ sơ bệnh án nội trú.
- NV05: đang thực hiện, 50%.

Anh Vinh
"""
    m = text_mail("c035", r, SYT, "Fwd: BC ngày 16/11", body, "gmail")
    add(35, "chuyen_tiep_tu_lanh_dao_syt",
        "The focal point forwards (Gmail 'Forwarded message') the deputy director's report from his personal Gmail; '100% hồ sơ bệnh án nội trú' is a hospital's figure, not the progress",
        r, m, reports=[R("SYT", "daily", "2026-11-16", {"NV09": T(IP, 78), "NV05": T(IP, 50)})])

    # C036 — not a report: 'we already sent it', over a quoted reminder form
    r = at(19, 14, 45)
    body = """Sở Xây dựng đã gửi báo cáo ngày 19/11/2026 lúc 14h10 từ hộp thư sxd@binhdinh.gov.vn, đề nghị Văn phòng kiểm tra lại giúp. Trân trọng.

Ngô Văn Bình

----- Thư gốc -----
Từ: "Kênh báo cáo điện tử" <baocao@binhdinh.gov.vn>
Tới: "Sở Xây dựng" <sxd@binhdinh.gov.vn>
Đã gửi: Thứ Năm, 19 Tháng Mười Một 2026 14:30:00
Chủ đề: [Kênh báo cáo] Nhắc báo cáo ngày 19/11/2026 - Sở Xây dựng

Hệ thống chưa nhận được báo cáo ngày 19/11/2026 của Sở Xây dựng (hạn 16:30).
Đơn vị: SXD
Loại báo cáo: Ngày
Kỳ báo cáo: 19/11/2026

Nhiệm vụ: NV10
Tình trạng: Đang thực hiện
Tiến độ: 30%
"""
    m = text_mail("c036", r, SXD, "Re: [Kênh báo cáo] Nhắc báo cáo ngày 19/11/2026 - Sở Xây dựng", body, "zimbra",
                  in_reply_to=f"<nhac.20261119.1430.sxd.{hx('c036', n=8)}@baocao.binhdinh.gov.vn>")
    add(36, "da_gui_roi_khong_phai_bao_cao_sxd",
        "Reply to a reminder saying the report was already sent; the only task data is the reminder's form in the Zimbra quote",
        r, m, outcome="rejected", codes=["not_a_report"], absent=["NV10"])

    # C037 — unknown sender writing for SYT from a personal Gmail not in the list
    r = at(30, 15, 40)
    body = """Kính gửi Văn phòng UBND tỉnh,

Em là Trần Thu Hương, chuyên viên Phòng Nghiệp vụ Y, gửi thay chị Mai (đang nghỉ phép) báo cáo ngày 30/11/2026 của Sở Y tế:
- NV09: Đang thực hiện, 89%.
- NV05 (phối hợp): Đang thực hiện, 65%.

Em cảm ơn ạ.
"""
    m = text_mail("c037", r, ("Trần Thu Hương", "tranthuhuong.nvy@gmail.com"), "Sở Y tế báo cáo ngày 30/11/2026", body, "gmail")
    add(37, "nguoi_la_gui_thay_syt",
        "A colleague writes SYT's report from her own Gmail, which is not in the units list",
        r, m, outcome="rejected", codes=["unknown_sender"])

    # C038 — Phù Cát's mailbox sends Tuy Phước's report
    r = at(3, 16, 0)
    body = """Do hộp thư tuyphuoc@binhdinh.gov.vn đang bị lỗi, xã Phù Cát gửi giúp báo cáo của xã Tuy Phước:

Đơn vị: UBND xã Tuy Phước
Kỳ báo cáo: 03/11/2026
- NV12: Đang thực hiện, 80%.
- NV13: Đang thực hiện, 50%.
"""
    m = text_mail("c038", r, XPC, "Gửi giúp báo cáo ngày 03/11 của xã Tuy Phước", body, "zimbra")
    add(38, "xa_phu_cat_gui_giup_tuy_phuoc",
        "phucat@ (XPC's own mailbox) sends a report naming 'UBND xã Tuy Phước' — not a focal point of that unit",
        r, m, outcome="rejected", codes=["unit_not_allowed"])

    # C039 — Zimbra vacation auto-reply to our reminder
    r = at(18, 14, 31)
    body = """Tôi đang nghỉ phép từ ngày 16/11 đến hết ngày 20/11/2026. Các việc liên quan đến báo cáo tiến độ nhiệm vụ NV04 (hoàn thành 90%) xin liên hệ đồng chí Lê Văn Phú, ĐT 0914 222 333.
Trân trọng.
Trần Thị Bích Ngọc - Sở Tài chính
"""
    m = text_mail("c039", r, STC, "Re: [Kênh báo cáo] Nhắc báo cáo ngày 18/11/2026 - Sở Tài chính", body, "zimbra",
                  in_reply_to=f"<nhac.20261118.1430.stc.{hx('c039', n=8)}@baocao.binhdinh.gov.vn>",
                  extra=[("Auto-Submitted", "auto-replied (zimbra; vacation)")])
    add(39, "tra_loi_tu_dong_nghi_phep_stc",
        "Zimbra vacation reply from STC's mailbox to our reminder; mentions NV04 and a percentage",
        r, m, outcome="ignored", codes=["auto_reply"], absent=["NV04"])

    # C040 — bounce of our reminder to a dead focal-point address
    r = at(10, 14, 31)
    boundary = "5E1A2F3B40.1794310260/mail.congan.binhdinh.gov.vn"
    qid = "5E1A2F3B40"
    reminder = f"<nhac.20261110.1430.cat.{hx('c040', n=8)}@baocao.binhdinh.gov.vn>"
    raw = f"""Return-Path: <>
Received: from mail.congan.binhdinh.gov.vn (mail.congan.binhdinh.gov.vn [113.160.40.12]) by mx.binhdinh.gov.vn (Postfix) with ESMTPS id 8C2D1A0044 for <{OURS}>; {format_datetime(r)}
Received: by mail.congan.binhdinh.gov.vn (Postfix) id {qid}; {format_datetime(r - timedelta(seconds=4))}
Date: {format_datetime(r - timedelta(seconds=4))}
From: MAILER-DAEMON@mail.congan.binhdinh.gov.vn (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: {OURS}
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
 boundary="{boundary}"
Content-Transfer-Encoding: 8bit
Message-Id: <20261110073100.{qid}@mail.congan.binhdinh.gov.vn>

This is a MIME-encapsulated message.

--{boundary}
Content-Description: Notification
Content-Type: text/plain; charset=utf-8

This is the mail system at host mail.congan.binhdinh.gov.vn.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

<daumoi.de06@congan.binhdinh.gov.vn>: host 127.0.0.1[127.0.0.1] said: 550
    5.1.1 <daumoi.de06@congan.binhdinh.gov.vn>: Recipient address rejected:
    User unknown in virtual mailbox table (in reply to RCPT TO command)

--{boundary}
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.congan.binhdinh.gov.vn
X-Postfix-Queue-ID: {qid}
X-Postfix-Sender: rfc822; {OURS}
Arrival-Date: {format_datetime(r - timedelta(seconds=50))}

Final-Recipient: rfc822; daumoi.de06@congan.binhdinh.gov.vn
Original-Recipient: rfc822;daumoi.de06@congan.binhdinh.gov.vn
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 <daumoi.de06@congan.binhdinh.gov.vn>: Recipient
    address rejected: User unknown in virtual mailbox table

--{boundary}
Content-Description: Undelivered Message
Content-Type: message/rfc822
Content-Transfer-Encoding: 8bit

From: {Header(OUR_NAME, "utf-8").encode()} <{OURS}>
To: daumoi.de06@congan.binhdinh.gov.vn
Subject: {Header("[Kênh báo cáo] Nhắc báo cáo ngày 10/11/2026 - Công an tỉnh", "utf-8").encode()}
Date: {format_datetime(r - timedelta(seconds=60))}
Message-ID: {reminder}
Auto-Submitted: auto-generated
X-Auto-Response-Suppress: All
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Kính gửi Công an tỉnh,
Hệ thống chưa nhận được báo cáo ngày 10/11/2026 của đơn vị (hạn 16:30).
Đơn vị: CAT
Loại báo cáo: Ngày
Kỳ báo cáo: 10/11/2026

Nhiệm vụ: NV05
Tình trạng: Đang thực hiện
Tiến độ: 72%

Nhiệm vụ: NV06
Tình trạng: Đang thực hiện
Tiến độ: 64%

--{boundary}--
"""
    add(40, "thu_bi_tra_lai_cat",
        "Postfix bounce (multipart/report, delivery-status, 5.1.1) of our reminder to daumoi.de06@…; the returned reminder carries a filled CAT form",
        r, raw.encode("utf-8"), outcome="ignored", codes=["bounce"], absent=["NV05", "NV06"])

    # C041 — month-end Monday 30/11: daily and monthly in one mail; 'đã trình, chờ phê duyệt'
    r = at(30, 16, 5)
    body = """Kính gửi Tổ công tác,
Sở KH&CN gửi đồng thời báo cáo ngày 30/11/2026 và báo cáo tháng 11/2026.

A. BÁO CÁO NGÀY 30/11/2026
- NV01: Đã trình UBND tỉnh, chờ phê duyệt (95%).
- NV02: Đang thực hiện, 50%.
- NV03: Chưa triển khai.

B. BÁO CÁO THÁNG 11/2026
1. NV01 – Kế hoạch triển khai NQ57: Đang thực hiện, 95%. Trong tháng đã hoàn chỉnh dự thảo lần 4 và trình UBND tỉnh ngày 16/11/2026.
2. NV02 – Rà soát cơ chế hỗ trợ khởi nghiệp ĐMST: Đang thực hiện, 50%. Đã nhận ý kiến góp ý của Sở Tài chính ngày 19/11.
3. NV03 – Sàn giao dịch công nghệ: Chưa triển khai (0%); chờ bố trí kinh phí năm 2027.

Trân trọng./.
Văn phòng Sở KH&CN
"""
    m = text_mail("c041", r, SKHCN, "Báo cáo ngày 30/11 và báo cáo tháng 11/2026 - Sở KH&CN", body, "zimbra")
    add(41, "ngay_va_thang_cuoi_thang_skhcn",
        "Month-end Monday: a daily and a monthly report in one mail (sections A and B); 'Đã trình UBND tỉnh, chờ phê duyệt (95%)' — submitted, awaiting approval, so still in progress",
        r, m, reports=[
            R("SKHCN", "daily", "2026-11-30", {"NV01": T(IP, 95), "NV02": T(IP, 50), "NV03": T(NS, None)}),
            R("SKHCN", "monthly", "2026-11", {"NV01": T(IP, 95), "NV02": T(IP, 50), "NV03": T(NS, 0)})])

    # C042 — yesterday's report sent the next morning
    r = at(17, 8, 5)
    body = """Xã Tuy Phước gửi bổ sung báo cáo ngày hôm qua (16/11) do chiều qua mất điện toàn xã, không gửi được.

- NV12: Hoàn thành.
- NV13: Đang thực hiện, đạt 75% (9/12 thôn).
- NV06 (phối hợp): Đang thực hiện, 60%.

Lê Thị Thanh
"""
    m = text_mail("c042", r, XTP, "Bổ sung báo cáo ngày hôm qua - xã Tuy Phước", body, "zimbra")
    add(42, "bo_sung_hom_qua_xtp",
        "Sent Tuesday 17/11 08:05 for 'ngày hôm qua (16/11)' after a power cut",
        r, m, reports=[R("XTP", "daily", "2026-11-16", {"NV12": T(CO, 100), "NV13": T(IP, 75), "NV06": T(IP, 60)})])

    # C043 — reply to yesterday's receipt: the subject carries yesterday's date
    r = at(13, 16, 10)
    receipt = f"<bn.20261112.skhcn.{hx('c043', n=8)}@baocao.binhdinh.gov.vn>"
    body = """Sở KH&CN báo cáo ngày 13/11/2026:
NV01: Đang thực hiện, 85%
NV02: Đang thực hiện, 45%
NV03: Chưa thực hiện, 0%

Vào Th 5, 12 thg 11, 2026 vào lúc 14:21 Kênh báo cáo điện tử <
baocao@binhdinh.gov.vn> đã viết:

> Kênh báo cáo điện tử đã ghi nhận báo cáo ngày 12/11/2026 của Sở KH&CN (đúng hạn):
> - NV01: Đang thực hiện – 85%
> - NV02: Đang thực hiện – 45%
> - NV11: Đang thực hiện – 30%
> Nếu có sai sót, đề nghị gửi lại báo cáo cho cùng kỳ.
"""
    m = text_mail("c043", r, SKHCN_GMAIL, "Re: Biên nhận báo cáo ngày 12/11/2026 - SKHCN", body, "gmail", in_reply_to=receipt)
    add(43, "tra_loi_bien_nhan_cu_skhcn",
        "Reply to yesterday's receipt: the subject says 12/11, the body says 'báo cáo ngày 13/11/2026'; Gmail quote header wrapped over two lines, NV11 only in the quote",
        r, m, reports=[R("SKHCN", "daily", "2026-11-13", {"NV01": T(IP, 85), "NV02": T(IP, 45), "NV03": T(NS, 0)})],
        absent=["NV11"])

    # C044 — old Outlook in a commune: windows-1258 with combining tone marks, 'a) b) c)' items
    r = at(9, 15, 30)
    body = """UBND XÃ PHÙ CÁT
Báo cáo tiến độ ngày 09/11/2026

a) NV14 – Chữ ký số cán bộ xã: Đang triển khai, 85%.
b) NV15 – Thanh toán không dùng tiền mặt: Đang triển khai, 40%. Khó khăn: tiểu thương lớn tuổi chưa quen quét mã QR.
c) NV06 – phối hợp cấp tài khoản định danh: Đang triển khai, 55%.

Người lập: Nguyễn Thị Hoa
"""
    m = text_mail("c044", r, XPC, "Bao cao tien do ngay 09/11/2026", body, "outlook_old", charset="windows-1258")
    add(44, "windows_1258_muc_abc_xpc",
        "Old Outlook in a commune: text/plain; charset=windows-1258 (tone marks as combining characters), items 'a) b) c)', 'Khó khăn:' inside a task line",
        r, m, reports=[R("XPC", "daily", "2026-11-09", {
            "NV14": T(IP, 85), "NV15": T(IP, 40, difficulties="quét mã QR"), "NV06": T(IP, 55)})])

    # C045 — macOS Mail, decomposed (NFD) Vietnamese, short name, 'tuần này', NBSP before %
    r = at(13, 15, 25)
    body = """Đơn vị: ĐH Quy Nhơn
Báo cáo tuần này (09/11 – 13/11/2026)

NV11 – Thành lập Trung tâm đổi mới sáng tạo:
Tình trạng: đang triển khai
Tiến độ: 40\u00a0%
Kết quả: Đã xây dựng xong dự thảo Đề án, gửi xin ý kiến các khoa, viện.

Gửi từ máy Mac của Long
"""
    m = text_mail("c045", r, DHQN, "Báo cáo tuần - ĐH Quy Nhơn", body, "applemail", nfd=True)
    add(45, "nfd_mac_tuan_nay_dhqn",
        "macOS Mail: decomposed (NFD) Vietnamese, unit by short name 'ĐH Quy Nhơn', weekly by 'Báo cáo tuần này (09/11 – 13/11/2026)', '40 %' with a no-break space",
        r, m, reports=[R("DHQN", "weekly", "2026-W46", {"NV11": T(IP, 40, result="dự thảo Đề án")})])


def main() -> None:
    build()
    OUT.mkdir(parents=True, exist_ok=True)
    for old in list(OUT.glob("C[0-9][0-9][0-9]_*")):
        old.unlink()
    seen: set[str] = set()
    for c in CASES:
        msg = c["msg"]
        if not isinstance(msg, bytes):  # deterministic MIME boundaries: the files regenerate identically
            for i, part in enumerate(p for p in msg.walk() if p.is_multipart()):
                part.set_boundary(f"----=_NextPart_{i:03d}_{hx(c['name'], 'b', str(i), n=8).upper()}.{hx(c['name'], n=8).upper()}")
        data = msg if isinstance(msg, bytes) else msg.as_bytes(policy=policy.default)
        (OUT / f"{c['name']}.eml").write_bytes(data)
        (OUT / f"{c['name']}.expected.json").write_text(
            json.dumps(c["exp"], ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        assert c["name"] not in seen
        seen.add(c["name"])
    print(f"wrote {len(CASES)} cases to {OUT}")


if __name__ == "__main__":
    main()
