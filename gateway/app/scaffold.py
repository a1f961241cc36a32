"""`baocao init DIR`: an instance folder with an example config and lists."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from gateway.app.lists import TASK_COLUMNS, UNIT_COLUMNS
from gateway.errors import UserError
from site_builder.theme import bundled_dir

EXAMPLE_UNITS = [
    ["SKHCN", "Sở Khoa học và Công nghệ", "Sở KH&CN", "Sở KHCN;Sở Khoa học Công nghệ", "Nguyễn Văn An",
     "daumoi@skhcn.example.gov.vn", "Giám đốc Sở", "daily;weekly;monthly"],
    ["CAT", "Công an tỉnh", "Công an tỉnh", "CA tỉnh", "Trần Thị Bình", "daumoi@congan.example.gov.vn",
     "Giám đốc Công an tỉnh", ""],
    ["VPUB", "Văn phòng Ủy ban nhân dân tỉnh", "VP UBND", "Văn phòng UBND tỉnh", "Lê Văn Cường",
     "daumoi@vpub.example.gov.vn", "Chánh Văn phòng", "weekly;monthly"],
]
EXAMPLE_TASKS = [
    ["NV01", "Xây dựng kế hoạch triển khai Nghị quyết 57-NQ/TW", "NQ57", "SKHCN", "VPUB",
     "Phó Giám đốc Sở KH&CN", "2025-06-30", "Kế hoạch được UBND tỉnh ban hành", "Chủ trì xây dựng, trình ban hành"],
    ["NV02", "Làm sạch dữ liệu dân cư phục vụ Đề án 06", "ĐA06", "CAT", "SKHCN",
     "Trưởng phòng PC06", "2025-09-30", "100% dữ liệu dân cư đúng, đủ, sạch, sống", "Chủ trì"],
    ["NV03", "Số hóa hồ sơ lưu trữ của cơ quan đảng", "CĐS", "VPUB", "",
     "Chánh Văn phòng", "30/12/2025", "80% hồ sơ được số hóa", "Chủ trì"],
]


def csv_text(header: list[str], rows: list[list[str]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def config_text(org_name: str, address: str, site_output: str) -> str:
    tmpl = (bundled_dir() / "instance" / "baocao.toml").read_text(encoding="utf-8")
    return tmpl.replace("{org_name}", org_name).replace("{address}", address).replace("{site_output}", site_output)


def init_instance(path: Path, force: bool = False, units: list[list[str]] | None = None,
                  tasks: list[list[str]] | None = None, org_name: str = "Ủy ban nhân dân tỉnh",
                  address: str = "baocao@example.gov.vn", site_output: str = "public") -> Path:
    path.mkdir(parents=True, exist_ok=True)
    files = {
        "baocao.toml": config_text(org_name, address, site_output),
        "units.csv": csv_text(UNIT_COLUMNS, units if units is not None else EXAMPLE_UNITS),
        "tasks.csv": csv_text(TASK_COLUMNS, tasks if tasks is not None else EXAMPLE_TASKS),
    }
    if not force:
        existing = [n for n in files if (path / n).exists()]
        if existing:
            raise UserError(f"{path / existing[0]}: already exists (use --force to overwrite)")
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")
    (path / "mail" / "inbox").mkdir(parents=True, exist_ok=True)
    return path.resolve()
