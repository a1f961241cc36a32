"""How one message is read: the pure parser, then deadline and timeliness from the calendar, then
the Vietnamese texts of the warnings. `baocao parse` and the pipeline share this path."""

from __future__ import annotations

from datetime import datetime, timedelta

from gateway.app.instance import theme_of
from gateway.config import Config
from gateway.domain.calendar import WorkCalendar
from parsers import Directory, ParseContext, ParsedReport, Warning, parse_message
from parsers.models import ReportPart
from site_builder.theme import Theme


def context(cfg: Config, directory: Directory, received_at: datetime | None) -> ParseContext:
    return ParseContext(
        directory=directory,
        own_addresses=[cfg.mail.address],
        loop_token=cfg.mail.loop_token,
        received_at=received_at,
        max_bytes=cfg.mail.max_message_bytes,
        max_header_bytes=cfg.mail.max_header_bytes,
        auth_policy=cfg.mail.auth_policy,
        trusted_authserv_ids=cfg.mail.trusted_authserv_ids,
    )


# A period this far from the arrival is most likely a typo ('20/05/2052', last year's month).
FUTURE_LIMIT = timedelta(days=31)
PAST_LIMIT = timedelta(days=92)


def _check_period_distance(report: ParsedReport | ReportPart, received_at: datetime) -> None:
    assert report.deadline is not None
    gap = report.deadline - received_at
    if gap > FUTURE_LIMIT or -gap > PAST_LIMIT:
        report.warnings.append(Warning(code="period_unusual", params={"period": report.period or ""}))


def fill_messages(report: ParsedReport, theme: Theme) -> ParsedReport:
    """The Vietnamese text of each warning (of every report in the message), from the theme's catalogue."""
    parts: list[ParsedReport | ReportPart] = [report, *report.reports]
    for part in parts:
        for w in part.warnings:
            if not w.message:
                w.message = theme.warning(w.code, w.task, w.params)
    return report


def read_message(cfg: Config, directory: Directory, cal: WorkCalendar, raw: bytes,
                 received_at: datetime | None, theme: Theme | None = None) -> ParsedReport:
    report = parse_message(raw, context(cfg, directory, received_at))
    if report.received_at is not None:
        report.received_at = report.received_at.astimezone(cfg.tz)
    if report.outcome == "accepted":
        targets: list[ParsedReport | ReportPart] = list(report.reports) or [report]
        for part in targets:
            _timeliness(part, report.received_at, cal)
        if report.reports:
            first = report.reports[0]
            report.deadline, report.timeliness = first.deadline, first.timeliness
    return fill_messages(report, theme or theme_of(cfg))


def _timeliness(part: ParsedReport | ReportPart, received_at: datetime | None, cal: WorkCalendar) -> None:
    """The deadline of one report's period, and whether the message arrived before it."""
    if not (part.kind and part.period):
        return
    try:
        part.deadline = cal.deadline(part.kind, part.period)
    except ValueError:
        part.deadline = None
        return
    if received_at is not None:
        part.timeliness = "on_time" if received_at <= part.deadline else "late"
        _check_period_distance(part, received_at)
