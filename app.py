"""Dasbor Sinergi Anti-TPPO: the router and frame (page config, role-aware pages, shared sidebar)."""

from __future__ import annotations

from typing import NamedTuple

import streamlit as st

from domain.access import can_see, first_page


class PageSpec(NamedTuple):
    key: str
    icon: str


# Navigation order; file app_pages/<key>.py, URL /<key with dashes>.
PAGES: tuple[PageSpec, ...] = (
    PageSpec("ringkasan_eksekutif", ":material/dashboard:"),
    PageSpec("peta_asal_korban", ":material/map:"),
    PageSpec("kapasitas_sentra", ":material/home_health:"),
    PageSpec("kesenjangan_sdm", ":material/groups:"),
    PageSpec("proyeksi", ":material/trending_up:"),
    PageSpec("pemantauan_jarnas", ":material/monitoring:"),
    PageSpec("daftar_tindakan", ":material/checklist:"),
    PageSpec("pencegahan", ":material/shield:"),
    PageSpec("glosarium", ":material/menu_book:"),
    PageSpec("ringkasan_publik", ":material/public:"),
    PageSpec("kelola_data", ":material/database:"),
)


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
    # Signed in, the same address is the account page: the menu must not invite to "Masuk" again (issue 25).
    signed_in = role != "publik"
    login = st.Page("app_pages/masuk.py", title=t("nav.akun" if signed_in else "nav.masuk"),
                    icon=":material/account_circle:" if signed_in else ":material/login:", url_path="masuk")
    registered.append(("masuk", login))
    visible.append(login)
    return registered, visible


def render_sidebar(role: str, visible: list[st.Page], show_filters: bool) -> None:
    from ui.auth import current_user
    from ui.login import sign_out_to_login
    from ui.filters import keep_widget_values, render_filters
    from ui.demo_status import is_demo
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
            # Signing out is one visible button, not a step hidden behind the account page (issue 25).
            if st.button(t("login.logout"), key="sidebar_logout"):
                sign_out_to_login()
        st.radio(t("lang.label"), options=["id", "en"], key="lang", horizontal=True, on_change=keep_widget_values,
                 format_func=lambda code: {"id": "Bahasa Indonesia", "en": "English"}[code])
    if show_filters:
        render_filters()


def main() -> None:
    from builders.icon import app_icon
    from ui.bootstrap import start

    st.set_page_config(page_title="Dasbor Sinergi Anti-TPPO", page_icon=app_icon(), layout="wide")
    if not start():
        return
    from ui.outage import database_guard

    with database_guard():  # a lost database becomes one sentence, on every page, public and login included
        _route()


def _route() -> None:
    from ui.auth import current_role
    from ui.i18n import pin_language
    from ui.projector import apply_projector_style, is_presenting
    from ui.style import apply_frame_style

    pin_language()
    apply_frame_style()
    role = current_role()
    registered, visible = build_pages(role)
    pg = st.navigation([page for _, page in registered], position="hidden")
    page_key = next(key for key, page in registered if page is pg)  # st.navigation returns the very page
    allowed = page_key in ("home", "masuk") or can_see(role, page_key)
    # A projector link opened without a session shows the sign-in with the sidebar, so there is a way in and out;
    # present=1 stays in the URL and the projector view opens once signed in.
    presenting = is_presenting() and allowed
    # Ringkasan Publik shows the published release, the same for everyone: filters it cannot apply are not offered
    # (signed in, the sidebar used to show a province filter the page silently ignored; issue 25).
    show_filters = role != "publik" and allowed and page_key not in ("home", "masuk", "kelola_data", "glosarium",
                                                                     "ringkasan_publik")
    if presenting:
        apply_projector_style()
        if show_filters:
            from ui.filters import restore_filters

            restore_filters()  # a projector link keeps its filters even though no sidebar is drawn
    else:
        render_sidebar(role, visible, show_filters)
    if not allowed:
        # The page script never runs, so no query of an internal page can reach an anonymous visitor.
        from ui.login import render_login

        render_login(required_title=page_key)
        return
    pg.run()


main()
