"""What leaders hold in their hands (SPEC §8.2): the formal report read back as a person would
(python-docx, then LibreOffice's PDF read by poppler, a page image kept), the scorecard's formula
on a constructed month, exemptions, programmes, the last completed week on home, the guide's
address, the XLSX export's Vietnamese values and real dates."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from docx import Document
from markupsafe import Markup

from gateway.cli import main
from gateway.config import Deadlines
from gateway.domain.calendar import WorkCalendar
from gateway.domain.compliance import Compliance, Exemption, FirstReport
from parsers.models import Cell, Directory, Rates, TaskInfo, UnitInfo
from site_builder import leaders
from site_builder.snapshot import PeriodView, Snapshot, TaskView, UnitView, Update
from tests.chromium import artifacts  # noqa: F401 - pytest fixture
from tests.helpers import at
from tests.site_data import NOW, build_province, site_dir

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
A4_W_PT = 595.3
LEFT_PT, RIGHT_PT = 30 / 25.4 * 72, 15 / 25.4 * 72  # the template's margins


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    return build_province(tmp_path_factory.mktemp("leaders") / "p")


def _report(province, tmp_path: Path, *args: str) -> Path:  # noqa: ANN001
    out = tmp_path / "out"
    out.mkdir(parents=True, exist_ok=True)
    rc = main(["report", *args, "-c", str(province.cfg.path), "--now", NOW.isoformat(), "-o", str(out)])
    assert rc == 0
    [docx] = sorted(out.glob("*.docx"))
    return docx


def _text(doc) -> str:  # noqa: ANN001
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            for c in row.cells:
                parts.append(c.text)
    return "\n".join(parts)


def test_formal_report_reads_back_with_the_sites_numbers(province, tmp_path: Path) -> None:  # noqa: ANN001
    path = _report(province, tmp_path, "--month", "2025-05")
    doc = Document(str(path))
    text = _text(doc)
    for needle in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "/BC-TCT", "BÁO CÁO",
                   "Tháng 5/2025", "I. TÌNH HÌNH CHUNG", "II. KẾT QUẢ THỰC HIỆN THEO CHƯƠNG TRÌNH",
                   "III. TÌNH HÌNH THỰC HIỆN CHẾ ĐỘ BÁO CÁO CỦA CÁC ĐƠN VỊ", "IV. NHIỆM VỤ QUÁ HẠN",
                   "V. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ", "VI. KIẾN NGHỊ", "Nơi nhận:", "TM. TỔ CÔNG TÁC",
                   "NQ57 – Nghị quyết số 57-NQ/TW", "ĐA06 – Đề án 06", "CĐS – Đề án chuyển đổi số"):
        assert needle in text, needle
    # The programmes in the Decision's order; the overdue task; the compliance table's numbers.
    assert text.index("NQ57 –") < text.index("ĐA06 –") < text.index("CĐS –")
    overdue = next(t for t in doc.tables if t.rows[0].cells[0].text == "STT" and "Số ngày quá hạn" in t.rows[0].cells[5].text)
    assert [c.text for c in overdue.rows[1].cells][1:4] == ["NV04", "Chuẩn hóa dữ liệu đất đai phục vụ Đề án 06", "Công an tỉnh"]
    compliance = next(t for t in doc.tables if t.rows[0].cells[1].text == "Đơn vị" and len(t.columns) == 8)
    rows = {r.cells[1].text: [c.text for c in r.cells] for r in compliance.rows[1:]}
    # May 2025 on the site: SKHCN owes 5 daily + 1 weekly (W21, due 23/05) = 6: on time 4 (19, 20, 21, 22... see
    # tests/site_data.py: 19, 20 on time; 21 at 16:00 on time; 22 at 16:10 on time; 23 missing; weekly late).
    assert rows["Sở KH&CN"][2:6] == ["6", "4", "1", "1"], rows
    # The same numbers as the scores page of that month.
    month = (site_dir(province) / "danh-gia/2025-05.html").read_text(encoding="utf-8")
    assert "danh-gia/2025-05.html" in (site_dir(province) / "danh-gia/index.html").read_text(encoding="utf-8") or month
    # Byte-stable: the same data gives the same bytes.
    again = _report(province, tmp_path / "again", "--month", "2025-05")
    assert again.read_bytes() == path.read_bytes()


def test_formal_report_renders_in_libreoffice(province, tmp_path: Path, artifacts: Path) -> None:  # noqa: ANN001, F811
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    if not soffice or not pdftotext:
        pytest.fail("LibreOffice (libreoffice-writer) and poppler-utils are needed; scripts/test.sh installs them",
                    pytrace=False)
    path = _report(province, tmp_path, "--week", "2025-W21")
    profile = tmp_path / "lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / (path.stem + ".pdf")
    assert pdf.is_file()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert 2 <= pages <= 8, pages
    assert "595.3" in info and "841.89" in info  # A4
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for needle in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Nơi nhận:",
                   "NHIỆM VỤ QUÁ HẠN", "Chuẩn hóa dữ liệu đất đai", "Sở KH&CN", "Công an tỉnh", "TỔ TRƯỞNG"):
        assert needle in text, needle  # diacritics intact through Word → PDF → text
    # Every word of every page lies within the page's margins (tables included).
    bbox = subprocess.run([pdftotext, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    import re

    xs = [(float(a), float(b)) for a, b in re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', bbox)]
    assert xs
    assert min(a for a, _ in xs) >= LEFT_PT - 4, min(a for a, _ in xs)
    assert max(b for _, b in xs) <= A4_W_PT - RIGHT_PT + 4, max(b for _, b in xs)
    # A page image, kept as a test artefact (and looked at by a person).
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "2", str(pdf), str(artifacts / "bao-cao-tuan")],
                   check=True, timeout=120)
    assert list(artifacts.glob("bao-cao-tuan-*.png"))


def test_site_offers_the_report_per_week_and_month(province) -> None:  # noqa: ANN001
    site = site_dir(province)
    for kind, period, stem in (("weekly", "2025-W21", "tuan"), ("monthly", "2025-05", "thang")):
        page = (site / f"luu-tru/{stem}-{period}.html").read_text(encoding="utf-8")
        assert f'href="../luu-tru/bao-cao-{stem}-{period}.docx"' in page, kind
        doc = Document(io.BytesIO((site / f"luu-tru/bao-cao-{stem}-{period}.docx").read_bytes()))
        assert "TÌNH HÌNH CHUNG" in _text(doc)


# -- the scorecard on a constructed month --------------------------------------------------------
def _cell(unit: str, day: str, status: str) -> Cell:
    d = date.fromisoformat(day)
    return Cell(unit, "daily", day, datetime(d.year, d.month, d.day, 16, 30, tzinfo=TZ), status)


def test_scorecard_formula_on_a_constructed_month() -> None:
    units = [UnitView(UnitInfo(code="A", name="A")), UnitView(UnitInfo(code="B", name="B"))]
    days = ["2025-05-05", "2025-05-06", "2025-05-07", "2025-05-08"]
    # A: on time, late, missing, exempt; B: all on time.
    a = dict(zip(days, ["on_time", "late", "missing", "exempt"], strict=True))
    periods = [PeriodView("daily", d, _cell("A", d, "on_time").deadline, [_cell("A", d, a[d]), _cell("B", d, "on_time")],
                          {}, {}) for d in days]
    deadline = date(2025, 5, 20)
    # A leads T1: deadline 20/05, still in progress -> overdue 11 days in May (21..31).
    upd = Update(1, "A", "T1", "daily", "2025-05-05", datetime(2025, 5, 5, 10, tzinfo=TZ), "in_progress", 40,
                 None, None, None, None)
    t1 = TaskView(TaskInfo(code="T1", title="x", lead_unit="A", deadline=deadline.isoformat()), status="in_progress",
                  progress=40, deadline=deadline, history=[upd], overdue=True)
    now = datetime(2025, 6, 10, 9, tzinfo=TZ)
    snap = Snapshot(org_name="o", title="t", now=now, data_as_of=now, today=now.date(), show_emails=False,
                    units=units, tasks=[t1], current={}, current_cells={}, trend=[], difficulties=[], reports=[],
                    window_start=date(2025, 5, 1), groups=[], periods=periods, updates=[upd])
    card = {s.unit: s for s in leaders.scorecard(snap, leaders.month_span("2025-05"))}
    sa, sb = card["A"], card["B"]
    # A: 3 expected (the exempt day is not), 2 received, 1 on time; 1 led task, not on schedule; 11 overdue days.
    assert (sa.rates.expected, sa.rates.received, sa.rates.on_time, sa.rates.late, sa.rates.missing) == (3, 2, 1, 1, 1)
    assert sa.exempt == 1 and sa.led == 1 and sa.on_schedule == 0 and sa.overdue == 1 and sa.overdue_days == 11
    w = snap.weights
    expected = 100 * (w.reporting * 2 / 3 + w.on_time * 1 / 3 + w.on_schedule * 0) / (w.reporting + w.on_time + w.on_schedule)
    expected -= min(w.overdue_cap, w.overdue_day * 11)
    assert sa.score == round(expected, 1) == 24.5
    # B leads nothing: scored on R and T alone.
    assert sb.score == 100.0 and sb.on_schedule_rate is None
    assert [s.unit for s in leaders.scorecard(snap, leaders.month_span("2025-05"))] == ["B", "A"]
    # In June T1 is still overdue: 10 days (1..10 June, today included).
    june = {s.unit: s for s in leaders.scorecard(snap, leaders.month_span("2025-06"))}
    assert june["A"].overdue_days == 10


def test_a_kept_score_row_is_the_row_rendered_afresh_whatever_field_changes() -> None:
    """The scorecard rows are rendered once and kept between builds (site_builder.build): every
    value a row shows must tell the kept row apart, or a page would show last build's numbers."""
    import dataclasses

    from site_builder import build
    from site_builder.theme import Theme

    now = datetime(2025, 6, 10, 9, tzinfo=TZ)
    units = [UnitView(UnitInfo(code="A", name="Sở A", short_name="A")), UnitView(UnitInfo(code="B", name="Sở B"))]
    snap = Snapshot(org_name="o", title="t", now=now, data_as_of=now, today=now.date(), show_emails=False,
                    units=units, tasks=[], current={}, current_cells={}, trend=[], difficulties=[], reports=[],
                    window_start=date(2025, 5, 1), groups=[], periods=[], updates=[])
    base = leaders.Score(unit="A", rates=Rates(expected=20, received=18, on_time=15, late=3, missing=2), led=4,
                         on_schedule=3, completed=1, overdue=1, overdue_days=12, exempt=1, score=80.5)
    variants = [dataclasses.replace(base, **{f.name: 7}) for f in dataclasses.fields(base)
                if f.name not in ("unit", "rates", "score")]
    variants += [dataclasses.replace(base, unit="B"), dataclasses.replace(base, score=None),
                 dataclasses.replace(base, score=61.0), dataclasses.replace(base, led=0, on_schedule=0, completed=0)]
    variants += [dataclasses.replace(base, rates=dataclasses.replace(base.rates, **{f.name: 9}))
                 for f in dataclasses.fields(base.rates)]

    def rows(scores: list[leaders.Score], root: str) -> list[str]:
        pages = build._Pages(snap, Theme(), None)
        return [str(pages.helpers.score_row(sc, root)) for sc in scores]

    build._site_env(Theme())[1].rows = None
    cold = {id(v): rows([v], "../")[0] for v in variants}
    rows([base], "../")  # kept: the next build takes it up
    kept = rows(variants, "../")
    assert [kept[i] for i in range(len(variants))] == [cold[id(v)] for v in variants]
    assert len(set(cold.values())) == len(variants)  # each variant shows differently
    assert rows([base], "../../") != rows([base], "../")
    # A kept row is taken only from builds with the same row template (an edited one is compiled
    # again: every row is then made again).
    current = build._site_env(Theme())[1]
    fresh = rows([base], "../")
    assert current.rows is not None
    current.rows = {k: Markup("<tr>stale</tr>") for k in current.rows}
    assert rows([base], "../") == ["<tr>stale</tr>"]  # kept as it was
    current.rows = {k: Markup("<tr>stale</tr>") for k in current.rows}
    current.row_template = None  # as if the template had changed
    assert rows([base], "../") == fresh


