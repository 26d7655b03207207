"""The folium kit every map builder shares: the base map, legend and attribution controls, swatches, escaping."""

from __future__ import annotations

import html
from typing import Literal

import folium
import pandas as pd
from branca.element import MacroElement
from folium.template import Template

from builders import theme
from builders.offline_assets import IconImagePath
from strings import DEFAULT_LANG, tr

# (south, west), (north, east) of the boundary files (PROVENANCE.md), rounded outwards.
INDONESIA_BOUNDS: tuple[tuple[float, float], tuple[float, float]] = ((-11.01, 95.01), (6.08, 141.03))
INDONESIA_CENTER: tuple[float, float] = (-2.5, 118.0)


def escape_html(value: object) -> str:
    """Escape data for folium tooltips/popups, which folium embeds in JavaScript template literals.

    Beyond html.escape, a backtick would end the literal, "${" would run code and a backslash
    starts an escape sequence (an invalid one is a syntax error that stops the whole map script).
    """
    text = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    return html.escape(text, quote=True).replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;")


def base_map(
    tiles: str | None,
    tiles_attribution: str | None,
    bounds: tuple[tuple[float, float], tuple[float, float]] = INDONESIA_BOUNDS,
    lang: str = DEFAULT_LANG,
) -> folium.Map:
    # tiles=None by default: the dashboard runs without internet and a dead tile server only adds noise.
    m = folium.Map(location=INDONESIA_CENTER, zoom_start=5, tiles=None, control_scale=True, zoom_snap=0.25)
    if tiles:
        folium.TileLayer(tiles=tiles, attr=tiles_attribution, name=tr("map.base_layer", lang), control=False).add_to(m)
    MapStyle().add_to(m)
    IconImagePath().add_to(m)
    m.fit_bounds([list(bounds[0]), list(bounds[1])])
    return m


def swatch_row(kind: Literal["fill", "circle", "line"], colour: str, label: str, width: float = 3.0) -> str:
    if kind == "line":
        swatch = (
            f'<span style="display:inline-block;width:22px;height:{width:.1f}px;'
            f'background:{colour};vertical-align:middle"></span>'
        )
    else:
        radius = "50%" if kind == "circle" else "2px"
        swatch = (
            f'<span style="display:inline-block;width:14px;height:14px;background:{colour};'
            f'border:1px solid {theme.BORDER};border-radius:{radius};vertical-align:middle"></span>'
        )
    return f'<div style="margin:2px 0;white-space:nowrap">{swatch} {escape_html(label)}</div>'


class Legend(MacroElement):
    """A legend as a Leaflet control, built in the map script so it also shows inside st_folium."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function () {
                var legend = L.control({position: {{ this.position|tojson }}});
                legend.onAdd = function () {
                    var div = L.DomUtil.create("div", "tppo-legend");
                    div.innerHTML = {{ this.html|tojson }};
                    L.DomEvent.disableClickPropagation(div);
                    return div;
                };
                legend.addTo({{ this._parent.get_name() }});
            })();
        {% endmacro %}
        """
    )

    # Top right lies over the Pacific on a map of Indonesia; bottom right covered Papua, bottom left Java.
    def __init__(self, title: str, rows: list[str], note: str | None = None, position: str = "topright"):
        super().__init__()
        self._name = "Legend"
        self.position = position
        parts = [f'<div style="font-weight:600;margin-bottom:4px">{escape_html(title)}</div>', *rows]
        if note:
            parts.append(f'<div style="margin-top:4px;color:#555;font-size:11px">{escape_html(note)}</div>')
        self.html = (
            f'<div style="background:rgba(255,255,255,0.92);padding:6px 8px;border-radius:4px;'
            f"box-shadow:0 0 4px rgba(0,0,0,0.3);font:12px/1.35 {theme.FONT_FAMILY};color:#222\">"
            + "".join(parts)
            + "</div>"
        )


class Attribution(MacroElement):
    """Adds a text attribution (the boundary licence notice) to the map's attribution control."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            if ({{ this._parent.get_name() }}.attributionControl) {
                {{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text|tojson }});
            }
        {% endmacro %}
        """
    )

    def __init__(self, text: str):
        super().__init__()
        self._name = "Attribution"
        self.text = escape_html(text)


class MapStyle(MacroElement):
    """Sea-coloured background and legend font; header CSS, which st_folium also applies."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
            <style>div.leaflet-container { background: {{ this.background }}; }
            path.leaflet-interactive:focus:not(:focus-visible) { outline: none; }</style>
        {% endmacro %}
        """
    )

    def __init__(self):
        super().__init__()
        self._name = "MapStyle"
        self.background = theme.MAP_BACKGROUND
