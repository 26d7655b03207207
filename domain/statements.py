"""Generated sentences as objects that carry their evidence.

A Statement is one sentence the dashboard writes from the data: its string key, the values it rests on (counts,
codes, months, the rule's thresholds) and its text. Pages render them through ui.frame.say, the deck and the CLI
print their text, and the generative test (tests/app/test_sentences.py) recomputes every value with its own
oracle and checks the words against them. A sentence whose evidence is not in `values` cannot be checked, so
every number, month and name a text shows is also in `values`.

This module holds the sentences about coverage, alerts, staffing, scope and units; the key messages of the
briefing are in domain.messages. Pure: data in, Statements out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from domain.coverage import SourceWindow
from domain.formatting import fmt_date, fmt_int, fmt_month, fmt_pct, fmt_period
from domain.periods import Window
from strings import tr


@dataclass(frozen=True)
class Statement:
    """One generated sentence: its string key, the values behind it (for tests and exports), the text."""

    key: str
    values: dict
    text: str


def statement(key: str, lang: str, values: dict, **shown: object) -> Statement:
    return Statement(key, values, tr(key, lang, **shown))


def _pair(window: Window | None) -> tuple[dt.date, dt.date] | None:
    return (window.start, window.end) if window else None


# --- coverage -------------------------------------------------------------------------------------------


def coverage_note(source: SourceWindow | None, lang: str = "id") -> Statement | None:
    """What a figure's own data kind covers, when that differs from the period in force; None when it covers it.

    cov.none: the kind has no data at all; cov.outside: none in the period; cov.until / cov.from: the kind
    stops (starts) inside the period, so its figures end (begin) there."""
    if source is None:
        return None
    kind = tr(f"kind.{source.kind}", lang)
    values = {"kind": source.kind, "requested": _pair(source.requested), "coverage": _pair(source.coverage),
              "used": _pair(source.used)}
    if source.coverage is None:
        return statement("cov.none", lang, values, kind=kind)
    if not source.has_data:
        return statement("cov.outside", lang, values, kind=kind,
                         period=fmt_period(source.requested.start, source.requested.end, lang),
                         data=fmt_period(source.coverage.start, source.coverage.end, lang))
    if source.cut_end:
        return statement("cov.until", lang, values, kind=kind, last=fmt_month(source.coverage.end, lang),
                         end=fmt_month(source.requested.end, lang))
    if source.cut_start:
        return statement("cov.from", lang, values, kind=kind, first=fmt_month(source.coverage.start, lang),
                         start=fmt_month(source.requested.start, lang))
    return None


def short_window_note(source: SourceWindow | None, lang: str = "id") -> Statement | None:
    """A rolling window ("12 bulan") that reaches back before the data: it reads only the months it has."""
    if source is None or not source.short:
        return None
    used = source.used
    return statement("cov.short", lang, {"kind": source.kind, "months": source.months, "used": (used.start, used.end),
                                         "coverage": _pair(source.coverage)},
                     months=source.months, used=fmt_period(used.start, used.end, lang), n=used.months,
                     kind=tr(f"kind.{source.kind}", lang))


def coverage_notes(sources, lang: str = "id") -> list[Statement]:
    """One note per data kind among the sources (the first source of a kind speaks for it), and a note for each
    rolling window cut short by the start of the data."""
    seen, out = set(), []
    for source in sources:
        if source is None:
            continue
        if source.kind not in seen:
            seen.add(source.kind)
            note = coverage_note(source, lang)
            if note is not None:
                out.append(note)
        short = short_window_note(source, lang)
        if short is not None and short not in out:
            out.append(short)
    return out


def utilisation_comparison(figure, lang: str = "id") -> Statement | None:
    """When occupancy covers only part of the period, the utilisation's change compares occupancy's own months
    with the same months a year earlier, not the period the victims' change names: say which months."""
    source = figure.source
    if figure.previous is None or figure.value is None or source is None or not source.is_cut:
        return None
    used = source.used
    like = used.year_earlier()
    return statement("cmp.utilisation", lang, {"used": (used.start, used.end), "like": (like.start, like.end),
                                               "value": figure.value, "previous": figure.previous},
                     used=fmt_period(used.start, used.end, lang), like=fmt_period(like.start, like.end, lang))


