"""Metric arrows follow the sign of the formatted change, whichever minus sign the formatter wrote."""

from __future__ import annotations

import pytest

from domain.formatting import fmt_change
from ui.frame import delta_arrow


@pytest.mark.parametrize(("delta", "arrow"), [
    ("+8,8%", "up"),
    ("\u221234,0%", "down"),  # Babel's minus (U+2212): Streamlit alone draws an up arrow for it
    ("-3", "down"),
    ("±0,0%", "off"),
    ("\u22122,5 pp", "down"),
    ("+1,0 pp", "up"),
    ("", "off"),
    (None, "off"),
])
def test_arrow_from_the_sign(delta, arrow):
    assert delta_arrow(delta) == arrow


@pytest.mark.parametrize(("share", "arrow"), [(0.083, "up"), (-0.34, "down"), (0.0, "off")])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_arrow_of_what_fmt_change_writes(share, lang, arrow):
    assert delta_arrow(fmt_change(share, lang)) == arrow

