"""`baocao export`: the workbook of the whole history, built on demand (the site carries the
current month's and each closed month's, never the whole history per batch: issue 13)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from gateway.app import snapshot
from gateway.app.instance import Instance
from site_builder import exports

DEFAULT_NAME = "bao-cao-tong-hop-toan-bo.xlsx"


@dataclass
class Exported:
    path: Path
    bytes: int
    reports: int
    updates: int
    seconds: float


def write_workbook(inst: Instance, now: datetime, output: Path | None = None) -> Exported:
    t0 = time.perf_counter()
    snap = snapshot.take(inst.cfg, inst.store, inst.directory, now)
    ts = exports.tables(snap, inst.theme.messages)
    data = exports.to_xlsx(ts, inst.theme.messages)
    path = output or Path(DEFAULT_NAME)
    if path.is_dir():
        path = path / DEFAULT_NAME
    path.write_bytes(data)
    return Exported(path, len(data), len(ts[2].rows), len(ts[3].rows), time.perf_counter() - t0)
