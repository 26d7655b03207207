"""DB frames → WISN inputs → staffing need, worked by hand end to end; certification, caseload, validation."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from domain.allocation import allocate_recruits
from domain.sdm import (
    CASELOAD_COLUMNS,
    WISN_COLUMNS,
    allocation_units,
    annual_drivers,
    caseload,
    certified_share,
    quarter_start,
    role_totals,
    validate_standards,
    wisn_by_unit_role,
    wisn_inputs,
    workload_window,
)

OCC_COLUMNS = ["bulan", "kode_unit", "kapasitas", "penghuni", "penghuni_tppo", "penerimaan", "pemulangan"]


def _occupancy() -> pd.DataFrame:
    rows = [(dt.date(2023, m, 1), "U1", 20, 10, 4, 5, 4) for m in range(1, 13)]
    # December 2022 lies outside the last 12 months in the data and must not count.
    rows.append((dt.date(2022, 12, 1), "U1", 20, 99, 0, 500, 500))
    # U2 reported only July–December 2023: its half year is scaled to a year (× 2).
    rows += [(dt.date(2023, m, 1), "U2", 30, 6, 6, 5, 2) for m in range(7, 13)]
    return pd.DataFrame(rows, columns=OCC_COLUMNS)


STAFFING = pd.DataFrame([
    (dt.date(2023, 10, 1), "U1", "pekerja_sosial", 1, 1, 0),
    (dt.date(2023, 7, 1), "U1", "pekerja_sosial", 5, 5, 0),  # an older quarter: ignored
    (dt.date(2023, 10, 1), "U1", "psikolog", 2, 0, 0),
    (dt.date(2023, 10, 1), "U2", "pekerja_sosial", 3, 0, 1),
    (dt.date(2023, 10, 1), "U9", "pekerja_sosial", 4, 4, 0),  # no occupancy: no workload can be derived
], columns=["kuartal", "kode_unit", "peran", "terisi", "bersertifikat", "lowongan"])

STANDARDS = pd.DataFrame([
    # peran, aktivitas, jenis, menit_per_unit, pemicu, frekuensi, persen_waktu, jam_per_tahun, staf_melakukan
    ("pekerja_sosial", "Asesmen", "service", 180, "penerimaan", 2.0, None, None, None),
    ("pekerja_sosial", "Pemulangan", "service", 225, "pemulangan", 1.0, None, None, None),
    ("pekerja_sosial", "Pendampingan", "service", 60, "hari_rawat", 0.5, None, None, None),
    ("pekerja_sosial", "Rapat kasus", "support", None, None, None, 10.0, None, None),
    ("pekerja_sosial", "Administrasi", "support", None, None, None, 10.0, None, None),
    ("pekerja_sosial", "Koordinasi jejaring", "individual", None, None, None, None, 180.0, 1.0),
], columns=["peran", "aktivitas", "jenis", "menit_per_unit", "pemicu", "frekuensi", "persen_waktu", "jam_per_tahun",
            "staf_melakukan"])

# AWT = (260 − 15 − 12 − 5 − 3) days × 8 h = 225 × 8 = 1,800 h = 108,000 min per staff member.
WORKING_TIME = pd.DataFrame([
    ("pekerja_sosial", 260.0, 15.0, 12.0, 5.0, 3.0, 8.0, "uji", False),
    ("psikolog", 260.0, 15.0, 12.0, 5.0, 3.0, 8.0, "uji", False),
], columns=["peran", "hari_kerja", "libur_nasional", "cuti_tahunan", "cuti_sakit", "cuti_lain", "jam_per_hari",
            "sumber", "contoh"])


def test_drivers_use_the_last_twelve_months_and_annualise():
    drivers = annual_drivers(_occupancy()).set_index("kode_unit")
    # U1, Jan–Dec 2023: 12 × 5 admissions, 12 × 4 discharges, 10 residents × 365 days
    assert drivers.loc["U1", ["penerimaan", "pemulangan", "hari_rawat", "bulan"]].tolist() == [60, 48, 3650, 12]
    # U2, Jul–Dec 2023 (184 days): (6 × 5) × 2, (6 × 2) × 2, (6 × 184) × 2
    assert drivers.loc["U2", ["penerimaan", "pemulangan", "hari_rawat", "bulan"]].tolist() == [60, 24, 2208, 6]
    assert workload_window(_occupancy()) == (dt.date(2023, 1, 1), dt.date(2023, 12, 1))


def test_wisn_inputs_map_drivers_to_workload():
    params, activities = wisn_inputs(_occupancy(), STAFFING, STANDARDS, WORKING_TIME)
    assert list(zip(params["unit"], params["role"], params["current_staff"])) == [
        ("U1", "pekerja_sosial", 1.0), ("U1", "psikolog", 2.0), ("U2", "pekerja_sosial", 3.0)]
    assert params.iloc[0]["working_days"] == 260 and params.iloc[0]["hours_per_day"] == 8
    u1 = activities[activities["unit"] == "U1"].set_index("activity")
    assert u1.loc["Asesmen", "annual_workload"] == 120  # 60 admissions × 2
    assert u1.loc["Pemulangan", "annual_workload"] == 48  # 48 discharges × 1
    assert u1.loc["Pendampingan", "annual_workload"] == 1825  # 3,650 resident-days × 0.5
    assert u1.loc["Rapat kasus", "percent_of_time"] == 10
    assert u1.loc["Koordinasi jejaring", "hours_per_year"] == 180
    assert set(activities["role"]) == {"pekerja_sosial"}  # psikolog has no standards here


def test_wisn_by_unit_role_end_to_end_by_hand():
    wisn = wisn_by_unit_role(_occupancy(), STAFFING, STANDARDS, WORKING_TIME)
    assert list(wisn.columns) == list(WISN_COLUMNS)
    u1 = wisn.set_index(["kode_unit", "peran"]).loc[("U1", "pekerja_sosial")]
    # Service staff: Asesmen 120 × 180 min = 21,600 min = 360 h → 0.2; Pemulangan 48 × 225 min = 180 h → 0.1;
    # Pendampingan 1,825 × 60 min = 1,825 h → 1,825 / 1,800 = 1.013889.  Σ = 1.313889
    assert u1["awt_hours"] == 1800
    assert u1["service_staff"] == pytest.approx(0.2 + 0.1 + 1825 / 1800)
    assert u1["caf"] == pytest.approx(1.25)  # 1 / (1 − 20%)
    assert u1["iaf"] == pytest.approx(0.1)  # 180 h × 1 staff / 1,800 h
    required = (0.3 + 1825 / 1800) * 1.25 + 0.1  # = 1.742361
    assert u1["required_staff"] == pytest.approx(required)
    assert u1["required_staff"] == pytest.approx(1.742361, abs=1e-6)
    assert u1["current_staff"] == 1  # latest quarter, not the 5 of the quarter before
    assert u1["wisn_ratio"] == pytest.approx(1 / required)
    assert u1["shortage"] == pytest.approx(1 - required)
    assert u1["kekurangan"] == pytest.approx(required - 1)
    # U2: admissions 60 → 0.2; discharges 24 × 225 min = 90 h → 0.05; 2,208 × 0.5 × 1 h = 1,104 h → 0.613333
    u2 = wisn.set_index(["kode_unit", "peran"]).loc[("U2", "pekerja_sosial")]
    assert u2["required_staff"] == pytest.approx((0.2 + 0.05 + 1104 / 1800) * 1.25 + 0.1)
    assert u2["kekurangan"] == 0  # 3 staff for ≈ 1.18 needed: surplus, no shortage
    psikolog = wisn.set_index(["kode_unit", "peran"]).loc[("U1", "psikolog")]
    assert psikolog["required_staff"] == 0 and math.isnan(psikolog["wisn_ratio"])
    assert "U9" not in set(wisn["kode_unit"])


def test_role_totals_and_allocation_input():
    wisn = wisn_by_unit_role(_occupancy(), STAFFING, STANDARDS, WORKING_TIME)
    totals = role_totals(wisn).set_index("peran")
    social = totals.loc["pekerja_sosial"]
    assert social["current_staff"] == 4
    assert social["kekurangan"] == pytest.approx(wisn.loc[0, "kekurangan"])  # U2's surplus does not offset U1
    assert social["unit_kurang"] == 1
    units = allocation_units(wisn, "pekerja_sosial")
    assert list(units.columns) == ["unit", "current_staff", "required_staff"]
    plan = allocate_recruits(units, 1)
    assert plan.set_index("unit").loc["U1", "added"] == 1  # the lowest ratio is lifted first


@pytest.mark.parametrize(("month", "expected"), [
    (dt.date(2024, 1, 1), dt.date(2024, 1, 1)), (dt.date(2024, 3, 1), dt.date(2024, 1, 1)),
    (dt.date(2024, 4, 1), dt.date(2024, 4, 1)), (dt.date(2024, 12, 1), dt.date(2024, 10, 1)), (None, None),
])
def test_quarter_start(month, expected):
    assert quarter_start(month) == expected


def test_missing_standard_numbers_surface_as_wisn_problems():
    from domain.wisn import WisnInputError

    broken = STANDARDS.assign(frekuensi=[None, 1.0, 0.5, None, None, None])
    with pytest.raises(WisnInputError):
        wisn_by_unit_role(_occupancy(), STAFFING, broken, WORKING_TIME)


@pytest.mark.parametrize(("rows", "expected"), [
    pytest.param([("pekerja_sosial", 4, 2), ("pekerja_sosial", 6, 3), ("psikolog", 5, 0)], 5 / 10, id="social only"),
    pytest.param([("pekerja_sosial", 0, 0), ("psikolog", 5, 0)], math.nan, id="no social worker: unknown"),
    pytest.param([("pekerja_sosial", 3, 3)], 1.0, id="all certified"),
])
def test_certified_share(rows, expected):
    staffing = pd.DataFrame([(dt.date(2024, 1, 1), f"U{i}", r, f, c, 0) for i, (r, f, c) in enumerate(rows)],
                            columns=STAFFING.columns)
    old = pd.DataFrame([(dt.date(2023, 10, 1), "U0", "pekerja_sosial", 10, 0, 0)], columns=STAFFING.columns)
    share = certified_share(pd.concat([staffing, old]))
    assert (math.isnan(share) and math.isnan(expected)) or share == pytest.approx(expected)


def test_caseload_without_norm_makes_no_judgement():
    cases = caseload(_occupancy(), STAFFING)
    assert list(cases.columns) == list(CASELOAD_COLUMNS)
    by_unit = cases.set_index("kode_unit")
    # last 3 months (Oct–Dec 2023): U1 4 victims / 1 worker; U2 6 / 3
    assert by_unit.loc["U1", "beban_kasus"] == 4 and by_unit.loc["U2", "beban_kasus"] == 2
    assert cases["di_atas_norma"].isna().all() and cases["norma"].isna().all()


@pytest.mark.parametrize(("norm", "expected"), [
    (3.0, {"U1": True, "U2": False, "U3": True}),
    (4.0, {"U1": False, "U2": False, "U3": True}),  # exactly at the norm is not above it
    (1.0, {"U1": True, "U2": True, "U3": True}),
])
def test_caseload_against_user_norm(norm, expected):
    occ = pd.concat([_occupancy(), pd.DataFrame([(dt.date(2023, 12, 1), "U3", 10, 5, 2, 1, 1)], columns=OCC_COLUMNS)])
    staff = pd.concat([STAFFING, pd.DataFrame([(dt.date(2023, 10, 1), "U3", "psikolog", 1, 0, 0)],
                                              columns=STAFFING.columns)])
    cases = caseload(occ, staff, norm).set_index("kode_unit")
    assert cases.loc["U3", "pekerja_sosial"] == 0 and math.isnan(cases.loc["U3", "beban_kasus"])
    assert {u: cases.loc[u, "di_atas_norma"] for u in expected} == expected
    assert (cases["norma"] == norm).all()


@pytest.mark.parametrize("norm", [0, -1, float("nan"), True])
def test_caseload_rejects_meaningless_norm(norm):
    with pytest.raises(ValueError):
        caseload(_occupancy(), STAFFING, norm)


def _std(**changes) -> pd.DataFrame:
    row = dict(peran="pekerja_sosial", aktivitas="Asesmen", jenis="service", menit_per_unit=60.0, pemicu="penerimaan",
               frekuensi=1.0, persen_waktu=None, jam_per_tahun=None, staf_melakukan=None)
    return pd.DataFrame([{**row, **changes}])


@pytest.mark.parametrize(("standards", "working_time", "fragment"), [
    (_std(menit_per_unit=0.0), WORKING_TIME, "menit per unit lebih dari 0"),
    (_std(menit_per_unit=None), WORKING_TIME, "menit per unit lebih dari 0"),
    (_std(frekuensi=-1.0), WORKING_TIME, "tidak boleh negatif"),
    (_std(frekuensi="dua"), WORKING_TIME, "bukan angka"),
    (_std(pemicu="kunjungan"), WORKING_TIME, "pemicu 'kunjungan' tidak dikenal"),
    (_std(jenis="lainnya"), WORKING_TIME, "jenis 'lainnya' tidak dikenal"),
    (_std(peran="dokter"), WORKING_TIME, "peran 'dokter' tidak dikenal"),
    (_std(aktivitas=" "), WORKING_TIME, "nama kegiatan wajib diisi"),
    (pd.concat([_std(), _std(aktivitas="asesmen")]), WORKING_TIME, "sudah ada di baris 1"),
    (pd.concat([_std(jenis="support", persen_waktu=60.0, aktivitas="A"),
                _std(jenis="support", persen_waktu=40.0, aktivitas="B")]), WORKING_TIME, "100% harus kurang"),
    (_std(jenis="support", persen_waktu=None), WORKING_TIME, "wajib memiliki persen waktu"),
    (_std(jenis="individual", jam_per_tahun=10.0), WORKING_TIME, "jam per tahun dan jumlah staf"),
    (_std(), WORKING_TIME.assign(cuti_lain=300.0), "menyisakan"),
    (_std(), WORKING_TIME.assign(jam_per_hari=0.0), "jam kerja per hari harus lebih dari 0"),
    (_std(), WORKING_TIME.assign(hari_kerja=None), "wajib diisi angka"),
    (_std(), pd.concat([WORKING_TIME, WORKING_TIME.iloc[[0]]]), "lebih dari sekali"),
])
def test_validate_standards_rejects(standards, working_time, fragment):
    problems = validate_standards(standards, working_time)
    assert any(fragment in p for p in problems), problems


def test_validate_standards_accepts_valid_and_support_just_below_100():
    support = pd.concat([_std(), _std(jenis="support", persen_waktu=99.5, aktivitas="Admin", menit_per_unit=None)])
    assert validate_standards(STANDARDS, WORKING_TIME) == []
    assert validate_standards(support, WORKING_TIME) == []
