"""What the national-scale work changed: capped lists with honest counts, narrower questions
that must give the same answers as the broad ones, and the indexes of m070–m073; on literal
data each test makes on `people` (tests/conftest.py, tests/literal_scale.py); only the query-plan
test of a national directory loads the demo itself, as the bulk around its own rows."""

import datetime as dt

from advocacy.letters import document_records
from advocacy.meetings import followups, meetings
from advocacy.policy import municipalities
from advocacy.politicians import politicians
from advocacy.politicians.politicians import ExistingIndex, find_existing
from tests.conftest import politician
from tests.literal_letters import drammen_politicians
from tests.literal_scale import directory, followup_meetings


def test_politician_directory_limit_and_count_agree(people):
    db, leader = people.db, people.leader
    directory(people)
    everyone = politicians.list_politicians(db, leader)
    assert [p["name"] for p in everyone] == [
        "Dina Fjell", "Eirik Fos", "Frida Gran", "Geir Haug",  # Bergen before Drammen
        "Anne Ås", "Bjørn Berg", "Cecilie Dal"]
    assert politicians.count_politicians(db, leader) == len(everyone) == 7
    assert politicians.list_politicians(db, leader, limit=5) == everyone[:5]
    assert politicians.list_politicians(db, leader, limit=5, offset=5) == everyone[5:10]
    drammen = politicians.list_politicians(db, leader, kommunenummer="3301")
    assert drammen == everyone[4:]
    assert politicians.count_politicians(db, leader, kommunenummer="3301") == len(drammen)
    assert politicians.count_politicians(db, leader, search="zzz-ingen") == 0


def test_overdue_count_and_capped_list_match_the_full_list(people):
    db, leader, chapter_member = people.db, people.leader, people.member
    made = followup_meetings(people, dt.date.today())
    today = dt.date.today() + dt.timedelta(days=60)
    first, second, third, bergen = made.ids
    for user, expected in ((leader, [first, second, bergen, third]),
                           (chapter_member, [first, second, third])):
        full = [r for r in followups.open_followups(db, user, today=today)
                if r["status"] == "forfalt"]
        assert [r["id"] for r in full] == expected
        assert followups.overdue_followups(db, user, today) == full
        assert followups.count_overdue(db, user, today) == len(full)
    full = followups.overdue_followups(db, leader, today)
    assert followups.overdue_followups(db, leader, today, limit=1) == full[:1]


def test_no_reply_narrowed_to_what_is_shown_gives_the_same_answer(people):
    from advocacy.meetings import followup_letters

    db, chapter_member = people.db, people.member
    pair = drammen_politicians(people)
    today = dt.date.today()
    mid = meetings.create_meeting(db, chapter_member, meetings.MeetingInput(
        held_on=today - dt.timedelta(days=40), kind="mote", chapter_id=chapter_member.chapter_id,
        kommunenummer="3301", politician_ids=pair, summary="Skjenketid"),
        today=today)
    letter = followup_letters.create_letter(db, chapter_member, mid, pair[1], today=today)
    followup_letters.mark_sent(db, chapter_member, letter, today - dt.timedelta(days=30),
                               today=today)
    everything = followups.no_reply_meeting_ids(db, chapter_member)
    assert everything == {mid}
    assert followups.no_reply_meeting_ids(db, chapter_member, meeting_ids=[mid]) == {mid}
    assert followups.no_reply_meeting_ids(db, chapter_member, meeting_ids=[]) == set()
    silent = followups.no_reply_politician_ids(db, chapter_member)
    assert silent == {pair[1]}  # the letter went to the second one
    for pid in pair:
        assert followups.no_reply_politician_ids(
            db, chapter_member, politician_id=pid) == silent & {pid}


def test_meetings_of_one_politician(people):
    db, leader = people.db, people.leader
    made = followup_meetings(people, dt.date.today())
    first, second, third, _ = made.ids
    anne, bjorn, cecilie = made.politicians.drammen
    for pid, expected in ((anne, {first, second}), (bjorn, {second}), (cecilie, {third})):
        assert {r["id"] for r in meetings.list_meetings(db, leader, politician_id=pid)} == expected


def test_municipality_names_match_the_directory(db):
    assert municipalities.names(db) == {
        m["kommunenummer"]: m["visningsnavn"] for m in municipalities.list_municipalities(db)}
    assert municipalities.names(db, "56") == {
        m["kommunenummer"]: m["visningsnavn"]
        for m in municipalities.list_municipalities(db, fylkesnummer="56")}
    assert municipalities.names(db, "56")["5628"] == "Deatnu – Tana"


def test_document_list_limit_keeps_the_newest(people):
    db, leader = people.db, people.leader
    for title in ("Notat en", "Notat to", "Notat tre"):
        document_records.create_document(db, leader, kind="annet", template=None, fields={},
                                         title=title, body="Et notat.")
    everything = document_records.list_documents(db, leader)
    assert [d["title"] for d in everything] == ["Notat tre", "Notat to", "Notat en"]
    assert document_records.list_documents(db, leader, limit=2) == everything[:2]


