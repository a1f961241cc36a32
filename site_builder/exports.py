"""Machine-readable exports of the snapshot (CSV, JSON, XLSX) and the per-unit report templates
(text form and pre-filled XLSX) that the parser accepts back.

The state tables (units, tasks, difficulty records) are small and rewritten with every build. The
history (reports and task updates) is split by the month it was received in (du-lieu/thang-YYYY-MM/):
a new report rewrites only the current month's files, and a closed month's files never change.
The whole-history CSV and JSON (du-lieu/bao-cao.csv, cap-nhat.csv, …) are joined from the months'
bytes, not formatted again. The site's workbook holds the state and the current month; a closed
month has a workbook of its own, and the workbook of the whole history is built on demand
(`baocao export`), never per batch."""

from __future__ import annotations

import csv
import io
import json
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import Any

from site_builder.snapshot import Snapshot, UnitView
from site_builder.xlsx import Sheet, workbook

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe (OWASP)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


@dataclass
class Table:
    """One export: machine column names, Vietnamese headers (XLSX), and the rows."""

    name: str  # file stem
    sheet: str  # XLSX sheet name
    columns: list[str]
    headers: list[str]
    rows: list[list[Any]]
    widths: Sequence[float]
    # Per column, how the XLSX shows a coded value: "status", "timeliness", "kind", "bool",
    # "reports", "date", "datetime" (CSV and JSON keep the codes and ISO text for machines).
    shown: dict[int, str] = field(default_factory=dict)


def _rate(v: float | None) -> float | None:
    return None if v is None else round(v * 100, 1)


def state_tables(snap: Snapshot, labels: dict[str, dict[str, str]] | None = None) -> list[Table]:
    """Units, tasks and difficulty records as they stand."""
    unit_cols = ["code", "name", "short_name", "focal_point", "head", "reports"]
    unit_heads = ["Mã", "Tên đơn vị", "Tên ngắn", "Đầu mối", "Thủ trưởng", "Chế độ báo cáo"]
    if snap.show_emails:
        unit_cols.append("emails")
        unit_heads.append("Thư điện tử")
    unit_cols += ["expected", "received", "on_time", "late", "missing", "reporting_rate", "on_time_rate",
                  "tasks_led", "tasks_completed", "tasks_overdue"]
    unit_heads += ["Số kỳ phải báo cáo", "Đã báo cáo", "Đúng hạn", "Trễ hạn", "Thiếu", "Tỷ lệ báo cáo (%)",
                   "Tỷ lệ đúng hạn (%)", "Nhiệm vụ chủ trì", "Đã hoàn thành", "Quá hạn"]
    units = []
    for u in snap.units:
        i, r = u.info, u.rates
        row: list[Any] = [i.code, i.name, i.short_name, i.focal_point, i.head, ";".join(i.reports)]
        if snap.show_emails:
            row.append(";".join(i.emails))
        row += [r.expected, r.received, r.on_time, r.late, r.missing, _rate(r.reporting_rate),
                _rate(r.on_time_rate), len(u.led), u.completed, u.overdue]
        units.append(row)

    task_rows = []
    for t in sorted(snap.tasks, key=lambda t: t.info.code):
        ti = t.info
        task_rows.append([ti.code, ti.title, ti.group, ti.lead_unit, ";".join(ti.coordinating_units), ti.responsible,
                          ti.deadline, ti.expected_result, ti.responsibility, t.status, t.progress, t.overdue,
                          t.last_update.received_at.isoformat() if t.last_update else None])
    return [
        Table("don-vi", "Đơn vị", unit_cols, unit_heads, units, [10, 40, 18, 22, 22, 20] + [12] * 10,
              {5: "reports"}),
        Table("nhiem-vu", "Nhiệm vụ",
              ["code", "title", "group", "lead_unit", "coordinating_units", "responsible", "deadline",
               "expected_result", "responsibility", "status", "progress", "overdue", "last_update_at"],
              ["Mã", "Nhiệm vụ", "Nhóm", "Chủ trì", "Phối hợp", "Người chịu trách nhiệm", "Thời hạn",
               "Kết quả cần đạt", "Trách nhiệm", "Tình trạng", "Tiến độ (%)", "Quá hạn", "Cập nhật lần cuối"],
              task_rows, [10, 50, 10, 10, 18, 24, 12, 40, 24, 16, 10, 8, 18],
              {6: "date", 9: "status", 11: "bool", 12: "datetime"}),
        _difficulty_table(snap, labels or {}),
    ]


