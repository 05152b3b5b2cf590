"""A sent follow-up letter closes its follow-up; «Registrer svar» keeps what was answered (date,
summary, a checked file); the adoption date comes from the draft; and each state change that
«Angre» offers to undo can be undone by the domain, and only by who may change the record."""

import datetime as dt
import io

import docx
import pytest

from advocacy.documents import BUNDLED
from advocacy.documents.errors import UploadRefused
from advocacy.errors import PermissionDenied, ValidationError
from advocacy.letters import document_records
from advocacy.meetings import followup_letters, meeting_replies, meetings
from advocacy.meetings.meetings import MeetingInput
from advocacy.statements import statement_letters, statement_sending, statements
from advocacy.writing import letter_sending, reader_letters
from tests.literal_letters import drammen_politicians, papers

TODAY = dt.date(2026, 3, 20)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _meeting(people):
    """Lag Drammen's meeting with two politicians of Drammen."""
    return meetings.create_meeting(people.db, people.member, MeetingInput(
        held_on=dt.date(2026, 3, 12), kind="mote", chapter_id=None, kommunenummer="3301",
        politician_ids=drammen_politicians(people), summary="Vi snakket om skjenketider."),
        today=TODAY)


def _row(db, mid):
    return db.execute("select followup_done_on, reply_received_on, reply_summary, "
                      "reply_filename, reply_file from meetings where id = ?", [mid]).fetchone()


# --- A sent follow-up letter closes the follow-up ---


def test_marking_the_follow_up_letter_sent_closes_the_follow_up(people):
    db, member = people.db, people.member
    mid = _meeting(people)
    letter = followup_letters.create_letter(db, member, mid, today=TODAY)
    assert _row(db, mid)[0] is None
    followup_letters.mark_sent(db, member, letter, dt.date(2026, 3, 16), today=TODAY)
    assert _row(db, mid)[0] == "2026-03-16"


def test_a_refused_sending_leaves_the_follow_up_open(people):
    db, member = people.db, people.member
    mid = _meeting(people)
    letter = followup_letters.create_letter(db, member, mid, today=TODAY)
    with pytest.raises(ValidationError):
        followup_letters.mark_sent(db, member, letter, dt.date(2026, 3, 1),
                                   today=TODAY)
    assert _row(db, mid)[0] is None


def test_an_earlier_done_date_is_kept_when_the_letter_goes(people):
    db, member = people.db, people.member
    mid = _meeting(people)
    meetings.mark_followup_done(db, member, mid, dt.date(2026, 3, 13), today=TODAY)
    letter = followup_letters.create_letter(db, member, mid, today=TODAY)
    followup_letters.mark_sent(db, member, letter, dt.date(2026, 3, 18), today=TODAY)
    assert _row(db, mid)[0] == "2026-03-13"


def test_a_generic_follow_up_document_sent_closes_its_meeting(people):
    db, member = people.db, people.member
    mid = _meeting(people)
    fields = {spec.name: spec.sample for spec in BUNDLED["oppfolgingsbrev"].fields}
    doc = document_records.create_document(db, member, kind="oppfolgingsbrev",
                                           template="oppfolgingsbrev", fields=fields,
                                           meeting_id=mid)
    document_records.mark_sent(db, member, doc, dt.date(2026, 3, 19))
    assert _row(db, mid)[0] == "2026-03-19"


# --- Mark done, and undo ---


def test_mark_done_returns_the_date_and_undo_reopens(people):
    db, member = people.db, people.member
    mid = _meeting(people)
    done = meetings.mark_followup_done(db, member, mid, today=TODAY)
    assert done == "2026-03-20" == _row(db, mid)[0]
    with pytest.raises(ValidationError, match="allerede"):
        meetings.mark_followup_done(db, member, mid, today=TODAY)
    meetings.reopen_followup(db, member, mid, done)
    assert _row(db, mid)[0] is None
    with pytest.raises(ValidationError, match="ikke angres"):  # nothing left to undo
        meetings.reopen_followup(db, member, mid, done)
    audit = [r[0] for r in db.execute(
        "select action from audit_log where table_name = 'meetings' and row_id = ? order by id",
        [str(mid)])]
    assert audit == ["create", "update", "update"]  # made, marked done, reopened


def test_undo_is_for_who_may_change_the_meeting(people):
    db, member, writer = people.db, people.member, people.writer
    mid = _meeting(people)
    done = meetings.mark_followup_done(db, member, mid, today=TODAY)
    with pytest.raises(PermissionDenied):
        meetings.reopen_followup(db, writer, mid, done)
    assert _row(db, mid)[0] == done


# --- What was answered ---


