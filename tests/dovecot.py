"""A real Dovecot 2.3 IMAP server on loopback, for the test suite and the IMAP benchmark.

One server per test session (it starts in a few hundredths of a second); tests isolate themselves
by user: `server.add_user()` returns a fresh account with an empty mailbox.

Facts this relies on (measured, see ../shared/MAIL-IN-THE-WILD.md):
- as root, mail users need a real non-root uid/gid (the package's `dovecot` user) and every
  parent folder of their homes must be traversable by it, or LOGIN says OK and SELECT fails;
- not root, Dovecot runs every process as ourselves with no chroot;
- readiness is the `* OK` greeting plus a real LOGIN + SELECT (a login-only check lies);
- stop = SIGTERM to the process group (the master alone leaves sessions alive), then SIGKILL.

If Dovecot cannot start, `start()` raises with its log: the suite fails loudly, never skips.
"""

from __future__ import annotations

import grp
import itertools
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from imapclient import IMAPClient

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
DOVEADM = shutil.which("doveadm") or "/usr/bin/doveadm"
INSTALL_HINT = "install it with `apt-get install dovecot-imapd` (Debian/Ubuntu)"


class DovecotError(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class MailUser:
    name: str
    password: str
    home: Path


class Dovecot:
    """A private Dovecot instance: its own config, state, log and ports under `root`."""

    def __init__(self, root: Path, tls: bool = True) -> None:
        self.root = root
        self.tls = tls
        self.host = "127.0.0.1"
        self.port = free_port()  # plain IMAP, STARTTLS offered when tls=True
        self.tls_port = free_port() if tls else 0  # implicit TLS (imaps)
        self.conf = root / "dovecot.conf"
        self.log_path = root / "dovecot.log"
        # One passwd-file per user (`%n` in the path): Dovecot caches a single file by its mtime
        # in whole seconds, so a user added in the same second would be "unknown".
        self.users_dir = root / "users"
        self.homes = root / "homes"
        self.cert = root / "cert.pem"
        self.key = root / "key.pem"
        self.proc: subprocess.Popen[bytes] | None = None
        self._names = itertools.count(1)
        self.root_mode = os.geteuid() == 0
        if self.root_mode:
            try:
                pw = pwd.getpwnam("dovecot")
            except KeyError as exc:
                raise DovecotError(f"no `dovecot` system user: {INSTALL_HINT}") from exc
            self.uid, self.gid = pw.pw_uid, pw.pw_gid
        else:
            self.uid, self.gid = os.getuid(), os.getgid()

    # -- configuration
    def _write_config(self) -> None:
        for sub in ("base", "state", "homes"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        self.users_dir.mkdir(exist_ok=True)
        if self.root_mode:
            # Mail processes run as the dovecot uid: it must reach the homes (mkdtemp is 0700).
            os.chmod(self.root, 0o755)
            os.chmod(self.homes, 0o755)
            os.chmod(self.users_dir, 0o755)
        tls_lines: list[str] = ["ssl = no"]
        if self.tls:
            self._make_cert()
            tls_lines = ["ssl = yes", f"ssl_cert = <{self.cert}", f"ssl_key = <{self.key}"]
        lines = [
            "# Written by tests/dovecot.py: a throw-away server for the test suite.",
            f"instance_name = baocao-test-{os.getpid()}-{self.port}",
            f"base_dir = {self.root / 'base'}",
            f"state_dir = {self.root / 'state'}",
            f"log_path = {self.log_path}",
            f"info_log_path = {self.log_path}",
            "listen = 127.0.0.1",
            "protocols = imap",
            "mail_location = maildir:~/Maildir",
            "disable_plaintext_auth = no",
            "auth_mechanisms = plain login",
            "auth_verbose = yes",
            f"first_valid_uid = {self.uid}",
            f"first_valid_gid = {self.gid}",
            "last_valid_uid = 0",
            "mail_max_userip_connections = 100",
            *tls_lines,
            "passdb {",
            "  driver = passwd-file",
            f"  args = scheme=PLAIN {self.users_dir}/%n",
            "}",
            "userdb {",
            "  driver = passwd-file",
            f"  args = {self.users_dir}/%n",
            "}",
            "service imap-login {",
            "  inet_listener imap {",
            "    address = 127.0.0.1",
            f"    port = {self.port}",
            "  }",
            "  inet_listener imaps {",
            "    address = 127.0.0.1",
            f"    port = {self.tls_port}",
            f"    ssl = {'yes' if self.tls else 'no'}",
            "  }",
        ]
        if not self.root_mode:
            lines += ["  chroot ="]
        lines += ["}"]
        if not self.root_mode:
            me = pwd.getpwuid(self.uid).pw_name
            group = grp.getgrgid(self.gid).gr_name
            lines += [
                f"default_internal_user = {me}",
                f"default_internal_group = {group}",
                f"default_login_user = {me}",
                "service anvil {",
                "  chroot =",
                "}",
            ]
        self.conf.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def _make_cert(self) -> None:
        if self.cert.exists():
            return
        # A self-signed certificate for 127.0.0.1/localhost; clients trust it via `cafile`.
        cmd = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
               "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
               "-keyout", str(self.key), "-out", str(self.cert)]
        res = subprocess.run(cmd, capture_output=True, timeout=60)
        if res.returncode != 0:
            raise DovecotError(f"openssl could not make a test certificate: {res.stderr.decode(errors='replace')}")
        os.chmod(self.key, 0o600)

    # -- life cycle
    def log_text(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no log written)"

    def _fail(self, what: str) -> DovecotError:
        out = ""
        if self.proc is not None and self.proc.poll() is not None and self.proc.stdout is not None:
            out = self.proc.stdout.read().decode(errors="replace")
        return DovecotError(
            f"Dovecot test server: {what}\n--- config {self.conf}\n{self.conf.read_text() if self.conf.exists() else ''}"
            f"\n--- output\n{out}\n--- log {self.log_path}\n{self.log_text()}")

    def start(self, timeout: float = 15.0) -> None:
        if not Path(DOVECOT).exists():
            raise DovecotError(f"`dovecot` not found: {INSTALL_HINT}")
        if not self.conf.exists():
            self._write_config()
        # Own session and process group, so stop() can signal the master and all its children.
        self.proc = subprocess.Popen([DOVECOT, "-F", "-c", str(self.conf)], stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        last_error = "no greeting"
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise self._fail(f"dovecot exited with status {self.proc.returncode}")
            try:
                with socket.create_connection((self.host, self.port), timeout=1) as s:
                    greeting = s.recv(200)
                if greeting.startswith(b"* OK"):
                    break
                last_error = f"unexpected greeting {greeting!r}"
            except OSError as exc:
                last_error = str(exc)
            time.sleep(0.02)
        else:
            self.stop()
            raise self._fail(f"no `* OK` greeting on port {self.port} within {timeout}s ({last_error})")
        # A login-only check lies (LOGIN answers OK when the mail uid is unusable): SELECT too.
        probe = self.add_user("probe")
        try:
            with self.client(probe) as c:
                c.select_folder("INBOX")
        except Exception as exc:
            self.stop()
            raise self._fail(f"LOGIN + SELECT failed: {exc!r}") from exc

    def stop(self, timeout: float = 5.0) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                proc.wait(timeout)
        # Children (imap, auth) that outlived the master also die with the group.
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        if proc.stdout is not None:
            proc.stdout.close()

    def restart(self) -> None:
        self.stop()
        self.start()

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    # -- users and mail
    def add_user(self, prefix: str = "user", password: str | None = None) -> MailUser:
        """A fresh account with its own empty Maildir (tests isolate themselves by user)."""
        name = f"{prefix}{next(self._names)}"
        password = password or f"pw-{name}-{os.urandom(4).hex()}"
        home = self.homes / name
        (home / "Maildir").mkdir(parents=True, exist_ok=True)
        if self.root_mode:
            for p in (home, home / "Maildir"):
                os.chown(p, self.uid, self.gid)
        entry = self.users_dir / name
        entry.write_text(f"{name}:{{PLAIN}}{password}:{self.uid}:{self.gid}::{home}::\n", encoding="utf-8")
        if self.root_mode:
            os.chmod(entry, 0o644)
        return MailUser(name, password, home)

    def client(self, user: MailUser, timeout: float = 10.0) -> IMAPClient:
        c = IMAPClient(self.host, port=self.port, ssl=False, timeout=timeout)
        c.normalise_times = False
        c.login(user.name, user.password)
        return c

    def append(self, user: MailUser, raw: bytes, folder: str = "INBOX", flags: Iterable[bytes] = (),
               when: datetime | None = None) -> int:
        """APPEND one message (INTERNALDATE = `when`, which must be aware) and return its UID."""
        if when is not None and when.tzinfo is None:
            raise ValueError("APPEND time must be timezone-aware")
        with self.client(user) as c:
            if not c.folder_exists(folder):
                c.create_folder(folder)
            resp = c.append(folder, raw, flags=tuple(flags), msg_time=when)
        m = re.search(rb"APPENDUID \d+ (\d+)", resp if isinstance(resp, bytes) else str(resp).encode())
        if not m:
            raise DovecotError(f"APPEND answered without APPENDUID: {resp!r}")
        return int(m.group(1))

    def folder_uids(self, user: MailUser, folder: str = "INBOX") -> list[int]:
        with self.client(user) as c:
            if not c.folder_exists(folder):
                return []
            c.select_folder(folder, readonly=True)
            return sorted(int(u) for u in c.search(["ALL"]))

    def folder_messages(self, user: MailUser, folder: str = "INBOX") -> list[bytes]:
        with self.client(user) as c:
            if not c.folder_exists(folder):
                return []
            c.select_folder(folder, readonly=True)
            uids = c.search(["ALL"])
            data = c.fetch(uids, ["BODY.PEEK[]"]) if uids else {}
            return [data[u][b"BODY[]"] for u in sorted(data)]

    def uidvalidity(self, user: MailUser, folder: str = "INBOX") -> int:
        with self.client(user) as c:
            return int(c.folder_status(folder, [b"UIDVALIDITY"])[b"UIDVALIDITY"])

    def doveadm(self, *args: str) -> str:
        res = subprocess.run([DOVEADM, "-c", str(self.conf), *args], capture_output=True, timeout=30)
        if res.returncode != 0:
            raise DovecotError(f"doveadm {' '.join(args)} failed ({res.returncode}): "
                               f"{res.stderr.decode(errors='replace')}\n--- log\n{self.log_text()}")
        return res.stdout.decode(errors="replace")

    def set_uidvalidity(self, user: MailUser, value: int, folder: str = "INBOX") -> None:
        self.doveadm("mailbox", "update", "-u", user.name, "--uid-validity", str(value), folder)

    def kick(self, user: MailUser) -> None:
        """Drop every open session of `user`, as a server restart or a network cut would."""
        self.doveadm("kick", user.name)


def make_server_root() -> Path:
    # Not pytest's tmp_path: its parents are 0700 and the mail uid could not reach the homes.
    return Path(tempfile.mkdtemp(prefix="baocao-dovecot-"))


def running_server(tls: bool = True) -> Iterator[Dovecot]:
    """Start a server, yield it, stop it and remove its files (keep them with BAOCAO_KEEP_DOVECOT=1)."""
    root = make_server_root()
    server = Dovecot(root, tls=tls)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        if not os.environ.get("BAOCAO_KEEP_DOVECOT"):
            shutil.rmtree(root, ignore_errors=True)


try:
    import pytest
except ImportError:  # the benchmark runs without pytest
    pass
else:
    @pytest.fixture(scope="session", name="dovecot")
    def dovecot_fixture() -> Iterator[Dovecot]:
        """The session's Dovecot, as fixture `dovecot`: `from tests.dovecot import dovecot_fixture`
        in a test module or conftest (the import name differs, so ruff sees no redefinition)."""
        yield from running_server()
