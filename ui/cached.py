"""Built figures, rendered maps and derived tables, cached per their inputs, so a rerun that changed nothing they
depend on does not rebuild them (issue 12: each rerun rebuilt 0.45 MB of Leaflet HTML and every plotly figure).

Builders stay pure: a page calls `figure(make_x, df, ...)` instead of `make_x(df, ...)`, `show_map(make_y, ...)`
instead of `st_folium(make_y(...))`, and `memo(compute_z, ...)` for a pure computation on query results. The cache
key is the builder's name, every argument (DataFrames hashed by content; boundary GeoDataFrames by their codes and
extent, since their geometry comes from files read once per process) and the data version, so a change of filters,
language, options or data is a new key and nothing stale is shown.
"""

from __future__ import annotations

import hashlib
import pickle
import re
from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeVar

import streamlit as st

T = TypeVar("T")
MAX_ENTRIES = 256  # figures are small
# Prepared maps: since boundaries come from /batas/ (issue 24) a map's pieces are its values, ~10–80 KB. Every
# filter state of a map page makes one to three, so 64 held the states of a handful of users only.
MAP_ENTRIES = 256


def _geo_key(gdf: Any) -> tuple:
    # The geometry of a boundary set is fixed by its file; codes and extent tell the sets apart cheaply.
    bounds = tuple(round(float(v), 4) for v in gdf.total_bounds) if len(gdf) else ()
    return ("geo", tuple(gdf["kode"].astype(str)) if "kode" in gdf.columns else len(gdf), bounds)


def _frame_key(frame: Any) -> bytes:
    # Streamlit hashes a DataFrame with pandas' hash_pandas_object: ~2 ms even for 30 rows, paid for every frame
    # argument on every rerun. Pickles are ~10× faster and equal pickles mean equal content. Column by column,
    # not the whole frame: a frame's pickle also records how pandas laid its columns out in memory, which a
    # cache copy changes (a query result and its copy from st.cache_data pickled differently, so the first two
    # reruns after every filter change rebuilt the maps). Equal content laid out differently then keys the same.
    import pandas as pd

    digest = hashlib.sha256()
    if isinstance(frame, pd.Series):
        digest.update(pickle.dumps(("series", frame.name, frame.index, frame.array), protocol=5))
        return digest.digest()
    digest.update(pickle.dumps(("frame", list(frame.columns), frame.index), protocol=5))
    for _, column in frame.items():
        digest.update(pickle.dumps(column.array, protocol=5))
    return digest.digest()


def _hash_funcs() -> dict:
    import pandas as pd

    funcs: dict = {pd.DataFrame: _frame_key, pd.Series: _frame_key}
    try:
        import geopandas as gpd
    except ImportError:  # pragma: no cover — geopandas is a runtime dependency
        return funcs
    return {**funcs, gpd.GeoDataFrame: _geo_key}


def _data_key() -> tuple[str, str]:
    from data_access.caching import data_key

    return data_key()


def _name(fn: Callable) -> str:
    return f"{fn.__module__}.{fn.__qualname__}"


@st.cache_resource(show_spinner=False, max_entries=MAX_ENTRIES, hash_funcs=_hash_funcs())
def _built(name: str, data: tuple, args: tuple, kwargs: tuple, _fn: Callable) -> Any:
    return _fn(*args, **dict(kwargs))


def figure(builder: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """builder(*args, **kwargs), built once per distinct input. The figure is shared between sessions: treat it
    as read-only (st.plotly_chart does). In projector mode (?present=1) its text is enlarged like the page's."""
    if st.query_params.get("present") == "1":
        from builders.figure_text import scale_text
        from builders.theme import PROJECTOR_TEXT_SCALE

        def projected(*a: Any, **k: Any) -> Any:
            return scale_text(builder(*a, **k), PROJECTOR_TEXT_SCALE)

        return _built(f"{_name(builder)}@projector", _data_key(), args, tuple(sorted(kwargs.items())), projected)
    return _built(_name(builder), _data_key(), args, tuple(sorted(kwargs.items())), builder)


def _memo_key(value: Any) -> Hashable:
    """A hashable stand-in for an argument of memo: frames by content (_frame_key), boundary sets by _geo_key,
    containers item by item, other values as themselves with their type (1, 1.0 and True are different inputs);
    anything unhashable by its pickle."""
    import pandas as pd

    if hasattr(value, "geometry") and isinstance(value, pd.DataFrame):
        return ("geo", _geo_key(value))
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return ("frame", _frame_key(value))
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, tuple(_memo_key(v) for v in value))
    if isinstance(value, dict):
        return ("dict", tuple((_memo_key(k), _memo_key(v)) for k, v in value.items()))
    if isinstance(value, (set, frozenset)):
        return ("set", frozenset(_memo_key(v) for v in value))
    try:
        hash(value)
    except TypeError:
        return ("pickle", hashlib.sha256(pickle.dumps(value, protocol=5)).digest())
    return (type(value).__name__, value)


