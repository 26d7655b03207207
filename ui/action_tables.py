"""Daftar Tindakan's referral and watch tables on screen: numbers in the page's locale with their unit ("113,9%",
"110 km", "7,3") and widths that keep every column in view at 1366 px. The download keeps plain numbers."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from domain.formatting import fmt_dec, fmt_int, fmt_pct
from ui.cached import memo
from ui.i18n import current_lang, t

CHAR_PX, PAD_PX, MAX_PX = 7, 22, 150


def _p_value(value: float, lang: str) -> str:
    return "< " + fmt_dec(0.001, 3, lang) if value < 0.001 else fmt_dec(value, 3, lang)


# One format per column: a mean of 7.3 beside a count of 7 read as "7,30" and "7" (two digits chosen from the
# column's size), utilisation as a bare "113,9" under a "(%)" header.
FORMATS: dict[str, Callable[[float, str], str]] = {
    "utilisasi": lambda v, lang: fmt_pct(v / 100, 1, lang),
    "jarak_km": lambda v, lang: f"{fmt_int(v, lang)} km",
    "tempat_kosong": fmt_int, "tempat_kosong_tujuan": fmt_int, "peringkat": fmt_int, "jumlah_terkini": fmt_int,
    "rata_terkini": lambda v, lang: fmt_dec(v, 1, lang),
    "rata_dasar": lambda v, lang: fmt_dec(v, 1, lang),
    "rasio": lambda v, lang: fmt_dec(v, 1, lang) + "×",
    "p_nilai": _p_value,
}


def readable_frame(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The table as read on screen: every column named in FORMATS as text ("–" where missing)."""
    shown = df.copy()
    for column, fmt in FORMATS.items():
        if column in shown:
            shown[column] = ["–" if pd.isna(v) else fmt(v, lang) for v in shown[column]]
    return shown


def fitted_columns(shown: pd.DataFrame, short: dict[str, str]) -> dict:
    """column_config: a short header (the full one as help) and a width from the longer of header and values,
    capped (a long name is cut, full text on hover)."""
    config = {}
    for column in shown.columns:
        label = short.get(column, column)
        longest = max([len(label), *(len(str(v)) for v in shown[column])])
        config[column] = st.column_config.Column(label, width=min(MAX_PX, longest * CHAR_PX + PAD_PX), help=column)
    return config


def show_readable(df: pd.DataFrame, headers: dict[str, str], prefix: str, key: str) -> None:
    """df (source column names, numbers) shown readable under headers, short labels from "<prefix>.short.<col>"."""
    shown = memo(readable_frame, df, current_lang()).rename(columns=headers)
    short = {headers[c]: t(f"{prefix}.short.{c}") for c in df.columns}
    st.dataframe(shown, hide_index=True, height="content", key=key, column_config=fitted_columns(shown, short))
