"""Median AppTest rerun time of every page of every role, on the database in ADVOCACY_DB.

Run by benchmarks/run.py in `--serve` mode, one process per database (so no st cache, module
or SQLite page cache is shared between the national and the empty database), or by hand:

    ADVOCACY_DB=benchmarks/out/national-1.db python benchmarks/page_reruns.py --reruns 5

Prints one JSON object: {"<role>/<page>": median seconds, ...}. A user is logged in by putting
their id in session_state (as the login form does), the page is opened and run once to warm it,
then rerun `--reruns` times: a rerun is what a user waits for after each click.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from advocacy import permissions  # noqa: E402
from advocacy.accounts.user import User  # noqa: E402

# One user per role in make_dataset's numbering (bruker001 leads; i % 3 picks the role).
USERS = {"leder": 1, "lokallag": 2, "skrivegruppe": 4}
PROFILE = "0301"  # the municipality profile measured as its own page
# Long lists measured searched, filtered and sorted too (the widgets' state set before the run):
# a search and an order that touch the whole national table, not only its newest page.
SEARCHED = {
    "moter": {"moter_list_text": "skjenketider", "moter_list_sort": "kommune",
              "moter_list_f_type": "mote"},
}


def cases(roles: list[str]) -> list[tuple[str, str, str, dict, dict]]:
    """(name, role, page key, query params, widget state) for every page each role reaches."""
    out = []
    for role in roles:
        for key in permissions.pages(User(0, role, role, role)):
            out.append((f"{role}/{key}", role, key, {}, {}))
            if key == "kommuner":
                out.append((f"{role}/kommuner?kommune={PROFILE}", role, key,
                            {"kommune": PROFILE}, {}))
            if key in SEARCHED:
                out.append((f"{role}/{key} søkt", role, key, {}, SEARCHED[key]))
    return out


def open_page(role: str, key: str, params: dict, state: dict | None = None) -> AppTest:
    """The page logged in and run once (the first run of a page fills its caches)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state["user_id"] = USERS[role]
    for name, value in (state or {}).items():
        at.session_state[name] = value
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    at.switch_page(f"advocacy/ui/pages/{key}.py")
    at.run()
    if at.exception:
        raise RuntimeError(f"{role}/{key}: {at.exception[0].message}")
    return at


def rerun_median(at: AppTest, reruns: int) -> float:
    times = []
    for _ in range(reruns):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(role: str, key: str, params: dict, reruns: int, state: dict | None = None) -> float:
    return rerun_median(open_page(role, key, params, state), reruns)


def serve(reruns: int) -> None:
    """Measure on request: a case name per line in, {"name", "median"} per line out. run.py
    keeps one process per database and asks both for the same page in turn, so the two
    figures of a ratio are taken moments apart, not minutes."""
    known = {name: (role, key, params, state)
             for name, role, key, params, state in cases(list(USERS))}
    for line in sys.stdin:
        name = line.strip()
        if not name:
            break
        # A fresh session per request, the last one dropped: thirty pages kept alive made
        # every collection of the garbage collector slower in the process with more data.
        at = open_page(*known[name])
        gc.collect()
        print(json.dumps({"name": name, "median": rerun_median(at, reruns)}), flush=True)
        del at


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reruns", type=int, default=5)
    parser.add_argument("--roles", default=",".join(USERS))
    parser.add_argument("--only", default="", help="comma-separated case names")
    parser.add_argument("--serve", action="store_true", help="measure case names from stdin")
    parser.add_argument("--list", action="store_true", help="print the case names")
    args = parser.parse_args()
    os.environ.setdefault("ADVOCACY_DEMO", "0")
    if args.list:
        print(json.dumps([name for name, *_ in cases(args.roles.split(","))]))
        return
    if args.serve:
        serve(args.reruns)
        return
    only = {s for s in args.only.split(",") if s}
    result = {}
    for name, role, key, params, state in cases(args.roles.split(",")):
        if only and name not in only:
            continue
        result[name] = measure(role, key, params, args.reruns, state)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
