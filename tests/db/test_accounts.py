"""data_access.accounts on SQLite and PostgreSQL: salted argon2 hashes, verification, lockout and unlock."""

from __future__ import annotations

import datetime as dt

import pytest
from argon2 import PasswordHasher, extract_parameters
from sqlalchemy import select

import data_access.accounts as accounts
from data_access.accounts import create_account, delete_demo_accounts, verify_login
from data_access.engine import get_engine, migrate
from data_access.schema import Akun
from tests.conftest import BACKENDS, new_database_url

T0 = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.timezone.utc)
PASSWORD = "rahasia-yang-panjang"


@pytest.fixture(autouse=True)
def cheap_argon2(request, monkeypatch):
    """argon2id with small costs (still salted, same format): the production cost is ~0.5 s per hash here.
    test_production_hasher_parameters checks the real settings."""
    if "production" in request.node.name:
        return
    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(accounts, "_hasher", cheap)
    monkeypatch.setattr(accounts, "_DUMMY_HASH", cheap.hash("tidak-ada-pengguna"))


def test_production_hasher_parameters():
    """OWASP minimum for argon2id: m >= 19 MiB with t >= 2 (or more memory); the dummy hash costs the same,
    so a missing user takes as long as a wrong password."""
    params = extract_parameters(accounts._hasher.hash("x"))
    assert params.type.name == "ID" and params.memory_cost >= 19 * 1024 and params.time_cost >= 2
    assert extract_parameters(accounts._dummy_hash()) == params


@pytest.fixture(scope="module", params=BACKENDS)
def accounts_engine(request, tmp_path_factory):
    url = new_database_url(request.param, tmp_path_factory, "akun")
    migrate(url)
    return get_engine(url)


@pytest.fixture()
def conn(accounts_engine):
    """A transaction rolled back after each test: every test starts with no accounts."""
    with accounts_engine.connect() as connection:
        trans = connection.begin()
        yield connection
        trans.rollback()


def row(conn, username):
    return conn.execute(select(Akun).where(Akun.username == username)).one()


def test_hash_is_argon2_salted_and_never_the_password(conn):
    create_account(conn, "ani", PASSWORD, "pimpinan")
    create_account(conn, "budi", PASSWORD, "jarnas")
    a, b = row(conn, "ani"), row(conn, "budi")
    assert a.password_hash.startswith("$argon2id$") and b.password_hash.startswith("$argon2id$")
    assert a.password_hash != b.password_hash  # same password, different salt
    assert PASSWORD not in a.password_hash
    assert PasswordHasher().verify(a.password_hash, PASSWORD)
    assert (a.peran, a.aktif, a.demo, a.gagal_login, a.terkunci_sampai) == ("pimpinan", True, False, 0, None)


def test_right_and_wrong_password(conn):
    create_account(conn, "ani", PASSWORD, "admin_data")
    ok = verify_login(conn, "ani", PASSWORD, T0)
    assert (ok.ok, ok.role, ok.locked_until) == (True, "admin_data", None)
    bad = verify_login(conn, "ani", PASSWORD + "x", T0)
    assert (bad.ok, bad.role, bad.locked_until) == (False, None, None)
    assert row(conn, "ani").gagal_login == 1


@pytest.mark.parametrize("username", ["tidak_ada", "", "ANI", "ani "])
def test_unknown_user_fails_like_a_wrong_password(conn, username):
    create_account(conn, "ani", PASSWORD, "pimpinan")
    result = verify_login(conn, username, PASSWORD, T0)
    assert (result.ok, result.role, result.locked_until) == (False, None, None)


def test_inactive_account_cannot_sign_in(conn):
    create_account(conn, "ani", PASSWORD, "pimpinan")
    conn.execute(Akun.__table__.update().where(Akun.username == "ani").values(aktif=False))
    assert not verify_login(conn, "ani", PASSWORD, T0).ok


def test_five_failures_lock_for_fifteen_minutes_then_unlock(conn):
    create_account(conn, "ani", PASSWORD, "pimpinan")
    for i in range(4):
        assert verify_login(conn, "ani", "salah", T0 + dt.timedelta(seconds=i)).locked_until is None
    fifth = verify_login(conn, "ani", "salah", T0 + dt.timedelta(seconds=4))
    assert fifth.locked_until == T0 + dt.timedelta(seconds=4, minutes=15)
    # While locked even the right password fails, and says until when.
    during = verify_login(conn, "ani", PASSWORD, T0 + dt.timedelta(minutes=14))
    assert not during.ok and during.locked_until == fifth.locked_until
    after = verify_login(conn, "ani", PASSWORD, fifth.locked_until + dt.timedelta(seconds=1))
    assert after.ok and after.role == "pimpinan"
    state = row(conn, "ani")
    assert (state.gagal_login, state.terkunci_sampai) == (0, None)


