"""The active UI language and t(): the only way pages get their words."""

from __future__ import annotations

import streamlit as st

from strings import DEFAULT_LANG, LANGUAGES, tr


def current_lang() -> str:
    lang = st.session_state.get("lang", DEFAULT_LANG)
    return lang if lang in LANGUAGES else DEFAULT_LANG


def t(key: str, **values: object) -> str:
    return tr(key, current_lang(), **values)


LANG_PARAM = "lang"


def pin_language() -> None:
    """The one reader of ?lang=: a shared link's language applies once, before anything is drawn; afterwards the
    sidebar switch rules. Re-pinned every run: Streamlit drops a widget's state on a run that does not draw it
    (projector mode)."""
    if "lang" not in st.session_state:
        wanted = st.query_params.get(LANG_PARAM)
        st.session_state["lang"] = wanted if wanted in LANGUAGES else DEFAULT_LANG
    else:
        st.session_state["lang"] = st.session_state["lang"]
