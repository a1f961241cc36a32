"""Report layouts seen in real mail beyond the canonical one: tasks opened by a numbered code line,
separate code and title labels, and the kind and period in the report's own heading."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from gateway.scaffold import EXAMPLE_TASKS, EXAMPLE_UNITS
from parsers import Directory, ParseContext, TaskInfo, UnitInfo, parse_message
from tests.helpers import eml

SKHCN = "daumoi@skhcn.example.gov.vn"
DIRECTORY = Directory(
    units=[UnitInfo(code=u[0], name=u[1], short_name=u[2], aliases=u[3].split(";"), emails=[u[5]]) for u in EXAMPLE_UNITS],
    tasks=[TaskInfo(code=t[0], title=t[1], lead_unit=t[3], coordinating_units=[c for c in t[4].split(";") if c])
           for t in EXAMPLE_TASKS],
)
CTX = ParseContext(directory=DIRECTORY, received_at=datetime(2025, 5, 23, 15, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")))


def parse(body: str, subject: str = "Báo cáo"):
    return parse_message(eml(SKHCN, subject, body), CTX)


def test_numbered_code_lines_open_tasks() -> None:
    r = parse("""Đơn vị: SKHCN
Loại báo cáo: Ngày
Kỳ báo cáo: 23/05/2025

1. NV01 - Xây dựng kế hoạch triển khai
- Tình trạng: Đang thực hiện
- Tiến độ: 60%
- Kết quả: Đã trình dự thảo.

2. NV02 – Làm sạch dữ liệu dân cư
- Tình trạng: Hoàn thành
""")
    assert r.outcome == "accepted" and r.warnings == []
    assert [(t.code, t.status, t.progress, t.title) for t in r.tasks] == [
        ("NV01", "in_progress", 60, "Xây dựng kế hoạch triển khai"),
        ("NV02", "completed", 100, "Làm sạch dữ liệu dân cư"),
    ]
    assert r.tasks[0].result == "Đã trình dự thảo."


def test_a_code_mentioned_in_prose_opens_nothing() -> None:
    r = parse("""Nhiệm vụ: NV01
Tình trạng: Đang thực hiện
Kết quả: Đã phối hợp với đơn vị chủ trì
NV02 là nhiệm vụ phối hợp, sẽ báo cáo sau.
""")
    assert [t.code for t in r.tasks] == ["NV01"]
    assert r.tasks[0].result == "Đã phối hợp với đơn vị chủ trì\nNV02 là nhiệm vụ phối hợp, sẽ báo cáo sau."


def test_code_and_title_labels_make_one_task_in_either_order() -> None:
    for first, second in (("Mã nhiệm vụ: NV01", "Tên nhiệm vụ: Xây dựng kế hoạch"),
                          ("Tên nhiệm vụ: Xây dựng kế hoạch", "Mã nhiệm vụ: NV01")):
        r = parse(f"{first}\n{second}\nTrạng thái: đang triển khai\nTỷ lệ hoàn thành: 60 phần trăm\n")
        assert [(t.code, t.status, t.progress, t.title) for t in r.tasks] == [
            ("NV01", "in_progress", 60, "Xây dựng kế hoạch")], (first, r.tasks)
        assert "duplicate_task" not in {w.code for w in r.warnings}


def test_kind_and_period_from_the_reports_own_heading() -> None:
    r = parse("""BÁO CÁO TUẦN 21/2025
Tiến độ thực hiện các nhiệm vụ theo Quyết định 1841-QĐ/TU

Nhiệm vụ: NV01
Tình trạng: Đang thực hiện
Tiến độ: 70%
""", subject="Gửi Văn phòng UBND tỉnh")
    assert (r.kind, r.period) == ("weekly", "2025-W21")
    assert {w.code for w in r.warnings}.isdisjoint({"kind_inferred", "period_inferred"})
