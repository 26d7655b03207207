"""The `wisn` command on real CSV files: encodings, separators, and refusing bad input cleanly."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from cli.wisn import _normalise_number, main, run
from domain.wisn import RESULT_COLUMNS

PARAMS_HEADER = ["unit", "role", "working_days", "public_holidays", "annual_leave", "sick_leave", "other_leave",
                 "hours_per_day", "current_staff"]
ACTIVITIES_HEADER = ["unit", "role", "activity", "kind", "time_per_unit_minutes", "annual_workload",
                     "percent_of_time", "hours_per_year", "staff_doing"]
UNIT, ROLE = "Sentra Handayani", "Pekerja Sosial"


def _params_rows() -> list[list[str]]:
    return [[UNIT, ROLE, "260", "15", "12", "5", "3", "8", "3"]]  # spreadsheet row 2


def _activities_rows() -> list[list[str]]:
    # The hand-worked example of test_wisn: required 4.05, ratio 0.74, shortage −1.05.
    return [
        [UNIT, ROLE, "Asesmen korban", "service", "90", "600", "", "", ""],  # row 2
        [UNIT, ROLE, "Konseling psikososial", "service", "60", "2700", "", "", ""],  # row 3
        [UNIT, ROLE, "Kunjungan rumah", "service", "240", "450", "", "", ""],  # row 4
        [UNIT, ROLE, "Rapat kasus", "support", "", "", "10", "", ""],  # row 5
        [UNIT, ROLE, "Administrasi kasus", "support", "", "", "10", "", ""],  # row 6
        [UNIT, ROLE, "Supervisi", "individual", "", "", "", "360", "1"],  # row 7
        [UNIT, ROLE, "Melatih relawan", "individual", "", "", "", "90", "2"],  # row 8
    ]


def _write_csv(path: Path, header: list[str], rows: list[list[str]], separator: str = ",",
               encoding: str = "utf-8") -> Path:
    # Written by hand rather than with the csv module so each test controls the exact bytes.
    lines = [separator.join(header)] + [separator.join(row) for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def _run(tmp_path: Path, params: list[list[str]], activities: list[list[str]], separator: str = ",",
         encoding: str = "utf-8") -> tuple[int, str, Path]:
    params_path = _write_csv(tmp_path / "PARAMS.csv", PARAMS_HEADER, params, separator, encoding)
    activities_path = _write_csv(tmp_path / "ACTIVITIES.csv", ACTIVITIES_HEADER, activities, separator, encoding)
    out_path = tmp_path / "RESULT.csv"
    stderr = io.StringIO()
    code = run(params_path, activities_path, out_path, stderr=stderr)
    return code, stderr.getvalue(), out_path


def _only_inputs_left(tmp_path: Path) -> bool:
    return sorted(p.name for p in tmp_path.iterdir()) == ["ACTIVITIES.csv", "PARAMS.csv"]


def test_success_writes_exact_columns_rounded_to_two_decimals(tmp_path: Path) -> None:
    code, stderr, out_path = _run(tmp_path, _params_rows(), _activities_rows())

    assert (code, stderr) == (0, "")
    result = pd.read_csv(out_path, encoding="utf-8-sig")
    assert list(result.columns) == list(RESULT_COLUMNS)
    assert result.iloc[0].tolist() == [UNIT, ROLE, 1800, 3.0, 1.25, 0.3, 4.05, 3, 0.74, -1.05]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ACTIVITIES.csv", "PARAMS.csv", "RESULT.csv"]


def test_semicolon_file_with_decimal_comma_is_read(tmp_path: Path) -> None:
    params = _params_rows()
    params[0][7] = "7,5"  # 225 days × 7.5 h = 1,687.5 h
    activities = _activities_rows()
    activities[3][6] = "12,5"  # support 12.5 % + 10 % = 22.5 % → CAF 1 / 0.775 = 1.29

    code, stderr, out_path = _run(tmp_path, params, activities, separator=";")

    assert (code, stderr) == (0, "")
    result = pd.read_csv(out_path, encoding="utf-8-sig")
    assert (result.loc[0, "awt_hours"], result.loc[0, "caf"]) == (1687.5, 1.29)


def test_windows_1252_file_keeps_en_dash_in_names(tmp_path: Path) -> None:
    role = "Pekerja Sosial – Anak"
    params = [[UNIT, role, *_params_rows()[0][2:]]]
    activities = [[UNIT, role, *row[2:]] for row in _activities_rows()]

    code, stderr, out_path = _run(tmp_path, params, activities, encoding="cp1252")

    assert (code, stderr) == (0, "")
    assert pd.read_csv(out_path, encoding="utf-8-sig").loc[0, "role"] == role


def _drop(rows: list[list[str]], header: list[str], column: str) -> tuple[list[str], list[list[str]]]:
    i = header.index(column)
    return header[:i] + header[i + 1:], [row[:i] + row[i + 1:] for row in rows]


def _with(rows: list[list[str]], index: int, column: int, value: str) -> list[list[str]]:
    rows[index][column] = value
    return rows


BAD_INPUTS = [
    # (id, params rows, activities rows, separator, encoding, expected fragments on stderr)
    ("negative-number", _with(_params_rows(), 0, 5, "-5"), _activities_rows(), ",", "utf-8",
     ["PARAMS.csv", "baris 2", "kolom sick_leave", "tidak boleh negatif"]),
    ("support-100-percent", _params_rows(), _with(_activities_rows(), 4, 6, "90"), ",", "utf-8",
     ["ACTIVITIES.csv", "baris 5", "kolom percent_of_time", "kurang dari 100%"]),
    ("zero-time-per-unit", _params_rows(), _with(_activities_rows(), 2, 4, "0"), ",", "utf-8",
     ["ACTIVITIES.csv", "baris 4", "kolom time_per_unit_minutes", "lebih dari 0 menit"]),
    ("role-without-params", _params_rows(), _with(_activities_rows(), 6, 1, "Psikolog"), ",", "utf-8",
     ["ACTIVITIES.csv", "baris 8", "kolom unit/role", "'Psikolog' tidak ada di PARAMS"]),
    ("semicolon-decimal-comma", _with(_params_rows(), 0, 4, "-1,5"), _with(_activities_rows(), 1, 4, "abc"),
     ";", "utf-8", ["PARAMS.csv", "baris 2", "kolom annual_leave", "-1.5 tidak boleh negatif",
                    "ACTIVITIES.csv", "baris 3", "kolom time_per_unit_minutes", "'abc' bukan angka"]),
    ("semicolon-dot-thousands-is-ambiguous", _params_rows(), _with(_activities_rows(), 1, 5, "2.700"), ";",
     "utf-8", ["ACTIVITIES.csv", "baris 3", "kolom annual_workload", "ambigu", "2700"]),
    ("windows-1252", [[UNIT, "Pekerja Sosial – Anak", "260", "15", "12", "5", "3", "delapan", "3"]],
     [[UNIT, "Pekerja Sosial – Anak", *row[2:]] for row in _activities_rows()], ",", "cp1252",
     ["PARAMS.csv", "baris 2", "kolom hours_per_day", "'delapan' bukan angka"]),
    ("windows-1252-role-mismatch", _params_rows(),
     [[UNIT, "Pekerja Sosial – Anak", *row[2:]] for row in _activities_rows()], ";", "cp1252",
     ["ACTIVITIES.csv", "baris 2", "'Pekerja Sosial – Anak' tidak ada di PARAMS"]),
    ("extra-cells", _params_rows(), _activities_rows()[:1] + [_activities_rows()[1] + ["lagi"]], ",", "utf-8",
     ["ACTIVITIES.csv", "baris 3", "lebih banyak dari 9 kolom"]),
]


@pytest.mark.parametrize(("params", "activities", "separator", "encoding", "fragments"),
                         [case[1:] for case in BAD_INPUTS], ids=[case[0] for case in BAD_INPUTS])
def test_bad_input_exits_2_names_the_row_and_writes_nothing(
    tmp_path: Path, params: list[list[str]], activities: list[list[str]], separator: str, encoding: str,
    fragments: list[str],
) -> None:
    code, stderr, out_path = _run(tmp_path, params, activities, separator, encoding)

    assert code == 2
    for fragment in fragments:
        assert fragment in stderr
    assert not out_path.exists()
    assert _only_inputs_left(tmp_path)


@pytest.mark.parametrize(("file", "header", "rows"), [
    ("PARAMS", PARAMS_HEADER, _params_rows()),
    ("ACTIVITIES", ACTIVITIES_HEADER, _activities_rows()),
])
def test_missing_column_exits_2(tmp_path: Path, file: str, header: list[str], rows: list[list[str]]) -> None:
    _write_csv(tmp_path / "PARAMS.csv", PARAMS_HEADER, _params_rows())
    _write_csv(tmp_path / "ACTIVITIES.csv", ACTIVITIES_HEADER, _activities_rows())
    _write_csv(tmp_path / f"{file}.csv", *_drop(rows, header, "role"))  # overwrite one with "role" removed
    stderr = io.StringIO()

    code = run(tmp_path / "PARAMS.csv", tmp_path / "ACTIVITIES.csv", tmp_path / "RESULT.csv", stderr=stderr)

    assert code == 2
    assert f"{file}.csv ({file}), baris 1 (judul kolom), kolom role: Kolom wajib" in stderr.getvalue()
    assert _only_inputs_left(tmp_path)


@pytest.mark.parametrize(
    ("cell", "separator", "expected", "ambiguous"),
    [
        ("7,5", ";", "7.5", False),
        ("1.234,5", ";", "1234.5", False),  # dots can only group thousands when a comma marks decimals
        ("1.234.567", ";", "1234567", False),
        ("2.700", ";", "2.700", True),  # 2700, or 2.7 typed the English way?
        ("0.500", ";", "0.500", False),  # a leading zero is never thousands grouping
        ("7,5", ",", "7.5", False),  # quoted in a comma file
        ("1,500", ",", "1,500", True),  # English thousands, or a decimal comma?
        ("1234,567", ",", "1234.567", False),
        ("2.700", ",", "2.700", False),
    ],
)
def test_decimal_comma_is_accepted_only_where_unambiguous(
    cell: str, separator: str, expected: str, ambiguous: bool
) -> None:
    value, message = _normalise_number(cell, separator)
    assert value == expected
    assert (message is not None and "ambigu" in message) == ambiguous


def test_all_problems_are_listed_not_just_the_first(tmp_path: Path) -> None:
    params = _with(_params_rows(), 0, 2, "x")
    activities = _with(_with(_activities_rows(), 0, 3, "layanan"), 6, 7, "-90")

    code, stderr, _ = _run(tmp_path, params, activities)

    assert code == 2
    assert stderr.splitlines()[0] == "Ditemukan 3 masalah; berkas hasil tidak ditulis."
    assert [line.split(":")[0] for line in stderr.splitlines()[1:]] == [
        "- PARAMS.csv (PARAMS), baris 2, kolom working_days",
        "- ACTIVITIES.csv (ACTIVITIES), baris 2, kolom kind",
        "- ACTIVITIES.csv (ACTIVITIES), baris 8, kolom hours_per_year",
    ]


def test_blank_spreadsheet_rows_keep_row_numbers(tmp_path: Path) -> None:
    activities = _activities_rows()
    activities.insert(2, [""] * len(ACTIVITIES_HEADER))  # Excel's ",,,,,,,," line: now row 4
    activities[3][5] = "banyak"  # "Kunjungan rumah", now row 5

    code, stderr, _ = _run(tmp_path, _params_rows(), activities)

    assert code == 2
    assert "baris 5, kolom annual_workload" in stderr


def test_missing_and_unreadable_files_exit_2(tmp_path: Path) -> None:
    (tmp_path / "ACTIVITIES.csv").write_bytes(b"\x81\x8d\x8f\x90\x9d")  # neither UTF-8 nor Windows-1252
    stderr = io.StringIO()

    code = run(tmp_path / "tidak-ada.csv", tmp_path / "ACTIVITIES.csv", tmp_path / "RESULT.csv", stderr=stderr)

    assert code == 2
    assert "tidak-ada.csv (PARAMS): Berkas" in stderr.getvalue() and "tidak ditemukan" in stderr.getvalue()
    assert "ACTIVITIES.csv (ACTIVITIES): Berkas bukan teks CSV" in stderr.getvalue()
    assert not (tmp_path / "RESULT.csv").exists()


def test_bad_input_leaves_an_earlier_result_untouched(tmp_path: Path) -> None:
    out_path = tmp_path / "RESULT.csv"
    out_path.write_text("hasil lama\n", encoding="utf-8")

    code, _, _ = _run(tmp_path, _with(_params_rows(), 0, 8, "-3"), _activities_rows())

    assert code == 2
    assert out_path.read_text(encoding="utf-8") == "hasil lama\n"


def test_unwritable_output_folder_exits_2_without_traceback(tmp_path: Path) -> None:
    _run(tmp_path, _params_rows(), _activities_rows())
    stderr = io.StringIO()

    code = run(tmp_path / "PARAMS.csv", tmp_path / "ACTIVITIES.csv", tmp_path / "tidak-ada" / "RESULT.csv",
               stderr=stderr)

    assert code == 2
    assert "tidak dapat ditulis" in stderr.getvalue()


def test_main_parses_arguments_and_reports_on_real_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    params_path = _write_csv(tmp_path / "PARAMS.csv", PARAMS_HEADER, _params_rows())
    activities_path = _write_csv(tmp_path / "ACTIVITIES.csv", ACTIVITIES_HEADER, _activities_rows())
    out_path = tmp_path / "RESULT.csv"

    assert main([str(params_path), str(activities_path), "--out", str(out_path)]) == 0
    assert out_path.exists()

    _write_csv(params_path, PARAMS_HEADER, _with(_params_rows(), 0, 2, "-1"))
    assert main([str(params_path), str(activities_path), "--out", str(tmp_path / "LAGI.csv")]) == 2
    assert "baris 2, kolom working_days" in capsys.readouterr().err
    assert not (tmp_path / "LAGI.csv").exists()
