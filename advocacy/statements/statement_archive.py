"""The statements archive: search by text, body, year and lever; one statement with where it
was sent, what came back, its versions and its status history.

Read-only; who may read what is «statement.read» (permissions): leadership all, a chapter its
own drafts, everyone the adopted and sent statements.
"""

from __future__ import annotations

import sqlite_utils

from advocacy import corrections, texts
from advocacy.accounts.accounts import User
from advocacy.permissions import allowed, read_scope
from advocacy.statements import statement_corrections, statement_rows
from advocacy.statements.statement_letters import provenance_line


def search_statements(
    db: sqlite_utils.Database,
    user: User,
    *,
    text: str = "",
    body: str = "",
    year: int | None = None,
    lever_id: str | None = None,
    status: str | None = None,
    limit: int = 500,
) -> list[dict]:
    """Statements the user may read, newest first, with recipients and responses counted."""
    where, params = read_scope(user, "statement.read")
    clauses = [where]
    if text.strip():
        clauses.append(
            "(s.title || ' ' || coalesce(s.position, '') || ' ' || coalesce(s.grounds, '') || ' '"
            " || coalesce(s.demands, '') || ' ' || coalesce(s.reservations, '')) like :text"
            " escape '\\'"
        )
        params["text"] = f"%{_like(text.strip())}%"
    if body.strip():
        clauses.append("s.adopted_by like :body escape '\\'")
        params["body"] = f"%{_like(body.strip())}%"
    if year:
        clauses.append("substr(coalesce(s.adopted_on, s.meeting_date, s.created_at), 1, 4) = :year")
        params["year"] = f"{int(year):04d}"
    if lever_id:
        clauses.append(
            "exists (select 1 from statement_levers sl where sl.statement_id = s.id"
            " and sl.lever_id = :lever)"
        )
        params["lever"] = lever_id
    if status:
        clauses.append("s.status = :status")
        params["status"] = status
    return list(
        db.query(
            f"""select s.id, s.title, s.adopted_by, s.adopted_on, s.meeting_date, s.status,
                       s.version, s.parent_id, s.corrected_at, c.name as chapter,
                       (select count(*) from statement_recipients r
                        where r.statement_id = s.id) as recipients,
                       (select count(*) from statement_responses a
                        where a.statement_id = s.id) as responses,
                       (select max(n.id) from statements n where n.parent_id = s.id
                        and n.corrected_at is null) as newer_version_id,
                       (select group_concat(l.name, ', ') from statement_levers sl
                        join levers l on l.id = sl.lever_id where sl.statement_id = s.id)
                           as levers
                from statements s left join chapters c on c.id = s.chapter_id
                where {" and ".join(clauses)}
                order by coalesce(s.adopted_on, s.meeting_date, s.created_at) desc, s.id desc
                limit :limit""",  # noqa: S608 - only fixed fragments are joined
            {**params, "limit": limit},
        )
    )


