"""Which data kinds still hold demo data (asked by every header, the sign-in form and the sidebar badge)."""

from __future__ import annotations

from data_access.reference import get_data_status
from ui.cached import memo


def demo_kinds(kinds: tuple[str, ...] = ()) -> list[str]:
    """Data kinds (of those given, or all) that still hold demo data."""
    return list(memo(_demo_kinds, tuple(kinds)))  # asked by every header, provenance line and download


def _demo_kinds(kinds: tuple[str, ...]) -> list[str]:
    status = get_data_status()
    if kinds:
        status = status[status["kode"].isin(kinds)]
    return status.loc[status["asal"] == "demo", "kode"].tolist()


def is_demo(kinds: tuple[str, ...] = ()) -> bool:
    return bool(demo_kinds(kinds))