def test_overdue_days_follow_completion_and_reopening_day_by_day() -> None:
    """Overdue days are counted run by run between a task's updates: the same count as asking
    each day's state, across completion, reopening and updates late in a day."""
    deadline = date(2025, 5, 10)

    def upd(i: int, when: str, status: str) -> Update:
        return Update(i, "A", "T1", "daily", when[:10], at(when), status, 50, None, None, None, None)

    history = [upd(1, "2025-05-05 09:00", "in_progress"), upd(2, "2025-05-14 23:30", "completed"),
               upd(3, "2025-05-20 08:00", "in_progress"), upd(4, "2025-05-20 17:00", "in_progress"),
               upd(5, "2025-05-27 10:00", "completed")]
    t1 = TaskView(TaskInfo(code="T1", title="x", lead_unit="A", deadline=deadline.isoformat()), deadline=deadline,
                  history=history)
    now = datetime(2025, 6, 10, 9, tzinfo=TZ)
    snap = Snapshot(org_name="o", title="t", now=now, data_as_of=now, today=now.date(), show_emails=False,
                    units=[UnitView(UnitInfo(code="A", name="A"))], tasks=[t1], current={}, current_cells={},
                    trend=[], difficulties=[], reports=[], window_start=date(2025, 5, 1), groups=[], updates=history)

    def by_day(span: leaders.Span) -> int:
        n, day = 0, max(span.start, deadline + timedelta(days=1))
        while day <= min(span.end, now.date()):
            st = t1.as_of(datetime.combine(day, time(23, 59, 59), tzinfo=TZ))
            n += st is None or st.status != "completed"
            day += timedelta(days=1)
        return n

    # 11..13 May open, 14 completed (at 23:30), 20..26 reopened, 27 on completed: 3 + 7 days.
    assert leaders.task_at(snap, t1, leaders.month_span("2025-05")).overdue_days == 10 == by_day(
        leaders.month_span("2025-05"))
    for span in (leaders.week_span("2025-W20"), leaders.week_span("2025-W21"), leaders.month_span("2025-06"),
                 leaders.range_span(date(2025, 5, 12), date(2025, 5, 22))):
        assert leaders.task_at(snap, t1, span).overdue_days == by_day(span), span.key


