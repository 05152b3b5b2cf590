"""The acting user as every domain function gets it, and the roles there are. Who may do what
with a role is `advocacy.permissions`."""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("leder", "lokallag", "skrivegruppe")
CHAPTER_ROLES = ("lokallag",)  # an account of this role belongs to a chapter


@dataclass(frozen=True)
class User:
    id: int
    username: str
    full_name: str
    role: str
    chapter_id: int | None = None
    chapter_name: str | None = None
    title: str | None = None
    place: str | None = None
