"""The briefing command: the leadership slide deck (PPTX) and, with LibreOffice, its PDF."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from cli.common import UserError, add_filter_options, filters_from_args, period_from_data, require_database

log = logging.getLogger(__name__)


def cmd_briefing(args: argparse.Namespace) -> int:
    from exports.deck import PdfConversionError, build_deck, convert_to_pdf

    filters = filters_from_args(args)
    out = Path(args.out)
    if out.suffix.lower() != ".pptx":
        raise UserError(f"Berkas keluaran harus berakhiran .pptx, bukan '{out.name}'.")
    if args.pdf and Path(args.pdf).suffix.lower() != ".pdf":
        raise UserError(f"Berkas PDF harus berakhiran .pdf, bukan '{Path(args.pdf).name}'.")
    if not out.parent.exists():
        raise UserError(f"Folder '{out.parent}' tidak ada.")
    require_database()
    from cli.core import no_data_message
    from data_access.engine import DATABASE_DOWN, connect
    from data_access.indicators import connection_runner, data_window, headline_indicators

    with connect() as conn:
        run = connection_runner(conn)
        filters = period_from_data(filters, args, data_window(run))
        headlines = headline_indicators(filters, run)
    if headlines.filters is None:
        raise UserError(no_data_message(headlines))
    try:
        deck = build_deck(headlines.filters, args.lang)
    except DATABASE_DOWN:
        raise  # manage.py turns a lost database into its own sentence
    except Exception as exc:  # noqa: BLE001 — any input the deck cannot serve is a sentence and exit 2
        log.debug("briefing deck failed", exc_info=True)  # no traceback on the terminal
        raise UserError(f"Paparan tidak dapat disusun untuk filter ini ({type(exc).__name__}); tidak ada berkas yang "
                        "dibuat. Coba filter lain atau hubungi admin data.") from exc
    try:
        out.write_bytes(deck)
    except OSError as exc:
        raise UserError(f"Berkas '{out}' tidak dapat ditulis ({exc.strerror or type(exc).__name__}).") from exc
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