def _like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def statement_detail(db: sqlite_utils.Database, user: User, statement_id: int) -> dict:
    """Everything the page shows about one statement. Raises PermissionDenied if unreadable."""
    row = statement_rows.readable(db, user, statement_id)
    row["provenance"] = provenance_line(row)
    row["chapter"] = _one(db, "select name from chapters where id = ?", row["chapter_id"])
    row["levers"] = list(db.query(
        "select l.id, l.name from statement_levers sl join levers l on l.id = sl.lever_id"
        " where sl.statement_id = ? order by l.sort_order", [statement_id]))
    row["municipalities"] = list(db.query(
        "select m.kommunenummer, m.navn from statement_municipalities sm join municipalities m"
        " using (kommunenummer) where sm.statement_id = ? order by m.navn", [statement_id]))
    row["recipients"] = list(db.query(
        "select id, kind, name, sent_on from statement_recipients where statement_id = ?"
        " order by sent_on, id", [statement_id]))
    row["responses"] = list(db.query(
        """select a.id, a.responder, a.responded_on, a.summary, r.name as recipient
           from statement_responses a left join statement_recipients r on r.id = a.recipient_id
           where a.statement_id = ? order by a.responded_on, a.id""", [statement_id]))
    row["history"] = list(db.query(
        """select h.from_status, h.to_status, h.at, coalesce(u.full_name, h.username) as who,
                  h.note
           from statement_history h left join users u on u.id = h.user_id
           where h.statement_id = ? order by h.id""", [statement_id]))
    row["versions"] = [v for v in versions(db, statement_id) if allowed(user, "statement.read", v)]
    counting = [v["id"] for v in row["versions"] if not v["corrected_at"]]
    row["newest_version_id"] = (counting or [v["id"] for v in row["versions"]] or [None])[-1]
    row["document_id"] = _one(
        db, "select max(id) from documents where kind = 'uttalelse' and statement_id = ?"
        " and status = 'vedtatt' and docx is not null", statement_id)
    row["can_edit"] = allowed(user, "statement.edit", row)
    row["correction"] = statement_corrections.correction_of(db, row)
    return row


def versions(db: sqlite_utils.Database, statement_id: int) -> list[dict]:
    """Every version in the chain this statement belongs to, oldest first; a corrected one
    with its «Rettet: …» mark in `correction`."""
    rows = list(db.query(
        """with recursive up(id, parent_id) as (
               select id, parent_id from statements where id = :id
               union select s.id, s.parent_id from statements s join up on s.id = up.parent_id),
           root(id) as (select id from up where parent_id is null),
           down(id) as (
               select id from root
               union select s.id from statements s join down on s.parent_id = down.id)
           select s.id, s.version, s.status, s.adopted_on, s.chapter_id, s.title,
                  s.corrected_at, s.correction_reason, u.full_name as corrected_by
           from statements s join down using (id) left join users u on u.id = s.corrected_by
           order by s.version, s.id""",
        {"id": statement_id}))
    return [{**r, "correction": corrections.mark(r, r["corrected_by"])} for r in rows]


def _one(db, sql: str, *params):
    row = db.execute(sql, list(params)).fetchone()
    return row[0] if row else None


# Choices for the forms


def lever_choices(db: sqlite_utils.Database) -> dict[str, str]:
    return {r["id"]: r["name"] for r in db.query(
        "select id, name from levers where active = 1 order by sort_order, name")}


def municipality_choices(db: sqlite_utils.Database) -> dict[str, str]:
    return {r["kommunenummer"]: f"{texts.municipality_name(r['navn'], r['navn_norsk'])}"
            f" ({r['kommunenummer']})"
            for r in db.query("select kommunenummer, navn, navn_norsk from municipalities"
                              " order by navn")}


def recipient_choices(db: sqlite_utils.Database, kommunenummer=()) -> dict[str, dict]:
    """Politicians (of the statement's municipalities, if any), parties and newspapers."""
    knrs = list(kommunenummer)
    where = f"where p.in_office = 1 and p.kommunenummer in ({', '.join('?' * len(knrs))})" \
        if knrs else "where p.in_office = 1"
    politicians = {
        r["id"]: f"{r['name']} ({r['party'] or '–'}, {r['kommune']})"
        for r in db.query(
            f"""select p.id, p.name, coalesce(pa.abbreviation, p.party_text) as party,
                       m.navn as kommune
                from politicians p left join parties pa on pa.code = p.party_code
                join municipalities m on m.kommunenummer = p.kommunenummer
                {where} order by m.navn, p.name limit 2000""",  # noqa: S608
            knrs)
    }
    return {
        "politiker": politicians,
        "parti": {r["code"]: f"{r['name']} ({r['abbreviation']})"
                  for r in db.query("select code, name, abbreviation from parties order by name")},
        "avis": {r["id"]: r["name"] for r in db.query("select id, name from newspapers"
                                                       " order by name")},
    }
