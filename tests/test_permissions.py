"""The permission vocabulary: every (role, page) pair and every declared action for every role,
against literal expectations; and no role comparison outside advocacy/permissions.py."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from advocacy import permissions
from advocacy.accounts import accounts
from advocacy.accounts.user import User
from advocacy.errors import PermissionDenied

OWN, OTHER = 1, 2
ACTORS = {
    "leder": User(10, "leder", "Leder", "leder"),
    "lokallag": User(11, "lokallag", "Lokallag", "lokallag", chapter_id=OWN),
    "skrivegruppe": User(12, "skriver", "Skriver", "skrivegruppe", chapter_id=OWN),
}
Y, N = True, False

PAGES = {  # page: (leder, lokallag, skrivegruppe)
    "oversikt": (Y, Y, Y), "kommuner": (Y, Y, Y), "politikere": (Y, Y, Y), "moter": (Y, Y, N),
    "brev": (Y, Y, Y), "uttalelser": (Y, Y, Y), "kalender": (Y, Y, Y), "maler": (Y, Y, Y),
    "administrasjon": (Y, N, N), "personvern": (Y, Y, Y),
}


def test_the_roles_and_pages_are_those_declared():
    assert tuple(ACTORS) == accounts.ROLES
    assert tuple(PAGES) == permissions.PAGES


@pytest.mark.parametrize("role", accounts.ROLES)
@pytest.mark.parametrize("page", permissions.PAGES)
def test_every_role_and_page(role, page):
    expected = PAGES[page][accounts.ROLES.index(role)]
    assert permissions.allowed(ACTORS[role], "page.view", page) is expected


def doc(author: int, chapter: int | None, kind: str = "leserinnlegg", status: str = "utkast"):
    return {"author_id": author, "chapter_id": chapter, "kind": kind, "status": status}


# (action, resource description, resource, (leder, lokallag, skrivegruppe))
CASES = [
    ("page.view", "unknown page", "nowhere", (N, N, N)),
    ("chapter.edit", "own chapter", OWN, (Y, Y, N)),
    ("chapter.edit", "other chapter", OTHER, (Y, N, N)),
    ("chapter.edit", "the organisation", None, (Y, N, N)),
    ("chapter.all", "-", None, (Y, N, N)),
    ("meeting.read", "any", None, (Y, Y, N)),
    ("meeting.read", "own chapter's", {"chapter_id": OWN}, (Y, Y, N)),
    ("meeting.read", "other chapter's", {"chapter_id": OTHER}, (Y, N, N)),
    ("meeting.edit", "any", None, (Y, Y, N)),
    ("meeting.edit", "own chapter's", {"chapter_id": OWN}, (Y, Y, N)),
    ("meeting.edit", "other chapter's", {"chapter_id": OTHER}, (Y, N, N)),
    ("document.read", "any", None, (Y, Y, Y)),
    ("document.read", "own letter", doc(11, OTHER), (Y, Y, N)),
    ("document.read", "writer's own letter", doc(12, OTHER), (Y, N, Y)),
    ("document.read", "own chapter's letter", doc(99, OWN), (Y, Y, Y)),
    ("document.read", "own chapter's follow-up", doc(99, OWN, "oppfolgingsbrev"), (Y, Y, N)),
    ("document.read", "other chapter's letter", doc(99, OTHER), (Y, N, N)),
    ("document.edit", "any", None, (Y, Y, Y)),
    ("document.edit", "writer's own letter", doc(12, OTHER), (Y, N, Y)),
    ("document.edit", "own chapter's letter", doc(99, OWN), (Y, Y, N)),
    ("document.edit", "other chapter's letter", doc(99, OTHER), (Y, N, N)),
    ("document.make", "reader letter", "leserinnlegg", (Y, Y, Y)),
    ("document.make", "op-ed", "kronikk", (Y, Y, Y)),
    ("document.make", "follow-up letter", "oppfolgingsbrev", (Y, Y, N)),
    ("document.make", "other letter", "annet", (Y, Y, N)),
    ("letter.read", "any", None, (Y, Y, Y)),
    ("letter.read", "writer's own", doc(12, OTHER), (Y, N, Y)),
    ("letter.read", "own chapter's", doc(99, OWN), (Y, Y, N)),
    ("letter.read", "other chapter's", doc(99, OTHER), (Y, N, N)),
    ("letter.approve", "-", None, (Y, N, N)),
    ("statement.read", "any", None, (Y, Y, Y)),
    ("statement.read", "adopted", {"status": "vedtatt", "chapter_id": OTHER}, (Y, Y, Y)),
    ("statement.read", "sent", {"status": "sendt", "chapter_id": None}, (Y, Y, Y)),
    ("statement.read", "own chapter's draft", {"status": "utkast", "chapter_id": OWN}, (Y, Y, N)),
    ("statement.read", "other's draft", {"status": "utkast", "chapter_id": OTHER}, (Y, N, N)),
    ("statement.edit", "any", None, (Y, Y, N)),
    ("statement.edit", "own chapter's", {"status": "utkast", "chapter_id": OWN}, (Y, Y, N)),
    ("statement.edit", "other chapter's", {"status": "utkast", "chapter_id": OTHER}, (Y, N, N)),
    ("statement.edit", "the organisation's", {"status": "utkast", "chapter_id": None}, (Y, N, N)),
    ("politician.edit", "-", None, (Y, Y, N)),
    ("position.record", "any", None, (Y, Y, N)),
    ("position.record", "own chapter's municipality", {"chapters": {OWN}}, (Y, Y, N)),
    ("position.record", "another municipality", {"chapters": {OTHER}}, (Y, N, N)),
    ("position.record", "a municipality without chapter", {"chapters": set()}, (Y, N, N)),
    ("event.edit", "any", None, (Y, Y, N)),
    ("event.edit", "own chapter's", {"chapter_id": OWN}, (Y, Y, N)),
    ("event.edit", "other chapter's", {"chapter_id": OTHER}, (Y, N, N)),
    ("event.edit", "the organisation's", {"chapter_id": None}, (Y, N, N)),
    ("campaign.edit", "-", None, (Y, Y, N)),
    ("campaign.manage", "-", None, (Y, N, N)),
    ("lever.manage", "-", None, (Y, N, N)),
    ("template.manage", "-", None, (Y, N, N)),
    ("newspaper.manage", "-", None, (Y, N, N)),
    ("argument.edit", "any", None, (Y, Y, Y)),
    ("argument.edit", "own proposal", {"proposed_by": 12, "status": "forslag"}, (Y, N, Y)),
    ("argument.edit", "own approved", {"proposed_by": 12, "status": "godkjent"}, (Y, N, N)),
    ("argument.edit", "another's proposal", {"proposed_by": 99, "status": "forslag"}, (Y, N, N)),
    ("argument.approve", "-", None, (Y, N, N)),
    ("trash.read", "-", None, (Y, Y, Y)),
    ("politician.read", "-", None, (Y, Y, Y)),
    ("event.read", "-", None, (Y, Y, Y)),
    ("trash.restore", "any", None, (Y, Y, Y)),
    ("trash.restore", "what one removed", {"deleted_by": 12}, (Y, N, Y)),
    ("trash.restore", "what another removed", {"deleted_by": 99}, (Y, N, N)),
    ("trash.restore", "removed by nobody", {"deleted_by": None}, (Y, N, N)),
    ("user.admin", "-", None, (Y, N, N)),
    ("audit.read", "-", None, (Y, N, N)),
    ("privacy.admin", "-", None, (Y, N, N)),
]


def test_every_action_is_tested():
    assert {case[0] for case in CASES} | {"page.view"} == set(permissions.ACTIONS)


@pytest.mark.parametrize("role", accounts.ROLES)
@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}:{c[1]}")
def test_every_action_for_every_role(case, role):
    action, _, resource, by_role = case
    actor, expected = ACTORS[role], by_role[accounts.ROLES.index(role)]
    assert permissions.allowed(actor, action, resource) is expected
    if expected:
        permissions.ensure_permission(actor, action, resource)
    else:
        with pytest.raises(PermissionDenied) as refused:
            permissions.ensure_permission(actor, action, resource)
        assert refused.value.message  # Norwegian, from texts


def test_a_refusal_says_what_the_action_says():
    writer = ACTORS["skrivegruppe"]
    with pytest.raises(PermissionDenied, match="Bare ledelsen"):
        permissions.ensure_permission(writer, "letter.approve")
    with pytest.raises(PermissionDenied) as refused:
        permissions.ensure_permission(writer, "user.admin")
    assert refused.value.message == permissions.texts.NOT_ALLOWED


def test_an_unknown_action_is_a_programming_error():
    with pytest.raises(KeyError):
        permissions.allowed(ACTORS["leder"], "meeting.delete_all")


SCOPES = {  # action: (leder, lokallag, skrivegruppe); None: refused
    "meeting.read": (("1 = 1", {}), ("mt.chapter_id = :chapter", {"chapter": OWN}), None),
    "statement.read": (("1 = 1", {}),
                       ("(s.status in ('vedtatt', 'sendt') or s.chapter_id = :chapter)",
                        {"chapter": OWN}),
                       ("s.status in ('vedtatt', 'sendt')", {})),
}


@pytest.mark.parametrize("role", accounts.ROLES)
@pytest.mark.parametrize("action", list(SCOPES))
def test_read_scopes(action, role):
    expected = SCOPES[action][accounts.ROLES.index(role)]
    if expected is None:
        with pytest.raises(PermissionDenied):
            permissions.read_scope(ACTORS[role], action)
    else:
        assert permissions.read_scope(ACTORS[role], action) == expected


ROLE_LITERALS = set(accounts.ROLES)
ROLE_NAMES = {"LEADER", "CHAPTER", "WRITER"}  # permissions' names for them


def _role_comparisons(path: Path) -> list[int]:
    """Lines comparing something called `role` with a role («leder», …, or LEADER, …)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        named_role = any(isinstance(s, ast.Attribute) and s.attr == "role"
                         or isinstance(s, ast.Name) and s.id == "role" for s in sides)
        names = {c.value for s in sides for c in ast.walk(s)
                 if isinstance(c, ast.Constant) and isinstance(c.value, str)}
        names |= {c.id for s in sides for c in ast.walk(s) if isinstance(c, ast.Name)}
        names |= {c.attr for s in sides for c in ast.walk(s) if isinstance(c, ast.Attribute)}
        if named_role and names & (ROLE_LITERALS | ROLE_NAMES):
            found.append(node.lineno)
    return found


def test_no_role_comparison_outside_permissions():
    root = Path(__file__).resolve().parents[1]
    files = [root / "app.py", *sorted((root / "advocacy").rglob("*.py"))]
    assert len(files) > 100
    offenders = {str(p.relative_to(root)): lines for p in files
                 if p.name != "permissions.py" or p.parent.name != "advocacy"
                 if (lines := _role_comparisons(p))}
    assert offenders == {}
    assert _role_comparisons(root / "advocacy" / "permissions.py")  # the check sees them there
