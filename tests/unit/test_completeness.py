"""domain.completeness: who has not reported for the latest months, on hand-made counts."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from domain.completeness import (MISSING, NOT_EXPECTED, REPORTED, agency_completeness, completeness_table,
                                 missing_reports, reporting_status)
from domain.trends import add_months

END = dt.date(2025, 7, 1)
AGENCIES = ["KEMENSOS", "KEMENKES"]


def rows(agency: str, prov: str, months: list[dt.date], jumlah: int = 5) -> list[dict]:
    return [{"instansi": agency, "kode_prov": prov, "bulan": m, "jumlah": jumlah} for m in months]


BASELINE = [add_months(END, -i) for i in range(3, 15)]  # the 12 months before May 2025
RECENT = [add_months(END, -2), add_months(END, -1), END]  # May, Jun, Jul 2025


def counts() -> pd.DataFrame:
    data = []
    data += rows("KEMENSOS", "52", BASELINE + RECENT)           # always reports
    data += rows("KEMENKES", "52", BASELINE + RECENT[:1])       # stops after May: Jun, Jul missing
    data += rows("KEMENSOS", "35", BASELINE + RECENT)
    data += rows("KEMENKES", "35", BASELINE[:2])                # rarely reports 35: nothing expected
    data += rows("KEMENSOS", "11", BASELINE + RECENT[:2])       # Jul: nobody reports 11 → not expected
    data += rows("KEMENKES", "11", BASELINE + RECENT[:2])
    data += rows("KEMENSOS", "31", BASELINE + RECENT, jumlah=1)  # others report only 1 a month: too little
    data += rows("KEMENKES", "31", BASELINE)
    return pd.DataFrame(data)


@pytest.fixture()
def status() -> pd.DataFrame:
    return reporting_status(counts(), end=END, agencies=AGENCIES)


@pytest.mark.parametrize(("agency", "prov", "month", "expected"), [
    ("KEMENKES", "52", RECENT[0], REPORTED),
    ("KEMENKES", "52", RECENT[1], MISSING),
    ("KEMENKES", "52", END, MISSING),
    ("KEMENKES", "35", END, NOT_EXPECTED),   # active in 2 of 12 baseline months < 3
    ("KEMENSOS", "11", END, NOT_EXPECTED),   # no other agency saw victims from 11 in July
    ("KEMENKES", "11", END, NOT_EXPECTED),
    ("KEMENKES", "31", END, NOT_EXPECTED),   # the others reported 1 < min_others (3)
    ("KEMENSOS", "52", END, REPORTED),
])
def test_status(status, agency, prov, month, expected):
    row = status[(status["instansi"] == agency) & (status["kode_prov"] == prov) & (status["bulan"] == month)]
    assert row["status"].item() == expected


def test_missing_reports_latest_first(status):
    gaps = missing_reports(status)
    assert list(zip(gaps["instansi"], gaps["kode_prov"], gaps["bulan"])) == [
        ("KEMENKES", "52", END), ("KEMENKES", "52", RECENT[1])]


def test_completeness_table_and_agency_summary(status):
    table = completeness_table(status).set_index(["instansi", "kode_prov"])
    assert table.loc[("KEMENKES", "52"), ["diharapkan", "dilaporkan", "belum_lapor"]].tolist() == [3, 1, 2]
    assert table.loc[("KEMENKES", "52"), "kelengkapan"] == pytest.approx(1 / 3)
    assert pd.isna(table.loc[("KEMENKES", "35"), "kelengkapan"])  # nothing expected: unknown, not 0%
    by_agency = agency_completeness(status).set_index("instansi")
    # Kemenkes: expected 52 (3) + 11 (May, Jun) = 5, reported 1 + 2 = 3.
    assert by_agency.loc["KEMENKES", ["diharapkan", "dilaporkan", "provinsi_belum_lapor"]].tolist() == [5, 3, 1]
    assert by_agency.loc["KEMENSOS", "kelengkapan"] == 1.0


def test_a_province_with_no_rows_is_listed_when_asked(status):
    out = reporting_status(counts(), end=END, agencies=AGENCIES, provinces=["52", "99"])
    assert set(out["kode_prov"]) == {"52", "99"}
    assert (out.loc[out["kode_prov"] == "99", "status"] == NOT_EXPECTED).all()


def test_empty_counts_give_no_missing_reports():
    out = reporting_status(pd.DataFrame(columns=["instansi", "kode_prov", "bulan", "jumlah"]), end=END,
                           agencies=AGENCIES, provinces=["52"])
    assert len(out) == 2 * 3 and missing_reports(out).empty
