"""Pure plotly builders for briefings and Jarnas monitoring: trend lines, handling funnel, report status
grid, top-N bars, capacity and WISN bars. Data in, go.Figure out; labels from the caller or strings/ in lang."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from builders import theme
from domain.formatting import fmt_int, fmt_month, fmt_pct
from strings import tr

# Completeness: 0 (nothing reported) vermillion → 1 (complete) bluish green; both ends read in grey scale.
COMPLETENESS_SCALE = ((0.0, theme.CATEGORICAL[3]), (0.5, "#F0E442"), (1.0, theme.CATEGORICAL[2]))
PALETTE = [c for c in theme.CATEGORICAL if c != "#F0E442"]  # yellow lines vanish on white slides


def chart_layout(fig: go.Figure, title: str, lang: str, **extra) -> go.Figure:
    settings = dict(
        title=dict(text=title, x=0, xanchor="left"),
        separators=theme.SEPARATORS.get(lang, theme.SEPARATORS["id"]),
        font=dict(family=theme.FONT_FAMILY, size=13),
        paper_bgcolor="white", plot_bgcolor="white",
        margin=dict(l=10, r=10, t=50, b=10),
    )
    fig.update_layout(**{**settings, **extra})
    # automargin: the margins grow to fit tick labels and axis titles, so long unit names and month ticks are
    # not cut off (the deck exports at a fixed size with larger type than the page).
    fig.update_xaxes(showgrid=False, linecolor=theme.BORDER, automargin=True, **theme.NUMBER_AXIS)
    fig.update_yaxes(gridcolor="#e5e5e5", zeroline=False, automargin=True, **theme.NUMBER_AXIS)
    return fig


def wrap_title(title: str, width: int = 40) -> str:
    """Plotly never wraps a title; on a phone a long one ran off the chart. Lines of at most width characters,
    broken between words."""
    lines: list[str] = []
    for word in title.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


MAX_MONTH_TICKS = 8  # "Okt 2024" labels stay apart at the deck's enlarged type and on a half-width page chart


def month_ticks(months: list, lang: str, every: int = 3) -> dict:
    """Tick positions and labels for a monthly axis in the language ("Okt 2024", not plotly's English "Oct"):
    every `every` months, or every 6 or 12 when that would give more than MAX_MONTH_TICKS labels."""
    stamps = sorted({pd.Timestamp(m) for m in months})
    if not stamps:
        return {}
    start = stamps[0]
    span = (stamps[-1].year - start.year) * 12 + stamps[-1].month - start.month + 1
    every = next((e for e in (every, 6, 12, 24) if e >= every and -(-span // e) <= MAX_MONTH_TICKS), 24)
    shown = [m for m in stamps if ((m.year - start.year) * 12 + m.month - start.month) % every == 0]
    return dict(tickmode="array", tickvals=shown, ticktext=[fmt_month(m.date(), lang) for m in shown])


def empty_figure(title: str, message: str) -> go.Figure:
    fig = go.Figure()
    fig.update_layout(title=title, xaxis=dict(visible=False), yaxis=dict(visible=False),
                      annotations=[dict(text=message, x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False)],
                      font=dict(family=theme.FONT_FAMILY, size=13), paper_bgcolor="white", plot_bgcolor="white")
    return fig


def make_trend_lines(
    monthly: pd.DataFrame,
    dim: str,
    labels: dict[str, str],
    *,
    title: str,
    y_title: str | None = None,
    highlight: tuple[str, ...] = (),
    lang: str = "id",
    empty_message: str | None = None,
) -> go.Figure:
    """One line per category of dim over months (missing months drawn as 0).

    monthly: bulan, <dim>, jumlah. labels: code → display name, in legend order (categories not in labels
    follow). highlight: codes drawn thicker and marked "▲" in the legend (e.g. rising modus).
    """
    if monthly.empty or monthly["jumlah"].sum() == 0:
        return empty_figure(title, empty_message or tr("chart.empty", lang))
    from domain.trends import monthly_table

    present = list(dict.fromkeys(monthly[dim]))
    order = [c for c in labels if c in present] + [c for c in present if c not in labels]
    wide = monthly_table(monthly, dim, categories=order)
    fig = go.Figure()
    for i, code in enumerate(wide.columns):
        name = labels.get(code, code)
        strong = code in highlight
        fig.add_trace(go.Scatter(
            x=[pd.Timestamp(m) for m in wide.index], y=wide[code].tolist(), mode="lines+markers",
            name=("▲ " + name) if strong else name,
            line=dict(color=PALETTE[i % len(PALETTE)], width=4 if strong else 2),
            marker=dict(size=5 if strong else 3),
            text=[fmt_month(pd.Timestamp(m).date(), lang) for m in wide.index],
            hovertemplate=f"{name}<br>%{{text}}: %{{y:,d}}<extra></extra>",
        ))
    chart_layout(fig, title, lang, legend=dict(orientation="h", yanchor="top", y=-0.22, x=0),
            yaxis=dict(title=y_title or tr("chart.victims_month", lang), rangemode="tozero"), hovermode="x unified", margin=dict(l=10, r=10, t=50, b=40))
    fig.update_xaxes(**month_ticks(list(wide.index), lang))
    return fig


def make_pipeline_funnel(
    stages: pd.DataFrame,
    stage_labels: dict[str, str],
    *,
    title: str,
    entry_stage: str = "asesmen",
    share_label: str | None = None,
    lang: str = "id",
    empty_message: str | None = None,
) -> go.Figure:
    """Victims reaching each handling stage, in the order of stage_labels, as a funnel.

    stages: tahap, jumlah. Each stage's label reads "name / n · x%", x the share of the entry stage (the hover
    adds share_label). Labels sit left of the bars and not beside them: a phone has no room for a 230 px text
    margin, which cut the labels on both sides. Medical rehabilitation runs beside the social track, so the bars
    need not shrink monotonically.
    """
    counts = stages.groupby("tahap")["jumlah"].sum() if len(stages) else pd.Series(dtype="int64")
    if counts.sum() == 0:
        return empty_figure(title, empty_message or tr("chart.empty", lang))
    codes = list(stage_labels)
    names = [stage_labels[c] for c in codes]
    values = [int(counts.get(c, 0)) for c in codes]
    entry = int(counts.get(entry_stage, 0))
    share_label = share_label or tr("chart.share_of_entry", lang)
    shares = [fmt_pct(v / entry, lang=lang) if entry else "" for v in values]
    ticks = [f"{name}<br><b>{fmt_int(v, lang)}</b>" + (f" · {share}" if share else "")
             for name, v, share in zip(names, values, shares)]
    hover = [f"{fmt_int(v, lang)}" + (f" ({share} {share_label})" if share else "") for v, share in zip(values, shares)]
    fig = go.Figure(go.Funnel(
        y=names, x=values, textinfo="none", customdata=hover,
        marker=dict(color=[theme.CATEGORICAL[2] if c == entry_stage else theme.CATEGORICAL[0] for c in codes]),
        connector=dict(line=dict(color=theme.BORDER, width=1)),
        hovertemplate="%{y}: %{customdata}<extra></extra>",
    ))
    chart_layout(fig, title, lang, margin=dict(l=10, r=10, t=50, b=10))
    fig.update_yaxes(tickmode="array", tickvals=names, ticktext=ticks)
    return fig


# Report status → colour position on COMPLETENESS_SCALE (domain.submissions statuses; not yet due is left grey).
STATUS_SCALE = {"tepat_waktu": 1.0, "terlambat": 0.5, "belum": 0.0}


def make_report_grid(
    status: pd.DataFrame,
    reporter_labels: dict[str, str],
    *,
    title: str,
    lang: str = "id",
    empty_message: str | None = None,
) -> go.Figure:
    """Months (rows, latest on top) x reporters (columns): each monthly report on time, late (days after its due
    date), missing, or not yet due (grey). A zero report reads "0": a report that arrived with nothing to report.

    status: domain.submissions.report_status (pelapor, bulan, status, hari_terlambat, nol)."""
    if status.empty:
        return empty_figure(title, empty_message or tr("chart.empty", lang))
    reporters = [r for r in reporter_labels if r in set(status["pelapor"])]
    months = sorted(status["bulan"].unique())  # plotly draws the first row at the bottom: latest on top
    cell = status.set_index(["bulan", "pelapor"])
    z, text = [], []
    for month in months:
        z_row, text_row = [], []
        for reporter in reporters:
            if (month, reporter) not in cell.index:
                z_row.append(None)
                text_row.append("")
                continue
            r = cell.loc[(month, reporter)]
            z_row.append(STATUS_SCALE.get(r["status"]))
            text_row.append(tr(f"rep.cell.{r['status']}", lang, days=int(r["hari_terlambat"]))
                            + (" · 0" if r["status"] in ("tepat_waktu", "terlambat") and bool(r["nol"]) else ""))
        z.append(z_row)
        text.append(text_row)
    fig = go.Figure(go.Heatmap(
        z=z, x=[reporter_labels[r] for r in reporters], y=[fmt_month(m, lang) for m in months], text=text,
        texttemplate="%{text}", zmin=0, zmax=1, colorscale=[list(s) for s in COMPLETENESS_SCALE],
        xgap=2, ygap=2, hoverongaps=False,
        # Below the grid and across it, not beside it: on a phone a side colour bar left the cells 15 px wide.
        colorbar=dict(title=dict(text=tr("rep.legend", lang), side="top"), tickmode="array",
                      tickvals=[0, 0.5, 1], ticktext=[tr(f"rep.status.{k}", lang) for k in STATUS_SCALE][::-1],
                      thickness=10, orientation="h", x=0, xanchor="left", y=0, yanchor="top", ypad=30, len=1,
                      lenmode="fraction"),
        hovertemplate="%{y} · %{x}: %{text}<extra></extra>",
    ))
    height = max(360, 22 * len(months) + 190)
    chart_layout(fig, wrap_title(title), lang, height=height, plot_bgcolor=theme.NO_DATA_FILL,
                 margin=dict(l=10, r=10, t=90, b=80))
    # The title claims its own room, so the agency names (turned on a narrow screen) stay below it.
    fig.update_layout(title=dict(automargin=True, yref="container", y=1, yanchor="top", pad=dict(t=24)))
    fig.update_xaxes(side="top")
    fig.update_yaxes(gridcolor=theme.NO_DATA_FILL, type="category")
    return fig


def make_top_bars(
    top: pd.DataFrame,
    *,
    title: str,
    x_title: str | None = None,
    lang: str = "id",
    colour: str = theme.CATEGORICAL[0],
    empty_message: str | None = None,
) -> go.Figure:
    """Horizontal bars, largest on top. top: nama, jumlah, porsi (share of all victims, shown as text)."""
    if top.empty:
        return empty_figure(title, empty_message or tr("chart.empty", lang))
    data = top.iloc[::-1]
    text = [f"{fmt_int(j, lang)} ({fmt_pct(p, lang=lang)})" for j, p in zip(data["jumlah"], data["porsi"])]
    fig = go.Figure(go.Bar(
        x=data["jumlah"], y=data["nama"], orientation="h", marker_color=colour, text=text,
        textposition="outside", cliponaxis=False, hovertemplate="%{y}: %{x:,d}<extra></extra>",
    ))
    chart_layout(fig, title, lang, xaxis=dict(title=x_title or tr("chart.victims_axis", lang)), margin=dict(l=10, r=90, t=50, b=10),
            height=max(300, 32 * len(data) + 90))
    return fig


def make_utilisation_bars(
    metrics: pd.DataFrame,
    *,
    title: str,
    x_title: str | None = None,
    threshold: float = 0.9,
    limit: int = 12,
    lang: str = "id",
    empty_message: str | None = None,
) -> go.Figure:
    """The `limit` units with the highest utilisation, coloured by theme.UTILISATION_BANDS, with the
    alert threshold as a dashed line. metrics: nama, utilisasi (domain.capacity.unit_metrics)."""
    data = metrics.dropna(subset=["utilisasi"]) if len(metrics) else metrics
    if data is None or data.empty:
        return empty_figure(title, empty_message or tr("chart.empty", lang))
    data = data.sort_values("utilisasi", ascending=False, kind="mergesort").head(limit).iloc[::-1]

    def band(u: float) -> str:
        for upper, colour, _label in theme.UTILISATION_BANDS:
            if u < upper or (upper == 1.0 and u == 1.0):
                return colour
        return theme.UTILISATION_BANDS[-1][1]

    fig = go.Figure(go.Bar(
        x=data["utilisasi"], y=data["nama"], orientation="h", marker_color=[band(u) for u in data["utilisasi"]],
        text=[fmt_pct(u, digits=0, lang=lang) for u in data["utilisasi"]], textposition="outside", cliponaxis=False,
        hovertemplate="%{y}: %{x:.0%}<extra></extra>",
    ))
    fig.add_vline(x=threshold, line=dict(color=theme.BORDER, dash="dash", width=1.5))
    top = max(1.1, math.ceil(float(data["utilisasi"].max()) * 10 + 1) / 10)
    chart_layout(fig, title, lang, xaxis=dict(title=x_title or tr("chart.utilisation", lang), tickformat=".0%", range=[0, top]),
            margin=dict(l=10, r=60, t=50, b=10), height=max(300, 30 * len(data) + 90))
    return fig


def make_wisn_role_bars(
    roles: pd.DataFrame,
    role_labels: dict[str, str],
    *,
    title: str,
    current_label: str | None = None,
    required_label: str | None = None,
    lang: str = "id",
    empty_message: str | None = None,
) -> go.Figure:
    """Current against required staff per role (grouped horizontal bars). roles: peran, current_staff,
    required_staff. Role names are the bars' labels on the y axis, where they are never cut: on the x axis the
    deck's enlarged type cut "Pekerja sosial" to "Pekerja so…" and the legend below ran into it (issue 25); the
    legend sits above the bars."""
    if roles is None or roles.empty:
        return empty_figure(title, empty_message or tr("chart.empty", lang))
    names = [role_labels.get(r, r) for r in roles["peran"]]
    fig = go.Figure([
        go.Bar(y=names, x=roles["current_staff"], name=current_label or tr("chart.staff_current", lang),
               orientation="h", marker_color=theme.CATEGORICAL[0], hovertemplate="%{y}: %{x:,.0f}<extra></extra>"),
        go.Bar(y=names, x=roles["required_staff"], name=required_label or tr("chart.staff_required", lang),
               orientation="h", marker_color=theme.CATEGORICAL[1], hovertemplate="%{y}: %{x:,.0f}<extra></extra>"),
    ])
    chart_layout(fig, title, lang, barmode="group",
                 legend=dict(orientation="h", y=1.0, yanchor="bottom", x=0, xanchor="left"))
    fig.update_yaxes(autorange="reversed")  # the first role on top, as in the table beside it
    return fig