def test_a_closed_months_tasks_are_in_the_order_of_its_end() -> None:
    """A closed month's report lists the tasks as the lists stood at its end (overdue first), not
    as they stand today: a task completed since does not move in it (the incremental site keeps
    that report's file)."""
    def upd(i: int, task: str, when: str, status: str) -> Update:
        return Update(i, "A", task, "daily", when[:10], at(when), status, 50, None, None, None, None)

    h1 = [upd(1, "T1", "2025-05-02 09:00", "in_progress"), upd(3, "T1", "2025-06-08 09:00", "completed")]
    h2 = [upd(2, "T2", "2025-05-02 09:00", "in_progress")]
    t1 = TaskView(TaskInfo(code="T1", title="x", lead_unit="A", deadline="2025-05-10"), deadline=date(2025, 5, 10),
                  history=h1, status="completed")
    t2 = TaskView(TaskInfo(code="T2", title="y", lead_unit="A", deadline="2025-06-05"), deadline=date(2025, 6, 5),
                  history=h2, status="in_progress", overdue=True)
    now = datetime(2025, 6, 10, 9, tzinfo=TZ)
    snap = Snapshot(org_name="o", title="t", now=now, data_as_of=now, today=now.date(), show_emails=False,
                    units=[UnitView(UnitInfo(code="A", name="A"))], tasks=[t2, t1], current={}, current_cells={},
                    trend=[], difficulties=[], reports=[], window_start=date(2025, 5, 1), groups=[],
                    updates=[*h1, *h2])
    may = leaders.tasks_at(snap, leaders.month_span("2025-05"))
    assert [(ta.view.info.code, ta.overdue) for ta in may] == [("T1", True), ("T2", False)]
    june = leaders.tasks_at(snap, leaders.month_span("2025-06"))  # still running: today's order
    assert [ta.view.info.code for ta in june] == [tv.info.code for tv in snap.tasks] == ["T2", "T1"]


