"""Text and tables that travel with the headline indicators (page, deck, downloads): the comparison notes,
the rule of each staffing and capacity figure, the filters in force, and a machine-readable headline table.

Pure: a collected briefing (data_access.briefing) and a language in, strings and frames out.
"""

from __future__ import annotations

import pandas as pd

from domain.filters import Filters
from domain.formatting import fmt_date, fmt_month, fmt_period
from domain.indicators import CASE_FILTERS, CATALOGUE, STAGE_LAG_MONTHS
from domain.periods import REASON_LAG
from strings import tr

FILTER_LABELS = {"provinsi": "filters.province", "modus": "filters.modus", "jenis_kelamin": "filters.sex",
                 "kelompok_umur": "filters.age", "instansi": "filters.agency"}


def describe_filters(filters: Filters, names: dict, lang: str = "id") -> str:
    """The filters beyond the period, in words (names, not codes)."""
    lookup = {
        "provinsi": names.get("provinsi", {}), "modus": names.get("modus", {}),
        "jenis_kelamin": {k: tr(f"sex.{k}", lang) for k in ("L", "P")},
        "kelompok_umur": {k: tr(f"age.{k}", lang) for k in ("anak", "dewasa")},
        "instansi": names.get("instansi", {}),
    }
    parts = []
    for attr, key in FILTER_LABELS.items():
        values = getattr(filters, attr)
        if values:
            parts.append(f"{tr(key, lang)}: " + ", ".join(lookup[attr].get(v, v) for v in values))
    return "; ".join(parts) if parts else tr("deck.filters.none", lang)


def comparison_notes(b, lang: str = "id") -> list[str]:
    """What the changes under the headline figures compare, and why a figure is not compared."""
    notes = []
    if b.previous_window:
        notes.append(tr("eks.comparison", lang, period=fmt_period(*b.previous_window, lang)))
    elif b.start:
        notes.append(tr("cmp.reason.not_covered", lang))
    for h in b.headlines:
        if h.reason == REASON_LAG:
            notes.append(tr("cmp.reason.lag", lang, name=tr(f"ind.{h.indicator}.msg", lang), lag=STAGE_LAG_MONTHS,
                            last=fmt_month(b.last_month, lang) if b.last_month else "–"))
    return notes


def latest_like_window(b) -> tuple | None:
    """When the period in force has no like window a year earlier: the latest year-to-date window that has one
    (January to the last month with data, compared with the same months a year earlier); else None."""
    if b.comparable or b.last_month is None or b.first_month is None:
        return None
    start, end = b.last_month.replace(month=1), b.last_month
    return (start, end) if start.replace(year=start.year - 1) >= b.first_month else None


def latest_update(status: pd.DataFrame, lang: str, kinds: tuple[str, ...] = ()) -> str:
    """The last update of the kinds a slide shows (every kind when none are named), as the footer states it."""
    rows = status[status["kode"].isin(kinds)] if kinds and len(status) else status
    stamps = pd.to_datetime(rows["diperbarui"], utc=True) if len(rows) else pd.Series([])
    latest = stamps.max() if len(stamps) else None
    return fmt_date(latest.to_pydatetime(), lang) if latest is not None and pd.notna(latest) else "–"


def rising_rule(lang: str = "id", key: str = "jar.rising.rule") -> str:
    """The new-or-rising rule with its windows and thresholds (domain.trends, domain.comparison), as the Jarnas
    page, Daftar Tindakan, the Glosarium and the deck state it."""
    from domain import trends
    from domain.comparison import ALPHA, MIN_COUNT
    from domain.formatting import fmt_dec

    return tr(key, lang, recent=trends.RECENT_MONTHS, baseline=trends.BASELINE_MONTHS, min=MIN_COUNT,
              alpha=fmt_dec(ALPHA, 2, lang), new=trends.MIN_NEW_COUNT)


def unit_scope_note(filters: Filters, lang: str = "id") -> str:
    """Capacity and staffing follow the period and where a unit is; name the filters that do not apply."""
    ignored = [name for name in CASE_FILTERS[1:] if getattr(filters, name) and name != "provinsi"]
    names = ", ".join(tr(FILTER_LABELS[n], lang).lower() for n in ignored)
    return tr("scope.unit_note", lang, province=tr("scope.province", lang) if filters.provinsi else "",
              ignored=tr("scope.ignored", lang, names=names) if ignored else "").strip()


