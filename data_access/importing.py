"""Validated imports, the audit trail and rollback, and exports in exactly the import format.

An import reads and validates the whole file, then writes in ONE transaction: upsert by natural key, a change log
row per touched row (import_perubahan), the batch record (import_batch), the data status (sumber_data) and the
data version. A rejected file writes nothing at all.

Reports, not tables: a file replaces exactly the reports it covers (domain.submissions.REPORT_CELLS: for case
data an agency's month, for occupancy a unit's month, ...): the rows of a covered report that the file no longer
has are removed, its rows are upserted, and every other report is left as it is, whoever brought it in. Reference
kinds (units, standards, working time, population) are upserted row by row. Each covered report is recorded as a
submission (penyerahan): who, when, which file, how many rows, whether a zero report.

Demo rows (rows written by the demo batch; for WISN inputs also rows marked contoh) are replaced only by an
explicit choice (replace_demo: the preview's box, `--ganti-contoh`), never as a side effect of another import; a
kind that then holds both reads "campuran" (mixed) and the pages name its demo months. Demo rows are deleted,
except service units, which demo cases still reference: those are set inactive. Every change is logged, so
rolling back restores them. When real data first arrive (a kind stops being all demo) the demo accounts are
removed; a rollback does not bring them back (known passwords must not return to a database that held real data).

Rollback restores the state before a batch from its change log. It is refused, with a message naming the
batches, when a later active batch touched the same rows (roll back in reverse order: newest first), when the
batch replaced demo data and a later import of that kind is active, or when a row was changed outside imports.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import Connection, Engine, Table, and_, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.types import Date, DateTime

from data_access import schema as s
from data_access.accounts import delete_demo_accounts
from data_access.caching import run_cached
from data_access.writes import bump_data_version
from domain.access import ACCOUNT_AUDIT_KIND
from domain.file_reading import MAX_BYTES, read_table
from domain.periods import add_months
from domain.submissions import REPORT_CELLS, cell_columns, reports_in
from domain.validation import (
    ERROR, KINDS, WARNING, KindSpec, Problem, ReferenceSets, Validated, numeric_columns, quarter_label, resolve_kind,
    validate,
)

SUMBER: dict[str, str] = {
    "kasus": "kasus", "okupansi": "okupansi", "staf": "staf", "unit_layanan": "unit_layanan",
    "standar": "standar_beban_kerja", "waktu_kerja": "standar_beban_kerja", "populasi": "populasi",
    "pelatihan": "pelatihan",
    "kegiatan_pencegahan": "kegiatan_pencegahan", "pencegahan_keberangkatan": "pencegahan_keberangkatan",
    "penempatan_pmi": "penempatan_pmi",
}
# Provenance, not data: a row whose values are unchanged keeps its mark (issue 11: the demo label is a property
# of the data, so re-importing demo rows keeps them demo).
PROVENANCE = frozenset({"contoh"})
DERIVED: dict[str, tuple[str, ...]] = {
    "kasus": ("kode_prov_asal", "tujuan_jenis"), "unit_layanan": ("kode_prov",), "standar": ("contoh",),
    "waktu_kerja": ("contoh",), "kegiatan_pencegahan": ("kode_prov",), "penempatan_pmi": ("kode_prov",),
}
# Natural keys of every table an import may touch (for the change log and rollback).
TABLE_KEYS: dict[str, tuple[str, ...]] = {
    **{spec.table: spec.key for spec in KINDS.values()}, "sumber_data": ("kode",),
    "target_kompetensi": ("peran",),  # admin edits on the SDM page (data_access.targets), logged like an import
}
# Batches that are not file imports but log their rows the same way: jenis → table.
EDIT_TABLES = {"target_kompetensi": "target_kompetensi"}
BATCH_COLUMNS = ["id", "jenis", "nama_file", "sha256", "oleh", "waktu", "baris_tambah", "baris_ubah", "baris_sama",
                 "status"]
ACTIVE, CANCELLED, ROLLBACK_RECORD = "aktif", "dibatalkan", "pembatalan"
RELEASE_AUDIT_KIND = "publikasi"  # data_access.publication_source.BATCH_KIND (that module reads this one's tables)


class ImportRejected(Exception):
    """The file was not imported; problems lists every reason (row and column where known)."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} masalah")
        self.problems = problems


class RollbackRefused(Exception):
    """The rollback was not done; the message says why and what to do."""


