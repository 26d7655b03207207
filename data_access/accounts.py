"""Local accounts: create, verify with argon2, and throttle failed logins (state in the database, so it
holds across replicas)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, delete, func, select, update

from data_access.schema import Akun
from domain.access import INTERNAL_ROLES, LockoutRule

_hasher = PasswordHasher()
# Verifying against a dummy hash when the user does not exist keeps timing from revealing usernames.
_DUMMY_HASH = _hasher.hash("tidak-ada-pengguna")


# Lower-case letters, digits, dot, underscore, hyphen: safe in logs, audit trails and shell commands.
USERNAME_PATTERN = re.compile(r"[a-z0-9_.-]{3,32}")
USERNAME_RULE = ("Nama pengguna wajib diisi: 3–32 karakter, hanya huruf kecil a–z, angka, titik, garis bawah atau "
                 "tanda hubung (mis. admin_bp2mi).")


class AccountExists(ValueError):
    """create_account without replace=True on a name that is taken."""


@dataclass(frozen=True)
class LoginResult:
    ok: bool
    role: str | None = None
    locked_until: dt.datetime | None = None


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


def verify_login(conn: Connection, username: str, password: str, now: dt.datetime,
                 rule: LockoutRule = LockoutRule()) -> LoginResult:
    row = conn.execute(
        select(Akun.password_hash, Akun.peran, Akun.gagal_login, Akun.terkunci_sampai)
        .where(Akun.username == username, Akun.aktif.is_(True))
    ).first()
    if row is None:
        try:
            _hasher.verify(_DUMMY_HASH, password + "x")
        except VerificationError:
            pass
        return LoginResult(ok=False)
    locked = _aware(row.terkunci_sampai)
    if locked and locked > now:
        return LoginResult(ok=False, locked_until=locked)
    try:
        _hasher.verify(row.password_hash, password)
    except (VerificationError, InvalidHashError):
        failures = row.gagal_login + 1
        until = rule.locked_until(failures, now)
        conn.execute(update(Akun).where(Akun.username == username)
                     .values(gagal_login=0 if until else failures, terkunci_sampai=until))
        return LoginResult(ok=False, locked_until=until)
    conn.execute(update(Akun).where(Akun.username == username).values(gagal_login=0, terkunci_sampai=None))
    return LoginResult(ok=True, role=row.peran)


def delete_demo_accounts(conn: Connection) -> None:
    conn.execute(delete(Akun).where(Akun.demo.is_(True)))
