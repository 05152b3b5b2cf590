"""The statement's irreversible steps ask first: «Trekk uttalelsen» (with «Angre»), «Registrer
vedtak» (the date starts from the draft's meeting date and is checked next to the field),
«Registrer utsending» and «Registrer svar» (with «Angre»). Not a page: uttalelser calls it."""

from __future__ import annotations

import datetime as dt
import functools

import streamlit as st

from advocacy import texts
from advocacy.errors import AdvocacyError
from advocacy.statements import statement_sending, statements
from advocacy.ui import confirm, dates
from advocacy.ui.safe_text import md


def withdraw_button(db, user, item: dict, container) -> None:
    confirm.confirm_button(
        texts.STATEMENT_STATUS_ACTIONS["trukket"], "stmt_move_trukket", container=container,
        question=texts.STATEMENT_WITHDRAW_CONFIRM.format(title=item["title"]),
        action=functools.partial(_withdraw, db, user, item["id"]))


def _withdraw(db, user, statement_id: int) -> confirm.Done:
    statements.set_status(db, user, statement_id, "trukket")
    return confirm.Done(texts.STATEMENT_WITHDRAWN_OK,
                        undo=functools.partial(statements.undo_withdraw, db, user, statement_id))


def adopt_form(db, user, item: dict) -> None:
    with st.form("stmt_adopt", enter_to_submit=False):
        st.markdown(texts.STATEMENT_ADOPT_TITLE)
        body = st.text_input(texts.STATEMENT_ADOPTED_BY, item["adopted_by"] or "",
                             placeholder=texts.STATEMENT_ADOPTED_BY_PLACEHOLDER, key="stmt_adopt_body")
        date = st.date_input(texts.STATEMENT_ADOPTED_ON, statements.default_adoption_date(item),
                             **dates.OPEN_RANGE, format="DD.MM.YYYY", key="stmt_adopt_date")
        problem = st.empty()  # a refused date or missing field, right under the date
        place = st.text_input(texts.STATEMENT_ADOPTED_PLACE, item["place"] or "", key="stmt_adopt_place")
        if not st.form_submit_button(texts.STATEMENT_ADOPT, type="primary"):
            return
    try:
        statements.check_adoption(db, user, item["id"], body, date, place)
    except AdvocacyError as exc:
        problem.error(md(exc.message))
        return
    confirm.ask(texts.STATEMENT_ADOPT_CONFIRM.format(body=body.strip(),
                                                     date=texts.format_date(date)),
                "stmt_adopt_confirm", confirm_label=texts.STATEMENT_ADOPT_CONFIRM_LABEL,
                action=functools.partial(_adopt, db, user, item["id"], body, date, place))


def _adopt(db, user, statement_id, body, date, place) -> str:
    statements.adopt(db, user, statement_id, body, date, place)
    return texts.STATEMENT_ADOPTED_DOC_STORED


def confirm_send(db, user, item: dict, chosen: list, date: dt.date, problem) -> None:
    """After «Registrer utsending»: check, then ask (a sending is not undone)."""
    try:
        _, resolved, _ = statement_sending.check_send(db, user, item["id"], chosen, date)
    except AdvocacyError as exc:
        problem.error(md(exc.message))
        return
    names = ", ".join(r["name"] for r in resolved)
    confirm.ask(texts.STATEMENT_SEND_CONFIRM.format(date=texts.format_date(date), names=names),
                "stmt_send_confirm", confirm_label=texts.STATEMENT_SEND,
                action=functools.partial(_send, db, user, item["id"], chosen, date))


def _send(db, user, statement_id, chosen, date) -> str:
    statement_sending.send(db, user, statement_id, chosen, date)
    return texts.STATEMENT_SENT_OK


def response_form(db, user, item: dict) -> None:
    with st.form("stmt_response", enter_to_submit=False):
        st.markdown(texts.STATEMENT_RESPONSE_TITLE)
        recipients = {r["id"]: r["name"] for r in item["recipients"]}
        recipient = st.selectbox(texts.STATEMENT_RESPONSE_TO, [None, *recipients],
                                 format_func=lambda r: recipients.get(r, "—"),
                                 key="stmt_response_recipient", placeholder=texts.CHOOSE_ONE)
        responder = st.text_input(texts.STATEMENT_RESPONSE_WHO, key="stmt_response_who")
        when = st.date_input(texts.STATEMENT_RESPONSE_DATE, dt.date.today(), **dates.OPEN_RANGE, format="DD.MM.YYYY",
                             key="stmt_response_date")
        problem = st.empty()
        summary = st.text_area(texts.STATEMENT_RESPONSE_SUMMARY, key="stmt_response_summary")
        if not st.form_submit_button(texts.STATEMENT_RESPONSE_SUBMIT):
            return
    try:
        statement_sending.check_response(db, user, item["id"], responder, when, summary,
                                         recipient)
    except AdvocacyError as exc:
        problem.error(md(exc.message))
        return
    confirm.ask(texts.STATEMENT_RESPONSE_CONFIRM.format(responder=responder.strip(),
                                                        date=texts.format_date(when)),
                "stmt_response_confirm", confirm_label=texts.STATEMENT_RESPONSE_SUBMIT,
                action=functools.partial(_respond, db, user, item["id"], responder, when,
                                         summary, recipient))


def _respond(db, user, statement_id, responder, when, summary, recipient) -> confirm.Done:
    rid = statement_sending.record_response(db, user, statement_id, responder, when, summary,
                                            recipient)
    return confirm.Done(texts.STATEMENT_RESPONSE_OK, undo=functools.partial(
        statement_sending.remove_response, db, user, rid))
