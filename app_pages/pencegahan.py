"""Prevention (the upstream half): origin risk beside prevention reach, the priority list, prevented departures
against victims over time (figures from domain.indicators; rules in domain.prevention)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from builders.prevention_charts import make_area_choropleth, make_departures_vs_victims
from data_access.prevention import get_area_view, get_prevention_view
from data_access.reference import get_code_names
from domain.formatting import fmt_dec, fmt_int, fmt_period
from domain.prevention import PRIORITY_COLUMNS
from exports.prevention_slide import priority_rule, scope_note
from ui.boundary_route import boundary_url, map_boundaries
from ui.cached import figure
from ui.charts import show_chart
from ui.filters import current_filters, get_drill, set_drill
from ui.frame import download_table, empty_state, page_header, provenance, say
from ui.i18n import current_lang, t

KINDS = ("kasus", "populasi", "kegiatan_pencegahan", "pencegahan_keberangkatan", "penempatan_pmi")
RISK = ("korban_per_10rb_pmi", "korban_100rb")
REACH = ("kegiatan_12", "kegiatan_100rb")
page_header("nav.pencegahan", "purpose.pencegahan", kinds=KINDS)
lang = current_lang()
requested = current_filters()
v = get_prevention_view(requested)
if v.filters is None:
    empty_state()
f, year = v.filters, v.placement_year
names = get_code_names(lang)
prov_names = names["provinsi"]
year_text = str(year) if year else t("pcg.no_year")
st.markdown(t("pcg.context", period=fmt_period(f.start, f.end, lang),
              window=fmt_period(v.window.start, v.window.end, lang), year=year_text))
# Every figure of this page reads the period and the province only, the victims beside prevention included.
say(scope_note(v, lang))
for note in v.notes(lang):
    say(note, "info" if note.key in ("cov.none", "cov.outside") else "caption")

gap = v.gap
no_data = t("eks.no_data")
(k1, k2), (k3, k4) = st.columns(2), st.columns(2)  # four long labels do not fit one row
k1.metric(t("pcg.kpi.per_placed"), fmt_dec(v.victims_per_placed, 1, lang),
          help=t("ind.korban_per_10rb_pmi.def"), border=True)
k2.metric(t("pcg.kpi.activities"), fmt_int(v.activities, lang, no_data), help=t("ind.kegiatan_pencegahan.def"),
          border=True)
k3.metric(t("pcg.kpi.prevented"), fmt_int(v.prevented, lang, no_data), help=t("ind.keberangkatan_dicegah.def"),
          border=True)
k4.metric(t("pcg.kpi.priority"), fmt_int(len(gap), lang) if gap is not None else no_data,
          help=t("ind.wilayah_prioritas_pencegahan.def"), border=True)

# --- map: origin risk beside prevention reach (province; kab/kota after choosing a province) ---------------
st.subheader(t("pcg.map.header"))
drill = get_drill() if get_drill() in prov_names else None
st.session_state["pcg_prov"] = drill or ""
c1, c2, c3 = st.columns(3)
c1.selectbox(t("peta.pilih_prov"), options=["", *prov_names], key="pcg_prov",
             format_func=lambda k: prov_names.get(k, t("peta.nasional")),
             on_change=lambda: set_drill(st.session_state.get("pcg_prov") or None))
risk = c2.radio(t("pcg.map.risk"), RISK, key="pcg_risk", format_func=lambda m: t(f"pcg.map.risk.{m}", year=year_text))
reach = c3.radio(t("pcg.map.reach"), REACH, key="pcg_reach", format_func=lambda m: t(f"pcg.map.reach.{m}"))
areas = get_area_view(f, drill) if drill else v.provinces
bounds = map_boundaries(drill)
where = prov_names.get(drill, t("peta.nasional"))
if drill and "100rb" in risk + reach and areas["populasi"].isna().all():
    st.caption(t("pcg.map.no_population"))
if bounds is None or not len(bounds):
    st.info(t("peta.no_boundaries"), icon="ℹ️")
else:
    # One above the other, each the page's width: side by side at 1366 px each Indonesia was ~300 px wide (issue 25).
    left, right = st.container(), st.container()
    for col, measure, count, title, count_label in (
            (left, risk, "korban_tahun" if risk == "korban_per_10rb_pmi" else "korban", "pcg.map.risk_title",
             "pcg.map.victims"),
            (right, reach, "kegiatan_12", "pcg.map.reach_title", "pcg.map.activities")):
        values = pd.DataFrame({"kode": areas["kode"], "nilai": areas[measure].astype(float), "jumlah": areas[count]})
        label = t(f"pcg.map.{'risk' if col is left else 'reach'}.{measure}", year=year_text)
        show_chart(figure(make_area_choropleth, bounds, values, title=t(title), value_label=label,
                          count_label=t(count_label), lang=lang, zoom_to_data=bool(drill),
                          geojson_url=boundary_url(drill)),
                   key=f"pcg_map_{'risk' if col is left else 'reach'}", where=col)
    st.caption(t("pcg.map.alt", where=where, risk=t(f"pcg.map.risk.{risk}", year=year_text),
                 reach=t(f"pcg.map.reach.{reach}")))
with st.expander(t("pcg.areas.header")):
    cols = ["nama", "korban", "korban_100rb", "korban_tahun", "pmi", "korban_per_10rb_pmi", "kegiatan_12",
            "peserta_12", "kegiatan_100rb"]
    table = areas[cols].round(2).rename(columns={c: t(f"pcg.col.{c}", year=year_text) for c in cols})
    st.dataframe(table, hide_index=True, key="pcg_areas_table")
    download_table(table, "pencegahan_wilayah", f, KINDS)
provenance(t("pcg.source.risk") + "; " + t("pcg.source.activities"), f.with_(start=v.window.start, end=v.window.end),
           KINDS)

# --- priority areas ---------------------------------------------------------------------------------------
st.subheader(t("pcg.priority.header"))
if v.priority is not None:  # without activity data the list is not drawn up (said below), nor its rule stated
    st.caption(priority_rule(v, lang))
pr = v.priority if v.priority is not None else pd.DataFrame(columns=PRIORITY_COLUMNS)
if v.priority is None:
    st.info(t("pcg.priority.no_activities"), icon="ℹ️")
elif pr.empty:
    st.success(t("pcg.priority.none", window=fmt_period(v.window.start, v.window.end, lang)),
               icon=":material/check_circle:")
priority = pd.DataFrame({
    "urutan": pr.get("urutan"), "kelompok": pr.get("kelompok", pd.Series(dtype=int)).map(
        lambda g: t(f"pcg.priority.group.{g}")),
    "nama": pr.get("nama"), "provinsi": pr.get("kode_prov", pd.Series(dtype=str)).map(prov_names),
    **{c: pr.get(c) for c in ("korban_12", "korban_12_sebelumnya", "selisih", "kegiatan_12", "peserta_12")},
    "korban_per_kegiatan": pr.get("korban_per_kegiatan", pd.Series(dtype=float)).round(2),
    "korban_per_10rb_pmi": pr.get("korban_per_10rb_pmi", pd.Series(dtype=float)).round(1),
})
windows = dict(window=fmt_period(v.window.start, v.window.end, lang),
               previous=fmt_period(v.previous.start, v.previous.end, lang) if v.previous else "–")
priority = priority.rename(columns={c: t(f"pcg.pcol.{c}", **windows) for c in priority.columns})
if not pr.empty:
    st.dataframe(priority, hide_index=True, key="pcg_priority_table")
download_table(priority, "wilayah_prioritas_pencegahan", f.with_(start=v.window.start, end=v.window.end), KINDS)
provenance(t("pcg.source.risk") + "; " + t("pcg.source.activities"),
           f.with_(start=(v.previous or v.window).start, end=v.window.end), KINDS)

# --- prevented departures against victims over time -------------------------------------------------------
st.subheader(t("pcg.trend.header"))
shown = sorted(set(v.monthly["kode_prov"])) if len(v.monthly) else []
chosen = st.selectbox(t("pcg.trend.province"), ["", *shown], key="pcg_trend_prov",
                      format_func=lambda k: prov_names.get(k, t("peta.nasional")))
monthly = v.monthly[v.monthly["kode_prov"] == chosen] if chosen else v.monthly
show_chart(figure(make_departures_vs_victims, monthly,
                  title=t("pcg.trend.title", where=prov_names.get(chosen, t("peta.nasional"))),
                  prevented_label=t("pcg.trend.prevented"), victims_label=t("pcg.trend.victims"),
                  empty_message=t("pcg.trend.empty"), lang=lang), key="pcg_trend_chart")
st.caption(t("pcg.trend.note"))
if v.departures_source.has_data:
    used = v.departures_source.used
    provenance(t("pcg.source.prevented"), f.with_(start=used.start, end=used.end), ("pencegahan_keberangkatan", "kasus"))
