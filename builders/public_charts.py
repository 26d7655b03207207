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
