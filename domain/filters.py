"""The global filters as one frozen, hashable value: the cache key of every query."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(text: str) -> dt.date:
    """'2024-03' → date(2024, 3, 1); raises ValueError with an Indonesian message otherwise."""
    m = _MONTH.match(text.strip()) if isinstance(text, str) else None
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise ValueError(f"Bulan '{text}' tidak valid; gunakan format TTTT-BB, misalnya 2024-03.")
    return dt.date(int(m.group(1)), int(m.group(2)), 1)


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
