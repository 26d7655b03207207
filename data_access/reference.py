"""Queries on regions, population, service units, countries, code lists and data provenance."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection, and_, func, select

from data_access.caching import run_cached
from data_access.schema import (
    Indikator, Instansi, Modus, Negara, PeranSdm, Populasi, SumberData, Tahap, UnitLayanan, Wilayah,
)


def query_regions(conn: Connection, tingkat: int, kode_prov: str | None) -> pd.DataFrame:
    latest = (
        select(Populasi.kode_wilayah, func.max(Populasi.tahun).label("tahun"))
        .group_by(Populasi.kode_wilayah)
        .subquery()
    )
    pop = select(Populasi).join(
        latest, and_(Populasi.kode_wilayah == latest.c.kode_wilayah, Populasi.tahun == latest.c.tahun)
    ).subquery()
    stmt = (
        select(Wilayah.kode, Wilayah.nama, Wilayah.kode_prov, Wilayah.jenis, Wilayah.lat, Wilayah.lon,
               pop.c.jumlah, pop.c.tahun, pop.c.sumber, pop.c.metode)
        .outerjoin(pop, pop.c.kode_wilayah == Wilayah.kode)
        .where(Wilayah.tingkat == tingkat)
        .order_by(Wilayah.kode)
    )
    if kode_prov:
        stmt = stmt.where(Wilayah.kode_prov == kode_prov)
    df = pd.DataFrame(conn.execute(stmt).all(),
                      columns=["kode", "nama", "kode_prov", "jenis", "lat", "lon", "populasi", "populasi_tahun",
                               "populasi_sumber", "populasi_metode"])
    df["populasi"] = pd.to_numeric(df["populasi"], errors="coerce").astype("float64")
    return df


def get_regions(tingkat: int = 1, kode_prov: str | None = None) -> pd.DataFrame:
    """Provinces (tingkat 1) or kab/kota (2). Columns: kode, nama, kode_prov, jenis, lat, lon,
    populasi (persons, NaN when unknown), populasi_tahun, populasi_sumber, populasi_metode (resmi|turunan)."""
    return run_cached(query_regions, tingkat, kode_prov)


def query_units(conn: Connection) -> pd.DataFrame:
    cols = [c.name for c in UnitLayanan.__table__.columns]
    return pd.DataFrame(conn.execute(select(*UnitLayanan.__table__.columns).where(UnitLayanan.aktif.is_(True))
                                     .order_by(UnitLayanan.kode_unit)).all(), columns=cols)


def get_units() -> pd.DataFrame:
    """Active sentra and RPTC: kode_unit, nama, tipe, kode_wilayah, kode_prov, lat, lon, kapasitas (beds), ..."""
    return run_cached(query_units)


def query_countries(conn: Connection) -> pd.DataFrame:
    stmt = select(Negara.iso3, Negara.nama, Negara.nama_en, Negara.lat, Negara.lon).order_by(Negara.iso3)
    return pd.DataFrame(conn.execute(stmt).all(), columns=["iso3", "nama", "nama_en", "lat", "lon"])


def get_countries() -> pd.DataFrame:
    """Destination countries: iso3, nama, nama_en, lat, lon."""
    return run_cached(query_countries)


def query_code_names(conn: Connection, lang: str) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for key, model in (("modus", Modus), ("tahap", Tahap), ("peran", PeranSdm)):
        name = model.nama_en if lang == "en" else model.nama
        order = model.urutan
        out[key] = dict(conn.execute(select(model.kode, name).order_by(order)).all())
    out["instansi"] = dict(conn.execute(select(Instansi.kode, Instansi.nama).order_by(Instansi.kode)).all())
    out["provinsi"] = dict(conn.execute(select(Wilayah.kode, Wilayah.nama).where(Wilayah.tingkat == 1)
                                        .order_by(Wilayah.kode)).all())
    out["negara"] = dict(conn.execute(select(Negara.iso3, Negara.nama_en if lang == "en" else Negara.nama)).all())
    out["unit"] = dict(conn.execute(select(UnitLayanan.kode_unit, UnitLayanan.nama)).all())
    return out


def get_code_names(lang: str = "id") -> dict[str, dict[str, str]]:
    """Display names per code list: modus, tahap, peran, instansi, provinsi, negara, unit (ordered)."""
    return run_cached(query_code_names, lang)


def query_region_names(conn: Connection) -> dict[str, str]:
    return dict(conn.execute(select(Wilayah.kode, Wilayah.nama)).all())


def get_region_names() -> dict[str, str]:
    """kode → nama for every province and kab/kota."""
    return run_cached(query_region_names)


def query_data_status(conn: Connection) -> pd.DataFrame:
    stmt = select(SumberData.kode, SumberData.nama, SumberData.instansi, SumberData.asal, SumberData.periode,
                  SumberData.diperbarui).order_by(SumberData.kode)
    return pd.DataFrame(conn.execute(stmt).all(),
                        columns=["kode", "nama", "instansi", "asal", "periode", "diperbarui"])


def get_data_status() -> pd.DataFrame:
    """One row per data kind: kode, nama, instansi, asal (demo|impor), periode, diperbarui (timestamp)."""
    return run_cached(query_data_status)


def query_indicators(conn: Connection) -> pd.DataFrame:
    stmt = (select(Indikator.kode, Indikator.nama, Indikator.definisi, Indikator.satuan, SumberData.nama,
                   SumberData.instansi, SumberData.asal)
            .join(SumberData, SumberData.kode == Indikator.kode_sumber).order_by(Indikator.kode))
    return pd.DataFrame(conn.execute(stmt).all(),
                        columns=["kode", "nama", "definisi", "satuan", "sumber", "instansi", "asal"])


def get_indicators() -> pd.DataFrame:
    """Glossary: kode, nama, definisi, satuan, sumber, instansi, asal."""
    return run_cached(query_indicators)