def test_reply_keeps_date_summary_and_file(people):
    db, member, leader = people.db, people.member, people.leader
    mid = _meeting(people)
    received = meeting_replies.record_reply(db, member, mid, dt.date(2026, 3, 18),
                                     today=TODAY, summary="Ordføreren vil ikke utvide.",
                                     attachment=("svar fra ordfører.pdf", PDF))
    assert received == "2026-03-18"
    assert _row(db, mid)[1:] == ("2026-03-18", "Ordføreren vil ikke utvide.",
                                      "svar fra ordfører.pdf", PDF)
    assert meeting_replies.reply_file(db, leader, mid) == (
        "svar fra ordfører.pdf", PDF, "application/pdf")


def test_reply_with_a_docx_passes_the_upload_guard(people):
    db, member = people.db, people.member
    mid = _meeting(people)
    data = BUNDLED["oppfolgingsbrev"].path.read_bytes()
    meeting_replies.record_reply(db, member, mid, today=TODAY, summary="Svar i brev.",
                          attachment=("C:\\brev\\svar.docx", data))
    assert _row(db, mid)[3:] == ("svar.docx", data)


@pytest.mark.parametrize("name, data, reason", [
    ("svar.exe", PDF, "PDF eller Word"),
    ("svar.pdf", b"MZ\x90\x00 not a pdf", "ikke en PDF"),
    ("svar.pdf", PDF.replace(b"/Catalog", b"/Catalog /OpenAction << /JavaScript 2 0 R >>"),
     "JavaScript"),
    ("svar.pdf", b"%PDF-1.4\n" + b"0" * (meeting_replies.MAX_BYTES + 1), "for stor"),
    ("svar.docx", b"PK\x03\x04 not really a zip", "Word-dokument"),
    ("svar.docm", PDF, "PDF eller Word"),
    ("svar.pdf", b"", "tom"),
])
def test_a_bad_file_is_refused_and_nothing_is_written(people, name, data, reason):
    db, member = people.db, people.member
    mid = _meeting(people)
    before = _row(db, mid)
    with pytest.raises(UploadRefused, match=reason):
        meeting_replies.record_reply(db, member, mid, today=TODAY, summary="Svar.",
                              attachment=(name, data))
    assert _row(db, mid) == before


def test_reply_needs_a_summary_and_a_date_from_the_meeting_until_today(people):
    db, member = people.db, people.member
    mid = _meeting(people)
    with pytest.raises(ValidationError, match="hva politikeren svarte"):
        meeting_replies.record_reply(db, member, mid, today=TODAY, summary="  ")
    with pytest.raises(ValidationError, match="framtiden"):
        meeting_replies.record_reply(db, member, mid, dt.date(2026, 3, 21), today=TODAY,
                              summary="Svar.")
    with pytest.raises(ValidationError, match="før møtet"):
        meeting_replies.record_reply(db, member, mid, dt.date(2026, 3, 11), today=TODAY,
                              summary="Svar.")
    assert _row(db, mid)[1:] == (None, None, None, None)


def test_undo_removes_the_reply_and_its_file(people):
    db, member = people.db, people.member
    mid = _meeting(people)
    received = meeting_replies.record_reply(db, member, mid, today=TODAY, summary="Ja.",
                                     attachment=("svar.pdf", PDF))
    with pytest.raises(ValidationError, match="allerede"):
        meeting_replies.record_reply(db, member, mid, today=TODAY, summary="Igjen.")
    meeting_replies.remove_reply(db, member, mid, received)
    assert _row(db, mid)[1:] == (None, None, None, None)
    with pytest.raises(ValidationError, match="ingen fil"):
        meeting_replies.reply_file(db, member, mid)


# --- The adoption date ---

STATEMENT = {"title": "Nei til lengre skjenketid", "position": "Vi sier nei.",
             "grounds": "Fordi.", "adopted_by": "LO i Oslos styremøte",
             "meeting_date": "2021-06-14"}


def _in_review(db, user, **extra):
    sid = statements.create_statement(db, user, {**STATEMENT, **extra})
    statements.set_status(db, user, sid, "til_behandling")
    return sid


def test_the_adoption_date_defaults_to_the_drafts_meeting_date(people):
    db, leader = people.db, people.leader
    sid = _in_review(db, leader)
    row = statements.get_row(db, sid)
    assert statements.default_adoption_date(row, TODAY) == dt.date(2021, 6, 14)
    assert statements.default_adoption_date({**row, "meeting_date": None}, TODAY) == TODAY
    statements.adopt(db, leader, sid, row["adopted_by"],
                     statements.default_adoption_date(row))
    paragraphs = [p.text for p in docx.Document(io.BytesIO(
        statement_letters.adopted_docx(db, leader, sid))).paragraphs]
    assert "LO i Oslos styremøte 14. juni 2021:" in paragraphs


def test_a_future_adoption_date_is_refused_before_anything_is_written(people):
    db, leader = people.db, people.leader
    sid = _in_review(db, leader)
    future = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(ValidationError, match="fram i tid"):
        statements.check_adoption(db, leader, sid, "Styret", future)
    with pytest.raises(ValidationError, match="fram i tid"):
        statements.adopt(db, leader, sid, "Styret", future)
    row = statements.get_row(db, sid)
    assert (row["status"], row["adopted_on"], row["meeting_date"]) == (
        "til_behandling", None, "2021-06-14")
    assert statement_letters.adopted_docx(db, leader, sid) is None


