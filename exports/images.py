"""PNG images of plotly figures for the slide deck: one kaleido batch, a browser kept open between decks, and the
images of a figure already rendered in this process reused (issue 12: the deck took 28 s; the page promises 10-20).

Kaleido 1.x starts a headless Chromium for every call (about 3-5 s on the 2-core machine). The deck's figures go in
one batch, and the browser is kept open (kaleido's sync server) for the next deck; `prewarm()` opens it in the
background when the briefing page is shown, so the first click does not wait for it either.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
import threading
from collections import OrderedDict
from pathlib import Path

import plotly.graph_objects as go

log = logging.getLogger(__name__)
MAX_CACHED = 64  # PNGs of about 100 kB each

_lock = threading.Lock()  # one batch at a time through the shared browser
_cache: OrderedDict[str, bytes] = OrderedDict()
_server = {"state": "closed"}  # closed | opening | open | failed


def _key(fig: go.Figure, width: int, height: int, scale: float) -> str:
    return hashlib.sha256(f"{width}x{height}@{scale}:".encode() + fig.to_json().encode()).hexdigest()


def _open_server() -> bool:
    """Start kaleido's persistent browser once per process; False if it cannot (one-shot calls then)."""
    if _server["state"] == "open":
        return True
    if _server["state"] == "failed":
        return False
    try:
        import warnings

        import kaleido

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            kaleido.start_sync_server(silence_warnings=True)
        _server["state"] = "open"
        return True
    except Exception:  # noqa: BLE001 — images are optional; the deck notes why they are missing
        log.exception("kaleido server could not start")
        _server["state"] = "failed"
        return False


def prewarm() -> None:
    """Open the export browser in the background (idempotent, returns at once)."""
    if _server["state"] != "closed":
        return
    _server["state"] = "opening"

    def run() -> None:
        with _lock:
            _server["state"] = "closed"
            _open_server()

    threading.Thread(target=run, name="kaleido-prewarm", daemon=True).start()


def render_png(figs: dict[str, go.Figure], width: int, height: int, scale: float = 2) -> dict[str, bytes]:
    """PNG bytes per figure name; figures rendered before (same JSON, size and scale) come from memory, the rest in
    one kaleido batch. Raises what kaleido raises (the caller turns it into a note on the slide)."""
    import warnings

    import plotly.io as pio

    keys = {name: _key(fig, width, height, scale) for name, fig in figs.items()}
    with _lock:
        missing = {name: fig for name, fig in figs.items() if keys[name] not in _cache}
        if missing:
            _open_server()
            with tempfile.TemporaryDirectory(prefix="tppo-png-") as tmp, warnings.catch_warnings():
                warnings.simplefilter("ignore")  # "kopts is ignored if using a server": expected
                paths = [Path(tmp) / f"{i}.png" for i in range(len(missing))]
                pio.write_images(list(missing.values()), paths, format="png", width=width, height=height, scale=scale)
                for name, path in zip(missing, paths):
                    if path.exists():
                        _cache[keys[name]] = path.read_bytes()
            while len(_cache) > MAX_CACHED:
                _cache.popitem(last=False)
        return {name: _cache[keys[name]] for name in figs if keys[name] in _cache}
