"""domain.periods and the period labels: clamped to the data, like windows only, partial years marked."""

from __future__ import annotations

import datetime as dt

import pytest

from domain.filters import Filters, for_year
from domain.formatting import fmt_period, fmt_year
from domain.periods import (REASON_LAG, REASON_NOT_COVERED, Window, clamp, comparison_window, is_partial_year,
                            months_between, year_months)

D = dt.date
DATA = Window(D(2023, 1, 1), D(2025, 7, 1))


@pytest.mark.parametrize(("filters", "expected"), [
    # `briefing --year 2025` on data ending in July 2025 means January to July 2025 (issue 11).
    (for_year(2025), (D(2025, 1, 1), D(2025, 7, 1))),
    (Filters(), (D(2023, 1, 1), D(2025, 7, 1))),
    (Filters(start=D(2020, 1, 1), end=D(2023, 3, 1)), (D(2023, 1, 1), D(2023, 3, 1))),
    (Filters(start=D(2024, 2, 1), end=D(2024, 4, 1)), (D(2024, 2, 1), D(2024, 4, 1))),
    (for_year(2026), None),
    (for_year(2022), None),
])
def test_clamp(filters, expected):
    out = clamp(filters.with_(provinsi=("52",)), DATA.start, DATA.end)
    if expected is None:
        assert out is None
    else:
        assert (out.start, out.end) == expected and out.provinsi == ("52",)


def test_clamp_without_data():
    assert clamp(Filters(), None, None) is None


@pytest.mark.parametrize(("window", "lag", "expected"), [
    (Window(D(2025, 1, 1), D(2025, 7, 1)), 0, (Window(D(2024, 1, 1), D(2024, 7, 1)), None)),
    (Window(D(2024, 1, 1), D(2024, 12, 1)), 0, (Window(D(2023, 1, 1), D(2023, 12, 1)), None)),
    (Window(D(2023, 1, 1), D(2025, 7, 1)), 0, (None, REASON_NOT_COVERED)),
    (Window(D(2023, 6, 1), D(2024, 2, 1)), 0, (None, REASON_NOT_COVERED)),
    # A lagged stage is not compared while the window ends within its lag of the data's end.
    (Window(D(2025, 1, 1), D(2025, 7, 1)), 6, (None, REASON_LAG)),
    (Window(D(2024, 3, 1), D(2025, 2, 1)), 6, (None, REASON_LAG)),
    (Window(D(2024, 1, 1), D(2024, 12, 1)), 6, (Window(D(2023, 1, 1), D(2023, 12, 1)), None)),
    (Window(D(2024, 1, 1), D(2024, 6, 1)), 6, (Window(D(2023, 1, 1), D(2023, 6, 1)), None)),
])
def test_comparison_window(window, lag, expected):
    assert comparison_window(window, DATA, lag) == expected


@pytest.mark.parametrize(("start", "end", "lang", "expected"), [
    (D(2025, 1, 1), D(2025, 7, 1), "id", "Jan–Jul 2025"),
    (D(2024, 8, 1), D(2025, 7, 1), "id", "Agu 2024 – Jul 2025"),
    (D(2025, 7, 1), D(2025, 7, 1), "id", "Jul 2025"),
    (D(2024, 8, 1), D(2024, 10, 1), "en", "Aug–Oct 2024"),
    (D(2024, 8, 1), D(2024, 10, 1), "id", "Agu–Okt 2024"),
    (None, D(2024, 10, 1), "id", "–"),
])
def test_fmt_period(start, end, lang, expected):
    assert fmt_period(start, end, lang) == expected


@pytest.mark.parametrize(("year", "expected_label", "partial"), [
    (2023, "2023", False), (2024, "2024", False), (2025, "2025 (Jan–Jul)", True),
])
def test_year_labels_mark_partial_years(year, expected_label, partial):
    months = year_months(year, DATA)
    assert fmt_year(year, (months.start, months.end)) == expected_label
    assert is_partial_year(year, DATA) is partial


def test_months_between():
    assert months_between(D(2025, 1, 1), D(2025, 7, 1)) == 7 == DATA.year_earlier().months - 24
    assert months_between(D(2025, 8, 1), D(2025, 7, 1)) == 0


def _months(first: str, last: str) -> list[str]:
    out, (y, m) = [], map(int, first.split("-"))
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


DEMO = _months("2023-01", "2025-07")


@pytest.mark.parametrize(("preset", "months", "expected"), [
    ("12_bulan", DEMO, ("2024-08", "2025-07")),
    ("tahun_berjalan", DEMO, ("2025-01", "2025-07")),
    ("tahun_lalu", DEMO, ("2024-01", "2024-12")),
    ("semua", DEMO, ("2023-01", "2025-07")),
    ("12_bulan", _months("2025-03", "2025-07"), ("2025-03", "2025-07")),   # fewer months than twelve
    ("tahun_berjalan", _months("2024-11", "2025-02"), ("2025-01", "2025-02")),
    ("tahun_lalu", _months("2025-01", "2025-07"), None),                   # no month of 2024 in the data
    ("tahun_lalu", _months("2024-05", "2025-02"), ("2024-05", "2024-12")),  # only the months with data
    ("semua", [], None),
])
def test_preset_windows(preset, months, expected):
    from domain.periods import preset_window

    assert preset_window(preset, months) == expected


@pytest.mark.parametrize(("start", "end", "expected"), [
    ("2024-08", "2025-07", "12_bulan"), ("2025-01", "2025-07", "tahun_berjalan"), ("2024-01", "2024-12", "tahun_lalu"),
    ("2023-01", "2025-07", "semua"), ("2024-02", "2025-01", "atur_sendiri"), (None, None, "atur_sendiri"),
])
def test_preset_of_a_window(start, end, expected):
    from domain.periods import preset_of

    assert preset_of(start, end, DEMO) == expected


def test_unknown_preset_is_refused():
    from domain.periods import preset_window

    with pytest.raises(ValueError):
        preset_window("kemarin", DEMO)
