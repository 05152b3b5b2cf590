"""One politician: who they are, their stances with history, meetings and letters."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from advocacy import permissions, texts
from advocacy.errors import AdvocacyError
from advocacy.meetings import followup_letters, followups, meetings
from advocacy.policy import municipalities
from advocacy.politicians import politicians, stances
from advocacy.ui import corrections, dates, trash_view
from advocacy.ui.politician_form import politician_form
from advocacy.ui.safe_text import md
from advocacy.ui.widgets import table


def render_politician(db, user, politician_id: int) -> None:
    person = politicians.get_politician(db, user, politician_id)
    editor = permissions.allowed(user, "politician.edit")
    st.subheader(md(person["name"]))
    facts = [person["party_name"] or person["party"],
             texts.POLITICIAN_ROLES.get(person["role"]), person["committee"],
             texts.municipality_name(person["kommune"], person["navn_norsk"]), person["term"]]
    st.caption(" · ".join(md(f) for f in facts if f))
    contact = [c for c in (person["email"], person["phone"]) if c]
    if contact:
        st.markdown(md(" · ".join(contact)))
    if person["notes"]:
        st.markdown(texts.POLITICIAN_NOTES.format(notes=md(person['notes'])))
    if politician_id in followups.no_reply_politician_ids(db, user,
                                                          politician_id=politician_id):
        st.warning(texts.NO_REPLY_BADGE)

    st.markdown(texts.POLITICIAN_STANCES_TITLE)
    table(stances.current_stances(db, politician_id),
          texts.POLITICIAN_STANCE_COLUMNS,
          dates=["stated_on"], labels={"stance": texts.STANCES}, key=f"stances_{politician_id}")
    with st.expander(texts.POLITICIAN_HISTORY):
        history = stances.stance_history(db, politician_id)
        named = [{**r, "stance": texts.STANCES[r["stance"]]} for r in history]
        table(corrections.struck(named, "stance"),
              texts.POLITICIAN_STANCE_HISTORY_COLUMNS,
              dates=["stated_on"], key=f"stance_history_{politician_id}")
        if editor:
            trash_view.choose_and_delete(db, user, "stances", {
                r["id"]: f"{texts.format_short_date(r['stated_on'])} {r['subject']}: "
                         f"{texts.STANCES.get(r['stance'], r['stance'])}"
                for r in history},
                f"slett_stance_{politician_id}", texts.TRASH_CHOOSE_STANCE)
    corrections.stance_form(db, user, politician_id, history)
    if editor:
        _stance_form(db, user, politician_id)

    if permissions.allowed(user, "politician.edit"):
        st.markdown(texts.POLITICIAN_MEETINGS_TITLE)
        rows = meetings.list_meetings(db, user, politician_id=politician_id)
        table(rows, texts.POLITICIAN_MEETING_COLUMNS,
              dates=["held_on", "followup_done_on"], labels={"kind": texts.MEETING_KINDS},
              key=f"politician_meetings_{politician_id}")
        for row in rows[:10]:
            st.page_link("advocacy/ui/pages/moter.py", query_params={"mote": str(row["id"])},
                         label=texts.POLITICIAN_OPEN_MEETING.format(
                             date=texts.format_date(row['held_on'])))
    st.markdown(texts.POLITICIAN_LETTERS_TITLE)
    table(followup_letters.letters_for_politician(db, user, politician_id),
          texts.POLITICIAN_LETTER_COLUMNS,
          dates=["sent_on"], labels={"kind": texts.DOCUMENT_KINDS,
                                     "status": texts.DOCUMENT_STATUSES},
          key=f"politician_letters_{politician_id}")
    if editor:
        with st.expander(texts.POLITICIAN_EDIT):
            if politician_form(db, user, f"edit_politician_{politician_id}",
                               politicians.as_form(person), politician_id):
                st.rerun()
        trash_view.delete_button(db, user, "politicians", politician_id,
                                 on_removed=trash_view.close("politiker_pending_open"))


def _stance_form(db, user, politician_id: int) -> None:
    levers = {x["id"]: x["name"] for x in municipalities.levers(db)}
    with st.expander(texts.STANCE_FORM_TITLE), st.form(f"stance_form_{politician_id}",
                                                      clear_on_submit=True, enter_to_submit=False):
        lever = st.selectbox(texts.STANCE_LEVER, [None, *levers], key=f"stance_lever_{politician_id}",
                             format_func=lambda x: texts.STANCE_OTHER_TOPIC if x is None
                             else levers[x], placeholder=texts.CHOOSE_ONE)
        topic = st.text_input(texts.STANCE_TOPIC, key=f"stance_topic_{politician_id}")
        stance = st.radio(texts.STANCE_VALUE, list(texts.STANCES), format_func=texts.STANCES.get,
                          horizontal=True, index=5, key=f"stance_value_{politician_id}")
        stated_on = st.date_input(texts.STANCE_DATE, value=dt.date.today(), **dates.OPEN_RANGE,
                                  format="DD.MM.YYYY", key=f"stance_date_{politician_id}")
        source = st.text_input(texts.STANCE_SOURCE, key=f"stance_source_{politician_id}",
                               placeholder=texts.STANCE_SOURCE_PLACEHOLDER)
        if st.form_submit_button(texts.STANCE_SAVE):
            try:
                stances.record_stance(db, user, politician_id, stance, lever_id=lever,
                                      topic=topic, stated_on=stated_on, source=source)
            except AdvocacyError as exc:
                st.error(md(exc.message))
            else:
                st.rerun()
