"""Map and chart builders on the real boundary files: completeness, zero vs no data, offline assets, payload."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely.geometry

from builders import theme
from builders.briefing_charts import make_top_bars, make_utilisation_bars
from builders.charts import OTHER_ORIGINS, make_destination_sankey, make_static_choropleth
from builders.maps import (
    escape_html,
    make_choropleth_map,
    make_coverage_map,
    make_flow_map,
    make_point_map,
    make_unit_map,
    utilisation_band,
)
from builders.folium_kit import Legend, VectorBatch
from builders.offline_assets import DEFAULT_URL_PREFIX, configure_folium_offline, vendor_assets
from data_access.boundaries import GEO_DIR_ENV, OVERVIEW_TOLERANCE, load_boundaries, simplify_coverage
from domain.rates import NO_DATA_LABEL
from strings import tr

GEO_DIR = Path(os.environ.get(GEO_DIR_ENV) or Path(__file__).resolve().parents[3] / "shared" / "geo")
needs_geo = pytest.mark.skipif(
    not (GEO_DIR / "provinces.geojson").is_file(),
    reason=f"boundary files not found in {GEO_DIR} (set {GEO_DIR_ENV} to the shared geo folder)",
)
ASSET_LINK = re.compile(r'<(?:script[^>]*\bsrc|link[^>]*\bhref)\s*=\s*["\']([^"\']+)["\']', re.IGNORECASE)
NASTY = 'Sentra `A` ${alert(1)} <img src=x onerror=alert(2)> "B" \\x'


@pytest.fixture(scope="module", autouse=True)
def offline():
    configure_folium_offline()


@pytest.fixture(scope="module")
def provinces():
    gdf = load_boundaries("provinsi", GEO_DIR)
    if gdf is None:
        pytest.skip(f"boundary files not found in {GEO_DIR}")
    return gdf


@pytest.fixture(scope="module")
def regencies():
    gdf = load_boundaries("kabupaten_kota", GEO_DIR)
    if gdf is None:
        pytest.skip(f"boundary files not found in {GEO_DIR}")
    return gdf


def _values(boundaries, seed: int = 0, drop: tuple[str, ...] = ()) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    df = boundaries.loc[~boundaries["kode"].isin(drop), ["kode", "nama"]].reset_index(drop=True)
    df["jumlah"] = rng.integers(0, 500, len(df))
    df["populasi"] = rng.integers(100_000, 50_000_000, len(df)).astype(float)
    df["rate"] = df["jumlah"] / df["populasi"] * 100_000
    return df


def _geojson(html: str) -> dict:
    """The FeatureCollection folium embeds as `<layer>_add({...});`."""
    start = html.index("_add({") + len("_add(")
    data, _ = json.JSONDecoder().raw_decode(html, start)
    return data


def _geojson_layer(m: folium.Map) -> folium.GeoJson:
    return next(c for c in m._children.values() if isinstance(c, folium.GeoJson))


def _features(m: folium.Map) -> dict[str, dict]:
    return {f["properties"]["kode"]: f for f in _geojson_layer(m).data["features"]}


def _fill(m: folium.Map, kode: str) -> str:
    layer = _geojson_layer(m)
    return layer.style_function(_features(m)[kode])["fillColor"]


# --- offline assets ---------------------------------------------------------------------------


def test_vendor_assets_copies_leaflet_jquery_font_awesome(tmp_path):
    vendor = vendor_assets(tmp_path / "static")
    assert vendor == tmp_path / "static" / "vendor"
    leaflet = (vendor / "leaflet" / "leaflet.js").read_text(encoding="utf-8")
    assert "Leaflet 1.9.3" in leaflet[:200]  # exactly folium 0.20's Leaflet
    for rel in (
        "leaflet/leaflet.css",
        "leaflet/images/marker-icon.png",
        "leaflet/images/marker-shadow.png",
        "jquery/jquery.min.js",
        "fontawesome/css/all.min.css",
        "fontawesome/webfonts/fa-solid-900.woff2",
    ):
        assert (vendor / rel).stat().st_size > 0, rel


def test_vendor_assets_is_idempotent_and_repairs(tmp_path):
    vendor = vendor_assets(tmp_path)
    leaflet = vendor / "leaflet" / "leaflet.js"
    before = leaflet.stat()
    vendor_assets(tmp_path)
    after = leaflet.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)  # not rewritten
    leaflet.write_text("truncated")
    (vendor / "jquery" / "jquery.min.js").unlink()
    vendor_assets(tmp_path)
    assert leaflet.stat().st_size == before.st_size
    assert (vendor / "jquery" / "jquery.min.js").is_file()
    assert not [p for p in vendor.rglob(".*") if p.is_file()]  # no temporary files left behind


@pytest.fixture(scope="module")
def country_file(tmp_path_factory):
    from builders.country_shapes import vendor_country_shapes

    return vendor_country_shapes(tmp_path_factory.mktemp("static"))


def test_flow_map_draws_destination_countries_from_the_vendored_file(country_file):
    """Issue 25: the flow map drew its destination countries as dots on a blank background. vendor-assets writes
    Natural Earth's country outlines (from a registry package) into static/vendor, and the map has the browser
    fetch them (same origin) and draw exactly the destination countries as land."""
    from builders.country_shapes import TARGET, country_shapes_url

    assert country_file.parts[-3:] == ("vendor", *TARGET.split("/"))
    shapes = {f["properties"]["kode"]: f["geometry"] for f in json.loads(country_file.read_text())["features"]}
    assert {"MYS", "SGP", "SAU", "KHM", "TWN", "HKG", "NOR", "FRA"} <= set(shapes)  # -99 in ISO_A3 for the last two
    west, south, east, north = shapely.geometry.shape(shapes["SGP"]).bounds
    assert 103.5 < west < east < 104.2 and 1.1 < south < north < 1.5  # Singapore, apart from Malaysia
    assert country_file.stat().st_size < 1_200_000  # fetched once by the browser, like the province outlines
    flows = FLOWS.assign(tujuan_jenis="LN", tujuan_kode=["MYS", "MYS", "MYS", "SAU", "KHM"])
    url = country_shapes_url()
    assert url == DEFAULT_URL_PREFIX + "/negara/negara.geojson"
    script = _map_script(make_flow_map(flows, countries_url=url))
    assert f'fetch("{url}"' in script
    values = script.rindex("var values = ", 0, script.index(f'fetch("{url}"')) + len("var values = ")
    assert set(json.loads(script[values:script.index(";", values)])) == {"MYS", "SAU", "KHM"}
    home = _map_script(make_flow_map(flows.assign(tujuan_jenis="DN"), countries_url=url))
    assert url not in home  # domestic destinations are provinces, drawn by the basemap


@needs_geo
def test_rendered_map_loads_only_served_local_assets(provinces, tmp_path):
    vendor = vendor_assets(tmp_path)
    html = make_choropleth_map(provinces, _values(provinces), "rate").get_root().render()
    links = ASSET_LINK.findall(html)
    assert links, "expected script/link tags for Leaflet"
    assert not [u for u in links if re.match(r"(?i)(https?:)?//", u)], links
    for url in links:
        assert url.startswith(DEFAULT_URL_PREFIX + "/"), url
        # Every link we emit must be a file we actually serve: one 404 blanks the map in st_folium.
        assert (vendor / url.removeprefix(DEFAULT_URL_PREFIX + "/")).is_file(), url
    assert {Path(u).name for u in links} >= {"leaflet.js", "leaflet.css", "jquery.min.js"}
    assert "L.Icon.Default.imagePath = " + json.dumps(f"{DEFAULT_URL_PREFIX}/leaflet/images/") in html


def test_configure_rewrites_folium_class_defaults():
    configure_folium_offline("/prefix/")
    try:
        js = dict(folium.Map.default_js)
        css = dict(folium.Map.default_css)
        assert js == {"leaflet": "/prefix/leaflet/leaflet.js", "jquery": "/prefix/jquery/jquery.min.js"}
        assert set(css) == {"leaflet_css", "awesome_markers_font_css"}
        for cls in (folium.Map, folium.features.Vega, folium.features.TopoJson):
            urls = [u for _, u in [*cls.default_js, *cls.default_css]]
            assert all(u.startswith("/prefix/") for u in urls), (cls, urls)
    finally:
        configure_folium_offline()


@needs_geo
def test_st_folium_receives_no_remote_links(provinces):
    """streamlit-folium gathers links from every element itself; none may point at a CDN."""
    from streamlit.testing.v1 import AppTest

    script = f"""
