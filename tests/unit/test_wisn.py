"""WISN arithmetic against a hand-worked example, and every input problem a planner can make."""

from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd
import pytest

from domain.wisn import (
    ACTIVITIES,
    ACTIVITIES_COLUMNS,
    PARAMS,
    PARAMS_COLUMNS,
    RESULT_COLUMNS,
    IndividualActivity,
    ServiceActivity,
    SupportActivity,
    WisnInputError,
    WorkingTime,
    compute_wisn,
    compute_wisn_table,
    validate_wisn_inputs,
)

UNIT, ROLE = "Sentra Handayani", "Pekerja Sosial"

# The hand-worked example, for one social worker role at one sentra:
# AWT: 260 working days − 15 public holidays − 12 annual leave − 5 sick − 3 other = 225 days; × 8 h = 1,800 h.
WORKING_TIME = WorkingTime(working_days=260, public_holidays=15, annual_leave=12, sick_leave=5, other_leave=3,
                           hours_per_day=8)
SERVICES = (
    # 1,800 h × 60 = 108,000 min / 90 min = 1,200 assessments a year; 600 / 1,200 = 0.5 staff
    ServiceActivity("Asesmen korban", time_per_unit_minutes=90, annual_workload=600),
    # 108,000 / 60 = 1,800 sessions a year; 2,700 / 1,800 = 1.5 staff
    ServiceActivity("Konseling psikososial", time_per_unit_minutes=60, annual_workload=2700),
    # 108,000 / 240 = 450 home visits a year; 450 / 450 = 1.0 staff   → service staff 0.5 + 1.5 + 1.0 = 3.0
    ServiceActivity("Kunjungan rumah", time_per_unit_minutes=240, annual_workload=450),
)
# Support 10 % + 10 % = 20 % → CAF = 1 / (1 − 0.20) = 1.25
SUPPORTS = (SupportActivity("Rapat kasus", 10), SupportActivity("Administrasi kasus", 10))
# Individual: 360 h × 1 coordinator + 90 h × 2 trainers = 540 h; IAF = 540 / 1,800 = 0.3 staff
INDIVIDUALS = (IndividualActivity("Supervisi", 360, 1), IndividualActivity("Melatih relawan", 90, 2))
# Required = 3.0 × 1.25 + 0.3 = 4.05; with 3 staff: ratio 3 / 4.05 = 0.7407…, shortage 3 − 4.05 = −1.05
CURRENT_STAFF = 3


def test_hand_worked_example_step_by_step() -> None:
    assert WORKING_TIME.available_days == 225
    assert WORKING_TIME.awt_hours == 1800
    assert [s.standard_workload(1800) for s in SERVICES] == pytest.approx([1200, 1800, 450])
    assert [s.staff_needed(1800) for s in SERVICES] == pytest.approx([0.5, 1.5, 1.0])

    result = compute_wisn(WORKING_TIME, CURRENT_STAFF, SERVICES, SUPPORTS, INDIVIDUALS)

    assert result.awt_hours == pytest.approx(1800)
    assert result.service_staff == pytest.approx(3.0)
    assert result.caf == pytest.approx(1.25)
    assert result.iaf == pytest.approx(0.3)
    assert result.required_staff == pytest.approx(4.05)
    assert result.current_staff == 3
    assert result.wisn_ratio == pytest.approx(3 / 4.05)
    assert result.shortage == pytest.approx(-1.05)


def test_no_workload_gives_nan_ratio_and_whole_staff_as_surplus() -> None:
    result = compute_wisn(WORKING_TIME, current_staff=2)
    assert result.required_staff == 0
    assert math.isnan(result.wisn_ratio)
    assert result.shortage == 2


@pytest.mark.parametrize(
    ("working_time", "services", "supports", "fragment"),
    [
        (WorkingTime(working_days=10, annual_leave=10), (), (), "AWT"),
        (WORKING_TIME, (ServiceActivity("Asesmen", 0, 10),), (), "lebih dari 0 menit"),
        (WORKING_TIME, (), (SupportActivity("Rapat", 60), SupportActivity("Admin", 40)), "kurang dari 100%"),
    ],
)
def test_compute_wisn_refuses_what_it_cannot_compute(
    working_time: WorkingTime, services: tuple, supports: tuple, fragment: str
) -> None:
    with pytest.raises(ValueError, match=fragment):
        compute_wisn(working_time, 1, services, supports)


