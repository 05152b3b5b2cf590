"""The papirkurv: remove moves a record and what belongs to it, restore puts every row back with
its id, who may do what, the 30-day purge, search, and what cannot be removed."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from advocacy import audit, drafts, search
from advocacy.errors import PermissionDenied, ValidationError
from advocacy.events import campaigns
from advocacy.letters import document_records, template_library
from advocacy.meetings.meetings import MeetingInput, create_meeting
from advocacy.privacy import trash
from advocacy.statements import statements
from tests.literal_history import records
from tests.literal_letters import drammen_politicians as made_politicians
from tests.literal_letters import papers as made_papers
from tests.literal_records import sent_letter
from tests.test_template_library import make_docx

SKIP = {"audit_log", "audit_head", "trash", "sqlite_stat1"}


def snapshot(db) -> dict[str, list]:
    """Every row of every live table (full-text shadow tables left out: search is tested)."""
    return {t: sorted(map(repr, db[t].rows)) for t in db.table_names()
            if t not in SKIP and "_fts" not in t}


def meeting_with_politician(db, leader, drammen_politicians, summary="Om skjenketider"):
    return create_meeting(db, leader, MeetingInput(
        held_on=dt.date(2026, 3, 2), kind="mote", kommunenummer="3301",
        chapter_id=db.execute("select id from chapters where kommunenummer = '3301'"
                              ).fetchone()[0],
        politician_ids=drammen_politicians[:1], summary=summary))


# kind -> its record in `records` (of the politicians: Bjørn Berg, who is in no meeting)
KINDS = {"meetings": "meeting", "politicians": "politicians", "stances": "stance",
         "documents": "document", "statements": "statement", "events": "event",
         "arguments": "argument"}


def _record_of(made, kind):
    return made.politicians[1] if kind == "politicians" else getattr(made, KINDS[kind])


@pytest.mark.parametrize("kind", list(KINDS))
def test_remove_and_restore_keep_every_row_and_id(people, kind):
    db, leader = people.db, people.leader
    row_id = _record_of(records(people), kind)
    table = trash.KINDS[kind].table
    before = snapshot(db)
    trash_id = trash.remove(db, leader, kind, row_id)
    assert db.execute(f"select 1 from [{table}] where id = ?",  # noqa: S608
                           [row_id]).fetchone() is None
    assert snapshot(db) != before
    assert [e["id"] for e in trash.list_trash(db, leader)] == [trash_id]
    assert trash.restore(db, leader, trash_id).endswith("er gjenopprettet.")
    assert snapshot(db) == before
    assert trash.list_trash(db, leader) == []
    assert audit.verify(db).ok


def test_campaign_template_and_newspaper_round_trip(people):
    db, leader = people.db, people.leader
    campaign = campaigns.create_campaign(db, leader, "Høstaksjon", starts_on="2026-09-01")
    template = template_library.save_uploaded(db, leader, "Enkel hilsen", "annet",
                                              "hilsen.docx", make_docx("{{ hilsen }}"))
    paper = made_papers(people)["Elvebyen"]  # covering Drammen (3301)
    for kind, row_id in (("campaigns", campaign), ("templates", template), ("newspapers", paper)):
        before = snapshot(db)
        trash_id = trash.remove(db, leader, kind, row_id)
        assert snapshot(db) != before
        trash.restore(db, leader, trash_id)
        assert snapshot(db) == before  # the template's .docx blob comes back byte for byte


def test_a_meeting_takes_its_links_and_unsent_letter_along(people):
    db, leader, drammen_politicians = people.db, people.leader, made_politicians(people)
    mid = meeting_with_politician(db, leader, drammen_politicians)
    doc = document_records.create_document(
        db, leader, kind="oppfolgingsbrev", template="oppfolgingsbrev",
        fields={"mottaker_navn": "Kari"}, meeting_id=mid)
    trash_id = trash.remove(db, leader, "meetings", mid)
    payload = json.loads(db["trash"].get(trash_id)["payload"])
    assert {(i["table"]) for i in payload} >= {"meetings", "meeting_politicians", "documents"}
    assert db.execute("select count(*) from documents where id = ?", [doc]).fetchone()[0] == 0
    assert db.execute("select count(*) from meeting_politicians where meeting_id = ?",
                           [mid]).fetchone()[0] == 0


def test_a_meeting_with_a_sent_letter_is_refused_with_its_name(people):
    db, leader, drammen_politicians = people.db, people.leader, made_politicians(people)
    mid = meeting_with_politician(db, leader, drammen_politicians)
    doc = document_records.create_document(
        db, leader, kind="oppfolgingsbrev", template="oppfolgingsbrev",
        fields={"mottaker_navn": "Kari"}, meeting_id=mid, title="Takk for møtet")
    db["documents"].update(doc, {"status": "sendt", "sent_on": "2026-03-03"})
    before = snapshot(db)
    with pytest.raises(ValidationError, match="«Takk for møtet»"):
        trash.remove(db, leader, "meetings", mid)
    assert snapshot(db) == before
    assert db["trash"].count == 0


def test_a_sent_document_cannot_be_removed(people):
    db, leader = people.db, people.leader
    paper = made_papers(people)["Elvebyen"]
    sent = sent_letter(db, people.writer, leader, paper, "Hold skjenketiden", "2026-03-01")
    with pytest.raises(ValidationError, match="sendt og kan ikke slettes"):
        trash.remove(db, leader, "documents", sent)
    adopted = statements.create_statement(db, leader, {"title": "Skjenketider",
                                                       "position": "Vi mener"})
    statements.set_status(db, leader, adopted, "til_behandling")
    statements.adopt(db, leader, adopted, "Styret", dt.date(2021, 4, 19))
    with pytest.raises(ValidationError, match="kan ikke slettes"):
        trash.remove(db, leader, "statements", adopted)
    assert db["trash"].count == 0


def test_chapter_member_removes_only_their_chapter(people):
    db, chapter_member, leader = people.db, people.member, people.leader
    made = records(people)
    own, other = made.meeting, made.bergen_meeting  # of Lag Drammen, of Lag Bergen
    with pytest.raises((PermissionDenied, ValidationError)):
        trash.remove(db, chapter_member, "meetings", other)
    trash_id = trash.remove(db, chapter_member, "meetings", own)
    # they see it and may undo their own removal; leadership sees everything
    assert [e["id"] for e in trash.list_trash(db, chapter_member)] == [trash_id]
    leader_id = trash.remove(db, leader, "meetings", other)
    assert {e["id"] for e in trash.list_trash(db, leader)} == {trash_id, leader_id}
    assert [e["id"] for e in trash.list_trash(db, chapter_member)] == [trash_id]
    with pytest.raises(PermissionDenied):
        trash.restore(db, chapter_member, leader_id)
    trash.restore(db, chapter_member, trash_id)


def test_writer_cannot_remove_politicians_or_newspapers(people):
    db, writer, chapter_member = people.db, people.writer, people.member
    made = records(people)
    politician, paper = made.politicians[0], made.newspaper
    with pytest.raises(PermissionDenied):
        trash.remove(db, writer, "politicians", politician)
    with pytest.raises(PermissionDenied):
        trash.remove(db, chapter_member, "newspapers", paper)
    assert db["trash"].count == 0


def test_restore_refuses_when_a_linked_record_is_gone(people):
    db, leader, drammen_politicians = people.db, people.leader, made_politicians(people)
    mid = meeting_with_politician(db, leader, drammen_politicians)
    meeting_entry = trash.remove(db, leader, "meetings", mid)
    politician_entry = trash.remove(db, leader, "politicians", drammen_politicians[0])
    with pytest.raises(ValidationError, match="politiker nr"):
        trash.restore(db, leader, meeting_entry)
    trash.restore(db, leader, politician_entry)
    trash.restore(db, leader, meeting_entry)
    assert db.execute("select politician_id from meeting_politicians where meeting_id = ?",
                           [mid]).fetchall() == [(drammen_politicians[0],)]


def test_a_record_whose_id_was_taken_meanwhile_comes_back_under_a_new_one(people):
    db, leader, drammen_politicians = people.db, people.leader, made_politicians(people)
    mid = meeting_with_politician(db, leader, drammen_politicians)
    entry = trash.remove(db, leader, "meetings", mid)
    assert meeting_with_politician(db, leader, drammen_politicians, "Nytt møte") == mid
    message = trash.restore(db, leader, entry)
    new_id = db.execute("select max(id) from meetings").fetchone()[0]
    assert new_id != mid and f"nr. {new_id}" in message
    assert db["meetings"].get(mid)["summary"] == "Nytt møte"  # untouched
    assert db["meetings"].get(new_id)["summary"] != "Nytt møte"
    # its rows follow it to the new number
    assert db.execute("select politician_id from meeting_politicians where meeting_id = ?",
                           [new_id]).fetchall() == [(drammen_politicians[0],)]
    assert audit.verify(db).ok


def test_restore_twice_is_refused(people):
    db, leader = people.db, people.leader
    entry = trash.remove(db, leader, "arguments", records(people).argument)
    trash.restore(db, leader, entry)
    with pytest.raises(ValidationError, match="allerede gjenopprettet"):
        trash.restore(db, leader, entry)


def test_entries_older_than_30_days_are_purged(people):
    db, leader = people.db, people.leader
    entry = trash.remove(db, leader, "events", records(people).event)
    now = dt.datetime.now(dt.UTC)
    assert [e["days_left"] for e in trash.list_trash(db, leader, now)] == [30]
    assert trash.list_trash(db, leader, now + dt.timedelta(days=29))[0]["days_left"] == 1
    assert trash.purge(db, now + dt.timedelta(days=29)) == 0
    assert trash.purge(db, now + dt.timedelta(days=31)) == 1
    with pytest.raises(ValidationError):
        trash.restore(db, leader, entry)
    assert audit.verify(db).ok


def test_drafts_of_a_removed_record_go_with_it(people):
    db, leader, writer = people.db, people.leader, people.writer
    drammen_politicians = made_politicians(people)
    """Its number may be given to a new record, which must not open with someone's old text."""
    mid = meeting_with_politician(db, leader, drammen_politicians)
    drafts.keep(db, leader, f"mote:{mid}", {"summary": "Halvskrevet"})
    drafts.keep(db, writer, f"mote:{mid}", {"summary": "Også halvskrevet"})
    drafts.keep(db, leader, "mote:new", {"summary": "Et annet møte"})
    trash.remove(db, leader, "meetings", mid)
    assert drafts.restore(db, leader, f"mote:{mid}") is None
    assert drafts.restore(db, writer, f"mote:{mid}") is None
    assert drafts.restore(db, leader, "mote:new") == {"summary": "Et annet møte"}


def test_remove_and_restore_are_audited(people):
    db, leader = people.db, people.leader
    mid = records(people).meeting
    entry = trash.remove(db, leader, "meetings", mid)
    trash.restore(db, leader, entry)
    rows = db.execute(
        "select action, user_id from audit_log where table_name = 'meetings' and row_id = ? "
        "order by id", [str(mid)]).fetchall()
    assert [a for a, _ in rows][-4:] == ["delete", "trash", "create", "restore"]
    assert {u for _, u in rows[-4:]} == {leader.id}  # the triggers' rows name who did it too
    assert audit.verify(db).ok


def test_search_leaves_out_a_removed_meeting_and_finds_it_restored(people):
    db, leader, drammen_politicians = people.db, people.leader, made_politicians(people)
    mid = meeting_with_politician(db, leader, drammen_politicians,
                                  "Vi drøftet vinmonopolets åpningstider.")

    def found():
        return [h["id"] for h in search.search(db, leader, "vinmonopol")
                if h["kind"] == "meeting"]

    assert found() == [mid]
    entry = trash.remove(db, leader, "meetings", mid)
    assert found() == []
    trash.restore(db, leader, entry)
    assert found() == [mid]
