"""Everything the executive page and the slide deck show, gathered through one runner.

A runner calls a pure ``_query_<noun>(conn, *args)``: on the page ``caching.run_cached`` (cached per data
version), in the deck and the CLI ``connection_runner(conn)`` (no Streamlit runtime needed). Both paths
run the same queries and the same domain functions, so the page, the deck and ``manage.py summary`` agree.
No SQL here.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

import pandas as pd

from data_access import indicators
from data_access.capacity import query_occupancy
from data_access.cases import query_stage_counts, query_victims_by
from data_access.reference import query_code_names, query_data_status, query_regions, query_units
from data_access.summary import query_summary
from domain import glance, trends
from domain.indicators import CATALOGUE
from domain.provenance import holds_demo
from domain.filters import Filters
from domain.formatting import fmt_int
from domain.messages import BriefingInputs, Headline, KeyMessage, compose_key_messages
from domain.statements import (Statement, alert_statements, coverage_notes, gaps_note, staffing_gap,
                               utilisation_comparison)

log = logging.getLogger(__name__)

TOP_N = 10
# Kept here for the pages and the deck that import them from the briefing.
ALERT_THRESHOLD, ALERT_MIN_MONTHS = indicators.ALERT_THRESHOLD, indicators.ALERT_MIN_MONTHS
Runner = indicators.Runner
connection_runner, cached_runner = indicators.connection_runner, indicators.cached_runner

# Headline figures of the page and the deck, in their order (label keys name the shapes of the deck).
HEADLINE_ORDER = ("korban_ditangani", "korban_anak", "korban_luar_negeri", "korban_reintegrasi", "utilisasi",
                  "unit_layanan")


@dataclass
class Briefing:
    """The figures of one briefing. Frames keep the query column names; see collect_briefing.

    filters are clamped to the months with data (start and end set), or the requested filters when the period
    has no data at all (start None).
    """

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
    indicators: indicators.Headlines | None = None
    # Generated notes beside the figures (domain.statements), each carrying its evidence.
    coverage_notes: list[Statement] = field(default_factory=list)  # a source cut short by its data
    unit_notes: list[Statement] = field(default_factory=list)  # provinces without a unit, and who served them
    alert_notes: list[Statement] = field(default_factory=list)  # on alert / none / ended
    staffing_gap: Statement | None = None  # gross shortage beside the net difference
    freshness_notes: list[Statement] = field(default_factory=list)  # a source behind its reporting cycle
    mixed_notes: list[str] = field(default_factory=list)  # the demo months of a kind mixing demo and real rows
    # The first screen: each headline's monthly values over the sparkline's months (indicator key → list), and the
    # origin provinces against the same months a year earlier (domain.glance.province_changes; None: no like window).
    spark_months: list[dt.date] = field(default_factory=list)
    series: dict = field(default_factory=dict)
    province_changes: pd.DataFrame | None = None

    @property
    def scope_notes(self) -> list[Statement]:
        """The filters the victim figures ignore (the agency filter), said beside them on the page and the deck."""
        from domain.indicators import CATALOGUE
        from domain.statements import ignored_note

        victims = [CATALOGUE[h.indicator] for h in self.headlines if h.indicator.startswith("korban")]
        note = ignored_note(victims, self.filters, self.lang, "scope.ignored_victims")
        return [note] if note else []

    @property
    def staffing_reasons(self) -> list[Statement]:
        """Why there is no WISN figure, as sentences already said elsewhere: no unit in the provinces chosen, or no
        staff or occupancy data for the period (empty: unusable standards, said by the caller)."""
        return [n for n in (*self.alert_notes, *self.coverage_notes)
                if n.key == "alert.no_units" or (n.key in ("cov.outside", "cov.none")
                                                 and n.values["kind"] in ("staf", "okupansi"))]

    @property
    def statements(self) -> list[Statement]:
        """Every generated sentence of the briefing, in the order the page shows them."""
        out = [*self.scope_notes, *self.freshness_notes, *self.coverage_notes, *self.unit_notes, *self.messages,
               *self.alert_notes]
        return out + ([self.staffing_gap] if self.staffing_gap else [])

    @property
    def alert_state(self) -> indicators.AlertState | None:
        return self.indicators.alert_state if self.indicators else None

    @property
    def is_demo(self) -> bool:
        return bool(self.data_status["asal"].map(holds_demo).any()) if len(self.data_status) else False

    @property
    def previous_window(self) -> tuple[dt.date, dt.date] | None:
        w = self.indicators.previous if self.indicators else None
        return (w.start, w.end) if w else None

    @property
    def ended_alerts(self) -> pd.DataFrame | None:
        return self.indicators.ended_alerts if self.indicators else None

    @property
    def staffing(self) -> indicators.Staffing | None:
        return self.indicators.staffing if self.indicators else None


def headline_figures(h: indicators.Headlines) -> list[Headline]:
    """The six figures of the page and the deck, from the indicator layer."""
    out = []
    for key in HEADLINE_ORDER:
        fig = h.figures[key]
        ind = fig.indicator
        if key == "unit_layanan":
            out.append(Headline(ind.label, fig.value, kind="text", indicator=key,
                                text=f"{fmt_int(h.units - h.rptc)} sentra · {fmt_int(h.rptc)} RPTC"))
            continue
        out.append(Headline(ind.label, fig.value, fig.previous, kind="pct" if ind.unit == "persen" else "int",
                            indicator=key, status=fig.comparison.status if fig.comparison else None,
                            reason=fig.reason))
    return out


def capacity_figures(occupancy: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame | None:
    """Unit metrics (domain.capacity) for the capacity slide; None when they cannot be computed."""
    from domain import capacity

    try:
        return capacity.unit_metrics(occupancy, units)
    except Exception:  # noqa: BLE001 — a capacity problem must not take the whole briefing down
        log.exception("capacity figures failed")
        return None


def _empty_frame(*columns: str) -> pd.DataFrame:
    return pd.DataFrame(columns=[*columns, "jumlah"])


def collect_briefing(filters: Filters, lang: str = "id", run: Runner | None = None) -> Briefing:
    """Headline figures, key messages and the frames behind the map, bars, trends, capacity and SDM.

    Every headline figure comes from data_access.indicators (the same as `manage.py summary --json` and the
    capacity and staffing pages). The period is clamped to the months with data. Trend flags look back before
    the period start (the baseline needs 12 earlier months).
    """
    run = run or cached_runner()
    h = indicators.headline_indicators(filters, run)
    names = run(query_code_names, lang)
    summary = run(query_summary, h.filters or filters)
    regions, status = run(query_regions, 1, None), run(query_data_status)
    first, last = (h.data.start, h.data.end) if h.data else (None, None)
    fresh = freshness_notes(run, lang)
    mixed = mixed_month_notes(status, run, lang)
    if h.filters is None:  # no data in the period asked for
        return Briefing(filters=filters, lang=lang, first_month=first, last_month=last, start=None, end=None,
                        comparable=False, summary=summary, headlines=headline_figures(h), messages=[],
                        by_province=_empty_frame("kode_prov_asal"),
                        by_destination=_empty_frame("kode_tujuan", "tujuan_jenis"),
                        monthly=_empty_frame("bulan", "modus"), rising=pd.DataFrame(), stages=_empty_frame("tahap"),
                        capacity=None, alerts=None, wisn=None, regions=regions, names=names, data_status=status,
                        indicators=h, freshness_notes=fresh, mixed_notes=mixed)
    f = h.filters
    start, end = f.start, f.end
    by_province = run(query_victims_by, f, ("kode_prov_asal",))
    by_destination = run(query_victims_by, f, ("kode_tujuan", "tujuan_jenis"))
    by_modus = run(query_victims_by, f, ("modus",))
    by_age = run(query_victims_by, f, ("kelompok_umur",))
    monthly = run(query_victims_by, f.with_(start=None), ("bulan", "modus"))
    rising = trends.detect_rising(monthly, "modus", end=end, first_month=first,
                                  categories=list(names.get("modus", {})))
    stages = run(query_stage_counts, f.with_(instansi=()), ("tahap",))
    beds = h.figures["utilisasi"].source
    occupancy = (run(query_occupancy, indicators.unit_scope(f).with_(start=beds.used.start, end=beds.used.end))
                 if beds is not None and beds.has_data else pd.DataFrame())
    capacity = capacity_figures(occupancy, run(query_units)) if len(occupancy) else None

    spark, series = sparklines(f, first, run)
    changes = None
    if h.previous is not None:
        before = run(query_victims_by, f.with_(start=h.previous.start, end=h.previous.end), ("kode_prov_asal",))
        changes = glance.province_changes(by_province, before)

    comparisons = {key: fig.comparison for key, fig in h.figures.items() if fig.comparison is not None}
    inputs = BriefingInputs(
        start=start, end=end, total=int(h.value("korban_ditangani")),
        previous_window=(h.previous.start, h.previous.end) if h.previous else None,
        comparisons=comparisons, by_province=by_province, by_modus=by_modus, by_destination=by_destination,
        by_age=by_age, rising=rising, alerts=h.alert_state, wisn=h.wisn, names=names, filters=f,
        staff_quarter=h.staff_quarter,
        workload=(h.workload.start, h.workload.end) if h.workload else None,
    )
    return Briefing(
        filters=f, lang=lang, first_month=first, last_month=last, start=start, end=end,
        comparable=h.previous is not None, summary=summary, headlines=headline_figures(h),
        messages=compose_key_messages(inputs, lang), by_province=by_province, by_destination=by_destination,
        monthly=monthly, rising=rising, stages=stages, capacity=capacity,
        alerts=h.alerts if h.alert_state.source.has_data else None, wisn=h.wisn,
        regions=regions, names=names, data_status=status, indicators=h,
        coverage_notes=[*coverage_notes([h.figures["utilisasi"].source, h.figures["unit_peringatan"].source,
                                         h.staffing.staff, h.staffing.workload_source], lang),
                        *filter(None, [utilisation_comparison(h.figures["utilisasi"], lang),
                                       gaps_note(h.alert_state.gaps, names.get("unit", {}), lang)])],
        unit_notes=indicators.no_unit_notes(f, lang, run),
        alert_notes=alert_statements(h.alert_state, names.get("unit", {}), lang, threshold=ALERT_THRESHOLD,
                                     min_months=ALERT_MIN_MONTHS),
        staffing_gap=staffing_gap(h.wisn, lang),
        freshness_notes=fresh, mixed_notes=mixed, spark_months=spark, series=series, province_changes=changes,
    )


def sparklines(f: Filters, first: dt.date | None, run: Runner) -> tuple[list[dt.date], dict]:
    """The headlines' monthly values over the last SPARK_MONTHS months up to the period's end, each with the
    headline's own filters (the catalogue's scope) and rule, so the line ends where the figure's months do."""
    months = glance.spark_months(f.end, first=first)
    window = f.with_(start=months[0], end=f.end)
    victims = run(query_victims_by, CATALOGUE["korban_ditangani"].scope(window),
                  ("bulan", "kelompok_umur", "tujuan_jenis"))
    stages = run(query_stage_counts, CATALOGUE["korban_reintegrasi"].scope(window), ("bulan", "tahap"))
    occupancy = run(query_occupancy, indicators.unit_scope(window))
    utilisation = [u for u in glance.monthly_utilisation(occupancy, months) if u is not None]
    return months, {
        "korban_ditangani": glance.monthly_counts(victims, months),
        "korban_anak": glance.monthly_counts(victims, months, "kelompok_umur", "anak"),
        "korban_luar_negeri": glance.monthly_counts(victims, months, "tujuan_jenis", "LN"),
        "korban_reintegrasi": glance.monthly_counts(stages, months, "tahap", "reintegrasi"),
        "utilisasi": [round(u * 100, 1) for u in utilisation],  # in percent, as the card reads
    }


