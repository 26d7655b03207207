"""The folium kit every map builder shares: the base map, legend and attribution controls, swatches, escaping."""

from __future__ import annotations

import html
import re
from typing import Literal

import folium
import pandas as pd
from branca.element import MacroElement
from folium.template import Template

from builders import folium_render  # noqa: F401 — macros render once, as text (the module says why)
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
    # Braces as entities too: a map's text must never read as Jinja source ("{{ … }}"), whatever renders it
    # (builders/folium_render.py).
    text = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    return (html.escape(text, quote=True).replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;")
            .replace("{", "&#123;").replace("}", "&#125;"))


class ZoomableMap(folium.Map):
    """folium's map without the viewport lock folium writes into the map's page (maximum-scale=1.0,
    user-scalable=no): a reader may zoom, as WCAG 1.4.4 asks (axe: meta-viewport, issue 25)."""

    def render(self, **kwargs) -> None:
        super().render(**kwargs)
        header = self.get_root().header._children.get(self.get_name())
        if isinstance(header, folium_render.RenderedText):
            header.text = re.sub(r",\s*maximum-scale=[\d.]+\s*,\s*user-scalable=no", "", header.text)


def base_map(
    tiles: str | None,
    tiles_attribution: str | None,
    bounds: tuple[tuple[float, float], tuple[float, float]] = INDONESIA_BOUNDS,
    lang: str = DEFAULT_LANG,
) -> folium.Map:
    # tiles=None by default: the dashboard runs without internet and a dead tile server only adds noise.
    m = ZoomableMap(location=INDONESIA_CENTER, zoom_start=5, tiles=None, control_scale=True, zoom_snap=0.25)
    if tiles:
        folium.TileLayer(tiles=tiles, attr=tiles_attribution, name=tr("map.base_layer", lang), control=False).add_to(m)
    MapStyle().add_to(m)
    ShapesOutOfTabOrder().add_to(m)  # before any layer, so it sees every layer added
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
    return f'<div style="margin:2px 0">{swatch} {escape_html(label)}</div>'


