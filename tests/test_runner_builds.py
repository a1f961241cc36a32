"""Receipts leave as soon as their records commit (issue 13 (1)): never after a site rebuild, and
a long rebuild running beside the service never delays the next batch's receipts. And what the
receipt says of a pre-filled form returned unchanged (issue 9)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from gateway.app import runner as runner_module
from gateway.app import site_process
from gateway.app.clock import SystemClock
from gateway.app.runner import Runner
from tests.helpers import deliver_eml, eml, make_instance

SKHCN = "daumoi@skhcn.example.gov.vn"
CAT = "daumoi@congan.example.gov.vn"


def _report(unit: str) -> str:
    return f"Đơn vị: {unit}\nLoại báo cáo: Ngày\n\nNhiệm vụ: NV01\nTình trạng: Đang thực hiện\nTiến độ: 60%\n"


def _outbox(inst) -> list[Path]:  # noqa: ANN001
    """The receipts in the outbox: the replies to this file's reports (on the real clock the
    service may also send the day's early warnings, at 08:00, or catch up a digest)."""
    import email
    from email import policy

    out = []
    for p in sorted(inst.cfg.resolve(inst.cfg.mail.outbox_dir).glob("*.eml")):
        head = email.message_from_bytes(p.read_bytes(), policy=policy.default)
        if str(head.get("In-Reply-To", "")).endswith("@x>"):
            out.append(p)
    return out


class HeldBuilds:
    """The real site rebuild, held until the test releases it; counts and signals its starts."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.real = runner_module.rebuild_site
        self.started, self.release = threading.Event(), threading.Event()
        self.calls = 0
        monkeypatch.setattr(runner_module, "rebuild_site", self)

    def __call__(self, inst, now, **kwargs):  # noqa: ANN001, ANN003, ANN204
        self.calls += 1
        self.started.set()
        self.release.wait(30)
        return self.real(inst, now, **kwargs)


@pytest.fixture
def service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Runner, HeldBuilds]]:
    inst = make_instance(tmp_path / "i")
    builds = HeldBuilds(monkeypatch)
    r = Runner(inst, SystemClock(inst.cfg.tz), interval=0.1, background_builds=True)
    yield r, builds
    builds.release.set()
    r.join_builds(60)
    inst.close()


def _deliver(r: Runner, sender: str, unit: str, name: str) -> None:
    deliver_eml(r.inst, eml(sender, "BC ngày", _report(unit), message_id=f"<{name}@x>"), name, r.clock.now())


def test_receipts_do_not_wait_for_a_long_site_rebuild(service: tuple[Runner, HeldBuilds]) -> None:
    r, builds = service
    _deliver(r, SKHCN, "SKHCN", "a")
    t0 = time.monotonic()
    r.tick()
    assert len(_outbox(r.inst)) == 1, "the receipt left in the step that recorded the report"
    assert builds.started.wait(5), "the site build started beside the service"
    # A second report while the build still runs: its receipt does not wait for the build.
    _deliver(r, CAT, "CAT", "b")
    r.tick()
    assert len(_outbox(r.inst)) == 2
    assert time.monotonic() - t0 < 5 and not builds.release.is_set()
    builds.release.set()
    r.join_builds(60)
    assert (r.inst.cfg.site_output / "index.html").exists(), "the held build finished and published"


def test_a_build_asked_for_during_a_build_runs_after_it(service: tuple[Runner, HeldBuilds]) -> None:
    r, builds = service
    _deliver(r, SKHCN, "SKHCN", "a")
    r.tick()
    _deliver(r, CAT, "CAT", "b")
    r.tick()  # the first build still runs: the second is remembered, not started
    assert builds.calls == 1
    builds.release.set()
    r.join_builds(60)
    assert builds.calls == 2  # the remembered build ran right after the first, not a tick later
    r.tick()  # nothing new: no third build
    r.join_builds(60)
    assert builds.calls == 2


def test_a_form_returned_unchanged_is_recognised(tmp_path: Path) -> None:
    """Issue 9: the pre-filled form sent back as it was is told in the receipt (form_unchanged)."""
    from gateway.app.service import poll

    inst = make_instance(tmp_path / "i")
    clock = SystemClock(inst.cfg.tz)
    try:
        body = _report("SKHCN") + "Kết quả: Đã trình dự thảo.\n"
        deliver_eml(inst, eml(SKHCN, "BC ngày", body, message_id="<f1@x>"), "f1", clock.now())
        poll(inst, clock.now(), build=False)
        deliver_eml(inst, eml(SKHCN, "Re: BC ngày", body, message_id="<f2@x>"), "f2", clock.now())
        poll(inst, clock.now(), build=False)
        codes = [r["warnings"] for r in inst.store.db.query("SELECT warnings FROM messages ORDER BY id")]
        assert "form_unchanged" not in codes[0] and "form_unchanged" in codes[1]
        import email
        from email import policy

        bodies = [email.message_from_bytes(p.read_bytes(), policy=policy.default).get_body(("plain",)).get_content()
                  for p in _outbox(inst)]
        told = inst.theme.warning("form_unchanged", None, {})
        assert sum(told in b for b in bodies) == 1  # the second receipt says so, the first does not
    finally:
        inst.close()


def test_the_site_is_built_in_a_process_of_its_own(tmp_path: Path) -> None:
    """`baocao run` on the real clock: the builds run in a builder process (its own interpreter),
    incrementally after the first, the search index beside them, and the service's receipts
    never wait for them."""
    import os

    inst = make_instance(tmp_path / "i")
    r = Runner(inst, SystemClock(inst.cfg.tz), interval=0.1, site_process=True)
    try:
        _deliver(r, SKHCN, "SKHCN", "a")
        r.tick()
        assert len(_outbox(inst)) == 1
        page = inst.cfg.site_output / "don-vi" / "SKHCN.html"
        deadline = time.monotonic() + 60
        while not page.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert page.exists(), "the builder process published the site"
        # The search index is made beside (pages first) and published when it is ready.
        entry = inst.cfg.site_output / "pagefind" / "pagefind-entry.json"
        while not entry.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert entry.exists(), "the search index followed the pages"
        assert (inst.cfg.site_output / "don-vi" / "SKHCN.html").read_bytes() == page.read_bytes()
        assert r._process is not None and r._process._proc.pid != os.getpid()  # noqa: SLF001
        # Below the service's priority: on a busy machine the receipts get the CPU first.
        child = os.getpriority(os.PRIO_PROCESS, r._process._proc.pid)  # noqa: SLF001
        assert child == min(19, os.getpriority(os.PRIO_PROCESS, 0) + site_process.NICE)
        r.join_builds(60)  # the first build ended; a second report is built incrementally
        _deliver(r, CAT, "CAT", "b")
        r.tick()
        r.join_builds(60)
        assert r.counts["site_builds"] == 2
        marks = inst.store.get_meta("site_marks")
        assert marks and '"reports": [2, 2]' in marks
        assert "60%" in (inst.cfg.site_output / "don-vi" / "CAT.html").read_text(encoding="utf-8")
    finally:
        r.join_builds(60)
        inst.close()


def test_the_builder_process_catches_up_the_whole_history_when_no_build_comes(tmp_path: Path) -> None:
    """A build within `[site] downloads_interval` of the last join keeps the whole-history exports;
    with no build after it the builder joins them on its own once the interval has passed."""
    inst = make_instance(tmp_path / "i")
    inst.cfg.site.downloads_interval = 4
    inst.cfg.site.search = False
    r = Runner(inst, SystemClock(inst.cfg.tz), interval=0.1, site_process=True)
    whole = inst.cfg.site_output / "du-lieu" / "cap-nhat.csv"
    try:
        _deliver(r, SKHCN, "SKHCN", "a")
        r.tick()
        assert r._builder is not None  # noqa: SLF001
        r._builder.join(60)  # noqa: SLF001 - the build, not the builder process (join_builds stops it)
        _deliver(r, CAT, "CAT", "b")
        r.tick()
        r._builder.join(60)  # noqa: SLF001
        assert r.counts["site_builds"] == 2
        deadline = time.monotonic() + 30
        while b"CAT" not in whole.read_bytes() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert b"CAT" in whole.read_bytes(), "the whole-history export caught up"
        assert whole.read_bytes() == (inst.cfg.site_output / "du-lieu" / f"thang-{r.clock.now():%Y-%m}"
                                      / "cap-nhat.csv").read_bytes()
    finally:
        r.join_builds(60)
        inst.close()


def _exports_in_a_daemon(conn) -> None:  # noqa: ANN001 - a spawned process's target
    from site_builder.build import in_child

    conn.send(in_child(lambda: {"du-lieu/x.csv": b"x"})())


def test_a_full_build_inside_the_builder_process_makes_its_exports_there() -> None:
    """The builder process is a daemon, which may not fork: the exports worker of a large full
    build is then done in the builder itself (it failed every full build of a national run)."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    mine, theirs = ctx.Pipe()
    p = ctx.Process(target=_exports_in_a_daemon, args=(theirs,), daemon=True)
    p.start()
    assert mine.poll(60) and mine.recv() == {"du-lieu/x.csv": b"x"}
    p.join(10)
    assert p.exitcode == 0


