"""The parts every page shares: header with the demo notice, provenance, downloads, empty state."""

from __future__ import annotations

import logging

import pandas as pd
import streamlit as st

from data_access.reference import get_data_status
from domain.filters import Filters
from domain.formatting import fmt_date, fmt_period
from exports.tables import to_csv_bytes, to_xlsx_bytes
from ui.i18n import current_lang, t

log = logging.getLogger(__name__)


def demo_kinds(kinds: tuple[str, ...] = ()) -> list[str]:
    """Data kinds (of those given, or all) that still hold demo data."""
    status = get_data_status()
    if kinds:
        status = status[status["kode"].isin(kinds)]
    return status.loc[status["asal"] == "demo", "kode"].tolist()


def is_demo(kinds: tuple[str, ...] = ()) -> bool:
    return bool(demo_kinds(kinds))


def demo_notice(kinds: tuple[str, ...] = ()) -> None:
    if is_demo(kinds):
        st.warning(t("demo.notice"), icon="⚠️")


def require_page(page: str) -> None:
    """Stops a page the visitor's role may not open, showing the login instead.

    app.py already refuses such pages; this second check covers a page script run on its own (Streamlit routes
    a folder named pages/ by file name until st.navigation has run once in the server process)."""
    from domain.access import can_see
    from ui.auth import current_role

    if not can_see(current_role(), page):
        from app_pages.masuk import render_login

        render_login(required_title=page)
        st.stop()


def page_header(title_key: str, purpose_key: str, kinds: tuple[str, ...] = ()) -> None:
    """Access check, title, one-line purpose, and the DATA CONTOH notice while any shown kind is demo data.

    Every page calls this first; title keys are "nav.<page key>"."""
    require_page(title_key.removeprefix("nav."))
    st.title(t(title_key))
    st.caption(t(purpose_key))
    demo_notice(kinds)


def last_update(kinds: tuple[str, ...]) -> str:
    status = get_data_status()
    status = status[status["kode"].isin(kinds)] if kinds else status
    latest = pd.to_datetime(status["diperbarui"], utc=True).max()
    return fmt_date(latest.to_pydatetime(), current_lang()) if pd.notna(latest) else "–"


def provenance(source: str, filters: Filters, kinds: tuple[str, ...] = ("kasus",)) -> None:
    """The caption under every chart: source, period, and the data's last update."""
    st.caption(t("provenance", source=source, period=fmt_period(filters.start, filters.end, current_lang()),
                 updated=last_update(kinds)))


def export_notes(filters: Filters | None = None, kinds: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Context that travels with every download: demo notice, period, the filters in force (names, not codes),
    the sources of the kinds shown and their last update (exports.indicator_tables.context_notes)."""
    from data_access.reference import get_code_names
    from exports.indicator_tables import context_notes

    lang = current_lang()
    status = get_data_status()
    shown = status[status["kode"].isin(kinds)] if kinds else status
    source = "; ".join(f"{r.nama} ({r.instansi})" for r in shown.itertuples()) or "–"
    return context_notes(filters, get_code_names(lang), lang, source=source, updated=last_update(kinds),
                         demo=is_demo(kinds))


def download_table(df: pd.DataFrame, name: str, filters: Filters | None = None,
                   kinds: tuple[str, ...] = ()) -> None:
    """CSV and XLSX of exactly the table shown, with the demo notice and the period as leading notes."""
    notes = export_notes(filters, kinds)
    c1, c2 = st.columns(2)
    c1.download_button(t("download.csv"), to_csv_bytes(df, notes), file_name=f"{name}.csv",
                       mime="text/csv", key=f"dl_csv_{name}", icon=":material/download:")
    c2.download_button(t("download.xlsx"), to_xlsx_bytes(df, name, notes), file_name=f"{name}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       key=f"dl_xlsx_{name}", icon=":material/download:")


def empty_state(message_key: str = "empty.no_data") -> None:
    """Shows the designed empty state and stops the page."""
    st.info(t(message_key), icon="ℹ️")
    st.stop()


def work_in_progress() -> None:
    st.info(t("wip"))
