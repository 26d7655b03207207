"""Pure folium builders (data in, folium.Map out) for victims' origins, service units, flows and coverage."""

from __future__ import annotations

import math
from typing import Literal

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from builders import theme
from builders.folium_kit import (
    INDONESIA_BOUNDS,
    Attribution,
    FetchedGeoJson,
    Legend,
    VectorBatch,
    base_map,
    escape_html,
    swatch_row,
)
from domain.geo import DEFAULT_THRESHOLD_KM
from domain.map_values import ABROAD
from domain.rates import (
    NO_DATA_CLASS,
    ZERO_CLASS,
    Classification,
    Scheme,
    classify,
    format_number,
    format_rate,
    no_data_label,
    rate_per_100k,
)
from strings import DEFAULT_LANG, tr

Metric = Literal["rate", "count"]

# MIT asks for the notice wherever the boundary data is shown or shipped.
BOUNDARY_ATTRIBUTION = tr("map.attribution")  # in the default language; tr("map.attribution", lang) for another
METRICS: tuple[str, ...] = ("rate", "count")
COORD_DECIMALS = 4  # ~11 m, the precision of the boundary files; more digits only add bytes
FILL_OPACITY = 0.85


# --- choropleth -------------------------------------------------------------------------------


def join_values(boundaries: gpd.GeoDataFrame, values: pd.DataFrame) -> gpd.GeoDataFrame:
    """Every boundary feature with its jumlah (int, 0 when absent), populasi and rate (NaN when unknown).

    values: kode, jumlah, and populasi and/or rate. A feature missing from values has no victims
    under the filters (jumlah 0) but also no known population, so its rate is NaN, never 0. Rows of
    values whose kode is not a boundary are ignored; if none match, the codes are in the wrong form
    and ValueError is raised rather than drawing a map of zeros.
    """
    if "kode" not in values.columns or "jumlah" not in values.columns:
        raise ValueError("values harus memiliki kolom kode dan jumlah")
    vals = values.assign(kode=values["kode"].astype(str)).drop_duplicates("kode", keep="last")
    if "populasi" not in vals.columns:
        vals = vals.assign(populasi=np.nan)
    if "rate" not in vals.columns:
        vals = vals.assign(rate=rate_per_100k(vals["jumlah"], vals["populasi"]))
    kode = boundaries["kode"].astype(str)
    if len(vals) and not vals["kode"].isin(set(kode)).any():
        raise ValueError("tidak ada kode pada values yang cocok dengan batas wilayah (periksa format kode)")
    joined = boundaries[["kode", "nama", "geometry"]].assign(kode=kode).merge(
        vals[["kode", "jumlah", "populasi", "rate"]], on="kode", how="left"
    )
    joined["jumlah"] = pd.to_numeric(joined["jumlah"]).fillna(0).astype("int64")
    joined["populasi"] = pd.to_numeric(joined["populasi"]).astype(float)
    joined["rate"] = pd.to_numeric(joined["rate"]).astype(float)
    return gpd.GeoDataFrame(joined, geometry="geometry", crs=boundaries.crs)


def feature_collection(gdf: gpd.GeoDataFrame, properties: pd.DataFrame) -> dict:
    """A GeoJSON FeatureCollection with only the given properties and coordinates rounded to 4 decimals."""
    rounded = shapely.transform(gdf.geometry.values, lambda xy: np.round(xy, COORD_DECIMALS))
    records = properties.to_dict(orient="records")
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": props, "geometry": shapely.geometry.mapping(geom)}
            for props, geom in zip(records, rounded)
        ],
    }


