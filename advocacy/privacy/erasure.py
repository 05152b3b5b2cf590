"""Erasing a person (GDPR art. 17): remove or anonymise them everywhere, and leave no trace of
the name in the database file.

A politician's row is deleted (stances and meeting links go with it, by cascade); a volunteer's
account is anonymised instead ("slettet-<id>", name "[slettet]", contact fields emptied, password
unusable, inactive), because the audit log and the records they made point at the account.
Everywhere else the name, e-mail and phone number are replaced by "[slettet]" in every form they
are written in (advocacy/privacy/erasure_forms.py: endings, spacing, case, Unicode and ASCII spellings,
phone numbers however grouped, JSON escapes): meetings, letters (title, text, merge fields),
statements, answers, histories, calendar and campaign notes, drafts, the papirkurv. Stored files
are searched inside (advocacy/privacy/erasure_docx.py): in every BLOB column, a .docx is rewritten with
the person replaced (templates, answer files), a letter's stored copy that names them is
dropped (as before), and a PDF or other file that names them is dropped. The surname alone is
not erased: `review` lists where it stands, for the leader to see before confirming (and to add
as another spelling if those should go too). Frozen rows (sent letters, adopted statements,
append-only histories) let the erasure through only inside its own transaction (migration m060);
the audit log is never rewritten: it holds field names, not values (a file as its length), and
records the erasure like any other change. Backups are outside the database and not touched.

Then the full-text indexes (every FTS5 table, found in the schema) are rebuilt and optimised,
and the file itself is cleaned: the erasing connection runs with `secure_delete`, the WAL is
checkpointed and truncated, and VACUUM rewrites the file, so the old text survives neither in
free pages, nor in the journal.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import sqlite3
import time
from dataclasses import dataclass

import sqlite_utils

from advocacy import clock, settings, texts
from advocacy.accounts import login_limits
from advocacy.accounts.accounts import User
from advocacy.db import write
from advocacy.documents.naming import slug
from advocacy.errors import ValidationError
from advocacy.letters import document_rows
from advocacy.migrations import ERASURE_FLAG
from advocacy.privacy import trash_privacy
from advocacy.privacy.erasure_docx import docx_text, is_docx, pdf_hit, scrub_docx
from advocacy.privacy.erasure_forms import Forms, is_phone
from advocacy.privacy.erasure_marks import ERASED, ERASED_USERNAME, LAST_ERASURE
from advocacy.privacy.privacy import require_can_erase
from advocacy.writing import similarity
from advocacy.writing.reader_letters import letter_text

# Reference data and bookkeeping hold no personal free text; the audit log is append-only by
# design and holds field names only.
SKIP_TABLES = {"audit_log", "_sqlite_migrations", "settings", "counties", "municipalities",
               "parties", "levers", "login_failures", "login_client_failures", "sqlite_stat1",
               "audit_head"}
# Other people's identity columns: a namesake elsewhere is not the person being erased.
SKIP_COLUMNS = {("politicians", "name"), ("politicians", "email"), ("politicians", "phone"),
                ("users", "username"), ("users", "full_name"), ("users", "email"),
                ("users", "phone")}
# A file's name goes with it when the file is dropped.
FILE_NAMES = {("documents", "docx"): "docx_filename", ("meetings", "reply_file"): "reply_filename"}
REVIEW_LIMIT = 200


@dataclass(frozen=True)
class Erasure:
    kind: str
    person_id: int
    texts_changed: int
    copies_dropped: int
    file_cleaned: bool
    files_rewritten: int = 0
    left_for_review: int = 0

    @property
    def message(self) -> str:
        parts = [texts.PRIVACY_ERASED.format(rows=self.texts_changed, copies=self.copies_dropped)]
        if self.files_rewritten:
            parts.append(texts.ERASURE_FILES_REWRITTEN.format(files=self.files_rewritten))
        if self.left_for_review:
            parts.append(texts.ERASURE_SURNAME_LEFT.format(count=self.left_for_review))
        if not self.file_cleaned:
            parts.append(texts.PRIVACY_FILE_BUSY)
        return " ".join([*parts, texts.ERASURE_BACKUPS])


class _Scrubber(Forms):
    """The person's forms, also as a file-name slug ("kari-nordmann"), and their files."""

    def __init__(self, terms, surname: str | None = None):
        terms = [str(t) for t in terms if t]
        super().__init__(terms, surname, on_blob=self.blob_change,
                         slugs=[s for t in terms if "@" not in t and not is_phone(t)
                                for s in (t, slug(t))])

    def docx_hit(self, blob: bytes | None) -> bool:
        """Whether a stored .docx names the person (or cannot be read to tell)."""
        return bool(blob) and scrub_docx(self, bytes(blob)) != bytes(blob)

    def blob_change(self, blob: bytes) -> bytes | None:
        """A file without the person: None if it does not name them, b"" if it must go."""
        if is_docx(blob):
            new = scrub_docx(self, blob)
            return None if new == blob else (new or b"")
        if blob.startswith(b"%PDF-"):
            return b"" if pdf_hit(self, blob) else None
        return b"" if self.hit(blob.decode("utf-8", "replace")) else None


