"""Erasing a person (GDPR art. 17): remove or anonymise them everywhere, and leave no trace of
the name in the database file.

A politician's row is deleted (stances and meeting links go with it, by cascade); a volunteer's
account is anonymised instead ("slettet-<id>", name "[slettet]", contact fields emptied, password
unusable, inactive), because the audit log and the records they made point at the account.
Everywhere else the name, e-mail and phone number are replaced by "[slettet]" in free text:
meetings, letters (title, text, merge fields; the stored .docx copy is dropped when it names the
person), statements, answers, histories, calendar and campaign notes. Frozen rows (sent letters,
adopted statements, append-only histories) let the erasure through only inside its own
transaction (migration m060); the audit log is never rewritten: it holds field names, not values,
and records the erasure like any other change.

Then the full-text indexes are rebuilt and optimised, and the file itself is cleaned: the
erasing connection runs with `secure_delete`, the WAL is checkpointed and truncated, and VACUUM
rewrites the file, so the old text survives neither in free pages, nor in the journal.
"""

from __future__ import annotations

import html
import io
import json
import re
import secrets
import sqlite3
import time
import unicodedata
import zipfile
from dataclasses import dataclass

import sqlite_utils

from . import login_limits, texts, trash_privacy
from .accounts import User
from .db import write
from .documents.naming import slug
from .errors import ValidationError
from .migrations import ERASURE_FLAG
from .privacy import ERASED, ERASED_USERNAME, LAST_ERASURE, require_can_erase

FTS_TABLES = ("meetings_fts", "politicians_fts", "documents_fts")
# Reference data and bookkeeping hold no personal free text; the audit log is append-only by
# design and holds field names only.
SKIP_TABLES = {"audit_log", "_sqlite_migrations", "settings", "counties", "municipalities",
               "parties", "levers", "login_failures", "login_client_failures", "templates"}
# Other people's identity columns: a namesake elsewhere is not the person being erased.
SKIP_COLUMNS = {("politicians", "name"), ("politicians", "email"), ("politicians", "phone"),
                ("users", "username"), ("users", "full_name"), ("users", "email"),
                ("users", "phone")}
MIN_TERM = 3


@dataclass(frozen=True)
class Erasure:
    kind: str
    person_id: int
    texts_changed: int
    copies_dropped: int
    file_cleaned: bool

    @property
    def message(self) -> str:
        message = texts.PRIVACY_ERASED.format(rows=self.texts_changed, copies=self.copies_dropped)
        return message if self.file_cleaned else f"{message} {texts.PRIVACY_FILE_BUSY}"


class _Scrubber:
    """Finds and replaces the person's name, e-mail and phone in text (any case, whole words),
    also as written in JSON with \\u escapes and as a file-name slug ("kari-nordmann")."""

    def __init__(self, terms):
        self.patterns = []
        for term in {unicodedata.normalize("NFC", " ".join(str(t).split())) for t in terms if t}:
            if len(term) < MIN_TERM:
                continue
            for variant in {term, json.dumps(term)[1:-1], slug(term)}:
                if len(variant) >= MIN_TERM:
                    self.patterns.append(
                        re.compile(r"(?<!\w)" + re.escape(variant) + r"(?!\w)", re.IGNORECASE))
        if not self.patterns:
            raise ValidationError(texts.PRIVACY_NAME_TOO_SHORT)

    def hit(self, value) -> int:
        if not isinstance(value, str):
            return 0
        text = unicodedata.normalize("NFC", value)
        return int(any(p.search(text) for p in self.patterns))

    def replace(self, value):
        if not isinstance(value, str):
            return value
        text = unicodedata.normalize("NFC", value)
        for pattern in self.patterns:
            text = pattern.sub(ERASED, text)
        return text

    def docx_hit(self, blob: bytes | None) -> bool:
        """Whether a stored .docx names the person (text joined across runs, tags removed)."""
        if not blob:
            return False
        try:
            with zipfile.ZipFile(io.BytesIO(blob)) as archive:
                parts = [archive.read(n).decode("utf-8", "replace") for n in archive.namelist()
                         if n.endswith(".xml")]
        except (zipfile.BadZipFile, OSError):
            return True  # unreadable: it cannot be checked, so it is not kept
        return any(self.hit(html.unescape(re.sub(r"<[^>]+>", "", part))) for part in parts)


def _text_columns(db: sqlite_utils.Database) -> list[tuple[str, str]]:
    virtual = {r[0] for r in db.execute(
        "select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL%'")}
    columns = []
    for table in db.table_names():
        if table in SKIP_TABLES or any(table.startswith(v) for v in virtual):
            continue
        for column in db[table].columns:
            if column.type.upper() in ("TEXT", "") and (table, column.name) not in SKIP_COLUMNS:
                columns.append((table, column.name))
    return columns


def _scrub_texts(db: sqlite_utils.Database, scrubber: _Scrubber,
                 linked_documents: list[int]) -> tuple[int, int]:
    """Inside the erasing write: replace the person in every free-text column and drop stored
    .docx copies that name them. Returns (texts changed, copies dropped)."""
    conn = db.conn
    conn.create_function("pavirk_erase_hit", 1, scrubber.hit, deterministic=True)
    conn.create_function("pavirk_erase_text", 1, scrubber.replace, deterministic=True)
    named = {r[0] for r in db.execute(
        "select id from documents where pavirk_erase_hit(title) or pavirk_erase_hit(fields) "
        "or pavirk_erase_hit(body) or pavirk_erase_hit(docx_filename)")}
    changed = 0
    for table, column in _text_columns(db):
        changed += conn.execute(
            f"update [{table}] set [{column}] = pavirk_erase_text([{column}]) "  # noqa: S608
            f"where pavirk_erase_hit([{column}])").rowcount
    drop = named | set(linked_documents)
    for doc_id, blob in db.execute("select id, docx from documents where docx is not null"
                                   ).fetchall():
        if doc_id not in drop and scrubber.docx_hit(bytes(blob)):
            drop.add(doc_id)
    dropped = 0
    for doc_id in sorted(drop):
        dropped += conn.execute(
            "update documents set docx = null, docx_filename = null "
            "where id = ? and (docx is not null or docx_filename is not null)", [doc_id]).rowcount
    return changed, dropped


