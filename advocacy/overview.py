"""Key figures for the Oversikt page, computed in SQL so they stay cheap at national scale."""

from __future__ import annotations

import datetime as dt
import hashlib

import sqlite_utils

from advocacy import texts
from advocacy.accounts.accounts import User
from advocacy.meetings import followups
from advocacy.permissions import allowed
from advocacy.policy.current_positions import VALID, latest_id
from advocacy.policy.policy_status import STATUS_ORDER, display
from advocacy.privacy.erasure_marks import last_erasure


def key_figures(db: sqlite_utils.Database, user: User, today: dt.date | None = None) -> dict:
    today = today or dt.date.today()
    since = (today - dt.timedelta(days=90)).isoformat()

    def one(sql: str, params: list | None = None) -> int:
        return db.execute(sql, params or []).fetchone()[0]

    figures = {
        "municipalities": one("select count(*) from municipalities"),
        "municipalities_with_positions": one(
            f"select count(distinct kommunenummer) from positions where {VALID}"  # noqa: S608
        ),
        "positions_last_90_days": one(
            f"select count(*) from positions where decided_on >= ? and {VALID}",  # noqa: S608
            [since],
        ),
        "politicians": one("select count(*) from politicians where in_office = 1"),
        "published_letters": one(
            "select count(*) from documents where kind in ('leserinnlegg', 'kronikk') "
            "and status = 'publisert'"
        ),
        "overdue_followups": None,
    }
    if allowed(user, "meeting.read"):
        figures["overdue_followups"] = followups.count_overdue(db, user, today)
    return figures


# --- Policy status and activity figures -------------------------------------------
# Pure SQL or one indexed lookup per municipality and lever (municipalities.statuses); never a
# whole history table in memory. The pages cache these with `policy_version` in the key.

def policy_version(db: sqlite_utils.Database) -> str:
    """Changes whenever a position is added or corrected or a lever edited (positions are
    append-only, so the largest id and the corrections are enough), and when a person is erased:
    the cache key of everything derived from policy data."""
    last = db.execute("select coalesce(max(id), 0) from positions").fetchone()[0]
    # Through the partial index positions_corrected: as cheap as the max(id) above.
    corrected = db.execute("select count(*), max(corrected_at) from positions"
                           " where corrected_at is not null").fetchone()
    lever_state = db.execute(
        "select group_concat(id || '|' || coalesce(goal, '') || '|' || coalesce(goal_rule, '') "
        "|| '|' || coalesce(legal_max, '') || '|' || active || '|' || name, ';') from levers"
    ).fetchone()[0]
    return (f"{last}:{corrected[0]}:{corrected[1]}:{hashlib.sha1((lever_state or '').encode()).hexdigest()[:12]}:"
            f"{last_erasure(db)}")


def activity_version(db: sqlite_utils.Database) -> str:
    """Changes when meetings or documents are added or edited, or a person is erased."""
    row = db.execute(
        "select (select count(*) from meetings), (select max(updated_at) from meetings), "
        "(select count(*) from documents), (select max(updated_at) from documents)"
    ).fetchone()
    return ":".join(str(v) for v in (*row, last_erasure(db)))


def status_counts(statuses: dict[str, dict[str, dict]], lever_id: str) -> dict[str, int]:
    """{status code: number of municipalities} for one lever, every code present."""
    counts = dict.fromkeys(STATUS_ORDER, 0)
    over = 0
    for cells in statuses.values():
        status = cells[lever_id]["status"]
        counts[status.code] += 1
        over += status.over_legal_limit
    counts["over_lovens_grense"] = over
    return counts


def goal_summary(statuses: dict[str, dict[str, dict]], levers: list[dict]) -> list[dict]:
    """Per lever: municipalities meeting the goal, partly, far, unknown; count and share."""
    rows = []
    total = len(statuses)
    for lever in levers:
        counts = status_counts(statuses, lever["id"])
        known = total - counts["ukjent"]
        rows.append({
            "lever_id": lever["id"], "lever": lever["name"], "municipalities": total,
            "known": known, "meets": counts["oppfyller"], "partly": counts["delvis"],
            "far": counts["langt_unna"], "unknown": counts["ukjent"],
            "over_limit": counts["over_lovens_grense"],
            "share_meets": counts["oppfyller"] / total if total else 0.0,
            "share_meets_known": counts["oppfyller"] / known if known else None,
        })
    return rows


def goal_by_county(db: sqlite_utils.Database, statuses: dict[str, dict[str, dict]],
                   lever_id: str) -> list[dict]:
    """For one lever, per county: municipalities meeting the goal, count and share."""
    counties = {r["fylkesnummer"]: r["navn"] for r in db.query(
        "select fylkesnummer, navn from counties")}
    county_of = dict(db.execute("select kommunenummer, fylkesnummer from municipalities"))
    rows: dict[str, dict] = {}
    for knr, cells in statuses.items():
        f = county_of[knr]
        row = rows.setdefault(f, {"fylkesnummer": f, "fylke": counties[f], "municipalities": 0,
                                  "meets": 0, "partly": 0, "far": 0, "unknown": 0})
        row["municipalities"] += 1
        code = cells[lever_id]["status"].code
        key = {"oppfyller": "meets", "delvis": "partly", "langt_unna": "far"}.get(code, "unknown")
        row[key] += 1
    for row in rows.values():
        row["share_meets"] = row["meets"] / row["municipalities"]
    return [rows[k] for k in sorted(rows)]


