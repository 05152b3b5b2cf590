"""The parts of the Kommuner and Politikere pages: a municipality's profile, the politician
register, its forms and its import."""

from advocacy.texts.corrections import CORRECTED_COLUMN

# --- A municipality's profile (ui/profile_sections.py) ---

PROFILE_COLUMNS = {
    "lever": "Sak", "value": "Kommunens vedtak", "legal_normal": "Lovens normaltid",
    "legal_max": "Lovens grense", "goal": "Vårt mål", "status_shown": "Status",
    "decided_on": "Vedtatt", "source": "Kilde",
}
PROFILE_COUNTY = "{county} fylke"
PROFILE_POLITICIAN_COLUMNS = {
    "name": "Navn", "party": "Parti", "role": "Rolle", "committee": "Utvalg",
    "term": "Periode", "email": "E-post", "phone": "Telefon",
}
PROFILE_CHAPTER_COLUMNS = {
    "chapter": "Lokallag", "organisation": "Organisasjon", "meetings": "Møter her",
    "last_meeting": "Siste møte", "documents": "Dokumenter",
}
# The history chart's fields: their names show in the tooltip.
HISTORY_CHART_DECIDED = "Vedtatt"
HISTORY_CHART_LEVER = "Sak"
HISTORY_CHART_VALUE = "Verdi"
HISTORY_CHART_AXIS = "Vedtaksdato"
HISTORY_COLUMNS = {
    "decided_on": "Vedtatt", "lever": "Sak", "shown_value": "Verdi",
    "correction": CORRECTED_COLUMN, "source": "Kilde", "note": "Merknad",
    "recorded_by": "Registrert av", "recorded_at": "Registrert",
}
POSITION_LEVER = "Sak"
POSITION_VALUE_HINT = (
    "{hint}. Lovens normaltid: {legal_normal}; lovens grense: {legal_max}; vårt mål: {goal}."
)
# A yes/no lever's value: the words are the value recorded.
POSITION_YES_NO = ["ja", "nei"]
POSITION_VALUE = "Verdi"
POSITION_VALUE_DATE = "Verdi (dato)"
POSITION_DECIDED_ON = "Vedtaksdato"
POSITION_SOURCE = "Kilde (lenke eller saksnummer)"
POSITION_NOTE = "Merknad (valgfri)"
POSITION_SUBMIT = "Registrer vedtak"
PROFILE_MEETING_COLUMNS = {
    "held_on": "Dato", "kind": "Type", "chapter": "Lokallag", "politicians": "Politikere",
    "summary": "Referat", "asks": "Vi ba om", "promises": "Lovet",
    "followup_due": "Oppfølging innen",
}
PROFILE_DOCUMENT_COLUMNS = {
    "kind": "Type", "title": "Tittel", "status": "Status", "newspaper": "Avis",
    "sent_on": "Sendt", "published_on": "Publisert", "link": "Lenke",
}
KEY_DATE_COLUMNS = {
    "date": "Dato", "title": "Hva", "description": "Hvorfor det betyr noe", "source": "Kilde",
    "note": "Merknad",
}
KEY_DATES_CALENDAR_NAME = "Påvirk – {name}"
KEY_DATES_FILE_NAME = "viktige-datoer-{kommunenummer}.ics"
STATUS_FILE_NAME = "status-{kommunenummer}"
IMPORT_PROBLEM_COLUMNS = {"row": "Rad", "column": "Kolonne", "message": "Feil"}
IMPORT_POSITION_COLUMNS = {
    "row": "Rad", "kommunenummer": "Kommunenr.", "lever_id": "Sak", "value": "Verdi",
    "decided_on": "Vedtatt", "source": "Kilde",
}

# --- One politician (ui/politician_detail.py) ---

