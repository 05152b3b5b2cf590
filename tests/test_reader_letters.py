"""The reader-letter pipeline: only the allowed moves, each recorded with who and when; the
length limit; exclusivity to one paper at a time; the frozen copy of what was sent."""

import datetime as dt
import io
import sqlite3

import docx
import pytest

from advocacy.errors import PermissionDenied, ValidationError
from advocacy.letters import document_records
from advocacy.writing import char_count, letter_lists, letter_sending, reader_letters
from tests.literal_letters import papers, profiled

TODAY = dt.date.today()
TEXT = ("Når bystyret skal ta stilling til skjenketidene, bør det lytte til legevakten.\n\n"
        "Derfor ber vi bystyret om å holde fast ved klokka 02.")


def approved(db, writer, leader, text=TEXT, title="Hold fast ved klokka 02"):
    doc = reader_letters.new_letter(db, writer, title=title, text=text)
    reader_letters.move(db, writer, doc, "til_vurdering")
    reader_letters.move(db, leader, doc, "godkjent")
    return doc


def test_new_letter_is_signed_from_the_writers_profile(people):
    writer = profiled(people, "forfatter", "Frida Forfatter", "skrivegruppe", title="skribent",
                      place="Trondheim")
    doc = reader_letters.new_letter(people.db, writer, title="Tittel", text=TEXT)
    record = reader_letters.get_letter(people.db, writer, doc)
    assert record["status"] == "utkast" and record["kind"] == "leserinnlegg"
    assert reader_letters.signature_line(record["fields"]) == "Frida Forfatter, skribent, Trondheim"
    assert record["body"] == TEXT
    plain = reader_letters.record_plain_text(record)
    assert plain == ("Tittel\n\nNår bystyret skal ta stilling til skjenketidene, bør det lytte "
                     "til legevakten.\n\nDerfor ber vi bystyret om å holde fast ved klokka 02."
                     "\n\nFrida Forfatter, skribent, Trondheim\n")


def test_signature_includes_the_chapter(people):
    member = profiled(people, "lagleder", "Lars Lagleder", "lokallag", chapter="Lag Drammen",
                      title="leder", place="Drammen")
    doc = reader_letters.new_letter(people.db, member, title="T", text=TEXT)
    fields = reader_letters.get_letter(people.db, member, doc)["fields"]
    assert reader_letters.signature_line(fields) == "Lars Lagleder, leder, Lag Drammen, Drammen"


def test_the_whole_pipeline_records_who_and_when(people):
    db, writer, leader = people.db, people.writer, people.leader
    elvebyen = papers(people)["Elvebyen"]
    doc = reader_letters.new_letter(db, writer, title="Idé", text="", status="ide")
    reader_letters.save_draft(db, writer, doc, title="Hold fast ved klokka 02", text=TEXT)
    reader_letters.move(db, writer, doc, "utkast")
    reader_letters.move(db, writer, doc, "til_vurdering")
    reader_letters.move(db, leader, doc, "godkjent")
    data = letter_sending.send(db, writer, doc, elvebyen)
    letter_sending.record_answer(db, writer, doc, "publisert", on=TODAY,
                                 link="https://elvebyen.example.org/debatt/1")
    rows = reader_letters.history(db, writer, doc)
    assert [(r["from_status"], r["to_status"], r["who"]) for r in rows] == [
        (None, "ide", "Siv Skriver"),
        ("ide", "utkast", "Siv Skriver"),
        ("utkast", "til_vurdering", "Siv Skriver"),
        ("til_vurdering", "godkjent", "Lise Leder"),
        ("godkjent", "sendt", "Siv Skriver"),
        ("sendt", "publisert", "Siv Skriver"),
    ]
    assert all(r["at"].startswith(TODAY.isoformat()[:4]) for r in rows)
    assert rows[-1]["newspaper"] == "Elvebyen"
    record = reader_letters.get_letter(db, writer, doc)
    assert (record["status"], record["published_on"], record["link"]) == (
        "publisert", TODAY.isoformat(), "https://elvebyen.example.org/debatt/1")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "Hold fast ved klokka 02" in text and "Siv Skriver" in text
    # Published letters count on the Oversikt page.
    quarter = f"{TODAY.year} K{(TODAY.month + 2) // 3}"
    assert letter_lists.published_per_quarter(db) == [
        {"quarter": quarter, "leserinnlegg": 1, "kronikk": 0, "total": 1}]


