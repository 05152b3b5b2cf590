"""The reader-letter pipeline: only the allowed moves, each recorded with who and when; the
length limit; exclusivity to one paper at a time; the frozen copy of what was sent."""

import datetime as dt
import io

import docx
import pytest

from advocacy.errors import PermissionDenied, ValidationError
from advocacy.letters import document_records
from advocacy.writing import char_count, letter_lists, letter_sending, reader_letters

TODAY = dt.date.today()
TEXT = ("Når bystyret skal ta stilling til skjenketidene, bør det lytte til legevakten.\n\n"
        "Derfor ber vi bystyret om å holde fast ved klokka 02.")


def paper(db, name):
    return db.execute("select id from newspapers where name = ?", [name]).fetchone()[0]


def approved(db, writer, leader, text=TEXT, title="Hold fast ved klokka 02"):
    doc = reader_letters.new_letter(db, writer, title=title, text=text)
    reader_letters.move(db, writer, doc, "til_vurdering")
    reader_letters.move(db, leader, doc, "godkjent")
    return doc


def test_new_letter_is_signed_from_the_writers_profile(demo_db, writer):
    doc = reader_letters.new_letter(demo_db, writer, title="Tittel", text=TEXT)
    record = reader_letters.get_letter(demo_db, writer, doc)
    assert record["status"] == "utkast" and record["kind"] == "leserinnlegg"
    assert reader_letters.signature_line(record["fields"]) == "Siri Aasen, skribent, Trondheim"
    assert record["body"] == TEXT
    plain = reader_letters.record_plain_text(record)
    assert plain == ("Tittel\n\nNår bystyret skal ta stilling til skjenketidene, bør det lytte "
                     "til legevakten.\n\nDerfor ber vi bystyret om å holde fast ved klokka 02."
                     "\n\nSiri Aasen, skribent, Trondheim\n")


def test_signature_includes_the_chapter(demo_db, chapter_member):
    doc = reader_letters.new_letter(demo_db, chapter_member, title="T", text=TEXT)
    fields = reader_letters.get_letter(demo_db, chapter_member, doc)["fields"]
    assert reader_letters.signature_line(fields) == "Per Lyngstad, leder, IOGT Drammen, Drammen"


def test_the_whole_pipeline_records_who_and_when(demo_db, writer, leader):
    doc = reader_letters.new_letter(demo_db, writer, title="Idé", text="", status="ide")
    reader_letters.save_draft(demo_db, writer, doc, title="Hold fast ved klokka 02", text=TEXT)
    reader_letters.move(demo_db, writer, doc, "utkast")
    reader_letters.move(demo_db, writer, doc, "til_vurdering")
    reader_letters.move(demo_db, leader, doc, "godkjent")
    data = letter_sending.send(demo_db, writer, doc, paper(demo_db, "Drammenspressen"))
    letter_sending.record_answer(demo_db, writer, doc, "publisert", on=TODAY,
                                 link="https://drammenspressen.example.org/debatt/1")
    rows = reader_letters.history(demo_db, writer, doc)
    assert [(r["from_status"], r["to_status"], r["who"]) for r in rows] == [
        (None, "ide", "Siri Aasen"),
        ("ide", "utkast", "Siri Aasen"),
        ("utkast", "til_vurdering", "Siri Aasen"),
        ("til_vurdering", "godkjent", "Ingrid Haugland"),
        ("godkjent", "sendt", "Siri Aasen"),
        ("sendt", "publisert", "Siri Aasen"),
    ]
    assert all(r["at"].startswith(TODAY.isoformat()[:4]) for r in rows)
    assert rows[-1]["newspaper"] == "Drammenspressen"
    record = reader_letters.get_letter(demo_db, writer, doc)
    assert (record["status"], record["published_on"], record["link"]) == (
        "publisert", TODAY.isoformat(), "https://drammenspressen.example.org/debatt/1")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "Hold fast ved klokka 02" in text and "Siri Aasen" in text
    # Published letters count on the Oversikt page.
    quarter = f"{TODAY.year} K{(TODAY.month + 2) // 3}"
    per_quarter = {r["quarter"]: r for r in letter_lists.published_per_quarter(demo_db)}
    assert per_quarter[quarter]["leserinnlegg"] >= 1


@pytest.mark.parametrize(
    ("path", "refused"),
    [
        (["til_vurdering"], "ide"),  # under review: back to utkast only
        ([], "godkjent"),  # skipping the review
        ([], "publisert"),  # published without being sent
        (["til_vurdering", "godkjent"], "ide"),
    ],
)
def test_only_allowed_moves(demo_db, writer, leader, path, refused):
    doc = reader_letters.new_letter(demo_db, writer, title="T", text=TEXT)
    for step in path:
        reader_letters.move(demo_db, leader, doc, step)
    before = reader_letters.history(demo_db, writer, doc)
    with pytest.raises(ValidationError, match="kan ikke gå fra|Bruk «Send"):
        if refused == "publisert":
            letter_sending.record_answer(demo_db, writer, doc, refused)
        else:
            reader_letters.move(demo_db, leader, doc, refused)
    assert reader_letters.history(demo_db, writer, doc) == before


