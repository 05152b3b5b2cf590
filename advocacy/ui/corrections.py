"""«Rett opp»: the small forms that correct a wrong row of a position, stance or statement
history. Thin: the rules (reason required, once only, who may, the same value twice) are in
`positions.correct`, `stances.correct` and `statement_corrections.correct`.

Each form picks one row that still counts, asks why it is wrong and, optionally, the right
value, and reports through `confirm.done` (shown at the top of the next run). A correction is
not undone with «Angre»: a mistaken one is put right by recording the value again, so the
history tells it.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from advocacy import permissions, texts
from advocacy.errors import AdvocacyError
from advocacy.policy import positions
from advocacy.politicians import stances
from advocacy.statements import statement_corrections
from advocacy.ui import confirm, dates
from advocacy.ui.safe_text import md


def _key(base: str) -> str:
    """Widget keys of a correction form; a new set after each correction, so the emptied form
    is new to the browser too (deleting a widget's state would leave its old value showing)."""
    return f"{base}_{st.session_state.get(f'{base}_gen', 0)}"


def _finish(base: str, fn, *args, **kwargs) -> None:
    try:
        new_id = fn(*args, **kwargs)
    except AdvocacyError as exc:
        st.error(md(exc.message))
        return
    confirm.done(texts.CORRECTION_DONE_WITH_VALUE if new_id else texts.CORRECTION_DONE)
    st.session_state[f"{base}_gen"] = st.session_state.get(f"{base}_gen", 0) + 1
    st.rerun()


STRIKE = "\u0336"  # combining long stroke: the text shows struck through in any table cell


def struck(rows: list[dict], field: str) -> list[dict]:
    """History rows with `field` struck through where the row is corrected (the «Rettet»
    column says it in words)."""
    return [row if row["counts"] or not row.get(field) else
            {**row, field: "".join(ch + STRIKE for ch in str(row[field]))} for row in rows]


def position_form(db, user, kommunenummer: str, rows: list[dict]) -> None:
    """Under a municipality's history: correct one of its counting rows."""
    if not permissions.allowed(user, "position.record", positions.municipality(db, kommunenummer)):
        return
    base = f"correct_position_{kommunenummer}"
    key = _key(base)
    counting = {r["id"]: r for r in rows if r["counts"]}
    with st.expander(texts.CORRECT_TITLE, icon=":material/edit_note:"):
        st.caption(texts.CORRECT_HELP)
        picked = st.selectbox(
            texts.CORRECT_PICK, [None, *counting], key=f"{key}_pick",
            format_func=lambda i: texts.CORRECT_PICK_NONE if i is None else _position_label(
                counting[i]), placeholder=texts.CHOOSE_ONE)
        if picked is None:
            return
        row = counting[picked]
        with st.form(f"{key}_form", enter_to_submit=False):
            reason = st.text_input(texts.CORRECT_REASON, key=f"{key}_reason",
                                   help=texts.CORRECT_REASON_HELP,
                                   placeholder=texts.CORRECT_REASON_PLACEHOLDER)
            st.markdown(f"**{texts.CORRECT_NEW_VALUE}**")
            st.caption(texts.CORRECT_NEW_VALUE_HELP)
            # One key per kind: a text box and a date picker never share a widget state.
            value = _value_input(row["value_type"], f"{key}_value_{row['value_type']}")
            decided = st.date_input(texts.CORRECT_RIGHT_DATE, value=None, **dates.OPEN_RANGE, format="DD.MM.YYYY",
                                    key=f"{key}_decided_on")
            source = st.text_input(texts.CORRECT_RIGHT_SOURCE, key=f"{key}_source",
                                   placeholder=row["source"] or "")
            submitted = st.form_submit_button(texts.CORRECT_BUTTON, type="primary")
        if submitted:
            given = {"value": value.isoformat() if isinstance(value, dt.date) else value,
                     "decided_on": decided, "source": source}
            replacement = given if any(v not in (None, "") for v in given.values()) else None
            _finish(base, positions.correct, db, user, picked, reason, replacement)


def _position_label(row: dict) -> str:
    return texts.CORRECT_POSITION_LABEL.format(
        lever=row['lever'], value=row['shown_value'] or '–',
        date=texts.format_date(row['decided_on']) or '–', id=row['id'])


def _value_input(kind: str, key: str):
    label = texts.CORRECT_RIGHT_VALUE
    if kind == "boolean":
        return st.selectbox(label, [None, *texts.POSITION_YES_NO], key=key,
                            format_func=lambda v: "–" if v is None else v, placeholder=texts.CHOOSE_ONE)
    if kind == "date":
        return st.date_input(label, value=None, **dates.OPEN_RANGE, format="DD.MM.YYYY", key=key)
    return st.text_input(label, key=key, placeholder=texts.VALUE_HINTS[kind])


def stance_form(db, user, politician_id: int, rows: list[dict]) -> None:
    """Under a politician's stance history: correct one of the counting stances."""
    if not permissions.allowed(user, "politician.edit"):
        return
    base = f"correct_stance_{politician_id}"
    key = _key(base)
    counting = {r["id"]: r for r in rows if r["counts"]}
    if not counting:
        return
    with st.expander(texts.CORRECT_TITLE, icon=":material/edit_note:"):
        st.caption(texts.CORRECT_HELP)
        picked = st.selectbox(
            texts.CORRECT_PICK, [None, *counting], key=f"{key}_pick",
            format_func=lambda i: texts.CORRECT_PICK_NONE if i is None else (
                texts.CORRECT_STANCE_LABEL.format(
                    subject=counting[i]['subject'], stance=texts.STANCES[counting[i]['stance']],
                    date=texts.format_date(counting[i]['stated_on']), id=i)),
            placeholder=texts.CHOOSE_ONE)
        if picked is None:
            return
        with st.form(f"{key}_form", enter_to_submit=False):
            reason = st.text_input(texts.CORRECT_REASON, key=f"{key}_reason",
                                   help=texts.CORRECT_REASON_HELP)
            st.markdown(f"**{texts.CORRECT_NEW_VALUE}**")
            st.caption(texts.CORRECT_NEW_VALUE_HELP)
            stance = st.selectbox(texts.CORRECT_RIGHT_STANCE, [None, *texts.STANCES],
                                  key=f"{key}_stance",
                                  format_func=lambda s: "–" if s is None else texts.STANCES[s], placeholder=texts.CHOOSE_ONE)
            stated_on = st.date_input(texts.CORRECT_RIGHT_DATE, value=None, **dates.OPEN_RANGE, format="DD.MM.YYYY",
                                      key=f"{key}_stated_on")
            source = st.text_input(texts.CORRECT_RIGHT_SOURCE, key=f"{key}_source")
            submitted = st.form_submit_button(texts.CORRECT_BUTTON, type="primary")
        if submitted:
            given = {"stance": stance, "stated_on": stated_on, "source": source}
            replacement = given if any(v not in (None, "") for v in given.values()) else None
            _finish(base, stances.correct, db, user, picked, reason, replacement)


def statement_form(db, user, item: dict) -> None:
    """On an adopted statement version: mark it as corrected, optionally with a new draft."""
    if item["correction"]:
        st.warning(texts.STATEMENT_CORRECTED_NOTICE.format(mark=md(item["correction"])))
        return
    if not item["can_edit"] or item["adopted_on"] is None:
        return
    base = f"correct_statement_{item['id']}"
    key = _key(base)
    with st.expander(texts.STATEMENT_CORRECT_TITLE, icon=":material/edit_note:"), \
            st.form(f"{key}_form", enter_to_submit=False):
        st.caption(texts.STATEMENT_CORRECT_HELP)
        reason = st.text_input(texts.CORRECT_REASON, key=f"{key}_reason",
                               help=texts.CORRECT_REASON_HELP)
        new_draft = st.checkbox(texts.STATEMENT_CORRECT_NEW_DRAFT, key=f"{key}_new_draft")
        submitted = st.form_submit_button(texts.CORRECT_BUTTON, type="primary")
    if submitted:
        _finish(base, statement_corrections.correct, db, user, item["id"], reason,
                {} if new_draft else None)