@pytest.mark.parametrize(
    ("path", "refused"),
    [
        (["til_vurdering"], "ide"),  # under review: back to utkast only
        ([], "godkjent"),  # skipping the review
        ([], "publisert"),  # published without being sent
        (["til_vurdering", "godkjent"], "ide"),
    ],
)
def test_only_allowed_moves(people, path, refused):
    db, writer, leader = people.db, people.writer, people.leader
    doc = reader_letters.new_letter(db, writer, title="T", text=TEXT)
    for step in path:
        reader_letters.move(db, leader, doc, step)
    before = reader_letters.history(db, writer, doc)
    with pytest.raises(ValidationError, match="kan ikke gå fra|Bruk «Send"):
        if refused == "publisert":
            letter_sending.record_answer(db, writer, doc, refused)
        else:
            reader_letters.move(db, leader, doc, refused)
    assert reader_letters.history(db, writer, doc) == before


def test_only_leadership_approves(people):
    db, writer = people.db, people.writer
    doc = reader_letters.new_letter(db, writer, title="T", text=TEXT)
    reader_letters.move(db, writer, doc, "til_vurdering")
    with pytest.raises(PermissionDenied, match="Bare ledelsen"):
        reader_letters.move(db, writer, doc, "godkjent")
    assert reader_letters.get_letter(db, writer, doc)["status"] == "til_vurdering"


def test_others_cannot_move_a_writers_letter(people):
    db, writer, member = people.db, people.writer, people.member
    doc = reader_letters.new_letter(db, writer, title="T", text=TEXT)
    with pytest.raises(PermissionDenied):
        reader_letters.move(db, member, doc, "til_vurdering")


def test_cannot_be_marked_sent_while_over_the_limit(people):
    db, writer, leader = people.db, people.writer, people.leader
    elvebyen = papers(people)["Elvebyen"]  # leserinnlegg: 2 500 tegn
    long_text = ("Skjenketid er helsepolitikk. " * 100).strip()
    doc = approved(db, writer, leader, text=long_text)
    record = reader_letters.get_letter(db, writer, doc)
    size = reader_letters.record_length(record, {"max_chars_innlegg": 2500})
    assert size.is_over and size.chars == char_count.count_chars(
        reader_letters.record_plain_text(record))
    with pytest.raises(ValidationError, match=r"for langt for Elvebyen: .* grensen er 2"):
        letter_sending.send(db, writer, doc, elvebyen)
    record = reader_letters.get_letter(db, writer, doc)
    assert record["status"] == "godkjent" and not record["has_copy"]
    assert db["letter_submissions"].count_where("document_id = ?", [doc]) == 0
    # Back to draft, shorten, review again: now it goes.
    reader_letters.move(db, writer, doc, "utkast")
    reader_letters.save_draft(db, writer, doc, title="Kort", text=long_text[:2000])
    reader_letters.move(db, writer, doc, "til_vurdering")
    reader_letters.move(db, leader, doc, "godkjent")
    letter_sending.send(db, writer, doc, elvebyen)
    assert reader_letters.get_letter(db, writer, doc)["status"] == "sendt"


