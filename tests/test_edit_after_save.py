"""Edit after save for the records whose page had only a «new» form: events, campaigns,
uploaded templates (name and kind), chapters."""

from __future__ import annotations

import datetime as dt

import pytest

from advocacy.accounts import user_admin
from advocacy.errors import PermissionDenied, ValidationError
from advocacy.events import campaigns, events
from advocacy.letters import document_records, template_library
from tests.test_template_library import make_docx


def test_an_event_is_changed_by_who_may_change_it(demo_db, chapter_member, leader):
    own = events.create_event(demo_db, chapter_member, kind="stand", title="Stand",
                              starts_at=dt.datetime(2027, 5, 2, 11, 0))
    before = events.events_version(demo_db)
    events.update_event(demo_db, chapter_member, own, kind="debatt", title="Debatt om skjenketid",
                        starts_at=dt.datetime(2027, 5, 3, 18, 0), place="Biblioteket")
    row = demo_db["events"].get(own)
    assert (row["kind"], row["title"], row["starts_at"], row["place"], row["chapter_id"]) == (
        "debatt", "Debatt om skjenketid", "2027-05-03T18:00", "Biblioteket",
        chapter_member.chapter_id)
    assert events.events_version(demo_db) != before  # the cached calendar is made anew
    with pytest.raises(ValidationError):
        events.update_event(demo_db, chapter_member, own, kind="stand", title="",
                            starts_at="2027-05-03")
    assert demo_db["events"].get(own)["title"] == "Debatt om skjenketid"
    other = events.create_event(demo_db, leader, kind="stand", title="Annet lag", starts_at=
                                "2027-06-01", chapter_id=demo_db.execute(
                                    "select id from chapters where id != ?",
                                    [chapter_member.chapter_id]).fetchone()[0])
    with pytest.raises(PermissionDenied):
        events.update_event(demo_db, chapter_member, other, kind="stand", title="Mitt",
                            starts_at="2027-06-01")


def test_a_campaign_is_changed_by_leadership(demo_db, leader, chapter_member):
    cid = demo_db.execute("select id from campaigns").fetchone()[0]
    campaigns.update_campaign(demo_db, leader, cid, "Ny tittel", starts_on=dt.date(2026, 1, 1),
                              ends_on=dt.date(2026, 12, 31), goal_signatures=500)
    row = demo_db["campaigns"].get(cid)
    assert (row["title"], row["ends_on"], row["goal_signatures"]) == (
        "Ny tittel", "2026-12-31", 500)
    with pytest.raises(ValidationError):
        campaigns.update_campaign(demo_db, leader, cid, "X", starts_on=dt.date(2026, 5, 1),
                                  ends_on=dt.date(2026, 1, 1))
    with pytest.raises(PermissionDenied):
        campaigns.update_campaign(demo_db, chapter_member, cid, "Mitt")
    assert demo_db["campaigns"].get(cid)["title"] == "Ny tittel"


def test_a_template_is_renamed_and_its_drafts_follow(demo_db, leader):
    tid = template_library.save_uploaded(demo_db, leader, "Hilsen", "annet", "h.docx",
                                         make_docx("{{ hilsen }}"))
    draft = document_records.create_document(demo_db, leader, kind="annet", template="Hilsen",
                                             fields={"hilsen": "Hei"})
    template_library.update_template(demo_db, leader, tid, "Vennlig hilsen", "oppfolgingsbrev")
    assert demo_db["templates"].get(tid)["name"] == "Vennlig hilsen"
    assert demo_db["documents"].get(draft)["template"] == "Vennlig hilsen"
    document_records.mark_sent(demo_db, leader, draft)
    with pytest.raises(ValidationError, match="sendte dokumenter"):
        template_library.update_template(demo_db, leader, tid, "Tredje navn", "annet")
    template_library.update_template(demo_db, leader, tid, "Vennlig hilsen", "annet")
    assert demo_db["templates"].get(tid)["kind"] == "annet"


def test_a_chapter_is_corrected(demo_db, leader, chapter_member):
    cid = chapter_member.chapter_id
    user_admin.update_chapter(demo_db, leader, cid, "Drammen lokallag", "Av-og-til", "3301")
    assert demo_db["chapters"].get(cid)["name"] == "Drammen lokallag"
    taken = demo_db.execute("select name from chapters where id != ?", [cid]).fetchone()[0]
    with pytest.raises(ValidationError):
        user_admin.update_chapter(demo_db, leader, cid, taken, "Av-og-til", "3301")
    with pytest.raises(PermissionDenied):
        user_admin.update_chapter(demo_db, chapter_member, cid, "Mitt lag", "Av-og-til")
