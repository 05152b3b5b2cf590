"""One follow-up letter to several attendees, or one letter each: real .docx files reopened
with python-docx."""

import datetime as dt
import io

import pytest
from docx import Document

from advocacy.errors import ValidationError
from advocacy.meetings import followup_letters, meetings
from advocacy.meetings.meetings import MeetingInput

TODAY = dt.date(2026, 3, 20)


def _paragraphs(docx: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(docx)).paragraphs]


@pytest.fixture
def three(demo_db):
    return [r[0] for r in demo_db.execute(
        "select id from politicians where kommunenummer = '3301' order by id limit 3")]


@pytest.fixture
def meeting_id(demo_db, chapter_member, three):
    return meetings.create_meeting(demo_db, chapter_member, MeetingInput(
        held_on=dt.date(2026, 3, 12), kind="mote", chapter_id=None, kommunenummer="3301",
        politician_ids=three, summary="Vi snakket om skjenketider.", topics="skjenketider",
        asks="Ikke utvid skjenketiden"), today=TODAY)


def _names(db, ids):
    return [db["politicians"].get(i)["name"] for i in ids]


def _ordered(db, chapter_member, meeting_id, ids):
    """The ids in the letter's order: the domain puts the highest-ranking first."""
    present = meetings.get_meeting(db, chapter_member, meeting_id)["politicians"]
    rank = followup_letters._ROLE_RANK
    pos = {p["id"]: n for n, p in enumerate(present)}
    roles = {p["id"]: p["role"] for p in present}
    return sorted(ids, key=lambda i: (rank.index(roles[i]), pos[i]))


def test_one_letter_addressed_to_all(demo_db, chapter_member, meeting_id, three):
    made = followup_letters.create_letters(demo_db, chapter_member, meeting_id, three,
                                           together=True, today=TODAY)
    assert len(made) == 1
    a, b, c = _names(demo_db, _ordered(demo_db, chapter_member, meeting_id, three))
    text = _paragraphs(followup_letters.render_letter(demo_db, chapter_member, made[0]))
    assert f"{a}, {b} og {c}" in text  # the address block
    assert f"Kjære {a}, {b} og {c}" in text
    assert not any(line.startswith("Kopi:") for line in text)  # all are addressees
    listed = followup_letters.letters_for_meeting(demo_db, chapter_member, meeting_id)
    assert listed[0]["recipient"] == f"{a}, {b} og {c}"


def test_two_of_three_together_copy_the_third(demo_db, chapter_member, meeting_id, three):
    made = followup_letters.create_letters(demo_db, chapter_member, meeting_id, three[:2],
                                           together=True, today=TODAY)
    a, b = _names(demo_db, _ordered(demo_db, chapter_member, meeting_id, three[:2]))
    text = _paragraphs(followup_letters.render_letter(demo_db, chapter_member, made[0]))
    assert f"Kjære {a} og {b}" in text
    assert f"Kopi: {_names(demo_db, three[2:])[0]}" in text


def test_one_letter_each(demo_db, chapter_member, meeting_id, three):
    made = followup_letters.create_letters(demo_db, chapter_member, meeting_id, three,
                                           together=False, today=TODAY)
    assert len(made) == 3
    names = _names(demo_db, three)
    seen = set()
    for letter_id in made:
        letter = followup_letters.get_letter(demo_db, chapter_member, letter_id)
        name = letter["fields"]["mottaker_navn"]
        assert demo_db["politicians"].get(letter["politician_id"])["name"] == name
        text = _paragraphs(followup_letters.render_letter(demo_db, chapter_member, letter_id))
        assert f"Kjære {name}" in text
        others = [n for n in names if n != name]
        kopi = next(line for line in text if line.startswith("Kopi: "))
        assert sorted(kopi.removeprefix("Kopi: ").split(" og ")) == sorted(others)
        seen.add(name)
    assert seen == set(names)


@pytest.mark.parametrize("chosen", [[], [999_999]])
@pytest.mark.parametrize("together", [True, False])
def test_no_or_absent_recipients_are_refused_and_nothing_written(demo_db, chapter_member,
                                                                 meeting_id, chosen, together):
    before = demo_db["documents"].count
    with pytest.raises(ValidationError) as refused:
        followup_letters.create_letters(demo_db, chapter_member, meeting_id, chosen,
                                        together=together)
    assert refused.value.field == "recipients"
    assert refused.value.message.startswith(("Mottakere:", "Mottakeren var ikke"))
    assert demo_db["documents"].count == before


def test_one_absent_among_several_refuses_them_all(demo_db, chapter_member, meeting_id, three):
    before = demo_db["documents"].count
    with pytest.raises(ValidationError, match="ikke til stede"):
        followup_letters.create_letters(demo_db, chapter_member, meeting_id,
                                        [three[0], 999_999], together=False)
    assert demo_db["documents"].count == before
