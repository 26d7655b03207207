"""Action lists for Jarnas and leadership on one printable page: reports past their due date (domain.submissions),
capacity referrals, provinces to watch (domain.actions), each downloadable."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access.actions import get_action_lists
from data_access.indicators import ALERT_MIN_MONTHS, ALERT_THRESHOLD
from data_access.reference import get_code_names, get_units
from domain import actions, trends
from domain.formatting import fmt_date, fmt_int, fmt_month, fmt_period
from domain.indicators import CATALOGUE
from domain.messages import escape_markdown
from domain.statements import alert_statements, ignored_note, reporting_summary
from exports.indicator_tables import describe_filters, rising_rule, unit_scope_note
from ui.filters import current_filters
from ui.frame import download_table, empty_state, page_header, provenance, say
from ui.i18n import current_lang, t
from ui.action_tables import show_readable
from ui.reporting_section import as_of_note, overdue_table

KINDS = ("kasus", "okupansi", "unit_layanan")
page_header("nav.daftar_tindakan", "purpose.daftar_tindakan", kinds=KINDS)
# Printing: tables show every row (height="content") and static CSS (no data in it) hides the sidebar, the
# toolbar and the download buttons on paper.
st.html("<style>@media print{[data-testid='stSidebar'],[data-testid='stSidebarCollapsedControl'],"
        "[data-testid='stHeader'],[data-testid='stToolbar'],[data-testid='stDownloadButton']{display:none!important}"
        "[data-testid='stMain']{margin-left:0!important}}</style>")
lang = current_lang()
requested = current_filters()
a = get_action_lists(requested)
if a.filters is None:
    empty_state()
f, end = a.filters, a.filters.end
names = get_code_names(lang)
unit_names = dict(zip(get_units()["kode_unit"], get_units()["nama"]))
unit_province = dict(zip(get_units()["kode_unit"], get_units()["kode_prov"]))
reference = fmt_date(a.reference, lang) if a.reference else t("tin.no_reference")
late_table = overdue_table(a.reporting, names, lang)
st.markdown(t("tin.context", period=escape_markdown(fmt_period(f.start, f.end, lang)),
              filters=escape_markdown(describe_filters(f, names, lang)), reference=escape_markdown(reference)))
st.caption(t("tin.print_hint"))


state = a.alert_state
watched = a.watch["kode_prov"].nunique() if len(a.watch) else 0
# With no report due yet nothing can be overdue, and with too little history nothing can be judged rising: a 0
# would read as "checked, none".
late_judged = bool(len(a.reporting.cases.rates) or len(a.reporting.units.rates))
baseline_months = a.baseline.months if a.baseline else 0
watch_judged = baseline_months >= trends.MIN_BASELINE_MONTHS
no_data = t("eks.no_data")
c1, c2, c3 = st.columns(3)
c1.metric(t("tin.kpi.late"), fmt_int(len(late_table), lang) if late_judged else no_data, help=t("tin.help.late"),
          border=True)
c2.metric(t("kap.kpi.alert_units"), fmt_int(state.count, lang, no_data),
          delta=t("kap.kpi.unreported", n=fmt_int(len(state.unreported), lang)) if state.unreported else None,
          delta_color="off", delta_arrow="off",
          help=t("kap.help.alert_units", month=fmt_month(state.anchor, lang)) if state.anchor else
          t("ind.unit_peringatan.def"), border=True)
c3.metric(t("tin.kpi.watch"), fmt_int(watched, lang) if watch_judged else no_data, help=t("tin.help.watch"),
          border=True)

# --- late reports -----------------------------------------------------------------------------
st.subheader(t("tin.late.header"))
say(ignored_note([CATALOGUE["laporan_terlambat"]], requested, lang))
as_of_note(a.reporting, lang)
st.caption(t("rep.rule", day=a.reporting.cases.due_day))
if not late_judged:
    say(reporting_summary("kasus", a.reporting.cases.status, a.reporting.cases.window, lang), "info")
elif late_table.empty:
    st.success(t("tin.late.none"), icon=":material/check_circle:")
else:
    st.dataframe(late_table, hide_index=True, height="content", key="tin_late_table")
download_table(late_table, "laporan_terlambat", f, ("kasus", "okupansi"))  # name kept for scripts

# --- capacity referrals -----------------------------------------------------------------------
st.subheader(t("tin.ref.header"))
month = fmt_month(state.anchor, lang) if state.anchor else "–"
if state.anchor:
    st.caption(t("tin.ref.rule", month=month, k=actions.REFERRAL_CANDIDATES))
for note in alert_statements(state, unit_names, lang, threshold=ALERT_THRESHOLD, min_months=ALERT_MIN_MONTHS):
    say(note, "caption")
st.caption(unit_scope_note(f, lang))
r = a.referrals
referrals = pd.DataFrame({
    "unit": r.get("kode_unit", pd.Series(dtype=str)).map(unit_names),
    # In percent: a fraction printed as 1.139 reads as "one thousand one hundred thirty-nine" in Indonesian.
    "utilisasi": (r.get("utilisasi", pd.Series(dtype=float)) * 100).round(1),
    "tempat_kosong": r.get("tempat_kosong", pd.Series(dtype="Int64")),
    "peringkat": r.get("peringkat", pd.Series(dtype="Int64")),
    "tujuan": r.get("kode_unit_tujuan", pd.Series(dtype=str)).map(unit_names).fillna(t("tin.ref.no_candidate")),
    "provinsi_tujuan": r.get("kode_unit_tujuan", pd.Series(dtype=str)).map(unit_province).map(names["provinsi"]),
    "jarak_km": r.get("jarak_km", pd.Series(dtype=float)).round(0),
    "tempat_kosong_tujuan": r.get("tempat_kosong_tujuan", pd.Series(dtype="Int64")),
})
headers = {c: t(f"tin.ref.col.{c}", month=month) for c in referrals.columns}
if not referrals.empty:  # an empty list is explained by the alert sentence above (none, no unit, no data)
    show_readable(referrals, headers, "tin.ref", key="tin_ref_table")  # "113,9%" in the reader's locale
download_table(referrals.rename(columns=headers), "rujukan_kapasitas", f, ("okupansi", "unit_layanan"))
if state.anchor:
    provenance(t("kap.source"), f.with_(start=state.anchor, end=state.anchor), ("okupansi", "unit_layanan"))

# --- provinces to watch -----------------------------------------------------------------------
st.subheader(t("tin.watch.header"))
say(ignored_note([CATALOGUE["wilayah_pantauan"]], requested, lang, "scope.ignored_victims"))
recent = fmt_period(a.recent.start, a.recent.end, lang)
baseline = fmt_period(a.baseline.start, a.baseline.end, lang) if a.baseline else "–"
st.caption(t("jar.rising.window", recent=recent, baseline=baseline) if a.baseline else
           t("jar.rising.window.none", recent=recent))
st.caption(rising_rule(lang))
provinces = len(f.provinsi) or len(names["provinsi"])
if watch_judged:  # the number of tests run, said only when they were run
    st.caption(t("tin.watch.many", tests=fmt_int(provinces * (len(f.modus) or len(names["modus"])), lang)))
w = a.watch
watch = pd.DataFrame({
    "provinsi": w.get("kode_prov", pd.Series(dtype=str)).map(names["provinsi"]),
    "modus": w.get("modus", pd.Series(dtype=str)).map(names["modus"]),
    "status": w.get("status", pd.Series(dtype=str)).map(lambda s: t(f"jar.status.{s}")),
    "jumlah_terkini": w.get("jumlah_terkini", pd.Series(dtype="int64")),
    "rata_terkini": w.get("rata_terkini", pd.Series(dtype=float)).round(1),
    "rata_dasar": w.get("rata_dasar", pd.Series(dtype=float)).round(1),
    "rasio": w.get("rasio", pd.Series(dtype=float)).round(2),
    "p_nilai": w.get("p_nilai", pd.Series(dtype=float)).round(4),
})
headers = {c: t(f"tin.watch.col.{c}", recent=recent, baseline=baseline) for c in watch.columns}
if watch.empty:
    if watch_judged:
        st.success(t("tin.watch.none"), icon=":material/check_circle:")
    else:
        st.info(t("jar.rising.short", have=baseline_months, months=trends.MIN_BASELINE_MONTHS))
else:
    show_readable(watch, headers, "tin.watch", key="tin_watch_table")
download_table(watch.rename(columns=headers), "wilayah_pantauan", f, ("kasus",))
provenance(t("eks.source.kasus"), f.with_(start=a.recent.start), ("kasus",))
