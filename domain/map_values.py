"""Values behind the victim-origin maps: per-area counts, rates and shares, flows, fallback points, coverage rows."""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from domain.formatting import fmt_dec, fmt_int, fmt_pct, short_area_name
from domain.rates import annual_rate_per_100k

VALUE_COLUMNS = ["kode", "nama", "jumlah", "populasi", "rate", "share", "diketahui"]
FLOW_COLUMNS = [
    "asal_kode", "asal_nama", "asal_lat", "asal_lon",
    "tujuan_jenis", "tujuan_kode", "tujuan_nama", "tujuan_lat", "tujuan_lon", "jumlah",
]
POINT_COLUMNS = ["kode", "nama", "lat", "lon", "jumlah", "populasi", "rate", "share"]
DOMESTIC, ABROAD = "DN", "LN"  # tujuan_jenis: dalam negeri (a province code) / luar negeri (an ISO3 code)


def victims_by_province(victims: pd.DataFrame) -> pd.DataFrame:
    """victims: kode_prov_asal, jumlah (any further columns are summed over) → kode, jumlah."""
    _require(victims, ("kode_prov_asal", "jumlah"), "victims")
    return (
        victims.groupby(victims["kode_prov_asal"].astype(str).rename("kode"), sort=True)["jumlah"]
        .sum()
        .reset_index()
    )


def victims_in_province(victims: pd.DataFrame, kode_prov: str) -> pd.DataFrame:
    """Victims of one province by origin code → kode, jumlah.

    victims: kode_asal, kode_prov_asal, jumlah. kode is the kab/kota code, or the province code itself
    for victims whose kab/kota is unknown (origin coded at province level).
    """
    _require(victims, ("kode_asal", "kode_prov_asal", "jumlah"), "victims")
    mine = victims[victims["kode_prov_asal"].astype(str) == str(kode_prov)]
    return (
        mine.groupby(mine["kode_asal"].astype(str).rename("kode"), sort=True)["jumlah"]
        .sum()
        .reset_index()
    )


def area_values(
    victims: pd.DataFrame,
    regions: pd.DataFrame,
    *,
    unknown_kode: str = "?",
    unknown_nama: str = "tidak diketahui",
    months: int = 12,
    population_matches: bool = True,
) -> pd.DataFrame:
    """Every region with its victims, population, rate per 100,000 and share of all victims.

    victims: kode, jumlah (repeated codes are summed). regions: kode, nama, populasi (NaN when unknown).
    Returns VALUE_COLUMNS, regions in kode order: jumlah is 0 (never missing) for a region without
    victims; rate is NaN where the population is unknown, never 0; share is jumlah / all victims
    (NaN when there are none). Victims whose code is not a region (e.g. an origin coded only at
    province level when regions are kab/kota) are kept, summed into one last row with
    unknown_kode/unknown_nama and diketahui False, so shares add up to 1 and nobody is dropped.

    The rate is per 100,000 population per year (annual_rate_per_100k over `months`), so six months and
    thirty-one months read on the same scale. population_matches False (a sex or age filter with only the
    whole population loaded) leaves every rate NaN rather than divide by the wrong denominator.
    """
    _require(victims, ("kode", "jumlah"), "victims")
    _require(regions, ("kode", "nama", "populasi"), "regions")
    counts = victims.assign(kode=victims["kode"].astype(str)).groupby("kode")["jumlah"].sum()
    base = regions.assign(kode=regions["kode"].astype(str)).drop_duplicates("kode").sort_values("kode")
    known = base[["kode", "nama"]].assign(
        jumlah=base["kode"].map(counts).fillna(0).astype("int64").to_numpy(),
        populasi=pd.to_numeric(base["populasi"], errors="coerce").astype(float).to_numpy(),
        diketahui=True,
    )
    unknown = int(counts[~counts.index.isin(set(base["kode"]))].sum())
    if unknown:
        known = pd.concat(
            [known, pd.DataFrame([{"kode": unknown_kode, "nama": unknown_nama, "jumlah": unknown,
                                   "populasi": np.nan, "diketahui": False}])],
            ignore_index=True,
        )
    out = known.reset_index(drop=True)
    out["jumlah"] = out["jumlah"].astype("int64")
    out["populasi"] = out["populasi"].astype(float)
    out["rate"] = (annual_rate_per_100k(out["jumlah"], out["populasi"], months).astype(float) if population_matches
                   else np.nan)
    total = int(out["jumlah"].sum())
    out["share"] = out["jumlah"] / total if total else np.nan
    out["diketahui"] = out["diketahui"].astype(bool)
    return out[VALUE_COLUMNS]


