"""Kommuner: the 357 municipalities, searchable by name or number, filterable by county; one
municipality's profile (policy, history, politicians, meetings, letters, chapters, key dates),
chosen in a select box, by a click on Oversikt's map or a link, and kept in the address
(?kommune=0301) so it can be linked to. A chosen municipality's profile comes first, at the top
of the page, and the list of all municipalities folds away below it."""

import streamlit as st

from advocacy import overview, texts
from advocacy.policy import municipalities
from advocacy.ui import address, context, profile_sections
from advocacy.ui.widgets import table

user = context.require_page("kommuner")
db = context.db()


@st.cache_data(show_spinner=False, max_entries=64)
def directory(_db, search: str, county: str | None, version: str) -> list[dict]:
    """The list with counts of known levers; `version` changes with every new position."""
    return municipalities.list_municipalities(_db, search=search, fylkesnummer=county)


st.title(texts.PAGE_TITLES["kommuner"])
version = overview.policy_version(db)
everyone = directory(db, "", None, version)
names = {r["kommunenummer"]: f"{r['visningsnavn']} ({r['kommunenummer']})" for r in everyone}
wanted = address.requested(db, user, "kommune")
if wanted in names and st.session_state.get("kommune_profile") != wanted:
    st.session_state["kommune_profile"] = wanted  # a link such as ?kommune=0301 opens it
# The list's search and county, as last set (the list may come after the profile).
search = st.session_state.get("kommune_search", "")
county = st.session_state.get("kommune_county")
rows = directory(db, search, county, version) if (search or county) else everyone


def _remember_choice() -> None:
    choice = st.session_state.get("kommune_profile")
    if choice:
        st.query_params["kommune"] = choice
    else:
        st.query_params.pop("kommune", None)


def municipality_list() -> None:
    counties = municipalities.counties(db)
    county_names = {c["fylkesnummer"]: f"{c['navn']} ({c['fylkesnummer']})" for c in counties}
    left, right = st.columns([2, 1])
    left.text_input(texts.SEARCH_LABEL, key="kommune_search",
                    placeholder=texts.KOMMUNER_SEARCH_PLACEHOLDER)
    right.selectbox(
        texts.COUNTY_FILTER,
        [None, *county_names],
        format_func=lambda k: texts.ALL_COUNTIES if k is None else county_names[k],
        key="kommune_county", placeholder=texts.CHOOSE_ONE,
    )
    st.caption(texts.KOMMUNER_SHOWING.format(shown=len(rows), total=len(everyone)))
    table(
        rows,
        {
            "kommunenummer": texts.KOMMUNER_COL_NUMBER,
            "visningsnavn": texts.KOMMUNER_COL_NAME,
            "fylke": texts.KOMMUNER_COL_COUNTY,
            "levers_known": texts.KOMMUNER_COL_LEVERS_KNOWN,
            "last_decided": texts.KOMMUNER_COL_LAST_DECIDED,
        },
        dates=["last_decided"],
        key="kommuner_table",
    )
    profile_sections.import_positions(db, user)


def profile() -> None:
    st.header(texts.PROFILE_HEADING, anchor=False)
    # The filtered municipalities first, so a search in the list also narrows this choice.
    shown = {r["kommunenummer"] for r in rows}
    options = [r["kommunenummer"] for r in rows] + [k for k in names if k not in shown]
    chosen = st.selectbox(
        texts.PROFILE_CHOOSE, [None, *options], key="kommune_profile",
        on_change=_remember_choice,
        format_func=lambda k: texts.PROFILE_NONE if k is None else names[k], placeholder=texts.CHOOSE_ONE,
    )
    if chosen is None:
        st.info(texts.PROFILE_HINT)
    else:
        profile_sections.show(db, user, chosen, version)


if st.session_state.get("kommune_profile") in names:
    profile()
    st.divider()
    # Folded away, and built only when opened: the profile is what was asked for.
    with st.expander(texts.KOMMUNER_DIRECTORY, icon=":material/list:", key="kommuner_list_box",
                     on_change="rerun") as box:
        if box.open:
            municipality_list()
else:
    municipality_list()
    st.divider()
    profile()
