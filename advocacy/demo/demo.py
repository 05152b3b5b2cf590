"""Demo data: plausible, clearly fictional chapters, people, meetings, positions and documents.

Every row is flagged `is_demo = 1`, and the `settings` row `demo_mode = 1` makes the login page
show the demo accounts. Names are invented; e-mail addresses use example.org. Dates are relative
to the day the demo data is made, so follow-ups are due and overdue as in real use.
"""

from __future__ import annotations

import datetime as dt
import json
import random

import sqlite_utils

from advocacy import settings
from advocacy.accounts import accounts
from advocacy.db import write
from advocacy.demo import demo_letters

DEMO_PASSWORD = "demo1234"
SOURCE = "Demodata – oppdiktet kilde"

CHAPTERS = [
    ("IOGT Drammen", "IOGT", "3301"),
    ("IOGT Bergen", "IOGT", "4601"),
    ("IOGT Tromsø", "IOGT", "5501"),
    ("IOGT Trondheim", "IOGT", "5001"),
    ("LO i Oslo", "LO i Oslo", "0301"),
]

# username, full name, role, chapter, title, place
USERS = [
    ("leder", "Ingrid Haugland", "leder", None, "generalsekretær", "Oslo"),
    ("lokallag", "Per Lyngstad", "lokallag", "IOGT Drammen", "leder", "Drammen"),
    ("lokallag.bergen", "Solveig Dyrnes", "lokallag", "IOGT Bergen", "nestleder", "Bergen"),
    ("skrivegruppe", "Siri Aasen", "skrivegruppe", None, "skribent", "Trondheim"),
]

FIRST_NAMES = [
    "Astrid", "Bjørn", "Camilla", "Dag", "Eirik", "Frøydis", "Geir", "Hanne", "Ivar", "Jorunn",
    "Kjetil", "Linnea", "Magnus", "Nora", "Øystein", "Pia", "Rune", "Sigrid", "Tore", "Åse",
]
LAST_NAMES = [
    "Bekkevold", "Dahle", "Eggen", "Fjeldstad", "Grønvold", "Hovland", "Kvamme", "Lien",
    "Mæland", "Nygård", "Opsahl", "Rønning", "Sæther", "Tveit", "Vangen", "Øvrebø",
]
PARTY_CODES = ["A", "H", "FRP", "SV", "SP", "KRF", "V", "MDG", "RØDT", "INP"]
STANCE_CHOICES = ("klart_for", "for", "usikker", "mot", "klart_mot", "ukjent")
ROLE_ORDER = ["ordforer", "varaordforer", "gruppeleder", "gruppeleder", "formannskapsmedlem"]

NEWSPAPERS = [
    ("Drammenspressen", "Drammen og omegn", 2500, 5000, "bokmål", ["3301"]),
    ("Vestlandsposten", "Bergen og Vestland", 2000, 4500, "nynorsk", ["4601"]),
    ("Ishavsavisa", "Tromsø", 3000, 6000, "bokmål", ["5501"]),
    ("Trondheimsbladet", "Trondheim", 2800, 6000, "bokmål", ["5001"]),
    ("Oslo Lokalavis", "Oslo", 2300, 3500, "bokmål", ["0301"]),
]

MEETING_TOPICS = [
    ("skjenketid_gr12", "skjenketider", "Ber om at skjenketiden ikke utvides til 03:00."),
    ("handlingsplan", "rullering av handlingsplanen", "Ber om å bli høringsinstans."),
    ("alkoholfrie_arenaer", "alkoholfrie arenaer for ungdom", "Ber om midler til ungdomshus."),
    ("kontrollfaktor", "kontroller av skjenkesteder", "Ber om flere kveldskontroller."),
    ("alkoholfrie_arrangement", "alkoholfrie kommunale arrangementer", "Ber om alkoholfri 17. mai."),
]


def is_enabled(db: sqlite_utils.Database) -> bool:
    return settings.get(db, "demo_mode") == "1"


def demo_accounts(db: sqlite_utils.Database) -> list[dict]:
    return list(
        db.query(
            """select users.username, users.role, chapters.name as chapter
               from users left join chapters on chapters.id = users.chapter_id
               where users.is_demo = 1 and users.active = 1 order by users.id"""
        )
    )


