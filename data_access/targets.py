"""Admin edits of the competence targets per role: validated, one transaction, audited (and undoable by rollback).

Each save records an import_batch of jenis "target_kompetensi" (who, when, how many roles) and one
import_perubahan row per changed role (before/after), so the audit trail on Kelola Data shows what changed and
`manage.py rollback BATCH` restores the targets before it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Connection, Engine, insert, select, update

from data_access.schema import ImportBatch, ImportPerubahan, PeranSdm, TargetKompetensi
from data_access.writes import NO_CHANGES, SaveOutcome, bump_data_version
from domain.competence import TARGET_COLUMNS, validate_targets

EDITOR_ROLE = "admin_data"
BATCH_KIND = "target_kompetensi"
TABLE_KEY = ("peran",)


@dataclass
class TargetsEdit(SaveOutcome):
    """Outcome of save_targets: problems and the number of roles changed."""

    changed: int = 0
    batch_id: int | None = None


def _value(v: object) -> float | None:
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return None
    return float(v)


def _same(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and math.isclose(a, b, abs_tol=1e-9))


def _jsonable(row: dict) -> str:
    return json.dumps({k: v.isoformat() if isinstance(v, dt.datetime) else v for k, v in row.items()},
                      sort_keys=True, ensure_ascii=False)


def save_targets(engine: Engine, targets: pd.DataFrame, sumber: str, user: str | None, role: str | None,
                 now: dt.datetime | None = None) -> TargetsEdit:
    """Validate, then write every changed role in one transaction; on any problem nothing changes.

    targets: peran, target_terlatih, target_bersertifikat as fractions 0..1 (empty = no target).
    """
    problems = []
    if role != EDITOR_ROLE:
        problems.append("Hanya admin data yang dapat mengubah target kompetensi.")
    if not (user or "").strip():
        problems.append("Pengguna yang mengubah tidak diketahui; silakan masuk lagi.")
    if not (sumber or "").strip():
        problems.append("Dasar target wajib diisi (misalnya nomor surat atau rapat yang menetapkannya).")
    now = now or dt.datetime.now(dt.timezone.utc)
    with engine.begin() as conn:
        roles = frozenset(conn.execute(select(PeranSdm.kode)).scalars())
        problems += validate_targets(targets, roles)
        if problems:
            return TargetsEdit(problems=problems)
        return _apply(conn, targets, sumber.strip()[:300], str(user).strip()[:80], now)


def _apply(conn: Connection, targets: pd.DataFrame, sumber: str, user: str, now: dt.datetime) -> TargetsEdit:
    table = TargetKompetensi.__table__
    stored = {r["peran"]: dict(r) for r in conn.execute(select(table)).mappings()}
    changes = []
    for row in targets[list(TARGET_COLUMNS)].to_dict("records"):
        peran = str(row["peran"]).strip()
        new = {"target_terlatih": _value(row["target_terlatih"]),
               "target_bersertifikat": _value(row["target_bersertifikat"])}
        old = stored.get(peran) or dict.fromkeys(new)  # no stored row reads as "no target"
        if all(_same(old[k], new[k]) for k in new):
            continue
        old = stored.get(peran)
        changes.append((peran, old, new))
    if not changes:
        return TargetsEdit(problems=[NO_CHANGES])
    digest = hashlib.sha256(json.dumps([(p, n) for p, _, n in changes], sort_keys=True).encode()).hexdigest()
    batch_id = conn.execute(insert(ImportBatch).returning(ImportBatch.id), {
        "jenis": BATCH_KIND, "nama_file": f"Suntingan target kompetensi di aplikasi: {len(changes)} peran",
        "sha256": digest, "oleh": user, "waktu": now, "baris_tambah": sum(old is None for _, old, _ in changes),
        "baris_ubah": sum(old is not None for _, old, _ in changes), "baris_sama": len(stored) - len(changes),
        "status": "aktif",
    }).scalar_one()
    audit = {"sumber": sumber, "contoh": False, "diubah_oleh": user, "diubah": now}
    for peran, old, new in changes:
        if old is None:
            conn.execute(insert(table).values(peran=peran, **new, **audit))
        else:
            conn.execute(update(table).where(table.c.peran == peran).values(**new, **audit))
    # The log keeps each row as the database returns it, so a rollback compares like with like.
    after = {r["peran"]: dict(r) for r in conn.execute(select(table)).mappings()}
    conn.execute(insert(ImportPerubahan), [
        {"batch_id": batch_id, "tabel": table.name, "kunci": json.dumps({"peran": peran}, ensure_ascii=False),
         "sebelum": None if old is None else _jsonable(old), "sesudah": _jsonable(after[peran])}
        for peran, old, _ in changes
    ])
    bump_data_version(conn)
    return TargetsEdit(changed=len(changes), batch_id=batch_id)


def editable_targets(targets: pd.DataFrame, roles: tuple[str, ...]) -> pd.DataFrame:
    """One row per role (every role, stored or not) with targets in percent, as the editor shows them."""
    stored = targets.set_index("peran") if not targets.empty else pd.DataFrame(columns=TARGET_COLUMNS[1:])
    return pd.DataFrame({
        "peran": list(roles),
        "target_terlatih": [100 * float(stored["target_terlatih"].get(r, math.nan)) for r in roles],
        "target_bersertifikat": [100 * float(stored["target_bersertifikat"].get(r, math.nan)) for r in roles],
    })


def from_percent(edited: pd.DataFrame) -> pd.DataFrame:
    """The editor's percent columns as the fractions save_targets stores."""
    out = edited.copy()
    for column in ("target_terlatih", "target_bersertifikat"):
        out[column] = pd.to_numeric(out[column], errors="coerce") / 100
    return out
