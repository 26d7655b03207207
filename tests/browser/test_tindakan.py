"""Daftar Tindakan in the browser: the three lists show, printing leaves out the sidebar and the download
buttons, and a list downloads as a CSV that carries the demo notice."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Tab, assert_clean
from tests.browser.test_pages import DEMO_LABEL

pytestmark = pytest.mark.browser
PAGE = "daftar_tindakan"


def test_lists_print_without_sidebar_and_download(tabs, tmp_path):
    tab: Tab = tabs("jarnas")
    tab.watch.clear()
    tab.open(PAGE)
    page = tab.page
    tables = page.locator('[data-testid="stMain"] [data-testid="stDataFrame"]')
    tables.first.wait_for()
    assert tables.count() == 3, "late reports, referrals and provinces to watch"
    sidebar, buttons = page.locator('[data-testid="stSidebar"]'), page.locator('[data-testid="stDownloadButton"]')
    assert sidebar.is_visible() and buttons.first.is_visible()
    page.emulate_media(media="print")
    try:
        assert not sidebar.is_visible(), "the sidebar is printed"
        assert not buttons.first.is_visible(), "download buttons are printed"
        assert tables.first.is_visible() and page.get_by_text("Periode:").first.is_visible()
        # Every row is on paper, not the first ten rows of a scrolling grid (about 35 px a row): checked on the
        # longest list (the grid's aria-rowcount counts its header row too).
        counts = [int(tables.nth(i).locator("[aria-rowcount]").first.get_attribute("aria-rowcount"))
                  for i in range(tables.count())]
        longest = max(range(len(counts)), key=counts.__getitem__)
        assert counts[longest] > 11 and tables.nth(longest).bounding_box()["height"] > 30 * counts[longest]
        tab.screenshot("jarnas__daftar_tindakan__print")
    finally:
        page.emulate_media(media="screen")
    with page.expect_download(timeout=120_000) as info:
        buttons.locator("button", has_text="CSV").first.click()
    download = info.value
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    text = target.read_bytes().decode("utf-8-sig")
    assert download.suggested_filename == "laporan_terlambat.csv"
    assert DEMO_LABEL in text and "Hari lewat jatuh tempo" in text and text.count("\n") >= 3
    assert_clean(tab)
