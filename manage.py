#!/usr/bin/env python
"""Command line for data admins: every module in cli/ with an add_parser() contributes its commands."""

from __future__ import annotations

import signal
import sys

CANCELLED = "\nDibatalkan (Ctrl-C)."
EXIT_INTERRUPTED = 130


def _cancelled_while_starting(signum: int, frame: object) -> None:
    # Importing the commands takes a second or two; a Ctrl-C then ends as quietly as one later (main's handler).
    print(CANCELLED, file=sys.stderr)
    sys.exit(EXIT_INTERRUPTED)


# Installed before anything heavy is imported, and only when run as a command (tests import main) and when the
# caller has not chosen to ignore Ctrl-C. main() hands Ctrl-C back to KeyboardInterrupt once it can catch it.
if __name__ == "__main__" and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
    signal.signal(signal.SIGINT, _cancelled_while_starting)

import argparse  # noqa: E402
import importlib  # noqa: E402
import os  # noqa: E402
import pkgutil  # noqa: E402
import re  # noqa: E402

import cli  # noqa: E402
from cli.common import UserError  # noqa: E402
from settings import DatabaseUrlError  # noqa: E402


def _quiet_streamlit() -> None:
    """Outside a Streamlit server its warnings are noise. No module the commands use imports Streamlit any more
    (the query cache is data_access.caching's own), and importing it only to quiet it cost every command 0.4 s."""
    if "streamlit" in sys.modules:
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
    """argparse with its error messages in Indonesian; still exit 2, as for every user mistake. Sub-commands'
    parsers are of this class too, so each gets the help formatter that lists codes only when shown."""

    def __init__(self, *args, **kwargs) -> None:
        from cli.common import HelpFormatter

        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

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
    try:
        if signal.getsignal(signal.SIGINT) is _cancelled_while_starting:
            signal.signal(signal.SIGINT, signal.default_int_handler)  # getpass and transactions expect it
        args = build_parser().parse_args(argv)
        _quiet_streamlit()
        code = args.handler(args)
        sys.stdout.flush()  # a closed pipe shows here, inside the handlers below, not at interpreter exit
        return code
    except (UserError, DatabaseUrlError) as exc:
        print(f"Galat: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(CANCELLED, file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return _reader_gone()
    except Exception as exc:
        from sqlalchemy.exc import InterfaceError, OperationalError

        if not isinstance(exc, OperationalError | InterfaceError):
            raise
        print(f"Galat: basis data tidak dapat dihubungi atau menolak perintah ({type(exc.orig or exc).__name__}); "
              "periksa DATABASE_URL dan apakah server basis data berjalan. Tidak ada yang diubah.", file=sys.stderr)
        return 2


EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for `yes | head`, so `set -o pipefail` sees the same


def _reader_gone() -> int:
    """The reader of stdout went away (`summary --json | head -c 300`): nothing more to say, and no traceback.
    Python's documented way: point stdout at devnull so the final flush at exit does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout without a file descriptor (tests capture it in memory)
        pass
    return EXIT_BROKEN_PIPE


if __name__ == "__main__":
    # Admin commands (imports, migrations) may run long; the statement timeout protects the app's pages.
    os.environ.setdefault("TPPO_STATEMENT_TIMEOUT_S", "0")
    os.environ.setdefault("TPPO_QUERY_DEADLINE_S", "0")  # an import or a publish may run for minutes
    sys.exit(main())
