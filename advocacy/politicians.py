"""The directory of local politicians and their stances on the organisation's issues."""

from __future__ import annotations

import sqlite_utils

from .accounts import User


def list_politicians(
    db: sqlite_utils.Database,
    user: User,
    search: str = "",
    kommunenummer: str | None = None,
) -> list[dict]:
    """Politicians with party, municipality and role; public information, readable by all roles."""
    where, params = ["1 = 1"], {}
    if search.strip():
        where.append("p.name like :q")
        params["q"] = f"%{search.strip()}%"
    if kommunenummer:
        where.append("p.kommunenummer = :k")
        params["k"] = kommunenummer
    return list(
        db.query(
            f"""select p.id, p.name, coalesce(parties.abbreviation, p.party_text) as party,
                       m.navn as kommune, p.kommunenummer, p.role, p.committee, p.term,
                       p.email, p.phone, p.is_demo
                from politicians p
                join municipalities m using (kommunenummer)
                left join parties on parties.code = p.party_code
                where {' and '.join(where)}
                order by m.navn, p.name""",  # noqa: S608 - only fixed fragments are joined
            params,
        )
    )