def _params() -> pd.DataFrame:
    rows = [
        [UNIT, ROLE, 260, 15, 12, 5, 3, 8, 3],  # spreadsheet row 2
        ["UPT PPA Kota Batam", ROLE, 260, 15, 12, None, None, 8, 1],  # row 3: blank leave means none
    ]
    return pd.DataFrame(rows, columns=list(PARAMS_COLUMNS), dtype=object)


def _activities() -> pd.DataFrame:
    rows = [
        [UNIT, ROLE, "Asesmen korban", "service", 90, 600, None, None, None],  # spreadsheet row 2
        [UNIT, ROLE, "Konseling psikososial", "service", 60, 2700, None, None, None],  # row 3
        [UNIT, ROLE, "Kunjungan rumah", "service", 240, 450, None, None, None],  # row 4
        [UNIT, ROLE, "Rapat kasus", "support", None, None, 10, None, None],  # row 5
        [UNIT, ROLE, "Administrasi kasus", "support", None, None, 10, None, None],  # row 6
        [UNIT, ROLE, "Supervisi", "individual", None, None, None, 360, 1],  # row 7
        [UNIT, ROLE, "Melatih relawan", "individual", None, None, None, 90, 2],  # row 8
        ["UPT PPA Kota Batam", ROLE, "Asesmen korban", "service", 90, 1200, None, None, None],  # row 9
    ]
    return pd.DataFrame(rows, columns=list(ACTIVITIES_COLUMNS), dtype=object)


def test_table_reproduces_hand_example_in_params_order() -> None:
    result = compute_wisn_table(_params(), _activities())

    assert list(result.columns) == list(RESULT_COLUMNS)
    assert list(result["unit"]) == [UNIT, "UPT PPA Kota Batam"]
    sentra = result.iloc[0]
    assert sentra["role"] == ROLE
    assert sentra[["awt_hours", "service_staff", "caf", "iaf", "required_staff", "current_staff", "shortage"]
                  ].tolist() == pytest.approx([1800, 3.0, 1.25, 0.3, 4.05, 3, -1.05])
    assert sentra["wisn_ratio"] == pytest.approx(3 / 4.05)
    # Batam: 260 − 15 − 12 = 233 days × 8 = 1,864 h; 111,840 min / 90 = 1,242.67/yr; 1,200 / 1,242.67 = 0.9657
    batam = result.iloc[1]
    assert batam["awt_hours"] == pytest.approx(1864)
    assert batam["required_staff"] == pytest.approx(1200 / (1864 * 60 / 90))
    assert batam["caf"] == 1 and batam["iaf"] == 0


def test_valid_fixture_has_no_problems() -> None:
    # Guards the table below: each case must add exactly the problem it names, not inherit one.
    assert validate_wisn_inputs(_params(), _activities()) == []


Mutation = Callable[[pd.DataFrame, pd.DataFrame], tuple[pd.DataFrame, pd.DataFrame]]


