"""The prevention section of the executive page (issue 15 item 5): prevented departures, the reach gap and the
first priority areas, from the same view as the Pencegahan page and the deck's prevention slide."""

from __future__ import annotations

import streamlit as st

from data_access.prevention import get_prevention_view
from domain.filters import Filters
from domain.formatting import fmt_int
from exports.prevention_slide import exec_summary, scope_note
from ui.frame import provenance, say
from ui.i18n import t

KINDS = ("kasus", "kegiatan_pencegahan", "pencegahan_keberangkatan", "penempatan_pmi")


def render_prevention_section(filters: Filters, lang: str) -> None:
    view = get_prevention_view(filters)
    if view.filters is None:
        return
    st.subheader(t("pcg.exec.header"))
    # Prevention figures read the period and the province only, the victims beside them included.
    say(scope_note(view, lang))
    for note in exec_summary(view, lang):
        say(note, "markdown")
    gap = view.gap
    no_data = t("eks.no_data")
    c1, c2, c3 = st.columns(3)
    c1.metric(t("pcg.kpi.prevented"), fmt_int(view.prevented, lang, no_data), help=t("ind.keberangkatan_dicegah.def"))
    c2.metric(t("pcg.kpi.priority"), fmt_int(len(gap), lang) if gap is not None else no_data,
              help=t("ind.wilayah_prioritas_pencegahan.def"))
    c3.metric(t("pcg.kpi.activities"), fmt_int(view.activities, lang, no_data), help=t("ind.kegiatan_pencegahan.def"))
    provenance(t("pcg.source.prevented") + "; " + t("pcg.source.activities"),
               view.filters.with_(start=min(view.window.start, view.filters.start), end=view.filters.end), KINDS)
