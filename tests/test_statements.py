"""The statement lifecycle: allowed moves only, who and when recorded, adopted text frozen."""

import datetime as dt
import sqlite3

import pytest

from advocacy.errors import PermissionDenied, ValidationError
from advocacy.statements import statement_archive, statement_sending, statements
from tests.literal_records import paper

TEXT = {
    "title": "Fra bot til bedring – LO i Oslo støtter rusreformen",
    "position": "LO i Oslo støtter rusreformen.",
    "grounds": "LO i Oslo mener at rusavhengighet må møtes med hjelp.\n\nStraff hjelper ikke.",
    "demands": "- vedta rusreformen\n- styrke behandlingstilbudet",
    "demands_to": "Stortinget",
    "contact": "Kari Nordmann, leder, tlf. 912 34 567",
}


def _history(db, sid):
    return [
        (r["from_status"], r["to_status"], r["username"])
        for r in db.query("select * from statement_history where statement_id = ? order by id",
                          [sid])
    ]


def _adopted(db, user, **extra):
    sid = statements.create_statement(db, user, {**TEXT, **extra}, lever_ids=["handlingsplan"],
                                      kommunenummer=["0301"])
    statements.set_status(db, user, sid, "til_behandling")
    statements.adopt(db, user, sid, "LO i Oslos styremøte", dt.date(2021, 4, 19))
    return sid


def test_full_lifecycle_records_every_move_with_who(people):
    db, leader = people.db, people.leader
    drammensavisa = paper(db, leader, "Drammensavisa", ["3301"])
    sid = _adopted(db, leader)
    [rid, _] = statement_sending.send(db, leader, sid, [("parti", "A"), ("avis", drammensavisa)],
                                      "2021-04-20")
    statement_sending.record_response(db, leader, sid, "Arbeiderpartiet", "2021-05-03",
                                      "Takker for innspillet.", rid)
    row = statements.get_row(db, sid)
    assert (row["status"], row["adopted_by"], row["adopted_on"], row["meeting_date"]) == (
        "sendt", "LO i Oslos styremøte", "2021-04-19", "2021-04-19")
    assert _history(db, sid) == [
        (None, "utkast", "sjef"),
        ("utkast", "til_behandling", "sjef"),
        ("til_behandling", "vedtatt", "sjef"),
        ("vedtatt", "sendt", "sjef"),
    ]
    moments = [r["at"] for r in db.query("select at from statement_history")]
    assert len(moments) == 4 and all(at.endswith("Z") for at in moments)
    detail = statement_archive.statement_detail(db, leader, sid)
    assert [(r["kind"], r["name"], r["sent_on"]) for r in detail["recipients"]] == [
        ("parti", "Arbeiderpartiet", "2021-04-20"), ("avis", "Drammensavisa", "2021-04-20")]
    assert [(r["responder"], r["recipient"]) for r in detail["responses"]] == [
        ("Arbeiderpartiet", "Arbeiderpartiet")]
    assert detail["demands"] == ["vedta rusreformen", "styrke behandlingstilbudet"]


@pytest.mark.parametrize(
    ("path", "target"),
    [((), "vedtatt"), (("til_behandling", "trukket"), "utkast"),
     (("til_behandling", "trukket"), "til_behandling"), ((), "utkast")],
)
def test_moves_outside_the_lifecycle_are_refused(people, path, target):
    db, leader = people.db, people.leader
    sid = statements.create_statement(db, leader, TEXT)
    for step in path:
        statements.set_status(db, leader, sid, step)
    before = statements.get_row(db, sid)
    with pytest.raises(ValidationError, match="kan ikke få status"):
        if target == "vedtatt":
            statements.adopt(db, leader, sid, "Styret", "2021-04-19")
        else:
            statements.set_status(db, leader, sid, target)
    assert statements.get_row(db, sid) == before
    assert db["documents"].count_where("statement_id = ?", [sid]) == 0


