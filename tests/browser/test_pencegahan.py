"""Pencegahan in the browser: both maps draw their areas (MapLibre, offline), choosing a province redraws them at
kab/kota level, and the priority list downloads as a CSV that carries the demo notice and the rule."""

from __future__ import annotations

import pytest

from tests.browser import live
from tests.browser.conftest import Tab, assert_clean
from tests.browser.test_pages import DEMO_LABEL

pytestmark = pytest.mark.browser
PAGE = "pencegahan"
MAPS = '[data-testid="stMain"] [data-testid="stPlotlyChart"]'


def test_maps_drill_down_and_priority_download(tabs, tmp_path):
    tab: Tab = tabs("pimpinan")
    tab.watch.clear()
    tab.open(PAGE)
    page = tab.page
    charts = page.locator(MAPS)
    charts.first.wait_for()
    assert charts.count() == 3, "two maps and the trend chart"
    # MapLibre draws on a canvas: a map that failed offline (style or tiles from a CDN) has none.
    for i in (0, 1):
        charts.nth(i).locator("canvas").first.wait_for(timeout=60_000)
    charts.first.scroll_into_view_if_needed()
    tab.screenshot("pimpinan__pencegahan")

    page.locator('[data-testid="stSelectbox"]', has_text="Lihat provinsi").first.click()
    page.keyboard.type("Nusa Tenggara Barat")
    page.keyboard.press("Enter")
    page.get_by_text("Dua peta Nusa Tenggara Barat").first.wait_for(state="visible")
    live.wait_ready(page)
    for i in (0, 1):
        charts.nth(i).locator("canvas").first.wait_for(timeout=60_000)
    charts.first.scroll_into_view_if_needed()
    tab.screenshot("pimpinan__pencegahan__ntb")

    # The first visible CSV button is the priority list's (the per-area table's sits in a closed expander).
    with page.expect_download(timeout=120_000) as info:
        page.locator('[data-testid="stDownloadButton"] button:visible', has_text="CSV").first.click()
    download = info.value
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    text = target.read_bytes().decode("utf-8-sig")
    assert download.suggested_filename == "wilayah_prioritas_pencegahan.csv"
    assert DEMO_LABEL in text and "Korban 12 bln" in text and text.count("\n") > 20
    assert_clean(tab)
