"""SDM workload gaps per unit and role with WHO WISN, and the allocation planner."""

from __future__ import annotations

import streamlit as st

from builders.capacity_charts import make_ranked_bars, make_wisn_heatmap
from data_access.indicators import get_no_unit_notes, resolve, staffing_state
from data_access.reference import get_code_names
from domain.formatting import fmt_dec, fmt_int, fmt_pct
from domain.sdm import caseload, certified_share, role_totals, validate_standards, wisn_by_unit_role
from domain.statements import coverage_notes, staffing_gap, wisn_rule
from exports.indicator_tables import unit_scope_note
from domain.wisn import WisnInputError
from ui.cached import figure, memo
from ui.charts import show_chart
from ui.filters import current_filters
from ui.frame import download_table, empty_state, lazy_expander, page_header, provenance, say, show_table
from ui.competence_view import render_competence
from ui.i18n import current_lang, t
from ui.sdm_sections import labelled, render_planner, standards_section

KINDS = ("staf", "standar_beban_kerja", "okupansi", "pelatihan")

page_header("nav.kesenjangan_sdm", "purpose.kesenjangan_sdm", kinds=KINDS)
lang = current_lang()
filters, _ = resolve(current_filters())
if filters is None:
    empty_state()
st.caption(unit_scope_note(filters, lang))
for note in get_no_unit_notes(filters, lang):
    say(note, "info")
# The one WISN rule (data_access.indicators, as the executive page, the deck and the CLI): staff of the latest quarter,
# 12 months' workload; WISN is the national table sliced to the province's units, computed once (issue 24).
inputs = staffing_state(filters)
for note in coverage_notes([inputs.staff, inputs.workload_source], lang):
    say(note, "caption" if note.key in ("cov.until", "cov.from") else "info")
occupancy, staffing, standards, working_time = inputs.occupancy, inputs.staffing, inputs.standards, inputs.working_time
quarter, workload = inputs.quarter, inputs.workload
if occupancy.empty or staffing.empty:
    empty_state()
names = get_code_names(lang)
unit_names, role_names = names["unit"], names["peran"]
source = t("sdm.source")

if standards["contoh"].any() or working_time["contoh"].any():
    st.warning(t("sdm.example_notice"), icon=":material/warning:")
problems = validate_standards(standards, working_time)
try:
    wisn = None if problems else inputs.wisn if inputs.wisn is not None else memo(
        wisn_by_unit_role, occupancy, staffing, standards, working_time)  # it names what is wrong with edited inputs
except WisnInputError as error:
    problems = [p.message for p in error.problems]
if problems or wisn is None or wisn.empty:
    st.error(t("sdm.invalid") + "\n\n" + "\n".join(f"- {p}" for p in problems[:10]) if problems else t("sdm.no_pairs"))
    standards_section(standards, working_time, role_names)
    st.stop()
say(wisn_rule(quarter, workload, filters.end, lang))
shown = filters.with_(start=workload.start, end=workload.end)  # the months the WISN figures read

# --- headline figures -------------------------------------------------------------------------
short_cells = int((wisn["wisn_ratio"] < 1).sum())
c = st.columns(3) + st.columns(3)  # six long labels do not fit one row at 1366 px
c[0].metric(t("sdm.kpi.current"), fmt_int(wisn["current_staff"].sum(), lang))
c[1].metric(t("sdm.kpi.required"), fmt_int(wisn["required_staff"].sum(), lang), help=t("sdm.help.required"))
c[2].metric(t("sdm.kpi.shortage"), fmt_int(wisn["kekurangan"].sum(), lang), help=t("sdm.help.shortage"))
c[3].metric(t("sdm.kpi.net"), fmt_int(wisn["required_staff"].sum() - wisn["current_staff"].sum(), lang),
            help=t("ind.selisih_staf_bersih.def"))
c[4].metric(t("sdm.kpi.cells"), t("sdm.kpi.cells_value", n=fmt_int(short_cells, lang), m=fmt_int(len(wisn), lang)),
            help=t("sdm.help.cells"))
c[5].metric(t("sdm.kpi.certified"), fmt_pct(certified_share(staffing), lang=lang, missing=t("sdm.no_data")),
            help=t("sdm.help.certified"))
say(staffing_gap(wisn, lang))
roles = role_totals(wisn).round({"current_staff": 1, "required_staff": 1, "kekurangan": 1, "selisih_bersih": 1,
                                 "wisn_ratio": 2})
