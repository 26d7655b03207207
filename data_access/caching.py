"""Runs query functions through a cache keyed on the database URL and its data version.

The app's bootstrap turns the cache on (ui/bootstrap.py calls use_cache); until then (manage.py, scripts) a query
simply runs. Results are shared by every session of the process and handed out as shallow copies
(data_access.shared_results): with pandas' copy-on-write a caller may change its copy, never the cached value.
Before, st.cache_data hashed every argument with Streamlit's hasher and unpickled every hit: about a third of a
warm rerun's CPU (issue 24)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from data_access.engine import DATABASE_DOWN, connect, data_version
from data_access.shared_results import SharedResults
from settings import database_url

T = TypeVar("T")


def _read_version(url: str) -> str:
    with connect(url) as conn:
        return data_version(conn)


def _run_query(_query: Callable[..., Any], name: str, url: str, version: str, args: tuple) -> Any:
    # _query is not hashed (leading underscore); name stands for it in the cache key.
    with connect(url) as conn:
        return _query(conn, *args)


# The data version of each URL as first read in this script run. Every query and figure of a rerun asks for it,
# and each ask through st.cache_data hashes and copies (~0.3 ms, issue 12); within one run the answer is the same.
# Thread-local: each script run has its own thread; other threads (downloads, warm-up) read through the cache.
_run_local = threading.local()


_last_run_started = 0.0


def begin_run() -> None:
    """Called by the app at the start of every script run (ui/bootstrap.py)."""
    global _last_run_started
    _run_local.versions = {}
    _last_run_started = time.monotonic()


def since_last_run() -> float:
    """Seconds since a script run last started in this process (background work gives way to visitors)."""
    return time.monotonic() - _last_run_started


_current_version: Callable[[str], str] = _read_version
_run: Callable[..., Any] = _run_query


# ~17 entries per filter state (queries and views), ~18 KiB each: 41 states took 723 entries and 13 MiB.
# 512 held ~30 states, fewer than 40 users visit in one scenario (each a province, a modus, a return), so states
# were evicted and recomputed under load (issue 24). The server's warming (ui/warmup.py) fills ~6,300 entries on the
# demo data (its 273 modus states alone 5,327 entries and 100 MiB, measured): room is left for ~350 visited states.
_results = SharedResults(max_entries=12288)
# A short time to live: an import on another replica shows up within seconds without a query per chart.
_versions = SharedResults(max_entries=16, ttl_s=3)


def _cached_version(url: str) -> str:
    return _versions.get(("version", url), lambda: _read_version(url))


def _cached_run(query: Callable[..., Any], name: str, url: str, version: str, args: tuple) -> Any:
    return _results.get((name, url, version, args), lambda: _run_query(query, name, url, version, args))


def use_cache(_cache_data: Callable[..., Callable] | None = None) -> None:
    """Memoise queries and the data version from now on (once per process; the argument is not used any more)."""
    global _current_version, _run
    _current_version, _run = _cached_version, _cached_run


_last_version: dict[str, str] = {}
# Called with (url, version) when this process first sees a database's data change (an import here or on another
# replica): ui.warmup computes the first views of the new data then, off the click path.
_version_listeners: list[Callable[[str, str], None]] = []


def on_new_version(listener: Callable[[str, str], None]) -> None:
    """listener(url, version) runs in the thread that noticed a new data version; it must return at once."""
    if listener not in _version_listeners:
        _version_listeners.append(listener)


def _version(url: str) -> str:
    """The data version; while the database is unreachable, the last one seen, so cached results (the public
    page's published extract among them) are still served. A query not in the cache then fails as usual."""
    run_versions = getattr(_run_local, "versions", None)
    if run_versions is not None and url in run_versions:
        return run_versions[url]
    try:
        version = _current_version(url)
    except DATABASE_DOWN:
        if url in _last_version:
            return _last_version[url]
        raise
    previous = _last_version.get(url)
    _last_version[url] = version
    if run_versions is not None:
        run_versions[url] = version
    if previous is not None and previous != version:
        for listener in list(_version_listeners):
            listener(url, version)
    return version


def run_cached(query: Callable[..., T], *args: Any) -> T:
    """query(conn, *args), cached; args must be small and hashable (Filters, tuples, str, int)."""
    url = database_url()
    name = f"{query.__module__}.{query.__qualname__}"
    return _run(query, name, url, _version(url), args)


def compute_cached(fn: Callable[..., T], *args: Any) -> T:
    """fn(*args) for a computation that reads through run_cached itself (a page's view over several queries),
    cached like a query per arguments and data version. Unlike run_cached it holds no connection while it runs:
    its own queries take one each, in turn, and hit the cache other views share (a province change then
    recomputes only what depends on the province, issue 24)."""
    if _run is _run_query:  # no cache (manage.py, scripts): simply compute
        return fn(*args)
    url = database_url()
    name = f"compute:{fn.__module__}.{fn.__qualname__}"
    return _results.get((name, url, _version(url), args), lambda: fn(*args))


# Page-level derivations (ui/cached.memo), a few per filter state like the views above.
_computed = SharedResults(max_entries=1024)


def memo_shared(key: tuple, compute: Callable[[], T]) -> T:
    """compute(), cached under key (which the caller makes from the computation's name, data_key() and its
    inputs) and handed out like query results: shared, never pickled, each caller a detached copy (ui/cached.memo).
    Cleared with the query results by clear_caches."""
    return _computed.get(key, compute)


def data_key() -> tuple[str, str]:
    """(database URL, data version): part of every cache key of things built from the data (ui/cached.py)."""
    url = database_url()
    return url, _version(url)


def clear_caches() -> None:
    _last_version.clear()
    if getattr(_run_local, "versions", None) is not None:
        _run_local.versions = {}
    _results.clear()
    _versions.clear()
    _computed.clear()
