"""Next year's projection (domain.projection) for the filters in force: victims nationally, by the largest origin
provinces and by modus; admissions, places and staff per unit. One computation for the Proyeksi page, the deck's
slide and `manage.py proyeksi`. No SQL here: it reads through the query functions of cases, capacity and staffing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import Connection

from data_access.capacity import query_occupancy
from data_access.cases import query_victims_by
from data_access.indicators import (Runner, cached_runner, connection_runner, coverage_of, resolve, staffing_state,
                                    unit_scope)
from data_access.reference import query_data_status, query_units
from domain import capacity as cap
from domain import projection as proj
from domain import sdm
from domain.coverage import at_end
from domain.filters import Filters
from domain.indicators import CATALOGUE
from domain.periods import add_months, window_of
from domain.provenance import holds_demo

TOP_PROVINCES = 5
# The data kinds a projection reads: DATA CONTOH while any of them holds demo rows.
KINDS: tuple[str, ...] = ("kasus", "okupansi", "staf", "standar_beban_kerja")


@dataclass(eq=False)
class ProjectionView:
    """Everything the page, the slide and the CLI show. filters None: the period has no case data.

    origin: the last month of victim history (the period's end, clamped to the case data); unit_origin: the last
    occupancy month up to the period's end (None without occupancy). provinces and modus: code → Projection, largest
    first (victims in the 12 months up to origin). places, places_months, staff_roles, recruits: domain.projection's
    tables (empty when nothing could be projected); staff_reason says why there is no staff projection."""

    requested: Filters
    filters: Filters | None = None
    origin: dt.date | None = None
    national: proj.Projection | None = None
    provinces: dict[str, proj.Projection] = field(default_factory=dict)
    modus: dict[str, proj.Projection] = field(default_factory=dict)
    unit_origin: dt.date | None = None
    units: dict[str, proj.Projection] = field(default_factory=dict)
    places: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(proj.PLACES_COLUMNS)))
    places_months: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(proj.PLACES_MONTH_COLUMNS)))
    staff_roles: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(proj.STAFF_ROLE_COLUMNS)))
    recruits: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(proj.RECRUIT_COLUMNS)))
    staff_quarter: dt.date | None = None
    staff_reason: str | None = None
    demo: bool = False

    @property
    def withheld(self) -> int:
        """How many of the victim series shown are withheld."""
        series = [p for p in (self.national, *self.provinces.values(), *self.modus.values()) if p is not None]
        return sum(p.withheld for p in series)


def _by(frame: pd.DataFrame, column: str, first: dt.date, last: dt.date, keep: list[str]) -> dict[str, pd.DataFrame]:
    return {code: proj.monthly_series(frame[frame[column] == code], first, last) for code in keep}


def _largest(frame: pd.DataFrame, column: str, since: dt.date, n: int | None = None) -> list[str]:
    recent = frame[pd.to_datetime(frame["bulan"]) >= pd.Timestamp(since)]
    totals = recent.groupby(column)["jumlah"].sum().sort_values(ascending=False, kind="mergesort")
    codes = [c for c, v in totals.items() if v > 0]
    return codes[:n] if n else codes


def projection_view(filters: Filters, run: Runner | None = None) -> ProjectionView:
    """The projection for the filters (victim filters apply to the victim series; for places and staff the province
    filter means where the unit is, as on Kapasitas Sentra and Kesenjangan SDM)."""
    run = run or cached_runner()
    clamped, data = resolve(filters, run)
    status = run(query_data_status)
    demo = bool(status[status["kode"].isin(KINDS)]["asal"].map(holds_demo).any())
    view = ProjectionView(requested=filters, demo=demo)
    if clamped is None or data is None:
        return view
    view.filters, view.origin = clamped, clamped.end
    history = CATALOGUE["korban_ditangani"].scope(clamped).with_(start=data.start, end=clamped.end)
    since = add_months(clamped.end, -11)
    national = run(query_victims_by, history, ("bulan",))
    view.national = proj.project(proj.monthly_series(national, data.start, clamped.end))
    by_province = run(query_victims_by, history, ("bulan", "kode_prov_asal"))
    top = _largest(by_province, "kode_prov_asal", since, TOP_PROVINCES)
    view.provinces = {c: proj.project(s) for c, s in _by(by_province, "kode_prov_asal", data.start, clamped.end,
                                                         top).items()}
    by_modus = run(query_victims_by, history, ("bulan", "modus"))
    view.modus = {c: proj.project(s) for c, s in _by(by_modus, "modus", data.start, clamped.end,
                                                     _largest(by_modus, "modus", since)).items()}
    _places_and_staff(view, clamped, run)
    return view


def _places_and_staff(view: ProjectionView, filters: Filters, run: Runner) -> None:
    coverage = coverage_of(run)
    beds = at_end("okupansi", window_of(filters), coverage.get("okupansi"))
    if not beds.has_data:
        view.staff_reason = "no_occupancy"
        return
    view.unit_origin = beds.anchor
    occupancy = run(query_occupancy, Filters(end=beds.anchor, provinsi=filters.provinsi))
    units = run(query_units)
    scope = unit_scope(filters)
    in_scope = units[units["kode_prov"].isin(scope.provinsi)] if scope.provinsi else units
    reported = occupancy[occupancy["kode_unit"].isin(set(in_scope["kode_unit"]))]
    if reported.empty:
        view.staff_reason = "no_occupancy"
        return
    for unit, rows in reported.groupby("kode_unit", sort=True):
        view.units[unit] = proj.project(proj.monthly_series(rows, min(rows["bulan"]), beds.anchor, "penerimaan"))
    recent = reported[pd.to_datetime(reported["bulan"]) > pd.Timestamp(add_months(beds.anchor, -12))]
    metrics = cap.unit_metrics(recent, units)
    latest = cap.monthly_utilisation(reported[reported["bulan"] == beds.anchor])
    view.places, view.places_months = proj.project_places(view.units, metrics, latest)

    state = staffing_state(filters, run, coverage)
    view.staff_quarter = state.quarter
    if state.wisn is None or state.staffing.empty:
        view.staff_reason = "no_wisn"
        return
    next_year = proj.projected_occupancy(view.places_months, reported)
    try:
        wisn_next = sdm.wisn_by_unit_role(next_year, state.staffing, state.standards, state.working_time)
    except ValueError:  # WisnInputError: standards edited into something WISN cannot use
        view.staff_reason = "no_wisn"
        return
    view.staff_roles, view.recruits = proj.recruitment(state.wisn, wisn_next, sdm.ROLES)


def query_projection_view(conn: Connection, filters: Filters) -> ProjectionView:
    return projection_view(filters, connection_runner(conn))


def get_projection_view(filters: Filters) -> ProjectionView:
    """projection_view for the page, cached per filters and data version (a cold projection takes seconds)."""
    from data_access.caching import run_cached

    return run_cached(query_projection_view, filters)
