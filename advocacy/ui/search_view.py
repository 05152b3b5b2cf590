"""The search box and its hits, each linking to its record's page (shared by Møter and
Politikere)."""

from __future__ import annotations

import streamlit as st

from advocacy import permissions, search, texts
from advocacy.ui.safe_text import md

# The page and address parameter that open a hit of each kind.
_OPENS = {"meeting": ("moter", "mote"), "politician": ("politikere", "politiker"),
          "document": ("brev", "dokument")}


def link(user, hit: dict) -> tuple[str, str, int]:
    """(page, parameter, id) that open a hit: a follow-up letter is opened from its meeting,
    for whoever may read meetings; other documents on the letters page."""
    if hit["kind"] == "document" and hit["meeting_id"] is not None and permissions.allowed(
            user, "meeting.read"):
        return "moter", "mote", hit["meeting_id"]
    page, param = _OPENS[hit["kind"]]
    return page, param, hit["id"]


def render_search(db, user, key: str) -> None:
    query = st.text_input(texts.SEARCH_LABEL, key=key, placeholder=texts.SEARCH_PLACEHOLDER)
    if not query.strip():
        return
    hits = [(h, link(user, h)) for h in search.search(db, user, query)]
    hits = [(h, opens) for h, opens in hits if permissions.allowed(user, "page.view", opens[0])]
    if not hits:
        st.info(texts.SEARCH_NO_HITS.format(query=md(query)))
        return
    st.caption(texts.SEARCH_HITS.format(n=len(hits)))
    for hit, (page, param, record) in hits:
        st.page_link(f"advocacy/ui/pages/{page}.py",
                     label=f"{texts.SEARCH_KINDS[hit['kind']]}: {md(hit['title'])}",
                     query_params={param: str(record)})
        if hit["snippet"]:
            st.caption(md(hit["snippet"]))
