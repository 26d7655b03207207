"""Where a data kind's figures come from and how fresh they are: its origin (demo, imported or mixed) and whether
its newest month is behind the reporting cycle. Pure: values in, values out.

Freshness: a kind reported every month is *behind* when its newest month is older than the latest month whose
report was due by the as-of date (domain.submissions: day `due_day` of the next month; today for real data, the
demo's own date for demo data). Staff come quarterly (a quarter is due like its last month) and placements
yearly (a year is due like its December); reference kinds (units, standards, population) have no cycle. The
import time says when the data arrived, not what they cover: both are shown, never one for the other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from domain.periods import add_months
from domain.submissions import DUE_DAY, last_due_month

DEMO, IMPORTED, MIXED = "demo", "impor", "campuran"
# A kind shows the DATA CONTOH notice while any of its rows are demo rows.
DEMO_ORIGINS = (DEMO, MIXED)

# How often each kind is reported (months per report); kinds not listed have no reporting cycle.
CYCLE_MONTHS = {"kasus": 1, "okupansi": 1, "pelatihan": 1, "kegiatan_pencegahan": 1, "pencegahan_keberangkatan": 1,
                "staf": 3, "penempatan_pmi": 12}


def holds_demo(origin: str | None) -> bool:
    """Whether a kind with this origin still shows demo rows (unknown counts as demo: the notice errs to show)."""
    return origin not in (IMPORTED,)


def expected_end(kind: str, as_of: dt.date, due_day: int = DUE_DAY) -> dt.date | None:
    """The last month of the newest period whose report was due by as_of (a quarter's or a year's last month for
    staff and placements); None for kinds without a cycle."""
    cycle = CYCLE_MONTHS.get(kind)
    if cycle is None:
        return None
    month = last_due_month(as_of, due_day)  # a period is due like its last month
    while month.month % cycle:
        month = add_months(month, -1)
    return month


@dataclass(frozen=True)
class Freshness:
    """A kind's newest covered month against the newest one due: `behind` reporting cycles are missing."""

    kind: str
    last_month: dt.date | None  # the last month the kind's data cover (data_access.coverage)
    expected: dt.date | None  # the last month of the newest period due by the as-of date
    as_of: dt.date

    @property
    def behind(self) -> int:
        if self.expected is None or self.last_month is None or self.last_month >= self.expected:
            return 0
        months = (self.expected.year - self.last_month.year) * 12 + self.expected.month - self.last_month.month
        return -(-months // CYCLE_MONTHS[self.kind])  # a started cycle counts


def freshness(kind: str, last_month: dt.date | None, as_of: dt.date, due_day: int = DUE_DAY) -> Freshness:
    return Freshness(kind, last_month, expected_end(kind, as_of, due_day), as_of)
