"""Literal account data the account tests use on top of `people` (tests/conftest.py)."""

from __future__ import annotations

# The password every user of `people` is made with (tests/conftest.py).
PASSWORD = "passord123"

# role, username of `people` (tests/conftest.py's OWN_USERS): one user of each kind
USERNAMES = [("leder", "sjef"), ("lokallag", "drammen"), ("skrivegruppe", "skriver")]