def _surname(name: str | None) -> str:
    words = (name or "").split()
    return words[-1] if len(words) > 1 else ""


def _fts_tables(db: sqlite_utils.Database) -> list[str]:
    return [r[0] for r in db.execute(
        "select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL%' "
        "and lower(sql) like '%fts5%'")]


def _columns(db: sqlite_utils.Database, types: tuple[str, ...]) -> list[tuple[str, str]]:
    """(table, column) of every ordinary table's columns of these types (FTS tables and their
    shadow tables are rebuilt, not edited)."""
    fts = _fts_tables(db)
    columns = []
    for table in db.table_names():
        if table in SKIP_TABLES or any(table == v or table.startswith(v + "_") for v in fts):
            continue
        for column in db[table].columns:
            if column.type.upper() in types and (table, column.name) not in SKIP_COLUMNS:
                columns.append((table, column.name))
    return columns


def _text_columns(db: sqlite_utils.Database) -> list[tuple[str, str]]:
    return _columns(db, ("TEXT", ""))


def _scrub_texts(db: sqlite_utils.Database, scrubber: _Scrubber,
                 linked_documents: list[int]) -> tuple[int, int]:
    """Inside the erasing write: replace the person in every free-text column and drop stored
    letter copies that name them. Returns (texts changed, copies dropped)."""
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
    return changed, document_rows.drop_copies(db, drop)


def _scrub_files(db: sqlite_utils.Database, scrubber: _Scrubber) -> tuple[int, int]:
    """Inside the erasing write, after the letter copies: every other file in a BLOB column.
    A .docx naming the person is rewritten without them; one that cannot be cleaned, and any
    other file naming them, is dropped (a template: its row goes). Returns (rewritten,
    dropped)."""
    rewritten = dropped = 0
    for table, column in _columns(db, ("BLOB",)):
        if (table, column) == ("documents", "docx"):
            continue  # letter copies: dropped when they name the person (_scrub_texts)
        for rowid, blob in db.execute(
                f"select rowid, [{column}] from [{table}] "  # noqa: S608
                f"where [{column}] is not null").fetchall():
            new = scrubber.blob_change(bytes(blob))
            if new is None:
                continue
            if new and table == "templates":
                db.execute("update templates set docx = ?, sha256 = ? where rowid = ?",
                           [new, hashlib.sha256(new).hexdigest(), rowid])
            elif new:
                db.execute(f"update [{table}] set [{column}] = ? where rowid = ?",  # noqa: S608
                           [new, rowid])
            elif table == "templates":
                db.execute("delete from templates where rowid = ?", [rowid])
            else:
                name = FILE_NAMES.get((table, column))
                also = f", [{name}] = null" if name else ""
                db.execute(f"update [{table}] set [{column}] = null{also} "  # noqa: S608
                           f"where rowid = ?", [rowid])
            rewritten, dropped = rewritten + bool(new), dropped + (not new)
    return rewritten, dropped


