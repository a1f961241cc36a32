"""One simulated week through the `baocao run` loop (a stepping clock that delivers mail at set
times), sending to a real aiosmtpd server: exactly the expected receipts, reminders, warnings and
digests, asserted message by message."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest

from gateway.app.clock import StepClock
from gateway.app.instance import Instance
from gateway.app.lists import TASK_COLUMNS
from gateway.app.runner import Runner
from gateway.app.scaffold import EXAMPLE_TASKS
from gateway.cli import main
from tests.helpers import at, deliver_eml, eml, make_instance
from tests.smtp_server import Received, SmtpServer, use_smtp

SKHCN = "daumoi@skhcn.example.gov.vn"
CAT = "daumoi@congan.example.gov.vn"
VPUB = "daumoi@vpub.example.gov.vn"
TCT = "tocongtac@example.gov.vn"


def report(sender: str, unit: str, kind: str, period: str, progress: int, mid: str,
           difficulties: str = "Không") -> bytes:
    body = (f"Đơn vị: {unit}\nLoại báo cáo: {kind}\nKỳ báo cáo: {period}\n\n"
            f"Nhiệm vụ: NV0{1 if unit == 'SKHCN' else 2 if unit == 'CAT' else 3}\n"
            f"Tình trạng: Đang thực hiện\nTiến độ: {progress}%\nKhó khăn, vướng mắc: {difficulties}\n")
    return eml(sender, f"Báo cáo {kind.lower()}", body, message_id=mid)


def week_instance(tmp_path: Path, server: SmtpServer, monkeypatch: pytest.MonkeyPatch) -> Instance:
    inst = make_instance(tmp_path / "inst", holidays='["2025-05-21"]', recipients=f'["{TCT}"]')
    # NV02 is already overdue; NV03 falls due next Tuesday (7 days ahead on Tuesday 20 May).
    tasks = [list(t) for t in EXAMPLE_TASKS]
    tasks[1][6] = "2025-05-16"
    tasks[2][6] = "2025-05-27"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([TASK_COLUMNS, *tasks])
    (tmp_path / "inst" / "tasks.csv").write_text(buf.getvalue(), encoding="utf-8")
    inst = Instance(inst.cfg)
    use_smtp(inst, server, monkeypatch)
    inst.cfg.site.base_url = "https://baocao.example.gov.vn/"
    return inst


def subject(m: Received) -> str:
    return m.subject


def kind_of(m: Received) -> str:
    return subject(m)[1:subject(m).index("]")]


def sent_at(m: Received) -> datetime:
    return parsedate_to_datetime(str(m.msg["Date"]))


def test_one_simulated_week(tmp_path: Path, server: SmtpServer, monkeypatch: pytest.MonkeyPatch) -> None:
    inst = week_instance(tmp_path, server, monkeypatch)
    clock = StepClock(at("2025-05-19 07:00"))
    mail: dict[str, bytes] = {}

    def deliver(when: str, name: str, raw: bytes) -> None:
        mail[name] = raw
        clock.at(at(when), lambda: deliver_eml(inst, raw, name, clock.now()))

    # Monday: SKHCN reports; CAT's out-of-office answers our reminder (never answered back).
    deliver("2025-05-19 14:31", "ooo", eml(CAT, "Trả lời tự động: [Nhắc báo cáo]", "Tôi đang đi công tác.",
                                           message_id="<ooo@congan>",
                                           extra_headers="Auto-Submitted: auto-replied"))
    deliver("2025-05-19 15:00", "mon-skhcn", report(SKHCN, "SKHCN", "Ngày", "19/05/2025", 10, "<mon-skhcn@x>",
                                                    "Chưa có kinh phí."))
    # Tuesday: both report (CAT after the 14:30 reminder), and CAT sends Monday's report late.
    deliver("2025-05-20 10:00", "tue-skhcn", report(SKHCN, "SKHCN", "Ngày", "20/05/2025", 20, "<tue-skhcn@x>"))
    deliver("2025-05-20 14:45", "tue-cat", report(CAT, "CAT", "Ngày", "20/05/2025", 30, "<tue-cat@x>"))
    deliver("2025-05-20 17:10", "mon-cat", report(CAT, "CAT", "Ngày", "19/05/2025", 25, "<mon-cat@x>"))
    # Wednesday is a day off (operator holiday). Thursday: SKHCN reports after the 16:00 reminder.
    deliver("2025-05-22 16:20", "thu-skhcn", report(SKHCN, "SKHCN", "Ngày", "22/05/2025", 40, "<thu-skhcn@x>"))
    # Friday: weekly due too. VPUB reports its week and corrects it after the deadline.
    deliver("2025-05-23 09:00", "fri-vpub", report(VPUB, "VPUB", "Tuần", "Tuần 21/2025", 50, "<fri-vpub@x>"))
    deliver("2025-05-23 11:00", "fri-skhcn", report(SKHCN, "SKHCN", "Ngày", "23/05/2025", 45, "<fri-skhcn@x>"))
    deliver("2025-05-23 17:00", "fri-vpub2", report(VPUB, "VPUB", "Tuần", "Tuần 21/2025", 55, "<fri-vpub2@x>"))

    runner = RecordingRunner(inst, clock, interval=300)
    runner.run(until=at("2025-05-24 12:00"))

    got = [(sent_at(m).strftime("%a %H:%M"), m.rcpt_tos[0], kind_of(m)) for m in server.messages]
    assert got == [
        ("Mon 08:00", CAT, "Quá hạn"),  # NV02, led by CAT, is overdue
        ("Mon 14:30", SKHCN, "Nhắc báo cáo"),
        ("Mon 14:30", CAT, "Nhắc báo cáo"),
        ("Mon 15:00", SKHCN, "Đã nhận"),
        ("Mon 16:00", CAT, "Nhắc báo cáo"),
        ("Mon 16:30", TCT, "Tổng hợp"),
        ("Tue 08:00", VPUB, "Sắp đến hạn"),  # NV03 due in 7 days
        ("Tue 10:00", SKHCN, "Đã nhận"),
        ("Tue 14:30", CAT, "Nhắc báo cáo"),
        ("Tue 14:45", CAT, "Đã nhận"),
        ("Tue 16:30", TCT, "Tổng hợp"),
        ("Tue 17:10", CAT, "Đã nhận"),
        ("Thu 14:30", SKHCN, "Nhắc báo cáo"),
        ("Thu 14:30", CAT, "Nhắc báo cáo"),
        ("Thu 16:00", SKHCN, "Nhắc báo cáo"),
        ("Thu 16:00", CAT, "Nhắc báo cáo"),
        ("Thu 16:20", SKHCN, "Đã nhận"),
        ("Thu 16:30", TCT, "Tổng hợp"),
        ("Fri 09:00", VPUB, "Đã nhận"),
        ("Fri 11:00", SKHCN, "Đã nhận"),
        ("Fri 14:30", SKHCN, "Nhắc báo cáo"),
        ("Fri 14:30", CAT, "Nhắc báo cáo"),
        ("Fri 16:00", SKHCN, "Nhắc báo cáo"),
        ("Fri 16:00", CAT, "Nhắc báo cáo"),
        ("Fri 16:30", TCT, "Tổng hợp"),
        ("Fri 17:00", VPUB, "Đã nhận"),
    ]
    msgs = server.messages
    # Loop safety and identity on every message.
    assert len({m.message_id for m in msgs}) == len(msgs)
    for m in msgs:
        assert m.tls and m.authenticated and m.mail_from == "baocao@example.gov.vn"
        assert m.msg["X-Auto-Response-Suppress"] == "All"
        assert m.msg["X-baocao-Loop"] == "baocao@example.gov.vn"
        assert m.msg["Message-ID"].endswith("@baocao.example.gov.vn>")
        if kind_of(m) == "Đã nhận":
            assert m.msg["Auto-Submitted"] == "auto-replied"
            assert m.msg["In-Reply-To"].endswith("@x>") and m.msg["References"] == m.msg["In-Reply-To"]
        else:
            assert m.msg["Auto-Submitted"] == "auto-generated" and "In-Reply-To" not in m.msg
    # The out-of-office was recorded and ignored.
    assert inst.store.db.execute("SELECT outcome, codes FROM messages WHERE message_id='<ooo@congan>'").fetchone() == \
        ("ignored", '["auto_reply"]')

    receipts = {m.msg["In-Reply-To"]: m.text() for m in msgs if kind_of(m) == "Đã nhận"}
    assert "Thời hạn: Trễ hạn" in receipts["<mon-cat@x>"]
    assert "Thời hạn: Đúng hạn" in receipts["<tue-cat@x>"]
    assert "báo cáo bổ sung" in receipts["<fri-vpub2@x>"] and "Đúng hạn" in receipts["<fri-vpub2@x>"]

    reminders_fri = [m for m in msgs if kind_of(m) == "Nhắc báo cáo" and sent_at(m).weekday() == 4]
    assert [subject(m).split(": ", 1)[1] for m in reminders_fri[:2]] == [
        "chưa có báo cáo tuần – hạn 16:30 23/05/2025",  # SKHCN sent its daily already
        "chưa có báo cáo ngày, tuần – hạn 16:30 23/05/2025",
    ]

    digests = [m for m in msgs if kind_of(m) == "Tổng hợp"]
    mon, tue, thu, fri = (d.text() for d in digests)
    assert subject(digests[0]).endswith("1/2 đúng hạn, 0 trễ hạn, 1 chưa báo cáo")
    assert "Chưa báo cáo (1):\n  - Công an tỉnh (CAT)" in mon
    assert "Sở KH&CN, nhiệm vụ NV01" in mon and "Chưa có kinh phí." in mon  # a new difficulty
    assert "Khó khăn, vướng mắc mới (0)" in tue  # not new any more
    assert "Đúng hạn (2):" in tue
    assert "NV02 – Làm sạch dữ liệu dân cư phục vụ Đề án 06: hạn 16/05/2025 (quá 4 ngày)" in tue
    assert "NV03 – Số hóa hồ sơ lưu trữ của cơ quan đảng: hạn 27/05/2025 (còn 7 ngày)" in tue
    assert "https://baocao.example.gov.vn/index.html" in tue
    assert "Trễ hạn (0)" in thu and "Đúng hạn (1):\n  - Sở Khoa học và Công nghệ (SKHCN) – lúc 16:20 22/05/2025" in thu
    assert "== Báo cáo ngày: Ngày 23/05/2025 ==" in fri and "== Báo cáo tuần: Tuần 21/2025 (19/05–23/05) ==" in fri
    assert "Đã báo cáo 1/3 đơn vị; đúng hạn 1, trễ hạn 0, chưa báo cáo 2." in fri
    # The site is rebuilt at start, after each batch that changed something, and when a deadline or
    # midnight passed (the real builder is exercised in test_down_over_a_slot…).
    assert [t.strftime("%a %H:%M") for t in runner.rebuilds] == [
        "Mon 07:00", "Mon 14:31", "Mon 15:00", "Mon 16:30",
        "Tue 00:00", "Tue 10:00", "Tue 14:45", "Tue 16:30", "Tue 17:10",
        "Wed 00:00", "Thu 00:00", "Thu 16:20", "Thu 16:30",
        "Fri 00:00", "Fri 09:00", "Fri 11:00", "Fri 16:30", "Fri 17:00", "Sat 00:00",
    ]
    inst.close()


class RecordingRunner(Runner):
    """The run loop, recording when it rebuilds the site instead of building it (fast)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.rebuilds: list[datetime] = []

    def _rebuild(self, now: datetime) -> None:
        self.rebuilds.append(now)
        self.inst.store.set_meta("site_built_at", now.isoformat())


