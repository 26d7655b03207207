"""The capacity and SDM alerts of the executive summary: units over the threshold for months, roles short of staff."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access.briefing import ALERT_MIN_MONTHS, ALERT_THRESHOLD, Briefing
from domain.formatting import fmt_dec, fmt_month, fmt_pct
from domain.statements import statement
from exports.deck import role_table
from exports.indicator_tables import staffing_note, staffing_window, unit_scope_note
from ui.frame import ALERT_ELEMENT, last_update, provenance, say
from ui.i18n import t


def alerts_section(b: Briefing, lang: str) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """Draws both alert columns; returns the two tables shown (None when there is nothing to list)."""
    st.subheader(t("eks.alerts.header"))
    threshold = fmt_pct(ALERT_THRESHOLD, digits=0, lang=lang)
    cap_col, sdm_col = st.columns(2)
    alert_table = sdm_table = None
    st.caption(unit_scope_note(b.filters, lang))
    state = b.alert_state
    with cap_col:
        st.markdown(f"**{t('eks.alerts.capacity', threshold=threshold, months=ALERT_MIN_MONTHS)}**")
        if state is None:
            st.info(t("eks.alerts.unavailable"))
        if b.alerts is not None and len(b.alerts):
            units = b.names.get("unit", {})
            alert_table = pd.DataFrame({
                t("deck.col.unit"): [units.get(k, k) for k in b.alerts["kode_unit"]],
                t("deck.col.from"): [fmt_month(m, lang) for m in b.alerts["mulai"]],
                t("deck.col.months"): b.alerts["jumlah_bulan"].astype(int),
                t("deck.col.now", month=fmt_month(state.anchor, lang)): [
                    fmt_pct(u, digits=0, lang=lang) for u in b.alerts["utilisasi_akhir"]],
                t("deck.col.max"): [fmt_pct(u, digits=0, lang=lang) for u in b.alerts["utilisasi_maks"]],
            })
            st.dataframe(alert_table, hide_index=True, key="eks_alert_table")
        for note in b.alert_notes:
            say(note, ALERT_ELEMENT.get(note.key, "info"))
        if state is not None and state.source.has_data:  # occupancy's own months, which may stop earlier
            used = state.source.used
            provenance(t("eks.source.okupansi"), b.filters.with_(start=used.start, end=used.end), ("okupansi",))
    with sdm_col:
        st.markdown(f"**{t('eks.alerts.sdm')}**")
        roles = role_table(b)
        if roles is None:  # say why: no unit there, no staff or occupancy data for the period, or unusable standards
            reasons = b.staffing_reasons
            for note in reasons:
                say(note, "info")
            if not reasons:
                st.info(t("eks.alerts.unavailable"))
        elif roles["kekurangan"].sum() <= 0:
            say(statement("eks.alerts.sdm.none", lang, {"gross": float(roles["kekurangan"].sum())}), "success")
        if roles is not None and len(roles):
            peran = b.names.get("peran", {})
            sdm_table = pd.DataFrame({
                t("deck.col.role"): [peran.get(r, r) for r in roles["peran"]],
                t("deck.col.current"): [fmt_dec(v, 0, lang) for v in roles["current_staff"]],
                t("deck.col.required"): [fmt_dec(v, 1, lang) for v in roles["required_staff"]],
                t("deck.col.gap"): [fmt_dec(v, 1, lang) for v in roles["kekurangan"]],
                t("deck.col.net"): [fmt_dec(v, 1, lang) for v in roles["selisih_bersih"]],
                t("deck.col.ratio"): [fmt_dec(v, 2, lang) for v in roles["wisn_ratio"]],
            })
            st.dataframe(sdm_table, hide_index=True, key="eks_sdm_table")
        say(b.staffing_gap)
        say(staffing_note(b, lang))
        if b.wisn is not None:
            st.caption(t("provenance", source=t("eks.source.sdm"), period=staffing_window(b, lang),
                         updated=last_update(("staf",))))
    return alert_table, sdm_table
