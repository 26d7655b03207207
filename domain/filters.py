"""The global filters as one frozen, hashable value: the cache key of every query."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

_MONTHS = {
    "jan": 1, "januari": 1, "january": 1, "feb": 2, "februari": 2, "february": 2, "mar": 3, "maret": 3,
    "march": 3, "apr": 4, "april": 4, "mei": 5, "may": 5, "jun": 6, "juni": 6, "june": 6, "jul": 7, "juli": 7,
    "july": 7, "agu": 8, "agt": 8, "ags": 8, "agustus": 8, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "okt": 10, "oktober": 10, "oct": 10, "october": 10, "nov": 11, "november": 11, "des": 12,
    "desember": 12, "dec": 12, "december": 12,
}


def parse_month(text: str) -> dt.date:
    """First day of the month: 2024-01, 2024-01-01, 01/2024, 15/01/2024, Jan 2024, Januari 2024, Jan-24.

    The one month parser (filters, links, the CLI, imported files); ValueError with an Indonesian message."""
    if not isinstance(text, str):
        raise ValueError(f"Bulan '{text}' tidak valid; tulis TTTT-BB, mis. 2024-01.")
    s = text.strip().lower()
    m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:[ t]00:00(?::00)?)?", s)
    if m:
        year, month = int(m.group(1)), int(m.group(2))
    elif m := re.fullmatch(r"(?:(\d{1,2})[-/.])?(\d{1,2})[-/.](\d{4})", s):
        year, month = int(m.group(3)), int(m.group(2))
    elif m := re.fullmatch(r"([a-z]+)[ \-/.]+(\d{2}|\d{4})", s):
        month = _MONTHS.get(m.group(1), 0)
        year = int(m.group(2)) + (2000 if len(m.group(2)) == 2 else 0)
        if not month:
            raise ValueError(f"Bulan '{text}' tidak valid; tulis TTTT-BB, mis. 2024-01.")
    else:
        raise ValueError(f"Bulan '{text}' tidak valid; tulis TTTT-BB, mis. 2024-01.")
    if not 1 <= month <= 12:
        raise ValueError(f"Bulan '{text}' tidak valid: bulan {month} tidak ada; tulis TTTT-BB, mis. 2024-01.")
    return dt.date(year, month, 1)


def month_key(d: dt.date) -> str:
    return f"{d:%Y-%m}"


@dataclass(frozen=True)
class Filters:
    """Empty tuples mean "all". Months are first days of months, inclusive."""

    start: dt.date | None = None
    end: dt.date | None = None
    provinsi: tuple[str, ...] = field(default_factory=tuple)
    modus: tuple[str, ...] = field(default_factory=tuple)
    jenis_kelamin: tuple[str, ...] = field(default_factory=tuple)
    kelompok_umur: tuple[str, ...] = field(default_factory=tuple)
    instansi: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.start and self.end and self.start > self.end:
            raise ValueError("Awal periode harus sebelum atau sama dengan akhir periode.")
        for name in ("provinsi", "modus", "jenis_kelamin", "kelompok_umur", "instansi"):
            # Sorted tuples: the same selection in another order hits the same cache entry.
            object.__setattr__(self, name, tuple(sorted(set(getattr(self, name)))))

    def with_(self, **changes) -> "Filters":
        return replace(self, **changes)

    def year_earlier(self) -> "Filters":
        """The same window one year back, for year-on-year comparisons."""
        def back(d: dt.date | None) -> dt.date | None:
            return d.replace(year=d.year - 1) if d else None
        return replace(self, start=back(self.start), end=back(self.end))


def for_year(year: int, base: Filters | None = None) -> Filters:
    return (base or Filters()).with_(start=dt.date(year, 1, 1), end=dt.date(year, 12, 1))