def test_only_leadership_approves(demo_db, writer):
    doc = reader_letters.new_letter(demo_db, writer, title="T", text=TEXT)
    reader_letters.move(demo_db, writer, doc, "til_vurdering")
    with pytest.raises(PermissionDenied, match="Bare ledelsen"):
        reader_letters.move(demo_db, writer, doc, "godkjent")
    assert reader_letters.get_letter(demo_db, writer, doc)["status"] == "til_vurdering"


def test_others_cannot_move_a_writers_letter(demo_db, writer, chapter_member):
    doc = reader_letters.new_letter(demo_db, writer, title="T", text=TEXT)
    with pytest.raises(PermissionDenied):
        reader_letters.move(demo_db, chapter_member, doc, "til_vurdering")


def test_cannot_be_marked_sent_while_over_the_limit(demo_db, writer, leader):
    drammen = paper(demo_db, "Drammenspressen")  # leserinnlegg: 2 500 tegn
    long_text = ("Skjenketid er helsepolitikk. " * 100).strip()
    doc = approved(demo_db, writer, leader, text=long_text)
    record = reader_letters.get_letter(demo_db, writer, doc)
    size = reader_letters.record_length(record, {"max_chars_innlegg": 2500})
    assert size.is_over and size.chars == char_count.count_chars(
        reader_letters.record_plain_text(record))
    with pytest.raises(ValidationError, match=r"for langt for Drammenspressen: .* grensen er 2"):
        letter_sending.send(demo_db, writer, doc, drammen)
    record = reader_letters.get_letter(demo_db, writer, doc)
    assert record["status"] == "godkjent" and not record["has_copy"]
    assert demo_db["letter_submissions"].count_where("document_id = ?", [doc]) == 0
    # Back to draft, shorten, review again: now it goes.
    reader_letters.move(demo_db, writer, doc, "utkast")
    reader_letters.save_draft(demo_db, writer, doc, title="Kort", text=long_text[:2000])
    reader_letters.move(demo_db, writer, doc, "til_vurdering")
    reader_letters.move(demo_db, leader, doc, "godkjent")
    letter_sending.send(demo_db, writer, doc, drammen)
    assert reader_letters.get_letter(demo_db, writer, doc)["status"] == "sendt"


def test_a_kronikk_has_its_own_limit(demo_db, writer, leader):
    text = "Kronikken går i dybden. " * 150  # about 3 600 characters
    doc = reader_letters.new_letter(demo_db, writer, title="T", text=text, kind="kronikk")
    reader_letters.move(demo_db, writer, doc, "til_vurdering")
    reader_letters.move(demo_db, leader, doc, "godkjent")
    drammen = paper(demo_db, "Drammenspressen")
    limits = demo_db.execute("select max_chars_innlegg, max_chars_kronikk from newspapers where id = ?",
                             [drammen]).fetchone()
    letter = reader_letters.new_letter(demo_db, writer, title="T", text=text)
    reader_letters.move(demo_db, writer, letter, "til_vurdering")
    reader_letters.move(demo_db, leader, letter, "godkjent")
    assert limits[0] < len(text) < limits[1]
    with pytest.raises(ValidationError, match="for langt for Drammenspressen"):
        letter_sending.send(demo_db, writer, letter, drammen)  # a leserinnlegg's limit
    letter_sending.send(demo_db, writer, doc, drammen)  # a kronikk's
    assert demo_db["documents"].get(doc)["status"] == "sendt"
    assert demo_db["documents"].get(letter)["status"] == "godkjent"


def test_exclusive_to_one_paper_until_refused(demo_db, writer, leader):
    first, second = paper(demo_db, "Drammenspressen"), paper(demo_db, "Oslo Lokalavis")
    doc = approved(demo_db, writer, leader)
    letter_sending.send(demo_db, writer, doc, first, exclusive_days=14)
    with pytest.raises(ValidationError, match="eksklusivt for dem til"):
        letter_sending.send(demo_db, writer, doc, second)
    with pytest.raises(ValidationError, match="ligger allerede hos Drammenspressen"):
        letter_sending.send(demo_db, writer, doc, first)
    with pytest.raises(ValidationError, match="Først da"):
        letter_sending.record_answer(demo_db, writer, doc, "ingen_svar")
    assert [s["newspaper"] for s in reader_letters.submissions(demo_db, writer, doc)] == [
        "Drammenspressen"]
    letter_sending.record_answer(demo_db, writer, doc, "refusert")
    letter_sending.send(demo_db, writer, doc, second)
    with pytest.raises(ValidationError, match="sendt til Drammenspressen .* Velg en annen"):
        letter_sending.record_answer(demo_db, writer, doc, "refusert")
        letter_sending.send(demo_db, writer, doc, first)
    subs = reader_letters.submissions(demo_db, writer, doc)
    assert [(s["newspaper"], s["outcome"]) for s in subs] == [
        ("Drammenspressen", "refusert"), ("Oslo Lokalavis", "refusert")]


