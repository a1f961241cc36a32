"""Open the parts of one instance from its config: store, lists, calendar, mail source and sink."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from gateway.app.lists import load_directory
from gateway.config import Config
from gateway.domain.calendar import WorkCalendar
from gateway.mail.sinks import Sink
from gateway.mail.sinks.directory import DirectorySink
from gateway.mail.sources import Source
from gateway.mail.sources.maildir import MaildirSource
from gateway.store import Store
from parsers import Directory
from site_builder.theme import Theme


def theme_of(cfg: Config) -> Theme:
    """The instance's templates and messages: the folder named by `templates` in baocao.toml (relative
    to the config file) in front of the bundled ones."""
    return Theme(cfg.resolve(cfg.templates) if cfg.templates else None)


@dataclass
class Instance:
    cfg: Config

    @cached_property
    def store(self) -> Store:
        return Store(self.cfg.db_path)

    @cached_property
    def directory(self) -> Directory:
        return load_directory(self.cfg)

    @cached_property
    def calendar(self) -> WorkCalendar:
        return WorkCalendar(self.cfg.deadlines, self.cfg.tz)

    @cached_property
    def theme(self) -> Theme:
        return theme_of(self.cfg)

    def source(self) -> Source:
        if self.cfg.mail.source == "imap":
            from gateway.mail.sources.imap import ImapSource

            return ImapSource(self.cfg, self.store)
        return MaildirSource(self.cfg.resolve(self.cfg.mail.maildir), self.cfg.tz,
                             max_bytes=self.cfg.mail.max_message_bytes,
                             max_header_bytes=self.cfg.mail.max_header_bytes)

    def sink(self) -> Sink:
        if self.cfg.mail.sink == "smtp":
            from gateway.mail.sinks.smtp import SmtpSink

            return SmtpSink(self.cfg)
        return DirectorySink(self.cfg.resolve(self.cfg.mail.outbox_dir))

    def now(self, override: datetime | None = None) -> datetime:
        return (override or datetime.now(self.cfg.tz)).astimezone(self.cfg.tz)

    def close(self) -> None:
        if "store" in self.__dict__:
            self.store.close()
