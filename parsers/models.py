"""Typed boundaries of the parser: what it needs to know, and what it returns — and the value
types the gateway and the site builder share (task updates, compliance cells and rates)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

Outcome = Literal["accepted", "rejected", "ignored"]
Kind = Literal["daily", "weekly", "monthly"]
Status = Literal["not_started", "in_progress", "completed", "paused"]
KINDS: tuple[Kind, ...] = ("daily", "weekly", "monthly")


class UnitInfo(BaseModel):
    """One row of the units list (SPEC §4)."""

    code: str
    name: str
    short_name: str = ""
    aliases: list[str] = Field(default_factory=list)
    focal_point: str = ""
    emails: list[str] = Field(default_factory=list)
    head: str = ""
    reports: list[Kind] = Field(default_factory=lambda: list(KINDS))
    # Optional columns (SPEC §4): the head's address (overdue escalation), the unit that took this
    # one over (a merger), the units this unit's focal point may report for.
    head_email: list[str] = Field(default_factory=list)
    successor: str = ""
    reports_for: list[str] = Field(default_factory=list)


class TaskInfo(BaseModel):
    """One row of the tasks list (the Decision's annex, SPEC §4)."""

    code: str
    title: str
    group: str = ""
    lead_unit: str = ""
    coordinating_units: list[str] = Field(default_factory=list)
    responsible: str = ""
    deadline: str | None = None  # ISO date
    expected_result: str = ""
    responsibility: str = ""
    deadline_decision: str = ""  # the decision that set or moved the deadline (optional column)


class AgencyInfo(BaseModel):
    """One row of the agencies list (SPEC §4, §8.1): who resolves difficulties."""

    code: str
    name: str
    emails: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)  # other names the proposals use


class ObligationInfo(BaseModel):
    """One row of the obligations list (SPEC §8.1): a one-off duty with a deadline per unit."""

    code: str
    title: str
    deadline: str | None = None  # ISO date
    units: list[str] = Field(default_factory=list)  # empty: every unit


class Directory(BaseModel):
    """Who may report and on what: the operator's lists."""

    units: list[UnitInfo] = Field(default_factory=list)
    tasks: list[TaskInfo] = Field(default_factory=list)
    agencies: list[AgencyInfo] = Field(default_factory=list)
    obligations: list[ObligationInfo] = Field(default_factory=list)

    def may_report_for(self, units: list[UnitInfo]) -> set[str]:
        """The unit codes these (the sender's) units may report for: themselves and their reports_for."""
        return {c for u in units for c in (u.code, *u.reports_for)}


class ParseContext(BaseModel):
    """Everything the parser may know besides the message bytes."""

    directory: Directory = Field(default_factory=Directory)
    own_addresses: list[str] = Field(default_factory=list)
    loop_token: str = "baocao"
    received_at: datetime | None = None
    max_bytes: int = 25 * 1024 * 1024
    # A header section this large is a broken or hostile message: not parsed at all (too_large).
    max_header_bytes: int = 256 * 1024
    # Authentication-Results policy: "none" | "any_pass" | "dmarc"
    auth_policy: str = "none"
    trusted_authserv_ids: list[str] = Field(default_factory=list)


class Warning(BaseModel):
    code: str
    message: str = ""  # filled from the message catalogue in templates/ by the gateway
    task: str | None = None
    params: dict[str, str] = Field(default_factory=dict)


class TaskEntry(BaseModel):
    code: str
    status: Status | None = None
    progress: int | None = None
    result: str | None = None
    difficulties: str | None = None
    proposals: str | None = None
    notes: str | None = None
    title: str | None = None
    # 'Như báo cáo hôm qua': the writer keeps the last values; nothing new is read for the task.
    carried_forward: bool = False
    # 'Khó khăn: Không' written by the person (an open difficulty of the task may be closed),
    # unlike a field left blank, which says nothing.
    no_difficulties: bool = False


class ReportPart(BaseModel):
    """One report of a message (SPEC §10 `reports`): a message may hold several units' sections
    (a shared commune mailbox) or several kinds (month-end Friday)."""

    unit: str | None = None
    kind: Kind | None = None
    period: str | None = None
    deadline: datetime | None = None
    timeliness: Literal["on_time", "late"] | None = None
    summary: str | None = None
    tasks: list[TaskEntry] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)
    # Lines with content that went into no field (told back in the receipt).
    unread: list[str] = Field(default_factory=list)


class ParsedReport(BaseModel):
    """The `parse --json` contract (SPEC §10). Fields may be added, never renamed or dropped."""

    outcome: Outcome
    codes: list[str] = Field(default_factory=list)
    sender: str | None = None
    unit: str | None = None
    kind: Kind | None = None
    period: str | None = None
    received_at: datetime | None = None
    deadline: datetime | None = None
    timeliness: Literal["on_time", "late"] | None = None
    summary: str | None = None
    tasks: list[TaskEntry] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)
    # Additions beyond the contract.
    subject: str | None = None
    message_id: str | None = None
    sender_units: list[str] = Field(default_factory=list)
    bounced_addresses: list[str] = Field(default_factory=list)
    # Attachments that are not a task table (a .docx or .pdf report): named in a rejection.
    unread_attachments: list[str] = Field(default_factory=list)
    # The message answers one of ours (References/In-Reply-To carry our Message-ID domain).
    replies_to_us: bool = False
    # The receiving server's Authentication-Results under the configured policy (None: no policy).
    authenticated: bool | None = None
    error: str | None = None
    # Every report the message holds, the first included (the top-level fields describe it).
    reports: list[ReportPart] = Field(default_factory=list)
    # Lines with content that went into no field of the first report.
    unread: list[str] = Field(default_factory=list)


# -- Records and compliance values shared by the gateway and the site builder -------------------


@dataclass(slots=True)
class TaskUpdate:
    """One stored task update (a row of task_updates), in the order of the store's columns."""

    report_id: int
    unit: str
    task: str
    kind: str
    period: str
    received_at: datetime
    status: str | None
    progress: int | None
    result: str | None
    difficulties: str | None
    proposals: str | None
    notes: str | None
    id: int = 0
    carried_forward: bool = False  # 'như báo cáo hôm qua': the values are the last known ones


@dataclass
class Cell:
    """One unit's compliance for one period: on_time | late | missing | pending."""

    unit: str
    kind: str
    period: str
    deadline: datetime
    status: str
    received_at: datetime | None = None
    reports: int = 0


@dataclass
class Rates:
    """Reporting rate = received / expected; on-time rate = on time / expected (DHIS2), where
    expected counts the periods whose deadline has passed."""

    expected: int = 0
    received: int = 0
    on_time: int = 0
    late: int = 0
    missing: int = 0

    @property
    def reporting_rate(self) -> float | None:
        return self.received / self.expected if self.expected else None

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.expected if self.expected else None

    def merge(self, other: Rates) -> Rates:
        """Count `other`'s periods in too (a unit's kinds, its months, a kept fold); returns self."""
        self.expected += other.expected
        self.received += other.received
        self.on_time += other.on_time
        self.late += other.late
        self.missing += other.missing
        return self

    def add(self, cell: Cell) -> None:
        if cell.status == "pending":
            return
        self.expected += 1
        if cell.status in ("on_time", "late"):
            self.received += 1
        if cell.status == "on_time":
            self.on_time += 1
        elif cell.status == "late":
            self.late += 1
        else:
            self.missing += 1
