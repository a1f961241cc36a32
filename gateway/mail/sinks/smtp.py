"""The SMTP sink (aiosmtplib), used through the synchronous Sink protocol of the outbox.

- Transport security is enforced: `starttls` passes `start_tls=True` (a server that does not offer
  STARTTLS is an error, never a silent plain-text session); `tls` is implicit TLS (port 465).
  `none` is only accepted for a relay on the loopback interface.
- AUTH uses `smtp.username` and the password from the environment variable `smtp.password_env`.
- Refusals are mapped for the outbox: 4xx, connection problems, TLS and AUTH problems (they concern
  the server, not one message) -> TemporaryFailure; a 5xx answer to MAIL/RCPT/DATA ->
  PermanentFailure(code, enhanced status such as "5.1.1").
- One connection is reused for the messages of one flush; any error drops it.
- An extra CA bundle (an internal CA, common on government mail servers) can be named by the
  environment variable BAOCAO_SMTP_CA_FILE.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import os
import re
import ssl
import threading
from collections.abc import Awaitable
from functools import lru_cache
from typing import TypeVar

import aiosmtplib

from gateway.config import Config
from gateway.errors import UserError
from gateway.mail.net import is_loopback
from gateway.mail.sinks import PartialDelivery, PermanentFailure, TemporaryFailure

log = logging.getLogger(__name__)
T = TypeVar("T")

CA_FILE_ENV = "BAOCAO_SMTP_CA_FILE"
_ENHANCED = re.compile(r"^\s*([245]\.\d{1,3}\.\d{1,3})\b")


def enhanced_status(message: str) -> str:
    m = _ENHANCED.match(message or "")
    return m.group(1) if m else ""


def tls_context() -> ssl.SSLContext:
    return _tls_context(os.environ.get(CA_FILE_ENV, ""))


@lru_cache(maxsize=4)
def _tls_context(extra_ca_file: str) -> ssl.SSLContext:
    # Loading the system's CA store takes tens of milliseconds: do it once per process.
    ctx = ssl.create_default_context()
    if extra_ca_file:
        ctx.load_verify_locations(cafile=extra_ca_file)
    return ctx


def _client(cfg: Config, ctx: ssl.SSLContext | None) -> aiosmtplib.SMTP:
    s = cfg.smtp
    if s.security == "none" and not is_loopback(s.host):
        raise UserError(f"smtp.security = \"none\" is only allowed for a relay on this machine, not {s.host!r}; "
                        "use \"starttls\" (port 587) or \"tls\" (port 465)")
    password = None
    if s.username:
        password = cfg.secret(s.password_env)
        if not password:
            raise UserError(f"smtp.username is set but the environment variable {s.password_env} is empty")
    return aiosmtplib.SMTP(
        hostname=s.host, port=s.port, timeout=s.timeout_seconds,
        use_tls=s.security == "tls",
        start_tls=True if s.security == "starttls" else False,
        tls_context=(ctx or tls_context()) if s.security != "none" else None,
        username=s.username or None, password=password,
    )


def _map(exc: BaseException) -> Exception:
    """An aiosmtplib/OS error as the outbox's TemporaryFailure or PermanentFailure."""
    if isinstance(exc, aiosmtplib.SMTPRecipientsRefused):
        inner = exc.recipients[0] if exc.recipients else None
        if inner is not None:
            return _map(inner)
        return TemporaryFailure(str(exc))
    if isinstance(exc, aiosmtplib.SMTPAuthenticationError):
        return TemporaryFailure(f"SMTP authentication failed ({exc.code} {exc.message}); check smtp.username "
                                "and the password variable", server=True)
    if isinstance(exc, (aiosmtplib.SMTPSenderRefused, aiosmtplib.SMTPRecipientRefused, aiosmtplib.SMTPDataError)):
        text = f"{exc.code} {exc.message}"
        if 500 <= exc.code < 600:
            return PermanentFailure(text, exc.code, enhanced_status(exc.message))
        return TemporaryFailure(text)
    if isinstance(exc, aiosmtplib.SMTPResponseException):  # e.g. 421 at the greeting: the server's state
        return TemporaryFailure(f"{exc.code} {exc.message}", server=True)
    if isinstance(exc, ssl.SSLError):
        return TemporaryFailure(f"TLS failed: {exc}", server=True)
    # Connection refused/reset, timeouts, STARTTLS not offered (SMTPException), DNS errors.
    return TemporaryFailure(f"{type(exc).__name__}: {exc}", server=True)


