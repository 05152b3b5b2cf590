"""The «Aviser» tab: the newspapers register for everyone; editing for leadership. Not a page."""

from __future__ import annotations

import sqlite_utils
import streamlit as st

from advocacy import permissions, texts
from advocacy.accounts.accounts import User
from advocacy.errors import AdvocacyError
from advocacy.policy import municipalities
from advocacy.ui import trash_view
from advocacy.ui.safe_text import md
from advocacy.ui.widgets import table
from advocacy.writing import newspapers

NEW = 0


def tab(db: sqlite_utils.Database, user: User) -> None:
    papers = newspapers.list_newspapers(db)
    table([{**p, "kommuner": ", ".join(p["kommuner"])} for p in papers],
          texts.NEWSPAPER_COLUMNS,
          key="newspapers_table")
    if permissions.allowed(user, "newspaper.manage"):
        edit(db, user, {p["id"]: p for p in papers})


def edit(db, user, papers: dict[int, dict]) -> None:
    st.subheader(texts.NEWSPAPER_EDIT_TITLE)
    if st.session_state.pop("avis_valgt_removed", False):
        st.session_state.pop("avis_valgt", None)
    chosen = st.selectbox(texts.NEWSPAPER_CHOOSE, [NEW, *papers], key="avis_valgt",
                          format_func=lambda i: texts.NEWSPAPER_NEW if i == NEW else papers[i]["name"], placeholder=texts.CHOOSE_ONE)
    paper = papers.get(chosen, {})
    places = municipalities.names(db)
    with st.form(f"avis_skjema_{chosen}", enter_to_submit=False):
        cols = st.columns(2)
        name = cols[0].text_input(texts.NEWSPAPER_NAME, value=paper.get("name", ""))
        email = cols[1].text_input(texts.NEWSPAPER_EMAIL, value=paper.get("email") or "")
        area = cols[0].text_input(texts.NEWSPAPER_AREA, value=paper.get("area") or "")
        forms = list(newspapers.LANGUAGE_FORMS)
        form = cols[1].selectbox(texts.NEWSPAPER_LANGUAGE_FORM, forms,
                                 index=forms.index(paper.get("language_form") or "bokmål"), placeholder=texts.CHOOSE_ONE)
        knrs = st.multiselect(texts.NEWSPAPER_MUNICIPALITIES, list(places),
                              default=paper.get("kommuner", []), format_func=places.get, placeholder=texts.CHOOSE_MANY, select_all=False)
        nums = st.columns(3)
        innlegg = nums[0].number_input(texts.NEWSPAPER_LIMIT_INNLEGG, 0, newspapers.MAX_CHARS,
                                       value=paper.get("max_chars_innlegg") or 0, step=100,
                                       help=texts.NEWSPAPER_LIMIT_HELP)
        kronikk = nums[1].number_input(texts.NEWSPAPER_LIMIT_KRONIKK, 0, newspapers.MAX_CHARS,
                                       value=paper.get("max_chars_kronikk") or 0, step=100)
        days = nums[2].number_input(texts.NEWSPAPER_EXCLUSIVE_DAYS, 1, 90,
                                    value=newspapers.exclusive_days(paper))
        notes = st.text_area(texts.NEWSPAPER_NOTES, value=paper.get("notes") or "")
        if st.form_submit_button(texts.NEWSPAPER_SAVE, type="primary"):
            values = {"name": name, "email": email, "area": area, "language_form": form,
                      "kommuner": knrs, "max_chars_innlegg": innlegg or None,
                      "max_chars_kronikk": kronikk or None, "exclusive_days": days,
                      "notes": notes}
            try:
                newspapers.save_newspaper(db, user, values, newspaper_id=chosen or None)
            except AdvocacyError as exc:
                st.error(md(exc.message))
            else:
                st.success(texts.NEWSPAPER_SAVED.format(name=md(name.strip())))
    if chosen != NEW:
        trash_view.delete_button(db, user, "newspapers", chosen, key="avis_slett",
                                 on_removed=trash_view.close("avis_valgt_removed", True))
