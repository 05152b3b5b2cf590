"""The newspapers register: leadership edits it; bad input is refused and changes nothing."""

import pytest

from advocacy.errors import PermissionDenied, ValidationError
from advocacy.writing import newspapers
from tests.literal_records import paper, sent_letter

PAPER = {"name": "Nynorskbladet", "area": "Voss og omland", "email": "debatt@nb.example.org",
         "max_chars_innlegg": "2 000", "max_chars_kronikk": 5000, "language_form": "nynorsk",
         "exclusive_days": 10, "notes": "Svarer sjelden", "kommuner": ["4621", "Vaksdal"]}


def test_leader_adds_and_edits_a_paper_with_its_municipalities(people):
    db, leader = people.db, people.leader
    nid = newspapers.save_newspaper(db, leader, PAPER)
    row = newspapers.get_newspaper(db, nid)
    assert (row["max_chars_innlegg"], row["language_form"], row["kommuner"]) == (
        2000, "nynorsk", ["4621", "4628"])
    assert newspapers.max_chars(row, "kronikk") == 5000 and newspapers.exclusive_days(row) == 10
    newspapers.save_newspaper(db, leader, {**PAPER, "kommuner": ["4621"]}, newspaper_id=nid)
    assert newspapers.get_newspaper(db, nid)["kommuner"] == ["4621"]
    assert [p["name"] for p in newspapers.list_newspapers(db, "4621")] == ["Nynorskbladet"]
    newspapers.delete_newspaper(db, leader, nid)
    assert newspapers.list_newspapers(db) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [({"name": " "}, "må ha et navn"), ({"name": "lierposten"}, "finnes allerede"),
     ({"email": "ikke-epost"}, "gyldig e-postadresse"), ({"max_chars_innlegg": "mye"}, "helt tall"),
     ({"max_chars_innlegg": 50}, "fra 300"), ({"language_form": "riksmål"}, "målform"),
     ({"kommuner": ["Atlantis"]}, "Atlantis")],
)
def test_bad_input_is_refused(people, change, message):
    db, leader = people.db, people.leader
    paper(db, leader, "Lierposten", ["3312"])
    before = db["newspapers"].count, db["newspaper_municipalities"].count
    with pytest.raises(ValidationError, match=message):
        newspapers.save_newspaper(db, leader, {**PAPER, **change})
    assert (db["newspapers"].count, db["newspaper_municipalities"].count) == before


def test_only_leadership_edits(people):
    db = people.db
    for user in (people.writer, people.member):
        with pytest.raises(PermissionDenied):
            newspapers.save_newspaper(db, user, PAPER)


def test_a_paper_with_letters_is_kept(people):
    db, leader = people.db, people.leader
    used = paper(db, leader, "Lierposten", ["3312"])
    sent_letter(db, people.writer, leader, used, "Hold fast ved klokka 02", "2026-03-02")
    with pytest.raises(ValidationError, match="historikken skal bevares"):
        newspapers.delete_newspaper(db, leader, used)
    assert [p["name"] for p in newspapers.list_newspapers(db)] == ["Lierposten"]
