"""Queries on victim counts (the case fact table)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Connection, func, select

from data_access.caching import run_cached
from data_access.conditions import case_conditions, dimension
from data_access.schema import Kasus
from domain.filters import Filters


def month_column(values) -> pd.Series:
    """Month keys as datetime.date objects in an object column: the one type of a month everywhere, whatever the
    driver hands back (SQLite and PostgreSQL both give dates; text would come from a raw SQL path). Also when
    there are none: an empty column would otherwise be float64 and refuse to merge with a filled one (the crash
    of Pencegahan for a province without prevented departures)."""
    return pd.Series([as_date(v) for v in values], dtype=object)


def _frame(conn: Connection, stmt, columns: list[str]) -> pd.DataFrame:
    rows = conn.execute(stmt).all()
    df = pd.DataFrame(rows, columns=columns)
    if "jumlah" in df:
        df["jumlah"] = df["jumlah"].astype("int64")
    if "bulan" in df:
        df["bulan"] = month_column(df["bulan"])
    return df


def query_victims_total(conn: Connection, filters: Filters) -> int:
    stmt = select(func.coalesce(func.sum(Kasus.jumlah), 0)).where(*case_conditions(filters))
    return int(conn.execute(stmt).scalar_one())


def get_victims_total(filters: Filters) -> int:
    """Victims handled (entry stage) under the filters."""
    return run_cached(query_victims_total, filters)


def query_victims_by(conn: Connection, filters: Filters, dims: tuple[str, ...]) -> pd.DataFrame:
    cols = [dimension(d) for d in dims]
    stmt = (
        select(*cols, func.sum(Kasus.jumlah))
        .where(*case_conditions(filters))
        .group_by(*cols)
        .order_by(*cols)
    )
    return _frame(conn, stmt, [*dims, "jumlah"])


def get_victims_by(filters: Filters, dims: tuple[str, ...]) -> pd.DataFrame:
    """Victims handled grouped by whitelisted dimensions. Columns: *dims, jumlah (persons)."""
    return run_cached(query_victims_by, filters, tuple(dims))


def query_stage_counts(conn: Connection, filters: Filters, dims: tuple[str, ...]) -> pd.DataFrame:
    cols = [dimension(d) for d in dims]
    stmt = (
        select(*cols, func.sum(Kasus.jumlah))
        .where(*case_conditions(filters, entry_only=False))
        .group_by(*cols)
        .order_by(*cols)
    )
    return _frame(conn, stmt, [*dims, "jumlah"])


def get_stage_counts(filters: Filters, dims: tuple[str, ...] = ("tahap",)) -> pd.DataFrame:
    """Victims reaching each stage (all stages, all reporting agencies). Columns: *dims, jumlah."""
    return run_cached(query_stage_counts, filters, tuple(dims))


def query_period_bounds(conn: Connection) -> tuple[dt.date | None, dt.date | None]:
    lo, hi = conn.execute(select(func.min(Kasus.bulan), func.max(Kasus.bulan))).one()
    return as_date(lo), as_date(hi)


def as_date(value) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    return dt.date.fromisoformat(str(value)[:10])


def get_period_bounds() -> tuple[dt.date | None, dt.date | None]:
    """First and last month with any case row."""
    return run_cached(query_period_bounds)
