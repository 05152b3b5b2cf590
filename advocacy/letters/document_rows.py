"""The `documents` table: the one module that writes it, its one state machine and its one check
that nobody changed a row meanwhile. Who may change a document is `permissions`
(«document.edit»).

Every document (a follow-up letter, a reader letter or op-ed, a statement's adopted copy, any
other letter) is one row. Whatever the workflow (document_records, reader_letters,
letter_sending, followup_letters, statement_letters, template_library, erasure), the row is
written here:

- `insert` adds a row in a status it may start in;
- `update` changes a row, and only if it still has the status the caller read (compared in the
  UPDATE's WHERE): a second tab or click that moved it meanwhile gets «… endret i mellomtiden»
  (or «… er sendt og kan ikke endres» once it went out), and nothing is overwritten;
- `TRANSITIONS` declares every status change a document may make, which kinds may make it
  and the step that makes it; `allows` asks it, `refusal` says why not.

The workflows keep their own rules (length limits, exclusivity, dates, the frozen copy) and call
these functions to write.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import sqlite_utils

from advocacy import clock, texts
from advocacy.db import write
from advocacy.errors import ValidationError
from advocacy.permissions import WRITER_KINDS

LETTERS = WRITER_KINDS  # the writing group's pipeline
OTHERS = ("oppfolgingsbrev", "uttalelse", "annet")
ALL_KINDS = LETTERS + OTHERS

DRAFTS = ("ide", "utkast", "til_vurdering", "godkjent")
ANSWERS = ("publisert", "refusert", "ingen_svar")  # what the recipient did after «sendt»
FINAL = ("sendt", "vedtatt", *ANSWERS)  # gone out: the content is frozen
STATUSES = (*DRAFTS, *FINAL)

# The steps that move a status. A reader letter's pipeline is made of the first four.
MOVE, APPROVE, SEND, ANSWER = "flytt", "godkjenn", "send", "svar"
SEND_ON = "send videre"  # to the next paper once the first kept it too long without an answer
UNDO_ANSWER = "angre svar"
STATUS = "status"  # a letter that is not a reader letter: any draft status, by hand
ADOPT = "vedta"
CREATE = "lag"
PIPELINE = (MOVE, APPROVE, SEND, ANSWER)

# (kinds, from, to, step): every status change a document may make. From None: the statuses a
# new row may start in. The order of a status's rows is the order its moves are offered in.
TRANSITIONS: tuple[tuple[tuple[str, ...], str | None, str, str], ...] = (
    *((ALL_KINDS, None, s, CREATE) for s in DRAFTS),
    (("uttalelse",), None, "vedtatt", ADOPT),  # the adopted statement's stored copy
    # Reader letters and op-eds:
    #   idé → utkast → til vurdering → godkjent → sendt → publisert
    #                                                  ↘ refusert / ingen svar → sendt (next paper)
    (LETTERS, "ide", "utkast", MOVE),
    (LETTERS, "utkast", "til_vurdering", MOVE),
    (LETTERS, "utkast", "ide", MOVE),
    (LETTERS, "til_vurdering", "godkjent", APPROVE),  # leadership only
    (LETTERS, "til_vurdering", "utkast", MOVE),
    (LETTERS, "godkjent", "sendt", SEND),
    (LETTERS, "godkjent", "utkast", MOVE),
    (LETTERS, "sendt", "publisert", ANSWER),
    (LETTERS, "sendt", "refusert", ANSWER),
    (LETTERS, "sendt", "ingen_svar", ANSWER),
    (LETTERS, "sendt", "sendt", SEND_ON),
    (LETTERS, "refusert", "sendt", SEND),
    (LETTERS, "ingen_svar", "sendt", SEND),
    (LETTERS, "ingen_svar", "publisert", ANSWER),  # a paper may print it late without a word
    *((LETTERS, a, "sendt", UNDO_ANSWER) for a in ANSWERS),
    # Other letters and statements: any draft status until sent (or adopted), then what the
    # recipient did.
    *((OTHERS, a, b, STATUS) for a in DRAFTS for b in DRAFTS),
    *((OTHERS, a, "sendt", SEND) for a in DRAFTS),
    *((("uttalelse",), a, "vedtatt", ADOPT) for a in DRAFTS),
    *((OTHERS, a, b, ANSWER) for a in ("sendt", *ANSWERS) for b in ANSWERS),
)


def allows(kind: str, old: str | None, new: str, steps: Iterable[str] | str) -> bool:
    """Whether a document of `kind` may go from `old` to `new` by one of `steps`."""
    steps = (steps,) if isinstance(steps, str) else tuple(steps)
    return any(kind in kinds and a == old and b == new and step in steps
               for kinds, a, b, step in TRANSITIONS)


def moves(kind: str, old: str, steps: Iterable[str]) -> list[str]:
    """The statuses a document of `kind` may go to from `old` by `steps`, in declared order."""
    steps = tuple(steps)
    out: list[str] = []
    for kinds, a, b, step in TRANSITIONS:
        if kind in kinds and a == old and step in steps and b not in out:
            out.append(b)
    return out


def refusal(kind: str, old: str, new: str) -> str:
    """Why a document of `kind` cannot go from `old` to `new`, in Norwegian."""
    if kind in LETTERS:
        return texts.LETTER_MOVE_NOT_ALLOWED.format(
            old=texts.DOCUMENT_STATUSES[old], new=texts.DOCUMENT_STATUSES[new])
    if new in ANSWERS and old not in ("sendt", *ANSWERS):
        return texts.DOCUMENT_STATUS_NEEDS_SENT.format(status=texts.DOCUMENT_STATUSES[new])
    if old in FINAL:
        return frozen_message(old)
    return texts.DOCUMENT_STATUS_USE_MARK.format(status=texts.DOCUMENT_STATUSES[new])


def frozen_message(status: str) -> str:
    return texts.DOCUMENT_FROZEN.format(status=texts.DOCUMENT_STATUSES[status].lower())


def now() -> str:
    """`updated_at` as the documents table stores it."""
    return clock.stamp()


def insert(db: sqlite_utils.Database, row: Mapping[str, Any]) -> int:
    """A new row; its status must be one a document of its kind may start in."""
    if not any(row["kind"] in kinds and a is None and b == row["status"]
               for kinds, a, b, _ in TRANSITIONS):
        raise ValidationError(texts.DOCUMENT_STATUS_USE_MARK.format(
            status=texts.DOCUMENT_STATUSES.get(row["status"], row["status"])))
    with write(db):
        return db["documents"].insert(dict(row)).last_pk


def update(db: sqlite_utils.Database, document_id: int, changes: Mapping[str, Any], *,
           status: str, step: str | None = None) -> None:
    """Change the row, if it still has `status` (the one the caller read and decided on).

    A change of status must be declared in TRANSITIONS for the row's kind and `step`.
    `updated_at` is stamped unless `changes` carries it."""
    changes = {"updated_at": now(), **changes}
    with write(db):
        if "status" in changes and (changes["status"] != status or step is not None):
            kind = db.execute("select kind from documents where id = ?", [document_id]
                              ).fetchone()
            if kind is None:
                raise ValidationError(texts.DOCUMENT_NOT_FOUND.format(id=document_id))
            if not allows(kind[0], status, changes["status"], step or ()):
                raise ValidationError(refusal(kind[0], status, changes["status"]))
        columns = ", ".join(f"[{name}] = :{name}" for name in changes)
        cursor = db.execute(
            f"update documents set {columns} where id = :_id and status = :_was",  # noqa: S608
            {**changes, "_id": document_id, "_was": status})
        if cursor.rowcount == 0:
            raise ValidationError(_conflict(db, document_id, status))


def _conflict(db: sqlite_utils.Database, document_id: int, status: str) -> str:
    """What to say when the row moved on since the caller read it."""
    row = db.execute("select kind, status from documents where id = ?", [document_id]).fetchone()
    if row is None:
        return texts.DOCUMENT_NOT_FOUND.format(id=document_id)
    kind, now_status = row
    if kind in LETTERS:
        return texts.LETTER_CHANGED_MEANWHILE.format(
            status=texts.DOCUMENT_STATUSES.get(now_status, now_status).lower())
    if now_status in FINAL:
        return frozen_message(now_status)
    return texts.DOCUMENT_CHANGED_MEANWHILE.format(
        status=texts.DOCUMENT_STATUSES.get(now_status, now_status).lower())


def rename_template(db: sqlite_utils.Database, old: str, new: str) -> None:
    """Unsent drafts follow a template's new name (the caller refuses a name sent rows carry)."""
    with write(db):
        db.execute("update documents set template = ? where template = ?", [new, old])


def drop_copies(db: sqlite_utils.Database, document_ids: Iterable[int]) -> int:
    """Drop the stored .docx (and its file name) of these rows: an erasure's reach into what
    went out. Returns how many rows had one."""
    dropped = 0
    with write(db):
        for document_id in sorted(document_ids):
            dropped += db.execute(
                "update documents set docx = null, docx_filename = null "
                "where id = ? and (docx is not null or docx_filename is not null)",
                [document_id]).rowcount
    return dropped
