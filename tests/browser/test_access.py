"""Access control as a visitor meets it on a freshly (re)started server."""

from __future__ import annotations

import pytest

from tests.browser import live
from tests.browser.conftest import copy_db, title_of

pytestmark = pytest.mark.browser


def test_first_visitors_after_a_restart_cannot_open_internal_pages(browser, prepared_db, tmp_path):
    """Streamlit runs a folder named pages/ beside the main script as an old-style multipage app until some
    session has called st.navigation: right after a restart, /kelola_data ran pages/kelola_data.py without
    app.py's access check. The pages now live in app_pages/; this keeps it that way."""
    seen = {}
    with live.running_server(tmp_path, copy_db(prepared_db, tmp_path / "db"), prepare=False) as srv:
        # Each typed URL in its own session, before anyone opened "/": exactly the state after a restart.
        for typed in ("kelola_data", "ringkasan_eksekutif", "kelola-data"):
            context = live.new_context(browser, live.Watch())
            try:
                page = context.new_page()
                page.goto(f"{srv.url}/{typed}", timeout=120_000)
                live.wait_ready(page, 120_000)
                seen[typed] = page.locator("h1").first.inner_text()
            finally:
                context.close()
    leaked = {typed: heading for typed, heading in seen.items() if heading == title_of(typed.replace("-", "_"))}
    assert not leaked, f"anonymous visitors saw internal pages: {leaked}"
