"""Difficulties as records with a life (SPEC §8.1): raised from a report, routed to the agency
that must resolve it, answered by that agency, resolved or closed. Pure: updates, lists and texts
in, decisions out (gateway.app.difficulties stores them and sends the mail).

- **Raised**: an update naming a difficulty its unit has no open record of for that task. The
  same difficulty in the unit's next reports (the same words, or nearly: `same_difficulty`) is
  the same record, seen again — never a new one.
- **Routed**: the proposal's own words first ("Đề nghị Sở Tài chính…" → the agency whose name,
  alias or code it names; the raising unit is never its own resolver), then the agencies'
  keywords (most hits wins, ties by list order), then the Office.
- **Answered**: the agency replies to the routing mail: "Ý kiến xử lý: …" and a state —
  đang xử lý (`in_progress`), đã giải quyết (`answered`), cần UBND tỉnh cho ý kiến
  (`needs_decision`).
- **Resolved**: the unit's own "Khó khăn: Không" on that task (the store keeps it as an empty
  text) resolves every open record of the unit and task — `confirmed` when the agency had
  answered it solved, `unit` otherwise. A report that leaves the field blank, or a unit that
  stops mentioning it, closes nothing. The Office may close a record (`closed`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from difflib import SequenceMatcher

from parsers.models import AgencyInfo, TaskUpdate, UnitInfo
from parsers.text import fold, fold_key
from parsers.values import is_nil

# open: raised and routed, no answer yet; the agency's three answers; then the two ends.
STATES = ("open", "in_progress", "needs_decision", "answered", "resolved", "closed")
OPEN_STATES = ("open", "in_progress", "needs_decision", "answered")
SIMILAR = 0.85  # SequenceMatcher ratio of the folded texts above which two wordings are one difficulty


def ref(pk: int) -> str:
    """The code a person reads and writes back: KK-12."""
    return f"KK-{pk}"


def norm(text: str) -> str:
    return fold_key(text)


def same_difficulty(a: str, b: str) -> bool:
    ka, kb = norm(a), norm(b)
    if ka == kb:
        return True
    if not ka or not kb:
        return False
    return SequenceMatcher(None, ka, kb, autojunk=False).ratio() >= SIMILAR


# -- raising and resolving
@dataclass(frozen=True)
class OpenRecord:
    id: int
    text: str
    state: str


@dataclass(frozen=True)
class Action:
    """What one update does to the records of its unit and task."""

    kind: str  # raise | seen | resolve
    record: int | None = None  # the record seen or resolved
    text: str = ""
    proposals: str | None = None


def decide(update: TaskUpdate, open_records: Iterable[OpenRecord]) -> list[Action]:
    """The records an update raises, sees again or resolves (its unit's open ones for its task given)."""
    records = list(open_records)
    value = update.difficulties
    if value == "":  # the person wrote 'Khó khăn: Không'
        return [Action("resolve", r.id) for r in records]
    if value is None or is_nil(value) or getattr(update, "carried_forward", False):
        return []  # blank says nothing: the last known difficulty stands
    text = value.strip()
    proposals = None if update.proposals is None or is_nil(update.proposals) else update.proposals.strip()
    for r in records:
        if same_difficulty(r.text, text):
            return [Action("seen", r.id, text, proposals)]
    return [Action("raise", None, text, proposals)]


# -- routing
@dataclass(frozen=True)
class Route:
    agency: str  # an agency code (or the Office's)
    how: str  # proposal | keyword | office


def _names(agency: AgencyInfo, units: Mapping[str, UnitInfo]) -> list[str]:
    names = [agency.name, *agency.aliases]
    u = units.get(agency.code)
    if u is not None:
        names += [u.name, u.short_name, *u.aliases]
    return [k for k in dict.fromkeys(fold_key(n) for n in names if n) if len(k) >= 4]


def _first_named(text: str, agencies: list[AgencyInfo], units: Mapping[str, UnitInfo], skip: str) -> str | None:
    """The agency the text names first (by name, alias, or its code written as a word)."""
    if not text:
        return None
    key = " " + fold_key(text) + " "
    best: tuple[int, int, str] | None = None
    for i, a in enumerate(agencies):
        if a.code == skip:
            continue
        hits = [key.find(" " + n + " ") for n in _names(a, units)]
        m = re.search(r"(?<![\w])" + re.escape(a.code) + r"(?![\w])", text)  # a code as written: STC, CAT
        positions = [p for p in hits if p >= 0]
        if m and len(a.code) >= 2:
            positions.append(len(fold(text[:m.start()])))
        if positions:
            cand = (min(positions), i, a.code)
            best = cand if best is None or cand < best else best
    return best[2] if best else None


def route(text: str, proposals: str | None, agencies: list[AgencyInfo], by_code: Mapping[str, UnitInfo],
          office: str, raising_unit: str) -> Route:
    """The agency a difficulty goes to; `by_code`: the units by code (their names name agencies too)."""
    for words in (proposals or "", text):
        named = _first_named(words, agencies, by_code, raising_unit)
        if named:
            return Route(named, "proposal")
    key = " " + fold_key(f"{text} {proposals or ''}") + " "
    best: tuple[int, int, str] | None = None
    for i, a in enumerate(agencies):
        if a.code == raising_unit:
            continue
        hits = sum(1 for k in a.keywords if fold_key(k) and " " + fold_key(k) + " " in key)
        if hits and (best is None or (-hits, i) < best[:2]):
            best = (-hits, i, a.code)
    if best:
        return Route(best[2], "keyword")
    return Route(office, "office")


# -- the agency's answer
_ANSWER_STATES = (  # the most specific words first
    ("needs_decision", re.compile(r"\b(can|xin|de nghi|trinh) (ubnd|uy ban nhan dan|lanh dao ubnd|chu tich ubnd)( tinh)?"
                                  r"( cho)? y kien\b|\bcan y kien (chi dao|cua ubnd)|\bvuot tham quyen\b")),
    ("answered", re.compile(r"\b(da giai quyet|da xu ly xong|da xu ly|da thao go|hoan thanh xu ly)\b")),
    ("in_progress", re.compile(r"\b(dang xu ly|dang giai quyet|dang xem xet|dang thao go|dang phoi hop)\b")),
)
_LABEL = re.compile(r"^\s*(?:[-•*]\s*|\d+[.)]\s*)?([^:]{2,40}?)\s*:\s*(.*)$")
_REF = re.compile(r"\bKK[\s\-_#]*(\d{1,9})\b", re.IGNORECASE)
_LABELS = {
    "ref": ("ma kho khan", "ma so kho khan", "so kho khan", "kho khan so"),
    "state": ("tinh trang xu ly", "trang thai xu ly", "tinh trang", "trang thai", "ket qua xu ly"),
    "answer": ("y kien xu ly", "y kien", "noi dung xu ly", "tra loi", "y kien tra loi"),
}


def answer_state(text: str) -> str | None:
    """The state an agency's words give: needs_decision, answered, in_progress, or None."""
    f = fold_key(text)
    for state, rx in _ANSWER_STATES:
        if rx.search(f):
            return state
    return None


@dataclass
class Answer:
    ref: int | None = None
    state: str | None = None
    text: str = ""


def read_answer(lines: list[str], subject: str = "") -> Answer:
    """An agency's reply form: "Mã khó khăn: KK-12", "Tình trạng xử lý: Đã giải quyết",
    "Ý kiến xử lý: …" (the opinion may run over several lines until the next label). Without a
    state label, the state is read from the opinion's own words."""
    out = Answer()
    current: str | None = None
    opinion: list[str] = []
    state_text = ""
    for line in lines:
        m = _LABEL.match(line)
        label = fold_key(m.group(1)) if m else ""
        field = next((f for f, names in _LABELS.items() if label in names), None) if m else None
        if field and m:
            current = field
            value = m.group(2).strip()
            if field == "ref":
                r = _REF.search(value) or re.search(r"(\d{1,9})", value)
                out.ref = int(r.group(1)) if r else out.ref
            elif field == "state":
                state_text = value
            elif value:
                opinion.append(value)
            continue
        if current == "answer":
            if not line.strip() and opinion and opinion[-1] == "":
                current = None
                continue
            opinion.append(line.strip())
    out.text = "\n".join(opinion).strip()
    out.state = answer_state(state_text) if state_text else None
    if out.state is None and out.text:
        out.state = answer_state(out.text)
    if out.ref is None:
        for text in (subject, *lines):
            r = _REF.search(text or "")
            if r:
                out.ref = int(r.group(1))
                break
    return out


# -- age
def age_days(raised_at: datetime, now: datetime) -> int:
    return max(0, (now.date() - raised_at.astimezone(now.tzinfo).date()).days)


def ageing(state: str, raised_at: datetime, now: datetime, days: int) -> bool:
    """Unanswered for more than `days` days."""
    return state == "open" and age_days(raised_at, now) > days
