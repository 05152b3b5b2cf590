"""Who may do what: the one permission vocabulary (after Datasette's `ensure_permission`).

Every action is declared once, in ACTIONS: its name («thing.verb») and its rule. The domain asks
`ensure_permission(actor, action, resource)` before it acts (a refusal raises PermissionDenied
with a Norwegian message), pages ask `allowed(actor, action, resource)` before they draw what
the action needs, and lists take `read_scope(actor, action)`, the same rule said in SQL.

The arguments come in one order everywhere: the actor first (as every domain function here
takes the acting user first after the database), then the action, then the resource.
The resource is the record as read from its table (a mapping with the columns the rule names:
`chapter_id`, `author_id`, `status`, `kind`, `deleted_by`, `proposed_by`), a chapter id for
«chapter.edit», a page key for «page.view», a municipality (`chapters`: the ids of its
chapters) for «position.record». Without a resource the question is whether the role may do
it to some record at all: what a page asks before it offers a form.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from advocacy import texts
from advocacy.accounts.user import ROLES, User
from advocacy.errors import PermissionDenied

LEADER, CHAPTER, WRITER = ROLES

# The pages in menu order, and the roles that reach each. The titles live in texts.
PAGES = (
    "oversikt", "kommuner", "politikere", "moter", "brev", "uttalelser", "kalender", "maler",
    "administrasjon", "personvern",
)
_PAGE_ROLES = {
    "oversikt": (LEADER, CHAPTER, WRITER),
    "kommuner": (LEADER, CHAPTER, WRITER),
    "politikere": (LEADER, CHAPTER, WRITER),
    "moter": (LEADER, CHAPTER),
    "brev": (LEADER, CHAPTER, WRITER),
    "uttalelser": (LEADER, CHAPTER, WRITER),
    "kalender": (LEADER, CHAPTER, WRITER),
    "maler": (LEADER, CHAPTER, WRITER),
    "administrasjon": (LEADER,),
    "personvern": (LEADER, CHAPTER, WRITER),
}

# Kinds of document the writing group makes and reads; the rest carry meetings' content.
WRITER_KINDS = ("leserinnlegg", "kronikk")
PUBLIC_STATEMENTS = ("vedtatt", "sendt")

Rule = Callable[[User, Any], bool]


def _leader(actor: User, _resource: Any = None) -> bool:
    return actor.role == LEADER


def _editor(actor: User, _resource: Any = None) -> bool:
    """Leadership and chapter members: those who keep meetings, politicians and positions."""
    return actor.role in (LEADER, CHAPTER)


def _anyone(_actor: User, _resource: Any = None) -> bool:
    return True


def _member_of(actor: User, chapter_id: int | None) -> bool:
    return actor.role == CHAPTER and chapter_id is not None and chapter_id == actor.chapter_id


def _edits_chapter(actor: User, chapter_id: int | None) -> bool:
    """Leadership changes every chapter's records (and the organisation's, chapter None); a
    chapter member only their own chapter's."""
    return actor.role == LEADER or _member_of(actor, chapter_id)


def _chapter_record(actor: User, row: Mapping[str, Any] | None) -> bool:
    """A chapter's record (meeting, statement, event …): its chapter's editors."""
    if row is None:
        return _editor(actor)
    return _edits_chapter(actor, row["chapter_id"])


def _event_edit(actor: User, row: Mapping[str, Any] | None) -> bool:
    """An event of a chapter: that chapter's editors; one of the whole organisation: leadership."""
    if row is None:
        return _editor(actor)
    return _edits_chapter(actor, row["chapter_id"]) and (
        row["chapter_id"] is not None or actor.role == LEADER)


