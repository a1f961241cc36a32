"""Benchmark: the status site for a province-year.

    python bench/site.py [--units 200] [--tasks 150] [--days 250]

Builds a temporary instance with 200 units, 150 tasks and 250 working days of daily reports
(plus weekly and monthly ones). For speed the reports and task updates are INSERTED DIRECTLY into
a temporary store (one placeholder raw message row carries them all): this benchmarks the site,
not the parser. The one extra report at the end goes through the real pipeline (Maildir + poll).

Prints, from one run:
- the full rebuild time (`gateway.app.service.rebuild_site` into an empty output: snapshot, every page,
  exports, atomic publish), with a breakdown;
- a plain Jinja2 render of the same number of HTML pages of similar size (each page's size is
  matched by a simple table template), and the ratio of the two (target ≤ 1.5);
- one new report through the real pipeline, then the incremental rebuild as `baocao run` makes
  it (the fold of the task updates held from the first build): its time (target ≤ 0.5 s), how
  many files it rendered and rewrote, and which;
- `build-site --full` on the same data (every page rendered against the published build).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import shutil
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import jinja2  # noqa: E402

from gateway.app import snapshot  # noqa: E402
from gateway.app.instance import Instance  # noqa: E402
from gateway.app.scaffold import init_instance  # noqa: E402
from gateway.app.service import poll, rebuild_site, refresh  # noqa: E402
from gateway.config import load  # noqa: E402
from gateway.domain.calendar import WorkCalendar  # noqa: E402
from gateway.mail.sources.maildir import deliver  # noqa: E402
from site_builder import search  # noqa: E402
from site_builder.build import render_pages  # noqa: E402
from site_builder.publish import publish  # noqa: E402

SECTORS = ["Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp", "Sở Xây dựng", "Sở Y tế", "Sở Giáo dục và Đào tạo",
           "Sở Nông nghiệp và Môi trường", "Sở Công Thương", "Sở Văn hóa, Thể thao và Du lịch", "Công an tỉnh",
           "Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh", "Ban Quản lý Khu kinh tế", "Trường Đại học",
           "Bảo hiểm xã hội tỉnh", "Kho bạc Nhà nước tỉnh", "Cục Thuế tỉnh", "Ngân hàng Nhà nước chi nhánh",
           "Sở Dân tộc và Tôn giáo", "Thanh tra tỉnh"]
VERBS = ["rà soát", "xây dựng", "triển khai", "kiểm tra", "số hóa", "kết nối", "đào tạo", "tổng hợp"]
OBJECTS = ["hồ sơ thủ tục hành chính", "cơ sở dữ liệu dân cư", "hệ thống quản lý văn bản", "dịch vụ công trực tuyến",
           "hạ tầng mạng", "dữ liệu đất đai", "kế hoạch chuyển đổi số", "nền tảng định danh điện tử"]
DIFFICULTIES = ["Chưa được bố trí kinh phí thực hiện.", "Thiếu nhân lực chuyên trách công nghệ thông tin.",
                "Hạ tầng mạng tại một số xã chưa đáp ứng yêu cầu kết nối.",
                "Chưa có hướng dẫn của Bộ, ngành Trung ương về định mức kinh phí."]
PROPOSALS = ["Đề nghị Sở Tài chính cân đối, bố trí kinh phí.", "Đề nghị Sở Nội vụ bổ sung biên chế chuyên trách.",
             "Kiến nghị UBND tỉnh chỉ đạo các đơn vị phối hợp cung cấp dữ liệu đúng hạn."]


def make_lists(n_units: int, n_tasks: int, rng: random.Random) -> tuple[list[list[str]], list[list[str]]]:
    units = []
    for i in range(n_units):
        if i < 40:
            name = SECTORS[i % len(SECTORS)] + ("" if i < len(SECTORS) else f" (khối {i // len(SECTORS) + 1})")
        else:
            name = f"UBND xã Số {i - 39}"
        code = f"DV{i + 1:03d}"
        reports = "daily;weekly;monthly" if i % 10 else "weekly;monthly"
        units.append([code, name, name[:24], "", f"Cán bộ đầu mối {i + 1}", f"daumoi{i + 1}@dv{i + 1}.example.gov.vn",
                      f"Thủ trưởng {name}", reports])
    tasks = []
    for j in range(n_tasks):
        lead = f"DV{rng.randrange(40) + 1:03d}"
        coord = sorted({f"DV{rng.randrange(n_units) + 1:03d}" for _ in range(rng.randrange(4))} - {lead})
        deadline = date(2025, 3, 1) + timedelta(days=rng.randrange(420))
        tasks.append([f"NV{j + 1:03d}", f"{rng.choice(VERBS).capitalize()} {rng.choice(OBJECTS)} giai đoạn {j % 5 + 1}",
                      ["NQ57", "ĐA06", "CĐS"][j % 3], lead, ";".join(coord), f"Phó Giám đốc phụ trách {j + 1}",
                      deadline.isoformat(), f"{rng.choice(OBJECTS).capitalize()} được hoàn thiện", "Chủ trì thực hiện"])
    return units, tasks


def fill_store(inst: Instance, days: list[date], rng: random.Random) -> int:
    """Reports and task updates for every unit and period, inserted directly (see the docstring)."""
    cfg, store, directory = inst.cfg, inst.store, inst.directory
    cal = WorkCalendar(cfg.deadlines, cfg.tz)
    tz = cfg.tz
    tasks_of: dict[str, list[str]] = {}
    for t in directory.tasks:
        tasks_of.setdefault(t.lead_unit, []).append(t.code)
        for c in t.coordinating_units:
            tasks_of.setdefault(c, []).append(t.code)
    db = store.db
    db.execute("BEGIN")
    db.execute("INSERT INTO messages(key, source, raw, size, received_at, stored_at, outcome) "
               "VALUES('bench', 'bench', x'', 0, '2025-01-01T00:00:00+07:00', '2025-01-01T00:00:00+07:00', 'accepted')")
    reports: list[tuple] = []
    updates: list[tuple] = []
    rid = 0

    def add(unit: str, kind: str, period: str, deadline: datetime, at: datetime, day_index: int) -> None:
        nonlocal rid
        rid += 1
        reports.append((rid, 1, unit, kind, period, at.isoformat(), deadline.isoformat(),
                        "on_time" if at <= deadline else "late", f"Đơn vị triển khai các nhiệm vụ theo kế hoạch {period}.",
                        "x", "bench"))
        for code in tasks_of.get(unit, []):
            seed = hash((unit, code)) % 97
            progress = min(100, (day_index * (40 + seed)) // 100)
            status = "completed" if progress >= 100 else "in_progress"
            diff = DIFFICULTIES[seed % len(DIFFICULTIES)] if (day_index // 20 + seed) % 7 == 0 else None
            updates.append((rid, unit, code, kind, period, at.isoformat(), status, progress,
                            f"Đã {VERBS[seed % len(VERBS)]} {OBJECTS[seed % len(OBJECTS)]}, đạt {progress}% khối lượng.",
                            diff, PROPOSALS[seed % len(PROPOSALS)] if diff else None, None))

    for i, d in enumerate(days):
        deadline = cal.deadline("daily", d.isoformat())
        for u in directory.units:
            if "daily" not in u.reports or rng.random() < 0.06:
                continue
            minute = rng.randrange(8 * 60, 18 * 60) if rng.random() < 0.1 else rng.randrange(8 * 60, 16 * 60 + 25)
            add(u.code, "daily", d.isoformat(), deadline, datetime.combine(d, dtime(minute // 60, minute % 60), tz), i)
        if d.weekday() == 4 or d == days[-1]:
            week = f"{d.isocalendar()[0]}-W{d.isocalendar()[1]:02d}"
            wd = cal.deadline("weekly", week)
            for u in directory.units:
                if rng.random() < 0.95:
                    sent = min(wd - timedelta(minutes=rng.randrange(-30, 600)), datetime.combine(d, dtime(16, 0), tz))
                    add(u.code, "weekly", week, wd, sent, i)  # never from the future
        nxt = d + timedelta(days=1)
        if nxt.month != d.month:
            month = f"{d.year}-{d.month:02d}"
            md = cal.deadline("monthly", month)
            for u in directory.units:
                if rng.random() < 0.97:
                    add(u.code, "monthly", month, md, md - timedelta(minutes=rng.randrange(-30, 900)), i)
    db.conn.executemany(
        "INSERT INTO reports(id, message_pk, unit, kind, period, received_at, deadline, timeliness, summary, sender, "
        "subject) VALUES(?,?,?,?,?,?,?,?,?,?,?)", reports)
    db.conn.executemany(
        "INSERT INTO task_updates(report_id, unit, task, kind, period, received_at, status, progress, result, "
        "difficulties, proposals, notes) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)", updates)
    store.set_meta("data_changed_at", datetime.combine(days[-1], dtime(16, 40), tz).isoformat())
    db.execute("COMMIT")
    return len(updates)


BASELINE = jinja2.Environment(autoescape=True).from_string(
    "<!doctype html><html lang=vi><head><meta charset=utf-8><title>{{ title }}</title></head><body>"
    "<h1>{{ title }}</h1><table><caption>{{ title }}</caption><tbody>"
    "{% for r in rows %}<tr><th scope=row>{{ r.code }}</th><td>{{ r.name }}</td><td>{{ r.status }}</td>"
    "<td>{{ r.when }}</td><td>{{ r.text }}</td></tr>{% endfor %}</tbody></table></body></html>")


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the exports worker)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def baseline(sizes: list[int]) -> tuple[float, float]:
    """Plain Jinja2: one page per size, rows added until the page is about that size."""
    row = {"code": "NV001", "name": "Sở Khoa học và Công nghệ", "status": "Đang thực hiện", "when": "15:42 20/05/2025",
           "text": "Đã rà soát hồ sơ thủ tục hành chính, đạt 60% khối lượng & tiếp tục <triển khai>."}
    one = len(BASELINE.render(title="x", rows=[row]).encode()) - len(BASELINE.render(title="x", rows=[]).encode())
    empty = len(BASELINE.render(title="x", rows=[]).encode())
    plans = [[row] * max(0, (s - empty) // one) for s in sizes]
    c, t = _cpu(), time.perf_counter()
    total = 0
    for i, rows in enumerate(plans):
        total += len(BASELINE.render(title=f"Trang {i}", rows=rows).encode("utf-8"))
    took, cpu = time.perf_counter() - t, _cpu() - c
    print(f"  baseline pages: {len(sizes)}, {total / 1e6:.1f} MB (site HTML: {sum(sizes) / 1e6:.1f} MB)")
    return took, cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--units", type=int, default=200)
    ap.add_argument("--tasks", type=int, default=150)
    ap.add_argument("--days", type=int, default=250)
    ap.add_argument("--keep", action="store_true", help="keep the temporary instance")
    args = ap.parse_args()
    rng = random.Random(57)
    tmp = Path(tempfile.mkdtemp(prefix="baocao-bench-site-"))
    try:
        units, tasks = make_lists(args.units, args.tasks, rng)
        init_instance(tmp, units=units, tasks=tasks)
        inst = Instance(load(tmp / "baocao.toml"))
        cal = WorkCalendar(inst.cfg.deadlines, inst.cfg.tz)
        days = cal.working_days(date(2025, 1, 2), date(2026, 3, 1))[: args.days]
        t = time.perf_counter()
        n_updates = fill_store(inst, days, rng)
        n_reports = inst.store.db.execute("SELECT count(*) FROM reports").fetchone()[0]
        print(f"Province-year: {args.units} units, {args.tasks} tasks, {len(days)} working days "
              f"({days[0]:%d/%m/%Y}–{days[-1]:%d/%m/%Y}): {n_reports} reports, {n_updates} task updates "
              f"(inserted directly in {time.perf_counter() - t:.1f} s)")
        # After the last inserted report (some arrive until 18:00): later mail is in arrival order.
        now = datetime.combine(days[-1], dtime(18, 30), inst.cfg.tz)

        # 1. The full rebuild, exactly as `baocao build-site` does it, into an empty output.
        refresh(inst, now)  # the difficulty records of the history inserted above (as `build-site` does)
        held = snapshot.Held()  # as `baocao run` keeps it between builds
        c0, t = _cpu(), time.perf_counter()
        res = rebuild_site(inst, now, held=held)
        full = time.perf_counter() - t
        full_cpu = _cpu() - c0
        out = inst.cfg.site_output.resolve()
        html_sizes = [p.stat().st_size for p in out.rglob("*.html")]
        total_mb = sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) / 1e6
        print(f"\nFull rebuild: {full:.2f} s wall, {full_cpu:.2f} s CPU (both processes)  "
              f"({res.files} files, {len(html_sizes)} HTML pages, {total_mb:.0f} MB)")

        # The same steps timed one by one (a second, fresh build beside the first).
        t = time.perf_counter()
        snap = snapshot.take(inst.cfg, inst.store, inst.directory, now)
        t_snap = time.perf_counter() - t
        t = time.perf_counter()
        files = render_pages(snap, inst.theme)
        t_render = time.perf_counter() - t
        t = time.perf_counter()
        publish(files, tmp / "bench-out", keep=1)
        t_pub = time.perf_counter() - t
        print(f"  breakdown: snapshot {t_snap:.2f} s, pages + exports {t_render:.2f} s, publish {t_pub:.2f} s")

        # 2. Plain Jinja2, same number of HTML pages of the same sizes.
        plain, plain_cpu = baseline(html_sizes)
        print(f"Plain Jinja2 render of {len(html_sizes)} pages of the same sizes: {plain:.2f} s wall, {plain_cpu:.2f} s CPU")
        print(f"Ratio full rebuild / plain render: {full / plain:.2f} wall, {full_cpu / plain_cpu:.2f} CPU  (target ≤ 1.5)")

        # 3. New reports through the real pipeline, as `baocao run` builds them: which files does
        # each rewrite? The first comes 10 minutes after the full build (the slow downloads are due
        # again: [site] downloads_interval), the second a minute later (they are kept).
        unit = inst.directory.units[12]
        mine = [t.code for t in inst.directory.tasks if t.lead_unit == unit.code][:1] or \
               [t.code for t in inst.directory.tasks if unit.code in t.coordinating_units][:1]
        later = now
        for n, (gap, what) in enumerate(((10, "the slow downloads due"), (1, "the slow downloads kept"))):
            body = (f"Đơn vị: {unit.code}\r\nLoại báo cáo: Ngày\r\nKỳ báo cáo: {days[-1]:%d/%m/%Y}\r\n\r\n"
                    + "".join(f"Nhiệm vụ: {c}\r\nTình trạng: Đang thực hiện\r\nTiến độ: {98 + n}%\r\n"
                              f"Kết quả: Báo cáo bổ sung {n + 1}.\r\nKhó khăn, vướng mắc: Mới phát sinh.\r\n\r\n"
                              for c in mine))
            raw = (f"From: {unit.emails[0]}\r\nTo: baocao@example.gov.vn\r\nSubject: Bao cao ngay\r\n"
                   f"Message-ID: <bench-one-{n}@example.gov.vn>\r\nDate: {now:%a, %d %b %Y %H:%M:%S +0700}\r\n"
                   "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                   + body).encode("utf-8")
            later += timedelta(minutes=gap)
            deliver(inst.cfg.resolve(inst.cfg.mail.maildir), raw, f"one{n}.eml", later)
            cur = inst.cfg.site_output.resolve()  # the published build
            before = {p.relative_to(cur).as_posix(): p.stat().st_ino for p in cur.rglob("*") if p.is_file()}
            t = time.perf_counter()
            pr = poll(inst, later, build=False)
            t_poll = time.perf_counter() - t
            assert pr.batch.outcomes == {"accepted": 1}, pr.batch.outcomes
            # As the builder process of `baocao run`: no automatic collection during a build, the
            # garbage collected while it waits (gateway.app.site_process.COLLECT_EVERY).
            gc.collect()
            gc.disable()
            t = time.perf_counter()
            site = rebuild_site(inst, later + timedelta(seconds=1), held=held, defer_index=True,
                                defer_downloads=True)  # as `baocao run`
            one = time.perf_counter() - t
            gc.enable()
            new = inst.cfg.site_output.resolve()
            changed = sorted(p.relative_to(new).as_posix() for p in new.rglob("*")
                             if p.is_file() and before.get(p.relative_to(new).as_posix()) != p.stat().st_ino)
            print(f"\nOne new report ({unit.code}, task {', '.join(mine) or '–'}; {what}): poll {t_poll:.2f} s, "
                  f"incremental rebuild {one:.2f} s (target ≤ 0.5 s; {'full' if site.full else 'changed pages'}): "
                  f"rendered {site.rendered}, rewrote {site.publish.written} of {site.files} files:")
            pages = [c for c in changed if not c.startswith("pagefind/")]
            print(f"  {', '.join(pages)}" + (f"; and {len(changed) - len(pages)} search index files"
                                             if len(pages) < len(changed) else ""))
        t = time.perf_counter()
        index = search.index_build(site.publish.build_dir)
        print(f"  the search index beside it (Pagefind, in the builder process's thread): "
              f"{time.perf_counter() - t:.2f} s, {len(index)} files")
        t = time.perf_counter()
        again = rebuild_site(inst, later + timedelta(seconds=2), full=True, held=held, index=index)
        rewritten = sorted(p.relative_to(again.publish.build_dir).as_posix()
                           for p in again.publish.build_dir.rglob("*") if p.is_file() and p.stat().st_nlink == 1)
        print(f"\n`build-site --full` on the same data: {time.perf_counter() - t:.2f} s "
              f"({again.rendered} files rendered, {again.publish.written} rewritten"
              + (f": {', '.join(rewritten[:8])}" if rewritten else "") + ")")
        return 0
    finally:
        if args.keep:
            print(f"\nInstance kept: {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