def test_a_kronikk_has_its_own_limit(people):
    db, writer, leader = people.db, people.writer, people.leader
    elvebyen = papers(people)["Elvebyen"]
    text = "Kronikken går i dybden. " * 150  # about 3 600 characters
    doc = reader_letters.new_letter(db, writer, title="T", text=text, kind="kronikk")
    reader_letters.move(db, writer, doc, "til_vurdering")
    reader_letters.move(db, leader, doc, "godkjent")
    limits = db.execute("select max_chars_innlegg, max_chars_kronikk from newspapers where id = ?",
                        [elvebyen]).fetchone()
    letter = reader_letters.new_letter(db, writer, title="T", text=text)
    reader_letters.move(db, writer, letter, "til_vurdering")
    reader_letters.move(db, leader, letter, "godkjent")
    assert limits[0] < len(text) < limits[1]
    with pytest.raises(ValidationError, match="for langt for Elvebyen"):
        letter_sending.send(db, writer, letter, elvebyen)  # a leserinnlegg's limit
    letter_sending.send(db, writer, doc, elvebyen)  # a kronikk's
    assert db["documents"].get(doc)["status"] == "sendt"
    assert db["documents"].get(letter)["status"] == "godkjent"


def test_exclusive_to_one_paper_until_refused(people):
    db, writer, leader = people.db, people.writer, people.leader
    paper = papers(people)
    first, second = paper["Elvebyen"], paper["Fjordavisa"]
    doc = approved(db, writer, leader)
    letter_sending.send(db, writer, doc, first, exclusive_days=14)
    with pytest.raises(ValidationError, match="eksklusivt for dem til"):
        letter_sending.send(db, writer, doc, second)
    with pytest.raises(ValidationError, match="ligger allerede hos Elvebyen"):
        letter_sending.send(db, writer, doc, first)
    with pytest.raises(ValidationError, match="Først da"):
        letter_sending.record_answer(db, writer, doc, "ingen_svar")
    assert [s["newspaper"] for s in reader_letters.submissions(db, writer, doc)] == [
        "Elvebyen"]
    letter_sending.record_answer(db, writer, doc, "refusert")
    letter_sending.send(db, writer, doc, second)
    with pytest.raises(ValidationError, match="sendt til Elvebyen .* Velg en annen"):
        letter_sending.record_answer(db, writer, doc, "refusert")
        letter_sending.send(db, writer, doc, first)
    subs = reader_letters.submissions(db, writer, doc)
    assert [(s["newspaper"], s["outcome"]) for s in subs] == [
        ("Elvebyen", "refusert"), ("Fjordavisa", "refusert")]


def test_exclusivity_lapses_after_the_chosen_days(people):
    db, writer, leader = people.db, people.writer, people.leader
    paper = papers(people)
    first, second = paper["Elvebyen"], paper["Fjordavisa"]
    doc = approved(db, writer, leader)
    letter_sending.send(db, writer, doc, first, sent_on=TODAY - dt.timedelta(days=10),
                        exclusive_days=7)
    rows = {r["id"]: r for r in letter_lists.list_letters(db, writer)}
    assert rows[doc]["needs"].startswith("Fristen er ute")
    letter_sending.send(db, writer, doc, second)
    subs = reader_letters.submissions(db, writer, doc)
    assert [(s["newspaper"], s["outcome"]) for s in subs] == [
        ("Elvebyen", "ingen_svar"), ("Fjordavisa", None)]
    moves = [(r["from_status"], r["to_status"]) for r in
             reader_letters.history(db, writer, doc)][-3:]
    assert moves == [("godkjent", "sendt"), ("sendt", "ingen_svar"), ("ingen_svar", "sendt")]


def test_the_database_allows_one_unanswered_sending(people):
    db, writer, leader = people.db, people.writer, people.leader
    paper = papers(people)
    doc = approved(db, writer, leader)
    letter_sending.send(db, writer, doc, paper["Elvebyen"])
    with pytest.raises(sqlite3.IntegrityError):
        db["letter_submissions"].insert({
            "document_id": doc, "newspaper_id": paper["Fjordavisa"],
            "sent_on": TODAY.isoformat(), "exclusive_until": TODAY.isoformat()})


