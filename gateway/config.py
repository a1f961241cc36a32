"""`baocao.toml`: the instance configuration, validated with pydantic.

Paths are relative to the config file. Secrets never live in the file: it names the environment
variables that hold them.
"""

from __future__ import annotations

import os
import tomllib
from datetime import date, time
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from gateway.errors import UserError

CONFIG_NAME = "baocao.toml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Organisation(_Strict):
    name: str = "Ủy ban nhân dân tỉnh"
    timezone: str = "Asia/Ho_Chi_Minh"

    @field_validator("timezone")
    @classmethod
    def _tz(cls, v: str) -> str:
        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {v!r}") from exc
        return v


class Lists(_Strict):
    units: str = "units.csv"
    tasks: str = "tasks.csv"
    agencies: str = ""  # optional: code,name,emails,keywords — who resolves difficulties
    obligations: str = ""  # optional: code,title,deadline,units — one-off duties


class Difficulties(_Strict):
    """The working group's loop (SPEC §8.1): where a difficulty goes when nothing names an agency."""

    office: str = "VPUB"  # the agency (or unit) code of the Office: the last resort of routing
    ageing_days: int = Field(7, ge=1)  # unanswered longer than this: 'ageing' in the digest


class Escalation(_Strict):
    """The overdue ladder (SPEC §7): the lead unit's focal point on the first overdue day, its
    head after `head_after_days`, the working group after `group_after_days`; each step repeated
    every `repeat_days` while the task stays overdue."""

    head_after_days: int = Field(5, ge=1)
    group_after_days: int = Field(10, ge=1)
    repeat_days: int = Field(7, ge=1)


class Deadlines(_Strict):
    daily: time = time(16, 30)
    weekly: time = time(16, 30)
    weekly_weekday: int = Field(4, ge=0, le=6, description="0 = Monday … 4 = Friday")
    monthly: time = time(16, 30)
    shift: Literal["next_working_day", "as_is", "previous_working_day"] = "next_working_day"
    reminders: list[time] = Field(default_factory=lambda: [time(14, 30), time(16, 0)])
    holidays: list[str] = Field(default_factory=list, description="extra days off, YYYY-MM-DD")
    working_days: list[str] = Field(default_factory=list, description="make-up working days")
    no_holidays: list[str] = Field(default_factory=list, description="package holidays to drop")


class Mail(_Strict):
    address: str = "baocao@example.gov.vn"
    display_name: str = "Kênh báo cáo điện tử"
    source: Literal["maildir", "imap"] = "maildir"
    maildir: str = "mail/inbox"
    outbox_dir: str = "mail/outbox"
    sink: Literal["directory", "smtp"] = "directory"
    max_message_bytes: int = 25 * 1024 * 1024
    max_header_bytes: int = 256 * 1024  # real headers are a few KB; more is a broken or hostile message
    batch_size: int = 200
    replies_per_sender_per_hour: int = 10
    sends_per_recipient_per_hour: int = Field(20, ge=1)  # the outbox's loop-safety cap, per address
    reply_to_unknown_senders: bool = False
    # The organisation's own mail domains: an unknown sender from one of them whose mail passed the
    # authentication policy is told it is not registered and whom to ask (no backscatter otherwise).
    own_domains: list[str] = Field(default_factory=list)
    auth_policy: Literal["none", "any_pass", "dmarc"] = "none"
    trusted_authserv_ids: list[str] = Field(default_factory=list)
    loop_token: str = "baocao"


class Imap(_Strict):
    host: str = "localhost"
    port: int = 993
    security: Literal["tls", "starttls", "none"] = "tls"
    username: str = ""
    password_env: str = "BAOCAO_IMAP_PASSWORD"
    folder: str = "INBOX"
    processed_folder: str = "Processed"
    failed_folder: str = "Failed"
    idle_seconds: int = Field(300, ge=10, le=1500)
    poll_seconds: int = Field(60, ge=5)
    timeout_seconds: int = 60


class Smtp(_Strict):
    host: str = "localhost"
    port: int = 587
    security: Literal["starttls", "tls", "none"] = "starttls"
    username: str = ""
    password_env: str = "BAOCAO_SMTP_PASSWORD"
    timeout_seconds: int = 30


