"""SDM competence: trained and certified share per unit and role against the admin's targets, beside WISN shortage.

Pure. The rules (stated on the page and in the README):
- trained share = persons trained in the 12 months ending at the period's end / filled posts (terisi) of the
  staff quarter that stands for the period, capped at 100 %. Training records are aggregated counts, so a person
  trained twice counts twice: the share is an upper bound on the distinct persons trained.
- certified share = bersertifikat / terisi of the same quarter.
- a unit × role is below target when its share is below the role's target; "kurang" is the number of persons
  still to train (or certify) to reach it, rounded up; no target means no verdict.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from domain.sdm import ROLES

COMPETENCE_COLUMNS = (
    "kode_unit", "peran", "terisi", "dilatih", "porsi_terlatih", "target_terlatih", "kurang_terlatih",
    "bersertifikat", "porsi_bersertifikat", "target_bersertifikat", "kurang_sertifikat", "kekurangan", "wisn_ratio",
)
ROLE_COLUMNS = ("peran", "terisi", "terlatih", "porsi_terlatih", "target_terlatih", "unit_di_bawah_terlatih",
                "bersertifikat", "porsi_bersertifikat", "target_bersertifikat", "unit_di_bawah_sertifikat")
TARGET_COLUMNS = ("peran", "target_terlatih", "target_bersertifikat")


def _short(target: pd.Series, filled: pd.Series, have: pd.Series) -> pd.Series:
    """Persons still needed to reach the target: ceil(target × terisi) − have, at least 0; NaN without a target."""
    need = np.ceil(target * filled - 1e-9) - have  # 1e-9: 0.8 × 5 is 4.000000000000001 in floating point
    return (need.clip(lower=0) + 0.0).where(target.notna())  # + 0.0 turns -0.0 into 0.0


def competence_table(staffing: pd.DataFrame, trained: pd.DataFrame, targets: pd.DataFrame,
                     wisn: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per unit × role of the staff snapshot (COMPETENCE_COLUMNS), ordered by unit and role.

    staffing: kode_unit, peran, terisi, bersertifikat (one quarter); trained: kode_unit, peran, dilatih (persons
    trained in the window); targets: peran, target_terlatih, target_bersertifikat (fractions, NaN = none);
    wisn: kode_unit, peran, kekurangan, wisn_ratio (optional; NaN where missing).
    """
    if staffing.empty:
        return pd.DataFrame(columns=list(COMPETENCE_COLUMNS))
    out = staffing[["kode_unit", "peran", "terisi", "bersertifikat"]].copy()
    out["terisi"] = pd.to_numeric(out["terisi"]).astype(float)
    out["bersertifikat"] = pd.to_numeric(out["bersertifikat"]).astype(float)
    done = trained.groupby(["kode_unit", "peran"])["dilatih"].sum() if not trained.empty else pd.Series(dtype=float)
    out["dilatih"] = [float(done.get((u, r), 0.0)) for u, r in zip(out["kode_unit"], out["peran"])]
    filled = out["terisi"].where(out["terisi"] > 0)
    trained_capped = np.minimum(out["dilatih"], out["terisi"])
    out["porsi_terlatih"] = trained_capped / filled
    out["porsi_bersertifikat"] = out["bersertifikat"] / filled
    goals = targets.set_index("peran") if not targets.empty else pd.DataFrame(columns=list(TARGET_COLUMNS[1:]))
    for column in ("target_terlatih", "target_bersertifikat"):
        out[column] = pd.to_numeric(out["peran"].map(goals[column]), errors="coerce").astype(float)
    out["kurang_terlatih"] = _short(out["target_terlatih"], out["terisi"], trained_capped)
    out["kurang_sertifikat"] = _short(out["target_bersertifikat"], out["terisi"], out["bersertifikat"])
    if wisn is not None and not wisn.empty:
        keyed = wisn.set_index(["kode_unit", "peran"])
        keys = list(zip(out["kode_unit"], out["peran"]))
        for column in ("kekurangan", "wisn_ratio"):
            out[column] = [float(keyed[column].get(k, math.nan)) for k in keys]
    else:
        out["kekurangan"] = math.nan
        out["wisn_ratio"] = math.nan
    order = {role: i for i, role in enumerate(ROLES)}
    out["_urut"] = out["peran"].map(order).fillna(len(order))
    out = out.sort_values(["kode_unit", "_urut"], kind="mergesort")
    return out[list(COMPETENCE_COLUMNS)].reset_index(drop=True)


