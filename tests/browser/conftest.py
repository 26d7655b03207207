"""Browser fixtures: one live Streamlit server on a fresh demo SQLite, one Debian Chromium, one signed-in
tab per role. Every non-localhost request is blocked and recorded; console errors are collected."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from domain.access import PAGE_ROLES, can_see
from strings import tr
from tests.browser import live

SCREENSHOTS = live.PROJECT / "test-artifacts" / "screenshots"
ROLES = ("publik", "pimpinan", "jarnas", "admin_data")
# Navigation order of app.PAGES (importing app.py would run it).
PAGE_KEYS = ("ringkasan_eksekutif", "peta_asal_korban", "kapasitas_sentra", "kesenjangan_sdm", "proyeksi",
             "pemantauan_jarnas", "daftar_tindakan", "pencegahan", "glosarium", "ringkasan_publik", "kelola_data")
assert set(PAGE_KEYS) == set(PAGE_ROLES), "PAGE_KEYS must list every page of domain.access.PAGE_ROLES"


def pages_of(role: str) -> list[str]:
    """Page keys a role reaches from its sidebar, plus the sign-in page (signed in: the account page at the same
    address, "akun" here so title_of names its menu entry)."""
    return [key for key in PAGE_KEYS if can_see(role, key)] + ["masuk" if role == "publik" else "akun"]


def title_of(page_key: str, lang: str = "id") -> str:
    return tr(f"nav.{page_key}", lang)


@dataclass
class Tab:
    """A browser tab holding one Streamlit session (the login lives in its websocket)."""

    role: str
    page: object
    watch: live.Watch
    base_url: str

    def open(self, page_key: str, lang: str = "id") -> None:
        """Same-session navigation through the sidebar link of page_key."""
        title = title_of(page_key, lang)
        link = self.page.locator('[data-testid="stSidebar"] a[data-testid="stPageLink-NavLink"]', has_text=title)
        try:  # a rerun that changes the language may still be redrawing the menu: wait for the link, not a snapshot
            link.first.wait_for(state="attached", timeout=30_000)
        except PlaywrightTimeout:
            pass
        assert link.count() >= 1, f"no sidebar link '{title}' for role {self.role}"
        current = self.page.locator("h1").first.inner_text() if self.page.locator("h1").count() else ""
        link.first.click()
        if current != title or page_key in ("masuk", "akun"):
            live.wait_title(self.page, title)
        live.wait_ready(self.page)

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{re.sub(r'[^A-Za-z0-9_.-]', '_', name)}.png"
        self.page.screenshot(path=str(path))
        return path


@pytest.fixture(scope="session")
def chromium_path() -> str:
    try:
        return live.require_chromium()
    except live.BrowserMissing as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture(scope="session")
def prepared_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh demo SQLite file built once; each server copies it so tests never share writes."""
    from data_access.engine import get_engine
    from demo.loader import ensure_database

    path = tmp_path_factory.mktemp("browser-db") / "tppo.sqlite"
    url = f"sqlite:///{path}"
    ensure_database(url)
    get_engine(url).dispose()
    return path


def copy_db(prepared: Path, workdir: Path) -> str:
    import sqlite3

    workdir.mkdir(parents=True, exist_ok=True)
    target = workdir / "tppo.sqlite"
    # sqlite3's backup API copies a WAL database consistently (a file copy could miss the WAL).
    with sqlite3.connect(prepared) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return f"sqlite:///{target}"


