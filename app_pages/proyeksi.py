"""Next year for the budget cycle: projected victims, places and staff with their uncertainty (issue 27)."""

from __future__ import annotations

import streamlit as st

from builders.projection_charts import make_projection_chart
from data_access.projection import KINDS, get_projection_view
from data_access.reference import get_code_names
from domain.formatting import fmt_int, fmt_month
from domain.indicators import CATALOGUE
from domain.statements import ignored_note, quarter_label
from exports import projection_tables as pt
from exports.indicator_tables import unit_scope_note
from ui.cached import figure
from ui.charts import show_chart
from ui.filters import current_filters
from ui.frame import download_table, empty_state, lazy_expander, page_header, say, show_table
from ui.i18n import current_lang, t

page_header("nav.proyeksi", "purpose.proyeksi", kinds=KINDS)
lang = current_lang()
st.info(t("proy.label"), icon=":material/explore:")
requested = current_filters()
view = get_projection_view(requested)
if view.filters is None:
    empty_state()
filters = view.filters
names = get_code_names(lang)
st.caption(pt.method_text(lang))

# --- victims: national (the filters in force) ---------------------------------------------------------------
st.subheader(t("proy.national.title"))
say(ignored_note([CATALOGUE["korban_ditangani"]], requested, lang, "scope.ignored_victims"))
national = view.national
if national.withheld:
    st.warning(pt.reason_text(national, lang), icon="⚠️")
else:
    st.caption(pt.window_text(view, lang))
    cards = pt.headline(view, lang)
    for column, (key, value) in zip(st.columns(len(cards)), cards.items()):
        column.metric(t(key), value)
    show_chart(figure(make_projection_chart, national.history, national.table, title=t("proy.national.scope"),
                      lang=lang), key="proy_chart")
    st.caption(pt.backtest_text(national, lang))
    st.caption(pt.year_text(national, lang))

    def monthly() -> None:
        table = national.table.assign(bulan=[fmt_month(m, lang) for m in national.table["bulan"]])
        show_table(table, key="proy_monthly_table")
        download_table(table, "proyeksi_korban_per_bulan", filters, KINDS)

    lazy_expander(t("proy.chart.median"), "proy_monthly_open", monthly)

# --- victims: largest origin provinces and modus ------------------------------------------------------------
st.subheader(t("proy.series.title"))
st.caption(t("proy.series.caption", n=fmt_int(len(view.provinces), lang)))
series = pt.series_table(view, names, lang)
if view.withheld:
    st.caption(t("proy.withheld_count", n=fmt_int(view.withheld, lang),
                 m=fmt_int(1 + len(view.provinces) + len(view.modus), lang)))
show_table(series, key="proy_series_table")
download_table(series, "proyeksi_provinsi_modus", filters, KINDS)

# --- places: occupancy per sentra and RPTC -------------------------------------------------------------------
st.subheader(t("proy.places.title"))
st.caption(unit_scope_note(filters, lang))
if view.places.empty:
    st.info(t("proy.staff.no_occupancy"), icon="ℹ️")
else:
    st.caption(t("proy.places.caption", origin=fmt_month(view.unit_origin, lang)))
    st.markdown(pt.places_summary(view, lang))
    places = pt.places_table(view, names["unit"], lang)
    show_table(places, key="proy_places_table")
    download_table(places, "proyeksi_okupansi_unit", filters, KINDS)

# --- staff: WISN need next year and the recruitment the planner suggests ------------------------------------
st.subheader(t("proy.staff.title"))
if view.staff_roles.empty:
    st.info(t(f"proy.staff.{view.staff_reason or 'no_wisn'}"), icon="ℹ️")
else:
    st.caption(t("proy.staff.caption", quarter=quarter_label(view.staff_quarter, lang)))
    st.markdown(pt.staff_summary(view, lang))
    staff = pt.staff_table(view, names["peran"], lang)
    show_table(staff, key="proy_staff_table")
    download_table(staff, "proyeksi_staf_per_peran", filters, KINDS)

    def recruits() -> None:
        table = pt.recruit_table(view, names["peran"], names["unit"], lang)
        show_table(table, key="proy_recruit_table")
        download_table(table, "proyeksi_rekrut_per_unit", filters, KINDS)

    lazy_expander(t("proy.recruit.table"), "proy_recruit_open", recruits)
