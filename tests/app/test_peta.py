"""Peta Asal Korban: what the page's maps actually draw, drill-down, zeros, destinations, coverage, fallback."""

from __future__ import annotations

import json
import re

import pytest

from builders import theme
from tests.helpers import no_exception, open_page, texts

PAGE = "peta_asal_korban"
ALL_PROVINCES = {
    "11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36", "51", "52", "53",
    "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76", "81", "82", "91", "92", "93", "94", "95", "96",
}


def _maps(at) -> list[dict]:
    """The st_folium components on the page: their arguments, with the Leaflet script, and as `legend` the legend
    HTML the page shows below each map (issue 25: not over it)."""
    maps = [json.loads(el.proto.json_args) for el in at.get("component_instance")]
    legends = [el.proto.body for el in at.get("html") if "tppo-map-legend" in el.proto.body]
    assert len(legends) == len(maps), "every map has its legend below it"
    return [{**m, "legend": legend} for m, legend in zip(maps, legends)]


def _geojson(script: str) -> dict:
    """The FeatureCollection folium embeds in the map script as `<layer>_add({...});`."""
    start = script.index("_add({") + len("_add(")
    data, _ = json.JSONDecoder().raw_decode(script, start)
    return data


def _fills(script: str) -> dict[str, str]:
    """kode → fillColor from the styler's switch (folium groups equal styles under several cases)."""
    body = script[script.index("_styler(feature)"):]
    body = body[: body.index("\n        }\n")]
    fills, pending, default = {}, [], None
    for line in body.splitlines():
        pending += re.findall(r'case "([^"]+)":', line)
        if "default:" in line:
            pending.append(None)
        if m := re.search(r'"fillColor": "(#[0-9a-fA-F]{6})"', line):
            for kode in pending:
                if kode is None:
                    default = m.group(1)
                else:
                    fills[kode] = m.group(1)
            pending = []
    fills[None] = default
    return fills


def _fill(fills: dict, kode: str) -> str:
    return fills.get(kode, fills[None])


def _legend_title(legend: str) -> str:
    """The legend's title: the summary of its <details>."""
    return re.search(r"<summary[^>]*>(.+?)</summary>", legend).group(1)


def _origin_map(at) -> dict:
    """The origin choropleth: the first map on the page."""
    return _maps(at)[0]


def _props(script: str) -> dict[str, dict]:
    return {f["properties"]["kode"]: f["properties"] for f in _geojson(script)["features"]}


def test_national_map_draws_all_38_provinces_by_rate_with_a_text_alternative(app_env):
    at = open_page(PAGE)
    no_exception(at)
    origin = _origin_map(at)
    assert origin["returned_objects"] == ["last_active_drawing"]  # a click drills down
    props = _props(origin["script"])
    assert set(props) == ALL_PROVINCES
    assert _legend_title(origin["legend"]) == "Korban per 100.000 penduduk per tahun"  # the unit; rate is the default
    body = texts(at)
    assert "DATA CONTOH (sintetis)" in body
    assert re.search(r"Peta: provinsi dengan korban terbanyak: [^.]+\(\d", body)
    shown = at.dataframe[0].value
    assert list(shown.columns) == ["Peringkat", "Wilayah", "Jumlah korban", "Per 100.000 penduduk per tahun", "Porsi (%)"]
    assert len(shown) == 10
    downloads = [b.proto for b in at.get("download_button")]
    assert {d.label for d in downloads} == {"Unduh CSV", "Unduh Excel"}
    assert len(downloads) == 6  # origin table, flow table, underserved table: CSV and Excel each


def test_metric_toggle_switches_the_map_to_counts(app_env):
    at = open_page(PAGE)
    at.radio(key="peta_metrik").set_value("count").run()
    no_exception(at)
    origin = _origin_map(at)
    assert "Jumlah korban" in origin["script"] and "Korban per 100.000 penduduk" in origin["script"]  # tooltip
    legend = _legend_title(origin["legend"])
    assert legend == "Jumlah korban"
    assert at.session_state["peta_metrik"] == "count"


def test_province_without_victims_is_drawn_as_zero(app_env):
    # Organ removal is rare: under this filter most provinces have no victims at all.
    at = open_page(PAGE, state={"f_modus": ["pengambilan_organ"]})
    no_exception(at)
    script = _origin_map(at)["script"]
    props, fills = _props(script), _fills(script)
    assert set(props) == ALL_PROVINCES  # every province is drawn, with or without victims
    zero = [k for k, p in props.items() if p["jumlah_teks"] == "0"]
    assert 0 < len(zero) < 38
    for kode in zero:
        assert props[kode]["rate_teks"] == "0"  # population known, no victims: a real zero
        assert _fill(fills, kode) == theme.ZERO_FILL
    with_victims = [k for k in props if k not in zero]
    assert all(_fill(fills, k) in theme.SEQUENTIAL_5 for k in with_victims)


