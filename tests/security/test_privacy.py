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
def spread(demo_db, leader, chapter_member):
    """A politician in Drammen whose name is spread over every kind of record."""
    pid = politicians.create_politician(demo_db, chapter_member, {
        "name": NAME, "party": "Ap", "kommune": "3301", "role": "ordfører",
        "email": "qzxyvorn@example.no", "phone": "912 34 567",
        "notes": f"{NAME} er positiv til kortere skjenketid.",
    })
    stances.record_stance(demo_db, chapter_member, pid, "for", lever_id="skjenketid_gr12",
                          stated_on=TODAY, source=f"Intervju med {NAME} i Drammens Tidende")
    other = demo_db.execute("select id from politicians where kommunenummer = '3301' "
                            "and id != ? order by id limit 1", [pid]).fetchone()[0]
    meeting_id = meetings.create_meeting(demo_db, chapter_member, meetings.MeetingInput(
        held_on=TODAY, kind="mote", chapter_id=None, kommunenummer="3301",
        politician_ids=[pid, other], summary=f"Vi møtte {NAME} om skjenketider.",
        asks=f"- {FIRST} Blåbærsen skal svare innen mai", promises=f"{NAME.upper()} lovet svar"))
    letter_id = followup_letters.create_letter(demo_db, chapter_member, meeting_id, pid)
    followup_letters.mark_sent(demo_db, chapter_member, letter_id)
    doc_id = document_records.create_document(
        demo_db, chapter_member, kind="annet", template="oppfolgingsbrev.docx",
        fields=followup_letters.draft_fields(demo_db, chapter_member, meeting_id, pid),
        title=f"Brev til {NAME}", politician_id=pid)
    document_records.mark_sent(demo_db, chapter_member, doc_id)
    sid = statements.create_statement(demo_db, leader, {
        "title": "Kortere skjenketid i Drammen", "position": "Vi vil ha kortere skjenketid.",
        "grounds": f"Ordfører {NAME} har selv sagt at det trengs.", "contact": "Styret"})
    statements.set_status(demo_db, leader, sid, "til_behandling")
    statements.adopt(demo_db, leader, sid, "Styret", TODAY)
    statement_sending.send(demo_db, leader, sid, [("politiker", pid)], TODAY)
    events.create_event(demo_db, chapter_member, kind="stand", title="Stand på torget",
                        starts_at=dt.datetime.combine(TODAY, dt.time(12)),
                        description=f"{NAME} kommer innom.")
    positions.record_position(demo_db, chapter_member, "3301", "salg_valgdag", "ja",
                              TODAY.isoformat(), "Sak 12/26", note=f"Foreslått av {NAME}")
    return {"pid": pid, "meeting": meeting_id, "letter": letter_id, "doc": doc_id, "sid": sid}


def test_export_of_a_politician_holds_everything_in_norwegian(demo_db, leader, spread):
    data = privacy.export_politician(demo_db, leader, spread["pid"])
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


def test_export_of_a_user_and_who_may_export(demo_db, leader, chapter_member, writer):
    data = privacy.export_user(demo_db, chapter_member, chapter_member.id)  # one's own data
    assert data["personopplysninger"]["Brukernavn"] == "lokallag"
    assert "$argon2" not in json.dumps(data)  # the account, never its password hash
    assert data["møter registrert eller fulgt opp"]
    assert privacy.export_user(demo_db, leader, chapter_member.id)["type"] == "bruker"
    with pytest.raises(PermissionDenied):
        privacy.export_user(demo_db, writer, chapter_member.id)
    pid = demo_db.execute("select id from politicians limit 1").fetchone()[0]
    with pytest.raises(PermissionDenied):
        privacy.export_politician(demo_db, chapter_member, pid)


