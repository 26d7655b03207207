"""Boundaries of the MapLibre maps (Pencegahan), served by the app's own server instead of inside every figure.

A plotly choropleth carries its GeoJSON in the figure: 0.4 MB for the provinces, deep-copied and JSON-encoded by
st.plotly_chart on every rerun (about 60 ms a map, issue 12) and sent over the websocket each time. Plotly.js also
accepts a URL for `geojson`, so the page hands it /batas/<name>.geojson?v=<digest>: the browser fetches each
boundary set once and keeps it (the digest changes when the boundary file does). Same origin, so offline is fine.

serve.py mounts the route (boundary_routes). Without it (`streamlit run app.py`, the exports) boundary_url() is
None and the builders put the GeoJSON inline, as before.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # serve.py imports this module at start-up: geopandas loads with the first map, not before
    import geopandas as gpd

BOUNDARY_PATH = "/batas"
NATIONAL = "provinsi"
_NAME = re.compile(r"^(provinsi|kab-\d{2})$")
_installed = {"routes": False}
_encoded: dict[str, tuple[gpd.GeoDataFrame, bytes, str]] = {}  # name -> (source frame, body, digest)
_lock = threading.Lock()


def map_boundaries(province: str | None) -> gpd.GeoDataFrame | None:
    """The areas a prevention map draws: provinces (overview geometry), or the kab/kota of one province.
    The page and the route both take them from here, so the URL's features are exactly the figure's areas."""
    from data_access.boundaries import get_boundaries

    if not province:
        return get_boundaries("provinsi", overview=True)
    kab = get_boundaries("kabupaten_kota")
    return None if kab is None else kab[kab["kode_prov"] == province]


def _name_of(province: str | None) -> str:
    return f"kab-{province}" if province else NATIONAL


def _body(name: str) -> tuple[bytes, str] | None:
    """The GeoJSON bytes of a boundary set and their digest, encoded once per boundary frame."""
    from builders.maps import feature_collection
    from data_access.boundaries import get_boundaries

    source = get_boundaries("provinsi" if name == NATIONAL else "kabupaten_kota", overview=name == NATIONAL)
    with _lock:
        hit = _encoded.get(name)
    if hit is not None and hit[0] is source:  # read from the same file as before: the same bytes
        return hit[1], hit[2]
    gdf = map_boundaries(None if name == NATIONAL else name.removeprefix("kab-"))
    if gdf is None or not len(gdf):
        return None
    body = json.dumps(feature_collection(gdf, gdf[["kode"]]), separators=(",", ":")).encode()
    digest = hashlib.sha256(body).hexdigest()[:12]
    with _lock:
        _encoded[name] = (source, body, digest)
    return body, digest


def boundary_url(province: str | None) -> str | None:
    """URL of the map's boundaries (None: the route is not mounted, or there are no boundaries)."""
    if not _installed["routes"]:
        return None
    from ui.session_cookie import base_path

    encoded = _body(_name_of(province))
    return None if encoded is None else f"{base_path()}{BOUNDARY_PATH}/{_name_of(province)}.geojson?v={encoded[1]}"


async def serve_boundaries(request):
    """GET /batas/<provinsi|kab-NN>.geojson: the boundary set, cacheable for a year (the URL has its digest)."""
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import Response

    name = request.path_params.get("name", "")
    encoded = await run_in_threadpool(_body, name) if _NAME.match(name) else None
    if encoded is None:
        return Response("Batas wilayah tidak ditemukan.", status_code=404, media_type="text/plain; charset=utf-8")
    return Response(encoded[0], media_type="application/geo+json",
                    headers={"Cache-Control": "public, max-age=31536000, immutable", "ETag": f'"{encoded[1]}"'})


def boundary_routes() -> list:
    """The route for st.App(routes=...); calling this makes the pages use it."""
    from starlette.routing import Route

    from ui.session_cookie import base_path

    _installed["routes"] = True
    return [Route(base_path() + BOUNDARY_PATH + "/{name}.geojson", serve_boundaries, methods=["GET"])]
