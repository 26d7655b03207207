"""Headline figures and key messages for briefings, written from the data (never typed in).

Every function here is pure: data frames and numbers in, sentences out. The sentence templates live in
strings/eksekutif.py (Indonesian and English); numbers and months are formatted with domain.formatting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from domain.comparison import DOWN, STABLE, TOO_FEW, UP, Comparison
from domain.filters import Filters
from domain.formatting import fmt_change, fmt_dec, fmt_int, fmt_month, fmt_pct, fmt_period
from domain.statements import Statement, quarter_label, statement
from domain.trends import (BASELINE_MONTHS, MIN_BASELINE_MONTHS, RECENT_MONTHS, STATUS_NEW, STATUS_RISING,
                           add_months)
from strings import tr

# A share or change below this is not worth a minister's sentence.
MIN_TOTAL = 1
MAX_MESSAGES = 6


# A key message is a Statement: its string key, the evidence behind it (for tests and exports), the text.
KeyMessage = Statement


@dataclass(frozen=True)
class Headline:
    """A headline figure: value (None = no data), the same period a year earlier (None = not comparable)."""

    key: str
    value: float | None
    previous: float | None = None
    kind: str = "int"  # int | pct | text
    text: str = ""
    indicator: str = ""  # the catalogue key (domain.indicators)
    status: str | None = None  # domain.comparison verdict for counts (naik, turun, stabil, sedikit)
    reason: str | None = None  # why there is no comparison (domain.periods REASON_*)

    @property
    def change(self) -> float | None:
        """Relative change for counts; difference in percentage points (as a share) for pct."""
        if self.value is None or self.previous is None:
            return None
        if self.kind == "pct":
            return self.value - self.previous
        return (self.value - self.previous) / self.previous if self.previous else None


@dataclass(frozen=True)
class BriefingInputs:
    """What the messages are written from. Frames use the query column names; names maps code lists."""

    start: dt.date | None
    end: dt.date | None
    total: int
    previous_window: tuple[dt.date, dt.date] | None = None  # the same months a year earlier, when covered
    comparisons: dict = field(default_factory=dict)  # indicator key → domain.comparison.Comparison
    by_province: pd.DataFrame = field(default_factory=pd.DataFrame)  # kode_prov_asal, jumlah
    by_modus: pd.DataFrame = field(default_factory=pd.DataFrame)  # modus, jumlah
    by_destination: pd.DataFrame = field(default_factory=pd.DataFrame)  # kode_tujuan, jumlah
    by_age: pd.DataFrame = field(default_factory=pd.DataFrame)  # kelompok_umur, jumlah
    rising: pd.DataFrame = field(default_factory=pd.DataFrame)  # domain.trends.detect_rising
    alerts: object | None = None  # data_access.indicators.AlertState (None: not available)
    wisn: pd.DataFrame | None = None  # domain.sdm.wisn_by_unit_role (None: not available)
    names: dict = field(default_factory=dict)  # code list → {kode: nama} in the message language
    filters: Filters | None = None  # the filters in force: no sentence that they make trivially true
    staff_quarter: dt.date | None = None  # the WISN staff snapshot
    workload: tuple[dt.date, dt.date] | None = None  # the WISN workload window


_msg = statement


def _top(df: pd.DataFrame, column: str) -> tuple[str, int, int] | None:
    if df is None or df.empty or column not in df:
        return None
    totals = df.groupby(column)["jumlah"].sum()
    total = int(totals.sum())
    if total < MIN_TOTAL:
        return None
    ranked = totals.sort_values(ascending=False, kind="mergesort")
    return str(ranked.index[0]), int(ranked.iloc[0]), total


def top_origin_message(by_province: pd.DataFrame, province_names: dict, start: dt.date | None,
                       end: dt.date | None, lang: str = "id") -> KeyMessage | None:
    """"Nusa Tenggara Barat menyumbang 18,3% korban yang ditangani pada Jan 2023 – Jul 2025." """
    top = _top(by_province, "kode_prov_asal")
    if top is None or by_province.loc[by_province["jumlah"] > 0, "kode_prov_asal"].nunique() < 2:
        return None  # one province selected: "100%" says nothing
    kode, count, total = top
    name = province_names.get(kode, kode)
    share = count / total
    return _msg("eks.msg.top_origin", lang, {"kode": kode, "share": share, "count": count, "total": total,
                                             "window": (start, end)},
                name=name, share=fmt_pct(share, lang=lang), period=fmt_period(start, end, lang))


def change_message(comparison: Comparison | None, start: dt.date | None, end: dt.date | None,
                   previous_window: tuple[dt.date, dt.date] | None, lang: str = "id",
                   key: str = "korban_ditangani") -> KeyMessage | None:
    """Year-on-year change of an indicator between like windows (domain.comparison decides the verb).

    "naik"/"turun" only when the change is beyond chance; "relatif stabil" otherwise; nothing when the counts
    are too small to say anything or there is no like window.
    """
    if comparison is None or previous_window is None or comparison.status not in (UP, DOWN, STABLE):
        return None
    values = {"indicator": key, "total": comparison.current, "previous": comparison.previous,
              "change": comparison.change, "status": comparison.status, "p_value": comparison.p_value,
              "window": (start, end), "previous_window": tuple(previous_window)}
    shown = dict(name=tr(f"ind.{key}.msg", lang), total=fmt_int(comparison.current, lang),
                 previous=fmt_int(comparison.previous, lang), period=fmt_period(start, end, lang),
                 previous_period=fmt_period(*previous_window, lang),
                 change=fmt_pct(abs(comparison.change), lang=lang) if comparison.change is not None else "–")
    return _msg(f"eks.msg.change_{comparison.status}", lang, values, **shown)


def _single(filters: Filters | None, attr: str) -> bool:
    return filters is not None and len(getattr(filters, attr)) == 1


def top_modus_message(by_modus: pd.DataFrame, modus_names: dict, lang: str = "id",
                      filters: Filters | None = None) -> KeyMessage | None:
    """The most common modus; none when a single modus is selected or has data ("100%" says nothing)."""
    top = _top(by_modus, "modus")
    if top is None or _single(filters, "modus") or by_modus.loc[by_modus["jumlah"] > 0, "modus"].nunique() < 2:
        return None
    kode, count, total = top
    share = count / total
    return _msg("eks.msg.top_modus", lang, {"modus": kode, "share": share, "count": count, "total": total},
                name=modus_names.get(kode, kode), share=fmt_pct(share, lang=lang), count=fmt_int(count, lang))


def rising_modus_message(rising: pd.DataFrame, modus_names: dict, lang: str = "id", end: dt.date | None = None,
                         recent_months: int = RECENT_MONTHS, baseline_months: int = BASELINE_MONTHS,
                         filters: Filters | None = None) -> KeyMessage | None:
    """The strongest new or rising modus (domain.trends.detect_rising with the same windows), if any; none when a
    single modus is selected (the Jarnas page lists it)."""
    if rising is None or rising.empty or end is None or _single(filters, "modus"):
        return None
    hits = rising[rising["status"].isin([STATUS_NEW, STATUS_RISING])]
    if hits.empty:
        return None
    row = hits.iloc[0]
    name = modus_names.get(row["kategori"], row["kategori"])
    recent_start = add_months(end, -(recent_months - 1))
    base_months = int(row["bulan_dasar"])
    values = {"modus": row["kategori"], "status": row["status"], "recent": int(row["jumlah_terkini"]),
              "baseline": int(row["jumlah_dasar"]), "baseline_months": base_months, "recent_window": (recent_start, end),
              "baseline_window": (add_months(recent_start, -base_months), add_months(recent_start, -1))
              if base_months else None,
              "p_value": None if pd.isna(row["p_nilai"]) else float(row["p_nilai"]),
              "recent_mean": float(row["rata_terkini"]),
              "baseline_mean": None if pd.isna(row["rata_dasar"]) else float(row["rata_dasar"]),
              "ratio": None if pd.isna(row["rasio"]) else float(row["rasio"])}
    window = fmt_period(recent_start, end, lang)
    if row["status"] == STATUS_NEW:
        return _msg("eks.msg.new_modus", lang, values, name=name, count=fmt_int(row["jumlah_terkini"], lang),
                    recent=recent_months, baseline=base_months, window=window)
    # Both counts and both windows are stated: the rule compares the two counts (domain.comparison).
    return _msg("eks.msg.rising_modus", lang, values, name=name, count=fmt_int(row["jumlah_terkini"], lang),
                recent_mean=fmt_dec(row["rata_terkini"], 1, lang), baseline_mean=fmt_dec(row["rata_dasar"], 1, lang),
                base_count=fmt_int(row["jumlah_dasar"], lang), recent=recent_months, baseline=base_months,
                window=window, baseline_window=fmt_period(*values["baseline_window"], lang))


def rising_statements(rising: pd.DataFrame, modus_names: dict, end: dt.date, lang: str = "id",
                      recent_months: int = RECENT_MONTHS) -> list[KeyMessage]:
    """The Jarnas page's list: one sentence per new or rising modus (domain.trends.detect_rising), or that none is,
    or that the history before the recent window is too short to judge."""
    if rising is None or rising.empty:
        return []
    base_months = int(rising["bulan_dasar"].iloc[0])
    recent_start = add_months(end, -(recent_months - 1))
    baseline_window = (add_months(recent_start, -base_months), add_months(recent_start, -1)) if base_months else None
    rule = {"recent_window": (recent_start, end), "baseline_window": baseline_window, "baseline_months": base_months}
    if base_months < MIN_BASELINE_MONTHS:
        return [_msg("jar.rising.short", lang, {**rule, "needed": MIN_BASELINE_MONTHS}, months=MIN_BASELINE_MONTHS,
                     have=base_months)]
    hits = rising[rising["status"].isin([STATUS_NEW, STATUS_RISING])]
    if hits.empty:
        return [_msg("jar.rising.none", lang, {**rule, "modus": []})]
    window = fmt_period(recent_start, end, lang)
    return [_msg(f"jar.rising.item.{row.status}", lang,
                 {**rule, "modus": row.kategori, "status": row.status, "recent": int(row.jumlah_terkini),
                  "baseline": int(row.jumlah_dasar), "p_value": None if pd.isna(row.p_nilai) else float(row.p_nilai)},
                 name=modus_names.get(row.kategori, row.kategori), count=fmt_int(row.jumlah_terkini, lang),
                 recent=recent_months, window=window, base_count=fmt_int(row.jumlah_dasar, lang),
                 baseline=base_months, ratio=fmt_dec(row.rasio, 1, lang))
            for row in hits.itertuples()]


def child_message(by_age: pd.DataFrame, lang: str = "id", filters: Filters | None = None) -> KeyMessage | None:
    """The children's share; none when an age group is selected (the share would be 100% or 0%)."""
    if by_age is None or by_age.empty or _single(filters, "kelompok_umur"):
        return None
    totals = by_age.groupby("kelompok_umur")["jumlah"].sum()
    total = int(totals.sum())
    children = int(totals.get("anak", 0))
    if total < MIN_TOTAL or children == 0:
        return None
    share = children / total
    return _msg("eks.msg.children", lang, {"children": children, "share": share, "total": total},
                count=fmt_int(children, lang), share=fmt_pct(share, lang=lang))


