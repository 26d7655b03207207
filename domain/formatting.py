"""Indonesian (default) and English number and date formatting through Babel, never by hand."""

from __future__ import annotations

import datetime as dt
import math

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal, format_percent

LOCALES = {"id": "id_ID", "en": "en_GB"}


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["id"])


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def fmt_int(value: float | int | None, lang: str = "id", missing: str = "–") -> str:
    """4320 → '4.320' (id) / '4,320' (en)."""
    return missing if _missing(value) else format_decimal(round(float(value)), format="#,##0", locale=_locale(lang))


def fmt_dec(value: float | None, digits: int = 1, lang: str = "id", missing: str = "–") -> str:
    """12.5 → '12,5'."""
    if _missing(value):
        return missing
    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    return format_decimal(value, format=pattern, locale=_locale(lang))


def fmt_pct(share: float | None, digits: int = 1, lang: str = "id", missing: str = "–") -> str:
    """0.125 → '12,5%'."""
    if _missing(share):
        return missing
    pattern = "#,##0." + "0" * digits + "%" if digits else "#,##0%"
    return format_percent(share, format=pattern, locale=_locale(lang))


def fmt_change(share: float | None, lang: str = "id", missing: str = "–") -> str:
    """Signed percent change: 0.083 → '+8,3%'."""
    if _missing(share):
        return missing
    text = fmt_pct(abs(share), lang=lang)
    return ("+" if share > 0 else "−" if share < 0 else "±") + text


def fmt_month(value: dt.date, lang: str = "id") -> str:
    """date(2025, 1, 1) → 'Jan 2025' (id: Jan, Feb, Mar, Apr, Mei, Jun, Jul, Agu, Sep, Okt, Nov, Des)."""
    return format_date(value, "MMM yyyy", locale=_locale(lang)).replace(".", "")


def fmt_period(start: dt.date | None, end: dt.date | None, lang: str = "id") -> str:
    """'Jan 2023 – Jul 2025'; within one year 'Jan–Jul 2025'; one month 'Jul 2025'."""
    if not start or not end:
        return "–"
    if start == end:
        return fmt_month(start, lang)
    if start.year == end.year:
        return f"{_month_name(start, lang)}–{fmt_month(end, lang)}"
    return f"{fmt_month(start, lang)} – {fmt_month(end, lang)}"


def fmt_year(year: int, months: tuple[dt.date, dt.date] | None, lang: str = "id") -> str:
    """'2024' for a year the data cover fully, '2025 (Jan–Jul)' for a partial one (months: first, last)."""
    if months is None:
        return str(year)
    first, last = months
    if first == dt.date(year, 1, 1) and last == dt.date(year, 12, 1):
        return str(year)
    inner = _month_name(first, lang) if first == last else f"{_month_name(first, lang)}–{_month_name(last, lang)}"
    return f"{year} ({inner})"


def _month_name(value: dt.date, lang: str) -> str:
    return format_date(value, "MMM", locale=_locale(lang)).replace(".", "")


def fmt_date(value: dt.date | dt.datetime | None, lang: str = "id") -> str:
    """'30 Nov 2026'; with time for datetimes."""
    if value is None:
        return "–"
    if isinstance(value, dt.datetime):
        return format_datetime(value, "d MMM yyyy HH:mm", locale=_locale(lang)).replace(".", "")
    return format_date(value, "d MMM yyyy", locale=_locale(lang)).replace(".", "")


def short_area_name(name: str) -> str:
    """A kabupaten's name without the "Kabupaten " every other row repeats (a narrow table cut them all to
    "Kabupaten Lombok"); a kota keeps "Kota ", which tells Kota Bima from (Kabupaten) Bima."""
    for prefix in ("Kabupaten ", "Kab. "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name
