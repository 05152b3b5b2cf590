"""The newspapers register: leadership edits it; bad input is refused and changes nothing."""

import pytest

from advocacy.errors import PermissionDenied, ValidationError
from advocacy.writing import newspapers

PAPER = {"name": "Nynorskbladet", "area": "Voss og omland", "email": "debatt@nb.example.org",
         "max_chars_innlegg": "2 000", "max_chars_kronikk": 5000, "language_form": "nynorsk",
         "exclusive_days": 10, "notes": "Svarer sjelden", "kommuner": ["4621", "Vaksdal"]}


def test_leader_adds_and_edits_a_paper_with_its_municipalities(demo_db, leader):
    nid = newspapers.save_newspaper(demo_db, leader, PAPER)
    row = newspapers.get_newspaper(demo_db, nid)
    assert (row["max_chars_innlegg"], row["language_form"], row["kommuner"]) == (
        2000, "nynorsk", ["4621", "4628"])
    assert newspapers.max_chars(row, "kronikk") == 5000 and newspapers.exclusive_days(row) == 10
    newspapers.save_newspaper(demo_db, leader, {**PAPER, "kommuner": ["4621"]}, newspaper_id=nid)
    assert newspapers.get_newspaper(demo_db, nid)["kommuner"] == ["4621"]
    assert newspapers.list_newspapers(demo_db, "4621")[0]["name"] == "Nynorskbladet"
    newspapers.delete_newspaper(demo_db, leader, nid)
    assert "Nynorskbladet" not in {p["name"] for p in newspapers.list_newspapers(demo_db)}


@pytest.mark.parametrize(
    ("change", "message"),
    [({"name": " "}, "må ha et navn"), ({"name": "drammenspressen"}, "finnes allerede"),
     ({"email": "ikke-epost"}, "gyldig e-postadresse"), ({"max_chars_innlegg": "mye"}, "helt tall"),
     ({"max_chars_innlegg": 50}, "fra 300"), ({"language_form": "riksmål"}, "målform"),
     ({"kommuner": ["Atlantis"]}, "Atlantis")],
)
def test_bad_input_is_refused(demo_db, leader, change, message):
    before = demo_db["newspapers"].count, demo_db["newspaper_municipalities"].count
    with pytest.raises(ValidationError, match=message):
        newspapers.save_newspaper(demo_db, leader, {**PAPER, **change})
    assert (demo_db["newspapers"].count, demo_db["newspaper_municipalities"].count) == before


def test_only_leadership_edits(demo_db, writer, chapter_member):
    for user in (writer, chapter_member):
        with pytest.raises(PermissionDenied):
            newspapers.save_newspaper(demo_db, user, PAPER)


def test_a_paper_with_letters_is_kept(demo_db, leader):
    used = demo_db.execute("select id from newspapers where name = 'Drammenspressen'").fetchone()[0]
    with pytest.raises(ValidationError, match="historikken skal bevares"):
        newspapers.delete_newspaper(demo_db, leader, used)