def _set(file: str, index: int, column: str, value: object) -> Mutation:
    def mutate(params: pd.DataFrame, activities: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
        (params if file == PARAMS else activities).loc[index, column] = value
        return params, activities
    return mutate


def _drop_column(file: str, column: str) -> Mutation:
    def mutate(params: pd.DataFrame, activities: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
        if file == PARAMS:
            return params.drop(columns=column), activities
        return params, activities.drop(columns=column)
    return mutate


def _duplicate_first_params_row(
    params: pd.DataFrame, activities: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    return pd.concat([params, params.iloc[[0]]], ignore_index=True), activities


@pytest.mark.parametrize(
    ("mutate", "file", "row", "column", "fragment"),
    [
        pytest.param(_drop_column(PARAMS, "sick_leave"), PARAMS, 1, "sick_leave", "tidak ditemukan",
                     id="missing-params-column"),
        pytest.param(_drop_column(ACTIVITIES, "kind"), ACTIVITIES, 1, "kind", "tidak ditemukan",
                     id="missing-activities-column"),
        pytest.param(_set(PARAMS, 1, "working_days", "dua ratus"), PARAMS, 3, "working_days", "bukan angka",
                     id="non-numeric"),
        pytest.param(_set(PARAMS, 0, "hours_per_day", "7,5"), PARAMS, 2, "hours_per_day", "bukan angka",
                     id="decimal-comma-is-for-the-reader-to-convert"),
        pytest.param(_set(PARAMS, 0, "annual_leave", -12), PARAMS, 2, "annual_leave", "tidak boleh negatif",
                     id="negative-params"),
        pytest.param(_set(ACTIVITIES, 2, "annual_workload", "-450"), ACTIVITIES, 4, "annual_workload",
                     "tidak boleh negatif", id="negative-activities"),
        pytest.param(_set(PARAMS, 0, "current_staff", None), PARAMS, 2, "current_staff", "wajib diisi",
                     id="blank-current-staff"),
        pytest.param(_set(ACTIVITIES, 1, "kind", "layanan"), ACTIVITIES, 3, "kind", "tidak dikenal",
                     id="unknown-kind"),
        pytest.param(_set(ACTIVITIES, 4, "percent_of_time", 90), ACTIVITIES, 5, "percent_of_time",
                     "kurang dari 100%", id="support-sum-100-or-more"),
        pytest.param(_set(ACTIVITIES, 0, "time_per_unit_minutes", 0), ACTIVITIES, 2, "time_per_unit_minutes",
                     "lebih dari 0 menit", id="zero-time-per-unit"),
        pytest.param(_set(ACTIVITIES, 0, "time_per_unit_minutes", None), ACTIVITIES, 2, "time_per_unit_minutes",
                     "wajib diisi", id="missing-time-per-unit"),
        pytest.param(_set(ACTIVITIES, 7, "role", "Konselor"), ACTIVITIES, 9, "unit/role", "tidak ada di PARAMS",
                     id="role-without-params"),
        pytest.param(_duplicate_first_params_row, PARAMS, 4, "unit/role", "sudah ada di baris 2",
                     id="duplicate-unit-role"),
        pytest.param(_set(PARAMS, 0, "other_leave", 230), PARAMS, 2, "working_days", "AWT", id="awt-not-positive"),
        pytest.param(_set(PARAMS, 0, "hours_per_day", 0), PARAMS, 2, "hours_per_day", "AWT",
                     id="zero-hours-per-day"),
        pytest.param(_set(ACTIVITIES, 5, "activity", "  "), ACTIVITIES, 7, "activity", "wajib diisi",
                     id="blank-activity-name"),
    ],
)
def test_each_problem_is_located_and_explained_in_indonesian(
    mutate: Mutation, file: str, row: int, column: str, fragment: str
) -> None:
    params, activities = mutate(_params(), _activities())

    problems = validate_wisn_inputs(params, activities)

    assert [(p.file, p.row, p.column) for p in problems] == [(file, row, column)]
    assert fragment in problems[0].message
    assert f"baris {row}" in problems[0].describe()
    with pytest.raises(WisnInputError) as raised:
        compute_wisn_table(params, activities)
    assert raised.value.problems == problems


def test_every_problem_is_reported_in_spreadsheet_row_order() -> None:
    params, activities = _params(), _activities()
    activities.loc[6, "hours_per_year"] = "banyak"  # row 8
    activities.loc[1, "kind"] = "Layanan"  # row 3
    params.loc[1, "sick_leave"] = -1  # row 3

    problems = validate_wisn_inputs(params, activities)

    assert [(p.file, p.row, p.column) for p in problems] == [
        (PARAMS, 3, "sick_leave"), (ACTIVITIES, 3, "kind"), (ACTIVITIES, 8, "hours_per_year"),
    ]


def test_blank_rows_are_skipped_but_still_counted() -> None:
    blank = pd.DataFrame([[None] * len(ACTIVITIES_COLUMNS)], columns=list(ACTIVITIES_COLUMNS), dtype=object)
    activities = pd.concat([_activities().iloc[:2], blank, _activities().iloc[2:]], ignore_index=True)
    activities.loc[3, "annual_workload"] = "x"  # "Kunjungan rumah", now spreadsheet row 5

    problems = validate_wisn_inputs(_params(), activities)

    assert [(p.row, p.column) for p in problems] == [(5, "annual_workload")]


def test_column_names_match_ignoring_case_and_spaces_and_kind_ignoring_case() -> None:
    params = _params().rename(columns={"unit": " Unit ", "current_staff": "CURRENT_STAFF"})
    activities = _activities()
    activities["kind"] = activities["kind"].str.upper()

    result = compute_wisn_table(params, activities)

    assert result.loc[0, "required_staff"] == pytest.approx(4.05)


def test_params_without_data_rows_is_a_problem() -> None:
    problems = validate_wisn_inputs(_params().iloc[0:0], _activities().iloc[0:0])
    assert [(p.file, p.row) for p in problems] == [(PARAMS, None)]
    assert "Tidak ada baris data" in problems[0].message
