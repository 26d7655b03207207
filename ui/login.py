"""The sign-in form: the login page, and shown in place of any page the visitor's role may not open."""

from __future__ import annotations

import streamlit as st

from domain.access import first_page
from settings import load_settings
from ui.auth import current_role, login_local, logout, remember_in_browser
from ui.demo_status import is_demo
from ui.session_cookie import current_path_and_query
from ui.i18n import t


def sign_out_to_login() -> None:
    """The sidebar's Keluar: end the session everywhere and show the sign-in form (with the cookie routes the
    browser clears its cookie on the way there)."""
    logout(return_to=current_path_and_query(page="masuk"))
    st.switch_page("app_pages/masuk.py")


def render_login(required_title: str | None = None) -> None:
    role = current_role()
    # Signed in, the page reached from the menu is the account page; a closed page still asks to sign in.
    st.title(t("nav.akun") if role != "publik" and not required_title else t("login.title"))
    if required_title:
        st.info(t("login.required"), icon=":material/lock:")
    notice = st.session_state.pop("auth_notice", None)
    if notice:
        st.warning(t(notice))
    if role != "publik":
        st.success(t("login.as", user=st.session_state.get("auth_user", ""), role=t(f"role.{role}")))
        if st.button(t("login.logout"), key="logout"):
            logout()
            st.rerun()
        return
    if load_settings().oidc_configured:
        if st.button(t("login.oidc"), key="oidc_login"):
            st.login()
        return
    with st.form("login_form"):
        username = st.text_input(t("login.username"), key="login_user", max_chars=60)
        password = st.text_input(t("login.password"), type="password", key="login_password", max_chars=200)
        submitted = st.form_submit_button(t("login.submit"))
    if submitted:
        message = login_local(username, password)
        if message:
            st.error(message)
        elif required_title:
            remember_in_browser(return_here=True)  # with the cookie routes: back here via the cookie round trip
            st.rerun()  # the same address, query string included: the requested page opens with its filters
        else:
            remember_in_browser(return_here=False)
            st.switch_page(f"app_pages/{first_page(current_role())}.py")
    if is_demo():
        st.caption(t("login.demo_accounts"))

