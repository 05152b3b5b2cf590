"""Literal records the papirkurv and change-log tests make themselves, on `people`
(tests/conftest.py): one record of every kind the papirkurv takes, each made through the domain
functions from the literal fields below. No demo data."""

from __future__ import annotations

from types import SimpleNamespace

from advocacy.events import campaigns, events
from advocacy.letters import document_records
from advocacy.politicians import stances
from advocacy.statements import statements
from advocacy.writing import argument_bank
from tests.conftest import politician
from tests.literal_letters import drammen_politicians, papers
from tests.literal_records import meeting

ARGUMENT = {"title": "Kontroller virker", "body": "Der det kontrolleres ofte, selges det "
            "sjeldnere til mindreårige.", "sources": "Rapport A", "lever_id": "kontrollfaktor"}


def records(people) -> SimpleNamespace:
    """One record of each kind, made by the leader (the argument proposed by the writer):
    `.politicians` (Anne Ås, Bjørn Berg in Drammen), `.meeting` (Lag Drammen, with Anne Ås and a
    draft follow-up letter), `.bergen_meeting` (Lag Bergen, with Dina Fjell), `.stance` (Anne Ås), `.document`,
    `.statement`, `.campaign`, `.event` (in the campaign), `.argument`, `.newspaper` (Elvebyen)."""
    db, leader = people.db, people.leader
    anne, bjorn = drammen_politicians(people)
    drammen = meeting(db, leader, "2026-03-02", "3301", [anne], "Om skjenketider",
                      chapter_id=people.drammen)
    document_records.create_document(
        db, leader, kind="oppfolgingsbrev", template="oppfolgingsbrev",
        fields={"mottaker_navn": "Anne Ås"}, meeting_id=drammen, title="Takk for møtet")
    dina = politician(db, leader, "Dina Fjell", "4601", role="ordforer", party="KrF")
    bergen = meeting(db, leader, "2026-03-03", "4601", [dina], "Om bevillinger",
                     chapter_id=people.bergen)
    stance = stances.record_stance(db, leader, anne, "for", topic="Skjenketider",
                                   stated_on="2026-01-01", source="Møte")
    document = document_records.create_document(
        db, leader, kind="annet", template=None, fields={}, title="Notat om skjenketider",
        body="Et notat.")
    statement = statements.create_statement(db, leader, {"title": "Skjenketider",
                                                         "position": "Vi mener"})
    campaign = campaigns.create_campaign(db, leader, "Trygg sommer", starts_on="2026-06-01",
                                         ends_on="2026-08-31")
    event = events.create_event(db, leader, kind="stand", title="Stand på torget",
                                starts_at="2026-06-06T11:00", chapter_id=people.drammen,
                                campaign_id=campaign)
    argument = argument_bank.propose(db, people.writer, ARGUMENT)
    return SimpleNamespace(politicians=[anne, bjorn], meeting=drammen, bergen_meeting=bergen,
                           stance=stance, document=document, statement=statement,
                           campaign=campaign, event=event, argument=argument,
                           newspaper=papers(people)["Elvebyen"])
