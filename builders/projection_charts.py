"""Pure plotly builder of a projection fan chart: the actual months, the median and the 80 % and 95 % bands."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from builders import theme
from builders.capacity_charts import chart_layout, labels_for

# Label keys in strings/ ("proy.chart.<key>").
KEYS = ("actual", "median", "band80", "band95", "y", "x")
HISTORY_MONTHS = 24  # the actual months shown before the projection: two seasons are enough to read it against


def make_projection_chart(history: pd.DataFrame, table: pd.DataFrame, *, title: str,
                          labels: Mapping[str, str] | None = None, lang: str = "id") -> go.Figure:
    """history: bulan, jumlah (actual); table: bulan, median, lo80, hi80, lo95, hi95 (domain.projection)."""
    labels = labels or labels_for("proy.chart", KEYS, lang)
    past = history.tail(HISTORY_MONTHS)
    x_past, x_next = pd.to_datetime(past["bulan"]), pd.to_datetime(table["bulan"])
    fig = go.Figure()
    for low, high, key, alpha in (("lo95", "hi95", "band95", 0.18), ("lo80", "hi80", "band80", 0.35)):
        colour = f"rgba(33, 102, 172, {alpha})"
        fig.add_scatter(x=x_next, y=table[high], mode="lines", line=dict(width=0), showlegend=False,
                        hoverinfo="skip")
        fig.add_scatter(x=x_next, y=table[low], mode="lines", line=dict(width=0), fill="tonexty", fillcolor=colour,
                        name=labels[key], customdata=table[[low, high]].to_numpy(),
                        hovertemplate="%{x|%b %Y}: %{customdata[0]:,.0f}–%{customdata[1]:,.0f}<extra>"
                                      + labels[key] + "</extra>")
    fig.add_scatter(x=x_past, y=past["jumlah"], mode="lines+markers", name=labels["actual"],
                    line=dict(color=theme.CATEGORICAL[7], width=2),
                    hovertemplate="%{x|%b %Y}: %{y:,.0f}<extra>" + labels["actual"] + "</extra>")
    fig.add_scatter(x=x_next, y=table["median"], mode="lines+markers", name=labels["median"],
                    line=dict(color=theme.CATEGORICAL[0], width=2, dash="dash"),
                    hovertemplate="%{x|%b %Y}: %{y:,.0f}<extra>" + labels["median"] + "</extra>")
    chart_layout(fig, title, lang, height=380)
    fig.update_layout(margin=dict(l=70))  # room for the counts beside the axis title (the layout's 10 px cut them)
    fig.update_yaxes(title=labels["y"], rangemode="tozero", automargin=True)
    fig.update_xaxes(title=labels["x"])
    return fig
