"""The executive summary's sections: the first screen (figures, where, which units, what to do) and the capacity
and SDM alerts (units over the threshold for months, roles short of staff)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access.briefing import ALERT_MIN_MONTHS, ALERT_THRESHOLD, Briefing
from domain import glance
from domain.comparison import STABLE, TOO_FEW
from domain.formatting import fmt_dec, fmt_int, fmt_month, fmt_pct
from domain.messages import format_headline
from domain.statements import statement
from exports.deck import role_table
from exports.indicator_tables import staffing_note, staffing_window, unit_scope_note
from ui.frame import ALERT_ELEMENT, half_page_columns, last_update, metric, provenance, say, say_list
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
            short = {column: t(f"deck.col.short.{key}") for column, key in
                     zip(sdm_table.columns, ("role", "current", "required", "gap", "net", "ratio"))}
            st.dataframe(sdm_table, hide_index=True, key="eks_sdm_table", column_config=half_page_columns(short))
        say(b.staffing_gap)
        say(staffing_note(b, lang))
        if b.wisn is not None:
            st.caption(t("provenance", source=t("eks.source.sdm"), period=staffing_window(b, lang),
                         updated=last_update(("staf",))))
    return alert_table, sdm_table


# The first screen at 1366x768 (laptop) and 1920x1080 (?present=1) without scrolling: the figures with their change and
# a sparkline beside the map and the provinces (where), then the units on alert (which units) beside the first item of
# each action list (what to do). Ideas from UKHSA's headline cards (figure, change, sparkline, one card per figure) and
# Our World in Data (a sentence that names the places, the chart's reach said in words); see the README.
MAP_HEIGHT, MAP_HEIGHT_PRESENTING = 230, 330


def headline_cards(b: Briefing, lang: str) -> None:
    """The headline figures in one row (the grid flows from the list), each with its 24-month sparkline."""
    end = fmt_month(b.spark_months[-1], lang) if b.spark_months else "–"
    spark_help = t("eks.spark.help", months=len(b.spark_months), end=end)
    for column, h in zip(st.columns(len(b.headlines)), b.headlines):
        value, change = format_headline(h, lang)
        if h.kind == "text":  # "31 sentra · 2 RPTC" is cut at 1366 px as a value: the total, the split beneath it
            value, change = fmt_int(h.value, lang), h.text
        series = b.series.get(h.indicator)
        chart = dict(chart_data=series, chart_type="line") if series and len(series) >= 2 else {}
        help_text = t(f"ind.{h.indicator}.def") + (f"\n\n{spark_help}" if chart else "")
        metric(column, t(h.key), value, delta=change, border=True, help=help_text,
               arrow="off" if h.kind == "text" or h.status in (TOO_FEW, STABLE) else None, **chart)


def where_statements(b: Briefing, lang: str) -> list:
    provinces = b.names.get("provinsi", {})
    previous = b.indicators.previous if b.indicators is not None else None
    return [glance.top_provinces_statement(b.by_province, provinces, (b.start, b.end), lang),
            glance.rising_provinces_statement(b.province_changes, provinces,
                                              (previous.start, previous.end) if previous else None, lang)]


def units_statement(b: Briefing, lang: str):
    """The units on alert, named with their occupancy; otherwise the alert rule's own sentence (none, no unit...)."""
    state = b.alert_state
    named = glance.units_on_alert_statement(state.ongoing if state is not None else None,
                                            state.anchor if state is not None else None, b.names.get("unit", {}),
                                            lang, threshold=ALERT_THRESHOLD)
    if named is not None:
        return named, "caption"
    first = b.alert_notes[0] if b.alert_notes else None
    return first, ALERT_ELEMENT.get(first.key, "info") if first is not None else "info"


def todo_statements(a, names: dict, lang: str) -> list:
    """The first item of each Daftar Tindakan list (late reports, referrals, provinces to watch)."""
    if a is None or a.filters is None:
        return []
    reporters = {**names.get("instansi", {}), **names.get("unit", {})}
    state = a.alert_state
    recent = (a.recent.start, a.recent.end) if a.recent else None
    return [s for s in (glance.todo_late(a.late, reporters, a.reference, lang),
                        glance.todo_referral(a.referrals, names.get("unit", {}), state.anchor if state else None,
                                             lang),
                        glance.todo_watch(a.watch, names, recent, lang)) if s is not None]


def glance_section(b: Briefing, actions, lang: str, map_view, presenting: bool = False) -> None:
    """The four answers above the fold. map_view(height) draws the national map (the page owns it)."""
    headline_cards(b, lang)
    # Small type for the three answers under the cards: at 1366x768 they end above the fold.
    where_map, where, units, todo = st.columns([4, 4, 4, 6], gap="small")
    with where_map:
        st.markdown(f"**{t('eks.glance.where')}**")
        map_view(MAP_HEIGHT_PRESENTING if presenting else MAP_HEIGHT)
    with where:
        for note in where_statements(b, lang):
            say(note, "caption")
    with units:
        st.markdown(f"**{t('eks.glance.units')}**")
        note, how = units_statement(b, lang)
        say(note, how)
    with todo:
        st.markdown(f"**{t('eks.glance.todo')}**")
        items = todo_statements(actions, b.names, lang)
        if items:
            say_list(items, small=True)
        else:
            st.caption(t("eks.glance.todo.none"))
        if not presenting:  # the projector has no menu to come back by
            st.page_link("app_pages/daftar_tindakan.py", label=t("eks.glance.todo.link"), icon=":material/checklist:",
                         query_params={k: v for k, v in st.query_params.to_dict().items() if k != "present"})