class Legend(MacroElement):
    """A legend as a Leaflet control, built in the map script so it also shows inside st_folium."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function () {
                var map = {{ this._parent.get_name() }};
                var legend = L.control({position: {{ this.position|tojson }}});
                legend.onAdd = function () {
                    var div = L.DomUtil.create("div", "tppo-legend");
                    div.innerHTML = {{ this.html|tojson }};
                    L.DomEvent.disableClickPropagation(div);
                    L.DomEvent.disableScrollPropagation(div);
                    return div;
                };
                legend.addTo(map);
                var box = legend.getContainer().querySelector("details");
                if (map.getSize().x < {{ this.fold_below_px }}) {
                    box.open = false;  // a phone: open, the legend covered half the map
                }
            })();
        {% endmacro %}
        """
    )

    # Top right lies over the Pacific on a map of Indonesia; bottom right covered Papua, bottom left Java. It still
    # covered Kalimantan and Sulawesi nationally and Bima in the NTB drill (issue 25): the legend folds (a <details>,
    # its title the summary) and starts folded on a map narrower than fold_below_px. Fitting the view beside or
    # below the legend was tried and left out: with any padded fit the browser test's click on NTB stopped
    # drilling into the province (cause not found). The dashboard's pages now show the legend below the map
    # (ui.cached.take_legends); this control stays for maps shown elsewhere (exports, the public site).
    fold_below_px = 520

    def __init__(self, title: str, rows: list[str], note: str | None = None, position: str = "topright"):
        super().__init__()
        self._name = "Legend"
        self.position = position
        parts = [f'<summary style="font-weight:600;margin-bottom:4px;cursor:pointer">{escape_html(title)}</summary>',
                 *rows]
        if note:
            parts.append(f'<div style="margin-top:4px;color:#555;font-size:11px">{escape_html(note)}</div>')
        self.html = (
            f'<details open style="background:rgba(255,255,255,0.92);padding:6px 8px;border-radius:4px;'
            f"box-shadow:0 0 4px rgba(0,0,0,0.3);font:12px/1.35 {theme.FONT_FAMILY};color:#222;width:190px;box-sizing:border-box\">"
            + "".join(parts)
            + "</details>"
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
            path.leaflet-interactive:focus:not(:focus-visible) { outline: none; }
            /* Keyboard focus is always visible inside the map (the map, its controls, the legend's fold). */
            .leaflet-container:focus-visible, .leaflet-interactive:focus-visible, .leaflet-control a:focus-visible,
            .leaflet-control summary:focus-visible { outline: 3px solid #1F4E79; outline-offset: 2px; }
            /* The map fills its iframe, which cut off a ring drawn outside it (issue 25): the map's ring is drawn
               inside its edge, and the attribution, in the frame's corner, keeps room below its links' ring. */
            .leaflet-container:focus-visible { outline-offset: -3px; }
            .leaflet-control-attribution a:focus-visible { outline-width: 2px; outline-offset: 0; }
            /* A long attribution wrapped over the scale bar on a narrow map: it keeps clear of the scale. The width
               counts from the frame (the map fills it): 100% of the control's corner box, which is only as wide as
               the attribution, squeezed a short one ("Leaflet" alone) to nothing, its link half outside the map. */
            .leaflet-control-attribution { max-width: calc(100vw - 140px); white-space: normal; font-size: 10px;
                                           line-height: 1.25; padding-bottom: 3px; }
            /* A small map (the executive first screen's, ~200 px wide at 1366 px) left the notice 57 px: its text
               ran out of the frame. There the scale bar, of little use at that size, gives the notice the width. */
            @media (max-width: 360px) {
                .leaflet-control-scale { display: none; }
                .leaflet-control-attribution { max-width: calc(100vw - 4px); overflow-wrap: anywhere; }
            }</style>
        {% endmacro %}
        """
    )

    def __init__(self):
        super().__init__()
        self._name = "MapStyle"
        self.background = theme.MAP_BACKGROUND


class ShapesOutOfTabOrder(MacroElement):
    """Keeps the map's shapes (areas, circles, lines) out of the Tab order; the map and its controls stay in it."""

    # Leaflet 1.9's bindTooltip listens for focus on each shape (to open its tooltip), and Chromium makes any SVG
    # shape with a focus listener a Tab stop: the flow, coverage and unit maps held focus for 92, 299 and 37 presses
    # on nameless lines and dots, whose values the tables beside the maps already give (issue 25). tabindex=-1 keeps
    # a clicked shape focusable (its tooltip still opens) without a stop per shape; the keyboard reader pans and
    # zooms the map itself.
    _template = Template(
        """
        {% macro script(this, kwargs) %}
            {{ this._parent.get_name() }}.on("layeradd", function (event) {
                var el = event.layer instanceof L.Path && event.layer.getElement();
                if (el) { el.setAttribute("tabindex", "-1"); }
            });
        {% endmacro %}
        """
    )

    def __init__(self):
        super().__init__()
        self._name = "ShapesOutOfTabOrder"


class FetchedGeoJson(folium.GeoJson):
    """A GeoJson layer whose geometry the browser fetches once from the app's own `/batas/` route (issue 24).

    Inline, the province outlines are 0.44 MB of every map script, rebuilt and sent over the websocket at each
    filter change although only the colours and tooltip values changed. Here the script carries the values per
    area (`properties`, keyed by `kode`) and the styles folium computes from them; the geometry comes from `url`,
    which the browser keeps for a year (the URL names the boundary file's digest). The served features carry only
    their `kode`: the fetched ones are given the values of their code, and with `only_listed` the areas without
    values are left out, so the map draws exactly the areas it was built with.

    properties: one row per area with a `kode` column (the other columns become feature properties, as
    folium.GeoJson would see them inline: style, highlight and tooltip fields are checked against them).
    """

    # streamlit-folium builds its script from each element's `script` macro, not from render(): the layer's own
    # script (folium's, with no inline features) and the fetch are both in this macro.
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this.layer_script(kwargs) }}
        (function () {
            var values = {{ this.values|tojson }};
            fetch({{ this.url|tojson }}, {credentials: "same-origin"})
                .then(function (response) {
                    if (!response.ok) { throw new Error("HTTP " + response.status); }
                    return response.json();
                })
                .then(function (data) {
                    data.features = data.features.filter(function (feature) {
                        var own = values[feature.properties.kode];
                        if (own === undefined) { return {{ "false" if this.only_listed else "true" }}; }
                        feature.properties = Object.assign({}, feature.properties, own);
                        return true;
                    });
                    {{ this.get_name() }}_add(data);
                })
                .catch(function (error) {
                    console.error(error);
                    var note = L.control({position: "bottomleft"});
                    note.onAdd = function () {
                        var div = L.DomUtil.create("div", "tppo-legend");
                        div.setAttribute("role", "alert");
                        div.style.cssText = "background:#fff;padding:4px 8px;border-radius:4px;font:13px sans-serif";
                        div.textContent = {{ this.error_text|tojson }};
                        return div;
                    };
                    note.addTo({{ this.parent_map.get_name() }});
                });
        })();
        {% endmacro %}
        """
    )

    def __init__(self, properties: pd.DataFrame, url: str, *, only_listed: bool = True,
                 error_text: str = "Batas wilayah tidak dapat dimuat.", **kwargs):
        if "kode" not in properties.columns:
            raise ValueError("properties harus memiliki kolom kode")
        records = properties.assign(kode=properties["kode"].astype(str)).to_dict(orient="records")
        # Geometry-less features: folium needs the properties (style map, tooltip fields), never the shapes.
        super().__init__({"type": "FeatureCollection",
                          "features": [{"type": "Feature", "properties": r, "geometry": None} for r in records]},
                         **kwargs)
        self.url = url
        self.only_listed = only_listed
        self.error_text = error_text
        self.values = {r["kode"]: {k: v for k, v in r.items() if k != "kode"} for r in records}

    def layer_script(self, kwargs: object = None) -> str:
        """folium.GeoJson's script for this layer without inline features (the style maps are set by render)."""
        full, self.data = self.data, {"type": "FeatureCollection", "features": []}
        try:
            return folium.GeoJson._template.module.script(self, kwargs)
        finally:
            self.data = full


