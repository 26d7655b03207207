"""Runs query functions through st.cache_data, keyed on the database URL and its data version."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

from data_access.engine import connect, data_version
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


def run_cached(query: Callable[..., T], *args: Any) -> T:
    """query(conn, *args), cached; args must be small and hashable (Filters, tuples, str, int)."""
    url = load_settings().database_url
    name = f"{query.__module__}.{query.__qualname__}"
    return _run(query, name, url, _current_version(url), args)


def data_key() -> tuple[str, str]:
    """(database URL, data version): part of every cache key of things built from the data (ui/cached.py)."""
    url = load_settings().database_url
    return url, _current_version(url)


def clear_caches() -> None:
    _current_version.clear()
    _run.clear()
