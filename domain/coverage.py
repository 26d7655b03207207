"""Each data kind's own months, and the months an indicator actually reads.

Real data arrive ragged: case data may reach August while occupancy stops in July, staff come by quarter,
placements by year. The period in force is clamped to the case data (domain.periods); every other indicator
then reads its own source's months:

* a figure over the period (a flow, an average) reads the period's months that its source covers; when the
  source covers none of them, the figure has no data (never a 0);
* a figure at the period's end (a stock: units on alert, staff in post) or over the 12 months ending there
  (WISN workload) is anchored at the period's end, or at the source's last month when the source stops
  earlier inside the period, and says so; a source that stops before the period starts has no data for it;
* either way, a window cut short by its source carries a note ("okupansi s.d. Jul 2025").

Pure: windows in, windows out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from domain.periods import Window, add_months

# How an indicator reads its source (domain.indicators period rules map onto these).
OVER_PERIOD, AT_END = "periode", "akhir"


@dataclass(frozen=True)
class SourceWindow:
    """The months one source contributes to a figure.

    kind: the data kind (data_status.kode); requested: the period in force; coverage: the kind's first and last
    month with data (None: the kind has no data at all); used: the months the figure reads, None when the source
    has nothing for them; anchor: the month a figure at the period's end is taken at.
    """

    kind: str
    requested: Window
    coverage: Window | None
    used: Window | None
    anchor: dt.date | None = None
    months: int = 0  # a rolling window's intended length (12 for "the 12 months ending there"); 0: the period

    @property
    def short(self) -> bool:
        """A rolling window that reaches back before the source's first month reads fewer months than it names."""
        return self.used is not None and 0 < self.used.months < self.months

    @property
    def has_data(self) -> bool:
        return self.used is not None

    @property
    def cut_end(self) -> bool:
        """The source stops before the period's end: the figure's last month is the source's last month."""
        return self.coverage is not None and self.coverage.end < self.requested.end

    @property
    def cut_start(self) -> bool:
        """The source starts after the period's start (figures over the period read fewer months)."""
        return self.coverage is not None and self.coverage.start > self.requested.start

    @property
    def is_cut(self) -> bool:
        return self.has_data and (self.cut_end or self.cut_start)


def over_period(kind: str, requested: Window, coverage: Window | None) -> SourceWindow:
    """A figure over the period reads the months of the period that its source covers."""
    if coverage is None:
        return SourceWindow(kind, requested, None, None)
    start, end = max(requested.start, coverage.start), min(requested.end, coverage.end)
    used = Window(start, end) if start <= end else None
    return SourceWindow(kind, requested, coverage, used, end if used else None)


def at_end(kind: str, requested: Window, coverage: Window | None, months: int = 1) -> SourceWindow:
    """A figure at the period's end (months=1) or over the `months` months ending there, anchored at the period's
    end or at the source's last month when the source stops earlier inside the period. No data (used None) when
    the source covers no month of the period: a stock of July is not the state of an August-only period."""
    if coverage is None or coverage.start > requested.end or coverage.end < requested.start:
        return SourceWindow(kind, requested, coverage, None)
    anchor = min(requested.end, coverage.end)
    used = Window(max(add_months(anchor, -(months - 1)), coverage.start), anchor)
    return SourceWindow(kind, requested, coverage, used, anchor, months if months > 1 else 0)


def quarter_window(first_quarter: dt.date | None, last_quarter: dt.date | None) -> Window | None:
    """The months quarterly snapshots cover: from the first quarter's first month to the last quarter's third."""
    if first_quarter is None or last_quarter is None:
        return None
    return Window(first_quarter, add_months(last_quarter, 2))


def combined_end(*windows: SourceWindow) -> dt.date | None:
    """The last month every source of a combined figure covers (the earliest anchor), None when one has none."""
    anchors = [w.anchor for w in windows]
    return None if any(a is None for a in anchors) else min(anchors)
