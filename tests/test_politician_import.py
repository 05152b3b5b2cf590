"""Importing politicians from files shaped like the ones volunteers have, made in the test,
into the empty database of `people` (tests/conftest.py): no demo data."""

import io

import pytest
from openpyxl import Workbook

from advocacy.db import connect, table_counts
from advocacy.errors import ValidationError
from advocacy.io.imports import read_table
from advocacy.politicians import politician_import
from tests.cli_run import run


def _people(db):
    return [(r["name"], r["party_code"] or r["party_text"], r["kommunenummer"], r["role"],
             r["email"], r["phone"])
            for r in db.query("select * from politicians order by id")]


def _import(db, user, name, data):
    return politician_import.import_file(db, user, name, data)


SEMICOLON = (
    "Navn;Parti;Kommune;Rolle;E-post;Telefon\r\n"
    "Kari Nordmann;Ap;Drammen;Ordfører;kari@example.org;912 34 567\r\n"
    "Øystein Ås;H;3024;gruppeleder;;\r\n"  # old Viken number for Bærum
    "Åse Lien;Bygdelista;5441;;;\r\n"  # old Troms og Finnmark number for Tana
)


def test_semicolon_cp1252_with_old_numbers(db, people):
    leader = people.leader
    preview, counts = _import(db, leader, "politikere.csv", SEMICOLON.encode("cp1252"))
    assert counts == {"imported": 3, "updated": 0, "rejected": 0}
    assert _people(db) == [
        ("Kari Nordmann", "A", "3301", "ordforer", "kari@example.org", "912 34 567"),
        ("Øystein Ås", "H", "3201", "gruppeleder", None, None),
        ("Åse Lien", "Bygdelista", "5628", "kommunestyremedlem", None, None),
    ]
    assert any("3024 (Bærum)" in note for note in preview.rows[1].notes)


def test_comma_utf8_with_bom_updates_instead_of_doubling(db, people):
    leader = people.leader
    _import(db, leader, "a.csv", SEMICOLON.encode("cp1252"))
    again = ("\ufeffnavn,parti,kommune,rolle,e-post,telefon\n"
             "kari nordmann,Ap,3301,ordfører,,99 88 77 66\n"
             "Per Hansen,SV,Drammen,,,\n")
    preview, counts = _import(db, leader, "b.csv", again.encode("utf-8"))
    assert counts == {"imported": 1, "updated": 1, "rejected": 0}
    assert [r.action for r in preview.rows] == ["update", "new"]
    assert _people(db) == [
        ("Kari Nordmann", "A", "3301", "ordforer", "kari@example.org",
         "99 88 77 66"),  # the empty e-post cell did not erase the address
        ("Øystein Ås", "H", "3201", "gruppeleder", None, None),
        ("Åse Lien", "Bygdelista", "5628", "kommunestyremedlem", None, None),
        ("Per Hansen", "SV", "3301", "kommunestyremedlem", None, None),
    ]


def test_duplicates_within_the_file_are_merged(db, people):
    leader = people.leader
    data = (b"navn;kommune;parti;telefon\n"
            b"Kari Nordmann;Drammen;Ap;\n"
            b"Kari  Nordmann;3301;;912 34 567\n")
    preview, counts = _import(db, leader, "d.csv", data)
    assert [r.action for r in preview.rows] == ["new", "merge"]
    assert "rad 2" in preview.rows[1].notes[0]
    assert counts == {"imported": 1, "updated": 0, "rejected": 0}
    assert _people(db) == [("Kari Nordmann", "A", "3301", "kommunestyremedlem", None,
                            "912 34 567")]