@dataclass
class ImportPlan:
    """What an import of this file would do; nothing is written while planning."""

    kind: str
    filename: str
    sha256: str
    problems: list[Problem]
    validated: Validated | None = None
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    demo_replaced: int = 0
    leaves_demo: bool = False  # the kind stops being all demo data (real rows arrive)
    replace_demo: bool = False  # the admin chose to replace the kind's demo rows outside the file's reports
    demo_kept: int = 0  # demo rows of the kind that stay (outside the file's reports, no replace_demo)
    removed: int = 0  # rows of the reports the file covers that the file no longer has
    adopted: int = 0  # demo rows the file repeats unchanged: the file vouches for them, they become real rows
    months: pd.DataFrame = field(default_factory=pd.DataFrame)  # per month: ditambah, diubah, sama, dihapus
    reports: list[tuple[str, dt.date, int, int | None, bool]] = field(default_factory=list)  # submissions
    _inserts: list[dict] = field(default_factory=list, repr=False)
    _updates: list[tuple[dict, dict]] = field(default_factory=list, repr=False)
    _removals: list[dict] = field(default_factory=list, repr=False)
    _adopted: list[tuple[dict, dict]] = field(default_factory=list, repr=False)
    _demo_changes: list[tuple[dict, dict | None]] = field(default_factory=list, repr=False)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level != ERROR]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def rows(self) -> int:
        return self.added + self.changed + self.unchanged

    @property
    def changes_nothing(self) -> bool:
        return not (self.added or self.changed or self.removed or self.adopted or self.demo_replaced)


@dataclass(frozen=True)
class ImportResult:
    batch_id: int | None  # None: the file changed no row, so nothing was written (no batch either)
    kind: str
    added: int
    changed: int
    unchanged: int
    demo_replaced: int
    left_demo: bool
    warnings: tuple[Problem, ...] = ()
    removed: int = 0
    reports: int = 0  # submissions recorded
    asal: str = ""  # the kind's origin after the import: demo, impor or campuran
    adopted: int = 0  # demo rows the file repeated, now real rows of this file
    demo_kept: int = 0  # demo rows of the kind left as they were (outside the file's reports, no replace_demo)
    months: pd.DataFrame = field(default_factory=pd.DataFrame, compare=False)  # ImportPlan.months


@dataclass(frozen=True)
class RollbackResult:
    batch_id: int
    restored: int
    demo_restored: bool
    public_version: int | None = None  # the public release made after the import: it may hold the withdrawn rows


# ---------------------------------------------------------------- helpers
def _table(spec: KindSpec) -> Table:
    return s.Base.metadata.tables[spec.table]


def stored_columns(spec: KindSpec) -> tuple[str, ...]:
    """Columns an import writes (besides batch_id): the file's columns and those derived from them."""
    return spec.names + DERIVED.get(spec.kind, ())


def _jsonable(value: object) -> object:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _dumps(row: dict) -> str:
    return json.dumps({k: _jsonable(v) for k, v in row.items()}, sort_keys=True, ensure_ascii=False)


def _from_json(table: Table, data: dict) -> dict:
    """A logged row back in Python types (dates were stored as ISO text)."""
    out = {}
    for name, value in data.items():
        col = table.c[name]
        if value is not None and isinstance(col.type, DateTime):
            value = dt.datetime.fromisoformat(value)
        elif value is not None and isinstance(col.type, Date):
            value = dt.date.fromisoformat(value)
        out[name] = value
    return out


def _key_of(row: dict, key: tuple[str, ...]) -> tuple:
    return tuple(row[k] for k in key)


def _key_json(row: dict, key: tuple[str, ...]) -> str:
    return _dumps({k: row[k] for k in key})


def _clean(value: object) -> object:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def _same_value(old: object, new: object) -> bool:
    # Spreadsheets keep 15-16 significant digits: 0.42857142857142855 comes back as 0.4285714285714285.
    if isinstance(old, float) and isinstance(new, (int, float)) and not isinstance(new, bool):
        return math.isclose(old, new, rel_tol=1e-12, abs_tol=1e-12)
    return old == new


def _demo_batches(conn: Connection) -> list[int]:
    return list(conn.execute(select(s.ImportBatch.id).where(s.ImportBatch.jenis == "demo")).scalars())


def _demo_condition(spec: KindSpec, table: Table, demo_batches: list[int]):
    """Rows of the kind that the demo generator wrote and that still count as demo."""
    from_demo = table.c.batch_id.in_(demo_batches) if "batch_id" in table.c else None
    if spec.kind == "waktu_kerja":
        return table.c.contoh.is_(True)
    if spec.kind == "standar":
        return or_(from_demo, table.c.contoh.is_(True))
    if spec.kind == "unit_layanan":
        return and_(from_demo, table.c.aktif.is_(True))
    if spec.kind == "populasi":
        return from_demo
    return from_demo


# ---------------------------------------------------------------- reference sets
def _usual_monthly(conn: Connection) -> tuple[dict[str, float], dict[str, float]]:
    """Per kind with a measure: the median monthly total and the largest single cell stored so far."""
    monthly, cell = {}, {}
    for spec in KINDS.values():
        if not (spec.measure and spec.period):
            continue
        table = _table(spec)
        rows = conn.execute(select(table.c[spec.period], func.sum(table.c[spec.measure]))
                            .group_by(table.c[spec.period])).all()
        totals = [float(v) for _, v in rows if v is not None]
        if totals:
            monthly[spec.kind] = float(pd.Series(totals).median())
        largest = conn.execute(select(func.max(table.c[spec.measure]))).scalar()
        if largest is not None:
            cell[spec.kind] = float(largest)
    return monthly, cell


