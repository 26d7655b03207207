"""`manage.py publish [--out DIR]`: protect the public tables, store them as a new version, optionally as files."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from cli.common import UserError

# Table name -> (file, column holding the row codes). One CSV per published table.
FILES: dict[str, tuple[str, str]] = {
    "nasional": ("nasional.csv", "wilayah"),
    "tahun": ("tahun.csv", "tahun"),
    "jenis_kelamin_umur": ("jenis_kelamin_umur.csv", "jenis_kelamin"),
    "modus": ("modus.csv", "modus"),
    "provinsi": ("provinsi.csv", "kode_provinsi"),
}


def write_files(extract, out_dir: Path, province_names: dict[str, str]) -> list[Path]:
    """The extract as CSV files (one per table, UTF-8 with BOM, formula-safe) plus README.md and metadata.json.

    CSV cells hold only codes, names and published values ("<10", "x", 0 or rounded counts): nothing a
    reader could take for a small count. The demo notice is the files' only note line.
    """
    from domain.publication import PUBLISHED_TABLES, SEXES, file_table
    from domain.taxonomy import MODUS, names
    from exports.tables import to_csv_bytes
    from strings import tr

    out_dir.mkdir(parents=True, exist_ok=True)
    info = extract.info
    notes = (tr("publik.file_demo"),) if info.is_demo else ()
    labels = {
        "nasional": {"Total": "Indonesia"},
        "tahun": None,
        "jenis_kelamin_umur": {s: tr(f"sex.{s}") for s in SEXES},
        "modus": names(MODUS),
        "provinsi": province_names,
    }
    orders = {"jenis_kelamin_umur": SEXES, "modus": [m.kode for m in MODUS]}
    written = []
    for name in PUBLISHED_TABLES:
        file_name, key = FILES[name]
        table = file_table(extract.table(name, orders.get(name)), key, labels[name])
        path = out_dir / file_name
        path.write_bytes(to_csv_bytes(table, notes))
        written.append(path)
    written.append(_write_metadata(out_dir, info))
    written.append(_write_readme(out_dir, info))
    return written


def _write_metadata(out_dir: Path, info) -> Path:
    path = out_dir / "metadata.json"
    meta = {
        "judul": "Ringkasan Publik Dasbor Sinergi Anti-TPPO",
        "versi": info.versi,
        "diterbitkan": info.dibuat.isoformat(timespec="seconds"),
        "periode": info.periode,
        "asal_data": info.asal_data,
        "data_contoh": info.is_demo,
        "ambang_penekanan": info.ambang,
        "basis_pembulatan": info.basis_pembulatan,
        "penanda_sel_kecil": info.rules.primary_marker,
        "penanda_sel_pelengkap": "x",
        "berkas": {name: file_name for name, (file_name, _) in FILES.items()},
        "catatan": info.catatan,
    }
    path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def _write_readme(out_dir: Path, info) -> Path:
    from strings import tr

    rules = info.rules
    words = {"marker": rules.primary_marker, "largest": rules.threshold - 1, "base": rules.rounding_base,
             "threshold": rules.threshold}
    lines = ["# Ringkasan Publik Dasbor Sinergi Anti-TPPO", ""]
    if info.is_demo:
        lines += [f"**{tr('publik.file_demo')}**", ""]
    lines += [
        f"Versi terbitan: {info.versi}  ",
        f"Diterbitkan: {info.dibuat.isoformat(timespec='seconds')}  ",
        f"Periode data: {info.periode}",
        "",
        "## Cara membaca angka ini",
        "",
        *(f"- {tr(f'publik.caveat_{k}', **words)}" for k in ("scope", "rounding", "small", "hidden", "zero")),
        "",
        "## Berkas",
        "",
        "- nasional.csv: total nasional korban ditangani",
        "- tahun.csv: korban ditangani per tahun penerimaan",
        "- jenis_kelamin_umur.csv: jenis kelamin (baris) × kelompok umur (kolom), dengan total",
        "- modus.csv: korban ditangani per modus",
        "- provinsi.csv: korban ditangani per provinsi asal (kode Kemendagri)",
        "",
        "Semua tabel berasal dari hitungan yang sama dan dilindungi bersama, sehingga sel yang disembunyikan "
        "tidak dapat dihitung dengan mengurangkan total dari tabel mana pun. Baris \"Total\" dibulatkan dari "
        "nilai sebenarnya, bukan dijumlahkan dari baris yang tampil.",
        "",
    ]
    path = out_dir / "README.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def cmd_publish(args: argparse.Namespace) -> int:
    from data_access.engine import connect, ensure_database, get_engine
    from data_access.publication import _query_extract, _query_province_names
    from data_access.publication_source import publish_from_cases, rules_from_settings

    out = Path(args.out) if args.out else None
    if out is not None and out.exists() and not out.is_dir():
        raise UserError(f"{out} sudah ada dan bukan folder.")
    try:
        rules = rules_from_settings()
    except ValueError as exc:
        raise UserError(f"Pengaturan penekanan tidak valid: {exc}") from exc
    ensure_database()
    try:
        with get_engine().begin() as conn:
            info = publish_from_cases(conn, dt.datetime.now(dt.timezone.utc), rules, catatan=args.note or "")
    except ValueError as exc:  # includes DisclosureError: nothing was stored
        raise UserError(f"Tidak ada yang diterbitkan: {exc}") from exc
    print(f"Terbitan versi {info.versi} disimpan (periode {info.periode}, ambang {info.ambang}, "
          f"dibulatkan ke kelipatan {info.basis_pembulatan}{', DATA CONTOH' if info.is_demo else ''}).")
    if out is not None:
        with connect() as conn:
            extract = _query_extract(conn, info.versi)
            names = _query_province_names(conn)
        try:
            written = write_files(extract, out, names)
        except OSError as exc:
            raise UserError(f"Berkas tidak dapat ditulis ke {out}: {exc}") from exc
        print(f"{len(written)} berkas ditulis ke {out}.")
    return 0


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("publish", help="terbitkan tabel publik terlindungi (versi baru), opsional sebagai CSV")
    p.add_argument("--out", metavar="FOLDER", help="tulis juga satu CSV per tabel, README.md dan metadata.json")
    p.add_argument("--note", help="catatan terbitan (disimpan bersama versi)")
    p.set_defaults(handler=cmd_publish)
