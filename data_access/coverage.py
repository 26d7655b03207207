"""The first and last month each data kind covers (domain.coverage): one query per fact table."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, func, select

from data_access.caching import run_cached
from data_access.cases import as_date
from data_access.schema import (Kasus, KegiatanPencegahan, Okupansi, Pelatihan, PencegahanKeberangkatan,
                                PenempatanPmi, Staf)
from domain.coverage import quarter_window
from domain.periods import Window

# Monthly fact tables and their month column.
MONTHLY = {"kasus": Kasus.bulan, "okupansi": Okupansi.bulan, "pelatihan": Pelatihan.bulan,
           "kegiatan_pencegahan": KegiatanPencegahan.bulan, "pencegahan_keberangkatan": PencegahanKeberangkatan.bulan}
# Kinds whose figures have months: the others (units, standards, population) are reference tables.
TIMED_KINDS = (*MONTHLY, "staf", "penempatan_pmi")


def _window(lo, hi) -> Window | None:
    lo, hi = as_date(lo), as_date(hi)
    return Window(lo, hi) if lo and hi else None


def query_coverage(conn: Connection) -> dict[str, Window | None]:
    """Kind → Window(first month, last month) with data, None for a kind without rows.

    Staff are quarterly snapshots (a quarter covers its three months); placements are yearly or monthly rows (a
    whole-year row covers January to December)."""
    out: dict[str, Window | None] = {}
    for kind, column in MONTHLY.items():
        out[kind] = _window(*conn.execute(select(func.min(column), func.max(column))).one())
    lo, hi = conn.execute(select(func.min(Staf.kuartal), func.max(Staf.kuartal))).one()
    out["staf"] = quarter_window(as_date(lo), as_date(hi))
    first = conn.execute(select(PenempatanPmi.tahun, func.min(func.coalesce(PenempatanPmi.bulan, 1)))
                         .group_by(PenempatanPmi.tahun).order_by(PenempatanPmi.tahun).limit(1)).first()
    last = conn.execute(select(PenempatanPmi.tahun, func.max(func.coalesce(PenempatanPmi.bulan, 12)))
                        .group_by(PenempatanPmi.tahun).order_by(PenempatanPmi.tahun.desc()).limit(1)).first()
    out["penempatan_pmi"] = (Window(dt.date(int(first[0]), int(first[1]), 1), dt.date(int(last[0]), int(last[1]), 1))
                             if first and last else None)
    return out


def get_coverage() -> dict[str, Window | None]:
    """Cached query_coverage."""
    return run_cached(query_coverage)
