"""Recording positions: validation, permissions, the append-only history, the bulk import."""

import datetime as dt

import pytest

from advocacy import permissions
from advocacy.errors import PermissionDenied, ValidationError
from advocacy.io import imports
from advocacy.policy import municipalities, positions

TODAY = dt.date(2026, 3, 12)


def _rows(db):
    """Every stored position, in the order recorded."""
    return [tuple(r) for r in db.execute(
        "select kommunenummer, lever_id, value, decided_on, source from positions order by id")]


def _current(db, knr, lever_id):
    return next(r for r in municipalities.profile(db, knr) if r["lever_id"] == lever_id)


def test_record_then_profile_shows_latest_and_history_keeps_all(people):
    db, leader = people.db, people.leader
    positions.record_position(db, leader, "1101", "skjenketid_gr12", "3", "2020-05-01",
                              "Sak 20/123", today=TODAY)
    positions.record_position(db, leader, "1101", "skjenketid_gr12", "02:00",
                              "12.03.2026", "https://eigersund.kommune.no/sak/26/1", today=TODAY)
    row = _current(db, "1101", "skjenketid_gr12")
    assert (row["value"], row["status"], row["decided_on"]) == ("02:00", "oppfyller", "2026-03-12")
    history = positions.history(db, "1101", "skjenketid_gr12")
    assert [(h["value"], h["decided_on"]) for h in history] == [
        ("02:00", "2026-03-12"), ("03:00", "2020-05-01")]
    assert history[0]["recorded_by"] == leader.full_name
    assert _rows(db) == [("1101", "skjenketid_gr12", "03:00", "2020-05-01", "Sak 20/123"),
                         ("1101", "skjenketid_gr12", "02:00", "2026-03-12",
                          "https://eigersund.kommune.no/sak/26/1")]


def test_an_older_decision_recorded_later_does_not_become_current(people):
    db, leader = people.db, people.leader
    positions.record_position(db, leader, "1101", "skjenketid_gr3", "24:00", "2025-01-01",
                              "Sak A", today=TODAY)
    positions.record_position(db, leader, "1101", "skjenketid_gr3", "03:00", "2019-01-01",
                              "Sak B", today=TODAY)
    assert _current(db, "1101", "skjenketid_gr3")["value"] == "24:00"


def test_history_is_append_only(people):
    db, leader = people.db, people.leader
    pid = positions.record_position(db, leader, "1101", "bevillingstak", "ja",
                                    "2025-01-01", "Sak", today=TODAY)
    with pytest.raises(Exception, match="append-only"):
        db.execute("update positions set value = 'nei' where id = ?", [pid])
    with pytest.raises(Exception, match="append-only"):
        db.execute("delete from positions where id = ?", [pid])
    assert db["positions"].get(pid)["value"] == "ja"


@pytest.mark.parametrize(("args", "message"), [
    (("9999", "skjenketid_gr12", "02:00", "2025-01-01", "S"), "Fant ingen kommune"),
    (("1507", "skjenketid_gr12", "02:00", "2025-01-01", "S"), "ikke kan oversettes sikkert"),
    (("1101", "finnes_ikke", "02:00", "2025-01-01", "S"), "Fant ingen sak"),
    (("1101", "skjenketid_gr12", "27:00", "2025-01-01", "S"), "ikke et klokkeslett"),
    (("1101", "skjenketid_gr12", "02:00", "2027-01-01", "S"), "fram i tid"),
    (("1101", "skjenketid_gr12", "02:00", "2025-01-01", " "), "Kilde: mangler"),
])
def test_bad_input_is_refused_and_nothing_written(people, args, message):
    db, leader = people.db, people.leader
    with pytest.raises(ValidationError, match=message):
        positions.record_position(db, leader, *args, today=TODAY)
    assert _rows(db) == []


def test_chapter_member_records_only_own_municipality(people):
    db, member, writer = people.db, people.member, people.writer
    # Lag Drammen's municipality is 3301.
    positions.record_position(db, member, "3301", "bevillingstak", "ja",
                              "2025-01-01", "Sak", today=TODAY)
    with pytest.raises(PermissionDenied):
        positions.record_position(db, member, "0301", "bevillingstak", "ja",
                                  "2025-01-01", "Sak", today=TODAY)
    with pytest.raises(PermissionDenied):
        positions.record_position(db, writer, "3301", "bevillingstak", "ja",
                                  "2025-01-01", "Sak", today=TODAY)
    drammen = positions.municipality(db, "3301")
    assert permissions.allowed(member, "position.record", drammen)
    assert not permissions.allowed(writer, "position.record", drammen)


