"""Account administration for manage.py and the Kelola Data page: list, create or replace, reset a password,
deactivate, reactivate, delete, unlock. Each action is one transaction with its audit row, and every action that
takes access away (deactivate, delete, reset; a lock in data_access.accounts) deletes the account's sessions, so
a later reactivation or unlock never revives a cookie opened before it.

The audit trail is import_batch (jenis "akun", status "catatan"), not a table of its own: it is already the one
trail admins read (Kelola Data's history tab, `manage.py batches`) with who, when, what and a SHA-256, and a second
table would need a migration, a second list on the page and a second listing command for the same question (who
changed what, when). What that costs, a row in a table named for imports, stays contained: "catatan" is never the
"aktif" that rollback lists and looks for, and rollback_batch refuses jenis "akun" by name."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from data_access.accounts import close_sessions_of, create_account, set_password, unlock_account
from data_access.schema import Akun, ImportBatch, SesiLogin
from domain.access import (ACCOUNT_AUDIT_KIND, ADMIN_ROLE, AUDIT_NOTE, MIN_PASSWORD_LENGTH, SELF_FORBIDDEN,
                           AccountState, account_audit_label, removes_last_admin)

ACCOUNT_COLUMNS = ["username", "peran", "aktif", "terkunci_sampai", "demo", "dibuat", "sesi"]


class AccountRefused(Exception):
    """The action was not carried out and nothing changed. reason names the sentence (strings/akun.py,
    "akun.refused.<reason>"): unknown, last_admin, self, short_password, exists."""

    def __init__(self, reason: str, username: str):
        super().__init__(f"{reason}: {username}")
        self.reason = reason
        self.username = username


@dataclass(frozen=True)
class AccountChange:
    """What an action did: batch_id is its audit row (None when there was nothing to do)."""

    action: str
    username: str
    role: str
    batch_id: int | None
    sessions_closed: int = 0
    active: bool = True


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    # SQLite returns naive datetimes; they were written in UTC.
    return value.replace(tzinfo=dt.timezone.utc) if value is not None and value.tzinfo is None else value


def list_accounts(conn: Connection, now: dt.datetime) -> pd.DataFrame:
    """Every account, by name: username, peran, aktif, terkunci_sampai (aware UTC, None when not locked now), demo,
    dibuat, sesi (sign-in sessions not yet past their end). Never a hash; the last sign-in is not stored."""
    open_sessions = (select(SesiLogin.username, func.count().label("sesi")).where(SesiLogin.berakhir > _at(conn, now))
                     .group_by(SesiLogin.username).subquery())
    rows = conn.execute(
        select(Akun.username, Akun.peran, Akun.aktif, Akun.terkunci_sampai, Akun.demo, Akun.dibuat,
               func.coalesce(open_sessions.c.sesi, 0))
        .outerjoin(open_sessions, open_sessions.c.username == Akun.username).order_by(Akun.username)).all()
    frame = pd.DataFrame([tuple(r) for r in rows], columns=ACCOUNT_COLUMNS)
    locked = [_aware(v) for v in frame["terkunci_sampai"]]
    frame["terkunci_sampai"] = pd.Series([v if v is not None and v > now else None for v in locked], dtype=object)
    frame["dibuat"] = pd.Series([_aware(v) for v in frame["dibuat"]], dtype=object)
    frame["aktif"] = frame["aktif"].astype(bool)
    frame["demo"] = frame["demo"].astype(bool)
    frame["sesi"] = frame["sesi"].astype(int)
    return frame


def _at(conn: Connection, now: dt.datetime) -> dt.datetime:
    # SQLite stores naive UTC text; an aware value would compare as different text.
    return now.astimezone(dt.timezone.utc).replace(tzinfo=None) if conn.dialect.name == "sqlite" else now


def _state(conn: Connection, username: str) -> AccountState | None:
    row = conn.execute(select(Akun.username, Akun.peran, Akun.aktif, Akun.demo).where(Akun.username == username)
                       .with_for_update()).first()
    return None if row is None else AccountState(row.username, row.peran, bool(row.aktif), bool(row.demo))


def _active_real_admins(conn: Connection) -> int:
    # FOR UPDATE (PostgreSQL): two admins removing each other at once wait for one another, so one of them is
    # refused instead of both succeeding. SQLite lets one writer in at a time anyway.
    return len(conn.execute(select(Akun.username).where(
        Akun.peran == ADMIN_ROLE, Akun.aktif.is_(True), Akun.demo.is_(False)).with_for_update()).all())


def _existing(conn: Connection, username: str, action: str, acting: str | None,
              new_role: str | None = None) -> AccountState:
    """The account, after the checks every action shares; AccountRefused otherwise."""
    if acting is not None and acting == username and action in SELF_FORBIDDEN:
        raise AccountRefused("self", username)
    state = _state(conn, username)
    if state is None:
        raise AccountRefused("unknown", username)
    if action in ("deactivate", "delete", "replace") and removes_last_admin(state, _active_real_admins(conn),
                                                                              new_role):
        raise AccountRefused("last_admin", username)
    return state


def _audit(conn: Connection, action: str, username: str, role: str, by: str, now: dt.datetime) -> int:
    """One audit row; its SHA-256 is of the action's text (who, what, when), never of a password or hash."""
    label = account_audit_label(action, username, role)
    actor = (by or "?").strip()[:80] or "?"
    digest = hashlib.sha256(f"{label}\n{actor}\n{now.isoformat()}".encode()).hexdigest()
    return conn.execute(insert(ImportBatch).returning(ImportBatch.id), {
        "jenis": ACCOUNT_AUDIT_KIND, "nama_file": label[:255], "sha256": digest, "oleh": actor, "waktu": now,
        "baris_tambah": 1 if action == "create" else 0, "baris_ubah": 0 if action == "create" else 1,
        "baris_sama": 0, "status": AUDIT_NOTE,
    }).scalar_one()


