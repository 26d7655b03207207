"""Import validation: cell parsers, region names, codes, ranges, keys and plausibility, per data kind."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from domain.taxonomy import INSTANSI, MODUS, PERAN_SDM, TAHAP
from domain.validation import (
    ERROR, KINDS, WARNING, CellError, Problem, ReferenceSets, RegionIndex, parse_bool, parse_float, parse_int,
    parse_month, parse_quarter, problems_table, quarter_label, resolve_kind, validate,
)

REFS = ReferenceSets(
    regions={"35": "Jawa Timur", "35.08": "Kabupaten Lumajang", "35.10": "Kabupaten Banyuwangi", "31": "DKI Jakarta",
             "52": "Nusa Tenggara Barat", "52.03": "Kabupaten Lombok Timur", "52.06": "Kabupaten Bima",
             "52.72": "Kota Bima"},
    countries={"MYS": "Malaysia", "KHM": "Kamboja"},
    units={"SEN-01": "Sentra Uji", "RPTC-01": "RPTC Uji"},
    modus=frozenset(c.kode for c in MODUS), tahap=frozenset(c.kode for c in TAHAP),
    instansi=frozenset(c.kode for c in INSTANSI), peran=frozenset(c.kode for c in PERAN_SDM),
    today=dt.date(2025, 6, 15),
)
KASUS_HEADER = KINDS["kasus"].names
KASUS_ROW = {"bulan": "2024-01", "kode_asal": "52.03", "kode_tujuan": "MYS", "modus": "kerja_paksa",
             "jenis_kelamin": "P", "kelompok_umur": "dewasa", "tahap": "asesmen", "kode_unit": "SEN-01",
             "instansi": "KEMENSOS", "jumlah": "12"}


def table(rows: list[dict], header=None) -> pd.DataFrame:
    """Cells as the reader gives them: text, index = spreadsheet row (first data row = 2)."""
    header = list(header or rows[0].keys())
    return pd.DataFrame([[r.get(h, "") for h in header] for r in rows], columns=header,
                        index=range(2, 2 + len(rows)), dtype=object)


def kasus(*changes: dict) -> pd.DataFrame:
    return table([{**KASUS_ROW, **c} for c in changes] or [KASUS_ROW])


# ---------------------------------------------------------------- parsers
@pytest.mark.parametrize(("text", "expected"), [
    ("2024-01", dt.date(2024, 1, 1)), ("2024-1", dt.date(2024, 1, 1)), ("2024-01-01", dt.date(2024, 1, 1)),
    ("2024-03-15", dt.date(2024, 3, 1)), ("2024-01-01 00:00:00", dt.date(2024, 1, 1)),
    ("01/2024", dt.date(2024, 1, 1)), ("15/03/2024", dt.date(2024, 3, 1)), ("Jan 2024", dt.date(2024, 1, 1)),
    ("Mei 2024", dt.date(2024, 5, 1)), ("Agustus 2023", dt.date(2023, 8, 1)), ("Des-24", dt.date(2024, 12, 1)),
    ("okt 2024", dt.date(2024, 10, 1)),
])
def test_parse_month(text, expected):
    assert parse_month(text) == expected


@pytest.mark.parametrize("text", ["2024-13", "Jnu 2024", "2024", "kemarin", "13/2024"])
def test_parse_month_rejects(text):
    with pytest.raises(ValueError, match="tidak valid; tulis TTTT-BB|tidak valid: bulan"):
        parse_month(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("2024-Q1", dt.date(2024, 1, 1)), ("2024Q3", dt.date(2024, 7, 1)), ("Q4 2023", dt.date(2023, 10, 1)),
    ("2024-K2", dt.date(2024, 4, 1)), ("2024-04", dt.date(2024, 4, 1)), ("2024-10-01", dt.date(2024, 10, 1)),
])
def test_parse_quarter(text, expected):
    assert parse_quarter(text) == expected
    assert quarter_label(expected) == f"{expected.year}-Q{(expected.month - 1) // 3 + 1}"


@pytest.mark.parametrize("text", ["2024-Q5", "2024-02", "kuartal satu"])
def test_parse_quarter_rejects(text):
    with pytest.raises(CellError):
        parse_quarter(text)


@pytest.mark.parametrize(("text", "expected"), [("12", 12), ("12.0", 12), ("-3", -3), ("+4", 4), ("0", 0)])
def test_parse_int(text, expected):
    assert parse_int(text) == expected


@pytest.mark.parametrize(("text", "fragment"), [("2.5", "pecahan"), ("dua", "bukan angka"), ("1e3", "pecahan")])
def test_parse_int_rejects(text, fragment):
    with pytest.raises(CellError, match=fragment):
        parse_int(text)


@pytest.mark.parametrize(("text", "expected"), [("ya", True), ("Tidak", False), ("1", True), ("FALSE", False)])
def test_parse_bool(text, expected):
    assert parse_bool(text) is expected


@pytest.mark.parametrize("text", ["nan", "inf", "1,5", ""])
def test_parse_float_rejects(text):
    with pytest.raises(CellError):
        parse_float(text)


# ---------------------------------------------------------------- regions
@pytest.mark.parametrize(("text", "code"), [
    ("52.03", "52.03"), ("52", "52"), ("35.1", "35.10"),  # Excel dropped the trailing zero
    ("Kab. Lombok Timur", "52.03"), ("KABUPATEN LOMBOK TIMUR", "52.03"), ("Lombok Timur", "52.03"),
    ("Kab Lumajang", "35.08"), ("Kota Bima", "52.72"), ("Nusa Tenggara Barat", "52"), ("Prov. Jawa Timur", "35"),
])
def test_region_names_resolve_to_codes(text, code):
    assert RegionIndex.build(REFS.regions).resolve(text) == code


@pytest.mark.parametrize(("text", "fragments"), [
    ("Bima", ("lebih dari satu", "52.06", "52.72")),
    ("Kab. Lombok Timurr", ("tidak ditemukan", "Mungkin maksudnya", "52.03")),
    ("99.99", ("tidak ada dalam daftar Kemendagri",)),
    ("Atlantis", ("tidak ditemukan",)),
])
def test_region_problems_suggest(text, fragments):
    with pytest.raises(CellError) as info:
        RegionIndex.build(REFS.regions).resolve(text)
    assert all(f in str(info.value) for f in fragments)


# ---------------------------------------------------------------- whole files
def test_good_kasus_file_is_typed_and_derived():
    result = validate("kasus", kasus({}, {"bulan": "Feb 2024", "kode_asal": "Kab. Lumajang", "kode_tujuan": "31",
                                          "kode_unit": "", "modus": "Eksploitasi seksual", "jenis_kelamin": "l",
                                          "instansi": "bp2mi", "jumlah": "+3"}), REFS)
    assert result.ok, [p.describe() for p in result.problems]
    frame = result.frame
    assert frame.loc[2, "bulan"] == dt.date(2024, 1, 1)
    second = frame.loc[3].to_dict()
    assert pd.isna(second.pop("kode_unit"))
    assert second == {
        "bulan": dt.date(2024, 2, 1), "kode_asal": "35.08", "kode_tujuan": "31", "modus": "eksploitasi_seksual",
        "jenis_kelamin": "L", "kelompok_umur": "dewasa", "tahap": "asesmen", "instansi": "BP2MI",
        "jumlah": 3, "kode_prov_asal": "35", "tujuan_jenis": "DN"}
    assert frame.loc[2, "tujuan_jenis"] == "LN"


def _errors(result) -> list[tuple[int | None, str | None]]:
    return [(p.row, p.column) for p in result.errors]


@pytest.mark.parametrize(("changes", "row", "column", "fragment"), [
    ({"jumlah": "-1"}, 2, "jumlah", "negatif"),
    ({"jumlah": "2.5"}, 2, "jumlah", "pecahan"),
    ({"jumlah": "banyak"}, 2, "jumlah", "bukan angka"),
    ({"jumlah": ""}, 2, "jumlah", "wajib diisi"),
    ({"bulan": "2030-01"}, 2, "bulan", "masa depan"),
    ({"bulan": "2025-07"}, 2, "bulan", "masa depan"),  # next month, relative to today
    ({"bulan": "1999-12"}, 2, "bulan", "sebelum tahun 2000"),
    ({"modus": "perbudakan"}, 2, "modus", "tidak dikenal"),
    ({"modus": "kerja_paksaa"}, 2, "modus", "Mungkin maksudnya 'kerja_paksa'"),
    ({"tahap": "vonis"}, 2, "tahap", "tidak dikenal"),
    ({"instansi": "POLRI"}, 2, "instansi", "tidak dikenal"),
    ({"kode_unit": "SEN-77"}, 2, "kode_unit", "Kode unit 'SEN-77' tidak dikenal"),
    ({"kode_tujuan": "XXX"}, 2, "kode_tujuan", "Kode tujuan 'XXX' tidak dikenal"),
    ({"kode_asal": "99.01"}, 2, "kode_asal", "Kemendagri"),
    ({"jenis_kelamin": "X"}, 2, "jenis_kelamin", "L, P"),
    ({"kode_unit": '=HYPERLINK("http://x","klik")'}, 2, "kode_unit", "rumus"),
    ({"jumlah": "=A1*2"}, 2, "jumlah", "rumus"),
    ({"kode_unit": "@SUM(A1)"}, 2, "kode_unit", "rumus"),
])
def test_bad_kasus_cells_are_reported_with_row_and_column(changes, row, column, fragment):
    result = validate("kasus", kasus({"jumlah": "1", "bulan": "2024-05"}, changes), REFS)
    assert not result.ok
    problems = [p for p in result.errors if (p.row, p.column) == (row + 1, column)]
    assert len(problems) == 1, [p.describe() for p in result.problems]
    assert fragment in problems[0].message
    assert all(p.row == row + 1 for p in result.errors), "the good row has no problem"


def test_every_problem_of_a_file_is_reported_at_once():
    result = validate("kasus", kasus({"jumlah": "-1"}, {"modus": "x", "bulan": "2031-01"}, {"kode_asal": "99"}), REFS)
    assert sorted(_errors(result)) == [(2, "jumlah"), (3, "bulan"), (3, "modus"), (4, "kode_asal")]


def test_duplicate_keys_name_both_rows():
    result = validate("kasus", kasus({}, {"jumlah": "3"}, {"bulan": "2024-02"}), REFS)
    assert [(p.row, p.column) for p in result.errors] == [(3, None)]
    assert "baris 2, 3" in result.errors[0].message


def test_empty_unit_and_missing_unit_are_the_same_key():
    result = validate("kasus", kasus({"kode_unit": ""}, {"kode_unit": "", "jumlah": "4"}), REFS)
    assert "Kunci ganda" in result.errors[0].message


def test_missing_required_column_stops_with_the_expected_columns():
    rows = [{k: v for k, v in KASUS_ROW.items() if k != "modus"}]
    result = validate("kasus", table(rows), REFS)
    assert (1, "modus") in _errors(result)
    assert any("Kolom yang diharapkan" in p.message for p in result.errors)


def test_misspelt_column_gets_a_hint():
    rows = [{("jumlh" if k == "jumlah" else k): v for k, v in KASUS_ROW.items()}]
    problem = next(p for p in validate("kasus", table(rows), REFS).errors if p.column == "jumlah")
    assert "jumlh" in problem.message


def test_title_row_above_the_header_is_pointed_out():
    header = ["Data kasus TPPO 2024"] + [""] * (len(KASUS_HEADER) - 1)
    raw = pd.DataFrame([list(KASUS_HEADER), list(KASUS_ROW.values())], columns=[f"c{i}" for i in range(10)],
                       index=[2, 3], dtype=object)
    raw.columns = header[:1] + [f"unnamed_{i}" for i in range(1, 10)]
    result = validate("kasus", raw, REFS)
    assert any("baris 2" in p.message for p in result.errors)


def test_header_only_file_is_rejected():
    result = validate("kasus", pd.DataFrame(columns=list(KASUS_HEADER), dtype=object), REFS)
    assert [p.message for p in result.errors] == ["Berkas hanya berisi baris judul; tidak ada baris data."]


def test_unknown_column_is_a_warning_only():
    result = validate("kasus", table([{**KASUS_ROW, "catatan_petugas": "x"}]), REFS)
    assert result.ok and [(p.row, p.column, p.level) for p in result.warnings] == [(1, "catatan_petugas", WARNING)]


def test_apostrophe_guard_from_our_own_exports_is_removed():
    result = validate("unit_layanan", table([{
        "kode_unit": "SEN-05", "nama": "Sentra Baru", "tipe": "Sentra", "kode_wilayah": "Kab. Lumajang",
        "lat": "-8.1", "lon": "113.2", "kapasitas": "40", "melayani_tppo": "ya", "aktif": "tidak",
        "catatan": "'-", "sasaran": "",
    }]), REFS)
    assert result.ok, [p.describe() for p in result.problems]
    row = result.frame.loc[2]
    assert (row["catatan"], row["tipe"], row["kode_prov"], row["aktif"]) == ("-", "sentra", "35", False)


@pytest.mark.parametrize(("kind", "row", "column", "fragment"), [
    ("okupansi", {"bulan": "2024-01", "kode_unit": "SEN-01", "kapasitas": "50", "penghuni": "10",
                  "penghuni_tppo": "12", "penerimaan": "1", "pemulangan": "1"}, "penghuni_tppo", "lebih banyak"),
    ("staf", {"kuartal": "2024-Q1", "kode_unit": "SEN-01", "peran": "pekerja_sosial", "terisi": "2",
              "bersertifikat": "3", "lowongan": "0"}, "bersertifikat", "lebih banyak"),
    ("staf", {"kuartal": "2024-Q1", "kode_unit": "SEN-01", "peran": "dukun", "terisi": "2",
              "bersertifikat": "1", "lowongan": "0"}, "peran", "tidak dikenal"),
    ("standar", {"peran": "psikolog", "aktivitas": "Konseling", "jenis": "service", "menit_per_unit": "60",
                 "pemicu": "", "frekuensi": "1", "sumber": "SK"}, "pemicu", "jenis service"),
    ("standar", {"peran": "psikolog", "aktivitas": "Administrasi", "jenis": "support", "persen_waktu": "150",
                 "sumber": "SK"}, "persen_waktu", "maksimal 100"),
    ("waktu_kerja", {"peran": "psikolog", "hari_kerja": "20", "libur_nasional": "10", "cuti_tahunan": "12",
                     "cuti_sakit": "0", "cuti_lain": "0", "jam_per_hari": "7,5", "sumber": "x"},
     "hari_kerja", "waktu kerja tersedia"),
    ("unit_layanan", {"kode_unit": "SEN-05", "nama": "X", "tipe": "sentra", "kode_wilayah": "35.08", "lat": "48.8",
                      "lon": "2.3", "kapasitas": "10", "melayani_tppo": "ya", "aktif": "ya"}, "lat", "maksimal 6.5"),
    ("unit_layanan", {"kode_unit": "SEN-0000000005", "nama": "X", "tipe": "sentra", "kode_wilayah": "35.08",
                      "lat": "-8", "lon": "113", "kapasitas": "10", "melayani_tppo": "ya", "aktif": "ya"},
     "kode_unit", "terlalu panjang"),
    ("unit_layanan", {"kode_unit": "SEN-05", "nama": "X", "tipe": "sentra", "kode_wilayah": "35.08", "lat": "-8",
                      "lon": "113", "kapasitas": "10", "melayani_tppo": "mungkin", "aktif": "ya"},
     "melayani_tppo", "ya/tidak"),
    ("populasi", {"kode_wilayah": "52", "tahun": "2026", "jumlah": "5000000", "sumber": "BPS"}, "tahun",
     "masa depan"),
    ("populasi", {"kode_wilayah": "52", "tahun": "2024", "jumlah": "0", "sumber": "BPS"}, "jumlah", "minimal 1"),
])
def test_rules_of_other_kinds(kind, row, column, fragment):
    result = validate(kind, table([row], header=resolve_kind(kind).names), REFS)
    matching = [p for p in result.errors if p.column == column]
    assert matching and fragment in matching[0].message, [p.describe() for p in result.problems]


def test_month_ten_times_the_usual_warns_but_does_not_block():
    refs = ReferenceSets(**{**REFS.__dict__, "usual_monthly": {"kasus": 10.0}})
    result = validate("kasus", kasus({"jumlah": "150"}, {"bulan": "2024-02", "jumlah": "90"}), refs)
    assert result.ok
    assert [(p.row, p.column, p.level) for p in result.warnings] == [(2, "jumlah", WARNING)]
    assert "15 kali" in result.warnings[0].message and "Jan 2024" in result.warnings[0].message


def test_occupancy_above_capacity_warns():
    row = {"bulan": "2024-01", "kode_unit": "SEN-01", "kapasitas": "50", "penghuni": "60", "penghuni_tppo": "12",
           "penerimaan": "1", "pemulangan": "1"}
    result = validate("okupansi", table([row]), REFS)
    assert result.ok and [p.column for p in result.warnings] == ["penghuni"]


def test_unknown_kind():
    with pytest.raises(ValueError, match="tidak dikenal"):
        resolve_kind("cuaca")
    assert resolve_kind("unit").kind == "unit_layanan"


@pytest.mark.parametrize(("problem", "text"), [
    (Problem(5, "jumlah", "Nilai -1 negatif."), "Baris 5, kolom 'jumlah': Nilai -1 negatif."),
    (Problem(None, None, "Berkas kosong."), "Berkas kosong."),
    (Problem(3, None, "x", WARNING), "Baris 3: Peringatan: x"),
])
def test_problem_describe(problem, text):
    assert problem.describe() == text


def test_problems_table():
    df = problems_table([Problem(5, "jumlah", "a"), Problem(None, None, "b", ERROR)])
    assert df.columns.tolist() == ["baris", "kolom", "tingkat", "masalah"]
    assert df["baris"].tolist()[0] == 5 and pd.isna(df["baris"].tolist()[1])


def test_one_month_parser_for_filters_links_cli_and_files():
    """Issue 17: two different parse_month read the same thing differently; now there is one."""
    import domain.filters

    assert parse_month is domain.filters.parse_month
    assert domain.filters.parse_month("Jan 2024") == dt.date(2024, 1, 1)


# ---------------------------------------------------------------- prevention kinds (issue 15)
PLACEMENT = {"tahun": "2025", "bulan": "", "kode_wilayah": "52", "jumlah": "30342"}


@pytest.mark.parametrize(("rows", "expected"), [
    ([PLACEMENT], []),
    ([{**PLACEMENT, "bulan": "6"}], []),  # June 2025 has begun on 15 June 2025
    ([{**PLACEMENT, "bulan": "7"}], [(2, "bulan", "masa depan")]),
    ([{**PLACEMENT, "tahun": "2024", "bulan": "12"}], []),
    ([PLACEMENT, {**PLACEMENT, "bulan": "3"}], [(2, "bulan", "terhitung dua kali")]),
    ([PLACEMENT, {**PLACEMENT, "kode_wilayah": "52.03", "bulan": "3"}], []),  # another area: no double count
    ([{**PLACEMENT, "bulan": "0"}], [(2, "bulan", "minimal 1")]),
])
def test_placement_periods(rows, expected):
    got = validate("penempatan_pmi", table(rows), REFS)
    assert [(p.row, p.column) for p in got.errors] == [(r, c) for r, c, _ in expected]
    assert all(fragment in p.message for p, (_, _, fragment) in zip(got.errors, expected))


@pytest.mark.parametrize(("kind", "row", "derived"), [
    ("kegiatan_pencegahan", {"bulan": "Mei 2024", "kode_wilayah": "Kab. Lombok Timur", "instansi": "bp3mi",
                             "jenis": "Sosialisasi/edukasi", "kegiatan": "2", "peserta": "80"},
     {"kode_wilayah": "52.03", "kode_prov": "52", "instansi": "BP3MI", "jenis": "sosialisasi"}),
    ("pencegahan_keberangkatan", {"bulan": "2024-01", "kode_provinsi": "Nusa Tenggara Barat",
                                  "instansi": "Imigrasi", "jumlah": "20"},
     {"kode_provinsi": "52", "instansi": "IMIGRASI"}),
])
def test_prevention_rows_accept_names_for_codes(kind, row, derived):
    got = validate(kind, table([row]), REFS)
    assert got.ok, [p.describe() for p in got.problems]
    assert {k: got.frame.iloc[0][k] for k in derived} == derived
