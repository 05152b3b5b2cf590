"""Who sees which reader letters, and what each one needs next.

A writer sees their own letters (and a chapter member their chapter's: «letter.read» in
permissions); leadership sees every letter, and by default its own. "What needs me" is worked out per letter from its status, the
user and the date: a draft needs its writer, a letter under review needs leadership, a letter
whose exclusive days have run out needs its writer to chase the paper or send it on.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import sqlite_utils

from advocacy import overview, texts
from advocacy.accounts.accounts import User
from advocacy.permissions import allowed, read_scope
from advocacy.writing.reader_letters import KINDS, ORDER


def list_letters(
    db: sqlite_utils.Database, user: User, *, everyone: bool = False,
    today: dt.date | None = None,
) -> list[dict]:
    """Letters with their paper, writer, length of wait and ``needs`` (None: nothing to do)."""
    today = today or dt.date.today()
    where, params = shown(user, everyone=everyone)
    rows = list(db.query(
        f"""select d.id, d.kind, d.title, d.status, d.author_id, d.chapter_id, d.sent_on,
                   d.exclusive_until, d.published_on, d.link, d.updated_at, d.kommunenummer,
                   n.name as newspaper, u.full_name as author, m.navn as kommune
            from documents d
            left join newspapers n on n.id = d.newspaper_id
            left join users u on u.id = d.author_id
            left join municipalities m on m.kommunenummer = d.kommunenummer
            where {where}
            order by d.updated_at desc, d.id desc""",  # noqa: S608 - fixed fragments only
        params))
    for row in rows:
        row["needs"] = needs(user, row, today)
        row["waiting"] = waiting(row, today)
    return rows


def shown(user: User, *, everyone: bool = False) -> tuple[str, dict]:
    """The letters (alias `d`) the Innlegg list shows this user, as SQL: those «letter.read»
    lets them read; for those who review every letter their own, or every one with `everyone`."""
    scope, params = read_scope(user, "letter.read")
    where = [f"d.kind in ({', '.join(repr(k) for k in KINDS)})", scope]
    if not everyone and allowed(user, "letter.approve"):
        where.append("d.author_id = :own")
        params["own"] = user.id
    return " and ".join(where), params


def needs(user: User, row: dict, today: dt.date) -> str | None:
    """What this user should do with this letter now, in Norwegian, or None."""
    status = row["status"]
    if status == "til_vurdering":
        return texts.LETTER_NEEDS["til_vurdering"] if allowed(user, "letter.approve") else None
    if not allowed(user, "document.edit", row) or status == "publisert":
        return None
    if allowed(user, "letter.approve") and row["author_id"] != user.id:
        return None  # leadership reviews; the writer moves their own letter on
    if status == "sendt":
        lapsed = row["exclusive_until"] and today >= dt.date.fromisoformat(row["exclusive_until"])
        return texts.LETTER_NEEDS["sendt_lapsed"] if lapsed else None
    return texts.LETTER_NEEDS.get(status)


def waiting(row: dict, today: dt.date) -> str | None:
    """Which paper a sent letter waits for, and until when (None once the days have run out)."""
    if row["status"] != "sendt" or not row["exclusive_until"]:
        return None
    if today >= dt.date.fromisoformat(row["exclusive_until"]):
        return None
    return texts.LETTER_WAITING.format(paper=row["newspaper"],
                                       until=texts.format_date(row["exclusive_until"]))


def needing_me(db: sqlite_utils.Database, user: User, today: dt.date | None = None) -> list[dict]:
    return [row for row in list_letters(db, user, everyone=allowed(user, "letter.approve"), today=today)
            if row["needs"]]


def pipeline_counts(rows: list[dict]) -> list[dict]:
    """One row per status in pipeline order, with how many letters are in it."""
    counts = Counter(row["status"] for row in rows)
    return [{"status": s, "label": texts.DOCUMENT_STATUSES[s], "count": counts.get(s, 0)}
            for s in ORDER]


def published_per_quarter(db: sqlite_utils.Database) -> list[dict]:
    """The same figure the Oversikt page draws (overview.letters_per_quarter)."""
    return overview.letters_per_quarter(db)


def published_per_paper(db: sqlite_utils.Database) -> list[dict]:
    """Per newspaper: letters sent there, published, refused, no answer; and the share printed."""
    rows = list(db.query(
        """select n.name as newspaper, count(*) as sent,
                  sum(s.outcome = 'publisert') as published,
                  sum(s.outcome = 'refusert') as refused,
                  sum(s.outcome = 'ingen_svar') as no_answer,
                  sum(s.outcome is null) as waiting
           from letter_submissions s join newspapers n on n.id = s.newspaper_id
           group by n.id order by published desc, n.name"""))
    for row in rows:
        answered = row["sent"] - row["waiting"]
        row["share"] = row["published"] / answered if answered else None
    return rows
