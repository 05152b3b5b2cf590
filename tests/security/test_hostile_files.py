"""Hostile files: spreadsheets to import and backups to restore, each built here.

Every case asserts the refusal, its Norwegian message (naming the file, and the part, row or
column where there is one), that no traceback reaches the user, and that nothing was written.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import random
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from advocacy import backup
from advocacy.cli import main
from advocacy.db import connect
from advocacy.errors import ValidationError
from advocacy.politicians import politician_import
from advocacy.startup import open_database
from tests.conftest import copy_demo, make_people
from tests.literal_history import records

SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@pytest.fixture
def own_db(people):
    """`people` (tests/conftest.py) with one record of every kind (tests/literal_history.py),
    so that "nothing was written" is checked on a database with rows in it."""
    records(people)
    return people.db


def snapshot(db) -> dict[str, str]:
    tables = [r[0] for r in db.execute("select name from sqlite_master where type = 'table' "
                                       "and name not like 'sqlite_%'")]
    return {t: hashlib.sha256(repr(db.execute(f"select * from [{t}]").fetchall())  # noqa: S608
                              .encode()).hexdigest() for t in tables}


# --- Building workbooks: openpyxl makes them, zipfile tampers with them ---


def workbook(rows=(("Kari Test", "3301", "Ap"),)) -> bytes:
    wb = Workbook()
    wb.active.append(["navn", "kommune", "parti"])
    for row in rows:
        wb.active.append(list(row))
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def rezip(data: bytes, replace=None, add=None, compression=zipfile.ZIP_DEFLATED) -> bytes:
    """`data` with some parts replaced (name → bytes or a function of the old bytes) or added."""
    replace, out = replace or {}, io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w",
                                                                      compression) as target:
        for info in source.infolist():
            content = source.read(info)
            new = replace.get(info.filename, content)
            target.writestr(info.filename, new(content) if callable(new) else new)
        for name, content in (add or {}).items():
            target.writestr(name, content)
    return out.getvalue()


def sheet_xml(body: str, prolog: str = "", dimension: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{prolog}'
            f'<worksheet xmlns="{MAIN_NS}">{dimension}<sheetData>{body}</sheetData>'
            "</worksheet>").encode()


def inline_row(number: int, *values: str) -> str:
    cells = "".join(f'<c r="{chr(65 + i)}{number}" t="inlineStr"><is><t>{v}</t></is></c>'
                    for i, v in enumerate(values))
    return f'<row r="{number}">{cells}</row>'


def rows_xml(n: int) -> str:
    return inline_row(1, "navn", "kommune") + "".join(
        inline_row(i, f"Person {i}", "3301") for i in range(2, n + 2))


def with_sheet(xml: bytes, **kwargs) -> bytes:
    return rezip(workbook(), {SHEET: xml}, **kwargs)


def with_shared_strings(change=lambda content: content) -> bytes:
    """A workbook whose text sits in xl/sharedStrings.xml, as Excel writes it (openpyxl writes
    inline strings), with `change` applied to that part."""
    strings = (f'<sst xmlns="{MAIN_NS}" count="4" uniqueCount="4"><si><t>navn</t></si>'
               "<si><t>kommune</t></si><si><t>Kari Test</t></si><si><t>3301</t></si></sst>")
    cells = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
              '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>')
    rel = ('<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/'
           'relationships/sharedStrings" Target="sharedStrings.xml" Id="rId9"/>')
    override = ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
                'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
    return rezip(workbook(), {
        SHEET: sheet_xml(cells),
        "xl/_rels/workbook.xml.rels": lambda c: c.replace(b"</Relationships>",
                                                          rel.encode() + b"</Relationships>"),
        "[Content_Types].xml": lambda c: c.replace(b"</Types>", override.encode() + b"</Types>"),
    }, add={STRINGS: change(strings.encode())})


PADDING = "<!--" + "x" * 8000 + "-->"  # the old check looked at the first 4 KB of a part only
DTD = '<!DOCTYPE worksheet [<!ENTITY e "Kari Test">]>'


def declared(content: bytes, encoding: str = "UTF-8") -> bytes:
    """The part with an XML declaration (openpyxl writes most parts without one)."""
    if content.startswith(b"<?xml"):
        content = content.split(b"?>", 1)[1].lstrip()
    return f'<?xml version="1.0" encoding="{encoding}"?>\n'.encode() + content


def dtd_after_padding(content: bytes) -> bytes:
    return declared(content).replace(b"?>", f"?>{PADDING}{DTD}".encode(), 1)


def entity_in_shared_strings(content: bytes) -> bytes:
    return dtd_after_padding(content).replace(b">Kari Test<", b">&e;<")


def in_utf16(content: bytes) -> bytes:
    return declared(content, "UTF-16").decode("utf-8").encode("utf-16")


def utf16_with_dtd(content: bytes) -> bytes:
    return in_utf16(dtd_after_padding(content))


def comment_deep_in_sheet(variant: str) -> bytes:
    return sheet_xml(rows_xml(500) + f"<!-- {variant} -->")


def flipped_crc() -> bytes:
    raw = bytearray(rezip(workbook(), compression=zipfile.ZIP_STORED))
    at = raw.index(b"Kari Test")
    raw[at] ^= 0x01
    return bytes(raw)


def embedded_workbook() -> bytes:
    return rezip(workbook(), add={"xl/embeddings/inner.xlsx": workbook()})


def wide_dimension() -> bytes:
    xml = sheet_xml(inline_row(1, "navn", "kommune") + inline_row(2, "Kari Test", "3301"),
                    dimension='<dimension ref="A1:XFD1048576"/>')
    return with_sheet(xml)


HOSTILE_XLSX = [
    ("dtd-dypt.xlsx", lambda: rezip(workbook(), {SHEET: dtd_after_padding}), "DTD",
     SHEET),
    ("entitet.xlsx", lambda: with_shared_strings(entity_in_shared_strings), "DTD",
     STRINGS),
    ("utf16.xlsx", lambda: with_shared_strings(utf16_with_dtd), "DTD", STRINGS),
    ("liten.xlsx", lambda: with_sheet(comment_deep_in_sheet("<!doctype x>")), "DTD", SHEET),
    ("mellomrom.xlsx", lambda: with_sheet(comment_deep_in_sheet("< !  ENTITY a 'b'>")), "DTD",
     SHEET),
    ("blandet.xlsx", lambda: with_sheet(comment_deep_in_sheet("<!DocType x>")), "DTD", SHEET),
    ("avkortet.xlsx", lambda: workbook()[: len(workbook()) // 2], "ikke en gyldig Excel-fil",
     None),
    ("crc.xlsx", flipped_crc, "er skadet eller avkortet", SHEET),
    ("ugyldig.xlsx", lambda: with_sheet(sheet_xml(rows_xml(50))[:-40]), "ikke gyldig XML",
     SHEET),
    ("utf7.xlsx", lambda: with_sheet(sheet_xml(rows_xml(2)).replace(b"UTF-8", b"UTF-7")),
     "ikke gyldig XML", SHEET),
    ("tett.xlsx", lambda: with_sheet(sheet_xml(rows_xml(2) + " " * 5_000_000)), "zip-bombe",
     None),
    ("innebygd.xlsx", embedded_workbook, "innebygd fil", "xl/embeddings/inner.xlsx"),
    ("bred.xlsx", lambda: with_sheet(sheet_xml(
        inline_row(1, "navn", "kommune") + '<row r="2"><c r="XFD2"><v>1</v></c></row>')),
     "rad 2 har 16384 kolonner", None),
    ("langt-ned.xlsx", lambda: with_sheet(sheet_xml(
        rows_xml(1) + '<row r="1048576"><c r="A1048576"><v>1</v></c></row>')),
     "tomme rader medregnet", None),
    ("celle.xlsx", lambda: with_sheet(sheet_xml(
        inline_row(1, "navn", "kommune") + '<row r="2"><c r="A2"><v>ikke et tall</v></c></row>')),
     "rad 2 i Excel-filen kan ikke leses", None),
]


@pytest.mark.parametrize(("filename", "build", "message", "part"), HOSTILE_XLSX,
                         ids=[case[0] for case in HOSTILE_XLSX])
def test_hostile_workbooks_are_refused_and_change_nothing(own_db, people, filename, build,
                                                          message, part):
    before = snapshot(own_db)
    with pytest.raises(ValidationError) as refused:
        politician_import.import_file(own_db, people.leader, filename, build())
    assert refused.value.message.startswith(f"{filename}: ")
    assert message in refused.value.message
    if part:
        assert f"«{part}»" in refused.value.message
    assert snapshot(own_db) == before


def test_a_workbook_of_300000_rows_is_refused_from_the_command_line(own_db, db_path, tmp_path,
                                                                    capsys):
    path = tmp_path / "stor.xlsx"
    path.write_bytes(with_sheet(sheet_xml(rows_xml(300_000))))
    before = snapshot(own_db)
    assert main(["import-politicians", str(path), "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert "Feil: stor.xlsx: filen har flere enn 50000 rader. Ingenting ble lagret." in err
    assert "Traceback" not in err
    assert snapshot(own_db) == before


def test_a_broken_workbook_is_a_message_on_the_command_line(own_db, db_path, tmp_path, capsys):
    path = tmp_path / "crc.xlsx"
    path.write_bytes(flipped_crc())
    before = snapshot(own_db)
    assert main(["import-politicians", str(path), "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Feil: crc.xlsx: filen er ikke en gyldig Excel-fil") and \
        "Traceback" not in err
    assert snapshot(own_db) == before


def test_what_the_guard_reads_still_imports(own_db, people):
    """No false alarms: a sheet claiming 16,384 columns, sharedStrings in UTF-16, a comment."""
    commented = with_sheet(comment_deep_in_sheet("en kommentar"))
    for data in (wide_dimension(), with_shared_strings(), with_shared_strings(in_utf16),
                 commented):
        _, counts = politician_import.import_file(own_db, people.leader, "ok.xlsx", data)
        assert counts["rejected"] == 0


HOSTILE_CSV = [
    ("bom.csv", "\ufeffnavn;kommune\nKari;3301\n".encode() + b"Per;33\xff01\n",
     "rad 3, kolonne 2: filen har tegn som verken er UTF-8 eller Windows-1252 (byte 0xFF)"),
    ("cp1252.csv", b"navn;kommune\nKari;3301\nP\x81er;3301\n",
     "rad 3, kolonne 1: filen har tegn som verken er UTF-8 eller Windows-1252 (byte 0x81)"),
    ("linje.csv", ("navn;kommune\n" + "A" * 200_000 + ";3301\n").encode(),
     "kan ikke leses som CSV (rad 2: en celle er lengre enn 131072 tegn)"),
    ("nul.csv", b"navn;kommune\nKari;33\x0001\n", "rad 2, kolonne «kommune»: cellen inneholder "
     "et NUL-tegn"),
    ("nul-overskrift.csv", b"na\x00vn;kommune\nKari;3301\n", "rad 1, kolonne «1»"),
    ("kolonner.csv", (";".join(f"k{i}" for i in range(5000)) + "\n").encode(),
     "rad 1 har 5000 kolonner; høyst 1000"),
    ("rader.csv", ("navn;kommune\n" + "Kari;3301\n" * 60_000).encode(),
     "filen har flere enn 50000 rader"),
]


@pytest.mark.parametrize(("filename", "data", "message"), HOSTILE_CSV,
                         ids=[case[0] for case in HOSTILE_CSV])
def test_hostile_csv_files_are_refused_with_row_and_column(own_db, db_path, tmp_path, capsys,
                                                           filename, data, message):
    path = tmp_path / filename
    path.write_bytes(data)
    before = snapshot(own_db)
    assert main(["import-politicians", str(path), "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Feil: {filename}: ") and message in err, err
    assert "Traceback" not in err
    assert snapshot(own_db) == before


# --- Backups: restore refuses every kind of broken file and leaves the database alone ---


# A full register: random damage to a backup lands in rows and indexes (as in a database in
# use), not in the unused space of the empty tables' pages, where no check can see it.
REGISTER = [(f"Person {i}", "3301" if i % 2 else "4601", "Ap" if i % 3 else "H")
            for i in range(1, 3001)]


@pytest.fixture(scope="module")
def register_backup(tmp_path_factory, empty_template) -> Path:
    """A backup (and its .sha256) of a database like `own_db` with 3,000 politicians imported
    through the register import, made once for the module: the hostile cases each tamper with
    a copy of it (good_backup)."""
    folder = tmp_path_factory.mktemp("register")
    copy_demo(empty_template, folder / "advocacy.db")
    database = open_database(folder / "advocacy.db")
    people = make_people(database)
    records(people)
    _, counts = politician_import.import_file(database, people.leader, "register.xlsx",
                                              workbook(REGISTER))
    assert counts["rejected"] == 0
    made = backup.backup(database, folder / "kopi.db")
    database.close()
    return made


@pytest.fixture
def good_backup(register_backup, tmp_path) -> Path:
    """A fresh copy of the module's backup and its checksum, as kopi.db in this test's folder."""
    path = tmp_path / "kopi.db"
    shutil.copyfile(register_backup, path)
    shutil.copyfile(backup.checksum_path(register_backup), backup.checksum_path(path))
    return path


def flip(data: bytes, positions) -> bytes:
    out = bytearray(data)
    for i in positions:
        out[i] ^= 0xFF
    return bytes(out)


def random_flips(data: bytes, seed: int) -> bytes:
    return flip(data, random.Random(seed).sample(range(100, len(data)), 16))


def schema_flips(data: bytes) -> bytes:
    """16 bytes of the schema's text (page 1, where CREATE statements end) turned over."""
    page = int.from_bytes(data[16:18], "big")
    return flip(data, range(page - 400, page - 80, 20))


