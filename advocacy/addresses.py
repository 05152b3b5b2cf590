"""Records named in a page's address (`?mote=12`, `?kommune=0301`): whatever text the
address holds, the answer is the record's id or code when the user may see it, else None.

An address is typed, pasted or edited by anyone, so the value is parsed strictly: ASCII digits
only (`int()` takes Unicode digits such as «٣» and raises on «²»), no sign,
no zero, at most SQLite's largest integer. A record that does not exist and one the user may
not see give the same None, so the page cannot tell them apart either.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import sqlite_utils

from advocacy.accounts.accounts import User
from advocacy.errors import AdvocacyError
from advocacy.meetings import meetings
from advocacy.policy import municipalities
from advocacy.politicians import politicians
from advocacy.statements import statement_rows
from advocacy.writing import reader_letters

MAX_ID = 2**63 - 1  # SQLite's integers are signed 64-bit
_DIGITS = re.compile(r"[0-9]{1,19}")
_MUNICIPALITY = re.compile(r"[0-9]{4}")


def record_id(value: object) -> int | None:
    """A record id from an address value, or None for anything that is not one."""
    if not isinstance(value, str) or not _DIGITS.fullmatch(value):
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


def municipality_code(value: object) -> str | None:
    """A kommunenummer (four ASCII digits) from an address value, or None."""
    return value if isinstance(value, str) and _MUNICIPALITY.fullmatch(value) else None


def _meeting(db, user, key) -> None:
    meetings.get_meeting(db, user, key)


def _politician(db, user, key) -> None:
    politicians.get_politician(db, user, key)


def _statement(db, user, key) -> None:
    statement_rows.readable(db, user, key)


def _letter(db, user, key) -> None:
    reader_letters.get_letter(db, user, key)


def _municipality(db, user, key) -> None:
    if municipalities.get_municipality(db, key) is None:
        raise LookupError(key)


# Per address parameter: how its value is parsed and how the record is looked up as the user.
KINDS: dict[str, tuple[Callable[[object], int | str | None], Callable]] = {
    "mote": (record_id, _meeting),
    "politiker": (record_id, _politician),
    "uttalelse": (record_id, _statement),
    "innlegg": (record_id, _letter),
    "kommune": (municipality_code, _municipality),
}


def linked(db: sqlite_utils.Database, user: User, param: str,
           values: list[str]) -> int | str | None:
    """The record an address parameter names (all its values, a repeated parameter too) when
    it exists and the user may see it; None otherwise, whatever the reason."""
    parse, look_up = KINDS[param]
    keys = {parse(value) for value in values}
    if len(keys) != 1:
        return None  # repeated with different values: no one record is named
    key = keys.pop()
    if key is None:
        return None
    try:
        look_up(db, user, key)
    except (AdvocacyError, LookupError):
        return None
    return key
