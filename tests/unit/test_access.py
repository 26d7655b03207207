"""domain.access: which role reaches which page, the login throttle and session expiry."""

from __future__ import annotations

import datetime as dt

import pytest

from domain.access import INTERNAL_ROLES, PAGE_ROLES, ROLES, LockoutRule, can_see, pages_for, session_expired

T0 = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize("role, page, allowed", [
    ("publik", "ringkasan_publik", True),
    ("publik", "ringkasan_eksekutif", False),
    ("publik", "peta_asal_korban", False),
    ("publik", "glosarium", False),
    ("publik", "kelola_data", False),
    ("publik", "masuk", False),  # the login page is not in PAGE_ROLES; app.py always shows it
    ("pimpinan", "ringkasan_eksekutif", True),
    ("pimpinan", "kesenjangan_sdm", True),
    ("pimpinan", "kelola_data", False),
    ("jarnas", "pemantauan_jarnas", True),
    ("jarnas", "ringkasan_eksekutif", False),
    ("jarnas", "kesenjangan_sdm", False),
    ("jarnas", "kelola_data", False),
    ("admin_data", "kelola_data", True),
    ("admin_data", "ringkasan_publik", True),
    ("tamu", "ringkasan_publik", False),  # an unknown role reaches nothing
    ("admin_data", "halaman_tak_dikenal", False),  # an unknown page is closed to everyone
])
def test_can_see(role, page, allowed):
    assert can_see(role, page) is allowed


@pytest.mark.parametrize("role, expected", [
    ("publik", ["ringkasan_publik"]),
    ("jarnas", ["peta_asal_korban", "kapasitas_sentra", "pemantauan_jarnas", "daftar_tindakan", "pencegahan", "glosarium",
                "ringkasan_publik"]),
    ("pimpinan", ["ringkasan_eksekutif", "peta_asal_korban", "kapasitas_sentra", "kesenjangan_sdm", "proyeksi",
                  "pemantauan_jarnas", "daftar_tindakan", "pencegahan", "glosarium", "ringkasan_publik"]),
    ("admin_data", list(PAGE_ROLES)),
    ("tamu", []),
])
def test_pages_for(role, expected):
    assert pages_for(role) == expected


def test_every_page_is_open_to_admin_and_only_the_public_page_to_the_public():
    assert all("admin_data" in roles for roles in PAGE_ROLES.values())
    assert [p for p, roles in PAGE_ROLES.items() if "publik" in roles] == ["ringkasan_publik"]
    assert set(ROLES) == {"publik", *INTERNAL_ROLES} and "publik" not in INTERNAL_ROLES
    assert all(roles <= set(ROLES) for roles in PAGE_ROLES.values())


@pytest.mark.parametrize("failures, locked_until", [
    (0, None), (1, None), (4, None),
    (5, T0 + dt.timedelta(minutes=15)),
    (6, T0 + dt.timedelta(minutes=15)),
])
def test_lockout_after_five_failures_for_fifteen_minutes(failures, locked_until):
    assert LockoutRule().locked_until(failures, T0) == locked_until


def test_lockout_rule_is_configurable():
    assert LockoutRule(max_failures=3, lock_minutes=1).locked_until(3, T0) == T0 + dt.timedelta(minutes=1)
    assert LockoutRule(max_failures=3, lock_minutes=1).locked_until(2, T0) is None


@pytest.mark.parametrize("last_seen, minutes, expired", [
    (None, 60, True),  # never seen: no session
    (T0, 60, False),
    (T0 - dt.timedelta(minutes=59, seconds=59), 60, False),
    (T0 - dt.timedelta(minutes=60), 60, False),  # exactly at the limit still counts as active
    (T0 - dt.timedelta(minutes=60, seconds=1), 60, True),
    (T0 - dt.timedelta(hours=5), 60, True),
    (T0 - dt.timedelta(minutes=10), 5, True),
])
def test_session_expired(last_seen, minutes, expired):
    assert session_expired(last_seen, T0, minutes) is expired


def test_failure_window_blocks_a_client_until_its_oldest_failure_ages_out():
    import datetime as dt

    from domain.access import FailureWindow

    window, t0 = FailureWindow(limit=3, minutes=15), dt.datetime(2026, 12, 1, 9, 0)
    for i in range(3):
        assert not window.blocked("a", t0 + dt.timedelta(minutes=i))
        window.record("a", t0 + dt.timedelta(minutes=i))
    assert window.blocked("a", t0 + dt.timedelta(minutes=3))
    assert not window.blocked("b", t0 + dt.timedelta(minutes=3)), "other clients are not affected"
    assert not window.blocked("a", t0 + dt.timedelta(minutes=15, seconds=1)), "the first failure left the window"