GAPS_SHOWN = 4  # unit-months named in the sentence; the rest are counted


def gaps_note(gaps: list, unit_names: dict, lang: str = "id") -> Statement | None:
    """Monthly occupancy reports missing inside the period: the totals of those months lack the unit's residents
    (the beds are counted from each unit's latest report)."""
    if not gaps:
        return None
    named = [tr("cov.gap_item", lang, name=unit_names.get(u, u), month=fmt_month(m, lang)) for u, m in gaps[:GAPS_SHOWN]]
    if len(gaps) > GAPS_SHOWN:
        named.append(tr("cov.gap_more", lang, n=fmt_int(len(gaps) - GAPS_SHOWN, lang)))
    return statement("cov.gaps", lang, {"gaps": list(gaps)}, n=fmt_int(len(gaps), lang), items=", ".join(named))


# --- capacity alerts ------------------------------------------------------------------------------------


def alert_statements(state, unit_names: dict, lang: str = "id", *, threshold: float, min_months: int
                     ) -> list[Statement]:
    """The alert sentences of one AlertState (data_access.indicators): who is on alert in the anchor month, or that
    no unit is; and how many other units had an alert that ended in the period. When no unit is in the province
    scope, only that; when occupancy has no data for the period, only its coverage note."""
    if state.units == 0:
        return [statement("alert.no_units", lang, {"units_in_scope": 0})]
    if not state.source.has_data:
        return [coverage_note(state.source, lang)]
    anchor = state.anchor
    shown = dict(threshold=fmt_pct(threshold, digits=0, lang=lang), months=min_months, month=fmt_month(anchor, lang))
    rule = {"threshold": threshold, "min_months": min_months, "anchor": anchor}
    out = []
    ongoing, unreported = state.ongoing_units, list(state.unreported)
    if ongoing:
        out.append(statement("alert.ongoing", lang, {**rule, "units": ongoing}, count=fmt_int(len(ongoing), lang),
                             **shown))
    elif not unreported:
        out.append(statement("alert.none", lang, {**rule, "units": [], "units_in_scope": state.units}, **shown))
    elif len(unreported) < state.units:
        out.append(statement("alert.none_reported", lang, {**rule, "units": [], "units_in_scope": state.units,
                                                            "unreported": unreported}, **shown))
    if unreported:
        out.append(statement("alert.unreported", lang, {**rule, "units": unreported}, n=fmt_int(len(unreported), lang),
                             month=fmt_month(anchor, lang),
                             names=", ".join(unit_names.get(u, u) for u in unreported)))
    ended = state.ended_units
    if ended:
        out.append(statement("alert.ended", lang, {**rule, "units": ended, "period_start": state.source.requested.start},
                             n=fmt_int(len(ended), lang), month=fmt_month(anchor, lang)))
    return out


# --- staffing -------------------------------------------------------------------------------------------


def staffing_gap(wisn: pd.DataFrame | None, lang: str = "id") -> Statement | None:
    """Gross shortage (Σ per unit and role of max(0, needed − available)) beside the net difference (Σ needed −
    Σ available), with their arithmetic: 282 short although 865 − 631 = 234."""
    if wisn is None or wisn.empty:
        return None
    required, current = float(wisn["required_staff"].sum()), float(wisn["current_staff"].sum())
    gross = float(wisn["kekurangan"].sum())
    net = required - current
    values = {"gross": gross, "net": net, "required": required, "current": current}
    return statement("sdm.gap", lang, values, gross=fmt_int(gross, lang), net=fmt_int(net, lang),
                     required=fmt_int(required, lang), current=fmt_int(current, lang))


def quarter_label(quarter: dt.date | None, lang: str = "id") -> str:
    """date(2025, 7, 1) → "Triwulan 3 2025" / "Q3 2025"."""
    if quarter is None:
        return "–"
    number = (quarter.month - 1) // 3 + 1
    return tr("quarter", lang, n=number, year=quarter.year)


