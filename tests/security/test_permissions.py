"""Every protected domain function refuses the wrong role or chapter, and writes nothing.

The pages only hide what these functions refuse; a URL, a query parameter or a forged session
state ends up in the same functions. Reads of another chapter's meeting say "not found" (a
ValidationError) rather than "forbidden", so a meeting's existence is not revealed either.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from types import SimpleNamespace

import pytest

from advocacy import audit_list, search
from advocacy.accounts import accounts, user_admin
from advocacy.db import connect
from advocacy.documents import BUNDLED
from advocacy.errors import PermissionDenied, ValidationError
from advocacy.events import campaigns, events
from advocacy.letters import document_context, document_records, template_library
from advocacy.meetings import followup_letters, followups, meeting_replies, meetings
from advocacy.policy import levers, municipality_activity, positions
from advocacy.politicians import politicians, stances
from advocacy.privacy import erasure, privacy
from advocacy.startup import open_database
from advocacy.statements import statement_sending, statements
from tests.conftest import OWN_CHAPTERS, OWN_USERS, politician
from tests.literal_accounts import PASSWORD
from tests.literal_letters import drammen_politicians
from tests.literal_records import meeting

NOT_FOUND = ValidationError  # another chapter's meeting: existence not revealed


def _build_people(db) -> SimpleNamespace:
    """The chapters and users of `people` (tests/conftest.py), made the same way."""
    chapters = [accounts.create_chapter(db, name, org, knr) for name, org, knr in OWN_CHAPTERS]
    users = [accounts.get_user(db, accounts.create_user(db, username, role, PASSWORD,
                                                        full_name=name, chapter=chapter))
             for username, name, role, chapter in OWN_USERS]
    return SimpleNamespace(db=db, leader=users[0], member=users[1], other_member=users[2],
                           writer=users[3], drammen=chapters[0], bergen=chapters[1])


def _build_world(people) -> dict:
    """Records of a chapter that is not the chapter member's (Lag Bergen, not Lag Drammen),
    and one meeting of the member's own chapter, all made by the leader."""
    db, leader = people.db, people.leader
    anne, _bjorn = drammen_politicians(people)
    meeting(db, leader, "2026-03-02", "3301", [anne], "Om skjenketider",
            chapter_id=people.drammen, today=dt.date(2026, 3, 2))
    dina = politician(db, leader, "Dina Fjell", "4601", role="ordforer", party="KrF")
    other = people.bergen
    bergen_meeting = meeting(db, leader, "2026-03-03", "4601", [dina],
                             "Om bevillinger til rusforebygging", chapter_id=other,
                             today=dt.date(2026, 3, 3))
    letter = followup_letters.create_letter(db, leader, bergen_meeting)
    doc = document_records.create_document(
        db, leader, kind="oppfolgingsbrev", template="oppfolgingsbrev.docx",
        fields=BUNDLED["oppfolgingsbrev"].sample_context(), chapter_id=other)
    draft = statements.create_statement(db, leader, {"title": "Internt utkast",
                                                     "position": "Hemmelig"}, chapter_id=other)
    adopted = statements.create_statement(db, leader, {"title": "Vedtatt", "position": "Ja"},
                                          chapter_id=other)
    statements.set_status(db, leader, adopted, "til_behandling")
    statements.adopt(db, leader, adopted, "Styret", dt.date.today())
    event = events.create_event(db, leader, kind="stand", title="Stand", chapter_id=other,
                                starts_at=dt.datetime.now().replace(microsecond=0))
    campaign = campaigns.create_campaign(db, leader, "Kampanje")
    return {"chapter": other, "meeting": bergen_meeting, "letter": letter, "doc": doc,
            "draft": draft, "adopted": adopted, "event": event, "campaign": campaign,
            "politician": anne, "knr": "4601"}


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """One database with the users of `people` and the other chapter's records, made from
    literal data (no demo), built once and copied per test."""
    path = tmp_path_factory.mktemp("permissions") / "base.db"
    db = open_database(path)
    world = _build_world(_build_people(db))
    db.execute("pragma wal_checkpoint(truncate)")
    db.close()
    return path, world


