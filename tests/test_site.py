"""The status site (SPEC §8) built from a province fed through the real pipeline: pages, page
quality rules, safety, exports, the report template round trip, and publishing."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import xml.etree.ElementTree as ET
from datetime import timedelta
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path

import pytest
from openpyxl import load_workbook

from gateway.app.instance import Instance
from gateway.app.service import poll, rebuild_site
from gateway.cli import main as cli_main
from parsers import ParseContext, parse_message
from site_builder.exports import defuse
from site_builder.xlsx import Sheet, workbook
from tests.helpers import at, deliver_eml, eml
from tests.site_data import CAT, HOSTILE_MARKERS, NOW, SKHCN, build_province, daily, site_dir

ASOF = re.compile(r"Dữ liệu cập nhật lúc <time class=\"asof\" datetime=\"[^\"]+\">\d\d:\d\d \d\d/\d\d/\d{4}</time>")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Instance:
    return build_province(tmp_path_factory.mktemp("site") / "p")


@pytest.fixture(scope="module")
def site(province: Instance) -> Path:
    return site_dir(province)


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


class Scan(HTMLParser):
    """Collects what the page-quality rules look at."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables = 0
        self.captions = 0
        self.th_without_scope = 0
        self.style_attrs = 0
        self.inline_scripts = 0
        self.handlers: list[str] = []
        self.refs: list[str] = []
        self.csp = ""
        self.ids: set[str] = set()
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if "id" in a and a["id"]:
            self.ids.add(a["id"])
        if tag == "table":
            self.tables += 1
        elif tag == "caption":
            self.captions += 1
        elif tag == "th" and a.get("scope") not in ("col", "row"):
            self.th_without_scope += 1
        elif tag == "script":
            if not a.get("src"):
                self.inline_scripts += 1
        elif tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp = a.get("content") or ""
        if "style" in a:
            self.style_attrs += 1
        self.handlers += [k for k in a if k.startswith("on")]
        for k in ("href", "src"):
            if a.get(k):
                self.refs.append(a[k] or "")


def scan(path: Path) -> Scan:
    s = Scan()
    s.feed(path.read_text(encoding="utf-8"))
    return s


def test_every_page_type_is_built(site: Path) -> None:
    for rel in ["index.html", "don-vi/index.html", "don-vi/SKHCN.html", "don-vi/CAT.html", "don-vi/VPUB.html",
                "nhiem-vu/index.html", "nhiem-vu/NV01.html", "nhiem-vu/loc/qua-han.html",
                "nhiem-vu/loc/nhom-da06.html", "kho-khan/index.html", "danh-gia/index.html", "luu-tru/index.html",
                "luu-tru/ngay-2025-05-20.html", "luu-tru/tuan-2025-W21.html", "luu-tru/thang-2025-05.html",
                "huong-dan/index.html", "huong-dan/SKHCN.html", "huong-dan/mau-SKHCN.xlsx", "huong-dan/mau-SKHCN.txt",
                "du-lieu/index.html", "du-lieu/kho-khan.atom", "du-lieu/bao-cao-tong-hop.xlsx", "static/style.css",
                "static/site.js"]:
        assert (site / rel).is_file(), rel
    home = (site / "index.html").read_text(encoding="utf-8")
    # Today's daily period (Friday 23/05, after 16:30): nobody reported -> two units missing.
    assert "Báo cáo ngày: Ngày 23/05/2025" in home and "Tuần 21/2025" in home and "Tháng 05/2025" in home
    assert "Nhiệm vụ quá hạn" in home and "NV04" in home  # overdue since 15/05
    assert "<svg class=\"chart trend wide\"" in home and "Bảng số liệu của biểu đồ" in home
    unit = (site / "don-vi/SKHCN.html").read_text(encoding="utf-8")
    assert "Nguyễn Văn An" in unit and "<svg class=\"chart calendar\"" in unit and "Lịch báo cáo ngày" in unit
    task = (site / "nhiem-vu/NV01.html").read_text(encoding="utf-8")
    for word in ("Rõ việc", "Rõ người", "Rõ trách nhiệm", "Rõ thời gian", "Rõ kết quả", "Diễn biến"):
        assert word in task
    assert "Đề nghị Sở Tài chính cân đối kinh phí." in task
    archive = (site / "luu-tru/ngay-2025-05-20.html").read_text(encoding="utf-8")
    assert "đã tổng hợp 5 ý kiến" in archive  # the correction supersedes the content ...
    assert "Đã gửi lấy ý kiến các sở, ngành.</bdi>" not in archive
    scores = (site / "danh-gia/index.html").read_text(encoding="utf-8")
    assert "Tỷ lệ đúng hạn" in scores


