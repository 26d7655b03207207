"""Data commands: template, export, import (validated, one transaction), rollback, batches, competence targets."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from cli.common import UserError
from domain.validation import KINDS, KIND_ALIASES

EXIT_REJECTED = 2
_KIND_CHOICES = sorted(KINDS) + sorted(KIND_ALIASES)


def _format_of(path: Path) -> str:
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("csv", "xlsx"):
        raise UserError(f"Berkas keluaran '{path.name}' harus berakhiran .csv atau .xlsx.")
    return fmt


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise UserError(f"Berkas '{path}' tidak dapat ditulis; periksa folder tujuan dan izin aksesnya.") from exc


def cmd_template(args: argparse.Namespace) -> int:
    from data_access.engine import connect
    from demo.loader import ensure_database
    from data_access.importing import load_reference_sets
    from exports.templates import make_template

    out = Path(args.out)
    fmt = _format_of(out)
    ensure_database()
    with connect() as conn:
        refs = load_reference_sets(conn)
    _write(out, make_template(args.kind, fmt, refs))
    print(f"Templat '{args.kind}' ditulis ke {out}.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from data_access.engine import connect
    from demo.loader import ensure_database
    from data_access.importing import export_frame
    from exports.templates import export_bytes

    out = Path(args.out)
    fmt = _format_of(out)
    ensure_database()
    with connect() as conn:
        df = export_frame(conn, args.kind)
    _write(out, export_bytes(df, fmt))
    print(f"{len(df)} baris '{args.kind}' diekspor ke {out} (format impor).")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from data_access.engine import get_engine
    from demo.loader import ensure_database
    from data_access.importing import ImportRejected, import_file
    from domain.file_reading import read_path

    path = Path(args.file)
    ensure_database()
    if not path.is_file():  # read_path words a missing or unreadable file
        return _report(read_path(path).problems, path.name)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError(f"Berkas '{path}' tidak dapat dibuka.") from exc
    user = args.user or _default_user()
    try:
        result = import_file(get_engine(), args.kind, raw, path.name, user)
    except ImportRejected as exc:
        return _report(exc.problems, path.name)
    for warning in result.warnings:
        print(f"- {warning.describe()}", file=sys.stderr)
    if result.batch_id is None:
        print(f"Tidak ada perubahan ({result.kind}, {path.name}): {result.unchanged} baris sama dengan data "
              "tersimpan; tidak ada yang ditulis.")
        return 0
    print(f"Impor #{result.batch_id} ({result.kind}, {path.name}): {result.added} baris ditambah, "
          f"{result.changed} diubah, {result.unchanged} sama.")
    if result.demo_replaced:
        print(f"{result.demo_replaced} baris data contoh diganti (dihapus atau dinonaktifkan).")
    if result.left_demo:
        print("Jenis data ini kini berasal dari impor (bukan data contoh); akun demo dihapus. Buat akun dengan "
              "'manage.py create-user' bila belum ada.")
    return 0


def _default_user() -> str:
    try:
        return f"{getpass.getuser()} (manage.py)"
    except (KeyError, OSError):
        return "manage.py"


def _report(problems: list, file_name: str) -> int:
    errors = [p for p in problems if p.level == "galat"]
    print(f"Berkas '{file_name}' ditolak: {len(errors)} masalah; basis data tidak diubah.", file=sys.stderr)
    for problem in problems:
        print(f"- {problem.describe()}", file=sys.stderr)
    return EXIT_REJECTED


def cmd_rollback(args: argparse.Namespace) -> int:
    from data_access.engine import get_engine
    from demo.loader import ensure_database
    from data_access.importing import RollbackRefused, rollback_batch

    ensure_database()
    try:
        result = rollback_batch(get_engine(), args.batch, args.user or _default_user())
    except RollbackRefused as exc:
        raise UserError(str(exc)) from exc
    print(f"Impor #{result.batch_id} dibatalkan: {result.restored} baris dikembalikan ke keadaan sebelumnya.")
    if result.demo_restored:
        print("Jenis data ini kembali ke data contoh (DATA CONTOH tampil lagi). Akun demo tidak dibuat ulang.")
    return 0


def cmd_batches(args: argparse.Namespace) -> int:
    from data_access.engine import connect
    from demo.loader import ensure_database
    from data_access.importing import list_batches

    ensure_database()
    with connect() as conn:
        df = list_batches(conn)
    if df.empty:
        print("Belum ada impor.")
        return 0
    for r in df.itertuples(index=False):
        print(f"#{r.id}\t{r.status}\t{r.jenis}\t{r.waktu:%Y-%m-%d %H:%M}\t{r.oleh}\t{r.nama_file}\t"
              f"+{r.baris_tambah} ~{r.baris_ubah} ={r.baris_sama}\tsha256 {r.sha256[:12]}")
    return 0


def _percent(text: str) -> float | None:
    """A target in percent from the command line; '-' or '' means no target for that role."""
    if text.strip() in ("", "-"):
        return None
    try:
        return float(text.replace(",", "."))
    except ValueError as exc:
        raise UserError(f"Target '{text}' bukan angka persen (0–100) atau '-'.") from exc


def cmd_target(args: argparse.Namespace) -> int:
    """Set one role's competence targets (the same validation and audit as the page's editor)."""
    from data_access.engine import connect, get_engine
    from data_access.staffing import query_competence_targets
    from data_access.targets import EDITOR_ROLE, editable_targets, from_percent, save_targets
    from demo.loader import ensure_database
    from domain.sdm import ROLES

    ensure_database()
    if args.peran not in ROLES:
        raise UserError(f"Peran '{args.peran}' tidak dikenal; pilih salah satu: {', '.join(ROLES)}.")
    with connect() as conn:
        table = editable_targets(query_competence_targets(conn), ROLES)
    for column, value in (("target_terlatih", args.terlatih), ("target_bersertifikat", args.bersertifikat)):
        if value is not None:
            table.loc[table["peran"] == args.peran, column] = _percent(value)
    result = save_targets(get_engine(), from_percent(table), args.sumber, args.user or _default_user(), EDITOR_ROLE)
    if result.unchanged:
        print("Tidak ada perubahan; tidak ada yang ditulis.")
        return 0
    if not result.ok:
        print("Target tidak disimpan; basis data tidak diubah:", file=sys.stderr)
        for problem in result.problems:
            print(f"- {problem}", file=sys.stderr)
        return EXIT_REJECTED
    print(f"Target {args.peran} disimpan (impor #{result.batch_id}; batalkan dengan 'manage.py rollback "
          f"{result.batch_id}').")
    return 0


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("template", help="templat impor kosong (.csv, atau .xlsx dengan lembar Petunjuk)")
    p.add_argument("kind", choices=_KIND_CHOICES, metavar="JENIS", help=f"jenis data: {', '.join(KINDS)}")
    p.add_argument("--out", required=True, help="berkas .csv atau .xlsx")
    p.set_defaults(handler=cmd_template)
    p = sub.add_parser("export", help="ekspor semua baris satu jenis data dalam format impor")
    p.add_argument("kind", choices=_KIND_CHOICES, metavar="JENIS", help=f"jenis data: {', '.join(KINDS)}")
    p.add_argument("--out", required=True, help="berkas .csv atau .xlsx")
    p.set_defaults(handler=cmd_export)
    p = sub.add_parser("import", help="periksa seluruh berkas lalu impor dalam satu transaksi (ditolak: kode 2)")
    p.add_argument("kind", choices=_KIND_CHOICES, metavar="JENIS", help=f"jenis data: {', '.join(KINDS)}")
    p.add_argument("file", help="berkas .csv atau .xlsx")
    p.add_argument("--user", help="nama pengimpor untuk jejak audit (bawaan: pengguna sistem)")
    p.set_defaults(handler=cmd_import)
    p = sub.add_parser("rollback", help="batalkan satu impor (kembalikan keadaan sebelum impor itu)")
    p.add_argument("batch", type=int, help="nomor impor (lihat 'batches')")
    p.add_argument("--user", help="nama untuk jejak audit")
    p.set_defaults(handler=cmd_rollback)
    sub.add_parser("batches", help="daftar impor (jejak audit), terbaru dulu").set_defaults(handler=cmd_batches)
    p = sub.add_parser("target", help="tetapkan target kompetensi satu peran (persen terlatih/bersertifikat)")
    p.add_argument("peran", metavar="PERAN", help="kode peran SDM, mis. pekerja_sosial")
    p.add_argument("--terlatih", metavar="PERSEN", help="target porsi terlatih 12 bulan (0–100, '-' = tanpa target)")
    p.add_argument("--bersertifikat", metavar="PERSEN", help="target porsi bersertifikat (0–100, '-' = tanpa target)")
    p.add_argument("--sumber", required=True, help="dasar penetapan target (wajib)")
    p.add_argument("--user", help="nama yang dicatat di jejak audit")
    p.set_defaults(handler=cmd_target)
