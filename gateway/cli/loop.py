"""`baocao difficulty list|close` and `baocao obligation list|mark`: the Office's side of the
working group's loop (SPEC §8.1). The work is gateway.app.difficulties / obligations."""

from __future__ import annotations

import argparse
from typing import Any

from gateway.app import difficulties, obligations
from gateway.app.service import send_outbox
from gateway.cli.common import _instance, _now_arg
from gateway.errors import UserError


def _ref(text: str) -> int:
    digits = text.upper().removeprefix("KK").strip("-# ")
    if not digits.isdigit():
        raise UserError(f"{text!r}: expected a difficulty id such as 12 or KK-12")
    return int(digits)


def cmd_difficulty(args: argparse.Namespace) -> int:
    inst = _instance(args)
    try:
        now = inst.now(_now_arg(args.now))
        labels = inst.theme.messages["difficulty_states"]
        if args.action == "list":
            rows = difficulties.listing(inst, everything=args.all)
            if not rows:
                print("No open difficulty." if not args.all else "No difficulty recorded.")
            for r in rows:
                if args.state and r["state"] != args.state:
                    continue
                age = (now.date() - r["raised_at"].astimezone(now.tzinfo).date()).days
                print(f"{r['ref']:>7}  {r['unit']:<10} {r['task']:<8} {r['agency']:<8} {r['state']:<14} "
                      f"{age:>3} d  {' '.join(r['text'].split())[:70]}")
                if r["answer"]:
                    print(f"{'':>9}answer: {' '.join(r['answer'].split())[:100]}")
            return 0
        if not args.id:
            raise UserError("difficulty close needs an ID (see `baocao difficulty list`)")
        row = difficulties.close(inst, _ref(args.id), args.note or "", now)
        print(f"{row['id'] and 'KK-' + str(row['id'])}: {labels.get(row['state'], row['state'])}"
              + (f" – {args.note}" if args.note else ""))
        res = send_outbox(inst, now)
        print(f"sent {res.sent} (retry later {res.retried}, failed {res.failed})")
    finally:
        inst.close()
    return 0


def cmd_obligation(args: argparse.Namespace) -> int:
    inst = _instance(args)
    try:
        now = inst.now(_now_arg(args.now))
        if args.action == "mark":
            if not args.code or not args.unit:
                raise UserError("obligation mark needs CODE and UNIT")
            when = _now_arg(args.at) if args.at else now
            assert when is not None
            if when.tzinfo is None:
                when = when.replace(tzinfo=inst.cfg.tz)
            obligations.mark(inst, args.code, args.unit, when, args.note or "")
            print(f"{args.code}: {args.unit} marked as received at {when:%H:%M %d/%m/%Y}")
            return 0
        for o, cells in obligations.table(inst, now):
            print(f"{o.code}: {o.title} (deadline {o.deadline or '–'})")
            for c in cells:
                at = f" {c.received_at:%H:%M %d/%m/%Y} ({c.source})" if c.received_at else ""
                print(f"    {c.unit:<12} {c.status}{at}")
    finally:
        inst.close()
    return 0


def register(sub: Any, with_config: Any) -> None:
    sp = with_config(sub.add_parser("difficulty", help="the difficulties' records: list them, close one (the Office)"))
    sp.add_argument("action", choices=["list", "close"])
    sp.add_argument("id", nargs="?", help="the difficulty to close: 12 or KK-12")
    sp.add_argument("--note", help="why the Office closes it (told to the unit, shown on the site)")
    sp.add_argument("--all", action="store_true", help="list resolved and closed ones too")
    sp.add_argument("--state", help="list only this state (open, in_progress, needs_decision, answered, …)")
    sp.set_defaults(func=cmd_difficulty)
    sp = with_config(sub.add_parser("obligation", help="one-off obligations: who has done them; mark one received"))
    sp.add_argument("action", choices=["list", "mark"])
    sp.add_argument("code", nargs="?", help="the obligation's code (obligations.csv)")
    sp.add_argument("unit", nargs="?", help="the unit's code")
    sp.add_argument("--at", help="when it was received (ISO date-time; default: now)")
    sp.add_argument("--note", help="e.g. the document's number")
    sp.set_defaults(func=cmd_obligation)
