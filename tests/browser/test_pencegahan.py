"""Pencegahan in the browser: both maps draw their areas (MapLibre, offline), choosing a province redraws them at
kab/kota level, and the priority list downloads as a CSV that carries the demo notice and the rule."""

from __future__ import annotations

import io
import time

import pytest

from tests.browser import live
from tests.browser.conftest import Tab, assert_clean
from tests.browser.test_pages import DEMO_LABEL

pytestmark = pytest.mark.browser
PAGE = "pencegahan"
MAPS = '[data-testid="stMain"] [data-testid="stPlotlyChart"]'


def inked_pixels(locator) -> int:
    """Pixels of a map canvas in colour (not white, grey or black text): the class fills of the areas drawn
    (style "white-bg" has no tiles, and the legend sits below the map in HTML, so a map without its boundaries has
    none). A count, not a share of the canvas: a full-width map shows Indonesia on more sea than a half-width one
    (1.7 % of the canvas at 1366 px), and both still fill thousands of pixels."""
    from PIL import Image

    saturation = Image.open(io.BytesIO(locator.screenshot())).convert("HSV").getchannel("S").histogram()
    return sum(saturation[25:])


def wait_drawn(charts, timeout_s: float = 60, least: int = 2_000) -> None:
    """Both maps show their areas: the boundaries come from /batas/... (ui/boundary_route.py), fetched once."""
    deadline = time.monotonic() + timeout_s
    for i in (0, 1):
        canvas = charts.nth(i).locator("canvas").first
        canvas.wait_for(timeout=timeout_s * 1000)
        canvas.scroll_into_view_if_needed()
        while (inked := inked_pixels(canvas)) < least:
            assert time.monotonic() < deadline, f"map {i} drew no areas ({inked} pixels in colour)"
            time.sleep(0.5)


def test_maps_drill_down_and_priority_download(tabs, tmp_path):
    tab: Tab = tabs("pimpinan")
    tab.watch.clear()
    tab.open(PAGE)
    page = tab.page
    charts = page.locator(MAPS)
    charts.first.wait_for()
    assert charts.count() == 3, "two maps and the trend chart"
    # MapLibre draws on a canvas: a map that failed offline (style or tiles from a CDN) has none, and one whose
    # boundaries did not load stays white.
    charts.first.scroll_into_view_if_needed()
    wait_drawn(charts)
    tab.screenshot("pimpinan__pencegahan")
    # Issue 25: side by side at 1366 px each map drew Indonesia ~300 px wide; one above the other each takes the
    # page's width.
    viewport = page.viewport_size
    page.set_viewport_size({"width": 1366, "height": 768})
    try:
        live.wait_ready(page)
        widths = [charts.nth(i).bounding_box()["width"] for i in (0, 1)]
        assert min(widths) >= 600, f"the maps are {widths} px wide at 1366 px"
    finally:
        page.set_viewport_size(viewport)

    page.locator('[data-testid="stSelectbox"]', has_text="Lihat provinsi").first.click()
    page.keyboard.type("Nusa Tenggara Barat")
    page.keyboard.press("Enter")
    page.get_by_text("Dua peta Nusa Tenggara Barat").first.wait_for(state="visible")
    live.wait_ready(page)
    charts.first.scroll_into_view_if_needed()
    wait_drawn(charts)
    spec = page.evaluate("() => document.querySelector('[data-testid=stPlotlyChart] .js-plotly-plot').data[0].geojson")
    assert isinstance(spec, str) and spec.startswith("/batas/kab-52.geojson?v="), "the page names the route"
    tab.screenshot("pimpinan__pencegahan__ntb")

    # The first visible CSV button is the priority list's (the per-area table's sits in a closed expander).
    with page.expect_download(timeout=120_000) as info:
        page.locator('[data-testid="stDownloadButton"] button:visible', has_text="CSV").first.click()
    download = info.value
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    text = target.read_bytes().decode("utf-8-sig")
    assert download.suggested_filename == "wilayah_prioritas_pencegahan.csv"
    assert DEMO_LABEL in text and "Korban Agu 2024 – Jul 2025" in text and text.count("\n") > 20
    assert_clean(tab)
