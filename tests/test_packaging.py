"""The distribution: a built wheel, installed into a fresh virtual environment outside the checkout,
gives a working `baocao` (the templates ship inside the package; SPEC §11).

Only the four source folders, pyproject.toml and the README are copied to a temporary folder and
built there (the checkout gets no build/ or egg-info, and nothing else in it can leak into the
wheel). The fresh venv gets the wheel itself; its dependencies are borrowed from the test venv by a
.pth line (no download, a few seconds). With BAOCAO_WHEEL_FULL=1 the wheel is installed with its
dependencies from the package index instead, as an operator's `pip install` does.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
SOURCES = ("gateway", "parsers", "site_builder", "templates")


def _build_wheel(tmp: Path) -> Path:
    src = tmp / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    for name in SOURCES:
        shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    dist = tmp / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                    "-w", str(dist), str(src)], check=True, capture_output=True, timeout=300)
    (wheel,) = dist.glob("baocao-*.whl")
    return wheel


def _fresh_venv(tmp: Path, wheel: Path) -> Path:
    env_dir = tmp / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    py = env_dir / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", str(py), "install", "-q"]
    if os.environ.get("BAOCAO_WHEEL_FULL"):
        subprocess.run([*pip, str(wheel)], check=True, capture_output=True, timeout=900)
    else:
        subprocess.run([*pip, "--no-deps", str(wheel)], check=True, capture_output=True, timeout=300)
        site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                              check=True, capture_output=True, text=True).stdout.strip()
        # The test venv's packages after the fresh venv's own (its .pth files are not run, so the
        # editable install of the checkout stays out).
        Path(site, "_baocao_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return env_dir


def test_wheel_works_outside_the_checkout(tmp_path: Path) -> None:
    wheel = _build_wheel(tmp_path)
    env_dir = _fresh_venv(tmp_path, wheel)
    bin_dir = env_dir / "bin"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "BAOCAO_CONFIG", "VIRTUAL_ENV")}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    work = tmp_path / "work"
    work.mkdir()

    def run(*args: str, cwd: Path = work) -> str:
        p = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
        assert p.returncode == 0, f"{args}: {p.stdout}\n{p.stderr}"
        return p.stdout

    installed = run(str(bin_dir / "python"), "-c",
                    "import gateway, templates, importlib.resources as r; "
                    "print(gateway.__file__); print(r.files('templates'))").split()
    assert all(str(env_dir) in line and str(ROOT) not in line for line in installed), installed

    version = run("baocao", "--version").strip()
    assert version.startswith("baocao ") and version.split()[1][0].isdigit(), version
    assert run("python", "-m", "gateway", "--version").strip() == version

    run("baocao", "init", "x")
    x = work / "x"
    assert (x / "baocao.toml").exists() and (x / "units.csv").exists()
    out = run("baocao", "check", cwd=x)
    assert out.strip().endswith("OK"), out
    assert "imap: not used" in out and "smtp: not used" in out

    parsed = json.loads(run("baocao", "parse", str(CORPUS / "thunderbird_canonical_flowed.eml"), "--json", cwd=x))
    assert parsed["outcome"] in ("accepted", "rejected")

    out = run("baocao", "demo", "d", "--weeks", "1", "--now", "2025-05-23T17:15:00+07:00")
    assert "Site built" in out, out
    assert (work / "d" / "public" / "index.html").exists()
    assert (work / "d" / "public" / "static" / "style.css").exists()
    assert list((work / "d" / "mail" / "outbox").glob("*.eml"))
