"""Local accounts: create, verify with argon2, and throttle failed logins (state in the database, so it
holds across replicas)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
import threading
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Engine, delete, or_, select, update

from data_access.schema import Akun, SesiLogin
from domain.access import INTERNAL_ROLES, MIN_PASSWORD_LENGTH, LockoutRule

_hasher = PasswordHasher()
_DUMMY_HASH: str | None = None

# Password checks one at a time per server process (issue 24). One argon2 check already spreads over four lanes
# (RFC 9106 low-memory: 64 MiB, p=4): 0.18 s of CPU, 0.12 s on both cores of a small server (measured here). An
# office signing in at 8:00 started twenty at once, which took every core (and 1.3 GB) from the users already at
# work for seconds. Queued, each sign-in waits its turn instead: the burst lasts as long, the pages in between stay quick,
# and the hash is not weakened. A lock, not a pool: a check holds no connection (login below).
CHECKS_AT_ONCE = 1
_checking = threading.BoundedSemaphore(CHECKS_AT_ONCE)


def _dummy_hash() -> str:
    """Verifying against a dummy hash when the user does not exist keeps timing from revealing usernames.
    Made on first use, not at import: argon2 is slow on purpose, and every manage.py command imports this module."""
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = _hasher.hash("tidak-ada-pengguna")
    return _DUMMY_HASH


# Lower-case letters, digits, dot, underscore, hyphen: safe in logs, audit trails and shell commands.
USERNAME_PATTERN = re.compile(r"[a-z0-9_.-]{3,32}")
USERNAME_RULE = ("Nama pengguna wajib diisi: 3–32 karakter, hanya huruf kecil a–z, angka, titik, garis bawah atau "
                 "tanda hubung (mis. admin_bp2mi).")


PASSWORD_RULE = f"Kata sandi minimal {MIN_PASSWORD_LENGTH} karakter."


class AccountExists(ValueError):
    """create_account without replace=True on a name that is taken."""


@dataclass(frozen=True)
class LoginResult:
    """ok and role for the session. locked_until and checked are for logs and tests only: the person signing in
    sees one message for every refusal, so nobody learns which usernames exist or are locked."""

    ok: bool
    role: str | None = None
    locked_until: dt.datetime | None = None
    checked: bool = False  # the password was compared (at most LockoutRule.max_failures times per lock)


def create_account(conn: Connection, username: str, password: str, role: str, *, demo: bool = False,
                   replace: bool = False) -> None:
    """A local account; an existing name is refused (AccountExists) unless replace is set. A replaced account keeps
    being active or not: reactivating is its own, audited action (reactivate_user)."""
    if role not in INTERNAL_ROLES:
        raise ValueError(f"Peran '{role}' tidak dikenal; pilih salah satu: {', '.join(INTERNAL_ROLES)}.")
    if len(password) < MIN_PASSWORD_LENGTH and not demo:
        raise ValueError(PASSWORD_RULE)
    if not USERNAME_PATTERN.fullmatch(username or ""):
        raise ValueError(USERNAME_RULE)
    active = conn.execute(select(Akun.aktif).where(Akun.username == username)).scalar()
    if active is not None and not replace:
        raise AccountExists(f"Akun '{username}' sudah ada; tidak ada yang diubah. Gunakan --replace untuk mengganti "
                            "kata sandi dan perannya.")
    conn.execute(delete(Akun).where(Akun.username == username))
    close_sessions_of(conn, username)  # a new password ends the sessions opened with the old one
    conn.execute(Akun.__table__.insert().values(
        username=username, password_hash=_hasher.hash(password), peran=role, aktif=active is not False, demo=demo,
        gagal_login=0, terkunci_sampai=None, dibuat=dt.datetime.now(dt.timezone.utc),
    ))


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    # SQLite returns naive datetimes; they were written in UTC.
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.timezone.utc)
    return value


def _burn(password: str) -> None:
    """Verify against a dummy hash: every refusal costs the same time, so timing does not tell them apart."""
    try:
        with _checking:  # the dummy hash too, when it is first made
            _hasher.verify(_dummy_hash(), password + "x")
    except VerificationError:
        pass


@dataclass(frozen=True)
class Attempt:
    """A sign-in attempt already counted in the database (the count includes this attempt)."""

    password_hash: str
    role: str
    count: int


def begin_attempt(conn: Connection, username: str, now: dt.datetime) -> Attempt | None:
    """Count the attempt before the password is checked, in one atomic UPDATE ... RETURNING (SQLite and
    PostgreSQL): parallel guesses each get their own number, so no more than the allowed number of passwords is
    ever compared. None: no such active account, or it is locked (the caller must not tell which)."""
    unlocked = or_(Akun.terkunci_sampai.is_(None), Akun.terkunci_sampai <= _db_time(conn, now))
    row = conn.execute(
        update(Akun).where(Akun.username == username, Akun.aktif.is_(True), unlocked)
        .values(gagal_login=Akun.gagal_login + 1)
        .returning(Akun.password_hash, Akun.peran, Akun.gagal_login)
    ).first()
    return None if row is None else Attempt(row.password_hash, row.peran, row.gagal_login)


def finish_attempt(conn: Connection, username: str, attempt: Attempt, ok: bool, now: dt.datetime,
                   rule: LockoutRule) -> dt.datetime | None:
    """Reset the count on success; lock once the count reaches the limit. Returns the lock time, if any."""
    if ok:
        conn.execute(update(Akun).where(Akun.username == username).values(gagal_login=0, terkunci_sampai=None))
        return None
    until = rule.locked_until(attempt.count, now)
    if until is None:
        return None
    unlocked = or_(Akun.terkunci_sampai.is_(None), Akun.terkunci_sampai <= _db_time(conn, now))
    # Only the first of several parallel attempts past the limit sets the lock; the others do not extend it.
    locked = conn.execute(update(Akun).where(Akun.username == username, unlocked)
                          .values(gagal_login=0, terkunci_sampai=until)).rowcount
    if locked:
        # A lock ends the account's sessions for good: otherwise the end of the lock, or an unlock, would let a
        # cookie opened before it (perhaps by whoever guessed the password) work again.
        close_sessions_of(conn, username)
    return locked_until(conn, username) or until


def _db_time(conn: Connection, now: dt.datetime) -> dt.datetime:
    # SQLite stores naive UTC text; comparing it with an aware value would compare different text forms.
    if conn.dialect.name == "sqlite":
        return now.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return now


def locked_until(conn: Connection, username: str) -> dt.datetime | None:
    return _aware(conn.execute(select(Akun.terkunci_sampai).where(Akun.username == username)).scalar())


def check_password(attempt: Attempt | None, password: str) -> bool:
    """The slow argon2 comparison; a missing attempt still costs the same time."""
    if attempt is None:
        _burn(password)
        return False
    try:
        with _checking:
            return _hasher.verify(attempt.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def verify_login(conn: Connection, username: str, password: str, now: dt.datetime,
                 rule: LockoutRule = LockoutRule()) -> LoginResult:
    """Count, check and settle one attempt on one connection (its transaction holds the row while checking)."""
    attempt = begin_attempt(conn, username, now)
    return _settle(conn, username, attempt, password, now, rule)


def _settle(conn: Connection, username: str, attempt: Attempt | None, password: str, now: dt.datetime,
            rule: LockoutRule) -> LoginResult:
    if attempt is None:
        _burn(password)
        until = locked_until(conn, username)
        return LoginResult(ok=False, locked_until=until if until and until > now else None)
    if attempt.count > rule.max_failures:
        # Parallel guesses beyond the budget are refused unchecked (and lock the account).
        _burn(password)
        return LoginResult(ok=False, locked_until=finish_attempt(conn, username, attempt, False, now, rule))
    ok = check_password(attempt, password)
    until = finish_attempt(conn, username, attempt, ok, now, rule)
    return LoginResult(ok=ok, role=attempt.role if ok else None, locked_until=until, checked=True)


def login(engine: Engine, username: str, password: str, now: dt.datetime,
          rule: LockoutRule = LockoutRule()) -> LoginResult:
    """verify_login in two short transactions with the slow argon2 work between them (the app's entry point): no
    lock and no pooled connection is held while a password, or the dummy hash of a refusal, is checked, so parallel
    sign-ins never wait for the pool (issue 24: 20 sign-ins at once timed out a pool of 5 + 5)."""
    with engine.begin() as conn:
        attempt = begin_attempt(conn, username, now)
    checked = attempt is not None and attempt.count <= rule.max_failures
    if checked:
        ok = check_password(attempt, password)
    else:  # unknown, inactive, locked or past the budget: the same time, unchecked
        _burn(password)
        ok = False
    with engine.begin() as conn:
        if attempt is None:
            until = locked_until(conn, username)
            return LoginResult(ok=False, locked_until=until if until and until > now else None)
        until = finish_attempt(conn, username, attempt, ok, now, rule)
    return LoginResult(ok=ok, role=attempt.role if ok else None, locked_until=until, checked=checked)


def account_role(conn: Connection, username: str) -> str | None:
    """The role of an active account, or None when it was deactivated or deleted (sessions re-check this)."""
    return conn.execute(select(Akun.peran).where(Akun.username == username, Akun.aktif.is_(True))).scalar()


def set_password(conn: Connection, username: str, password: str) -> bool:
    """A new password for an existing account (role, active and demo kept); lifts a lock, and ends every session
    opened with the old password. False when there is no such account; ValueError for a short password."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(PASSWORD_RULE)
    result = conn.execute(update(Akun).where(Akun.username == username).values(
        password_hash=_hasher.hash(password), gagal_login=0, terkunci_sampai=None))
    close_sessions_of(conn, username)
    return result.rowcount > 0


def unlock_account(conn: Connection, username: str) -> bool:
    """Lift a lock and reset the count; False when there is no such account."""
    result = conn.execute(update(Akun).where(Akun.username == username).values(gagal_login=0, terkunci_sampai=None))
    return result.rowcount > 0


def delete_demo_accounts(conn: Connection) -> None:
    conn.execute(delete(SesiLogin).where(SesiLogin.username.in_(select(Akun.username).where(Akun.demo.is_(True)))))
    conn.execute(delete(Akun).where(Akun.demo.is_(True)))


# ------------------------------------------------------------------ sessions that survive a reload
HANDOVER_SECONDS = 60  # the one-time code is redeemed by the browser's very next request


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _usable(conn: Connection, now: dt.datetime, idle: dt.timedelta):
    """Session not past its end nor idle too long, account active and not locked."""
    at = _db_time(conn, now)
    return (SesiLogin.berakhir > at, SesiLogin.terakhir > _db_time(conn, now - idle), Akun.aktif.is_(True),
            or_(Akun.terkunci_sampai.is_(None), Akun.terkunci_sampai <= at))


@dataclass(frozen=True)
class OpenedSession:
    """session_id names the session in the server's session state; handover_code, valid HANDOVER_SECONDS and
    once, lets the browser fetch its cookie token."""

    session_id: str
    handover_code: str


def open_session(conn: Connection, username: str, now: dt.datetime, lifetime: dt.timedelta) -> OpenedSession:
    """A new sign-in session for an account that has just proved its password (expired rows are cleared)."""
    conn.execute(delete(SesiLogin).where(SesiLogin.berakhir <= _db_time(conn, now)))
    session_id, code = secrets.token_hex(16), secrets.token_urlsafe(32)
    conn.execute(SesiLogin.__table__.insert().values(
        id=session_id, username=username, token_hash=None, kode_hash=_digest(code),
        kode_sampai=now + dt.timedelta(seconds=HANDOVER_SECONDS), dibuat=now, terakhir=now, berakhir=now + lifetime))
    return OpenedSession(session_id, code)


def redeem_handover(conn: Connection, code: str, now: dt.datetime) -> str | None:
    """The cookie token for a valid, unused hand-over code (one atomic UPDATE: a code works once), else None."""
    token = secrets.token_urlsafe(32)
    row = conn.execute(
        update(SesiLogin).where(SesiLogin.kode_hash == _digest(code), SesiLogin.kode_sampai > _db_time(conn, now))
        .values(kode_hash=None, kode_sampai=None, token_hash=_digest(token), terakhir=now)
        .returning(SesiLogin.id)
    ).first()
    return token if row is not None else None


@dataclass(frozen=True)
class SessionInfo:
    session_id: str
    username: str
    role: str


def session_by_token(conn: Connection, token: str, now: dt.datetime, idle: dt.timedelta) -> SessionInfo | None:
    """The usable session a cookie token names; None for an unknown (tampered), ended or idle one."""
    if not token or len(token) > 200:
        return None
    row = conn.execute(
        select(SesiLogin.id, SesiLogin.username, Akun.peran).join(Akun, Akun.username == SesiLogin.username)
        .where(SesiLogin.token_hash == _digest(token), *_usable(conn, now, idle))
    ).first()
    if row is None:
        return None
    _touch(conn, row.id, now)
    return SessionInfo(row.id, row.username, row.peran)


def session_role(conn: Connection, session_id: str, now: dt.datetime, idle: dt.timedelta) -> str | None:
    """The account's role while the session is usable (sessions re-check this every few seconds), else None."""
    role = conn.execute(
        select(Akun.peran).join(SesiLogin, Akun.username == SesiLogin.username)
        .where(SesiLogin.id == session_id, *_usable(conn, now, idle))
    ).scalar()
    if role is not None:
        _touch(conn, session_id, now)
    return role


def _touch(conn: Connection, session_id: str, now: dt.datetime) -> None:
    # At most one write a minute per session: idle expiry needs minutes, not seconds.
    conn.execute(update(SesiLogin).where(SesiLogin.id == session_id,
                                         SesiLogin.terakhir < _db_time(conn, now - dt.timedelta(minutes=1)))
                 .values(terakhir=now))


def close_session(conn: Connection, session_id: str) -> None:
    """Sign-out: the session ends in every tab and its cookie opens nothing any more."""
    conn.execute(delete(SesiLogin).where(SesiLogin.id == session_id))


def close_sessions_of(conn: Connection, username: str) -> int:
    return conn.execute(delete(SesiLogin).where(SesiLogin.username == username)).rowcount
