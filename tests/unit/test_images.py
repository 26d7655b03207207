"""exports.images: the deck's chart images come from one kaleido batch and are reused for an unchanged figure."""

from __future__ import annotations

import shutil

import plotly.graph_objects as go
import pytest

from exports.images import render_png

pytestmark = pytest.mark.skipif(not shutil.which("chromium") and not shutil.which("chromium-browser"),
                                reason="kaleido needs Chromium")


def test_images_are_rendered_once_per_figure_and_reused():
    bars = go.Figure(go.Bar(x=["a", "b"], y=[3, 5]))
    line = go.Figure(go.Scatter(x=[1, 2, 3], y=[2, 1, 4]))
    first = render_png({"bars": bars, "line": line}, 300, 200, scale=1)
    assert set(first) == {"bars", "line"}
    assert all(png.startswith(b"\x89PNG") for png in first.values())
    again = render_png({"line": line, "bars": bars}, 300, 200, scale=1)
    assert again["bars"] is first["bars"] and again["line"] is first["line"]  # from memory, not re-rendered
    changed = go.Figure(go.Bar(x=["a", "b"], y=[3, 6]))
    other = render_png({"bars": changed}, 300, 200, scale=1)
    assert other["bars"] != first["bars"]  # a changed figure is never answered with a stale image
