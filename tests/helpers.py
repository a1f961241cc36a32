"""Shared test helpers: a small instance folder with realistic lists, and mail delivery."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from gateway.app.instance import Instance
from gateway.app.scaffold import init_instance
from gateway.config import load
from gateway.mail.sources.maildir import deliver

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DATA = Path(__file__).resolve().parent / "data"


def at(text: str) -> datetime:
    """'2025-05-20 15:40' in the province's time zone."""
    return datetime.fromisoformat(text).replace(tzinfo=TZ)


def make_instance(path: Path, **config_overrides: str) -> Instance:
    """An instance from `baocao init` (3 units, 3 tasks) with optional raw TOML lines appended."""
    init_instance(path, address="baocao@example.gov.vn")
    if config_overrides:
        text = (path / "baocao.toml").read_text(encoding="utf-8")
        for key, value in config_overrides.items():
            text = text.replace(f"\n{key} = ", f"\n{key} = {value}\n#{key}_was = ", 1)
        (path / "baocao.toml").write_text(text, encoding="utf-8")
    return Instance(load(path / "baocao.toml"))


def deliver_eml(inst: Instance, raw: bytes, name: str, when: datetime) -> Path:
    return deliver(inst.cfg.resolve(inst.cfg.mail.maildir), raw, name, when)


def eml(sender: str, subject: str, body: str, *, message_id: str | None = None,
        date: str = "Tue, 20 May 2025 15:40:12 +0700", extra_headers: str = "") -> bytes:
    """A plain UTF-8 message as a simple client writes it (8bit body, CRLF line ends)."""
    from email.header import Header

    lines = [
        f"From: {sender}",
        "To: baocao@example.gov.vn",
        f"Subject: {Header(subject, 'utf-8').encode()}",
        f"Date: {date}",
    ]
    if message_id:
        lines.append(f"Message-ID: {message_id}")
    lines += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit"]
    if extra_headers:
        lines += extra_headers.strip().splitlines()
    return ("\r\n".join(lines) + "\r\n\r\n" + body.replace("\n", "\r\n")).encode("utf-8")
