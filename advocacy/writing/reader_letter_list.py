"""Innlegg as a long list: search the letters' words, filter by status, kind, paper, writer,
municipality, the letters that need me and when they were sent, sort, page (listing.py does the
work; this says what the list is and whose letters the user sees, as letter_lists does).

«Trenger meg» is `letter_lists.needs` said in SQL (NEEDS_ME), so it filters and counts at
national scale; the Norwegian words of what is needed are still worked out in Python, for the
rows of the page shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import sqlite_utils

from advocacy import texts
from advocacy.accounts.accounts import User
from advocacy.listing import ListQuery, ListSpec, Page, Sort, fetch, nb
from advocacy.permissions import allowed
from advocacy.writing.letter_lists import needs, shown, waiting
from advocacy.writing.reader_letters import ORDER

# What `letter_lists.needs` says, as a condition over `d` and the user (:me_*) and :today.
NEEDS_ME = """(case
    when d.status = 'til_vurdering' then :me_leader
    when d.status = 'publisert' then 0
    when not (d.author_id is :me or :me_leader or (:me_role = 'lokallag'
              and d.chapter_id is not null and d.chapter_id is :me_chapter)) then 0
    when :me_leader and d.author_id is not :me then 0
    when d.status = 'sendt' then coalesce(d.exclusive_until <= :today, 0)
    when d.status in ('ide', 'utkast', 'godkjent', 'refusert', 'ingen_svar') then 1
    else 0 end)"""

SPEC = ListSpec(
    select="""d.id, d.kind, d.title, d.status, d.author_id, d.chapter_id, d.sent_on,
              d.exclusive_until, d.published_on, d.link, d.updated_at, d.kommunenummer,
              n.name as newspaper, u.full_name as author, m.navn as kommune""",
    source="""documents d left join newspapers n on n.id = d.newspaper_id
              left join users u on u.id = d.author_id
              left join municipalities m on m.kommunenummer = d.kommunenummer""",
    count_source="documents d",  # the scope, filters and words are the letter's own columns
    key="d.id",
    sorts={
        "endret": Sort("Sist endret", "d.updated_at", descending=True, ways=texts.NEWEST_FIRST),
        "sendt": Sort("Sendt", "d.sent_on", descending=True, ways=texts.NEWEST_FIRST),
        "publisert": Sort("Publisert", "d.published_on", descending=True,
                          ways=texts.NEWEST_FIRST),
        "tittel": Sort("Tittel", nb("d.title"), ways=texts.ALPHABETICAL),
        "avis": Sort("Avis", nb("n.name"), ways=texts.ALPHABETICAL,
                     source="documents d left join newspapers n on n.id = d.newspaper_id"),
    },
    filters={
        "status": "d.status",
        "type": "d.kind",
        "avis": "d.newspaper_id",
        "skribent": "d.author_id",
        "kommune": "d.kommunenummer",
        "trenger_meg": NEEDS_ME,
        "id": "d.id",  # the letters open in the editor, wherever the list stands
    },
    period="d.sent_on",
    fts=("documents_fts", "d.rowid"),
)


def _params(user: User, today: dt.date) -> dict:
    return {"me": user.id, "me_leader": int(allowed(user, "letter.approve")), "me_role": user.role,
            "me_chapter": user.chapter_id, "today": today.isoformat()}


def find(db: sqlite_utils.Database, user: User, query: ListQuery, *, everyone: bool = False,
         today: dt.date | None = None) -> Page:
    """The page of letters the user asked for, of those the Innlegg list shows them, each with
    what it needs of them (`needs`) and what it waits for (`waiting`)."""
    today = today or dt.date.today()
    scope, params = shown(user, everyone=everyone)
    page = fetch(db, SPEC, query, scope, {**params, **_params(user, today)})
    for row in page.rows:
        row["needs"] = needs(user, row, today)
        row["waiting"] = waiting(row, today)
    return page


def needing_me(db: sqlite_utils.Database, user: User, *, everyone: bool = False,
               size: int = 12, today: dt.date | None = None) -> Page:
    """The letters that need this user now, last changed first (the page's «Trenger deg nå»)."""
    return find(db, user, ListQuery(filters={"trenger_meg": 1}, size=size),
                everyone=everyone, today=today)


def letters(db: sqlite_utils.Database, user: User, ids: Iterable[int | None], *,
            everyone: bool = False, today: dt.date | None = None) -> list[dict]:
    """These letters, if the list shows them to the user (the one open in the editor, or named
    in the address, when the filters leave it out)."""
    wanted = sorted({i for i in ids if isinstance(i, int)})
    if not wanted:
        return []
    return find(db, user, ListQuery(filters={"id": wanted}, size=len(wanted)),
                everyone=everyone, today=today).rows


def pipeline_counts(db: sqlite_utils.Database, user: User, *,
                    everyone: bool = False) -> list[dict]:
    """One row per status in pipeline order with how many letters are in it (as
    letter_lists.pipeline_counts, counted in SQL)."""
    scope, params = shown(user, everyone=everyone)
    counts = dict(db.execute(
        f"select d.status, count(*) from documents d where {scope} group by d.status",  # noqa: S608
        params).fetchall())
    return [{"status": s, "label": texts.DOCUMENT_STATUSES[s], "count": counts.get(s, 0)}
            for s in ORDER]


def writers(db: sqlite_utils.Database, user: User, *, everyone: bool = False) -> dict[int, str]:
    """The writers of the letters the list shows the user, by name (the filter's choices)."""
    scope, params = shown(user, everyone=everyone)
    return {r[0]: r[1] for r in db.execute(
        f"""select u.id, u.full_name from users u where u.id in (
                select d.author_id from documents d where {scope})
            order by u.full_name collate nocase, u.id""", params)}  # noqa: S608


def papers(db: sqlite_utils.Database) -> dict[int, str]:
    """Every newspaper by name (the filter's choices)."""
    return {r[0]: r[1] for r in db.execute(
        "select id, name from newspapers order by name collate nocase, id")}
