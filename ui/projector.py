"""Projector mode (?present=1): no sidebar at all, large type."""

from __future__ import annotations

import streamlit as st

# Static CSS, no data in it. Chart text is drawn by plotly in px and ignores the page's font size: the chart is
# laid out at 80% of the width and zoomed back to 100%, so its text grows with the page text.
PROJECTOR_CSS = ("<style>[data-testid='stSidebar'],[data-testid='stSidebarCollapsedControl']{display:none}"
                 "html{font-size:125%}"
                 "[data-testid='stPlotlyChart']{width:80% !important;zoom:1.25}</style>")


def is_presenting() -> bool:
    return st.query_params.get("present") == "1"


def apply_projector_style() -> None:
    st.html(PROJECTOR_CSS)
