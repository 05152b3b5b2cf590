"""The activity calendar: chapters' events and the key political dates, in one list.

Events (stand, debatt, møte med politikere, seminar, konferanse, fanemarkering, kampanjedag) are
stored in Norwegian local time ("2026-05-02T11:00", or a date alone for an all-day event). Key
dates come from key_dates.national_dates() (data/key_dates.csv: election day, the new council,
the licence period's end; figures to be checked live in data, with their source) and from the municipalities' action plans (positions of
the lever `handlingsplan`). Everyone reads the calendar; leadership adds events for any chapter,
a chapter member for their own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import sqlite_utils

from advocacy import settings, texts
from advocacy.accounts.accounts import User
from advocacy.db import write
from advocacy.errors import ValidationError
from advocacy.events.calendar import CalendarItem, to_ics
from advocacy.permissions import allowed, ensure_permission
from advocacy.policy import current_positions
from advocacy.policy.key_dates import national_dates
from advocacy.privacy.erasure_marks import last_erasure

KINDS = tuple(texts.EVENT_KINDS)
KEY_DATE = "politisk_dato"
ACTION_PLAN_LEVER = "handlingsplan"
# An action plan is normally made for one council term; the next revision falls due four years
# after adoption (alkoholloven § 1-7d sets no period, so this is a reminder, not a deadline).
ACTION_PLAN_YEARS = 4
_CHANGED = "events_changes"  # settings key: how many times an event was changed in place


def _moment(value, field: str) -> str | None:
    """ISO text: "2026-05-02T11:00" for a time, "2026-05-02" for an all-day event."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None, second=0, microsecond=0).isoformat(timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip().replace(" ", "T")
    try:
        if len(text) <= 10:
            return dt.date.fromisoformat(text).isoformat()
        return dt.datetime.fromisoformat(text).replace(tzinfo=None).isoformat(timespec="minutes")
    except ValueError:
        raise ValidationError(texts.EVENT_TIME_INVALID.format(value=value, field=field)) from None


def _event_row(
    db: sqlite_utils.Database,
    user: User,
    *,
    kind: str,
    title: str,
    starts_at,
    ends_at=None,
    chapter_id: int | None = None,
    place: str | None = None,
    description: str | None = None,
    responsible: str | None = None,
    campaign_id: int | None = None,
) -> dict:
    """The checked row of a new or changed event (ValidationError/PermissionDenied)."""
    ensure_permission(user, "event.edit")
    if not allowed(user, "chapter.all"):
        chapter_id = user.chapter_id
    if kind not in KINDS:
        raise ValidationError(texts.EVENT_KIND_UNKNOWN.format(kind=kind))
    title = (title or "").strip()
    if not title:
        raise ValidationError(texts.EVENT_TITLE_REQUIRED)
    start, end = _moment(starts_at, "start"), _moment(ends_at, "slutt")
    if start is None:
        raise ValidationError(texts.EVENT_TIME_INVALID.format(value="", field="start"))
    if end is not None and (len(end) != len(start) or end < start):
        raise ValidationError(texts.EVENT_ENDS_BEFORE_START)
    if chapter_id is not None and not db.execute(
        "select 1 from chapters where id = ?", [chapter_id]
    ).fetchone():
        raise ValidationError(texts.EVENT_CHAPTER_REQUIRED)
    if campaign_id is not None and not db.execute(
        "select 1 from campaigns where id = ?", [campaign_id]
    ).fetchone():
        raise ValidationError(texts.CAMPAIGN_NOT_FOUND.format(id=campaign_id))
    text = {k: (v or "").strip()[:2000] or None
            for k, v in (("place", place), ("description", description),
                         ("responsible", responsible))}
    return {"chapter_id": chapter_id, "kind": kind, "title": title[:200], "starts_at": start,
            "ends_at": end, "campaign_id": campaign_id, **text}


def create_event(db: sqlite_utils.Database, user: User, **fields) -> int:
    """A new event (fields: kind, title, starts_at, ends_at, chapter_id, place, description,
    responsible, campaign_id); a chapter member's always belongs to their chapter."""
    row = _event_row(db, user, **fields)
    with write(db):
        return db["events"].insert({**row, "created_by": user.id}).last_pk


