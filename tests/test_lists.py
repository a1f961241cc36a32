"""The operator's lists: CSV or XLSX with the contract columns, and `baocao check` (the 5 rõ)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from gateway.app.lists import five_ro_problems, load_tasks, load_units
from parsers.models import Directory
from tests.helpers import make_instance
from tests.test_skeleton import run_cli


def _to_xlsx(csv_path: Path, xlsx_path: Path) -> None:
    import csv

    wb = Workbook()
    ws = wb.active
    with csv_path.open(encoding="utf-8") as f:
        for row in csv.reader(f):
            ws.append(row)
    wb.save(xlsx_path)


def test_xlsx_lists_read_like_csv(tmp_path: Path) -> None:
    inst = make_instance(tmp_path / "i")
    units_csv, tasks_csv = tmp_path / "i" / "units.csv", tmp_path / "i" / "tasks.csv"
    _to_xlsx(units_csv, tmp_path / "units.xlsx")
    _to_xlsx(tasks_csv, tmp_path / "tasks.xlsx")
    assert load_units(tmp_path / "units.xlsx") == load_units(units_csv)
    tasks = load_tasks(tmp_path / "tasks.xlsx")
    assert tasks == load_tasks(tasks_csv)
    assert [t.deadline for t in tasks] == ["2025-06-30", "2025-09-30", "2025-12-30"]  # dd/mm/yyyy read too
    assert inst.directory.units[0].emails == ["daumoi@skhcn.example.gov.vn"]


def test_five_ro_lists_every_gap(tmp_path: Path) -> None:
    demo = Path(__file__).resolve().parent.parent / "templates" / "demo"
    units = load_units(demo / "units.csv")
    tasks_csv = (demo / "tasks.csv").read_text(encoding="utf-8")
    # The demo list writes deadlines as day offsets; give them dates, and break one task's 5 rõ.
    import csv
    import io

    rows = list(csv.reader(io.StringIO(tasks_csv)))
    for r in rows[1:]:
        r[6] = "2025-12-31"
    rows[1][5] = ""  # NV01: nobody responsible
    out = tmp_path / "tasks.csv"
    with out.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    problems = five_ro_problems(Directory(units=units, tasks=load_tasks(out)))
    assert any(p.startswith("NV01: no responsible person") for p in problems)
    assert any(p.startswith("NV14:") and "unknown coordinating unit 'KBNN'" in p for p in problems)
    assert any(p.startswith("NV32:") and "no expected result" in p for p in problems)
    assert len(problems) == 3


def test_check_command_reports_problems_and_exit_status(tmp_path: Path) -> None:
    inst = make_instance(tmp_path / "i")
    p = run_cli("check", "--offline", "--config", str(inst.cfg.path))
    assert p.returncode == 0 and p.stdout.strip().endswith("OK"), p.stdout + p.stderr
    tasks = tmp_path / "i" / "tasks.csv"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace(",CAT,SKHCN,", ",CAT,SKHCN;XYZ,"), encoding="utf-8")
    p = run_cli("check", "--offline", "--config", str(inst.cfg.path))
    assert p.returncode == 1
    assert "NV02: unknown coordinating unit 'XYZ'" in p.stdout and "1 problem(s)" in p.stdout
