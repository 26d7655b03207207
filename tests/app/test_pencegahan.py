"""Pencegahan: origin risk beside prevention reach, the priority list and prevented departures, in both languages,
with downloads, the drill-down into a province and the roles that may open it."""

from __future__ import annotations

import json

import pytest

from data_access.engine import get_engine
from data_access.prevention import prevention_view
from data_access.indicators import connection_runner
from domain.filters import Filters
from domain.prevention import GROUP_NO_PREVENTION
from tests.helpers import no_exception, open_page, texts

PAGE = "pencegahan"


def frame_with(at, column: str):
    return next(e.value for e in at.dataframe if column in e.value.columns)


def view(url: str, filters: Filters = Filters()):
    with get_engine(url).connect() as conn:
        return prevention_view(filters, connection_runner(conn))


@pytest.mark.parametrize("role", ["pimpinan", "jarnas", "admin_data"])
def test_maps_priority_list_and_trend_with_evidence(app_env, demo_sqlite_url, role):
    at = open_page(PAGE, role=role, state={"f_start": "2023-01", "f_end": "2025-07"})  # all data, as Filters()
    no_exception(at)
    body = texts(at)
    assert "DATA CONTOH (sintetis)" in body and "Periode:** Jan 2023 – Jul 2025" in body
    assert "Aturan: kab/kota dengan sedikitnya satu korban" in body and "Agu 2024 – Jul 2025" in body
    expected = view(demo_sqlite_url)
    shown = {m.label: m.value for m in at.metric}
    gap = int((expected.priority["kelompok"] == GROUP_NO_PREVENTION).sum())
    assert shown["Kab/kota dengan korban tanpa pencegahan"] == str(gap) and gap > 0
    assert shown["Keberangkatan nonprosedural dicegah"] == f"{expected.prevented:,}".replace(",", ".")
    priority = frame_with(at, "Kelompok")
    assert len(priority) == len(expected.priority)
    assert priority["Kab/kota"].iloc[0] == "Kabupaten Timor Tengah Utara"  # the demo's synthetic gap
    assert priority["Kelompok"].iloc[0].startswith("1 ·") and (priority["Kegiatan Agu 2024 – Jul 2025"].iloc[:gap] == 0).all()
    charts = at.get("plotly_chart")
    assert len(charts) == 3, "two maps and the trend"
    maps = [json.loads(c.proto.spec) for c in charts[:2]]
    assert all(m["data"][0]["type"] == "choroplethmap" and len(m["data"][0]["locations"]) >= 34 for m in maps)
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels.count("Unduh CSV") == 2 and labels.count("Unduh Excel") == 2
    # A click downloads without rerunning the page (a rerun drops the clicked deferred file: ui.frame).
    assert all(b.proto.ignore_rerun for b in at.get("download_button"))


def test_drill_down_shows_kab_kota_of_the_province(app_env, demo_sqlite_url):
    at = open_page(PAGE, role="pimpinan")
    at.selectbox(key="pcg_prov").set_value("52").run()
    no_exception(at)
    maps = [json.loads(c.proto.spec) for c in at.get("plotly_chart")[:2]]
    assert all(set(m["data"][0]["locations"]) == {"52.01", "52.02", "52.03", "52.04", "52.05", "52.06", "52.07",
                                                   "52.08", "52.71", "52.72"} for m in maps)
    areas = frame_with(at, "Korban per 10.000 PMI")
    assert "Kabupaten Lombok Timur" in set(areas["Wilayah"])
    assert "Penduduk kab/kota belum diimpor" in texts(at) or at.radio(key="pcg_risk").value != "korban_100rb"


def test_province_filter_limits_every_list(app_env, demo_sqlite_url):
    at = open_page(PAGE, state={"f_prov": ["35"]})
    no_exception(at)
    priority = frame_with(at, "Kelompok")
    assert set(priority["Provinsi"]) == {"Jawa Timur"}
    expected = view(demo_sqlite_url, Filters(provinsi=("35",)))
    assert len(priority) == len(expected.priority)


def test_filters_that_do_not_apply_to_prevention_are_named(app_env):
    at = open_page(PAGE, role="jarnas", state={"f_modus": ["online_scam"]})
    no_exception(at)
    assert "Filter modus tidak berlaku untuk angka ini." in texts(at)
    assert "tidak berlaku" not in texts(open_page(PAGE, role="jarnas"))


def test_english(app_env):
    at = open_page(PAGE, role="pimpinan", state={"lang": "en"})
    no_exception(at)
    assert at.title[0].value == "Prevention"
    body = texts(at)
    assert "Rule: regencies/cities with at least one victim" in body
    assert "Victims Aug 2024 – Jul 2025" in " ".join(" ".join(e.value.columns) for e in at.dataframe)
    assert any(m.label == "Irregular departures prevented" for m in at.metric)


def test_public_visitor_is_refused(app_env):
    at = open_page(PAGE, role="publik")
    no_exception(at)
    assert not at.dataframe and not at.metric


def _get_boundaries(name: str):
    import asyncio

    from starlette.requests import Request

    from ui.boundary_route import serve_boundaries

    scope = {"type": "http", "method": "GET", "path": f"/batas/{name}.geojson", "path_params": {"name": name},
             "query_string": b"", "headers": []}
    return asyncio.run(serve_boundaries(Request(scope)))


def test_maps_take_their_boundaries_from_the_route_once(app_env, monkeypatch):
    """Served by serve.py, the maps name a URL instead of carrying 0.4 MB of GeoJSON in every rerun (issue 12);
    the route returns exactly the areas the figure colours, for the nation and for a chosen province."""
    import ui.boundary_route as route

    monkeypatch.setitem(route._installed, "routes", True)
    at = open_page(PAGE, role="pimpinan")
    for name, choose in (("provinsi", None), ("kab-52", "52")):
        if choose:
            at.selectbox(key="pcg_prov").set_value(choose).run()
        no_exception(at)
        charts = at.get("plotly_chart")[:2]
        traces = [json.loads(c.proto.spec)["data"][0] for c in charts]
        assert all(len(c.proto.spec) < 60_000 for c in charts), "no GeoJSON inside the figure"
        url = traces[0]["geojson"]
        assert url == traces[1]["geojson"] and url.startswith(f"/batas/{name}.geojson?v=")
        response = _get_boundaries(name)
        assert response.status_code == 200 and "immutable" in response.headers["cache-control"]
        served = {f["properties"]["kode"] for f in json.loads(response.body)["features"]}
        assert served == set(traces[0]["locations"]) == set(traces[1]["locations"])


@pytest.mark.parametrize("name", ["kab-99", "kab-5", "../provinsi", "provinsi.geojson", "kab-52;x", ""])
def test_boundary_route_refuses_unknown_names(app_env, name):
    response = _get_boundaries(name)
    assert response.status_code == 404 and b"tidak ditemukan" in response.body


def test_the_two_maps_each_take_the_page_width(app_env):
    """Issue 25: side by side in two columns, each map drew Indonesia ~300 px wide at 1366 px. They stand one above
    the other now: no column holds a map."""
    at = open_page(PAGE, role="pimpinan")
    no_exception(at)
    keys = {"pcg_map_risk", "pcg_map_reach"}
    in_columns = [c.proto.id for col in at.columns for c in col.get("plotly_chart")]
    maps = [c for c in at.get("plotly_chart") if any(k in c.proto.id for k in keys)]
    assert len(maps) == 2 and not [m for m in maps if m.proto.id in in_columns]
