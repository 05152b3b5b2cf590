"""Unsaved text, kept per user and record so that nothing typed is lost.

A page stores what is on the screen each time a field changes (`keep`), reads it back when the
record is opened again in a new session or after its widgets were dropped (`restore`), and
forgets it when the record is saved or the user throws the draft away (`drop`). The key names
the record: 'innlegg:12', 'uttalelse:new', 'mote:7', 'dokument:ny'. A draft belongs to its
user alone (the foreign key removes it with the user); nobody else reads it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from advocacy import clock, texts
from advocacy.accounts.accounts import User
from advocacy.db import write
from advocacy.errors import ValidationError

KEY = re.compile(r"^[a-z_]{1,40}:[A-Za-z0-9_.-]{1,80}$")
# The draft keys of each table's records (the pages' names for them).
RECORD_KEYS = {"meetings": ("mote",), "documents": ("innlegg", "oppfolgingsbrev"),
               "statements": ("uttalelse",)}
MAX_BYTES = 512_000  # generous for a letter or a statement; stops a runaway payload
_DATE = "$date"  # JSON has no date: a date travels as {"$date": "2026-12-01"}


@dataclass(frozen=True)
class Draft:
    values: dict[str, Any]
    updated_at: dt.datetime  # UTC


def _checked_key(key: str) -> str:
    if not isinstance(key, str) or not KEY.match(key):
        raise ValidationError(texts.DRAFT_KEY_INVALID.format(key=key))
    return key


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return {_DATE: value.isoformat()}
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {_DATE}:
            return dt.date.fromisoformat(value[_DATE])
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def _now() -> str:
    return clock.stamp()


def keep(db: sqlite_utils.Database, user: User, key: str, values: dict[str, Any]) -> None:
    """Store (or replace) this user's unsaved values for the record `key`."""
    key = _checked_key(key)
    payload = json.dumps(_encode(dict(values)), ensure_ascii=False, sort_keys=True)
    if len(payload.encode("utf-8")) > MAX_BYTES:
        raise ValidationError(texts.DRAFT_TOO_LARGE.format(kb=MAX_BYTES // 1000))
    with write(db):
        db.execute(
            "insert into drafts (user_id, record_key, payload, updated_at) values (?, ?, ?, ?) "
            "on conflict (user_id, record_key) do update set payload = excluded.payload, "
            "updated_at = excluded.updated_at",
            [user.id, key, payload, _now()])


def find(db: sqlite_utils.Database, user: User, key: str) -> Draft | None:
    """The stored draft with the time it was kept, or None."""
    row = db.execute("select payload, updated_at from drafts where user_id = ? and record_key = ?",
                     [user.id, _checked_key(key)]).fetchone()
    if row is None:
        return None
    try:
        values = _decode(json.loads(row[0]))
    except (ValueError, TypeError):  # a damaged row is no draft; it must not block the record
        return None
    if not isinstance(values, dict):
        return None
    return Draft(values, clock.parse(row[1]))


def restore(db: sqlite_utils.Database, user: User, key: str) -> dict[str, Any] | None:
    """This user's unsaved values for `key`, or None."""
    draft = find(db, user, key)
    return draft.values if draft else None


def drop(db: sqlite_utils.Database, user: User, key: str) -> None:
    """Forget the draft (the record was saved, or the user threw the text away)."""
    key = _checked_key(key)
    with write(db):
        db.execute("delete from drafts where user_id = ? and record_key = ?", [user.id, key])


def drop_for_record(db: sqlite_utils.Database, table: str, row_id: int) -> None:
    """Forget every user's draft of a record that is removed: its number may be given to a
    new record, which must not open with someone's old text."""
    keys = [f"{prefix}:{row_id}" for prefix in RECORD_KEYS.get(table, ())]
    if keys:
        with write(db):
            db.execute("delete from drafts where record_key in (select value from json_each(?))",
                       [json.dumps(keys)])
