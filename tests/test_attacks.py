"""Attacks on the reader (issue 12, SPEC §12): forged authentication, hostile attachments, markup
and control characters in fields, crafted headers. Each asserts the outcome, that the parser did
not crash (`error` is None), and a time bound; the memory bound of a 60 MB message is measured in
a subprocess.
"""

from __future__ import annotations

import base64
import io
import json
import subprocess
import sys
import time
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from gateway.app.lists import load_directory
from gateway.app.reading import context
from gateway.config import load
from parsers import ParsedReport, parse_message

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "instance"
AT = datetime(2025, 5, 22, 15, 0, tzinfo=timezone(timedelta(hours=7)))
CFG = load(CORPUS / "baocao.toml")
STRICT = load(CORPUS / "strict.toml")
BOUND = 5.0
REPORT = "Đơn vị: SKHCN\nLoại báo cáo: Ngày\nKỳ báo cáo: 22/05/2025\n\nNhiệm vụ: NV01\nTình trạng: Đang thực hiện\nTiến độ: 60%\n"


def mail(body: str = REPORT, headers: str = "", sender: str = "skhcn@binhdinh.gov.vn", extra: bytes = b"") -> bytes:
    head = (f"From: Nguyen Van An <{sender}>\r\nTo: baocao@binhdinh.gov.vn\r\nSubject: Bao cao ngay\r\n"
            f"Message-ID: <a1@binhdinh.gov.vn>\r\nDate: Thu, 22 May 2025 15:00:00 +0700\r\n{headers}")
    if extra:
        return head.encode() + extra
    return (head + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            ).encode() + body.replace("\n", "\r\n").encode()


def run(raw: bytes, strict: bool = False) -> ParsedReport:
    cfg = STRICT if strict else CFG
    t0 = time.perf_counter()
    r = parse_message(raw, context(cfg, load_directory(cfg), AT))
    assert time.perf_counter() - t0 < BOUND
    assert r.error is None or r.codes == ["too_large"], r.error
    return r


# ------------------------------------------------------------------------------ authentication
GOOD = "mx.binhdinh.gov.vn; spf=pass smtp.mailfrom=skhcn@binhdinh.gov.vn; dkim=pass header.d=binhdinh.gov.vn"


@pytest.mark.parametrize("value", [
    "mx.binhdinh.gov.vn; spf=fail smtp.mailfrom=dmarc=pass@attacker.test",       # in an address
    "mx.binhdinh.gov.vn; spf=none smtp.helo=spf=pass.dkim=pass",                 # in a HELO name
    "mx.binhdinh.gov.vn; dkim=fail (dkim=pass, really) header.d=binhdinh.gov.vn",  # in a comment
    "mx.binhdinh.gov.vn; dkim=pass header.d=attacker.test",                       # another domain
    "mx.binhdinh.gov.vn; spf=fail reason=\"spf=pass smtp.mailfrom=skhcn@binhdinh.gov.vn\"",  # in a reason
    "attacker.test; spf=pass smtp.mailfrom=skhcn@binhdinh.gov.vn",               # untrusted server
])
def test_forged_authentication_results_are_refused(value: str) -> None:
    r = run(mail(headers=f"Authentication-Results: {value}\r\n"), strict=True)
    assert r.codes == ["auth_failed"]


def test_a_forged_header_below_our_servers_is_not_read() -> None:
    forged = (f"Authentication-Results: mx.binhdinh.gov.vn; spf=fail smtp.mailfrom=skhcn@binhdinh.gov.vn\r\n"
              f"Received: from attacker.test\r\nAuthentication-Results: {GOOD}\r\n")
    assert run(mail(headers=forged), strict=True).codes == ["auth_failed"]


def test_a_real_pass_is_accepted() -> None:
    r = run(mail(headers=f"Authentication-Results: {GOOD}\r\n"), strict=True)
    assert r.outcome == "accepted" and r.tasks[0].progress == 60


# --------------------------------------------------------------------------- hostile content
def test_crafted_message_id_is_normalised() -> None:
    raw = mail().replace(b"<a1@binhdinh.gov.vn>", b"<a1\x0b\x0c" + b"x" * 900 + b"@binhdinh.gov.vn>")
    r = run(raw)
    assert r.outcome == "accepted"
    assert r.message_id and all(32 < ord(c) < 127 for c in r.message_id) and len(r.message_id) <= 500


