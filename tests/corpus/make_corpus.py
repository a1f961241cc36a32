"""Generate the parser corpus: realistic report mail as real clients write it, with expectations.

Run `python tests/corpus/make_corpus.py` from the repository root. It (re)writes, for every case,
`NAME.eml` (the raw message, byte for byte as a mailbox would hold it) and `NAME.expected.json`
(what `baocao parse NAME.eml --json` must say). The expectations below are written by hand from
SPEC §5/§10 and the mail itself, never copied from the parser's output. Output is deterministic
(fixed dates, fixed pseudo-random bytes, fixed zip timestamps), so the committed files are
reproducible: `--check` fails when a regenerated file differs from the committed one.

Scenario: Bình Định province, reporting mailbox baocao@binhdinh.gov.vn (instance/baocao.toml),
week 21 of 2025 (Mon 19/05 – Fri 23/05); the reminder goes out at 14:30, the deadline is 16:30.
"""

from __future__ import annotations

import base64
import html
import io
import json
import os
import quopri
import random
import sys
import textwrap
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.header import Header
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
OURS = "baocao@binhdinh.gov.vn"
OURS_NAME = "Kênh báo cáo điện tử"
ICT = timezone(timedelta(hours=7))
UTC = timezone(timedelta(0))

# --------------------------------------------------------------------------------------------
# Encoding helpers


def enc(text: str) -> str:
    """An RFC 2047 encoded-word header value when the text is not ASCII."""
    if text.isascii():
        return text
    return Header(text, "utf-8", maxlinelen=76).encode().replace("\n", "\n")


def enc_q(text: str) -> str:
    """Q-encoded words, as Zimbra and Thunderbird write them."""
    if text.isascii():
        return text
    from email import charset as _cs

    cs = _cs.Charset("utf-8")
    cs.header_encoding = _cs.QP
    return Header(text, cs, maxlinelen=76).encode()


def addr(name: str, address: str, quoted: bool = False) -> str:
    if not name:
        return address
    if name.isascii():
        return f'"{name}" <{address}>' if quoted else f"{name} <{address}>"
    return f"{enc(name)} <{address}>"


def qp(text: str, charset: str = "utf-8") -> str:
    data = text.encode(charset) if charset != "cp1258" else to_cp1258(text)
    return quopri.encodestring(data.replace(b"\r\n", b"\n")).decode("ascii")


