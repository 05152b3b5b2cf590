"""The papirkurv: remove moves a record and what belongs to it, restore puts every row back with
its id, who may do what, the 30-day purge, search, and what cannot be removed."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from advocacy import audit, drafts, search
from advocacy.errors import PermissionDenied, ValidationError
from advocacy.letters import document_records, template_library
from advocacy.meetings.meetings import MeetingInput, create_meeting
from advocacy.privacy import trash
from tests.test_template_library import make_docx

SKIP = {"audit_log", "audit_head", "trash", "sqlite_stat1"}


def snapshot(db) -> dict[str, list]:
    """Every row of every live table (full-text shadow tables left out: search is tested)."""
    return {t: sorted(map(repr, db[t].rows)) for t in db.table_names()
            if t not in SKIP and "_fts" not in t}


def first_removable(db, leader, kind: str) -> int:
    table = trash.KINDS[kind].table
    for (row_id,) in db.execute(f"select id from [{table}] order by id"):  # noqa: S608
        try:
            trash.KINDS[kind].check(db, leader, row_id)
        except (ValidationError, PermissionDenied):
            continue
        return row_id
    raise AssertionError(f"no removable {kind} in the demo data")


def meeting_with_politician(demo_db, leader, drammen_politicians, summary="Om skjenketider"):
    return create_meeting(demo_db, leader, MeetingInput(
        held_on=dt.date(2026, 3, 2), kind="mote", kommunenummer="3301",
        chapter_id=demo_db.execute("select id from chapters where kommunenummer = '3301'"
                                   ).fetchone()[0],
        politician_ids=drammen_politicians[:1], summary=summary))


KINDS_IN_DEMO = ["meetings", "politicians", "stances", "documents", "statements", "events",
                 "arguments"]


@pytest.mark.parametrize("kind", KINDS_IN_DEMO)
def test_remove_and_restore_keep_every_row_and_id(demo_db, leader, kind):
    row_id = first_removable(demo_db, leader, kind)
    table = trash.KINDS[kind].table
    before = snapshot(demo_db)
    trash_id = trash.remove(demo_db, leader, kind, row_id)
    assert demo_db.execute(f"select 1 from [{table}] where id = ?",  # noqa: S608
                           [row_id]).fetchone() is None
    assert snapshot(demo_db) != before
    assert [e["id"] for e in trash.list_trash(demo_db, leader)] == [trash_id]
    assert trash.restore(demo_db, leader, trash_id).endswith("er gjenopprettet.")
    assert snapshot(demo_db) == before
    assert trash.list_trash(demo_db, leader) == []
    assert audit.verify(demo_db).ok


def test_campaign_template_and_newspaper_round_trip(demo_db, leader):
    demo_db.execute("update events set campaign_id = null")
    campaign = first_removable(demo_db, leader, "campaigns")
    template = template_library.save_uploaded(demo_db, leader, "Enkel hilsen", "annet",
                                              "hilsen.docx", make_docx("{{ hilsen }}"))
    paper = demo_db["newspapers"].insert({"name": "Nytt blad"}).last_pk
    demo_db["newspaper_municipalities"].insert({"newspaper_id": paper, "kommunenummer": "3301"})
    for kind, row_id in (("campaigns", campaign), ("templates", template), ("newspapers", paper)):
        before = snapshot(demo_db)
        trash_id = trash.remove(demo_db, leader, kind, row_id)
        assert snapshot(demo_db) != before
        trash.restore(demo_db, leader, trash_id)
        assert snapshot(demo_db) == before  # the template's .docx blob comes back byte for byte


def test_a_meeting_takes_its_links_and_unsent_letter_along(demo_db, leader, drammen_politicians):
    mid = meeting_with_politician(demo_db, leader, drammen_politicians)
    doc = document_records.create_document(
        demo_db, leader, kind="oppfolgingsbrev", template="oppfolgingsbrev",
        fields={"mottaker_navn": "Kari"}, meeting_id=mid)
    trash_id = trash.remove(demo_db, leader, "meetings", mid)
    payload = json.loads(demo_db["trash"].get(trash_id)["payload"])
    assert {(i["table"]) for i in payload} >= {"meetings", "meeting_politicians", "documents"}
    assert demo_db.execute("select count(*) from documents where id = ?", [doc]).fetchone()[0] == 0
    assert demo_db.execute("select count(*) from meeting_politicians where meeting_id = ?",
                           [mid]).fetchone()[0] == 0


def test_a_meeting_with_a_sent_letter_is_refused_with_its_name(demo_db, leader,
                                                               drammen_politicians):
    mid = meeting_with_politician(demo_db, leader, drammen_politicians)
    doc = document_records.create_document(
        demo_db, leader, kind="oppfolgingsbrev", template="oppfolgingsbrev",
        fields={"mottaker_navn": "Kari"}, meeting_id=mid, title="Takk for møtet")
    demo_db["documents"].update(doc, {"status": "sendt", "sent_on": "2026-03-03"})
    before = snapshot(demo_db)
    with pytest.raises(ValidationError, match="«Takk for møtet»"):
        trash.remove(demo_db, leader, "meetings", mid)
    assert snapshot(demo_db) == before
    assert demo_db["trash"].count == 0


def test_a_sent_document_cannot_be_removed(demo_db, leader):
    sent = demo_db.execute("select id from documents where status = 'sendt'").fetchone()[0]
    with pytest.raises(ValidationError, match="sendt og kan ikke slettes"):
        trash.remove(demo_db, leader, "documents", sent)
    adopted = demo_db.execute("select id from statements where status = 'vedtatt'").fetchone()[0]
    with pytest.raises(ValidationError, match="kan ikke slettes"):
        trash.remove(demo_db, leader, "statements", adopted)
    assert demo_db["trash"].count == 0


def test_chapter_member_removes_only_their_chapter(demo_db, chapter_member, leader):
    own = demo_db.execute("select id from meetings where chapter_id = ?",
                          [chapter_member.chapter_id]).fetchone()[0]
    other = demo_db.execute("select id from meetings where chapter_id != ?",
                            [chapter_member.chapter_id]).fetchone()[0]
    with pytest.raises((PermissionDenied, ValidationError)):
        trash.remove(demo_db, chapter_member, "meetings", other)
    trash_id = trash.remove(demo_db, chapter_member, "meetings", own)
    # they see it and may undo their own removal; leadership sees everything
    assert [e["id"] for e in trash.list_trash(demo_db, chapter_member)] == [trash_id]
    leader_id = trash.remove(demo_db, leader, "meetings", other)
    assert {e["id"] for e in trash.list_trash(demo_db, leader)} == {trash_id, leader_id}
    assert [e["id"] for e in trash.list_trash(demo_db, chapter_member)] == [trash_id]
    with pytest.raises(PermissionDenied):
        trash.restore(demo_db, chapter_member, leader_id)
    trash.restore(demo_db, chapter_member, trash_id)


def test_writer_cannot_remove_politicians_or_newspapers(demo_db, writer, chapter_member):
    politician = demo_db.execute("select id from politicians").fetchone()[0]
    paper = demo_db.execute("select id from newspapers").fetchone()[0]
    with pytest.raises(PermissionDenied):
        trash.remove(demo_db, writer, "politicians", politician)
    with pytest.raises(PermissionDenied):
        trash.remove(demo_db, chapter_member, "newspapers", paper)
    assert demo_db["trash"].count == 0


def test_restore_refuses_when_a_linked_record_is_gone(demo_db, leader, drammen_politicians):
    mid = meeting_with_politician(demo_db, leader, drammen_politicians)
    meeting_entry = trash.remove(demo_db, leader, "meetings", mid)
    politician_entry = trash.remove(demo_db, leader, "politicians", drammen_politicians[0])
    with pytest.raises(ValidationError, match="politiker nr"):
        trash.restore(demo_db, leader, meeting_entry)
    trash.restore(demo_db, leader, politician_entry)
    trash.restore(demo_db, leader, meeting_entry)
    assert demo_db.execute("select politician_id from meeting_politicians where meeting_id = ?",
                           [mid]).fetchall() == [(drammen_politicians[0],)]


def test_a_record_whose_id_was_taken_meanwhile_comes_back_under_a_new_one(
        demo_db, leader, drammen_politicians):
    mid = meeting_with_politician(demo_db, leader, drammen_politicians)
    entry = trash.remove(demo_db, leader, "meetings", mid)
    assert meeting_with_politician(demo_db, leader, drammen_politicians, "Nytt møte") == mid
    message = trash.restore(demo_db, leader, entry)
    new_id = demo_db.execute("select max(id) from meetings").fetchone()[0]
    assert new_id != mid and f"nr. {new_id}" in message
    assert demo_db["meetings"].get(mid)["summary"] == "Nytt møte"  # untouched
    assert demo_db["meetings"].get(new_id)["summary"] != "Nytt møte"
    # its rows follow it to the new number
    assert demo_db.execute("select politician_id from meeting_politicians where meeting_id = ?",
                           [new_id]).fetchall() == [(drammen_politicians[0],)]
    assert audit.verify(demo_db).ok


def test_restore_twice_is_refused(demo_db, leader):
    entry = trash.remove(demo_db, leader, "arguments", first_removable(demo_db, leader,
                                                                       "arguments"))
    trash.restore(demo_db, leader, entry)
    with pytest.raises(ValidationError, match="allerede gjenopprettet"):
        trash.restore(demo_db, leader, entry)


def test_entries_older_than_30_days_are_purged(demo_db, leader):
    entry = trash.remove(demo_db, leader, "events", first_removable(demo_db, leader, "events"))
    now = dt.datetime.now(dt.UTC)
    assert [e["days_left"] for e in trash.list_trash(demo_db, leader, now)] == [30]
    assert trash.list_trash(demo_db, leader, now + dt.timedelta(days=29))[0]["days_left"] == 1
    assert trash.purge(demo_db, now + dt.timedelta(days=29)) == 0
    assert trash.purge(demo_db, now + dt.timedelta(days=31)) == 1
    with pytest.raises(ValidationError):
        trash.restore(demo_db, leader, entry)
    assert audit.verify(demo_db).ok


def test_drafts_of_a_removed_record_go_with_it(demo_db, leader, writer, drammen_politicians):
    """Its number may be given to a new record, which must not open with someone's old text."""
    mid = meeting_with_politician(demo_db, leader, drammen_politicians)
    drafts.keep(demo_db, leader, f"mote:{mid}", {"summary": "Halvskrevet"})
    drafts.keep(demo_db, writer, f"mote:{mid}", {"summary": "Også halvskrevet"})
    drafts.keep(demo_db, leader, "mote:new", {"summary": "Et annet møte"})
    trash.remove(demo_db, leader, "meetings", mid)
    assert drafts.restore(demo_db, leader, f"mote:{mid}") is None
    assert drafts.restore(demo_db, writer, f"mote:{mid}") is None
    assert drafts.restore(demo_db, leader, "mote:new") == {"summary": "Et annet møte"}


def test_remove_and_restore_are_audited(demo_db, leader):
    mid = first_removable(demo_db, leader, "meetings")
    entry = trash.remove(demo_db, leader, "meetings", mid)
    trash.restore(demo_db, leader, entry)
    rows = demo_db.execute(
        "select action, user_id from audit_log where table_name = 'meetings' and row_id = ? "
        "order by id", [str(mid)]).fetchall()
    assert [a for a, _ in rows][-4:] == ["delete", "trash", "create", "restore"]
    assert {u for _, u in rows[-4:]} == {leader.id}  # the triggers' rows name who did it too
    assert audit.verify(demo_db).ok


def test_search_leaves_out_a_removed_meeting_and_finds_it_restored(demo_db, leader,
                                                                  drammen_politicians):
    mid = meeting_with_politician(demo_db, leader, drammen_politicians,
                                  "Vi drøftet vinmonopolets åpningstider.")

    def found():
        return [h["id"] for h in search.search(demo_db, leader, "vinmonopol")
                if h["kind"] == "meeting"]

    assert found() == [mid]
    entry = trash.remove(demo_db, leader, "meetings", mid)
    assert found() == []
    trash.restore(demo_db, leader, entry)
    assert found() == [mid]
