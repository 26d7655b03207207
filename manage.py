#!/usr/bin/env python
"""Command line for data admins: every module in cli/ with an add_parser() contributes its commands."""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import re
import sys

import cli
from cli.common import UserError


def _quiet_streamlit() -> None:
    """Query modules carry st.cache_data wrappers; outside a Streamlit server their warnings are noise."""
    import streamlit.logger

    streamlit.logger.set_log_level("ERROR")


# argparse's own error sentences, in Indonesian (the rest of the CLI speaks Indonesian too).
_ARGPARSE_ERRORS = (
    (r"the following arguments are required: (.*)", r"argumen wajib belum diisi: \1"),
    (r"unrecognized arguments: (.*)", r"argumen tidak dikenal: \1"),
    (r"argument (.+?): invalid choice: (.*?) \(choose from (.*)\)", r"argumen \1: pilihan \2 tidak dikenal; pilih "
     r"salah satu: \3"),
    (r"argument (.+?): invalid (\w+) value: (.*)", r"argumen \1: nilai \3 tidak sah (harus \2)"),
    (r"argument (.+?): expected one argument", r"argumen \1 memerlukan satu nilai"),
    (r"argument (.+?): expected at least one argument", r"argumen \1 memerlukan paling sedikit satu nilai"),
    (r"argument (.+?): not allowed with argument (.*)", r"argumen \1 tidak boleh bersama \2"),
    (r"ambiguous option: (.*)", r"opsi ambigu: \1"),
)


class IndonesianParser(argparse.ArgumentParser):
    """argparse with its error messages in Indonesian; still exit 2, as for every user mistake."""

    def error(self, message: str):  # type: ignore[override]
        for pattern, replacement in _ARGPARSE_ERRORS:
            message = re.sub(pattern, replacement, message)
        message = message.replace("(harus int)", "(harus bilangan bulat)").replace("(harus float)", "(harus angka)")
        self.print_usage(sys.stderr)
        self.exit(2, f"Galat: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = IndonesianParser(prog="manage.py", description="Dasbor Sinergi Anti-TPPO: perintah admin data")
    sub = parser.add_subparsers(dest="command", required=True)
    for info in sorted(pkgutil.iter_modules(cli.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"cli.{info.name}")
        if hasattr(module, "add_parser"):
            module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _quiet_streamlit()
    try:
        return args.handler(args)
    except UserError as exc:
        print(f"Galat: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nDibatalkan (Ctrl-C).", file=sys.stderr)
        return 130
    except Exception as exc:
        from sqlalchemy.exc import InterfaceError, OperationalError

        if not isinstance(exc, OperationalError | InterfaceError):
            raise
        print(f"Galat: basis data tidak dapat dihubungi atau menolak perintah ({type(exc.orig or exc).__name__}); "
              "periksa DATABASE_URL dan apakah server basis data berjalan. Tidak ada yang diubah.", file=sys.stderr)
        return 2


if __name__ == "__main__":
    # Admin commands (imports, migrations) may run long; the statement timeout protects the app's pages.
    os.environ.setdefault("TPPO_STATEMENT_TIMEOUT_S", "0")
    sys.exit(main())