class _LoopThread:
    """An event loop of our own in a worker thread: the synchronous sink then works whatever the
    calling thread is doing (even inside another running loop, e.g. a Playwright session)."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="baocao-smtp", daemon=True)
        self.thread.start()

    def run(self, coro: Awaitable[T], timeout: float) -> T:
        future: concurrent.futures.Future[T] = asyncio.run_coroutine_threadsafe(coro, self.loop)  # type: ignore[arg-type]
        try:
            return future.result(timeout)
        except TimeoutError:
            future.cancel()
            raise

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        if not self.thread.is_alive():
            self.loop.close()


class SmtpSink:
    def __init__(self, cfg: Config, ssl_context: ssl.SSLContext | None = None) -> None:
        self.cfg = cfg
        self._ctx = ssl_context
        _client(cfg, ssl_context)  # validate settings and the secret now, loudly
        self._runner = _LoopThread()
        self._smtp: aiosmtplib.SMTP | None = None
        # A hard stop in case a server stalls between the client's own per-command timeouts.
        self._limit = max(30.0, cfg.smtp.timeout_seconds * 6.0)

    async def _connect(self) -> aiosmtplib.SMTP:
        if self._smtp is not None and self._smtp.is_connected:
            return self._smtp
        smtp = _client(self.cfg, self._ctx)
        await smtp.connect()
        if self.cfg.smtp.security != "none" and smtp.get_transport_info("sslcontext") is None:
            smtp.close()
            raise TemporaryFailure("the SMTP session is not encrypted; refusing to send", server=True)
        self._smtp = smtp
        return smtp

    async def _send(self, raw: bytes, sender: str, recipients: list[str]) -> None:
        smtp = await self._connect()
        errors, _ = await smtp.sendmail(sender, recipients, raw)
        if errors:  # some recipients refused while others were accepted: it went out
            raise PartialDelivery({a: (e.code, enhanced_status(e.message), e.message) for a, e in errors.items()})

    def _drop(self) -> None:
        if self._smtp is not None:
            smtp, self._smtp = self._smtp, None
            try:  # the client belongs to the worker loop: close it there
                self._runner.loop.call_soon_threadsafe(smtp.close)
            except RuntimeError:  # the loop is already closed
                pass

    def send(self, raw: bytes, sender: str, recipients: list[str], message_id: str) -> None:
        try:
            self._runner.run(self._send(raw, sender, recipients), self._limit)
        except PartialDelivery:
            raise
        except (TemporaryFailure, PermanentFailure):
            self._drop()
            raise
        except (TimeoutError, aiosmtplib.SMTPException, OSError, ssl.SSLError) as exc:
            self._drop()
            raise _map(exc) from exc
        log.info("smtp: %s accepted for %s", message_id, ", ".join(recipients))

    def close(self) -> None:
        if self._smtp is not None and self._smtp.is_connected:
            try:
                self._runner.run(self._smtp.quit(), self._limit)
            except Exception:  # noqa: BLE001 - quitting a dead session
                pass
        self._drop()
        self._runner.close()


def check_connection(cfg: Config, ssl_context: ssl.SSLContext | None = None) -> str:
    """Connect, secure, authenticate, NOOP, QUIT: a one-line description or an exception."""
    async def probe() -> str:
        smtp = _client(cfg, ssl_context)
        await smtp.connect()
        try:
            await smtp.noop()
            secured = smtp.get_transport_info("sslcontext") is not None
        finally:
            await smtp.quit()
        how = {"tls": "implicit TLS", "starttls": "STARTTLS", "none": "no TLS (local relay)"}[cfg.smtp.security]
        if cfg.smtp.security != "none" and not secured:
            raise TemporaryFailure("the SMTP session is not encrypted")
        auth = f", AUTH as {cfg.smtp.username}" if cfg.smtp.username else ", no AUTH"
        return f"OK {cfg.smtp.host}:{cfg.smtp.port} ({how}{auth})"

    runner = _LoopThread()
    try:
        return runner.run(probe(), max(30.0, cfg.smtp.timeout_seconds * 6.0))
    finally:
        runner.close()