def _document_read(actor: User, row: Mapping[str, Any] | None) -> bool:
    """Leadership all; everyone their own; a chapter member their chapter's; the writing group
    only their chapter's reader letters and op-eds (a follow-up letter carries a meeting's
    content, which the group may not read)."""
    if row is None or actor.role == LEADER or row["author_id"] == actor.id:
        return True
    if actor.role != CHAPTER and row["kind"] not in WRITER_KINDS:
        return False
    return row["chapter_id"] is not None and row["chapter_id"] == actor.chapter_id


def _document_edit(actor: User, row: Mapping[str, Any] | None) -> bool:
    """Its author, and its chapter's editors."""
    if row is None:
        return True
    return row["author_id"] == actor.id or _edits_chapter(actor, row["chapter_id"])


def _letter_read(actor: User, row: Mapping[str, Any] | None) -> bool:
    """Leadership every reader letter; the others their own, a chapter member also their
    chapter's."""
    if row is None or actor.role == LEADER or row["author_id"] == actor.id:
        return True
    return _member_of(actor, row["chapter_id"])


def _document_kind(actor: User, kind: str | None) -> bool:
    """The writing group makes reader letters and op-eds only."""
    return actor.role != WRITER or kind in WRITER_KINDS


def _statement_read(actor: User, row: Mapping[str, Any] | None) -> bool:
    """Adopted and sent statements everyone; the others leadership and their chapter."""
    if row is None or actor.role == LEADER or row["status"] in PUBLIC_STATEMENTS:
        return True
    return _member_of(actor, row["chapter_id"])


def _position_record(actor: User, municipality: Mapping[str, Any] | None) -> bool:
    """Leadership every municipality; a chapter member the municipality of their chapter."""
    if municipality is None or actor.role == LEADER:
        return _editor(actor)
    return actor.role == CHAPTER and actor.chapter_id in municipality["chapters"]


def _trash_restore(actor: User, entry: Mapping[str, Any] | None) -> bool:
    """Leadership; and whoever removed it (their «Angre» right after)."""
    if entry is None or actor.role == LEADER:
        return True
    return entry["deleted_by"] is not None and entry["deleted_by"] == actor.id


def _argument_edit(actor: User, row: Mapping[str, Any] | None) -> bool:
    """Leadership; and the one who proposed it, while it is a proposal."""
    if row is None or actor.role == LEADER:
        return True
    return row["proposed_by"] == actor.id and row["status"] == "forslag"


def _page_view(actor: User, page: str | None) -> bool:
    return actor.role in _PAGE_ROLES.get(page, ())


# Every action, once. A rule takes the actor and the resource (or None) and answers yes or no.
ACTIONS: dict[str, Rule] = {
    "page.view": _page_view,                    # resource: the page key
    "chapter.edit": _edits_chapter,             # resource: a chapter id (None: the organisation)
    "chapter.all": _leader,                     # read and act for every chapter (or none)
    "meeting.read": _chapter_record,
    "meeting.edit": _chapter_record,
    "document.read": _document_read,
    "document.edit": _document_edit,
    "document.make": _document_kind,            # resource: the kind of document
    "letter.read": _letter_read,                # the Innlegg list
    "letter.approve": _leader,                  # a reader letter's «godkjent», the review queue
    "statement.read": _statement_read,
    "statement.edit": _chapter_record,          # drafting, adopting, correcting, sending
    "politician.read": _anyone,                 # the directory is open to every role
    "politician.edit": _editor,
    "position.record": _position_record,        # resource: {"chapters": ids in the municipality}
    "event.read": _anyone,                      # the calendar is open to every role
    "event.edit": _event_edit,
    "campaign.edit": _editor,                   # count signatures, link meetings and letters
    "campaign.manage": _leader,                 # make, change and remove campaigns
    "lever.manage": _leader,
    "template.manage": _leader,
    "newspaper.manage": _leader,
    "argument.edit": _argument_edit,
    "argument.approve": _leader,
    "trash.read": _anyone,                      # what one removed, and one's chapter's
    "trash.restore": _trash_restore,
    "user.admin": _leader,
    "audit.read": _leader,
    "privacy.admin": _leader,                   # a person's export and erasure, demo removal
}


