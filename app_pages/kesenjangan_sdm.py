"""SDM workload gaps per unit and role with WHO WISN, and the allocation planner."""

from __future__ import annotations

import streamlit as st

from builders.capacity_charts import make_before_after, make_ranked_bars, make_wisn_heatmap
from data_access.indicators import resolve, wisn_inputs
from data_access.reference import get_code_names
from domain.allocation import allocate_recruits, plan_transfers
from domain.formatting import fmt_dec, fmt_int, fmt_pct, fmt_period
from domain.messages import quarter_label
from domain.sdm import allocation_units, caseload, certified_share, role_totals, validate_standards, wisn_by_unit_role
from exports.indicator_tables import unit_scope_note
from domain.wisn import WisnInputError
from ui.filters import current_filters
from ui.frame import download_table, empty_state, page_header, provenance
from ui.i18n import current_lang, t
from ui.standards_editor import render_standards_editor, show_standards

KINDS = ("staf", "standar_beban_kerja", "okupansi")

page_header("nav.kesenjangan_sdm", "purpose.kesenjangan_sdm", kinds=KINDS)
lang = current_lang()
filters, _ = resolve(current_filters())
if filters is None:
    empty_state()
# The one WISN rule (data_access.indicators): staff of the latest quarter up to the period's end, workload of
# the 12 months ending there; the executive page, the deck and the CLI use the same inputs.
occupancy, staffing, standards, working_time, quarter, workload = wisn_inputs(filters)
if occupancy.empty or staffing.empty:
    empty_state()
names = get_code_names(lang)
unit_names, role_names = names["unit"], names["peran"]
source = t("sdm.source")


def labelled(df, **renames):
    """Codes to names and columns to the visible language, for tables and their downloads."""
    out = df.assign(**{c: df[c].map(m).fillna(df[c]) for c, m in renames.items()})
    return out.rename(columns={c: t(f"sdm.col.{c}") for c in out.columns})


def standards_section() -> None:
    st.subheader(t("sdm.std.title"))
    st.caption(t("sdm.std.caption"))
    show_standards(standards, working_time, role_names)
    render_standards_editor(standards, working_time, role_names)


if standards["contoh"].any() or working_time["contoh"].any():
    st.warning(t("sdm.example_notice"), icon=":material/warning:")
problems = validate_standards(standards, working_time)
try:
    wisn = None if problems else wisn_by_unit_role(occupancy, staffing, standards, working_time)
except WisnInputError as error:
    problems = [p.message for p in error.problems]
if problems or wisn is None or wisn.empty:
    st.error(t("sdm.invalid") + "\n\n" + "\n".join(f"- {p}" for p in problems[:10]) if problems else t("sdm.no_pairs"))
    standards_section()
    st.stop()
st.caption(t("sdm.rule", quarter=quarter_label(quarter, lang), window=fmt_period(workload.start, workload.end, lang)))
st.caption(unit_scope_note(filters, lang))

# --- headline figures -------------------------------------------------------------------------
short_cells = int((wisn["wisn_ratio"] < 1).sum())
c = st.columns(5)
c[0].metric(t("sdm.kpi.current"), fmt_int(wisn["current_staff"].sum(), lang))
c[1].metric(t("sdm.kpi.required"), fmt_int(wisn["required_staff"].sum(), lang), help=t("sdm.help.required"))
c[2].metric(t("sdm.kpi.shortage"), fmt_int(wisn["kekurangan"].sum(), lang), help=t("sdm.help.shortage"))
c[3].metric(t("sdm.kpi.cells"), t("sdm.kpi.cells_value", n=fmt_int(short_cells, lang), m=fmt_int(len(wisn), lang)),
            help=t("sdm.help.cells"))
c[4].metric(t("sdm.kpi.certified"), fmt_pct(certified_share(staffing), lang=lang, missing=t("sdm.no_data")),
            help=t("sdm.help.certified"))
roles = role_totals(wisn).round({"current_staff": 1, "required_staff": 1, "kekurangan": 1, "wisn_ratio": 2})
st.dataframe(labelled(roles, peran=role_names), hide_index=True, key="sdm_roles")
download_table(labelled(roles, peran=role_names), "wisn_per_peran", filters, KINDS)

# --- heat map unit × role ---------------------------------------------------------------------
st.subheader(t("sdm.heat.title"))
st.caption(t("sdm.heat.caption"))
heat_labels = {k: t(f"sdm.heat.{k}") for k in ("ratio", "balanced", "current", "required", "none")}
st.plotly_chart(make_wisn_heatmap(wisn, title=t("sdm.heat.chart"), unit_names=unit_names, role_names=role_names,
                                  labels=heat_labels, lang=lang), key="sdm_heatmap")
provenance(source, filters, KINDS)
detail = labelled(wisn.round(3), kode_unit=unit_names, peran=role_names)
with st.expander(t("sdm.heat.table")):
    st.dataframe(detail, hide_index=True, key="sdm_wisn_table")
    download_table(detail, "wisn_per_unit_peran", filters, KINDS)

# --- largest shortages ------------------------------------------------------------------------
st.subheader(t("sdm.short.title"))
top = wisn[wisn["kekurangan"] > 0].nlargest(15, "kekurangan")
if top.empty:
    st.success(t("sdm.short.none"), icon=":material/check_circle:")
