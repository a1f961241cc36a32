"""The incremental site (issue 13): a build that renders only the pages new records touch must
publish exactly the files a full build would — same paths, same bytes — at every build.

Every build the gateway makes incrementally is checked against a full render of the same snapshot
on the same previous build, made just before it. The scenarios: the province's reports delivered
one at a time across a week (late reports, a second report for a period, a weekly report, the
hostile text), an Office action on a difficulty record, a reprocess (a full build), and the whole
simulated month of the working group's loop through `baocao run` on a stepping clock."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from gateway.app import difficulties, service
from gateway.app import snapshot as snapshot_mod
from gateway.app.service import poll, rebuild_site
from site_builder import build, exports, leaders, report, search, xlsx
from site_builder.changes import Changes
from site_builder.publish import current_build
from site_builder.snapshot import Snapshot
from site_builder.theme import Theme
from tests.helpers import at, deliver_eml, eml, make_instance
from tests.site_data import NOW, TASKS_CSV_EXTRA, mails


class Checker:
    def __init__(self) -> None:
        self.incremental = 0
        self.full = 0
        self.written: list[int] = []
        self.rendered_all = 0
        self.kept_index = 0
        self.kept_downloads = 0
        self.held = 0  # snapshots resumed from a held fold (each compared with a fresh one)


def _tree(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> Iterator[Checker]:
    """Every incremental build compared, file by file, with a full render of the same data."""
    real = build.build_site
    stats = Checker()

    def build_site(snap: Snapshot, output: Path, theme: Theme, keep: int = 3,
                   changes: Changes | None = None, reindex: bool = True,
                   index: dict[str, bytes] | None = None) -> build.BuildResult:
        previous = current_build(output.absolute())
        assert index is None  # made beside the builds only in the builder process
        if changes is None or previous is None:
            stats.full += 1
            return real(snap, output, theme, keep, changes, reindex)
        res = real(snap, output, theme, keep, changes, reindex)
        # The full render made with nothing kept from earlier builds (the encoded rows and months
        # the exports reuse, the months' rates), on the same previous build (kept beside the new
        # one); what the builder keeps is then put back for its next build.
        with _nothing_kept(snap, theme):
            expected = build.render(snap, theme, previous)
        stats.rendered_all = len(expected)
        if snap.search:
            expected.update(search.index(expected))
        assert not res.full
        stats.incremental += 1
        stats.written.append(res.rendered)
        got = {p.relative_to(res.publish.build_dir).as_posix(): p for p in res.publish.build_dir.rglob("*")
               if p.is_file()}
        if not res.downloads:  # the slow downloads kept from the last build ([site] downloads_interval)
            stats.kept_downloads += 1
            for rel in exports.SLOW:
                assert got[rel].read_bytes() == (previous / rel).read_bytes()
            # A formal report is the full build's, or a running period's draft kept as it was.
            drafts = {rel for rel in got if rel.endswith(".docx") and got[rel].read_bytes() != expected.get(rel)}
            assert all(got[rel].read_bytes() == (previous / rel).read_bytes() for rel in drafts), drafts
            skip = {*exports.SLOW, *drafts}
            got = {rel: p for rel, p in got.items() if rel not in skip}
            expected = {rel: b for rel, b in expected.items() if rel not in skip}
        if not res.indexed:  # the search index kept from the last build ([site] search_interval)
            stats.kept_index += 1
            old = {rel for rel in _tree(previous) if rel.startswith("pagefind/")}
            assert {rel for rel in got if rel.startswith("pagefind/")} == old
            got = {rel: p for rel, p in got.items() if not rel.startswith("pagefind/")}
            expected = {rel: b for rel, b in expected.items() if not rel.startswith("pagefind/")}
        assert sorted(set(got) ^ set(expected)) == [], "files missing or extra"
        differ = sorted(rel for rel, p in got.items() if p.read_bytes() != expected[rel])
        assert differ == [], f"incremental build at {snap.now} differs from the full one in {differ}"
        return res

    real_take = snapshot_mod.take

    def take(cfg, store, directory, now, trend_days=30, held=None):  # noqa: ANN001, ANN202
        """A snapshot resumed from what the builder held equals one made from the store alone."""
        snap = real_take(cfg, store, directory, now, trend_days, held)
        if held is not None:
            stats.held += 1
            fresh = real_take(cfg, store, directory, now, trend_days)
            for name in Snapshot.__dataclass_fields__:
                assert getattr(snap, name) == getattr(fresh, name), f"held snapshot differs in {name} at {now}"
        return snap

    monkeypatch.setattr(service, "build_site", build_site)
    monkeypatch.setattr(snapshot_mod, "take", take)
    yield stats


@contextmanager
def _nothing_kept(snap: Snapshot, theme: Theme) -> Iterator[None]:
    current = build._site_env(theme)[1]  # the last build's score rows
    kept: list[Any] = [exports._MONTHS, xlsx._ROWS, leaders._MONTH_RATES, leaders._RUNNING, leaders._RUNNING_DAY,
                       snap.memo, current.rows if current.rows is not None else {}]
    saved = [copy.copy(k) for k in kept]
    for k in kept:
        k.clear()
    try:
        yield
    finally:
        for k, was in zip(kept, saved, strict=True):
            k.clear()
            k.update(was) if isinstance(k, dict) else k.extend(was)
        current.rows = kept[-1]  # the next real build takes up the rows of the build before this one


def _rewritten(before: Path | None, after: Path) -> list[str]:
    assert before is not None
    return sorted(p.relative_to(after).as_posix() for p in after.rglob("*") if p.is_file()
                  and not ((before / p.relative_to(after)).exists()
                           and (before / p.relative_to(after)).stat().st_ino == p.stat().st_ino))


def _province(path: Path):  # noqa: ANN202
    inst = make_instance(path)
    with (path / "tasks.csv").open("a", encoding="utf-8") as f:
        f.write(TASKS_CSV_EXTRA)
    return inst


def test_incremental_builds_equal_full_ones_through_a_week_of_mail(tmp_path: Path, checked: Checker) -> None:
    inst = _province(tmp_path / "p")
    inst.cfg.site.search_interval = 0  # the search index too, at every build
    items = mails()
    # The same data again later in the week: a late report for a past day, and a second report
    # for a period (the later supersedes it), a coordinating unit's word, a "nothing new".
    items += [
        ("daumoi@congan.example.gov.vn", "Báo cáo ngày 21/05 (bổ sung)",
         "Đơn vị: CAT\nLoại báo cáo: Ngày\nKỳ báo cáo: 21/05/2025\n\nNhiệm vụ: NV02\nTình trạng: Đang thực hiện\n"
         "Tiến độ: 40%\nKết quả: Báo cáo bổ sung ngày 21.\nKhó khăn, vướng mắc: Không\n", "2025-05-23 11:30"),
        ("daumoi@skhcn.example.gov.vn", "Báo cáo ngày 23/05",
         "Đơn vị: SKHCN\nLoại báo cáo: Ngày\nKỳ báo cáo: 23/05/2025\n\nNhiệm vụ: NV02\nTình trạng: Đang thực hiện\n"
         "Tiến độ: 25%\nKết quả: Phối hợp với Công an tỉnh.\n", "2025-05-23 12:00"),
        ("daumoi@congan.example.gov.vn", "Báo cáo ngày 23/05",
         "Đơn vị: CAT\nLoại báo cáo: Ngày\nKỳ báo cáo: 23/05/2025\n\nNhiệm vụ: NV04\nTình trạng: Hoàn thành\n"
         "Tiến độ: 100%\nKết quả: Đã kết nối chính thức.\nKhó khăn, vướng mắc: Không\n", "2025-05-23 12:30"),
    ]
    items.sort(key=lambda it: it[3])
    held = snapshot_mod.Held()  # as `baocao run` holds it
    for i, (sender, subject, body, when) in enumerate(items):
        raw = eml(sender, subject, body, message_id=f"<inc{i}@site.test>",
                  date=at(when).strftime("%a, %d %b %Y %H:%M:%S +0700"))
        deliver_eml(inst, raw, f"inc{i:03d}.eml", at(when))
        res = poll(inst, at(when), build=False)
        assert res.batch.outcomes.get("accepted") == 1, (subject, res.batch.outcomes)
        rebuild_site(inst, at(when) + timedelta(minutes=1), held=held)
    # The Office closes a difficulty record: only that record's pages change, incrementally.
    rows = inst.store.difficulties(("open", "in_progress", "needs_decision", "answered"))
    assert rows
    difficulties.close(inst, rows[0]["id"], "Đã xử lý tại cuộc họp giao ban.", at("2025-05-23 16:50"))
    rebuild_site(inst, at("2025-05-23 16:51"), held=held)
    # Nothing new: an incremental build that writes nothing.
    before = current_build(inst.cfg.site_output.absolute())
    res = rebuild_site(inst, at("2025-05-23 16:52"), held=held)
    assert not res.full and res.publish.written == 0, _rewritten(before, res.publish.build_dir)
    # The next morning: a full build (the day changed: cells turned missing, days left moved).
    res = rebuild_site(inst, NOW + timedelta(hours=15), held=held)
    assert res.full
    # Most of the same-day builds were incremental and made fewer files than a full one (on three
    # units and four tasks most pages are lists: the next test measures a larger instance).
    assert checked.incremental >= 6, (checked.incremental, checked.full)
    assert checked.held >= checked.incremental
    assert max(checked.written) < checked.rendered_all, (checked.written, checked.rendered_all)


def test_a_rewritten_record_makes_a_full_build(tmp_path: Path, checked: Checker) -> None:
    from gateway.app.reprocess import reprocess

    inst = _province(tmp_path / "p")
    for i, (sender, subject, body, when) in enumerate(mails()[:3]):
        deliver_eml(inst, eml(sender, subject, body, message_id=f"<rw{i}@site.test>"), f"rw{i}.eml", at(when))
    poll(inst, at("2025-05-20 15:25"))
    full_before = checked.full
    pk = inst.store.db.execute("SELECT min(id) FROM messages").fetchone()[0]
    reprocess(inst, pk, at("2025-05-20 15:30"))  # read again: its rows removed and written anew
    assert checked.full == full_before + 1
    res = rebuild_site(inst, at("2025-05-20 15:31"))
    assert not res.full


def test_the_full_rebuild_is_asked_for_by_name(tmp_path: Path) -> None:
    inst = _province(tmp_path / "p")
    sender, subject, body, when = mails()[0]
    deliver_eml(inst, eml(sender, subject, body, message_id="<f1@site.test>"), "f1.eml", at(when))
    poll(inst, at(when))
    assert rebuild_site(inst, at(when) + timedelta(minutes=1)).full is False
    assert rebuild_site(inst, at(when) + timedelta(minutes=2), full=True).full is True
    # A build asked for a moment before the last one (the builder process publishes a finished
    # search index on its own clock) is still incremental: no deadline lies between them.
    assert rebuild_site(inst, at(when) + timedelta(minutes=1, seconds=59)).full is False


def test_the_slow_downloads_follow_at_most_every_interval(tmp_path: Path, checked: Checker) -> None:
    """Under `baocao run` (defer_downloads) an incremental build keeps the published whole-history
    CSV and JSON and the running week's and month's formal reports until `[site]
    downloads_interval` passed; the pages and the month's files follow every report."""
    inst = _province(tmp_path / "p")
    inst.cfg.site.downloads_interval = 300
    first, second = mails()[0], mails()[1]
    deliver_eml(inst, eml(*first[:3], message_id="<h1@site.test>"), "h1.eml", at(first[3]))
    poll(inst, at(first[3]), build=False)
    assert rebuild_site(inst, at("2025-05-20 15:40"), defer_downloads=True).downloads  # the first build: full
    deliver_eml(inst, eml(*second[:3], message_id="<h2@site.test>"), "h2.eml", at("2025-05-20 15:41"))
    poll(inst, at("2025-05-20 15:41"), build=False)
    previous = current_build(inst.cfg.site_output.absolute())
    assert previous is not None
    res = rebuild_site(inst, at("2025-05-20 15:42"), defer_downloads=True)
    assert not res.full and not res.downloads and checked.kept_downloads == 1
    site = res.publish.build_dir
    month, whole = (site / "du-lieu/thang-2025-05/cap-nhat.csv").read_bytes(), (site / "du-lieu/cap-nhat.csv").read_bytes()
    assert b",CAT," in month and b",CAT," not in whole  # the new report's task updates: in the month only
    # The running week's formal report too is the one of the last build that made the downloads.
    draft = report.identifier_of((site / "luu-tru/bao-cao-tuan-2025-W21.docx").read_bytes())
    assert draft == report.identifier_of((previous / "luu-tru/bao-cao-tuan-2025-W21.docx").read_bytes())
    res = rebuild_site(inst, at("2025-05-20 15:46"), defer_downloads=True)  # 6 minutes after the last join
    assert res.downloads and not res.full
    site = res.publish.build_dir
    assert (site / "du-lieu/cap-nhat.csv").read_bytes() == (site / "du-lieu/thang-2025-05/cap-nhat.csv").read_bytes()
    assert report.identifier_of((site / "luu-tru/bao-cao-tuan-2025-W21.docx").read_bytes()) != draft


