"""`baocao remind` (the reminders of a slot now, and the early warnings due today) and `baocao digest`
(the digest of the latest deadline now)."""

from __future__ import annotations

import argparse
from datetime import datetime, time
from typing import Any

from gateway.app import notify
from gateway.app.instance import Instance
from gateway.app.service import send_outbox
from gateway.cli.common import _instance, _now_arg
from gateway.domain import digest
from gateway.errors import UserError


def _print(done: list[tuple[notify.Planned, bool]], dry_run: bool, body: bool) -> None:
    for p, new in done:
        state = ("would send" if new else "already sent") if dry_run else ("queued" if new else "already sent")
        print(f"{state}: {p.purpose} → {p.recipient}{f' [{p.unit}]' if p.unit else ''}: {p.subject}")
        if body and new:
            print("\n".join("    " + line for line in p.body.splitlines()) + "\n")


def _send_now(inst: Instance, now: datetime, dry_run: bool) -> None:
    """After `remind` or `digest` queued their mail: send the outbox at once (not on --dry-run)."""
    if not dry_run:
        res = send_outbox(inst, now)
        print(f"sent {res.sent} (retry later {res.retried}, failed {res.failed}, held {res.deferred})")


def cmd_remind(args: argparse.Namespace) -> int:
    inst = _instance(args)
    try:
        now = inst.now(_now_arg(args.now))
        try:
            slot = time.fromisoformat(args.slot) if args.slot else time(now.hour, now.minute)
        except ValueError as exc:
            raise UserError(f"--slot {args.slot!r}: expected HH:MM") from exc
        done = notify.send_reminders(inst, now.date(), slot, now, dry_run=args.dry_run)
        if not done:
            print(f"No reminder for {now:%d/%m/%Y} {slot:%H:%M}: nothing due still open, or every unit has reported.")
        _print(done, args.dry_run, args.show_body)
        if not args.no_warnings:
            _print(notify.send_warnings(inst, now, dry_run=args.dry_run),
                   args.dry_run, args.show_body)
        _send_now(inst, now, args.dry_run)
    finally:
        inst.close()
    return 0


def register_remind(sub: Any, with_config: Any) -> None:
    sp = with_config(sub.add_parser("remind", help="send reminders to units that have not reported (now)"))
    sp.add_argument("--dry-run", action="store_true", help="print what would be sent; queue nothing")
    sp.add_argument("--slot", help="the reminder slot HH:MM recorded in the ledger (default: now)")
    sp.add_argument("--show-body", action="store_true", help="print each message's text too")
    sp.add_argument("--no-warnings", action="store_true", help="skip early warnings on task deadlines")
    sp.set_defaults(func=cmd_remind)


def cmd_digest(args: argparse.Namespace) -> int:
    inst = _instance(args)
    try:
        now = inst.now(_now_arg(args.now))
        if args.deadline:
            deadline_at = _now_arg(args.deadline)
            assert deadline_at is not None
            if deadline_at.tzinfo is None:
                deadline_at = deadline_at.replace(tzinfo=inst.cfg.tz)
        else:
            deadline_at = digest.latest_instant(inst.calendar, now)
            if deadline_at is None:
                raise UserError("no deadline in the last 40 days")
        if not inst.cfg.digest.recipients:
            raise UserError("no digest recipients: set [digest] recipients in baocao.toml")
        done = notify.send_digest(inst, deadline_at, now, dry_run=args.dry_run)
        if not done:
            print(f"No period has its deadline at {deadline_at:%H:%M %d/%m/%Y}.")
        _print(done, args.dry_run, args.show_body)
        _send_now(inst, now, args.dry_run)
    finally:
        inst.close()
    return 0


def register_digest(sub: Any, with_config: Any) -> None:
    sp = with_config(sub.add_parser("digest", help="send the digest of the latest deadline to the working group"))
    sp.add_argument("--dry-run", action="store_true", help="print what would be sent; queue nothing")
    sp.add_argument("--deadline", help="the deadline (ISO date-time) to summarise; default: the latest passed")
    sp.add_argument("--show-body", action="store_true", help="print the message text too")
    sp.set_defaults(func=cmd_digest)
