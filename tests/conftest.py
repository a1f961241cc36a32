"""Fixtures shared by several test modules (pytest finds them here without imports)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.smtp_server import SmtpServer


@pytest.fixture
def server(tmp_path: Path) -> Iterator[SmtpServer]:
    """A real aiosmtpd on loopback (STARTTLS + AUTH) for one test."""
    srv = SmtpServer(tmp_path / "tls").start()
    yield srv
    srv.stop()