from pathlib import Path
import pandas as pd
from streamlit_folium import st_folium
from builders.offline_assets import configure_folium_offline
from builders.maps import make_choropleth_map
from data_access.boundaries import load_boundaries
configure_folium_offline()
boundaries = load_boundaries("provinsi", Path({str(GEO_DIR)!r}))
values = pd.DataFrame({{"kode": ["35"], "nama": ["Jawa Timur"], "jumlah": [4320], "populasi": [35e6], "rate": [12.34]}})
st_folium(make_choropleth_map(boundaries, values, "rate"), returned_objects=["last_active_drawing"], key="peta")
"""
    at = AppTest.from_string(script, default_timeout=60).run()
    assert not at.exception
    args = json.loads(at.get("component_instance")[0].proto.json_args)
    links = [*args["js_links"], *args["css_links"]]
    assert links and all(u.startswith(DEFAULT_URL_PREFIX + "/") for u in links), links
    assert "tppo-legend" in args["script"]  # legend is in the map script, which st_folium runs
    assert "L.Icon.Default.imagePath" in args["script"]
    assert args["default"] == {"last_active_drawing": None}


# --- choropleth -------------------------------------------------------------------------------


@needs_geo
@pytest.mark.parametrize("metric", ["rate", "count"])
def test_all_38_provinces_are_in_the_rendered_geojson(provinces, metric):
    html = make_choropleth_map(provinces, _values(provinces), metric).get_root().render()
    features = _geojson(html)["features"]
    assert len(features) == 38
    assert sorted(f["properties"]["kode"] for f in features) == sorted(provinces["kode"])


@needs_geo
def test_province_without_values_is_drawn_as_zero(provinces):
    values = _values(provinces, drop=("94",))  # Papua Tengah has no row at all
    values.loc[values["kode"] == "11", ["jumlah", "rate"]] = [0, 0.0]  # Aceh: a reported zero
    m = make_choropleth_map(provinces, values, "count")
    html = m.get_root().render()
    props = {f["properties"]["kode"]: f["properties"] for f in _geojson(html)["features"]}
    assert props["94"]["jumlah_teks"] == "0"
    assert _fill(m, "94") == theme.ZERO_FILL
    assert _fill(m, "11") == theme.ZERO_FILL
    # The rate of an area with no population figure is unknown, never 0.
    assert props["94"]["rate_teks"] == NO_DATA_LABEL


@needs_geo
def test_rate_with_unknown_population_is_no_data_not_zero(provinces):
    values = _values(provinces)
    values.loc[values["kode"] == "35", ["jumlah", "populasi", "rate"]] = [12, np.nan, np.nan]
    values.loc[values["kode"] == "33", ["jumlah", "rate"]] = [0, 0.0]
    m = make_choropleth_map(provinces, values, "rate")
    assert _fill(m, "35") == theme.NO_DATA_FILL
    assert _fill(m, "33") == theme.ZERO_FILL
    props = _features(m)["35"]["properties"]
    assert props["rate_teks"] == NO_DATA_LABEL and props["jumlah_teks"] == "12"
    html = m.get_root().render()
    assert NO_DATA_LABEL in html and "Korban per 100.000 penduduk" in html
    # In the count map the same province is classed by its 12 victims, not as no data.
    assert _fill(make_choropleth_map(provinces, values, "count"), "35") in theme.SEQUENTIAL_5


@needs_geo
def test_tooltip_text_is_indonesian_formatted_and_properties_are_minimal(provinces):
    values = _values(provinces)
    values.loc[values["kode"] == "35", ["jumlah", "populasi", "rate"]] = [4320, 35_000_000.0, 12.5]
    m = make_choropleth_map(provinces, values, "rate")
    html = m.get_root().render()
    feature = next(f for f in _geojson(html)["features"] if f["properties"]["kode"] == "35")
    assert feature["properties"] == {
        "kode": "35", "nama": "Jawa Timur", "jumlah_teks": "4.320", "rate_teks": "12,5",
    }
    assert '"Wilayah", "Korban per 100.000 penduduk per tahun", "Jumlah korban"' in html  # tooltip aliases


@needs_geo
@pytest.mark.parametrize(("metric", "title"), [("rate", "Korban per 100.000 penduduk"), ("count", "Jumlah korban")])
def test_legend_states_the_unit_and_every_class(provinces, metric, title):
    values = _values(provinces)
    values.loc[values["kode"] == "11", ["jumlah", "rate"]] = [0, 0.0]
    values.loc[values["kode"] == "12", ["populasi", "rate"]] = [np.nan, np.nan]
    html = make_choropleth_map(provinces, values, metric).get_root().render()
    legend = re.search(r'div\.innerHTML = ("(?:[^"\\]|\\.)*");', html)
    assert legend, "legend control missing"
    legend_html = json.loads(legend.group(1))
    assert title in legend_html
    for colour in theme.SEQUENTIAL_5:
        assert colour in legend_html
    assert theme.ZERO_FILL in legend_html
    assert (NO_DATA_LABEL in legend_html) == (metric == "rate")


@needs_geo
@pytest.mark.parametrize("metric", ["rate", "count"])
def test_english_map_speaks_english(provinces, metric):
    """Issue 13 item 8: the English view showed "Jumlah korban" / "kelas kuantil" and Indonesian numbers."""
    values = _values(provinces)
    values.loc[values["kode"] == "35", ["jumlah", "populasi", "rate"]] = [4320, 35_000_000.0, 12.5]
    values.loc[values["kode"] == "12", ["populasi", "rate"]] = [np.nan, np.nan]
    m = make_choropleth_map(provinces, values, metric, lang="en")
    html = m.get_root().render()
    legend_html = json.loads(re.search(r'div\.innerHTML = ("(?:[^"\\]|\\.)*");', html).group(1))
    title = {"rate": "Victims per 100,000 population per year", "count": "Number of victims"}[metric]
    assert title in legend_html and "quantile classes" in legend_html
    assert '"Area", "' in html and "Wilayah" not in html  # tooltip aliases
    props = _features(m)["35"]["properties"]
    assert (props["jumlah_teks"], props["rate_teks"]) == ("4,320", "12.5")
    assert _features(m)["12"]["properties"]["rate_teks"] == "no data"
    for indonesian in ("Jumlah korban", "kelas kuantil", "Korban per 100.000", "tidak ada data", "Batas wilayah"):
        assert indonesian not in html


def test_english_chart_axis_is_english():
    """Issue 13 item 8: the executive page's top-origin bars had the axis title "Korban" in English."""
    top = pd.DataFrame({"nama": ["Jawa Barat", "NTT"], "jumlah": [120, 80], "porsi": [0.6, 0.4]})
    fig = make_top_bars(top, title="Top origins", lang="en")
    assert fig.layout.xaxis.title.text == "Victims"
    assert make_top_bars(top, title="Asal teratas").layout.xaxis.title.text == "Korban"
    empty = make_utilisation_bars(pd.DataFrame({"nama": [], "utilisasi": []}), title="Capacity", lang="en")
    assert empty.layout.annotations[0].text == "No data for these filters."


