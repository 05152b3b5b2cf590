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
        name = st.text_input("Navn", value=initial.get("name", ""), key=f"{prefix}_name")
        left, right = st.columns(2)
        party = left.text_input("Parti", value=initial.get("party", ""), key=f"{prefix}_party",
                                help="Forkortelse (Ap, H, FrP …) eller navnet på en lokal liste")
        start = initial.get("kommune")
        kommune = right.selectbox(
            "Kommune", knrs, index=knrs.index(start) if start in knrs else None,
            format_func=lambda k: f"{all_municipalities[k]} ({k})", key=f"{prefix}_kommune",
            placeholder="Velg kommune")
        role = left.selectbox("Rolle", roles, format_func=texts.POLITICIAN_ROLES.get,
                              index=roles.index(initial.get("role", "kommunestyremedlem")),
                              key=f"{prefix}_role", placeholder=texts.CHOOSE_ONE)
        committee = right.text_input("Utvalg", value=initial.get("committee", ""),
                                     key=f"{prefix}_committee")
        term = left.text_input("Periode", value=initial.get("term", "2023–2027"),
                               key=f"{prefix}_term")
        email = right.text_input("E-post (offentlig)", value=initial.get("email", ""),
                                 key=f"{prefix}_email")
        phone = left.text_input("Telefon (offentlig)", value=initial.get("phone", ""),
                                key=f"{prefix}_phone")
        notes = st.text_area("Notater", value=initial.get("notes", ""), key=f"{prefix}_notes")
        submitted = st.form_submit_button("Lagre politiker", type="primary")
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
