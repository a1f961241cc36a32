"""Pure readers: message bytes in, a typed result out. No database, no network, no clock."""

from parsers.models import (
    Directory,
    ParseContext,
    ParsedReport,
    TaskEntry,
    TaskInfo,
    UnitInfo,
    Warning,
)
from parsers.read import parse_message

__all__ = [
    "Directory",
    "ParseContext",
    "ParsedReport",
    "TaskEntry",
    "TaskInfo",
    "UnitInfo",
    "Warning",
    "parse_message",
]
