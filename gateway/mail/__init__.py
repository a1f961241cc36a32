"""Mail in and out: sources (Maildir, IMAP), sinks (directory, SMTP), the outbox and message
composition."""
