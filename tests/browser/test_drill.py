"""Issue 13.6 in Chromium: choosing a province (here by clicking it on the map) zooms the map to it (not a speck at
national scale), and the kab/kota table says once why there is no rate per 100,000 instead of "tidak ada data" on
every row. Issue 24: the map's shapes come from the /batas/ route."""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

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


def _assert_flow_map_draws_countries(page, fetched: list[str]) -> None:
    """Issue 25: the flow map drew its destination countries as dots on a blank background; now their outlines
    (vendored Natural Earth, fetched from the app itself) are drawn, Malaysia's and Singapore's apart."""
    script = """() => { const k = []; window.map.eachLayer(l => {
        if (l.feature && /^[A-Z]{3}$/.test(l.feature.properties.kode) && l._path) k.push(l.feature.properties.kode);
        }); return k; }"""
    drawn: list[str] = []
    for _ in range(100):
        drawn = next((k for k in (f.evaluate(script) for f in map_frames(page)) if k), [])
        if drawn:
            break
        page.wait_for_timeout(300)
    assert {"MYS", "SAU"} <= set(drawn), drawn
    assert any("/app/static/vendor/negara/negara.geojson" in url for url in fetched)


def test_clicking_a_province_zooms_the_map_and_explains_the_missing_rate_once(browser, server):
    """Issue 24: the origin map's shapes come from /batas/ (fetched once), its values from the page. Every province
    is drawn with its values and tooltip, and clicking one still opens its kab/kota map (issue 13.6: zoomed to it, not
    a speck at national scale; the kab/kota table says once why there is no rate instead of "tidak ada data")."""
    watch = live.Watch()
    context = live.new_context(browser, watch)
    try:
        page = context.new_page()
        page.set_default_timeout(120_000)
        fetched: list[str] = []
        page.on("request", lambda r: fetched.append(r.url) if "/batas/" in r.url or "/negara/" in r.url else None)
        live.login(page, server.url, "jarnas")
        tab = Tab("jarnas", page, watch, server.url)
        tab.open("peta_asal_korban")
        wait_maps_drawn(page, 60)
        is_origin_map = """() => { let n = 0;
            window.map.eachLayer(l => { if (l.feature && l.feature.properties.jumlah_teks !== undefined) n += 1; });
            return n; }"""
        drawn = {f: f.evaluate(is_origin_map) for f in map_frames(page)}
        frame = next(f for f, n in drawn.items() if n)
        assert drawn[frame] == 38, "every province is drawn with the page's values"
        assert any("/batas/provinsi.geojson?v=" in url for url in fetched)
        _assert_flow_map_draws_countries(page, fetched)
        # Tag NTB's polygon through Leaflet's own layer (its feature carries the served kode and the page's values).
        found = frame.evaluate("""() => {
            let hit = null;
            window.map.eachLayer(l => { if (l.feature && l.feature.properties.kode === '52' && l._path) hit = l; });
            if (!hit) return null;
            hit._path.setAttribute('data-kode', '52');
            // A point on the islands themselves (the box's centre is sea between Lombok and Sumbawa).
            const box = hit._path.getBoundingClientRect();
            let at = null;
            for (let y = 0.05; y < 1 && !at; y += 0.05) for (let x = 0.05; x < 1 && !at; x += 0.05) {
                const px = box.left + x * box.width, py = box.top + y * box.height;
                if (document.elementFromPoint(px, py) === hit._path) at = {x: px - box.left, y: py - box.top};
            }
            return {nama: hit.feature.properties.nama, jumlah: hit.feature.properties.jumlah_teks, at: at};
        }""")
        assert found and found["nama"] == "Nusa Tenggara Barat" and found["jumlah"] not in ("", None)
        assert found["at"], "no point of NTB's polygon is on top"
        frame.locator('path[data-kode="52"]').hover(position=found["at"])
        tooltip = frame.locator(".leaflet-tooltip").first
        tooltip.wait_for(state="visible")
        assert "Nusa Tenggara Barat" in tooltip.inner_text() and found["jumlah"] in tooltip.inner_text()
        # The first click after the map appears is lost now and then: in 2 of 5 runs on 8 Dec 2026 st_folium had
        # recorded no click at all (its last_active_drawing still null), with this code and with the code of the
        # three CI runs that passed before. A person clicks again; so does the test, once. Two lost clicks fail.
        drilled = page.get_by_text("Asal korban di Nusa Tenggara Barat per kabupaten/kota").first
        for attempt in (1, 2):
            frame.locator('path[data-kode="52"]').click(position=found["at"])
            try:
                drilled.wait_for(state="visible", timeout=15_000 if attempt == 1 else 120_000)
                break
            except PlaywrightTimeout:
                if attempt == 2:
                    raise
        live.wait_ready(page)
        n_maps, paths = wait_maps_drawn(page, 60)
        assert n_maps and paths[0] > 0, "the drilled map drew nothing"
        assert any("/batas/kab-52.geojson?v=" in url for url in fetched)
        width, height = _drawn_span(map_frames(page)[0])
        assert max(width, height) >= MIN_SPAN, f"NTB spans only {width:.0%} × {height:.0%} of the map"
        main = page.locator('[data-testid="stMain"]')
        assert main.inner_text().count(NOTE) == 1
        tab.screenshot("peta_drill_ntb")
        assert_clean(tab)
    finally:
        context.close()


def _snapshot(page) -> dict:
    """What the user sees of the map page's data: map fills per map, chart texts, headline metric."""
    fills = [frame.eval_on_selector_all("path.leaflet-interactive", "ps => ps.map(p => p.getAttribute('fill'))")
             for frame in map_frames(page)]
    charts = page.locator('[data-testid="stPlotlyChart"]').all_inner_texts()
    metric = page.locator('[data-testid="stMetricValue"]').first.inner_text()
    return {"fills": fills, "charts": charts, "metric": metric}


def test_a_filter_change_redraws_maps_charts_and_figures(browser, server):
    """Issue 12: with maps and figures cached, a filter change still shows new content in the browser."""
    watch = live.Watch()
    context = live.new_context(browser, watch)
    try:
        page = context.new_page()
        page.set_default_timeout(120_000)
        live.login(page, server.url, "jarnas")
        tab = Tab("jarnas", page, watch, server.url)
        tab.open("peta_asal_korban")
        wait_maps_drawn(page, 60)
        before = _snapshot(page)
        page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]', has_text="Modus").first.click()
        page.keyboard.type("Online scam")
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")
        page.wait_for_function(
            "m => { const e = document.querySelector('[data-testid=\"stMetricValue\"]'); return e && e.innerText !== m; }",
            arg=before["metric"])
        live.wait_ready(page)
        wait_maps_drawn(page, 60)
        page.wait_for_timeout(1500)  # component iframes apply their new arguments after the script finished
        after = _snapshot(page)
        assert after["metric"] != before["metric"]
        assert len(after["fills"]) == len(before["fills"]) >= 1
        assert after["fills"][0] != before["fills"][0], "the origin map still shows the unfiltered classes"
        assert after["charts"] != before["charts"], "the destination chart did not change"
        assert_clean(tab)
    finally:
        context.close()

