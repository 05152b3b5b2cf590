"""The Personvern tab of Administrasjon (leadership): retention list, export and erasure."""

from __future__ import annotations

import time

import streamlit as st

from advocacy import texts
from advocacy.accounts import accounts
from advocacy.errors import AdvocacyError
from advocacy.politicians import politicians
from advocacy.privacy import erasure, erasure_marks, privacy
from advocacy.ui.safe_text import md
from advocacy.ui.widgets import table

REVIEW_SECONDS = 60  # the review reads every text: kept that long for the same person


def _review(db, user, kind: str, chosen: int, spellings: tuple[str, ...]) -> dict:
    """The surname-only mentions, read again when the person, the spellings or a minute
    changed (the erasure counts them again itself)."""
    key = (kind, chosen, spellings, erasure_marks.last_erasure(db))
    kept = st.session_state.get("privacy_review")
    if kept and kept[0] == key and time.monotonic() - kept[1] < REVIEW_SECONDS:
        return kept[2]
    found = erasure.review(db, user, kind, chosen, also=spellings)
    st.session_state["privacy_review"] = (key, time.monotonic(), found)
    return found


def render(db, user) -> None:
    st.markdown(texts.PRIVACY_RETENTION_TITLE)
    table(privacy.retention_list(db, user),
          texts.PRIVACY_RETENTION_COLUMNS,
          dates=["since"], labels={"kind": texts.PRIVACY_KINDS}, key="privacy_retention")
    st.markdown(texts.PRIVACY_PERSON_TITLE)
    kind = st.radio(texts.PRIVACY_WHO, list(texts.PRIVACY_KINDS), format_func=texts.PRIVACY_KINDS.get,
                    horizontal=True, key="privacy_kind")
    if kind == "politiker":
        query = st.text_input(texts.PRIVACY_SEARCH_NAME, key="privacy_search")
        people = {p["id"]: politicians.label(p)
                  for p in politicians.list_politicians(db, user, search=query, limit=100)}
    else:
        people = {u["id"]: f"{u['navn']} ({u['brukernavn']})"
                  for u in accounts.list_users(db, user)
                  if not u["brukernavn"].startswith("slettet-")}
    chosen = st.selectbox(texts.PRIVACY_PERSON, [None, *people], key="privacy_person",
                          format_func=lambda i: texts.PRIVACY_PERSON_CHOOSE if i is None
                          else texts.PRIVACY_PERSON_LABEL.format(name=people[i], id=i),
                          placeholder=texts.CHOOSE_ONE)
    if chosen is None:
        return
    exported = (privacy.export_politician if kind == "politiker" else privacy.export_user)(
        db, user, chosen)
    left, right, _ = st.columns([1, 1, 3])
    left.download_button(texts.PRIVACY_DOWNLOAD_TEXT, data=privacy.as_text(exported), mime="text/plain",
                         file_name=privacy.export_filename(exported, "txt"),
                         key="privacy_export_txt", on_click="ignore")
    right.download_button(texts.PRIVACY_DOWNLOAD_JSON, data=privacy.as_json(exported),
                          mime="application/json",
                          file_name=privacy.export_filename(exported, "json"),
                          key="privacy_export_json", on_click="ignore")
    with st.expander(texts.PRIVACY_ERASE_TITLE, icon=":material/delete_forever:"):
        st.warning(texts.PRIVACY_ERASE_WARNING)
        also = st.text_input(texts.PRIVACY_OTHER_SPELLINGS,
                             key="privacy_also")
        spellings = tuple(a.strip() for a in also.split(",") if a.strip())
        try:
            found = _review(db, user, kind, chosen, spellings)
        except AdvocacyError as exc:
            st.error(md(exc.message))
            return
        if found["count"]:
            st.warning(md(texts.ERASURE_REVIEW_INTRO.format(
                surname=found["surname"], count=texts.format_number(found["count"]))))
            table(found["rows"], texts.ERASURE_REVIEW_COLUMNS, key="privacy_review")
            if found["count"] > len(found["rows"]):
                st.caption(md(texts.ERASURE_REVIEW_MORE.format(
                    count=texts.format_number(found["count"] - len(found["rows"])))))
        elif found["surname"]:
            st.caption(texts.ERASURE_REVIEW_NONE)
        confirmed = st.checkbox(texts.PRIVACY_CONFIRM, key="privacy_confirm")
        if st.button(texts.PRIVACY_ERASE, type="primary", key="privacy_erase"):
            if not confirmed:
                st.error(texts.PRIVACY_CONFIRM_NEEDED)
                return
            erase = erasure.erase_politician if kind == "politiker" else erasure.erase_user
            try:
                result = erase(db, user, chosen, also=spellings)
            except AdvocacyError as exc:
                st.error(md(exc.message))
                return
            st.session_state.pop("privacy_person", None)
            st.session_state["admin_notice"] = result.message
            st.rerun()
