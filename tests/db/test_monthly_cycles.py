"""Issue 23, end to end on SQLite and PostgreSQL: a data desk's three monthly cycles.

demo → first real import (history + August, demo replaced by choice) → September: Kemensos on time, BP2MI a zero
report → October: Kemensos on time, BP2MI late → publish → roll back Kemensos's October file → republish.
After each step the history, the submissions, the timeliness, the public extract and the audit trail are checked
against what the step must have done, computed here from the files the test wrote."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from sqlalchemy import func, select

from data_access import schema as s
from data_access.engine import get_engine
from data_access.importing import export_frame, import_file, list_batches, rollback_batch
from data_access.publication import query_latest_extract
from data_access.publication_source import (
    publish_from_cases, query_release_draft, query_release_drift, rules_from_settings,
)
from data_access.submissions import query_reporting_view, query_submissions
from domain import submissions as sub
from domain.filters import Filters
from domain.publication import compare_cells, count_changes, national_total, wide_table
from domain.statements import rollback_public_note
from domain.taxonomy import ENTRY_STAGE
from exports.templates import export_bytes
from tests.db.databases import clone_database, drop_database

UTC = dt.UTC


def at(day: str, hour: int = 3) -> dt.datetime:
    """A time in UTC (10:00 WIB at hour 3): the day a file arrived."""
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC)


@pytest.fixture()
def desk(demo_url, tmp_path):
    url = clone_database(demo_url, tmp_path)
    yield get_engine(url)
    drop_database(url)


def months_of(engine) -> pd.Series:
    with engine.connect() as conn:
        rows = conn.execute(select(s.Kasus.bulan, func.count()).group_by(s.Kasus.bulan)).all()
    return pd.Series({m: n for m, n in rows}).sort_index()


def status_of(engine, today: dt.date) -> pd.DataFrame:
    with engine.connect() as conn:
        view = query_reporting_view(conn, Filters(), today)
    return view.cases.status.set_index(["pelapor", "bulan"])


def batches(engine) -> pd.DataFrame:
    with engine.connect() as conn:
        return list_batches(conn)


def entry_total(frame: pd.DataFrame) -> int:
    return int(frame.loc[frame["tahap"] == ENTRY_STAGE, "jumlah"].astype(int).sum())


def month_file(history: pd.DataFrame, agency: str, month: str, zero: bool = False) -> pd.DataFrame:
    """The agency's July 2025 report moved to `month` (a plausible monthly file), or its zero report."""
    july = history[(history["instansi"] == agency) & (history["bulan"] == "2025-07")]
    assert len(july), f"the demo data have a July 2025 report of {agency}"
    rows = july.assign(bulan=month)
    return rows.head(1).assign(jumlah=0) if zero else rows


