"""Palettes, class counts and bands shared by every chart, map and export (their labels are in strings/)."""

from __future__ import annotations

# ColorBrewer OrRd, 5 classes: sequential, colour-blind safe, prints legibly in grey scale.
SEQUENTIAL_5: tuple[str, ...] = ("#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000")
# Drawn for areas with no victims under the filters: a real zero, distinct from "no data".
ZERO_FILL = "#f7f7f7"
# Hatched/grey for areas where the rate cannot be computed (population unknown).
NO_DATA_FILL = "#bdbdbd"
BORDER = "#636363"

# Okabe-Ito: the categorical palette designed for colour-vision deficiency.
CATEGORICAL: tuple[str, ...] = (
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000",
)

# Utilisation bands for service units (share of capacity in use): upper bound, colour, label key in strings/.
UTILISATION_BANDS: tuple[tuple[float, str, str], ...] = (
    (0.70, "#009E73", "map.band.under_70"),
    (0.90, "#E69F00", "map.band.70_90"),
    (1.00, "#D55E00", "map.band.90_100"),
    (float("inf"), "#8B0000", "map.band.over"),
)

# Diverging scale for WISN ratios: red = shortage, blue = surplus, white = balanced (1.0).
WISN_SCALE: tuple[tuple[float, str], ...] = (
    (0.0, "#b2182b"), (0.25, "#ef8a62"), (0.5, "#f7f7f7"), (0.75, "#67a9cf"), (1.0, "#2166ac"),
)

DEFAULT_CLASSES = 5
# Plotly's separators by language: first the decimal mark, then the thousands mark (Indonesian: 12,5 and 4.320).
SEPARATORS: dict[str, str] = {"id": ",.", "en": ".,"}
# Numeric axes group thousands in the page's language (1.000, 12.500) and never abbreviate: plotly's default
# wrote 1000 beside 1.000 in the tables, and 12.5k, an English SI suffix, on Indonesian slides. Date and category
# axes ignore both settings.
NUMBER_AXIS: dict[str, object] = {"separatethousands": True, "exponentformat": "none"}
FONT_FAMILY = "Source Sans Pro, Arial, sans-serif"
# Projector mode: page text grows to 125 % by CSS; chart text, drawn in pixels, is enlarged in the figure (a 13 px
# tick becomes 19.5 px, legible from the back of a meeting room).
PROJECTOR_TEXT_SCALE = 1.5

# Map furniture: a pale sea so the white zero class still reads as land when no tiles are loaded.
MAP_BACKGROUND = "#eef3f7"
# Coverage: origins beyond the distance threshold stand out in vermillion; covered ones stay quiet blue.
COVERAGE_FAR = CATEGORICAL[3]
COVERAGE_NEAR = CATEGORICAL[0]
UNIT_MARKER = CATEGORICAL[7]
FLOW_LINE = CATEGORICAL[0]
