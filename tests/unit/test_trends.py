"""domain.trends: month arithmetic, the new/rising modus rule (the dashboard's one two-count rule), year-on-year
coverage."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest
from scipy.stats import binomtest

from domain import trends
from domain.trends import add_months, detect_rising, month_range, year_earlier_covered

D = dt.date


@pytest.mark.parametrize(("start", "n", "expected"), [
    (D(2025, 1, 1), 1, D(2025, 2, 1)),
    (D(2025, 12, 1), 1, D(2026, 1, 1)),
    (D(2025, 3, 15), -3, D(2024, 12, 1)),
    (D(2025, 1, 1), -12, D(2024, 1, 1)),
    (D(2025, 7, 1), 0, D(2025, 7, 1)),
])
def test_add_months(start, n, expected):
    assert add_months(start, n) == expected


@pytest.mark.parametrize(("start", "end", "count"), [
    (D(2024, 11, 1), D(2025, 2, 1), 4), (D(2025, 1, 1), D(2025, 1, 1), 1), (D(2025, 2, 1), D(2025, 1, 1), 0),
])
def test_month_range(start, end, count):
    months = month_range(start, end)
    assert len(months) == count
    if months:
        assert months[0] == start and months[-1] == end


def series(modus: str, counts: list[int], start: dt.date = D(2024, 1, 1)) -> pd.DataFrame:
    return pd.DataFrame({"bulan": [add_months(start, i) for i in range(len(counts))], "modus": modus, "jumlah": counts})


def status_of(df: pd.DataFrame, code: str, **kwargs) -> str:
    out = detect_rising(df, **kwargs)
    return out.set_index("kategori").loc[code, "status"]


# 12 baseline months then 3 recent months (Jan 2024 – Mar 2025). The rule is domain.comparison's: both counts at
# least 10 and the exact two-count test (recent share 3/15 under no change) two-sided p < 0.05.
@pytest.mark.parametrize(("counts", "expected", "why"), [
    ([10] * 12 + [20, 20, 20], "naik", "60 against 120: twice the monthly rate, p = 3e-5"),
    ([10] * 12 + [12, 12, 13], "-", "37 against 120: p = 0.27, chance"),
    ([2] * 12 + [3, 3, 3], "-", "9 victims now (< 10): too few to judge"),
    ([3] * 12 + [4, 4, 4], "-", "12 against 36: p = 0.37, chance"),
    # Issue 22 item 6: ABK 2024, 35 in 3 months against 101 in 12. The old one-sample test treated the baseline as
    # a known rate and called it a rise (p = 0.038); as two counts it is within chance (p = 0.107, 0.062 one-sided).
    ([8] * 7 + [9] * 5 + [12, 12, 11], "-", "35 against 101: p = 0.107, chance"),
    ([0] * 12 + [1, 1, 1], "baru", "none before, 3 now"),
    ([0] * 12 + [1, 1, 0], "-", "none before, only 2 now"),
    ([10] * 12 + [5, 5, 5], "-", "falling"),
])
def test_rising_rule(counts, expected, why):
    assert status_of(series("x", counts), "x") == expected, why


@pytest.mark.parametrize(("recent", "baseline"), [(60, 120), (35, 101), (12, 36), (37, 120)])
def test_rising_p_value_is_the_two_count_test(recent, baseline):
    counts = [baseline // 12] * 12
    counts[0] += baseline - sum(counts)
    out = detect_rising(series("x", counts + [recent - 2 * (recent // 3), recent // 3, recent // 3])).iloc[0]
    assert (out["jumlah_terkini"], out["jumlah_dasar"], out["bulan_dasar"]) == (recent, baseline, 12)
    assert out["p_nilai"] == pytest.approx(binomtest(recent, recent + baseline, 3 / 15).pvalue)


def test_rising_ratio_and_means_are_hand_computed():
    out = detect_rising(series("x", [10] * 12 + [20, 20, 20])).iloc[0]
    assert (out["jumlah_terkini"], out["rata_terkini"], out["rata_dasar"], out["rasio"]) == (60, 20.0, 10.0, 2.0)


def test_missing_months_count_as_zero_and_unknown_categories_get_a_row():
    df = series("x", [10] * 12 + [20, 20, 20])
    df = df[df["bulan"] != D(2024, 5, 1)]  # a month without any row: zero victims, not a gap in the baseline
    out = detect_rising(df, categories=["x", "y"]).set_index("kategori")
    assert out.loc["x", "rata_dasar"] == pytest.approx(110 / 12)
    assert out.loc["y", "jumlah_terkini"] == 0 and out.loc["y", "status"] == "-"


def test_baseline_before_the_data_is_unknown_not_zero():
    # Data start in Oct 2024: a series that only exists since then must not be called "new".
    df = series("x", [0, 0, 0, 4, 5, 6], start=D(2024, 10, 1))
    out = detect_rising(df, first_month=D(2024, 10, 1))
    assert out.iloc[0]["status"] == "-" and math.isnan(out.iloc[0]["p_nilai"])  # 3 baseline months < 6


def test_end_moves_the_window():
    df = series("x", [10] * 12 + [20, 20, 20] + [10, 10, 10])
    assert status_of(df, "x") == "-"
    assert status_of(df, "x", end=D(2025, 3, 1)) == "naik"


def test_flagged_first_and_only_flags():
    df = pd.concat([series("a", [10] * 15), series("b", [10] * 12 + [30, 30, 30]), series("c", [0] * 12 + [2, 2, 2])])
    out = detect_rising(df)
    assert list(out["kategori"][:2]) == ["c", "b"]
    assert list(trends.flagged(out)["kategori"]) == ["c", "b"]


@pytest.mark.parametrize(("start", "end", "expected"), [
    (D(2024, 1, 1), D(2024, 12, 1), True),     # year earlier 2023 is covered (data from Jan 2023)
    (D(2023, 6, 1), D(2025, 7, 1), False),     # would compare with Jun 2022: before the data
    (None, None, False),                       # the whole range can never have a full year before it
    (D(2024, 1, 1), None, True),
])
def test_year_earlier_covered(start, end, expected):
    assert year_earlier_covered(start, end, D(2023, 1, 1), D(2025, 7, 1)) is expected
