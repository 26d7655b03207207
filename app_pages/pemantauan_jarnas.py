"""Jarnas monitoring: trends by modus, sex and age, new or rising modus, the handling pipeline, and
cross-agency reporting completeness and timeliness (from the submissions)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from builders.briefing_charts import make_pipeline_funnel, make_trend_lines
from data_access.cases import get_period_bounds, get_stage_counts, get_victims_by
from data_access.reference import get_code_names
from data_access.submissions import get_reporting_view
from domain import trends
from domain.actions import watch_windows
from domain.indicators import CATALOGUE
from domain.messages import rising_statements
from domain.statements import ignored_note
from domain.formatting import fmt_month, fmt_period
from domain.taxonomy import ENTRY_STAGE, JENIS_KELAMIN, KELOMPOK_UMUR
from ui.cached import figure, memo
from ui.charts import show_chart
from ui.filters import current_filters
from ui.frame import download_table, empty_state, page_header, provenance, say, show_table
from exports.indicator_tables import rising_rule
from ui.i18n import current_lang, t
from ui.reporting_section import show_reporting

KINDS = ("kasus",)
page_header("nav.pemantauan_jarnas", "purpose.pemantauan_jarnas", kinds=KINDS)
filters = current_filters()
lang = current_lang()
first, last = get_period_bounds()
end = filters.end or last
if end is None:
    empty_state()
names = get_code_names(lang)
source, stage_source = t("eks.source.kasus"), t("jar.source.stages")

# --- monthly trends ---------------------------------------------------------------------------
st.subheader(t("jar.trend.header"))
say(ignored_note([CATALOGUE["korban_ditangani"]], filters, lang, "scope.ignored_victims"))
dims = ("modus", "jenis_kelamin", "kelompok_umur")
dim = st.segmented_control(t("jar.trend.by"), options=dims, default="modus", key="jar_trend_dim",
                           format_func=lambda d: t(f"jar.trend.dim.{d}")) or "modus"
labels = {"modus": names["modus"], "jenis_kelamin": {k: t(f"sex.{k}") for k in JENIS_KELAMIN},
          "kelompok_umur": {k: t(f"age.{k}") for k in KELOMPOK_UMUR}}[dim]
monthly = get_victims_by(filters, ("bulan", dim))
history = get_victims_by(filters.with_(start=None), ("bulan", "modus"))
rising = memo(trends.detect_rising, history, "modus", end=end, first_month=first, categories=list(names["modus"]))
hits = trends.flagged(rising)
highlight = tuple(hits["kategori"]) if dim == "modus" else ()
show_chart(figure(make_trend_lines, monthly, dim, labels, title=t("jar.trend.title", dim=t(f"jar.trend.dim.{dim}")),
                            y_title=t("jar.trend.y"), highlight=highlight, lang=lang,
                            empty_message=t("empty.no_data")), key="jar_trend_chart")
provenance(source, filters, KINDS)
trend_table = trends.monthly_table(monthly, dim, categories=list(labels)) if len(monthly) else pd.DataFrame()
trend_table = trend_table.rename(columns=labels).reset_index().assign(bulan=lambda d: d["bulan"].map(
    lambda m: fmt_month(m, lang))) if len(trend_table) else trend_table
with st.expander(t("eks.table.data")):
    show_table(trend_table, hide_index=True, key="jar_trend_table")
    download_table(trend_table, f"tren_{dim}", filters, KINDS)

# --- new or rising modus ----------------------------------------------------------------------
st.subheader(t("jar.rising.header"))
recent, baseline = watch_windows(end, first)
st.caption(t("jar.rising.window", recent=fmt_period(recent.start, recent.end, lang),
             baseline=fmt_period(baseline.start, baseline.end, lang)) if baseline else
           t("jar.rising.window.none", recent=fmt_period(recent.start, recent.end, lang)))
for note in rising_statements(rising, names["modus"], end, lang):
    say(note, {"jar.rising.short": "info", "jar.rising.none": "success"}.get(note.key, "warning"),
        **({"icon": ":material/trending_up:"} if note.key.startswith("jar.rising.item") else {}))
st.caption(rising_rule(lang))
rising_table = rising.assign(modus=rising["kategori"].map(names["modus"]).fillna(rising["kategori"]),
                             status=rising["status"].map(lambda s: t(f"jar.status.{s}")))
rising_table = rising_table[["modus", "jumlah_terkini", "rata_terkini", "rata_dasar", "rasio", "p_nilai", "status"]]
rising_table = rising_table.round({"rata_terkini": 1, "rata_dasar": 1, "rasio": 2, "p_nilai": 4})
with st.expander(t("eks.table.data")):
    show_table(rising_table, hide_index=True, key="jar_rising_table")
    download_table(rising_table, "modus_naik", filters, KINDS)

# --- handling pipeline ------------------------------------------------------------------------
st.subheader(t("jar.pipeline.header"))
st.caption(t("jar.pipeline.note"))
apply_agency = bool(filters.instansi) and st.checkbox(t("jar.pipeline.apply_agency"), key="jar_pipeline_agency")
stages = get_stage_counts(filters if apply_agency else filters.with_(instansi=()), ("tahap",))
if apply_agency:
    st.info(t("jar.pipeline.agency_on"))
show_chart(figure(make_pipeline_funnel, stages, names["tahap"], title=t("jar.pipeline.title"), entry_stage=ENTRY_STAGE,
                                share_label=t("jar.pipeline.share"), lang=lang,
                                empty_message=t("empty.no_data")), key="jar_pipeline_chart")
provenance(stage_source, filters, KINDS)
counts = stages.set_index("tahap")["jumlah"] if len(stages) else pd.Series(dtype="int64")
entry = int(counts.get(ENTRY_STAGE, 0))
stage_table = pd.DataFrame({"tahap": list(names["tahap"].values()),
                            "jumlah": [int(counts.get(c, 0)) for c in names["tahap"]]})
stage_table["porsi_korban_ditangani"] = (stage_table["jumlah"] / entry).round(3) if entry else float("nan")
with st.expander(t("eks.table.data")):
    show_table(stage_table, hide_index=True, key="jar_stage_table")
    download_table(stage_table, "alur_penanganan", filters, KINDS)

# --- reporting completeness and timeliness (submissions) --------------------------------------
show_reporting(get_reporting_view(filters), filters, names, lang)
