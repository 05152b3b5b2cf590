"""Forms that change a saved record whose page had only a «new» form: an event, a campaign, an
uploaded template's name and kind, a chapter, an argument. Each is drawn by its page with one
call; the checks are the domain's, the same as for a new record."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from advocacy import permissions, texts
from advocacy.accounts import user_admin
from advocacy.errors import AdvocacyError
from advocacy.events import campaigns, events
from advocacy.letters import template_library
from advocacy.ui import confirm, dates
from advocacy.ui.chapter_choice import chapter_select
from advocacy.ui.safe_text import md
from advocacy.writing import argument_bank


def _save(fn, *args, **kwargs) -> None:
    try:
        fn(*args, **kwargs)
    except AdvocacyError as exc:
        st.error(md(exc.message))
        return
    confirm.done(texts.EDIT_SAVED)
    st.rerun()


def _moment(value: str) -> tuple[dt.date, dt.time | None]:
    if len(value) <= 10:
        return dt.date.fromisoformat(value), None
    moment = dt.datetime.fromisoformat(value)
    return moment.date(), moment.time()


def event_edit(db, user, options: dict[int, str], chapters: dict, campaign_titles: dict) -> None:
    """Choose one of `options` (events this user may change) and change it."""
    if not options:
        return
    with st.expander(texts.EDIT_EVENT, icon=":material/edit:"):
        chosen = st.selectbox(texts.EDIT_EVENT, list(options), format_func=options.get,
                              index=None, key="event_edit_choice", label_visibility="collapsed",
                              placeholder=texts.TRASH_CHOOSE)
        if chosen is None:
            return
        try:
            event = events.get_event(db, user, chosen)
        except AdvocacyError as exc:
            st.error(md(exc.message))
            return
        day, start = _moment(event["starts_at"])
        end = _moment(event["ends_at"])[1] if event["ends_at"] else None
        kinds = list(texts.EVENT_KINDS)
        with st.form(f"event_edit_{chosen}", enter_to_submit=False):
            c1, c2 = st.columns(2)
            kind = c1.selectbox(texts.EDIT_EVENT_KIND, kinds, format_func=texts.EVENT_KINDS.get,
                                index=kinds.index(event["kind"]) if event["kind"] in kinds else 0, placeholder=texts.CHOOSE_ONE)
            title = c2.text_input(texts.EDIT_EVENT_TITLE, value=event["title"])
            c1, c2, c3 = st.columns(3)
            day = c1.date_input(texts.EDIT_EVENT_DATE, day, **dates.OPEN_RANGE, format="DD.MM.YYYY")
            start = c2.time_input(texts.EDIT_EVENT_FROM, start or dt.time(18, 0), step=900)
            end = c3.time_input(texts.EDIT_EVENT_TO, end, step=900)
            all_day = st.checkbox(texts.EDIT_EVENT_ALL_DAY, value=len(event["starts_at"]) <= 10)
            chapter = chapter_select(db, user, texts.EDIT_EVENT_CHAPTER,
                                     texts.EDIT_EVENT_WHOLE_ORGANISATION, chapters=chapters,
                                     current=event["chapter_id"], fallback=event["chapter_id"])
            place = st.text_input(texts.EDIT_EVENT_PLACE, value=event["place"] or "")
            responsible = st.text_input(texts.EDIT_EVENT_RESPONSIBLE, value=event["responsible"] or "")
            ids = [None, *campaign_titles]
            campaign = st.selectbox(texts.EDIT_EVENT_CAMPAIGN, ids, index=ids.index(event["campaign_id"])
                                    if event["campaign_id"] in ids else 0,
                                    format_func=lambda c: campaign_titles.get(c, texts.EDIT_EVENT_NO_CAMPAIGN), placeholder=texts.CHOOSE_ONE)
            description = st.text_area(texts.EDIT_DESCRIPTION, value=event["description"] or "")
            if st.form_submit_button(texts.EDIT_SAVE, type="primary"):
                starts = day if all_day else dt.datetime.combine(day, start)
                ends = None if all_day or end is None else dt.datetime.combine(day, end)
                _save(events.update_event, db, user, chosen, kind=kind, title=title,
                      starts_at=starts, ends_at=ends, chapter_id=chapter, place=place,
                      description=description, responsible=responsible, campaign_id=campaign)


def campaign_edit(db, user, campaign: dict) -> None:
    if not permissions.allowed(user, "campaign.manage"):
        return
    with st.expander(texts.EDIT_CAMPAIGN, icon=":material/edit:"), st.form(
            f"camp_edit_{campaign['id']}", enter_to_submit=False):
        title = st.text_input(texts.EDIT_CAMPAIGN_TITLE, value=campaign["title"])
        c1, c2 = st.columns(2)
        starts = c1.date_input(texts.EDIT_CAMPAIGN_START, campaign["starts_on"] and dt.date.fromisoformat(
            campaign["starts_on"]), **dates.OPEN_RANGE, format="DD.MM.YYYY")
        ends = c2.date_input(texts.EDIT_CAMPAIGN_END, campaign["ends_on"] and dt.date.fromisoformat(
            campaign["ends_on"]), **dates.OPEN_RANGE, format="DD.MM.YYYY")
        goal_s = c1.number_input(texts.EDIT_CAMPAIGN_GOAL_SIGNATURES, 0, value=campaign["goal_signatures"] or 0,
                                 step=100)
        goal_v = c2.number_input(texts.EDIT_CAMPAIGN_GOAL_VOLUNTEERS, 0, value=campaign["goal_volunteers"] or 0,
                                 step=10)
        description = st.text_area(texts.EDIT_DESCRIPTION, value=campaign["description"] or "")
        if st.form_submit_button(texts.EDIT_SAVE, type="primary"):
            _save(campaigns.update_campaign, db, user, campaign["id"], title, starts_on=starts,
                  ends_on=ends, goal_signatures=goal_s, goal_volunteers=goal_v,
                  description=description)


def _pick(label: str, rows: list[dict], key: str) -> dict:
    """The row (with `id` and `name`) chosen to be changed."""
    by_id = {row["id"]: row for row in rows}
    chosen = st.selectbox(md(label), list(by_id), format_func=lambda i: by_id[i]["name"], key=key,
                          label_visibility="collapsed", placeholder=texts.CHOOSE_ONE)
    return by_id[chosen]


def template_edit(db, user, uploaded: list[dict]) -> None:
    if not (permissions.allowed(user, "template.manage") and uploaded):
        return
    with st.expander(texts.EDIT_TEMPLATE, icon=":material/edit:"):
        current = _pick(texts.EDIT_TEMPLATE, uploaded, "template_edit_choice")
        chosen = current["id"]
        kinds = list(texts.DOCUMENT_KINDS)
        with st.form(f"template_edit_{chosen}", enter_to_submit=False):
            name = st.text_input(texts.EDIT_TEMPLATE_NAME, value=current["name"])
            kind = st.selectbox(texts.EDIT_TEMPLATE_KIND, kinds, format_func=texts.DOCUMENT_KINDS.get,
                                index=kinds.index(current["kind"]) if current["kind"] in kinds
                                else 0, placeholder=texts.CHOOSE_ONE)
            if st.form_submit_button(texts.EDIT_SAVE, type="primary"):
                _save(template_library.update_template, db, user, chosen, name, kind)


def chapter_edit(db, user, chapters: list[dict]) -> None:
    if not chapters:
        return
    with st.expander(texts.EDIT_CHAPTER, icon=":material/edit:"):
        current = _pick(texts.EDIT_CHAPTER, chapters, "chapter_edit_choice")
        chosen = current["id"]
        with st.form(f"chapter_edit_{chosen}", enter_to_submit=False):
            c1, c2, c3 = st.columns(3)
            name = c1.text_input(texts.EDIT_CHAPTER_NAME, value=current["name"])
            organisation = c2.text_input(texts.EDIT_CHAPTER_ORGANISATION, value=current["organisation"] or "")
            kommunenummer = c3.text_input(texts.EDIT_CHAPTER_MUNICIPALITY, value=current["kommunenummer"] or "")
            if st.form_submit_button(texts.EDIT_SAVE):
                _save(user_admin.update_chapter, db, user, chosen, name, organisation,
                      kommunenummer.strip())


def argument_edit(db, user, row: dict, key: str) -> None:
    """Change an argument's wording and sources: leadership, or the proposer of a proposal."""
    if not permissions.allowed(user, "argument.edit", row):
        return
    with st.expander(texts.EDIT_ARGUMENT, icon=":material/edit:"), st.form(key, enter_to_submit=False):
        title = st.text_input(texts.EDIT_ARGUMENT_TITLE, value=row["title"])
        body = st.text_area(texts.EDIT_ARGUMENT_BODY, value=row["body"])
        sources = st.text_area(texts.EDIT_ARGUMENT_SOURCES, value="\n".join(
            argument_bank.source_list(row)))
        if st.form_submit_button(texts.EDIT_SAVE):
            _save(argument_bank.update, db, user, row["id"],
                  {"title": title, "body": body, "sources": sources})
