"""The competence section of Kesenjangan SDM: trained and certified share per unit and role against the admin's
targets, beside the WISN shortage; and the target table with its admin editor."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from builders.competence_chart import make_competence_chart
from data_access.caching import clear_caches
from data_access.engine import get_engine
from data_access.staffing import get_competence_targets, get_training
from data_access.targets import EDITOR_ROLE, editable_targets, from_percent, save_targets
from domain.competence import below_target, competence_by_role, competence_table, overall_share
from domain.filters import Filters
from domain.formatting import fmt_date, fmt_int, fmt_pct, fmt_period
from domain.messages import quarter_label
from data_access.coverage import get_coverage
from domain.coverage import at_end
from domain.periods import Window, add_months
from domain.statements import coverage_note
from domain.sdm import ROLES, WINDOW_MONTHS
from ui.auth import current_role, current_user
from ui.cached import figure, memo
from ui.charts import show_chart
from ui.frame import download_table, lazy_expander, provenance, say, show_table
from ui.i18n import current_lang, t

KINDS = ("pelatihan", "staf")
SAVED_KEY = "kom_target_saved"
_PERCENT = ("porsi_terlatih", "target_terlatih", "porsi_bersertifikat", "target_bersertifikat")


def _labelled(df: pd.DataFrame, unit_names: dict, role_names: dict) -> pd.DataFrame:
    """Shares in percent (one decimal), codes to names, headers in the visible language."""
    out = df.copy()
    for column in _PERCENT:
        if column in out:
            out[column] = (100 * out[column].astype(float)).round(1)
    for column, names in (("kode_unit", unit_names), ("peran", role_names)):
        if column in out:
            out[column] = out[column].map(names).fillna(out[column])
    return out.round(2).rename(columns={c: t(f"kom.col.{c}") for c in out.columns})


def render_competence(filters: Filters, staffing: pd.DataFrame, wisn: pd.DataFrame, quarter: dt.date | None,
                      unit_names: dict, role_names: dict) -> None:
    """KPIs, the per-role chart, the unit × role table (WISN shortage beside training), then the targets."""
    lang = current_lang()
    st.subheader(t("kom.title"))
    st.caption(t("kom.caption"))
    # Training reports have their own months: the 12 months ending at the period's end, or at their last month when
    # they stop earlier inside the period (a share over months without reports would read as untrained staff).
    source = at_end("pelatihan", Window(filters.start, filters.end), get_coverage().get("pelatihan"),
                    months=WINDOW_MONTHS)
    say(coverage_note(source, lang), "caption" if source.has_data else "info")
    start, end = (source.used.start, source.used.end) if source.has_data else (
        add_months(filters.end, -(WINDOW_MONTHS - 1)), filters.end)
    window = filters.with_(start=start, end=end)  # provenance and downloads name the training window
    targets = get_competence_targets()
    trained = get_training(start, end, filters.provinsi) if source.has_data else pd.DataFrame(
        columns=["kode_unit", "peran", "dilatih"])
    if targets["contoh"].any():
        st.warning(t("kom.example_target"), icon=":material/warning:")
    if targets.empty:
        st.info(t("kom.no_target"), icon=":material/info:")
    if trained.empty and source.has_data:
        st.info(t("kom.no_training"), icon=":material/info:")
    table = memo(competence_table, staffing, trained, targets, wisn)
    if source.has_data:  # the rule names the training months read; without any, the coverage note says so
        st.caption(t("kom.rule", window=fmt_period(start, end, lang), quarter=quarter_label(quarter, lang)))
    below = below_target(table, "porsi_terlatih", "target_terlatih")
    judged = table["target_terlatih"].notna() & (table["terisi"] > 0)
    c = st.columns(3)
    # Without training reports for the period the trained share is unknown, not 0 %.
    trained_share = overall_share(table, "terlatih") if source.has_data else None
    c[0].metric(t("kom.kpi.trained"), fmt_pct(trained_share, lang=lang, missing=t("sdm.no_data")),
                help=t("kom.help.trained"))
    c[1].metric(t("kom.kpi.certified"), fmt_pct(overall_share(table, "bersertifikat"), lang=lang,
                                                missing=t("sdm.no_data")), help=t("kom.help.certified"))
    c[2].metric(t("kom.kpi.below"), t("sdm.kpi.cells_value", n=fmt_int(int(below.sum()), lang),
                                      m=fmt_int(int(judged.sum()), lang)) if source.has_data else t("sdm.no_data"),
                help=t("kom.help.below"))
    by_role = memo(competence_by_role, table)
    labels = {k: t(f"kom.chart.{k}") for k in ("trained", "certified", "target_trained", "target_certified", "x")}
    show_chart(figure(make_competence_chart, by_role, title=t("kom.chart.title"), role_names=role_names,
                      labels=labels, lang=lang), key="kom_chart")
    provenance(t("kom.source"), window, KINDS)
    role_table = _labelled(by_role, unit_names, role_names)
    show_table(role_table, key="kom_role_table")
    download_table(role_table, "kompetensi_per_peran", window, KINDS)

    st.markdown(f"**{t('kom.table.title')}**")
    st.caption(t("kom.table.caption"))
    only_below = st.toggle(t("kom.table.below_only"), key="kom_below_only")
    rows = table[below] if only_below else table
    rows = rows.sort_values("kekurangan", ascending=False, na_position="last", kind="mergesort")
    detail = _labelled(rows, unit_names, role_names)
    show_table(detail, key="kom_unit_table")
    download_table(detail, "kompetensi_per_unit_peran", window, KINDS)
    provenance(t("kom.source"), window, KINDS)
    render_targets(targets, role_names)


def render_targets(targets: pd.DataFrame, role_names: dict) -> None:
    """The targets in force with their basis, and for admin_data a form that edits them (audited)."""
    lang = current_lang()
    st.markdown(f"**{t('kom.target.title')}**")
    shown = editable_targets(targets, ROLES).merge(
        targets[["peran", "sumber", "diubah_oleh", "diubah"]], on="peran", how="left")
    shown = shown.assign(
        peran=shown["peran"].map(role_names).fillna(shown["peran"]),
        diubah=[fmt_date(pd.Timestamp(v).to_pydatetime(), lang) if pd.notna(v) else "–" for v in shown["diubah"]])
    shown = shown.rename(columns={c: t(f"kom.target.col.{c}") for c in shown.columns})
    show_table(shown, key="kom_target_table", placeholder=t("kom.target.none"))
    if current_role() != EDITOR_ROLE:
        return
    saved = st.session_state.pop(SAVED_KEY, None)
    if saved:
        st.success(saved, icon=":material/check_circle:")
    def editor() -> None:
        st.caption(t("kom.edit.help"))
        with st.form("kom_target_form", border=False):
            percent = {c: st.column_config.NumberColumn(t(f"kom.target.col.{c}"), min_value=0.0, max_value=100.0,
                                                        format="%.0f") for c in ("target_terlatih",
                                                                                 "target_bersertifikat")}
            edited = st.data_editor(
                editable_targets(targets, ROLES), key="kom_target_editor", hide_index=True, disabled=["peran"],
                column_config={**percent, "peran": st.column_config.SelectboxColumn(
                    t("kom.target.col.peran"), options=list(ROLES), format_func=lambda r: role_names.get(r, r))})
            basis = st.text_input(t("kom.edit.source"), key="kom_target_source", max_chars=300,
                                  placeholder=t("kom.edit.source_hint"))
            submitted = st.form_submit_button(t("kom.edit.save"), key="kom_target_save", type="primary")
        if not submitted:
            return
        result = save_targets(get_engine(), from_percent(edited), basis, current_user(), current_role())
        if result.ok:
            clear_caches()
            st.session_state[SAVED_KEY] = t("kom.edit.saved", n=result.changed, batch=result.batch_id)
            st.rerun()
        if result.unchanged:
            st.info(t("kom.edit.unchanged"), icon=":material/info:")
            return
        st.error(t("kom.edit.failed") + "\n\n" + "\n".join(f"- {p}" for p in result.problems),
                 icon=":material/error:")

    lazy_expander(t("kom.edit.title"), "kom_target_edit_open", editor, icon=":material/edit:")