def test_existing_index_finds_what_find_existing_finds(people):
    db = people.db
    made = directory(people)
    oslo = politician(db, people.leader, "Ola Oslo", "0301")
    rows = list(db.query("select id, name, kommunenummer from politicians order by id"))
    assert [r["id"] for r in rows] == [*made.drammen, *made.bergen, oslo]
    index = ExistingIndex(db, [r["kommunenummer"] for r in rows])
    probes = [(r["name"], r["kommunenummer"]) for r in rows]
    probes += [(n.upper(), k) for n, k in probes] + [(f"  {n}  ", k) for n, k in probes]
    probes += [("Ingen Slik Person", "0301"), (rows[0]["name"], "0301")]
    for name, knr in probes:
        assert index.find(name, knr) == find_existing(db, name, knr), (name, knr)
    assert index.find("  ANNE ÅS ", "3301") == made.drammen[0]
    assert index.find("Anne Ås", "0301") is None


def test_national_scale_indexes_exist(db):
    indexes = {r[0] for r in db.execute("select name from sqlite_master where type = 'index'")}
    assert {"meetings_held", "meetings_updated", "documents_updated",
            "municipalities_navn", "meetings_chapter_followup", "documents_author",
            "documents_chapter"} <= indexes


def test_directory_walks_municipalities_in_name_order_instead_of_sorting_everyone(db_path):
    """The first 200 of 10,000 politicians come without sorting all of them, once start-up has
    given the planner its statistics."""
    from advocacy.demo import demo
    from advocacy.politicians.politicians import _SELECT
    from advocacy.startup import open_database

    first = open_database(db_path)
    demo.load(first)
    places = [r[0] for r in first.execute("select kommunenummer from municipalities")]
    first["politicians"].insert_all(  # a national directory: 14 per municipality
        {"name": f"Politiker {i:05d}", "kommunenummer": places[i % len(places)],
         "role": "gruppeleder", "in_office": 1, "is_demo": 1} for i in range(5000))
    first.close()
    demo_db = open_database(db_path)  # the next start of the app
    assert demo_db["sqlite_stat1"].exists()

    plan = [r[3] for r in demo_db.execute(
        f"explain query plan {_SELECT} where 1 = 1 order by m.navn, m.kommunenummer, p.name")]
    assert "SCAN m USING INDEX municipalities_navn" in plan
    assert "USE TEMP B-TREE FOR ORDER BY" not in plan
    demo_db.close()


def test_meeting_list_limit_and_count_agree(people):
    db, leader, chapter_member = people.db, people.leader, people.member
    made = followup_meetings(people, dt.date.today())
    first, second, third, bergen = made.ids
    for user, expected in ((leader, [bergen, third, second, first]),
                           (chapter_member, [third, second, first])):
        everything = meetings.list_meetings(db, user, limit=10_000)
        assert [m["id"] for m in everything] == expected
        assert meetings.count_meetings(db, user) == len(everything)
        assert meetings.list_meetings(db, user, limit=2) == everything[:2]
        assert meetings.list_meetings(db, user, limit=2, offset=1) == everything[1:3]
    chapter = chapter_member.chapter_id
    assert meetings.count_meetings(db, leader, chapter_id=chapter) == len(
        meetings.list_meetings(db, leader, limit=10_000, chapter_id=chapter)) == 3


def test_open_followup_counts_match_the_full_list(people):
    db, leader, chapter_member = people.db, people.leader, people.member
    followup_meetings(people, dt.date.today())
    today = dt.date.today() + dt.timedelta(days=30)
    for user, counts in ((leader, (4, 3)), (chapter_member, (3, 2))):
        full = followups.open_followups(db, user, today=today)
        overdue = sum(r["status"] == "forfalt" for r in full)
        assert (len(full), overdue) == counts
        assert followups.open_counts(db, user, today=today) == (len(full), overdue)
        assert followups.open_followups(db, user, today=today, limit=1) == full[:1]
    owner = full[0]["owner_id"]
    assert owner == chapter_member.id
    assert followups.open_counts(db, leader, today=today, owner_id=owner)[0] == len(
        followups.open_followups(db, leader, today=today, owner_id=owner)) == 3


def test_a_chapters_overdue_count_reads_only_its_own_follow_ups(db):
    plan = [r[3] for r in db.execute(
        "explain query plan select count(*) from meetings mt where mt.chapter_id = 1 "
        "and mt.followup_done_on is null and mt.followup_due < '2026-01-01'")]
    assert any("meetings_chapter_followup" in step for step in plan), plan


def test_a_writers_letters_come_from_their_own_index(people):
    from advocacy.writing import letter_lists, reader_letters

    db = people.db
    ids = {who: reader_letters.new_letter(db, getattr(people, who), title=f"Innlegg av {who}")
           for who in ("writer", "member", "other_member", "leader")}
    seen = {who: [(r["id"], r["title"]) for r in letter_lists.list_letters(db, getattr(people, who))]
            for who in ("writer", "member")}
    assert seen == {"writer": [(ids["writer"], "Innlegg av writer")],
                    "member": [(ids["member"], "Innlegg av member")]}
    plan = [r[3] for r in db.execute(
        "explain query plan select id from documents d where d.author_id = 4 "
        "order by d.updated_at desc")]
    assert any("documents_author" in step for step in plan), plan
