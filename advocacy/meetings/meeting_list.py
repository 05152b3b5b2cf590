"""Møter as a long list: search in what was said, filter by municipality, chapter, politician,
kind, period and follow-up state, sort, page (listing.py does the work; this says what the list
is and whose meetings the user may read)."""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from advocacy import texts
from advocacy.accounts.accounts import User
from advocacy.listing import ListQuery, ListSpec, Page, Sort, fetch, nb
from advocacy.meetings.meetings import POLITICIANS_PRESENT
from advocacy.permissions import read_scope

# What a meeting's follow-up stands at, as one code (the filter «Oppfølging»).
FOLLOWUP_STATE = """(case when mt.followup_done_on is not null then 'fulgt_opp'
    when mt.followup_due is null then 'ingen'
    when mt.followup_due < :today then 'forfalt' else 'venter' end)"""

_WITH_KOMMUNE = "meetings mt join municipalities m on m.kommunenummer = mt.kommunenummer"
_WITH_CHAPTER = "meetings mt join chapters c on c.id = mt.chapter_id"

SPEC = ListSpec(
    select=f"""mt.id, mt.held_on, mt.kind, c.name as chapter, m.navn as kommune,
               mt.kommunenummer, mt.summary, mt.followup_due, mt.followup_done_on,
               mt.reply_received_on, {POLITICIANS_PRESENT} as politicians,
               {FOLLOWUP_STATE} as followup_state""",
    source="""meetings mt join chapters c on c.id = mt.chapter_id
              join municipalities m on m.kommunenummer = mt.kommunenummer""",
    count_source="meetings mt",  # the filters and words are all on meetings itself
    key="mt.id",
    sorts={
        "dato": Sort("Dato", "mt.held_on", descending=True, ways=texts.NEWEST_FIRST),
        "kommune": Sort("Kommune", nb("m.navn"), ways=texts.ALPHABETICAL, source=_WITH_KOMMUNE),
        "lokallag": Sort("Lokallag", nb("c.name"), ways=texts.ALPHABETICAL, source=_WITH_CHAPTER),
        "frist": Sort("Oppfølging innen", "mt.followup_due", ways=texts.NEWEST_FIRST),
    },
    filters={
        "kommune": "mt.kommunenummer",
        "lokallag": "mt.chapter_id",
        # `in`, not a correlated `exists`: the politician's few meetings come from their index.
        "politiker": "mt.id in (select x.meeting_id from meeting_politicians x "
                     "where x.politician_id {v})",
        "type": "mt.kind",
        "oppfolging": FOLLOWUP_STATE,
    },
    period="mt.held_on",
    fts=("meetings_fts", "mt.rowid"),
)


def find(db: sqlite_utils.Database, user: User, query: ListQuery,
         today: dt.date | None = None) -> Page:
    """The page of meetings the user asked for, of those they may read."""
    scope, params = read_scope(user, "meeting.read")
    return fetch(db, SPEC, query, scope, {**params,
                                          "today": (today or dt.date.today()).isoformat()})


def politicians_in(db: sqlite_utils.Database, kommunenummer: str | None) -> dict[int, str]:
    """The politicians of one municipality who have been in a meeting (the filter's choices)."""
    if not kommunenummer:
        return {}
    return {r["id"]: r["name"] for r in db.query(
        """select p.id, p.name from politicians p where p.kommunenummer = :k
           and exists (select 1 from meeting_politicians x where x.politician_id = p.id)
           order by p.name""", {"k": kommunenummer})}