def boundary_layer(gdf: gpd.GeoDataFrame, properties: pd.DataFrame, geometry_url: str | None = None,
                   lang: str = DEFAULT_LANG, **kwargs) -> folium.GeoJson:
    """A GeoJson layer of boundary areas with the given properties (a `kode` column among them).

    With geometry_url (ui.boundary_route.boundary_url of the same boundary set) the browser fetches the shapes
    once and the map carries only the properties; without it (exports, `streamlit run app.py`) they are inline.
    """
    if geometry_url:
        return FetchedGeoJson(properties.reset_index(drop=True), geometry_url,
                              error_text=tr("map.boundaries_failed", lang), **kwargs)
    return folium.GeoJson(feature_collection(gdf, properties), **kwargs)


def class_fills(n_classes: int) -> tuple[str, ...]:
    """Fill colours for positive classes 1..n: the darker end of the sequential palette when n < 5.

    The darker end keeps few classes clearly apart from ZERO_FILL, which is nearly the lightest shade.
    """
    if not 0 <= n_classes <= len(theme.SEQUENTIAL_5):
        raise ValueError(f"paling banyak {len(theme.SEQUENTIAL_5)} kelas, bukan {n_classes}")
    return theme.SEQUENTIAL_5[len(theme.SEQUENTIAL_5) - n_classes:]


def class_fill(classification: Classification, cls: int) -> str:
    """Fill colour of one class index: NO_DATA_FILL, ZERO_FILL or a sequential shade."""
    if cls == NO_DATA_CLASS:
        return theme.NO_DATA_FILL
    if cls == ZERO_CLASS:
        return theme.ZERO_FILL
    return class_fills(classification.n_classes)[cls - 1]


def make_choropleth_map(
    boundaries: gpd.GeoDataFrame,
    values: pd.DataFrame,
    metric: Metric,
    *,
    k: int = theme.DEFAULT_CLASSES,
    scheme: Scheme = "quantiles",
    tiles: str | None = None,
    tiles_attribution: str | None = None,
    zoom_to_data: bool = False,
    geometry_url: str | None = None,
    lang: str = DEFAULT_LANG,
) -> folium.Map:
    """Classed choropleth of victims by area: every boundary drawn, zero and "tidak ada data" kept apart.

    zoom_to_data fits the view to the given boundaries (a drilled-down province) instead of all of Indonesia.
    geometry_url: where the browser fetches these boundaries (boundary_layer); None puts them inline.

    boundaries: kode, nama, geometry (data_access.boundaries). values: kode, nama, jumlah, populasi,
    rate. metric "rate" maps victims per 100,000 population, "count" the number of victims; the
    tooltip shows both. Names come from the boundaries. Each feature's properties are kode, nama
    (html-escaped), jumlah_teks, rate_teks (display strings); with st_folium a click comes back as
    result["last_active_drawing"]["properties"]["kode"].
    """
    if metric not in METRICS:
        raise ValueError(f"metric harus 'rate' atau 'count', bukan {metric!r}")
    if not 1 <= k <= len(theme.SEQUENTIAL_5):
        raise ValueError(f"k harus 1..{len(theme.SEQUENTIAL_5)}, bukan {k}")
    data = join_values(boundaries, values)
    classification = classify(data["rate" if metric == "rate" else "jumlah"], k=k, scheme=scheme, lang=lang)
    classes = classification.index.to_numpy()

    properties = pd.DataFrame(
        {
            "kode": data["kode"],
            # GeoJsonTooltip puts property values into innerHTML unescaped.
            "nama": data["nama"].map(escape_html),
            "jumlah_teks": data["jumlah"].map(lambda v: format_number(v, lang=lang)),
            "rate_teks": data["rate"].map(lambda v: format_rate(v, lang)),
        }
    )
    fills = dict(zip(data["kode"], (class_fill(classification, c) for c in classes)))

    def style(feature: dict) -> dict:
        return {
            "fillColor": fills[feature["properties"]["kode"]],
            "fillOpacity": FILL_OPACITY,
            "color": theme.BORDER,
            "weight": 0.5,
        }

    fields = ["nama", "rate_teks", "jumlah_teks"] if metric == "rate" else ["nama", "jumlah_teks", "rate_teks"]
    aliases = {"nama": tr("map.area", lang), "jumlah_teks": tr("map.metric.count", lang),
               "rate_teks": tr("map.metric.rate", lang)}
    bounds = _data_bounds(data) if zoom_to_data and len(data) else INDONESIA_BOUNDS
    m = base_map(tiles, tiles_attribution, bounds, lang=lang)
    boundary_layer(
        data, properties, geometry_url, lang,
        name=tr(f"map.metric.{metric}", lang),
        style_function=style,
        highlight_function=lambda _feature: {"weight": 2.5, "color": "#000000"},
        tooltip=folium.GeoJsonTooltip(fields=fields, aliases=[aliases[f] for f in fields], sticky=True),
        control=False,
    ).add_to(m)

    present = set(classes.tolist())
    rows = [
        swatch_row("fill", class_fill(classification, c), classification.labels[c])
        for c in range(classification.n_classes, 0, -1)  # darkest (largest) on top
    ]
    if ZERO_CLASS in present:
        rows.append(swatch_row("fill", theme.ZERO_FILL, "0"))
    if NO_DATA_CLASS in present:
        rows.append(swatch_row("fill", theme.NO_DATA_FILL, no_data_label(lang)))
    note = tr(f"map.scheme.{scheme}", lang) if classification.n_classes > 1 else None
    Legend(tr(f"map.metric.{metric}", lang), rows, note).add_to(m)
    Attribution(tr("map.attribution", lang)).add_to(m)
    return m


