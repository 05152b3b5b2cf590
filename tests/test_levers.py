"""Leadership configures the levers; statuses follow the goal at once."""

import json

import pytest

from advocacy.errors import PermissionDenied, ValidationError
from advocacy.policy import levers, municipalities, positions


def _status(db, knr, lever_id):
    return next(r for r in municipalities.profile(db, knr) if r["lever_id"] == lever_id)["status"]


def test_changing_the_goal_changes_statuses(people):
    db, leader = people.db, people.leader
    positions.record_position(db, leader, "1101", "skjenketid_gr12", "02:00", "2025-01-01",
                              "Sak")
    assert _status(db, "1101", "skjenketid_gr12") == "oppfyller"
    diff = levers.set_goal(db, leader, "skjenketid_gr12", "1")
    assert diff == {"goal": ["02:00", "01:00"]}
    assert _status(db, "1101", "skjenketid_gr12") == "delvis"
    audit = db.execute("select action, row_id, changes from audit_log "
                            "order by id desc limit 1").fetchone()
    assert audit[:2] == ("update", "skjenketid_gr12")
    assert json.loads(audit[2]) == {"goal": ["02:00", "01:00"]}


def test_add_lever_appears_in_every_profile(people):
    db, leader = people.db, people.leader
    lever_id = levers.add_lever(db, leader, "Skjenkekontroller etter midnatt", "count",
                                "Kontroll", goal="10", goal_rule="at_least")
    assert lever_id == "skjenkekontroller_etter_midnatt"
    row = next(r for r in municipalities.profile(db, "0301") if r["lever_id"] == lever_id)
    assert (row["goal"], row["status"]) == ("10", "ukjent")
    positions.record_position(db, leader, "0301", lever_id, "6", "2025-01-01", "Sak")
    assert _status(db, "0301", lever_id) == "delvis"


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"name": "", "value_type": "count"}, "må ha et navn"),
    ({"name": "X", "value_type": "farge"}, "Ukjent verditype"),
    ({"name": "Ny", "value_type": "boolean", "goal": "ja", "goal_rule": "at_most"},
     "passer ikke"),
    ({"name": "Ny", "value_type": "closing_time", "goal": "26:00", "goal_rule": "at_most"},
     "ikke et klokkeslett"),
    ({"name": "Ny", "value_type": "count", "goal": "3"}, "trenger en regel"),
    ({"name": "Skjenketid", "value_type": "count", "lever_id": "skjenketid_gr12"},
     "finnes allerede"),
])
def test_bad_lever_is_refused(people, kwargs, message):
    db, leader = people.db, people.leader
    before = db["levers"].count
    with pytest.raises(ValidationError, match=message):
        levers.add_lever(db, leader, **kwargs)
    assert db["levers"].count == before


def test_only_leadership_edits_levers(people):
    db = people.db
    chapter_member, writer = people.member, people.writer
    for user in (chapter_member, writer):
        with pytest.raises(PermissionDenied):
            levers.set_goal(db, user, "skjenketid_gr12", "01:00")
        with pytest.raises(PermissionDenied):
            levers.add_lever(db, user, "Ny sak", "boolean")
    assert db["levers"].get("skjenketid_gr12")["goal"] == "02:00"


def test_deactivated_lever_leaves_the_profile(people):
    db, leader = people.db, people.leader
    levers.update_lever(db, leader, "ungdata_aar", active=False)
    assert "ungdata_aar" not in {r["lever_id"] for r in municipalities.profile(db, "0301")}
    assert db["levers"].get("ungdata_aar")["active"] == 0


def test_removing_the_goal(people):
    db, leader = people.db, people.leader
    levers.set_goal(db, leader, "bevillingstak", "")
    lever = db["levers"].get("bevillingstak")
    assert (lever["goal"], lever["goal_rule"]) == (None, None)
