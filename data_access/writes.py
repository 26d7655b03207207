"""Small write helpers shared by the demo loader, imports and rollback."""

from __future__ import annotations

import uuid

from sqlalchemy import Connection, select, update

from data_access.schema import Pengaturan


def bump_data_version(conn: Connection) -> str:
    """A new random token: every replica's cache keys change on its next read."""
    token = uuid.uuid4().hex
    exists = conn.execute(select(Pengaturan.kunci).where(Pengaturan.kunci == "data_version")).first()
    if exists:
        conn.execute(update(Pengaturan).where(Pengaturan.kunci == "data_version").values(nilai=token))
    else:
        conn.execute(Pengaturan.__table__.insert().values(kunci="data_version", nilai=token))
    return token
