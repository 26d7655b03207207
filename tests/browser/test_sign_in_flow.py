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


# ------------------------------------------------------------------ sessions that survive a reload (issue 13)
def _signed_in(page) -> bool:
    return page.get_by_text("Masuk sebagai").count() > 0


def _sign_in_through_link(tab: Tab, link: str, role: str, page_key: str):
    """Open a link without a session, sign in on the form it shows, land on page_key."""
    tab.page.goto(f"{tab.base_url}{link}")
    live.wait_title(tab.page, title_of("masuk"))
    _submit_login(tab.page, role)
    live.wait_title(tab.page, title_of(page_key))
    return tab.page


def _session_cookie(context) -> dict | None:
    return next((c for c in context.cookies() if c["name"] == "tppo_sesi"), None)


def test_a_sign_in_survives_reload_and_new_tab_until_sign_out(fresh_tab: Tab):
    page = _sign_in_through_link(fresh_tab, "/peta-asal-korban?modus=online_scam&jk=P", "jarnas", "peta_asal_korban")
    cookie = _session_cookie(page.context)
    assert cookie and cookie["httpOnly"] and cookie["sameSite"] == "Lax", cookie
    assert live.DEMO_PASSWORDS["jarnas"] not in cookie["value"]
    assert page.evaluate("document.cookie").find("tppo_sesi") == -1, "readable by page scripts"

    page.reload()
    live.wait_title(page, title_of("peta_asal_korban"))
    assert _signed_in(page) and _params(page) == {"modus": "online_scam", "jk": "P"}, page.url

    other = page.context.new_page()
    other.set_default_timeout(120_000)
    other.goto(f"{fresh_tab.base_url}/pemantauan-jarnas")
    live.wait_title(other, title_of("pemantauan_jarnas"))
    assert _signed_in(other)

    # Signed in, the menu offers the account, not "Masuk", and Keluar is a sidebar button (issue 25).
    links = page.locator('[data-testid="stSidebar"] a[data-testid="stPageLink-NavLink"]').all_inner_texts()
    assert not any(title_of("masuk") == text.strip() for text in links) and any(title_of("akun") in t for t in links)
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name=tr("login.logout")).click()
    live.wait_title(page, title_of("masuk"))
    assert urlparse(page.url).path == "/masuk"
    page.get_by_label("Nama pengguna").wait_for(state="visible")
    assert _session_cookie(page.context) is None, "sign-out clears the cookie"
    page.goto(f"{fresh_tab.base_url}/peta-asal-korban")
    live.wait_title(page, title_of("masuk"))
    assert page.get_by_text("Silakan masuk untuk membuka halaman ini").first.is_visible()
    # The other tab's session ends too (it re-checks its sign-in row within seconds).
    other.wait_for_timeout(3500)
    other.reload()
    live.wait_title(other, title_of("masuk"))
    assert not _signed_in(other)
    assert_clean(fresh_tab)


def test_a_tampered_cookie_is_refused(fresh_tab: Tab):
    page = fresh_tab.page
    live.login(page, fresh_tab.base_url, "pimpinan")
    cookie = _session_cookie(page.context)
    assert cookie
    value = cookie["value"]
    page.context.clear_cookies()
    page.context.add_cookies([{**cookie, "value": value[:-2] + ("AA" if value[-2:] != "AA" else "BB")}])
    page.goto(f"{fresh_tab.base_url}/ringkasan-eksekutif")
    live.wait_title(page, title_of("masuk"))
    assert not _signed_in(page)
    assert_clean(fresh_tab)


def test_projector_mode_survives_reload(fresh_tab: Tab):
    page = _sign_in_through_link(fresh_tab, "/ringkasan-eksekutif?present=1", "pimpinan", "ringkasan_eksekutif")
    page.reload()
    live.wait_title(page, title_of("ringkasan_eksekutif"))
    assert _params(page).get("present") == "1"
    assert not page.locator('[data-testid="stSidebar"]').is_visible(), "still the projector view after F5"
    assert_clean(fresh_tab)


def test_the_language_survives_the_sign_in(fresh_tab: Tab):
    """The cookie round trip starts a new session; the language chosen before signing in comes along."""
    page = fresh_tab.page
    page.goto(f"{fresh_tab.base_url}/masuk")
    live.wait_ready(page)
    page.locator('[data-testid="stSidebar"] [role="radiogroup"] label', has_text="English").click()
    live.wait_title(page, tr("login.title", "en"))
    page.get_by_label(tr("login.username", "en")).fill("jarnas")
    page.get_by_label(tr("login.password", "en"), exact=True).fill(live.DEMO_PASSWORDS["jarnas"])
    page.locator('[data-testid="stFormSubmitButton"] button').click()
    live.wait_title(page, title_of("pemantauan_jarnas", "en"))
    assert page.get_by_text("Signed in as").count() > 0
    assert_clean(fresh_tab)
