"""Build a national-size, deterministic database for the benchmarks.

    python benchmarks/make_dataset.py --out benchmarks/out/national.db [--scale 1.0] [--empty]

357 municipalities with full position histories (~100,000 rows), ~10,000 politicians with
20,000 stances, 50,000 meetings with participants and levers, 20,000 documents (letters,
op-eds, statements' documents) linked to meetings, newspapers and statements, 2,000 statements
with levers, municipalities, recipients and responses, 200 newspapers, 50 campaigns with
counts, 10,000 calendar events, 200 chapters and 500 users (bruker001 leads; password
"benchmark-passord"), all made through the same schema, audit and full-text triggers as the
app. Seeded: the same arguments give the same rows. `--scale 0.1` makes a tenth, for
`benchmarks/run.py --quick`; `--empty` only the reference data, chapters and users: the
baseline that page reruns are compared with."""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from advocacy.accounts import accounts  # noqa: E402
from advocacy.db import write  # noqa: E402
from advocacy.startup import open_database  # noqa: E402

FIRST = ["Anne", "Bjørn", "Cecilie", "Dag", "Eli", "Frode", "Guro", "Hans", "Ingrid", "Jon",
         "Kari", "Lars", "Marit", "Nils", "Ola", "Per", "Randi", "Siv", "Tor", "Unni", "Åse"]
LAST = ["Berg", "Dahl", "Eide", "Fossum", "Haugen", "Johansen", "Lie", "Moen", "Nilsen",
        "Olsen", "Pedersen", "Strand", "Solberg", "Tveit", "Vik", "Ødegård", "Aas"]
PARTIES = ["A", "H", "FRP", "SV", "SP", "KRF", "V", "MDG", "RØDT", "INP"]
ROLES = ["ordforer", "varaordforer", "gruppeleder", "formannskapsmedlem",
         "kommunestyremedlem", "kommunestyremedlem", "kommunestyremedlem", "utvalgsleder"]
KINDS = ["mote", "telefon", "epost", "debatt", "stand", "konferanse"]
CLOSING = ["24:00", "01:00", "01:30", "02:00", "02:30", "03:00"]
SALES = ["18:00", "19:00", "20:00"]


def _value(rng: random.Random, lever: dict) -> str:
    kind = lever["value_type"]
    if kind == "closing_time":
        return rng.choice(SALES if lever["id"].startswith("salgstid") else CLOSING)
    if kind == "boolean":
        return rng.choice(["ja", "nei"])
    if kind == "count":
        return str(rng.randint(0, 60))
    if kind == "year":
        return str(rng.randint(2014, 2025))
    if kind == "date":
        return (dt.date(2012, 1, 1) + dt.timedelta(days=rng.randint(0, 5000))).isoformat()
    return "Tekst"


def _people(db, rng, knrs, n_chapters, n_users, password_hash) -> None:
    db["chapters"].insert_all(
        {"id": i + 1, "name": f"Lokallag {i + 1:03d}", "organisation": "IOGT",
         "kommunenummer": knrs[i % len(knrs)]} for i in range(n_chapters))
    db["users"].insert_all(
        {"id": i + 1, "username": f"bruker{i + 1:03d}",
         "full_name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
         "role": "leder" if i == 0 else ("lokallag" if i % 3 else "skrivegruppe"),
         "chapter_id": (i % n_chapters) + 1, "password_hash": password_hash}
        for i in range(n_users))


TABLES = ("positions", "politicians", "stances", "meetings", "documents", "statements",
          "statement_recipients", "events", "campaigns", "campaign_counts", "newspapers",
          "chapters", "users")
STANCES = ["klart_for", "for", "usikker", "mot", "klart_mot", "ukjent"]
EVENT_KINDS = ["stand", "debatt", "mote_med_politikere", "seminar", "konferanse",
               "fanemarkering", "kampanjedag"]
STATEMENT_STATUSES = ["utkast", "til_behandling", "vedtatt", "sendt", "trukket"]


def _day(today: dt.date, rng: random.Random, days: int) -> str:
    return (today - dt.timedelta(days=rng.randint(0, days))).isoformat()


