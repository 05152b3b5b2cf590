"""Personal data: export everything about one person; erase them so that not a byte of their
name is left in the database file, its WAL or its shared-memory file."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import docx
import pytest

from advocacy import audit, search
from advocacy.accounts import accounts, sessions
from advocacy.cli import main
from advocacy.errors import PermissionDenied, ValidationError
from advocacy.events import events
from advocacy.letters import document_records
from advocacy.meetings import followup_letters, meetings
from advocacy.policy import positions
from advocacy.politicians import politicians, stances
from advocacy.privacy import erasure, privacy
from advocacy.statements import statement_sending, statements
from tests.literal_letters import drammen_politicians, papers

NAME = "Qzxyvorn Blåbærsen"
FIRST = "Qzxyvorn"
TODAY = dt.date.today()


def file_bytes(db_path: Path) -> bytes:
    return b"".join(Path(str(db_path) + suffix).read_bytes()
                    for suffix in ("", "-wal", "-shm") if Path(str(db_path) + suffix).exists())


def assert_no_trace(db_path: Path, *words: str) -> None:
    raw = file_bytes(db_path)
    for word in words:
        for form in {word, word.lower(), word.upper()}:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert form.encode(encoding) not in raw, (form, encoding)


@pytest.fixture
def spread(people):
    """A politician in Drammen whose name is spread over every kind of record (with Anne Ås,
    Bjørn Berg of tests/literal_letters.py beside them), on `people`: no demo."""
    db, leader, chapter_member = people.db, people.leader, people.member
    pid = politicians.create_politician(db, chapter_member, {
        "name": NAME, "party": "Ap", "kommune": "3301", "role": "ordfører",
        "email": "qzxyvorn@example.no", "phone": "912 34 567",
        "notes": f"{NAME} er positiv til kortere skjenketid.",
    })
    stances.record_stance(db, chapter_member, pid, "for", lever_id="skjenketid_gr12",
                          stated_on=TODAY, source=f"Intervju med {NAME} i Drammens Tidende")
    other = drammen_politicians(people)[0]
    meeting_id = meetings.create_meeting(db, chapter_member, meetings.MeetingInput(
        held_on=TODAY, kind="mote", chapter_id=None, kommunenummer="3301",
        politician_ids=[pid, other], summary=f"Vi møtte {NAME} om skjenketider.",
        asks=f"- {FIRST} Blåbærsen skal svare innen mai", promises=f"{NAME.upper()} lovet svar"))
    letter_id = followup_letters.create_letter(db, chapter_member, meeting_id, pid)
    followup_letters.mark_sent(db, chapter_member, letter_id)
    doc_id = document_records.create_document(
        db, chapter_member, kind="annet", template="oppfolgingsbrev.docx",
        fields=followup_letters.draft_fields(db, chapter_member, meeting_id, pid),
        title=f"Brev til {NAME}", politician_id=pid)
    document_records.mark_sent(db, chapter_member, doc_id)
    sid = statements.create_statement(db, leader, {
        "title": "Kortere skjenketid i Drammen", "position": "Vi vil ha kortere skjenketid.",
        "grounds": f"Ordfører {NAME} har selv sagt at det trengs.", "contact": "Styret"})
    statements.set_status(db, leader, sid, "til_behandling")
    statements.adopt(db, leader, sid, "Styret", TODAY)
    statement_sending.send(db, leader, sid, [("politiker", pid)], TODAY)
    events.create_event(db, chapter_member, kind="stand", title="Stand på torget",
                        starts_at=dt.datetime.combine(TODAY, dt.time(12)),
                        description=f"{NAME} kommer innom.")
    positions.record_position(db, chapter_member, "3301", "salg_valgdag", "ja",
                              TODAY.isoformat(), "Sak 12/26", note=f"Foreslått av {NAME}")
    return {"pid": pid, "meeting": meeting_id, "letter": letter_id, "doc": doc_id, "sid": sid}


def test_export_of_a_politician_holds_everything_in_norwegian(people, spread):
    db, leader = people.db, people.leader
    data = privacy.export_politician(db, leader, spread["pid"])
    assert data["personopplysninger"]["Navn"] == NAME
    assert data["personopplysninger"]["Rolle"] == "ordfører"
    assert [s["standpunkt"] for s in data["standpunkter"]] == ["for"]
    assert [m["nr"] for m in data["møter"]] == [spread["meeting"]]
    assert {d["nr"] for d in data["brev til personen"]} == {spread["letter"], spread["doc"]}
    assert data["uttalelser sendt til personen"][0]["uttalelse"] == "Kortere skjenketid i Drammen"
    assert {r["tabell"] for r in data["endringslogg"]} == {"politicians", "stances"}
    parsed = json.loads(privacy.as_json(data))
    assert parsed["personopplysninger"]["E-post"] == "qzxyvorn@example.no"
    text = privacy.as_text(data).decode()
    assert "Personopplysninger i Påvirk (politiker)" in text and "Standpunkter" in text


def test_export_of_a_user_and_who_may_export(people, spread):
    db, leader, chapter_member, writer = people.db, people.leader, people.member, people.writer
    data = privacy.export_user(db, chapter_member, chapter_member.id)  # one's own data
    assert data["personopplysninger"]["Brukernavn"] == "drammen"
    assert "$argon2" not in json.dumps(data)  # the account, never its password hash
    assert data["møter registrert eller fulgt opp"] == [{
        "nr": spread["meeting"], "dato": TODAY.isoformat(), "lokallag": "Lag Drammen",
        "sammendrag": f"Vi møtte {NAME} om skjenketider.", "registrert_av_personen": "ja",
        "ansvarlig_for_oppfolging": "ja"}]
    assert privacy.export_user(db, leader, chapter_member.id)["type"] == "bruker"
    with pytest.raises(PermissionDenied):
        privacy.export_user(db, writer, chapter_member.id)
    with pytest.raises(PermissionDenied):
        privacy.export_politician(db, chapter_member, spread["pid"])


def test_erasing_a_politician_leaves_no_trace_in_the_file(people, db_path, spread):
    db, leader = people.db, people.leader
    assert FIRST.encode() in file_bytes(db_path)  # the test can fail: the name is there first
    result = erasure.erase_politician(db, leader, spread["pid"])
    assert result.file_cleaned and result.copies_dropped == 3  # two letters, the adopted statement
    assert db.execute("select count(*) from politicians where id = ?",
                           [spread["pid"]]).fetchone() == (0,)
    assert db.execute("select count(*) from stances where politician_id = ?",
                           [spread["pid"]]).fetchone() == (0,)
    meeting = meetings.get_meeting(db, leader, spread["meeting"])
    assert meeting["summary"] == "Vi møtte [slettet] om skjenketider."
    assert meeting["promises"] == "[slettet] lovet svar"
    letter = document_records.get_document(db, leader, spread["doc"])
    assert letter["title"] == "Brev til [slettet]" and not letter["has_copy"]
    assert letter["fields"]["mottaker_navn"] == "[slettet]"
    assert statements.get_row(db, spread["sid"])["grounds"] == (
        "Ordfører [slettet] har selv sagt at det trengs.")
    assert search.search(db, leader, FIRST) == []
    assert audit.verify(db).ok
    assert_no_trace(db_path, FIRST, "Blåbærsen", "qzxyvorn@example.no")


def test_erasing_a_volunteer_anonymises_the_account(people, db_path):
    db, leader = people.db, people.leader
    uid = accounts.create_user(db, "qzx", "lokallag", "passord-123", full_name=NAME,
                               chapter="Lag Drammen", email="qzx@example.no")
    volunteer = accounts.authenticate(db, "qzx", "passord-123")
    token = sessions.start(db, uid)  # logged in somewhere
    meeting_id = meetings.create_meeting(db, volunteer, meetings.MeetingInput(
        held_on=TODAY, kind="telefon", chapter_id=None, kommunenummer="3301",
        politician_ids=drammen_politicians(people, 1),
        summary="Telefon om skjenketid.", our_participants=NAME))
    letter_id = followup_letters.create_letter(db, volunteer, meeting_id)
    assert followup_letters.get_letter(db, volunteer, letter_id)["fields"][
        "avsender_navn"] == NAME
    followup_letters.mark_sent(db, volunteer, letter_id)
    with pytest.raises(ValidationError):
        erasure.erase_user(db, leader, leader.id)  # never one's own account
    result = erasure.erase_user(db, leader, uid)
    assert result.file_cleaned
    row = db["users"].get(uid)
    assert (row["username"], row["full_name"], row["email"], row["active"]) == (
        f"slettet-{uid}", "[slettet]", None, 0)
    assert accounts.authenticate(db, "qzx", "passord-123") is None
    assert accounts.get_user(db, uid) is None
    assert sessions.resume(db, token) is None
    assert db.execute("select count(*) from login_sessions where user_id = ?",
                           [uid]).fetchone() == (0,)
    meeting = meetings.get_meeting(db, leader, meeting_id)
    assert meeting["our_participants"] == "[slettet]" and meeting["created_by"] == uid
    assert audit.verify(db).ok
    assert_no_trace(db_path, FIRST, "qzx@example.no")


def test_erasure_is_for_leadership_only_and_changes_nothing_when_refused(people, spread):
    db, chapter_member, writer = people.db, people.member, people.writer
    before = db.execute("select count(*) from audit_log").fetchone()[0]
    for user in (chapter_member, writer):
        with pytest.raises(PermissionDenied):
            erasure.erase_politician(db, user, spread["pid"])
        with pytest.raises(PermissionDenied):
            erasure.erase_user(db, user, chapter_member.id)
    assert db["politicians"].get(spread["pid"])["name"] == NAME
    assert db.execute("select count(*) from audit_log").fetchone()[0] == before


def test_frozen_rows_stay_frozen_outside_an_erasure(people, spread):
    db = people.db
    import sqlite3

    with pytest.raises(sqlite3.IntegrityError, match="frozen"):
        db.execute("update documents set fields = '{}' where id = ?", [spread["doc"]])
    with pytest.raises(sqlite3.IntegrityError, match="frozen"):
        db.execute("update statements set grounds = 'x' where id = ?", [spread["sid"]])
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("update stances set source = 'x'")


def test_retention_list_names_people_past_their_time(people, spread):
    db, leader, chapter_member = people.db, people.leader, people.member
    old = (TODAY - dt.timedelta(days=400)).isoformat()
    db.execute("update politicians set in_office = 0, left_office_on = ? where id = ?",
                    [old, spread["pid"]])
    uid = accounts.create_user(db, "gammel", "skrivegruppe", "passord-123",
                               full_name="Gammel Frivillig")
    db.execute("update users set last_login_at = ? where id = ?", [old + "T10:00:00", uid])
    rows = privacy.retention_list(db, leader)
    assert rows == [
        {"kind": "politiker", "id": spread["pid"], "name": NAME, "place": "Drammen",
         "since": old, "reason": "Ute av vervet i over ett år"},
        {"kind": "bruker", "id": uid, "name": "Gammel Frivillig", "place": None,
         "since": old, "reason": "Ikke logget inn på over ett år"}]
    found = {(r["kind"], r["id"]) for r in rows}
    assert ("politiker", spread["pid"]) in found and ("bruker", uid) in found
    assert ("bruker", leader.id) not in found
    assert all(r["reason"] for r in rows)
    with pytest.raises(PermissionDenied):
        privacy.retention_list(db, chapter_member)


def test_cli_export_erase_and_retention(people, db_path, spread, tmp_path, capsys):
    db = people.db
    out = tmp_path / "person.json"
    assert main(["export-person", "--politician", str(spread["pid"]), "--out", str(out)]) == 0
    assert json.loads(out.read_text())["personopplysninger"]["Navn"] == NAME
    assert main(["erase-person", "--politician", str(spread["pid"])]) == 1  # needs --yes
    assert main(["erase-person", "--politician", str(spread["pid"]), "--yes"]) == 0
    assert main(["retention"]) == 0
    assert "slettet" in capsys.readouterr().out.lower()
    db.close()
    assert_no_trace(db_path, FIRST)


def test_sent_letter_copy_is_checked_inside_the_docx(people, spread):
    db, leader = people.db, people.leader
    data = followup_letters.render_letter(db, leader, spread["letter"])
    assert NAME in "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert erasure._Scrubber([NAME]).docx_hit(data)
    assert not erasure._Scrubber(["Ingen Slikperson"]).docx_hit(data)


def test_erasure_reaches_reader_letters_through_the_whole_pipeline(people, db_path, spread):
    db, leader = people.db, people.leader
    from advocacy.writing import letter_sending, reader_letters

    paper = papers(people)["Elvebyen"]
    doc_id = reader_letters.new_letter(
        db, leader, title=f"Svar til {NAME}",
        text=f"Ordfører {NAME} tar feil om skjenketidene.")
    for status in ("til_vurdering", "godkjent"):
        reader_letters.move(db, leader, doc_id, status, note=f"Sjekket påstanden til {NAME}")
    letter_sending.send(db, leader, doc_id, paper, sent_on=TODAY)
    erasure.erase_politician(db, leader, spread["pid"])
    letter = document_records.get_document(db, leader, doc_id)
    assert letter["title"] == "Svar til [slettet]" and not letter["has_copy"]
    assert audit.verify(db).ok
    assert_no_trace(db_path, FIRST, "Blåbærsen")


def test_own_export_made_on_click_holds_the_users_data(people):
    db, chapter_member = people.db, people.member
    text = privacy.own_export_text(db, chapter_member.id)
    assert chapter_member.full_name in text.decode() and b"$argon2" not in text
    db["users"].update(chapter_member.id, {"active": 0})
    with pytest.raises(ValidationError):
        privacy.own_export_text(db, chapter_member.id)


def test_an_erasure_changes_the_keys_of_every_view_kept_between_reruns(people, spread):
    """Oversikt and Kalender keep what they show between reruns, keyed by these versions: after
    an erasure none of them may be served from before it (the name would still be on screen)."""
    db, leader = people.db, people.leader
    from advocacy import overview
    from advocacy.events import events

    def keys():
        return (overview.policy_version(db), overview.activity_version(db),
                events.events_version(db))

    before = keys()
    assert keys() == before  # nothing changed, nothing to redo
    erasure.erase_politician(db, leader, spread["pid"])
    after = keys()
    assert all(a != b for a, b in zip(before, after, strict=True))
    assert FIRST not in repr(after)
