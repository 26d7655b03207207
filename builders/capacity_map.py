"""Province outlines under the service-unit circles, so the units sit on a recognisable Indonesia without tiles."""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd

from builders.maps import BOUNDARY_ATTRIBUTION, boundary_layer, make_unit_map
from strings import DEFAULT_LANG

OUTLINE_PANE = "batas_provinsi"
LAND_FILL = "#ffffff"
OUTLINE = "#9e9e9e"


def make_capacity_map(units: pd.DataFrame, boundaries: gpd.GeoDataFrame | None, *, tiles: str | None = None,
                      geometry_url: str | None = None, lang: str = DEFAULT_LANG) -> folium.Map:
    """The unit map (builders.maps.make_unit_map) over province outlines, land filled white without tiles.
    geometry_url: where the browser fetches the outlines (builders.maps.boundary_layer); None puts them inline."""
    return add_province_outlines(make_unit_map(units, tiles=tiles, lang=lang), boundaries, fill=not tiles,
                                 geometry_url=geometry_url, lang=lang)


def add_province_outlines(m: folium.Map, boundaries: gpd.GeoDataFrame | None, *, fill: bool = True,
                          geometry_url: str | None = None, lang: str = DEFAULT_LANG) -> folium.Map:
    """Draws province outlines (kode, nama, geometry) below every other layer; clicks pass through to the units.

    fill paints land white on the pale sea (use False over a tile layer). None (no boundary file)
    leaves the map as it is. The boundaries' licence notice goes into the map's attribution, as the
    MIT licence of the boundary data asks.
    """
    if boundaries is None or boundaries.empty:
        return m
    # overlayPane, where the circles live, has z-index 400: the outlines go just below it.
    folium.map.CustomPane(OUTLINE_PANE, z_index=350, pointer_events=False).add_to(m)
    boundary_layer(
        boundaries, boundaries[["kode"]].astype(str), geometry_url, lang,
        name=OUTLINE_PANE,
        control=False,
        interactive=False,
        pane=OUTLINE_PANE,
        attribution=BOUNDARY_ATTRIBUTION,
        style_function=lambda _feature: {"fillColor": LAND_FILL, "fillOpacity": 1.0 if fill else 0.0, "color": OUTLINE,
                                         "weight": 0.6},
    ).add_to(m)
    return m
