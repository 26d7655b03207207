"""AppTest helpers: open a page signed in with a role, collect visible text, assert no exception."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def open_page(page: str | None = None, role: str = "admin_data", query: dict[str, str] | None = None,
              state: dict | None = None, timeout: float = 90, user: str | None = None):
    """AppTest of app.py signed in as role (publik = anonymous), on app_pages/<page>.py.

    The session belongs to an account that must exist and be active (sessions re-check it): by default the
    demo account named like the role."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=timeout)
    if role != "publik":
        at.session_state["auth_role"] = role
        at.session_state["auth_user"] = user or role
        at.session_state["auth_last_seen"] = dt.datetime.now(dt.timezone.utc)
    for key, value in (state or {}).items():
        at.session_state[key] = value
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(f"app_pages/{page}.py").run()
    return at


def texts(at) -> str:
    """All visible text of an AppTest run, for 'key content present' assertions."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        parts += [str(e.value) for e in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    return "\n".join(parts)


def no_exception(at) -> None:
    assert not at.exception, [e.value for e in at.exception]


def copy_demo(demo_sqlite_url: str, target: Path) -> str:
    """A private copy of the session's demo SQLite database (backup API, so WAL content comes along)."""
    import sqlite3

    source, copy = sqlite3.connect(demo_sqlite_url.removeprefix("sqlite:///")), sqlite3.connect(target)
    with copy:
        source.backup(copy)
    source.close()
    copy.close()
    return f"sqlite:///{target}"
