"""Imports on SQLite and PostgreSQL: bad files change nothing, export → import is a no-op, the first real import
replaces demo data, rollback restores the previous state (checksums of every table), and the CLI."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io

import pandas as pd
import pytest
from openpyxl import Workbook
from sqlalchemy import func, select, update

from data_access import schema as s
from data_access.engine import get_engine, migrate
from data_access.importing import (
    SUMBER, ImportRejected, RollbackRefused, export_frame, import_file, list_batches, plan_import, rollback_batch,
    table_checksums,
)
from demo.loader import ensure_database
from domain.validation import KINDS
from exports.templates import export_bytes
from tests.conftest import BACKENDS, new_database_url
from tests.db.databases import clone_database, drop_database
from tests.fixture_data import load_small

# Audit, settings and accounts change on purpose; every other table must come back exactly.
NOT_RESTORED = {"import_batch", "import_perubahan", "penyerahan", "pengaturan", "akun"}  # submissions: a log
DATA_TABLES = [t.name for t in s.Base.metadata.sorted_tables if t.name not in NOT_RESTORED]


def data_sums(engine) -> dict[str, str]:
    with engine.connect() as conn:
        return table_checksums(conn, DATA_TABLES)


def all_sums(engine) -> dict[str, str]:
    with engine.connect() as conn:
        return table_checksums(conn)


def csv_bytes(header: list[str], rows: list[list[str]], sep: str = ",", encoding: str = "utf-8") -> bytes:
    buf = io.StringIO()
    csv.writer(buf, delimiter=sep, lineterminator="\n").writerows([header, *rows])
    return buf.getvalue().encode(encoding)


def xlsx_bytes(sheets: dict[str, list[list]]) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------- databases
@pytest.fixture(scope="module", params=BACKENDS)
def demo_template(request, tmp_path_factory) -> str:
    """A demo database of this module only, never written: tests work on clones of it."""
    url = new_database_url(request.param, tmp_path_factory, "imptpl")
    ensure_database(url)
    get_engine(url).dispose()
    yield url
    drop_database(url)


@pytest.fixture()
def demo_db(demo_template, tmp_path):
    url = clone_database(demo_template, tmp_path)
    yield get_engine(url)
    drop_database(url)


@pytest.fixture(scope="module", params=BACKENDS)
def small_db(request, tmp_path_factory):
    """The small fixture data set in a database of this module; rejected imports must leave it untouched."""
    url = new_database_url(request.param, tmp_path_factory, "impsmall")
    migrate(url)
    load_small(get_engine(url))
    yield get_engine(url)
    drop_database(url)


# ---------------------------------------------------------------- bad files
KASUS = list(KINDS["kasus"].names)
GOOD = ["2024-01", "52.03", "MYS", "kerja_paksa", "P", "dewasa", "asesmen", "SEN-01", "KEMENSOS", "12"]


def kasus_with(**cells: str) -> list[str]:
    return [cells.get(name, value) for name, value in zip(KASUS, GOOD)]


def good_csv(**kw) -> bytes:
    return csv_bytes(KASUS, [GOOD, kasus_with(**{"bulan": "2024-02", **kw})])


BAD_FILES = [
    # id, kind, file name, content, (row, column) expected or None, message fragment
    ("empty", "kasus", "k.csv", b"", None, "kosong"),
    ("header_only", "kasus", "k.csv", csv_bytes(KASUS, []), None, "hanya berisi baris judul"),
    ("truncated", "kasus", "k.csv", good_csv()[:-25], (3, "jumlah"), "wajib diisi"),
    ("wrong_columns", "kasus", "k.csv", csv_bytes(["bulan", "kode_unit", "penghuni"], [["2024-01", "SEN-01", "4"]]),
     (1, "modus"), "tidak ada"),
    ("wrong_kind", "okupansi", "k.csv", good_csv(), (1, "kapasitas"), "tidak ada"),
    ("bad_region", "kasus", "k.csv", good_csv(kode_asal="Kab. Lombok Timurr"), (3, "kode_asal"), "52.03"),
    ("bad_country", "kasus", "k.csv", good_csv(kode_tujuan="ZZZ"), (3, "kode_tujuan"), "tidak dikenal"),
    ("negative", "kasus", "k.csv", good_csv(jumlah="-4"), (3, "jumlah"), "negatif"),
    ("fraction", "kasus", "k.csv", good_csv(jumlah="2.5"), (3, "jumlah"), "pecahan"),
    ("fraction_comma", "kasus", "k.csv", csv_bytes(KASUS, [GOOD, kasus_with(bulan="2024-02", jumlah="2,5")], ";"),
     (3, "jumlah"), "pecahan"),
    ("ambiguous_thousands", "kasus", "k.csv",
     csv_bytes(KASUS, [GOOD, kasus_with(bulan="2024-02", jumlah="1.500")], ";"), (3, "jumlah"), "ambigu"),
    ("duplicates", "kasus", "k.csv", csv_bytes(KASUS, [GOOD, kasus_with(jumlah="3")]), (3, None), "Kunci ganda"),
    ("future_month", "kasus", "k.csv", good_csv(bulan=f"{dt.date.today().year + 1}-01"), (3, "bulan"), "masa depan"),
    ("before_2000", "kasus", "k.csv", good_csv(bulan="1998-05"), (3, "bulan"), "sebelum tahun 2000"),
    ("unknown_unit", "kasus", "k.csv", good_csv(kode_unit="SEN-42"), (3, "kode_unit"), "tidak dikenal"),
    ("unknown_modus", "kasus", "k.csv", good_csv(modus="penipuan"), (3, "modus"), "tidak dikenal"),
    ("unknown_stage", "kasus", "k.csv", good_csv(tahap="vonis"), (3, "tahap"), "tidak dikenal"),
    ("unknown_agency", "kasus", "k.csv", good_csv(instansi="POLRI"), (3, "instansi"), "tidak dikenal"),
    ("missing_cell", "kasus", "k.csv", good_csv(modus=""), (3, "modus"), "wajib diisi"),
    ("formula", "kasus", "k.csv", good_csv(kode_unit='=HYPERLINK("http://x.example","klik")'),
     (3, "kode_unit"), "rumus"),
    ("binary", "kasus", "k.csv", bytes(range(256)) * 40, None, "bukan teks"),
    ("latin1_garbage", "kasus", "k.csv", "¤§¶©®°±µ¼½¾¿×÷".encode("latin-1") * 300, None, "tidak terbaca"),
    ("wrong_encoding_utf16_no_bom", "kasus", "k.csv", good_csv().decode().encode("utf-16-le"), None, "bukan teks"),
    ("huge", "kasus", "k.csv", b"x" * (20 * 1024 * 1024 + 1), None, "terlalu besar"),
    ("xlsx_wrong_sheet", "kasus", "k.xlsx", xlsx_bytes({"Lembar1": [KASUS, GOOD], "Lembar2": [KASUS, GOOD]}),
     None, "lembar 'data'"),
    ("xlsx_not_excel", "kasus", "k.xlsx", b"bulan,jumlah\n", None, "bukan Excel"),
    ("xls_legacy", "kasus", "k.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), None, ".xls"),
    ("xlsx_bad_cell", "kasus", "k.xlsx", xlsx_bytes({"data": [KASUS, GOOD, kasus_with(bulan="2024-02", jumlah=-3)]}),
     (3, "jumlah"), "negatif"),
    ("occupancy_subset", "okupansi", "o.csv",
     csv_bytes(list(KINDS["okupansi"].names), [["2024-01", "SEN-01", "50", "10", "11", "1", "1"]]),
     (2, "penghuni_tppo"), "lebih banyak"),
    ("staff_bad_role", "staf", "s.csv",
     csv_bytes(list(KINDS["staf"].names), [["2024-Q1", "SEN-01", "satpam", "1", "0", "0"]]), (2, "peran"),
     "tidak dikenal"),
    ("population_zero", "populasi", "p.csv", csv_bytes(list(KINDS["populasi"].names), [["52", "2024", "0", "BPS", ""]]),
     (2, "jumlah"), "minimal 1"),
    # issue 15: training records
    ("training_bad_topic", "pelatihan", "p.csv", csv_bytes(list(KINDS["pelatihan"].names),
                                                           [["2024-01", "SEN-01", "pekerja_sosial", "memasak", "2"]]),
     (2, "topik"), "tidak dikenal"),
    ("training_negative", "pelatihan", "p.csv", csv_bytes(list(KINDS["pelatihan"].names),
                                                          [["2024-01", "SEN-01", "pekerja_sosial", "lainnya", "-2"]]),
     (2, "jumlah"), "negatif"),
    ("training_unknown_unit", "pelatihan", "p.csv", csv_bytes(list(KINDS["pelatihan"].names),
                                                              [["2024-01", "SEN-42", "psikolog", "lainnya", "1"]]),
     (2, "kode_unit"), "tidak dikenal"),
    ("training_duplicate", "pelatihan", "p.csv", csv_bytes(list(KINDS["pelatihan"].names), [
        ["2024-01", "SEN-01", "psikolog", "lainnya", "1"], ["2024-01", "SEN-01", "Psikolog", "Topik lain", "2"]]),
     (3, None), "Kunci ganda"),
    # issue 14: hostile files
    ("overflow", "kasus", "k.csv", good_csv(jumlah="99999999999999999999"), (3, "jumlah"), "terlalu besar"),
    ("int64_max_twice", "kasus", "k.csv", csv_bytes(KASUS, [kasus_with(jumlah="9223372036854775807"),
                                                      kasus_with(bulan="2024-02", jumlah="9223372036854775807")]),
     (2, "jumlah"), "maksimal 100.000"),
    ("full_width_digits", "kasus", "k.csv", good_csv(jumlah="１２"), (3, "jumlah"), "0–9"),
    ("dot_thousands_comma_file", "kasus", "k.csv", good_csv(jumlah="1.234"), (3, "jumlah"), "pemisah ribuan"),
    ("contradicting_province", "kasus", "k.csv", csv_bytes(KASUS + ["provinsi"], [GOOD + ["52"],
                                                                                  kasus_with(bulan="2024-02") + ["35"]]),
     (3, "provinsi"), "bertentangan"),
    ("bom_formula", "unit_layanan", "u.csv", csv_bytes(list(KINDS["unit_layanan"].names), [
        ["SEN-02", "Sentra Baru", "sentra", "35.08", "-8.1", "113.2", "10", "ya", "ya", "", "", "",
         '\ufeff=HYPERLINK("http://x.example","klik")']]), (2, "catatan"), "rumus"),
    ("newline_formula", "unit_layanan", "u.csv", csv_bytes(list(KINDS["unit_layanan"].names), [
        ["SEN-02", "Sentra Baru", "sentra", "35.08", "-8.1", "113.2", "10", "ya", "ya", "", "", "",
         'x10\n=HYPERLINK("http://x.example","klik")']]), (2, "catatan"), "rumus"),
    ("xlsx_declares_whole_sheet", "kasus", "k.xlsx", None, None, "terlalu besar"),
    ("unit_outside_indonesia", "unit_layanan", "u.csv", csv_bytes(list(KINDS["unit_layanan"].names), [
        ["SEN-02", "Sentra Baru", "sentra", "35.08", "51.5", "-0.1", "10", "ya", "ya", "", "", "", ""]]),
     (2, "lat"), "maksimal"),
]


# Prevention kinds (issue 15): one good row each; the bad cases below differ from it by the fault only.
PREVENTION_GOOD = {
    "kegiatan_pencegahan": ["2024-01", "52.03", "BP3MI", "sosialisasi", "3", "150"],
    "pencegahan_keberangkatan": ["2024-01", "52", "IMIGRASI", "212"],
    "penempatan_pmi": ["2023", "", "52", "33949"],
}


def prevention_csv(kind: str, *rows: dict[str, str]) -> bytes:
    """The good row, then one row per dict: the good row with those cells changed."""
    names, good = list(KINDS[kind].names), PREVENTION_GOOD[kind]
    return csv_bytes(names, [good] + [[r.get(n, v) for n, v in zip(names, good)] for r in rows])


BAD_FILES += [
    ("activity_unknown_kind", "kegiatan_pencegahan", "p.csv",
     prevention_csv("kegiatan_pencegahan", {"bulan": "2024-02", "jenis": "seminar"}), (3, "jenis"), "tidak dikenal"),
    ("activity_unknown_agency", "kegiatan_pencegahan", "p.csv",
     prevention_csv("kegiatan_pencegahan", {"bulan": "2024-02", "instansi": "KPK"}), (3, "instansi"),
     "tidak dikenal"),
    ("activity_negative_participants", "kegiatan_pencegahan", "p.csv",
     prevention_csv("kegiatan_pencegahan", {"bulan": "2024-02", "peserta": "-5"}), (3, "peserta"), "negatif"),
    ("activity_bad_region", "kegiatan_pencegahan", "p.csv",
     prevention_csv("kegiatan_pencegahan", {"bulan": "2024-02", "kode_wilayah": "99.99"}), (3, "kode_wilayah"),
     "tidak ada dalam daftar"),
    ("activity_duplicate_key", "kegiatan_pencegahan", "p.csv",
     prevention_csv("kegiatan_pencegahan", {"peserta": "10"}), (3, None), "Kunci ganda"),
    ("prevented_regency_code", "pencegahan_keberangkatan", "p.csv",
     prevention_csv("pencegahan_keberangkatan", {"bulan": "2024-02", "kode_provinsi": "52.03"}),
     (3, "kode_provinsi"), "Kode provinsi saja"),
    ("prevented_future_month", "pencegahan_keberangkatan", "p.csv",
     prevention_csv("pencegahan_keberangkatan", {"bulan": f"{dt.date.today().year + 1}-01"}), (3, "bulan"),
     "masa depan"),
    ("prevented_fraction", "pencegahan_keberangkatan", "p.csv",
     prevention_csv("pencegahan_keberangkatan", {"bulan": "2024-02", "jumlah": "2.5"}), (3, "jumlah"), "pecahan"),
    ("placement_month_13", "penempatan_pmi", "p.csv",
     prevention_csv("penempatan_pmi", {"tahun": "2024", "bulan": "13"}), (3, "bulan"), "maksimal 12"),
    ("placement_year_and_months", "penempatan_pmi", "p.csv",
     prevention_csv("penempatan_pmi", {"bulan": "3", "jumlah": "2800"}), (2, "bulan"), "terhitung dua kali"),
    ("placement_two_whole_years", "penempatan_pmi", "p.csv",
     prevention_csv("penempatan_pmi", {"jumlah": "1"}), (3, None), "Kunci ganda"),
    ("placement_before_2000", "penempatan_pmi", "p.csv", prevention_csv("penempatan_pmi", {"tahun": "1999"}),
     (3, "tahun"), "sebelum tahun 2000"),
]


def _whole_sheet_bomb() -> bytes:
    """A small workbook whose sheet declares A1:XFD1048576 (17 billion cells)."""
    import re
    import zipfile

    src, out = zipfile.ZipFile(io.BytesIO(xlsx_bytes({"data": [KASUS, GOOD]}))), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', data)
            dst.writestr(item, data)
    return out.getvalue()


@pytest.mark.parametrize(("kind", "name", "raw", "where", "fragment"), [b[1:] for b in BAD_FILES],
                         ids=[b[0] for b in BAD_FILES])
def test_bad_file_is_rejected_and_changes_nothing(small_db, kind, name, raw, where, fragment):
    raw = _whole_sheet_bomb() if raw is None else raw
    before = all_sums(small_db)
    with pytest.raises(ImportRejected) as info:
        import_file(small_db, kind, raw, name, "uji")
    problems = info.value.problems
    assert any(fragment in p.message for p in problems), [p.describe() for p in problems]
    if where is not None:
        assert any((p.row, p.column) == where and fragment in p.message for p in problems), \
            [p.describe() for p in problems]
    assert all_sums(small_db) == before


GOOD_FILES = [("kasus", good_csv(), 2)] + [
    (kind, prevention_csv(kind, {"bulan": "2024-02"} if kind != "penempatan_pmi" else {"tahun": "2024"}), 2)
    for kind in PREVENTION_GOOD
]


@pytest.mark.parametrize(("kind", "raw", "rows"), GOOD_FILES, ids=[g[0] for g in GOOD_FILES])
def test_a_good_file_on_the_same_database_is_accepted(small_db, kind, raw, rows):
    """The bad-file cases differ from these files by the fault only: the checks are not rejecting everything."""
    with small_db.connect() as conn:
        plan = plan_import(conn, kind, raw, f"{kind}.csv")
    assert plan.ok, [p.describe() for p in plan.problems]
    assert (plan.added, plan.changed, plan.unchanged) == (rows, 0, 0)


# ---------------------------------------------------------------- round trips
@pytest.mark.parametrize("kind", list(KINDS))
def test_reimporting_the_demo_export_changes_nothing_at_all(demo_db, kind):
    """Issue 11 item 9: the demo label is a property of the data. An unchanged export of demo rows stays demo;
    an import that changes no row writes nothing (no batch, no deleted account, no flipped source)."""
    with demo_db.connect() as conn:
        first = export_frame(conn, kind)
    before = all_sums(demo_db)
    result = import_file(demo_db, kind, export_bytes(first, "csv"), f"{kind}.csv", "uji")
    assert (result.batch_id, result.added, result.changed, result.demo_replaced, result.left_demo) == (
        None, 0, 0, 0, False)
    assert result.unchanged == len(first)
    assert all_sums(demo_db) == before
    assert sumber(demo_db, SUMBER[kind]) == "demo" and count(demo_db, s.Akun) == 3


@pytest.mark.parametrize("kind", list(KINDS))
def test_export_import_is_a_no_op(demo_db, kind):
    formats = ("csv",) if kind == "kasus" else ("csv", "xlsx")
    with demo_db.connect() as conn:
        first = export_frame(conn, kind)
    for fmt in formats:
        with demo_db.connect() as conn:
            exported = export_frame(conn, kind)
        with demo_db.connect() as conn:
            sums = table_checksums(conn, [KINDS[kind].table])
        result = import_file(demo_db, kind, export_bytes(exported, fmt), f"{kind}.{fmt}", "uji")
        assert (result.added, result.changed, result.unchanged) == (0, 0, len(exported)), fmt
        with demo_db.connect() as conn:
            assert table_checksums(conn, [KINDS[kind].table]) == sums
        with demo_db.connect() as conn:
            assert export_frame(conn, kind).equals(exported)
    if kind not in ("standar", "waktu_kerja"):
        assert first.equals(exported), "the first import kept every value"


# ---------------------------------------------------------------- demo replacement, audit, rollback
NEW_CASES = csv_bytes(KASUS, [
    ["2024-01", "Kab. Lombok Timur", "MYS", "kerja_paksa", "P", "dewasa", "asesmen", "", "KEMENSOS", "12"],
    ["2024-02", "Kota Surabaya", "31", "eksploitasi_seksual", "P", "anak", "asesmen", "", "BP2MI", "4"],
], sep=";", encoding="cp1252")


def count(engine, model) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(model)).scalar_one()


def sumber(engine, kode: str) -> str:
    with engine.connect() as conn:
        return conn.execute(select(s.SumberData.asal).where(s.SumberData.kode == kode)).scalar_one()


def demo_rows_of(engine, instansi: str, month: dt.date) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(s.Kasus).where(
            s.Kasus.instansi == instansi, s.Kasus.bulan == month)).scalar_one()


def test_a_real_file_replaces_exactly_its_reports_and_rollback_restores_them(demo_db):
    """Issue 23: a file replaces the (agency, month) reports it covers and nothing else; demo rows elsewhere stay
    (the kind is then mixed and says so), the demo accounts go with the first real data, and a rollback restores
    every row, the demo label and no account."""
    original = data_sums(demo_db)
    demo_rows = count(demo_db, s.Kasus)
    covered = demo_rows_of(demo_db, "KEMENSOS", dt.date(2024, 1, 1)) + demo_rows_of(demo_db, "BP2MI",
                                                                                 dt.date(2024, 2, 1))
    assert covered > 0 and count(demo_db, s.Akun) == 3

    with demo_db.connect() as conn:
        plan = plan_import(conn, "kasus", NEW_CASES, "kasus_2024.csv")
    assert plan.months[["ditambah", "dihapus"]].values.tolist() == [
        [1, demo_rows_of(demo_db, "KEMENSOS", dt.date(2024, 1, 1))], [1, demo_rows_of(demo_db, "BP2MI",
                                                                                        dt.date(2024, 2, 1))]]
    assert plan.demo_kept == demo_rows - covered and plan.demo_replaced == 0
    result = import_file(demo_db, "kasus", NEW_CASES, "kasus_2024.csv", "admin_bp2mi")
    assert (result.added, result.changed, result.unchanged, result.removed, result.demo_replaced) == (
        2, 0, 0, covered, 0)
    assert result.left_demo and result.asal == "campuran" and result.reports == 2
    assert count(demo_db, s.Kasus) == demo_rows - covered + 2
    assert sumber(demo_db, "kasus") == "campuran" and sumber(demo_db, "okupansi") == "demo"
    assert count(demo_db, s.Akun) == 0, "demo accounts go with the first real data"
    with demo_db.connect() as conn:
        batch = list_batches(conn).iloc[0]
        logged = conn.execute(select(func.count()).select_from(s.ImportPerubahan)
                              .where(s.ImportPerubahan.batch_id == int(batch["id"]))).scalar_one()
        submitted = conn.execute(select(s.Penyerahan.pelapor, s.Penyerahan.bulan, s.Penyerahan.baris,
                                        s.Penyerahan.total, s.Penyerahan.nol, s.Penyerahan.oleh)
                                 .where(s.Penyerahan.batch_id == result.batch_id)
                                 .order_by(s.Penyerahan.pelapor)).all()
    assert (batch["jenis"], batch["nama_file"], batch["oleh"], batch["status"]) == (
        "kasus", "kasus_2024.csv", "admin_bp2mi", "aktif")
    assert batch["sha256"] == hashlib.sha256(NEW_CASES).hexdigest()
    assert (batch["baris_tambah"], batch["baris_ubah"], batch["baris_sama"]) == (2, 0, 0)
    assert logged == covered + 2 + 1  # removed rows of the two reports, inserted rows, the data status
    assert [tuple(r) for r in submitted] == [("BP2MI", dt.date(2024, 2, 1), 1, 4, False, "admin_bp2mi"),
                                             ("KEMENSOS", dt.date(2024, 1, 1), 1, 12, False, "admin_bp2mi")]

    after_first = all_sums(demo_db)
    again = import_file(demo_db, "kasus", NEW_CASES, "kasus_2024.csv", "admin_bp2mi")
    assert (again.batch_id, again.added, again.changed, again.unchanged, again.demo_replaced) == (None, 0, 0, 2, 0)
    assert all_sums(demo_db) == after_first, "an import that changes no row writes nothing"

    undone = rollback_batch(demo_db, result.batch_id, "uji")
    assert undone.demo_restored and undone.restored == covered + 2
    assert data_sums(demo_db) == original
    assert sumber(demo_db, "kasus") == "demo"
    assert count(demo_db, s.Akun) == 0, "known demo passwords never come back to a database that held real data"
    with demo_db.connect() as conn:
        statuses = list_batches(conn).set_index("id")["status"]
    assert statuses[result.batch_id] == "dibatalkan"
    with pytest.raises(RollbackRefused, match="dibatalkan"):
        rollback_batch(demo_db, result.batch_id, "uji")


def test_demo_rows_are_replaced_only_by_choice(demo_db):
    original = data_sums(demo_db)
    demo_rows = count(demo_db, s.Kasus)
    with demo_db.connect() as conn:
        plan = plan_import(conn, "kasus", NEW_CASES, "kasus_2024.csv", replace_demo=True)
    assert plan.demo_kept == 0 and plan.demo_replaced + plan.removed == demo_rows
    result = import_file(demo_db, "kasus", NEW_CASES, "kasus_2024.csv", "uji", replace_demo=True)
    assert result.demo_replaced + result.removed == demo_rows and result.asal == "impor"
    assert count(demo_db, s.Kasus) == 2 and sumber(demo_db, "kasus") == "impor"
    rollback_batch(demo_db, result.batch_id, "uji")
    assert data_sums(demo_db) == original


@pytest.mark.parametrize("kind", list(PREVENTION_GOOD))
def test_first_real_prevention_import_replaces_demo_by_choice_and_rollback_restores_it(demo_db, kind):
    """Prevention kinds follow the demo rule of every kind: a file chosen to replace the demo rows replaces that
    kind's (and only that kind's), is logged row by row, and its rollback brings the demo rows and the DATA CONTOH
    label back."""
    original = data_sums(demo_db)
    table = s.Base.metadata.tables[KINDS[kind].table]
    demo_rows = count(demo_db, table)
    period = {"tahun": "2022"} if kind == "penempatan_pmi" else {"bulan": "2022-12"}  # before the demo period
    row = [period.get(n, v) for n, v in zip(KINDS[kind].names, PREVENTION_GOOD[kind])]
    raw = csv_bytes(list(KINDS[kind].names), [row])
    kept = import_file(demo_db, kind, raw, f"{kind}.csv", "admin_bp2mi")
    assert (kept.added, kept.demo_replaced, kept.asal) == (1, 0, "campuran")
    rollback_batch(demo_db, kept.batch_id, "uji")
    result = import_file(demo_db, kind, raw, f"{kind}.csv", "admin_bp2mi", replace_demo=True)
    assert (result.added, result.demo_replaced, result.left_demo) == (1, demo_rows, True)
    assert count(demo_db, table) == 1
    assert sumber(demo_db, SUMBER[kind]) == "impor" and sumber(demo_db, "kasus") == "demo"
    undone = rollback_batch(demo_db, result.batch_id, "uji")
    assert undone.demo_restored and undone.restored == demo_rows + 1
    assert data_sums(demo_db) == original


OCC = list(KINDS["okupansi"].names)


def test_rollback_of_an_older_batch_touching_the_same_rows_is_refused(demo_db):
    first = import_file(demo_db, "okupansi", csv_bytes(OCC, [["2024-01", "SEN-01", "50", "40", "10", "5", "4"],
                                                             ["2024-02", "SEN-01", "50", "41", "10", "5", "4"]]),
                        "o1.csv", "uji")
    state_after_first = data_sums(demo_db)
    second = import_file(demo_db, "okupansi", csv_bytes(OCC, [["2024-02", "SEN-01", "50", "45", "12", "6", "4"],
                                                              ["2024-03", "SEN-01", "50", "44", "11", "5", "6"]]),
                         "o2.csv", "uji")
    assert (second.added, second.changed, second.unchanged) == (0, 2, 0)  # both months were demo rows
    before = all_sums(demo_db)
    with pytest.raises(RollbackRefused, match=f"#{second.batch_id}"):
        rollback_batch(demo_db, first.batch_id, "uji")
    assert all_sums(demo_db) == before, "a refused rollback changes nothing"
    rollback_batch(demo_db, second.batch_id, "uji")
    assert data_sums(demo_db) | {"sumber_data": ""} == state_after_first | {"sumber_data": ""}


def test_rollback_refuses_rows_changed_outside_imports(demo_db):
    result = import_file(demo_db, "okupansi", csv_bytes(OCC, [["2024-01", "SEN-01", "50", "40", "10", "5", "4"]]),
                         "o.csv", "uji")
    with demo_db.begin() as conn:
        conn.execute(update(s.Okupansi).where(s.Okupansi.kode_unit == "SEN-01",
                                              s.Okupansi.bulan == dt.date(2024, 1, 1)).values(penghuni=39))
    before = all_sums(demo_db)
    with pytest.raises(RollbackRefused, match="di luar impor"):
        rollback_batch(demo_db, result.batch_id, "uji")
    assert all_sums(demo_db) == before


UNITS = list(KINDS["unit_layanan"].names)


def test_unit_import_replacing_demo_deactivates_demo_units_and_rollback_restores(demo_db):
    original = data_sums(demo_db)
    with demo_db.connect() as conn:
        kept = export_frame(conn, "unit_layanan").iloc[[0]]
    new = ["SEN-90", "Sentra Uji Baru", "sentra", "Kab. Lumajang", "-8,13", "113,22", "40", "ya", "ya", "", "", "", ""]
    rows = [[("" if v is None else str(v)) for v in kept.iloc[0].tolist()], new]
    result = import_file(demo_db, "unit_layanan", csv_bytes(UNITS, rows, sep=";"), "unit.csv", "uji",
                         replace_demo=True)
    assert (result.added, result.unchanged) == (1, 1)
    with demo_db.connect() as conn:
        active = set(conn.execute(select(s.UnitLayanan.kode_unit).where(s.UnitLayanan.aktif.is_(True))).scalars())
        total = conn.execute(select(func.count()).select_from(s.UnitLayanan)).scalar_one()
    assert active == {kept.iloc[0]["kode_unit"], "SEN-90"}
    assert total == result.demo_replaced + 2, "demo units are kept (cases refer to them), only set inactive"
    rollback_batch(demo_db, result.batch_id, "uji")
    assert data_sums(demo_db) == original


def test_wisn_inputs_leave_demo_mode_when_both_tables_are_real(demo_db):
    with demo_db.connect() as conn:
        standards = export_frame(conn, "standar").assign(sumber="SK Dirjen Rehsos 2026")
        working = export_frame(conn, "waktu_kerja").assign(sumber="SK Dirjen Rehsos 2026")
    import_file(demo_db, "standar", export_bytes(standards, "xlsx"), "standar.xlsx", "uji")
    assert sumber(demo_db, "standar_beban_kerja") == "campuran", "working time is still example data"
    assert count(demo_db, s.Akun) == 0, "real standards are real data: the demo accounts go"
    second = import_file(demo_db, "waktu_kerja", export_bytes(working, "csv"), "awt.csv", "uji")
    assert second.asal == "impor" and sumber(demo_db, "standar_beban_kerja") == "impor"
    with demo_db.connect() as conn:
        assert not conn.execute(select(func.count()).select_from(s.StandarBebanKerja)
                                .where(s.StandarBebanKerja.contoh.is_(True))).scalar_one()
    rollback_batch(demo_db, second.batch_id, "uji")
    assert sumber(demo_db, "standar_beban_kerja") == "campuran", "the real standards stay; working time is demo again"


def test_history_imported_beside_a_new_month_is_kept_by_the_next_month(demo_db):
    """Issue 23 defect 1: the full export plus August 2025, then September alone. Before, the export's rows stayed
    flagged as demo, and the September import (the "first real import") deleted them: kasus held Aug-Sep only."""
    with demo_db.connect() as conn:
        history = export_frame(conn, "kasus")
    july = history[history["bulan"] == "2025-07"]
    august, september = july.assign(bulan="2025-08"), july.assign(bulan="2025-09")
    with_august = pd.concat([history, august], ignore_index=True)
    first = import_file(demo_db, "kasus", export_bytes(with_august, "csv"), "kasus_s.d._agustus.csv", "uji",
                        now=dt.datetime(2025, 9, 5, 3, tzinfo=dt.UTC))
    assert (first.added, first.unchanged, first.removed, first.demo_replaced) == (len(august), len(history), 0, 0)
    assert any("sama persis dengan data contoh" in w.message for w in first.warnings)
    assert first.asal == "impor" and sumber(demo_db, "kasus") == "impor"  # the file vouched for every row
    second = import_file(demo_db, "kasus", export_bytes(september, "csv"), "kasus_september.csv", "uji",
                         now=dt.datetime(2025, 10, 8, 3, tzinfo=dt.UTC))
    assert (second.added, second.removed, second.demo_replaced) == (len(september), 0, 0)
    assert count(demo_db, s.Kasus) == len(history) + len(august) + len(september)
    with demo_db.connect() as conn:
        months = conn.execute(select(func.min(s.Kasus.bulan), func.max(s.Kasus.bulan))).one()
    assert tuple(months) == (dt.date(2023, 1, 1), dt.date(2025, 9, 1))


def test_training_import_replacing_demo_training_and_rollback_restores_it(demo_db):
    original = data_sums(demo_db)
    demo_rows = count(demo_db, s.Pelatihan)
    rows = [["2025-06", "Sentra Terpadu Pangudi Luhur", "Pekerja sosial", "Identifikasi dan asesmen korban TPPO", "4"]]
    with demo_db.connect() as conn:
        unit = conn.execute(select(s.UnitLayanan.kode_unit).where(s.UnitLayanan.aktif.is_(True))).scalars().first()
    rows[0][1] = unit
    result = import_file(demo_db, "pelatihan", csv_bytes(list(KINDS["pelatihan"].names), rows), "latih.csv", "uji",
                         replace_demo=True)
    assert (result.added, result.demo_replaced + result.removed, result.left_demo) == (1, demo_rows, True)
    assert sumber(demo_db, "pelatihan") == "impor" and count(demo_db, s.Pelatihan) == 1
    with demo_db.connect() as conn:
        stored = conn.execute(select(s.Pelatihan.peran, s.Pelatihan.topik, s.Pelatihan.jumlah)).one()
    assert tuple(stored) == ("pekerja_sosial", "identifikasi_korban", 4), "names are read as codes"
    rollback_batch(demo_db, result.batch_id, "uji")
    assert data_sums(demo_db) == original and sumber(demo_db, "pelatihan") == "demo"


def test_population_import_keeps_published_rows(demo_db):
    before = count(demo_db, s.Populasi)
    result = import_file(demo_db, "populasi", csv_bytes(list(KINDS["populasi"].names),
                                                        [["Kab. Lombok Timur", "2024", "1.400.000", "BPS", ""]]),
                         "pop.csv", "uji")
    assert (result.added, result.demo_replaced) == (1, 0)
    assert count(demo_db, s.Populasi) == before + 1
    assert sumber(demo_db, "populasi") == "impor"


# ---------------------------------------------------------------- command line
@pytest.fixture()
def cli_db(demo_template, tmp_path, monkeypatch):
    if not demo_template.startswith("sqlite"):
        pytest.skip("the command line is exercised once, on SQLite")
    url = clone_database(demo_template, tmp_path)
    monkeypatch.setenv("DATABASE_URL", url)
    yield get_engine(url)
    drop_database(url)


def test_cli_template_export_import_rollback(cli_db, tmp_path, capsys):
    from openpyxl import load_workbook

    from manage import main

    template = tmp_path / "templat_staf.xlsx"
    assert main(["template", "staf", "--out", str(template)]) == 0
    wb = load_workbook(template)
    assert wb.sheetnames == ["data", "Petunjuk", "Kode"]
    assert [c.value for c in wb["data"][1]] == list(KINDS["staf"].names)
    guide = "\n".join(str(c.value) for row in wb["Petunjuk"].iter_rows() for c in row if c.value)
    assert "pekerja_sosial" in guide and "kuartal TTTT-Qn" in guide

    csv_template = tmp_path / "t.csv"
    assert main(["template", "okupansi", "--out", str(csv_template)]) == 0
    assert csv_template.read_bytes().decode("utf-8-sig").strip() == ",".join(KINDS["okupansi"].names)
    capsys.readouterr()

    bad = tmp_path / "buruk.csv"
    bad.write_bytes(good_csv(jumlah="-4", modus="penipuan"))
    before = all_sums(cli_db)
    assert main(["import", "kasus", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "ditolak" in err and "Baris 3, kolom 'jumlah'" in err and "Baris 3, kolom 'modus'" in err
    assert all_sums(cli_db) == before

    export = tmp_path / "okupansi.csv"
    assert main(["export", "okupansi", "--out", str(export)]) == 0
    assert main(["import", "okupansi", str(export), "--user", "uji"]) == 0
    assert "tidak ada yang ditulis" in capsys.readouterr().out
    rows = list(csv.reader(io.StringIO(export.read_text(encoding="utf-8-sig"))))
    for row in rows[1:]:
        row[-1] = str(int(row[-1]) + 1)  # every pemulangan changes: no demo row is left
    export.write_bytes(csv_bytes(rows[0], rows[1:]))
    assert main(["import", "okupansi", str(export), "--user", "uji"]) == 0
    out = capsys.readouterr().out
    assert "0 baris ditambah" in out and "akun demo dihapus" in out
    assert main(["batches"]) == 0
    listing = capsys.readouterr().out
    assert "okupansi.csv" in listing and "uji" in listing
    batch = int(listing.split()[0].lstrip("#"))
    assert main(["rollback", str(batch)]) == 0
    assert "dibatalkan" in capsys.readouterr().out
    assert main(["rollback", str(batch)]) == 2
    assert "hanya impor aktif" in capsys.readouterr().err
    assert main(["import", "kasus", str(tmp_path / "tidak_ada.csv")]) == 2
    assert "tidak ditemukan" in capsys.readouterr().err


def test_cli_rejects_unknown_output_format(cli_db, tmp_path, capsys):
    from manage import main

    assert main(["export", "kasus", "--out", str(tmp_path / "x.json")]) == 2
    assert ".csv atau .xlsx" in capsys.readouterr().err



def test_cli_sets_a_competence_target_and_rolls_it_back(cli_db, capsys):
    from manage import main

    before = all_sums(cli_db)
    assert main(["target", "psikolog", "--terlatih", "150", "--sumber", "uji"]) == 2
    assert "persen dari 0 sampai 100" in capsys.readouterr().err
    assert main(["target", "satpam", "--terlatih", "50", "--sumber", "uji"]) == 2
    assert "tidak dikenal" in capsys.readouterr().err
    assert all_sums(cli_db) == before
    assert main(["target", "psikolog", "--terlatih", "60", "--bersertifikat", "-", "--sumber", "Rapat Jarnas"]) == 0
    out = capsys.readouterr().out
    with cli_db.connect() as conn:
        value = conn.execute(select(s.TargetKompetensi.target_terlatih)
                             .where(s.TargetKompetensi.peran == "psikolog")).scalar_one()
    assert value == pytest.approx(0.6)
    batch = out.split("impor #")[1].split(";")[0]
    assert main(["rollback", batch]) == 0
    with cli_db.connect() as conn:
        assert table_checksums(conn, ["target_kompetensi"]) == {"target_kompetensi": before["target_kompetensi"]}
