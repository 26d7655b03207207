"""Filter state in a real browser: the widget's browser-side value is the label it shows, which is where the
language round trip and the reset went wrong (AppTest does not hold a browser-side value)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from strings import tr
from tests.browser import live
from tests.browser.conftest import Tab, assert_clean

pytestmark = pytest.mark.browser

SIDEBAR = '[data-testid="stSidebar"]'


def _params_of(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(url).query).items()}


def _params(page) -> dict[str, str]:
    return _params_of(page.url)


def _multiselect(page, label_key: str, lang: str = "id"):
    return page.locator(f'{SIDEBAR} [data-testid="stMultiSelect"]', has_text=tr(label_key, lang))


def _pick(page, label_key: str, typed: str, lang: str = "id") -> None:
    """Types into the filter and takes the first match, as a user does."""
    box = _multiselect(page, label_key, lang)
    before = page.url
    box.locator("input").click()
    page.keyboard.type(typed)
    page.get_by_role("option").first.click()
    page.keyboard.press("Escape")
    # Leave the field as a user does before the next click: a focused multiselect is one line taller, and its
    # blur on the next click moves everything below it up under the pointer.
    box.locator("input").evaluate("e => e.blur()")
    # Every pick changes the address; wait for it, since the rerun it starts may not have begun when the page
    # last said "not running" (a busy CI read the address, and chips, from before the pick).
    page.wait_for_url(lambda url: url != before, timeout=30_000)
    live.wait_ready(page)


def _chips(page, label_key: str, lang: str = "id") -> list[str]:
    # One snapshot of the DOM: counting and then reading chip by chip waited 120 s for a chip that a rerun had
    # just removed (a flaky failure seen in the full suite).
    tags = _multiselect(page, label_key, lang).locator("span[data-tag]")
    return tags.evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")


def _no_chips(page, label_key: str) -> None:
    """Waits (10 s at most) until the multiselect shows no chip: the reset's rerun may still be on its way."""
    expect(_multiselect(page, label_key, "id").locator("span[data-tag]")).to_have_count(0, timeout=10_000)


def _switch_lang(page, name: str) -> None:
    """Switches the language and waits for the sidebar to be redrawn in it: the rerun the click starts may not have
    begun when the page last said "not running" (a CI run read the chips of the old, Indonesian sidebar)."""
    lang = "en" if name == "English" else "id"
    page.locator(f'{SIDEBAR} [role="radiogroup"] label', has_text=name).click()
    page.locator(f'{SIDEBAR} [data-testid="stMultiSelect"]', has_text=tr("filters.sex", lang)).first.wait_for(
        state="visible", timeout=30_000)
    live.wait_ready(page)


def _signed_in(tab: Tab, role: str, page_key: str) -> None:
    tab.role = role
    live.login(tab.page, tab.base_url, role)
    tab.open(page_key)


def test_language_round_trip_keeps_codes(fresh_tab: Tab):
    page = fresh_tab.page
    _signed_in(fresh_tab, "pimpinan", "peta_asal_korban")
    _pick(page, "filters.modus", "Online scam")
    _pick(page, "filters.sex", tr("sex.P", "id"))
    assert _params(page).get("modus") == "online_scam" and _params(page).get("jk") == "P"
    # A page widget with translated labels takes the same round trip.
    page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]', has_text=tr("peta.skema", "id")) \
        .locator("input").click()
    page.get_by_role("option", name=tr("peta.skema.fisher_jenks", "id")).click()
    live.wait_ready(page)

    _switch_lang(page, "English")
    assert _params(page).get("modus") == "online_scam", page.url
    assert _params(page).get("jk") == "P", page.url
    expect(_multiselect(page, "filters.sex", "en").locator("span[data-tag]")).to_have_count(1, timeout=30_000)
    assert _chips(page, "filters.sex", "en") == [tr("sex.P", "en")]
    _switch_lang(page, "Bahasa Indonesia")
    live.wait_title(page, tr("nav.peta_asal_korban", "id"))
    params = _params(page)
    assert params.get("modus") == "online_scam" and params.get("jk") == "P", page.url
    assert _chips(page, "filters.sex") == [tr("sex.P", "id")]
    main = page.locator('[data-testid="stMain"]').inner_text()
    assert "Tidak ada data" not in main
    skema = page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]', has_text=tr("peta.skema", "id"))
    assert skema.locator("input").input_value() == tr("peta.skema.fisher_jenks", "id")
    assert_clean(fresh_tab)


def test_reset_clears_chips_and_the_next_change_does_not_bring_them_back(fresh_tab: Tab):
    page = fresh_tab.page
    _signed_in(fresh_tab, "jarnas", "pemantauan_jarnas")
    _pick(page, "filters.modus", "Online scam")
    assert _chips(page, "filters.modus")
    page.locator(f"{SIDEBAR} button", has_text=tr("filters.reset", "id")).click()
    live.wait_ready(page)
    _no_chips(page, "filters.modus")  # fails when the modus chip stays after the reset
    assert "modus" not in _params(page)
    _pick(page, "filters.province", "Nusa Tenggara Barat")
    assert _chips(page, "filters.province"), "the province was chosen"
    # The address follows the rerun's end a moment later (a busy CI read it before the update).
    page.wait_for_url(lambda url: _params_of(url).get("prov") == "52", timeout=30_000)
    params = _params(page)
    assert params.get("prov") == "52", page.url
    assert "modus" not in params, f"the old chip came back: {page.url}"
    _no_chips(page, "filters.modus")
    assert_clean(fresh_tab)
