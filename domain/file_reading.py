"""Reading the spreadsheets agencies really send: CSV in UTF-8 (with or without BOM), UTF-16 or Windows-1252,
comma/semicolon/tab separated, or .xlsx; every cell comes back as text, indexed by its spreadsheet row.

Pure apart from read_path (which only reads the bytes). Numbers in the given numeric columns are normalised to
a dot decimal mark where the meaning is unambiguous; otherwise the cell is reported.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from domain.validation import Problem

# Matches .streamlit/config.toml [server] maxUploadSize (MB), so the CLI and the page accept the same files.
MAX_UPLOAD_MB = 20
MAX_BYTES = MAX_UPLOAD_MB * 1024 * 1024
_XLSX_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls / .doc
_BINARY_MAGIC = {b"%PDF": "PDF", b"\x89PNG": "gambar PNG", b"\xff\xd8\xff": "gambar JPEG", b"GIF8": "gambar GIF",
                 b"\x1f\x8b": "arsip gzip", b"Rar!": "arsip RAR", b"7z\xbc\xaf": "arsip 7z"}
# Workbook caps, checked before any cell is read: a 2 KB .xlsx can declare A1:XFD1048576 (17 billion cells) or
# inflate to gigabytes. The demo case file has 22,000 rows of 10 columns; templates have at most 13 columns.
MAX_XLSX_ROWS = 200_000
MAX_XLSX_COLUMNS = 100
MAX_XLSX_CELLS = 3_000_000  # cells read in all (about 300 MB as text at most); the demo case file has 220,000
MAX_XLSX_INFLATED = 200 * 1024 * 1024
_GROUPED = re.compile(r"[+-]?[1-9]\d{0,2}([.,]\d{3})+")
_PLAIN = re.compile(r"[+-]?\d+")


@dataclass
class ReadResult:
    """Cells as text (index = spreadsheet row, header = row 1) or None, and the problems found while reading."""

    table: pd.DataFrame | None
    problems: list[Problem] = field(default_factory=list)
    encoding: str | None = None
    separator: str | None = None
    sheet: str | None = None

    @property
    def ok(self) -> bool:
        return self.table is not None and not self.problems


def _whole(message: str) -> ReadResult:
    return ReadResult(None, [Problem(None, None, message)])


def size_text(n_bytes: int) -> str:
    return f"{n_bytes / (1024 * 1024):.1f}".replace(".", ",") + " MB"


def read_path(path: Path | str, numeric_columns: Collection[str] = (), max_bytes: int = MAX_BYTES) -> ReadResult:
    """read_table on a file; a missing or locked file is a problem, not a traceback."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return _too_big(size, max_bytes)
        raw = path.read_bytes()
    except FileNotFoundError:
        return _whole(f"Berkas '{path}' tidak ditemukan.")
    except OSError:
        return _whole(f"Berkas '{path}' tidak dapat dibuka; pastikan berkas tidak sedang dikunci program lain.")
    return read_table(raw, path.name, numeric_columns, max_bytes)


def _too_big(size: int, max_bytes: int) -> ReadResult:
    return _whole(f"Berkas terlalu besar ({size_text(size)}); batasnya {size_text(max_bytes)}. Pecah berkas per "
                  "tahun atau per instansi lalu impor satu per satu.")


def read_table(raw: bytes, filename: str, numeric_columns: Collection[str] = (),
               max_bytes: int = MAX_BYTES) -> ReadResult:
    """The file's first table as text cells, or the reasons it cannot be read."""
    if len(raw) > max_bytes:
        return _too_big(len(raw), max_bytes)
    if not raw.strip():
        return _whole("Berkas kosong; baris pertama harus berisi nama kolom.")
    name = filename.lower()
    if raw.startswith(_OLE_MAGIC):
        return _whole("Format Excel lama (.xls) tidak didukung; buka berkas di Excel lalu simpan sebagai .xlsx "
                      "atau CSV.")
    for magic, what in _BINARY_MAGIC.items():
        if raw.startswith(magic):
            return _whole(f"Berkas ini {what}, bukan tabel; unggah CSV atau .xlsx.")
    if raw.startswith(_XLSX_MAGIC):
        return _read_xlsx(raw, numeric_columns)
    if name.endswith((".xlsx", ".xlsm")):
        return _whole("Berkas bernama .xlsx tetapi isinya bukan Excel (rusak atau terpotong); simpan ulang dari "
                      "Excel.")
    return _read_csv(raw, numeric_columns)


