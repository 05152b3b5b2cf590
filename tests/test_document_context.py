"""Merge fields built from records: sender, recipients by county, by meetings, from a file."""

from __future__ import annotations

import datetime as dt

import pytest

from advocacy.accounts import accounts
from advocacy.documents import BUNDLED, render
from advocacy.errors import PermissionDenied
from advocacy.letters import document_context as dc
from tests.conftest import politician
from tests.literal_letters import drammen_politicians
from tests.literal_records import meeting


def add_politician(db, name, knr, role="ordforer", **extra):
    return db["politicians"].insert({"name": name, "kommunenummer": knr, "role": role,
                                     **extra}).last_pk


def test_sender_from_the_acting_user(people):
    user_id = accounts.create_user(people.db, "tone", "lokallag", "passord123",
                                   full_name="Tone Tittel", chapter="Lag Drammen",
                                   title="leder", email="tone@example.org", place="Drammen")
    user = accounts.get_user(people.db, user_id)
    sender = dc.sender_context(people.db, user, today=dt.date(2026, 3, 20))
    assert sender == {
        "avsender_navn": "Tone Tittel", "avsender_rolle": "leder",
        "avsender_epost": "tone@example.org", "avsender_telefon": "",
        "organisasjon": "Lag Drammen", "sted": "Drammen", "dato": dt.date(2026, 3, 20),
    }


def test_ordforere_in_a_county_with_sami_names(db):
    add_politician(db, "Áile Ánde", "5628")  # Deatnu – Tana, Finnmark
    add_politician(db, "Per Hansen", "5601")  # Alta
    add_politician(db, "Kari Vara", "5601", role="varaordforer")
    add_politician(db, "Gammel Ordfører", "5603", in_office=0)
    add_politician(db, "Ola Bergen", "4601")
    recipients = dc.ordforere_in_county(db, "56")
    assert [r.context["mottaker_navn"] for r in recipients] == ["Per Hansen", "Áile Ánde"]
    tana = recipients[1].context
    assert tana["kommune"] == "Deatnu – Tana"
    assert tana["mottaker_rolle"] == "ordfører"
    assert tana["fylke"] == "Finnmark"
    assert recipients[1].links["kommunenummer"] == "5628"


def test_politicians_met_in_a_period(people):
    db, leader = people.db, people.leader
    anne, bjorn = drammen_politicians(people)
    dina = politician(db, leader, "Dina Fjell", "4601", role="ordforer", party="KrF")
    today = dt.date(2026, 3, 20)
    meeting(db, leader, "2026-01-05", "3301", [bjorn], "Før perioden.",  # not in the period
            chapter_id=people.drammen, topics="budsjett", today=today)
    meeting(db, leader, "2026-03-02", "3301", [anne], "Første møte.",
            chapter_id=people.drammen, topics="skjenketider", today=today)
    latest = meeting(db, leader, "2026-03-10", "3301", [anne], "Andre møte.",
                     chapter_id=people.drammen, topics="kontroller", today=today)
    bergen = meeting(db, leader, "2026-03-03", "4601", [dina], "Om bevillinger.",
                     chapter_id=people.bergen, topics="bevillinger", today=today)
    start, end = dt.date(2026, 2, 18), today

    def met(user):
        return [(r.context["mottaker_navn"], r.context["kommune"], r.context["motedato"],
                 r.context["tema"], r.links["meeting_id"])
                for r in dc.politicians_met(db, user, start, end)]

    assert met(leader) == [
        ("Anne Ås", "Drammen", dt.date(2026, 3, 10), "kontroller", latest),
        ("Dina Fjell", "Bergen", dt.date(2026, 3, 3), "bevillinger", bergen),
    ]
    assert met(people.member) == [
        ("Anne Ås", "Drammen", dt.date(2026, 3, 10), "kontroller", latest)]
    with pytest.raises(PermissionDenied):
        dc.politicians_met(db, people.writer, start, end)


def test_recipients_from_csv_with_lists_dates_and_cp1252():
    fields = BUNDLED["oppfolgingsbrev"].sample_context().keys()
    data = ("Navn;Rolle;Kommune;Møtedato;krav\n"
            "Åse Ødegård;ordfører;Bø;12.03.2026;færre skjenkesteder|flere kontroller\n"
            "Per & Co;varaordfører;Ås;2026-03-13;alkoholfri 17. mai\n").encode("cp1252")
    listed = dc.recipients_from_file("mottakere.csv", data, fields,
                                     provided=set(fields) - {"mottaker_navn"},
                                     kind="oppfolgingsbrev")
    assert listed.problems == []
    assert listed.mapping["mottaker_navn"] == "Navn" and listed.mapping["motedato"] == "Møtedato"
    first, second = (r.context for r in listed.recipients)
    assert first == {"mottaker_navn": "Åse Ødegård", "mottaker_rolle": "ordfører",
                     "kommune": "Bø", "motedato": dt.date(2026, 3, 12),
                     "krav": ["færre skjenkesteder", "flere kontroller"]}
    assert second["mottaker_navn"] == "Per & Co" and second["motedato"] == dt.date(2026, 3, 13)


def test_recipient_problems_name_row_and_column():
    data = "navn;kommune;motedato\nKari;Bø;31.02.2026\n;Ås;12.03.2026\n".encode()
    listed = dc.recipients_from_file("m.csv", data, ["mottaker_navn", "kommune", "motedato",
                                                     "tema", "kopi"])
    assert [str(p) for p in listed.problems] == [
        "Mottakerlisten mangler en kolonne for flettefeltet «tema».",
        "Rad 2, kolonne «motedato»: «31.02.2026» er ikke en gyldig dato. Skriv for eksempel "
        "12.03.2026.",
        "Rad 3, kolonne «navn»: Flettefeltet «mottaker_navn» er tomt.",
    ]


def test_complete_contexts_fill_every_letter():
    template = BUNDLED["oppfolgingsbrev"]
    base = template.sample_context()
    del base["kopi"]
    recipients = [dc.Recipient({"mottaker_navn": "Åse", "kommune": "Bø"}),
                  dc.Recipient({"mottaker_navn": "Per", "kommune": ""})]
    contexts, missing = dc.complete_contexts(template.sample_context(), base, recipients,
                                             "oppfolgingsbrev")
    assert missing == []
    assert contexts[0]["kopi"] == "" and contexts[1]["kommune"] == "Drammen"
    assert contexts[0]["mottaker_navn"] == "Åse"
    render(template.path, contexts[0])
    _, missing = dc.complete_contexts(["mottaker_navn", "tema"], {}, recipients)
    assert missing == ["tema"]
