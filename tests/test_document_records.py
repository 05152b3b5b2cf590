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


def test_create_stores_fields_with_dates_and_defaults(people, letter_fields):
    db, member = people.db, people.member
    doc_id = new_letter(db, member, letter_fields, kommunenummer="3301")
    record = records.get_document(db, member, doc_id)
    assert record["template"] == "oppfolgingsbrev"
    assert record["status"] == "utkast"
    assert record["fields"] == letter_fields
    assert record["fields"]["motedato"] == dt.date(2026, 3, 12)
    assert record["title"] == "Oppfølgingsbrev – Åse Ødegård & <Co>, Bø"
    assert record["chapter_id"] == people.drammen
    assert record["author_id"] == member.id
    assert record["has_copy"] is False and record["can_edit"] is True


def test_mark_sent_stores_the_rendered_docx(people, letter_fields):
    db, member = people.db, people.member
    doc_id = new_letter(db, member, letter_fields)
    data = records.mark_sent(db, member, doc_id, sent_on=dt.date(2026, 3, 20))
    filename, stored = records.document_copy(db, member, doc_id)
    assert stored == data
    assert filename == "2026-03-20_oppfolgingsbrev_bo_aase-odegaard-co.docx"
    body = text(stored)
    assert "Åse Ødegård & <Co>" in body and "{{" not in body
    record = records.get_document(db, member, doc_id)
    assert (record["status"], record["sent_on"], record["has_copy"]) == ("sendt", "2026-03-20", True)


def test_sent_version_is_frozen(people, letter_fields):
    db, member = people.db, people.member
    doc_id = new_letter(db, member, letter_fields)
    records.mark_sent(db, member, doc_id)
    before = records.document_copy(db, member, doc_id)
    with pytest.raises(ValidationError, match="kan ikke endres"):
        records.update_document(db, member, doc_id, fields={"kommune": "Ås"})
    with pytest.raises(ValidationError, match="kan ikke endres"):
        records.mark_sent(db, member, doc_id)
    with pytest.raises(ValidationError, match="kan ikke endres"):
        records.set_status(db, member, doc_id, "utkast")
    # Not even SQL can change the copy that went out.
    with pytest.raises(sqlite3.IntegrityError, match="frozen"):
        db.execute("update documents set docx = x'00' where id = ?", [doc_id])
    assert records.document_copy(db, member, doc_id) == before
    records.set_status(db, member, doc_id, "ingen_svar")
    assert records.get_document(db, member, doc_id)["status"] == "ingen_svar"


def test_update_a_draft(people, letter_fields):
    db, member = people.db, people.member
    doc_id = new_letter(db, member, letter_fields)
    records.update_document(db, member, doc_id,
                            fields=letter_fields | {"kommune": "Ås"}, title="Ny tittel")
    record = records.get_document(db, member, doc_id)
    assert record["fields"]["kommune"] == "Ås" and record["title"] == "Ny tittel"
    assert "Ås" in text(records.render_document(db, member, doc_id))


def test_mark_adopted_only_for_statements(people, letter_fields):
    db, leader = people.db, people.leader
    letter = new_letter(db, leader, letter_fields)
    with pytest.raises(ValidationError, match="Bare uttalelser"):
        records.mark_adopted(db, leader, letter)
    statement = records.create_document(db, leader, kind="uttalelse", template="uttalelse",
                                        fields=BUNDLED["uttalelse"].sample_context())
    records.mark_adopted(db, leader, statement, adopted_on=dt.date(2026, 2, 24))
    record = records.get_document(db, leader, statement)
    assert (record["status"], record["adopted_on"]) == ("vedtatt", "2026-02-24")
    assert "Trygt uteliv" in text(records.document_copy(db, leader, statement)[1])


def test_missing_fields_stop_mark_sent_and_change_nothing(people):
    db, member = people.db, people.member
    doc_id = new_letter(db, member, {"kommune": "Bø"})
    with pytest.raises(MissingFields, match="mangler verdi"):
        records.mark_sent(db, member, doc_id)
    assert records.get_document(db, member, doc_id)["status"] == "utkast"


def test_list_is_scoped_by_role(people, letter_fields):
    db, leader, member, writer = people.db, people.leader, people.member, people.writer
    mine = new_letter(db, member, letter_fields)
    essay = records.create_document(db, writer, kind="leserinnlegg", template="leserinnlegg",
                                    fields=BUNDLED["leserinnlegg"].sample_context())
    theirs = new_letter(db, people.other_member, letter_fields)
    assert sorted(row["id"] for row in records.list_documents(db, leader)) == [mine, essay, theirs]
    assert [row["id"] for row in records.list_documents(db, member)] == [mine]
    assert [row["id"] for row in records.list_documents(db, writer)] == [essay]
    with pytest.raises(PermissionDenied):
        records.get_document(db, writer, mine)
    with pytest.raises(PermissionDenied):
        records.mark_sent(db, writer, mine)


def test_writing_group_makes_only_reader_letters(people, letter_fields):
    db, writer = people.db, people.writer
    with pytest.raises(PermissionDenied, match="Skrivegruppen"):
        new_letter(db, writer, letter_fields)
    assert db["documents"].count == 0


def test_member_cannot_write_for_another_chapter(people, letter_fields):
    db, member = people.db, people.member
    with pytest.raises(PermissionDenied):
        new_letter(db, member, letter_fields, chapter_id=people.bergen)
    assert db["documents"].count == 0


def test_bad_input_is_refused_before_writing(people, letter_fields):
    db, leader = people.db, people.leader
    with pytest.raises(ValidationError, match="Ukjent dokumenttype"):
        records.create_document(db, leader, kind="brev", template="oppfolgingsbrev",
                                fields=letter_fields)
    with pytest.raises(ValidationError, match="Fant ingen mal"):
        records.create_document(db, leader, kind="annet", template="finnes-ikke",
                                fields=letter_fields)
    with pytest.raises(ValidationError, match="mottaker_navn"):
        new_letter(db, leader, letter_fields | {"mottaker_navn": object()})
    assert db["documents"].count == 0


def test_batch_records_all_or_nothing(people, letter_fields):
    db, leader = people.db, people.leader
    with pytest.raises(ValidationError):
        records.create_documents(db, leader, kind="oppfolgingsbrev",
                                 template="oppfolgingsbrev",
                                 contexts=[letter_fields, {"bad": object()}])
    assert db["documents"].count == 0
    ids = records.create_documents(db, leader, kind="oppfolgingsbrev",
                                   template="oppfolgingsbrev",
                                   contexts=[letter_fields, letter_fields],
                                   links=[{"kommunenummer": "3301"}, {"kommunenummer": "4601"}])
    assert [records.get_document(db, leader, i)["kommune"] for i in ids] == [
        "Drammen", "Bergen"]


def test_uploaded_template_resolves_by_name(people, letter_fields):
    db, leader = people.db, people.leader
    data = BUNDLED["oppfolgingsbrev"].path.read_bytes()
    template_library.save_uploaded(db, leader, "Vårt brev", "oppfolgingsbrev",
                                   "vaart.docx", data)
    doc_id = records.create_document(db, leader, kind="oppfolgingsbrev",
                                     template="Vårt brev", fields=letter_fields)
    records.mark_sent(db, leader, doc_id)
    assert "Åse Ødegård & <Co>" in text(records.document_copy(db, leader, doc_id)[1])