def below_target(table: pd.DataFrame, share: str, target: str) -> pd.Series:
    """True where a unit × role has a target, filled posts, and a share below the target."""
    return (table[target].notna() & table[share].notna() & (table[share] < table[target] - 1e-12)).astype(bool)


def competence_by_role(table: pd.DataFrame) -> pd.DataFrame:
    """Per role (ROLE_COLUMNS): persons filled, trained (capped per unit) and certified, shares, targets, and the
    number of units below each target."""
    if table.empty:
        return pd.DataFrame(columns=list(ROLE_COLUMNS))
    rows = table.assign(
        terlatih=np.minimum(table["dilatih"], table["terisi"]),
        bawah_t=below_target(table, "porsi_terlatih", "target_terlatih"),
        bawah_s=below_target(table, "porsi_bersertifikat", "target_bersertifikat"),
    )
    grouped = rows.groupby("peran", sort=False)
    out = pd.DataFrame({
        "terisi": grouped["terisi"].sum(), "terlatih": grouped["terlatih"].sum(),
        "target_terlatih": grouped["target_terlatih"].first(), "unit_di_bawah_terlatih": grouped["bawah_t"].sum(),
        "bersertifikat": grouped["bersertifikat"].sum(),
        "target_bersertifikat": grouped["target_bersertifikat"].first(),
        "unit_di_bawah_sertifikat": grouped["bawah_s"].sum(),
    }).reset_index()
    filled = out["terisi"].where(out["terisi"] > 0)
    out["porsi_terlatih"] = out["terlatih"] / filled
    out["porsi_bersertifikat"] = out["bersertifikat"] / filled
    for column in ("unit_di_bawah_terlatih", "unit_di_bawah_sertifikat"):
        out[column] = out[column].astype(int)
    order = {role: i for i, role in enumerate(ROLES)}
    out = out.sort_values("peran", key=lambda s: s.map(order).fillna(len(order)), kind="mergesort")
    return out[list(ROLE_COLUMNS)].reset_index(drop=True)


def overall_share(table: pd.DataFrame, which: str) -> float:
    """Trained ("terlatih") or certified ("bersertifikat") persons over filled posts, over the rows that have a
    target for it (a role without a certificate does not dilute the certified share); NaN when none."""
    target = f"target_{which}"
    rows = table[table[target].notna()]
    filled = float(rows["terisi"].sum())
    if filled <= 0:
        return math.nan
    have = np.minimum(rows["dilatih"], rows["terisi"]) if which == "terlatih" else rows["bersertifikat"]
    return float(have.sum()) / filled


def validate_targets(targets: pd.DataFrame, roles: frozenset[str] | set[str]) -> list[str]:
    """Every reason the targets cannot be saved (Indonesian), [] when they can. Targets are fractions 0..1."""
    problems: list[str] = []
    missing = [c for c in TARGET_COLUMNS if c not in targets.columns]
    if missing:
        return [f"Kolom tidak ditemukan: {', '.join(missing)}."]
    seen: set[str] = set()
    for i, row in enumerate(targets.to_dict("records"), start=1):
        role = str(row["peran"] or "").strip()
        if role not in roles:
            problems.append(f"Baris {i}: peran '{role}' tidak dikenal.")
        elif role in seen:
            problems.append(f"Baris {i}: peran '{role}' muncul dua kali.")
        seen.add(role)
        for column, label in (("target_terlatih", "Target terlatih"), ("target_bersertifikat", "Target bersertifikat")):
            value = row[column]
            if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
                continue
            try:
                number = float(value)
            except (TypeError, ValueError):
                problems.append(f"Baris {i}: {label} '{value}' bukan angka.")
                continue
            if not math.isfinite(number) or not 0 <= number <= 1:
                problems.append(f"Baris {i}: {label} harus antara 0 dan 100 %.")
    return problems