def get_event(db: sqlite_utils.Database, user: User, event_id: int) -> dict:
    """One event, for whoever may change it."""
    row = next(db.query("select * from events where id = ?", [event_id]), None)
    if row is None:
        raise ValidationError(texts.EVENT_NOT_FOUND.format(id=event_id))
    ensure_permission(user, "event.edit", row)
    return row


def update_event(db: sqlite_utils.Database, user: User, event_id: int, **fields) -> None:
    """Change an event: the same checks as a new one, by whoever may change it."""
    get_event(db, user, event_id)
    row = _event_row(db, user, **fields)
    with write(db):
        db["events"].update(event_id, row)
        # Part of events_version: a change in place moves neither the count nor the last id.
        settings.count_up(db, _CHANGED)


def delete_event(db: sqlite_utils.Database, user: User, event_id: int) -> None:
    row = db.execute("select chapter_id from events where id = ?", [event_id]).fetchone()
    if row is None:
        raise ValidationError(texts.EVENT_NOT_FOUND.format(id=event_id))
    ensure_permission(user, "event.edit", {"chapter_id": row[0]})
    with write(db):
        db["events"].delete(event_id)


def events_version(db: sqlite_utils.Database) -> str:
    """Changes when an event is added, changed or deleted: part of
    the cache key of a calendar view, with the policy version for the action-plan dates. An
    erasure rewrites names in events' text, so it changes this too."""
    count, last = db.execute("select count(*), coalesce(max(id), 0) from events").fetchone()
    changed = settings.get(db, _CHANGED)
    return f"{count}:{last}:{changed or ''}:{last_erasure(db)}"


def list_events(
    db: sqlite_utils.Database,
    start: dt.date,
    end: dt.date,
    *,
    chapter_id: int | None = None,
    kinds: Iterable[str] | None = None,
) -> list[dict]:
    """Events starting on a day from `start` to `end` (inclusive), in time order."""
    # A range on the column itself (ISO text: "2026-11-03" and "2026-11-03T18:00" both sort
    # inside the day), so the starts_at index is used instead of reading every event.
    clauses = ["e.starts_at >= :start and e.starts_at < :after"]
    params: dict = {"start": start.isoformat(),
                    "after": (end + dt.timedelta(days=1)).isoformat()}
    if chapter_id is not None:
        clauses.append("e.chapter_id = :chapter")
        params["chapter"] = chapter_id
    if kinds is not None:
        chosen = [k for k in kinds if k in KINDS]
        clauses.append(f"e.kind in ({', '.join(f':k{i}' for i in range(len(chosen))) or 'null'})")
        params.update({f"k{i}": k for i, k in enumerate(chosen)})
    return list(db.query(
        f"""select e.id, e.kind, e.title, e.starts_at, e.ends_at, e.place, e.description,
                   e.responsible, e.chapter_id, ch.name as chapter, e.campaign_id,
                   c.title as campaign
            from events e left join chapters ch on ch.id = e.chapter_id
            left join campaigns c on c.id = e.campaign_id
            where {" and ".join(clauses)} order by e.starts_at, e.id""",  # noqa: S608
        params))


def _parse(value: str) -> dt.date | dt.datetime:
    return dt.date.fromisoformat(value) if len(value) <= 10 else dt.datetime.fromisoformat(value)


def event_item(row: dict) -> dict:
    start = _parse(row["starts_at"])
    return {
        "uid": f"event-{row['id']}@pavirk", "kind": row["kind"], "title": row["title"],
        "start": start, "end": _parse(row["ends_at"]) if row["ends_at"] else None,
        "date": start.date() if isinstance(start, dt.datetime) else start,
        "all_day": not isinstance(start, dt.datetime), "chapter": row["chapter"],
        "place": row["place"], "description": row["description"],
        "responsible": row["responsible"], "campaign": row["campaign"], "source": None,
        "event_id": row["id"], "chapter_id": row["chapter_id"],
    }


def _key_item(uid: str, date: dt.date, title: str, description: str, source: str) -> dict:
    return {
        "uid": uid, "kind": KEY_DATE, "title": title, "start": date, "end": None, "date": date,
        "all_day": True, "chapter": None, "place": None, "description": description,
        "responsible": None, "campaign": None, "source": source, "event_id": None,
        "chapter_id": None,
    }


