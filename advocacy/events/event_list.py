"""Kalender's list of activities as a long list: search title, place and who is responsible
(case and accents folded), filter by kind, chapter, campaign, upcoming or past and a period,
sort, page (listing.py does the work). Everyone reads the calendar."""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from advocacy import texts
from advocacy.accounts.accounts import User
from advocacy.events.events import event_item
from advocacy.listing import ListQuery, ListSpec, Page, Sort, fetch, nb
from advocacy.permissions import ensure_permission

EVERY = 20_000  # the .ics of a list: all that match, up to a national calendar's size

SPEC = ListSpec(
    select="""e.id, e.kind, e.title, e.starts_at, e.ends_at, e.place, e.description,
              e.responsible, e.chapter_id, ch.name as chapter, e.campaign_id,
              c.title as campaign""",
    source="""events e left join chapters ch on ch.id = e.chapter_id
              left join campaigns c on c.id = e.campaign_id""",
    count_source="events e",
    key="e.id",
    sorts={
        "dato": Sort("Dato", "e.starts_at", ways=texts.NEWEST_FIRST),
        "tittel": Sort("Tittel", nb("e.title"), ways=texts.ALPHABETICAL),
        "type": Sort("Type", "e.kind", ways=texts.ALPHABETICAL),
        "lokallag": Sort("Lokallag", nb("ch.name"), ways=texts.ALPHABETICAL,
                         source="events e left join chapters ch on ch.id = e.chapter_id"),
        "sted": Sort("Sted", nb("e.place"), ways=texts.ALPHABETICAL),
    },
    filters={
        "type": "e.kind",
        "lokallag": "e.chapter_id",
        "kampanje": "e.campaign_id",
        # ISO text: a date alone ("2026-05-02") and a time ("2026-05-02T11:00") both sort
        # from the day's start.
        "nar": "(case when e.starts_at >= :today then 'kommende' else 'tidligere' end)",
    },
    period="e.starts_at",
    fts=("events_fts", "e.rowid"),
)


def find(db: sqlite_utils.Database, user: User, query: ListQuery,
         today: dt.date | None = None) -> Page:
    """The page of events the user asked for (everyone reads the calendar)."""
    ensure_permission(user, "event.read")
    return fetch(db, SPEC, query, "1 = 1",
                 {"today": (today or dt.date.today()).isoformat()})


def items(rows: list[dict]) -> list[dict]:
    """The rows as calendar items (the table's, the .ics file's and the edit forms' shape)."""
    return [event_item(row) for row in rows]


def every_item(db: sqlite_utils.Database, user: User, query: ListQuery,
               today: dt.date | None = None) -> list[dict]:
    """All events that match, not one page: the .ics file of the list."""
    whole = ListQuery(**{**query.__dict__, "page": 1, "size": EVERY})
    return items(find(db, user, whole, today).rows)
