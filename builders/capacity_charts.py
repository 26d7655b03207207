"""Pure plotly builders for service capacity and SDM gaps: unit trend, WISN heat map, ranked and before/after bars."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from builders import theme
from domain.formatting import fmt_dec
from strings import tr

SEPARATORS = theme.SEPARATORS
WISN_CAP = 2.0  # ratios above 2 get the darkest blue; the cell text keeps the real value
ROW_PX = 24

# Label keys in strings/ ("kap.trend.<key>", "sdm.heat.<key>"); a caller may pass its own labels instead.
TREND_KEYS = ("penghuni", "penghuni_tppo", "kapasitas", "ambang", "bulan", "orang")
HEATMAP_KEYS = ("ratio", "balanced", "current", "required", "none")


def labels_for(prefix: str, keys: Sequence[str], lang: str) -> dict[str, str]:
    """{key: text} of strings/ keys "<prefix>.<key>" in lang."""
    return {k: tr(f"{prefix}.{k}", lang) for k in keys}


def chart_layout(fig: go.Figure, title: str, lang: str, height: int | None = None) -> go.Figure:
    fig.update_layout(
        title=dict(text=title, x=0, xanchor="left"),
        separators=SEPARATORS.get(lang, SEPARATORS["id"]),
        font=dict(family=theme.FONT_FAMILY, size=13),
        margin=dict(l=10, r=20, t=60, b=40),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, xanchor="left"),
        plot_bgcolor="#ffffff",
        height=height,
    )
    fig.update_xaxes(**theme.NUMBER_AXIS)
    fig.update_yaxes(**theme.NUMBER_AXIS)
    return fig


def make_unit_trend(occupancy: pd.DataFrame, *, title: str, threshold: float = 0.9,
                    labels: Mapping[str, str] | None = None, lang: str = "id") -> go.Figure:
    """Monthly residents (bars), trafficking victims among them, capacity and the alert threshold of one unit.

    occupancy: bulan, kapasitas, penghuni, penghuni_tppo (one unit, one row per month).
    """
    labels = labels or labels_for("kap.trend", TREND_KEYS, lang)
    occ = occupancy.sort_values("bulan")
    months = pd.to_datetime(occ["bulan"])
    fig = go.Figure()
    fig.add_bar(x=months, y=occ["penghuni"], name=labels["penghuni"], marker_color=theme.CATEGORICAL[5],
                hovertemplate="%{x|%b %Y}: %{y:,.0f}<extra>" + labels["penghuni"] + "</extra>")
    fig.add_scatter(x=months, y=occ["penghuni_tppo"], name=labels["penghuni_tppo"], mode="lines+markers",
                    line=dict(color=theme.CATEGORICAL[3], width=2),
                    hovertemplate="%{x|%b %Y}: %{y:,.0f}<extra>" + labels["penghuni_tppo"] + "</extra>")
    fig.add_scatter(x=months, y=occ["kapasitas"], name=labels["kapasitas"], mode="lines",
                    line=dict(color=theme.CATEGORICAL[7], width=2, shape="hv"),
                    hovertemplate="%{x|%b %Y}: %{y:,.0f}<extra>" + labels["kapasitas"] + "</extra>")
    fig.add_scatter(x=months, y=occ["kapasitas"] * threshold, name=labels["ambang"], mode="lines",
                    line=dict(color=theme.CATEGORICAL[1], width=1.5, dash="dash", shape="hv"), hoverinfo="skip")
    fig.update_xaxes(title=labels["bulan"], showgrid=False)
    fig.update_yaxes(title=labels["orang"], rangemode="tozero", gridcolor="#eeeeee")
    return chart_layout(fig, title, lang, height=420)


def make_wisn_heatmap(wisn: pd.DataFrame, *, title: str, unit_names: Mapping[str, str],
                      role_names: Mapping[str, str], labels: Mapping[str, str] | None = None,
                      lang: str = "id") -> go.Figure:
    """Units (rows, lowest ratio on top) × roles (columns) coloured by WISN ratio, white = 1.0 (balanced).

    wisn: kode_unit, peran, wisn_ratio, current_staff, required_staff. Cells with no recorded workload
    (ratio NaN) stay grey; ratios above 2 share the darkest blue but show their value.
    """
    labels = labels or labels_for("sdm.heat", HEATMAP_KEYS, lang)
    roles = [r for r in role_names if r in set(wisn["peran"])] + sorted(set(wisn["peran"]) - set(role_names))
    order = wisn.groupby("kode_unit")["wisn_ratio"].min().sort_values(kind="mergesort", na_position="last")
    units = list(order.index)
    grid = wisn.pivot_table(index="kode_unit", columns="peran", values="wisn_ratio", aggfunc="first", dropna=False)
    grid = grid.reindex(index=units, columns=roles)
    cur = wisn.pivot_table(index="kode_unit", columns="peran", values="current_staff", aggfunc="first")
    req = wisn.pivot_table(index="kode_unit", columns="peran", values="required_staff", aggfunc="first")
    cur, req = cur.reindex(index=units, columns=roles), req.reindex(index=units, columns=roles)

    def cell(v: float) -> str:
        return "–" if pd.isna(v) else fmt_dec(v, 2, lang)

    text = [[cell(v) for v in row] for row in grid.to_numpy()]
    custom = [[[cell(c), cell(r)] for c, r in zip(crow, rrow)] for crow, rrow in zip(cur.to_numpy(), req.to_numpy())]
    z = grid.clip(upper=WISN_CAP).to_numpy()
    y = [unit_names.get(u, u) for u in units]
    x = [_wrap(role_names.get(r, r)) for r in roles]
    fig = go.Figure(go.Heatmap(
        z=z, x=x, y=y, zmin=0, zmax=WISN_CAP, colorscale=[list(s) for s in theme.WISN_SCALE],
        text=text, texttemplate="%{text}", textfont=dict(size=11), xgap=2, ygap=2, hoverongaps=False,
        customdata=custom,
        hovertemplate=("<b>%{y}</b> · %{x}<br>" + labels["ratio"] + ": %{text}<br>" + labels["current"]
                       + ": %{customdata[0]}<br>" + labels["required"] + ": %{customdata[1]}<extra></extra>"),
        colorbar=dict(title=dict(text=labels["ratio"]), tickvals=[0, 0.5, 1, 1.5, 2],
                      ticktext=["0", fmt_dec(0.5, 1, lang), f"1 ({labels['balanced']})", fmt_dec(1.5, 1, lang),
                                f"≥ {fmt_dec(WISN_CAP, 0, lang)}"], thickness=14),
    ))
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(side="top", showgrid=False, tickangle=0)
    fig = chart_layout(fig, title, lang, height=max(320, 110 + ROW_PX * len(units)))
    fig.update_layout(plot_bgcolor=theme.NO_DATA_FILL, margin=dict(l=10, r=20, t=130, b=20))
    return fig


def _wrap(text: str, width: int = 14) -> str:
    """Column labels on short lines (plotly breaks at <br>), so they need no rotation."""
    lines: list[str] = []
    for word in str(text).split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def make_ranked_bars(df: pd.DataFrame, *, label: str, value: str, title: str, x_title: str,
                     text: Sequence[str] | None = None, colour: str = theme.CATEGORICAL[0],
                     highlight: Sequence[bool] | None = None, highlight_colour: str = theme.CATEGORICAL[3],
                     reference: float | None = None, reference_label: str | None = None,
                     tickformat: str | None = None, lang: str = "id") -> go.Figure:
    """Horizontal bars, largest value on top, in the row order given (rank first); NaN values are left out.

    highlight marks bars to draw in highlight_colour (e.g. above a norm); reference draws a dashed
    vertical line (e.g. 100% capacity or a user-entered caseload norm) labelled reference_label;
    tickformat is a d3 format for the value axis (".0%" for shares). The axis leaves room for the labels.
    """
    data = df.assign(_text=list(text) if text is not None else df[value].map(lambda v: fmt_dec(v, 1, lang)),
                     _hl=list(highlight) if highlight is not None else False)
    data = data[pd.to_numeric(data[value], errors="coerce").notna()]
    colours = [highlight_colour if h else colour for h in data["_hl"]]
    fig = go.Figure(go.Bar(
        x=data[value], y=data[label], orientation="h", marker_color=colours, text=data["_text"],
        textposition="outside", cliponaxis=False, hovertemplate="%{y}: %{text}<extra></extra>",
    ))
    has_reference = reference is not None and math.isfinite(reference)
    if has_reference:
        fig.add_vline(x=reference, line=dict(color=theme.CATEGORICAL[7], dash="dash", width=1.5),
                      annotation_text=reference_label or "", annotation_position="top")
    top = max([float(data[value].max()) if len(data) else 0.0, reference if has_reference else 0.0, 0.0])
    fig.update_yaxes(autorange="reversed", showgrid=False)
    # Room on the right for the value labels printed outside the bars.
    fig.update_xaxes(title=x_title, gridcolor="#eeeeee", range=[0, top * 1.25 or 1], tickformat=tickformat)
    fig = chart_layout(fig, title, lang, height=max(260, 120 + ROW_PX * len(data)))
    fig.update_layout(margin=dict(l=10, r=20, t=80, b=40))
    return fig


def make_before_after(df: pd.DataFrame, *, label: str, before: str, after: str, title: str, x_title: str,
                      names: tuple[str, str], reference: float | None = 1.0, reference_label: str | None = None,
                      lang: str = "id") -> go.Figure:
    """Paired horizontal bars per row (before in grey, after in blue), e.g. WISN ratio before and after a plan."""
    fig = go.Figure()
    fig.add_bar(x=df[before], y=df[label], orientation="h", name=names[0], marker_color="#9e9e9e",
                hovertemplate="%{y}: %{x:.2f}<extra>" + names[0] + "</extra>")
    fig.add_bar(x=df[after], y=df[label], orientation="h", name=names[1], marker_color=theme.CATEGORICAL[0],
                hovertemplate="%{y}: %{x:.2f}<extra>" + names[1] + "</extra>")
    if reference is not None:
        fig.add_vline(x=reference, line=dict(color=theme.CATEGORICAL[7], dash="dash", width=1.5),
                      annotation_text=reference_label or "", annotation_position="top")
    fig.update_layout(barmode="group", bargap=0.25)
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(title=x_title, gridcolor="#eeeeee", rangemode="tozero")
    return chart_layout(fig, title, lang, height=max(300, 120 + 2 * ROW_PX * len(df)))
