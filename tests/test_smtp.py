"""The outbox through the SMTP sink against a real aiosmtpd server on loopback (STARTTLS + AUTH)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from gateway.app.instance import Instance
from gateway.app.service import poll
from gateway.errors import UserError
from gateway.mail import compose, outbox
from gateway.mail.sinks import PermanentFailure, TemporaryFailure
from gateway.mail.sinks.smtp import CA_FILE_ENV, SmtpSink, check_connection
from tests.helpers import at, deliver_eml, eml, make_instance
from tests.smtp_server import PASSWORD, USER, SmtpServer, free_port, use_smtp

REPORT = """Đơn vị: SKHCN
Loại báo cáo: Ngày
Kỳ báo cáo: 20/05/2025

Nhiệm vụ: NV01
Tình trạng: Đang thực hiện
Tiến độ: 60%
Kết quả: Đã trình dự thảo kế hoạch.
"""
FOCAL = "daumoi@skhcn.example.gov.vn"


@pytest.fixture
def inst(tmp_path: Path, server: SmtpServer, monkeypatch: pytest.MonkeyPatch) -> Instance:
    i = use_smtp(make_instance(tmp_path / "inst"), server, monkeypatch)
    yield i
    i.close()


def enqueue(inst: Instance, n: int, to: str = FOCAL, start: int = 0, when: str = "2025-05-20 10:00") -> list[str]:
    ids = []
    for k in range(start, start + n):
        mid = compose.stable_message_id(inst.cfg, "test", str(k))
        msg = compose.build(inst.cfg, to=to, subject=f"Thư thử {k}", body=f"Nội dung {k}", message_id=mid,
                            now=at(when), auto="auto-generated")
        assert inst.store.enqueue(message_id=mid, purpose="test", recipient=to, subject=f"Thư thử {k}",
                                  raw=msg.as_bytes(), now=at(when), dedupe_key=f"test:{k}")
        ids.append(mid)
    return ids


def flush(inst: Instance, when) -> outbox.FlushResult:
    sink = inst.sink()
    try:
        return outbox.flush(inst.store, sink, inst.cfg.mail.address, when)
    finally:
        sink.close()


def statuses(inst: Instance) -> list[str]:
    return [r[0] for r in inst.store.db.execute("SELECT status FROM outbox ORDER BY id").fetchall()]


def test_receipt_over_starttls_with_auth_is_marked_and_threaded(inst: Instance, server: SmtpServer) -> None:
    raw = eml(FOCAL, "Báo cáo ngày 20/5", REPORT, message_id="<report-1@skhcn.example.gov.vn>")
    deliver_eml(inst, raw, "r1", at("2025-05-20 15:40"))
    res = poll(inst, at("2025-05-20 15:41"), build=False)
    assert res.batch.outcomes == {"accepted": 1}
    assert (res.flush.sent, res.flush.retried, res.flush.failed) == (1, 0, 0)
    assert statuses(inst) == ["sent"]
    [m] = server.messages
    assert m.tls and m.authenticated
    assert m.mail_from == "baocao@example.gov.vn" and m.rcpt_tos == [FOCAL]
    msg = m.msg
    assert msg["To"] == FOCAL
    assert m.subject.startswith("[Đã nhận] Báo cáo ngày")
    assert msg["In-Reply-To"] == "<report-1@skhcn.example.gov.vn>"
    assert msg["References"] == "<report-1@skhcn.example.gov.vn>"
    assert msg["Auto-Submitted"] == "auto-replied"
    assert msg["X-Auto-Response-Suppress"] == "All"
    assert msg["X-baocao-Loop"] == "baocao@example.gov.vn"
    assert msg["Message-ID"].endswith("@baocao.example.gov.vn>")
    stored_mid = inst.store.db.execute("SELECT message_id FROM outbox").fetchone()[0]
    assert msg["Message-ID"] == stored_mid
    body = m.text()
    assert "SKHCN" in body and "NV01" in body and "60%" in body and "Đúng hạn" in body
    # A second poll sends nothing again.
    assert poll(inst, at("2025-05-20 15:45"), build=False).flush.sent == 0
    assert len(server.messages) == 1


def test_a_receipt_leaves_before_the_bulk_mail_queued_ahead_of_it(inst: Instance, server: SmtpServer) -> None:
    """A morning's early warnings (more than one round sends) are queued when a report arrives:
    its receipt goes out in the very next round, first, and the warnings follow in their order."""
    for k in range(250):  # one each to 250 lead units (no per-recipient cap involved)
        to = f"daumoi{k}@dv{k}.example.gov.vn"
        mid = compose.stable_message_id(inst.cfg, "warning", str(k))
        msg = compose.build(inst.cfg, to=to, subject=f"Cảnh báo sớm {k}", body="Nhiệm vụ sắp đến hạn.",
                            message_id=mid, now=at("2025-05-20 15:30"), auto="auto-generated")
        assert inst.store.enqueue(message_id=mid, purpose="warning", recipient=to, subject=f"Cảnh báo sớm {k}",
                                  raw=msg.as_bytes(), now=at("2025-05-20 15:30"), dedupe_key=f"warning:{k}")
    raw = eml(FOCAL, "Báo cáo ngày 20/5", REPORT, message_id="<report-1@skhcn.example.gov.vn>")
    deliver_eml(inst, raw, "r1", at("2025-05-20 15:40"))
    res = poll(inst, at("2025-05-20 15:41"), build=False)
    assert res.batch.outcomes == {"accepted": 1}
    assert res.flush.sent == 200  # one round
    assert server.messages[0].msg["In-Reply-To"] == "<report-1@skhcn.example.gov.vn>"
    assert [m.subject for m in server.messages[1:4]] == ["Cảnh báo sớm 0", "Cảnh báo sớm 1", "Cảnh báo sớm 2"]
    assert poll(inst, at("2025-05-20 15:42"), build=False).flush.sent == 51
    assert server.messages[-1].subject == "Cảnh báo sớm 249"


def test_implicit_tls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    srv = SmtpServer(tmp_path / "tls465", implicit_tls=True).start()
    try:
        inst = use_smtp(make_instance(tmp_path / "i"), srv, monkeypatch, security="tls")
        enqueue(inst, 1)
        assert flush(inst, at("2025-05-20 10:00")).sent == 1
        assert [m.tls for m in srv.messages] == [True]
        assert check_connection(inst.cfg).startswith(f"OK 127.0.0.1:{srv.port} (implicit TLS, AUTH as {USER}")
    finally:
        srv.stop()


def test_check_connection(inst: Instance, server: SmtpServer) -> None:
    assert check_connection(inst.cfg) == f"OK 127.0.0.1:{server.port} (STARTTLS, AUTH as {USER})"
    server.stop()
    with pytest.raises(OSError):
        check_connection(inst.cfg)


def test_no_silent_downgrade_when_starttls_is_not_offered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from aiosmtpd.controller import Controller

    from tests.smtp_server import Handler

    handler = Handler()
    port = free_port()
    plain = Controller(handler, hostname="127.0.0.1", port=port)  # no TLS at all
    plain.start()
    try:
        srv = SmtpServer(tmp_path / "tls", port=port)  # only for its certificate
        inst = use_smtp(make_instance(tmp_path / "i"), srv, monkeypatch)
        enqueue(inst, 1)
        res = flush(inst, at("2025-05-20 10:00"))
        assert (res.sent, res.retried) == (0, 1)
        assert handler.messages == [] and statuses(inst) == ["queued"]
        err = inst.store.db.execute("SELECT last_error FROM outbox").fetchone()[0]
        assert "STARTTLS" in err or "starttls" in err.lower()
    finally:
        plain.stop()


def test_untrusted_certificate_is_refused(tmp_path: Path, inst: Instance, server: SmtpServer,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CA_FILE_ENV)
    enqueue(inst, 1)
    res = flush(inst, at("2025-05-20 10:00"))
    assert (res.sent, res.retried) == (0, 1) and server.messages == []


def test_wrong_password_is_temporary_and_loses_nothing(inst: Instance, server: SmtpServer,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(inst.cfg.smtp.password_env, "wrong")
    enqueue(inst, 2)
    res = flush(inst, at("2025-05-20 10:00"))
    assert (res.sent, res.retried, res.failed) == (0, 1, 0)
    assert statuses(inst) == ["queued", "queued"] and server.messages == []
    assert "authentication" in inst.store.db.execute("SELECT last_error FROM outbox WHERE id=1").fetchone()[0]


def test_settings_errors_are_loud(inst: Instance, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(inst.cfg.smtp.password_env)
    with pytest.raises(UserError, match="BAOCAO_SMTP_PASSWORD"):
        SmtpSink(inst.cfg)
    monkeypatch.setenv(inst.cfg.smtp.password_env, PASSWORD)
    inst.cfg.smtp.security = "none"
    inst.cfg.smtp.host = "mail.example.gov.vn"
    with pytest.raises(UserError, match="only allowed"):
        SmtpSink(inst.cfg)


def test_server_down_then_back_nothing_lost_nothing_twice(inst: Instance, server: SmtpServer) -> None:
    ids = enqueue(inst, 3)
    server.stop()
    t0 = at("2025-05-20 10:00")
    res = flush(inst, t0)
    assert (res.sent, res.retried) == (0, 1)
    assert statuses(inst) == ["queued"] * 3
    # Back-off: the first message waits; nothing is due a second later.
    assert [r["message_id"] for r in inst.store.due_outbox(t0 + timedelta(seconds=1))] == ids[1:]
    res = flush(inst, t0 + timedelta(seconds=1))  # still down
    assert res.sent == 0
    server.start()
    res = flush(inst, t0 + timedelta(hours=3))
    assert res.sent == 3 and statuses(inst) == ["sent"] * 3
    assert sorted(m.message_id for m in server.messages) == sorted(ids)
    assert flush(inst, t0 + timedelta(hours=4)).sent == 0
    assert len(server.messages) == 3


def test_451_then_success(inst: Instance, server: SmtpServer) -> None:
    server.handler.data_refusals.append("451 4.3.0 Mail server temporarily rejected message")
    [mid] = enqueue(inst, 1)
    t0 = at("2025-05-20 10:00")
    res = flush(inst, t0)
    assert (res.sent, res.retried) == (0, 1)
    row = inst.store.db.execute("SELECT status, attempts, last_error, next_attempt_at FROM outbox").fetchone()
    assert row[0] == "queued" and row[1] == 1 and row[2].startswith("451")
    assert row[3] == (t0 + outbox.backoff(0)).isoformat()
    assert flush(inst, t0 + timedelta(seconds=30)).sent == 0  # not due yet
    assert flush(inst, t0 + timedelta(minutes=2)).sent == 1
    assert [m.message_id for m in server.messages] == [mid]
    assert statuses(inst) == ["sent"]


def test_550_511_fails_and_suppresses_the_address(inst: Instance, server: SmtpServer) -> None:
    dead = "nghiviec@skhcn.example.gov.vn"
    server.handler.rcpt_refusals[dead] = "550 5.1.1 <nghiviec@skhcn.example.gov.vn>: Recipient address rejected"
    enqueue(inst, 1, to=dead)
    enqueue(inst, 1, to=FOCAL, start=10)
    res = flush(inst, at("2025-05-20 10:00"))
    assert (res.sent, res.failed, res.retried) == (1, 1, 0)
    assert statuses(inst) == ["failed", "sent"]
    err = inst.store.db.execute("SELECT last_error FROM outbox WHERE id=1").fetchone()[0]
    assert err.startswith("550") and "5.1.1" in err
    assert inst.store.is_suppressed(dead) and not inst.store.is_suppressed(FOCAL)
    assert [m.rcpt_tos for m in server.messages] == [[FOCAL]]
    # Later mail to the dead address is not even attempted.
    server.handler.rcpt_refusals.clear()
    enqueue(inst, 1, to=dead, start=20)
    res = flush(inst, at("2025-05-20 11:00"))
    assert (res.sent, res.failed) == (0, 1)
    assert len(server.messages) == 1


def test_permanent_failure_carries_code_and_enhanced_status(inst: Instance, server: SmtpServer) -> None:
    server.handler.data_refusals.append("554 5.7.1 Message rejected as spam")
    sink = SmtpSink(inst.cfg)
    try:
        with pytest.raises(PermanentFailure) as info:
            sink.send(b"Subject: x\r\n\r\nx\r\n", "baocao@example.gov.vn", [FOCAL], "<x@y>")
        assert (info.value.code, info.value.enhanced) == (554, "5.7.1")
        server.stop()
        with pytest.raises(TemporaryFailure):
            sink.send(b"Subject: x\r\n\r\nx\r\n", "baocao@example.gov.vn", [FOCAL], "<x@y>")
    finally:
        sink.close()


class CrashAfterSending:
    """A sink that dies (like a killed process) right after the server accepted message number n."""

    def __init__(self, inner, n: int) -> None:
        self.inner, self.n, self.count = inner, n, 0

    def send(self, raw: bytes, sender: str, recipients: list[str], message_id: str) -> None:
        self.inner.send(raw, sender, recipients, message_id)
        self.count += 1
        if self.count == self.n:
            raise SystemExit("killed")

    def close(self) -> None:
        self.inner.close()


def test_crash_mid_send_resends_only_the_one_in_flight(inst: Instance, server: SmtpServer) -> None:
    ids = enqueue(inst, 3)
    sink = CrashAfterSending(inst.sink(), 2)
    with pytest.raises(SystemExit):
        outbox.flush(inst.store, sink, inst.cfg.mail.address, at("2025-05-20 10:00"))
    sink.close()
    assert statuses(inst) == ["sent", "queued", "queued"]
    assert flush(inst, at("2025-05-20 10:01")).sent == 2
    got = [m.message_id for m in server.messages]
    assert got == [ids[0], ids[1], ids[1], ids[2]]  # only the in-flight one twice, same Message-ID
    assert server.messages[1].raw == server.messages[2].raw


def test_cap_per_recipient_per_hour(inst: Instance, server: SmtpServer) -> None:
    enqueue(inst, outbox.PER_RECIPIENT_PER_HOUR + 3)
    enqueue(inst, 1, to="other@vpub.example.gov.vn", start=500)
    t0 = at("2025-05-20 10:00")
    res = flush(inst, t0)
    assert res.sent == outbox.PER_RECIPIENT_PER_HOUR + 1 and res.deferred == 3
    assert len(server.by_recipient(FOCAL)) == outbox.PER_RECIPIENT_PER_HOUR
    assert len(server.by_recipient("other@vpub.example.gov.vn")) == 1
    assert flush(inst, t0 + timedelta(minutes=30)).sent == 0
    assert flush(inst, t0 + timedelta(minutes=61)).sent == 3
    assert len(server.by_recipient(FOCAL)) == outbox.PER_RECIPIENT_PER_HOUR + 3


def test_sink_works_inside_a_running_event_loop(inst: Instance, server: SmtpServer) -> None:
    """Callers may already run an asyncio loop (a Playwright session, an async service)."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    async def inside() -> str:
        sink = SmtpSink(inst.cfg)
        try:
            sink.send(b"Subject: x\r\nMessage-ID: <in-loop@x>\r\n\r\nx\r\n", "baocao@example.gov.vn", [FOCAL],
                      "<in-loop@x>")
        finally:
            sink.close()
        return check_connection(inst.cfg)

    # In a thread of its own: other tests (Playwright's sync API) may leave a loop in this one.
    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(asyncio.run, inside()).result(timeout=60).startswith("OK")
    assert [m.message_id for m in server.messages] == ["<in-loop@x>"]