# The deck's sources with a reporting cycle (cases, occupancy, staff): the pages warn in their headers, the deck here.
DECK_KINDS = ("kasus", "okupansi", "staf")


def freshness_notes(run: Runner, lang: str) -> list[Statement]:
    """A sentence for each of the deck's sources that is behind its reporting cycle at the as-of date."""
    from data_access.submissions import freshness_of, today_wib
    from domain.statements import freshness_note

    states = freshness_of(today_wib(), run)
    return [n for n in (freshness_note(states.get(kind), lang) for kind in DECK_KINDS) if n is not None]


def mixed_month_notes(status: pd.DataFrame, run: Runner, lang: str) -> list[str]:
    """The deck names the demo months of every kind that mixes demo and real rows, as the pages do."""
    from data_access.importing import query_demo_months
    from domain.provenance import MIXED
    from domain.statements import mixed_notes

    if not len(status) or not (status["asal"] == MIXED).any():
        return []
    return mixed_notes(status, run(query_demo_months), lang)


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


@dataclass(frozen=True)
class BriefingTables:
    """The frames a page derives from one briefing (map_values, top_origins, top_destinations)."""

    map_values: pd.DataFrame
    origins: pd.DataFrame
    destinations: pd.DataFrame


def _shared_briefing(filters: Filters, lang: str) -> Briefing:
    return collect_briefing(filters, lang, cached_runner())


def _shared_tables(filters: Filters, lang: str) -> BriefingTables:
    b = get_briefing(filters, lang)
    return BriefingTables(map_values(b), top_origins(b), top_destinations(b))


def get_briefing(filters: Filters, lang: str = "id") -> Briefing:
    """collect_briefing for a page, cached per filters, language and data version and shared by every session."""
    from data_access.caching import compute_cached

    return compute_cached(_shared_briefing, filters, lang)


def get_briefing_tables(filters: Filters, lang: str = "id") -> BriefingTables:
    """The briefing's derived frames, cached like it: a rerun that changed nothing does not rebuild them (issue
    24: the map values and the two top-ten tables were ~15 % of a warm rerun of the executive page)."""
    from data_access.caching import compute_cached

    return compute_cached(_shared_tables, filters, lang)


def province_boundaries():
    """Province boundaries (GeoDataFrame, simplified for national maps) or None when the files are missing."""
    from data_access.boundaries import get_boundaries

    return get_boundaries("provinsi", overview=True)
