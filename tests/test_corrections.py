"""Corrections (rettelser) of the append-only histories: a wrong position, stance or adopted
statement version is marked with who and why, stays in the history and stops counting; the same
value is not recorded twice; who may change the record is who may correct it."""

import datetime as dt
import sqlite3

import pytest

from advocacy import overview, texts
from advocacy.errors import PermissionDenied, ValidationError
from advocacy.io import imports
from advocacy.policy import key_dates, municipalities, positions, status_export
from advocacy.politicians import stances
from advocacy.statements import (
    statement_archive,
    statement_corrections,
    statement_sending,
    statements,
)
from tests.conftest import politician

TODAY = dt.date(2026, 3, 12)
LEVER = "skjenketid_gr12"


def _cell(db, knr="1101", lever=LEVER):
    return municipalities.statuses(db, municipalities.levers(db), kommunenummer=knr)[knr][lever]


def _exported(db, knr="1101", lever=LEVER):
    rows, _ = status_export.status_table(db, with_status=True)
    row = next(r for r in rows if r["kommunenummer"] == knr)
    return row[lever], row[f"{lever}__status"]


def _record(db, user, value, decided_on, source="Sak 26/1", knr="1101", lever=LEVER):
    return positions.record_position(db, user, knr, lever, value, decided_on, source,
                                     today=TODAY)


def test_correcting_a_position_changes_status_and_export_and_keeps_the_row(people):
    db, leader = people.db, people.leader
    _record(db, leader, "01:00", "2020-05-01")
    wrong = _record(db, leader, "03:00", "2026-01-05")
    assert _exported(db)[0] == "03:00"
    assert _cell(db)["status"].code == "langt_unna"

    assert positions.correct(db, leader, wrong, " Tastefeil:  skulle vært 02:00 ") is None

    # The earlier decision counts again; the wrong one is in the history, marked.
    assert (_cell(db)["value"], _cell(db)["status"].code) == ("01:00", "oppfyller")
    assert _exported(db)[0] == "01:00"
    history = positions.history(db, "1101", LEVER)
    assert [(h["value"], h["counts"]) for h in history] == [("03:00", False), ("01:00", True)]
    assert history[0]["correction_reason"] == "Tastefeil: skulle vært 02:00"
    assert history[0]["corrected_by"] == leader.full_name
    assert history[0]["correction"] == (
        f"Rettet: Tastefeil: skulle vært 02:00 ({leader.full_name}, "
        f"{texts.format_date(dt.date.today())})")


def test_a_correction_can_record_the_right_value_in_the_same_step(people):
    db, leader = people.db, people.leader
    wrong = _record(db, leader, "03:00", "2026-01-05")
    assert db["positions"].count == 1
    new = positions.correct(db, leader, wrong, "Feil klokkeslett", {"value": "02:00"},
                            today=TODAY)
    assert db["positions"].count == 2
    right = db["positions"].get(new)
    # What was not given is carried over from the wrong row.
    assert (right["value"], right["decided_on"], right["source"]) == (
        "02:00", "2026-01-05", "Sak 26/1")
    assert right["corrected_at"] is None
    assert _exported(db)[0] == "02:00"
    assert _cell(db)["status"].code == "oppfyller"


def test_a_bad_replacement_is_refused_and_nothing_is_marked(people):
    db, leader = people.db, people.leader
    wrong = _record(db, leader, "03:00", "2026-01-05")
    for replacement, message in (({"value": "27:00"}, "ikke et klokkeslett"),
                                 ({"decided_on": "2027-01-01"}, "fram i tid"),
                                 ({"value": "03:00"}, "lik raden du retter opp")):
        with pytest.raises(ValidationError, match=message):
            positions.correct(db, leader, wrong, "Feil", replacement, today=TODAY)
    assert db["positions"].get(wrong)["corrected_at"] is None
    assert _cell(db)["value"] == "03:00"