def recent_changes(
    db: sqlite_utils.Database, today: dt.date | None = None, days: int = 90,
    fylkesnummer: str | None = None, lever_id: str | None = None, limit: int = 500,
) -> list[dict]:
    """Positions decided in the last `days` days with the value they replaced, newest first.
    Corrected rows are neither a change nor the value replaced."""
    today = today or dt.date.today()
    where = ["p.decided_on >= :since", "p.decided_on <= :today", f"p.{VALID}"]
    params = {"since": (today - dt.timedelta(days=days)).isoformat(),
              "today": today.isoformat(), "limit": limit}
    if fylkesnummer:
        where.append("m.fylkesnummer = :f")
        params["f"] = fylkesnummer
    if lever_id:
        where.append("p.lever_id = :l")
        params["l"] = lever_id
    return list(db.query(
        f"""select p.decided_on, p.kommunenummer, m.navn as kommune, l.name as lever,
                   l.value_type, p.value,
                   (select prev.value from positions prev where prev.id =
                    {latest_id("p.kommunenummer", "p.lever_id", before="p")}) as previous_value,
                   p.source
            from positions p
            join municipalities m on m.kommunenummer = p.kommunenummer
            join levers l on l.id = p.lever_id
            where {' and '.join(where)}
            order by p.decided_on desc, p.id desc limit :limit""",  # noqa: S608 - fixed text
        params,
    ))


def shown_changes(
    db: sqlite_utils.Database, today: dt.date | None = None, fylkesnummer: str | None = None,
    limit: int = 500,
) -> list[dict]:
    """recent_changes with the values as people read them ("02:00", "ja"): "previous", "shown"."""
    rows = recent_changes(db, today, fylkesnummer=fylkesnummer, limit=limit)
    for row in rows:
        row["shown"] = display(row["value_type"], row["value"])
        row["previous"] = display(row["value_type"], row["previous_value"])
    return rows


def meetings_per_chapter_month(
    db: sqlite_utils.Database, today: dt.date | None = None, months: int = 12,
    fylkesnummer: str | None = None,
) -> list[dict]:
    """Meetings per chapter per calendar month over the last `months` months (counts only)."""
    today = today or dt.date.today()
    first = dt.date(today.year, today.month, 1)
    for _ in range(months - 1):
        first = (first - dt.timedelta(days=1)).replace(day=1)
    where, params = "mt.held_on >= :first", {"first": first.isoformat()}
    if fylkesnummer:
        where += " and m.fylkesnummer = :f"
        params["f"] = fylkesnummer
    return list(db.query(
        f"""select c.name as chapter, substr(mt.held_on, 1, 7) as month, count(*) as meetings
            from meetings mt join chapters c on c.id = mt.chapter_id
            join municipalities m on m.kommunenummer = mt.kommunenummer
            where {where}
            group by c.name, month order by month, c.name""",  # noqa: S608 - fixed text
        params,
    ))


def busiest_chapters(rows: list[dict], keep: int = 10) -> list[dict]:
    """`meetings_per_chapter_month` rows with all but the `keep` busiest chapters summed into
    one «Andre lokallag» per month: a chart of 200 chapters has 200 colours nobody can tell
    apart (the table keeps every chapter)."""
    totals: dict[str, int] = {}
    for row in rows:
        totals[row["chapter"]] = totals.get(row["chapter"], 0) + row["meetings"]
    busiest = set(sorted(totals, key=lambda c: (-totals[c], c))[:keep])
    if len(totals) <= keep:
        return [dict(r) for r in rows]
    out: dict[tuple[str, str], int] = {}
    for row in rows:
        chapter = row["chapter"] if row["chapter"] in busiest else texts.OTHER_CHAPTERS
        out[(row["month"], chapter)] = out.get((row["month"], chapter), 0) + row["meetings"]
    return [{"chapter": chapter, "month": month, "meetings": n}
            for (month, chapter), n in sorted(out.items())]


def chapters_by_month(rows: list[dict]) -> tuple[list[dict], dict[str, str]]:
    """`meetings_per_chapter_month` rows as one row per chapter and one column per month
    (200 rows instead of 2,400 nationally, and readable across): (rows, {month: heading})."""
    months = sorted({r["month"] for r in rows})
    table: dict[str, dict] = {}
    for row in rows:
        table.setdefault(row["chapter"], {"chapter": row["chapter"]})[row["month"]] = \
            row["meetings"]
    out = [{m: 0 for m in months} | table[c] for c in sorted(table)]
    for row in out:
        row["total"] = sum(row[m] for m in months)
    headings = {m: texts.format_date(dt.date(int(m[:4]), int(m[5:7]), 1), "MMM y")
                for m in months}
    return out, headings


def letters_per_quarter(
    db: sqlite_utils.Database, fylkesnummer: str | None = None
) -> list[dict]:
    """Published reader letters and op-eds per quarter ("2026 K1")."""
    where, params = "", {}
    if fylkesnummer:
        where = "and m.fylkesnummer = :f"
        params["f"] = fylkesnummer
    return list(db.query(
        f"""select substr(d.published_on, 1, 4) || ' K' ||
                   ((cast(substr(d.published_on, 6, 2) as integer) + 2) / 3) as quarter,
                   sum(d.kind = 'leserinnlegg') as leserinnlegg,
                   sum(d.kind = 'kronikk') as kronikk, count(*) as total
            from documents d left join municipalities m on m.kommunenummer = d.kommunenummer
            where d.kind in ('leserinnlegg', 'kronikk') and d.status = 'publisert'
              and d.published_on is not null {where}
            group by quarter order by quarter""",  # noqa: S608 - fixed text
        params,
    ))