# --- points (no boundaries) -------------------------------------------------------------------


def make_point_map(
    points: pd.DataFrame,
    metric: Metric,
    *,
    k: int = theme.DEFAULT_CLASSES,
    scheme: Scheme = "quantiles",
    note: str | None = None,
    max_radius_px: float = 20.0,
    min_radius_px: float = 4.0,
    tiles: str | None = None,
    tiles_attribution: str | None = None,
    lang: str = DEFAULT_LANG,
) -> folium.Map:
    """The choropleth's stand-in when no boundary file is available: one circle per area at its point.

    points: kode, nama, lat, lon, jumlah, and populasi and/or rate (domain.map_values.fallback_points).
    Circle area grows with the number of victims; the fill uses the same classes and colours as the
    choropleth (zero and "tidak ada data" kept apart), so an area without victims is still drawn,
    as zero. Areas without a point cannot be drawn; the legend says how many. note is added to the legend.
    """
    if metric not in METRICS:
        raise ValueError(f"metric harus 'rate' atau 'count', bukan {metric!r}")
    _require(points, ("kode", "nama", "lat", "lon", "jumlah"), "points")
    data = points.copy()
    data["jumlah"] = pd.to_numeric(data["jumlah"]).fillna(0).astype("int64")
    if "rate" not in data.columns:
        populasi = data["populasi"] if "populasi" in data.columns else pd.Series(np.nan, index=data.index)
        data["rate"] = rate_per_100k(data["jumlah"], populasi)
    data["rate"] = pd.to_numeric(data["rate"]).astype(float)
    classification = classify(data["rate" if metric == "rate" else "jumlah"], k=k, scheme=scheme, lang=lang)
    data["kelas"] = classification.index
    placed = data.dropna(subset=["lat", "lon"])
    radii = _sqrt_scale(placed["jumlah"].astype(float), min_radius_px, max_radius_px)

    m = base_map(tiles, tiles_attribution, lang=lang)
    for i in placed["jumlah"].sort_values(ascending=False, kind="mergesort").index:
        area = placed.loc[i]
        lines = [
            f"<b>{escape_html(area['nama'])}</b>",
            f"{tr('map.metric.count', lang)}: {format_number(area['jumlah'], lang=lang)}",
            f"{tr('map.metric.rate', lang)}: {format_rate(area['rate'], lang)}",
        ]
        if metric == "rate":
            lines[1], lines[2] = lines[2], lines[1]
        folium.CircleMarker(
            location=(float(area["lat"]), float(area["lon"])),
            radius=float(radii[i]),
            color=theme.BORDER,
            weight=0.8,
            fill=True,
            fill_color=class_fill(classification, int(area["kelas"])),
            fill_opacity=FILL_OPACITY,
            tooltip=folium.Tooltip("<br>".join(lines)),
        ).add_to(m)

    present = set(data["kelas"].tolist())
    rows = [
        swatch_row("circle", class_fill(classification, c), classification.labels[c])
        for c in range(classification.n_classes, 0, -1)
    ]
    if ZERO_CLASS in present:
        rows.append(swatch_row("circle", theme.ZERO_FILL, "0"))
    if NO_DATA_CLASS in present:
        rows.append(swatch_row("circle", theme.NO_DATA_FILL, no_data_label(lang)))
    notes = [tr(f"map.scheme.{scheme}", lang)] if classification.n_classes > 1 else []
    notes.append(tr("map.circle_victims", lang))
    skipped = len(data) - len(placed)
    if skipped:
        notes.append(tr("map.no_coordinates", lang, n=format_number(skipped, lang=lang)))
    if note:
        notes.append(note)
    Legend(tr(f"map.metric.{metric}", lang), rows, " · ".join(notes)).add_to(m)
    return m