def test_a_month_of_the_loop_builds_incrementally_and_equal(tmp_path: Path, server, monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
                                                             checked: Checker) -> None:
    from gateway.app.runner import Runner
    from tests import test_run_month

    monkeypatch.setattr(test_run_month, "RecordingRunner", Runner)  # the real one: it builds the site
    test_run_month.test_one_simulated_month_of_the_loop(tmp_path, server, monkeypatch)
    assert checked.incremental >= 5 and checked.full >= 10, (checked.incremental, checked.full)


def _history(path: Path, n_units: int, n_tasks: int, seed: int):  # noqa: ANN202
    """An instance with 30 working days of history (April–May 2025) inserted as bench/site.py does."""
    import random
    from datetime import date

    from bench.site import fill_store, make_lists
    from gateway.app.instance import Instance
    from gateway.app.scaffold import init_instance
    from gateway.config import load
    from gateway.domain.calendar import WorkCalendar

    rng = random.Random(seed)
    units, tasks = make_lists(n_units, n_tasks, rng)
    init_instance(path, units=units, tasks=tasks)
    inst = Instance(load(path / "baocao.toml"))
    days = WorkCalendar(inst.cfg.deadlines, inst.cfg.tz).working_days(date(2025, 4, 1), date(2025, 6, 1))[:30]
    fill_store(inst, days, rng)
    return inst, days


