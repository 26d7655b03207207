"""The one owner of filter state: widget keys, defaults, the sidebar, and sync with the URL."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from data_access.cases import get_period_bounds
from data_access.reference import get_code_names
from domain.filters import Filters, month_key, parse_month
from domain.formatting import fmt_month
from domain.periods import CUSTOM, PRESETS, preset_of, preset_window
from domain.taxonomy import JENIS_KELAMIN, KELOMPOK_UMUR
from strings import tr
from ui.i18n import LANG_PARAM, current_lang, t

# Filter state lives in plain session keys (f_*) that always hold codes. The widgets have their own keys (w_*)
# and are re-pinned to the codes on every run: a widget's browser-side value is the *label* it showed, so after a
# language switch (or a reset, or a page without the sidebar) the widget alone would hand back labels, stale
# chips or nothing at all.
MULTI = {"f_prov": "prov", "f_modus": "modus", "f_jk": "jk", "f_umur": "umur", "f_instansi": "instansi"}
START_KEY, END_KEY, PERIOD_PARAM = "f_start", "f_end", "periode"
PRESET_KEY = "f_preset"  # a view of START/END (never stored on its own): the widget is pinned from them each run
DRILL_KEY, DRILL_PARAM = "f_drill", "drill"
_INIT = "_filters_from_url"


def widget_key(state_key: str) -> str:
    """The widget that edits a filter: f_modus → w_modus, f_start → w_start."""
    return "w_" + MULTI.get(state_key, state_key.removeprefix("f_"))


def month_options() -> list[str]:
    lo, hi = get_period_bounds()
    if lo is None or hi is None:
        return []
    months, d = [], lo
    while d <= hi:
        months.append(month_key(d))
        d = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return months


def _choices() -> dict[str, dict[str, str]]:
    names = get_code_names(current_lang())
    return {
        "f_prov": names["provinsi"],
        "f_modus": names["modus"],
        "f_jk": {k: t(f"sex.{k}") for k in JENIS_KELAMIN},
        "f_umur": {k: t(f"age.{k}") for k in KELOMPOK_UMUR},
        "f_instansi": names["instansi"],
    }


def _init_from_url(months: list[str], choices: dict[str, dict[str, str]]) -> None:
    """On the first run of a session, a copied link restores its filters; bad values are dropped, noted.

    Only codes are accepted (`jk=P`, never `jk=Perempuan`): a label would match nothing in the database."""
    if st.session_state.get(_INIT):
        return
    st.session_state[_INIT] = True
    params = st.query_params
    invalid: list[str] = []
    for key, param in MULTI.items():
        raw = params.get(param)
        if not raw:
            continue
        values = [v for v in raw.split(",") if v]
        if all(v in choices[key] for v in values):
            st.session_state[key] = values
        else:
            invalid.append(param)
    raw = params.get(PERIOD_PARAM)
    if raw:
        parts = raw.split("..")
        if len(parts) == 2 and all(p in months for p in parts) and parts[0] <= parts[1]:
            st.session_state[START_KEY], st.session_state[END_KEY] = parts
        else:
            invalid.append(PERIOD_PARAM)
    drill = params.get(DRILL_PARAM)
    if drill:
        if drill in choices["f_prov"]:
            st.session_state[DRILL_KEY] = drill
        else:
            invalid.append(DRILL_PARAM)
    st.session_state["_filters_invalid"] = invalid


def set_period(start, end) -> None:
    """Callback: set the period selects (before the widgets are drawn on the rerun)."""
    st.session_state[START_KEY], st.session_state[END_KEY] = f"{start:%Y-%m}", f"{end:%Y-%m}"


def _apply_preset() -> None:
    """on_change of the period preset: its window replaces the two month selects (Atur sendiri keeps them)."""
    preset = st.session_state[widget_key(PRESET_KEY)]
    window = preset_window(preset, month_options()) if preset != CUSTOM else None
    if window:
        st.session_state[START_KEY], st.session_state[END_KEY] = window


def _reset() -> None:
    """Back to the defaults (the last 12 months, no other filter): the state keys go, and the next run pins every
    widget to the empty state, which also clears the chips the browser still shows."""
    for key in (*MULTI, START_KEY, END_KEY, DRILL_KEY):
        st.session_state.pop(key, None)
    st.session_state["_filters_invalid"] = []


def _copy_from_widget(state_key: str) -> None:
    """on_change of a filter widget: its value was read with the options it was drawn with, so it is codes."""
    st.session_state[state_key] = st.session_state[widget_key(state_key)]


def default_window(months: list[str]) -> tuple[str, str]:
    """The period a visit starts with: the last 12 months with data, so the first screen can say better or worse
    against the same months a year earlier (the whole range, the earlier default, has no year before it)."""
    return preset_window("12_bulan", months)


def _default_period(months: list[str]) -> None:
    if st.session_state.get(START_KEY) not in months:
        st.session_state[START_KEY] = default_window(months)[0]
    ends = [m for m in months if m >= st.session_state[START_KEY]]
    if st.session_state.get(END_KEY) not in ends:
        st.session_state[END_KEY] = ends[-1]


def _keep_codes(choices: dict[str, dict[str, str]]) -> None:
    """Whatever put them there, only known codes stay in the filter state."""
    for key in MULTI:
        values = st.session_state.get(key)
        if values:
            st.session_state[key] = [v for v in values if v in choices[key]]


def restore_filters() -> Filters:
    """Filters from the URL and session without drawing widgets (projector mode has no sidebar)."""
    months = month_options()
    choices = _choices()
    _init_from_url(months, choices)
    _keep_codes(choices)
    if months:
        _default_period(months)
    return current_filters()


def keep_widget_values() -> None:
    """on_change of the language switch: pin every text-valued widget to the value it holds now.

    A select widget's browser-side value is the label it showed; after the switch it would be read against the
    other language's labels and come back as a label (or nothing). Read here, before the rerun, the value is
    still the option (a code); writing it back makes the next run send it with the new labels."""
    for key in list(st.session_state.keys()):
        if key == "lang" or key.startswith(("_", "login_")):
            continue
        try:
            value = st.session_state[key]
        except KeyError:  # a widget whose state Streamlit has just dropped
            continue
        if isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            st.session_state[key] = value


def render_filters() -> Filters:
    """The shared sidebar; returns the Filters in force and writes them into the URL."""
    months = month_options()
    choices = _choices()
    _init_from_url(months, choices)
    _keep_codes(choices)
    with st.sidebar:
        st.subheader(t("filters.header"))
        for param in st.session_state.get("_filters_invalid", []):
            st.warning(t("filters.bad_link", name=param))
        if months:
            # Two selects rather than a range slider: keyboard friendly, and the end list only offers
            # months from the start on, so an inverted period cannot be chosen.
            # The language is bound now, not looked up when called: AppTest formats outside the script run.
            fmt = lambda m, lang=current_lang(): fmt_month(parse_month(m), lang)  # noqa: E731
            _default_period(months)
            ends = [m for m in months if m >= st.session_state[START_KEY]]
            st.session_state[widget_key(START_KEY)] = st.session_state[START_KEY]
            st.session_state[widget_key(END_KEY)] = st.session_state[END_KEY]
            # The preset shown is read from the two months, so a link or a hand-picked period shows its name.
            presets = [p for p in PRESETS if preset_window(p, months)] + [CUSTOM]
            st.session_state[widget_key(PRESET_KEY)] = preset_of(st.session_state[START_KEY],
                                                                 st.session_state[END_KEY], months)
            st.selectbox(t("filters.preset"), options=presets, key=widget_key(PRESET_KEY), help=t("filters.preset.help"),
                         format_func=lambda p, lang=current_lang(): tr(f"filters.preset.{p}", lang),
                         on_change=_apply_preset)
            st.caption(t("filters.period"))
            c1, c2 = st.columns(2)
            c1.selectbox(t("filters.from"), options=months, key=widget_key(START_KEY), format_func=fmt,
                         on_change=_copy_from_widget, args=(START_KEY,))
            c2.selectbox(t("filters.to"), options=ends, key=widget_key(END_KEY), format_func=fmt,
                         on_change=_copy_from_widget, args=(END_KEY,))
        labels = {"f_prov": "filters.province", "f_modus": "filters.modus", "f_jk": "filters.sex",
                  "f_umur": "filters.age", "f_instansi": "filters.agency"}
        for key, label in labels.items():
            options = choices[key]
            st.session_state[widget_key(key)] = list(st.session_state.get(key, ()))
            st.multiselect(t(label), options=list(options), key=widget_key(key), placeholder=t("filters.all"),
                           format_func=lambda code, o=options: o.get(code, code),
                           on_change=_copy_from_widget, args=(key,))
        st.button(t("filters.reset"), on_click=_reset, key="f_reset")
        st.caption(t("filters.link_hint"))
    filters = current_filters()
    sync_url()
    return filters


def current_filters() -> Filters:
    start_key, end_key = st.session_state.get(START_KEY), st.session_state.get(END_KEY)
    start = parse_month(start_key) if start_key else None
    end = parse_month(end_key) if end_key else None
    return Filters(
        start=start, end=end,
        provinsi=tuple(st.session_state.get("f_prov", ())),
        modus=tuple(st.session_state.get("f_modus", ())),
        jenis_kelamin=tuple(st.session_state.get("f_jk", ())),
        kelompok_umur=tuple(st.session_state.get("f_umur", ())),
        instansi=tuple(st.session_state.get("f_instansi", ())),
    )


def sync_url() -> None:
    """Write the state into st.query_params so a copied link reproduces the view."""
    wanted: dict[str, str] = {}
    months = month_options()
    period = (st.session_state.get(START_KEY), st.session_state.get(END_KEY))
    if all(period) and months and period != default_window(months):
        wanted[PERIOD_PARAM] = f"{period[0]}..{period[1]}"
    for key, param in MULTI.items():
        values = st.session_state.get(key)
        if values:
            wanted[param] = ",".join(values)
    if st.session_state.get(DRILL_KEY):
        wanted[DRILL_PARAM] = st.session_state[DRILL_KEY]
    if st.session_state.get("lang", "id") != "id":
        wanted[LANG_PARAM] = st.session_state["lang"]
    for extra in ("present",):
        if extra in st.query_params:
            wanted[extra] = st.query_params[extra]
    if dict(st.query_params) != wanted:
        st.query_params.from_dict(wanted)


def get_drill() -> str | None:
    """The province the map is drilled into, if any."""
    return st.session_state.get(DRILL_KEY)


def set_drill(kode_prov: str | None) -> None:
    if kode_prov:
        st.session_state[DRILL_KEY] = kode_prov
    else:
        st.session_state.pop(DRILL_KEY, None)
    sync_url()
