"""Consistent copies of the database, and putting one back.

A backup is taken online with SQLite's backup API (readers and writers carry on), checked
with `PRAGMA integrity_check` before it is called good, and gets a SHA-256 beside it
(`<name>.sha256`, the format of `sha256sum`).

A restore works on a copy of the file, staged beside the database, and only swaps files once
that copy has passed every check, cheapest first, so a broken file is refused before SQLite
parses any of it:
1. the checksum file, when there is one: any changed byte is refused;
2. the bytes: not empty, not packed (gzip, zip, age …), SQLite's own header (magic, page size)
   and a length that matches the page count the header gives (a truncated file);
3. SQLite: `integrity_check`, the tables every Påvirk database has, no step from a newer
   Påvirk, every text readable as UTF-8;
4. the migrations of this version, run on the staged copy.
Each refusal is a DatabaseError with a Norwegian message; the current database is not touched.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import sqlite3
import tempfile
from pathlib import Path

import sqlite_utils

from advocacy import audit, texts
from advocacy.db import write
from advocacy.errors import AdvocacyError, DatabaseError
from advocacy.migrations import known_names
from advocacy.startup import open_database

REQUIRED_TABLES = {"municipalities", "users", "_sqlite_migrations"}
SQLITE_MAGIC = b"SQLite format 3\x00"
PACKED = (
    (b"\x1f\x8b", "gzip"), (b"PK\x03\x04", "zip"), (b"age-encryption.org/", "age"),
    (b"-----BEGIN AGE ENCRYPTED FILE-----", "age"), (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"), (b"\x28\xb5\x2f\xfd", "zstd"), (b"7z\xbc\xaf\x27\x1c", "7z"),
)
SQLITE_ERRORS = (sqlite3.Error, UnicodeDecodeError, ValueError, OSError)


def checksum_path(path: str | Path) -> Path:
    path = Path(path)
    return path.with_name(path.name + ".sha256")


def _sha256(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _checksum_problem(staged: Path, sidecar: Path) -> str | None:
    if not sidecar.exists():
        return None
    try:
        match = re.match(r"\s*([0-9a-fA-F]{64})\b", sidecar.read_text("ascii"))
    except (OSError, UnicodeDecodeError):
        match = None
    if not match:
        return texts.RESTORE_CHECKSUM_UNREADABLE.format(sidecar=sidecar.name)
    if match.group(1).lower() != _sha256(staged):
        return texts.RESTORE_CHECKSUM.format(sidecar=sidecar.name)
    return None


def _header_problem(path: Path) -> str | None:
    """What is wrong with the bytes of `path` as an SQLite file, read before SQLite is."""
    size = path.stat().st_size
    if size == 0:
        return texts.RESTORE_EMPTY
    with open(path, "rb") as f:
        head = f.read(100)
    for magic, kind in PACKED:
        if head.startswith(magic):
            return texts.RESTORE_PACKED.format(kind=kind)
    if not head.startswith(SQLITE_MAGIC):
        return texts.RESTORE_NOT_SQLITE
    if len(head) < 100:
        return texts.RESTORE_TRUNCATED.format(size=size, expected="minst 100")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if not 512 <= page_size <= 65536 or page_size & (page_size - 1) or head[21:24] != b"@  ":
        return texts.RESTORE_BAD_HEADER
    pages = int.from_bytes(head[28:32], "big")
    header_size_valid = head[24:28] == head[92:96]
    if pages and header_size_valid and pages * page_size != size:
        return texts.RESTORE_TRUNCATED.format(size=size, expected=pages * page_size)
    if size % page_size:
        return texts.RESTORE_TRUNCATED.format(size=size, expected=f"et multiplum av {page_size}")
    return None


def _database_problem(path: Path) -> str | None:
    """None if `path` is an intact SQLite database with our tables, from this version or an
    older one; else what is wrong."""

    conn = None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        result = conn.execute("pragma integrity_check").fetchall()
        if result != [("ok",)]:
            lines = (" ".join(str(r[0]).split()) for r in result[:3])
            return texts.RESTORE_DAMAGED.format(detail="; ".join(lines))
        tables = [r[0] for r in conn.execute("select name from sqlite_master where type='table'")]
        missing = REQUIRED_TABLES - set(tables)
        if missing:
            return texts.RESTORE_MISSING_TABLES.format(tables=", ".join(sorted(missing)))
        known = set(known_names())
        newer = [r[0] for r in conn.execute(
            "select name from _sqlite_migrations where migration_set = 'advocacy'")
            if r[0] not in known]
        if newer:
            return texts.RESTORE_NEWER.format(names=", ".join(newer))
        for table in tables:
            try:
                for _ in conn.execute(f"select * from [{table}]"):  # noqa: S608 - from the schema
                    pass
            except (sqlite3.OperationalError, UnicodeDecodeError):
                return texts.RESTORE_BAD_TEXT.format(table=table)
    except SQLITE_ERRORS as exc:
        return texts.RESTORE_DAMAGED.format(detail=_describe(exc))
    finally:
        if conn is not None:
            conn.close()
    return None


def _describe(exc: BaseException) -> str:
    if isinstance(exc, UnicodeDecodeError):  # SQLite's message held bytes of the broken file
        return "uleselige tegn i databasens skjema"
    return str(exc) or type(exc).__name__


def backup(db: sqlite_utils.Database, out: str | Path) -> Path:
    """Write a verified copy of `db` to `out` (written beside it first, then renamed), and its
    SHA-256 to `out.sha256`."""
    out = Path(out)
    if not out.parent.is_dir():
        raise DatabaseError(texts.BACKUP_DIR_MISSING.format(path=out.parent))
    fd, tmp_name = tempfile.mkstemp(prefix=".backup-", suffix=".db", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        target = sqlite3.connect(tmp)
        with target:
            db.conn.backup(target)
        target.close()
        problem = _header_problem(tmp) or _database_problem(tmp)
        if problem:
            raise DatabaseError(texts.BACKUP_REFUSED.format(reason=problem))
        digest = _sha256(tmp)
        os.replace(tmp, out)
        checksum_path(out).write_text(f"{digest}  {out.name}\n", "ascii")
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return out


def backup_bytes(db: sqlite_utils.Database) -> bytes:
    """A verified backup as bytes, for a download button."""
    with tempfile.TemporaryDirectory() as tmp:
        path = backup(db, Path(tmp) / "backup.db")
        return path.read_bytes()


def _remove(path: Path) -> None:
    for name in (str(path), str(path) + "-wal", str(path) + "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(name).unlink()


def _migrate_staged(staged: Path) -> str | None:
    """Bring the staged copy up to this version; what went wrong, if anything."""

    try:
        db = open_database(staged, create=False)
    except AdvocacyError as exc:
        return texts.RESTORE_NOT_MIGRATED.format(detail=exc.message)
    except Exception as exc:  # noqa: BLE001 - whatever fails, the copy is not put back
        return texts.RESTORE_NOT_MIGRATED.format(detail=_describe(exc))
    try:
        db.execute("pragma wal_checkpoint(truncate)")
    finally:
        db.close()
    return None


def restore(source: str | Path, target: str | Path) -> None:
    """Replace the database at `target` with the backup `source`, after checking it.

    The current file is kept beside it as `<name>.before-restore` so a mistaken restore can be
    undone. Stop the app before restoring: open connections would keep the old file.
    """
    source, target = Path(source), Path(target)
    if not source.is_file():
        raise DatabaseError(texts.RESTORE_MISSING.format(path=source))
    if not target.parent.is_dir():
        raise DatabaseError(texts.DB_DIR_MISSING.format(path=target.parent))
    staged = target.with_name(target.name + ".restoring")
    _remove(staged)
    try:
        try:
            shutil.copyfile(source, staged)
        except OSError as exc:
            raise DatabaseError(texts.RESTORE_REFUSED.format(
                path=source, reason=texts.RESTORE_UNREADABLE.format(
                    reason=exc.strerror or type(exc).__name__))) from exc
        problem = (_checksum_problem(staged, checksum_path(source)) or _header_problem(staged)
                   or _database_problem(staged) or _migrate_staged(staged))
    except BaseException:
        _remove(staged)
        raise
    if problem:
        _remove(staged)
        raise DatabaseError(texts.RESTORE_REFUSED.format(path=source, reason=problem))
    if target.exists():
        with contextlib.suppress(sqlite3.Error):  # a broken current file is kept as it is
            conn = sqlite3.connect(target)
            try:
                conn.execute("pragma wal_checkpoint(truncate)")
            finally:
                conn.close()
        shutil.copyfile(target, target.with_name(target.name + ".before-restore"))
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(str(target) + suffix).unlink()
    os.replace(staged, target)


def adopt_restored(db: sqlite_utils.Database) -> str | None:
    """After a restore: a database whose chain is whole but whose head was signed with another
    key (a copy from another server, or from before the key was replaced) gets its head signed
    with this server's key, and the log says so. Anything else wrong is left as it is, for
    `verify-audit` to report. Returns what to tell the operator, or None if all was well."""
    result = audit.verify(db)
    if result.ok:
        return None
    if not result.head_signature_only:
        return f"{texts.AUDIT_NOT_REKEYED}\n{result.message}"
    with write(db):
        audit.rekey(db)
    audit.log.warning("Kjedehodet er signert på nytt etter tilbakelegging: %s", db.conn.key_file)
    return texts.AUDIT_REKEYED
