"""The next release on SQLite and PostgreSQL (issue 23): built without writing, the same cells a publish stores,
the drift against the published version after data changes, and publishing recorded in the audit trail."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError

from data_access import publication_source
from data_access.caching import clear_caches
from data_access.engine import data_version, get_engine, migrate
from data_access.importing import RollbackRefused, rollback_batch
from data_access.publication import query_extract, query_latest_extract
from data_access.publication_source import (
    BATCH_KIND, BATCH_STATUS, PublishRefused, get_release_draft, get_release_drift, publish_from_cases,
    publish_release, query_release_draft, query_release_drift,
)
from data_access.schema import ImportBatch, Kasus, Publikasi, PublikasiSel
from data_access.writes import bump_data_version
from domain.disclosure import DisclosureRules
from domain.publication import cells_digest, compare_cells
from tests.conftest import BACKENDS, new_database_url
from tests.fixture_data import load_small

NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.timezone.utc)
RULES = DisclosureRules(10, 5)


@pytest.fixture(params=BACKENDS)
def url(request, tmp_path_factory) -> str:
    """A new small fixture database per test (tests/fixture_data.py: 29 victims; province 52: 10, 2023: 5)."""
    url = new_database_url(request.param, tmp_path_factory, "release")
    migrate(url)
    load_small(get_engine(url))
    return url


def _count(conn, table) -> int:
    return conn.execute(select(func.count()).select_from(table)).scalar_one()


def add_victims(url: str, bulan: str, kode_asal: str, jumlah: int) -> None:
    """Entry-stage victims (as an import would add them), with a new data version."""
    with get_engine(url).begin() as conn:
        conn.execute(insert(Kasus), {
            "bulan": dt.date.fromisoformat(bulan + "-01"), "kode_asal": kode_asal, "kode_prov_asal": kode_asal[:2],
            "tujuan_jenis": "LN", "kode_tujuan": "MYS", "modus": "kerja_paksa", "jenis_kelamin": "P",
            "kelompok_umur": "dewasa", "tahap": "asesmen", "kode_unit": None, "instansi": "KEMENSOS",
            "jumlah": jumlah})
        bump_data_version(conn)


def diff_of(before, after) -> dict[tuple[str, str, str], tuple]:
    return {(r.tabel, r.baris, r.kolom): (r.sebelum, r.sesudah, r.perubahan)
            for r in compare_cells(before, after).itertuples(index=False)}


def test_a_draft_writes_nothing_and_is_what_a_publish_stores(url):
    engine = get_engine(url)
    with engine.connect() as conn:
        version_before = data_version(conn)
        draft = query_release_draft(conn, RULES)
        assert _count(conn, Publikasi) == 0 and _count(conn, PublikasiSel) == 0
        assert data_version(conn) == version_before
    assert draft.ok and draft.periode == "2023-12..2024-03" and draft.asal_data == "demo"
    with engine.begin() as conn:
        info = publish_from_cases(conn, NOW, RULES, oleh="rina", expected_digest=draft.digest)
    with engine.connect() as conn:
        stored = query_extract(conn, info.versi)
    assert cells_digest(stored.cells) == draft.digest
    assert compare_cells(stored.cells, draft.cells).empty
    assert (info.periode, info.asal_data) == (draft.periode, draft.asal_data)


def test_drift_before_and_after_the_first_release(url):
    engine = get_engine(url)
    with engine.connect() as conn:
        none = query_release_drift(conn, RULES)
    assert not none.has_release and none.can_publish and not none.is_stale
    assert none.added == none.cells_differing > 0
    with engine.begin() as conn:
        info = publish_from_cases(conn, NOW, RULES, oleh="rina")
    with engine.connect() as conn:
        drift = query_release_drift(conn, RULES)
    assert (drift.latest_version, drift.published_by, drift.published_at) == (1, "rina", info.dibuat)
    assert not drift.is_stale and drift.cells_differing == 0 and drift.release_period == drift.data_period


def test_drift_after_more_victims_names_the_changed_cells(url):
    engine = get_engine(url)
    with engine.begin() as conn:
        publish_from_cases(conn, NOW, RULES)  # the demo loader's way: no name, no audit record
    add_victims(url, "2024-03", "52.03", 5)  # NTB 10 -> 15, everyone 29 -> 34
    with engine.connect() as conn:
        drift = query_release_drift(conn, RULES)
        diff = diff_of(query_latest_extract(conn).cells, query_release_draft(conn, RULES).cells)
    assert drift.is_stale and drift.published_by is None and not drift.period_changed
    assert diff[("provinsi", "52", "jumlah")] == ("10", "15", "changed")
    assert diff[("nasional", "Total", "jumlah")] == ("30", "35", "changed")
    assert drift.cells_differing == len(diff)
    assert drift.changed == sum(1 for *_, kind in diff.values() if kind == "changed")


def test_drift_sees_a_hidden_cell_shown_and_a_new_month(url):
    engine = get_engine(url)
    with engine.begin() as conn:
        publish_from_cases(conn, NOW, RULES)
    add_victims(url, "2023-12", "35.01", 10)  # 2023: 5 ("<10") -> 15
    add_victims(url, "2024-04", "35.08", 1)  # the data now reach April
    with engine.connect() as conn:
        drift = query_release_drift(conn, RULES)
        diff = diff_of(query_latest_extract(conn).cells, query_release_draft(conn, RULES).cells)
    # A cell the public saw hidden stays hidden in the next release of the same data under the same rules (issue 26,
    # domain.publication.carry_over): shown now, 15 minus the published parts would tell the earlier count.
    assert diff[("tahun", "2023", "jumlah")] == ("<10", "x", "changed")
    # Only a masked zero may show (a "<10" zero of a small group whose group is no longer small): it names nobody.
    shown = {k: v for k, v in diff.items() if v[2] == "shown"}
    assert drift.newly_shown == len(shown) and all(after == "0" for _, after, _ in shown.values()) and drift.is_stale
    assert drift.period_changed and (drift.release_period, drift.data_period) == ("2023-12..2024-03",
                                                                                  "2023-12..2024-04")


def test_drift_after_the_data_are_emptied(url):
    engine = get_engine(url)
    with engine.begin() as conn:
        publish_from_cases(conn, NOW, RULES)
        conn.execute(delete(Kasus))
    with engine.connect() as conn:
        drift = query_release_drift(conn, RULES)
    assert drift.is_stale and not drift.can_publish and drift.problem == "no_data"


def test_a_named_publish_is_in_the_audit_trail_and_cannot_be_rolled_back(url):
    engine = get_engine(url)
    with engine.begin() as conn:
        first = publish_from_cases(conn, NOW, RULES, oleh="rina", catatan="rapat")
        cells = len(query_latest_extract(conn).cells)
    with engine.begin() as conn:
        second = publish_from_cases(conn, NOW + dt.timedelta(hours=1), RULES, oleh="budi")
        draft = query_release_draft(conn, RULES)
    with engine.connect() as conn:
        rows = conn.execute(select(ImportBatch.__table__).order_by(ImportBatch.id)).all()
    assert [(b.jenis, b.status, b.oleh) for b in rows] == [(BATCH_KIND, BATCH_STATUS, "rina"),
                                                           (BATCH_KIND, BATCH_STATUS, "budi")]
    assert rows[0].nama_file == "Terbitan publik versi 1 (periode 2023-12..2024-03): rapat"
    assert (rows[0].baris_tambah, rows[0].baris_ubah, rows[0].baris_sama) == (cells, 0, 0)
    assert (rows[1].baris_tambah, rows[1].baris_ubah, rows[1].baris_sama) == (0, 0, cells)
    assert rows[1].sha256 == draft.digest
    assert [first.versi, second.versi] == [1, 2]
    with pytest.raises(RollbackRefused):
        rollback_batch(engine, rows[0].id, "rina")
    with engine.connect() as conn:
        assert _count(conn, Publikasi) == 2 and _count(conn, ImportBatch) == 2


def test_an_unnamed_publish_records_no_batch(url):
    with get_engine(url).begin() as conn:
        publish_from_cases(conn, NOW, RULES)
        assert _count(conn, ImportBatch) == 0


def test_a_preview_older_than_the_data_publishes_nothing(url):
    engine = get_engine(url)
    with engine.connect() as conn:
        draft = query_release_draft(conn, RULES)
    add_victims(url, "2024-03", "52.03", 5)
    with pytest.raises(PublishRefused) as refused:
        with engine.begin() as conn:
            publish_from_cases(conn, NOW, RULES, oleh="rina", expected_digest=draft.digest)
    assert refused.value.reason == "outdated" and isinstance(refused.value, ValueError)
    with engine.connect() as conn:
        assert _count(conn, Publikasi) == 0 and _count(conn, ImportBatch) == 0


def test_publish_release_on_the_configured_database(url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", url)
    clear_caches()
    draft = get_release_draft(RULES)
    assert not get_release_drift(RULES).has_release
    info = publish_release("rina", "dari Kelola", expected_digest=draft.digest, rules=RULES, now=NOW)
    clear_caches()  # as the page does after a write (in the app the data version is otherwise re-read within 3 s)
    drift = get_release_drift(RULES)
    assert (info.versi, info.catatan, drift.latest_version, drift.published_by) == (1, "dari Kelola", 1, "rina")
    assert not drift.is_stale
    with get_engine(url).connect() as conn:
        assert query_release_drift(conn, RULES) == drift


def test_two_publishes_at_once_is_a_sentence_not_a_crash(url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", url)

    def collide(*args, **kwargs):
        raise IntegrityError("INSERT INTO publikasi", {}, Exception("UNIQUE constraint failed: publikasi.versi"))

    monkeypatch.setattr(publication_source, "write_extract", collide)
    with pytest.raises(PublishRefused) as refused:
        publish_release("rina", rules=RULES, now=NOW)
    assert refused.value.reason == "conflict"


def test_bad_settings_are_a_problem_not_an_exception(url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("TPPO_SUPPRESSION_THRESHOLD", "1")
    assert get_release_draft().problem == "settings"
    with get_engine(url).connect() as conn:
        drift = query_release_drift(conn)
    assert drift.problem == "settings" and not drift.is_stale and not drift.can_publish