def newer_schema(path: Path) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute("insert into _sqlite_migrations (migration_set, name, applied_at) "
                 "values ('advocacy', 'm999_fra_fremtiden', '2030-01-01')")
    conn.commit()
    conn.close()
    return path.read_bytes()


def unreadable_text(path: Path) -> bytes:
    """A structurally sound file with bytes that are not UTF-8 in a text column."""
    conn = sqlite3.connect(path)
    conn.execute("update municipalities set navn_norsk = cast(x'c328ff' as text) "
                 "where kommunenummer = '3301'")
    conn.commit()
    conn.close()
    return path.read_bytes()


def foreign_database(path: Path) -> bytes:
    other = path.with_name("annen.db")
    conn = sqlite3.connect(other)
    conn.execute("create table users (id integer primary key)")
    conn.commit()
    conn.close()
    return other.read_bytes()


def zipped(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("kopi.db", data)
    return out.getvalue()


def bad_page_size(data: bytes) -> bytes:
    return data[:16] + b"\x03\x00" + data[18:]


HOSTILE_BACKUPS = [
    # (name, make(bytes of a good backup, its path) -> bytes, keep the .sha256?, message)
    ("snudd-med-sjekksum.db", lambda d, p: random_flips(d, 3), True,
     "stemmer ikke med sjekksummen i snudd-med-sjekksum.db.sha256"),
    ("snudd-skjema.db", lambda d, p: schema_flips(d), False, "databasen er skadet"),
    *[(f"snudd-{seed}.db", lambda d, p, seed=seed: random_flips(d, seed), False,
       "ikke en hel Påvirk-database") for seed in range(6)],
    ("halv.db", lambda d, p: d[: len(d) // 2 + 7], False, "avkortet eller skadet"),
    ("sider.db", lambda d, p: d[: 4096 * 3], False, "avkortet eller skadet"),
    ("tom.db", lambda d, p: b"", False, "filen er tom"),
    ("tekst.db", lambda d, p: b"Dette er ikke en sikkerhetskopi.\n", False,
     "ikke en SQLite-database"),
    ("sidestorrelse.db", lambda d, p: bad_page_size(d), False, "filhodet er skadet"),
    ("annen.db", lambda d, p: foreign_database(p), False, "mangler tabellene"),
    ("nyere.db", lambda d, p: newer_schema(p), False, "nyere versjon av Påvirk"),
    ("tegn.db", lambda d, p: unreadable_text(p), False, "har tekst som ikke kan leses"),
    ("kopi.db.gz", lambda d, p: gzip.compress(d), False, "pakket (gzip); pakk den ut først"),
    ("kopi.zip", lambda d, p: zipped(d), False, "pakket (zip)"),
    ("sjekksum.db", lambda d, p: d, "tull", "sjekksumfilen sjekksum.db.sha256 kan ikke leses"),
]


@pytest.mark.parametrize(("name", "make", "sidecar", "message"), HOSTILE_BACKUPS,
                         ids=[case[0] for case in HOSTILE_BACKUPS])
def test_restore_refuses_a_broken_backup_and_changes_nothing(own_db, db_path, good_backup,
                                                             capsys, name, make, sidecar,
                                                             message):
    hostile = good_backup.with_name(name)
    hostile.write_bytes(make(good_backup.read_bytes(), good_backup))
    if sidecar is True:
        backup.checksum_path(hostile).write_bytes(
            backup.checksum_path(good_backup).read_bytes())
    elif sidecar:
        backup.checksum_path(hostile).write_text(sidecar)
    before, file_before = snapshot(own_db), db_path.read_bytes()
    assert main(["restore", str(hostile), "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Feil: {hostile} er ikke en hel Påvirk-database og ble ikke lagt "
                          "tilbake: ")
    assert message in err and "Databasen er ikke endret." in err, err
    assert "Traceback" not in err
    fresh = connect(db_path)
    assert snapshot(fresh) == before == snapshot(own_db)
    fresh.close()
    assert db_path.read_bytes() == file_before
    leftovers = [p.name for p in db_path.parent.iterdir()
                 if ".restoring" in p.name or ".before-restore" in p.name]
    assert leftovers == []


def test_a_good_backup_with_its_checksum_is_put_back(own_db, db_path, tmp_path, capsys):
    path, copy = db_path, tmp_path / "kopi.db"
    assert main(["backup", "--out", str(copy), "--db", str(path)]) == 0
    digest = hashlib.sha256(copy.read_bytes()).hexdigest()
    assert backup.checksum_path(copy).read_text() == f"{digest}  kopi.db\n"
    db = connect(path)
    held_on = [r[0] for r in db.execute("select held_on from meetings order by id")]
    assert held_on == ["2026-03-02", "2026-03-03"]
    db.execute("delete from meetings")
    db.close()
    assert main(["restore", str(copy), "--db", str(path)]) == 0
    assert [r[0] for r in connect(path).execute("select held_on from meetings order by id")
            ] == held_on
    backup.checksum_path(copy).unlink()  # a download from the page comes without one
    assert main(["restore", str(copy), "--db", str(path)]) == 0
    assert "Traceback" not in capsys.readouterr().err
