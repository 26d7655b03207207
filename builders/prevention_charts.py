"""Pure plotly builders of the Pencegahan page and slide: a classed choropleth of any one figure per area (origin
risk beside prevention reach), and prevented departures against victims over time. Labels come from the caller."""

from __future__ import annotations

import math
import textwrap

import geopandas as gpd
import pandas as pd
import plotly.graph_objects as go

from builders import theme
from builders.briefing_charts import PALETTE, chart_layout, empty_figure, month_ticks
from builders.maps import INDONESIA_BOUNDS, class_fill, feature_collection
from domain.rates import NO_DATA_CLASS, ZERO_CLASS, classify, format_number, format_rate, no_data_label
from strings import tr


MAP_WIDTH_PX, MAP_HEIGHT_PX = 460, 400  # a half-width column of the wide layout
MAP_DOMAIN = (0.27, 1.0)  # the map's share of the figure's width; the legend sits left of it


def make_area_choropleth(boundaries: gpd.GeoDataFrame, values: pd.DataFrame, *, title: str, value_label: str,
                         count_label: str, lang: str = "id", k: int = theme.DEFAULT_CLASSES,
                         scheme: str = "quantiles", zoom_to_data: bool = False,
                         geojson_url: str | None = None) -> go.Figure:
    """Classed choropleth (MapLibre, white background: offline and exportable) of one figure per area.

    boundaries: kode, nama, geometry. values: kode, nilai (the mapped figure, NaN when unknown), jumlah (the
    count behind it, for the tooltip). Every boundary is drawn; an area missing from values is "tidak ada data".
    geojson_url: where the browser fetches the same boundaries (ui/boundary_route.py); None puts them inline
    (exports, and a server without the route)."""
    data = boundaries[["kode", "nama", "geometry"]].merge(values[["kode", "nilai", "jumlah"]], on="kode", how="left")
    classification = classify(data["nilai"], k=k, scheme=scheme, lang=lang)
    classes = classification.index.to_numpy()
    present = set(classes.tolist())
    order = [c for c in (NO_DATA_CLASS, ZERO_CLASS) if c in present] + list(range(1, classification.n_classes + 1))
    slot = {c: i for i, c in enumerate(order)}
    n = max(len(order), 1)
    scale = []
    for i, c in enumerate(order):
        scale += [(i / n, class_fill(classification, c)), ((i + 1) / n, class_fill(classification, c))]
    hover = pd.DataFrame({"nama": data["nama"], "nilai": data["nilai"].map(lambda v: format_rate(v, lang)),
                          "jumlah": data["jumlah"].map(lambda v: format_number(v, lang=lang))}).to_numpy()
    (miny, minx), (maxy, maxx) = INDONESIA_BOUNDS
    if zoom_to_data and len(data):
        minx, miny, maxx, maxy = data.total_bounds
    lat, lon = (miny + maxy) / 2, (minx + maxx) / 2
    # Web-Mercator: a zoom z shows 360° of longitude in 512·2^z px; fit the area into a half-width column.
    width = MAP_WIDTH_PX * (MAP_DOMAIN[1] - MAP_DOMAIN[0])
    zoom = min(math.log2(width * 360 / (max(maxx - minx, 0.1) * 512 * 1.1)),
               math.log2(MAP_HEIGHT_PX * 180 / (max(maxy - miny, 0.1) * 512 * 1.15)), 9.0)
    fig = go.Figure(go.Choroplethmap(
        geojson=geojson_url or feature_collection(data, data[["kode"]]), featureidkey="properties.kode",
        locations=data["kode"].tolist(), z=[slot[c] for c in classes], zmin=-0.5, zmax=n - 0.5,
        colorscale=scale or [(0, theme.NO_DATA_FILL), (1, theme.NO_DATA_FILL)],
        marker=dict(line=dict(color=theme.BORDER, width=0.4), opacity=1.0), customdata=hover,
        hovertemplate=(f"<b>%{{customdata[0]}}</b><br>{value_label}: %{{customdata[1]}}<br>"
                       f"{count_label}: %{{customdata[2]}}<extra></extra>"),
        # The legend has the left quarter of the figure to itself (MAP_DOMAIN), its title wrapped to fit.
        colorbar=dict(title=dict(text="<br>".join(textwrap.wrap(value_label, 16)), font=dict(size=11), side="top"),
                      tickvals=list(range(len(order))), thickness=10, len=0.7, x=0.0, xanchor="left", y=0.5,
                      tickfont=dict(size=10),
                      ticktext=[classification.label(c) if c != NO_DATA_CLASS else no_data_label(lang) for c in order]),
    ))
    chart_layout(fig, title, lang, height=MAP_HEIGHT_PX, margin=dict(l=0, r=0, t=40, b=20),
            map=dict(style="white-bg", center=dict(lat=lat, lon=lon), zoom=zoom, domain=dict(x=list(MAP_DOMAIN))))
    fig.add_annotation(text=tr("map.attribution", lang), x=0, y=0, xref="paper", yref="paper", xanchor="left",
                       yanchor="top", yshift=-2, showarrow=False, font=dict(size=9, color="#555"))
    return fig


def make_departures_vs_victims(monthly: pd.DataFrame, *, title: str, prevented_label: str, victims_label: str,
                               empty_message: str, lang: str = "id") -> go.Figure:
    """Prevented departures (bars, top panel) and victims (line, bottom panel) per month, one above the other on a
    shared month axis. Not two y axes on one plot: where the line crosses the bars only depended on how each axis
    happened to be scaled, and read as a relation the data do not show (issue 25).

    monthly: bulan, dicegah, korban (domain.prevention.departures_against_victims summed over provinces)."""
    if monthly.empty:
        return empty_figure(title, empty_message)
    from plotly.subplots import make_subplots

    # min_count=1: a month without departure reports stays empty (NaN, no bar) instead of reading as 0.
    df = monthly.groupby("bulan", as_index=False)[["dicegah", "korban"]].sum(min_count=1).sort_values("bulan")
    x = pd.to_datetime(df["bulan"])
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.1,
                        subplot_titles=(prevented_label, victims_label))
    fig.add_bar(x=x, y=df["dicegah"], name=prevented_label, marker_color=PALETTE[0], row=1, col=1)
    fig.add_scatter(x=x, y=df["korban"], name=victims_label, mode="lines+markers",
                    line=dict(color=PALETTE[1], width=2.5), row=2, col=1)
    chart_layout(fig, title, lang, height=420, showlegend=False, margin=dict(l=10, r=10, t=70, b=10))
    fig.update_yaxes(rangemode="tozero")
    for annotation in fig.layout.annotations:  # the panel titles, left-aligned like the chart title
        annotation.update(x=0, xanchor="left", font=dict(size=13, color="#333"))
    fig.update_xaxes(**month_ticks(list(x), lang, every=3), row=2, col=1)
    return fig
