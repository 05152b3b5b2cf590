"""Getting around: the map's click, the Kommuner page's list, the calendar's month steps."""

MAP_CLICK_HINT = "Klikk på en kommune i kartet for å åpne kommuneprofilen."
KOMMUNER_DIRECTORY = "Alle kommuner"
CAL_PREVIOUS = "‹ Forrige måned"
CAL_NEXT = "Neste måned ›"
CAL_TODAY = "I dag"
