"""The production mailbox: IMAP (imapclient), waiting with IDLE, never deleting anything.

What was done is recorded in our database, never in `\\Seen` (people open the reporting mailbox in
a mail client and mark mail read). `source_uids` holds one row per (mailbox, UIDVALIDITY, UID)
with `done`:

- 1 = the pipeline committed the message's records; the move to Processed/Failed is owed
  (a crash or a dropped connection between commit and MOVE leaves it in the inbox: the next
  batch redoes the move without downloading the message again);
- 2 = moved (or copied and flagged where the server has no MOVE).

A UIDVALIDITY change makes every UID new again: the messages are downloaded once more and the
pipeline recognises them by their Message-ID key (`messages.key`), so nothing is re-imported.
"""

from __future__ import annotations

import imaplib
import logging
import os
import ssl
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Any

from imapclient import IMAPClient
from imapclient.exceptions import LoginError
from imapclient.imapclient import DELETED, SocketTimeout

from gateway.config import Config
from gateway.errors import UserError
from gateway.mail.net import is_loopback
from gateway.mail.sources import Inbound, inbound_key
from gateway.store import Store

log = logging.getLogger(__name__)

DONE_COMMITTED = 1
DONE_MOVED = 2
# A batch holds its messages in memory: stop adding bodies past this many bytes (at least one
# message is always taken, and the rest waits for the next batch).
BATCH_BYTES = 64 * 1024 * 1024
BACKOFF_MIN, BACKOFF_MAX = 1.0, 60.0
MOVE_CHUNK = 100
# Servers cap a command line (Dovecot: 64 KiB); a UID list is written out in full.
UIDS_PER_COMMAND = 500
# Lost connections: socket errors and timeouts (OSError), imaplib's abort (EOF, BYE).
CONNECTION_ERRORS: tuple[type[Exception], ...] = (OSError, imaplib.IMAP4.abort)
# An extra CA certificate (a provincial mail server with a private CA), added to the system's.
CA_FILE_ENV = "BAOCAO_IMAP_CA_FILE"


class ImapError(UserError):
    """A mailbox setting the operator must fix (login refused, no password, folder missing,
    certificate not trusted): one line for the CLI, and `baocao run` stops on it."""


class ImapUnavailable(ConnectionError):
    """The server cannot be reached or dropped us: temporary, retried (never fatal for `baocao run`)."""


# What the wait for new mail retries after (reconnecting with back-off).
RETRY_ERRORS: tuple[type[Exception], ...] = (ImapError, *CONNECTION_ERRORS, imaplib.IMAP4.error)


def _describe(cfg: Config) -> str:
    s = cfg.imap
    return f"IMAP {s.host}:{s.port} ({s.security})"


def _decode(value: object) -> str:
    return value.decode(errors="replace") if isinstance(value, bytes) else str(value)


def tls_context() -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    extra = os.environ.get(CA_FILE_ENV, "")
    if extra:
        ctx.load_verify_locations(cafile=extra)
    return ctx


def open_client(cfg: Config) -> tuple[IMAPClient, int]:
    """Connect, log in and SELECT the configured folder: (client, UIDVALIDITY). Raises ImapError
    for problems an operator must fix; connection errors are re-raised as ImapError too."""
    s = cfg.imap
    if s.security == "none" and not is_loopback(s.host):
        # The password would cross the network in clear text.
        raise ImapError(f"imap.security = \"none\" is only allowed for a server on this machine, not {s.host!r}; "
                        "use \"tls\" (port 993) or \"starttls\" (port 143)")
    password = cfg.secret(s.password_env)
    if s.username and not password:
        raise ImapError(f"{_describe(cfg)}: no password: set the environment variable {s.password_env}")
    ctx = tls_context() if s.security != "none" else None
    timeout = SocketTimeout(connect=min(float(s.timeout_seconds), 30.0), read=float(s.timeout_seconds))
    try:
        client = IMAPClient(s.host, port=s.port, ssl=s.security == "tls", ssl_context=ctx, timeout=timeout)
    except ssl.SSLCertVerificationError as exc:
        raise ImapError(f"{_describe(cfg)}: the server's TLS certificate is not trusted: {exc.verify_message}") from exc
    except CONNECTION_ERRORS as exc:
        raise ImapUnavailable(f"{_describe(cfg)}: cannot connect: {exc}") from exc
    try:
        if s.security == "starttls":
            client.starttls(ctx)
        # INTERNALDATE with its zone (aware); True would turn it into naive machine-local time.
        client.normalise_times = False
        client.login(s.username, password)
        info = client.select_folder(s.folder)
    except ssl.SSLCertVerificationError as exc:
        _shutdown(client)
        raise ImapError(f"{_describe(cfg)}: the server's TLS certificate is not trusted: {exc.verify_message}") from exc
    except LoginError as exc:
        _shutdown(client)
        raise ImapError(f"{_describe(cfg)}: login as {s.username!r} refused: {_decode(exc.args[0] if exc.args else exc)}") from exc
    except CONNECTION_ERRORS as exc:
        _shutdown(client)
        raise ImapUnavailable(f"{_describe(cfg)}: connection lost while logging in: {exc}") from exc
    except imaplib.IMAP4.error as exc:
        _shutdown(client)
        raise ImapError(f"{_describe(cfg)}: cannot open folder {s.folder!r}: {exc}") from exc
    return client, int(info[b"UIDVALIDITY"])


