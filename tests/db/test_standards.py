"""Admin edits of WISN standards: valid edits land in one transaction with who/when; invalid ones change nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import select

from data_access.engine import data_version, get_engine
from data_access.schema import ImportBatch, StandarBebanKerja, SumberData, WaktuKerja
from data_access.staffing import query_working_time, query_workload_standards
from data_access.standards import _apply_edit, editable_standards, editable_working_time, save_standards
from tests.helpers import copy_demo

NOW = dt.datetime(2026, 11, 30, 9, 15, tzinfo=dt.timezone.utc)
USER, ADMIN = "uji-admin", "admin_data"



@pytest.fixture()
def tx_conn(demo_conn) -> Iterator:
    """The demo database on each backend inside a transaction that is always rolled back."""
    trans = demo_conn.begin()
    yield demo_conn
    trans.rollback()


@pytest.fixture()
def db_copy(demo_sqlite_url: str, tmp_path: Path) -> Iterator[str]:
    url = copy_demo(demo_sqlite_url, tmp_path / "edit.sqlite")
    yield url
    get_engine(url).dispose()


def _current(conn) -> tuple[pd.DataFrame, pd.DataFrame]:
    return (editable_standards(query_workload_standards(conn)),
            editable_working_time(query_working_time(conn)))


def _snapshot(url: str) -> tuple[pd.DataFrame, pd.DataFrame, str, int]:
    with get_engine(url).connect() as conn:
        std, wt = query_workload_standards(conn), query_working_time(conn)
        batches = len(conn.execute(select(ImportBatch.id)).all())
        return std, wt, data_version(conn), batches


def test_changed_row_is_stamped_and_batch_recorded(tx_conn):
    std, wt = _current(tx_conn)
    before_version = data_version(tx_conn)
    target = std.index[std["aktivitas"] == "Asesmen psikologis"][0]
    std.loc[target, "menit_per_unit"] = 75.0
    result = _apply_edit(tx_conn, std, wt, "Kepdirjen Rehsos 12/2026", USER, NOW)
    assert result.ok and (result.added, result.changed, result.deleted, result.working_time_changed) == (0, 1, 0, 0)
    rows = {r.aktivitas: r for r in tx_conn.execute(select(StandarBebanKerja)).all()}
    row = rows["Asesmen psikologis"]
    assert row.menit_per_unit == 75.0 and row.contoh is False
    assert row.sumber == "Kepdirjen Rehsos 12/2026 (diubah oleh uji-admin, 2026-11-30 09:15 UTC)"
    assert rows["Konseling psikologis"].contoh is True  # untouched rows keep their source and flag
    batch = tx_conn.execute(select(ImportBatch).where(ImportBatch.id == row.batch_id)).one()
    assert (batch.jenis, batch.oleh, batch.baris_ubah, batch.baris_tambah) == ("standar", USER, 1, 0)
    assert data_version(tx_conn) != before_version
    status = tx_conn.execute(select(SumberData.asal).where(SumberData.kode == "standar_beban_kerja")).scalar_one()
    assert status == "demo"  # other example standards remain


def test_add_delete_and_working_time(tx_conn):
    std, wt = _current(tx_conn)
    removed = std.loc[std["aktivitas"] == "Administrasi", "id"].item()
    std = std[std["id"] != removed]
    new = {"id": None, "peran": "psikolog", "aktivitas": "Kunjungan keluarga", "jenis": "service",
           "menit_per_unit": 120.0, "pemicu": "pemulangan", "frekuensi": 1.0, "persen_waktu": 5.0}
    std = pd.concat([std, pd.DataFrame([new])], ignore_index=True)
    wt.loc[wt["peran"] == "konselor", "jam_per_hari"] = 7.0
    result = _apply_edit(tx_conn, std, wt, "SK uji", USER, NOW)
    assert result.ok and (result.added, result.deleted, result.working_time_changed) == (1, 1, 1)
    rows = {r.aktivitas: r for r in tx_conn.execute(select(StandarBebanKerja)).all()}
    assert "Administrasi" not in rows
    added = rows["Kunjungan keluarga"]
    assert added.persen_waktu is None  # a service activity stores no support share
    assert added.contoh is False and added.sumber.startswith("SK uji")
    konselor = tx_conn.execute(select(WaktuKerja).where(WaktuKerja.peran == "konselor")).one()
    assert konselor.jam_per_hari == 7.0 and konselor.contoh is False


def test_replacing_every_example_clears_the_demo_status(tx_conn):
    std, wt = _current(tx_conn)
    std["frekuensi"] = std["frekuensi"].where(std["jenis"] != "service", std["frekuensi"] * 1.1)
    std.loc[std["jenis"] == "support", "persen_waktu"] += 1
    std.loc[std["jenis"] == "individual", "jam_per_tahun"] += 1
    wt["cuti_lain"] = wt["cuti_lain"] + 1
    assert _apply_edit(tx_conn, std, wt, "SK uji", USER, NOW).ok
    row = tx_conn.execute(select(SumberData).where(SumberData.kode == "standar_beban_kerja")).one()
    assert row.asal == "impor"
    assert row.diperbarui.replace(tzinfo=dt.timezone.utc) == NOW


def test_no_change_and_stale_id_write_nothing(tx_conn):
    std, wt = _current(tx_conn)
    version = data_version(tx_conn)
    assert _apply_edit(tx_conn, std, wt, "SK uji", USER, NOW).problems == ["Tidak ada perubahan untuk disimpan."]
    stale = std.copy()
    stale.loc[0, "id"] = 999_999
    result = _apply_edit(tx_conn, stale, wt, "SK uji", USER, NOW)
    assert not result.ok and "tidak ditemukan" in result.problems[0]
    assert data_version(tx_conn) == version


@pytest.mark.parametrize(("edit", "sumber", "role", "fragment"), [
    (lambda s, w: s.assign(menit_per_unit=s["menit_per_unit"].where(s["jenis"] != "service", 0.0)), "SK", ADMIN,
     "menit per unit lebih dari 0"),
    (lambda s, w: s.assign(persen_waktu=s["persen_waktu"].where(s["jenis"] != "support", 120.0)), "SK", ADMIN,
     "harus kurang dari 100%"),
    (lambda s, w: s.assign(pemicu=s["pemicu"].where(s["jenis"] != "service", "kunjungan")), "SK", ADMIN,
     "pemicu 'kunjungan'"),
    (lambda s, w: s.assign(frekuensi=-s["frekuensi"]), "SK", ADMIN, "tidak boleh negatif"),
    (lambda s, w: s.assign(jenis="lain"), "SK", ADMIN, "jenis 'lain'"),
    (lambda s, w: s.assign(menit_per_unit=s["menit_per_unit"] + 1), "   ", ADMIN, "Sumber standar wajib diisi"),
    (lambda s, w: s.assign(menit_per_unit=s["menit_per_unit"] + 1), "SK", "pimpinan", "Hanya admin data"),
])
def test_invalid_edit_changes_nothing(db_copy, edit, sumber, role, fragment):
    before = _snapshot(db_copy)
    with get_engine(db_copy).connect() as conn:
        std, wt = _current(conn)
    result = save_standards(edit(std, wt), wt, sumber, USER, role, url=db_copy, now=NOW)
    assert not result.ok
    assert any(fragment in p for p in result.problems), result.problems
    after = _snapshot(db_copy)
    pd.testing.assert_frame_equal(before[0], after[0])
    pd.testing.assert_frame_equal(before[1], after[1])
    assert before[2:] == after[2:]


def test_valid_save_commits(db_copy):
    with get_engine(db_copy).connect() as conn:
        std, wt = _current(conn)
    std.loc[std["aktivitas"] == "Konseling psikologis", "frekuensi"] = 0.1
    result = save_standards(std, wt, "SK uji", USER, ADMIN, url=db_copy, now=NOW)
    assert result.ok and result.changed == 1
    with get_engine(db_copy).connect() as conn:
        value = conn.execute(select(StandarBebanKerja.frekuensi)
                             .where(StandarBebanKerja.aktivitas == "Konseling psikologis")).scalar_one()
    assert value == 0.1


def test_duplicate_name_after_rename_is_refused_without_traceback(db_copy):
    before = _snapshot(db_copy)
    with get_engine(db_copy).connect() as conn:
        std, wt = _current(conn)
    first, second = std.index[std["peran"] == "psikolog"][:2]
    std.loc[second, "aktivitas"] = std.loc[first, "aktivitas"]
    result = save_standards(std, wt, "SK uji", USER, ADMIN, url=db_copy, now=NOW)
    assert not result.ok and "sudah ada" in " ".join(result.problems)
    assert before[2:] == _snapshot(db_copy)[2:]


def test_an_in_app_edit_batch_cannot_be_rolled_back_blindly(db_copy):
    """A standards edit records a batch without a row log; rollback must refuse rather than pretend."""
    from data_access.importing import RollbackRefused, rollback_batch

    with get_engine(db_copy).connect() as conn:
        std, wt = _current(conn)
    std.loc[std.index[0], "menit_per_unit"] = float(std.loc[std.index[0], "menit_per_unit"] or 0) + 5
    assert save_standards(std, wt, "SK Dirjen Rehsos (uji)", USER, ADMIN, url=db_copy, now=NOW).ok
    before = _snapshot(db_copy)
    with get_engine(db_copy).connect() as conn:
        batch = conn.execute(select(ImportBatch.id).where(ImportBatch.jenis == "standar")).scalar_one()
    with pytest.raises(RollbackRefused, match="tidak dapat dibatalkan otomatis"):
        rollback_batch(get_engine(db_copy), batch, USER)
    after = _snapshot(db_copy)
    assert after[2:] == before[2:]
