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
from data_access.reference import query_units
from data_access.staffing import (STAFF_COLUMNS, query_staff_quarter, query_staffing, query_workload_standards,
                                  query_working_time)
from domain import capacity as cap
from domain import sdm
from domain.comparison import Comparison, compare_counts
from domain.filters import Filters
from domain.indicators import CATALOGUE, HEADLINE, Indicator
from domain.periods import Window, add_months, clamp, comparison_window, window_of

Runner = Callable[..., Any]

# Capacity alerts: a unit above 90% of its beds for at least two consecutive months (domain.capacity); a unit
# is "dalam peringatan" when such a run is still going on in the period's last month. Runs that ended earlier
# in the period are listed separately as ended alerts.
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
    """

    key: str
    value: float | None
    previous: float | None = None
    comparison: Comparison | None = None
    reason: str | None = None
    ignored: tuple[str, ...] = ()

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


@dataclass
class Headlines:
    """The headline figures of one filter state, with the windows and the tables behind them."""

    requested: Filters
    filters: Filters | None  # clamped to the data; None when the period has no data
    data: Window | None  # first and last month with case data
    previous: Window | None  # the same months a year earlier, when the data cover them
    figures: dict[str, Figure]
    alerts: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(cap.ALERT_COLUMNS)))
    ended_alerts: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(cap.ALERT_COLUMNS)))
    wisn: pd.DataFrame | None = None
    staff_quarter: dt.date | None = None
    workload: Window | None = None
    units: int = 0
    rptc: int = 0

    @property
    def window(self) -> Window | None:
        return window_of(self.filters) if self.filters else None

    def value(self, key: str) -> float | None:
        return self.figures[key].value


def data_window(run: Runner) -> Window | None:
    first, last = run(query_period_bounds)
    return Window(first, last) if first and last else None


def resolve(filters: Filters, run: Runner | None = None) -> tuple[Filters | None, Window | None]:
    """(filters clamped to the months with data or None when the period has none, the data's window)."""
    run = run or cached_runner()
    data = data_window(run)
    return (clamp(filters, data.start, data.end) if data else None), data


def _sum(df: pd.DataFrame, column: str | None = None, value: str | None = None) -> int:
    if df.empty:
        return 0
    rows = df if column is None else df[df[column] == value]
    return int(rows["jumlah"].sum())


def _victim_counts(run: Runner, f: Filters) -> dict[str, int]:
    by_age_dest = run(query_victims_by, f, ("kelompok_umur", "tujuan_jenis"))
    stages = run(query_stage_counts, f.with_(instansi=()), ("tahap",))
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


def split_alerts(alerts: pd.DataFrame, end: dt.date) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(ongoing at the period's last month, ended earlier in the period)."""
    if alerts.empty:
        return alerts, alerts
    akhir = pd.to_datetime(alerts["akhir"]).dt.date
    ongoing = alerts[akhir == end]
    return ongoing.reset_index(drop=True), alerts[akhir != end].reset_index(drop=True)


def capacity_alerts(occupancy: pd.DataFrame, end: dt.date) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The one alert rule of every page, the deck and the CLI: (ongoing, ended) runs (domain.capacity)."""
    alerts = cap.capacity_alerts(occupancy, threshold=ALERT_THRESHOLD, min_consecutive=ALERT_MIN_MONTHS)
    return split_alerts(alerts, end)


def wisn_inputs(filters: Filters, run: Runner | None = None
                ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame, dt.date | None, Window]:
    """The one WISN rule: (occupancy of the 12 months ending at the period's end, staff of the latest quarter
    starting on or before that end, standards, working time, that quarter, the workload window).

    filters must be clamped (end set). The province filter means where the unit is.
    """
    run = run or cached_runner()
    end = filters.end
    workload = Window(add_months(end, -(sdm.WINDOW_MONTHS - 1)), end)
    occupancy = run(query_occupancy, Filters(start=workload.start, end=workload.end, provinsi=filters.provinsi))
    if not occupancy.empty:
        first = min(occupancy["bulan"])
        workload = Window(max(workload.start, first), workload.end)
    quarter = run(query_staff_quarter, end)
    staffing = run(query_staffing, quarter, filters.provinsi) if quarter else pd.DataFrame(columns=STAFF_COLUMNS)
    return occupancy, staffing, run(query_workload_standards), run(query_working_time), quarter, workload


def compute_wisn(occupancy, staffing, standards, working_time) -> pd.DataFrame | None:
    """WISN per unit and role (domain.sdm); None when there is nothing to compute or the standards are invalid."""
    if occupancy.empty or staffing.empty or sdm.validate_standards(standards, working_time):
        return None
    try:
        return sdm.wisn_by_unit_role(occupancy, staffing, standards, working_time)
    except Exception:  # noqa: BLE001 — WisnInputError on edited standards: the figure reads "tidak ada data"
        return None


def headline_indicators(filters: Filters, run: Runner | None = None) -> Headlines:
    """Every headline indicator (domain.indicators.HEADLINE) for the filters, by the catalogue's rules."""
    run = run or cached_runner()
    clamped, data = resolve(filters, run)
    if clamped is None:
        empty = {key: Figure(key, None, ignored=CATALOGUE[key].ignored_filters(filters)) for key in HEADLINE}
        return Headlines(filters, None, data, None, empty)
    window = window_of(clamped)
    figures: dict[str, Figure] = {}

    current = _victim_counts(run, clamped)
    earlier: dict[Window, dict[str, int]] = {}  # one set of queries per like window, not one per indicator
    for key, value in current.items():
        ind = CATALOGUE[key]
        previous_window, reason = comparison_window(window, data, ind.lag_months)
        if previous_window is None:
            figures[key] = Figure(key, value, reason=reason, ignored=ind.ignored_filters(filters))
            continue
        if previous_window not in earlier:
            earlier[previous_window] = _victim_counts(run, clamped.with_(start=previous_window.start,
                                                                         end=previous_window.end))
        previous = earlier[previous_window][key]
        figures[key] = Figure(key, value, previous, compare_counts(value, previous, min_count=ind.min_count),
                              ignored=ind.ignored_filters(filters))
    previous_window, _ = comparison_window(window, data)

    scope = unit_scope(clamped)
    occupancy = run(query_occupancy, scope)
    utilisation = _utilisation(occupancy)
    previous_util = None
    if previous_window is not None:
        previous_util = _utilisation(run(query_occupancy, scope.with_(start=previous_window.start,
                                                                       end=previous_window.end)))
    figures["utilisasi"] = Figure("utilisasi", utilisation, previous_util if utilisation is not None else None,
                                  reason=None if previous_util is not None else "not_covered",
                                  ignored=CATALOGUE["utilisasi"].ignored_filters(filters))

    units = run(query_units)
    if clamped.provinsi:
        units = units[units["kode_prov"].isin(clamped.provinsi)]
    rptc = int((units["tipe"] == "rptc").sum())
    figures["unit_layanan"] = Figure("unit_layanan", len(units),
                                     ignored=CATALOGUE["unit_layanan"].ignored_filters(filters))

    ongoing, ended = capacity_alerts(occupancy, window.end)
    figures["unit_peringatan"] = Figure("unit_peringatan", int(ongoing["kode_unit"].nunique()) if len(ongoing) else 0,
                                        ignored=CATALOGUE["unit_peringatan"].ignored_filters(filters))

    occ12, staffing, standards, working_time, quarter, workload = wisn_inputs(clamped, run)
    wisn = compute_wisn(occ12, staffing, standards, working_time)
    shortage = float(wisn["kekurangan"].sum()) if wisn is not None else None
    figures["kekurangan_staf"] = Figure("kekurangan_staf", shortage,
                                        ignored=CATALOGUE["kekurangan_staf"].ignored_filters(filters))
    return Headlines(filters, clamped, data, previous_window, figures, ongoing, ended, wisn, quarter, workload,
                     units=len(units), rptc=rptc)


def as_json(h: Headlines) -> dict:
    """The headline indicators by key, as `manage.py summary --json` prints them."""
    out = {}
    for key, fig in h.figures.items():
        ind = fig.indicator
        entry = {"nilai": fig.value, "satuan": ind.unit, "sumber": ind.source, "aturan_periode": ind.period_rule,
                 "filter_tidak_berlaku": list(fig.ignored)}
        if ind.comparable:
            entry.update({"pembanding": fig.previous, "perubahan": fig.change,
                          "status": fig.comparison.status if fig.comparison else None,
                          "p_nilai": fig.comparison.p_value if fig.comparison else None,
                          "alasan_tanpa_pembanding": fig.reason})
        out[key] = entry
    if h.staff_quarter:
        out["kekurangan_staf"]["kuartal_staf"] = f"{h.staff_quarter:%Y-%m}"
    if h.workload:
        out["kekurangan_staf"]["jendela_beban_kerja"] = [f"{h.workload.start:%Y-%m}", f"{h.workload.end:%Y-%m}"]
    out["unit_layanan"]["rptc"] = h.rptc
    out["unit_layanan"]["sentra"] = h.units - h.rptc
    return out