@needs_geo
def test_coordinates_are_rounded_to_four_decimals(regencies):
    html = make_choropleth_map(regencies, _values(regencies), "count").get_root().render()
    coords = np.array(re.findall(r"\[(-?\d+\.\d+), (-?\d+\.\d+)\]", html[html.index("_add({"):]), dtype=float)
    assert len(coords) > 70_000
    assert np.allclose(coords, np.round(coords, 4), atol=1e-12, rtol=0)


@needs_geo
def test_values_with_codes_in_another_form_are_rejected(regencies):
    values = pd.DataFrame({"kode": ["3508"], "nama": ["Lumajang"], "jumlah": [3], "populasi": [1e6], "rate": [0.3]})
    with pytest.raises(ValueError, match="kode"):
        make_choropleth_map(regencies, values, "count")


@needs_geo
@pytest.mark.parametrize(
    ("level", "limit_bytes"),
    [("provinsi", 1_000_000), ("kabupaten_kota", 2_500_000)],
)
def test_payload_size(level, limit_bytes, capsys):
    boundaries = load_boundaries(level, GEO_DIR)
    html = make_choropleth_map(boundaries, _values(boundaries), "rate").get_root().render()
    size = len(html.encode("utf-8"))
    with capsys.disabled():  # shown even without -s: the sizes are worth seeing on every run
        print(f"\n[payload] {level}: {len(boundaries)} features, rendered HTML {size:,} bytes (limit {limit_bytes:,})")
    assert size < limit_bytes


