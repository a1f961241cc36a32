"""`baocao backup`, `show`, `outbox`, `suppressed` and `status --json`: printing only."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from gateway.app import health, operations
from gateway.cli.common import _instance, _now_arg
from gateway.cli.textout import table


def cmd_backup(args: argparse.Namespace) -> int:
    inst = _instance(args)
    size = operations.backup(inst, Path(args.file))
    print(f"Backup: {args.file} ({size} bytes, integrity OK). Restore: see docs/operations.md")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    inst = _instance(args)
    info = operations.show(inst, args.id)
    if args.raw:
        sys.stdout.flush()
        sys.stdout.buffer.write(info["raw"])
        sys.stdout.buffer.flush()
        return 0
    info.pop("raw")
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2, default=str))
        return 0
    for k in ("id", "key", "message_id", "source", "source_ref", "size", "received_at", "stored_at",
              "processed_at", "sender", "subject", "outcome", "codes", "error", "attempts", "failures"):
        if k in info:
            print(f"{k}: {info[k] if not isinstance(info[k], list) else ', '.join(info[k]) or '-'}")
    rep = info["report"]
    if rep:
        print(f"report {rep['id']}: unit {rep['unit']}, {rep['kind']} {rep['period']}, {rep['timeliness']}")
        for t in info["tasks"]:
            print(f"  task {t['task']}: status={t['status']} progress={t['progress']}")
    for w in info["warnings"]:
        print(f"  warning {w.get('code')}: {w.get('message') or ''}")
    for r in info["replies"]:
        print(f"reply {r['purpose']} → {r['recipient'] or '?'}: {r['status']}"
              + (f" ({r['last_error']})" if r["last_error"] else ""))
    print(f"\nThe raw message: baocao show {info['id']} --raw")
    return 0


def cmd_outbox(args: argparse.Namespace) -> int:
    inst = _instance(args)
    rows = operations.outbox(inst, include_sent=args.all)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("The outbox is empty: everything was sent.")
        return 0
    out = [["id", "status", "purpose", "recipient", "attempts", "next attempt", "last error"]]
    for r in rows:
        out.append([str(r["id"]), r["status"], r["purpose"], r["recipient"] or "?", str(r["attempts"]),
                    (r["next_attempt_at"] or "-")[:19] if r["status"] == "queued" else "-",
                    (r["last_error"] or "")[:70]])
    print(table(out))
    return 0


def cmd_suppressed(args: argparse.Namespace) -> int:
    inst = _instance(args)
    if args.clear:
        if operations.clear_suppressed(inst, args.clear):
            print(f"{args.clear}: no longer suppressed; mail to it is sent again")
            return 0
        print(f"{args.clear}: was not suppressed", file=sys.stderr)
        return 1
    rows = operations.suppressed(inst)
    if not rows:
        print("No address is suppressed.")
        return 0
    print(table([["address", "since", "reason"]] + [[r["address"], r["since"][:16], r["reason"][:80]] for r in rows]))
    print("\nAfter the address works again: baocao suppressed --clear ADDRESS")
    return 0


def print_status_json(args: argparse.Namespace) -> int:
    inst = _instance(args)
    print(json.dumps(health.status(inst, inst.now(_now_arg(args.now))), ensure_ascii=False, indent=2))
    return 0


def register(sub: Any, with_config: Any) -> None:
    sp = with_config(sub.add_parser("backup", help="an online, consistent copy of the database"), now=False)
    sp.add_argument("file", help="the file to write (0600)")
    sp.set_defaults(func=cmd_backup)

    sp = with_config(sub.add_parser("show", help="one stored message: outcome, what was read, the raw bytes"),
                     now=False)
    sp.add_argument("id", type=int)
    sp.add_argument("--raw", action="store_true", help="print the raw message as stored")
    sp.add_argument("--json", action="store_true", help="everything as JSON")
    sp.set_defaults(func=cmd_show)

    sp = with_config(sub.add_parser("outbox", help="what waits to be sent, and what failed"), now=False)
    sp.add_argument("--all", action="store_true", help="include the sent messages")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_outbox)

    sp = with_config(sub.add_parser("suppressed", help="addresses suppressed after a permanent bounce"), now=False)
    sp.add_argument("--clear", metavar="ADDR", help="send to this address again")
    sp.set_defaults(func=cmd_suppressed)
