"""Login sessions that outlive one browser tab: a reload (F5) or a new tab carries on as the same
user for the idle period.

The browser holds a random token (`secrets.token_urlsafe(32)`, 256 bits) in a cookie; the
database holds only its SHA-256, so a copy of the database file gives no live session. Each use
pushes the expiry forward (sliding idle period, env `ADVOCACY_SESSION_MINUTES`, default 60);
that write is taken at most once a minute per session, so a rerun stays one primary-key read.
A session ends at logout (in every tab at once, the token is the same), when the user is
deactivated and when their password changes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import secrets

import sqlite_utils

from advocacy import clock
from advocacy.db import write

TOKEN_BYTES = 32
TOUCH_EVERY = dt.timedelta(minutes=1)


def idle_period() -> dt.timedelta:
    return dt.timedelta(minutes=int(os.environ.get("ADVOCACY_SESSION_MINUTES", "60")))


def _now(now: dt.datetime | None) -> dt.datetime:
    return (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start(db: sqlite_utils.Database, user_id: int, *, now: dt.datetime | None = None) -> str:
    """A new session for `user_id`; returns the token for the cookie (never stored as such).
    Sessions that have expired or were revoked are removed on the way."""
    now = _now(now)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    with write(db):
        cleanup(db, now=now)
        db["login_sessions"].insert({
            "token_hash": token_hash(token), "user_id": user_id, "created_at": clock.stamp(now),
            "last_seen_at": clock.stamp(now), "expires_at": clock.stamp(now + idle_period()),
        })
    return token


def _row(db: sqlite_utils.Database, token: str):
    return db.execute(
        """select login_sessions.user_id, login_sessions.last_seen_at, login_sessions.expires_at,
                  login_sessions.revoked_at, users.active
           from login_sessions join users on users.id = login_sessions.user_id
           where token_hash = ?""",
        [token_hash(token)],
    ).fetchone()


def resume(db: sqlite_utils.Database, token: str | None, *,
           now: dt.datetime | None = None) -> int | None:
    """The user id of a live session (not expired, not revoked, user active), or None. A live
    session's idle period starts again (written at most once a minute)."""
    if not token:
        return None
    now = _now(now)
    row = _row(db, token)
    if row is None:
        return None
    user_id, last_seen, expires_at, revoked_at, active = row
    if revoked_at or not active or clock.parse(expires_at) <= now:
        return None
    if now - clock.parse(last_seen) >= TOUCH_EVERY:
        with write(db):
            db.execute(
                "update login_sessions set last_seen_at = ?, expires_at = ?"
                " where token_hash = ? and revoked_at is null",
                [clock.stamp(now), clock.stamp(now + idle_period()), token_hash(token)],
            )
    return user_id


def timed_out(db: sqlite_utils.Database, token: str | None, *,
              now: dt.datetime | None = None) -> bool:
    """Whether this session ended by being idle too long (rather than by a logout or not at
    all): the login form then says why."""
    row = _row(db, token) if token else None
    return row is not None and not row[3] and clock.parse(row[2]) <= _now(now)


def end(db: sqlite_utils.Database, token: str | None, *, now: dt.datetime | None = None) -> None:
    """Logout: the session is revoked, in every tab that shares its cookie."""
    if not token:
        return
    with write(db):
        db.execute(
            "update login_sessions set revoked_at = ? where token_hash = ? and revoked_at is null",
            [clock.stamp(_now(now)), token_hash(token)],
        )


def end_all(db: sqlite_utils.Database, user_id: int, *, now: dt.datetime | None = None) -> int:
    """Revoke every open session of a user (deactivation, password change); returns how many."""
    with write(db):
        return db.execute(
            "update login_sessions set revoked_at = ? where user_id = ? and revoked_at is null",
            [clock.stamp(_now(now)), user_id],
        ).rowcount


def end_others(db: sqlite_utils.Database, user_id: int, keep_token: str | None, *,
               now: dt.datetime | None = None) -> int:
    """Revoke every open session of a user but the one holding `keep_token` (one's own
    password change: the tab it was made in stays logged in); returns how many."""
    if not keep_token:
        return end_all(db, user_id, now=now)
    with write(db):
        return db.execute(
            "update login_sessions set revoked_at = ? where user_id = ? and revoked_at is null"
            " and token_hash != ?",
            [clock.stamp(_now(now)), user_id, token_hash(keep_token)],
        ).rowcount


def cleanup(db: sqlite_utils.Database, *, now: dt.datetime | None = None) -> int:
    """Remove sessions that can never resume again; returns how many."""
    with write(db):
        return db.execute(
            "delete from login_sessions where revoked_at is not null or expires_at <= ?",
            [clock.stamp(_now(now))],
        ).rowcount
