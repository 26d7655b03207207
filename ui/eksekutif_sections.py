"""The capacity and SDM alerts of the executive summary: units over the threshold for months, roles short of staff."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access.briefing import ALERT_MIN_MONTHS, ALERT_THRESHOLD, Briefing
from domain.formatting import fmt_dec, fmt_int, fmt_month, fmt_pct
from exports.deck import role_table
from exports.indicator_tables import staffing_note, staffing_window, unit_scope_note
from ui.frame import last_update, provenance
from ui.i18n import t


def alerts_section(b: Briefing, lang: str) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """Draws both alert columns; returns the two tables shown (None when there is nothing to list)."""
    st.subheader(t("eks.alerts.header"))
    threshold = fmt_pct(ALERT_THRESHOLD, digits=0, lang=lang)
    cap_col, sdm_col = st.columns(2)
    alert_table = sdm_table = None
    st.caption(unit_scope_note(b.filters, lang))
    with cap_col:
        st.markdown(f"**{t('eks.alerts.capacity', threshold=threshold, months=ALERT_MIN_MONTHS)}**")
        if b.alerts is None:
            st.info(t("eks.alerts.unavailable"))
        elif b.alerts.empty:
            st.success(t("eks.alerts.capacity.none", threshold=threshold, months=ALERT_MIN_MONTHS))
        else:
            units = b.names.get("unit", {})
            alert_table = pd.DataFrame({
                t("deck.col.unit"): [units.get(k, k) for k in b.alerts["kode_unit"]],
                t("deck.col.from"): [fmt_month(m, lang) for m in b.alerts["mulai"]],
                t("deck.col.to"): [fmt_month(m, lang) for m in b.alerts["akhir"]],
                t("deck.col.months"): b.alerts["jumlah_bulan"].astype(int),
                t("deck.col.max"): [fmt_pct(u, digits=0, lang=lang) for u in b.alerts["utilisasi_maks"]],
            })
            st.dataframe(alert_table, hide_index=True, key="eks_alert_table")
        ended = b.ended_alerts
        if ended is not None and len(ended):
            st.caption(t("eks.alerts.ended", n=fmt_int(ended["kode_unit"].nunique(), lang)))
        provenance(t("eks.source.okupansi"), b.filters, ("okupansi",))
    with sdm_col:
        st.markdown(f"**{t('eks.alerts.sdm')}**")
        roles = role_table(b)
        if roles is None:
            st.info(t("eks.alerts.unavailable"))
        elif roles["kekurangan"].sum() <= 0:
            st.success(t("eks.alerts.sdm.none"))
        else:
            peran = b.names.get("peran", {})
            sdm_table = pd.DataFrame({
                t("deck.col.role"): [peran.get(r, r) for r in roles["peran"]],
                t("deck.col.current"): [fmt_dec(v, 0, lang) for v in roles["current_staff"]],
                t("deck.col.required"): [fmt_dec(v, 1, lang) for v in roles["required_staff"]],
                t("deck.col.gap"): [fmt_dec(v, 1, lang) for v in roles["kekurangan"]],
                t("deck.col.ratio"): [fmt_dec(v, 2, lang) for v in roles["wisn_ratio"]],
            })
            st.dataframe(sdm_table, hide_index=True, key="eks_sdm_table")
        st.caption(staffing_note(b, lang))
        st.caption(t("provenance", source=t("eks.source.sdm"), period=staffing_window(b, lang),
                     updated=last_update(("staf",))))
    return alert_table, sdm_table