def month_of(received_at: datetime, snap: Snapshot) -> str:
    """The month (YYYY-MM, in the instance's zone) a report or an update was received in."""
    return month_in(received_at, snap.now.tzinfo)


def month_in(received_at: datetime, tz: tzinfo | None) -> str:
    if tz is not None and received_at.utcoffset() == tz.utcoffset(received_at):  # stored in the zone: no conversion
        return f"{received_at.year}-{received_at.month:02d}"
    return f"{received_at.astimezone(tz):%Y-%m}"


def history_tables(snap: Snapshot, months: set[str] | None = None) -> dict[str, list[Table]]:
    """month -> its reports and task updates (received that month, in arrival order): every month
    with data, or only those in `months`."""
    tasks_by_code = {t.info.code for t in snap.tasks}
    # Both lists are in arrival order: for a few recent months only their tail is looked at.
    first = min(months) if months else None
    report_rows = snap.reports  # newest first
    if first is not None:
        n = 0
        for r in report_rows:
            if month_of(datetime.fromisoformat(r["received_at"]), snap) < first:
                break
            n += 1
        report_rows = report_rows[:n]
    update_rows = snap.updates
    if first is not None:
        i = len(update_rows)
        while i and month_of(update_rows[i - 1].received_at, snap) >= first:
            i -= 1
        update_rows = update_rows[i:]
    reports: dict[str, list[list[Any]]] = {}
    for r in reversed(report_rows):
        m = month_of(datetime.fromisoformat(r["received_at"]), snap)
        if months is None or m in months:
            reports.setdefault(m, []).append([r["id"], r["unit"], r["kind"], r["period"], r["received_at"],
                                              r["timeliness"], r["summary"]])
    updates: dict[str, list[list[Any]]] = {}
    for u in update_rows:
        m = month_of(u.received_at, snap)
        if months is None or m in months:
            updates.setdefault(m, []).append([u.id, u.report_id, u.unit, u.task, u.kind, u.period,
                                              u.received_at.isoformat(), u.status, u.progress, u.result,
                                              u.difficulties, u.proposals, u.notes, u.task in tasks_by_code])
    return {m: [_report_table(reports.get(m, [])), _update_table(updates.get(m, []))]
            for m in sorted(set(reports) | set(updates))}


def _report_table(rows: list[list[Any]]) -> Table:
    return Table("bao-cao", "Báo cáo",
                 ["id", "unit", "kind", "period", "received_at", "timeliness", "summary"],
                 ["Số", "Đơn vị", "Loại", "Kỳ", "Nhận lúc", "Đúng hạn / trễ", "Tình hình chung"],
                 rows, [8, 10, 9, 12, 18, 12, 60], {2: "kind", 4: "datetime", 5: "timeliness"})


