"""domain.actions: referrals for units in alert, provinces to watch; expectations by hand."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from domain.actions import free_places, provinces_to_watch, referrals, watch_windows
from domain.periods import Window

D = dt.date
MAY, JUN, JUL = D(2025, 5, 1), D(2025, 6, 1), D(2025, 7, 1)


def occupancy(rows) -> pd.DataFrame:
    return pd.DataFrame([{"bulan": m, "kode_unit": u, "kapasitas": c, "penghuni": p} for m, u, c, p in rows])


def test_free_places_counts_whole_beds_in_the_month_only():
    occ = occupancy([(JUN, "U1", 10, 2), (JUL, "U1", 10, 9.5), (JUL, "U2", 10, 12), (JUL, "U3", 20, 15)])
    out = free_places(occ, JUL).set_index("kode_unit")
    assert out["tempat_kosong"].to_dict() == {"U1": 0, "U2": -2, "U3": 5}
    assert out.loc["U3", "utilisasi"] == pytest.approx(0.75)


# Units on the equator: one degree of longitude is 6371.0088 km x pi / 180 = 111.195 km.
KM_PER_DEGREE = 111.195
UNITS = pd.DataFrame({"kode_unit": ["X", "A", "B", "C", "D", "E", "F", "G"],
                      "lat": [0, 0, 0, 0, 0, 0, np.nan, np.nan],
                      "lon": [0, 1, 2, 3, -0.5, 4, np.nan, np.nan]})
# X and D are in alert; B is full; F has places but no coordinates; G is in alert without coordinates.
PLACES = pd.DataFrame({"kode_unit": ["X", "A", "B", "C", "D", "E", "F", "G"],
                       "utilisasi": [1.1, 0.5, 1.0, 0.8, 0.95, 0.9, 0.1, 0.97],
                       "tempat_kosong": [-2, 5, 0, 2, 3, 1, 10, 1]})


@pytest.mark.parametrize("alerts, k, expected", [
    # X: A (1 degree), C (3), E (4); B is full, D is itself in alert, F cannot be placed
    (["X", "D"], 3, [("X", 1, "A", 1.0, 5), ("X", 2, "C", 3.0, 2), ("X", 3, "E", 4.0, 1),
                     ("D", 1, "A", 1.5, 5), ("D", 2, "C", 3.5, 2), ("D", 3, "E", 4.5, 1)]),
    (["X", "D"], 1, [("X", 1, "A", 1.0, 5), ("D", 1, "A", 1.5, 5)]),
    # with X alone in alert, D's free places make it the nearest (half a degree west)
    (["X"], 2, [("X", 1, "D", 0.5, 3), ("X", 2, "A", 1.0, 5)]),
])
def test_referrals_nearest_units_with_free_places(alerts, k, expected):
    out = referrals(alerts, PLACES, UNITS, k)
    got = [(r.kode_unit, r.peringkat, r.kode_unit_tujuan, round(r.jarak_km / KM_PER_DEGREE, 3), r.tempat_kosong_tujuan)
           for r in out.itertuples()]
    assert got == expected
    assert out["jarak_km"].iloc[0] == pytest.approx(expected[0][3] * KM_PER_DEGREE, abs=0.01)


def test_a_unit_in_alert_without_coordinates_stays_on_the_list():
    out = referrals(["G"], PLACES, UNITS)
    assert len(out) == 1 and out["kode_unit"].iloc[0] == "G" and pd.isna(out["kode_unit_tujuan"].iloc[0])
    assert out["tempat_kosong"].iloc[0] == 1


def test_no_unit_with_free_places():
    out = referrals(["X"], PLACES.assign(tempat_kosong=0), UNITS)
    assert len(out) == 1 and pd.isna(out["kode_unit_tujuan"].iloc[0])


@pytest.mark.parametrize("first, baseline", [
    (D(2020, 1, 1), Window(D(2024, 5, 1), D(2025, 4, 1))),
    (D(2024, 10, 1), Window(D(2024, 10, 1), D(2025, 4, 1))),
    (None, Window(D(2024, 5, 1), D(2025, 4, 1))),
])
def test_watch_windows(first, baseline):
    assert watch_windows(JUL, first) == (Window(MAY, JUL), baseline)


def series(province: str, modus: str, baseline: int, recent: list[int]) -> list[dict]:
    months = [D(2024, m, 1) for m in range(5, 13)] + [D(2025, m, 1) for m in range(1, 5)]
    rows = [{"bulan": m, "kode_prov": province, "modus": modus, "jumlah": baseline} for m in months]
    return rows + [{"bulan": m, "kode_prov": province, "modus": modus, "jumlah": n}
                   for m, n in zip([MAY, JUN, JUL], recent)]


MONTHLY = pd.DataFrame(
    series("31", "seks", 2, [8, 8, 8])  # mean 2 -> 8: ratio 4, 24 victims, P(Poisson(6) >= 24) < 0.05: rising
    + series("32", "seks", 2, [2, 3, 2])  # no rise
    + series("33", "scam", 0, [1, 1, 2])  # none in the baseline, 4 >= 3 recent: new
    + series("34", "seks", 1, [3, 3, 3])  # ratio 3 but 9 < 10 victims: not flagged
    + series("35", "scam", 0, [1, 0, 1]))  # new needs 3


@pytest.mark.parametrize("first, provinces, expected", [
    (D(2024, 5, 1), ["31", "32", "33", "34", "35"], [("33", "scam", "baru", 4, 0.0), ("31", "seks", "naik", 24, 4.0)]),
    (D(2024, 5, 1), ["32", "31"], [("31", "seks", "naik", 24, 4.0)]),
    # only Jan-Apr 2025 in the baseline: fewer than 6 months, nothing is judged
    (D(2025, 1, 1), ["31", "32", "33", "34", "35"], []),
])
def test_provinces_to_watch(first, provinces, expected):
    out = provinces_to_watch(MONTHLY, end=JUL, first_month=first, provinces=provinces, categories=["seks", "scam"])
    got = [(r.kode_prov, r.modus, r.status, r.jumlah_terkini, 0.0 if pd.isna(r.rasio) else r.rasio)
           for r in out.itertuples()]
    assert got == expected
    if expected and expected[-1][2] == "naik":
        row = out[out["status"] == "naik"].iloc[0]
        assert (row["rata_dasar"], row["rata_terkini"]) == (2.0, 8.0) and row["p_nilai"] < 0.05
