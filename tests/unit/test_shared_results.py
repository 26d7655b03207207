"""The shared query cache (issue 24): values are never pickled, callers get detached copies they may change,
concurrent misses compute once, entries expire and are evicted."""

from __future__ import annotations

import dataclasses
import threading
import time
from typing import NamedTuple

import pandas as pd
import pytest

from data_access.shared_results import SharedResults, detach


@dataclasses.dataclass(frozen=True)
class Holder:
    frame: pd.DataFrame
    names: dict
    parts: tuple


class Pair(NamedTuple):
    left: pd.DataFrame
    right: int


def frame() -> pd.DataFrame:
    return pd.DataFrame({"kode": ["31", "52"], "jumlah": [10, 20]})


# Each way a caller may change its copy; the cached value must not see it.
CHANGES = [
    ("set_column", lambda v: v.__setitem__("jumlah", [99, 99])),
    ("add_column", lambda v: v.__setitem__("baru", 1)),
    ("drop_inplace", lambda v: v.drop(columns=["kode"], inplace=True)),
    ("sort_inplace", lambda v: v.sort_values("jumlah", ascending=False, inplace=True)),
    ("loc_write", lambda v: v.loc.__setitem__((1, "jumlah"), -1)),
    ("rename_inplace", lambda v: v.rename(columns={"kode": "x"}, inplace=True)),
]


@pytest.mark.parametrize(("name", "change"), CHANGES, ids=[c[0] for c in CHANGES])
def test_a_changed_copy_never_reaches_the_cached_frame(name, change):
    cache = SharedResults(max_entries=4)
    first = cache.get("k", frame)
    change(first)
    again = cache.get("k", lambda: pytest.fail("computed twice"))
    pd.testing.assert_frame_equal(again, frame())


def test_containers_and_dataclasses_are_detached_around_their_frames():
    value = Holder(frame(), {"a": frame()}, (frame(), 3))
    copy = detach(value)
    copy.frame["jumlah"] = 0
    copy.names["a"]["baru"] = 1
    copy.names["b"] = None
    copy.parts[0].loc[0, "kode"] = "xx"
    assert value.frame["jumlah"].tolist() == [10, 20] and list(value.names) == ["a"]
    assert list(value.names["a"].columns) == ["kode", "jumlah"] and value.parts[0].loc[0, "kode"] == "31"
    pair = detach(Pair(frame(), 5))
    assert isinstance(pair, Pair) and pair.right == 5


def test_concurrent_misses_compute_once():
    cache, calls, barrier = SharedResults(max_entries=4), [], threading.Barrier(8)

    def slow():
        calls.append(1)
        time.sleep(0.2)
        return frame()

    def ask():
        barrier.wait()
        return cache.get(("q", 1), slow)

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and cache.misses == 1


def test_an_exception_caches_nothing():
    cache = SharedResults(max_entries=4)
    with pytest.raises(RuntimeError):
        cache.get("k", lambda: (_ for _ in ()).throw(RuntimeError("down")))
    assert cache.get("k", lambda: 7) == 7


def test_time_to_live_and_least_recently_used_eviction():
    cache = SharedResults(max_entries=2, ttl_s=0.05)
    cache.get("a", lambda: 1)
    time.sleep(0.08)
    assert cache.get("a", lambda: 2) == 2, "expired"
    lru = SharedResults(max_entries=2)
    lru.get("a", lambda: 1)
    lru.get("b", lambda: 2)
    lru.get("a", lambda: 0)  # a is now the most recent
    lru.get("c", lambda: 3)  # evicts b
    assert lru.get("a", lambda: -1) == 1 and lru.get("b", lambda: -2) == -2
