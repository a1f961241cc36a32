"""Real headless Chromium (Debian's `chromium`) driven by Playwright, for the site tests.

`playwright install` cannot download browsers here, so the system Chromium is launched by path.
When it cannot start, the tests FAIL with the reason: a browser test that silently skips would
prove nothing.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("BAOCAO_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
        "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - the README's test command installs it
        pytest.fail(f"Playwright is not installed ({exc}); run the README's test command", pytrace=False)
    exe = CHROMIUM if Path(CHROMIUM).exists() else (shutil.which("chromium") or shutil.which("chromium-browser"))
    if not exe:
        pytest.fail(f"Chromium not found at {CHROMIUM} nor on PATH; install Debian's `chromium` package",
                    pytrace=False)
    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=exe, args=ARGS, headless=True, timeout=60_000)
    except Exception as exc:  # noqa: BLE001 - any launch failure fails the suite loudly
        pw.stop()
        pytest.fail(f"Chromium at {exe} did not start: {exc}", pytrace=False)
    try:
        yield b
    finally:
        b.close()
        pw.stop()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
