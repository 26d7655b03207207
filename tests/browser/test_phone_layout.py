"""Pemantauan Jarnas on a phone (390x844): the funnel's stage labels and numbers are not cut, and the
completeness heat map keeps cells wide enough to read (before: labels cut on both sides by a 230 px text margin,
cells 15 px wide beside a side colour bar, title running off the chart)."""

from __future__ import annotations

import pytest

from tests.browser import live
from tests.browser.conftest import Tab, assert_clean, title_of

pytestmark = pytest.mark.browser

CHARTS = '[data-testid="stPlotlyChart"]'


def _boxes(chart, selector: str) -> list[dict]:
    return chart.locator(selector).evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect(); "
        "return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, text: e.textContent}; })")


def test_funnel_and_heat_map_read_on_a_phone(fresh_tab: Tab):
    page = fresh_tab.page
    page.set_viewport_size({"width": 390, "height": 844})
    live.login(page, fresh_tab.base_url, "jarnas")
    page.goto(f"{fresh_tab.base_url}/pemantauan-jarnas")
    live.wait_title(page, title_of("pemantauan_jarnas"))
    page.locator(f"{CHARTS} .main-svg").nth(2).wait_for(state="attached")
    funnel, heat = page.locator(CHARTS).nth(1), page.locator(CHARTS).nth(2)

    funnel.scroll_into_view_if_needed()
    svg = _boxes(funnel, ".main-svg")[0]
    labels = _boxes(funnel, "g.ytick text")
    assert len(labels) == 7
    for label in labels + _boxes(funnel, "text.bartext, g.g-gtitle text"):
        assert svg["left"] - 1 <= label["left"] and label["right"] <= svg["right"] + 1, (label, svg)

    heat.scroll_into_view_if_needed()
    svg = _boxes(heat, ".main-svg")[0]
    plot = _boxes(heat, ".cartesianlayer .xy .nsewdrag, .draglayer .xy .nsewdrag")[0]
    columns = len(_boxes(heat, "g.xtick text"))
    assert columns == 4 and plot["width"] / columns >= 35, (plot, columns)
    for text in _boxes(heat, "g.g-gtitle text, g.ytick text, g.xtick text"):
        assert svg["left"] - 1 <= text["left"] and text["right"] <= svg["right"] + 1, (text, svg)
    colourbar = _boxes(heat, "g.colorbar")[0]
    assert colourbar["top"] >= plot["bottom"], "the colour bar sits below the grid, not beside it"
    assert_clean(fresh_tab)