def wisn_rule(quarter: dt.date | None, workload: Window | None, end: dt.date, lang: str = "id") -> Statement | None:
    """The one WISN rule with the windows it actually read: the staff quarter, the workload months (fewer than 12
    where occupancy begins later or stops earlier; the yearly workload is then scaled up), the period's end."""
    if quarter is None or workload is None:
        return None
    return statement("sdm.rule", lang, {"quarter": quarter, "workload": (workload.start, workload.end),
                                        "months": workload.months, "end": end},
                     quarter=quarter_label(quarter, lang), end=fmt_month(end, lang),
                     window=fmt_period(workload.start, workload.end, lang), n=workload.months,
                     scaled=tr("sdm.rule.scaled", lang) if workload.months < 12 else "")


# --- filters that do not apply --------------------------------------------------------------------------

FILTER_LABELS = {"provinsi": "filters.province", "modus": "filters.modus", "jenis_kelamin": "filters.sex",
                 "kelompok_umur": "filters.age", "instansi": "filters.agency"}


def ignored_note(indicators, filters, lang: str = "id", key: str = "scope.ignored") -> Statement | None:
    """"Filter … tidak berlaku untuk angka ini" for the filters set that none of the indicators applies (each
    indicator then stays the same whatever they are set to). key "scope.ignored_victims" says why for victim
    counts (the agency filter)."""
    ignored = [name for name in FILTER_LABELS
               if getattr(filters, name) and all(name not in ind.filters for ind in indicators)]
    if not ignored:
        return None
    names = ", ".join(tr(FILTER_LABELS[n], lang).lower() for n in ignored)
    return statement(key, lang, {"filters": ignored, "indicators": [i.key for i in indicators]}, names=names)


# --- provinces without a unit ---------------------------------------------------------------------------

SERVED_SHOWN = 5  # units named in the sentence; the rest are counted


def no_unit_statement(province: str, province_name: str, window: Window, served: pd.DataFrame, unit_names: dict,
                      lang: str = "id") -> Statement:
    """A province with no sentra or RPTC, and the units that served its victims in the window.

    served: kode_unit (None: not recorded), jumlah, jarak_km (from the province's capital), most victims first."""
    period = fmt_period(window.start, window.end, lang)
    known = served[served["kode_unit"].notna()] if len(served) else served
    rows = [(str(r.kode_unit), int(r.jumlah), None if pd.isna(r.jarak_km) else float(r.jarak_km))
            for r in known.itertuples()]
    unrecorded = int(served.loc[served["kode_unit"].isna(), "jumlah"].sum()) if len(served) else 0
    values = {"province": province, "window": (window.start, window.end), "served": rows,
              "unrecorded": unrecorded}
    if not rows and not unrecorded:
        return statement("unit.none_in.no_victims", lang, values, province=province_name, period=period)
    items = [tr("unit.served_item", lang, name=unit_names.get(code, code), count=fmt_int(n, lang),
                km=fmt_int(km, lang) if km is not None else "–") for code, n, km in rows[:SERVED_SHOWN]]
    if len(rows) > SERVED_SHOWN:
        items.append(tr("unit.served_more", lang, n=fmt_int(len(rows) - SERVED_SHOWN, lang)))
    if unrecorded:
        items.append(tr("unit.served_unrecorded", lang, n=fmt_int(unrecorded, lang)))
    return statement("unit.none_in", lang, values, province=province_name, period=period, units="; ".join(items))


# --- freshness ------------------------------------------------------------------------------------------


def freshness_note(f, lang: str = "id") -> Statement | None:
    """A kind whose newest month is behind its reporting cycle (domain.provenance.Freshness), or None."""
    if f is None or not f.behind:
        return None
    values = {"kind": f.kind, "last": f.last_month, "expected": f.expected, "behind": f.behind, "as_of": f.as_of}
    return statement("fresh.behind", lang, values, kind=tr(f"kind.{f.kind}", lang), last=fmt_month(f.last_month, lang),
                     expected=fmt_month(f.expected, lang), n=f.behind, as_of=fmt_date(f.as_of, lang))