AXE_VERSION = "4"  # axe-core major version, from the npm registry at test time (never copied into the repository)
AXE_DIR = live.PROJECT / "test-artifacts" / "axe"  # git-ignored; npm's own cache makes a second install offline


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe-core's axe.min.js, installed with `npm install --prefix test-artifacts/axe axe-core@4` on first use."""
    import fcntl

    script = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
    AXE_DIR.mkdir(parents=True, exist_ok=True)
    # `make test` runs the browser tests on two workers: one installs while the other waits, then finds the file.
    with open(AXE_DIR.parent / "axe.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        _install_axe(script)
    return script


def _install_axe(script: Path) -> None:
    import shutil
    import subprocess

    if not script.is_file():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("npm tidak ditemukan: pasang dengan `apt-get install -y npm` untuk uji aksesibilitas (axe-core).",
                        pytrace=False)
        done = subprocess.run([npm, "install", "--prefix", str(AXE_DIR), "--no-audit", "--no-fund", "--silent",
                               f"axe-core@{AXE_VERSION}"], capture_output=True, text=True, timeout=300)
        if done.returncode != 0 or not script.is_file():
            pytest.fail(f"npm install axe-core@{AXE_VERSION} gagal: {done.stderr[-1000:]}", pytrace=False)


@pytest.fixture(scope="session")
def playwright_instance(chromium_path: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_instance):
    b = live.launch(playwright_instance)
    yield b
    b.close()


_RUNNING: list[live.Server] = []  # the session's server, for the failure report below


@pytest.fixture(scope="session")
def server(prepared_db: Path, tmp_path_factory: pytest.TempPathFactory, browser) -> Iterator[live.Server]:
    """`streamlit run app.py` on a copy of the demo DB, warmed by one anonymous visit to "/" so the first
    test does not pay the imports (test_access.py checks what a first visitor after a restart sees)."""
    workdir = tmp_path_factory.mktemp("server")
    with live.running_server(workdir, copy_db(prepared_db, workdir / "db"), prepare=False) as srv:
        watch = live.Watch()
        context = live.new_context(browser, watch)
        page = context.new_page()
        page.goto(srv.url + "/", timeout=120_000)
        live.wait_title(page, title_of("ringkasan_publik"), timeout=120_000)
        context.close()
        _RUNNING.append(srv)
        yield srv
        _RUNNING.remove(srv)


@pytest.fixture(scope="session")
def tabs(browser, server) -> Iterator[dict]:
    """Role → signed-in Tab, opened on first use and kept for the session."""
    opened: dict[str, Tab] = {}
    contexts = []

    def get(role: str) -> Tab:
        if role not in opened:
            watch = live.Watch()
            context = live.new_context(browser, watch)
            contexts.append(context)
            page = context.new_page()
            page.set_default_timeout(120_000)
            if role == "publik":
                page.goto(server.url + "/")
                live.wait_title(page, title_of("ringkasan_publik"))
            else:
                live.login(page, server.url, role)
            opened[role] = Tab(role, page, watch, server.url)
        return opened[role]

    yield get
    for context in contexts:
        context.close()


@pytest.fixture()
def fresh_tab(browser, server) -> Iterator[Tab]:
    """A new anonymous session (its own context) for tests that type URLs."""
    yield from anonymous_tab(browser, server.url)


def anonymous_tab(browser, base_url: str) -> Iterator[Tab]:
    """A tab in a context of its own on base_url, closed when the generator ends."""
    watch = live.Watch()
    context = live.new_context(browser, watch)
    page = context.new_page()
    page.set_default_timeout(120_000)
    yield Tab("publik", page, watch, base_url)
    context.close()


def assert_clean(tab: Tab) -> None:
    """No exception box, no console error beyond the allowed noise, no request left localhost."""
    boxes = tab.page.locator('[data-testid="stException"]')
    assert boxes.count() == 0, f"exception on screen: {boxes.first.inner_text()[:500]}"
    assert not tab.watch.page_errors, f"uncaught JS errors: {tab.watch.page_errors}"
    assert not tab.watch.console_errors, f"console errors: {tab.watch.console_errors}"
    assert not tab.watch.unexpected_blocked(), f"requests to the internet: {tab.watch.unexpected_blocked()}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed browser test prints the tail of the server's log: CI keeps nothing else of the temporary server."""
    report = yield
    if report.failed and _RUNNING:
        report.sections.append(("streamlit server log (tail)", _RUNNING[-1].log_tail()))
    return report
