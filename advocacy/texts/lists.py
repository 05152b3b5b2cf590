"""Long lists at national scale: search, filters, sorting, pages, what is shown of how many."""

PAGE_BACK = "Forrige"
PAGE_NEXT = "Neste"
LIST_SHOWING_FIRST = "Viser de {shown} med tidligst frist av {total}. Kalenderfila har alle."
CHOOSE_POLITICIAN = "Velg en politiker for å se standpunkter, møter og brev"
CHOOSE_MEETING = "Velg et møte for å se det, skrive oppfølgingsbrev eller endre det"
OVERDUE_SHOWING = ("Viser de {shown} eldste av {total} forfalte oppfølginger. Last ned for hele "
                   "listen, eller se Møter → Oppfølging.")

# --- Search, filters, sorting and pages over a long list ---
LIST_SEARCH = "Søk i listen"
LIST_SEARCH_PLACEHOLDER = "Skriv ord og trykk Enter"
LIST_SORT = "Sorter etter"
LIST_ORDER = "Rekkefølge"
LIST_ASCENDING = "Stigende"
LIST_DESCENDING = "Synkende"
NEWEST_FIRST = ("Eldste først", "Nyeste først")
ALPHABETICAL = ("A–Å", "Å–A")
LIST_PERIOD_HELP = "Velg fra- og til-dato (begge tas med). Tøm feltet for å se alle."
LIST_FOUND = "{first}–{last} av {total} {noun}"
LIST_NONE_FOUND = "Ingen {noun} passer til søket og filtrene."
LIST_PAGE = "Side (av {pages})"
LIST_SIZE = "Per side"
MEETING_FOLLOWUP_STATES = {"forfalt": "Forfalt", "venter": "Ikke forfalt ennå",
                           "fulgt_opp": "Fulgt opp", "ingen": "Uten oppfølgingsfrist"}
MEETINGS_NOUN = ("møte", "møter")
CHANGES_NOUN = ("endring", "endringer")
