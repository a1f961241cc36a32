"""`baocao`: a thin command line over the gateway library (SPEC §10)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from gateway.app.checks import run_checks
from gateway.app.demo import run_demo
from gateway.app.lists import load_directory
from gateway.app.reading import read_message
from gateway.app.reprocess import reprocess
from gateway.app.scaffold import init_instance
from gateway.app.service import poll, rebuild_site, refresh
from gateway.cli import loop, notify, ops, report, run
from gateway.cli.common import _instance, _now_arg
from gateway.cli.textout import describe, failed_table, status_table
from gateway.config import CONFIG_NAME, Config, load
from gateway.domain.calendar import WorkCalendar
from gateway.errors import UserError
from parsers import Directory


def cmd_init(args: argparse.Namespace) -> int:
    path = init_instance(Path(args.dir), force=args.force)
    print(f"Created instance folder: {path}")
    print(f"  {path / 'baocao.toml'}\n  {path / 'units.csv'}\n  {path / 'tasks.csv'}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    return run_demo(Path(args.dir) if args.dir else None, now=_now_arg(args.now), weeks=args.weeks)


def cmd_parse(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError(f"{path}: cannot read: {exc.strerror}") from exc
    if args.config:
        cfg = load(args.config)
        directory = load_directory(cfg)
    else:
        if Path(CONFIG_NAME).exists():
            cfg = load(CONFIG_NAME)
            directory = load_directory(cfg)
        else:
            cfg, directory = Config(), Directory()
    received = _now_arg(args.received_at)
    if received is not None and received.tzinfo is None:
        received = received.replace(tzinfo=cfg.tz)
    report = read_message(cfg, directory, WorkCalendar(cfg.deadlines, cfg.tz), raw, received)
    if args.json:
        print(report.model_dump_json(indent=2))
    else:
        print(describe(report))
    return 0


def cmd_poll(args: argparse.Namespace) -> int:
    inst = _instance(args)
    now = inst.now(_now_arg(args.now))
    res = poll(inst, now, limit=args.limit, build=not args.no_site)
    b = res.batch
    outcomes = ", ".join(f"{k}: {v}" for k, v in sorted(b.outcomes.items())) or "—"
    print(f"{b.fetched} fetched, {b.processed} processed ({outcomes}), {b.duplicates} already done; "
          f"sent {res.flush.sent} (retry later {res.flush.retried}, failed {res.flush.failed})")
    if res.site:
        print(f"Site: {inst.cfg.site_output / 'index.html'} "
              f"({res.site.publish.written} files changed, {res.site.publish.unchanged} unchanged)")
    return 0


def cmd_build_site(args: argparse.Namespace) -> int:
    inst = _instance(args)
    now = inst.now(_now_arg(args.now))
    refresh(inst, now)
    res = rebuild_site(inst, now, full=args.full)
    print(f"Site: {inst.cfg.site_output / 'index.html'} ({res.files} files, {'all' if res.full else 'only changed pages'} rendered; "
          f"{res.publish.written} changed, {res.publish.unchanged} unchanged)")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    if args.json:
        return ops.print_status_json(args)
    inst = _instance(args)
    print(status_table(inst, inst.now(_now_arg(args.now))))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    inst = _instance(args)
    return run_checks(inst, offline=args.offline)


def cmd_failed(args: argparse.Namespace) -> int:
    inst = _instance(args)
    print(failed_table(inst, include_ignored=args.all))
    return 0


def cmd_reprocess(args: argparse.Namespace) -> int:
    inst = _instance(args)
    for msg_id in args.ids:
        print(reprocess(inst, msg_id, inst.now(_now_arg(args.now))))
    return 0


def _version() -> str:
    try:
        return version("baocao")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="baocao", description="Kênh báo cáo điện tử – email reporting gateway")
    p.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    p.add_argument("--version", action="version", version=f"baocao {_version()}")
    sub = p.add_subparsers(dest="command", required=True)

    def with_config(sp: argparse.ArgumentParser, now: bool = True) -> argparse.ArgumentParser:
        sp.add_argument("--config", "-c", help="path to baocao.toml (default: ./baocao.toml or $BAOCAO_CONFIG)")
        if now:
            sp.add_argument("--now", help="run against a simulated clock (ISO date-time)")
        return sp

    sp = sub.add_parser("init", help="create an instance folder with an example config and lists")
    sp.add_argument("dir", nargs="?", default=".")
    sp.add_argument("--force", action="store_true", help="overwrite existing files")
    sp.set_defaults(func=cmd_init)

    sp = sub.add_parser("demo", help="a complete demo province processed by the real pipeline")
    sp.add_argument("dir", nargs="?")
    sp.add_argument("--now", help="the demo's 'now' (ISO date-time); default: the current time")
    sp.add_argument("--weeks", type=int, default=5, help="weeks of report mail (default 5)")
    sp.set_defaults(func=cmd_demo)

    sp = sub.add_parser("parse", help="how one message would be read (nothing is stored)")
    sp.add_argument("file")
    sp.add_argument("--json", action="store_true", help="print the stable JSON contract")
    sp.add_argument("--config", "-c")
    sp.add_argument("--received-at", help="arrival time (ISO); default: newest Received: header, else Date:")
    sp.set_defaults(func=cmd_parse)

    sp = with_config(sub.add_parser("poll", help="one batch: fetch, process, send, rebuild the site"))
    sp.add_argument("--limit", type=int, help="at most this many messages")
    sp.add_argument("--no-site", action="store_true", help="do not rebuild the site")
    sp.set_defaults(func=cmd_poll)

    sp = with_config(sub.add_parser("build-site", help="rebuild the static site from the database"))
    sp.add_argument("--full", action="store_true",
                    help="render every page (by default only the pages that records since the last build touch)")
    sp.set_defaults(func=cmd_build_site)

    sp = with_config(sub.add_parser("status", help="today's compliance in the terminal"))
    sp.add_argument("--json", action="store_true", help="health as JSON: last poll, last IMAP and SMTP "
                    "success, outbox backlog, site age")
    sp.set_defaults(func=cmd_status)

    sp = with_config(sub.add_parser("check", help="validate config and lists (5 rõ), reach the mail servers"), now=False)
    sp.add_argument("--offline", action="store_true", help="do not contact the IMAP/SMTP servers")
    sp.set_defaults(func=cmd_check)

    sp = with_config(sub.add_parser("failed", help="list rejected and failed messages with reasons"), now=False)
    sp.add_argument("--all", action="store_true", help="include ignored (machine) mail")
    sp.set_defaults(func=cmd_failed)

    sp = with_config(sub.add_parser("reprocess", help="re-read stored messages (after fixing a list)"))
    sp.add_argument("ids", nargs="+", type=int)
    sp.set_defaults(func=cmd_reprocess)

    run.register(sub, with_config)
    notify.register_remind(sub, with_config)
    notify.register_digest(sub, with_config)
    report.register(sub, with_config)
    ops.register(sub, with_config)
    loop.register(sub, with_config)
    for sp in sub.choices.values():  # -v anywhere: after the command as well as before it
        sp.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                        help="log details to stderr")
    return p


class _JournalFormatter(logging.Formatter):
    """Under systemd (stderr is the journal): the syslog priority as a `<N>` prefix, no timestamp
    (journald adds its own)."""

    PRIORITIES = {logging.DEBUG: 7, logging.INFO: 6, logging.WARNING: 4, logging.ERROR: 3, logging.CRITICAL: 2}

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record).replace("\n", "\n    ")
        return f"<{self.PRIORITIES.get(record.levelno, 6)}>{text}"


def _logging(verbose: bool) -> None:
    level = logging.INFO if verbose else logging.WARNING
    if os.environ.get("JOURNAL_STREAM"):
        handler = logging.StreamHandler()
        handler.setFormatter(_JournalFormatter("%(name)s: %(message)s"))
        logging.basicConfig(level=level, handlers=[handler])
    else:
        logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _logging(args.verbose)
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return code
    except BrokenPipeError:  # `baocao status | head -1`: the reader has what it wanted
        _quiet_stdout()
        return 0
    except UserError as exc:
        print(f"baocao: {exc}", file=sys.stderr)
        return 2
    except ConnectionError as exc:  # a mail server unreachable: one line, non-zero, try again later
        print(f"baocao: {exc}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        return 130


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
