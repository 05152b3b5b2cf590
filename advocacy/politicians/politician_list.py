"""Politikere as a long list: search by name (case and accents folded, æøå kept), filter by
county, municipality, party and role, sort, page (listing.py does the work). The directory is
public information: everyone who may open the page reads all of it."""

from __future__ import annotations

import sqlite_utils

from advocacy import texts
from advocacy.accounts.accounts import User
from advocacy.listing import ListQuery, ListSpec, Page, Sort, fetch, nb
from advocacy.permissions import ensure_permission

_COUNTED = "politicians p join municipalities m on m.kommunenummer = p.kommunenummer"
# Ties within a municipality or party go by name: one text sorts both ways (char(31) sorts
# before any letter).
SPEC = ListSpec(
    select="""p.id, p.name, p.party_code, p.party_text,
              coalesce(parties.abbreviation, p.party_text) as party, parties.name as party_name,
              p.kommunenummer, m.navn as kommune, m.fylkesnummer, c.navn as fylke, p.role,
              p.committee, p.term, p.email, p.phone, p.in_office""",
    source="""politicians p
              join municipalities m on m.kommunenummer = p.kommunenummer
              join counties c on c.fylkesnummer = m.fylkesnummer
              left join parties on parties.code = p.party_code""",
    count_source=_COUNTED,
    key="p.id",
    sorts={
        "kommune": Sort("Kommune", (nb("m.navn"), nb("p.name")), ways=texts.ALPHABETICAL),
        "navn": Sort("Navn", nb("p.name"), ways=texts.ALPHABETICAL),
        "parti": Sort("Parti", ("coalesce(parties.abbreviation, p.party_text, '')", nb("p.name")),
                      ways=texts.ALPHABETICAL,
                      source=f"{_COUNTED} left join parties on parties.code = p.party_code"),
        "rolle": Sort("Rolle", ("coalesce(p.role, '')", nb("p.name")), ways=texts.ALPHABETICAL),
    },
    filters={
        "fylke": "m.fylkesnummer",
        "kommune": "p.kommunenummer",
        "parti": "(p.party_code {v} or p.party_text {v})",
        "rolle": "p.role",
    },
    fts=("politicians_fts", "p.rowid"),
)


def find(db: sqlite_utils.Database, user: User, query: ListQuery) -> Page:
    """The page of politicians the user asked for (everyone reads the whole directory)."""
    ensure_permission(user, "politician.read")
    return fetch(db, SPEC, query)
