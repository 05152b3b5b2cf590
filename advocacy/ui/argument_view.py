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
            st.markdown(f"**{md(row['title'])}**" + (texts.ARGUMENT_LEVER_SUFFIX.format(
                lever=md(row['lever'])) if row["lever"] else ""))
            st.markdown(md(row["body"]))
            st.caption(texts.ARGUMENT_SOURCES.format(
                sources="; ".join(md(s) for s in argument_bank.source_list(row)),
                date=texts.format_date(row['checked_on'])))
            if row["stale"]:
                st.warning(texts.ARGUMENT_STALE.format(date=texts.format_date(row["checked_on"])))
            if permissions.allowed(user, "argument.approve") and st.button(texts.ARGUMENT_ARCHIVE, key=f"arg_arkiver_{row['id']}"):
                _do(argument_bank.archive, db, user, row["id"])
            edit_forms.argument_edit(db, user, row, f"arg_endre_{row['id']}")
            trash_view.delete_button(db, user, "arguments", row["id"], key=f"arg_slett_{row['id']}")
    proposals = argument_bank.list_arguments(db, user, status="forslag")
    if proposals:
        st.subheader(texts.ARGUMENT_PROPOSALS_TO_REVIEW if permissions.allowed(user, "argument.approve")
                     else texts.ARGUMENT_YOUR_PROPOSALS)
        for row in proposals:
            review(db, user, row)
    propose(db, user, levers)


def review(db, user, row) -> None:
    with st.container(border=True):
        st.markdown(texts.ARGUMENT_PROPOSED_BY.format(title=md(row['title']),
                                                      proposer=md(row['proposer'] or '–')))
        st.markdown(md(row["body"]))
        st.caption(texts.ARGUMENT_PROPOSAL_SOURCES.format(
            sources="; ".join(md(s) for s in argument_bank.source_list(row))
            or texts.ARGUMENT_NO_SOURCES_YET))
        edit_forms.argument_edit(db, user, row, f"arg_forslag_endre_{row['id']}")
        trash_view.delete_button(db, user, "arguments", row["id"], key=f"arg_forslag_slett_{row['id']}")
        if not permissions.allowed(user, "argument.approve"):
            return
        cols = st.columns(3)
        checked = cols[0].date_input(texts.ARGUMENT_SOURCES_CHECKED, value=dt.date.today(),
                                     **dates.OPEN_RANGE, format="DD.MM.YYYY",
                                     key=f"arg_sjekket_{row['id']}")
        if cols[1].button(texts.ARGUMENT_APPROVE, key=f"arg_godkjenn_{row['id']}", type="primary"):
            _do(argument_bank.approve, db, user, row["id"], checked)
        if cols[2].button(texts.ARGUMENT_REJECT, key=f"arg_avvis_{row['id']}"):
            _do(argument_bank.reject, db, user, row["id"])


def propose(db, user, levers) -> None:
    with st.expander(texts.ARGUMENT_PROPOSE_TITLE), st.form("arg_ny", clear_on_submit=True, enter_to_submit=False):
        title = st.text_input(texts.ARGUMENT_PROPOSE_HEADING)
        body = st.text_area(texts.ARGUMENT_PROPOSE_BODY)
        sources = st.text_area(texts.ARGUMENT_PROPOSE_SOURCES)
        checked = st.date_input(texts.ARGUMENT_SOURCES_CHECKED, value=dt.date.today(),
                                **dates.OPEN_RANGE, format="DD.MM.YYYY")
        lever = st.selectbox(texts.ARGUMENT_PROPOSE_LEVER, [None, *levers],
                             format_func=lambda i: "–" if i is None else levers[i], placeholder=texts.CHOOSE_ONE)
        if st.form_submit_button(texts.ARGUMENT_PROPOSE_SEND):
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