def load_reference_sets(conn: Connection, today: dt.date | None = None) -> ReferenceSets:
    """Code lists the validator checks against, read from the reference tables."""
    def codes(model) -> frozenset[str]:
        return frozenset(conn.execute(select(model.kode)).scalars())

    monthly, cell = _usual_monthly(conn)
    return ReferenceSets(
        regions=dict(conn.execute(select(s.Wilayah.kode, s.Wilayah.nama)).all()),
        countries=dict(conn.execute(select(s.Negara.iso3, s.Negara.nama)).all()),
        units=dict(conn.execute(select(s.UnitLayanan.kode_unit, s.UnitLayanan.nama)).all()),
        modus=codes(s.Modus), tahap=codes(s.Tahap), instansi=codes(s.Instansi), peran=codes(s.PeranSdm),
        today=today or dt.date.today(),
        usual_monthly=monthly,
        usual_cell=cell,
    )


def get_reference_sets() -> ReferenceSets:
    """Cached code lists for templates and previews (today's date is fixed per data version and day)."""
    return run_cached(query_reference_sets, dt.date.today())


def query_reference_sets(conn: Connection, today: dt.date) -> ReferenceSets:
    return load_reference_sets(conn, today)


# ---------------------------------------------------------------- export
def _export_value(col_type: str, value: object) -> object:
    value = _clean(value)
    if value is None:
        return None
    if col_type == "month":
        return f"{value:%Y-%m}"
    if col_type == "quarter":
        return quarter_label(value)
    if col_type == "bool":
        return "ya" if value else "tidak"
    if col_type == "int" or col_type == "year":
        return int(value)
    if col_type == "float":
        return float(value)
    return str(value)


def query_export(conn: Connection, kind: str) -> pd.DataFrame:
    spec = resolve_kind(kind)
    table = _table(spec)
    stmt = select(*[table.c[n] for n in spec.names]).order_by(*[table.c[k] for k in spec.key])
    rows = conn.execute(stmt).all()
    data = {c.name: [_export_value(c.type, r[i]) for r in rows] for i, c in enumerate(spec.columns)}
    df = pd.DataFrame(data, columns=list(spec.names))
    for c in spec.columns:
        if c.type in ("int", "year"):
            df[c.name] = pd.array(df[c.name].tolist(), dtype="Int64")
        elif c.type == "float":
            df[c.name] = pd.array(df[c.name].tolist(), dtype="Float64")
        else:
            df[c.name] = df[c.name].astype(object)
    return df


def export_frame(conn: Connection, kind: str) -> pd.DataFrame:
    """Every row of a kind in exactly the import format (columns and text forms of the template)."""
    return query_export(conn, kind)


def get_export(kind: str) -> pd.DataFrame:
    """Cached export_frame for the page."""
    return run_cached(query_export, resolve_kind(kind).kind)


# ---------------------------------------------------------------- plan
def _existing(conn: Connection, spec: KindSpec) -> dict[tuple, dict]:
    table = _table(spec)
    rows = conn.execute(select(table)).mappings().all()
    return {_key_of(r, spec.key): dict(r) for r in rows}


