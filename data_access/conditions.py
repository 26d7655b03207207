"""Pure builder from Filters to SQLAlchemy conditions on the case table (always bound parameters)."""

from __future__ import annotations

from sqlalchemy import ColumnElement

from data_access.schema import Kasus
from domain.filters import Filters
from domain.taxonomy import ENTRY_STAGE

# Dimensions a caller may group by; identifiers never come from user input directly.
CASE_DIMENSIONS: dict[str, ColumnElement] = {
    "bulan": Kasus.bulan,
    "kode_asal": Kasus.kode_asal,
    "kode_prov_asal": Kasus.kode_prov_asal,
    "tujuan_jenis": Kasus.tujuan_jenis,
    "kode_tujuan": Kasus.kode_tujuan,
    "modus": Kasus.modus,
    "jenis_kelamin": Kasus.jenis_kelamin,
    "kelompok_umur": Kasus.kelompok_umur,
    "tahap": Kasus.tahap,
    "kode_unit": Kasus.kode_unit,
    "instansi": Kasus.instansi,
}


def dimension(name: str) -> ColumnElement:
    try:
        return CASE_DIMENSIONS[name]
    except KeyError:
        raise ValueError(f"Dimensi '{name}' tidak dikenal.") from None


def case_conditions(filters: Filters, *, entry_only: bool = True) -> list[ColumnElement[bool]]:
    """WHERE terms for the case table. entry_only counts each victim once (the entry stage).

    The agency filter never narrows an entry-stage count: every victim enters at Kemensos's penerimaan & asesmen
    whichever agency found or referred them, so "victims under BP2MI" would always be 0 (domain.indicators
    VICTIM_FILTERS; pages say the filter does not apply). It narrows counts of all stages (who reported what)."""
    terms: list[ColumnElement[bool]] = []
    if entry_only:
        terms.append(Kasus.tahap == ENTRY_STAGE)
    if filters.start:
        terms.append(Kasus.bulan >= filters.start)
    if filters.end:
        terms.append(Kasus.bulan <= filters.end)
    for name, column in (
        ("provinsi", Kasus.kode_prov_asal),
        ("modus", Kasus.modus),
        ("jenis_kelamin", Kasus.jenis_kelamin),
        ("kelompok_umur", Kasus.kelompok_umur),
        ("instansi", Kasus.instansi),
    ):
        values = getattr(filters, name)
        if values and not (entry_only and name == "instansi"):
            terms.append(column.in_(values))
    return terms
