"""Dasbor Sinergi Anti-TPPO: the router and frame (page config, role-aware pages, shared sidebar)."""

from __future__ import annotations

import logging
from typing import NamedTuple

import streamlit as st

from domain.access import can_see, first_page
from settings import load_settings

log = logging.getLogger("tppo.app")


class PageSpec(NamedTuple):
    key: str
    icon: str
    section: str


# Navigation order; file app_pages/<key>.py, URL /<key with dashes>.
PAGES: tuple[PageSpec, ...] = (
    PageSpec("ringkasan_eksekutif", ":material/dashboard:", "pimpinan"),
    PageSpec("peta_asal_korban", ":material/map:", "analisis"),
    PageSpec("kapasitas_sentra", ":material/home_health:", "analisis"),
    PageSpec("kesenjangan_sdm", ":material/groups:", "analisis"),
    PageSpec("pemantauan_jarnas", ":material/monitoring:", "analisis"),
    PageSpec("daftar_tindakan", ":material/checklist:", "pimpinan"),
    PageSpec("pencegahan", ":material/shield:", "pimpinan"),
    PageSpec("glosarium", ":material/menu_book:", "analisis"),
    PageSpec("ringkasan_publik", ":material/public:", "publik"),
    PageSpec("kelola_data", ":material/database:", "admin"),
)


@st.cache_resource(show_spinner=False)
def bootstrap() -> None:
    """Once per process: schema migrations, demo data on an empty database, offline map assets."""
    from builders.offline_assets import configure_folium_offline, vendor_assets
    from data_access.engine import ensure_database
    from settings import STATIC_DIR

    ensure_database()
    vendor_assets(STATIC_DIR)
    configure_folium_offline()


def _start() -> bool:
    from demo.reference_files import ReferenceMissing
    from ui.i18n import t
    from data_access.engine import DATABASE_DOWN

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


def _home() -> None:
    """The page at "/": forwards to the role's first page, keeping the query string (a link's filters).

    Every content page thus has one address for every role; if "/" were a content page, a signed-in user's
    copied link would open a different page for a colleague who is not signed in yet."""
    from ui.auth import current_role

    st.switch_page(f"app_pages/{first_page(current_role())}.py", query_params=st.query_params.to_dict())


def build_pages(role: str) -> tuple[list[tuple[str, st.Page]], list[st.Page]]:
    """Every page is registered (so a typed URL resolves); main() shows the login instead of pages the
    role may not open, and the menu lists only the allowed ones."""
    from ui.i18n import t

    registered, visible = [("home", st.Page(_home, title=t("app.title"), url_path="home", default=True))], []
    for spec in PAGES:
        url = spec.key.replace("_", "-")
        title = t(f"nav.{spec.key}")
        page = st.Page(f"app_pages/{spec.key}.py", title=title, icon=spec.icon, url_path=url)
        if can_see(role, spec.key):
            visible.append(page)
        registered.append((spec.key, page))
    login = st.Page("app_pages/masuk.py", title=t("nav.masuk"), icon=":material/login:", url_path="masuk")
    registered.append(("masuk", login))
    visible.append(login)
    return registered, visible


def render_sidebar(role: str, visible: list[st.Page], show_filters: bool) -> None:
    from ui.auth import current_user
    from ui.filters import keep_widget_values, render_filters
    from ui.frame import is_demo
    from ui.i18n import t

    with st.sidebar:
        st.markdown(f"**{t('app.title')}**")
        st.caption(t("app.subtitle"))
        for page in visible:
            st.page_link(page)
        if is_demo():
            st.warning(t("demo.badge"), icon="⚠️")
        if role != "publik":
            st.caption(t("login.as", user=current_user() or "", role=t(f"role.{role}")))
        st.radio(t("lang.label"), options=["id", "en"], key="lang", horizontal=True, on_change=keep_widget_values,
                 format_func=lambda code: {"id": "Bahasa Indonesia", "en": "English"}[code])
    if show_filters:
        render_filters()


def main() -> None:
    from builders.icon import app_icon

    st.set_page_config(page_title="Dasbor Sinergi Anti-TPPO", page_icon=app_icon(), layout="wide")
    if not _start():
        return
    from ui.outage import database_guard

    with database_guard():  # a lost database becomes one sentence, on every page, public and login included
        _route()


def _route() -> None:
    from ui.auth import current_role

    # ?lang=en in a shared link applies once, before anything is drawn; afterwards the sidebar switch rules.
    if "lang" not in st.session_state:
        st.session_state["lang"] = st.query_params.get("lang") if st.query_params.get("lang") in ("id", "en") else "id"
    else:
        # Re-pinned every run: Streamlit drops a widget's state on a run that does not draw it (projector mode).
        st.session_state["lang"] = st.session_state["lang"]
    role = current_role()
    registered, visible = build_pages(role)
    pg = st.navigation([page for _, page in registered], position="hidden")
    page_key = next(key for key, page in registered if page._script_hash == pg._script_hash)
    allowed = page_key in ("home", "masuk") or can_see(role, page_key)
    # A projector link opened without a session shows the sign-in with the sidebar, so there is a way in and out;
    # present=1 stays in the URL and the projector view opens once signed in.
    presenting = st.query_params.get("present") == "1" and allowed
    show_filters = role != "publik" and allowed and page_key not in ("home", "masuk", "kelola_data", "glosarium")
    if presenting:
        # Projector mode: no sidebar at all, large type (static CSS, no data in it).
        st.html("<style>[data-testid='stSidebar'],[data-testid='stSidebarCollapsedControl']{display:none}"
                # Chart text is drawn by plotly in px: ui.cached.figure enlarges it in the figure itself.
                "html{font-size:125%}</style>")
        if show_filters:
            from ui.filters import restore_filters

            restore_filters()  # a projector link keeps its filters even though no sidebar is drawn
    else:
        render_sidebar(role, visible, show_filters)
    if not allowed:
        # The page script never runs, so no query of an internal page can reach an anonymous visitor.
        from app_pages.masuk import render_login

        render_login(required_title=page_key)
        return
    pg.run()


main()
