"""The operator's lists: units and tasks, as CSV (UTF-8, header row) or XLSX with the same columns.

The column names are a contract (SPEC §4): operators' files and tools rely on them.

Codes are checked at load, with one line naming the file, the row and the code: at most
CODE_MAX characters; letters, digits, '-', '_', '.' and inner spaces; and no two codes of a list
sharing a site file name (site_builder.paths folds a code to ASCII for its file name, and a
case-insensitive file system folds case too: `X.Y`/`X Y`, `ĐƠN-VỊ`/`dơn vị` would overwrite one
another's page).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from gateway.config import Config
from gateway.errors import UserError
from parsers.models import AgencyInfo, Directory, ObligationInfo, TaskInfo, UnitInfo
from site_builder.paths import task_path, unit_path

UNIT_COLUMNS = ["code", "name", "short_name", "aliases", "focal_point", "emails", "head", "reports"]
TASK_COLUMNS = [
    "code", "title", "group", "lead_unit", "coordinating_units", "responsible", "deadline",
    "expected_result", "responsibility",
]
# Optional columns added by this version (SPEC §4): older files without them stay valid.
UNIT_OPTIONAL = ["head_email", "successor", "reports_for"]
TASK_OPTIONAL = ["deadline_decision"]
AGENCY_COLUMNS = ["code", "name", "emails", "keywords"]
AGENCY_OPTIONAL = ["aliases"]
OBLIGATION_COLUMNS = ["code", "title", "deadline", "units"]
KINDS = {"daily", "weekly", "monthly"}


CODE_MAX = 40
_CODE_PUNCT = set("-_. ")


def _code_problem(code: str) -> str | None:
    """Why a code cannot be used (None when it can)."""
    if len(code) > CODE_MAX:
        return f"{len(code)} characters, at most {CODE_MAX} are allowed"
    for ch in code:
        if ch in _CODE_PUNCT or unicodedata.category(ch)[0] in ("L", "M", "N"):
            continue
        return f"the character {ch!r} (U+{ord(ch):04X}) is not allowed: use letters, digits, '-', '_', '.' and spaces"
    if not unicodedata.category(code[0]).startswith(("L", "N")):
        return "it must start with a letter or a digit"
    return None


class _Codes:
    """The codes of one list seen so far: duplicates and shared file names are refused."""

    def __init__(self, path: Path, site_path: Callable[[str], str]) -> None:
        self.path, self.site_path = path, site_path
        self.rows: dict[str, int] = {}
        self.files: dict[str, tuple[str, int]] = {}

    def add(self, line: int, code: str) -> None:
        where = f"{self.path}: row {line}, column 'code'"
        if not code:
            raise UserError(f"{where}: empty")
        if code in self.rows:
            raise UserError(f"{where}: {code!r} appears twice (first in row {self.rows[code]})")
        problem = _code_problem(code)
        if problem:
            raise UserError(f"{where}: {code[:60]!r}{'…' if len(code) > 60 else ''}: {problem}")
        file = self.site_path(code)
        other = self.files.get(file.casefold())
        if other is not None:
            raise UserError(f"{where}: {code!r} would share the site page {file} with {other[0]!r} "
                            f"(row {other[1]}): make the codes differ in letters or digits")
        self.rows[code] = line
        self.files[file.casefold()] = (code, line)


def _split(v: str) -> list[str]:
    return [x.strip() for x in re.split(r"[;\n]", v or "") if x.strip()]


def _rows(path: Path, required: list[str]) -> list[tuple[int, dict[str, str]]]:
    if not path.exists():
        raise UserError(f"{path}: list not found")
    try:
        if path.suffix.lower() == ".xlsx":
            from openpyxl import load_workbook

            wb = load_workbook(path, read_only=True, data_only=True)
            ws = wb.worksheets[0]
            grid = [["" if c is None else (c.date().isoformat() if isinstance(c, datetime) else str(c)) for c in r] for r in ws.iter_rows(values_only=True)]
            wb.close()
        else:
            text = path.read_bytes().decode("utf-8-sig")
            grid = list(csv.reader(io.StringIO(text)))
    except UnicodeDecodeError as exc:
        raise UserError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); save it as CSV UTF-8") from exc
    except Exception as exc:  # noqa: BLE001 - any unreadable file is the operator's to fix
        raise UserError(f"{path}: cannot read: {exc}") from exc
    if not grid:
        raise UserError(f"{path}: empty (expected a header row: {','.join(required)})")
    header = [h.strip().lower() for h in grid[0]]
    missing = [c for c in required if c not in header]
    if missing:
        raise UserError(f"{path}: missing column(s) {', '.join(missing)} in the header row")
    out = []
    for i, r in enumerate(grid[1:], start=2):
        if not any((c or "").strip() for c in r):
            continue
        out.append((i, {h: (r[j].strip() if j < len(r) and r[j] else "") for j, h in enumerate(header)}))
    return out


def parse_date(v: str) -> date | None:
    v = (v or "").strip()
    if not v:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(v, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"date {v!r} is neither YYYY-MM-DD nor dd/mm/yyyy")


def load_units(path: Path) -> list[UnitInfo]:
    units: list[UnitInfo] = []
    codes = _Codes(path, unit_path)
    for line, r in _rows(path, UNIT_COLUMNS):
        code = r["code"]
        codes.add(line, code)
        reports = [k.lower() for k in _split(r["reports"])] or ["daily", "weekly", "monthly"]
        bad = [k for k in reports if k not in KINDS]
        if bad:
            raise UserError(f"{path}: row {line}, column 'reports': {bad[0]!r} is not daily, weekly or monthly")
        emails = _addresses(path, line, "emails", r["emails"])
        units.append(
            UnitInfo(
                code=code, name=r["name"] or code, short_name=r["short_name"], aliases=_split(r["aliases"]),
                focal_point=r["focal_point"], emails=emails, head=r["head"], reports=reports,
                head_email=_addresses(path, line, "head_email", r.get("head_email", "")),
                successor=r.get("successor", ""), reports_for=_split(r.get("reports_for", "")),
            )
        )
    return units


def _addresses(path: Path, line: int, column: str, value: str) -> list[str]:
    emails = [e.lower() for e in _split(value)]
    for e in emails:
        if "@" not in e:
            raise UserError(f"{path}: row {line}, column '{column}': {e!r} is not an address")
    return emails


def load_agencies(path: Path) -> list[AgencyInfo]:
    """The agencies list (optional): who resolves difficulties, and the words that send one there."""
    out: list[AgencyInfo] = []
    codes = _Codes(path, lambda c: c)
    for line, r in _rows(path, AGENCY_COLUMNS):
        codes.add(line, r["code"])
        out.append(AgencyInfo(code=r["code"], name=r["name"] or r["code"],
                              emails=_addresses(path, line, "emails", r["emails"]),
                              keywords=_split(r["keywords"]), aliases=_split(r.get("aliases", ""))))
    return out


def load_obligations(path: Path) -> list[ObligationInfo]:
    """The obligations list (optional): one-off duties with a deadline, for some units or all."""
    out: list[ObligationInfo] = []
    codes = _Codes(path, lambda c: c)
    for line, r in _rows(path, OBLIGATION_COLUMNS):
        codes.add(line, r["code"])
        try:
            d = parse_date(r["deadline"])
        except ValueError as exc:
            raise UserError(f"{path}: row {line}, column 'deadline': {exc}") from exc
        out.append(ObligationInfo(code=r["code"], title=r["title"] or r["code"],
                                  deadline=d.isoformat() if d else None, units=_split(r["units"])))
    return out


def load_tasks(path: Path) -> list[TaskInfo]:
    tasks: list[TaskInfo] = []
    codes = _Codes(path, task_path)
    for line, r in _rows(path, TASK_COLUMNS):
        code = r["code"]
        codes.add(line, code)
        try:
            d = parse_date(r["deadline"])
        except ValueError as exc:
            raise UserError(f"{path}: row {line}, column 'deadline': {exc}") from exc
        tasks.append(
            TaskInfo(
                code=code, title=r["title"], group=r["group"], lead_unit=r["lead_unit"],
                coordinating_units=_split(r["coordinating_units"]), responsible=r["responsible"],
                deadline=d.isoformat() if d else None, expected_result=r["expected_result"],
                responsibility=r["responsibility"], deadline_decision=r.get("deadline_decision", ""),
            )
        )
    return tasks


def list_paths(cfg: Config) -> list[Path]:
    """Every list the config names (the optional ones only when named)."""
    names = [cfg.lists.units, cfg.lists.tasks, cfg.lists.agencies, cfg.lists.obligations]
    return [cfg.resolve(n) for n in names if n]


def list_mtimes(cfg: Config) -> tuple[float, ...]:
    """The lists' modification times (0 for one that is missing): a change means reload them."""
    out = []
    for path in list_paths(cfg):
        try:
            out.append(path.stat().st_mtime)
        except OSError:
            out.append(0.0)
    return tuple(out)


