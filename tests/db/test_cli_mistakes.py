"""manage.py answers user mistakes with an Indonesian sentence and exit 2, never a traceback (issue 14): every
sub-command with bad arguments, create-user without a terminal or interrupted at the prompt, create-user over an
existing account or with an odd name, and boundaries with a wrong output, tolerance or level."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import select
import signal
import subprocess
import sys
import termios
import time

import pytest
from sqlalchemy import select as sql_select

from data_access.engine import get_engine
from demo.loader import ensure_database
from data_access.schema import Akun
from tests.conftest import PROJECT, SHARED

PYTHON = sys.executable
PASSWORD = "rahasia-yang-panjang"


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory) -> dict[str, str]:
    """A SQLite database of this module only (create-user writes accounts)."""
    path = tmp_path_factory.mktemp("cli") / "tppo.sqlite"
    url = f"sqlite:///{path}"
    ensure_database(url)
    return {**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(PROJECT)}


def manage(env: dict[str, str], *args: str, stdin: bytes | None = b"") -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, str(PROJECT / "manage.py"), *args], input=stdin, capture_output=True,
                          env=env, cwd=PROJECT, timeout=120)


def accounts(env: dict[str, str]) -> dict[str, str]:
    with get_engine(env["DATABASE_URL"]).connect() as conn:
        return dict(conn.execute(sql_select(Akun.username, Akun.peran)).all())


def refused(result: subprocess.CompletedProcess, fragment: str) -> str:
    err = result.stderr.decode()
    assert result.returncode == 2, (result.returncode, err)
    assert "Traceback" not in err + result.stdout.decode(), err
    assert fragment in err, err
    return err


# ---------------------------------------------------------------- argparse mistakes, every sub-command
def _subcommands() -> list[str]:
    from manage import build_parser

    parser = build_parser()
    action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted(action.choices)


@pytest.mark.parametrize("command", _subcommands())
def test_every_subcommand_refuses_an_unknown_option_in_indonesian(command, capsys):
    from manage import main

    with pytest.raises(SystemExit) as info:
        main([command, "--tidak-ada-opsi-ini", "x"])
    err = capsys.readouterr().err
    assert info.value.code == 2 and "Traceback" not in err
    assert "tidak dikenal" in err or "wajib" in err or "tidak sah" in err, err


@pytest.mark.parametrize(("argv", "fragment"), [
    ([], "wajib"),
    (["tidak-ada"], "tidak dikenal"),
    (["create-user"], "wajib"),
    (["create-user", "ani", "--role", "raja"], "tidak dikenal"),
    (["rollback", "satu"], "tidak sah"),
    (["boundaries", "x.geojson", "--level", "desa", "--out", "o"], "tidak dikenal"),
    (["boundaries", "x.geojson", "--level", "provinsi", "--out", "o", "--tolerance", "kecil"], "tidak sah"),
    (["summary", "--year", "duaribu"], "tidak sah"),
    (["import"], "wajib"),
])
def test_argument_errors_are_indonesian(argv, fragment, capsys):
    from manage import main

    with pytest.raises(SystemExit) as info:
        main(argv)
    err = capsys.readouterr().err
    assert info.value.code == 2 and fragment in err, err
    assert "the following" not in err and "invalid" not in err and "unrecognized" not in err


# ---------------------------------------------------------------- create-user
def test_create_user_without_a_terminal_or_password_is_refused(cli_env):
    refused(manage(cli_env, "create-user", "tanpa_sandi", "--role", "pimpinan", stdin=b""), "Kata sandi")
    assert "tanpa_sandi" not in accounts(cli_env)


def test_create_user_reads_the_password_from_stdin_or_a_file(cli_env, tmp_path):
    result = manage(cli_env, "create-user", "dari_stdin", "--role", "jarnas", stdin=f"{PASSWORD}\n".encode())
    assert result.returncode == 0, result.stderr.decode()
    secret = tmp_path / "sandi.txt"
    secret.write_text(PASSWORD + "\n")
    result = manage(cli_env, "create-user", "dari_berkas", "--role", "pimpinan", "--password-file", str(secret))
    assert result.returncode == 0, result.stderr.decode()
    assert {"dari_stdin": "jarnas", "dari_berkas": "pimpinan"}.items() <= accounts(cli_env).items()
    refused(manage(cli_env, "create-user", "x_berkas", "--role", "pimpinan", "--password-file",
                   str(tmp_path / "tidak_ada.txt")), "tidak dapat dibaca")


def test_create_user_refuses_an_existing_name_unless_replace(cli_env):
    assert manage(cli_env, "create-user", "kembar", "--role", "pimpinan", stdin=PASSWORD.encode()).returncode == 0
    refused(manage(cli_env, "create-user", "kembar", "--role", "admin_data", stdin=PASSWORD.encode()), "--replace")
    assert accounts(cli_env)["kembar"] == "pimpinan", "the existing account is untouched"
    result = manage(cli_env, "create-user", "kembar", "--role", "admin_data", "--replace", stdin=PASSWORD.encode())
    assert result.returncode == 0 and accounts(cli_env)["kembar"] == "admin_data"


@pytest.mark.parametrize("name", ["a b;drop", "AB", "x", "nama'--", "a" * 33, "ünïcode"])
def test_create_user_refuses_odd_names(cli_env, name):
    refused(manage(cli_env, "create-user", name, "--role", "pimpinan", stdin=PASSWORD.encode()), "Nama pengguna")
    assert name not in accounts(cli_env)


def _at_prompt(env: dict[str, str], keys: bytes) -> tuple[int, str]:
    """Run create-user on a real pseudo-terminal, wait for the password prompt, then type keys."""
    master, slave = os.openpty()

    def controlling_tty() -> None:  # the child's own session, with the pty as its terminal (getpass reads it)
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)
        # A user's Ctrl-C meets SIGINT at its default: a runner started in the background (CI, xdist workers) may
        # hand its children an ignored SIGINT, and the test would then measure the runner, not the command.
        signal.signal(signal.SIGINT, signal.SIG_DFL)

    proc = subprocess.Popen([PYTHON, str(PROJECT / "manage.py"), "create-user", "di_prompt", "--role", "jarnas"],
                            stdin=slave, stdout=slave, stderr=slave, env=env, cwd=PROJECT,
                            preexec_fn=controlling_tty)
    os.close(slave)
    output, deadline, typed = b"", time.monotonic() + 60, False
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        if not typed and b"Kata sandi" in output:
            time.sleep(0.3)
            os.write(master, keys)
            typed = True
        if proc.poll() is not None and not ready:
            break
    try:
        code = proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        code = proc.wait()
    os.close(master)
    assert typed, output.decode(errors="replace")
    return code, output.decode(errors="replace")


@pytest.mark.parametrize(("keys", "name"), [(b"\x04", "Ctrl-D"), (b"\x03", "Ctrl-C")])
def test_create_user_interrupted_at_the_prompt(cli_env, keys, name):
    code, output = _at_prompt(cli_env, keys)
    assert "Traceback" not in output, output
    assert code == 2 and "tidak ada akun yang dibuat" in output, (name, code, output)
    assert "di_prompt" not in accounts(cli_env)


# ---------------------------------------------------------------- boundaries
GEO = SHARED / "geo"
needs_geo = pytest.mark.skipif(not GEO.is_dir(), reason="../shared/geo is not beside the checkout")


@needs_geo
def test_boundaries_mistakes(cli_env, tmp_path):
    blocker = tmp_path / "berkas.txt"
    blocker.write_text("bukan folder")
    provinces = str(GEO / "provinces.geojson")
    refused(manage(cli_env, "boundaries", provinces, "--level", "provinsi", "--out", str(blocker)), "bukan folder")
    refused(manage(cli_env, "boundaries", provinces, "--level", "provinsi", "--out", "/proc/tidak/boleh"),
            "tidak dapat dibuat")
    refused(manage(cli_env, "boundaries", provinces, "--level", "provinsi", "--out", str(tmp_path / "a"),
                   "--tolerance", "-1"), "toleransi")
    err = refused(manage(cli_env, "boundaries", str(GEO / "regencies.geojson"), "--level", "provinsi", "--out",
                         str(tmp_path / "b")), "kabupaten_kota")
    assert "11.01" in err
    assert not (tmp_path / "a").exists() and not (tmp_path / "b" / "provinces.geojson").exists()


@needs_geo
def test_boundaries_provinces_at_the_regency_level_are_refused(cli_env, tmp_path):
    refused(manage(cli_env, "boundaries", str(GEO / "provinces.geojson"), "--level", "kabupaten_kota", "--out",
                   str(tmp_path)), "provinsi")
    assert not (tmp_path / "regencies.geojson").exists()



def test_unlock_user_lifts_a_lock(cli_env):
    from data_access.accounts import verify_login

    assert manage(cli_env, "create-user", "terkunci", "--role", "jarnas", stdin=PASSWORD.encode()).returncode == 0
    now = dt.datetime.now(dt.timezone.utc)
    with get_engine(cli_env["DATABASE_URL"]).begin() as conn:
        for _ in range(5):
            verify_login(conn, "terkunci", "salah", now)
        assert not verify_login(conn, "terkunci", PASSWORD, now).ok
    result = manage(cli_env, "unlock-user", "terkunci")
    assert result.returncode == 0, result.stderr.decode()
    with get_engine(cli_env["DATABASE_URL"]).begin() as conn:
        assert verify_login(conn, "terkunci", PASSWORD, now).ok
    refused(manage(cli_env, "unlock-user", "tidak.ada"), "tidak ada")


# ---------------------------------------------------------------- issue 23: mistakes found by attack
def _targets(env: dict[str, str]) -> list[tuple]:
    from data_access.schema import ImportBatch, TargetKompetensi

    with get_engine(env["DATABASE_URL"]).connect() as conn:
        rows = conn.execute(sql_select(TargetKompetensi.peran, TargetKompetensi.target_terlatih,
                                       TargetKompetensi.target_bersertifikat).order_by(TargetKompetensi.peran)).all()
        batches = conn.execute(sql_select(ImportBatch.id)).all()
    return [tuple(r) for r in rows] + [("batches", len(batches))]


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "-5", "150", "1e400"])
def test_target_refuses_a_percent_outside_0_to_100(cli_env, value):
    """'nan' was accepted and silently removed the 80 % target (float('nan') passed as 'no target')."""
    before = _targets(cli_env)
    err = refused(manage(cli_env, "target", "pekerja_sosial", f"--terlatih={value}", "--sumber", "x"),
                  "dari 0 sampai 100")
    assert len(err.strip().splitlines()) == 1, err
    assert _targets(cli_env) == before


@pytest.mark.parametrize("url", ["garbage", "mysql://u@h/db", "postgresql://u@h/db", "sqlite:/relatif.sqlite"])
def test_a_database_url_of_another_kind_is_refused(cli_env, url, tmp_path):
    """A URL that is not sqlite:/// or postgresql+psycopg:// printed SQLAlchemy's traceback."""
    err = refused(subprocess.run([PYTHON, str(PROJECT / "manage.py"), "summary"], capture_output=True, timeout=120,
                                 env={**cli_env, "DATABASE_URL": url}, cwd=tmp_path), "postgresql+psycopg://")
    assert "sqlite:///" in err and len(err.strip().splitlines()) == 1, err
    assert not list(tmp_path.iterdir()), "nothing is created"