def test_exemption_counts_as_neither_missing_nor_late() -> None:
    cal = WorkCalendar(Deadlines(), TZ)
    d = Directory(units=[UnitInfo(code="A", name="A")])
    firsts = {("A", "daily", "2025-05-20"): FirstReport(at("2025-05-20 18:00"), 1, 1)}
    comp = Compliance(cal, d, firsts, at("2025-05-23 17:00"),
                      exemptions=[Exemption("A", "", "", date(2025, 5, 20), date(2025, 5, 21), "mất điện")])
    assert comp.cell("A", "daily", "2025-05-20").status == "exempt"  # late, but excused
    assert comp.cell("A", "daily", "2025-05-21").status == "exempt"  # missing, but excused
    assert comp.cell("A", "daily", "2025-05-22").status == "missing"
    r: Rates = comp.rates("A", date(2025, 5, 19), date(2025, 5, 23))
    # Expected: the days 19, 22, 23 and the week W21 (all missing); 20 and 21 are excused; May is pending.
    assert (r.expected, r.missing, r.late) == (4, 4, 0)


def test_exemptions_in_the_config_reach_the_site(tmp_path: Path) -> None:
    inst = build_province(tmp_path / "p")
    cfg_path = inst.cfg.path
    assert cfg_path is not None
    text = cfg_path.read_text(encoding="utf-8")
    assert "\nreporting = 0.3\n" in text  # `baocao init` writes the [scores] weights
    text = text.replace("\nreporting = 0.3\n", "\nreporting = 0.5\n")
    text += ('\n[[scores.exemptions]]\nunit = "CAT"\nkind = "daily"\n'
             'from = "2025-05-21"\nto = "2025-05-23"\nreason = "Tập huấn toàn đơn vị"\n')
    cfg_path.write_text(text, encoding="utf-8")
    assert main(["build-site", "-c", str(cfg_path), "--now", NOW.isoformat()]) == 0
    page = (site_dir(inst) / "danh-gia/index.html").read_text(encoding="utf-8")
    assert "Tập huấn toàn đơn vị" in page and "Được miễn" in (site_dir(inst) / "luu-tru/ngay-2025-05-21.html").read_text(
        encoding="utf-8")
    assert "0,5 × R" in page  # the weight from the config, in the written formula


