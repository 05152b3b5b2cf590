"""Literal records a test makes itself through the domain functions, on `people`
(tests/conftest.py): meetings, newspapers and reader letters. No demo data."""

from __future__ import annotations

import datetime as dt

from advocacy.accounts import accounts
from advocacy.meetings import meetings
from advocacy.meetings.meetings import MeetingInput
from advocacy.writing import letter_sending, newspapers, reader_letters

LETTER_TEXT = "Bystyret bør holde fast ved skjenketiden klokka 02."


def meeting(db, user, held_on, kommunenummer, politician_ids, summary, *, kind="mote",
            chapter_id=None, today=None, **more) -> int:
    """A meeting made through `meetings.create_meeting` from literal fields."""
    return meetings.create_meeting(db, user, MeetingInput(
        held_on=dt.date.fromisoformat(held_on) if isinstance(held_on, str) else held_on,
        kind=kind, chapter_id=chapter_id, kommunenummer=kommunenummer,
        politician_ids=politician_ids, summary=summary, **more), today=today)


def paper(db, leader, name, kommuner=()) -> int:
    """A newspaper made through `newspapers.save_newspaper`."""
    return newspapers.save_newspaper(db, leader, {"name": name, "area": name,
                                                  "kommuner": list(kommuner)})


def sent_letter(db, writer, leader, paper_id, title, sent_on, *, text=LETTER_TEXT,
                kind="leserinnlegg") -> int:
    """A reader letter written by `writer`, approved by `leader` and sent to `paper_id`."""
    doc = reader_letters.new_letter(db, writer, title=title, text=text, kind=kind)
    reader_letters.move(db, writer, doc, "til_vurdering")
    reader_letters.move(db, leader, doc, "godkjent")
    letter_sending.send(db, writer, doc, paper_id, sent_on=dt.date.fromisoformat(sent_on))
    return doc


def published_letter(db, writer, leader, paper_id, title, sent_on, published_on, **more) -> int:
    """`sent_letter`, then published by the paper on `published_on`."""
    doc = sent_letter(db, writer, leader, paper_id, title, sent_on, **more)
    letter_sending.record_answer(db, writer, doc, "publisert",
                                 on=dt.date.fromisoformat(published_on))
    return doc


def chapter_writer(people):
    """A writing-group user of Lag Drammen («Wenche Writer»): the group reads its chapter's
    reader letters and op-eds, never its follow-up letters."""
    user_id = accounts.create_user(people.db, "skriverdrammen", "skrivegruppe", "passord123",
                                   full_name="Wenche Writer", chapter="Lag Drammen")
    return accounts.get_user(people.db, user_id)
