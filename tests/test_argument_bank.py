"""Writers propose paragraphs; leadership approves them with sources and a date checked."""

import datetime as dt

import pytest

from advocacy.errors import PermissionDenied, ValidationError
from advocacy.writing import argument_bank

PROPOSAL = {"title": "Kontroller virker", "body": "Der det kontrolleres ofte, selges det sjeldnere "
            "til mindreårige.", "sources": "Rapport A\n\n Rapport B ", "lever_id": "kontrollfaktor"}


def test_propose_approve_and_insert(people):
    db, writer, leader = people.db, people.writer, people.leader
    arg = argument_bank.propose(db, writer, PROPOSAL)
    assert argument_bank.get_argument(db, arg)["status"] == "forslag"
    assert argument_bank.list_arguments(db, writer) == []
    with pytest.raises(PermissionDenied):
        argument_bank.approve(db, writer, arg)
    with pytest.raises(ValidationError, match="datoen kildene sist ble sjekket"):
        argument_bank.approve(db, leader, arg)
    argument_bank.approve(db, leader, arg, checked_on=dt.date.today())
    row = argument_bank.get_argument(db, arg)
    assert (row["status"], row["decider"], row["stale"]) == ("godkjent", "Lise Leder", False)
    assert argument_bank.source_list(row) == ["Rapport A", "Rapport B"]
    assert [a["id"] for a in argument_bank.list_arguments(db, writer)] == [arg]
    draft = "Innledning.\n\nDerfor ber vi kommunen om flere kontroller."
    assert argument_bank.insert(draft, row) == (
        "Innledning.\n\nDer det kontrolleres ofte, selges det sjeldnere til mindreårige."
        "\n\nDerfor ber vi kommunen om flere kontroller.")
    assert argument_bank.insert("", row) == row["body"]


def test_approval_needs_a_source(people):
    db, writer, leader = people.db, people.writer, people.leader
    arg = argument_bank.propose(db, writer, {**PROPOSAL, "sources": ""})
    with pytest.raises(ValidationError, match="minst én kilde"):
        argument_bank.approve(db, leader, arg, checked_on=dt.date.today())
    assert argument_bank.get_argument(db, arg)["status"] == "forslag"


def test_refused_input_changes_nothing(people):
    db, writer = people.db, people.writer
    argument_bank.propose(db, writer, PROPOSAL)
    before = db["arguments"].count
    for bad, message in [({"title": ""}, "overskrift"), ({"body": " "}, "tekst"),
                         ({"lever_id": "finnes_ikke"}, "Ukjent sak"),
                         ({"checked_on": dt.date.today() + dt.timedelta(days=2)}, "fram i tid")]:
        with pytest.raises(ValidationError, match=message):
            argument_bank.propose(db, writer, {**PROPOSAL, **bad})
    assert db["arguments"].count == before


def test_proposals_cannot_be_inserted_and_stale_ones_are_flagged(people):
    db, writer, leader = people.db, people.writer, people.leader
    for title, days_ago in (("Handlingsplanen er lovpålagt", 400), ("Ferskt argument", 30)):
        old = argument_bank.propose(db, writer, {**PROPOSAL, "title": title})
        argument_bank.approve(db, leader, old,
                              checked_on=dt.date.today() - dt.timedelta(days=days_ago))
    arg = argument_bank.propose(db, writer, PROPOSAL)
    with pytest.raises(ValidationError, match="Bare godkjente"):
        argument_bank.insert("tekst", argument_bank.get_argument(db, arg))
    argument_bank.reject(db, leader, arg, "Mangler kilde")
    assert argument_bank.get_argument(db, arg)["status"] == "avvist"
    assert argument_bank.is_stale("2020-01-01") and not argument_bank.is_stale(
        dt.date.today().isoformat())
    stale = [a for a in argument_bank.list_arguments(db, leader) if a["stale"]]
    assert [a["title"] for a in stale] == ["Handlingsplanen er lovpålagt"]  # 400 days
