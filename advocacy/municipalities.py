"""The municipalities and their policy profile: levers, dated positions, status.

This module starts with the directory (search and county filter); the status against law and
goal builds on `current_positions`.
"""

from __future__ import annotations

import sqlite_utils

from .texts import municipality_name


def counties(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query("select fylkesnummer, navn from counties order by fylkesnummer"))


def list_municipalities(
    db: sqlite_utils.Database, search: str = "", fylkesnummer: str | None = None
) -> list[dict]:
    """Municipalities in kommunenummer order, filtered by a name or number fragment and county.

    The search matches the official name, the Norwegian form of a Sami name and the number, so
    "Tana", "Deatnu" and "5628" all find the same municipality.
    """
    where, params = ["1 = 1"], []
    search = search.strip()
    if search:
        where.append(
            "(m.navn like :q or coalesce(m.navn_norsk, '') like :q or m.kommunenummer like :q)"
        )
        params.append(("q", f"%{search}%"))
    if fylkesnummer:
        where.append("m.fylkesnummer = :f")
        params.append(("f", fylkesnummer))
    rows = db.query(
        f"""select m.kommunenummer, m.navn, m.navn_norsk, m.fylkesnummer, c.navn as fylke,
                   (select count(distinct p.lever_id) from positions p
                    where p.kommunenummer = m.kommunenummer) as levers_known,
                   (select max(p.decided_on) from positions p
                    where p.kommunenummer = m.kommunenummer) as last_decided
            from municipalities m join counties c using (fylkesnummer)
            where {' and '.join(where)}
            order by m.kommunenummer""",  # noqa: S608 - only fixed fragments are joined
        dict(params),
    )
    return [{**row, "visningsnavn": municipality_name(row["navn"], row["navn_norsk"])}
            for row in rows]


def levers(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query("select * from levers where active = 1 order by sort_order, id"))


def current_positions(db: sqlite_utils.Database, kommunenummer: str) -> list[dict]:
    """The latest recorded value of each lever for one municipality (positions are append-only;
    the current one is the last decided, and of those the last recorded)."""
    return list(
        db.query(
            """select l.id as lever_id, l.name, l.legal_normal, l.legal_max, l.goal, l.unit,
                      p.value, p.decided_on, p.source
               from levers l
               left join positions p on p.id = (
                   select id from positions
                   where kommunenummer = :k and lever_id = l.id
                   order by decided_on desc, id desc limit 1)
               where l.active = 1
               order by l.sort_order, l.id""",
            {"k": kommunenummer},
        )
    )
