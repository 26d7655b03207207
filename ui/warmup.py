"""Server start: the work the first visitor would otherwise wait for (issue 12: the first page within 5 s).

`serve.py` runs warm_up() in a background thread when the server starts, so /_stcore/health answers at once. A
visitor who comes early waits only for what is left: Python's import lock makes the first session wait for a module
that is half imported instead of importing it a second time, and the bootstrap is a cache_resource, computed once.
"""

from __future__ import annotations

import ast
import importlib
import logging
import threading
import time
from pathlib import Path

log = logging.getLogger("tppo.warmup")
PROJECT = Path(__file__).resolve().parents[1]
# Modules that declare a custom component when imported: Streamlit registers it only when the import happens in a
# script run, so importing one here would leave the map's iframe without its assets (a 60 s skeleton, measured).
COMPONENT_MODULES = frozenset({"streamlit_folium"})


def page_modules(project: Path = PROJECT) -> list[str]:
    """Every module that app.py, the pages and ui/ import, at the top or inside a function (the pages import
    lazily on purpose, so a visitor's first page does not wait for modules it does not need)."""
    names: set[str] = set()
    for path in (project / "app.py", *sorted((project / "app_pages").glob("*.py")),
                 *sorted((project / "ui").glob("*.py"))):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
    # A page file is a script, not a library: importing it would draw it.
    return sorted(n for n in names - {"__future__"} - COMPONENT_MODULES if not n.startswith("app_pages"))


def default_states() -> list:
    """The filter states a visit starts with: the default period, nationally and for each province (the sidebar's
    province filter). Empty when the database has no case month."""
    from data_access.reference import get_code_names
    from domain.filters import Filters, parse_month
    from ui.filters import default_window, month_options

    months = month_options()
    if not months:
        return []
    start, end = (parse_month(m) for m in default_window(months))
    base = Filters(start=start, end=end)
    return [base, *(base.with_(provinsi=(code,)) for code in sorted(get_code_names("id")["provinsi"]))]


def modus_states(states: list) -> list:
    """Each of states with one modus, the modus with the most victims in the first state first: the sidebar's
    second filter, which the Peta page invites and the executive page then keeps (issue 24: a province with a
    modus was the slowest step at 20 users, computed on the click while other users waited for the core)."""
    from data_access.cases import get_victims_by
    from data_access.reference import get_code_names

    if not states:
        return []
    counts = get_victims_by(states[0], ("modus",))
    size = dict(zip(counts["modus"], counts["jumlah"]))
    ranked = sorted(get_code_names("id")["modus"], key=lambda m: (-size.get(m, 0), m))
    return [state.with_(modus=(m,)) for m in ranked for state in states]


def warm_states() -> list:
    """What the server warms, in order: the default states (a visit's first page and province), then each of them
    with each modus."""
    states = default_states()
    return [*states, *modus_states(states)]


def warm_views(states: list | None = None) -> float:
    """Computes the executive page's data views (briefing, its tables, action lists, prevention) and the Peta
    page's victims by area for every state (default: warm_states()) into the shared cache; seconds taken. Never
    raises.
    A minister's first click is a province on the executive page: cold, it computed ~0.1 s of data per province
    while other users waited for the same core (issue 24: the slowest step at 20 and 40 users). The 39 default
    states take ~4 s of CPU, each modus ~4 s more (7 modus: ~35 s in all, ~100 MB of cache), once per data version,
    in the background at start and after an import, giving way to visitors."""
    from data_access.actions import get_action_lists
    from data_access.briefing import get_briefing, get_briefing_tables
    from data_access.caching import use_cache
    from data_access.cases import get_victims_by
    from data_access.prevention import get_prevention_view

    use_cache()  # the pages' shared cache (each script run turns it on too; the server thread may come first)
    start = time.perf_counter()
    try:
        for state in warm_states() if states is None else states:
            _give_way()
            get_briefing(state, "id")
            get_briefing_tables(state, "id")
            get_action_lists(state)
            get_prevention_view(state)
            get_victims_by(state, ("kode_prov_asal", "kode_asal"))  # Peta's map and table (its first query)
    except Exception:  # noqa: BLE001 — a page computing the same view shows the failure in Indonesian
        log.warning("warming the default views failed; pages compute them on the first click", exc_info=True)
    seconds = time.perf_counter() - start
    log.info("default views warmed in %.1f s", seconds)
    return seconds


# One warming at a time per process; a data change announced meanwhile runs it once more after (the running one
# may have read the old data).
_warming = threading.Lock()
_running = False
_again = False


def _give_way(quiet_s: float = 0.5, at_most_s: float = 2.0) -> None:
    """Waits until no script run has started for quiet_s (a visitor's run, which shares the interpreter's lock
    with this thread, goes first: the first page after a start must not wait for the warming), but at most
    at_most_s, so that under steady use the warming still moves on."""
    from data_access.caching import since_last_run

    deadline = time.monotonic() + at_most_s
    while since_last_run() < quiet_s and time.monotonic() < deadline:
        time.sleep(0.05)


def _warm_in_background(_url: str = "", _version: str = "") -> None:
    """Starts warm_views in a thread, or, if one is running, has it warm once more when it is done."""
    global _running, _again
    with _warming:
        if _running:
            _again = True
            return
        _running = True

    def run() -> None:
        global _running, _again
        while True:
            warm_views()
            with _warming:
                if not _again:
                    _running = False
                    return
                _again = False

    threading.Thread(target=run, name="tppo-warm-views", daemon=True).start()


def warm_up(views: bool = False) -> float:
    """Imports what the pages use and runs the app's bootstrap (migrations check, offline assets); seconds taken.
    views: then warm the default views in the background, now and after each data change (the server does).

    Never raises: a failure here is shown to the first visitor by the app's own bootstrap, in Indonesian."""
    start = time.perf_counter()
    for name in page_modules():
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 — an optional module missing is the page's business, not the server's
            log.debug("warm-up could not import %s", name, exc_info=True)
    try:
        from ui.bootstrap import bootstrap

        bootstrap()
    except Exception:  # noqa: BLE001 — see above
        log.warning("warm-up bootstrap failed; the first page will say why", exc_info=True)
    else:
        if views:
            from data_access.caching import on_new_version

            on_new_version(_warm_in_background)
            _warm_in_background()
    seconds = time.perf_counter() - start
    log.info("warm-up done in %.1f s", seconds)
    return seconds
