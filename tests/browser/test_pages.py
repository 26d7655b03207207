"""Every page for every role in a real Chromium: loads clean, titled, labelled as sample data; maps draw
with the internet blocked; downloads produce files. Screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

import time

import pytest

from tests.browser import live
from tests.browser.conftest import ROLES, assert_clean, pages_of, title_of

pytestmark = pytest.mark.browser

DEMO_LABEL = "DATA CONTOH (sintetis)"
CASES = [(role, key) for role in ROLES for key in pages_of(role)]
# A map page must draw; other pages are checked for any map they happen to hold.
MAP_PAGE = "peta_asal_korban"
MAP_SETTLE_S = 60


def map_frames(page) -> list:
    """Frames of iframes that are meant to hold a folium/Leaflet map (st_folium's #map_div or folium's div)."""
    frames = []
    for frame in page.frames:
        if frame == page.main_frame:
            continue
        try:
            if frame.locator("#map_div, .folium-map, .leaflet-container").count():
                frames.append(frame)
        except Exception:  # noqa: BLE001 — a frame detached while we looked is no map
            continue
    return frames


def wait_maps_drawn(page, timeout_s: float) -> tuple[int, list[int]]:
    """(maps found, vector paths per map) once every map drew something or the timeout passed."""
    deadline = time.monotonic() + timeout_s
    counts: list[int] = []
    frames: list = []
    while time.monotonic() < deadline:
        frames = map_frames(page)
        counts = []
        for frame in frames:
            try:
                counts.append(frame.locator("path.leaflet-interactive").count())
            except Exception:  # noqa: BLE001
                counts.append(0)
        if frames and all(counts):
            break
        page.wait_for_timeout(300)
    return len(frames), counts


def settle_iframes(page, timeout_s: float = 10) -> None:
    """Component iframes load after the script finished; give every one a chance to load."""
    iframes = page.locator('[data-testid="stMain"] iframe')
    for i in range(iframes.count()):
        handle = iframes.nth(i).element_handle(timeout=5_000)
        frame = handle.content_frame() if handle else None
        if frame:
            frame.wait_for_load_state("load", timeout=timeout_s * 1000)


@pytest.mark.parametrize(("role", "page_key"), CASES, ids=[f"{r}-{k}" for r, k in CASES])
def test_page_loads_clean(tabs, role, page_key):
    tab = tabs(role)
    tab.watch.clear()
    tab.open(page_key)
    page = tab.page

    title = title_of(page_key)
    assert page.locator("h1", has_text=title).first.is_visible(), f"title '{title}' not visible"
    # Content pages carry the notice in the page itself; the sign-in page only through the sidebar badge.
    scope = page.locator('[data-testid="stSidebar"]' if page_key in ("masuk", "akun") else '[data-testid="stMain"]')
    assert scope.get_by_text(DEMO_LABEL).first.is_visible(), f"{DEMO_LABEL} not visible on {page_key}"

    settle_iframes(page)
    has_iframes = page.locator('[data-testid="stMain"] iframe').count() > 0
    n_maps, paths = wait_maps_drawn(page, MAP_SETTLE_S if has_iframes or page_key == MAP_PAGE else 0)
    assert all(paths), f"{n_maps} map(s) on {page_key}, vector paths per map {paths}: a map stayed blank"
    if page_key == MAP_PAGE:
        # The origin map draws Leaflet polygons although every request beyond localhost is blocked.
        assert n_maps >= 1, "no Leaflet map on the origin map page"
        assert max(paths) >= 34, f"vector paths per map: {paths} (the province map alone has 38)"
    tab.screenshot(f"{role}__{page_key}")
    assert_clean(tab)


DOWNLOAD_PAGES = ("peta_asal_korban", "pemantauan_jarnas", "kapasitas_sentra", "kesenjangan_sdm",
                  "ringkasan_eksekutif", "glosarium", "kelola_data")


def test_a_csv_download_produces_a_file(tabs, tmp_path):
    """The first page (in DOWNLOAD_PAGES order) with a CSV button gives a CSV that carries the demo notice."""
    tab = tabs("admin_data")
    for page_key in DOWNLOAD_PAGES:
        tab.open(page_key)
        buttons = tab.page.locator('[data-testid="stDownloadButton"] button', has_text="CSV")
        if buttons.count():
            break
    else:
        pytest.fail(f"no CSV download button on any of {DOWNLOAD_PAGES}")
    tab.watch.clear()
    with tab.page.expect_download(timeout=120_000) as info:
        buttons.first.click()
    download = info.value
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    body = target.read_bytes()
    assert target.suffix == ".csv" and len(body) > 50, (download.suggested_filename, len(body))
    text = body.decode("utf-8-sig")
    assert DEMO_LABEL in text, f"{page_key}: CSV lacks the demo notice: {text[:200]!r}"
    assert text.count("\n") >= 2, "CSV has a header and at least one row"
    assert_clean(tab)


@pytest.mark.parametrize("page_key", ["kelola_data", "ringkasan_eksekutif", "peta_asal_korban"])
def test_anonymous_typed_url_shows_login_not_data(fresh_tab, page_key):
    page = fresh_tab.page
    page.goto(f"{fresh_tab.base_url}/{page_key.replace('_', '-')}")
    live.wait_title(page, title_of("masuk"))
    main = page.locator('[data-testid="stMain"]')
    assert main.get_by_text("hanya untuk pengguna yang masuk").first.is_visible()
    assert page.get_by_label("Nama pengguna").is_visible()
    for testid in ("stMetric", "stDataFrame", "stTable", "stPlotlyChart", "stDownloadButton"):
        assert main.locator(f'[data-testid="{testid}"]').count() == 0, f"{testid} shown to an anonymous visitor"
    assert main.locator("iframe").count() == 0, "a map or component shown to an anonymous visitor"
    assert title_of(page_key) not in main.inner_text()
    assert_clean(fresh_tab)


def test_wrong_password_changes_nothing(fresh_tab):
    page = fresh_tab.page
    page.goto(f"{fresh_tab.base_url}/masuk")
    live.wait_ready(page)
    page.get_by_label("Nama pengguna").fill("pimpinan")
    page.get_by_label("Kata sandi").fill("salah-sekali")
    page.locator('[data-testid="stFormSubmitButton"] button').click()
    page.get_by_text("nama pengguna atau kata sandi salah", exact=False).wait_for(state="visible")
    live.wait_ready(page)
    links = page.locator('[data-testid="stSidebar"] a[data-testid="stPageLink-NavLink"]').all_inner_texts()
    assert not any(title_of("ringkasan_eksekutif") in text for text in links)
    assert_clean(fresh_tab)
