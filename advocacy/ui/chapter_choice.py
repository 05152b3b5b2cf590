"""The chapter chooser of a user who sees every chapter («chapter.all»): a list filter and a
form's selectbox. Everyone else gets no chooser; their chapter is decided for them.

The labels are the caller's (`texts.…`), so each page keeps its own wording; a form's label
goes through `md()` like every widget label (plain words come back unchanged)."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from advocacy import permissions, texts
from advocacy.accounts import accounts
from advocacy.ui.list_controls import Choice
from advocacy.ui.safe_text import md


def may_choose(user) -> bool:
    """Whether the user picks a chapter (a leader) or works in their own only."""
    return permissions.allowed(user, "chapter.all")


def chapter_filter(db, user, label: str, everyone: str) -> list[Choice]:
    """The «lokallag» filter of a list (`everyone` is «Alle lokallag»); [] for a user who
    sees one chapter only."""
    if not may_choose(user):
        return []
    return [Choice("lokallag", label, accounts.chapter_names(db), everyone)]


def chapter_select(db, user, label: str, none_label: str, *, chapters: Mapping | None = None,
                   current=None, fallback=None, where=st, **widget):
    """A selectbox of None (`none_label`: «Hele organisasjonen», «Alle lokallag») and every
    chapter (id → name; read from the database when not given); returns the id chosen, or
    `fallback` for a user who may not choose. `current` is chosen first when the widget has
    no key; with a key, the session's value is kept (and forgotten for a chapter gone)."""
    if not may_choose(user):
        return fallback
    if chapters is None:
        chapters = accounts.chapter_names(db)
    options = [None, *chapters]
    key = widget.get("key")
    if key is None:
        widget["index"] = options.index(current) if current in options else 0
    elif key in st.session_state and st.session_state[key] not in options:
        st.session_state[key] = None
    return where.selectbox(md(label), options,
                           format_func=lambda c: none_label if c is None else chapters[c],
                           placeholder=texts.CHOOSE_ONE, **widget)