POLITICIAN_NOTES = "**Notater:** {notes}"
POLITICIAN_STANCES_TITLE = "#### Standpunkter"
POLITICIAN_STANCE_COLUMNS = {
    "subject": "Sak", "stance": "Standpunkt", "stated_on": "Dato", "source": "Kilde",
}
POLITICIAN_HISTORY = "Historikk"
POLITICIAN_STANCE_HISTORY_COLUMNS = {
    "subject": "Sak", "stance": "Standpunkt", "stated_on": "Dato",
    "correction": CORRECTED_COLUMN, "source": "Kilde", "recorded_by": "Registrert av",
}
POLITICIAN_MEETINGS_TITLE = "#### Møter"
POLITICIAN_MEETING_COLUMNS = {
    "held_on": "Dato", "kind": "Type", "chapter": "Lokallag", "summary": "Sammendrag",
    "followup_done_on": "Fulgt opp",
}
POLITICIAN_OPEN_MEETING = "Åpne møtet {date}"
POLITICIAN_LETTERS_TITLE = "#### Brev"
POLITICIAN_LETTER_COLUMNS = {
    "title": "Tittel", "kind": "Type", "status": "Status", "sent_on": "Sendt",
}
POLITICIAN_EDIT = "Endre opplysninger"
STANCE_FORM_TITLE = "Registrer standpunkt"
STANCE_LEVER = "Sak"
STANCE_OTHER_TOPIC = "Annet tema (skriv under)"
STANCE_TOPIC = "Tema"
STANCE_VALUE = "Standpunkt"
STANCE_DATE = "Dato"
STANCE_SOURCE = "Kilde"
STANCE_SOURCE_PLACEHOLDER = "Møte 12. mars, avisintervju, lenke …"
STANCE_SAVE = "Lagre standpunkt"

# --- The politician form (ui/politician_form.py) ---

POLITICIAN_FORM_NAME = "Navn"
POLITICIAN_FORM_PARTY = "Parti"
POLITICIAN_FORM_PARTY_HELP = "Forkortelse (Ap, H, FrP …) eller navnet på en lokal liste"
POLITICIAN_FORM_MUNICIPALITY = "Kommune"
POLITICIAN_FORM_CHOOSE_MUNICIPALITY = "Velg kommune"
POLITICIAN_FORM_ROLE = "Rolle"
POLITICIAN_FORM_COMMITTEE = "Utvalg"
POLITICIAN_FORM_TERM = "Periode"
POLITICIAN_FORM_EMAIL = "E-post (offentlig)"
POLITICIAN_FORM_PHONE = "Telefon (offentlig)"
POLITICIAN_FORM_NOTES = "Notater"
POLITICIAN_FORM_SAVE = "Lagre politiker"

# --- Importing politicians (ui/politician_import_view.py) ---

POLITICIAN_IMPORT_HELP = (
    "CSV (semikolon eller komma, UTF-8 eller Windows-1252) eller Excel (.xlsx). Første rad skal "
    "ha kolonnenavn, f.eks. navn, parti, kommune, rolle, e-post, telefon. Kommune kan være "
    "nummer eller navn; gamle nummer fra 2020–2023 (Viken, Vestfold og Telemark, Troms og "
    "Finnmark) blir gjort om. Ingenting lagres før du bekrefter, og bare hvis alle rader er "
    "i orden. Samme navn i samme kommune slås sammen, ikke doblet."
)
POLITICIAN_IMPORT_FILE = "Fil med politikere"
POLITICIAN_IMPORT_MAPPING = "**Hvilken kolonne er hva?**"
POLITICIAN_IMPORT_REQUIRED = "{field} (påkrevd)"
POLITICIAN_IMPORT_NOT_IN_FILE = "– ikke i filen –"
POLITICIAN_IMPORT_NEW = "Nye"
POLITICIAN_IMPORT_UPDATED = "Oppdateres"
POLITICIAN_IMPORT_MERGED = "Slås sammen"
POLITICIAN_IMPORT_REJECTED = "Avvist"
POLITICIAN_IMPORT_COLUMNS = {
    "rad": "Rad", "handling": "Handling", "navn": "Navn", "kommune": "Kommunenr.",
    "merknad": "Merknad",
}
POLITICIAN_IMPORT_GO = "Importer"
POLITICIAN_IMPORT_DONE = "Importert: {imported} nye, {updated} oppdatert."

# --- Correcting a recorded row (ui/corrections.py) ---

CORRECT_POSITION_LABEL = "{lever}: {value}, vedtatt {date} (nr. {id})"
CORRECT_STANCE_LABEL = "{subject}: {stance}, {date} (nr. {id})"
