"""Administrasjon (leadership): users, chapters, the change log, backups and personal data."""

import datetime as dt

import streamlit as st

from advocacy import audit, audit_list, backup, change_log, texts
from advocacy.accounts import accounts, user_admin
from advocacy.errors import AdvocacyError
from advocacy.ui import context, edit_forms, privacy_admin, trash_view
from advocacy.ui.list_controls import Choice, ask, pages
from advocacy.ui.safe_text import code, md
from advocacy.ui.widgets import table

user = context.require_page("administrasjon")
db = context.db()

st.title(texts.PAGE_TITLES["administrasjon"])
tab_users, tab_chapters, tab_log, tab_backup, tab_privacy, tab_trash = st.tabs(
    ["Brukere", "Lokallag", "Endringslogg", "Sikkerhetskopi", "Personvern", texts.TRASH_TITLE]
)
chapters = accounts.list_chapters(db)
chapter_names = [c["name"] for c in chapters]


def _done(message: str) -> None:
    st.session_state["admin_notice"] = message
    st.rerun()


if notice := st.session_state.pop("admin_notice", None):
    st.success(md(notice))

with tab_users:
    users = accounts.list_users(db, user)
    table(
        users,
        {"brukernavn": "Brukernavn", "navn": "Navn", "rolle": "Rolle", "lokallag": "Lokallag",
         "aktiv": "Aktiv", "sist_innlogget": "Sist innlogget"},
        labels={"rolle": texts.ROLE_LABELS, "aktiv": {1: "ja", 0: "nei"}},
        dates=["sist_innlogget"],
        key="users_table",
    )
    with st.expander("Ny bruker"), st.form("new_user", clear_on_submit=True, enter_to_submit=False):
        c1, c2 = st.columns(2)
        username = c1.text_input("Brukernavn", key="new_username")
        full_name = c2.text_input("Fullt navn", key="new_full_name")
        role = c1.selectbox("Rolle", accounts.ROLES, format_func=texts.ROLE_LABELS.get,
                            key="new_role", placeholder=texts.CHOOSE_ONE)
        chapter = c2.selectbox("Lokallag", [None, *chapter_names], key="new_chapter",
                               format_func=lambda c: "–" if c is None else c, placeholder=texts.CHOOSE_ONE)
        title = c1.text_input("Rolle i organisasjonen (til signatur)", key="new_title")
        place = c2.text_input("Sted", key="new_place")
        password = st.text_input("Første passord (minst 8 tegn)", type="password",
                                 key="new_password")
        if st.form_submit_button("Opprett bruker", type="primary"):
            try:
                user_admin.add_user(db, user, username, role, password, full_name=full_name,
                                    chapter=chapter, title=title, place=place)
            except AdvocacyError as exc:
                st.error(md(exc.message))
            else:
                _done(f"Brukeren «{username.strip().lower()}» er opprettet.")

    by_id = {u["id"]: u for u in users}
    chosen = st.selectbox(
        "Endre bruker", [None, *by_id], key="edit_user",
        format_func=lambda i: "Velg en bruker …" if i is None
        else f"{by_id[i]['navn']} ({by_id[i]['brukernavn']})", placeholder=texts.CHOOSE_ONE
    )
    if chosen is not None:
        current = by_id[chosen]
        with st.form("edit_user_form", enter_to_submit=False):
            c1, c2 = st.columns(2)
            full_name = c1.text_input("Fullt navn", value=current["navn"], key="edit_full_name")
            role = c2.selectbox("Rolle", accounts.ROLES, format_func=texts.ROLE_LABELS.get,
                                index=accounts.ROLES.index(current["rolle"]), key="edit_role", placeholder=texts.CHOOSE_ONE)
            options = [None, *chapter_names]
            chapter = c1.selectbox(
                "Lokallag", options, index=options.index(current["lokallag"]),
                format_func=lambda c: "–" if c is None else c, key="edit_chapter", placeholder=texts.CHOOSE_ONE)
            # Shown so that a save keeps them: update_user sets every field it is given.
            title = c2.text_input("Rolle i organisasjonen (til signatur)",
                                  value=current["tittel"] or "", key=f"edit_title_{chosen}")
            email = c1.text_input("E-post", value=current["epost"] or "", key=f"edit_email_{chosen}")
            phone = c2.text_input("Telefon", value=current["telefon"] or "", key=f"edit_phone_{chosen}")
            place = c1.text_input("Sted", value=current["sted"] or "", key=f"edit_place_{chosen}")
            if st.form_submit_button("Lagre endringer"):
                try:
                    user_admin.update_user(db, user, chosen, full_name=full_name, role=role,
                                           chapter=chapter, title=title.strip(),
                                           email=email.strip(), phone=phone.strip(),
                                           place=place.strip())
                except AdvocacyError as exc:
                    st.error(md(exc.message))
                else:
                    _done("Endringene er lagret.")
        c1, c2, c3 = st.columns(3)
        active = bool(current["aktiv"])
        if c1.button("Deaktiver" if active else "Aktiver igjen", key="toggle_active"):
            try:
                user_admin.set_active(db, user, chosen, not active)
            except AdvocacyError as exc:
                st.error(md(exc.message))
            else:
                _done("Brukeren er deaktivert og logges ut ved neste klikk." if active
                      else "Brukeren er aktiv igjen.")
        if c2.button("Lag nytt passord", key="reset_password"):
            new_password = user_admin.reset_password(db, user, chosen)
            st.info(f"Nytt passord for {md(current['brukernavn'])}: {code(new_password)} — gi det "
                    "videre på en trygg måte. Det vises bare nå.")
        failures = user_admin.failed_logins(db, user).get(current["brukernavn"], 0)
        if failures:
            c3.caption(md(texts.UNLOCK_FAILURES.format(n=texts.format_number(failures))))
        if c3.button(texts.UNLOCK_BUTTON, key="unlock_user"):
            forgiven = user_admin.unlock(db, user, chosen)
            _done((texts.UNLOCK_DONE if forgiven else texts.UNLOCK_NOTHING)
                  .format(username=current["brukernavn"], n=forgiven))

