"""One meeting: what happened, its follow-up, and its letters (make, edit, preview, download,
mark sent)."""

from __future__ import annotations

import streamlit as st

from advocacy import permissions, texts
from advocacy.documents import to_html
from advocacy.errors import AdvocacyError
from advocacy.meetings import followup_letters, followups, meetings
from advocacy.privacy import erasure_marks
from advocacy.ui import followup_letter_form, meeting_answers, trash_view
from advocacy.ui.meeting_form import meeting_form
from advocacy.ui.safe_text import md
from advocacy.ui.widgets import table


def _run(action, success: str | None = None) -> bool:
    """Call a domain action; show its Norwegian refusal instead of a traceback."""
    try:
        action()
    except AdvocacyError as exc:
        st.error(md(exc.message))
        return False
    if success:
        st.toast(md(success))
    return True


def _field(label: str, value) -> None:
    if value:
        st.markdown(texts.MEETING_FIELD.format(label=md(label), value=md(value)))


def render_meeting(db, user, meeting_id: int) -> None:
    meeting = meetings.get_meeting(db, user, meeting_id)
    editable = permissions.allowed(user, "meeting.edit", meeting)
    st.subheader(f"{texts.MEETING_KINDS[meeting['kind']]} {texts.format_date(meeting['held_on'])}"
                 f" – {md(meeting['kommune'])}")
    st.caption(md(meeting["chapter"]))
    if meeting["id"] in followups.no_reply_meeting_ids(db, user, meeting_ids=[meeting["id"]]):
        st.warning(texts.NO_REPLY_BADGE)
    _field(texts.MEETING_POLITICIANS, ", ".join(p["name"] for p in meeting["politicians"]))
    _field(texts.MEETING_OUR_PARTICIPANTS, meeting["our_participants"])
    _field(texts.MEETING_LEVERS, ", ".join(x["name"] for x in meeting["levers"]))
    _field(texts.MEETING_TOPICS, meeting["topics"])
    _field(texts.MEETING_SUMMARY, meeting["summary"])
    _field(texts.MEETING_ASKS, "; ".join(meetings.ask_list(meeting["asks"])))
    _field(texts.MEETING_PROMISES, meeting["promises"])
    _field(texts.MEETING_OUTCOME, meeting["outcome"])
    done = meeting["followup_done_on"]
    status = (texts.MEETING_FOLLOWUP_DONE_ON.format(date=texts.format_date(done)) if done
              else texts.MEETING_FOLLOWUP_DUE.format(
                  date=texts.format_date(meeting['followup_due'])))
    _field(texts.MEETING_FOLLOWUP, texts.MEETING_FOLLOWUP_STATUS.format(
        status=status, owner=meeting['owner'] or '–'))
    meeting_answers.show_reply(db, user, meeting)
    if editable:
        _followup_actions(db, user, meeting)
        with st.expander(texts.MEETING_EDIT):
            if meeting_form(db, user, f"edit_{meeting_id}", meetings.as_input(meeting),
                            meeting_id=meeting_id):
                st.rerun()
        trash_view.delete_button(db, user, "meetings", meeting_id,
                                 on_removed=trash_view.close("moter_pending_open"))
    _letters(db, user, meeting, editable)


def _followup_actions(db, user, meeting: dict) -> None:
    if not meeting["followup_done_on"]:
        meeting_answers.mark_done_button(db, user, meeting["id"], meeting["held_on"],
                                         f"done_{meeting['id']}")
    if not meeting["reply_received_on"]:
        meeting_answers.reply_form(db, user, meeting)


def _letters(db, user, meeting: dict, editable: bool) -> None:
    st.markdown(texts.MEETING_LETTERS_TITLE)
    letters = followup_letters.letters_for_meeting(db, user, meeting["id"])
    table(letters, texts.MEETING_LETTER_COLUMNS,
          dates=["sent_on"], labels={"status": texts.DOCUMENT_STATUSES},
          key=f"letters_{meeting['id']}")
    followup_letter_form.zip_button(db, user, meeting, letters)
    if editable:
        followup_letter_form.make_letters(db, user, meeting)
    if not letters:
        return
    ids = [x["id"] for x in reversed(letters)]  # newest first
    chosen = st.selectbox(
        texts.MEETING_SHOW_LETTER, ids,
        format_func=lambda i: next(x["title"] for x in letters if x["id"] == i),
        key=f"letter_choice_{meeting['id']}", placeholder=texts.CHOOSE_ONE)
    _letter(db, user, chosen, editable)


@st.cache_data(show_spinner=False, max_entries=32)
def _rendered(_db, _user, user_id: int, document_id: int, updated_at: str, erased: str
              ) -> bytes:
    """The letter's .docx, made once per version of the letter rather than on every rerun;
    `updated_at` changes with every edit and when it is sent, `erased` with every erasure of a
    person (which rewrites names in letters), `user_id` keeps one user's result from being
    served to another."""
    return followup_letters.render_letter(_db, _user, document_id)


@st.cache_data(show_spinner=False, max_entries=32)
def _preview_html(user_id: int, document_id: int, updated_at: str, erased: str, _docx: bytes
                  ) -> str:
    """The sanitised HTML preview (to_html) of that same version."""
    return to_html(_docx)


def _letter(db, user, document_id: int, editable: bool) -> None:
    letter = followup_letters.get_letter(db, user, document_id)
    fields = letter["fields"]
    draft = letter["status"] != "sendt"
    if editable and draft:
        with st.expander(texts.MEETING_EDIT_LETTER):
            if followup_letter_form.edit(db, user, document_id, fields):
                st.rerun()
    try:
        erased = erasure_marks.last_erasure(db)
        docx = _rendered(db, user, user.id, document_id, letter["updated_at"], erased)
    except AdvocacyError as exc:
        st.error(md(exc.message))
        return
    left, right = st.columns(2)
    left.download_button(
        texts.MEETING_DOWNLOAD_LETTER, data=docx, file_name=followup_letters.filename(letter),
        mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        key=f"download_{document_id}", on_click="ignore", icon=":material/download:")
    if editable and draft:
        meeting_answers.mark_sent(db, user, document_id, right)
    elif letter["sent_on"]:
        right.caption(texts.MEETING_LETTER_SENT_ON.format(
            date=texts.format_date(letter['sent_on'])))
    with st.expander(texts.MEETING_LETTER_PREVIEW, expanded=True):
        try:
            st.html(_preview_html(user.id, document_id, letter["updated_at"], erased, docx))
        except AdvocacyError as exc:
            st.error(md(exc.message))