def test_xlsx(db, people):
    leader = people.leader
    book = Workbook()
    sheet = book.active
    sheet.append(["Fullt navn", "Parti", "Kommunenr", "Verv", "Utvalg"])
    sheet.append(["Lise Berg", "KrF", 301, "varaordfører", "Finansutvalget"])  # number cell
    sheet.append([None, None, None, None, None])
    sheet.append(["Nils Vik", "MDG", "Tromsø", "Kommunestyrerepresentant", None])
    buffer = io.BytesIO()
    book.save(buffer)
    _, counts = _import(db, leader, "politikere.xlsx", buffer.getvalue())
    assert counts == {"imported": 2, "updated": 0, "rejected": 0}
    assert _people(db) == [("Lise Berg", "KRF", "0301", "varaordforer", None, None),
                           ("Nils Vik", "MDG", "5501", "kommunestyremedlem", None, None)]


def test_a_bad_row_among_good_ones_rejects_all(db, people):
    leader = people.leader
    data = ("navn;kommune;rolle;e-post\n"
            "Kari Nordmann;Drammen;ordfører;\n"
            "Ola Nilsen;1507;;\n"  # Ålesund before the 2024 split: refused, not guessed
            "Per Hansen;Drammen;keiser;per@\n"
            "Lise Berg;Drammen;;\n").encode()
    before = table_counts(db)
    preview, counts = _import(db, leader, "feil.csv", data)
    assert counts == {"imported": 0, "updated": 0, "rejected": 2}
    assert [str(p) for p in preview.problems] == [
        "Rad 3, kolonne «kommune»: Kommunenummer 1507 (Ålesund) er et gammelt nummer som ikke "
        "kan oversettes sikkert: delt 1. januar 2024 i 1508 Ålesund og 1580 Haram. Bruk det nye "
        "kommunenummeret.",
        "Rad 4, kolonne «rolle»: Ukjent rolle «keiser». Bruk en av: ordfører, varaordfører, "
        "gruppeleder, formannskapsmedlem, kommunestyremedlem, utvalgsleder eller annet.",
        "Rad 4, kolonne «e-post»: E-postadressen «per@» ser ikke riktig ut.",
    ]
    assert table_counts(db) == before
    with pytest.raises(ValidationError, match="avvist"):
        politician_import.apply_import(db, leader, preview)
    assert table_counts(db) == before


def test_a_mapping_without_name_or_municipality_is_refused(db):
    table = read_table("x.csv", b"fornavn;sted\nKari;Drammen\n")
    mapping = politician_import.suggest_mapping(table)
    assert mapping["name"] is None
    with pytest.raises(ValidationError, match="navn"):
        politician_import.preview_import(db, table, mapping)
    mapping.update(name="fornavn", kommune="sted")  # the user chooses the columns in the page
    assert politician_import.preview_import(db, table, mapping).summary()["imported"] == 1


def _cli(*args):
    return run(*args)


def test_cli_imports_and_reports_counts(tmp_path):
    path = tmp_path / "cli.db"
    assert _cli("init-db", "--db", str(path)).returncode == 0
    good = tmp_path / "politikere.csv"
    good.write_bytes(SEMICOLON.encode("cp1252"))
    result = _cli("import-politicians", str(good), "--db", str(path))
    assert (result.returncode, result.stdout) == (0, "imported: 3\nupdated: 0\nrejected: 0\n")
    result = _cli("import-politicians", str(good), "--db", str(path))
    assert result.stdout == "imported: 0\nupdated: 3\nrejected: 0\n"


def test_cli_rejects_with_exit_1_and_writes_nothing(tmp_path):
    path = tmp_path / "cli.db"
    _cli("init-db", "--db", str(path))
    bad = tmp_path / "feil.csv"
    bad.write_text("navn;kommune\nKari Nordmann;Drammen\n;Drammen\n", encoding="utf-8")
    db = connect(path)
    before = table_counts(db)
    db.close()
    result = _cli("import-politicians", str(bad), "--db", str(path))
    assert result.returncode == 1
    assert result.stdout == "imported: 0\nupdated: 0\nrejected: 1\n"
    assert "feil.csv: Rad 3, kolonne «navn»: Navn mangler." in result.stderr
    assert "Traceback" not in result.stderr
    db = connect(path)
    assert table_counts(db) == before
