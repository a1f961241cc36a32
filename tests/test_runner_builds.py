"""Issue 13 (1): receipts leave as soon as their records commit — never after a site rebuild, and
a long rebuild running beside the service never delays the next batch's receipts."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from gateway.app import runner as runner_module
from gateway.app.clock import SystemClock
from gateway.app.runner import Runner
from tests.helpers import deliver_eml, eml, make_instance

SKHCN = "daumoi@skhcn.example.gov.vn"
CAT = "daumoi@congan.example.gov.vn"


def _report(unit: str) -> str:
    return f"Đơn vị: {unit}\nLoại báo cáo: Ngày\n\nNhiệm vụ: NV01\nTình trạng: Đang thực hiện\nTiến độ: 60%\n"


def _outbox(inst) -> list[Path]:  # noqa: ANN001
    return sorted(inst.cfg.resolve(inst.cfg.mail.outbox_dir).glob("*.eml"))


def test_receipts_do_not_wait_for_a_long_site_rebuild(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inst = make_instance(tmp_path / "i")
    real = runner_module.rebuild_site
    started, release = threading.Event(), threading.Event()

    def slow_rebuild(i, now):  # noqa: ANN001, ANN202 - the real rebuild, held for as long as the test says
        started.set()
        release.wait(30)
        return real(i, now)

    monkeypatch.setattr(runner_module, "rebuild_site", slow_rebuild)
    clock = SystemClock(inst.cfg.tz)
    r = Runner(inst, clock, interval=0.1, background_builds=True)
    try:
        deliver_eml(inst, eml(SKHCN, "BC ngày", _report("SKHCN"), message_id="<a@x>"), "a", clock.now())
        t0 = time.monotonic()
        r.tick()
        assert len(_outbox(inst)) == 1, "the receipt left in the step that recorded the report"
        assert started.wait(5), "the site build started beside the service"
        # A second report while the build still runs: its receipt does not wait for the build.
        deliver_eml(inst, eml(CAT, "BC ngày", _report("CAT"), message_id="<b@x>"), "b", clock.now())
        r.tick()
        assert len(_outbox(inst)) == 2
        assert time.monotonic() - t0 < 5 and not release.is_set()
    finally:
        release.set()
        r.join_builds(60)
        inst.close()
    assert (inst.cfg.site_output / "index.html").exists(), "the held build finished and published"


def test_a_build_asked_for_during_a_build_runs_after_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inst = make_instance(tmp_path / "i")
    real = runner_module.rebuild_site
    calls: list[float] = []
    release = threading.Event()

    def held(i, now):  # noqa: ANN001, ANN202
        calls.append(time.monotonic())
        release.wait(30)
        return real(i, now)

    monkeypatch.setattr(runner_module, "rebuild_site", held)
    clock = SystemClock(inst.cfg.tz)
    r = Runner(inst, clock, interval=0.1, background_builds=True)
    try:
        deliver_eml(inst, eml(SKHCN, "BC", _report("SKHCN"), message_id="<a@x>"), "a", clock.now())
        r.tick()
        deliver_eml(inst, eml(CAT, "BC", _report("CAT"), message_id="<b@x>"), "b", clock.now())
        r.tick()  # the first build still runs: the second is remembered, not started
        assert len(calls) == 1
        release.set()
        r.join_builds(60)
        assert len(calls) == 2  # the remembered build ran right after the first, not a tick later
        r.tick()  # nothing new: no third build
        r.join_builds(60)
        assert len(calls) == 2
    finally:
        release.set()
        r.join_builds(60)
        inst.close()


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