def test_a_correction_needs_a_reason_and_is_made_once(people):
    db, leader = people.db, people.leader
    wrong = _record(db, leader, "03:00", "2026-01-05")
    for reason in ("", "   ", None):
        with pytest.raises(ValidationError, match="Skriv hvorfor raden rettes opp"):
            positions.correct(db, leader, wrong, reason)
    with pytest.raises(ValidationError, match="høyst 500 tegn"):
        positions.correct(db, leader, wrong, "x" * 501)
    assert db["positions"].get(wrong)["corrected_at"] is None
    positions.correct(db, leader, wrong, "Feil kommune")
    with pytest.raises(ValidationError, match="allerede rettet opp .* av .*«Feil kommune»"):
        positions.correct(db, leader, wrong, "En gang til")
    with pytest.raises(ValidationError, match="Fant ikke raden"):
        positions.correct(db, leader, 999_999, "Finnes ikke")


def test_the_database_lets_only_the_one_marking_through(people):
    db, leader = people.db, people.leader
    pid = _record(db, leader, "03:00", "2026-01-05")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):  # the fact itself
        db.execute("update positions set value = '02:00' where id = ?", [pid])
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):  # a mark without a reason
        db.execute("update positions set corrected_at = 'x' where id = ?", [pid])
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):  # marking and changing
        db.execute("update positions set corrected_at = 'x', correction_reason = 'r',"
                        " value = '02:00' where id = ?", [pid])
    positions.correct(db, leader, pid, "Feil")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):  # unmarking
        db.execute("update positions set corrected_at = null where id = ?", [pid])
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):  # another reason
        db.execute("update positions set correction_reason = 'annet' where id = ?", [pid])
    row = db["positions"].get(pid)
    assert (row["value"], row["correction_reason"]) == ("03:00", "Feil")
    changes = db.execute(
        "select changes from audit_log where table_name = 'positions' and row_id = ?"
        " and action = 'update'", [str(pid)]).fetchall()
    assert len(changes) == 1 and "correction_reason" in changes[0][0]  # audited


def test_the_same_position_twice_is_refused(people):
    db, leader = people.db, people.leader
    _record(db, leader, "03:00", "2026-01-05")
    assert db["positions"].count == 1
    with pytest.raises(ValidationError, match="allerede registrert: 03:00, vedtatt 5. januar"):
        _record(db, leader, "3", "05.01.2026", source="En annen kilde")  # same, normalised
    assert db["positions"].count == 1
    _record(db, leader, "03:00", "2026-02-01")  # re-confirmed at a later meeting: new
    _record(db, leader, "02:00", "2026-02-01")  # another value the same day: new
    assert db["positions"].count == 3


def test_after_a_correction_the_value_may_be_recorded_again(people):
    db, leader = people.db, people.leader
    wrong = _record(db, leader, "03:00", "2026-01-05", source="Feil sak")
    positions.correct(db, leader, wrong, "Feil kilde")
    _record(db, leader, "03:00", "2026-01-05", source="Sak 26/1")
    assert _cell(db)["source"] == "Sak 26/1"


def test_who_may_correct_is_who_may_record(people):
    db, leader, chapter_member, writer = people.db, people.leader, people.member, people.writer
    theirs = _record(db, leader, "ja", "2026-01-01", knr="0301", lever="bevillingstak")
    own = _record(db, leader, "ja", "2026-01-01", knr="3301", lever="bevillingstak")
    with pytest.raises(PermissionDenied):
        positions.correct(db, chapter_member, theirs, "Feil")
    with pytest.raises(PermissionDenied):
        positions.correct(db, writer, own, "Feil")
    assert db["positions"].get(theirs)["corrected_at"] is None
    positions.correct(db, chapter_member, own, "Feil", {"value": "nei"}, today=TODAY)
    assert _cell(db, "3301", "bevillingstak")["value"] == "nei"
    assert db["positions"].get(own)["corrected_by"] == chapter_member.id


def test_corrected_rows_leave_counts_changes_and_cache_key(people):
    db, leader = people.db, people.leader
    _record(db, leader, "01:00", "2026-01-01")
    wrong = _record(db, leader, "03:00", "2026-02-01")
    assert overview.key_figures(db, leader, today=TODAY)["positions_last_90_days"] == 2
    version = overview.policy_version(db)
    def changes():
        return [(c["value"], c["previous_value"])
                for c in overview.recent_changes(db, today=TODAY, lever_id=LEVER)
                if c["kommunenummer"] == "1101"]

    assert changes() == [("03:00", "01:00"), ("01:00", None)]

    positions.correct(db, leader, wrong, "Feil")
    assert overview.policy_version(db) != version  # every cached status is made again
    assert overview.key_figures(db, leader, today=TODAY)["positions_last_90_days"] == 1
    assert changes() == [("01:00", None)]
    listed = next(m for m in municipalities.list_municipalities(db, "1101"))
    assert listed["last_decided"] == "2026-01-01"
    assert [(r["decided_on"], r["counts"]) for r in positions.history(db, "1101")] == [
        ("2026-02-01", False), ("2026-01-01", True)]