def _review(db: sqlite_utils.Database, scrubber: _Scrubber,
            own: dict[str, tuple[str, list]]) -> list[dict]:
    """Where the surname stands alone (not part of a full-name form): text columns and the
    text of stored .docx files. `own`: per table, rows that go with the person (left out)."""
    if scrubber.surname is None:
        return []
    conn = db.conn
    conn.create_function("pavirk_surname_only", 1, scrubber.surname_only, deterministic=True)
    found = []
    try:
        for table, column in _text_columns(db):
            where, params = own.get(table, ("1", []))
            for rowid, excerpt in db.execute(
                    f"select rowid, pavirk_surname_only([{column}]) "  # noqa: S608
                    f"from [{table}] where {where}", params):
                if excerpt is not None:
                    found.append({"table": table, "place": texts.ERASURE_PLACES.get(table, table),
                                  "nr": rowid, "field": column, "excerpt": excerpt})
    finally:
        conn.create_function("pavirk_surname_only", 1, None)
    for table, column in _columns(db, ("BLOB",)):
        for rowid, blob in db.execute(f"select rowid, [{column}] from [{table}] "  # noqa: S608
                                      f"where [{column}] is not null").fetchall():
            excerpt = scrubber.surname_only(docx_text(bytes(blob))) if is_docx(blob) else None
            if excerpt:
                found.append({"table": table, "place": texts.ERASURE_PLACES.get(table, table),
                              "nr": rowid, "field": texts.ERASURE_FILE_FIELD, "excerpt": excerpt})
    return found


def _rebuild_search(db: sqlite_utils.Database) -> None:
    if db["sqlite_stat4"].exists():  # samples of indexed values: taken again
        db.execute("analyze")
    for table in _fts_tables(db):
        db.execute(f"insert into [{table}] ([{table}]) values ('rebuild')")  # noqa: S608
        db.execute(f"insert into [{table}] ([{table}]) values ('optimize')")  # noqa: S608


def clean_database(db: sqlite_utils.Database) -> bool:
    """`clean_file` with secure_delete on (``python -m advocacy clean-db``)."""
    db.conn.execute("pragma secure_delete = on")
    return clean_file(db)


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


def _erase(db: sqlite_utils.Database, work) -> tuple[dict, bool]:
    conn = db.conn
    previous = conn.execute("pragma secure_delete").fetchone()[0]
    conn.execute("pragma secure_delete = on")
    try:
        with write(db):
            settings.put(db, ERASURE_FLAG, "1")
            counts = work()
            settings.remove(db, ERASURE_FLAG)
            settings.put(db, LAST_ERASURE, clock.stamp())
            _rebuild_search(db)
    except sqlite3.IntegrityError as exc:
        raise ValidationError(texts.PRIVACY_ERASE_FAILED.format(reason=exc)) from exc
    finally:  # the functions hold the person's name: not kept on the connection
        for name in ("pavirk_erase_hit", "pavirk_erase_text"):
            conn.create_function(name, 1, None)
    try:
        cleaned = clean_file(db)
    finally:
        conn.execute(f"pragma secure_delete = {int(previous)}")
    return counts, cleaned


@dataclass(frozen=True)
class _Person:
    scrubber: _Scrubber
    surname: str
    own: dict  # per table: (where, params) keeping out the rows that go with the person
    username: str | None = None


def _person(db: sqlite_utils.Database, kind: str, person_id: int,
            also: tuple[str, ...]) -> _Person:
    if kind == "politiker":
        row = db.execute("select name, email, phone from politicians where id = ?",
                         [person_id]).fetchone()
        if row is None:  # removed to the papirkurv: still held, so still erasable
            kept = trash_privacy.person_row(db, "politicians", person_id)
            if kept is None:
                raise ValidationError(texts.POLITICIAN_NOT_FOUND)
            row = (kept["name"], kept["email"], kept["phone"])
        surname = _surname(row[0])
        own = {"politicians": ("id is not ?", [person_id]),
               "stances": ("politician_id is not ?", [person_id]),
               "trash": ("not (kind = 'politicians' and row_id = ?)", [person_id])}
        return _Person(_Scrubber([*row, *also], surname), surname, own)
    row = db.execute("select username, full_name, email, phone from users where id = ?",
                     [person_id]).fetchone()
    if row is None:
        raise ValidationError(texts.USER_UNKNOWN)
    surname = _surname(row[1])
    own = {"users": ("id is not ?", [person_id]), "drafts": ("user_id is not ?", [person_id])}
    return _Person(_Scrubber([*row[1:], *also], surname), surname, own, row[0])


