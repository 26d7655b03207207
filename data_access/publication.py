"""The published extract store (publikasi, publikasi_sel): write one protected version, read the latest.

The public page and its downloads read only from here; nothing in this module touches the case table, so an
anonymous visitor's page can never run a query on unprotected counts. Extracts are made by
data_access.publication_source (manage.py publish, and the demo loader).
"""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import pandas as pd
from sqlalchemy import Connection, func, insert, select

from data_access.boundaries import get_boundaries
from data_access.caching import run_cached
from data_access.schema import Negara, Publikasi, PublikasiSel, Wilayah
from data_access.writes import bump_data_version
from domain.publication import CELL_COLUMNS, ExtractInfo, PublishedExtract, verify_cells


def _aware(value: dt.datetime | str) -> dt.datetime:
    # SQLite hands back naive datetimes (sometimes text); they were written in UTC.
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value.replace(tzinfo=dt.timezone.utc) if value.tzinfo is None else value


def write_extract(
    conn: Connection,
    cells: pd.DataFrame,
    *,
    ambang: int,
    basis_pembulatan: int,
    asal_data: str,
    periode: str,
    now: dt.datetime,
    catatan: str = "",
) -> ExtractInfo:
    """Store cells (domain.publication.CELL_COLUMNS) as the next version. Run inside the caller's transaction
    (engine.begin()) so the version and all its cells appear together or not at all. The cells are checked
    again (verify_cells) under the rules stored with them; an unsafe cell raises DisclosureError and
    nothing is written."""
    info = ExtractInfo(0, now, ambang, basis_pembulatan, asal_data, periode, catatan)
    verify_cells(cells, info.rules)
    versi = int(conn.execute(select(func.coalesce(func.max(Publikasi.versi), 0))).scalar_one()) + 1
    publikasi_id = conn.execute(
        insert(Publikasi).returning(Publikasi.id),
        {"versi": versi, "dibuat": now, "ambang": ambang, "basis_pembulatan": basis_pembulatan,
         "asal_data": asal_data, "periode": periode, "catatan": catatan},
    ).scalar_one()
    rows = [
        {"publikasi_id": publikasi_id, "tabel": r.tabel, "baris": r.baris, "kolom": r.kolom,
         "nilai": None if r.nilai is None or pd.isna(r.nilai) else int(r.nilai), "teks": r.teks}
        for r in cells.itertuples(index=False)
    ]
    conn.execute(insert(PublikasiSel), rows)
    bump_data_version(conn)  # every replica's cached public page turns over to the new version
    return ExtractInfo(versi, now, ambang, basis_pembulatan, asal_data, periode, catatan)


def query_extract(conn: Connection, versi: int | None = None) -> PublishedExtract | None:
    """One stored extract: the given version, or the newest; None when there is none."""
    stmt = select(Publikasi.id, Publikasi.versi, Publikasi.dibuat, Publikasi.ambang, Publikasi.basis_pembulatan,
                  Publikasi.asal_data, Publikasi.periode, Publikasi.catatan)
    stmt = stmt.where(Publikasi.versi == versi) if versi is not None else stmt.order_by(Publikasi.versi.desc())
    head = conn.execute(stmt.limit(1)).first()
    if head is None:
        return None
    rows = conn.execute(
        select(PublikasiSel.tabel, PublikasiSel.baris, PublikasiSel.kolom, PublikasiSel.nilai, PublikasiSel.teks)
        .where(PublikasiSel.publikasi_id == head.id)
        .order_by(PublikasiSel.tabel, PublikasiSel.baris, PublikasiSel.kolom)
    ).all()
    cells = pd.DataFrame([tuple(r) for r in rows], columns=list(CELL_COLUMNS))
    cells["nilai"] = pd.Series([None if r.nilai is None else int(r.nilai) for r in rows], dtype=object)
    info = ExtractInfo(int(head.versi), _aware(head.dibuat), int(head.ambang), int(head.basis_pembulatan),
                       str(head.asal_data), str(head.periode), str(head.catatan or ""))
    return PublishedExtract(info, cells)


def query_latest_extract(conn: Connection) -> PublishedExtract | None:
    return query_extract(conn)


def get_latest_extract() -> PublishedExtract | None:
    """The newest published extract (metadata and cells), or None before the first `manage.py publish`."""
    return run_cached(query_latest_extract)


def query_province_names(conn: Connection) -> dict[str, str]:
    stmt = select(Wilayah.kode, Wilayah.nama).where(Wilayah.tingkat == 1).order_by(Wilayah.kode)
    return {str(k): str(n) for k, n in conn.execute(stmt).all()}


def get_province_names() -> dict[str, str]:
    """Province kode -> name (Kemendagri reference list, public; no counts)."""
    return run_cached(query_province_names)


class PlaceNames(dict):
    """Place code -> Indonesian name, with the countries' English names beside (`english`, ISO3 -> name): the
    English public page names destinations in English (province names are the same in both languages)."""

    def __init__(self, names: dict[str, str], english: dict[str, str]):
        super().__init__(names)
        self.english = english


def query_place_names(conn: Connection) -> PlaceNames:
    """query_province_names plus destination countries (ISO3 -> Indonesian name, reference list, no counts): the
    names of every place code a published table holds (province codes are digits, country codes letters)."""
    rows = conn.execute(select(Negara.iso3, Negara.nama, Negara.nama_en)).all()
    countries = {str(k): str(n) for k, n, _ in rows}
    return PlaceNames({**query_province_names(conn), **countries}, {str(k): str(e) for k, _, e in rows if e})


def get_place_names() -> PlaceNames:
    """Province and country code -> name (query_place_names), cached."""
    return run_cached(query_place_names)


def query_province_population(conn: Connection) -> pd.DataFrame:
    """Province population (public reference figures, no counts): kode, populasi (persons, NaN when unknown),
    populasi_tahun, populasi_sumber, for the rates beside the published province series (issue 26)."""
    from data_access.reference import query_regions

    return query_regions(conn, 1, None)[["kode", "populasi", "populasi_tahun", "populasi_sumber"]]


def get_province_population() -> pd.DataFrame:
    """query_province_population, cached per data version."""
    return run_cached(query_province_population)


def get_province_boundaries() -> gpd.GeoDataFrame | None:
    """Province polygons for the public map (the shared per-process loader), or None when the files are missing."""
    return get_boundaries("provinsi", overview=True)
