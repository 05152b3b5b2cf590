"""Hostile free texts in meetings and follow-up letters: refused by label, nothing written."""

import datetime as dt
import io

import pytest
from docx import Document

from advocacy import texts
from advocacy.errors import AdvocacyError
from advocacy.meetings import followup_letters, meetings
from advocacy.meetings.meetings import MeetingInput
from tests.literal_letters import drammen_politicians

TODAY = dt.date(2026, 3, 20)


def _input(people, **changes) -> MeetingInput:
    data = dict(held_on=dt.date(2026, 3, 12), kind="mote", chapter_id=None,
                kommunenummer="3301", politician_ids=drammen_politicians(people),
                summary="Kort møte.")
    data.update(changes)
    return MeetingInput(**data)


@pytest.mark.parametrize(("field", "noun"), [("summary", "Sammendraget"),
                                             ("promises", "«Det som ble lovet eller avtalt»")])
def test_a_pasted_book_is_refused_with_the_fields_name(people, field, noun):
    with pytest.raises(AdvocacyError) as refused:
        meetings.create_meeting(people.db, people.member,
                                _input(people, **{field: "Ord " * 30_000}), today=TODAY)
    limit = texts.MEETING_TEXT_LIMITS[field]
    assert refused.value.message == (f"{noun} kan være høyst {texts.format_number(limit)} tegn; "
                                     f"nå er det {texts.format_number(len('Ord ' * 30_000) - 1)}.")
    assert "Traceback" not in refused.value.message and field not in refused.value.message
    assert people.db["meetings"].count == 0


def test_a_wrong_type_in_a_letter_field_is_named_by_its_label(people):
    db, member = people.db, people.member
    meeting_id = meetings.create_meeting(db, member, _input(people), today=TODAY)
    letter_id = followup_letters.create_letter(db, member, meeting_id, today=TODAY)
    before = db["documents"].get(letter_id)["fields"]
    with pytest.raises(AdvocacyError) as refused:
        followup_letters.update_letter(db, member, letter_id, {"avtalt": ["x"]})
    assert refused.value.message == texts.LETTER_FIELD_TYPE.format(
        field=followup_letters.TEMPLATE.field("avtalt").description)
    assert db["documents"].get(letter_id)["fields"] == before


def test_template_code_in_our_participants_stays_text(people):
    db, member = people.db, people.member
    meeting_id = meetings.create_meeting(
        db, member, _input(people, our_participants="{{ 7*7 }} og <b>Ola</b>"), today=TODAY)
    letter_id = followup_letters.create_letter(db, member, meeting_id, today=TODAY)
    docx = followup_letters.render_letter(db, member, letter_id)
    text = "\n".join(p.text for p in Document(io.BytesIO(docx)).paragraphs)
    assert ("Til stede var Anne Ås (ordfører, Ap), Bjørn Berg (gruppeleder, H), "
            "{{ 7*7 }} (Lag Drammen) og <b>Ola</b> (Lag Drammen).") in text