# --- units, flows, coverage -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("utilisasi", "expected_label"),
    [
        (0.0, "di bawah 70%"),
        (0.699, "di bawah 70%"),
        (0.70, "70–90%"),
        (0.899, "70–90%"),
        (0.90, "90–100%"),
        (1.0, "90–100%"),  # exactly full is not over capacity
        (1.001, "di atas kapasitas"),
        (2.5, "di atas kapasitas"),
        (float("nan"), NO_DATA_LABEL),
    ],
)
def test_utilisation_band(utilisasi, expected_label):
    colour, label = utilisation_band(utilisasi)
    assert label == expected_label
    expected_colour = {tr(key): c for _, c, key in theme.UTILISATION_BANDS}.get(expected_label, theme.NO_DATA_FILL)
    assert colour == expected_colour


UNITS = pd.DataFrame(
    {
        "kode_unit": ["U1", "U2", "U3", "U4"],
        "nama": [NASTY, "Sentra Terpadu Pangudi Luhur", "RPTC Surabaya", "Tanpa koordinat"],
        "tipe": ["sentra", "sentra terpadu", "RPTC", "sentra"],
        "lat": [-6.265, -7.556, -7.2575, np.nan],
        "lon": [106.99, 110.842, 112.7521, np.nan],
        "kapasitas": [25, 100, 400, 50],
        "penghuni": [10, 95, 500, 10],
        "utilisasi": [0.4, 0.95, 1.25, 0.2],
        "staf": [5, 12, 30, 4],
    }
)


def _markers(m: folium.Map) -> list[folium.CircleMarker]:
    return [c for c in m._children.values() if isinstance(c, folium.CircleMarker)]


def test_unit_map_sizes_by_capacity_colours_by_band_and_escapes():
    m = make_unit_map(UNITS, max_radius_px=20, min_radius_px=1)
    markers = _markers(m)
    assert len(markers) == 3  # the unit without coordinates is left out...
    html = m.get_root().render()
    assert "1 unit tanpa koordinat" in html  # ...and the legend says so
    by_location = {tuple(mk.location): mk for mk in markers}
    small, mid, big = (by_location[(-6.265, 106.99)], by_location[(-7.556, 110.842)], by_location[(-7.2575, 112.7521)])
    # Area ∝ capacity: 400 is 4× 100, so the radius is 2×; 25 is 1/16 of 400, so the radius is 1/4.
    assert big.options["radius"] == pytest.approx(20.0)
    assert mid.options["radius"] == pytest.approx(10.0)
    assert small.options["radius"] == pytest.approx(5.0)
    assert big.options["fillColor"] == theme.UTILISATION_BANDS[3][1]
    assert mid.options["fillColor"] == theme.UTILISATION_BANDS[2][1]
    assert small.options["fillColor"] == theme.UTILISATION_BANDS[0][1]
    assert "<img src=x" not in html and "${alert" not in html and "`A`" not in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "125% (di atas kapasitas)" in html  # popup utilisation in per cent


