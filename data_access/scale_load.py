"""Bulk writes of the benchmark scaler (demo/scale.py): synthetic agencies and replicated case rows."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from sqlalchemy import Connection, func, insert, select

from data_access import schema as s

CHUNK = 50_000


def count_cases(conn: Connection) -> int:
    """Rows in the case table."""
    return int(conn.execute(select(func.count()).select_from(s.Kasus)).scalar_one())


def read_cases(conn: Connection, columns: tuple[str, ...]) -> pd.DataFrame:
    """Every case row with the given columns (the scaler's template)."""
    rows = conn.execute(select(*(getattr(s.Kasus, c) for c in columns))).all()
    return pd.DataFrame(rows, columns=list(columns))


def count_agencies_like(conn: Connection, prefix: str) -> int:
    """Reporting agencies whose code starts with prefix (the scaler's synthetic ones)."""
    return int(conn.execute(select(func.count()).select_from(s.Instansi)
                            .where(s.Instansi.kode.like(f"{prefix}%"))).scalar_one())


def records(frame: pd.DataFrame) -> list[dict]:
    return frame.astype(object).where(pd.notna(frame), None).to_dict("records")


def load_sqlite_bulk(path: str, agencies: list[dict], copies: Iterable[pd.DataFrame], columns: tuple[str, ...]) -> None:
    """One transaction through the DB-API with the secondary indexes dropped and rebuilt afterwards
    (sorted index builds are several times faster than updating them row by row; rebuilding
    uq_kasus_kunci also re-checks the natural key). About 10x faster than SQLAlchemy executemany."""
    import sqlite3

    cols = ", ".join(columns)  # fixed column names from the caller, never user input
    marks = ", ".join("?" for _ in columns)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        # WAL would write every new page twice (log, then checkpoint); a rollback journal holds only old pages.
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA cache_size=-200000")
        conn.execute("PRAGMA foreign_keys=ON")
        indexes = conn.execute("SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name='kasus' "
                               "AND sql IS NOT NULL").fetchall()
        conn.execute("BEGIN")
        for name, _sql in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        conn.executemany("INSERT INTO instansi (kode, nama) VALUES (:kode, :nama)", agencies)
        for copy in copies:
            rows = [tuple(str(v) if c == "bulan" and v is not None else v for c, v in zip(columns, row))
                    for row in copy.astype(object).where(pd.notna(copy), None).itertuples(index=False, name=None)]
            conn.executemany(f"INSERT INTO kasus ({cols}) VALUES ({marks})", rows)  # noqa: S608 — fixed columns
        for _name, sql in indexes:
            conn.execute(sql)
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode=WAL")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()


def insert_cases(conn: Connection, agencies: list[dict], copies: Iterable[pd.DataFrame]) -> None:
    """Any backend: the agencies, then the case rows in chunks (SQLAlchemy Core, bound parameters)."""
    conn.execute(insert(s.Instansi), agencies)
    for copy in copies:
        rows = records(copy)
        for start in range(0, len(rows), CHUNK):
            conn.execute(insert(s.Kasus), rows[start:start + CHUNK])
