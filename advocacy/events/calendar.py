"""Calendar files (.ics) for follow-ups, events and key political dates, in Norwegian time.

Timed events carry the Europe/Oslo time zone (with its VTIMEZONE), so a phone in Norway shows
19:00 as 19:00 summer and winter; whole-day items (deadlines, election day) are all-day events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

OSLO = ZoneInfo("Europe/Oslo")
PRODID = "-//Påvirk//påvirk.no//NO"


@dataclass(frozen=True)
class CalendarItem:
    uid: str  # stable, e.g. "meeting-12-followup@pavirk", so re-imports update, not duplicate
    summary: str
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime | None = None
    description: str | None = None
    location: str | None = None
    url: str | None = None


def _localise(value):
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=OSLO)
    return value


def to_ics(items: Iterable[CalendarItem], name: str = "Påvirk") -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Oslo")
    stamp = dt.datetime.now(dt.UTC)
    for item in items:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("summary", item.summary)
        start = _localise(item.start)
        event.add("dtstart", start)
        if item.end is not None:
            event.add("dtend", _localise(item.end))
        elif not isinstance(start, dt.datetime):
            event.add("dtend", start + dt.timedelta(days=1))
        for key, value in (("description", item.description), ("location", item.location),
                           ("url", item.url)):
            if value:
                event.add(key, value)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
