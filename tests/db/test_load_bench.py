"""bench/load.py against a real `streamlit run serve.py` and the peer page on a small SQLite: one user signs in
through the form, keeps the app's session cookie, changes a filter and switches page, each action ending at
script_finished with its bytes counted; the result JSON holds the figures the report is made of; --delete-accounts
leaves no bench account behind."""

from __future__ import annotations

import json

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

import data_access.accounts as accounts
from bench import load
from data_access.engine import dispose_all, get_engine, migrate
from data_access.schema import Akun
from tests.fixture_data import load_small

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def result(tmp_path_factory) -> dict:
    work = tmp_path_factory.mktemp("load")
    url = f"sqlite:///{work / 'tppo.sqlite'}"
    migrate(url)
    load_small(get_engine(url))
    dispose_all()
    out = work / "load.json"
    with pytest.MonkeyPatch.context() as patch:  # cheap hashes for the bench accounts (the server reads the cost)
        patch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
        code = load.main(["--database-url", url, "--users", "1", "--actions", "2", "--think", "0.1,0.3", "--ramp", "0",
                          "--pause", "0", "--no-warm-up", "--raw", "--delete-accounts", "--out", str(out)])
    assert code == 0
    with get_engine(url).connect() as conn:
        left = conn.execute(select(Akun.username).where(Akun.username.like("bench-load-%"))).all()
    dispose_all()
    return {**json.loads(out.read_text()), "accounts_left": left}


def _phase(result: dict, target: str) -> dict:
    return next(p for p in result["phases"] if p["target"] == target)


def test_a_user_signs_in_and_its_actions_finish(result):
    app = _phase(result, "app")
    assert app["failed_users"] == []
    kinds = [(a["kind"], a["label"]) for a in app["actions_raw"]]
    # Signed in with the form, the cookie round trip lands on the executive page, whose sidebar filter is then set.
    assert kinds == [("open", "/masuk"), ("sign_in", "sign_in"), ("filter", "prov@ringkasan-eksekutif"),
                     ("page", "peta-asal-korban")]
    for action in app["actions_raw"]:
        assert action["error"] is None, action
        assert action["status"] == "FINISHED_SUCCESSFULLY", action
        assert action["payload_bytes"] > 1000 and action["wire_bytes"] > 1000, action
        assert action["first_delta_s"] is not None and action["first_delta_s"] <= action["seconds"]
        assert action["exceptions"] == 0, action
    # The map page sends its folium map: far more than a sidebar rerun.
    assert app["actions_raw"][-1]["payload_bytes"] > 50_000


def test_the_peer_page_is_driven_the_same_way(result):
    peer = _phase(result, "peer")
    assert peer["failed_users"] == []
    assert [a["label"] for a in peer["actions_raw"]] == ["/", "years@slider", "regions@multiselect"]
    assert all(a["status"] == "FINISHED_SUCCESSFULLY" and a["payload_bytes"] > 0 for a in peer["actions_raw"])


def test_the_bench_accounts_are_deleted_when_asked(result):
    assert result["accounts_left"] == []


def test_the_result_holds_the_report_figures(result):
    assert result["config"]["users"] == [1]
    for phase in result["phases"]:
        s = phase["scenario"]
        assert s["count"] == 2 and s["completed"] == 2 and s["timeouts"] == 0
        assert 0 < s["p50_s"] <= s["p95_s"]
        assert s["first_delta_p50_s"] is not None and s["kib_per_action"] > 0
        assert phase["filter_change"]["kib_per_action"] > 0
        assert phase["server_cpu_s"] > 0 and phase["server_cpu_s_per_action"] > 0
        assert phase["peak_rss_mib"] > 50 and phase["actions_per_s"] > 0
    (row,) = result["comparison"]
    assert row["ratio_p95"] == pytest.approx(row["app_p95_s"] / row["peer_p95_s"])
    assert "| 1 | app |" in load.table(result)