else:
    top = top.assign(label=[f"{unit_names.get(u, u)} · {role_names.get(r, r)}"
                            for u, r in zip(top["kode_unit"], top["peran"])])
    st.plotly_chart(make_ranked_bars(
        top, label="label", value="kekurangan", title=t("sdm.short.chart"), x_title=t("sdm.short.x"),
        text=[t("sdm.short.text", n=fmt_dec(k, 1, lang), r=fmt_dec(r, 2, lang))
              for k, r in zip(top["kekurangan"], top["wisn_ratio"])], colour="#b2182b", lang=lang), key="sdm_short")
    provenance(source, filters, KINDS)
    short_table = labelled(top[["kode_unit", "peran", "current_staff", "required_staff", "kekurangan", "wisn_ratio"]]
                           .round(2), kode_unit=unit_names, peran=role_names)
    with st.expander(t("sdm.short.table")):
        st.dataframe(short_table, hide_index=True, key="sdm_short_table")
        download_table(short_table, "kekurangan_terbesar", filters, KINDS)

# --- caseload of pekerja sosial ---------------------------------------------------------------
st.subheader(t("sdm.case.title"))
norm = st.number_input(t("sdm.case.norm"), min_value=1.0, max_value=200.0, value=None, step=1.0,
                       key="sdm_case_norm", placeholder=t("sdm.case.norm_placeholder"), help=t("sdm.case.norm_help"))
cases = caseload(occupancy, staffing, norm)
flagged = list(cases["di_atas_norma"].fillna(False).astype(bool))
st.caption(t("sdm.case.judged", n=fmt_int(sum(flagged), lang), m=fmt_int(len(cases), lang), norm=fmt_dec(norm, 1, lang))
           if norm is not None else t("sdm.case.no_norm"))
st.plotly_chart(make_ranked_bars(
    cases.assign(nama=cases["kode_unit"].map(unit_names)), label="nama", value="beban_kasus", title=t("sdm.case.chart"),
    x_title=t("sdm.case.x"), highlight=flagged, reference=norm, reference_label=t("sdm.case.norm_line"), lang=lang),
    key="sdm_case_chart")
provenance(source, filters, KINDS)
case_table = labelled(cases.round(2).assign(di_atas_norma=[
    "–" if v is None else t("sdm.yes") if v else t("sdm.no") for v in cases["di_atas_norma"]]), kode_unit=unit_names)
with st.expander(t("sdm.case.table")):
    st.dataframe(case_table, hide_index=True, key="sdm_case_table")
    download_table(case_table, "beban_kasus_pekerja_sosial", filters, KINDS)

# --- allocation planner -----------------------------------------------------------------------
st.subheader(t("sdm.plan.title"))
st.caption(t("sdm.plan.caption"))
plan_roles = [r for r in role_names if r in set(wisn["peran"])]
role = st.selectbox(t("sdm.plan.role"), options=plan_roles, key="sdm_plan_role", format_func=role_names.get)
units = allocation_units(wisn, role)


def plan_view(plan, changed, name: str) -> None:
    """Before/after ratio of the units a plan touches (chart) and of every unit (table, downloads)."""
    if changed.any():
        chart = plan[changed].assign(nama=plan.loc[changed, "unit"].map(unit_names))
        st.plotly_chart(make_before_after(
            chart, label="nama", before="ratio_before", after="ratio_after", x_title=t("sdm.heat.ratio"),
            title=t(f"sdm.plan.{name}_chart", role=role_names[role]), names=(t("sdm.plan.before"), t("sdm.plan.after")),
            reference_label=t("sdm.heat.balanced"), lang=lang), key=f"sdm_{name}_chart")
    table = labelled(plan.round(2).rename(columns={"unit": "kode_unit"}), kode_unit=unit_names)
    with st.expander(t("sdm.plan.table")):
        st.dataframe(table, hide_index=True, key=f"sdm_{name}_table")
        download_table(table, f"rencana_{name}_{role}", filters, KINDS)


recruit_tab, move_tab = st.tabs([t("sdm.plan.recruit_tab"), t("sdm.plan.move_tab")])
with recruit_tab:
    n = st.number_input(t("sdm.plan.n"), min_value=0, max_value=500, value=10, step=1, key="sdm_plan_n")
    plan = allocate_recruits(units, int(n))
    st.markdown(t("sdm.plan.recruit_result", placed=fmt_int(plan["added"].sum(), lang), n=fmt_int(n, lang),
                  units=fmt_int((plan["added"] > 0).sum(), lang), before=fmt_dec(plan["ratio_before"].min(), 2, lang),
                  after=fmt_dec(plan["ratio_after"].min(), 2, lang)))
    plan_view(plan, plan["added"] > 0, "recruit")
with move_tab:
    max_moves = st.number_input(t("sdm.plan.moves"), min_value=0, max_value=500, value=10, step=1, key="sdm_plan_moves")
    transfers = plan_transfers(units, int(max_moves))
    moved = (transfers.units["moved_in"] > 0) | (transfers.units["moved_out"] > 0)
    if transfers.moves.empty:
        st.info(t("sdm.plan.no_moves"), icon=":material/info:")
    else:
        st.markdown(t("sdm.plan.move_result", moves=fmt_int(len(transfers.moves), lang),
                      units=fmt_int(moved.sum(), lang),
                      before=fmt_dec(transfers.units["ratio_before"].min(), 2, lang),
                      after=fmt_dec(transfers.units["ratio_after"].min(), 2, lang)))
        moves = labelled(transfers.moves, from_unit=unit_names, to_unit=unit_names)
        st.dataframe(moves, hide_index=True, key="sdm_moves_table")
        download_table(moves, f"rencana_perpindahan_{role}", filters, KINDS)
    plan_view(transfers.units, moved, "move")
provenance(source, filters, KINDS)

standards_section()