def _activity(db, rng, today, knrs, levers, n_politicians, n_meetings, n_documents,
              n_chapters, n_users) -> None:
    """Stances, newspapers, statements, campaigns, events and documents, linked as in use."""
    scale = n_meetings / 50_000
    db["stances"].insert_all(
        ({"politician_id": rng.randint(1, n_politicians), "lever_id": rng.choice(levers)["id"],
          "stance": rng.choice(STANCES), "stated_on": _day(today, rng, 1500),
          "source": "Kommunestyremøte", "recorded_by": rng.randint(1, n_users)}
         for _ in range(2 * n_politicians)), batch_size=5000)
    n_papers = max(5, int(200 * scale))
    db["newspapers"].insert_all(
        {"id": i + 1, "name": f"Lokalavisa {i + 1:03d}", "area": f"Område {i + 1}",
         "email": f"debatt{i + 1}@avis.example.org", "max_chars_innlegg": 2500,
         "max_chars_kronikk": 6000, "language_form": rng.choice(["bokmål", "nynorsk"])}
        for i in range(n_papers))
    db["newspaper_municipalities"].insert_all(
        {"newspaper_id": (i % n_papers) + 1, "kommunenummer": knr} for i, knr in enumerate(knrs))
    n_statements = max(10, int(2000 * scale))
    statements = []
    for i in range(n_statements):
        status = rng.choice(STATEMENT_STATUSES)
        adopted = _day(today, rng, 1500) if status in ("vedtatt", "sendt") else None
        statements.append({
            "id": i + 1, "title": f"Uttalelse om skjenketid nr. {i}", "status": status,
            "adopted_by": "Årsmøtet", "position": "Skjenketiden må ikke utvides.",
            "demands": '["Beholde skjenkeslutt klokka 02"]', "adopted_on": adopted,
            "meeting_date": adopted, "chapter_id": rng.randint(1, n_chapters),
            "created_by": rng.randint(1, n_users)})
    db["statements"].insert_all(statements, batch_size=2000)
    db["statement_levers"].insert_all(
        {"statement_id": s["id"], "lever_id": rng.choice(levers)["id"]} for s in statements)
    db["statement_municipalities"].insert_all(
        {"statement_id": s["id"], "kommunenummer": rng.choice(knrs)} for s in statements)
    sent = [s for s in statements if s["status"] == "sendt"]
    db["statement_recipients"].insert_all(
        {"statement_id": s["id"], "kind": "politiker",
         "politician_id": rng.randint(1, n_politicians), "name": "Ordføreren",
         "sent_on": s["adopted_on"], "recorded_by": 1} for s in sent for _ in range(3))
    db["statement_responses"].insert_all(
        {"statement_id": s["id"], "responder": "Ordføreren", "responded_on": s["adopted_on"],
         "summary": "Takk for innspillet.", "recorded_by": 1} for s in sent[::2])
    n_campaigns = max(3, int(50 * scale))
    db["campaigns"].insert_all(
        {"id": i + 1, "title": f"Kampanje {i + 1}", "starts_on": _day(today, rng, 1500),
         "goal_signatures": 5000, "goal_volunteers": 100} for i in range(n_campaigns))
    db["campaign_counts"].insert_all(
        {"campaign_id": rng.randint(1, n_campaigns), "counted_on": _day(today, rng, 1500),
         "signatures": rng.randint(0, 500), "volunteers": rng.randint(0, 20), "source": "Stand",
         "chapter_id": rng.randint(1, n_chapters)} for _ in range(40 * n_campaigns))
    db["events"].insert_all(
        ({"chapter_id": rng.randint(1, n_chapters), "kind": rng.choice(EVENT_KINDS),
          "title": f"Aktivitet {i}", "place": "Torget",
          "starts_at": f"{_day(today + dt.timedelta(days=180), rng, 1500)}T12:00",
          "campaign_id": rng.randint(1, n_campaigns) if i % 4 == 0 else None,
          "created_by": rng.randint(1, n_users)} for i in range(int(10_000 * scale))),
        batch_size=5000)
    documents = []
    for i in range(n_documents):
        kind = rng.choice(["oppfolgingsbrev", "leserinnlegg", "kronikk", "uttalelse"])
        status = rng.choice({"oppfolgingsbrev": ["utkast", "sendt"],
                             "leserinnlegg": ["utkast", "sendt", "publisert"],
                             "kronikk": ["utkast", "publisert"],
                             "uttalelse": ["utkast", "vedtatt"]}[kind])
        sent = _day(today, rng, 1500) if status != "utkast" else None
        documents.append({
            "kind": kind, "title": f"Dokument {i}", "status": status,
            "meeting_id": rng.randint(1, n_meetings) if kind == "oppfolgingsbrev" else None,
            "newspaper_id": rng.randint(1, n_papers) if kind in ("leserinnlegg", "kronikk")
            else None,
            "statement_id": rng.randint(1, n_statements) if kind == "uttalelse" else None,
            "kommunenummer": rng.choice(knrs), "author_id": rng.randint(1, n_users),
            "chapter_id": rng.randint(1, n_chapters), "fields": "{}",
            "body": "Skjenketiden bør ikke utvides.", "sent_on": sent,
            "published_on": sent if status == "publisert" else None})
    db["documents"].insert_all(documents, batch_size=2000)


