"""`manage.py publish [--out DIR]` and `manage.py create-user` against real databases (copies of the demo)."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import delete, select, update

from data_access.engine import get_engine
from data_access.publication import query_latest_extract
from data_access.schema import Akun, ImportBatch, Kasus, Publikasi, Wilayah
from domain.publication import PUBLISHED_TABLES, REACH_TABLE
from manage import main

INT = re.compile(r"^\d+$")


@pytest.fixture()
def demo_copy(demo_sqlite_url, tmp_path, monkeypatch) -> str:
    """A private copy of the session's demo database (sqlite backup API: WAL content included)."""
    target = tmp_path / "salinan.sqlite"
    src = sqlite3.connect(demo_sqlite_url.removeprefix("sqlite:///"))
    dst = sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    url = f"sqlite:///{target}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.delenv("TPPO_SUPPRESSION_THRESHOLD", raising=False)
    monkeypatch.delenv("TPPO_ROUNDING_BASE", raising=False)
    return url


def read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    text = path.read_text(encoding="utf-8-sig")
    notes = [line for line in text.splitlines() if line.startswith("# ")]
    body = "\n".join(line for line in text.splitlines() if not line.startswith("# "))
    return notes, list(csv.reader(io.StringIO(body)))


def small_counts_in(out: Path, threshold: int) -> list[tuple[str, str]]:
    """Every CSV cell (and every number in a note line) that reads as a count from 1 to threshold-1."""
    found = []
    for path in sorted(out.rglob("*.csv")):  # the static API's CSVs too (api/v1/)
        notes, rows = read_csv(path)
        for note in notes:
            found += [(path.name, n) for n in re.findall(r"\d+", note) if 0 < int(n) < threshold]
        for row in rows:
            found += [(path.name, cell) for cell in row if INT.match(cell.strip()) and 0 < int(cell) < threshold]
    return found


