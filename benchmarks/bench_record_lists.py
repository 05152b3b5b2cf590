"""The long lists of Dokumenter, Politikere and Kalender on the national dataset: one page and
its count through each list's `find()` (the call the page makes on a rerun), for leadership (all
rows) and a chapter member (their scope), over searches, filters, sorts and a far page.

    python benchmarks/make_dataset.py --out /tmp/nat.db --scale 1.0
    python benchmarks/bench_record_lists.py /tmp/nat.db
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from advocacy.accounts import accounts  # noqa: E402
from advocacy.db import connect  # noqa: E402
from advocacy.events import event_list
from advocacy.letters import document_list
from advocacy.listing import ListQuery  # noqa: E402
from advocacy.politicians import politician_list

GOAL = 0.150  # seconds: one list's share of a page rerun


def _queries(db) -> dict[str, list[tuple[str, ListQuery]]]:
    knr = db.execute("select kommunenummer from documents where kommunenummer is not null "
                     "group by 1 order by count(*) desc limit 1").fetchone()[0]
    chapter = db.execute("select id from chapters order by id limit 1").fetchone()[0]
    author = db.execute("select author_id from documents group by 1 order by count(*) desc "
                        "limit 1").fetchone()[0]
    year = dt.date.today().year
    return {
        "dokumenter": [
            ("alle, nyeste", ListQuery()),
            ("søk «skjenketid»", ListQuery(text="skjenketid")),
            ("søk «alkoholfrie arenaer»", ListQuery(text="alkoholfrie arenaer")),
            ("søk, sjelden", ListQuery(text="dokument 4711")),
            ("type + status", ListQuery(filters={"type": "kronikk", "status": "publisert"})),
            ("kommune", ListQuery(filters={"kommune": knr})),
            ("forfatter", ListQuery(filters={"forfatter": author})),
            ("periode", ListQuery(start=dt.date.today() - dt.timedelta(days=90),
                                  end=dt.date.today())),
            ("tittel A–Å, side 200", ListQuery(sort="tittel", page=200)),
            ("søk + type, sendt", ListQuery(text="kommune", filters={"type": "uttalelse"},
                                            sort="sendt")),
        ],
        "politikere": [
            ("alle, kommune", ListQuery()),
            ("navn «hansen»", ListQuery(text="hansen")),
            ("navn «ødegård»", ListQuery(text="ødegård")),
            ("fylke + parti", ListQuery(filters={"fylke": knr[:2], "parti": "AP"})),
            ("rolle, navn Å–A", ListQuery(filters={"rolle": "ordforer"}, sort="navn",
                                          descending=True)),
            ("parti-sortering, side 150", ListQuery(sort="parti", page=150)),
        ],
        "kalender": [
            ("kommende", ListQuery(filters={"nar": "kommende"})),
            ("alle, side 190", ListQuery(page=190)),
            ("søk «torget»", ListQuery(text="torget")),
            ("søk «aktivitet 4711»", ListQuery(text="aktivitet 4711")),
            ("type stand + debatt", ListQuery(filters={"type": ["stand", "debatt"]})),
            ("lokallag", ListQuery(filters={"lokallag": chapter})),
            ("periode, tittel", ListQuery(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31),
                                          sort="tittel")),
        ],
    }


FINDERS = {"dokumenter": document_list.find, "politikere": politician_list.find,
           "kalender": event_list.find}


def measure(path: Path, rounds: int = 3) -> list[dict]:
    db = connect(path, create=False)
    try:
        member_id = db.execute("select id from users where role = 'lokallag' "
                               "and chapter_id is not null order by id").fetchone()[0]
        users = {"leder": accounts.get_user(db, 1), "lokallag": accounts.get_user(db, member_id)}
        results = []
        for list_name, queries in _queries(db).items():
            find = FINDERS[list_name]
            for label, query in queries:
                for role, user in users.items():
                    find(db, user, query)  # warm the page cache like a running server
                    times = []
                    for _ in range(rounds):
                        start = time.perf_counter()
                        page = find(db, user, query)
                        times.append(time.perf_counter() - start)
                    results.append({"list": list_name, "query": label, "role": role,
                                    "total": page.total, "median": statistics.median(times),
                                    "max": max(times)})
        return results
    finally:
        db.close()


def main() -> int:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/nat.db")
    results = measure(path)
    for r in results:
        print(f"{r['list']:<11} {r['query']:<28} {r['role']:<9} {r['total']:>7} treff  "
              f"median {r['median'] * 1000:6.1f} ms  max {r['max'] * 1000:6.1f} ms")
    worst = max(r["max"] for r in results)
    print(f"verst: {worst * 1000:.1f} ms (mål {GOAL * 1000:.0f} ms)")
    return 0 if worst <= GOAL else 1


if __name__ == "__main__":
    raise SystemExit(main())