def test_exclusivity_lapses_after_the_chosen_days(demo_db, writer, leader):
    first, second = paper(demo_db, "Drammenspressen"), paper(demo_db, "Oslo Lokalavis")
    doc = approved(demo_db, writer, leader)
    letter_sending.send(demo_db, writer, doc, first, sent_on=TODAY - dt.timedelta(days=10),
                        exclusive_days=7)
    rows = {r["id"]: r for r in letter_lists.list_letters(demo_db, writer)}
    assert rows[doc]["needs"].startswith("Fristen er ute")
    letter_sending.send(demo_db, writer, doc, second)
    subs = reader_letters.submissions(demo_db, writer, doc)
    assert [(s["newspaper"], s["outcome"]) for s in subs] == [
        ("Drammenspressen", "ingen_svar"), ("Oslo Lokalavis", None)]
    moves = [(r["from_status"], r["to_status"]) for r in
             reader_letters.history(demo_db, writer, doc)][-3:]
    assert moves == [("godkjent", "sendt"), ("sendt", "ingen_svar"), ("ingen_svar", "sendt")]


def test_the_database_allows_one_unanswered_sending(demo_db, writer, leader):
    import sqlite3

    doc = approved(demo_db, writer, leader)
    letter_sending.send(demo_db, writer, doc, paper(demo_db, "Drammenspressen"))
    with pytest.raises(sqlite3.IntegrityError):
        demo_db["letter_submissions"].insert({
            "document_id": doc, "newspaper_id": paper(demo_db, "Oslo Lokalavis"),
            "sent_on": TODAY.isoformat(), "exclusive_until": TODAY.isoformat()})


def test_sent_letter_is_frozen_and_a_new_version_can_be_made(demo_db, writer, leader):
    doc = approved(demo_db, writer, leader)
    letter_sending.send(demo_db, writer, doc, paper(demo_db, "Drammenspressen"))
    with pytest.raises(ValidationError, match="kan ikke endres"):
        reader_letters.save_draft(demo_db, writer, doc, title="Ny", text="Ny tekst")
    copy = reader_letters.new_version(demo_db, writer, doc)
    record = reader_letters.get_letter(demo_db, writer, copy)
    assert (record["status"], record["based_on"], record["body"]) == ("utkast", doc, TEXT)
    assert reader_letters.version_chain(demo_db, copy) == {doc, copy}


def test_publishing_needs_a_valid_link_and_date(demo_db, writer, leader):
    doc = approved(demo_db, writer, leader)
    letter_sending.send(demo_db, writer, doc, paper(demo_db, "Drammenspressen"),
                        sent_on=TODAY - dt.timedelta(days=3))
    with pytest.raises(ValidationError, match="ikke en gyldig lenke"):
        letter_sending.record_answer(demo_db, writer, doc, "publisert", link="javascript:alert(1)")
    with pytest.raises(ValidationError, match="før innlegget ble sendt"):
        letter_sending.record_answer(demo_db, writer, doc, "publisert",
                                     on=TODAY - dt.timedelta(days=5))
    with pytest.raises(ValidationError, match="fram i tid"):
        letter_sending.record_answer(demo_db, writer, doc, "publisert",
                                     on=TODAY + dt.timedelta(days=1))
    assert reader_letters.get_letter(demo_db, writer, doc)["status"] == "sendt"


def test_what_needs_whom(demo_db, writer, leader):
    mine = letter_lists.needing_me(demo_db, writer)
    assert {r["needs"] for r in mine} >= {"Send til en avis", "Send til neste avis"}
    assert all(r["author_id"] == writer.id for r in mine)
    leaders = letter_lists.needing_me(demo_db, leader)
    assert "Vurder og godkjenn" in {r["needs"] for r in leaders}
    everyone = letter_lists.list_letters(demo_db, leader, everyone=True)
    assert {r["author"] for r in everyone} >= {"Siri Aasen", "Ingrid Haugland", "Solveig Dyrnes"}


def test_generic_records_still_see_the_letters(demo_db, writer):
    doc = reader_letters.new_letter(demo_db, writer, title="T", text=TEXT)
    assert doc in {r["id"] for r in document_records.list_documents(demo_db, writer)}


def test_a_reader_letter_cannot_be_marked_sent_past_the_pipeline(demo_db, writer):
    """Only letter_sending sends a reader letter: it checks the paper's limit and exclusivity."""
    doc = reader_letters.new_letter(demo_db, writer, title="Tittel", text=TEXT)
    before = demo_db["documents"].get(doc)
    with pytest.raises(ValidationError, match="fanen «Innlegg»"):
        document_records.mark_sent(demo_db, writer, doc)
    assert demo_db["documents"].get(doc) == before
