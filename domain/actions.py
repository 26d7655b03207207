"""Action lists for Jarnas and leadership: referrals for units in capacity alert and provinces where a modus is
rising (the reports past their due date come from domain.submissions). Pure: frames and dates in, frames out.

The rules, stated once (the page and the downloads repeat them):

* **rujukan kapasitas** (referral): for each unit on alert in the anchor month (the period's last month, or
  occupancy's last month when it stops earlier; data_access.indicators.AlertState), the ``REFERRAL_CANDIDATES``
  nearest units by great-circle distance that have free places in that month (capacity − residents > 0) and are not themselves in alert.
* **wilayah pantauan** (provinces to watch): domain.trends.detect_rising per province on modus, with the same
  windows and thresholds as the Jarnas page.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from domain import trends
from domain.geo import haversine_km
from domain.periods import Window, add_months

# Three choices give the caller an alternative when the nearest unit cannot take the victim.
REFERRAL_CANDIDATES = 3

REFERRAL_COLUMNS = ["kode_unit", "utilisasi", "tempat_kosong", "peringkat", "kode_unit_tujuan", "jarak_km",
                    "tempat_kosong_tujuan"]
WATCH_COLUMNS = ["kode_prov", "modus", "status", "jumlah_terkini", "rata_terkini", "rata_dasar", "rasio", "p_nilai"]


def free_places(occupancy: pd.DataFrame, month: dt.date) -> pd.DataFrame:
    """Per unit in month: kode_unit, kapasitas, penghuni, utilisasi, tempat_kosong (capacity − residents,
    rounded down, negative when over capacity)."""
    rows = occupancy[pd.to_datetime(occupancy["bulan"]).dt.date == month] if len(occupancy) else occupancy
    out = rows.groupby("kode_unit", as_index=False)[["kapasitas", "penghuni"]].sum() if len(rows) else (
        pd.DataFrame(columns=["kode_unit", "kapasitas", "penghuni"]))
    out["utilisasi"] = (out["penghuni"] / out["kapasitas"].where(out["kapasitas"] > 0)).astype(float)
    # Residents are a monthly average and may be fractional: a place is free only when a whole bed is.
    out["tempat_kosong"] = np.floor((out["kapasitas"] - out["penghuni"]).astype(float)).astype("int64")
    return out


def referrals(alert_units: list[str], places: pd.DataFrame, units: pd.DataFrame,
              k: int = REFERRAL_CANDIDATES) -> pd.DataFrame:
    """The k nearest units with free places for each unit in alert (module doc).

    alert_units: kode_unit of the units whose alert is ongoing. places: free_places of the period's last month.
    units: kode_unit, lat, lon. Columns REFERRAL_COLUMNS, one row per alert unit and candidate (peringkat 1..k,
    nearest first, ties by kode_unit); a unit with no candidate (or no coordinates) keeps one row with the
    candidate columns missing, so it is still on the list.
    """
    where = units.set_index("kode_unit")[["lat", "lon"]]
    info = places.set_index("kode_unit") if len(places) else pd.DataFrame(columns=["utilisasi", "tempat_kosong"])
    pool = places[(places["tempat_kosong"] > 0) & ~places["kode_unit"].isin(alert_units)] if len(places) else places
    pool = pool.merge(units[["kode_unit", "lat", "lon"]], on="kode_unit").dropna(subset=["lat", "lon"])
    pool = pool.sort_values("kode_unit", kind="mergesort")
    rows = []
    for unit in alert_units:
        util = info["utilisasi"].get(unit, np.nan)
        free = info["tempat_kosong"].get(unit, np.nan)
        lat, lon = (where.loc[unit, "lat"], where.loc[unit, "lon"]) if unit in where.index else (np.nan, np.nan)
        if pool.empty or pd.isna(lat) or pd.isna(lon):
            rows.append((unit, util, free, np.nan, None, np.nan, np.nan))
            continue
        distance = haversine_km(lat, lon, pool["lat"].to_numpy(float), pool["lon"].to_numpy(float))
        order = np.argsort(distance, kind="stable")[:k]
        for rank, i in enumerate(order, start=1):
            rows.append((unit, util, free, rank, pool["kode_unit"].iloc[i], float(distance[i]),
                         int(pool["tempat_kosong"].iloc[i])))
    out = pd.DataFrame(rows, columns=REFERRAL_COLUMNS)
    out["peringkat"] = out["peringkat"].astype("Int64")
    out["tempat_kosong_tujuan"] = out["tempat_kosong_tujuan"].astype("Int64")
    return out


def watch_windows(end: dt.date, first_month: dt.date | None = None) -> tuple[Window, Window | None]:
    """(recent window, baseline window) of the rising rule ending at end; the baseline starts no earlier than
    the first month with data, and is None when the data begin inside the recent window."""
    recent = Window(add_months(end, -(trends.RECENT_MONTHS - 1)), end)
    start = add_months(recent.start, -trends.BASELINE_MONTHS)
    if first_month is not None:
        start = max(start, first_month)
    baseline = Window(start, add_months(recent.start, -1))
    return recent, baseline if baseline.start <= baseline.end else None


def provinces_to_watch(monthly: pd.DataFrame, *, end: dt.date, first_month: dt.date | None,
                       provinces: list[str], categories: list[str]) -> pd.DataFrame:
    """Every province × modus that the Jarnas rising rule flags (new or rising), with its evidence.

    monthly: bulan, kode_prov, modus, jumlah (victims). Columns WATCH_COLUMNS; new before rising, then the
    smallest p-value, the largest recent count, kode_prov.
    """
    parts = []
    for province in provinces:
        rows = monthly[monthly["kode_prov"] == province][["bulan", "modus", "jumlah"]]
        flags = trends.flagged(trends.detect_rising(rows, "modus", end=end, first_month=first_month,
                                                    categories=categories))
        if len(flags):
            parts.append(flags.rename(columns={"kategori": "modus"}).assign(kode_prov=province))
    if not parts:
        return pd.DataFrame(columns=WATCH_COLUMNS)
    out = pd.concat(parts, ignore_index=True)[WATCH_COLUMNS]
    order = out["status"].map({trends.STATUS_NEW: 0, trends.STATUS_RISING: 1})
    return (out.assign(_o=order).sort_values(["_o", "p_nilai", "jumlah_terkini", "kode_prov"],
                                             ascending=[True, True, False, True], kind="mergesort")
            .drop(columns="_o").reset_index(drop=True))
