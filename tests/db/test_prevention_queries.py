"""Prevention queries (data_access.prevention) on the small fixture database, SQLite and PostgreSQL; each case has
rows the period or the province filter must leave out (tests/fixture_data.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from data_access.prevention import (
    query_placement_months, query_placements, query_prevented_departures, query_prevented_total,
    query_prevention_activities, query_prevention_by_kind,
)

JAN, DEC = dt.date(2024, 1, 1), dt.date(2024, 12, 1)


@pytest.mark.parametrize(("provinces", "level", "expected"), [
    ((), "kab", {"31.75": (1, 50), "35.08": (3, 135), "52": (1, 30)}),
    ((), "provinsi", {"31": (1, 50), "35": (3, 135), "52": (1, 30)}),
    (("35",), "kab", {"35.08": (3, 135)}),
    (("11",), "kab", {}),
])
def test_activities_in_2024(small_conn, provinces, level, expected):
    df = query_prevention_activities(small_conn, JAN, DEC, provinces, level)
    assert {r.kode: (r.kegiatan, r.peserta) for r in df.itertuples()} == expected


def test_activities_window_is_inclusive_and_leaves_out_other_months(small_conn):
    df = query_prevention_activities(small_conn, dt.date(2023, 12, 1), JAN)
    assert {r.kode: (r.kegiatan, r.peserta) for r in df.itertuples()} == {"35.08": (6, 320)}


def test_activities_by_kind_and_agency(small_conn):
    df = query_prevention_by_kind(small_conn, JAN, DEC, ("35", "52"))
    assert {(r.jenis, r.instansi): r.kegiatan for r in df.itertuples()} == {
        ("layanan_informasi", "BP3MI"): 1, ("pelatihan_aparat_desa", "DISNAKER"): 1, ("sosialisasi", "DINSOS"): 2}


def test_unknown_level_is_refused(small_conn):
    with pytest.raises(ValueError, match="tidak dikenal"):
        query_prevention_activities(small_conn, JAN, DEC, (), "desa; DROP TABLE kasus")


@pytest.mark.parametrize(("provinces", "expected"), [((), 55), (("52",), 5), (("35",), 0)])
def test_prevented_total(small_conn, provinces, expected):
    assert query_prevented_total(small_conn, JAN, DEC, provinces) == expected


def test_prevented_departures_by_month_sum_the_agencies(small_conn):
    df = query_prevented_departures(small_conn, JAN, DEC)
    assert [(r.bulan, r.kode_provinsi, r.jumlah) for r in df.itertuples()] == [
        (dt.date(2024, 1, 1), "31", 50), (dt.date(2024, 2, 1), "52", 5)]


@pytest.mark.parametrize(("year", "provinces", "level", "expected"), [
    (2024, (), "provinsi", {"11": 50, "35": 500, "52": 700}),
    (2024, (), "kab", {"11": 50, "35.08": 500, "52.03": 700}),
    (2024, ("35",), "kab", {"35.08": 500}),
    (2023, (), "kab", {"35": 200, "35.08": 1000}),
    (2023, (), "provinsi", {"35": 1200}),
    (2022, (), "provinsi", {}),
])
def test_placements(small_conn, year, provinces, level, expected):
    df = query_placements(small_conn, year, provinces, level)
    assert dict(zip(df["kode"], df["jumlah"])) == expected


def test_placement_months_say_which_years_are_complete(small_conn):
    df = query_placement_months(small_conn)
    assert dict(zip(df["tahun"], df["bulan_terakhir"])) == {2023: 12, 2024: 12}
