"""Property tests: whatever bytes arrive, parse_message returns an outcome, never raises, and finishes
within a time bound (SPEC §9: a message that fails to parse is kept and shown, never a crash).

Inputs: arbitrary bytes, and corpus messages mutated the ways mail breaks in transit or in
hostile hands (truncated, bytes flipped, headers duplicated, a huge header, binary garbage spliced
in, line ends changed, boundaries lost, bogus charsets and transfer encodings, emptied).
`test_worst_cases` measures the pathological inputs the parser guards against (parsers/mime.py
and parsers/body.py caps); run with `-s` to see the timings.
"""

from __future__ import annotations

import base64
import json
import re
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gateway.app.lists import load_directory
from gateway.app.reading import context
from gateway.config import load
from parsers import ParsedReport, parse_message

CORPUS = Path(__file__).resolve().parent / "corpus"
CFG = load(CORPUS / "instance" / "baocao.toml")
CTX = context(CFG, load_directory(CFG), datetime(2025, 5, 22, 15, 0, tzinfo=timezone(timedelta(hours=7))))
SAMPLES = [p.read_bytes() for p in sorted(CORPUS.glob("*.eml")) if 0 < p.stat().st_size < 100_000]
# Per-message bound. The measured worst case on this machine is well under a second for real
# mail and under ~2 s for the pathological inputs below; the bound leaves room for a loaded CI.
BOUND_SECONDS = 5.0

REASONS = {"unknown_sender", "unknown_unit", "unit_not_allowed", "not_a_report", "auth_failed", "too_large",
           "auto_reply", "bounce", "mailing_list", "own_message"}
WARNINGS = {"unknown_task", "task_not_assigned", "invalid_progress", "unknown_status", "duplicate_task",
            "kind_inferred", "period_inferred", "kind_conflict",
            # SPEC §5.1: uncertain readings are told, not recorded
            "status_uncertain", "progress_uncertain", "progress_range", "status_progress_conflict",
            "task_without_status", "unread_text", "carried_forward", "form_unchanged", "unit_section_unattributed",
            "task_ambiguous"}
PERIOD = re.compile(r"^\d{4}-(?:\d{2}-\d{2}|W\d{2}|\d{2})$")


def check(raw: bytes) -> ParsedReport:
    t0 = time.perf_counter()
    r = parse_message(raw, CTX)
    elapsed = time.perf_counter() - t0
    assert isinstance(r, ParsedReport)
    assert elapsed < BOUND_SECONDS, f"{elapsed:.2f} s for {len(raw)} bytes"
    assert r.outcome in ("accepted", "rejected", "ignored")
    if r.outcome == "accepted":
        assert r.codes == []
        assert r.unit and r.kind in ("daily", "weekly", "monthly")
        assert r.period and PERIOD.match(r.period)
        assert r.tasks or r.summary
        for t in r.tasks:
            assert t.progress is None or 0 <= t.progress <= 100
    else:
        assert len(r.codes) == 1 and r.codes[0] in REASONS, r.codes
    assert {w.code for w in r.warnings} <= WARNINGS
    json.loads(r.model_dump_json())  # the CLI prints it: it must serialise
    return r


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=20_000))
def test_arbitrary_bytes(raw: bytes) -> None:
    check(raw)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=5_000))
def test_arbitrary_text_after_valid_headers(body: str) -> None:
    head = (b"From: skhcn@binhdinh.gov.vn\r\nTo: baocao@binhdinh.gov.vn\r\nSubject: Bao cao ngay 22/05/2025\r\n"
            b"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n")
    check(head + body.encode("utf-8", "surrogatepass"))


_OPS = ["truncate", "flip", "dup_headers", "huge_header", "garbage", "empty", "newlines", "drop_boundaries",
        "charset", "cte", "nest"]


def _split_head(raw: bytes) -> tuple[bytes, bytes, bytes]:
    for sep in (b"\r\n\r\n", b"\n\n"):
        i = raw.find(sep)
        if i >= 0:
            return raw[:i], sep, raw[i + len(sep):]
    return raw, b"", b""


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    raw = bytearray(draw(st.sampled_from(SAMPLES)))
    for op in draw(st.lists(st.sampled_from(_OPS), min_size=1, max_size=3)):
        if op == "truncate" and raw:
            raw = raw[: draw(st.integers(0, len(raw)))]
        elif op == "flip" and raw:
            for _ in range(draw(st.integers(1, 30))):
                raw[draw(st.integers(0, len(raw) - 1))] ^= draw(st.integers(1, 255))
        elif op == "dup_headers":
            head, sep, rest = _split_head(bytes(raw))
            raw = bytearray(head + b"\r\n" + head + sep + rest)
        elif op == "huge_header":
            size = draw(st.sampled_from([998, 10_000, 100_000, 270_000]))
            name = draw(st.sampled_from([b"X-Big", b"Subject", b"From", b"Received", b"Content-Type"]))
            raw = bytearray(name + b": " + b"x" * size + b"\r\n" + bytes(raw))
        elif op == "garbage":
            pos = draw(st.integers(0, len(raw)))
            raw[pos:pos] = draw(st.binary(min_size=1, max_size=3_000))
        elif op == "empty":
            raw = bytearray()
        elif op == "newlines":
            raw = bytearray(bytes(raw).replace(b"\r\n", b"\n") if b"\r\n" in raw else bytes(raw).replace(b"\n", b"\r\n"))
        elif op == "drop_boundaries":
            raw = bytearray(re.sub(rb"(?m)^--[^\r\n]*\r?\n", b"", bytes(raw)))
        elif op == "charset":
            bogus = draw(st.sampled_from([b"x-unknown", b"utf-7", b"windows-1258", b"ks_c_5601-1987", b"gb2312",
                                          b"\"\"", b"utf-8\x00", b"iso-2022-jp", b"tcvn3"]))
            raw = bytearray(re.sub(rb"(?i)charset=\"?[\w\-]+\"?", b"charset=" + bogus, bytes(raw)))
        elif op == "cte":
            to = draw(st.sampled_from([b"base64", b"quoted-printable", b"8bit", b"x-uuencode", b"bogus"]))
            raw = bytearray(re.sub(rb"(?i)Content-Transfer-Encoding: *[\w\-]+", b"Content-Transfer-Encoding: " + to, bytes(raw)))
        elif op == "nest":
            inner = bytes(raw)
            raw = bytearray(b"From: skhcn@binhdinh.gov.vn\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; "
                            b"boundary=\"zz\"\r\n\r\n--zz\r\nContent-Type: message/rfc822\r\n\r\n" + inner + b"\r\n--zz--\r\n")
    return bytes(raw)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated())
