"""Larger chart text for the projector: plotly draws text in pixels fixed in the figure, so the page's CSS font size
(which projector mode raises) never reaches it; the figure itself must carry the larger sizes."""

from __future__ import annotations

from typing import Any

import re

import plotly.graph_objects as go

# Plotly's own default when a figure sets no layout font size.
PLOTLY_DEFAULT_SIZE = 12


def _scale_node(node: Any, factor: float, in_font: bool = False) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if in_font and key == "size":
                out[key] = _scale_size(value, factor)
            else:
                # font, tickfont, textfont, insidetextfont, title.font, legend.font, annotations[].font, …
                out[key] = _scale_node(value, factor, in_font=key.endswith("font"))
        return out
    if isinstance(node, list):
        return [_scale_node(item, factor) for item in node]
    return node


def _scale_size(value: Any, factor: float) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return round(value * factor, 1)
    if isinstance(value, (list, tuple)):  # per-point text sizes
        return [_scale_size(v, factor) for v in value]
    return value


_AXIS = re.compile(r"^[xy]axis\d*$")


def _font(node: dict, *path: str) -> dict:
    for key in path:
        node = node.setdefault(key, {})
    return node


def scale_text(fig: go.Figure, factor: float) -> go.Figure:
    """A copy of fig whose every font size is factor times larger. The original figure is left untouched.

    Sizes a figure leaves unset are written out: Streamlit's chart theme (st.plotly_chart's default) puts fixed
    12–16 px sizes for ticks, axis titles, legend, title and hover labels into the figure's template, and a template
    beats what those texts would otherwise inherit from the layout font; only a size in the figure itself wins."""
    spec = _scale_node(fig.to_plotly_json(), factor)
    layout = spec.setdefault("layout", {})
    base = _font(layout, "font").setdefault("size", round(PLOTLY_DEFAULT_SIZE * factor, 1))
    for axis in {"xaxis", "yaxis", *(key for key in layout if _AXIS.match(key))}:
        _font(layout, axis, "tickfont").setdefault("size", base)
        _font(layout, axis, "title", "font").setdefault("size", base)
    _font(layout, "legend", "font").setdefault("size", base)
    _font(layout, "legend", "title", "font").setdefault("size", base)
    _font(layout, "hoverlabel", "font").setdefault("size", base)
    _font(layout, "title", "font").setdefault("size", round(base * 1.25, 1))
    if "coloraxis" in layout:
        _font(layout, "coloraxis", "colorbar", "tickfont").setdefault("size", base)
    return go.Figure(spec)