# --- service units ----------------------------------------------------------------------------


def utilisation_band(utilisasi: float, lang: str = DEFAULT_LANG) -> tuple[str, str]:
    """(colour, label) of a unit's utilisation; exactly full (1.0) is "90–100%", not over capacity."""
    if utilisasi is None or pd.isna(utilisasi):
        return theme.NO_DATA_FILL, no_data_label(lang)
    for upper, colour, key in theme.UTILISATION_BANDS:
        if utilisasi < upper or (upper == 1.0 and utilisasi == 1.0):
            return colour, tr(key, lang)
    return theme.UTILISATION_BANDS[-1][1], tr(theme.UTILISATION_BANDS[-1][2], lang)


def make_unit_map(
    units: pd.DataFrame,
    *,
    max_radius_px: float = 18.0,
    min_radius_px: float = 4.0,
    tiles: str | None = None,
    tiles_attribution: str | None = None,
    lang: str = DEFAULT_LANG,
) -> folium.Map:
    """Service units as circles: area proportional to capacity, colour by utilisation band.

    units: kode_unit, nama, tipe, lat, lon, kapasitas, penghuni, utilisasi (0..n, 1.0 = full), staf.
    Units without coordinates cannot be drawn; the legend says how many were left out.
    """
    _require(units, ("kode_unit", "nama", "tipe", "lat", "lon", "kapasitas", "penghuni", "utilisasi", "staf"), "units")
    placed = units.dropna(subset=["lat", "lon"])
    kapasitas = pd.to_numeric(placed["kapasitas"]).astype(float)
    radii = _sqrt_scale(kapasitas, min_radius_px, max_radius_px)

    m = base_map(tiles, tiles_attribution, lang=lang)
    # Largest first, so small units are drawn on top and stay clickable.
    for i in kapasitas.fillna(0).sort_values(ascending=False, kind="mergesort").index:
        unit = placed.loc[i]
        colour, band = utilisation_band(unit["utilisasi"], lang)
        folium.CircleMarker(
            location=(float(unit["lat"]), float(unit["lon"])),
            radius=float(radii[i]),
            color="#ffffff",
            weight=1,
            fill=True,
            fill_color=colour,
            fill_opacity=0.85,
            tooltip=folium.Tooltip(escape_html(unit["nama"])),
            popup=folium.Popup(_unit_popup(unit, band, lang), max_width=320),
        ).add_to(m)

    rows = [swatch_row("circle", colour, tr(key, lang)) for _, colour, key in theme.UTILISATION_BANDS]
    if placed["utilisasi"].isna().any():
        rows.append(swatch_row("circle", theme.NO_DATA_FILL, no_data_label(lang)))
    note = tr("map.units.circle", lang)
    skipped = len(units) - len(placed)
    if skipped:
        note += " " + tr("map.units.no_coordinates", lang, n=format_number(skipped, lang=lang))
    Legend(tr("map.units.title", lang), rows, note).add_to(m)
    return m


