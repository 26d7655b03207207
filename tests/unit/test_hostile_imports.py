"""Hostile and suspicious import files (issue 14): huge counts, workbook bombs, full-width digits, contradicting
columns, ambiguous thousands separators and formulas hidden behind a BOM or a line break."""

from __future__ import annotations

import io
import re
import time
import tracemalloc
import zipfile

import pandas as pd
import pytest
from openpyxl import Workbook

from domain.file_reading import MAX_XLSX_COLUMNS, MAX_XLSX_ROWS, read_table
from domain.validation import ERROR, KINDS, MAX_COUNT, WARNING, ReferenceSets, validate
from exports.tables import neutralise_cell, neutralise_formulas, to_csv_bytes
from tests.unit.test_validation import REFS, kasus, table

KASUS = list(KINDS["kasus"].names)


def _errors(result, column=None):
    return [p for p in result.problems if p.level == ERROR and (column is None or p.column == column)]


# ---------------------------------------------------------------- counts are bounded
@pytest.mark.parametrize("value", ["99999999999999999999", "9223372036854775807", "100001", "1e30"])
def test_huge_counts_are_rejected_with_the_maximum(value):
    result = validate("kasus", kasus({"jumlah": value}), REFS)  # used to raise OverflowError for the first
    errors = _errors(result, "jumlah")
    assert errors, result.problems
    if value != "1e30":
        assert "maksimal" in errors[0].message and "100.000" in errors[0].message


def test_the_maximum_itself_is_accepted():
    result = validate("kasus", kasus({"jumlah": str(MAX_COUNT)}), REFS)
    assert result.ok, result.problems


def test_population_has_its_own_bound():
    header = list(KINDS["populasi"].names)
    ok = validate("populasi", table([dict(zip(header, ["52", "2024", "5646000", "BPS", ""]))]), REFS)
    huge = validate("populasi", table([dict(zip(header, ["52", "2024", "9223372036854775807", "BPS", ""]))]), REFS)
    assert ok.ok and _errors(huge, "jumlah")


def test_cell_far_above_its_history_warns():
    refs = ReferenceSets(**{**REFS.__dict__, "usual_cell": {"kasus": 3.0}})
    result = validate("kasus", kasus({"jumlah": "5000"}), refs)
    assert result.ok
    spikes = [p for p in result.warnings if p.column == "jumlah"]
    assert spikes and "5.000" in spikes[0].message
    assert validate("kasus", kasus({"jumlah": "12"}), refs).warnings == []
    many = validate("kasus", kasus(*[{"jumlah": "5000", "bulan": f"20{10 + i // 12}-{i % 12 + 1:02d}"}
                                     for i in range(30)]), refs)
    cells = [p for p in many.warnings if p.column == "jumlah" and p.row is not None and "sel terbesar" in p.message]
    assert len(cells) == 20 and any("30 sel" in p.message for p in many.warnings)


# ---------------------------------------------------------------- only ASCII digits
@pytest.mark.parametrize(("column", "value"), [
    ("jumlah", "１２"), ("jumlah", "١٢"), ("bulan", "２０２４-０１"), ("kode_asal", "５２.０３"), ("jumlah", "1²"),
])
def test_non_ascii_digits_are_refused(column, value):
    result = validate("kasus", kasus({column: value}), REFS)
    errors = _errors(result, column)
    assert errors and "0–9" in errors[0].message, result.problems


# ---------------------------------------------------------------- contradicting extra columns
@pytest.mark.parametrize("extra", ["kode_prov_asal", "provinsi", "provinsi_asal"])
def test_a_contradicting_province_column_is_refused(extra):
    frame = table([{**kasus().loc[2].to_dict(), extra: "35"}])
    result = validate("kasus", frame, REFS)
    errors = _errors(result, extra)
    assert errors and "52.03" in errors[0].message, result.problems


@pytest.mark.parametrize("value", ["52", "Nusa Tenggara Barat"])
def test_an_agreeing_province_column_is_accepted(value):
    frame = table([{**kasus().loc[2].to_dict(), "provinsi": value}])
    assert validate("kasus", frame, REFS).ok


# ---------------------------------------------------------------- thousands separators
def test_dot_thousands_in_a_comma_file_is_called_ambiguous_not_a_fraction():
    raw = ("\n".join([",".join(KASUS), ",".join(kasus({"jumlah": "1.234"}).loc[2].tolist())]) + "\n").encode()
    read = read_table(raw, "k.csv", numeric_columns={"jumlah"})
    problems = read.problems + validate("kasus", read.table, REFS).problems
    messages = " ".join(p.message for p in problems if p.column == "jumlah")
    assert "pemisah ribuan" in messages and "1234" in messages
    assert "pecahan" not in messages


# ---------------------------------------------------------------- hidden formulas
HIDDEN = ['\ufeff=HYPERLINK("http://x.example","klik")', 'x10\n=HYPERLINK("http://x.example","klik")',
          ' \u200b=1+1', 'a\r\n@SUM(A1)']


