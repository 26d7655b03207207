"""Login state: OIDC through st.login when configured, otherwise local accounts; expiry on inactivity."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from data_access.accounts import verify_login
from data_access.engine import get_engine
from domain.access import INTERNAL_ROLES, session_expired
from settings import load_settings
from ui.i18n import t

ROLE_KEY = "auth_role"
USER_KEY = "auth_user"
SEEN_KEY = "auth_last_seen"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _oidc_role() -> str | None:
    """Role of an OIDC user from secrets [tppo_roles] (email = "role"); unknown users stay public."""
    user = getattr(st, "user", None)
    if not user or not getattr(user, "is_logged_in", False):
        return None
    roles = st.secrets.get("tppo_roles", {})
    role = roles.get(str(user.get("email", "")).lower())
    return role if role in INTERNAL_ROLES else None


def current_role() -> str:
    """publik unless a valid, unexpired login is in this session."""
    settings = load_settings()
    if settings.oidc_configured:
        return _oidc_role() or "publik"
    role = st.session_state.get(ROLE_KEY)
    if role not in INTERNAL_ROLES:
        return "publik"
    now = _now()
    if session_expired(st.session_state.get(SEEN_KEY), now, settings.session_minutes):
        logout()
        st.session_state["auth_notice"] = "login.expired"
        return "publik"
    st.session_state[SEEN_KEY] = now
    return role


def current_user() -> str | None:
    if load_settings().oidc_configured:
        user = getattr(st, "user", None)
        return str(user.get("email")) if user and getattr(user, "is_logged_in", False) else None
    return st.session_state.get(USER_KEY)


def login_local(username: str, password: str) -> str | None:
    """Returns None on success, or the message to show."""
    now = _now()
    with get_engine().begin() as conn:
        result = verify_login(conn, username.strip(), password, now)
    if result.ok:
        st.session_state[ROLE_KEY] = result.role
        st.session_state[USER_KEY] = username.strip()
        st.session_state[SEEN_KEY] = now
        return None
    if result.locked_until:
        minutes = max(1, -(-int((result.locked_until - now).total_seconds()) // 60))  # ceiling
        return t("login.locked", minutes=minutes)
    return t("login.failed")


def logout() -> None:
    for key in (ROLE_KEY, USER_KEY, SEEN_KEY):
        st.session_state.pop(key, None)
    if load_settings().oidc_configured and getattr(st, "user", None) and st.user.is_logged_in:
        st.logout()
