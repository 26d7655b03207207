"""Everything the executive page and the slide deck show, gathered through one runner.

A runner calls a pure ``_query_<noun>(conn, *args)``: on the page ``caching.run_cached`` (cached per data
version), in the deck and the CLI ``connection_runner(conn)`` (no Streamlit runtime needed). Both paths
run the same queries and the same domain functions, so the page, the deck and ``manage.py summary`` agree.
No SQL here.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from sqlalchemy import Connection

from data_access.capacity import _query_occupancy
from data_access.cases import _query_period_bounds, _query_stage_counts, _query_victims_by
from data_access.reference import _query_code_names, _query_data_status, _query_regions, _query_units
from data_access.staffing import _query_staffing, _query_workload_standards, _query_working_time
from data_access.summary import _query_summary
from domain import trends
from domain.filters import Filters
from domain.messages import BriefingInputs, Headline, KeyMessage, compose_key_messages

log = logging.getLogger(__name__)

Runner = Callable[..., Any]
# Capacity alerts: a unit above 90% of its beds for at least two consecutive months (domain.capacity),
# counted when the run reaches into the last ALERT_RECENT_MONTHS months of the period.
ALERT_THRESHOLD = 0.9
ALERT_MIN_MONTHS = 2
ALERT_RECENT_MONTHS = 3
TOP_N = 10


def connection_runner(conn: Connection) -> Runner:
    """A runner that calls query functions on one open connection (deck, CLI, tests)."""
    return lambda query, *args: query(conn, *args)


def cached_runner() -> Runner:
    from data_access.caching import run_cached

    return run_cached


@dataclass
class Briefing:
    """The figures of one briefing. Frames keep the query column names; see collect_briefing."""

    filters: Filters
    lang: str
    first_month: dt.date | None
    last_month: dt.date | None
    start: dt.date | None
    end: dt.date | None
    comparable: bool
    summary: dict
    headlines: list[Headline]
    messages: list[KeyMessage]
    by_province: pd.DataFrame
    by_destination: pd.DataFrame
    monthly: pd.DataFrame
    rising: pd.DataFrame
    stages: pd.DataFrame
    capacity: pd.DataFrame | None
    alerts: pd.DataFrame | None
    wisn: pd.DataFrame | None
    regions: pd.DataFrame
    names: dict
    data_status: pd.DataFrame
    notes: list[str] = field(default_factory=list)

    @property
    def is_demo(self) -> bool:
        return bool((self.data_status["asal"] == "demo").any()) if len(self.data_status) else False


def _sum(df: pd.DataFrame, column: str | None = None, value: str | None = None) -> int:
    if df.empty:
        return 0
    rows = df if column is None else df[df[column] == value]
    return int(rows["jumlah"].sum())


def _utilisation(occupancy: pd.DataFrame) -> float | None:
    beds = float(occupancy["kapasitas"].sum()) if len(occupancy) else 0.0
    return float(occupancy["penghuni"].sum()) / beds if beds > 0 else None


def _counts(run: Runner, filters: Filters) -> dict:
    by_age = run(_query_victims_by, filters, ("kelompok_umur",))
    by_dest = run(_query_victims_by, filters, ("tujuan_jenis",))
    stages = run(_query_stage_counts, filters.with_(instansi=()), ("tahap",))
    return {
        "total": _sum(by_age),
        "anak": _sum(by_age, "kelompok_umur", "anak"),
        "luar_negeri": _sum(by_dest, "tujuan_jenis", "LN"),
        "reintegrasi": _sum(stages, "tahap", "reintegrasi"),
        "utilisasi": _utilisation(run(_query_occupancy, filters)),
    }


def headline_figures(current: dict, previous: dict | None, summary: dict) -> list[Headline]:
    """The six figures: victims handled, children, destination abroad, reintegrated, utilisation, units.

    previous is None when the year-earlier window is not covered by the data (no change is shown).
    """
    prev = previous or {}
    units = summary.get("service_units", {})
    return [
        Headline("eks.kpi.total", current["total"], prev.get("total")),
        Headline("eks.kpi.children", current["anak"], prev.get("anak")),
        Headline("eks.kpi.abroad", current["luar_negeri"], prev.get("luar_negeri")),
        Headline("eks.kpi.reintegrated", current["reintegrasi"], prev.get("reintegrasi")),
        Headline("eks.kpi.utilisation", current["utilisasi"], prev.get("utilisasi"), kind="pct"),
        Headline("eks.kpi.units", None, kind="text",
                 text=f"{units.get('sentra', 0)} sentra · {units.get('rptc', 0)} RPTC"),
    ]


def current_alerts(alerts: pd.DataFrame | None, end: dt.date | None) -> pd.DataFrame | None:
    """Alerts whose run reaches into the last ALERT_RECENT_MONTHS months of the period."""
    if alerts is None or alerts.empty or end is None:
        return alerts
    cutoff = trends.add_months(end, -(ALERT_RECENT_MONTHS - 1))
    akhir = pd.to_datetime(alerts["akhir"]).dt.date
    return alerts[akhir >= cutoff].reset_index(drop=True)


def capacity_figures(occupancy: pd.DataFrame, units: pd.DataFrame, end: dt.date | None
                     ) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """(unit metrics, current alerts) from domain.capacity; (None, None) while that module is missing."""
    try:
        from domain import capacity
    except ImportError:
        return None, None
    try:
        metrics = capacity.unit_metrics(occupancy, units)
        alerts = capacity.capacity_alerts(occupancy, threshold=ALERT_THRESHOLD, min_consecutive=ALERT_MIN_MONTHS)
    except Exception:  # noqa: BLE001 — a capacity problem must not take the whole briefing down
        log.exception("capacity figures failed")
        return None, None
    return metrics, current_alerts(alerts, end)


def staffing_figures(occupancy: pd.DataFrame, staffing: pd.DataFrame, standards: pd.DataFrame,
                     working_time: pd.DataFrame) -> pd.DataFrame | None:
    """WISN per unit and role from domain.sdm; None while that module is missing or the inputs are unusable."""
    try:
        from domain import sdm
    except ImportError:
        return None
    try:
        return sdm.wisn_by_unit_role(occupancy, staffing, standards, working_time)
    except Exception:  # noqa: BLE001 — e.g. WisnInputError on edited standards: show no SDM alert
        log.exception("WISN figures failed")
        return None


def collect_briefing(filters: Filters, lang: str = "id", run: Runner | None = None) -> Briefing:
    """Headline figures, key messages and the frames behind the map, bars, trends, capacity and SDM.

    The headline "korban ditangani" is the same query as manage.py summary (victims_total). The
    reintegrated count ignores the agency filter (later stages are reported by other agencies).
    Trend flags look back before the period start (the baseline needs 12 earlier months).
    """
    run = run or cached_runner()
    first, last = run(_query_period_bounds)
    start, end = filters.start or first, filters.end or last
    summary = run(_query_summary, filters)
    comparable = trends.year_earlier_covered(start, end, first, last)
    current = _counts(run, filters)
    current["total"] = summary["victims_total"]  # the one figure the CLI summary also prints
    previous = None
    if comparable:
        previous = _counts(run, filters.with_(start=start, end=end).year_earlier())
    headlines = headline_figures(current, previous, summary)

    names = run(_query_code_names, lang)
    by_province = run(_query_victims_by, filters, ("kode_prov_asal",))
    by_destination = run(_query_victims_by, filters, ("kode_tujuan", "tujuan_jenis"))
    by_modus = run(_query_victims_by, filters, ("modus",))
    by_age = run(_query_victims_by, filters, ("kelompok_umur",))
    monthly = run(_query_victims_by, filters.with_(start=None), ("bulan", "modus"))
    rising = trends.detect_rising(monthly, "modus", end=end, first_month=first,
                                  categories=list(names.get("modus", {}))) if end else pd.DataFrame()
    stages = run(_query_stage_counts, filters.with_(instansi=()), ("tahap",))

    occupancy = run(_query_occupancy, filters)
    units = run(_query_units)
    capacity, alerts = capacity_figures(occupancy, units, end)
    wisn = None
    if end:
        window = filters.with_(start=trends.add_months(end, -11), end=end)
        wisn = staffing_figures(run(_query_occupancy, window), run(_query_staffing, None, filters.provinsi),
                                run(_query_workload_standards), run(_query_working_time))

    inputs = BriefingInputs(
        start=start, end=end, total=current["total"], total_previous=previous["total"] if previous else None,
        by_province=by_province, by_modus=by_modus, by_destination=by_destination, by_age=by_age,
        rising=rising, capacity_alerts=alerts, wisn=wisn, names=names,
    )
    return Briefing(
        filters=filters, lang=lang, first_month=first, last_month=last, start=start, end=end,
        comparable=comparable, summary=summary, headlines=headlines,
        messages=compose_key_messages(inputs, lang), by_province=by_province, by_destination=by_destination,
        monthly=monthly, rising=rising, stages=stages, capacity=capacity, alerts=alerts, wisn=wisn,
        regions=run(_query_regions, 1, None), names=names, data_status=run(_query_data_status),
    )


def top_origins(b: Briefing, n: int = TOP_N) -> pd.DataFrame:
    """kode, nama, jumlah, porsi (share of victims handled) of the n largest origin provinces."""
    return _top_table(b.by_province.rename(columns={"kode_prov_asal": "kode"}), b.names.get("provinsi", {}), n)


def top_destinations(b: Briefing, n: int = TOP_N) -> pd.DataFrame:
    """kode, nama, jumlah, porsi of the n largest destinations (countries abroad, provinces at home)."""
    names = {**b.names.get("provinsi", {}), **b.names.get("negara", {})}
    df = b.by_destination.groupby("kode_tujuan", as_index=False)["jumlah"].sum() if len(b.by_destination) else \
        pd.DataFrame(columns=["kode_tujuan", "jumlah"])
    return _top_table(df.rename(columns={"kode_tujuan": "kode"}), names, n)


def _top_table(df: pd.DataFrame, names: dict, n: int) -> pd.DataFrame:
    if df.empty:
        return pd.DataFrame(columns=["kode", "nama", "jumlah", "porsi"])
    total = df["jumlah"].sum()
    out = df.sort_values(["jumlah", "kode"], ascending=[False, True], kind="mergesort").head(n)
    return pd.DataFrame({"kode": out["kode"].astype(str), "nama": out["kode"].astype(str).map(lambda k: names.get(k, k)),
                         "jumlah": out["jumlah"].astype("int64"),
                         "porsi": out["jumlah"] / total if total else float("nan")}).reset_index(drop=True)


def map_values(b: Briefing) -> pd.DataFrame:
    """kode, nama, jumlah, populasi per province for the national map (every province; 0 when none)."""
    regions = b.regions[["kode", "nama", "populasi"]]
    counts = b.by_province.rename(columns={"kode_prov_asal": "kode"})
    out = regions.merge(counts, on="kode", how="left")
    out["jumlah"] = out["jumlah"].fillna(0).astype("int64")
    return out[["kode", "nama", "jumlah", "populasi"]]


def province_boundaries():
    """Province boundaries (GeoDataFrame, simplified for national maps) or None when the files are missing."""
    from data_access.boundaries import get_boundaries

    return get_boundaries("provinsi", overview=True)
