"""Sign-in sessions in the database (data_access.accounts) on SQLite and PostgreSQL: a one-time hand-over code
becomes a cookie token whose hash alone is stored; sign-out, idle time, the end of life, and a deactivated,
deleted, locked or re-passworded account each end the session; a tampered token opens nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from argon2 import PasswordHasher
from sqlalchemy import delete, select, update

import data_access.accounts as accounts
from data_access.accounts import (close_session, create_account, open_session, redeem_handover, session_by_token,
                                  session_role)
from data_access.engine import get_engine, migrate
from data_access.schema import Akun, SesiLogin
from tests.conftest import BACKENDS, new_database_url

T0 = dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.timezone.utc)
IDLE = dt.timedelta(minutes=60)
LIFE = dt.timedelta(hours=12)


@pytest.fixture(autouse=True)
def cheap_argon2(monkeypatch):
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture(scope="module", params=BACKENDS)
def engine(request, tmp_path_factory):
    url = new_database_url(request.param, tmp_path_factory, "sesi")
    migrate(url)
    return get_engine(url)


@pytest.fixture()
def conn(engine):
    with engine.connect() as connection:
        trans = connection.begin()
        create_account(connection, "ani", "kata-sandi-panjang", "pimpinan")
        create_account(connection, "budi", "kata-sandi-panjang", "jarnas")
        yield connection
        trans.rollback()


def signed_in(conn, username="ani", at=T0):
    opened = open_session(conn, username, at, LIFE)
    token = redeem_handover(conn, opened.handover_code, at + dt.timedelta(seconds=2))
    assert token
    return opened.session_id, token


def test_the_hand_over_code_works_once_and_only_the_hash_is_stored(conn):
    opened = open_session(conn, "ani", T0, LIFE)
    token = redeem_handover(conn, opened.handover_code, T0 + dt.timedelta(seconds=5))
    assert token and redeem_handover(conn, opened.handover_code, T0 + dt.timedelta(seconds=6)) is None
    stored = conn.execute(select(SesiLogin).where(SesiLogin.id == opened.session_id)).one()
    assert token not in (stored.token_hash, stored.kode_hash) and opened.handover_code != stored.token_hash
    assert stored.kode_hash is None and len(stored.token_hash) == 64
    info = session_by_token(conn, token, T0 + dt.timedelta(minutes=1), IDLE)
    assert (info.session_id, info.username, info.role) == (opened.session_id, "ani", "pimpinan")


def test_a_late_hand_over_code_is_refused(conn):
    opened = open_session(conn, "ani", T0, LIFE)
    assert redeem_handover(conn, opened.handover_code, T0 + dt.timedelta(seconds=61)) is None


@pytest.mark.parametrize("tamper", [
    lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),  # one character changed
    lambda t: t + "x",
    lambda t: "",
    lambda t: "x" * 500,
])
def test_a_tampered_token_opens_nothing(conn, tamper):
    _, token = signed_in(conn)
    assert session_by_token(conn, tamper(token), T0 + dt.timedelta(minutes=1), IDLE) is None
    assert session_by_token(conn, token, T0 + dt.timedelta(minutes=1), IDLE) is not None


def _deactivate(conn):
    conn.execute(update(Akun).where(Akun.username == "ani").values(aktif=False))


def _delete(conn):
    conn.execute(delete(Akun).where(Akun.username == "ani"))


def _lock(conn):
    conn.execute(update(Akun).where(Akun.username == "ani").values(terkunci_sampai=T0 + dt.timedelta(hours=1)))


def _new_password(conn):
    create_account(conn, "ani", "kata-sandi-baru-panjang", "pimpinan", replace=True)


@pytest.mark.parametrize("end", [_deactivate, _delete, _lock, _new_password,
                                 lambda conn: close_session(conn, conn.info["sid"])],
                         ids=["deactivated", "deleted", "locked", "new-password", "signed-out"])
def test_the_session_ends_with_its_account_or_sign_out(conn, end):
    sid, token = signed_in(conn)
    other_sid, other_token = signed_in(conn, "budi")
    later = T0 + dt.timedelta(minutes=5)
    assert session_role(conn, sid, later, IDLE) == "pimpinan"
    conn.info["sid"] = sid
    end(conn)
    assert session_role(conn, sid, later, IDLE) is None
    assert session_by_token(conn, token, later, IDLE) is None
    assert session_role(conn, other_sid, later, IDLE) == "jarnas", "other accounts' sessions are untouched"
    assert session_by_token(conn, other_token, later, IDLE) is not None


def test_idle_time_and_end_of_life(conn):
    sid, token = signed_in(conn)
    # Used every 50 minutes, it lives until its end of life, then no longer.
    at = T0
    while at + dt.timedelta(minutes=50) < T0 + LIFE:
        at += dt.timedelta(minutes=50)
        assert session_role(conn, sid, at, IDLE) == "pimpinan", at
    assert session_role(conn, sid, T0 + LIFE + dt.timedelta(minutes=1), IDLE) is None
    # Left alone longer than the idle limit, it ends.
    sid2, token2 = signed_in(conn, at=T0)
    assert session_by_token(conn, token2, T0 + IDLE + dt.timedelta(minutes=2), IDLE) is None
    assert session_role(conn, sid2, T0 + IDLE + dt.timedelta(minutes=2), IDLE) is None
