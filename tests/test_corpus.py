"""The parser corpus: every tests/corpus/*.eml through parse_message and through `baocao parse --json`.

Each NAME.eml has NAME.expected.json (written by hand in tests/corpus/make_corpus.py from SPEC §5
and §10): the fields that matter are compared; `*_contains` / `*_excludes` are substring checks;
`text_excludes` lists text that must appear nowhere in the summary or the tasks (quoted reminder
values, signatures).
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

from gateway.app.lists import load_directory
from gateway.app.reading import context
from gateway.config import load
from parsers import parse_message

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
FILES = sorted(CORPUS.glob("*.eml"))
NAMES = [f.stem for f in FILES]
TASK_FIELDS = ("result", "difficulties", "proposals", "notes", "title")


def expected(name: str) -> dict[str, Any]:
    return json.loads((CORPUS / f"{name}.expected.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def _instance(config: str):  # noqa: ANN202 - (Config, Directory)
    cfg = load(CORPUS / config)
    return cfg, load_directory(cfg)


def _substrings(v: str | list[str]) -> list[str]:
    return [v] if isinstance(v, str) else list(v)


def _same_time(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is b
    return datetime.fromisoformat(a) == datetime.fromisoformat(b)


def compare(actual: dict[str, Any], exp: dict[str, Any], received_at: str, cli: bool) -> list[str]:
    """Every difference between a parse result and its expectation, as readable lines."""
    errs: list[str] = []
    for key in ("outcome", "codes", "sender", "unit", "kind", "period", "sender_units", "bounced_addresses"):
        if key in exp and actual.get(key) != exp[key]:
            errs.append(f"{key}: got {actual.get(key)!r}, expected {exp[key]!r}")
    if not _same_time(actual.get("received_at"), received_at):
        errs.append(f"received_at: got {actual.get('received_at')!r}, expected {received_at!r}")
    if cli:
        if "timeliness" in exp and actual.get("timeliness") != exp["timeliness"]:
            errs.append(f"timeliness: got {actual.get('timeliness')!r}, expected {exp['timeliness']!r}")
        if "deadline" in exp and not _same_time(actual.get("deadline"), exp["deadline"]):
            errs.append(f"deadline: got {actual.get('deadline')!r}, expected {exp['deadline']!r}")
    summary = actual.get("summary")
    if "summary" in exp and summary != exp["summary"]:
        errs.append(f"summary: got {summary!r}, expected {exp['summary']!r}")
    for s in _substrings(exp.get("summary_contains", [])):
        if not summary or s not in summary:
            errs.append(f"summary: {s!r} not in {summary!r}")
    tasks = actual.get("tasks", [])
    if "tasks" in exp:
        got_codes = [t["code"] for t in tasks]
        want_codes = [t["code"] for t in exp["tasks"]]
        if got_codes != want_codes:
            errs.append(f"tasks: got {got_codes}, expected {want_codes}")
        for got, want in zip(tasks, exp["tasks"], strict=False):
            code = want["code"]
            for f in ("status", "progress"):
                if got.get(f) != want.get(f):
                    errs.append(f"{code}.{f}: got {got.get(f)!r}, expected {want.get(f)!r}")
            for f in TASK_FIELDS:
                if f in want and got.get(f) != want[f]:
                    errs.append(f"{code}.{f}: got {got.get(f)!r}, expected {want[f]!r}")
                for s in _substrings(want.get(f"{f}_contains", [])):
                    if not got.get(f) or s not in got[f]:
                        errs.append(f"{code}.{f}: {s!r} not in {got.get(f)!r}")
                for s in _substrings(want.get(f"{f}_excludes", [])):
                    if got.get(f) and s in got[f]:
                        errs.append(f"{code}.{f}: {s!r} must not be in {got.get(f)!r}")
    if "warnings" in exp:
        got_w = sorted(w["code"] + (f":{w['task']}" if w.get("task") else "") for w in actual.get("warnings", []))
        if got_w != sorted(exp["warnings"]):
            errs.append(f"warnings: got {got_w}, expected {sorted(exp['warnings'])}")
    if cli:
        for w in actual.get("warnings", []):
            if not w.get("message") or w["message"] == w["code"] or "?" == w["message"].strip():
                errs.append(f"warning {w['code']} has no Vietnamese message: {w.get('message')!r}")
    blob = json.dumps({"summary": summary, "tasks": tasks}, ensure_ascii=False)
    for s in exp.get("text_excludes", []):
        if s in blob:
            errs.append(f"text {s!r} leaked into the summary or tasks")
    return errs


def test_corpus_size() -> None:
    assert len(FILES) >= 45
    for f in FILES:
        assert (CORPUS / f"{f.stem}.expected.json").exists(), f"{f.name} has no expectation"
    # Every reason and warning code of SPEC §10 is exercised.
    codes = set()
    warnings = set()
    for n in NAMES:
        e = expected(n)["expect"]
        codes.update(e.get("codes", []))
        warnings.update(w.split(":")[0] for w in e.get("warnings", []))
    assert codes >= {"unknown_sender", "unknown_unit", "unit_not_allowed", "not_a_report", "auth_failed",
                     "too_large", "auto_reply", "bounce", "mailing_list", "own_message"}
    assert warnings >= {"unknown_task", "task_not_assigned", "invalid_progress", "unknown_status",
                        "duplicate_task", "kind_inferred", "period_inferred"}


@pytest.mark.parametrize("name", NAMES)
def test_parse_message(name: str) -> None:
    spec = expected(name)
    cfg, directory = _instance(spec["config"])
    raw = (CORPUS / f"{name}.eml").read_bytes()
    report = parse_message(raw, context(cfg, directory, datetime.fromisoformat(spec["received_at"])))
    # `error` is set when the parser crashed (or refused an oversized header section unparsed).
    assert report.error is None or spec["expect"]["codes"] == ["too_large"], report.error
    errs = compare(report.model_dump(mode="json"), spec["expect"], spec["received_at"], cli=False)
    assert not errs, f"{name}: " + "; ".join(errs)


def _run_cli(name: str) -> tuple[int, str, str]:
    spec = expected(name)
    proc = subprocess.run(
        [sys.executable, "-m", "gateway", "parse", str(CORPUS / f"{name}.eml"), "--json",
         "--config", str(CORPUS / spec["config"]), "--received-at", spec["received_at"]],
        capture_output=True, cwd=ROOT, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


@pytest.fixture(scope="module")
def cli_results() -> dict[str, tuple[int, str, str]]:
    with ThreadPoolExecutor(max_workers=min(8, (os.cpu_count() or 2) * 2)) as pool:
        return dict(zip(NAMES, pool.map(_run_cli, NAMES), strict=True))


@pytest.mark.parametrize("name", NAMES)
def test_cli_parse_json(name: str, cli_results: dict[str, tuple[int, str, str]]) -> None:
    rc, out, err = cli_results[name]
    assert rc == 0, err
    actual = json.loads(out)
    spec = expected(name)
    errs = compare(actual, spec["expect"], spec["received_at"], cli=True)
    assert not errs, f"{name}: " + "; ".join(errs)
    # The contract's field names are all present.
    for key in ("outcome", "codes", "sender", "unit", "kind", "period", "received_at", "deadline",
                "timeliness", "summary", "tasks", "warnings"):
        assert key in actual


def test_generator_reproduces_the_committed_files() -> None:
    proc = subprocess.run([sys.executable, str(CORPUS / "make_corpus.py"), "--check"], capture_output=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stdout.decode() + proc.stderr.decode()
