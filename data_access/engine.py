"""The only owner of the database engine: creation, connections, migrations, the data version.

First-run seeding (demo data on an empty database) is not here: demo/loader.py, called by the app's bootstrap and
manage.py, so the bottom layer never reaches up to the demo generator."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, inspect, make_url, select, text
from sqlalchemy.exc import ArgumentError, DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from data_access.deadline import WATCHDOG, socket_of
from data_access.schema import Pengaturan
from settings import PROJECT_ROOT, DatabaseUrlError, check_database_url, load_settings

if TYPE_CHECKING:
    from alembic.config import Config

# What a lost, refusing or hanging database raises (the UI shows one sentence for these; ui/outage.py).
DATABASE_DOWN = (OperationalError, InterfaceError, PoolTimeout)
_engines: dict[str, Engine] = {}
_lock = threading.Lock()


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    # WAL lets the app read while manage.py imports.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def get_engine(url: str | None = None) -> Engine:
    """One engine per URL per process; pool_pre_ping survives a restarted PostgreSQL."""
    url = url or load_settings().database_url
    with _lock:
        engine = _engines.get(url)
        if engine is None:
            engine = _make_engine(check_database_url(url))
            _engines[url] = engine
        return engine


def _make_engine(url: str) -> Engine:
    sqlite = url.startswith("sqlite")
    connect_args = {} if sqlite else _postgres_args()
    try:
        if sqlite:
            _make_parent_dir(url)
            engine = create_engine(url)
            event.listen(engine, "connect", _sqlite_pragmas)
            return engine
        engine = create_engine(url, pool_size=5, max_overflow=5, pool_timeout=10, connect_args=connect_args)
        _add_deadlines(engine, load_settings().query_deadline_s)
        return engine
    except (ArgumentError, ValueError) as exc:  # the right prefix, but no valid URL after it (e.g. a bad port)
        raise DatabaseUrlError(f"DATABASE_URL tidak dapat dibaca ({type(exc).__name__}); gunakan "
                               "sqlite:///JALUR/berkas.sqlite atau postgresql+psycopg://PENGGUNA:SANDI@HOST:5432/NAMA. "
                               "Tidak ada yang diubah.") from None


def database_exists(url: str) -> bool:
    """The database has a schema (manage.py init-demo or migrate made it). Asked without creating anything: a
    SQLite file that is not there is not opened, because opening it would create it (and its folders)."""
    check_database_url(url)
    if url.startswith("sqlite"):
        database = make_url(url).database
        if not database or database == ":memory:" or not Path(database).is_file():
            return False
    return current_revision(url) is not None


def database_label(url: str) -> str:
    """The SQLite file's path, or the database's name and host on a server: never the URL (it may hold a password)."""
    parsed = make_url(url)
    if url.startswith("sqlite"):
        return str(parsed.database or "tanpa nama berkas")
    return f"'{parsed.database}' di {parsed.host}"


def _make_parent_dir(url: str) -> None:
    """SQLite creates the file but not its folder (var/ on a fresh clone): made once, when the engine is made."""
    database = make_url(url).database
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).parent.mkdir(parents=True, exist_ok=True)


def _postgres_args() -> dict:
    """Timeouts (settings): a refused or hanging database fails fast, so pages show a sentence, not a spinner.
    Keepalives and tcp_user_timeout end a connection to a host that is gone (no acknowledgement at all); a host that
    acknowledges but never answers is cut by the statement deadline (data_access.deadline)."""
    settings = load_settings()
    args: dict = {"connect_timeout": settings.connect_timeout_s, "keepalives": 1, "keepalives_idle": 10,
                  "keepalives_interval": 5, "keepalives_count": 3, "tcp_user_timeout": 10_000}
    if settings.statement_timeout_s > 0:
        args["options"] = f"-c statement_timeout={settings.statement_timeout_s * 1000}"
    return args


# A pooled connection is pinged before use (a restarted server left it dead); the ping gets a short deadline of its
# own, so a silent server costs this plus connect_timeout before the outage sentence, well inside 10 s.
PING_DEADLINE_S = 2.0


def _add_deadlines(engine: Engine, seconds: float) -> None:
    """Every statement of the engine under a client-side deadline, and a guarded ping at checkout (replacing
    pool_pre_ping, whose ping could wait forever). seconds <= 0: statements unguarded (manage.py)."""

    @event.listens_for(engine, "checkout")
    def ping(dbapi_connection, _record, _proxy) -> None:
        try:
            with WATCHDOG.guard(socket_of(dbapi_connection), PING_DEADLINE_S):
                engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:  # noqa: BLE001 — any failed ping means: this pool's connections are gone
            gone = DisconnectionError(f"ping failed: {type(exc).__name__}")
            gone.invalidate_pool = True  # the others went with it: reconnect rather than ping each for 2 s
            raise gone from exc

    if seconds <= 0:
        return

    # The ticket rides on the statement's execution context (one per statement), so it is disarmed on every path.
    @event.listens_for(engine, "before_cursor_execute")
    def arm(_conn, cursor, _statement, _parameters, context, _many) -> None:
        if context is not None:
            context.tppo_deadline = WATCHDOG.arm(socket_of(cursor.connection), seconds)

    @event.listens_for(engine, "after_cursor_execute")
    def disarm(_conn, _cursor, _statement, _parameters, context, _many) -> None:
        WATCHDOG.disarm(getattr(context, "tppo_deadline", 0))

    @event.listens_for(engine, "handle_error")
    def disarm_on_error(exception_context) -> None:
        WATCHDOG.disarm(getattr(exception_context.execution_context, "tppo_deadline", 0))


def dispose_all() -> None:
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


@contextmanager
def connect(url: str | None = None) -> Iterator[Connection]:
    with get_engine(url).connect() as conn:
        yield conn


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def migrate(url: str | None = None) -> None:
    """Bring the schema to the newest migration (idempotent)."""
    url = url or load_settings().database_url
    engine = get_engine(url)
    head = head_revision()
    if head is not None and current_revision(url) == head:
        return  # nothing to do: skip importing and running Alembic (about 1-2 s at every start-up)
    from alembic import command

    with engine.begin() as conn:
        cfg = alembic_config(url)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


_REVISION = re.compile(r"^revision\b[^=\n]*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\b[^=\n]*=\s*(.+)$", re.M)


def head_revision(versions: Path = PROJECT_ROOT / "migrations" / "versions") -> str | None:
    """The single head of the migration scripts, read from their text (no Alembic import); None if unclear."""
    revisions, parents = set(), set()
    for path in versions.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        found = _REVISION.search(source)
        down = _DOWN.search(source)
        if not found or not down:
            return None
        revisions.add(found.group(1))
        parents.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def current_revision(url: str) -> str | None:
    """The revision the database is at (alembic_version), None for a new or unmigrated database."""
    with connect(url) as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return rows[0] if len(rows) == 1 else None


def has_data(conn: Connection) -> bool:
    if not inspect(conn).has_table("wilayah"):
        return False
    return conn.execute(select(Pengaturan.nilai).where(Pengaturan.kunci == "data_version")).first() is not None


def data_version(conn: Connection) -> str:
    """Changes on every write, so caches keyed on it are right on every replica."""
    row = conn.execute(select(Pengaturan.nilai).where(Pengaturan.kunci == "data_version")).first()
    return row[0] if row else "0"