def test_erasing_a_politician_leaves_no_trace_in_the_file(demo_db, db_path, leader, spread):
    assert FIRST.encode() in file_bytes(db_path)  # the test can fail: the name is there first
    result = erasure.erase_politician(demo_db, leader, spread["pid"])
    assert result.file_cleaned and result.copies_dropped == 3  # two letters, the adopted statement
    assert demo_db.execute("select count(*) from politicians where id = ?",
                           [spread["pid"]]).fetchone() == (0,)
    assert demo_db.execute("select count(*) from stances where politician_id = ?",
                           [spread["pid"]]).fetchone() == (0,)
    meeting = meetings.get_meeting(demo_db, leader, spread["meeting"])
    assert meeting["summary"] == "Vi møtte [slettet] om skjenketider."
    assert meeting["promises"] == "[slettet] lovet svar"
    letter = document_records.get_document(demo_db, leader, spread["doc"])
    assert letter["title"] == "Brev til [slettet]" and not letter["has_copy"]
    assert letter["fields"]["mottaker_navn"] == "[slettet]"
    assert statements.get_row(demo_db, spread["sid"])["grounds"] == (
        "Ordfører [slettet] har selv sagt at det trengs.")
    assert search.search(demo_db, leader, FIRST) == []
    assert audit.verify(demo_db).ok
    assert_no_trace(db_path, FIRST, "Blåbærsen", "qzxyvorn@example.no")


def test_erasing_a_volunteer_anonymises_the_account(demo_db, db_path, leader, chapter_member):
    uid = accounts.create_user(demo_db, "qzx", "lokallag", "passord-123", full_name=NAME,
                               chapter="IOGT Drammen", email="qzx@example.no")
    volunteer = accounts.authenticate(demo_db, "qzx", "passord-123")
    token = sessions.start(demo_db, uid)  # logged in somewhere
    meeting_id = meetings.create_meeting(demo_db, volunteer, meetings.MeetingInput(
        held_on=TODAY, kind="telefon", chapter_id=None, kommunenummer="3301",
        politician_ids=[demo_db.execute("select id from politicians where kommunenummer = "
                                        "'3301' limit 1").fetchone()[0]],
        summary="Telefon om skjenketid.", our_participants=NAME))
    letter_id = followup_letters.create_letter(demo_db, volunteer, meeting_id)
    assert followup_letters.get_letter(demo_db, volunteer, letter_id)["fields"][
        "avsender_navn"] == NAME
    followup_letters.mark_sent(demo_db, volunteer, letter_id)
    with pytest.raises(ValidationError):
        erasure.erase_user(demo_db, leader, leader.id)  # never one's own account
    result = erasure.erase_user(demo_db, leader, uid)
    assert result.file_cleaned
    row = demo_db["users"].get(uid)
    assert (row["username"], row["full_name"], row["email"], row["active"]) == (
        f"slettet-{uid}", "[slettet]", None, 0)
    assert accounts.authenticate(demo_db, "qzx", "passord-123") is None
    assert accounts.get_user(demo_db, uid) is None
    assert sessions.resume(demo_db, token) is None
    assert demo_db.execute("select count(*) from login_sessions where user_id = ?",
                           [uid]).fetchone() == (0,)
    meeting = meetings.get_meeting(demo_db, leader, meeting_id)
    assert meeting["our_participants"] == "[slettet]" and meeting["created_by"] == uid
    assert audit.verify(demo_db).ok
    assert_no_trace(db_path, FIRST, "qzx@example.no")


def test_erasure_is_for_leadership_only_and_changes_nothing_when_refused(
        demo_db, chapter_member, writer, spread):
    before = demo_db.execute("select count(*) from audit_log").fetchone()[0]
    for user in (chapter_member, writer):
        with pytest.raises(PermissionDenied):
            erasure.erase_politician(demo_db, user, spread["pid"])
        with pytest.raises(PermissionDenied):
            erasure.erase_user(demo_db, user, chapter_member.id)
    assert demo_db["politicians"].get(spread["pid"])["name"] == NAME
    assert demo_db.execute("select count(*) from audit_log").fetchone()[0] == before


def test_frozen_rows_stay_frozen_outside_an_erasure(demo_db, spread):
    import sqlite3

    with pytest.raises(sqlite3.IntegrityError, match="frozen"):
        demo_db.execute("update documents set fields = '{}' where id = ?", [spread["doc"]])
    with pytest.raises(sqlite3.IntegrityError, match="frozen"):
        demo_db.execute("update statements set grounds = 'x' where id = ?", [spread["sid"]])
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        demo_db.execute("update stances set source = 'x'")


