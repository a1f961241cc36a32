"""Bytes to text when the declared charset cannot be trusted (SPEC §5.1).

Declared charsets lie: UTF-8 labelled iso-8859-1, windows-1258 labelled latin-1. Valid UTF-8
wins; when a Western single-byte label turns Vietnamese into mojibake, a detector
(charset-normalizer) proposes, and the decoding that reads most like Vietnamese is kept.
"""

from __future__ import annotations

import re
import unicodedata
from email.header import decode_header

from parsers.text import _SURROGATE, nfc, scrub

CHARSET_ALIASES = {
    "windows-1258": "cp1258",
    "x-windows-1258": "cp1258",
    "ks_c_5601-1987": "cp949",
    "ks_c_5601": "cp949",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "unicode-1-1-utf-7": "utf-7",
    "iso-8859-8-i": "iso-8859-8",
    "ansi_x3.4-1968": "ascii",
    "x-unknown": "utf-8",
    "unknown-8bit": "utf-8",
    "default": "utf-8",
}
# Labels that decode any byte "successfully": their output must be checked for mojibake.
_WESTERN = {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "iso-8859-15", "cp1252", "windows-1252", "l1", "us-ascii", "ascii"}
_VN_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b"}
# What Vietnamese bytes look like read as Latin-1 / cp1252: eth, thorn, C1 controls, and so on.
_ODD = re.compile("[\u0080-\u009f\u00d0\u00de\u00f0\u00fe\u00a4\u00a6\u00a8\u00b4\u00b8\u00be\u00bc\u00bd\u00d7\u00f7\u00ac\u00af\u00b1\u00b5]")


def _vietnamese_score(text: str) -> int:
    letters = 0
    for ch in text:
        if ord(ch) < 0xC0:
            continue
        if ch in "đĐ" or any(c in _VN_MARKS for c in unicodedata.normalize("NFD", ch)[1:]):
            letters += 1
    return letters - 3 * len(_ODD.findall(text))


def _detected(payload: bytes) -> str | None:
    # Loaded only when a mail's decoding looks like mojibake.
    from charset_normalizer import from_bytes

    best = from_bytes(payload, cp_isolation=["cp1258", "utf_8", "cp1252", "latin_1", "cp1250"]).best()
    return str(best) if best is not None else None


def decode_bytes(payload: bytes, charset: str | None) -> str:
    declared = CHARSET_ALIASES.get((charset or "").strip().strip('"').lower(), (charset or "").strip().strip('"').lower())
    if payload.isascii():
        return payload.decode("ascii")
    try:
        return nfc(payload.decode("utf-8"))  # valid UTF-8 wins over any label
    except UnicodeDecodeError:
        pass
    if declared and declared not in ("utf-8", "utf8"):
        try:
            text = nfc(payload.decode(declared))
        except (LookupError, UnicodeDecodeError, ValueError):
            text = None
        if text is not None and (declared not in _WESTERN or not _ODD.search(text)):
            return text
        if text is not None:
            options = [text, nfc(payload.decode("cp1258", errors="replace"))]
            found = _detected(payload)
            if found:
                options.append(nfc(found))
            return max(options, key=_vietnamese_score)
    try:
        return nfc(payload.decode("cp1258"))
    except UnicodeDecodeError:
        return nfc(payload.decode("utf-8", errors="replace"))


def decode_words(value: object) -> str:
    """RFC 2047 encoded words and raw 8-bit header bytes to text (NFC); never raises."""
    text = str(value or "")
    if _SURROGATE.search(text):  # raw 8-bit bytes in a header: UTF-8, else the Vietnamese code page
        raw = text.encode("ascii", "surrogateescape")
        text = decode_bytes(raw, None)
    if "=?" in text:
        try:
            pieces = []
            for chunk, charset in decode_header(text):
                if isinstance(chunk, bytes):
                    pieces.append(decode_bytes(chunk, charset))
                else:
                    pieces.append(chunk)
            text = "".join(pieces)
        except Exception:  # noqa: BLE001 - a malformed encoded word stays as written
            pass
    return nfc(scrub(" ".join(text.split())))