def ranked_areas(values: pd.DataFrame, top_n: int = 10, by: Literal["jumlah", "rate"] = "jumlah") -> pd.DataFrame:
    """The top_n known areas with victims, ranked by `by`, then the unknown row if it holds victims.

    Ranking by rate puts areas without a rate last; ties go to more victims, then name. Columns:
    peringkat (1.., NaN for the unknown row), then VALUE_COLUMNS. The unknown row is always kept:
    those victims must never vanish from the table.
    """
    if by not in ("jumlah", "rate"):
        raise ValueError(f"by harus 'jumlah' atau 'rate', bukan {by!r}")
    if top_n < 1:
        raise ValueError(f"top_n harus >= 1, bukan {top_n}")
    _require(values, tuple(VALUE_COLUMNS), "values")
    known = values[values["diketahui"] & (values["jumlah"] > 0)]
    keys = [by, "jumlah", "nama"] if by == "rate" else ["jumlah", "rate", "nama"]
    top = known.sort_values(keys, ascending=[False, False, True], na_position="last", kind="mergesort").head(top_n)
    top = top.assign(peringkat=np.arange(1, len(top) + 1, dtype=float))
    rest = values[~values["diketahui"] & (values["jumlah"] > 0)].assign(peringkat=np.nan)
    return pd.concat([top, rest], ignore_index=True)[["peringkat", *VALUE_COLUMNS]]


def top_areas(values: pd.DataFrame, n: int = 5) -> list[tuple[str, int]]:
    """(nama, jumlah) of the n known areas with the most victims, for the map's text alternative."""
    ranked = ranked_areas(values, top_n=n, by="jumlah")
    ranked = ranked[ranked["diketahui"]]
    return [(str(nama), int(jumlah)) for nama, jumlah in zip(ranked["nama"], ranked["jumlah"])]


