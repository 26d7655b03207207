"""domain.projection: intervals that cover the truth at their nominal rate on series with known trend and season,
withholding with a reason, and the consequences for places and staff (issue 27)."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest

from domain import projection as proj


def series(values, start: dt.date = dt.date(2022, 1, 1)) -> pd.DataFrame:
    months = pd.period_range(pd.Timestamp(start), periods=len(values), freq="M")
    return pd.DataFrame({"bulan": [m.start_time.date() for m in months], "jumlah": np.asarray(values, dtype=float)})


def truth_mean(t: np.ndarray, level: float = 40.0, growth: float = 0.10, season: float = 0.25) -> np.ndarray:
    """A known process: log-linear trend of `growth` a year and a yearly season of ±`season` (log scale)."""
    return level * np.exp(growth * t / 12 + season * np.sin(2 * np.pi * (t + 1) / 12))


def draw_counts(rng: np.random.Generator, mu: np.ndarray, alpha: float) -> np.ndarray:
    return rng.poisson(rng.gamma(1 / alpha, alpha * mu)).astype(float)


@pytest.mark.parametrize(("spec", "season"), [(proj.SEASONAL, 0.25), (proj.LOCAL, 0.0)], ids=["musiman", "lokal"])
def test_intervals_cover_the_truth_at_their_nominal_rate(spec, season):
    """200 seeded series of 36 months (trend +10 %/year, negative-binomial noise; a season of ±25 % for the variant
    that models one): the next 12 months drawn from the same process fall inside the 80 % and 95 % intervals at about
    those rates. The damped trend costs a little coverage; the bands allow for that and for 200 draws. (The local
    variant has no season: on a strongly seasonal series its intervals are too narrow; it is used only when the data
    are too short for the season, and its backtest and the year-ahead check stand beside it.)"""
    rng = np.random.default_rng(2027)
    n, h, alpha = 36, 12, 0.02
    t = np.arange(n + h, dtype=float)
    mu = truth_mean(t, season=season)
    months = ((t % 12) + 1).astype(float)  # t = 0 is January
    inside80 = inside95 = total = 0
    for i in range(200):
        y = draw_counts(rng, mu, alpha)
        model = proj.fit(y[:n], months[:n], spec)
        paths = proj.simulate(model, months[n:], 500, np.random.default_rng(i))
        lo95, lo80, hi80, hi95 = np.quantile(paths, [0.025, 0.1, 0.9, 0.975], axis=0)
        future = y[n:]
        inside80 += int(((lo80 <= future) & (future <= hi80)).sum())
        inside95 += int(((lo95 <= future) & (future <= hi95)).sum())
        total += h
    assert 0.72 <= inside80 / total <= 0.90, inside80 / total
    assert 0.90 <= inside95 / total <= 0.99, inside95 / total


def test_simulated_counts_are_whole_and_never_negative():
    rng = np.random.default_rng(1)
    y = draw_counts(rng, np.full(24, 3.0), 0.5)
    model = proj.fit(y, np.arange(24) % 12 + 1.0, proj.LOCAL)
    paths = proj.simulate(model, np.arange(12) % 12 + 1.0, 1000, rng)
    assert paths.min() >= 0 and np.all(paths == np.round(paths))


def test_a_projection_of_a_known_series_is_shown_with_its_backtest():
    rng = np.random.default_rng(7)
    t = np.arange(40, dtype=float)
    p = proj.project(series(draw_counts(rng, truth_mean(t, level=60), 0.01)))
    assert not p.withheld, (p.reason, p.reason_values)
    assert p.spec == proj.SEASONAL  # 40 months: every backtest fit has two years, and the season is real
    assert list(p.table.columns) == list(proj.TABLE_COLUMNS) and len(p.table) == proj.HORIZON
    assert p.table["bulan"].iloc[0] == dt.date(2025, 5, 1)  # the month after the last of 40 months from Jan 2022
    lows, highs = p.table["lo95"] <= p.table["lo80"], p.table["hi80"] <= p.table["hi95"]
    assert bool((lows & (p.table["lo80"] <= p.table["median"]) & (p.table["median"] <= p.table["hi80"]) & highs).all())
    assert p.total["lo80"] <= p.total["median"] <= p.total["hi80"]
    b = p.backtest
    assert b.months == 12 and 0 <= b.inside80 <= b.inside95 <= 1 and b.mae > 0 and b.naive_mae > 0
    assert b.year_projected and b.year_inside95


@pytest.mark.parametrize(("values", "reason", "evidence"), [
    ([30] * 10 + [31, 29] * 5, "short", {"months": 20, "min": 24}),  # 20 months: too short, whatever they hold
    ([12] * 30, "flat", {"months": 24, "value": 12.0}),  # the same count every month
    ([0] * 30, "flat", {"months": 24, "value": 0.0}),  # nothing ever happened
    ([1, 0, 2, 0, 1, 3, 0, 1, 2, 0, 1, 0] * 3, "small", {"min": 5.0}),  # under 5 a month on average
])
def test_short_flat_or_small_series_get_no_projection_and_a_reason(values, reason, evidence):
    p = proj.project(series(values))
    assert p.withheld and p.reason == reason
    assert p.table.empty and p.draws is None and not p.total
    assert evidence.items() <= p.reason_values.items()


def test_a_series_whose_backtest_fails_is_withheld():
    """A level that collapses in the last year: forecasts from the years before miss the last 12 months."""
    rng = np.random.default_rng(3)
    values = np.concatenate([rng.poisson(200, 24), rng.poisson(200, 6), rng.poisson(20, 6)])
    p = proj.project(series(values))
    assert p.withheld and p.reason in ("poor", "year")
    assert p.backtest is not None and p.spec is not None


def test_the_projection_is_reproducible():
    rng = np.random.default_rng(11)
    history = series(draw_counts(rng, truth_mean(np.arange(30.0)), 0.02))
    a, b = proj.project(history), proj.project(history)
    assert a.total == b.total and a.table.equals(b.table)


def test_monthly_series_fills_missing_months_with_zero():
    frame = pd.DataFrame({"bulan": [dt.date(2024, 1, 1), dt.date(2024, 3, 1), dt.date(2024, 3, 1)],
                          "jumlah": [5, 2, 3]})
    out = proj.monthly_series(frame, dt.date(2023, 12, 1), dt.date(2024, 4, 1))
    assert list(out["jumlah"]) == [0, 5, 0, 5, 0]
    assert out["bulan"].iloc[0] == dt.date(2023, 12, 1)


# --- places ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("admissions", "stay", "expected"), [
    (30.4, 30.4, 30.4),  # one month's stay: residents = admissions of that month
    (30.4, 60.8, 60.8),  # two months' stay: twice the monthly admissions are resident
    (15.2, 91.2, 45.6),  # 0.5 a day × 91.2 days
])
def test_residents_follow_littles_law(admissions, stay, expected):
    paths = np.full((3, 12), admissions)
    residents = proj.residents_paths(paths, np.full(6, admissions), stay)
    assert residents.shape == (3, 12) and np.allclose(residents, expected)


def test_residents_average_the_admissions_of_the_months_a_victim_stays():
    paths = np.array([[60.8] * 3])
    residents = proj.residents_paths(paths, np.array([0.0, 0.0, 0.0]), 60.8)  # stay of two months, none before
    assert np.allclose(residents[0], [60.8 / 2 / 30.4 * 60.8, 60.8 / 30.4 * 60.8, 60.8 / 30.4 * 60.8])


def _shown(unit_values: float, months: int = 12) -> proj.Projection:
    """A projection whose paths are all `unit_values` admissions a month (a stand-in for a fitted one)."""
    history = series([unit_values] * 30)
    table = pd.DataFrame({"bulan": [dt.date(2024, 7 + i, 1) if i < 6 else dt.date(2025, i - 5, 1)
                                    for i in range(months)], "median": [unit_values] * months})
    return proj.Projection(history, spec=proj.LOCAL, table=table, draws=np.full((50, months), unit_values))


def test_places_name_the_months_a_unit_is_likely_to_pass_90_percent():
    units = {"A": _shown(30.4), "B": _shown(10.0), "C": proj.Projection(series([1] * 30), reason="small")}
    metrics = pd.DataFrame({"kode_unit": ["A", "B", "C"], "lama_tinggal_hari": [60.8, 60.8, 30.0],
                            "rata_penghuni": [60.8, 20.0, 1.0]})  # as Little's law says: calibration 1
    latest = pd.DataFrame({"kode_unit": ["A", "B", "C"], "kapasitas": [60.0, 100.0, 10.0],
                           "utilisasi": [0.95, 0.2, 0.1]})
    summary, months = proj.project_places(units, metrics, latest)
    rows = summary.set_index("kode_unit")
    assert len(rows.at["A", "bulan_lewat_90"]) == 12  # 60.8 residents in 60 beds every month
    assert rows.at["A", "bulan_pertama_lewat_90"] == dt.date(2024, 7, 1)
    assert rows.at["A", "utilisasi_puncak_proyeksi"] == pytest.approx(60.8 / 60)
    assert rows.at["B", "bulan_lewat_90"] == [] and rows.at["B", "utilisasi_puncak_proyeksi"] == pytest.approx(0.2)
    assert rows.at["C", "alasan"] == "small" and rows.at["C", "bulan_lewat_90"] == []
    assert list(summary["kode_unit"]) == ["A", "B", "C"]  # most months over 90 % first
    assert set(months["kode_unit"]) == {"A", "B"} and len(months) == 24
    assert rows.at["A", "kalibrasi"] == pytest.approx(1.0)


@pytest.mark.parametrize(("residents", "expected"), [
    (60.8, 1.0),  # the unit held what Little's law says for its admissions and stay
    (30.4, 0.5),  # half as many: stays recorded longer than they are, or discharges missing from the report
    (0.0, 1.0),  # nobody resident on average: nothing to calibrate against
])
def test_calibration_starts_the_projection_from_the_occupancy_the_unit_had(residents, expected):
    admissions = np.full(24, 30.4)  # 1 a day, a stay of 60.8 days: 60.8 residents by Little's law
    assert proj.calibration(admissions, 60.8, residents) == pytest.approx(expected)


# --- staff ------------------------------------------------------------------------------------------------


def _occupancy(unit: str, admissions: float, residents: float, months: list) -> pd.DataFrame:
    return pd.DataFrame({"bulan": months, "kode_unit": unit, "kapasitas": 100.0, "penghuni": residents,
                         "penghuni_tppo": residents / 2, "penerimaan": admissions, "pemulangan": admissions})


def test_more_projected_admissions_need_more_staff_and_the_planner_places_the_recruits():
    from domain.sdm import wisn_by_unit_role

    past = [dt.date(2024, m, 1) for m in range(1, 13)]
    future = [dt.date(2025, m, 1) for m in range(1, 13)]
    occupancy = pd.concat([_occupancy("A", 10, 20, past), _occupancy("B", 10, 20, past)], ignore_index=True)
    staffing = pd.DataFrame({"kuartal": dt.date(2024, 10, 1), "kode_unit": ["A", "B"], "peran": "pekerja_sosial",
                             "terisi": [2, 2], "bersertifikat": [1, 1], "lowongan": [0, 0]})
    # One assessment of 24 hours per admission; 200 working days of 6 hours: 1,200 hours a year per person.
    standards = pd.DataFrame({"peran": ["pekerja_sosial"], "aktivitas": ["asesmen"], "jenis": ["service"],
                              "menit_per_unit": [24 * 60.0], "pemicu": ["penerimaan"], "frekuensi": [1.0],
                              "persen_waktu": [None], "jam_per_tahun": [None], "staf_melakukan": [None]})
    working_time = pd.DataFrame({"peran": ["pekerja_sosial"], "hari_kerja": [200.0], "libur_nasional": [0.0],
                                 "cuti_tahunan": [0.0], "cuti_sakit": [0.0], "cuti_lain": [0.0], "jam_per_hari": [6.0]})
    now = wisn_by_unit_role(occupancy, staffing, standards, working_time)
    assert now["required_staff"].tolist() == pytest.approx([2.4, 2.4])  # 120 admissions × 24 h / 1,200 h
    places_months = pd.DataFrame({"kode_unit": ["A"] * 12, "bulan": future, "penerimaan": 30.0, "penghuni": 60.0})
    next_year = proj.projected_occupancy(places_months, occupancy)  # B has no projection: its last year stays
    assert sorted(set(next_year["kode_unit"])) == ["A", "B"] and len(next_year) == 24
    assert set(pd.to_datetime(next_year["bulan"]).dt.year) == {2025}
    wisn_next = wisn_by_unit_role(next_year, staffing, standards, working_time)
    assert wisn_next.set_index("kode_unit")["required_staff"].to_dict() == pytest.approx({"A": 7.2, "B": 2.4})
    roles, recruits = proj.recruitment(now, wisn_next, ("pekerja_sosial", "psikolog"))
    row = roles.iloc[0]
    assert len(roles) == 1 and row["dibutuhkan_sekarang"] == pytest.approx(4.8)
    assert row["dibutuhkan_proyeksi"] == pytest.approx(9.6)
    assert row["kekurangan_proyeksi"] == pytest.approx(5.2 + 0.4) and row["rekrut"] == 6
    placed = recruits.set_index("kode_unit")["rekrut"].to_dict()
    assert sum(placed.values()) == 6 and placed["A"] >= 5  # the planner lifts the lowest ratio first
    assert not math.isnan(recruits["rasio_sesudah"].iloc[0])
