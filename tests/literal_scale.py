"""Literal data the national-scale tests make themselves (no demo), on top of `people`
(tests/conftest.py): a small directory and four meetings with their follow-ups, each made
through the domain functions from the literal rows below."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from tests.conftest import politician
from tests.literal_letters import drammen_politicians
from tests.literal_records import meeting

# name, role, party: four politicians of Bergen (4601)
BERGEN_POLITICIANS = [
    ("Dina Fjell", "ordforer", "KrF"),
    ("Eirik Fos", "gruppeleder", "Ap"),
    ("Frida Gran", "kommunestyremedlem", "H"),
    ("Geir Haug", "kommunestyremedlem", "SV"),
]


def directory(people) -> SimpleNamespace:
    """Seven politicians made by the leader: `.drammen` (Anne Ås, Bjørn Berg, Cecilie Dal in
    3301) and `.bergen` (BERGEN_POLITICIANS in 4601), ids in the order of the literal rows."""
    drammen = drammen_politicians(people, 3)
    bergen = [politician(people.db, people.leader, name, "4601", role=role, party=party)
              for name, role, party in BERGEN_POLITICIANS]
    return SimpleNamespace(drammen=drammen, bergen=bergen)


# days before `today` held, days after `today` the follow-up is due, summary: Lag Drammen's
# three meetings (logged by its member, with the Drammen politicians at the given indexes),
# then Lag Bergen's one (logged by the leader, with Dina Fjell)
MEETINGS = [
    (40, -10, "Om skjenketider", [0]),
    (20, 10, "Om kontroller", [0, 1]),
    (10, 40, "Om bevillinger", [2]),
]
BERGEN_MEETING = (5, 20, "Om Bergen")


def followup_meetings(people, today: dt.date) -> SimpleNamespace:
    """`directory`, and the four meetings of MEETINGS and BERGEN_MEETING: `.ids` in that order,
    `.politicians` (the directory)."""
    found = directory(people)
    ids = [meeting(people.db, people.member, today - dt.timedelta(days=held), "3301",
                   [found.drammen[i] for i in present], summary, chapter_id=people.drammen,
                   followup_due=today + dt.timedelta(days=due), today=today)
           for held, due, summary, present in MEETINGS]
    held, due, summary = BERGEN_MEETING
    ids.append(meeting(people.db, people.leader, today - dt.timedelta(days=held), "4601",
                       [found.bergen[0]], summary, chapter_id=people.bergen,
                       followup_due=today + dt.timedelta(days=due), today=today))
    return SimpleNamespace(ids=ids, politicians=found)
