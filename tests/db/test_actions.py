"""data_access.actions on the demo data: SQLite and PostgreSQL give the same action lists, the agency and province
filters choose the reporters listed without changing their rows, and days overdue count to the demo's own date."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from data_access.actions import action_lists
from data_access.engine import get_engine
from data_access.indicators import connection_runner
from domain.filters import Filters

TODAY = dt.date(2026, 12, 7)


def lists(url: str, filters: Filters = Filters(), today: dt.date = TODAY):
    with get_engine(url).connect() as conn:
        return action_lists(filters, connection_runner(conn), today)


def test_sqlite_and_postgresql_agree(demo_sqlite_url, demo_pg_url):
    lite, pg = lists(demo_sqlite_url), lists(demo_pg_url)
    assert len(lite.late) and len(lite.referrals) and len(lite.watch)
    for name in ("late", "referrals", "watch"):
        pd.testing.assert_frame_equal(getattr(lite, name), getattr(pg, name), check_dtype=False)


def test_agency_filter_lists_only_those_reporters(demo_sqlite_url):
    everyone, kemenkes = lists(demo_sqlite_url), lists(demo_sqlite_url, Filters(instansi=("KEMENKES",)))
    assert set(kemenkes.late["pelapor"]) == {"KEMENKES"}
    expected = everyone.late[everyone.late["pelapor"] == "KEMENKES"].reset_index(drop=True)
    pd.testing.assert_frame_equal(kemenkes.late, expected)
    # the centres are Kemensos's: under another agency no unit report is judged
    assert kemenkes.reporting.units.status.empty
    assert not lists(demo_sqlite_url, Filters(instansi=("KEMENSOS",))).reporting.units.status.empty


def test_demo_data_count_to_their_own_date_not_today(demo_sqlite_url):
    """Issue 23: late reports read '484–545 hari terlambat' because they were counted to today while the demo
    data end in July 2025. The demo's as-of date is the end of its data plus one reporting cycle."""
    for today in (TODAY, dt.date(2030, 1, 1)):
        a = lists(demo_sqlite_url, today=today)
        assert a.reference == dt.date(2025, 8, 31)
        assert a.late["hari_terlambat"].max() == 21  # Kemenkes's July report, due 10 Aug 2025
