"""The Innlegg and Uttalelser lists on a (national) database: one `find()` per query, with the
count, as the pages call them, for leadership (everyone's letters), a chapter member and a
writer. Prints the median and worst milliseconds per query.

    python benchmarks/make_dataset.py --out /tmp/nat.db --scale 1.0
    python benchmarks/bench_letter_lists.py /tmp/nat.db
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from advocacy import permissions  # noqa: E402
from advocacy.accounts import accounts  # noqa: E402
from advocacy.db import connect  # noqa: E402
from advocacy.listing import ListQuery  # noqa: E402
from advocacy.migrations import migrate  # noqa: E402
from advocacy.statements import statement_list
from advocacy.writing import reader_letter_list

# One user per role in make_dataset's numbering (bruker001 leads; i % 3 picks the role).
USERS = {"leder": 1, "lokallag": 2, "skrivegruppe": 4}
YEAR = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))


def letter_queries(db) -> dict[str, ListQuery]:
    paper = db.execute("select newspaper_id from documents where newspaper_id is not null "
                       "group by 1 order by count(*) desc limit 1").fetchone()[0]
    knr = db.execute("select kommunenummer from documents where kind = 'kronikk' and "
                     "kommunenummer is not null group by 1 order by count(*) desc"
                     ).fetchone()[0]
    return {
        "første side": ListQuery(),
        "side 100": ListQuery(page=100),
        "søk «skjenketid»": ListQuery(text="skjenketid"),
        "søk «dokument»": ListQuery(text="dokument"),
        "status sendt+publisert": ListQuery(filters={"status": ["sendt", "publisert"]}),
        "avis": ListQuery(filters={"avis": paper}),
        "kommune, sortert på tittel": ListQuery(filters={"kommune": knr}, sort="tittel"),
        "trenger meg": ListQuery(filters={"trenger_meg": 1}),
        "sendt i 2024, etter avis": ListQuery(start=YEAR[0], end=YEAR[1], sort="avis"),
        "publisert, nyeste først": ListQuery(sort="publisert", page=20),
    }


def statement_queries(db) -> dict[str, ListQuery]:
    lever = db.execute("select lever_id from statement_levers group by 1 "
                       "order by count(*) desc").fetchone()[0]
    knr = db.execute("select kommunenummer from statement_municipalities group by 1 "
                     "order by count(*) desc").fetchone()[0]
    return {
        "første side": ListQuery(),
        "side 20": ListQuery(page=20),
        "søk «skjenkeslutt»": ListQuery(text="skjenkeslutt"),
        "søk «styremøte klokka»": ListQuery(text="styremøte klokka"),
        "søk uten treff": ListQuery(text="zqxwvy"),
        "status vedtatt+sendt": ListQuery(filters={"status": ["vedtatt", "sendt"]}),
        "sak": ListQuery(filters={"sak": lever}),
        "kommune": ListQuery(filters={"kommune": knr}),
        "2024, etter tittel": ListQuery(start=YEAR[0], end=YEAR[1], sort="tittel"),
    }


def timed(call, rounds: int) -> list[float]:
    call()  # warm the page cache like a running server
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("db", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    db = connect(args.db, create=False)
    migrate(db)  # a dataset made before the lists' search index and date indexes
    worst = 0.0
    try:
        for role, uid in USERS.items():
            user = accounts.get_user(db, uid)
            for everyone in ((True, False) if permissions.allowed(user, "letter.approve") else (False,)):
                for name, query in letter_queries(db).items():
                    times = timed(lambda q=query, e=everyone, u=user: reader_letter_list.find(
                        db, u, q, everyone=e), args.rounds)
                    total = reader_letter_list.find(db, user, query, everyone=everyone).total
                    worst = max(worst, max(times))
                    print(f"innlegg {role}{' (alle)' if everyone else '':<7} {name:<30} "
                          f"{total:>6} treff  median {statistics.median(times) * 1000:6.1f} ms"
                          f"  verst {max(times) * 1000:6.1f} ms")
            for name, query in statement_queries(db).items():
                times = timed(lambda q=query, u=user: statement_list.find(db, u, q), args.rounds)
                total = statement_list.find(db, user, query).total
                worst = max(worst, max(times))
                print(f"uttalelser {role:<12} {name:<30} {total:>6} treff  median "
                      f"{statistics.median(times) * 1000:6.1f} ms  verst {max(times) * 1000:6.1f} ms")
    finally:
        db.close()
    print(f"verst av alle: {worst * 1000:.1f} ms")


if __name__ == "__main__":
    main()
