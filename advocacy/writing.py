"""Reader letters and other documents: newspapers, the letters themselves, their status."""

from __future__ import annotations

import sqlite_utils

from .accounts import User


def list_newspapers(db: sqlite_utils.Database) -> list[dict]:
    return list(
        db.query(
            """select id, name, area, email, max_chars_innlegg, max_chars_kronikk,
                      language_form, is_demo
               from newspapers order by name"""
        )
    )


def list_documents(db: sqlite_utils.Database, user: User) -> list[dict]:
    """Documents a user may see: leadership all; others their own and their chapter's."""
    where, params = "1 = 1", {}
    if not user.is_leader:
        where = "(d.author_id = :user or (d.chapter_id is not null and d.chapter_id = :chapter))"
        params = {"user": user.id, "chapter": user.chapter_id}
    return list(
        db.query(
            f"""select d.id, d.kind, d.title, d.status, n.name as newspaper,
                       m.navn as kommune, u.full_name as author, d.sent_on, d.published_on,
                       d.link, d.updated_at
                from documents d
                left join newspapers n on n.id = d.newspaper_id
                left join municipalities m on m.kommunenummer = d.kommunenummer
                left join users u on u.id = d.author_id
                where {where}
                order by d.updated_at desc, d.id desc""",  # noqa: S608 - fixed fragments only
            params,
        )
    )