def _unit_popup(unit: pd.Series, band: str, lang: str) -> str:
    utilisasi = unit["utilisasi"]
    util_text = no_data_label(lang) if pd.isna(utilisasi) else f"{format_number(utilisasi * 100, lang=lang)}% ({band})"
    rows = [
        (tr("map.units.type", lang), escape_html(unit["tipe"])),
        (tr("map.units.capacity", lang), format_number(unit["kapasitas"], lang=lang)),
        (tr("map.units.residents", lang), format_number(unit["penghuni"], lang=lang)),
        (tr("map.units.utilisation", lang), escape_html(util_text)),
        (tr("map.units.staff", lang), format_number(unit["staf"], lang=lang)),
    ]
    body = "".join(
        f'<tr><th style="text-align:left;padding-right:8px">{k}</th><td>{v}</td></tr>' for k, v in rows
    )
    return f"<b>{escape_html(unit['nama'])}</b><table>{body}</table>"


# --- flows ------------------------------------------------------------------------------------


# Flow map furniture: land drawn plain so the lines and labels carry the meaning; labels readable over lines.
FLOW_BASEMAP_STYLE = {"fillColor": "#ffffff", "color": "#9e9e9e", "weight": 0.6, "fillOpacity": 1.0}
FLOW_LABEL_STYLE = ("font:600 12px/16px Source Sans Pro, Arial, sans-serif;color:#1f2d3d;white-space:nowrap;"
                    "text-shadow:0 0 3px #fff,0 0 3px #fff,0 0 3px #fff")


LABEL_BOX_PX, LABEL_CHAR_PX, MAP_WIDTH_PX = 160, 7.0, 450.0


def label_sides(points: pd.DataFrame, lon_span: tuple[float, float]) -> list[str | None]:
    """For destination names in order of size: "right" or "left" of the point, or None when both would cover an
    earlier name or leave the map. Positions in pixels are estimated for a map about MAP_WIDTH_PX wide that
    shows lon_span (the flow map fits its bounds), with a Mercator-free degree scale: good enough to keep
    neighbours such as Saudi Arabia and the Emirates apart."""
    west, east = lon_span
    scale = MAP_WIDTH_PX / max(east - west, 1e-6)
    placed: list[tuple[float, float, float, float]] = []
    sides: list[str | None] = []
    for _, point in points.iterrows():
        x, y = (point["tujuan_lon"] - west) * scale, -point["tujuan_lat"] * scale
        width = len(str(point["tujuan_nama"])) * LABEL_CHAR_PX
        chosen = None
        for side in ("right", "left"):
            x0 = x + 6 if side == "right" else x - 6 - width
            box = (x0, y - 8, x0 + width, y + 8)
            inside = 0 <= box[0] and box[2] <= MAP_WIDTH_PX
            clear = all(box[2] <= b[0] or b[2] <= box[0] or box[3] <= b[1] or b[3] <= box[1] for b in placed)
            if inside and clear:
                chosen = side
                placed.append(box)
                break
        sides.append(chosen)
    return sides


