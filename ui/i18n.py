"""The active UI language and t(): the only way pages get their words."""

from __future__ import annotations

import streamlit as st

from strings import DEFAULT_LANG, LANGUAGES, tr


def current_lang() -> str:
    lang = st.session_state.get("lang", DEFAULT_LANG)
    return lang if lang in LANGUAGES else DEFAULT_LANG


def t(key: str, **values: object) -> str:
    return tr(key, current_lang(), **values)