# ---------------------------------------------------------------- CSV
def decode(raw: bytes) -> tuple[str, str] | None:
    """Text and encoding name; UTF-8 first (it rejects almost every Windows-1252 file with accents)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            return None
    if b"\x00" in raw:
        return None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None


def looks_like_garbage(text: str) -> bool:
    """Control characters, or mostly non-ASCII symbols: a binary file or a wrong encoding, not a table."""
    sample = text[:8192]
    visible = [ch for ch in sample if not ch.isspace()]
    if not visible:
        return False
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n\x1a")
    odd = sum(1 for ch in visible if ord(ch) > 127 and not ch.isalpha())
    high = sum(1 for ch in visible if ord(ch) > 127)
    return control > 0 or odd / len(visible) > 0.05 or high / len(visible) > 0.3


def sniff_separator(header_line: str) -> str:
    counts = {sep: header_line.count(sep) for sep in (";", ",", "\t")}
    best = max(counts, key=lambda s: counts[s])
    return best if counts[best] else ","


def _read_csv(raw: bytes, numeric_columns: Collection[str]) -> ReadResult:
    decoded = decode(raw)
    if decoded is None:
        return _whole("Berkas bukan teks CSV yang dapat dibaca (UTF-8 atau Windows-1252) dan bukan .xlsx; mungkin "
                      "berkas biner atau rusak.")
    text, encoding = decoded
    text = text.lstrip("\ufeff")
    if looks_like_garbage(text):
        return _whole("Isi berkas tidak terbaca sebagai tabel (karakter acak); mungkin berkas biner, atau "
                      "pengodean (encoding) salah. Simpan ulang sebagai CSV UTF-8.")
    if not text.strip():
        return _whole("Berkas kosong; baris pertama harus berisi nama kolom.")
    separator = sniff_separator(text.split("\n", 1)[0])
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True))
    except csv.Error:
        return _whole("Berkas CSV rusak (misalnya tanda kutip tidak ditutup atau berkas terpotong) sehingga tidak "
                      "dapat dibaca.")
    result = _rows_to_table(records, numeric_columns, separator)
    result.encoding, result.separator = encoding, separator
    return result


def _rows_to_table(records: list[list[str]], numeric_columns: Collection[str], separator: str | None) -> ReadResult:
    """Header from row 1, blank rows skipped (row numbers kept), numbers normalised, ragged rows reported."""
    if not records or not any(str(c).strip() for c in records[0]):
        return _whole("Baris pertama kosong; baris 1 harus berisi nama kolom.")
    header = [str(c).strip().lstrip("\ufeff").lower().replace(" ", "_") for c in records[0]]
    problems: list[Problem] = []
    rows, index = [], []
    width = len(header)
    numeric = {i for i, name in enumerate(header) if name in numeric_columns}
    for number, record in enumerate(records[1:], start=2):
        cells = ["" if c is None else str(c) for c in record]
        if not any(c.strip() for c in cells):
            continue
        extra = [c for c in cells[width:] if c.strip()]
        if extra:
            problems.append(Problem(number, None, (
                f"Baris ini berisi {len(cells)} sel, lebih banyak dari {width} kolom di baris judul; periksa pemisah "
                "kolom atau tanda kutip.")))
        cells = (cells + [""] * width)[:width]
        for i in range(width):
            if not header[i] and cells[i].strip():
                problems.append(Problem(number, None, f"Sel kolom ke-{i + 1} berisi data tetapi kolomnya tanpa judul."))
            if i in numeric:
                cells[i], message = normalise_number(cells[i], separator)
                if message:
                    problems.append(Problem(number, header[i], message))
        rows.append(cells)
        index.append(number)
    keep = [i for i, name in enumerate(header) if name]
    table = pd.DataFrame([[r[i] for i in keep] for r in rows], columns=[header[i] for i in keep],
                         index=pd.Index(index, dtype="int64"), dtype=object)
    return ReadResult(table, problems)


def normalise_number(cell: str, separator: str | None) -> tuple[str, str | None]:
    """A number as text with a dot decimal mark, or the cell unchanged with why its meaning is ambiguous.

    separator ';' means the file came from decimal-comma settings (Indonesian Excel): "12,5" is 12.5 and
    "1.234,5" is 1234.5, but "1.234" could be 1234 or 1,234 and is reported. In comma files and .xlsx text
    cells "1,500" is reported for the same reason; "12,5" has only one reading.
    """
    text = cell.strip().replace("\u00a0", "").replace(" ", "")
    if not text or _PLAIN.fullmatch(text):
        return text, None
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        group = "." if decimal == "," else ","
        whole, _, fraction = text.rpartition(decimal)
        if _GROUPED.fullmatch(whole) and group in whole and fraction.isdigit():
            return f"{whole.replace(group, '')}.{fraction}", None
        return text, f"Angka '{cell.strip()}' tidak dapat dibaca; tulis tanpa pemisah ribuan, mis. 1234,5."
    if "," not in text and "." not in text:
        return text, None  # not a number; the validator says so
    mark = "," if "," in text else "."
    parts = text.split(mark)
    if len(parts) > 2:  # 1.234.567 or 1,234,567: only grouping is possible
        if _GROUPED.fullmatch(text):
            return text.replace(mark, ""), None
        return text, f"Angka '{cell.strip()}' tidak dapat dibaca."
    whole, fraction = parts
    if not (re.fullmatch(r"[+-]?\d*", whole) and fraction.isdigit()):
        return text, None  # not a number; the validator says so
    grouping_possible = len(fraction) == 3 and re.fullmatch(r"[+-]?[1-9]\d{0,2}", whole) is not None
    comma_locale = separator == ";"
    if mark == ",":
        if grouping_possible and not comma_locale:
            return text, _ambiguous(cell.strip(), whole + fraction, f"{whole}.{fraction}")
        return f"{whole}.{fraction}", None
    if grouping_possible and comma_locale:
        return text, _ambiguous(cell.strip(), whole + fraction, f"{whole},{fraction}")
    return text, None


def _ambiguous(text: str, as_whole: str, as_fraction: str) -> str:
    return (f"Angka '{text}' ambigu: bisa dibaca {as_whole} atau {as_fraction}. Tulis {as_whole} tanpa pemisah "
            f"ribuan, atau gunakan koma desimal ({as_fraction.replace('.', ',')}) bila maksudnya pecahan.")


# ---------------------------------------------------------------- xlsx
def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _inflated_size(raw: bytes) -> int | None:
    """Bytes the archive declares once unpacked (zipfile stops reading a member at its declared size)."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def _too_wide(rows: int | str | None, columns: int | None) -> str | None:
    if isinstance(rows, int | None) and (rows or 0) <= MAX_XLSX_ROWS + 1 and (columns or 0) <= MAX_XLSX_COLUMNS \
            and (rows or 0) * (columns or 0) <= MAX_XLSX_CELLS:
        return None
    def shown(n: int | str | None) -> str:
        return f"{n:,}".replace(",", ".") if isinstance(n, int) else str(n or "?")

    return (f"Lembar terlalu besar: {shown(rows)} baris × {shown(columns)} kolom; batasnya {shown(MAX_XLSX_ROWS)} "
            f"baris data dan {MAX_XLSX_COLUMNS} kolom. Hapus baris dan kolom kosong di bawah/kanan tabel (termasuk "
            "yang hanya berformat) atau simpan sebagai CSV.")