def test_down_over_a_slot_nothing_late_nothing_twice(tmp_path: Path, server: SmtpServer,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    inst = week_instance(tmp_path, server, monkeypatch)

    def run(start: str, until: str, site: bool = False) -> None:
        Runner(inst, StepClock(at(start)), interval=300, build_site=site).run(until=at(until))

    run("2025-05-20 09:00", "2025-05-20 14:31")
    assert [(m.rcpt_tos[0], kind_of(m)) for m in server.messages] == [
        (CAT, "Quá hạn"), (VPUB, "Sắp đến hạn"), (SKHCN, "Nhắc báo cáo"), (CAT, "Nhắc báo cáo")]
    # Down from 14:31 to 16:05: the 16:00 slot is not sent late; the 16:30 digest is sent.
    run("2025-05-20 16:05", "2025-05-20 16:40", site=True)
    assert inst.store.get_meta("site_built_at") == at("2025-05-20 16:30").isoformat()
    assert (inst.cfg.site_output / "index.html").exists()
    # Restarted again the same day: nothing twice.
    run("2025-05-20 16:50", "2025-05-20 18:00")
    # Down across Thursday's slots and deadline: the digest catches up, the reminders do not.
    run("2025-05-22 18:00", "2025-05-22 18:10")
    got = [(sent_at(m).strftime("%a %H:%M"), m.rcpt_tos[0], kind_of(m)) for m in server.messages]
    assert got == [
        ("Tue 09:00", CAT, "Quá hạn"),
        ("Tue 09:00", VPUB, "Sắp đến hạn"),
        ("Tue 14:30", SKHCN, "Nhắc báo cáo"),
        ("Tue 14:30", CAT, "Nhắc báo cáo"),
        ("Tue 16:30", TCT, "Tổng hợp"),
        ("Thu 18:00", TCT, "Tổng hợp"),
    ]
    assert "hạn 16:30 22/05/2025" in subject(server.messages[-1])
    inst.close()


def test_run_command_with_a_stepping_clock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    inst = make_instance(tmp_path / "cli", recipients=f'["{TCT}"]')
    cfg_path = str(inst.cfg.path)
    inst.close()
    rc = main(["run", "--config", cfg_path, "--now", "2025-05-20T07:00:00+07:00", "--step",
               "--until", "2025-05-20T23:00:00+07:00", "--no-site", "--interval", "600"])
    assert rc == 0
    again = Instance(inst.cfg)
    rows = [tuple(r) for r in again.store.db.execute(
        "SELECT purpose, recipient, status, created_at FROM outbox ORDER BY id").fetchall()]
    assert rows == [
        ("reminder", SKHCN, "sent", "2025-05-20T14:30:00+07:00"),
        ("reminder", CAT, "sent", "2025-05-20T14:30:00+07:00"),
        ("reminder", SKHCN, "sent", "2025-05-20T16:00:00+07:00"),
        ("reminder", CAT, "sent", "2025-05-20T16:00:00+07:00"),
        ("digest", TCT, "sent", "2025-05-20T16:30:00+07:00"),
    ]
    assert len(list((tmp_path / "cli" / "mail" / "outbox").glob("*.eml"))) == 5
    again.close()
    # `remind` and `digest` now: the ledger already holds them.
    assert main(["remind", "--config", cfg_path, "--now", "2025-05-20T16:00:00+07:00", "--dry-run"]) == 0
    assert main(["digest", "--config", cfg_path, "--now", "2025-05-20T17:00:00+07:00"]) == 0
    out = capsys.readouterr().out
    assert "already sent: reminder → daumoi@skhcn.example.gov.vn [SKHCN]" in out
    assert "already sent: digest → tocongtac@example.gov.vn" in out and "sent 0" in out


def test_sigterm_stops_the_real_clock_loop(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    inst = make_instance(tmp_path / "sig")
    cfg_path = str(inst.cfg.path)
    inst.close()
    proc = subprocess.Popen([sys.executable, "-m", "gateway", "run", "--config", cfg_path, "--no-site",
                             "--interval", "30"], stderr=subprocess.PIPE, text=True,
                            cwd=str(Path(__file__).resolve().parent.parent))
    try:
        deadline = time.monotonic() + 20
        lines: list[str] = []
        assert proc.stderr is not None
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            lines.append(line)
            if "baocao run:" in line:
                break
        time.sleep(0.5)
        os.kill(proc.pid, signal.SIGTERM)
        _, err = proc.communicate(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, "".join(lines) + err
    assert "SIGTERM: stopping" in err and "baocao run stopped" in err

