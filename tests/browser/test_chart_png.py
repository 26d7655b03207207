"""Charts download as PNG from the pages, offline: plotly's modebar "download as png" draws the image in the
browser (no server, no internet)."""

from __future__ import annotations

import pytest

from tests.browser import live
from tests.browser.conftest import Tab, assert_clean, title_of

pytestmark = pytest.mark.browser


def test_a_chart_downloads_as_png(fresh_tab: Tab, tmp_path):
    page = fresh_tab.page
    live.login(page, fresh_tab.base_url, "pimpinan")
    live.wait_title(page, title_of("ringkasan_eksekutif"))
    chart = page.locator('[data-testid="stPlotlyChart"]').first
    chart.locator(".main-svg").first.wait_for(state="visible")
    chart.scroll_into_view_if_needed()
    chart.hover()
    button = chart.locator('.modebar-btn[data-title*="png" i]').first
    button.wait_for(state="visible")
    # Issue 25: on an Indonesian page the modebar said "Download plot as a PNG", "Zoom", "Autoscale".
    titles = chart.locator(".modebar-btn").evaluate_all("els => els.map(e => e.getAttribute('data-title'))")
    assert "Unduh grafik sebagai PNG" in titles, titles
    assert not {"Download plot as a PNG", "Zoom", "Autoscale", "Pan", "Reset axes"} & set(titles), titles
    with page.expect_download() as info:
        button.click()
    download = info.value
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    assert path.suffix == ".png" and path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert path.stat().st_size > 5_000, "an image of the chart, not an empty canvas"
    assert_clean(fresh_tab)
