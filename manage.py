#!/usr/bin/env python
"""Command line for data admins: database set-up, demo data, summaries, WISN, exports and imports."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from domain.filters import Filters, for_year, parse_month

# Query modules carry st.cache_data wrappers; outside a Streamlit server their warnings are noise.
os.environ.setdefault("STREAMLIT_LOGGER_LEVEL", "error")

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(name: str):
    def register(fn: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        COMMANDS[name] = fn
        return fn
    return register


class UserError(Exception):
    """A problem the user can fix; printed in Indonesian without a traceback."""


def filters_from_args(args: argparse.Namespace) -> Filters:
    try:
        base = Filters(
            provinsi=tuple(args.province or ()),
            modus=tuple(args.modus or ()),
            jenis_kelamin=tuple(args.sex or ()),
            kelompok_umur=tuple(args.age or ()),
            instansi=tuple(args.agency or ()),
        )
        if args.year:
            base = for_year(args.year, base)
        if args.start:
            base = base.with_(start=parse_month(args.start))
        if args.end:
            base = base.with_(end=parse_month(args.end))
        return base
    except ValueError as exc:
        raise UserError(str(exc)) from exc


def add_filter_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("filter global")
    g.add_argument("--province", action="append", metavar="KODE", help="kode provinsi Kemendagri, mis. 52 (boleh berulang)")
    g.add_argument("--year", type=int, help="tahun, mis. 2024")
    g.add_argument("--start", metavar="TTTT-BB", help="bulan awal")
    g.add_argument("--end", metavar="TTTT-BB", help="bulan akhir")
    g.add_argument("--modus", action="append", help="kode modus (boleh berulang)")
    g.add_argument("--sex", action="append", choices=["L", "P"], help="jenis kelamin")
    g.add_argument("--age", action="append", choices=["anak", "dewasa"], help="kelompok umur")
    g.add_argument("--agency", action="append", help="kode instansi pelapor, mis. KEMENSOS")


@command("migrate")
def cmd_migrate(args: argparse.Namespace) -> int:
    from data_access.engine import migrate

    migrate()
    print("Skema basis data sudah terbaru.")
    return 0


@command("init-demo")
def cmd_init_demo(args: argparse.Namespace) -> int:
    from data_access.engine import connect, get_engine, has_data, migrate
    from demo.loader import load_demo, wipe
    from demo.reference_files import ReferenceMissing
    from settings import load_settings

    settings = load_settings()
    try:
        migrate()
        if args.reset:
            wipe(get_engine())
        with connect() as conn:
            if has_data(conn):
                print("Basis data sudah berisi data; tidak ada yang diubah. (--reset untuk memuat ulang data contoh)")
                return 0
        rows = load_demo(get_engine(), settings.reference_dir)
    except ReferenceMissing as exc:
        raise UserError(str(exc)) from exc
    print(f"Data contoh (sintetis) dimuat: {rows} baris kasus.")
    return 0


@command("summary")
def cmd_summary(args: argparse.Namespace) -> int:
    from data_access.engine import connect, ensure_database
    from data_access.summary import _query_summary

    filters = filters_from_args(args)
    ensure_database()
    with connect() as conn:
        summary = _query_summary(conn, filters)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        for key, value in summary.items():
            print(f"{key}: {value}")
    return 0


@command("vendor-assets")
def cmd_vendor_assets(args: argparse.Namespace) -> int:
    from builders.offline_assets import vendor_assets
    from settings import STATIC_DIR

    path = vendor_assets(STATIC_DIR)
    print(f"Aset peta luring disalin ke {path}")
    return 0


@command("wisn")
def cmd_wisn(args: argparse.Namespace) -> int:
    from cli.wisn import run

    return run(Path(args.params), Path(args.activities), Path(args.out))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="manage.py", description="Dasbor Sinergi Anti-TPPO: perintah admin data")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="terapkan migrasi skema (Alembic)")
    p = sub.add_parser("init-demo", help="buat basis data dan muat data contoh (idempoten)")
    p.add_argument("--reset", action="store_true", help="hapus semua data lalu muat ulang data contoh")
    p = sub.add_parser("summary", help="angka utama data yang dimuat")
    p.add_argument("--json", action="store_true", help="cetak satu objek JSON")
    add_filter_options(p)
    sub.add_parser("vendor-assets", help="salin Leaflet dkk. dari paket terpasang ke static/vendor (peta luring)")
    p = sub.add_parser("wisn", help="hitung WISN dari dua CSV (parameter dan aktivitas)")
    p.add_argument("params", help="PARAMS.csv")
    p.add_argument("activities", help="ACTIVITIES.csv")
    p.add_argument("--out", required=True, help="RESULT.csv")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except UserError as exc:
        print(f"Galat: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
