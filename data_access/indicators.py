"""The public read API of the headline indicators (domain.indicators): one computation for the executive page,
the capacity and staffing pages, the slide deck, `manage.py summary --json` and the downloads.

A runner calls a pure query function ``query(conn, *args)``: on a page ``caching.run_cached`` (cached per data
version), in the deck and the CLI ``connection_runner(conn)``. No SQL here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from sqlalchemy import Connection

from data_access.capacity import query_occupancy
from data_access.cases import query_period_bounds, query_stage_counts, query_victims_by
from data_access.coverage import query_coverage
from data_access.reference import query_code_names, query_regions, query_units
from data_access.staffing import (STAFF_COLUMNS, query_staff_quarter, query_staffing, query_workload_standards,
                                  query_working_time)
from domain import capacity as cap
from domain import sdm
from domain.comparison import Comparison, compare_counts
from domain.coverage import SourceWindow, at_end, over_period
from domain.filters import Filters
from domain.geo import units_serving
from domain.indicators import CATALOGUE, HEADLINE, Indicator
from domain.statements import Statement, no_unit_statement
from domain.periods import Window, add_months, clamp, comparison_window, window_of

Runner = Callable[..., Any]

# Capacity alerts: a unit above 90% of its beds for at least two consecutive months (domain.capacity); see
# AlertState for how the rule reads the series.
ALERT_THRESHOLD = 0.9
ALERT_MIN_MONTHS = 2


def connection_runner(conn: Connection) -> Runner:
    """A runner that calls query functions on one open connection (deck, CLI, tests)."""
    return lambda query, *args: query(conn, *args)


def cached_runner() -> Runner:
    from data_access.caching import run_cached

    return run_cached


@dataclass(frozen=True)
class Figure:
    """One indicator's value for the filters in force, and its comparison with the same months a year earlier.

    value None: no data. previous None: no comparison; reason says why ("not_covered", "lag") or is None when
    the indicator is never compared. comparison: the significance verdict for counts (domain.comparison).
    source: the months of its own data kind the figure reads (domain.coverage); None for reference tables.
    """

    key: str
    value: float | None
    previous: float | None = None
    comparison: Comparison | None = None
    reason: str | None = None
    ignored: tuple[str, ...] = ()
    source: SourceWindow | None = None

    @property
    def indicator(self) -> Indicator:
        return CATALOGUE[self.key]

    @property
    def change(self) -> float | None:
        """Relative change for counts, the difference (as a share) for percentages; None without comparison."""
        if self.value is None or self.previous is None:
            return None
        if self.indicator.unit == "persen":
            return self.value - self.previous
        return (self.value - self.previous) / self.previous if self.previous else None


def _empty_alerts() -> pd.DataFrame:
    return pd.DataFrame(columns=[*cap.ALERT_COLUMNS, "utilisasi_akhir"])


@dataclass
class AlertState:
    """The one alert rule of every page, the deck and the CLI, judged on the whole occupancy series.

    A unit is on alert ("dalam peringatan") when a run of at least ALERT_MIN_MONTHS consecutive months above
    ALERT_THRESHOLD reaches the anchor month (the period's last month, or occupancy's last month when it stops
    earlier inside the period), however long before the period the run began. ongoing: those runs, highest
    utilisation in the anchor month first (utilisasi_akhir). ended: runs that ended inside the period before the
    anchor and whose next month was reported (below the threshold): a run followed by a missing report has not
    been seen to end. unreported: units in scope without a report for the anchor month, whose alert cannot be
    judged. source: the occupancy months behind it (no data: nothing is judged).
    """

    source: SourceWindow
    ongoing: pd.DataFrame = field(default_factory=_empty_alerts)
    ended: pd.DataFrame = field(default_factory=_empty_alerts)
    units: int = 0  # active units in the province scope
    unreported: list[str] = field(default_factory=list)  # units in scope with no report for the anchor month
    gaps: list[tuple[str, dt.date]] = field(default_factory=list)  # (unit, month) without a report in the period

    @property
    def anchor(self) -> dt.date | None:
        return self.source.anchor

    @property
    def count(self) -> int | None:
        """Units on alert among those that reported the anchor month; None (no data, not 0) when occupancy has no
        month of the period, no unit is in scope, or none of them reported it."""
        if not self.source.has_data or self.units == 0 or len(self.unreported) >= self.units:
            return None
        return len(self.ongoing_units)

    @property
    def ongoing_units(self) -> list[str]:
        return list(dict.fromkeys(self.ongoing["kode_unit"]))

    @property
    def ended_units(self) -> list[str]:
        """Units whose alert ended in the period and that are not on alert again at the anchor."""
        now = set(self.ongoing_units)
        return [u for u in dict.fromkeys(self.ended["kode_unit"]) if u not in now]

    @property
    def runs(self) -> pd.DataFrame:
        """Ongoing then ended runs, berlangsung set accordingly (the Kapasitas table)."""
        parts = [frame.assign(berlangsung=flag) for frame, flag in ((self.ongoing, True), (self.ended, False))
                 if len(frame)]
        return pd.concat(parts, ignore_index=True) if parts else _empty_alerts()


@dataclass
class Staffing:
    """The one WISN rule: staff of the latest quarter up to the period's end (staff's own last quarter when it
    stops earlier), workload of the 12 months ending at the period's end (occupancy's last month when it stops
    earlier). wisn None: not computable (no staff or occupancy for the period, or invalid standards)."""

    staff: SourceWindow
    workload_source: SourceWindow
    quarter: dt.date | None = None
    wisn: pd.DataFrame | None = None
    occupancy: pd.DataFrame = field(default_factory=pd.DataFrame)
    staffing: pd.DataFrame = field(default_factory=pd.DataFrame)
    standards: pd.DataFrame = field(default_factory=pd.DataFrame)
    working_time: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def workload(self) -> Window | None:
        """The months the workload was read from (the first month with occupancy in the window onward)."""
        used = self.workload_source.used
        if used is None or self.occupancy.empty:
            return used
        return Window(max(used.start, min(self.occupancy["bulan"])), used.end)

    @property
    def gross(self) -> float | None:
        """Kekurangan bruto: Σ over units and roles of max(0, needed − available); a surplus in one unit does not
        offset a shortage in another."""
        return float(self.wisn["kekurangan"].sum()) if self.wisn is not None else None

    @property
    def net(self) -> float | None:
        """Selisih bersih: Σ needed − Σ available (negative when there are more staff than needed overall)."""
        if self.wisn is None:
            return None
        return float(self.wisn["required_staff"].sum() - self.wisn["current_staff"].sum())


@dataclass
class Headlines:
    """The headline figures of one filter state, with the windows and the tables behind them."""

    requested: Filters
    filters: Filters | None  # clamped to the data; None when the period has no data
    data: Window | None  # first and last month with case data
    previous: Window | None  # the same months a year earlier, when the data cover them
    figures: dict[str, Figure]
    alert_state: AlertState | None = None
    staffing: Staffing | None = None
    coverage: dict[str, Window | None] = field(default_factory=dict)
    units: int = 0
    rptc: int = 0
    unit_provinces: tuple[str, ...] = ()  # provinces with an active unit (all of them, not only those filtered)

    @property
    def window(self) -> Window | None:
        return window_of(self.filters) if self.filters else None

    def value(self, key: str) -> float | None:
        return self.figures[key].value

    @property
    def alerts(self) -> pd.DataFrame:
        return self.alert_state.ongoing if self.alert_state else _empty_alerts()

    @property
    def ended_alerts(self) -> pd.DataFrame:
        return self.alert_state.ended if self.alert_state else _empty_alerts()

    @property
    def wisn(self) -> pd.DataFrame | None:
        return self.staffing.wisn if self.staffing else None

    @property
    def staff_quarter(self) -> dt.date | None:
        return self.staffing.quarter if self.staffing else None

    @property
    def workload(self) -> Window | None:
        return self.staffing.workload if self.staffing else None

    @property
    def provinces_without_unit(self) -> tuple[str, ...]:
        """Provinces of the filter that have no active sentra or RPTC."""
        if not self.filters:
            return ()
        return tuple(p for p in self.filters.provinsi if p not in self.unit_provinces)


def data_window(run: Runner) -> Window | None:
    first, last = run(query_period_bounds)
    return Window(first, last) if first and last else None


def resolve(filters: Filters, run: Runner | None = None) -> tuple[Filters | None, Window | None]:
    """(filters clamped to the months with data or None when the period has none, the data's window)."""
    run = run or cached_runner()
    data = data_window(run)
    return (clamp(filters, data.start, data.end) if data else None), data


def coverage_of(run: Runner | None = None) -> dict[str, Window | None]:
    """Each data kind's first and last month (data_access.coverage)."""
    return (run or cached_runner())(query_coverage)


def _sum(df: pd.DataFrame, column: str | None = None, value: str | None = None) -> int:
    if df.empty:
        return 0
    rows = df if column is None else df[df[column] == value]
    return int(rows["jumlah"].sum())


def _victim_counts(run: Runner, f: Filters) -> dict[str, int]:
    f = CATALOGUE["korban_ditangani"].scope(f)
    by_age_dest = run(query_victims_by, f, ("kelompok_umur", "tujuan_jenis"))
    stages = run(query_stage_counts, CATALOGUE["korban_reintegrasi"].scope(f), ("tahap",))
    return {
        "korban_ditangani": _sum(by_age_dest),
        "korban_anak": _sum(by_age_dest, "kelompok_umur", "anak"),
        "korban_luar_negeri": _sum(by_age_dest, "tujuan_jenis", "LN"),
        "korban_reintegrasi": _sum(stages, "tahap", "reintegrasi"),
    }


def _utilisation(occupancy: pd.DataFrame) -> float | None:
    beds = float(occupancy["kapasitas"].sum()) if len(occupancy) else 0.0
    return float(occupancy["penghuni"].sum()) / beds if beds > 0 else None


def unit_scope(filters: Filters) -> Filters:
    """Capacity and staffing know only the period and where a unit is: victim filters do not apply."""
    return Filters(start=filters.start, end=filters.end, provinsi=filters.provinsi)


def occupancy_window(filters: Filters, run: Runner | None = None,
                     coverage: dict[str, Window | None] | None = None) -> SourceWindow:
    """The months of the period that occupancy covers (figures over the period: utilisation, residents...)."""
    coverage = coverage if coverage is not None else coverage_of(run)
    return over_period("okupansi", window_of(filters), coverage.get("okupansi"))


def _shared(run: Runner) -> bool:
    """Whether run is the process-wide query cache (pages), where a view may be shared between callers."""
    from data_access.caching import run_cached

    return run is run_cached


def _shared_alert_state(filters: Filters) -> AlertState:
    return _alert_state(filters, cached_runner(), coverage_of(cached_runner()))


def alert_state(filters: Filters, run: Runner | None = None,
                coverage: dict[str, Window | None] | None = None) -> AlertState:
    """The alert rule (AlertState) for clamped filters; the province filter means where the unit is."""
    run = run or cached_runner()
    if _shared(run):  # the headline figures and the action lists ask for the same state: computed once
        from data_access.caching import compute_cached

        return compute_cached(_shared_alert_state, filters)
    return _alert_state(filters, run, coverage if coverage is not None else coverage_of(run))


def _alert_state(filters: Filters, run: Runner, coverage: dict[str, Window | None]) -> AlertState:
    window = window_of(filters)
    source = at_end("okupansi", window, coverage.get("okupansi"))
    units = run(query_units)
    scope = units[units["kode_prov"].isin(filters.provinsi)] if filters.provinsi else units
    if not source.has_data:
        return AlertState(source, units=len(scope))
    # The whole series up to the anchor: a run that began before the period still counts in its last month.
    # Read nationally and sliced to the units in scope: one query per anchor month serves every province.
    history = run(query_occupancy, Filters(end=source.anchor))
    if filters.provinsi:
        history = history[history["kode_unit"].isin(scope["kode_unit"])].reset_index(drop=True)
    reported = set(zip(history["kode_unit"], history["bulan"]))
    unreported = [u for u in scope["kode_unit"] if (u, source.anchor) not in reported]
    gaps = cap.reporting_gaps(history, list(scope["kode_unit"]), max(window.start, source.coverage.start),
                              source.anchor)
    alerts = cap.capacity_alerts(history, threshold=ALERT_THRESHOLD, min_consecutive=ALERT_MIN_MONTHS)
    if alerts.empty:
        return AlertState(source, units=len(scope), unreported=unreported, gaps=gaps)
    akhir = pd.to_datetime(alerts["akhir"]).dt.date
    ongoing = alerts[akhir == source.anchor].copy()
    at_anchor = cap.monthly_utilisation(history[history["bulan"] == source.anchor])
    ongoing["utilisasi_akhir"] = ongoing["kode_unit"].map(dict(zip(at_anchor["kode_unit"], at_anchor["utilisasi"])))
    ongoing = ongoing.sort_values(["utilisasi_akhir", "kode_unit"], ascending=[False, True], kind="mergesort")
    seen_after = pd.Series([(u, add_months(a, 1)) in reported for u, a in zip(alerts["kode_unit"], akhir)],
                           index=alerts.index, dtype=bool)
    ended = alerts[(akhir < source.anchor) & (akhir >= window.start) & seen_after].assign(utilisasi_akhir=float("nan"))
    return AlertState(source, ongoing.reset_index(drop=True), ended.reset_index(drop=True), len(scope), unreported,
                      gaps)


def capacity_alerts(occupancy: pd.DataFrame, end: dt.date) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(runs reaching end, runs ended before it) of an occupancy frame (domain.capacity with the dashboard's
    threshold). Pages use alert_state, which judges the whole series up to the anchor month."""
    alerts = cap.capacity_alerts(occupancy, threshold=ALERT_THRESHOLD, min_consecutive=ALERT_MIN_MONTHS)
    if alerts.empty:
        return alerts, alerts
    akhir = pd.to_datetime(alerts["akhir"]).dt.date
    return alerts[akhir == end].reset_index(drop=True), alerts[akhir != end].reset_index(drop=True)


def staffing_state(filters: Filters, run: Runner | None = None,
                   coverage: dict[str, Window | None] | None = None, with_wisn: bool = True) -> Staffing:
    """The one WISN rule (Staffing) for clamped filters. The province filter means where the unit is.
    with_wisn=False gathers the inputs only (the Kesenjangan SDM page computes and explains WISN itself)."""
    run = run or cached_runner()
    coverage = coverage if coverage is not None else coverage_of(run)
    window = window_of(filters)
    staff = at_end("staf", window, coverage.get("staf"))
    workload = at_end("okupansi", window, coverage.get("okupansi"), months=sdm.WINDOW_MONTHS)
    standards, working_time = run(query_workload_standards), run(query_working_time)
    if not (staff.has_data and workload.has_data):
        return Staffing(staff, workload, standards=standards, working_time=working_time)
    used = workload.used
    occupancy = run(query_occupancy, Filters(start=used.start, end=used.end, provinsi=filters.provinsi))
    quarter = run(query_staff_quarter, staff.anchor)
    staffing = run(query_staffing, quarter, filters.provinsi) if quarter else pd.DataFrame(columns=STAFF_COLUMNS)
    wisn = None
    if with_wisn and filters.provinsi and quarter and _shared(run):
        # WISN is per unit and role: the national table, computed once per window and quarter, sliced to the
        # units in the provinces, is the provinces' own table without one computation per province.
        from data_access.caching import compute_cached

        national = compute_cached(_shared_national_wisn, used, quarter)
        if national is not None:
            national = national[national["kode_unit"].isin(set(staffing["kode_unit"]) & set(occupancy["kode_unit"]))]
            wisn = national.reset_index(drop=True) if len(national) else None
    elif with_wisn:
        wisn = compute_wisn(occupancy, staffing, standards, working_time)
    return Staffing(staff, workload, quarter, wisn, occupancy, staffing, standards, working_time)


def _shared_national_wisn(used: Window, quarter: dt.date) -> pd.DataFrame | None:
    run = cached_runner()
    return compute_wisn(run(query_occupancy, Filters(start=used.start, end=used.end)),
                        run(query_staffing, quarter, ()), run(query_workload_standards), run(query_working_time))


def wisn_inputs(filters: Filters, run: Runner | None = None
                ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame, dt.date | None, Window | None]:
    """(occupancy of the workload window, staff of the quarter, standards, working time, that quarter, the
    workload window): staffing_state's inputs, for the Kesenjangan SDM page's own computations."""
    s = staffing_state(filters, run, with_wisn=False)
    return s.occupancy, s.staffing, s.standards, s.working_time, s.quarter, s.workload


def compute_wisn(occupancy, staffing, standards, working_time) -> pd.DataFrame | None:
    """WISN per unit and role (domain.sdm); None when there is nothing to compute or the standards are invalid."""
    if occupancy.empty or staffing.empty or sdm.validate_standards(standards, working_time):
        return None
    try:
        wisn = sdm.wisn_by_unit_role(occupancy, staffing, standards, working_time)
    except Exception:  # noqa: BLE001 — WisnInputError on edited standards: the figure reads "tidak ada data"
        return None
    return wisn if len(wisn) else None


def headline_indicators(filters: Filters, run: Runner | None = None) -> Headlines:
    """Every headline indicator (domain.indicators.HEADLINE) for the filters, by the catalogue's rules."""
    run = run or cached_runner()
    clamped, data = resolve(filters, run)
    if clamped is None:
        empty = {key: Figure(key, None, ignored=CATALOGUE[key].ignored_filters(filters)) for key in HEADLINE}
        return Headlines(filters, None, data, None, empty)
    coverage = coverage_of(run)
    window = window_of(clamped)
    figures: dict[str, Figure] = {}
    cases = over_period("kasus", window, coverage.get("kasus"))

    current = _victim_counts(run, clamped)
    earlier: dict[Window, dict[str, int]] = {}  # one set of queries per like window, not one per indicator
    for key, value in current.items():
        ind = CATALOGUE[key]
        previous_window, reason = comparison_window(window, data, ind.lag_months)
        if previous_window is None:
            figures[key] = Figure(key, value, reason=reason, ignored=ind.ignored_filters(filters), source=cases)
            continue
        if previous_window not in earlier:
            earlier[previous_window] = _victim_counts(run, clamped.with_(start=previous_window.start,
                                                                         end=previous_window.end))
        previous = earlier[previous_window][key]
        figures[key] = Figure(key, value, previous, compare_counts(value, previous, min_count=ind.min_count),
                              ignored=ind.ignored_filters(filters), source=cases)
    previous_window, _ = comparison_window(window, data)

    scope = unit_scope(clamped)
    beds = occupancy_window(clamped, run, coverage)
    utilisation = previous_util = None
    util_reason = "not_covered"
    if beds.has_data:
        utilisation = _utilisation(run(query_occupancy, scope.with_(start=beds.used.start, end=beds.used.end)))
        # The same months a year earlier, of occupancy's own months (those read now), when occupancy has them.
        like = beds.used.year_earlier()
        if utilisation is not None and beds.coverage.covers(like):
            previous_util = _utilisation(run(query_occupancy, scope.with_(start=like.start, end=like.end)))
            util_reason = None if previous_util is not None else "not_covered"
    figures["utilisasi"] = Figure("utilisasi", utilisation, previous_util, reason=util_reason,
                                  ignored=CATALOGUE["utilisasi"].ignored_filters(filters), source=beds)

    units = run(query_units)
    unit_provinces = tuple(sorted(set(units["kode_prov"])))
    if clamped.provinsi:
        units = units[units["kode_prov"].isin(clamped.provinsi)]
    rptc = int((units["tipe"] == "rptc").sum())
    figures["unit_layanan"] = Figure("unit_layanan", len(units),
                                     ignored=CATALOGUE["unit_layanan"].ignored_filters(filters))

    alerts = alert_state(clamped, run, coverage)
    figures["unit_peringatan"] = Figure(
        "unit_peringatan", alerts.count, ignored=CATALOGUE["unit_peringatan"].ignored_filters(filters),
        source=alerts.source)

    staffing = staffing_state(clamped, run, coverage)
    for key, value in (("kekurangan_staf", staffing.gross), ("selisih_staf_bersih", staffing.net)):
        figures[key] = Figure(key, value, ignored=CATALOGUE[key].ignored_filters(filters),
                              source=staffing.workload_source if staffing.staff.has_data else staffing.staff)
    return Headlines(filters, clamped, data, previous_window, figures, alerts, staffing, coverage, units=len(units),
                     rptc=rptc, unit_provinces=unit_provinces)


def served_elsewhere(filters: Filters, run: Runner | None = None) -> dict[str, pd.DataFrame]:
    """For each province of the (clamped) filters that has no active sentra or RPTC: the units that served its
    victims in the period (domain.geo.units_serving, distances from the province's capital), from the case
    data's unit codes. Victim filters apply as they do to korban_ditangani."""
    run = run or cached_runner()
    units = run(query_units)
    missing = [p for p in filters.provinsi if p not in set(units["kode_prov"])]
    if not missing:
        return {}
    capitals = run(query_regions, 1, None).set_index("kode")
    scope = CATALOGUE["korban_ditangani"].scope(filters)
    out = {}
    for province in missing:
        by_unit = run(query_victims_by, scope.with_(provinsi=(province,)), ("kode_unit",))
        lat = capitals["lat"].get(province) if province in capitals.index else None
        lon = capitals["lon"].get(province) if province in capitals.index else None
        out[province] = units_serving(by_unit, units, None if pd.isna(lat) else lat, None if pd.isna(lon) else lon)
    return out


def no_unit_notes(filters: Filters, lang: str = "id", run: Runner | None = None) -> list[Statement]:
    """"Tidak ada sentra atau RPTC di …" for each province of the filter without a unit (domain.statements)."""
    run = run or cached_runner()
    served = served_elsewhere(filters, run)
    if not served:
        return []
    names = run(query_code_names, lang)
    window = window_of(filters)
    return [no_unit_statement(p, names["provinsi"].get(p, p), window, frame, names["unit"], lang)
            for p, frame in served.items()]


def query_alert_state(conn: Connection, filters: Filters) -> AlertState:
    return alert_state(filters, connection_runner(conn))


def get_alert_state(filters: Filters) -> AlertState:
    """alert_state for the page, cached per (clamped) filters and data version."""
    from data_access.caching import run_cached

    return run_cached(query_alert_state, unit_scope(filters))


def query_no_unit_notes(conn: Connection, filters: Filters, lang: str) -> list[Statement]:
    return no_unit_notes(filters, lang, connection_runner(conn))


def get_no_unit_notes(filters: Filters, lang: str) -> list[Statement]:
    """no_unit_notes for the page, cached per (clamped) filters, language and data version."""
    from data_access.caching import run_cached

    return run_cached(query_no_unit_notes, CATALOGUE["korban_ditangani"].scope(filters), lang)


def _month_pair(window: Window | None) -> list[str] | None:
    return [f"{window.start:%Y-%m}", f"{window.end:%Y-%m}"] if window else None


def coverage_json(source: SourceWindow | None) -> dict | None:
    """The `cakupan` of one figure in `manage.py summary --json`: its data kind, the months that kind covers, the
    months the figure reads, and whether the period runs past the kind's data."""
    if source is None:
        return None
    return {"jenis_data": source.kind, "data": _month_pair(source.coverage), "dipakai": _month_pair(source.used),
            "terpotong": source.is_cut, "jendela_pendek": source.short, "tanpa_data": not source.has_data}


def staffing_reason(h: Headlines) -> str:
    """Why there is no WISN figure: no unit in scope, no staff or occupancy data for the period, or standards that
    cannot be used."""
    if h.alert_state is not None and h.alert_state.units == 0:
        return "tidak_ada_unit"
    if h.staffing is None or not h.staffing.staff.has_data or h.staffing.staffing.empty:
        return "tanpa_data_staf"
    if not h.staffing.workload_source.has_data or h.staffing.occupancy.empty:
        return "tanpa_data_okupansi"
    return "standar_tidak_dapat_dipakai"


def as_json(h: Headlines) -> dict:
    """The headline indicators by key, as `manage.py summary --json` prints them."""
    out = {}
    for key, fig in h.figures.items():
        ind = fig.indicator
        entry = {"nilai": fig.value, "satuan": ind.unit, "sumber": ind.source, "aturan_periode": ind.period_rule,
                 "filter_tidak_berlaku": list(fig.ignored), "cakupan": coverage_json(fig.source)}
        if ind.comparable:
            entry.update({"pembanding": fig.previous, "perubahan": fig.change,
                          "status": fig.comparison.status if fig.comparison else None,
                          "p_nilai": fig.comparison.p_value if fig.comparison else None,
                          "alasan_tanpa_pembanding": fig.reason})
        elif fig.previous is not None:  # utilisation: a change in points, no verdict (as on the page)
            entry.update({"pembanding": fig.previous, "perubahan": fig.change,
                          "jendela_pembanding": _month_pair(fig.source.used.year_earlier()) if fig.source else None})
        out[key] = entry
    for key in ("kekurangan_staf", "selisih_staf_bersih"):
        if key in out:
            computed = out[key]["nilai"] is not None
            out[key]["kuartal_staf"] = f"{h.staff_quarter:%Y-%m}" if computed and h.staff_quarter else None
            out[key]["jendela_beban_kerja"] = _month_pair(h.workload) if computed else None
            out[key]["cakupan_staf"] = coverage_json(h.staffing.staff) if h.staffing else None
            if not computed:
                out[key]["alasan_tanpa_nilai"] = staffing_reason(h)
    if h.alert_state is not None and "unit_peringatan" in out:
        state = out["unit_peringatan"]
        state["bulan"] = f"{h.alert_state.anchor:%Y-%m}" if h.alert_state.anchor else None
        state["unit"] = h.alert_state.ongoing_units
        state["unit_belum_lapor"] = list(h.alert_state.unreported)  # their alert cannot be judged
        state["unit_dalam_cakupan"] = h.alert_state.units
    out["unit_layanan"]["rptc"] = h.rptc
    out["unit_layanan"]["sentra"] = h.units - h.rptc
    return out
