"""Irreversible actions ask first; actions that can be undone offer «Angre» right after.

`confirm_button` shows a button; a click opens a dialog with the question, the confirming
button and «Avbryt». Only the confirming button acts, so a stray click changes nothing.
The action is a plain callable (bound with its database, user and ids when the button is
drawn: the dialog reruns on its own, without app.py). It returns the message to show, or
raises AdvocacyError, whose Norwegian message is shown in the dialog and nothing changes.

`ask` opens the same dialog from a form's submit button, after the form's values were checked.

An action may return `Done(message, undo=callable)`: the page then shows the message with an
«Angre» button on the next run (`show_notice`, called by app.py above every page).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from advocacy import texts
from advocacy.errors import AdvocacyError
from advocacy.ui.safe_text import md

NOTICE = "_confirm_notice"


@dataclass(frozen=True)
class Done:
    message: str
    undo: Callable[[], object] | None = None


def confirm_button(label: str, key: str, *, question: str, action: Callable[[], str | Done],
                   confirm_label: str | None = None, danger: bool = False,
                   container=None, **button_kwargs) -> None:
    """A button whose action runs only after it is confirmed in a dialog."""
    place = container or st
    if place.button(md(label), key=key, **button_kwargs):
        _dialog(question, confirm_label or label, action, danger, key)


def ask(question: str, key: str, *, action: Callable[[], str | Done], confirm_label: str,
        danger: bool = False) -> None:
    """Open the confirming dialog now: for a form's submit button (a form cannot hold a plain
    button), once the page has checked the form's values next to their fields."""
    _dialog(question, confirm_label, action, danger, key)


@st.dialog(texts.CONFIRM_TITLE)
def _dialog(question: str, confirm_label: str, action, danger: bool, key: str) -> None:
    st.markdown(md(question))
    left, right = st.columns(2)
    # Both buttons first: after a refusal the dialog still offers «Avbryt».
    confirmed = left.button(md(confirm_label), key=f"{key}_ja", type="primary", icon=(
        ":material/delete:" if danger else None))
    if right.button(texts.CONFIRM_CANCEL, key=f"{key}_avbryt"):
        st.rerun()
    if confirmed:
        try:
            outcome = action()
        except AdvocacyError as exc:
            st.error(md(exc.message))
            return
        done(outcome)
        st.rerun()


def done(outcome: str | Done | None) -> None:
    """Show `outcome` on the next run (with «Angre» if it can be undone)."""
    if outcome is None:
        return
    st.session_state[NOTICE] = outcome if isinstance(outcome, Done) else Done(outcome)


def show_notice() -> None:
    """The last action's message, with «Angre» when it can be undone. Shown once."""
    notice = st.session_state.pop(NOTICE, None)
    if notice is None:
        return
    box = st.container(border=True)
    left, right = box.columns([5, 1])
    left.success(md(notice.message))
    if notice.undo is not None:
        right.button(texts.UNDO_BUTTON, key="_confirm_undo", on_click=_undo, args=(notice.undo,),
                     icon=":material/undo:")


def _undo(undo: Callable[[], object]) -> None:
    try:
        undo()
    except AdvocacyError as exc:
        st.session_state[NOTICE] = Done(exc.message)
        return
    st.session_state[NOTICE] = Done(texts.UNDONE)
