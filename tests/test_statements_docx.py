"""The statement as a Word document: provenance line, merge fields, the adopted .docx kept."""

import datetime as dt
import io
import json

import docx

from advocacy.statements import statement_letters, statements

TEXT = {
    "title": "Fra bot til bedring – LO i Oslo støtter rusreformen",
    "position": "LO i Oslo støtter rusreformen.",
    "grounds": "LO i Oslo mener at rusavhengighet er et helseproblem.\n\nStraff hjelper ikke.",
    "demands": ["vedta rusreformen", "styrke tilbudet <raskt> & godt"],
    "demands_to": "Stortinget",
    "reservations": "Samtidig understreker LO i Oslo at forebygging er viktig.",
    "contact": "Kari Nordmann, leder",
}


def _paragraphs(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs if p.text.strip()]


def test_provenance_line_is_body_and_norwegian_date():
    row = {"adopted_by": "LO i Oslos styremøte", "adopted_on": "2021-04-19"}
    assert statement_letters.provenance_line(row) == "LO i Oslos styremøte 19. april 2021:"
    draft = {"adopted_by": "Årsmøtet i IOGT Drammen", "meeting_date": "2026-03-12"}
    assert statement_letters.provenance_line(draft) == \
        "Utkast til Årsmøtet i IOGT Drammen 12. mars 2026:"
    assert statement_letters.provenance_line({}) == "Utkast (dato ikke satt):"


def test_adoption_stores_the_docx_with_the_provenance_line(people):
    db, leader = people.db, people.leader
    sid = statements.create_statement(db, leader, TEXT)
    statements.set_status(db, leader, sid, "til_behandling")
    doc_id = statements.adopt(db, leader, sid, "LO i Oslos styremøte", dt.date(2021, 4, 19))
    stored = db["documents"].get(doc_id)
    assert (stored["kind"], stored["status"], stored["statement_id"], stored["template"]) == (
        "uttalelse", "vedtatt", sid, "uttalelse.docx")
    assert json.loads(stored["fields"])["vedtaksdato"] == "2021-04-19"
    data = statement_letters.adopted_docx(db, leader, sid)
    assert data == stored["docx"]
    assert _paragraphs(data) == [
        "Uttalelse",
        "Fra bot til bedring – LO i Oslo støtter rusreformen",
        "LO i Oslos styremøte 19. april 2021:",
        "LO i Oslo støtter rusreformen.",
        "LO i Oslo mener at rusavhengighet er et helseproblem.",
        "Straff hjelper ikke.",
        "Vi ber Stortinget om å:",
        "vedta rusreformen",
        "styrke tilbudet <raskt> & godt",
        "Samtidig understreker LO i Oslo at forebygging er viktig.",
        "Kontaktperson: Kari Nordmann, leder",
    ]


def test_the_stored_docx_is_what_was_adopted_even_after_a_new_version(people):
    db, leader = people.db, people.leader
    sid = statements.create_statement(db, leader, TEXT)
    statements.set_status(db, leader, sid, "til_behandling")
    statements.adopt(db, leader, sid, "Styret i LO i Oslo", "2021-04-19")
    first = statement_letters.adopted_docx(db, leader, sid)
    new = statements.new_version(db, leader, sid, {"position": "Ny tekst."})
    statements.set_status(db, leader, new, "til_behandling")
    statements.adopt(db, leader, new, "Styret i LO i Oslo", "2022-01-10")
    assert statement_letters.adopted_docx(db, leader, sid) == first
    assert "Ny tekst." in _paragraphs(statement_letters.adopted_docx(db, leader, new))
    assert "Styret i LO i Oslo 10. januar 2022:" in _paragraphs(
        statement_letters.adopted_docx(db, leader, new))


def test_draft_renders_for_preview_without_storing(people):
    db, leader = people.db, people.leader
    sid = statements.create_statement(db, leader, {"title": "Kort", "adopted_by": "Styret"})
    row = statements.get_row(db, sid)
    paragraphs = _paragraphs(statement_letters.render_statement(row))
    assert paragraphs[:3] == ["Uttalelse", "Kort", "Utkast til Styret (dato ikke satt):"]
    assert "Vi ber kommunestyret om å:" in paragraphs
    assert "<p>" in statement_letters.preview_html(row)
    assert db["documents"].count_where("statement_id = ?", [sid]) == 0
    assert statement_letters.adopted_docx(db, leader, sid) is None
    assert statement_letters.filename({**row, "meeting_date": "2026-03-12"}) == \
        "2026-03-12_uttalelse_kort.docx"