def test_sent_statement_cannot_go_back(people):
    db, leader = people.db, people.leader
    sid = _adopted(db, leader)
    statement_sending.send(db, leader, sid, [("annet", "Statsforvalteren")], "2021-04-21")
    for target in ("utkast", "til_behandling"):
        with pytest.raises(ValidationError, match="«Sendt» kan ikke få status"):
            statements.set_status(db, leader, sid, target)
    statements.set_status(db, leader, sid, "trukket", note="Erstattet")
    assert statements.get_row(db, sid)["status"] == "trukket"
    # Withdrawn, but still in the archive.
    assert [r["id"] for r in statement_archive.search_statements(
        db, leader, status="trukket")] == [sid]


def test_adopted_text_cannot_be_edited_through_the_domain(people):
    db, leader = people.db, people.leader
    sid = _adopted(db, leader)
    before = statements.get_row(db, sid)
    with pytest.raises(ValidationError, match="er vedtatt.*Lag en ny versjon"):
        statements.update_draft(db, leader, sid, {"position": "Noe annet."})
    assert statements.get_row(db, sid) == before


def test_adopted_text_cannot_be_changed_even_by_direct_sql(people):
    db, leader = people.db, people.leader
    sid = _adopted(db, leader)
    for sql in ("update statements set position = 'Endret' where id = ?",
                "update statements set adopted_on = '2021-05-01' where id = ?",
                "delete from statements where id = ?"):
        with pytest.raises(sqlite3.IntegrityError, match="frozen"):
            db.execute(sql, [sid])
    assert statements.get_row(db, sid)["position"] == TEXT["position"]


def test_a_change_after_adoption_becomes_a_new_version(people):
    db, leader = people.db, people.leader
    sid = _adopted(db, leader)
    adopted = statements.get_row(db, sid)
    new = statements.new_version(db, leader, sid, {"position": "LO i Oslo støtter fortsatt."})
    row = statements.get_row(db, new)
    assert (row["status"], row["version"], row["parent_id"], row["position"], row["adopted_on"]) \
        == ("utkast", 2, sid, "LO i Oslo støtter fortsatt.", None)
    assert row["grounds"] == TEXT["grounds"]
    assert statements.get_row(db, sid) == adopted
    assert [(v["id"], v["version"]) for v in statement_archive.versions(db, new)] == [
        (sid, 1), (new, 2)]
    levers = db.execute("select lever_id from statement_levers where statement_id = ?",
                             [new]).fetchall()
    assert levers == [("handlingsplan",)]
    with pytest.raises(ValidationError, match="allerede en nyere versjon"):
        statements.new_version(db, leader, sid)
    statements.update_draft(db, leader, new, {"title": "Ny tittel"})  # a draft is editable


def test_adoption_needs_body_date_and_position_and_no_future_date(people):
    db, leader = people.db, people.leader
    sid = statements.create_statement(db, leader, {"title": "Uten standpunkt"})
    statements.set_status(db, leader, sid, "til_behandling")
    with pytest.raises(ValidationError, match="mangler: Standpunkt, Vedtatt av"):
        statements.adopt(db, leader, sid, " ", "2021-04-19")
    statements.update_draft(db, leader, sid, {"position": "Vi mener noe."})
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(ValidationError, match="fram i tid"):
        statements.adopt(db, leader, sid, "Styret", tomorrow)
    with pytest.raises(ValidationError, match="ikke en gyldig dato"):
        statements.adopt(db, leader, sid, "Styret", "19.04.2021")
    assert statements.get_row(db, sid)["status"] == "til_behandling"