def key_dates(
    db: sqlite_utils.Database, start: dt.date, end: dt.date, *, kommunenummer: str | None = None
) -> list[dict]:
    """National key dates from the data file, and each municipality's action-plan adoption and
    next revision (only `kommunenummer`'s if given)."""
    items = []
    for key_date in national_dates():  # the one file of national dates, shared with profiles
        source = key_date.source + ("" if key_date.verified else " [må sjekkes]")
        if start <= key_date.date <= end:
            items.append(_key_item(f"keydate-{key_date.date.isoformat()}@pavirk", key_date.date,
                                   key_date.title, key_date.description, source))
    where = "where m.kommunenummer = :knr" if kommunenummer else ""
    # Each municipality's latest plan by one index seek, not every plan it ever recorded.
    for row in db.query(
        f"""select m.kommunenummer, p.value, p.source, m.navn, m.navn_norsk
            from municipalities m
            join positions p on p.id = {current_positions.latest_id("m.kommunenummer", ":lever")}
            {where}""",  # noqa: S608 - only a fixed fragment is joined
        {"lever": ACTION_PLAN_LEVER, "knr": kommunenummer},
    ):
        try:
            adopted = dt.date.fromisoformat(row["value"][:10])
        except ValueError:
            continue  # a plan recorded as text ("ja") has no date to show
        revision = _add_years(adopted, ACTION_PLAN_YEARS)
        shown = [(date, title, suffix) for date, title, suffix in (
            (adopted, texts.ACTION_PLAN_ADOPTED, ""),
            (revision, texts.ACTION_PLAN_REVISION, "-rev")) if start <= date <= end]
        if not shown:
            continue  # most plans are outside the month shown: no text is formatted for them
        name = texts.municipality_name(row["navn"], row["navn_norsk"])
        note = texts.ACTION_PLAN_REVISION_NOTE.format(adopted=texts.format_date(adopted))
        source = row["source"] or "alkoholloven § 1-7d"
        for date, title, suffix in shown:
            items.append(_key_item(f"actionplan-{row['kommunenummer']}-{date}{suffix}@pavirk",
                                   date, title.format(kommune=name), note, source))
    return sorted(items, key=lambda i: (i["date"], i["title"]))


def _add_years(date: dt.date, years: int) -> dt.date:
    try:
        return date.replace(year=date.year + years)
    except ValueError:  # 29 February
        return date.replace(year=date.year + years, day=28)


def calendar_items(
    db: sqlite_utils.Database,
    start: dt.date,
    end: dt.date,
    *,
    chapter_id: int | None = None,
    kinds: Iterable[str] | None = None,
) -> list[dict]:
    """Events and key dates merged in date order. `kinds` may include "politisk_dato"."""
    kinds = None if kinds is None else list(kinds)
    items = [event_item(r) for r in list_events(db, start, end, chapter_id=chapter_id,
                                                  kinds=kinds)]
    if kinds is None or KEY_DATE in kinds:
        knr = None
        if chapter_id is not None:
            found = db.execute("select kommunenummer from chapters where id = ?",
                               [chapter_id]).fetchone()
            knr = found[0] if found and found[0] else "----"
        items += key_dates(db, start, end, kommunenummer=knr)
    return sorted(items, key=lambda i: (i["date"], str(i["start"]), i["title"]))


def kind_label(kind: str) -> str:
    return texts.EVENT_KINDS.get(kind, texts.KEY_DATE_KIND)


def to_calendar_items(items: Iterable[dict]) -> list[CalendarItem]:
    result = []
    for item in items:
        details = [
            item["description"],
            f"Lokallag: {item['chapter']}" if item["chapter"] else None,
            f"Ansvarlig: {item['responsible']}" if item["responsible"] else None,
            f"Kampanje: {item['campaign']}" if item["campaign"] else None,
            f"Kilde: {item['source']}" if item["source"] else None,
        ]
        end = item["end"]
        if item["all_day"] and isinstance(end, dt.date):
            end = end + dt.timedelta(days=1)  # DTEND of an all-day event is exclusive
        result.append(CalendarItem(
            uid=item["uid"], summary=f"{kind_label(item['kind'])}: {item['title']}",
            start=item["start"], end=end, location=item["place"],
            description="\n".join(d for d in details if d) or None,
        ))
    return result


def ics(items: Iterable[dict], name: str = "Påvirk – aktiviteter") -> bytes:
    """The items as an .ics file; timed events in Europe/Oslo."""
    return to_ics(to_calendar_items(items), name=name)