def load_directory(cfg: Config) -> Directory:
    return Directory(
        units=load_units(cfg.resolve(cfg.lists.units)), tasks=load_tasks(cfg.resolve(cfg.lists.tasks)),
        agencies=load_agencies(cfg.resolve(cfg.lists.agencies)) if cfg.lists.agencies else [],
        obligations=load_obligations(cfg.resolve(cfg.lists.obligations)) if cfg.lists.obligations else [],
    )


def reference_problems(d: Directory) -> list[str]:
    """Codes the optional columns name that no list holds (successor, reports_for, obligation units)."""
    codes = {u.code for u in d.units}
    out = []
    for u in d.units:
        if u.successor and u.successor not in codes:
            out.append(f"unit {u.code}: unknown successor {u.successor!r}")
        for c in u.reports_for:
            if c not in codes:
                out.append(f"unit {u.code}: reports_for names an unknown unit {c!r}")
        if u.successor == u.code:
            out.append(f"unit {u.code}: successor names the unit itself")
        if u.code in u.reports_for:
            out.append(f"unit {u.code}: reports_for names the unit itself")
    for o in d.obligations:
        if not o.deadline:
            out.append(f"obligation {o.code}: no deadline")
        for c in o.units:
            if c not in codes:
                out.append(f"obligation {o.code}: unknown unit {c!r}")
    for a in d.agencies:
        if not a.emails:
            out.append(f"agency {a.code}: no address (difficulties routed to it cannot be mailed)")
    return out


def office_problems(d: Directory, office: str) -> list[str]:
    """The `[difficulties] office` must be an agency or a unit when there is an agencies list."""
    if not d.agencies or any(a.code == office for a in d.agencies) or any(u.code == office for u in d.units):
        return []
    return [f"[difficulties] office {office!r} is neither in the agencies list nor a unit"]


def five_ro_problems(d: Directory) -> list[str]:
    """Every task failing the '5 rõ' (clear person, task, responsibility, time, result)."""
    codes = {u.code for u in d.units}
    out = []
    for t in d.tasks:
        why = []
        if not t.title:
            why.append("no title (rõ việc)")
        if not t.responsible:
            why.append("no responsible person (rõ người)")
        if not t.deadline:
            why.append("no deadline (rõ thời gian)")
        if not t.expected_result:
            why.append("no expected result (rõ kết quả)")
        if not t.lead_unit:
            why.append("no lead unit (rõ trách nhiệm)")
        elif t.lead_unit not in codes:
            why.append(f"unknown lead unit {t.lead_unit!r}")
        for c in t.coordinating_units:
            if c not in codes:
                why.append(f"unknown coordinating unit {c!r}")
        if why:
            out.append(f"{t.code}: " + "; ".join(why))
    return out
