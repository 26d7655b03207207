"""Province and kabupaten/kota boundaries read from a folder given at run time (never from the repo)."""

from __future__ import annotations

import functools
import logging
import os
import re
from pathlib import Path
from typing import Literal

import geopandas as gpd
import pandas as pd
import shapely

log = logging.getLogger(__name__)

Level = Literal["provinsi", "kabupaten_kota"]
GEO_DIR_ENV = "TPPO_GEO_DIR"
FILES: dict[str, str] = {"provinsi": "provinces.geojson", "kabupaten_kota": "regencies.geojson"}
COLUMNS = ["kode", "nama", "kode_prov", "lat", "lon", "geometry"]
# National overview maps: 0.02° ≈ 2.2 km, under one pixel at the zoom that shows all of Indonesia
# (≈ 4.9 km per pixel at zoom 5); it cuts the province map's payload by about a quarter.
OVERVIEW_TOLERANCE = 0.02


def geo_dir_from_env() -> Path | None:
    """The boundary folder named by TPPO_GEO_DIR, or None when the variable is unset or empty."""
    value = os.environ.get(GEO_DIR_ENV, "").strip()
    return Path(value) if value else None


def load_boundaries(
    level: Level,
    geo_dir: Path | None,
    simplify_tolerance: float | None = None,
) -> gpd.GeoDataFrame | None:
    """Boundaries with columns kode, nama, kode_prov, lat, lon, geometry (EPSG:4326), sorted by kode.

    kode is a string: "11" for provinces, the dotted "35.08" for kabupaten/kota; kode_prov is the
    two-digit province code. lat/lon is a representative point (always inside the polygon, unlike a
    centroid), taken from the unsimplified geometry. simplify_tolerance is in degrees
    (0.002 ≈ 220 m). Returns None, and logs why, when the folder or file is missing or unreadable:
    the caller shows a notice and falls back to capital points.
    """
    if level not in FILES:
        raise ValueError(f"level harus salah satu dari {', '.join(FILES)}, bukan {level!r}")
    if geo_dir is None:
        log.warning("Folder batas wilayah tidak diberikan (%s kosong)", GEO_DIR_ENV)
        return None
    path = Path(geo_dir) / FILES[level]
    if not path.is_file():
        log.warning("Berkas batas wilayah tidak ditemukan: %s", path)
        return None
    try:
        raw = gpd.read_file(path)
        return _normalise(raw, level, simplify_tolerance)
    except Exception as exc:  # noqa: BLE001 - any unreadable file means "no boundaries", never a crash
        log.warning("Berkas batas wilayah tidak dapat dibaca: %s (%s)", path, exc)
        return None


def _normalise(raw: gpd.GeoDataFrame, level: Level, simplify_tolerance: float | None) -> gpd.GeoDataFrame:
    missing = {"kode", "nama"} - set(raw.columns)
    if missing:
        raise ValueError(f"kolom hilang: {', '.join(sorted(missing))}")
    gdf = raw.set_crs("EPSG:4326") if raw.crs is None else raw.to_crs("EPSG:4326")
    gdf = gdf[gdf.geometry.notna() & ~gdf.geometry.is_empty].copy()

    normalise_kode = normalise_kode_prov if level == "provinsi" else normalise_kode_kab
    gdf["kode"] = gdf["kode"].map(normalise_kode)
    gdf["nama"] = gdf["nama"].astype(str).str.strip()
    if level == "provinsi":
        gdf["kode_prov"] = gdf["kode"]
    elif "kode_prov" in gdf.columns:
        gdf["kode_prov"] = gdf["kode_prov"].map(normalise_kode_prov)
    else:
        gdf["kode_prov"] = gdf["kode"].str[:2]
    if gdf["kode"].duplicated().any():
        raise ValueError("kode ganda dalam berkas batas wilayah")

    points = gdf.geometry.representative_point()
    gdf["lat"] = points.y.round(4)
    gdf["lon"] = points.x.round(4)
    if simplify_tolerance:
        # Per-feature simplification can open slivers between neighbours; the shared files are
        # already topology-simplified at 0.002°, so only use this for coarser overview maps.
        simplified = gdf.geometry.simplify(simplify_tolerance, preserve_topology=True)
        gdf = gdf.set_geometry(shapely.make_valid(simplified.values))
    return gdf[COLUMNS].sort_values("kode").reset_index(drop=True)


def normalise_kode_prov(value: object) -> str:
    """Two-digit province code as a string: 11, "11", " 11 " and 11.0 all become "11"."""
    text = _code_text(value)
    if not re.fullmatch(r"\d{1,2}", text):
        raise ValueError(f"kode provinsi tidak valid: {value!r}")
    return text.zfill(2)


def normalise_kode_kab(value: object) -> str:
    """Kabupaten/kota code in the dotted Kemendagri form: "35.08", "3508" and 3508 all become "35.08"."""
    text = _code_text(value)
    if re.fullmatch(r"\d{4}", text):
        text = f"{text[:2]}.{text[2:]}"
    if not re.fullmatch(r"\d{2}\.\d{2}", text):
        raise ValueError(f"kode kabupaten/kota tidak valid: {value!r}")
    return text


def _code_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if pd.isna(value):
        raise ValueError("kode kosong")
    return str(value).strip()


def simplify_coverage(gdf: gpd.GeoDataFrame, tolerance: float) -> gpd.GeoDataFrame:
    """The boundaries simplified as one coverage: a border shared by two areas is simplified once,
    so neighbours still meet (no slivers or overlaps, unlike per-feature simplify). Rings never
    collapse, so small islands stay on the map. lat/lon (label points) are kept as they were."""
    if not tolerance or tolerance <= 0:
        return gdf
    simplified = shapely.make_valid(shapely.coverage_simplify(gdf.geometry.values, tolerance))
    return gdf.set_geometry(gpd.GeoSeries(simplified, index=gdf.index, crs=gdf.crs))


def get_boundaries(level: Level, overview: bool = False) -> gpd.GeoDataFrame | None:
    """Boundaries from the folder in settings (TPPO_GEO_DIR), read and simplified once per process.

    Same columns as load_boundaries; None (and a logged reason) when the folder or file is missing
    or unreadable. overview=True simplifies the coverage at OVERVIEW_TOLERANCE for national maps.
    The settings are read on every call, so a changed TPPO_GEO_DIR or a replaced file (its size
    and modification time are part of the cache key) is picked up. The frame is shared between
    sessions: never modify it in place.
    """
    from settings import load_settings

    geo_dir = load_settings().geo_dir
    stamp = None
    if geo_dir is not None and level in FILES:
        try:
            stat = (Path(geo_dir) / FILES[level]).stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            stamp = None
    return _cached_boundaries(level, str(geo_dir) if geo_dir else None, overview, stamp)


# One shared frame per key for the whole process, as st.cache_resource would keep it, without Streamlit below the UI.
@functools.lru_cache(maxsize=8)
def _cached_boundaries(
    level: Level, geo_dir: str | None, overview: bool, stamp: tuple[int, int] | None
) -> gpd.GeoDataFrame | None:
    # stamp (file mtime and size) is only part of the cache key: a replaced file is read again.
    gdf = load_boundaries(level, Path(geo_dir) if geo_dir else None)
    if gdf is not None and overview:
        gdf = simplify_coverage(gdf, OVERVIEW_TOLERANCE)
    return gdf
