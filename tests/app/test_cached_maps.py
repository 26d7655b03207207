"""ui.cached: maps and figures are built once per distinct input, and a cached map sends exactly what st_folium sends."""

from __future__ import annotations

import json

import pandas as pd
from streamlit.testing.v1 import AppTest

from ui.cached import strip_ids

CALLS: list[str] = []


def counted_map(values: pd.DataFrame, metric: str):
    """make_choropleth_map on the real province boundaries, counting its calls."""
    from builders.maps import make_choropleth_map
    from data_access.boundaries import geo_dir_from_env, load_boundaries

    CALLS.append(metric)
    return make_choropleth_map(load_boundaries("provinsi", geo_dir_from_env()), values, metric)


def _script_both() -> None:
    import pandas as pd
    import streamlit as st
    from streamlit_folium import st_folium

    from tests.app.test_cached_maps import counted_map
    from ui.cached import show_map, take_legends

    values = pd.DataFrame({"kode": ["52", "35"], "jumlah": [10, 20], "populasi": [5e6, 4e7]})
    show_map(counted_map, values, st.session_state.get("metric", "rate"), key="cached", height=400,
             returned_objects=["last_active_drawing"])
    plain = counted_map(values, st.session_state.get("metric", "rate"))
    take_legends(plain)  # show_map puts the legend below the map (issue 25)
    st_folium(plain, key="plain", height=400, use_container_width=True, returned_objects=["last_active_drawing"])


def _args(el) -> dict:
    args = json.loads(el.proto.json_args)
    args.pop("key")  # the widget key differs by design (two maps on one page)
    for field in ("script", "header", "html", "id"):
        args[field] = strip_ids(args[field])
    return args


def test_a_cached_map_sends_what_st_folium_sends_and_is_built_once(app_env):
    CALLS.clear()
    at = AppTest.from_function(_script_both, default_timeout=90)
    at.run()
    assert not at.exception
    cached, plain = at.get("component_instance")
    assert _args(cached) == _args(plain)  # streamlit-folium's frontend cannot tell them apart
    assert [el for el in at.get("html") if "tppo-map-legend" in el.proto.body and "<details" in el.proto.body]
    builds = len(CALLS)
    at.run()
    assert len(CALLS) == builds + 1, "the rerun rebuilt only the uncached st_folium map"
    at.session_state["metric"] = "count"
    at.run()
    assert not at.exception
    cached, plain = at.get("component_instance")
    assert _args(cached) == _args(plain)
    assert "Jumlah korban" in json.loads(cached.proto.json_args)["script"]  # new options → a new map, not a stale one


def _script_figure() -> None:
    import pandas as pd
    import plotly.express as px
    import streamlit as st

    from ui.cached import figure

    n = st.session_state.get("n", 3)
    frame = pd.DataFrame({"x": list(range(n)), "y": list(range(n))})
    st.session_state.setdefault("ids", []).append(id(figure(px.bar, frame, x="x", y="y")))


def test_a_figure_is_reused_for_the_same_input_and_rebuilt_for_another(app_env):
    at = AppTest.from_function(_script_figure, default_timeout=60)
    at.run()
    at.run()
    ids = at.session_state["ids"]
    assert ids[0] == ids[1]
    at.session_state["n"] = 4
    at.run()
    assert at.session_state["ids"][2] != ids[0]
