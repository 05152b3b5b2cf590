"""Users, chapters, roles and passwords (who may do what is `advocacy.permissions`).

Passwords are hashed with argon2id (argon2-cffi's defaults). A failed login takes the same path
for an unknown user as for a wrong password (a dummy hash is verified), so neither the answer nor
the time tells which it was.
"""

from __future__ import annotations

import datetime as dt
import re
import threading

import sqlite_utils
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from advocacy import clock, texts
from advocacy.accounts import login_limits
from advocacy.accounts.login_limits import (  # noqa: F401 - part of this module's interface
    FREE_ATTEMPTS,
    MAX_LOCK_SECONDS,
    ClientLocked,
    LoginLocked,
    lock_seconds,
)
from advocacy.accounts.user import CHAPTER_ROLES, ROLES, User  # noqa: F401 - part of this module's interface
from advocacy.db import write
from advocacy.errors import ValidationError
from advocacy.permissions import ensure_permission

MIN_PASSWORD_LENGTH = 8
USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")

class _BoundedHasher:
    """argon2id with its default cost (64 MiB and three passes per hash), at most HASH_SLOTS
    hashes at a time in this process. Ten people logging in at once would otherwise take
    640 MiB of memory for a moment; queued, each waits a few tenths of a second at most. A
    flood of login attempts cannot exhaust the server's memory either."""

    def __init__(self, slots: int, hasher: PasswordHasher | None = None) -> None:
        self._hasher = hasher or PasswordHasher()  # another cost only in the test suite
        self._slots = threading.BoundedSemaphore(slots)
        self._dummy: str | None = None
        self._dummy_made = threading.Lock()

    def hash(self, password: str) -> str:
        with self._slots:
            return self._hasher.hash(password)

    def verify(self, stored: str, password: str) -> bool:
        with self._slots:
            return self._hasher.verify(stored, password)

    def check_needs_rehash(self, stored: str) -> bool:
        return self._hasher.check_needs_rehash(stored)

    def dummy_hash(self) -> str:
        """A hash at this hasher's own cost, verified for an unknown user name so that the
        check costs what a real one does. Made on first use (not when the module loads)."""
        with self._dummy_made:
            if self._dummy is None:
                self._dummy = self.hash("påvirk-dummy-passord")
            return self._dummy


HASH_SLOTS = 2  # the server's cores: more at once would not finish sooner, only use more memory
_hasher = _BoundedHasher(HASH_SLOTS)


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(texts.PASSWORD_TOO_SHORT.format(n=MIN_PASSWORD_LENGTH))
    return _hasher.hash(password)


def password_matches(stored: str, password: str) -> bool:
    """Whether `password` is the one `stored` was hashed from (argon2 verify, bounded)."""
    try:
        return _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def chapter_id_by_name(db: sqlite_utils.Database, name: str) -> int:
    row = db.execute("select id from chapters where name = ? collate nocase", [name]).fetchone()
    if row is None:
        raise ValidationError(texts.CHAPTER_UNKNOWN.format(name=name))
    return row[0]


def create_chapter(
    db: sqlite_utils.Database,
    name: str,
    organisation: str,
    kommunenummer: str | None = None,
    *,
    email: str | None = None,
    is_demo: bool = False,
) -> int:
    with write(db):
        return db["chapters"].insert(
            {
                "name": name.strip(),
                "organisation": organisation.strip(),
                "kommunenummer": kommunenummer,
                "email": email,
                "is_demo": int(is_demo),
            }
        ).last_pk


def create_user(
    db: sqlite_utils.Database,
    username: str,
    role: str,
    password: str,
    *,
    full_name: str | None = None,
    chapter: str | None = None,
    title: str | None = None,
    email: str | None = None,
    phone: str | None = None,
    place: str | None = None,
    is_demo: bool = False,
) -> int:
    """Create an account; every check runs before anything is written."""
    username = username.strip().lower()
    if role not in ROLES:
        raise ValidationError(texts.UNKNOWN_ROLE.format(role=role))
    if not USERNAME_RE.match(username):
        raise ValidationError(texts.USERNAME_INVALID)
    chapter_id = chapter_id_by_name(db, chapter) if chapter else None
    if role in CHAPTER_ROLES and chapter_id is None:
        raise ValidationError(texts.CHAPTER_REQUIRED)
    password_hash = hash_password(password)
    with write(db):
        if db.execute("select 1 from users where username = ?", [username]).fetchone():
            raise ValidationError(texts.USERNAME_TAKEN.format(username=username))
        return db["users"].insert(
            {
                "username": username,
                "full_name": (full_name or username).strip(),
                "role": role,
                "chapter_id": chapter_id,
                "password_hash": password_hash,
                "title": title,
                "email": email,
                "phone": phone,
                "place": place,
                "is_demo": int(is_demo),
            }
        ).last_pk


