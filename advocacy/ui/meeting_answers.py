"""A meeting's follow-up and answer: «Marker oppfølgingen som gjort» and «Registrer svar» ask
first and offer «Angre»; a follow-up letter is marked sent only after a confirmation (it cannot
be undone: the copy that went out is kept). Not a page: meeting_detail and followup_view call it.
"""

from __future__ import annotations

import datetime as dt
import functools

import streamlit as st

from advocacy import texts
from advocacy.errors import AdvocacyError
from advocacy.meetings import followup_letters, meeting_replies, meetings
from advocacy.ui import confirm, dates
from advocacy.ui.safe_text import md


def mark_done_button(db, user, meeting_id: int, held_on: str, key: str, container=None,
                     label: str = texts.MEETING_MARK_DONE) -> None:
    confirm.confirm_button(
        label, key, container=container,
        question=texts.MEETING_DONE_CONFIRM.format(date=texts.format_date(held_on)),
        action=functools.partial(_mark_done, db, user, meeting_id))


def _mark_done(db, user, meeting_id: int) -> confirm.Done:
    done = meetings.mark_followup_done(db, user, meeting_id)
    return confirm.Done(texts.MEETING_DONE_OK, undo=functools.partial(
        meetings.reopen_followup, db, user, meeting_id, done))


def reply_form(db, user, meeting: dict) -> None:
    """Date, what was answered and (optionally) the answer as a file, checked before asking."""
    mid = meeting["id"]
    with st.expander(texts.MEETING_REPLY_TITLE), st.form(f"reply_form_{mid}", enter_to_submit=False):
        on = st.date_input(texts.MEETING_REPLY_ON, value=dt.date.today(), **dates.OPEN_RANGE, format="DD.MM.YYYY",
                           key=f"reply_on_{mid}")
        problem = st.empty()  # the refusal, next to the fields it is about
        summary = st.text_area(texts.MEETING_REPLY_SUMMARY, key=f"reply_summary_{mid}")
        upload = st.file_uploader(texts.MEETING_REPLY_FILE,
                                  type=["pdf", "docx"], key=f"reply_file_{mid}")
        if not st.form_submit_button(texts.MEETING_REPLY_SUBMIT):
            return
    attachment = (upload.name, upload.getvalue()) if upload is not None else None
    try:
        meeting_replies.check_reply(db, user, mid, on, summary=summary, attachment=attachment)
    except AdvocacyError as exc:
        problem.error(md(exc.message))
        return
    confirm.ask(texts.MEETING_REPLY_CONFIRM.format(date=texts.format_date(on)),
                f"reply_{mid}", confirm_label=texts.MEETING_REPLY_SUBMIT,
                action=functools.partial(_record_reply, db, user, mid, on, summary, attachment))


def _record_reply(db, user, meeting_id, on, summary, attachment) -> confirm.Done:
    received = meeting_replies.record_reply(db, user, meeting_id, on, summary=summary,
                                     attachment=attachment)
    return confirm.Done(texts.MEETING_REPLY_OK, undo=functools.partial(
        meeting_replies.remove_reply, db, user, meeting_id, received))


def show_reply(db, user, meeting: dict) -> None:
    if not meeting["reply_received_on"]:
        return
    st.markdown(texts.MEETING_REPLY_RECEIVED.format(
        date=texts.format_date(meeting['reply_received_on'])))
    if meeting["reply_summary"]:
        st.markdown(texts.MEETING_REPLY_WHAT.format(summary=md(meeting['reply_summary'])))
    if meeting["reply_filename"]:
        st.download_button(
            texts.MEETING_REPLY_DOWNLOAD.format(filename=md(meeting['reply_filename'])),
            data=functools.partial(_reply_bytes, db, user, meeting["id"]),
            file_name=meeting["reply_filename"], key=f"reply_download_{meeting['id']}",
            mime=meeting_replies.MIME.get(
                "." + meeting["reply_filename"].rsplit(".", 1)[-1].lower(),
                "application/octet-stream"),
            on_click="ignore", icon=":material/download:")


def _reply_bytes(db, user, meeting_id: int) -> bytes:
    return meeting_replies.reply_file(db, user, meeting_id)[1]


def mark_sent(db, user, document_id: int, container) -> None:
    """The sent date and «Marker som sendt», asking first: sent is final, and closes the
    meeting's follow-up."""
    sent_on = container.date_input(texts.FOLLOWUP_LETTER_SENT_ON, value=dt.date.today(), **dates.OPEN_RANGE, format="DD.MM.YYYY",
                                   key=f"sent_on_{document_id}")
    problem = container.empty()
    if not container.button(texts.FOLLOWUP_LETTER_MARK_SENT, key=f"send_{document_id}", type="primary"):
        return
    try:
        followup_letters.check_sending(db, user, document_id, sent_on)
    except AdvocacyError as exc:
        problem.error(md(exc.message))
        return
    confirm.ask(texts.LETTER_SEND_CONFIRM.format(date=texts.format_date(sent_on)),
                f"send_{document_id}", confirm_label=texts.FOLLOWUP_LETTER_MARK_SENT,
                action=functools.partial(_mark_sent, db, user, document_id, sent_on))


def _mark_sent(db, user, document_id: int, sent_on: dt.date) -> str:
    followup_letters.mark_sent(db, user, document_id, sent_on)
    return texts.LETTER_SENT_CLOSED
