"""Small write helpers shared by the demo loader, imports and rollback."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from sqlalchemy import Connection, select, update

from data_access.schema import Pengaturan

NO_CHANGES = "Tidak ada perubahan untuk disimpan."


@dataclass
class SaveOutcome:
    """Outcome of an admin's edit: problems (Indonesian; nothing was written when any)."""

    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def unchanged(self) -> bool:
        """Nothing differed from what is stored (not an error: there was nothing to save)."""
        return self.problems == [NO_CHANGES]


def bump_data_version(conn: Connection) -> str:
    """A new random token: every replica's cache keys change on its next read."""
    token = uuid.uuid4().hex
    exists = conn.execute(select(Pengaturan.kunci).where(Pengaturan.kunci == "data_version")).first()
    if exists:
        conn.execute(update(Pengaturan).where(Pengaturan.kunci == "data_version").values(nilai=token))
    else:
        conn.execute(Pengaturan.__table__.insert().values(kunci="data_version", nilai=token))
    return token