def test_ctrl_c_while_the_command_is_still_importing(cli_env):
    """A Ctrl-C in the first second (imports, before main's own handler) printed a KeyboardInterrupt traceback.
    Python's import-time log (-X importtime on stderr) says when manage.py has begun importing the CLI."""
    proc = subprocess.Popen([PYTHON, "-X", "importtime", str(PROJECT / "manage.py"), "summary"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env, cwd=PROJECT,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    for line in proc.stderr:
        if line.rstrip().endswith(b"| cli"):  # the package cli has been imported; cli.common and more follow
            proc.send_signal(signal.SIGINT)
            break
    else:
        pytest.fail("manage.py never imported the cli package")
    err = proc.stderr.read().decode()  # the summary's own output is small: stdout cannot fill up meanwhile
    proc.wait(timeout=120)
    own = "\n".join(line for line in err.splitlines() if not line.startswith("import time:"))
    assert proc.returncode == 130, (proc.returncode, own)
    assert "Traceback" not in own and "KeyboardInterrupt" not in own, own
    assert "Dibatalkan (Ctrl-C)." in own, own


def test_a_closed_stdout_ends_quietly(cli_env):
    """`summary --json | head -c 300` ended with a BrokenPipeError traceback. The reader here is gone before the
    first byte, so the write always fails: exit 141 (128 + SIGPIPE, like other Unix tools), nothing on stderr."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run([PYTHON, str(PROJECT / "manage.py"), "summary", "--json"], stdout=write_end,
                                stderr=subprocess.PIPE, env=cli_env, cwd=PROJECT, timeout=120)
    finally:
        os.close(write_end)
    assert result.returncode == 141, result.stderr.decode()
    assert result.stderr.decode() == "", result.stderr.decode()


@pytest.mark.parametrize("how", ["DATABASE_URL", "TPPO_SQLITE_PATH"])
@pytest.mark.parametrize("command", [["summary"], ["batches"], ["unlock-user", "ani"], ["template", "kasus"]])
def test_commands_do_not_create_a_missing_database(cli_env, tmp_path, how, command):
    """Only init-demo, migrate (and `make run`, which runs init-demo) create a database; `summary` on a SQLite
    path in a missing folder made the folders and loaded the demo data there."""
    path = tmp_path / "belum" / "ada" / "tppo.sqlite"
    env = {k: v for k, v in cli_env.items() if k != "DATABASE_URL"}
    env[how] = f"sqlite:///{path}" if how == "DATABASE_URL" else str(path)
    args = [*command, "--out", str(tmp_path / "t.csv")] if command[0] == "template" else command
    err = refused(manage(env, *args), "Basis data belum ada")
    assert "manage.py init-demo" in err and "manage.py migrate" in err and len(err.strip().splitlines()) == 1, err
    assert not (tmp_path / "belum").exists() and not (tmp_path / "t.csv").exists()
