"""The free-writing corpus (SPEC §5.1): mail written as focal points write it, by writers who never
saw the parser (tests/freewrite/README.md). Every case through parse_message and `baocao parse`.

The bar: zero silently wrong records, and at least four cases in five read right (the rest flagged
or rejected with a specific reason).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from tests.freewrite.score import Grade, grade

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "tests" / "freewrite"
CASES = sorted((HERE / "cases").glob("*.eml"))
NAMES = [f.stem for f in CASES]
CONFIG = HERE / "instance" / "baocao.toml"


def expected(name: str) -> dict[str, Any]:
    return json.loads((HERE / "cases" / f"{name}.expected.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _instance():  # noqa: ANN202 - (Config, Directory, WorkCalendar)
    from gateway.app.instance import Instance
    from gateway.config import load

    inst = Instance(load(CONFIG))
    return inst


def parse_in_process(name: str) -> dict[str, Any]:
    from gateway.app.reading import read_message

    inst = _instance()
    raw = (HERE / "cases" / f"{name}.eml").read_bytes()
    at = datetime.fromisoformat(expected(name)["received_at"])
    return read_message(inst.cfg, inst.directory, inst.calendar, raw, at).model_dump(mode="json")


def _run_cli(name: str) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-m", "gateway", "parse", str(HERE / "cases" / f"{name}.eml"), "--json",
         "--config", str(CONFIG), "--received-at", expected(name)["received_at"]],
        capture_output=True, cwd=ROOT, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def grades() -> dict[str, Grade]:
    return {n: grade(parse_in_process(n), expected(n)) for n in NAMES}


def test_corpus_is_there() -> None:
    assert len(NAMES) >= 120, len(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_never_silently_wrong(name: str, grades: dict[str, Grade]) -> None:
    g = grades[name]
    assert not g.silent, f"{name}: " + "; ".join(g.silent)


def test_four_in_five_read_right(grades: dict[str, Grade]) -> None:
    right = sum(1 for g in grades.values() if g.right)
    silent = sum(1 for g in grades.values() if g.silent)
    report = "\n".join(f"  {n}: {g.label}: " + "; ".join(g.silent + g.misses) for n, g in sorted(grades.items()) if not g.right)
    print(f"\nfree-writing corpus: {right}/{len(grades)} read right, {silent} silently wrong\n{report}")
    assert right >= 0.8 * len(grades), f"{right}/{len(grades)} read right\n{report}"


def test_cli_reads_the_same(grades: dict[str, Grade]) -> None:
    """`baocao parse --json` gives every case the same grade as the library path."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = dict(zip(NAMES, pool.map(_run_cli, NAMES), strict=True))
    differ = [n for n in NAMES if grade(results[n], expected(n)).label != grades[n].label]
    assert not differ, differ
