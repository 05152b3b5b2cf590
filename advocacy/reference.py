"""Reference data shipped in data/: counties, municipalities, parties, policy levers, boundaries.

Loading is idempotent and runs at every start: municipalities, counties and parties are facts
and are brought up to date; levers are configuration once loaded, so a lever that leadership has
edited (its goal, say) is never overwritten, and only new levers are added.
"""

from __future__ import annotations

import csv
import functools
import json
from pathlib import Path

import sqlite_utils

from advocacy.db import ROOT, write
from advocacy.policy import levers

DATA = ROOT / "data"
MUNICIPALITIES_CSV = DATA / "kommuner-2024.csv"
BOUNDARIES_GEOJSON = DATA / "kommuner-2024-S.geojson"
PARTIES_CSV = DATA / "parties.csv"
LEVERS_CSV = DATA / "levers.csv"
MAP_ATTRIBUTION = "Kartdata: Kartverket (CC BY 4.0)"


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


def load(db: sqlite_utils.Database) -> None:
    """Bring the reference tables up to date with data/, in one transaction."""
    with write(db):
        db["counties"].upsert_all(county_rows(), pk="fylkesnummer")
        db["municipalities"].upsert_all(municipality_rows(), pk="kommunenummer")
        db["parties"].upsert_all(party_rows(), pk="code")
        levers.add_bundled(db, lever_rows())
