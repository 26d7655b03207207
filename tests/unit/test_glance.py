"""domain.glance: the executive first screen's series and sentences."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from domain import glance

D = dt.date


@pytest.mark.parametrize("end, first, expected", [
    (D(2025, 7, 1), None, (D(2023, 8, 1), 24)),
    (D(2025, 7, 1), D(2024, 1, 1), (D(2024, 1, 1), 19)),  # the line starts with the data
    (D(2023, 1, 1), D(2023, 1, 1), (D(2023, 1, 1), 1)),
])
def test_spark_months(end, first, expected):
    months = glance.spark_months(end, first=first)
    assert (months[0], len(months)) == expected and months[-1] == end


def test_monthly_counts_fill_missing_months_with_zero():
    df = pd.DataFrame({"bulan": [D(2025, 1, 1), D(2025, 3, 1), D(2025, 3, 1)], "kelompok_umur": ["anak", "anak", "dewasa"],
                       "jumlah": [2, 3, 4]})
    months = [D(2025, 1, 1), D(2025, 2, 1), D(2025, 3, 1)]
    assert glance.monthly_counts(df, months) == [2, 0, 7]
    assert glance.monthly_counts(df, months, "kelompok_umur", "anak") == [2, 0, 3]


def test_monthly_utilisation_is_none_without_beds():
    occ = pd.DataFrame({"bulan": [D(2025, 1, 1)] * 2, "penghuni": [9.0, 10.0], "kapasitas": [10, 10]})
    assert glance.monthly_utilisation(occ, [D(2025, 1, 1), D(2025, 2, 1)]) == [0.95, None]


def test_province_changes_and_sentences():
    now = pd.DataFrame({"kode_prov_asal": ["52", "35", "11"], "jumlah": [40, 30, 5]})
    before = pd.DataFrame({"kode_prov_asal": ["52", "35", "21"], "jumlah": [20, 31, 3]})
    changes = glance.province_changes(now, before)
    assert list(changes["kode"]) == ["52", "11", "35", "21"]  # +20, +5, -1, -3
    names = {"52": "NTB", "35": "Jawa Timur", "11": "Aceh", "21": "Kepri"}
    top = glance.top_provinces_statement(now, names, (D(2025, 1, 1), D(2025, 6, 1)))
    assert top.text == "Asal korban terbanyak (Jan–Jun 2025): NTB 40, Jawa Timur 30, Aceh 5."
    rising = glance.rising_provinces_statement(changes, names, (D(2024, 1, 1), D(2024, 6, 1)), "en")
    assert rising.values["provinces"] == [("52", 40, 20), ("11", 5, 0)]
    assert rising.text.endswith("NTB +20 (20 → 40), Aceh +5 (0 → 5).")
    assert glance.rising_provinces_statement(changes, names, None) is None


@pytest.mark.parametrize("n, key, text", [
    (1, "eks.units.alert.one", "1 unit above 90% of capacity"),
    (2, "eks.units.alert", "2 units above 90% of capacity"),
])
def test_units_on_alert_name_each_unit_in_the_right_number(n, key, text):
    ongoing = pd.DataFrame({"kode_unit": ["A", "B"][:n], "utilisasi_akhir": [0.95, 1.14][:n]})
    s = glance.units_on_alert_statement(ongoing, D(2025, 7, 1), {"A": "Sentra A", "B": "Sentra B"}, "en")
    assert s.key == key and s.text.startswith(text)
    assert s.values["units"][0][0] == ("B" if n == 2 else "A")  # highest first


def test_todo_late_names_the_oldest_report():
    overdue = pd.DataFrame({"jenis": ["kasus"], "pelapor": ["BP2MI"], "bulan": [D(2025, 6, 1)],
                            "hari_terlambat": [1]})
    s = glance.todo_late(overdue, {"BP2MI": "BP2MI"}, D(2025, 7, 11), "en")
    assert s.key == "eks.todo.late.one" and "(1 day)" in s.text and "1 report past its due date" in s.text