def load(db: sqlite_utils.Database, today: dt.date | None = None, seed: int = 2026) -> bool:
    """Add the demo data in one transaction. Returns False (and does nothing) if it is there."""
    today = today or dt.date.today()
    rng = random.Random(seed)
    with write(db):
        if is_enabled(db):
            return False
        chapter_ids = {
            name: accounts.create_chapter(db, name, org, knr, is_demo=True)
            for name, org, knr in CHAPTERS
        }
        user_ids = {
            username: accounts.create_user(
                db, username, role, DEMO_PASSWORD, full_name=full_name, chapter=chapter,
                title=title, place=place, email=f"{username}@example.org", is_demo=True,
            )
            for username, full_name, role, chapter, title, place in USERS
        }
        politicians = _politicians(db, rng)
        meetings = _meetings(db, rng, today, chapter_ids, user_ids, politicians)
        _positions(db, rng, today, user_ids["leder"])
        newspapers = _newspapers(db)
        statement_id = _statements(db, today, chapter_ids, user_ids)
        _documents(db, today, meetings, newspapers, statement_id, user_ids)
        demo_letters.load(db, today, newspapers, user_ids)
        _campaign_and_events(db, today, chapter_ids)
        _statement_links_and_more_events(db, today, chapter_ids, statement_id)
        settings.put(db, "demo_mode", "1")
    return True


def _politicians(db, rng) -> dict[str, list[int]]:
    by_municipality: dict[str, list[int]] = {}
    municipalities = [knr for _, _, knr in CHAPTERS] + ["4204"]
    used = set()
    for i in range(42):
        knr = municipalities[i % len(municipalities)]
        while True:
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            if name not in used:
                used.add(name)
                break
        index = len(by_municipality.setdefault(knr, []))
        role = ROLE_ORDER[index] if index < len(ROLE_ORDER) else "kommunestyremedlem"
        slug = name.lower().replace(" ", ".").translate(str.maketrans("æøå", "eoa"))
        pid = db["politicians"].insert(
            {
                "name": name,
                "party_code": rng.choice(PARTY_CODES),
                "kommunenummer": knr,
                "role": role,
                "committee": "Formannskapet" if role != "kommunestyremedlem" else None,
                "term": "2023–2027",
                "email": f"{slug}@example.org",
                "phone": f"9{rng.randrange(1000000, 9999999)}",
                "is_demo": 1,
            }
        ).last_pk
        by_municipality[knr].append(pid)
        db["stances"].insert(
            {
                "politician_id": pid, "lever_id": "skjenketid_gr12",
                "stance": rng.choice(list(STANCE_CHOICES)), "stated_on": "2025-09-01",
                "source": SOURCE,
            }
        )
    return by_municipality


def _meetings(db, rng, today, chapter_ids, user_ids, politicians) -> list[int]:
    meeting_ids = []
    for i in range(16):
        chapter, _, knr = CHAPTERS[i % len(CHAPTERS)]
        lever_id, topic, ask = MEETING_TOPICS[i % len(MEETING_TOPICS)]
        held_on = today - dt.timedelta(days=5 + 9 * i)
        done = i % 3 == 0
        owner = user_ids["lokallag"] if chapter == "IOGT Drammen" else user_ids["leder"]
        mid = db["meetings"].insert(
            {
                "held_on": held_on.isoformat(),
                "kind": ["mote", "mote", "telefon", "debatt", "epost"][i % 5],
                "chapter_id": chapter_ids[chapter],
                "kommunenummer": knr,
                "summary": f"Samtale om {topic}. Politikerne lyttet og stilte spørsmål.",
                "our_participants": "Per Lyngstad, Kari Demo",
                "topics": topic,
                "asks": ask,
                "promises": "Lovet å ta saken opp i partigruppen." if i % 2 else None,
                "outcome": "Positivt" if i % 2 else "Uavklart",
                "followup_due": (held_on + dt.timedelta(days=14)).isoformat(),
                "followup_done_on": (held_on + dt.timedelta(days=10)).isoformat() if done else None,
                "followup_owner_id": owner,
                "created_by": owner,
                "is_demo": 1,
            }
        ).last_pk
        present = rng.sample(politicians[knr], k=2)
        db["meeting_politicians"].insert_all(
            [{"meeting_id": mid, "politician_id": p} for p in present]
        )
        db["meeting_levers"].insert({"meeting_id": mid, "lever_id": lever_id})
        meeting_ids.append(mid)
    return meeting_ids


