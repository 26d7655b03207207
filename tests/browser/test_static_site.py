"""The static public site (`manage.py publish --out`) in Chromium, served by Python's standard static server with
every non-localhost request blocked: figures equal to the stored extract, map and charts drawn, both languages,
no console error, and the tables readable with JavaScript off."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from domain.disclosure import TOTAL_LABEL
from domain.publication import REACH_TABLE, display_value, national_total, year_label
from domain.taxonomy import MODUS, names
from strings import tr
from tests.browser import live
from tests.browser.conftest import copy_db

pytestmark = pytest.mark.browser
PAGES = {"id": "index.html", "en": "en/index.html"}
SMALL = re.compile(r"^[1-9]$")


@pytest.fixture(scope="module")
def published(prepared_db: Path, tmp_path_factory: pytest.TempPathFactory):
    """A copy of the demo database, published into a folder; returns (folder, extract, province names,
    number of boundary polygons)."""
    from data_access.engine import get_engine
    from data_access.publication import query_latest_extract, query_place_names, get_province_boundaries
    from manage import main

    workdir = tmp_path_factory.mktemp("static-site")
    url = copy_db(prepared_db, workdir / "db")
    out = workdir / "situs"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DATABASE_URL", url)
        assert main(["publish", "--out", str(out)]) == 0
    with get_engine(url).connect() as conn:
        extract = query_latest_extract(conn)
        province_names = query_place_names(conn)
    return out, extract, province_names, len(get_province_boundaries())


@pytest.fixture(scope="module")
def site_url(published):
    """`python -m http.server` (a standard static server, not project code) on the published folder."""
    port = live.free_port()
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                             "--directory", str(published[0])],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url, timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def open_site(browser, url: str, **context_args):
    watch = live.Watch()
    context = live.new_context(browser, watch, **context_args)
    page = context.new_page()
    page.goto(url, wait_until="load")
    return context, page, watch


def row_values(page, table_id: str) -> dict[str, list[str]]:
    """data-kode of each body row -> its cell texts (after the row header)."""
    rows = {}
    for row in page.locator(f"#{table_id} tbody tr").all():
        rows[row.get_attribute("data-kode")] = [c.inner_text().strip() for c in row.locator("td").all()]
    return rows


@pytest.mark.parametrize("lang", ["id", "en"])
def test_static_site_shows_the_extract_with_map_and_charts(browser, site_url, published, lang):
    out, extract, province_names, polygons = published
    context, page, watch = open_site(browser, site_url + PAGES[lang])
    try:
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("h1").inner_text() == tr("site.title", lang)
        assert page.locator(".demo").inner_text() == tr("demo.notice", lang)  # the demo extract says so
        assert page.locator("#total-nasional").inner_text() == display_value(national_total(extract), lang)

        # Every table cell is the stored cell, in the page's number format.
        provinces = extract.table("provinsi")
        shown = row_values(page, "tabel-provinsi")
        assert set(shown) == {str(k) for k in provinces.index}
        for kode, value in provinces.iloc[:, 0].items():
            assert shown[str(kode)] == [display_value(value, lang)], kode
        sex_age = extract.table("jenis_kelamin_umur")
        for kode, cells in row_values(page, "tabel-jenis-kelamin-umur").items():
            assert cells == [display_value(sex_age.loc[kode, c], lang) for c in ("anak", "dewasa", TOTAL_LABEL)]
        modus = row_values(page, "tabel-modus")
        assert {k: v[0] for k, v in modus.items()} == {str(k): display_value(v, lang)
                                                      for k, v in extract.table("modus").iloc[:, 0].items()}
        year_rows = page.locator("#tabel-tahun tbody th").all_inner_texts()
        assert year_rows == [year_label(y, extract.info.periode, lang) if y != TOTAL_LABEL else tr("publik.total", lang)
                             for y in extract.table("tahun").index]
        # Nothing on the page reads as a count from 1 to 9.
        for cell in page.locator("td").all_inner_texts():
            assert not SMALL.match(cell.strip()), cell

        # The map: one path per boundary polygon, each with its published value as tooltip.
        paths = page.locator("svg.peta path")
        assert paths.count() == polygons
        jatim = page.locator('svg.peta path[data-kode="35"] title').text_content()
        assert jatim == f"{province_names['35']}: {display_value(provinces.loc['35'].iloc[0], lang)}"
        assert page.locator("svg.peta").bounding_box()["height"] > 150

        # The charts: drawn by the local plotly.js, one bar per published number (markers get no bar).
        for chart, table in (("tahun", extract.table("tahun")), ("modus", extract.table("modus"))):
            page.locator(f"#chart-{chart} .main-svg").first.wait_for(state="visible", timeout=30_000)
            numbers = [v for k, v in table.iloc[:, 0].items() if k != TOTAL_LABEL and not isinstance(v, str)]
            assert page.locator(f"#chart-{chart} g.point").count() == len(numbers)
        names_shown = page.locator("#chart-modus .ytick text").all_text_contents()
        assert set(names_shown) <= set(names(MODUS, lang).values()) and names_shown

        assert not watch.page_errors, watch.page_errors
        assert not watch.console_errors and not watch.allowed_errors, watch.console_errors + watch.allowed_errors
        assert watch.blocked == [], f"requests to the internet: {watch.blocked}"
        page.screenshot(path=str(_artifact(f"static_site_{lang}.png")), full_page=True)
    finally:
        context.close()


def test_language_links_and_downloads(browser, site_url, published):
    context, page, watch = open_site(browser, site_url)
    try:
        page.locator("nav.lang a").click()
        page.wait_for_url(re.compile(r"/en/index\.html$"))
        assert page.locator("h1").inner_text() == tr("site.title", "en")
        page.locator("nav.lang a").click()
        page.wait_for_url(re.compile(r"/index\.html$"))
        assert page.locator("html").get_attribute("lang") == "id"
        for href in page.locator("#unduh a").evaluate_all("links => links.map(a => a.href)"):
            with urllib.request.urlopen(href) as response:
                assert response.status == 200 and response.read(), href
        assert watch.blocked == [] and not watch.console_errors
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_tables_are_readable_with_javascript_off(browser, site_url, published, lang):
    out, extract, _, polygons = published
    context, page, watch = open_site(browser, site_url + PAGES[lang], java_script_enabled=False)
    try:
        assert page.locator("#total-nasional").inner_text() == display_value(national_total(extract), lang)
        # year, sex × age, modus, province, province × year, modus × year, destination × year, sex × age × year,
        # prevention reach
        assert page.locator("table").count() == 9
        assert page.locator("#tabel-provinsi tbody tr").count() == len(extract.table("provinsi"))
        reach = extract.table(REACH_TABLE)["jumlah"]
        cells = page.locator("#tabel-pencegahan tbody td").all_inner_texts()
        assert cells == [display_value(v, lang) for v in reach.tolist()]  # the public page's protected cells
        assert page.locator("svg.peta path").count() == polygons  # the map needs no script
        assert not page.locator("#chart-tahun").is_visible()  # an empty chart box is hidden, not a blank gap
        assert watch.blocked == []
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_embed_and_series_chart_draws_without_errors_or_outside_requests(browser, site_url, published, lang):
    """Issue 26: each chart's embeddable page draws its chart (or map) from local files only, with the demo notice,
    its table, and links back; the series charts on the page draw too, and every section's permalink resolves."""
    out, extract, _, polygons = published
    folder = out / ("en" if lang == "en" else "") / "embed"
    embeds = sorted(p.name for p in folder.glob("*.html"))
    assert {"tahun.html", "modus.html", "provinsi.html", "provinsi-tahun.html", "modus-tahun.html",
            "jenis-kelamin-umur-tahun.html", "tujuan-tahun.html"} <= set(embeds)
    prefix = "en/" if lang == "en" else ""
    context, page, watch = open_site(browser, site_url + PAGES[lang])
    try:
        page.locator("#chart-provinsi-tahun .main-svg").first.wait_for(state="visible", timeout=30_000)
        page.locator("#chart-modus-tahun .main-svg").first.wait_for(state="visible", timeout=30_000)
        page.locator("#chart-jenis-kelamin-umur-tahun .main-svg").first.wait_for(state="visible", timeout=30_000)
        page.locator("#chart-tujuan-tahun .main-svg").first.wait_for(state="visible", timeout=30_000)
        for section in page.locator("main > section[id]").evaluate_all("s => s.map(e => e.id)"):
            if section in ("unduh",):
                continue
            link = page.locator(f"#{section} a.permalink")
            assert link.get_attribute("href") == f"#{section}", section
            for href in page.locator(f"#{section} .about a[href$='.csv'], #{section} .about a[href$='.json']") \
                    .evaluate_all("links => links.map(a => a.href)"):
                with urllib.request.urlopen(href) as response:
                    assert response.status == 200 and response.read(), href
        for name in embeds:
            page.goto(f"{site_url}{prefix}embed/{name}", wait_until="load")
            assert page.locator(".demo").inner_text() == tr("demo.notice", lang)
            assert page.locator("table").count() == 1
            if page.locator(".chart").count():
                page.locator(".chart .main-svg").first.wait_for(state="visible", timeout=30_000)
            else:
                assert page.locator("svg.peta path").count() == polygons
            for cell in page.locator("td").all_inner_texts():
                assert not SMALL.match(cell.strip()), (name, cell)
        assert not watch.page_errors, watch.page_errors
        assert not watch.console_errors and not watch.allowed_errors, watch.console_errors + watch.allowed_errors
        assert watch.blocked == [], f"requests to the internet: {watch.blocked}"
    finally:
        context.close()


AXE_RUN = """async () => {
  const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
  return r.violations.filter(v => ['serious', 'critical'].includes(v.impact))
    .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '));
}"""


def test_no_serious_axe_violation_on_the_site_and_its_embeds(browser, site_url, published, axe_script):
    """axe-core (WCAG 2.1 A/AA) on both pages and every embed page (issue 26 adds charts, tables and links)."""
    out = published[0]
    embeds = sorted(out.glob("**/embed/*.html"))
    paths = ["index.html", "en/index.html", *(p.relative_to(out).as_posix() for p in embeds)]
    # The page's Content-Security-Policy would refuse the injected axe script: only the test bypasses it.
    context, page, watch = open_site(browser, site_url, bypass_csp=True)
    found = {}
    try:
        for path in paths:
            page.goto(site_url + path, wait_until="load")
            page.add_script_tag(path=str(axe_script))
            if bad := page.evaluate(AXE_RUN):
                found[path] = bad
    finally:
        context.close()
    assert not found, found


def _artifact(name: str) -> Path:
    folder = live.PROJECT / "test-artifacts" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name
