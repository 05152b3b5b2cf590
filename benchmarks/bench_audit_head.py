"""The cost of the audit chain's keyed head on a write: one small write transaction (a politician
inserted, so its audit trigger and the head trigger `audit_log_head` fire) with the head, against
the same on a copy of the same database with the head trigger dropped. Median of several
rounds, alternating, so a busy machine slows both sides alike.

    python benchmarks/bench_audit_head.py [--writes 500] [--rounds 5]

Prints microseconds per write for both and the ratio; exits 1 if the head makes a write more
than 1.5× slower or adds more than 0.5 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from advocacy.db import write  # noqa: E402
from advocacy.startup import open_database  # noqa: E402


def per_write(db, n: int, tag: str) -> float:
    start = time.perf_counter()
    for i in range(n):
        with write(db):
            db["politicians"].insert({"name": f"{tag} {i}", "kommunenummer": "0301"})
    return (time.perf_counter() - start) / n * 1e6


def measure(writes: int = 500, rounds: int = 5) -> tuple[float, float]:
    """Median µs per audited write with the keyed head, and without its trigger."""
    with tempfile.TemporaryDirectory() as tmp:
        with_head = open_database(Path(tmp) / "med.db")
        without = open_database(Path(tmp) / "uten.db")
        without.execute("drop trigger audit_log_head")
        ours, base = [], []
        for r in range(rounds):
            ours.append(per_write(with_head, writes, f"M{r}"))
            base.append(per_write(without, writes, f"U{r}"))
        with_head.close()
        without.close()
    return statistics.median(ours), statistics.median(base)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--writes", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    a, b = measure(args.writes, args.rounds)
    ok = a <= 1.5 * b and a - b <= 500
    print(f"skriving med kjedehode: {a:.0f} µs, uten: {b:.0f} µs, {a / b:.2f}× "
          f"{'PASS' if ok else 'FAIL'} (mål ≤ 1.5× og ≤ +0.5 ms)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