def make_flow_map(
    flows: pd.DataFrame,
    *,
    max_weight_px: float = 12.0,
    min_weight_px: float = 1.5,
    tiles: str | None = None,
    tiles_attribution: str | None = None,
    basemap: gpd.GeoDataFrame | None = None,
    basemap_url: str | None = None,
    countries_url: str | None = None,
    labelled: int = 8,
    lang: str = DEFAULT_LANG,
) -> folium.Map:
    """Lines from origin to destination, width by victims (square-root scale), with tooltips.

    flows: asal_nama, asal_lat, asal_lon, tujuan_nama, tujuan_lat, tujuan_lon, jumlah. Repeated
    pairs are summed; pairs without coordinates or victims are left out. The view covers Indonesia
    and every destination. basemap (the offline province outlines) is drawn under the lines, so they do not
    float in empty space without tiles; the `labelled` largest destinations carry their name on the map.
    basemap_url: where the browser fetches the basemap's shapes (boundary_layer); None puts them inline.
    countries_url: the vendored country outlines (builders.country_shapes.country_shapes_url); the browser fetches
    them and draws the destination countries (flows' tujuan_kode abroad) as land, not dots on a blank background.
    """
    keys = ["asal_nama", "asal_lat", "asal_lon", "tujuan_nama", "tujuan_lat", "tujuan_lon"]
    _require(flows, (*keys, "jumlah"), "flows")
    pairs = (
        flows.dropna(subset=keys)
        .groupby(keys, as_index=False, sort=False)["jumlah"]
        .sum()
        .query("jumlah > 0")
        .sort_values("jumlah", kind="mergesort")  # thickest drawn last, on top
        .reset_index(drop=True)
    )
    weights = _sqrt_scale(pairs["jumlah"].astype(float), min_weight_px, max_weight_px)

    (south, west), (north, east) = INDONESIA_BOUNDS
    lats = [south, north, *pairs["asal_lat"], *pairs["tujuan_lat"]]
    lons = [west, east, *pairs["asal_lon"], *pairs["tujuan_lon"]]
    m = base_map(tiles, tiles_attribution, bounds=((min(lats), min(lons)), (max(lats), max(lons))), lang=lang)
    if basemap is not None and len(basemap):
        boundary_layer(
            basemap, basemap[["kode"]].astype(str), basemap_url, lang,
            name="basemap",
            style_function=lambda _: FLOW_BASEMAP_STYLE,
            control=False,
        ).add_to(m)
    abroad = flows[flows["tujuan_jenis"] == ABROAD] if {"tujuan_jenis", "tujuan_kode"} <= set(flows.columns) else None
    if countries_url and abroad is not None and len(abroad):
        FetchedGeoJson(pd.DataFrame({"kode": sorted(abroad["tujuan_kode"].dropna().astype(str).unique())}),
                       countries_url, error_text=tr("map.boundaries_failed", lang), name="negara_tujuan",
                       style_function=lambda _: FLOW_BASEMAP_STYLE, control=False).add_to(m)
    lines = VectorBatch("polyline", sticky=True)
    line_style = {"color": theme.FLOW_LINE, "opacity": 0.6}
    for i, flow in pairs.iterrows():
        text = (
            f"{escape_html(flow['asal_nama'])} → {escape_html(flow['tujuan_nama'])}: "
            + tr("map.flow.victims", lang, n=format_number(flow["jumlah"], lang=lang))
        )
        lines.add([(flow["asal_lat"], flow["asal_lon"]), (flow["tujuan_lat"], flow["tujuan_lon"])], weights[i],
                  line_style, [text])
    lines.add_to(m)
    for side, colour in (("asal", theme.FLOW_LINE), ("tujuan", theme.UNIT_MARKER)):
        totals = pairs.groupby([f"{side}_nama", f"{side}_lat", f"{side}_lon"], as_index=False)["jumlah"].sum()
        ends = VectorBatch("circleMarker")
        for point in totals.itertuples(index=False):
            ends.add((point[1], point[2]), 3, {"color": colour, "fill": True, "fillOpacity": 1.0},
                     [f"{escape_html(point[0])}: " + tr("map.flow.victims", lang, n=format_number(point[3], lang=lang))])
        ends.add_to(m)
        if side == "tujuan":
            top_points = totals.nlargest(labelled, "jumlah", keep="first")
            span = (min(lons), max(lons))
            for (_, point), anchor in zip(top_points.iterrows(), label_sides(top_points, span)):
                if anchor is None:
                    continue  # would cover a larger destination's name; its tooltip still names it
                label = f'<div style="{FLOW_LABEL_STYLE}{anchor == "left" and ";text-align:right" or ""}">' \
                        f'{escape_html(point["tujuan_nama"])}</div>'
                folium.Marker(
                    location=(point["tujuan_lat"], point["tujuan_lon"]),
                    icon=folium.DivIcon(html=label, icon_size=(LABEL_BOX_PX, 16),
                                        icon_anchor=(-6, 8) if anchor == "right" else (LABEL_BOX_PX + 6, 8),
                                        class_name="tppo-flow-label"),
                    interactive=False, keyboard=False,  # a name on the map, not a stop for the Tab key
                ).add_to(m)

    rows = []
    if len(pairs):
        top = float(pairs["jumlah"].max())
        for value in sorted({top, _round_nice(top / 4)}, reverse=True):
            if value > 0:
                width = float(_sqrt_scale(pd.Series([value]), min_weight_px, max_weight_px, top=top)[0])
                label = tr("map.flow.victims", lang, n=format_number(value, lang=lang))
                rows.append(swatch_row("line", theme.FLOW_LINE, label, width))
    Legend(tr("map.flow.title", lang), rows, tr("map.flow.note", lang)).add_to(m)
    return m


