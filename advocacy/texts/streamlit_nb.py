"""Norwegian for the words Streamlit's own widgets would otherwise show in English: the
placeholder of a choice nobody has made, an empty table cell, a page the role may not open."""

from __future__ import annotations

CHOOSE_ONE = "Velg"
CHOOSE_MANY = "Velg en eller flere"
EMPTY_CELL = ""  # an empty table cell shows nothing (Streamlit would write «None»)
PAGE_NOT_FOR_ROLE = (
    "Denne siden er ikke tilgjengelig for din rolle. Velg en av sidene i menyen."
)
