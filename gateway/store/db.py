"""SQLite through sqlite-utils (WAL): raw inbound mail, reports, task updates, the outbox.

The file is created 0640 (raw mail and addresses are not world-readable; SQLite gives its -wal and
-shm files the same mode). Migrations run under the write lock (BEGIN IMMEDIATE before the schema
version is read: three first polls at once migrate once), refuse a database newer than the code,
and copy the file before changing an existing schema.

The UNIQUE constraints carry the no-duplicates rules (never check-then-insert): `messages.key`
(normalised Message-ID or a hash of the raw bytes), `source_uids` (mailbox, UIDVALIDITY, UID),
`outbox.message_id` and `outbox.dedupe_key` (one reminder per unit per slot).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import sqlite_utils

from gateway.errors import UserError
from gateway.store.migrations import _MIGRATIONS
from parsers.models import TaskUpdate

TASK_UPDATE_COLUMNS = ("report_id", "unit", "task", "kind", "period", "received_at", "status", "progress",
                       "result", "difficulties", "proposals", "notes", "id", "carried_forward")


# Faults of the machine, not of a message (database locked, disk full): the whole message is
# rolled back and tried again next batch.
TRANSIENT_ERRORS: tuple[type[Exception], ...] = (sqlite3.OperationalError, OSError)

DB_MODE = 0o640
PRIVATE_MODE = 0o600


class DatabaseTooNew(UserError):
    """The database was written by a newer baocao: refusing beats guessing at an unknown schema."""


def create_private(path: Path, mode: int = PRIVATE_MODE) -> None:
    """Create `path` (empty) with `mode` unless it exists: never world-readable, whatever the umask."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    except FileExistsError:
        return
    os.close(fd)