def build_flows(
    victims: pd.DataFrame,
    provinces: pd.DataFrame,
    countries: pd.DataFrame,
    tujuan_jenis: tuple[str, ...] = (ABROAD, DOMESTIC),
) -> pd.DataFrame:
    """Victims from origin province to destination (a country abroad, or a province at home).

    victims: kode_prov_asal, tujuan_jenis (LN|DN), kode_tujuan, jumlah. provinces: kode, nama, lat, lon
    (the capital). countries: iso3, nama, lat, lon (pass the names in the display language).
    Returns FLOW_COLUMNS, one row per origin-destination pair with victims, most victims first.
    A code without a reference row keeps its code as name and has no coordinates (the Sankey still
    shows it; a flow map leaves it out).
    """
    _require(victims, ("kode_prov_asal", "tujuan_jenis", "kode_tujuan", "jumlah"), "victims")
    _require(provinces, ("kode", "nama", "lat", "lon"), "provinces")
    _require(countries, ("iso3", "nama", "lat", "lon"), "countries")
    rows = victims[victims["tujuan_jenis"].isin(tujuan_jenis)].dropna(subset=["kode_tujuan"])
    pairs = (
        rows.assign(asal_kode=rows["kode_prov_asal"].astype(str), tujuan_kode=rows["kode_tujuan"].astype(str))
        .groupby(["asal_kode", "tujuan_jenis", "tujuan_kode"], as_index=False)["jumlah"]
        .sum()
    )
    pairs = pairs[pairs["jumlah"] > 0]
    prov = provinces.assign(kode=provinces["kode"].astype(str)).drop_duplicates("kode").set_index("kode")
    ctry = countries.assign(iso3=countries["iso3"].astype(str)).drop_duplicates("iso3").set_index("iso3")

    def lookup(codes: pd.Series, table: pd.DataFrame, column: str) -> pd.Series:
        return codes.map(table[column]) if len(table) else pd.Series(np.nan, index=codes.index)

    out = pairs.assign(
        asal_nama=lookup(pairs["asal_kode"], prov, "nama").fillna(pairs["asal_kode"]),
        asal_lat=lookup(pairs["asal_kode"], prov, "lat"),
        asal_lon=lookup(pairs["asal_kode"], prov, "lon"),
    )
    abroad = out["tujuan_jenis"] == ABROAD
    for column in ("nama", "lat", "lon"):
        out[f"tujuan_{column}"] = lookup(out["tujuan_kode"], ctry, column).where(
            abroad, lookup(out["tujuan_kode"], prov, column)
        )
    out["tujuan_nama"] = out["tujuan_nama"].fillna(out["tujuan_kode"])
    for column in ("asal_lat", "asal_lon", "tujuan_lat", "tujuan_lon"):
        out[column] = pd.to_numeric(out[column], errors="coerce").astype(float)
    out["jumlah"] = out["jumlah"].astype("int64")
    out = out.sort_values(["jumlah", "asal_kode", "tujuan_kode"], ascending=[False, True, True], kind="mergesort")
    return out[FLOW_COLUMNS].reset_index(drop=True)


def fallback_points(values: pd.DataFrame, regions: pd.DataFrame) -> pd.DataFrame:
    """Known areas of `values` placed at their region's point (a province capital) → POINT_COLUMNS.

    Used when no boundary file is available. Every known area is kept, zeros included (drawn as
    zero); an area without a point keeps NaN lat/lon and the map builder reports it as not drawn.
    """
    _require(values, tuple(VALUE_COLUMNS), "values")
    _require(regions, ("kode", "lat", "lon"), "regions")
    where = regions.assign(kode=regions["kode"].astype(str)).drop_duplicates("kode").set_index("kode")
    known = values[values["diketahui"]].reset_index(drop=True)
    out = known.assign(
        lat=pd.to_numeric(known["kode"].map(where["lat"]), errors="coerce").astype(float),
        lon=pd.to_numeric(known["kode"].map(where["lon"]), errors="coerce").astype(float),
    )
    return out[POINT_COLUMNS]


def coverage_origins(victims: pd.DataFrame, points: pd.DataFrame, nearest: pd.DataFrame) -> pd.DataFrame:
    """Origins with victims, placed and with their nearest unit, for builders.maps.make_coverage_layer.

    victims: kode, jumlah. points: kode, nama, lat, lon (kab/kota representative points).
    nearest: output of domain.geo.nearest_unit. Returns kode, nama, lat, lon, jumlah,
    jarak_km, kode_unit_terdekat for origins that are a point with at least one victim, most victims first.
    """
    _require(victims, ("kode", "jumlah"), "victims")
    _require(points, ("kode", "nama", "lat", "lon"), "points")
    _require(nearest, ("kode", "kode_unit_terdekat", "jarak_km"), "nearest")
    counts = victims.assign(kode=victims["kode"].astype(str)).groupby("kode", as_index=False)["jumlah"].sum()
    placed = points[["kode", "nama", "lat", "lon"]].assign(kode=points["kode"].astype(str))
    out = counts.merge(placed, on="kode", how="inner").merge(
        nearest.assign(kode=nearest["kode"].astype(str)).drop_duplicates("kode"), on="kode", how="left"
    )
    out = out[out["jumlah"] > 0].sort_values(["jumlah", "kode"], ascending=[False, True], kind="mergesort")
    return out[["kode", "nama", "lat", "lon", "jumlah", "jarak_km", "kode_unit_terdekat"]].reset_index(drop=True)


