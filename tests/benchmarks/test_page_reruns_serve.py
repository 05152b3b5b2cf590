"""benchmarks/page_reruns.py --serve, which run.py asks for one page at a time per database:
it answers each case name with that page's median rerun, in order, and stops at an empty line."""

import json
import os
import subprocess
import sys

from advocacy.db import ROOT


def test_serve_answers_each_case_in_turn(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import make_dataset

    db = tmp_path / "tiny.db"
    make_dataset.build(db, scale=0.01)
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "page_reruns.py"), "--serve", "--reruns", "2"],
        input="leder/personvern\nlokallag/moter\n\n", text=True, capture_output=True,
        cwd=ROOT, env={**os.environ, "ADVOCACY_DB": str(db), "ADVOCACY_DEMO": "0"}, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    answers = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [a["name"] for a in answers] == ["leder/personvern", "lokallag/moter"]
    assert all(0 < a["median"] < 30 for a in answers)
