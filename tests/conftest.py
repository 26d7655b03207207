"""Shared fixtures: demo and small fixture databases on SQLite and (when TEST_DATABASE_URL is set) PostgreSQL,
and AppTest helpers that sign in with a role and open a page."""

from __future__ import annotations

import datetime as dt
import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"

# Tests read boundaries and reference tables from ../shared unless told otherwise; nothing is copied.
os.environ.setdefault("TPPO_GEO_DIR", str(SHARED / "geo"))
os.environ.setdefault("TPPO_REFERENCE_DIR", str(SHARED / "reference"))

PG_URL = os.environ.get("TEST_DATABASE_URL")

# Generative tests (Hypothesis): `make test` runs the named edge cases and a few fixed, derandomised draws ("ci");
# `make test-deep` many random ones ("deep"). No example database is written into the checkout.
from hypothesis import HealthCheck, settings  # noqa: E402

_QUIET = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile("ci", max_examples=3, derandomize=True, deadline=None, database=None,
                          suppress_health_check=_QUIET)
settings.register_profile("deep", max_examples=150, deadline=None, database=None, suppress_health_check=_QUIET)
settings.load_profile(os.environ.get("TPPO_HYPOTHESIS_PROFILE", "ci"))
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.skipif(not PG_URL, reason="TEST_DATABASE_URL not set"))]


def _worker() -> str:
    # The process id keeps concurrent test runs on one server from dropping each other's databases.
    return re.sub(r"\W", "", os.environ.get("PYTEST_XDIST_WORKER", "main")) + str(os.getpid())


_created_pg: list[str] = []


@pytest.fixture(scope="session", autouse=True)
def _drop_test_databases() -> Iterator[None]:
    """Each run drops the PostgreSQL databases it created, so the test server does not fill up."""
    yield
    if not (PG_URL and _created_pg):
        return
    from data_access.engine import dispose_all

    dispose_all()
    admin = create_engine(make_url(PG_URL), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for name in _created_pg:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def fresh_pg_database(label: str) -> str:
    """A new, empty PostgreSQL database on the test server; returns its URL."""
    assert PG_URL
    base = make_url(PG_URL)
    name = f"tppo_{label}_{_worker()}_{uuid.uuid4().hex[:6]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for (old,) in conn.execute(text("SELECT datname FROM pg_database WHERE datname LIKE :p"),
                                   {"p": f"tppo_{label}_{_worker()}_%"}).all():
            conn.execute(text(f'DROP DATABASE IF EXISTS "{old}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    _created_pg.append(name)
    return base.set(database=name).render_as_string(hide_password=False)


def new_database_url(backend: str, tmp_path_factory: pytest.TempPathFactory, label: str) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp(label) / 'tppo.sqlite'}"
    return fresh_pg_database(label)


@pytest.fixture(scope="session")
def demo_sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The full demo data set on SQLite (built once per session)."""
    from demo.loader import ensure_database

    url = new_database_url("sqlite", tmp_path_factory, "demo")
    ensure_database(url)
    return url


@pytest.fixture(scope="session", params=BACKENDS)
def demo_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The full demo data set on each backend."""
    from demo.loader import ensure_database

    if request.param == "sqlite":
        return request.getfixturevalue("demo_sqlite_url")
    return request.getfixturevalue("demo_pg_url")


@pytest.fixture(scope="session")
def demo_pg_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The full demo data set on PostgreSQL (built once per session)."""
    from demo.loader import ensure_database

    if not PG_URL:
        pytest.skip("TEST_DATABASE_URL not set")
    url = new_database_url("postgresql", tmp_path_factory, "demo")
    ensure_database(url)
    return url


@pytest.fixture(scope="session", params=BACKENDS)
def small_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The small hand-made fixture database (tests/fixture_data.py) on each backend."""
    from data_access.engine import get_engine, migrate
    from tests.fixture_data import load_small

    url = new_database_url(request.param, tmp_path_factory, "small")
    migrate(url)
    load_small(get_engine(url))
    return url


@pytest.fixture()
def small_conn(small_url: str) -> Iterator:
    from data_access.engine import get_engine

    with get_engine(small_url).connect() as conn:
        yield conn


@pytest.fixture()
def demo_conn(demo_url: str) -> Iterator:
    from data_access.engine import get_engine

    with get_engine(demo_url).connect() as conn:
        yield conn


@pytest.fixture()
def app_env(demo_sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """Points the app at the session's demo database and clears Streamlit caches between tests."""
    import streamlit as st

    monkeypatch.setenv("DATABASE_URL", demo_sqlite_url)
    st.cache_data.clear()
    from data_access.caching import clear_caches
    clear_caches()  # the shared query results are not Streamlit's
    return demo_sqlite_url
