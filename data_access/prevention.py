"""Queries on prevention data: activities, prevented departures and migrant-worker placements (issue 15).

Every query takes whole months (first days) and province codes as bound parameters; an empty province tuple means
all provinces. The province of an activity or a placement is the area's province (kab/kota codes start with it);
the province of a prevented departure is where it was stopped (airport, port, border post), not the origin.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

import pandas as pd
from sqlalchemy import Connection, func, select

from data_access.caching import run_cached
from data_access.cases import month_column, query_victims_by
from data_access.indicators import Runner, cached_runner, connection_runner, coverage_of, data_window, resolve
from data_access.reference import query_regions
from data_access.schema import KegiatanPencegahan, PenempatanPmi, PencegahanKeberangkatan
from domain.coverage import SourceWindow, at_end, over_period
from domain.filters import Filters
from domain.periods import Window, add_months, window_of
from domain.prevention import (GROUP_NO_PREVENTION, area_figures, departures_against_victims, per_placed,
                               priority_areas)
from domain.statements import Statement, coverage_notes

ACTIVITY_LEVELS = {"kab": KegiatanPencegahan.kode_wilayah, "provinsi": KegiatanPencegahan.kode_prov}
PLACEMENT_LEVELS = {"kab": PenempatanPmi.kode_wilayah, "provinsi": PenempatanPmi.kode_prov}


def _level(levels: dict, level: str):
    try:
        return levels[level]
    except KeyError:
        raise ValueError(f"Tingkat '{level}' tidak dikenal; pilih {' atau '.join(levels)}.") from None


def query_prevention_activities(conn: Connection, start: dt.date, end: dt.date, provinces: tuple[str, ...] = (),
                                level: str = "kab") -> pd.DataFrame:
    """Activities from start to end (inclusive months) per area. Columns: kode, kegiatan, peserta (persons).

    level "kab": per kode_wilayah as recorded (kab/kota, or the province code for province-wide activities);
    level "provinsi": per province."""
    area = _level(ACTIVITY_LEVELS, level)
    terms = [KegiatanPencegahan.bulan >= start, KegiatanPencegahan.bulan <= end]
    if provinces:
        terms.append(KegiatanPencegahan.kode_prov.in_(provinces))
    stmt = (select(area, func.sum(KegiatanPencegahan.kegiatan), func.sum(KegiatanPencegahan.peserta))
            .where(*terms).group_by(area).order_by(area))
    df = pd.DataFrame(conn.execute(stmt).all(), columns=["kode", "kegiatan", "peserta"])
    return df.astype({"kegiatan": "int64", "peserta": "int64"})


def get_prevention_activities(start: dt.date, end: dt.date, provinces: tuple[str, ...] = (),
                              level: str = "kab") -> pd.DataFrame:
    return run_cached(query_prevention_activities, start, end, tuple(provinces), level)


def query_prevention_by_kind(conn: Connection, start: dt.date, end: dt.date,
                             provinces: tuple[str, ...] = ()) -> pd.DataFrame:
    """Activities per kind and agency. Columns: jenis, instansi, kegiatan, peserta."""
    terms = [KegiatanPencegahan.bulan >= start, KegiatanPencegahan.bulan <= end]
    if provinces:
        terms.append(KegiatanPencegahan.kode_prov.in_(provinces))
    cols = [KegiatanPencegahan.jenis, KegiatanPencegahan.instansi]
    stmt = (select(*cols, func.sum(KegiatanPencegahan.kegiatan), func.sum(KegiatanPencegahan.peserta))
            .where(*terms).group_by(*cols).order_by(*cols))
    df = pd.DataFrame(conn.execute(stmt).all(), columns=["jenis", "instansi", "kegiatan", "peserta"])
    return df.astype({"kegiatan": "int64", "peserta": "int64"})


def get_prevention_by_kind(start: dt.date, end: dt.date, provinces: tuple[str, ...] = ()) -> pd.DataFrame:
    return run_cached(query_prevention_by_kind, start, end, tuple(provinces))


def query_prevented_departures(conn: Connection, start: dt.date, end: dt.date,
                               provinces: tuple[str, ...] = ()) -> pd.DataFrame:
    """Prevented non-procedural departures per month and province where stopped (all agencies summed).

    Columns: bulan (date), kode_provinsi, jumlah (persons)."""
    t = PencegahanKeberangkatan
    terms = [t.bulan >= start, t.bulan <= end]
    if provinces:
        terms.append(t.kode_provinsi.in_(provinces))
    stmt = (select(t.bulan, t.kode_provinsi, func.sum(t.jumlah)).where(*terms)
            .group_by(t.bulan, t.kode_provinsi).order_by(t.bulan, t.kode_provinsi))
    df = pd.DataFrame(conn.execute(stmt).all(), columns=["bulan", "kode_provinsi", "jumlah"])
    df["bulan"] = month_column(df["bulan"])
    return df.astype({"jumlah": "int64"})


def get_prevented_departures(start: dt.date, end: dt.date, provinces: tuple[str, ...] = ()) -> pd.DataFrame:
    return run_cached(query_prevented_departures, start, end, tuple(provinces))


def query_prevented_total(conn: Connection, start: dt.date, end: dt.date, provinces: tuple[str, ...] = ()) -> int:
    """Prevented departures from start to end (inclusive months), persons."""
    t = PencegahanKeberangkatan
    terms = [t.bulan >= start, t.bulan <= end]
    if provinces:
        terms.append(t.kode_provinsi.in_(provinces))
    return int(conn.execute(select(func.coalesce(func.sum(t.jumlah), 0)).where(*terms)).scalar_one())


def get_prevented_total(start: dt.date, end: dt.date, provinces: tuple[str, ...] = ()) -> int:
    return run_cached(query_prevented_total, start, end, tuple(provinces))


def query_placements(conn: Connection, year: int, provinces: tuple[str, ...] = (),
                     level: str = "provinsi") -> pd.DataFrame:
    """Placements of one year (whole-year and monthly rows together). Columns: kode, jumlah (persons).

    level "kab": per kode_wilayah as recorded (kab/kota, or the province code when the kab/kota is unknown);
    level "provinsi": per province."""
    area = _level(PLACEMENT_LEVELS, level)
    terms = [PenempatanPmi.tahun == year]
    if provinces:
        terms.append(PenempatanPmi.kode_prov.in_(provinces))
    stmt = select(area, func.sum(PenempatanPmi.jumlah)).where(*terms).group_by(area).order_by(area)
    return pd.DataFrame(conn.execute(stmt).all(), columns=["kode", "jumlah"]).astype({"jumlah": "int64"})


def get_placements(year: int, provinces: tuple[str, ...] = (), level: str = "provinsi") -> pd.DataFrame:
    return run_cached(query_placements, year, tuple(provinces), level)


def query_placement_months(conn: Connection) -> pd.DataFrame:
    """Which months each year's placements cover. Columns: tahun, bulan_terakhir (12 when any whole-year row)."""
    t = PenempatanPmi
    stmt = (select(t.tahun, func.max(func.coalesce(t.bulan, 12))).group_by(t.tahun).order_by(t.tahun))
    df = pd.DataFrame(conn.execute(stmt).all(), columns=["tahun", "bulan_terakhir"])
    return df.astype({"tahun": "int64", "bulan_terakhir": "int64"})


