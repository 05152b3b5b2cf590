"""The «Argumentbank» tab: approved paragraphs to use, proposals, and leadership's approval.

Not a page. Inserting into a draft happens in the letter editor (innlegg_editor)."""

from __future__ import annotations

import datetime as dt

import sqlite_utils
import streamlit as st

from advocacy import permissions, texts
from advocacy.accounts.accounts import User
from advocacy.errors import AdvocacyError
from advocacy.policy import municipalities
from advocacy.ui import dates, edit_forms, trash_view
from advocacy.ui.safe_text import md
from advocacy.writing import argument_bank


def tab(db: sqlite_utils.Database, user: User) -> None:
    levers = {lv["id"]: lv["name"] for lv in municipalities.levers(db)}
    search = st.text_input(texts.SEARCH_LABEL, key="arg_sok")
    for row in argument_bank.list_arguments(db, user, search=search):
        with st.container(border=True):
            st.markdown(f"**{md(row['title'])}**" + (f" · {md(row['lever'])}" if row["lever"] else ""))
            st.markdown(md(row["body"]))
            st.caption("Kilder: " + "; ".join(md(s) for s in argument_bank.source_list(row))
                       + f" · sjekket {texts.format_date(row['checked_on'])}")
            if row["stale"]:
                st.warning(texts.ARGUMENT_STALE.format(date=texts.format_date(row["checked_on"])))
            if permissions.allowed(user, "argument.approve") and st.button("Arkiver", key=f"arg_arkiver_{row['id']}"):
                _do(argument_bank.archive, db, user, row["id"])
            edit_forms.argument_edit(db, user, row, f"arg_endre_{row['id']}")
            trash_view.delete_button(db, user, "arguments", row["id"], key=f"arg_slett_{row['id']}")
    proposals = argument_bank.list_arguments(db, user, status="forslag")
    if proposals:
        st.subheader("Forslag til vurdering" if permissions.allowed(user, "argument.approve") else "Dine forslag")
        for row in proposals:
            review(db, user, row)
    propose(db, user, levers)


def review(db, user, row) -> None:
    with st.container(border=True):
        st.markdown(f"**{md(row['title'])}** · foreslått av {md(row['proposer'] or '–')}")
        st.markdown(md(row["body"]))
        st.caption("Kilder: " + ("; ".join(md(s) for s in argument_bank.source_list(row))
                                  or "ingen ennå"))
        edit_forms.argument_edit(db, user, row, f"arg_forslag_endre_{row['id']}")
        trash_view.delete_button(db, user, "arguments", row["id"], key=f"arg_forslag_slett_{row['id']}")
        if not permissions.allowed(user, "argument.approve"):
            return
        cols = st.columns(3)
        checked = cols[0].date_input("Kildene sjekket", value=dt.date.today(),
                                     **dates.OPEN_RANGE, format="DD.MM.YYYY",
                                     key=f"arg_sjekket_{row['id']}")
        if cols[1].button("Godkjenn", key=f"arg_godkjenn_{row['id']}", type="primary"):
            _do(argument_bank.approve, db, user, row["id"], checked)
        if cols[2].button("Avvis", key=f"arg_avvis_{row['id']}"):
            _do(argument_bank.reject, db, user, row["id"])


def propose(db, user, levers) -> None:
    with st.expander("Foreslå et nytt argument"), st.form("arg_ny", clear_on_submit=True, enter_to_submit=False):
        title = st.text_input("Overskrift")
        body = st.text_area("Avsnittet slik det skal stå i innlegget")
        sources = st.text_area("Kilder, én per linje")
        checked = st.date_input("Kildene sjekket", value=dt.date.today(),
                                **dates.OPEN_RANGE, format="DD.MM.YYYY")
        lever = st.selectbox("Sak (valgfritt)", [None, *levers],
                             format_func=lambda i: "–" if i is None else levers[i], placeholder=texts.CHOOSE_ONE)
        if st.form_submit_button("Send forslaget"):
            _do(argument_bank.propose, db, user, {
                "title": title, "body": body, "sources": sources, "checked_on": checked,
                "lever_id": lever})


def _do(action, db, user, *args) -> None:
    try:
        action(db, user, *args)
    except AdvocacyError as exc:
        st.error(md(exc.message))
        return
    st.rerun()
