"""How one message is read: the pure parser, then deadline and timeliness from the calendar, then
the Vietnamese texts of the warnings. `baocao parse` and the pipeline share this path."""

from __future__ import annotations

from datetime import datetime, timedelta

from gateway.app.instance import theme_of
from gateway.config import Config
from gateway.domain.calendar import WorkCalendar
from parsers import Directory, ParseContext, ParsedReport, Warning, parse_message
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


def _check_period_distance(report: ParsedReport) -> None:
    assert report.deadline is not None and report.received_at is not None
    gap = report.deadline - report.received_at
    if gap > FUTURE_LIMIT or -gap > PAST_LIMIT:
        report.warnings.append(Warning(code="period_unusual", params={"period": report.period or ""}))


def fill_messages(report: ParsedReport, theme: Theme) -> ParsedReport:
    """The Vietnamese text of each warning, from the theme's catalogue."""
    for w in report.warnings:
        if not w.message:
            w.message = theme.warning(w.code, w.task, w.params)
    return report


def read_message(cfg: Config, directory: Directory, cal: WorkCalendar, raw: bytes,
                 received_at: datetime | None, theme: Theme | None = None) -> ParsedReport:
    report = parse_message(raw, context(cfg, directory, received_at))
    if report.received_at is not None:
        report.received_at = report.received_at.astimezone(cfg.tz)
    if report.outcome == "accepted" and report.kind and report.period:
        try:
            report.deadline = cal.deadline(report.kind, report.period)
            if report.received_at is not None:
                report.timeliness = "on_time" if report.received_at <= report.deadline else "late"
                _check_period_distance(report)
        except ValueError:
            report.deadline = None
    return fill_messages(report, theme or theme_of(cfg))
