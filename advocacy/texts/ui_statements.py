"""The parts of the Uttalelser page: a statement's form and its irreversible steps."""

# --- The steps that ask first (ui/statement_actions.py) ---

STATEMENT_ADOPT_TITLE = "**Registrer vedtak**"
STATEMENT_ADOPTED_BY = "Vedtatt av"
STATEMENT_ADOPTED_BY_PLACEHOLDER = "LO i Oslos styremøte"
STATEMENT_ADOPTED_ON = "Vedtaksdato"
STATEMENT_ADOPTED_PLACE = "Sted"
STATEMENT_ADOPT = "Registrer vedtak"
STATEMENT_ADOPT_CONFIRM_LABEL = "Vedta"
STATEMENT_SEND = "Registrer utsending"
STATEMENT_SENT_OK = "Utsendingen er registrert."
STATEMENT_RESPONSE_TITLE = "**Registrer svar**"
STATEMENT_RESPONSE_TO = "Svar på utsending til"
STATEMENT_RESPONSE_WHO = "Hvem svarte"
STATEMENT_RESPONSE_DATE = "Dato"
STATEMENT_RESPONSE_SUMMARY = "Sammendrag av svaret"
STATEMENT_RESPONSE_SUBMIT = "Registrer svar"
STATEMENT_RESPONSE_OK = "Svaret er registrert."

# --- A statement's fields (ui/statement_form.py) ---

STATEMENT_ADOPTED_BY_HELP = (
    "Slik det skal stå i opphavslinjen, f.eks. «LO i Oslos styremøte» eller "
    "«Årsmøtet i IOGT Drammen»."
)
STATEMENT_POSITION_HELP = "Standpunktet i første setning."
STATEMENT_GROUNDS_HELP = "2–4 avsnitt. Tom linje gir nytt avsnitt."
STATEMENT_DEMANDS_HELP = "Ett krav per linje."
STATEMENT_LEVERS = "Saker"
STATEMENT_MUNICIPALITIES = "Kommuner"
STATEMENT_CHAPTER = "Lokallag"
STATEMENT_WHOLE_ORGANISATION = "Hele organisasjonen"
STATEMENT_SAVE_DRAFT = "Lagre utkast"
