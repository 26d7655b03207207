"""Query functions on the small fixture database, on SQLite and PostgreSQL, with rows filters must exclude."""

from __future__ import annotations

import datetime as dt

import pytest

from data_access.capacity import query_occupancy
from data_access.cases import query_period_bounds, query_stage_counts, query_victims_by, query_victims_total
from data_access.reference import query_code_names, query_data_status, query_regions, query_units
from data_access.staffing import query_staffing
from data_access.summary import query_summary
from domain.filters import Filters, for_year

Y2024 = for_year(2024)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), 29),
        (Y2024, 24),
        (Y2024.with_(provinsi=("35",)), 14),
        (Y2024.with_(modus=("kerja_paksa",)), 17),
        (Y2024.with_(jenis_kelamin=("P",)), 20),
        (Filters(kelompok_umur=("anak",)), 7),
        # Victims are counted at the entry stage whichever agency referred them: the agency filter does not narrow a
        # victim count (it gave 0 for every agency but Kemensos; issue 22 item 5).
        (Filters(instansi=("KEMENKES",)), 29),
        (Filters(start=dt.date(2024, 2, 1), end=dt.date(2024, 2, 1)), 11),
        (Filters(provinsi=("11",)), 0),
    ],
)
def test_victims_total(small_conn, filters, expected):
    assert query_victims_total(small_conn, filters) == expected


def test_victims_by_origin_keeps_province_only_rows(small_conn):
    df = query_victims_by(small_conn, Y2024, ("kode_asal",))
    assert dict(zip(df["kode_asal"], df["jumlah"])) == {"35.08": 14, "52": 3, "52.03": 7}


def test_victims_by_two_dimensions(small_conn):
    df = query_victims_by(small_conn, Y2024, ("kode_prov_asal", "kode_tujuan"))
    got = {(r.kode_prov_asal, r.kode_tujuan): r.jumlah for r in df.itertuples()}
    assert got == {("35", "KHM"): 4, ("35", "MYS"): 10, ("52", "31"): 3, ("52", "MYS"): 7}


def test_unknown_dimension_is_refused(small_conn):
    with pytest.raises(ValueError, match="tidak dikenal"):
        query_victims_by(small_conn, Y2024, ("nama; DROP TABLE kasus",))


def test_stage_counts_include_every_stage_and_agency(small_conn):
    df = query_stage_counts(small_conn, Y2024, ("tahap", "instansi"))
    got = {(r.tahap, r.instansi): r.jumlah for r in df.itertuples()}
    assert got == {("asesmen", "KEMENSOS"): 24, ("rehabilitasi_sosial", "KEMENSOS"): 8,
                   ("rehabilitasi_medis", "KEMENKES"): 6, ("penjangkauan", "BP2MI"): 7}


def test_period_bounds(small_conn):
    assert query_period_bounds(small_conn) == (dt.date(2023, 12, 1), dt.date(2024, 3, 1))


def test_regions_population_unknown_is_nan(small_conn):
    prov = query_regions(small_conn, 1, None).set_index("kode")
    assert prov.loc["35", "populasi"] == 40_000_000
    assert prov["populasi"].isna()["11"]
    kab = query_regions(small_conn, 2, "35")
    assert kab["kode"].tolist() == ["35.01", "35.08"]


def test_units_exclude_inactive(small_conn):
    assert query_units(small_conn)["kode_unit"].tolist() == ["RPTC-01", "SEN-01"]


def test_occupancy_filters_period_province_and_inactive_units(small_conn):
    df = query_occupancy(small_conn, Filters(start=dt.date(2024, 2, 1), end=dt.date(2024, 3, 1)))
    assert set(df["kode_unit"]) == {"SEN-01", "RPTC-01"}
    assert set(df["bulan"]) == {dt.date(2024, 2, 1), dt.date(2024, 3, 1)}
    only_31 = query_occupancy(small_conn, Filters(provinsi=("31",)))
    assert set(only_31["kode_unit"]) == {"RPTC-01"}


def test_staffing_latest_quarter_by_default(small_conn):
    df = query_staffing(small_conn, None, ())
    assert set(df["kuartal"].astype(str)) == {"2024-01-01"}
    assert "SEN-99" not in set(df["kode_unit"])
    older = query_staffing(small_conn, dt.date(2023, 10, 1), ())
    assert older["terisi"].tolist() == [3]


def test_code_names_and_status(small_conn):
    names = query_code_names(small_conn, "id")
    assert names["modus"]["online_scam"].startswith("Online scam")
    assert list(names["tahap"])[0] == "penjangkauan"
    assert names["provinsi"]["52"] == "Nusa Tenggara Barat"
    assert set(query_data_status(small_conn)["asal"]) == {"demo"}


def test_summary(small_conn):
    s = query_summary(small_conn, Y2024)
    assert s == {"victims_total": 24, "period_start": "2024-01", "period_end": "2024-03",
                 "service_units": {"sentra": 1, "rptc": 1}, "provinces": 4, "regencies": 4, "source": "demo"}


@pytest.mark.parametrize(("start", "end", "provinsi", "expected"), [
    # 2024: SEN-01 2 + 1, RPTC-01 3; the 2023 row is outside, the inactive SEN-99 never shown
    (dt.date(2024, 1, 1), dt.date(2024, 12, 1), (), {("SEN-01", "pekerja_sosial"): 3, ("RPTC-01", "pekerja_sosial"): 3}),
    (dt.date(2024, 2, 1), dt.date(2024, 2, 1), (), {("RPTC-01", "pekerja_sosial"): 3}),
    (dt.date(2023, 1, 1), dt.date(2024, 12, 1), ("35",), {("SEN-01", "pekerja_sosial"): 7}),  # unit location
    (dt.date(2024, 1, 1), dt.date(2024, 12, 1), ("52",), {}),
])
def test_training_per_unit_and_role(small_conn, start, end, provinsi, expected):
    from data_access.staffing import query_training

    df = query_training(small_conn, start, end, provinsi)
    assert list(df.columns) == ["kode_unit", "peran", "dilatih"]
    assert {(r.kode_unit, r.peran): r.dilatih for r in df.itertuples()} == expected


def test_competence_targets(small_conn):
    from data_access.staffing import query_competence_targets

    df = query_competence_targets(small_conn).set_index("peran")
    assert df.loc["pekerja_sosial", "target_terlatih"] == pytest.approx(0.8)
    assert df.loc["pekerja_sosial", "target_bersertifikat"] == pytest.approx(1.0)
    assert df.loc["psikolog", "target_bersertifikat"] != df.loc["psikolog", "target_bersertifikat"]  # NaN: none
