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
    [
        texts.ADMIN_USERS,
        texts.ADMIN_CHAPTER,
        texts.ADMIN_TAB_LOG,
        texts.ADMIN_TAB_BACKUP,
        texts.ADMIN_TAB_PRIVACY,
        texts.TRASH_TITLE,
    ]
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
        {
            "brukernavn": texts.ADMIN_USERNAME,
            "navn": texts.ADMIN_NAME,
            "rolle": texts.ADMIN_ROLE,
            "lokallag": texts.ADMIN_CHAPTER,
            "aktiv": texts.ADMIN_COL_ACTIVE,
            "sist_innlogget": texts.ADMIN_COL_LAST_LOGIN,
        },
        labels={"rolle": texts.ROLE_LABELS, "aktiv": {1: texts.ADMIN_YES, 0: texts.ADMIN_NO}},
        dates=["sist_innlogget"],
        key="users_table",
    )
    with st.expander(texts.ADMIN_NEW_USER), st.form("new_user", clear_on_submit=True, enter_to_submit=False):
        c1, c2 = st.columns(2)
        username = c1.text_input(texts.ADMIN_USERNAME, key="new_username")
        full_name = c2.text_input(texts.ADMIN_FULL_NAME, key="new_full_name")
        role = c1.selectbox(texts.ADMIN_ROLE, accounts.ROLES, format_func=texts.ROLE_LABELS.get,
                            key="new_role", placeholder=texts.CHOOSE_ONE)
        chapter = c2.selectbox(texts.ADMIN_CHAPTER, [None, *chapter_names], key="new_chapter",
                               format_func=lambda c: "–" if c is None else c, placeholder=texts.CHOOSE_ONE)
        title = c1.text_input(texts.ADMIN_SIGNATURE_TITLE, key="new_title")
        place = c2.text_input(texts.ADMIN_PLACE, key="new_place")
        password = st.text_input(texts.ADMIN_FIRST_PASSWORD, type="password",
                                 key="new_password")
        if st.form_submit_button(texts.ADMIN_CREATE_USER, type="primary"):
            try:
                user_admin.add_user(db, user, username, role, password, full_name=full_name,
                                    chapter=chapter, title=title, place=place)
            except AdvocacyError as exc:
                st.error(md(exc.message))
            else:
                _done(texts.ADMIN_USER_CREATED.format(username=username.strip().lower()))

    by_id = {u["id"]: u for u in users}
    chosen = st.selectbox(
        texts.ADMIN_EDIT_USER, [None, *by_id], key="edit_user",
        format_func=lambda i: texts.ADMIN_CHOOSE_USER if i is None
        else f"{by_id[i]['navn']} ({by_id[i]['brukernavn']})", placeholder=texts.CHOOSE_ONE
    )
    if chosen is not None:
        current = by_id[chosen]
        with st.form("edit_user_form", enter_to_submit=False):
            c1, c2 = st.columns(2)
            full_name = c1.text_input(
                texts.ADMIN_FULL_NAME, value=current["navn"], key="edit_full_name"
            )
            role = c2.selectbox(texts.ADMIN_ROLE, accounts.ROLES, format_func=texts.ROLE_LABELS.get,
                                index=accounts.ROLES.index(current["rolle"]), key="edit_role", placeholder=texts.CHOOSE_ONE)
            options = [None, *chapter_names]
            chapter = c1.selectbox(
                texts.ADMIN_CHAPTER, options, index=options.index(current["lokallag"]),
                format_func=lambda c: "–" if c is None else c, key="edit_chapter", placeholder=texts.CHOOSE_ONE)
            # Shown so that a save keeps them: update_user sets every field it is given.
            title = c2.text_input(texts.ADMIN_SIGNATURE_TITLE,
                                  value=current["tittel"] or "", key=f"edit_title_{chosen}")
            email = c1.text_input(
                texts.ADMIN_EMAIL, value=current["epost"] or "", key=f"edit_email_{chosen}"
            )
            phone = c2.text_input(
                texts.ADMIN_PHONE, value=current["telefon"] or "", key=f"edit_phone_{chosen}"
            )
            place = c1.text_input(
                texts.ADMIN_PLACE, value=current["sted"] or "", key=f"edit_place_{chosen}"
            )
            if st.form_submit_button(texts.EDIT_SAVE):
                try:
                    user_admin.update_user(db, user, chosen, full_name=full_name, role=role,
                                           chapter=chapter, title=title.strip(),
                                           email=email.strip(), phone=phone.strip(),
                                           place=place.strip())
                except AdvocacyError as exc:
                    st.error(md(exc.message))
                else:
                    _done(texts.EDIT_SAVED)
        c1, c2, c3 = st.columns(3)
        active = bool(current["aktiv"])
        if c1.button(texts.ADMIN_DEACTIVATE if active else texts.ADMIN_REACTIVATE, key="toggle_active"):
            try:
                user_admin.set_active(db, user, chosen, not active)
            except AdvocacyError as exc:
                st.error(md(exc.message))
            else:
                _done(texts.ADMIN_DEACTIVATED if active
                      else texts.ADMIN_REACTIVATED)
        if c2.button(texts.ADMIN_NEW_PASSWORD, key="reset_password"):
            new_password = user_admin.reset_password(db, user, chosen)
            st.info(texts.ADMIN_NEW_PASSWORD_SHOWN.format(username=md(current["brukernavn"]),
                                                         password=code(new_password)))
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
        {
            "name": texts.ADMIN_CHAPTER,
            "organisation": texts.ADMIN_COL_ORGANISATION,
            "kommune": texts.ADMIN_COL_MUNICIPALITY,
            "members": texts.ADMIN_USERS,
            "meetings": texts.ADMIN_COL_MEETINGS,
        },
        key="chapters_table",
    )
    with st.form("new_chapter", clear_on_submit=True, enter_to_submit=False):
        c1, c2, c3 = st.columns(3)
        name = c1.text_input(texts.ADMIN_NAME, key="chapter_name")
        organisation = c2.text_input(texts.ADMIN_COL_ORGANISATION, key="chapter_org")
        kommunenummer = c3.text_input(texts.ADMIN_KOMMUNENUMMER, key="chapter_knr")
        if st.form_submit_button(texts.ADMIN_ADD_CHAPTER):
            try:
                user_admin.add_chapter(db, user, name, organisation, kommunenummer.strip())
            except AdvocacyError as exc:
                st.error(md(exc.message))
            else:
                _done(texts.ADMIN_CHAPTER_ADDED.format(name=name.strip()))
    edit_forms.chapter_edit(db, user, chapters)

