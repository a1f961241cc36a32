"""Unicode and whitespace normalisation for Vietnamese text.

Label matching folds text: NFD, drop combining marks, map đ/Đ/Ð to d, lower-case. Values keep their
diacritics but are NFC-normalised (cp1258 and macOS produce decomposed text).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_D_MAP = str.maketrans({"đ": "d", "Đ": "d", "Ð": "d", "ð": "d"})
# Invisible or odd spacing characters seen in real mail.
_SPACES = str.maketrans(
    {
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u3000": " ",
        "\t": " ",
        "\u200b": "",
        "\u200c": "",
        "\u200d": "",
        "\ufeff": "",
        "\u00ad": "",
        "\u200e": "",
        "\u200f": "",
        "\u202a": "",
        "\u202b": "",
        "\u202c": "",
        "\u202d": "",
        "\u202e": "",
        "\u2066": "",
        "\u2067": "",
        "\u2068": "",
        "\u2069": "",
        "\uff1a": ":",
    }
)
_WS = re.compile(r"[ ]{2,}")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


_ODD = re.compile("[" + "".join(chr(c) for c in _SPACES) + "]")


def clean_line(line: str) -> str:
    """NFC, odd spaces to plain spaces, invisible marks removed, trailing space stripped."""
    if not unicodedata.is_normalized("NFC", line):
        line = unicodedata.normalize("NFC", line)
    if _ODD.search(line):  # rare: a regex scan in C is far cheaper than translate() on every line
        line = line.translate(_SPACES)
    return line.rstrip()


def _fold_table() -> dict[int, str | None]:
    """One translate() table: precomposed Latin letters -> base letter, combining marks -> gone."""
    table: dict[int, str | None] = {}
    for cp in list(range(0x00C0, 0x0250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if base != ch and base:
            table[cp] = base
    for cp in range(0x0300, 0x0370):
        table[cp] = None
    table.update({ord("đ"): "d", ord("Đ"): "d", ord("Ð"): "d", ord("ð"): "d"})
    for k, v in _SPACES.items():
        table[k] = v
    return table


_FOLD = _fold_table()


@lru_cache(maxsize=8192)
def _fold_cached(text: str) -> str:
    return _WS.sub(" ", text.translate(_FOLD).lower()).strip()


def fold(text: str) -> str:
    """Diacritics- and case-insensitive key: 'Tiến ĐỘ' -> 'tien do' (NFC or NFD input alike).
    Short strings repeat across reports (labels, statuses): those are folded once."""
    if len(text) <= 120:
        return _fold_cached(text)
    return _WS.sub(" ", text.translate(_FOLD).lower()).strip()


_NON_ALNUM = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=8192)
def _fold_key_cached(text: str) -> str:
    return " ".join(_NON_ALNUM.sub(" ", fold(text)).split())


def fold_key(text: str) -> str:
    """Fold and drop punctuation: 'Khó khăn/vướng mắc' -> 'kho khan vuong mac'.
    Called on label candidates and names, which repeat: short strings are keyed once."""
    if len(text) <= 120:
        return _fold_key_cached(text)
    return " ".join(_NON_ALNUM.sub(" ", fold(text)).split())


def compact(text: str) -> str:
    """Fold and remove everything but letters and digits (for codes: 'NV-01' -> 'nv01')."""
    return _NON_ALNUM.sub("", fold(text))


_SURROGATE = re.compile("[\ud800-\udfff]")
# Control characters and every bidi control: never recorded (SPEC §12; they reach the site, the
# exports and our own mail otherwise). Tab and newline stay.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def scrub(text: str) -> str:
    """No lone surrogates (undecodable header bytes come back from the email package as
    surrogate escapes): bytes that were UTF-8 are recovered, anything else becomes U+FFFD.
    No control or bidi characters either."""
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    if not _SURROGATE.search(text):
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