show_table(labelled(roles, peran=role_names), hide_index=True, key="sdm_roles")
download_table(labelled(roles, peran=role_names), "wisn_per_peran", filters, KINDS)

# --- heat map unit × role ---------------------------------------------------------------------
st.subheader(t("sdm.heat.title"))
st.caption(t("sdm.heat.caption"))
heat_labels = {k: t(f"sdm.heat.{k}") for k in ("ratio", "balanced", "current", "required", "none")}
show_chart(figure(make_wisn_heatmap, wisn, title=t("sdm.heat.chart"), unit_names=unit_names, role_names=role_names,
                  labels=heat_labels, lang=lang), key="sdm_heatmap")
provenance(source, shown, KINDS)


def wisn_detail() -> None:
    detail = labelled(wisn.round(3), kode_unit=unit_names, peran=role_names)
    show_table(detail, hide_index=True, key="sdm_wisn_table")
    download_table(detail, "wisn_per_unit_peran", filters, KINDS)


lazy_expander(t("sdm.heat.table"), "sdm_wisn_open", wisn_detail)

# --- largest shortages ------------------------------------------------------------------------
st.subheader(t("sdm.short.title"))
top = wisn[wisn["kekurangan"] > 0].nlargest(15, "kekurangan")
if top.empty:
    st.success(t("sdm.short.none"), icon=":material/check_circle:")
else:
    top = top.assign(label=[f"{unit_names.get(u, u)} · {role_names.get(r, r)}"
                            for u, r in zip(top["kode_unit"], top["peran"])])
    show_chart(figure(make_ranked_bars,
        top, label="label", value="kekurangan", title=t("sdm.short.chart"), x_title=t("sdm.short.x"),
        text=[t("sdm.short.text", n=fmt_dec(k, 1, lang), r=fmt_dec(r, 2, lang))
              for k, r in zip(top["kekurangan"], top["wisn_ratio"])], colour="#b2182b", lang=lang), key="sdm_short")
    provenance(source, shown, KINDS)

    def short_detail() -> None:
        short_table = labelled(top[["kode_unit", "peran", "current_staff", "required_staff", "kekurangan",
                                    "wisn_ratio"]].round(2), kode_unit=unit_names, peran=role_names)
        show_table(short_table, hide_index=True, key="sdm_short_table")
        download_table(short_table, "kekurangan_terbesar", filters, KINDS)

    lazy_expander(t("sdm.short.table"), "sdm_short_open", short_detail)

# --- caseload of pekerja sosial ---------------------------------------------------------------
st.subheader(t("sdm.case.title"))
norm = st.number_input(t("sdm.case.norm"), min_value=1.0, max_value=200.0, value=None, step=1.0,
                       key="sdm_case_norm", placeholder=t("sdm.case.norm_placeholder"), help=t("sdm.case.norm_help"))
cases = memo(caseload, occupancy, staffing, norm)
flagged = list(cases["di_atas_norma"].fillna(False).astype(bool))
st.caption(t("sdm.case.judged", n=fmt_int(sum(flagged), lang), m=fmt_int(len(cases), lang), norm=fmt_dec(norm, 1, lang))
           if norm is not None else t("sdm.case.no_norm"))
show_chart(figure(make_ranked_bars,
    cases.assign(nama=cases["kode_unit"].map(unit_names)), label="nama", value="beban_kasus", title=t("sdm.case.chart"),
    x_title=t("sdm.case.x"), highlight=flagged, reference=norm, reference_label=t("sdm.case.norm_line"), lang=lang),
    key="sdm_case_chart")
provenance(source, shown, KINDS)


def case_detail() -> None:
    case_table = labelled(cases.round(2).assign(di_atas_norma=[
        "–" if v is None else t("sdm.yes") if v else t("sdm.no") for v in cases["di_atas_norma"]]),
        kode_unit=unit_names)
    show_table(case_table, hide_index=True, key="sdm_case_table")
    download_table(case_table, "beban_kasus_pekerja_sosial", filters, KINDS)


lazy_expander(t("sdm.case.table"), "sdm_case_open", case_detail)

# --- competence: training and certification against targets, beside the WISN shortage ---------
render_competence(filters, staffing, wisn, quarter, unit_names, role_names)

# --- allocation planner -----------------------------------------------------------------------
render_planner(wisn, unit_names, role_names, filters, KINDS)
provenance(source, shown, KINDS)

standards_section(standards, working_time, role_names)
