"""The form to log or change a meeting; the same widgets for both, keyed by `prefix`.

Not an `st.form`: a form's widgets report nothing until it is submitted, so text typed in it
would be lost on a page switch or a reload. Every field is watched instead (draft_keeper keeps
it as the user's draft 'mote:new' or 'mote:<id>'), and «Lagre møtet» saves in its on_click
callback, before the fields are drawn, so a refusal is shown under the field it is about and
everything typed stays on the screen. A date is never limited in the widget (that silently
replaces a typed date); the domain refuses a wrong one with a message.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from advocacy import texts
from advocacy.errors import AdvocacyError, ValidationError
from advocacy.meetings import meetings
from advocacy.meetings.meetings import MeetingInput
from advocacy.policy import municipalities
from advocacy.politicians import politicians
from advocacy.ui import dates, draft_keeper, text_limit
from advocacy.ui.safe_text import md

FIELDS = ("chapter_id", "kommunenummer", "held_on", "kind", "politician_ids",
          "our_participants", "lever_ids", "topics", "summary", "asks", "promises", "outcome",
          "followup_due", "followup_owner_id")
KEYS = {"chapter_id": "chapter", "kommunenummer": "kommune", "held_on": "date",
        "kind": "kind", "politician_ids": "politicians", "our_participants": "ours",
        "lever_ids": "levers", "topics": "topics", "summary": "summary", "asks": "asks",
        "promises": "promises", "outcome": "outcome", "followup_due": "due",
        "followup_owner_id": "owner"}


def _keeper(db, user, prefix: str, meeting_id: int | None) -> draft_keeper.Keeper:
    return draft_keeper.Keeper(db, user, f"mote:{meeting_id or 'new'}",
                               {name: f"{prefix}_{KEYS[name]}" for name in FIELDS})


def _defaults(db, user, initial: MeetingInput | None, chapter_ids: list[int]) -> dict:
    if initial is not None:
        return {name: getattr(initial, name) for name in FIELDS}
    chapter_id = user.chapter_id if user.chapter_id in chapter_ids else chapter_ids[0]
    return {"chapter_id": chapter_id,
            "kommunenummer": meetings.chapter_municipality(db, chapter_id),
            "held_on": dt.date.today(), "kind": next(iter(texts.MEETING_KINDS)),
            "politician_ids": [], "lever_ids": [], "followup_due": None,
            "followup_owner_id": user.id,
            **{name: "" for name in ("our_participants", "topics", "summary", "asks",
                                     "promises", "outcome")}}


def _within(key: str, options, fallback) -> None:
    """Keep a choice among the options it has now (they follow chapter and municipality)."""
    state = st.session_state
    if isinstance(state.get(key), list):
        state[key] = [v for v in state[key] if v in options]
    elif state.get(key) not in options:
        state[key] = fallback


def meeting_form(
    db, user, prefix: str, initial: MeetingInput | None = None, meeting_id: int | None = None
) -> int | None:
    """Show the form; return the meeting id on the run after a save (None otherwise)."""
    saved = st.session_state.pop(f"{prefix}_saved", None)
    if saved is not None:
        return saved
    chapters = meetings.chapter_choices(db, user)
    if not chapters:
        st.info(texts.NOT_ALLOWED)
        return None
    chapter_ids = list(chapters)
    kept = _keeper(db, user, prefix, meeting_id)
    defaults = _defaults(db, user, initial, chapter_ids)
    kept.seed(defaults)
    kept.notice()
    key = kept.key
    refused = _Refusals(prefix)

    _within(key("chapter_id"), chapter_ids, defaults["chapter_id"])
    chapter_id = st.selectbox(texts.MEETING_FORM_CHAPTER, chapter_ids, format_func=chapters.get,
                              key=key("chapter_id"), disabled=len(chapter_ids) == 1, **kept.watch, placeholder=texts.CHOOSE_ONE)
    all_municipalities = municipalities.names(db)
    knrs = list(all_municipalities)
    _within(key("kommunenummer"), knrs, meetings.chapter_municipality(db, chapter_id))
    kommunenummer = st.selectbox(
        texts.MEETING_FORM_MUNICIPALITY, knrs, format_func=lambda k: f"{all_municipalities[k]} ({k})",
        key=key("kommunenummer"), **kept.watch, placeholder=texts.CHOOSE_ONE)
    people = {p["id"]: politicians.label(p)
              for p in politicians.list_politicians(db, user, kommunenummer=kommunenummer)}
    levers = {x["id"]: x["name"] for x in municipalities.levers(db)}
    owners = meetings.owner_choices(db, chapter_id)

    left, right = st.columns(2)
    held_on = left.date_input(texts.MEETING_FORM_DATE, **dates.OPEN_RANGE, format="DD.MM.YYYY",
                              key=key("held_on"), **kept.watch)
    date_slot = left.empty()
    kinds = list(texts.MEETING_KINDS)
    _within(key("kind"), kinds, kinds[0])
    right.selectbox(texts.MEETING_FORM_KIND, kinds, format_func=texts.MEETING_KINDS.get, key=key("kind"),
                    **kept.watch, placeholder=texts.CHOOSE_ONE)
    _within(key("politician_ids"), people, [])
    st.multiselect(texts.MEETING_FORM_POLITICIANS, list(people), format_func=lambda p: people[p],
                   key=key("politician_ids"), placeholder=texts.MEETING_FORM_CHOOSE_POLITICIANS,
                   **kept.watch, select_all=False)
    refused.show("politician_ids")
    cap = texts.MEETING_TEXT_LIMITS  # the domain refuses more; the long texts show a count
    st.text_input(texts.MEETING_FORM_OURS, key=key("our_participants"),
                  placeholder=texts.MEETING_FORM_OURS_PLACEHOLDER, **kept.watch)
    _within(key("lever_ids"), levers, [])
    st.multiselect(texts.MEETING_FORM_LEVERS, list(levers), format_func=levers.get,
                   key=key("lever_ids"), **kept.watch, placeholder=texts.CHOOSE_MANY, select_all=False)
    st.text_input(texts.MEETING_FORM_TOPICS, key=key("topics"),
                  placeholder=texts.MEETING_FORM_TOPICS_PLACEHOLDER, **kept.watch)
    text_limit.show(key("summary"), st.text_area(texts.MEETING_FORM_SUMMARY, key=key("summary"), **kept.watch),
                    cap["summary"])
    refused.show("summary")
    text_limit.show(key("asks"), st.text_area(texts.MEETING_FORM_ASKS, key=key("asks"),
                                              **kept.watch), cap["asks"])
    text_limit.show(key("promises"), st.text_area(texts.MEETING_FORM_PROMISES,
                                                  key=key("promises"), **kept.watch),
                    cap["promises"])
    st.text_input(texts.MEETING_FORM_OUTCOME, key=key("outcome"), **kept.watch)
    left, right = st.columns(2)
    due = left.date_input(texts.MEETING_FORM_DUE, **dates.OPEN_RANGE,
                          format="DD.MM.YYYY", key=key("followup_due"),
                          help=texts.MEETING_FORM_DUE_HELP.format(days=meetings.FOLLOWUP_DAYS),
                          **kept.watch)
    due_slot = left.empty()
    owner_ids = list(owners)
    _within(key("followup_owner_id"), owner_ids, user.id if user.id in owner_ids
            else (owner_ids[0] if owner_ids else None))
    right.selectbox(texts.MEETING_FORM_OWNER, owner_ids, format_func=owners.get,
                    key=key("followup_owner_id"), **kept.watch, placeholder=texts.CHOOSE_ONE)
    # The date rules are checked as the dates change, not only on save.
    try:
        meetings.check_dates(held_on, due, dt.date.today())
    except ValidationError as exc:
        (due_slot if exc.field == "followup_due" else date_slot).error(md(exc.message))
    st.button(texts.MEETING_FORM_SAVE, type="primary", key=f"{prefix}_save", on_click=_save,
              args=(db, user, prefix, meeting_id, kept))
    refused.show(None)
    return None


class _Refusals:
    """The last save's refusal, shown under its field while that field still holds the
    refused value (a changed value is a new attempt, not the same mistake)."""

    def __init__(self, prefix: str):
        self.prefix = prefix
        self.refusal = st.session_state.get(f"{prefix}_refused")

    def show(self, field: str | None) -> None:
        slot = st.empty()  # always there, so the fields below never shift when it fills
        if not self.refusal or self.refusal["field"] != field:
            return
        if field is None or st.session_state.get(f"{self.prefix}_{KEYS[field]}") == \
                self.refusal["value"]:
            slot.error(md(self.refusal["message"]))


def _save(db, user, prefix: str, meeting_id: int | None, kept: draft_keeper.Keeper) -> None:
    """on_click: save what is on the screen, or remember why not (nothing is written)."""
    user = draft_keeper.acting(user)
    if user is None:
        return  # logged out meanwhile: app.py shows the login on this run
    values = kept.values()
    state = st.session_state
    state.pop(f"{prefix}_refused", None)
    data = MeetingInput(**{**values, "politician_ids": values["politician_ids"] or [],
                           "lever_ids": values["lever_ids"] or []})
    try:
        if meeting_id is not None:
            meetings.update_meeting(db, user, meeting_id, data)
            saved = meeting_id
        else:
            saved = meetings.create_meeting(db, user, data)
    except AdvocacyError as exc:
        field = getattr(exc, "field", None)
        if field in ("held_on", "followup_due"):
            return  # the date check under the field already says it, on every run
        if field not in KEYS:
            field = None
        state[f"{prefix}_refused"] = {"field": field, "message": exc.message,
                                      "value": values.get(field) if field else None}
        return
    kept.saved()
    if meeting_id is None:
        kept.forget_widgets()  # the next new meeting starts from an empty form
    state[f"{prefix}_saved"] = saved
