#!/usr/bin/env python
"""Command line for data admins: every module in cli/ with an add_parser() contributes its commands."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

import cli
from cli.common import UserError


def _quiet_streamlit() -> None:
    """Query modules carry st.cache_data wrappers; outside a Streamlit server their warnings are noise."""
    import streamlit.logger

    streamlit.logger.set_log_level("ERROR")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="manage.py", description="Dasbor Sinergi Anti-TPPO: perintah admin data")
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


if __name__ == "__main__":
    sys.exit(main())