def plan_import(conn: Connection, kind: str, raw: bytes, filename: str, today: dt.date | None = None,
                max_bytes: int = MAX_BYTES, replace_demo: bool = False) -> ImportPlan:
    """Read, validate and compare the whole file with the database; writes nothing. replace_demo: also replace
    the kind's demo rows outside the reports the file covers (the module doc)."""
    spec = resolve_kind(kind)
    plan = ImportPlan(spec.kind, filename, hashlib.sha256(raw).hexdigest(), [])
    read = read_table(raw, filename, numeric_columns(spec.kind), max_bytes)
    if read.table is None:
        plan.problems = read.problems
        return plan
    validated = validate(spec.kind, read.table, load_reference_sets(conn, today))
    seen = {(p.row, p.column) for p in read.problems}
    plan.problems = sorted(read.problems + [p for p in validated.problems
                                            if (p.row, p.column) not in seen or p.row is None],
                           key=lambda p: (p.level != ERROR, p.row or 0))
    plan.validated = validated
    if not plan.ok:
        return plan

    existing = _existing(conn, spec)
    stored = stored_columns(spec)
    compared = [c for c in stored if c not in PROVENANCE]
    file_keys, unchanged_keys = set(), set()
    records = [{k: _clean(v) for k, v in r.items()} for r in validated.frame[list(stored)].astype(object)
               .to_dict("records")]
    for record in records:
        key = _key_of(record, spec.key)
        file_keys.add(key)
        old = existing.get(key)
        if old is None:
            plan._inserts.append(record)
        elif all(_same_value(old[c], record[c]) for c in compared):
            plan.unchanged += 1
            unchanged_keys.add(key)
        else:
            plan._updates.append((old, record))
    plan.added, plan.changed = len(plan._inserts), len(plan._updates)

    # The reports the file covers: their rows the file no longer has are removed (a resubmission replaces).
    cells = cell_columns(spec.kind)
    covered = {tuple(r[c] for c in cells) for r in records} if cells else set()
    if cells:
        plan._removals = [row for key, row in existing.items()
                          if key not in file_keys and tuple(row[c] for c in cells) in covered]
        plan.removed = len(plan._removals)
        plan.reports = list(reports_in(spec.kind, records).itertuples(index=False, name=None))

    table = _table(spec)
    demo_keys = {_key_of(dict(r), spec.key) for r in conn.execute(
        select(table).where(_demo_condition(spec, table, _demo_batches(conn)))).mappings()}
    removed_keys = {_key_of(r, spec.key) for r in plan._removals}
    # A file that brings real data and repeats demo rows states those values as its own: the rows stop being demo
    # (logged, so a rollback makes them demo again); otherwise history imported beside new months would stay flagged
    # as synthetic. A file that changes nothing (the demo export imported back) writes nothing and stays demo.
    brings_data = bool(plan.added or plan.changed or plan.removed)
    if brings_data:
        plan._adopted = [(existing[k], {"contoh": False} if "contoh" in existing[k] else {})
                         for k in sorted(unchanged_keys & demo_keys, key=repr)]
    plan.adopted = len(plan._adopted)
    if plan.adopted:
        plan.problems.append(Problem(None, None, (
            f"{plan.adopted:,} baris berkas ini sama persis dengan data contoh; setelah impor baris itu dihitung "
            "sebagai data nyata dari berkas ini (bukan lagi DATA CONTOH). Pastikan berkas ini bukan unduhan data "
            "contoh yang ditambah.").replace(",", "."), WARNING))
    outside = [existing[k] for k in demo_keys if k not in file_keys and k not in removed_keys and k in existing]
    plan.replace_demo = replace_demo
    if replace_demo:
        plan._demo_changes = [(row, {**row, "aktif": False} if spec.kind == "unit_layanan" else None)
                              for row in outside]
        plan.demo_replaced = len(plan._demo_changes)
    else:
        plan.demo_kept = len(outside)
    sumber = conn.execute(select(s.SumberData.asal).where(s.SumberData.kode == SUMBER[spec.kind])).scalar()
    real_rows = (plan.added + plan.changed + plan.adopted) > 0
    plan.leaves_demo = sumber == "demo" and real_rows
    plan.months = _month_counts(spec, plan, unchanged_keys, existing)
    return plan


def _month_counts(spec: KindSpec, plan: ImportPlan, unchanged: set, existing: dict[tuple, dict]) -> pd.DataFrame:
    """Rows added, changed, unchanged and removed per month (or quarter, year), and demo rows replaced by choice
    outside the file's reports: the preview's table."""
    period = REPORT_CELLS[spec.kind][2] if spec.kind in REPORT_CELLS else None
    columns = ["bulan", "ditambah", "diubah", "sama", "dihapus", "contoh_diganti"]
    if period is None:
        return pd.DataFrame(columns=columns)
    counts: dict[object, list[int]] = {}

    def add(row: dict, i: int) -> None:
        counts.setdefault(row[period], [0, 0, 0, 0, 0])[i] += 1

    for row in plan._inserts:
        add(row, 0)
    for _old, new in plan._updates:
        add(new, 1)
    for key in unchanged:
        add(existing[key], 2)
    for row in plan._removals:
        add(row, 3)
    for row, _after in plan._demo_changes:
        add(row, 4)
    rows = [(k, *v) for k, v in sorted(counts.items())]
    return pd.DataFrame(rows, columns=columns)


# ---------------------------------------------------------------- import
def _log(conn: Connection, batch_id: int, table: str, key: tuple[str, ...],
         changes: Iterable[tuple[dict | None, dict | None]]) -> None:
    rows = [{"batch_id": batch_id, "tabel": table, "kunci": _key_json(after or before, key),
             "sebelum": None if before is None else _dumps(before),
             "sesudah": None if after is None else _dumps(after)} for before, after in changes]
    if rows:
        conn.execute(insert(s.ImportPerubahan), rows)


def _pk(table: Table) -> list[str]:
    return [c.name for c in table.primary_key.columns]