def _user(db, username):
    uid = db.execute("select id from users where username = ?", [username]).fetchone()[0]
    return accounts.get_user(db, uid)


@pytest.fixture
def env(base, tmp_path):
    path = tmp_path / "advocacy.db"
    shutil.copyfile(base[0], path)
    db = connect(path)
    yield db, base[1]
    db.close()


@pytest.fixture
def people(env):
    """`people` (tests/conftest.py) on this module's copied base: `.db`, `.leader`, `.member`
    (Lag Drammen), `.other_member` (Lag Bergen), `.writer`, `.drammen`, `.bergen`."""
    db = env[0]
    ids = {name: cid for cid, name in db.execute("select id, name from chapters")}
    return SimpleNamespace(db=db, leader=_user(db, "sjef"), member=_user(db, "drammen"),
                           other_member=_user(db, "bergen"), writer=_user(db, "skriver"),
                           drammen=ids["Lag Drammen"], bergen=ids["Lag Bergen"])


@pytest.fixture
def world(env):
    return env[1]


def snapshot(db) -> dict[str, str]:
    """A digest of every table's rows: any write, anywhere, changes it."""
    tables = [r[0] for r in db.execute("select name from sqlite_master where type = 'table' "
                                       "and name not like '%_fts%' and name not like 'sqlite_%'")]
    return {t: hashlib.sha256(repr(db.execute(f"select * from [{t}]").fetchall())  # noqa: S608
                              .encode()).hexdigest() for t in tables}


def _meeting_input(db, w):
    return meetings.as_input(meetings.get_meeting(db, accounts.get_user(db, 1), w["meeting"]))


