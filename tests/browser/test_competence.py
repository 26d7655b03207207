"""The SDM competence view in the browser, in both languages: the per-role chart is drawn with bars and target
markers, the unit × role table shows, and it downloads as a CSV that carries the demo notice."""

from __future__ import annotations

import pytest

from tests.browser import live
from tests.browser.conftest import Tab, assert_clean, title_of
from tests.browser.test_pages import DEMO_LABEL

pytestmark = pytest.mark.browser
PAGE = "kesenjangan_sdm"
CHART = {"id": "Porsi terlatih dan bersertifikat per peran", "en": "Trained and certified share per role"}


def check_view(tab: Tab, lang: str) -> None:
    page = tab.page
    chart = page.locator('[data-testid="stPlotlyChart"]', has_text=CHART[lang])
    chart.scroll_into_view_if_needed()
    chart.locator(".main-svg").first.wait_for()
    assert chart.locator("g.barlayer path").count() >= 6, "a trained bar for each of the six roles"
    assert chart.locator("g.scatterlayer path.point").count() >= 6, "target diamonds"
    button = page.locator(".st-key-dl_csv_kompetensi_per_unit_peran button")
    button.scroll_into_view_if_needed()
    assert button.is_visible()
    tab.screenshot(f"{tab.role}__{PAGE}__kompetensi_{lang}")


def test_training_view_draws_and_downloads(tabs, tmp_path):
    tab: Tab = tabs("pimpinan")
    tab.watch.clear()
    tab.open(PAGE)
    check_view(tab, "id")
    with tab.page.expect_download(timeout=120_000) as info:
        tab.page.locator(".st-key-dl_csv_kompetensi_per_unit_peran button").click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    text = target.read_bytes().decode("utf-8-sig")
    assert info.value.suggested_filename == "kompetensi_per_unit_peran.csv"
    assert DEMO_LABEL in text and "Perlu dilatih" in text and "Kekurangan WISN (orang)" in text
    assert text.count("\n") > 30
    assert_clean(tab)


def test_training_view_in_english(fresh_tab: Tab):
    tab = fresh_tab
    tab.role = "pimpinan"
    live.login(tab.page, tab.base_url, "pimpinan")
    tab.page.locator('[data-testid="stSidebar"] [role="radiogroup"] label', has_text="English").click()
    live.wait_ready(tab.page)
    tab.watch.clear()
    tab.open(PAGE, lang="en")
    check_view(tab, "en")
    main = tab.page.locator('[data-testid="stMain"]').inner_text()
    assert "Staff trained (12 months)" in main and title_of(PAGE, "en") in main
    assert_clean(tab)


def test_a_closed_detail_table_is_built_when_opened(tabs):
    """Kesenjangan SDM builds the tables under its charts only while their expander is open (issue 12): opening
    one in the browser reruns the page and shows the table and its downloads; closing it again removes them."""
    tab: Tab = tabs("pimpinan")
    tab.watch.clear()
    tab.open(PAGE)
    page = tab.page
    expander = page.locator(".st-key-sdm_wisn_open")
    expander.scroll_into_view_if_needed()
    table = expander.locator('[data-testid="stDataFrame"]')
    assert table.count() == 0, "closed: nothing built"
    expander.locator("summary").first.click()
    table.first.wait_for(state="visible", timeout=60_000)
    live.wait_ready(page)
    assert expander.locator(".st-key-dl_csv_wisn_per_unit_peran button").is_visible()
    expander.locator("summary").first.click()
    live.wait_ready(page)
    table.first.wait_for(state="detached", timeout=60_000)
    assert_clean(tab)
