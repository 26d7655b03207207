"""Glosarium & Sumber: every indicator and data kind with source, origin, period and last update."""

from __future__ import annotations

from data_access.reference import query_data_status
from tests.helpers import no_exception, open_page, texts


def frame_with(at, column: str):
    """The first table shown with this column (AppTest does not expose st.dataframe keys)."""
    return next(e.value for e in at.dataframe if column in e.value.columns)


def test_lists_every_indicator_and_data_kind(app_env):
    from data_access.engine import connect

    from domain.indicators import CATALOGUE

    with connect(app_env) as conn:
        status = query_data_status(conn)
    at = open_page("glosarium", role="jarnas")
    no_exception(at)
    shown = frame_with(at, "Definisi")
    # Every indicator of the catalogue (domain/indicators.py), the one place each figure is defined.
    assert list(shown["Kunci"]) == list(CATALOGUE)
    assert set(shown["Asal"]) == {"DATA CONTOH (sintetis)"}
    cases = shown[shown["Sumber data"].str.startswith("Jumlah korban")]
    assert len(cases) >= 5 and (cases["Periode"] == "Jan 2023 – Jul 2025").all()
    assert shown.set_index("Kunci").loc["korban_reintegrasi", "Jeda pelaporan (bulan)"] == 6
    assert "lokasi unit layanan" in set(shown["Arti filter provinsi"])
    kinds = at.dataframe[-1].value
    assert list(kinds["Kode"]) == list(status["kode"])
    assert kinds["Pembaruan terakhir"].str.match(r"\d{1,2} \w{3} \d{4}").all()
    body = texts(at)
    assert "**bukan** jumlah seluruh korban TPPO di Indonesia" in body
    assert "uji binomial eksak untuk dua hitungan Poisson" in body and "p < 0,05" in body
    assert "Satu aturan untuk setiap \"naik\", \"turun\" dan \"meningkat\"" in body
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels.count("Unduh CSV") == 2 and labels.count("Unduh Excel") == 2


def test_english(app_env):
    at = open_page("glosarium", role="pimpinan", state={"lang": "en"})
    no_exception(at)
    assert "It is **not** the number of all trafficking victims in Indonesia" in texts(at)
    assert "Origin" in at.dataframe[-1].value.columns


def test_page_script_alone_requires_login(app_env):
    """A deep link that reaches the page file without app.py (Streamlit's pages/ auto-discovery) shows nothing."""
    from streamlit.testing.v1 import AppTest

    from tests.helpers import PROJECT

    at = AppTest.from_file(str(PROJECT / "app_pages" / "glosarium.py"), default_timeout=90).run()
    no_exception(at)
    assert "hanya untuk pengguna yang masuk" in texts(at)
    assert not at.metric and not at.dataframe and not at.get("plotly_chart")
