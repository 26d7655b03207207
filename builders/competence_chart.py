"""The SDM competence chart: trained and certified share per role against the admin's targets."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from builders import theme
from builders.capacity_charts import ROW_PX, chart_layout, labels_for

COMPETENCE_KEYS = ("trained", "certified", "target_trained", "target_certified", "x")  # "kom.chart.<key>"


def make_competence_chart(by_role: pd.DataFrame, *, title: str, role_names: Mapping[str, str],
                          labels: Mapping[str, str] | None = None, lang: str = "id") -> go.Figure:
    """Per role (domain.competence.competence_by_role): bars of the trained and certified share, and a diamond
    at each target. A role without a certificate target shows no certified bar (nothing to measure it against)."""
    labels = labels or labels_for("kom.chart", COMPETENCE_KEYS, lang)
    names = [role_names.get(r, r) for r in by_role["peran"]]
    certified = by_role["porsi_bersertifikat"].where(by_role["target_bersertifikat"].notna())
    fig = go.Figure()
    for values, name, colour in ((by_role["porsi_terlatih"], labels["trained"], theme.CATEGORICAL[0]),
                                 (certified, labels["certified"], theme.CATEGORICAL[2])):
        fig.add_bar(x=(100 * values).tolist(), y=names, orientation="h", name=name, marker_color=colour,
                    hovertemplate="%{y}: %{x:.0f} %<extra>" + name + "</extra>")
    for target, label, colour in (("target_terlatih", labels["target_trained"], theme.CATEGORICAL[0]),
                                  ("target_bersertifikat", labels["target_certified"], theme.CATEGORICAL[2])):
        rows = by_role[target].notna()
        if rows.any():  # a diamond in the bar's colour, outlined dark so it shows on the bar itself
            fig.add_scatter(x=(100 * by_role.loc[rows, target]).tolist(), y=[n for n, r in zip(names, rows) if r],
                            mode="markers", name=label, marker=dict(symbol="diamond", size=13, color=colour,
                                                                    line=dict(color="#222222", width=1.5)),
                            hovertemplate="%{y}: %{x:.0f} %<extra>" + label + "</extra>")
    fig.update_layout(barmode="group", bargap=0.25)
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(title=labels["x"], gridcolor="#eeeeee", range=[0, 105])
    return chart_layout(fig, title, lang, height=max(300, 120 + 2 * ROW_PX * len(by_role)))
