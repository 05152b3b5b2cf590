"""Key dates for a municipality's alcohol policy, and the same as an .ics calendar.

National dates (the 2027 council election, the new council, the end of the licence period on
30 September 2028, alkoholloven § 1-6) are data in data/key_dates.csv, each with its source and
whether it is confirmed. The action plan's next revision is the municipality's own: the date
recorded on the lever `handlingsplan_rullering`, or, without one, an estimate four years after
the plan was last adopted (one council term), marked as an estimate.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from dataclasses import dataclass

import sqlite_utils

from advocacy import texts
from advocacy.events.calendar import CalendarItem, to_ics
from advocacy.policy import current_positions
from advocacy.reference import DATA

KEY_DATES_CSV = DATA / "key_dates.csv"
PLAN_LEVER, REVISION_LEVER = "handlingsplan", "handlingsplan_rullering"
PLAN_TERM_YEARS = 4


@dataclass(frozen=True)
class KeyDate:
    id: str
    date: dt.date
    title: str
    description: str
    source: str
    verified: bool = True
    estimated: bool = False

    @property
    def note(self) -> str:
        marks = []
        if self.estimated:
            marks.append(texts.KEY_DATE_ESTIMATED)
        if not self.verified:
            marks.append(texts.KEY_DATE_UNVERIFIED)
        return ", ".join(marks)


@functools.cache
def national_dates() -> tuple[KeyDate, ...]:
    with KEY_DATES_CSV.open(encoding="utf-8", newline="") as f:
        return tuple(
            KeyDate(r["id"], dt.date.fromisoformat(r["date"]), r["title"], r["description"],
                    r["source"], r["verified"] == "1")
            for r in csv.DictReader(f)
        )


def _latest(db: sqlite_utils.Database, kommunenummer: str, lever_id: str) -> dict | None:
    return current_positions.current(db, kommunenummer, lever_id)


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def plan_revision(db: sqlite_utils.Database, kommunenummer: str) -> KeyDate | None:
    """The action plan's next revision: recorded, or estimated from the last adoption."""
    recorded = _latest(db, kommunenummer, REVISION_LEVER)
    title = "Rullering av alkoholpolitisk handlingsplan"
    if recorded:
        return KeyDate(f"handlingsplan-{kommunenummer}", dt.date.fromisoformat(recorded["value"]),
                       title, "Kommunens planlagte revisjon av handlingsplanen.",
                       recorded["source"] or "", True)
    adopted = _latest(db, kommunenummer, PLAN_LEVER)
    if adopted:
        last = dt.date.fromisoformat(adopted["value"])
        return KeyDate(
            f"handlingsplan-{kommunenummer}", _add_years(last, PLAN_TERM_YEARS), title,
            f"Planen ble sist vedtatt {texts.format_date(last)}; anslått fire år senere.",
            adopted["source"] or "", True, estimated=True)
    return None


def key_dates(db: sqlite_utils.Database, kommunenummer: str | None = None) -> list[KeyDate]:
    """The dates that matter for a municipality (or only the national ones), in date order."""
    dates = list(national_dates())
    if kommunenummer:
        revision = plan_revision(db, kommunenummer)
        if revision:
            dates.append(revision)
    return sorted(dates, key=lambda d: d.date)


def as_rows(dates: list[KeyDate]) -> list[dict]:
    return [{"date": d.date.isoformat(), "title": d.title, "description": d.description,
             "source": d.source, "note": d.note} for d in dates]


def to_calendar(dates: list[KeyDate], name: str = "Påvirk – viktige datoer") -> bytes:
    """The dates as an .ics file of all-day events (Europe/Oslo), with stable UIDs."""
    return to_ics(
        [CalendarItem(
            uid=f"{d.id}@pavirk", summary=d.title, start=d.date,
            description=f"{d.description}\nKilde: {d.source}" + (f" ({d.note})" if d.note else ""),
        ) for d in dates],
        name=name,
    )
