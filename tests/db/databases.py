"""Throw-away copies of a built database, for tests that write: SQLite's backup API, or PostgreSQL's
CREATE DATABASE ... TEMPLATE (seconds instead of rebuilding the demo data)."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from data_access.engine import get_engine


def clone_database(template: str, folder: Path) -> str:
    """A copy of the database at `template`; a PostgreSQL template must have no open connections."""
    if template.startswith("sqlite"):
        target = folder / f"clone_{uuid.uuid4().hex[:6]}.sqlite"
        src = sqlite3.connect(make_url(template).database)
        dst = sqlite3.connect(target)
        src.backup(dst)
        src.close()
        dst.close()
        return f"sqlite:///{target}"
    get_engine(template).dispose()
    base = make_url(template)
    name = f"{base.database}_c{uuid.uuid4().hex[:6]}"
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{base.database}"'))
    admin.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


def drop_database(url: str) -> None:
    get_engine(url).dispose()
    if url.startswith("postgresql"):
        admin = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
        admin.dispose()
