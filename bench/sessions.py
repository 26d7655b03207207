"""Memory per additional session: RSS of a real `streamlit run` process before and after N browser sessions.

Method: start the server on the database, open one signed-in warm-up session so imports and shared caches
(st.cache_data, boundaries) are already paid, read VmRSS from /proc, then open N more sessions that
each sign in as pimpinan and open the executive summary (the heaviest page a minister uses), keep them
open, read VmRSS again. (after - before) / N is the cost of one more session: its session state, widget
state, and the garbage of its script runs that Python has not returned to the OS. After closing the tabs
and a short wait, RSS is read once more (Python rarely gives memory back, so it stays near the peak).
"""

from __future__ import annotations

import time
from pathlib import Path

from tests.browser import live

PAGE_KEY, PAGE_TITLE = "ringkasan-eksekutif", "Ringkasan Eksekutif"


def _signed_in_session(browser, base_url: str, watch: live.Watch):
    context = live.new_context(browser, watch)
    page = context.new_page()
    page.set_default_timeout(120_000)
    live.login(page, base_url, "pimpinan", timeout=120_000)
    page.locator('[data-testid="stSidebar"] a[data-testid="stPageLink-NavLink"]', has_text=PAGE_TITLE).first.click()
    live.wait_title(page, PAGE_TITLE, timeout=120_000)
    return context


def measure_sessions(database_url: str, workdir: Path, sessions: int = 3) -> dict:
    from playwright.sync_api import sync_playwright

    out: dict = {"sessions": sessions, "page": PAGE_KEY, "method": "VmRSS of the streamlit process (see bench/sessions.py)"}
    with live.running_server(workdir, database_url, prepare=False) as srv, sync_playwright() as p:
        browser = live.launch(p)
        watch = live.Watch()
        try:
            warm_signed = _signed_in_session(browser, srv.url, watch)
            time.sleep(1)
            out["rss_warm_kib"] = live.rss_kib(srv.pid)
            contexts = []
            start = time.perf_counter()
            for _ in range(sessions):
                contexts.append(_signed_in_session(browser, srv.url, watch))
            out["open_sessions_s"] = time.perf_counter() - start
            time.sleep(1)
            out["rss_after_kib"] = live.rss_kib(srv.pid)
            out["per_session_kib"] = (out["rss_after_kib"] - out["rss_warm_kib"]) / sessions
            for context in contexts:
                context.close()
            time.sleep(3)
            out["rss_after_close_kib"] = live.rss_kib(srv.pid)
            warm_signed.close()
            out["console_errors"] = watch.console_errors[:5]
        finally:
            browser.close()
    return out
