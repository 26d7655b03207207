"""Local accounts: create, verify with argon2, and throttle failed logins (state in the database, so it
holds across replicas)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Engine, delete, func, or_, select, update

from data_access.schema import Akun
from domain.access import INTERNAL_ROLES, LockoutRule

_hasher = PasswordHasher()
_DUMMY_HASH: str | None = None


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
    """A local account; an existing name is refused (AccountExists) unless replace is set."""
    if role not in INTERNAL_ROLES:
        raise ValueError(f"Peran '{role}' tidak dikenal; pilih salah satu: {', '.join(INTERNAL_ROLES)}.")
    if len(password) < 10 and not demo:
        raise ValueError("Kata sandi minimal 10 karakter.")
    if not USERNAME_PATTERN.fullmatch(username or ""):
        raise ValueError(USERNAME_RULE)
    exists = conn.execute(select(func.count()).select_from(Akun).where(Akun.username == username)).scalar_one()
    if exists and not replace:
        raise AccountExists(f"Akun '{username}' sudah ada; tidak ada yang diubah. Gunakan --replace untuk mengganti "
                            "kata sandi dan perannya.")
    conn.execute(delete(Akun).where(Akun.username == username))
    conn.execute(Akun.__table__.insert().values(
        username=username, password_hash=_hasher.hash(password), peran=role, aktif=True, demo=demo,
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
    conn.execute(update(Akun).where(Akun.username == username, unlocked)
                 .values(gagal_login=0, terkunci_sampai=until))
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
    """verify_login in two short transactions, so the slow password check holds no lock (the app's entry point)."""
    with engine.begin() as conn:
        attempt = begin_attempt(conn, username, now)
    if attempt is not None and attempt.count <= rule.max_failures:
        ok = check_password(attempt, password)
        with engine.begin() as conn:
            until = finish_attempt(conn, username, attempt, ok, now, rule)
        return LoginResult(ok=ok, role=attempt.role if ok else None, locked_until=until, checked=True)
    with engine.begin() as conn:
        return _settle(conn, username, attempt, password, now, rule)


def account_role(conn: Connection, username: str) -> str | None:
    """The role of an active account, or None when it was deactivated or deleted (sessions re-check this)."""
    return conn.execute(select(Akun.peran).where(Akun.username == username, Akun.aktif.is_(True))).scalar()


def unlock_account(conn: Connection, username: str) -> bool:
    """Lift a lock and reset the count; False when there is no such account."""
    result = conn.execute(update(Akun).where(Akun.username == username).values(gagal_login=0, terkunci_sampai=None))
    return result.rowcount > 0


def delete_demo_accounts(conn: Connection) -> None:
    conn.execute(delete(Akun).where(Akun.demo.is_(True)))
