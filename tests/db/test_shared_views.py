"""A province change recomputes only what depends on the province (issue 24: the executive page's province change
was the slowest click; the reporting of each kind, the national occupancy history and the WISN table were
recomputed for every province although none of them depends on it). And what is shared gives each province the
same answer as computing it for that province alone."""

from __future__ import annotations

import datetime as dt

import pytest

from data_access import caching
from data_access.actions import get_action_lists
from data_access.engine import get_engine
from data_access.indicators import (alert_state, connection_runner, headline_indicators, resolve, staffing_state,
                                    unit_scope)
from domain.filters import Filters

PROVINCES = ("52", "35", "53", "11")  # NTB, Jawa Timur, NTT, Aceh: units on alert, none, several, one


@pytest.fixture()
def cached_demo(demo_sqlite_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", demo_sqlite_url)
    caching.use_cache()
    caching.clear_caches()
    caching.begin_run()
    yield demo_sqlite_url
    caching.clear_caches()


def _entries(name: str) -> list[tuple]:
    return [key for key in caching._results._values if isinstance(key[0], str) and key[0].endswith(name)]


def test_reporting_and_occupancy_history_are_computed_once_for_every_province(cached_demo):
    base, _ = resolve(Filters())
    for province in PROVINCES:
        get_action_lists(base.with_(provinsi=(province,)))
    # Before: none of these was shared (the lists ran on one connection inside one entry per filter state).
    assert len(_entries(".query_reporting")) == 2  # kasus and okupansi, once each
    histories = [key for key in _entries(".query_occupancy") if key[3][0].provinsi == ()]
    assert len(histories) >= 1
    assert not [key for key in _entries(".query_occupancy") if key[3][0].provinsi and key[3][0].start is None], \
        "the alert rule read its history per province again"


def test_headline_figures_and_action_lists_share_one_alert_state(cached_demo):
    base, _ = resolve(Filters())
    f = base.with_(provinsi=("52",))
    headline_indicators(f)
    get_action_lists(f)
    states = _entries("._shared_alert_state")
    assert len(states) == 1


@pytest.mark.parametrize("province", PROVINCES)
def test_shared_views_give_each_province_its_own_answer(cached_demo, province):
    """The alert rule and WISN read nationally and sliced equal the same rules computed on the province's own
    queries (a connection runner shares nothing)."""
    base, _ = resolve(Filters())
    f = base.with_(provinsi=(province,))
    with get_engine(cached_demo).connect() as conn:
        own = connection_runner(conn)
        alone_alerts = alert_state(unit_scope(f), own)
        alone_staff = staffing_state(f, own)
    shared_alerts = alert_state(unit_scope(f))
    shared_staff = staffing_state(f)
    assert shared_alerts.count == alone_alerts.count
    assert list(shared_alerts.ongoing["kode_unit"]) == list(alone_alerts.ongoing["kode_unit"])
    assert shared_alerts.gaps == alone_alerts.gaps and shared_alerts.unreported == alone_alerts.unreported
    if alone_staff.wisn is None:
        assert shared_staff.wisn is None
    else:
        assert shared_staff.wisn.reset_index(drop=True).equals(alone_staff.wisn.reset_index(drop=True))
    assert (shared_staff.gross, shared_staff.net) == (alone_staff.gross, alone_staff.net)


def test_a_memo_result_is_shared_not_pickled(cached_demo):
    """ui.cached.memo kept results in st.cache_data, which pickles on store and unpickles on every hit (the
    briefing: ~10 ms a rerun). Now a result that cannot be pickled is served, computed once, as a detached copy."""
    import pandas as pd

    from ui.cached import memo

    calls = []

    def view(day: dt.date) -> dict:
        calls.append(day)
        return {"frame": pd.DataFrame({"jumlah": [1, 2]}), "format": lambda v: f"{v:,}"}  # a lambda: no pickle

    first = memo(view, dt.date(2025, 7, 1))
    first["frame"].loc[0, "jumlah"] = 99  # a caller may change its copy
    again = memo(view, dt.date(2025, 7, 1))
    assert calls == [dt.date(2025, 7, 1)]
    assert list(again["frame"]["jumlah"]) == [1, 2]
    assert again["format"](1000) == "1,000"


def test_prevention_view_is_computed_once_per_period_and_province(cached_demo):
    """Prevention reads the period and the province only: a modus or agency chosen elsewhere (the executive page
    keeps the Peta page's modus) recomputed the whole view before (issue 24). The view asked for with a modus equals
    the one computed on its own connection, and still names the filters that do not apply."""
    from data_access.prevention import get_prevention_view, prevention_json, prevention_view

    base, _ = resolve(Filters())
    f = base.with_(provinsi=("52",))
    plain = get_prevention_view(f)
    asked = f.with_(modus=("eksploitasi_seksual",), instansi=("KEMENSOS",))
    with_modus = get_prevention_view(asked)
    assert len(_entries(".query_prevention_view")) == 1
    with get_engine(cached_demo).connect() as conn:
        alone = prevention_view(asked, connection_runner(conn))
    assert prevention_json(with_modus) == prevention_json(alone)
    assert with_modus.requested.modus == ("eksploitasi_seksual",) and plain.requested.modus == ()


def test_warm_views_leave_the_first_click_on_every_province_warm(cached_demo, monkeypatch):
    """The server computes the executive page's views for the default period, nationally and per province, then
    each of those with each modus, in the background (ui.warmup.warm_views, issue 24): a minister's first province
    click, and a province with the modus kept from Peta, then read them from the cache. Asked for with the page's
    own state, no view is computed again. (Warmed here: the default states and the first modus; the server warms
    every modus, which warm_states lists.)"""
    from data_access.briefing import get_briefing, get_briefing_tables
    from data_access.cases import get_victims_by
    from data_access.prevention import get_prevention_view
    from data_access.reference import get_code_names
    from ui.filters import default_window, month_options
    from ui.warmup import default_states, modus_states, warm_states, warm_views

    states = default_states()
    start, end = default_window(month_options())
    provinces, modus = get_code_names("id")["provinsi"], get_code_names("id")["modus"]
    assert len(states) == 1 + len(provinces)
    assert {(f"{s.start:%Y-%m}", f"{s.end:%Y-%m}") for s in states} == {(start, end)}
    grid = modus_states(states)
    assert warm_states() == [*states, *grid]
    assert {(s.provinsi, s.modus) for s in grid} == {(s.provinsi, (m,)) for s in states for m in modus}
    counts = get_victims_by(states[0], ("modus",)).set_index("modus")["jumlah"]
    assert grid[0].modus == (counts.idxmax(),), "the modus with the most victims is warmed first"

    monkeypatch.setattr(caching, "_last_run_started", 0.0)  # no visitor's run just began: the warming need not give way
    warm_views([*states, *grid[:len(states)]])
    misses = caching._results.misses
    for province in ("52", "35", "91"):  # what a page builds from the sidebar's state (ui.filters.current_filters)
        for kept in ((), grid[0].modus):
            page_state = Filters(start=states[0].start, end=states[0].end, provinsi=tuple([province]), modus=kept)
            get_briefing(page_state, "id")
            get_briefing_tables(page_state, "id")
            get_action_lists(page_state)
            get_prevention_view(page_state)
            get_victims_by(page_state, ("kode_prov_asal", "kode_asal"))
    assert caching._results.misses == misses, "a view of a warmed state was computed again"


def test_a_new_data_version_is_announced_once(cached_demo, monkeypatch):
    """After an import (here or on another replica) the first run that reads the new version announces it, so the
    server warms the new data's views; the same version is announced once."""
    heard: list[tuple[str, str]] = []
    monkeypatch.setattr(caching, "_version_listeners", [])
    caching.on_new_version(lambda url, version: heard.append((url, version)))
    versions = iter(["v1", "v1", "v2", "v2"])
    monkeypatch.setattr(caching, "_current_version", lambda url: next(versions))
    monkeypatch.setattr(caching, "_last_version", {})
    for _ in range(4):
        caching.begin_run()
        caching._version(cached_demo)
    assert heard == [(cached_demo, "v2")]


def test_the_warming_gives_way_to_a_visitors_run(cached_demo):
    """A script run that just started goes first: the warming waits until none has started for a while."""
    from ui.warmup import _give_way

    caching.begin_run()
    _give_way(quiet_s=0.2, at_most_s=30)
    assert caching.since_last_run() >= 0.2
