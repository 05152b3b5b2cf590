"""Other users' page reruns while hostile templates are being checked, and the time to refusal.

One page_reruns.py process (--serve) measures the median AppTest rerun of a few pages, in
phases: alone, and while a second process checks hostile templates without pause (two at a
time, through documents.check_template as the Maler page and `check-template` do, so in
bounded worker processes). Phases go alone, loaded, loaded, alone … so the machine's own drift
falls on both sides; each phase asks for every page in turn for the limit + 4 s, and a page's
figure per condition is the median of the medians it got. The load process reports, for every template it checked, the seconds from
the start of the check to its refusal, under the limits in force (default 8 s).

    python benchmarks/bench_template_limits.py DB [--quick]       (prints JSON)
    python benchmarks/bench_template_limits.py --load             (the load; stdin closes it)
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

LOOPS = ("{% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(1000) %}x"
         "{% endfor %}{% endfor %}{% endfor %}")
HOSTILE = {
    "tre løkker": [LOOPS],
    "makro": ["{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}"
              "{{ f(60) }}"],
    "center": ["{{ 'x'|center(300000000) }}"],
    "format": ["{{ '%0300000000d'|format(1) }}"],
    "join": ["{% for i in range(1000) %}{{ range(1000)|join('y' * 100000) }}{% endfor %}"],
    "dobling": ["{% set x = 'x' * 100000 %}{% for i in range(1000) %}{% set y = x ~ x %}"
                "{% set z = y ~ y %}{{ z ~ z }}{% endfor %}"],
    "topptekst": None,  # LOOPS in the header
}
CHECKERS = 2
PAGES_QUICK = ["leder/oversikt", "lokallag/moter"]
PAGES_FULL = ["leder/oversikt", "leder/kommuner", "lokallag/moter", "lokallag/brev",
              "skrivegruppe/brev"]


def hostile_docx(name: str, serial: int) -> bytes:
    """A fresh .docx (the serial keeps a refusal from being remembered) with hostile code."""
    import docx

    document = docx.Document()
    document.add_paragraph(f"Mal nr. {serial}")
    for text in HOSTILE[name] or ["Hei {{ navn }}"]:
        document.add_paragraph(text)
    if HOSTILE[name] is None:
        document.sections[0].header.paragraphs[0].text = LOOPS
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def load(offset: int = 0) -> None:
    """Check hostile templates in CHECKERS threads until stdin closes; one JSON line each,
    starting ``offset`` templates into the list (each phase starts somewhere else)."""
    from advocacy.documents import check_template
    from advocacy.errors import AdvocacyError

    serials = itertools.count()
    names = itertools.cycle(HOSTILE)
    for _ in range(offset):
        next(names)
    lock = threading.Lock()
    stop = threading.Event()

    def checker() -> None:
        while not stop.is_set():
            with lock:
                name, serial = next(names), next(serials)
            data = hostile_docx(name, serial)
            started = time.perf_counter()
            try:
                check_template(f"{serial}.docx", data)
                message = ""
            except AdvocacyError as exc:
                message = exc.message
            seconds = time.perf_counter() - started
            if not stop.is_set():
                print(json.dumps({"name": name, "seconds": seconds,
                                  "refused": "Malen bruker for mye tid/minne" in message}),
                      flush=True)

    threads = [threading.Thread(target=checker, daemon=True) for _ in range(CHECKERS)]
    [t.start() for t in threads]
    print(json.dumps({"ready": True}), flush=True)
    sys.stdin.read()
    stop.set()
    for child in multiprocessing.active_children():  # the template workers, mid-check
        child.kill()
    os._exit(0)


class Load:
    """The load process: started for a loaded phase, closed (and its workers killed) after."""

    def __init__(self, seconds: float, offset: int) -> None:
        self.seconds = seconds
        self.offset = offset

    def __enter__(self) -> Load:
        self.started = time.perf_counter()
        self.proc = subprocess.Popen([sys.executable, __file__, "--load", "--offset",
                                      str(self.offset)], cwd=ROOT, text=True,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        json.loads(self.proc.stdout.readline())  # {"ready": true}
        time.sleep(0.5)  # the first checks are under way
        return self

    def __exit__(self, *exc) -> None:
        # Long enough for a check that runs to the time limit to be stopped and reported.
        time.sleep(max(0.0, self.started + self.seconds - time.perf_counter()))
        self.proc.stdin.close()
        self.results = [json.loads(line) for line in self.proc.stdout]
        self.proc.wait(timeout=30)


def measure(db: Path, quick: bool) -> dict:
    names = PAGES_QUICK if quick else PAGES_FULL
    phases = ["alone", "loaded", "loaded", "alone"] * (1 if quick else 2)
    pages = subprocess.Popen(
        [sys.executable, str(HERE / "page_reruns.py"), "--serve", "--reruns", "5"], cwd=ROOT,
        text=True, env={**os.environ, "ADVOCACY_DB": str(db), "ADVOCACY_DEMO": "0"},
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

    def ask(name: str) -> float:
        pages.stdin.write(name + "\n")
        pages.stdin.flush()
        line = pages.stdout.readline()
        if not line:
            raise RuntimeError(f"page_reruns.py stopped at {name}")
        return json.loads(line)["median"]

    limit = float(os.environ.get("ADVOCACY_TEMPLATE_SECONDS", 8))
    seconds = limit + 4  # a phase: long enough for a check to run to the limit and be refused
    medians: dict[str, dict[str, list[float]]] = {"alone": {}, "loaded": {}}
    refusals: list[dict] = []

    def phase(kind: str) -> None:
        """Every page in turn, again and again, for `seconds`."""
        end = time.perf_counter() + seconds
        while True:
            for name in names:
                medians[kind].setdefault(name, []).append(ask(name))
            if time.perf_counter() >= end:
                return

    try:
        for name in names:  # warm: the first opening of a page fills its caches
            ask(name)
        for i, kind in enumerate(phases):
            if kind == "alone":
                phase(kind)
                continue
            with Load(seconds, offset=CHECKERS * phases[:i].count("loaded")) as running:
                phase(kind)
            refusals += running.results
    finally:
        pages.stdin.close()
        pages.wait(timeout=60)
    return {
        "pages": {name: {"alone": statistics.median(medians["alone"][name]),
                         "loaded": statistics.median(medians["loaded"][name])}
                  for name in names},
        "medians": medians,
        "checks": len(refusals),
        "refused": sum(r["refused"] for r in refusals),
        "max_seconds": max((r["seconds"] for r in refusals), default=float("inf")),
        "slowest": max(refusals, key=lambda r: r["seconds"])["name"] if refusals else "",
        "limit": limit,
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", nargs="?")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--load", action="store_true")
    parser.add_argument("--offset", type=int, default=0)
    args = parser.parse_args()
    if args.load:
        load(args.offset)
    else:
        print(json.dumps(measure(Path(args.db), args.quick)))
