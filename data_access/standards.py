"""Admin edits of the WISN inputs (workload standards and working time): validated, one transaction, audited."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from data_access.engine import get_engine
from data_access.schema import ImportBatch, StandarBebanKerja, SumberData, WaktuKerja
from data_access.staffing import WORKING_TIME_COLUMNS
from data_access.writes import NO_CHANGES, SaveOutcome, bump_data_version
from domain.sdm import STANDARD_NUMBERS, WORKING_TIME_NUMBERS, validate_standards
from domain.wisn import KIND_INDIVIDUAL, KIND_SERVICE, KIND_SUPPORT

EDITOR_ROLE = "admin_data"
DATA_KIND = "standar_beban_kerja"
# Columns an admin edits; id, sumber and contoh are set here, never typed in.
STANDARD_FIELDS: tuple[str, ...] = ("peran", "aktivitas", "jenis", "menit_per_unit", "pemicu", *STANDARD_NUMBERS[1:])
WORKING_TIME_FIELDS: tuple[str, ...] = ("peran", *WORKING_TIME_NUMBERS)
# Which numbers belong to which kind of activity; the others are stored empty so nothing stale lingers.
_KIND_FIELDS: dict[str, frozenset[str]] = {
    KIND_SERVICE: frozenset({"menit_per_unit", "pemicu", "frekuensi"}),
    KIND_SUPPORT: frozenset({"persen_waktu"}),
    KIND_INDIVIDUAL: frozenset({"jam_per_tahun", "staf_melakukan"}),
}
_OPTIONAL = ("menit_per_unit", "pemicu", "frekuensi", "persen_waktu", "jam_per_tahun", "staf_melakukan")


@dataclass
class StandardsEdit(SaveOutcome):
    """Outcome of save_standards: problems and row counts."""

    added: int = 0
    changed: int = 0
    deleted: int = 0
    working_time_changed: int = 0

    @property
    def total(self) -> int:
        return self.added + self.changed + self.deleted + self.working_time_changed


def validate_edit(standards: pd.DataFrame, working_time: pd.DataFrame, sumber: str, user: str | None,
                  role: str | None) -> list[str]:
    """Every reason the edit cannot be saved (Indonesian), [] when it can."""
    problems: list[str] = []
    if role != EDITOR_ROLE:
        problems.append("Hanya admin data yang dapat mengubah standar beban kerja.")
    if not (user or "").strip():
        problems.append("Pengguna yang mengubah tidak diketahui; silakan masuk lagi.")
    if not (sumber or "").strip():
        problems.append("Sumber standar wajib diisi (misalnya nomor dan tanggal keputusan yang mengesahkan).")
    missing = [c for c in STANDARD_FIELDS if c not in standards.columns]
    missing += [c for c in WORKING_TIME_FIELDS if c not in working_time.columns]
    if missing:
        return problems + [f"Kolom tidak ditemukan: {', '.join(sorted(set(missing)))}."]
    return problems + validate_standards(standards, working_time)


def save_standards(standards: pd.DataFrame, working_time: pd.DataFrame, sumber: str, user: str | None,
                   role: str | None, url: str | None = None,
                   now: dt.datetime | None = None) -> StandardsEdit:
    """Validate, then write every change in one transaction; on any problem nothing changes.

    standards: the edited table (id empty for a new row; a stored id missing from the table is
    deleted); working_time: one row per peran. Changed and new rows get the source text with who and
    when appended, contoh = False, and (standards) the id of an ImportBatch of jenis "standar" that
    records who, when and how many rows. The data version is bumped so every cache turns over.
    """
    problems = validate_edit(standards, working_time, sumber, user, role)
    if problems:
        return StandardsEdit(problems=problems)
    now = now or dt.datetime.now(dt.timezone.utc)
    with get_engine(url).connect() as conn:
        tx = conn.begin()
        try:
            result = _apply_edit(conn, standards, working_time, sumber.strip(), str(user).strip(), now)
        except IntegrityError:
            tx.rollback()
            return StandardsEdit(problems=["Perubahan bertabrakan dengan data yang tersimpan (misalnya nama "
                                           "kegiatan yang sama dalam satu peran); tidak ada yang diubah. Muat "
                                           "ulang halaman lalu coba lagi."])
        except Exception:
            tx.rollback()
            raise
        if result.ok:
            tx.commit()
        else:
            tx.rollback()
        return result


def _apply_edit(conn: Connection, standards: pd.DataFrame, working_time: pd.DataFrame, sumber: str, user: str,
                now: dt.datetime) -> StandardsEdit:
    """The writes of save_standards on an open transaction (the caller commits or rolls back)."""
    result = StandardsEdit()
    stamped = f"{sumber} (diubah oleh {user}, {now.astimezone(dt.timezone.utc):%Y-%m-%d %H:%M} UTC)"
    stored = {row["id"]: row for row in conn.execute(select(StandarBebanKerja)).mappings()}
    edited = [_clean_standard(r) for r in standards.to_dict("records")]

    updates, inserts, kept_ids = [], [], set()
    for row in edited:
        row_id = row.pop("id")
        if row_id is None:
            inserts.append(row)
            continue
        if row_id not in stored:
            result.problems.append(f"Standar dengan id {row_id} tidak ditemukan (mungkin sudah diubah admin lain); "
                                   "muat ulang halaman.")
            continue
        kept_ids.add(row_id)
        if any(not _same(row[c], stored[row_id][c]) for c in STANDARD_FIELDS):
            updates.append((row_id, row))
    deletes = sorted(set(stored) - kept_ids)

    stored_time = {row["peran"]: row for row in conn.execute(select(WaktuKerja)).mappings()}
    time_rows = [_clean_time(r) for r in working_time.to_dict("records")]
    time_changes = [r for r in time_rows
                    if r["peran"] not in stored_time
                    or any(not _same(r[c], stored_time[r["peran"]][c]) for c in WORKING_TIME_NUMBERS)]
    if result.problems:
        return result
    if not (updates or inserts or deletes or time_changes):
        result.problems.append(NO_CHANGES)
        return result

    digest = hashlib.sha256(json.dumps([edited, time_rows], sort_keys=True, default=str).encode()).hexdigest()
    label = (f"Suntingan standar WISN di aplikasi: {len(inserts)} tambah, {len(updates)} ubah, {len(deletes)} hapus, "
             f"{len(time_changes)} waktu kerja")
    batch_id = conn.execute(insert(ImportBatch).returning(ImportBatch.id), {
        "jenis": "standar", "nama_file": label, "sha256": digest, "oleh": user, "waktu": now,
        "baris_tambah": len(inserts), "baris_ubah": len(updates) + len(time_changes),
        "baris_sama": len(stored) - len(updates) - len(deletes), "status": "aktif",
    }).scalar_one()
    audit = {"sumber": stamped, "contoh": False}
    if deletes:
        conn.execute(delete(StandarBebanKerja).where(StandarBebanKerja.id.in_(deletes)))
    for row_id, row in updates:
        conn.execute(update(StandarBebanKerja).where(StandarBebanKerja.id == row_id)
                     .values(**row, **audit, batch_id=batch_id))
    if inserts:
        conn.execute(insert(StandarBebanKerja), [dict(r, **audit, batch_id=batch_id) for r in inserts])
    for row in time_changes:
        if row["peran"] in stored_time:
            conn.execute(update(WaktuKerja).where(WaktuKerja.peran == row["peran"]).values(**row, **audit))
        else:
            conn.execute(insert(WaktuKerja).values(**row, **audit))

    still_example = (
        conn.execute(select(StandarBebanKerja.id).where(StandarBebanKerja.contoh.is_(True)).limit(1)).first()
        or conn.execute(select(WaktuKerja.peran).where(WaktuKerja.contoh.is_(True)).limit(1)).first()
    )
    status = {"diperbarui": now}
    if not still_example:
        status["asal"] = "impor"  # no example standard is left: the DATA CONTOH notice no longer applies to them
    conn.execute(update(SumberData).where(SumberData.kode == DATA_KIND).values(**status))
    bump_data_version(conn)
    result.added, result.changed, result.deleted = len(inserts), len(updates), len(deletes)
    result.working_time_changed = len(time_changes)
    return result


def editable_standards(standards: pd.DataFrame) -> pd.DataFrame:
    """The standards as the editor shows them: id, the editable fields, sumber and contoh (read-only)."""
    return standards[["id", *STANDARD_FIELDS, "sumber", "contoh"]].reset_index(drop=True)


def editable_working_time(working_time: pd.DataFrame) -> pd.DataFrame:
    return working_time[list(WORKING_TIME_COLUMNS)].reset_index(drop=True)


def _blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, float) and math.isnan(value) or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def _clean_standard(record: dict) -> dict:
    kind = str(record.get("jenis")).strip().lower()
    row = {"id": None if _blank(record.get("id")) else int(record["id"]),
           "peran": str(record["peran"]).strip(), "aktivitas": str(record["aktivitas"]).strip(), "jenis": kind}
    for column in _OPTIONAL:
        value = record.get(column)
        if _blank(value) or column not in _KIND_FIELDS.get(kind, frozenset()):
            row[column] = None
        else:
            row[column] = str(value).strip() if column == "pemicu" else float(value)
    return row


def _clean_time(record: dict) -> dict:
    return {"peran": str(record["peran"]).strip(), **{c: float(record[c]) for c in WORKING_TIME_NUMBERS}}


def _same(a: object, b: object) -> bool:
    if _blank(a) and _blank(b):
        return True
    if isinstance(a, float) or isinstance(b, float):
        try:
            return math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=1e-12)
        except (TypeError, ValueError):
            return False
    return a == b
