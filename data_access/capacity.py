"""Queries on monthly occupancy of sentra and RPTC."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection, select

from data_access.caching import run_cached
from data_access.cases import month_column
from data_access.schema import Okupansi, UnitLayanan
from domain.filters import Filters

OCCUPANCY_COLUMNS = ["bulan", "kode_unit", "kapasitas", "penghuni", "penghuni_tppo", "penerimaan", "pemulangan"]


def query_occupancy(conn: Connection, filters: Filters) -> pd.DataFrame:
    stmt = (
        select(Okupansi.bulan, Okupansi.kode_unit, Okupansi.kapasitas, Okupansi.penghuni, Okupansi.penghuni_tppo,
               Okupansi.penerimaan, Okupansi.pemulangan)
        .join(UnitLayanan, UnitLayanan.kode_unit == Okupansi.kode_unit)
        .where(UnitLayanan.aktif.is_(True))
        .order_by(Okupansi.kode_unit, Okupansi.bulan)
    )
    if filters.start:
        stmt = stmt.where(Okupansi.bulan >= filters.start)
    if filters.end:
        stmt = stmt.where(Okupansi.bulan <= filters.end)
    if filters.provinsi:
        # For units the province filter means where the unit is, not where victims come from.
        stmt = stmt.where(UnitLayanan.kode_prov.in_(filters.provinsi))
    df = pd.DataFrame(conn.execute(stmt).all(), columns=OCCUPANCY_COLUMNS)
    df["bulan"] = month_column(df["bulan"])
    return df


def get_occupancy(filters: Filters) -> pd.DataFrame:
    """Per unit and month: kapasitas (beds), penghuni (avg residents), penghuni_tppo, penerimaan, pemulangan."""
    return run_cached(query_occupancy, filters)