def memo(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """fn(*args, **kwargs) for a pure computation (or a read through data_access), cached per input and data
    version; each caller gets its own copy, so it may change the result.

    The result is kept as computed and shared between sessions like query results (data_access.caching), not
    pickled on every hit as st.cache_data did: the executive page's briefing alone took ~10 ms a rerun to
    unpickle, and hashing arguments with Streamlit's hasher another ~5 % of a busy server (issue 24)."""
    from data_access.caching import memo_shared

    key = (_name(fn), _data_key(), _memo_key(args), _memo_key(tuple(sorted(kwargs.items()))))
    return memo_shared(key, lambda: fn(*args, **kwargs))


# --- maps ---------------------------------------------------------------------------------------


def _links(folium_map: Any) -> tuple[list[str], list[str]]:
    """The CSS and JS links streamlit-folium would send (folium's, rewritten offline by builders.offline_assets)."""
    import branca
    import folium.elements

    css: list[str] = []
    js: list[str] = []

    def walk(el: Any) -> Iterable[Any]:
        if isinstance(el, branca.colormap.ColorMap):
            yield el
        if isinstance(el, folium.elements.JSCSSMixin):
            yield el
        for child in getattr(el, "_children", {}).values():
            yield from walk(child)

    for el in walk(folium_map):
        if isinstance(el, branca.colormap.ColorMap):
            js[:0] = ["https://d3js.org/d3.v4.min.js", "https://cdnjs.cloudflare.com/ajax/libs/d3/3.5.5/d3.min.js"]
        css.extend(href for _, href in getattr(el, "default_css", []))
        js.extend(src for _, src in getattr(el, "default_js", []))
    return list(dict.fromkeys(css)), list(dict.fromkeys(js))


def prepare_map(folium_map: Any, with_bounds: bool = False) -> dict:
    """What st_folium (streamlit-folium 0.27) sends to its frontend for a folium.Map, computed once.

    Mirrors streamlit_folium.st_folium up to its component call; tests/unit/test_cached_maps.py checks the result
    against a real st_folium call, so a library upgrade that changes it fails a test instead of a map. The bounds
    (a walk over every coordinate, 0.5 s for the national map) are only sent when asked for in returned_objects."""
    import streamlit_folium as sf

    folium_map.get_root().render()  # st_folium renders the map a second time; once gives the same pieces
    html = sf._get_html(folium_map)
    header = sf._get_header(folium_map)
    script = sf._get_map_string(folium_map)
    map_id = sf.get_full_id(folium_map)
    south = west = north = east = None
    if with_bounds:
        try:
            (south, west), (north, east) = folium_map.get_bounds()
        except AttributeError:
            pass
    css, js = _links(folium_map)
    return {
        "script": script, "header": header, "html": html, "id": map_id, "css_links": css, "js_links": js,
        "bounds": {"_southWest": {"lat": south, "lng": west}, "_northEast": {"lat": north, "lng": east}},
        "zoom": folium_map.options.get("zoom") if hasattr(folium_map, "options") else {},
    }


def take_legends(folium_map: Any) -> list[str]:
    """Remove the map's legend controls and return their HTML, for the page to show below the map.

    Issue 25: over the map, the legend covered data (Kalimantan and Sulawesi nationally, Bima in the NTB drill)
    even when folded; fitting the view beside it broke the drill click. Below the map it covers nothing, and the
    map's script and view stay exactly as before. Exports keep the legend inside their map (they call the builders).
    """
    from builders.folium_kit import Legend

    legends = [name for name, child in folium_map._children.items() if isinstance(child, Legend)]
    return [folium_map._children.pop(name).html for name in legends]


@st.cache_resource(show_spinner=False, max_entries=MAP_ENTRIES, hash_funcs=_hash_funcs())
def _prepared(name: str, data: tuple, args: tuple, kwargs: tuple, with_bounds: bool, _fn: Callable) -> dict:
    folium_map = _fn(*args, **dict(kwargs))
    legends = take_legends(folium_map)
    return {**prepare_map(folium_map, with_bounds), "legends": legends}


_DEFAULTS = ("last_clicked", "last_object_clicked", "last_object_clicked_count", "last_object_clicked_tooltip",
             "last_object_clicked_popup", "all_drawings", "last_active_drawing", "bounds", "zoom",
             "last_circle_radius", "last_circle_polygon", "selected_layers", "selected_tags", "last_geocoder_result")


def show_map(builder: Callable[..., Any], *args: Any, key: str, height: int, returned_objects: list[str] | None = None,
             on_change: Callable[[], None] | None = None, center: tuple[float, float] | None = None,
             zoom: float | None = None, **kwargs: Any) -> Any:
    """st_folium(builder(*args, **kwargs), key=key, height=height, use_container_width=True, ...), with the map
    built and rendered once per distinct input. Returns what st_folium returns (the interaction state)."""
    import streamlit_folium as sf

    returned = [] if returned_objects is None else list(returned_objects)
    p = _prepared(_name(builder), _data_key(), args, tuple(sorted(kwargs.items())), "bounds" in returned, builder)
    defaults = {k: None for k in _DEFAULTS if k in returned}
    if "bounds" in returned:
        defaults["bounds"] = p["bounds"]
    if "zoom" in returned:
        defaults["zoom"] = p["zoom"]
    hash_key = sf.generate_js_hash(p["script"], key, False)

    def _on_change() -> None:
        st.session_state[key] = st.session_state.get(hash_key, {})
        if on_change is not None:
            on_change()

    state = sf._component_func(
        script=p["script"], header=p["header"], html=p["html"], id=p["id"], key=hash_key, height=height,
        width=None, returned_objects=returned, default=defaults, zoom=zoom, center=center, feature_group=None,
        return_on_hover=False, layer_control=None, pixelated=False, css_links=p["css_links"],
        js_links=p["js_links"], on_change=_on_change, wrap_longitude=False)
    if p["legends"]:
        st.html(f'<div class="tppo-map-legend" style="display:flex;flex-wrap:wrap;gap:8px">{"".join(p["legends"])}'
                "</div>")
    return state


def strip_ids(script: str) -> str:
    """A map script without folium's random element ids (for comparing two renders of one map)."""
    return re.sub(r"_[0-9a-f]{32}", "_", script)