# -- programmes, home, guide, exports ------------------------------------------------------------
def test_programme_pages_and_cards(province) -> None:  # noqa: ANN001
    site = site_dir(province)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="chuong-trinh/da06.html"' in home and "Đề án 06 về phát triển ứng dụng dữ liệu về dân cư" in home
    da06 = (site / "chuong-trinh/da06.html").read_text(encoding="utf-8")
    assert "NV04" in da06 and "NV02" in da06 and "NV01" not in da06
    # The ĐA06 task list counts within ĐA06: 2 tasks, 1 overdue (NV04), whatever the province has.
    view = (site / "nhiem-vu/loc/nhom-da06.html").read_text(encoding="utf-8")
    assert "Quá hạn (1)" in view and "(trong nhóm ĐA06)" in view
    assert (site / "nhiem-vu/loc/nhom-da06-qua-han.html").is_file()


def test_home_shows_the_last_completed_week_and_month_on_a_tuesday(tmp_path: Path) -> None:
    inst = build_province(tmp_path / "p", now=at("2025-05-27 10:00"))
    home = (site_dir(inst) / "index.html").read_text(encoding="utf-8")
    assert "Báo cáo tuần đã qua hạn gần nhất: Tuần 21/2025" in home
    assert "Tuần này (Tuần 22/2025" in home
    week = home[home.index("Báo cáo tuần đã qua hạn gần nhất"):]
    assert "Chưa đến hạn" not in week[:week.index("</section>")].split('class="counts"')[0]


