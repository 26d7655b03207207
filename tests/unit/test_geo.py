"""Great-circle distances, nearest unit and coverage, against hand-computed values."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from domain.geo import EARTH_RADIUS_KM, coverage, haversine_km, nearest_unit

R = 6371.0088  # written out again on purpose: the test pins the documented radius


def test_documented_radius():
    assert EARTH_RADIUS_KM == R


@pytest.mark.parametrize(
    ("lat1", "lon1", "lat2", "lon2", "expected_km"),
    [
        # Same point.
        (-6.2088, 106.8456, -6.2088, 106.8456, 0.0),
        # One degree along a meridian: 2πR / 360 = π · 6371.0088 / 180 = 111.19508 km.
        (0.0, 0.0, 1.0, 0.0, 111.1950802335329),
        # A quarter of the equator: πR / 2 = 10,007.557 km.
        (0.0, 0.0, 0.0, 90.0, 10007.557221017962),
        # Antipodal points on the equator, pole to pole, and a general antipodal pair: πR = 20,015.114 km.
        (0.0, 0.0, 0.0, 180.0, 20015.114442035923),
        (90.0, 0.0, -90.0, 0.0, 20015.114442035923),
        (10.0, 20.0, -10.0, -160.0, 20015.114442035923),
        # One degree of longitude at 60° N: a = cos²60° · sin²(0.5°) = 0.25 · 7.6152e-5,
        # d = 2R · asin(√a) = 2R · asin(0.0043633) = 55.597 km (half the equatorial 111.2 km, as cos 60° = ½).
        (60.0, 10.0, 60.0, 11.0, 55.597010864896916),
        # Jakarta (-6.2088, 106.8456) – Surabaya (-7.2575, 112.7521), by hand:
        #   φ1 = -0.1083640 rad, φ2 = -0.1266673 rad, Δφ = -0.0183033 rad, Δλ = 5.9065° = 0.1030879 rad
        #   sin²(Δφ/2) = 8.37501e-5;  cos φ1 · cos φ2 = 0.9941344 · 0.9919884 = 0.9861699
        #   sin²(Δλ/2) = 2.654425e-3;  a = 8.37501e-5 + 0.9861699 · 2.654425e-3 = 2.701464e-3
        #   d = 2 · 6371.0088 · asin(√a) = 2 · 6371.0088 · asin(0.05197561) = 662.573 km
        # (the spherical law of cosines gives the same 662.573 km).
        (-6.2088, 106.8456, -7.2575, 112.7521, 662.5726984555412),
    ],
)
def test_haversine_matches_hand_computation(lat1, lon1, lat2, lon2, expected_km):
    # 1 m: haversine's asin is ill-conditioned next to antipodes (it loses ~0.2 m there).
    assert haversine_km(lat1, lon1, lat2, lon2) == pytest.approx(expected_km, abs=1e-3)
    # Distance is symmetric.
    assert haversine_km(lat2, lon2, lat1, lon1) == pytest.approx(expected_km, abs=1e-3)


def test_haversine_scalar_in_float_out():
    assert isinstance(haversine_km(0, 0, 1, 1), float)


def test_haversine_is_vectorised_with_broadcasting():
    lats = np.array([0.0, 1.0, np.nan])
    out = haversine_km(lats, 0.0, 0.0, 0.0)
    assert isinstance(out, np.ndarray) and out.shape == (3,)
    assert out[0] == 0.0
    assert out[1] == pytest.approx(111.1950802335329)
    assert np.isnan(out[2])
    matrix = haversine_km(np.array([[0.0], [1.0]]), 0.0, 0.0, np.array([[0.0, 90.0]]))
    assert matrix.shape == (2, 2)
    assert matrix[0, 1] == pytest.approx(10007.557221017962)


def test_haversine_accepts_pandas_series():
    a = pd.Series([0.0, 0.0])
    out = haversine_km(a, a, pd.Series([0.0, 1.0]), a)
    assert out.tolist() == pytest.approx([0.0, 111.1950802335329])


# --- nearest_unit -----------------------------------------------------------------------------

UNITS = pd.DataFrame(
    {"kode_unit": ["BEKASI", "SURABAYA"], "lat": [-6.265, -7.2575], "lon": [106.99, 112.7521]}
)


@pytest.mark.parametrize(
    ("lat", "lon", "expected_unit"),
    [
        (-6.2088, 106.8456, "BEKASI"),  # Jakarta is next to Bekasi
        (-7.98, 112.63, "SURABAYA"),  # Malang
        (-8.65, 115.22, "SURABAYA"),  # Denpasar: east of Surabaya, far from Bekasi
        (3.59, 98.67, "BEKASI"),  # Medan: west
    ],
)
def test_nearest_unit_picks_the_closest(lat, lon, expected_unit):
    out = nearest_unit(pd.DataFrame({"kode": ["X"], "lat": [lat], "lon": [lon]}), UNITS)
    assert out.loc[0, "kode_unit_terdekat"] == expected_unit
    unit = UNITS.set_index("kode_unit").loc[expected_unit]
    assert out.loc[0, "jarak_km"] == pytest.approx(haversine_km(lat, lon, unit["lat"], unit["lon"]))


def test_nearest_unit_shape_order_and_missing_coordinates():
    origins = pd.DataFrame({"kode": [35, "31", "99"], "lat": [-7.25, -6.2, np.nan], "lon": [112.75, 106.8, 110.0]})
    out = nearest_unit(origins, UNITS)
    assert list(out.columns) == ["kode", "kode_unit_terdekat", "jarak_km"]
    assert out["kode"].tolist() == ["35", "31", "99"]  # input order, codes as strings
    assert out["kode_unit_terdekat"].tolist()[:2] == ["SURABAYA", "BEKASI"]
    assert pd.isna(out.loc[2, "kode_unit_terdekat"]) and np.isnan(out.loc[2, "jarak_km"])


def test_nearest_unit_ignores_units_without_coordinates_and_breaks_ties_by_order():
    units = pd.DataFrame(
        {"kode_unit": ["TANPA_LOKASI", "A", "B"], "lat": [np.nan, 0.0, 0.0], "lon": [np.nan, 1.0, -1.0]}
    )
    out = nearest_unit(pd.DataFrame({"kode": ["O"], "lat": [0.0], "lon": [0.0]}), units)
    # A and B are both exactly 1° away; the first in units order wins.
    assert out.loc[0, "kode_unit_terdekat"] == "A"
    assert out.loc[0, "jarak_km"] == pytest.approx(111.1950802335329)


def test_nearest_unit_without_units_is_infinitely_far():
    out = nearest_unit(
        pd.DataFrame({"kode": ["A", "B"], "lat": [0.0, np.nan], "lon": [0.0, 0.0]}),
        UNITS.iloc[0:0],
    )
    assert np.isinf(out.loc[0, "jarak_km"])
    assert np.isnan(out.loc[1, "jarak_km"])  # unknown origin stays unknown


def test_nearest_unit_requires_columns():
    with pytest.raises(ValueError, match="kode_unit"):
        nearest_unit(pd.DataFrame({"kode": [], "lat": [], "lon": []}), pd.DataFrame({"lat": [], "lon": []}))


# --- coverage ---------------------------------------------------------------------------------

NEAREST = pd.DataFrame(
    {
        "kode": ["A", "B", "C", "D", "E"],
        "kode_unit_terdekat": ["U1", "U2", None, "U1", "U2"],
        "jarak_km": [100.0, 400.0, np.nan, 350.0, 300.0],
    }
)
VICTIMS = pd.DataFrame({"kode": ["A", "B", "C", "D", "E", "B"], "jumlah": [10, 3, 2, 5, 7, 2]})


def test_coverage_hand_example():
    # B has 3 + 2 = 5 victims at 400 km, D 5 at 350 km: far. A (100 km) and E (exactly 300 km) are
    # within reach; C (2 victims) has no known distance. Far share = 10 / (29 - 2) = 0.3704.
    result = coverage(VICTIMS, NEAREST, threshold_km=300)
    assert result.total_korban == 29
    assert result.korban_jauh == 10
    assert result.korban_tanpa_lokasi == 2
    assert result.share_jauh == pytest.approx(10 / 27)
    assert result.threshold_km == 300.0
    table = result.underserved
    assert list(table.columns) == ["kode", "jumlah", "jarak_km", "kode_unit_terdekat"]
    # Same victims (5 and 5): the farther origin first.
    assert table["kode"].tolist() == ["B", "D"]
    assert table["jumlah"].tolist() == [5, 5]
    assert table["kode_unit_terdekat"].tolist() == ["U2", "U1"]


@pytest.mark.parametrize(
    ("threshold_km", "expected_far", "expected_kode"),
    [
        (0.0, 27, ["A", "E", "B", "D"]),  # every known distance is > 0: ranked by victims, then distance
        (99.9, 27, ["A", "E", "B", "D"]),
        (100.0, 17, ["E", "B", "D"]),  # exactly at the threshold is within reach
        (349.0, 10, ["B", "D"]),
        (350.0, 5, ["B"]),
        (1000.0, 0, []),
    ],
)
def test_coverage_threshold_table(threshold_km, expected_far, expected_kode):
    result = coverage(VICTIMS, NEAREST, threshold_km=threshold_km)
    assert result.korban_jauh == expected_far
    assert result.underserved["kode"].tolist() == expected_kode


def test_coverage_counts_victims_from_unknown_origins_apart():
    victims = pd.DataFrame({"kode": ["A", "Z"], "jumlah": [4, 6]})  # Z is not in the distance table
    result = coverage(victims, NEAREST, threshold_km=50)
    assert result.korban_tanpa_lokasi == 6
    assert result.share_jauh == pytest.approx(1.0)  # all 4 located victims are beyond 50 km


def test_coverage_without_victims_has_no_share():
    result = coverage(pd.DataFrame({"kode": ["A"], "jumlah": [0]}), NEAREST)
    assert result.total_korban == 0
    assert math.isnan(result.share_jauh)
    assert result.underserved.empty


def test_coverage_with_no_units_counts_everyone_as_far():
    origins = pd.DataFrame({"kode": ["A", "B"], "lat": [0.0, 1.0], "lon": [0.0, 1.0]})
    nearest = nearest_unit(origins, UNITS.iloc[0:0])
    result = coverage(pd.DataFrame({"kode": ["A", "B"], "jumlah": [3, 4]}), nearest, threshold_km=300)
    assert result.share_jauh == 1.0
    assert result.underserved["kode"].tolist() == ["B", "A"]


def test_coverage_rejects_negative_threshold():
    with pytest.raises(ValueError):
        coverage(VICTIMS, NEAREST, threshold_km=-1)
