"""Honest periods: windows clamped to the months that have data, labels that never name an empty month,
and year-earlier windows only when the data cover them completely."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from domain.filters import Filters


def add_months(d: dt.date, n: int) -> dt.date:
    """First day of the month n months after (n < 0: before) the month of d."""
    index = d.year * 12 + d.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def months_between(start: dt.date, end: dt.date) -> int:
    """Number of months from start to end inclusive (0 when start > end)."""
    return max(0, (end.year - start.year) * 12 + end.month - start.month + 1)


@dataclass(frozen=True)
class Window:
    """An inclusive window of whole months (first days of months)."""

    start: dt.date
    end: dt.date

    @property
    def months(self) -> int:
        return months_between(self.start, self.end)

    def year_earlier(self) -> "Window":
        return Window(self.start.replace(year=self.start.year - 1), self.end.replace(year=self.end.year - 1))

    def covers(self, other: "Window") -> bool:
        return self.start <= other.start and other.end <= self.end


def month_spans(months) -> list[Window]:
    """Months (first days) as the fewest runs of consecutive months, oldest first: [Jan, Feb, Mar, May] reads
    Jan-Mar and May."""
    spans: list[Window] = []
    for month in sorted(set(months)):
        if spans and add_months(spans[-1].end, 1) == month:
            spans[-1] = Window(spans[-1].start, month)
        else:
            spans.append(Window(month, month))
    return spans


def clamp(filters: Filters, first: dt.date | None, last: dt.date | None) -> Filters | None:
    """The filters with their period clamped to the months that have data.

    An open start or end becomes the first or last month with data; a period beyond the data is cut at its
    edge, so "--year 2025" on data ending in July means January to July 2025. None when the period and the
    data do not overlap at all (or there are no data).
    """
    if first is None or last is None:
        return None
    start = max(filters.start or first, first)
    end = min(filters.end or last, last)
    if start > end:
        return None
    return filters.with_(start=start, end=end)


def window_of(filters: Filters) -> Window:
    """The window of clamped filters (start and end set)."""
    if filters.start is None or filters.end is None:
        raise ValueError("clamp the filters to the data before asking for their window")
    return Window(filters.start, filters.end)


# Reasons a comparison is not made; each has a sentence in strings/indikator.py ("cmp.reason.<reason>").
REASON_NOT_COVERED = "not_covered"
REASON_LAG = "lag"


def comparison_window(window: Window, data: Window, lag_months: int = 0) -> tuple[Window | None, str | None]:
    """(the same months a year earlier, None) when that window lies wholly within the data; else (None, reason).

    lag_months: an indicator that only fills in months after the event (reintegration comes months after the
    victim's entry) is not compared while the window ends closer than that to the data's last month, since the
    recent months would still be incomplete and read as a fall.
    """
    if lag_months and add_months(window.end, lag_months) > data.end:
        return None, REASON_LAG
    previous = window.year_earlier()
    if not data.covers(previous):
        return None, REASON_NOT_COVERED
    return previous, None


def is_partial_year(year: int, data: Window) -> bool:
    """True when the data cover only part of the calendar year."""
    return data.start > dt.date(year, 1, 1) or data.end < dt.date(year, 12, 1)


def year_months(year: int, data: Window) -> Window | None:
    """The months of a calendar year that the data cover (None when none)."""
    start, end = max(dt.date(year, 1, 1), data.start), min(dt.date(year, 12, 1), data.end)
    return Window(start, end) if start <= end else None


# --- period presets of the sidebar ("YYYY-MM" month keys, as the filter state holds them) ---------------------
DEFAULT_MONTHS = 12
PRESETS = ("12_bulan", "tahun_berjalan", "tahun_lalu", "semua")
CUSTOM = "atur_sendiri"


def preset_window(preset: str, months: list[str]) -> tuple[str, str] | None:
    """The (first, last) month of a preset over the months with data (sorted "YYYY-MM" keys), or None when the data
    have no month for it:
      12_bulan        the last DEFAULT_MONTHS months with data (the default: it has a year before it to compare);
      tahun_berjalan  January of the latest year with data up to its last month;
      tahun_lalu      the calendar year before that, as far as the data cover it;
      semua           every month with data."""
    if not months:
        return None
    last = months[-1]
    if preset == "12_bulan":
        return months[max(0, len(months) - DEFAULT_MONTHS)], last
    if preset == "tahun_berjalan":
        year = last[:4]
        return next(m for m in months if m[:4] == year), last
    if preset == "tahun_lalu":
        year = str(int(last[:4]) - 1)
        in_year = [m for m in months if m[:4] == year]
        return (in_year[0], in_year[-1]) if in_year else None
    if preset == "semua":
        return months[0], last
    raise ValueError(f"preset periode tidak dikenal: {preset!r}")


def default_period(filters: Filters, data: Window | None) -> Filters:
    """The filters with the pages' default period when they name none: the last DEFAULT_MONTHS months with data,
    so `manage.py summary` and `briefing` open on the window the pages open on (and can compare it with the same
    months a year earlier). Filters that name a start or an end are left as they are."""
    if data is None or filters.start is not None or filters.end is not None:
        return filters
    return filters.with_(start=max(data.start, add_months(data.end, -(DEFAULT_MONTHS - 1))), end=data.end)


def preset_of(start: str | None, end: str | None, months: list[str]) -> str:
    """The preset whose window is (start, end), else CUSTOM. Presets are tried in PRESETS order, so a window that
    two presets share (a data set of exactly twelve months) reads as the first."""
    for preset in PRESETS:
        if (start, end) == preset_window(preset, months):
            return preset
    return CUSTOM
