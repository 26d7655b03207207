"""Reading the settings has no side effects (it runs on every cached query); the engine makes the SQLite folder."""

from __future__ import annotations

from data_access.engine import connect, get_engine
from settings import load_settings


def test_load_settings_makes_no_folder_and_the_engine_does(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    folder = tmp_path / "var"
    monkeypatch.setenv("TPPO_SQLITE_PATH", str(folder / "tppo.sqlite"))
    url = load_settings().database_url
    assert url == f"sqlite:///{folder / 'tppo.sqlite'}"
    assert not folder.exists()
    try:
        with connect(url) as conn:
            conn.exec_driver_sql("SELECT 1")
        assert (folder / "tppo.sqlite").is_file()
    finally:
        get_engine(url).dispose()
