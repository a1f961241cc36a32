"""Score one parse result against what the writer meant (tests/freewrite/README.md).

Three grades: `right` (everything the writer meant, nothing else), `flagged` (not right, but every
wrong or missing value is either absent or carries a warning the sender sees), `silent` (a value
recorded that the writer did not mean, with no warning on that task: the failure SPEC §5.1 forbids).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

TEXT_FIELDS = ("result", "difficulties", "proposals", "notes")


@dataclass
class Grade:
    silent: list[str] = field(default_factory=list)  # silently wrong values
    misses: list[str] = field(default_factory=list)  # not read right, but flagged or left out

    @property
    def right(self) -> bool:
        return not self.silent and not self.misses

    @property
    def label(self) -> str:
        return "silent" if self.silent else ("flagged" if self.misses else "right")


def reports_of(actual: dict[str, Any]) -> list[dict[str, Any]]:
    if actual.get("reports"):
        return list(actual["reports"])
    if actual.get("outcome") != "accepted":
        return []
    return [{k: actual.get(k) for k in ("unit", "kind", "period", "tasks", "warnings")}]


def _warned(report: dict[str, Any], code: str) -> bool:
    return any(w.get("task") == code for w in report.get("warnings") or [])


def _recorded(task: dict[str, Any]) -> bool:
    return task.get("status") is not None or task.get("progress") is not None


def grade(actual: dict[str, Any], exp: dict[str, Any]) -> Grade:
    g = Grade()
    outcome = actual.get("outcome")
    if outcome != exp["outcome"]:
        g.misses.append(f"outcome {outcome} (codes {actual.get('codes')}), expected {exp['outcome']}")
    if exp["outcome"] != "accepted":
        want = set(exp.get("codes") or [])
        if want and not want <= set(actual.get("codes") or []):
            g.misses.append(f"codes {actual.get('codes')}, expected {sorted(want)}")
        if outcome == "accepted":
            for rep in reports_of(actual):
                for t in rep.get("tasks") or []:
                    if _recorded(t):
                        g.silent.append(f"{rep.get('unit')}/{t['code']} recorded from a message that is not a report")
        return g
    expected_reports = exp.get("reports") or []
    got = reports_of(actual)
    absent = set(exp.get("absent_tasks") or [])
    matched: set[int] = set()
    for rep in got:
        key = (rep.get("unit"), rep.get("kind"))
        cands = [i for i, e in enumerate(expected_reports) if (e["unit"], e["kind"]) == key and i not in matched]
        if not cands:
            for t in rep.get("tasks") or []:
                if _recorded(t) and not _warned(rep, t["code"]):
                    g.silent.append(f"{t['code']} recorded in an unexpected report {key}")
            g.misses.append(f"unexpected report {key} {rep.get('period')}")
            continue
        i = cands[0]
        matched.add(i)
        e = expected_reports[i]
        if rep.get("period") != e["period"]:
            g.misses.append(f"period {rep.get('period')} for {key}, expected {e['period']}")
            period_warned = any(w.get("code") in ("period_inferred", "period_unusual") for w in rep.get("warnings") or [])
            if not period_warned and any(_recorded(t) for t in rep.get("tasks") or []):
                g.silent.append(f"{key} recorded for period {rep.get('period')}, meant {e['period']}")
        _grade_tasks(g, rep, e, absent)
    for i, e in enumerate(expected_reports):
        if i not in matched:
            g.misses.append(f"report {e['unit']}/{e['kind']}/{e['period']} not found")
    return g


def _grade_tasks(g: Grade, rep: dict[str, Any], e: dict[str, Any], absent: set[str]) -> None:
    want: dict[str, dict[str, Any]] = e.get("tasks") or {}
    uncertain = {(u["task"], u["field"]) for u in e.get("uncertain") or []}
    got = {t["code"]: t for t in rep.get("tasks") or []}
    unit = e["unit"]
    for code, t in got.items():
        if code not in want and not any(c == code for c, _ in uncertain):
            if _recorded(t) and not _warned(rep, code):
                g.silent.append(f"{unit}/{code} recorded (status {t.get('status')}, progress {t.get('progress')}), not meant")
            elif code in absent or _recorded(t):
                g.misses.append(f"{unit}/{code} present, not meant")
    for code, w in want.items():
        t = got.get(code)
        if t is None:
            g.misses.append(f"{unit}/{code} not read")
            continue
        for f in ("status", "progress"):
            if f not in w:
                continue
            a, b = t.get(f), w[f]
            same = a == b if f == "status" or a is None or b is None else abs(float(a) - float(b)) <= 0.5
            if same:
                continue
            if a is not None and not _warned(rep, code):
                g.silent.append(f"{unit}/{code}.{f} = {a!r}, meant {b!r}")
            else:
                g.misses.append(f"{unit}/{code}.{f} = {a!r}, meant {b!r}")
        for f in TEXT_FIELDS:
            s = w.get(f"{f}_contains")
            for sub in [s] if isinstance(s, str) else (s or []):
                if sub.casefold() not in (t.get(f) or "").casefold():
                    g.misses.append(f"{unit}/{code}.{f}: {sub!r} not in {t.get(f)!r}")
    for code, f in uncertain:
        t = got.get(code)
        if t is not None and t.get(f) is not None:
            if _warned(rep, code):
                g.misses.append(f"{unit}/{code}.{f} = {t.get(f)!r} recorded (warned), meant uncertain")
            else:
                g.silent.append(f"{unit}/{code}.{f} = {t.get(f)!r} recorded, the words are uncertain")
        elif not _warned(rep, code):
            g.misses.append(f"{unit}/{code}.{f}: uncertain, but no warning names the task")
