"""The shared input and output helpers: spreadsheets in, spreadsheets and calendars out."""

import csv
import datetime as dt
import io

import pytest
from icalendar import Calendar
from openpyxl import Workbook, load_workbook

from advocacy.errors import ValidationError
from advocacy.events.calendar import CalendarItem, to_ics
from advocacy.io.exports import to_csv, to_excel
from advocacy.io.imports import Problem, mapped_rows, read_table, suggest_mapping

SYNONYMS = {"navn": ("name", "fullt navn"), "epost": ("e-post", "email"), "kommune": ()}


def test_semicolon_cp1252_csv():
    data = "Navn;E-post;Kommune\r\nÅse Øvrebø;ase@example.org;Bærum\r\n".encode("cp1252")
    table = read_table("liste.csv", data)
    assert table.rows == [{"Navn": "Åse Øvrebø", "E-post": "ase@example.org", "Kommune": "Bærum"}]
    assert table.row_numbers == [2]


def test_comma_utf8_with_bom_and_blank_lines():
    data = "\ufeffnavn,kommune\nPer Ås,Tromsø\n,\n\nKari Li,Bodø\n".encode()
    table = read_table("liste.csv", data)
    assert [r["navn"] for r in table.rows] == ["Per Ås", "Kari Li"]
    assert table.row_numbers == [2, 5]


def test_xlsx():
    wb = Workbook()
    wb.active.append(["Navn", "Telefon", "Kommune"])
    wb.active.append(["Siri Dahl", 91234567, "0301"])
    buffer = io.BytesIO()
    wb.save(buffer)
    table = read_table("liste.xlsx", buffer.getvalue())
    assert table.rows == [{"Navn": "Siri Dahl", "Telefon": "91234567", "Kommune": "0301"}]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("tom.csv", b"  \n", "filen er tom"),
        ("bilde.png", b"\x89PNG....", "bare CSV- og Excel-filer"),
        ("dobbel.csv", b"navn;navn\nA;B\n", "står flere ganger"),
        ("falsk.xlsx", b"PK\x03\x04 not really a zip", "ikke en gyldig Excel-fil"),
    ],
)
def test_unreadable_files_are_refused_with_the_file_named(name, data, message):
    with pytest.raises(ValidationError, match=message) as info:
        read_table(name, data)
    assert name in info.value.message


def test_mapping_by_norwegian_headings_and_synonyms():
    table = read_table("x.csv", "Fullt navn;E-post;Kommune\nA;b@c.no;Bodø\n".encode())
    mapping = suggest_mapping(table.columns, SYNONYMS)
    assert mapping == {"navn": "Fullt navn", "epost": "E-post", "kommune": "Kommune"}
    assert mapped_rows(table, mapping) == [(2, {"navn": "A", "epost": "b@c.no", "kommune": "Bodø"})]


def test_problem_names_row_and_column():
    assert str(Problem(4, "kommune", "ukjent kommune")) == "Rad 4, kolonne «kommune»: ukjent kommune"


def test_exports_neutralise_formulas():
    rows = [{"navn": "=HYPERLINK(\"http://x\")", "tall": -3, "tekst": "-1+1", "ok": "Ås"}]
    columns = {"navn": "Navn", "tall": "Tall", "tekst": "Tekst", "ok": "OK"}
    text = to_csv(rows, columns).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text), delimiter=";"))[1] == [
        "'=HYPERLINK(\"http://x\")", "-3", "'-1+1", "Ås"]
    sheet = load_workbook(io.BytesIO(to_excel(rows, columns))).active
    values = [c.value for c in sheet[2]]
    assert values == ["'=HYPERLINK(\"http://x\")", -3, "'-1+1", "Ås"]
    assert all(c.data_type != "f" for c in sheet[2])


def test_ics_in_norwegian_time():
    data = to_ics([
        CalendarItem("a@pavirk", "Debatt", dt.datetime(2026, 7, 1, 19, 0)),
        CalendarItem("b@pavirk", "Valgdag", dt.date(2027, 9, 13)),
    ])
    calendar = Calendar.from_ical(data)
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    start = events["Debatt"].decoded("dtstart")
    assert (start.hour, str(start.tzinfo)) == (19, "Europe/Oslo")
    assert start.utcoffset() == dt.timedelta(hours=2)
    assert events["Valgdag"].decoded("dtstart") == dt.date(2027, 9, 13)
    assert calendar.walk("VTIMEZONE")
