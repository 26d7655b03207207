"""Capacity and WISN figure builders: what a reader relies on (order, colours, missing cells, reference lines)."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from builders import theme
from builders.capacity_charts import make_before_after, make_ranked_bars, make_unit_trend, make_wisn_heatmap

WISN = pd.DataFrame({
    "kode_unit": ["A", "A", "B", "B"],
    "peran": ["pekerja_sosial", "psikolog", "pekerja_sosial", "psikolog"],
    "wisn_ratio": [1.0, 3.5, 0.4, math.nan],
    "current_staff": [2.0, 7.0, 2.0, 0.0],
    "required_staff": [2.0, 2.0, 5.0, 0.0],
})
ROLES = {"pekerja_sosial": "Pekerja sosial", "psikolog": "Psikolog"}


def test_heatmap_centres_on_one_and_keeps_gaps():
    fig = make_wisn_heatmap(WISN, title="t", unit_names={"A": "Sentra A", "B": "Sentra B"}, role_names=ROLES)
    heat = fig.data[0]
    assert (heat.zmin, heat.zmax) == (0, 2)  # 1.0 sits at the white middle of the diverging scale
    assert [tuple(s) for s in heat.colorscale] == [tuple(s) for s in theme.WISN_SCALE]
    assert list(heat.y) == ["Sentra B", "Sentra A"]  # lowest ratio on top
    assert list(heat.x) == ["Pekerja sosial", "Psikolog"]
    z = [list(row) for row in heat.z]
    assert z[0][0] == 0.4 and math.isnan(z[0][1])  # no workload: a gap, not zero
    assert z[1][1] == 2.0  # colour capped at 2 ...
    assert heat.text[1][1] == "3,50" and heat.text[0][1] == "–"  # ... the label keeps the real value


def test_ranked_bars_drop_missing_and_draw_reference():
    df = pd.DataFrame({"nama": ["X", "Y", "Z"], "nilai": [3.0, math.nan, 1.0]})
    fig = make_ranked_bars(df, label="nama", value="nilai", title="t", x_title="x", reference=2.0,
                           highlight=[True, False, False])
    assert list(fig.data[0].y) == ["X", "Z"]
    assert list(fig.data[0].marker.color) == [theme.CATEGORICAL[3], theme.CATEGORICAL[0]]
    assert fig.layout.shapes[0].x0 == 2.0
    no_ref = make_ranked_bars(df, label="nama", value="nilai", title="t", x_title="x", reference=None)
    assert not no_ref.layout.shapes


def test_trend_and_before_after():
    occ = pd.DataFrame({"bulan": [dt.date(2024, 2, 1), dt.date(2024, 1, 1)], "kapasitas": [10, 10],
                        "penghuni": [9, 8], "penghuni_tppo": [2, 1]})
    fig = make_unit_trend(occ, title="Sentra A", lang="en")
    # The default labels are in the chart's language (issue 17: they were Indonesian in an English chart).
    assert [tr.name for tr in fig.data][:3] == ["Average residents", "Resident TPPO victims", "Capacity"]
    assert make_unit_trend(occ, title="Sentra A").data[0].name == "Rata-rata penghuni"
    assert list(fig.data[0].y) == [8, 9]  # sorted by month
    assert list(fig.data[3].y) == [9.0, 9.0]  # 90% of capacity
    assert fig.layout.separators == ".,"
    plan = pd.DataFrame({"nama": ["A"], "sebelum": [0.5], "sesudah": [0.8]})
    ba = make_before_after(plan, label="nama", before="sebelum", after="sesudah", title="t", x_title="x",
                           names=("Sebelum", "Sesudah"))
    assert [tr.name for tr in ba.data] == ["Sebelum", "Sesudah"] and ba.layout.shapes[0].x0 == 1.0


def test_province_outlines_sit_below_the_units_and_credit_the_source():
    import geopandas as gpd
    from shapely.geometry import box

    from builders.capacity_map import OUTLINE_PANE, add_province_outlines
    from builders.maps import BOUNDARY_ATTRIBUTION, make_unit_map

    units = pd.DataFrame({"kode_unit": ["A"], "nama": ["Sentra A"], "tipe": ["sentra"], "lat": [-6.2], "lon": [106.8],
                          "kapasitas": [10], "penghuni": [5], "utilisasi": [0.5], "staf": [3]})
    bare = make_unit_map(units).get_root().render()
    assert add_province_outlines(make_unit_map(units), None).get_root().render().count("L.geoJson") == 0
    outlines = gpd.GeoDataFrame({"kode": ["31"], "nama": ["DKI Jakarta"]}, geometry=[box(106.6, -6.4, 107.0, -6.0)],
                                crs="EPSG:4326")
    html = add_province_outlines(make_unit_map(units), outlines).get_root().render()
    assert "L.geoJson" in html and "L.geoJson" not in bare
    assert f'"pane": "{OUTLINE_PANE}"' in html and '"interactive": false' in html
    assert "style.zIndex = 350" in html  # below the overlay pane (400) that holds the unit circles
    assert BOUNDARY_ATTRIBUTION.split("© ")[1] in html  # "2024 Cahya DSN (cahyadsn/wilayah_boundaries), MIT"
