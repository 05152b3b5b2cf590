"""The Innlegg and Uttalelser lists: search, filters, sort and pages."""

# --- Innlegg ---
LETTERS_NOUN = ("innlegg", "innlegg")
LETTERS_SEARCH = "Søk i innleggene"
LETTERS_PERIOD = "Sendt i perioden"
LETTER_FILTER_STATUS = ("Status", "Alle statuser")
LETTER_FILTER_KIND = ("Type", "Alle typer")
LETTER_FILTER_PAPER = ("Avis", "Alle aviser")
LETTER_FILTER_WRITER = ("Skribent", "Alle skribenter")
LETTER_FILTER_MUNICIPALITY = ("Kommune", "Alle kommuner")
LETTER_FILTER_NEEDS_ME = ("Trenger meg", "Alle innlegg")
LETTER_NEEDS_ME_ONLY = {1: "Bare de som trenger meg nå"}
LETTER_NEEDS_MORE = "Og {n} til: velg «Trenger meg» i listen under for å se alle."
LETTERS_ALL = "Alle innlegg"
LETTERS_MINE = "Mine innlegg"
LETTERS_SHOW_ALL = "Vis alle innlegg (hele pipelinen)"

# --- Uttalelser ---
STATEMENTS_NOUN = ("uttalelse", "uttalelser")
STATEMENTS_SEARCH = "Søk i uttalelsene"
STATEMENTS_PERIOD = "Periode"
STATEMENT_FILTER_STATUS = ("Status", "Alle statuser")
STATEMENT_FILTER_LEVER = ("Sak", "Alle saker")
STATEMENT_FILTER_MUNICIPALITY = ("Kommune", "Alle kommuner")
STATEMENT_FILTER_CHAPTER = ("Lokallag", "Alle lokallag")
