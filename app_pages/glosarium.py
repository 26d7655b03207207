"""Glossary of indicators and the provenance of every data kind: what each number counts, from whom, for when."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access.reference import get_data_status
from domain.filters import parse_month
from domain.comparison import ALPHA, MIN_COUNT
from domain.formatting import fmt_date, fmt_dec, fmt_period
from domain.indicators import STAGE_LAG_MONTHS
from exports.indicator_tables import catalogue_frame, rising_rule
from ui.frame import download_table, empty_state, page_header
from settings import load_settings
from ui.i18n import current_lang, t

page_header("nav.glosarium", "purpose.glosarium", kinds=())
lang = current_lang()
status = get_data_status()
if status.empty:
    empty_state("glo.empty")


def period_text(raw: object) -> str:
    """'2023-01..2025-07' → 'Jan 2023 – Jul 2025'; anything else is shown as stored."""
    try:
        start, end = str(raw).split("..")
        return fmt_period(parse_month(start), parse_month(end), lang)
    except ValueError:
        return str(raw) if raw else "–"


def updated_text(raw: object) -> str:
    stamp = pd.to_datetime(raw, utc=True, errors="coerce")
    return fmt_date(stamp.to_pydatetime(), lang) if pd.notna(stamp) else "–"


origin = {"demo": t("glo.origin.demo"), "impor": t("glo.origin.impor")}
status_view = status.assign(asal=status["asal"].map(origin).fillna(status["asal"]),
                            periode=status["periode"].map(period_text),
                            diperbarui=status["diperbarui"].map(updated_text))

# --- what to remember -------------------------------------------------------------------------
st.subheader(t("glo.key.header"))
st.markdown("\n".join(f"- {line}" for line in (
    t("glo.key.korban"), t("glo.key.stages"), t("glo.key.yoy"),
    rising_rule(lang, "glo.key.rising"),
    t("glo.key.completeness", day=load_settings().report_due_day),
    t("glo.key.population"))))

# --- indicators: the catalogue every figure is computed from (domain/indicators.py) ------------
st.subheader(t("glo.indicators.header"))
st.caption(t("glo.indicators.caption"))
st.markdown(t("rule.comparison", min=MIN_COUNT, alpha=fmt_dec(ALPHA, 2, lang), lag=STAGE_LAG_MONTHS))
table = catalogue_frame(status, lang)
table = table.assign(asal=table["asal"].map(origin).fillna(table["asal"]), periode=table["periode"].map(period_text),
                     diperbarui=table["diperbarui"].map(updated_text))
table = table.rename(columns={c: t(f"glo.col.{c}") for c in table.columns})
st.dataframe(table, hide_index=True, key="glo_indicators",
             column_config={t("glo.col.definisi"): st.column_config.TextColumn(width="large")})
download_table(table, "glosarium_indikator", None, ())

# --- data kinds -------------------------------------------------------------------------------
st.subheader(t("glo.kinds.header"))
st.caption(t("glo.kinds.caption"))
kinds = status_view[["kode", "nama", "instansi", "asal", "periode", "diperbarui"]]
kinds = kinds.rename(columns={c: t(f"glo.col.{c}") for c in kinds.columns})
st.dataframe(kinds, hide_index=True, key="glo_kinds")
download_table(kinds, "sumber_data", None, ())
st.caption(t("provenance", source=t("glo.source"), period="–",
             updated=updated_text(pd.to_datetime(status["diperbarui"], utc=True).max() if len(status) else None)))
