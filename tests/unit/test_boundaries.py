"""Boundary loading: missing or broken input gives None, codes are normalised, real files load whole."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import shapely

from data_access.boundaries import (
    COLUMNS,
    GEO_DIR_ENV,
    OVERVIEW_TOLERANCE,
    geo_dir_from_env,
    get_boundaries,
    load_boundaries,
    normalise_kode_kab,
    normalise_kode_prov,
    simplify_coverage,
)

# ../shared/geo beside the project checkout, unless TPPO_GEO_DIR points elsewhere.
GEO_DIR = Path(os.environ.get(GEO_DIR_ENV) or Path(__file__).resolve().parents[3] / "shared" / "geo")
needs_geo = pytest.mark.skipif(
    not (GEO_DIR / "provinces.geojson").is_file(),
    reason=f"boundary files not found in {GEO_DIR} (set {GEO_DIR_ENV} to the shared geo folder)",
)


def _square(x: float, y: float, size: float = 1.0) -> dict:
    return {
        "type": "Polygon",
        "coordinates": [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]],
    }


def _write(path: Path, features: list[dict]) -> None:
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")


@pytest.mark.parametrize("level", ["provinsi", "kabupaten_kota"])
def test_missing_folder_gives_none(level, tmp_path):
    assert load_boundaries(level, tmp_path / "tidak-ada") is None


@pytest.mark.parametrize("level", ["provinsi", "kabupaten_kota"])
def test_no_folder_given_gives_none(level):
    assert load_boundaries(level, None) is None


def test_missing_file_in_existing_folder_gives_none(tmp_path):
    _write(tmp_path / "provinces.geojson", [])
    assert load_boundaries("kabupaten_kota", tmp_path) is None


@pytest.mark.parametrize(
    "content",
    [
        "bukan geojson {",
        json.dumps({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"name": "tanpa kode"}, "geometry": _square(100, -5)}
        ]}),
        json.dumps({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"kode": "1x", "nama": "kode rusak"}, "geometry": _square(100, -5)}
        ]}),
    ],
    ids=["not-json", "no-kode-column", "invalid-kode"],
)
def test_unreadable_file_gives_none(tmp_path, content):
    (tmp_path / "provinces.geojson").write_text(content, encoding="utf-8")
    assert load_boundaries("provinsi", tmp_path) is None


def test_level_must_be_known(tmp_path):
    with pytest.raises(ValueError):
        load_boundaries("kecamatan", tmp_path)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(11, "11"), ("11", "11"), (" 32 ", "32"), (35.0, "35"), ("96", "96")],
)
def test_normalise_kode_prov(raw, expected):
    assert normalise_kode_prov(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("35.08", "35.08"), ("3508", "35.08"), (3508, "35.08"), (" 32.73 ", "32.73"), ("96.71", "96.71")],
)
def test_normalise_kode_kab(raw, expected):
    assert normalise_kode_kab(raw) == expected


@pytest.mark.parametrize(
    ("func", "raw"),
    [
        (normalise_kode_prov, "1x"),
        (normalise_kode_prov, "123"),
        (normalise_kode_prov, None),
        (normalise_kode_kab, "35.8"),
        (normalise_kode_kab, "35-08"),
        (normalise_kode_kab, "350"),
    ],
)
def test_normalise_rejects_malformed_codes(func, raw):
    with pytest.raises(ValueError):
        func(raw)


def test_codes_are_normalised_on_load(tmp_path):
    _write(
        tmp_path / "regencies.geojson",
        [
            # Undotted and numeric codes, no kode_prov column, names with stray spaces.
            {"type": "Feature", "properties": {"kode": 3508, "nama": " Kabupaten Lumajang "},
             "geometry": _square(113, -8.3)},
            {"type": "Feature", "properties": {"kode": "32.73", "nama": "Kota Bandung"},
             "geometry": _square(107, -7)},
        ],
    )
    gdf = load_boundaries("kabupaten_kota", tmp_path)
    assert gdf is not None
    assert list(gdf.columns) == COLUMNS
    assert gdf["kode"].tolist() == ["32.73", "35.08"]  # sorted, dotted
    assert gdf["kode_prov"].tolist() == ["32", "35"]
    assert gdf["nama"].tolist() == ["Kota Bandung", "Kabupaten Lumajang"]
    assert gdf.crs.to_epsg() == 4326
    # A representative point of a 1° square lies inside it.
    assert gdf.loc[0, "lon"] == pytest.approx(107.5, abs=0.5) and gdf.loc[0, "lat"] == pytest.approx(-6.5, abs=0.5)


def test_province_codes_are_zero_padded_strings_and_kode_prov_is_kode(tmp_path):
    _write(
        tmp_path / "provinces.geojson",
        [{"type": "Feature", "properties": {"kode": 35, "nama": "Jawa Timur"}, "geometry": _square(112, -8)}],
    )
    gdf = load_boundaries("provinsi", tmp_path)
    assert gdf["kode"].tolist() == ["35"] and gdf["kode_prov"].tolist() == ["35"]


def test_geo_dir_from_env(monkeypatch, tmp_path):
    monkeypatch.setenv(GEO_DIR_ENV, str(tmp_path))
    assert geo_dir_from_env() == tmp_path
    monkeypatch.setenv(GEO_DIR_ENV, "  ")
    assert geo_dir_from_env() is None
    monkeypatch.delenv(GEO_DIR_ENV)
    assert geo_dir_from_env() is None


@needs_geo
@pytest.mark.parametrize(
    ("level", "count", "pattern"),
    [("provinsi", 38, r"^\d\d$"), ("kabupaten_kota", 514, r"^\d\d\.\d\d$")],
)
def test_real_files_load_whole(level, count, pattern):
    gdf = load_boundaries(level, GEO_DIR)
    assert gdf is not None
    assert len(gdf) == count
    assert gdf["kode"].str.match(pattern).all()
    assert gdf["kode"].is_unique and gdf["kode"].is_monotonic_increasing
    assert (gdf["kode_prov"] == gdf["kode"].str[:2]).all()
    assert gdf["kode_prov"].nunique() == 38
    points = shapely.points(gdf["lon"], gdf["lat"])
    # Representative points are inside their own polygon (rounded to 4 decimals, so allow ~50 m).
    assert shapely.dwithin(points, gdf.geometry.values, 5e-4).all()


@needs_geo
def test_real_kode_and_names():
    prov = load_boundaries("provinsi", GEO_DIR)
    assert prov.set_index("kode").loc["35", "nama"] == "Jawa Timur"
    kab = load_boundaries("kabupaten_kota", GEO_DIR)
    assert kab.set_index("kode").loc["32.73", "kode_prov"] == "32"


@needs_geo
def test_simplify_tolerance_reduces_vertices_and_keeps_valid_geometry():
    full = load_boundaries("provinsi", GEO_DIR)
    simple = load_boundaries("provinsi", GEO_DIR, simplify_tolerance=0.02)
    assert shapely.get_num_coordinates(simple.geometry.values).sum() < 0.7 * shapely.get_num_coordinates(
        full.geometry.values
    ).sum()
    assert simple.geometry.is_valid.all() and not simple.geometry.is_empty.any()
    # Label points come from the unsimplified shapes, so they do not move.
    assert (simple["lat"] == full["lat"]).all()


def _overlap_area(gdf) -> float:
    geoms = gdf.geometry.values
    left, right = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    pairs = [(i, j) for i, j in zip(left, right) if i < j]
    return float(sum(shapely.area(shapely.intersection(geoms[i], geoms[j])) for i, j in pairs))


def _gap_area(gdf) -> float:
    """Area of the holes in the union of all features (slivers between neighbours, and real lakes)."""
    parts = shapely.get_parts(shapely.union_all(gdf.geometry.values))
    return float(sum(shapely.area(shapely.polygons(shapely.get_interior_ring(p, i)))
                     for p in parts for i in range(shapely.get_num_interior_rings(p))))


@needs_geo
@pytest.mark.slow
def test_coverage_simplification_keeps_neighbours_touching_and_islands():
    full = load_boundaries("provinsi", GEO_DIR)
    simple = simplify_coverage(full, OVERVIEW_TOLERANCE)
    n_full = shapely.get_num_coordinates(full.geometry.values).sum()
    assert shapely.get_num_coordinates(simple.geometry.values).sum() < 0.8 * n_full
    assert simple.geometry.is_valid.all() and not simple.geometry.is_empty.any()
    # Shared borders are simplified once, so neighbours still meet. The source already has small
    # overlaps and gaps (0.022 deg² each, measured); coverage simplification keeps them near that,
    # while per-feature simplification at the same tolerance about triples both.
    per_feature = load_boundaries("provinsi", GEO_DIR, simplify_tolerance=OVERVIEW_TOLERANCE)
    by_kode = simple.set_index("kode").geometry
    assert by_kode["35"].distance(by_kode["33"]) == 0
    assert _overlap_area(simple) < 1.2 * _overlap_area(full) < _overlap_area(per_feature)
    assert _gap_area(simple) < 1.2 * _gap_area(full) < _gap_area(per_feature)
    # Small islands stay: no feature loses a polygon part.
    assert (shapely.get_num_geometries(simple.geometry.values) == shapely.get_num_geometries(full.geometry.values)).all()
    assert (simple["lat"] == full["lat"]).all() and simplify_coverage(full, 0) is full


def test_get_boundaries_reads_settings_at_call_time_and_caches(monkeypatch, tmp_path):
    import streamlit as st

    st.cache_resource.clear()
    _write(tmp_path / "provinces.geojson", [
        {"type": "Feature", "properties": {"kode": "35", "nama": "Jawa Timur"}, "geometry": _square(112, -8)},
    ])
    monkeypatch.setenv(GEO_DIR_ENV, str(tmp_path))
    first = get_boundaries("provinsi")
    assert first["kode"].tolist() == ["35"]
    assert get_boundaries("provinsi") is first  # loaded once, shared
    assert get_boundaries("kabupaten_kota") is None  # no regencies file: the page falls back
    # A replaced file (new size and mtime) is read again.
    _write(tmp_path / "provinces.geojson", [
        {"type": "Feature", "properties": {"kode": "35", "nama": "Jawa Timur"}, "geometry": _square(112, -8)},
        {"type": "Feature", "properties": {"kode": "52", "nama": "Nusa Tenggara Barat"}, "geometry": _square(116, -9)},
    ])
    assert get_boundaries("provinsi")["kode"].tolist() == ["35", "52"]
    empty = tmp_path / "kosong"
    empty.mkdir()
    monkeypatch.setenv(GEO_DIR_ENV, str(empty))
    assert get_boundaries("provinsi") is None
