"""Kelola Data's Akun tab: every local account, and one action at a time (deactivate, reactivate, delete, reset the
password, unlock) behind a confirmation; data_access.account_admin does it, audits it and ends the sessions."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access.account_admin import PAGE_ACTIONS, AccountRefused, account_action, get_accounts
from data_access.caching import clear_caches
from domain.access import MIN_PASSWORD_LENGTH, SELF_FORBIDDEN
from domain.formatting import fmt_date
from ui.auth import current_user
from ui.frame import show_table
from ui.i18n import current_lang, t

NOTICE_KEY = "akun_notice"
PASSWORD_KEYS = ("akun_pw1", "akun_pw2")


def confirm_key(name: str, action: str) -> str:
    # One confirmation per account and action: a box ticked for "unlock ani" must not stay ticked for "delete budi".
    return f"akun_confirm_{action}_{name}"


def _table(accounts: pd.DataFrame) -> pd.DataFrame:
    lang = current_lang()
    yes_no = {True: t("akun.yes"), False: t("akun.no")}
    shown = accounts.assign(
        aktif=accounts["aktif"].map(yes_no), demo=accounts["demo"].map(yes_no),
        terkunci_sampai=accounts["terkunci_sampai"].map(lambda d: fmt_date(d, lang) if d is not None else "–"),
        dibuat=accounts["dibuat"].map(lambda d: fmt_date(d, lang)))
    return shown.rename(columns={c: t(f"akun.col.{c}") for c in shown.columns})


def actions_for(account: pd.Series, me: str | None) -> list[str]:
    """The actions offered for one account: deactivate or reactivate as it stands; never taking one's own access."""
    offered = [a for a in PAGE_ACTIONS if a != ("reactivate" if account["aktif"] else "deactivate")]
    return [a for a in offered if not (account["username"] == me and a in SELF_FORBIDDEN)]


def _result(change) -> str:
    values = {"name": change.username, "sessions": change.sessions_closed}
    if change.batch_id is None:
        return t(f"akun.unchanged.{change.action}", **values)
    return t(f"akun.done.{change.action}", **values)


def _run(action: str, name: str, me: str | None) -> None:
    password = None
    if action == "reset_password":
        password = st.session_state.get("akun_pw1") or ""
        if password != (st.session_state.get("akun_pw2") or ""):
            st.error(t("akun.refused.mismatch"), icon=":material/block:")
            return
    try:
        change = account_action(action, name, me or "?", acting=me, password=password)
    except AccountRefused as exc:
        st.error(t(f"akun.refused.{exc.reason}", name=name, min=MIN_PASSWORD_LENGTH), icon=":material/block:")
        return
    clear_caches()  # the history tab lists the new audit row
    st.session_state[NOTICE_KEY] = _result(change)
    for key in (*PASSWORD_KEYS, confirm_key(name, action)):  # no typed password stays in the session state
        st.session_state.pop(key, None)
    st.rerun()


def render_accounts_admin() -> None:
    """The accounts table, then: choose an account and an action, confirm, run; the result sentence follows."""
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        st.success(notice, icon=":material/check_circle:")
    st.caption(t("akun.caption"))
    accounts = get_accounts()
    if accounts.empty:
        st.info(t("akun.none"), icon="ℹ️")
        return
    show_table(_table(accounts), key="akun_table", width="stretch")
    me = current_user()
    name = st.selectbox(t("akun.select"), accounts["username"].tolist(), key="akun_name")
    account = accounts.set_index("username", drop=False).loc[name]
    if name == me:
        st.caption(t("akun.own"))
    action = st.selectbox(t("akun.action"), actions_for(account, me), key="akun_action",
                          format_func=lambda a: t(f"akun.action.{a}"))
    if action == "reset_password":
        st.text_input(t("akun.password", min=MIN_PASSWORD_LENGTH), type="password", key="akun_pw1")
        st.text_input(t("akun.password_again"), type="password", key="akun_pw2")
    sure = st.checkbox(t("akun.confirm", action=t(f"akun.action.{action}").lower(), name=name),
                       key=confirm_key(name, action))
    if st.button(t("akun.button"), disabled=not sure, type="primary", key="akun_run"):
        _run(action, name, me)
