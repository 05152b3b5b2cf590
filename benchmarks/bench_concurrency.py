"""Eight writers across two processes for a while, through the app's own write functions.

Each process runs four threads, each with its own connection (as Streamlit sessions have), and
loops for `seconds`: log a meeting (meetings.create_meeting: validation, links, audit and
full-text triggers) or record a stance (stances.record_stance), alternately. Every call goes
through advocacy.db.write (BEGIN IMMEDIATE). Afterwards the rows are counted: a write that
reported success must be in the database.

    python benchmarks/bench_concurrency.py DB --seconds 10     (the parent; prints JSON)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from advocacy import audit  # noqa: E402
from advocacy.accounts import accounts  # noqa: E402
from advocacy.db import connect  # noqa: E402
from advocacy.meetings import meetings  # noqa: E402
from advocacy.politicians import stances  # noqa: E402

THREADS, PROCESSES = 4, 2


def _writer(path: str, tag: str, seconds: float, out: dict) -> None:
    db = connect(path, create=False)
    leader = accounts.get_user(db, 1)
    audit.set_actor(db, leader.id)
    chapter, knr = db.execute("select id, kommunenummer from chapters order by id limit 1"
                              ).fetchone()
    people = [r[0] for r in db.execute(
        "select id from politicians where kommunenummer = ? order by id limit 3", [knr])]
    today = dt.date.today()
    latencies, errors, meetings_done, stances_done = [], [], 0, 0
    deadline = time.perf_counter() + seconds
    i = 0
    while time.perf_counter() < deadline:
        start = time.perf_counter()
        try:
            if i % 2 == 0 or not people:
                meetings.create_meeting(db, leader, meetings.MeetingInput(
                    held_on=today, kind="mote", chapter_id=chapter, kommunenummer=knr,
                    politician_ids=people[:2], summary=f"{tag} møte {i}",
                    asks="Ikke utvid skjenketiden"))
                meetings_done += 1
            else:
                stances.record_stance(db, leader, people[i % len(people)], "for",
                                      lever_id="handlingsplan", stated_on=today, source=tag)
                stances_done += 1
        except Exception as exc:  # noqa: BLE001 - every failure is counted and reported
            errors.append(repr(exc))
        latencies.append(time.perf_counter() - start)
        i += 1
    db.close()
    out.update(latencies=latencies, errors=errors, meetings=meetings_done, stances=stances_done)


def child(path: str, tag: str, seconds: float) -> None:
    results = [{} for _ in range(THREADS)]
    threads = [threading.Thread(target=_writer, args=(path, f"{tag}-{t}", seconds, results[t]))
               for t in range(THREADS)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    print(json.dumps(results))


def measure(path: Path, seconds: float = 10.0) -> dict:
    """Run the writers on `path` (changed!); errors, lost rows, writes per second, p95."""
    tag = f"bench{int(time.time())}"
    start = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, __file__, str(path), "--child", f"{tag}{p}",
                               "--seconds", str(seconds)], cwd=ROOT, stdout=subprocess.PIPE,
                              text=True) for p in range(PROCESSES)]
    outputs = [p.communicate(timeout=seconds + 120)[0] for p in procs]
    elapsed = time.perf_counter() - start
    results = [r for out in outputs for r in json.loads(out)]
    latencies = sorted(x for r in results for x in r["latencies"])
    db = connect(path, create=False)
    found_meetings = db.execute("select count(*) from meetings where summary like ?",
                                [f"{tag}%"]).fetchone()[0]
    found_stances = db.execute("select count(*) from stances where source like ?",
                               [f"{tag}%"]).fetchone()[0]
    chain_ok = audit.verify(db).ok
    db.close()
    reported = sum(r["meetings"] + r["stances"] for r in results)
    return {
        "writers": PROCESSES * THREADS, "errors": sum(len(r["errors"]) for r in results),
        "error_examples": [e for r in results for e in r["errors"]][:3],
        "writes": reported, "lost": reported - found_meetings - found_stances,
        "per_second": reported / elapsed, "audit_chain_ok": chain_ok,
        "p95_ms": 1000 * latencies[int(0.95 * (len(latencies) - 1))] if latencies else 0.0,
        "returncodes": [p.returncode for p in procs],
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        child(args.db, args.child, args.seconds)
    else:
        print(json.dumps(measure(Path(args.db), args.seconds)))