def test_sent_letter_is_frozen_and_a_new_version_can_be_made(people):
    db, writer, leader = people.db, people.writer, people.leader
    paper = papers(people)
    doc = approved(db, writer, leader)
    letter_sending.send(db, writer, doc, paper["Elvebyen"])
    with pytest.raises(ValidationError, match="kan ikke endres"):
        reader_letters.save_draft(db, writer, doc, title="Ny", text="Ny tekst")
    copy = reader_letters.new_version(db, writer, doc)
    record = reader_letters.get_letter(db, writer, copy)
    assert (record["status"], record["based_on"], record["body"]) == ("utkast", doc, TEXT)
    assert reader_letters.version_chain(db, copy) == {doc, copy}


def test_publishing_needs_a_valid_link_and_date(people):
    db, writer, leader = people.db, people.writer, people.leader
    paper = papers(people)
    doc = approved(db, writer, leader)
    letter_sending.send(db, writer, doc, paper["Elvebyen"],
                        sent_on=TODAY - dt.timedelta(days=3))
    with pytest.raises(ValidationError, match="ikke en gyldig lenke"):
        letter_sending.record_answer(db, writer, doc, "publisert", link="javascript:alert(1)")
    with pytest.raises(ValidationError, match="før innlegget ble sendt"):
        letter_sending.record_answer(db, writer, doc, "publisert",
                                     on=TODAY - dt.timedelta(days=5))
    with pytest.raises(ValidationError, match="fram i tid"):
        letter_sending.record_answer(db, writer, doc, "publisert",
                                     on=TODAY + dt.timedelta(days=1))
    assert reader_letters.get_letter(db, writer, doc)["status"] == "sendt"


def test_what_needs_whom(people):
    db, writer, leader = people.db, people.writer, people.leader
    approved(db, writer, leader, title="Godkjent")
    refused = approved(db, writer, leader, title="Refusert")
    letter_sending.send(db, writer, refused, papers(people)["Elvebyen"])
    letter_sending.record_answer(db, writer, refused, "refusert")
    in_review = reader_letters.new_letter(db, writer, title="Til vurdering", text=TEXT)
    reader_letters.move(db, writer, in_review, "til_vurdering")
    reader_letters.new_letter(db, leader, title="Lederens utkast", text=TEXT)
    reader_letters.new_letter(db, people.other_member, title="Fra Bergen", text=TEXT)
    mine = letter_lists.needing_me(db, writer)
    assert sorted((r["title"], r["needs"], r["author_id"]) for r in mine) == [
        ("Godkjent", "Send til en avis", writer.id),
        ("Refusert", "Send til neste avis", writer.id)]
    leaders = letter_lists.needing_me(db, leader)
    assert sorted((r["title"], r["needs"]) for r in leaders) == [
        ("Lederens utkast", "Skriv ferdig og send til vurdering"),
        ("Til vurdering", "Vurder og godkjenn")]
    everyone = letter_lists.list_letters(db, leader, everyone=True)
    assert sorted((r["title"], r["author"]) for r in everyone) == [
        ("Fra Bergen", "Berit Bergen"), ("Godkjent", "Siv Skriver"),
        ("Lederens utkast", "Lise Leder"), ("Refusert", "Siv Skriver"),
        ("Til vurdering", "Siv Skriver")]


def test_generic_records_still_see_the_letters(people):
    db, writer = people.db, people.writer
    doc = reader_letters.new_letter(db, writer, title="T", text=TEXT)
    assert [r["id"] for r in document_records.list_documents(db, writer)] == [doc]


def test_a_reader_letter_cannot_be_marked_sent_past_the_pipeline(people):
    """Only letter_sending sends a reader letter: it checks the paper's limit and exclusivity."""
    db, writer = people.db, people.writer
    doc = reader_letters.new_letter(db, writer, title="Tittel", text=TEXT)
    before = db["documents"].get(doc)
    with pytest.raises(ValidationError, match="fanen «Innlegg»"):
        document_records.mark_sent(db, writer, doc)
    assert db["documents"].get(doc) == before
