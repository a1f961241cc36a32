"""`baocao digest`: send the digest of the latest deadline now."""

from __future__ import annotations

import argparse
from typing import Any

from gateway import digest
from gateway.cmd_remind import _print, _send_now
from gateway.errors import UserError


def cmd_digest(args: argparse.Namespace) -> int:
    from gateway.cli import _instance, _now_arg

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
        done = digest.send_digest(inst.cfg, inst.store, inst.directory, inst.calendar, deadline_at, now,
                                  dry_run=args.dry_run)
        if not done:
            print(f"No period has its deadline at {deadline_at:%H:%M %d/%m/%Y}.")
        _print(done, args.dry_run, args.show_body)
        _send_now(inst, now, args.dry_run)
    finally:
        inst.close()
    return 0


def register(sub: Any, with_config: Any) -> None:
    sp = with_config(sub.add_parser("digest", help="send the digest of the latest deadline to the working group"))
    sp.add_argument("--dry-run", action="store_true", help="print what would be sent; queue nothing")
    sp.add_argument("--deadline", help="the deadline (ISO date-time) to summarise; default: the latest passed")
    sp.add_argument("--show-body", action="store_true", help="print the message text too")
    sp.set_defaults(func=cmd_digest)
