"""Kelola Data page: status, templates, upload → report or preview → import → history → rollback (AppTest)."""

from __future__ import annotations


import pytest
from sqlalchemy import text

from data_access.engine import get_engine
from demo.loader import ensure_database
from data_access.importing import table_checksums
from domain.formatting import fmt_int
from domain.validation import KINDS
from tests.db.databases import clone_database
from tests.helpers import no_exception, open_page, texts

KASUS = list(KINDS["kasus"].names)
GOOD = "2024-01,Kab. Lombok Timur,MYS,kerja_paksa,P,dewasa,asesmen,,KEMENSOS,12\n"
BAD = "2024-02,52.03,MYS,penipuan,P,dewasa,asesmen,,KEMENSOS,-4\n"


ADMIN = "uji.admin"


def frame_with(at, column: str):
    """The first table on the page that has this column (tables are not addressable by key in AppTest)."""
    return next(df.value for df in at.dataframe if column in df.value.columns)


def csv_file(*rows: str) -> bytes:
    return (",".join(KASUS) + "\n" + "".join(rows)).encode("utf-8")


@pytest.fixture(scope="module")
def built_url(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('kelola') / 'tpl.sqlite'}"
    ensure_database(url)
    from data_access.accounts import create_account

    # A real admin: the first real import deletes the demo accounts, and sessions re-check their account.
    with get_engine(url).begin() as conn:
        create_account(conn, ADMIN, "kata-sandi-uji-kelola", "admin_data")
    get_engine(url).dispose()
    return url


@pytest.fixture()
def own_db(built_url, tmp_path, monkeypatch):
    """A private copy of a demo database: these tests write, the session's demo database must stay as it is."""
    import streamlit as st

    url = clone_database(built_url, tmp_path)
    monkeypatch.setenv("DATABASE_URL", url)
    st.cache_data.clear()
    from data_access.caching import clear_caches
    clear_caches()  # the shared query results are not Streamlit's
    yield get_engine(url)
    get_engine(url).dispose()


def test_page_shows_status_templates_and_history(app_env):
    at = open_page("kelola_data", role="admin_data")
    no_exception(at)
    body = texts(at)
    assert at.title[0].value == "Kelola Data"
    assert "Status data per jenis" in body and "DATA CONTOH (sintetis)" in body
    status = frame_with(at, "Asal")
    assert "contoh (sintetis)" in status.iloc[:, 1].tolist()
    batches = frame_with(at, "SHA-256")
    assert batches["Jenis"].tolist() == ["demo"]
    assert "Tidak ada impor aktif yang dapat dibatalkan." in body
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Unduh templat" in labels and "Unduh ekspor data" in labels
    template = next(b for b in at.get("download_button") if b.proto.label == "Unduh templat")
    assert template.proto.deferred_file_id, "the template is built when the button is pressed"
    assert at.file_uploader(key="kelola_upload_0").allowed_type == [".csv", ".xlsx"]


def test_page_in_english(app_env):
    at = open_page("kelola_data", role="admin_data", state={"lang": "en"})
    no_exception(at)
    assert at.title[0].value == "Data Management"
    assert "Data status per kind" in texts(at)


@pytest.mark.parametrize("role", ["pimpinan", "jarnas"])
def test_other_roles_cannot_open_the_page(app_env, role):
    at = open_page("kelola_data", role=role)
    no_exception(at)
    assert at.title[0].value == "Masuk"
    assert not at.get("file_uploader")


def test_rejected_upload_shows_the_report_and_changes_nothing(own_db):
    before = table_checksums(own_db.connect())
    at = open_page("kelola_data", role="admin_data")
    at.file_uploader(key="kelola_upload_0").set_value(("kasus.csv", csv_file(GOOD, BAD), "text/csv")).run()
    no_exception(at)
    assert "Berkas ditolak: 2 masalah" in " ".join(e.value for e in at.error)
    report = frame_with(at, "Masalah")
    assert set(zip(report["Baris"].tolist(), report["Kolom"].tolist())) == {(3, "modus"), (3, "jumlah")}
    assert not at.get("button") or not any(b.key == "kelola_import" for b in at.button)
    with own_db.connect() as conn:
        assert table_checksums(conn) == before


def test_upload_preview_import_and_rollback(own_db):
    with own_db.connect() as conn:
        before = table_checksums(conn, ["kasus", "sumber_data"])
    at = open_page("kelola_data", role="admin_data", user=ADMIN)
    at.file_uploader(key="kelola_upload_0").set_value(("kasus.csv", csv_file(GOOD), "text/csv")).run()
    no_exception(at)
    body = texts(at)
    with own_db.connect() as conn:  # the file's report: its agency's month, whose demo rows it replaces
        replaced = conn.execute(text("SELECT count(*) FROM kasus WHERE instansi = 'KEMENSOS' AND bulan = '2024-01-01'"
                                     )).scalar_one()
        demo_rows = conn.execute(text("SELECT count(*) FROM kasus")).scalar_one()
    assert f"Berkas valid: 1 baris. Akan ditambah 1, diubah 0, sama 0, dihapus {replaced}." in body
    assert "Aturan: berkas mengganti persis laporan yang dicakupnya" in body
    months = frame_with(at, "Data contoh diganti")
    assert months.values.tolist() == [["Jan 2024", 1, 0, 0, replaced, 0]]
    assert f"{fmt_int(demo_rows - replaced)} baris data contoh di luar berkas tetap ada" in body
    assert "Ini data nyata pertama" in body and "1 laporan akan dicatat sebagai penyerahan" in body
    at.checkbox(key="kelola_replace_demo").check().run()
    assert f"{fmt_int(demo_rows - replaced)} baris data contoh di luar berkas akan diganti" in texts(at)
    at.checkbox(key="kelola_replace_demo").uncheck().run()
    assert at.button(key="kelola_import").disabled, "confirmation first"
    at.checkbox(key="kelola_confirm").check().run()
    at.button(key="kelola_import").click().run()
    no_exception(at)
    body = texts(at)
    assert f"Impor #2 selesai: 1 ditambah, 0 diubah, 0 sama, {replaced} dihapus." in body
    assert "Data kasus bercampur: 122 dari 123 laporan (pelapor × bulan) masih data contoh (sintetis), pada bulan " \
        "Jan 2023 – Jul 2025" in body
    subs = frame_with(at, "Laporan nol")
    assert subs.iloc[0][["Pelapor", "Bulan laporan", "Baris", "Berkas"]].tolist() == [
        "Kementerian Sosial", "Jan 2024", 1, "kasus.csv"]
    assert frame_with(at, "SHA-256")["Jenis"].tolist() == ["kasus", "demo"]
    assert at.get("file_uploader")[0].key == "kelola_upload_1", "the uploader is emptied after an import"

    assert at.selectbox(key="kelola_rollback_batch").value == 2
    assert at.button(key="kelola_rollback").disabled
    at.checkbox(key="kelola_rollback_confirm").check().run()
    at.button(key="kelola_rollback").click().run()
    no_exception(at)
    body = texts(at)
    assert "Impor #2 dibatalkan" in body and "kembali ke data contoh" in body
    with own_db.connect() as conn:
        assert table_checksums(conn, ["kasus", "sumber_data"]) == before
