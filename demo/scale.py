"""Scale the case fact table to N rows in a SEPARATE database, for benchmarks (never the app's own database).

Method: the demo rows are replicated; each copy is attributed to one synthetic reporting agency
("SKALA01", "SKALA02", ..., named "Instansi sintetis NN (uji skala)"), and its jumlah is jittered by -1..+1
(never below 0). The natural key of a case row (bulan, kode_asal, kode_tujuan, modus, jenis_kelamin,
kelompok_umur, tahap, kode_unit, instansi) stays unique because every copy has its own agency, while the
period, the regions, the forms of trafficking and the stages keep the demo's distribution. So queries scan
N rows over the same months and regions (the worst case for a page that shows everything), the agency
filter lists the synthetic agencies, and totals grow about N / demo-rows times. The last copy is cut short
so the table holds exactly N rows.

    python demo/scale.py --rows 1000000 --out var/bench/scaled.sqlite
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np
from sqlalchemy.engine import make_url

from data_access.engine import get_engine
from demo.loader import ensure_database
from data_access.scale_load import count_agencies_like, insert_cases, load_sqlite_bulk, read_cases
from data_access.writes import bump_data_version
from settings import load_settings

AGENCY_PREFIX = "SKALA"
COPY_COLUMNS = ("bulan", "kode_asal", "kode_prov_asal", "tujuan_jenis", "kode_tujuan", "modus", "jenis_kelamin",
                "kelompok_umur", "tahap", "kode_unit", "instansi", "jumlah", "batch_id")


class ScaleError(ValueError):
    pass


@dataclass(frozen=True)
class ScaleResult:
    url: str
    rows_before: int
    rows_after: int
    synthetic_agencies: int
    seconds: float


def agency_code(i: int) -> str:
    return f"{AGENCY_PREFIX}{i:02d}" if i < 100 else f"{AGENCY_PREFIX}{i}"


def plan_copies(base_rows: int, target_rows: int) -> list[int]:
    """Rows to take from the base for each synthetic copy, so base + copies == target exactly.

    plan_copies(10, 35) == [10, 10, 5]; plan_copies(10, 10) == []."""
    if base_rows <= 0:
        raise ScaleError("tabel kasus kosong: tidak ada yang dapat digandakan")
    if target_rows < base_rows:
        raise ScaleError(f"target {target_rows} baris lebih kecil dari isi sekarang ({base_rows})")
    extra = target_rows - base_rows
    full, rest = divmod(extra, base_rows)
    return [base_rows] * full + ([rest] if rest else [])


def jitter(jumlah: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """jumlah + (-1, 0 or +1), never below 0."""
    return np.maximum(jumlah + rng.integers(-1, 2, size=len(jumlah)), 0)


def _same_database(a: str, b: str) -> bool:
    ua, ub = make_url(a), make_url(b)
    if ua.get_backend_name() == "sqlite" and ub.get_backend_name() == "sqlite":
        return Path(ua.database or "").resolve() == Path(ub.database or "").resolve()
    return ua.render_as_string(hide_password=True) == ub.render_as_string(hide_password=True)


def scale_database(url: str, rows: int, seed: int = 7, app_url: str | None = None) -> ScaleResult:
    """Replicate the case rows of the database at url until it holds exactly `rows` rows (see module doc).

    Refuses the app's own database (settings DATABASE_URL / TPPO_SQLITE_PATH) and an already scaled one.
    """
    app_url = app_url or load_settings().database_url
    if _same_database(url, app_url):
        raise ScaleError("uji skala hanya untuk basis data terpisah, bukan basis data aplikasi")
    started = time.perf_counter()
    engine = get_engine(url)
    with engine.connect() as conn:
        base = read_cases(conn, COPY_COLUMNS)
        scaled_before = count_agencies_like(conn, AGENCY_PREFIX)
    if scaled_before:
        raise ScaleError("basis data ini sudah digandakan; buat basis data baru")
    plan = plan_copies(len(base), rows)
    rng = np.random.default_rng(seed)
    agencies = [{"kode": agency_code(i), "nama": f"Instansi sintetis {i:02d} (uji skala)"}
                for i in range(1, len(plan) + 1)]
    copies = (base.iloc[:take].assign(instansi=agency_code(i), jumlah=jitter(base["jumlah"].to_numpy()[:take], rng))
              for i, take in enumerate(plan, start=1))
    if engine.dialect.name == "sqlite":
        engine.dispose()  # the bulk load below needs the file to itself
        load_sqlite_bulk(make_url(url).database, agencies, copies, COPY_COLUMNS)
        with engine.begin() as conn:
            bump_data_version(conn)
    else:
        with engine.begin() as conn:
            insert_cases(conn, agencies, copies)
            bump_data_version(conn)
    return ScaleResult(url, len(base), len(base) + sum(plan), len(plan), time.perf_counter() - started)


def build_scaled(url: str, rows: int, seed: int = 7) -> ScaleResult:
    """A new database at url with the demo data, its case table scaled to `rows` rows."""
    ensure_database(url)
    return scale_database(url, rows, seed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Gandakan tabel kasus ke N baris di basis data terpisah (uji skala).")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, help="berkas SQLite baru (tidak boleh sudah ada)")
    parser.add_argument("--url", help="atau URL basis data terpisah yang sudah berisi data contoh")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    try:
        if args.url:
            result = scale_database(args.url, args.rows, args.seed)
        elif args.out:
            if args.out.exists():
                raise ScaleError(f"{args.out} sudah ada; pilih berkas baru")
            args.out.parent.mkdir(parents=True, exist_ok=True)
            result = build_scaled(f"sqlite:///{args.out.resolve()}", args.rows, args.seed)
        else:
            parser.error("beri --out BERKAS atau --url URL")
    except ScaleError as exc:
        print(f"Gagal: {exc}", file=sys.stderr)
        return 2
    print(f"{result.rows_before} → {result.rows_after} baris kasus ({result.synthetic_agencies} instansi sintetis) "
          f"dalam {result.seconds:.1f} detik: {result.url}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
