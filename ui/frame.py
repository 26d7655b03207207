"""The parts every page shares: header with the demo notice, provenance, downloads, empty state."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

import pandas as pd
import streamlit as st

from data_access.reference import get_data_status
from domain.filters import Filters
from domain.formatting import fmt_date, fmt_dec, fmt_int, fmt_month, fmt_period
from exports.tables import to_csv_bytes, to_xlsx_bytes
from strings import catalog, tr
from ui.cached import memo
from ui.demo_status import is_demo, mixed_notes
from ui.i18n import current_lang, t

log = logging.getLogger(__name__)


def demo_notice(kinds: tuple[str, ...] = ()) -> None:
    """DATA CONTOH while any kind shown holds demo rows; where a kind mixes demo and real rows, its demo months."""
    if is_demo(kinds):
        st.warning(" ".join((t("demo.notice"), *mixed_notes(kinds, current_lang()))), icon="⚠️")


def require_page(page: str) -> None:
    """Stops a page the visitor's role may not open, showing the login instead.

    app.py already refuses such pages; this second check covers a page script run on its own (Streamlit routes
    a folder named pages/ by file name until st.navigation has run once in the server process)."""
    from domain.access import can_see
    from ui.auth import current_role

    if not can_see(current_role(), page):
        from ui.login import render_login

        render_login(required_title=page)
        st.stop()


def page_header(title_key: str, purpose_key: str, kinds: tuple[str, ...] = ()) -> None:
    """Access check, title, one-line purpose, and the DATA CONTOH notice while any shown kind is demo data.

    Every page calls this first; title keys are "nav.<page key>"."""
    require_page(title_key.removeprefix("nav."))
    st.title(t(title_key))
    st.caption(t(purpose_key))
    demo_notice(kinds)
    freshness_warnings(kinds)


def last_update(kinds: tuple[str, ...]) -> str:
    """Each source's newest month and when it was loaded ("kasus s.d. Jul 2025 (dimuat 7 Des 2026 09:00)"): the
    load time alone read as fresh data while the newest month could be a year old."""
    return memo(_last_update, tuple(kinds), current_lang())


def _last_update(kinds: tuple[str, ...], lang: str) -> str:
    from data_access.coverage import get_coverage

    status = get_data_status()
    status = status[status["kode"].isin(kinds)] if kinds else status
    coverage = get_coverage()
    parts = []
    for row in status.itertuples():
        stamp = pd.to_datetime(row.diperbarui, utc=True)
        loaded = fmt_date(stamp.to_pydatetime(), lang) if pd.notna(stamp) else "–"
        name = t(f"kind.{row.kode}")
        window = coverage.get(row.kode)
        parts.append(t("fresh.item", kind=name, last=fmt_month(window.end, lang), loaded=loaded) if window else
                     t("fresh.item.reference", kind=name, loaded=loaded))
    return "; ".join(parts) or "–"


def freshness_warnings(kinds: tuple[str, ...] = ()) -> None:
    """A warning for each source shown that is behind its reporting cycle (domain.provenance)."""
    from data_access.submissions import get_freshness
    from domain.statements import freshness_note

    for kind, state in get_freshness().items():
        if not kinds or kind in kinds:
            say(freshness_note(state, current_lang()), "warning", icon="⏳")


def provenance(source: str, filters: Filters, kinds: tuple[str, ...] = ("kasus",)) -> None:
    """The caption under every chart: source, period, and the data's last update."""
    st.caption(t("provenance", source=source, period=fmt_period(filters.start, filters.end, current_lang()),
                 updated=last_update(kinds)))


