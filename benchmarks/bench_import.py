"""Import of politicians from CSV: the app's real path against sqlite-utils `insert_all`.

Ours is what `python -m advocacy import-politicians FILE` does: read_table (encoding and
separator sniffing) → suggest_mapping → preview_import (every row validated: name, municipality
resolved by number or name, party, role, e-mail, duplicates in the file and in the register) →
apply_import (one transaction). The baseline parses the same CSV with the csv module and puts
the already-clean rows in with `insert_all`. Both write the same table on a fresh copy of the
same database, so the audit and full-text triggers fire for both.
"""

from __future__ import annotations

import csv
import io
import random
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from advocacy import texts
from advocacy.cli import CLI_USER  # noqa: E402
from advocacy.db import connect, write  # noqa: E402
from advocacy.politicians import politician_import  # noqa: E402

FIRST = ["Anne", "Bjørn", "Cecilie", "Dag", "Eli", "Frode", "Guro", "Hans", "Ingrid", "Jon"]
LAST = ["Berg", "Dahl", "Eide", "Fossum", "Haugen", "Johansen", "Lie", "Moen", "Ødegård"]
PARTIES = ["A", "H", "FRP", "SV", "SP", "KRF", "V", "MDG", "RØDT"]


def rows(db, n: int, seed: int = 11) -> list[dict]:
    """n politicians as clean database rows (deterministic), spread over all municipalities."""
    rng = random.Random(seed)
    knrs = [r[0] for r in db.execute("select kommunenummer from municipalities order by 1")]
    roles = list(texts.POLITICIAN_ROLES)
    return [{"name": f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}",
             "party_code": rng.choice(PARTIES), "kommunenummer": knrs[i % len(knrs)],
             "role": rng.choice(roles), "email": f"p{i}@example.org"} for i in range(n)]


def to_csv(items: list[dict], parties: dict[str, str]) -> bytes:
    """The rows as a volunteer's spreadsheet: Norwegian headings, party abbreviations, role
    labels, semicolons and a BOM (Excel's own CSV)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["Navn", "Parti", "Kommunenr", "Rolle", "E-post"])
    for r in items:
        writer.writerow([r["name"], parties[r["party_code"]], r["kommunenummer"],
                         texts.POLITICIAN_ROLES[r["role"]], r["email"]])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def ours(path: Path, data: bytes) -> dict:
    db = connect(path)
    try:
        preview, counts = politician_import.import_file(db, CLI_USER, "politikere.csv", data)
    finally:
        db.close()
    assert counts["imported"] == len(preview.rows), (counts, preview.problems[:3])
    return counts


def baseline(path: Path, data: bytes, codes: dict[str, str], roles: dict[str, str]) -> int:
    db = connect(path)
    try:
        reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";")
        items = [{"name": r["Navn"], "party_code": codes[r["Parti"]],
                  "kommunenummer": r["Kommunenr"], "role": roles[r["Rolle"]],
                  "email": r["E-post"]} for r in reader]
        with write(db):
            db["politicians"].insert_all(items, batch_size=1000)
        return len(items)
    finally:
        db.close()


def measure(reference_db: Path, workdir: Path, n: int = 10_000) -> dict:
    """Seconds for ours and the baseline, each on its own copy of `reference_db`."""
    db = connect(reference_db)
    items = rows(db, n)
    parties = dict(db.execute("select code, abbreviation from parties").fetchall())
    db.close()
    data = to_csv(items, parties)
    codes = {v: k for k, v in parties.items()}
    roles = {v: k for k, v in texts.POLITICIAN_ROLES.items()}
    result = {}
    for name in ("ours", "baseline"):
        target = workdir / f"import-{name}.db"
        shutil.copyfile(reference_db, target)
        start = time.perf_counter()
        ours(target, data) if name == "ours" else baseline(target, data, codes, roles)
        result[name] = time.perf_counter() - start
        check = connect(target)
        assert check["politicians"].count == n, (name, check["politicians"].count)
        check.close()
    return result
