"""Executive summary for ministers and deputies: headline figures, map, alerts, key messages, slide deck."""

from __future__ import annotations

import streamlit as st

from builders.briefing_charts import make_top_bars
from builders.maps import make_choropleth_map
from data_access.actions import get_action_lists
from data_access.briefing import get_briefing, get_briefing_tables, province_boundaries
from domain.filters import month_key
from domain.formatting import fmt_period
from exports.deck import PPTX_MIME, PdfConversionError, build_deck, deck_pdf
from exports.indicator_tables import comparison_notes, headline_frame, latest_like_window, unit_scope_note
from settings import load_settings
from ui.boundary_route import boundary_url
from ui.cached import figure, show_map
from ui.charts import show_chart
from ui.eksekutif_sections import alerts_section, glance_section
from ui.filters import current_filters, set_period
from ui.frame import (download_button, download_table, empty_state, page_header, provenance, say, say_list,
                      show_table)
from ui.i18n import current_lang, t
from ui.prevention_section import render_prevention_section
from ui.projector import is_presenting

KINDS = ("kasus", "okupansi", "staf")
presenting = is_presenting()
if presenting:
    # Exit first, so the way back is the first thing on the screen.
    if st.button(t("eks.present.off"), key="eks_present_off", icon=":material/close_fullscreen:"):
        del st.query_params["present"]
        st.rerun()
page_header("nav.ringkasan_eksekutif", "purpose.ringkasan_eksekutif", kinds=KINDS)
filters = current_filters()
lang = current_lang()
b = get_briefing(filters, lang)  # cached per filters, language and data version
tables = get_briefing_tables(filters, lang)
if b.start is not None and b.summary["victims_total"] == 0:
    for note in b.unit_notes:  # a province without a unit and without victims still says so
        say(note, "info")
if b.start is None or b.summary["victims_total"] == 0:
    empty_state()
source = t("eks.source.kasus")
boundaries, values = province_boundaries(), tables.map_values


def national_map(height: int) -> None:
    if boundaries is None:
        st.warning(t("eks.map.missing"))
    else:
        show_map(make_choropleth_map, boundaries, values, "count", tiles=load_settings().tile_url, lang=lang,
                 geometry_url=boundary_url(None), key="eks_map", height=height)


# --- the first screen: figures, where, which units, what to do -------------------------------------
glance_section(b, get_action_lists(filters), lang, national_map, presenting)
if not presenting and st.button(t("eks.present.on"), key="eks_present_on", icon=":material/slideshow:"):
    st.query_params["present"] = "1"
    st.rerun()

# --- what the figures rest on -------------------------------------------------------------------
for note in comparison_notes(b, lang):
    st.caption(note)
for note in b.scope_notes:
    say(note)
if b.filters.provinsi or any(f.ignored for f in b.indicators.figures.values()):
    st.caption(t("eks.units_scope") + " " + unit_scope_note(b.filters, lang))
for note in (*b.coverage_notes, *b.unit_notes):
    say(note, "info" if note.key.startswith("unit.") else "caption")
like = latest_like_window(b)
if like is not None and not presenting:
    # The whole range has no year before it: offer the latest months that do (the minister's "better or worse").
    st.button(t("eks.like_window", period=fmt_period(*like, lang),
                previous=fmt_period(like[0].replace(year=like[0].year - 1), like[1].replace(year=like[1].year - 1),
                                    lang)),
              key="eks_like_window", on_click=set_period, args=like, icon=":material/date_range:")
provenance(source, b.filters, KINDS)
headline_table = headline_frame(b, lang)

# --- key messages -----------------------------------------------------------------------------
st.subheader(t("eks.messages.header"))
if b.messages:
    say_list(b.messages)
else:
    st.info(t("eks.messages.none"))
st.caption(t("eks.messages.note"))

# --- top origins and destinations --------------------------------------------------------------
left, right = st.columns(2) if not presenting else (st.container(), st.container())
origins, destinations = tables.origins, tables.destinations
with left:
    show_chart(figure(make_top_bars, origins, title=t("eks.origins.header"), lang=lang), key="eks_origins")
with right:
    show_chart(figure(make_top_bars, destinations, title=t("eks.destinations.header"), lang=lang,
                      colour="#E69F00"), key="eks_destinations")
provenance(source, b.filters, ("kasus",))

# --- capacity and SDM alerts ------------------------------------------------------------------
alert_table, sdm_table = alerts_section(b, lang)

render_prevention_section(filters, lang)
if presenting:
    st.stop()

# --- tables behind the figures and downloads ---------------------------------------------------
with st.expander(t("eks.table.data")):
    tag = f"{month_key(b.start)}_{month_key(b.end)}" if b.start and b.end else "semua"
    for name, table in (("angka_utama", headline_table), ("asal_teratas", origins),
                        ("tujuan_teratas", destinations), ("peta_provinsi", values),
                        ("peringatan_kapasitas", alert_table), ("kesenjangan_sdm", sdm_table)):
        if table is not None:
            st.markdown(f"**{name.replace('_', ' ').capitalize()}**")
            show_table(table, hide_index=True, key=f"eks_tbl_{name}")
            download_table(table, f"{name}_{tag}", b.filters, KINDS)

# --- slide deck -------------------------------------------------------------------------------
st.subheader(t("eks.deck.header"))
if st.runtime.exists():  # a real server (not AppTest): open the chart-export browser before the click
    from exports.images import prewarm

    prewarm()
st.caption(t("eks.deck.hint", language="Indonesia" if lang == "id" else "English"))
deck_key = ("eks_deck", filters, lang)
if st.button(t("eks.deck.build"), key="eks_deck_build", icon=":material/co_present:"):
    with st.spinner(t("eks.deck.building")):
        try:
            st.session_state["eks_deck"] = (deck_key, build_deck(filters, lang))
        except Exception as exc:  # noqa: BLE001 — a sentence, never a traceback, in front of a minister
            st.error(t("eks.deck.failed", detail=type(exc).__name__))
ready = st.session_state.get("eks_deck")
if ready and ready[0] == deck_key:
    download_button(t("eks.deck.download"), ready[1], file_name=f"paparan_tppo_{tag}.pptx", mime=PPTX_MIME,
                    key="eks_deck_download", type="primary")
    # The same deck as PDF (LibreOffice, as `manage.py briefing --pdf`): for a meeting room without PowerPoint.
    if st.button(t("eks.deck.pdf"), key="eks_deck_pdf_build", icon=":material/picture_as_pdf:"):
        with st.spinner(t("eks.deck.pdf_building")):
            try:
                st.session_state["eks_deck_pdf"] = (deck_key, deck_pdf(ready[1]))
            except PdfConversionError as exc:
                st.error(t("eks.deck.pdf_failed", detail=str(exc)))
    pdf = st.session_state.get("eks_deck_pdf")
    if pdf and pdf[0] == deck_key:
        download_button(t("eks.deck.pdf_download"), pdf[1], file_name=f"paparan_tppo_{tag}.pdf",
                        mime="application/pdf", key="eks_deck_pdf_download")