def _update_table(rows: list[list[Any]]) -> Table:
    return Table("cap-nhat", "Cập nhật nhiệm vụ",
                 ["id", "report_id", "unit", "task", "kind", "period", "received_at", "status", "progress", "result",
                  "difficulties", "proposals", "notes", "known_task"],
                 ["Số", "Báo cáo số", "Đơn vị", "Nhiệm vụ", "Loại", "Kỳ", "Nhận lúc", "Tình trạng", "Tiến độ (%)",
                  "Kết quả", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị", "Ghi chú", "Có trong danh mục"],
                 rows, [8, 8, 10, 10, 9, 12, 18, 16, 10, 50, 40, 40, 30, 10],
                 {4: "kind", 6: "datetime", 7: "status", 13: "bool"})


def tables(snap: Snapshot, labels: dict[str, dict[str, str]] | None = None) -> list[Table]:
    """Every table over the whole history (the on-demand workbook)."""
    state = state_tables(snap, labels)
    months = history_tables(snap)
    reports = _report_table([row for ts in months.values() for row in ts[0].rows])
    updates = _update_table([row for ts in months.values() for row in ts[1].rows])
    return [state[0], state[1], reports, updates, state[2]]


def _iso(v: datetime | None) -> str | None:
    return v.isoformat() if v else None


def _difficulty_table(snap: Snapshot, labels: dict[str, dict[str, str]]) -> Table:
    """The difficulty records (SPEC §8.1), oldest first: the codes for machines and, beside the
    state and the routing, their Vietnamese words (the difficulties page's)."""
    states, routes = labels.get("difficulty_states", {}), labels.get("difficulty_routes", {})
    rows = [[d.ref, d.unit, d.task, d.text, d.proposals, d.agency, d.agency_name, d.routed_by,
             routes.get(d.routed_by, d.routed_by), d.state, states.get(d.state, d.state), _iso(d.raised_at),
             _iso(d.last_seen_at), _iso(d.answered_at), d.answer, _iso(d.resolved_at), d.resolution, d.note,
             d.age_days, d.ageing] for d in sorted(snap.loop, key=lambda d: d.id)]
    return Table(
        "kho-khan", "Khó khăn, vướng mắc",
        ["ref", "unit", "task", "text", "proposals", "agency", "agency_name", "routed_by", "routed_by_label", "state",
         "state_label", "raised_at", "last_seen_at", "answered_at", "answer", "resolved_at", "resolution", "note",
         "age_days", "ageing"],
        ["Mã", "Đơn vị", "Nhiệm vụ", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị", "Mã cơ quan xử lý", "Cơ quan xử lý",
         "Mã cách chuyển", "Cách chuyển", "Mã tình trạng", "Tình trạng xử lý", "Nêu lúc", "Nêu lại lần cuối",
         "Trả lời lúc", "Ý kiến xử lý", "Giải quyết / đóng lúc", "Cách giải quyết", "Ghi chú", "Số ngày",
         "Chậm trả lời"],
        rows, [9, 10, 10, 50, 40, 10, 26, 10, 22, 12, 26, 18, 18, 18, 50, 18, 12, 30, 8, 10],
        {11: "datetime", 12: "datetime", 13: "datetime", 15: "datetime", 19: "bool"})


def to_csv(t: Table, header: bool = True) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    if header:
        w.writerow(t.columns)
    w.writerows([defuse(v) for v in row] for row in t.rows)
    # BOM: Excel then reads UTF-8 Vietnamese
    return (("\ufeff" if header else "") + buf.getvalue()).encode("utf-8")


def to_json(t: Table) -> bytes:
    """An array of objects, one per line (the C encoder: no indent)."""
    cols = t.columns
    enc = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    return ("[\n" + ",\n".join(enc(dict(zip(cols, row, strict=True))) for row in t.rows) + "\n]\n").encode("utf-8")


def _shower(how: str, labels: dict[str, dict[str, str]]) -> Callable[[Any], Any]:
    """How the XLSX shows a column's coded value: Vietnamese words, real date cells."""
    yes, no = labels.get("values", {}).get("yes", "Có"), labels.get("values", {}).get("no", "Không")
    words = {"status": labels.get("statuses", {}), "timeliness": labels.get("timeliness", {}),
             "kind": labels.get("kinds", {})}
    if how in words:
        table = words[how]
        return lambda v: table.get(v, v) if isinstance(v, str) else v
    if how == "bool":
        return lambda v: None if v is None else (yes if v else no)
    if how == "reports":
        kinds = labels.get("kinds", {})
        return lambda v: "; ".join(kinds.get(k, k) for k in v.split(";")) if isinstance(v, str) and v else v
    if how == "date":
        return lambda v: date.fromisoformat(v[:10]) if isinstance(v, str) and v else v
    if how == "datetime":
        return lambda v: datetime.fromisoformat(v) if isinstance(v, str) and v else v
    return lambda v: v


def to_xlsx(ts: Sequence[Table], labels: dict[str, dict[str, str]] | None = None) -> bytes:
    sheets = []
    for t in ts:
        shows = [(i, _shower(how, labels or {})) for i, how in t.shown.items()]
        if shows:
            rows: list[list[Any]] = []
            for row in t.rows:
                row = list(row)
                for i, show in shows:
                    row[i] = show(row[i])
                rows.append(row)
        else:
            rows = t.rows
        sheets.append(Sheet(t.sheet, [t.headers, *rows], t.widths, frozenset({0}), freeze_row=1))
    return workbook(sheets)


HISTORY = ("bao-cao", "cap-nhat")
WHOLE_HISTORY = tuple(f"du-lieu/{stem}.{ext}" for stem in HISTORY for ext in ("csv", "json"))
WORKBOOK = "du-lieu/bao-cao-tong-hop.xlsx"
SLOW = (*WHOLE_HISTORY, WORKBOOK)  # made on the downloads' cadence (Changes.downloads)


def month_dir(month: str) -> str:
    return f"du-lieu/thang-{month}"


def months_in(snap: Snapshot) -> list[str]:
    """Every month with reports or updates, oldest first (the snapshot's, when it counted them).
    An update is received with its report (the same instant): only one whose report is not in
    the snapshot is looked at."""
    if snap.months is not None:
        return snap.months
    found = {month_of(datetime.fromisoformat(r["received_at"]), snap) for r in snap.reports}
    ids = {r["id"] for r in snap.reports}
    found |= {month_of(u.received_at, snap) for u in snap.updates if u.report_id not in ids}
    return sorted(found)


def exports(snap: Snapshot, labels: dict[str, dict[str, str]] | None = None, months: set[str] | None = None,
            previous: Callable[[str], bytes | None] | None = None, all_months: list[str] | None = None,
            slow: bool = True) -> dict[str, bytes]:
    """The export files. With `months`, only those months' history files are made and the other
    months' files are taken from `previous` (the published build's bytes, by path). The slow
    ones — the site's workbook, the whole-history files joined from the months' files — are left
    out unless `slow` (the published ones are kept: changes.Changes.downloads)."""
    files: dict[str, bytes] = {}
    state = state_tables(snap, labels)
    for t in state:
        files[f"du-lieu/{t.name}.csv"] = to_csv(t)
        files[f"du-lieu/{t.name}.json"] = to_json(t)
    current = f"{snap.today:%Y-%m}"
    history = history_tables(snap, None if months is None else {*months, current})
    for m, ts in history.items():
        files.update(_month_files(m, ts))
        if m != current:  # a closed month's workbook; the current month is in the site's workbook
            files[f"{month_dir(m)}/bao-cao-thang.xlsx"] = to_xlsx(ts, labels)
    if not slow:
        return files
    now = history.get(current) or [_report_table([]), _update_table([])]
    files[WORKBOOK] = to_xlsx([state[0], state[1], now[0], now[1], state[2]], labels)
    # The whole history, joined from the months' files (made above, else the published ones).
    pieces: dict[str, list[bytes]] = {f"{stem}.{ext}": [] for stem in HISTORY for ext in ("csv", "json")}
    for m in all_months if all_months is not None else months_in(snap):
        got = {name: files.get(f"{month_dir(m)}/{name}") for name in pieces}
        if previous is not None:
            got = {name: data if data is not None else previous(f"{month_dir(m)}/{name}") for name, data in got.items()}
        if None in got.values():  # not in the last build either: made here after all
            made = _month_files(m, history_tables(snap, {m}).get(m, []))
            files.update(made)
            got = {name: made.get(f"{month_dir(m)}/{name}", got[name]) for name in got}
        for name, data in got.items():
            pieces[name].append(data or b"")
    for stem, head in (("bao-cao", _report_table([])), ("cap-nhat", _update_table([]))):
        files[f"du-lieu/{stem}.csv"] = join_csv(to_csv(head), pieces[f"{stem}.csv"])
        files[f"du-lieu/{stem}.json"] = join_json(pieces[f"{stem}.json"])
    return files


# The files of the months written lately, with the rows they hold: the current month is written
# again after every batch with the same rows and the new ones, which alone are encoded.
_MONTHS: OrderedDict[tuple[str, str], tuple[list[list[Any]], bytes, bytes]] = OrderedDict()
MONTHS_HELD = 4


def _month_files(month: str, ts: list[Table]) -> dict[str, bytes]:
    """A month's history as CSV and JSON."""
    out = {}
    for t in ts:
        key = (t.name, month)
        held = _MONTHS.get(key)
        n = len(held[0]) if held is not None else 0
        if held is not None and 0 < n <= len(t.rows) and t.rows[:n] == held[0]:
            tail = Table(t.name, t.sheet, t.columns, t.headers, t.rows[n:], t.widths)
            csv_b = held[1] + to_csv(tail, header=False)
            json_b = held[2] if not tail.rows else held[2][:-3] + b",\n" + to_json(tail)[2:]
        else:
            csv_b, json_b = to_csv(t), to_json(t)
        _MONTHS[key] = (list(t.rows), csv_b, json_b)
        _MONTHS.move_to_end(key)
        while len(_MONTHS) > MONTHS_HELD:
            _MONTHS.popitem(last=False)
        out[f"{month_dir(month)}/{t.name}.csv"] = csv_b
        out[f"{month_dir(month)}/{t.name}.json"] = json_b
    return out


def join_csv(header: bytes, months: list[bytes]) -> bytes:
    """One CSV from the months' CSVs (each with the same BOM and header line)."""
    return b"".join([header, *(memoryview(m)[len(header):] for m in months)])  # views: no copy of each month


def join_json(months: list[bytes]) -> bytes:
    """One JSON array from the months' arrays (to_json's layout: an object per line)."""
    inner = [memoryview(m)[2:-3] for m in months if len(m) > 5]  # "[\n" … "\n]\n"
    return b"".join([b"[\n", b",\n".join(inner), b"\n]\n"])


# -- the per-unit report template ----------------------------------------------------------------

TEMPLATE_HEADER = ["Mã nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Kết quả", "Khó khăn, vướng mắc",
                   "Đề xuất, kiến nghị", "Ghi chú"]


def form_rows(snap: Snapshot, u: UnitView, status_label: Callable[[str], str]) -> list[dict[str, Any]]:
    """The unit's tasks with its own last status and progress (never its old text: a form re-sent
    unchanged must not repeat yesterday's results as today's)."""
    titles = {t.info.code: t.info.title for t in snap.tasks}
    rows = []
    for code in u.tasks:
        last = u.own_last.get(code)
        rows.append({"code": code, "title": titles.get(code, ""),
                     "status": last.status if last else None,
                     "status_label": status_label(last.status) if last and last.status else status_label("in_progress"),
                     "progress": last.progress if last and last.progress is not None else 0})
    return rows


def xlsx_template(snap: Snapshot, u: UnitView, rows: list[dict[str, Any]], kind_label: str, period: str) -> bytes:
    """The unit's pre-filled XLSX report; `period` as a focal point writes it (Theme.period_input)."""
    report: list[list[Any]] = [
        ["Đơn vị:", u.info.code],
        ["Loại báo cáo:", kind_label],
        ["Kỳ báo cáo:", period],
        [],
        TEMPLATE_HEADER,
        *[[r["code"], r["status_label"], r["progress"], "", "", "", ""] for r in rows],
    ]
    catalogue: list[list[Any]] = [["Mã số", "Tên nhiệm vụ được giao", "Thời hạn"]]
    tasks_by_code = {t.info.code: t for t in snap.tasks}
    for r in rows:
        t = tasks_by_code.get(r["code"])
        catalogue.append([r["code"], r["title"], t.info.deadline if t else None])
    return workbook([
        Sheet("Báo cáo", report, [16, 18, 12, 40, 32, 32, 24], frozenset({0, 1, 2, 4})),
        Sheet("Danh mục nhiệm vụ", catalogue, [12, 70, 12], frozenset({0})),
    ])
