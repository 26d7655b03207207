"""Links and sign-in in a real browser: a copied filtered link opened without a session asks for the sign-in and
then opens that page with its filters; a projector link after F5 still offers a way in and out."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from strings import tr
from tests.browser import live
from tests.browser.conftest import Tab, assert_clean, title_of

pytestmark = pytest.mark.browser


def _params(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def _submit_login(page, role: str) -> None:
    page.get_by_label("Nama pengguna").fill(role)
    page.get_by_label("Kata sandi").fill(live.DEMO_PASSWORDS[role])
    page.locator('[data-testid="stFormSubmitButton"] button').click()


def test_copied_filtered_link_opens_with_its_filters_after_sign_in(fresh_tab: Tab):
    page = fresh_tab.page
    page.goto(f"{fresh_tab.base_url}/peta-asal-korban?modus=online_scam&jk=P")
    live.wait_title(page, title_of("masuk"))
    assert page.get_by_text("Silakan masuk untuk membuka halaman ini").first.is_visible()
    _submit_login(page, "jarnas")
    live.wait_title(page, title_of("peta_asal_korban"))
    assert urlparse(page.url).path == "/peta-asal-korban"
    assert _params(page) == {"modus": "online_scam", "jk": "P"}, page.url
    chips = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"] span[data-tag]')
    labels = [chips.nth(i).get_attribute("aria-label") for i in range(chips.count())]
    assert tr("sex.P", "id") in labels, labels
    assert_clean(fresh_tab)


def test_projector_link_after_reload_offers_sign_in_then_presents(fresh_tab: Tab):
    page = fresh_tab.page
    page.goto(f"{fresh_tab.base_url}/ringkasan-eksekutif?present=1")
    live.wait_title(page, title_of("masuk"))
    assert page.locator('[data-testid="stSidebar"]').is_visible(), "no sidebar: no way to sign in or leave"
    assert page.locator('[data-testid="stSidebar"] a', has_text=title_of("ringkasan_publik")).count()
    _submit_login(page, "pimpinan")
    live.wait_title(page, title_of("ringkasan_eksekutif"))
    assert _params(page).get("present") == "1"
    assert not page.locator('[data-testid="stSidebar"]').is_visible(), "projector view after sign-in"
    assert_clean(fresh_tab)


def test_plain_sign_in_lands_on_the_roles_first_page(fresh_tab: Tab):
    page = fresh_tab.page
    page.goto(f"{fresh_tab.base_url}/masuk")
    live.wait_ready(page)
    _submit_login(page, "jarnas")
    live.wait_title(page, title_of("pemantauan_jarnas"))
    assert urlparse(page.url).path == "/pemantauan-jarnas"
    assert_clean(fresh_tab)
