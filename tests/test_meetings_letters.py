"""The follow-up letter: drafted from the meeting, edited, rendered, marked sent."""

import datetime as dt
import io
import json

import pytest
from docx import Document

from advocacy.errors import ValidationError
from advocacy.meetings import followup_letters, meetings
from advocacy.meetings.meetings import MeetingInput
from tests.conftest import politician
from tests.literal_letters import drammen_politicians

TODAY = dt.date(2026, 3, 20)


def _text(docx: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(docx)).paragraphs)


@pytest.fixture
def present(people):
    """Anne Ås (ordfører, Ap) and Bjørn Berg (gruppeleder, H), of Drammen."""
    return drammen_politicians(people)


@pytest.fixture
def meeting_id(people, present):
    return meetings.create_meeting(people.db, people.member, MeetingInput(
        held_on=dt.date(2026, 3, 12), kind="mote", chapter_id=None, kommunenummer="3301",
        politician_ids=present, summary="Vi snakket om <b>skjenketider</b> & vold.",
        our_participants="Dag Drammen og Kari Demo", topics="skjenketider",
        asks="Ikke utvid skjenketiden\nFlere kontroller", promises="sender vi tallene."),
        today=TODAY)


def test_draft_fields_come_from_the_meeting(people, meeting_id, present):
    fields = followup_letters.draft_fields(people.db, people.member, meeting_id, present[1],
                                           today=TODAY)
    assert fields["motedato"] == dt.date(2026, 3, 12)
    assert fields["dato"] == TODAY
    assert fields["mottaker_navn"] == "Bjørn Berg"
    assert fields["kopi"] == "Anne Ås"
    assert fields["deltakere"] == ("Anne Ås (ordfører, Ap), Bjørn Berg (gruppeleder, H), "
                                   "Dag Drammen (Lag Drammen) og Kari Demo (Lag Drammen)")
    assert fields["krav"] == ["Ikke utvid skjenketiden", "Flere kontroller"]
    assert (fields["avsender_navn"], fields["organisasjon"], fields["tema"]) == (
        "Dag Drammen", "Lag Drammen", "skjenketider")


def test_make_edit_render_and_mark_sent(people, meeting_id, present):
    db, member = people.db, people.member
    letter_id = followup_letters.create_letter(db, member, meeting_id, today=TODAY)
    row = db["documents"].get(letter_id)
    assert (row["kind"], row["status"], row["meeting_id"], row["chapter_id"], row["author_id"],
            row["kommunenummer"], row["template"]) == (
        "oppfolgingsbrev", "utkast", meeting_id, people.drammen, member.id,
        "3301", "oppfolgingsbrev.docx")
    assert json.loads(row["fields"])["motedato"] == "2026-03-12"
    text = _text(followup_letters.render_letter(db, member, letter_id))
    assert "Takk for et godt og nyttig møte 12. mars 2026." in text
    assert "Anne Ås" in text and "Bjørn Berg" in text
    assert "Vi snakket om <b>skjenketider</b> & vold." in text  # text, not markup
    followup_letters.update_letter(db, member, letter_id,
                                   {"krav": ["Bare ett krav"], "vedlegg": "Kontrolltall 2025"})
    text = _text(followup_letters.render_letter(db, member, letter_id))
    assert "Bare ett krav" in text and "Flere kontroller" not in text
    assert "Vedlegg: Kontrolltall 2025" in text
    with pytest.raises(ValidationError, match="før møtet"):
        followup_letters.mark_sent(db, member, letter_id, dt.date(2026, 3, 1), today=TODAY)
    followup_letters.mark_sent(db, member, letter_id, dt.date(2026, 3, 14), today=TODAY)
    sent = db["documents"].get(letter_id)
    assert (sent["status"], sent["sent_on"]) == ("sendt", "2026-03-14")
    assert "Bare ett krav" in _text(sent["docx"])
    with pytest.raises(ValidationError, match="allerede sendt"):
        followup_letters.update_letter(db, member, letter_id, {"kopi": "Noen"})
    assert [(x["id"], x["status"]) for x in followup_letters.letters_for_meeting(
        db, member, meeting_id)] == [(letter_id, "sendt")]
    assert [x["id"] for x in followup_letters.letters_for_politician(
        db, member, present[0])] == [letter_id]


def test_letters_are_the_meeting_chapter_s(people, meeting_id):
    db, member, bergen_member = people.db, people.member, people.other_member
    bergen = meetings.create_meeting(db, bergen_member, MeetingInput(
        held_on=dt.date(2026, 3, 10), kind="mote", chapter_id=None, kommunenummer="4601",
        politician_ids=[politician(db, people.leader, "Ola Bergen", "4601")],
        summary="Møte i Bergen."), today=TODAY)
    with pytest.raises(ValidationError):
        followup_letters.create_letter(db, member, bergen)
    letter_id = followup_letters.create_letter(db, people.leader, meeting_id, today=TODAY)
    followup_letters.update_letter(db, member, letter_id, {"kopi": ""})
    with pytest.raises(ValidationError):
        followup_letters.get_letter(db, bergen_member, letter_id)
    with pytest.raises(ValidationError):  # another chapter's meeting is not even found
        followup_letters.create_letter(db, bergen_member, meeting_id)


def test_unknown_fields_and_wrong_types_are_refused(people, meeting_id):
    db, member = people.db, people.member
    letter_id = followup_letters.create_letter(db, member, meeting_id, today=TODAY)
    with pytest.raises(ValidationError, match="Ukjent flettefelt"):
        followup_letters.update_letter(db, member, letter_id, {"__class__": "x"})
    with pytest.raises(ValidationError, match="feil type"):
        followup_letters.update_letter(db, member, letter_id, {"krav": "tekst"})
