import csv
import re

from advocacy import reference
from advocacy.db import ROOT
from tests.conftest import statements_run


def test_357_municipalities_and_15_counties(db):
    assert db["municipalities"].count == 357
    assert db["counties"].count == 15


def test_kommunenummer_are_four_digits_and_unique():
    numbers = [r["kommunenummer"] for r in reference.municipality_rows()]
    assert len(numbers) == 357
    assert len(set(numbers)) == 357
    assert all(re.fullmatch(r"\d{4}", n) for n in numbers)
    assert "0301" in numbers  # Oslo keeps its leading zero


def test_every_municipality_belongs_to_its_county(db):
    mismatched = db.execute(
        "select kommunenummer from municipalities where substr(kommunenummer, 1, 2) != fylkesnummer"
    ).fetchall()
    assert mismatched == []


def test_sami_names_keep_both_forms(db):
    row = db["municipalities"].get("5628")
    assert (row["navn"], row["navn_norsk"], row["fylkesnummer"]) == ("Deatnu", "Tana", "56")


def test_every_municipality_has_exactly_one_boundary_and_the_reverse():
    features = reference.boundaries()["features"]
    feature_numbers = [f["properties"]["kommunenummer"] for f in features]
    csv_numbers = {r["kommunenummer"] for r in reference.municipality_rows()}
    assert len(feature_numbers) == len(set(feature_numbers)) == 357
    assert set(feature_numbers) == csv_numbers


def test_reference_csv_is_the_shared_one_copied_into_data():
    with (ROOT / "data" / "kommuner-2024.csv").open(encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert header == ["kommunenummer", "navn", "navn_norsk", "fylkesnummer", "fylke"]


def test_parties_have_abbreviation_and_valgdirektoratet_code(db):
    rows = {r["code"]: r["abbreviation"] for r in db["parties"].rows}
    assert rows["A"] == "Ap"
    assert rows["FRP"] == "FrP"
    assert rows["RØDT"] == "R"
    assert rows["KRF"] == "KrF"
    assert len(rows) == 12


def test_levers_carry_the_legal_values_of_the_alcohol_act(db):
    serving = db["levers"].get("skjenketid_gr12")
    assert (serving["legal_normal"], serving["legal_max"], serving["goal"]) == (
        "01:00", "03:00", "02:00")
    spirits = db["levers"].get("skjenketid_gr3")
    assert (spirits["legal_normal"], spirits["legal_max"]) == ("24:00", "03:00")
    sales = db["levers"].get("salgstid_gr1")
    assert (sales["legal_normal"], sales["legal_max"]) == ("18:00", "20:00")


def test_loading_again_keeps_a_goal_leadership_changed(db):
    db["levers"].update("skjenketid_gr12", {"goal": "01:00"})
    reference.load(db)
    assert db["levers"].get("skjenketid_gr12")["goal"] == "01:00"
    assert db["municipalities"].count == 357


def test_a_start_with_unchanged_data_writes_nothing(db):
    with statements_run(db) as statements:
        reference.load(db)
    assert [s for s in statements if s.lstrip().lower().startswith(("insert", "update"))] == []


def test_a_missing_municipality_is_put_back(db):
    with db.conn:
        db.execute("pragma foreign_keys = off")
        db.execute("delete from municipalities where kommunenummer = '3301'")
    reference.load(db)
    assert db["municipalities"].get("3301")["navn"] == "Drammen"


def test_data_loaded_under_another_digest_is_loaded_again(db):
    db.execute("update municipalities set navn = 'Gammelt navn' where kommunenummer = '3301'")
    reference.load(db)
    assert db["municipalities"].get("3301")["navn"] == "Gammelt navn"  # same digest: kept
    db.execute("update settings set value = 'eldre' where key = ?", [reference.DIGEST_SETTING])
    reference.load(db)
    assert db["municipalities"].get("3301")["navn"] == "Drammen"
    assert db.execute("select value from settings where key = ?",
                      [reference.DIGEST_SETTING]).fetchone()[0] != "eldre"