def test_one_report_on_a_larger_instance_renders_only_its_pages(tmp_path: Path, checked: Checker) -> None:
    """40 units, 30 tasks, 30 working days of history: one new daily report renders its unit's,
    its task's and its period's pages and the lists, not the other units', tasks' and days'."""
    from datetime import time as dtime

    inst, days = _history(tmp_path / "big", 40, 30, seed=5)
    last = days[-1]
    service.refresh(inst, at(f"{last} 15:00"))  # the history's difficulty records (inserted directly)
    inst.cfg.site.search_interval = 3600  # the index made at 15:00 is kept by the next build
    rebuild_site(inst, at(f"{last} 15:00"))
    by_code = {u.code: u for u in inst.directory.units}
    # An overdue task reported completed: it leaves the top of the lists (a closed month's
    # formal report must not follow it: it lists the tasks in the order of its own end).
    t0 = next(t for t in inst.directory.tasks if "daily" in by_code[t.lead_unit].reports
              and t.deadline and t.deadline < f"{days[5]}")
    unit, task = by_code[t0.lead_unit], t0.code
    body = (f"Đơn vị: {unit.code}\nLoại báo cáo: Ngày\nKỳ báo cáo: {last:%d/%m/%Y}\n\nNhiệm vụ: {task}\n"
            "Tình trạng: Hoàn thành\nTiến độ: 100%\nKết quả: Báo cáo bổ sung.\nKhó khăn, vướng mắc: Mới phát sinh.\n")
    when = datetime_at(last, dtime(15, 30), inst)
    deliver_eml(inst, eml(unit.emails[0], "Báo cáo ngày", body, message_id="<big1@site.test>"), "big1.eml", when)
    assert poll(inst, when, build=False).batch.outcomes == {"accepted": 1}
    res = rebuild_site(inst, when + timedelta(minutes=1))
    assert not res.full and checked.incremental == 1 and checked.kept_index == 1
    assert res.rendered < 0.25 * checked.rendered_all, (res.rendered, checked.rendered_all)  # the lists: ~45
    site = res.publish.build_dir
    assert "Báo cáo bổ sung." in (site / f"don-vi/{unit.code}.html").read_text(encoding="utf-8")
    assert "Báo cáo bổ sung." in (site / f"nhiem-vu/{task}.html").read_text(encoding="utf-8")


