"""The numbered defects of issue 22, each reproduced on the demo data (some with a ragged copy: August case data
while occupancy ends in July), on the figures and sentences the pages, the deck and the CLI share.

The generative test (tests/app/test_sentences.py) covers the whole filter space on a fixture; these name the
cases the issue found, so each would fail on the code before its fix."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pandas as pd
import pytest

from data_access.briefing import collect_briefing
from data_access.engine import get_engine
from data_access.indicators import connection_runner, headline_indicators
from data_access.prevention import prevention_view
from domain.filters import Filters
from tests.helpers import copy_demo

D = dt.date
DEFAULT = Filters(start=D(2024, 8, 1), end=D(2025, 7, 1))  # the pages' default window on the demo
PARAMITA = "SEN-22"


def briefing(url: str, f: Filters, lang: str = "id"):
    with get_engine(url).connect() as conn:
        return collect_briefing(f, lang, connection_runner(conn))


def said(b, key: str):
    return [s for s in b.statements if s.key == key]


@pytest.fixture(scope="module")
def august_url(demo_sqlite_url, tmp_path_factory) -> str:
    """The demo with August 2025 case data (July's rows again) while occupancy and staff end in July."""
    url = copy_demo(demo_sqlite_url, tmp_path_factory.mktemp("agustus") / "tppo.sqlite")
    con = sqlite3.connect(url.removeprefix("sqlite:///"))
    with con:
        columns = [r[1] for r in con.execute("PRAGMA table_info(kasus)") if r[1] != "id"]
        cols = ", ".join(columns)
        picked = ", ".join("'2025-08-01'" if c == "bulan" else c for c in columns)
        con.execute(f"INSERT INTO kasus ({cols}) SELECT {picked} FROM kasus WHERE bulan = '2025-07-01'")
        con.execute("UPDATE pengaturan SET nilai = 'agustus' WHERE kunci = 'data_version'")
    con.close()
    return url


# 1. "5 unit lain sempat dalam peringatan … sudah berakhir" counted units whose alert was still running.
@pytest.mark.parametrize(("f", "expected"), [(DEFAULT, 3), (Filters(), 4), (Filters(start=D(2024, 1, 1),
                                                                                     end=D(2024, 12, 1)), 1)])
def test_ended_alerts_count_only_units_no_longer_on_alert(demo_sqlite_url, f, expected):
    b = briefing(demo_sqlite_url, f)
    ended = said(b, "alert.ended")
    assert len(ended) == 1 and len(ended[0].values["units"]) == expected
    assert not set(ended[0].values["units"]) & set(b.alert_state.ongoing_units)
    assert f"{expected} unit lain sempat dalam peringatan" in ended[0].text


# 2. August case data while occupancy ends in July: "no unit above 90%" and 0 units on alert; "8 unit lain …
#    sudah berakhir"; a WISN workload window naming a month without occupancy.
def test_a_source_that_stops_earlier_is_read_to_its_last_month_and_says_so(demo_sqlite_url, august_url):
    july = briefing(demo_sqlite_url, DEFAULT)
    b = briefing(august_url, Filters(start=D(2024, 9, 1), end=D(2025, 8, 1)))
    h = b.indicators
    assert h.value("unit_peringatan") == 5 == july.indicators.value("unit_peringatan")
    assert b.alert_state.anchor == D(2025, 7, 1) and sorted(b.alert_state.ongoing_units) == sorted(
        july.alert_state.ongoing_units)
    assert not said(b, "alert.none") and len(said(b, "alert.ended")[0].values["units"]) < 8
    assert h.workload.end == D(2025, 7, 1)
    notes = {s.values["kind"]: s for s in b.coverage_notes if s.key == "cov.until"}
    assert "okupansi" in notes and "Data okupansi hanya tersedia s.d. Jul 2025" in notes["okupansi"].text
    assert "Jul 2025" in said(b, "eks.msg.capacity")[0].text


def test_summary_json_states_each_figures_coverage(august_url, monkeypatch, capsys):
    import manage

    monkeypatch.setenv("DATABASE_URL", august_url)
    assert manage.main(["summary", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    ind = out["indikator"]
    assert (out["period_start"], out["period_end"]) == ("2024-09", "2025-08")
    assert ind["unit_peringatan"]["nilai"] == 5 and ind["unit_peringatan"]["bulan"] == "2025-07"
    assert ind["unit_peringatan"]["cakupan"] == {"jenis_data": "okupansi", "data": ["2023-01", "2025-07"],
                                                 "dipakai": ["2025-07", "2025-07"], "terpotong": True,
                                                 "jendela_pendek": False, "tanpa_data": False}
    assert ind["korban_ditangani"]["cakupan"]["terpotong"] is False
    assert ind["kekurangan_staf"]["jendela_beban_kerja"] == ["2024-08", "2025-07"]


# 3. One month: "no unit on alert" while Paramita was at 114 % after 12 months above 90 %.
def test_a_one_month_window_sees_alerts_that_began_before_it(demo_sqlite_url):
    b = briefing(demo_sqlite_url, Filters(start=D(2025, 7, 1), end=D(2025, 7, 1)))
    assert PARAMITA in b.alert_state.ongoing_units and b.indicators.value("unit_peringatan") == 5
    run = b.alerts.set_index("kode_unit").loc[PARAMITA]
    assert run["mulai"] < D(2025, 7, 1) and run["jumlah_bulan"] >= 12
    assert not said(b, "alert.none")


# 4. Pencegahan: "filter … tidak berlaku" while its figures changed under them (62.3 → 13.0 under online scam).
@pytest.mark.parametrize("f", [DEFAULT.with_(modus=("online_scam",)),
                               DEFAULT.with_(jenis_kelamin=("P",), kelompok_umur=("anak",)),
                               DEFAULT.with_(instansi=("BP2MI",))])
def test_prevention_figures_do_not_move_under_filters_they_ignore(demo_conn, f):
    run = connection_runner(demo_conn)
    plain, filtered = prevention_view(DEFAULT, run), prevention_view(f, run)
    assert filtered.victims_per_placed == pytest.approx(plain.victims_per_placed)
    assert list(filtered.gap["kode"]) == list(plain.gap["kode"])
    assert (filtered.prevented, filtered.activities) == (plain.prevented, plain.activities)


# 5. The agency filter: "Korban ditangani" 0 / 0 / 0 under BP2MI in the CLI and deck, beside reintegration 887.
def test_the_agency_filter_has_one_meaning_for_victim_counts(demo_conn):
    run = connection_runner(demo_conn)
    plain, bp2mi = headline_indicators(DEFAULT, run), headline_indicators(DEFAULT.with_(instansi=("BP2MI",)), run)
    for key in ("korban_ditangani", "korban_anak", "korban_luar_negeri", "korban_reintegrasi"):
        assert bp2mi.value(key) == plain.value(key) > 0
        assert bp2mi.figures[key].ignored == ("instansi",)


# 7. "Tidak ada unit … di atas 90 %" in a province with no unit.
def test_a_province_without_a_unit_is_not_a_province_without_alerts(demo_sqlite_url):
    b = briefing(demo_sqlite_url, DEFAULT.with_(provinsi=("35",)))
    assert [s.key for s in b.alert_notes] == ["alert.no_units"]
    assert not said(b, "alert.none")


# 8. "tertinggi RPTC Bambu Apus (116 % pada Agu 2023)" while Paramita was at 113,9 % now.
def test_the_highest_unit_is_the_highest_now(demo_sqlite_url):
    message = said(briefing(demo_sqlite_url, DEFAULT), "eks.msg.capacity")[0]
    assert message.values["highest"] == PARAMITA and message.values["anchor"] == D(2025, 7, 1)
    assert "Paramita" in message.text and "114%" in message.text and "Agu 2023" not in message.text


# 9. Jawa Timur: "Tidak ada data" on Kapasitas and SDM, "Unit layanan aktif 0"; nothing named where its victims went.
def test_a_province_without_a_unit_names_the_units_that_served_its_victims(demo_sqlite_url):
    b = briefing(demo_sqlite_url, DEFAULT.with_(provinsi=("35",)))
    note = said(b, "unit.none_in")[0]
    assert note.text.startswith("Tidak ada sentra atau RPTC di Jawa Timur. Korban asal Jawa Timur pada Agu 2024 – "
                                "Jul 2025 dilayani oleh: ")
    served = {unit: n for unit, n, _km in note.values["served"]}
    assert sum(served.values()) + note.values["unrecorded"] == b.indicators.value("korban_ditangani") == 324
    assert all(km is not None and km > 0 for _unit, _n, km in note.values["served"])


# 10. "631 tersedia, 865 dibutuhkan, kekurangan 282" although 865 − 631 = 234: both, named, with the rule.
def test_the_staff_shortage_shows_its_arithmetic(demo_sqlite_url):
    b = briefing(demo_sqlite_url, DEFAULT)
    gap = b.staffing_gap
    assert (round(gap.values["gross"]), round(gap.values["required"]), round(gap.values["current"]),
            round(gap.values["net"])) == (282, 865, 631, 234)
    assert "Kekurangan bruto 282 orang" in gap.text and "dibutuhkan 865 − tersedia 631 = 234 orang" in gap.text
    assert b.indicators.value("selisih_staf_bersih") == pytest.approx(gap.values["net"])


# 11. Pencegahan crashed for Papua Pegunungan, Papua Selatan, and Papua + ABK (a month key of two types).
@pytest.mark.parametrize("f", [Filters(provinsi=("95",)), Filters(provinsi=("93",)),
                               Filters(provinsi=("91",), modus=("abk",))])
def test_papua_prevention_views_are_built(demo_conn, f):
    view = prevention_view(f, connection_runner(demo_conn))
    assert view.filters is not None and view.prevented == 0
    assert set(view.monthly.columns) >= {"bulan", "kode_prov", "dicegah", "korban"}


def test_month_keys_have_one_type_even_when_empty(demo_conn):
    from data_access.cases import query_victims_by
    from data_access.prevention import query_prevented_departures
    from domain.prevention import departures_against_victims

    stopped = query_prevented_departures(demo_conn, D(2024, 1, 1), D(2024, 12, 1), ("95",))
    victims = query_victims_by(demo_conn, Filters(provinsi=("95",)), ("bulan", "kode_prov_asal"))
    assert stopped.empty and stopped["bulan"].dtype == object and victims["bulan"].dtype == object
    assert departures_against_victims(stopped, victims).empty


def test_briefing_for_papua_and_any_input_it_cannot_serve(demo_sqlite_url, tmp_path, monkeypatch, capsys):
    import manage

    monkeypatch.setenv("DATABASE_URL", demo_sqlite_url)
    out = tmp_path / "papua.pptx"
    assert manage.main(["briefing", "--out", str(out), "--province", "95"]) == 0 and out.stat().st_size > 0

    def broken(*_args, **_kwargs):
        raise KeyError("a shape of data the deck does not expect")

    monkeypatch.setattr("exports.deck.build_deck", broken)
    assert manage.main(["briefing", "--out", str(tmp_path / "x.pptx")]) == 2
    err = capsys.readouterr().err
    assert "Paparan tidak dapat disusun untuk filter ini (KeyError)" in err and "Traceback" not in err
    assert not (tmp_path / "x.pptx").exists()


# 12. summary/briefing covered all data while the pages open on 12 months; "source": "imported" while 9 of 10 kinds
#     were demo; the prevention slide read "Pembaruan data: –".
def test_the_cli_opens_on_the_pages_window_and_names_each_kinds_origin(demo_sqlite_url, tmp_path, monkeypatch,
                                                                         capsys):
    import manage

    url = copy_demo(demo_sqlite_url, tmp_path / "imported.sqlite")
    con = sqlite3.connect(url.removeprefix("sqlite:///"))
    with con:
        con.execute("UPDATE sumber_data SET asal = 'impor' WHERE kode = 'kasus'")
    con.close()
    monkeypatch.setenv("DATABASE_URL", url)
    assert manage.main(["summary", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["period_start"], out["period_end"]) == ("2024-08", "2025-07")
    assert out["source"] == "mixed" and out["sumber_data"]["kasus"]["asal"] == "impor"
    assert out["sumber_data"]["okupansi"] == {"asal": "demo", "cakupan": ["2023-01", "2025-07"]}


def test_every_slide_carries_its_own_update_time(demo_conn):
    import io

    from pptx import Presentation

    from exports.deck import build_deck

    deck = build_deck(DEFAULT, "id", run=connection_runner(demo_conn), charts_as_images=False)
    footers = [shape.text_frame.text for slide in Presentation(io.BytesIO(deck)).slides for shape in slide.shapes
               if shape.name == "catatan"]
    assert len(footers) >= 7 and all("Pembaruan data: –" not in f and "Pembaruan data: " in f for f in footers)


# The red-team reading of the ragged demo (session note): a unit that did not report the anchor month was called
# "ended" or left out of "no unit above 90 %".
def test_a_unit_without_a_report_for_the_anchor_month_is_not_judged(demo_sqlite_url, tmp_path):
    url = copy_demo(demo_sqlite_url, tmp_path / "unreported.sqlite")
    con = sqlite3.connect(url.removeprefix("sqlite:///"))
    with con:
        con.execute("DELETE FROM okupansi WHERE kode_unit = ? AND bulan = '2025-07-01'", (PARAMITA,))
        con.execute("UPDATE pengaturan SET nilai = 'unreported' WHERE kunci = 'data_version'")
    con.close()
    ntb = briefing(url, DEFAULT.with_(provinsi=("52",)))
    keys = [s.key for s in ntb.alert_notes]
    assert keys == ["alert.unreported"] and ntb.alert_notes[0].values["units"] == [PARAMITA]
    national = briefing(url, DEFAULT)
    assert PARAMITA not in said(national, "alert.ended")[0].values["units"]
    assert PARAMITA in said(national, "alert.unreported")[0].values["units"]


def test_utilisation_compares_occupancys_own_months_and_says_which(august_url):
    b = briefing(august_url, Filters(start=D(2024, 9, 1), end=D(2025, 8, 1)))
    note = [s for s in b.coverage_notes if s.key == "cov.until"]
    compared = [s for s in b.coverage_notes if s.key == "cmp.utilisation"]
    assert note and compared
    assert compared[0].values["used"] == (D(2024, 9, 1), D(2025, 7, 1))
    assert compared[0].values["like"] == (D(2023, 9, 1), D(2024, 7, 1))
    assert pd.notna(b.indicators.figures["utilisasi"].previous)
