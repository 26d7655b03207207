"""Ringkasan Eksekutif: headline figures with the year-earlier change, key messages, alerts, presentation mode,
downloads and the slide deck."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from pptx import Presentation

from data_access.engine import get_engine
from data_access.summary import query_summary
from domain.filters import Filters
from domain.formatting import fmt_change, fmt_int
from tests.helpers import no_exception, open_page, texts

PAGE = "ringkasan_eksekutif"
Y2025 = {"f_start": "2025-01", "f_end": "2025-07"}
ALL = {"f_start": "2023-01", "f_end": "2025-07"}  # every month of the demo data


def metrics(at) -> dict[str, tuple[str, str | None]]:
    return {m.label: (m.value, m.proto.delta or None) for m in at.metric}


def test_headline_figures_key_messages_and_alerts(app_env):
    at = open_page(PAGE, role="pimpinan", state=ALL)
    no_exception(at)
    shown = metrics(at)
    assert list(shown)[:6] == ["Korban ditangani", "Korban anak", "Tujuan luar negeri", "Reintegrasi",
                               "Utilisasi sentra & RPTC", "Unit layanan aktif"]
    assert shown["Korban ditangani"] == ("4.320", None)  # the whole range has no complete year before it
    assert shown["Unit layanan aktif"] == ("33", "31 sentra · 2 RPTC")  # a short value: not cut at 1366 px
    body = texts(at)
    assert "DATA CONTOH (sintetis)" in body
    assert "Tidak ada perbandingan: data tidak mencakup bulan yang sama setahun sebelumnya." in body
    assert "Nusa Tenggara Barat menyumbang 18,3% korban yang ditangani pada Jan 2023 – Jul 2025." in body
    assert "Perdagangan bayi dan anak meningkat" in body
    assert "Sumber: Kemensos (sentra & RPTC) · Periode: Jan 2023 – Jul 2025" in body
    assert len(at.dataframe) >= 2, "capacity and SDM alert tables"


def test_change_against_the_same_period_a_year_earlier(app_env):
    at = open_page(PAGE, state=Y2025)
    no_exception(at)
    shown = metrics(at)
    # +8,8% is within chance (p ≈ 0,052): the delta says so and no sentence calls it a rise (issue 11).
    assert shown["Korban ditangani"] == ("1.121", "+8,8% · relatif stabil")
    assert shown["Korban anak"] == ("216", "+60,0% · naik")
    assert shown["Reintegrasi"] == ("399", None), "reintegration lags: not compared this close to the data's end"
    assert shown["Utilisasi sentra & RPTC"][1].endswith("poin persen")
    body = texts(at)
    assert "Perubahan dibanding periode yang sama tahun sebelumnya (Jan–Jul 2024)." in body
    assert "Korban yang direintegrasikan tidak dibandingkan" in body
    assert "Korban yang ditangani relatif stabil: 1.121 pada Jan–Jul 2025 dibanding 1.030 pada Jan–Jul 2024" in body
    assert "Korban anak naik 60,0% pada Jan–Jul 2025 dibanding Jan–Jul 2024 (216 dibanding 135)" in body
    assert "naik 8,8%" not in body


def test_english(app_env):
    at = open_page(PAGE, state={**Y2025, "lang": "en"})
    no_exception(at)
    assert metrics(at)["Victims handled"] == ("1,121", "+8.8% · broadly stable")
    assert "Victims handled: broadly stable, 1,121 in Jan–Jul 2025 against 1,030 in Jan–Jul 2024" in texts(at)
    # Issue 13 item 8: the map legend and tooltip and the bar charts' axis were Indonesian in the English view.
    script = json.loads(at.get("component_instance")[0].proto.json_args)["script"]
    assert "Number of victims" in script and '"Area"' in script
    assert "Jumlah korban" not in script and "Wilayah" not in script
    axes = [json.loads(c.proto.spec)["layout"]["xaxis"]["title"]["text"] for c in at.get("plotly_chart")]
    assert axes[:2] == ["Victims", "Victims"]
    assert all("locale" not in json.loads(c.proto.config) for c in at.get("plotly_chart"))


def test_chart_toolbar_speaks_indonesian(app_env):
    """Issue 25: the modebar said "Download plot as a PNG", "Zoom", "Autoscale" on Indonesian pages."""
    at = open_page(PAGE, state=Y2025)
    charts = at.get("plotly_chart")
    assert charts
    for chart in charts:
        config = json.loads(chart.proto.config)
        assert config["locale"] == "id"
        assert config["locales"]["id"]["dictionary"]["Download plot as a PNG"] == "Unduh grafik sebagai PNG"


def test_every_table_has_csv_and_xlsx_downloads(app_env):
    at = open_page(PAGE)
    buttons = [b for b in at.get("download_button")]
    labels = [b.proto.label for b in buttons]
    assert labels.count("Unduh CSV") >= 6 and labels.count("Unduh Excel") == labels.count("Unduh CSV")


def test_presentation_mode_hides_the_sidebar_and_has_a_way_back(app_env):
    at = open_page(PAGE, state=Y2025)
    assert at.sidebar.multiselect
    at.button(key="eks_present_on").click().run()
    no_exception(at)
    assert at.query_params["present"] in ("1", ["1"])
    assert not at.sidebar.selectbox and not at.sidebar.multiselect and not at.sidebar.radio
    assert metrics(at)["Korban ditangani"] == ("1.121", "+8,8% · relatif stabil"), "the same filters in force"
    assert not at.get("download_button"), "no clutter on the projector"
    at.button(key="eks_present_off").click().run()
    no_exception(at)
    assert "present" not in at.query_params
    assert at.sidebar.multiselect, "the sidebar is back"


def test_opening_a_presentation_link(app_env):
    at = open_page(PAGE, query={"present": "1"})
    no_exception(at)
    assert not at.sidebar.selectbox and not at.sidebar.multiselect and not at.sidebar.page_link
    assert at.button(key="eks_present_off")
    # The projector's first screen says better or worse: the last 12 months against the 12 before (issue 13).
    assert metrics(at)["Korban ditangani"] == ("1.931", "+10,5% · naik")


@pytest.mark.slow
def test_slide_deck_is_built_on_click(app_env):
    at = open_page(PAGE, state=Y2025, timeout=300)
    assert not [b for b in at.get("download_button") if b.proto.label == "Unduh paparan (PPTX)"]
    at.button(key="eks_deck_build").click().run(timeout=300)
    no_exception(at)
    assert not at.error
    deck = at.session_state["eks_deck"][1]
    prs = Presentation(io.BytesIO(deck))
    assert len(prs.slides) >= 6
    assert [b for b in at.get("download_button") if b.proto.label == "Unduh paparan (PPTX)"]
    # Issue 25: the PDF came only from the command line; now from the page too, of the same deck.
    assert not [b for b in at.get("download_button") if b.proto.label == "Unduh paparan (PDF)"]
    at.button(key="eks_deck_pdf_build").click().run(timeout=300)
    no_exception(at)
    assert not at.error
    key, pdf = at.session_state["eks_deck_pdf"]
    assert key == at.session_state["eks_deck"][0] and pdf.startswith(b"%PDF")
    assert [b for b in at.get("download_button") if b.proto.label == "Unduh paparan (PDF)"]


def test_page_script_alone_requires_login(app_env):
    """A deep link that reaches the page file without app.py (Streamlit's pages/ auto-discovery) shows nothing."""
    from streamlit.testing.v1 import AppTest

    from tests.helpers import PROJECT

    at = AppTest.from_file(str(PROJECT / "app_pages" / "ringkasan_eksekutif.py"), default_timeout=90).run()
    no_exception(at)
    assert "hanya untuk pengguna yang masuk" in texts(at)
    assert not at.metric and not at.dataframe and not at.get("plotly_chart")


def test_first_screen_compares_the_last_12_months_with_the_year_before(app_env, demo_sqlite_url):
    """Issue 13 item 5: the first screen showed everything since Jan 2023, which has no year before it, so it could
    not say better or worse. A visit now starts with the last 12 months with data, compared like for like."""
    at = open_page(PAGE)
    no_exception(at)
    with get_engine(demo_sqlite_url).connect() as conn:
        now = query_summary(conn, Filters(start=dt.date(2024, 8, 1), end=dt.date(2025, 7, 1)))["victims_total"]
        before = query_summary(conn, Filters(start=dt.date(2023, 8, 1), end=dt.date(2024, 7, 1)))["victims_total"]
    value, delta = metrics(at)["Korban ditangani"]
    assert value == fmt_int(now) and delta.startswith(fmt_change((now - before) / before)) and delta.endswith("naik")
    body = texts(at)
    assert "Perubahan dibanding periode yang sama tahun sebelumnya (Agu 2023 – Jul 2024)." in body
    assert "Sumber: Kemensos (sentra & RPTC) · Periode: Agu 2024 – Jul 2025" in body
    assert not [b for b in at.button if b.key == "eks_like_window"], "nothing to offer: it already compares"
    assert "periode" not in at.query_params, "the default needs no parameter"


def test_whole_range_offers_a_like_window(app_env):
    """All data (Jan 2023 onwards) has no year before it: one click shows better or worse."""
    at = open_page(PAGE, state=ALL)
    no_exception(at)
    assert metrics(at)["Korban ditangani"] == ("4.320", None)
    button = at.button(key="eks_like_window")
    assert button.label == "Bandingkan Jan–Jul 2025 dengan Jan–Jul 2024"
    button.click().run()
    no_exception(at)
    assert metrics(at)["Korban ditangani"] == ("1.121", "+8,8% · relatif stabil")
    assert at.query_params["periode"] in ("2025-01..2025-07", ["2025-01..2025-07"])


def test_filters_that_do_not_apply_say_so(app_env):
    """Jawa Timur showed "31 sentra · 2 RPTC" beside utilisation "tidak ada data": units are counted where they are."""
    at = open_page(PAGE, state={**Y2025, "f_prov": ["35"], "f_modus": ["online_scam"]})
    no_exception(at)
    shown = metrics(at)
    assert shown["Unit layanan aktif"] == ("0", "0 sentra · 0 RPTC")
    body = texts(at)
    assert "filter provinsi = provinsi lokasi unit" in body
    assert "Filter modus tidak berlaku untuk angka ini." in body


@pytest.mark.parametrize(("lang", "label", "sentence"), [
    ("id", "Kab/kota dengan korban tanpa pencegahan", "keberangkatan nonprosedural dicegah pada Agu 2024 – Jul 2025"),
    ("en", "Regencies/cities with victims and no prevention", "Irregular departures prevented in Aug 2024 – Jul 2025"),
])
def test_prevention_section(app_env, lang, label, sentence):
    """Issue 15 item 5: the prevented departures and the reach gap, the first gap named."""
    at = open_page(PAGE, role="pimpinan", state={"lang": lang})
    no_exception(at)
    shown = metrics(at)
    assert int(shown[label][0]) > 0
    body = texts(at)
    assert sentence in body and "Timor Tengah Utara" in body


def test_first_screen_answers_where_which_units_and_what_to_do(app_env):
    """Issue 25: the figures carry a 24-month sparkline, and the first screen names the provinces (by victims and
    by change), the units on alert with their occupancy, and the first item of each action list."""
    at = open_page(PAGE, role="pimpinan", state={"f_start": "2024-08", "f_end": "2025-07"})
    no_exception(at)
    charts = {m.label: list(m.proto.chart_data) for m in at.metric}
    assert len(charts["Korban ditangani"]) == 24 and len(charts["Utilisasi sentra & RPTC"]) >= 12
    assert not charts["Unit layanan aktif"], "a count of units has no monthly line"
    said = {s.key: s for s in at.session_state["_said"]}
    for key in ("eks.where.top", "eks.where.change", "eks.units.alert", "eks.todo.referral"):
        assert key in said, (key, sorted(said))
    assert any(k.startswith("eks.todo.watch.") for k in said) and any(k.startswith("eks.todo.late") for k in said)
    body = texts(at)
    assert "Asal korban terbanyak (Agu 2024 – Jul 2025): Nusa Tenggara Barat 416" in body
    assert 'Sentra "Paramita" 114%' in body
    links = [e.proto for e in at.get("page_link")]
    assert any(p.label == "Buka Daftar Tindakan" and "daftar-tindakan" in p.page for p in links), links


def test_wisn_table_fits_half_a_1366_px_page(app_env):
    """Issue 25: at 1366 px the executive WISN table hid "Kekurangan" and "Rasio" past its right edge. Every
    column has a width, they add up to the half page (~490 px), each header fits its width (full label as help)."""
    at = open_page(PAGE, state=Y2025)
    table = next(d for d in at.dataframe if "Peran" in d.value.columns)
    config = {c: spec for c, spec in json.loads(table.proto.columns).items() if c != "_index"}
    assert set(config) == set(table.value.columns)
    assert sum(spec["width"] for spec in config.values()) <= 490, config
    for column, spec in config.items():
        assert len(spec["label"]) * 7 + 22 <= spec["width"], (column, spec)
        assert spec.get("help", column) == column
