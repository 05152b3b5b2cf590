"""One follow-up letter to several attendees, or one letter each: real .docx files reopened
with python-docx."""

import datetime as dt
import io

import pytest
from docx import Document

from advocacy.errors import ValidationError
from advocacy.meetings import followup_letters
from tests.literal_letters import drammen_politicians
from tests.literal_records import meeting

TODAY = dt.date(2026, 3, 20)


def _paragraphs(docx: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(docx)).paragraphs]


@pytest.fixture
def three(people):
    """Anne Ås (ordfører), Bjørn Berg (gruppeleder), Cecilie Dal (kommunestyremedlem)."""
    return drammen_politicians(people, 3)


@pytest.fixture
def meeting_id(people, three):
    return meeting(people.db, people.member, "2026-03-12", "3301", three,
                   "Vi snakket om skjenketider.", topics="skjenketider",
                   asks="Ikke utvid skjenketiden", today=TODAY)


def test_one_letter_addressed_to_all(people, meeting_id, three):
    db, member = people.db, people.member
    made = followup_letters.create_letters(db, member, meeting_id, three,
                                           together=True, today=TODAY)
    assert len(made) == 1
    text = _paragraphs(followup_letters.render_letter(db, member, made[0]))
    assert "Anne Ås, Bjørn Berg og Cecilie Dal" in text  # the address block
    assert "Kjære Anne Ås, Bjørn Berg og Cecilie Dal" in text
    assert not any(line.startswith("Kopi:") for line in text)  # all are addressees
    listed = followup_letters.letters_for_meeting(db, member, meeting_id)
    assert listed[0]["recipient"] == "Anne Ås, Bjørn Berg og Cecilie Dal"


def test_highest_ranking_first_whatever_the_order_chosen(people, meeting_id, three):
    db, member = people.db, people.member
    made = followup_letters.create_letters(db, member, meeting_id, three[::-1],
                                           together=True, today=TODAY)
    text = _paragraphs(followup_letters.render_letter(db, member, made[0]))
    assert "Kjære Anne Ås, Bjørn Berg og Cecilie Dal" in text


def test_two_of_three_together_copy_the_third(people, meeting_id, three):
    db, member = people.db, people.member
    made = followup_letters.create_letters(db, member, meeting_id, three[:2],
                                           together=True, today=TODAY)
    text = _paragraphs(followup_letters.render_letter(db, member, made[0]))
    assert "Kjære Anne Ås og Bjørn Berg" in text
    assert "Kopi: Cecilie Dal" in text


def test_one_letter_each(people, meeting_id, three):
    db, member = people.db, people.member
    made = followup_letters.create_letters(db, member, meeting_id, three,
                                           together=False, today=TODAY)
    assert len(made) == 3
    names = ["Anne Ås", "Bjørn Berg", "Cecilie Dal"]
    seen = set()
    for letter_id in made:
        letter = followup_letters.get_letter(db, member, letter_id)
        name = letter["fields"]["mottaker_navn"]
        assert db["politicians"].get(letter["politician_id"])["name"] == name
        text = _paragraphs(followup_letters.render_letter(db, member, letter_id))
        assert f"Kjære {name}" in text
        others = [n for n in names if n != name]
        kopi = next(line for line in text if line.startswith("Kopi: "))
        assert sorted(kopi.removeprefix("Kopi: ").split(" og ")) == sorted(others)
        seen.add(name)
    assert seen == set(names)


@pytest.mark.parametrize("chosen", [[], [999_999]])
@pytest.mark.parametrize("together", [True, False])
def test_no_or_absent_recipients_are_refused_and_nothing_written(people, meeting_id, chosen,
                                                                 together):
    db = people.db
    before = db["documents"].count
    with pytest.raises(ValidationError) as refused:
        followup_letters.create_letters(db, people.member, meeting_id, chosen,
                                        together=together)
    assert refused.value.field == "recipients"
    assert refused.value.message.startswith(("Mottakere:", "Mottakeren var ikke"))
    assert db["documents"].count == before


def test_one_absent_among_several_refuses_them_all(people, meeting_id, three):
    db = people.db
    before = db["documents"].count
    with pytest.raises(ValidationError, match="ikke til stede"):
        followup_letters.create_letters(db, people.member, meeting_id,
                                        [three[0], 999_999], together=False)
    assert db["documents"].count == before
