"""domain.submissions: due dates, the as-of date, who is expected, report status and rates; by hand."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from domain.submissions import (
    LATE, MISSING, NOT_DUE, ON_TIME, Expected, as_of_date, demo_arrival, due_date, expected_from, last_due_month,
    overdue, report_status, reporting_rates, reports_in,
)

D = dt.date
WIB = dt.timezone(dt.timedelta(hours=7))
MAY, JUN, JUL, AUG = D(2025, 5, 1), D(2025, 6, 1), D(2025, 7, 1), D(2025, 8, 1)


@pytest.mark.parametrize("month, day, expected", [
    (JUL, 10, D(2025, 8, 10)),
    (D(2024, 12, 1), 10, D(2025, 1, 10)),  # the December report is due in January of the next year
    (D(2025, 1, 1), 28, D(2025, 2, 28)),
    (MAY, 1, D(2025, 6, 1)),
])
def test_due_date(month, day, expected):
    assert due_date(month, day) == expected


@pytest.mark.parametrize("day", [0, 29, 31])
def test_due_day_must_exist_in_every_month(day):
    with pytest.raises(ValueError, match="antara 1 dan 28"):
        due_date(JUL, day)


@pytest.mark.parametrize("today, demo, last, expected", [
    (D(2026, 12, 7), False, JUL, D(2026, 12, 7)),  # real data: today
    (D(2026, 12, 7), True, JUL, D(2025, 8, 31)),  # demo: the end of the month after its last month
    (D(2026, 12, 7), True, D(2024, 12, 1), D(2025, 1, 31)),
    (D(2026, 12, 7), True, None, D(2026, 12, 7)),  # demo without reports: nothing to anchor on
])
def test_as_of_date(today, demo, last, expected):
    assert as_of_date(today, demo, last) == expected


@pytest.mark.parametrize("as_of, day, expected", [
    (D(2025, 8, 31), 10, JUL),  # July's report was due on 10 Aug
    (D(2025, 8, 10), 10, JUN),  # on its due day July's report is not late yet
    (D(2025, 8, 11), 10, JUL),
    (D(2025, 8, 1), 1, JUN),
    (D(2025, 8, 2), 1, JUL),
    (D(2026, 1, 5), 10, D(2025, 11, 1)),  # across the year
])
def test_last_due_month(as_of, day, expected):
    assert last_due_month(as_of, day) == expected


def subs(rows) -> pd.DataFrame:
    return pd.DataFrame([{"pelapor": p, "bulan": m, "waktu": w, "nol": z} for p, m, w, z in rows],
                        columns=["pelapor", "bulan", "waktu", "nol"])


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=WIB)


def test_expected_from_first_report_and_never_reported_for_the_last_month_only():
    s = subs([("A", MAY, at(D(2025, 6, 1)), False), ("A", JUN, at(D(2025, 7, 1)), False),
              ("B", JUN, at(D(2025, 7, 1)), False), ("X", MAY, at(D(2025, 6, 1)), False)])
    got = expected_from(s, ["A", "B", "C"], JUL)
    assert got.first == {"A": MAY, "B": JUN, "C": JUL, "X": MAY}
    assert expected_from(s, ["A", "B", "C"], JUL, listed_only=True).first == {"A": MAY, "B": JUN, "C": JUL}
    # a reporter whose first report is after the last due month is not expected yet
    assert "B" not in expected_from(s, ["A"], MAY).first


def test_report_status_on_time_late_missing_not_due():
    s = subs([
        ("A", MAY, at(D(2025, 6, 10), 23), False),  # 23:00 WIB on the due day: on time
        ("A", JUN, at(D(2025, 7, 11), 0), True),  # one day late, a zero report
        ("A", JUN, at(D(2025, 7, 1)), False),  # ... but an earlier submission of June counts first
        ("B", MAY, dt.datetime(2025, 6, 10, 18, tzinfo=dt.timezone.utc), False),  # 01:00 WIB on 11 Jun: late
    ])
    # UTC 16:59 on the 10th is 23:59 WIB: still on time; naive stamps are UTC (SQLite)
    s = pd.concat([s, subs([("C", MAY, dt.datetime(2025, 6, 10, 16, 59), False)])], ignore_index=True)
    expected = Expected({"A": MAY, "B": MAY, "C": MAY}, JUL)
    out = report_status(s, expected, as_of=D(2025, 8, 20), due_day=10)
    got = {(r.pelapor, r.bulan): (r.status, r.hari_terlambat) for r in out.itertuples()}
    assert got == {
        ("A", MAY): (ON_TIME, 0), ("A", JUN): (ON_TIME, 0), ("A", JUL): (MISSING, 10),
        ("B", MAY): (LATE, 1), ("B", JUN): (MISSING, 41), ("B", JUL): (MISSING, 10),
        ("C", MAY): (ON_TIME, 0), ("C", JUN): (MISSING, 41), ("C", JUL): (MISSING, 10),
    }
    # on the due day itself a missing report is not yet overdue
    on_due = report_status(s, expected, as_of=D(2025, 8, 10), due_day=10)
    assert on_due.set_index(["pelapor", "bulan"]).loc[("A", JUL), "status"] == NOT_DUE


def test_zero_report_is_a_report():
    s = subs([("A", MAY, at(D(2025, 6, 2)), True)])
    out = report_status(s, Expected({"A": MAY}, MAY), as_of=D(2025, 7, 1))
    assert out.iloc[0]["status"] == ON_TIME and bool(out.iloc[0]["nol"])


def test_rates_and_overdue():
    status = pd.DataFrame([
        ("A", MAY, None, ON_TIME, None, 0, False), ("A", JUN, None, LATE, None, 3, False),
        ("A", JUL, None, MISSING, None, 12, False), ("A", AUG, None, NOT_DUE, None, 0, False),
        ("B", JUN, None, MISSING, None, 43, False), ("B", JUL, None, MISSING, None, 12, False),
    ], columns=["pelapor", "bulan", "jatuh_tempo", "status", "diterima", "hari_terlambat", "nol"])
    rates = reporting_rates(status).set_index("pelapor")
    assert rates.loc["A", ["diharapkan", "dilaporkan", "tepat_waktu", "belum"]].tolist() == [3, 2, 1, 1]
    assert rates.loc["A", "tingkat_pelaporan"] == pytest.approx(2 / 3)
    assert rates.loc["A", "tingkat_tepat_waktu"] == pytest.approx(1 / 3)
    assert rates.loc["B", "tingkat_pelaporan"] == 0
    late = overdue(status)
    assert list(zip(late["pelapor"], late["bulan"])) == [("B", JUN), ("A", JUL), ("B", JUL)]


def test_reports_in_groups_rows_into_reports():
    rows = [{"instansi": "A", "bulan": MAY, "jumlah": 3}, {"instansi": "A", "bulan": MAY, "jumlah": 2},
            {"instansi": "A", "bulan": JUN, "jumlah": 0}, {"instansi": "B", "bulan": MAY, "jumlah": None}]
    out = reports_in("kasus", rows)
    assert out.values.tolist() == [["A", MAY, 2, 5, False], ["A", JUN, 1, 0, True], ["B", MAY, 1, 0, True]]
    placements = reports_in("penempatan_pmi", [{"tahun": 2024, "bulan": None, "jumlah": 5},
                                               {"tahun": 2025, "bulan": 3, "jumlah": 7}])
    assert placements.values.tolist() == [["BP2MI", D(2024, 1, 1), 1, 5, False], ["BP2MI", D(2025, 3, 1), 1, 7, False]]


def test_demo_arrival_is_fixed_and_mostly_on_time():
    months = [D(2023 + i // 12, i % 12 + 1, 1) for i in range(36)]
    arrivals = [demo_arrival("kasus", a, m) for a in ("A", "B", "C", "D") for m in months]
    assert arrivals == [demo_arrival("kasus", a, m) for a in ("A", "B", "C", "D") for m in months]
    late = sum(t.date() > due_date(m) for t, m in zip(arrivals, months * 4))
    assert 0 < late < len(arrivals) * 0.25
    assert all(t.date() >= due_date(m) - dt.timedelta(days=8) for t, m in zip(arrivals, months * 4))