def _shutdown(client: IMAPClient) -> None:
    try:
        client.shutdown()
    except Exception:  # noqa: BLE001 - closing a connection that may already be gone
        pass


def _chunks(uids: list[int], size: int = UIDS_PER_COMMAND) -> Iterator[list[int]]:
    for i in range(0, len(uids), size):
        yield uids[i:i + size]


def _fetch(client: IMAPClient, uids: list[int], items: list[str]) -> dict[int, dict[bytes, Any]]:
    """FETCH in commands of bounded length (imapclient writes UID lists out in full)."""
    out: dict[int, dict[bytes, Any]] = {}
    for part in _chunks(uids):
        out.update(client.fetch(part, items))
    return out


def check_connection(cfg: Config) -> str:
    """For `baocao check`: reach the server, log in, open the folder, report what it offers."""
    client, uidvalidity = open_client(cfg)
    try:
        count = len(client.search(["ALL"]))
        caps = {"IDLE": client.has_capability("IDLE"), "MOVE": client.has_capability("MOVE"),
                "UIDPLUS": client.has_capability("UIDPLUS")}
        folders = []
        for name in (cfg.imap.processed_folder, cfg.imap.failed_folder):
            folders.append(f"{name} {'exists' if client.folder_exists(name) else 'will be created'}")
        client.logout()
    except CONNECTION_ERRORS as exc:
        _shutdown(client)
        raise ImapUnavailable(f"{_describe(cfg)}: connection lost: {exc}") from exc
    offered = ", ".join(f"{k} {'yes' if v else 'no'}" for k, v in caps.items())
    waiting = "IDLE" if caps["IDLE"] else f"polling every {cfg.imap.poll_seconds}s"
    return (f"{_describe(cfg)} as {cfg.imap.username!r}: folder {cfg.imap.folder!r} has {count} message(s), "
            f"UIDVALIDITY {uidvalidity}; {offered}; waits with {waiting}; {'; '.join(folders)}")


