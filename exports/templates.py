"""Import templates per data kind (.csv header, or .xlsx with 'data', 'Petunjuk' and 'Kode' sheets) and exports
in exactly the import format, so an export can be edited and imported again."""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from domain.file_reading import MAX_UPLOAD_MB
from domain.validation import Col, KindSpec, ReferenceSets, allowed_codes, resolve_kind
from exports.tables import neutralise_cell, to_csv_bytes, to_xlsx_bytes

FORMATS = ("csv", "xlsx")
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TYPE_NAMES = {
    "text": "teks", "code": "kode", "region": "kode wilayah", "int": "bilangan bulat", "float": "angka desimal",
    "month": "bulan TTTT-BB", "quarter": "kuartal TTTT-Qn", "year": "tahun TTTT", "bool": "ya/tidak",
}
# Cells Excel would otherwise turn into dates or numbers ("2024-01", "35.10", "01").
_TEXT_TYPES = frozenset({"text", "code", "region", "month", "quarter"})
_DROPDOWN_MAX = 40
_HEADER_FILL = PatternFill("solid", fgColor="DCE6F2")


def _code_names(col: Col, refs: ReferenceSets) -> dict[str, str]:
    if col.type == "region":
        return dict(sorted(refs.regions.items()))
    if col.codes == "units":
        return dict(sorted(refs.units.items()))
    if col.codes == "tujuan":
        return {**dict(sorted(refs.countries.items())),
                **{k: refs.regions.get(k, k) for k in sorted(refs.provinces)}}
    return {code: "" for code in allowed_codes(col, refs)}


def instructions(kind: str, refs: ReferenceSets) -> pd.DataFrame:
    """One row per column: kolom, wajib, tipe, keterangan, contoh, kode yang berlaku."""
    spec = resolve_kind(kind)
    rows = []
    for col in spec.columns:
        codes = ""
        if col.type in ("code", "region"):
            names = _code_names(col, refs)
            codes = ", ".join(names) if len(names) <= _DROPDOWN_MAX else f"{len(names)} kode: lihat lembar 'Kode'"
        rows.append({"kolom": col.name, "wajib": "ya" if col.required else "tidak", "tipe": TYPE_NAMES[col.type],
                     "keterangan": col.help, "contoh": col.example, "kode yang berlaku": codes})
    return pd.DataFrame(rows)


def _notes(spec: KindSpec) -> list[str]:
    return [
        f"Templat impor: {spec.label} (jenis '{spec.kind}').",
        "Isi tabel di lembar 'data' mulai baris 2; jangan ubah nama kolom di baris 1 dan jangan menambah baris judul.",
        f"Kunci (harus unik per baris): {', '.join(spec.key)}. Baris dengan kunci yang sudah ada memperbarui data "
        "lama; mengimpor berkas yang sama dua kali tidak mengubah apa pun.",
        "Angka: tanpa pemisah ribuan; koma atau titik desimal diterima bila maknanya jelas. Jumlah orang harus "
        "bilangan bulat ≥ 0.",
        "Periode tidak boleh sebelum 2000 atau di masa depan. Wilayah memakai kode Kemendagri (nama wilayah juga "
        "diterima bila cocok dengan satu wilayah).",
        f"Berkas diperiksa utuh sebelum disimpan; satu kesalahan membuat seluruh berkas ditolak dengan daftar baris "
        f"dan kolomnya. Ukuran maksimal {MAX_UPLOAD_MB} MB. Lembar 'Petunjuk' dan 'Kode' tidak ikut diimpor.",
    ]


def make_template(kind: str, fmt: str, refs: ReferenceSets) -> bytes:
    """An empty import file for the kind: a CSV header line, or a workbook with instructions and code lists."""
    spec = resolve_kind(kind)
    if fmt == "csv":
        return to_csv_bytes(pd.DataFrame(columns=list(spec.names)))
    if fmt != "xlsx":
        raise ValueError(f"Format '{fmt}' tidak dikenal; pilih csv atau xlsx.")
    wb = Workbook()
    data = wb.active
    data.title = "data"
    for i, col in enumerate(spec.columns, start=1):
        cell = data.cell(row=1, column=i, value=col.name)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        letter = get_column_letter(i)
        data.column_dimensions[letter].width = max(12, len(col.name) + 4)
        if col.type in _TEXT_TYPES:
            data.column_dimensions[letter].number_format = "@"
    data.freeze_panes = "A2"

    guide = wb.create_sheet("Petunjuk")
    for r, note in enumerate(_notes(spec), start=1):
        guide.cell(row=r, column=1, value=note)
    table = instructions(spec.kind, refs)
    start = len(_notes(spec)) + 2
    for c, name in enumerate(table.columns, start=1):
        cell = guide.cell(row=start, column=c, value=name)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
    for r, values in enumerate(table.itertuples(index=False), start=start + 1):
        for c, value in enumerate(values, start=1):
            guide.cell(row=r, column=c, value=str(neutralise_cell(value))).alignment = Alignment(wrap_text=True,
                                                                                                vertical="top")
    for letter, width in zip("ABCDEF", (20, 8, 16, 60, 24, 60)):
        guide.column_dimensions[letter].width = width

    codes = wb.create_sheet("Kode")
    column = 1
    for i, col in enumerate(spec.columns, start=1):
        if col.type not in ("code", "region"):
            continue
        names = _code_names(col, refs)
        codes.cell(row=1, column=column, value=col.name).font = Font(bold=True)
        codes.cell(row=1, column=column + 1, value="nama").font = Font(bold=True)
        for r, (code, name) in enumerate(names.items(), start=2):
            codes.cell(row=r, column=column, value=code).number_format = "@"
            codes.cell(row=r, column=column + 1, value=name)
        letter = get_column_letter(column)
        codes.column_dimensions[letter].width = 16
        codes.column_dimensions[get_column_letter(column + 1)].width = 40
        if 0 < len(names) <= _DROPDOWN_MAX:
            # A dropdown, but free typing stays allowed: names and lower case are accepted on import.
            rule = DataValidation(type="list", formula1=f"=Kode!${letter}$2:${letter}${len(names) + 1}",
                                  allow_blank=True, showErrorMessage=False)
            rule.add(f"{get_column_letter(i)}2:{get_column_letter(i)}5000")
            data.add_data_validation(rule)
        column += 3
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def export_bytes(df: pd.DataFrame, fmt: str) -> bytes:
    """An export in the import format: a plain CSV (header on row 1), or a workbook whose 'data' sheet is it."""
    if fmt == "csv":
        return to_csv_bytes(df)
    if fmt == "xlsx":
        return to_xlsx_bytes(df, "data")
    raise ValueError(f"Format '{fmt}' tidak dikenal; pilih csv atau xlsx.")


def file_name(kind: str, what: str, fmt: str) -> str:
    return f"{what}_{resolve_kind(kind).kind}.{fmt}"
