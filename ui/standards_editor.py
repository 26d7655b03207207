"""The WISN standards shown with their source, and the admin form that edits them (saved by data_access.standards)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access.caching import clear_caches
from data_access.standards import EDITOR_ROLE, editable_standards, editable_working_time, save_standards
from domain.sdm import DRIVERS, ROLES
from domain.wisn import KINDS
from ui.auth import current_role, current_user
from ui.frame import download_table, lazy_expander, show_table
from ui.i18n import t

SAVED_KEY = "sdm_std_saved"


def show_standards(standards: pd.DataFrame, working_time: pd.DataFrame, role_names: dict[str, str]) -> None:
    """Read-only tables of the standards and working time in use, each with its source, and downloads."""
    order = {role: i for i, role in enumerate(ROLES)}
    std = editable_standards(standards).drop(columns=["id"])
    std = std.sort_values("peran", key=lambda s: s.map(order), kind="mergesort")
    std = std.assign(peran=std["peran"].map(role_names).fillna(std["peran"]),
                     jenis=[t(f"value.jenis.{v}") if v in KINDS else v for v in std["jenis"]],
                     pemicu=[t(f"value.pemicu.{v}") if v in DRIVERS else v for v in std["pemicu"]],
                     contoh=[t("sdm.std.example") if c else t("sdm.std.approved") for c in std["contoh"]])
    std = std.rename(columns={c: t(f"sdm.std.col.{c}") for c in std.columns})
    show_table(std, hide_index=True, key="sdm_std_table", placeholder="–")
    download_table(std, "standar_beban_kerja_wisn", None, ("standar_beban_kerja",))
    wt = editable_working_time(working_time).sort_values("peran", key=lambda s: s.map(order), kind="mergesort")
    wt = wt.assign(peran=wt["peran"].map(role_names).fillna(wt["peran"]),
                   contoh=[t("sdm.std.example") if c else t("sdm.std.approved") for c in wt["contoh"]])
    wt = wt.rename(columns={c: t(f"sdm.std.col.{c}") for c in wt.columns})
    show_table(wt, hide_index=True, key="sdm_wt_table", placeholder="–")
    download_table(wt, "waktu_kerja_wisn", None, ("standar_beban_kerja",))


def render_standards_editor(standards: pd.DataFrame, working_time: pd.DataFrame, role_names: dict[str, str]) -> None:
    """For admin_data only: edit in a form; nothing is written until the form is submitted and valid."""
    if current_role() != EDITOR_ROLE:
        return
    saved = st.session_state.pop(SAVED_KEY, None)
    if saved:
        st.success(saved, icon=":material/check_circle:")
    number = {c: st.column_config.NumberColumn(t(f"sdm.std.col.{c}"), min_value=0.0, format="%.4g")
              for c in ("menit_per_unit", "frekuensi", "persen_waktu", "jam_per_tahun", "staf_melakukan",
                        "hari_kerja", "libur_nasional", "cuti_tahunan", "cuti_sakit", "cuti_lain", "jam_per_hari")}
    role_column = st.column_config.SelectboxColumn(t("sdm.std.col.peran"), options=list(ROLES), required=True,
                                                   format_func=lambda r: role_names.get(r, r))

    def editor() -> None:
        st.caption(t("sdm.edit.help"))
        with st.form("sdm_std_form", border=False):
            std = st.data_editor(
                editable_standards(standards), key="sdm_std_editor", num_rows="dynamic", hide_index=True,
                disabled=["id", "sumber", "contoh"],
                column_config={
                    **number, "peran": role_column,
                    "id": st.column_config.NumberColumn("id", format="%d"),
                    "aktivitas": st.column_config.TextColumn(t("sdm.std.col.aktivitas"), max_chars=120, required=True),
                    "jenis": st.column_config.SelectboxColumn(t("sdm.std.col.jenis"), options=list(KINDS),
                                                              required=True),
                    "pemicu": st.column_config.SelectboxColumn(t("sdm.std.col.pemicu"), options=list(DRIVERS)),
                    "sumber": st.column_config.TextColumn(t("sdm.std.col.sumber")),
                    "contoh": st.column_config.CheckboxColumn(t("sdm.std.col.contoh")),
                },
            )
            wt = st.data_editor(
                editable_working_time(working_time), key="sdm_wt_editor", hide_index=True,
                disabled=["peran", "sumber", "contoh"],
                column_config={**number, "peran": role_column,
                               "sumber": st.column_config.TextColumn(t("sdm.std.col.sumber")),
                               "contoh": st.column_config.CheckboxColumn(t("sdm.std.col.contoh"))},
            )
            sumber = st.text_input(t("sdm.edit.source"), key="sdm_std_source", placeholder=t("sdm.edit.source_hint"),
                                   max_chars=300)
            submitted = st.form_submit_button(t("sdm.edit.save"), key="sdm_std_save", type="primary")
        if submitted:
            result = save_standards(std, wt, sumber, current_user(), current_role())
            if result.ok:
                clear_caches()
                st.session_state[SAVED_KEY] = t("sdm.edit.saved", added=result.added, changed=result.changed,
                                                deleted=result.deleted, time=result.working_time_changed)
                st.rerun()
            if result.unchanged:
                st.info(t("sdm.edit.unchanged"), icon=":material/info:")
                return
            st.error(t("sdm.edit.failed") + "\n\n" + "\n".join(f"- {p}" for p in result.problems),
                     icon=":material/error:")

    # Built only while open: two data editors cost every rerun of the page ~10 ms (issue 12).
    lazy_expander(t("sdm.edit.title"), "sdm_std_edit_open", editor, icon=":material/edit:")
