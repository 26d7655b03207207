"""Who may see what: roles, the pages each role reaches, and the login throttling rule."""

from __future__ import annotations

import datetime as dt
import threading
from collections import deque
from dataclasses import dataclass, field

ROLES = ("publik", "pimpinan", "jarnas", "admin_data")
INTERNAL_ROLES = ("pimpinan", "jarnas", "admin_data")

# page key → roles allowed; "publik" pages need no login.
PAGE_ROLES: dict[str, frozenset[str]] = {
    "ringkasan_eksekutif": frozenset({"pimpinan", "admin_data"}),
    "peta_asal_korban": frozenset({"pimpinan", "jarnas", "admin_data"}),
    "kapasitas_sentra": frozenset({"pimpinan", "jarnas", "admin_data"}),
    "kesenjangan_sdm": frozenset({"pimpinan", "admin_data"}),
    "pemantauan_jarnas": frozenset({"pimpinan", "jarnas", "admin_data"}),
    "daftar_tindakan": frozenset({"pimpinan", "jarnas", "admin_data"}),
    "pencegahan": frozenset({"pimpinan", "jarnas", "admin_data"}),
    "glosarium": frozenset({"pimpinan", "jarnas", "admin_data"}),
    "kelola_data": frozenset({"admin_data"}),
    "ringkasan_publik": frozenset(ROLES),
}


def can_see(role: str, page: str) -> bool:
    return role in PAGE_ROLES.get(page, frozenset())


def first_page(role: str) -> str:
    """Where a role starts: the page "/" forwards to, and where a plain sign-in lands."""
    return "ringkasan_publik" if role == "publik" else (
        "pemantauan_jarnas" if role == "jarnas" else "ringkasan_eksekutif")


def pages_for(role: str) -> list[str]:
    """Page keys a role may open, in navigation order."""
    return [page for page in PAGE_ROLES if can_see(role, page)]


@dataclass(frozen=True)
class LockoutRule:
    max_failures: int = 5
    lock_minutes: int = 15

    def locked_until(self, failures: int, now: dt.datetime) -> dt.datetime | None:
        """After max_failures consecutive failures the account locks for lock_minutes."""
        return now + dt.timedelta(minutes=self.lock_minutes) if failures >= self.max_failures else None


@dataclass
class FailureWindow:
    """Failed attempts per client in a sliding window: a client with limit failures within minutes is refused
    until the oldest of them leaves the window. Thread-safe; lives in one process."""

    limit: int = 10
    minutes: int = 15
    _failures: dict[str, deque] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def _recent(self, client: str, now: dt.datetime) -> deque:
        window = self._failures.setdefault(client, deque())
        while window and now - window[0] > dt.timedelta(minutes=self.minutes):
            window.popleft()
        return window

    def blocked(self, client: str, now: dt.datetime) -> bool:
        with self._lock:
            return len(self._recent(client, now)) >= self.limit

    def record(self, client: str, now: dt.datetime) -> None:
        with self._lock:
            self._recent(client, now).append(now)
            if len(self._failures) > 10_000:  # forget idle clients so memory stays bounded
                for key in [k for k, v in self._failures.items() if not v][:5_000]:
                    del self._failures[key]


def session_expired(last_seen: dt.datetime | None, now: dt.datetime, minutes: int) -> bool:
    return last_seen is None or now - last_seen > dt.timedelta(minutes=minutes)
