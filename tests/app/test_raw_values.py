"""No raw values in the Indonesian view: numbers formatted by locale, headers in words, downloads rounded."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from streamlit.proto.Dataframe_pb2 import Dataframe as ArrowProto

from tests.helpers import no_exception, open_page
from ui.frame import localise_frame

CODE_HEADER = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$")
# "7.5", "1.04", "0.2857"; three decimals would read as an Indonesian thousands group ("1.251").
ENGLISH_DECIMAL = re.compile(r"^-?\d+\.(\d{1,2}|\d{4,})$")


def test_localise_frame_formats_numbers_and_headers():
    df = pd.DataFrame({"jam_per_hari": [7.5, 7.0], "porsi": [0.1831018518518518, 0.5], "hari_kerja": [261.0, None],
                       "Staf dibutuhkan": [180.2, 50.8]})
    shown = localise_frame(df, "id")
    assert list(shown.columns) == ["Jam kerja per hari", "Porsi", "Hari kerja", "Staf dibutuhkan"]
    assert shown["Jam kerja per hari"].tolist() == ["7,50", "7,00"]
    assert shown["Porsi"].tolist() == ["0,18", "0,50"]
    assert shown["Hari kerja"].tolist() == ["261", "–"]
    assert shown["Staf dibutuhkan"].tolist() == ["180,2", "50,8"]
    english = localise_frame(df, "en")
    assert english["Working hours per day"].tolist() == ["7.50", "7.00"]


@pytest.mark.parametrize("page", ["kapasitas_sentra", "kesenjangan_sdm", "pemantauan_jarnas"])
def test_tables_show_no_english_decimals_or_code_headers(app_env, page):
    at = open_page(page, role="admin_data")
    no_exception(at)
    assert at.dataframe
    # Editable tables (the standards editor) keep their code columns; column_config gives their visible headers.
    for frame in [f for f in at.dataframe if f.proto.editing_mode == ArrowProto.EditingMode.READ_ONLY]:
        df = frame.value
        assert df.columns.is_unique, f"{page}: repeated headers {list(df.columns)}"
        for column in df.columns:
            assert not CODE_HEADER.match(str(column)), f"{page}: code header {column!r}"
            assert not pd.api.types.is_float_dtype(df[column]), f"{page}: raw floats in {column!r}"
            raw = [v for v in map(str, df[column]) if ENGLISH_DECIMAL.match(v)]
            assert not raw, f"{page}: {column!r} shows {raw[:3]}"


def test_standards_table_shows_names_not_codes(app_env):
    at = open_page("kesenjangan_sdm", role="pimpinan")
    no_exception(at)
    shown = [f.value for f in at.dataframe if "Pemicu" in f.value.columns]
    assert shown, "the standards table"
    values = set(shown[0]["Jenis"]) | set(shown[0]["Pemicu"].dropna())
    assert not values & {"service", "support", "individual", "hari_rawat", "penerimaan", "pemulangan"}, values
    assert "Hari rawat" in values
