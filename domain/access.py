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
    "proyeksi": frozenset({"pimpinan", "admin_data"}),  # the budget cycle: the same readers as Kesenjangan SDM
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


# ------------------------------------------------------------------ account administration
MIN_PASSWORD_LENGTH = 10  # real accounts; the demo accounts' short passwords are printed in the README on purpose
ADMIN_ROLE = "admin_data"
# Account actions are written to the import audit trail (import_batch) under this kind and status: "catatan" is never
# "aktif", so no rollback list offers them, and rollback refuses the kind by name (they are not imports).
ACCOUNT_AUDIT_KIND = "akun"
AUDIT_NOTE = "catatan"
# action → the words the audit trail stores after "Akun NAME (role):" (stored data, so one language: Indonesian).
ACCOUNT_ACTIONS: dict[str, str] = {
    "create": "dibuat",
    "replace": "diganti (kata sandi dan peran)",
    "reset_password": "kata sandi diatur ulang",
    "deactivate": "dinonaktifkan",
    "reactivate": "diaktifkan kembali",
    "delete": "dihapus",
    "unlock": "kunci dibuka",
}
# Actions that take access away; an admin may not take it from the account they are signed in with.
SELF_FORBIDDEN = frozenset({"deactivate", "delete"})


@dataclass(frozen=True)
class AccountState:
    username: str
    role: str
    active: bool
    demo: bool


def removes_last_admin(account: AccountState, active_real_admins: int, new_role: str | None = None) -> bool:
    """Deactivating or deleting (new_role None) or re-roling this account would leave no active, non-demo
    admin_data account: nobody could then manage accounts or data in the app."""
    if new_role == ADMIN_ROLE:
        return False
    is_real_admin = account.role == ADMIN_ROLE and account.active and not account.demo
    return is_real_admin and active_real_admins <= 1


def account_audit_label(action: str, username: str, role: str) -> str:
    """What the audit trail shows for one account action (never a password or its hash)."""
    return f"Akun {username} ({role}): {ACCOUNT_ACTIONS[action]}"
