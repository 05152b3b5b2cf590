"""Full-text search over meetings, politicians and documents (SQLite FTS5, see m010).

Each hit says what it is (kind and id; a document also the meeting it belongs to), a title and
a snippet; which page opens it is the search box's business (ui/search_view.py). What a user may read decides what they find: meetings
only in the user's scope, documents as on the letters page, politicians for everyone.
"""

from __future__ import annotations

import re

import sqlite_utils

from advocacy import texts
from advocacy.accounts.accounts import User
from advocacy.permissions import allowed, read_scope

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 8
# Ranking (bm25) costs time for every match: a word found in all 50,000 meetings of a national
# archive took ~50 ms to rank, and ranking says little when everything matches. Past this many
# matches the newest come first instead (rowid order: the FTS index is already in it).
RANK_LIMIT = 2000


def fts_query(text: str) -> str | None:
    """The user's words as an FTS5 query: every word must match, each as a prefix.

    Words are quoted, so FTS5 syntax typed by the user ("OR", "*", quotes, column filters) is
    searched for as text rather than run.
    """
    words = _WORD.findall(text or "")[:MAX_TERMS]
    return " ".join(f'"{w}"*' for w in words) or None


def _snippet(table: str) -> str:
    return f"snippet([{table}_fts], -1, '', '', '…', 14)"


def _order(db: sqlite_utils.Database, table: str, query: str) -> str:
    """Best match first, or newest first when the words are everywhere (see RANK_LIMIT)."""
    found = db.execute(
        f"select count(*) from (select 1 from [{table}_fts] where [{table}_fts] match :q "  # noqa: S608
        f"limit {RANK_LIMIT + 1})", {"q": query}).fetchone()[0]
    return f"[{table}_fts].rowid desc" if found > RANK_LIMIT else "rank"


def search(db: sqlite_utils.Database, user: User, text: str, limit: int = 30) -> list[dict]:
    """Hits, best first within each kind (newest first for words found almost everywhere):
    meetings, then politicians, then documents."""
    query = fts_query(text)
    if query is None:
        return []
    hits: list[dict] = []
    if allowed(user, "meeting.read"):
        where, params = read_scope(user, "meeting.read")
        for row in db.query(
            f"""select mt.id, mt.held_on, m.navn as kommune, c.name as chapter,
                       {_snippet('meetings')} as snippet
                from meetings_fts join meetings mt on mt.rowid = meetings_fts.rowid
                join municipalities m on m.kommunenummer = mt.kommunenummer
                join chapters c on c.id = mt.chapter_id
                where meetings_fts match :q and {where}
                order by {_order(db, "meetings", query)} limit :limit""",  # noqa: S608 - only fixed fragments are joined
            {**params, "q": query, "limit": limit},
        ):
            hits.append({
                "kind": "meeting", "id": row["id"],
                "title": f"{texts.format_date(row['held_on'])}: {row['kommune']} "
                         f"({row['chapter']})",
                "snippet": row["snippet"],
            })
    for row in db.query(
        f"""select p.id, p.name, m.navn as kommune, {_snippet('politicians')} as snippet
            from politicians_fts join politicians p on p.rowid = politicians_fts.rowid
            join municipalities m on m.kommunenummer = p.kommunenummer
            where politicians_fts match :q order by {_order(db, "politicians", query)}
            limit :limit""",  # noqa: S608
        {"q": query, "limit": limit},
    ):
        hits.append({"kind": "politician", "id": row["id"],
                     "title": f"{row['name']} ({row['kommune']})",
                     "snippet": row["snippet"]})
    doc_where, doc_params = read_scope(user, "document.read")
    for row in db.query(
        f"""select d.id, d.kind, d.title, d.meeting_id, {_snippet('documents')} as snippet
            from documents_fts join documents d on d.rowid = documents_fts.rowid
            where documents_fts match :q and {doc_where}
            order by {_order(db, "documents", query)} limit :limit""",  # noqa: S608 - only fixed fragments are joined
        {**doc_params, "q": query, "limit": limit},
    ):
        hits.append({
            "kind": "document", "id": row["id"], "meeting_id": row["meeting_id"],
            "title": f"{texts.DOCUMENT_KINDS.get(row['kind'], row['kind'])}: {row['title']}",
            "snippet": row["snippet"],
        })
    return hits
