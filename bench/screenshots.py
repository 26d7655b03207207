"""Current screenshots of the main pages for the README: docs/screenshots/<page>.png, 1400x900, < 400 KB each,
plus the projector screen at 1920x1080 (proyektor_1920x1080.png) and the Peta page on a 1366x768 laptop
(peta_1366x768.png) and on a phone (peta_ponsel_390x844.png).

    python bench/screenshots.py [--out docs/screenshots] [--only extra]

Starts its own server on a fresh demo database, signs in as admin_data (the public page as an anonymous
visitor), waits for every chart and map to draw, and writes one PNG per page. Internet stays blocked.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))
os.environ.setdefault("TPPO_GEO_DIR", str(PROJECT.parent / "shared" / "geo"))
os.environ.setdefault("TPPO_REFERENCE_DIR", str(PROJECT.parent / "shared" / "reference"))

from strings import tr  # noqa: E402
from tests.browser import live  # noqa: E402

MAX_BYTES = 400 * 1024
# (file name, page URL, viewport, element scrolled to the top or None): the sizes issue 13 asks the README to show.
EXTRA = (
    ("proyektor_1920x1080", "/ringkasan-eksekutif?present=1", {"width": 1920, "height": 1080}, None),
    ("peta_1366x768", "/peta-asal-korban", {"width": 1366, "height": 768}, "h3"),
    ("peta_ponsel_390x844", "/peta-asal-korban", {"width": 390, "height": 844}, "iframe"),
)
SIGNED_IN = ("ringkasan_eksekutif", "peta_asal_korban", "kapasitas_sentra", "kesenjangan_sdm", "pemantauan_jarnas",
             "glosarium", "kelola_data")


def shrink(png: bytes, limit: int = MAX_BYTES) -> bytes:
    """The PNG itself when small enough, else the same picture with a 256-colour palette."""
    if len(png) <= limit:
        return png
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    for colours in (256, 128, 64):
        out = io.BytesIO()
        image.quantize(colors=colours, method=Image.Quantize.MEDIANCUT).save(out, format="PNG", optimize=True)
        if out.tell() <= limit:
            return out.getvalue()
    return out.getvalue()


def settle(page, timeout_s: float = 45) -> None:
    """Ready, then every Leaflet map drew its paths and every Plotly chart its SVG (or the timeout passed)."""
    live.wait_ready(page)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        frames = [f for f in page.frames if f != page.main_frame]
        maps_ok = all(f.locator("path.leaflet-interactive").count() > 0 for f in frames
                      if f.locator("#map_div, .folium-map, .leaflet-container").count())
        charts = page.locator('[data-testid="stPlotlyChart"]')
        charts_ok = charts.count() == page.locator('[data-testid="stPlotlyChart"]:has(.main-svg)').count()
        if maps_ok and charts_ok:
            break
        page.wait_for_timeout(300)
    page.wait_for_timeout(800)  # fonts and tiles-free map fade-in


def shoot(page, out: Path, name: str) -> int:
    data = shrink(page.screenshot())
    path = out / f"{name}.png"
    path.write_bytes(data)
    return len(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=PROJECT / "docs" / "screenshots")
    parser.add_argument("--only", choices=["pages", "extra"], help="only the page shots, or only the extra sizes")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="tppo-shots-") as tmp, live.running_server(Path(tmp)) as srv, \
            sync_playwright() as p:
        browser = live.launch(p)
        watch = live.Watch()
        try:
            context = live.new_context(browser, watch)
            page = context.new_page()
            page.set_default_timeout(120_000)
            page.goto(srv.url + "/", timeout=120_000)
            live.wait_title(page, tr("nav.ringkasan_publik"), timeout=120_000)
            settle(page)
            if args.only != "extra":
                print(f"ringkasan_publik: {shoot(page, args.out, 'ringkasan_publik') / 1024:.0f} KB")
            live.login(page, srv.url, "admin_data", timeout=120_000)
            for key in SIGNED_IN if args.only != "extra" else ():
                title = tr(f"nav.{key}")
                page.locator('[data-testid="stSidebar"] a[data-testid="stPageLink-NavLink"]', has_text=title).first.click()
                live.wait_title(page, title, timeout=120_000)
                settle(page)
                print(f"{key}: {shoot(page, args.out, key) / 1024:.0f} KB")
            for name, url, viewport, top in EXTRA if args.only != "pages" else ():
                # The sign-in cookie keeps the session across these fresh page loads.
                page.set_viewport_size(viewport)
                page.goto(srv.url + url)
                settle(page)
                if top:
                    page.locator(f'[data-testid="stMain"] {top}').first.evaluate(
                        "e => e.scrollIntoView({block: 'start'})")
                    page.wait_for_timeout(800)
                print(f"{name}: {shoot(page, args.out, name) / 1024:.0f} KB")
            if watch.console_errors or watch.unexpected_blocked():
                print(f"Peringatan: console {watch.console_errors[:3]} diblokir {watch.unexpected_blocked()[:3]}")
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
