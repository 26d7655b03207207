"""Runs query functions through st.cache_data, keyed on the database URL and its data version."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

from data_access.engine import DATABASE_DOWN, connect, data_version
from settings import load_settings

T = TypeVar("T")


@st.cache_data(ttl=3, show_spinner=False)
def _current_version(url: str) -> str:
    # A short TTL: an import on another replica shows up within seconds without a query per chart.
    with connect(url) as conn:
        return data_version(conn)


@st.cache_data(show_spinner=False, max_entries=512)
def _run(_query: Callable[..., Any], name: str, url: str, version: str, args: tuple) -> Any:
    with connect(url) as conn:
        return _query(conn, *args)


_last_version: dict[str, str] = {}


def _version(url: str) -> str:
    """The data version; while the database is unreachable, the last one seen, so cached results (the public
    page's published extract among them) are still served. A query not in the cache then fails as usual."""
    try:
        version = _current_version(url)
    except DATABASE_DOWN:
        if url in _last_version:
            return _last_version[url]
        raise
    _last_version[url] = version
    return version


def run_cached(query: Callable[..., T], *args: Any) -> T:
    """query(conn, *args), cached; args must be small and hashable (Filters, tuples, str, int)."""
    url = load_settings().database_url
    name = f"{query.__module__}.{query.__qualname__}"
    return _run(query, name, url, _version(url), args)


def data_key() -> tuple[str, str]:
    """(database URL, data version): part of every cache key of things built from the data (ui/cached.py)."""
    url = load_settings().database_url
    return url, _version(url)


def clear_caches() -> None:
    _last_version.clear()
    _current_version.clear()
    _run.clear()