def staffing_window(b, lang: str = "id") -> str:
    h = b.indicators
    return fmt_period(h.workload.start, h.workload.end, lang) if h is not None and h.workload else "–"


def staffing_note(b, lang: str = "id"):
    """The one WISN rule with the windows it read (domain.statements.wisn_rule); None without staff data."""
    from domain.statements import wisn_rule

    h = b.indicators
    if h is None or h.staffing is None or h.wisn is None:
        return None
    return wisn_rule(h.staff_quarter, h.workload, h.window.end, lang)


def headline_frame(b, lang: str = "id") -> pd.DataFrame:
    """The headline figures as numbers (not text): one row per indicator, with its key, unit, value, the value
    a year earlier, the relative change (a fraction) and the verdict, and both periods."""
    rows = []
    current = fmt_period(b.start, b.end, lang)
    previous = fmt_period(*b.previous_window, lang) if b.previous_window else ""
    for h in b.headlines:
        ind = CATALOGUE[h.indicator]
        change = None
        if h.value is not None and h.previous is not None and h.kind != "text":
            change = h.value - h.previous if h.kind == "pct" else ((h.value - h.previous) / h.previous
                                                                    if h.previous else None)
        rows.append({
            tr("col.indicator", lang): tr(h.key, lang),
            tr("col.key", lang): h.indicator,
            tr("col.unit", lang): tr(f"unit.{ind.unit}", lang),
            tr("col.period", lang): current,
            tr("col.value", lang): h.value,
            tr("col.previous_period", lang): previous if h.previous is not None else "",
            tr("col.previous_value", lang): h.previous,
            tr("col.change", lang): change,
            tr("col.verdict", lang): tr(f"cmp.short.{h.status}", lang) if h.status else "",
        })
    return pd.DataFrame(rows)


def context_notes(filters: Filters | None, names: dict, lang: str, *, source: str, updated: str,
                  demo: bool, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The leading notes of every download: demo notice, period, filters in force, source, last update."""
    notes = []
    if demo:
        notes.append(tr("demo.notice", lang))
    if filters is not None:
        notes.append(tr("filters.period", lang) + ": " + fmt_period(filters.start, filters.end, lang))
        notes.append(tr("deck.filters", lang, filters=describe_filters(filters, names, lang)))
    notes.append(tr("export.source", lang, source=source))
    notes.append(tr("export.updated", lang, updated=updated))
    notes.extend(extra)
    return tuple(notes)


def catalogue_frame(status: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """The indicator catalogue as a table for the Glosarium page and its download: one row per indicator with
    its definition, unit, period rule, the filters that apply, the meaning of the province filter, the
    reporting lag, the minimum counts for a comparison, and its source with origin, period and last update.

    status: data_access.reference.get_data_status() (kode, nama, instansi, asal, periode, diperbarui).
    """
    by_kind = status.set_index("kode") if len(status) else pd.DataFrame(columns=["nama", "instansi", "asal"])
    filter_names = {"periode": tr("filters.period", lang), **{k: tr(v, lang) for k, v in FILTER_LABELS.items()}}
    rows = []
    for ind in CATALOGUE.values():
        source = by_kind.loc[ind.source] if ind.source in by_kind.index else None
        rows.append({
            "kunci": ind.key,
            "nama": tr(ind.label, lang).replace("{km}", "…"),
            "definisi": tr(ind.definition, lang),
            "satuan": tr(f"unit.{ind.unit}", lang),
            "aturan_periode": tr(f"rule.period.{ind.period_rule}", lang),
            "filter_berlaku": ", ".join(filter_names[f] for f in ind.filters),
            "arti_filter_provinsi": tr(f"rule.province.{ind.province_meaning}", lang) if ind.province_meaning else "–",
            "jeda_bulan": ind.lag_months,
            "dibandingkan": tr("glo.yes" if ind.comparable else "glo.no", lang),
            "minimum_pembanding": ind.min_count if ind.comparable else None,
            "sumber": f"{source['nama']} ({source['instansi']})" if source is not None else ind.source,
            "asal": source["asal"] if source is not None else "",
            "periode": source["periode"] if source is not None else "",
            "diperbarui": source["diperbarui"] if source is not None else None,
        })
    return pd.DataFrame(rows)
