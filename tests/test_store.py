"""The store: schema migrations and the UNIQUE keys that carry the no-duplicates rules."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from gateway.store import _MIGRATIONS, SCHEMA_VERSION, Store
from tests.helpers import at


def test_a_version_1_database_is_migrated_in_place(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    for sql in _MIGRATIONS[1]:
        con.execute(sql)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO messages(key, source, raw, size, received_at, stored_at) VALUES ('k', 'maildir', x'00', 1, 'a', 'b')")
    con.commit()
    con.close()
    store = Store(db)
    assert store.schema_version() == SCHEMA_VERSION >= 2
    indexes = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert "outbox_recipient_created" in indexes
    assert store.db.execute("SELECT key FROM messages").fetchall() == [("k",)]  # data kept
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_unique_keys_make_second_inserts_no_ops(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    now = at("2025-05-20 15:00")
    pk1, new1 = store.store_raw(key="<a@b>", message_id="<a@b>", source="maildir", source_ref="x", raw=b"1",
                                received_at=now, now=now)
    pk2, new2 = store.store_raw(key="<a@b>", message_id="<a@b>", source="imap", source_ref="y", raw=b"2",
                                received_at=now, now=now)
    assert (new1, new2) == (True, False) and pk1 == pk2
    assert store.db.execute("SELECT raw, source FROM messages").fetchall() == [(b"1", "maildir")]
    assert store.enqueue(message_id="<r@baocao.x>", purpose="receipt", recipient="a@b", subject="s", raw=b"r", now=now)
    assert not store.enqueue(message_id="<r@baocao.x>", purpose="receipt", recipient="a@b", subject="s", raw=b"r", now=now)
    assert store.enqueue(message_id="<m1@baocao.x>", purpose="reminder", recipient="a@b", subject="s", raw=b"r",
                         now=now, dedupe_key="reminder:SKHCN:2025-05-20:14:30")
    assert not store.enqueue(message_id="<m2@baocao.x>", purpose="reminder", recipient="a@b", subject="s", raw=b"r",
                             now=now, dedupe_key="reminder:SKHCN:2025-05-20:14:30")
    assert store.db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 2


def test_a_units_newest_updates_are_found_by_index_steps(tmp_path: Path) -> None:
    """Every report asks for its unit's newest update of each task (an unchanged form is
    recognised): one step per task in the (unit, task) index, not the unit's history read once per
    row of it (2 ms a message at a national unit's 2,000 updates, and growing every day)."""
    store = Store(tmp_path / "s.db")
    seen: list[str] = []
    store.db.conn.set_trace_callback(seen.append)
    assert store.unit_last_updates("SKHCN") == {}
    store.db.conn.set_trace_callback(None)
    [sql] = [s for s in seen if "FROM task_updates" in s]
    plan = " | ".join(r[3] for r in store.db.execute("EXPLAIN QUERY PLAN " + sql).fetchall())
    assert "COVERING INDEX task_updates_unit_task (unit=? AND task=?)" in plan, plan