def test_overdue_tasks_come_first(site: Path) -> None:
    text = (site / "nhiem-vu/index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr data-group="[^"]*" data-unit="[^"]*" data-state="(\w+)"', text)
    assert rows[0] == "overdue" and "overdue" not in rows[1:]
    only = (site / "nhiem-vu/loc/qua-han.html").read_text(encoding="utf-8")
    assert re.findall(r'data-state="(\w+)"', only) == ["overdue"]


def test_page_quality_rules(site: Path) -> None:
    pages = html_files(site)
    assert len(pages) > 30
    for p in pages:
        rel = p.relative_to(site).as_posix()
        text = p.read_text(encoding="utf-8")
        s = scan(p)
        assert "default-src 'none'" in s.csp and "style-src 'self'" in s.csp and "script-src 'self'" in s.csp, rel
        assert len(ASOF.findall(text)) == 2, rel  # top and footer
        assert s.style_attrs == 0 and s.inline_scripts == 0 and not s.handlers, rel
        assert "<style" not in text, rel
        assert s.tables == s.captions, rel
        assert s.th_without_scope == 0, rel
        for ref in s.refs:
            assert not re.match(r"^(https?:)?//", ref), (rel, ref)  # no external request
        assert 'lang="vi"' in text


def test_data_as_of_comes_from_the_data(province: Instance, site: Path) -> None:
    changed = province.store.get_meta("data_changed_at")
    assert changed
    stamp = (site / "index.html").read_text(encoding="utf-8")
    assert f"{NOW:%H:%M %d/%m/%Y}" in stamp  # the batch that brought the data
    # A rebuild later the same evening, with no new data, writes no file at all.
    before = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in site.rglob("*") if p.is_file()}
    res = rebuild_site(province, NOW + timedelta(hours=2))
    assert res.publish.written == 0 and res.publish.unchanged == res.files
    after_dir = site_dir(province)
    for p, (ino, mtime) in before.items():
        q = after_dir / p.relative_to(site)
        assert q.stat().st_ino == ino and q.stat().st_mtime_ns == mtime, p


def test_hostile_report_is_escaped_everywhere(site: Path) -> None:
    hits = 0
    for p in html_files(site):
        text = p.read_text(encoding="utf-8")
        for marker in HOSTILE_MARKERS:
            assert marker not in text, (p, marker)
        if "&lt;script&gt;window.__pwned" in text:
            hits += 1
            # Every occurrence sits in a <bdi> (its nearest tag): bidi marks cannot leak out.
            assert len(re.findall(r"<bdi>[^<]*&lt;script&gt;window", text)) == text.count("&lt;script&gt;window")
    assert hits >= 3  # task page, archive, difficulties ...
    feed = (site / "du-lieu/kho-khan.atom").read_bytes()
    ET.fromstring(feed)  # still well-formed
    assert b"<script>" not in feed


def test_no_email_address_unless_configured(site: Path, tmp_path: Path) -> None:
    for p in site.rglob("*"):
        if p.is_file() and p.suffix in (".html", ".csv", ".json", ".atom", ".txt"):
            # Our own reporting mailbox ([mail] address) is public: the guide names it.
            found = [a for a in EMAIL.findall(p.read_text(encoding="utf-8")) if a != "baocao@example.gov.vn"]
            assert not found, (p, found)
    # Pasted into report text, an address is hidden too.
    assert "[địa chỉ thư]" in (site / "nhiem-vu/NV02.html").read_text(encoding="utf-8")
    shown = site_dir(build_province(tmp_path / "shown", show_emails=True))
    assert SKHCN in (shown / "don-vi/SKHCN.html").read_text(encoding="utf-8")
    assert "lien.he@evil.example.com" in (shown / "nhiem-vu/NV02.html").read_text(encoding="utf-8")