@pytest.mark.parametrize("value", HIDDEN)
def test_hidden_formulas_are_refused_on_import(value):
    header = list(KINDS["unit_layanan"].names)
    row = dict(zip(header, ["SEN-02", "Sentra Baru", "sentra", "35.08", "-8.1", "113.2", "10", "ya", "ya", "",
                            "", "", value]))
    result = validate("unit_layanan", table([row]), REFS)
    assert any("rumus" in p.message for p in _errors(result, "catatan")), result.problems


@pytest.mark.parametrize("value", HIDDEN)
def test_hidden_formulas_are_neutralised_in_exports(value):
    safe = neutralise_cell(value)
    for line in re.split(r"\r\n|\r|\n", safe):
        stripped = line.lstrip(" \t\ufeff\u200b\u200c\u200d\u2060")
        assert not stripped[:1] in ("=", "+", "-", "@"), repr(safe)
    text = to_csv_bytes(pd.DataFrame({"catatan": [value]})).decode("utf-8-sig")
    assert "\n=" not in text and "\n@" not in text


def test_plain_text_is_left_alone():
    """Bullets on later lines stay as they are, so export → import of a note is still a no-op."""
    df = pd.DataFrame({"a": ["Sentra Bima", "x10 y", "2024-01", "catatan:\n- satu\n- dua"]})
    assert neutralise_formulas(df)["a"].tolist() == ["Sentra Bima", "x10 y", "2024-01", "catatan:\n- satu\n- dua"]


# ---------------------------------------------------------------- workbook bombs
def _workbook(rows: list[list]) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "data"
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _declare(raw: bytes, ref: str) -> bytes:
    """The same workbook with its sheet's <dimension ref> rewritten (what a hostile file does)."""
    src, out = zipfile.ZipFile(io.BytesIO(raw)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{ref}"'.encode(), data)
            dst.writestr(item, data)
    return out.getvalue()


def _bounded(raw: bytes):
    tracemalloc.start()
    start = time.perf_counter()
    try:
        result = read_table(raw, "bom.xlsx")
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return result, elapsed, peak


def test_a_workbook_declaring_the_whole_sheet_is_refused_quickly():
    raw = _declare(_workbook([KASUS, kasus().loc[2].tolist()]), "A1:XFD1048576")
    assert len(raw) < 10_000
    result, elapsed, peak = _bounded(raw)
    assert result.table is None and "baris" in result.problems[0].message
    assert elapsed < 5 and peak < 100 * 1024 * 1024


def test_a_workbook_with_one_far_away_cell_is_refused_quickly():
    wb = Workbook()
    ws = wb.active
    ws.title = "data"
    ws.append(KASUS)
    ws["XFD1048576"] = "x"
    buf = io.BytesIO()
    wb.save(buf)
    result, elapsed, peak = _bounded(buf.getvalue())
    assert result.table is None and "batas" in result.problems[0].message
    assert elapsed < 5 and peak < 100 * 1024 * 1024


def test_rows_beyond_the_cap_without_a_dimension_are_refused():
    raw = _declare(_workbook([["a"]] + [[i] for i in range(50)]), "A1")  # lies: says one cell
    from domain import file_reading

    original = file_reading.MAX_XLSX_ROWS
    file_reading.MAX_XLSX_ROWS = 20
    try:
        result = read_table(raw, "k.xlsx")
    finally:
        file_reading.MAX_XLSX_ROWS = original
    assert result.table is None and "batas" in result.problems[0].message


def test_an_archive_that_inflates_too_far_is_refused():
    """A valid workbook whose sheet XML inflates to 250 MB (blank padding compresses about 1000:1)."""
    src, buf = zipfile.ZipFile(io.BytesIO(_workbook([["a"], [1]]))), io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data += b" " * (250 * 1024 * 1024)
            dst.writestr(item.filename, data)
    raw = buf.getvalue()
    assert len(raw) < 1024 * 1024
    result, elapsed, _ = _bounded(raw)
    assert result.table is None and "MB" in result.problems[0].message and elapsed < 5


def test_caps_leave_room_for_real_files():
    """The demo case file (22,000 rows, 10 columns) and every template fit well inside the caps."""
    assert MAX_XLSX_ROWS >= 100_000 and MAX_XLSX_COLUMNS >= 2 * max(len(k.columns) for k in KINDS.values())
    assert WARNING


def test_a_far_cell_in_every_row_hits_the_cell_budget_quickly():
    wb = Workbook()
    ws = wb.active
    ws.title = "data"
    for r in range(1, 400):
        ws.cell(row=r, column=1, value="a")
        ws.cell(row=r, column=16384, value="x")
    buf = io.BytesIO()
    wb.save(buf)
    result, elapsed, peak = _bounded(_declare(buf.getvalue(), "A1"))  # the declared size lies
    assert result.table is None and "batas" in result.problems[0].message
    assert elapsed < 5 and peak < 200 * 1024 * 1024


def test_a_demo_sized_workbook_is_read_quickly():
    base = kasus().loc[2].tolist()
    raw = _workbook([KASUS] + [base[:-1] + [i % 7] for i in range(22_000)])
    start = time.perf_counter()
    result = read_table(raw, "k.xlsx", numeric_columns={"jumlah"})
    assert result.ok and len(result.table) == 22_000
    assert time.perf_counter() - start < 30
