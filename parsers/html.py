"""HTML mail to text, the way a reader sees it.

Quoted history is cut on structure first (Gmail's `gmail_quote`, Outlook's `divRplyFwdMsg`,
Zimbra's `<hr id="zwchr">`, `blockquote type=cite`): a marker line is emitted there, and the text
layer decides whether what follows is a reply quote (ignored) or a forward (read). Tables outside
quotes are kept as rows of cells, since a table pasted into the mail is a valid task list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from parsers.text import fold_key

QUOTE_MARK = "\u0000QUOTE\u0000"
_WS_RUN = re.compile(r"[\r\n\t ]+")

_BLOCK = {
    "p", "div", "br", "tr", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "table", "blockquote", "pre", "hr", "section", "article", "header", "footer",
    "dt", "dd", "dl", "address", "center",
}
_SKIP = {"style", "script", "head", "title", "xml", "o:p"}
_QUOTE_CLASSES = ("gmail_quote", "moz-cite-prefix", "yahoo_quoted", "zmail_extra")
_QUOTE_IDS = ("divrplyfwdmsg", "x_divrplyfwdmsg", "appendonsend", "zwchr", "mail-editor-reference-message-container")


@dataclass
class RenderedHtml:
    text: str
    tables: list[list[list[str]]] = field(default_factory=list)


def _span(value: str | None) -> int:
    try:
        return max(1, min(20, int(value or 1)))
    except ValueError:
        return 1


def _grid(rows: list[list[tuple[str, int, int]]]) -> list[list[str]]:
    """Table rows with merged cells expanded (Word's merged headers: colspan and rowspan), so
    that every column of a row sits under its own header."""
    out: list[list[str]] = []
    carry: dict[int, tuple[str, int]] = {}  # column -> (text, rows still to fill)
    for row in rows:
        cells: list[str] = []
        queue = list(row)
        col = 0
        while queue or any(c >= col for c in carry):
            if col in carry:
                text, left = carry[col]
                cells.append(text)
                if left > 1:
                    carry[col] = (text, left - 1)
                else:
                    del carry[col]
                col += 1
                continue
            if not queue:
                col += 1
                if col > 60:
                    break
                continue
            text, colspan, rowspan = queue.pop(0)
            for _ in range(colspan):
                cells.append(text)
                if rowspan > 1:
                    carry[col] = (text, rowspan - 1)
                col += 1
        out.append(cells)
    return out


class _Renderer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.quoted = False
        self.tables: list[list[list[str]]] = []
        self._table_stack: list[list[list[tuple[str, int, int]]]] = []
        self._table_out: list[int] = []  # where each open table's text starts in self.out
        self._cell: list[str] | None = None
        self._span = (1, 1)
        self._pre = 0
        self._text_in_block = False  # visible text since the last block boundary

    # -- helpers
    def _nl(self) -> None:
        """A block boundary: one line break, however many block tags meet there."""
        if self.out and not self.out[-1].endswith("\n"):
            self.out.append("\n")
        self._text_in_block = False

    def _quote(self) -> None:
        self.out.append(f"\n{QUOTE_MARK}\n")
        self.quoted = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if tag in _SKIP:
            self.skip += 1
            return
        a = {k.lower(): (v or "") for k, v in attrs} if attrs else {}
        classes = a.get("class", "").lower()
        ident = a.get("id", "").lower()
        if attrs and (
            any(c in classes for c in _QUOTE_CLASSES)
            or any(ident.startswith(i) for i in _QUOTE_IDS)
            or (tag == "blockquote" and a.get("type", "").lower() == "cite")
        ):
            self._quote()
        if tag == "pre":
            self._pre += 1
        if tag == "table":
            self._table_stack.append([])
            self._table_out.append(len(self.out))
        elif tag == "tr" and self._table_stack:
            self._table_stack[-1].append([])
        elif tag in ("td", "th") and self._table_stack:
            self._cell = []
            self._span = (_span(a.get("colspan")), _span(a.get("rowspan")))
        if tag == "br":
            self.out.append("\n")  # an explicit line break always counts, even on an empty line
            self._text_in_block = False
        elif tag in _BLOCK:
            self._nl()
        elif tag in ("td", "th"):
            self.out.append(" | ")

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if tag == "pre":
            self._pre = max(0, self._pre - 1)
        if tag in ("td", "th") and self._cell is not None and self._table_stack:
            rows = self._table_stack[-1]
            if not rows:
                rows.append([])
            rows[-1].append((_squash("".join(self._cell)), *self._span))
            self._cell = None
        elif tag == "table" and self._table_stack:
            table = [r for r in _grid(self._table_stack.pop()) if any(c.strip() for c in r)]
            start = self._table_out.pop()
            if table and not self.quoted:
                self.tables.append(table)
            if _is_form(table):  # also inside a layout table (Outlook wraps bodies in one)
                # A two-column form (label cell, value cell), as Word lays one out, often with a
                # <p> in every cell: rewritten as the 'Label: value' lines a person reads in it.
                del self.out[start:]
                self._nl()
                self.out.append("\n".join(f"{k}: {v}" for k, v in table) + "\n")
        if tag in ("p", "div") and not self._text_in_block and self.out and self.out[-1].endswith("\n"):
            # An empty paragraph (Word's <p><o:p>&nbsp;</o:p></p>, Gmail's <div><br></div>) is a
            # blank line the writer meant; <div><br></div> already produced its line break.
            if not (len(self.out) >= 2 and self.out[-1] == "\n" and self.out[-2] == "\n"):
                self.out.append("\n")
        if tag in _BLOCK and tag != "br":
            self._nl()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)  # <br/>, <hr/>: a start tag with nothing inside

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if not self._pre:
            data = _WS_RUN.sub(" ", data)
            if self.out and self.out[-1].endswith("\n"):
                data = data.lstrip(" ")
        if data.replace("\u00a0", " ").strip():
            self._text_in_block = True
        elif not data:
            return
        self.out.append(data)
        if self._cell is not None:
            self._cell.append(data)


def _is_form(table: list[list[str]]) -> bool:
    """Every row a short label cell and a value cell, and the first row not a header of two
    column labels (that is a two-column data table, read as a table)."""
    if len(table) < 2 or not all(len(r) == 2 and r[0] and len(r[0]) <= 60 for r in table):
        return False
    from parsers.labels import LABELS  # local: labels imports text helpers this module shares

    return not all(LABELS.get(fold_key(c)) for c in table[0])


def _squash(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def html_to_text(html: str) -> RenderedHtml:
    r = _Renderer()
    try:
        r.feed(html)
        r.close()
    except Exception:  # noqa: BLE001 - malformed markup: keep what was rendered so far
        pass
    text = "".join(r.out)
    # Each rendered line trimmed; runs of blank lines collapsed (Word HTML doubles them).
    lines = [ln.strip(" ") for ln in text.split("\n")]
    compact: list[str] = []
    blank = 0
    for ln in lines:
        if not ln.strip():
            blank += 1
            if blank > 1:
                continue
        else:
            blank = 0
        compact.append(ln)
    return RenderedHtml("\n".join(compact).strip("\n"), r.tables)
