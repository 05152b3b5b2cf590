"""Where a page's rerun spends its time: cProfile inside the script thread of an AppTest run.

    python benchmarks/profile_page.py lokallag brev                       national dataset
    python benchmarks/profile_page.py lokallag brev --db benchmarks/out/empty.db
    python benchmarks/profile_page.py leder kommuner --param kommune=0301 --lines 60

Prints the median rerun (as page_reruns.py measures it), then the functions sorted by
cumulative time over `--runs` profiled reruns. AppTest runs the page in its own thread, which a
plain `python -m cProfile` does not follow: the profiler is wrapped around the script itself.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("role", choices=["leder", "lokallag", "skrivegruppe"])
    parser.add_argument("page", help="page key, e.g. moter")
    parser.add_argument("--db", default=str(HERE / "out" / "national-1.db"))
    parser.add_argument("--param", action="append", default=[], help="query parameter k=v")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lines", type=int, default=40)
    args = parser.parse_args()
    os.environ["ADVOCACY_DB"], os.environ["ADVOCACY_DEMO"] = args.db, "0"

    from page_reruns import USERS
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state["user_id"] = USERS[args.role]
    for pair in args.param:
        name, _, value = pair.partition("=")
        at.query_params[name] = value
    at.run()
    at.switch_page(f"advocacy/ui/pages/{args.page}.py")
    at.run()
    times = []
    for _ in range(5):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
    print(f"median rerun {statistics.median(times) * 1000:.1f} ms ({args.db})")

    profile = cProfile.Profile()
    plain = script_runner.exec_func_with_error_handling
    script_runner.exec_func_with_error_handling = (
        lambda func, ctx: profile.runcall(plain, func, ctx))
    for _ in range(args.runs):
        at.run()
    script_runner.exec_func_with_error_handling = plain
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumtime").print_stats(args.lines)
    print(out.getvalue().replace(str(ROOT) + "/", ""))


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
