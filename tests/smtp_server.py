"""A real SMTP server for tests: aiosmtpd on loopback with STARTTLS (or implicit TLS), AUTH that
requires TLS, a self-signed certificate made in the test, and scriptable refusals."""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import ssl
import threading
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

USER, PASSWORD = "baocao", "s3cret-mật-khẩu"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def make_cert(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for localhost / 127.0.0.1 (cryptography package)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                    x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    raw: bytes
    tls: bool
    authenticated: bool

    @property
    def msg(self) -> EmailMessage:
        return message_from_bytes(self.raw, policy=default_policy)  # type: ignore[return-value]

    @property
    def subject(self) -> str:
        """The decoded Subject, exactly (a fold must not add or drop a space)."""
        return str(self.msg["Subject"])

    @property
    def message_id(self) -> str:
        return str(self.msg["Message-ID"])

    def text(self) -> str:
        part = self.msg.get_body(preferencelist=("plain",))
        return part.get_content().replace("\r\n", "\n") if part is not None else ""


@dataclass
class Handler:
    messages: list[Received] = field(default_factory=list)
    # Answers to give instead of accepting, consumed in order: e.g. "451 4.3.0 Try again later".
    data_refusals: list[str] = field(default_factory=list)
    # Recipient address -> a permanent refusal at RCPT, e.g. "550 5.1.1 User unknown".
    rcpt_refusals: dict[str, str] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]) -> str:
        refusal = self.rcpt_refusals.get(address.lower())
        if refusal:
            return refusal
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            if self.data_refusals:
                return self.data_refusals.pop(0)
            self.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.original_content or envelope.content),
                                          tls=_is_tls(server, session), authenticated=bool(session.authenticated)))
        return "250 2.0.0 Message accepted for delivery"


def _is_tls(server: Any, session: Any) -> bool:
    if session.ssl is not None:  # after STARTTLS
        return True
    transport = getattr(server, "transport", None)  # implicit TLS
    return transport is not None and transport.get_extra_info("ssl_object") is not None


def _authenticator(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
    if isinstance(auth_data, LoginPassword) and auth_data.login.decode() == USER and auth_data.password.decode("utf-8") == PASSWORD:
        return AuthResult(success=True)
    return AuthResult(success=False, handled=False)


class SmtpServer:
    """aiosmtpd on 127.0.0.1:port; `stop()` and `start()` again on the same port (server down, back)."""

    def __init__(self, folder: Path, implicit_tls: bool = False, port: int | None = None) -> None:
        self.cert, self.key = make_cert(folder)
        self.port = port or free_port()
        self.implicit_tls = implicit_tls
        self.handler = Handler()
        self.controller: Controller | None = None

    def server_context(self) -> ssl.SSLContext:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(self.cert, self.key)
        return ctx

    def client_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.cert))

    def start(self) -> SmtpServer:
        kwargs: dict[str, Any] = dict(hostname="127.0.0.1", port=self.port, authenticator=_authenticator,
                                      auth_required=True)
        if self.implicit_tls:
            # aiosmtpd only advertises AUTH under implicit TLS with auth_require_tls=False (known bug).
            kwargs.update(ssl_context=self.server_context(), auth_require_tls=False)
        else:
            kwargs.update(tls_context=self.server_context(), require_starttls=True, auth_require_tls=True)
        self.controller = Controller(self.handler, **kwargs)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def messages(self) -> list[Received]:
        return self.handler.messages

    def by_recipient(self, address: str) -> list[Received]:
        return [m for m in self.messages if address in m.rcpt_tos]


def use_smtp(inst: Any, srv: SmtpServer, monkeypatch: Any, security: str = "starttls") -> Any:
    """Point an instance at this server: STARTTLS (or implicit TLS), AUTH, the test CA trusted."""
    inst.cfg.mail.sink = "smtp"
    inst.cfg.smtp.host = "127.0.0.1"
    inst.cfg.smtp.port = srv.port
    inst.cfg.smtp.security = security  # type: ignore[assignment]
    inst.cfg.smtp.username = USER
    inst.cfg.smtp.timeout_seconds = 5
    monkeypatch.setenv(inst.cfg.smtp.password_env, PASSWORD)
    from gateway.mail.sinks.smtp import CA_FILE_ENV

    monkeypatch.setenv(CA_FILE_ENV, str(srv.cert))
    return inst
