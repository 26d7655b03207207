"""Headline figures of whatever is loaded: the CLI summary, the briefing deck and the executive page."""

from __future__ import annotations

from sqlalchemy import Connection, func, select

from data_access.caching import run_cached
from data_access.cases import as_date
from data_access.conditions import case_conditions
from data_access.schema import Kasus, SumberData, UnitLayanan, Wilayah
from domain.filters import Filters, month_key


def query_summary(conn: Connection, filters: Filters) -> dict:
    terms = case_conditions(filters)
    total, lo, hi = conn.execute(
        select(func.coalesce(func.sum(Kasus.jumlah), 0), func.min(Kasus.bulan), func.max(Kasus.bulan)).where(*terms)
    ).one()
    units = dict(conn.execute(
        select(UnitLayanan.tipe, func.count()).where(UnitLayanan.aktif.is_(True)).group_by(UnitLayanan.tipe)
    ).all())
    levels = dict(conn.execute(select(Wilayah.tingkat, func.count()).group_by(Wilayah.tingkat)).all())
    origin = conn.execute(select(SumberData.asal).where(SumberData.kode == "kasus")).scalar_one_or_none()
    lo, hi = as_date(lo), as_date(hi)
    return {
        "victims_total": int(total),
        "period_start": month_key(lo) if lo else None,
        "period_end": month_key(hi) if hi else None,
        # Sentra terpadu are sentra; the 31 in the Kemensos count include them.
        "service_units": {"sentra": units.get("sentra", 0) + units.get("sentra_terpadu", 0),
                          "rptc": units.get("rptc", 0)},
        "provinces": levels.get(1, 0),
        "regencies": levels.get(2, 0),
        # query_summary alone (the public site) reads only the case data's origin; summary_figures refines it.
        "source": "imported" if origin == "impor" else "demo",
    }


def get_summary(filters: Filters) -> dict:
    """victims_total, period_start/end (YYYY-MM), service_units {sentra, rptc}, provinces, regencies, source."""
    return run_cached(query_summary, filters)


def summary_figures(run, headlines) -> dict:
    """The summary of `manage.py summary` for the clamped period of an indicator computation: the same
    figures as the pages (victims_total is korban_ditangani), the period actually covered, and each data kind's
    origin (demo, impor, or campuran: real and demo rows) and months. source: "demo" when every kind is demo
    data, "imported" when every kind is wholly imported, "mixed" otherwise (the DATA CONTOH notice stays while any
    kind holds demo rows)."""
    from data_access.reference import query_data_status
    from domain.provenance import DEMO, IMPORTED, MIXED

    summary = run(query_summary, headlines.filters)
    summary["period_start"] = month_key(headlines.filters.start)
    summary["period_end"] = month_key(headlines.filters.end)
    summary["service_units"] = {"sentra": headlines.units - headlines.rptc, "rptc": headlines.rptc}
    status = run(query_data_status)
    origins = dict(zip(status["kode"], status["asal"]))
    kinds = {}
    for kind, origin in origins.items():
        window = headlines.coverage.get(kind)
        kinds[kind] = {"asal": origin if origin in (DEMO, IMPORTED, MIXED) else DEMO,
                       "cakupan": [month_key(window.start), month_key(window.end)] if window else None}
    demo = [k for k, v in kinds.items() if v["asal"] == DEMO]
    real = [k for k, v in kinds.items() if v["asal"] == IMPORTED]
    summary["source"] = "demo" if len(demo) == len(kinds) else "imported" if len(real) == len(kinds) else "mixed"
    summary["sumber_data"] = kinds
    return summary
