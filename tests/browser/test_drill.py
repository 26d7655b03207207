"""Issue 13.6 in Chromium: choosing a province zooms the map to it (not a speck at national scale), and the kab/kota
table says once why there is no rate per 100,000 instead of "tidak ada data" on every row."""

from __future__ import annotations

import pytest

from tests.browser import live
from tests.browser.conftest import Tab, assert_clean
from tests.browser.test_pages import map_frames, wait_maps_drawn

pytestmark = pytest.mark.browser

NOTE = "Jumlah penduduk kabupaten/kota belum tersedia"
# Share of the map's width or height the drawn areas must span: NTB at national scale spans about 5% of the width.
MIN_SPAN = 0.5


def _drawn_span(frame) -> tuple[float, float]:
    """(width, height) of the union of the drawn polygons, as a share of the map container."""
    return frame.evaluate("""() => {
        const box = document.querySelector('#map_div, .leaflet-container').getBoundingClientRect();
        let l = Infinity, t = Infinity, r = -Infinity, b = -Infinity;
        for (const p of document.querySelectorAll('path.leaflet-interactive')) {
            const q = p.getBoundingClientRect();
            if (!q.width && !q.height) continue;
            l = Math.min(l, q.left); t = Math.min(t, q.top); r = Math.max(r, q.right); b = Math.max(b, q.bottom);
        }
        return [(Math.min(r, box.right) - Math.max(l, box.left)) / box.width,
                (Math.min(b, box.bottom) - Math.max(t, box.top)) / box.height];
    }""")


def test_choosing_a_province_zooms_the_map_and_explains_the_missing_rate_once(browser, server):
    watch = live.Watch()
    context = live.new_context(browser, watch)
    try:
        page = context.new_page()
        page.set_default_timeout(120_000)
        live.login(page, server.url, "jarnas")
        tab = Tab("jarnas", page, watch, server.url)
        tab.open("peta_asal_korban")
        page.locator('[data-testid="stSelectbox"]', has_text="Lihat provinsi").first.click()
        page.keyboard.type("Nusa Tenggara Barat")
        page.keyboard.press("Enter")
        page.get_by_text("Asal korban di Nusa Tenggara Barat per kabupaten/kota").first.wait_for(state="visible")
        live.wait_ready(page)
        n_maps, paths = wait_maps_drawn(page, 60)
        assert n_maps and paths[0] > 0, "the drilled map drew nothing"
        width, height = _drawn_span(map_frames(page)[0])
        assert max(width, height) >= MIN_SPAN, f"NTB spans only {width:.0%} × {height:.0%} of the map"
        main = page.locator('[data-testid="stMain"]')
        assert main.inner_text().count(NOTE) == 1
        tab.screenshot("peta_drill_ntb")
        assert_clean(tab)
    finally:
        context.close()
