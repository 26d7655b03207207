"""Rates per 100,000, Indonesian number labels and choropleth classes, against hand-computed values."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from domain.rates import (
    NO_DATA_CLASS,
    NO_DATA_LABEL,
    classify,
    format_number,
    format_rate,
    rate_per_100k,
)


@pytest.mark.parametrize(
    ("count", "population", "expected"),
    [
        (5, 1_000_000, 0.5),  # 5 / 1,000,000 × 100,000
        (4_320, 35_000_000, 12.342857142857143),  # 4,320 / 35,000,000 × 100,000 = 12.3428…
        (1, 100_000, 1.0),
        (0, 5_554_800, 0.0),  # a known population with no victims is a real zero
        (3_366, 281_603_800, 1.1952963702904575),  # 336,600,000 / 281,603,800 = 1.19529637…
    ],
)
def test_rate_per_100k_hand_computed(count, population, expected):
    assert rate_per_100k(count, population) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("population", [0, -10, float("nan"), None, np.nan])
def test_rate_is_nan_not_zero_for_unknown_population(population):
    rate = rate_per_100k(7, population)
    assert math.isnan(rate)


def test_rate_per_100k_on_series_keeps_index_and_nullable_missing():
    count = pd.Series([10, 0, 5, 2], index=["11", "12", "13", "14"])
    population = pd.Series([1_000_000, 2_000_000, 0, None], index=["11", "12", "13", "14"], dtype="Int64")
    out = rate_per_100k(count, population)
    assert list(out.index) == ["11", "12", "13", "14"]
    assert out.iloc[:2].tolist() == [1.0, 0.0]
    assert out.iloc[2:].isna().all()


def test_rate_per_100k_series_with_scalar_population_is_not_aligned_to_a_one_row_series():
    out = rate_per_100k(pd.Series([1, 2, 3], index=[7, 8, 9]), 100_000)
    assert out.tolist() == [1.0, 2.0, 3.0]


def test_rate_per_100k_arrays():
    out = rate_per_100k(np.array([1, 2]), np.array([100_000, 0]))
    assert out[0] == 1.0 and np.isnan(out[1])


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (4_320, 0, "4.320"),
        (12.5, 1, "12,5"),
        (1_234_567.891, 2, "1.234.567,89"),
        (0, 0, "0"),
        (2.25, 1, "2,2"),  # banker's rounding of the decimal value, as babel does
        (float("nan"), 1, NO_DATA_LABEL),
        (None, 0, NO_DATA_LABEL),
    ],
)
def test_format_number_indonesian(value, decimals, expected):
    assert format_number(value, decimals) == expected


@pytest.mark.parametrize(
    ("rate", "expected"),
    [(12.5, "12,5"), (0.04, "0,04"), (1234.56, "1.234,6"), (0.0, "0"), (float("nan"), NO_DATA_LABEL)],
)
def test_format_rate(rate, expected):
    assert format_rate(rate) == expected


# --- classify ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "k", "expected_index", "expected_labels"),
    [
        # All zeros: only the zero class, visible as "0".
        ([0, 0, 0], 5, [0, 0, 0], ("0",)),
        # A single value.
        ([7], 5, [1], ("0", "7")),
        # Missing values are kept apart ("tidak ada data"), never classed as zero.
        ([np.nan, 0, 3], 5, [NO_DATA_CLASS, 0, 1], ("0", "3")),
        # Fewer distinct positive values than k: one class per value.
        ([1, 2, 2, 3], 5, [1, 2, 2, 3], ("0", "1", "2", "3")),
        # Quantiles of 1..10, by hand: the 20/40/60/80th percentiles are 2.8, 4.6, 6.4, 8.2, so the
        # classes are {1,2} {3,4} {5,6} {7,8} {9,10}; the zero is not part of the quantiles.
        ([0, *range(1, 11)], 5, [0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5], ("0", "1–2", "3–4", "5–6", "7–8", "9–10")),
        # Heavy ties: 20 ones and 2..7 give quantile edges 1, 1, 1, 2, 7 → three non-empty classes.
        ([1] * 20 + [2, 3, 4, 5, 6, 7], 5, [1] * 20 + [2, 3, 3, 3, 3, 3], ("0", "1", "2", "3–7")),
        # Small rates: one decimal would print 0.04 as "0,0", the zero class's label, so two are used.
        ([0.04, 0.3, 1.2], 5, [1, 2, 3], ("0", "0,04", "0,30", "1,20")),
    ],
)
def test_classify_table(values, k, expected_index, expected_labels):
    result = classify(pd.Series(values, dtype=float), k=k)
    assert result.index.tolist() == expected_index
    assert result.labels == expected_labels
    assert result.n_classes == len(expected_labels) - 1


def test_classify_all_nan():
    result = classify(pd.Series([np.nan, np.nan]))
    assert result.index.tolist() == [NO_DATA_CLASS, NO_DATA_CLASS]
    assert result.n_classes == 0
    assert result.label(NO_DATA_CLASS) == NO_DATA_LABEL


def test_classify_treats_infinity_as_no_data():
    assert classify(pd.Series([np.inf, 1.0])).index.tolist() == [NO_DATA_CLASS, 1]


def test_classify_every_class_has_members_and_bins_are_class_maxima():
    values = pd.Series(np.random.default_rng(3).gamma(0.6, 4.0, size=200).round(2))
    result = classify(values, k=5)
    positive = values[values > 0]
    for cls in range(1, result.n_classes + 1):
        members = positive[result.index[values > 0] == cls]
        assert len(members) > 0
        assert members.max() == result.bins[cls - 1]
    assert list(result.bins) == sorted(result.bins)


@pytest.mark.parametrize("scheme", ["fisher_jenks", "natural_breaks"])
def test_classify_jenks_finds_obvious_clusters(scheme):
    values = pd.Series([1.0, 1.1, 1.2, 5.0, 5.1, 10.0, 10.2, 0.0])
    result = classify(values, k=3, scheme=scheme)
    assert result.index.tolist() == [1, 1, 1, 2, 2, 3, 3, 0]
    assert result.labels == ("0", "1,0–1,2", "5,0–5,1", "10,0–10,2")


def test_classify_natural_breaks_is_deterministic():
    values = pd.Series(np.random.default_rng(7).gamma(1.0, 3.0, size=120))
    first = classify(values, k=5, scheme="natural_breaks")
    second = classify(values, k=5, scheme="natural_breaks")
    assert first.bins == second.bins


def test_classify_keeps_the_input_index_and_accepts_nullable_integers():
    values = pd.Series([3, None, 0], index=["32", "33", "34"], dtype="Int64")
    result = classify(values)
    assert list(result.index.index) == ["32", "33", "34"]
    assert result.index.tolist() == [1, NO_DATA_CLASS, 0]


def test_classify_labels_use_thousands_separator():
    result = classify(pd.Series([1_500.0, 4_320.0]), k=5)
    assert result.labels == ("0", "1.500", "4.320")


@pytest.mark.parametrize(
    ("values", "kwargs"),
    [([-1.0, 2.0], {}), ([1.0], {"k": 0}), ([1.0], {"scheme": "equal"})],
)
def test_classify_rejects_bad_input(values, kwargs):
    with pytest.raises(ValueError):
        classify(pd.Series(values), **kwargs)


@pytest.mark.parametrize("seed", range(40))
def test_own_quantile_bins_equal_mapclassify_quantiles_exactly(seed):
    """domain.rates computes quantiles itself (importing mapclassify costs seconds at start-up); the breaks must be
    mapclassify's, to the last bit, for every k, with ties, integers and fractions."""
    import mapclassify

    from domain.rates import quantile_bins

    rng = np.random.default_rng(seed)
    n = int(rng.integers(6, 600))
    y = rng.gamma(1.5, 40.0, n)
    if seed % 3 == 0:
        y = np.round(y)  # counts: many ties
    if seed % 5 == 0:
        y = rng.integers(1, 8, n).astype(float)  # heavy ties: fewer classes than asked
    for k in range(1, 6):
        expected = np.asarray(mapclassify.Quantiles(y, k=k).bins, dtype=float)
        assert np.array_equal(quantile_bins(y, k), expected), (seed, k)