def test_exports_parse_and_defuse_formulas(site: Path) -> None:
    data = site / "du-lieu"
    for stem, minimum in (("don-vi", 3), ("nhiem-vu", 4), ("bao-cao", 10), ("cap-nhat", 11)):
        raw = (data / f"{stem}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
        items = json.loads((data / f"{stem}.json").read_bytes())
        assert len(rows) == len(items) >= minimum, stem
    updates = list(csv.DictReader(io.StringIO((data / "cap-nhat.csv").read_text(encoding="utf-8-sig"))))
    hostile = [r for r in updates if r["unit"] == "CAT" and r["period"] == "2025-05-20"][0]
    assert hostile["difficulties"].startswith("'=1+2") and hostile["proposals"].startswith("'@SUM")
    for r in updates:
        for v in r.values():
            assert not v.startswith(("=", "+", "-", "@")), v
    items = json.loads((data / "cap-nhat.json").read_bytes())
    assert any(i["difficulties"] and i["difficulties"].startswith("=1+2") for i in items)  # JSON keeps the text
    wb = load_workbook(data / "bao-cao-tong-hop.xlsx", read_only=True)
    assert wb.sheetnames == ["Đơn vị", "Nhiệm vụ", "Báo cáo", "Cập nhật nhiệm vụ", "Khó khăn, vướng mắc"]
    records = list(csv.DictReader(io.StringIO((data / "kho-khan.csv").read_text(encoding="utf-8-sig"))))
    assert records and len(records) == len(json.loads((data / "kho-khan.json").read_bytes()))
    assert any(r["text"].startswith("'=1+2") for r in records)  # the difficulty records are defused too
    assert all(r["state_label"] and r["agency_name"] for r in records)
    assert sum(1 for _ in wb["Cập nhật nhiệm vụ"].iter_rows()) == len(updates) + 1
    wb.close()
    feed = ET.fromstring((data / "kho-khan.atom").read_bytes())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = feed.findall("a:entry", ns)
    assert entries and all(e.find("a:id", ns) is not None and e.find("a:updated", ns) is not None for e in entries)


def test_defuse_and_xlsx_writer_edge_cases() -> None:
    assert [defuse(v) for v in ("=A1", "+1", "-1", "@x", "\t=1", "ok", 5, None)] == \
        ["'=A1", "'+1", "'-1", "'@x", "'\t=1", "ok", 5, None]
    data = workbook([Sheet("Tên/dài:" + "x" * 40, [["a\x00b\x07c", 1, 2.5, None, "<&>"], ["x" * 40000]])])
    ws = load_workbook(io.BytesIO(data)).worksheets[0]
    assert ws.title == ("Tên dài " + "x" * 40)[:31]
    assert [c.value for c in ws[1]] == ["abc", 1, 2.5, None, "<&>"]
    assert len(ws["A2"].value) == 32767
    assert workbook([Sheet("a", [["b"]])]) == workbook([Sheet("a", [["b"]])])  # deterministic bytes


def test_downloaded_xlsx_template_is_accepted_back(province: Instance, site: Path) -> None:
    """The guide's pre-filled template, filled in and attached to a mail, is read by the parser."""
    data = (site / "huong-dan/mau-SKHCN.xlsx").read_bytes()
    wb = load_workbook(io.BytesIO(data))
    ws = wb["Báo cáo"]
    header = [c.value for c in ws[5]]
    assert header == ["Mã nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Kết quả", "Khó khăn, vướng mắc",
                      "Đề xuất, kiến nghị", "Ghi chú"]
    assert [ws.cell(r, 1).value for r in (1, 2, 3)] == ["Đơn vị:", "Loại báo cáo:", "Kỳ báo cáo:"]
    assert ws["B1"].value == "SKHCN" and ws["B2"].value == "Ngày" and ws["B3"].value == "23/05/2025"
    codes = [ws.cell(r, 1).value for r in range(6, ws.max_row + 1)]
    assert codes == ["NV01", "NV02"]  # led, then supported
    assert ws["B6"].value == "Đang thực hiện" and ws["C6"].value == 65  # its own last word
    ws["C6"] = 70
    ws["D6"] = "Đã trình UBND tỉnh dự thảo kế hoạch."
    ws["E6"] = "Không"
    buf = io.BytesIO()
    wb.save(buf)  # as Excel would, after editing

    for attachment in (data, buf.getvalue()):
        msg = EmailMessage()
        msg["From"] = SKHCN
        msg["To"] = "baocao@example.gov.vn"
        msg["Subject"] = "Báo cáo"
        msg["Date"] = "Fri, 23 May 2025 15:00:00 +0700"
        msg.set_content("Gửi báo cáo theo mẫu đính kèm.")
        msg.add_attachment(attachment, maintype="application",
                           subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename="mau-SKHCN.xlsx")
        rep = parse_message(msg.as_bytes(), ParseContext(directory=province.directory,
                                                         received_at=at("2025-05-23 15:00")))
        assert rep.outcome == "accepted", (rep.codes, rep.warnings)
        assert (rep.unit, rep.kind, rep.period) == ("SKHCN", "daily", "2025-05-23")
        assert [t.code for t in rep.tasks] == ["NV01", "NV02"]
        assert rep.tasks[0].status == "in_progress"
        assert not [w for w in rep.warnings if w.code in ("kind_inferred", "period_inferred", "unknown_task")]
    assert rep.tasks[0].progress == 70 and rep.tasks[0].result == "Đã trình UBND tỉnh dự thảo kế hoạch."
    text = (site / "huong-dan/mau-SKHCN.txt").read_bytes()
    rep = parse_message(eml(SKHCN, "Báo cáo ngày", text.decode("utf-8")),
                        ParseContext(directory=province.directory, received_at=at("2025-05-23 15:00")))
    assert rep.outcome == "accepted" and [t.code for t in rep.tasks] == ["NV01", "NV02"]


def test_one_report_rewrites_only_the_pages_it_changes(tmp_path: Path) -> None:
    inst = build_province(tmp_path / "p")
    old = site_dir(inst)
    stamps = {p.relative_to(old).as_posix(): p.stat().st_mtime_ns for p in old.rglob("*") if p.is_file()}
    later = NOW + timedelta(minutes=30)
    body = daily("CAT", "23/05/2025", [("NV04", "Đang thực hiện", 80, "Đã kết nối chính thức.", "Không", "Không")])
    deliver_eml(inst, eml(CAT, "Báo cáo ngày 23/05", body, message_id="<late-cat@site.test>"), "late.eml",
                NOW + timedelta(minutes=20))
    res = poll(inst, later)
    assert res.site is not None
    new = site_dir(inst)
    changed = {p.relative_to(new).as_posix() for p in new.rglob("*")
               if p.is_file() and p.stat().st_mtime_ns != stamps.get(p.relative_to(new).as_posix())}
    assert res.site.publish.written == len(changed)
    must = {"index.html", "don-vi/CAT.html", "nhiem-vu/NV04.html", "luu-tru/ngay-2025-05-23.html",
            "du-lieu/cap-nhat.csv"}
    assert must <= changed, must - changed
    for untouched in ("don-vi/VPUB.html", "nhiem-vu/NV01.html", "nhiem-vu/NV03.html", "luu-tru/ngay-2025-05-20.html",
                      "luu-tru/tuan-2025-W21.html", "huong-dan/SKHCN.html", "huong-dan/mau-VPUB.xlsx",
                      "static/style.css", "kho-khan/index.html"):
        assert untouched not in changed, untouched
    assert len(changed) < len(stamps) / 2
    # The changed pages carry the new data time; untouched ones keep theirs.
    assert f"{later:%H:%M %d/%m/%Y}" in (new / "don-vi/CAT.html").read_text(encoding="utf-8")
    assert f"{NOW:%H:%M %d/%m/%Y}" in (new / "don-vi/VPUB.html").read_text(encoding="utf-8")


def test_build_site_command_alone_rebuilds_from_the_database(tmp_path: Path) -> None:
    inst = build_province(tmp_path / "p")
    out = inst.cfg.site_output
    before = {p.relative_to(out.resolve()).as_posix(): p.read_bytes() for p in out.resolve().rglob("*") if p.is_file()}
    inst.close()
    out.unlink()
    shutil.rmtree(out.parent / (out.name + ".builds"))
    assert cli_main(["build-site", "--config", str(tmp_path / "p" / "baocao.toml"), "--now", NOW.isoformat()]) == 0
    assert out.is_symlink()
    after = {p.relative_to(out.resolve()).as_posix(): p.read_bytes() for p in out.resolve().rglob("*") if p.is_file()}
    assert after == before


def test_publish_is_an_atomic_symlink_swap_and_keeps_builds(tmp_path: Path) -> None:
    inst = build_province(tmp_path / "p")
    out = inst.cfg.site_output
    builds = out.parent / (out.name + ".builds")
    for hours in range(1, 6):
        rebuild_site(inst, NOW + timedelta(days=hours))  # days pass: pages change
    assert out.is_symlink() and os.readlink(out).startswith(builds.name + "/")
    assert len([p for p in builds.iterdir() if p.is_dir()]) == inst.cfg.site.keep_builds
    assert (out / "index.html").is_file()


def test_two_process_build_gives_the_same_files(province: Instance, monkeypatch: pytest.MonkeyPatch) -> None:
    """A large site builds its exports in a forked worker: same bytes as in one process."""
    from gateway.app import snapshot
    from site_builder import build

    snap = snapshot.take(province.cfg, province.store, province.directory, NOW)
    monkeypatch.setenv("BAOCAO_SITE_WORKERS", "1")
    one = build.render_pages(snap, province.theme)
    monkeypatch.setenv("BAOCAO_SITE_WORKERS", "2")
    monkeypatch.setattr(build, "PARALLEL_FROM", 0)
    two = build.render_pages(snap, province.theme)
    assert one == two


def test_the_xlsx_writer_reuses_rows_only_when_values_and_types_match() -> None:
    """The site's workbook is written after every batch; unchanged rows reuse their XML, but a
    row of True is not a row of 1 (they are equal in Python)."""
    import openpyxl

    from site_builder.xlsx import Sheet, workbook

    def cells(data: bytes) -> list[list[object]]:
        ws = openpyxl.load_workbook(io.BytesIO(data)).active
        return [[c.value for c in r] for r in ws.iter_rows()]

    first = workbook([Sheet("S", [["Mã", "Có"], ["NV01", True]])])
    again = workbook([Sheet("S", [["Mã", "Có"], ["NV01", 1]])])
    assert cells(first) == [["Mã", "Có"], ["NV01", True]]
    assert cells(again) == [["Mã", "Có"], ["NV01", 1]] and cells(again)[1][1] is not True
    assert workbook([Sheet("S", [["Mã", "Có"], ["NV01", True]])]) == first  # the same bytes again


def test_a_months_files_encode_only_the_rows_added_since_they_were_written() -> None:
    """The current month's CSV and JSON are written again after every batch: the rows it already
    held are not encoded again, and the bytes equal those written from scratch. A month whose
    earlier rows changed (a reprocessed report) is written from scratch."""
    import csv as csv_mod
    import json as json_mod

    from site_builder import exports

    rows = [[i, "SYT", "daily", "2025-05-22", f"2025-05-22T1{i}:00:00+07:00", "on_time",
             f'=HYPERLINK("x") dòng {i}, "trích"\n'] for i in range(4)]

    def made(rs: list[list[object]], fresh: bool) -> dict[str, bytes]:
        if fresh:
            exports._MONTHS.clear()
        return exports._month_files("2025-05", [exports._report_table([list(r) for r in rs])])

    made(rows[:1], fresh=True)
    grown = made(rows[:3], fresh=False)  # two rows appended to what was written
    assert grown == made(rows[:3], fresh=True)
    assert made(rows[:3], fresh=False) == grown  # nothing new: the same bytes
    changed = [list(r) for r in rows]
    changed[0][6] = "đã sửa"
    again = made(changed, fresh=False)
    assert again == made(changed, fresh=True)
    text = again["du-lieu/thang-2025-05/bao-cao.csv"].decode("utf-8-sig")
    read = list(csv_mod.reader(io.StringIO(text)))
    assert read[1][6] == "đã sửa" and read[2][6].startswith("'=HYPERLINK") and len(read) == 5
    assert [o["id"] for o in json_mod.loads(again["du-lieu/thang-2025-05/bao-cao.json"])] == [0, 1, 2, 3]
