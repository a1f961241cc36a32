"""A Word report (.docx) as text lines and tables, in document order (python-docx).

Focal points attach the report they signed: the official header, numbered sections, and often a
table of tasks. Paragraphs become lines for the text reader; each table also comes out as rows for
the table reader. A two-column table whose left cells are labels reads as 'label: value' lines.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from parsers.labels import match_label

MAX_UNPACKED = 40 * 1024 * 1024  # a zip bomb is refused before python-docx inflates it
MAX_PARAGRAPHS = 5000


def read(data: bytes) -> tuple[list[str], list[list[list[str]]]]:
    """(text lines, tables as rows of cells). Raises on a file that is not a Word document."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        if sum(i.file_size for i in z.infolist()) > MAX_UNPACKED:
            raise ValueError("docx too large when unpacked")
    # Loaded only for mail with a Word file: python-docx is costly to import.
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = Document(io.BytesIO(data))
    lines: list[str] = []
    grids: list[list[list[str]]] = []
    for block in doc.iter_inner_content():
        if len(lines) > MAX_PARAGRAPHS:
            break
        if isinstance(block, Paragraph):
            lines.extend(block.text.split("\n"))
        elif isinstance(block, Table):
            rows = [[_cell_text(c) for c in _unique_cells(r)] for r in block.rows]
            grids.append(rows)
            lines.append("")
            for r in rows:
                cells = [c for c in r if c.strip()]
                if len(cells) == 2 and match_label(cells[0] + ":"):
                    lines.append(f"{cells[0]}: {cells[1]}")
                else:
                    lines.append(" | ".join(cells))
            lines.append("")
    return lines, grids


def _unique_cells(row: Any) -> Iterator[Any]:
    """Merged cells repeat in python-docx: each once."""
    seen: list[object] = []
    for c in row.cells:
        if not any(c._tc is s for s in seen):  # noqa: SLF001
            seen.append(c._tc)  # noqa: SLF001
            yield c


def _cell_text(cell: Any) -> str:
    return "\n".join(p.text for p in cell.paragraphs).strip()