def _rebuild_search(db: sqlite_utils.Database) -> None:
    for table in FTS_TABLES:
        if db[table].exists():
            db.execute(f"insert into [{table}] ([{table}]) values ('rebuild')")  # noqa: S608
            db.execute(f"insert into [{table}] ([{table}]) values ('optimize')")  # noqa: S608


def clean_file(db: sqlite_utils.Database, attempts: int = 10) -> bool:
    """Leave no deleted text in the file: checkpoint and truncate the WAL, VACUUM (rewrites
    every page, dropping free pages), checkpoint again. False if another connection kept the
    WAL busy; the next erasure or `python -m advocacy clean-db` finishes it."""
    conn = db.conn
    conn.execute("pragma wal_checkpoint(truncate)")
    conn.execute("vacuum")
    for _ in range(attempts):
        busy = conn.execute("pragma wal_checkpoint(truncate)").fetchone()[0]
        if not busy:
            return True
        time.sleep(0.2)
    return False


def _erase(db: sqlite_utils.Database, work) -> tuple[int, int, bool]:
    conn = db.conn
    previous = conn.execute("pragma secure_delete").fetchone()[0]
    conn.execute("pragma secure_delete = on")
    try:
        with write(db):
            db.execute("insert into settings (key, value) values (?, '1')", [ERASURE_FLAG])
            changed, dropped = work()
            db.execute("delete from settings where key = ?", [ERASURE_FLAG])
            db.execute("insert or replace into settings (key, value) values "
                       "(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))", [LAST_ERASURE])
            _rebuild_search(db)
    except sqlite3.IntegrityError as exc:
        raise ValidationError(texts.PRIVACY_ERASE_FAILED.format(reason=exc)) from exc
    try:
        cleaned = clean_file(db)
    finally:
        conn.execute(f"pragma secure_delete = {int(previous)}")
    return changed, dropped, cleaned


def erase_politician(db: sqlite_utils.Database, acting: User, politician_id: int,
                     also: tuple[str, ...] = ()) -> Erasure:
    """Delete a politician and replace their name (and `also`: other spellings, a nickname)
    everywhere it appears. Leadership only."""
    require_can_erase(acting, "politiker", politician_id)
    row = db.execute("select name, email, phone from politicians where id = ?",
                     [politician_id]).fetchone()
    if row is None:  # removed to the papirkurv: still held, so still erasable
        kept = trash_privacy.person_row(db, "politicians", politician_id)
        if kept is None:
            raise ValidationError(texts.POLITICIAN_NOT_FOUND)
        row = (kept["name"], kept["email"], kept["phone"])
    scrubber = _Scrubber([*row, *also])

    def work():
        linked = [r[0] for r in db.execute(
            "select id from documents where politician_id = ?", [politician_id])]
        recipients = "select id from statement_recipients where politician_id = :p"
        db.execute(f"update statement_responses set responder = :e "  # noqa: S608
                   f"where recipient_id in ({recipients})", {"e": ERASED, "p": politician_id})
        db.execute("update statement_recipients set name = :e where politician_id = :p",
                   {"e": ERASED, "p": politician_id})
        trash_privacy.scrub_payloads(db, "politicians", politician_id, scrubber.docx_hit,
                                     deleted=True)
        result = _scrub_texts(db, scrubber, linked)
        db.execute("delete from politicians where id = ?", [politician_id])
        return result

    changed, dropped, cleaned = _erase(db, work)
    return Erasure("politiker", politician_id, changed, dropped, cleaned)


def erase_user(db: sqlite_utils.Database, acting: User, user_id: int,
               also: tuple[str, ...] = ()) -> Erasure:
    """Anonymise a volunteer's account and replace their name everywhere. Leadership only, and
    never one's own account."""
    require_can_erase(acting, "bruker", user_id)
    row = db.execute("select username, full_name, email, phone from users where id = ?",
                     [user_id]).fetchone()
    if row is None:
        raise ValidationError(texts.USER_UNKNOWN)
    username = row[0]
    scrubber = _Scrubber([*row[1:], *also])

    def work():
        trash_privacy.scrub_payloads(db, "users", user_id, scrubber.docx_hit, deleted=False)
        result = _scrub_texts(db, scrubber, [])
        anonymous = ERASED_USERNAME.format(id=user_id)
        db.execute("update statement_history set username = ? where user_id = ?",
                   [anonymous, user_id])
        login_limits.forgive(db, username)  # failed logins under the name, from any client
        db.execute("delete from drafts where user_id = ?", [user_id])  # unsaved text is theirs
        db.execute("delete from login_sessions where user_id = ?", [user_id])  # logged out
        db["users"].update(user_id, {
            "username": anonymous, "full_name": ERASED, "title": None, "email": None,
            "phone": None, "place": None, "last_login_at": None, "active": 0,
            # Not an argon2 hash: no password can ever match it.
            "password_hash": "!slettet!" + secrets.token_hex(16),
        })
        return result

    changed, dropped, cleaned = _erase(db, work)
    return Erasure("bruker", user_id, changed, dropped, cleaned)
