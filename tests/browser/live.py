"""A live Streamlit server and a Debian Chromium for browser tests, screenshots and benchmarks.

Used by tests/browser/conftest.py, bench/screenshots.py and bench/run.py. No pytest import here.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

PROJECT = Path(__file__).resolve().parents[2]
SHARED = PROJECT.parent / "shared"
CHROMIUM = os.environ.get("TPPO_CHROMIUM", "/usr/bin/chromium")
# STACK-NOTES: these flags keep Debian's Chromium quiet and offline-friendly in a container.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
VIEWPORT = {"width": 1400, "height": 900}
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
# Harmless console noise that Streamlit itself makes offline (STACK-NOTES), matched by URL only:
# a deep URL makes the frontend probe /<page>/_stcore/health and /<page>/_stcore/host-config (404).
# Nothing may call out: a Material page_icon fetched its SVG from fonts.gstatic.com (issue 13 item 10).
ALLOWED_ERROR_URLS = (
    re.compile(r"^http://(localhost|127\.0\.0\.1):\d+/[^?#]+/_stcore/(health|host-config)([?#].*)?$"),
)
ALLOWED_BLOCKED_HOSTS: set[str] = set()

# Waits that proved robust (STACK-NOTES "Real server + browser").
READY_SELECTORS = (
    ('[data-testid="stApp"][data-test-connection-state="CONNECTED"]', "attached"),
    ('[data-testid="stApp"][data-test-script-state="notRunning"]', "attached"),
    ('[data-testid="stStatusWidget"]', "detached"),
    ('[data-testid="stSkeleton"]', "detached"),
)

DEMO_PASSWORDS = {role: f"demo-{role}" for role in ("pimpinan", "jarnas", "admin_data")}


class BrowserMissing(RuntimeError):
    pass


def require_chromium() -> str:
    """The Chromium binary, or a clear error that says how to install it (CI installs it)."""
    if not Path(CHROMIUM).is_file():
        raise BrowserMissing(
            f"Chromium tidak ditemukan di {CHROMIUM}. Pasang dengan `apt-get install -y chromium` "
            "(CI .ci/run memasangnya); jangan `playwright install`.")
    return CHROMIUM


def _die_with_parent() -> None:
    """In the child before exec: its own process group (stopped as a group), and SIGTERM when the test or
    bench process dies without cleaning up (killed by a timeout), so no server outlives its runner (Linux)."""
    os.setsid()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    url: str
    port: int
    process: subprocess.Popen
    log_path: Path
    database_url: str

    @property
    def pid(self) -> int:
        return self.process.pid

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return ""


def server_env(workdir: Path, database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "DATABASE_URL": database_url,
        "TPPO_GEO_DIR": os.environ.get("TPPO_GEO_DIR") or str(SHARED / "geo"),
        "TPPO_REFERENCE_DIR": os.environ.get("TPPO_REFERENCE_DIR") or str(SHARED / "reference"),
        "XDG_CONFIG_HOME": str(workdir / "xdg-config"),
        "XDG_CACHE_HOME": str(workdir / "xdg-cache"),
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
        "PYTHONUNBUFFERED": "1",
    })
    return env


def prepare_database(database_url: str) -> None:
    """Migrations and demo data before the server starts, so no first page waits for the load."""
    env = server_env(Path(tempfile.gettempdir()), database_url)
    code = "from demo.loader import ensure_database; ensure_database()"
    # A child process: the caller's engines and caches stay untouched.
    subprocess.run([sys.executable, "-c", code], cwd=PROJECT, env=env, check=True, timeout=300)


@contextmanager
def running_server(workdir: Path, database_url: str | None = None, port: int | None = None,
                   prepare: bool = True, timeout: float = 90, script: str = "serve.py") -> Iterator[Server]:
    """`streamlit run serve.py` (app.py plus the sign-in cookie routes) from the project root on a fresh SQLite
    (unless given), killed on exit. script: another page (bench/load.py serves the peer page the same way)."""
    workdir.mkdir(parents=True, exist_ok=True)
    database_url = database_url or f"sqlite:///{workdir / 'tppo.sqlite'}"
    if prepare:
        prepare_database(database_url)
    port = port or free_port()
    log_path = workdir / "streamlit.log"
    cmd = [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    with log_path.open("wb") as log:
        process = subprocess.Popen(cmd, cwd=PROJECT, env=server_env(workdir, database_url), stdout=log,
                                   stderr=subprocess.STDOUT, preexec_fn=_die_with_parent)  # noqa: PLW1509
    server = Server(f"http://localhost:{port}", port, process, log_path, database_url)
    try:
        wait_healthy(server, timeout)
        yield server
    finally:
        stop_server(server)


def wait_healthy(server: Server, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"streamlit berhenti (kode {server.process.returncode}):\n{server.log_tail()}")
        try:
            with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2) as resp:
                if resp.read().strip() == b"ok":
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.25)
    raise RuntimeError(f"streamlit tidak sehat dalam {timeout} detik:\n{server.log_tail()}")


def stop_server(server: Server) -> None:
    """SIGTERM to the server's own process group (only what we started), SIGKILL if it lingers."""
    if server.process.poll() is not None:
        return
    try:
        os.killpg(server.process.pid, signal.SIGTERM)
        server.process.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(server.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        server.process.wait(timeout=10)


def rss_kib(pid: int) -> int:
    """Resident set size of a process in KiB, from /proc (no psutil needed)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"VmRSS tidak ada untuk pid {pid}")


# ------------------------------------------------------------------ browser side
@dataclass
class Watch:
    """What a browser context did that a test should know: console errors and blocked requests."""

    console_errors: list[str] = field(default_factory=list)
    allowed_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def clear(self) -> None:
        self.console_errors.clear()
        self.allowed_errors.clear()
        self.page_errors.clear()
        self.blocked.clear()

    def unexpected_blocked(self) -> list[str]:
        return [u for u in self.blocked if urlparse(u).hostname not in ALLOWED_BLOCKED_HOSTS]


def is_allowed_error_url(url: str) -> bool:
    return any(p.match(url or "") for p in ALLOWED_ERROR_URLS)


def new_context(browser, watch: Watch, **kwargs):
    """A context where every non-localhost request is blocked and recorded, and errors are collected."""
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True, **kwargs)

    def route(route_obj) -> None:
        host = urlparse(route_obj.request.url).hostname or ""
        if route_obj.request.url.startswith(("data:", "blob:", "about:")) or host in LOCAL_HOSTS:
            route_obj.continue_()
        else:
            watch.blocked.append(route_obj.request.url)
            route_obj.abort("blockedbyclient")

    context.route("**/*", route)
    context.on("page", lambda page: attach(page, watch))
    return context


def attach(page, watch: Watch) -> None:
    def on_console(msg) -> None:
        if msg.type != "error":
            return
        url = (msg.location or {}).get("url", "")
        entry = f"{msg.text} @ {url}"
        (watch.allowed_errors if is_allowed_error_url(url) else watch.console_errors).append(entry)

    page.on("console", on_console)
    page.on("pageerror", lambda exc: watch.page_errors.append(str(exc)))


def launch(playwright):
    return playwright.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS, headless=True)


def wait_ready(page, timeout: float = 120_000) -> None:
    for selector, state in READY_SELECTORS:
        page.wait_for_selector(selector, state=state, timeout=timeout)


def wait_title(page, title: str, timeout: float = 120_000) -> None:
    """The page's h1 reads title and the script has finished."""
    page.locator("h1", has_text=title).first.wait_for(state="visible", timeout=timeout)
    wait_ready(page, timeout)


def login(page, base_url: str, role: str, timeout: float = 120_000) -> None:
    """Signs in on /masuk with the demo account of role (kept across reloads by the sign-in cookie)."""
    page.goto(f"{base_url}/masuk")
    wait_ready(page, timeout)
    page.get_by_label("Nama pengguna").fill(role)
    page.get_by_label("Kata sandi").fill(DEMO_PASSWORDS[role])
    page.locator('[data-testid="stFormSubmitButton"] button').click()
    page.get_by_text("Masuk sebagai").first.wait_for(state="visible", timeout=timeout)
    wait_ready(page, timeout)
