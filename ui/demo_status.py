"""Which data kinds still hold demo data (asked by every header, the sign-in form and the sidebar badge)."""

from __future__ import annotations

from data_access.reference import get_data_status
from domain.provenance import holds_demo
from ui.cached import memo


def demo_kinds(kinds: tuple[str, ...] = ()) -> list[str]:
    """Data kinds (of those given, or all) that still hold demo data (all demo, or mixed)."""
    return list(memo(_demo_kinds, tuple(kinds)))  # asked by every header, provenance line and download


def _demo_kinds(kinds: tuple[str, ...]) -> list[str]:
    status = get_data_status()
    if kinds:
        status = status[status["kode"].isin(kinds)]
    return status.loc[status["asal"].map(holds_demo), "kode"].tolist()


def is_demo(kinds: tuple[str, ...] = ()) -> bool:
    return bool(demo_kinds(kinds))


def mixed_notes(kinds: tuple[str, ...], lang: str) -> tuple[str, ...]:
    """For each kind shown that mixes demo and real rows: which of its months are still demo data."""
    return tuple(memo(_mixed_notes, tuple(kinds), lang))


def _mixed_notes(kinds: tuple[str, ...], lang: str) -> tuple[str, ...]:
    from data_access.importing import get_demo_months
    from domain.formatting import fmt_int, fmt_period
    from domain.periods import month_spans
    from domain.provenance import MIXED
    from strings import catalog, tr

    status = get_data_status()
    if kinds:
        status = status[status["kode"].isin(kinds)]
    mixed = status.loc[status["asal"] == MIXED, "kode"].tolist()
    if not mixed:
        return ()
    shares = get_demo_months()
    notes = []
    for kode in mixed:
        share = shares.get(kode)
        if share is None:
            continue
        months = ", ".join(fmt_period(w.start, w.end, lang) for w in month_spans(share.months))
        name = tr(f"kind.{kode}", lang) if f"kind.{kode}" in catalog() else kode
        notes.append(tr("demo.mixed", lang, kind=name, demo=fmt_int(share.demo_reports, lang),
                        reports=fmt_int(share.reports, lang), months=months))
    return tuple(notes)
