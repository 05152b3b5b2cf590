"""Words of the long lists of documents, politicians and events: filters, sorts, counts."""

# --- Dokumenter, Politikere and Kalender as long lists ---
DOCUMENTS_NOUN = ("dokument", "dokumenter")
POLITICIANS_NOUN = ("politiker", "politikere")
EVENTS_NOUN = ("aktivitet", "aktiviteter")
DOCUMENT_SEARCH = "Søk i dokumentene"
POLITICIAN_SEARCH = "Søk i navn, utvalg og notater"
EVENT_SEARCH = "Søk i tittel, sted og ansvarlig"
DOCUMENT_PERIOD = "Sist endret"
EVENT_PERIOD = "Periode"
EVENT_WHEN = {"kommende": "Fra i dag", "tidligere": "Før i dag"}
EVENT_WHEN_LABEL = "Når"
EVENT_WHEN_ALL = "Alle datoer"
KEY_DATES_IN_PERIOD = "Politiske datoer"
KEY_DATES_CAPTION = "Valg, handlingsplaner og andre politiske datoer fra {start} til {end}."
ALL_KINDS_LABEL = "Alle typer"
ALL_STATUSES = "Alle statuser"
ALL_AUTHORS = "Alle forfattere"
ALL_CHAPTERS = "Alle lokallag"
ALL_CAMPAIGNS = "Alle kampanjer"
ALL_MUNICIPALITIES = "Alle kommuner"
ALL_PARTIES = "Alle partier"
ALL_ROLES = "Alle roller"
CHOOSE_DOCUMENT_TO_OPEN = "Velg et dokument"
DOCUMENT_BEYOND_PAGE = "Dokument nr. {id}"
