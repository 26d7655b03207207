"""Issue 24: a filter change sends values, not maps. Served by serve.py (the /batas/ route mounted), every folium map
names the boundary URL and carries only its colours and tooltip values; before, each rerun with new filters sent
0.44 MB of province outlines per map (Peta Asal Korban about 0.95 MB per action)."""

from __future__ import annotations

import json

import pytest

from tests.helpers import no_exception, open_page

# What a page may send in folium maps for one run: Peta Asal Korban's three maps are the most (about 75 KB before
# websocket compression, most of it the coverage map's ~500 origins as compact arrays); a map with inline
# outlines alone is 440 KB.
MAX_MAP_BYTES = 90_000


def map_args(at) -> list[dict]:
    return [json.loads(c.proto.json_args) for c in at.get("component_instance")]


@pytest.fixture
def routes(app_env, monkeypatch):
    import ui.boundary_route as route

    monkeypatch.setitem(route._installed, "routes", True)


@pytest.mark.parametrize("page", ["ringkasan_eksekutif", "peta_asal_korban", "kapasitas_sentra", "ringkasan_publik"])
def test_maps_fetch_their_boundaries_and_a_filter_change_sends_values_only(routes, page):
    at = open_page(page, role="pimpinan")
    no_exception(at)
    sizes = {}
    # Ringkasan Publik shows the published release and offers no filter: one run to check.
    for step in ("first",) if page == "ringkasan_publik" else ("first", "filter"):
        if step == "filter":
            at.multiselect(key="w_prov").set_value(["52"]).run()
            no_exception(at)
        maps = map_args(at)
        assert maps, "the page draws a map"
        outlines = [m for m in maps if "/batas/provinsi.geojson?v=" in m["script"]]
        assert outlines, "the national boundaries come from the route"
        assert not [m for m in maps if '"coordinates"' in m["script"]], "no shapes inside a map's script"
        sizes[step] = [len(json.dumps(m)) for m in maps]
        assert sum(sizes[step]) <= MAX_MAP_BYTES, sizes


def test_map_legends_sit_below_the_map_not_over_it(app_env):
    """Issue 25: the legend lay over the data (Kalimantan and Sulawesi on the national map, Bima in the NTB drill),
    folded or not. The page shows each map's legend below it; the map's script has no legend control."""
    at = open_page("peta_asal_korban", role="pimpinan")
    no_exception(at)
    maps = map_args(at)
    assert len(maps) >= 2
    assert not [m for m in maps if "tppo-legend" in m["script"] and "L.control({position" in m["script"]
                and "<details" in m["script"]], "a legend control is drawn over a map"
    legends = [el.proto.body for el in at.get("html") if "tppo-map-legend" in el.proto.body]
    assert len(legends) >= len(maps)
    assert any("Arus korban" in body and "<details" in body for body in legends)
