"""Uttalelser as a long list: search the words of the statement and who adopted it, filter by
status, lever (sak), municipality, chapter and period, sort, page (listing.py does the work;
this says what the list is and which statements the user may read, as statement_archive does).

The words are searched in statements_fts (m125): title, adopted by, position, grounds,
demands and reservations, every word as a prefix, accents ignored.
"""

from __future__ import annotations

import sqlite_utils

from advocacy import texts
from advocacy.accounts.accounts import User
from advocacy.listing import ListQuery, ListSpec, Page, Sort, fetch, nb
from advocacy.permissions import read_scope

# The date a statement is known by: adopted, else the meeting it was meant for, else written.
DATE = "coalesce(s.adopted_on, s.meeting_date, s.created_at)"

SPEC = ListSpec(
    select="""s.id, s.title, s.adopted_by, s.adopted_on, s.meeting_date, s.status,
               s.version, s.parent_id, s.corrected_at, c.name as chapter,
               (select count(*) from statement_recipients r
                where r.statement_id = s.id) as recipients,
               (select count(*) from statement_responses a
                where a.statement_id = s.id) as responses,
               (select group_concat(l.name, ', ') from statement_levers sl
                join levers l on l.id = sl.lever_id where sl.statement_id = s.id) as levers,
               (select group_concat(m.navn, ', ') from statement_municipalities sm
                join municipalities m on m.kommunenummer = sm.kommunenummer
                where sm.statement_id = s.id) as kommuner""",
    source="statements s left join chapters c on c.id = s.chapter_id",
    count_source="statements s",  # the scope, filters and words are the statement's own
    key="s.id",
    sorts={
        "dato": Sort("Dato", DATE, descending=True, ways=texts.NEWEST_FIRST),
        "tittel": Sort("Tittel", nb("s.title"), ways=texts.ALPHABETICAL),
        "vedtatt_av": Sort("Vedtatt av", "s.adopted_by collate nocase",
                           ways=texts.ALPHABETICAL),
        "lokallag": Sort("Lokallag", nb("c.name"), ways=texts.ALPHABETICAL,
                         source="statements s left join chapters c on c.id = s.chapter_id"),
    },
    filters={
        "status": "s.status",
        "sak": "s.id in (select sl.statement_id from statement_levers sl "
               "where sl.lever_id {v})",
        "kommune": "s.id in (select sm.statement_id from statement_municipalities sm "
                   "where sm.kommunenummer {v})",
        "lokallag": "s.chapter_id",
    },
    period=DATE,
    fts=("statements_fts", "s.rowid"),
)


def find(db: sqlite_utils.Database, user: User, query: ListQuery) -> Page:
    """The page of statements the user asked for, of those they may read."""
    scope, params = read_scope(user, "statement.read")
    return fetch(db, SPEC, query, scope, params)
