"""English in the browser: the sidebar language switch turns the menu and the pages English with no missing key.
Every page in English (and ?lang=en) is checked with AppTest in tests/unit/test_strings.py, which is much
cheaper; here the real switch is clicked and a map page and a chart page are opened in English."""

from __future__ import annotations

import pytest

from tests.browser import live
from tests.browser.conftest import Tab, assert_clean, pages_of, title_of

pytestmark = pytest.mark.browser


def test_language_switch_turns_menu_and_pages_english(fresh_tab: Tab):
    tab = fresh_tab
    tab.role = "admin_data"
    live.login(tab.page, tab.base_url, "admin_data")
    tab.page.locator('[data-testid="stSidebar"] [role="radiogroup"] label', has_text="English").click()
    # A sign-in lands on the role's first page (issue 13 item 4), not on the sign-in page.
    live.wait_title(tab.page, title_of("ringkasan_eksekutif", "en"))
    links = tab.page.locator('[data-testid="stSidebar"] a[data-testid="stPageLink-NavLink"]').all_inner_texts()
    for page_key in pages_of("admin_data"):
        assert any(title_of(page_key, "en") in link for link in links), f"menu lacks '{title_of(page_key, 'en')}'"
    for page_key in ("peta_asal_korban", "pemantauan_jarnas"):
        tab.watch.clear()
        tab.open(page_key, lang="en")
        # A missing key raises KeyError in strings.tr, which would show as an exception box.
        assert_clean(tab)
        main = tab.page.locator('[data-testid="stMain"]').inner_text()
        assert title_of(page_key, "en") in main, f"{page_key}: English title missing"
        assert title_of(page_key, "id") == title_of(page_key, "en") or title_of(page_key, "id") not in main
        tab.screenshot(f"en__{page_key}")