_USER_SQL = """
select users.id, users.username, users.full_name, users.role, users.chapter_id,
       chapters.name as chapter_name, users.title, users.place
from users left join chapters on chapters.id = users.chapter_id
where users.active = 1 and {where}
"""


def _user(db: sqlite_utils.Database, where: str, params: list) -> User | None:
    row = db.execute(_USER_SQL.format(where=where), params).fetchone()
    return User(*row) if row else None


def get_user(db: sqlite_utils.Database, user_id: int) -> User | None:
    """The active user with this id, or None (deactivated users are logged out by this)."""
    return _user(db, "users.id = ?", [user_id])


def authenticate(
    db: sqlite_utils.Database, username: str, password: str, *, now: dt.datetime | None = None,
    client: str | None = None,
) -> User | None:
    """The user if the password is right, else None — the same answer whatever went wrong.

    `client` is the address the attempt comes from, when known. The attempt is counted (and
    refused with LoginLocked while the name or the client is locked: login_limits.py) in one
    write transaction before the password is checked, so parallel guesses cannot slip past
    the limit. Unknown usernames take the same path (a dummy hash is verified, failures are
    counted), so neither the answer, the time nor the lockout tells whether an account exists.
    """
    now = now or dt.datetime.now(dt.UTC)
    key = username.strip().lower()
    client = client.strip() if client and client.strip() else None
    login_limits.record_attempt(db, key, client, now)
    row = db.execute(
        "select id, password_hash from users where username = ? and active = 1", [key]
    ).fetchone()
    stored = row[1] if row else _hasher.dummy_hash()
    try:
        _hasher.verify(stored, password)
        ok = row is not None
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok:
        return None
    with write(db):
        login_limits.succeeded(db, key, client)
        db["users"].update(row[0], {"last_login_at": clock.stamp(now)})
        if _hasher.check_needs_rehash(stored):
            db["users"].update(row[0], {"password_hash": _hasher.hash(password)})
    return get_user(db, row[0])


def user_count(db: sqlite_utils.Database) -> int:
    return db.execute("select count(*) from users where active = 1").fetchone()[0]


def list_users(db: sqlite_utils.Database, acting: User) -> list[dict]:
    ensure_permission(acting, "user.admin")
    return [
        dict(r)
        for r in db.query(
            """select users.id, users.username as brukernavn, users.full_name as navn, users.role as rolle,
                      chapters.name as lokallag, users.active as aktiv,
                      users.last_login_at as sist_innlogget, users.is_demo as demo,
                      users.title as tittel, users.email as epost, users.phone as telefon,
                      users.place as sted
               from users left join chapters on chapters.id = users.chapter_id
               order by users.role, users.username"""
        )
    ]


def chapter_names(db: sqlite_utils.Database) -> dict[int, str]:
    """id -> name of every chapter, by name: for choosers and filters (list_chapters also
    counts members and meetings, which a chooser does not need)."""
    return {r[0]: r[1] for r in db.execute("select id, name from chapters order by name")}


def list_chapters(db: sqlite_utils.Database) -> list[dict]:
    """Every chapter with its municipality and how many members and meetings it has."""
    return list(
        db.query(
            """select chapters.id, chapters.name, chapters.organisation, chapters.kommunenummer,
                      municipalities.navn as kommune, chapters.is_demo,
                      (select count(*) from users where users.chapter_id = chapters.id) as members,
                      (select count(*) from meetings where meetings.chapter_id = chapters.id)
                          as meetings
               from chapters
               left join municipalities using (kommunenummer)
               order by chapters.name"""
        )
    )


def change_user(db: sqlite_utils.Database, user_id: int, changes: dict) -> None:
    """Write columns of a user's row (profile, role, chapter, active, password hash); the
    callers (user_admin, own_password) check who may and what."""
    with write(db):
        db["users"].update(user_id, changes)


def change_chapter(db: sqlite_utils.Database, chapter_id: int, changes: dict) -> None:
    """Write columns of a chapter's row; user_admin checks who may and what."""
    with write(db):
        db["chapters"].update(chapter_id, changes)
