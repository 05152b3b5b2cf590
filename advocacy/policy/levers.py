"""The tracked policy levers as leadership configures them: add a lever, change the goal.

A goal is configuration, not code (DOMAIN.md § 1): statuses are computed from the lever row each
time they are shown, so a changed goal changes every municipality's status at once. Every change
is written to the audit log with the old and new values.
"""

from __future__ import annotations

import json
import re

import sqlite_utils

from advocacy import audit, texts
from advocacy.accounts.accounts import User
from advocacy.db import write
from advocacy.errors import ValidationError
from advocacy.permissions import ensure_permission
from advocacy.policy import policy_status

ID_RE = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
# Which goal rules make sense for which value types.
RULES_FOR_TYPE = {
    "closing_time": ("at_most", "at_least"),
    "count": ("at_most", "at_least", "equals"),
    "year": ("at_least", "at_most", "equals"),
    "date": ("on_or_after", "equals"),
    "boolean": ("equals",),
    "text": ("equals",),
}
EDITABLE = ("name", "goal", "goal_rule", "description", "legal_normal", "legal_max", "active")


def get_lever(db: sqlite_utils.Database, lever_id: str) -> dict:
    rows = list(db.query("select * from levers where id = ?", [lever_id]))
    if not rows:
        raise ValidationError(texts.LEVER_NOT_FOUND.format(id=lever_id))
    return rows[0]


def slug(name: str) -> str:
    text = name.lower().translate(str.maketrans({"æ": "ae", "ø": "o", "å": "a"}))
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")[:40] or "sak"


def _check_goal(value_type: str, goal: str | None, rule: str | None) -> tuple[str | None, str | None]:
    goal = (goal or "").strip() or None
    rule = rule or None
    if rule is not None and rule not in policy_status.GOAL_RULES:
        raise ValidationError(texts.LEVER_RULE_UNKNOWN.format(value=rule))
    if goal is None:
        return None, None
    if rule is None:
        raise ValidationError(texts.LEVER_RULE_NEEDS_GOAL)
    if rule not in RULES_FOR_TYPE[value_type]:
        raise ValidationError(texts.LEVER_RULE_WRONG_TYPE.format(
            rule=texts.GOAL_RULES[rule], type=texts.VALUE_TYPES[value_type]))
    return policy_status.normalise(value_type, goal), rule


def _legal(value_type: str, value: str | None) -> str | None:
    value = (value or "").strip() or None
    return None if value is None else policy_status.normalise(value_type, value)


def _audit(db, user: User, action: str, lever_id: str, changes: dict) -> None:
    # Through audit.record: a plain insert would leave the row outside the hash chain and make
    # `verify-audit` report the log as tampered with.
    audit.record(db, user.id, action, "levers", lever_id, json.dumps(changes, ensure_ascii=False))


def add_lever(
    db: sqlite_utils.Database,
    user: User,
    name: str,
    value_type: str,
    category: str = "Annet",
    *,
    lever_id: str | None = None,
    goal: str | None = None,
    goal_rule: str | None = None,
    unit: str | None = None,
    legal_normal: str | None = None,
    legal_max: str | None = None,
    description: str | None = None,
    source: str | None = None,
) -> str:
    """Add a lever (leadership only); returns its id."""
    ensure_permission(user, "lever.manage")
    name = (name or "").strip()
    if not name:
        raise ValidationError(texts.LEVER_NAME_MISSING)
    if value_type not in policy_status.VALUE_TYPES:
        raise ValidationError(texts.LEVER_TYPE_UNKNOWN.format(value=value_type))
    lever_id = (lever_id or slug(name)).strip()
    if not ID_RE.match(lever_id):
        raise ValidationError(texts.LEVER_ID_INVALID)
    goal, goal_rule = _check_goal(value_type, goal, goal_rule)
    row = {
        "id": lever_id, "name": name, "category": (category or "Annet").strip(),
        "value_type": value_type, "unit": unit or texts.VALUE_TYPES[value_type],
        "legal_normal": _legal(value_type, legal_normal),
        "legal_max": _legal(value_type, legal_max), "goal": goal, "goal_rule": goal_rule,
        "description": description, "source": source or "Organisasjonens mål", "verified": 1,
    }
    with write(db):
        if db.execute("select 1 from levers where id = ?", [lever_id]).fetchone():
            raise ValidationError(texts.LEVER_ID_TAKEN.format(id=lever_id))
        row["sort_order"] = db.execute(
            "select coalesce(max(sort_order), 0) + 10 from levers").fetchone()[0]
        db["levers"].insert(row)
        _audit(db, user, "create", lever_id, row)
    return lever_id


def update_lever(db: sqlite_utils.Database, user: User, lever_id: str, **changes) -> dict:
    """Change a lever's goal, rule, name, description, legal values or active flag.

    Returns the changed fields as {field: [old, new]} (empty if nothing changed).
    """
    ensure_permission(user, "lever.manage")
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")  # a programming error
    lever = get_lever(db, lever_id)
    value_type = lever["value_type"]
    new = dict(changes)
    if "goal" in new or "goal_rule" in new:
        new["goal"], new["goal_rule"] = _check_goal(
            value_type, new.get("goal", lever["goal"]), new.get("goal_rule", lever["goal_rule"]))
    for key in ("legal_normal", "legal_max"):
        if key in new:
            new[key] = _legal(value_type, new[key])
    if "name" in new:
        new["name"] = (new["name"] or "").strip()
        if not new["name"]:
            raise ValidationError(texts.LEVER_NAME_MISSING)
    if "active" in new:
        new["active"] = int(bool(new["active"]))
    diff = {k: [lever[k], v] for k, v in new.items() if lever[k] != v}
    if diff:
        with write(db):
            db["levers"].update(lever_id, {k: v[1] for k, v in diff.items()})
            _audit(db, user, "update", lever_id, diff)
    return diff


def set_goal(db: sqlite_utils.Database, user: User, lever_id: str, goal: str | None,
             goal_rule: str | None = None) -> dict:
    """Change the organisation's goal for a lever (and its rule, if given)."""
    changes = {"goal": goal}
    if goal_rule is not None:
        changes["goal_rule"] = goal_rule
    return update_lever(db, user, lever_id, **changes)


def add_bundled(db: sqlite_utils.Database, rows) -> None:
    """The bundled levers (data/, at every start): those not in the table yet are added; the
    ones there keep what leadership changed."""
    with write(db):
        db["levers"].insert_all(rows, pk="id", ignore=True)
