"""Kelola Data > Terbitkan (issue 23): preview, difference from the release, disclosure check, publish; the banner
appears after a data change and goes after publishing again; the page and `manage.py publish` store the same cells."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import delete, insert, select

from data_access.caching import clear_caches
from data_access.engine import get_engine
from data_access.publication import query_extract, query_latest_extract
from data_access.publication_source import query_release_draft, rules_from_settings
from data_access.schema import ImportBatch, Kasus
from data_access.writes import bump_data_version
from domain.publication import cells_digest, compare_cells
from manage import main
from tests.helpers import copy_demo, no_exception, open_page, texts

BANNER = "Data berubah sejak rilis publik versi"


@pytest.fixture()
def demo_db(demo_sqlite_url, tmp_path, monkeypatch):
    """A private copy of the demo database (release version 1 came with it): these tests publish."""
    import streamlit as st

    url = copy_demo(demo_sqlite_url, tmp_path / "terbit.sqlite")
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.delenv("TPPO_SUPPRESSION_THRESHOLD", raising=False)
    monkeypatch.delenv("TPPO_ROUNDING_BASE", raising=False)
    st.cache_data.clear()
    from data_access.caching import clear_caches
    clear_caches()  # the shared query results are not Streamlit's
    yield get_engine(url)
    get_engine(url).dispose()


def change_data(engine, **row) -> int:
    """What an import does to the case table, then what every replica notices within seconds (cleared here).
    Returns the new row's id."""
    values = {"bulan": dt.date(2025, 7, 1), "kode_asal": "52.03", "kode_prov_asal": "52", "tujuan_jenis": "LN",
              "kode_tujuan": "MYS", "modus": "kerja_paksa", "jenis_kelamin": "P", "kelompok_umur": "dewasa",
              "tahap": "asesmen", "kode_unit": None, "instansi": "KEMENSOS", "jumlah": 40, **row}
    with engine.begin() as conn:
        row_id = conn.execute(insert(Kasus), values).inserted_primary_key[0]
        bump_data_version(conn)
    clear_caches()
    return row_id


def undo_change(engine, row_id: int) -> None:
    """What a rollback of that import does."""
    with engine.begin() as conn:
        conn.execute(delete(Kasus).where(Kasus.id == row_id))
        bump_data_version(conn)
    clear_caches()


def frame_with(at, column: str):
    return next(df.value for df in at.dataframe if column in df.value.columns)


def test_publish_flow_preview_diff_publish_and_banner(demo_db):
    at = open_page("kelola_data", role="admin_data")
    no_exception(at)
    assert BANNER not in texts(at), "the demo's release matches the demo data"
    assert "Tidak ada sel yang berbeda dari rilis versi 1" in texts(at)
    assert "Terbitkan" in [tab.label for tab in at.tabs]
    assert "python manage.py publish --out FOLDER" in texts(at)

    change_data(demo_db)
    at.run()
    no_exception(at)
    banner = next(w.value for w in at.warning if BANNER in w.value)
    assert banner.startswith("Data berubah sejak rilis publik versi 1 (diterbitkan ") and "Terbitkan ulang" in banner
    summary = next(m.value for m in at.markdown if " sel berbeda: " in m.value)
    differing = int(summary.split(" dari ")[0])
    assert differing > 0 and f"{differing} sel berbeda" in banner
    assert not at.metric, "a metric is a catalogue indicator; these counts are sentences"
    diff = frame_with(at, "Perubahan")
    assert len(diff) == differing
    ntb = diff[(diff["Tabel"] == "Per provinsi asal") & (diff["Baris"] == "Nusa Tenggara Barat")]
    assert len(ntb) == 1 and ntb["Perubahan"].iloc[0] == "berubah"
    assert "Pemeriksaan kerahasiaan lulus" in texts(at)
    preview = frame_with(at, "Nilai terbit")
    with demo_db.connect() as conn:
        draft = query_release_draft(conn, rules_from_settings())
    assert len(preview) == len(draft.cells)

    assert at.button(key="terbit_publish").disabled, "confirmation first"
    at.text_input(key="terbit_note").input("setelah impor NTB").run()
    at.checkbox(key="terbit_confirm").check().run()
    assert not at.button(key="terbit_publish").disabled
    at.button(key="terbit_publish").click().run()
    no_exception(at)
    body = texts(at)
    assert "Ringkasan publik versi 2 diterbitkan" in body
    assert BANNER not in body, "the banner goes once the data are published again"
    assert "Tidak ada sel yang berbeda dari rilis versi 2" in body

    with demo_db.connect() as conn:
        latest = query_latest_extract(conn)
        batch = conn.execute(select(ImportBatch.__table__).where(ImportBatch.jenis == "publikasi")).one()
    assert (latest.info.versi, latest.info.catatan) == (2, "setelah impor NTB")
    assert cells_digest(latest.cells) == draft.digest, "the page stored the cells it previewed"
    assert (batch.oleh, batch.status, batch.sha256) == ("admin_data", "terbit", draft.digest)
    history = frame_with(at, "SHA-256")
    assert history["Jenis"].tolist()[0] == "publikasi"
    assert "Tidak ada impor aktif yang dapat dibatalkan." in body, "a release is not offered for rollback"


