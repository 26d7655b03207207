"""domain.messages: key messages and headline figures are written from the frames, in both languages."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from domain import messages as m
from domain.comparison import compare_counts
from domain.filters import Filters
from domain.messages import BriefingInputs, Headline, compose_key_messages, escape_markdown, format_headline

PROV = {"52": "Nusa Tenggara Barat", "35": "Jawa Timur", "33": "Jawa Tengah"}
MODUS = {"kerja_paksa": "Kerja paksa", "online_scam": "Online scam", "bayi_anak": "Perdagangan bayi dan anak"}
JAN23, JUL25 = dt.date(2023, 1, 1), dt.date(2025, 7, 1)


def frame(column: str, values: dict) -> pd.DataFrame:
    return pd.DataFrame({column: list(values), "jumlah": list(values.values())})


@pytest.mark.parametrize(("counts", "lang", "expected"), [
    ({"52": 183, "35": 817}, "id", "Jawa Timur menyumbang 81,7% korban yang ditangani pada Jan 2023 – Jul 2025."),
    ({"52": 183, "35": 100, "33": 717}, "id",
     "Jawa Tengah menyumbang 71,7% korban yang ditangani pada Jan 2023 – Jul 2025."),
    ({"52": 600, "35": 400}, "en", "Nusa Tenggara Barat accounted for 60.0% of the victims handled in Jan 2023 – Jul 2025."),
])
def test_top_origin_message(counts, lang, expected):
    msg = m.top_origin_message(frame("kode_prov_asal", counts), PROV, JAN23, JUL25, lang)
    assert msg.text == expected


def test_top_origin_says_nothing_for_a_single_province_or_no_victims():
    assert m.top_origin_message(frame("kode_prov_asal", {"52": 10}), PROV, JAN23, JUL25) is None
    assert m.top_origin_message(frame("kode_prov_asal", {"52": 0, "35": 0}), PROV, JAN23, JUL25) is None


JAN25, JAN24, JUL24 = dt.date(2025, 1, 1), dt.date(2024, 1, 1), dt.date(2024, 7, 1)
LIKE = (JAN24, JUL24)


@pytest.mark.parametrize(("total", "previous", "expected"), [
    # 1.121 against 1.030 is +8,8% but p = 0,052: within chance, so not a rise (issue 11).
    (1121, 1030, "Korban yang ditangani relatif stabil: 1.121 pada Jan–Jul 2025 dibanding 1.030 pada Jan–Jul 2024; "
                 "selisihnya masih dalam variasi kebetulan."),
    (196, 194, "Korban yang ditangani relatif stabil: 196 pada Jan–Jul 2025 dibanding 194 pada Jan–Jul 2024; "
               "selisihnya masih dalam variasi kebetulan."),
    (900, 1200, "Korban yang ditangani turun 25,0% pada Jan–Jul 2025 dibanding Jan–Jul 2024 (900 dibanding 1.200); "
                "penurunan ini di luar variasi kebetulan."),
    (1840, 1359, "Korban yang ditangani naik 35,4% pada Jan–Jul 2025 dibanding Jan–Jul 2024 (1.840 dibanding 1.359); "
                 "kenaikan ini di luar variasi kebetulan."),
])
def test_change_message_says_rise_or_fall_only_beyond_chance(total, previous, expected):
    assert m.change_message(compare_counts(total, previous), JAN25, JUL25, LIKE).text == expected


@pytest.mark.parametrize(("total", "previous"), [(5, 7), (3, 30), (9, 0)])
def test_no_change_message_for_small_counts(total, previous):
    # "turun 28,6 % (5 dibanding 7)" was called a fall: below the minimum count nothing is said.
    assert m.change_message(compare_counts(total, previous), JAN25, JUL25, LIKE) is None


def test_no_change_message_without_a_like_window():
    assert m.change_message(None, JAN25, JUL25, LIKE) is None
    assert m.change_message(compare_counts(500, 100), JAN25, JUL25, None) is None


def rising(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["kategori", "jumlah_terkini", "jumlah_dasar", "bulan_dasar", "rata_terkini",
                                       "rata_dasar", "rasio", "p_nilai", "status"])


def test_rising_and_new_modus_messages():
    # The sentence states both counts and both windows: the rule compares the two counts (domain.comparison).
    up = m.rising_modus_message(rising([("bayi_anak", 78, 108, 12, 26.0, 9.0, 26 / 9, 0.0, "naik")]), MODUS,
                                end=JUL25)
    assert up.text == ("Perdagangan bayi dan anak meningkat: 78 korban dalam 3 bulan terakhir (Mei–Jul 2025), "
                       "rata-rata 26,0 per bulan, dibanding 108 korban dalam 12 bulan sebelumnya (Mei 2024 – Apr "
                       "2025), rata-rata 9,0 per bulan; kenaikan ini di luar variasi kebetulan.")
    assert up.values["recent"] == 78 and up.values["baseline"] == 108
    assert up.values["baseline_window"] == (dt.date(2024, 5, 1), dt.date(2025, 4, 1))
    new = m.rising_modus_message(rising([("online_scam", 4, 0, 12, 4 / 3, 0.0, float("nan"), float("nan"), "baru")]),
                                 MODUS, "en", end=JUL25)
    assert new.text == ("A new form appears: Online scam, 4 victims in the last 3 months (May–Jul 2025), none in "
                        "the 12 months before.")
    assert m.rising_modus_message(rising([("kerja_paksa", 50, 204, 12, 16.7, 17.0, 0.98, 0.6, "-")]), MODUS) is None
    # Under a single modus the Jarnas page lists it; the key message would name the filter's own modus.
    assert m.rising_modus_message(rising([("bayi_anak", 78, 108, 12, 26.0, 9.0, 26 / 9, 0.0, "naik")]), MODUS,
                                  end=JUL25, filters=Filters(modus=("bayi_anak",))) is None


def alert_state(ongoing: list[tuple], anchor=JUL25, units: int = 33):
    from data_access.indicators import AlertState
    from domain.coverage import over_period
    from domain.periods import Window

    frame_ = pd.DataFrame(ongoing, columns=["kode_unit", "mulai", "akhir", "jumlah_bulan", "utilisasi_maks",
                                            "berlangsung", "bulan_maks", "utilisasi_akhir"])
    source = over_period("okupansi", Window(JAN25, anchor), Window(JAN23, anchor))
    return AlertState(source, frame_, frame_.iloc[0:0], units)


def test_capacity_message_names_the_unit_highest_now():
    # Issue 22 item 8: "tertinggi RPTC Bambu Apus (116 % pada Agu 2023)" while Paramita was at 113,9 % now and
    # Bambu Apus at 93,9 %: the superlative names the unit highest in the anchor month, with that month's value.
    aug23 = dt.date(2023, 8, 1)
    state = alert_state([("P", JUL24, JUL25, 13, 1.139, True, JUL25, 1.139),
                         ("B", JUL24, JUL25, 13, 1.16, True, aug23, 0.939)])
    msg = m.capacity_message(state, {"P": "Sentra Paramita", "B": "RPTC Bambu Apus"})
    assert msg.values["highest"] == "P" and msg.values["highest_utilisation"] == pytest.approx(1.139)
    assert msg.values["units"] == ["P", "B"] and msg.values["anchor"] == JUL25
    assert msg.text == ("2 unit layanan terisi di atas 90% kapasitas selama sedikitnya 2 bulan berturut-turut hingga "
                        "Jul 2025; tertinggi pada Jul 2025: Sentra Paramita (114%).")
    assert m.capacity_message(None, {}) is None
    assert m.capacity_message(alert_state([]), {}) is None


def test_staffing_message_is_the_gross_shortage():
    wisn = pd.DataFrame({"kode_unit": ["A", "A", "B"], "peran": ["psikolog", "pengasuh", "pengasuh"],
                         "shortage": [-1.4, -2.0, 3.0], "kekurangan": [1.4, 2.0, 0.0]})
    msg = m.staffing_message(wisn, {"pengasuh": "Pengasuh", "psikolog": "Psikolog"})
    assert msg.values["shortage"] == pytest.approx(3.4) and msg.values["units"] == 1
    assert msg.values["role"] == "pengasuh"
    assert "bruto" in msg.text and "3 orang di 1 unit" in msg.text and msg.text.endswith("peran Pengasuh.")
    assert m.staffing_message(wisn.assign(kekurangan=0.0), {}) is None
    assert m.staffing_message(None, {}) is None
    dated = m.staffing_message(wisn, {"pengasuh": "Pengasuh"}, staff_quarter=dt.date(2024, 10, 1),
                               workload=(dt.date(2024, 1, 1), dt.date(2024, 12, 1)))
    assert dated.text.startswith("Menurut perhitungan WISN (staf Triwulan 4 2024, beban kerja Jan–Des 2024)")


def inputs(by_province: dict, total: int, previous: int | None, modus: dict, filters: Filters | None = None,
           **comparisons) -> BriefingInputs:
    compared = {"korban_ditangani": compare_counts(total, previous)} if previous is not None else {}
    compared.update({k: compare_counts(*v) for k, v in comparisons.items()})
    return BriefingInputs(
        start=JAN25, end=JUL25, total=total, previous_window=LIKE if previous is not None else None,
        comparisons=compared, by_province=frame("kode_prov_asal", by_province), by_modus=frame("modus", modus),
        by_destination=frame("kode_tujuan", {"MYS": 60, "KHM": 40}),
        by_age=frame("kelompok_umur", {"anak": 20, "dewasa": 80}),
        rising=rising([]), names={"provinsi": PROV, "modus": MODUS, "negara": {"MYS": "Malaysia"}}, filters=filters,
    )


def test_key_messages_change_when_the_data_change():
    a = compose_key_messages(inputs({"52": 700, "35": 300}, 1000, 800, {"kerja_paksa": 600, "online_scam": 400}))
    b = compose_key_messages(inputs({"52": 200, "35": 800}, 1000, 1250, {"kerja_paksa": 300, "online_scam": 700}))
    assert [x.text for x in a] != [x.text for x in b]
    assert a[0].text.startswith("Korban yang ditangani naik 25,0%") and b[0].text.startswith("Korban yang ditangani turun 20,0%")
    assert a[1].text.startswith("Nusa Tenggara Barat menyumbang 70,0%") and b[1].text.startswith("Jawa Timur menyumbang 80,0%")
    assert "Kerja paksa adalah modus terbanyak: 600 korban (60,0%)." in [x.text for x in a]
    assert "Online scam adalah modus terbanyak: 700 korban (70,0%)." in [x.text for x in b]
    assert 3 <= len(a) <= m.MAX_MESSAGES


def test_significant_moves_of_other_indicators_become_messages():
    texts = [x.text for x in compose_key_messages(inputs({"52": 700, "35": 300}, 1121, 1030, {"kerja_paksa": 600,
                                                                                              "online_scam": 400},
                                                         korban_anak=(216, 135), korban_luar_negeri=(820, 761)))]
    assert texts[0].startswith("Korban yang ditangani relatif stabil")
    assert texts[1].startswith("Korban anak naik 60,0% pada Jan–Jul 2025 dibanding Jan–Jul 2024 (216 dibanding 135)")
    assert not any(t.startswith("Korban dengan tujuan luar negeri") for t in texts)  # +7,8%: within chance


def test_no_message_the_filters_make_trivially_true():
    # Under a modus filter "modus terbanyak: 862 korban (100,0 %)" said nothing.
    one = Filters(modus=("kerja_paksa",), kelompok_umur=("anak",))
    texts = [x.text for x in compose_key_messages(inputs({"52": 700, "35": 300}, 862, None, {"kerja_paksa": 862},
                                                         filters=one))]
    assert not any("modus terbanyak" in t for t in texts)
    assert not any(t.startswith("Anak-anak mencakup") for t in texts)
    assert m.top_modus_message(frame("modus", {"kerja_paksa": 862, "online_scam": 0}), MODUS) is None


@pytest.mark.parametrize("age", [("anak",), ("dewasa",)])
def test_no_child_move_under_an_age_filter(age):
    # Issue 22 item 7: "Korban anak naik 30,5 %" under age = child repeats the change of all victims; under
    # age = adult there are no child victims to move.
    texts = [x.text for x in compose_key_messages(inputs({"52": 700, "35": 300}, 1000, 766, {"kerja_paksa": 600,
                                                                                             "online_scam": 400},
                                                         filters=Filters(kelompok_umur=age),
                                                         korban_anak=(1000, 766)))]
    assert texts[0].startswith("Korban yang ditangani naik 30,5%")
    assert not any(t.startswith("Korban anak") for t in texts)


def test_key_messages_in_english_follow_the_catalogue():
    texts = [x.text for x in compose_key_messages(inputs({"52": 700, "35": 300}, 1000, 800, {"kerja_paksa": 1}), "en")]
    assert texts[0] == ("Victims handled rose by 25.0% in Jan–Jul 2025 against Jan–Jul 2024 (1,000 against 800); the "
                        "rise is beyond chance variation.")
    assert texts[1].startswith("Nusa Tenggara Barat accounted for 70.0%")


@pytest.mark.parametrize(("headline", "lang", "expected"), [
    (Headline("k", 4320, None), "id", ("4.320", None)),
    (Headline("k", 1121, 1030), "id", ("1.121", "+8,8%")),
    (Headline("k", 1121, 1030, status="stabil"), "id", ("1.121", "+8,8% · relatif stabil")),
    (Headline("k", 216, 135, status="naik"), "en", ("216", "+60.0% · up")),
    (Headline("k", 900, 1000), "en", ("900", "−10.0%")),
    (Headline("k", 0.726, 0.727, kind="pct"), "id", ("72,6%", "−0,1 poin persen")),
    (Headline("k", None, 5), "id", ("tidak ada data", None)),
    (Headline("k", None, kind="text", text="31 sentra · 2 RPTC"), "id", ("31 sentra · 2 RPTC", None)),
    # Issue 22 item 7: "27 ↑ +440,0 % · angka terlalu kecil" put a percentage beside "too few to compare".
    (Headline("k", 27, 5, status="sedikit"), "id", ("27", "angka terlalu kecil untuk dibandingkan")),
    (Headline("k", 27, 5, status="sedikit"), "en", ("27", "too few to compare")),
])
def test_format_headline(headline, lang, expected):
    assert format_headline(headline, lang) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Sentra *Paramita*", "Sentra \\*Paramita\\*"),
    ("1.121 korban (8,8%)", "1.121 korban (8,8%)"),
    ("biaya $5 [link](x)", "biaya \\$5 \\[link\\](x)"),
])
def test_escape_markdown(text, expected):
    assert escape_markdown(text) == expected
