"""data_access.projection on the small fixture (4 months of cases) on each backend: every series is withheld as too
short, with the months it has; the victim filters narrow the series; `manage.py proyeksi` says so in Indonesian."""

from __future__ import annotations

import datetime as dt

from data_access.indicators import connection_runner
from data_access.projection import projection_view
from domain.filters import Filters


def test_a_short_history_is_withheld_with_its_months(small_conn):
    view = projection_view(Filters(start=dt.date(2024, 1, 1), end=dt.date(2024, 3, 1)), connection_runner(small_conn))
    assert view.origin == dt.date(2024, 3, 1)
    national = view.national
    assert national.withheld and national.reason == "short"
    # Dec 2023 to Mar 2024: the history starts at the data's first month, whatever the period shown.
    assert national.reason_values == {"months": 4, "min": 24}
    assert list(national.history["jumlah"]) == [5, 10, 11, 3]
    assert set(view.provinces) == {"35", "52"} and all(p.reason == "short" for p in view.provinces.values())
    assert list(view.modus) == ["kerja_paksa", "online_scam", "eksploitasi_seksual"]  # largest first (17, 4, 3)
    assert all(p.withheld for p in view.units.values()) and view.recruits.empty


def test_victim_filters_narrow_the_series(small_conn):
    run = connection_runner(small_conn)
    view = projection_view(Filters(end=dt.date(2024, 3, 1), provinsi=("52",)), run)
    assert list(view.national.history["jumlah"]) == [0, 0, 7, 3] and list(view.provinces) == ["52"]


def test_the_cli_names_the_reason(small_url, monkeypatch, capsys):
    import manage

    monkeypatch.setenv("DATABASE_URL", small_url)
    assert manage.main(["proyeksi", "--start", "2024-01", "--end", "2024-03"]) == 0
    out = capsys.readouterr().out
    assert "Proyeksi, bukan target" in out
    assert "Proyeksi tidak ditampilkan: deret baru 4 bulan, perlu minimal 24 bulan." in out
