"""Personal data: what the app holds about one person, and who is due for erasure.

Two kinds of people are in the database: politicians (the directory, their stances, the meetings
they attended, letters and statements sent to them) and volunteers (accounts, and what they
wrote, logged and changed). `export_politician` / `export_user` gather everything about one
person under Norwegian headings, for a data-protection request (GDPR art. 15); `as_json` and
`as_text` make the file. `retention_list` names politicians out of office and volunteers
inactive for over a year, for leadership to review and erase (erasure.py).

Leadership may export anyone; a volunteer may export their own data.
"""

from __future__ import annotations

import datetime as dt
import json

import sqlite_utils

from advocacy import clock, texts
from advocacy.accounts.accounts import User, get_user
from advocacy.errors import ValidationError
from advocacy.permissions import ensure_permission
from advocacy.privacy.trash_privacy import export_rows

RETENTION_DAYS = 365
# Where a volunteer's id stands in the rows of other records (for the papirkurv in an export).
USER_COLUMNS = ("created_by", "author_id", "followup_owner_id", "recorded_by", "uploaded_by",
                "proposed_by", "decided_by", "user_id", "sent_by")


def _rows(db: sqlite_utils.Database, sql: str, params) -> list[dict]:
    return [dict(r) for r in db.query(sql, params)]


def _audit_rows(db, where: str, params) -> list[dict]:
    return _rows(db, f"""select a.at as tidspunkt, coalesce(u.full_name, 'system') as hvem,
                                a.action as handling, a.table_name as tabell, a.row_id as rad,
                                a.changes as felt
                         from audit_log a left join users u on u.id = a.user_id
                         where {where} order by a.id""", params)  # noqa: S608 - fixed fragments


def export_politician(db: sqlite_utils.Database, acting: User, politician_id: int) -> dict:
    """Everything about one politician: directory row, stances, meetings attended, letters and
    statements sent to them, answers recorded, and the change log of their rows."""
    ensure_permission(acting, "privacy.admin")
    person = next(db.query(
        """select p.*, m.navn as kommune, coalesce(parties.name, p.party_text) as parti
           from politicians p join municipalities m using (kommunenummer)
           left join parties on parties.code = p.party_code where p.id = ?""",
        [politician_id]), None)
    if person is None:
        raise ValidationError(texts.POLITICIAN_NOT_FOUND)
    stances = _rows(db, """select coalesce(l.name, s.topic) as sak, s.stance as standpunkt,
                                  s.stated_on as dato, s.source as kilde, s.recorded_at as registrert
                           from stances s left join levers l on l.id = s.lever_id
                           where s.politician_id = ? order by s.stated_on, s.id""", [politician_id])
    for row in stances:
        row["standpunkt"] = texts.STANCES.get(row["standpunkt"], row["standpunkt"])
    meetings = _rows(db, """select mt.id as nr, mt.held_on as dato, mt.kind as type,
                                   c.name as lokallag, mt.summary as sammendrag,
                                   mt.topics as tema, mt.asks as krav, mt.promises as lovnader,
                                   mt.outcome as resultat
                            from meeting_politicians mp join meetings mt on mt.id = mp.meeting_id
                            join chapters c on c.id = mt.chapter_id
                            where mp.politician_id = ? order by mt.held_on""", [politician_id])
    for row in meetings:
        row["type"] = texts.MEETING_KINDS.get(row["type"], row["type"])
    documents = _rows(db, """select id as nr, kind as type, title as tittel, status,
                                    sent_on as sendt, fields as flettefelt, body as tekst
                             from documents where politician_id = ? order by id""",
                      [politician_id])
    for row in documents:
        row["flettefelt"] = json.loads(row["flettefelt"] or "{}")
    sent = _rows(db, """select s.title as uttalelse, r.name as mottaker, r.sent_on as sendt
                        from statement_recipients r join statements s on s.id = r.statement_id
                        where r.politician_id = ? order by r.sent_on""", [politician_id])
    answers = _rows(db, """select s.title as uttalelse, a.responder as svar_fra,
                                  a.responded_on as dato, a.summary as svar
                           from statement_responses a join statement_recipients r
                                on r.id = a.recipient_id
                           join statements s on s.id = a.statement_id
                           where r.politician_id = ? order by a.responded_on""", [politician_id])
    stance_ids = [str(r[0]) for r in db.execute(
        "select id from stances where politician_id = ?", [politician_id])]
    log = _audit_rows(
        db, "(a.table_name = 'politicians' and a.row_id = :id) or (a.table_name = 'stances' "
            "and a.row_id in (select value from json_each(:stances)))",
        {"id": str(politician_id), "stances": json.dumps(stance_ids)})
    return {
        "type": "politiker",
        "eksportert": _now(),
        "personopplysninger": {
            "Navn": person["name"], "Parti": person["parti"], "Kommune": person["kommune"],
            "Rolle": texts.POLITICIAN_ROLES.get(person["role"], person["role"]),
            "Utvalg": person["committee"], "Periode": person["term"], "E-post": person["email"],
            "Telefon": person["phone"], "Notater": person["notes"],
            "I vervet": "ja" if person["in_office"] else "nei",
            "Gikk ut av vervet": person["left_office_on"], "Registrert": person["created_at"],
            "Sist endret": person["updated_at"],
        },
        "standpunkter": stances,
        "møter": meetings,
        "brev til personen": documents,
        "uttalelser sendt til personen": sent,
        "svar fra personen": answers,
        "endringslogg": log,
        texts.TRASH_EXPORT_SECTION: export_rows(db, "politicians", ("politician_id",),
                                                politician_id),
    }