def test_success_resets_the_failure_count(conn):
    create_account(conn, "ani", PASSWORD, "pimpinan")
    for _ in range(4):
        verify_login(conn, "ani", "salah", T0)
    assert verify_login(conn, "ani", PASSWORD, T0).ok
    for _ in range(4):
        assert verify_login(conn, "ani", "salah", T0).locked_until is None  # a fresh count, not 8 in a row
    assert row(conn, "ani").gagal_login == 4


def test_lock_holds_across_connections(accounts_engine):
    """The lock is state in the database, so every replica sees it."""
    with accounts_engine.begin() as c:
        create_account(c, "lintas", PASSWORD, "jarnas")
        for _ in range(5):
            verify_login(c, "lintas", "salah", T0)
    try:
        with accounts_engine.begin() as other:
            assert verify_login(other, "lintas", PASSWORD, T0 + dt.timedelta(minutes=1)).locked_until is not None
    finally:
        with accounts_engine.begin() as c:
            c.execute(Akun.__table__.delete().where(Akun.username == "lintas"))


@pytest.mark.parametrize("username, password, role, message", [
    ("ani", PASSWORD, "publik", "tidak dikenal"),
    ("ani", PASSWORD, "superuser", "tidak dikenal"),
    ("ani", "pendek", "pimpinan", "minimal 10"),
    ("", PASSWORD, "pimpinan", "wajib diisi"),
    ("a" * 61, PASSWORD, "pimpinan", "wajib diisi"),
    ("a b;drop", PASSWORD, "pimpinan", "huruf kecil"),
    ("Ani", PASSWORD, "pimpinan", "huruf kecil"),
])
def test_create_account_rejects(conn, username, password, role, message):
    with pytest.raises(ValueError, match=message):
        create_account(conn, username, password, role)
    assert conn.execute(select(Akun)).first() is None


def test_an_existing_account_is_replaced_only_on_request(conn):
    create_account(conn, "ani", PASSWORD, "pimpinan")
    with pytest.raises(accounts.AccountExists, match="--replace"):
        create_account(conn, "ani", "kata-sandi-baru-1", "jarnas")
    assert verify_login(conn, "ani", PASSWORD, T0).role == "pimpinan"
    create_account(conn, "ani", "kata-sandi-baru-1", "jarnas", replace=True)
    assert not verify_login(conn, "ani", PASSWORD, T0).ok
    assert verify_login(conn, "ani", "kata-sandi-baru-1", T0).role == "jarnas"


def test_demo_accounts_go_with_the_demo_data(conn):
    create_account(conn, "pimpinan", "demo-pimpinan", "pimpinan", demo=True)  # short demo password allowed
    create_account(conn, "ani", PASSWORD, "pimpinan")
    delete_demo_accounts(conn)
    assert [r.username for r in conn.execute(select(Akun.username))] == ["ani"]


# ---------------------------------------------------------------- issue 14: parallel guesses, one message, re-check
@pytest.mark.parametrize("through", ["verify_login", "login"])
def test_twenty_parallel_wrong_guesses_lock_after_five(accounts_engine, through):
    """Each guess is counted atomically before its password is compared: 20 parallel guesses compare at most 5
    passwords and leave the account locked (before: 16 guesses counted as 2 failures, 48 checked)."""
    from concurrent.futures import ThreadPoolExecutor

    username = f"paralel_{through}"
    with accounts_engine.begin() as c:
        create_account(c, username, PASSWORD, "admin_data", replace=True)
    barrier = __import__("threading").Barrier(20)

    def guess(i: int):
        barrier.wait()
        if through == "login":
            return accounts.login(accounts_engine, username, f"salah-{i}", T0)
        with accounts_engine.begin() as c:
            return verify_login(c, username, f"salah-{i}", T0)

    try:
        with ThreadPoolExecutor(20) as pool:
            results = list(pool.map(guess, range(20)))
        assert not any(r.ok for r in results)
        assert sum(r.checked for r in results) <= 5
        with accounts_engine.connect() as c:
            state = row(c, username)
        assert state.terkunci_sampai is not None, "the account is locked"
        with accounts_engine.begin() as c:
            assert not verify_login(c, username, PASSWORD, T0 + dt.timedelta(minutes=1)).ok
    finally:
        with accounts_engine.begin() as c:
            c.execute(Akun.__table__.delete().where(Akun.username == username))