def b64(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return base64.encodebytes(data).decode("ascii")


def to_cp1258(text: str) -> bytes:
    """windows-1258 the way Vietnamese Windows writes it: base letter (with its vowel mark) plus a
    combining tone mark, since the code page has no precomposed toned letters for most vowels."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        nfd = unicodedata.normalize("NFD", ch)
        tones = "".join(m for m in nfd if m in "\u0300\u0301\u0303\u0309\u0323")
        base = "".join(m for m in nfd if m not in tones)
        out += unicodedata.normalize("NFC", base).encode("cp1258") + tones.encode("cp1258")
    return bytes(out)


def rfc_date(d: datetime, tz: timezone = ICT) -> str:
    return format_datetime(d.astimezone(tz))


def t(s: str) -> datetime:
    return datetime.fromisoformat(s)


# --------------------------------------------------------------------------------------------
# Trace headers added by our side: the MX (Postfix) and the mail store (Dovecot LMTP).

_RELAYS = {
    "gov": ("mail.binhdinh.gov.vn", "mail.binhdinh.gov.vn [113.160.226.18]"),
    "gmail": ("mail-pj1-f41.google.com", "mail-pj1-f41.google.com [209.85.216.41]"),
    "o365": ("mail-sgaapc01on2070.outbound.protection.outlook.com",
             "mail-sgaapc01on2070.outbound.protection.outlook.com [40.107.215.70]"),
    "edu": ("mail.qnu.edu.vn", "mail.qnu.edu.vn [14.241.225.130]"),
    "yahoo": ("sonic308-21.consmr.mail.sg3.yahoo.com", "sonic308-21.consmr.mail.sg3.yahoo.com [106.10.242.147]"),
    "external": ("static.vnpt.vn", "unknown [14.177.62.201]"),
}


def trace(received: datetime, sender: str, via: str = "gov", auth: str | None = "pass",
          qid: str = "4ZbQ1k3Hn2z9sT") -> list[str]:
    helo, rdns = _RELAYS[via]
    domain = sender.split("@", 1)[1] if "@" in sender else "invalid"
    rd = rfc_date(received)
    lines = [
        f"Return-Path: <{sender}>",
        f"Delivered-To: {OURS}",
        f"Received: from mx.binhdinh.gov.vn\n\tby store1.binhdinh.gov.vn with LMTP\n\tid 8LmQAn9LLGgWIgAAhu3nXw\n\t(envelope-from <{sender}>)\n\tfor <{OURS}>; {rd}",
        f"Received: from {helo} ({rdns})\n\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits))\n\t(No client certificate requested)\n\tby mx.binhdinh.gov.vn (Postfix) with ESMTPS id {qid}\n\tfor <{OURS}>; {rfc_date(received - timedelta(seconds=1))}",
    ]
    if auth == "pass":
        lines.append(
            f"Authentication-Results: mx.binhdinh.gov.vn;\n\tdkim=pass (2048-bit key; unprotected) header.d={domain} header.s=default header.b=Xq3v9LkE;\n\tspf=pass (mx.binhdinh.gov.vn: domain of {sender} designates {rdns.split('[')[1].rstrip(']')} as permitted sender) smtp.mailfrom={sender};\n\tdmarc=pass (p=quarantine dis=none) header.from={domain}"
        )
    elif auth == "fail":
        lines.append(
            f"Authentication-Results: mx.binhdinh.gov.vn;\n\tdkim=none;\n\tspf=fail (mx.binhdinh.gov.vn: domain of {sender} does not designate 14.177.62.201 as permitted sender) smtp.mailfrom={sender};\n\tdmarc=fail (p=quarantine dis=quarantine) header.from={domain}"
        )
    return lines


def assemble(headers: list[str], body: str, crlf: bool = False, charset: str = "utf-8") -> bytes:
    text = "\n".join(headers) + "\n\n" + body
    text = text.replace("\r\n", "\n")
    if crlf:
        text = text.replace("\n", "\r\n")
    return text.encode(charset)


def part(ctype: str, text: str, cte: str = "quoted-printable", charset: str = "utf-8",
         extra: tuple[str, ...] = (), ct_params: str = "") -> str:
    if cte == "quoted-printable":
        payload = qp(text, charset)
    elif cte == "base64":
        payload = b64(text.encode(charset))
    else:
        payload = text
    cs = f'charset="{charset}"' if charset != "cp1258" else 'charset="windows-1258"'
    head = [f"Content-Type: {ctype}; {cs}{ct_params}", f"Content-Transfer-Encoding: {cte}", *extra]
    return "\n".join(head) + "\n\n" + payload


def multipart(boundary: str, parts: list[str], preamble: str = "") -> str:
    out = [preamble] if preamble else []
    for p in parts:
        out.append(f"--{boundary}\n{p.rstrip(chr(10))}\n")
    out.append(f"--{boundary}--\n")
    return "\n".join(out)


def attachment(ctype: str, filename: str, data: bytes, rfc2231: bool = False) -> str:
    if filename.isascii():
        name_param = f'name="{filename}"'
        disp = f'attachment; filename="{filename}"'
    elif rfc2231:
        from urllib.parse import quote

        q = quote(filename.encode("utf-8"))
        name_param = f"name*=utf-8''{q}"
        disp = f"attachment;\n filename*=utf-8''{q}"
    else:
        e = enc(filename)
        name_param = f'name="{e}"'
        disp = f'attachment;\n\tfilename="{e}"'
    return (f"Content-Type: {ctype};\n\t{name_param}\nContent-Disposition: {disp}\n"
            f"Content-Transfer-Encoding: base64\n\n{b64(data)}")


# --------------------------------------------------------------------------------------------
# Client skins: how each client renders a body.


def word_html(paras: list[str], quote_html: str = "", lang: str = "VI") -> str:
    """Outlook / Word 'filtered medium' HTML: MsoNormal paragraphs, <o:p>, &nbsp; blank lines."""
    body = []
    for p in paras:
        if p == "":
            body.append('<p class="MsoNormal"><o:p>&nbsp;</o:p></p>')
            continue
        if p.startswith("<"):
            body.append(p)
            continue
        label, sep, value = p.partition(":")
        if sep and len(label) < 40 and not label.startswith(("-", "+")):
            txt = (f'<b><span lang="{lang}">{html.escape(label)}:</span></b>'
                   f'<span lang="{lang}">&nbsp;{_wrap_src(html.escape(value.strip()))}<o:p></o:p></span>')
        else:
            txt = f'<span lang="{lang}">{_wrap_src(html.escape(p))}<o:p></o:p></span>'
        body.append(f'<p class="MsoNormal">{txt}</p>')
    return f"""<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<style><!--
/* Font Definitions */
@font-face
\t{{font-family:"Cambria Math";
\tpanose-1:2 4 5 3 5 4 6 3 2 4;}}
@font-face
\t{{font-family:Calibri;
\tpanose-1:2 15 5 2 2 2 4 3 2 4;}}
/* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal
\t{{margin:0in;
\tfont-size:11.0pt;
\tfont-family:"Calibri",sans-serif;}}
span.EmailStyle17
\t{{mso-style-type:personal-compose;
\tfont-family:"Calibri",sans-serif;
\tcolor:windowtext;}}
.MsoChpDefault
\t{{mso-style-type:export-only;
\tfont-family:"Calibri",sans-serif;}}
@page WordSection1
\t{{size:8.5in 11.0in;
\tmargin:1.0in 1.0in 1.0in 1.0in;}}
div.WordSection1
\t{{page:WordSection1;}}
--></style><!--[if gte mso 9]><xml>
<o:shapedefaults v:ext="edit" spidmax="1026" />
</xml><![endif]--><!--[if gte mso 9]><xml>
<o:shapelayout v:ext="edit">
<o:idmap v:ext="edit" data="1" />
</o:shapelayout></xml><![endif]-->
</head>
<body lang="EN-US" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">
<div class="WordSection1">
{chr(10).join(body)}
{quote_html}
</div>
</body>
</html>
"""


def _wrap_src(text: str) -> str:
    """Word wraps its HTML source inside paragraphs; the reader must not see those newlines."""
    return "\n".join(textwrap.wrap(text, 74, break_long_words=False, break_on_hyphens=False)) or text


def html_lines(lines: list[str], tag: str = "div") -> str:
    out = []
    for ln in lines:
        out.append(f"<{tag}>{html.escape(ln) if ln else '<br>'}</{tag}>")
    return "".join(out)


def gmail_html(lines: list[str], quote: str = "") -> str:
    first, rest = (lines[0], lines[1:]) if lines else ("", [])
    inner = html.escape(first) + html_lines(rest)
    return f'<div dir="ltr">{inner}</div>{quote}\n'


def gmail_quote_html(attribution: str, quoted_lines: list[str]) -> str:
    q = "<br>\n".join(html.escape(ln) for ln in quoted_lines)
    return (
        '<br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">'
        f"{html.escape(attribution)}<br></div>"
        '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">'
        f'<div dir="ltr">{q}<br></div></blockquote></div>'
    )


def zimbra_html(lines: list[str], quote_header: list[tuple[str, str]] | None = None,
                quoted_lines: list[str] | None = None) -> str:
    body = html_lines(lines, "div")
    q = ""
    if quote_header is not None:
        hdr = "".join(f"<b>{html.escape(k)}: </b>{html.escape(v)}<br>" for k, v in quote_header)
        ql = "<br>".join(html.escape(x) for x in (quoted_lines or []))
        q = (f'<div><br></div><hr id="zwchr"><div data-marker="__HEADERS__">{hdr}</div><br>'
             f'<div data-marker="__QUOTED_TEXT__">{ql}</div>')
    return ('<html><body><div style="font-family: times new roman, new york, times, serif; '
            f'font-size: 12pt; color: #000000">{body}{q}</div></body></html>')


# --------------------------------------------------------------------------------------------
# What our reminder says (templates/email/report_form.txt.j2), as the focal point sees it quoted.


def reminder_text(unit_name: str, kind_vi: str, period_text: str, form: str, when: str) -> str:
    return (
        f"Kính gửi đồng chí đầu mối báo cáo của {unit_name},\n\n"
        f"Đến {when}, Kênh báo cáo điện tử chưa nhận được báo cáo {kind_vi.lower()} {period_text} "
        "của đơn vị. Hạn báo cáo: 16:30.\n"
        "Đồng chí có thể trả lời thư này, sửa nội dung trong mẫu dưới đây và gửi lại:\n\n"
        f"{form}\n"
        "Đây là thư tự động của Kênh báo cáo điện tử – Ủy ban nhân dân tỉnh Bình Định.\n"
    )


def form(unit: str, kind_vi: str, period_text: str, tasks: list[tuple[str, str, str, int, str]]) -> str:
    out = [f"Đơn vị: {unit}", f"Loại báo cáo: {kind_vi}", f"Kỳ báo cáo: {period_text}", "", "Tình hình chung: "]
    for code, title, status, progress, result in tasks:
        out += ["", f"Nhiệm vụ: {code} – {title}", f"Tình trạng: {status}", f"Tiến độ: {progress}%",
                f"Kết quả: {result}", "Khó khăn, vướng mắc: Không", "Đề xuất, kiến nghị: Không"]
    return "\n".join(out) + "\n"


TITLES = {
    "NV01": "Xây dựng kế hoạch triển khai Nghị quyết 57-NQ/TW của tỉnh",
    "NV02": "Bố trí kinh phí sự nghiệp khoa học công nghệ và chuyển đổi số năm 2025",
    "NV03": "Làm sạch dữ liệu dân cư phục vụ Đề án 06",
    "NV04": "Cấp tài khoản định danh điện tử mức độ 2 cho người dân",
    "NV05": "Số hóa hồ sơ lưu trữ của cơ quan đảng",
    "NV06": "Vận hành Hệ thống thông tin giải quyết thủ tục hành chính tỉnh",
    "NV07": "Xây dựng cơ sở dữ liệu cán bộ công chức viên chức",
    "NV09": "Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh",
    "NV12": "Rà soát thủ tục hành chính thực hiện trực tuyến toàn trình",
}


# --------------------------------------------------------------------------------------------
# Cases


@dataclass
class Case:
    name: str
    about: str
    received_at: str
    build: Callable[[Case], bytes]
    expect: dict
    config: str = "instance/baocao.toml"

    @property
    def received(self) -> datetime:
        return t(self.received_at)


CASES: list[Case] = []


def case(name: str, about: str, received_at: str, expect: dict, config: str = "instance/baocao.toml"):
    def deco(fn: Callable[[Case], bytes]) -> Callable[[Case], bytes]:
        CASES.append(Case(name, about, received_at, fn, expect, config))
        return fn
    return deco


def accepted(unit: str, kind: str, period: str, timeliness: str, deadline: str, tasks: list[dict],
             warnings: list[str] | None = None, **more: object) -> dict:
    d: dict = {"outcome": "accepted", "codes": [], "unit": unit, "kind": kind, "period": period,
               "timeliness": timeliness, "deadline": deadline, "tasks": tasks,
               "warnings": warnings or []}
    d.update(more)
    return d


def rejected(code: str, outcome: str = "rejected", **more: object) -> dict:
    d: dict = {"outcome": outcome, "codes": [code], "kind": None, "period": None,
               "timeliness": None, "deadline": None, "tasks": [], "warnings": []}
    d.update(more)
    return d


D20 = "2025-05-20T16:30:00+07:00"
D21 = "2025-05-21T16:30:00+07:00"
D22 = "2025-05-22T16:30:00+07:00"
W21 = "2025-05-23T16:30:00+07:00"  # Friday of ISO week 21
M05 = "2025-06-02T16:30:00+07:00"  # 31/05/2025 is a Saturday: moved to Monday 02/06


def T(code: str, status: str | None, progress: int | None, **more: object) -> dict:
    d: dict = {"code": code, "status": status, "progress": progress}
    d.update(more)
    return d


def main(argv: list[str]) -> int:
    check = "--check" in argv
    differ = []
    names = set()
    for c in CASES:
        if c.name in names:
            raise SystemExit(f"duplicate case {c.name}")
        names.add(c.name)
        raw = c.build(c)
        exp = {"about": c.about, "received_at": c.received_at, "config": c.config, "expect": c.expect}
        exp_text = json.dumps(exp, ensure_ascii=False, indent=2) + "\n"
        for path, data in ((HERE / f"{c.name}.eml", raw), (HERE / f"{c.name}.expected.json", exp_text.encode("utf-8"))):
            if check:
                if not path.exists() or path.read_bytes() != data:
                    differ.append(path.name)
            else:
                path.write_bytes(data)
    if check and differ:
        print("differs from the generator:", ", ".join(differ))
        return 1
    print(f"{len(CASES)} cases {'checked' if check else 'written'} in {HERE}")
    return 0


def zip_fixed(data: bytes, when: tuple[int, int, int, int, int, int] = (2025, 5, 23, 14, 0, 0)) -> bytes:
    """Re-pack an .xlsx with fixed member timestamps so the file is reproducible."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=when)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            data_i = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time here
                import re as _re

                data_i = _re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(<)", rb"\g<1>2025-05-23T07:05:00Z\2", data_i)
            dst.writestr(zi, data_i)
    return out.getvalue()


def rand_bytes(seed: int, n: int) -> bytes:
    r = random.Random(seed)
    return bytes(r.getrandbits(8) for _ in range(n))



# ============================================================================================
# 1. Clients


def tb_flowed(text: str, width: int = 72) -> str:
    """Thunderbird's format=flowed: long lines soft-broken with a trailing space."""
    out = []
    for line in text.split("\n"):
        if line == "-- " or len(line) <= width:
            out.append(line)
            continue
        words = line.split(" ")
        cur = ""
        for w in words:
            if cur and len(cur) + 1 + len(w) > width:
                out.append(cur + " ")
                cur = w
            else:
                cur = f"{cur} {w}" if cur else w
        out.append(cur)
    return "\n".join(out)


@case(
    "thunderbird_canonical_flowed",
    "Thunderbird 128, text/plain format=flowed 8bit: the canonical SPEC §5 form with a summary, two tasks and a '-- ' signature; soft line breaks must be joined.",
    "2025-05-20T15:42:07+07:00",
    accepted("SKHCN", "daily", "2025-05-20", "on_time", D20, [
        T("NV01", "in_progress", 60,
          result_contains="Đã trình dự thảo kế hoạch triển khai Nghị quyết 57-NQ/TW lên UBND tỉnh tại Tờ trình số 145/TTr-SKHCN.",
          difficulties="Chưa được bố trí kinh phí.", proposals="Đề nghị Sở Tài chính cân đối kinh phí."),
        T("NV06", "in_progress", 30, result_contains="hạ tầng kỹ thuật của Hệ thống thông tin giải quyết TTHC",
          difficulties=None, proposals=None),
    ], sender="skhcn@binhdinh.gov.vn",
       summary_contains=["hoàn thiện dự thảo Kế hoạch triển khai Nghị quyết 57-NQ/TW", "rà soát hệ thống"],
       text_excludes=["0256 3822 517", "Phòng Quản lý công nghệ"]),
)
def _c01(c: Case) -> bytes:
    body = tb_flowed("""Kính gửi Văn phòng UBND tỉnh,

Sở Khoa học và Công nghệ báo cáo tiến độ thực hiện nhiệm vụ như sau:

Đơn vị: SKHCN
Loại báo cáo: Ngày
Kỳ báo cáo: 20/05/2025

Tình hình chung: Trong ngày, Sở tập trung hoàn thiện dự thảo Kế hoạch triển khai Nghị quyết 57-NQ/TW và phối hợp với Trung tâm Phục vụ hành chính công rà soát hệ thống.

Nhiệm vụ: NV01
Tình trạng: Đang thực hiện
Tiến độ: 60%
Kết quả: Đã trình dự thảo kế hoạch triển khai Nghị quyết 57-NQ/TW lên UBND tỉnh tại Tờ trình số 145/TTr-SKHCN.
Khó khăn, vướng mắc: Chưa được bố trí kinh phí.
Đề xuất, kiến nghị: Đề nghị Sở Tài chính cân đối kinh phí.

Nhiệm vụ: NV06
Tình trạng: Đang thực hiện
Tiến độ: 30%
Kết quả: Đã khảo sát hạ tầng kỹ thuật của Hệ thống thông tin giải quyết TTHC.
Khó khăn, vướng mắc: Không
Đề xuất, kiến nghị: Không

--\x20
Nguyễn Văn An
Phòng Quản lý công nghệ và Đổi mới sáng tạo
Sở Khoa học và Công nghệ tỉnh Bình Định
ĐT: 0256 3822 517
""")
    h = trace(c.received, "skhcn@binhdinh.gov.vn") + [
        "Message-ID: <3f9c2a1e-7b4d-4e8a-9c1f-2d6e8b0a4c57@binhdinh.gov.vn>",
        f"Date: {rfc_date(c.received - timedelta(seconds=9))}",
        "MIME-Version: 1.0",
        "User-Agent: Mozilla Thunderbird",
        "Content-Language: vi",
        f"To: {OURS}",
        f"From: {addr('Nguyễn Văn An', 'skhcn@binhdinh.gov.vn')}",
        f"Subject: {enc_q('Báo cáo ngày 20/05/2025 - Sở KH&CN')}",
        "Content-Type: text/plain; charset=UTF-8; format=flowed",
        "Content-Transfer-Encoding: 8bit",
    ]
    return assemble(h, body)


@case(
    "outlook_html_only_wordhtml",
    "Outlook 2016 sending HTML only (Word 'filtered medium' HTML, MsoNormal paragraphs, <o:p>&nbsp;</o:p> blank paragraphs, quoted-printable); a value continues after a blank paragraph; signature with phone numbers.",
    "2025-05-20T16:05:31+07:00",
    accepted("STC", "daily", "2025-05-20", "on_time", D20, [
        T("NV02", "in_progress", 35, result_contains="1234/STC-HCSN",
          difficulties_contains=["chậm so với thời hạn", "thuyết minh chi tiết"],
          proposals_contains="trước ngày 25/5/2025"),
        T("NV01", "in_progress", 50, result_contains="góp ý dự thảo kế hoạch"),
    ], sender="stc@binhdinh.gov.vn", summary_contains="nhu cầu kinh phí của 18 sở, ngành",
       text_excludes=["0905 123 456", "Trân trọng", "Phòng Tài chính hành chính"]),
)
def _c02(c: Case) -> bytes:
    paras = [
        "Kính gửi: Văn phòng UBND tỉnh (Kênh báo cáo điện tử),", "",
        "Sở Tài chính báo cáo tiến độ thực hiện nhiệm vụ ngày 20/5/2025 như sau:", "",
        "Đơn vị: Sở Tài chính", "Loại báo cáo: Ngày", "Kỳ báo cáo: 20/05/2025", "",
        "Tình hình chung: Sở đã tổng hợp nhu cầu kinh phí của 18 sở, ngành cho các nhiệm vụ khoa học, công nghệ và chuyển đổi số.", "",
        "Nhiệm vụ: NV02 – Bố trí kinh phí sự nghiệp khoa học công nghệ và chuyển đổi số năm 2025",
        "Tình trạng: Đang thực hiện", "Tiến độ: 35%",
        "Kết quả: Đã có văn bản số 1234/STC-HCSN đề nghị các đơn vị đăng ký nhu cầu.", "",
        "Khó khăn, vướng mắc: Một số đơn vị gửi nhu cầu chậm so với thời hạn.", "",
        "Nhiều dự toán chưa có thuyết minh chi tiết.",
        "Đề xuất, kiến nghị: Đề nghị UBND tỉnh đôn đốc các đơn vị gửi nhu cầu trước ngày 25/5/2025.", "",
        "Nhiệm vụ: NV01", "Tình trạng: Đang thực hiện", "Tiến độ: 50%",
        "Kết quả: Đã góp ý dự thảo kế hoạch về nội dung kinh phí.", "",
        "Trân trọng!", "",
        '<p class="MsoNormal"><b><span lang="VI" style="color:#1F3864">Trần Thị Bích Ngọc<o:p></o:p></span></b></p>',
        "Phòng Tài chính hành chính sự nghiệp – Sở Tài chính",
        "ĐT: 0256 3821 440 – DĐ: 0905 123 456",
    ]
    h = trace(c.received, "stc@binhdinh.gov.vn", qid="4ZbQ7m1Wc0z3kP") + [
        f"From: {addr('Trần Thị Bích Ngọc', 'stc@binhdinh.gov.vn')}",
        f"To: <{OURS}>",
        f"Subject: {enc('Báo cáo tiến độ ngày 20/5/2025 - Sở Tài chính')}",
        f"Date: {rfc_date(c.received - timedelta(seconds=14))}",
        "Message-ID: <000d01dbc957$5b1e7f20$115c7d60$@binhdinh.gov.vn>",
        "MIME-Version: 1.0",
        "Content-Type: text/html;\n\tcharset=\"utf-8\"",
        "Content-Transfer-Encoding: quoted-printable",
        "X-Mailer: Microsoft Outlook 16.0",
        "Thread-Index: AdvJV1sefyAVXH1g3k2fQ8x1ZbQ7mA==",
        "Content-Language: vi",
    ]
    return assemble(h, qp(word_html(paras)), crlf=True)


def _owa_reply_html(new_lines: list[str], quoted_header: list[tuple[str, str]], quoted_text: str) -> str:
    style = 'style="font-family: Calibri, Arial, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);"'
    divs = "\n".join(
        f'<div class="elementToProof" {style}>{html.escape(ln) if ln else "<br>"}</div>' for ln in new_lines
    )
    hdr = "<br>\n".join(f"<b>{html.escape(k)}:</b> {html.escape(v)}" for k, v in quoted_header)
    q = "<br>\n".join(html.escape(x) for x in quoted_text.split("\n"))
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<style type="text/css" style="display:none;"> P {{margin-top:0;margin-bottom:0;}} </style>
</head>
<body dir="ltr">
{divs}
<div id="appendonsend"></div>
<hr style="display:inline-block;width:98%" tabindex="-1">
<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">{hdr}</font>
<div>&nbsp;</div>
</div>
<div class="BodyFragment"><font size="2"><span style="font-size:11pt;">
<div class="PlainText">{q}</div>
</span></font></div>
</body>
</html>
"""


@case(
    "owa_reply_reminder_vi",
    "Outlook on the web (Vietnamese UI), HTML only, base64: a reply to the weekly reminder with the edited form on top and the pre-filled form quoted under divRplyFwdMsg; the new values win.",
    "2025-05-23T15:10:44+07:00",
    accepted("VPUB", "weekly", "2025-W21", "on_time", W21, [
        T("NV12", "in_progress", 70, result_contains="312/450", difficulties=None, proposals=None),
        T("NV06", "in_progress", 55, result_contains="thanh toán trực tuyến", proposals=None),
    ], sender="vpub@binhdinh.gov.vn", summary_contains="96 thủ tục",
       text_excludes=["120/450", "Kính gửi đồng chí", "kiểm thử giao diện", "Phạm Thị Hồng Nhung"]),
)
def _c03(c: Case) -> bytes:
    quoted = reminder_text("Văn phòng Ủy ban nhân dân tỉnh", "Tuần", "Tuần 21/2025", form("VPUB", "Tuần", "Tuần 21/2025", [
        ("NV12", TITLES["NV12"], "Đang thực hiện", 30, "Đã rà soát 120/450 thủ tục."),
        ("NV06", TITLES["NV06"], "Đang thực hiện", 40, "Phối hợp kiểm thử giao diện."),
    ]), "14:30 ngày 23/05/2025")
    new = [
        "Đơn vị: VPUB", "Loại báo cáo: Tuần", "Kỳ báo cáo: Tuần 21/2025", "",
        "Tình hình chung: Trong tuần, Văn phòng hoàn thành rà soát đợt 1, đề xuất 96 thủ tục thực hiện trực tuyến toàn trình.", "",
        f"Nhiệm vụ: NV12 – {TITLES['NV12']}", "Tình trạng: Đang thực hiện", "Tiến độ: 70%",
        "Kết quả: Đã rà soát 312/450 thủ tục hành chính.", "Khó khăn, vướng mắc: Không", "Đề xuất, kiến nghị: Không", "",
        f"Nhiệm vụ: NV06 – {TITLES['NV06']}", "Tình trạng: Đang thực hiện", "Tiến độ: 55%",
        "Kết quả: Phối hợp kiểm thử chức năng thanh toán trực tuyến.", "Khó khăn, vướng mắc: Không", "Đề xuất, kiến nghị: Không", "",
        "Phạm Thị Hồng Nhung", "Phòng Hành chính – Tổ chức, Văn phòng UBND tỉnh",
    ]
    body = _owa_reply_html(new, [
        ("Từ", f"{OURS_NAME} <{OURS}>"),
        ("Đã gửi", "Thứ Sáu, ngày 23 tháng 5 năm 2025 14:30"),
        ("Đến", "vpub@binhdinh.gov.vn <vpub@binhdinh.gov.vn>"),
        ("Chủ đề", "[Nhắc báo cáo] Tuần 21/2025 – Văn phòng Ủy ban nhân dân tỉnh"),
    ], quoted)
    h = trace(c.received, "vpub@binhdinh.gov.vn", qid="4ZdK2s0Ybnz1Rq") + [
        f"From: {addr('Phạm Thị Hồng Nhung', 'vpub@binhdinh.gov.vn')}",
        f'To: "{OURS_NAME}" <{OURS}>'.replace(f'"{OURS_NAME}"', enc(OURS_NAME)),
        f"Subject: {enc('RE: [Nhắc báo cáo] Tuần 21/2025 – Văn phòng Ủy ban nhân dân tỉnh')}",
        f"Thread-Topic: {enc('[Nhắc báo cáo] Tuần 21/2025 – Văn phòng Ủy ban nhân dân tỉnh')}",
        "Thread-Index: AQHby9Z3kM2pQ8x1ZbQ7mAAB3k2fQ8x1",
        f"Date: {rfc_date(c.received - timedelta(seconds=3), UTC)}",
        "Message-ID: <KL1PR06MB6395A4C3D2B1E0F9A8B7C6D5E4F3A2B1@KL1PR06MB6395.binhdinh.gov.vn>",
        "References: <8aa98893e36cd2614b860348@baocao.binhdinh.gov.vn>",
        "In-Reply-To: <8aa98893e36cd2614b860348@baocao.binhdinh.gov.vn>",
        "Accept-Language: vi-VN, en-US",
        "Content-Language: vi-VN",
        "X-MS-Has-Attach:",
        "X-MS-TNEF-Correlator:",
        "x-originating-ip: [10.10.5.23]",
        "Content-Type: text/html; charset=\"utf-8\"",
        "Content-Transfer-Encoding: base64",
        "MIME-Version: 1.0",
    ]
    return assemble(h, b64(body), crlf=True)


def _word_quote_block(header: list[tuple[str, str]], quoted_text: str) -> str:
    hdr = "<br>\n".join(f"<b>{html.escape(k)}:</b> {html.escape(v)}" for k, v in header)
    paras = "\n".join(
        f'<p class="MsoNormal">{html.escape(x) if x else "<o:p>&nbsp;</o:p>"}<o:p></o:p></p>' for x in quoted_text.split("\n")
    )
    return (f'<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n<div>\n<div style="border:none;border-top:solid #E1E1E1 1.0pt;'
            f'padding:3.0pt 0in 0in 0in">\n<p class="MsoNormal">{hdr}<o:p></o:p></p>\n</div>\n</div>\n'
            f'<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n{paras}')


@case(
    "outlook_desktop_reply_en",
    "Outlook 2019 desktop (English UI), multipart/alternative QP: reply to the daily reminder; the plain part quotes the form under a '____' line and a From:/Sent:/To:/Subject: block without '>' prefixes; sent after 16:30.",
    "2025-05-20T16:41:20+07:00",
    accepted("SYT", "daily", "2025-05-20", "late", D20, [
        T("NV09", "in_progress", 45, result_contains="6/28 khoa", difficulties_contains="máy trạm", proposals=None),
        T("NV03", "in_progress", 80, result_contains="95.000 hồ sơ"),
    ], sender="syt@binhdinh.gov.vn", summary=None,
       text_excludes=["4 khoa", "Huynh Thi Mai", "Kính gửi đồng chí", "đối soát 60.000"]),
)
def _c04(c: Case) -> bytes:
    quoted = reminder_text("Sở Y tế", "Ngày", "20/05/2025", form("SYT", "Ngày", "20/05/2025", [
        ("NV09", TITLES["NV09"], "Đang thực hiện", 40, "Hoàn thiện hạ tầng mạng tại 4 khoa."),
        ("NV03", TITLES["NV03"], "Đang thực hiện", 75, "Đã đối soát 60.000 hồ sơ."),
    ]), "14:30 ngày 20/05/2025")
    new = [
        "Đơn vị: SYT", "Loại báo cáo: Ngày", "Kỳ báo cáo: 20/05/2025", "",
        f"Nhiệm vụ: NV09 – {TITLES['NV09']}", "Tình trạng: Đang thực hiện", "Tiến độ: 45%",
        "Kết quả: Bệnh viện Đa khoa tỉnh đã chạy thử bệnh án điện tử tại 6/28 khoa.",
        "Khó khăn, vướng mắc: Hạ tầng máy trạm tại các khoa còn thiếu.", "Đề xuất, kiến nghị: Không", "",
        f"Nhiệm vụ: NV03 – {TITLES['NV03']}", "Tình trạng: Đang thực hiện", "Tiến độ: 80%",
        "Kết quả: Đã đối soát 95.000 hồ sơ khám chữa bệnh với CSDL quốc gia về dân cư.",
        "Khó khăn, vướng mắc: Không", "Đề xuất, kiến nghị: Không", "",
        "Best regards,", "Huynh Thi Mai", "Văn phòng Sở Y tế",
    ]
    qhdr = [("From", f"{OURS_NAME} <{OURS}>"), ("Sent", "Tuesday, May 20, 2025 2:30 PM"),
            ("To", "syt@binhdinh.gov.vn"), ("Subject", "[Nhắc báo cáo] Ngày 20/05/2025 – Sở Y tế")]
    plain = "\n".join(new) + "\n\n________________________________\n" + "\n".join(f"{k}: {v}" for k, v in qhdr) + "\n\n" + quoted
    htmlp = word_html(new, quote_html=_word_quote_block(qhdr, quoted), lang="EN-US")
    bnd = "----=_NextPart_000_0041_01DBC9A2.5B1E7F20"
    h = trace(c.received, "syt@binhdinh.gov.vn", qid="4ZbR3x5Lwkz8Hn") + [
        f"From: {addr('Huỳnh Thị Mai', 'syt@binhdinh.gov.vn')}",
        f"To: {enc(OURS_NAME)} <{OURS}>",
        "References: <92490bd7c728251a873bd480@baocao.binhdinh.gov.vn>",
        "In-Reply-To: <92490bd7c728251a873bd480@baocao.binhdinh.gov.vn>",
        f"Subject: {enc('RE: [Nhắc báo cáo] Ngày 20/05/2025 – Sở Y tế')}",
        f"Date: {rfc_date(c.received - timedelta(seconds=6))}",
        "Message-ID: <004101dbc9a2$5b1e7f20$115c7d60$@binhdinh.gov.vn>",
        "MIME-Version: 1.0",
        f'Content-Type: multipart/alternative;\n\tboundary="{bnd}"',
        "X-Mailer: Microsoft Outlook 16.0",
        "Thread-Index: AQHbyaJbHn8gEVx9YNp3kM2pQ8x1ZQ==",
        "Content-Language: en-us",
    ]
    body = multipart(bnd, [part("text/plain", plain), part("text/html", htmlp)],
                     preamble="This is a multipart message in MIME format.\n")
    return assemble(h, body, crlf=True)


def gmail_wrap_attr(attr: str, width: int = 76) -> str:
    """Gmail's plain part wraps the attribution line (often before the address)."""
    if len(attr) <= width:
        return attr
    cut = attr.rfind("<", 0, width)
    cut = cut + 1 if cut > 0 else attr.rfind(" ", 0, width)
    return attr[:cut] + "\n" + attr[cut:].lstrip()


def gmail_message(c: Case, sender: str, sender_name: str, subject: str, new: list[str],
                  attribution: str | None, quoted: str | None, msgid: str, via: str = "gmail",
                  extra: list[str] | None = None, cte: str = "quoted-printable",
                  html_extra: str = "", plain_override: str | None = None) -> bytes:
    plain = plain_override if plain_override is not None else "\n".join(new) + "\n"
    quote_html = ""
    if attribution and quoted is not None:
        plain += "\n" + gmail_wrap_attr(attribution) + "\n\n" + "\n".join(
            ("> " + x) if x else ">" for x in quoted.rstrip("\n").split("\n")) + "\n"
        quote_html = gmail_quote_html(attribution, quoted.rstrip("\n").split("\n"))
    htmlp = gmail_html(new, html_extra + quote_html)
    bnd = "000000000000" + format(abs(hash(msgid)) % (16 ** 16), "016x")[:16]
    bnd = "000000000000" + "".join(ch for ch in msgid if ch.isalnum())[:16].lower()
    h = trace(c.received, sender, via=via, qid="4ZcM0p2Tq9z4Vb") + [
        "X-Google-Smtp-Source: AGHT+IFq2Lw8n3ZkP0r7xYvT5mB1uC9dE6fG4hJ2kL8mN0pQ3rS5tU7vW9xY1zA3bC5dE7fG",
        "MIME-Version: 1.0",
        *(extra or []),
        f"From: {addr(sender_name, sender)}",
        f"Date: {rfc_date(c.received - timedelta(seconds=8))}",
        f"Message-ID: <{msgid}@mail.gmail.com>",
        f"Subject: {enc(subject)}",
        f"To: {enc(OURS_NAME)} <{OURS}>",
        f'Content-Type: multipart/alternative; boundary="{bnd}"',
    ]
    body = multipart(bnd, [part("text/plain", plain, cte=cte), part("text/html", htmlp, cte=cte)])
    return assemble(h, body)


@case(
    "gmail_reply_reminder_vi",
    "Gmail web (Vietnamese UI), multipart/alternative: top-posted edited form, then the attribution 'Vào Th 4, 21 thg 5, 2025 vào lúc 14:30 … đã viết:' wrapped over two lines and the '>'-quoted reminder (gmail_quote in HTML). 'Hoàn thành' with an empty progress means 100.",
    "2025-05-21T15:20:09+07:00",
    accepted("SKHCN", "daily", "2025-05-21", "on_time", D21, [
        T("NV01", "completed", 100, result_contains="88/KH-UBND"),
        T("NV06", "in_progress", 35, result_contains="phương án nâng cấp"),
    ], sender="nguyenvanan.skhcn@gmail.com", summary=None,
       text_excludes=["Đã trình dự thảo kế hoạch", "Kính gửi đồng chí"]),
)
def _c05(c: Case) -> bytes:
    quoted = reminder_text("Sở Khoa học và Công nghệ", "Ngày", "21/05/2025", form("SKHCN", "Ngày", "21/05/2025", [
        ("NV01", TITLES["NV01"], "Đang thực hiện", 60, "Đã trình dự thảo kế hoạch."),
        ("NV06", TITLES["NV06"], "Đang thực hiện", 30, "Đã khảo sát hạ tầng kỹ thuật."),
    ]), "14:30 ngày 21/05/2025")
    new = [
        "Đơn vị: SKHCN", "Loại báo cáo: Ngày", "Kỳ báo cáo: 21/05/2025", "",
        f"Nhiệm vụ: NV01 – {TITLES['NV01']}", "Tình trạng: Hoàn thành", "Tiến độ: ",
        "Kết quả: UBND tỉnh đã ban hành Kế hoạch số 88/KH-UBND ngày 21/5/2025.",
        "Khó khăn, vướng mắc: Không", "Đề xuất, kiến nghị: Không", "",
        f"Nhiệm vụ: NV06 – {TITLES['NV06']}", "Tình trạng: Đang thực hiện", "Tiến độ: 35%",
        "Kết quả: Đã hoàn thành khảo sát hạ tầng, đang lập phương án nâng cấp.",
        "Khó khăn, vướng mắc: Không", "Đề xuất, kiến nghị: Không",
    ]
    return gmail_message(
        c, "nguyenvanan.skhcn@gmail.com", "Nguyễn Văn An",
        "Re: [Nhắc báo cáo] Ngày 21/05/2025 – Sở Khoa học và Công nghệ", new,
        f"Vào Th 4, 21 thg 5, 2025 vào lúc 14:30 {OURS_NAME} <{OURS}> đã viết:", quoted,
        "CAJ7x9vN3kQp+Wm2XyZ8T4fA1bC5dE6fG7hI8jK9lM0nO1pQr2s",
        extra=["References: <2f35a996f84b41f7b8f81842@baocao.binhdinh.gov.vn>",
               "In-Reply-To: <2f35a996f84b41f7b8f81842@baocao.binhdinh.gov.vn>"])


@case(
    "gmail_reply_reminder_en",
    "Gmail web (English UI) sending as the unit's official address: reply to the reminder with 'On … wrote:' wrapped over two lines; unit by full name; summary; 'Thanks,' signature.",
    "2025-05-21T15:55:40+07:00",
    accepted("SNV", "daily", "2025-05-21", "on_time", D21, [
        T("NV07", "in_progress", 30, result_contains="2.140/7.800", difficulties_contains="mất kết nối",
          proposals_contains="hỗ trợ kiểm tra đường truyền"),
        T("NV03", "in_progress", 90, result_contains="9/11 huyện"),
    ], sender="snv@binhdinh.gov.vn", summary_contains="đối soát dữ liệu cán bộ, công chức",
       text_excludes=["Vo Thanh Hai", "1.500/7.800", "Thanks"]),
)
def _c06(c: Case) -> bytes:
    quoted = reminder_text("Sở Nội vụ", "Ngày", "21/05/2025", form("SNV", "Ngày", "21/05/2025", [
        ("NV07", TITLES["NV07"], "Đang thực hiện", 25, "Đã nhập liệu 1.500/7.800 hồ sơ."),
        ("NV03", TITLES["NV03"], "Đang thực hiện", 85, "Đối soát dữ liệu 8/11 huyện."),
    ]), "14:30 ngày 21/05/2025")
    new = [
        "Đơn vị: Sở Nội vụ", "Loại báo cáo: Ngày", "Kỳ báo cáo: 21/05/2025", "",
        "Tình hình chung: Sở đang phối hợp Công an tỉnh đối soát dữ liệu cán bộ, công chức với CSDL quốc gia về dân cư.", "",
        "Nhiệm vụ: NV07", "Tình trạng: Đang thực hiện", "Tiến độ: 30%",
        "Kết quả: Đã nhập liệu 2.140/7.800 hồ sơ cán bộ, công chức.",
        "Khó khăn, vướng mắc: Phần mềm thường xuyên mất kết nối vào buổi chiều.",
        "Đề xuất, kiến nghị: Đề nghị Sở KH&CN hỗ trợ kiểm tra đường truyền.", "",
        "Nhiệm vụ: NV03", "Tình trạng: Đang thực hiện", "Tiến độ: 90%",
        "Kết quả: Đã đối soát xong dữ liệu của 9/11 huyện, thị xã, thành phố.", "",
        "Thanks,", "Vo Thanh Hai",
    ]
    return gmail_message(
        c, "snv@binhdinh.gov.vn", "Võ Thanh Hải",
        "Re: [Nhắc báo cáo] Ngày 21/05/2025 – Sở Nội vụ", new,
        f"On Wed, May 21, 2025 at 2:30 PM {OURS_NAME} <{OURS}> wrote:", quoted,
        "CAHk8Lw2pZr5+Ty7uNx3vB6mQ9sD1fG4hJ7kL0zX2cV5bN8mA1sD",
        extra=["References: <017211d3aed1d29529e4d56b@baocao.binhdinh.gov.vn>",
               "In-Reply-To: <017211d3aed1d29529e4d56b@baocao.binhdinh.gov.vn>"])


def zimbra_headers(c: Case, sender: str, name: str, subject: str, msgid: str, ctype: str,
                   extra: list[str] | None = None, cte: str | None = None) -> list[str]:
    h = trace(c.received, sender, qid="4ZcN8r6Vd3z2Lm") + [
        f"Date: {rfc_date(c.received - timedelta(seconds=8))} (ICT)",
        f"From: {enc_q(name)} <{sender}>",
        f"To: {enc_q(OURS_NAME)} <{OURS}>",
        f"Message-ID: <{msgid}.JavaMail.zimbra@binhdinh.gov.vn>",
        *(extra or []),
        f"Subject: {enc_q(subject)}",
        "MIME-Version: 1.0",
        f"Content-Type: {ctype}",
    ]
    if cte:
        h.append(f"Content-Transfer-Encoding: {cte}")
    h += [
        "X-Originating-IP: [10.20.1.45]",
        "X-Mailer: Zimbra 8.8.15_GA_4508 (ZimbraWebClient - GC136 (Win)/8.8.15_GA_4508)",
        f"Thread-Topic: {enc_q(subject.removeprefix('Re: ').removeprefix('Fwd: '))}",
        "Thread-Index: 8LmQAn9LLGgWIgAAhu3nXwX1ZbQ7mA==",
    ]
    return h


@case(
    "zimbra_reply_thu_goc",
    "Zimbra 8.8 web client (Vietnamese), multipart/alternative: reply with '----- Thư gốc -----', Từ:/Tới:/Đã gửi:/Chủ đề: and the unprefixed quoted form; <hr id=\"zwchr\"> in HTML; unit by name.",
    "2025-05-21T16:20:00+07:00",
    accepted("CAT", "daily", "2025-05-21", "on_time", D21, [
        T("NV03", "in_progress", 72, result_contains="1.102.300/1.530.000", difficulties_contains="hộ tịch giấy",
          proposals_contains="Sở Tư pháp"),
        T("NV04", "in_progress", 64, result_contains="3.215 tài khoản", difficulties=None, proposals=None),
    ], sender="pc06.cat@binhdinh.gov.vn", summary=None, text_excludes=["1.089.850", "Kính gửi đồng chí"]),
)
def _c07(c: Case) -> bytes:
    quoted = reminder_text("Công an tỉnh", "Ngày", "21/05/2025", form("CAT", "Ngày", "21/05/2025", [
        ("NV03", TITLES["NV03"], "Đang thực hiện", 70, "Lũy kế 1.089.850/1.530.000 trường hợp."),
        ("NV04", TITLES["NV04"], "Đang thực hiện", 60, ""),
    ]), "14:30 ngày 21/05/2025")
    new = [
        "Đơn vị: Công an tỉnh", "Loại báo cáo: Ngày", "Kỳ báo cáo: 21/05/2025", "",
        "Nhiệm vụ: NV03", "Tình trạng: Đang thực hiện", "Tiến độ: 72%",
        "Kết quả: Đã xác thực, làm sạch thêm 12.450 trường hợp; lũy kế 1.102.300/1.530.000.",
        "Khó khăn, vướng mắc: Dữ liệu hộ tịch giấy trước năm 2016 chưa được số hóa.",
        "Đề xuất, kiến nghị: Đề nghị Sở Tư pháp đẩy nhanh số hóa sổ hộ tịch.", "",
        "Nhiệm vụ: NV04", "Tình trạng: Đang thực hiện", "Tiến độ: 64%",
        "Kết quả: Kích hoạt mới 3.215 tài khoản định danh điện tử mức độ 2.",
        "Khó khăn, vướng mắc: Không", "Đề xuất, kiến nghị: Không",
    ]
    subj = "[Nhắc báo cáo] Ngày 21/05/2025 – Công an tỉnh"
    qh = [("Từ", f'"{OURS_NAME}" <{OURS}>'), ("Tới", '"Lê Minh Tuấn" <pc06.cat@binhdinh.gov.vn>'),
          ("Đã gửi", "Thứ Tư, 21 Tháng Năm, 2025 14:30:04"), ("Chủ đề", subj)]
    plain = "\n".join(new) + "\n\n----- Thư gốc -----\n" + "\n".join(f"{k}: {v}" for k, v in qh) + "\n\n" + quoted
    htmlp = zimbra_html(new, qh, quoted.split("\n"))
    bnd = "=_7f1d3c9e-52b0-4c4e-8a67-0b6f1d2e9a40"
    h = zimbra_headers(c, "pc06.cat@binhdinh.gov.vn", "Lê Minh Tuấn", "Re: " + subj,
                       "1820373264.4471023.1747819192871", f'multipart/alternative; \n\tboundary="{bnd}"',
                       extra=["In-Reply-To: <eb928060dcac73a351c159e4@baocao.binhdinh.gov.vn>",
                              "References: <eb928060dcac73a351c159e4@baocao.binhdinh.gov.vn>"])
    return assemble(h, multipart(bnd, [part("text/plain", plain), part("text/html", htmlp)]))


@case(
    "zimbra_reply_vao_da_viet",
    "Zimbra plain-text reply: the one-line quote header '----- Vào 21 Tháng Năm, 2025, lúc 2:30 CH, … đã viết:' and '> ' quoted form below; sent after the deadline.",
    "2025-05-21T17:02:11+07:00",
    accepted("TTHCC", "daily", "2025-05-21", "late", D21, [
        T("NV06", "in_progress", 88, result_contains="1.103 hồ sơ trực tuyến (88,5%)"),
        T("NV04", "in_progress", 50, result_contains="214 công dân", difficulties=None),
    ], sender="tthcc@binhdinh.gov.vn", text_excludes=["1.050 hồ sơ", "Kính gửi đồng chí"]),
)
def _c08(c: Case) -> bytes:
    quoted = reminder_text("Trung tâm Phục vụ hành chính công tỉnh", "Ngày", "21/05/2025", form("TTHCC", "Ngày", "21/05/2025", [
        ("NV06", TITLES["NV06"], "Đang thực hiện", 85, "Tiếp nhận 1.050 hồ sơ."),
        ("NV04", TITLES["NV04"], "Đang thực hiện", 45, ""),
    ]), "14:30 ngày 21/05/2025")
    new = [
        "Đơn vị: TTHCC", "Loại báo cáo: Ngày", "Kỳ báo cáo: 21/5/2025", "",
        "Nhiệm vụ: NV06", "Tình trạng: Đang thực hiện", "Tiến độ: 88%",
        "Kết quả: Tiếp nhận 1.246 hồ sơ, trong đó 1.103 hồ sơ trực tuyến (88,5%).",
        "Khó khăn, vướng mắc: Không", "Đề xuất, kiến nghị: Không", "",
        "Nhiệm vụ: NV04", "Tình trạng: Đang thực hiện", "Tiến độ: 50%",
        "Kết quả: Hỗ trợ 214 công dân kích hoạt tài khoản định danh điện tử tại bộ phận một cửa.",
    ]
    plain = ("\n".join(new) + "\n\n" + f"----- Vào 21 Tháng Năm, 2025, lúc 2:30 CH, {OURS_NAME} <{OURS}> đã viết:\n\n"
             + "\n".join(("> " + x) if x else ">" for x in quoted.rstrip("\n").split("\n")) + "\n")
    h = zimbra_headers(c, "tthcc@binhdinh.gov.vn", "TT Phục vụ HCC tỉnh",
                       "Re: [Nhắc báo cáo] Ngày 21/05/2025 – Trung tâm Phục vụ hành chính công tỉnh",
                       "977410535.4471990.1747821723034", "text/plain; charset=utf-8", cte="quoted-printable",
                       extra=["In-Reply-To: <541c7ef2c09d6893a304d6bc@baocao.binhdinh.gov.vn>"])
    return assemble(h, qp(plain))


@case(
    "zimbra_forward_thu_da_chuyen_tiep",
    "Zimbra forward: the focal point forwards a staff member's report; '----- Thư đã chuyển tiếp -----' followed by a Từ:/Tới:/Đã gửi:/Chủ đề: block; the new text above holds no report, so the forwarded one is read.",
    "2025-05-23T10:15:33+07:00",
    accepted("BQLKKT", "weekly", "2025-W21", "on_time", W21, [
        T("NV10", "in_progress", 25, result_contains="trung tâm dữ liệu", difficulties_contains="Quỹ đất sạch",
          proposals_contains="giải phóng mặt bằng khu vực Nhơn Hội"),
    ], sender="bqlkkt@binhdinh.gov.vn", text_excludes=["Trân trọng", "Kính chuyển"]),
)
def _c09(c: Case) -> bytes:
    fwd = [
        "Kính gửi anh Phước,", "Em gửi báo cáo tuần nhiệm vụ NV10 để anh chuyển Kênh báo cáo:", "",
        "Đơn vị: BQLKKT", "Loại báo cáo: Tuần", "Kỳ báo cáo: Tuần 21/2025", "",
        "Nhiệm vụ: NV10 - Thu hút dự án công nghệ cao vào Khu kinh tế Nhơn Hội", "Tình trạng: Đang thực hiện",
        "Tiến độ: 25%",
        "Kết quả: Làm việc với 02 nhà đầu tư về dự án trung tâm dữ liệu; đã nhận hồ sơ đề xuất của 01 nhà đầu tư.",
        "Khó khăn, vướng mắc: Quỹ đất sạch trong Khu kinh tế còn hạn chế.",
        "Đề xuất, kiến nghị: Đề nghị UBND tỉnh chỉ đạo đẩy nhanh giải phóng mặt bằng khu vực Nhơn Hội.", "",
        "Trân trọng,", "Việt",
    ]
    qh = [("Từ", '"Trần Quốc Việt" <vietqt.bqlkkt@binhdinh.gov.vn>'), ("Tới", '"Nguyễn Hữu Phước" <bqlkkt@binhdinh.gov.vn>'),
          ("Đã gửi", "Thứ Sáu, 23 Tháng Năm, 2025 9:41:27"), ("Chủ đề", "Báo cáo tuần 21 NV10")]
    new = ["Kính chuyển Kênh báo cáo điện tử báo cáo tuần 21 của Ban Quản lý Khu kinh tế.", "", "Trân trọng."]
    plain = ("\n".join(new) + "\n\n----- Thư đã chuyển tiếp -----\n" + "\n".join(f"{k}: {v}" for k, v in qh)
             + "\n\n" + "\n".join(fwd) + "\n")
    htmlp = zimbra_html(new, qh, fwd).replace('<hr id="zwchr">', '<hr id="zwchr">----- Thư đã chuyển tiếp -----')
    bnd = "=_0c5e2b7a-93d1-4f6e-b2a8-6d4c1e9f7a35"
    h = zimbra_headers(c, "bqlkkt@binhdinh.gov.vn", "Nguyễn Hữu Phước", "Fwd: Báo cáo tuần 21 NV10",
                       "1455809921.4480126.1747970133520", f'multipart/alternative; \n\tboundary="{bnd}"')
    return assemble(h, multipart(bnd, [part("text/plain", plain), part("text/html", htmlp)]))


@case(
    "gmail_forward_inline",
    "Gmail (Google Workspace) inline forward: '---------- Forwarded message ---------' with From:/Date:/Subject:/To:; weekly period written 'tuần từ 19/5 đến 23/5/2025'; progress '40 %'; notes.",
    "2025-05-23T11:20:05+07:00",
    accepted("DHQN", "weekly", "2025-W21", "on_time", W21, [
        T("NV11", "in_progress", 40, result_contains="trình Hội đồng trường", notes_contains="28/5/2025"),
    ], sender="khcn@qnu.edu.vn"),
)
def _c10(c: Case) -> bytes:
    fwd = [
        "Kính gửi Phòng,", "",
        "Đơn vị: Trường Đại học Quy Nhơn", "Loại báo cáo: Tuần", "Kỳ báo cáo: tuần từ 19/5 đến 23/5/2025", "",
        "Nhiệm vụ: NV11", "Tình trạng: Đang triển khai", "Tiến độ: 40 %",
        "Kết quả: Hoàn thiện đề án thành lập Trung tâm đổi mới sáng tạo, trình Hội đồng trường.",
        "Ghi chú: Dự kiến Hội đồng trường họp ngày 28/5/2025.",
    ]
    header = ["---------- Forwarded message ---------", "From: Trần Thị Hạnh <hanhtt@qnu.edu.vn>",
              "Date: Fri, May 23, 2025 at 9:12 AM", "Subject: Báo cáo tuần 21 - NV11", "To: Phòng KH&HTQT <khcn@qnu.edu.vn>"]
    new = ["Em chuyển báo cáo tuần của Trường ạ."]
    plain = "\n".join(new) + "\n\n" + "\n".join(header) + "\n\n\n" + "\n".join(fwd) + "\n"
    fhtml = ('<br><br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">'
             + "<br>".join(html.escape(x) for x in header) + '<br></div><br><br><div dir="ltr">'
             + html_lines(fwd) + "</div></div>")
    return gmail_message(c, "khcn@qnu.edu.vn", "Phòng KH&HTQT - Trường ĐH Quy Nhơn", "Fwd: Báo cáo tuần 21 - NV11",
                         new, None, None, "CAMx4Rt7yW2pL9kQ+Zn6vB3cD8eF1gH5jK0lM4nP7qS2tU6wX9yA", via="edu",
                         html_extra=fhtml, plain_override=plain)


@case(
    "thunderbird_forward_rfc822",
    "Thunderbird 'Forward as attachment': the report is an attached message/rfc822 (8bit UTF-8, monthly 'Tháng 5/2025'); the cover note holds no report; sent before the month's deadline (31/05 is a Saturday, moved to Monday 02/06).",
    "2025-05-30T14:05:12+07:00",
    accepted("SGDDT", "monthly", "2025-05", "on_time", M05, [
        T("NV08", "in_progress", 70, result_contains="52/57 trường THPT", difficulties_contains="chữ ký số",
          proposals_contains="180 chứng thư số"),
    ], sender="sgddt@binhdinh.edu.vn", summary_contains="100% trường THPT đã cập nhật", text_excludes=["Đặng Quốc Huy"]),
)
def _c11(c: Case) -> bytes:
    inner_body = """Đơn vị: Sở GD&ĐT
Loại báo cáo: Tháng
Kỳ báo cáo: Tháng 5/2025

Tình hình chung: 100% trường THPT đã cập nhật dữ liệu học sinh lên CSDL ngành.

Nhiệm vụ: NV08
Tình trạng: Đang thực hiện
Tiến độ: 70%
Kết quả: 52/57 trường THPT đã triển khai học bạ số cho khối 10.
Khó khăn, vướng mắc: 5 trường miền núi thiếu chữ ký số cho giáo viên.
Đề xuất, kiến nghị: Đề nghị cấp bổ sung 180 chứng thư số.
"""
    inner = "\n".join([
        "Message-ID: <b7e2d9c4-1a3f-4c5e-8d7b-6f0a2e4c9b13@binhdinh.edu.vn>",
        "Date: Fri, 30 May 2025 10:02:41 +0700",
        "MIME-Version: 1.0",
        "User-Agent: Mozilla Thunderbird",
        "Content-Language: vi",
        "To: sgddt@binhdinh.edu.vn",
        f"From: {enc_q('Lê Thị Thu')} <thult@binhdinh.edu.vn>",
        f"Subject: {enc_q('Báo cáo tháng 5/2025 - học bạ số')}",
        "Content-Type: text/plain; charset=UTF-8; format=flowed",
        "Content-Transfer-Encoding: 8bit",
    ]) + "\n\n" + inner_body
    cover = tb_flowed("Kính gửi Kênh báo cáo điện tử,\nSở GD&ĐT chuyển báo cáo tháng 5/2025 do Phòng Giáo dục trung học lập (thư đính kèm).\n\n-- \nĐặng Quốc Huy\nVăn phòng Sở GD&ĐT\n")
    bnd = "------------mK3pQ8sV1xY5zB7cD9eF2gH4"
    fname = enc_q("Báo cáo tháng 5_2025 - học bạ số.eml")
    body = multipart(bnd, [
        "Content-Type: text/plain; charset=UTF-8; format=flowed\nContent-Transfer-Encoding: 8bit\n\n" + cover,
        f'Content-Type: message/rfc822; charset=UTF-8;\n name="{fname}"\nContent-Disposition: attachment;\n filename="{fname}"\n\n' + inner,
    ], preamble="This is a multi-part message in MIME format.")
    h = trace(c.received, "sgddt@binhdinh.edu.vn", qid="4ZfT6n8Kq1z7Wd") + [
        "Message-ID: <5d1e9a2b-7c4f-4b8e-a1d6-3e9f0c2b7a58@binhdinh.edu.vn>",
        f"Date: {rfc_date(c.received - timedelta(seconds=11))}",
        "MIME-Version: 1.0",
        "User-Agent: Mozilla Thunderbird",
        "Content-Language: vi",
        f"To: {OURS}",
        f"From: {enc_q('Đặng Quốc Huy')} <sgddt@binhdinh.edu.vn>",
        f"Subject: {enc_q('Fwd: Báo cáo tháng 5/2025 - học bạ số')}",
        f'Content-Type: multipart/mixed; boundary="{bnd}"',
    ]
    return assemble(h, body)


@case(
    "outlook2010_windows1258_qp",
    "Outlook 2010 with the 'Vietnamese (Windows)' encoding: text/plain; charset=windows-1258, quoted-printable; the bytes carry base letters plus combining tone marks (must be NFC-normalised).",
    "2025-05-21T16:10:00+07:00",
    accepted("VPTU", "daily", "2025-05-21", "on_time", D21, [
        T("NV05", "in_progress", 35, result_contains="18.600 trang tài liệu phông Huyện ủy Tuy Phước",
          difficulties_contains="Máy quét chuyên dụng hỏng", proposals=None),
    ], sender="vptu@binhdinh.org.vn"),
)
def _c12(c: Case) -> bytes:
    text = """Đơn vị: Văn phòng Tỉnh ủy
Loại báo cáo: Ngày
Kỳ báo cáo: 21/05/2025

Nhiệm vụ: NV05 - Số hóa hồ sơ lưu trữ của cơ quan đảng
Tình trạng: Đang thực hiện
Tiến độ: 35%
Kết quả: Đã số hóa 18.600 trang tài liệu phông Huyện ủy Tuy Phước.
Khó khăn, vướng mắc: Máy quét chuyên dụng hỏng 01 chiếc.
Đề xuất, kiến nghị: Không
"""
    h = trace(c.received, "vptu@binhdinh.org.vn", qid="4ZcP1a9Hs5z0Ux") + [
        f"From: {addr('Đỗ Thị Lan', 'vptu@binhdinh.org.vn')}",
        f"To: <{OURS}>",
        "Subject: =?windows-1258?Q?B=E1o_c=E1o_nga=ECy_21/05/2025_-_VP_Ti=D2nh_u=F2y?=",
        f"Date: {rfc_date(c.received - timedelta(seconds=20))}",
        "Message-ID: <001501dbca3b$2e4f5a60$8aee1020$@binhdinh.org.vn>",
        "MIME-Version: 1.0",
        "Content-Type: text/plain;\n\tcharset=\"windows-1258\"",
        "Content-Transfer-Encoding: quoted-printable",
        "X-Mailer: Microsoft Office Outlook 14.0",
        "Thread-Index: AdvKOy5PWmCK7hAgSm2pQ8x1ZbQ7mA==",
        "Content-Language: vi",
    ]
    return assemble(h, qp(text, "cp1258"), crlf=True)


@case(
    "samsung_email_base64",
    "Samsung Email on Android through a Gmail account: multipart/alternative with both parts base64; no 'Đơn vị' (the sender serves one unit); period '22/5/2025'; the phone signature after blank lines is not part of the result.",
    "2025-05-22T09:15:22+07:00",
    accepted("SKHCN", "daily", "2025-05-22", "on_time", D22, [
        T("NV06", "in_progress", 40, result_contains="dự thảo phương án nâng cấp lần 2", result_excludes="Samsung"),
    ], sender="nguyenvanan.skhcn@gmail.com", text_excludes=["Samsung Galaxy"]),
)
def _c13(c: Case) -> bytes:
    text = ("Loại báo cáo: Ngày\nKỳ báo cáo: 22/5/2025\nNhiệm vụ: NV06\nTình trạng: Đang thực hiện\nTiến độ: 40%\n"
            "Kết quả: Đã tiếp thu ý kiến góp ý của các sở, ngành; hoàn thiện dự thảo phương án nâng cấp lần 2.\n\n\n\n"
            "Đã gửi từ điện thoại thông minh Samsung Galaxy của tôi.\n")
    htmlp = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head><body dir="auto">'
             + "".join(f"<div dir=\"auto\">{html.escape(x) if x else '<br>'}</div>" for x in text.rstrip().split("\n"))
             + "</body></html>")
    bnd = "--_com.samsung.android.email_1121857364529840"
    h = trace(c.received, "nguyenvanan.skhcn@gmail.com", via="gmail", qid="4ZcQ5b2Jt6z1Vy") + [
        "Message-ID: <682e8a4a.170a0220.2c7f1e.9b3d@mx.google.com>",
        f"Date: {rfc_date(c.received - timedelta(seconds=5))}",
        f"Subject: {enc('Báo cáo ngày 22/5')}",
        "Importance: normal",
        f"From: {addr('Nguyễn Văn An', 'nguyenvanan.skhcn@gmail.com')}",
        f"To: {OURS}",
        "MIME-Version: 1.0",
        f'Content-Type: multipart/alternative; boundary="{bnd}"',
    ]
    body = multipart(bnd, [part("text/plain", text, cte="base64", charset="UTF-8"),
                           part("text/html", htmlp, cte="base64", charset="UTF-8")])
    return assemble(h, body)


@case(
    "apple_mail_nfd_qp",
    "Apple Mail on macOS: decomposed (NFD) Vietnamese, quoted-printable; unit by short name 'ĐH Quy Nhơn'; weekly 'Tuần 22/2025'.",
    "2025-05-30T15:02:44+07:00",
    accepted("DHQN", "weekly", "2025-W22", "on_time", "2025-05-30T16:30:00+07:00", [
        T("NV11", "in_progress", 45, result_contains="thông qua chủ trương thành lập Trung tâm đổi mới sáng tạo",
          difficulties_contains="cơ chế tài chính", proposals="Đề nghị Sở KH&CN hướng dẫn."),
    ], sender="khcn@qnu.edu.vn", text_excludes=["Trương Văn Long"]),
)
def _c14(c: Case) -> bytes:
    text = unicodedata.normalize("NFD", """Đơn vị: ĐH Quy Nhơn
Loại báo cáo: Tuần
Kỳ báo cáo: Tuần 22/2025

Nhiệm vụ: NV11
Tình trạng: Đang triển khai
Tiến độ: 45%
Kết quả: Hội đồng trường đã thông qua chủ trương thành lập Trung tâm đổi mới sáng tạo.
Khó khăn, vướng mắc: Chưa có hướng dẫn về cơ chế tài chính cho trung tâm.
Đề xuất, kiến nghị: Đề nghị Sở KH&CN hướng dẫn.

Trương Văn Long
""")
    h = trace(c.received, "khcn@qnu.edu.vn", via="edu", qid="4ZfV2c7Mr9z5Xe") + [
        "Content-Type: text/plain;\n\tcharset=utf-8",
        "Content-Transfer-Encoding: quoted-printable",
        "Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3826.500.181.1.5\\))",
        f"Subject: {enc(unicodedata.normalize('NFD', 'Báo cáo tuần 22/2025 - ĐH Quy Nhơn'))}",
        "Message-Id: <5E2F1A3B-7C8D-4E9F-A0B1-C2D3E4F5A6B7@qnu.edu.vn>",
        f"Date: {rfc_date(c.received - timedelta(seconds=7))}",
        f"To: {OURS}",
        f"From: {addr(unicodedata.normalize('NFD', 'Trương Văn Long'), 'khcn@qnu.edu.vn')}",
        "X-Mailer: Apple Mail (2.3826.500.181.1.5)",
    ]
    return assemble(h, qp(text))


# ============================================================================================
# 2. How people write: diacritics, case, numbering, spacing, line ends, periods, tables


def simple_headers(c: Case, sender: str, name: str, subject: str, msgid: str, client: list[str],
                   ctype: str = 'text/plain; charset="utf-8"', cte: str = "quoted-printable",
                   via: str = "gov", date_tz: timezone = ICT) -> list[str]:
    h = trace(c.received, sender, via=via, qid="4ZdA" + msgid[:6].replace("<", "").replace("$", "x") + "z1")
    h += [
        f"From: {addr(name, sender)}",
        f"To: {OURS}",
        f"Subject: {enc(subject)}",
        f"Date: {rfc_date(c.received - timedelta(seconds=12), date_tz)}",
        f"Message-ID: <{msgid}>",
        "MIME-Version: 1.0",
        *client,
        f"Content-Type: {ctype}",
    ]
    if cte:
        h.append(f"Content-Transfer-Encoding: {cte}")
    return h


ROUNDCUBE = ["User-Agent: Roundcube Webmail/1.6.9"]
OUTLOOK16 = ["X-Mailer: Microsoft Outlook 16.0", "Thread-Index: AdvLc2xQ8x1ZbQ7mA3k2fQ8x1ZbQ7m==", "Content-Language: vi"]
ZIMBRA = ["X-Originating-IP: [10.20.1.45]",
          "X-Mailer: Zimbra 8.8.15_GA_4508 (ZimbraWebClient - GC136 (Win)/8.8.15_GA_4508)"]


@case(
    "roundcube_no_diacritics",
    "Roundcube webmail, US-ASCII format=flowed: everything typed without diacritics (labels, kind, period, statuses); sent after the Friday deadline.",
    "2025-05-23T16:45:10+07:00",
    accepted("STC", "weekly", "2025-W21", "late", W21, [
        T("NV02", "in_progress", 50, result_contains="18 so nganh", difficulties=None, proposals=None),
        T("NV10", "not_started", 0, notes_contains="cho BQL KKT gui phuong an"),
    ], sender="stc@binhdinh.gov.vn", summary="Trong tuan So da hoan thanh tong hop du toan bo sung."),
)
def _c15(c: Case) -> bytes:
    text = tb_flowed("""Kinh gui Van phong UBND tinh,

Don vi: STC
Loai bao cao: Tuan
Ky bao cao: Tuan 21/2025

Tinh hinh chung: Trong tuan So da hoan thanh tong hop du toan bo sung.

Nhiem vu: NV02
Tinh trang: Dang thuc hien
Tien do: 50%
Ket qua: Da tong hop nhu cau kinh phi cua 18 so nganh, trinh UBND tinh xem xet.
Kho khan, vuong mac: Khong
De xuat, kien nghi: Khong

Nhiem vu: NV10
Tinh trang: Chua thuc hien
Tien do: 0%
Ghi chu: Dang cho BQL KKT gui phuong an tai chinh.
""")
    h = simple_headers(c, "stc@binhdinh.gov.vn", "So Tai chinh", "Bao cao tuan 21 - STC",
                       "2c6f0e1b9a7d4c3e8f5a2b1c0d9e8f7a@binhdinh.gov.vn", ROUNDCUBE,
                       "text/plain; charset=US-ASCII;\n format=flowed", "7bit")
    return assemble(h, text)


@case(
    "outlook_uppercase_labels",
    "Outlook multipart/alternative with every label and most values in capitals ('ĐƠN VỊ: SỞ Y TẾ', 'TIẾN ĐỘ', 'KHÔNG').",
    "2025-05-22T15:00:03+07:00",
    accepted("SYT", "daily", "2025-05-22", "on_time", D22, [
        T("NV09", "in_progress", 50, result_contains="9/28 khoa", difficulties=None, proposals=None),
    ], sender="syt@binhdinh.gov.vn"),
)
def _c16(c: Case) -> bytes:
    lines = ["ĐƠN VỊ: SỞ Y TẾ", "LOẠI BÁO CÁO: NGÀY", "KỲ BÁO CÁO: 22/05/2025", "", "NHIỆM VỤ: NV09",
             "TÌNH TRẠNG: ĐANG THỰC HIỆN", "TIẾN ĐỘ: 50%",
             "KẾT QUẢ: Bệnh viện Đa khoa tỉnh mở rộng bệnh án điện tử lên 9/28 khoa.",
             "KHÓ KHĂN, VƯỚNG MẮC: KHÔNG", "ĐỀ XUẤT, KIẾN NGHỊ: KHÔNG"]
    bnd = "----=_NextPart_000_0013_01DBCB0E.8C4D2A10"
    h = simple_headers(c, "syt@binhdinh.gov.vn", "Huỳnh Thị Mai", "BÁO CÁO NGÀY 22/05/2025 - SỞ Y TẾ",
                       "001301dbcb0e$8c4d2a10$a4e77e30$@binhdinh.gov.vn", OUTLOOK16,
                       f'multipart/alternative;\n\tboundary="{bnd}"', "")
    body = multipart(bnd, [part("text/plain", "\n".join(lines) + "\n"), part("text/html", word_html(lines))],
                     preamble="This is a multipart message in MIME format.\n")
    return assemble(h, body, crlf=True)


@case(
    "zimbra_roman_bullets",
    "A report laid out like an official document: Roman-numbered sections in capitals, '1.'-numbered header lines, 'a) … đ)' and '•' bullets in front of labels, a result written as a '-' list on the lines below its label.",
    "2025-05-22T16:12:45+07:00",
    accepted("SNV", "daily", "2025-05-22", "on_time", D22, [
        T("NV07", "in_progress", 40, title_contains="cơ sở dữ liệu cán bộ",
          result_contains=["3.050/7.800 hồ sơ", "CSDL quốc gia về cán bộ, công chức"], difficulties=None, proposals=None),
        T("NV03", "in_progress", 95, result="Hoàn thành đối soát dữ liệu 11/11 huyện, thị xã, thành phố."),
    ], sender="snv@binhdinh.gov.vn",
       summary="Sở tiếp tục phối hợp với Công an tỉnh đồng bộ dữ liệu cán bộ, công chức.",
       text_excludes=["KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", "ĐỀ XUẤT, KIẾN NGHỊ CHUNG"]),
)
def _c17(c: Case) -> bytes:
    text = """BÁO CÁO TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ
(Theo Quyết định số 1841-QĐ/TU ngày 15/5/2025)

I. THÔNG TIN CHUNG
1. Đơn vị: Sở Nội vụ
2. Loại báo cáo: Ngày
3. Kỳ báo cáo: 22/05/2025

II. TÌNH HÌNH CHUNG
Sở tiếp tục phối hợp với Công an tỉnh đồng bộ dữ liệu cán bộ, công chức.

III. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ
1. Nhiệm vụ: NV07 - Xây dựng cơ sở dữ liệu cán bộ công chức viên chức
a) Tình trạng: Đang thực hiện
b) Tiến độ: 40%
c) Kết quả:
- Đã nhập liệu 3.050/7.800 hồ sơ;
- Đã kết nối thử nghiệm với CSDL quốc gia về cán bộ, công chức.
d) Khó khăn, vướng mắc: Không
đ) Đề xuất, kiến nghị: Không

2. Nhiệm vụ: NV03
• Tình trạng: Đang thực hiện
• Tiến độ: 95%
• Kết quả: Hoàn thành đối soát dữ liệu 11/11 huyện, thị xã, thành phố.

IV. ĐỀ XUẤT, KIẾN NGHỊ CHUNG
Không có.
"""
    h = simple_headers(c, "snv@binhdinh.gov.vn", "Võ Thanh Hải", "Báo cáo ngày 22/5/2025 - Sở Nội vụ",
                       "1093847562.4475521.1747905165012.JavaMail.zimbra@binhdinh.gov.vn", ZIMBRA,
                       "text/plain; charset=utf-8")
    return assemble(h, qp(text))


@case(
    "thunderbird_tabs_spaces_colon",
    "Thunderbird plain text where the writer aligned labels with tabs and spaces around the colon ('Tình trạng\\t:\\tĐang thực hiện', 'Tiến độ :  80 %'); unit by short name 'Sở GD&ĐT'.",
    "2025-05-23T09:30:00+07:00",
    accepted("SGDDT", "weekly", "2025-W21", "on_time", W21, [
        T("NV08", "in_progress", 80, result="Đã tập huấn sử dụng học bạ số cho 1.200 giáo viên.",
          difficulties=None, proposals=None),
    ], sender="sgddt@binhdinh.edu.vn"),
)
def _c18(c: Case) -> bytes:
    text = ("Đơn vị :\tSở GD&ĐT\nLoại báo cáo\t: Tuần\nKỳ báo cáo :  Tuần 21/2025\n\n"
            "Nhiệm vụ\t:\tNV08\nTình trạng\t:\tĐang thực hiện\nTiến độ :  80 %\n"
            "Kết quả  :  Đã tập huấn sử dụng học bạ số cho 1.200 giáo viên.\n"
            "Khó khăn, vướng mắc :\tKhông\nĐề xuất, kiến nghị :\tKhông\n")
    h = trace(c.received, "sgddt@binhdinh.edu.vn", qid="4ZdB9s1Nq2z6Yf") + [
        "Message-ID: <8a3c1f5e-2d7b-4e9a-b6c0-1f4e7a2d9c38@binhdinh.edu.vn>",
        f"Date: {rfc_date(c.received - timedelta(seconds=10))}",
        "MIME-Version: 1.0",
        "User-Agent: Mozilla Thunderbird",
        "Content-Language: vi",
        f"To: {OURS}",
        f"From: {enc_q('Đặng Quốc Huy')} <sgddt@binhdinh.edu.vn>",
        f"Subject: {enc_q('Báo cáo tuần 21 - Sở GD&ĐT')}",
        "Content-Type: text/plain; charset=UTF-8",
        "Content-Transfer-Encoding: 8bit",
    ]
    return assemble(h, text)


@case(
    "outlook_plain_crlf_nbsp",
    "Outlook plain text from the unit's second address: CRLF line ends, non-breaking spaces inside labels and before '%' (pasted from Word), a zero-width space, quoted-printable.",
    "2025-05-22T16:01:33+07:00",
    accepted("CAT", "daily", "2025-05-22", "on_time", D22, [
        T("NV03", "in_progress", 75, result_contains="1.148.020"),
        T("NV04", "in_progress", 66, result_contains="4.002 tài khoản"),
    ], sender="daumoi.de06@congan.binhdinh.gov.vn"),
)
def _c19(c: Case) -> bytes:
    nb = "\u00a0"
    text = (f"Đơn{nb}vị:{nb}CAT\r\nLoại báo cáo:{nb}Ngày\r\nKỳ{nb}báo{nb}cáo: 22/05/2025\r\n\r\n"
            f"Nhiệm vụ: NV03\r\nTình trạng:{nb}Đang thực hiện\r\nTiến{nb}độ:{nb}75{nb}%\r\n"
            f"Kết quả: Lũy kế làm sạch 1.148.020 trường hợp.\u200b\r\n\r\n"
            f"Nhiệm vụ: NV04\r\nTình trạng: Đang thực hiện\r\nTiến độ: 66{nb}%\r\n"
            f"Kết quả: Lũy kế 4.002 tài khoản kích hoạt trong ngày.\r\n")
    h = simple_headers(c, "daumoi.de06@congan.binhdinh.gov.vn", "Đội PC06 - Công an tỉnh",
                       "Báo cáo ngày 22/05/2025 - Công an tỉnh", "000601dbcb11$0f3e2d40$2dba87c0$@congan.binhdinh.gov.vn",
                       OUTLOOK16)
    return assemble(h, qp(text).replace("\n", "\r\n").replace("\r\r\n", "\r\n"), crlf=True)


@case(
    "evolution_multiline_blank_lines",
    "Evolution (Linux desktop): values on the lines below their label, with blank lines between paragraphs, a '-' list with a blank line inside; received one second before 16:30.",
    "2025-05-22T16:29:59+07:00",
    accepted("SKHCN", "daily", "2025-05-22", "on_time", D22, [
        T("NV01", "in_progress", 80,
          result_contains=["Sáng 22/5, Sở tổ chức hội nghị", "dự thảo Kế hoạch.\n\nChiều 22/5", "Dự kiến trình UBND tỉnh ngày 26/5/2025."],
          difficulties_contains=["- Một số chỉ tiêu chưa có số liệu nền;", "- Chưa thống nhất cơ quan chủ trì nhiệm vụ 7."],
          proposals="Đề nghị Cục Thống kê tỉnh cung cấp số liệu nền năm 2024."),
    ], sender="skhcn@binhdinh.gov.vn"),
)
def _c20(c: Case) -> bytes:
    text = """Đơn vị: SKHCN
Loại báo cáo: Ngày
Kỳ báo cáo: 22/05/2025

Nhiệm vụ: NV01
Tình trạng: Đang thực hiện
Tiến độ: 80%
Kết quả:
Sáng 22/5, Sở tổ chức hội nghị lấy ý kiến các sở, ngành về dự thảo Kế hoạch.

Chiều 22/5, Sở tiếp thu, chỉnh lý dự thảo theo 14 ý kiến góp ý.

Dự kiến trình UBND tỉnh ngày 26/5/2025.
Khó khăn, vướng mắc:
- Một số chỉ tiêu chưa có số liệu nền;

- Chưa thống nhất cơ quan chủ trì nhiệm vụ 7.
Đề xuất, kiến nghị: Đề nghị Cục Thống kê tỉnh cung cấp số liệu nền năm 2024.
"""
    h = simple_headers(c, "skhcn@binhdinh.gov.vn", "Nguyễn Văn An", "Báo cáo ngày 22/05/2025",
                       "4a1b2c3d5e6f7081928374655647382910abcdef.camel@binhdinh.gov.vn",
                       ["X-Mailer: Evolution 3.52.3-0ubuntu1"], "text/plain; charset=\"UTF-8\"", "8bit")
    return assemble(h, text)


@case(
    "statuses_negated_compound",
    "Negated and compound statuses: 'Chưa hoàn thành' is not done, and does not say whether work started (SPEC §5.1: no status recorded, a warning quotes it); 'Hoàn thành trễ hạn' is done (progress 100 when not given); 'Tạm ngưng (chờ …)' is paused; 'Trạng thái' as the status label.",
    "2025-05-23T14:00:00+07:00",
    accepted("VPUB", "weekly", "2025-W21", "on_time", W21, [
        T("NV12", None, 80, result_contains="138 thủ tục"),
        T("NV01", "completed", 100, result_contains="chậm 01 ngày"),
        T("NV06", "paused", 55),
    ], sender="vpub@binhdinh.gov.vn", warnings=["status_uncertain:NV12"]),
)
def _c21(c: Case) -> bytes:
    text = """Đơn vị: VPUB
Loại báo cáo: Tuần
Kỳ báo cáo: Tuần 21/2025

Nhiệm vụ: NV12
Tình trạng: Chưa hoàn thành
Tiến độ: 80%
Kết quả: Còn 138 thủ tục chưa rà soát xong.

Nhiệm vụ: NV01
Trạng thái: Hoàn thành trễ hạn
Kết quả: Kế hoạch đã ban hành ngày 21/5/2025 (chậm 01 ngày so với dự kiến).

Nhiệm vụ: NV06
Trạng thái: Tạm ngưng (chờ bố trí kinh phí)
Tiến độ: 55%
"""
    h = simple_headers(c, "vpub@binhdinh.gov.vn", "Phạm Thị Hồng Nhung", "Báo cáo tuần 21/2025 - VP UBND tỉnh",
                       "001a01dbcbc7$4d5e6f70$e81b4a50$@binhdinh.gov.vn", OUTLOOK16)
    return assemble(h, qp(text), crlf=True)


@case(
    "weekly_tuan_thu_nam",
    "Weekly period written 'Tuần thứ 21 năm 2025'; received one minute after Friday 16:30 (late).",
    "2025-05-23T16:31:00+07:00",
    accepted("TTHCC", "weekly", "2025-W21", "late", W21, [
        T("NV06", "in_progress", 90, result_contains="6.412 hồ sơ"),
    ], sender="tthcc@binhdinh.gov.vn"),
)
def _c22(c: Case) -> bytes:
    text = ("Đơn vị: Trung tâm Phục vụ hành chính công tỉnh\nLoại báo cáo: Tuần\nKỳ báo cáo: Tuần thứ 21 năm 2025\n\n"
            "Nhiệm vụ: NV06\nTình trạng: Đang thực hiện\nTiến độ: 90%\n"
            "Kết quả: Trong tuần tiếp nhận 6.412 hồ sơ, 91% trực tuyến.\n")
    h = simple_headers(c, "tthcc@binhdinh.gov.vn", "TT Phục vụ HCC tỉnh", "Báo cáo tuần 21 - TTPVHCC",
                       "001c01dbcbd9$1a2b3c4d$5e6f7a8b$@binhdinh.gov.vn", OUTLOOK16)
    return assemble(h, qp(text), crlf=True)


@case(
    "weekly_any_date_in_week",
    "Weekly report whose period is written as a date inside the week ('Kỳ báo cáo: 21/05/2025' with 'Loại báo cáo: Tuần'); 'Chưa triển khai' is not started.",
    "2025-05-23T16:05:00+07:00",
    accepted("CAT", "weekly", "2025-W21", "on_time", W21, [
        T("NV03", "in_progress", 74),
        T("NV12", "not_started", 0, notes_contains="Chờ Văn phòng UBND tỉnh"),
    ], sender="daumoi.de06@congan.binhdinh.gov.vn"),
)
def _c23(c: Case) -> bytes:
    text = ("Đơn vị: CAT\nLoại báo cáo: Tuần\nKỳ báo cáo: 21/05/2025\n\n"
            "Nhiệm vụ: NV03\nTình trạng: Đang thực hiện\nTiến độ: 74%\n\n"
            "Nhiệm vụ: NV12\nTình trạng: Chưa triển khai\nTiến độ: 0%\n"
            "Ghi chú: Chờ Văn phòng UBND tỉnh ban hành danh mục.\n")
    h = simple_headers(c, "daumoi.de06@congan.binhdinh.gov.vn", "Đội PC06 - Công an tỉnh",
                       "Báo cáo tuần - Công an tỉnh", "000b01dbcbd6$7c8d9e0f$a1b2c3d4$@congan.binhdinh.gov.vn", OUTLOOK16)
    return assemble(h, qp(text), crlf=True)


@case(
    "monthly_thang_late",
    "Monthly report 'Kỳ báo cáo: Tháng 5/2025' sent on Monday 02/06 after 16:30 (the deadline of 31/05, a Saturday, moved to 02/06): late; 'Đã hoàn thành' with an explicit 100%.",
    "2025-06-02T17:00:00+07:00",
    accepted("SKHCN", "monthly", "2025-05", "late", M05, [
        T("NV01", "completed", 100, result_contains="88/KH-UBND"),
        T("NV06", "in_progress", 45),
    ], sender="skhcn@binhdinh.gov.vn", summary_contains="Trong tháng 5/2025"),
)
def _c24(c: Case) -> bytes:
    text = tb_flowed("""Đơn vị: SKHCN
Loại báo cáo: Tháng
Kỳ báo cáo: Tháng 5/2025

Tình hình chung: Trong tháng 5/2025, Sở hoàn thành tham mưu ban hành Kế hoạch triển khai Nghị quyết 57-NQ/TW.

Nhiệm vụ: NV01
Tình trạng: Đã hoàn thành
Tiến độ: 100%
Kết quả: Kế hoạch số 88/KH-UBND ngày 21/5/2025.

Nhiệm vụ: NV06
Tình trạng: Đang thực hiện
Tiến độ: 45%
""")
    h = trace(c.received, "skhcn@binhdinh.gov.vn", qid="4ZfW0d3Ps6z8Zg") + [
        "Message-ID: <c4e8a2f1-6b9d-4a3c-8e7f-0d2b5a9c1e64@binhdinh.gov.vn>",
        f"Date: {rfc_date(c.received - timedelta(seconds=9))}",
        "MIME-Version: 1.0", "User-Agent: Mozilla Thunderbird", "Content-Language: vi", f"To: {OURS}",
        f"From: {addr('Nguyễn Văn An', 'skhcn@binhdinh.gov.vn')}",
        f"Subject: {enc_q('Báo cáo tháng 5/2025 - Sở KH&CN')}",
        "Content-Type: text/plain; charset=UTF-8; format=flowed", "Content-Transfer-Encoding: 8bit",
    ]
    return assemble(h, text)


@case(
    "monthly_numeric_formal_letter",
    "Monthly period written '05/2025'; a letter-style mail with the agency heading, 'Kính gửi:' and a 'Nơi nhận:' block that must not leak into the last value; summary on the lines below its heading.",
    "2025-05-30T15:00:00+07:00",
    accepted("VPTU", "monthly", "2025-05", "on_time", M05, [
        T("NV05", "in_progress", 42, result="Lũy kế số hóa 212.000 trang tài liệu.",
          difficulties="Nhân lực thực hiện số hóa còn mỏng.", proposals="Đề nghị bổ sung 02 hợp đồng lao động."),
    ], sender="vptu@binhdinh.org.vn", summary_contains="số hóa tài liệu lưu trữ các phông đã giải thể",
       text_excludes=["Lưu: VT", "Như trên"]),
)
def _c25(c: Case) -> bytes:
    text = """VĂN PHÒNG TỈNH ỦY BÌNH ĐỊNH

Kính gửi: Kênh báo cáo điện tử – UBND tỉnh

Đơn vị: VPTU
Loại báo cáo: Tháng
Kỳ báo cáo: 05/2025

Tình hình chung:
Trong tháng 5/2025, Văn phòng Tỉnh ủy tập trung số hóa tài liệu lưu trữ các phông đã giải thể.

Nhiệm vụ: NV05
Tình trạng: Đang thực hiện
Tiến độ: 42%
Kết quả: Lũy kế số hóa 212.000 trang tài liệu.
Khó khăn, vướng mắc: Nhân lực thực hiện số hóa còn mỏng.
Đề xuất, kiến nghị: Đề nghị bổ sung 02 hợp đồng lao động.

Nơi nhận:
- Như trên;
- Lưu: VT, P.HC.
"""
    h = simple_headers(c, "vptu@binhdinh.org.vn", "Đỗ Thị Lan", "Báo cáo tháng 5/2025 - Văn phòng Tỉnh ủy",
                       "002201dbd13e$6a7b8c9d$0e1f2a3b$@binhdinh.org.vn",
                       ["X-Mailer: Microsoft Office Outlook 14.0", "Content-Language: vi"])
    return assemble(h, qp(text), crlf=True)


@case(
    "subject_only_weekly",
    "Kind and period only in the subject ('Báo cáo tuần 21/2025 - Sở Tài chính'); the body has a greeting, one task and no header labels; the unit comes from the sender.",
    "2025-05-23T15:30:00+07:00",
    accepted("STC", "weekly", "2025-W21", "on_time", W21, [
        T("NV02", "in_progress", 55, result_contains="45 tỷ đồng"),
    ], sender="stc@binhdinh.gov.vn", summary=None, text_excludes=["Trân trọng"]),
)
def _c26(c: Case) -> bytes:
    lines = ["Kính gửi Văn phòng UBND tỉnh,", "Sở Tài chính báo cáo tiến độ thực hiện nhiệm vụ trong tuần như sau:", "",
             "Nhiệm vụ: NV02", "Tình trạng: Đang thực hiện", "Tiến độ: 55%",
             "Kết quả: Đã trình UBND tỉnh phương án phân bổ 45 tỷ đồng kinh phí sự nghiệp KH&CN.", "", "Trân trọng."]
    bnd = "----=_NextPart_000_0021_01DBCBD8.2E3F4A50"
    h = simple_headers(c, "stc@binhdinh.gov.vn", "Trần Thị Bích Ngọc", "Báo cáo tuần 21/2025 - Sở Tài chính",
                       "002101dbcbd8$2e3f4a50$8abcdef0$@binhdinh.gov.vn", OUTLOOK16,
                       f'multipart/alternative;\n\tboundary="{bnd}"', "")
    body = multipart(bnd, [part("text/plain", "\n".join(lines) + "\n"), part("text/html", word_html(lines))],
                     preamble="This is a multipart message in MIME format.\n")
    return assemble(h, body, crlf=True)


@case(
    "subject_only_daily_bc",
    "Kind and period only in the subject, abbreviated: 'BC ngày 22/5/2025 – Sở Y tế (NV09)'; the body is one task block.",
    "2025-05-22T16:20:00+07:00",
    accepted("SYT", "daily", "2025-05-22", "on_time", D22, [
        T("NV09", "in_progress", 52, result_contains="Bệnh viện Y học cổ truyền"),
    ], sender="syt@binhdinh.gov.vn"),
)
def _c27(c: Case) -> bytes:
    text = ("Nhiệm vụ: NV09\nTình trạng: Đang thực hiện\nTiến độ: 52%\n"
            "Kết quả: Bệnh viện Y học cổ truyền hoàn thành lắp đặt máy chủ bệnh án điện tử.\n")
    h = simple_headers(c, "syt@binhdinh.gov.vn", "Huỳnh Thị Mai", "BC ngày 22/5/2025 – Sở Y tế (NV09)",
                       "1538204719.4476102.1747905600413.JavaMail.zimbra@binhdinh.gov.vn", ZIMBRA,
                       "text/plain; charset=utf-8")
    return assemble(h, qp(text))


@case(
    "period_in_words",
    "Period written in words 'ngày 22 tháng 5 năm 2025', kind 'Báo cáo ngày'; Outlook multipart/alternative.",
    "2025-05-22T15:45:00+07:00",
    accepted("SNV", "daily", "2025-05-22", "on_time", D22, [T("NV07", "in_progress", 42)], sender="snv@binhdinh.gov.vn"),
)
def _c28(c: Case) -> bytes:
    lines = ["Đơn vị: Sở Nội vụ", "Loại báo cáo: Báo cáo ngày", "Kỳ báo cáo: ngày 22 tháng 5 năm 2025", "",
             "Nhiệm vụ: NV07", "Tình trạng: Đang thực hiện", "Tiến độ: 42%",
             "Kết quả: Đã nhập liệu 3.280/7.800 hồ sơ."]
    bnd = "----=_NextPart_000_0007_01DBCB10.6F7A8B90"
    h = simple_headers(c, "snv@binhdinh.gov.vn", "Võ Thanh Hải", "Báo cáo ngày 22 tháng 5 năm 2025",
                       "000701dbcb10$6f7a8b90$4e5d6c7b$@binhdinh.gov.vn", OUTLOOK16,
                       f'multipart/alternative;\n\tboundary="{bnd}"', "")
    body = multipart(bnd, [part("text/plain", "\n".join(lines) + "\n"), part("text/html", word_html(lines))],
                     preamble="This is a multipart message in MIME format.\n")
    return assemble(h, body, crlf=True)


@case(
    "period_iso_date",
    "Period as an ISO date '2025-05-22' (copied from an exported template); Roundcube.",
    "2025-05-22T10:00:00+07:00",
    accepted("TTHCC", "daily", "2025-05-22", "on_time", D22, [T("NV06", "in_progress", 90)], sender="tthcc@binhdinh.gov.vn"),
)
def _c29(c: Case) -> bytes:
    text = "Đơn vị: TTHCC\nLoại báo cáo: Ngày\nKỳ báo cáo: 2025-05-22\n\nNhiệm vụ: NV06\nTình trạng: Đang thực hiện\nTiến độ: 90%\n"
    h = simple_headers(c, "tthcc@binhdinh.gov.vn", "TT Phục vụ HCC tỉnh", "Bao cao ngay 2025-05-22",
                       "7e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b@binhdinh.gov.vn", ROUNDCUBE,
                       "text/plain; charset=UTF-8;\n format=flowed", "8bit")
    return assemble(h, text)


@case(
    "period_dashes_gmail_ios",
    "Gmail app on iPhone: period '22-05-2025', kind 'ngày' in lower case, progress '68 %'.",
    "2025-05-22T14:55:00+07:00",
    accepted("CAT", "daily", "2025-05-22", "on_time", D22, [T("NV04", "in_progress", 68)],
             sender="daumoi.de06@congan.binhdinh.gov.vn"),
)
def _c30(c: Case) -> bytes:
    new = ["Đơn vị: CAT", "Loại báo cáo: ngày", "Kỳ báo cáo: 22-05-2025", "", "Nhiệm vụ: NV04",
           "Tình trạng: đang thực hiện", "Tiến độ: 68 %", "Kết quả: Kích hoạt thêm 2.870 tài khoản."]
    return gmail_message(c, "daumoi.de06@congan.binhdinh.gov.vn", "Đội PC06", "Báo cáo 22-05-2025", new, None, None,
                         "CAKm2Pq9xTz4+Rw7nLs1vB8cD3eF6gH0jK5lM2nP9qS4tU7wX1yZ", via="gmail")


def make_xlsx() -> bytes:
    os.environ.setdefault("OPENPYXL_LXML", "False")  # the same XLSX bytes with or without lxml
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Báo cáo"
    ws["A1"] = "BÁO CÁO TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ (Quyết định 1841-QĐ/TU)"
    ws["A1"].font = Font(bold=True, size=13)
    ws.merge_cells("A1:I1")
    ws["A2"], ws["B2"] = "Đơn vị:", "Sở Y tế"
    ws["A3"], ws["B3"] = "Loại báo cáo:", "Tuần"
    ws["A4"], ws["B4"] = "Kỳ báo cáo:", "Tuần 21/2025"
    header = ["STT", "Mã nhiệm vụ", "Tên nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Kết quả",
              "Khó khăn, vướng mắc", "Đề xuất, kiến nghị", "Ghi chú"]
    ws.append([])
    ws.append(header)
    for cell in ws[6]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center")
    ws.append([1, "NV09", TITLES["NV09"], "Đang thực hiện", 75,
               "Bệnh viện Đa khoa tỉnh triển khai bệnh án điện tử tại 21/28 khoa.",
               "Thiếu 40 máy tính bảng cho điều dưỡng.", "Đề nghị Sở Tài chính bổ sung kinh phí mua sắm.", None])
    ws.append([2, "NV03", TITLES["NV03"], "Hoàn thành", 1.0,
               "Đã đối soát xong 100% hồ sơ khám chữa bệnh với CSDL dân cư.", "Không", "Không", "Phối hợp Công an tỉnh"])
    ws["E8"].number_format = "0%"
    ws.append([3, None, None, None, None, None, None, None, None])
    wb.properties.creator = "Huỳnh Thị Mai"
    wb.properties.created = datetime(2025, 5, 23, 13, 50, 0)
    wb.properties.modified = datetime(2025, 5, 23, 14, 5, 0)
    buf = io.BytesIO()
    wb.save(buf)
    return zip_fixed(buf.getvalue())


@case(
    "xlsx_attachment_outlook",
    "Outlook multipart/mixed: a short cover note plus an .xlsx template (title row, Đơn vị/Loại/Kỳ rows above the SPEC §5 header row, an STT and a title column, a percent-formatted 100% cell, an empty numbered row); RFC 2047 encoded Vietnamese file name.",
    "2025-05-23T14:10:00+07:00",
    accepted("SYT", "weekly", "2025-W21", "on_time", W21, [
        T("NV09", "in_progress", 75, result_contains="21/28 khoa", difficulties_contains="40 máy tính bảng",
          proposals_contains="bổ sung kinh phí mua sắm"),
        T("NV03", "completed", 100, difficulties=None, proposals=None, notes="Phối hợp Công an tỉnh"),
    ], sender="syt@binhdinh.gov.vn", summary=None, text_excludes=["Trân trọng"]),
)
def _c31(c: Case) -> bytes:
    cover = ["Kính gửi Kênh báo cáo điện tử,", "", "Sở Y tế gửi báo cáo tuần 21/2025 theo file đính kèm.", "",
             "Trân trọng,", "Huỳnh Thị Mai"]
    alt = "----=_NextPart_001_0015_01DBCBC9.1F2E3D40"
    mixed = "----=_NextPart_000_0014_01DBCBC9.1F2E3D40"
    inner = f'Content-Type: multipart/alternative;\n\tboundary="{alt}"\n\n' + multipart(
        alt, [part("text/plain", "\n".join(cover) + "\n"), part("text/html", word_html(cover))])
    xl = attachment("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "Báo cáo tuần 21 - Sở Y tế.xlsx", make_xlsx())
    h = simple_headers(c, "syt@binhdinh.gov.vn", "Huỳnh Thị Mai", "Báo cáo tuần 21 - Sở Y tế",
                       "001401dbcbc9$1f2e3d40$5d6c7b8a$@binhdinh.gov.vn", OUTLOOK16,
                       f'multipart/mixed;\n\tboundary="{mixed}"', "")
    body = multipart(mixed, [inner, xl], preamble="This is a multipart message in MIME format.\n")
    return assemble(h, body, crlf=True)


@case(
    "csv_attachment_cp1258",
    "Zimbra mail with a .csv saved by Excel on Vietnamese Windows (windows-1258 with combining tones, ';' separated, sent as application/vnd.ms-excel); the header lines are in the body, the tasks in the CSV.",
    "2025-05-22T16:25:00+07:00",
    accepted("STC", "daily", "2025-05-22", "on_time", D22, [
        T("NV02", "in_progress", 60, result="Đã thẩm định dự toán của 12/18 đơn vị", difficulties=None, proposals=None),
        T("NV10", "in_progress", 30, result_contains="trung tâm dữ liệu", notes="Phối hợp BQL KKT"),
    ], sender="stc@binhdinh.gov.vn", summary=None),
)
def _c32(c: Case) -> bytes:
    csv_text = ("Mã nhiệm vụ;Tình trạng;Tiến độ (%);Kết quả;Khó khăn, vướng mắc;Đề xuất, kiến nghị;Ghi chú\r\n"
                "NV02;Đang thực hiện;60;Đã thẩm định dự toán của 12/18 đơn vị;Không;Không;\r\n"
                "NV10;Đang thực hiện;30;Thẩm định phương án tài chính dự án trung tâm dữ liệu;Không;Không;Phối hợp BQL KKT\r\n")
    text = ("Đơn vị: STC\nLoại báo cáo: Ngày\nKỳ báo cáo: 22/05/2025\n\n"
            "Sở Tài chính gửi bảng tiến độ đính kèm.\n")
    bnd = "=_3b9e7d1c-4a2f-4e6b-9c8d-7a1f0e2d5b63"
    h = zimbra_headers(c, "stc@binhdinh.gov.vn", "Trần Thị Bích Ngọc", "Báo cáo ngày 22/05/2025 - STC (file CSV)",
                       "702938475.4476390.1747905900122", f'multipart/mixed; \n\tboundary="{bnd}"')
    body = multipart(bnd, [part("text/plain", text), attachment("application/vnd.ms-excel", "tien_do_22_05_2025.csv",
                                                                to_cp1258(csv_text))])
    return assemble(h, body)


def word_table(rows: list[list[str]]) -> str:
    out = ['<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none">']
    for i, r in enumerate(rows):
        out.append(f'<tr style="mso-yfti-irow:{i}">')
        for cell in r:
            txt = html.escape(cell) if cell else "<o:p>&nbsp;</o:p>"
            b = ("<b>", "</b>") if i == 0 else ("", "")
            out.append(f'<td width="120" valign="top" style="width:90.0pt;border:solid windowtext 1.0pt;padding:0in 5.4pt 0in 5.4pt">\n'
                       f'<p class="MsoNormal">{b[0]}<span lang="VI">{_wrap_src(txt)}<o:p></o:p></span>{b[1]}</p>\n</td>')
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)


SPEC_HEADER = ["Mã nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Kết quả", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị", "Ghi chú"]


@case(
    "outlook_html_table_pasted",
    "Outlook HTML-only mail with the task list pasted from Word as a table (MsoTableGrid, <p> inside every cell) under the SPEC §5 header row; header labels as paragraphs above.",
    "2025-05-22T15:20:00+07:00",
    accepted("CAT", "daily", "2025-05-22", "on_time", D22, [
        T("NV03", "in_progress", 76, result="Lũy kế làm sạch 1.160.400 trường hợp", difficulties=None, proposals=None),
        T("NV04", "in_progress", 69, result_contains="tài khoản", notes="Số liệu đến 15h00"),
    ], sender="pc06.cat@binhdinh.gov.vn"),
)
def _c33(c: Case) -> bytes:
    table = word_table([SPEC_HEADER,
                        ["NV03", "Đang thực hiện", "76", "Lũy kế làm sạch 1.160.400 trường hợp", "Không", "Không", ""],
                        ["NV04", "Đang thực hiện", "69%", "Kích hoạt mới 2.950 tài khoản", "Không", "Không", "Số liệu đến 15h00"]])
    paras = ["Đơn vị: CAT", "Loại báo cáo: Ngày", "Kỳ báo cáo: 22/05/2025", "", table, "", "Lê Minh Tuấn"]
    h = simple_headers(c, "pc06.cat@binhdinh.gov.vn", "Lê Minh Tuấn", "Báo cáo ngày 22/5/2025",
                       "000f01dbcb0d$3a4b5c6d$7e8f9a0b$@binhdinh.gov.vn", OUTLOOK16, 'text/html; charset="utf-8"')
    return assemble(h, qp(word_html(paras)), crlf=True)


@case(
    "gmail_html_table_pasted",
    "Gmail with a range pasted from Google Sheets: the HTML part holds the table (data-sheets markup, header row 'Mã nhiệm vụ | Tình trạng | Tiến độ (%) …'), the plain part the same cells tab-separated.",
    "2025-05-23T16:10:00+07:00",
    accepted("SKHCN", "weekly", "2025-W21", "on_time", W21, [
        T("NV01", "completed", 100, result_contains="88/KH-UBND"),
        T("NV06", "in_progress", 45, difficulties="Đường truyền chập chờn"),
    ], sender="nguyenvanan.skhcn@gmail.com"),
)
def _c34(c: Case) -> bytes:
    rows = [SPEC_HEADER,
            ["NV01", "Hoàn thành", "100", "Kế hoạch số 88/KH-UBND đã ban hành", "Không", "Không", ""],
            ["NV06", "Đang thực hiện", "45%", "Nâng cấp máy chủ cổng dịch vụ công", "Đường truyền chập chờn", "Không", ""]]
    head = ["Đơn vị: SKHCN", "Loại báo cáo: Tuần", "Kỳ báo cáo: Tuần 21/2025", ""]
    plain = "\n".join(head) + "\n" + "\n".join("\t".join(r) for r in rows) + "\n"
    cells = []
    for r in rows:
        tds = "".join(f'<td style="overflow:hidden;padding:2px 3px;vertical-align:bottom;border:1px solid rgb(0,0,0)">{html.escape(x)}</td>'
                      if x else '<td style="overflow:hidden;padding:2px 3px;vertical-align:bottom;border:1px solid rgb(0,0,0)"></td>' for x in r)
        cells.append(f'<tr style="height:21px">{tds}</tr>')
    table = ('<table cellspacing="0" cellpadding="0" dir="ltr" border="1" style="table-layout:fixed;font-size:10pt;'
             'font-family:Arial;width:0px;border-collapse:collapse;border:none" data-sheets-root="1"><colgroup>'
             + '<col width="100">' * 7 + "</colgroup><tbody>" + "".join(cells) + "</tbody></table>")
    return gmail_message(c, "nguyenvanan.skhcn@gmail.com", "Nguyễn Văn An", "Báo cáo tuần 21/2025 - SKHCN", head, None, None,
                         "CAJ7x9vP5sTr+Wm2XyZ8T4fA1bC5dE6fG7hI8jK9lM0nO1pQr9z", html_extra=table, plain_override=plain)


# ============================================================================================
# 3. Reason codes, warning codes and bad input


def report_text(unit: str, kind: str, period: str, tasks: list[tuple[str, str, str]]) -> str:
    out = [f"Đơn vị: {unit}", f"Loại báo cáo: {kind}", f"Kỳ báo cáo: {period}", ""]
    for code, status, progress in tasks:
        out += [f"Nhiệm vụ: {code}", f"Tình trạng: {status}", f"Tiến độ: {progress}", ""]
    return "\n".join(out)


@case(
    "reject_unknown_sender",
    "A complete report from a focal point's personal Yahoo address, which is not in the units list: rejected, never answered.",
    "2025-05-22T15:10:00+07:00",
    rejected("unknown_sender", sender="tuan.le1985@yahoo.com.vn", unit=None),
)
def _c40(c: Case) -> bytes:
    text = report_text("CAT", "Ngày", "22/05/2025", [("NV03", "Đang thực hiện", "75%")])
    bnd = "----=_Part_2841907_1180236461.1747901400123"
    h = trace(c.received, "tuan.le1985@yahoo.com.vn", via="yahoo", qid="4ZdC2t7Pr4z9Ah") + [
        f"Date: {rfc_date(c.received - timedelta(seconds=6), UTC)}",
        f"From: {addr('Lê Minh Tuấn', 'tuan.le1985@yahoo.com.vn')}",
        f"To: {OURS}",
        "Message-ID: <1518342907.2841908.1747901400456@mail.yahoo.com>",
        f"Subject: {enc('Báo cáo ngày 22/5 - CA tỉnh')}",
        "MIME-Version: 1.0",
        f'Content-Type: multipart/alternative; boundary="{bnd}"',
        "X-Mailer: WebService/1.1.23772 YMailNorrin",
    ]
    body = multipart(bnd, [part("text/plain", text, charset="UTF-8"),
                           part("text/html", "<html><body><div>" + html_lines(text.split("\n")) + "</div></body></html>", charset="UTF-8")])
    return assemble(h, body)


@case(
    "reject_unknown_unit",
    "A known focal point names a unit that is not in the list ('Sở Du lịch'): rejected unknown_unit.",
    "2025-05-22T15:12:00+07:00",
    rejected("unknown_unit", sender="skhcn@binhdinh.gov.vn", unit=None),
)
def _c41(c: Case) -> bytes:
    text = report_text("Sở Du lịch", "Ngày", "22/05/2025", [("NV01", "Đang thực hiện", "80%")])
    h = simple_headers(c, "skhcn@binhdinh.gov.vn", "Nguyễn Văn An", "Báo cáo ngày 22/05/2025",
                       "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d@binhdinh.gov.vn", ["User-Agent: Mozilla Thunderbird"],
                       "text/plain; charset=UTF-8; format=flowed", "8bit")
    return assemble(h, text)


@case(
    "reject_unit_not_allowed",
    "The Finance department's focal point reports for SKHCN (a unit it does not serve): rejected unit_not_allowed, the named unit is reported.",
    "2025-05-22T15:14:00+07:00",
    rejected("unit_not_allowed", sender="stc@binhdinh.gov.vn", unit="SKHCN"),
)
def _c42(c: Case) -> bytes:
    text = report_text("SKHCN", "Ngày", "22/05/2025", [("NV01", "Đang thực hiện", "80%")])
    h = simple_headers(c, "stc@binhdinh.gov.vn", "Trần Thị Bích Ngọc", "Báo cáo hộ Sở KH&CN",
                       "002401dbcb0f$1b2c3d4e$5f6a7b8c$@binhdinh.gov.vn", OUTLOOK16)
    return assemble(h, qp(text), crlf=True)


@case(
    "reject_shared_address_no_unit",
    "An address that serves two units (VPUB and TTHCC) sends a report without 'Đơn vị': it must name the unit, so rejected unknown_unit.",
    "2025-05-23T15:00:00+07:00",
    rejected("unknown_unit", sender="cntt.vpub@binhdinh.gov.vn", unit=None, sender_units=["VPUB", "TTHCC"]),
)
def _c43(c: Case) -> bytes:
    text = "Loại báo cáo: Tuần\nKỳ báo cáo: Tuần 21/2025\n\nNhiệm vụ: NV06\nTình trạng: Đang thực hiện\nTiến độ: 90%\n"
    h = simple_headers(c, "cntt.vpub@binhdinh.gov.vn", "Phòng CNTT - VP UBND tỉnh", "Báo cáo tuần 21",
                       "1667203948.4481277.1747987200551.JavaMail.zimbra@binhdinh.gov.vn", ZIMBRA,
                       "text/plain; charset=utf-8")
    return assemble(h, qp(text))


@case(
    "shared_address_names_unit",
    "The shared address names the unit by its full name ('Trung tâm Phục vụ hành chính công tỉnh'): accepted for TTHCC.",
    "2025-05-23T15:05:00+07:00",
    accepted("TTHCC", "weekly", "2025-W21", "on_time", W21, [T("NV06", "in_progress", 90)],
             sender="cntt.vpub@binhdinh.gov.vn", sender_units=["VPUB", "TTHCC"]),
)
def _c44(c: Case) -> bytes:
    text = ("Đơn vị: Trung tâm Phục vụ hành chính công tỉnh\nLoại báo cáo: Tuần\nKỳ báo cáo: Tuần 21/2025\n\n"
            "Nhiệm vụ: NV06\nTình trạng: Đang thực hiện\nTiến độ: 90%\n")
    h = simple_headers(c, "cntt.vpub@binhdinh.gov.vn", "Phòng CNTT - VP UBND tỉnh", "Báo cáo tuần 21 - TTPVHCC",
                       "1667203949.4481301.1747987500112.JavaMail.zimbra@binhdinh.gov.vn", ZIMBRA,
                       "text/plain; charset=utf-8")
    return assemble(h, qp(text))


def fake_pdf(seed: int, size: int) -> bytes:
    head = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n"
    return head + rand_bytes(seed, size - len(head) - 6) + b"\n%%EOF"


@case(
    "reject_not_a_report_pdf",
    "A known focal point sends an official letter as a PDF with a one-line cover note: nothing usable, rejected not_a_report.",
    "2025-05-22T09:40:00+07:00",
    rejected("not_a_report", sender="skhcn@binhdinh.gov.vn", unit="SKHCN"),
)
def _c45(c: Case) -> bytes:
    bnd = "------------Xq7Lm2Pv9Rt4Ws1Yz6Bc3Dn8"
    cover = tb_flowed("Kính gửi Văn phòng UBND tỉnh,\n\nSở KH&CN gửi Công văn số 512/SKHCN-QLCN về việc góp ý dự thảo quy chế (file đính kèm).\n\nTrân trọng.\n")
    body = multipart(bnd, [
        "Content-Type: text/plain; charset=UTF-8; format=flowed\nContent-Transfer-Encoding: 8bit\n\n" + cover,
        attachment("application/pdf", "512-SKHCN-QLCN.pdf", fake_pdf(7, 3000)),
    ], preamble="This is a multi-part message in MIME format.")
    h = simple_headers(c, "skhcn@binhdinh.gov.vn", "Nguyễn Văn An", "Công văn 512/SKHCN-QLCN",
                       "9e8d7c6b-5a4f-4e3d-a2c1-b0a9f8e7d6c5@binhdinh.gov.vn", ["User-Agent: Mozilla Thunderbird"],
                       f'multipart/mixed; boundary="{bnd}"', "")
    return assemble(h, body)


@case(
    "reject_auth_failed",
    "Strict policy (instance/strict.toml): a forged mail in the name of SKHCN from an outside IP; our MX says spf=fail, dmarc=fail; a sender-inserted 'pass' from an untrusted authserv-id must not count.",
    "2025-05-22T15:16:00+07:00",
    rejected("auth_failed", sender="skhcn@binhdinh.gov.vn", unit=None),
    config="instance/strict.toml",
)
def _c46(c: Case) -> bytes:
    text = report_text("SKHCN", "Ngày", "22/05/2025", [("NV01", "Hoàn thành", "100%")])
    h = trace(c.received, "skhcn@binhdinh.gov.vn", via="external", auth="fail", qid="4ZdD8u1Qs5z0Bi") + [
        "Authentication-Results: mail.binhdinh.gov.vn; dkim=pass header.d=binhdinh.gov.vn; spf=pass; dmarc=pass",
        f"From: {addr('Nguyễn Văn An', 'skhcn@binhdinh.gov.vn')}",
        f"To: {OURS}",
        f"Subject: {enc('Báo cáo ngày 22/05/2025')}",
        f"Date: {rfc_date(c.received - timedelta(seconds=3))}",
        "Message-ID: <20250522081600.3F2A1B@desktop-7k2m9q>",
        "MIME-Version: 1.0",
        'Content-Type: text/plain; charset="utf-8"',
        "Content-Transfer-Encoding: 8bit",
        "X-Mailer: PHPMailer 6.8.1 (https://github.com/PHPMailer/PHPMailer)",
    ]
    return assemble(h, text)


@case(
    "accepted_auth_pass_strict",
    "Strict policy (instance/strict.toml): the same kind of report with dkim/spf/dmarc=pass from our trusted MX is accepted.",
    "2025-05-22T15:18:00+07:00",
    accepted("SKHCN", "daily", "2025-05-22", "on_time", D22, [T("NV01", "in_progress", 85)], sender="skhcn@binhdinh.gov.vn"),
    config="instance/strict.toml",
)
def _c47(c: Case) -> bytes:
    text = report_text("SKHCN", "Ngày", "22/05/2025", [("NV01", "Đang thực hiện", "85%")])
    h = simple_headers(c, "skhcn@binhdinh.gov.vn", "Nguyễn Văn An", "Báo cáo ngày 22/05/2025",
                       "5b4a3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d@binhdinh.gov.vn", ["User-Agent: Mozilla Thunderbird"],
                       "text/plain; charset=UTF-8; format=flowed", "8bit")
    return assemble(h, text)


@case(
    "reject_too_large",
    "Strict policy (instance/strict.toml, max_message_bytes = 16384): a valid report carrying a 24 kB scanned PDF is over the cap: rejected too_large.",
    "2025-05-22T15:20:00+07:00",
    rejected("too_large", sender="skhcn@binhdinh.gov.vn", unit=None),
    config="instance/strict.toml",
)
def _c48(c: Case) -> bytes:
    bnd = "------------Hs4Kp8Wm1Qz5Tr9Vb2Nc6Xd3"
    text = report_text("SKHCN", "Ngày", "22/05/2025", [("NV01", "Đang thực hiện", "85%")])
    body = multipart(bnd, [
        "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n" + text,
        attachment("application/pdf", "Scan_BaoCao_22052025.pdf", fake_pdf(11, 24000)),
    ], preamble="This is a multi-part message in MIME format.")
    h = simple_headers(c, "skhcn@binhdinh.gov.vn", "Nguyễn Văn An", "Báo cáo ngày 22/05/2025 (kèm bản scan)",
                       "6c5b4a3d-2e1f-4b0a-9d8c-7f6e5d4c3b2a@binhdinh.gov.vn", ["User-Agent: Mozilla Thunderbird"],
                       f'multipart/mixed; boundary="{bnd}"', "")
    return assemble(h, body)


@case(
    "ignored_exchange_oof",
    "Exchange out-of-office answering our reminder: no Auto-Submitted header, only the pair X-Auto-Response-Suppress: All + X-MS-Exchange-Inbox-Rules-Loop; ignored auto_reply even though the sender is a focal point.",
    "2025-05-22T14:30:05+07:00",
    rejected("auto_reply", "ignored", sender="syt@binhdinh.gov.vn", unit=None),
)
def _c49(c: Case) -> bytes:
    text = ("Tôi đang nghỉ phép từ ngày 21/5 đến hết ngày 23/5/2025.\n"
            "Việc gấp xin liên hệ đồng chí Lê Văn Bình, Văn phòng Sở Y tế, ĐT: 0256 3822 661.\n")
    h = trace(c.received, "syt@binhdinh.gov.vn", qid="4ZdE0v3Rt6z1Cj") + [
        f"From: {addr('Huỳnh Thị Mai', 'syt@binhdinh.gov.vn')}",
        f"To: {enc(OURS_NAME)} <{OURS}>",
        f"Subject: {enc('Trả lời Tự động: [Nhắc báo cáo] Ngày 22/05/2025 – Sở Y tế')}",
        f"Thread-Topic: {enc('[Nhắc báo cáo] Ngày 22/05/2025 – Sở Y tế')}",
        "Thread-Index: AQHby2Lw8n3ZkP0r7xYvT5mB1uC9dQ==",
        f"Date: {rfc_date(c.received - timedelta(seconds=2), UTC)}",
        "Message-ID: <d3c2b1a0f9e84d7c6b5a4f3e2d1c0b9a@EXCH01.binhdinh.gov.vn>",
        "In-Reply-To: <b41d6c0e2a9f8d7c6b5a4e3d@baocao.binhdinh.gov.vn>",
        "Content-Language: vi-VN",
        "X-MS-Has-Attach:",
        "X-MS-Exchange-Inbox-Rules-Loop: syt@binhdinh.gov.vn",
        "X-MS-TNEF-Correlator:",
        "X-Auto-Response-Suppress: All",
        "Content-Type: text/plain; charset=\"utf-8\"",
        "Content-Transfer-Encoding: base64",
        "MIME-Version: 1.0",
    ]
    return assemble(h, b64(text), crlf=True)


@case(
    "ignored_zimbra_vacation",
    "Zimbra vacation reply ('Auto-Submitted: auto-replied (zimbra; vacation)') to our reminder: ignored auto_reply.",
    "2025-05-22T14:30:09+07:00",
    rejected("auto_reply", "ignored", sender="pc06.cat@binhdinh.gov.vn", unit=None),
)
def _c50(c: Case) -> bytes:
    text = "Tôi đang đi công tác tại Hà Nội đến ngày 26/5/2025, sẽ trả lời thư khi trở về.\nLê Minh Tuấn\n"
    h = trace(c.received, "pc06.cat@binhdinh.gov.vn", qid="4ZdE1w4Su7z2Dk") + [
        f"Date: {rfc_date(c.received - timedelta(seconds=1))} (ICT)",
        f"From: {enc_q('Lê Minh Tuấn')} <pc06.cat@binhdinh.gov.vn>",
        f"To: {enc_q(OURS_NAME)} <{OURS}>",
        "Message-ID: <2109387465.4476612.1747899009871.JavaMail.zimbra@binhdinh.gov.vn>",
        "In-Reply-To: <c52e7d1f3b0a9e8d7c6b5f4e@baocao.binhdinh.gov.vn>",
        f"Subject: {enc_q('Re: [Nhắc báo cáo] Ngày 22/05/2025 – Công an tỉnh')}",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
        "Auto-Submitted: auto-replied (zimbra; vacation)",
        "X-Mailer: Zimbra 8.8.15_GA_4508",
    ]
    return assemble(h, text)


@case(
    "ignored_bounce_dsn",
    "Postfix delivery-status notification (multipart/report; report-type=delivery-status) for a receipt sent to a dead focal-point address: ignored bounce, the Final-Recipient is noted.",
    "2025-05-22T15:42:31+07:00",
    rejected("bounce", "ignored", sender="mailer-daemon@mx.binhdinh.gov.vn", unit=None,
             bounced_addresses=["daumoi.cu@sgddt.binhdinh.gov.vn"]),
)
def _c51(c: Case) -> bytes:
    bnd = "4ZdF3x6Wv9z8Em.1747903351/mx.binhdinh.gov.vn"
    human = """This is the mail system at host mx.binhdinh.gov.vn.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<daumoi.cu@sgddt.binhdinh.gov.vn>: host mail.sgddt.binhdinh.gov.vn[113.160.226.40]
    said: 550 5.1.1 <daumoi.cu@sgddt.binhdinh.gov.vn>: Recipient address
    rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)
"""
    status = f"""Reporting-MTA: dns; mx.binhdinh.gov.vn
X-Postfix-Queue-ID: 4ZdF3x6Wv9z8Em
X-Postfix-Sender: rfc822; {OURS}
Arrival-Date: Thu, 22 May 2025 15:42:29 +0700 (ICT)

Final-Recipient: rfc822; daumoi.cu@sgddt.binhdinh.gov.vn
Original-Recipient: rfc822;daumoi.cu@sgddt.binhdinh.gov.vn
Action: failed
Status: 5.1.1
Remote-MTA: dns; mail.sgddt.binhdinh.gov.vn
Diagnostic-Code: smtp; 550 5.1.1 <daumoi.cu@sgddt.binhdinh.gov.vn>: Recipient
    address rejected: User unknown in virtual mailbox table
"""
    orig = f"""Return-Path: <{OURS}>
From: {enc(OURS_NAME)} <{OURS}>
To: daumoi.cu@sgddt.binhdinh.gov.vn
Subject: {enc('[Đã ghi nhận] Báo cáo ngày 22/05/2025 – Sở Giáo dục và Đào tạo')}
Date: Thu, 22 May 2025 08:42:28 +0000
Message-ID: <e7a1c3f5b9d2048a6c8e0f12@baocao.binhdinh.gov.vn>
Auto-Submitted: auto-replied
X-Auto-Response-Suppress: All
X-baocao-Loop: {OURS}
"""
    body = multipart(bnd, [
        "Content-Description: Notification\nContent-Type: text/plain; charset=us-ascii\n\n" + human,
        "Content-Description: Delivery report\nContent-Type: message/delivery-status\n\n" + status,
        "Content-Description: Undelivered Message Headers\nContent-Type: text/rfc822-headers\n\n" + orig,
    ], preamble="This is a MIME-encapsulated message.\n")
    h = [
        "Return-Path: <>",
        f"Delivered-To: {OURS}",
        f"Received: by mx.binhdinh.gov.vn (Postfix)\n\tid 4ZdF3x9Yz2z8Fn; {rfc_date(c.received)}",
        f"Date: {rfc_date(c.received)}",
        "From: MAILER-DAEMON@mx.binhdinh.gov.vn (Mail Delivery System)",
        "Subject: Undelivered Mail Returned to Sender",
        f"To: {OURS}",
        "Auto-Submitted: auto-replied",
        "MIME-Version: 1.0",
        f'Content-Type: multipart/report; report-type=delivery-status;\n\tboundary="{bnd}"',
        "Content-Transfer-Encoding: 8bit",
        "Message-Id: <20250522084231.4ZdF3x9Yz2z8Fn@mx.binhdinh.gov.vn>",
    ]
    return assemble(h, body)


@case(
    "ignored_mailing_list",
    "A focal point's daily report posted to the province's digital-transformation Mailman list, which the reporting mailbox is subscribed to: List-Id/List-Unsubscribe/Precedence: list make it ignored mailing_list, although the content is a valid report.",
    "2025-05-22T15:50:00+07:00",
    rejected("mailing_list", "ignored", sender="skhcn@binhdinh.gov.vn", unit=None),
)
def _c52(c: Case) -> bytes:
    text = report_text("SKHCN", "Ngày", "22/05/2025", [("NV01", "Đang thực hiện", "80%")])
    text += "_______________________________________________\nCds mailing list -- cds@lists.binhdinh.gov.vn\nTo unsubscribe send an email to cds-leave@lists.binhdinh.gov.vn\n"
    h = trace(c.received, "cds-bounces@lists.binhdinh.gov.vn", qid="4ZdF5z8Xw1z0Go") + [
        f"From: {addr('Nguyễn Văn An', 'skhcn@binhdinh.gov.vn')}",
        "To: cds@lists.binhdinh.gov.vn",
        f"Subject: {enc('[Cds] Báo cáo ngày 22/05/2025 - Sở KH&CN')}",
        f"Date: {rfc_date(c.received - timedelta(seconds=40))}",
        "Message-ID: <7d6c5b4a-3f2e-4d1c-b0a9-8e7f6d5c4b3a@binhdinh.gov.vn>",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=\"utf-8\"",
        "Content-Transfer-Encoding: 8bit",
        "Message-ID-Hash: 3K7QZ2VX4M5N6B7C8D9F0G1H2J3K4L5M",
        "X-Message-ID-Hash: 3K7QZ2VX4M5N6B7C8D9F0G1H2J3K4L5M",
        "X-Mailman-Version: 3.3.9",
        "Precedence: list",
        "List-Id: =?utf-8?q?Chuy=E1=BB=83n_=C4=91=E1=BB=95i_s=E1=BB=91?= <cds.lists.binhdinh.gov.vn>",
        "List-Post: <mailto:cds@lists.binhdinh.gov.vn>",
        "List-Unsubscribe: <mailto:cds-leave@lists.binhdinh.gov.vn>",
        "Sender: cds-bounces@lists.binhdinh.gov.vn",
    ]
    return assemble(h, text)


@case(
    "ignored_own_message",
    "Our own reminder coming back into the reporting mailbox (a focal point's server redirected it): From our address, Auto-Submitted, our loop header: ignored own_message.",
    "2025-05-22T14:30:20+07:00",
    rejected("own_message", "ignored", sender=OURS, unit=None),
)
def _c53(c: Case) -> bytes:
    quoted = reminder_text("Sở Y tế", "Ngày", "22/05/2025", form("SYT", "Ngày", "22/05/2025", [
        ("NV09", TITLES["NV09"], "Đang thực hiện", 50, "")]), "14:30 ngày 22/05/2025")
    h = [
        f"Return-Path: <{OURS}>",
        f"Delivered-To: {OURS}",
        f"Received: from mail.binhdinh.gov.vn (mail.binhdinh.gov.vn [113.160.226.18])\n\tby mx.binhdinh.gov.vn (Postfix) with ESMTPS id 4ZdF6a9Yx2z1Hp\n\tfor <{OURS}>; {rfc_date(c.received)}",
        'Content-Type: text/plain; charset="utf-8"',
        "MIME-Version: 1.0",
        "Content-Transfer-Encoding: quoted-printable",
        f"From: {enc(OURS_NAME)} <{OURS}>",
        "To: syt@binhdinh.gov.vn",
        f"Subject: {enc('[Nhắc báo cáo] Ngày 22/05/2025 – Sở Y tế')}",
        "Date: Thu, 22 May 2025 07:30:00 +0000",
        "Message-ID: <a9f3e1c7b5d24f6e8a0c2e4d@baocao.binhdinh.gov.vn>",
        "Auto-Submitted: auto-generated",
        "X-Auto-Response-Suppress: All",
        f"X-baocao-Loop: {OURS}",
        "Precedence: bulk",
    ]
    return assemble(h, qp(quoted))


@case(
    "ignored_loop_header_redirected",
    "A focal point's server auto-forwards our receipt back with its own From (SRS-style): the From is a known focal point, but our loop header is still there: ignored own_message.",
    "2025-05-22T15:43:02+07:00",
    rejected("own_message", "ignored", sender="syt@binhdinh.gov.vn", unit=None),
)
def _c54(c: Case) -> bytes:
    text = ("Kênh báo cáo điện tử đã ghi nhận báo cáo của đơn vị.\n\nĐơn vị: SYT\nLoại báo cáo: Ngày\n"
            "Kỳ báo cáo: 22/05/2025\n\nNhiệm vụ: NV09\nTình trạng: Đang thực hiện\nTiến độ: 52%\n")
    h = trace(c.received, "SRS0=x7Kq=YB=binhdinh.gov.vn=baocao@binhdinh.gov.vn", qid="4ZdF7b0Zy3z2Iq") + [
        f"From: {addr('Huỳnh Thị Mai', 'syt@binhdinh.gov.vn')}",
        f"To: {OURS}",
        f"Subject: {enc('[Đã ghi nhận] Báo cáo ngày 22/05/2025 – Sở Y tế')}",
        "Date: Thu, 22 May 2025 08:43:00 +0000",
        "Message-ID: <f0e1d2c3b4a5968778695a4b@baocao.binhdinh.gov.vn>",
        f"X-baocao-Loop: {OURS}",
        "X-Auto-Response-Suppress: All",
        "MIME-Version: 1.0",
        'Content-Type: text/plain; charset="utf-8"',
        "Content-Transfer-Encoding: quoted-printable",
    ]
    return assemble(h, qp(text))


@case(
    "x_auto_response_suppress_alone",
    "An Outlook report that carries 'X-Auto-Response-Suppress: All' but nothing else machine-like: a person wrote it, so it is accepted (Redmine's lesson).",
    "2025-05-22T16:02:00+07:00",
    accepted("STC", "daily", "2025-05-22", "on_time", D22, [T("NV02", "in_progress", 60)], sender="stc@binhdinh.gov.vn"),
)
def _c55(c: Case) -> bytes:
    text = report_text("STC", "Ngày", "22/05/2025", [("NV02", "Đang thực hiện", "60%")])
    h = simple_headers(c, "stc@binhdinh.gov.vn", "Trần Thị Bích Ngọc", "Báo cáo ngày 22/05/2025 - STC",
                       "002501dbcb10$2c3d4e5f$6a7b8c9d$@binhdinh.gov.vn", OUTLOOK16 + ["X-Auto-Response-Suppress: All"])
    return assemble(h, qp(text), crlf=True)


@case(
    "outlook_reply_nothing_new",
    "Outlook reply to the reminder that only says the unit reported by phone, with the pre-filled form quoted under '-----Original Message-----': the quoted (old) values must never be recorded: rejected not_a_report.",
    "2025-05-22T15:00:00+07:00",
    rejected("not_a_report", sender="syt@binhdinh.gov.vn", unit="SYT"),
)
def _c56(c: Case) -> bytes:
    quoted = reminder_text("Sở Y tế", "Ngày", "22/05/2025", form("SYT", "Ngày", "22/05/2025", [
        ("NV09", TITLES["NV09"], "Đang thực hiện", 50, "Mở rộng bệnh án điện tử lên 9/28 khoa.")]), "14:30 ngày 22/05/2025")
    text = ("Đơn vị đã báo cáo qua điện thoại với đồng chí Nhung, đề nghị ghi nhận.\n\nMai\n\n"
            "-----Original Message-----\n"
            f"From: {OURS_NAME} <{OURS}>\nSent: Thursday, May 22, 2025 2:30 PM\nTo: syt@binhdinh.gov.vn\n"
            "Subject: [Nhắc báo cáo] Ngày 22/05/2025 – Sở Y tế\n\n" + quoted)
    h = simple_headers(c, "syt@binhdinh.gov.vn", "Huỳnh Thị Mai", "RE: [Nhắc báo cáo] Ngày 22/05/2025 – Sở Y tế",
                       "001d01dbcb0c$7a8b9c0d$1e2f3a4b$@binhdinh.gov.vn", OUTLOOK16)
    return assemble(h, qp(text), crlf=True)


# -- warnings


@case(
    "warn_unknown_task",
    "A task code that is not in the list (NV99) is kept with an unknown_task warning; 'NV-03' is the same task as NV03.",
    "2025-05-22T15:30:00+07:00",
    accepted("CAT", "daily", "2025-05-22", "on_time", D22, [
        T("NV03", "in_progress", 78),
        T("NV99", "in_progress", 10, result_contains="camera giám sát"),
    ], warnings=["unknown_task:NV99"], sender="pc06.cat@binhdinh.gov.vn"),
)
def _c60(c: Case) -> bytes:
    text = ("Đơn vị: CAT\nLoại báo cáo: Ngày\nKỳ báo cáo: 22/05/2025\n\nNhiệm vụ: NV-03\nTình trạng: Đang thực hiện\n"
            "Tiến độ: 78%\n\nNhiệm vụ: NV99 - Lắp đặt camera giám sát giao thông\nTình trạng: Đang thực hiện\nTiến độ: 10%\n"
            "Kết quả: Khảo sát vị trí lắp đặt camera giám sát tại 12 nút giao.\n")
    h = simple_headers(c, "pc06.cat@binhdinh.gov.vn", "Lê Minh Tuấn", "Báo cáo ngày 22/05/2025",
                       "1029384756.4476700.1747903000231.JavaMail.zimbra@binhdinh.gov.vn", ZIMBRA, "text/plain; charset=utf-8")
    return assemble(h, qp(text))


@case(
    "warn_task_not_assigned",
    "SKHCN reports on NV05, a task of the Party Office only: task_not_assigned; 'nv 1' is task NV01.",
    "2025-05-22T15:32:00+07:00",
    accepted("SKHCN", "daily", "2025-05-22", "on_time", D22, [
        T("NV01", "in_progress", 82),
        T("NV05", "in_progress", 40, result_contains="hỗ trợ kỹ thuật"),
    ], warnings=["task_not_assigned:NV05"], sender="skhcn@binhdinh.gov.vn"),
)
def _c61(c: Case) -> bytes:
    text = ("Đơn vị: SKHCN\nLoại báo cáo: Ngày\nKỳ báo cáo: 22/05/2025\n\nNhiệm vụ: nv 1\nTình trạng: Đang thực hiện\n"
            "Tiến độ: 82%\n\nNhiệm vụ: NV05\nTình trạng: Đang thực hiện\nTiến độ: 40%\n"
            "Kết quả: Sở hỗ trợ kỹ thuật cho Văn phòng Tỉnh ủy cấu hình máy chủ lưu trữ.\n")
    h = simple_headers(c, "skhcn@binhdinh.gov.vn", "Nguyễn Văn An", "Báo cáo ngày 22/05/2025",
                       "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d@binhdinh.gov.vn", ["User-Agent: Mozilla Thunderbird"],
                       "text/plain; charset=UTF-8", "8bit")
    return assemble(h, text)


@case(
    "warn_invalid_progress",
    "'Tiến độ: 150%' is out of range: progress null with invalid_progress; 'Tỷ lệ hoàn thành: 60 phần trăm' is 60.",
    "2025-05-22T15:34:00+07:00",
    accepted("SYT", "daily", "2025-05-22", "on_time", D22, [
        T("NV09", "in_progress", None),
        T("NV03", "in_progress", 60),
    ], warnings=["invalid_progress:NV09"], sender="syt@binhdinh.gov.vn"),
)
def _c62(c: Case) -> bytes:
    text = ("Đơn vị: SYT\nLoại báo cáo: Ngày\nKỳ báo cáo: 22/05/2025\n\nNhiệm vụ: NV09\nTình trạng: Đang thực hiện\n"
            "Tiến độ: 150%\n\nNhiệm vụ: NV03\nTình trạng: Đang thực hiện\nTỷ lệ hoàn thành: 60 phần trăm\n")
    h = simple_headers(c, "syt@binhdinh.gov.vn", "Huỳnh Thị Mai", "Báo cáo ngày 22/05/2025",
                       "001e01dbcb0c$8b9c0d1e$2f3a4b5c$@binhdinh.gov.vn", OUTLOOK16)
    return assemble(h, qp(text), crlf=True)


@case(
    "warn_unknown_status",
    "A status word that means nothing ('Bình thường'): status null with unknown_status.",
    "2025-05-22T15:36:00+07:00",
    accepted("SNV", "daily", "2025-05-22", "on_time", D22, [T("NV07", None, 43)],
             warnings=["unknown_status:NV07"], sender="snv@binhdinh.gov.vn"),
)
def _c63(c: Case) -> bytes:
    text = "Đơn vị: SNV\nLoại báo cáo: Ngày\nKỳ báo cáo: 22/05/2025\n\nNhiệm vụ: NV07\nTình trạng: Bình thường\nTiến độ: 43%\n"
    h = simple_headers(c, "snv@binhdinh.gov.vn", "Võ Thanh Hải", "Báo cáo ngày 22/05/2025",
                       "000c01dbcb0e$9c0d1e2f$3a4b5c6d$@binhdinh.gov.vn", OUTLOOK16)
    return assemble(h, qp(text), crlf=True)


@case(
    "warn_duplicate_task",
    "The same task reported twice in one mail (copy-paste): duplicate_task, the later block wins.",
    "2025-05-22T15:38:00+07:00",
    accepted("TTHCC", "daily", "2025-05-22", "on_time", D22, [T("NV06", "in_progress", 92, result_contains="1.310 hồ sơ")],
             warnings=["duplicate_task:NV06"], sender="tthcc@binhdinh.gov.vn", text_excludes=["1.246 hồ sơ"]),
)
def _c64(c: Case) -> bytes:
    text = ("Đơn vị: TTHCC\nLoại báo cáo: Ngày\nKỳ báo cáo: 22/05/2025\n\nNhiệm vụ: NV06\nTình trạng: Đang thực hiện\n"
            "Tiến độ: 88%\nKết quả: Tiếp nhận 1.246 hồ sơ.\n\nNhiệm vụ: NV06\nTình trạng: Đang thực hiện\nTiến độ: 92%\n"
            "Kết quả: Tiếp nhận 1.310 hồ sơ, 92% trực tuyến.\n")
    h = simple_headers(c, "tthcc@binhdinh.gov.vn", "TT Phục vụ HCC tỉnh", "Báo cáo ngày 22/05/2025",
                       "8f7e6d5c4b3a2918@binhdinh.gov.vn", ROUNDCUBE, "text/plain; charset=UTF-8", "8bit")
    return assemble(h, text)


@case(
    "warn_kind_inferred",
    "No kind anywhere (neither a 'Loại báo cáo' line nor the subject) and a plain date as the period: daily by default, with kind_inferred.",
    "2025-05-22T15:40:00+07:00",
    accepted("SGDDT", "daily", "2025-05-22", "on_time", D22, [T("NV08", "in_progress", 82)],
             warnings=["kind_inferred"], sender="sgddt@binhdinh.edu.vn"),
)
def _c65(c: Case) -> bytes:
    text = "Đơn vị: SGDDT\nKỳ báo cáo: 22/05/2025\n\nNhiệm vụ: NV08\nTình trạng: Đang thực hiện\nTiến độ: 82%\n"
    h = simple_headers(c, "sgddt@binhdinh.edu.vn", "Đặng Quốc Huy", "Cập nhật tiến độ học bạ số",
                       "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e@binhdinh.edu.vn", ["User-Agent: Mozilla Thunderbird"],
                       "text/plain; charset=UTF-8", "8bit")
    return assemble(h, text)


@case(
    "warn_period_inferred",
    "Kind given, period nowhere (body or subject): the period is the day the mail reached our mailbox, with period_inferred.",
    "2025-05-22T11:00:00+07:00",
    accepted("SKHCN", "daily", "2025-05-22", "on_time", D22, [T("NV01", "in_progress", 81)],
             warnings=["period_inferred"], sender="skhcn@binhdinh.gov.vn"),
)
def _c66(c: Case) -> bytes:
    text = "Đơn vị: SKHCN\nLoại báo cáo: Ngày\n\nNhiệm vụ: NV01\nTình trạng: Đang thực hiện\nTiến độ: 81%\n"
    h = simple_headers(c, "skhcn@binhdinh.gov.vn", "Nguyễn Văn An", "Cập nhật tiến độ NV01",
                       "3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f@binhdinh.gov.vn", ["User-Agent: Mozilla Thunderbird"],
                       "text/plain; charset=UTF-8", "8bit")
    return assemble(h, text)


@case(
    "iphone_minimal_both_inferred",
    "iPhone Mail in the evening: only a task block ('nv 6', progress '60' without '%'), 'Gửi từ iPhone của tôi'; no kind, no period: daily for the arrival day, late, with kind_inferred and period_inferred.",
    "2025-05-22T20:15:00+07:00",
    accepted("SKHCN", "daily", "2025-05-22", "late", D22, [T("NV06", "in_progress", 60, notes=None, result=None)],
             warnings=["kind_inferred", "period_inferred"], sender="nguyenvanan.skhcn@gmail.com", text_excludes=["iPhone"]),
)
def _c67(c: Case) -> bytes:
    text = "Nhiệm vụ: nv 6\nTình trạng: đang thực hiện\nTiến độ: 60\n\nGửi từ iPhone của tôi\n"
    h = trace(c.received, "nguyenvanan.skhcn@gmail.com", via="gmail", qid="4ZdG8c1Az4z3Jr") + [
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: quoted-printable",
        f"From: {addr('Nguyễn Văn An', 'nguyenvanan.skhcn@gmail.com')}",
        "Mime-Version: 1.0 (1.0)",
        f"Date: {rfc_date(c.received - timedelta(seconds=4))}",
        f"Subject: {enc('Cập nhật')}",
        "Message-Id: <A1B2C3D4-E5F6-4789-ABCD-EF0123456789@gmail.com>",
        f"To: {OURS}",
        "X-Mailer: iPhone Mail (22E252)",
    ]
    return assemble(h, qp(text))


# -- bad input (issue 2): each gives an outcome and a reason code


@case(
    "bad_truncated",
    "An Outlook multipart message cut off in the middle of its plain part (a connection dropped during delivery): no closing boundary, no task block survived: rejected not_a_report.",
    "2025-05-22T15:50:00+07:00",
    rejected("not_a_report", sender="stc@binhdinh.gov.vn", unit="STC"),
)
def _c70(c: Case) -> bytes:
    lines = ["Đơn vị: STC", "Loại báo cáo: Ngày", "Kỳ báo cáo: 22/05/2025", "", "Nhiệm vụ: NV02", "Tình trạng: Đang thực hiện",
             "Tiến độ: 60%"]
    bnd = "----=_NextPart_000_0027_01DBCB11.4D5E6F70"
    h = simple_headers(c, "stc@binhdinh.gov.vn", "Trần Thị Bích Ngọc", "Báo cáo ngày 22/05/2025",
                       "002701dbcb11$4d5e6f70$8a9b0c1d$@binhdinh.gov.vn", OUTLOOK16,
                       f'multipart/alternative;\n\tboundary="{bnd}"', "")
    body = multipart(bnd, [part("text/plain", "\n".join(lines) + "\n"), part("text/html", word_html(lines))],
                     preamble="This is a multipart message in MIME format.\n")
    raw = assemble(h, body, crlf=True)
    cut = raw.index(b"Lo=E1=BA=A1i b=C3=A1o c=C3=A1o") + 12
    return raw[:cut]


@case(
    "bad_no_text_part",
    "A phone photo of the paper report: the only part is image/jpeg, no text at all: rejected not_a_report.",
    "2025-05-22T16:15:00+07:00",
    rejected("not_a_report", sender="pc06.cat@binhdinh.gov.vn", unit="CAT"),
)
def _c71(c: Case) -> bytes:
    jpeg = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00H\x00H\x00\x00" + rand_bytes(3, 2400) + b"\xff\xd9"
    h = trace(c.received, "pc06.cat@binhdinh.gov.vn", qid="4ZdH9d2Ba5z4Ks") + [
        "Content-Type: image/jpeg;\n\tname=IMG_2045.jpeg",
        "Content-Disposition: inline;\n\tfilename=IMG_2045.jpeg",
        "Content-Transfer-Encoding: base64",
        f"From: {addr('Lê Minh Tuấn', 'pc06.cat@binhdinh.gov.vn')}",
        "Mime-Version: 1.0 (1.0)",
        f"Date: {rfc_date(c.received - timedelta(seconds=9))}",
        "Subject: BC",
        "Message-Id: <9F8E7D6C-5B4A-4321-8765-43210FEDCBA9@binhdinh.gov.vn>",
        f"To: {OURS}",
        "X-Mailer: iPhone Mail (22E252)",
    ]
    return assemble(h, b64(jpeg))


@case(
    "bad_huge_header",
    "A pathological 300 kB header line (a broken sending script): the header section is over the 256 kB cap, so the message is not parsed at all: rejected too_large, quickly.",
    "2025-05-22T16:20:00+07:00",
    rejected("too_large", sender=None, unit=None),
)
def _c72(c: Case) -> bytes:
    junk = "".join(random.Random(5).choice("abcdefghijklmnopqrstuvwxyz0123456789;=, ") for _ in range(300_000))
    h = [f"Received: from unknown (unknown [14.177.62.201])\n\tby mx.binhdinh.gov.vn (Postfix) with SMTP id 4ZdJ0e3Cb6z5Lt\n\tfor <{OURS}>; {rfc_date(c.received)}",
         f"X-Debug: {junk}", f"To: {OURS}", "Subject: test", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8"]
    return assemble(h, "Nhiệm vụ: NV01\nTiến độ: 50%\n")


@case(
    "bad_binary_garbage",
    "4 kB of binary garbage (a mis-delivered file): rejected unknown_sender.",
    "2025-05-22T16:21:00+07:00",
    rejected("unknown_sender", sender=None, unit=None),
)
def _c73(c: Case) -> bytes:
    return rand_bytes(13, 4096)


@case(
    "bad_empty",
    "An empty file (0 bytes): rejected unknown_sender.",
    "2025-05-22T16:22:00+07:00",
    rejected("unknown_sender", sender=None, unit=None),
)
def _c74(c: Case) -> bytes:
    return b""


@case(
    "outlook_forward_fw_subject",
    "Outlook desktop forward ('FW:' subject): Outlook marks a forward exactly like a reply (a '____' rule and a Từ:/Đã gửi:/Đến:/Chủ đề: block, no '>' prefixes); the subject says it is a forward, so the staff member's report below is read.",
    "2025-05-22T16:08:00+07:00",
    accepted("SNV", "daily", "2025-05-22", "on_time", D22, [
        T("NV07", "in_progress", 44, result_contains="3.400/7.800"),
    ], sender="snv@binhdinh.gov.vn", text_excludes=["Anh Hải chuyển giúp"]),
)
def _c80(c: Case) -> bytes:
    fwd = ["Anh Hải chuyển giúp em báo cáo ngày.", "", "Đơn vị: SNV", "Loại báo cáo: Ngày", "Kỳ báo cáo: 22/05/2025", "",
           "Nhiệm vụ: NV07", "Tình trạng: Đang thực hiện", "Tiến độ: 44%", "Kết quả: Đã nhập liệu 3.400/7.800 hồ sơ."]
    text = ("Chuyển Kênh báo cáo điện tử.\n\n________________________________\n"
            "Từ: Lê Thị Hoa <hoalt.snv@binhdinh.gov.vn>\nĐã gửi: Thứ Năm, ngày 22 tháng 5 năm 2025 15:52\n"
            "Đến: Võ Thanh Hải <snv@binhdinh.gov.vn>\nChủ đề: Báo cáo ngày 22/5 - NV07\n\n" + "\n".join(fwd) + "\n")
    h = simple_headers(c, "snv@binhdinh.gov.vn", "Võ Thanh Hải", "FW: Báo cáo ngày 22/5 - NV07",
                       "000e01dbcb12$5e6f7a8b$9c0d1e2f$@binhdinh.gov.vn", OUTLOOK16)
    return assemble(h, qp(text), crlf=True)


@case(
    "forwarded_reminder_not_read",
    "A focal point forwards our own reminder back to us ('Fwd:' in Zimbra) with a one-line note: the forwarded pre-filled form comes from our address and holds the old values, so it is never read: rejected not_a_report.",
    "2025-05-22T15:02:00+07:00",
    rejected("not_a_report", sender="tthcc@binhdinh.gov.vn", unit="TTHCC"),
)
def _c81(c: Case) -> bytes:
    quoted = reminder_text("Trung tâm Phục vụ hành chính công tỉnh", "Ngày", "22/05/2025", form("TTHCC", "Ngày", "22/05/2025", [
        ("NV06", TITLES["NV06"], "Đang thực hiện", 88, "Tiếp nhận 1.246 hồ sơ.")]), "14:30 ngày 22/05/2025")
    plain = ("Đề nghị kiểm tra lại, đơn vị đã gửi báo cáo lúc 10h00.\n\n----- Thư đã chuyển tiếp -----\n"
             f'Từ: "{OURS_NAME}" <{OURS}>\nTới: "TT Phục vụ HCC tỉnh" <tthcc@binhdinh.gov.vn>\n'
             "Đã gửi: Thứ Năm, 22 Tháng Năm, 2025 14:30:02\nChủ đề: [Nhắc báo cáo] Ngày 22/05/2025\n\n" + quoted)
    h = zimbra_headers(c, "tthcc@binhdinh.gov.vn", "TT Phục vụ HCC tỉnh", "Fwd: [Nhắc báo cáo] Ngày 22/05/2025",
                       "1129384756.4476811.1747900920777", "text/plain; charset=utf-8", cte="quoted-printable")
    return assemble(h, qp(plain))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
