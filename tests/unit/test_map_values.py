"""Values behind the origin maps: hand-computed rates per 100,000, shares, unknown origins, flows, points."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from domain import map_values as mv
from domain.geo import coverage, nearest_unit

REGIONS = pd.DataFrame(
    {
        "kode": ["11", "35", "52", "94"],
        "nama": ["Aceh", "Jawa Timur", "Nusa Tenggara Barat", "Papua"],
        "populasi": [4_000_000.0, 350_000.0, 1_000_000.0, np.nan],
        "lat": [5.55, -7.26, -8.58, np.nan],
        "lon": [95.32, 112.75, 116.12, np.nan],
    }
)
# 12 + 7 + 0 + 5 known, and 1 victim under a code that is not a region: 25 in all.
VICTIMS = pd.DataFrame({"kode": ["11", "35", "35", "94", "99"], "jumlah": [10, 4, 3, 5, 1]}).pipe(
    lambda d: pd.concat([d, pd.DataFrame({"kode": ["11"], "jumlah": [2]})], ignore_index=True)
)


@pytest.mark.parametrize(
    ("kode", "jumlah", "rate", "share"),
    [
        ("11", 12, 0.3, 0.48),  # 12 / 4,000,000 × 100,000 = 0.3;  12 / 25 = 0.48
        ("35", 7, 2.0, 0.28),  # 7 / 350,000 × 100,000 = 2.0;  7 / 25 = 0.28
        ("52", 0, 0.0, 0.0),  # no victims under the filters: a real zero, with a rate of 0
        ("94", 5, math.nan, 0.2),  # population unknown: rate NaN ("tidak ada data"), never 0
        ("?", 1, math.nan, 0.04),  # code "99" is not a region: kept as the unknown row
    ],
)
def test_area_values_hand_computed(kode, jumlah, rate, share):
    values = mv.area_values(VICTIMS, REGIONS).set_index("kode")
    row = values.loc[kode]
    assert row["jumlah"] == jumlah
    if math.isnan(rate):
        assert math.isnan(row["rate"])
    else:
        assert row["rate"] == pytest.approx(rate)
    assert row["share"] == pytest.approx(share)


def test_area_values_keeps_every_region_and_the_unknown_row_last():
    values = mv.area_values(VICTIMS, REGIONS, unknown_kode="35", unknown_nama="kab/kota tidak diketahui")
    assert list(values.columns) == mv.VALUE_COLUMNS
    assert values["kode"].tolist()[:4] == ["11", "35", "52", "94"]
    assert values["diketahui"].tolist() == [True, True, True, True, False]
    assert values.iloc[-1]["nama"] == "kab/kota tidak diketahui"
    assert values["jumlah"].dtype == "int64" and values["jumlah"].sum() == 25
    assert values["share"].sum() == pytest.approx(1.0)


def test_area_values_without_unknown_codes_has_no_unknown_row():
    values = mv.area_values(VICTIMS[VICTIMS["kode"] != "99"], REGIONS)
    assert values["diketahui"].all() and len(values) == 4


def test_area_values_without_any_victims_has_zeros_and_no_share():
    values = mv.area_values(pd.DataFrame({"kode": [], "jumlah": []}), REGIONS)
    assert values["jumlah"].tolist() == [0, 0, 0, 0]
    assert values["share"].isna().all()
    assert values.set_index("kode").loc["11", "rate"] == 0.0


def test_area_values_requires_columns():
    with pytest.raises(ValueError, match="populasi"):
        mv.area_values(VICTIMS, REGIONS.drop(columns="populasi"))


CASES = pd.DataFrame(
    {
        "kode_prov_asal": ["35", "35", "35", "52", "52"],
        "kode_asal": ["35.08", "35.01", "35", "52.03", "52.03"],
        "jumlah": [14, 5, 3, 7, 2],
    }
)


@pytest.mark.parametrize(
    ("kode_prov", "expected"),
    [
        # The province-level code "35" stays, so area_values can list it as "kab/kota tidak diketahui".
        ("35", {"35": 3, "35.01": 5, "35.08": 14}),
        ("52", {"52.03": 9}),
        ("11", {}),
    ],
)
def test_victims_in_province(kode_prov, expected):
    out = mv.victims_in_province(CASES, kode_prov)
    assert dict(zip(out["kode"], out["jumlah"])) == expected


def test_victims_by_province_sums_all_origins():
    out = mv.victims_by_province(CASES)
    assert dict(zip(out["kode"], out["jumlah"])) == {"35": 22, "52": 9}


def test_kab_values_put_province_level_origins_in_their_own_row():
    kab = pd.DataFrame({"kode": ["35.01", "35.08", "35.78"], "nama": ["Pacitan", "Lumajang", "Surabaya"],
                        "populasi": [np.nan] * 3})
    values = mv.area_values(mv.victims_in_province(CASES, "35"), kab, unknown_kode="35", unknown_nama="x")
    assert dict(zip(values["kode"], values["jumlah"])) == {"35.01": 5, "35.08": 14, "35.78": 0, "35": 3}
    assert values["rate"].isna().all()  # kab/kota population unknown: no rate anywhere
    # 3 of 22 victims have no known kab/kota: 13.6 %, shown, not dropped.
    assert values.set_index("kode").loc["35", "share"] == pytest.approx(3 / 22)


@pytest.mark.parametrize(
    ("by", "top_n", "expected"),
    [
        # By count: 11 (12), 35 (7), 94 (5); zero-victim 52 is not "top"; unknown row always last.
        ("jumlah", 10, ["11", "35", "94", "?"]),
        ("jumlah", 2, ["11", "35", "?"]),
        # By rate: 35 (2.0) before 11 (0.3); 94 has no rate and goes last among the known.
        ("rate", 10, ["35", "11", "94", "?"]),
        ("rate", 1, ["35", "?"]),
    ],
)
def test_ranked_areas(by, top_n, expected):
    ranked = mv.ranked_areas(mv.area_values(VICTIMS, REGIONS), top_n, by=by)
    assert ranked["kode"].tolist() == expected
    assert ranked["peringkat"].iloc[:-1].tolist() == list(range(1, len(expected)))
    assert math.isnan(ranked["peringkat"].iloc[-1])


def test_ranked_areas_rejects_bad_arguments():
    values = mv.area_values(VICTIMS, REGIONS)
    with pytest.raises(ValueError):
        mv.ranked_areas(values, 10, by="populasi")
    with pytest.raises(ValueError):
        mv.ranked_areas(values, 0)


def test_top_areas_for_the_text_alternative():
    assert mv.top_areas(mv.area_values(VICTIMS, REGIONS), 2) == [("Aceh", 12), ("Jawa Timur", 7)]


PROVINCES = REGIONS[["kode", "nama", "lat", "lon"]]
COUNTRIES = pd.DataFrame({"iso3": ["MYS", "KHM"], "nama": ["Malaysia", "Kamboja"], "lat": [3.14, 11.56],
                          "lon": [101.69, 104.93]})
DEST = pd.DataFrame(
    {
        "kode_prov_asal": ["35", "35", "35", "52", "52", "11", "11"],
        "tujuan_jenis": ["LN", "LN", "LN", "LN", "DN", "LN", "DN"],
        "kode_tujuan": ["MYS", "MYS", "KHM", "MYS", "35", "ZZZ", "52"],
        "jumlah": [10, 4, 6, 7, 3, 2, 0],
    }
)


def test_build_flows_abroad_sums_pairs_and_places_points():
    flows = mv.build_flows(DEST, PROVINCES, COUNTRIES, ("LN",))
    assert list(flows.columns) == mv.FLOW_COLUMNS
    got = {(a, t): n for a, t, n in zip(flows["asal_kode"], flows["tujuan_kode"], flows["jumlah"])}
    assert got == {("35", "MYS"): 14, ("52", "MYS"): 7, ("35", "KHM"): 6, ("11", "ZZZ"): 2}
    assert flows["jumlah"].tolist() == [14, 7, 6, 2]  # most victims first
    first = flows.iloc[0]
    assert (first["asal_nama"], first["tujuan_nama"]) == ("Jawa Timur", "Malaysia")
    assert (first["asal_lat"], first["tujuan_lon"]) == (-7.26, 101.69)
    # An unknown destination keeps its code as name and has no point (the flow map leaves it out).
    unknown = flows[flows["tujuan_kode"] == "ZZZ"].iloc[0]
    assert unknown["tujuan_nama"] == "ZZZ" and math.isnan(unknown["tujuan_lat"])


def test_build_flows_domestic_destinations_are_provinces_and_zero_pairs_go():
    flows = mv.build_flows(DEST, PROVINCES, COUNTRIES, ("DN",))
    assert flows[["asal_nama", "tujuan_nama", "jumlah"]].values.tolist() == [
        ["Nusa Tenggara Barat", "Jawa Timur", 3]
    ]
    assert flows.iloc[0]["tujuan_lat"] == -7.26


def test_build_flows_empty():
    assert mv.build_flows(DEST.iloc[0:0], PROVINCES, COUNTRIES).empty


def test_fallback_points_keep_zero_areas_and_missing_points():
    points = mv.fallback_points(mv.area_values(VICTIMS, REGIONS), REGIONS)
    assert list(points.columns) == mv.POINT_COLUMNS
    assert points["kode"].tolist() == ["11", "35", "52", "94"]  # the unknown row has no place on a map
    assert points.set_index("kode").loc["52", "jumlah"] == 0
    assert points.set_index("kode").loc["35", ["lat", "lon"]].tolist() == [-7.26, 112.75]
    assert points.set_index("kode").loc["94", ["lat", "lon"]].isna().all()


def test_coverage_origins_and_underserved_rows_on_hand_computed_distances():
    # Unit on the equator at 0°E; origins 1° (111.195 km) and 3° (333.585 km) north of it.
    points = pd.DataFrame({"kode": ["35.01", "35.08", "35.78"], "nama": ["A", "B", "C"],
                           "lat": [1.0, 3.0, 0.0], "lon": [0.0, 0.0, 0.0]})
    units = pd.DataFrame({"kode_unit": ["U1"], "nama": ["Sentra U1"], "lat": [0.0], "lon": [0.0]})
    victims = pd.DataFrame({"kode": ["35.01", "35.08", "35"], "jumlah": [4, 6, 3]})
    nearest = nearest_unit(points, units)
    origins = mv.coverage_origins(victims, points, nearest)
    assert origins["kode"].tolist() == ["35.08", "35.01"]  # most victims first; C has none; "35" has no point
    assert origins["jarak_km"].tolist() == pytest.approx([333.5852407, 111.1950802])

    result = coverage(victims, nearest, 300)
    assert (result.korban_jauh, result.korban_tanpa_lokasi) == (6, 3)
    assert result.share_jauh == pytest.approx(6 / 10)
    rows = mv.underserved_rows(result.underserved, {"35.08": "B", "35": "Jawa Timur"}, {"U1": "Sentra U1"})
    assert rows.to_dict("records") == [
        {"kode": "35.08", "nama": "B", "provinsi": "Jawa Timur", "jumlah": 6,
         "jarak_km": pytest.approx(333.5852407), "unit_terdekat": "Sentra U1"}
    ]


def test_table_frames_show_text_and_download_numbers_for_the_same_rows():
    ranked = mv.ranked_areas(mv.area_values(VICTIMS, REGIONS), 10, by="rate")
    cols = {"peringkat": "Peringkat", "nama": "Wilayah", "jumlah": "Jumlah", "rate": "Per 100.000", "share": "Porsi (%)"}
    shown, data = mv.table_frames(ranked, cols)
    assert list(shown.columns) == list(data.columns) == list(cols.values())
    assert shown["Wilayah"].tolist() == data["Wilayah"].tolist() == ["Jawa Timur", "Aceh", "Papua", "tidak diketahui"]
    assert shown.iloc[0].tolist() == ["1", "Jawa Timur", "7", "2,0", "28,0%"]
    assert shown.iloc[1]["Per 100.000"] == "0,30"  # below 1: two decimals, so it does not read as 0
    assert shown.iloc[2]["Per 100.000"] == "tidak ada data" and shown.iloc[3]["Peringkat"] == ""
    assert data.iloc[0][["Jumlah", "Per 100.000", "Porsi (%)"]].tolist() == [7, 2.0, 28.0]
    assert math.isnan(data.iloc[2]["Per 100.000"])
    english, _ = mv.table_frames(pd.DataFrame({"jumlah": [4320]}), {"jumlah": "Victims"}, lang="en")
    assert english.iloc[0, 0] == "4,320"


@pytest.mark.parametrize(
    ("rate", "lang", "expected"),
    [(14.0149, "id", "14,0"), (0.3, "id", "0,30"), (0.0, "id", "0,0"), (1.53, "en", "1.5"),
     (math.nan, "id", "tidak ada data"), (None, "id", "tidak ada data")],
)
def test_fmt_rate(rate, lang, expected):
    assert mv.fmt_rate(rate, lang) == expected


def test_a_rate_needs_every_province_in_scope_to_have_a_population():
    """Victims of a province without a population have no denominator: no rate, and the province is named."""
    known = pd.DataFrame({"kode": ["35", "92", "52"], "nama": ["Jawa Timur", "Papua Barat", "NTB"],
                          "populasi": [40_000_000.0, float("nan"), 5_000_000.0]})
    assert mv.scope_rate(known, ("35",), 400, 12) == (pytest.approx(1.0), [])
    assert mv.scope_rate(known, ("35", "52"), 450, 6) == (pytest.approx(2.0), [])
    assert mv.scope_rate(known, ("35", "92"), 410, 12) == (None, ["Papua Barat"])
    assert mv.scope_rate(known, (), 500, 12) == (None, ["Papua Barat"])
