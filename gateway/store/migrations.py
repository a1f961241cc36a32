"""The schema, as numbered migrations: a database at version N gets every later one, each in one
transaction with the new version number (Store.migrate)."""

from __future__ import annotations

SCHEMA_VERSION = 7

_MIGRATIONS: dict[int, list[str]] = {
    1: [
        """CREATE TABLE IF NOT EXISTS messages (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            message_id TEXT,
            source TEXT NOT NULL,
            source_ref TEXT,
            raw BLOB NOT NULL,
            size INTEGER NOT NULL,
            sender TEXT,
            subject TEXT,
            received_at TEXT NOT NULL,
            stored_at TEXT NOT NULL,
            outcome TEXT NOT NULL DEFAULT 'received',
            codes TEXT NOT NULL DEFAULT '[]',
            warnings TEXT NOT NULL DEFAULT '[]',
            error TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            report_id INTEGER,
            processed_at TEXT
        )""",
        "CREATE INDEX IF NOT EXISTS messages_outcome ON messages(outcome)",
        """CREATE TABLE IF NOT EXISTS source_uids (
            mailbox TEXT NOT NULL,
            uidvalidity INTEGER NOT NULL,
            uid INTEGER NOT NULL,
            message_key TEXT NOT NULL,
            done INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (mailbox, uidvalidity, uid)
        )""",
        """CREATE TABLE IF NOT EXISTS reports (
            id INTEGER PRIMARY KEY,
            message_pk INTEGER NOT NULL REFERENCES messages(id),
            unit TEXT NOT NULL,
            kind TEXT NOT NULL,
            period TEXT NOT NULL,
            received_at TEXT NOT NULL,
            deadline TEXT,
            timeliness TEXT,
            summary TEXT,
            sender TEXT,
            subject TEXT
        )""",
        "CREATE INDEX IF NOT EXISTS reports_period ON reports(unit, kind, period, received_at)",
        """CREATE TABLE IF NOT EXISTS task_updates (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id),
            unit TEXT NOT NULL,
            task TEXT NOT NULL,
            kind TEXT NOT NULL,
            period TEXT NOT NULL,
            received_at TEXT NOT NULL,
            status TEXT,
            progress INTEGER,
            result TEXT,
            difficulties TEXT,
            proposals TEXT,
            notes TEXT
        )""",
        "CREATE INDEX IF NOT EXISTS task_updates_task ON task_updates(task, received_at)",
        """CREATE TABLE IF NOT EXISTS outbox (
            id INTEGER PRIMARY KEY,
            message_id TEXT NOT NULL UNIQUE,
            dedupe_key TEXT UNIQUE,
            purpose TEXT NOT NULL,
            recipient TEXT NOT NULL,
            subject TEXT NOT NULL,
            raw BLOB NOT NULL,
            created_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'queued',
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT,
            last_error TEXT,
            sent_at TEXT,
            inbound_pk INTEGER
        )""",
        "CREATE INDEX IF NOT EXISTS outbox_status ON outbox(status, next_attempt_at)",
        """CREATE TABLE IF NOT EXISTS suppressed (
            address TEXT PRIMARY KEY,
            reason TEXT NOT NULL,
            since TEXT NOT NULL
        )""",
        """CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)""",
    ],
    # The reply cap and the hourly send cap look up one recipient's recent mail on every message.
    2: [
        "CREATE INDEX IF NOT EXISTS outbox_recipient_created ON outbox(recipient, created_at)",
        "CREATE INDEX IF NOT EXISTS outbox_recipient_sent ON outbox(recipient, status, sent_at)",
    ],
    # Failures outside the parser (database, disk): after a few, the message is parked.
    3: ["ALTER TABLE messages ADD COLUMN failures INTEGER NOT NULL DEFAULT 0"],
    # The reply cap counts one sender's receipts and rejections: answered from the index alone.
    4: ["CREATE INDEX IF NOT EXISTS outbox_replies ON outbox(recipient, purpose, created_at)"],
    # 'Như báo cáo hôm qua' (SPEC §5.1): an update that keeps the last values, shown as such.
    5: ["ALTER TABLE task_updates ADD COLUMN carried_forward INTEGER NOT NULL DEFAULT 0",
        # A unit's own last state (an unchanged form is recognised on every report).
        "CREATE INDEX IF NOT EXISTS task_updates_unit ON task_updates(unit, received_at)"],
    # The working group's loop (SPEC §8.1): difficulties as records with a life (raised, routed,
    # answered, resolved or closed) and their events; the lists' history (every row last seen,
    # removed ones archived; deadline changes with the days overdue before them); obligations.
    6: [
        """CREATE TABLE IF NOT EXISTS difficulties (
            id INTEGER PRIMARY KEY,
            unit TEXT NOT NULL,
            task TEXT NOT NULL,
            text TEXT NOT NULL,
            proposals TEXT,
            raised_at TEXT NOT NULL,
            raised_update INTEGER,
            raised_report INTEGER,
            last_seen_at TEXT NOT NULL,
            last_update INTEGER,
            agency TEXT NOT NULL,
            routed_by TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'open',
            answer TEXT,
            answer_state TEXT,
            answered_at TEXT,
            answered_by TEXT,
            resolved_at TEXT,
            resolution TEXT,
            note TEXT
        )""",
        "CREATE INDEX IF NOT EXISTS difficulties_unit_task ON difficulties(unit, task, state)",
        """CREATE TABLE IF NOT EXISTS difficulty_events (
            id INTEGER PRIMARY KEY,
            difficulty INTEGER NOT NULL REFERENCES difficulties(id),
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            actor TEXT,
            text TEXT,
            message_pk INTEGER
        )""",
        "CREATE INDEX IF NOT EXISTS difficulty_events_of ON difficulty_events(difficulty, at)",
        """CREATE TABLE IF NOT EXISTS list_rows (
            list TEXT NOT NULL,
            code TEXT NOT NULL,
            row TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            removed_at TEXT,
            retired_at TEXT,
            PRIMARY KEY (list, code)
        )""",
        """CREATE TABLE IF NOT EXISTS deadline_changes (
            id INTEGER PRIMARY KEY,
            task TEXT NOT NULL,
            old_deadline TEXT,
            new_deadline TEXT,
            decision TEXT,
            changed_at TEXT NOT NULL,
            overdue_days INTEGER NOT NULL DEFAULT 0
        )""",
        """CREATE TABLE IF NOT EXISTS obligation_records (
            id INTEGER PRIMARY KEY,
            obligation TEXT NOT NULL,
            unit TEXT NOT NULL,
            received_at TEXT NOT NULL,
            source TEXT NOT NULL,
            message_pk INTEGER,
            attachments TEXT NOT NULL DEFAULT '[]',
            note TEXT,
            UNIQUE (obligation, unit, message_pk)
        )""",
    ],
    # A unit's newest update of each task (every report checks for an unchanged form): one index
    # step per task. With (unit, received_at) alone the lookup read the unit's history once per
    # row of it: 2 ms a message for a unit with 2,000 updates, and growing every day.
    7: ["CREATE INDEX IF NOT EXISTS task_updates_unit_task ON task_updates(unit, task, received_at, id)"],
}