def review(db: sqlite_utils.Database, acting: User, kind: str, person_id: int,
           also: tuple[str, ...] = ()) -> dict:
    """Before an erasure: where the person's surname stands alone (without the first name),
    which the erasure leaves as it is. {"surname", "count", "rows" (at most REVIEW_LIMIT)}.
    Leadership only; changes nothing."""
    require_can_erase(acting, kind, person_id)
    person = _person(db, kind, person_id, also)
    rows = _review(db, person.scrubber, person.own)
    return {"surname": person.surname, "count": len(rows), "rows": rows[:REVIEW_LIMIT]}


def _result(kind: str, person_id: int, counts: dict, cleaned: bool) -> Erasure:
    return Erasure(kind, person_id, counts["changed"], counts["dropped"], cleaned,
                   counts["rewritten"], counts["review"])


def _scrub_everything(db: sqlite_utils.Database, person: _Person,
                      linked: list[int]) -> dict:
    review_count = len(_review(db, person.scrubber, person.own))
    db.conn.create_function("pavirk_erase_hit", 1, person.scrubber.hit, deterministic=True)
    # A sent letter's similarity index hashes runs of its words: made again from the new text.
    indexed = [r[0] for r in db.execute(
        "select id from documents join letter_fingerprints f on f.document_id = documents.id "
        "where pavirk_erase_hit(fields) or pavirk_erase_hit(body)")]
    changed, dropped = _scrub_texts(db, person.scrubber, linked)
    for row in db.query(
            "select id, fields, body from documents where id in (select value from json_each(?))",
            [json.dumps(indexed)]):
        similarity.index_letter(db, row["id"], letter_text(row))
    rewritten, files_dropped = _scrub_files(db, person.scrubber)
    return {"changed": changed, "dropped": dropped + files_dropped, "rewritten": rewritten,
            "review": review_count}


def erase_politician(db: sqlite_utils.Database, acting: User, politician_id: int,
                     also: tuple[str, ...] = ()) -> Erasure:
    """Delete a politician and replace their name (and `also`: other spellings, a nickname)
    everywhere it appears. Leadership only."""
    require_can_erase(acting, "politiker", politician_id)
    person = _person(db, "politiker", politician_id, also)
    scrubber = person.scrubber

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
        counts = _scrub_everything(db, person, linked)
        db.execute("delete from politicians where id = ?", [politician_id])
        return counts

    counts, cleaned = _erase(db, work)
    return _result("politiker", politician_id, counts, cleaned)


def erase_user(db: sqlite_utils.Database, acting: User, user_id: int,
               also: tuple[str, ...] = ()) -> Erasure:
    """Anonymise a volunteer's account and replace their name everywhere. Leadership only, and
    never one's own account."""
    require_can_erase(acting, "bruker", user_id)
    person = _person(db, "bruker", user_id, also)

    def work():
        trash_privacy.scrub_payloads(db, "users", user_id, person.scrubber.docx_hit,
                                     deleted=False)
        db.execute("delete from drafts where user_id = ?", [user_id])  # unsaved text is theirs
        counts = _scrub_everything(db, person, [])
        anonymous = ERASED_USERNAME.format(id=user_id)
        db.execute("update statement_history set username = ? where user_id = ?",
                   [anonymous, user_id])
        login_limits.forgive(db, person.username)  # failed logins under the name, any client
        db.execute("delete from login_sessions where user_id = ?", [user_id])  # logged out
        db["users"].update(user_id, {
            "username": anonymous, "full_name": ERASED, "title": None, "email": None,
            "phone": None, "place": None, "last_login_at": None, "active": 0,
            # Not an argon2 hash: no password can ever match it.
            "password_hash": "!slettet!" + secrets.token_hex(16),
        })
        return counts

    counts, cleaned = _erase(db, work)
    return _result("bruker", user_id, counts, cleaned)
