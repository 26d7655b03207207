"""Data commands: template, export, import (validated, one transaction), rollback, batches, competence targets."""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

from cli.common import UserError, default_user, require_database
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
    from data_access.importing import load_reference_sets
    from exports.templates import make_template

    out = Path(args.out)
    fmt = _format_of(out)
    require_database()
    with connect() as conn:
        refs = load_reference_sets(conn)
    _write(out, make_template(args.kind, fmt, refs))
    print(f"Templat '{args.kind}' ditulis ke {out}.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from data_access.engine import connect
    from data_access.importing import export_frame
    from exports.templates import export_bytes

    out = Path(args.out)
    fmt = _format_of(out)
    require_database()
    with connect() as conn:
        df = export_frame(conn, args.kind)
    _write(out, export_bytes(df, fmt))
    print(f"{len(df)} baris '{args.kind}' diekspor ke {out} (format impor).")
    return 0


RULE = ("Aturan: berkas mengganti persis laporan yang dicakupnya (data kasus: instansi × bulan; okupansi: unit × "
        "bulan; ...) dan menambah sisanya; laporan lain, dari impor mana pun, tetap. Data contoh diganti hanya "
        "dengan --ganti-contoh.")


def _period_label(value) -> str:
    return f"{value:%Y-%m}" if hasattr(value, "strftime") else str(value)


def _print_plan(months, added: int, changed: int, unchanged: int, removed: int, adopted: int, demo_replaced: int,
                demo_kept: int, kind: str, out=sys.stdout) -> None:
    """The rule, the counts per month, and what happens to the demo rows: the same for --periksa and an import."""
    print(RULE, file=out)
    if months is not None and len(months):
        print("Per bulan: bulan, ditambah, diubah, sama, dihapus, contoh diganti", file=out)
        for r in months.itertuples(index=False):
            print(f"  {_period_label(r.bulan)}: {r.ditambah}, {r.diubah}, {r.sama}, {r.dihapus}, {r.contoh_diganti}",
                  file=out)
    print(f"Jumlah: {added} ditambah, {changed} diubah, {unchanged} sama, {removed} dihapus (baris laporan yang "
          "sama yang tidak ada lagi di berkas).", file=out)
    if adopted:
        print(f"{adopted} baris sama persis dengan data contoh dan kini dihitung sebagai data nyata dari berkas ini.",
              file=out)
    if demo_replaced:
        print(f"{demo_replaced} baris data contoh '{kind}' di luar berkas diganti (dihapus atau dinonaktifkan), atas "
              "pilihan --ganti-contoh.", file=out)
    elif demo_kept:
        print(f"{demo_kept} baris data contoh '{kind}' di luar berkas tetap; halaman menandai bulan-bulan contohnya. "
              "Tambahkan --ganti-contoh untuk menggantinya.", file=out)


def cmd_import(args: argparse.Namespace) -> int:
    from data_access.engine import connect, get_engine
    from data_access.importing import ImportRejected, import_file, plan_import
    from domain.file_reading import read_path

    path = Path(args.file)
    require_database()
    if not path.is_file():  # read_path words a missing or unreadable file
        return _report(read_path(path).problems, path.name)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError(f"Berkas '{path}' tidak dapat dibuka.") from exc
    if args.periksa:  # check and preview only: nothing is written
        with connect() as conn:
            plan = plan_import(conn, args.kind, raw, path.name, replace_demo=args.ganti_contoh)
        if not plan.ok:
            return _report(plan.problems, path.name)
        for warning in plan.warnings:
            print(f"- {warning.describe()}", file=sys.stderr)
        print(f"Pemeriksaan '{path.name}' ({plan.kind}): berkas dapat diimpor; belum ada yang ditulis.")
        _print_plan(plan.months, plan.added, plan.changed, plan.unchanged, plan.removed, plan.adopted,
                    plan.demo_replaced, plan.demo_kept, plan.kind)
        print(f"{len(plan.reports)} laporan akan dicatat sebagai penyerahan.")
        return 0
    user = args.user or default_user()
    try:
        result = import_file(get_engine(), args.kind, raw, path.name, user, replace_demo=args.ganti_contoh)
    except ImportRejected as exc:
        return _report(exc.problems, path.name)
    for warning in result.warnings:
        print(f"- {warning.describe()}", file=sys.stderr)
    if result.batch_id is None:
        print(f"Tidak ada perubahan ({result.kind}, {path.name}): {result.unchanged} baris sama dengan data "
              "tersimpan; tidak ada yang ditulis.")
        return 0
    print(f"Impor #{result.batch_id} ({result.kind}, {path.name}): {result.added} baris ditambah, "
          f"{result.changed} diubah, {result.unchanged} sama, {result.removed} dihapus.")
    _print_plan(result.months, result.added, result.changed, result.unchanged, result.removed, result.adopted,
                result.demo_replaced, result.demo_kept, result.kind)
    if result.reports:
        print(f"{result.reports} laporan dicatat sebagai penyerahan (pengirim, waktu, berkas, baris, laporan nol).")
    if result.asal == "campuran":
        print("Jenis data ini kini campuran: data nyata dan data contoh; DATA CONTOH tetap tampil.")
    if result.left_demo:
        print("Data nyata pertama masuk; akun demo dihapus. Buat akun dengan 'manage.py create-user' bila belum ada.")
    return 0


def _report(problems: list, file_name: str) -> int:
    errors = [p for p in problems if p.level == "galat"]
    print(f"Berkas '{file_name}' ditolak: {len(errors)} masalah; basis data tidak diubah.", file=sys.stderr)
    for problem in problems:
        print(f"- {problem.describe()}", file=sys.stderr)
    return EXIT_REJECTED


def cmd_rollback(args: argparse.Namespace) -> int:
    from data_access.engine import get_engine
    from data_access.importing import RollbackRefused, rollback_batch

    require_database()
    try:
        result = rollback_batch(get_engine(), args.batch, args.user or default_user())
    except RollbackRefused as exc:
        raise UserError(str(exc)) from exc
    print(f"Impor #{result.batch_id} dibatalkan: {result.restored} baris dikembalikan ke keadaan sebelumnya.")
    if result.demo_restored:
        print("Jenis data ini kembali ke data contoh (DATA CONTOH tampil lagi). Akun demo tidak dibuat ulang.")
    from data_access.engine import connect
    from data_access.publication_source import query_release_drift
    from domain.statements import rollback_public_note

    with connect() as conn:
        public = rollback_public_note(result.batch_id, result.public_version, query_release_drift(conn))
    if public is not None:
        print(public.text + (" Perintah: 'manage.py publish'." if public.values["stale"] else ""))
    return 0


def cmd_batches(args: argparse.Namespace) -> int:
    from data_access.engine import connect
    from data_access.importing import list_batches

    require_database()
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
    refusal = (f"Target '{text}' harus angka persen dari 0 sampai 100, atau '-' untuk tanpa target; tidak ada yang "
               "diubah.")
    try:
        value = float(text.replace(",", "."))
    except ValueError as exc:
        raise UserError(refusal) from exc
    # float() also reads 'nan' and 'inf': NaN would pass downstream as "no target" and silently drop one.
    if not math.isfinite(value) or not 0 <= value <= 100:
        raise UserError(refusal)
    return value


def cmd_target(args: argparse.Namespace) -> int:
    """Set one role's competence targets (the same validation and audit as the page's editor)."""
    from data_access.engine import connect, get_engine
    from data_access.staffing import query_competence_targets
    from data_access.targets import EDITOR_ROLE, editable_targets, from_percent, save_targets
    from domain.sdm import ROLES

    require_database()
    if args.peran not in ROLES:
        raise UserError(f"Peran '{args.peran}' tidak dikenal; pilih salah satu: {', '.join(ROLES)}.")
    with connect() as conn:
        table = editable_targets(query_competence_targets(conn), ROLES)
    for column, value in (("target_terlatih", args.terlatih), ("target_bersertifikat", args.bersertifikat)):
        if value is not None:
            table.loc[table["peran"] == args.peran, column] = _percent(value)
    result = save_targets(get_engine(), from_percent(table), args.sumber, args.user or default_user(), EDITOR_ROLE)
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
    p.add_argument("--ganti-contoh", action="store_true",
                   help="ganti juga seluruh data contoh jenis ini di luar laporan berkas (tanpa ini data contoh tetap)")
    p.add_argument("--periksa", action="store_true", help="periksa dan tampilkan rencana per bulan saja; tidak menulis")
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
