"""Pure plotly builders (data in, go.Figure out) for the destination Sankey and the slide-deck choropleth."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import plotly.graph_objects as go

from builders import theme
from builders.folium_kit import INDONESIA_CENTER
from builders.maps import METRICS, Metric, class_fill, feature_collection, join_values
from domain.rates import NO_DATA_CLASS, ZERO_CLASS, Scheme, classify, format_number, format_rate
from strings import DEFAULT_LANG, tr

OTHER_ORIGINS = tr("chart.sankey.other_origins")  # in the default language


def make_destination_sankey(
    flows: pd.DataFrame,
    *,
    max_origins: int = 12,
    max_destinations: int = 10,
    title: str | None = None,
    other_origins: str | None = None,
    other_destinations: str | None = None,
    lang: str = DEFAULT_LANG,
) -> go.Figure:
    """Victims from origin province (left) to destination country (right).

    flows: asal_nama, tujuan_nama, jumlah (repeated pairs are summed). Beyond the largest
    max_origins provinces and max_destinations countries the rest are grouped as "Provinsi lain" /
    "Negara lain", so the chart stays legible on a slide. Node labels carry their totals.
    title and the two "lain" labels can be replaced (e.g. domestic destinations are provinces, or
    another language); by default they come from strings/ in lang.
    """
    title = title or tr("chart.sankey.title", lang)
    other_origins = other_origins or tr("chart.sankey.other_origins", lang)
    other_destinations = other_destinations or tr("chart.sankey.other_destinations", lang)
    missing = [c for c in ("asal_nama", "tujuan_nama", "jumlah") if c not in flows.columns]
    if missing:
        raise ValueError(f"flows tidak memiliki kolom: {', '.join(missing)}")
    pairs = flows.dropna(subset=["asal_nama", "tujuan_nama"]).assign(
        jumlah=lambda d: pd.to_numeric(d["jumlah"]).fillna(0)
    )
    pairs = pairs[pairs["jumlah"] > 0]
    if pairs.empty:
        return _empty_figure(title, lang)

    pairs = pairs.assign(
        asal=_keep_largest(pairs, "asal_nama", max_origins, other_origins),
        tujuan=_keep_largest(pairs, "tujuan_nama", max_destinations, other_destinations),
    )
    links = pairs.groupby(["asal", "tujuan"], as_index=False)["jumlah"].sum()
    origins = _ordered_totals(links, "asal", other_origins)
    destinations = _ordered_totals(links, "tujuan", other_destinations)

    names = list(origins.index) + list(destinations.index)
    totals = list(origins.values) + list(destinations.values)
    position = {("asal", n): i for i, n in enumerate(origins.index)}
    position.update({("tujuan", n): len(origins) + i for i, n in enumerate(destinations.index)})
    palette = [c for c in theme.CATEGORICAL if c != "#000000"]
    dest_colour = {n: palette[i % len(palette)] for i, n in enumerate(destinations.index)}

    victims = tr("chart.victims", lang)
    fig = go.Figure(
        go.Sankey(
            arrangement="snap",
            valueformat=",d",
            node=dict(
                label=[f"{n} ({format_number(t, lang=lang)})" for n, t in zip(names, totals)],
                customdata=names,
                hovertemplate=f"%{{customdata}}<br>%{{value:,d}} {victims}<extra></extra>",
                color=[theme.BORDER] * len(origins) + [dest_colour[n] for n in destinations.index],
                # Labels sit centred on their nodes, one line each: neighbours' centres are at least pad apart, so
                # a pad above the label height keeps them apart (at pad 12 the small provinces' labels collided).
                pad=SANKEY_PAD,
                thickness=14,
            ),
            link=dict(
                source=[position[("asal", a)] for a in links["asal"]],
                target=[position[("tujuan", t)] for t in links["tujuan"]],
                value=links["jumlah"].tolist(),
                customdata=links[["asal", "tujuan"]].to_numpy().tolist(),
                hovertemplate=f"%{{customdata[0]}} → %{{customdata[1]}}<br>%{{value:,d}} {victims}<extra></extra>",
                color=[_with_alpha(dest_colour[t], 0.35) for t in links["tujuan"]],
            ),
        )
    )
    fig.update_layout(
        title=title,
        separators=theme.SEPARATORS[lang],
        font=dict(family=theme.FONT_FAMILY, size=SANKEY_FONT),
        margin=dict(l=10, r=10, t=50, b=10),
        # Height grows with the longer column of nodes: each gets its pad plus room for its share of the flow.
        height=max(380, 60 + SANKEY_ROW_PX * max(len(origins), len(destinations))),
    )
    return fig


SANKEY_FONT, SANKEY_PAD, SANKEY_ROW_PX = 12, 18, 34


def make_static_choropleth(
    boundaries: gpd.GeoDataFrame,
    values: pd.DataFrame,
    metric: Metric,
    *,
    k: int = theme.DEFAULT_CLASSES,
    scheme: Scheme = "quantiles",
    title: str | None = None,
    zoom: float = 3.6,
    lang: str = DEFAULT_LANG,
) -> go.Figure:
    """The same classed choropleth as the folium map, as a MapLibre figure for PNG export.

    map_style "white-bg" needs no tiles or CDN, so it renders offline and exports with kaleido.
    Classes, colours, zero and "tidak ada data" follow builders.maps exactly.
    """
    if metric not in METRICS:
        raise ValueError(f"metric harus 'rate' atau 'count', bukan {metric!r}")
    data = join_values(boundaries, values)
    classification = classify(data["rate" if metric == "rate" else "jumlah"], k=k, scheme=scheme, lang=lang)
    classes = classification.index.to_numpy()
    present = set(classes.tolist())
    # Colour-bar order bottom to top: no data, zero, then the positive classes ascending.
    order = [c for c in (NO_DATA_CLASS, ZERO_CLASS) if c in present] + list(range(1, classification.n_classes + 1))
    slot = {c: i for i, c in enumerate(order)}
    n = len(order)
    colourscale = []
    for i, c in enumerate(order):
        colour = class_fill(classification, c)
        colourscale += [(i / n, colour), ((i + 1) / n, colour)]

    customdata = pd.DataFrame(
        {
            "nama": data["nama"],
            "jumlah": data["jumlah"].map(lambda v: format_number(v, lang=lang)),
            "rate": data["rate"].map(lambda v: format_rate(v, lang)),
        }
    ).to_numpy()
    fig = go.Figure(
        go.Choroplethmap(
            geojson=feature_collection(data, data[["kode"]]),
            featureidkey="properties.kode",
            locations=data["kode"].tolist(),
            z=[slot[c] for c in classes],
            zmin=-0.5,
            zmax=n - 0.5,
            colorscale=colourscale,
            marker=dict(line=dict(color=theme.BORDER, width=0.4), opacity=1.0),
            customdata=customdata,
            hovertemplate=(
                "<b>%{customdata[0]}</b><br>"
                f"{tr('map.metric.count', lang)}: %{{customdata[1]}}<br>"
                f"{tr('map.metric.rate', lang)}: %{{customdata[2]}}<extra></extra>"
            ),
            colorbar=dict(
                title=dict(text=tr(f"map.metric.{metric}", lang)),
                tickvals=list(range(n)),
                ticktext=[classification.label(c) for c in order],
                thickness=14,
                len=0.6,
            ),
        )
    )
    note = tr(f"map.scheme.{scheme}", lang) if classification.n_classes > 1 else ""
    fig.update_layout(
        title=title or tr(f"map.metric.{metric}", lang),
        map=dict(style="white-bg", center=dict(lat=INDONESIA_CENTER[0], lon=INDONESIA_CENTER[1]), zoom=zoom),
        separators=theme.SEPARATORS[lang],
        font=dict(family=theme.FONT_FAMILY, size=12),
        margin=dict(l=10, r=10, t=50, b=30),
        annotations=[
            dict(
                text="; ".join(t for t in (note, tr("map.attribution", lang)) if t),
                x=0, y=0, xref="paper", yref="paper", xanchor="left", yanchor="top",
                yshift=-4, showarrow=False, font=dict(size=9, color="#555"),
            )
        ],
    )
    return fig


def _keep_largest(pairs: pd.DataFrame, column: str, limit: int, other: str) -> pd.Series:
    totals = pairs.groupby(column)["jumlah"].sum().sort_values(ascending=False, kind="mergesort")
    if len(totals) <= limit:
        return pairs[column]
    # Keep limit - 1 named nodes so that, with the "lain" node, there are at most `limit`.
    kept = set(totals.index[: max(limit - 1, 0)])
    return pairs[column].where(pairs[column].isin(kept), other)


def _ordered_totals(links: pd.DataFrame, column: str, other: str) -> pd.Series:
    totals = links.groupby(column)["jumlah"].sum()
    named = totals.drop(other, errors="ignore").sort_values(ascending=False, kind="mergesort")
    return pd.concat([named, totals[[other]]]) if other in totals.index else named


def _with_alpha(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def _empty_figure(title: str, lang: str) -> go.Figure:
    fig = go.Figure()
    fig.update_layout(
        title=title,
        xaxis=dict(visible=False),
        yaxis=dict(visible=False),
        annotations=[dict(text=tr("chart.empty", lang), x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False)],
        font=dict(family=theme.FONT_FAMILY, size=12),
    )
    return fig
