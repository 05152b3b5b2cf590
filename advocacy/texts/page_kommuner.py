"""Kommuner: the list of municipalities."""

KOMMUNER_SEARCH_PLACEHOLDER = "Navn eller kommunenummer, f.eks. Tana eller 5628"
KOMMUNER_SHOWING = "Viser {shown} av {total} kommuner (kommuneinndeling 2024)."
KOMMUNER_COL_NUMBER = "Kommunenr."
KOMMUNER_COL_NAME = "Kommune"
KOMMUNER_COL_COUNTY = "Fylke"
KOMMUNER_COL_LEVERS_KNOWN = "Registrerte saker"
KOMMUNER_COL_LAST_DECIDED = "Sist vedtatt"
