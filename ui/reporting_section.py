"""Reporting completeness and timeliness (submissions, DHIS2-style): the section of Pemantauan Jarnas and the
overdue table of Daftar Tindakan. The numbers come from data_access.submissions; the sentences from
domain.statements, so the generative test can check them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from builders.briefing_charts import make_report_grid
from data_access.submissions import ReportingView
from domain.filters import Filters
from domain.formatting import fmt_date, fmt_int, fmt_month, fmt_pct, fmt_period
from domain.indicators import CATALOGUE
from domain.statements import ignored_note, reporting_as_of, reporting_summary
from ui.cached import figure
from ui.charts import show_chart
from ui.frame import download_table, say, show_table
from ui.i18n import t

KINDS = ("kasus", "okupansi")


def as_of_note(view: ReportingView, lang: str) -> None:
    r = view.cases
    say(reporting_as_of(r.as_of, r.demo, r.last_data, r.due_day, lang))


def overdue_table(view: ReportingView, names: dict, lang: str) -> pd.DataFrame:
    """The missing reports past their due date, named, with the days overdue to the as-of date."""
    late = view.overdue()
    reporter = [names["unit"].get(p, p) if kind == "okupansi" else names["instansi"].get(p, p)
                for p, kind in zip(late["pelapor"], late["jenis"])]
    return pd.DataFrame({
        t("rep.col.pelapor"): reporter,
        t("rep.col.jenis"): [t(f"kind.{k}") for k in late["jenis"]],
        t("rep.col.provinsi"): late["kode_prov"].map(lambda p: names["provinsi"].get(p, "") if isinstance(p, str) else ""),
        t("rep.col.bulan"): [fmt_month(m, lang) for m in late["bulan"]],
        t("rep.col.jatuh_tempo"): [fmt_date(d, lang) for d in late["jatuh_tempo"]],
        t("rep.col.hari_terlambat"): late["hari_terlambat"].astype("int64"),
    })


def show_reporting(view: ReportingView, filters: Filters, names: dict, lang: str) -> None:
    """The whole section: as-of date, the rule, agencies' case reports (metrics, grid), units' occupancy reports
    by province, and the reports not yet in."""
    st.subheader(t("rep.header"))
    say(ignored_note([CATALOGUE["kelengkapan_laporan"], CATALOGUE["laporan_unit"]], filters, lang))
    as_of_note(view, lang)

    cases = view.cases
    st.markdown(f"**{t('rep.agencies')}**")
    say(reporting_summary("kasus", cases.status, cases.window, lang))
    rates = cases.rates.set_index("pelapor")
    agencies = [a for a in names["instansi"] if not filters.instansi or a in filters.instansi]
    for column, agency in zip(st.columns(max(1, len(agencies))), agencies):
        if agency not in rates.index:
            column.metric(names["instansi"].get(agency, agency), "–", delta=t("rep.metric_none"), delta_arrow="off",
                          delta_color="off", border=True)
            continue
        row = rates.loc[agency]
        column.metric(names["instansi"].get(agency, agency), fmt_pct(row["tingkat_pelaporan"], lang=lang),
                      delta=t("rep.metric_delta", rate=fmt_pct(row["tingkat_tepat_waktu"], lang=lang)),
                      delta_arrow="off", delta_color="off", border=True,
                      help=t("rep.metric_help", got=fmt_int(row["dilaporkan"], lang),
                             expected=fmt_int(row["diharapkan"], lang), on_time=fmt_int(row["tepat_waktu"], lang)))
    st.caption(t("rep.rule", day=cases.due_day))
    period = fmt_period(cases.window.start, cases.window.end, lang) if cases.window else "–"
    labels = {a: names["instansi"].get(a, a) for a in agencies}
    show_chart(figure(make_report_grid, cases.status, labels, title=t("rep.grid.title", period=period),
                      lang=lang, empty_message=t("rep.none_due", kind=t("kind.kasus"))),
               key="jar_report_grid")

    units = view.units
    st.markdown(f"**{t('rep.units')}**")
    say(reporting_summary("okupansi", units.status, units.window, lang))
    by_province = view.province_rates()
    province_table = pd.DataFrame({
        t("rep.col.provinsi"): by_province["kode_prov"].map(names["provinsi"]),
        t("rep.col.unit"): by_province["unit"],
        t("rep.col.diharapkan"): by_province["diharapkan"],
        t("rep.col.dilaporkan"): by_province["dilaporkan"],
        t("rep.col.tepat_waktu"): by_province["tepat_waktu"],
        t("rep.col.belum"): by_province["belum"],
        t("rep.col.tingkat_pelaporan"): by_province["tingkat_pelaporan"].round(3),
        t("rep.col.tingkat_tepat_waktu"): by_province["tingkat_tepat_waktu"].round(3),
    }).sort_values(t("rep.col.tingkat_pelaporan"), kind="mergesort")
    show_table(province_table, key="jar_unit_reporting_table")
    download_table(province_table, "laporan_unit_per_provinsi", filters, KINDS)

    st.markdown(f"**{t('rep.missing')}**")
    late = overdue_table(view, names, lang)
    if late.empty and (len(cases.rates) or len(units.rates)):
        st.success(t("rep.missing.none"), icon=":material/check_circle:")
    else:
        show_table(late, key="jar_missing_table")
    download_table(late, "laporan_belum_masuk", filters, KINDS)
    with st.expander(t("eks.table.data")):
        grid = pd.concat([cases.status.assign(jenis="kasus"), units.status.assign(jenis="okupansi")],
                         ignore_index=True)
        show_table(grid, key="jar_reporting_table")
        download_table(grid, "status_laporan", filters, KINDS)
