"""Great-circle distances from victims' origins to service units, and the coverage they imply."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

# IUGG mean Earth radius R1 = (2a + b) / 3 for WGS84, in km. Any sphere is an approximation of the
# ellipsoid (error up to ~0.5 %); the mean radius minimises that error on average.
EARTH_RADIUS_KM = 6371.0088
DEFAULT_THRESHOLD_KM = 300.0


def haversine_km(lat1: ArrayLike, lon1: ArrayLike, lat2: ArrayLike, lon2: ArrayLike) -> float | np.ndarray:
    """Great-circle distance in km between points given in decimal degrees (WGS84).

    Haversine formula on a sphere of radius EARTH_RADIUS_KM:
        a = sin²(Δφ/2) + cos φ1 · cos φ2 · sin²(Δλ/2),   d = 2R · asin(√a)
    Inputs may be scalars or array-likes that broadcast against each other (numpy rules).
    Returns a float for all-scalar input, otherwise a numpy array. NaN in, NaN out.
    Near-antipodal pairs lose ~0.2 m to asin's conditioning: irrelevant at Indonesia's scale.
    """
    phi1, lam1, phi2, lam2 = (np.radians(np.asarray(v, dtype=float)) for v in (lat1, lon1, lat2, lon2))
    a = np.sin((phi2 - phi1) / 2.0) ** 2 + np.cos(phi1) * np.cos(phi2) * np.sin((lam2 - lam1) / 2.0) ** 2
    # Rounding can push a a hair above 1 for antipodal points, which would make asin return NaN.
    distance = 2.0 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    return float(distance) if np.ndim(distance) == 0 else distance


def nearest_unit(origins: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """Nearest service unit for each origin, by great-circle distance.

    origins: columns kode, lat, lon. units: columns kode_unit, lat, lon.
    Returns one row per origin, in input order: kode (str), kode_unit_terdekat (str; missing when
    unknown), jarak_km (float). Origins without coordinates get a missing unit and NaN km. Units
    without coordinates are ignored; when no unit is left the distance is +inf (nothing is within
    reach), not NaN.
    Ties go to the first unit in `units` order.
    """
    _require(origins, ("kode", "lat", "lon"), "origins")
    _require(units, ("kode_unit", "lat", "lon"), "units")
    placed = units.dropna(subset=["lat", "lon"])
    n = len(origins)
    o_lat = origins["lat"].to_numpy(dtype=float, na_value=np.nan)
    o_lon = origins["lon"].to_numpy(dtype=float, na_value=np.nan)
    known = ~(np.isnan(o_lat) | np.isnan(o_lon))

    jarak = np.full(n, np.nan)
    terdekat = np.full(n, None, dtype=object)
    if placed.empty:
        jarak[known] = np.inf
    elif known.any():
        # A dense origins × units matrix: 514 kab/kota × a few hundred units is well under a megabyte.
        matrix = haversine_km(
            o_lat[known, None], o_lon[known, None],
            placed["lat"].to_numpy(dtype=float)[None, :], placed["lon"].to_numpy(dtype=float)[None, :],
        )
        best = np.argmin(matrix, axis=1)
        jarak[known] = matrix[np.arange(len(best)), best]
        terdekat[known] = placed["kode_unit"].astype(str).to_numpy()[best]

    return pd.DataFrame(
        {
            "kode": origins["kode"].astype(str).to_numpy(),
            "kode_unit_terdekat": terdekat,
            "jarak_km": jarak,
        }
    )


@dataclass(frozen=True)
class CoverageResult:
    """How many victims come from origins beyond `threshold_km` of the nearest unit."""

    threshold_km: float
    total_korban: int
    korban_jauh: int  # origin strictly farther than the threshold from every unit
    korban_tanpa_lokasi: int  # origin has no known distance; counted neither near nor far
    share_jauh: float  # korban_jauh / victims with a known distance; NaN when there are none
    underserved: pd.DataFrame  # kode, jumlah, jarak_km, kode_unit_terdekat; most victims first


def coverage(
    victims_by_origin: pd.DataFrame,
    nearest: pd.DataFrame,
    threshold_km: float = DEFAULT_THRESHOLD_KM,
) -> CoverageResult:
    """Share of victims whose origin lies farther than `threshold_km` from any unit.

    victims_by_origin: kode, jumlah (repeated kode are summed). nearest: output of nearest_unit.
    The underserved table lists origins with at least one victim beyond the threshold, sorted by
    victims (descending), then distance (descending), then kode.
    """
    _require(victims_by_origin, ("kode", "jumlah"), "victims_by_origin")
    _require(nearest, ("kode", "kode_unit_terdekat", "jarak_km"), "nearest")
    if not threshold_km >= 0:
        raise ValueError(f"threshold_km harus >= 0, bukan {threshold_km!r}")

    victims = (
        victims_by_origin.assign(kode=victims_by_origin["kode"].astype(str))
        .groupby("kode", as_index=False, sort=True)["jumlah"]
        .sum()
    )
    distances = nearest.assign(kode=nearest["kode"].astype(str)).drop_duplicates("kode")
    # Left join: a victim whose origin has no distance row must still be counted (as "tanpa lokasi").
    joined = victims.merge(distances, on="kode", how="left")
    jumlah = joined["jumlah"].fillna(0).astype("int64")
    jarak = joined["jarak_km"].astype(float)

    far = jarak > threshold_km  # NaN compares False, so unknown distances are never called far
    unknown = jarak.isna()
    total = int(jumlah.sum())
    korban_jauh = int(jumlah[far].sum())
    korban_tanpa_lokasi = int(jumlah[unknown].sum())
    located = total - korban_tanpa_lokasi
    share = korban_jauh / located if located > 0 else float("nan")

    underserved = (
        joined.assign(jumlah=jumlah)
        .loc[far & (jumlah > 0), ["kode", "jumlah", "jarak_km", "kode_unit_terdekat"]]
        .sort_values(["jumlah", "jarak_km", "kode"], ascending=[False, False, True], kind="mergesort")
        .reset_index(drop=True)
    )
    return CoverageResult(
        threshold_km=float(threshold_km),
        total_korban=total,
        korban_jauh=korban_jauh,
        korban_tanpa_lokasi=korban_tanpa_lokasi,
        share_jauh=share,
        underserved=underserved,
    )


def _require(df: pd.DataFrame, columns: tuple[str, ...], name: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"{name} tidak memiliki kolom: {', '.join(missing)}")


def units_serving(by_unit: pd.DataFrame, units: pd.DataFrame, lat: float | None, lon: float | None) -> pd.DataFrame:
    """The units that served a province's victims, most victims first: kode_unit (None: not recorded), jumlah,
    jarak_km (great-circle distance from (lat, lon), the province's capital; NaN when either point is unknown).

    by_unit: kode_unit, jumlah (victims per unit, from the case data). units: kode_unit, lat, lon."""
    if by_unit.empty:
        return pd.DataFrame(columns=["kode_unit", "jumlah", "jarak_km"])
    places = units.drop_duplicates("kode_unit").set_index("kode_unit")
    rows = by_unit[by_unit["jumlah"] > 0]
    codes = [None if pd.isna(c) else str(c) for c in rows["kode_unit"]]
    distance = [float(haversine_km(lat, lon, places.at[c, "lat"], places.at[c, "lon"]))
                if c is not None and c in places.index and lat is not None and lon is not None else np.nan
                for c in codes]
    out = pd.DataFrame({"kode_unit": codes, "jumlah": rows["jumlah"].astype("int64").to_numpy(),
                        "jarak_km": distance})
    out["_known"] = out["kode_unit"].notna()
    out = out.sort_values(["_known", "jumlah", "kode_unit"], ascending=[False, False, True], kind="mergesort",
                          na_position="last")
    return out.drop(columns="_known").reset_index(drop=True)
