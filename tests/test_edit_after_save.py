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


def test_an_event_is_changed_by_who_may_change_it(people):
    db, member, leader = people.db, people.member, people.leader
    own = events.create_event(db, member, kind="stand", title="Stand",
                              starts_at=dt.datetime(2027, 5, 2, 11, 0))
    before = events.events_version(db)
    events.update_event(db, member, own, kind="debatt", title="Debatt om skjenketid",
                        starts_at=dt.datetime(2027, 5, 3, 18, 0), place="Biblioteket")
    row = db["events"].get(own)
    assert (row["kind"], row["title"], row["starts_at"], row["place"], row["chapter_id"]) == (
        "debatt", "Debatt om skjenketid", "2027-05-03T18:00", "Biblioteket", people.drammen)
    assert events.events_version(db) != before  # the cached calendar is made anew
    with pytest.raises(ValidationError):
        events.update_event(db, member, own, kind="stand", title="", starts_at="2027-05-03")
    assert db["events"].get(own)["title"] == "Debatt om skjenketid"
    other = events.create_event(db, leader, kind="stand", title="Annet lag",
                                starts_at="2027-06-01", chapter_id=people.bergen)
    with pytest.raises(PermissionDenied):
        events.update_event(db, member, other, kind="stand", title="Mitt",
                            starts_at="2027-06-01")


def test_a_campaign_is_changed_by_leadership(people):
    db, leader = people.db, people.leader
    cid = campaigns.create_campaign(db, leader, "Trygt uteliv", starts_on=dt.date(2026, 1, 1))
    campaigns.update_campaign(db, leader, cid, "Ny tittel", starts_on=dt.date(2026, 1, 1),
                              ends_on=dt.date(2026, 12, 31), goal_signatures=500)
    row = db["campaigns"].get(cid)
    assert (row["title"], row["ends_on"], row["goal_signatures"]) == (
        "Ny tittel", "2026-12-31", 500)
    with pytest.raises(ValidationError):
        campaigns.update_campaign(db, leader, cid, "X", starts_on=dt.date(2026, 5, 1),
                                  ends_on=dt.date(2026, 1, 1))
    with pytest.raises(PermissionDenied):
        campaigns.update_campaign(db, people.member, cid, "Mitt")
    assert db["campaigns"].get(cid)["title"] == "Ny tittel"


def test_a_template_is_renamed_and_its_drafts_follow(people):
    db, leader = people.db, people.leader
    tid = template_library.save_uploaded(db, leader, "Hilsen", "annet", "h.docx",
                                         make_docx("{{ hilsen }}"))
    draft = document_records.create_document(db, leader, kind="annet", template="Hilsen",
                                             fields={"hilsen": "Hei"})
    template_library.update_template(db, leader, tid, "Vennlig hilsen", "oppfolgingsbrev")
    assert db["templates"].get(tid)["name"] == "Vennlig hilsen"
    assert db["documents"].get(draft)["template"] == "Vennlig hilsen"
    document_records.mark_sent(db, leader, draft)
    with pytest.raises(ValidationError, match="sendte dokumenter"):
        template_library.update_template(db, leader, tid, "Tredje navn", "annet")
    template_library.update_template(db, leader, tid, "Vennlig hilsen", "annet")
    assert db["templates"].get(tid)["kind"] == "annet"


def test_a_chapter_is_corrected(people):
    db, leader, cid = people.db, people.leader, people.drammen
    user_admin.update_chapter(db, leader, cid, "Drammen lokallag", "Av-og-til", "3301")
    row = db["chapters"].get(cid)
    assert (row["name"], row["organisation"], row["kommunenummer"]) == (
        "Drammen lokallag", "Av-og-til", "3301")
    with pytest.raises(ValidationError, match="«Lag Bergen» finnes allerede"):
        user_admin.update_chapter(db, leader, cid, "Lag Bergen", "Av-og-til", "3301")
    with pytest.raises(PermissionDenied):
        user_admin.update_chapter(db, people.member, cid, "Mitt lag", "Av-og-til")
    assert db["chapters"].get(cid)["name"] == "Drammen lokallag"
