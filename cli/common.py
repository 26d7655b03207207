"""Shared pieces of the manage.py commands: user errors and the global filter options."""

from __future__ import annotations

import argparse

from domain.filters import Filters, for_year, parse_month


class UserError(Exception):
    """A problem the user can fix; manage.py prints it in Indonesian, without a traceback, and exits 2."""


def add_filter_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("filter global")
    g.add_argument("--province", action="append", metavar="KODE",
                   help="kode provinsi Kemendagri, mis. 52 (boleh berulang)")
    g.add_argument("--year", type=int, help="tahun, mis. 2024")
    g.add_argument("--start", metavar="TTTT-BB", help="bulan awal")
    g.add_argument("--end", metavar="TTTT-BB", help="bulan akhir")
    g.add_argument("--modus", action="append", help="kode modus (boleh berulang)")
    g.add_argument("--sex", action="append", choices=["L", "P"], help="jenis kelamin")
    g.add_argument("--age", action="append", choices=["anak", "dewasa"], help="kelompok umur")
    g.add_argument("--agency", action="append", help="kode instansi pelapor, mis. KEMENSOS")


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
