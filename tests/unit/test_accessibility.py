"""Accessibility: WCAG 2.1 contrast of the theme and builder text colours, colour-blind-safe palettes,
and a data table behind every page's charts and maps."""

from __future__ import annotations

import itertools
import re
import tomllib
from pathlib import Path

import pytest

from builders import theme
from tests.helpers import no_exception, open_page

PROJECT = Path(__file__).resolve().parents[2]
THEME = tomllib.loads((PROJECT / ".streamlit" / "config.toml").read_text())["theme"]
AA_TEXT, AA_LARGE_OR_GRAPHIC = 4.5, 3.0


# ------------------------------------------------------------------ WCAG 2.1 maths
def hex_rgb(colour: str) -> tuple[int, int, int]:
    h = colour.strip().lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    if not re.fullmatch(r"[0-9a-fA-F]{6}", h):
        raise ValueError(f"not a hex colour: {colour!r}")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _linear(channel: float) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance: 0.2126 R + 0.7152 G + 0.0722 B of the linearised sRGB channels."""
    r, g, b = (_linear(c) for c in hex_rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """(L1 + 0.05) / (L2 + 0.05) with L1 the lighter colour; 1 (same) to 21 (black on white)."""
    hi, lo = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize(("fg", "bg", "expected"), [
    ("#000000", "#FFFFFF", 21.0),
    ("#FFFFFF", "#FFFFFF", 1.0),
    ("#fff", "#000", 21.0),
    ("#767676", "#FFFFFF", 4.54),  # the lightest grey that passes AA on white
    ("#777777", "#FFFFFF", 4.48),  # one step lighter fails
    ("#808080", "#FFFFFF", 3.95),
])
def test_contrast_ratio(fg, bg, expected):
    assert contrast_ratio(fg, bg) == pytest.approx(expected, abs=0.01)
    assert contrast_ratio(bg, fg) == pytest.approx(expected, abs=0.01)


@pytest.mark.parametrize("bad", ["", "#12", "blue", "#GGGGGG"])
def test_hex_rgb_rejects_non_colours(bad):
    with pytest.raises(ValueError):
        hex_rgb(bad)


# ------------------------------------------------------------------ the theme (.streamlit/config.toml)
@pytest.mark.parametrize(("fg", "bg", "minimum", "use"), [
    ("textColor", "backgroundColor", AA_TEXT, "body text"),
    ("textColor", "secondaryBackgroundColor", AA_TEXT, "sidebar and input text"),
    ("primaryColor", "backgroundColor", AA_TEXT, "links, selected options, focused widgets"),
    ("primaryColor", "secondaryBackgroundColor", AA_TEXT, "selected options in the sidebar"),
    ("#FFFFFF", "primaryColor", AA_TEXT, "label of a primary button"),
])
def test_theme_text_contrast(fg, bg, minimum, use):
    fg_colour, bg_colour = THEME.get(fg, fg), THEME.get(bg, bg)
    ratio = contrast_ratio(fg_colour, bg_colour)
    assert ratio >= minimum, f"{use}: {fg_colour} on {bg_colour} is {ratio:.2f}:1, WCAG AA needs {minimum}:1"


# ------------------------------------------------------------------ text colours written in the builders
_CSS_COLOUR = re.compile(r"(?<![-\w])color\s*:\s*(#[0-9a-fA-F]{3,6})\b")
_FONT_COLOUR = re.compile(r"font\s*=\s*(?:dict\(|\{)[^)}]*?[\"']?color[\"']?\s*[=:]\s*[\"'](#[0-9a-fA-F]{3,6})[\"']")


def builder_text_colours() -> list[tuple[str, str]]:
    """(file:line, colour) of text colours set in builders/*.py: inline CSS `color:#...` and font colours."""
    found = []
    for path in sorted((PROJECT / "builders").glob("*.py")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for pattern in (_CSS_COLOUR, _FONT_COLOUR):
                found += [(f"{path.name}:{lineno}", m.group(1)) for m in pattern.finditer(line)]
    return found


def test_the_scan_sees_the_legend_text():
    assert any(colour.lower() in ("#222", "#222222") for _, colour in builder_text_colours())


def test_builder_text_on_white_passes_aa():
    """Legends, notes and annotations sit on white (or 92 % white) boxes."""
    weak = [(where, c, round(contrast_ratio(c, "#FFFFFF"), 2)) for where, c in builder_text_colours()
            if contrast_ratio(c, "#FFFFFF") < AA_TEXT]
    assert not weak, f"text colours below 4.5:1 on white: {weak}"


# ------------------------------------------------------------------ colour-blind safety
OKABE_ITO = {"#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}
COLORBREWER_ORRD_5 = ("#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000")
COLORBREWER_RDBU_5 = ("#b2182b", "#ef8a62", "#f7f7f7", "#67a9cf", "#2166ac")

# Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
CVD = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}


def simulate(colour: str, kind: str) -> tuple[float, float, float]:
    """Linear RGB of colour as seen with the given colour-vision deficiency (clipped to 0..1)."""
    rgb = [_linear(c) for c in hex_rgb(colour)]
    return tuple(min(1.0, max(0.0, sum(m * v for m, v in zip(row, rgb)))) for row in CVD[kind])


def lab(linear_rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of a linear sRGB triple."""
    r, g, b = linear_rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    f = [v ** (1 / 3) if v > 216 / 24389 else (24389 / 27 * v + 16) / 116 for v in (x, y, z)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def delta_e(a: str, b: str, kind: str | None = None) -> float:
    """CIE76 ΔE between two colours, optionally both seen through a simulated deficiency."""
    la = lab(simulate(a, kind) if kind else tuple(_linear(c) for c in hex_rgb(a)))
    lb = lab(simulate(b, kind) if kind else tuple(_linear(c) for c in hex_rgb(b)))
    return sum((p - q) ** 2 for p, q in zip(la, lb)) ** 0.5


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("#000000", "#FFFFFF", 100.0),
    ("#777777", "#777777", 0.0),
])
def test_delta_e(a, b, expected):
    assert delta_e(a, b) == pytest.approx(expected, abs=0.05)


def test_simulation_merges_red_and_green_for_deuteranopes():
    """The classic confusion pair must come out close, or the simulation is wrong."""
    assert delta_e("#FF0000", "#00FF00") > 80
    assert delta_e("#FF0000", "#00FF00", "deuteranopia") < delta_e("#FF0000", "#00FF00") / 2


def test_palettes_are_the_documented_colour_blind_safe_ones():
    assert {c.upper() for c in theme.CATEGORICAL} == OKABE_ITO
    assert tuple(c.lower() for c in theme.SEQUENTIAL_5) == COLORBREWER_ORRD_5
    assert tuple(c.lower() for _, c in theme.WISN_SCALE) == COLORBREWER_RDBU_5


def test_sequential_classes_darken_monotonically():
    """Order by lightness survives every colour-vision deficiency and a grey-scale printout."""
    lum = [relative_luminance(c) for c in theme.SEQUENTIAL_5]
    assert all(a > b for a, b in itertools.pairwise(lum)), lum
    assert relative_luminance(theme.ZERO_FILL) > lum[0] > relative_luminance(theme.NO_DATA_FILL) or \
        delta_e(theme.ZERO_FILL, theme.NO_DATA_FILL) > 20


@pytest.mark.parametrize("kind", [None, *CVD])
def test_utilisation_bands_stay_apart(kind):
    """The four service-pressure bands (map circles and bars) remain distinguishable (ΔE ≥ 10)."""
    colours = [c for _, c, _ in theme.UTILISATION_BANDS]
    closest = min((delta_e(a, b, kind), a, b) for a, b in itertools.combinations(colours, 2))
    assert closest[0] >= 10, f"{kind or 'normal vision'}: {closest[1]} and {closest[2]} ΔE {closest[0]:.1f}"


@pytest.mark.parametrize("kind", [None, *CVD])
def test_adjacent_sequential_classes_stay_apart(kind):
    colours = [theme.ZERO_FILL, *theme.SEQUENTIAL_5]
    closest = min(delta_e(a, b, kind) for a, b in itertools.pairwise(colours))
    assert closest >= 5, f"{kind or 'normal vision'}: adjacent map classes ΔE {closest:.1f}"


# ------------------------------------------------------------------ a table behind every chart and map
PAGES = ("ringkasan_eksekutif", "peta_asal_korban", "kapasitas_sentra", "kesenjangan_sdm", "pemantauan_jarnas",
         "glosarium", "ringkasan_publik", "kelola_data")


def page_inventory(at) -> dict[str, int]:
    """Counts of what a page shows: charts, maps (st_folium / iframes), tables, expanders."""
    components = at.get("component_instance")
    maps = sum(1 for c in components if "folium" in c.proto.component_name) + len(at.get("iframe"))
    return {"charts": len(at.get("plotly_chart")) + len(at.get("vega_lite_chart")), "maps": maps,
            "tables": len(at.dataframe) + len(at.table), "expanders": len(at.expander)}


@pytest.mark.parametrize("page", PAGES)
def test_charts_and_maps_have_a_data_table(app_env, page):
    """House rule: every chart has a data table behind it; a map's text alternative is its table."""
    at = open_page(page, role="admin_data")
    no_exception(at)
    inv = page_inventory(at)
    if inv["charts"] or inv["maps"]:
        assert inv["tables"] >= 1, f"{page}: {inv} — a chart or map without any data table"


# ------------------------------------------------------------------ icons without an emoji font
def _icon_literals() -> list[tuple[str, int, str]]:
    import ast

    found = []
    pages = [PROJECT / "app.py", *sorted((PROJECT / "app_pages").glob("*.py")), *sorted((PROJECT / "ui").glob("*.py"))]
    for path in pages:
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.keyword) and node.arg == "icon" and isinstance(node.value, ast.Constant) \
                    and isinstance(node.value.value, str):
                found.append((path.name, node.value.lineno, node.value.value))
    return found


def test_every_icon_draws_without_a_colour_emoji_font():
    """A pictograph such as 📋 needs a colour emoji font, which a briefing-room Linux laptop or a locked-down office
    PC may lack: the executive page's link to Daftar Tindakan showed an empty box in Chromium here. Streamlit's
    Material icons ship with its own offline font; symbols of the basic plane (⚠, ℹ) are in every text font."""
    icons = _icon_literals()
    assert len(icons) > 10, "the scan found the pages' icons"
    astral = [(name, line, icon) for name, line, icon in icons
              if not icon.startswith(":material/") and any(ord(c) > 0xFFFF for c in icon)]
    assert not astral, f"icons that need an emoji font: {astral}"