# --- coverage ---------------------------------------------------------------------------------


def make_coverage_layer(
    origins: pd.DataFrame,
    units: pd.DataFrame,
    threshold_km: float = DEFAULT_THRESHOLD_KM,
    *,
    name: str | None = None,
    max_radius_px: float = 16.0,
    min_radius_px: float = 3.0,
    lang: str = DEFAULT_LANG,
) -> folium.FeatureGroup:
    """Units with a threshold_km circle, and victims' origins sized by victims and coloured near/far.

    origins: kode, nama, lat, lon, jumlah, jarak_km (from domain.geo.nearest_unit), optionally
    kode_unit_terdekat. units: kode_unit, nama, lat, lon. An origin is far when jarak_km > threshold_km;
    an unknown distance is drawn grey. Add the layer to any map (e.g. a choropleth).
    """
    _require(origins, ("kode", "nama", "lat", "lon", "jumlah", "jarak_km"), "origins")
    _require(units, ("kode_unit", "nama", "lat", "lon"), "units")
    layer = folium.FeatureGroup(name=name or tr("map.coverage.title", lang), control=False)
    placed_units = units.dropna(subset=["lat", "lon"])
    unit_names = dict(zip(placed_units["kode_unit"].astype(str), placed_units["nama"]))
    # Leaflet draws metre radii on the Mercator plane: close enough at Indonesia's latitudes.
    reach = VectorBatch("circle")
    unit_dots = VectorBatch("circleMarker", (tr("map.coverage.unit", lang, nama="{}"),))
    reach_style = {"color": theme.UNIT_MARKER, "weight": 0.6, "dashArray": "4 4", "fill": True,
                   "fillColor": theme.COVERAGE_NEAR, "fillOpacity": 0.05, "interactive": False}
    dot_style = {"color": "#ffffff", "weight": 1, "fill": True, "fillColor": theme.UNIT_MARKER, "fillOpacity": 1.0}
    for unit in placed_units.itertuples():
        location = (unit.lat, unit.lon)
        reach.add(location, threshold_km * 1000.0, reach_style)
        unit_dots.add(location, 4, dot_style, [escape_html(unit.nama)])

    placed = origins.dropna(subset=["lat", "lon"])
    jumlah = pd.to_numeric(placed["jumlah"]).fillna(0).astype(float)
    radii = _sqrt_scale(jumlah, min_radius_px, max_radius_px)
    points = VectorBatch("circleMarker", (
        "<b>{}</b>",
        f"{tr('map.metric.count', lang)}: {{}}",
        tr("map.coverage.distance", lang, jarak="{}"),
        tr("map.coverage.nearest", lang, nama="{}"),
    ))
    nearest_of = placed["kode_unit_terdekat"].astype(str) if "kode_unit_terdekat" in placed.columns else None
    for i in jumlah.sort_values(ascending=False, kind="mergesort").index:
        jarak = placed.at[i, "jarak_km"]
        colour = (
            theme.NO_DATA_FILL if pd.isna(jarak)
            else theme.COVERAGE_FAR if jarak > threshold_km
            else theme.COVERAGE_NEAR
        )
        nearest = None if nearest_of is None else unit_names.get(nearest_of.at[i])
        points.add(
            (placed.at[i, "lat"], placed.at[i, "lon"]), radii[i],
            {"color": "#ffffff", "weight": 1, "fill": True, "fillColor": colour, "fillOpacity": 0.85},
            [escape_html(placed.at[i, "nama"]), format_number(placed.at[i, "jumlah"], lang=lang), _format_km(jarak, lang),
             None if nearest is None else escape_html(nearest)],
        )
    for batch in (reach, unit_dots, points):
        batch.add_to(layer)
    return layer


