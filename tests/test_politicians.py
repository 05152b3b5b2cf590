"""The politicians' directory, their stances and the old-kommunenummer mapping."""

import csv
import datetime as dt

import pytest

from advocacy.db import ROOT
from advocacy.errors import PermissionDenied, ValidationError
from advocacy.policy.municipality_codes import MunicipalityIndex, old_numbers
from advocacy.politicians import politicians, stances

KARI = {"name": "Kari  Nordmann", "party": "Ap", "kommune": "3301", "role": "ordfører",
        "email": "Kari@Drammen.example.org", "phone": "+47 912 34 567"}


def test_create_and_list_with_filters(people):
    db, leader = people.db, people.leader
    pid = politicians.create_politician(db, leader, KARI)
    politicians.create_politician(db, leader, {"name": "Ola Lokal", "party": "Bygdelista",
                                               "kommune": "Tana", "role": ""})
    row = politicians.get_politician(db, leader, pid)
    assert (row["name"], row["party_code"], row["kommunenummer"], row["role"], row["email"]) == (
        "Kari Nordmann", "A", "3301", "ordforer", "kari@drammen.example.org")
    def names(**kw):
        return [r["name"] for r in politicians.list_politicians(db, leader, **kw)]
    assert names() == ["Ola Lokal", "Kari Nordmann"]
    assert names(fylkesnummer="56") == ["Ola Lokal"]
    assert names(party="Bygdelista") == ["Ola Lokal"]
    assert names(party="A", kommunenummer="3301") == ["Kari Nordmann"]
    assert names(role="ordforer", search="nord") == ["Kari Nordmann"]
    assert politicians.party_choices(db)["Bygdelista"] == "Bygdelista"


def test_same_name_in_same_municipality_is_refused(people):
    db, leader = people.db, people.leader
    politicians.create_politician(db, leader, KARI)
    with pytest.raises(ValidationError, match="finnes allerede"):
        politicians.create_politician(db, leader, {**KARI, "name": "kari nordmann"})
    politicians.create_politician(db, leader, {**KARI, "kommune": "Lier"})  # another place: fine


@pytest.mark.parametrize("field, value, message", [
    ("name", "  ", "Navn mangler"),
    ("kommune", "9999", "Fant ingen kommune"),
    ("kommune", "Våler", "passer på flere kommuner"),
    ("role", "keiser", "Ukjent rolle"),
    ("email", "ikke-en-adresse", "E-postadressen"),
    ("phone", "ring meg", "Telefonnummeret"),
])
def test_bad_values_are_refused_with_nothing_written(people, field, value, message):
    db, leader = people.db, people.leader
    before = db["politicians"].count
    with pytest.raises(ValidationError, match=message):
        politicians.create_politician(db, leader, {**KARI, field: value})
    assert db["politicians"].count == before


def test_writing_group_only_reads(people):
    db, leader, writer = people.db, people.leader, people.writer
    with pytest.raises(PermissionDenied):
        politicians.create_politician(db, writer, KARI)
    pid = politicians.create_politician(db, leader, KARI)
    with pytest.raises(PermissionDenied):
        stances.record_stance(db, writer, pid, "for", topic="Skjenketid", stated_on="2026-01-01",
                              source="Møte")


def test_html_in_names_is_stored_as_text(people):
    db, leader = people.db, people.leader
    pid = politicians.create_politician(db, leader, {**KARI, "name": "<script>alert(1)</script>"})
    assert politicians.get_politician(db, leader, pid)["name"] == "<script>alert(1)</script>"


def test_stances_keep_their_history(people):
    db, leader = people.db, people.leader
    pid = politicians.create_politician(db, leader, KARI)
    today = dt.date(2026, 3, 20)
    stances.record_stance(db, leader, pid, "mot", lever_id="skjenketid_gr12",
                          stated_on="2025-09-01", source="Valgmøte", today=today)
    stances.record_stance(db, leader, pid, "klart_for", lever_id="skjenketid_gr12",
                          stated_on="2026-03-12", source="Møte med IOGT", today=today)
    stances.record_stance(db, leader, pid, "usikker", topic="Alkoholfri 17. mai",
                          stated_on="2026-03-12", source="Møte", today=today)
    current = [(r["lever_id"], r["topic"], r["stance"])
               for r in stances.current_stances(db, pid)]
    assert current == [("skjenketid_gr12", None, "klart_for"), (None, "Alkoholfri 17. mai", "usikker")]
    assert [r["stance"] for r in stances.stance_history(db, pid)] == ["usikker", "klart_for", "mot"]
    with pytest.raises(Exception, match="append-only"):
        db.execute("update stances set stance = 'mot'")


@pytest.mark.parametrize("kwargs, message", [
    ({"stance": "kanskje"}, "Ukjent standpunkt"),
    ({"lever_id": None, "topic": " "}, "Velg en sak"),
    ({"stated_on": "2026-04-01"}, "framtiden"),
    ({"source": ""}, "Kilde mangler"),
    ({"lever_id": "finnes_ikke"}, "Ukjent sak"),
])
def test_bad_stances_are_refused(people, kwargs, message):
    db, leader = people.db, people.leader
    pid = politicians.create_politician(db, leader, KARI)
    args = {"stance": "for", "lever_id": "skjenketid_gr12", "stated_on": "2026-03-01",
            "source": "Møte", **kwargs}
    before = db["stances"].count
    with pytest.raises(ValidationError, match=message):
        stances.record_stance(db, leader, pid, args.pop("stance"), today=dt.date(2026, 3, 20),
                              **args)
    assert db["stances"].count == before


def test_old_numbers_cover_the_split_counties_and_match_2024_names(db):
    rows = list(old_numbers().values())
    by_county = {c: [r for r in rows if r["gammelt_fylke"] == c] for c in ("30", "38", "54")}
    assert [len(by_county[c]) for c in ("30", "38", "54")] == [51, 23, 39]
    with (ROOT / "data" / "kommuner-2024.csv").open(encoding="utf-8") as f:
        new = {r["kommunenummer"]: r for r in csv.DictReader(f)}
    for row in rows:
        if row["nytt_nummer"]:
            target = new[row["nytt_nummer"]]
            assert row["gammelt_navn"] in (target["navn"].split(" (")[0], target["navn_norsk"])
    index = MunicipalityIndex(db)
    expected = {"3001": "3101", "3024": "3201", "3005": "3301", "3803": "3905", "3806": "4001",
                "5401": "5501", "5403": "5601", "3025": "3203", "3053": "3236"}
    assert {old: index.resolve(old).kommunenummer for old in expected} == expected


def test_municipality_by_number_or_name(db):
    index = MunicipalityIndex(db)
    assert index.resolve("301").kommunenummer == "0301"  # Excel dropped the leading zero
    assert index.resolve("Drammen kommune").kommunenummer == "3301"
    assert index.resolve("Kárášjohka – Karasjok").kommunenummer == "5610"
    assert index.resolve("karasjok").kommunenummer == "5610"
    assert "3024 (Bærum)" in index.resolve("3024").note
    with pytest.raises(ValidationError, match="1508 Ålesund og 1580 Haram"):
        index.resolve("1507")
