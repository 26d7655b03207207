"""Service capacity per sentra and RPTC: occupancy, pressure, alerts, map."""

from __future__ import annotations

import streamlit as st

from builders.capacity_charts import make_ranked_bars, make_unit_trend
from builders.capacity_map import make_capacity_map
from data_access.boundaries import get_boundaries
from data_access.capacity import get_occupancy
from data_access.reference import get_units
from data_access.staffing import get_staff_quarter, get_staffing
from data_access.indicators import ALERT_MIN_MONTHS
from data_access.indicators import ALERT_THRESHOLD as THRESHOLD
from data_access.indicators import get_alert_state, get_no_unit_notes, occupancy_window, resolve, unit_scope
from domain.capacity import monthly_utilisation, national_metrics, unit_map_frame, unit_metrics
from domain.statements import alert_statements, coverage_note, gaps_note
from domain.formatting import fmt_dec, fmt_int, fmt_month, fmt_pct
from exports.indicator_tables import unit_scope_note
from domain.taxonomy import TIPE_UNIT
from settings import load_settings
from ui.boundary_route import boundary_url
from ui.cached import figure, memo, show_map
from ui.charts import show_chart
from ui.filters import current_filters
from ui.frame import ALERT_ELEMENT, download_table, empty_state, page_header, provenance, say, show_table
from strings import tr_count
from ui.i18n import current_lang, t

KINDS = ("okupansi", "unit_layanan")

page_header("nav.kapasitas_sentra", "purpose.kapasitas_sentra", kinds=KINDS)
lang = current_lang()
filters, _ = resolve(current_filters())
if filters is None:
    empty_state()
source = t("kap.source")
st.caption(unit_scope_note(filters, lang))
for note in get_no_unit_notes(filters, lang):
    say(note, "info")
# Occupancy's own months: the period's months it covers (it may stop before the case data do).
beds = occupancy_window(filters)
say(coverage_note(beds, lang), "caption" if beds.has_data else "info")
# The one alert rule (data_access.indicators.AlertState): judged on the whole series up to the anchor month.
state = get_alert_state(filters)
if not beds.has_data or state.units == 0:
    st.stop()
say(gaps_note(state.gaps, dict(zip(get_units()["kode_unit"], get_units()["nama"])), lang))
occupancy = get_occupancy(unit_scope(filters).with_(start=beds.used.start, end=beds.used.end))
if occupancy.empty:
    empty_state()
units = get_units()
metrics = memo(unit_metrics, occupancy, units)
scope = t("kap.scope.selected") if filters.provinsi else t("kap.scope.national")
total = memo(national_metrics, occupancy, name=scope).iloc[0]
alerts = state.runs
names = dict(zip(units["kode_unit"], units["nama"]))
used = beds.used
shown = filters.with_(start=used.start, end=used.end)  # the months the figures below read

# --- headline figures -------------------------------------------------------------------------
st.subheader(tr_count("kap.kpi.header", lang, len(metrics), scope=scope, n=fmt_int(len(metrics), lang)))
row1, row2 = st.columns(5), st.columns(5)
row1[0].metric(t("kap.kpi.capacity"), fmt_int(total["kapasitas"], lang), help=t("kap.help.capacity"))
row1[1].metric(t("kap.kpi.avg_residents"), fmt_int(total["rata_penghuni"], lang))
row1[2].metric(t("kap.kpi.peak_residents"), fmt_int(total["puncak_penghuni"], lang), help=t("kap.help.peak"))
row1[3].metric(t("kap.kpi.utilisation"), fmt_pct(total["utilisasi"], lang=lang), help=t("kap.help.utilisation"))
row1[4].metric(t("kap.kpi.months_over"), fmt_int(total["bulan_di_atas_kapasitas"], lang),
               help=t("kap.help.months_over"))
row2[0].metric(t("kap.kpi.admissions"), fmt_int(total["penerimaan"], lang))
row2[1].metric(t("kap.kpi.discharges"), fmt_int(total["pemulangan"], lang))
row2[2].metric(t("kap.kpi.stay"), fmt_dec(total["lama_tinggal_hari"], 0, lang, missing=t("kap.no_data")),
               help=t("kap.help.stay"))
row2[3].metric(t("kap.kpi.tppo_share"), fmt_pct(total["porsi_tppo"], lang=lang, missing=t("kap.no_data")),
               help=t("kap.help.tppo_share"))
row2[4].metric(t("kap.kpi.alert_units"), fmt_int(state.count, lang, t("kap.no_data")),
               delta=t("kap.kpi.unreported", n=fmt_int(len(state.unreported), lang)) if state.unreported else None,
               delta_color="off", delta_arrow="off",
               help=t("kap.help.alert_units", month=fmt_month(state.anchor, lang)))