def _positions(db, rng, today, recorded_by) -> None:
    knrs = [r[0] for r in db.execute("select kommunenummer from municipalities order by 1")]
    chosen = knrs[::10] + ["3301", "4601", "5501", "5001", "0301"]
    rows = []
    for n, knr in enumerate(dict.fromkeys(chosen)):
        decided = today - dt.timedelta(days=30 + 17 * n)
        values = {
            "skjenketid_gr12": rng.choice(["01:00", "02:00", "02:30", "03:00"]),
            "skjenketid_gr3": rng.choice(["24:00", "01:00", "02:00", "03:00"]),
            "salgstid_gr1": rng.choice(["18:00", "19:00", "20:00"]),
            "bevillingstak": rng.choice(["ja", "nei"]),
            "handlingsplan": (today - dt.timedelta(days=200 + 40 * n)).isoformat(),
        }
        if n % 4 == 0:  # an older decision, so the history shows a change
            rows.append(_position(knr, "skjenketid_gr12", "03:00", decided - dt.timedelta(days=900),
                                  recorded_by))
        rows.extend(_position(knr, lever, value, decided, recorded_by)
                    for lever, value in values.items())
    db["positions"].insert_all(rows)


def _position(knr, lever_id, value, decided_on, recorded_by) -> dict:
    return {
        "kommunenummer": knr,
        "lever_id": lever_id,
        "value": value,
        "decided_on": decided_on.isoformat(),
        "source": SOURCE,
        "recorded_by": recorded_by,
        "is_demo": 1,
    }


def _newspapers(db) -> list[int]:
    ids = []
    for name, area, innlegg, kronikk, form, knrs in NEWSPAPERS:
        nid = db["newspapers"].insert(
            {
                "name": name, "area": area, "email": f"debatt@{name.lower()}.example.org",
                "max_chars_innlegg": innlegg, "max_chars_kronikk": kronikk,
                "language_form": form, "is_demo": 1,
            }
        ).last_pk
        db["newspaper_municipalities"].insert_all(
            [{"newspaper_id": nid, "kommunenummer": k} for k in knrs]
        )
        ids.append(nid)
    return ids


def _statements(db, today, chapter_ids, user_ids) -> int:
    adopted = today - dt.timedelta(days=60)
    sid = db["statements"].insert(
        {
            "title": "Trygg natt – skjenkingen må slutte klokka 02",
            "adopted_by": "Årsmøtet i IOGT Drammen",
            "meeting_date": adopted.isoformat(),
            "place": "Drammen",
            "position": "IOGT Drammen mener skjenketiden i Drammen ikke må utvides.",
            "grounds": "Sene skjenketider gir mer vold og flere skader.",
            "demands": json.dumps(["Beholde skjenkeslutt klokka 02", "Doble kveldskontrollene"],
                                  ensure_ascii=False),
            "reservations": "Samtidig understreker IOGT Drammen at utelivet er viktig for byen.",
            "contact": "Per Lyngstad",
            "status": "vedtatt",
            "adopted_on": adopted.isoformat(),
            "chapter_id": chapter_ids["IOGT Drammen"],
            "created_by": user_ids["lokallag"],
            "is_demo": 1,
        }
    ).last_pk
    db["statements"].insert(
        {
            "title": "Alkoholfrie arenaer for alle unge i Bergen",
            "adopted_by": "Styret i IOGT Bergen",
            "status": "utkast",
            "chapter_id": chapter_ids["IOGT Bergen"],
            "created_by": user_ids["lokallag.bergen"],
            "is_demo": 1,
        }
    )
    return sid


def _documents(db, today, meetings, newspapers, statement_id, user_ids) -> None:
    rows = []
    for n, mid in enumerate(meetings[:4]):
        meeting = db["meetings"].get(mid)
        rows.append({
            "kind": "oppfolgingsbrev", "title": f"Oppfølging etter møtet om {meeting['topics']}",
            "template": "oppfolgingsbrev.docx", "status": "sendt" if n % 2 else "utkast",
            "meeting_id": mid, "kommunenummer": meeting["kommunenummer"],
            "chapter_id": meeting["chapter_id"], "author_id": user_ids["lokallag"],
            "sent_on": meeting["held_on"] if n % 2 else None,
        })
    rows.append({
        "kind": "leserinnlegg", "title": "Skjenketid er helsepolitikk",
        "template": "leserinnlegg.docx", "status": "publisert", "newspaper_id": newspapers[0],
        "kommunenummer": "3301", "author_id": user_ids["skrivegruppe"],
        "body": "Når bystyret nå vurderer skjenketidene, ber vi dem se på tallene fra legevakten.",
        "sent_on": (today - dt.timedelta(days=40)).isoformat(),
        "published_on": (today - dt.timedelta(days=33)).isoformat(),
        "link": "https://drammenspressen.example.org/debatt/skjenketid",
    })
    rows.append({
        "kind": "leserinnlegg", "title": "La 17. mai være alkoholfri", "template": "leserinnlegg.docx",
        "status": "utkast", "kommunenummer": "5001", "author_id": user_ids["skrivegruppe"],
        "body": "Barnas dag fortjener voksne som er til stede.",
    })
    rows.append({
        "kind": "uttalelse", "title": "Trygg natt – skjenkingen må slutte klokka 02",
        "template": "uttalelse.docx", "status": "vedtatt", "statement_id": statement_id,
        "kommunenummer": "3301", "author_id": user_ids["lokallag"],
    })
    for row in rows:
        row.setdefault("fields", "{}")
        row["is_demo"] = 1
    db["documents"].insert_all(rows)