def test_three_monthly_cycles_keep_history_submissions_timeliness_public_extract_and_audit(desk):
    rules = rules_from_settings()
    # ---- demo: every report is a demo submission; as-of is the demo's own date, no real batch exists
    with desk.connect() as conn:
        history = export_frame(conn, "kasus")
        demo_subs = query_submissions(conn, "kasus")
    demo_months = months_of(desk)
    assert len(demo_subs) and set(batches(desk)["jenis"]) == {"demo"}
    with desk.connect() as conn:
        demo_view = query_reporting_view(conn, Filters(), dt.date(2026, 12, 7))
    assert demo_view.cases.demo and demo_view.as_of == dt.date(2025, 8, 31)

    # ---- cycle 1 (5 Sep 2025): the first real import, the whole history plus August, demo replaced by choice
    august = pd.concat([month_file(history, "KEMENSOS", "2025-08"), month_file(history, "BP2MI", "2025-08")])
    first = import_file(desk, "kasus", export_bytes(pd.concat([history, august]), "csv"), "kasus_sd_agustus.csv",
                        "desk_kemensos", now=at("2025-09-05"), replace_demo=True)
    assert (first.asal, first.added, first.removed, first.demo_kept) == ("impor", len(august), 0, 0)
    assert months_of(desk).drop(pd.Timestamp("2025-08-01").date()).equals(demo_months), "history kept as it was"
    assert months_of(desk)[dt.date(2025, 8, 1)] == len(august)
    with desk.connect() as conn:
        counted = query_submissions(conn, "kasus")
    assert (counted["oleh"] == "desk_kemensos").all(), "demo submissions no longer count beside real data"
    assert set(zip(counted["pelapor"], counted["bulan"])) == set(zip(
        pd.concat([history, august])["instansi"], pd.to_datetime(pd.concat([history, august])["bulan"]).dt.date))
    assert ("KEMENSOS", dt.date(2025, 8, 1)) not in status_of(desk, dt.date(2025, 9, 5)).index, \
        "August is not judged before it is due (10 Sep)"
    status = status_of(desk, dt.date(2025, 9, 15))
    assert status.loc[("KEMENSOS", dt.date(2025, 7, 1)), "status"] == sub.LATE  # July's was due 10 Aug
    assert status.loc[("KEMENKES", dt.date(2025, 7, 1)), ["status", "hari_terlambat"]].tolist() == [
        sub.MISSING, (dt.date(2025, 9, 15) - dt.date(2025, 8, 10)).days], "counted to today: the data are real"
    assert status.loc[("KEMENSOS", dt.date(2025, 8, 1)), "status"] == sub.ON_TIME  # due 10 Sep, in on the 5th
    assert status.loc[("KEMENKES", dt.date(2025, 8, 1)), "hari_terlambat"] == 5
    with desk.connect() as conn:
        assert query_release_drift(conn).is_stale, "Kelola Data's banner: the data changed after the release"
        assert conn.execute(select(func.count()).select_from(s.Akun).where(s.Akun.demo.is_(True))).scalar_one() == 0

    # ---- cycle 2 (Oct 2025): September — Kemensos on time, BP2MI a zero report, on time
    sep_kemensos = month_file(history, "KEMENSOS", "2025-09")
    sep_bp2mi = month_file(history, "BP2MI", "2025-09", zero=True)
    k9 = import_file(desk, "kasus", export_bytes(sep_kemensos, "csv"), "kemensos_2025-09.csv", "desk_kemensos",
                     now=at("2025-10-08"))
    b9 = import_file(desk, "kasus", export_bytes(sep_bp2mi, "csv"), "bp2mi_2025-09.csv", "desk_bp2mi",
                     now=at("2025-10-09"))
    assert (k9.added, k9.removed, b9.added, b9.removed) == (len(sep_kemensos), 0, 1, 0)
    assert months_of(desk)[dt.date(2025, 8, 1)] == len(august), "September's files never touch August"
    status = status_of(desk, dt.date(2025, 10, 20))
    assert status.loc[("BP2MI", dt.date(2025, 9, 1)), ["status", "nol"]].tolist() == [sub.ON_TIME, True], \
        "a zero report is a report"
    assert status.loc[("KEMENSOS", dt.date(2025, 9, 1)), "status"] == sub.ON_TIME
    assert status.loc[("KEMENKES", dt.date(2025, 9, 1)), "status"] == sub.MISSING

    # ---- cycle 3 (Nov 2025): October — Kemensos on time, BP2MI late; then publish
    oct_kemensos = month_file(history, "KEMENSOS", "2025-10")
    oct_bp2mi = month_file(history, "BP2MI", "2025-10")
    with desk.connect() as conn:
        before_october = query_release_draft(conn, rules)
    k10 = import_file(desk, "kasus", export_bytes(oct_kemensos, "csv"), "kemensos_2025-10.csv", "desk_kemensos",
                      now=at("2025-11-07"))
    b10 = import_file(desk, "kasus", export_bytes(oct_bp2mi, "csv"), "bp2mi_2025-10.csv", "desk_bp2mi",
                      now=at("2025-11-20"))
    status = status_of(desk, dt.date(2025, 11, 21))
    assert status.loc[("BP2MI", dt.date(2025, 10, 1)), ["status", "hari_terlambat"]].tolist() == [sub.LATE, 10]
    assert status.loc[("KEMENSOS", dt.date(2025, 10, 1)), "status"] == sub.ON_TIME
    rates = sub.reporting_rates(status.reset_index()).set_index("pelapor")
    assert rates.loc["KEMENKES", "belum"] == 4  # July to October
    with desk.begin() as conn:
        published = publish_from_cases(conn, at("2025-11-21"), rules, "rilis November", oleh="desk_pusat")
    with desk.connect() as conn:
        extract = query_latest_extract(conn)
        assert not query_release_drift(conn).is_stale
    assert extract.info.versi == published.versi
    # Only Kemensos reports the entry stage the public counts: its October rows move the national total (rounded).
    assert entry_total(oct_kemensos) > 0 and entry_total(oct_bp2mi) == 0
    moved = national_total(extract) - int(wide_table(before_october.cells, "nasional").iloc[0, 0])
    assert abs(moved - entry_total(oct_kemensos)) < rules.rounding_base

    # ---- rollback of Kemensos's October file (a wrong file): the public extract still holds its rows
    undone = rollback_batch(desk, k10.batch_id, "desk_pusat", now=at("2025-11-22"))
    assert undone.public_version == published.versi and undone.restored == len(oct_kemensos)
    with desk.connect() as conn:
        drift = query_release_drift(conn)
    assert drift.is_stale and drift.latest_version == published.versi
    note = rollback_public_note(k10.batch_id, undone.public_version, drift)
    assert note is not None and note.key == "rb.public.stale"
    assert dt.date(2025, 10, 1) in months_of(desk).index, "BP2MI's October stays"
    assert months_of(desk)[dt.date(2025, 10, 1)] == len(oct_bp2mi)
    status = status_of(desk, dt.date(2025, 11, 22))
    assert status.loc[("KEMENSOS", dt.date(2025, 10, 1)), ["status", "hari_terlambat"]].tolist() == [sub.MISSING, 12]
    with desk.connect() as conn:
        counted = query_submissions(conn, "kasus")
    assert not ((counted["pelapor"] == "KEMENSOS") & (counted["bulan"] == dt.date(2025, 10, 1))).any()

    # ---- republish: the public extract no longer holds the withdrawn rows
    with desk.begin() as conn:
        again = publish_from_cases(conn, at("2025-11-22", 5), rules, "setelah pembatalan", oleh="desk_pusat")
    with desk.connect() as conn:
        latest = query_latest_extract(conn)
        assert not query_release_drift(conn).is_stale
    assert again.versi == published.versi + 1
    # Without Kemensos's October the public numbers are those before October (BP2MI's rows are not entry stage); the
    # cells the October release hid stay hidden (issue 26: a release is protected together with the one before).
    changes = count_changes(compare_cells(before_october.cells, latest.cells))
    assert changes.total == changes.suppressed, changes

    # ---- the audit trail, newest first: every step with who did it
    trail = batches(desk)
    real = trail[trail["jenis"] != "demo"].iloc[::-1]
    assert list(zip(real["jenis"], real["status"], real["oleh"])) == [
        ("kasus", "aktif", "desk_kemensos"),  # cycle 1
        ("kasus", "aktif", "desk_kemensos"), ("kasus", "aktif", "desk_bp2mi"),  # September
        ("kasus", "dibatalkan", "desk_kemensos"), ("kasus", "aktif", "desk_bp2mi"),  # October
        ("publikasi", "terbit", "desk_pusat"),
        ("kasus", "pembatalan", "desk_pusat"),
        ("publikasi", "terbit", "desk_pusat"),
    ]
    assert [first.batch_id, k9.batch_id, b9.batch_id, k10.batch_id, b10.batch_id] == list(real["id"])[:5]
