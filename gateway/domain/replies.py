"""Whether and how one inbound message is answered (SPEC §7). Nobody is answered for machine
mail, unknown senders (no backscatter) or forged mail; a "thank you" in answer to one of ours is
recorded, not argued with; an accepted report gets a receipt, anything else a rejection."""

from __future__ import annotations

from typing import Literal

from parsers.models import ParsedReport

NO_REPLY_CODES = {"auth_failed"}

Reply = Literal["receipt", "rejection"]


def reply_kind(report: ParsedReport, reply_to_unknown_senders: bool, own_domains: list[str] | None = None) -> Reply | None:
    """receipt, rejection, or None (no answer) — before the sender's own state (suppressed after a
    bounce, the hourly cap), which the caller checks. An unknown sender is answered only from one of
    the organisation's own domains and with mail that passed the authentication policy (a forged
    From would otherwise turn us into a backscatter source), or when the operator asks for it."""
    if not report.sender or report.outcome == "ignored" or set(report.codes) & NO_REPLY_CODES:
        return None
    if "unknown_sender" in report.codes and not reply_to_unknown_senders:
        domain = report.sender.rsplit("@", 1)[-1].lower()
        if report.authenticated is not True or domain not in {d.lower() for d in own_domains or []}:
            return None
    if report.codes == ["not_a_report"] and report.replies_to_us and not report.unread_attachments:
        return None  # "Cảm ơn" in answer to a receipt or reminder: recorded, not argued with
    return "receipt" if report.outcome == "accepted" else "rejection"
