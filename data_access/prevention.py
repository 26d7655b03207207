"""Queries on prevention data: activities, prevented departures and migrant-worker placements (issue 15).

Every query takes whole months (first days) and province codes as bound parameters; an empty province tuple means
all provinces. The province of an activity or a placement is the area's province (kab/kota codes start with it);
the province of a prevented departure is where it was stopped (airport, port, border post), not the origin.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import Connection, func, select

from data_access.caching import run_cached
from data_access.cases import query_victims_by
from data_access.indicators import Runner, cached_runner, connection_runner, resolve
from data_access.reference import query_regions
from data_access.schema import KegiatanPencegahan, PenempatanPmi, PencegahanKeberangkatan
from domain.filters import Filters, for_year
from domain.periods import Window, add_months, window_of
from domain.prevention import area_figures, departures_against_victims, per_placed, priority_areas

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
    df["bulan"] = [v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v)[:10]) for v in df["bulan"]]
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
    """Everything the Pencegahan page, its slide and the executive section show for one filter state."""

    filters: Filters | None  # clamped to the case data; None when the period has none
    window: Window | None = None  # the 12 months ending at the period's end (activities, priority list)
    previous: Window | None = None  # the 12 months before (the rise in victims)
    placement_year: int | None = None  # the latest year with placements up to the period's end
    provinces: pd.DataFrame = field(default_factory=pd.DataFrame)  # domain.prevention.AREA_COLUMNS
    priority: pd.DataFrame = field(default_factory=pd.DataFrame)  # domain.prevention.PRIORITY_COLUMNS
    monthly: pd.DataFrame = field(default_factory=pd.DataFrame)  # bulan, kode_prov, dicegah, korban
    prevented: int = 0  # prevented departures in the period

    @property
    def victims_per_placed(self) -> float | None:
        """Victims per 10.000 placed migrant workers over all provinces shown (page, executive section, slide)."""
        if self.provinces.empty:
            return None
        return per_placed(self.provinces["korban_tahun"].sum(), self.provinces["pmi"].sum())

    @property
    def activities(self) -> int:
        """Prevention activities in the 12-month window over all provinces shown."""
        return int(self.provinces["kegiatan_12"].sum()) if not self.provinces.empty else 0


def _victims(run: Runner, f: Filters, dim: str) -> pd.DataFrame:
    return run(query_victims_by, f, (dim,)).rename(columns={dim: "kode"})


def placement_year(run: Runner, end: dt.date) -> int | None:
    """The latest whole year of placements up to the period's end (a part year only when there is no whole one):
    a ratio over a whole year does not depend on when in the year victims and placements are reported."""
    years = run(query_placement_months)
    years = years[years["tahun"] <= end.year]
    whole = years[years["bulan_terakhir"] == 12]
    chosen = whole if len(whole) else years
    return int(chosen["tahun"].max()) if len(chosen) else None


def area_view(run: Runner, f: Filters, window: Window, year: int | None, level: str,
              province: str | None = None) -> pd.DataFrame:
    """domain.prevention.area_figures for provinces (level "provinsi") or the kab/kota of one province ("kab")."""
    provinces = (province,) if province else f.provinsi
    scope = f.with_(provinsi=provinces)
    dim = "kode_prov_asal" if level == "provinsi" else "kode_asal"
    areas = run(query_regions, 1 if level == "provinsi" else 2, province)
    if level == "provinsi" and f.provinsi:
        areas = areas[areas["kode"].isin(f.provinsi)]
    victims_year = _victims(run, for_year(year, scope), dim) if year else pd.DataFrame(columns=["kode", "jumlah"])
    placements = run(query_placements, year, provinces, level) if year else pd.DataFrame(columns=["kode", "jumlah"])
    activities = run(query_prevention_activities, window.start, window.end, provinces, level)
    return area_figures(areas, _victims(run, scope, dim), window_of(f).months, victims_year, placements, activities)


def prevention_view(filters: Filters, run: Runner | None = None) -> PreventionView:
    """The Pencegahan figures for the filters. Victim attributes (modus, sex, age, agency) filter the victims
    only; prevention data have no such attributes. The province filter means each figure's own province
    (domain.indicators: origin, activity location, where a departure was stopped)."""
    run = run or cached_runner()
    clamped, _ = resolve(filters, run)
    if clamped is None:
        return PreventionView(None)
    end = clamped.end
    window = Window(add_months(end, -11), end)
    previous = Window(add_months(end, -23), add_months(end, -12))
    year = placement_year(run, end)
    kab = pd.concat([run(query_regions, 2, p) for p in clamped.provinsi]) if clamped.provinsi \
        else run(query_regions, 2, None)
    recent = clamped.with_(start=window.start, end=window.end)
    priority = priority_areas(
        kab, _victims(run, recent, "kode_asal"),
        _victims(run, clamped.with_(start=previous.start, end=previous.end), "kode_asal"),
        run(query_prevention_activities, window.start, window.end, clamped.provinsi, "kab"),
        run(query_placements, year, clamped.provinsi, "kab") if year else None)
    monthly = departures_against_victims(
        run(query_prevented_departures, clamped.start, end, clamped.provinsi),
        run(query_victims_by, clamped, ("bulan", "kode_prov_asal")))
    return PreventionView(clamped, window, previous, year, area_view(run, clamped, window, year, "provinsi"),
                          priority, monthly, run(query_prevented_total, clamped.start, end, clamped.provinsi))


def query_prevention_view(conn: Connection, filters: Filters) -> PreventionView:
    return prevention_view(filters, connection_runner(conn))


def get_prevention_view(filters: Filters) -> PreventionView:
    """prevention_view for the page, cached per filter state and data version."""
    return run_cached(query_prevention_view, filters)


def get_area_view(filters: Filters, province: str) -> pd.DataFrame:
    """The kab/kota of one province (the map's drill-down), for clamped filters."""
    return run_cached(query_area_view, filters, province)


def query_area_view(conn: Connection, filters: Filters, province: str) -> pd.DataFrame:
    run = connection_runner(conn)
    window = Window(add_months(filters.end, -11), filters.end)
    return area_view(run, filters, window, placement_year(run, filters.end), "kab", province)
