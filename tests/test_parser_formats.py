"""Report layouts seen in real mail beyond the canonical one: tasks opened by a numbered code line,
separate code and title labels, and the kind and period in the report's own heading."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from gateway.app.scaffold import EXAMPLE_TASKS, EXAMPLE_UNITS
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


def test_a_spreadsheet_pasted_into_a_plain_text_mail() -> None:
    r = parse("Đơn vị: SKHCN\nLoại báo cáo: Ngày\nKỳ báo cáo: 23/05/2025\n\n"
              "Mã nhiệm vụ\tTình trạng\tTiến độ (%)\tKết quả\n"
              "NV01\tĐang thực hiện\t60\tĐã trình dự thảo\n"
              "NV02\tHoàn thành\t100\tXong\n")
    assert r.outcome == "accepted" and r.warnings == []
    assert [(t.code, t.status, t.progress, t.result) for t in r.tasks] == [
        ("NV01", "in_progress", 60, "Đã trình dự thảo"), ("NV02", "completed", 100, "Xong")]


def test_tabs_around_the_colon_are_still_labels() -> None:
    r = parse("Nhiệm vụ: NV01\n\tTình trạng\t:\tĐang thực hiện\n\tTiến độ :\t60%\n")
    assert [(t.code, t.status, t.progress) for t in r.tasks] == [("NV01", "in_progress", 60)]


def test_progress_written_inside_the_status() -> None:
    r = parse("Nhiệm vụ: NV01\nTình trạng: Đang thực hiện (đạt khoảng 60%)\n")
    assert [(t.status, t.progress) for t in r.tasks] == [("in_progress", 60)]


def test_periods_written_without_a_year_or_with_month_names() -> None:
    # CTX receives the mail on 23/05/2025: a day without its year is the nearest one before.
    cases = {
        "Loại báo cáo: Ngày\nKỳ báo cáo: ngày 22/5": ("daily", "2025-05-22"),
        "Loại báo cáo: Ngày\nKỳ báo cáo: ngày 22 tháng 5": ("daily", "2025-05-22"),
        "Loại báo cáo: Tháng\nKỳ báo cáo: tháng Năm 2025": ("monthly", "2025-05"),
        "Loại báo cáo: Tháng\nKỳ báo cáo: tháng Tư năm 2025": ("monthly", "2025-04"),
        "Loại báo cáo: Tháng\nKỳ báo cáo: Tháng Mười Hai, 2024": ("monthly", "2024-12"),
        "Loại báo cáo: Tuần\nKỳ báo cáo: từ 19/5 đến 23/5": ("weekly", "2025-W21"),
    }
    for head, expected in cases.items():
        r = parse(head + "\n\nNhiệm vụ: NV01\nTiến độ: 50%\n")
        assert (r.kind, r.period) == expected, head
        assert "period_inferred" not in {w.code for w in r.warnings}, head


def test_several_labels_on_one_line_separated_by_semicolons() -> None:
    r = parse("Nhiệm vụ: NV01; Tình trạng: Đang thực hiện; Tiến độ: 60%\nNhiệm vụ: NV02; Tình trạng: Hoàn thành\n"
              "Kết quả: Đã họp; đã trình dự thảo; chờ ý kiến\n")
    assert [(t.code, t.status, t.progress) for t in r.tasks] == [("NV01", "in_progress", 60), ("NV02", "completed", 100)]
    assert r.tasks[1].result == "Đã họp; đã trình dự thảo; chờ ý kiến"  # a value with ';' stays whole


def _html_mail(html: str) -> bytes:
    from email.message import EmailMessage

    m = EmailMessage()
    m["From"], m["To"], m["Subject"] = SKHCN, "baocao@example.gov.vn", "Báo cáo ngày 23/05/2025"
    m.set_content(html, subtype="html")
    return m.as_bytes()


def test_a_word_form_table_of_label_and_value_cells() -> None:
    """Outlook/Word users lay the report out as a two-column table, often a <p> in every cell."""
    cell = '<td><p class="MsoNormal">{}<o:p></o:p></p></td>'
    rows = [("Đơn vị", "SKHCN"), ("Nhiệm vụ", "NV01"), ("Tình trạng", "Đang thực hiện"), ("Tiến độ", "70%"),
            ("Kết quả", "Đã trình dự thảo"), ("Nhiệm vụ", "NV02"), ("Tình trạng", "Hoàn thành")]
    html = ('<html><body><p class="MsoNormal">Kính gửi Văn phòng,</p><table border="1">'
            + "".join("<tr>" + cell.format(k) + cell.format(v) + "</tr>" for k, v in rows)
            + '</table><p class="MsoNormal">Trân trọng.</p></body></html>')
    r = parse_message(_html_mail(html), CTX)
    assert r.outcome == "accepted" and r.unit == "SKHCN" and r.warnings == []
    assert [(t.code, t.status, t.progress, t.result) for t in r.tasks] == [
        ("NV01", "in_progress", 70, "Đã trình dự thảo"), ("NV02", "completed", 100, None)]


def test_a_two_column_data_table_is_still_a_table() -> None:
    html = ("<p>Đơn vị: SKHCN</p><table><tr><th>Mã nhiệm vụ</th><th>Tiến độ (%)</th></tr>"
            "<tr><td>NV01</td><td>60</td></tr><tr><td>NV02</td><td>100</td></tr></table>")
    r = parse_message(_html_mail(html), CTX)
    assert [(t.code, t.progress) for t in r.tasks] == [("NV01", 60), ("NV02", 100)] and r.warnings == []


def test_a_word_form_table_inside_a_layout_table() -> None:
    rows = [("Đơn vị", "SKHCN"), ("Nhiệm vụ", "NV01"), ("Tình trạng", "Đang thực hiện"), ("Tiến độ", "70%")]
    form = "<table>" + "".join(f"<tr><td><p>{k}</p></td><td><p>{v}</p></td></tr>" for k, v in rows) + "</table>"
    html = f"<table><tr><td><p>Kính gửi Văn phòng,</p>{form}<p>Trân trọng.</p></td></tr></table>"
    r = parse_message(_html_mail(html), CTX)
    assert r.outcome == "accepted" and r.unit == "SKHCN"
    assert [(t.code, t.status, t.progress) for t in r.tasks] == [("NV01", "in_progress", 70)]
