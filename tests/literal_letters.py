"""Literal data the letter tests make themselves (no demo), on top of `people`
(tests/conftest.py): papers, politicians in Drammen and users with a full profile, each made
through the domain functions from the literal rows below."""

from __future__ import annotations

from advocacy.accounts import accounts
from advocacy.accounts.accounts import User
from advocacy.writing import newspapers
from tests.conftest import politician

# name, area, limit of a leserinnlegg, limit of a kronikk, municipalities covered
PAPERS = [
    ("Elvebyen", "Drammen og omegn", 2500, 5000, ["3301"]),
    ("Fjordavisa", "Bergen og omegn", 2300, 3500, ["4601"]),
]

# name, role, party: three politicians of Drammen (3301), highest-ranking first
DRAMMEN_POLITICIANS = [
    ("Anne Ås", "ordforer", "Ap"),
    ("Bjørn Berg", "gruppeleder", "H"),
    ("Cecilie Dal", "kommunestyremedlem", "SV"),
]


def papers(people) -> dict[str, int]:
    """The papers of PAPERS, made by the leader: {name: id}."""
    return {name: newspapers.save_newspaper(people.db, people.leader, {
                "name": name, "area": area, "max_chars_innlegg": innlegg,
                "max_chars_kronikk": kronikk, "kommuner": kommuner})
            for name, area, innlegg, kronikk, kommuner in PAPERS}


def drammen_politicians(people, count: int = 2) -> list[int]:
    """Ids of the first `count` politicians of DRAMMEN_POLITICIANS, made by the leader."""
    return [politician(people.db, people.leader, name, "3301", role=role, party=party)
            for name, role, party in DRAMMEN_POLITICIANS[:count]]


def profiled(people, username: str, full_name: str, role: str, *, title: str, place: str,
             chapter: str | None = None) -> User:
    """One more user, with the title and place a signature is made of."""
    user_id = accounts.create_user(people.db, username, role, "passord123", full_name=full_name,
                                   chapter=chapter, title=title, place=place)
    return accounts.get_user(people.db, user_id)
