"""The one way a moment is stored: UTC, ISO 8601, whole seconds, «Z» — `2026-12-02T13:20:05Z`.

Every stored moment (`created_at`, `updated_at`, `recorded_at`, an audit row's `at`, a
session's expiry …) is written by `stamp()` in Python or `SQL_NOW` in SQL (the schema's
column defaults say the same), read back by `parse()`, and shown in Norwegian time by
`texts.format_timestamp`/`format_datetime`. One fixed-width format compares and sorts as text
in time order, so SQL compares stored moments with `stamp(...)` parameters directly.
Dates (`held_on`, `sent_on`: `YYYY-MM-DD`) and the local times a user types (an event's
`starts_at`) are not moments and keep their own forms.
"""

from __future__ import annotations

import datetime as dt
import re

FORMAT = "%Y-%m-%dT%H:%M:%SZ"
SQL_NOW = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
PATTERN = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def now() -> dt.datetime:
    """This moment in UTC, to the second (what `stamp` keeps of it)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def stamp(moment: dt.datetime | None = None) -> str:
    """`moment` (default: now) as stored. A naive datetime is read as local time, as
    `datetime.astimezone` does; fractions of a second are dropped."""
    return (moment or now()).astimezone(dt.UTC).strftime(FORMAT)


def parse(text: str) -> dt.datetime:
    """A stored moment as an aware UTC datetime; anything but the one format is a ValueError."""
    return dt.datetime.strptime(text, FORMAT).replace(tzinfo=dt.UTC)
