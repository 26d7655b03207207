"""A process-wide cache of query results, shared by every session and never pickled (issue 24).

st.cache_data pickles each value on store and unpickles it on every hit, and hashes every argument with
Streamlit's hasher: with Arrow-backed frames that was about a third of a warm rerun's CPU. Here the key is a plain
tuple (hashable arguments: Filters, tuples, strings, dates), the value is kept as computed, and each hit gets a
*detached* copy: DataFrames and Series shallow-copied (pandas >= 3 is copy-on-write, so writing to the copy never
reaches the cached value), containers and dataclasses rebuilt around detached members. Concurrent misses of one
key compute it once.
"""

from __future__ import annotations

import copy
import dataclasses
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import pandas as pd

T = TypeVar("T")


def detach(value: Any) -> Any:
    """A copy of value that shares its data but not its mutable structure (see the module doc)."""
    if isinstance(value, (pd.DataFrame, pd.Series, pd.Index)):
        return value.copy(deep=False)
    if isinstance(value, (str, bytes, int, float, bool, type(None))):
        return value
    if isinstance(value, dict):
        return type(value)((k, detach(v)) for k, v in value.items()) if type(value) is dict else copy.copy(value)
    if isinstance(value, list):
        return [detach(v) for v in value]
    if isinstance(value, tuple):
        items = [detach(v) for v in value]
        return type(value)(*items) if hasattr(value, "_fields") else tuple(items)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = copy.copy(value)
        for field in dataclasses.fields(value):
            object.__setattr__(out, field.name, detach(getattr(value, field.name)))
        return out
    return value  # dates, enums, numbers, other immutables


class SharedResults:
    """Least-recently-used results by key, optionally expiring after ttl_s seconds."""

    def __init__(self, max_entries: int, ttl_s: float | None = None) -> None:
        self.max_entries = max_entries
        self.ttl_s = ttl_s
        self._lock = threading.Lock()
        self._values: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._computing: dict[Hashable, threading.Lock] = {}
        self.hits = self.misses = 0

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        found, value = self._lookup(key)
        if found:
            return detach(value)
        with self._lock:
            gate = self._computing.setdefault(key, threading.Lock())
        with gate:  # one computation per key; the others wait and then read it
            found, value = self._lookup(key)
            if not found:
                value = compute()  # an exception caches nothing
                with self._lock:
                    self.misses += 1
                    self._values[key] = (time.monotonic(), value)
                    self._values.move_to_end(key)
                    while len(self._values) > self.max_entries:
                        self._values.popitem(last=False)
        with self._lock:
            self._computing.pop(key, None)
        return detach(value)

    def _lookup(self, key: Hashable) -> tuple[bool, Any]:
        with self._lock:
            entry = self._values.get(key)
            if entry is None:
                return False, None
            stored, value = entry
            if self.ttl_s is not None and time.monotonic() - stored > self.ttl_s:
                del self._values[key]
                return False, None
            self._values.move_to_end(key)
            self.hits += 1
            return True, value

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
