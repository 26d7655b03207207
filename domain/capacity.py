"""Service capacity of sentra and RPTC: occupancy, length of stay, pressure ranking and over-capacity alerts.

Definitions (also shown in the glossary of the page):
- utilisasi = Σ penghuni / Σ kapasitas over the months (resident-months per bed-month); with an unchanged
  capacity this is the average residents divided by the capacity.
- utilisasi_puncak = the highest monthly penghuni / kapasitas.
- lama_tinggal_hari ≈ resident-days / discharges (Little's law: average residents = discharges per day ×
  average stay), with resident-days = Σ penghuni × days in the month. NaN when nobody was discharged.
- porsi_tppo = Σ penghuni_tppo / Σ penghuni: the share of resident-months that are trafficking victims.
- tekanan = ½ (utilisasi + utilisasi_puncak): a unit full on average and a unit overflowing at its peaks
  both rank high; it reads like a utilisation (1,0 ≈ full) and is used only for ranking.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

NATIONAL_CODE = "NASIONAL"
METRIC_COLUMNS: tuple[str, ...] = (
    "kode_unit", "nama", "tipe", "kapasitas", "rata_penghuni", "puncak_penghuni", "utilisasi", "utilisasi_puncak",
    "bulan_di_atas_kapasitas", "penerimaan", "pemulangan", "lama_tinggal_hari", "porsi_tppo", "tekanan",
    "jumlah_bulan",
)
ALERT_COLUMNS: tuple[str, ...] = ("kode_unit", "mulai", "akhir", "jumlah_bulan", "utilisasi_maks", "berlangsung",
                                  "bulan_maks")
MAP_COLUMNS: tuple[str, ...] = ("kode_unit", "nama", "tipe", "lat", "lon", "kapasitas", "penghuni", "utilisasi", "staf")
_OCCUPANCY_COLUMNS = ("bulan", "kode_unit", "kapasitas", "penghuni", "penghuni_tppo", "penerimaan", "pemulangan")
_COUNTS = ("kapasitas", "penghuni", "penghuni_tppo", "penerimaan", "pemulangan")


def _checked(occupancy: pd.DataFrame) -> pd.DataFrame:
    missing = [c for c in _OCCUPANCY_COLUMNS if c not in occupancy.columns]
    if missing:
        raise ValueError(f"Data okupansi tidak memiliki kolom: {', '.join(missing)}.")
    occ = occupancy[list(_OCCUPANCY_COLUMNS)].copy()
    occ["bulan"] = pd.to_datetime(occ["bulan"]).dt.to_period("M").dt.start_time
    for column in _COUNTS:
        occ[column] = pd.to_numeric(occ[column]).astype(float)
    occ["hari"] = occ["bulan"].dt.days_in_month.astype(float)
    return occ.sort_values(["kode_unit", "bulan"], kind="mergesort")


def _ratio(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    return (numerator / denominator.where(denominator > 0)).astype(float)


def _summarise(occ: pd.DataFrame) -> pd.DataFrame:
    """One row per kode_unit of checked occupancy (see the module docstring for each definition)."""
    occ = occ.assign(
        util_bulan=_ratio(occ["penghuni"], occ["kapasitas"]),
        di_atas=(occ["penghuni"] > occ["kapasitas"]).astype(int),
        hari_rawat=occ["penghuni"] * occ["hari"],
    )
    grouped = occ.groupby("kode_unit", sort=True)
    out = pd.DataFrame({
        "kapasitas": grouped["kapasitas"].last(),  # capacity in the latest month
        "rata_penghuni": grouped["penghuni"].mean(),
        "puncak_penghuni": grouped["penghuni"].max(),
        "utilisasi": _ratio(grouped["penghuni"].sum(), grouped["kapasitas"].sum()),
        "utilisasi_puncak": grouped["util_bulan"].max(),
        "bulan_di_atas_kapasitas": grouped["di_atas"].sum().astype(int),
        "penerimaan": grouped["penerimaan"].sum(),
        "pemulangan": grouped["pemulangan"].sum(),
        "lama_tinggal_hari": _ratio(grouped["hari_rawat"].sum(), grouped["pemulangan"].sum()),
        "porsi_tppo": _ratio(grouped["penghuni_tppo"].sum(), grouped["penghuni"].sum()),
        "jumlah_bulan": grouped["bulan"].nunique().astype(int),
    })
    out["tekanan"] = (out["utilisasi"] + out["utilisasi_puncak"]) / 2
    return out.reset_index()


def unit_metrics(occupancy: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """One row per unit with occupancy rows, METRIC_COLUMNS, sorted by tekanan (highest first).

    occupancy: monthly rows (bulan, kode_unit, kapasitas, penghuni = average residents, penghuni_tppo,
    penerimaan, pemulangan); units: kode_unit, nama, tipe. Units without occupancy rows in the period are
    left out (their pressure is unknown, not zero). Ties: more months over capacity first, then kode_unit.
    """
    columns = list(METRIC_COLUMNS)
    occ = _checked(occupancy)
    if occ.empty:
        return pd.DataFrame(columns=columns)
    out = _summarise(occ)
    names = units[["kode_unit", "nama", "tipe"]].drop_duplicates("kode_unit")
    out = out.merge(names, on="kode_unit", how="left")
    out["nama"] = out["nama"].fillna(out["kode_unit"])
    out = out.sort_values(["tekanan", "bulan_di_atas_kapasitas", "kode_unit"], ascending=[False, False, True],
                          na_position="last", kind="mergesort")
    return out[columns].reset_index(drop=True)


def national_metrics(occupancy: pd.DataFrame, name: str = "Nasional") -> pd.DataFrame:
    """One row (kode_unit NASIONAL) with METRIC_COLUMNS for all units in occupancy together.

    Each month's totals over the units give puncak penghuni, utilisasi, utilisasi_puncak, lama_tinggal_hari and
    porsi_tppo. kapasitas and rata_penghuni are summed over the units, each unit's latest capacity and its average
    residents over the months it reported: a unit missing a month's report (its beds still there) would otherwise
    shrink the beds and the residents of that month. bulan_di_atas_kapasitas is the number of unit-months over
    capacity (Σ over units): national totals would hide a full unit behind an empty one.
    """
    columns = list(METRIC_COLUMNS)
    occ = _checked(occupancy)
    if occ.empty:
        return pd.DataFrame(columns=columns)
    unit_months_over = int((occ["penghuni"] > occ["kapasitas"]).sum())
    per_unit = occ.groupby("kode_unit")
    totals = occ.groupby("bulan", as_index=False)[list(_COUNTS)].sum()
    totals["hari"] = totals["bulan"].dt.days_in_month.astype(float)
    totals["kode_unit"] = NATIONAL_CODE
    out = _summarise(totals)
    out["kapasitas"] = float(per_unit["kapasitas"].last().sum())
    out["rata_penghuni"] = float(per_unit["penghuni"].mean().sum())
    out["bulan_di_atas_kapasitas"] = unit_months_over
    out["nama"] = name
    out["tipe"] = ""
    return out[columns].reset_index(drop=True)


def monthly_utilisation(occupancy: pd.DataFrame) -> pd.DataFrame:
    """occupancy with utilisasi = penghuni / kapasitas per unit and month (NaN when kapasitas is 0)."""
    occ = _checked(occupancy).drop(columns="hari")
    occ["utilisasi"] = _ratio(occ["penghuni"], occ["kapasitas"])
    occ["bulan"] = occ["bulan"].dt.date
    return occ.reset_index(drop=True)


def capacity_alerts(occupancy: pd.DataFrame, threshold: float = 0.9, min_consecutive: int = 2) -> pd.DataFrame:
    """Every run of ≥ min_consecutive consecutive months with utilisation strictly above threshold.

    Columns ALERT_COLUMNS: kode_unit, mulai and akhir (first days of months), jumlah_bulan,
    utilisasi_maks, berlangsung (the run reaches the latest month in the data: still going on).
    A missing month breaks a run; a month exactly at the threshold is not above it. Sorted with
    ongoing runs first, then the latest end, the highest utilisation and kode_unit.
    """
    if min_consecutive < 1:
        raise ValueError("Jumlah bulan berturut-turut minimal 1.")
    occ = monthly_utilisation(occupancy)
    if occ.empty:
        return pd.DataFrame(columns=list(ALERT_COLUMNS))
    latest = max(occ["bulan"])
    runs: list[dict] = []
    for unit, rows in occ.groupby("kode_unit", sort=True):
        run: list[tuple[dt.date, float]] = []
        previous: dt.date | None = None
        for month, util in zip(rows["bulan"], rows["utilisasi"]):
            above = bool(pd.notna(util) and util > threshold)
            if run and not (above and previous is not None and _next_month(previous) == month):
                _close(unit, run, min_consecutive, latest, runs)
                run = []
            if above:
                run.append((month, float(util)))
            previous = month
        _close(unit, run, min_consecutive, latest, runs)
    alerts = pd.DataFrame(runs, columns=list(ALERT_COLUMNS))
    if alerts.empty:
        return alerts
    alerts = alerts.sort_values(["berlangsung", "akhir", "utilisasi_maks", "kode_unit"],
                                ascending=[False, False, False, True], kind="mergesort")
    return alerts.reset_index(drop=True)


def _next_month(month: dt.date) -> dt.date:
    return dt.date(month.year + (month.month == 12), month.month % 12 + 1, 1)


def _close(unit: str, run: list[tuple[dt.date, float]], min_consecutive: int, latest: dt.date,
           runs: list[dict]) -> None:
    if len(run) >= min_consecutive:
        runs.append({
            "kode_unit": unit, "mulai": run[0][0], "akhir": run[-1][0], "jumlah_bulan": len(run),
            "utilisasi_maks": max(u for _, u in run), "berlangsung": run[-1][0] == latest,
            # The month of the peak, so a sentence naming the highest value can name its month too.
            "bulan_maks": max(run, key=lambda mu: mu[1])[0],
        })


def unit_map_frame(metrics: pd.DataFrame, units: pd.DataFrame, staffing: pd.DataFrame) -> pd.DataFrame:
    """The columns builders.maps.make_unit_map draws: penghuni = average residents, staf = filled posts
    of all roles in the staffing quarter given (NaN when the unit reported none)."""
    places = units[["kode_unit", "lat", "lon"]].drop_duplicates("kode_unit")
    staff = staffing.groupby("kode_unit")["terisi"].sum() if not staffing.empty else pd.Series(dtype=float)
    frame = metrics.merge(places, on="kode_unit", how="left")
    frame["penghuni"] = frame["rata_penghuni"]
    frame["staf"] = frame["kode_unit"].map(staff).astype(float)
    return frame[list(MAP_COLUMNS)]


def reporting_gaps(history: pd.DataFrame, units: list[str], start: dt.date, end: dt.date) -> list[tuple[str, dt.date]]:
    """(unit, month) pairs in start..end with no occupancy report, for units that had reported by then: a unit's
    beds and residents are missing from those months' totals. history: bulan, kode_unit (every month up to end);
    units: the active units in scope."""
    first = history.groupby("kode_unit")["bulan"].min().to_dict() if len(history) else {}
    seen = set(zip(history["kode_unit"], history["bulan"]))
    gaps = []
    for unit in units:
        if unit not in first:
            continue
        month = max(start, first[unit])
        while month <= end:
            if (unit, month) not in seen:
                gaps.append((unit, month))
            month = _next_month(month)
    return gaps


def pressure_band_counts(metrics: pd.DataFrame, bands: tuple[float, ...] = (0.9, 1.0)) -> dict[str, int]:
    """How many units have average utilisation above each band (e.g. {'0.9': 5, '1.0': 2})."""
    util = pd.to_numeric(metrics["utilisasi"], errors="coerce").to_numpy(dtype=float)
    return {f"{b:g}": int(np.sum(util > b)) for b in bands}
