"""How many passwords a login may try, per user name and per client.

Every attempt is counted before its password is checked, in one write transaction
(BEGIN IMMEDIATE) that also decides whether the attempt may go on: thirty guesses sent at the
same moment queue for that lock, and once the count reaches the limit the rest are refused
without a password being checked. A right password then takes its own failure back.

Two limits, so that an outsider cannot lock a leader out:
- A known client (its address) that has failed FREE_ATTEMPTS times, whatever names it tried,
  is locked: 30 s, doubling with each further failure, at most CLIENT_MAX_LOCK_SECONDS (an hour).
- A user name gets a growing delay, at most MAX_LOCK_SECONDS (a few minutes): after
  FREE_ATTEMPTS failures for attempts whose client is unknown, and after SPREAD_FREE_ATTEMPTS
  failures (from any number of clients) for attempts from a known client, so five guesses from
  one address do not keep the leader out at another.
Failures are counted for unknown names exactly as for real ones: neither the answer nor the
lock tells whether an account exists. Failures are forgotten a day after the last one, and
names and addresses are cut to MAX_KEY characters, so a flood of long made-up names cannot
fill the database. Leadership lifts both limits for a name (`forgive`).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json

import sqlite_utils

from advocacy import audit, clock, texts
from advocacy.db import write
from advocacy.errors import AdvocacyError

FREE_ATTEMPTS = 5
SPREAD_FREE_ATTEMPTS = 10
MAX_LOCK_SECONDS = 5 * 60
CLIENT_MAX_LOCK_SECONDS = 60 * 60
FORGET = dt.timedelta(days=1)
MAX_KEY = 64  # longer than any user name (accounts.USERNAME_RE) or client address


def client_address(remote_ip: str | None, forwarded_for: str | None,
                   trust_proxy: bool) -> str | None:
    """The address a login attempt comes from, or None where it is not known.

    A direct connection from another machine is known by its address (Streamlit gives none for
    loopback). Behind a reverse proxy on the same machine every attempt arrives from loopback;
    only when the proxy is trusted (`ADVOCACY_TRUST_PROXY=1`) does the last X-Forwarded-For
    entry, the one that proxy added, name the client. A header from a direct connection is
    never read: anyone can write one."""
    if remote_ip:
        return _normalised(remote_ip)
    if not trust_proxy or not forwarded_for:
        return None
    return _normalised(forwarded_for.split(",")[-1])


def _normalised(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip().strip("[]")))
    except ValueError:
        return None


class LoginLocked(AdvocacyError):
    """Too many failed attempts for this user name or from this client; try again later."""

    template = texts.LOGIN_LOCKED

    def __init__(self, seconds: int):
        super().__init__(self.template.format(
            wait=texts.format_minutes(max(1, -(-seconds // 60)))))
        self.seconds = seconds


class ClientLocked(LoginLocked):
    """Too many failed attempts from this client, whichever user names it tried."""

    template = texts.LOGIN_CLIENT_LOCKED


def lock_seconds(failures: int, cap: int = MAX_LOCK_SECONDS) -> int:
    """No wait for the first few mistakes, then 30 s doubling per failure, at most `cap`."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(30 * 2 ** min(failures - FREE_ATTEMPTS, 20), cap)


