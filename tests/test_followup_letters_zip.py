"""«Ett brev til hver» as one .zip: every letter of the meeting, named as people write names,
reopened with python-docx."""

import datetime as dt
import io
import zipfile

import pytest
from docx import Document

from advocacy.documents.naming import ReadableNames, readable_name
from advocacy.meetings import followup_letters, meetings
from tests.conftest import politician
from tests.literal_records import meeting

TODAY = dt.date(2026, 3, 20)
NAMES = ["Åse Vik", "Øystein Ærø", "åse vik"]  # the third differs from the first only in case


@pytest.fixture
def meeting_id(people):
    ids = [politician(people.db, people.leader, name, "3301") for name in NAMES]
    return meeting(people.db, people.member, "2026-03-12", "3301", ids,
                   "Vi snakket om skjenketider og ærlige svar på spørsmål.",
                   topics="skjenketider", asks="Ikke utvid skjenketiden", today=TODAY)


def _letters(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None
        for info in zf.infolist():
            assert info.flag_bits & 0x800  # the names are UTF-8, as every unzip reads them
        return {info.filename: "\n".join(p.text for p in Document(
            io.BytesIO(zf.read(info))).paragraphs) for info in zf.infolist()}


def test_one_letter_each_comes_as_one_zip(people, meeting_id):
    present = meetings.get_meeting(people.db, people.member, meeting_id)["politicians"]
    made = followup_letters.create_letters(people.db, people.member, meeting_id,
                                           [p["id"] for p in present], together=False,
                                           today=TODAY)
    assert len(made) == 3
    moved = []
    letters = _letters(followup_letters.letters_zip(
        people.db, people.member, meeting_id, progress=lambda done, total: moved.append(done)))
    assert moved == [1, 2, 3]
    by_recipient = {}
    for name, text in letters.items():
        (recipient,) = [n for n in NAMES if f"Kjære {n}" in text]
        by_recipient[recipient] = name
        assert "ærlige svar på spørsmål" in text
    assert set(by_recipient) == set(NAMES)
    assert by_recipient["Øystein Ærø"] == "Oppfølgingsbrev – Øystein Ærø.docx"
    assert {by_recipient["Åse Vik"], by_recipient["åse vik"]} == {
        "Oppfølgingsbrev – Åse Vik.docx", "Oppfølgingsbrev – åse vik (2).docx"} or {
        by_recipient["Åse Vik"], by_recipient["åse vik"]} == {
        "Oppfølgingsbrev – åse vik.docx", "Oppfølgingsbrev – Åse Vik (2).docx"}


def test_a_sent_letter_is_in_the_zip_exactly_as_it_went_out(people, meeting_id):
    present = meetings.get_meeting(people.db, people.member, meeting_id)["politicians"]
    first, second = followup_letters.create_letters(
        people.db, people.member, meeting_id, [present[0]["id"], present[1]["id"]],
        together=False, today=TODAY)
    followup_letters.mark_sent(people.db, people.member, first, sent_on=TODAY, today=TODAY)
    stored = people.db["documents"].get(first)["docx"]
    recipient = followup_letters.get_letter(people.db, people.member, first)["fields"][
        "mottaker_navn"]
    assert recipient == "Åse Vik"
    with zipfile.ZipFile(io.BytesIO(followup_letters.letters_zip(
            people.db, people.member, meeting_id))) as zf:
        assert len(zf.infolist()) == 2
        assert zf.read(f"Oppfølgingsbrev – {recipient}.docx") == stored


def test_one_letter_to_all_is_named_by_all(people, meeting_id):
    present = meetings.get_meeting(people.db, people.member, meeting_id)["politicians"]
    (made,) = followup_letters.create_letters(people.db, people.member, meeting_id,
                                              [p["id"] for p in present[:2]], today=TODAY)
    to = followup_letters.get_letter(people.db, people.member, made)["fields"]["mottaker_navn"]
    assert to == "Åse Vik og Øystein Ærø"
    assert list(_letters(followup_letters.letters_zip(people.db, people.member, meeting_id))) \
        == [f"Oppfølgingsbrev – {to}.docx"]


def test_the_zip_is_named_by_the_meeting(people, meeting_id):
    held = meetings.get_meeting(people.db, people.member, meeting_id)
    assert followup_letters.zip_filename(held) == \
        "Oppfølgingsbrev – møtet 12. mars 2026 i Drammen.zip"


@pytest.mark.parametrize(("given", "expected"), [
    ("Oppfølgingsbrev – Åse Vik", "Oppfølgingsbrev – Åse Vik"),
    ("../../etc/passwd", "etc passwd"),
    ("a\\b:c*d?e\"f<g>h|i", "a b c d e f g h i"),
    ("Kari\u202egpj.exe", "Kari gpj.exe"),  # a right-to-left override would hide the ending
    ("Ola\x00\n\tNordmann", "Ola Nordmann"),
    ("CON", "_CON"),
    ("...", "dokument"),
    ("Å" * 300, "Å" * 99 + "…"),
])
def test_readable_names_are_safe(given, expected):
    assert readable_name(given) == expected


def test_readable_names_are_unique_in_any_case():
    names = ReadableNames()
    assert [names.claim(n) for n in ("Åse.docx", "åse.DOCX", "ÅSE.docx", "Åse")] == [
        "Åse.docx", "åse (2).docx", "ÅSE (3).docx", "Åse"]
