"""The search box and its hits, each linking to its record's page (shared by Møter and
Politikere)."""

from __future__ import annotations

import streamlit as st

from advocacy import search, texts
from advocacy.accounts.accounts import PAGES_BY_ROLE
from advocacy.ui.safe_text import md


def render_search(db, user, key: str) -> None:
    query = st.text_input(texts.SEARCH_LABEL, key=key, placeholder=texts.SEARCH_PLACEHOLDER)
    if not query.strip():
        return
    hits = [h for h in search.search(db, user, query) if h["page"] in PAGES_BY_ROLE[user.role]]
    if not hits:
        st.info(texts.SEARCH_NO_HITS.format(query=md(query)))
        return
    st.caption(texts.SEARCH_HITS.format(n=len(hits)))
    for hit in hits:
        st.page_link(f"advocacy/ui/pages/{hit['page']}.py",
                     label=f"{texts.SEARCH_KINDS[hit['kind']]}: {md(hit['title'])}",
                     query_params={hit["param"]: str(hit["id"])})
        if hit["snippet"]:
            st.caption(md(hit["snippet"]))