class ImapSource:
    name = "imap"

    def __init__(self, cfg: Config, store: Store, sleep: Callable[[float], None] = time.sleep) -> None:
        self.cfg = cfg
        self.store = store
        self.mailbox = cfg.imap.folder
        self.client: IMAPClient | None = None
        self.uidvalidity: int | None = None
        self._sleep = sleep
        self._folders: dict[str, str] = {}  # configured name -> name on the server
        self._offline = False  # a reconnect failed in this batch: leave the remaining moves owed
        self._queued: list[tuple[int, int, str, str]] = []  # (uidvalidity, uid, key, folder) to move
        self._warned_no_expunge = False
        self._backoff = BACKOFF_MIN
        # Observable counters (logs, tests, the benchmark).
        self.connects = 0
        self.idle_rounds = 0
        self.more_pending = False  # the last fetch left messages for the next batch

    # -- connection
    def _ensure(self) -> IMAPClient:
        if self.client is None:
            self.client, uidv = open_client(self.cfg)
            self.connects += 1
            self._offline = False
            self._set_uidvalidity(uidv)
            if self.connects > 1:
                log.info("%s: reconnected (connection %d)", _describe(self.cfg), self.connects)
        return self.client

    def _drop(self, why: str) -> None:
        if self.client is not None:
            log.warning("%s: connection lost (%s)", _describe(self.cfg), why)
            _shutdown(self.client)
        self.client = None

    def _select(self, client: IMAPClient) -> int:
        """SELECT again: a UIDVALIDITY change shows only at a new SELECT."""
        info = client.select_folder(self.mailbox)
        self._set_uidvalidity(int(info[b"UIDVALIDITY"]))
        assert self.uidvalidity is not None
        return self.uidvalidity

    def _set_uidvalidity(self, uidv: int) -> None:
        if uidv != self.uidvalidity:
            known = self.store.other_uidvalidity(self.mailbox, uidv)
            if known is not None and not self.store.has_uidvalidity(self.mailbox, uidv):
                log.warning("%s: UIDVALIDITY of %s changed (%s -> %s): its messages are matched again by "
                            "Message-ID, nothing is imported twice", _describe(self.cfg), self.mailbox, known, uidv)
        self.uidvalidity = uidv

    def close(self) -> None:
        self.flush_moves()
        client, self.client = self.client, None
        if client is None:
            return
        try:
            client.logout()
        except Exception:  # noqa: BLE001 - the server may already be gone
            _shutdown(client)

    # -- state in the database
    def _states(self, uidvalidity: int, uids: list[int]) -> dict[int, int]:
        """done state of the given UIDs (sorted); only their range is read, not years of history."""
        if not uids:
            return {}
        return self.store.uid_states(self.mailbox, uidvalidity, uids[0], uids[-1])

    def _record(self, uidvalidity: int, uid: int, key: str, done: int) -> None:
        self.store.record_uid(self.mailbox, uidvalidity, uid, key, done)

    def _pending(self, client: IMAPClient) -> tuple[int, list[int], list[int]]:
        """(UIDVALIDITY, UIDs never committed, UIDs committed whose move is owed), oldest first."""
        uidv = self._select(client)
        uids = sorted(int(u) for u in client.search(["ALL"]))  # ALL, not UNSEEN: \Seen means nothing here
        states = self._states(uidv, uids)
        todo = [u for u in uids if u not in states]
        owed = [u for u in uids if states.get(u) == DONE_COMMITTED]
        return uidv, todo, owed

    # -- Source protocol
    def fetch(self, limit: int) -> list[Inbound]:
        for attempt in (1, 2):
            try:
                return self._fetch(limit)
            except CONNECTION_ERRORS as exc:
                # A stale connection (after a long wait) is normal: reconnect once, then give up
                # for this batch; nothing was changed on the server or in the database.
                self._drop(f"fetch: {exc}")
                if attempt == 2:
                    if isinstance(exc, ImapUnavailable):
                        raise
                    raise ImapUnavailable(f"{_describe(self.cfg)}: connection lost during fetch: {exc}") from exc
        raise AssertionError("unreachable")

    def _fetch(self, limit: int) -> list[Inbound]:
        self.flush_moves()
        self._offline = False
        client = self._ensure()
        uidv, todo, owed = self._pending(client)
        if owed:
            self._redo_moves(owed, uidv)
        batch = todo[:max(limit, 0)]
        self.more_pending = len(todo) > len(batch)
        if not batch:
            return []
        max_bytes = self.cfg.mail.max_message_bytes
        meta = _fetch(client, batch, ["RFC822.SIZE", "INTERNALDATE"])  # sizes first: never download blind
        selected: list[tuple[int, bool]] = []  # (uid, headers only), in arrival order
        budget = 0
        for uid in batch:
            m = meta.get(uid)
            if m is None:  # expunged by someone else since the SEARCH
                continue
            size = int(m[b"RFC822.SIZE"])
            if size > max_bytes:
                selected.append((uid, True))
                continue
            if budget and budget + size > BATCH_BYTES:
                self.more_pending = True  # keep the order: the rest waits for the next batch
                break
            budget += size
            selected.append((uid, False))
        whole = [u for u, h in selected if not h]
        heads_only = [u for u, h in selected if h]
        bodies = _fetch(client, whole, ["BODY.PEEK[]"])
        heads = _fetch(client, heads_only, ["BODY.PEEK[HEADER]"])
        items: list[Inbound] = []
        for uid, header_only in selected:
            raw = (heads if header_only else bodies).get(uid, {}).get(b"BODY[HEADER]" if header_only else b"BODY[]")
            if raw is None:  # expunged between the two FETCHes
                continue
            m = meta[uid]
            items.append(Inbound(
                ref=f"{self.mailbox}:{uidv}:{uid}", raw=bytes(raw), received_at=self._arrival(m[b"INTERNALDATE"]),
                size=int(m[b"RFC822.SIZE"]), truncated=header_only, uid_key=(self.mailbox, uidv, uid)))
        return items

    def _arrival(self, internaldate: datetime) -> datetime:
        # normalise_times=False gives the server's own offset; a naive value would be local time.
        if internaldate.tzinfo is None:
            internaldate = internaldate.astimezone()
        return internaldate.astimezone(self.cfg.tz)

    def mark_done(self, item: Inbound, failed: bool) -> None:
        """The pipeline committed `item`: record the move as owed, and queue it. Moves go to the
        server in one UID MOVE per folder (at the end of the batch, or every MOVE_CHUNK messages):
        one command per message cost a third of the batch time. A crash before the flush loses
        nothing: the next fetch finds the owed moves in `source_uids` and redoes them."""
        if item.uid_key is None:
            return
        mailbox, uidv, uid = item.uid_key
        key, _ = inbound_key(item.raw)
        self._record(uidv, uid, key, DONE_COMMITTED)
        if mailbox != self.mailbox:
            return
        dest = self.cfg.imap.failed_folder if failed else self.cfg.imap.processed_folder
        self._queued.append((uidv, uid, key, dest))
        if len(self._queued) >= MOVE_CHUNK:
            self.flush_moves()

    def flush_moves(self) -> None:
        """Send the queued moves; on a lost connection reconnect once, else leave them owed."""
        queued, self._queued = self._queued, []
        if not queued or self._offline:
            return
        for attempt in (1, 2):
            try:
                client = self._ensure()
                if attempt == 2:
                    self._select(client)
                # UIDs of another UIDVALIDITY mean nothing now: the next fetch re-matches by Message-ID.
                current = [q for q in queued if q[0] == self.uidvalidity]
                by_dest: dict[str, list[tuple[int, int, str, str]]] = {}
                for q in current:
                    by_dest.setdefault(q[3], []).append(q)
                for dest, group in by_dest.items():
                    try:
                        self._move(client, [q[1] for q in group], dest)
                    except imaplib.IMAP4.abort:
                        raise
                    except imaplib.IMAP4.error as exc:  # a NO from the server (quota, permissions)
                        log.error("%s: cannot move %d message(s) to %s: %s; they stay in %s",
                                  _describe(self.cfg), len(group), dest, exc, self.mailbox)
                        continue
                    self._record_moved([(q[0], q[1], q[2]) for q in group])
                    queued = [q for q in queued if q not in group]
                return
            except ImapError as exc:
                log.warning("%s; %d message(s) stay in %s until the next batch", exc, len(queued), self.mailbox)
                break
            except CONNECTION_ERRORS as exc:
                self._drop(f"moving {len(queued)} message(s): {exc}")
        self._offline = True
        log.warning("%s: %d committed message(s) stay in %s; their move is redone at the next batch",
                    _describe(self.cfg), len(queued), self.mailbox)

    def _record_moved(self, rows: list[tuple[int, int, str]]) -> None:
        with self.store.transaction():
            for uidv, uid, key in rows:
                self._record(uidv, uid, key, DONE_MOVED)

    # -- moving
    def _folder(self, client: IMAPClient, name: str) -> str:
        """The folder's name on the server, created (and subscribed) when absent."""
        if name in self._folders:
            return self._folders[name]
        candidates = [name]
        try:
            personal = client.namespace().personal or ()
            prefix = _decode(personal[0][0]) if personal else ""
        except imaplib.IMAP4.error:
            prefix = ""
        if prefix and not name.startswith(prefix):
            candidates.append(prefix + name)  # servers whose folders all live under "INBOX."
        for candidate in candidates:
            if client.folder_exists(candidate):
                self._folders[name] = candidate
                return candidate
        errors = []
        for candidate in candidates:
            try:
                client.create_folder(candidate)
            except imaplib.IMAP4.abort:
                raise
            except imaplib.IMAP4.error as exc:
                if client.folder_exists(candidate):  # created meanwhile by another worker
                    self._folders[name] = candidate
                    return candidate
                errors.append(f"{candidate}: {_decode(exc.args[0] if exc.args else exc)}")
                continue
            try:
                client.subscribe_folder(candidate)  # so that a person sees it in a mail client
            except imaplib.IMAP4.abort:
                raise
            except imaplib.IMAP4.error:
                pass
            log.info("%s: created folder %s", _describe(self.cfg), candidate)
            self._folders[name] = candidate
            return candidate
        raise imaplib.IMAP4.error(f"cannot create folder {name!r}: {'; '.join(errors)}")

    def _move(self, client: IMAPClient, uids: list[int], dest: str) -> None:
        folder = self._folder(client, dest)
        if client.has_capability("MOVE"):
            client.move(uids, folder)
            return
        client.copy(uids, folder)
        client.add_flags(uids, [DELETED])
        if client.has_capability("UIDPLUS"):
            client.uid_expunge(uids)  # only our UIDs: a plain EXPUNGE could remove a person's mail
        elif not self._warned_no_expunge:
            self._warned_no_expunge = True
            log.warning("%s: no MOVE and no UIDPLUS: done mail is copied and flagged \\Deleted but left in %s",
                        _describe(self.cfg), self.mailbox)

    def _redo_moves(self, uids: Iterable[int], uidv: int) -> None:
        """Moves owed from an earlier batch (crash or lost connection after the commit)."""
        assert self.client is not None
        rows = self.store.uids_in_state(self.mailbox, uidv, DONE_COMMITTED)
        wanted = set(uids)
        by_dest: dict[str, list[tuple[int, str]]] = {}
        for uid, key, outcome in rows:
            if int(uid) in wanted:
                dest = self.cfg.imap.failed_folder if outcome == "rejected" else self.cfg.imap.processed_folder
                by_dest.setdefault(dest, []).append((int(uid), key))
        for dest, all_pairs in by_dest.items():
            for start in range(0, len(all_pairs), UIDS_PER_COMMAND):
                pairs = all_pairs[start:start + UIDS_PER_COMMAND]
                try:
                    self._move(self.client, [u for u, _ in pairs], dest)
                except CONNECTION_ERRORS:
                    raise
                except imaplib.IMAP4.error as exc:
                    log.error("%s: cannot move %d owed message(s) to %s: %s", _describe(self.cfg), len(pairs), dest, exc)
                    continue
                self._record_moved([(uidv, u, key) for u, key in pairs])
                log.info("%s: redid the move of %d committed message(s) to %s", _describe(self.cfg), len(pairs), dest)

    # -- waiting
    def wait_for_mail(self, timeout_s: float) -> bool:
        """Block until the folder holds a message not processed yet (True) or `timeout_s` passed
        (False). IDLE when offered, re-issued every `idle_seconds`; polling otherwise. A lost
        connection is logged and retried with back-off; it never raises."""
        deadline = time.monotonic() + timeout_s
        self.flush_moves()
        self._offline = False
        while True:
            try:
                client = self._ensure()
                _, todo, _ = self._pending(client)  # catches up after every wake-up and reconnect
                self._backoff = BACKOFF_MIN
                if todo:
                    return True
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                if client.has_capability("IDLE"):
                    self._idle(client, min(left, float(self.cfg.imap.idle_seconds)))
                else:
                    self._sleep(min(left, float(self.cfg.imap.poll_seconds)))
            except RETRY_ERRORS as exc:
                self._drop(str(exc))
                left = deadline - time.monotonic()
                log.warning("%s: %s; retrying in %.0fs", _describe(self.cfg), exc, min(self._backoff, max(left, 0)))
                if left <= 0:
                    return False
                self._sleep(min(self._backoff, left))
                self._backoff = min(self._backoff * 2, BACKOFF_MAX)

    def _idle(self, client: IMAPClient, seconds: float) -> None:
        """One IDLE round: returns on new mail, at the end of `seconds`, or raises when the
        connection died (imapclient then returns early with nothing, and idle_done() fails)."""
        # Mail that arrived after our last SEARCH is not announced once IDLE starts (Dovecot
        # reports it only at the next command): a NOOP right before IDLE shrinks that window from
        # a whole batch to one round trip.
        if any(isinstance(r, tuple) and len(r) > 1 and r[1] in (b"EXISTS", b"RECENT") for r in client.noop()[1]):
            return
        client.idle()
        self.idle_rounds += 1
        end = time.monotonic() + seconds
        try:
            while True:
                left = end - time.monotonic()
                if left <= 0:
                    return
                started = time.monotonic()
                responses = client.idle_check(timeout=left)
                if any(isinstance(r, tuple) and len(r) > 0 and r[0] == b"BYE" for r in responses):
                    raise imaplib.IMAP4.abort(f"server said BYE: {responses}")
                if any(isinstance(r, tuple) and len(r) > 1 and r[1] in (b"EXISTS", b"RECENT") for r in responses):
                    return
                if not responses and time.monotonic() - started < left - 0.05:
                    return  # early and empty: EOF most likely; idle_done() below tells
        finally:
            client.idle_done()
