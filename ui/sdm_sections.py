"""Sections of the Kesenjangan SDM page that have their own controls: the allocation planner and the standards."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from builders.capacity_charts import make_before_after
from domain.allocation import allocate_recruits, plan_transfers
from domain.filters import Filters
from domain.formatting import fmt_dec, fmt_int
from domain.sdm import allocation_units
from ui.cached import figure, memo
from ui.charts import show_chart
from ui.frame import download_table, lazy_expander, show_table
from ui.i18n import current_lang, t
from ui.standards_editor import render_standards_editor, show_standards


def labelled(df: pd.DataFrame, **renames: dict) -> pd.DataFrame:
    """Codes to names and columns to the visible language, for tables and their downloads."""
    out = df.assign(**{c: df[c].map(m).fillna(df[c]) for c, m in renames.items()})
    return out.rename(columns={c: t(f"sdm.col.{c}") for c in out.columns})


def standards_section(standards: pd.DataFrame, working_time: pd.DataFrame, role_names: dict) -> None:
    st.subheader(t("sdm.std.title"))
    st.caption(t("sdm.std.caption"))
    show_standards(standards, working_time, role_names)
    render_standards_editor(standards, working_time, role_names)


def render_planner(wisn: pd.DataFrame, unit_names: dict, role_names: dict, filters: Filters,
                   kinds: tuple[str, ...]) -> None:
    """Where new or moved staff of one role raise the lowest WISN ratio most (domain.allocation)."""
    lang = current_lang()
    st.subheader(t("sdm.plan.title"))
    st.caption(t("sdm.plan.caption"))
    plan_roles = [r for r in role_names if r in set(wisn["peran"])]
    role = st.selectbox(t("sdm.plan.role"), options=plan_roles, key="sdm_plan_role", format_func=role_names.get)
    units = allocation_units(wisn, role)

    def plan_view(plan, changed, name: str) -> None:
        """Before/after ratio of the units a plan touches (chart) and of every unit (table, downloads)."""
        if changed.any():
            chart = plan[changed].assign(nama=plan.loc[changed, "unit"].map(unit_names))
            show_chart(figure(make_before_after,
                chart, label="nama", before="ratio_before", after="ratio_after", x_title=t("sdm.heat.ratio"),
                title=t(f"sdm.plan.{name}_chart", role=role_names[role]),
                names=(t("sdm.plan.before"), t("sdm.plan.after")), reference_label=t("sdm.heat.balanced"),
                lang=lang), key=f"sdm_{name}_chart")

        def detail() -> None:
            table = labelled(plan.round(2).rename(columns={"unit": "kode_unit"}), kode_unit=unit_names)
            show_table(table, hide_index=True, key=f"sdm_{name}_table")
            download_table(table, f"rencana_{name}_{role}", filters, kinds)

        lazy_expander(t("sdm.plan.table"), f"sdm_{name}_open", detail)

    recruit_tab, move_tab = st.tabs([t("sdm.plan.recruit_tab"), t("sdm.plan.move_tab")])
    with recruit_tab:
        n = st.number_input(t("sdm.plan.n"), min_value=0, max_value=500, value=10, step=1, key="sdm_plan_n")
        plan = memo(allocate_recruits, units, int(n))
        st.markdown(t("sdm.plan.recruit_result", placed=fmt_int(plan["added"].sum(), lang), n=fmt_int(n, lang),
                      units=fmt_int((plan["added"] > 0).sum(), lang),
                      before=fmt_dec(plan["ratio_before"].min(), 2, lang),
                      after=fmt_dec(plan["ratio_after"].min(), 2, lang)))
        plan_view(plan, plan["added"] > 0, "recruit")
    with move_tab:
        max_moves = st.number_input(t("sdm.plan.moves"), min_value=0, max_value=500, value=10, step=1,
                                    key="sdm_plan_moves")
        transfers = memo(plan_transfers, units, int(max_moves))
        moved = (transfers.units["moved_in"] > 0) | (transfers.units["moved_out"] > 0)
        if transfers.moves.empty:
            st.info(t("sdm.plan.no_moves"), icon=":material/info:")
        else:
            st.markdown(t("sdm.plan.move_result", moves=fmt_int(len(transfers.moves), lang),
                          units=fmt_int(moved.sum(), lang),
                          before=fmt_dec(transfers.units["ratio_before"].min(), 2, lang),
                          after=fmt_dec(transfers.units["ratio_after"].min(), 2, lang)))
            moves = labelled(transfers.moves, from_unit=unit_names, to_unit=unit_names)
            show_table(moves, hide_index=True, key="sdm_moves_table")
            download_table(moves, f"rencana_perpindahan_{role}", filters, kinds)
        plan_view(transfers.units, moved, "move")