def test_a_late_report_for_a_closed_month_is_built_incrementally(tmp_path: Path, checked: Checker) -> None:
    """A unit sends, weeks late, the daily report it missed in a closed month: that day's page,
    the month's scorecard and formal report change, and a builder holding its snapshot and the
    months' rates between builds (`baocao run`) shows them as a fresh build does."""
    from datetime import date
    from datetime import time as dtime

    inst, days = _history(tmp_path / "late", 30, 20, seed=8)
    last = days[-1]
    service.refresh(inst, at(f"{last} 18:30"))  # after the day's last report (some came at 18:00)
    held = snapshot_mod.Held()
    rebuild_site(inst, at(f"{last} 18:30"), held=held)
    april = {d.isoformat() for d in days if d.month == 4}
    sent = {(u, p) for u, p in inst.store.db.execute("SELECT unit, period FROM reports WHERE kind='daily'").fetchall()}
    unit, day = next((u.code, d) for u in inst.directory.units if "daily" in u.reports
                     for d in sorted(april) if (u.code, d) not in sent)
    before = (current_build(inst.cfg.site_output.absolute()) / "danh-gia/2025-04.html").read_bytes()
    body = f"Đơn vị: {unit}\nLoại báo cáo: Ngày\nKỳ báo cáo: {date.fromisoformat(day):%d/%m/%Y}\n\nTình hình chung: Báo cáo bù.\n"
    sender = next(u.emails[0] for u in inst.directory.units if u.code == unit)
    for i, minute in enumerate((10, 20)):  # two builds: the second one starts from what the first kept
        when = datetime_at(last, dtime(18, 30 + minute), inst)
        deliver_eml(inst, eml(sender, "Báo cáo bù", body, message_id=f"<late{i}@site.test>"), f"late{i}.eml", when)
        assert poll(inst, when, build=False).batch.outcomes == {"accepted": 1}
        res = rebuild_site(inst, when + timedelta(minutes=1), held=held)
        assert not res.full
    assert checked.incremental == 2 and checked.held >= 2 and held.restarts == 0
    after = (res.publish.build_dir / "danh-gia/2025-04.html").read_bytes()
    assert after != before  # the closed month's scorecard counts the late report