class Site(_Strict):
    title: str = "Kênh báo cáo điện tử"
    output: str = "public"
    base_url: str = ""
    keep_builds: int = Field(3, ge=1)
    show_emails: bool = False
    help_contact: str = ""  # whom a focal point asks (the guide shows it), e.g. "Chị Lan, 0256 3822 xxx"
    search: bool = True  # the Pagefind full-text index (skipped when the pagefind binary is absent)
    # An incremental build re-indexes the search at most this often (Pagefind indexes every page:
    # seconds at a province-year); the pages themselves follow every batch. Full builds always do.
    search_interval: float = Field(60.0, ge=0)
    # Under `baocao run` the slow downloads follow at most this often (and at every full build):
    # the whole-history CSV and JSON (du-lieu/bao-cao.csv, …: tens of megabytes at a province-year)
    # and the formal reports of the running week and month (each says when its numbers are from).
    # The pages and the month's files follow every batch.
    downloads_interval: float = Field(300.0, ge=0)


class Exemption(_Strict):
    """A unit excused from reporting (SPEC §8.2): counted as neither missing nor late."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    unit: str
    kind: Literal["", "daily", "weekly", "monthly"] = ""  # "" = every kind
    period: str = ""  # "2025-05-20", "2025-W21", "2025-05"
    start: date | None = Field(None, alias="from")
    end: date | None = Field(None, alias="to")
    reason: str = ""


class Scores(_Strict):
    """The scorecard (SPEC §8.2): score = 100 × weighted mean of the rates − overdue penalty."""

    reporting: float = Field(0.3, ge=0)  # weight of the reporting rate
    on_time: float = Field(0.3, ge=0)  # weight of the on-time rate
    on_schedule: float = Field(0.4, ge=0)  # weight of the share of led tasks on schedule
    overdue_day: float = Field(0.5, ge=0)  # points off per overdue task-day
    overdue_cap: float = Field(20, ge=0)  # at most this many points off
    exemptions: list[Exemption] = Field(default_factory=list)


class Digest(_Strict):
    recipients: list[str] = Field(default_factory=list)


class Config(_Strict):
    organisation: Organisation = Field(default_factory=Organisation)
    lists: Lists = Field(default_factory=Lists)
    deadlines: Deadlines = Field(default_factory=Deadlines)
    mail: Mail = Field(default_factory=Mail)
    imap: Imap = Field(default_factory=Imap)
    smtp: Smtp = Field(default_factory=Smtp)
    site: Site = Field(default_factory=Site)
    digest: Digest = Field(default_factory=Digest)
    scores: Scores = Field(default_factory=Scores)
    difficulties: Difficulties = Field(default_factory=Difficulties)
    escalation: Escalation = Field(default_factory=Escalation)
    database: str = "baocao.db"
    templates: str = ""  # optional folder whose templates override the bundled ones

    # Set by load(); not part of the file.
    base_dir: Path = Field(default=Path("."), exclude=True)
    path: Path | None = Field(default=None, exclude=True)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.organisation.timezone)

    def resolve(self, rel: str) -> Path:
        p = Path(rel).expanduser()
        return p if p.is_absolute() else (self.base_dir / p)

    @property
    def db_path(self) -> Path:
        return self.resolve(self.database)

    @property
    def site_output(self) -> Path:
        return self.resolve(self.site.output)

    def secret(self, env_name: str) -> str:
        return os.environ.get(env_name, "")


def _where(loc: tuple[object, ...]) -> str:
    return ".".join(str(x) for x in loc)


def load(path: str | Path | None = None) -> Config:
    """Load and validate the config; every problem becomes one UserError line."""
    p = Path(path) if path else Path(os.environ.get("BAOCAO_CONFIG", CONFIG_NAME))
    if p.is_dir():
        p = p / CONFIG_NAME
    if not p.exists():
        raise UserError(f"{p}: config file not found (create one with `baocao init DIR`, or pass --config)")
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{p}: cannot read: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"{p}: not valid TOML: {exc}") from exc
    try:
        cfg = Config.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        more = f" (and {len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
        raise UserError(f"{p}: key '{_where(err['loc'])}': {err['msg']}{more}") from exc
    cfg.base_dir = p.resolve().parent
    cfg.path = p.resolve()
    return cfg
