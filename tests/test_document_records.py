"""Document records: drafts change, the sent copy is stored and frozen, permissions hold."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3

import docx
import pytest

from advocacy.documents import BUNDLED, MissingFields
from advocacy.errors import PermissionDenied, ValidationError
from advocacy.letters import document_records as records
from advocacy.letters import template_library


def text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


@pytest.fixture
def letter_fields():
    return BUNDLED["oppfolgingsbrev"].sample_context() | {
        "mottaker_navn": "Åse Ødegård & <Co>", "kommune": "Bø",
    }


def new_letter(db, user, fields, **extra):
    return records.create_document(db, user, kind="oppfolgingsbrev",
                                   template="oppfolgingsbrev.docx", fields=fields, **extra)


def test_create_stores_fields_with_dates_and_defaults(demo_db, chapter_member, letter_fields):
    doc_id = new_letter(demo_db, chapter_member, letter_fields, kommunenummer="3301")
    record = records.get_document(demo_db, chapter_member, doc_id)
    assert record["template"] == "oppfolgingsbrev"
    assert record["status"] == "utkast"
    assert record["fields"] == letter_fields
    assert record["fields"]["motedato"] == dt.date(2026, 3, 12)
    assert record["title"] == "Oppfølgingsbrev – Åse Ødegård & <Co>, Bø"
    assert record["chapter_id"] == chapter_member.chapter_id
    assert record["author_id"] == chapter_member.id
    assert record["has_copy"] is False and record["can_edit"] is True


def test_mark_sent_stores_the_rendered_docx(demo_db, chapter_member, letter_fields):
    doc_id = new_letter(demo_db, chapter_member, letter_fields)
    data = records.mark_sent(demo_db, chapter_member, doc_id, sent_on=dt.date(2026, 3, 20))
    filename, stored = records.document_copy(demo_db, chapter_member, doc_id)
    assert stored == data
    assert filename == "2026-03-20_oppfolgingsbrev_bo_aase-odegaard-co.docx"
    body = text(stored)
    assert "Åse Ødegård & <Co>" in body and "{{" not in body
    record = records.get_document(demo_db, chapter_member, doc_id)
    assert (record["status"], record["sent_on"], record["has_copy"]) == ("sendt", "2026-03-20", True)


def test_sent_version_is_frozen(demo_db, chapter_member, letter_fields):
    doc_id = new_letter(demo_db, chapter_member, letter_fields)
    records.mark_sent(demo_db, chapter_member, doc_id)
    before = records.document_copy(demo_db, chapter_member, doc_id)
    with pytest.raises(ValidationError, match="kan ikke endres"):
        records.update_document(demo_db, chapter_member, doc_id, fields={"kommune": "Ås"})
    with pytest.raises(ValidationError, match="kan ikke endres"):
        records.mark_sent(demo_db, chapter_member, doc_id)
    with pytest.raises(ValidationError, match="kan ikke endres"):
        records.set_status(demo_db, chapter_member, doc_id, "utkast")
    # Not even SQL can change the copy that went out.
    with pytest.raises(sqlite3.IntegrityError, match="frozen"):
        demo_db.execute("update documents set docx = x'00' where id = ?", [doc_id])
    assert records.document_copy(demo_db, chapter_member, doc_id) == before
    records.set_status(demo_db, chapter_member, doc_id, "ingen_svar")
    assert records.get_document(demo_db, chapter_member, doc_id)["status"] == "ingen_svar"


def test_update_a_draft(demo_db, chapter_member, letter_fields):
    doc_id = new_letter(demo_db, chapter_member, letter_fields)
    records.update_document(demo_db, chapter_member, doc_id,
                            fields=letter_fields | {"kommune": "Ås"}, title="Ny tittel")
    record = records.get_document(demo_db, chapter_member, doc_id)
    assert record["fields"]["kommune"] == "Ås" and record["title"] == "Ny tittel"
    assert "Ås" in text(records.render_document(demo_db, chapter_member, doc_id))


def test_mark_adopted_only_for_statements(demo_db, leader, letter_fields):
    letter = new_letter(demo_db, leader, letter_fields)
    with pytest.raises(ValidationError, match="Bare uttalelser"):
        records.mark_adopted(demo_db, leader, letter)
    statement = records.create_document(demo_db, leader, kind="uttalelse", template="uttalelse",
                                        fields=BUNDLED["uttalelse"].sample_context())
    records.mark_adopted(demo_db, leader, statement, adopted_on=dt.date(2026, 2, 24))
    record = records.get_document(demo_db, leader, statement)
    assert (record["status"], record["adopted_on"]) == ("vedtatt", "2026-02-24")
    assert "Trygt uteliv" in text(records.document_copy(demo_db, leader, statement)[1])


def test_missing_fields_stop_mark_sent_and_change_nothing(demo_db, chapter_member):
    doc_id = new_letter(demo_db, chapter_member, {"kommune": "Bø"})
    with pytest.raises(MissingFields, match="mangler verdi"):
        records.mark_sent(demo_db, chapter_member, doc_id)
    assert records.get_document(demo_db, chapter_member, doc_id)["status"] == "utkast"


def test_list_is_scoped_by_role(demo_db, leader, chapter_member, writer, letter_fields):
    mine = new_letter(demo_db, chapter_member, letter_fields)
    essay = records.create_document(demo_db, writer, kind="leserinnlegg", template="leserinnlegg",
                                    fields=BUNDLED["leserinnlegg"].sample_context())
    all_ids = {row["id"] for row in records.list_documents(demo_db, leader)}
    member_ids = {row["id"] for row in records.list_documents(demo_db, chapter_member)}
    writer_ids = {row["id"] for row in records.list_documents(demo_db, writer)}
    assert {mine, essay} <= all_ids
    assert mine in member_ids and essay not in member_ids
    assert essay in writer_ids and mine not in writer_ids
    with pytest.raises(PermissionDenied):
        records.get_document(demo_db, writer, mine)
    with pytest.raises(PermissionDenied):
        records.mark_sent(demo_db, writer, mine)


def test_writing_group_makes_only_reader_letters(demo_db, writer, letter_fields):
    before = demo_db["documents"].count
    with pytest.raises(PermissionDenied, match="Skrivegruppen"):
        new_letter(demo_db, writer, letter_fields)
    assert demo_db["documents"].count == before


def test_chapter_member_cannot_write_for_another_chapter(demo_db, chapter_member, letter_fields):
    other = demo_db.execute("select id from chapters where name = 'IOGT Bergen'").fetchone()[0]
    with pytest.raises(PermissionDenied):
        new_letter(demo_db, chapter_member, letter_fields, chapter_id=other)


def test_bad_input_is_refused_before_writing(demo_db, leader, letter_fields):
    before = demo_db["documents"].count
    with pytest.raises(ValidationError, match="Ukjent dokumenttype"):
        records.create_document(demo_db, leader, kind="brev", template="oppfolgingsbrev",
                                fields=letter_fields)
    with pytest.raises(ValidationError, match="Fant ingen mal"):
        records.create_document(demo_db, leader, kind="annet", template="finnes-ikke",
                                fields=letter_fields)
    with pytest.raises(ValidationError, match="mottaker_navn"):
        new_letter(demo_db, leader, letter_fields | {"mottaker_navn": object()})
    assert demo_db["documents"].count == before


def test_batch_records_all_or_nothing(demo_db, leader, letter_fields):
    before = demo_db["documents"].count
    with pytest.raises(ValidationError):
        records.create_documents(demo_db, leader, kind="oppfolgingsbrev",
                                 template="oppfolgingsbrev",
                                 contexts=[letter_fields, {"bad": object()}])
    assert demo_db["documents"].count == before
    ids = records.create_documents(demo_db, leader, kind="oppfolgingsbrev",
                                   template="oppfolgingsbrev",
                                   contexts=[letter_fields, letter_fields],
                                   links=[{"kommunenummer": "3301"}, {"kommunenummer": "4601"}])
    assert [records.get_document(demo_db, leader, i)["kommune"] for i in ids] == [
        "Drammen", "Bergen"]


def test_uploaded_template_resolves_by_name(demo_db, leader, letter_fields):
    data = BUNDLED["oppfolgingsbrev"].path.read_bytes()
    template_library.save_uploaded(demo_db, leader, "Vårt brev", "oppfolgingsbrev",
                                   "vaart.docx", data)
    doc_id = records.create_document(demo_db, leader, kind="oppfolgingsbrev",
                                     template="Vårt brev", fields=letter_fields)
    records.mark_sent(demo_db, leader, doc_id)
    assert "Åse Ødegård & <Co>" in text(records.document_copy(demo_db, leader, doc_id)[1])


def test_demo_sent_documents_have_no_copy(demo_db, leader):
    sent = next(r for r in records.list_documents(demo_db, leader) if r["status"] == "sendt")
    with pytest.raises(ValidationError, match="ingen lagret kopi"):
        records.document_copy(demo_db, leader, sent["id"])
