"""demo/scale.py: the benchmark database holds exactly N case rows with a valid natural key."""

from __future__ import annotations

import numpy as np
import pytest
from sqlalchemy import func, select, text

from data_access import schema as s
from data_access.engine import get_engine, migrate
from demo.scale import ScaleError, agency_code, jitter, plan_copies, scale_database
from tests.conftest import BACKENDS, new_database_url
from tests.fixture_data import load_small

SMALL_ROWS = 8  # tests/fixture_data.py: 5 entry-stage rows + 3 later-stage rows


@pytest.mark.parametrize(("base", "target", "expected"), [
    (10, 10, []),
    (10, 11, [1]),
    (10, 20, [10]),
    (10, 35, [10, 10, 5]),
    (22_170, 1_000_000, [22_170] * 44 + [2_350]),  # 977,830 = 44 × 22,170 + 2,350
])
def test_plan_copies(base, target, expected):
    plan = plan_copies(base, target)
    assert plan == expected
    assert base + sum(plan) == target


@pytest.mark.parametrize(("base", "target"), [(10, 9), (0, 5)])
def test_plan_copies_refuses(base, target):
    with pytest.raises(ScaleError):
        plan_copies(base, target)


@pytest.mark.parametrize(("i", "code"), [(1, "SKALA01"), (45, "SKALA45"), (120, "SKALA120")])
def test_agency_code(i, code):
    assert agency_code(i) == code and len(code) <= 20  # instansi.kode is String(20)


def test_jitter_stays_within_one_and_never_negative():
    rng = np.random.default_rng(1)
    base = np.array([0, 0, 1, 5, 10] * 200)
    out = jitter(base, rng)
    assert (out >= 0).all() and (np.abs(out - base) <= 1).all()
    assert (out != base).any(), "jitter changes something"


@pytest.fixture(params=BACKENDS)
def small_copy(request, tmp_path_factory) -> str:
    """A new database with the small fixture data (the shared small_url must not be scaled)."""
    url = new_database_url(request.param, tmp_path_factory, "scale")
    migrate(url)
    load_small(get_engine(url))
    return url


def test_scale_database_reaches_exactly_n_rows_with_unique_keys(small_copy):
    target = SMALL_ROWS * 3 + 2
    result = scale_database(small_copy, target, app_url="sqlite:////nonexistent/app.sqlite")
    assert (result.rows_before, result.rows_after, result.synthetic_agencies) == (SMALL_ROWS, target, 3)
    with get_engine(small_copy).connect() as conn:
        assert conn.execute(select(func.count()).select_from(s.Kasus)).scalar_one() == target
        distinct = conn.execute(text(
            "SELECT COUNT(*) FROM (SELECT DISTINCT bulan, kode_asal, kode_tujuan, modus, jenis_kelamin, "
            "kelompok_umur, tahap, COALESCE(kode_unit, ''), instansi FROM kasus) AS k")).scalar_one()
        assert distinct == target
        months = conn.execute(select(func.min(s.Kasus.bulan), func.max(s.Kasus.bulan))).one()
        assert [str(m)[:7] for m in months] == ["2023-12", "2024-03"]  # the period does not grow
        agencies = conn.execute(select(s.Kasus.instansi, func.count()).group_by(s.Kasus.instansi)).all()
        counts = dict(agencies)
        assert counts["SKALA01"] == counts["SKALA02"] == SMALL_ROWS and counts["SKALA03"] == 2
        assert conn.execute(select(func.min(s.Kasus.jumlah))).scalar_one() >= 0
        # Foreign keys hold: every synthetic agency exists.
        assert conn.execute(select(func.count()).select_from(s.Instansi)
                            .where(s.Instansi.kode.like("SKALA%"))).scalar_one() == 3
    with pytest.raises(ScaleError, match="sudah digandakan"):
        scale_database(small_copy, target * 2, app_url="sqlite:////nonexistent/app.sqlite")


def test_scale_refuses_the_app_database(tmp_path):
    url = f"sqlite:///{tmp_path / 'app.sqlite'}"
    with pytest.raises(ScaleError, match="terpisah"):
        scale_database(url, 100, app_url=f"sqlite:///{tmp_path / '.' / 'app.sqlite'}")