def get_placement_months() -> pd.DataFrame:
    return run_cached(query_placement_months)


# ---------------------------------------------------------------- the page's view
@dataclass
class PreventionView:
    """Everything the Pencegahan page, its slide and the executive section show for one filter state.

    Prevention data have no victim attributes: every figure here reads the period and the province filter only
    (domain.indicators PREVENTION_FILTERS), the victims beside them included, so a filtered numerator never sits
    over an unfiltered denominator and the page can truly say the other filters do not apply."""

    filters: Filters | None  # clamped to the case data, victim filters cleared; None when the period has none
    window: Window | None = None  # the 12 months ending at the period's end or activities' last month (prevention_windows)
    previous: Window | None = None  # the 12 months before, as far as the data reach (None: no month of it)
    placement_year: int | None = None  # the latest year with placements up to the period's end
    provinces: pd.DataFrame = field(default_factory=pd.DataFrame)  # domain.prevention.AREA_COLUMNS
    priority: pd.DataFrame | None = None  # domain.prevention.PRIORITY_COLUMNS; None without activity data
    monthly: pd.DataFrame = field(default_factory=pd.DataFrame)  # bulan, kode_prov, dicegah, korban
    prevented: int | None = None  # prevented departures in the period; None without data for it
    activities_source: SourceWindow | None = None  # activity reports' months (the 12-month window)
    departures_source: SourceWindow | None = None  # prevented departures' months (the period)
    requested: Filters | None = None  # the filters asked for (to name those that do not apply)

    @property
    def victims_per_placed(self) -> float | None:
        """Victims per 10.000 placed migrant workers over the provinces shown that have placement data (page,
        executive section, slide): victims of a province without placements have no denominator, so they are
        left out of the numerator too."""
        if self.provinces.empty:
            return None
        placed = self.provinces[self.provinces["pmi"].fillna(0) > 0]
        return per_placed(placed["korban_tahun"].sum(), placed["pmi"].sum()) if len(placed) else None

    @property
    def activities(self) -> int | None:
        """Prevention activities in the 12-month window over all provinces shown; None without activity data."""
        if self.activities_source is None or not self.activities_source.has_data:
            return None
        return int(self.provinces["kegiatan_12"].sum()) if not self.provinces.empty else 0

    @property
    def gap(self) -> pd.DataFrame | None:
        """The kab/kota with victims and no prevention activity in the window (group 1); None without data."""
        if self.priority is None:
            return None
        return self.priority[self.priority["kelompok"] == GROUP_NO_PREVENTION] if len(self.priority) else \
            self.priority

    def notes(self, lang: str = "id") -> list[Statement]:
        """Coverage notes of the prevention sources cut short or missing for the period, in the page's language."""
        return coverage_notes([self.activities_source, self.departures_source], lang)


