"""The executive first screen's answers, written from the data: where (provinces by victims and by change), which
units (on alert, with their occupancy), what to do (the first item of each Daftar Tindakan list), and the monthly
series behind each headline's sparkline. Pure: frames in, Statements and lists out.

Every sentence is a domain.statements.Statement carrying its evidence, checked by tests/app/test_sentences.py.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from domain.formatting import fmt_dec, fmt_int, fmt_month, fmt_pct, fmt_period
from domain.periods import add_months
from domain.statements import Statement, statement
from strings import tr, tr_count

SPARK_MONTHS = 24  # the sparkline's reach: two years show a season and a trend
TOP_PROVINCES = 3
UNITS_NAMED = 4  # units named in the alert sentence; the rest are counted


def spark_months(end: dt.date, months: int = SPARK_MONTHS, first: dt.date | None = None) -> list[dt.date]:
    """The months of a sparkline ending at end, starting no earlier than the data's first month."""
    start = add_months(end, -(months - 1))
    if first is not None and first > start:
        start = first
    out, month = [], start
    while month <= end:
        out.append(month)
        month = add_months(month, 1)
    return out


def monthly_counts(df: pd.DataFrame, months: list[dt.date], column: str | None = None,
                   value: str | None = None) -> list[int]:
    """Sum of jumlah per month (bulan) over months, 0 for a month without rows; rows where column == value only."""
    if df is None or df.empty:
        return [0] * len(months)
    rows = df if column is None else df[df[column] == value]
    by_month = rows.groupby(pd.to_datetime(rows["bulan"]).dt.date)["jumlah"].sum()
    return [int(by_month.get(m, 0)) for m in months]


def monthly_utilisation(occupancy: pd.DataFrame, months: list[dt.date]) -> list[float | None]:
    """Residents over beds per month (the headline's own rule, month by month); None for a month without reports."""
    if occupancy is None or occupancy.empty:
        return [None] * len(months)
    sums = occupancy.groupby(pd.to_datetime(occupancy["bulan"]).dt.date)[["penghuni", "kapasitas"]].sum()
    out = []
    for m in months:
        beds = float(sums["kapasitas"].get(m, 0.0))
        out.append(float(sums["penghuni"].get(m, 0.0)) / beds if beds > 0 else None)
    return out


def province_changes(now: pd.DataFrame, before: pd.DataFrame) -> pd.DataFrame:
    """kode, jumlah, sebelumnya, selisih per origin province (kode_prov_asal, jumlah frames of two windows);
    largest increase first, ties by the larger count now, then code."""
    a = now.groupby("kode_prov_asal")["jumlah"].sum() if len(now) else pd.Series(dtype="int64")
    b = before.groupby("kode_prov_asal")["jumlah"].sum() if len(before) else pd.Series(dtype="int64")
    out = pd.DataFrame({"jumlah": a, "sebelumnya": b}).fillna(0).astype("int64")
    out["selisih"] = out["jumlah"] - out["sebelumnya"]
    out = out.rename_axis("kode").reset_index()
    out["kode"] = out["kode"].astype(str)
    return out.sort_values(["selisih", "jumlah", "kode"], ascending=[False, False, True],
                           kind="mergesort").reset_index(drop=True)


def _names(pairs, names: dict, shown) -> str:
    return ", ".join(shown(names.get(k, k), *rest) for k, *rest in pairs)


def top_provinces_statement(by_province: pd.DataFrame, names: dict, window: tuple[dt.date, dt.date],
                            lang: str = "id", n: int = TOP_PROVINCES) -> Statement | None:
    """"Asal korban terbanyak (Agu 2024 – Jul 2025): Jawa Timur 312, NTB 250, Jawa Barat 198." """
    if by_province is None or by_province.empty:
        return None
    totals = by_province.groupby("kode_prov_asal")["jumlah"].sum()
    totals = totals[totals > 0]
    if totals.empty:
        return None
    ranked = sorted(((str(k), int(v)) for k, v in totals.items()), key=lambda kv: (-kv[1], kv[0]))[:n]
    return statement("eks.where.top", lang, {"provinces": ranked, "window": tuple(window)},
                     period=fmt_period(*window, lang),
                     items=_names(ranked, names, lambda name, count: f"{name} {fmt_int(count, lang)}"))


def rising_provinces_statement(changes: pd.DataFrame, names: dict, previous_window: tuple[dt.date, dt.date] | None,
                               lang: str = "id", n: int = TOP_PROVINCES) -> Statement | None:
    """"Kenaikan terbesar dibanding Agu 2023 – Jul 2024: Jawa Timur +40, ..." (no comparable window: None)."""
    if previous_window is None or changes is None:
        return None
    up = changes[changes["selisih"] > 0].head(n)
    previous = fmt_period(*previous_window, lang)
    if up.empty:
        return statement("eks.where.change.none", lang, {"provinces": [], "previous_window": tuple(previous_window)},
                         previous=previous)
    rows = [(k, int(a), int(b)) for k, a, b in zip(up["kode"], up["jumlah"], up["sebelumnya"])]
    return statement("eks.where.change", lang, {"provinces": rows, "previous_window": tuple(previous_window)},
                     previous=previous,
                     items=_names(rows, names, lambda name, a, b: f"{name} +{fmt_int(a - b, lang)} "
                                                                  f"({fmt_int(b, lang)} → {fmt_int(a, lang)})"))


