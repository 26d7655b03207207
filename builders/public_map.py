"""Pure folium builder for the public province map: drawn only from published (protected) cells.

A suppressed province is never drawn as a number: "<10" has its own class, shaded as the lowest step of
the scale (it is fewer than any published number), and a complementary "x" (at least the threshold, hidden
to protect another cell) gets a neutral colour outside the sequential scale, so it reads as "not shown"
rather than as an amount. Numbered classes are formed from the rounded published values only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import folium
import geopandas as gpd
import numpy as np
import pandas as pd

from builders import theme
from builders.folium_kit import Attribution, Legend, base_map, escape_html, swatch_row
from builders.maps import BOUNDARY_ATTRIBUTION, FILL_OPACITY, boundary_layer, class_fills
from domain.disclosure import SECONDARY_MARKER, DisclosureRules
from domain.formatting import fmt_int
from domain.rates import classify
from strings import tr

# "<10": the lightest step of the sequential palette, which the numbered classes (at most 4) never use.
SMALL_FILL = theme.SEQUENTIAL_5[0]
# "x": light blue, deliberately outside the OrRd scale so it cannot be read as a quantity.
HIDDEN_FILL = "#c6dbef"
MAX_CLASSES = len(theme.SEQUENTIAL_5) - 1

# Legend and tooltip words: strings/ keys (publik.*) by role; a caller may pass its own.
LABEL_KEYS: dict[str, str] = {
    "title": "publik.map.title", "region": "publik.map.region", "value": "publik.col.jumlah",
    "small": "publik.map.small", "hidden": "publik.map.hidden", "no_data": "publik.map.no_data",
    "note": "publik.map.note",
}


def default_labels(lang: str) -> dict[str, str]:
    return {"zero": "0", **{word: tr(key, lang) for word, key in LABEL_KEYS.items()}}


def make_protected_map(
    boundaries: gpd.GeoDataFrame,
    values: pd.DataFrame,
    rules: DisclosureRules,
    *,
    labels: Mapping[str, str] | None = None,
    display: Mapping[str, str] | None = None,
    k: int = MAX_CLASSES,
    tiles: str | None = None,
    tiles_attribution: str | None = None,
    geometry_url: str | None = None,
    lang: str = "id",
) -> folium.Map:
    """Classed map of published province cells.

    boundaries: kode, nama, geometry. values: kode, nilai (published int or None), teks (marker or None),
    as domain.publication.map_values gives. display: kode -> text for the tooltip (e.g. "1.235" or "<10")
    in the page's language; defaults to the value itself. labels: legend and tooltip words (default_labels
    keys). A boundary without a published cell is "tidak ada data", never 0. geometry_url: where the browser
    fetches the boundaries (builders.maps.boundary_layer); None puts them inline.
    """
    if not 1 <= k <= MAX_CLASSES:
        raise ValueError(f"k harus 1..{MAX_CLASSES}, bukan {k}")
    words = {**default_labels(lang), **(labels or {})}
    kode = boundaries["kode"].astype(str)
    classes = published_classes(kode, values, rules, words, display=display, k=k, lang=lang)
    fills, shown = classes.fills, classes.shown

    properties = pd.DataFrame({
        "kode": kode,
        "nama": boundaries["nama"].map(escape_html),
        "nilai_teks": kode.map(lambda c: escape_html(shown[c])),
    })

    def style(feature: dict) -> dict:
        return {"fillColor": fills[feature["properties"]["kode"]], "fillOpacity": FILL_OPACITY,
                "color": theme.BORDER, "weight": 0.5}

    m = base_map(tiles, tiles_attribution)
    boundary_layer(
        boundaries, properties, geometry_url, lang,
        name=words["title"],
        style_function=style,
        highlight_function=lambda _feature: {"weight": 2.5, "color": "#000000"},
        tooltip=folium.GeoJsonTooltip(fields=["nama", "nilai_teks"],
                                      aliases=[words["region"], words["value"]], sticky=True),
        control=False,
    ).add_to(m)

    rows = [swatch_row("fill", fill, label) for fill, label in classes.legend]
    Legend(words["title"], rows, words["note"].format(base=rules.rounding_base)).add_to(m)
    Attribution(BOUNDARY_ATTRIBUTION).add_to(m)
    return m


def make_protected_svg(
    boundaries: gpd.GeoDataFrame,
    values: pd.DataFrame,
    rules: DisclosureRules,
    *,
    labels: Mapping[str, str] | None = None,
    display: Mapping[str, str] | None = None,
    k: int = MAX_CLASSES,
    width: int = 1000,
    tolerance: float = 0.02,
    lang: str = "id",
) -> tuple[str, PublishedClasses]:
    """The same classed province map as make_protected_map, pre-rendered as one inline SVG for the static site:
    drawn without JavaScript, one <path> per province with a <title> ("Jawa Timur: 1.235") as its tooltip.

    Plate carrée (x = longitude, y = -latitude) is enough near the equator. Returns the SVG text and the
    classes (their legend goes beside the map as HTML). Every text is XML-escaped.
    """
    from xml.sax.saxutils import escape, quoteattr

    if not 1 <= k <= MAX_CLASSES:
        raise ValueError(f"k harus 1..{MAX_CLASSES}, bukan {k}")
    words = {**default_labels(lang), **(labels or {})}
    kode = boundaries["kode"].astype(str)
    classes = published_classes(kode, values, rules, words, display=display, k=k, lang=lang)
    geometry = boundaries.geometry.simplify(tolerance, preserve_topology=True)
    minx, miny, maxx, maxy = geometry.total_bounds
    scale = width / (maxx - minx)
    height = round((maxy - miny) * scale)
    paths = []
    for c, name, geom in zip(kode, boundaries["nama"].astype(str), geometry):
        if geom is None or geom.is_empty:
            continue
        d = _svg_path(geom, minx, maxy, scale)
        tip = f"{name}: {classes.shown[c]}"
        paths.append(f'<path d="{d}" fill="{classes.fills[c]}" data-kode={quoteattr(c)} '
                     f'data-kind="{classes.kinds[c]}"><title>{escape(tip)}</title></path>')
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
           f'aria-label={quoteattr(words["title"])} class="peta" fill-rule="evenodd" '
           f'stroke="{theme.BORDER}" stroke-width="0.5" stroke-linejoin="round">'
           f'<title>{escape(words["title"])}</title>{"".join(paths)}</svg>')
    return svg, classes


def _svg_path(geom, minx: float, maxy: float, scale: float) -> str:
    """Polygon or MultiPolygon -> SVG path data (rings closed with Z; holes cut by the even-odd rule)."""
    polygons = getattr(geom, "geoms", [geom])
    parts = []
    for polygon in polygons:
        for ring in (polygon.exterior, *polygon.interiors):
            xy = np.asarray(ring.coords)[:, :2]
            # Whole pixels of a 1000-px-wide map are finer than the simplified outline; repeats are dropped.
            pts = np.column_stack(((xy[:, 0] - minx) * scale, (maxy - xy[:, 1]) * scale)).round(0).astype(int)[:-1]
            keep = np.ones(len(pts), dtype=bool)
            keep[1:] = (np.diff(pts, axis=0) != 0).any(axis=1)
            pts = pts[keep]
            if len(pts) < 3:
                continue  # an islet smaller than a pixel
            parts.append("M" + "L".join(f"{x},{y}" for x, y in pts) + "Z")
    return "".join(parts)


@dataclass(frozen=True)
class PublishedClasses:
    """How each province is drawn: fill colour, kind (number, small, hidden, zero, no_data), the text shown for
    it, and the legend rows (fill, label) in display order, for every map built from published cells."""

    fills: dict[str, str]
    kinds: dict[str, str]
    shown: dict[str, str]
    legend: list[tuple[str, str]]


def published_classes(
    kode: pd.Series,
    values: pd.DataFrame,
    rules: DisclosureRules,
    words: Mapping[str, str],
    *,
    display: Mapping[str, str] | None = None,
    k: int = MAX_CLASSES,
    lang: str = "id",
) -> PublishedClasses:
    """Class the published province cells (values: kode, nilai, teks) for the areas in `kode`. Numbered classes
    come from the rounded published values only; markers and missing cells have classes of their own."""
    missing = [c for c in ("kode", "nilai", "teks") if c not in values.columns]
    if missing:
        raise ValueError(f"values tidak memiliki kolom: {', '.join(missing)}")
    kode = kode.astype(str)
    published = {str(r.kode): (_clean(r.nilai), _clean(r.teks)) for r in values.itertuples(index=False)}
    if published and not kode.isin(set(published)).any():
        raise ValueError("tidak ada kode pada values yang cocok dengan batas wilayah (periksa format kode)")
    numbers = pd.Series([_number(published.get(c)) for c in kode], index=kode.index, dtype=float)
    classification = classify(numbers, k=k)  # NaN for markers and missing: outside the numbered classes
    shades = class_fills(classification.n_classes)
    fills, kinds, shown = {}, {}, {}
    for i, c in zip(kode.index, kode):
        nilai, teks = published.get(c, (None, None))
        if teks == rules.primary_marker:
            fill, kind = SMALL_FILL, "small"
        elif teks == SECONDARY_MARKER:
            fill, kind = HIDDEN_FILL, "hidden"
        elif nilai is None:
            fill, kind = theme.NO_DATA_FILL, "no_data"
        elif nilai == 0:
            fill, kind = theme.ZERO_FILL, "zero"
        else:
            fill, kind = shades[int(classification.index[i]) - 1], "number"
        fills[c], kinds[c] = fill, kind
        text = (display or {}).get(c)
        shown[c] = text if text is not None else (words["no_data"] if kind == "no_data" else
                                                  str(teks if teks is not None else nilai))
    present = set(kinds.values())
    # Class labels are the observed range of published counts, in the language of the page ("1.200–2.000" /
    # "1,200–2,000"), from the published values only.
    members: dict[int, list[float]] = {}
    for i in kode.index:
        if kinds[kode[i]] == "number":
            members.setdefault(int(classification.index[i]), []).append(numbers[i])

    def label(c: int) -> str:
        if c not in members:
            return classification.labels[c]
        lo, hi = fmt_int(min(members[c]), lang), fmt_int(max(members[c]), lang)
        return lo if lo == hi else f"{lo}–{hi}"

    legend = [(shades[c - 1], label(c)) for c in range(classification.n_classes, 0, -1)]
    if "small" in present:
        legend.append((SMALL_FILL, words["small"].format(marker=rules.primary_marker, largest=rules.threshold - 1)))
    if "zero" in present:
        legend.append((theme.ZERO_FILL, words["zero"]))
    if "hidden" in present:
        legend.append((HIDDEN_FILL, words["hidden"]))
    if "no_data" in present:
        legend.append((theme.NO_DATA_FILL, words["no_data"]))
    return PublishedClasses(fills, kinds, shown, legend)


def _clean(value: object) -> object:
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def _number(cell: tuple[object, object] | None) -> float:
    if cell is None:
        return np.nan
    nilai, teks = cell
    return np.nan if teks is not None or nilai is None else float(nilai)
