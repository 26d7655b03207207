"""scale_text: every font size in a figure grows, text without its own size inherits a scaled layout font."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from builders.figure_text import scale_text


def _fig(layout_font: dict | None) -> go.Figure:
    fig = go.Figure(go.Bar(x=[1, 2], y=["a", "b"], orientation="h", text=["1", "2"], textfont={"size": [10, 11]}))
    fig.update_layout(font=layout_font, title={"text": "T", "font": {"size": 16}},
                      xaxis={"tickfont": {"size": 9}}, legend={"font": {"size": 10}})
    fig.add_annotation(text="catatan", font={"size": 8, "color": "#555"}, showarrow=False)
    return fig


@pytest.mark.parametrize("layout_font, expected_layout", [
    ({"size": 13, "family": "Arial"}, 19.5),
    (None, 18.0),  # plotly's default 12 px, set explicitly so inheriting text grows too
])
def test_every_size_scales(layout_font, expected_layout):
    fig = _fig(layout_font)
    before = fig.to_plotly_json()
    big = scale_text(fig, 1.5)
    assert big.layout.font.size == expected_layout
    assert big.layout.title.font.size == 24
    assert big.layout.xaxis.tickfont.size == 13.5
    assert big.layout.legend.font.size == 15
    assert big.layout.annotations[0].font.size == 12 and big.layout.annotations[0].font.color == "#555"
    assert list(big.data[0].textfont.size) == [15, 16.5]
    assert list(big.data[0].x) == [1, 2], "data values are not font sizes"
    assert fig.to_plotly_json() == before, "the cached original is not changed"


def test_sizes_left_to_the_template_are_written_out():
    """Streamlit's chart theme sets 12 px ticks in the template, which beats the inherited layout font: the
    projector figure must carry its own sizes (measured: 12 px ticks under a 19.5 px layout font before)."""
    fig = go.Figure(go.Bar(x=[1], y=["a"]))
    fig.update_layout(font={"size": 13}, yaxis2={"overlaying": "y"})
    big = scale_text(fig, 1.5)
    for axis in (big.layout.xaxis, big.layout.yaxis, big.layout.yaxis2):
        assert axis.tickfont.size == 19.5 and axis.title.font.size == 19.5
    assert big.layout.legend.font.size == big.layout.hoverlabel.font.size == 19.5
    assert big.layout.title.font.size == 24.4
