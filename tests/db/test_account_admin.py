"""Account administration (data_access.account_admin) on SQLite and PostgreSQL: each action and its audit row in
import_batch (never a password or hash), the last real admin kept, no admin removing their own account, rollback
refusing account records, and session revocation: a session opened before a deactivation, lock, deletion or new
password stays dead after the account is reactivated, unlocked or created again (issue 23)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from argon2 import PasswordHasher
from sqlalchemy import delete, select

import data_access.accounts as accounts
from data_access.account_admin import (AccountRefused, apply_account_action, create_user, list_accounts,
                                       reset_password)
from data_access.accounts import create_account, login, open_session, redeem_handover, session_by_token
from data_access.engine import get_engine, migrate
from data_access.importing import RollbackRefused, rollback_batch
from data_access.schema import Akun, ImportBatch, SesiLogin
from tests.conftest import BACKENDS, new_database_url

PASSWORD = "kata-sandi-panjang"
NEW_PASSWORD = "kata-sandi-baru-panjang"
IDLE = dt.timedelta(minutes=60)
LIFE = dt.timedelta(hours=12)


def _now() -> dt.datetime:
    # Real time: apply_account_action stamps its audit row with it, and sessions must not be past their end.
    return dt.datetime.now(dt.timezone.utc)


@pytest.fixture(autouse=True)
def cheap_argon2(monkeypatch):
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture(scope="module", params=BACKENDS)
def engine(request, tmp_path_factory):
    url = new_database_url(request.param, tmp_path_factory, "akun")
    migrate(url)
    return get_engine(url)


@pytest.fixture(autouse=True)
def people(engine):
    """Two real admins, a demo admin, and ani (pimpinan); emptied again after each test."""
    with engine.begin() as conn:
        create_account(conn, "kepala", PASSWORD, "admin_data")
        create_account(conn, "wakil", PASSWORD, "admin_data")
        create_account(conn, "admin_data", "demo-admin_data", "admin_data", demo=True)
        create_account(conn, "ani", PASSWORD, "pimpinan")
    yield
    with engine.begin() as conn:
        for table in (SesiLogin, Akun, ImportBatch):
            conn.execute(delete(table))


def audit_rows(engine) -> list:
    with engine.connect() as conn:
        return conn.execute(select(ImportBatch).order_by(ImportBatch.id)).all()


def account(engine, username: str):
    with engine.connect() as conn:
        return conn.execute(select(Akun).where(Akun.username == username)).first()


def signed_in(engine, username: str = "ani") -> str:
    """A browser session of the account, as the sign-in page opens it: the cookie token."""
    now = _now()
    with engine.begin() as conn:
        opened = open_session(conn, username, now, LIFE)
        token = redeem_handover(conn, opened.handover_code, now)
    assert token
    return token


def usable(engine, token: str) -> bool:
    with engine.begin() as conn:
        return session_by_token(conn, token, _now() + dt.timedelta(seconds=1), IDLE) is not None


# ---------------------------------------------------------------- each action, audited
@pytest.mark.parametrize(("action", "label", "check"), [
    ("deactivate", "Akun ani (pimpinan): dinonaktifkan", lambda row: not row.aktif),
    ("reactivate", "Akun ani (pimpinan): diaktifkan kembali", lambda row: row.aktif),
    ("delete", "Akun ani (pimpinan): dihapus", lambda row: row is None),
    ("unlock", "Akun ani (pimpinan): kunci dibuka", lambda row: row.terkunci_sampai is None and row.gagal_login == 0),
    ("reset_password", "Akun ani (pimpinan): kata sandi diatur ulang", lambda row: row.aktif),
])
def test_each_action_changes_the_account_and_writes_one_audit_row(engine, action, label, check):
    if action == "reactivate":
        apply_account_action(engine, "deactivate", "ani", "penguji")
    before = len(audit_rows(engine))
    change = apply_account_action(engine, action, "ani", "penguji", password=NEW_PASSWORD)
    assert check(account(engine, "ani"))
    rows = audit_rows(engine)
    assert len(rows) == before + 1 and rows[-1].id == change.batch_id
    row = rows[-1]
    assert (row.jenis, row.status, row.nama_file, row.oleh) == ("akun", "catatan", label, "penguji")
    assert re.fullmatch(r"[0-9a-f]{64}", row.sha256)


def test_create_and_replace_are_audited_and_the_trail_holds_no_password_or_hash(engine):
    with engine.begin() as conn:
        made = create_user(conn, "budi", PASSWORD, "jarnas", "penguji", _now())
        replaced = create_user(conn, "budi", NEW_PASSWORD, "pimpinan", "penguji", _now(), replace=True)
    assert (made.action, replaced.action) == ("create", "replace")
    with engine.begin() as conn:
        reset_password(conn, "budi", PASSWORD + "!", "penguji", _now())
    stored_hash = account(engine, "budi").password_hash
    rows = audit_rows(engine)
    assert [r.nama_file for r in rows] == ["Akun budi (jarnas): dibuat", "Akun budi (pimpinan): diganti (kata sandi "
                                           "dan peran)", "Akun budi (pimpinan): kata sandi diatur ulang"]
    assert [(r.baris_tambah, r.baris_ubah) for r in rows] == [(1, 0), (0, 1), (0, 1)]
    text = " ".join(str(value) for r in rows for value in r)
    for secret in (PASSWORD, NEW_PASSWORD, PASSWORD + "!", stored_hash, "$argon2"):
        assert secret not in text


def test_replacing_keeps_an_inactive_account_inactive(engine):
    apply_account_action(engine, "deactivate", "ani", "penguji")
    with engine.begin() as conn:
        change = create_user(conn, "ani", NEW_PASSWORD, "pimpinan", "penguji", _now(), replace=True)
    assert not change.active and not account(engine, "ani").aktif


def test_an_inactive_account_is_left_alone_without_an_audit_row(engine):
    apply_account_action(engine, "deactivate", "ani", "penguji")
    before = len(audit_rows(engine))
    assert apply_account_action(engine, "deactivate", "ani", "penguji").batch_id is None
    apply_account_action(engine, "reactivate", "ani", "penguji")
    assert apply_account_action(engine, "reactivate", "ani", "penguji").batch_id is None
    assert len(audit_rows(engine)) == before + 1


# ---------------------------------------------------------------- refusals change nothing
def _snapshot(engine) -> tuple:
    with engine.connect() as conn:
        people = conn.execute(select(Akun.username, Akun.peran, Akun.aktif, Akun.password_hash)
                              .order_by(Akun.username)).all()
        return tuple(map(tuple, people)), len(conn.execute(select(ImportBatch.id)).all())


@pytest.mark.parametrize("action", ["deactivate", "reactivate", "delete", "unlock", "reset_password"])
def test_an_unknown_account_is_refused(engine, action):
    before = _snapshot(engine)
    with pytest.raises(AccountRefused) as info:
        apply_account_action(engine, action, "tidak.ada", "penguji", password=NEW_PASSWORD)
    assert info.value.reason == "unknown" and _snapshot(engine) == before


def test_a_short_new_password_is_refused(engine):
    before = _snapshot(engine)
    with pytest.raises(AccountRefused) as info:
        apply_account_action(engine, "reset_password", "ani", "penguji", password="pendek")
    assert info.value.reason == "short_password" and _snapshot(engine) == before


@pytest.mark.parametrize("action", ["deactivate", "delete"])
def test_the_last_real_admin_is_kept(engine, action):
    apply_account_action(engine, "delete", "wakil", "penguji")  # kepala is now the only real admin
    before = _snapshot(engine)
    with pytest.raises(AccountRefused) as info:
        apply_account_action(engine, action, "kepala", "penguji")
    assert info.value.reason == "last_admin" and _snapshot(engine) == before
    # A demo admin does not count (the first real import deletes it), and may itself go.
    apply_account_action(engine, action, "admin_data", "penguji")


def test_the_last_real_admin_keeps_the_role_on_replace(engine):
    apply_account_action(engine, "deactivate", "wakil", "penguji")
    before = _snapshot(engine)
    with engine.begin() as conn, pytest.raises(AccountRefused, match="last_admin"):
        create_user(conn, "kepala", NEW_PASSWORD, "jarnas", "penguji", _now(), replace=True)
    assert _snapshot(engine) == before
    with engine.begin() as conn:  # a new password with the same role is a plain reset
        create_user(conn, "kepala", NEW_PASSWORD, "admin_data", "penguji", _now(), replace=True)


@pytest.mark.parametrize("action", ["deactivate", "delete"])
def test_an_admin_cannot_remove_their_own_account(engine, action):
    before = _snapshot(engine)
    with pytest.raises(AccountRefused) as info:
        apply_account_action(engine, action, "kepala", "kepala", acting="kepala")
    assert info.value.reason == "self" and _snapshot(engine) == before
    apply_account_action(engine, action, "kepala", "wakil", acting="wakil")  # another admin may


def test_rollback_refuses_an_account_record(engine):
    change = apply_account_action(engine, "deactivate", "ani", "penguji")
    with pytest.raises(RollbackRefused, match="bukan impor"):
        rollback_batch(engine, change.batch_id, "penguji")
    assert not account(engine, "ani").aktif and audit_rows(engine)[-1].status == "catatan"


def test_list_accounts_shows_state_sessions_and_no_hash(engine):
    signed_in(engine, "ani")
    apply_account_action(engine, "deactivate", "wakil", "penguji")
    with engine.connect() as conn:
        listed = list_accounts(conn, _now())
    assert listed["username"].tolist() == ["admin_data", "ani", "kepala", "wakil"]
    assert "password_hash" not in listed.columns
    by_name = listed.set_index("username")
    assert by_name.loc["ani", "sesi"] == 1 and by_name.loc["kepala", "sesi"] == 0
    assert not by_name.loc["wakil", "aktif"] and by_name.loc["admin_data", "demo"]
    assert by_name.loc["ani", "terkunci_sampai"] is None and by_name.loc["ani", "dibuat"].tzinfo is not None


# ---------------------------------------------------------------- session revocation
def _lock(engine) -> None:
    for _ in range(5):
        assert not login(engine, "ani", "salah", _now()).ok
    assert account(engine, "ani").terkunci_sampai is not None


def _deactivate_then_reactivate(engine) -> None:
    apply_account_action(engine, "deactivate", "ani", "penguji")
    apply_account_action(engine, "reactivate", "ani", "penguji")


def _lock_then_unlock(engine) -> None:
    _lock(engine)
    apply_account_action(engine, "unlock", "ani", "penguji")


def _delete_then_create_again(engine) -> None:
    apply_account_action(engine, "delete", "ani", "penguji")
    with engine.begin() as conn:
        create_user(conn, "ani", PASSWORD, "pimpinan", "penguji", _now())


def _reset(engine) -> None:
    apply_account_action(engine, "reset_password", "ani", "penguji", password=NEW_PASSWORD)


def _replace(engine) -> None:
    with engine.begin() as conn:
        create_user(conn, "ani", NEW_PASSWORD, "pimpinan", "penguji", _now(), replace=True)


@pytest.mark.parametrize("revoke", [_deactivate_then_reactivate, _lock_then_unlock, _delete_then_create_again,
                                    _reset, _replace],
                         ids=["deactivate-reactivate", "lock-unlock", "delete-recreate", "reset", "replace"])
def test_an_old_session_stays_dead_after_the_account_is_usable_again(engine, revoke):
    token = signed_in(engine)
    other = signed_in(engine, "kepala")
    assert usable(engine, token)
    revoke(engine)
    assert login(engine, "ani", NEW_PASSWORD if revoke in (_reset, _replace) else PASSWORD, _now()).ok, \
        "the account itself works again"
    assert not usable(engine, token), "the cookie from before is dead for good"
    with engine.connect() as conn:
        assert conn.execute(select(SesiLogin).where(SesiLogin.username == "ani")).first() is None
    assert usable(engine, other), "other accounts' sessions are untouched"


def test_a_lock_deletes_the_sessions_even_before_it_ends(engine):
    token = signed_in(engine)
    _lock(engine)
    with engine.connect() as conn:
        assert conn.execute(select(SesiLogin).where(SesiLogin.username == "ani")).first() is None
    assert not usable(engine, token)
