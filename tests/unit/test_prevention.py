"""The prevention priority rule (domain.prevention), table-driven against hand-ranked cases."""

from __future__ import annotations

import datetime as dt

import math

import pandas as pd
import pytest

from domain.prevention import (
    GROUP_NO_PREVENTION, GROUP_OTHER, GROUP_RISING, departures_against_victims, per_placed, priority_areas,
)

REGIONS = pd.DataFrame({
    "kode": ["52", "52.01", "52.02", "52.03", "52.04", "52.05", "35.08"],
    "nama": ["NTB", "A", "B", "C", "D", "E", "F"],
    "kode_prov": ["52", "52", "52", "52", "52", "52", "35"],
})


def frame(rows: dict[str, int], column: str = "jumlah") -> pd.DataFrame:
    return pd.DataFrame({"kode": list(rows), column: list(rows.values())})


def activities(rows: dict[str, int]) -> pd.DataFrame:
    return pd.DataFrame({"kode": list(rows), "kegiatan": list(rows.values()),
                         "peserta": [10 * v for v in rows.values()]})


CASES = [
    # id, victims 12 months, victims the 12 months before, activities, expected order of codes, expected groups
    ("no_prevention_first", {"52.01": 2, "52.02": 30}, {"52.01": 2, "52.02": 30}, {"52.02": 1},
     ["52.01", "52.02"], [GROUP_NO_PREVENTION, GROUP_OTHER]),
    ("rising_before_stable", {"52.01": 60, "52.02": 50}, {"52.01": 30, "52.02": 60}, {"52.01": 5, "52.02": 1},
     ["52.01", "52.02"], [GROUP_RISING, GROUP_OTHER]),
    # The named defect: 1 → 5 (or 1 → 2) was "korban naik". Below MIN_COUNT in a window, no rise can be told.
    ("small_counts_are_not_a_rise", {"52.01": 5, "52.02": 2}, {"52.01": 1, "52.02": 1}, {"52.01": 1, "52.02": 1},
     ["52.01", "52.02"], [GROUP_OTHER, GROUP_OTHER]),
    # 22 against 18 is within chance (p ≈ 0.64): not a rise, though larger than before.
    ("rise_within_chance_is_not_a_rise", {"52.01": 22, "52.02": 40}, {"52.01": 18, "52.02": 15},
     {"52.01": 1, "52.02": 4}, ["52.02", "52.01"], [GROUP_RISING, GROUP_OTHER]),
    ("victims_per_activity_within_group", {"52.01": 40, "52.02": 40, "52.03": 16},
     {"52.01": 10, "52.02": 10, "52.03": 3}, {"52.01": 5, "52.02": 1, "52.03": 1},
     ["52.02", "52.01", "52.03"], [GROUP_RISING, GROUP_RISING, GROUP_OTHER]),
    ("victims_per_activity_within_other", {"52.01": 10, "52.02": 10, "52.03": 4},
     {}, {"52.01": 5, "52.02": 1, "52.03": 1},
     ["52.02", "52.03", "52.01"], [GROUP_OTHER] * 3),
    ("no_prevention_by_victims_then_code", {"52.01": 3, "52.02": 7, "52.03": 3}, {}, {},
     ["52.02", "52.01", "52.03"], [GROUP_NO_PREVENTION] * 3),
    ("no_victims_not_listed", {"52.01": 0, "52.04": 1}, {"52.05": 9}, {"52.04": 1}, ["52.04"], [GROUP_OTHER]),
    ("province_only_victims_not_listed", {"52": 40, "35.08": 1}, {}, {"35.08": 2}, ["35.08"], [GROUP_OTHER]),
    ("nothing", {}, {}, {"52.01": 3}, [], []),
]