def _remaining(last: str | None, seconds: int, now: dt.datetime) -> int:
    if not last or not seconds:
        return 0
    until = clock.parse(last) + dt.timedelta(seconds=seconds)
    return max(0, -(-int((until - now).total_seconds() * 1000) // 1000))


def record_attempt(db: sqlite_utils.Database, username: str, client: str | None,
                   now: dt.datetime) -> None:
    """Refuse the attempt (LoginLocked, nothing written) while the client or the name is
    locked; else count it as a failure, in the same transaction. Call before checking the
    password; `succeeded` takes the failure back."""
    username, client = username[:MAX_KEY], client[:MAX_KEY] if client else None
    with write(db):
        forgotten = clock.stamp(now - FORGET)
        db.execute("delete from login_failures where last_failure_at < ?", [forgotten])
        db.execute("delete from login_client_failures where last_failure_at < ?", [forgotten])
        if client:
            total, last = db.execute(
                "select coalesce(sum(failures), 0), max(last_failure_at)"
                " from login_client_failures where client = ?", [client]).fetchone()
            wait = _remaining(last, lock_seconds(total, CLIENT_MAX_LOCK_SECONDS), now)
            if wait:
                raise ClientLocked(wait)
        row = db.execute("select failures, last_failure_at from login_failures"
                         " where username = ?", [username]).fetchone()
        failures, last = row if row else (0, None)
        spread = SPREAD_FREE_ATTEMPTS - FREE_ATTEMPTS if client else 0
        wait = _remaining(last, lock_seconds(failures - spread), now)
        if wait:
            raise LoginLocked(wait)
        failures += 1
        lock = lock_seconds(failures)
        db["login_failures"].upsert(
            {"username": username, "failures": failures, "last_failure_at": clock.stamp(now),
             "locked_until": clock.stamp(now + dt.timedelta(seconds=lock)) if lock else None},
            pk="username",
        )
        if client:
            db.execute(
                """insert into login_client_failures (client, username, failures, last_failure_at)
                   values (?, ?, 1, ?)
                   on conflict (client, username) do update
                   set failures = failures + 1, last_failure_at = excluded.last_failure_at""",
                [client, username, clock.stamp(now)])


def succeeded(db: sqlite_utils.Database, username: str, client: str | None) -> None:
    """A right password: the name's count starts again, and so does this client's for the
    name (its guesses at other names still count)."""
    username, client = username[:MAX_KEY], client[:MAX_KEY] if client else None
    with write(db):
        db.execute("delete from login_failures where username = ?", [username])
        if client:
            db.execute("delete from login_client_failures where client = ? and username = ?",
                       [client, username])


def forgive(db: sqlite_utils.Database, username: str) -> int:
    """Lift the name's delay and every client lock its failures caused; returns how many
    failures were forgiven."""
    with write(db):
        named = db.execute("select coalesce(sum(failures), 0) from login_failures"
                           " where username = ?", [username]).fetchone()[0]
        clients = db.execute("select coalesce(sum(failures), 0) from login_client_failures"
                             " where username = ?", [username]).fetchone()[0]
        db.execute("delete from login_failures where username = ?", [username])
        db.execute("delete from login_client_failures where username = ?", [username])
    return max(named, clients)


def unlock(db: sqlite_utils.Database, acting_id: int | None, user_id: int,
           username: str) -> int:
    """`forgive` for an account, logged in the change log (who lifted whose lock)."""
    with write(db):
        forgiven = forgive(db, username)
        if forgiven:
            audit.record(db, acting_id, "unlock", "users", user_id,
                         json.dumps(["login_failures"]))
    return forgiven


def unlock_by_name(db: sqlite_utils.Database, acting_id: int | None, username: str) -> int:
    """`unlock` for the account called ``username`` (as typed), or `forgive` for a name no
    account has (a mistyped name also counts against the client that typed it). Returns how
    many failures were forgiven; AdvocacyError when the name is unknown and had none."""
    name = username.strip().lower()
    row = db.execute("select id from users where username = ?", [name]).fetchone()
    if row is not None:
        return unlock(db, acting_id, row[0], name)
    forgiven = forgive(db, name)
    if not forgiven:
        raise AdvocacyError(texts.UNLOCK_USER_NOT_FOUND.format(username=username))
    return forgiven


def failures_by_name(db: sqlite_utils.Database) -> dict[str, int]:
    """User name -> failures not yet forgiven, for names that have any (for leadership)."""
    rows = db.execute(
        """select username, max(failures) from (
               select username, failures from login_failures
               union all select username, sum(failures) from login_client_failures
               group by username)
           group by username""").fetchall()
    return {name: n for name, n in rows if n}
