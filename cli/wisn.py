"""Command `wisn`: read planners' PARAMS and ACTIVITIES CSV files and write WISN staffing need."""

from __future__ import annotations

import argparse
import csv
import io
import os
import re
import sys
import uuid
from pathlib import Path
from typing import TextIO

import pandas as pd

from domain.wisn import (
    ACTIVITIES,
    ACTIVITIES_NUMERIC_COLUMNS,
    PARAMS,
    PARAMS_NUMERIC_COLUMNS,
    WisnInputError,
    WisnProblem,
    compute_wisn_table,
    validate_wisn_inputs,
)

EXIT_OK = 0
EXIT_BAD_INPUT = 2
# UTF-8 rejects almost every Windows-1252 file with accents or dashes, so trying it first is safe.
_ENCODINGS = ("utf-8-sig", "cp1252")
_NUMERIC_COLUMNS = {PARAMS: frozenset(PARAMS_NUMERIC_COLUMNS), ACTIVITIES: frozenset(ACTIVITIES_NUMERIC_COLUMNS)}
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")
# Digits that could be thousands grouping: "2.700", "1.234.567" (a leading 0 rules it out).
_GROUPED_DOTS = re.compile(r"[+-]?[1-9]\d{0,2}(\.\d{3})*")


def run(params_path: Path, activities_path: Path, out_path: Path, stderr: TextIO = sys.stderr) -> int:
    """Validate, compute and write RESULT (2 decimals); on any problem print them all, write nothing, return 2."""
    params_path, activities_path, out_path = Path(params_path), Path(activities_path), Path(out_path)
    file_names = {PARAMS: params_path.name, ACTIVITIES: activities_path.name}
    params, params_problems = _read_table(params_path, PARAMS)
    activities, activities_problems = _read_table(activities_path, ACTIVITIES)
    problems = params_problems + activities_problems
    if params is not None and activities is not None:
        # A cell the reader already rejected would otherwise be reported twice.
        seen = {(p.file, p.row, p.column) for p in problems}
        problems += [p for p in validate_wisn_inputs(params, activities) if (p.file, p.row, p.column) not in seen]
    if problems:
        order = {PARAMS: 0, ACTIVITIES: 1}
        return _report(sorted(problems, key=lambda p: (order[p.file], p.row or 0)), file_names, stderr)
    try:
        result = compute_wisn_table(params, activities)
    except WisnInputError as error:
        return _report(error.problems, file_names, stderr)

    try:
        _write_atomically(result.round(2), out_path)
    except OSError:
        print(f"Berkas hasil '{out_path}' tidak dapat ditulis; periksa folder tujuan dan izin aksesnya.",
              file=stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="wisn",
        description="Hitung kebutuhan staf (WISN) per unit dan peran dari dua berkas CSV.",
    )
    parser.add_argument("params", type=Path, help="PARAMS.csv: waktu kerja dan jumlah staf per unit dan peran")
    parser.add_argument("activities", type=Path, help="ACTIVITIES.csv: kegiatan service, support, individual")
    parser.add_argument("--out", type=Path, required=True, help="berkas hasil RESULT.csv")
    args = parser.parse_args(argv)
    # Resolved now, not at import, so redirected or captured stderr is honoured.
    return run(args.params, args.activities, args.out, stderr=sys.stderr)


def _report(problems: list[WisnProblem], file_names: dict[str, str], stderr: TextIO) -> int:
    print(f"Ditemukan {len(problems)} masalah; berkas hasil tidak ditulis.", file=stderr)
    for problem in problems:
        print(f"- {problem.describe(file_names[problem.file])}", file=stderr)
    return EXIT_BAD_INPUT