def test_a_corrected_action_plan_date_leaves_the_calendar(people):
    db, leader = people.db, people.leader
    wrong = _record(db, leader, "2025-06-01", "2025-06-01", lever="handlingsplan")
    assert key_dates.plan_revision(db, "1101").date == dt.date(2029, 6, 1)
    positions.correct(db, leader, wrong, "Gjaldt en annen kommune")
    assert key_dates.plan_revision(db, "1101") is None


def test_reimporting_a_file_does_not_bring_back_a_corrected_row(people):
    db, leader = people.db, people.leader
    table = imports.read_table("vedtak.csv", (
        b"kommunenummer;sak;verdi;dato;kilde\n1101;skjenketid_gr12;03:00;05.01.2026;Sak 26/1\n"
    ))
    positions.apply_import(db, leader, positions.preview_import(
        db, leader, table, today=TODAY))
    wrong = positions.history(db, "1101", LEVER)[0]["id"]
    positions.correct(db, leader, wrong, "Feil i fila")
    preview = positions.preview_import(db, leader, table, today=TODAY)
    assert (preview.rows, preview.duplicates) == ([], 1)


def test_the_current_position_is_one_covering_index_seek(db):
    plan = " ".join(r[3] for r in db.execute(
        "explain query plan " + municipalities._CURRENT_SQL.format(where="1 = 1")))
    assert "COVERING INDEX positions_valid (kommunenummer=? AND lever_id=?)" in plan


# --- Stances ----------------------------------------------------------------------------------

def _politician(people):
    """A politician in Drammen made for the test: «Anne Ås»."""
    return politician(people.db, people.leader, "Anne Ås", "3301", role="ordforer", party="Ap")


def test_correcting_a_stance_changes_the_current_one_and_keeps_the_row(people):
    db, leader = people.db, people.leader
    pid = _politician(people)
    first = stances.record_stance(db, leader, pid, "for", topic="Skjenketider",
                                  stated_on="2025-01-01", source="Møte", today=TODAY)
    wrong = stances.record_stance(db, leader, pid, "klart_mot", topic="Skjenketider",
                                  stated_on="2026-01-01", source="Avis", today=TODAY)
    current = lambda: {r["topic"]: (r["id"], r["stance"])  # noqa: E731
                       for r in stances.current_stances(db, pid)}["Skjenketider"]
    assert current() == (wrong, "klart_mot")
    new = stances.correct(db, leader, wrong, "Feilsitert", {"stance": "klart_for"},
                          today=TODAY)
    assert current() == (new, "klart_for")
    stances.correct(db, leader, new, "Ikke sagt i det hele tatt")
    assert current() == (first, "for")
    history = {r["id"]: r for r in stances.stance_history(db, pid)}
    assert (history[wrong]["counts"], history[wrong]["corrected_by"]) == (False, leader.full_name)
    assert history[wrong]["correction"].startswith("Rettet: Feilsitert (")
    with pytest.raises(ValidationError, match="allerede rettet opp"):
        stances.correct(db, leader, wrong, "Igjen")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("update stances set stance = 'for' where id = ?", [wrong])


def test_the_same_stance_twice_is_refused(people):
    db, leader = people.db, people.leader
    pid = _politician(people)
    stances.record_stance(db, leader, pid, "usikker", topic="Rusreformen",
                          stated_on="2026-01-01", source="Møte", today=TODAY)
    assert db["stances"].count == 1
    with pytest.raises(ValidationError, match="allerede registrert: «usikker» om Rusreformen"):
        stances.record_stance(db, leader, pid, "usikker", topic="  rusreformen ",
                              stated_on="2026-01-01", source="Annen kilde", today=TODAY)
    assert db["stances"].count == 1
    stances.record_stance(db, leader, pid, "usikker", topic="Rusreformen",
                          stated_on="2026-02-01", source="Møte", today=TODAY)  # said again
    assert db["stances"].count == 2


