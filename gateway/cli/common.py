"""What every command shares: the --now argument and opening the instance named by --config."""

from __future__ import annotations

import argparse
from datetime import datetime

from gateway.app.instance import Instance
from gateway.config import load
from gateway.errors import UserError


def _now_arg(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value)
    except ValueError as exc:
        raise UserError(f"--now / --received-at: {value!r} is not an ISO date-time (e.g. 2025-05-20T16:00:00+07:00)") from exc
    return dt


def _instance(args: argparse.Namespace) -> Instance:
    return Instance(load(args.config))