def top_destination_message(by_destination: pd.DataFrame, names: dict, lang: str = "id") -> KeyMessage | None:
    """names: negara and provinsi name maps merged (destinations abroad are ISO3, at home a province kode)."""
    top = _top(by_destination, "kode_tujuan")
    if top is None:
        return None
    kode, count, total = top
    share = count / total
    return _msg("eks.msg.top_destination", lang, {"kode": kode, "share": share, "count": count, "total": total},
                name=names.get(kode, kode), share=fmt_pct(share, lang=lang))


def capacity_message(alerts, unit_names: dict, lang: str = "id", threshold: float = 0.9,
                     min_months: int = 2) -> KeyMessage | None:
    """Units on alert in the anchor month (data_access.indicators.AlertState: runs that reach it, however early
    they began) and the one highest in that month; none when no unit is on alert."""
    if alerts is None or not alerts.source.has_data or alerts.ongoing.empty:
        return None
    units = alerts.ongoing_units
    worst = alerts.ongoing.iloc[0]  # highest utilisation in the anchor month first
    anchor = alerts.anchor
    return _msg("eks.msg.capacity", lang,
                {"units": units, "anchor": anchor, "highest": worst["kode_unit"],
                 "highest_utilisation": float(worst["utilisasi_akhir"]), "threshold": threshold,
                 "min_months": min_months},
                count=fmt_int(len(units), lang), name=unit_names.get(worst["kode_unit"], worst["kode_unit"]),
                util=fmt_pct(float(worst["utilisasi_akhir"]), digits=0, lang=lang), end=fmt_month(anchor, lang),
                threshold=fmt_pct(threshold, digits=0, lang=lang), months=min_months)


