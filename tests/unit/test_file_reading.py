"""Reading real-world import files: encodings, separators, decimal commas, .xlsx sheets, and files that are not tables."""

from __future__ import annotations

import io
import tomllib
import zipfile

import pytest
from openpyxl import Workbook

from domain.file_reading import (
    MAX_UPLOAD_MB, decode, looks_like_garbage, normalise_number, read_path, read_table, sniff_separator,
)
from tests.conftest import PROJECT

HEADER = ["kode_unit", "nama", "kapasitas", "lat"]
ROWS = [["SEN-01", "Sentra Pondok – Ñusa", "50", "-8.13"], ["RPTC-01", "RPTC Bambu Apus", "30", "-6.31"]]


def _csv(sep: str = ",", rows=ROWS, header=HEADER) -> str:
    return "\n".join(sep.join(r) for r in [header, *rows]) + "\n"


def _xlsx(sheets: dict[str, list[list]]) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize(("cell", "separator", "expected", "ambiguous"), [
    ("12", ",", "12", False),
    ("12,5", ";", "12.5", False),  # decimal comma from Indonesian Excel
    ("12,5", ",", "12.5", False),  # quoted in a comma file: only one reading
    ("1.234,5", ";", "1234.5", False),
    ("1,234.5", ",", "1234.5", False),
    ("1.234.567", ",", "1234567", False),
    ("1 234", ",", "1234", False),
    ("-6.265", ",", "-6.265", False),  # a coordinate with three decimals in an English-style file
    ("-6,265", ";", "-6.265", False),
    ("1,500", ";", "1.500", False),  # comma is the decimal mark in semicolon files
    ("1.5", ";", "1.5", False),  # a dot before one digit cannot group thousands
    ("1.234", ";", "1.234", True),  # 1234 or 1,234?
    ("1,500", ",", "1,500", True),  # 1500 or 1.5?
    ("1,500", None, "1,500", True),  # .xlsx text cell
    ("abc", ",", "abc", False),  # not a number: left for the validator
])
def test_normalise_number(cell, separator, expected, ambiguous):
    value, message = normalise_number(cell, separator)
    assert value == expected
    assert (message is not None) == ambiguous
    if ambiguous:
        assert "ambigu" in message


@pytest.mark.parametrize(("encoding", "sep"), [
    ("utf-8", ","), ("utf-8-sig", ","), ("cp1252", ";"), ("utf-8", ";"), ("utf-16", "\t"), ("cp1252", ","),
])
def test_encodings_and_separators_give_the_same_table(encoding, sep):
    result = read_table(_csv(sep).encode(encoding), "unit.csv", numeric_columns={"kapasitas", "lat"})
    assert result.ok, result.problems
    assert list(result.table.columns) == HEADER
    assert result.table.loc[2, "nama"] == "Sentra Pondok – Ñusa"
    assert result.table.loc[3, "kode_unit"] == "RPTC-01"
    assert result.separator == sep


def test_semicolon_file_with_decimal_commas_is_normalised():
    text = _csv(";", rows=[["SEN-01", "A", "50", "-8,13"]])
    result = read_table(text.encode("cp1252"), "u.csv", numeric_columns={"kapasitas", "lat"})
    assert result.table.loc[2, "lat"] == "-8.13"


def test_row_numbers_match_the_spreadsheet_and_blank_rows_are_skipped():
    text = "kode_unit,nama\nSEN-01,A\n\n,\nSEN-02,B\n"
    table = read_table(text.encode(), "u.csv").table
    assert list(table.index) == [2, 5]
    assert table.loc[5, "kode_unit"] == "SEN-02"


def test_header_is_normalised():
    table = read_table("\ufeff Kode Unit ,NAMA\nSEN-01,A\n".encode("utf-8"), "u.csv").table
    assert list(table.columns) == ["kode_unit", "nama"]


def test_short_rows_are_padded_and_long_rows_reported():
    result = read_table(b"a,b,c\n1,2\n1,2,3,4\n", "x.csv")
    assert result.table.loc[2, "c"] == ""
    assert [(p.row, "lebih banyak" in p.message) for p in result.problems] == [(3, True)]


def test_xlsx_reads_the_data_sheet_with_typed_cells():
    import datetime as dt

    raw = _xlsx({"Petunjuk": [["baca ini"]], "data": [["bulan", "jumlah", "lat", "kode"],
                                                     [dt.datetime(2024, 1, 1), 12, -8.13, "35.10"],
                                                     [None, None, None, None],
                                                     ["2024-02", 3.0, 1.5, "52"]]})
    result = read_table(raw, "k.xlsx", numeric_columns={"jumlah", "lat"})
    assert result.ok and result.sheet == "data"
    assert result.table.loc[2].tolist() == ["2024-01-01", "12", "-8.13", "35.10"]
    assert result.table.loc[4].tolist() == ["2024-02", "3", "1.5", "52"]