# What a refusal says, where it is more than texts.NOT_ALLOWED.
_REFUSALS = {
    "politician.edit": texts.NOT_EDITOR,
    "meeting.edit": texts.MEETING_CHAPTER_FORBIDDEN,
    "document.make": texts.DOCUMENT_KIND_NOT_FOR_ROLE,
    "letter.approve": texts.LETTER_APPROVE_LEADERS,
}


def allowed(actor: User, action: str, resource: Any = None) -> bool:
    """Whether `actor` may do `action` (to `resource`). An unknown action is a KeyError: a
    programming error, never a refusal."""
    return ACTIONS[action](actor, resource)


def pages(actor: User) -> list[str]:
    """The pages `actor` may open («page.view»), in menu order."""
    return [page for page in PAGES if allowed(actor, "page.view", page)]


def ensure_permission(actor: User, action: str, resource: Any = None,
                      message: str | None = None) -> None:
    """Raise PermissionDenied unless `actor` may do `action` (to `resource`). The message is
    the action's refusal (texts.NOT_ALLOWED unless _REFUSALS says otherwise), or `message`
    where the caller knows better what the user tried."""
    if not allowed(actor, action, resource):
        raise PermissionDenied(message or _REFUSALS.get(action, texts.NOT_ALLOWED))


def _meeting_scope(actor: User) -> tuple[str, dict]:
    if actor.role == LEADER:
        return "1 = 1", {}
    if actor.role == CHAPTER:
        return "mt.chapter_id = :chapter", {"chapter": actor.chapter_id}
    raise PermissionDenied(texts.NOT_ALLOWED)


def _document_scope(actor: User) -> tuple[str, dict]:
    if actor.role == LEADER:
        return "1 = 1", {}
    kinds = "" if actor.role == CHAPTER else " and d.kind in ('leserinnlegg', 'kronikk')"
    return (f"(d.author_id = :doc_user or (d.chapter_id is not null "
            f"and d.chapter_id = :doc_chapter{kinds}))",
            {"doc_user": actor.id, "doc_chapter": actor.chapter_id})


def _statement_scope(actor: User) -> tuple[str, dict]:
    if actor.role == LEADER:
        return "1 = 1", {}
    if actor.role == CHAPTER:
        return ("(s.status in ('vedtatt', 'sendt') or s.chapter_id = :chapter)",
                {"chapter": actor.chapter_id})
    return "s.status in ('vedtatt', 'sendt')", {}


def _letter_scope(actor: User) -> tuple[str, dict]:
    """The Innlegg list: leadership every letter; the others their own, a chapter member also
    their chapter's."""
    if actor.role == LEADER:
        return "1 = 1", {}
    return ("(d.author_id = :user or (:chapter is not null and d.chapter_id = :chapter"
            " and :role = 'lokallag'))",
            {"user": actor.id, "chapter": actor.chapter_id, "role": actor.role})


def _trash_scope(actor: User) -> tuple[str, dict]:
    if actor.role == LEADER:
        return "1 = 1", {}
    return ("(t.deleted_by = :me or (t.chapter_id is not null and t.chapter_id = :c))",
            {"me": actor.id, "c": actor.chapter_id})


# The read actions said in SQL, over the alias each list uses (mt, d, s, t).
_SCOPES: dict[str, Callable[[User], tuple[str, dict]]] = {
    "meeting.read": _meeting_scope,
    "document.read": _document_scope,
    "letter.read": _letter_scope,
    "statement.read": _statement_scope,
    "trash.read": _trash_scope,
}


def read_scope(actor: User, action: str) -> tuple[str, dict]:
    """The records `actor` may `action` as a where clause and its parameters (every value a
    bound parameter); a filter can only narrow it. Raises PermissionDenied where the role may
    read none (the writing group and meetings)."""
    return _SCOPES[action](actor)