def _victims(run: Runner, f: Filters, dim: str) -> pd.DataFrame:
    return run(query_victims_by, f, (dim,)).rename(columns={dim: "kode"})


def placement_year(run: Runner, end: dt.date) -> int | None:
    """The latest year of placements that ends by the period's end, a whole year first (a part year only when
    there is no whole one): a ratio over a whole year does not depend on when in the year victims and placements
    are reported, and a period ending in June 2024 does not read the victims of July-December 2024."""
    months = placement_months(run)
    done = {year: last for year, last in months.items() if dt.date(year, last, 1) <= end}
    whole = [year for year, last in done.items() if last == 12]
    chosen = whole or list(done)
    return max(chosen) if chosen else None


def placement_months(run: Runner) -> dict[int, int]:
    """Year → the last month its placements cover (12 for a whole-year row)."""
    years = run(query_placement_months)
    return dict(zip(years["tahun"].astype(int), years["bulan_terakhir"].astype(int)))


def placement_window(run: Runner, year: int) -> Filters:
    """The months of a placement year that its placements cover: the victims beside them read the same months."""
    return Filters(start=dt.date(year, 1, 1), end=dt.date(year, placement_months(run).get(year, 12), 1))


def area_view(run: Runner, f: Filters, window: Window | None, year: int | None, level: str,
              province: str | None = None) -> pd.DataFrame:
    """domain.prevention.area_figures for provinces (level "provinsi") or the kab/kota of one province ("kab")."""
    provinces = (province,) if province else f.provinsi
    scope = prevention_scope(f).with_(provinsi=provinces)
    dim = "kode_prov_asal" if level == "provinsi" else "kode_asal"
    areas = run(query_regions, 1 if level == "provinsi" else 2, province)
    if level == "provinsi" and f.provinsi:
        areas = areas[areas["kode"].isin(f.provinsi)]
    victims_year = (_victims(run, placement_window(run, year).with_(provinsi=scope.provinsi), dim) if year
                    else pd.DataFrame(columns=["kode", "jumlah"]))
    placements = run(query_placements, year, provinces, level) if year else pd.DataFrame(columns=["kode", "jumlah"])
    # window None: the activity reports cover no month of the period, so the reach is unknown (not 0).
    activities = run(query_prevention_activities, window.start, window.end, provinces, level) if window else None
    return area_figures(areas, _victims(run, scope, dim), window_of(f).months, victims_year, placements, activities)


def prevention_scope(filters: Filters) -> Filters:
    """The filters every prevention figure reads: the period and the province (PREVENTION_FILTERS)."""
    return Filters(start=filters.start, end=filters.end, provinsi=filters.provinsi)


def activity_window(filters: Filters, coverage: dict) -> SourceWindow:
    """The 12 months ending at the period's end, or at the activity reports' last month when they stop earlier
    inside the period (domain.coverage.at_end): victims and activities are then compared over the same months."""
    return at_end("kegiatan_pencegahan", window_of(filters), coverage.get("kegiatan_pencegahan"), months=12)


def prevention_windows(activities: SourceWindow, filters: Filters, data: Window) -> tuple[Window, Window | None]:
    """(the window of victims and activities: the 12 months ending at the period's end, or at the activity reports'
    last month, never before the first month both have data; the 12 months before it for the rise in victims,
    as far as the case data reach, None when they reach no month of it)."""
    end = activities.anchor if activities.has_data else filters.end
    first = max(data.start, activities.coverage.start) if activities.has_data else data.start
    window = Window(max(add_months(end, -11), first), end)
    previous = Window(max(add_months(end, -23), data.start), add_months(end, -12))
    return window, previous if previous.start <= previous.end else None


