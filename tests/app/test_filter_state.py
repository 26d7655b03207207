"""Filter state through the sidebar as a user drives it: language round trips, reset, page changes.

AppTest sends widget values the way the browser does (as the labels the widget showed), so these tests
see the same label/code confusion a browser sees."""

from __future__ import annotations

import pytest

from tests.helpers import no_exception, open_page, texts

# A filtered page whose own widgets format with bound labels (AppTest formats outside the script run).
PAGE = "kapasitas_sentra"


def _query(at, name: str) -> str | None:
    value = at.query_params.get(name)
    return value[0] if isinstance(value, list) else value


def _multiselect(at, param: str):
    return at.sidebar.multiselect(key=f"w_{param}")


def _switch_lang(at, lang: str) -> None:
    at.sidebar.radio(key="lang").set_value(lang).run()
    no_exception(at)


@pytest.mark.parametrize(("param", "code"), [("modus", "online_scam"), ("jk", "P"), ("prov", "52")])
def test_language_round_trip_keeps_codes_in_state_and_url(app_env, param, code):
    at = open_page(PAGE, role="pimpinan")
    _multiselect(at, param).set_value([code]).run()
    no_exception(at)
    assert _query(at, param) == code
    _switch_lang(at, "en")
    assert _query(at, param) == code, "English view, codes in the URL"
    assert _multiselect(at, param).value == [code]
    _switch_lang(at, "id")
    assert _query(at, param) == code, "back in Indonesian, still the code"
    assert _multiselect(at, param).value == [code]
    assert "Tidak ada data" not in texts(at)
    assert not at.info or all("Tidak ada data" not in i.value for i in at.info)


def test_language_round_trip_keeps_the_period(app_env):
    # Months whose short names differ between the languages (Mei/May, Okt/Oct).
    at = open_page(PAGE, role="pimpinan")
    at.sidebar.selectbox(key="w_start").set_value("2024-05").run()
    at.sidebar.selectbox(key="w_end").set_value("2024-10").run()
    assert _query(at, "periode") == "2024-05..2024-10"
    _switch_lang(at, "en")
    _switch_lang(at, "id")
    assert _query(at, "periode") == "2024-05..2024-10"
    assert (at.session_state["f_start"], at.session_state["f_end"]) == ("2024-05", "2024-10")


def test_a_label_in_the_link_is_not_taken_for_a_code(app_env):
    at = open_page(PAGE, role="pimpinan", query={"jk": "Perempuan"})
    no_exception(at)
    assert _query(at, "jk") is None
    assert "f_jk" not in at.session_state or not at.session_state["f_jk"]


def test_reset_clears_every_filter_widget_and_the_url(app_env):
    at = open_page(PAGE, role="pimpinan")
    _multiselect(at, "modus").set_value(["online_scam"]).run()
    _multiselect(at, "jk").set_value(["P"]).run()
    at.sidebar.selectbox(key="w_start").set_value("2024-05").run()
    assert _query(at, "modus") == "online_scam"
    at.sidebar.button(key="f_reset").click().run()
    no_exception(at)
    for param in ("modus", "jk", "prov", "umur", "instansi"):
        assert _multiselect(at, param).value == [], f"{param} chip cleared"
        assert _query(at, param) is None
    assert _query(at, "periode") is None
    # The next change must not bring the old chip back (the browser still holds what the widget showed).
    _multiselect(at, "prov").set_value(["52"]).run()
    no_exception(at)
    assert _query(at, "prov") == "52"
    assert _query(at, "modus") is None and _query(at, "jk") is None
    assert "f_modus" not in at.session_state or not at.session_state["f_modus"]


@pytest.mark.parametrize("between", ["glosarium", "ringkasan_publik"])
def test_filters_survive_a_page_without_filters(app_env, between):
    at = open_page(PAGE, role="pimpinan")
    _multiselect(at, "modus").set_value(["online_scam"]).run()
    at.switch_page(f"app_pages/{between}.py").run()
    no_exception(at)
    at.switch_page(f"app_pages/{PAGE}.py").run()
    no_exception(at)
    assert _multiselect(at, "modus").value == ["online_scam"]
    assert _query(at, "modus") == "online_scam"


@pytest.mark.parametrize(("preset", "window", "param"), [
    ("tahun_lalu", ("2024-01", "2024-12"), "2024-01..2024-12"),
    ("tahun_berjalan", ("2025-01", "2025-07"), "2025-01..2025-07"),
    ("semua", ("2023-01", "2025-07"), "2023-01..2025-07"),
    ("12_bulan", ("2024-08", "2025-07"), None),  # the default: no parameter in the link
])
def test_period_presets_set_the_months_and_the_link(app_env, preset, window, param):
    """Relative presets beside the month pickers (issue 13); a link keeps the months, not the preset's name, so a
    copied link shows the same months after new data arrive."""
    at = open_page(PAGE, state={"f_start": "2024-02", "f_end": "2024-06"})
    presets = at.sidebar.selectbox(key="w_preset")
    assert presets.value == "atur_sendiri", "a hand-picked period reads as custom"
    presets.set_value(preset).run()
    no_exception(at)
    assert (at.session_state["f_start"], at.session_state["f_end"]) == window
    assert _query(at, "periode") == param
    assert at.sidebar.selectbox(key="w_preset").value == preset
    assert (at.sidebar.selectbox(key="w_start").value, at.sidebar.selectbox(key="w_end").value) == window


def test_custom_preset_keeps_the_months_and_english_labels(app_env):
    at = open_page(PAGE, state={"f_start": "2024-02", "f_end": "2024-06"})
    at.sidebar.selectbox(key="w_preset").set_value("atur_sendiri").run()
    assert (at.session_state["f_start"], at.session_state["f_end"]) == ("2024-02", "2024-06")
    _switch_lang(at, "en")
    assert at.sidebar.selectbox(key="w_preset").options[:2] == ["Last 12 months", "Latest data year to date"]
    assert at.sidebar.selectbox(key="w_preset").value == "atur_sendiri"
