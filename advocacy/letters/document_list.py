"""Dokumenter as a long list: search the documents' words, filter by kind, status,
municipality, chapter, author and when they were last changed, sort, page (listing.py does the
work; this says what the list is and which documents the user may read)."""

from __future__ import annotations

import sqlite_utils

from advocacy import texts
from advocacy.accounts.accounts import User
from advocacy.listing import ListQuery, ListSpec, Page, Sort, fetch, nb
from advocacy.permissions import read_scope

SPEC = ListSpec(
    select="""d.id, d.kind, d.title, d.status, d.updated_at, d.sent_on, d.published_on,
              d.kommunenummer, d.chapter_id, d.author_id, u.full_name as author,
              m.navn as kommune, n.name as newspaper, c.name as chapter""",
    source="""documents d
              left join users u on u.id = d.author_id
              left join municipalities m on m.kommunenummer = d.kommunenummer
              left join newspapers n on n.id = d.newspaper_id
              left join chapters c on c.id = d.chapter_id""",
    count_source="documents d",  # the filters and words are all the document's own
    key="d.id",
    sorts={
        "endret": Sort("Sist endret", "d.updated_at", descending=True, ways=texts.NEWEST_FIRST),
        "tittel": Sort("Tittel", nb("d.title"), ways=texts.ALPHABETICAL),
        "type": Sort("Type", "d.kind", ways=texts.ALPHABETICAL),
        "status": Sort("Status", "d.status", ways=texts.ALPHABETICAL),
        "sendt": Sort("Sendt", "d.sent_on", descending=True, ways=texts.NEWEST_FIRST),
    },
    filters={
        "type": "d.kind",
        "status": "d.status",
        "kommune": "d.kommunenummer",
        "lokallag": "d.chapter_id",
        "forfatter": "d.author_id",
    },
    period="d.updated_at",
    # `+`: the matches are a set to test, not the way in; a word found in all 20,000 records
    # then walks the sort's index and stops at the page (16 ms instead of 26 ms sorting them
    # all), and a rare word costs a walk of the index (5 ms instead of 2 ms).
    fts=("documents_fts", "+d.rowid"),
)


def find(db: sqlite_utils.Database, user: User, query: ListQuery) -> Page:
    """The page of documents the user asked for, of those they may read."""
    scope, params = read_scope(user, "document.read")
    return fetch(db, SPEC, query, scope, params)


def authors(db: sqlite_utils.Database, user: User) -> dict[int, str]:
    """Who wrote the documents the user may read (the filter's choices)."""
    scope, params = read_scope(user, "document.read")
    return {r["id"]: r["full_name"] for r in db.query(
        f"""select u.id, u.full_name from users u where u.id in (
                select d.author_id from documents d where {scope})
            order by u.full_name""", params)}  # noqa: S608 - the scope is a fixed fragment