@pytest.mark.parametrize("how", ["state", "query"])
def test_drill_down_to_jawa_timur_shows_its_38_kabupaten_kota(app_env, how):
    at = open_page(PAGE, state={"f_drill": "35"}) if how == "state" else open_page(PAGE, query={"drill": "35"})
    no_exception(at)
    assert at.session_state["f_drill"] == "35"
    origin = _origin_map(at)
    props = _props(origin["script"])
    assert len(props) == 38 and all(k.startswith("35.") for k in props)
    assert "Kabupaten Lumajang" in {p["nama"] for p in props.values()}
    # Kab/kota population is unknown in the demo: the map shows counts, the rate reads "tidak ada data".
    legend = _legend_title(origin["legend"])
    assert legend == "Jumlah korban"
    assert {p["rate_teks"] for p in props.values()} == {"tidak ada data"}
    body = texts(at)
    assert "Asal korban di Jawa Timur per kabupaten/kota" in body
    assert "belum tersedia" in body
    shown = at.dataframe[0].value
    assert shown.iloc[-1]["Wilayah"] == "kab/kota tidak diketahui"  # never silently dropped
    # Issue 13.6: no column of "tidak ada data" on every row; the reason is said once instead.
    assert "Per 100.000 penduduk per tahun" not in shown.columns
    assert body.count("Jumlah penduduk kabupaten/kota belum tersedia") == 1


def _fit_bounds(script: str) -> list[list[float]]:
    """The [[south, west], [north, east]] the map fits itself to."""
    return json.loads(re.search(r"fitBounds\(\s*(\[\[.*?\]\])", script, re.S).group(1))


def test_drilling_into_a_province_zooms_the_map_to_it(app_env):
    """Issue 13.6: the drilled map fits the province, not all of Indonesia (where NTB is a speck)."""
    at = open_page(PAGE)
    (south, west), (north, east) = _fit_bounds(_origin_map(at)["script"])
    assert south < -10 and north > 5 and west < 96 and east > 140  # national view: all of Indonesia
    at.selectbox(key="peta_pilih_prov").set_value("52").run()
    no_exception(at)
    (south, west), (north, east) = _fit_bounds(_origin_map(at)["script"])
    # Nusa Tenggara Barat lies within about 9.2-8.0 S, 115.8-119.4 E.
    assert -9.5 < south < north < -7.5 and 115.5 < west < east < 119.6


def test_selectbox_drills_and_back_button_returns_to_the_national_view(app_env):
    at = open_page(PAGE)
    at.selectbox(key="peta_pilih_prov").set_value("52").run()
    no_exception(at)
    assert at.session_state["f_drill"] == "52"
    assert at.query_params["drill"] in ("52", ["52"])
    assert all(k.startswith("52.") for k in _props(_origin_map(at)["script"]))
    at.button(key="peta_kembali").click().run()
    no_exception(at)
    assert "f_drill" not in at.session_state or not at.session_state["f_drill"]
    assert "drill" not in at.query_params
    assert set(_props(_origin_map(at)["script"])) == ALL_PROVINCES


def test_unknown_drill_code_falls_back_to_the_national_map_with_a_message(app_env):
    at = open_page(PAGE, state={"f_drill": "99"})
    no_exception(at)
    assert "Provinsi '99' tidak dikenal" in texts(at)
    assert set(_props(_origin_map(at)["script"])) == ALL_PROVINCES


def _sankey_nodes(at) -> list[str]:
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    return spec["data"][0]["node"]["customdata"]


@pytest.mark.parametrize(
    ("modus", "expected", "not_expected"),
    [
        ("online_scam", {"Kamboja", "Myanmar"}, {"Arab Saudi"}),  # the Mekong scam compounds
        ("kerja_paksa", {"Malaysia", "Arab Saudi"}, set()),  # domestic and forced labour: incl. the Middle East
    ],
)
def test_destinations_follow_the_modus_filter(app_env, modus, expected, not_expected):
    at = open_page(PAGE, state={"f_modus": [modus]})
    no_exception(at)
    nodes = set(_sankey_nodes(at))
    assert expected <= nodes and not (not_expected & nodes)
    flow_map = _maps(at)[1]["script"]
    assert flow_map.count("L.polyline(") > 0 and "korban" in flow_map


def test_domestic_destinations_are_provinces(app_env):
    at = open_page(PAGE)
    at.radio(key="peta_tujuan_jenis").set_value("DN").run()
    no_exception(at)
    nodes = set(_sankey_nodes(at))
    assert "DKI Jakarta" in nodes and "Malaysia" not in nodes


