"""Submissions and the reporting they show: who reported which month, when, and whether on time (DHIS2-style).

An import brings one submission per reporter and month its file covers: for case data an agency's report of a
month, for occupancy a unit's, and so on (REPORT_CELLS). Completeness and timeliness are read from submissions,
never guessed from counts, so a zero report is a report and a missing one is missing:

* a report for month M is due on day `due_day` of month M+1 (settings: TPPO_REPORT_DUE_DAY, 10 by default);
* expected: every reporter of the kind, for every month from its first expected month to the last month whose
  report was due by the as-of date;
* reported: at least one submission that still counts (its import was not rolled back); on time: the first of
  them arrived by the end of the due day (in Indonesia's western time, WIB);
* reporting rate = reported / expected; on-time rate = reported on time / expected;
* days overdue of a missing report = as-of date − due date.

The as-of date is today for real data; for demo data it is the demo's own date: the last day of the month after
its last month (the end of its data plus one reporting cycle), since counting to today would make every demo report
years late. Only case data (per agency) and occupancy (per unit) are expected every month: training and
prevention reports have rows only when something happened, so a month without one is not a missing report.
Pure: frames and dates in, frames out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

import pandas as pd

from domain.periods import add_months

DUE_DAY = 10
REPORT_TIMEZONE = "Asia/Jakarta"

# How a kind's rows fall into reports: the columns of one report (a file replaces exactly the reports it covers,
# each with all its rows), the reporter's column (None: one national reporter, named by FIXED_REPORTER), the period
# column and the count whose sum makes a zero report. Reference kinds (units, standards, working time, population)
# have no reports: they are upserted.
REPORT_CELLS: dict[str, tuple[tuple[str, ...], str | None, str, str]] = {
    "kasus": (("instansi", "bulan"), "instansi", "bulan", "jumlah"),
    "okupansi": (("kode_unit", "bulan"), "kode_unit", "bulan", "penghuni"),
    "staf": (("kode_unit", "kuartal"), "kode_unit", "kuartal", "terisi"),
    "pelatihan": (("kode_unit", "bulan"), "kode_unit", "bulan", "jumlah"),
    "kegiatan_pencegahan": (("instansi", "bulan"), "instansi", "bulan", "kegiatan"),
    "pencegahan_keberangkatan": (("instansi", "bulan"), "instansi", "bulan", "jumlah"),
    "penempatan_pmi": (("tahun", "bulan"), None, "tahun", "jumlah"),
}
FIXED_REPORTER = {"penempatan_pmi": "BP2MI"}
# Kinds whose reports are expected every month from every reporter, each with a due date (module doc).
EXPECTED_MONTHLY = ("kasus", "okupansi")

ON_TIME, LATE, MISSING, NOT_DUE = "tepat_waktu", "terlambat", "belum", "belum_jatuh_tempo"
STATUS_COLUMNS = ["pelapor", "bulan", "jatuh_tempo", "status", "diterima", "hari_terlambat", "nol"]


def cell_columns(kind: str) -> tuple[str, ...]:
    """The columns that identify one report of the kind (empty: a reference kind, upserted row by row)."""
    return REPORT_CELLS[kind][0] if kind in REPORT_CELLS else ()


def report_of(kind: str, row: dict) -> tuple[str, dt.date]:
    """(reporter, period's first day) of one row: the submission the row belongs to."""
    _cells, reporter, period, _count = REPORT_CELLS[kind]
    who = row[reporter] if reporter else FIXED_REPORTER[kind]
    when = row[period]
    if kind == "penempatan_pmi":
        when = dt.date(int(row["tahun"]), int(row["bulan"] or 1), 1)
    return str(who), when


REPORT_COLUMNS = ["pelapor", "bulan", "baris", "total", "nol"]


def reports_in(kind: str, rows: list[dict]) -> pd.DataFrame:
    """The reports a set of rows makes (REPORT_COLUMNS): per reporter and period, the rows, the sum of the kind's
    count and whether it is a zero report (its counts are all 0)."""
    count = REPORT_CELLS[kind][3]
    grouped: dict[tuple[str, dt.date], list[dict]] = {}
    for row in rows:
        grouped.setdefault(report_of(kind, row), []).append(row)
    out = []
    for (reporter, month), group in sorted(grouped.items()):
        total = int(sum(r[count] or 0 for r in group))
        out.append((reporter, month, len(group), total, total == 0))
    return pd.DataFrame(out, columns=REPORT_COLUMNS)


def demo_arrival(kind: str, reporter: str, month: dt.date, due_day: int = DUE_DAY) -> dt.datetime:
    """When a demo report 'arrived' (synthetic, like every demo figure): most a few days before the due day, about
    one in eight up to three weeks after it. Derived from a hash of the report, so every demo database agrees."""
    digest = hashlib.sha256(f"{kind}|{reporter}|{month:%Y-%m}".encode()).digest()
    u, v = digest[0] / 256, digest[1] / 256
    offset = 1 + int(v * 21) if u < 0.125 else -int(v * 9)
    day = due_date(month, due_day) + dt.timedelta(days=offset)
    return dt.datetime.combine(day, dt.time(10, 0), tzinfo=dt.timezone(dt.timedelta(hours=7)))


def due_date(month: dt.date, due_day: int = DUE_DAY) -> dt.date:
    """The day a monthly report is due: day due_day of the following month."""
    if not 1 <= due_day <= 28:
        raise ValueError("Tanggal batas laporan harus antara 1 dan 28.")
    return add_months(month, 1).replace(day=due_day)


def as_of_date(today: dt.date, demo: bool, last_month: dt.date | None) -> dt.date:
    """Today for real data; for demo data its own date: the last day of the month after its last month (the end
    of its data plus one reporting cycle, so its last month's reports are due and the next month's are not)."""
    if demo and last_month is not None:
        return add_months(last_month.replace(day=1), 2) - dt.timedelta(days=1)
    return today


def last_due_month(as_of: dt.date, due_day: int = DUE_DAY) -> dt.date:
    """The latest month whose report was due before as_of (a report on its due day is not late yet)."""
    month = add_months(as_of.replace(day=1), -1)
    while due_date(month, due_day) >= as_of:
        month = add_months(month, -1)
    return month


def expected_from(submissions: pd.DataFrame, reporters: list[str], last: dt.date, listed_only: bool = False
                  ) -> Expected:
    """Who is expected from when: each reporter from the month of its first report (a unit or agency that joins
    later is not missing before it joined); a listed reporter that never reported, for the last due month only
    (it is missing now, and how long it has been is unknown). listed_only: reporters not listed (a unit closed
    since) are not expected at all."""
    first: dict[str, dt.date] = {}
    if len(submissions):
        for reporter, month in submissions.groupby("pelapor")["bulan"].min().items():
            first[str(reporter)] = month
    for reporter in reporters:
        first.setdefault(str(reporter), last)
    listed = {str(r) for r in reporters}
    return Expected({r: m for r, m in first.items() if m <= last and (r in listed or not listed_only)}, last)


def _utc(stamp) -> pd.Timestamp:
    """A stored time as an aware UTC timestamp (SQLite hands back UTC without a zone, PostgreSQL with it)."""
    ts = pd.Timestamp(stamp)
    return ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")


def arrival_day(stamp) -> dt.date:
    """The day a submission arrived, in WIB."""
    return _utc(stamp).tz_convert(REPORT_TIMEZONE).date()


@dataclass(frozen=True)
class Expected:
    """Which reports are expected: reporter → its first expected month; months up to `last` (inclusive)."""

    first: dict[str, dt.date]
    last: dt.date


def expected_reports(expected: Expected) -> list[tuple[str, dt.date]]:
    out = []
    for reporter, start in sorted(expected.first.items()):
        month = start
        while month <= expected.last:
            out.append((reporter, month))
            month = add_months(month, 1)
    return out


def report_status(submissions: pd.DataFrame, expected: Expected, as_of: dt.date,
                  due_day: int = DUE_DAY) -> pd.DataFrame:
    """Status of every expected monthly report (STATUS_COLUMNS), oldest first per reporter.

    submissions: pelapor, bulan, waktu, nol of the submissions that count (not rolled back). A report is on time
    when its first submission arrived by the due day (WIB); late when it arrived after; missing when none arrived
    and the due day has passed (hari_terlambat counted to as_of); not yet due otherwise."""
    first: dict[tuple[str, dt.date], tuple[dt.date, bool]] = {}
    if len(submissions):
        ordered = submissions.assign(waktu=submissions["waktu"].map(_utc)).sort_values("waktu", kind="mergesort")
        for r in ordered.itertuples(index=False):
            key = (str(r.pelapor), r.bulan)
            if key not in first:
                first[key] = (arrival_day(r.waktu), bool(r.nol))
    rows = []
    for reporter, month in expected_reports(expected):
        due = due_date(month, due_day)
        got = first.get((reporter, month))
        if got is not None:
            day, zero = got
            rows.append((reporter, month, due, ON_TIME if day <= due else LATE, day, max(0, (day - due).days), zero))
        elif due < as_of:
            rows.append((reporter, month, due, MISSING, None, (as_of - due).days, False))
        else:
            rows.append((reporter, month, due, NOT_DUE, None, 0, False))
    return pd.DataFrame(rows, columns=STATUS_COLUMNS)


RATE_COLUMNS = ["pelapor", "diharapkan", "dilaporkan", "tepat_waktu", "belum", "tingkat_pelaporan",
                "tingkat_tepat_waktu"]


def reporting_rates(status: pd.DataFrame) -> pd.DataFrame:
    """Per reporter: reports expected (due by the as-of date), reported, on time, missing, and the two rates
    (NaN when nothing was expected)."""
    due = status[status["status"] != NOT_DUE]
    rows = []
    for reporter, group in due.groupby("pelapor", sort=True):
        expected = len(group)
        reported = int(group["status"].isin([ON_TIME, LATE]).sum())
        on_time = int((group["status"] == ON_TIME).sum())
        missing = int((group["status"] == MISSING).sum())
        rows.append((reporter, expected, reported, on_time, missing, reported / expected if expected else float("nan"),
                     on_time / expected if expected else float("nan")))
    return pd.DataFrame(rows, columns=RATE_COLUMNS)


def overdue(status: pd.DataFrame) -> pd.DataFrame:
    """The missing reports past their due date, most days overdue first."""
    late = status[status["status"] == MISSING]
    return late.sort_values(["hari_terlambat", "pelapor", "bulan"], ascending=[False, True, True],
                            kind="mergesort").reset_index(drop=True)
