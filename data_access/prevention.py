"""Queries on prevention data: activities, prevented departures and migrant-worker placements (issue 15).

Every query takes whole months (first days) and province codes as bound parameters; an empty province tuple means
all provinces. The province of an activity or a placement is the area's province (kab/kota codes start with it);
the province of a prevented departure is where it was stopped (airport, port, border post), not the origin.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Connection, func, select

from data_access.caching import run_cached
from data_access.schema import KegiatanPencegahan, PenempatanPmi, PencegahanKeberangkatan

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