def prevention_view(filters: Filters, run: Runner | None = None) -> PreventionView:
    """The Pencegahan figures for the filters: the period and the province filter only (PreventionView). The
    province filter means each figure's own province (domain.indicators: origin, activity location, where a
    departure was stopped)."""
    run = run or cached_runner()
    clamped, data = resolve(filters, run)
    if clamped is None:
        return PreventionView(None, requested=filters)
    clamped = prevention_scope(clamped)
    coverage = coverage_of(run)
    activities = activity_window(clamped, coverage)
    departures = over_period("pencegahan_keberangkatan", window_of(clamped), coverage.get("pencegahan_keberangkatan"))
    window, previous = prevention_windows(activities, clamped, data)
    if activities.has_data:
        activities = replace(activities, used=window)  # the months victims and activities are both read for
    year = placement_year(run, clamped.end)
    priority = None
    if activities.has_data:
        kab = pd.concat([run(query_regions, 2, p) for p in clamped.provinsi]) if clamped.provinsi \
            else run(query_regions, 2, None)
        before = (_victims(run, clamped.with_(start=previous.start, end=previous.end), "kode_asal") if previous
                  else pd.DataFrame(columns=["kode", "jumlah"]))
        priority = priority_areas(
            kab, _victims(run, clamped.with_(start=window.start, end=window.end), "kode_asal"), before,
            run(query_prevention_activities, window.start, window.end, clamped.provinsi, "kab"),
            run(query_placements, year, clamped.provinsi, "kab") if year else None,
            months=(window.months, previous.months if previous else 0))
    prevented = None
    stopped = pd.DataFrame(columns=["bulan", "kode_provinsi", "jumlah"])
    if departures.has_data:
        used = departures.used
        prevented = run(query_prevented_total, used.start, used.end, clamped.provinsi)
        stopped = run(query_prevented_departures, used.start, used.end, clamped.provinsi)
    monthly = departures_against_victims(stopped, run(query_victims_by, clamped, ("bulan", "kode_prov_asal")))
    # Months the departure reports do not cover have no figure, not 0 (their bars are left out).
    inside = [departures.has_data and departures.used.start <= m <= departures.used.end for m in monthly["bulan"]]
    monthly["dicegah"] = monthly["dicegah"].astype(float).where(inside)
    return PreventionView(clamped, window, previous, year,
                          area_view(run, clamped, window if activities.has_data else None, year, "provinsi"),
                          priority, monthly, prevented, activities, departures, filters)


def prevention_json(view: PreventionView) -> dict | None:
    """The prevention figures as `manage.py summary --json` prints them (the page's and the slide's figures), each
    with the months it read and its coverage."""
    from data_access.indicators import coverage_json
    from domain.indicators import CATALOGUE

    if view.filters is None:
        return None
    gap = view.gap

    def window(w: Window | None) -> list[str] | None:
        return [f"{w.start:%Y-%m}", f"{w.end:%Y-%m}"] if w else None

    ignored = CATALOGUE["kegiatan_pencegahan"].ignored_filters(view.requested) if view.requested else ()
    return {
        "keberangkatan_dicegah": view.prevented, "kegiatan_pencegahan": view.activities,
        "wilayah_prioritas_pencegahan": len(gap) if gap is not None else None,
        "wilayah_tanpa_pencegahan": list(gap["kode"]) if gap is not None else None,
        "korban_per_10rb_pmi": view.victims_per_placed, "tahun_penempatan": view.placement_year,
        "jendela_12_bulan": window(view.window) if view.activities_source and view.activities_source.has_data
        else None,
        "cakupan_kegiatan": coverage_json(view.activities_source),
        "cakupan_keberangkatan": coverage_json(view.departures_source),
        "filter_tidak_berlaku": list(ignored),
    }


def query_prevention_view(conn: Connection, filters: Filters) -> PreventionView:
    return prevention_view(filters, connection_runner(conn))


def get_prevention_view(filters: Filters) -> PreventionView:
    """prevention_view for the page, cached per period, province and data version: the filters it reads. A modus
    chosen on another page then does not recompute it on the executive page (issue 24); only the filters named as
    not applying (requested) follow the page's own state."""
    return replace(run_cached(query_prevention_view, prevention_scope(filters)), requested=filters)


def get_area_view(filters: Filters, province: str) -> pd.DataFrame:
    """The kab/kota of one province (the map's drill-down), for clamped filters."""
    return run_cached(query_area_view, prevention_scope(filters), province)


def query_area_view(conn: Connection, filters: Filters, province: str) -> pd.DataFrame:
    run = connection_runner(conn)
    activities = activity_window(filters, coverage_of(run))
    window, _ = prevention_windows(activities, filters, data_window(run))
    return area_view(run, filters, window if activities.has_data else None, placement_year(run, filters.end), "kab",
                     province)
