"""The newspapers register: where reader letters go, how long they may be, in which language form.

A newspaper has a name, a described area and the municipalities it covers (so a letter about a
municipality can suggest its local papers), the editorial e-mail, the maximum length of a
leserinnlegg and of a kronikk in characters including spaces (counted as in char_count), its
language form, how many days a letter is normally exclusive to it, and notes. Everybody reads the
register; leadership edits it. The letters themselves: reader_letters and document_records.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import sqlite_utils

from advocacy import texts
from advocacy.accounts.accounts import User
from advocacy.db import write
from advocacy.errors import ValidationError
from advocacy.permissions import ensure_permission
from advocacy.policy.municipality_codes import MunicipalityIndex

LANGUAGE_FORMS = ("bokmål", "nynorsk")
DEFAULT_EXCLUSIVE_DAYS = 14
MIN_CHARS, MAX_CHARS = 300, 30_000
_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")


def list_newspapers(db: sqlite_utils.Database, kommunenummer: str | None = None) -> list[dict]:
    """Every paper by name, with the municipalities it covers; only those covering one
    municipality first when ``kommunenummer`` is given (the local papers come first)."""
    rows = list(db.query(
        """select n.id, n.name, n.area, n.email, n.max_chars_innlegg, n.max_chars_kronikk,
                  n.language_form, n.exclusive_days, n.notes, n.is_demo,
                  (select group_concat(kommunenummer, ',') from (
                       select kommunenummer from newspaper_municipalities
                       where newspaper_id = n.id order by kommunenummer)) as kommuner
           from newspapers n order by n.name"""))
    for row in rows:
        row["kommuner"] = row["kommuner"].split(",") if row["kommuner"] else []
    if kommunenummer:
        rows.sort(key=lambda r: kommunenummer not in r["kommuner"])
    return rows


def get_newspaper(db: sqlite_utils.Database, newspaper_id: int) -> dict:
    row = next((r for r in list_newspapers(db) if r["id"] == newspaper_id), None)
    if row is None:
        raise ValidationError(texts.NEWSPAPER_NOT_FOUND.format(id=newspaper_id))
    return row


def max_chars(newspaper: Mapping[str, Any] | None, kind: str) -> int | None:
    """The paper's limit for this kind of piece: a kronikk has its own, else the innlegg one."""
    if not newspaper:
        return None
    if kind == "kronikk":
        return newspaper.get("max_chars_kronikk") or None
    return newspaper.get("max_chars_innlegg") or None


def exclusive_days(newspaper: Mapping[str, Any] | None) -> int:
    return (newspaper or {}).get("exclusive_days") or DEFAULT_EXCLUSIVE_DAYS


def save_newspaper(
    db: sqlite_utils.Database,
    user: User,
    values: Mapping[str, Any],
    *,
    newspaper_id: int | None = None,
) -> int:
    """Add (no id) or change a newspaper. Leadership only; everything checked before writing.

    ``values``: name, area, email, max_chars_innlegg, max_chars_kronikk, language_form,
    exclusive_days, notes, kommuner (municipality numbers or names; resolved, unknown refused).
    """
    ensure_permission(user, "newspaper.manage")
    row = _clean(values)
    knrs = _municipalities(db, values.get("kommuner") or [])
    with write(db):
        taken = db.execute("select id from newspapers where name = ? collate nocase",
                           [row["name"]]).fetchone()
        if taken and taken[0] != newspaper_id:
            raise ValidationError(texts.NEWSPAPER_NAME_TAKEN.format(name=row["name"]))
        if newspaper_id is None:
            newspaper_id = db["newspapers"].insert(row).last_pk
        else:
            if not db.execute("select 1 from newspapers where id = ?", [newspaper_id]).fetchone():
                raise ValidationError(texts.NEWSPAPER_NOT_FOUND.format(id=newspaper_id))
            db["newspapers"].update(newspaper_id, row)
        db.execute("delete from newspaper_municipalities where newspaper_id = ?", [newspaper_id])
        db["newspaper_municipalities"].insert_all(
            [{"newspaper_id": newspaper_id, "kommunenummer": k} for k in knrs])
    return newspaper_id


def delete_newspaper(db: sqlite_utils.Database, user: User, newspaper_id: int) -> None:
    """Remove a paper nobody has sent to; one with letters keeps their history and stays."""
    ensure_permission(user, "newspaper.manage")
    with write(db):
        used = db.execute(
            "select (select count(*) from documents where newspaper_id = :n)"
            " + (select count(*) from letter_submissions where newspaper_id = :n)",
            {"n": newspaper_id}).fetchone()[0]
        if used:
            raise ValidationError(texts.NEWSPAPER_IN_USE.format(n=used))
        db.execute("delete from newspapers where id = ?", [newspaper_id])


def _clean(values: Mapping[str, Any]) -> dict:
    name = str(values.get("name") or "").strip()
    if not name:
        raise ValidationError(texts.NEWSPAPER_NAME_REQUIRED)
    email = str(values.get("email") or "").strip() or None
    if email and not _EMAIL.match(email):
        raise ValidationError(texts.NEWSPAPER_EMAIL_INVALID.format(value=email))
    form = str(values.get("language_form") or "bokmål").strip().lower()
    if form not in LANGUAGE_FORMS:
        raise ValidationError(texts.NEWSPAPER_FORM_INVALID.format(value=form))
    row = {"name": name[:120], "area": str(values.get("area") or "").strip() or None,
           "email": email, "language_form": form,
           "notes": str(values.get("notes") or "").strip() or None}
    for column, label in (("max_chars_innlegg", texts.NEWSPAPER_LIMIT_INNLEGG),
                          ("max_chars_kronikk", texts.NEWSPAPER_LIMIT_KRONIKK)):
        row[column] = _whole(values.get(column), label, MIN_CHARS, MAX_CHARS)
    row["exclusive_days"] = _whole(values.get("exclusive_days"), texts.NEWSPAPER_EXCLUSIVE_DAYS,
                                   1, 90)
    return row


def _whole(value: Any, label: str, low: int, high: int) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(str(value).replace(" ", "").replace("\u00a0", ""))
    except ValueError:
        raise ValidationError(texts.NEWSPAPER_NUMBER_INVALID.format(
            field=label, value=value, low=low, high=high)) from None
    if not low <= number <= high:
        raise ValidationError(texts.NEWSPAPER_NUMBER_INVALID.format(
            field=label, value=value, low=low, high=high))
    return number


def _municipalities(db: sqlite_utils.Database, given: Iterable[str]) -> list[str]:
    """Numbers or names through the one resolver; its message names the bad value."""
    values = [str(v).strip() for v in given if str(v).strip()]
    if not values:
        return []
    index = MunicipalityIndex(db)
    return list(dict.fromkeys(index.resolve(value).kommunenummer for value in values))
