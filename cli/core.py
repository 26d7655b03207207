"""Core commands: migrate, init-demo, summary, vendor-assets, wisn, and the local accounts (create-user, list-users,
unlock-user, deactivate-user, reactivate-user, delete-user; each action audited)."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path

from cli.common import (UserError, add_filter_options, default_user, filters_from_args, period_from_data,
                        require_database)


def cmd_migrate(args: argparse.Namespace) -> int:
    from data_access.engine import migrate

    migrate()
    print("Skema basis data sudah terbaru.")
    return 0


def cmd_init_demo(args: argparse.Namespace) -> int:
    from data_access.engine import connect, get_engine, has_data, migrate
    from demo.loader import load_demo, wipe
    from demo.reference_files import ReferenceMissing
    from settings import load_settings

    try:
        migrate()
        if args.reset:
            wipe(get_engine())
        with connect() as conn:
            if has_data(conn):
                print("Basis data sudah berisi data; tidak ada yang diubah. (--reset untuk memuat ulang data contoh)")
                return 0
        rows = load_demo(get_engine(), load_settings().reference_dir)
    except ReferenceMissing as exc:
        raise UserError(str(exc)) from exc
    print(f"Data contoh (sintetis) dimuat: {rows} baris kasus.")
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from data_access.engine import connect
    from data_access.indicators import as_json, connection_runner, data_window, headline_indicators
    from data_access.prevention import prevention_json, prevention_view
    from data_access.summary import summary_figures

    filters = filters_from_args(args)
    require_database()
    with connect() as conn:
        run = connection_runner(conn)
        filters = period_from_data(filters, args, data_window(run))
        headlines = headline_indicators(filters, run)
        if headlines.filters is None:
            raise UserError(no_data_message(headlines))
        summary = summary_figures(run, headlines)
        summary["pencegahan"] = prevention_json(prevention_view(filters, run))
    summary["indikator"] = as_json(headlines)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        for key, value in summary.items():
            if key not in ("indikator", "sumber_data", "pencegahan"):
                print(f"{key}: {value}")
        for kind, entry in summary["sumber_data"].items():
            months = "–" if entry["cakupan"] is None else " s.d. ".join(entry["cakupan"])
            print(f"sumber {kind}: {entry['asal']}, {months}")
        for key, entry in summary["indikator"].items():
            print(f"{key}: {entry['nilai']}" + (f" (pembanding {entry['pembanding']}, {entry['status']})"
                                                 if entry.get("pembanding") is not None else ""))
    return 0


def no_data_message(headlines) -> str:
    from domain.formatting import fmt_month

    if headlines.data is None:
        return "Belum ada data kasus. Muat data contoh (init-demo) atau impor data."
    return (f"Tidak ada data pada periode yang diminta; data tersedia {fmt_month(headlines.data.start)} sampai "
            f"{fmt_month(headlines.data.end)}.")


def cmd_vendor_assets(args: argparse.Namespace) -> int:
    from builders.country_shapes import vendor_country_shapes
    from builders.offline_assets import vendor_assets
    from settings import STATIC_DIR

    print(f"Aset peta luring disalin ke {vendor_assets(STATIC_DIR)}")
    print(f"Bentuk negara (Natural Earth) ditulis ke {vendor_country_shapes(STATIC_DIR)}")
    return 0


_NO_ACCOUNT = "tidak ada akun yang dibuat."


def _read_password(args: argparse.Namespace) -> str:
    """--password, --password-file, the first line of stdin when it is not a terminal (scripts), or a prompt."""
    if args.password:
        return args.password
    if args.password_file:
        try:
            text = sys.stdin.read() if args.password_file == "-" else Path(args.password_file).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(f"Berkas kata sandi '{args.password_file}' tidak dapat dibaca; {_NO_ACCOUNT}") from exc
        return text.splitlines()[0] if text.strip() else ""
    if not sys.stdin or not sys.stdin.isatty():
        line = sys.stdin.readline() if sys.stdin else ""
        if not line.strip():
            raise UserError("Kata sandi tidak diberikan: tanpa terminal, kirim kata sandi lewat stdin atau "
                            f"--password-file; {_NO_ACCOUNT}")
        return line.rstrip("\r\n")
    try:
        return getpass.getpass("Kata sandi: ")
    except (EOFError, KeyboardInterrupt):
        raise UserError(f"Dibatalkan di prompt kata sandi; {_NO_ACCOUNT}") from None


def _refusal(exc) -> str:
    from domain.access import MIN_PASSWORD_LENGTH
    from strings import tr

    return tr(f"akun.refused.{exc.reason}", "id", name=exc.username, min=MIN_PASSWORD_LENGTH)


def _said(change) -> str:
    """The Indonesian result sentence of an account action (the same as on the Kelola Data page)."""
    from strings import tr

    kind = "done" if change.batch_id is not None else "unchanged"
    return tr(f"akun.{kind}.{change.action}", "id", name=change.username, role=change.role,
              sessions=change.sessions_closed)


def cmd_create_user(args: argparse.Namespace) -> int:
    import datetime as dt

    from data_access.account_admin import AccountRefused, create_user
    from data_access.accounts import USERNAME_PATTERN, USERNAME_RULE
    from data_access.engine import get_engine
    from strings import tr

    if not USERNAME_PATTERN.fullmatch(args.username):
        raise UserError(f"{USERNAME_RULE} {_NO_ACCOUNT.capitalize()}")
    password = _read_password(args)
    require_database()
    try:
        with get_engine().begin() as conn:
            change = create_user(conn, args.username, password, args.role, args.user or default_user(),
                                 dt.datetime.now(dt.timezone.utc), replace=args.replace)
    except AccountRefused as exc:
        raise UserError(_refusal(exc)) from None
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    print(_said(change))
    if not change.active:
        print(tr("akun.inactive_note", "id", name=change.username))
    return 0


def _account_action(action: str):
    """The handler of deactivate-user, reactivate-user, delete-user and unlock-user: one action, audited."""

    def run(args: argparse.Namespace) -> int:
        from data_access.account_admin import AccountRefused, apply_account_action
        from data_access.engine import get_engine

        require_database()
        try:
            change = apply_account_action(get_engine(), action, args.username, args.user or default_user())
        except AccountRefused as exc:
            raise UserError(_refusal(exc)) from None
        print(_said(change))
        return 0

    return run


def cmd_list_users(args: argparse.Namespace) -> int:
    """Every account, one line each (tab-separated, like 'batches'): never a hash."""
    from data_access.account_admin import get_accounts

    require_database()
    accounts = get_accounts()
    if accounts.empty:
        print("Belum ada akun.")
        return 0
    yes_no = {True: "ya", False: "tidak"}
    when = lambda d: "–" if d is None else f"{d:%Y-%m-%d %H:%M} UTC"  # noqa: E731
    print("nama\tperan\taktif\tterkunci sampai\tdemo\tdibuat\tsesi terbuka")
    for r in accounts.itertuples(index=False):
        print(f"{r.username}\t{r.peran}\t{yes_no[r.aktif]}\t{when(r.terkunci_sampai)}\t{yes_no[r.demo]}\t"
              f"{when(r.dibuat)}\t{r.sesi}")
    return 0


def cmd_wisn(args: argparse.Namespace) -> int:
    from cli.wisn import run

    return run(Path(args.params), Path(args.activities), Path(args.out))


_AUDIT_HELP = "nama yang dicatat di jejak audit (bawaan: pengguna sistem)"
_ACCOUNT_COMMANDS = (
    ("unlock-user", "unlock", "buka kunci akun lokal setelah terlalu banyak percobaan gagal"),
    ("deactivate-user", "deactivate", "nonaktifkan akun lokal; sesinya dihapus (bukan akun admin_data terakhir)"),
    ("reactivate-user", "reactivate", "aktifkan kembali akun lokal (pemiliknya masuk lagi)"),
    ("delete-user", "delete", "hapus akun lokal dan sesinya (bukan akun admin_data terakhir)"),
)


def add_parser(sub: argparse._SubParsersAction) -> None:
    sub.add_parser("migrate", help="terapkan migrasi skema (Alembic)").set_defaults(handler=cmd_migrate)
    p = sub.add_parser("init-demo", help="buat basis data dan muat data contoh (idempoten)")
    p.add_argument("--reset", action="store_true", help="hapus semua data lalu muat ulang data contoh")
    p.set_defaults(handler=cmd_init_demo)
    p = sub.add_parser("summary", help="angka utama data yang dimuat")
    p.add_argument("--json", action="store_true", help="cetak satu objek JSON")
    add_filter_options(p)
    p.set_defaults(handler=cmd_summary)
    sub.add_parser("vendor-assets", help="salin Leaflet dkk. ke static/vendor (peta luring)").set_defaults(
        handler=cmd_vendor_assets)
    p = sub.add_parser("create-user", help="buat akun lokal (hash argon2)")
    p.add_argument("username")
    p.add_argument("--role", required=True, choices=["pimpinan", "jarnas", "admin_data"])
    p.add_argument("--password", help="hindari (tercatat di riwayat shell); tanpa opsi kata sandi ditanyakan, atau "
                   "dibaca dari baris pertama stdin bila bukan terminal")
    p.add_argument("--password-file", metavar="BERKAS", help="baca kata sandi dari baris pertama berkas ('-' = stdin)")
    p.add_argument("--replace", action="store_true", help="ganti kata sandi dan peran akun yang sudah ada (atur "
                   "ulang kata sandi); sesi akun itu berakhir")
    p.add_argument("--user", help=_AUDIT_HELP)
    p.set_defaults(handler=cmd_create_user)
    sub.add_parser("list-users", help="daftar akun lokal (tanpa hash kata sandi)").set_defaults(handler=cmd_list_users)
    for name, action, text in _ACCOUNT_COMMANDS:
        p = sub.add_parser(name, help=text)
        p.add_argument("username")
        p.add_argument("--user", help=_AUDIT_HELP)
        p.set_defaults(handler=_account_action(action))
    p = sub.add_parser("wisn", help="hitung WISN dari dua CSV (parameter dan aktivitas)")
    p.add_argument("params", help="PARAMS.csv")
    p.add_argument("activities", help="ACTIVITIES.csv")
    p.add_argument("--out", required=True, help="RESULT.csv")
    p.set_defaults(handler=cmd_wisn)
