"""Demo reader letters in every state of the pipeline, and an argument bank.

Called by demo.load inside its transaction. Like the rest of the demo data, every row is
is_demo = 1, the names are invented and the newspapers are fictional. Dates are relative to the
day the demo is made: one letter is still exclusive to its paper, one has waited past its days,
and the published ones fall in different quarters so the per-quarter figure has a shape.
"""

from __future__ import annotations

import datetime as dt
import json

from advocacy.writing import similarity

SIGNATURE = {"avsender_navn": "Siri Aasen", "avsender_rolle": "skribent",
             "organisasjon": "", "sted": "Trondheim"}

_TEXTS = {
    "skjenketid": (
        "Når bystyret skal rullere skjenkereglene, bør det lytte til legevakten: de fleste "
        "voldsskadene i sentrum skjer etter klokka ett om natta.\n\n"
        "Forskning fra norske byer viser at hver ekstra time med skjenking gir merkbart flere "
        "voldssaker. Da Bergen og Trondheim kortet inn skjenketiden, gikk volden ned.\n\n"
        "Derfor ber vi bystyret om å sette siste skjenketid til klokka 02."),
    "17mai": (
        "Barnas dag fortjener voksne som er til stede. Kommunen bør gå foran og gjøre alle "
        "kommunale arrangementer på 17. mai alkoholfrie.\n\n"
        "Derfor ber vi kommunestyret om å vedta alkoholfrie kommunale arrangementer."),
    "kontroller": (
        "Alkoholforskriften krever at kommunen gjennomfører minst tre ganger så mange "
        "kontroller som det er salgs- og skjenkesteder. Tallene kommunen selv har rapportert, "
        "viser at vi ligger under dette.\n\n"
        "Kontroller virker: der det kontrolleres ofte, selges det sjeldnere til mindreårige.\n\n"
        "Derfor ber vi formannskapet om å sette av penger til flere kveldskontroller."),
    "arenaer": (
        "Ungdom trenger steder å være som ikke handler om alkohol. Ungdata viser at de fleste "
        "unge ikke drikker, men de mangler møteplasser på kvelden.\n\n"
        "Derfor ber vi kommunen om å åpne ungdomshuset også i helgene."),
    "handlingsplan": (
        "Den alkoholpolitiske handlingsplanen er snart fire år gammel. Loven krever at kommunen "
        "har en plan, og rulleringen er en sjanse til å gjøre den bedre.\n\n"
        "Derfor ber vi kommunestyret om å invitere frivillige organisasjoner inn i arbeidet."),
}

# title, text key, kind, status, author, kommune, [(paper index, days ago sent, outcome,
# days ago answered)]; the last sending may be unanswered (outcome None).
LETTERS = [
    ("Kontrollene må opp", "kontroller", "leserinnlegg", "ide", "skrivegruppe", "5001", []),
    ("Alkoholfrie møteplasser for ungdom", "arenaer", "leserinnlegg", "utkast", "skrivegruppe",
     "5001", []),
    ("Handlingsplanen trenger frivillige", "handlingsplan", "kronikk", "til_vurdering",
     "skrivegruppe", "3301", []),
    ("Kortere skjenketid i Tromsø", "skjenketid", "leserinnlegg", "godkjent", "skrivegruppe",
     "5501", []),
    ("Alkoholfri 17. mai i Trondheim", "17mai", "leserinnlegg", "sendt", "skrivegruppe", "5001",
     [(3, 5, None, None)]),
    ("Flere skjenkekontroller i Bergen", "kontroller", "leserinnlegg", "sendt", "lokallag.bergen",
     "4601", [(1, 25, None, None)]),
    ("Trygg natt i Oslo", "skjenketid", "leserinnlegg", "refusert", "leder", "0301",
     [(4, 30, "refusert", 20)]),
    ("Ungdomshus også i helgene", "arenaer", "leserinnlegg", "publisert", "skrivegruppe", "5501",
     [(2, 120, "publisert", 110)]),
    ("Handlingsplanen er en mulighet", "handlingsplan", "kronikk", "publisert", "leder", "3301",
     [(0, 215, "ingen_svar", 195), (4, 190, "publisert", 180)]),
    ("Skjenkekontroller redder liv", "kontroller", "leserinnlegg", "ingen_svar", "skrivegruppe",
     "5001", [(3, 60, "ingen_svar", 40)]),
]

ARGUMENTS = [
    ("Skjenketid og vold", "skjenketid_gr12",
     "Norske studier av skjenketid og vold viser at hver time lengre skjenking gir om lag 16 "
     "prosent flere voldstilfeller i sentrum om natta, og at kortere skjenketid gir færre.",
     "Rossow og Norström (2012), Addiction 107(3)\nDemodata – kontroller tallet før bruk", 40,
     "godkjent"),
    ("Kontrollplikten i forskriften", "kontrollfaktor",
     "Alkoholforskriften § 9-7 krever at kommunen hvert år gjennomfører minst tre ganger så "
     "mange kontroller som den har salgs- og skjenkesteder.",
     "Alkoholforskriften § 9-7 (lovdata.no)", 20, "godkjent"),
    ("Handlingsplanen er lovpålagt", "handlingsplan",
     "Alkoholloven § 1-7d pålegger kommunen å ha en alkoholpolitisk handlingsplan, og planen "
     "bør rulleres når nytt kommunestyre har tatt over.",
     "Alkoholloven § 1-7d (lovdata.no)", 400, "godkjent"),
    ("De fleste unge drikker ikke", "alkoholfrie_arenaer",
     "Ungdata-undersøkelsene viser at et klart flertall av ungdomsskoleelever aldri har vært "
     "beruset. Alkoholfrie møteplasser bygger på det flertallet.",
     "Ungdata, NOVA/OsloMet – nasjonale resultater\nDemodata – kontroller tallet før bruk", 90,
     "godkjent"),
    ("Alkoholfrie barneselskap", "alkoholfrie_arrangement",
     "Når kommunen arrangerer for barn og unge, bør voksne være edru. Det er et signal om hva "
     "som er normalt.", "", None, "forslag"),
]


