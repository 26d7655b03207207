"""The one place that shows a plotly figure: its modebar speaks the page's language (issue 25)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from strings import catalog
from ui.i18n import current_lang


def chart_config(lang: str) -> dict[str, Any]:
    """Plotly config for lang. Streamlit's bundled plotly.js ships English only; a locale passed in the config
    itself ("locales") needs no file from the internet. The PNG download stays, labelled in lang."""
    config: dict[str, Any] = {"displaylogo": False}
    if lang != "en":
        dictionary = {texts["en"]: texts[lang] for key, texts in catalog().items() if key.startswith("plotly.")}
        config |= {"locale": lang, "locales": {lang: {"dictionary": dictionary}}}
    return config


def show_chart(fig: Any, *, where: Any = None, **kwargs: Any) -> None:
    """st.plotly_chart (or where.plotly_chart, for a column) with the page language's config."""
    (where or st).plotly_chart(fig, config=chart_config(current_lang()), **kwargs)
