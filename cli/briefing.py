"""The briefing command: the leadership slide deck (PPTX) and, with LibreOffice, its PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.common import UserError, add_filter_options, filters_from_args


def cmd_briefing(args: argparse.Namespace) -> int:
    from demo.loader import ensure_database
    from exports.deck import PdfConversionError, build_deck, convert_to_pdf

    filters = filters_from_args(args)
    out = Path(args.out)
    if out.suffix.lower() != ".pptx":
        raise UserError(f"Berkas keluaran harus berakhiran .pptx, bukan '{out.name}'.")
    if args.pdf and Path(args.pdf).suffix.lower() != ".pdf":
        raise UserError(f"Berkas PDF harus berakhiran .pdf, bukan '{Path(args.pdf).name}'.")
    if not out.parent.exists():
        raise UserError(f"Folder '{out.parent}' tidak ada.")
    ensure_database()
    from cli.core import no_data_message
    from data_access.engine import connect
    from data_access.indicators import connection_runner, headline_indicators

    with connect() as conn:
        headlines = headline_indicators(filters, connection_runner(conn))
    if headlines.filters is None:
        raise UserError(no_data_message(headlines))
    out.write_bytes(build_deck(headlines.filters, args.lang))
    print(f"Paparan disimpan: {out}")
    if args.pdf:
        try:
            pdf = convert_to_pdf(out, Path(args.pdf))
        except PdfConversionError as exc:
            raise UserError(str(exc)) from exc
        print(f"PDF disimpan: {pdf}")
    return 0


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("briefing", help="buat bahan paparan pimpinan (PPTX, opsional PDF) untuk filter yang dipilih")
    p.add_argument("--out", required=True, help="berkas .pptx yang dibuat, mis. paparan.pptx")
    p.add_argument("--pdf", help="juga buat PDF lewat LibreOffice (soffice), mis. paparan.pdf")
    p.add_argument("--lang", choices=["id", "en"], default="id", help="bahasa paparan (bawaan: id)")
    add_filter_options(p)
    p.set_defaults(handler=cmd_briefing)