def test_the_builder_collects_cyclic_garbage_itself_between_builds(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The builder process runs without automatic collection (a full one in the middle of a
    national build cost a second): it collects when idle, or before a build after COLLECT_EVERY
    builds back to back."""
    import gc
    import weakref
    from datetime import datetime

    from gateway.app.service import poll

    class Node:
        me: object = None

    def garbage() -> weakref.ref[Node]:
        n = Node()
        n.me = n  # a cycle: only a collection frees it
        return weakref.ref(n)

    inst = make_instance(tmp_path / "i")
    inst.cfg.site.search = False
    was = gc.isenabled()
    gc.disable()  # as in the builder process (site_process._serve)
    try:
        b = site_process._Builder(inst)  # noqa: SLF001

        def _deliver_now(name: str, unit: str, sender: str) -> None:
            now = datetime.now(inst.cfg.tz)
            deliver_eml(inst, eml(sender, "BC ngày", _report(unit), message_id=f"<{name}@x>"), name, now)
            poll(inst, now, build=False)

        _deliver_now("a", "SKHCN", SKHCN)
        b._build(datetime.now(inst.cfg.tz))  # noqa: SLF001
        ref = garbage()
        assert b.uncollected == 1 and ref() is not None
        b._idle()  # noqa: SLF001 - no request waits: the builder collects
        assert b.uncollected == 0 and ref() is None
        monkeypatch.setattr(site_process, "COLLECT_EVERY", 2)
        for i, (unit, sender) in enumerate([("CAT", CAT), ("SKHCN", SKHCN)]):
            _deliver_now(f"b{i}", unit, sender)
            b._build(datetime.now(inst.cfg.tz))  # noqa: SLF001
        ref = garbage()
        assert b.uncollected == 2 and ref() is not None
        _deliver_now("c", "CAT", CAT)
        b._build(datetime.now(inst.cfg.tz))  # noqa: SLF001 - back to back: it collects first
        assert b.uncollected == 1 and ref() is None
    finally:
        if was:
            gc.enable()
        inst.close()