def test_coverage_share_responds_to_the_distance(app_env):
    at = open_page(PAGE)
    no_exception(at)
    metrics = {m.label: m.value for m in at.metric}
    assert "Korban dari daerah > 300 km" in metrics
    coverage_map = _maps(at)[2]
    assert "Jangkauan unit layanan" in coverage_map["legend"] and "300 km" in coverage_map["legend"]
    assert any(d.value.columns[0] == "Wilayah" and "Unit terdekat" in d.value.columns for d in at.dataframe)
    at.number_input(key="peta_jarak_km").set_value(2000.0).run()
    no_exception(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Korban dari daerah > 2.000 km"] == "0,0%"
    assert "Tidak ada korban dari daerah lebih dari 2.000 km" in texts(at)


@pytest.mark.parametrize("state", [{}, {"f_drill": "35"}, {"f_modus": ["pengambilan_organ"]}])
def test_without_boundaries_the_page_falls_back_to_capital_points(app_env, monkeypatch, tmp_path, state):
    monkeypatch.setenv("TPPO_GEO_DIR", str(tmp_path))  # an existing but empty folder
    at = open_page(PAGE, state=state)
    no_exception(at)
    body = texts(at)
    assert "Analisis jangkauan memerlukan" in body
    if state.get("f_drill"):
        assert "peta kabupaten/kota tidak dapat digambar" in body
        assert at.dataframe[0].value.iloc[-1]["Wilayah"] == "kab/kota tidak diketahui"
        return
    assert "Berkas batas wilayah tidak tersedia" in body
    origin = _origin_map(at)
    script = origin["script"]
    assert "_add({" not in script  # no polygons
    assert script.count("L.circleMarker(") == 38  # one point per province, zeros included
    assert "Titik di ibu kota provinsi" in origin["legend"]


def test_english_view_runs(app_env):
    at = open_page(PAGE, state={"lang": "en"})
    no_exception(at)
    assert at.title[0].value == "Victim Origins Map"
    assert "Map: provinces with the most victims: " in texts(at)


def test_rate_kpi_uses_the_population_of_the_filtered_provinces(app_env):
    at = open_page(PAGE, state={"f_prov": ["52"]})
    no_exception(at)
    metrics = {m.label: m.value for m in at.metric}
    victims = int(metrics["Korban ditangani"].replace(".", ""))
    # NTB alone: its victims over its own population, the same figure as NTB's row in the table.
    ntb = at.dataframe[0].value.set_index("Wilayah").loc["Nusa Tenggara Barat"]
    assert int(ntb["Jumlah korban"].replace(".", "")) == victims
    assert metrics["Per 100.000 penduduk per tahun"] == ntb["Per 100.000 penduduk per tahun"]


def test_rates_are_per_year_whatever_the_period(app_env):
    """6 months read 0,31 and 31 months 1,5 for the same pace before: rates are now annualised (issue 11)."""
    from domain.map_values import fmt_rate

    at = open_page(PAGE, state={"f_prov": ["52"], "f_start": "2024-01", "f_end": "2024-06"})
    no_exception(at)
    metrics = {m.label: m.value for m in at.metric}
    victims = int(metrics["Korban ditangani"].replace(".", ""))
    population = get_population("52")
    assert metrics["Per 100.000 penduduk per tahun"] == fmt_rate(victims / population * 100_000 * 12 / 6)
    assert "korban Jan–Jun 2024 (6 bulan) dibagi penduduk, disetahunkan" in texts(at)


def test_no_rate_with_a_sex_filter(app_env):
    at = open_page(PAGE, state={"f_jk": ["P"]})
    no_exception(at)
    assert "Per 100.000 penduduk per tahun" not in {m.label for m in at.metric}
    assert "penyebutnya harus penduduk kelompok yang sama" in texts(at)


def get_population(kode: str) -> float:
    from data_access.engine import connect
    from data_access.reference import query_regions

    with connect() as conn:
        regions = query_regions(conn, 1, None)
    return float(regions.set_index("kode").loc[kode, "populasi"])


def test_top_areas_table_fits_beside_the_map_at_1366_px(app_env):
    """Issue 25: in the NTB drill the table showed "Kabupaten Lombok" three times under "Peringk" and "Jumlah
    korba". Names drop the repeated "Kabupaten", headers are short with the full label as help."""
    import json

    at = open_page(PAGE, state={"f_drill": "52"})
    no_exception(at)
    table = at.dataframe[0]
    names = list(table.value.iloc[:, 1])
    assert "Lombok Tengah" in names and "Kota Bima" in names and "Bima" in names
    assert not any(name.startswith("Kabupaten ") for name in names)
    config = {column: spec for column, spec in json.loads(table.proto.columns).items() if column != "_index"}
    for column, spec in config.items():
        # ~7 px a character plus padding and the sort arrow must fit the fixed width
        assert len(spec["label"]) * 7 + 22 <= spec["width"] or spec["width"] >= 110, (column, spec)
        assert spec["help"] == column
