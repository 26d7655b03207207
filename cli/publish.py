"""`manage.py publish [--out DIR] [--serve PORT]`: protect the public tables, store them as a new version, and
write the static public site and open-data package; the version is stored only when the files are written."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cli.common import UserError, default_user, require_database

# Files that mark a folder as an earlier publish: only such a folder (or an empty one) is replaced.
MARKERS = ("metadata.json", "datapackage.json")


def write_files(extract, out_dir: Path, province_names: dict[str, str], boundaries=None, population=None,
                base_url: str | None = None) -> list[Path]:
    """The static public site (index.html, en/index.html, assets/), the open-data CSVs with datapackage.json,
    README.md and metadata.json, all from the published extract, into the existing folder out_dir."""
    from exports.public_site import build_site

    written = build_site(extract, province_names, boundaries, out_dir, population, base_url)
    written.append(_write_metadata(out_dir, extract, province_names))
    written.append(_write_readme(out_dir, extract.info))
    return written


def _write_metadata(out_dir: Path, extract, province_names: dict[str, str]) -> Path:
    from exports.open_data import open_tables

    info = extract.info
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
        # Every file the package holds, from the same list that writes them (pencegahan_provinsi.csv was missing).
        "berkas": {table.name: table.path for table in open_tables(extract, province_names)},
        "situs": {"id": "index.html", "en": "en/index.html"},
        "paket_data": "datapackage.json",
        "api": {"versi": "v1", "indeks": "api/v1/index.json", "dokumentasi": "api.md"},
        "metadata_portal": {"dcat": "dcat.jsonld", "ckan": "ckan.json"},
        "catatan": info.catatan,
    }
    path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def _write_readme(out_dir: Path, info) -> Path:
    from domain.publication import DESTINATION_MIN_TOTAL
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
        "- index.html, en/index.html: situs publik statis (bahasa Indonesia, English); assets/ berisi plotly.js, "
        "skrip grafik dan CSS, tanpa apa pun dari internet",
        "- datapackage.json: deskripsi paket data (Frictionless Data): kolom, tipe, satuan, lisensi, sumber, "
        "periode, penanda sel yang disembunyikan",
        "- nasional.csv: total nasional korban ditangani",
        "- tahun.csv: korban ditangani per tahun penerimaan; tahun yang hanya tercakup sebagian ditandai "
        "(mis. \"2025 (Jan–Jul)\", kolom Bulan awal/Bulan akhir/Sebagian tahun)",
        "- jenis_kelamin_umur.csv: jenis kelamin (baris) × kelompok umur (kolom), dengan total",
        "- modus.csv: korban ditangani per modus (kode dan nama)",
        "- provinsi.csv: korban ditangani per provinsi asal (kode Kemendagri dan nama)",
        "- provinsi_tahun.csv: korban ditangani per provinsi asal dan tahun (satu baris per provinsi dan tahun), "
        "dengan penduduk (tahun dan sumbernya) dan angka per 100.000 penduduk per tahun dari angka terbit",
        "- modus_tahun.csv: korban ditangani per modus dan tahun",
        "- jenis_kelamin_umur_tahun.csv: korban ditangani per jenis kelamin, kelompok umur dan tahun (satu baris per "
        "jenis kelamin, kelompok umur dan tahun; \"Total\" untuk keduanya)",
        "- tujuan_tahun.csv: korban ditangani per negara tujuan dan tahun (kode ISO3; negara dengan kurang dari "
        f"{DESTINATION_MIN_TOTAL} korban pada terbitan pertama digabung sebagai LAIN = negara lain; DN = dalam negeri)",
        "- pencegahan_provinsi.csv: peserta kegiatan pencegahan TPPO per provinsi tempat kegiatan (seseorang "
        "dapat terhitung lebih dari sekali; dilindungi seperti angka korban), bila terbitan memuatnya",
        "",
        "- embed/<grafik>.html (dan en/embed/): satu grafik dengan tabel, definisi, sumber dan periodenya, untuk "
        "<iframe> di situs lain",
        "- api/v1/<tabel>.json dan .csv, api/v1/index.json: API statis (dijelaskan di api.md); jalur v1 tetap "
        "selama arti kolom tidak berubah",
        "- dcat.jsonld (DCAT) dan ckan.json (CKAN package_create): metadata untuk dipanen portal data terbuka "
        "seperti Satu Data Indonesia",
        "",
        "Situs ini berupa berkas biasa: sajikan folder ini dari server web atau object storage mana pun "
        "(mis. `python -m http.server -d FOLDER 8080`).",
        "",
        "Semua tabel berasal dari hitungan yang sama dan dilindungi bersama, sehingga sel yang disembunyikan "
        "tidak dapat dihitung dengan mengurangkan total dari tabel mana pun; terbitan berikutnya tetap "
        "menyembunyikan sel yang pernah disembunyikan. Baris \"Total\" dibulatkan dari "
        "nilai sebenarnya, bukan dijumlahkan dari baris yang tampil.",
        "",
    ]
    path = out_dir / "README.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise UserError(f"{out} sudah ada dan bukan folder.")
    if out.is_dir() and any(out.iterdir()) and not any((out / m).is_file() for m in MARKERS):
        raise UserError(f"{out} berisi berkas lain dan bukan folder terbitan sebelumnya; pilih folder kosong.")


@contextmanager
def _staged(out: Path) -> Iterator[Path]:
    """A fresh folder beside `out` to write into; removed again if anything fails before it is put in place."""
    out.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.baru-", dir=out.parent))
    try:
        # mkdtemp makes the folder private (0700); the published folder gets the mode any new folder gets, so a
        # web server running as another user can read it.
        umask = os.umask(0)
        os.umask(umask)
        stage.chmod(0o777 & ~umask)
        yield stage
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise


def _swap_in(stage: Path, out: Path) -> Path | None:
    """Put the written folder where `out` was (two renames on one file system); returns the earlier folder,
    kept until the version is committed so a failed commit can put it back."""
    previous = None
    if out.exists():
        previous = Path(tempfile.mkdtemp(prefix=f".{out.name}.lama-", dir=out.parent))
        previous.rmdir()
        out.rename(previous)
    try:
        stage.rename(out)
    except OSError:
        if previous is not None:
            previous.rename(out)
        raise
    return previous


def cmd_publish(args: argparse.Namespace) -> int:
    from data_access.engine import get_engine
    from data_access.publication import (
        get_province_boundaries, query_extract, query_place_names, query_province_population,
    )
    from settings import load_settings
    from data_access.publication_source import publish_from_cases, rules_from_settings

    out = Path(args.out).absolute() if args.out else None
    if args.serve is not None and out is None:
        raise UserError("--serve memerlukan --out FOLDER (folder situs yang akan disajikan).")
    if out is not None:
        _check_out(out)
    try:
        rules = rules_from_settings()
    except ValueError as exc:
        raise UserError(f"Pengaturan penekanan tidak valid: {exc}") from exc
    require_database()
    boundaries = get_province_boundaries() if out is not None else None
    previous, placed = None, False
    try:
        # One transaction: the version is committed only after every file is written and in place, so a
        # failure anywhere (unwritable folder, full disk, unsafe cell) leaves the database as it was.
        with get_engine().begin() as conn:
            # The same publish path as the Kelola Data action (data_access.publication_source), audited alike.
            info = publish_from_cases(conn, dt.datetime.now(dt.timezone.utc), rules, catatan=args.note or "",
                                      oleh=args.user or default_user())
            if out is not None:
                extract = query_extract(conn, info.versi)
                names = query_place_names(conn)  # provinces and destination countries
                population = query_province_population(conn)
                with _staged(out) as stage:
                    written = write_files(extract, stage, names, boundaries, population,
                                          load_settings().public_site_url)
                    previous = _swap_in(stage, out)
                    placed = True
    except ValueError as exc:  # includes DisclosureError: nothing was stored
        _restore(placed, previous, out)
        raise UserError(f"Tidak ada yang diterbitkan: {exc}") from exc
    except OSError as exc:
        _restore(placed, previous, out)
        raise UserError(f"Berkas tidak dapat ditulis ke {out}: {exc}. Tidak ada yang diterbitkan.") from exc
    except BaseException:
        _restore(placed, previous, out)
        raise
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)
    print(f"Terbitan versi {info.versi} disimpan (periode {info.periode}, ambang {info.ambang}, "
          f"dibulatkan ke kelipatan {info.basis_pembulatan}{', DATA CONTOH' if info.is_demo else ''}).")
    if out is not None:
        print(f"{len(written)} berkas ditulis ke {out} (situs publik statis: {out / 'index.html'}).")
    if args.serve is not None:
        serve(out, args.serve)
    return 0


def _restore(placed: bool, previous: Path | None, out: Path | None) -> None:
    """After a failure past the swap (the commit itself failed): the new folder goes, the earlier one comes back."""
    if not placed or out is None:
        return
    shutil.rmtree(out, ignore_errors=True)
    if previous is not None:
        previous.rename(out)


def site_server_class() -> type:
    """The standard library's threading HTTP server with a listen backlog for a burst of visitors: the default
    backlog of 5 drops connection attempts beyond it, and each dropped one waits a second for the retry."""
    from http.server import ThreadingHTTPServer

    class SiteServer(ThreadingHTTPServer):
        request_queue_size = 1024
        daemon_threads = True

    return SiteServer


def serve(folder: Path, port: int) -> None:
    """Serve the site folder on 127.0.0.1:port with Python's standard static server until Ctrl-C (for checking
    only; production serves the folder with any web server or object store, see README)."""
    import functools
    from http.server import SimpleHTTPRequestHandler

    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(folder))
    try:
        server = site_server_class()(("127.0.0.1", port), handler)
    except OSError as exc:
        raise UserError(f"Port {port} tidak dapat dipakai: {exc}") from exc
    print(f"Situs disajikan di http://127.0.0.1:{port}/ (hentikan dengan Ctrl-C).", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("Selesai.")
    finally:
        server.server_close()


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"port harus angka, bukan {text!r}") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"port harus 1–65535, bukan {port}")
    return port


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("publish", help="terbitkan tabel publik terlindungi (versi baru), opsional sebagai CSV")
    p.add_argument("--out", metavar="FOLDER",
                   help="tulis juga situs publik statis (index.html, en/index.html, assets/), CSV per tabel, "
                        "datapackage.json, README.md dan metadata.json; folder lama diganti hanya bila berhasil")
    p.add_argument("--serve", metavar="PORT", type=_port,
                   help="sajikan folder --out di http://127.0.0.1:PORT/ untuk diperiksa (Ctrl-C untuk berhenti)")
    p.add_argument("--note", help="catatan terbitan (disimpan bersama versi)")
    p.add_argument("--user", help="nama yang dicatat di jejak audit (bawaan: pengguna sistem)")
    p.set_defaults(handler=cmd_publish)