# --- Withdraw, responses and the reader letter's answer: undo ---


def test_undo_withdraw_puts_the_statement_back(people):
    db, leader, member = people.db, people.leader, people.member
    sid = _in_review(db, leader)
    statements.set_status(db, leader, sid, "trukket")
    with pytest.raises(PermissionDenied):
        statements.undo_withdraw(db, member, sid)
    assert statements.undo_withdraw(db, leader, sid) == "til_behandling"
    assert statements.get_row(db, sid)["status"] == "til_behandling"
    history = [(r[0], r[1], r[2]) for r in db.execute(
        "select from_status, to_status, note from statement_history where statement_id = ?"
        " order by id", [sid])]
    assert history == [(None, "utkast", None), ("utkast", "til_behandling", None),
                       ("til_behandling", "trukket", None), ("trukket", "til_behandling", "Angret")]
    with pytest.raises(ValidationError, match="ikke trukket"):
        statements.undo_withdraw(db, leader, sid)


def test_undo_withdraw_of_an_adopted_statement(people):
    db, leader = people.db, people.leader
    sid = _in_review(db, leader)
    statements.adopt(db, leader, sid, "Styret", "2021-06-14")
    statements.set_status(db, leader, sid, "trukket")
    statements.undo_withdraw(db, leader, sid)
    row = statements.get_row(db, sid)
    assert (row["status"], row["adopted_on"]) == ("vedtatt", "2021-06-14")


def test_a_registered_response_can_be_removed_again(people):
    db, leader, writer = people.db, people.leader, people.writer
    sid = _in_review(db, leader)
    statements.adopt(db, leader, sid, "Styret", "2021-06-14")
    statement_sending.send(db, leader, sid, [("annet", "Bystyret")], "2021-06-15")
    rid = statement_sending.record_response(db, leader, sid, "Ordføreren", "2021-06-20",
                                            "Takk.")
    with pytest.raises(PermissionDenied):
        statement_sending.remove_response(db, writer, rid)
    statement_sending.remove_response(db, leader, rid)
    assert db.execute("select count(*) from statement_responses where statement_id = ?",
                           [sid]).fetchone()[0] == 0
    note = db.execute("select note from statement_history where statement_id = ?"
                           " order by id desc limit 1", [sid]).fetchone()[0]
    assert note == "Svaret fra Ordføreren er fjernet"


def test_undo_of_a_papers_answer_puts_the_letter_back_with_the_paper(people):
    db, writer, leader = people.db, people.writer, people.leader
    doc = reader_letters.new_letter(db, writer, title="Hold fast",
                                    text="Bystyret bør holde fast ved klokka 02.")
    reader_letters.move(db, writer, doc, "til_vurdering")
    reader_letters.move(db, leader, doc, "godkjent")
    paper = papers(people)["Elvebyen"]
    letter_sending.send(db, writer, doc, paper, sent_on=dt.date.today())
    letter_sending.record_answer(db, writer, doc, "publisert",
                                 link="https://dt.no/innlegg/1")
    letter_sending.undo_answer(db, writer, doc)
    record = reader_letters.get_letter(db, writer, doc)
    assert (record["status"], record["published_on"], record["link"]) == ("sendt", None, None)
    assert letter_sending.open_submission(db, doc)["newspaper_id"] == paper
    with pytest.raises(ValidationError, match="ikke angres"):
        letter_sending.undo_answer(db, writer, doc)
    letter_sending.record_answer(db, writer, doc, "refusert")  # answerable again
    assert reader_letters.get_letter(db, writer, doc)["status"] == "refusert"


def test_only_who_may_change_the_record_undoes_a_reply_or_a_papers_answer(people):
    db, member, writer, leader = people.db, people.member, people.writer, people.leader
    mid = _meeting(people)
    received = meeting_replies.record_reply(db, member, mid, today=TODAY, summary="Ja.")
    with pytest.raises(PermissionDenied):
        meeting_replies.remove_reply(db, writer, mid, received)
    assert _row(db, mid)[1] == received
    doc = reader_letters.new_letter(db, writer, title="Hold fast",
                                    text="Bystyret bør holde fast ved klokka 02.")
    reader_letters.move(db, writer, doc, "til_vurdering")
    reader_letters.move(db, leader, doc, "godkjent")
    paper = papers(people)["Elvebyen"]
    letter_sending.send(db, writer, doc, paper)
    letter_sending.record_answer(db, writer, doc, "refusert")
    with pytest.raises((PermissionDenied, ValidationError)):
        letter_sending.undo_answer(db, people.other_member, doc)
    assert reader_letters.get_letter(db, writer, doc)["status"] == "refusert"
