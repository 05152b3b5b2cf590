"""Reference data shipped in data/: counties, municipalities, parties, policy levers, boundaries.

Loading is idempotent and runs at every start: municipalities, counties and parties are facts
and are brought up to date; levers are configuration once loaded, so a lever that leadership has
edited (its goal, say) is never overwritten, and only new levers are added. The data's digest is
kept in `settings` after a load: a start whose data/ is unchanged and whose database still holds
every bundled row writes nothing (one query instead of rewriting 357 municipalities).
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from advocacy import settings
from advocacy.db import ROOT, write
from advocacy.policy import levers

DATA = ROOT / "data"
MUNICIPALITIES_CSV = DATA / "kommuner-2024.csv"
BOUNDARIES_GEOJSON = DATA / "kommuner-2024-S.geojson"
PARTIES_CSV = DATA / "parties.csv"
LEVERS_CSV = DATA / "levers.csv"
MAP_ATTRIBUTION = "Kartdata: Kartverket (CC BY 4.0)"
DIGEST_SETTING = "reference_digest"  # the data/ rows last loaded into this database


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def municipality_rows() -> list[dict]:
    return [
        {
            "kommunenummer": r["kommunenummer"],
            "navn": r["navn"],
            "navn_norsk": r["navn_norsk"] or None,
            "fylkesnummer": r["fylkesnummer"],
        }
        for r in _read_csv(MUNICIPALITIES_CSV)
    ]


def county_rows() -> list[dict]:
    counties = {r["fylkesnummer"]: r["fylke"] for r in _read_csv(MUNICIPALITIES_CSV)}
    return [{"fylkesnummer": k, "navn": v} for k, v in sorted(counties.items())]


def party_rows() -> list[dict]:
    return _read_csv(PARTIES_CSV)


def lever_rows() -> list[dict]:
    rows = []
    for r in _read_csv(LEVERS_CSV):
        row = {k: (v if v != "" else None) for k, v in r.items()}
        row["verified"] = int(r["verified"])
        row["sort_order"] = int(r["sort_order"])
        rows.append(row)
    return rows


@functools.cache
def boundaries() -> dict:
    """The municipality boundaries as GeoJSON (RFC 7946 winding, as Kartverket publishes)."""
    with BOUNDARIES_GEOJSON.open(encoding="utf-8") as f:
        return json.load(f)


@dataclass(frozen=True)
class _Bundled:
    counties: list[dict]
    municipalities: list[dict]
    parties: list[dict]
    levers: list[dict]
    digest: str


@functools.cache
def _bundled() -> _Bundled:
    """The rows of data/, read once per process, and their digest."""
    rows = (county_rows(), municipality_rows(), party_rows(), lever_rows())
    digest = hashlib.sha256(json.dumps(rows, sort_keys=True).encode()).hexdigest()
    return _Bundled(*rows, digest)


def _all_present(db: sqlite_utils.Database, data: _Bundled) -> bool:
    """Every bundled county, municipality, party and lever has its row."""
    keys = [[r["fylkesnummer"] for r in data.counties],
            [r["kommunenummer"] for r in data.municipalities],
            [r["code"] for r in data.parties], [r["id"] for r in data.levers]]
    found = db.execute(
        """select (select count(*) from counties
                   where fylkesnummer in (select value from json_each(?))),
                  (select count(*) from municipalities
                   where kommunenummer in (select value from json_each(?))),
                  (select count(*) from parties where code in (select value from json_each(?))),
                  (select count(*) from levers where id in (select value from json_each(?)))""",
        [json.dumps(k) for k in keys]).fetchone()
    return list(found) == [len(k) for k in keys]


def load(db: sqlite_utils.Database) -> None:
    """Bring the reference tables up to date with data/, in one transaction (nothing to do
    when this data was loaded before and no bundled row is missing)."""
    data = _bundled()
    if settings.get(db, DIGEST_SETTING) == data.digest and _all_present(db, data):
        return
    with write(db):
        db["counties"].upsert_all(data.counties, pk="fylkesnummer")
        db["municipalities"].upsert_all(data.municipalities, pk="kommunenummer")
        db["parties"].upsert_all(data.parties, pk="code")
        levers.add_bundled(db, data.levers)
        settings.put(db, DIGEST_SETTING, data.digest)