def units_on_alert_statement(ongoing: pd.DataFrame | None, anchor: dt.date | None, names: dict, lang: str = "id",
                             threshold: float = 0.9, n: int = UNITS_NAMED) -> Statement | None:
    """The units on alert at the anchor month, named with their occupancy then, highest first; None when none.

    ongoing: kode_unit, utilisasi_akhir (data_access.indicators.AlertState.ongoing)."""
    if ongoing is None or ongoing.empty or anchor is None:
        return None
    rows = sorted(((str(k), float(u)) for k, u in zip(ongoing["kode_unit"], ongoing["utilisasi_akhir"])),
                  key=lambda ku: (-ku[1], ku[0]))
    items = _names(rows[:n], names, lambda name, util: f"{name} {fmt_pct(util, digits=0, lang=lang)}")
    if len(rows) > n:
        items += " " + tr("eks.units.more", lang, n=fmt_int(len(rows) - n, lang))
    key = "eks.units.alert.one" if len(rows) == 1 else "eks.units.alert"
    return statement(key, lang, {"units": rows, "anchor": anchor, "threshold": threshold},
                     n=fmt_int(len(rows), lang), month=fmt_month(anchor, lang), items=items,
                     threshold=fmt_pct(threshold, digits=0, lang=lang))


# --- what to do: the first item of each Daftar Tindakan list ------------------------------------------------


def todo_late(overdue: pd.DataFrame, reporter_names: dict, as_of: dt.date | None, lang: str = "id") -> Statement | None:
    """The reports past their due date: how many, and the one overdue longest (ReportingView.overdue order)."""
    if overdue is None or overdue.empty or as_of is None:
        return None
    first = overdue.iloc[0]
    reporter = str(first["pelapor"])
    values = {"count": len(overdue), "reporter": reporter, "kind": first["jenis"], "month": first["bulan"],
              "days": int(first["hari_terlambat"]), "as_of": as_of}
    return statement("eks.todo.late.one" if len(overdue) == 1 else "eks.todo.late", lang, values,
                     n=fmt_int(len(overdue), lang), name=reporter_names.get(reporter, reporter),
                     kind=tr(f"kind.{first['jenis']}", lang), month=fmt_month(first["bulan"], lang),
                     days=tr_count("eks.days", lang, int(first["hari_terlambat"]),
                                   n=fmt_int(first["hari_terlambat"], lang)))


def todo_referral(referrals: pd.DataFrame, unit_names: dict, anchor: dt.date | None,
                  lang: str = "id") -> Statement | None:
    """Where to refer new victims of the fullest unit on alert: its nearest unit with free places."""
    if referrals is None or referrals.empty or anchor is None:
        return None
    first = referrals.sort_values(["utilisasi", "kode_unit"], ascending=[False, True], kind="mergesort")
    unit = first.iloc[0]["kode_unit"]
    mine = first[(first["kode_unit"] == unit)]
    best = mine[mine["peringkat"] == 1]
    values = {"unit": unit, "utilisation": float(mine.iloc[0]["utilisasi"]), "anchor": anchor,
              "target": None, "km": None, "free": None}
    shown = dict(unit=unit_names.get(unit, unit), util=fmt_pct(values["utilisation"], digits=0, lang=lang),
                 month=fmt_month(anchor, lang))
    if best.empty:
        return statement("eks.todo.referral.none", lang, values, **shown)
    row = best.iloc[0]
    values.update(target=row["kode_unit_tujuan"], km=float(row["jarak_km"]), free=int(row["tempat_kosong_tujuan"]))
    return statement("eks.todo.referral", lang, values, **shown,
                     target=unit_names.get(row["kode_unit_tujuan"], row["kode_unit_tujuan"]),
                     km=fmt_dec(row["jarak_km"], 0, lang), free=fmt_int(row["tempat_kosong_tujuan"], lang))


def todo_watch(watch: pd.DataFrame, names: dict, recent: tuple[dt.date, dt.date] | None,
               lang: str = "id") -> Statement | None:
    """The first province to watch (domain.actions.provinces_to_watch order) and how many provinces are watched."""
    if watch is None or watch.empty or recent is None:
        return None
    first = watch.iloc[0]
    provinces = int(watch["kode_prov"].nunique())
    values = {"province": first["kode_prov"], "modus": first["modus"], "status": first["status"],
              "recent": int(first["jumlah_terkini"]), "recent_window": tuple(recent), "provinces": provinces}
    return statement(f"eks.todo.watch.{first['status']}", lang, values,
                     province=names.get("provinsi", {}).get(first["kode_prov"], first["kode_prov"]),
                     modus=names.get("modus", {}).get(first["modus"], first["modus"]),
                     n=fmt_int(first["jumlah_terkini"], lang), period=fmt_period(*recent, lang),
                     others=tr_count("eks.todo.watch.others", lang, provinces - 1, n=fmt_int(provinces - 1, lang))
                     if provinces > 1 else "")