def make_coverage_map(
    origins: pd.DataFrame,
    units: pd.DataFrame,
    threshold_km: float = DEFAULT_THRESHOLD_KM,
    *,
    tiles: str | None = None,
    tiles_attribution: str | None = None,
    lang: str = DEFAULT_LANG,
) -> folium.Map:
    """Coverage layer on its own map, with a legend stating the distance threshold."""
    m = base_map(tiles, tiles_attribution, lang=lang)
    make_coverage_layer(origins, units, threshold_km, lang=lang).add_to(m)
    km = format_number(threshold_km, lang=lang)
    rows = [
        swatch_row("circle", theme.COVERAGE_FAR, tr("map.coverage.far", lang, km=km)),
        swatch_row("circle", theme.COVERAGE_NEAR, tr("map.coverage.near", lang, km=km)),
        swatch_row("circle", theme.UNIT_MARKER, tr("map.coverage.units", lang)),
    ]
    if origins["jarak_km"].isna().any():
        rows.append(swatch_row("circle", theme.NO_DATA_FILL, tr("map.coverage.unknown", lang)))
    Legend(tr("map.coverage.title", lang), rows, tr("map.coverage.note", lang)).add_to(m)
    return m


# --- shared pieces ----------------------------------------------------------------------------


def _data_bounds(gdf: gpd.GeoDataFrame) -> tuple[tuple[float, float], tuple[float, float]]:
    west, south, east, north = (round(float(v), COORD_DECIMALS) for v in gdf.total_bounds)
    return (south, west), (north, east)


def _sqrt_scale(values: pd.Series, smallest: float, largest: float, top: float | None = None) -> pd.Series:
    """Sizes whose square grows with the value (areas for circles); missing or zero → smallest."""
    values = values.astype(float)
    top = float(values.max()) if top is None and len(values) else top
    if not top or not np.isfinite(top) or top <= 0:
        return pd.Series(smallest, index=values.index)
    scaled = largest * np.sqrt(values.clip(lower=0).fillna(0) / top)
    return scaled.clip(lower=smallest)


def _round_nice(x: float) -> float:
    if x <= 0:
        return 0.0
    magnitude = 10 ** math.floor(math.log10(x))
    return float(round(x / magnitude) * magnitude)


def _format_km(jarak: float, lang: str) -> str:
    if pd.isna(jarak):
        return no_data_label(lang)
    if np.isinf(jarak):
        return tr("map.coverage.no_unit", lang)
    return f"{format_number(jarak, lang=lang)} km"


def _require(df: pd.DataFrame, columns: tuple[str, ...], name: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"{name} tidak memiliki kolom: {', '.join(missing)}")
