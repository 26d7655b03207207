"""The parts of bench/load.py and bench/stream_client.py that need no server: percentiles, the scenario's steps and
choices, the app/peer comparison, the client's cookie jar, its message cache and widget values (fed with ForwardMsgs
made here). The protocol itself is tested against a real server in tests/db/test_load_bench.py."""

from __future__ import annotations

import random
import time

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench import load
from bench.stream_client import Action, StreamSession, _store_cookies, string_array


@pytest.mark.parametrize("values, q, expected", [
    ([], 0.5, None),
    ([3.0], 0.95, 3.0),
    ([1.0, 2.0, 3.0, 4.0], 0.5, 2.5),
    ([4.0, 1.0, 3.0, 2.0], 0.5, 2.5),  # unsorted input
    ([float(i) for i in range(1, 21)], 0.95, 19.05),  # numpy's linear rule
])
def test_percentile(values, q, expected):
    assert load.percentile(values, q) == (None if expected is None else pytest.approx(expected))


@pytest.mark.parametrize("loops, actions, expected", [
    (1, None, [s for s in load.APP_STEPS]),
    (1, 2, [("filter", "w_prov"), ("page", "peta-asal-korban")]),
    (2, None, [*load.APP_STEPS, *load.APP_STEPS[1:]]),  # a later pass starts at the map: the province was just set
])
def test_app_steps(loops, actions, expected):
    assert load.app_steps(load.Config(loops=loops, actions=actions)) == expected


CHOICES = load.Choices({("Jawa Timur", "ABK"): 30, ("Jawa Timur", "Scam"): 6, ("Bali", "Scam"): 25,
                        ("Aceh", "ABK"): 2, ("Aceh", "Scam"): 1}, min_cases=5)


def test_choices_keep_only_combinations_with_cases():
    assert CHOICES.provinces() == ["Bali", "Jawa Timur"]  # Aceh: 3 cases, below 4 × 5
    assert CHOICES.provinces("ABK") == ["Jawa Timur"]
    assert CHOICES.modus("Jawa Timur") == ["ABK", "Scam"]
    assert CHOICES.modus(None) == ["ABK", "Scam"]
    assert CHOICES.modus("Papua") == []
    # A small database where nothing reaches the floor: whatever has cases at all.
    assert CHOICES.modus("Aceh") == ["ABK", "Scam"]
    assert load.Choices({("Aceh", "ABK"): 2, ("Bali", "ABK"): 0}).provinces() == ["Aceh"]


def test_choose_prefers_values_with_data_and_changes_the_filter():
    cfg = load.Config(choices=CHOICES)
    options = ["Aceh", "Bali", "Jawa Timur", "Papua"]
    rng = random.Random(1)
    assert {load.choose(rng, cfg, "w_prov", options, {"w_modus": "Scam"}) for _ in range(50)} == {"Bali", "Jawa Timur"}
    assert {load.choose(rng, cfg, "w_prov", options, {"w_prov": "Bali"}) for _ in range(20)} == {"Jawa Timur"}
    # Nothing fits (a province without cases): any other option, never the current one.
    picked = {load.choose(rng, cfg, "w_modus", ["ABK", "Scam"], {"w_prov": "Papua", "w_modus": "ABK"}) for _ in range(20)}
    assert picked == {"Scam"}


def test_comparison_divides_app_by_peer_at_each_n():
    def phase(target, users, p50, p95):
        return {"target": target, "users": users, "scenario": {"p50_s": p50, "p95_s": p95}}

    rows = load.comparison([phase("app", 1, 0.4, 1.0), phase("peer", 1, 0.2, 0.25), phase("app", 5, 2.0, 6.0)])
    assert rows[0]["ratio_p95"] == pytest.approx(4.0) and rows[0]["ratio_p50"] == pytest.approx(2.0)
    assert rows[1] == {"users": 5, "app_p50_s": 2.0, "app_p95_s": 6.0}  # no peer measured at N = 5


def test_cookie_jar_keeps_sets_and_deletes():
    jar = {"_streamlit_xsrf": "2|a|b|1"}
    _store_cookies(jar, ["tppo_sesi=abc; HttpOnly; Path=/; SameSite=lax; Max-Age=43200"])
    assert jar == {"_streamlit_xsrf": "2|a|b|1", "tppo_sesi": "abc"}
    _store_cookies(jar, ['tppo_sesi=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/'])
    assert jar == {"_streamlit_xsrf": "2|a|b|1"}


def _element(key: str, hash_: str = "", pinned: bool = False) -> ForwardMsg:
    msg = ForwardMsg()
    msg.hash, msg.metadata.cacheable = hash_, bool(hash_)
    msg.metadata.delta_path[:] = [0, 1]
    widget = msg.delta.new_element.multiselect
    widget.id, widget.set_value = f"$$ID-0123abcd-{key}", pinned
    widget.options[:] = ["Bali", "Aceh"]
    return msg


def _finished(status=ForwardMsg.FINISHED_SUCCESSFULLY) -> ForwardMsg:
    msg = ForwardMsg()
    msg.script_finished = status
    return msg


def test_the_client_caches_big_elements_and_resolves_references_as_the_frontend_does():
    session = StreamSession("http://127.0.0.1:1")
    session.current = action = Action("filter", "prov", time.perf_counter())
    session._handle(_element("w_prov", hash_="h1"), 20_000)
    session._handle(_finished(ForwardMsg.FINISHED_EARLY_FOR_RERUN), 40)  # not the end of the action
    assert not session._finished.is_set()
    session._handle(_finished(), 40)
    assert session._finished.is_set() and "h1" in session.cache
    assert session.widgets["w_prov"].options == ["Bali", "Aceh"] and action.payload_bytes == 20_080

    session._rerun_msg(changes=[string_array(session.widgets["w_prov"], ["Aceh"])])  # the client changes the filter
    assert list(session.held) == ["$$ID-0123abcd-w_prov"]
    assert list(session._rerun_msg().rerun_script.cached_message_hashes) == ["h1"]
    session.current = again = Action("page", "same", time.perf_counter())
    ref = ForwardMsg()
    ref.ref_hash = "h1"
    session._handle(ref, 60)  # the server sent a reference: the element is taken from the cache
    session._handle(_element("w_modus", pinned=True), 300)
    session._handle(_finished(), 40)
    assert again.cache_refs == 1 and again.deltas == 2 and set(session.widgets) == {"w_prov", "w_modus"}
    assert session.held  # the server did not pin w_prov: its value is sent again

    for _ in range(3):  # runs without the element: dropped after max_cached_message_age (2) runs
        session._handle(_finished(), 40)
    assert session.cache == {} and session.missing_refs == 0


def test_a_pinned_widget_is_no_longer_resent():
    session = StreamSession("http://127.0.0.1:1")
    session._handle(_element("w_prov"), 300)
    session._handle(_finished(), 40)
    session._rerun_msg(changes=[string_array(session.widgets["w_prov"], ["Aceh"])])
    session._handle(_element("w_prov", pinned=True), 300)  # the script set st.session_state["w_prov"]
    session._handle(_finished(), 40)
    assert session.held == {}
