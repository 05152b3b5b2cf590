"""The fields of a statement draft, new or being edited, kept as the user's draft as they are
typed ('uttalelse:new', 'uttalelse:<id>').

Not an `st.form`: a form's widgets report nothing until submitted, so unsaved text would be
lost on a tab or page switch or a reload. Widget keys carry the statement's id, so opening
another statement never shows this one's words.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from advocacy import texts
from advocacy.statements import statement_archive, statements
from advocacy.ui import dates, draft_keeper, text_limit
from advocacy.ui.chapter_choice import chapter_select

TEXT_NAMES = ("title", "adopted_by", "meeting_date", "place", "position", "grounds",
              "demands_to", "demands", "reservations", "contact")


def statement_form(db, user, key: str, current: dict | None = None) -> dict | None:
    """The text fields, levers and municipalities; returns them when «Lagre utkast» is
    clicked, with `saved` to call once the domain has saved them (it drops the draft)."""
    current = current or {}
    record = current.get("id")
    prefix = f"{key}_{record}" if record else key
    names = [*TEXT_NAMES, "levers", "municipalities", "chapter"]
    kept = draft_keeper.Keeper(db, user, f"uttalelse:{record or 'new'}",
                               {name: f"{prefix}_{name}" for name in names})
    levers = statement_archive.lever_choices(db)
    knrs = statement_archive.municipality_choices(db)
    meeting = current.get("meeting_date")
    kept.seed({
        **{name: current.get(name) or "" for name in TEXT_NAMES},
        "meeting_date": dt.date.fromisoformat(meeting) if meeting else None,
        "demands": "\n".join(statements.demands_list(current.get("demands"))),
        "levers": [r["id"] for r in current.get("levers", [])],
        "municipalities": [r["kommunenummer"] for r in current.get("municipalities", [])],
        "chapter": None,
    })
    kept.notice()
    k, w, label = kept.key, kept.watch, texts.STATEMENT_FIELDS

    def counted(name: str, value: str) -> str:  # the count under the field just drawn
        text_limit.show(k(name), value, statements.MAX_TEXT)
        return value
    state = st.session_state
    state[k("levers")] = [v for v in state[k("levers")] or [] if v in levers]
    state[k("municipalities")] = [v for v in state[k("municipalities")] or [] if v in knrs]
    values = {
        "title": st.text_input(label["title"], key=k("title"), **w),
        "adopted_by": st.text_input(
            label["adopted_by"], key=k("adopted_by"), **w,
            help=texts.STATEMENT_ADOPTED_BY_HELP,
        ),
        "meeting_date": st.date_input(label["meeting_date"], key=k("meeting_date"),
                                      **dates.OPEN_RANGE,
                                      format="DD.MM.YYYY", **w),
        "place": st.text_input(label["place"], key=k("place"), **w),
        "position": counted("position", st.text_area(
            label["position"], key=k("position"), help=texts.STATEMENT_POSITION_HELP, **w)),
        "grounds": counted("grounds", st.text_area(
            label["grounds"], height=180, key=k("grounds"),
            help=texts.STATEMENT_GROUNDS_HELP, **w)),
        "demands_to": st.text_input(label["demands_to"], key=k("demands_to"),
                                    placeholder=texts.STATEMENT_DEFAULT_DEMANDS_TO, **w),
        "demands": st.text_area(label["demands"], key=k("demands"), help=texts.STATEMENT_DEMANDS_HELP,
                                **w),
        "reservations": counted("reservations", st.text_area(
            label["reservations"], key=k("reservations"), **w)),
        "contact": st.text_input(label["contact"], key=k("contact"), **w),
    }
    chosen_levers = st.multiselect(texts.STATEMENT_LEVERS, list(levers), format_func=levers.get,
                                   key=k("levers"), **w, placeholder=texts.CHOOSE_MANY, select_all=False)
    chosen_knrs = st.multiselect(texts.STATEMENT_MUNICIPALITIES, list(knrs), format_func=knrs.get,
                                 key=k("municipalities"), **w, placeholder=texts.CHOOSE_MANY, select_all=False)
    chapter = None
    if not current:  # a new statement's chapter; a saved one keeps its own
        chapter = chapter_select(db, user, texts.STATEMENT_CHAPTER,
                                 texts.STATEMENT_WHOLE_ORGANISATION, key=k("chapter"), **w)
    if not st.button(texts.STATEMENT_SAVE_DRAFT, type="primary", key=f"{prefix}_save"):
        return None
    return {"fields": values, "lever_ids": chosen_levers, "kommunenummer": chosen_knrs,
            "chapter_id": chapter, "saved": kept.saved}