def underserved_rows(
    underserved: pd.DataFrame,
    region_names: dict[str, str],
    unit_names: dict[str, str],
) -> pd.DataFrame:
    """domain.geo.CoverageResult.underserved with names: kode, nama, provinsi, jumlah, jarak_km, unit_terdekat.

    A code without a name keeps its code, so a row is never blank.
    """
    _require(underserved, ("kode", "jumlah", "jarak_km", "kode_unit_terdekat"), "underserved")
    kode = underserved["kode"].astype(str)
    unit = underserved["kode_unit_terdekat"]
    return pd.DataFrame(
        {
            "kode": kode,
            "nama": kode.map(lambda k: region_names.get(k, k)),
            "provinsi": kode.str[:2].map(lambda k: region_names.get(k, k)),
            "jumlah": underserved["jumlah"].astype("int64"),
            "jarak_km": underserved["jarak_km"].astype(float),
            "unit_terdekat": [unit_names.get(str(u), str(u)) if pd.notna(u) else None for u in unit],
        }
    ).reset_index(drop=True)


def scope_rate(known: pd.DataFrame, provinces: tuple[str, ...], total: int, months: int
               ) -> tuple[float | None, list[str]]:
    """(victims per 100,000 per year over the provinces in scope, names of those without a population).

    known: the provinces' area_values (kode, nama, populasi). With a province filter the rate is over those
    provinces' population only, not all of Indonesia's; a province in scope without a population would put its
    victims over nobody's population, so there is then no rate (None) and the names say why."""
    in_scope = known[known["kode"].isin(provinces)] if provinces else known
    missing = in_scope.loc[in_scope["populasi"].isna(), "nama"].tolist()
    population = float(in_scope["populasi"].sum())
    rate = float(annual_rate_per_100k(total, population, months)) if population > 0 and not missing else None
    return rate, missing


def fmt_rate(rate: float | None, lang: str = "id", no_data: str = "tidak ada data") -> str:
    """A rate per 100,000: one decimal (14,0), two below 1 (0,30) so a small rate never reads as 0."""
    if rate is None or pd.isna(rate):
        return no_data
    return fmt_dec(rate, 2 if 0 < rate < 1 else 1, lang, no_data)


def table_frames(
    df: pd.DataFrame, columns: dict[str, str], lang: str = "id", no_data: str = "tidak ada data"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, download) of the same rows and columns, renamed by `columns` (source → header).

    shown holds names without a repeated "Kabupaten " and text formatted for the language (4.320; rate 12,5 or 0,04; share 12,5%; a missing
    population, rate or distance reads `no_data`); download holds numbers rounded as shown (share in percent).
    """
    formats = {
        "nama": short_area_name,
        "peringkat": lambda v: fmt_int(v, lang, ""),
        "jumlah": lambda v: fmt_int(v, lang),
        "populasi": lambda v: fmt_int(v, lang, no_data),
        "rate": lambda v: fmt_rate(v, lang, no_data),
        "share": lambda v: fmt_pct(v, 1, lang),
        "jarak_km": lambda v: fmt_int(v, lang, no_data),
    }
    picked = df[list(columns)]
    data = picked.copy()
    if "share" in data:
        data["share"] = (data["share"] * 100).round(1)
    for column, digits in (("rate", 2), ("jarak_km", 0)):
        if column in data:
            data[column] = data[column].round(digits)
    shown = picked.assign(**{c: picked[c].map(f) for c, f in formats.items() if c in picked})
    return shown.rename(columns=columns).reset_index(drop=True), data.rename(columns=columns).reset_index(drop=True)


def _require(df: pd.DataFrame, columns: tuple[str, ...], name: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"{name} tidak memiliki kolom: {', '.join(missing)}")
