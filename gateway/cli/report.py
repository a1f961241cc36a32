"""`baocao report`: the formal aggregate report (.docx) of a week, a month or a date range."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gateway.app.export import write_workbook
from gateway.app.report import parse_span, write_report
from gateway.cli.common import _instance, _now_arg


def cmd_report(args: argparse.Namespace) -> int:
    span = parse_span(args.week, args.month, args.start, args.end)
    inst = _instance(args)
    written = write_report(inst, span, inst.now(_now_arg(args.now)), Path(args.output) if args.output else None)
    print(f"{written.path} ({span.label}; {written.bytes:,} bytes in {written.seconds:.2f} s)")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    inst = _instance(args)
    done = write_workbook(inst, inst.now(_now_arg(args.now)), Path(args.output) if args.output else None)
    print(f"{done.path} ({done.reports:,} reports, {done.updates:,} task updates; {done.bytes:,} bytes "
          f"in {done.seconds:.2f} s)")
    return 0


def register(sub: Any, with_config: Callable[..., argparse.ArgumentParser]) -> None:
    sp = with_config(sub.add_parser(
        "export", help="the workbook (.xlsx) of the whole history: units, tasks, every report and task update, "
                       "difficulty records"))
    sp.add_argument("--output", "-o", help="file or folder to write (default: bao-cao-tong-hop-toan-bo.xlsx here)")
    sp.set_defaults(func=cmd_export)

    sp = with_config(sub.add_parser(
        "report", help="the formal aggregate report (.docx, Decree 30 layout) of a week, a month or a date range"))
    which = sp.add_mutually_exclusive_group(required=True)
    which.add_argument("--week", help="ISO week, e.g. 2026-W47")
    which.add_argument("--month", help="month, e.g. 2026-11")
    which.add_argument("--from", dest="start", help="first day (YYYY-MM-DD), with --to")
    sp.add_argument("--to", dest="end", help="last day (YYYY-MM-DD), with --from")
    sp.add_argument("--output", "-o", help="file or folder to write (default: bao-cao-tong-hop-PERIOD.docx here)")
    sp.set_defaults(func=cmd_report)