def load(db, today: dt.date, newspapers: list[int], user_ids: dict[str, int]) -> None:
    _backfill(db)
    for title, key, kind, status, author, knr, sendings in LETTERS:
        _letter(db, today, newspapers, user_ids, title, _TEXTS[key], kind, status, author, knr,
                sendings)
    for title, lever, body, sources, age, status in ARGUMENTS:
        db["arguments"].insert({
            "title": title, "lever_id": lever, "body": body, "sources": sources,
            "checked_on": (today - dt.timedelta(days=age)).isoformat() if age else None,
            "status": status, "proposed_by": user_ids["skrivegruppe"],
            "decided_by": user_ids["leder"] if status == "godkjent" else None,
            "decided_at": (today - dt.timedelta(days=age or 0)).isoformat() + "T10:00:00Z"
            if status == "godkjent" else None, "is_demo": 1})


def _letter(db, today, newspapers, user_ids, title, text, kind, status, author, knr,
            sendings) -> None:
    author_id = user_ids[author]
    fields = {"tittel": title, "tekst": text, **SIGNATURE}
    if author != "skrivegruppe":
        who = db["users"].get(author_id)
        fields.update(avsender_navn=who["full_name"], avsender_rolle=who["title"] or "",
                      sted=who["place"] or "")
    row = {"kind": kind, "title": title, "template": "leserinnlegg", "status": status,
           "fields": json.dumps(fields, ensure_ascii=False), "body": text,
           "kommunenummer": knr, "author_id": author_id, "is_demo": 1}
    if sendings:
        paper, ago, outcome, answered = sendings[-1]
        row.update(newspaper_id=newspapers[paper],
                   sent_on=(today - dt.timedelta(days=ago)).isoformat(),
                   exclusive_until=(today - dt.timedelta(days=ago - 14)).isoformat())
        if outcome == "publisert":
            row.update(published_on=(today - dt.timedelta(days=answered)).isoformat(),
                       link=f"https://avis.example.org/debatt/{len(title)}-{paper}")
    doc_id = db["documents"].insert(row).last_pk
    created = today - dt.timedelta(days=(sendings[0][1] + 10) if sendings else 3)
    steps = ["ide", "utkast", "til_vurdering", "godkjent"]
    reached = steps[:steps.index(status) + 1] if status in steps else steps
    history, before = [], None
    for n, step in enumerate(reached):
        history.append(_step(doc_id, before, step, created + dt.timedelta(days=n),
                             user_ids["leder"] if step == "godkjent" else author_id))
        before = step
    for paper, ago, outcome, answered in sendings:
        sent = today - dt.timedelta(days=ago)
        db["letter_submissions"].insert({
            "document_id": doc_id, "newspaper_id": newspapers[paper],
            "sent_on": sent.isoformat(), "exclusive_until": (sent + dt.timedelta(days=14))
            .isoformat(), "outcome": outcome, "sent_by": author_id, "is_demo": 1,
            "outcome_on": (today - dt.timedelta(days=answered)).isoformat() if outcome else None,
            "link": row.get("link") if outcome == "publisert" else None})
        history.append(_step(doc_id, before, "sendt", sent, author_id, newspapers[paper]))
        before = "sendt"
        if outcome:
            history.append(_step(doc_id, "sendt", outcome, today - dt.timedelta(days=answered),
                                 author_id, newspapers[paper]))
            before = outcome
    db["letter_history"].insert_all(history)
    if sendings:
        similarity.index_letter(db, doc_id, text)


def _step(doc_id, before, after, when: dt.date, user_id, newspaper_id=None) -> dict:
    return {"document_id": doc_id, "from_status": before, "to_status": after,
            "at": f"{when.isoformat()}T09:00:00Z", "user_id": user_id,
            "newspaper_id": newspaper_id, "note": "Demodata"}


def _backfill(db) -> None:
    """The first demo letters (demo._documents) get their sending and history too."""
    rows = db.execute(
        "select id, status, newspaper_id, sent_on, published_on, link, author_id, body, title"
        " from documents where kind in ('leserinnlegg', 'kronikk')").fetchall()
    for doc_id, status, paper, sent_on, published_on, link, author, body, title in rows:
        fields = {"tittel": title, "tekst": body or "", **SIGNATURE}
        db["documents"].update(doc_id, {"fields": json.dumps(fields, ensure_ascii=False)})
        when = dt.date.fromisoformat(sent_on) if sent_on else dt.date.today()
        history = [_step(doc_id, None, "utkast", when - dt.timedelta(days=7), author)]
        if sent_on and paper:
            db["letter_submissions"].insert({
                "document_id": doc_id, "newspaper_id": paper, "sent_on": sent_on,
                "exclusive_until": (when + dt.timedelta(days=14)).isoformat(),
                "outcome": status if status != "sendt" else None, "outcome_on": published_on,
                "link": link, "sent_by": author, "is_demo": 1})
            history.append(_step(doc_id, "utkast", "sendt", when, author, paper))
            if status != "sendt":
                answered = dt.date.fromisoformat(published_on) if published_on else when
                history.append(_step(doc_id, "sendt", status, answered, author, paper))
            similarity.index_letter(db, doc_id, body)
        db["letter_history"].insert_all(history)