def export_notes(filters: Filters | None = None, kinds: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Context that travels with every download: demo notice, period, the filters in force (names, not codes),
    the sources of the kinds shown and their last update (exports.indicator_tables.context_notes)."""
    # Cached per (filters, kinds, language, data version): every download button on a page asks on every rerun.
    return memo(_export_notes, filters, tuple(kinds), current_lang())


def _export_notes(filters: Filters | None, kinds: tuple[str, ...], lang: str) -> tuple[str, ...]:
    from data_access.reference import get_code_names
    from exports.indicator_tables import context_notes

    status = get_data_status()
    shown = status[status["kode"].isin(kinds)] if kinds else status
    source = "; ".join(f"{r.nama} ({r.instansi})" for r in shown.itertuples()) or "–"
    return context_notes(filters, get_code_names(lang), lang, source=source, updated=last_update(kinds),
                         demo=is_demo(kinds), extra=mixed_notes(kinds, lang))


CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_CODE_NAME = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
DOWNLOAD_DIGITS = 4  # a share as 0.1831, not 0.1831018518518518


def column_title(name: object, lang: str) -> str:
    """A header for a column that arrives with a code name: from strings/ ("col.<name>"), else made readable."""
    text = str(name)
    if f"col.{text}" in catalog():
        return tr(f"col.{text}", lang)
    if _CODE_NAME.match(text) and "_" in text:
        return text.replace("_", " ").capitalize()
    return text


def _digits(values: pd.Series) -> int:
    """Whole numbers as whole numbers; small ratios with two decimals, larger values with one."""
    finite = values.dropna()
    if finite.empty or (finite == finite.round()).all():
        return 0
    return 2 if finite.abs().max() < 10 else 1


def localise_frame(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The table as a reader sees it: headers in the language, numbers formatted by locale ("7,5", "0,29").

    Pure (no Streamlit), so it is tested directly; used for every st.dataframe through ui.frame.show_table."""
    shown = df.copy()
    for column in shown.columns:
        values = shown[column]
        if pd.api.types.is_float_dtype(values):
            digits = _digits(values)
            shown[column] = [fmt_int(v, lang) if digits == 0 else fmt_dec(v, digits, lang) for v in values]
    return shown.rename(columns=lambda c: column_title(c, lang))


def show_table(df: pd.DataFrame, key: str, **kwargs) -> None:
    """st.dataframe of the localised table (hide_index by default)."""
    kwargs.setdefault("hide_index", True)
    st.dataframe(memo(localise_frame, df, current_lang()), key=key, **kwargs)


RANK_PX, NAME_PX, NUMBER_PX = 40, 110, 76


def ranking_widths(columns, name_column: int = 1, short: dict[str, str] | None = None) -> dict:
    """column_config for a ranking table (rank, name, numbers...) that fits ~380 px, the table beside the map at
    1366 px: fixed widths keep every number in view, a long name is cut (full text on hover). A header too long
    for its width shows its short form (short: full -> short), the full one as help."""
    config = {}
    for i, column in enumerate(columns):
        width = NAME_PX if i == name_column else RANK_PX if i == 0 else NUMBER_PX
        config[column] = st.column_config.Column((short or {}).get(column, column), width=width, help=str(column))
    return config


def half_page_columns(short: dict[str, str], name_px: int = 120, number_px: int = 66) -> dict:
    """column_config for a table in half a 1366 px page (~490 px): a name column, then numbers. Streamlit sizes
    columns by their header, so "Staf dibutuhkan" and "Selisih bersih" pushed "Kekurangan" and "Rasio" out of view;
    fixed widths and short headers (short: full -> short, the full one as help) keep every column in view."""
    return {full: st.column_config.Column(label, width=name_px if i == 0 else number_px, help=full)
            for i, (full, label) in enumerate(short.items())}


def _for_download(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Numbers stay numbers (a spreadsheet computes with them) but rounded; headers in the language."""
    out = df.copy()
    for column in out.columns:
        if pd.api.types.is_float_dtype(out[column]):
            out[column] = out[column].round(DOWNLOAD_DIGITS)
    return out.rename(columns=lambda c: column_title(c, lang))


def lazy_expander(label: str, key: str, render: Callable[[], None], **kwargs) -> None:
    """A closed-by-default expander whose content runs only while it is open: the detail tables under a chart
    cost every rerun a table conversion and two download registrations each, and are opened now and then.
    Opening it reruns the page (Streamlit's on_change="rerun"); it stays open across reruns (session state)."""
    box = st.expander(label, key=key, on_change="rerun", **kwargs)
    if box.open:
        with box:
            render()


def download_button(label: str, data, *, file_name: str, mime: str, key: str, where=None, **kwargs) -> None:
    """Every download of the app. A download does not rerun the page (on_click="ignore"): with Streamlit's default
    the click also starts a rerun, whose end drops the clicked button's deferred file, so on a busy server the
    file could never come (a CI browser run waited two minutes for a CSV). It also spares a full rerun per click."""
    kwargs.setdefault("icon", ":material/download:")
    (where or st).download_button(label, data, file_name=file_name, mime=mime, key=key, on_click="ignore", **kwargs)


def download_table(df: pd.DataFrame, name: str, filters: Filters | None = None,
                   kinds: tuple[str, ...] = ()) -> None:
    """CSV and XLSX of exactly the table shown, with the demo notice and the period as leading notes."""
    notes, lang = export_notes(filters, kinds), current_lang()
    c1, c2 = st.columns(2)
    # The files, rounding and headers included, are made when a button is clicked, not on every rerun (an XLSX
    # costs 0.1-0.5 s to write; a page has up to a dozen buttons).
    download_button(t("download.csv"), lambda: to_csv_bytes(_for_download(df, lang), notes), file_name=f"{name}.csv",
                    mime=CSV_MIME, key=f"dl_csv_{name}", where=c1)
    download_button(t("download.xlsx"), lambda: to_xlsx_bytes(_for_download(df, lang), name, notes),
                    file_name=f"{name}.xlsx", mime=XLSX_MIME, key=f"dl_xlsx_{name}", where=c2)


# Signs a formatted change can start with: Babel writes U+2212 for minus, fmt_change writes "±" for no change.
_DOWN_SIGNS = ("-", "\u2212")
_FLAT_SIGNS = ("±", "0")


def delta_arrow(delta: str | None) -> str:
    """The arrow for a formatted change: "up", "down" or "off".

    Streamlit reads the direction from a leading ASCII "-" only, so "−34,0%" (U+2212) would get an up arrow."""
    text = (delta or "").strip()
    if not text or text.startswith(_FLAT_SIGNS):
        return "off"
    return "down" if text.startswith(_DOWN_SIGNS) else "up"


_COLOURS = {"normal": {"up": "green", "down": "red", "off": "gray"},
            "inverse": {"up": "red", "down": "green", "off": "gray"}}


def metric(container, label: str, value: str, delta: str | None = None, *, delta_color: str = "off",
           arrow: str | None = None, **kwargs) -> None:
    """st.metric with arrow and colour decided here from the delta's sign, never by Streamlit's ASCII-only rule.

    delta_color "off" by default (more victims is neither good nor bad news by itself); "normal"/"inverse" are
    turned into explicit colours from the same sign; arrow overrides the direction (e.g. "off" for a note)."""
    direction = arrow or delta_arrow(delta)
    colour = _COLOURS.get(delta_color, {}).get(delta_arrow(delta), delta_color)
    container.metric(label, value, delta=delta, delta_color=colour, delta_arrow=direction, **kwargs)


SAID_KEY = "_said"  # the statements of the current script run (ui.bootstrap clears it at each run's start)


# How each alert sentence is shown (domain.statements.alert_statements): good news green, a gap in the reports amber.
ALERT_ELEMENT = {"alert.none": "success", "alert.none_reported": "caption", "alert.ongoing": "caption",
                 "alert.ended": "caption", "alert.unreported": "warning", "alert.no_units": "info"}


def say(statement, how: str = "caption", **kwargs) -> None:
    """Shows a generated sentence (domain.statements.Statement) and keeps it, with its evidence, in the session's
    list of this run's statements: the generative test reads them back and checks each against its own oracle.

    how: the Streamlit element (caption, markdown, info, success, warning, error). Markdown-capable elements get
    the text escaped (unit names carry quotes and asterisks)."""
    if statement is None:
        return
    from domain.messages import escape_markdown

    st.session_state.setdefault(SAID_KEY, []).append(statement)
    getattr(st, how)(escape_markdown(statement.text), **kwargs)


def say_list(statements, small: bool = False) -> None:
    """Several statements as one bulleted Markdown list (the key messages), each kept like say() keeps it;
    small: in caption type."""
    from domain.messages import escape_markdown

    statements = [s for s in statements if s is not None]
    st.session_state.setdefault(SAID_KEY, []).extend(statements)
    (st.caption if small else st.markdown)("\n".join(f"- {escape_markdown(s.text)}" for s in statements))


def said() -> list:
    """The statements shown so far in this run (tests read them through session state)."""
    return list(st.session_state.get(SAID_KEY, []))


def empty_state(message_key: str = "empty.no_data") -> None:
    """Shows the designed empty state and stops the page."""
    st.info(t(message_key), icon="ℹ️")
    st.stop()

