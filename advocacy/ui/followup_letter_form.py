"""The fields of a follow-up letter in draft, kept as the user's draft while typed
('oppfolgingsbrev:<id>'), saved with «Lagre brevet».

Not an `st.form`: a form's widgets report nothing until submitted, so unsaved text would be
lost on a page switch or a reload.
"""

from __future__ import annotations

import datetime as dt
import functools

import streamlit as st

from advocacy import texts
from advocacy.errors import AdvocacyError
from advocacy.meetings import followup_letters
from advocacy.ui import dates, draft_keeper, text_limit
from advocacy.ui.safe_text import md

LONG = ("droftet", "avtalt", "neste_steg", "deltakere")


def edit(db, user, document_id: int, fields: dict) -> bool:
    """Draw the fields; True once «Lagre brevet» has saved them (the caller reruns)."""
    specs = followup_letters.TEMPLATE.fields
    kept = draft_keeper.Keeper(db, user, f"oppfolgingsbrev:{document_id}",
                               {s.name: f"letter_{document_id}_{s.name}" for s in specs})
    defaults = {}
    for spec in specs:
        value = fields.get(spec.name)
        if spec.name in followup_letters.DATE_FIELDS:
            if isinstance(value, str) and value:
                value = dt.date.fromisoformat(value[:10])
            defaults[spec.name] = value if isinstance(value, dt.date) else dt.date.today()
        elif spec.is_list:
            defaults[spec.name] = "\n".join(value or [])
        else:
            defaults[spec.name] = value or ""
    kept.seed(defaults)
    kept.notice()
    edited = {}
    for spec in specs:
        key, watch = kept.key(spec.name), kept.watch
        if spec.name in followup_letters.DATE_FIELDS:
            edited[spec.name] = st.date_input(md(spec.description), format="DD.MM.YYYY", key=key,
                                              **dates.OPEN_RANGE, **watch)
        elif spec.is_list:
            lines = st.text_area(texts.FOLLOWUP_LETTER_LIST_FIELD.format(label=md(spec.description)), key=key, **watch)
            edited[spec.name] = [x for x in (lines or "").splitlines() if x.strip()]
        elif spec.name in LONG:
            extra = ({"help": texts.AVTALT_HELP, "placeholder": texts.AVTALT_PLACEHOLDER}
                     if spec.name == "avtalt" else {})
            edited[spec.name] = st.text_area(md(spec.description), key=key, **extra, **watch)
            text_limit.show(key, edited[spec.name], texts.LETTER_TEXT_LIMIT)
        else:
            edited[spec.name] = st.text_input(md(spec.description), key=key, **watch)
    if not st.button(texts.FOLLOWUP_LETTER_SAVE, key=f"letter_save_{document_id}"):
        return False
    try:
        followup_letters.update_letter(db, user, document_id, edited)
    except AdvocacyError as exc:
        st.error(md(exc.message))
        return False
    kept.saved()
    st.toast(texts.FOLLOWUP_LETTER_SAVED)
    return True


def make_letters(db, user, meeting: dict) -> None:
    """«Lag oppfølgingsbrev» to one or several of the politicians present: one letter to all
    or one letter each. The newest letter made is shown next."""
    people = {p["id"]: p["name"] for p in meeting["politicians"]}
    mid = meeting["id"]
    first = followup_letters.default_recipient(meeting)
    chosen = st.multiselect(texts.LETTER_RECIPIENTS, list(people), format_func=people.get,
                            default=[first] if first is not None else [],
                            help=texts.LETTER_RECIPIENTS_HELP, key=f"recipients_{mid}",
                            placeholder=texts.LETTER_RECIPIENTS_HELP, select_all=False)
    together = True
    if len(chosen) > 1:
        together = st.radio(texts.LETTER_RECIPIENTS_MODE, [True, False], horizontal=True,
                            format_func=lambda t: (texts.LETTER_MODE_TOGETHER if t
                                                   else texts.LETTER_MODE_EACH),
                            key=f"recipients_mode_{mid}")
    if not st.button(texts.FOLLOWUP_LETTER_MAKE, type="primary", key=f"make_{mid}"):
        return
    try:
        made = followup_letters.create_letters(db, user, mid, chosen, together=together)
    except AdvocacyError as exc:
        st.error(md(exc.message))
        return
    st.toast(texts.LETTERS_MADE.format(n=len(made)) if len(made) > 1 else texts.FOLLOWUP_LETTER_MADE)
    st.session_state[f"letter_choice_{mid}"] = made[-1]
    st.rerun()


def zip_button(db, user, meeting: dict, letters: list[dict]) -> None:
    """«Last ned alle brevene (.zip)» once the meeting has more than one letter (one each, or
    several rounds). The zip is made on click, in a server thread after the run: the database
    and the user go with the callable."""
    if len(letters) < 2:
        return
    st.download_button(
        texts.LETTERS_ZIP_BUTTON,
        data=functools.partial(followup_letters.letters_zip, db, user, meeting["id"]),
        file_name=followup_letters.zip_filename(meeting), mime="application/zip",
        key=f"letters_zip_{meeting['id']}", help=texts.LETTERS_ZIP_HELP, on_click="ignore",
        icon=":material/folder_zip:")
