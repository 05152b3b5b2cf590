"""Letters read right with the form's defaults: lists, signatures, «avtalt», lengths, labels."""

import datetime as dt
import io

import pytest
from docx import Document

from advocacy import texts
from advocacy.documents import MissingFields, PreparedTemplate, render
from advocacy.documents.fields import LESERINNLEGG
from advocacy.errors import ValidationError
from advocacy.meetings import followup_letters, meetings
from advocacy.meetings.meetings import MeetingInput
from advocacy.writing import reader_letters
from tests.literal_letters import drammen_politicians

TODAY = dt.date(2026, 3, 20)


def _text(docx: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(docx)).paragraphs)


def _meeting(people, **changes) -> int:
    """Lag Drammen's meeting with the three politicians of DRAMMEN_POLITICIANS."""
    data = dict(held_on=dt.date(2026, 3, 12), kind="mote", chapter_id=None,
                kommunenummer="3301", politician_ids=drammen_politicians(people, 3),
                summary="Vi snakket om skjenketider.", our_participants="",
                topics="skjenketider", asks="Flere kontroller", promises="")
    data.update(changes)
    return meetings.create_meeting(people.db, people.member, MeetingInput(**data), today=TODAY)


def _letter_text(db, user, meeting_id: int) -> str:
    letter_id = followup_letters.create_letter(db, user, meeting_id, today=TODAY)
    return _text(followup_letters.render_letter(db, user, letter_id))


def test_join_list_is_norwegian():
    assert texts.join_list([]) == ""
    assert texts.join_list(["A"]) == "A"
    assert texts.join_list(["A", "", "B"]) == "A og B"
    assert texts.join_list(["A", "B", "C"]) == "A, B og C"


def test_three_attendees_and_ours_read_as_one_list_with_one_og(people):
    meeting_id = _meeting(people, our_participants="Kari Demo og Ola Vik")
    text = _letter_text(people.db, people.member, meeting_id)
    line = next(x for x in text.splitlines() if x.startswith("Takk for et godt"))
    present = line.split("Til stede var ", 1)[1]
    assert present.count(" og ") == 1, present
    assert present == ("Anne Ås (ordfører, Ap), Bjørn Berg (gruppeleder, H), Cecilie Dal "
                       "(kommunestyremedlem, SV), Kari Demo (Lag Drammen) og Ola Vik (Lag Drammen).")


def test_three_politicians_alone_are_a_b_og_c(people):
    fields = followup_letters.draft_fields(people.db, people.member, _meeting(people),
                                           today=TODAY)
    assert fields["deltakere"] == ("Anne Ås (ordfører, Ap), Bjørn Berg (gruppeleder, H) og "
                                   "Cecilie Dal (kommunestyremedlem, SV)")
    assert fields["mottaker_navn"] == "Anne Ås"  # the highest-ranking
    assert fields["kopi"] == "Bjørn Berg og Cecilie Dal"  # the two not addressed


def test_avtalt_reads_right_whatever_the_user_types(people):
    db, member = people.db, people.member
    meeting_id = _meeting(people, promises="ordføreren tar saken opp i formannskapet.")
    letter_id = followup_letters.create_letter(db, member, meeting_id, today=TODAY)
    text = _text(followup_letters.render_letter(db, member, letter_id))
    assert "Dette ble avtalt i møtet: Ordføreren tar saken opp i formannskapet." in text
    followup_letters.update_letter(db, member, letter_id,
                                   {"avtalt": "Ordføreren tar saken opp."})
    text = _text(followup_letters.render_letter(db, member, letter_id))
    assert "Dette ble avtalt i møtet: Ordføreren tar saken opp." in text
    assert "Som avtalt" not in text


def test_default_avtalt_is_a_whole_sentence(people):
    text = _letter_text(people.db, people.member, _meeting(people))
    assert f"Dette ble avtalt i møtet: {texts.AVTALT_DEFAULT}" in text


