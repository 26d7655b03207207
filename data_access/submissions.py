"""Submissions (penyerahan): recording them, reading them, and the reporting they show (domain.submissions).

Each import records one submission per report its file covers (data_access.importing). The demo data set and
databases made before submissions were recorded get theirs from the rows themselves (backfill_submissions):
every report a batch's rows make, at the batch's time, or for the demo batch at a synthetic arrival time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pandas as pd
from sqlalchemy import Connection, func, insert, select

from data_access import schema as s
from data_access.caching import run_cached
from data_access.coverage import MONTHLY as MONTHLY_KINDS
from data_access.coverage import query_coverage
from data_access.reference import query_data_status, query_units
from domain import submissions as sub
from domain.filters import Filters
from domain.periods import Window
from domain.provenance import CYCLE_MONTHS, DEMO, Freshness, freshness
from domain.taxonomy import INSTANSI
from domain.validation import KINDS
from settings import load_settings

if TYPE_CHECKING:  # the reader needs the indicator runners; the writer (imports, the demo loader) does not
    from data_access.indicators import Runner

UNIT_AGENCY = "KEMENSOS"  # sentra and RPTC are Kemensos's units: the agency filter reaches their reports through it
ACTIVE = "aktif"  # data_access.importing.ACTIVE (importing imports this module's writer, not the reverse)
SUBMISSION_COLUMNS = ["jenis", "pelapor", "bulan", "baris", "total", "nol", "oleh", "waktu", "batch_id", "nama_file"]


# ---------------------------------------------------------------- writing
def _reports_of_batch(conn: Connection, kind: str, batch_id: int) -> pd.DataFrame:
    """The reports (domain.submissions.REPORT_COLUMNS) the rows now stamped with a batch make."""
    spec = KINDS[kind]
    table = s.Base.metadata.tables[spec.table]
    cells, reporter, period, count = sub.REPORT_CELLS[kind]
    columns = [table.c[c] for c in dict.fromkeys((*cells, period))]
    stmt = (select(*columns, func.count().label("baris"), func.sum(table.c[count]).label("total"))
            .where(table.c.batch_id == batch_id).group_by(*columns))
    rows = []
    for r in conn.execute(stmt).mappings():
        who, month = sub.report_of(kind, dict(r))
        rows.append((who, month, int(r["baris"]), int(r["total"] or 0)))
    frame = pd.DataFrame(rows, columns=["pelapor", "bulan", "baris", "total"])
    frame = frame.groupby(["pelapor", "bulan"], as_index=False)[["baris", "total"]].sum()
    return frame.assign(nol=frame["total"] == 0)[sub.REPORT_COLUMNS]


def backfill_submissions(conn: Connection, due_day: int | None = None) -> int:
    """Record the submissions of every batch that still counts, from the rows it brought in; only when none are
    recorded yet (a new demo database, or one made before submissions were). Returns how many were written."""
    if conn.execute(select(func.count()).select_from(s.Penyerahan)).scalar_one():
        return 0
    due_day = due_day or load_settings().report_due_day
    batches = conn.execute(select(s.ImportBatch.id, s.ImportBatch.jenis, s.ImportBatch.oleh, s.ImportBatch.waktu)
                           .where(s.ImportBatch.status == ACTIVE).order_by(s.ImportBatch.id)).all()
    written = 0
    for batch_id, jenis, oleh, waktu in batches:
        kinds = list(sub.REPORT_CELLS) if jenis == "demo" else [k for k in sub.REPORT_CELLS if k == jenis]
        for kind in kinds:
            reports = _reports_of_batch(conn, kind, batch_id)
            if reports.empty:
                continue
            conn.execute(insert(s.Penyerahan), [{
                "batch_id": batch_id, "jenis": kind, "pelapor": str(r.pelapor)[:20], "bulan": r.bulan,
                "baris": int(r.baris), "total": int(r.total), "nol": bool(r.nol), "oleh": oleh[:80],
                # The demo's reports 'arrived' around their due dates (synthetic); real ones when imported.
                "waktu": sub.demo_arrival(kind, str(r.pelapor), r.bulan, due_day) if jenis == "demo" else waktu,
            } for r in reports.itertuples(index=False)])
            written += len(reports)
    return written


# ---------------------------------------------------------------- reading
def query_submissions(conn: Connection, kind: str | None = None) -> pd.DataFrame:
    """Submissions that still count (their import was not rolled back), oldest first (SUBMISSION_COLUMNS)."""
    stmt = (select(s.Penyerahan.jenis, s.Penyerahan.pelapor, s.Penyerahan.bulan, s.Penyerahan.baris,
                   s.Penyerahan.total, s.Penyerahan.nol, s.Penyerahan.oleh, s.Penyerahan.waktu,
                   s.Penyerahan.batch_id, s.ImportBatch.nama_file)
            .join(s.ImportBatch, s.ImportBatch.id == s.Penyerahan.batch_id)
            .where(s.ImportBatch.status == ACTIVE)
            .order_by(s.Penyerahan.waktu, s.Penyerahan.id))
    if kind is not None:
        stmt = stmt.where(s.Penyerahan.jenis == kind)
    frame = pd.DataFrame(conn.execute(stmt).all(), columns=SUBMISSION_COLUMNS)
    # A demo report counts while its demo rows are there: once real files replaced or adopted them (or the admin
    # chose to replace the demo rows), the demo's submission of that report is gone with them.
    demo_batches = list(conn.execute(select(s.ImportBatch.id).where(s.ImportBatch.jenis == "demo")).scalars())
    if not demo_batches or frame.empty:
        return frame
    is_demo = frame["batch_id"].isin(demo_batches)
    present = set()
    for batch_id in demo_batches:
        for k in frame.loc[is_demo & (frame["batch_id"] == batch_id), "jenis"].unique():
            reports = _reports_of_batch(conn, k, batch_id)
            present |= {(batch_id, k, p, m) for p, m in zip(reports["pelapor"], reports["bulan"])}
    keep = [not d or (b, k, p, m) in present
            for d, b, k, p, m in zip(is_demo, frame["batch_id"], frame["jenis"], frame["pelapor"], frame["bulan"])]
    return frame[keep].reset_index(drop=True)


def get_submissions(kind: str | None = None) -> pd.DataFrame:
    return run_cached(query_submissions, kind)


def today_wib() -> dt.date:
    """Today where the reports are due (Indonesia's western time)."""
    return dt.datetime.now(ZoneInfo(sub.REPORT_TIMEZONE)).date()


@dataclass(frozen=True)
class Reporting:
    """Completeness and timeliness of one kind's monthly reports (domain.submissions), as of one date."""

    kind: str
    as_of: dt.date
    demo: bool  # every kind holds only demo data: as_of is the demo's own date, not today
    last_data: dt.date | None  # the latest month of monthly data (the demo's as-of date counts from it)
    last_due: dt.date  # the latest month whose report was due before as_of
    due_day: int
    status: pd.DataFrame  # domain.submissions.STATUS_COLUMNS, the window's months and the reporters in scope
    window: Window | None  # the months judged: the requested window's months whose reports were due

    @property
    def rates(self) -> pd.DataFrame:
        return sub.reporting_rates(self.status)

    @property
    def overdue(self) -> pd.DataFrame:
        return sub.overdue(self.status)

    def only(self, reporters) -> "Reporting":
        """The same, for some reporters only (the agency and province filters)."""
        keep = set(reporters)
        return replace(self, status=self.status[self.status["pelapor"].isin(keep)].reset_index(drop=True))


def as_of_state(today: dt.date, run: "Runner") -> tuple[dt.date, bool, dt.date | None]:
    """(as-of date, demo, the data's last month): the whole database is judged at one date, today as soon as any
    kind holds real data (the demo's reports are then overdue real ones), otherwise the demo's own date: its
    last month of monthly data plus one reporting cycle."""
    status = run(query_data_status)
    demo = bool(len(status)) and bool((status["asal"] == DEMO).all())
    ends = [w.end for k, w in run(query_coverage).items() if k in MONTHLY_KINDS and w is not None]
    last = max(ends) if ends else None
    return sub.as_of_date(today, demo, last), demo, last


def freshness_of(today: dt.date, run: "Runner") -> dict[str, Freshness]:
    """Each kind with a reporting cycle: its last covered month against the newest one due at the as-of date."""
    as_of, _demo, _last = as_of_state(today, run)
    due_day = load_settings().report_due_day
    return {kind: freshness(kind, window.end if window else None, as_of, due_day)
            for kind, window in run(query_coverage).items() if kind in CYCLE_MONTHS}


def query_freshness(conn: Connection, today: dt.date) -> dict[str, Freshness]:
    from data_access.indicators import connection_runner

    return freshness_of(today, connection_runner(conn))


def get_freshness(today: dt.date | None = None) -> dict[str, Freshness]:
    return run_cached(query_freshness, today or today_wib())


def _reporters(kind: str, run: "Runner") -> list[str]:
    if kind == "kasus":
        return [c.kode for c in INSTANSI]
    return list(run(query_units)["kode_unit"])


def reporting(kind: str, window: Window | None, today: dt.date, run: "Runner | None" = None) -> Reporting:
    """Reporting of kind (one of domain.submissions.EXPECTED_MONTHLY) over the window's months (None: every
    month since the first report), counted to today for real data and to the demo's own date for demo data."""
    from data_access.indicators import cached_runner

    if kind not in sub.EXPECTED_MONTHLY:
        raise ValueError(f"Jenis data {kind} tidak dilaporkan tiap bulan.")
    run = run or cached_runner()
    due_day = load_settings().report_due_day
    submitted = run(query_submissions, kind)
    as_of, demo, last_data = as_of_state(today, run)
    last_due = sub.last_due_month(as_of, due_day)
    # Every agency that ever reported stays expected; a unit only while it is active (a closed one owes nothing).
    expected = sub.expected_from(submitted, _reporters(kind, run), last_due, listed_only=kind == "okupansi")
    table = sub.report_status(submitted[["pelapor", "bulan", "waktu", "nol"]], expected, as_of, due_day)
    if window is None and len(table):
        window = Window(min(table["bulan"]), max(table["bulan"]))
    judged = None
    if window is not None:
        table = table[(table["bulan"] >= window.start) & (table["bulan"] <= window.end)].reset_index(drop=True)
        judged = Window(window.start, min(window.end, last_due)) if window.start <= last_due else None
    return Reporting(kind, as_of, demo, last_data, last_due, due_day, table, judged)


@dataclass(frozen=True)
class ReportingView:
    """Reporting as the pages show it under one filter state: case-data reports of the agencies chosen, and
    occupancy reports of the units in the provinces chosen (units are Kemensos's: none under another agency)."""

    cases: Reporting
    units: Reporting
    unit_province: dict[str, str]  # unit code → its province

    @property
    def as_of(self) -> dt.date:
        return self.cases.as_of

    def overdue(self) -> pd.DataFrame:
        """Every missing report past its due date, both kinds: jenis, pelapor, kode_prov (units), bulan,
        jatuh_tempo, hari_terlambat; most days overdue first."""
        parts = [r.overdue.assign(jenis=r.kind) for r in (self.cases, self.units)]
        out = pd.concat(parts, ignore_index=True) if any(len(p) for p in parts) else parts[0]
        out = out.assign(kode_prov=out["pelapor"].map(self.unit_province))
        return out.sort_values(["hari_terlambat", "jenis", "pelapor", "bulan"], ascending=[False, True, True, True],
                               kind="mergesort").reset_index(drop=True)

    def province_rates(self) -> pd.DataFrame:
        """Per province of the units: unit, diharapkan, dilaporkan, tepat_waktu, belum and the two rates."""
        status = self.units.status
        due = status[status["status"] != sub.NOT_DUE].assign(kode_prov=lambda d: d["pelapor"].map(self.unit_province))
        rates = sub.reporting_rates(due.assign(pelapor=due["kode_prov"]))
        units = due.groupby("kode_prov")["pelapor"].nunique()
        return rates.rename(columns={"pelapor": "kode_prov"}).assign(
            unit=lambda d: d["kode_prov"].map(units).astype("int64"))


def reporting_view(filters: Filters, today: dt.date, run: "Runner | None" = None) -> ReportingView:
    from data_access.indicators import cached_runner

    run = run or cached_runner()
    window = Window(filters.start, filters.end) if filters.start and filters.end else None
    # Each kind's reporting depends on the period only: computed once and shared by every province and agency.
    cases = run(query_reporting, "kasus", window, today)
    units = run(query_reporting, "okupansi", window, today)
    located = run(query_unit_provinces)
    if filters.instansi:
        cases = cases.only(filters.instansi)
    if filters.instansi and UNIT_AGENCY not in filters.instansi:
        units = units.only(())
    elif filters.provinsi:
        units = units.only([u for u, p in located.items() if p in filters.provinsi])
    return ReportingView(cases, units, located)


def query_reporting(conn: Connection, kind: str, window: Window | None, today: dt.date) -> Reporting:
    from data_access.indicators import connection_runner

    return reporting(kind, window, today, connection_runner(conn))


def query_unit_provinces(conn: Connection) -> dict[str, str]:
    return dict(conn.execute(select(s.UnitLayanan.kode_unit, s.UnitLayanan.kode_prov)).all())


def query_reporting_view(conn: Connection, filters: Filters, today: dt.date) -> ReportingView:
    from data_access.indicators import connection_runner

    return reporting_view(filters, today, connection_runner(conn))


def get_reporting_view(filters: Filters, today: dt.date | None = None) -> ReportingView:
    """Cached reporting_view; only the period, province and agency filters matter (the rest are cleared)."""
    scoped = Filters(start=filters.start, end=filters.end, provinsi=filters.provinsi, instansi=filters.instansi)
    return run_cached(query_reporting_view, scoped, today or today_wib())
