"""The municipalities and their policy profile: levers, dated positions, status.

The directory (search and county filter), then the current position of every lever (the last
decided, then last recorded, row of the append-only `positions` table that is not corrected:
`current_positions`) and its status against law and goal (the rule is in `policy_status`).
Current positions are found with one indexed lookup per municipality and lever
(`positions_valid`), never by reading the whole history, so the cost stays flat as the history
grows.
"""

from __future__ import annotations

import sqlite_utils

from advocacy import texts
from advocacy.policy import policy_status
from advocacy.policy.current_positions import VALID, latest_id
from advocacy.texts import municipality_name


def counties(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query("select fylkesnummer, navn from counties order by fylkesnummer"))


def list_municipalities(
    db: sqlite_utils.Database, search: str = "", fylkesnummer: str | None = None
) -> list[dict]:
    """Municipalities in kommunenummer order, filtered by a name or number fragment and county.

    The search matches the official name, the Norwegian form of a Sami name and the number, so
    "Tana", "Deatnu" and "5628" all find the same municipality.
    """
    where, params = ["1 = 1"], []
    search = search.strip()
    if search:
        where.append(
            "(m.navn like :q or coalesce(m.navn_norsk, '') like :q or m.kommunenummer like :q)"
        )
        params.append(("q", f"%{search}%"))
    if fylkesnummer:
        where.append("m.fylkesnummer = :f")
        params.append(("f", fylkesnummer))
    rows = db.query(
        f"""select m.kommunenummer, m.navn, m.navn_norsk, m.fylkesnummer, c.navn as fylke,
                   (select count(distinct p.lever_id) from positions p
                    where p.kommunenummer = m.kommunenummer and p.{VALID}) as levers_known,
                   (select max(p.decided_on) from positions p
                    where p.kommunenummer = m.kommunenummer and p.{VALID}) as last_decided
            from municipalities m join counties c using (fylkesnummer)
            where {' and '.join(where)}
            order by m.kommunenummer""",  # noqa: S608 - only fixed fragments are joined
        dict(params),
    )
    return [{**row, "visningsnavn": municipality_name(row["navn"], row["navn_norsk"])}
            for row in rows]


def names(db: sqlite_utils.Database, fylkesnummer: str | None = None) -> dict[str, str]:
    """kommunenummer -> display name, in number order: for choosers and labels, without the
    per-municipality position counts of list_municipalities."""
    rows = db.execute(
        "select kommunenummer, navn, navn_norsk from municipalities "
        "where :f is null or fylkesnummer = :f order by kommunenummer", {"f": fylkesnummer})
    return {knr: municipality_name(navn, norsk) for knr, navn, norsk in rows}


def levers(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query("select * from levers where active = 1 order by sort_order, id"))


def get_municipality(db: sqlite_utils.Database, kommunenummer: str) -> dict | None:
    rows = list(db.query(
        """select m.kommunenummer, m.navn, m.navn_norsk, m.fylkesnummer, c.navn as fylke
           from municipalities m join counties c using (fylkesnummer)
           where m.kommunenummer = ?""", [kommunenummer]))
    if not rows:
        return None
    return {**rows[0], "visningsnavn": municipality_name(rows[0]["navn"], rows[0]["navn_norsk"])}


# The current position per (municipality, lever): an index seek on positions_valid each.
_CURRENT_SQL = f"""
select m.kommunenummer, l.id as lever_id, p.value, p.decided_on, p.source, p.recorded_at
from municipalities m
cross join levers l
left join positions p on p.id = {latest_id("m.kommunenummer", "l.id")}
where l.active = 1 and {{where}}
"""  # noqa: S608 - fixed fragments


def current_values(
    db: sqlite_utils.Database,
    fylkesnummer: str | None = None,
    kommunenummer: str | None = None,
    lever_ids: list[str] | None = None,
) -> dict[tuple[str, str], dict | None]:
    """{(kommunenummer, lever_id): current position or None} for the chosen municipalities.

    Weekend levers are fetched with their weekday lever, so the fallback can be applied.
    """
    where, params = ["1 = 1"], {}
    if fylkesnummer:
        where.append("m.fylkesnummer = :f")
        params["f"] = fylkesnummer
    if kommunenummer:
        where.append("m.kommunenummer = :k")
        params["k"] = kommunenummer
    if lever_ids:
        wanted = set(lever_ids) | {policy_status.weekday_lever(i) for i in lever_ids} - {None}
        names = {f"l{n}": lever for n, lever in enumerate(sorted(wanted))}
        where.append(f"l.id in ({', '.join(':' + k for k in names)})")
        params.update(names)
    result = {}
    for row in db.query(_CURRENT_SQL.format(where=" and ".join(where)), params):
        position = None if row["value"] is None else {
            k: row[k] for k in ("value", "decided_on", "source", "recorded_at")}
        result[(row["kommunenummer"], row["lever_id"])] = position
    return result


def statuses(
    db: sqlite_utils.Database,
    levers: list[dict],
    fylkesnummer: str | None = None,
    kommunenummer: str | None = None,
) -> dict[str, dict[str, dict]]:
    """{kommunenummer: {lever_id: cell}} where a cell holds value, decided_on, source, the
    Status, and whether the value was inherited from the weekday lever."""
    values = current_values(db, fylkesnummer, kommunenummer, [lv["id"] for lv in levers])
    by_municipality: dict[str, dict[str, dict | None]] = {}
    for (knr, lever_id), position in values.items():
        by_municipality.setdefault(knr, {})[lever_id] = position
    result = {}
    for knr, positions in by_municipality.items():
        resolved = policy_status.with_fallback(positions)
        cells = {}
        for lever in levers:
            position, inherited = resolved.get(lever["id"], (None, False))
            value = position["value"] if position else None
            cells[lever["id"]] = {
                "value": value,
                "shown_value": policy_status.display(lever["value_type"], value),
                "decided_on": position["decided_on"] if position else None,
                "source": position["source"] if position else None,
                "status": policy_status.status(lever, value, inherited=inherited),
            }
        result[knr] = cells
    return result


def profile(db: sqlite_utils.Database, kommunenummer: str) -> list[dict]:
    """One row per active lever for one municipality: value, law, goal, status, date, source."""
    levers = list(db.query("select * from levers where active = 1 order by sort_order, id"))
    cells = statuses(db, levers, kommunenummer=kommunenummer).get(kommunenummer, {})
    rows = []
    for lever in levers:
        cell = cells[lever["id"]]
        vt = lever["value_type"]
        status = cell["status"]
        rows.append({
            "lever_id": lever["id"], "lever": lever["name"], "category": lever["category"],
            "section": lever["section"], "value_type": vt,
            "value": cell["shown_value"] + (
                f" ({texts.INHERITED_FROM_WEEKDAY})" if status.inherited else ""),
            "legal_normal": policy_status.display(vt, lever["legal_normal"]),
            "legal_max": policy_status.display(vt, lever["legal_max"]),
            "goal": policy_status.display(vt, lever["goal"]),
            "goal_rule": lever["goal_rule"],
            "status": status.code, "status_text": status.text,
            "over_legal_limit": status.over_legal_limit,
            "decided_on": cell["decided_on"], "source": cell["source"],
        })
    return rows