def export_user(db: sqlite_utils.Database, acting: User, user_id: int) -> dict:
    """Everything about one volunteer: account (never the password hash), chapter, documents
    written, meetings logged, follow-ups owned, status changes made, and the change log."""
    if acting.id != user_id:
        ensure_permission(acting, "privacy.admin")
    person = next(db.query(
        """select u.*, c.name as chapter from users u left join chapters c on c.id = u.chapter_id
           where u.id = ?""", [user_id]), None)
    if person is None:
        raise ValidationError(texts.USER_UNKNOWN)
    documents = _rows(db, """select id as nr, kind as type, title as tittel, status,
                                    created_at as opprettet, sent_on as sendt
                             from documents where author_id = ? order by id""", [user_id])
    meetings = _rows(db, """select mt.id as nr, mt.held_on as dato, c.name as lokallag,
                                   mt.summary as sammendrag,
                                   case when mt.created_by = :u then 'ja' else 'nei' end
                                       as registrert_av_personen,
                                   case when mt.followup_owner_id = :u then 'ja' else 'nei' end
                                       as ansvarlig_for_oppfolging
                            from meetings mt join chapters c on c.id = mt.chapter_id
                            where mt.created_by = :u or mt.followup_owner_id = :u
                            order by mt.held_on""", {"u": user_id})
    history = _rows(db, """select h.at as tidspunkt, s.title as uttalelse,
                                  h.from_status as fra, h.to_status as til, h.note as merknad
                           from statement_history h join statements s on s.id = h.statement_id
                           where h.user_id = ? order by h.id""", [user_id])
    return {
        "type": "bruker",
        "eksportert": _now(),
        "personopplysninger": {
            "Brukernavn": person["username"], "Navn": person["full_name"],
            "Rolle": texts.ROLE_LABELS.get(person["role"], person["role"]),
            "Lokallag": person["chapter"], "Tittel": person["title"],
            "E-post": person["email"], "Telefon": person["phone"], "Sted": person["place"],
            "Aktiv": "ja" if person["active"] else "nei", "Opprettet": person["created_at"],
            "Sist innlogget": person["last_login_at"],
        },
        "dokumenter skrevet": documents,
        "møter registrert eller fulgt opp": meetings,
        "statusendringer på uttalelser": history,
        "endringslogg (endringer gjort av personen)": _audit_rows(db, "a.user_id = ?", [user_id]),
        "endringslogg (endringer av kontoen)": _audit_rows(
            db, "a.table_name = 'users' and a.row_id = ?", [str(user_id)]),
        texts.TRASH_EXPORT_SECTION: export_rows(db, "users", USER_COLUMNS, user_id),
    }


