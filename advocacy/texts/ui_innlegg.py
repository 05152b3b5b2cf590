"""The parts of the Innlegg page: the list, one reader letter's editor, sending and answers."""

# --- One reader letter (ui/innlegg_editor.py) ---

LETTER_SIGNATURE_LABELS = {
    "avsender_navn": "Navn", "avsender_rolle": "Rolle", "organisasjon": "Organisasjon",
    "sted": "Sted",
}
LETTER_CAPTION_NEWSPAPER = " · {newspaper}"
LETTER_KIND = "Type"
LETTER_NEWSPAPER = "Avis"
LETTER_TITLE = "Tittel"
LETTER_TEXT = "Tekst (tom linje gir nytt avsnitt)"
LETTER_SIGNATURE = "Underskrift (fra profilen din)"
LETTER_NO_SIGNATURE = "*(ingen underskrift)*"
LETTER_SAVE = "Lagre"
LETTER_PAPER_LABEL = "{name} ({limit} tegn)"
LETTER_SIMILAR_SHOW = "Vis «{title}»"
ARGUMENT_INSERT_TITLE = "Argumentbank: sett inn et godkjent avsnitt"
ARGUMENT_CHOOSE = "Argument"
ARGUMENT_LABEL_LEVER = "{title} ({lever})"
ARGUMENT_SOURCES = "Kilder: {sources} · sjekket {date}"
ARGUMENT_INSERT = "Sett inn i teksten"
LETTER_SEND_TITLE = "#### Send til avis"
LETTER_SENT_WAITING = "Sendt til {paper} {sent_on}, eksklusivt til {until}."
LETTER_SENT_ON = "Sendt dato"
LETTER_EXCLUSIVE_DAYS = "Eksklusivt i antall dager"
LETTER_MARK_SENT = "Marker som sendt"
LETTER_ANSWER_TITLE = "#### Registrer svar fra avisen"
LETTER_ANSWER = "Svar"
LETTER_ANSWER_DATE = "Dato"
LETTER_ANSWER_LINK = "Lenke til innlegget (når det er publisert)"
LINK_PLACEHOLDER = "https://…"
LETTER_RECORD_ANSWER = "Registrer svar"
LETTER_DOWNLOAD_TITLE = "#### Last ned"
LETTER_DOWNLOAD_SENT_DOCX = "Last ned .docx (sendt versjon)"
LETTER_DOWNLOAD_DOCX = "Last ned .docx"
LETTER_DOWNLOAD_TEXT = "Last ned som tekst"
LETTER_EMAIL_TEXT = "Tekst klar til å lime inn i en e-post"
LETTER_NEW_VERSION = "Lag ny versjon (nytt utkast med samme tekst)"
LETTER_HISTORY = "Historikk"
LETTER_SUBMISSION_COLUMNS = {
    "newspaper": "Avis", "sent_on": "Sendt", "exclusive_until": "Eksklusivt til",
    "outcome": "Svar", "outcome_on": "Svardato", "link": "Lenke",
}
LETTER_HISTORY_COLUMNS = {
    "at": "Tidspunkt", "from_status": "Fra", "to_status": "Til", "who": "Hvem",
    "newspaper": "Avis", "note": "Merknad",
}

# --- The Innlegg tab (ui/innlegg.py) ---

LETTERS_NEEDING_ME = "Trenger deg nå"
LETTER_LIST_COLUMNS = {
    "title": "Tittel", "kind": "Type", "status": "Status", "newspaper": "Avis",
    "author": "Skribent", "sent_on": "Sendt", "published_on": "Publisert",
    "needs": "Neste steg", "waiting": "Venter",
}
LETTERS_PUBLISHED_TITLE = "Publisert per kvartal og per avis"
LETTERS_PER_QUARTER_COLUMNS = {
    "quarter": "Kvartal", "leserinnlegg": "Leserinnlegg", "kronikk": "Kronikker",
    "total": "I alt",
}
LETTERS_PER_PAPER_COLUMNS = {
    "newspaper": "Avis", "sent": "Sendt", "published": "Publisert", "refused": "Refusert",
    "no_answer": "Ingen svar", "waiting": "Venter",
}
LETTER_START = "Start"
LETTER_MUNICIPALITY = "Kommune innlegget handler om"
LETTER_LEVER = "Sak"
LETTER_CHOOSE_MUNICIPALITY_FIRST = "Velg kommunen, så fylles kommunens fakta inn."
LETTER_STARTING_POINT = "Utgangspunktet"
LETTER_NEWSPAPER_LATER = "Avis (kan velges senere)"
LETTER_WORD_TEMPLATE = "Word-mal for .docx-filen"
LETTER_CREATE = "Opprett innlegg"