@pytest.mark.parametrize(("now", "before", "done", "order", "groups"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_priority_rule(now, before, done, order, groups):
    out = priority_areas(REGIONS, frame(now), frame(before), activities(done))
    assert out["kode"].tolist() == order
    assert out["kelompok"].tolist() == groups
    assert out["urutan"].tolist() == list(range(1, len(order) + 1))


def test_priority_columns_carry_the_evidence():
    out = priority_areas(REGIONS, frame({"52.01": 6, "52.02": 4}), frame({"52.01": 2}), activities({"52.02": 2}),
                         frame({"52.01": 3000}))
    first, second = out.iloc[0], out.iloc[1]
    assert (first["kode"], first["selisih"], first["kegiatan_12"], first["peserta_12"]) == ("52.01", 4, 0, 0)
    assert math.isnan(first["korban_per_kegiatan"]), "no activity: no ratio, not infinity"
    assert first["korban_per_10rb_pmi"] == pytest.approx(20.0)  # 6 / 3,000 × 10,000
    assert second["korban_per_kegiatan"] == pytest.approx(2.0) and pd.isna(second["korban_per_10rb_pmi"])


@pytest.mark.parametrize(("victims", "placed", "expected"), [
    (6, 3000, 20.0), (0, 5000, 0.0), (188, 33949, 55.37718342219211), (5, 0, None), (5, None, None),
    (5, float("nan"), None), (None, 100, None),
])
def test_victims_per_10000_placed(victims, placed, expected):
    got = per_placed(victims, placed)
    assert got == (pytest.approx(expected) if expected is not None else None)


def test_departures_against_victims_fills_missing_months_with_zero():
    prevented = pd.DataFrame({"bulan": ["2024-01", "2024-02"], "kode_provinsi": ["36", "52"], "jumlah": [330, 20]})
    victims = pd.DataFrame({"bulan": ["2024-01", "2024-02"], "kode_prov_asal": ["52", "52"], "jumlah": [7, 3]})
    out = departures_against_victims(prevented, victims)
    assert out.to_dict("records") == [
        {"bulan": "2024-01", "kode_prov": "36", "dicegah": 330, "korban": 0},
        {"bulan": "2024-01", "kode_prov": "52", "dicegah": 0, "korban": 7},
        {"bulan": "2024-02", "kode_prov": "52", "dicegah": 20, "korban": 3},
    ]


def test_the_views_national_figures_are_computed_once_for_page_section_and_slide():
    """Victims per 10.000 placed and the activity count over all provinces shown (PreventionView), not per caller."""
    from data_access.prevention import PreventionView

    from domain.coverage import at_end
    from domain.periods import Window

    window = Window(dt.date(2024, 1, 1), dt.date(2024, 12, 1))
    covered = at_end("kegiatan_pencegahan", window, window, months=12)
    provinces = pd.DataFrame({"korban_tahun": [30, 10], "pmi": [30_000, 10_000], "kegiatan_12": [4, 0]})
    view = PreventionView(filters=None, provinces=provinces, activities_source=covered)
    assert view.victims_per_placed == pytest.approx(10.0) and view.activities == 4
    empty = PreventionView(filters=None, activities_source=covered)
    assert empty.victims_per_placed is None and empty.activities == 0
    # Without activity reports for the period the count is unknown, not 0 (issue 22: never a 0 for no data).
    assert PreventionView(filters=None, provinces=provinces,
                          activities_source=at_end("kegiatan_pencegahan", window, None, months=12)).activities is None
    none_placed = PreventionView(filters=None, provinces=provinces.assign(pmi=0))
    assert none_placed.victims_per_placed is None


def test_victims_per_placed_is_a_float_column_even_without_any_placement():
    """Pencegahan crashed for DKI Jakarta, whose kab/kota have no placements: a column of None could not be rounded."""
    out = priority_areas(REGIONS, frame({"52.01": 6, "52.02": 4}), frame({}), activities({}), frame({"35.08": 10}))
    assert out["korban_per_10rb_pmi"].dtype == float and out["korban_per_10rb_pmi"].isna().all()
    assert out["korban_per_10rb_pmi"].round(1).isna().all()


def test_a_shorter_window_before_compares_monthly_rates():
    """The data may begin later than the 12 months before the window: the rise compares monthly rates (60 in 12
    months against 10 in 2 is the same rate), and with no month before it no rise is judged at all."""
    same_rate = priority_areas(REGIONS, frame({"52.01": 60}), frame({"52.01": 10}), activities({"52.01": 1}),
                               months=(12, 2))
    assert same_rate["kelompok"].tolist() == [GROUP_OTHER] and pd.isna(same_rate["selisih"].iloc[0])
    halved = priority_areas(REGIONS, frame({"52.01": 30}), frame({"52.01": 10}), activities({"52.01": 1}),
                            months=(12, 3))
    assert halved["kelompok"].tolist() == [GROUP_OTHER]  # 2.5 a month against 3.3: not a rise
    tripled = priority_areas(REGIONS, frame({"52.01": 90}), frame({"52.01": 10}), activities({"52.01": 1}),
                             months=(12, 4))
    assert tripled["kelompok"].tolist() == [GROUP_RISING]
    unknown = priority_areas(REGIONS, frame({"52.01": 90}), frame({}), activities({"52.01": 1}), months=(3, 0))
    assert unknown["kelompok"].tolist() == [GROUP_OTHER]


def test_departures_and_victims_are_two_aligned_panels_not_two_y_axes():
    """Issue 25: victims were drawn as a line over the bars on a second y axis."""
    from builders.prevention_charts import make_departures_vs_victims

    monthly = pd.DataFrame({"bulan": ["2025-01", "2025-02", "2025-03"], "dicegah": [40, 55, 30],
                            "korban": [3, 5, 2]})
    fig = make_departures_vs_victims(monthly, title="T", prevented_label="Dicegah", victims_label="Korban",
                                     empty_message="-")
    layout = fig.to_plotly_json()["layout"]
    assert not any(axis.get("overlaying") for name, axis in layout.items() if name.startswith("yaxis"))
    bar, line = fig.data
    assert (bar.type, line.type) == ("bar", "scatter") and bar.yaxis != line.yaxis and bar.xaxis != line.xaxis
    assert layout["xaxis"]["matches"] == "x2" or layout["xaxis2"].get("matches") == "x"  # one month axis
    assert [a["text"] for a in layout["annotations"]] == ["Dicegah", "Korban"]