class VectorBatch(MacroElement):
    """Many circle markers, circles or lines of one kind, drawn from compact arrays in one loop (issue 24).

    folium writes a ~0.5 KB block of script per marker and builds a Python object for each: the coverage map's
    500 origins were 0.25 MB and most of its build time, resent at each filter change. Here a row is
    [latlngs, size, style index, tooltip parts]: size is the radius in pixels (circleMarker), in metres (circle)
    or the line weight (polyline); the styles are Leaflet path options shared by many rows. A tooltip is the
    `lines` whose part is not None, each line's "{}" replaced by its part (parts are HTML: escape data first);
    tooltip_html composes it the same way in Python.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function () {
                var styles = {{ this.styles|tojson }};
                var lines = {{ this.lines|tojson }};
                var rows = {{ this.rows|tojson }};
                rows.forEach(function (row) {
                    var options = Object.assign({}, styles[row[2]]);
                    options[{{ this.size_option|tojson }}] = row[1];
                    var layer = L.{{ this.kind }}(row[0], options);
                    if (row[3]) {
                        var text = [];
                        row[3].forEach(function (part, i) {
                            if (part !== null) { text.push(lines[i].split("{}").join(part)); }
                        });
                        layer.bindTooltip(text.join("<br>"), {sticky: {{ this.sticky|tojson }}});
                    }
                    layer.addTo({{ this._parent.get_name() }});
                });
            })();
        {% endmacro %}
        """
    )

    _SIZE = {"circleMarker": "radius", "circle": "radius", "polyline": "weight"}

    def __init__(self, kind: Literal["circleMarker", "circle", "polyline"], lines: tuple[str, ...] = ("{}",),
                 sticky: bool = False):
        super().__init__()
        self._name = "VectorBatch"
        self.kind = kind
        self.size_option = self._SIZE[kind]
        self.lines = list(lines)
        self.sticky = sticky
        self.styles: list[dict] = []
        self.rows: list[list] = []

    def add(self, latlngs, size: float, style: dict, parts: list[str | None] | None = None) -> None:
        """One vector: latlngs (lat, lon) or a list of them for a line; style: Leaflet path options."""
        if style not in self.styles:
            self.styles.append(style)
        if parts is not None and len(parts) != len(self.lines):
            raise ValueError("satu bagian per baris keterangan")
        self.rows.append([_rounded(latlngs), round(float(size), 1), self.styles.index(style), parts])

    def tooltip_html(self, row: list) -> str | None:
        parts = row[3]
        if not parts:
            return None
        return "<br>".join(line.replace("{}", part) for line, part in zip(self.lines, parts) if part is not None)


def _rounded(latlngs):
    # 4 decimals (~11 m, the boundary files' precision); the array is sent at each filter change.
    if isinstance(latlngs[0], (list, tuple)):
        return [_rounded(p) for p in latlngs]
    return [round(float(latlngs[0]), 4), round(float(latlngs[1]), 4)]
