"""«Slett» on a record's page, and the papirkurv where leadership puts things back.

`delete_button` asks in a dialog, moves the record to the papirkurv and offers «Angre» on the
next run; a refusal (sent, adopted, still linked) is shown in the dialog and nothing changes.
`render` is the Papirkurv section of Administrasjon.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import streamlit as st

from advocacy import texts
from advocacy.errors import AdvocacyError
from advocacy.privacy import trash
from advocacy.ui import confirm
from advocacy.ui.safe_text import md


def _remove(db, user, kind: str, row_id: int, label: str,
            on_removed: Callable[[], None] | None) -> confirm.Done:
    trash_id = trash.remove(db, user, kind, row_id)
    if on_removed is not None:
        on_removed()
    return confirm.Done(texts.TRASH_MOVED.format(label=md(label)),
                        undo=functools.partial(trash.restore, db, user, trash_id))


def delete_button(db, user, kind: str, row_id: int, *, key: str | None = None,
                  on_removed: Callable[[], None] | None = None, container=None) -> None:
    """A «Slett» button for one record, shown only to whoever may remove it now. `on_removed`
    runs after the removal (before the rerun), e.g. to close the record's view; it may only
    set session state, never draw."""
    label = trash.removable(db, user, kind, row_id)
    if label is None:
        return
    confirm.confirm_button(
        texts.TRASH_BUTTON, key or f"slett_{kind}_{row_id}",
        question=texts.TRASH_QUESTION.format(label=md(label)),
        action=functools.partial(_remove, db, user, kind, row_id, label, on_removed),
        confirm_label=texts.TRASH_CONFIRM, danger=True, container=container,
        icon=":material/delete:")


def choose_and_delete(db, user, kind: str, options: dict[int, str], key: str,
                      label: str) -> None:
    """A chooser of rows (a politician's stances, a calendar's events) with «Slett» for the
    chosen one: for lists that have no page of their own per row."""
    if not options:
        return
    if st.session_state.pop(f"{key}_clear", False):  # a widget's state is set before it only
        st.session_state.pop(f"{key}_choice", None)
    chosen = st.selectbox(md(label), list(options), format_func=options.get, index=None,
                          key=f"{key}_choice", placeholder=texts.TRASH_CHOOSE)
    if chosen is not None:
        delete_button(db, user, kind, chosen, key=f"{key}_{chosen}",
                      on_removed=close(f"{key}_clear", True))


def close(key: str, value=None, *, query_param: str | None = None) -> Callable[[], None]:
    """An `on_removed` that sets a session-state key (a page's "open this next" key, or a flag
    the page reads before drawing its chooser) and drops the record's link from the URL."""
    def set_it() -> None:
        st.session_state[key] = value
        if query_param:
            st.query_params.pop(query_param, None)
    return set_it


def render(db, user) -> None:
    st.caption(texts.TRASH_INTRO)
    rows = trash.list_trash(db, user)
    if not rows:
        st.info(texts.TRASH_EMPTY)
        return
    for row in rows:
        left, right = st.columns([5, 1], vertical_alignment="center")
        left.markdown(
            f"**{md(row['kind_label'])}:** {md(row['label'])}  \n"
            f"{texts.TRASH_COL_WHO}: {md(row['deleted_by_name'] or '–')} · "
            f"{texts.TRASH_COL_WHEN.lower()} {texts.format_date(texts.oslo_date(row['deleted_at']))} · "
            f"{texts.TRASH_COL_LEFT.lower()}: {texts.format_number(row['days_left'])}")
        # Putting back needs no dialog: it changes nothing that cannot be removed again.
        if row["can_restore"] and right.button(texts.TRASH_RESTORE_BUTTON,
                                               key=f"trash_restore_{row['id']}",
                                               icon=":material/restore_from_trash:"):
            try:
                message = trash.restore(db, user, row["id"])
            except AdvocacyError as exc:
                st.error(md(exc.message))
            else:
                confirm.done(md(message))  # shown as Markdown: the label is typed text
                st.rerun()