# (name, call(db, w, user)); every call must be refused for both the other chapter's member and
# the writing group (expected exception per role).
CASES = [
    ("meetings.get_meeting", lambda db, w, u: meetings.get_meeting(db, u, w["meeting"])),
    ("meetings.update_meeting", lambda db, w, u: meetings.update_meeting(
        db, u, w["meeting"], _meeting_input(db, w))),
    ("meetings.create_meeting", lambda db, w, u: meetings.create_meeting(
        db, u, meetings.MeetingInput(held_on=dt.date.today(), kind="mote",
                                     chapter_id=w["chapter"], kommunenummer="0301",
                                     politician_ids=[w["politician"]], summary="x"))),
    ("meetings.mark_followup_done", lambda db, w, u: meetings.mark_followup_done(
        db, u, w["meeting"])),
    ("meeting_replies.record_reply", lambda db, w, u: meeting_replies.record_reply(db, u, w["meeting"])),
    ("followup_letters.create_letter", lambda db, w, u: followup_letters.create_letter(
        db, u, w["meeting"])),
    ("followup_letters.get_letter", lambda db, w, u: followup_letters.get_letter(
        db, u, w["letter"])),
    ("followup_letters.update_letter", lambda db, w, u: followup_letters.update_letter(
        db, u, w["letter"], {"tema": "x"})),
    ("followup_letters.render_letter", lambda db, w, u: followup_letters.render_letter(
        db, u, w["letter"])),
    ("followup_letters.mark_sent", lambda db, w, u: followup_letters.mark_sent(
        db, u, w["letter"])),
    ("followup_letters.letters_for_meeting", lambda db, w, u:
        followup_letters.letters_for_meeting(db, u, w["meeting"])),
    ("document_records.get_document", lambda db, w, u: document_records.get_document(
        db, u, w["doc"])),
    ("document_records.update_document", lambda db, w, u: document_records.update_document(
        db, u, w["doc"], title="x")),
    ("document_records.set_status", lambda db, w, u: document_records.set_status(
        db, u, w["doc"], "godkjent")),
    ("document_records.mark_sent", lambda db, w, u: document_records.mark_sent(
        db, u, w["doc"])),
    ("document_records.render_document", lambda db, w, u: document_records.render_document(
        db, u, w["doc"])),
    ("statements.readable", lambda db, w, u: statements.readable(db, u, w["draft"])),
    ("statements.update_draft", lambda db, w, u: statements.update_draft(
        db, u, w["draft"], {"title": "x"})),
    ("statements.set_status", lambda db, w, u: statements.set_status(
        db, u, w["draft"], "trukket")),
    ("statements.adopt", lambda db, w, u: statements.adopt(
        db, u, w["draft"], "Styret", dt.date.today())),
    ("statements.new_version", lambda db, w, u: statements.new_version(db, u, w["adopted"])),
    ("statement_sending.send", lambda db, w, u: statement_sending.send(
        db, u, w["adopted"], [("annet", "Noen")], dt.date.today())),
    ("campaigns.create_campaign", lambda db, w, u: campaigns.create_campaign(db, u, "x")),
    ("campaigns.link", lambda db, w, u: campaigns.link(db, u, w["campaign"],
                                                       meeting_id=w["meeting"])),
    ("events.delete_event", lambda db, w, u: events.delete_event(db, u, w["event"])),
    ("positions.record_position", lambda db, w, u: positions.record_position(
        db, u, w["knr"], "salg_valgdag", "ja", "2025-01-01", "Sak 1")),
    ("levers.set_goal", lambda db, w, u: levers.set_goal(db, u, "skjenketid_gr12", "01:00")),
    ("levers.add_lever", lambda db, w, u: levers.add_lever(db, u, "Ny sak", "count")),
    ("levers.update_lever", lambda db, w, u: levers.update_lever(
        db, u, "skjenketid_gr12", active=False)),
    ("user_admin.add_user", lambda db, w, u: user_admin.add_user(
        db, u, "inntrenger", "leder", "passord-123")),
    ("user_admin.update_user", lambda db, w, u: user_admin.update_user(
        db, u, u.id, full_name="x", role="leder")),
    ("user_admin.set_active", lambda db, w, u: user_admin.set_active(db, u, 1, False)),
    ("user_admin.reset_password", lambda db, w, u: user_admin.reset_password(db, u, 1)),
    ("user_admin.add_chapter", lambda db, w, u: user_admin.add_chapter(db, u, "Nytt", "IOGT")),
    ("accounts.list_users", lambda db, w, u: accounts.list_users(db, u)),
    ("audit_list.entries", lambda db, w, u: audit_list.entries(db, u)),
    ("template_library.save_uploaded", lambda db, w, u: template_library.save_uploaded(
        db, u, "Min mal", "annet", "mal.docx", BUNDLED["oppfolgingsbrev"].path.read_bytes())),
    ("privacy.export_politician", lambda db, w, u: privacy.export_politician(
        db, u, w["politician"])),
    ("privacy.export_user", lambda db, w, u: privacy.export_user(db, u, 1)),
    ("privacy.retention_list", lambda db, w, u: privacy.retention_list(db, u)),
    ("erasure.erase_politician", lambda db, w, u: erasure.erase_politician(
        db, u, w["politician"])),
    ("erasure.erase_user", lambda db, w, u: erasure.erase_user(db, u, 1)),
    ("erasure.review", lambda db, w, u: erasure.review(db, u, "politiker", w["politician"])),
]
# Where a role gets "not found" instead of "forbidden" (the meeting is outside its read scope).
NOT_FOUND_FOR_MEMBER = {
    "meetings.get_meeting", "meetings.update_meeting", "meetings.mark_followup_done",
    "meeting_replies.record_reply", "followup_letters.create_letter", "followup_letters.get_letter",
    "followup_letters.update_letter", "followup_letters.render_letter",
    "followup_letters.mark_sent", "followup_letters.letters_for_meeting",
}
WRITER_CASES = CASES + [
    ("meetings.list_meetings", lambda db, w, u: meetings.list_meetings(db, u)),
    ("followups.open_followups", lambda db, w, u: followups.open_followups(db, u)),
    ("followups.followups_ics", lambda db, w, u: followups.followups_ics(db, u)),
    ("document_context.politicians_met", lambda db, w, u: document_context.politicians_met(
        db, u, dt.date(2020, 1, 1), dt.date.today())),
    ("politicians.create_politician", lambda db, w, u: politicians.create_politician(
        db, u, {"name": "Ny Person", "kommune": "0301"})),
    ("politicians.update_politician", lambda db, w, u: politicians.update_politician(
        db, u, w["politician"], {"name": "Nytt Navn", "kommune": "0301"})),
    ("stances.record_stance", lambda db, w, u: stances.record_stance(
        db, u, w["politician"], "for", topic="x", stated_on=dt.date.today(), source="x")),
    ("statements.create_statement", lambda db, w, u: statements.create_statement(
        db, u, {"title": "x"})),
    ("events.create_event", lambda db, w, u: events.create_event(
        db, u, kind="stand", title="x", starts_at=dt.datetime.now())),
    ("campaigns.add_count", lambda db, w, u: campaigns.add_count(
        db, u, w["campaign"], dt.date.today(), signatures=5)),
]


