"""Server start: the work the first visitor would otherwise wait for (issue 12: the first page within 5 s).

`serve.py` runs warm_up() in a background thread when the server starts, so /_stcore/health answers at once. A
visitor who comes early waits only for what is left: Python's import lock makes the first session wait for a module
that is half imported instead of importing it a second time, and the bootstrap is a cache_resource, computed once.
"""

from __future__ import annotations

import ast
import importlib
import logging
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


def warm_up() -> float:
    """Imports what the pages use and runs the app's bootstrap (migrations check, offline assets); seconds taken.

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
    seconds = time.perf_counter() - start
    log.info("warm-up done in %.1f s", seconds)
    return seconds