provenance(source, shown, KINDS)

# --- alerts -----------------------------------------------------------------------------------
st.subheader(t("kap.alerts.title"))
st.caption(t("kap.alerts.rule"))
for note in alert_statements(state, names, lang, threshold=THRESHOLD, min_months=ALERT_MIN_MONTHS):
    say(note, {**ALERT_ELEMENT, "alert.ongoing": "error"}.get(note.key, "caption"))
if not alerts.empty:
    alert_table = alerts.assign(
        nama=alerts["kode_unit"].map(names),
        mulai=[fmt_month(m, lang) for m in alerts["mulai"]],
        akhir=[fmt_month(m, lang) for m in alerts["akhir"]],
        utilisasi_maks=[fmt_pct(u, lang=lang) for u in alerts["utilisasi_maks"]],
        berlangsung=[t("kap.yes") if b else t("kap.no") for b in alerts["berlangsung"]],
    )[["nama", "kode_unit", "mulai", "akhir", "jumlah_bulan", "utilisasi_maks", "berlangsung"]]
    alert_table = alert_table.rename(columns={c: t(f"kap.col.{c}") for c in alert_table.columns})
    show_table(alert_table, hide_index=True, key="kap_alerts")
    download_table(alert_table, "peringatan_kapasitas", shown, KINDS)

# --- ranking by pressure ----------------------------------------------------------------------
st.subheader(t("kap.rank.title"))
st.caption(t("kap.rank.caption"))
show_chart(figure(make_ranked_bars,
    metrics, label="nama", value="tekanan", title=t("kap.rank.chart", scope=scope), x_title=t("kap.rank.x"),
    text=[fmt_pct(v, 0, lang) for v in metrics["tekanan"]], highlight=list(metrics["utilisasi"] > THRESHOLD),
    reference=1.0, reference_label=t("kap.rank.full"), tickformat=".0%", lang=lang), key="kap_rank_chart")
provenance(source, shown, KINDS)
table = metrics.assign(tipe=metrics["tipe"].map(TIPE_UNIT).fillna(metrics["tipe"]))
table = table.drop(columns=["jumlah_bulan"]).round({"rata_penghuni": 1, "utilisasi": 3, "utilisasi_puncak": 3,
                                                     "lama_tinggal_hari": 1, "porsi_tppo": 3, "tekanan": 3})
table = table.rename(columns={c: t(f"kap.col.{c}") for c in table.columns})
with st.expander(t("kap.rank.table")):
    show_table(table, hide_index=True, key="kap_rank_table")
    download_table(table, "kapasitas_per_unit", shown, KINDS)

# --- trend per unit ---------------------------------------------------------------------------
st.subheader(t("kap.trend.title"))
unit = st.selectbox(t("kap.trend.select"), options=list(metrics["kode_unit"]), key="kap_trend_unit",
                    format_func=lambda code: names.get(code, code))
trend = monthly_utilisation(occupancy[occupancy["kode_unit"] == unit])
labels = {k: t(f"kap.trend.{k}") for k in ("penghuni", "penghuni_tppo", "kapasitas", "ambang", "bulan", "orang")}
show_chart(figure(make_unit_trend, trend, title=names.get(unit, unit), threshold=THRESHOLD, labels=labels, lang=lang),
           key="kap_trend_chart")
provenance(source, shown, KINDS)
with st.expander(t("kap.trend.table")):
    trend_table = trend.drop(columns=["kode_unit"]).assign(bulan=[fmt_month(m, lang) for m in trend["bulan"]],
                                                           utilisasi=trend["utilisasi"].round(3))
    trend_table = trend_table.rename(columns={c: t(f"kap.col.{c}") for c in trend_table.columns})
    show_table(trend_table, hide_index=True, key="kap_trend_table")
    download_table(trend_table, f"tren_{unit}", shown, KINDS)

# --- map --------------------------------------------------------------------------------------
st.subheader(t("kap.map.title"))
st.caption(t("kap.map.caption"))
staffing = get_staffing(kuartal=get_staff_quarter(used.end), provinsi=filters.provinsi)
map_frame = unit_map_frame(metrics, units, staffing)
tiles = load_settings().tile_url
show_map(make_capacity_map, map_frame, get_boundaries("provinsi", overview=True), tiles=tiles, lang=lang,
         geometry_url=boundary_url(None), key="kap_map", height=520)
provenance(source, shown, KINDS)
