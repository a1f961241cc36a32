"""`baocao run`: the service in one process (the loop itself is gateway.app.runner)."""

from __future__ import annotations

import argparse
import logging
import signal
from typing import Any

from gateway.app.runner import Runner, make_clock
from gateway.cli.common import _instance, _now_arg


def cmd_run(args: argparse.Namespace) -> int:
    inst = _instance(args)
    now = _now_arg(args.now)
    if now is not None and now.tzinfo is None:
        now = now.replace(tzinfo=inst.cfg.tz)
    until = _now_arg(args.until)
    if until is not None and until.tzinfo is None:
        until = until.replace(tzinfo=inst.cfg.tz)
    if not args.verbose_off:
        logging.getLogger().setLevel(logging.INFO)
    interval = args.interval or (inst.cfg.imap.poll_seconds if inst.cfg.mail.source == "imap" else 10.0)
    # On the real clock the site is built beside the mail, in a process of its own (receipts never
    # wait for it); a stepped or sped-up clock (tests, the demo) keeps one step = mail, clock,
    # site, in order.
    real = args.speed is None and not args.step
    runner = Runner(inst, make_clock(inst, now, args.speed, args.step), interval=interval,
                    build_site=not args.no_site, background_builds=real, site_process=real)
    old = {s: signal.signal(s, runner.interrupt) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        runner.run(until=until)
    finally:
        for s, h in old.items():
            signal.signal(s, h)
        inst.close()
    return 0


def register(sub: Any, with_config: Any) -> None:
    sp = with_config(sub.add_parser("run", help="the service: mail, deadline clock, reminders, digests, site"))
    sp.add_argument("--interval", type=float, help="seconds between mailbox polls (default: 10 for a "
                    "Maildir, imap.poll_seconds for IMAP without IDLE)")
    sp.add_argument("--speed", type=float, help="with --now: simulated seconds per real second")
    sp.add_argument("--step", action="store_true", help="with --now: jump from event to event (no real waiting)")
    sp.add_argument("--until", help="stop when the (simulated) clock reaches this ISO date-time")
    sp.add_argument("--no-site", action="store_true", help="do not rebuild the site")
    sp.add_argument("--quiet", dest="verbose_off", action="store_true", help="log warnings only")
    sp.set_defaults(func=cmd_run)

