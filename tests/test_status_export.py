"""The national status sheet: 357 rows, one column per lever, formula-safe."""


from openpyxl import load_workbook

from advocacy.policy import levers, positions, status_export
from tests.cli_run import run


def test_cli_export_has_357_rows_one_column_per_lever_and_no_formulas(people, db_path, tmp_path):
    db, leader = people.db, people.leader
    lever_id = levers.add_lever(db, leader, "Fritekst", "text")
    positions.record_position(db, leader, "0301", lever_id, "=HYPERLINK(\"x\")",
                              "2025-01-01", "@kilde")
    n_levers = db.execute("select count(*) from levers where active = 1").fetchone()[0]
    out = tmp_path / "status.xlsx"
    result = run("export-status", "--out", out, "--db", db_path)
    assert result.returncode == 0, result.stderr
    assert "357" in result.stdout
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 1 + 357
    header = rows[0]
    assert header[:3] == ("Kommunenr.", "Kommune", "Fylke")
    assert len(header) == 3 + n_levers + 2
    assert "Skjenketid gruppe 1 og 2, slutt (hverdager)" in header
    cells = [c for row in sheet.iter_rows() for c in row]
    assert not any(isinstance(c.value, str) and c.value.startswith("=") for c in cells)
    assert all(c.data_type != "f" for c in cells)
    oslo = next(r for r in rows if r[0] == "0301")
    assert oslo[header.index("Fritekst")] == "'=HYPERLINK(\"x\")"


def test_csv_and_status_columns(people):
    db = people.db
    positions.record_position(db, people.leader, "4601", "skjenketid_gr12", "03:00", "2025-01-01",
                              "Sak 12/25")
    rows, columns = status_export.status_table(db, fylkesnummer="46", with_status=True)
    assert len(rows) == 43
    assert "skjenketid_gr12__status" in columns
    bergen = next(r for r in rows if r["kommunenummer"] == "4601")
    assert {k: bergen[k] for k in ("kommune", "fylke", "skjenketid_gr12",
                                   "skjenketid_gr12__status", "meets", "known")} == {
        "kommune": "Bergen", "fylke": "Vestland", "skjenketid_gr12": "03:00",
        "skjenketid_gr12__status": "langt unna", "meets": 0, "known": 2}
    data = status_export.export_bytes(db, "csv", "46", with_status=True).decode("utf-8-sig")
    lines = data.strip().splitlines()
    assert len(lines) == 44
    assert lines[1].startswith("4601;Bergen;Vestland;03:00;langt unna;")


def test_cli_refuses_unknown_format(db_path, db):
    result = run("export-status", "--out", "x.pdf", "--db", db_path)
    assert result.returncode == 1
    assert "Feil: Filen må slutte på .xlsx eller .csv" in result.stderr
    assert "Traceback" not in result.stderr