def test_stance_corrections_need_an_editor_and_a_reason(people):
    db, leader, writer = people.db, people.leader, people.writer
    pid = _politician(people)
    sid = stances.record_stance(db, leader, pid, "mot", lever_id=LEVER,
                                stated_on="2026-01-01", source="Møte", today=TODAY)
    with pytest.raises(PermissionDenied):
        stances.correct(db, writer, sid, "Feil")
    with pytest.raises(ValidationError, match="Skriv hvorfor"):
        stances.correct(db, leader, sid, " ")
    assert db["stances"].get(sid)["corrected_at"] is None


# --- Statement versions ----------------------------------------------------------------------

def _adopted(db, user):
    sid = statements.create_statement(db, user, {"title": "Skjenketider", "position": "Vi mener"},
                                      lever_ids=[LEVER])
    statements.set_status(db, user, sid, "til_behandling")
    statements.adopt(db, user, sid, "Styret", dt.date(2021, 4, 19))
    return sid


def test_correcting_an_adopted_version_stops_it_counting(people):
    db, leader = people.db, people.leader
    v1 = _adopted(db, leader)
    v2 = statements.new_version(db, leader, v1, {"position": "Vi mener fortsatt"})
    statements.set_status(db, leader, v2, "til_behandling")
    statements.adopt(db, leader, v2, "Styret", dt.date(2021, 5, 1))
    adopted_text = statements.get_row(db, v2)["position"]

    draft = statement_corrections.correct(db, leader, v2, "Vedtatt med feil dato", {})

    row = statements.get_row(db, v2)
    assert (row["position"], row["status"], row["correction_reason"]) == (
        adopted_text, "vedtatt", "Vedtatt med feil dato")  # the adopted words stay as adopted
    new = statements.get_row(db, draft)
    assert (new["status"], new["parent_id"], new["version"], new["position"]) == (
        "utkast", v2, 3, adopted_text)
    with pytest.raises(ValidationError, match="rettet opp og kan ikke sendes"):
        statement_sending.send(db, leader, v2, [("parti", "A")], "2021-05-02")
    detail = statement_archive.statement_detail(db, leader, v2)
    assert detail["correction"].startswith("Rettet: Vedtatt med feil dato (")
    assert [(v["version"], bool(v["correction"])) for v in detail["versions"]] == [
        (1, False), (2, True), (3, False)]
    assert detail["history"][-1]["note"].startswith("Rettet: Vedtatt med feil dato")
    listed = {r["id"]: r for r in statement_archive.search_statements(db, leader)}
    assert listed[v1]["newer_version_id"] is None  # the corrected v2 is not v1's newer version
    with pytest.raises(ValidationError, match="allerede rettet opp"):
        statement_corrections.correct(db, leader, v2, "Igjen")


def test_beside_a_corrected_version_a_new_one_can_be_made(people):
    db, leader = people.db, people.leader
    v1 = _adopted(db, leader)
    v2 = statements.new_version(db, leader, v1)
    statements.set_status(db, leader, v2, "til_behandling")
    statements.adopt(db, leader, v2, "Styret", dt.date(2021, 5, 1))
    statement_corrections.correct(db, leader, v2, "Skulle aldri vært vedtatt")
    assert statement_archive.statement_detail(db, leader, v1)["newest_version_id"] == v1
    v3 = statements.new_version(db, leader, v1)
    assert statements.get_row(db, v3)["version"] == 3  # no two versions share a number


def test_only_an_adopted_version_by_its_editor_is_corrected(people):
    db, leader, chapter_member = people.db, people.leader, people.member
    draft = statements.create_statement(db, leader, {"title": "Utkast"})
    with pytest.raises(ValidationError, match="Bare en vedtatt versjon"):
        statement_corrections.correct(db, leader, draft, "Feil")
    adopted = _adopted(db, leader)
    with pytest.raises(PermissionDenied):
        statement_corrections.correct(db, chapter_member, adopted, "Feil")
    with pytest.raises(ValidationError, match="Skriv hvorfor"):
        statement_corrections.correct(db, leader, adopted, "")
    assert statements.get_row(db, adopted)["corrected_at"] is None
    with pytest.raises(sqlite3.IntegrityError, match="corrected once"):
        db.execute("update statements set correction_reason = 'x' where id = ?", [adopted])