FLOWS = pd.DataFrame(
    {
        "asal_nama": ["Jawa Timur", "Jawa Timur", "Nusa Tenggara Timur", "Jawa Barat", NASTY],
        "asal_lat": [-7.25, -7.25, -10.18, -6.9, -6.0],
        "asal_lon": [112.75, 112.75, 123.6, 107.6, 106.0],
        "tujuan_nama": ["Malaysia", "Malaysia", "Malaysia", "Arab Saudi", "Kamboja"],
        "tujuan_lat": [3.139, 3.139, 3.139, 24.7136, 11.5564],
        "tujuan_lon": [101.6869, 101.6869, 101.6869, 46.6753, 104.9282],
        "jumlah": [700, 500, 300, 75, 0],
    }
)


def _batches(parent, kind: str) -> list[VectorBatch]:
    return [c for c in parent._children.values() if isinstance(c, VectorBatch) and c.kind == kind]


def test_flow_map_sums_pairs_weights_by_count_and_covers_destinations():
    m = make_flow_map(FLOWS, max_weight_px=12, min_weight_px=1)
    (lines,) = _batches(m, "polyline")
    assert len(lines.rows) == 3  # two Jawa Timur rows summed; the zero flow is left out
    weights = {tuple(row[0][0]): row[1] for row in lines.rows}
    # Width ∝ √count: 1,200 → 12 px, 300 → 6 px, 75 → 3 px.
    assert weights[(-7.25, 112.75)] == pytest.approx(12.0)
    assert weights[(-10.18, 123.6)] == pytest.approx(6.0)
    assert weights[(-6.9, 107.6)] == pytest.approx(3.0)
    assert "Jawa Timur → Malaysia: 1.200 korban" in {lines.tooltip_html(row) for row in lines.rows}
    html = m.get_root().render()
    fit = re.search(r"fitBounds\(\s*\[\[(-?[\d.]+), (-?[\d.]+)\], \[(-?[\d.]+), (-?[\d.]+)\]\]", html)
    south, west, north, east = map(float, fit.groups())
    assert west <= 46.6753 and north >= 24.7136  # Riyadh is in view


def test_coverage_map_colours_far_near_and_unknown():
    origins = pd.DataFrame(
        {
            "kode": ["53", "35", "99"],
            "nama": ["Nusa Tenggara Timur", "Jawa Timur", "Tanpa jarak"],
            "lat": [-10.18, -7.25, -3.0],
            "lon": [123.6, 112.75, 120.0],
            "jumlah": [300, 1200, 5],
            "jarak_km": [1200.0, 12.0, np.nan],
            "kode_unit_terdekat": ["U3", "U3", None],
        }
    )
    m = make_coverage_map(origins, UNITS, threshold_km=300)
    layer = next(c for c in m._children.values() if isinstance(c, folium.FeatureGroup))
    (reach,) = _batches(layer, "circle")
    units, points = _batches(layer, "circleMarker")
    fills = {tuple(row[0]): points.styles[row[2]]["fillColor"] for row in points.rows}
    assert fills[(-10.18, 123.6)] == theme.COVERAGE_FAR
    assert fills[(-7.25, 112.75)] == theme.COVERAGE_NEAR
    assert fills[(-3.0, 120.0)] == theme.NO_DATA_FILL
    assert len(reach.rows) == 3 and all(row[1] == 300_000 for row in reach.rows)  # the unit without a place: none
    assert len(units.rows) == 3
    tips = {tuple(row[0]): points.tooltip_html(row) for row in points.rows}
    assert tips[(-10.18, 123.6)] == ("<b>Nusa Tenggara Timur</b><br>Jumlah korban: 300<br>"
                                     "Jarak ke unit terdekat: 1.200 km<br>Unit terdekat: RPTC Surabaya")
    assert "Unit terdekat" not in tips[(-3.0, 120.0)]  # no nearest unit: the line is left out
    html = m.get_root().render()
    assert "asal lebih dari 300 km dari unit" in html
    assert '"Jarak ke unit terdekat: {}"' in html and '"RPTC Surabaya"' in html


def test_a_batch_composes_tooltips_in_the_browser_as_in_python(tmp_path):
    """The script's loop, run by node on a stand-in for Leaflet, binds the tooltips tooltip_html promises."""
    if shutil.which("node") is None:
        pytest.skip("node not installed")
    batch = VectorBatch("circleMarker", ("<b>{}</b>", "Jumlah: {}", "Unit: {}"))
    batch.add((-8.6, 116.1), 5, {"color": "#fff"}, ["A &amp; B", "12", None])
    batch.add((-7.2, 112.7), 7.5, {"color": "#000"}, ["{} C", "3", "Sentra"])
    m = folium.Map()
    batch.add_to(m)
    script = batch._template.module.script(batch, {})
    stub = ("var out = []; var L = {circleMarker: function (ll, o) { var e = {ll: ll, o: o};"
            " e.bindTooltip = function (t) { e.t = t; }; e.addTo = function () { out.push(e); }; return e; }};"
            f"var {m.get_name()} = {{}};")
    path = tmp_path / "batch.js"
    path.write_text(stub + script + "\nconsole.log(JSON.stringify(out));", encoding="utf-8")
    result = subprocess.run(["node", str(path)], capture_output=True, text=True, check=True)
    drawn = json.loads(result.stdout)
    assert [d["t"] for d in drawn] == [batch.tooltip_html(row) for row in batch.rows]
    assert drawn[1]["t"] == "<b>{} C</b><br>Jumlah: 3<br>Unit: Sentra"  # a part's own "{}" stays as it is
    assert [d["o"]["radius"] for d in drawn] == [5, 7.5] and drawn[1]["o"]["color"] == "#000"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<b>", "&lt;b&gt;"),
        ('a"b', "a&quot;b"),
        ("`x`", "&#96;x&#96;"),
        ("${x}", "&#36;&#123;x&#125;"),
        ("C:\\new", "C:&#92;new"),
        (None, ""),
        (float("nan"), ""),
        (12, "12"),
    ],
)
def test_escape_html(raw, expected):
    assert escape_html(raw) == expected


