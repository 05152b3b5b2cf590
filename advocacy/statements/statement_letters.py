"""A statement as a Word document: the merge fields of letters/templates/uttalelse.docx, the
provenance line ("LO i Oslos styremøte 19. april 2021:"), and the adopted version kept.

Rendering goes only through `advocacy.documents.render` (the sandboxed engine); the context is
plain data built from the statement's row. The .docx of the adopted version is stored in
`documents` (kind 'uttalelse', status 'vedtatt'), so the organisation can always open exactly
what was adopted, whatever happens to the template later.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import sqlite_utils

from advocacy import texts
from advocacy.accounts.accounts import User
from advocacy.documents import BUNDLED, TemplateError, document_filename, render, to_html
from advocacy.documents.errors import MissingFields, UnsafeContext
from advocacy.errors import ValidationError
from advocacy.letters import document_rows
from advocacy.statements import statement_rows

TEMPLATE = BUNDLED["uttalelse"]


def _date(value) -> dt.date | None:
    if not value:
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def provenance_parts(statement: dict) -> tuple[str, dt.date | str]:
    """(body, date) for the line above the statement. Before adoption it says it is a draft."""
    body = (statement.get("adopted_by") or "").strip()
    if statement.get("adopted_on"):
        return body, _date(statement["adopted_on"])
    draft = texts.STATEMENT_DRAFT_PROVENANCE.format(body=body) if body else texts.STATEMENT_DRAFT_ONLY
    # The template prints "{{ vedtatt_av }} {{ vedtaksdato }}:", so the date part is never empty.
    return draft, _date(statement.get("meeting_date")) or texts.STATEMENT_NO_DATE


def provenance_line(statement: dict) -> str:
    """ "LO i Oslos styremøte 19. april 2021:" — as the template prints it."""
    body, date = provenance_parts(statement)
    shown = texts.format_date(date) if isinstance(date, dt.date) else date
    return f"{body} {shown}:"


def statement_context(statement: dict) -> dict[str, Any]:
    """The template's merge fields from a statement row (plain data only)."""
    body, date = provenance_parts(statement)
    return {
        "tittel": statement.get("title") or "",
        "vedtatt_av": body,
        "vedtaksdato": date,
        "standpunkt": statement.get("position") or "",
        "begrunnelse": statement.get("grounds") or "",
        "krav_mottaker": statement.get("demands_to") or texts.STATEMENT_DEFAULT_DEMANDS_TO,
        "krav": statement_rows.demands_list(statement.get("demands")),
        "forbehold": statement.get("reservations") or "",
        "kontaktperson": statement.get("contact") or "",
    }


def render_statement(statement: dict) -> bytes:
    """The filled-in uttalelse.docx. Raises ValidationError with the engine's message."""
    try:
        return render(TEMPLATE.path, statement_context(statement))
    except (TemplateError, MissingFields, UnsafeContext) as exc:
        raise ValidationError(texts.STATEMENT_RENDER_FAILED.format(reason=exc)) from exc


def render_adopted(statement: dict) -> tuple[bytes, dict]:
    """The adopted document and the fields it was filled with (stored alongside it)."""
    context = statement_context(statement)
    fields = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in context.items()}
    return render_statement(statement), fields


def preview_html(statement: dict) -> str:
    """The statement as safe HTML for `st.html`."""
    return to_html(render_statement(statement))


def filename(statement: dict) -> str:
    when = _date(statement.get("adopted_on") or statement.get("meeting_date"))
    version = statement.get("version") or 1
    return document_filename(when, "uttalelse", statement.get("title"),
                             f"v{version}" if version > 1 else None)


def store_adopted(
    db: sqlite_utils.Database, user: User, statement: dict, docx: bytes, fields: dict
) -> int:
    """Inside the adoption's write: keep the adopted .docx as a document."""
    return document_rows.insert(
        db,
        {
            "kind": "uttalelse",
            "title": statement["title"],
            "template": TEMPLATE.path.name,
            "fields": json.dumps(fields, ensure_ascii=False),
            "body": "\n\n".join(
                part for part in (statement.get("position"), statement.get("grounds")) if part
            ),
            "status": "vedtatt",
            "statement_id": statement["id"],
            "chapter_id": statement.get("chapter_id"),
            "author_id": user.id,
            "docx": docx,
        },
    )


def adopted_docx(db: sqlite_utils.Database, user: User, statement_id: int) -> bytes | None:
    """The stored .docx of the adopted version, or None if there is none (e.g. demo rows)."""
    statement_rows.readable(db, user, statement_id)
    row = db.execute(
        "select docx from documents where kind = 'uttalelse' and statement_id = ?"
        " and status = 'vedtatt' and docx is not null order by id desc limit 1",
        [statement_id],
    ).fetchone()
    return bytes(row[0]) if row else None
