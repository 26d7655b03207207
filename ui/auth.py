"""Login state: OIDC through st.login when configured, otherwise local accounts; expiry on inactivity."""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid

import streamlit as st

from data_access.accounts import account_role, close_session, login, open_session, session_by_token, session_role
from data_access.engine import connect, get_engine
from domain.access import INTERNAL_ROLES, FailureWindow, session_expired
from settings import load_settings
from ui.i18n import t
from ui.session_cookie import (MAX_LIFETIME, cookie_token, current_path_and_query, forget_in_browser,
                               hand_over)

ROLE_KEY = "auth_role"
USER_KEY = "auth_user"
SEEN_KEY = "auth_last_seen"
SESSION_KEY = "auth_session"  # id of the sesi_login row (sign-out ends it in every tab)
COOKIE_CHECKED_KEY = "auth_cookie_checked"
HANDOVER_KEY = "auth_handover"
# A signed-in session re-reads its account at most this often: deactivating or deleting an account ends its
# sessions within seconds, at one primary-key lookup per session every few seconds.
ACCOUNT_RECHECK_SECONDS = 3.0
_checked: dict[tuple[str, str], tuple[float, str | None]] = {}
_checked_lock = threading.Lock()
# Per client (X-Real-IP from the reverse proxy when TPPO_TRUST_PROXY=1, else the peer address, else the session):
# failed sign-ins in a sliding window, in this process. It stops one client from trying many accounts; the
# per-account lock in the database stops many clients from trying one account. See docs/DEPLOYMENT.md.
CLIENT_FAILURES = FailureWindow(limit=10, minutes=15)


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
        role = _restore_from_cookie(settings)
    if role not in INTERNAL_ROLES:
        return "publik"
    now = _now()
    if session_expired(st.session_state.get(SEEN_KEY), now, settings.session_minutes):
        logout(leave_browser=False)
        st.session_state["auth_notice"] = "login.expired"
        return "publik"
    stored = _stored_role(settings.database_url, st.session_state.get(USER_KEY) or "",
                          st.session_state.get(SESSION_KEY), dt.timedelta(minutes=settings.session_minutes))
    if stored is None:
        logout(leave_browser=False)
        st.session_state["auth_notice"] = "login.revoked"
        return "publik"
    st.session_state[SEEN_KEY] = now
    st.session_state[ROLE_KEY] = stored  # a changed role applies at once, too
    return stored


def _restore_from_cookie(settings) -> str | None:
    """Once per browser session (a reload or a new tab starts one): sign in from the HTTP-only cookie if the
    database still holds a usable session for its token. A tampered, ended or idle token signs in nobody."""
    if st.session_state.get(COOKIE_CHECKED_KEY):
        return None
    st.session_state[COOKIE_CHECKED_KEY] = True
    token = cookie_token()
    if token is None:
        return None
    with get_engine(settings.database_url).begin() as conn:
        info = session_by_token(conn, token, _now(), dt.timedelta(minutes=settings.session_minutes))
    if info is None:
        return None
    _forget(info.username)
    st.session_state.update({ROLE_KEY: info.role, USER_KEY: info.username, SEEN_KEY: _now(),
                             SESSION_KEY: info.session_id})
    return info.role


def _stored_role(url: str, username: str, session_id: str | None = None,
                 idle: dt.timedelta = dt.timedelta(hours=1)) -> str | None:
    """The account's current role (None: deactivated, deleted or locked, or the session was signed out),
    re-read every ACCOUNT_RECHECK_SECONDS."""
    key, clock = (url, username, session_id), time.monotonic()
    with _checked_lock:
        hit = _checked.get(key)
    if hit is not None and clock - hit[0] < ACCOUNT_RECHECK_SECONDS:
        return hit[1]
    if session_id:
        with get_engine(url).begin() as conn:
            role = session_role(conn, session_id, _now(), idle)
    else:  # a session made without a sign-in row (AppTest state): the account alone decides
        with connect(url) as conn:
            role = account_role(conn, username)
    with _checked_lock:
        _checked[key] = (clock, role)
    return role


def _forget(username: str) -> None:
    with _checked_lock:
        for key in [k for k in _checked if k[1] == username]:
            _checked.pop(key, None)


def _client_key() -> str:
    context = getattr(st, "context", None)
    headers = getattr(context, "headers", None) or {}
    forwarded = headers.get("X-Real-IP") if load_settings().trust_proxy else None
    address = forwarded or getattr(context, "ip_address", None)
    if isinstance(address, str) and address:
        return f"ip:{address}"
    token = st.session_state.setdefault("auth_client_token", uuid.uuid4().hex)  # no address known: per session
    return f"session:{token}"


def current_user() -> str | None:
    if load_settings().oidc_configured:
        user = getattr(st, "user", None)
        return str(user.get("email")) if user and getattr(user, "is_logged_in", False) else None
    return st.session_state.get(USER_KEY)


def login_local(username: str, password: str) -> str | None:
    """Returns None on success, or the message to show: one message for every refusal (unknown name, wrong
    password, locked account, throttled client), so a refusal never tells whether a username exists."""
    now = _now()
    client = _client_key()
    if CLIENT_FAILURES.blocked(client, now):
        return t("login.failed")
    result = login(get_engine(), username.strip(), password, now)
    if result.ok:
        _forget(username.strip())
        with get_engine().begin() as conn:
            opened = open_session(conn, username.strip(), now, MAX_LIFETIME)
        st.session_state[ROLE_KEY] = result.role
        st.session_state[USER_KEY] = username.strip()
        st.session_state[SEEN_KEY] = now
        st.session_state[SESSION_KEY] = opened.session_id
        st.session_state[HANDOVER_KEY] = opened.handover_code
        return None
    CLIENT_FAILURES.record(client, now)
    return t("login.failed")


def remember_in_browser(return_here: bool) -> None:
    """After login_local succeeded: the browser fetches its cookie and comes back to this page with its filters
    (return_here) or to "/", which opens the role's first page. Without the cookie routes: nothing to do."""
    code = st.session_state.pop(HANDOVER_KEY, None)
    if code:
        hand_over(code, current_path_and_query(here=return_here))


def logout(leave_browser: bool = True, return_to: str | None = None) -> None:
    """Ends the session here and in every other tab; leave_browser (the Keluar button) also clears the cookie,
    then shows return_to (a path of this site; default: the page shown now)."""
    session_id = st.session_state.get(SESSION_KEY)
    for key in (ROLE_KEY, USER_KEY, SEEN_KEY, SESSION_KEY, HANDOVER_KEY):
        st.session_state.pop(key, None)
    if session_id:
        with get_engine().begin() as conn:
            close_session(conn, session_id)
    if load_settings().oidc_configured and getattr(st, "user", None) and st.user.is_logged_in:
        st.logout()
    elif leave_browser and cookie_token() is not None:
        forget_in_browser(return_to or current_path_and_query())
