"""The follow-up letter: drafted from the meeting, edited, rendered, marked sent."""

import datetime as dt
import io
import json

import pytest
from docx import Document

from advocacy.errors import ValidationError
from advocacy.meetings import followup_letters, meetings
from advocacy.meetings.meetings import MeetingInput

TODAY = dt.date(2026, 3, 20)


def _text(docx: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(docx)).paragraphs)


@pytest.fixture
def meeting_id(demo_db, chapter_member, drammen_politicians):
    return meetings.create_meeting(demo_db, chapter_member, MeetingInput(
        held_on=dt.date(2026, 3, 12), kind="mote", chapter_id=None, kommunenummer="3301",
        politician_ids=drammen_politicians, summary="Vi snakket om <b>skjenketider</b> & vold.",
        our_participants="Per Lyngstad og Kari Demo", topics="skjenketider",
        asks="Ikke utvid skjenketiden\nFlere kontroller", promises="sender vi tallene."),
        today=TODAY)


def test_draft_fields_come_from_the_meeting(demo_db, chapter_member, meeting_id,
                                            drammen_politicians):
    names = [demo_db["politicians"].get(p)["name"] for p in drammen_politicians]
    fields = followup_letters.draft_fields(demo_db, chapter_member, meeting_id,
                                           drammen_politicians[1], today=TODAY)
    assert fields["motedato"] == dt.date(2026, 3, 12)
    assert fields["dato"] == TODAY
    assert fields["mottaker_navn"] == names[1]
    assert fields["kopi"] == names[0]
    assert len(names) == 2 and all(name in fields["deltakere"] for name in names)
    assert fields["deltakere"].endswith(", Per Lyngstad (IOGT Drammen) og Kari Demo (IOGT Drammen)")
    assert fields["deltakere"].count(" og ") == 1
    assert fields["krav"] == ["Ikke utvid skjenketiden", "Flere kontroller"]
    assert (fields["avsender_navn"], fields["organisasjon"], fields["tema"]) == (
        "Per Lyngstad", "IOGT Drammen", "skjenketider")


def test_make_edit_render_and_mark_sent(demo_db, chapter_member, meeting_id,
                                        drammen_politicians):
    names = [demo_db["politicians"].get(p)["name"] for p in drammen_politicians]
    letter_id = followup_letters.create_letter(demo_db, chapter_member, meeting_id, today=TODAY)
    row = demo_db["documents"].get(letter_id)
    assert (row["kind"], row["status"], row["meeting_id"], row["chapter_id"], row["author_id"],
            row["kommunenummer"], row["template"]) == (
        "oppfolgingsbrev", "utkast", meeting_id, chapter_member.chapter_id, chapter_member.id,
        "3301", "oppfolgingsbrev.docx")
    assert json.loads(row["fields"])["motedato"] == "2026-03-12"
    text = _text(followup_letters.render_letter(demo_db, chapter_member, letter_id))
    assert "Takk for et godt og nyttig møte 12. mars 2026." in text
    assert len(names) == 2 and all(name in text for name in names)
    assert "Vi snakket om <b>skjenketider</b> & vold." in text  # text, not markup
    followup_letters.update_letter(demo_db, chapter_member, letter_id,
                                   {"krav": ["Bare ett krav"], "vedlegg": "Kontrolltall 2025"})
    text = _text(followup_letters.render_letter(demo_db, chapter_member, letter_id))
    assert "Bare ett krav" in text and "Flere kontroller" not in text
    assert "Vedlegg: Kontrolltall 2025" in text
    with pytest.raises(ValidationError, match="før møtet"):
        followup_letters.mark_sent(demo_db, chapter_member, letter_id, dt.date(2026, 3, 1),
                                   today=TODAY)
    followup_letters.mark_sent(demo_db, chapter_member, letter_id, dt.date(2026, 3, 14),
                               today=TODAY)
    sent = demo_db["documents"].get(letter_id)
    assert (sent["status"], sent["sent_on"]) == ("sendt", "2026-03-14")
    assert "Bare ett krav" in _text(sent["docx"])
    with pytest.raises(ValidationError, match="allerede sendt"):
        followup_letters.update_letter(demo_db, chapter_member, letter_id, {"kopi": "Noen"})
    assert [(x["id"], x["status"]) for x in followup_letters.letters_for_meeting(
        demo_db, chapter_member, meeting_id)] == [(letter_id, "sendt")]
    assert letter_id in {x["id"] for x in followup_letters.letters_for_politician(
        demo_db, chapter_member, drammen_politicians[0])}


def test_letters_are_the_meeting_chapter_s(demo_db, chapter_member, leader, meeting_id):
    bergen = demo_db.execute("select id from meetings where chapter_id = (select id from "
                             "chapters where name = 'IOGT Bergen')").fetchone()[0]
    with pytest.raises(ValidationError):
        followup_letters.create_letter(demo_db, chapter_member, bergen)
    letter_id = followup_letters.create_letter(demo_db, leader, meeting_id, today=TODAY)
    followup_letters.update_letter(demo_db, chapter_member, letter_id, {"kopi": ""})
    bergen_user = demo_db.execute("select id from users where username = 'lokallag.bergen'"
                                  ).fetchone()[0]
    from advocacy.accounts.accounts import get_user

    with pytest.raises(ValidationError):
        followup_letters.get_letter(demo_db, get_user(demo_db, bergen_user), letter_id)
    with pytest.raises(ValidationError):  # another chapter's meeting is not even found
        followup_letters.create_letter(demo_db, get_user(demo_db, bergen_user), meeting_id)


def test_unknown_fields_and_wrong_types_are_refused(demo_db, chapter_member, meeting_id):
    letter_id = followup_letters.create_letter(demo_db, chapter_member, meeting_id, today=TODAY)
    with pytest.raises(ValidationError, match="Ukjent flettefelt"):
        followup_letters.update_letter(demo_db, chapter_member, letter_id, {"__class__": "x"})
    with pytest.raises(ValidationError, match="feil type"):
        followup_letters.update_letter(demo_db, chapter_member, letter_id, {"krav": "tekst"})
