"""Every user changes their own password: the current one first, then the new one twice.

The current password is checked with argon2 like a login and counted like one
(`login_limits`), so a tab left open cannot be used to guess it. The new one follows the rules of
a new account (`accounts.hash_password`), differs from the current one and is typed the same
twice. On success the hash is replaced, the change is logged, and every other login session of
the user ends; the session this change came from (`keep_token`) stays. Any refusal names the
field and writes nothing but the counted attempt.
"""

from __future__ import annotations

import datetime as dt
import json

import sqlite_utils

from advocacy import audit, texts
from advocacy.accounts import accounts, login_limits, sessions
from advocacy.accounts.accounts import User
from advocacy.db import write
from advocacy.errors import ValidationError


def change_own_password(
    db: sqlite_utils.Database, user: User, current: str, new: str, repeated: str, *,
    keep_token: str | None = None, now: dt.datetime | None = None,
) -> int:
    """Replace the user's password; returns how many other sessions were ended."""
    if len(new) < accounts.MIN_PASSWORD_LENGTH:
        raise ValidationError(
            texts.OWN_PASSWORD_NEW_TOO_SHORT.format(n=accounts.MIN_PASSWORD_LENGTH),
            field="new")
    if new != repeated:
        raise ValidationError(texts.OWN_PASSWORD_MISMATCH, field="repeated")
    row = db.execute("select username, password_hash from users where id = ? and active = 1",
                     [user.id]).fetchone()
    if row is None:
        raise ValidationError(texts.USER_UNKNOWN)
    username, stored = row
    now = now or dt.datetime.now(dt.UTC)
    login_limits.record_attempt(db, username, None, now)
    if not accounts.password_matches(stored, current):
        raise ValidationError(texts.OWN_PASSWORD_CURRENT_WRONG, field="current")
    login_limits.succeeded(db, username, None)
    if new == current:
        raise ValidationError(texts.OWN_PASSWORD_SAME, field="new")
    password_hash = accounts.hash_password(new)
    with write(db):
        accounts.change_user(db, user.id, {"password_hash": password_hash})
        audit.record(db, user.id, "password", "users", user.id, json.dumps(["password_hash"]))
        return sessions.end_others(db, user.id, keep_token, now=now)