def test_control_and_bidi_characters_are_never_recorded() -> None:
    body = REPORT + "Kết quả: Đã trình\x00 dự thảo\u061c \u202eđảo ngược\u202c\x07.\n"
    r = run(mail(body))
    text = json.dumps(r.model_dump(mode="json"), ensure_ascii=False)
    for ch in ("\x00", "\x07", "\u061c", "\u202e", "\u202c"):
        assert ch not in text
    assert "Đã trình dự thảo" in (r.tasks[0].result or "")


def test_markup_in_fields_is_kept_as_text() -> None:
    body = REPORT + "Kết quả: <script>alert(1)</script> {{ 7*7 }} {% raw %} =HYPERLINK(\"x\")\n"
    r = run(mail(body))
    assert r.tasks[0].result == "<script>alert(1)</script> {{ 7*7 }} {% raw %} =HYPERLINK(\"x\")"


def _attachment(name: str, ctype: str, data: bytes) -> bytes:
    return (b'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\n'
            b"Content-Type: text/plain; charset=utf-8\r\n\r\nBao cao dinh kem.\r\n--b\r\n"
            + f'Content-Type: {ctype}; name="{name}"\r\nContent-Disposition: attachment; filename="{name}"\r\n'
              "Content-Transfer-Encoding: base64\r\n\r\n".encode()
            + base64.encodebytes(data) + b"--b--\r\n")


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in files.items():
            z.writestr(n, d)
    return buf.getvalue()


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XXE = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
       b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
       b"<w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
          b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
          b'<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>'
          b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
          b"<w:t>&f;&f;&f;&f;&f;&f;&f;&f;</w:t></w:r></w:p></w:body></w:document>")
CONTENT_TYPES = (b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 b'<Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" '
                 b'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" '
                 b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        b'Target="word/document.xml"/></Relationships>')


@pytest.mark.parametrize("name,ctype,data", [
    ("a.docx", DOCX, _zip({"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS, "word/document.xml": XXE})),
    ("a.docx", DOCX, _zip({"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS, "word/document.xml": LAUGHS})),
    ("a.docx", DOCX, _zip({"word/document.xml": b"<a>" + b" " * 100_000_000 + b"</a>"})),
    ("bomb.xlsx", XLSX, _zip({"xl/worksheets/sheet1.xml": b"<row>" + b" " * 100_000_000 + b"</row>"})),
    ("../../../../etc/cron.d/x.csv", "text/csv", "Mã nhiệm vụ,Tiến độ\nNV01,60%\n".encode()),
    ("broken.docx", DOCX, b"PK\x03\x04 not a zip"),
])
def test_hostile_attachments(name: str, ctype: str, data: bytes) -> None:
    r = run(mail(extra=_attachment(name, ctype, data)))
    text = json.dumps(r.model_dump(mode="json"), ensure_ascii=False)
    assert "root:" not in text  # no external entity was resolved
    assert len(text) < 200_000  # no entity was expanded into the record
    if name.endswith(".csv"):
        assert r.outcome == "accepted" and r.tasks[0].progress == 60
    else:
        assert r.outcome == "rejected" and r.codes == ["not_a_report"]


def test_a_60_mb_message_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    big = tmp_path / "big.eml"
    big.write_bytes(mail(extra=_attachment("video.mp4", "video/mp4", b"\0" * 45_000_000)))
    # VmHWM, not ru_maxrss: the latter survives exec and would count the pytest parent's pages.
    code = ("import re,sys; from parsers import parse_message; from parsers.models import ParseContext;"
            "r=parse_message(open(sys.argv[1],'rb').read(), ParseContext());"
            "print(r.codes, re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))")
    out = subprocess.run([sys.executable, "-c", code, str(big)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    codes, rss_kb = out.stdout.rsplit(" ", 1)
    assert "too_large" in codes
    assert int(rss_kb) < 200 * 1024, f"{int(rss_kb) // 1024} MB"