def mixed_notes(status: pd.DataFrame, shares: dict, lang: str = "id", kinds: tuple[str, ...] = ()) -> list[str]:
    """For each kind (of those given, or all) that mixes demo and real rows: how many of its reports are still demo
    data and which months they cover. status: sumber_data (kode, asal); shares: data_access.importing.DemoShare per
    kode."""
    from domain.periods import month_spans
    from domain.provenance import MIXED
    from strings import catalog

    if kinds:
        status = status[status["kode"].isin(kinds)]
    notes = []
    for kode in status.loc[status["asal"] == MIXED, "kode"]:
        share = shares.get(kode)
        if share is None:
            continue
        months = ", ".join(fmt_period(w.start, w.end, lang) for w in month_spans(share.months))
        name = tr(f"kind.{kode}", lang) if f"kind.{kode}" in catalog() else kode
        notes.append(tr("demo.mixed", lang, kind=name, demo=fmt_int(share.demo_reports, lang),
                        reports=fmt_int(share.reports, lang), months=months))
    return notes


# --- reporting (submissions) ----------------------------------------------------------------------------


def reporting_as_of(as_of: dt.date, demo: bool, last_data: dt.date | None, due_day: int,
                    lang: str = "id") -> Statement:
    """The date reports are judged at, and why: today for real data, the demo's own date for demo data."""
    values = {"as_of": as_of, "demo": demo, "last": last_data, "due_day": due_day}
    if demo and last_data is not None:
        return statement("rep.as_of.demo", lang, values, as_of=fmt_date(as_of, lang),
                         last=fmt_month(last_data, lang), day=due_day)
    return statement("rep.as_of.today", lang, values, as_of=fmt_date(as_of, lang), day=due_day)


def reporting_summary(kind: str, status: pd.DataFrame, window: Window | None, lang: str = "id",
                      reporters: str = "all") -> Statement:
    """How many of the reports due in the window arrived, on time, and are missing; or that none was due yet.

    status: domain.submissions.report_status rows of the window (its statuses are the evidence)."""
    from domain import submissions as sub

    due = status[status["status"] != sub.NOT_DUE] if len(status) else status
    kind_name = tr(f"kind.{kind}", lang)
    values = {"kind": kind, "window": _pair(window), "expected": len(due),
              "reported": int(due["status"].isin([sub.ON_TIME, sub.LATE]).sum()) if len(due) else 0,
              "on_time": int((due["status"] == sub.ON_TIME).sum()) if len(due) else 0,
              "zero": int(due["nol"].astype(bool).sum()) if len(due) else 0,
              "reporters": int(due["pelapor"].nunique()) if len(due) else 0}
    values["missing"] = values["expected"] - values["reported"]
    if window is None or not len(due):
        return statement("rep.none_due", lang, values, kind=kind_name)
    period = fmt_period(window.start, window.end, lang)
    shown = {"kind": kind_name, "period": period, "expected": fmt_int(values["expected"], lang),
             "reported": fmt_int(values["reported"], lang), "on_time": fmt_int(values["on_time"], lang),
             "rate": fmt_pct(values["reported"] / values["expected"], lang=lang),
             "on_time_rate": fmt_pct(values["on_time"] / values["expected"], lang=lang),
             "missing": fmt_int(values["missing"], lang), "zero": fmt_int(values["zero"], lang)}
    key = "rep.summary.complete" if values["missing"] == 0 else "rep.summary"
    return statement(key, lang, values, **shown)


# --- rollback and the public extract --------------------------------------------------------------------


def rollback_public_note(batch_id: int, released_after: int | None, drift, lang: str = "id") -> Statement | None:
    """What a rollback means for the public summary: whether the release the public sees still shows figures the
    data no longer give (republish), or was made after the import yet unchanged by it (rounding and suppression
    absorbed the rows), or came before the import. drift: domain.publication.ReleaseDrift after the rollback;
    released_after: the newest release made after the import (RollbackResult.public_version)."""
    if drift is None or not drift.has_release:
        return None
    values = {"batch": batch_id, "version": drift.latest_version, "released_after": released_after,
              "cells": drift.cells_differing, "stale": drift.is_stale}
    shown = {"batch": batch_id, "version": drift.latest_version, "date": fmt_date(drift.published_at, lang)}
    if drift.is_stale:
        return statement("rb.public.stale", lang, values, cells=fmt_int(drift.cells_differing, lang), **shown)
    if released_after is not None:
        return statement("rb.public.absorbed", lang, values, **shown)
    return statement("rb.public.before", lang, values, **shown)
