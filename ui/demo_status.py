"""Which data kinds still hold demo data (asked by every header, the sign-in form and the sidebar badge)."""

from __future__ import annotations

from data_access.reference import get_data_status
from domain.provenance import MIXED, holds_demo
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
    from domain import statements

    status = get_data_status()
    if not (status["asal"] == MIXED).any():  # the usual case: no query of the demo months
        return ()
    return tuple(statements.mixed_notes(status, get_demo_months(), lang, kinds))
