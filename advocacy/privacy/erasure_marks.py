"""What an erasure leaves behind: the mark put where a name stood, the name an erased account
gets, and when the last erasure was (part of the key of every view kept between reruns)."""

from __future__ import annotations

import sqlite_utils

from advocacy import settings

ERASED = "[slettet]"
ERASED_USERNAME = "slettet-{id}"
LAST_ERASURE = "last_erasure"  # settings key: when a person was last erased


def last_erasure(db: sqlite_utils.Database) -> str:
    """When a person was last erased (empty if never). Part of the key of every view the app
    keeps between reruns, so an erasure (in the app or on the command line) is never followed
    by a cached page that still shows the name."""
    return settings.get(db, LAST_ERASURE) or ""
