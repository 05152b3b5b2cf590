"""Opening the database, and the one place that owns write transactions.

Every connection gets WAL, foreign keys and a busy timeout: sqlite-utils sets none of them.
Connections are in autocommit mode (`isolation_level=None`) so that Python's sqlite3 module never
opens a transaction behind our back; `write(db)` opens one explicitly with BEGIN IMMEDIATE.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from advocacy import audit, texts
from advocacy.errors import DatabaseError

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PATH = ROOT / "data" / "advocacy.db"
BUSY_TIMEOUT_MS = 10_000


def default_path() -> Path:
    """`ADVOCACY_DB` if set, else data/advocacy.db in the repository."""
    env = os.environ.get("ADVOCACY_DB", "").strip()
    return Path(env) if env else DEFAULT_PATH


def open_connection(path: str | Path, *, create: bool = True) -> audit.AuditedConnection:
    """A sqlite3 connection on `path` with WAL, foreign keys ON, a busy timeout and the audit
    functions registered.

    With `create=False` a missing file is an error instead of a new empty database.
    Raises DatabaseError (with a Norwegian message) for a missing folder or file, a file that is
    not SQLite, or one that cannot be read.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise DatabaseError(texts.DB_DIR_MISSING.format(path=path.parent))
    if not create and not path.exists():
        raise DatabaseError(texts.DB_FILE_MISSING.format(path=path))
    if path.is_dir():
        raise DatabaseError(texts.DB_NOT_SQLITE.format(path=path))
    conn = None
    try:
        conn = sqlite3.connect(
            str(path),
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            check_same_thread=False,
            factory=audit.AuditedConnection,
        )
        audit.register(conn, path)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.close()
        if "not a database" in str(exc) or "malformed" in str(exc):
            raise DatabaseError(texts.DB_NOT_SQLITE.format(path=path)) from exc
        raise DatabaseError(texts.DB_UNREADABLE.format(path=path, reason=exc)) from exc
    if mode.lower() != "wal":
        conn.close()
        raise DatabaseError(texts.DB_UNREADABLE.format(path=path, reason=f"journal_mode={mode}"))
    try:
        conn.preload_key()
    except DatabaseError:
        conn.close()
        raise
    return conn


def connect(path: str | Path, *, create: bool = True) -> sqlite_utils.Database:
    """A sqlite-utils Database on one connection of its own (the CLI, tests, start-up)."""
    return sqlite_utils.Database(open_connection(path, create=create))


class SharedDatabase(sqlite_utils.Database):
    """One Database object for a whole server process, with a connection of its own in every
    thread that uses it.

    Streamlit runs a page's code in several contexts: the full script run, `@st.fragment`
    reruns, widget callbacks and dialogs (each in a script thread of their own) and downloads
    made on click (in a worker thread of the server). A connection opened for one script run
    and closed at its end is closed for all the others. Here `conn` is looked up per thread
    and opened on first use, so every context reaches a live connection without knowing it;
    sessions never share one (their transactions would mix), since a thread serves one
    session at a time. A thread's connection is closed when the thread ends, or by `close()`,
    after which the next use in that thread opens a new one.

    `on_open(conn)` runs for every new connection (app.py uses it to name the acting user for
    the audit triggers).
    """

    def __init__(self, path: str | Path, on_open=None) -> None:
        self._path = Path(path)
        self._local = threading.local()
        self._on_open = on_open
        super().__init__(self._open())

    def _open(self) -> audit.AuditedConnection:
        conn = open_connection(self._path, create=False)
        if self._on_open is not None:
            self._on_open(conn)
        return conn

    @property
    def conn(self) -> audit.AuditedConnection:  # type: ignore[override]
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._open()
        return conn

    @conn.setter
    def conn(self, value) -> None:  # sqlite-utils' __init__ assigns it
        self._local.conn = value

    @property
    def path(self) -> Path:
        return self._path

    def close(self) -> None:
        """Close this thread's connection; the next use in this thread opens a new one."""
        conn = getattr(self._local, "conn", None)
        self._local.conn = None
        if conn is not None:
            conn.close()


def refresh_statistics(db: sqlite_utils.Database, *, only_if_stale: bool = False) -> None:
    """Give SQLite's query planner fresh table statistics (sqlite_stat1).

    Without them it guesses, and at national scale some guesses are costly: the politician
    directory then sorts 10,000 rows on every rerun instead of walking municipalities in name
    order. Run at start-up (sampled: a few milliseconds even at national scale), and with
    `only_if_stale` after a bulk import (`PRAGMA optimize` redoes only tables that have grown
    or shrunk a lot).
    """
    db.execute("PRAGMA analysis_limit = 1000")
    db.execute("PRAGMA optimize" if only_if_stale else "ANALYZE")


@contextlib.contextmanager
def write(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction, taken with BEGIN IMMEDIATE.

    A deferred transaction (sqlite-utils' `atomic()`) that reads and then writes fails with
    "database is locked" under contention; IMMEDIATE takes the write lock up front and waits
    for it within the busy timeout. Nested calls become savepoints, so a domain function can
    call another that also writes and the whole stays one transaction.
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():  # a savepoint inside the outer transaction
            yield db
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")


def table_counts(db: sqlite_utils.Database) -> dict[str, int]:
    """Row count of every user table, in creation order.

    Left out: sqlite-utils' bookkeeping (`_sqlite_migrations`), full-text indexes and their
    shadow tables, which mirror rows already counted.
    """
    rows = db.execute(
        "select name, sql from sqlite_master where type = 'table' "
        "and name not like 'sqlite\\_%' escape '\\' and name not like '\\_%' escape '\\' "
        "order by rowid"
    ).fetchall()
    virtual = [name for name, sql in rows if sql.upper().startswith("CREATE VIRTUAL TABLE")]
    skip = set(virtual) | {
        f"{name}_{suffix}" for name in virtual for suffix in ("data", "idx", "docsize", "config", "content")
    }
    return {
        name: db.execute(f"select count(*) from [{name}]").fetchone()[0]  # noqa: S608
        for name, _ in rows
        if name not in skip
    }