def staffing_message(wisn: pd.DataFrame | None, role_names: dict, lang: str = "id",
                     staff_quarter: dt.date | None = None,
                     workload: tuple[dt.date, dt.date] | None = None) -> KeyMessage | None:
    """Gross WISN shortage (Σ max(0, required − current) over units and roles) and the role short most.

    Reads domain.sdm.wisn_by_unit_role (kekurangan = max(0, required − current) per unit and role)."""
    if wisn is None or wisn.empty or "kekurangan" not in wisn:
        return None
    gap = pd.to_numeric(wisn["kekurangan"])
    short = wisn.assign(_gap=gap)[gap > 0]
    if short.empty:
        return None
    total = float(short["_gap"].sum())
    by_role = short.groupby("peran")["_gap"].sum().sort_values(ascending=False, kind="mergesort")
    units = int(short["kode_unit"].nunique())
    role = by_role.index[0]
    return _msg("eks.msg.staffing", lang, {"shortage": total, "units": units, "role": role,
                                           "role_shortage": float(by_role.iloc[0]), "quarter": staff_quarter,
                                           "workload": tuple(workload) if workload else None},
                shortage=fmt_int(total, lang), units=fmt_int(units, lang), role=role_names.get(role, role),
                quarter=quarter_label(staff_quarter, lang), window=fmt_period(*workload, lang) if workload else "–")


