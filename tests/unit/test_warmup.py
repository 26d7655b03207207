"""The server's warm-up (serve.py → ui.warmup) imports what the pages import, but never a page script and never a
module that declares a Streamlit component outside a script run (the component would not be registered)."""

from __future__ import annotations

from pathlib import Path

from ui.warmup import COMPONENT_MODULES, page_modules, warm_up



def test_the_pages_imports_are_warmed():
    modules = page_modules()
    for expected in ("pandas", "geopandas", "builders.maps", "data_access.cases", "ui.cached", "exports.deck"):
        assert expected in modules, expected


def test_no_page_script_and_no_component_module():
    modules = page_modules()
    assert not [m for m in modules if m.startswith("app_pages")]
    assert not COMPONENT_MODULES & set(modules)


def _declares_component(name: str) -> bool:
    import importlib.util

    spec = importlib.util.find_spec(name.split(".")[0])
    origin = Path(spec.origin) if spec and spec.origin else None
    if origin is None or "site-packages" not in str(origin):
        return False
    return "declare_component(" in origin.read_text(errors="ignore")


def test_every_third_party_module_that_declares_a_component_is_left_out():
    assert _declares_component("streamlit_folium")  # the detection works on the one we know
    assert not [name for name in page_modules() if _declares_component(name)]


def test_warm_up_runs_the_bootstrap_on_the_configured_database(tmp_path, monkeypatch):
    """The server's first visitor finds the schema (and demo data) ready: the warm-up ran the app's bootstrap."""
    from sqlalchemy import create_engine, inspect

    from ui.bootstrap import bootstrap

    db = tmp_path / "warm.sqlite"
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("TPPO_SQLITE_PATH", str(db))
    bootstrap.clear()  # once per process: another test may have run it on its own database
    assert warm_up() >= 0
    engine = create_engine(f"sqlite:///{db}")
    assert "kasus" in inspect(engine).get_table_names()
    engine.dispose()


def test_a_data_change_during_a_warming_warms_once_more_after_it(monkeypatch):
    """An import announced while the warming runs (on the old data) warms again when it ends; several announcements
    meanwhile warm once more, not once each, and never two at a time."""
    import threading

    from ui import warmup

    started, release, done = threading.Event(), threading.Event(), threading.Event()
    calls: list[int] = []
    at_once = {"now": 0, "most": 0}

    def fake_warm() -> float:
        at_once["now"] += 1
        at_once["most"] = max(at_once["most"], at_once["now"])
        calls.append(len(calls))
        started.set()
        if len(calls) == 1:
            release.wait(10)
        at_once["now"] -= 1
        if len(calls) == 2:
            done.set()
        return 0.0

    monkeypatch.setattr(warmup, "warm_views", fake_warm)
    monkeypatch.setattr(warmup, "_running", False)
    monkeypatch.setattr(warmup, "_again", False)
    warmup._warm_in_background()
    assert started.wait(10)
    for version in ("v2", "v3", "v4"):
        warmup._warm_in_background("url", version)
    release.set()
    assert done.wait(10)
    for _ in range(100):  # the thread sets _running back once it sees nothing more to do
        if not warmup._running:
            break
        threading.Event().wait(0.02)
    assert calls == [0, 1] and at_once["most"] == 1 and not warmup._running
