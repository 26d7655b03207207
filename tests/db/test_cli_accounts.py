"""manage.py's account commands as real subprocesses (issue 23): list-users, deactivate-user, reactivate-user,
delete-user, unlock-user and create-user --replace (the password reset). Each prints one Indonesian sentence and
writes one audit row; unknown names and the last real admin exit 2 with one sentence and change nothing; a reset
or deactivation ends a session opened before it."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from sqlalchemy import select

from data_access.accounts import create_account, open_session, redeem_handover, session_by_token
from data_access.engine import get_engine
from data_access.schema import Akun, ImportBatch
from demo.loader import ensure_database
from tests.conftest import PROJECT
from tests.db.test_cli_mistakes import manage, refused

PASSWORD = "rahasia-yang-panjang"


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory) -> dict[str, str]:
    """A demo SQLite database of this module only, with one real admin (kepala)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('cli_akun') / 'tppo.sqlite'}"
    ensure_database(url)
    with get_engine(url).begin() as conn:
        create_account(conn, "kepala", PASSWORD, "admin_data")
    return {**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(PROJECT)}


def state(env: dict[str, str]) -> tuple:
    """Every account (name, role, active, hash) and the number of audit rows: what a refusal must not change."""
    with get_engine(env["DATABASE_URL"]).connect() as conn:
        people = conn.execute(select(Akun.username, Akun.peran, Akun.aktif, Akun.password_hash)
                              .order_by(Akun.username)).all()
        return tuple(map(tuple, people)), len(conn.execute(select(ImportBatch.id)).all())


def last_audit(env: dict[str, str]):
    with get_engine(env["DATABASE_URL"]).connect() as conn:
        return conn.execute(select(ImportBatch).order_by(ImportBatch.id.desc())).first()


def ok(result) -> str:
    out, err = result.stdout.decode(), result.stderr.decode()
    assert result.returncode == 0 and "Traceback" not in out + err, (result.returncode, err)
    return out


def create(env, name: str, role: str = "jarnas", *extra: str):
    return manage(env, "create-user", name, "--role", role, *extra, stdin=f"{PASSWORD}\n".encode())


def session_token(env, name: str) -> str:
    now = dt.datetime.now(dt.timezone.utc)
    with get_engine(env["DATABASE_URL"]).begin() as conn:
        token = redeem_handover(conn, open_session(conn, name, now, dt.timedelta(hours=12)).handover_code, now)
    assert token
    return token


def session_works(env, token: str) -> bool:
    with get_engine(env["DATABASE_URL"]).begin() as conn:
        return session_by_token(conn, token, dt.datetime.now(dt.timezone.utc), dt.timedelta(hours=1)) is not None


def test_list_users_shows_every_account_and_no_hash(cli_env):
    out = ok(manage(cli_env, "list-users"))
    lines = out.splitlines()
    assert lines[0].split("\t") == ["nama", "peran", "aktif", "terkunci sampai", "demo", "dibuat", "sesi terbuka"]
    rows = {line.split("\t")[0]: line.split("\t") for line in lines[1:]}
    assert {"kepala", "admin_data", "jarnas", "pimpinan"} <= rows.keys()
    assert rows["kepala"][1:5] == ["admin_data", "ya", "–", "tidak"] and rows["jarnas"][4] == "ya"
    assert "$argon2" not in out


def test_deactivate_reactivate_delete_each_say_it_and_are_audited(cli_env):
    ok(create(cli_env, "budi"))
    assert last_audit(cli_env).nama_file == "Akun budi (jarnas): dibuat"
    token = session_token(cli_env, "budi")
    out = ok(manage(cli_env, "deactivate-user", "budi", "--user", "uji"))
    assert out.strip() == "Akun budi dinonaktifkan; 1 sesi diakhiri."
    audit = last_audit(cli_env)
    assert (audit.jenis, audit.status, audit.nama_file, audit.oleh) == ("akun", "catatan",
                                                                         "Akun budi (jarnas): dinonaktifkan", "uji")
    assert "sudah nonaktif" in ok(manage(cli_env, "deactivate-user", "budi"))
    assert "aktif kembali" in ok(manage(cli_env, "reactivate-user", "budi"))
    assert not session_works(cli_env, token), "reactivation does not revive the old cookie"
    assert last_audit(cli_env).nama_file == "Akun budi (jarnas): diaktifkan kembali"
    assert ok(manage(cli_env, "delete-user", "budi")).strip() == "Akun budi dihapus; 0 sesi diakhiri."
    assert "budi\t" not in ok(manage(cli_env, "list-users"))
    assert last_audit(cli_env).nama_file == "Akun budi (jarnas): dihapus"


def test_create_user_replace_is_the_password_reset_and_ends_the_sessions(cli_env):
    ok(create(cli_env, "citra", "pimpinan"))
    token = session_token(cli_env, "citra")
    out = ok(create(cli_env, "citra", "pimpinan", "--replace"))
    assert out.strip() == "Akun citra (pimpinan) diganti: kata sandi baru, 1 sesi diakhiri."
    assert not session_works(cli_env, token)
    assert last_audit(cli_env).nama_file == "Akun citra (pimpinan): diganti (kata sandi dan peran)"


def test_unlock_user_is_audited(cli_env):
    ok(create(cli_env, "dedi"))
    assert "Kunci akun dedi dibuka" in ok(manage(cli_env, "unlock-user", "dedi"))
    assert last_audit(cli_env).nama_file == "Akun dedi (jarnas): kunci dibuka"


@pytest.mark.parametrize("command", ["deactivate-user", "reactivate-user", "delete-user", "unlock-user"])
def test_an_unknown_name_is_refused(cli_env, command):
    before = state(cli_env)
    err = refused(manage(cli_env, command, "tidak.ada"), "Akun 'tidak.ada' tidak ada; tidak ada yang diubah.")
    assert len(err.strip().splitlines()) == 1
    assert state(cli_env) == before


@pytest.mark.parametrize("argv", [["deactivate-user", "kepala"], ["delete-user", "kepala"],
                                  ["create-user", "kepala", "--role", "jarnas", "--replace"]])
def test_the_last_real_admin_is_kept(cli_env, argv):
    before = state(cli_env)
    err = refused(manage(cli_env, *argv, stdin=f"{PASSWORD}\n".encode()), "satu-satunya akun admin_data aktif")
    assert len(err.strip().splitlines()) == 1
    assert state(cli_env) == before


@pytest.mark.parametrize("command", ["deactivate-user", "reactivate-user", "delete-user"])
def test_a_missing_name_is_an_argument_error(cli_env, command):
    refused(manage(cli_env, command), "argumen wajib belum diisi")


@pytest.mark.parametrize("argv", [["list-users"], ["deactivate-user", "ani"], ["delete-user", "ani"]])
def test_account_commands_do_not_create_a_missing_database(cli_env, tmp_path, argv):
    env = {**cli_env, "DATABASE_URL": f"sqlite:///{tmp_path / 'tidak' / 'ada.sqlite'}"}
    refused(manage(env, *argv), "Basis data belum ada")
    assert not (tmp_path / "tidak").exists()