def build(out: Path, scale: float = 1.0, seed: int = 7, empty: bool = False) -> dict[str, int]:
    rng = random.Random(seed)
    if out.exists():
        out.unlink()
    db = open_database(out)
    knrs = [r[0] for r in db.execute("select kommunenummer from municipalities order by 1")]
    levers = list(db.query("select id, value_type from levers"))
    n_politicians, n_meetings = int(10_000 * scale), int(50_000 * scale)
    n_documents, n_chapters, n_users = int(20_000 * scale), max(10, int(200 * scale)), max(
        10, int(500 * scale))
    n_positions = int(100_000 * scale)
    password_hash = accounts.hash_password("benchmark-passord")
    today = dt.date(2026, 11, 1)

    with write(db):
        _people(db, rng, knrs, n_chapters, n_users, password_hash)
    if empty:  # reference data and the same chapters and users: the baseline of page reruns
        db.execute("analyze")
        db.close()
        return {"chapters": n_chapters, "users": n_users}
    with write(db):
        db["positions"].insert_all(
            {"kommunenummer": knrs[i % len(knrs)], "lever_id": levers[(i // len(knrs)) % len(
                levers)]["id"], "value": _value(rng, levers[(i // len(knrs)) % len(levers)]),
             "decided_on": (today - dt.timedelta(days=rng.randint(0, 4000))).isoformat(),
             "source": "https://kommune.example.org/sak", "recorded_by": 1}
            for i in range(n_positions))
        db["politicians"].insert_all(
            {"id": i + 1, "name": f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}",
             "party_code": rng.choice(PARTIES), "kommunenummer": knrs[i % len(knrs)],
             "role": rng.choice(ROLES), "term": "2023–2027",
             "email": f"p{i}@example.org"} for i in range(n_politicians))
        by_municipality: dict[str, list[int]] = {}
        for i in range(n_politicians):
            by_municipality.setdefault(knrs[i % len(knrs)], []).append(i + 1)
        meetings, links, topics = [], [], []
        for i in range(n_meetings):
            chapter = rng.randint(1, n_chapters)
            knr = knrs[(chapter - 1) % len(knrs)]
            held = today - dt.timedelta(days=rng.randint(0, 1500))
            meetings.append({
                "id": i + 1, "held_on": held.isoformat(), "kind": rng.choice(KINDS),
                "chapter_id": chapter, "kommunenummer": knr,
                "summary": f"Møte om skjenketider og alkoholfrie arenaer nr. {i}",
                "asks": "Ikke utvid skjenketiden", "followup_due":
                    (held + dt.timedelta(days=14)).isoformat(),
                "followup_done_on": None if rng.random() < 0.2 else (
                    held + dt.timedelta(days=10)).isoformat(),
                "created_by": rng.randint(1, n_users)})
            local = by_municipality[knr]
            for p in rng.sample(local, k=min(2, len(local))):
                links.append({"meeting_id": i + 1, "politician_id": p})
            topics.append({"meeting_id": i + 1, "lever_id": rng.choice(levers)["id"]})
        db["meetings"].insert_all(meetings, batch_size=2000)
        db["meeting_politicians"].insert_all(links, batch_size=5000)
        db["meeting_levers"].insert_all(topics, batch_size=5000)
        _activity(db, rng, today, knrs, levers, n_politicians, n_meetings, n_documents,
                  n_chapters, n_users)
    counts = {t: db[t].count for t in TABLES}
    db.execute("analyze")
    db.close()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="benchmarks/out/national.db")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--empty", action="store_true",
                        help="only reference data, chapters and users (the page baseline)")
    args = parser.parse_args()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    counts = build(out, args.scale, empty=args.empty)
    print(f"{out}: {counts} ({time.perf_counter() - start:.1f} s)")


if __name__ == "__main__":
    main()
