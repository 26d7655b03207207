"""domain.competence: trained and certified share per unit and role against targets, by hand-computed tables."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from domain.competence import (
    COMPETENCE_COLUMNS, below_target, competence_by_role, competence_table, overall_share, validate_targets,
)

STAFF = pd.DataFrame([  # kode_unit, peran, terisi, bersertifikat
    ("U1", "pekerja_sosial", 5, 2), ("U1", "psikolog", 2, 0), ("U2", "pekerja_sosial", 4, 4),
    ("U2", "psikolog", 0, 0),
], columns=["kode_unit", "peran", "terisi", "bersertifikat"])
TRAINED = pd.DataFrame([("U1", "pekerja_sosial", 3), ("U2", "pekerja_sosial", 6), ("U9", "psikolog", 5)],
                       columns=["kode_unit", "peran", "dilatih"])
TARGETS = pd.DataFrame([("pekerja_sosial", 0.8, 1.0), ("psikolog", 0.5, math.nan)],
                       columns=["peran", "target_terlatih", "target_bersertifikat"])
WISN = pd.DataFrame([("U1", "pekerja_sosial", 2.5, 0.67)], columns=["kode_unit", "peran", "kekurangan", "wisn_ratio"])


def row(table: pd.DataFrame, unit: str, role: str) -> pd.Series:
    return table[(table["kode_unit"] == unit) & (table["peran"] == role)].iloc[0]


@pytest.mark.parametrize(("unit", "role", "expected"), [
    # trained 3 of 5 = 0.6 < 0.8: ceil(4.0) - 3 = 1 to train; certified 2 of 5, target 100 %: 3 to certify
    ("U1", "pekerja_sosial", dict(dilatih=3, porsi_terlatih=0.6, kurang_terlatih=1, porsi_bersertifikat=0.4,
                                  kurang_sertifikat=3, kekurangan=2.5, wisn_ratio=0.67)),
    # no training record: 0 of 2, target 50 %: 1 to train; no certification target: no verdict
    ("U1", "psikolog", dict(dilatih=0, porsi_terlatih=0.0, kurang_terlatih=1, porsi_bersertifikat=0.0,
                            kurang_sertifikat=None, kekurangan=None)),
    # 6 trained for 4 posts (someone trained twice): capped at 100 %, nothing left to train
    ("U2", "pekerja_sosial", dict(dilatih=6, porsi_terlatih=1.0, kurang_terlatih=0, porsi_bersertifikat=1.0,
                                  kurang_sertifikat=0)),
    # no filled post: no share, nothing to train
    ("U2", "psikolog", dict(dilatih=0, porsi_terlatih=None, kurang_terlatih=0, porsi_bersertifikat=None)),
])
def test_competence_table_by_hand(unit, role, expected):
    table = competence_table(STAFF, TRAINED, TARGETS, WISN)
    assert list(table.columns) == list(COMPETENCE_COLUMNS)
    got = row(table, unit, role)
    for column, value in expected.items():
        if value is None:
            assert math.isnan(got[column]), column
        else:
            assert got[column] == pytest.approx(value), column


def test_training_of_a_unit_outside_the_staff_snapshot_is_ignored_and_rows_are_ordered():
    table = competence_table(STAFF, TRAINED, TARGETS, WISN)
    assert "U9" not in set(table["kode_unit"])
    assert list(zip(table["kode_unit"], table["peran"])) == [
        ("U1", "pekerja_sosial"), ("U1", "psikolog"), ("U2", "pekerja_sosial"), ("U2", "psikolog")]


def test_exact_target_is_met_despite_floating_point():
    # 0.8 × 5 = 4.000000000000001 in floating point: 4 trained of 5 meets an 80 % target
    staff = pd.DataFrame([("U1", "konselor", 5, 0)], columns=["kode_unit", "peran", "terisi", "bersertifikat"])
    trained = pd.DataFrame([("U1", "konselor", 4)], columns=["kode_unit", "peran", "dilatih"])
    targets = pd.DataFrame([("konselor", 0.8, math.nan)], columns=["peran", "target_terlatih", "target_bersertifikat"])
    table = competence_table(staff, trained, targets)
    assert table.loc[0, "kurang_terlatih"] == 0
    assert not below_target(table, "porsi_terlatih", "target_terlatih").any()


@pytest.mark.parametrize(("staff", "trained", "targets"), [
    (STAFF.iloc[0:0], TRAINED, TARGETS),
    (STAFF, TRAINED.iloc[0:0], TARGETS.iloc[0:0]),
])
def test_empty_inputs(staff, trained, targets):
    table = competence_table(staff, trained, targets)
    assert list(table.columns) == list(COMPETENCE_COLUMNS)
    if not staff.empty:
        assert table["porsi_terlatih"].fillna(0).eq(0).all() and table["target_terlatih"].isna().all()
        assert not below_target(table, "porsi_terlatih", "target_terlatih").any(), "no target: no verdict"
        assert math.isnan(overall_share(table, "terlatih"))


def test_by_role_and_overall_share():
    table = competence_table(STAFF, TRAINED, TARGETS, WISN)
    roles = competence_by_role(table).set_index("peran")
    # pekerja sosial: filled 9, trained min(3,5) + min(6,4) = 7, certified 6; U1 below both targets
    assert roles.loc["pekerja_sosial", ["terisi", "terlatih", "bersertifikat"]].tolist() == [9, 7, 6]
    assert roles.loc["pekerja_sosial", "porsi_terlatih"] == pytest.approx(7 / 9)
    assert roles.loc["pekerja_sosial", "unit_di_bawah_terlatih"] == 1
    assert roles.loc["pekerja_sosial", "unit_di_bawah_sertifikat"] == 1
    # psikolog: U1 0 of 2 below 50 %; U2 has no filled post, so it is not judged
    assert roles.loc["psikolog", "unit_di_bawah_terlatih"] == 1
    assert roles.loc["psikolog", "unit_di_bawah_sertifikat"] == 0
    assert list(roles.index) == ["pekerja_sosial", "psikolog"]
    # overall: trained (7 + 0) / (9 + 2); certified only where a certification target exists: 6 / 9
    assert overall_share(table, "terlatih") == pytest.approx(7 / 11)
    assert overall_share(table, "bersertifikat") == pytest.approx(6 / 9)


ROLES = frozenset({"pekerja_sosial", "psikolog"})


@pytest.mark.parametrize(("rows", "fragment"), [
    ([("pekerja_sosial", 0.8, 1.0), ("psikolog", None, None)], None),
    ([("satpam", 0.8, None)], "tidak dikenal"),
    ([("psikolog", 0.5, None), ("psikolog", 0.6, None)], "dua kali"),
    ([("psikolog", 1.2, None)], "antara 0 dan 100"),
    ([("psikolog", -0.1, None)], "antara 0 dan 100"),
    ([("psikolog", None, float("inf"))], "antara 0 dan 100"),
    ([("psikolog", "banyak", None)], "bukan angka"),
])
def test_validate_targets(rows, fragment):
    problems = validate_targets(pd.DataFrame(rows, columns=["peran", "target_terlatih", "target_bersertifikat"]),
                                ROLES)
    if fragment is None:
        assert problems == []
    else:
        assert any(fragment in p for p in problems), problems


def test_validate_targets_missing_column():
    assert "Kolom tidak ditemukan" in validate_targets(pd.DataFrame({"peran": ["psikolog"]}), ROLES)[0]
