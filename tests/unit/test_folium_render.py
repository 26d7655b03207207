"""Folium macros render once, as text (builders/folium_render.py): data never reach Jinja as template source, and
every dashboard map renders as branca's double pass did for data without Jinja syntax."""

from __future__ import annotations

import re

import folium
import pytest

from builders import folium_render
from builders.folium_kit import Legend, escape_html
from builders.maps import make_choropleth_map, make_flow_map, make_unit_map
from tests.unit.test_maps import FLOWS, UNITS, _values, needs_geo, provinces  # noqa: F401 — fixture
from ui.cached import strip_ids

# Each would come out changed if Jinja saw it: "49", "[0, 1, 2]", the module's globals (code on the server).
TEMPLATE_NAMES = ("{{ 7*7 }}", "{{ range(3)|list }}", "{{ self.__init__.__globals__ }}",
                  "{% for x in 'ab' %}{{x}}{% endfor %}")


def _branca_render(m) -> str:
    folium_render.uninstall()
    try:
        return m.get_root().render()
    finally:
        folium_render.install()


def _same(text: str) -> str:
    # branca's second pass is a Jinja render, which drops one trailing newline per element: compare without
    # whitespace runs, and without folium's random element ids; ZoomableMap drops folium's zoom lock only from its own
    # render (test below), so that fragment is left out of the comparison.
    text = re.sub(r",\s*maximum-scale=1\.0,\s*user-scalable=no", "", strip_ids(text))
    return re.sub(r"\s+", " ", text).strip()


def _marker_map(text: str) -> folium.Map:
    m = folium.Map(tiles=None)
    folium.Marker([0, 0], tooltip=text, popup=folium.Popup(text)).add_to(m)
    return m


def test_a_macro_output_is_never_compiled_as_a_template():
    """Before: branca (every macro) and folium's Popup compiled their rendered output as a Jinja template, so text
    reaching a map as "{{ 7*7 }}" read "49", and a crafted text ran Python in the server process."""
    text = "{{ 'xy' ~ 'zq' }}"  # Jinja makes it "xyzq" (letters no element id has)
    ours = _marker_map(text).get_root().render()
    assert ours.count(text) == 2 and "xyzq" not in ours  # tooltip and popup, as written
    theirs = _branca_render(_marker_map(text))
    assert text not in theirs and "xyzq" in theirs  # the defect, on branca's own render


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_a_name_in_the_data_is_shown_as_written(name):
    """Names in the dashboard's maps (units' popups and tooltips, legends) come out as written, braces as
    entities, on either render."""
    units = UNITS.assign(nama=[name] * len(UNITS))
    m = make_unit_map(units)
    Legend(name, []).add_to(m)
    for html in (m.get_root().render(), _branca_render(m)):
        assert escape_html(name) in html and "{" not in escape_html(name)
        assert "[0, 1, 2]" not in html and "__builtins__" not in html


def test_unit_and_flow_maps_render_as_before():
    # A fresh map for each render: rendering one map twice repeats some of its statements.
    for build in (lambda: make_unit_map(UNITS), lambda: make_flow_map(FLOWS)):
        assert _same(build().get_root().render()) == _same(_branca_render(build()))


@needs_geo
def test_the_choropleth_renders_as_before(provinces):  # noqa: F811 — the fixture
    def build():
        return make_choropleth_map(provinces, _values(provinces), "rate")

    assert _same(build().get_root().render()) == _same(_branca_render(build()))


def test_a_map_lets_the_reader_zoom_and_shows_keyboard_focus():
    """Issue 25: folium's map page set maximum-scale=1.0, user-scalable=no (no zoom; axe: meta-viewport) and the
    map showed no focus ring; the flow map's name labels, then every line and dot with a tooltip, were Tab stops
    (tests/browser/test_map_focus.py counts them in Chromium)."""
    html = make_flow_map(FLOWS).get_root().render()
    viewport = re.search(r'<meta name="viewport" content="([^"]*)"', html).group(1)
    assert "maximum-scale" not in viewport and "user-scalable" not in viewport and "width=device-width" in viewport
    assert re.search(r"\.leaflet-container:focus-visible[^{]*\{[^}]*outline: 3px solid", html)
    assert '"keyboard": false' in html
    assert re.search(r'\.on\("layeradd".*?setAttribute\("tabindex", "-1"\)', html, re.S)
