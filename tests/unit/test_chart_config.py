"""Plotly's modebar speaks the page language (issue 25: Indonesian pages showed "Download plot as a PNG")."""

from __future__ import annotations

import re
from pathlib import Path

from strings import catalog

PROJECT = Path(__file__).resolve().parents[2]


def test_indonesian_config_translates_the_modebar_and_keeps_the_png_download():
    from ui.charts import chart_config

    config = chart_config("id")
    dictionary = config["locales"][config["locale"]]["dictionary"]
    assert dictionary["Download plot as a PNG"] == "Unduh grafik sebagai PNG"
    assert {"Zoom", "Autoscale", "Reset axes", "Pan"} <= set(dictionary)
    assert "toImage" not in config.get("modeBarButtonsToRemove", [])
    assert "locale" not in chart_config("en")


def test_every_plotly_text_is_plotlys_own_english():
    """The dictionary is keyed by plotly.js's exact English: a reworded key would silently stay English."""
    import streamlit

    js_dir = Path(streamlit.__file__).parent / "static" / "static" / "js"
    plotly_js = next(path for path in js_dir.glob("PlotlyChart*.js"))
    source = plotly_js.read_text(encoding="utf-8", errors="replace")
    missing = [texts["en"] for key, texts in catalog().items()
               if key.startswith("plotly.") and f"`{texts['en']}`" not in source and f'"{texts["en"]}"' not in source]
    assert not missing, missing


def test_every_chart_goes_through_show_chart():
    calls = [f"{path.relative_to(PROJECT)}:{n}" for folder in ("app_pages", "ui") for path in (PROJECT / folder).glob("*.py")
             if path.name != "charts.py"
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"\.plotly_chart\(", line)]
    assert not calls, calls
