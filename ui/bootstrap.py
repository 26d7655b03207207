"""Start-up once per process (migrations, demo data on an empty database, offline map assets, the query cache),
and the one sentence a visitor sees when that fails."""

from __future__ import annotations

import logging

import streamlit as st

from data_access.caching import begin_run, use_cache
from data_access.engine import DATABASE_DOWN
from demo.reference_files import ReferenceMissing
from ui.i18n import t

log = logging.getLogger("tppo.app")


@st.cache_resource(show_spinner=False)
def bootstrap() -> None:
    """Once per process: schema migrations, demo data on an empty database, offline map assets."""
    from builders.country_shapes import vendor_country_shapes
    from builders.offline_assets import configure_folium_offline, vendor_assets
    from demo.loader import ensure_database
    from settings import STATIC_DIR

    ensure_database()
    vendor_assets(STATIC_DIR)
    try:
        vendor_country_shapes(STATIC_DIR)  # done by manage.py vendor-assets at install: a file check here
    except (OSError, ValueError) as error:  # the flow map then draws its destinations as dots only
        log.warning("bentuk negara tidak tersedia: %s", error)
    configure_folium_offline()


def start() -> bool:
    """Bootstrap; False (after showing why) when the app cannot serve pages."""
    use_cache()  # data_access imports no Streamlit; the app turns its shared query cache on
    begin_run()
    st.session_state["_said"] = []  # ui.frame.say: the statements of this run only
    try:
        bootstrap()
    except ReferenceMissing as exc:
        st.error(t("error.reference", detail=exc))
        return False
    except DATABASE_DOWN:
        log.warning("database unavailable at start-up")
        st.error(t("error.db_unavailable"), icon="⚠️")
        return False
    except Exception as exc:  # noqa: BLE001 — a minister must see a sentence, not a traceback
        log.exception("bootstrap failed")
        st.error(t("error.database", detail=type(exc).__name__))
        return False
    return True
