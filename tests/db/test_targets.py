"""Competence targets edited by admin_data: validated, written in one transaction, audited, undone by rollback."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest
from sqlalchemy import select

from data_access import schema as s
from data_access.engine import get_engine, migrate
from data_access.importing import RollbackRefused, list_batches, rollback_batch, table_checksums
from data_access.staffing import query_competence_targets
from data_access.targets import BATCH_KIND, editable_targets, from_percent, save_targets
from domain.sdm import ROLES
from tests.conftest import BACKENDS, new_database_url
from tests.fixture_data import load_small

NOW = dt.datetime(2026, 12, 2, 4, 0, tzinfo=dt.timezone.utc)


@pytest.fixture(params=BACKENDS)
def engine(request, tmp_path_factory):
    url = new_database_url(request.param, tmp_path_factory, "targets")
    migrate(url)
    load_small(get_engine(url))
    yield get_engine(url)
    get_engine(url).dispose()


def sums(engine) -> dict[str, str]:
    with engine.connect() as conn:
        return table_checksums(conn)


def edited(engine, **percent: tuple[float | None, float | None]) -> pd.DataFrame:
    """The editor's table (percent) with some roles changed, as the page submits it."""
    with engine.connect() as conn:
        table = editable_targets(query_competence_targets(conn), ROLES)
    for role, (trained, certified) in percent.items():
        table.loc[table["peran"] == role, ["target_terlatih", "target_bersertifikat"]] = [trained, certified]
    return from_percent(table)


@pytest.mark.parametrize(("change", "sumber", "role", "fragment"), [
    ({"psikolog": (120, None)}, "Rapat Jarnas", "admin_data", "antara 0 dan 100"),
    ({"psikolog": (-5, None)}, "Rapat Jarnas", "admin_data", "antara 0 dan 100"),
    ({"psikolog": (60, None)}, "", "admin_data", "Dasar target wajib diisi"),
    ({"psikolog": (60, None)}, "Rapat Jarnas", "pimpinan", "Hanya admin data"),
])
def test_bad_edit_changes_nothing(engine, change, sumber, role, fragment):
    before = sums(engine)
    result = save_targets(engine, edited(engine, **change), sumber, "admin", role, now=NOW)
    assert not result.ok and any(fragment in p for p in result.problems), result.problems
    assert sums(engine) == before


def test_unchanged_targets_write_nothing(engine):
    before = sums(engine)
    result = save_targets(engine, edited(engine), "Rapat Jarnas", "admin", "admin_data", now=NOW)
    assert result.unchanged and sums(engine) == before


def test_edit_is_audited_and_rollback_restores(engine):
    before = sums(engine)
    result = save_targets(engine, edited(engine, psikolog=(60, None), konselor=(75, 50)), "Rapat Jarnas 2 Des",
                          "admin_uji", "admin_data", now=NOW)
    assert result.ok and result.changed == 2
    with engine.connect() as conn:
        targets = query_competence_targets(conn).set_index("peran")
        batch = list_batches(conn).iloc[0]
        log = conn.execute(select(s.ImportPerubahan.kunci, s.ImportPerubahan.sebelum)
                           .where(s.ImportPerubahan.batch_id == result.batch_id)).all()
    assert targets.loc["psikolog", "target_terlatih"] == pytest.approx(0.6)
    assert targets.loc["konselor", "target_bersertifikat"] == pytest.approx(0.5)
    assert (targets.loc["konselor", "diubah_oleh"], targets.loc["konselor", "sumber"]) == ("admin_uji",
                                                                                          "Rapat Jarnas 2 Des")
    assert targets.loc["pekerja_sosial", "diubah_oleh"] == "uji", "an unchanged role keeps its record"
    assert (batch["jenis"], batch["oleh"], batch["baris_tambah"], batch["baris_ubah"]) == (BATCH_KIND, "admin_uji",
                                                                                          1, 1)
    assert {json.loads(k)["peran"]: b is None for k, b in log} == {"psikolog": False, "konselor": True}

    rollback_batch(engine, result.batch_id, "uji")
    after = sums(engine)
    for table in ("target_kompetensi", "pelatihan", "staf"):
        assert after[table] == before[table]
    with pytest.raises(RollbackRefused, match="hanya impor aktif"):
        rollback_batch(engine, result.batch_id, "uji")
