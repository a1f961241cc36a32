"""`baocao check` on the operator's templates: every override is compiled, then rendered the way
the gateway renders it (a receipt and a rejection through the real pipeline, the whole site)
on a scratch copy of the instance, so that a broken template fails the check and never a report.

A problem is one line naming the file (and the line, when Jinja knows it)."""

from __future__ import annotations

import logging
import tempfile
import traceback
from datetime import datetime, timedelta
from email.header import Header
from email.utils import format_datetime
from pathlib import Path
from types import TracebackType

import jinja2

from gateway.app.instance import Instance
from gateway.app.pipeline import run_batch
from gateway.app.service import rebuild_site
from gateway.domain.reminders import unit_tasks
from gateway.mail.sources.maildir import MaildirSource, deliver

log = logging.getLogger(__name__)


def override_files(inst: Instance) -> list[Path]:
    folder = inst.theme.override
    if folder is None or not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*.j2") if p.is_file())


def _where(tb: TracebackType | None, folder: Path) -> str | None:
    """The override template (file:line) a traceback passed through, innermost first."""
    frames = traceback.extract_tb(tb) if tb else []
    for fr in reversed(frames):
        try:
            if Path(fr.filename).resolve().is_relative_to(folder.resolve()):
                return f"{fr.filename}:{fr.lineno}"
        except (OSError, ValueError):
            continue
    return None


def compile_problems(inst: Instance) -> list[str]:
    folder = inst.theme.override
    out: list[str] = []
    if folder is None:
        return out
    if not folder.is_dir():
        return [f"templates folder {folder}: not found"]
    for path in override_files(inst):
        name = path.relative_to(folder).as_posix()
        env = inst.theme.environment(html=name.startswith("site/"))
        try:
            env.get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            out.append(f"{path}:{exc.lineno}: {exc.message}")
        except Exception as exc:  # noqa: BLE001 - any template that cannot load is the operator's to fix
            out.append(f"{path}: {type(exc).__name__}: {exc}")
    return out


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _sample_mail(inst: Instance, now: datetime) -> list[bytes]:
    """A report that is accepted and a message that is rejected, from the first unit that can report."""
    d = inst.directory
    unit = next((u for u in d.units if u.emails), None)
    if unit is None:
        return []
    tasks = unit_tasks(d, unit.code)
    task = tasks[0].code if tasks else "NV01"
    sender = unit.emails[0]
    report = (f"Đơn vị: {unit.code}\nLoại báo cáo: Ngày\nKỳ báo cáo: {now:%d/%m/%Y}\n\n"
              f"Nhiệm vụ: {task}\nTình trạng: Đang thực hiện\nTiến độ: 50%\nKết quả: Kiểm tra mẫu.\n")
    out = []
    for n, (subject, body) in enumerate((("Báo cáo ngày", report), ("Xin chào", "Xin chào."))):
        head = (f"From: {sender}\r\nTo: {inst.cfg.mail.address}\r\nSubject: {Header(subject, 'utf-8').encode()}\r\n"
                f"Date: {format_datetime(now)}\r\nMessage-ID: <check{n}@baocao-check.invalid>\r\n"
                "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
        out.append(head.encode() + body.replace("\n", "\r\n").encode("utf-8"))
    return out


def render_problems(inst: Instance, now: datetime) -> list[str]:
    """Render the override templates through the real code on a scratch copy of the instance."""
    folder = inst.theme.override
    if folder is None or not override_files(inst):
        return []
    out: list[str] = []
    with tempfile.TemporaryDirectory(prefix="baocao-check-") as tmp:
        base = Path(tmp)
        cfg = inst.cfg.model_copy(deep=True)
        cfg.database = str(base / "check.db")
        cfg.mail.source, cfg.mail.sink = "maildir", "directory"
        cfg.mail.maildir, cfg.mail.outbox_dir = str(base / "inbox"), str(base / "outbox")
        cfg.mail.auth_policy = "none"
        cfg.site.output = str(base / "public")
        cfg.site.base_url = cfg.site.base_url or "https://example.invalid/"
        cfg.lists.units = str(inst.cfg.resolve(inst.cfg.lists.units))
        cfg.lists.tasks = str(inst.cfg.resolve(inst.cfg.lists.tasks))
        cfg.templates = str(folder)
        scratch = Instance(cfg)
        scratch.__dict__["directory"] = inst.directory
        capture = _Capture()
        pipeline_log = logging.getLogger("gateway.app.pipeline")
        pipeline_log.addHandler(capture)
        propagate, pipeline_log.propagate = pipeline_log.propagate, False  # told once, below
        try:
            inbox = cfg.resolve(cfg.mail.maildir)
            for n, raw in enumerate(_sample_mail(inst, now)):
                deliver(inbox, raw, f"check{n}", now - timedelta(minutes=5))
            run_batch(scratch, MaildirSource(inbox, cfg.tz), now)
            for rec in capture.records:
                exc = rec.exc_info[1] if rec.exc_info else None
                where = _where(rec.exc_info[2] if rec.exc_info else None, folder) or "a mail template"
                out.append(f"{where}: {type(exc).__name__ if exc else 'error'}: {exc or rec.getMessage()}")
            try:
                rebuild_site(scratch, now)
            except Exception as exc:  # noqa: BLE001 - the site's templates: report the file
                out.append(f"{_where(exc.__traceback__, folder) or 'a site template'}: {type(exc).__name__}: {exc}")
        finally:
            pipeline_log.removeHandler(capture)
            pipeline_log.propagate = propagate
            scratch.close()
    return out


__all__ = ["compile_problems", "override_files", "render_problems"]