def test_a_locked_account_is_refused_unchecked_like_an_unknown_one(conn):
    create_account(conn, "ani", PASSWORD, "pimpinan")
    for _ in range(5):
        verify_login(conn, "ani", "salah", T0)
    locked = verify_login(conn, "ani", PASSWORD, T0 + dt.timedelta(minutes=1))
    unknown = verify_login(conn, "tidak_ada", PASSWORD, T0 + dt.timedelta(minutes=1))
    assert (locked.ok, locked.role, locked.checked) == (unknown.ok, unknown.role, unknown.checked) == (
        False, None, False)


def test_account_role_follows_deactivation_and_deletion(conn):
    from data_access.accounts import account_role

    create_account(conn, "ani", PASSWORD, "jarnas")
    assert account_role(conn, "ani") == "jarnas"
    conn.execute(Akun.__table__.update().where(Akun.username == "ani").values(aktif=False))
    assert account_role(conn, "ani") is None
    conn.execute(Akun.__table__.delete().where(Akun.username == "ani"))
    assert account_role(conn, "ani") is None


# ---------------------------------------------------------------- issue 24: sign-ins never wait for the pool
def _sign_in_burst(engine, n: int) -> list:
    """n sign-ins at once through accounts.login: every sixth with a correct password (one account each), every sixth
    from the third a wrong one (one shared account: parallel attempts past its budget are refused unchecked, by
    design), the rest for unknown names. The results in order; the accounts are deleted afterwards."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    names = [f"paralel_ok_{i}" for i in range(0, n, 6)] + ["paralel_salah"]
    with engine.begin() as c:
        for name in names:
            create_account(c, name, PASSWORD, "pimpinan", replace=True)
    barrier = threading.Barrier(n)

    def sign_in(i: int):
        barrier.wait()
        if i % 6 == 0:
            return accounts.login(engine, f"paralel_ok_{i}", PASSWORD, T0)
        name, password = ("paralel_salah", f"salah-{i}") if i % 6 == 3 else (f"tidak_ada_{i}", "apa-saja-1234")
        return accounts.login(engine, name, password, T0)

    try:
        with ThreadPoolExecutor(n) as pool:
            return list(pool.map(sign_in, range(n)))
    finally:
        with engine.begin() as c:
            c.execute(Akun.__table__.delete().where(Akun.username.in_(names)))


def test_parallel_sign_ins_hold_no_pooled_connection_while_hashing(accounts_engine, monkeypatch):
    """Before, a refused sign-in ran the dummy argon2 hash inside its transaction: with a pool of 5 + 5, twenty
    sign-ins at once (plus the pages' queries) raised "QueuePool limit ... timed out". Now no thread holds a pooled
    connection while it hashes (the real argon2 runs; the pool's own events say who holds a connection), and a
    pool of 2 serves 24 parallel sign-ins: known, unknown and wrong passwords."""
    import threading

    from sqlalchemy import create_engine, event

    small = create_engine(accounts_engine.url, pool_size=2, max_overflow=0, pool_timeout=5)
    holding: set[int] = set()
    event.listen(small, "checkout", lambda *_: holding.add(threading.get_ident()))
    event.listen(small, "checkin", lambda *_: holding.discard(threading.get_ident()))
    hashed_while_holding: list[int] = []

    class Watched(type(accounts._hasher)):
        def verify(self, hash, password):  # noqa: A002 — argon2's own parameter name
            if threading.get_ident() in holding:
                hashed_while_holding.append(threading.get_ident())
            return super().verify(hash, password)

    monkeypatch.setattr(accounts, "_hasher", Watched())
    try:
        results = _sign_in_burst(small, 24)
    finally:
        small.dispose()
    assert [r.ok for r in results] == [i % 6 == 0 for i in range(24)]
    assert hashed_while_holding == [], "a password was hashed while its thread held a pooled connection"


def test_parallel_sign_ins_check_one_password_at_a_time(accounts_engine, monkeypatch):
    """Twenty sign-ins at once (an office at 8:00) ran twenty argon2 checks at once: each spreads over four lanes and
    64 MiB, so together they took every core (and 1.3 GB) from the pages of users already signed in. Now a process
    checks one password at a time, correct, wrong and unknown alike, and every sign-in still gets its answer."""
    import threading

    running = most = 0
    count = threading.Lock()

    class Watched(type(accounts._hasher)):
        def verify(self, hash, password):  # noqa: A002 — argon2's own parameter name
            nonlocal running, most
            with count:
                running += 1
                most = max(most, running)
            try:
                return super().verify(hash, password)
            finally:
                with count:
                    running -= 1

    monkeypatch.setattr(accounts, "_hasher", Watched())
    accounts._dummy_hash()  # made once, before the burst
    results = _sign_in_burst(accounts_engine, 12)
    assert [r.ok for r in results] == [i % 6 == 0 for i in range(12)]
    assert most == accounts.CHECKS_AT_ONCE == 1, f"{most} password checks ran at once"