def test_sending_and_responses_follow_the_status(people):
    db, leader = people.db, people.leader
    sid = statements.create_statement(db, leader, TEXT)
    with pytest.raises(ValidationError, match="Bare en vedtatt"):
        statement_sending.send(db, leader, sid, [("parti", "A")], "2021-04-20")
    statements.set_status(db, leader, sid, "til_behandling")
    statements.adopt(db, leader, sid, "Styret", "2021-04-19")
    with pytest.raises(ValidationError, match="Svar kan bare"):
        statement_sending.record_response(db, leader, sid, "H", "2021-04-22", "Nei")
    with pytest.raises(ValidationError, match="før vedtaksdatoen"):
        statement_sending.send(db, leader, sid, [("parti", "A")], "2021-04-18")
    with pytest.raises(ValidationError, match="Ukjent mottaker «XYZ»"):
        statement_sending.send(db, leader, sid, [("parti", "A"), ("parti", "XYZ")],
                               "2021-04-20")
    with pytest.raises(ValidationError, match="minst én mottaker"):
        statement_sending.send(db, leader, sid, [], "2021-04-20")
    assert db["statement_recipients"].count == 0
    assert statements.get_row(db, sid)["status"] == "vedtatt"


def test_chapter_member_works_on_own_chapter_only(people):
    db, member = people.db, people.member
    sid = statements.create_statement(db, member, TEXT, chapter_id=999)
    assert statements.get_row(db, sid)["chapter_id"] == member.chapter_id
    bergen = statements.create_statement(db, people.other_member, {
        "title": "Alkoholfrie arenaer for alle unge i Bergen"})
    with pytest.raises(PermissionDenied):
        statements.set_status(db, member, bergen, "til_behandling")
    with pytest.raises(PermissionDenied):
        statement_archive.statement_detail(db, member, bergen)
    assert [(r["id"], r["title"]) for r in statement_archive.search_statements(db, member)] == [
        (sid, TEXT["title"])]
    assert [r["id"] for r in statement_archive.search_statements(db, people.other_member)] == [
        bergen]


def test_writing_group_reads_adopted_statements_and_changes_nothing(people):
    db, leader, writer = people.db, people.leader, people.writer
    draft = statements.create_statement(db, leader, {"title": "Hemmelig utkast"})
    sid = _adopted(db, leader)
    assert [(r["id"], r["status"]) for r in statement_archive.search_statements(db, writer)] == [
        (sid, "vedtatt")]  # the draft not among them
    assert statement_archive.statement_detail(db, writer, sid)["can_edit"] is False
    with pytest.raises(PermissionDenied):
        statement_archive.statement_detail(db, writer, draft)
    with pytest.raises(PermissionDenied):
        statements.create_statement(db, writer, TEXT)
    with pytest.raises(PermissionDenied):
        statement_sending.send(db, writer, sid, [("parti", "A")], "2021-04-20")


def test_archive_search_by_text_body_year_and_lever(people):
    db, leader = people.db, people.leader
    sid = _adopted(db, leader)
    other = statements.create_statement(db, leader, {"title": "Trygg by", "position": "Nei"})

    def ids(**query):
        return [r["id"] for r in statement_archive.search_statements(db, leader, **query)]

    assert ids(text="rusreform") == [sid]
    assert ids(text="RUSAVHENGIGHET") == [sid]  # in the grounds, any case
    assert ids(body="styremøte") == [sid]
    assert ids(year=2021) == [sid]
    assert ids(lever_id="handlingsplan") == [sid]
    assert ids(text="Trygg") == [other]
    assert ids(text="100%") == []  # LIKE wildcards are matched literally


def test_bad_input_names_the_field(people):
    db, leader = people.db, people.leader
    with pytest.raises(ValidationError, match="må ha en tittel"):
        statements.create_statement(db, leader, {"title": "  "})
    with pytest.raises(ValidationError, match="«Tittel» er for langt"):
        statements.create_statement(db, leader, {"title": "x" * 201})
    with pytest.raises(ValidationError, match="Ukjent kommunenummer «9999»"):
        statements.create_statement(db, leader, TEXT, kommunenummer=["9999"])
    with pytest.raises(ValidationError, match="«Møtedato»"):
        statements.create_statement(db, leader, {**TEXT, "meeting_date": "i morgen"})
    assert db["statements"].count_where("title like 'Fra bot%'") == 0