def test_publish_out_writes_every_table_with_no_small_count(demo_copy, tmp_path, capsys):
    out = tmp_path / "terbit"
    assert main(["publish", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Terbitan versi 2 disimpan" in printed and "DATA CONTOH" in printed  # v1 came with the demo
    names = sorted(p.name for p in out.iterdir())
    assert names == ["README.md", "api", "api.md", "assets", "ckan.json", "datapackage.json", "dcat.jsonld", "embed",
                     "en", "index.html", "jenis_kelamin_umur.csv", "jenis_kelamin_umur_tahun.csv", "metadata.json",
                     "modus.csv", "modus_tahun.csv", "nasional.csv", "pencegahan_provinsi.csv", "provinsi.csv",
                     "provinsi_tahun.csv", "tahun.csv", "tujuan_tahun.csv"]
    # The province series carries the population and its source from the reference data (issue 26).
    _, series = read_csv(out / "provinsi_tahun.csv")
    assert series[0][8:12] == ["Penduduk", "Tahun penduduk", "Sumber penduduk", "Per 100.000 penduduk per tahun"]
    jatim = [r for r in series[1:] if r[0] == "35"]
    assert jatim and all(r[8] and r[9] and r[10] for r in jatim) and any(r[11] for r in jatim)
    assert small_counts_in(out, 10) == []
    _, reach = read_csv(out / "pencegahan_provinsi.csv")  # the public page's prevention reach, same cells
    with get_engine(demo_copy).connect() as conn:
        stored = query_latest_extract(conn).table(REACH_TABLE)["jumlah"]
    assert [r[4] for r in reach[1:]] == [str(v) for v in stored.tolist()]
    notes, provinces = read_csv(out / "provinsi.csv")
    # Issue 13 item 8: the header is the first line, names beside codes, labels rather than snake_case.
    assert notes == []
    assert provinces[0] == ["Kode provinsi", "Provinsi", "Bulan awal", "Bulan akhir", "Korban ditangani",
                            "Keterangan"] and len(provinces) == 1 + 38 + 1
    assert {r[5] for r in provinces[1:]} == {"DATA CONTOH (sintetis)"}
    assert ("35", "Jawa Timur") in {(r[0], r[1]) for r in provinces}
    values = [r[4] for r in provinces[1:]]
    assert "<10" in values and all(v in ("<10", "x") or int(v) == 0 or (int(v) >= 10 and int(v) % 5 == 0)
                                   for v in values)
    _, modus = read_csv(out / "modus.csv")
    assert modus[0][:2] == ["Kode modus", "Modus"] and ["kerja_paksa", "Kerja paksa / PRT / PMI nonprosedural"] \
        == modus[1][:2]
    _, sexes = read_csv(out / "jenis_kelamin_umur.csv")
    assert [r[:2] for r in sexes[1:]] == [["L", "Laki-laki"], ["P", "Perempuan"], ["Total", "Total"]]
    meta = json.loads((out / "metadata.json").read_text(encoding="utf-8"))
    assert (meta["versi"], meta["ambang_penekanan"], meta["basis_pembulatan"], meta["data_contoh"]) == (2, 10, 5, True)
    # Issue 26: metadata.json lists every CSV written (pencegahan_provinsi.csv was missing).
    assert sorted(meta["berkas"].values()) == sorted(p.name for p in out.glob("*.csv"))
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "bukan jumlah seluruh korban" in readme and "kelipatan 5" in readme and "antara 1 dan 9" in readme
    # The files are the stored extract, cell for cell.
    with get_engine(demo_copy).connect() as conn:
        extract = query_latest_extract(conn)
    stored = extract.table("provinsi")["jumlah"]
    assert [str(stored[r[0]]) for r in provinces[1:]] == values


def test_published_folder_is_a_valid_frictionless_package(demo_copy, tmp_path):
    """Issue 16: `frictionless validate` accepts the package (types, markers as missing values, headers)."""
    from frictionless import validate

    out = tmp_path / "paket"
    # Every release validates (issue 26): the second is protected together with the first (carry_over).
    for _release in range(2):
        assert main(["publish", "--out", str(out)]) == 0
        report = validate(str(out / "datapackage.json"))
        assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in package["resources"]] == [f"{n}.csv" for n in (*PUBLISHED_TABLES, REACH_TABLE)]
    assert package["licenses"] and package["sources"] and package["temporal"]["start"]
    provinces = next(r for r in package["resources"] if r["name"] == "provinsi")
    assert provinces["schema"]["missingValues"] == ["", "<10", "x"]
    fields = {f["name"]: f for f in provinces["schema"]["fields"]}
    assert fields["Korban ditangani"]["type"] == "integer" and fields["Kode provinsi"]["title"] == "Province code"


def test_partial_year_is_marked_in_the_year_file(demo_copy, tmp_path):
    """Issue 11: tahun.csv says which months each year covers, and marks a year covered only in part."""
    from domain.publication import parse_period, year_label

    out = tmp_path / "tahun"
    assert main(["publish", "--out", str(out)]) == 0
    with get_engine(demo_copy).connect() as conn:
        periode = query_latest_extract(conn).info.periode
    first, last = parse_period(periode)
    _, rows = read_csv(out / "tahun.csv")
    assert rows[0][:5] == ["Tahun", "Periode", "Bulan awal", "Bulan akhir", "Sebagian tahun"]
    by_year = {r[0]: r for r in rows[1:]}
    final = by_year[str(last.year)]
    assert final[1] == year_label(last.year, periode) != str(last.year)
    assert (final[2], final[3], final[4]) == (f"{last.year}-01", f"{last:%Y-%m}", "ya")
    assert by_year[str(first.year + 1)][4] == "tidak"


def test_publish_again_replaces_the_site_and_refuses_a_foreign_folder(demo_copy, tmp_path, capsys):
    out = tmp_path / "situs"
    assert main(["publish", "--out", str(out)]) == 0
    assert main(["publish", "--out", str(out)]) == 0
    assert json.loads((out / "metadata.json").read_text(encoding="utf-8"))["versi"] == 3
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no staging folder left behind
    foreign = tmp_path / "dokumen"
    foreign.mkdir()
    (foreign / "skripsi.docx").write_text("penting")
    assert main(["publish", "--out", str(foreign)]) == 2
    assert "bukan folder terbitan" in capsys.readouterr().err
    assert sorted(p.name for p in foreign.iterdir()) == ["skripsi.docx"]
    with get_engine(demo_copy).connect() as conn:
        assert conn.execute(select(Publikasi.versi)).scalars().all() == [1, 2, 3]


def test_serve_needs_a_folder(demo_copy, capsys):
    assert main(["publish", "--serve", "8123"]) == 2
    assert "--out" in capsys.readouterr().err


def test_publish_with_threshold_five_from_the_environment(demo_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("TPPO_SUPPRESSION_THRESHOLD", "5")
    out = tmp_path / "ambang5"
    assert main(["publish", "--out", str(out)]) == 0
    assert small_counts_in(out, 5) == []
    cells = "".join(p.read_text(encoding="utf-8-sig") for p in out.glob("*.csv"))
    assert "<5" in cells and "<10" not in cells
    assert json.loads((out / "metadata.json").read_text(encoding="utf-8"))["ambang_penekanan"] == 5
    with get_engine(demo_copy).connect() as conn:
        assert query_latest_extract(conn).info.ambang == 5


def test_published_csv_cannot_smuggle_a_formula(demo_copy, tmp_path):
    with get_engine(demo_copy).begin() as conn:
        conn.execute(update(Wilayah).where(Wilayah.kode == "11").values(nama='=HYPERLINK("http://x","Aceh")'))
    out = tmp_path / "formula"
    assert main(["publish", "--out", str(out)]) == 0
    _, provinces = read_csv(out / "provinsi.csv")
    aceh = next(r for r in provinces if r[0] == "11")
    assert aceh[1] == '\'=HYPERLINK("http://x","Aceh")'


def test_publish_without_out_only_stores(demo_copy, tmp_path):
    assert main(["publish", "--note", "rapat 1 Des"]) == 0
    with get_engine(demo_copy).connect() as conn:
        versions = conn.execute(select(Publikasi.versi, Publikasi.catatan).order_by(Publikasi.versi)).all()
    assert [tuple(v) for v in versions] == [(1, ""), (2, "rapat 1 Des")]
    assert list(tmp_path.glob("*.csv")) == []


def test_publish_is_recorded_in_the_audit_trail_with_who(demo_copy):
    """Issue 23: the CLI and the Kelola Data action publish through one function and leave the same record."""
    assert main(["publish", "--user", "rina"]) == 0
    assert main(["publish"]) == 0
    with get_engine(demo_copy).connect() as conn:
        rows = conn.execute(select(ImportBatch.jenis, ImportBatch.status, ImportBatch.oleh, ImportBatch.nama_file)
                            .where(ImportBatch.jenis != "demo").order_by(ImportBatch.id)).all()
    assert [tuple(r[:2]) for r in rows] == [("publikasi", "terbit")] * 2
    assert rows[0].oleh == "rina" and rows[1].oleh.endswith("(manage.py)")
    assert [r.nama_file.split(" (")[0] for r in rows] == ["Terbitan publik versi 2", "Terbitan publik versi 3"]


@pytest.mark.parametrize("env, message", [
    ({"TPPO_SUPPRESSION_THRESHOLD": "1"}, "threshold"),
    ({"TPPO_ROUNDING_BASE": "0"}, "rounding_base"),
    ({"TPPO_SUPPRESSION_THRESHOLD": "sepuluh"}, "tidak valid"),
])
def test_bad_settings_are_a_clear_error_and_publish_nothing(demo_copy, monkeypatch, capsys, env, message):
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert main(["publish"]) == 2
    assert message in capsys.readouterr().err
    with get_engine(demo_copy).connect() as conn:
        assert conn.execute(select(Publikasi.versi)).scalars().all() == [1]


def test_out_must_be_a_folder(demo_copy, tmp_path, capsys):
    existing = tmp_path / "berkas.txt"
    existing.write_text("x")
    assert main(["publish", "--out", str(existing)]) == 2
    assert "bukan folder" in capsys.readouterr().err


def test_nothing_to_publish(demo_copy, capsys):
    with get_engine(demo_copy).begin() as conn:
        conn.execute(delete(Kasus))
    assert main(["publish"]) == 2
    assert "Tidak ada yang diterbitkan" in capsys.readouterr().err


def test_create_user_stores_only_a_salted_argon2_hash(demo_copy, capsys):
    password = "Sandi-Rahasia-Sekali-9"
    assert main(["create-user", "rina", "--role", "jarnas", "--password", password]) == 0
    assert password not in capsys.readouterr().out
    with get_engine(demo_copy).connect() as conn:
        account = conn.execute(select(Akun).where(Akun.username == "rina")).one()
    assert account.peran == "jarnas" and account.password_hash.startswith("$argon2id$")
    assert all(password not in str(value) for value in account)
    database = Path(demo_copy.removeprefix("sqlite:///"))
    for path in (database, database.with_name(database.name + "-wal")):
        assert not path.exists() or password.encode() not in path.read_bytes()


def test_create_user_rejects_a_short_password(demo_copy, capsys):
    assert main(["create-user", "rina", "--role", "jarnas", "--password", "pendek"]) == 2
    assert "minimal 10" in capsys.readouterr().err
    with get_engine(demo_copy).connect() as conn:
        assert conn.execute(select(Akun).where(Akun.username == "rina")).first() is None


@pytest.mark.parametrize("target", ["/proc/nope", "/proc/nope/terbit"])
def test_unwritable_out_stores_no_version(demo_copy, capsys, target):
    """Issue 14: the files are written first and the version is stored only when they all are."""
    assert main(["publish", "--out", target]) == 2
    err = capsys.readouterr().err
    assert "tidak dapat ditulis" in err and "Traceback" not in err
    with get_engine(demo_copy).connect() as conn:
        assert conn.execute(select(Publikasi.versi)).scalars().all() == [1]


def test_publish_serve_serves_the_site_until_interrupted(demo_copy, tmp_path):
    """`publish --out DIR --serve PORT` publishes, then answers on 127.0.0.1:PORT; Ctrl-C ends it cleanly."""
    import os
    import signal
    import subprocess
    import sys
    import time
    import urllib.request

    from tests.browser.live import free_port

    port, out = free_port(), tmp_path / "situs"
    # A user's Ctrl-C reaches a process whose SIGINT is at its default; a test runner started in the background
    # (CI, xdist workers) may hand its children an ignored SIGINT, which would make the test measure the runner.
    proc = subprocess.Popen([sys.executable, "manage.py", "publish", "--out", str(out), "--serve", str(port)],
                            cwd=Path(__file__).resolve().parents[2], env={**os.environ, "DATABASE_URL": demo_copy},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # noqa: PLW1509
    try:
        body = b""
        for _ in range(600):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/en/index.html", timeout=1) as response:
                    body = response.read()
                break
            except OSError:
                time.sleep(0.1)
        assert b'<html lang="en"' in body
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            stdout, stderr = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()  # never leave a server behind a failed test
            stdout, stderr = proc.communicate()
    assert proc.returncode == 0 and "Traceback" not in stderr, stderr
    assert f"http://127.0.0.1:{port}/" in stdout


def test_published_folder_is_readable_by_a_web_server(demo_copy, tmp_path):
    """The staging folder comes from mkdtemp (mode 0700); the published folder must have the usual mode, or a
    web server running as another user could not read it."""
    out = tmp_path / "situs"
    assert main(["publish", "--out", str(out)]) == 0
    usual = tmp_path / "biasa"
    usual.mkdir()
    assert out.stat().st_mode & 0o777 == usual.stat().st_mode & 0o777
