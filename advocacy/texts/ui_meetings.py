"""The parts of the Møter page: one meeting, its follow-up and answer, its letters, the
meeting form and the follow-up list."""

# --- One meeting (ui/meeting_detail.py) ---

MEETING_FIELD = "**{label}:** {value}"
MEETING_POLITICIANS = "Politikere"
MEETING_OUR_PARTICIPANTS = "Våre deltakere"
MEETING_LEVERS = "Saker"
MEETING_TOPICS = "Tema"
MEETING_SUMMARY = "Sammendrag"
MEETING_ASKS = "Det vi ba om"
MEETING_PROMISES = "Lovet eller avtalt"
MEETING_OUTCOME = "Utfall"
MEETING_FOLLOWUP_DONE_ON = "fulgt opp {date}"
MEETING_FOLLOWUP_DUE = "innen {date}"
MEETING_FOLLOWUP = "Oppfølging"
MEETING_FOLLOWUP_STATUS = "{status} (ansvarlig: {owner})"
MEETING_EDIT = "Endre møtet"
MEETING_LETTERS_TITLE = "#### Oppfølgingsbrev"
MEETING_LETTER_COLUMNS = {
    "title": "Brev", "recipient": "Mottaker", "status": "Status", "sent_on": "Sendt",
}
MEETING_SHOW_LETTER = "Vis brev"
MEETING_EDIT_LETTER = "Rediger brevet"
MEETING_DOWNLOAD_LETTER = "Last ned brevet (.docx)"
MEETING_LETTER_SENT_ON = "Sendt {date}"
MEETING_LETTER_PREVIEW = "Forhåndsvisning"

# --- Follow-up and answer (ui/meeting_answers.py) ---

MEETING_MARK_DONE = "Marker oppfølgingen som gjort"
MEETING_REPLY_TITLE = "Registrer svar fra politikeren"
MEETING_REPLY_ON = "Svar mottatt"
MEETING_REPLY_SUMMARY = "Hva svarte politikeren?"
MEETING_REPLY_FILE = "Svaret som fil (PDF eller Word, valgfritt)"
MEETING_REPLY_SUBMIT = "Registrer svar"
MEETING_REPLY_RECEIVED = "**Svar mottatt:** {date}"
MEETING_REPLY_WHAT = "**Hva de svarte:** {summary}"
MEETING_REPLY_DOWNLOAD = "Last ned svaret ({filename})"
FOLLOWUP_LETTER_SENT_ON = "Sendt dato"
FOLLOWUP_LETTER_MARK_SENT = "Marker som sendt"

# --- The meeting form (ui/meeting_form.py) ---

MEETING_FORM_CHAPTER = "Lokallag"
MEETING_FORM_MUNICIPALITY = "Kommune"
MEETING_FORM_DATE = "Dato"
MEETING_FORM_KIND = "Type kontakt"
MEETING_FORM_POLITICIANS = "Politikere til stede"
MEETING_FORM_CHOOSE_POLITICIANS = "Velg én eller flere politikere"
MEETING_FORM_OURS = "Våre deltakere"
MEETING_FORM_OURS_PLACEHOLDER = "F.eks. Kari Nordmann og Ola Vik"
MEETING_FORM_LEVERS = "Saker som ble tatt opp"
MEETING_FORM_TOPICS = "Tema"
MEETING_FORM_TOPICS_PLACEHOLDER = "F.eks. skjenketider"
MEETING_FORM_SUMMARY = "Sammendrag"
MEETING_FORM_ASKS = "Det vi ba om (ett krav per linje)"
MEETING_FORM_PROMISES = "Det som ble lovet eller avtalt"
MEETING_FORM_OUTCOME = "Utfall"
MEETING_FORM_DUE = "Oppfølging innen"
MEETING_FORM_DUE_HELP = "Tomt: {days} dager etter møtet."
MEETING_FORM_OWNER = "Ansvarlig for oppfølgingen"
MEETING_FORM_SAVE = "Lagre møtet"

# --- Follow-ups due (ui/followup_view.py) ---

FOLLOWUPS_CHAPTER = "Lokallag"
FOLLOWUPS_ALL_CHAPTERS = "Alle lokallag"
FOLLOWUPS_OWNER = "Ansvarlig"
FOLLOWUPS_ALL_OWNERS = "Alle"
FOLLOWUPS_COUNTS = "{total} åpne oppfølginger, {overdue} forfalt"
FOLLOWUPS_COLUMNS = {
    "status": "Status", "followup_due": "Frist", "days_overdue": "Dager over frist",
    "held_on": "Møtedato", "kommune": "Kommune", "politicians": "Politikere",
    "chapter": "Lokallag", "owner": "Ansvarlig", "no_reply_text": "Svar",
}
FOLLOWUPS_CALENDAR = "Last ned som kalender (.ics)"
FOLLOWUPS_CALENDAR_FILE = "oppfolginger.ics"
FOLLOWUPS_CHOOSE = "Oppfølging"
FOLLOWUPS_MARK_DONE = "Marker som gjort"

# --- A follow-up letter's fields (ui/followup_letter_form.py) ---

FOLLOWUP_LETTER_LIST_FIELD = "{label} (ett per linje)"
FOLLOWUP_LETTER_SAVE = "Lagre brevet"
FOLLOWUP_LETTER_SAVED = "Brevet er lagret"
FOLLOWUP_LETTER_MAKE = "Lag oppfølgingsbrev"
FOLLOWUP_LETTER_MADE = "Brevet er laget"