def _update_rows(conn: Connection, table: Table, rows: list[tuple[dict, dict]]) -> None:
    """Each (old, new): set new's columns on the row with old's primary key."""
    if not rows:
        return
    pk = _pk(table)
    columns = sorted(rows[0][1])
    stmt = (update(table).where(and_(*[table.c[p] == bindparam(f"pk_{p}") for p in pk]))
            .values({c: bindparam(f"v_{c}") for c in columns}))
    conn.execute(stmt, [{**{f"pk_{p}": old[p] for p in pk}, **{f"v_{c}": new[c] for c in columns}}
                        for old, new in rows])


def _delete_rows(conn: Connection, table: Table, rows: list[dict]) -> None:
    if not rows:
        return
    pk = _pk(table)
    stmt = delete(table).where(and_(*[table.c[p] == bindparam(f"pk_{p}") for p in pk]))
    conn.execute(stmt, [{f"pk_{p}": row[p] for p in pk} for row in rows])


def _sumber_row(conn: Connection, kode: str) -> dict | None:
    row = conn.execute(select(s.SumberData).where(s.SumberData.kode == kode)).mappings().first()
    return dict(row) if row else None


def _period_text(spec: KindSpec, conn: Connection) -> str | None:
    column = spec.period or ("kuartal" if spec.kind == "staf" else None)
    if column is None:
        return None
    table = _table(spec)
    low, high = conn.execute(select(func.min(table.c[column]), func.max(table.c[column]))).one()
    return f"{low:%Y-%m}..{high:%Y-%m}" if low and high else None


def _demo_left(conn: Connection, sumber_kode: str, except_kind: str | None = None) -> bool:
    """Whether any kind feeding this source (WISN standards and working time share one) still has demo rows.

    After an import, demo rows the file repeated unchanged still count: they are still synthetic."""
    batches = _demo_batches(conn)
    for spec in KINDS.values():
        if SUMBER[spec.kind] != sumber_kode or spec.kind == except_kind:
            continue
        table = _table(spec)
        if conn.execute(select(func.count()).select_from(table)
                        .where(_demo_condition(spec, table, batches))).scalar_one():
            return True
    return False


def _shared(sumber_kode: str) -> bool:
    return sum(1 for kode in SUMBER.values() if kode == sumber_kode) > 1


@dataclass(frozen=True)
class DemoShare:
    """How much of a mixed kind is still demo: its reports (reporter × period) with demo rows, of all its reports,
    and the months those demo reports cover."""

    demo_reports: int
    reports: int
    months: tuple[dt.date, ...]


def query_demo_months(conn: Connection) -> dict[str, DemoShare]:
    """Per source (sumber_data kode) with demo rows: its demo reports and their months (a quarter or a year covers
    all its months). The pages name them while a kind mixes demo and real rows."""
    batches = _demo_batches(conn)
    out: dict[str, tuple[int, int, set]] = {}
    for spec in KINDS.values():
        if spec.kind not in REPORT_CELLS:
            continue
        table = _table(spec)
        cells = [table.c[c] for c in REPORT_CELLS[spec.kind][0]]
        period = REPORT_CELLS[spec.kind][2]
        demo = conn.execute(select(*cells).where(_demo_condition(spec, table, batches)).distinct()).all()
        if not demo:
            continue
        total = conn.execute(select(func.count()).select_from(select(*cells).distinct().subquery())).scalar_one()
        index = REPORT_CELLS[spec.kind][0].index(period)
        starts = [dt.date(int(r[index]), 1, 1) if spec.kind == "penempatan_pmi" else r[index] for r in demo]
        length = {"staf": 3, "penempatan_pmi": 12}.get(spec.kind, 1)  # a quarter or a year covers its months
        n_demo, n_all, months = out.get(SUMBER[spec.kind], (0, 0, set()))
        months |= {add_months(m, i) for m in starts for i in range(length)}
        out[SUMBER[spec.kind]] = (n_demo + len(demo), n_all + total, months)
    return {k: DemoShare(d, n, tuple(sorted(m))) for k, (d, n, m) in out.items()}


def get_demo_months() -> dict[str, DemoShare]:
    return run_cached(query_demo_months)


def kind_origin(conn: Connection, kind: str) -> str:
    """The origin of a data kind's rows now: demo (all demo), impor (none demo) or campuran (both)."""
    kode = SUMBER[resolve_kind(kind).kind]
    demo = _demo_left(conn, kode)
    real = _real_left(conn, kode)
    return "campuran" if demo and real else "demo" if demo else "impor"


def _real_left(conn: Connection, sumber_kode: str) -> bool:
    """Whether any kind feeding this source holds rows that are not demo rows."""
    batches = _demo_batches(conn)
    for spec in KINDS.values():
        if SUMBER[spec.kind] != sumber_kode:
            continue
        table = _table(spec)
        if conn.execute(select(func.count()).select_from(table)
                        .where(~_demo_condition(spec, table, batches))).scalar_one():
            return True
    return False