def _read_table(path: Path, file: str) -> tuple[pd.DataFrame | None, list[WisnProblem]]:
    """All rows as text, blank rows kept so positions match spreadsheet rows; or the reasons it cannot be read."""
    def whole_file(message: str) -> tuple[None, list[WisnProblem]]:
        return None, [WisnProblem(file, None, None, message)]

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return whole_file(f"Berkas '{path}' tidak ditemukan.")
    except OSError:
        return whole_file(f"Berkas '{path}' tidak dapat dibuka; pastikan itu berkas CSV yang tidak terkunci.")
    text = _decode(raw)
    if text is None:
        return whole_file("Berkas bukan teks CSV yang dapat dibaca (UTF-8 atau Windows-1252).")
    if not text.strip():
        return whole_file("Berkas kosong; baris pertama harus berisi nama kolom.")

    header_line = text.split("\n", 1)[0]
    # Excel writes ';' where the decimal mark is ',' (as in Indonesian settings); column names hold neither.
    separator = ";" if header_line.count(";") > header_line.count(",") else ","
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    except csv.Error:
        return whole_file("Berkas CSV rusak (misalnya tanda kutip tidak ditutup) sehingga tidak dapat dibaca.")

    header = [name.strip().lower() for name in records[0]]
    kept = [i for i, name in enumerate(header) if name]  # trailing separators make nameless columns
    numeric = _NUMERIC_COLUMNS[file]
    problems: list[WisnProblem] = []
    rows = []
    for row_number, record in enumerate(records[1:], start=2):
        extra = [cell for cell in record[len(header):] if cell.strip()]
        if extra:
            problems.append(WisnProblem(
                file, row_number, None,
                f"Baris ini berisi {len(record)} sel, lebih banyak dari {len(header)} kolom di baris judul; "
                "periksa pemisah kolom atau tanda kutip.",
            ))
        cells = record + [""] * (len(header) - len(record))
        row = []
        for i in kept:
            cell = cells[i]
            if header[i] in numeric:
                cell, message = _normalise_number(cell, separator)
                if message:
                    problems.append(WisnProblem(file, row_number, header[i], message))
            row.append(cell)
        rows.append(row)
    return pd.DataFrame(rows, columns=[header[i] for i in kept], dtype=object), problems


def _decode(raw: bytes) -> str | None:
    for encoding in _ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _normalise_number(cell: str, separator: str) -> tuple[str, str | None]:
    """The cell with a dot as decimal mark, or the cell and why its meaning is ambiguous."""
    text = cell.strip()
    if separator == ";":
        # Semicolon files come from decimal-comma settings, where a dot can only group thousands.
        whole, comma, fraction = text.partition(",")
        if _GROUPED_DOTS.fullmatch(whole):
            plain = whole.replace(".", "")
            if not comma and whole.count(".") == 1:  # "2.700": 2700, or 2.7 typed the English way?
                return text, _ambiguous(text, plain, f"{float(whole):g}".replace(".", ","))
            text = plain + comma + fraction
    if _DECIMAL_COMMA.fullmatch(text):
        whole, fraction = text.split(",")
        if separator == "," and len(fraction) == 3 and _GROUPED_DOTS.fullmatch(whole):  # "1,500" in quotes
            return text, _ambiguous(text, whole + fraction, f"{float(f'{whole}.{fraction}'):g}")
        return f"{whole}.{fraction}", None
    return text, None


def _ambiguous(text: str, as_whole: str, as_fraction: str) -> str:
    return (f"Angka '{text}' ambigu: bisa dibaca {as_whole} atau {as_fraction}. Tulis {as_whole} tanpa "
            f"pemisah ribuan, atau {as_fraction} bila maksudnya pecahan.")


def _write_atomically(result: pd.DataFrame, out_path: Path) -> None:
    """Write next to the target and rename, so a failure never leaves a partial RESULT."""
    temporary = out_path.with_name(f".{out_path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        # BOM so Excel shows names such as "Pekerja Sosial – Anak" correctly.
        with open(temporary, "x", encoding="utf-8-sig", newline="") as handle:
            result.to_csv(handle, index=False)
        os.replace(temporary, out_path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


if __name__ == "__main__":
    raise SystemExit(main())