class Store:
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        create_private(self.path, DB_MODE)
        conn = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
        self.db = sqlite_utils.Database(conn)
        self._wal()
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.migrate()

    def _wal(self) -> None:
        """WAL mode. Switching a new file to WAL needs a moment alone with it, and SQLite answers
        `database is locked` at once (no busy wait) when another process opens it at that moment."""
        deadline = time.monotonic() + 30
        while True:
            try:
                self.db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    # -- schema
    def schema_version(self) -> int:
        try:
            row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        except sqlite3.OperationalError:
            return 0
        return int(row[0]) if row else 0

    def migrate(self) -> None:
        """Bring the schema to the newest version. The version is read again under the write lock
        (BEGIN IMMEDIATE): of several processes opening a new database at once, one migrates and
        the others find it done."""
        latest = max(_MIGRATIONS)
        if self.schema_version() == latest:  # the common case: no write lock taken
            return
        with self.transaction():
            current = self.schema_version()
            if current > latest:
                raise DatabaseTooNew(
                    f"{self.path}: database schema version {current} is newer than this baocao knows "
                    f"({latest}): install the newer baocao again, or restore the copy kept before the "
                    f"upgrade ({self.path.name}.v{latest}.bak)")
            if current == latest:
                return
            if current > 0:
                self._copy_before_migrating(current)
            for version in sorted(v for v in _MIGRATIONS if v > current):
                for sql in _MIGRATIONS[version]:
                    self.db.execute(sql)
            self.db.execute(
                "INSERT INTO meta(key, value) VALUES('schema_version', ?) "
                "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                [str(latest)],
            )

    def backup_path(self, version: int) -> Path:
        return self.path.with_name(f"{self.path.name}.v{version}.bak")

    def _copy_before_migrating(self, version: int) -> None:
        """A consistent copy of the database as it is (we hold the write lock: nobody changes it)."""
        dest = self.backup_path(version)
        source = sqlite3.connect(str(self.path), timeout=30)  # a reader: WAL lets it read under our lock
        try:
            _backup_into(source, dest)
        finally:
            source.close()

    def backup(self, dest: Path | str) -> int:
        """An online, consistent copy (SQLite's backup API) written 0600 and checked; its size."""
        return _backup_into(self.db.conn, Path(dest))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")

    @contextmanager
    def savepoint(self, name: str = "part") -> Iterator[None]:
        """A part of the current transaction that can fail alone (rolled back to its start)."""
        self.db.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self.db.execute(f"ROLLBACK TO {name}")
            self.db.execute(f"RELEASE {name}")
            raise
        else:
            self.db.execute(f"RELEASE {name}")

    def close(self) -> None:
        self.db.conn.close()

    # -- meta (also the health stamps: last poll, last IMAP and SMTP success, site build)
    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
            [key, value],
        )

    # -- inbound
    def store_raw(self, *, key: str, message_id: str | None, source: str, source_ref: str, raw: bytes,
                  received_at: datetime, now: datetime) -> tuple[int, bool]:
        """(row id, newly stored). The UNIQUE key makes a second delivery a no-op."""
        cur = self.db.execute(
            "INSERT INTO messages(key, message_id, source, source_ref, raw, size, received_at, stored_at) "
            "VALUES(?,?,?,?,?,?,?,?) ON CONFLICT(key) DO NOTHING",
            [key, message_id, source, source_ref, raw, len(raw), received_at.isoformat(), now.isoformat()],
        )
        if cur.rowcount == 1 and cur.lastrowid is not None:
            return cur.lastrowid, True
        row = self.db.execute("SELECT id FROM messages WHERE key=?", [key]).fetchone()
        return int(row[0]), False

    def message(self, pk: int) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM messages WHERE id=?", [pk]))
        return rows[0] if rows else None

    def note_failure(self, key: str, error: str) -> int:
        """Count a processing failure of a stored, not yet processed message; returns the count."""
        self.db.execute("UPDATE messages SET failures=failures+1, error=? WHERE key=? AND outcome='received'",
                        [error[:500], key])
        row = self.db.execute("SELECT failures FROM messages WHERE key=?", [key]).fetchone()
        return int(row[0]) if row else 0

    def park_failed(self, key: str, now: datetime) -> None:
        self.db.execute("UPDATE messages SET outcome='failed', codes='[\"internal_error\"]', processed_at=? "
                        "WHERE key=? AND outcome='received'", [now.isoformat(), key])

    def received_at(self, pk: int) -> datetime:
        row = self.db.execute("SELECT received_at FROM messages WHERE id=?", [pk]).fetchone()
        return datetime.fromisoformat(row[0])

    def attempts(self, pk: int) -> int:
        row = self.db.execute("SELECT attempts FROM messages WHERE id=?", [pk]).fetchone()
        return int(row[0]) if row else 0

    def message_outcome(self, pk: int) -> str:
        row = self.db.execute("SELECT outcome FROM messages WHERE id=?", [pk]).fetchone()
        return row[0] if row else "received"

    def set_outcome(self, pk: int, *, outcome: str, codes: list[str], warnings: list[dict[str, Any]],
                    sender: str | None, subject: str | None, error: str | None, report_id: int | None,
                    now: datetime) -> None:
        self.db.execute(
            "UPDATE messages SET outcome=?, codes=?, warnings=?, sender=?, subject=?, error=?, report_id=?, "
            "processed_at=?, attempts=attempts+1 WHERE id=?",
            [outcome, json.dumps(codes), json.dumps(warnings, ensure_ascii=False), sender, subject, error,
             report_id, now.isoformat(), pk],
        )

    def insert_report(self, row: dict[str, Any], tasks: list[dict[str, Any]]) -> int:
        cur = self.db.execute(
            "INSERT INTO reports(message_pk, unit, kind, period, received_at, deadline, timeliness, summary, sender, subject) "
            "VALUES(:message_pk, :unit, :kind, :period, :received_at, :deadline, :timeliness, :summary, :sender, :subject)",
            row,
        )
        assert cur.lastrowid is not None
        rid = cur.lastrowid
        for t in tasks:
            self.db.execute(
                "INSERT INTO task_updates(report_id, unit, task, kind, period, received_at, status, progress, result, "
                "difficulties, proposals, notes, carried_forward) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [rid, row["unit"], t["code"], row["kind"], row["period"], row["received_at"], t.get("status"),
                 t.get("progress"), t.get("result"),
                 "" if t.get("no_difficulties") else t.get("difficulties"),  # '' = the person wrote 'Không'
                 t.get("proposals"), t.get("notes"),
                 1 if t.get("carried_forward") else 0],
            )
        return rid

    def delete_report(self, report_id: int) -> None:
        self.db.execute("DELETE FROM task_updates WHERE report_id=?", [report_id])
        self.db.execute("DELETE FROM reports WHERE id=?", [report_id])

    def first_report(self, unit: str, kind: str, period: str) -> dict[str, Any] | None:
        rows = list(self.db.query(
            "SELECT * FROM reports WHERE unit=? AND kind=? AND period=? ORDER BY received_at, id LIMIT 1",
            [unit, kind, period]))
        return rows[0] if rows else None

    # -- outbox
    def enqueue(self, *, message_id: str, purpose: str, recipient: str, subject: str, raw: bytes,
                now: datetime, inbound_pk: int | None = None, dedupe_key: str | None = None) -> bool:
        cur = self.db.execute(
            "INSERT INTO outbox(message_id, dedupe_key, purpose, recipient, subject, raw, created_at, next_attempt_at, inbound_pk) "
            "VALUES(?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
            [message_id, dedupe_key, purpose, recipient, subject, raw, now.isoformat(), now.isoformat(), inbound_pk],
        )
        return cur.rowcount == 1

    def due_outbox(self, now: datetime, limit: int = 100) -> list[dict[str, Any]]:
        """The queued mail that is due: the answers to a sender's own message (receipts, rejections)
        first, then in the order queued. At 16:30 a thousand receipts must not wait behind the
        digest, the reminders or a morning's early warnings to every lead unit."""
        return list(self.db.query(
            "SELECT * FROM outbox WHERE status='queued' AND (next_attempt_at IS NULL OR next_attempt_at<=?) "
            "ORDER BY purpose NOT IN ('receipt', 'rejection'), id LIMIT ?", [now.isoformat(), limit]))

    def replies_since(self, recipient: str, since: datetime) -> int:
        row = self.db.execute(
            "SELECT COUNT(*) FROM outbox WHERE recipient=? AND created_at>=? AND purpose IN ('receipt','rejection')",
            [recipient, since.isoformat()]).fetchone()
        return int(row[0])

    def mark_sent(self, pk: int, now: datetime) -> None:
        self.db.execute("UPDATE outbox SET status='sent', sent_at=?, attempts=attempts+1, last_error=NULL WHERE id=?",
                        [now.isoformat(), pk])

    def mark_retry(self, pk: int, error: str, next_at: datetime) -> None:
        self.db.execute("UPDATE outbox SET attempts=attempts+1, last_error=?, next_attempt_at=? WHERE id=?",
                        [error[:500], next_at.isoformat(), pk])

    def mark_server_retry(self, pk: int, error: str, next_at: datetime) -> None:
        """The server (not this message) failed: due again soon, not counted as an attempt."""
        self.db.execute("UPDATE outbox SET last_error=?, next_attempt_at=? WHERE id=?",
                        [error[:500], next_at.isoformat(), pk])

    def mark_failed(self, pk: int, error: str) -> None:
        self.db.execute("UPDATE outbox SET status='failed', attempts=attempts+1, last_error=? WHERE id=?",
                        [error[:500], pk])

    def suppress(self, address: str, reason: str, now: datetime) -> None:
        self.db.execute("INSERT INTO suppressed(address, reason, since) VALUES(?,?,?) ON CONFLICT(address) DO NOTHING",
                        [address.lower(), reason[:300], now.isoformat()])

    def is_suppressed(self, address: str) -> bool:
        return self.db.execute("SELECT 1 FROM suppressed WHERE address=?", [address.lower()]).fetchone() is not None

    def in_ledger(self, dedupe_key: str) -> bool:
        """The sent-ledger: a message with this dedupe key was queued (or sent) before."""
        return self.db.execute("SELECT 1 FROM outbox WHERE dedupe_key=?", [dedupe_key]).fetchone() is not None

    def sent_last_hour(self, recipient: str, now: datetime) -> tuple[int, str | None]:
        """(messages sent to this recipient field in the hour before now, the oldest one's time)."""
        row = self.db.execute(
            "SELECT COUNT(*), MIN(sent_at) FROM outbox WHERE recipient=? AND status='sent' AND sent_at>?",
            [recipient, (now - timedelta(hours=1)).isoformat()]).fetchone()
        return int(row[0]), row[1]

    def defer(self, pk: int, until: datetime) -> None:
        self.db.execute("UPDATE outbox SET next_attempt_at=? WHERE id=?", [until.isoformat(), pk])

    def next_retry_at(self, now: datetime) -> datetime | None:
        """When the earliest queued message that is not due yet becomes due."""
        row = self.db.execute(
            "SELECT MIN(next_attempt_at) FROM outbox WHERE status='queued' AND next_attempt_at>?",
            [now.isoformat()]).fetchone()
        return datetime.fromisoformat(row[0]) if row and row[0] else None

    # -- reading the records
    def report_arrivals(self) -> list[tuple[str, str, str, str, int]]:
        """(unit, kind, period, received_at, report id) of every report, in arrival order."""
        return self.db.execute(
            "SELECT unit, kind, period, received_at, id FROM reports ORDER BY received_at, id").fetchall()

    def report_rows(self, after_id: int = 0) -> list[tuple[Any, ...]]:
        """(id, unit, kind, period, received_at, timeliness, summary) of every report (with a row id
        above `after_id`), in arrival order."""
        return self.db.execute(
            "SELECT id, unit, kind, period, received_at, timeliness, summary FROM reports WHERE id>? "
            "ORDER BY received_at, id", [after_id]).fetchall()

    def report_marks(self, upto_id: int) -> tuple[int, str, int]:
        """As task_update_marks, for the reports."""
        return self._marks("reports", upto_id)

    def _marks(self, table: str, upto_id: int) -> tuple[int, str, int]:
        row = self.db.execute(f"SELECT count(*), max(received_at), (SELECT max(id) FROM {table}) "
                              f"FROM {table} WHERE id<=?", [upto_id]).fetchone()
        return int(row[0]), row[1] or "", int(row[2] or 0)

    def task_update_rows(self, after_id: int = 0) -> list[tuple[Any, ...]]:
        """Every task update (with a row id above `after_id`) in arrival order, as tuples in the
        order of TASK_UPDATE_COLUMNS."""
        return self.db.execute(
            f"SELECT {', '.join(TASK_UPDATE_COLUMNS)} FROM task_updates WHERE id>? ORDER BY received_at, id",
            [after_id]).fetchall()

    def task_update_marks(self, upto_id: int) -> tuple[int, str, int]:
        """(how many task updates have a row id up to `upto_id`, the latest received_at among them,
        the highest row id): a builder that holds the updates it read checks that none went away."""
        return self._marks("task_updates", upto_id)

    def unit_last_updates(self, unit: str) -> dict[str, TaskUpdate]:
        """One unit's newest update of each task, as stored (one row per task, found in SQL: the
        unit's whole history is not loaded for every message)."""
        parse = datetime.fromisoformat
        rows = self.db.execute(
            f"SELECT {', '.join(TASK_UPDATE_COLUMNS)} FROM task_updates WHERE id IN ("
            "SELECT (SELECT t2.id FROM task_updates t2 WHERE t2.unit=t.unit AND t2.task=t.task "
            "ORDER BY t2.received_at DESC, t2.id DESC LIMIT 1) FROM task_updates t WHERE t.unit=? GROUP BY t.task)",
            [unit]).fetchall()
        return {r[2]: TaskUpdate(r[0], r[1], r[2], r[3], r[4], parse(r[5]), *r[6:]) for r in rows}

    def task_updates(self) -> list[TaskUpdate]:
        """Every task update in arrival order."""
        parse = datetime.fromisoformat
        return [TaskUpdate(r[0], r[1], r[2], r[3], r[4], parse(r[5]), *r[6:]) for r in self.task_update_rows()]

    def messages_with_outcome(self, outcomes: tuple[str, ...]) -> list[dict[str, Any]]:
        return list(self.db.query(
            f"SELECT id, received_at, sender, subject, outcome, codes, error, attempts FROM messages "
            f"WHERE outcome IN ({','.join('?' * len(outcomes))}) ORDER BY id", list(outcomes)))

    def outcome_counts(self, since: datetime | None = None, until: datetime | None = None) -> dict[str, int]:
        """Inbound messages per outcome (received in [since, until) when given)."""
        return self._counts("SELECT outcome, count(*) FROM messages", "received_at", since, until)

    def purpose_counts(self, since: datetime | None = None, until: datetime | None = None) -> dict[str, int]:
        """Outgoing messages per purpose (created in [since, until) when given)."""
        return self._counts("SELECT purpose, count(*) FROM outbox", "created_at", since, until)

    def _counts(self, select: str, stamp: str, since: datetime | None, until: datetime | None) -> dict[str, int]:
        if since is None or until is None:
            return dict(self.db.execute(f"{select} GROUP BY 1").fetchall())
        return dict(self.db.execute(f"{select} WHERE {stamp}>=? AND {stamp}<? GROUP BY 1",
                                    [since.isoformat(), until.isoformat()]).fetchall())

    # -- IMAP UIDs
    def other_uidvalidity(self, mailbox: str, uidvalidity: int) -> int | None:
        """The highest UIDVALIDITY recorded for this mailbox other than the given one."""
        return self.db.execute("SELECT MAX(uidvalidity) FROM source_uids WHERE mailbox=? AND uidvalidity<>?",
                               [mailbox, uidvalidity]).fetchone()[0]

    def has_uidvalidity(self, mailbox: str, uidvalidity: int) -> bool:
        return self.db.execute("SELECT 1 FROM source_uids WHERE mailbox=? AND uidvalidity=? LIMIT 1",
                               [mailbox, uidvalidity]).fetchone() is not None

    def uid_states(self, mailbox: str, uidvalidity: int, first: int, last: int) -> dict[int, int]:
        """done state of the recorded UIDs in [first, last] (only that range is read)."""
        rows = self.db.execute(
            "SELECT uid, done FROM source_uids WHERE mailbox=? AND uidvalidity=? AND uid BETWEEN ? AND ?",
            [mailbox, uidvalidity, first, last]).fetchall()
        return {int(uid): int(done) for uid, done in rows}

    def record_uid(self, mailbox: str, uidvalidity: int, uid: int, key: str, done: int) -> None:
        self.db.execute(
            "INSERT INTO source_uids(mailbox, uidvalidity, uid, message_key, done) VALUES(?,?,?,?,?) "
            "ON CONFLICT(mailbox, uidvalidity, uid) DO UPDATE SET message_key=excluded.message_key, "
            "done=MAX(done, excluded.done)",
            [mailbox, uidvalidity, uid, key, done])

    def uids_in_state(self, mailbox: str, uidvalidity: int, done: int) -> list[tuple[int, str, str | None]]:
        """(uid, message key, the message's outcome) of the UIDs in this done state."""
        return self.db.execute(
            "SELECT s.uid, s.message_key, m.outcome FROM source_uids s LEFT JOIN messages m ON m.key = s.message_key "
            "WHERE s.mailbox=? AND s.uidvalidity=? AND s.done=?", [mailbox, uidvalidity, done]).fetchall()

    # -- the operator's views (`baocao outbox`, `suppressed`, `show`, `status --json`)
    def outbox_rows(self, statuses: tuple[str, ...] = ("queued", "failed"), limit: int = 500) -> list[dict[str, Any]]:
        return list(self.db.query(
            f"SELECT id, message_id, purpose, recipient, subject, created_at, status, attempts, next_attempt_at, "
            f"last_error, sent_at, inbound_pk, length(raw) AS size FROM outbox "
            f"WHERE status IN ({','.join('?' * len(statuses))}) ORDER BY id LIMIT ?", [*statuses, limit]))

    def outbox_backlog(self, now: datetime) -> dict[str, Any]:
        """Queued (and due now), failed, and the oldest queued message's creation time."""
        row = self.db.execute(
            "SELECT SUM(status='queued'), SUM(status='queued' AND (next_attempt_at IS NULL OR next_attempt_at<=?)), "
            "SUM(status='failed'), MIN(CASE WHEN status='queued' THEN created_at END) FROM outbox",
            [now.isoformat()]).fetchone()
        return {"queued": int(row[0] or 0), "due": int(row[1] or 0), "failed": int(row[2] or 0),
                "oldest_queued_at": row[3]}

    def outbox_for_message(self, inbound_pk: int) -> list[dict[str, Any]]:
        return list(self.db.query(
            "SELECT id, message_id, purpose, recipient, subject, status, attempts, last_error, sent_at FROM outbox "
            "WHERE inbound_pk=? ORDER BY id", [inbound_pk]))

    def record_reply_failure(self, *, message_id: str, purpose: str, recipient: str, error: str, now: datetime,
                             inbound_pk: int) -> None:
        """A reply that could not be built or queued: an outbox row `failed` with no bytes, so the
        operator sees it in `baocao outbox` beside the refused ones (the record itself stands)."""
        self.db.execute(
            "INSERT INTO outbox(message_id, purpose, recipient, subject, raw, created_at, status, last_error, inbound_pk) "
            "VALUES(?,?,?,?,?,?,'failed',?,?) ON CONFLICT DO NOTHING",
            [message_id, purpose, recipient, "", b"", now.isoformat(), error[:500], inbound_pk])

    def suppressed_rows(self) -> list[dict[str, Any]]:
        return list(self.db.query("SELECT address, reason, since FROM suppressed ORDER BY since, address"))

    def unsuppress(self, address: str) -> bool:
        cur = self.db.execute("DELETE FROM suppressed WHERE address=?", [address.strip().lower()])
        return cur.rowcount == 1

    def report_tasks(self, report_id: int) -> list[dict[str, Any]]:
        return list(self.db.query(
            "SELECT task, status, progress, result, difficulties, proposals, notes FROM task_updates "
            "WHERE report_id=? ORDER BY id", [report_id]))

    def report(self, report_id: int) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM reports WHERE id=?", [report_id]))
        return rows[0] if rows else None


    # -- the working group's loop: difficulties (SPEC §8.1)
    def updates_after(self, after_id: int) -> list[TaskUpdate]:
        """Task updates recorded after the given row id, in the order they were recorded."""
        parse = datetime.fromisoformat
        rows = self.db.execute(
            f"SELECT {', '.join(TASK_UPDATE_COLUMNS)} FROM task_updates WHERE id>? ORDER BY id", [after_id]).fetchall()
        return [TaskUpdate(r[0], r[1], r[2], r[3], r[4], parse(r[5]), *r[6:]) for r in rows]

    def report_message(self, report_id: int) -> tuple[int, str | None] | None:
        """(message pk, Message-ID) of the message a report came in."""
        row = self.db.execute("SELECT m.id, m.message_id FROM reports r JOIN messages m ON m.id = r.message_pk "
                              "WHERE r.id=?", [report_id]).fetchone()
        return (int(row[0]), row[1]) if row else None

    def insert_difficulty(self, row: dict[str, Any]) -> int:
        cols = list(row)
        cur = self.db.execute(f"INSERT INTO difficulties({', '.join(cols)}) VALUES({', '.join('?' * len(cols))})",
                              [row[c] for c in cols])
        assert cur.lastrowid is not None
        return cur.lastrowid

    def update_difficulty(self, pk: int, **fields: Any) -> None:
        if fields:
            self.db.execute(f"UPDATE difficulties SET {', '.join(f'{k}=?' for k in fields)} WHERE id=?",
                            [*fields.values(), pk])

    def difficulty(self, pk: int) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM difficulties WHERE id=?", [pk]))
        return rows[0] if rows else None

    def difficulties(self, states: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
        if states is None:
            return list(self.db.query("SELECT * FROM difficulties ORDER BY id"))
        return list(self.db.query(f"SELECT * FROM difficulties WHERE state IN ({','.join('?' * len(states))}) "
                                  "ORDER BY id", list(states)))

    def add_difficulty_event(self, difficulty: int, at: datetime, kind: str, actor: str | None = None,
                             text: str | None = None, message_pk: int | None = None) -> None:
        self.db.execute("INSERT INTO difficulty_events(difficulty, at, kind, actor, text, message_pk) "
                        "VALUES(?,?,?,?,?,?)", [difficulty, at.isoformat(), kind, actor, text, message_pk])

    def record_marks(self) -> dict[str, Any]:
        """What a site build saw: per table the highest row id and the number of rows, and each
        difficulty record's (unit, task, a digest of its row and its events)."""
        out: dict[str, Any] = {}
        for table in ("reports", "task_updates", "obligation_records"):
            n, top = self.db.execute(f"SELECT count(*), coalesce(max(id), 0) FROM {table}").fetchone()
            out[table] = [int(top), int(n)]
        digests: dict[str, list[str]] = {}
        events = dict(self.db.execute("SELECT difficulty, group_concat(id) FROM difficulty_events "
                                      "GROUP BY difficulty").fetchall())
        for row in self.db.execute("SELECT id, unit, task, raised_at, * FROM difficulties ORDER BY id").fetchall():
            digest = hashlib.sha1(repr((row, events.get(row[0]))).encode("utf-8")).hexdigest()[:12]
            digests[str(row[0])] = [row[1], row[2], digest, row[3]]
        out["difficulties"] = digests
        out["difficulty_events"] = int(self.db.execute("SELECT coalesce(max(id), 0) FROM difficulty_events")
                                       .fetchone()[0])
        return out

    def first_event_after(self, after_id: int) -> str | None:
        """The earliest `at` among the difficulty events with an id above `after_id`."""
        row = self.db.execute("SELECT min(at) FROM difficulty_events WHERE id>?", [after_id]).fetchone()
        return row[0] if row else None

    def rows_upto(self, table: str, upto_id: int) -> int:
        """How many rows of `table` have an id up to `upto_id` (fewer than before: some went away)."""
        assert table in ("reports", "task_updates", "obligation_records")
        return int(self.db.execute(f"SELECT count(*) FROM {table} WHERE id<=?", [upto_id]).fetchone()[0])

    def difficulty_events(self) -> list[dict[str, Any]]:
        return list(self.db.query("SELECT * FROM difficulty_events ORDER BY difficulty, at, id"))

    # -- the lists' history (SPEC §8.1)
    def list_rows(self, name: str) -> dict[str, dict[str, Any]]:
        """code -> {row (the last seen row, as a dict), first_seen, last_seen, removed_at} of one list."""
        out = {}
        for r in self.db.query("SELECT code, row, first_seen, last_seen, removed_at, retired_at FROM list_rows "
                               "WHERE list=?", [name]):
            out[r["code"]] = {**r, "row": json.loads(r["row"])}
        return out

    def save_list_row(self, name: str, code: str, row: dict[str, Any], now: datetime) -> None:
        self.db.execute(
            "INSERT INTO list_rows(list, code, row, first_seen, last_seen) VALUES(?,?,?,?,?) "
            "ON CONFLICT(list, code) DO UPDATE SET row=excluded.row, last_seen=excluded.last_seen, removed_at=NULL, "
            "retired_at=CASE WHEN list_rows.removed_at IS NOT NULL THEN NULL ELSE list_rows.retired_at END",
            [name, code, json.dumps(row, ensure_ascii=False, sort_keys=True), now.isoformat(), now.isoformat()])

    def archive_list_row(self, name: str, code: str, now: datetime) -> None:
        """The row left the list: kept as last seen, marked removed (and retired, if not before)."""
        self.db.execute("UPDATE list_rows SET removed_at=?, retired_at=COALESCE(retired_at, ?) "
                        "WHERE list=? AND code=? AND removed_at IS NULL", [now.isoformat(), now.isoformat(), name, code])

    def retire_list_row(self, name: str, code: str, now: datetime | None) -> None:
        """A unit merged into its successor stops being expected from `now` (None: not retired)."""
        if now is None:
            self.db.execute("UPDATE list_rows SET retired_at=NULL WHERE list=? AND code=?", [name, code])
        else:
            self.db.execute("UPDATE list_rows SET retired_at=COALESCE(retired_at, ?) WHERE list=? AND code=?",
                            [now.isoformat(), name, code])

    def add_deadline_change(self, *, task: str, old: str | None, new: str | None, decision: str,
                            changed_at: datetime, overdue_days: int) -> None:
        self.db.execute("INSERT INTO deadline_changes(task, old_deadline, new_deadline, decision, changed_at, "
                        "overdue_days) VALUES(?,?,?,?,?,?)", [task, old, new, decision, changed_at.isoformat(),
                                                              overdue_days])

    def deadline_changes(self) -> list[dict[str, Any]]:
        return list(self.db.query("SELECT * FROM deadline_changes ORDER BY changed_at, id"))

    # -- obligations (SPEC §8.1)
    def add_obligation_record(self, *, obligation: str, unit: str, received_at: datetime, source: str,
                              message_pk: int | None, attachments: list[str], note: str | None) -> bool:
        cur = self.db.execute(
            "INSERT INTO obligation_records(obligation, unit, received_at, source, message_pk, attachments, note) "
            "VALUES(?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
            [obligation, unit, received_at.isoformat(), source, message_pk,
             json.dumps(attachments, ensure_ascii=False), note])
        return cur.rowcount == 1

    def obligation_records(self) -> list[dict[str, Any]]:
        return [{**r, "attachments": json.loads(r["attachments"])}
                for r in self.db.query("SELECT * FROM obligation_records ORDER BY received_at, id")]


def _backup_into(source: sqlite3.Connection, dest: Path) -> int:
    """Copy `source` into `dest` through a temporary file (0600), check it, then rename."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.tmp")
    tmp.unlink(missing_ok=True)
    create_private(tmp)
    target = sqlite3.connect(str(tmp))
    try:
        source.backup(target)
        ok = target.execute("PRAGMA integrity_check").fetchone()[0]
        target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
    finally:
        target.close()
    if ok != "ok":
        tmp.unlink(missing_ok=True)
        raise UserError(f"{dest}: the copy failed its integrity check: {ok}")
    os.replace(tmp, dest)
    return dest.stat().st_size
