"""Position statements and resolutions (uttalelser) and their lifecycle."""

from __future__ import annotations

import sqlite_utils

from .accounts import User


def list_statements(db: sqlite_utils.Database, user: User) -> list[dict]:
    """Adopted and sent statements are the organisation's public voice: everyone reads them.
    Drafts are visible to leadership and to the chapter that wrote them."""
    where, params = "1 = 1", {}
    if not user.is_leader:
        where = "(s.status in ('vedtatt', 'sendt') or s.chapter_id = :chapter)"
        params = {"chapter": user.chapter_id}
    return list(
        db.query(
            f"""select s.id, s.title, s.adopted_by, s.adopted_on, s.status, s.version,
                       c.name as chapter
                from statements s left join chapters c on c.id = s.chapter_id
                where {where}
                order by coalesce(s.adopted_on, s.created_at) desc""",  # noqa: S608
            params,
        )
    )
