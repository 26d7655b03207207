"""data_access.actions on the demo data: SQLite and PostgreSQL give the same action lists, the agency filter
chooses the agencies listed without changing their rows, and the reference date is the case data's update day."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from data_access.actions import action_lists, last_case_update
from data_access.engine import get_engine
from data_access.indicators import connection_runner
from domain.filters import Filters

REFERENCE = dt.date(2025, 8, 20)


def lists(url: str, filters: Filters = Filters(), reference: dt.date | None = REFERENCE):
    with get_engine(url).connect() as conn:
        return action_lists(filters, connection_runner(conn), reference)


def test_sqlite_and_postgresql_agree(demo_sqlite_url, demo_pg_url):
    lite, pg = lists(demo_sqlite_url), lists(demo_pg_url)
    assert len(lite.late) and len(lite.referrals) and len(lite.watch)
    for name in ("late", "referrals", "watch"):
        pd.testing.assert_frame_equal(getattr(lite, name), getattr(pg, name), check_dtype=False)


def test_agency_filter_lists_only_those_agencies(demo_sqlite_url):
    everyone, jarnas = lists(demo_sqlite_url), lists(demo_sqlite_url, Filters(instansi=("JARNAS",)))
    assert set(jarnas.late["instansi"]) == {"JARNAS"}
    expected = everyone.late[everyone.late["instansi"] == "JARNAS"].reset_index(drop=True)
    pd.testing.assert_frame_equal(jarnas.late, expected)


def test_reference_defaults_to_the_last_update_in_wib(demo_url):
    with get_engine(demo_url).connect() as conn:
        run = connection_runner(conn)
        day = last_case_update(run)
        assert action_lists(Filters(), run).reference == day
    # the demo data were loaded during this test session, so their update day is today (or yesterday in WIB)
    today = pd.Timestamp.now(tz="Asia/Jakarta").date()
    assert day in (today, today - dt.timedelta(days=1))