with tab_log:
    query = ask(
        "audit_list",
        audit_list.SPEC,
        [
            Choice(
                "tabell",
                texts.ADMIN_LOG_TABLE,
                {t: texts.AUDIT_TABLES.get(t, t) for t in audit.AUDITED},
                texts.ADMIN_LOG_ALL_TABLES,
            ),
            Choice(
                "handling", texts.ADMIN_LOG_ACTION, change_log.ACTIONS, texts.ADMIN_LOG_ALL_ACTIONS
            ),
            Choice(
                "hvem", texts.ADMIN_LOG_WHO, audit_list.people(db, user), texts.ADMIN_LOG_EVERYONE
            ),
        ],
        period=texts.ADMIN_LOG_PERIOD,
        search=texts.ADMIN_LOG_SEARCH,
    )
    found = audit_list.find(db, user, query)
    table(change_log.describe(db, found.rows), texts.CHANGE_LOG_COLUMNS, times=["at"],
          key="audit_log_table")
    pages("audit_list", found, query, texts.CHANGES_NOUN)
    if st.button(texts.ADMIN_VERIFY_LOG, key="verify_audit"):
        result = audit.verify(db)
        (st.success if result.ok else st.error)(result.message)

with tab_backup:
    st.write(texts.ADMIN_BACKUP_HELP)
    if st.button(texts.ADMIN_MAKE_BACKUP, key="make_backup"):
        try:
            st.session_state["backup_bytes"] = backup.backup_bytes(db)
        except AdvocacyError as exc:
            st.error(md(exc.message))
    if data := st.session_state.get("backup_bytes"):
        st.download_button(
            texts.ADMIN_DOWNLOAD_BACKUP, data=data, mime="application/vnd.sqlite3",
            file_name=f"pavirk-sikkerhetskopi-{dt.date.today().isoformat()}.db",
            key="download_backup",
        )

with tab_privacy:
    privacy_admin.render(db, user)

with tab_trash:
    trash_view.render(db, user)