with tab_chapters:
    table(
        chapters,
        {"name": "Lokallag", "organisation": "Organisasjon", "kommune": "Kommune",
         "members": "Brukere", "meetings": "Møter"},
        key="chapters_table",
    )
    with st.form("new_chapter", clear_on_submit=True, enter_to_submit=False):
        c1, c2, c3 = st.columns(3)
        name = c1.text_input("Navn", key="chapter_name")
        organisation = c2.text_input("Organisasjon", key="chapter_org")
        kommunenummer = c3.text_input("Kommunenummer", key="chapter_knr")
        if st.form_submit_button("Legg til lokallag"):
            try:
                user_admin.add_chapter(db, user, name, organisation, kommunenummer.strip())
            except AdvocacyError as exc:
                st.error(md(exc.message))
            else:
                _done(f"Lokallaget «{name.strip()}» er lagt til.")
    edit_forms.chapter_edit(db, user, chapters)

with tab_log:
    query = ask("audit_list", audit_list.SPEC, [
        Choice("tabell", "Tabell", {t: texts.AUDIT_TABLES.get(t, t) for t in audit.AUDITED},
               "Alle tabeller"),
        Choice("handling", "Handling", change_log.ACTIONS, "Alle handlinger"),
        Choice("hvem", "Hvem", audit_list.people(db, user), "Alle"),
    ], period="Periode", search="Søk etter navn")
    found = audit_list.find(db, user, query)
    table(change_log.describe(db, found.rows), texts.CHANGE_LOG_COLUMNS, times=["at"],
          key="audit_log_table")
    pages("audit_list", found, query, texts.CHANGES_NOUN)
    if st.button("Kontroller endringsloggen", key="verify_audit"):
        result = audit.verify(db)
        (st.success if result.ok else st.error)(result.message)

with tab_backup:
    st.write("Last ned en kontrollert kopi av hele databasen. Oppbevar den trygt: den "
             "inneholder personopplysninger.")
    if st.button("Lag sikkerhetskopi", key="make_backup"):
        try:
            st.session_state["backup_bytes"] = backup.backup_bytes(db)
        except AdvocacyError as exc:
            st.error(md(exc.message))
    if data := st.session_state.get("backup_bytes"):
        st.download_button(
            "Last ned sikkerhetskopi", data=data, mime="application/vnd.sqlite3",
            file_name=f"pavirk-sikkerhetskopi-{dt.date.today().isoformat()}.db",
            key="download_backup",
        )

with tab_privacy:
    privacy_admin.render(db, user)

with tab_trash:
    trash_view.render(db, user)