def import_file(engine: Engine, kind: str, raw: bytes, filename: str, user: str,
                now: dt.datetime | None = None, max_bytes: int = MAX_BYTES, replace_demo: bool = False) -> ImportResult:
    """Validate the whole file, then write it in one transaction; raises ImportRejected and writes nothing."""
    now = now or dt.datetime.now(dt.UTC)
    spec = resolve_kind(kind)
    table = _table(spec)
    try:
        with engine.begin() as conn:
            plan = plan_import(conn, spec.kind, raw, filename, now.astimezone().date(), max_bytes, replace_demo)
            if not plan.ok:
                raise ImportRejected(plan.problems)
            if plan.changes_nothing:
                # Nothing else changes either: no batch, no data version, no source flip, no account deleted.
                return ImportResult(None, spec.kind, 0, 0, plan.unchanged, 0, False, tuple(plan.warnings))
            batch_id = conn.execute(insert(s.ImportBatch).returning(s.ImportBatch.id), {
                "jenis": spec.kind, "nama_file": filename[:255], "sha256": plan.sha256, "oleh": (user or "?")[:80],
                "waktu": now, "baris_tambah": plan.added, "baris_ubah": plan.changed, "baris_sama": plan.unchanged,
                "status": ACTIVE,
            }).scalar_one()
            has_batch = "batch_id" in table.c
            stamp = {"batch_id": batch_id} if has_batch else {}

            deletes = [*plan._removals, *(old for old, new in plan._demo_changes if new is None)]
            demo_updates = [(old, {**new, **stamp}) for old, new in plan._demo_changes if new is not None]
            _delete_rows(conn, table, deletes)
            _update_rows(conn, table, [(old, {k: v for k, v in new.items() if k not in _pk(table)})
                                       for old, new in demo_updates])
            inserts = [{**r, **stamp} for r in plan._inserts]
            if inserts:
                conn.execute(insert(table), inserts)
            updates = [(old, {**new, **stamp}) for old, new in plan._updates]
            _update_rows(conn, table, updates)
            adopted = [(old, {**new, **stamp}) for old, new in plan._adopted if new or stamp]
            _update_rows(conn, table, adopted)  # other columns than the updates: a statement of their own
            updates += adopted

            full = lambda old, new: {**old, **new}
            _log(conn, batch_id, spec.table, spec.key,
                 [(old, None) for old in deletes]
                 + [(old, full(old, new)) for old, new in demo_updates]
                 + [(None, r) for r in inserts]
                 + [(old, full(old, new)) for old, new in updates])
            # One submission per report the file covers, an unchanged resubmission included: it is a report.
            if plan.reports:
                conn.execute(insert(s.Penyerahan), [
                    {"batch_id": batch_id, "jenis": spec.kind, "pelapor": who[:20], "bulan": month, "baris": rows,
                     "total": total, "nol": zero, "oleh": (user or "?")[:80], "waktu": now}
                    for who, month, rows, total, zero in plan.reports])

            kode = SUMBER[spec.kind]
            before = _sumber_row(conn, kode)
            left_demo = False
            origin = kind_origin(conn, spec.kind)
            if before is not None:
                values = {"diperbarui": now, "asal": origin}
                if origin != "demo":
                    values["keterangan"] = f"Diimpor dari {filename[:120]}"
                left_demo = before["asal"] == "demo" and origin != "demo"
                period = _period_text(spec, conn)
                if period:
                    values["periode"] = period
                conn.execute(update(s.SumberData).where(s.SumberData.kode == kode).values(values))
                _log(conn, batch_id, "sumber_data", ("kode",), [(before, _sumber_row(conn, kode))])
            if left_demo:
                delete_demo_accounts(conn)
            bump_data_version(conn)
    except IntegrityError as exc:
        raise ImportRejected([Problem(None, None, (
            "Basis data menolak perubahan (kunci ganda atau rujukan tidak ada; mungkin impor lain berjalan "
            f"bersamaan). Tidak ada yang diubah; coba lagi. ({type(exc.orig).__name__})"))]) from exc
    return ImportResult(batch_id, spec.kind, plan.added, plan.changed, plan.unchanged, plan.demo_replaced,
                        left_demo, tuple(plan.warnings), plan.removed, len(plan.reports), origin, plan.adopted,
                        plan.demo_kept, plan.months)


# ---------------------------------------------------------------- batches and rollback
def query_batches(conn: Connection) -> pd.DataFrame:
    stmt = select(*[s.ImportBatch.__table__.c[c] for c in BATCH_COLUMNS]).order_by(s.ImportBatch.id.desc())
    return pd.DataFrame(conn.execute(stmt).all(), columns=BATCH_COLUMNS)


def list_batches(conn: Connection) -> pd.DataFrame:
    """Audit trail, newest first: id, jenis, nama_file, sha256, oleh, waktu, baris_tambah/ubah/sama, status."""
    return query_batches(conn)


def get_batches() -> pd.DataFrame:
    """Cached list_batches for the page."""
    return run_cached(query_batches)


