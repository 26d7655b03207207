"""Projector mode (?present=1): no sidebar at all, large type."""

from __future__ import annotations

import streamlit as st

# Static CSS, no data in it. Chart text is drawn by plotly in px: ui.cached.figure enlarges it in the figure itself.
PROJECTOR_CSS = ("<style>[data-testid='stSidebar'],[data-testid='stSidebarCollapsedControl']{display:none}"
                 "html{font-size:125%}</style>")


def is_presenting() -> bool:
    return st.query_params.get("present") == "1"


def apply_projector_style() -> None:
    st.html(PROJECTOR_CSS)
