"""Kelola Data's Akun tab (AppTest, issue 23): the accounts table, each action behind a confirmation with its
result sentence and audit row, a reset typed twice, no removing one's own account, and the last real admin kept."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from data_access.accounts import create_account, open_session, redeem_handover, session_by_token, verify_login
from data_access.engine import get_engine
from data_access.schema import Akun, ImportBatch
from demo.loader import ensure_database
from tests.db.databases import clone_database
from tests.helpers import no_exception, open_page, texts

ADMIN = "uji.admin"
PASSWORD = "kata-sandi-uji-akun"


@pytest.fixture(scope="module")
def built_url(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('akun') / 'tpl.sqlite'}"
    ensure_database(url)
    with get_engine(url).begin() as conn:
        create_account(conn, ADMIN, PASSWORD, "admin_data")  # the only real admin
    get_engine(url).dispose()
    return url


@pytest.fixture()
def own_db(built_url, tmp_path, monkeypatch):
    """A private copy: these tests change accounts."""
    import streamlit as st

    url = clone_database(built_url, tmp_path)
    monkeypatch.setenv("DATABASE_URL", url)
    st.cache_data.clear()
    from data_access.caching import clear_caches
    clear_caches()  # the shared query results are not Streamlit's
    yield get_engine(url)
    get_engine(url).dispose()


def accounts_table(at):
    return next(df.value for df in at.dataframe if "Nama pengguna" in df.value.columns)


def choose(at, name: str, action: str):
    """Pick an account and an action by their labels, as a person does."""
    at.selectbox(key="akun_name").set_value(name).run()
    at.selectbox(key="akun_action").set_value(action).run()
    return at


def confirm_and_run(at, name: str, action: str):
    assert at.button(key="akun_run").disabled, "confirmation first"
    at.checkbox(key=f"akun_confirm_{action}_{name}").check().run()
    at.button(key="akun_run").click().run()
    no_exception(at)
    return at


def test_the_tab_lists_every_account_without_a_hash(own_db):
    at = open_page("kelola_data", role="admin_data", user=ADMIN)
    no_exception(at)
    table = accounts_table(at)
    assert table["Nama pengguna"].tolist() == ["admin_data", "jarnas", "pimpinan", ADMIN]
    assert list(table.columns) == ["Nama pengguna", "Peran", "Aktif", "Terkunci sampai", "Akun demo", "Dibuat",
                                   "Sesi terbuka"]
    assert table.set_index("Nama pengguna").loc[ADMIN, "Akun demo"] == "tidak"
    assert not table.apply(lambda c: c.astype(str).str.contains("argon2")).any().any()


def test_deactivate_ends_the_session_and_is_audited(own_db):
    now = dt.datetime.now(dt.timezone.utc)
    with own_db.begin() as conn:
        token = redeem_handover(conn, open_session(conn, "jarnas", now, dt.timedelta(hours=12)).handover_code, now)
    at = choose(open_page("kelola_data", role="admin_data", user=ADMIN), "jarnas", "deactivate")
    confirm_and_run(at, "jarnas", "deactivate")
    assert "Akun jarnas dinonaktifkan; 1 sesi diakhiri." in [s.value for s in at.success]
    with own_db.begin() as conn:
        assert not conn.execute(select(Akun.aktif).where(Akun.username == "jarnas")).scalar()
        assert session_by_token(conn, token, now, dt.timedelta(hours=1)) is None
        audit = conn.execute(select(ImportBatch).order_by(ImportBatch.id.desc())).first()
    assert (audit.jenis, audit.status, audit.nama_file, audit.oleh) == (
        "akun", "catatan", "Akun jarnas (jarnas): dinonaktifkan", ADMIN)
    assert "akun" in next(df.value for df in at.dataframe if "SHA-256" in df.value.columns)["Jenis"].tolist()
    # Now inactive, the account offers reactivation instead.
    choose(at, "jarnas", "reactivate")
    confirm_and_run(at, "jarnas", "reactivate")
    assert "Akun jarnas aktif kembali; pemiliknya perlu masuk lagi." in [s.value for s in at.success]


def test_reset_password_must_be_typed_twice(own_db):
    at = choose(open_page("kelola_data", role="admin_data", user=ADMIN), "pimpinan", "reset_password")
    at.text_input(key="akun_pw1").input("kata-sandi-baru-123").run()
    at.text_input(key="akun_pw2").input("kata-sandi-baru-124").run()
    confirm_and_run(at, "pimpinan", "reset_password")
    assert "Kedua kata sandi tidak sama; tidak ada yang diubah." in [e.value for e in at.error]
    at.text_input(key="akun_pw2").input("kata-sandi-baru-123").run()
    at.button(key="akun_run").click().run()
    no_exception(at)
    assert any("Kata sandi akun pimpinan diatur ulang" in s.value for s in at.success)
    assert at.text_input(key="akun_pw1").value == at.text_input(key="akun_pw2").value == "", \
        "no typed password stays in the session"
    with own_db.begin() as conn:
        assert verify_login(conn, "pimpinan", "kata-sandi-baru-123", dt.datetime.now(dt.timezone.utc)).ok


def test_own_account_cannot_be_deactivated_or_deleted(own_db):
    at = open_page("kelola_data", role="admin_data", user=ADMIN)
    at.selectbox(key="akun_name").set_value(ADMIN).run()
    no_exception(at)
    assert at.selectbox(key="akun_action").options == ["Atur ulang kata sandi", "Buka kunci"]
    assert "akun yang sedang Anda pakai" in texts(at)


def test_the_last_real_admin_is_kept(own_db):
    """Signed in with the demo admin, the one real admin cannot be removed: the sentence says why."""
    at = choose(open_page("kelola_data", role="admin_data", user="admin_data"), ADMIN, "delete")
    confirm_and_run(at, ADMIN, "delete")
    assert any("satu-satunya akun admin_data aktif" in e.value for e in at.error)
    with own_db.connect() as conn:
        assert conn.execute(select(Akun.aktif).where(Akun.username == ADMIN)).scalar()


def test_the_tab_in_english(own_db):
    at = open_page("kelola_data", role="admin_data", user=ADMIN, state={"lang": "en"})
    no_exception(at)
    assert "Username" in accounts_table_en(at).columns


def accounts_table_en(at):
    return next(df.value for df in at.dataframe if "Username" in df.value.columns)
