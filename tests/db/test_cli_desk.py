"""Issue 23 defects 1 and 2 through manage.py as real subprocesses, as a data administrator types them:
the next month's file keeps the history an earlier file brought in, demo rows go only with --ganti-contoh,
--periksa writes nothing, and a rollback after a publish says that the public extract still shows the withdrawn rows."""

from __future__ import annotations

import os

import pandas as pd
import pytest
from sqlalchemy import func, select

from data_access import schema as s
from data_access.engine import get_engine
from data_access.importing import export_frame, table_checksums
from demo.loader import ensure_database
from exports.templates import export_bytes
from tests.conftest import PROJECT
from tests.db.databases import clone_database
from tests.db.test_cli_mistakes import manage, refused


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('cli_desk') / 'tppo.sqlite'}"
    ensure_database(url)
    get_engine(url).dispose()
    return url


@pytest.fixture()
def desk(demo_file, tmp_path):
    """(environment for manage.py, engine, the demo case data in the import format) on a copy of the demo."""
    url = clone_database(demo_file, tmp_path)
    engine = get_engine(url)
    with engine.connect() as conn:
        history = export_frame(conn, "kasus")
    yield {**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(PROJECT)}, engine, history
    engine.dispose()


def ok(result) -> str:
    out, err = result.stdout.decode(), result.stderr.decode()
    assert result.returncode == 0 and "Traceback" not in out + err, (result.returncode, err)
    return out


def write(tmp_path, name: str, frame: pd.DataFrame) -> str:
    path = tmp_path / name
    path.write_bytes(export_bytes(frame, "csv"))
    return str(path)


def kemensos_month(history: pd.DataFrame, month: str) -> pd.DataFrame:
    july = history[(history["instansi"] == "KEMENSOS") & (history["bulan"] == "2025-07")]
    return july.assign(bulan=month)


def case_months(engine) -> dict:
    with engine.connect() as conn:
        rows = conn.execute(select(s.Kasus.bulan, func.count()).group_by(s.Kasus.bulan)).all()
    return {m.strftime("%Y-%m"): n for m, n in rows}


def test_the_next_month_keeps_the_history_an_earlier_file_brought_in(desk, tmp_path):
    """Defect 1: the export plus August, then September alone. Before, September (the 'first real import')
    deleted the exported history with the demo rows: kasus held Aug-Sep only."""
    env, engine, history = desk
    august, september = kemensos_month(history, "2025-08"), kemensos_month(history, "2025-09")
    ok(manage(env, "import", "kasus", write(tmp_path, "sd_agustus.csv", pd.concat([history, august])), "--user", "a"))
    before = case_months(engine)

    checked = ok(manage(env, "import", "kasus", write(tmp_path, "september.csv", september), "--periksa"))
    assert "belum ada yang ditulis" in checked and "2025-09: " in checked
    assert case_months(engine) == before, "--periksa writes nothing"

    out = ok(manage(env, "import", "kasus", str(tmp_path / "september.csv"), "--user", "a"))
    assert f"{len(september)} baris ditambah" in out and "0 dihapus" in out
    assert case_months(engine) == {**before, "2025-09": len(september)}
    assert min(case_months(engine)) == "2023-01"


def test_demo_rows_go_only_with_ganti_contoh(desk, tmp_path):
    env, engine, history = desk
    september = write(tmp_path, "september.csv", kemensos_month(history, "2025-09"))
    kept = ok(manage(env, "import", "kasus", september, "--periksa"))
    assert f"{len(history)} baris data contoh 'kasus' di luar berkas tetap" in kept and "--ganti-contoh" in kept

    ok(manage(env, "import", "kasus", september, "--ganti-contoh", "--user", "a"))
    assert case_months(engine) == {"2025-09": len(kemensos_month(history, "2025-09"))}


def test_rollback_after_a_publish_says_the_public_extract_shows_withdrawn_rows(desk, tmp_path):
    """Defect 2: before, the rollback message said nothing while the public page kept the withdrawn rows."""
    env, engine, history = desk
    ok(manage(env, "import", "kasus", write(tmp_path, "sd_agustus.csv",
                                            pd.concat([history, kemensos_month(history, "2025-08")])), "--user", "a"))
    ok(manage(env, "import", "kasus", write(tmp_path, "september.csv", kemensos_month(history, "2025-09")),
              "--user", "a"))
    published = ok(manage(env, "publish", "--user", "kepala"))
    assert "2023-01..2025-09" in published
    with engine.connect() as conn:
        batches = conn.execute(select(s.ImportBatch.id, s.ImportBatch.jenis).order_by(s.ImportBatch.id)).all()
    september_batch = [i for i, jenis in batches if jenis == "kasus"][-1]
    release_batch = [i for i, jenis in batches if jenis == "publikasi"][-1]

    # A publication record is not an import: one sentence, exit 2, nothing changed.
    with engine.connect() as conn:
        sums = table_checksums(conn)
    result = manage(env, "rollback", str(release_batch))
    refused(result, "catatan terbitan publik")
    with engine.connect() as conn:
        assert table_checksums(conn) == sums

    out = ok(manage(env, "rollback", str(september_batch), "--user", "kepala"))
    assert "masih menampilkan angka yang tidak lagi sesuai data" in out and "manage.py publish" in out
    ok(manage(env, "publish", "--user", "kepala"))
    # The first real import brought the demo history back as demo when rolled back: no demo account returns.
    earlier = next(i for i, jenis in batches if jenis == "kasus")
    again = ok(manage(env, "rollback", str(earlier), "--user", "kepala"))
    assert "Akun demo tidak dibuat ulang" in again and "masih menampilkan" in again
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(s.Akun)).scalar_one() == 0
