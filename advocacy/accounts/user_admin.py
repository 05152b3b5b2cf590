"""Leadership's account administration: add, change, deactivate users, reset passwords,
and add chapters. Every function checks the acting user first and validates before writing."""

from __future__ import annotations

import dataclasses
import secrets

import sqlite_utils

from advocacy import texts
from advocacy.accounts import accounts, login_limits, sessions
from advocacy.accounts.accounts import User
from advocacy.db import write
from advocacy.errors import ValidationError
from advocacy.permissions import allowed, ensure_permission

# No 0/O, 1/l/I: a reset password is read aloud or copied from a screen.
_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def add_user(db: sqlite_utils.Database, acting: User, username: str, role: str, password: str,
             **fields) -> int:
    ensure_permission(acting, "user.admin")
    return accounts.create_user(db, username, role, password, **fields)


def _existing(db: sqlite_utils.Database, user_id: int) -> dict:
    row = db.execute("select id, username, role, chapter_id, active from users where id = ?",
                     [user_id]).fetchone()
    if row is None:
        raise ValidationError(texts.USER_UNKNOWN)
    return dict(zip(("id", "username", "role", "chapter_id", "active"), row, strict=True))


def update_user(
    db: sqlite_utils.Database,
    acting: User,
    user_id: int,
    *,
    full_name: str,
    role: str,
    chapter: str | None = None,
    title: str | None = None,
    email: str | None = None,
    phone: str | None = None,
    place: str | None = None,
) -> None:
    ensure_permission(acting, "user.admin")
    _existing(db, user_id)
    if role not in accounts.ROLES:
        raise ValidationError(texts.UNKNOWN_ROLE.format(role=role))
    if not full_name.strip():
        raise ValidationError(texts.FULL_NAME_REQUIRED)
    chapter_id = accounts.chapter_id_by_name(db, chapter) if chapter else None
    if role in accounts.CHAPTER_ROLES and chapter_id is None:
        raise ValidationError(texts.CHAPTER_REQUIRED)
    if user_id == acting.id and not allowed(dataclasses.replace(acting, role=role), "user.admin"):
        raise ValidationError(texts.CANNOT_DEMOTE_SELF)
    with write(db):
        accounts.change_user(db, user_id, {
            "full_name": full_name.strip(), "role": role, "chapter_id": chapter_id,
            "title": title or None, "email": email or None, "phone": phone or None,
            "place": place or None,
        })


def set_active(db: sqlite_utils.Database, acting: User, user_id: int, active: bool) -> None:
    """Deactivate (or reactivate) an account. A deactivated user's sessions are revoked, so
    every open tab of theirs ends at its next click and no cookie brings them back."""
    ensure_permission(acting, "user.admin")
    _existing(db, user_id)
    if user_id == acting.id and not active:
        raise ValidationError(texts.CANNOT_DEACTIVATE_SELF)
    with write(db):
        accounts.change_user(db, user_id, {"active": int(active)})
        if not active:
            sessions.end_all(db, user_id)


def reset_password(db: sqlite_utils.Database, acting: User, user_id: int) -> str:
    """Give the user a new random password (returned once, to hand over) and lift any lockout.
    Whoever is logged in with the old password is logged out everywhere."""
    ensure_permission(acting, "user.admin")
    user = _existing(db, user_id)
    password = "".join(secrets.choice(_ALPHABET) for _ in range(14))
    password_hash = accounts.hash_password(password)
    with write(db):
        accounts.change_user(db, user_id, {"password_hash": password_hash})
        login_limits.forgive(db, user["username"])
        sessions.end_all(db, user_id)
    return password


def unlock(db: sqlite_utils.Database, acting: User, user_id: int) -> int:
    """Lift a user's login delay and the client locks their name's failures caused (an
    outsider's guesses, a forgotten password). Returns how many failures were forgiven."""
    ensure_permission(acting, "user.admin")
    user = _existing(db, user_id)
    return login_limits.unlock(db, acting.id, user_id, user["username"])


def failed_logins(db: sqlite_utils.Database, acting: User) -> dict[str, int]:
    """User name -> failed logins not yet forgiven (for the unlock button)."""
    ensure_permission(acting, "user.admin")
    return login_limits.failures_by_name(db)


def add_chapter(db: sqlite_utils.Database, acting: User, name: str, organisation: str,
                kommunenummer: str | None = None) -> int:
    ensure_permission(acting, "user.admin")
    if not name.strip() or not organisation.strip():
        raise ValidationError(texts.CHAPTER_FIELDS_REQUIRED)
    if db.execute("select 1 from chapters where name = ? collate nocase", [name.strip()]).fetchone():
        raise ValidationError(texts.CHAPTER_TAKEN.format(name=name.strip()))
    if kommunenummer and not db["municipalities"].count_where("kommunenummer = ?",
                                                                [kommunenummer]):
        raise ValidationError(texts.MUNICIPALITY_UNKNOWN.format(value=kommunenummer))
    return accounts.create_chapter(db, name, organisation, kommunenummer or None)


def update_chapter(db: sqlite_utils.Database, acting: User, chapter_id: int, name: str,
                   organisation: str, kommunenummer: str | None = None) -> None:
    """Correct a chapter's name, organisation or municipality; the same checks as a new one."""
    ensure_permission(acting, "user.admin")
    if not db.execute("select 1 from chapters where id = ?", [chapter_id]).fetchone():
        raise ValidationError(texts.CHAPTER_NOT_FOUND.format(id=chapter_id))
    if not name.strip() or not organisation.strip():
        raise ValidationError(texts.CHAPTER_FIELDS_REQUIRED)
    if db.execute("select 1 from chapters where name = ? collate nocase and id != ?",
                  [name.strip(), chapter_id]).fetchone():
        raise ValidationError(texts.CHAPTER_TAKEN.format(name=name.strip()))
    if kommunenummer and not db["municipalities"].count_where("kommunenummer = ?",
                                                                [kommunenummer]):
        raise ValidationError(texts.MUNICIPALITY_UNKNOWN.format(value=kommunenummer))
    with write(db):
        accounts.change_chapter(db, chapter_id, {"name": name.strip(),
                                                 "organisation": organisation.strip(),
                                                 "kommunenummer": kommunenummer or None})