def datetime_at(day, t, inst):  # noqa: ANN001, ANN201
    from datetime import datetime

    return datetime.combine(day, t, inst.cfg.tz)


def test_the_whole_history_workbook_is_made_on_demand(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import openpyxl

    from gateway.cli import main
    from tests.site_data import build_province

    inst = build_province(tmp_path / "p")
    out = tmp_path / "all.xlsx"
    assert main(["export", "--config", str(inst.cfg.path), "--now", NOW.isoformat(), "-o", str(out)]) == 0
    assert "10 reports, 11 task updates" in capsys.readouterr().out
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Đơn vị", "Nhiệm vụ", "Báo cáo", "Cập nhật nhiệm vụ", "Khó khăn, vướng mắc"]
    assert wb["Báo cáo"].max_row == 11 and wb["Cập nhật nhiệm vụ"].max_row == 12
    # The site keeps the month's files, and the whole-history CSV joined from them.
    site = inst.cfg.site_output.resolve()
    month = (site / "du-lieu/thang-2025-05/cap-nhat.csv").read_bytes()
    assert (site / "du-lieu/cap-nhat.csv").read_bytes() == month  # one month: the same rows
    assert "thang-2025-05/cap-nhat.csv" in (site / "du-lieu/index.html").read_text(encoding="utf-8")


def test_a_report_received_before_the_last_one_is_still_built(tmp_path: Path, checked: Checker) -> None:
    """New records are found by their row id, not by arrival order: a message whose arrival time
    is earlier than one already built (a server that hands out an older INTERNALDATE) still
    renders its unit's pages incrementally."""
    inst = _province(tmp_path / "p")
    cat, skhcn = mails()[1], mails()[0]
    deliver_eml(inst, eml(cat[0], cat[1], cat[2], message_id="<late1@site.test>"), "late1.eml", at("2025-05-19 17:05"))
    poll(inst, at("2025-05-19 17:10"))
    # A report without task updates (only its summary): its unit and period come from the report alone.
    body = "Đơn vị: SKHCN\nLoại báo cáo: Ngày\nKỳ báo cáo: 19/05/2025\n\nTình hình chung: Không có phát sinh mới.\n"
    deliver_eml(inst, eml(skhcn[0], skhcn[1], body, message_id="<late2@site.test>"), "late2.eml", at("2025-05-19 15:10"))
    assert poll(inst, at("2025-05-19 17:20"), build=False).batch.outcomes == {"accepted": 1}
    assert inst.store.db.execute("SELECT count(*) FROM task_updates WHERE unit='SKHCN'").fetchone()[0] == 0
    res = rebuild_site(inst, at("2025-05-19 17:21"))
    assert not res.full and checked.incremental == 1