CSV = (
    "Kommunenr;Sak;Verdi;Dato;Kilde\n"
    "301;skjenketid_gr12;02:00;01.02.2026;Bystyresak 12/26\n"
    "4601;Skjenketid gruppe 3, slutt (hverdager);1;2025-11-01;https://bergen.kommune.no/x\n"
    "Deatnu;bevillingstak;Ja;2025-06-01;Sak 7/25\n"
).encode("cp1252")


def test_import_preview_then_save_all(people):
    db, leader = people.db, people.leader
    table = imports.read_table("vedtak.csv", CSV)
    preview = positions.preview_import(db, leader, table, today=TODAY)
    assert preview.ok, [str(p) for p in preview.problems]
    assert [(r["row"], r["kommunenummer"], r["lever_id"], r["value"]) for r in preview.rows] == [
        (2, "0301", "skjenketid_gr12", "02:00"),
        (3, "4601", "skjenketid_gr3", "01:00"),
        (4, "5628", "bevillingstak", "ja"),
    ]
    assert _rows(db) == []
    assert positions.apply_import(db, leader, preview) == 3
    assert _rows(db) == [
        ("0301", "skjenketid_gr12", "02:00", "2026-02-01", "Bystyresak 12/26"),
        ("4601", "skjenketid_gr3", "01:00", "2025-11-01", "https://bergen.kommune.no/x"),
        ("5628", "bevillingstak", "ja", "2025-06-01", "Sak 7/25")]
    again = positions.preview_import(db, leader, table, today=TODAY)
    assert (again.rows, again.duplicates) == ([], 3)  # a re-import adds nothing


def test_import_with_one_bad_row_saves_nothing(people):
    db, leader = people.db, people.leader
    data = CSV + b"5001;skjenketid_gr12;sent;2025-01-01;Sak\n1507;bevillingstak;ja;;Sak\n"
    table = imports.read_table("vedtak.csv", data)
    preview = positions.preview_import(db, leader, table, today=TODAY)
    assert [(p.row, p.column, p.message) for p in preview.problems] == [
        (5, "Verdi", "«sent» er ikke et klokkeslett. Skriv f.eks. 02:00 eller 24:00."),
        (6, "Kommunenr", "Kommunenummer 1507 (Ålesund) er et gammelt nummer som ikke kan "
                         "oversettes sikkert: delt 1. januar 2024 i 1508 Ålesund og 1580 Haram. "
                         "Bruk det nye kommunenummeret."),
        (6, "Dato", "mangler."),
    ]
    with pytest.raises(ValidationError, match="Ingenting ble lagret"):
        positions.apply_import(db, leader, preview)
    assert _rows(db) == []


def test_import_names_missing_columns(people):
    db, leader = people.db, people.leader
    table = imports.read_table("v.csv", b"kommune;verdi\n0301;02:00\n")
    preview = positions.preview_import(db, leader, table, today=TODAY)
    assert any("fant ingen kolonne for «Sak»" in str(p) for p in preview.problems)


def test_import_by_chapter_member_refuses_other_municipalities(people):
    db, member = people.db, people.member
    table = imports.read_table("v.csv", CSV)
    preview = positions.preview_import(db, member, table, today=TODAY)
    assert {p.row for p in preview.problems} == {2, 3, 4}
    assert all("lokallagets egen kommune" in p.message for p in preview.problems)


def test_import_from_xlsx(people, tmp_path):
    db, leader = people.db, people.leader
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["kommunenummer", "sak", "verdi", "vedtaksdato", "kilde"])
    ws.append([301, "kontrollfaktor", 2.5, dt.datetime(2025, 9, 1), "KoFA 2025"])
    path = tmp_path / "v.xlsx"
    wb.save(path)
    preview = positions.preview_import(
        db, leader, imports.read_table("v.xlsx", path.read_bytes()), today=TODAY)
    assert preview.ok, [str(p) for p in preview.problems]
    assert preview.rows[0]["value"] == "2.5" and preview.rows[0]["decided_on"] == "2025-09-01"


def test_old_numbers_of_the_split_counties_are_mapped_like_every_other_import(people):
    db, leader = people.db, people.leader
    # 3001 Halden (Viken, 2020–2023) is 3101 Halden since 2024: the same resolver as the
    # politician import, so a volunteer's old spreadsheet works the same everywhere.
    pid = positions.record_position(db, leader, "3001", "bevillingstak", "ja", "2022-06-01",
                                    "Bystyresak 45/22")
    assert db["positions"].get(pid)["kommunenummer"] == "3101"
