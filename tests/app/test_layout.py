"""Layout at laptop width: the ranking beside the map keeps its rate and share columns in view."""

from __future__ import annotations

import json

import pytest

from strings import tr
from tests.helpers import no_exception, open_page

# The table column beside the map at 1366 px (sidebar ~300 px, 3:2 split, gaps): about 380 px.
LAPTOP_TABLE_PX = 380
NAME_MIN_PX = 100


def test_origin_ranking_fits_beside_the_map_at_1366(app_env):
    at = open_page("peta_asal_korban", role="pimpinan")
    no_exception(at)
    frame = next(f for f in at.dataframe if list(f.value.columns)[:2] == [tr("peta.col.peringkat", "id"),
                                                                           tr("peta.col.wilayah", "id")])
    config = json.loads(frame.proto.columns)
    headers = list(frame.value.columns)
    assert tr("peta.col.rate", "id") in headers and tr("peta.col.share", "id") in headers
    widths = [config.get(h, {}).get("width") for h in headers]
    assert all(isinstance(w, int) for w in widths), config
    assert sum(widths) <= LAPTOP_TABLE_PX, widths
    assert widths[1] >= NAME_MIN_PX, "names stay readable"


@pytest.mark.parametrize("page", ["ringkasan_eksekutif", "kapasitas_sentra", "kesenjangan_sdm", "pemantauan_jarnas",
                                  "pencegahan"])
def test_chart_axes_group_thousands_and_never_abbreviate(app_env, page):
    """Axis ticks read 1.000 and 12.500 like the tables beside them, not 1000 or 12.5k (an English suffix)."""
    at = open_page(page, role="admin_data")
    no_exception(at)
    axes = [(name, axis) for chart in at.get("plotly_chart")
            for name, axis in json.loads(chart.proto.spec)["layout"].items() if name.startswith(("xaxis", "yaxis"))]
    assert axes, "the page draws charts with axes"
    assert [name for name, axis in axes
            if not (axis.get("separatethousands") is True and axis.get("exponentformat") == "none")] == []