def test_guide_names_the_address_help_and_a_valid_example(tmp_path: Path) -> None:
    inst = build_province(tmp_path / "p")
    cfg_path = inst.cfg.path
    assert cfg_path is not None
    text = cfg_path.read_text(encoding="utf-8")
    assert 'help_contact = ""' in text  # `baocao init` writes the key
    text = text.replace('help_contact = ""', 'help_contact = "Chị Lan, Văn phòng UBND tỉnh, 0256 3822 123"')
    cfg_path.write_text(text, encoding="utf-8")
    assert main(["build-site", "-c", str(cfg_path), "--now", NOW.isoformat()]) == 0
    guide = (site_dir(inst) / "huong-dan/index.html").read_text(encoding="utf-8")
    assert "mailto:baocao@example.gov.vn" in guide and "Chị Lan, Văn phòng UBND tỉnh" in guide
    example = guide[guide.index('<pre class="form">'):]
    example = example[:example.index("</pre>")]
    unit = example.split("Đơn vị: ")[1].split("\n")[0]
    tasks = [line.split("Nhiệm vụ: ")[1].split(" ")[0] for line in example.splitlines() if line.startswith("Nhiệm vụ: ")]
    led = {t.code for t in inst.directory.tasks if t.lead_unit == unit or unit in t.coordinating_units}
    assert tasks and set(tasks) <= led, (unit, tasks)


def test_xlsx_export_has_vietnamese_values_and_real_dates(province) -> None:  # noqa: ANN001
    wb = openpyxl.load_workbook(site_dir(province) / "du-lieu/bao-cao-tong-hop.xlsx")
    tasks = wb["Nhiệm vụ"]
    head = [c.value for c in tasks[1]]
    rows = [dict(zip(head, [c.value for c in r], strict=False)) for r in tasks.iter_rows(min_row=2)]
    nv04 = next(r for r in rows if r["Mã"] == "NV04")
    assert nv04["Tình trạng"] == "Đang thực hiện" and nv04["Quá hạn"] == "Có"
    assert isinstance(nv04["Thời hạn"], datetime) and nv04["Thời hạn"].date() == date(2025, 5, 15)
    assert isinstance(nv04["Cập nhật lần cuối"], datetime)
    reports = wb["Báo cáo"]
    values = {c.value for c in reports["F"][1:]}
    assert values <= {"Đúng hạn", "Trễ hạn", None} and "Đúng hạn" in values
    assert {c.value for c in reports["C"][1:]} <= {"Ngày", "Tuần", "Tháng"}
    assert all(isinstance(c.value, datetime) for c in reports["E"][1:])


def test_digest_after_a_weekly_deadline_attaches_the_formal_report(province) -> None:  # noqa: ANN001
    from gateway.app import notify

    province.cfg.digest.recipients = ["tocongtac@example.gov.vn"]
    friday = at("2025-05-23 16:30")
    [planned] = notify.plan_digest(province, friday, friday + timedelta(minutes=5))
    names = [n for n, _, _ in planned.attachments]
    assert names == ["bao-cao-tong-hop-2025-W21.docx"]
    assert "bao-cao-tong-hop-2025-W21.docx" in planned.body
    doc = Document(io.BytesIO(planned.attachments[0][2]))
    assert "Tuần 21/2025" in _text(doc)
    daily_only = notify.plan_digest(province, at("2025-05-22 16:30"), at("2025-05-22 16:35"))
    assert daily_only and not daily_only[0].attachments