def test_mutated_corpus_messages(raw: bytes) -> None:
    check(raw)


# --------------------------------------------------------------------------- measured worst cases

H = (b"From: skhcn@binhdinh.gov.vn\r\nTo: baocao@binhdinh.gov.vn\r\nSubject: Bao cao ngay 22/05/2025\r\n"
     b"MIME-Version: 1.0\r\n")
PLAIN = b"Content-Type: text/plain; charset=utf-8\r\n\r\n"
HTML = b"Content-Type: text/html; charset=utf-8\r\n\r\n"


def _nested(depth: int) -> bytes:
    out = H + b'Content-Type: multipart/mixed; boundary="b0"\r\n\r\n'
    for i in range(depth):
        out += f'--b{i}\r\nContent-Type: multipart/mixed; boundary="b{i + 1}"\r\n\r\n'.encode()
    return out + f"--b{depth}\r\nContent-Type: text/plain\r\n\r\nNhiem vu: NV01\r\n".encode()


WORST = {
    "200k report lines": H + PLAIN + ("Nhiệm vụ: NV01\nTiến độ: 50%\nKết quả: abc\n" * 66_000).encode(),
    "8 MB single line": H + PLAIN + b"Ket qua: " + b"a" * 8_000_000,
    "6 MB of words": H + PLAIN + b"Nhiem vu: NV01\nKet qua: " + b"a " * 3_000_000,
    "4 MB of date-like digits": H + PLAIN + b"Ky bao cao: " + b"1/" * 2_000_000,
    "200k nested divs": H + HTML + b"<div>" * 200_000 + b"Nhiem vu: NV01" + b"</div>" * 200_000,
    "100k-row HTML table": H + HTML + b"<table>" + b"<tr><td>NV01</td><td>Dang</td><td>50</td></tr>" * 100_000 + b"</table>",
    "5000 MIME parts": H + b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
    + b"".join(b"--b\r\nContent-Type: text/plain\r\n\r\nNhiem vu: NV01\r\n" for _ in range(5000)) + b"--b--\r\n",
    "1000 MIME parts": H + b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
    + b"".join(b"--b\r\nContent-Type: text/plain\r\n\r\nNhiem vu: NV01\r\n" for _ in range(1000)) + b"--b--\r\n",
    "multipart nested 300 deep": _nested(300),
    "multipart nested 1100 deep": _nested(1100),
    "multipart nested 3000 deep": _nested(3000),
    "20k headers": b"".join(b"X-H%d: v\r\n" % i for i in range(20_000)) + H + b"\r\nNhiem vu: NV01\n",
    "4000 Received headers": b"".join(b"Received: from a by b; Tue, 20 May 2025 15:00:00 +0700\r\n" for _ in range(4000))
    + H + b"\r\nNhiem vu: NV01\n",
    "50k quote-header lines": H + PLAIN + ("Từ: a\nĐã gửi: b\n" * 50_000).encode(),
    "10 MB base64 text": H + b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    + base64.encodebytes(("Nhiệm vụ: NV01\nTiến độ: 5%\n" * 200_000).encode()),
    "200k-row CSV": H + b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n'
    b"Don vi: SKHCN\r\n--b\r\nContent-Type: text/csv; name=\"a.csv\"\r\nContent-Disposition: attachment; "
    b"filename=\"a.csv\"\r\n\r\nMa nhiem vu,Tinh trang,Tien do\r\n" + b"NV01,Dang,50\r\n" * 200_000 + b"--b--\r\n",
    "20 MB PDF attachment": H + b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n'
    b"Nhiem vu: NV01\r\n--b\r\nContent-Type: application/pdf; name=\"a.pdf\"\r\nContent-Disposition: attachment; "
    b"filename=\"a.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64.encodebytes(bytes(range(256)) * 60_000)
    + b"--b--\r\n",
}


@pytest.mark.parametrize("name", list(WORST))
def test_worst_cases(name: str) -> None:
    t0 = time.perf_counter()
    r = check(WORST[name])
    print(f"\n{name}: {time.perf_counter() - t0:.2f} s, {len(WORST[name]) / 1e6:.1f} MB -> {r.outcome} {r.codes}")


def test_xlsx_zip_bomb_is_not_inflated() -> None:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"<row>" + b" " * 200_000_000 + b"</row>")
    bomb = base64.encodebytes(buf.getvalue())
    raw = (H + b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n'
           b"Don vi: SKHCN\r\n--b\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; "
           b"name=\"a.xlsx\"\r\nContent-Disposition: attachment; filename=\"a.xlsx\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
           + bomb + b"--b--\r\n")
    r = check(raw)
    assert r.codes == ["not_a_report"]
