"""Database outage (issue 14): with PostgreSQL refusing or not answering connections, every page shows one
Indonesian sentence within seconds (before: Streamlit's English error box after up to 122 s), a cached public
page is still served, and pages come back without a restart once connections are allowed again.

A small TCP gate on 127.0.0.1 stands in front of the real test server, so the same database URL can be closed
(connection refused), silent (accepts but never answers) and open again."""

from __future__ import annotations

import socket
import threading
import time
from contextlib import suppress

import pytest
from sqlalchemy.engine import make_url

from data_access.engine import get_engine
from demo.loader import ensure_database
from strings import tr
from tests.conftest import PG_URL, fresh_pg_database
from tests.helpers import no_exception, open_page, texts

pytestmark = pytest.mark.skipif(not PG_URL, reason="TEST_DATABASE_URL not set")
LIMIT_S = 10


class Gate:
    """A port that is closed, silent or forwarding to PostgreSQL; `hang()` silences the open connections too
    (they stay established, the bytes are swallowed): a server that stops answering mid-session."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self._server: socket.socket | None = None
        self._sockets: list[socket.socket] = []
        self.mode = "closed"
        self.hung = False

    def hang(self) -> None:
        self.hung = True

    def set(self, mode: str) -> None:
        self.hung = False
        self._stop()
        self.mode = mode
        if mode == "closed":
            return
        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", self.port))
        server.listen(64)
        self._server = server
        threading.Thread(target=self._accept, args=(server, mode), daemon=True).start()

    def _accept(self, server: socket.socket, mode: str) -> None:
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return
            self._sockets.append(client)
            if mode == "silent" or self.hung:
                continue  # accepted, never answered: what a hung server looks like
            upstream = socket.create_connection(self.target)
            self._sockets.append(upstream)
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket) -> None:
        with suppress(OSError):
            while data := src.recv(65536):
                if not self.hung:
                    dst.sendall(data)
        with suppress(OSError):
            dst.shutdown(socket.SHUT_WR)

    def _stop(self) -> None:
        if self._server is not None:
            with suppress(OSError):  # wakes the thread blocked in accept(); close() alone would not
                self._server.shutdown(socket.SHUT_RDWR)
            self._server.close()
            self._server = None
        for sock in self._sockets:
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self._sockets.clear()


@pytest.fixture(scope="module")
def gated():
    real = fresh_pg_database("outage")
    ensure_database(real)
    get_engine(real).dispose()
    url = make_url(real)
    gate = Gate((url.host or "127.0.0.1", url.port or 5432))
    yield gate, url.set(host="127.0.0.1", port=gate.port).render_as_string(hide_password=False)
    gate.set("closed")


@pytest.fixture()
def app_on_gate(gated, monkeypatch):
    import streamlit as st

    from data_access.caching import clear_caches

    gate, url = gated
    monkeypatch.setenv("DATABASE_URL", url)
    st.cache_data.clear()
    clear_caches()
    get_engine(url).dispose()
    yield gate
    gate.set("open")
    get_engine(url).dispose()


def _timed(page: str, role: str):
    """The page's own run, timed (open_page first runs the role's default page)."""
    at = open_page(None, role=role, timeout=60)
    start = time.perf_counter()
    at.switch_page(f"app_pages/{page}.py").run()
    return at, time.perf_counter() - start


@pytest.mark.parametrize(("page", "role", "mode"), [
    ("ringkasan_publik", "publik", "closed"),
    ("masuk", "publik", "closed"),
    ("ringkasan_eksekutif", "pimpinan", "closed"),
    ("ringkasan_publik", "publik", "silent"),
])
def test_a_lost_database_is_one_sentence_within_seconds_then_recovers(app_on_gate, page, role, mode):
    gate = app_on_gate
    gate.set("open")
    open_page("ringkasan_publik", role="publik", timeout=60)  # the app has started once (bootstrap is cached)
    import streamlit as st

    st.cache_data.clear()  # nothing cached: every page must reach the database
    from data_access.caching import clear_caches

    clear_caches()
    gate.set(mode)
    at, elapsed = _timed(page, role)
    no_exception(at)
    assert tr("error.db_unavailable") in [e.value for e in at.error], texts(at)
    assert elapsed < LIMIT_S, elapsed
    gate.set("open")
    at.run()
    no_exception(at)
    assert tr("error.db_unavailable") not in [e.value for e in at.error]
    assert at.title, "the page is back without a restart"


def test_a_cached_public_page_is_served_during_an_outage(app_on_gate):
    gate = app_on_gate
    gate.set("open")
    warm = open_page("ringkasan_publik", role="publik", timeout=60)
    no_exception(warm)
    gate.set("closed")
    time.sleep(3.2)  # the data version's own cache (3 s) has expired: the database is really asked
    at = open_page("ringkasan_publik", role="publik", timeout=60)
    no_exception(at)
    assert tr("error.db_unavailable") not in [e.value for e in at.error]
    assert texts(at) == texts(warm)


@pytest.mark.parametrize("page", ["pencegahan", "peta_asal_korban", "ringkasan_eksekutif"])
def test_a_server_that_stops_answering_mid_session_is_one_sentence_within_seconds(app_on_gate, page):
    """Issue 24: the pool's connections are open and the server stops answering (accepts, acknowledges, never
    replies). Before, Pencegahan and Peta stayed blank for more than 90 s: connect_timeout does not apply to an
    open connection and statement_timeout is the silent server's own. The checkout ping and every statement now
    have a client-side deadline."""
    gate = app_on_gate
    gate.set("open")
    warm = open_page(page, role="pimpinan", timeout=60)  # the pool holds live connections to the server
    no_exception(warm)
    import streamlit as st

    from data_access.caching import clear_caches

    st.cache_data.clear()
    clear_caches()
    gate.hang()
    start = time.perf_counter()
    warm.run(timeout=60)
    elapsed = time.perf_counter() - start
    no_exception(warm)
    assert tr("error.db_unavailable") in [e.value for e in warm.error], texts(warm)
    assert elapsed < LIMIT_S, elapsed
    gate.set("open")
    warm.run(timeout=60)
    no_exception(warm)
    assert tr("error.db_unavailable") not in [e.value for e in warm.error], "back without a restart"
