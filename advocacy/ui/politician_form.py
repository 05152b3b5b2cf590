"""The form to add or change a politician (the same checks as an imported row)."""

from __future__ import annotations

import streamlit as st

from advocacy import texts
from advocacy.errors import AdvocacyError
from advocacy.policy import municipalities
from advocacy.politicians import politicians
from advocacy.ui.safe_text import md


def politician_form(db, user, prefix: str, initial: dict | None = None,
                    politician_id: int | None = None) -> int | None:
    initial = initial or {}
    all_municipalities = municipalities.names(db)
    knrs = list(all_municipalities)
    roles = list(texts.POLITICIAN_ROLES)
    with st.form(f"{prefix}_form", enter_to_submit=False):
        name = st.text_input(texts.POLITICIAN_FORM_NAME, value=initial.get("name", ""), key=f"{prefix}_name")
        left, right = st.columns(2)
        party = left.text_input(texts.POLITICIAN_FORM_PARTY, value=initial.get("party", ""), key=f"{prefix}_party",
                                help=texts.POLITICIAN_FORM_PARTY_HELP)
        start = initial.get("kommune")
        kommune = right.selectbox(
            texts.POLITICIAN_FORM_MUNICIPALITY, knrs, index=knrs.index(start) if start in knrs else None,
            format_func=lambda k: f"{all_municipalities[k]} ({k})", key=f"{prefix}_kommune",
            placeholder=texts.POLITICIAN_FORM_CHOOSE_MUNICIPALITY)
        role = left.selectbox(texts.POLITICIAN_FORM_ROLE, roles, format_func=texts.POLITICIAN_ROLES.get,
                              index=roles.index(initial.get("role", "kommunestyremedlem")),
                              key=f"{prefix}_role", placeholder=texts.CHOOSE_ONE)
        committee = right.text_input(texts.POLITICIAN_FORM_COMMITTEE, value=initial.get("committee", ""),
                                     key=f"{prefix}_committee")
        term = left.text_input(texts.POLITICIAN_FORM_TERM, value=initial.get("term", "2023–2027"),
                               key=f"{prefix}_term")
        email = right.text_input(texts.POLITICIAN_FORM_EMAIL, value=initial.get("email", ""),
                                 key=f"{prefix}_email")
        phone = left.text_input(texts.POLITICIAN_FORM_PHONE, value=initial.get("phone", ""),
                                key=f"{prefix}_phone")
        notes = st.text_area(texts.POLITICIAN_FORM_NOTES, value=initial.get("notes", ""), key=f"{prefix}_notes")
        submitted = st.form_submit_button(texts.POLITICIAN_FORM_SAVE, type="primary")
    if not submitted:
        return None
    raw = {"name": name, "party": party, "kommune": kommune or "", "role": role,
           "committee": committee, "term": term, "email": email, "phone": phone, "notes": notes}
    try:
        if politician_id is not None:
            politicians.update_politician(db, user, politician_id, raw)
            return politician_id
        return politicians.create_politician(db, user, raw)
    except AdvocacyError as exc:
        st.error(md(exc.message))
        return None