def _changes(conn: Connection, batch_ids: Iterable[int]) -> list:
    ids = list(batch_ids)
    if not ids:
        return []
    return conn.execute(select(s.ImportPerubahan.__table__).where(s.ImportPerubahan.batch_id.in_(ids))
                        .order_by(s.ImportPerubahan.id)).all()


def _same_row(current: dict, logged: dict, ignore: tuple[str, ...] = ("id",)) -> bool:
    return all(current.get(k) == v for k, v in logged.items() if k not in ignore)


def rollback_batch(engine: Engine, batch_id: int, user: str, now: dt.datetime | None = None) -> RollbackResult:
    """Restore the state before a batch from its change log, in one transaction; raises RollbackRefused."""
    now = now or dt.datetime.now(dt.UTC)
    try:
        with engine.begin() as conn:
            result = _rollback(conn, batch_id, user, now)
    except IntegrityError as exc:
        raise RollbackRefused(
            f"Impor #{batch_id} tidak dapat dibatalkan: baris yang dikembalikan masih dirujuk data lain (mis. unit "
            "yang dipakai data okupansi atau kasus yang diimpor kemudian). Batalkan impor yang merujuknya dulu. "
            "Tidak ada yang diubah.") from exc
    return result


def _rollback(conn: Connection, batch_id: int, user: str, now: dt.datetime) -> RollbackResult:
    batch = conn.execute(select(s.ImportBatch.__table__).where(s.ImportBatch.id == batch_id)).first()
    if batch is None:
        raise RollbackRefused(f"Impor #{batch_id} tidak ada. Lihat daftar dengan 'manage.py batches'.")
    if batch.jenis == "demo":
        raise RollbackRefused("Data contoh tidak dibatalkan lewat rollback; impor data nyata menggantikannya.")
    if batch.jenis == ACCOUNT_AUDIT_KIND:
        raise RollbackRefused(
            f"#{batch_id} adalah catatan tindakan akun ({batch.nama_file}), bukan impor; tindakan akun tidak "
            "dibatalkan lewat rollback (pakai reactivate-user, create-user atau unlock-user). Tidak ada yang diubah.")
    if batch.jenis == RELEASE_AUDIT_KIND:
        raise RollbackRefused(
            f"#{batch_id} adalah catatan terbitan publik ({batch.nama_file}), bukan impor; terbitan tidak ditarik "
            "lewat rollback: terbitkan versi baru ('manage.py publish'). Tidak ada yang diubah.")
    if batch.status != ACTIVE:
        raise RollbackRefused(f"Impor #{batch_id} berstatus '{batch.status}'; hanya impor aktif yang bisa dibatalkan.")
    table_name = EDIT_TABLES.get(batch.jenis) or resolve_kind(batch.jenis).table
    changes = _changes(conn, [batch_id])
    if not changes:
        # In-app edits of WISN standards (data_access.standards) record a batch but no row log: nothing to undo.
        raise RollbackRefused(
            f"Batch #{batch_id} tidak memiliki catatan perubahan per baris (mis. suntingan standar di aplikasi), "
            "jadi tidak dapat dibatalkan otomatis. Tidak ada yang diubah.")
    later_ids = list(conn.execute(select(s.ImportBatch.id).where(
        s.ImportBatch.id > batch_id, s.ImportBatch.status == ACTIVE)).scalars())
    later = _changes(conn, later_ids)
    mine = {(c.tabel, c.kunci) for c in changes if c.tabel != "sumber_data"}
    conflicts = sorted({c.batch_id for c in later if (c.tabel, c.kunci) in mine})
    if conflicts:
        raise RollbackRefused(
            f"Impor {', '.join(f'#{i}' for i in conflicts)} yang lebih baru mengubah baris yang sama dengan impor "
            f"#{batch_id}. Batalkan impor yang lebih baru dulu (urutan terbalik, terbaru lebih dulu). Tidak ada "
            "yang diubah.")
    sumber_change = next((c for c in changes if c.tabel == "sumber_data"), None)
    replaced_demo = sumber_change is not None and json.loads(sumber_change.sebelum or "{}").get("asal") == "demo" \
        and any(c.sesudah is None for c in changes if c.tabel == table_name)
    later_same_source = sorted({c.batch_id for c in later if sumber_change is not None and c.tabel == "sumber_data"
                                and c.kunci == sumber_change.kunci})
    if replaced_demo and later_same_source:
        raise RollbackRefused(
            f"Impor #{batch_id} menggantikan data contoh; impor {', '.join(f'#{i}' for i in later_same_source)} "
            "untuk jenis data yang sama menyusul. Batalkan impor itu dulu (urutan terbalik). Tidak ada yang diubah.")

    restored = _restore_rows(conn, batch_id, [c for c in changes if c.tabel != "sumber_data"])

    demo_restored = False
    if sumber_change is not None:
        kode = json.loads(sumber_change.kunci)["kode"]
        if later_same_source:
            if _shared(kode) and _demo_left(conn, kode):
                conn.execute(update(s.SumberData).where(s.SumberData.kode == kode).values(asal="demo"))
                demo_restored = True
        else:
            before = _from_json(s.SumberData.__table__, json.loads(sumber_change.sebelum))
            conn.execute(update(s.SumberData).where(s.SumberData.kode == kode)
                         .values({k: v for k, v in before.items() if k != "kode"}))
            demo_restored = before.get("asal") == "demo"
    # A public release made after the import may show the rows just withdrawn: say so (the page offers to republish).
    published = conn.execute(select(s.Publikasi.versi).where(s.Publikasi.dibuat >= batch.waktu)
                             .order_by(s.Publikasi.versi.desc()).limit(1)).scalar()
    conn.execute(update(s.ImportBatch).where(s.ImportBatch.id == batch_id).values(status=CANCELLED))
    conn.execute(insert(s.ImportBatch), {
        "jenis": batch.jenis, "nama_file": f"pembatalan impor #{batch_id}"[:255], "sha256": batch.sha256,
        "oleh": (user or "?")[:80], "waktu": now, "baris_tambah": 0, "baris_ubah": restored, "baris_sama": 0,
        "status": ROLLBACK_RECORD,
    })
    bump_data_version(conn)
    return RollbackResult(batch_id, restored, demo_restored, published)