def test_retention_list_names_people_past_their_time(demo_db, leader, chapter_member, spread):
    old = (TODAY - dt.timedelta(days=400)).isoformat()
    demo_db.execute("update politicians set in_office = 0, left_office_on = ? where id = ?",
                    [old, spread["pid"]])
    uid = accounts.create_user(demo_db, "gammel", "skrivegruppe", "passord-123",
                               full_name="Gammel Frivillig")
    demo_db.execute("update users set last_login_at = ? where id = ?", [old + "T10:00:00", uid])
    rows = privacy.retention_list(demo_db, leader)
    found = {(r["kind"], r["id"]) for r in rows}
    assert ("politiker", spread["pid"]) in found and ("bruker", uid) in found
    assert ("bruker", leader.id) not in found
    assert all(r["reason"] for r in rows)
    with pytest.raises(PermissionDenied):
        privacy.retention_list(demo_db, chapter_member)


def test_cli_export_erase_and_retention(demo_db, db_path, spread, tmp_path, capsys):
    out = tmp_path / "person.json"
    assert main(["export-person", "--politician", str(spread["pid"]), "--out", str(out)]) == 0
    assert json.loads(out.read_text())["personopplysninger"]["Navn"] == NAME
    assert main(["erase-person", "--politician", str(spread["pid"])]) == 1  # needs --yes
    assert main(["erase-person", "--politician", str(spread["pid"]), "--yes"]) == 0
    assert main(["retention"]) == 0
    assert "slettet" in capsys.readouterr().out.lower()
    demo_db.close()
    assert_no_trace(db_path, FIRST)


def test_sent_letter_copy_is_checked_inside_the_docx(demo_db, leader, spread):
    data = followup_letters.render_letter(demo_db, leader, spread["letter"])
    assert NAME in "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert erasure._Scrubber([NAME]).docx_hit(data)
    assert not erasure._Scrubber(["Ingen Slikperson"]).docx_hit(data)


def test_erasure_reaches_reader_letters_through_the_whole_pipeline(demo_db, db_path, leader,
                                                                   spread):
    from advocacy.writing import letter_sending, reader_letters

    paper = demo_db.execute("select id from newspapers order by id limit 1").fetchone()[0]
    doc_id = reader_letters.new_letter(
        demo_db, leader, title=f"Svar til {NAME}",
        text=f"Ordfører {NAME} tar feil om skjenketidene.")
    for status in ("til_vurdering", "godkjent"):
        reader_letters.move(demo_db, leader, doc_id, status, note=f"Sjekket påstanden til {NAME}")
    letter_sending.send(demo_db, leader, doc_id, paper, sent_on=TODAY)
    erasure.erase_politician(demo_db, leader, spread["pid"])
    letter = document_records.get_document(demo_db, leader, doc_id)
    assert letter["title"] == "Svar til [slettet]" and not letter["has_copy"]
    assert audit.verify(demo_db).ok
    assert_no_trace(db_path, FIRST, "Blåbærsen")


def test_own_export_made_on_click_holds_the_users_data(demo_db, chapter_member):
    text = privacy.own_export_text(demo_db, chapter_member.id)
    assert chapter_member.full_name in text.decode() and b"$argon2" not in text
    demo_db["users"].update(chapter_member.id, {"active": 0})
    with pytest.raises(ValidationError):
        privacy.own_export_text(demo_db, chapter_member.id)


def test_an_erasure_changes_the_keys_of_every_view_kept_between_reruns(demo_db, leader, spread):
    """Oversikt and Kalender keep what they show between reruns, keyed by these versions: after
    an erasure none of them may be served from before it (the name would still be on screen)."""
    from advocacy import overview
    from advocacy.events import events

    def keys():
        return (overview.policy_version(demo_db), overview.activity_version(demo_db),
                events.events_version(demo_db))

    before = keys()
    assert keys() == before  # nothing changed, nothing to redo
    erasure.erase_politician(demo_db, leader, spread["pid"])
    after = keys()
    assert all(a != b for a, b in zip(before, after, strict=True))
    assert FIRST not in repr(after)
