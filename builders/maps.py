"""Pure folium builders (data in, folium.Map out) for victims' origins, service units, flows and coverage."""

from __future__ import annotations

import html
import math
from typing import Literal

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from branca.element import MacroElement
from folium.template import Template

from builders import theme
from builders.offline_assets import IconImagePath
from domain.geo import DEFAULT_THRESHOLD_KM
from domain.rates import (
    NO_DATA_CLASS,
    NO_DATA_LABEL,
    ZERO_CLASS,
    Classification,
    Scheme,
    classify,
    format_number,
    format_rate,
    rate_per_100k,
)

Metric = Literal["rate", "count"]

# (south, west), (north, east) of the boundary files (PROVENANCE.md), rounded outwards.
INDONESIA_BOUNDS: tuple[tuple[float, float], tuple[float, float]] = ((-11.01, 95.01), (6.08, 141.03))
INDONESIA_CENTER: tuple[float, float] = (-2.5, 118.0)
# MIT asks for the notice wherever the boundary data is shown or shipped.
BOUNDARY_ATTRIBUTION = "Batas wilayah © 2024 Cahya DSN (cahyadsn/wilayah_boundaries), MIT"
METRIC_TITLES: dict[str, str] = {"rate": "Korban per 100.000 penduduk per tahun", "count": "Jumlah korban"}
SCHEME_NOTES: dict[str, str] = {
    "quantiles": "kelas kuantil",
    "fisher_jenks": "kelas Jenks (Fisher)",
    "natural_breaks": "kelas Jenks (Fisher)",
}
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
) -> folium.Map:
    """Classed choropleth of victims by area: every boundary drawn, zero and "tidak ada data" kept apart.

    zoom_to_data fits the view to the given boundaries (a drilled-down province) instead of all of Indonesia.

    boundaries: kode, nama, geometry (data_access.boundaries). values: kode, nama, jumlah, populasi,
    rate. metric "rate" maps victims per 100,000 population, "count" the number of victims; the
    tooltip shows both. Names come from the boundaries. Each feature's properties are kode, nama
    (html-escaped), jumlah_teks, rate_teks (display strings); with st_folium a click comes back as
    result["last_active_drawing"]["properties"]["kode"].
    """
    if metric not in METRIC_TITLES:
        raise ValueError(f"metric harus 'rate' atau 'count', bukan {metric!r}")
    if not 1 <= k <= len(theme.SEQUENTIAL_5):
        raise ValueError(f"k harus 1..{len(theme.SEQUENTIAL_5)}, bukan {k}")
    data = join_values(boundaries, values)
    classification = classify(data["rate" if metric == "rate" else "jumlah"], k=k, scheme=scheme)
    classes = classification.index.to_numpy()

    properties = pd.DataFrame(
        {
            "kode": data["kode"],
            # GeoJsonTooltip puts property values into innerHTML unescaped.
            "nama": data["nama"].map(escape_html),
            "jumlah_teks": data["jumlah"].map(format_number),
            "rate_teks": data["rate"].map(format_rate),
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
    aliases = {"nama": "Wilayah", "jumlah_teks": METRIC_TITLES["count"], "rate_teks": METRIC_TITLES["rate"]}
    m = _base_map(tiles, tiles_attribution, _data_bounds(data) if zoom_to_data and len(data) else INDONESIA_BOUNDS)
    folium.GeoJson(
        feature_collection(data, properties),
        name=METRIC_TITLES[metric],
        style_function=style,
        highlight_function=lambda _feature: {"weight": 2.5, "color": "#000000"},
        tooltip=folium.GeoJsonTooltip(fields=fields, aliases=[aliases[f] for f in fields], sticky=True),
        control=False,
    ).add_to(m)

    present = set(classes.tolist())
    rows = [
        _swatch_row("fill", class_fill(classification, c), classification.labels[c])
        for c in range(classification.n_classes, 0, -1)  # darkest (largest) on top
    ]
    if ZERO_CLASS in present:
        rows.append(_swatch_row("fill", theme.ZERO_FILL, "0"))
    if NO_DATA_CLASS in present:
        rows.append(_swatch_row("fill", theme.NO_DATA_FILL, NO_DATA_LABEL))
    note = SCHEME_NOTES[scheme] if classification.n_classes > 1 else None
    _Legend(METRIC_TITLES[metric], rows, note).add_to(m)
    _Attribution(BOUNDARY_ATTRIBUTION).add_to(m)
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
) -> folium.Map:
    """The choropleth's stand-in when no boundary file is available: one circle per area at its point.

    points: kode, nama, lat, lon, jumlah, and populasi and/or rate (domain.map_values.fallback_points).
    Circle area grows with the number of victims; the fill uses the same classes and colours as the
    choropleth (zero and "tidak ada data" kept apart), so an area without victims is still drawn,
    as zero. Areas without a point cannot be drawn; the legend says how many. note is added to the legend.
    """
    if metric not in METRIC_TITLES:
        raise ValueError(f"metric harus 'rate' atau 'count', bukan {metric!r}")
    _require(points, ("kode", "nama", "lat", "lon", "jumlah"), "points")
    data = points.copy()
    data["jumlah"] = pd.to_numeric(data["jumlah"]).fillna(0).astype("int64")
    if "rate" not in data.columns:
        populasi = data["populasi"] if "populasi" in data.columns else pd.Series(np.nan, index=data.index)
        data["rate"] = rate_per_100k(data["jumlah"], populasi)
    data["rate"] = pd.to_numeric(data["rate"]).astype(float)
    classification = classify(data["rate" if metric == "rate" else "jumlah"], k=k, scheme=scheme)
    data["kelas"] = classification.index
    placed = data.dropna(subset=["lat", "lon"])
    radii = _sqrt_scale(placed["jumlah"].astype(float), min_radius_px, max_radius_px)

    m = _base_map(tiles, tiles_attribution)
    for i in placed["jumlah"].sort_values(ascending=False, kind="mergesort").index:
        area = placed.loc[i]
        lines = [
            f"<b>{escape_html(area['nama'])}</b>",
            f"{METRIC_TITLES['count']}: {format_number(area['jumlah'])}",
            f"{METRIC_TITLES['rate']}: {format_rate(area['rate'])}",
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
        _swatch_row("circle", class_fill(classification, c), classification.labels[c])
        for c in range(classification.n_classes, 0, -1)
    ]
    if ZERO_CLASS in present:
        rows.append(_swatch_row("circle", theme.ZERO_FILL, "0"))
    if NO_DATA_CLASS in present:
        rows.append(_swatch_row("circle", theme.NO_DATA_FILL, NO_DATA_LABEL))
    notes = [SCHEME_NOTES[scheme]] if classification.n_classes > 1 else []
    notes.append("Luas lingkaran sebanding dengan jumlah korban.")
    skipped = len(data) - len(placed)
    if skipped:
        notes.append(f"{format_number(skipped)} wilayah tanpa koordinat tidak ditampilkan.")
    if note:
        notes.append(note)
    _Legend(METRIC_TITLES[metric], rows, " · ".join(notes)).add_to(m)
    return m


# --- service units ----------------------------------------------------------------------------


def utilisation_band(utilisasi: float) -> tuple[str, str]:
    """(colour, label) of a unit's utilisation; exactly full (1.0) is "90–100%", not over capacity."""
    if utilisasi is None or pd.isna(utilisasi):
        return theme.NO_DATA_FILL, NO_DATA_LABEL
    for upper, colour, label in theme.UTILISATION_BANDS:
        if utilisasi < upper or (upper == 1.0 and utilisasi == 1.0):
            return colour, label
    return theme.UTILISATION_BANDS[-1][1], theme.UTILISATION_BANDS[-1][2]


def make_unit_map(
    units: pd.DataFrame,
    *,
    max_radius_px: float = 18.0,
    min_radius_px: float = 4.0,
    tiles: str | None = None,
    tiles_attribution: str | None = None,
) -> folium.Map:
    """Service units as circles: area proportional to capacity, colour by utilisation band.

    units: kode_unit, nama, tipe, lat, lon, kapasitas, penghuni, utilisasi (0..n, 1.0 = full), staf.
    Units without coordinates cannot be drawn; the legend says how many were left out.
    """
    _require(units, ("kode_unit", "nama", "tipe", "lat", "lon", "kapasitas", "penghuni", "utilisasi", "staf"), "units")
    placed = units.dropna(subset=["lat", "lon"])
    kapasitas = pd.to_numeric(placed["kapasitas"]).astype(float)
    radii = _sqrt_scale(kapasitas, min_radius_px, max_radius_px)

    m = _base_map(tiles, tiles_attribution)
    # Largest first, so small units are drawn on top and stay clickable.
    for i in kapasitas.fillna(0).sort_values(ascending=False, kind="mergesort").index:
        unit = placed.loc[i]
        colour, band = utilisation_band(unit["utilisasi"])
        folium.CircleMarker(
            location=(float(unit["lat"]), float(unit["lon"])),
            radius=float(radii[i]),
            color="#ffffff",
            weight=1,
            fill=True,
            fill_color=colour,
            fill_opacity=0.85,
            tooltip=folium.Tooltip(escape_html(unit["nama"])),
            popup=folium.Popup(_unit_popup(unit, band), max_width=320),
        ).add_to(m)

    used = {utilisation_band(u)[1] for u in placed["utilisasi"]}
    rows = [_swatch_row("circle", colour, label) for _, colour, label in theme.UTILISATION_BANDS]
    if NO_DATA_LABEL in used:
        rows.append(_swatch_row("circle", theme.NO_DATA_FILL, NO_DATA_LABEL))
    note = "Luas lingkaran sebanding dengan kapasitas."
    skipped = len(units) - len(placed)
    if skipped:
        note += f" {format_number(skipped)} unit tanpa koordinat tidak ditampilkan."
    _Legend("Utilisasi unit layanan", rows, note).add_to(m)
    return m


def _unit_popup(unit: pd.Series, band: str) -> str:
    utilisasi = unit["utilisasi"]
    util_text = NO_DATA_LABEL if pd.isna(utilisasi) else f"{format_number(utilisasi * 100)}% ({band})"
    rows = [
        ("Tipe", escape_html(unit["tipe"])),
        ("Kapasitas", format_number(unit["kapasitas"])),
        ("Penghuni", format_number(unit["penghuni"])),
        ("Utilisasi", escape_html(util_text)),
        ("Staf", format_number(unit["staf"])),
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
    labelled: int = 8,
) -> folium.Map:
    """Lines from origin to destination, width by victims (square-root scale), with tooltips.

    flows: asal_nama, asal_lat, asal_lon, tujuan_nama, tujuan_lat, tujuan_lon, jumlah. Repeated
    pairs are summed; pairs without coordinates or victims are left out. The view covers Indonesia
    and every destination. basemap (the offline province outlines) is drawn under the lines, so they do not
    float in empty space without tiles; the `labelled` largest destinations carry their name on the map.
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
    m = _base_map(tiles, tiles_attribution, bounds=((min(lats), min(lons)), (max(lats), max(lons))))
    if basemap is not None and len(basemap):
        folium.GeoJson(
            feature_collection(basemap, pd.DataFrame(index=range(len(basemap)))),
            name="basemap",
            style_function=lambda _: FLOW_BASEMAP_STYLE,
            control=False,
        ).add_to(m)
    for i, flow in pairs.iterrows():
        text = (
            f"{escape_html(flow['asal_nama'])} → {escape_html(flow['tujuan_nama'])}: "
            f"{format_number(flow['jumlah'])} korban"
        )
        folium.PolyLine(
            [(flow["asal_lat"], flow["asal_lon"]), (flow["tujuan_lat"], flow["tujuan_lon"])],
            color=theme.FLOW_LINE,
            weight=float(weights[i]),
            opacity=0.6,
            tooltip=folium.Tooltip(text, sticky=True),
        ).add_to(m)
    for side, colour in (("asal", theme.FLOW_LINE), ("tujuan", theme.UNIT_MARKER)):
        totals = pairs.groupby([f"{side}_nama", f"{side}_lat", f"{side}_lon"], as_index=False)["jumlah"].sum()
        for _, point in totals.iterrows():
            folium.CircleMarker(
                location=(point[f"{side}_lat"], point[f"{side}_lon"]),
                radius=3,
                color=colour,
                fill=True,
                fill_opacity=1.0,
                tooltip=folium.Tooltip(
                    f"{escape_html(point[f'{side}_nama'])}: {format_number(point['jumlah'])} korban"
                ),
            ).add_to(m)
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
                    interactive=False,
                ).add_to(m)

    rows = []
    if len(pairs):
        top = float(pairs["jumlah"].max())
        for value in sorted({top, _round_nice(top / 4)}, reverse=True):
            if value > 0:
                width = float(_sqrt_scale(pd.Series([value]), min_weight_px, max_weight_px, top=top)[0])
                rows.append(_swatch_row("line", theme.FLOW_LINE, f"{format_number(value)} korban", width))
    _Legend("Arus korban: asal → tujuan", rows, "Tebal garis sebanding dengan akar jumlah korban.").add_to(m)
    return m


# --- coverage ---------------------------------------------------------------------------------


def make_coverage_layer(
    origins: pd.DataFrame,
    units: pd.DataFrame,
    threshold_km: float = DEFAULT_THRESHOLD_KM,
    *,
    name: str = "Jangkauan unit layanan",
    max_radius_px: float = 16.0,
    min_radius_px: float = 3.0,
) -> folium.FeatureGroup:
    """Units with a threshold_km circle, and victims' origins sized by victims and coloured near/far.

    origins: kode, nama, lat, lon, jumlah, jarak_km (from domain.geo.nearest_unit), optionally
    kode_unit_terdekat. units: kode_unit, nama, lat, lon. An origin is far when jarak_km > threshold_km;
    an unknown distance is drawn grey. Add the layer to any map (e.g. a choropleth).
    """
    _require(origins, ("kode", "nama", "lat", "lon", "jumlah", "jarak_km"), "origins")
    _require(units, ("kode_unit", "nama", "lat", "lon"), "units")
    layer = folium.FeatureGroup(name=name, control=False)
    placed_units = units.dropna(subset=["lat", "lon"])
    unit_names = dict(zip(placed_units["kode_unit"].astype(str), placed_units["nama"]))
    for _, unit in placed_units.iterrows():
        location = (float(unit["lat"]), float(unit["lon"]))
        # Leaflet draws metre radii on the Mercator plane: close enough at Indonesia's latitudes.
        folium.Circle(
            location=location,
            radius=threshold_km * 1000.0,
            color=theme.UNIT_MARKER,
            weight=0.6,
            dash_array="4 4",
            fill=True,
            fill_color=theme.COVERAGE_NEAR,
            fill_opacity=0.05,
            interactive=False,
        ).add_to(layer)
        folium.CircleMarker(
            location=location,
            radius=4,
            color="#ffffff",
            weight=1,
            fill=True,
            fill_color=theme.UNIT_MARKER,
            fill_opacity=1.0,
            tooltip=folium.Tooltip(f"Unit: {escape_html(unit['nama'])}"),
        ).add_to(layer)

    placed = origins.dropna(subset=["lat", "lon"])
    jumlah = pd.to_numeric(placed["jumlah"]).fillna(0).astype(float)
    radii = _sqrt_scale(jumlah, min_radius_px, max_radius_px)
    for i in jumlah.sort_values(ascending=False, kind="mergesort").index:
        origin = placed.loc[i]
        jarak = origin["jarak_km"]
        colour = (
            theme.NO_DATA_FILL if pd.isna(jarak)
            else theme.COVERAGE_FAR if jarak > threshold_km
            else theme.COVERAGE_NEAR
        )
        lines = [
            f"<b>{escape_html(origin['nama'])}</b>",
            f"Jumlah korban: {format_number(origin['jumlah'])}",
            f"Jarak ke unit terdekat: {_format_km(jarak)}",
        ]
        nearest = unit_names.get(str(origin.get("kode_unit_terdekat")))
        if nearest is not None:
            lines.append(f"Unit terdekat: {escape_html(nearest)}")
        folium.CircleMarker(
            location=(float(origin["lat"]), float(origin["lon"])),
            radius=float(radii[i]),
            color="#ffffff",
            weight=1,
            fill=True,
            fill_color=colour,
            fill_opacity=0.85,
            tooltip=folium.Tooltip("<br>".join(lines)),
        ).add_to(layer)
    return layer


def make_coverage_map(
    origins: pd.DataFrame,
    units: pd.DataFrame,
    threshold_km: float = DEFAULT_THRESHOLD_KM,
    *,
    tiles: str | None = None,
    tiles_attribution: str | None = None,
) -> folium.Map:
    """Coverage layer on its own map, with a legend stating the distance threshold."""
    m = _base_map(tiles, tiles_attribution)
    make_coverage_layer(origins, units, threshold_km).add_to(m)
    km = format_number(threshold_km)
    rows = [
        _swatch_row("circle", theme.COVERAGE_FAR, f"asal lebih dari {km} km dari unit"),
        _swatch_row("circle", theme.COVERAGE_NEAR, f"asal dalam {km} km dari unit"),
        _swatch_row("circle", theme.UNIT_MARKER, "unit layanan"),
    ]
    if origins["jarak_km"].isna().any():
        rows.append(_swatch_row("circle", theme.NO_DATA_FILL, "jarak tidak diketahui"))
    _Legend("Jangkauan unit layanan", rows, "Luas lingkaran asal sebanding dengan jumlah korban.").add_to(m)
    return m


# --- shared pieces ----------------------------------------------------------------------------


def escape_html(value: object) -> str:
    """Escape data for folium tooltips/popups, which folium embeds in JavaScript template literals.

    Beyond html.escape, a backtick would end the literal, "${" would run code and a backslash
    starts an escape sequence (an invalid one is a syntax error that stops the whole map script).
    """
    text = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    return html.escape(text, quote=True).replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;")


def _base_map(
    tiles: str | None,
    tiles_attribution: str | None,
    bounds: tuple[tuple[float, float], tuple[float, float]] = INDONESIA_BOUNDS,
) -> folium.Map:
    # tiles=None by default: the dashboard runs without internet and a dead tile server only adds noise.
    m = folium.Map(location=INDONESIA_CENTER, zoom_start=5, tiles=None, control_scale=True, zoom_snap=0.25)
    if tiles:
        folium.TileLayer(tiles=tiles, attr=tiles_attribution, name="Peta dasar", control=False).add_to(m)
    _MapStyle().add_to(m)
    IconImagePath().add_to(m)
    m.fit_bounds([list(bounds[0]), list(bounds[1])])
    return m


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


def _format_km(jarak: float) -> str:
    if pd.isna(jarak):
        return NO_DATA_LABEL
    if np.isinf(jarak):
        return "tidak ada unit"
    return f"{format_number(jarak)} km"


def _swatch_row(kind: Literal["fill", "circle", "line"], colour: str, label: str, width: float = 3.0) -> str:
    if kind == "line":
        swatch = (
            f'<span style="display:inline-block;width:22px;height:{width:.1f}px;'
            f'background:{colour};vertical-align:middle"></span>'
        )
    else:
        radius = "50%" if kind == "circle" else "2px"
        swatch = (
            f'<span style="display:inline-block;width:14px;height:14px;background:{colour};'
            f'border:1px solid {theme.BORDER};border-radius:{radius};vertical-align:middle"></span>'
        )
    return f'<div style="margin:2px 0;white-space:nowrap">{swatch} {escape_html(label)}</div>'


def _require(df: pd.DataFrame, columns: tuple[str, ...], name: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"{name} tidak memiliki kolom: {', '.join(missing)}")


class _Legend(MacroElement):
    """A legend as a Leaflet control, built in the map script so it also shows inside st_folium."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function () {
                var legend = L.control({position: {{ this.position|tojson }}});
                legend.onAdd = function () {
                    var div = L.DomUtil.create("div", "tppo-legend");
                    div.innerHTML = {{ this.html|tojson }};
                    L.DomEvent.disableClickPropagation(div);
                    return div;
                };
                legend.addTo({{ this._parent.get_name() }});
            })();
        {% endmacro %}
        """
    )

    # Top right lies over the Pacific on a map of Indonesia; bottom right covered Papua, bottom left Java.
    def __init__(self, title: str, rows: list[str], note: str | None = None, position: str = "topright"):
        super().__init__()
        self._name = "Legend"
        self.position = position
        parts = [f'<div style="font-weight:600;margin-bottom:4px">{escape_html(title)}</div>', *rows]
        if note:
            parts.append(f'<div style="margin-top:4px;color:#555;font-size:11px">{escape_html(note)}</div>')
        self.html = (
            f'<div style="background:rgba(255,255,255,0.92);padding:6px 8px;border-radius:4px;'
            f"box-shadow:0 0 4px rgba(0,0,0,0.3);font:12px/1.35 {theme.FONT_FAMILY};color:#222\">"
            + "".join(parts)
            + "</div>"
        )


class _Attribution(MacroElement):
    """Adds a text attribution (the boundary licence notice) to the map's attribution control."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            if ({{ this._parent.get_name() }}.attributionControl) {
                {{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text|tojson }});
            }
        {% endmacro %}
        """
    )

    def __init__(self, text: str):
        super().__init__()
        self._name = "Attribution"
        self.text = escape_html(text)


class _MapStyle(MacroElement):
    """Sea-coloured background and legend font; header CSS, which st_folium also applies."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
            <style>div.leaflet-container { background: {{ this.background }}; }
            path.leaflet-interactive:focus:not(:focus-visible) { outline: none; }</style>
        {% endmacro %}
        """
    )

    def __init__(self):
        super().__init__()
        self._name = "MapStyle"
        self.background = theme.MAP_BACKGROUND