def create_user(conn: Connection, username: str, password: str, role: str, by: str, now: dt.datetime,
                replace: bool = False) -> AccountChange:
    """create_account with its audit row; replacing (the password reset of manage.py) ends the old sessions and
    may not take the role admin_data from the last real admin. ValueError for a bad name, role or password."""
    state = _state(conn, username)
    if state is not None and replace:
        _existing(conn, username, "replace", None, new_role=role)
    sessions = close_sessions_of(conn, username) if state is not None and replace else 0
    create_account(conn, username, password, role, replace=replace)
    action = "replace" if state is not None else "create"
    return AccountChange(action, username, role, _audit(conn, action, username, role, by, now), sessions,
                         active=state is None or state.active)


def reset_password(conn: Connection, username: str, password: str, by: str, now: dt.datetime) -> AccountChange:
    """A new password (role and active kept); every session of the account ends and a lock is lifted."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountRefused("short_password", username)
    state = _existing(conn, username, "reset_password", None)
    sessions = close_sessions_of(conn, username)
    set_password(conn, username, password)
    return AccountChange("reset_password", username, state.role,
                         _audit(conn, "reset_password", username, state.role, by, now), sessions, state.active)


def deactivate_user(conn: Connection, username: str, by: str, now: dt.datetime,
                    acting: str | None = None) -> AccountChange:
    """The account can no longer sign in and its sessions are deleted (not paused): reactivating it later opens
    none of them again. An already inactive account is left as it is (no audit row)."""
    state = _existing(conn, username, "deactivate", acting)
    sessions = close_sessions_of(conn, username)
    if not state.active:
        return AccountChange("deactivate", username, state.role, None, sessions, active=False)
    conn.execute(update(Akun).where(Akun.username == username).values(aktif=False))
    return AccountChange("deactivate", username, state.role, _audit(conn, "deactivate", username, state.role, by, now),
                         sessions, active=False)


def reactivate_user(conn: Connection, username: str, by: str, now: dt.datetime,
                    acting: str | None = None) -> AccountChange:
    """The account may sign in again (with a new sign-in: its old sessions were deleted when it was deactivated)."""
    state = _existing(conn, username, "reactivate", acting)
    if state.active:
        return AccountChange("reactivate", username, state.role, None)
    conn.execute(update(Akun).where(Akun.username == username).values(aktif=True))
    return AccountChange("reactivate", username, state.role, _audit(conn, "reactivate", username, state.role, by, now))


def delete_user(conn: Connection, username: str, by: str, now: dt.datetime,
                acting: str | None = None) -> AccountChange:
    """The account and its sessions are deleted; the name may be created again later, with no old session."""
    state = _existing(conn, username, "delete", acting)
    sessions = close_sessions_of(conn, username)
    conn.execute(delete(Akun).where(Akun.username == username))
    return AccountChange("delete", username, state.role, _audit(conn, "delete", username, state.role, by, now),
                         sessions, active=False)


def unlock_user(conn: Connection, username: str, by: str, now: dt.datetime,
                acting: str | None = None) -> AccountChange:
    """Lift a sign-in lock and reset the failure count (the sessions were deleted when it locked)."""
    state = _existing(conn, username, "unlock", acting)
    unlock_account(conn, username)
    return AccountChange("unlock", username, state.role, _audit(conn, "unlock", username, state.role, by, now),
                         active=state.active)


_ACTIONS = {"deactivate": deactivate_user, "reactivate": reactivate_user, "delete": delete_user,
            "unlock": unlock_user}
PAGE_ACTIONS = ("deactivate", "reactivate", "delete", "reset_password", "unlock")


def apply_account_action(engine: Engine, action: str, username: str, by: str, *, acting: str | None = None,
                         password: str | None = None, now: dt.datetime | None = None) -> AccountChange:
    """One of PAGE_ACTIONS in its own transaction (the page's and the CLI's entry point); AccountRefused changes
    nothing."""
    now = now or dt.datetime.now(dt.timezone.utc)
    with engine.begin() as conn:
        if action == "reset_password":
            return reset_password(conn, username, password or "", by, now)
        return _ACTIONS[action](conn, username, by, now, acting)


def get_accounts() -> pd.DataFrame:
    """list_accounts on the configured database, read fresh every time: uncached on purpose, because a lock, a
    sign-in or another admin's change must show at once, and the table is a few rows on one admin page."""
    from data_access.engine import connect

    with connect() as conn:
        return list_accounts(conn, dt.datetime.now(dt.timezone.utc))


def account_action(action: str, username: str, by: str, *, acting: str | None = None,
                   password: str | None = None) -> AccountChange:
    """apply_account_action on the configured database."""
    from data_access.engine import get_engine

    return apply_account_action(get_engine(), action, username, by, acting=acting, password=password)
