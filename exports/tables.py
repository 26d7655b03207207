"""Table downloads (CSV, XLSX) that carry their notice and cannot smuggle spreadsheet formulas."""

from __future__ import annotations

import io
import re

import pandas as pd

# OWASP CSV injection: a text cell starting with one of these runs as a formula in Excel/LibreOffice.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Spreadsheets skip these before deciding that a line is a formula (BOM, zero-width, no-break space).
_INVISIBLE = " \t\ufeff\u200b\u200c\u200d\u2060\u00a0"
_LINE_BREAK = re.compile(r"(\r\n|\r|\n)")


# Later lines of a cell are never evaluated by a spreadsheet, only by tools that split lines; there "-" starts a
# bullet far more often than a formula (the import check also allows it), so it stays untouched.
_LATER_LINE_PREFIXES = ("=", "+", "@")


def _risky(line: str, first: bool) -> bool:
    if first:
        return line.startswith(FORMULA_PREFIXES) or line.lstrip(_INVISIBLE).startswith(FORMULA_PREFIXES)
    return line.lstrip(_INVISIBLE).startswith(_LATER_LINE_PREFIXES)


def neutralise_cell(value: object) -> object:
    """Text that a spreadsheet would evaluate gets an apostrophe: at the start of the cell and of every line of a
    multi-line cell (an importer that splits lines must not meet a bare formula either)."""
    if not isinstance(value, str) or not value:
        return value
    parts = _LINE_BREAK.split(value)
    for i in range(0, len(parts), 2):  # even positions are lines, odd ones the breaks between them
        if parts[i] and _risky(parts[i], first=i == 0):
            parts[i] = "'" + parts[i]
    return "".join(parts)


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells (and column names) that a spreadsheet would evaluate with an apostrophe."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise_cell)
    out.columns = [neutralise_cell(str(c)) for c in out.columns]
    return out


def to_csv_bytes(df: pd.DataFrame, notes: tuple[str, ...] = ()) -> bytes:
    """UTF-8 with BOM (Excel opens it with the right accents); notes become leading '# ' lines."""
    buf = io.StringIO()
    for note in notes:
        buf.write(f"# {note}\n")
    neutralise_formulas(df).to_csv(buf, index=False)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_xlsx_bytes(df: pd.DataFrame, sheet: str = "data", notes: tuple[str, ...] = ()) -> bytes:
    """One sheet: the notes in the first rows, then the table."""
    buf = io.BytesIO()
    safe = neutralise_formulas(df)
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        start = len(notes) + 1 if notes else 0
        safe.to_excel(writer, sheet_name=sheet[:31], index=False, startrow=start)
        ws = writer.sheets[sheet[:31]]
        for i, note in enumerate(notes, start=1):
            ws.cell(row=i, column=1, value=str(neutralise_cell(note)))
    return buf.getvalue()
