"""Peer-ratio benchmark: each page's warm rerun as a multiple of a plain Streamlit dashboard page, plus filter
change, drill-down and start-up times. Used by bench/page_timing.py (AppTest parts) and bench/run.py (start-up).

The peer page (default ../shared/bench/peer_dashboard.py, or TPPO_BENCH_PEER / --peer) has the shape of Streamlit's
own dashboard template. Both run in the same process with AppTest, interleaved (peer, page, peer, page, ...), so a
busy machine slows both alike; the figure is median(page) / median(peer) over the rounds.
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
DEFAULT_PEER = PROJECT.parent / "shared" / "bench" / "peer_dashboard.py"
ROUNDS = 5


def peer_path(given: str | None = None) -> Path:
    return Path(given or os.environ.get("TPPO_BENCH_PEER") or DEFAULT_PEER).resolve()


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _interleaved(peer, at, rounds: int) -> tuple[list[float], list[float]]:
    peer_t, page_t = [], []
    for _ in range(rounds):
        peer_t.append(_timed(peer.run))
        page_t.append(_timed(at.run))
    return peer_t, page_t


def peer_ratios(pages: tuple[str, ...], role: str, peer_file: Path, rounds: int = ROUNDS) -> dict:
    """Per page: warm rerun (median of rounds), the peer's warm rerun measured between them, the ratio;
    then a filter change (a filter state not seen before, so its queries and builders run) and a drill-down."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from tests.helpers import open_page

    peer = AppTest.from_file(str(peer_file), default_timeout=120)
    peer.run()
    peer.run()
    out: dict = {"peer": str(peer_file), "rounds": rounds, "pages": {}}
    st.cache_data.clear()
    at = open_page(None, role=role, timeout=180)
    peer_all: list[float] = []
    for page in pages:
        at.switch_page(f"app_pages/{page}.py")
        at.run()  # first view: queries, builders
        at.run()
        peer_t, page_t = _interleaved(peer, at, rounds)
        peer_all += peer_t
        out["pages"][page] = {"warm_s": statistics.median(page_t), "peer_s": statistics.median(peer_t),
                              "exception": bool(at.exception)}
    # The ratio divides by the peer's median over ALL rounds (interleaved with every page): with 5 rounds per page
    # on a shared 2-core machine, a per-page peer median alone swings by 2x; both are reported.
    out["peer_warm_s"] = statistics.median(peer_all)
    for d in out["pages"].values():
        d["ratio"] = d["warm_s"] / out["peer_warm_s"]
        d["ratio_paired"] = d["warm_s"] / d["peer_s"]
    out["filter_change"] = filter_changes(at, pages)
    out["drill_down"] = drill_down(at)
    return out


def _province_codes() -> list[str]:
    from data_access.reference import get_regions

    return list(get_regions(1)["kode"])


def filter_changes(at, pages: tuple[str, ...]) -> dict:
    """Per page: set the province filter to a province not chosen before in this process (cold cache for
    that filter state) and time the rerun; exceptions recorded."""
    provinces = _province_codes()
    out = {}
    for i, page in enumerate(pages):
        at.switch_page(f"app_pages/{page}.py")
        at.run()
        widget = next((w for w in at.multiselect if w.key == "f_prov"), None)
        if widget is None:  # a page without the filter sidebar
            continue
        code = provinces[(7 + 3 * i) % len(provinces)]
        widget.set_value([code])
        seconds = _timed(at.run)
        out[page] = {"s": seconds, "province": code, "exception": bool(at.exception)}
        at.multiselect(key="f_prov").set_value([])
        at.run()
    return out


def drill_down(at) -> dict:
    """Peta Asal Korban: choosing a province (selectbox, as a user does) and the rerun that draws its kab/kota;
    then a different province (the map already on screen), each cold for its state."""
    at.switch_page("app_pages/peta_asal_korban.py")
    at.run()
    out = {}
    for label, code in (("first", "52"), ("second", "35")):
        box = at.selectbox(key="peta_pilih_prov")
        box.set_value(code)
        out[label] = {"s": _timed(at.run), "province": code, "exception": bool(at.exception)}
    back = [b for b in at.button if b.key == "peta_kembali"]
    if back:
        back[0].click()
        out["back_s"] = _timed(at.run)
    return out


def startup(database_url: str, workdir: Path, timeout: float = 120) -> dict:
    """A fresh `streamlit run app.py` on a prepared database until the first page (the public summary at /) is
    drawn in headless Chromium: process start → /_stcore/health ok, and → page rendered (h1 and charts done)."""
    from playwright.sync_api import sync_playwright

    from tests.browser import live

    out: dict = {}
    with sync_playwright() as p:
        browser = live.launch(p)  # the browser's own start is not the app's
        try:
            watch = live.Watch()
            context = live.new_context(browser, watch)
            page = context.new_page()
            page.set_default_timeout(timeout * 1000)
            start = time.perf_counter()
            with live.running_server(workdir, database_url, prepare=False, timeout=timeout) as srv:
                out["health_s"] = time.perf_counter() - start
                page.goto(srv.url + "/")
                page.locator("h1").first.wait_for(state="visible")
                live.wait_ready(page, timeout * 1000)
                out["first_page_s"] = time.perf_counter() - start
                page.goto(srv.url + "/")
                t0 = time.perf_counter()
                page.locator("h1").first.wait_for(state="visible")
                live.wait_ready(page, timeout * 1000)
                out["second_load_s"] = time.perf_counter() - t0
            context.close()
        finally:
            browser.close()
    return out