# Indicators whose significant year-on-year move earns its own sentence, after victims handled.
MOVES = ("korban_anak", "korban_luar_negeri", "korban_reintegrasi")
# The filter that makes a move the same sentence as the change of all victims (every victim a child, or none).
DEFINING_FILTER = {"korban_anak": "kelompok_umur"}


def trivial_move(key: str, filters: Filters | None) -> bool:
    """True when the filters make the indicator's move trivially true or empty: "Korban anak naik 30,5%" under
    age = child repeats the change of all victims; under age = adult there are no child victims."""
    attr = DEFINING_FILTER.get(key)
    return bool(attr and filters is not None and getattr(filters, attr))


def compose_key_messages(inputs: BriefingInputs, lang: str = "id", limit: int = MAX_MESSAGES) -> list[KeyMessage]:
    """Up to `limit` sentences in a fixed order of importance (change of victims handled, significant moves of
    other indicators, origin, rising modus, capacity, SDM, top modus, destination, children); those without
    data, or made trivially true by the filters, are left out."""
    names = inputs.names or {}
    destinations = {**names.get("provinsi", {}), **names.get("negara", {})}
    comparisons = inputs.comparisons or {}
    moves = [change_message(comparisons.get(key), inputs.start, inputs.end, inputs.previous_window, lang, key)
             for key in MOVES if comparisons.get(key) is not None and comparisons[key].is_significant
             and not trivial_move(key, inputs.filters)]
    candidates = [
        change_message(comparisons.get("korban_ditangani"), inputs.start, inputs.end, inputs.previous_window, lang),
        *moves,
        top_origin_message(inputs.by_province, names.get("provinsi", {}), inputs.start, inputs.end, lang),
        rising_modus_message(inputs.rising, names.get("modus", {}), lang, end=inputs.end, filters=inputs.filters),
        capacity_message(inputs.alerts, names.get("unit", {}), lang),
        staffing_message(inputs.wisn, names.get("peran", {}), lang, inputs.staff_quarter, inputs.workload),
        top_modus_message(inputs.by_modus, names.get("modus", {}), lang, inputs.filters),
        top_destination_message(inputs.by_destination, destinations, lang),
        child_message(inputs.by_age, lang, inputs.filters),
    ]
    return [m for m in candidates if m is not None][:limit]


# Inline syntax only; sentences start with a letter or digit inside a "- " bullet, so "." and "-" are safe.
_MARKDOWN_SPECIALS = "\\`*_[]<>#|~$"


def escape_markdown(text: str) -> str:
    """Backslash-escape Markdown syntax so data-derived text (unit names, etc.) renders literally."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIALS else ch for ch in text)


def format_headline(h: Headline, lang: str = "id") -> tuple[str, str | None]:
    """(value text, change text or None) as shown on the page and the slide."""
    if h.kind == "text":
        return h.text, None
    if h.value is None:
        return tr("eks.no_data", lang), None
    value = fmt_pct(h.value, lang=lang) if h.kind == "pct" else fmt_int(h.value, lang)
    if h.status == TOO_FEW and h.previous is not None:
        # Too few to compare (0 against 0 included): no percentage and no arrow beside it, only the reason.
        return value, tr("cmp.too_few", lang)
    change = h.change
    if change is None:
        return value, None
    if h.kind == "pct":
        sign = "+" if change > 0 else "−" if change < 0 else "±"
        return value, f"{sign}{fmt_dec(abs(change) * 100, 1, lang)} {tr('eks.pp', lang)}"
    if h.status:
        return value, f"{fmt_change(change, lang)} · {tr(f'cmp.short.{h.status}', lang)}"
    return value, fmt_change(change, lang)
