"""Prevention figures and the priority list (wilayah prioritas pencegahan): pure, DataFrames in, DataFrames out.

The rule, stated on the page and in every download (strings "pcg.rule"):
  1. Listed: kab/kota with at least one victim (by origin) in the 12 months ending at the period's end.
  2. Group 1, first: no prevention activity recorded there in those 12 months.
  3. Group 2: victims rose against the 12 months before beyond chance, while prevention went on. "Rose" is the
     rule every "naik" of the dashboard follows (domain.comparison: both windows at least MIN_COUNT victims and
     the Poisson test below ALPHA), so 1 → 2 victims is not a rise.
  4. Group 3: the others.
  Within a group: most victims per prevention activity first (group 1: most victims), then most victims, then the
  largest difference (selisih, may be negative), then the code (a stable order for equal figures).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from domain.comparison import UP, compare_counts
from domain.rates import annual_rate_per_100k, rate_per_100k

GROUP_NO_PREVENTION, GROUP_RISING, GROUP_OTHER = 1, 2, 3
PRIORITY_COLUMNS = ["urutan", "kelompok", "kode", "nama", "kode_prov", "korban_12", "korban_12_sebelumnya",
                    "selisih", "kegiatan_12", "peserta_12", "korban_per_kegiatan", "korban_per_10rb_pmi"]


def per_placed(victims: float | None, placed: float | None, per: float = 10_000.0) -> float | None:
    """Victims per `per` placed migrant workers of the same year; None when no placements are recorded."""
    if victims is None or placed is None or (isinstance(placed, float) and math.isnan(placed)) or placed <= 0:
        return None
    return float(victims) / float(placed) * per


def _counts(df: pd.DataFrame | None, column: str) -> pd.Series:
    if df is None or df.empty:
        return pd.Series(dtype="int64")
    return df.groupby("kode")[column].sum()


def priority_areas(regions: pd.DataFrame, victims_12: pd.DataFrame, victims_previous: pd.DataFrame,
                   activities_12: pd.DataFrame, placements: pd.DataFrame | None = None,
                   months: tuple[int, int] = (12, 12)) -> pd.DataFrame:
    """The ranked list of kab/kota (module docstring for the rule).

    regions: kode, nama, kode_prov of the kab/kota that can be listed (province rows are ignored: a victim whose
    kab/kota is unknown cannot be placed in a kab/kota). victims_12, victims_previous: kode, jumlah (the 12 months
    ending at the period's end, and the 12 months before). activities_12: kode, kegiatan, peserta. placements:
    kode, jumlah of the latest year (optional). months: the lengths of the two windows (shorter where the data
    begin later; the rise compares monthly rates; 0 previous months: no rise can be judged). Returns
    PRIORITY_COLUMNS, urutan from 1."""
    kab = regions[regions["kode"].str.contains(".", regex=False)].set_index("kode")
    now = _counts(victims_12, "jumlah").reindex(kab.index, fill_value=0)
    before = _counts(victims_previous, "jumlah").reindex(kab.index, fill_value=0)
    done = _counts(activities_12, "kegiatan").reindex(kab.index, fill_value=0)
    reach = _counts(activities_12, "peserta").reindex(kab.index, fill_value=0)
    placed = _counts(placements, "jumlah").reindex(kab.index) if placements is not None else None
    out = pd.DataFrame({
        "kode": kab.index, "nama": kab["nama"].to_numpy(), "kode_prov": kab["kode_prov"].to_numpy(),
        "korban_12": now.to_numpy().astype("int64"), "korban_12_sebelumnya": before.to_numpy().astype("int64"),
        "kegiatan_12": done.to_numpy().astype("int64"), "peserta_12": reach.to_numpy().astype("int64"),
    })
    out = out[out["korban_12"] > 0].copy()
    now_months, before_months = months
    # A difference of counts means something only over windows of equal length (the data may begin later).
    out["selisih"] = (out["korban_12"] - out["korban_12_sebelumnya"]).astype(float) if now_months == before_months \
        else float("nan")
    rising = [before_months > 0 and compare_counts(a, b, current_months=now_months,
                                                   previous_months=before_months).status == UP
              for a, b in zip(out["korban_12"], out["korban_12_sebelumnya"])]
    out["kelompok"] = GROUP_OTHER
    out.loc[rising, "kelompok"] = GROUP_RISING
    out.loc[out["kegiatan_12"] == 0, "kelompok"] = GROUP_NO_PREVENTION
    out["korban_per_kegiatan"] = [v / k if k else math.inf for v, k in zip(out["korban_12"], out["kegiatan_12"])]
    # Float with NaN where no placements are recorded (None would make an object column that cannot be rounded:
    # Pencegahan crashed for DKI Jakarta, whose kab/kota have no placement rows).
    out["korban_per_10rb_pmi"] = pd.array([per_placed(v, None if placed is None else placed.get(c))
                                           for c, v in zip(out["kode"], out["korban_12"])], dtype="Float64"
                                          ).astype(float)
    out = out.sort_values(["kelompok", "korban_per_kegiatan", "korban_12", "selisih", "kode"],
                          ascending=[True, False, False, False, True], kind="mergesort")
    out["urutan"] = range(1, len(out) + 1)
    out["korban_per_kegiatan"] = out["korban_per_kegiatan"].replace(math.inf, float("nan"))
    return out[PRIORITY_COLUMNS].reset_index(drop=True)


AREA_COLUMNS = ["kode", "nama", "populasi", "korban", "korban_100rb", "korban_tahun", "pmi", "korban_per_10rb_pmi",
                "kegiatan_12", "peserta_12", "kegiatan_100rb"]


def area_figures(areas: pd.DataFrame, victims: pd.DataFrame, months: int, victims_year: pd.DataFrame,
                 placements: pd.DataFrame, activities_12: pd.DataFrame | None) -> pd.DataFrame:
    """Origin risk beside prevention reach, one row per area (province or kab/kota), for the maps and tables.

    areas: kode, nama, populasi (NaN unknown). victims: kode, jumlah over the period of `months` months.
    victims_year and placements: kode, jumlah of the placement year. activities_12: kode, kegiatan, peserta of the
    12 months ending at the period's end; None when the activity reports cover none of those months (the counts are
    then unknown, NaN, not 0). Rates are NaN (no data), never 0, where a denominator is missing."""
    base = areas[["kode", "nama", "populasi"]].copy().set_index("kode")

    def reach(column: str):
        if activities_12 is None:
            return np.full(len(base), np.nan)
        return _counts(activities_12, column).reindex(base.index, fill_value=0).to_numpy().astype(float)

    out = pd.DataFrame({
        "kode": base.index, "nama": base["nama"].to_numpy(), "populasi": base["populasi"].to_numpy(dtype=float),
        "korban": _counts(victims, "jumlah").reindex(base.index, fill_value=0).to_numpy().astype("int64"),
        "korban_tahun": _counts(victims_year, "jumlah").reindex(base.index, fill_value=0).to_numpy().astype("int64"),
        "pmi": _counts(placements, "jumlah").reindex(base.index).to_numpy(dtype=float),
        "kegiatan_12": reach("kegiatan"), "peserta_12": reach("peserta"),
    })
    out["korban_100rb"] = annual_rate_per_100k(out["korban"], out["populasi"], months)
    out["korban_per_10rb_pmi"] = [per_placed(v, p) for v, p in zip(out["korban_tahun"], out["pmi"])]
    out["korban_per_10rb_pmi"] = out["korban_per_10rb_pmi"].astype(float)
    out["kegiatan_100rb"] = rate_per_100k(out["kegiatan_12"], out["populasi"])
    return out[AREA_COLUMNS]


def departures_against_victims(prevented: pd.DataFrame, victims: pd.DataFrame) -> pd.DataFrame:
    """Prevented departures and victims per month and province, one row per (bulan, kode_prov), zeros filled.

    prevented: bulan, kode_provinsi, jumlah. victims: bulan, kode_prov_asal, jumlah.
    Returns bulan, kode_prov, dicegah, korban."""
    a = prevented.rename(columns={"kode_provinsi": "kode_prov", "jumlah": "dicegah"})[["bulan", "kode_prov", "dicegah"]]
    b = victims.rename(columns={"kode_prov_asal": "kode_prov", "jumlah": "korban"})[["bulan", "kode_prov", "korban"]]
    out = a.merge(b, on=["bulan", "kode_prov"], how="outer").fillna({"dicegah": 0, "korban": 0})
    return out.astype({"dicegah": "int64", "korban": "int64"}).sort_values(["bulan", "kode_prov"]).reset_index(
        drop=True)