def _read_xlsx(raw: bytes, numeric_columns: Collection[str]) -> ReadResult:
    from openpyxl import load_workbook

    inflated = _inflated_size(raw)
    if inflated is not None and inflated > MAX_XLSX_INFLATED:
        return _whole(f"Isi berkas .xlsx setelah dibuka {size_text(inflated)}, melebihi batas "
                      f"{size_text(MAX_XLSX_INFLATED)}; berkas ini tidak dibaca. Simpan ulang hanya tabelnya.")
    try:
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        return _whole("Berkas .xlsx rusak atau terpotong, atau bukan buku kerja Excel; simpan ulang dari Excel.")
    except Exception:  # noqa: BLE001 — openpyxl raises many kinds on a damaged archive
        return _whole("Berkas .xlsx tidak dapat dibaca (rusak atau terpotong); simpan ulang dari Excel.")
    try:
        names = workbook.sheetnames
        chosen = next((n for n in names if n.strip().lower() == "data"), None)
        if chosen is None:
            candidates = [n for n in names if n.strip().lower() != "petunjuk"]
            if len(candidates) != 1:
                return _whole(f"Buku kerja tidak memiliki lembar 'data'; lembar yang ada: {', '.join(names)}. Taruh "
                              "tabel di lembar bernama 'data' (seperti di templat).")
            chosen = candidates[0]
        sheet = workbook[chosen]
        # The declared <dimension> is checked first; then it is dropped, so openpyxl does not pad every row to
        # it, and the rows really present are counted while reading (a file may declare nothing or lie).
        declared = _too_wide(sheet.max_row, sheet.max_column)
        if declared:
            return _whole(declared)
        sheet.reset_dimensions()
        records, cells = [], 0
        for row in sheet.iter_rows(values_only=True):  # rows as stored, not padded to a declared size
            cells += len(row)
            if len(records) > MAX_XLSX_ROWS or cells > MAX_XLSX_CELLS:  # header + MAX_XLSX_ROWS data rows are in
                return _whole(_too_wide(f"lebih dari {len(records):,}".replace(",", "."), None) or "")
            if len(row) > MAX_XLSX_COLUMNS:
                if any(v not in (None, "") for v in row[MAX_XLSX_COLUMNS:]):
                    return _whole(_too_wide(len(records) + 1, len(row)) or "")
                row = row[:MAX_XLSX_COLUMNS]
            records.append([_cell_text(v) for v in row])
    except Exception:  # noqa: BLE001
        return _whole("Isi berkas .xlsx tidak dapat dibaca (rusak atau terpotong); simpan ulang dari Excel.")
    finally:
        workbook.close()
    while records and not any(c.strip() for c in records[-1]):
        records.pop()
    if not records:
        return _whole(f"Lembar '{chosen}' kosong; baris 1 harus berisi nama kolom.")
    result = _rows_to_table(records, numeric_columns, None)
    result.sheet = chosen
    return result
