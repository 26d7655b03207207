"""What a page shows while the database cannot be reached: one Indonesian sentence within seconds (connect and
statement timeouts in data_access.engine), and the page again on the next run once the database is back."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from data_access.engine import DATABASE_DOWN
from ui.i18n import t

log = logging.getLogger("tppo.outage")


@contextmanager
def database_guard() -> Iterator[None]:
    """Turns a lost database into a message; Streamlit's own control flow (stop, rerun) passes through."""
    try:
        yield
    except DATABASE_DOWN as exc:
        log.warning("database unavailable: %s", type(getattr(exc, "orig", None) or exc).__name__)
        st.error(t("error.db_unavailable"), icon="⚠️")
