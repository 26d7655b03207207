"""The pure filters-to-SQL builder: every filter becomes a bound parameter, never literal SQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.dialects import postgresql

from data_access.conditions import case_conditions
from data_access.schema import Kasus
from domain.filters import Filters


def compiled(filters: Filters, entry_only: bool = True):
    stmt = select(Kasus.id).where(*case_conditions(filters, entry_only=entry_only))
    c = stmt.compile(dialect=postgresql.dialect())
    return str(c), c.params


@pytest.mark.parametrize(
    ("filters", "entry_only", "fragments", "values"),
    [
        (Filters(), True, ["kasus.tahap = %(tahap_1)s"], ["asesmen"]),
        (Filters(), False, [], []),
        (Filters(start=dt.date(2024, 1, 1)), False, ["kasus.bulan >= "], [dt.date(2024, 1, 1)]),
        (Filters(end=dt.date(2024, 6, 1)), False, ["kasus.bulan <= "], [dt.date(2024, 6, 1)]),
        (Filters(provinsi=("52", "35")), False, ["kasus.kode_prov_asal IN"], [["35", "52"]]),
        (Filters(modus=("x' OR 1=1 --",)), False, ["kasus.modus IN"], [["x' OR 1=1 --"]]),
        (Filters(jenis_kelamin=("P",)), False, ["kasus.jenis_kelamin IN"], [["P"]]),
        (Filters(kelompok_umur=("anak",)), False, ["kasus.kelompok_umur IN"], [["anak"]]),
        (Filters(instansi=("BP2MI",)), False, ["kasus.instansi IN"], [["BP2MI"]]),
    ],
)
def test_case_conditions(filters, entry_only, fragments, values):
    sql, params = compiled(filters, entry_only)
    for fragment in fragments:
        assert fragment in sql
    assert sorted(map(str, params.values())) == sorted(map(str, values))
    assert "OR 1=1" not in sql  # values never reach the SQL text


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (Filters(provinsi=("52", "35")), Filters(provinsi=("35", "52", "35"))),
        (Filters(modus=("b", "a")), Filters(modus=("a", "b"))),
    ],
)
def test_filters_normalise_for_cache_keys(a, b):
    assert a == b and hash(a) == hash(b)


def test_inverted_period_is_refused_in_indonesian():
    with pytest.raises(ValueError, match="Awal periode"):
        Filters(start=dt.date(2025, 1, 1), end=dt.date(2024, 1, 1))