@pytest.mark.parametrize(("name", "call"), CASES, ids=[c[0] for c in CASES])
def test_other_chapters_member_is_refused_and_nothing_is_written(people, world, name, call):
    db = people.db
    before = snapshot(db)
    expected = NOT_FOUND if name in NOT_FOUND_FOR_MEMBER else PermissionDenied
    with pytest.raises(expected):
        call(db, world, people.member)
    assert snapshot(db) == before


@pytest.mark.parametrize(("name", "call"), WRITER_CASES, ids=[c[0] for c in WRITER_CASES])
def test_writing_group_is_refused_and_nothing_is_written(people, world, name, call):
    db = people.db
    before = snapshot(db)
    with pytest.raises(PermissionDenied):
        call(db, world, people.writer)
    assert snapshot(db) == before


def test_lists_and_search_show_a_chapter_member_only_their_chapter(people, world):
    db, chapter_member = people.db, people.member
    own = chapter_member.chapter_id
    assert [m["chapter"] for m in meetings.list_meetings(db, chapter_member)] == ["Lag Drammen"]
    open_ones = followups.open_followups(db, chapter_member)
    assert open_ones and all(r["chapter_id"] == own for r in open_ones)
    docs = document_records.list_documents(db, chapter_member)
    assert world["doc"] not in {d["id"] for d in docs}
    assert world["letter"] not in {d["id"] for d in docs}
    summary = db["meetings"].get(world["meeting"])["summary"]
    word = max(summary.split(), key=len).strip(".,")
    assert word == "rusforebygging"
    assert world["meeting"] in {h["id"] for h in search.search(db, people.leader, word)
                                if h["kind"] == "meeting"}  # the word does find it ...
    hits = search.search(db, chapter_member, word)  # ... but not for the member
    assert world["meeting"] not in {h["id"] for h in hits if h["kind"] == "meeting"}
    knr = db["meetings"].get(world["meeting"])["kommunenummer"]
    assert world["meeting"] not in {
        m["id"] for m in municipality_activity.municipality_meetings(db, chapter_member, knr)}


def test_writer_in_a_chapter_reads_no_follow_up_letters_of_that_chapter(people, world):
    """A writing-group member attached to a chapter sees its reader letters, never its
    follow-up letters (they carry the content of meetings, which the group may not read)."""
    db, leader = people.db, people.leader
    accounts.create_user(db, "skribent2", "skrivegruppe", "passord-123",
                         chapter=db["chapters"].get(world["chapter"])["name"])
    writer = accounts.authenticate(db, "skribent2", "passord-123")
    with pytest.raises(PermissionDenied):
        document_records.get_document(db, writer, world["doc"])
    assert world["doc"] not in {d["id"] for d in document_records.list_documents(db, writer)}
    op_ed = document_records.create_document(
        db, leader, kind="leserinnlegg", template=None, fields={}, title="Innlegg",
        chapter_id=world["chapter"])
    assert document_records.get_document(db, writer, op_ed)["title"] == "Innlegg"
    assert world["doc"] not in {
        d["id"] for d in followup_letters.letters_for_politician(db, writer,
                                                                 world["politician"])}


def test_chapter_member_cannot_steal_a_meeting_into_their_chapter(people, world):
    """Moving another chapter's meeting by giving one's own chapter id is refused as well."""
    db, chapter_member = people.db, people.member
    data = _meeting_input(db, world)
    data.chapter_id = chapter_member.chapter_id
    before = snapshot(db)
    with pytest.raises(NOT_FOUND):
        meetings.update_meeting(db, chapter_member, world["meeting"], data)
    assert snapshot(db) == before
