"""One value per indicator, everywhere: for a table of filter states, `manage.py summary --json`, the slide deck,
the executive page, the capacity page, the staffing page and the headline download agree, on SQLite and
PostgreSQL (issue 11). Before the indicator layer the alert count differed (7 against 5) and the staff shortage
differed (285 against 289) between pages."""

from __future__ import annotations

import datetime as dt
import io
import json

import pandas as pd
import pytest

from data_access.indicators import connection_runner
from domain.filters import Filters, for_year
from domain.formatting import fmt_int, fmt_pct
from exports.deck import build_deck, headline_texts
from tests.helpers import no_exception, open_page

D = dt.date
STATES = {
    "semua": Filters(),
    "2024": for_year(2024),
    "2025": for_year(2025),  # the data end in July: clamped to Jan–Jul 2025
    "ntb_jatim_2025": Filters(start=D(2025, 1, 1), end=D(2025, 7, 1), provinsi=("52", "35")),
    "scam_laki_2024": for_year(2024).with_(modus=("online_scam",), jenis_kelamin=("L",)),
    "anak_kemensos": Filters(kelompok_umur=("anak",), instansi=("KEMENSOS",)),
    "bp2mi": Filters(instansi=("BP2MI",)),  # victims are not counted by reporting agency: the same as no filter
    "jabar_6bulan": Filters(start=D(2024, 2, 1), end=D(2024, 7, 1), provinsi=("32",)),
}


def cli_args(f: Filters) -> list[str]:
    args = [] if f.start or f.end else ["--semua"]  # without a period the CLI opens on the pages' 12 months
    if f.start:
        args += ["--start", f"{f.start:%Y-%m}"]
    if f.end:
        args += ["--end", f"{f.end:%Y-%m}"]
    for option, values in (("--province", f.provinsi), ("--modus", f.modus), ("--sex", f.jenis_kelamin),
                           ("--age", f.kelompok_umur), ("--agency", f.instansi)):
        for v in values:
            args += [option, v]
    return args


def summary_json(url: str, f: Filters, monkeypatch, capsys) -> dict:
    import manage

    monkeypatch.setenv("DATABASE_URL", url)
    assert manage.main(["summary", "--json", *cli_args(f)]) == 0
    return json.loads(capsys.readouterr().out)


def page_state(f: Filters) -> dict:
    state = {"f_start": f"{f.start:%Y-%m}" if f.start else None, "f_end": f"{f.end:%Y-%m}" if f.end else None,
             "f_prov": list(f.provinsi), "f_modus": list(f.modus), "f_jk": list(f.jenis_kelamin),
             "f_umur": list(f.kelompok_umur), "f_instansi": list(f.instansi)}
    return {k: v for k, v in state.items() if v}


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


@pytest.mark.parametrize("state", list(STATES))
def test_cli_and_deck_agree(demo_url, demo_conn, state, monkeypatch, capsys):
    f = STATES[state]
    summary = summary_json(demo_url, f, monkeypatch, capsys)
    ind = summary["indikator"]
    assert summary["victims_total"] == ind["korban_ditangani"]["nilai"]
    deck = headline_texts(build_deck(f, "id", run=connection_runner(demo_conn), charts_as_images=False))
    assert deck["eks.kpi.total"] == fmt_int(ind["korban_ditangani"]["nilai"])
    assert deck["eks.kpi.children"] == fmt_int(ind["korban_anak"]["nilai"])
    assert deck["eks.kpi.abroad"] == fmt_int(ind["korban_luar_negeri"]["nilai"])
    assert deck["eks.kpi.reintegrated"] == fmt_int(ind["korban_reintegrasi"]["nilai"])
    assert deck["kap.kpi.alert_units"] == fmt_int(ind["unit_peringatan"]["nilai"])
    shortage = ind["kekurangan_staf"]["nilai"]
    assert deck["sdm.kpi.shortage"] == (fmt_int(shortage) if shortage is not None else "tidak ada data")
    utilisation = ind["utilisasi"]["nilai"]
    assert deck["eks.kpi.utilisation"] == (fmt_pct(utilisation) if utilisation is not None else "tidak ada data")


# The pages are slower (AppTest, ~10 s a state): the states that differed before on SQLite, one on PostgreSQL.
PAGE_CASES = [("sqlite", s) for s in ("semua", "2024", "ntb_jatim_2025", "scam_laki_2024", "jabar_6bulan")] + [
    ("postgresql", "2025")]


