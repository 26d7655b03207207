"""The one module that reads configuration: environment first, then .streamlit/secrets.toml, then defaults."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent
SECRETS_FILE = PROJECT_ROOT / ".streamlit" / "secrets.toml"
STATIC_DIR = PROJECT_ROOT / "static"
# ../shared sits beside the checkout on developer machines and in CI; a deployment sets the paths explicitly.
_SHARED_DIR = PROJECT_ROOT.parent / "shared"


@lru_cache(maxsize=1)
def _secrets() -> dict:
    try:
        with SECRETS_FILE.open("rb") as fh:
            return tomllib.load(fh)
    except (FileNotFoundError, tomllib.TOMLDecodeError):
        return {}


def _get(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    if value not in (None, ""):
        return value
    secret = _secrets().get(name)
    return str(secret) if secret not in (None, "") else default


def _optional_dir(name: str, fallback: Path) -> Path | None:
    raw = _get(name)
    path = Path(raw) if raw else fallback
    return path if path.is_dir() else None


@dataclass(frozen=True)
class Settings:
    """Resolved configuration; build with load_settings()."""

    database_url: str
    geo_dir: Path | None
    reference_dir: Path | None
    tile_url: str | None
    suppression_threshold: int
    rounding_base: int
    coverage_km: float
    session_minutes: int
    oidc_configured: bool
    connect_timeout_s: int = 5
    statement_timeout_s: int = 30
    query_deadline_s: int = 8  # client side: a statement (PostgreSQL) is cut after this long; 0 = none (manage.py)
    trust_proxy: bool = False
    public_site_url: str | None = None  # where the static public site (manage.py publish --out) is served
    report_due_day: int = 10  # a month's report is due on this day of the next month (domain.submissions)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def default_sqlite_url() -> str:
    # No mkdir here: this runs on every cached query. data_access.engine makes the folder when it opens the file.
    path = Path(_get("TPPO_SQLITE_PATH", str(PROJECT_ROOT / "var" / "tppo.sqlite")))
    return f"sqlite:///{path}"


def database_url() -> str:
    """The database URL alone: asked by every cached query and figure, so it skips the folder checks of
    load_settings()."""
    return _get("DATABASE_URL") or default_sqlite_url()


class DatabaseUrlError(ValueError):
    """DATABASE_URL names a database this app cannot use; the message names the forms it accepts."""


ACCEPTED_URLS = ("sqlite:///", "postgresql+psycopg://")
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]{0,30})://")


def check_database_url(url: str) -> str:
    """The URL when it has an accepted form; DatabaseUrlError otherwise (never echoes the URL: it may hold a
    password)."""
    if url.startswith(ACCEPTED_URLS):
        return url
    scheme = _SCHEME.match(url)
    what = f"berjenis '{scheme.group(1)}' tidak didukung" if scheme else "bukan alamat basis data yang dikenali"
    raise DatabaseUrlError(f"DATABASE_URL {what}; gunakan sqlite:///JALUR/berkas.sqlite atau "
                           "postgresql+psycopg://PENGGUNA:SANDI@HOST:5432/NAMA. Tidak ada yang diubah.")


def load_settings() -> Settings:
    return Settings(
        database_url=database_url(),
        geo_dir=_optional_dir("TPPO_GEO_DIR", _SHARED_DIR / "geo"),
        reference_dir=_optional_dir("TPPO_REFERENCE_DIR", _SHARED_DIR / "reference"),
        tile_url=_get("TPPO_TILE_URL"),
        suppression_threshold=int(_get("TPPO_SUPPRESSION_THRESHOLD", "10")),
        rounding_base=int(_get("TPPO_ROUNDING_BASE", "5")),
        coverage_km=float(_get("TPPO_COVERAGE_KM", "300")),
        session_minutes=int(_get("TPPO_SESSION_MINUTES", "60")),
        oidc_configured="auth" in _secrets(),
        # An unreachable database must become a sentence on screen within seconds, not a hung page.
        connect_timeout_s=int(_get("TPPO_CONNECT_TIMEOUT_S", "5")),
        statement_timeout_s=int(_get("TPPO_STATEMENT_TIMEOUT_S", "30")),
        query_deadline_s=int(_get("TPPO_QUERY_DEADLINE_S", "8")),
        # Only behind a proxy that overwrites X-Real-IP (docs/DEPLOYMENT.md); otherwise clients could forge it.
        trust_proxy=_get("TPPO_TRUST_PROXY", "0").lower() in ("1", "true", "ya"),
        public_site_url=_get("TPPO_PUBLIC_SITE_URL"),
        report_due_day=_due_day(_get("TPPO_REPORT_DUE_DAY", "10")),
    )


def _due_day(text: str) -> int:
    """Day 1-28 of the month (every month has it); anything else falls back to the 10th, the usual deadline."""
    try:
        day = int(text)
    except ValueError:
        return 10
    return day if 1 <= day <= 28 else 10
