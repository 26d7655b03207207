"""Capacity metrics, national totals and over-capacity alerts against hand-computed tables."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from domain.capacity import (
    ALERT_COLUMNS,
    METRIC_COLUMNS,
    NATIONAL_CODE,
    capacity_alerts,
    monthly_utilisation,
    national_metrics,
    unit_map_frame,
    unit_metrics,
)

COLUMNS = ["bulan", "kode_unit", "kapasitas", "penghuni", "penghuni_tppo", "penerimaan", "pemulangan"]
# Unit A (Jan 31 d, Feb 2024 29 d, Mar 31 d): capacity 10, residents 8, 11, 9 → over capacity in February.
# Unit B: capacity 20, residents 10 every month, nobody discharged → no length of stay.
OCC = pd.DataFrame([
    (dt.date(2024, 1, 1), "A", 10, 8, 2, 4, 3),
    (dt.date(2024, 2, 1), "A", 10, 11, 3, 5, 4),
    (dt.date(2024, 3, 1), "A", 10, 9, 1, 3, 5),
    (dt.date(2024, 1, 1), "B", 20, 10, 0, 2, 0),
    (dt.date(2024, 2, 1), "B", 20, 10, 0, 2, 0),
    (dt.date(2024, 3, 1), "B", 20, 10, 0, 2, 0),
], columns=COLUMNS)
UNITS = pd.DataFrame({"kode_unit": ["A", "B", "Z"], "nama": ["Sentra A", "RPTC B", "Tanpa data"],
                      "tipe": ["sentra", "rptc", "sentra"], "lat": [-7.0, -6.0, -5.0], "lon": [110.0, 106.0, 100.0]})


def test_unit_metrics_by_hand():
    m = unit_metrics(OCC, UNITS)
    assert list(m.columns) == list(METRIC_COLUMNS)
    assert list(m["kode_unit"]) == ["A", "B"]  # Z has no occupancy: unknown, not zero pressure
    a = m.iloc[0]
    assert a["nama"] == "Sentra A" and a["tipe"] == "sentra"
    assert a["kapasitas"] == 10
    assert a["rata_penghuni"] == pytest.approx(28 / 3)
    assert a["puncak_penghuni"] == 11
    assert a["utilisasi"] == pytest.approx(28 / 30)
    assert a["utilisasi_puncak"] == pytest.approx(1.1)
    assert a["bulan_di_atas_kapasitas"] == 1
    assert (a["penerimaan"], a["pemulangan"]) == (12, 12)
    # resident-days 8·31 + 11·29 + 9·31 = 248 + 319 + 279 = 846; / 12 discharges = 70.5 days
    assert a["lama_tinggal_hari"] == pytest.approx(70.5)
    assert a["porsi_tppo"] == pytest.approx(6 / 28)
    assert a["tekanan"] == pytest.approx((28 / 30 + 1.1) / 2)
    b = m.iloc[1]
    assert b["utilisasi"] == pytest.approx(0.5) and b["tekanan"] == pytest.approx(0.5)
    assert math.isnan(b["lama_tinggal_hari"])  # nobody discharged
    assert b["porsi_tppo"] == 0
    assert b["bulan_di_atas_kapasitas"] == 0


def test_capacity_change_uses_bed_months_and_latest_capacity():
    occ = pd.DataFrame([(dt.date(2024, 1, 1), "C", 10, 10, 0, 1, 1), (dt.date(2024, 2, 1), "C", 20, 10, 0, 1, 1)],
                       columns=COLUMNS)
    c = unit_metrics(occ, UNITS).iloc[0]
    assert c["kapasitas"] == 20
    assert c["utilisasi"] == pytest.approx(20 / 30)
    assert c["utilisasi_puncak"] == pytest.approx(1.0)
    assert c["bulan_di_atas_kapasitas"] == 0  # exactly full is not over capacity
    assert c["nama"] == "C"  # unknown to the unit list: the code stands in


def test_zero_capacity_has_no_utilisation():
    occ = pd.DataFrame([(dt.date(2024, 1, 1), "D", 0, 3, 0, 1, 1)], columns=COLUMNS)
    d = unit_metrics(occ, UNITS).iloc[0]
    assert math.isnan(d["utilisasi"]) and math.isnan(d["utilisasi_puncak"])
    assert d["bulan_di_atas_kapasitas"] == 1


def test_sorted_by_pressure_then_months_over_then_code():
    occ = pd.DataFrame([
        (dt.date(2024, 1, 1), "P", 10, 5, 0, 0, 0), (dt.date(2024, 1, 1), "Q", 10, 9, 0, 0, 0),
        (dt.date(2024, 1, 1), "R", 10, 5, 0, 0, 0),
    ], columns=COLUMNS)
    assert list(unit_metrics(occ, UNITS)["kode_unit"]) == ["Q", "P", "R"]


def test_national_metrics_by_hand():
    n = national_metrics(OCC)
    assert list(n.columns) == list(METRIC_COLUMNS) and len(n) == 1
    row = n.iloc[0]
    assert row["kode_unit"] == NATIONAL_CODE and row["nama"] == "Nasional"
    # monthly totals: capacity 30, residents 18, 21, 19
    assert row["kapasitas"] == 30
    assert row["rata_penghuni"] == pytest.approx(58 / 3)
    assert row["puncak_penghuni"] == 21
    assert row["utilisasi"] == pytest.approx(58 / 90)
    assert row["utilisasi_puncak"] == pytest.approx(0.7)
    assert row["bulan_di_atas_kapasitas"] == 1  # unit-months: A in February
    assert (row["penerimaan"], row["pemulangan"]) == (18, 12)
    # resident-days 18·31 + 21·29 + 19·31 = 558 + 609 + 589 = 1,756; / 12 discharges
    assert row["lama_tinggal_hari"] == pytest.approx(1756 / 12)
    assert row["porsi_tppo"] == pytest.approx(6 / 58)


def test_empty_occupancy_gives_empty_frames():
    empty = pd.DataFrame(columns=COLUMNS)
    assert unit_metrics(empty, UNITS).empty and list(unit_metrics(empty, UNITS).columns) == list(METRIC_COLUMNS)
    assert national_metrics(empty).empty
    assert capacity_alerts(empty).empty and list(capacity_alerts(empty).columns) == list(ALERT_COLUMNS)


def _series(unit: str, months: list[tuple[str, int]], capacity: int = 100) -> list[tuple]:
    return [(dt.date.fromisoformat(m + "-01"), unit, capacity, residents, 0, 0, 0) for m, residents in months]


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text + "-01")


@pytest.mark.parametrize(("rows", "kwargs", "expected"), [
    pytest.param(_series("A", [("2024-01", 95), ("2024-02", 92)]), {},
                 [("A", "2024-01", "2024-02", 2, 0.95, True)], id="two months above"),
    pytest.param(_series("A", [("2024-01", 95), ("2024-02", 50)]), {}, [], id="single month is no alert"),
    pytest.param(_series("A", [("2024-01", 90), ("2024-02", 90), ("2024-03", 95)]), {}, [],
                 id="exactly at threshold is not above"),
    pytest.param(_series("A", [("2024-01", 91), ("2024-02", 90), ("2024-03", 91)]), {}, [],
                 id="a month at threshold breaks the run"),
    pytest.param(_series("A", [("2024-01", 95), ("2024-03", 96)]), {}, [], id="missing month breaks the run"),
    pytest.param(_series("A", [("2024-01", 95), ("2024-03", 96)]), {"min_consecutive": 1},
                 [("A", "2024-03", "2024-03", 1, 0.96, True), ("A", "2024-01", "2024-01", 1, 0.95, False)],
                 id="gap with single-month runs"),
    pytest.param(_series("A", [("2023-12", 95), ("2024-01", 120)]), {},
                 [("A", "2023-12", "2024-01", 2, 1.2, True)], id="across the year boundary"),
    pytest.param(_series("A", [("2024-01", 95), ("2024-02", 99), ("2024-03", 40), ("2024-04", 91), ("2024-05", 120),
                               ("2024-06", 93), ("2024-07", 10)]), {},
                 [("A", "2024-04", "2024-06", 3, 1.2, False), ("A", "2024-01", "2024-02", 2, 0.99, False)],
                 id="two runs, latest first, none ongoing"),
    pytest.param(_series("A", [("2024-01", 95), ("2024-02", 99), ("2024-03", 98)]), {"min_consecutive": 3},
                 [("A", "2024-01", "2024-03", 3, 0.99, True)], id="three required, three present"),
    pytest.param(_series("A", [("2024-01", 95), ("2024-02", 99)]), {"min_consecutive": 3}, [],
                 id="three required, two present"),
    pytest.param(_series("A", [("2024-01", 80), ("2024-02", 85)]), {"threshold": 0.75},
                 [("A", "2024-01", "2024-02", 2, 0.85, True)], id="custom threshold"),
    pytest.param(_series("A", [("2024-01", 5), ("2024-02", 5)], capacity=0), {}, [],
                 id="zero capacity has no utilisation"),
    pytest.param(_series("B", [("2024-01", 95), ("2024-02", 95)]) + _series("A", [("2024-02", 97), ("2024-03", 98)]),
                 {}, [("A", "2024-02", "2024-03", 2, 0.98, True), ("B", "2024-01", "2024-02", 2, 0.95, False)],
                 id="ongoing runs first; latest month is data-wide"),
])
def test_capacity_alerts(rows, kwargs, expected):
    alerts = capacity_alerts(pd.DataFrame(rows, columns=COLUMNS), **kwargs)
    assert list(alerts.columns) == list(ALERT_COLUMNS)
    got = [(r.kode_unit, r.mulai, r.akhir, r.jumlah_bulan, round(r.utilisasi_maks, 6), bool(r.berlangsung))
           for r in alerts.itertuples()]
    assert got == [(u, _d(s), _d(e), n, m, b) for u, s, e, n, m, b in expected]


def test_alerts_ignore_row_order():
    rows = _series("A", [("2024-03", 95), ("2024-01", 95), ("2024-02", 95)])
    alerts = capacity_alerts(pd.DataFrame(rows, columns=COLUMNS))
    assert len(alerts) == 1 and alerts.iloc[0]["jumlah_bulan"] == 3


def test_min_consecutive_must_be_positive():
    with pytest.raises(ValueError):
        capacity_alerts(OCC, min_consecutive=0)


def test_monthly_utilisation():
    util = monthly_utilisation(OCC)
    assert util.loc[(util["kode_unit"] == "A") & (util["bulan"] == dt.date(2024, 2, 1)), "utilisasi"].item() == 1.1


def test_unit_map_frame():
    staffing = pd.DataFrame({"kode_unit": ["A", "A"], "peran": ["pekerja_sosial", "psikolog"], "terisi": [3, 1]})
    frame = unit_map_frame(unit_metrics(OCC, UNITS), UNITS, staffing)
    a = frame.set_index("kode_unit").loc["A"]
    assert a["staf"] == 4 and a["penghuni"] == pytest.approx(28 / 3) and a["lat"] == -7.0
    assert math.isnan(frame.set_index("kode_unit").loc["B", "staf"])  # no staff report: unknown, not 0