def test_the_page_and_the_command_line_publish_identical_cells(demo_db):
    added = change_data(demo_db, kode_asal="35.08", kode_prov_asal="35", jumlah=25)
    assert main(["publish", "--user", "rina"]) == 0  # version 2
    undo_change(demo_db, added)  # back to the demo data, as after a rollback: the public extract is stale again
    at = open_page("kelola_data", role="admin_data")
    assert BANNER in texts(at)
    at.checkbox(key="terbit_confirm").check().run()
    at.button(key="terbit_publish").click().run()
    no_exception(at)
    assert "Ringkasan publik versi 3 diterbitkan" in texts(at)
    assert main(["publish"]) == 0  # version 4, same data as version 3
    with demo_db.connect() as conn:
        page, cli, first, changed = (query_extract(conn, v).cells for v in (3, 4, 1, 2))
    assert compare_cells(page, cli).empty and cells_digest(page) == cells_digest(cli)
    assert compare_cells(first, page).empty, "the demo's own release (the loader's publish) is the same again"
    assert not compare_cells(first, changed).empty


def test_unsafe_cells_keep_the_button_disabled(demo_db, monkeypatch):
    import ui.publish_admin

    monkeypatch.setattr(ui.publish_admin, "disclosure_problems", lambda cells, rules: ("sel ('52', 'jumlah') = 7",))
    at = open_page("kelola_data", role="admin_data")
    no_exception(at)
    assert any("Pemeriksaan kerahasiaan gagal" in e.value for e in at.error)
    assert at.checkbox(key="terbit_confirm").disabled and at.button(key="terbit_publish").disabled
    at.session_state["terbit_confirm"] = True  # ticked before the check failed: the button still stays off
    at.run()
    assert at.checkbox(key="terbit_confirm").value and at.button(key="terbit_publish").disabled


def test_no_release_and_no_data_are_sentences(demo_db):
    with demo_db.begin() as conn:
        conn.execute(delete(Kasus))
        bump_data_version(conn)
    clear_caches()
    at = open_page("kelola_data", role="admin_data")
    no_exception(at)
    body = texts(at)
    assert "Data kini tidak memuat korban ditangani, tetapi rilis publik versi 1" in body
    assert "Belum ada korban ditangani dalam data" in body
    assert not [b for b in at.button if b.key == "terbit_publish"]


def test_first_release_is_offered_when_none_exists(demo_db):
    from data_access.schema import Publikasi, PublikasiSel

    with demo_db.begin() as conn:  # a database loaded before the demo loader published anything
        conn.execute(delete(PublikasiSel))
        conn.execute(delete(Publikasi))
        bump_data_version(conn)
    clear_caches()
    at = open_page("kelola_data", role="admin_data", state={"lang": "en"})
    no_exception(at)
    body = texts(at)
    assert "There is no public release yet" in body
    assert "This will be the first public release" in body
    assert at.button(key="terbit_publish").label == "Publish version 1"