@needs_geo
@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed: cannot syntax-check the map scripts")
def test_generated_map_scripts_are_valid_javascript(provinces, tmp_path):
    values = _values(provinces)
    values.loc[0, "nama"] = NASTY
    origins = provinces[["kode", "nama", "lat", "lon"]].assign(jumlah=5, jarak_km=100.0)
    maps = {
        "choropleth": make_choropleth_map(provinces, values, "rate"),
        "units": make_unit_map(UNITS),
        "flows": make_flow_map(FLOWS.assign(jumlah=FLOWS["jumlah"] + 1)),  # keep the NASTY row
        "coverage": make_coverage_map(origins, UNITS),
    }
    for name, m in maps.items():
        scripts = re.findall(r"<script>(.*?)</script>", m.get_root().render(), re.DOTALL)
        path = tmp_path / f"{name}.js"
        path.write_text("\n".join(scripts), encoding="utf-8")
        result = subprocess.run(["node", "--check", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, (name, result.stderr)


# --- plotly figures ---------------------------------------------------------------------------


def test_sankey_groups_small_origins_and_keeps_totals():
    rows = [
        {"asal_nama": f"Provinsi {i:02d}", "tujuan_nama": "Malaysia" if i % 2 else "Taiwan", "jumlah": 100 - i}
        for i in range(20)
    ]
    flows = pd.DataFrame(rows)
    fig = make_destination_sankey(flows, max_origins=5)
    sankey = fig.data[0]
    assert sum(sankey.link.value) == flows["jumlah"].sum()
    names = list(sankey.node.customdata)
    assert names[:5] == ["Provinsi 00", "Provinsi 01", "Provinsi 02", "Provinsi 03", OTHER_ORIGINS]
    # 100 + 99 + ... + 81 over 20 provinces; the 16 smallest (96..81) go to "Provinsi lain".
    assert sankey.node.label[4] == f"{OTHER_ORIGINS} (1.416)"
    assert fig.layout.separators == ",."


def test_sankey_empty_flows_says_so():
    fig = make_destination_sankey(pd.DataFrame({"asal_nama": [], "tujuan_nama": [], "jumlah": []}))
    assert not fig.data
    assert "Tidak ada data" in fig.layout.annotations[0].text


@needs_geo
def test_static_choropleth_is_offline_and_matches_classes(provinces):
    values = _values(provinces, drop=("94",))
    values.loc[values["kode"] == "35", ["populasi", "rate"]] = [np.nan, np.nan]
    fig = make_static_choropleth(provinces, values, "rate")
    trace = fig.data[0]
    assert fig.layout.map.style == "white-bg"  # no tiles, no CDN: renders offline and exports with kaleido
    assert sorted(trace.locations) == sorted(provinces["kode"])
    assert "http" not in json.dumps(trace.geojson)
    z = dict(zip(trace.locations, trace.z))
    ticks = list(trace.colorbar.ticktext)
    assert ticks[0] == NO_DATA_LABEL and ticks[int(z["35"])] == NO_DATA_LABEL
    assert ticks[int(z["94"])] == NO_DATA_LABEL  # missing row: population unknown, rate unknown
    colours = {round(pos, 6): c for pos, c in trace.colorscale}
    assert colours[0.0] == theme.NO_DATA_FILL


# --- fallback points, Sankey labels, overview payload -----------------------------------------


def _circles(m: folium.Map) -> list[folium.CircleMarker]:
    return [c for c in m._children.values() if isinstance(c, folium.CircleMarker)]


def test_point_map_draws_every_placed_area_zero_included_and_says_what_is_missing():
    points = pd.DataFrame(
        {
            "kode": ["11", "35", "52", "94"],
            "nama": ["Aceh", "Jawa Timur", "NTB", "Papua"],
            "lat": [5.55, -7.26, -8.58, np.nan],
            "lon": [95.32, 112.75, 116.12, np.nan],
            "jumlah": [12, 0, 7, 3],
            "populasi": [4_000_000.0, 40_000_000.0, np.nan, 1.0],
        }
    )
    m = make_point_map(points, "rate", note="Titik di ibu kota provinsi.")
    circles = {c.location[0]: c for c in _circles(m)}
    assert len(circles) == 3  # Papua has no point
    assert circles[-7.26].options["fillColor"] == theme.ZERO_FILL  # no victims: drawn, as zero
    assert circles[-8.58].options["fillColor"] == theme.NO_DATA_FILL  # rate unknown, not zero
    assert circles[5.55].options["fillColor"] in theme.SEQUENTIAL_5
    # Area grows with victims: the zero area gets the smallest circle.
    assert circles[-7.26].options["radius"] < circles[-8.58].options["radius"] < circles[5.55].options["radius"]
    html = m.get_root().render()
    assert "Korban per 100.000 penduduk" in html  # the legend states the unit
    assert "1 wilayah tanpa koordinat tidak ditampilkan" in html
    assert "Titik di ibu kota provinsi." in html
    assert "0,30" in html  # 12 / 4,000,000 × 100,000 = 0.3, shown with two decimals below 1


def test_point_map_count_metric_and_bad_metric():
    points = pd.DataFrame({"kode": ["11"], "nama": ["Aceh"], "lat": [5.55], "lon": [95.32], "jumlah": [4]})
    assert "Jumlah korban" in make_point_map(points, "count").get_root().render()
    with pytest.raises(ValueError):
        make_point_map(points, "share")


def test_sankey_titles_and_other_labels_can_be_replaced():
    rows = [{"asal_nama": "Jawa Timur", "tujuan_nama": f"Provinsi {i}", "jumlah": 10 - i} for i in range(5)]
    fig = make_destination_sankey(pd.DataFrame(rows), max_destinations=3, title="Asal → provinsi tujuan",
                                  other_destinations="Provinsi tujuan lain")
    assert fig.layout.title.text == "Asal → provinsi tujuan"
    assert "Provinsi tujuan lain" in list(fig.data[0].node.customdata)
    empty = make_destination_sankey(pd.DataFrame(rows).iloc[0:0], title="Kosong")
    assert empty.layout.title.text == "Kosong"


@needs_geo
def test_overview_simplification_keeps_all_38_and_shrinks_the_payload(provinces, capsys):
    simple = simplify_coverage(provinces, OVERVIEW_TOLERANCE)
    values = _values(provinces)
    full_html = make_choropleth_map(provinces, values, "rate").get_root().render()
    html = make_choropleth_map(simple, values, "rate").get_root().render()
    assert len(_geojson(html)["features"]) == 38
    with capsys.disabled():
        print(f"\n[payload] provinsi overview: {len(html.encode()):,} bytes (full {len(full_html.encode()):,})")
    assert len(html) < 0.85 * len(full_html)


def test_flow_map_has_a_basemap_and_names_its_largest_destinations():
    """Without tiles the lines floated in empty space with no name at their ends (issue 13)."""
    from shapely.geometry import box

    land = gpd.GeoDataFrame({"kode": ["35", "52"]}, crs="EPSG:4326",
                            geometry=[box(111, -8.8, 114.7, -6.8), box(115.8, -9.1, 119.4, -8.1)])
    bare = make_flow_map(FLOWS)
    assert not [c for c in bare._children.values() if isinstance(c, folium.GeoJson)]
    m = make_flow_map(FLOWS, basemap=land, labelled=1)
    basemaps = [c for c in m._children.values() if isinstance(c, folium.GeoJson)]
    assert len(basemaps) == 1 and len(basemaps[0].data["features"]) == 2
    labels = [c for c in m._children.values() if isinstance(c, folium.Marker) and isinstance(c.icon, folium.DivIcon)]
    # One label: the destination with the most victims.
    assert len(labels) == 1 and labels[0].icon.options["html"].endswith(">Malaysia</div>")
    assert make_flow_map(FLOWS, basemap=land).get_root().render().count('"className": "tppo-flow-label"') == 2


@pytest.mark.parametrize(("names", "lons", "lats", "expected"), [
    # Saudi Arabia and the Emirates sit side by side near the west edge: the smaller is left to its tooltip.
    (["Arab Saudi", "Uni Emirat Arab"], [46.7, 54.4], [24.7, 24.4], ["right", None]),
    # Further from the edge the second name goes to the other side of its point.
    (["Vietnam", "Kamboja"], [108.0, 104.9], [11.5, 11.6], ["right", "left"]),
    # A point at the east edge is named on its left, never past the map's edge.
    (["Papua Nugini"], [141.0], [-6.0], ["left"]),
    # Two names on one spot: the smaller is left to its tooltip.
    (["A", "B", "C"], [100.0, 100.0, 100.0], [0.0, 0.0, 0.0], ["right", "left", None]),
])
def test_flow_map_labels_do_not_cover_each_other(names, lons, lats, expected):
    from builders.maps import label_sides

    points = pd.DataFrame({"tujuan_nama": names, "tujuan_lon": lons, "tujuan_lat": lats})
    assert label_sides(points, (40.0, 141.0)) == expected


@needs_geo
def test_english_prevention_map_speaks_english(provinces):
    """The Pencegahan maps (plotly) had Indonesian classes, "tidak ada data" and attribution in the English view."""
    from builders.prevention_charts import make_area_choropleth

    values = pd.DataFrame({"kode": ["35", "52", "11"], "nilai": [1234.5, 0.04, float("nan")], "jumlah": [4320, 2, 0]})
    fig = make_area_choropleth(provinces, values, title="Risk", value_label="Victims", count_label="Count", lang="en")
    trace = fig.data[0]
    text = " ".join(map(str, trace.colorbar.ticktext)) + " " + fig.layout.annotations[0].text
    assert "no data" in text and "tidak ada data" not in text and "Batas wilayah" not in text
    jatim = provinces.loc[provinces["kode"] == "35", "nama"].iloc[0]
    hover = {row[0]: list(row[1:]) for row in trace.customdata}
    assert hover[jatim] == ["1,234.5", "4,320"]


# --- geometry fetched from the app's route (issue 24) ------------------------------------------


def _map_script(m: folium.Map) -> str:
    from ui.cached import prepare_map

    return prepare_map(m)["script"]


@pytest.mark.parametrize("url", [None, "/batas/provinsi.geojson?v=abc"])
def test_a_choropleth_with_a_geometry_url_carries_values_not_shapes(provinces, url):
    values = pd.DataFrame({"kode": ["52", "35"], "jumlah": [10, 20], "populasi": [5e6, 4e7]})
    script = _map_script(make_choropleth_map(provinces, values, "rate", geometry_url=url))
    coordinates = re.findall(r"\[1\d\d\.\d+, -?\d+\.\d+\]", script)
    if url is None:
        assert coordinates and len(script) > 300_000 and "fetch(" not in script
        return
    assert not coordinates and len(script) < 20_000, "no shapes in the script: the browser fetches them once"
    assert f'fetch("{url}"' in script
    values_js = json.loads(re.search(r"var values = (\{.*?\});\n", script).group(1))
    assert set(values_js) == set(provinces["kode"].astype(str))  # every area, zero and no-data ones included
    assert values_js["52"] == {"nama": "Nusa Tenggara Barat", "jumlah_teks": "10", "rate_teks": "0,20"}
    assert values_js["11"]["jumlah_teks"] == "0" and values_js["11"]["rate_teks"] == NO_DATA_LABEL
    assert '_styler(feature) {\n            switch(feature.properties.kode)' in script  # styles by the served kode
    assert re.search(r'case "35":[^{]*return \{[^}]*"fillColor": "#', script)


def test_other_maps_fetch_their_outlines_too(provinces):
    from builders.capacity_map import make_capacity_map
    from builders.public_map import make_protected_map
    from domain.disclosure import DisclosureRules

    url = "/batas/provinsi.geojson?v=abc"
    units = pd.DataFrame({"kode_unit": ["U1"], "nama": ["Sentra A"], "tipe": ["sentra"], "lat": [-8.6], "lon": [116.1],
                          "kapasitas": [50], "penghuni": [40], "utilisasi": [0.8], "staf": [12]})
    flows = pd.DataFrame({"asal_nama": ["NTB"], "asal_lat": [-8.6], "asal_lon": [116.1], "tujuan_nama": ["Malaysia"],
                          "tujuan_lat": [3.1], "tujuan_lon": [101.7], "jumlah": [12]})
    published = pd.DataFrame({"kode": ["52"], "nilai": [20], "teks": [None]})
    for m in (make_capacity_map(units, provinces, geometry_url=url),
              make_flow_map(flows, basemap=provinces, basemap_url=url),
              make_protected_map(provinces, published, DisclosureRules(), geometry_url=url)):
        script = _map_script(m)
        assert f'fetch("{url}"' in script and len(script) < 40_000


@needs_geo
def test_legend_folds_and_the_attribution_keeps_clear_of_the_scale(provinces):
    """Issue 25: the legend covered half a phone's map and could not be put away; the attribution ran over the
    scale bar."""
    html = make_choropleth_map(provinces, _values(provinces), "rate").get_root().render()
    legend_html = json.loads(re.search(r'div\.innerHTML = ("(?:[^"\\]|\\.)*");', html).group(1))
    assert legend_html.startswith("<details open") and "<summary" in legend_html  # folds, open by default
    script = html[html.index("tppo-legend"):]
    assert "box.open = false" in script and f"map.getSize().x < {Legend.fold_below_px}" in script
    # Measured from the frame: 100% of Leaflet's corner box squeezed a short attribution to nothing (issue 25).
    assert ".leaflet-control-attribution { max-width: calc(100vw - 140px)" in html


def test_sankey_labels_have_room():
    """Issue 25: the Sankey's labels collided. Labels are centred on their nodes, whose centres lie at least pad
    apart: pad above the label height, and a height that leaves every node its pad and a share of the flow."""
    flows = pd.DataFrame({"asal_nama": [f"Provinsi {i}" for i in range(14)], "tujuan_nama": ["Malaysia", "Kamboja"] * 7,
                          "jumlah": [400 - 25 * i for i in range(14)]})
    fig = make_destination_sankey(flows)
    node, layout = fig.data[0].node, fig.layout
    assert node.pad >= layout.font.size + 4
    n = max(len(node.label) - 3, 3)  # the longer column: 12 provinces and "Provinsi lain"
    assert layout.height - layout.margin.t - layout.margin.b >= n * node.pad * 1.5
