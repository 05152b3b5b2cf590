"""Consistent copies of the database, and putting one back.

A backup is taken online with SQLite's backup API (readers and writers carry on), then
checked with `PRAGMA integrity_check` before it is called good. A restore refuses any file that
is not an intact Påvirk database, and swaps files only after the new one is verified.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

import sqlite_utils

from .errors import DatabaseError

REQUIRED_TABLES = {"municipalities", "users", "_sqlite_migrations"}


def _integrity_problem(path: Path) -> str | None:
    """None if `path` is an intact SQLite database with our tables; else what is wrong."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        result = conn.execute("pragma integrity_check").fetchall()
        if result != [("ok",)]:
            return "; ".join(r[0] for r in result[:3])
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
        missing = REQUIRED_TABLES - tables
        if missing:
            return "mangler tabellene " + ", ".join(sorted(missing))
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()
    return None


def backup(db: sqlite_utils.Database, out: str | Path) -> Path:
    """Write a verified copy of `db` to `out` (written beside it first, then renamed)."""
    out = Path(out)
    if not out.parent.is_dir():
        raise DatabaseError(f"Mappen finnes ikke: {out.parent}")
    fd, tmp_name = tempfile.mkstemp(prefix=".backup-", suffix=".db", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        target = sqlite3.connect(tmp)
        with target:
            db.conn.backup(target)
        target.close()
        problem = _integrity_problem(tmp)
        if problem:
            raise DatabaseError(f"Sikkerhetskopien ble ikke godkjent: {problem}")
        os.replace(tmp, out)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return out


def backup_bytes(db: sqlite_utils.Database) -> bytes:
    """A verified backup as bytes, for a download button."""
    with tempfile.TemporaryDirectory() as tmp:
        path = backup(db, Path(tmp) / "backup.db")
        return path.read_bytes()


def restore(source: str | Path, target: str | Path) -> None:
    """Replace the database at `target` with the backup `source`, after checking it.

    The current file is kept beside it as `<name>.before-restore` so a mistaken restore can be
    undone. Stop the app before restoring: open connections would keep the old file.
    """
    source, target = Path(source), Path(target)
    if not source.is_file():
        raise DatabaseError(f"Filen finnes ikke: {source}")
    problem = _integrity_problem(source)
    if problem:
        raise DatabaseError(f"{source} er ikke en hel Påvirk-database og ble ikke lagt tilbake: "
                            f"{problem}")
    staged = target.with_name(target.name + ".restoring")
    shutil.copyfile(source, staged)
    if target.exists():
        conn = sqlite3.connect(target)
        conn.execute("pragma wal_checkpoint(truncate)")
        conn.close()
        shutil.copyfile(target, target.with_name(target.name + ".before-restore"))
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(str(target) + suffix).unlink()
    os.replace(staged, target)
