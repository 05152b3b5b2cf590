"""Erasure: the person in every form, files rewritten, the surname left for review."""

ERASURE_FILES_REWRITTEN = (
    "{files} lagrede filer (maler og svar) er skrevet om uten personen og kan fortsatt åpnes."
)
ERASURE_SURNAME_LEFT = (
    "{count} tekster nevner bare etternavnet og er ikke endret; de ble vist før slettingen."
)
ERASURE_REVIEW_INTRO = (
    "Etternavnet «{surname}» står alene (uten fornavn) i {count} tekster. Slike omtaler slettes "
    "ikke automatisk, fordi de kan gjelde en annen person. Se gjennom listen før du bekrefter; "
    "skriv «{surname}» under «Andre skrivemåter» hvis også disse skal slettes."
)
ERASURE_REVIEW_NONE = "Etternavnet står ikke alene noe sted: alle omtaler slettes."
ERASURE_REVIEW_MORE = "… og {count} til."
ERASURE_REVIEW_COLUMNS = {"place": "Hvor", "nr": "Nr.", "field": "Felt", "excerpt": "Utdrag"}
ERASURE_PLACES = {
    "arguments": "Argumentbanken", "campaign_counts": "Kampanjetelling",
    "campaigns": "Kampanje", "chapters": "Lokallag", "documents": "Brev/dokument",
    "drafts": "Ulagret utkast", "events": "Hendelse", "letter_history": "Historikk (innlegg)",
    "letter_submissions": "Innsending til avis", "meetings": "Møte", "newspapers": "Avis",
    "politicians": "Politiker", "positions": "Vedtak", "stances": "Standpunkt",
    "statement_history": "Historikk (uttalelse)", "statement_recipients": "Mottaker",
    "statement_responses": "Svar på uttalelse", "statements": "Uttalelse",
    "templates": "Mal", "trash": "Papirkurven", "users": "Bruker",
}
ERASURE_FILE_FIELD = "lagret fil"
ERASURE_BACKUPS = (
    "Sikkerhetskopier tatt før slettingen har fortsatt personen: gjenopprettes en av dem, må "
    "slettingen gjøres på nytt."
)
