"""The record a page's address asks for (`?mote=12`): checked once per link, and «fant ikke»
when it names nothing the user may see (advocacy/addresses.py decides)."""

from __future__ import annotations

import streamlit as st

from advocacy import addresses, texts

_CHECKED = "_address_checked"  # {param: ((user id, the values checked), the answer)}


def requested(db, user, param: str) -> int | str | None:
    """The id (or kommunenummer) in `?{param}=` when the user may see that record; None when
    the address names none. An address naming a record that does not exist, that the user may
    not see, or no record at all («²», «-1», text, thirty digits) shows the one Norwegian
    message of its kind, where this is called, and is dropped from the address."""
    if param not in st.query_params:
        return None
    values = st.query_params.get_all(param)
    checked = st.session_state.setdefault(_CHECKED, {})
    asked = (user.id, values)
    seen = checked.get(param)
    if seen is not None and seen[0] == asked:
        found = seen[1]
    else:
        found = addresses.linked(db, user, param, values)
        checked[param] = (asked, found)
    if found is None:
        st.warning(texts.ADDRESS_NOT_FOUND[param], icon=":material/link_off:")
        del st.query_params[param]
        checked.pop(param, None)
    return found
