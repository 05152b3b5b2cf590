"""What the national-scale work changed: capped lists with honest counts, narrower questions
that must give the same answers as the broad ones, and the indexes of m070–m073."""

import datetime as dt

from advocacy.letters import document_records
from advocacy.meetings import followups, meetings
from advocacy.policy import municipalities
from advocacy.politicians import politicians
from advocacy.politicians.politicians import ExistingIndex, find_existing


def test_politician_directory_limit_and_count_agree(demo_db, leader):
    everyone = politicians.list_politicians(demo_db, leader)
    assert politicians.count_politicians(demo_db, leader) == len(everyone) > 5
    assert politicians.list_politicians(demo_db, leader, limit=5) == everyone[:5]
    assert politicians.list_politicians(demo_db, leader, limit=5, offset=5) == everyone[5:10]
    drammen = politicians.list_politicians(demo_db, leader, kommunenummer="3301")
    assert politicians.count_politicians(demo_db, leader, kommunenummer="3301") == len(drammen)
    assert politicians.count_politicians(demo_db, leader, search="zzz-ingen") == 0


def test_overdue_count_and_capped_list_match_the_full_list(demo_db, leader, chapter_member):
    today = dt.date.today() + dt.timedelta(days=60)
    for user in (leader, chapter_member):
        full = [r for r in followups.open_followups(demo_db, user, today=today)
                if r["status"] == "forfalt"]
        assert followups.overdue_followups(demo_db, user, today) == full
        assert followups.count_overdue(demo_db, user, today) == len(full)
    full = followups.overdue_followups(demo_db, leader, today)
    assert len(full) > 1
    assert followups.overdue_followups(demo_db, leader, today, limit=1) == full[:1]


def test_no_reply_narrowed_to_what_is_shown_gives_the_same_answer(
        demo_db, chapter_member, drammen_politicians):
    from advocacy.meetings import followup_letters

    today = dt.date.today()
    mid = meetings.create_meeting(demo_db, chapter_member, meetings.MeetingInput(
        held_on=today - dt.timedelta(days=40), kind="mote", chapter_id=chapter_member.chapter_id,
        kommunenummer="3301", politician_ids=drammen_politicians, summary="Skjenketid"),
        today=today)
    letter = followup_letters.create_letter(demo_db, chapter_member, mid, drammen_politicians[1],
                                            today=today)
    followup_letters.mark_sent(demo_db, chapter_member, letter, today - dt.timedelta(days=30),
                               today=today)
    everything = followups.no_reply_meeting_ids(demo_db, chapter_member)
    assert mid in everything
    assert followups.no_reply_meeting_ids(demo_db, chapter_member, meeting_ids=[mid]) == {mid}
    assert followups.no_reply_meeting_ids(demo_db, chapter_member, meeting_ids=[]) == set()
    people = followups.no_reply_politician_ids(demo_db, chapter_member)
    for pid in drammen_politicians:
        assert followups.no_reply_politician_ids(
            demo_db, chapter_member, politician_id=pid) == people & {pid}


def test_meetings_of_one_politician(demo_db, leader, drammen_politicians):
    pid = drammen_politicians[0]
    expected = {r[0] for r in demo_db.execute(
        "select meeting_id from meeting_politicians where politician_id = ?", [pid])}
    assert {r["id"] for r in meetings.list_meetings(demo_db, leader, politician_id=pid)} == expected


def test_municipality_names_match_the_directory(db):
    assert municipalities.names(db) == {
        m["kommunenummer"]: m["visningsnavn"] for m in municipalities.list_municipalities(db)}
    assert municipalities.names(db, "56") == {
        m["kommunenummer"]: m["visningsnavn"]
        for m in municipalities.list_municipalities(db, fylkesnummer="56")}
    assert municipalities.names(db, "56")["5628"] == "Deatnu – Tana"


def test_document_list_limit_keeps_the_newest(demo_db, leader):
    everything = document_records.list_documents(demo_db, leader)
    assert len(everything) > 2
    assert document_records.list_documents(demo_db, leader, limit=2) == everything[:2]


def test_existing_index_finds_what_find_existing_finds(demo_db):
    rows = list(demo_db.query("select name, kommunenummer from politicians limit 10"))
    index = ExistingIndex(demo_db, [r["kommunenummer"] for r in rows] + ["0301"])
    probes = [(r["name"], r["kommunenummer"]) for r in rows]
    probes += [(n.upper(), k) for n, k in probes] + [(f"  {n}  ", k) for n, k in probes]
    probes += [("Ingen Slik Person", "0301"), (rows[0]["name"], "0301")]
    for name, knr in probes:
        assert index.find(name, knr) == find_existing(demo_db, name, knr), (name, knr)


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


def test_meeting_list_limit_and_count_agree(demo_db, leader, chapter_member):
    for user in (leader, chapter_member):
        everything = meetings.list_meetings(demo_db, user, limit=10_000)
        assert meetings.count_meetings(demo_db, user) == len(everything) > 2
        assert meetings.list_meetings(demo_db, user, limit=2) == everything[:2]
        assert meetings.list_meetings(demo_db, user, limit=2, offset=1) == everything[1:3]
    chapter = chapter_member.chapter_id
    assert meetings.count_meetings(demo_db, leader, chapter_id=chapter) == len(
        meetings.list_meetings(demo_db, leader, limit=10_000, chapter_id=chapter))


def test_open_followup_counts_match_the_full_list(demo_db, leader, chapter_member):
    today = dt.date.today() + dt.timedelta(days=30)
    for user in (leader, chapter_member):
        full = followups.open_followups(demo_db, user, today=today)
        overdue = sum(r["status"] == "forfalt" for r in full)
        assert followups.open_counts(demo_db, user, today=today) == (len(full), overdue)
        assert overdue > 0
        assert followups.open_followups(demo_db, user, today=today, limit=1) == full[:1]
    owner = full[0]["owner_id"]
    assert followups.open_counts(demo_db, leader, today=today, owner_id=owner)[0] == len(
        followups.open_followups(demo_db, leader, today=today, owner_id=owner))


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
