"""Monthly series and the flag for new or rising modus (a simple, documented outbreak-style rule).

The rule, for each category (modus by default), with the series ending at the last month of the period:

* recent window: the last ``recent_months`` months (default 3);
* baseline: the ``baseline_months`` months just before it (default 12), counting only months on or after
  the first month with any data (months before the data starts are unknown, not zero);
* **naik** (rising): the dashboard's one rule for every "naik" (domain.comparison): the recent count and the
  baseline count both reach MIN_COUNT victims and the exact test for two Poisson counts over windows of
  unequal length (3 and up to 12 months) finds the recent monthly rate higher with p < ALPHA. The baseline is
  a count with its own noise, not a known rate: testing against it as if it were known called 35 victims in
  3 months against 101 in 12 a rise (p = 0.038) where the two-count test does not (p = 0.06);
* **baru** (new): no victims at all in the baseline and at least ``min_new`` (default 3) in the recent window;
* nothing is judged when fewer than ``min_baseline_months`` (default 6) baseline months are covered by data.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from domain.comparison import ALPHA, MIN_COUNT, UP, compare_counts

RECENT_MONTHS = 3
BASELINE_MONTHS = 12
MIN_RECENT_COUNT = MIN_COUNT
MIN_NEW_COUNT = 3
MIN_BASELINE_MONTHS = 6

STATUS_NEW = "baru"
STATUS_RISING = "naik"
STATUS_NONE = "-"
RISE_COLUMNS = ["kategori", "jumlah_terkini", "jumlah_dasar", "bulan_dasar", "rata_terkini", "rata_dasar", "rasio",
                "p_nilai", "status"]


def add_months(d: dt.date, n: int) -> dt.date:
    """First day of the month n months after (n < 0: before) the month of d."""
    index = d.year * 12 + d.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def month_range(start: dt.date, end: dt.date) -> list[dt.date]:
    """First days of every month from start to end inclusive; empty when start > end."""
    first, last = start.replace(day=1), end.replace(day=1)
    months, d = [], first
    while d <= last:
        months.append(d)
        d = add_months(d, 1)
    return months


def _as_month(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date().replace(day=1)
    if isinstance(value, dt.date):
        return value.replace(day=1)
    return pd.Timestamp(value).date().replace(day=1)


def monthly_table(df: pd.DataFrame, dim: str, months: list[dt.date] | None = None,
                  categories: list[str] | None = None) -> pd.DataFrame:
    """Wide table of victims per month (rows, every month present) and category (columns), zeros filled.

    df: bulan, <dim>, jumlah. months defaults to the range of df; categories to those in df (in the
    given order when passed, so a modus with no victims still gets a column of zeros).
    """
    data = df.assign(bulan=df["bulan"].map(_as_month)) if len(df) else df
    if months is None:
        months = month_range(min(data["bulan"]), max(data["bulan"])) if len(data) else []
    wide = (data.pivot_table(index="bulan", columns=dim, values="jumlah", aggfunc="sum", fill_value=0)
            if len(data) else pd.DataFrame())
    cols = list(categories) if categories is not None else list(wide.columns)
    wide = wide.reindex(index=months, columns=cols, fill_value=0).fillna(0).astype("int64")
    wide.index.name, wide.columns.name = "bulan", dim
    return wide


def detect_rising(
    monthly: pd.DataFrame,
    dim: str = "modus",
    *,
    end: dt.date | None = None,
    first_month: dt.date | None = None,
    categories: list[str] | None = None,
    recent_months: int = RECENT_MONTHS,
    baseline_months: int = BASELINE_MONTHS,
    min_count: int = MIN_COUNT,
    alpha: float = ALPHA,
    min_new: int = MIN_NEW_COUNT,
    min_baseline_months: int = MIN_BASELINE_MONTHS,
) -> pd.DataFrame:
    """One row per category: the recent total and means, ratio, Poisson p-value and status (module doc).

    monthly: bulan, <dim>, jumlah. end: last month of the recent window (default: the last month in
    monthly). first_month: first month with any data (default: the first in monthly). Columns of the
    result: kategori, jumlah_terkini (victims), jumlah_dasar (victims in the baseline), bulan_dasar (its
    months), rata_terkini, rata_dasar (victims per month), rasio (NaN when the baseline is 0), p_nilai (the
    two-count test; NaN when not judged or too few), status ("baru", "naik" or "-"); flagged rows first, by ratio.
    """
    if recent_months < 1 or baseline_months < 1:
        raise ValueError("recent_months dan baseline_months harus minimal 1")
    if monthly.empty and end is None:
        return pd.DataFrame(columns=RISE_COLUMNS)
    months_in = monthly["bulan"].map(_as_month) if len(monthly) else pd.Series(dtype=object)
    end = _as_month(end) if end else max(months_in)
    first = _as_month(first_month) if first_month else (min(months_in) if len(months_in) else end)
    recent = month_range(add_months(end, -(recent_months - 1)), end)
    baseline = [m for m in month_range(add_months(recent[0], -baseline_months), add_months(recent[0], -1))
                if m >= first]
    wide = monthly_table(monthly, dim, baseline + recent, categories)
    judged = len(baseline) >= min_baseline_months
    # Totals of every category at once (a .loc per category took most of this function's time).
    recent_totals = wide.loc[recent].sum(axis=0)
    base_totals = wide.loc[baseline].sum(axis=0) if baseline else pd.Series(0, index=wide.columns)
    rows = []
    for cat in wide.columns:
        recent_total = int(recent_totals[cat])
        base_total = int(base_totals[cat])
        base_mean = base_total / len(baseline) if baseline else np.nan
        recent_mean = recent_total / len(recent)
        ratio = recent_mean / base_mean if base_mean and base_mean > 0 else np.nan
        p_value, status = np.nan, STATUS_NONE
        if judged:
            verdict = compare_counts(recent_total, base_total, min_count=min_count, alpha=alpha,
                                     current_months=len(recent), previous_months=len(baseline))
            p_value = verdict.p_value if verdict.p_value is not None else np.nan
            if base_total == 0 and recent_total >= min_new:
                status = STATUS_NEW
            elif verdict.status == UP:
                status = STATUS_RISING
        rows.append((cat, recent_total, base_total, len(baseline), recent_mean, base_mean, ratio, p_value, status))
    out = pd.DataFrame(rows, columns=RISE_COLUMNS)
    order = out["status"].map({STATUS_NEW: 0, STATUS_RISING: 1}).fillna(2)
    return (out.assign(_o=order, _r=out["rasio"].fillna(np.inf))
            .sort_values(["_o", "_r", "jumlah_terkini"], ascending=[True, False, False], kind="mergesort")
            .drop(columns=["_o", "_r"]).reset_index(drop=True))


def flagged(rising: pd.DataFrame) -> pd.DataFrame:
    """Only the rows marked new or rising."""
    return rising[rising["status"].isin([STATUS_NEW, STATUS_RISING])].reset_index(drop=True)


def year_earlier_covered(start: dt.date | None, end: dt.date | None,
                         first: dt.date | None, last: dt.date | None) -> bool:
    """True when the same window one year earlier lies entirely within the months that have data.

    A year-on-year change against a window the data only partly covers would compare, say, 31 months
    with 19 and show a fall that is not there; the page then shows no change rather than a wrong one.
    """
    if not (first and last):
        return False
    start, end = start or first, end or last
    prev_start = start.replace(year=start.year - 1)
    return prev_start >= first.replace(day=1)