@pytest.fixture()
def backend_url(request, demo_sqlite_url, tmp_path_factory):
    if request.param == "sqlite":
        return demo_sqlite_url
    from tests.conftest import PG_URL

    if not PG_URL:
        pytest.skip("TEST_DATABASE_URL not set")
    return request.getfixturevalue("demo_pg_url")


@pytest.mark.parametrize(("backend_url", "state"), PAGE_CASES, indirect=["backend_url"])
def test_pages_agree_with_the_cli(backend_url, state, monkeypatch, capsys):
    import streamlit as st

    f = STATES[state]
    summary = summary_json(backend_url, f, monkeypatch, capsys)
    ind = summary["indikator"]
    st.cache_data.clear()
    from data_access.caching import clear_caches
    clear_caches()  # the shared query results are not Streamlit's
    clamped = Filters(start=dt.date.fromisoformat(summary["period_start"] + "-01"),
                      end=dt.date.fromisoformat(summary["period_end"] + "-01"))
    state_values = page_state(f.with_(start=clamped.start, end=clamped.end))

    at = open_page("ringkasan_eksekutif", state=state_values)
    no_exception(at)
    assert metric(at, "Korban ditangani") == fmt_int(ind["korban_ditangani"]["nilai"])
    assert metric(at, "Korban anak") == fmt_int(ind["korban_anak"]["nilai"])
    assert metric(at, "Reintegrasi") == fmt_int(ind["korban_reintegrasi"]["nilai"])
    headline = next(b for b in at.get("download_button") if b.proto.label == "Unduh CSV")
    assert headline is not None

    at = open_page("kapasitas_sentra", state=state_values)
    no_exception(at)
    if ind["utilisasi"]["nilai"] is not None:
        assert metric(at, "Unit dalam peringatan") == fmt_int(ind["unit_peringatan"]["nilai"])
        assert metric(at, "Utilisasi rata-rata") == fmt_pct(ind["utilisasi"]["nilai"])

    at = open_page("kesenjangan_sdm", state=state_values)
    no_exception(at)
    if ind["kekurangan_staf"]["nilai"] is not None:
        assert metric(at, "Kekurangan staf (bruto)") == fmt_int(ind["kekurangan_staf"]["nilai"])
        assert metric(at, "Selisih bersih (dibutuhkan − tersedia)") == fmt_int(ind["selisih_staf_bersih"]["nilai"])


def test_briefing_2025_compares_like_months_and_names_no_month_without_data(demo_conn):
    """`briefing --year 2025` said victims fell 39,1% (Jan–Jul 2025 against all of 2024) under a title
    "Jan 2025 – Des 2025"; the data end in July 2025."""
    from pptx import Presentation

    deck = build_deck(for_year(2025), "id", run=connection_runner(demo_conn), charts_as_images=False)
    slides = ["\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
              for slide in Presentation(io.BytesIO(deck)).slides]
    # The projection slide (issue 27) names the months ahead on purpose, as a projection, never as data.
    projected = [t for t in slides if "proyeksi, bukan target" in t.lower()]
    assert len(projected) == 1 and "Agu 2025 – Jul 2026" in projected[0]
    text = "\n".join(t for t in slides if t not in projected)
    assert "Jan–Jul 2025" in text and "Jan–Jul 2024" in text
    for month in ("Agu 2025", "Sep 2025", "Okt 2025", "Nov 2025", "Des 2025", "Jan–Des 2025"):
        assert month not in text
    assert "turun 39,1%" not in text and "39,1" not in text


def test_headline_download_is_numeric(demo_conn):
    from data_access.briefing import collect_briefing
    from exports.indicator_tables import headline_frame
    from exports.tables import to_xlsx_bytes

    b = collect_briefing(for_year(2025), "id", connection_runner(demo_conn))
    frame = headline_frame(b)
    values = frame.set_index("Kunci")["Nilai"]
    assert values["korban_ditangani"] == b.indicators.value("korban_ditangani")
    assert isinstance(values["korban_ditangani"], (int, float))
    sheet = pd.read_excel(io.BytesIO(to_xlsx_bytes(frame, "angka_utama")), sheet_name="angka_utama")
    assert pd.api.types.is_numeric_dtype(sheet["Nilai"]) and pd.api.types.is_numeric_dtype(sheet["Perubahan (proporsi)"])
