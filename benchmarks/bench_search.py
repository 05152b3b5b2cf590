"""Full-text search over the national dataset through advocacy.search.search, the function the
Møter and Politikere pages call (meetings, politicians and documents, with snippets)."""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from advocacy import search
from advocacy.accounts import accounts  # noqa: E402
from advocacy.db import connect  # noqa: E402

QUERIES = ["skjenketid", "alkoholfrie arenaer", "Ikke utvid", "skjenketiden bør",
           "møte 4711", "Haugen", "Ødegård", "Tromso", "kontroller", "arenaer nr 123",
           "dokument", "utvid skjenketiden", "Berg", "alkoholfri", "skjenk"]


def measure(path: Path, rounds: int = 3) -> dict:
    """Median and worst seconds per query, for leadership (all) and a chapter member."""
    db = connect(path, create=False)
    times = []
    try:
        users = [accounts.get_user(db, 1), accounts.get_user(db, 2)]
        for user in users:
            search.search(db, user, "skjenketid")  # warm the page cache like a running server
        for _ in range(rounds):
            for user in users:
                for query in QUERIES:
                    start = time.perf_counter()
                    search.search(db, user, query)
                    times.append(time.perf_counter() - start)
        meetings = db["meetings"].count
    finally:
        db.close()
    return {"median": statistics.median(times), "max": max(times), "queries": len(times),
            "meetings": meetings}
