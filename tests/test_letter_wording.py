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

TODAY = dt.date(2026, 3, 20)


def _text(docx: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(docx)).paragraphs)


def _three_politicians(db) -> list[int]:
    return [r[0] for r in db.execute(
        "select id from politicians where kommunenummer = '3301' order by id limit 3")]


def _meeting(db, user, **changes) -> int:
    data = dict(held_on=dt.date(2026, 3, 12), kind="mote", chapter_id=None,
                kommunenummer="3301", politician_ids=_three_politicians(db),
                summary="Vi snakket om skjenketider.", our_participants="",
                topics="skjenketider", asks="Flere kontroller", promises="")
    data.update(changes)
    return meetings.create_meeting(db, user, MeetingInput(**data), today=TODAY)


def _letter_text(db, user, meeting_id: int) -> str:
    letter_id = followup_letters.create_letter(db, user, meeting_id, today=TODAY)
    return _text(followup_letters.render_letter(db, user, letter_id))


def test_join_list_is_norwegian():
    assert texts.join_list([]) == ""
    assert texts.join_list(["A"]) == "A"
    assert texts.join_list(["A", "", "B"]) == "A og B"
    assert texts.join_list(["A", "B", "C"]) == "A, B og C"


def test_three_attendees_and_ours_read_as_one_list_with_one_og(demo_db, chapter_member):
    names = [demo_db["politicians"].get(p)["name"] for p in _three_politicians(demo_db)]
    meeting_id = _meeting(demo_db, chapter_member, our_participants="Kari Demo og Ola Vik")
    text = _letter_text(demo_db, chapter_member, meeting_id)
    line = next(x for x in text.splitlines() if x.startswith("Takk for et godt"))
    present = line.split("Til stede var ", 1)[1]
    assert present.count(" og ") == 1, present
    assert present.endswith("Kari Demo (IOGT Drammen) og Ola Vik (IOGT Drammen).")
    assert len(names) == 3 and all(name in present for name in names)
    assert line.count(", ") >= 3  # «A (…), B (…), C (…), Kari … og Ola …»


def test_three_politicians_alone_are_a_b_og_c(demo_db, chapter_member):
    names = [demo_db["politicians"].get(p)["name"] for p in _three_politicians(demo_db)]
    fields = followup_letters.draft_fields(demo_db, chapter_member,
                                           _meeting(demo_db, chapter_member), today=TODAY)
    assert fields["deltakere"].count(" og ") == 1
    assert [n in fields["deltakere"] for n in names] == [True] * 3
    assert fields["kopi"].count(" og ") == 1  # the two not addressed


def test_avtalt_reads_right_whatever_the_user_types(demo_db, chapter_member):
    meeting_id = _meeting(demo_db, chapter_member,
                          promises="ordføreren tar saken opp i formannskapet.")
    letter_id = followup_letters.create_letter(demo_db, chapter_member, meeting_id, today=TODAY)
    text = _text(followup_letters.render_letter(demo_db, chapter_member, letter_id))
    assert "Dette ble avtalt i møtet: Ordføreren tar saken opp i formannskapet." in text
    followup_letters.update_letter(demo_db, chapter_member, letter_id,
                                   {"avtalt": "Ordføreren tar saken opp."})
    text = _text(followup_letters.render_letter(demo_db, chapter_member, letter_id))
    assert "Dette ble avtalt i møtet: Ordføreren tar saken opp." in text
    assert "Som avtalt" not in text


def test_default_avtalt_is_a_whole_sentence(demo_db, chapter_member):
    text = _letter_text(demo_db, chapter_member, _meeting(demo_db, chapter_member))
    assert f"Dette ble avtalt i møtet: {texts.AVTALT_DEFAULT}" in text


def test_reader_letter_signature_leaves_out_the_empty_role(demo_db, writer):
    doc_id = reader_letters.new_letter(
        demo_db, writer, title="Kortere skjenketid", text="Skjenketiden bør ikke utvides.",
        signature={"avsender_navn": "Siri Aasen", "avsender_rolle": "", "organisasjon": "",
                   "sted": "Trondheim"})
    fields = reader_letters.get_letter(demo_db, writer, doc_id)["fields"]
    text = _text(render(LESERINNLEGG.path, fields))
    assert "Siri Aasen, Trondheim" in text.splitlines()
    assert ", ," not in text and not any(line.endswith(", ") for line in text.splitlines())
    assert reader_letters.signature_line(fields) == "Siri Aasen, Trondheim"


def test_reader_letter_signature_with_every_part(demo_db, writer):
    signature = {"avsender_navn": "Siri Aasen", "avsender_rolle": "skribent",
                 "organisasjon": "IOGT Trondheim", "sted": "Trondheim"}
    doc_id = reader_letters.new_letter(demo_db, writer, title="T", text="Tekst.",
                                       signature=signature)
    fields = reader_letters.get_letter(demo_db, writer, doc_id)["fields"]
    assert "Siri Aasen, skribent, IOGT Trondheim, Trondheim" in _text(
        render(LESERINNLEGG.path, fields)).splitlines()


def test_followup_signature_without_role_has_no_dangling_comma(demo_db, chapter_member):
    meeting_id = _meeting(demo_db, chapter_member)
    letter_id = followup_letters.create_letter(demo_db, chapter_member, meeting_id, today=TODAY)
    followup_letters.update_letter(demo_db, chapter_member, letter_id,
                                   {"avsender_rolle": "", "avsender_telefon": ""})
    lines = _text(followup_letters.render_letter(demo_db, chapter_member, letter_id)).splitlines()
    assert "IOGT Drammen" in lines
    assert not any(line.strip().endswith(",") or ", ," in line for line in lines)


def test_overlong_summary_is_refused_naming_the_field_and_nothing_written(
        demo_db, chapter_member):
    before = demo_db["meetings"].count
    with pytest.raises(ValidationError) as refused:
        _meeting(demo_db, chapter_member, summary="x" * 120_000)
    assert refused.value.message == (
        f"Sammendraget kan være høyst {texts.format_number(20_000)} tegn; "
        f"nå er det {texts.format_number(120_000)}.")
    assert refused.value.field == "summary"
    assert demo_db["meetings"].count == before


def test_a_long_real_summary_is_accepted(demo_db, chapter_member):
    meeting_id = _meeting(demo_db, chapter_member, summary="Vi drøftet skjenketider. " * 600)
    assert len(demo_db["meetings"].get(meeting_id)["summary"]) > 14_000


def test_overlong_asks_name_the_form_label(demo_db, chapter_member):
    with pytest.raises(ValidationError) as refused:
        _meeting(demo_db, chapter_member, asks="krav\n" * 3_000)
    assert refused.value.message.startswith("«Det vi ba om» kan være høyst")


def test_overlong_letter_field_is_refused_by_its_label(demo_db, chapter_member):
    letter_id = followup_letters.create_letter(demo_db, chapter_member,
                                               _meeting(demo_db, chapter_member), today=TODAY)
    before = demo_db["documents"].get(letter_id)["fields"]
    with pytest.raises(ValidationError) as refused:
        followup_letters.update_letter(demo_db, chapter_member, letter_id,
                                       {"droftet": "x" * 40_000})
    assert refused.value.message.startswith("«Hva som ble drøftet i møtet")
    assert "droftet" not in refused.value.message
    assert demo_db["documents"].get(letter_id)["fields"] == before


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