def as_json(data: dict) -> bytes:
    """The export as indented UTF-8 JSON (readable in any text editor)."""
    return json.dumps(data, ensure_ascii=False, indent=2, default=str).encode("utf-8")


def as_text(data: dict) -> bytes:
    """The export as a plain text report with Norwegian headings."""
    title = texts.PRIVACY_EXPORT_TITLE.format(kind=data["type"])
    lines = [title, "=" * len(title), f"Eksportert: {texts.format_datetime(data['eksportert'])}"]
    for section, value in data.items():
        if section in ("type", "eksportert"):
            continue
        lines += ["", section.capitalize(), "-" * len(section)]
        if isinstance(value, dict):
            lines += [f"{k}: {_plain(v)}" for k, v in value.items()]
        elif not value:
            lines.append("(ingen)")
        else:
            for number, row in enumerate(value, start=1):
                lines.append(f"{number}.")
                lines += [f"   {k}: {_plain(v)}" for k, v in row.items()]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _plain(value) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value).replace("\n", "\n      ")


def export_filename(data: dict, extension: str) -> str:
    return f"personopplysninger-{data['type']}-{dt.date.today().isoformat()}.{extension}"


def retention_list(
    db: sqlite_utils.Database, acting: User, today: dt.date | None = None
) -> list[dict]:
    """Who is due for review: politicians out of office and volunteers who have not logged in
    for over a year. Already erased accounts and the acting user are left out."""
    ensure_permission(acting, "privacy.admin")
    cutoff = ((today or dt.date.today()) - dt.timedelta(days=RETENTION_DAYS)).isoformat()
    politicians = _rows(db, """
        select 'politiker' as kind, p.id, p.name, m.navn as place,
               coalesce(p.left_office_on, substr(p.updated_at, 1, 10)) as since
        from politicians p join municipalities m using (kommunenummer)
        where p.in_office = 0 and coalesce(p.left_office_on, substr(p.updated_at, 1, 10)) < :c
        order by since, p.name""", {"c": cutoff})
    users = _rows(db, """
        select 'bruker' as kind, u.id, u.full_name as name, c.name as place,
               coalesce(substr(u.last_login_at, 1, 10), substr(u.created_at, 1, 10)) as since
        from users u left join chapters c on c.id = u.chapter_id
        where coalesce(substr(u.last_login_at, 1, 10), substr(u.created_at, 1, 10)) < :c
          and u.username not like 'slettet-%' and u.id != :me
        order by since, u.full_name""", {"c": cutoff, "me": acting.id})
    for row in politicians:
        row["reason"] = texts.RETENTION_POLITICIAN
    for row in users:
        row["reason"] = texts.RETENTION_USER
    return politicians + users


def require_can_erase(acting: User, kind: str, person_id: int) -> None:
    ensure_permission(acting, "privacy.admin")
    if kind == "bruker" and person_id == acting.id:
        raise ValidationError(texts.PRIVACY_CANNOT_ERASE_SELF)


def _now() -> str:
    return clock.stamp()


def own_export_text(db: sqlite_utils.Database, user_id: int) -> bytes:
    """A user's own export as text. The Personvern page's download button calls it when
    clicked, not on every rerun (the export reads every table that may mention the user); the
    user is read again then, so one deactivated since the page was drawn gets nothing."""

    user = get_user(db, user_id)
    if user is None:
        raise ValidationError(texts.NOT_ALLOWED)
    return as_text(export_user(db, user, user_id))
