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


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def localise_uploader(mb: int, types: list[str]) -> None:
    """Streamlit's st.file_uploader writes "Upload" and "20MB per file" in English whatever the app's language and
    offers no option for it; CSS hides those words and shows the translated ones in their place (the texts come
    from strings/, never from data)."""
    button = _css_string(t("upload.button"))
    limit = _css_string(t("upload.limit", mb=mb, types=", ".join(kind.upper() for kind in types)))
    st.html("<style>"
            "[data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer'] p{font-size:0}"
            f"[data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer'] p::after"
            f"{{content:{button};font-size:1rem}}"
            "[data-testid='stFileUploaderDropzoneInstructions'] span{font-size:0}"
            f"[data-testid='stFileUploaderDropzoneInstructions'] span::after{{content:{limit};font-size:0.875rem}}"
            "</style>")