def test_xlsx_single_sheet_with_another_name_is_accepted():
    result = read_table(_xlsx({"Sheet1": [["a"], ["1"]]}), "k.xlsx")
    assert result.ok and result.sheet == "Sheet1"


@pytest.mark.parametrize(("raw", "name", "fragment"), [
    (b"", "a.csv", "kosong"),
    (b"   \n\n", "a.csv", "kosong"),
    (b"a,b\x00\x01\x02", "a.csv", "bukan teks"),
    (b"\x89PNG\r\n\x1a\n" + bytes(100), "foto.csv", "PNG"),
    (b"%PDF-1.7 ...", "laporan.csv", "PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(50), "lama.xls", ".xls"),
    (bytes(range(128, 256)) * 20, "latin.csv", "bukan teks"),  # undefined cp1252 bytes: not text
    ("¤§¶©®°±µ¼½¾¿×÷þÞ".encode("cp1252") * 50, "latin.csv", "tidak terbaca"),  # Latin-1 symbols soup
    (b"bukan zip sama sekali", "data.xlsx", "bukan Excel"),
    (b"PK\x03\x04" + bytes(40), "rusak.xlsx", "rusak"),
    (b'a,b\n1,"tidak ditutup\n', "potong.csv", "rusak"),
])
def test_files_that_are_not_tables_get_one_clear_message(raw, name, fragment):
    result = read_table(raw, name)
    assert result.table is None
    assert len(result.problems) == 1 and fragment in result.problems[0].message


def test_truncated_xlsx_is_reported():
    raw = _xlsx({"data": [["a", "b"], [1, 2]]})
    result = read_table(raw[: len(raw) // 2], "potong.xlsx")
    assert result.table is None and "rusak" in result.problems[0].message


@pytest.mark.parametrize("sheets", [
    {"Sheet1": [["a"], [1]], "Sheet2": [["b"], [2]]},
    {"Petunjuk": [["hanya petunjuk"]]},
])
def test_xlsx_without_a_data_sheet_names_the_sheets(sheets):
    result = read_table(_xlsx(sheets), "k.xlsx")
    assert result.table is None
    assert "lembar 'data'" in result.problems[0].message
    assert list(sheets)[0] in result.problems[0].message


def test_empty_data_sheet():
    result = read_table(_xlsx({"data": []}), "k.xlsx")
    assert result.table is None and "kosong" in result.problems[0].message


def test_size_limit_has_a_clear_message(tmp_path):
    big = b"a,b\n" + b"1,2\n" * 300
    result = read_table(big, "besar.csv", max_bytes=1024)
    assert result.table is None
    message = result.problems[0].message
    assert "terlalu besar" in message and "batasnya" in message
    path = tmp_path / "besar.csv"
    path.write_bytes(big)
    assert "terlalu besar" in read_path(path, max_bytes=1024).problems[0].message


def test_missing_file(tmp_path):
    assert "tidak ditemukan" in read_path(tmp_path / "tidak_ada.csv").problems[0].message


def test_upload_limit_matches_streamlit_config():
    config = tomllib.loads((PROJECT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == MAX_UPLOAD_MB


@pytest.mark.parametrize(("line", "sep"), [("a,b,c", ","), ("a;b;c", ";"), ("a\tb", "\t"), ("a;b,c;d", ";"), ("a", ",")])
def test_sniff_separator(line, sep):
    assert sniff_separator(line) == sep


@pytest.mark.parametrize(("text", "garbage"), [
    ("kode_unit,nama\nSEN-01,Sentra Ñusa – Pondok\n", False),
    ("a,b\n\x07\x08,1\n", True),
    ("¤§¶©®°±µ¼½¾¿" * 10, True),
])
def test_looks_like_garbage(text, garbage):
    assert looks_like_garbage(text) is garbage


def test_decode_prefers_utf8_then_windows_1252():
    assert decode("Ñusa".encode("utf-8")) == ("Ñusa", "utf-8-sig")
    assert decode("Ñusa".encode("cp1252")) == ("Ñusa", "cp1252")
    assert decode(b"\x81\x8d") is None


def test_zip_that_is_not_a_workbook():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("readme.txt", "halo")
    result = read_table(buf.getvalue(), "arsip.xlsx")
    assert result.table is None and ".xlsx" in result.problems[0].message
