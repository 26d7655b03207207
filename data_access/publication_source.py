"""Makes a publication extract from the case table: entry-stage counts -> protected cells -> a new version.

Kept apart from data_access.publication on purpose: the public page imports that module only, so nothing it
loads can read the unprotected case counts.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Connection, select

from data_access.cases import query_victims_by
from data_access.publication import write_extract
from data_access.schema import Modus, SumberData, Wilayah
from domain.disclosure import DisclosureRules
from domain.filters import Filters
from data_access.prevention import query_prevention_activities
from domain.publication import MONTHLY_COLUMNS, ExtractInfo, build_extract, build_reach_cells, format_period
from settings import load_settings


def rules_from_settings() -> DisclosureRules:
    """Threshold and rounding base in force (TPPO_SUPPRESSION_THRESHOLD, TPPO_ROUNDING_BASE)."""
    settings = load_settings()
    return DisclosureRules(settings.suppression_threshold, settings.rounding_base)


def query_monthly_entry_counts(conn: Connection) -> pd.DataFrame:
    # No filters: the public figures cover every month, province and agency loaded.
    return query_victims_by(conn, Filters(), MONTHLY_COLUMNS[:-1])


def query_case_origin(conn: Connection) -> str:
    row = conn.execute(select(SumberData.asal).where(SumberData.kode == "kasus")).first()
    return str(row[0]) if row else "demo"


def publish_from_cases(
    conn: Connection,
    now: dt.datetime,
    rules: DisclosureRules | None = None,
    catatan: str = "",
) -> ExtractInfo:
    """Read the entry-stage counts, protect every published table together and store the next version.

    Run inside one transaction (engine.begin()). Raises ValueError when there is nothing to publish and
    domain.disclosure.DisclosureError when the tables cannot be protected; nothing is stored then.
    """
    rules = rules or rules_from_settings()
    monthly = query_monthly_entry_counts(conn)
    provinces = [str(k) for k in conn.execute(
        select(Wilayah.kode).where(Wilayah.tingkat == 1).order_by(Wilayah.kode)).scalars()]
    modus_codes = [str(k) for k in conn.execute(select(Modus.kode).order_by(Modus.urutan, Modus.kode)).scalars()]
    cells = build_extract(monthly, provinces, modus_codes, rules)
    months = pd.to_datetime(monthly.loc[monthly["jumlah"] > 0, "bulan"].astype(str).str[:10])
    start, end = months.min().date(), months.max().date()
    periode = format_period(start, end)
    # Prevention reach over the same months, by province only (issue 15): kab/kota counts stay internal.
    reach = query_prevention_activities(conn, start, end, (), "provinsi")
    if len(reach):
        cells = pd.concat([cells, build_reach_cells(reach, provinces, rules)], ignore_index=True)
    return write_extract(conn, cells, ambang=rules.threshold, basis_pembulatan=rules.rounding_base,
                         asal_data=query_case_origin(conn), periode=periode, now=now, catatan=catatan)