def _campaign_and_events(db, today, chapter_ids) -> None:
    cid = db["campaigns"].insert(
        {
            "title": "Alkoholfri barndom", "starts_on": (today - dt.timedelta(days=90)).isoformat(),
            "ends_on": (today + dt.timedelta(days=90)).isoformat(), "goal_signatures": 5000,
            "goal_volunteers": 100, "description": "Underskrifter for alkoholfrie barneselskap.",
            "is_demo": 1,
        }
    ).last_pk
    db["campaign_counts"].insert_all(
        [
            {"campaign_id": cid, "counted_on": (today - dt.timedelta(days=d)).isoformat(),
             "signatures": s, "volunteers": v, "source": "Stand"}
            for d, s, v in [(60, 800, 20), (30, 1500, 35), (7, 900, 12)]
        ]
    )
    db["events"].insert_all(
        [
            {"chapter_id": chapter_ids["IOGT Drammen"], "kind": "stand",
             "title": "Stand på Bragernes torg", "campaign_id": cid, "place": "Drammen",
             "starts_at": f"{(today + dt.timedelta(days=6)).isoformat()}T11:00", "is_demo": 1},
            {"chapter_id": chapter_ids["IOGT Bergen"], "kind": "debatt",
             "title": "Debatt om skjenketider", "place": "Bergen",
             "starts_at": f"{(today + dt.timedelta(days=12)).isoformat()}T19:00", "is_demo": 1},
            {"chapter_id": chapter_ids["LO i Oslo"], "kind": "seminar",
             "title": "Seminar om rus og arbeidsliv", "place": "Oslo",
             "starts_at": f"{(today - dt.timedelta(days=20)).isoformat()}T09:00", "is_demo": 1},
        ]
    )


# --- Statements, campaigns and calendar ---


def _statement_links_and_more_events(db, today, chapter_ids, statement_id) -> None:
    """The adopted demo statement's lever and municipality, and one event of each other kind."""
    db["statement_levers"].insert({"statement_id": statement_id, "lever_id": "skjenketid_gr12"})
    db["statement_municipalities"].insert({"statement_id": statement_id, "kommunenummer": "3301"})
    campaign = db.execute("select max(id) from campaigns where is_demo = 1").fetchone()[0]
    db["campaign_statements"].insert({"campaign_id": campaign, "statement_id": statement_id})
    day = today + dt.timedelta(days=20)
    db["events"].insert_all([
        {"chapter_id": chapter_ids["IOGT Trondheim"], "kind": "mote_med_politikere",
         "title": "Møte med gruppelederne om handlingsplanen", "place": "Rådhuset",
         "starts_at": f"{day.isoformat()}T16:00", "ends_at": f"{day.isoformat()}T17:30",
         "responsible": "Kari Demo", "is_demo": 1},
        {"chapter_id": chapter_ids["LO i Oslo"], "kind": "fanemarkering",
         "title": "Fanemarkering for alkoholfritt arbeidsliv", "place": "Youngstorget",
         "starts_at": f"{(today + dt.timedelta(days=34)).isoformat()}T12:00", "is_demo": 1},
        {"chapter_id": chapter_ids["IOGT Tromsø"], "kind": "konferanse",
         "title": "Nordnorsk rusfri konferanse", "place": "Tromsø",
         "starts_at": (today + dt.timedelta(days=45)).isoformat(), "is_demo": 1},
        {"chapter_id": chapter_ids["IOGT Drammen"], "kind": "kampanjedag",
         "title": "Kampanjedag: Alkoholfri barndom", "campaign_id": campaign, "place": "Drammen",
         "starts_at": (today + dt.timedelta(days=27)).isoformat(), "is_demo": 1},
    ])
