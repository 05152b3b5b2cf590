"""Typed text that is never lost: across reruns, tab and page switches, and a reload.

Streamlit drops a widget's value from session state on any run that does not draw it (another
tab, another page), and a reload starts an empty session. So every change of a watched field
stores the screen's values as the user's draft in the database (`advocacy.drafts`), and before
the fields are drawn `seed` fills each widget key Streamlit has not kept from that draft (with a
notice and a way to throw it away), else from the record. Saving the record calls `saved`.

Widgets inside `st.form` report no change until submit, so a watched field is never in a form.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from advocacy import drafts, texts
from advocacy.accounts.accounts import User
from advocacy.errors import AdvocacyError
from advocacy.ui import context
from advocacy.ui.safe_text import md

_NOTICE = "draft_notice:"  # + record key: when the draft shown was kept (until saved or thrown away)
_PROBLEM = "draft_problem:"  # + record key: why the last change could not be kept
_TYPED = "draft_typed:"  # + record key: a draft was kept in this session


@dataclass
class Keeper:
    """The draft of one record: `fields` maps a field name to its widget key."""

    db: Any
    user: User
    record_key: str
    fields: dict[str, str]
    clean: Callable[[dict[str, Any]], dict[str, Any]] | None = field(default=None, repr=False)

    def key(self, name: str) -> str:
        return self.fields[name]

    @property
    def watch(self) -> dict[str, Any]:
        """Keyword arguments for a watched widget: each change is kept as the draft."""
        return {"on_change": remember, "args": (self.db, self.user, self.record_key, self.fields)}

    def seed(self, defaults: Mapping[str, Any]) -> None:
        """Fill the widget keys Streamlit has not kept: from the draft if there is one, else
        from `defaults` (the record). Call before drawing the widgets."""
        state = st.session_state
        missing = [name for name, key in self.fields.items() if key not in state]
        if not missing:
            return
        values = dict(defaults)
        draft = drafts.find(self.db, self.user, self.record_key)
        if draft is not None:
            values.update({k: v for k, v in draft.values.items() if k in self.fields})
            state[_NOTICE + self.record_key] = draft.updated_at
        if self.clean:
            values = self.clean(values)
        for name in missing:
            state[self.fields[name]] = values.get(name)

    def values(self) -> dict[str, Any]:
        """What is on the screen now (the widget keys), field by field."""
        return {name: st.session_state.get(key) for name, key in self.fields.items()}

    def notice(self) -> None:
        """Tell that unsaved text was brought back, with a button to throw it away.

        Always one container at this place, empty or not: an element that appears above the
        fields after the first change would shift them, and Streamlit would redraw them and
        lose what is being typed in them meanwhile."""
        with st.container():
            self._notice()

    def _notice(self) -> None:
        problem = st.session_state.get(_PROBLEM + self.record_key)
        if problem:
            st.warning(md(problem))
        when = st.session_state.get(_NOTICE + self.record_key)
        typed = st.session_state.get(_TYPED + self.record_key)
        if when is None and not typed:
            return
        button = {"key": f"draft_discard_{self.record_key}", "on_click": discard,
                  "args": (self.db, self.user, self.record_key, self.fields)}
        if when is None:  # typed in this session: only the way back to the saved record
            st.button(texts.DRAFT_DISCARD, type="tertiary", icon=":material/undo:", **button)
            return
        cols = st.columns([4, 1])
        cols[0].info(texts.DRAFT_RESTORED.format(when=texts.format_draft_time(when)),
                     icon=":material/history:")
        cols[1].button(texts.DRAFT_DISCARD, **button)

    def saved(self) -> None:
        """The record was saved from these values: the draft has done its work."""
        drafts.drop(self.db, self.user, self.record_key)
        _forget_notice(self.record_key)

    def forget_widgets(self) -> None:
        """Start the fields afresh from the record next time (after creating a new one)."""
        for key in self.fields.values():
            st.session_state.pop(key, None)


def _forget_notice(record_key: str) -> None:
    for prefix in (_NOTICE, _PROBLEM, _TYPED):
        st.session_state.pop(prefix + record_key, None)


def remember(db, user: User, record_key: str, fields: dict[str, str]) -> None:
    """on_change: keep what is on the screen as the draft. A refusal (far too long) is shown
    by `notice`; it never stops the page."""
    state = st.session_state
    user = acting(user)
    if user is None:
        return
    values = {name: state[key] for name, key in fields.items() if key in state}
    try:
        drafts.keep(db, user, record_key, values)
    except AdvocacyError as exc:
        state[_PROBLEM + record_key] = exc.message
    else:
        state.pop(_PROBLEM + record_key, None)
        state[_TYPED + record_key] = True


def discard(db, user: User, record_key: str, fields: dict[str, str]) -> None:
    """on_click: throw the draft away; the fields go back to the record on this run."""
    user = acting(user)
    if user is None:
        return
    drafts.drop(db, user, record_key)
    _forget_notice(record_key)
    for key in fields.values():
        st.session_state.pop(key, None)


def acting(user: User) -> User | None:
    """In a callback (it runs before app.py checks the session): the session's user as of
    now, the same one the page was drawn for; None if they were logged out or deactivated."""
    current = context.resolve_user()
    return current if current is not None and current.id == user.id else None