def test_reader_letter_signature_leaves_out_the_empty_role(people):
    db, writer = people.db, people.writer
    doc_id = reader_letters.new_letter(
        db, writer, title="Kortere skjenketid", text="Skjenketiden bør ikke utvides.",
        signature={"avsender_navn": "Siv Skriver", "avsender_rolle": "", "organisasjon": "",
                   "sted": "Trondheim"})
    fields = reader_letters.get_letter(db, writer, doc_id)["fields"]
    text = _text(render(LESERINNLEGG.path, fields))
    assert "Siv Skriver, Trondheim" in text.splitlines()
    assert ", ," not in text and not any(line.endswith(", ") for line in text.splitlines())
    assert reader_letters.signature_line(fields) == "Siv Skriver, Trondheim"


def test_reader_letter_signature_with_every_part(people):
    db, writer = people.db, people.writer
    signature = {"avsender_navn": "Siv Skriver", "avsender_rolle": "skribent",
                 "organisasjon": "Lag Trondheim", "sted": "Trondheim"}
    doc_id = reader_letters.new_letter(db, writer, title="T", text="Tekst.",
                                       signature=signature)
    fields = reader_letters.get_letter(db, writer, doc_id)["fields"]
    assert "Siv Skriver, skribent, Lag Trondheim, Trondheim" in _text(
        render(LESERINNLEGG.path, fields)).splitlines()


def test_followup_signature_without_role_has_no_dangling_comma(people):
    db, member = people.db, people.member
    letter_id = followup_letters.create_letter(db, member, _meeting(people), today=TODAY)
    followup_letters.update_letter(db, member, letter_id,
                                   {"avsender_rolle": "", "avsender_telefon": ""})
    lines = _text(followup_letters.render_letter(db, member, letter_id)).splitlines()
    assert "Lag Drammen" in lines
    assert not any(line.strip().endswith(",") or ", ," in line for line in lines)


def test_overlong_summary_is_refused_naming_the_field_and_nothing_written(people):
    with pytest.raises(ValidationError) as refused:
        _meeting(people, summary="x" * 120_000)
    assert refused.value.message == (
        f"Sammendraget kan være høyst {texts.format_number(20_000)} tegn; "
        f"nå er det {texts.format_number(120_000)}.")
    assert refused.value.field == "summary"
    assert people.db["meetings"].count == 0


def test_a_long_real_summary_is_accepted(people):
    meeting_id = _meeting(people, summary="Vi drøftet skjenketider. " * 600)
    assert len(people.db["meetings"].get(meeting_id)["summary"]) > 14_000


def test_overlong_asks_name_the_form_label(people):
    with pytest.raises(ValidationError) as refused:
        _meeting(people, asks="krav\n" * 3_000)
    assert refused.value.message.startswith("«Det vi ba om» kan være høyst")


def test_overlong_letter_field_is_refused_by_its_label(people):
    db, member = people.db, people.member
    letter_id = followup_letters.create_letter(db, member, _meeting(people), today=TODAY)
    before = db["documents"].get(letter_id)["fields"]
    with pytest.raises(ValidationError) as refused:
        followup_letters.update_letter(db, member, letter_id, {"droftet": "x" * 40_000})
    assert refused.value.message.startswith("«Hva som ble drøftet i møtet")
    assert "droftet" not in refused.value.message
    assert db["documents"].get(letter_id)["fields"] == before


def test_missing_fields_are_named_by_their_labels():
    template = PreparedTemplate(followup_letters.TEMPLATE.path)
    context = followup_letters.TEMPLATE.sample_context()
    del context["avsender_telefon"], context["krav"]
    with pytest.raises(MissingFields) as missing:
        template.render(context)
    assert missing.value.fields == ["avsender_telefon", "krav"]
    assert missing.value.message == ("Disse flettefeltene mangler verdi: «Avsenderens "
                                     "telefonnummer», «Det dere ber om, ett krav per punkt».")


def test_unknown_field_names_are_made_readable():
    from advocacy.documents.fields import field_label

    assert field_label("krav_tekst") == "Krav tekst"
    assert field_label("avsender_navn") == "Avsenderens fulle navn"
    assert texts.DOCUMENT_KINDS["annet"] == "Annet brev"
