"""Pure plotly builder for the public page's bar charts, drawn only from published (protected) values."""

from __future__ import annotations

import html
from typing import Literal

import pandas as pd
import plotly.graph_objects as go

from builders import theme

ID_SEPARATORS = ",."  # decimal, thousands: Indonesian axis ticks


def make_protected_bars(
    data: pd.DataFrame,
    *,
    title: str | None = None,
    value_title: str,
    orientation: Literal["v", "h"] = "v",
    separators: str = ID_SEPARATORS,
) -> go.Figure:
    """Bars of published values with their published text on each bar.

    data: label, nilai (published int, or None for "<10"/"x"), teks (the text to print: "1.235", "<10", "x").
    A suppressed value gets no bar at all, only its marker text at the baseline, so a hidden count is never
    drawn as an amount (not even as 0). Texts are escaped: plotly reads "<" as the start of a tag.
    """
    missing = [c for c in ("label", "nilai", "teks") if c not in data.columns]
    if missing:
        raise ValueError(f"data tidak memiliki kolom: {', '.join(missing)}")
    labels = data["label"].astype(str).tolist()
    heights = [None if v is None or pd.isna(v) else float(v) for v in data["nilai"]]
    texts = data["teks"].astype(str).tolist()
    # customdata + texttemplate, not text: plotly.js would read "1.360" as the number 1.36 and reformat it.
    shown = [t if h is not None else "" for t, h in zip(texts, heights)]
    bar = dict(customdata=shown, texttemplate="%{customdata}", textposition="outside", cliponaxis=False,
               marker_color=theme.CATEGORICAL[0], hovertemplate="%{y}: %{customdata}<extra></extra>"
               if orientation == "h" else "%{x}: %{customdata}<extra></extra>", orientation=orientation)
    fig = go.Figure(go.Bar(x=labels, y=heights, **bar) if orientation == "v"
                    else go.Bar(y=labels, x=heights, **bar))
    hidden = [(label, text) for label, height, text in zip(labels, heights, texts) if height is None]
    for label, text in hidden:
        # The marker stands where the bar would start; no bar, so nothing reads as a quantity.
        fig.add_annotation(**({"x": label, "y": 0, "yanchor": "bottom"} if orientation == "v"
                              else {"y": label, "x": 0, "xanchor": "left"}),
                           text=html.escape(text), showarrow=False, font={"color": "#444444"})
    value_axis = {"title": value_title, "rangemode": "tozero", "tickformat": ",d"}
    fig.update_layout(
        title=title or None, separators=separators, margin={"l": 10, "r": 60, "t": 50 if title else 20, "b": 10},
        height=360 if orientation == "v" else max(260, 40 * len(labels) + 80), showlegend=False,
        plot_bgcolor="white", font={"family": theme.FONT_FAMILY},
    )
    if orientation == "v":
        fig.update_yaxes(**value_axis, gridcolor="#e5e5e5")
        fig.update_xaxes(type="category")
    else:
        fig.update_xaxes(**value_axis, gridcolor="#e5e5e5")
        fig.update_yaxes(type="category", autorange="reversed")
    return fig


def make_protected_heatmap(
    data: pd.DataFrame,
    *,
    value_title: str,
    separators: str = ID_SEPARATORS,
) -> go.Figure:
    """A category x year grid of published values (issue 26: victims by province and year).

    data: label (row), kolom (column label, e.g. "2025 (Jan–Jul)"), nilai (published int or None), teks (printed
    text). A hidden cell has no colour at all (z is empty), only its marker, so "<10" and "x" never read as an
    amount; rows keep their order in `data` from top to bottom.
    """
    missing = [c for c in ("label", "kolom", "nilai", "teks") if c not in data.columns]
    if missing:
        raise ValueError(f"data tidak memiliki kolom: {', '.join(missing)}")
    rows = list(dict.fromkeys(data["label"].astype(str)))
    cols = list(dict.fromkeys(data["kolom"].astype(str)))
    cell = {(str(r.label), str(r.kolom)): r for r in data.itertuples(index=False)}
    z = [[None if (c := cell.get((row, col))) is None or c.nilai is None or pd.isna(c.nilai) else float(c.nilai)
          for col in cols] for row in rows]
    text = [[html.escape(str(cell[(row, col)].teks)) if (row, col) in cell else "" for col in cols] for row in rows]
    fig = go.Figure(go.Heatmap(
        z=z, x=cols, y=rows, text=text, texttemplate="%{text}", colorscale="Reds", hoverongaps=False,
        colorbar={"title": {"text": value_title}, "tickformat": ",d"}, xgap=1, ygap=1,
        hovertemplate="%{y} · %{x}: %{text}<extra></extra>",
    ))
    fig.update_layout(separators=separators, height=max(300, 22 * len(rows) + 90),
                      margin={"l": 10, "r": 10, "t": 20, "b": 10}, plot_bgcolor="#f2f2f2",
                      font={"family": theme.FONT_FAMILY})
    fig.update_xaxes(type="category", side="top")
    fig.update_yaxes(type="category", autorange="reversed")
    return fig


def make_protected_lines(
    data: pd.DataFrame,
    *,
    value_title: str,
    separators: str = ID_SEPARATORS,
) -> go.Figure:
    """One line per category over the years (issue 26: victims by modus and year).

    data: label (series), kolom (year label), nilai (published int or None), teks. A hidden value breaks the line
    (no point, no interpolation across it): the hover of its neighbours still says what is published.
    """
    missing = [c for c in ("label", "kolom", "nilai", "teks") if c not in data.columns]
    if missing:
        raise ValueError(f"data tidak memiliki kolom: {', '.join(missing)}")
    fig = go.Figure()
    for i, (label, part) in enumerate(data.groupby("label", sort=False)):
        values = [None if v is None or pd.isna(v) else float(v) for v in part["nilai"]]
        fig.add_trace(go.Scatter(
            x=part["kolom"].astype(str).tolist(), y=values, name=str(label), mode="lines+markers",
            connectgaps=False, customdata=[html.escape(str(t)) for t in part["teks"]],
            line={"color": theme.CATEGORICAL[i % len(theme.CATEGORICAL)]},
            hovertemplate=f"{html.escape(str(label))} · %{{x}}: %{{customdata}}<extra></extra>",
        ))
    fig.update_layout(separators=separators, height=380, margin={"l": 10, "r": 10, "t": 20, "b": 10},
                      plot_bgcolor="white", font={"family": theme.FONT_FAMILY}, legend={"orientation": "h", "y": -0.2})
    fig.update_yaxes(title=value_title, rangemode="tozero", tickformat=",d", gridcolor="#e5e5e5")
    fig.update_xaxes(type="category")
    return fig
