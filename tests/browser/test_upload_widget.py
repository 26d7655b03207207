"""The upload widget speaks the page's language: Streamlit draws "Upload" and "20MB per file" in English with no
option to change them; ui.i18n.localise_uploader puts the translated words in their place."""

from __future__ import annotations

import pytest

from strings import tr
from tests.browser import live
from tests.browser.conftest import Tab, assert_clean

pytestmark = pytest.mark.browser

BUTTON_TEXT = '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p'
LIMIT_TEXT = '[data-testid="stFileUploaderDropzoneInstructions"] span'


def _shown(page, selector: str) -> tuple[str, str]:
    """(what ::after shows, the font size of Streamlit's own English text)."""
    return tuple(page.locator(selector).first.evaluate(
        "e => [getComputedStyle(e, '::after').content.replace(/^\"|\"$/g, ''), getComputedStyle(e).fontSize]"))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_upload_widget_is_in_the_page_language(fresh_tab: Tab, lang):
    page = fresh_tab.page
    live.login(page, fresh_tab.base_url, "admin_data")
    page.goto(f"{fresh_tab.base_url}/kelola-data?lang={lang}")
    live.wait_ready(page)
    page.locator(LIMIT_TEXT).first.wait_for(state="attached")
    assert _shown(page, BUTTON_TEXT) == (tr("upload.button", lang), "0px")
    assert _shown(page, LIMIT_TEXT) == (tr("upload.limit", lang, mb=20, types="CSV, XLSX"), "0px")
    if lang == "id":
        dropzone = page.locator('[data-testid="stFileUploaderDropzone"]').first
        box = dropzone.bounding_box()
        assert box and box["height"] > 20
        fresh_tab.screenshot("upload_widget_id")
    assert_clean(fresh_tab)