def _restore_rows(conn: Connection, batch_id: int, changes: list) -> int:
    """Put every logged row back as it was before the batch, in bulk per table; refuses when a row moved on."""
    by_table: dict[str, list] = {}
    for change in changes:
        by_table.setdefault(change.tabel, []).append(change)
    for name, rows in by_table.items():
        table = s.Base.metadata.tables[name]
        key = TABLE_KEYS[name]
        current = {_key_of(r, key): dict(r) for r in conn.execute(select(table)).mappings()}
        deletes, inserts, updates = [], [], []
        for change in rows:
            after = None if change.sesudah is None else _from_json(table, json.loads(change.sesudah))
            before = None if change.sebelum is None else _from_json(table, json.loads(change.sebelum))
            now_row = current.get(_key_of(after or before, key))
            if (after is None and now_row is not None) or (
                    after is not None and (now_row is None or not _same_row(now_row, after))):
                raise RollbackRefused(_outside(batch_id, name, change.kunci))
            if before is None:
                deletes.append(now_row)
            elif now_row is None:
                inserts.append(before)
            else:
                updates.append((now_row, {k: v for k, v in before.items() if k not in _pk(table)}))
        _delete_rows(conn, table, deletes)
        _update_rows(conn, table, updates)
        if inserts:
            conn.execute(insert(table), inserts)
    return len(changes)


def _outside(batch_id: int, table: str, key: str) -> str:
    return (f"Baris {table} {key} sudah berubah sejak impor #{batch_id} (di luar impor yang tercatat); pembatalan "
            "dihentikan dan tidak ada yang diubah. Perbaiki datanya dengan impor baru.")


# ---------------------------------------------------------------- checks
def table_checksums(conn: Connection, tables: Iterable[str] | None = None) -> dict[str, str]:
    """sha256 over the sorted rows of each table: equal sums mean equal contents."""
    out = {}
    names = list(tables) if tables is not None else [t.name for t in s.Base.metadata.sorted_tables]
    for name in names:
        table = s.Base.metadata.tables[name]
        rows = conn.execute(select(table)).all()
        lines = sorted(json.dumps([_jsonable(v) for v in row], default=str) for row in rows)
        out[name] = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    return out


def has_real_admin(conn: Connection) -> bool:
    """A non-demo admin_data account exists (otherwise the first real import would lock admins out)."""
    return conn.execute(select(func.count()).select_from(s.Akun).where(
        s.Akun.peran == "admin_data", s.Akun.demo.is_(False), s.Akun.aktif.is_(True))).scalar_one() > 0


def get_has_real_admin() -> bool:
    return run_cached(query_has_real_admin)


def query_has_real_admin(conn: Connection) -> bool:
    return has_real_admin(conn)


def import_upload(kind: str, raw: bytes, filename: str, user: str, replace_demo: bool = False) -> ImportResult:
    """import_file on the configured database (the page's entry point)."""
    from data_access.engine import get_engine

    return import_file(get_engine(), kind, raw, filename, user, replace_demo=replace_demo)


def preview_upload(kind: str, raw: bytes, filename: str, replace_demo: bool = False) -> ImportPlan:
    """plan_import on the configured database, read-only."""
    from data_access.engine import connect

    with connect() as conn:
        return plan_import(conn, kind, raw, filename, replace_demo=replace_demo)


def rollback_upload(batch_id: int, user: str) -> RollbackResult:
    from data_access.engine import get_engine

    return rollback_batch(get_engine(), batch_id, user)

