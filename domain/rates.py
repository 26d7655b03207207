"""Rates per 100,000 population, choropleth classes and their number labels (Indonesian by default)."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from domain.formatting import fmt_dec
from strings import DEFAULT_LANG, tr

PER_POPULATION = 100_000
NO_DATA_LABEL = tr("fig.no_data")  # in the default language; no_data_label(lang) for another
NO_DATA_CLASS = -1
ZERO_CLASS = 0

Scheme = Literal["quantiles", "fisher_jenks", "natural_breaks"]
# mapclassify.NaturalBreaks is k-means with a random start, so the same data could get different
# breaks on each rerun; Fisher-Jenks finds the optimal Jenks breaks deterministically.
# Quantiles are computed here (exactly as mapclassify.Quantiles does): importing mapclassify pulls in scipy and
# scikit-learn, several seconds on the first page after start-up, so it is imported only for Fisher-Jenks.
_SCHEMES = {"quantiles": None, "fisher_jenks": "FisherJenks", "natural_breaks": "FisherJenks"}


def quantile_bins(y: np.ndarray, k: int) -> np.ndarray:
    """Upper class bounds of k quantile classes, as mapclassify.classifiers.quantile (scipy's
    scoreatpercentile, "fraction" interpolation), tied bounds collapsed."""
    w = 100.0 / k
    p = np.arange(w, 100 + w, w)
    if p[-1] > 100.0:
        p[-1] = 100.0
    ordered = np.sort(np.asarray(y, dtype=float).ravel())
    scores = []
    for per in p:
        idx = per / 100.0 * (ordered.size - 1)
        i = int(idx)
        if i == idx:
            scores.append(ordered[i])
        else:
            weights = np.array([(i + 1 - idx), (idx - i)], float)
            scores.append(np.add.reduce(ordered[i:i + 2] * weights) / weights.sum())
    return np.unique(np.array(scores))


def _bins(positive: np.ndarray, k: int, scheme: str) -> np.ndarray:
    name = _SCHEMES[scheme]
    if name is None:
        return quantile_bins(positive, k)
    import mapclassify

    return np.asarray(getattr(mapclassify, name)(positive, k=k).bins, dtype=float)


def rate_per_100k(count: ArrayLike, population: ArrayLike) -> float | np.ndarray | pd.Series:
    """Victims per 100,000 population; NaN where the population is missing, zero or negative.

    An unknown population must never look like a rate of zero. Accepts scalars, array-likes or
    pandas Series (Series are aligned on their index and a Series is returned).
    """
    if isinstance(count, pd.Series) or isinstance(population, pd.Series):
        c = _as_float_series(count) if isinstance(count, pd.Series) else np.asarray(count, dtype=float)
        if isinstance(population, pd.Series):
            p = _as_float_series(population)
            p = p.where(p > 0)
        else:
            p = np.asarray(population, dtype=float)
            p = np.where(p > 0, p, np.nan)
        return c / p * PER_POPULATION
    c = np.asarray(count, dtype=float)
    p = np.asarray(population, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(p > 0, c / np.where(p > 0, p, 1.0) * PER_POPULATION, np.nan)
    return float(rate) if rate.ndim == 0 else rate


def annual_rate_per_100k(count: ArrayLike, population: ArrayLike, months: int):
    """Victims per 100,000 population per year: rate_per_100k × 12 / months (the months the count covers).

    A rate over 6 months and one over 31 months are otherwise not comparable (0,31 against 1,5 for the same
    pace). NaN where the population is missing, as rate_per_100k.
    """
    if months < 1:
        raise ValueError("months must be at least 1")
    return rate_per_100k(count, population) * (12 / months)


def population_matches(filters) -> bool:
    """Only the whole population is loaded: with a sex or age filter there is no matching denominator."""
    return not (filters.jenis_kelamin or filters.kelompok_umur)


def no_data_label(lang: str = DEFAULT_LANG) -> str:
    return tr("fig.no_data", lang)


def format_number(x: float | int | None, decimals: int = 0, lang: str = DEFAULT_LANG) -> str:
    """Number format of the language with a fixed number of decimals: 4.320 and 12,5 (id); NaN → "tidak ada data"."""
    if x is None or pd.isna(x) or not np.isfinite(float(x)):
        return no_data_label(lang)
    return fmt_dec(float(x), digits=decimals, lang=lang)  # the one Babel path (domain.formatting)


def format_rate(x: float | None, lang: str = DEFAULT_LANG) -> str:
    """A rate for a tooltip: one decimal (12,5), two below 1 (0,04) so small rates do not read as 0."""
    if x is None or pd.isna(x):
        return no_data_label(lang)
    if x == 0:
        return "0"
    return format_number(x, 2 if abs(x) < 1 else 1, lang)


@dataclass(frozen=True, eq=False)
class Classification:
    """Classes for a choropleth: -1 no data, 0 exactly zero, 1..n positive classes (ascending)."""

    bins: tuple[float, ...]  # largest value in each positive class 1..n
    labels: tuple[str, ...]  # labels[0] is "0"; labels[i] is the observed range of class i
    index: pd.Series  # class of each input value, same index as the input
    scheme: str
    decimals: int
    lang: str = DEFAULT_LANG

    @property
    def n_classes(self) -> int:
        """Number of positive classes (the zero and no-data classes are not counted)."""
        return len(self.bins)

    def label(self, cls: int) -> str:
        """Label of a class index, including the no-data class."""
        return no_data_label(self.lang) if cls == NO_DATA_CLASS else self.labels[cls]


def classify(values: pd.Series, k: int = 5, scheme: Scheme = "quantiles", lang: str = DEFAULT_LANG) -> Classification:
    """Class the positive values into at most k classes; zeros and missing values get their own class.

    Zeros are classed apart so that "no victims" stays visible as a real zero (and does not squash
    the lower quantiles), and NaN/±inf stay "tidak ada data". With k or fewer distinct positive
    values, each value is its own class. Classes left empty by tied quantiles are dropped, so
    every class has members and a label of its observed range ("0,4–1,2", or "7" for one value).
    """
    if k < 1:
        raise ValueError(f"k harus >= 1, bukan {k}")
    if scheme not in _SCHEMES:
        raise ValueError(f"skema tidak dikenal: {scheme!r}; pilih {', '.join(_SCHEMES)}")
    series = _as_float_series(values)
    arr = series.to_numpy(dtype=float, na_value=np.nan)
    finite = np.isfinite(arr)
    if (arr[finite] < 0).any():
        raise ValueError("nilai negatif tidak dapat diklasifikasikan")

    positive_mask = finite & (arr > 0)
    positive = arr[positive_mask]
    distinct = np.unique(positive)
    if distinct.size == 0:
        edges = np.array([], dtype=float)
    elif distinct.size <= k:
        edges = distinct
    else:
        with warnings.catch_warnings():
            # Tie and "numba not installed" warnings: ties are handled below, speed is fine here.
            warnings.simplefilter("ignore")
            edges = np.unique(_bins(positive, k, scheme))
        edges[-1] = max(edges[-1], distinct[-1])

    raw = np.searchsorted(edges, positive, side="left") + 1
    used = np.unique(raw)  # renumber so that classes emptied by tied quantiles disappear
    positive_class = np.searchsorted(used, raw) + 1
    index = np.full(arr.shape, NO_DATA_CLASS, dtype=int)
    index[finite & (arr == 0)] = ZERO_CLASS
    index[positive_mask] = positive_class

    ranges = [
        (positive[positive_class == c].min(), positive[positive_class == c].max())
        for c in range(1, len(used) + 1)
    ]
    decimals = _label_decimals(ranges, integral=bool(np.all(positive == np.round(positive))), lang=lang)
    labels = ("0",) + tuple(_range_label(lo, hi, decimals, lang) for lo, hi in ranges)
    return Classification(
        bins=tuple(float(hi) for _, hi in ranges),
        labels=labels,
        index=pd.Series(index, index=series.index, name="kelas"),
        scheme=scheme,
        decimals=decimals,
        lang=lang,
    )


def _range_label(lo: float, hi: float, decimals: int, lang: str) -> str:
    lo_text, hi_text = format_number(lo, decimals, lang), format_number(hi, decimals, lang)
    return lo_text if lo_text == hi_text else f"{lo_text}–{hi_text}"


def _label_decimals(ranges: list[tuple[float, float]], integral: bool, lang: str) -> int:
    """Fewest decimals (0 only for whole numbers) at which no two class edges print the same."""
    if integral:
        return 0
    for decimals in (1, 2, 3):
        printed = [(format_number(lo, decimals, lang), format_number(hi, decimals, lang)) for lo, hi in ranges]
        # Distinct edges must stay distinct when printed, and no positive edge may print as the
        # zero class's "0".
        edges = sorted({0.0} | {v for pair in ranges for v in pair})
        if len({format_number(v, decimals, lang) for v in edges}) == len(edges) and all(
            (lo_t != hi_t) == (lo != hi) for (lo, hi), (lo_t, hi_t) in zip(ranges, printed)
        ):
            return decimals
    return 3


def _as_float_series(x) -> pd.Series:
    series = x if isinstance(x, pd.Series) else pd.Series(x)
    # Nullable integer columns (Int64 with <NA>) come straight from SQL; NA must become NaN.
    return pd.to_numeric(series, errors="raise").astype("Float64").astype(float)
