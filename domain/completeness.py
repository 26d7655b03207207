"""Reporting completeness by agency and province: who has not reported for the latest months.

There is no submission log, only the reported counts, so "has not reported" is inferred. For each
agency a, province p and month m of the latest ``recent_months`` (default 3) months:

* **lapor** (reported): a reported at least one victim from p for m;
* **belum_lapor** (not yet reported): a reported nothing for p in m, although (1) a reported p in at
  least ``min_active_months`` (default 3) of the ``baseline_months`` (default 12) months before the
  recent window, so it normally does, and (2) the other agencies together reported at least
  ``min_others`` (default 3) victim-stage counts from p for m, so there was something to report (one
  stray count is too little to expect every agency to have seen the same victims);
* **tidak_diharapkan** (no report expected): otherwise, e.g. a province the agency rarely sees, or a
  month with no victims from the province at all.

A real zero and a missing report look the same in the data; rule (2) is what tells them apart, so a
province where every agency is late shows as "no report expected". The result is a list to check with
the agency, not a verdict.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from domain.trends import add_months, month_range

RECENT_MONTHS = 3
BASELINE_MONTHS = 12
MIN_ACTIVE_MONTHS = 3
MIN_OTHERS = 3

REPORTED = "lapor"
MISSING = "belum_lapor"
NOT_EXPECTED = "tidak_diharapkan"
STATUS_COLUMNS = ["instansi", "kode_prov", "bulan", "jumlah", "status"]


def _month(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date().replace(day=1)
    if isinstance(value, dt.date):
        return value.replace(day=1)
    return pd.Timestamp(value).date().replace(day=1)


def history_months(end: dt.date, first_month: dt.date | None, recent_months: int = RECENT_MONTHS,
                   baseline_months: int = BASELINE_MONTHS) -> int:
    """How many months of the baseline before the recent window the data cover: with fewer than
    MIN_ACTIVE_MONTHS no agency can be "expected" to report, so completeness cannot be judged (every report that
    came would read as 100 % of what was expected)."""
    recent_start = add_months(_month(end), -(recent_months - 1))
    months = month_range(add_months(recent_start, -baseline_months), add_months(recent_start, -1))
    return sum(1 for m in months if first_month is None or m >= _month(first_month))


def reporting_status(
    counts: pd.DataFrame,
    *,
    end: dt.date,
    agencies: list[str],
    provinces: list[str] | None = None,
    recent_months: int = RECENT_MONTHS,
    baseline_months: int = BASELINE_MONTHS,
    min_active_months: int = MIN_ACTIVE_MONTHS,
    min_others: int = MIN_OTHERS,
) -> pd.DataFrame:
    """Status of every agency x province x recent month (module doc).

    counts: instansi, kode_prov, bulan, jumlah (victims reported at any stage). end: last month to judge.
    provinces defaults to those in counts. Columns: instansi, kode_prov, bulan (date), jumlah, status.
    """
    end = _month(end)
    recent = month_range(add_months(end, -(recent_months - 1)), end)
    baseline = month_range(add_months(recent[0], -baseline_months), add_months(recent[0], -1))
    data = counts.assign(bulan=counts["bulan"].map(_month)) if len(counts) else counts
    if provinces is None:
        provinces = sorted(data["kode_prov"].unique()) if len(data) else []
    months = baseline + recent
    index = pd.MultiIndex.from_product([agencies, provinces, months], names=["instansi", "kode_prov", "bulan"])
    grid = (data.groupby(["instansi", "kode_prov", "bulan"])["jumlah"].sum() if len(data)
            else pd.Series(dtype="int64")).reindex(index, fill_value=0).astype("int64")
    cube = grid.unstack("bulan")  # rows (instansi, kode_prov), columns months
    active = (cube[baseline] > 0).sum(axis=1) >= min_active_months
    rows = []
    for month in recent:
        reported = cube[month]
        by_province = reported.groupby(level="kode_prov").sum()
        others = by_province.reindex(reported.index.get_level_values("kode_prov")).to_numpy() - reported.to_numpy()
        status = np.where(reported.to_numpy() > 0, REPORTED,
                          np.where(active.to_numpy() & (others >= min_others), MISSING, NOT_EXPECTED))
        rows.append(pd.DataFrame({
            "instansi": reported.index.get_level_values("instansi"),
            "kode_prov": reported.index.get_level_values("kode_prov"),
            "bulan": month, "jumlah": reported.to_numpy(), "status": status,
        }))
    if not rows:
        return pd.DataFrame(columns=STATUS_COLUMNS)
    return pd.concat(rows, ignore_index=True).sort_values(["instansi", "kode_prov", "bulan"]).reset_index(drop=True)


def completeness_table(status: pd.DataFrame) -> pd.DataFrame:
    """Per agency and province: diharapkan (month reports expected), dilaporkan, kelengkapan (share, NaN when
    nothing was expected), belum_lapor (count of missing months)."""
    expected = status["status"].isin([REPORTED, MISSING])
    out = (status.assign(diharapkan=expected, dilaporkan=status["status"] == REPORTED,
                         belum_lapor=status["status"] == MISSING)
           .groupby(["instansi", "kode_prov"], as_index=False)[["diharapkan", "dilaporkan", "belum_lapor"]].sum())
    for col in ("diharapkan", "dilaporkan", "belum_lapor"):
        out[col] = out[col].astype("int64")
    out["kelengkapan"] = np.where(out["diharapkan"] > 0, out["dilaporkan"] / out["diharapkan"].where(
        out["diharapkan"] > 0, 1), np.nan)
    return out


def missing_reports(status: pd.DataFrame) -> pd.DataFrame:
    """Rows (instansi, kode_prov, bulan) an agency has not reported yet, latest month first."""
    gaps = status[status["status"] == MISSING][["instansi", "kode_prov", "bulan"]]
    return gaps.sort_values(["bulan", "instansi", "kode_prov"], ascending=[False, True, True]).reset_index(drop=True)


def agency_completeness(status: pd.DataFrame) -> pd.DataFrame:
    """Per agency: diharapkan, dilaporkan, kelengkapan (share, NaN when nothing expected), provinsi_belum_lapor."""
    table = completeness_table(status)
    out = table.groupby("instansi", as_index=False)[["diharapkan", "dilaporkan"]].sum()
    late = table[table["belum_lapor"] > 0].groupby("instansi")["kode_prov"].nunique()
    out["provinsi_belum_lapor"] = out["instansi"].map(late).fillna(0).astype("int64")
    out["kelengkapan"] = np.where(out["diharapkan"] > 0,
                                  out["dilaporkan"] / out["diharapkan"].where(out["diharapkan"] > 0, 1), np.nan)
    return out
