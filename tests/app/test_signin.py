"""Sign-in hardening (issue 14) through the real app: a live session loses access when its account is deactivated
or deleted, every refusal reads the same, and one client cannot try password after password."""

from __future__ import annotations

import time
import uuid

import pytest
from sqlalchemy import delete, update

from data_access.accounts import create_account
from data_access.engine import get_engine
from data_access.schema import Akun
from strings import tr
from tests.helpers import copy_demo, no_exception, open_page
from ui.auth import ACCOUNT_RECHECK_SECONDS


@pytest.fixture()
def own_db(demo_sqlite_url, tmp_path, monkeypatch):
    import streamlit as st

    url = copy_demo(demo_sqlite_url, tmp_path / "signin.sqlite")
    monkeypatch.setenv("DATABASE_URL", url)
    st.cache_data.clear()
    from data_access.caching import clear_caches
    clear_caches()  # the shared query results are not Streamlit's
    yield get_engine(url)
    get_engine(url).dispose()


def _login(at, username: str, password: str):
    at.text_input(key="login_user").input(username)
    at.text_input(key="login_password").input(password)
    next(b for b in at.button if b.proto.is_form_submitter).click()
    return at.run()


@pytest.mark.parametrize("change", ["deactivate", "delete"])
def test_a_live_session_ends_when_its_account_goes(own_db, change):
    with own_db.begin() as conn:
        create_account(conn, "uji.sesi", "kata-sandi-uji-sesi", "pimpinan")
    at = open_page("ringkasan_eksekutif", role="pimpinan", user="uji.sesi")
    no_exception(at)
    assert at.title[0].value != "Masuk"
    with own_db.begin() as conn:
        stmt = update(Akun).values(aktif=False) if change == "deactivate" else delete(Akun)
        conn.execute(stmt.where(Akun.username == "uji.sesi"))
    time.sleep(ACCOUNT_RECHECK_SECONDS + 0.2)
    at.run()
    no_exception(at)
    assert at.title[0].value == "Masuk"
    assert "auth_role" not in at.session_state
    assert tr("login.revoked") in [w.value for w in at.warning]


def test_a_session_without_an_account_row_is_not_signed_in(own_db):
    at = open_page("ringkasan_eksekutif", role="admin_data", user="tidak.pernah.ada")
    no_exception(at)
    assert at.title[0].value == "Masuk"


def test_unknown_and_locked_accounts_get_the_same_answers(own_db):
    """Before: an existing user got "Terlalu banyak percobaan gagal…" after 5 tries, an unknown one "…salah."."""
    username = f"uji.kunci{uuid.uuid4().hex[:4]}"
    with own_db.begin() as conn:
        create_account(conn, username, "kata-sandi-benar", "pimpinan")
    answers = {}
    for name in (username, "tidak.ada.sama.sekali"):
        at = open_page("ringkasan_eksekutif", role="publik")
        seen = []
        for _ in range(6):
            at = _login(at, name, "kata-sandi-salah")
            seen.append([e.value for e in at.error])
        answers[name] = seen
    assert answers[username] == answers["tidak.ada.sama.sekali"] == [[tr("login.failed")]] * 6
    at = _login(open_page("ringkasan_eksekutif", role="publik"), username, "kata-sandi-benar")
    assert "auth_role" not in at.session_state, "the locked account stays locked"
    assert [e.value for e in at.error] == [tr("login.failed")]


def test_one_client_cannot_spray_guesses(own_db):
    """After 10 failures from one client, even a right password is refused for that client (other clients are
    not affected, and no account was locked by it)."""
    at = open_page("ringkasan_eksekutif", role="publik")
    for i in range(10):
        at = _login(at, f"tebakan{i}", "kata-sandi-salah")
    at = _login(at, "pimpinan", "demo-pimpinan")
    assert "auth_role" not in at.session_state
    assert [e.value for e in at.error] == [tr("login.failed")]
    other = _login(open_page("ringkasan_eksekutif", role="publik"), "pimpinan", "demo-pimpinan")
    assert other.session_state["auth_role"] == "pimpinan"
